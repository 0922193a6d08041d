//! A proposal in the runner's words: the preview's title, the limit the first day's
//! verdict sets, whether every key session is kept, the form expected on the key days, one
//! note per changed card — and, when the week already holds, the sentence that says so.
//!
//! All of it is pure: a plan and the planner's [`Proposal`] in, a [`Preview`] out. It is
//! built on request (a click on an offer, [`super::propose`]), never per frame.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::super::format;
use super::super::preview::Preview;
use super::words::{capitalized, kind_and_title, list, weekday, why};
use super::{Ask, Trigger};
use crate::core::plan::Plan;
use crate::core::replan::{Action, Change, Proposal};
use crate::core::session::Session;
use crate::core::verdict::Verdict;

pub(super) fn nothing_to_change(plan: &Plan, ask: &Ask, proposal: &Proposal) -> String {
    if let Some(message) = &proposal.message {
        return format!("Nothing to change. {message}");
    }
    let missed: Vec<String> = ask
        .missed
        .iter()
        .filter_map(|id| plan.session(*id))
        .filter(|s| s.is_skipped())
        .map(|s| format!("{} ({})", kind_and_title(s), weekday(s.date)))
        .collect();
    if missed.is_empty() {
        "Nothing to change: the week already holds.".to_owned()
    } else {
        format!(
            "Nothing to change: no later day this week can take {} without breaking the week's rules.",
            list(&missed)
        )
    }
}

/// The preview of a proposal: what the banner says, and a note for each changed card.
pub fn preview_of(plan: &Plan, ask: &Ask, proposal: &Proposal) -> Preview {
    let mut notes = BTreeMap::new();
    for change in &proposal.changes {
        notes.insert(change.id, note(plan, change));
    }
    let mut lines = Vec::new();
    if let Some(line) = limit_line(proposal) {
        lines.push(line);
    }
    let n = proposal.changes.len();
    lines.push(format!(
        "{n} change{}, marked ↻ on the cards:",
        if n == 1 { "" } else { "s" }
    ));
    lines.extend(proposal.changes.iter().map(|c| format!("• {}", c.reason)));
    lines.extend(reach_line(proposal));
    let mut proposed = plan.clone();
    let applies = proposed.apply(proposal.batch()).is_ok();
    match &proposal.message {
        Some(message) => lines.push(format!("⚠ {message}")),
        None => lines.push(keys_kept_line(
            &proposal.week,
            proposal.from,
            proposal.window.week_end,
        )),
    }
    // A week too crowded to search to the end says so: the runner reads it as a good
    // arrangement, not the best one.
    if let Some(words) = proposal.optimality() {
        lines.push(format!("⚠ {words}"));
    }
    if applies {
        lines.extend(form_lines(plan, &proposed, proposal));
    }
    lines.extend(carry_over_line(plan, proposal));
    Preview {
        title: title(ask, proposal),
        edits: proposal.edits.clone(),
        notes,
        lines,
        reach: Some((proposal.window.first, proposal.window.last)),
    }
}

/// When the window reaches into the next week for its key session: how far, and each change
/// on those days in words, since the grid shows one week at a time.
fn reach_line(proposal: &Proposal) -> Option<String> {
    let window = proposal.window;
    let reach = format::reach(&window)?;
    let next_week: Vec<String> = proposal
        .changes
        .iter()
        .filter(|c| c.from > window.week_end || c.to.is_some_and(|to| to > window.week_end))
        .map(change_words)
        .collect();
    let there = if next_week.is_empty() {
        "nothing changes after this week".to_owned()
    } else {
        format!("after this week: {}", list(&next_week))
    };
    Some(format!("{reach}; {there}."))
}

/// "Tempo Mon 7 Dec → easy 40 min", short, for the list of next week's changes.
fn change_words(c: &Change) -> String {
    let day = format::day_short(c.from);
    let what = c.was_kind.label();
    match (c.action, c.to) {
        (Action::Drop, _) | (_, None) => format!("{what} {day} dropped"),
        (Action::Move, Some(to)) if c.minutes != c.was_minutes => format!(
            "{what} {day} → {}, {} min",
            format::day_short(to),
            c.minutes
        ),
        (Action::Move, Some(to)) => format!("{what} {day} → {}", format::day_short(to)),
        (Action::Shorten, _) => format!("{what} {day} shortened to {} min", c.minutes),
        (Action::Downgrade, _) => format!(
            "{what} {day} → {} {} min",
            c.kind.label().to_lowercase(),
            c.minutes
        ),
    }
}

/// While fatigue is carrying over, the banner above the grid asks for a lighter week; a
/// proposal that still keeps a hard session besides the key ones says so plainly, so the
/// two never seem to disagree.
fn carry_over_line(plan: &Plan, proposal: &Proposal) -> Option<String> {
    crate::core::verdict::assess(plan, proposal.from).carry_over?;
    let hard: Vec<String> = proposal
        .week
        .iter()
        .filter(|s| s.date >= proposal.from && s.done.is_none() && s.kind.is_hard() && !s.key)
        .map(|s| format!("{} ({})", kind_and_title(s), weekday(s.date)))
        .collect();
    if hard.is_empty() {
        return Some(
            "Fatigue is carrying over: besides the key sessions, the week as proposed is easy."
                .to_owned(),
        );
    }
    Some(format!(
        "⚠ Fatigue is carrying over, and this proposal still keeps {}: the re-plan keeps as \
         much of the planned load as the week's rules allow. Make {} easy or shorter by hand if easy \
         runs still feel hard.",
        list(&hard),
        if hard.len() == 1 { "it" } else { "them" }
    ))
}

pub(super) fn title(ask: &Ask, proposal: &Proposal) -> String {
    let day = format::day_short(proposal.from);
    match ask.trigger {
        Trigger::Verdict(Verdict::Rest) => format!("Re-plan from {day} after a Rest verdict"),
        Trigger::Verdict(v) => format!("Re-plan from {day} after a {}", v.label()),
        Trigger::Missed => {
            let what = if ask.missed.len() == 1 {
                "the missed session"
            } else {
                "the missed sessions"
            };
            format!("Re-plan from {day} to fit in {what}")
        }
        Trigger::Request => format!("Fix the rest of the week from {day}"),
    }
}

/// What the verdict of the first day allows: the same sentence as the offer and the
/// command line.
pub(super) fn limit_line(proposal: &Proposal) -> Option<String> {
    format::day_limit(proposal.limit, proposal.from, proposal.today)
}

/// "Every key session is kept: …", naming them and their days (a day after `week_end`, in
/// the next week, with its date).
pub(super) fn keys_kept_line(week: &[Session], from: Date, week_end: Date) -> String {
    let keys: Vec<String> = week
        .iter()
        .filter(|s| s.key && s.date >= from && s.done.is_none())
        .map(|s| {
            let day = if s.date > week_end {
                format::day_short(s.date)
            } else {
                weekday(s.date)
            };
            format!("{} ({day})", s.display_title())
        })
        .collect();
    if keys.is_empty() {
        "No key session is left in the rest of this week.".to_owned()
    } else {
        format!("✔ Every key session is kept: {}.", list(&keys))
    }
}

/// The form expected on each key day still ahead in the window, as planned and as
/// proposed, in the words the command line prints too.
pub(super) fn form_lines(plan: &Plan, proposed: &Plan, proposal: &Proposal) -> Vec<String> {
    format::form::key_day_form_lines(
        plan,
        proposed,
        proposal.today,
        proposal.from,
        proposal.window.last,
    )
}

/// What a changed card says: the first line what changed (old → new, where it came from),
/// the second why. A dropped session has no card: its note is only the why.
pub(super) fn note(plan: &Plan, change: &Change) -> String {
    let was = plan.session(change.id);
    let missed = was.is_some_and(Session::is_skipped);
    let why = why(&change.reason);
    let what = match change.action {
        Action::Drop => return why,
        Action::Move => {
            let mut what = if missed {
                format!("Missed on {}, fitted in here", weekday(change.from))
            } else {
                format!("Moved from {}", weekday(change.from))
            };
            if change.minutes != change.was_minutes {
                what.push_str(&format!(
                    ", {} → {} min",
                    change.was_minutes, change.minutes
                ));
            }
            what
        }
        Action::Shorten => format!("Shortened {} → {} min", change.was_minutes, change.minutes),
        Action::Downgrade => {
            let title = was
                .map(|s| s.title.trim())
                .filter(|t| !t.is_empty())
                .map_or_else(String::new, |t| format!(" “{t}”"));
            format!(
                "Was {}{title}, {} min → {} {} min",
                change.was_kind.label(),
                change.was_minutes,
                change.kind.label(),
                change.minutes
            )
        }
    };
    // A missed session's reason starts with "missed on Thu", which the first line says.
    let why = match why.strip_prefix("Missed on ") {
        Some(rest) if missed => rest.split_once(", and ").map(|(_, more)| capitalized(more)),
        _ => Some(why),
    };
    match why {
        Some(why) => format!("{what}\n{why}"),
        None => what,
    }
}
