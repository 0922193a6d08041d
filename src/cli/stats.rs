//! `runweek stats FILE [--from D] [--to D] [--json]`: the load figures, per week and per day.
//!
//! The figures and their formulas are those of [`crate::core::load`]; this file only picks
//! the range and lays them out, so the window and the command line never disagree.

use std::io::Write;
use std::path::Path;

use jiff::civil::Date;
use serde_json::json;

use crate::core::load::{self, DayMetrics, LOAD_GROWTH_CAVEAT, Trends, WeekSummary};
use crate::core::settings::{Units, WeekStart};
use crate::core::week::{Week, add_days, days_between};
use crate::file;
use crate::file::echo::one_line;
use crate::present::distance;

/// Weeks shown when the range is not given in full.
const DEFAULT_WEEKS: i64 = 4;

pub fn run(
    path: &Path,
    from: Option<Date>,
    to: Option<Date>,
    today: Date,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    super::check_order(from, to)?;
    let plan = file::load(path)?;
    let (from, to) = range(from, to, today, plan.settings.week_start);
    super::check_span(from, to)?;
    let trends = Trends::compute(&plan, today);
    let weeks = load::week_summaries(&plan, today, from, to);
    let days: Vec<_> = (0..=days_between(from, to))
        .map(|n| trends.metrics_on(add_days(from, n)))
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &to_json(&weeks, &days))?;
        writeln!(out)?;
    } else {
        write_text(&weeks, &days, plan.settings.units, out)?;
    }
    Ok(())
}

/// The days to show. Both ends given: as given. One end only: the four weeks from or to it.
/// None: the four weeks ending with the current week.
fn range(from: Option<Date>, to: Option<Date>, today: Date, week_start: WeekStart) -> (Date, Date) {
    let span = 7 * DEFAULT_WEEKS;
    match (from, to) {
        (Some(from), Some(to)) => (from, to),
        (Some(from), None) => {
            let start = Week::containing(from, week_start).start();
            (from, add_days(start, span - 1))
        }
        (None, to) => {
            let to = to.unwrap_or_else(|| Week::containing(today, week_start).end());
            let start = Week::containing(to, week_start).start();
            (add_days(start, 7 - span), to)
        }
    }
}

/// Rounded to 0.01 for JSON, with no negative zero.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

fn to_json(weeks: &[WeekSummary], days: &[DayMetrics]) -> serde_json::Value {
    let weeks: Vec<_> = weeks
        .iter()
        .map(|w| {
            json!({
                "start": w.week.start().to_string(),
                "minutes": w.counted.minutes,
                "distance_km": round2(w.counted.distance_km),
                "load_planned": round2(w.planned.load),
                "load_done": round2(w.done.load),
                "monotony": w.monotony.map(round2),
                "strain": w.strain.map(round2),
            })
        })
        .collect();
    let days: Vec<_> = days
        .iter()
        .map(|d| {
            json!({
                "date": d.date.to_string(),
                "load": round2(d.load),
                "fitness": round2(d.fitness),
                "fatigue": round2(d.fatigue),
                "form": round2(d.form),
                "acwr": d.acwr.map(round2),
            })
        })
        .collect();
    json!({ "weeks": weeks, "days": days })
}

/// `x` with `decimals` places; rounded first so that a small negative never shows as "-0.0".
fn fixed(x: f64, decimals: usize) -> String {
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(0));
    format!("{:.decimals$}", (x * scale).round() / scale + 0.0)
}

/// `x` with `decimals` places, or "—" when there is no value.
fn maybe(x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "—".to_owned(), |x| fixed(x, decimals))
}

fn write_text(
    weeks: &[WeekSummary],
    days: &[DayMetrics],
    units: Units,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    writeln!(
        out,
        "Weeks (load = minutes × RPE; minutes, distance and monotony: done before today, \
         planned from today on)"
    )?;
    writeln!(
        out,
        "{:<14} {:>7} {:>10} {:>8} {:>8} {:>8} {:>8} {:>11} {:>7}",
        "Week of",
        "Minutes",
        "Distance",
        "Planned",
        "Done",
        "Monotony",
        "Strain",
        "Hard/easy",
        "Change"
    )?;
    for w in weeks {
        let change = w.change_pct.map_or_else(
            || "—".to_owned(),
            |p| format!("{}{} %", if p >= 0.5 { "+" } else { "" }, fixed(p, 0)),
        );
        writeln!(
            out,
            "{:<14} {:>7} {:>10} {:>8.0} {:>8.0} {:>8} {:>8} {:>11} {:>7}",
            w.week.start().strftime("%a %Y-%m-%d").to_string(),
            w.counted.minutes,
            distance(w.counted.distance_km, units),
            w.planned.load,
            w.done.load,
            maybe(w.monotony, 2),
            maybe(w.strain, 0),
            format!("{}/{} min", w.hard.minutes, w.easy.minutes),
            change,
        )?;
    }
    let mut warned = false;
    for w in weeks {
        if let Some(warning) = &w.growth_warning {
            writeln!(
                out,
                "! Week of {}: {}",
                w.week.start(),
                one_line(&warning.to_string())
            )?;
            warned = true;
        }
    }
    if warned {
        writeln!(out, "  {LOAD_GROWTH_CAVEAT}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Days (* = projected from the plan; form = yesterday's fitness − yesterday's fatigue)"
    )?;
    writeln!(
        out,
        "{:<15} {:>6} {:>8} {:>8} {:>7} {:>6}",
        "Date", "Load", "Fitness", "Fatigue", "Form", "ACWR"
    )?;
    for d in days {
        let date = format!(
            "{}{}",
            d.date.strftime("%a %Y-%m-%d"),
            if d.projected { "*" } else { "" }
        );
        writeln!(
            out,
            "{date:<15} {:>6.0} {:>8} {:>8} {:>7} {:>6}",
            d.load,
            fixed(d.fitness, 1),
            fixed(d.fatigue, 1),
            fixed(d.form, 1),
            maybe(d.acwr, 2),
        )?;
    }
    Ok(())
}
