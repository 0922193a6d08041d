//! `runweek import PLAN FILE... [--dry-run] [--json]`: activities from the watch into the
//! plan, as one atomic save.
//!
//! Each file is read on its own: a bad one gets a line saying what is wrong and the others
//! are still imported; the exit code is then 1, so a script notices. `--dry-run` says what
//! would happen and writes nothing. Times are local, in the system's time zone (`TZ`).

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::activity_file::{self, Prepared};
use crate::file;
use crate::file::echo::{escape, one_line};
use crate::present;

pub fn run(
    plan_path: &Path,
    files: &[PathBuf],
    dry_run: bool,
    json: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let mut plan = file::load(plan_path)?;
    let tz = jiff::tz::TimeZone::system();
    let prepared = activity_file::prepare(&plan, activity_file::read_all(files, &tz));
    let write = !dry_run && prepared.changes_anything;
    let mut notes = Vec::new();
    if write {
        let effects = file::save_effects(plan_path)?;
        if effects.read_only {
            anyhow::bail!(
                "{}: the plan file is read-only, so runweek leaves it as it is; make it \
                 writable (chmod u+w) to import into it",
                escape(&plan_path.display().to_string())
            );
        }
        notes = effects.sentences();
        plan.apply(prepared.edit.clone()).map_err(|e| {
            anyhow::anyhow!(one_line(&format!("the import could not be applied: {e}")))
        })?;
        file::save(plan_path, &plan)?;
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &to_json(&prepared))?;
        writeln!(out)?;
    } else {
        write_text(&prepared, plan.settings.units, dry_run, write, out)?;
        for note in notes {
            writeln!(out, "Note: {note}.")?;
        }
    }
    if !prepared.errors.is_empty() {
        anyhow::bail!(
            "{} of the files could not be imported{}",
            prepared.errors.len(),
            if prepared.rows.is_empty() {
                ""
            } else {
                "; the others were"
            }
        );
    }
    Ok(())
}

fn path_text(path: &Path) -> String {
    escape(&path.display().to_string()).into_owned()
}

/// The JSON document, exactly as the command's contract spells it.
fn to_json(p: &Prepared) -> serde_json::Value {
    let activities: Vec<_> = p
        .rows
        .iter()
        .map(|row| {
            let a = &row.activity;
            json!({
                "file": row.path.display().to_string(),
                "date": a.start.date().to_string(),
                "start": a.start.to_string(),
                "sport": a.sport.label(),
                "minutes": round(a.minutes, 100.0),
                "distance_km": a.distance_km.map(|km| round(km, 1000.0)),
                "avg_hr": a.hr.avg,
                "max_hr": a.hr.max,
                "warmup_hr": a.hr.warmup,
                "settled_hr": a.hr.settled,
                "action": row.action.label(),
                "session": row.action.session().0,
            })
        })
        .collect();
    let errors: Vec<_> = p
        .errors
        .iter()
        .map(|(path, message)| json!({"file": path.display().to_string(), "message": message}))
        .collect();
    json!({"activities": activities, "errors": errors})
}

fn round(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

fn write_text(
    p: &Prepared,
    units: crate::core::settings::Units,
    dry_run: bool,
    written: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for row in &p.rows {
        writeln!(
            out,
            "{}: {} → {}",
            path_text(&row.path),
            present::activity::summary(&row.activity, units),
            present::activity::action(row.action),
        )?;
    }
    for (path, message) in &p.errors {
        writeln!(out, "{}: {}", path_text(path), escape(message))?;
    }
    let what = if dry_run {
        "Dry run: nothing was written."
    } else if written {
        "Imported: the plan was saved."
    } else {
        "Nothing new to import: the plan is unchanged."
    };
    writeln!(out, "{what}")
}
