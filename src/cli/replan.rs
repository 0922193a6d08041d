//! `runweek replan FILE --date D [--json] [--write]`: the re-plan the day's verdict calls
//! for, from D to the end of its week or on to the next key session when that lies in the
//! next week (at most seven days ahead); `--write` applies it to the file as one atomic save.
//!
//! Nothing moves onto a day before today, so for a past D the re-plan covers only today and
//! the days after it, and says so; `--as-if-today` takes D as today instead, for a what-if
//! ("what would the re-plan have been on Monday?").
//!
//! The day limit comes from the verdict of D (Hold back → easy only, Rest → rest only), and
//! skipped key sessions of the week are placed again when the rules allow, so the same
//! command serves a bad day, a missed session and a week dragged by hand.

use std::path::Path;

use jiff::civil::Date;
use serde_json::json;

use crate::core::replan::{self, Proposal, ReplanRequest, ReplanRules};
use crate::core::session::{Done, Session};
use crate::core::verdict::{self, Verdict};
use crate::core::week::Week;
use crate::file;
use crate::file::echo::{echo, escape, one_line};
use crate::present;

/// Whether to write the proposal to the file (`--write`), whether to replace a
/// read-only file (`--force`), and whether to take the date as today (`--as-if-today`).
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteMode {
    pub write: bool,
    pub force: bool,
    pub as_if_today: bool,
}

pub fn run(
    path: &Path,
    date: Date,
    today: Date,
    json: bool,
    how: WriteMode,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let today = if how.as_if_today { date } else { today };
    let mut plan = file::load(path)?;
    let past = past_note(&plan, date, today)?;
    let verdict = verdict::assess(&plan, date).verdict;
    let request = ReplanRequest::after_verdict(&plan, today, date, verdict);
    let proposal = replan::replan(&plan, &request, &ReplanRules::for_settings(&plan.settings));
    // The form on the key days, as planned and with the proposal: only when it changes
    // something.
    let form = (!proposal.is_empty())
        .then(|| proposed(&plan, &proposal))
        .flatten()
        .map(|proposed| {
            present::form::key_day_form_lines(
                &plan,
                &proposed,
                today,
                proposal.from.max(today),
                proposal.window.last,
            )
        })
        .unwrap_or_default();
    let write = how.write;
    let mut notes = Vec::new();
    let written = if write && !proposal.is_empty() {
        // A read-only file was made so on purpose: like `rm` or `mv` without `-f`, ask for
        // --force rather than replace it (the folder would let the rename through).
        let effects = file::save_effects(path)?;
        if effects.read_only && !how.force {
            anyhow::bail!(
                "{}: the file is read-only, so runweek leaves it as it is; make it writable \
                 (chmod u+w) or pass --force to replace it (it stays read-only)",
                escape(&path.display().to_string())
            );
        }
        notes = effects.sentences();
        plan.apply(proposal.batch()).map_err(|e| {
            anyhow::anyhow!(one_line(&format!("the proposal could not be applied: {e}")))
        })?;
        file::save(path, &plan)?;
        true
    } else {
        false
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &to_json(date, verdict, &proposal))?;
        writeln!(out)?;
    } else {
        let week = Week::containing(date, plan.settings.week_start);
        if let Some(past) = &past {
            writeln!(out, "{past}")?;
        }
        let text = Text {
            week,
            verdict,
            form: &form,
            past: past.is_some(),
        };
        write_text(path, &text, &proposal, write, written, out)?;
        for note in notes {
            writeln!(out, "Note: {note}.")?;
        }
    }
    Ok(())
}

/// The JSON document, exactly as the command's contract spells it.
fn to_json(date: Date, verdict: Option<Verdict>, p: &Proposal) -> serde_json::Value {
    let changes: Vec<_> = p
        .changes
        .iter()
        .map(|c| {
            json!({
                "id": c.id.0,
                "action": c.action.label(),
                "from": c.from.to_string(),
                "to": c.to.map(|d| d.to_string()),
                "kind": c.kind.label(),
                "minutes": c.minutes,
                "reason": c.reason,
            })
        })
        .collect();
    let week: Vec<_> = p
        .week
        .iter()
        .map(|s| {
            json!({
                "id": s.id.0,
                "date": s.date.to_string(),
                "kind": s.kind.label(),
                "minutes": s.minutes.get(),
                "key": s.key,
            })
        })
        .collect();
    json!({
        "date": date.to_string(),
        "verdict": verdict,
        "keeps_key": p.keeps_key,
        "optimal": p.optimal,
        "window": {
            "from": p.window.first.to_string(),
            "to": p.window.last.to_string(),
        },
        "changes": changes,
        "week": week,
    })
}

/// For a day before today: what the re-plan can still change, in one line; an error for a
/// week that is over, where nothing can change at all.
fn past_note(
    plan: &crate::core::plan::Plan,
    date: Date,
    today: Date,
) -> anyhow::Result<Option<String>> {
    if date >= today {
        return Ok(None);
    }
    let week = Week::containing(date, plan.settings.week_start);
    let day = date.strftime("%a %-d %b %Y");
    if week.end() < today {
        anyhow::bail!(
            "{day} is in a week that is over: nothing moves onto a past day, so there is \
             nothing to re-plan; pass --as-if-today to see the re-plan as if {day} were today"
        );
    }
    Ok(Some(format!(
        "{day} is past: only today ({}) and the days after it can change, since nothing moves \
         onto a past day. Pass --as-if-today to see the re-plan as if {day} were today.",
        today.strftime("%a %-d %b")
    )))
}

/// The plan with the proposal applied, for the form it leaves on the key days.
fn proposed(plan: &crate::core::plan::Plan, p: &Proposal) -> Option<crate::core::plan::Plan> {
    let mut proposed = plan.clone();
    proposed.apply(p.batch()).ok()?;
    Some(proposed)
}

/// What the text output says besides the proposal.
struct Text<'a> {
    week: Week,
    verdict: Option<Verdict>,
    /// The form expected on the key days, as planned and with the proposal.
    form: &'a [String],
    /// The day asked about is past (and not taken as today).
    past: bool,
}

fn write_text(
    path: &Path,
    text: &Text<'_>,
    p: &Proposal,
    write: bool,
    written: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let (week, verdict) = (text.week, text.verdict);
    let day = p.from.strftime("%a %-d %b %Y");
    let today = if p.from == p.today { " (today)" } else { "" };
    let call = verdict.map_or("no readiness check that day", Verdict::label);
    writeln!(out, "Re-plan from {day}{today}: {call}")?;
    if let Some(limit) = present::day_limit(p.limit, p.from, p.today) {
        writeln!(out, "{limit}")?;
    }
    if let Some(reach) = present::reach(&p.window) {
        writeln!(out, "{reach}.")?;
    }
    writeln!(out)?;
    if p.is_empty() {
        writeln!(
            out,
            "Nothing to change: the rest of the week already fits the rules."
        )?;
    } else {
        let n = p.changes.len();
        writeln!(out, "{n} change{}:", if n == 1 { "" } else { "s" })?;
        for c in &p.changes {
            writeln!(out, "  - {}", one_line(&c.reason))?;
        }
    }
    match &p.message {
        Some(message) if text.past => writeln!(
            out,
            "{message} The days before today are past and cannot take it."
        )?,
        Some(message) => writeln!(out, "{message}")?,
        None => writeln!(out, "Every key session is kept.")?,
    }
    for line in text.form {
        writeln!(out, "{line}")?;
    }
    if let Some(words) = p.optimality() {
        writeln!(out, "{words}")?;
    }
    if let Some(push) = &p.push {
        writeln!(out, "{} (a suggestion; not applied)", push.reason)?;
    }
    writeln!(out)?;
    if p.window.crosses_week() {
        writeln!(
            out,
            "The week after the re-plan, and its days in the next week (* key session):"
        )?;
    } else {
        writeln!(out, "The week after the re-plan (* key session):")?;
    }
    write_week(week, p, out)?;
    writeln!(out)?;
    if written {
        writeln!(
            out,
            "Wrote {} change{} to {} (one step; the file was replaced atomically).",
            p.changes.len(),
            if p.changes.len() == 1 { "" } else { "s" },
            escape(&path.display().to_string())
        )?;
    } else if write {
        writeln!(out, "Nothing written: there is nothing to change.")?;
    } else if !p.is_empty() {
        writeln!(out, "Nothing written; run again with --write to apply it.")?;
    }
    Ok(())
}

fn write_week(week: Week, p: &Proposal, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    let after = p.window.days().filter(|d| *d > week.end());
    for date in week.days().into_iter().chain(after) {
        let label = format!(
            "{}{}",
            date.strftime("%a %d %b"),
            if date == p.today { " (today)" } else { "" }
        );
        let sessions: Vec<&Session> = p.week.iter().filter(|s| s.date == date).collect();
        if sessions.is_empty() {
            writeln!(out, "{label:<18}   -")?;
        }
        for (i, s) in sessions.into_iter().enumerate() {
            let label = if i == 0 { label.as_str() } else { "" };
            writeln!(
                out,
                "{label:<18} {}{}{}",
                if s.key { "* " } else { "  " },
                describe(s),
                note(p, s)
            )?;
        }
    }
    let dropped: Vec<_> = p
        .changes
        .iter()
        .filter(|c| c.to.is_none())
        .map(|c| {
            format!(
                "{} {} min ({})",
                c.was_kind,
                c.was_minutes,
                c.from.strftime("%a")
            )
        })
        .collect();
    if !dropped.is_empty() {
        writeln!(out, "Dropped: {}", dropped.join(", "))?;
    }
    Ok(())
}

fn describe(s: &Session) -> String {
    let title = if s.title.is_empty() {
        String::new()
    } else {
        format!(" \"{}\"", echo(&s.title))
    };
    let status = match s.done {
        None => "",
        Some(Done::Skipped) => "  [skipped]",
        Some(Done::Done(_)) => "  [done]",
    };
    format!("{}{title}, {} min{status}", s.kind, s.minutes)
}

fn note(p: &Proposal, s: &Session) -> String {
    let Some(c) = p.change(s.id) else {
        return String::new();
    };
    let mut parts = Vec::new();
    if c.to.is_some_and(|to| to != c.from) {
        parts.push(format!("moved from {}", c.from.strftime("%a")));
    }
    if c.kind != c.was_kind {
        parts.push(format!("was {}", c.was_kind));
    }
    if c.minutes != c.was_minutes {
        parts.push(format!("was {} min", c.was_minutes));
    }
    format!("   <- {}", parts.join(", "))
}
