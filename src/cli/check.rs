//! `runweek check FILE`.

use std::io::Write;
use std::path::Path;

use crate::core::rules;
use crate::core::week::Week;
use crate::file;

pub fn run(path: &Path, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let plan = file::load(path)?;
    let sessions = plan.sessions().len();
    let entries = plan.readiness().len();
    let span = match plan.date_range() {
        Some((first, last)) => format!(", {first} to {last}"),
        None => String::new(),
    };
    let mut warnings = 0;
    if let Some((first, last)) = plan.date_range() {
        let mut week = Week::containing(first, plan.settings.week_start);
        while week.start() <= last {
            warnings += rules::check_week(&plan, week).len();
            week = week.next();
        }
    }
    if json {
        let range = plan.date_range();
        let summary = serde_json::json!({
            "file": path.display().to_string(),
            "ok": true,
            "sessions": sessions,
            "readiness": entries,
            "first": range.map(|(first, _)| first.to_string()),
            "last": range.map(|(_, last)| last.to_string()),
            "rule_warnings": warnings,
        });
        serde_json::to_writer_pretty(&mut *out, &summary)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{}: ok: {sessions} sessions, {entries} readiness entries{span}{}",
        file::echo::escape(&path.display().to_string()),
        match warnings {
            0 => String::new(),
            1 => "; 1 rule warning (see `runweek show`)".to_owned(),
            n => format!("; {n} rule warnings (see `runweek show`)"),
        }
    )?;
    Ok(())
}
