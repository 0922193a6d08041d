//! The spreadsheet export (`.csv`): a header and one row per session, written with the
//! `csv` crate, which quotes commas, quotes and new lines in titles and notes.
//!
//! The columns, in order: `date` (YYYY-MM-DD), `weekday` (Mon … Sun), `kind`, `title`,
//! `planned_minutes`, `planned_km`, `planned_distance_km` or `planned_distance_mi` (in the
//! plan's units), `planned_rpe` (the kind's usual when none is planned), `key` (yes/no),
//! `status` (planned, done, skipped), `done_minutes`, `done_distance_km` or
//! `done_distance_mi`, `done_rpe`, `avg_hr`, `notes`. A number that is not there is an empty
//! cell; distances have at most two decimals.

use crate::core::plan::Plan;
use crate::core::session::{Done, Session};
use crate::core::settings::Units;
use crate::present;

/// The header row, with the plan's unit in the two distance columns that use it.
pub fn header(units: Units) -> Vec<String> {
    let unit = present::unit_label(units);
    [
        "date".to_owned(),
        "weekday".to_owned(),
        "kind".to_owned(),
        "title".to_owned(),
        "planned_minutes".to_owned(),
        "planned_km".to_owned(),
        format!("planned_distance_{unit}"),
        "planned_rpe".to_owned(),
        "key".to_owned(),
        "status".to_owned(),
        "done_minutes".to_owned(),
        format!("done_distance_{unit}"),
        "done_rpe".to_owned(),
        "avg_hr".to_owned(),
        "notes".to_owned(),
    ]
    .to_vec()
}

/// The table of `sessions` (of `plan`, for its units).
///
/// # Errors
/// Never for text in memory; kept as the `csv` writer's error rather than hidden.
pub fn write(plan: &Plan, sessions: &[Session]) -> Result<String, csv::Error> {
    let units = plan.settings.units;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header(units))?;
    for session in sessions {
        writer.write_record(row(session, units))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    // Every cell came from a `String`, so the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn row(s: &Session, units: Units) -> Vec<String> {
    let (status, run) = match &s.done {
        None => ("planned", None),
        Some(Done::Skipped) => ("skipped", None),
        Some(Done::Done(run)) => ("done", Some(run)),
    };
    let km = |km: f64| present::distance_number(km, Units::Km);
    let in_units = |km: f64| present::distance_number(km, units);
    vec![
        s.date.to_string(),
        present::weekday(s.date),
        s.kind.label().to_owned(),
        s.title.clone(),
        s.minutes.to_string(),
        s.distance_km.map(|d| km(d.get())).unwrap_or_default(),
        s.distance_km.map(|d| in_units(d.get())).unwrap_or_default(),
        s.planned_rpe().to_string(),
        if s.key { "yes" } else { "no" }.to_owned(),
        status.to_owned(),
        run.map(|r| r.minutes.to_string()).unwrap_or_default(),
        run.and_then(|r| r.distance_km)
            .map(|d| in_units(d.get()))
            .unwrap_or_default(),
        run.and_then(|r| r.rpe)
            .map(|r| r.to_string())
            .unwrap_or_default(),
        run.and_then(|r| r.avg_hr)
            .map(|hr| hr.to_string())
            .unwrap_or_default(),
        s.notes.clone(),
    ]
}
