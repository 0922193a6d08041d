//! `runweek show FILE [--date D] [--json]`: one week as a text grid; with `--weeks N`, a
//! block of weeks as rows, with the figures the window's block view shows
//! ([`crate::present::block`]).

use std::io::Write;
use std::path::Path;

use jiff::civil::Date;
use serde_json::json;

use crate::core::load::week_totals;
use crate::core::plan::Plan;
use crate::core::rules;
use crate::core::session::{Done, Session};
use crate::core::settings::Units;
use crate::core::week::Week;
use crate::file;
use crate::file::echo::{echo, one_line};
use crate::present::block::{self, BlockWeek};
use crate::present::{distance, duration, load};

pub fn run(
    path: &Path,
    date: Date,
    today: Date,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let plan = file::load(path)?;
    let week = Week::containing(date, plan.settings.week_start);
    if json {
        serde_json::to_writer_pretty(&mut *out, &week_json(&plan, week))?;
        writeln!(out)?;
    } else {
        write_text(&plan, week, today, out)?;
    }
    Ok(())
}

/// `runweek show FILE --weeks N`: `weeks` weeks from the week of `date`.
pub fn run_weeks(
    path: &Path,
    date: Date,
    weeks: u8,
    today: Date,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let plan = file::load(path)?;
    let rows = block::block(&plan, date, usize::from(weeks), today);
    if json {
        serde_json::to_writer_pretty(&mut *out, &weeks_json(&rows))?;
        writeln!(out)?;
    } else {
        write_weeks(&rows, plan.settings.units, today, out)?;
    }
    Ok(())
}

fn write_weeks(
    rows: &[BlockWeek],
    units: Units,
    today: Date,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let count = rows.len();
    if let Some(first) = rows.first() {
        writeln!(
            out,
            "{count} week{} from {} {}",
            if count == 1 { "" } else { "s" },
            first.week.start().strftime("%a"),
            first.week.start()
        )?;
    }
    writeln!(
        out,
        "(minutes, distance and load: done before today, planned from today on; change: \
         planned load against the week before's; * key session)"
    )?;
    writeln!(
        out,
        "{:<16} {:>12} {:>10} {:>7} {:>7}",
        "Week of", "Minutes", "Distance", "Load", "Change"
    )?;
    for row in rows {
        let mark = if row.week.contains(today) { " <" } else { "" };
        writeln!(
            out,
            "{:<16} {:>12} {:>10} {:>7} {:>7}{}{mark}",
            row.week.start().strftime("%a %Y-%m-%d").to_string(),
            duration(row.minutes),
            distance(row.distance_km, units),
            load(row.load),
            block::change(row.change_pct),
            if row.growth_warning.is_some() {
                " !"
            } else {
                ""
            },
        )?;
        for day in row.days.iter().filter(|d| !d.sessions.is_empty()) {
            let sessions: Vec<_> = day.sessions.iter().map(compact).collect();
            writeln!(
                out,
                "  {:<10}  {}",
                day.date.strftime("%a %d %b").to_string(),
                sessions.join(", ")
            )?;
        }
    }
    if rows.iter().any(|r| r.growth_warning.is_some()) {
        writeln!(
            out,
            "! planned load grows more than the week's rule allows (a soft limit)"
        )?;
    }
    if rows.iter().any(|r| r.week.contains(today)) {
        writeln!(out, "< this week")?;
    }
    Ok(())
}

/// A session in a few words: "*Intervals 60 min done".
fn compact(s: &Session) -> String {
    let mut text = format!("{}{}", if s.key { "*" } else { "" }, s.kind);
    if s.minutes.get() > 0 {
        text += &format!(" {} min", s.minutes);
    }
    match s.done {
        Some(Done::Done(_)) => text += " done",
        Some(Done::Skipped) => text += " skipped",
        None => {}
    }
    text
}

fn weeks_json(rows: &[BlockWeek]) -> serde_json::Value {
    let weeks: Vec<_> = rows
        .iter()
        .map(|row| {
            let days: Vec<_> = row
                .days
                .iter()
                .map(|d| {
                    json!({
                        "date": d.date.to_string(),
                        "sessions": d.sessions.iter().map(session_json).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({
                "start": row.week.start().to_string(),
                "minutes": row.minutes,
                "distance_km": round2(row.distance_km),
                "load": round2(row.load),
                "change_pct": row.change_pct.map(round2),
                "days": days,
            })
        })
        .collect();
    json!({ "weeks": weeks })
}

/// Rounded to 0.01 for JSON, as `runweek stats` rounds, with no negative zero.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

fn status(session: &Session, units: Units) -> String {
    match session.done {
        None => String::new(),
        Some(Done::Skipped) => "  [skipped]".to_owned(),
        Some(Done::Done(run)) => {
            let mut s = format!("  [done {} min", run.minutes);
            if let Some(d) = run.distance_km {
                s += &format!(", {}", distance(d.get(), units));
            }
            if let Some(rpe) = run.rpe {
                s += &format!(", RPE {rpe}");
            }
            if let Some(hr) = run.avg_hr {
                s += &format!(", {hr} bpm");
            }
            s + "]"
        }
    }
}

fn write_text(plan: &Plan, week: Week, today: Date, out: &mut dyn Write) -> anyhow::Result<()> {
    let units = plan.settings.units;
    writeln!(
        out,
        "Week of {} {} (* key session)",
        week.start().strftime("%a"),
        week.start()
    )?;
    let warnings = rules::check_week(plan, week);
    for date in week.days() {
        let label = format!(
            "{}{}",
            date.strftime("%a %d %b"),
            if date == today { " (today)" } else { "" }
        );
        let sessions = plan.sessions_on(date);
        if sessions.is_empty() {
            writeln!(out, "{label:<18} -")?;
        }
        for (i, s) in sessions.iter().enumerate() {
            let day = if i == 0 { label.as_str() } else { "" };
            let title = if s.title.is_empty() {
                String::new()
            } else {
                format!(" \"{}\"", echo(&s.title))
            };
            let minutes = if s.minutes.get() == 0 {
                String::new()
            } else {
                format!(", {} min", s.minutes)
            };
            let dist = s
                .distance_km
                .map(|d| format!(", {}", distance(d.get(), units)))
                .unwrap_or_default();
            writeln!(
                out,
                "{day:<18} {}{}{title}{minutes}{dist}{}",
                if s.key { "* " } else { "  " },
                s.kind,
                status(s, units)
            )?;
        }
        for w in warnings.iter().filter(|w| w.date() == date && !w.is_soft()) {
            writeln!(out, "{:<18}   ! {}", "", one_line(&w.to_string()))?;
        }
    }
    let t = week_totals(plan.sessions_between(week.start(), week.end()));
    writeln!(
        out,
        "Planned {} min, {}, load {:.0}; done {} min, {}, load {:.0}; {} hard session{}",
        t.planned_minutes,
        distance(t.planned_km, units),
        t.planned_load,
        t.done_minutes,
        distance(t.done_km, units),
        t.done_load,
        t.hard,
        if t.hard == 1 { "" } else { "s" }
    )?;
    for w in warnings.iter().filter(|w| w.is_soft()) {
        writeln!(out, "! {}", one_line(&w.to_string()))?;
    }
    Ok(())
}

fn week_json(plan: &Plan, week: Week) -> serde_json::Value {
    let warnings = rules::check_week(plan, week);
    let days: Vec<_> = week
        .days()
        .iter()
        .map(|&date| {
            let sessions: Vec<_> = plan.sessions_on(date).iter().map(session_json).collect();
            let day_warnings: Vec<_> = warnings
                .iter()
                .filter(|w| w.date() == date && !w.is_soft())
                .map(ToString::to_string)
                .collect();
            json!({
                "date": date.to_string(),
                "weekday": date.strftime("%a").to_string(),
                "sessions": sessions,
                "warnings": day_warnings,
            })
        })
        .collect();
    let t = week_totals(plan.sessions_between(week.start(), week.end()));
    let week_warnings: Vec<_> = warnings
        .iter()
        .filter(|w| w.is_soft())
        .map(ToString::to_string)
        .collect();
    json!({
        "week_start": week.start().to_string(),
        "days": days,
        "totals": {
            "planned_minutes": t.planned_minutes,
            "planned_distance_km": round1(t.planned_km),
            "planned_load": t.planned_load,
            "done_minutes": t.done_minutes,
            "done_distance_km": round1(t.done_km),
            "done_load": t.done_load,
            "hard_sessions": t.hard,
        },
        "warnings": week_warnings,
    })
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn session_json(s: &Session) -> serde_json::Value {
    let (status, done) = match s.done {
        None => ("planned", serde_json::Value::Null),
        Some(Done::Skipped) => ("skipped", serde_json::Value::Null),
        Some(Done::Done(run)) => (
            "done",
            json!({
                "minutes": run.minutes.get(),
                "distance_km": run.distance_km.map(|d| d.get()),
                "rpe": run.rpe.map(|r| r.get()),
                "avg_hr": run.avg_hr.map(|h| h.get()),
            }),
        ),
    };
    json!({
        "id": s.id.0,
        "kind": s.kind.label(),
        "title": s.title,
        "minutes": s.minutes.get(),
        "distance_km": s.distance_km.map(|d| d.get()),
        "rpe": s.rpe.map(|r| r.get()),
        "key": s.key,
        "hard": s.kind.is_hard(),
        "status": status,
        "done": done,
    })
}
