//! `runweek review FILE [--from D] [--to D] [--json]`: each decision day, what was done and
//! what followed; the patterns; and whether the last weeks leave room to extend.
//!
//! The reading is [`crate::core::review`]'s and the words are [`crate::present::review`]'s,
//! the same the window shows.

use std::io::Write;
use std::path::Path;

use jiff::civil::Date;
use serde_json::json;

use crate::core::review::{self, Choice, Decision, Did, Pattern, RoomToExtend};
use crate::core::verdict::Assessments;
use crate::core::week::{Week, add_days};
use crate::file;
use crate::present::review as words;

/// Weeks reviewed when `--from` is not given: the window's "last 12 weeks".
const DEFAULT_WEEKS: i64 = 12;

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
    let week_start = plan.settings.week_start;
    let to = to.unwrap_or_else(|| Week::containing(today, week_start).end());
    let from = from.unwrap_or_else(|| {
        add_days(
            Week::containing(to, week_start).start(),
            -7 * (DEFAULT_WEEKS - 1),
        )
    });
    super::check_span(from, to)?;
    // The week "Room to extend" speaks of: the last one reviewed that has begun.
    let week = Week::containing(to.min(today), week_start);
    let verdicts = Assessments::new(
        &plan,
        add_days(
            from.min(week.start()),
            -review::days_before(&plan.settings.review),
        ),
        add_days(to.max(week.end()), 2),
    );
    let decisions = review::decisions(&plan, &verdicts, from, to, today);
    let patterns = review::patterns(&decisions);
    let room = review::room_to_extend(&plan, &verdicts, week, today);
    if json {
        serde_json::to_writer_pretty(&mut *out, &to_json(&decisions, &patterns, room.is_some()))?;
        writeln!(out)?;
    } else {
        write_text(&plan, &decisions, &patterns, room.as_ref(), from, to, out)?;
    }
    Ok(())
}

fn to_json(decisions: &[Decision], patterns: &[Pattern], room: bool) -> serde_json::Value {
    let decisions: Vec<_> = decisions
        .iter()
        .map(|d| {
            json!({
                "date": d.date.to_string(),
                "verdict": d.verdict,
                "followed": d.followed,
                "did": d.did.key(),
                "next_days": d.next_days,
                "next_key": d.next_key.as_ref().map(|k| json!({
                    "date": k.date.to_string(),
                    "status": k.status.key(),
                    "rpe": k.rpe,
                    "planned_rpe": k.planned_rpe,
                })),
            })
        })
        .collect();
    let patterns: Vec<_> = patterns
        .iter()
        .map(|p| {
            json!({
                "situation": p.choice.situation(),
                "choice": choice_key(p.choice),
                "count": p.count,
                "good_next_key": p.good_next_key,
            })
        })
        .collect();
    json!({ "decisions": decisions, "patterns": patterns, "room_to_extend": room })
}

/// A choice as the JSON names it: what the runner did, as in `did`.
fn choice_key(choice: Choice) -> &'static str {
    match choice {
        Choice::HeldBack => Did::HeldBack.key(),
        Choice::PushedThrough => Did::PushedThrough.key(),
        Choice::Extended => Did::Extended.key(),
        Choice::AsPlanned => Did::AsPlanned.key(),
    }
}

fn write_text(
    plan: &crate::core::plan::Plan,
    decisions: &[Decision],
    patterns: &[Pattern],
    room: Option<&RoomToExtend>,
    from: Date,
    to: Date,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let rules = &plan.settings.review;
    writeln!(out, "Decision days from {from} to {to}")?;
    if decisions.is_empty() {
        writeln!(
            out,
            "  None: no Push, Hold back or Rest verdict with its training logged."
        )?;
    }
    let mut week = None;
    for d in decisions {
        let this = Week::containing(d.date, plan.settings.week_start);
        if week != Some(this) {
            writeln!(out, "Week of {}", this.start().strftime("%a %Y-%m-%d"))?;
            week = Some(this);
        }
        let mark = if d.followed { " " } else { "!" };
        writeln!(out, "{mark} {}", words::decision_line(d, rules))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Your patterns (followed by a good next key session; counted once it has come)"
    )?;
    for p in patterns {
        writeln!(out, "  {}", words::pattern_line(p))?;
    }
    writeln!(out)?;
    match room {
        Some(r) => {
            writeln!(out, "{}: {}", words::ROOM_HEADLINE, words::room_evidence(r))?;
            writeln!(out, "  {}", words::room_suggestion(r))?;
        }
        None => writeln!(
            out,
            "{}: not now (it needs {} steady weeks of As planned or Push checks, easy runs no \
             harder, a flat load and no fatigue carrying over)",
            words::ROOM_HEADLINE,
            rules.room_weeks
        )?,
    }
    Ok(())
}
