//! What happens to a [`Draft`] (the numbers and notes typed but not applied yet) as the
//! plan and the panel move: kept in line with the plan when it changes underneath (an undo,
//! a click), and applied — or refused with a message — when the panel moves to another day
//! or moment, so that nothing typed is dropped silently.

use jiff::civil::Date;

use super::super::{Command, field, format};
use super::numbers::{Draft, NUMBERS};
use super::{Pending, ReadinessPanel, moment_words};
use crate::core::plan::Plan;
use crate::core::readiness::{ReadinessEntry, When};

/// Keeps the draft in line with the plan: after an undo or a click, the fields that were
/// not being typed in show the plan; when the panel moves to another day or moment, what
/// was typed there is applied (or refused with a message), as focus leaving would.
pub(super) fn sync_draft(
    panel: &mut ReadinessPanel,
    plan: &Plan,
    date: Date,
    when: When,
    current: Option<&ReadinessEntry>,
    out: &mut Vec<Command>,
) {
    match panel.draft.as_mut() {
        Some(draft) if draft.date == date && draft.when == when => {
            if draft.synced.as_ref() != current {
                for (i, text) in draft.texts.iter_mut().enumerate() {
                    let was = draft
                        .synced
                        .as_ref()
                        .map_or_else(String::new, |e| NUMBERS[i].text_of(e));
                    field::resync(text, &was, || {
                        current.map_or_else(String::new, |e| NUMBERS[i].text_of(e))
                    });
                }
                let was = draft.synced.as_ref().map_or("", |e| e.notes.as_str());
                field::resync(&mut draft.notes, was, || {
                    current.map_or_else(String::new, |e| e.notes.clone())
                });
                draft.synced = current.cloned();
            }
        }
        _ => {
            if let Some(old) = panel.draft.take() {
                leave(&old, plan, out);
            }
            panel.draft = Some(Draft::of(date, when, current));
        }
    }
}

/// Applies what was typed in a draft the panel is leaving; refuses what is out of range.
/// Returns the entry it pushed, if it pushed one.
pub(super) fn leave(draft: &Draft, plan: &Plan, out: &mut Vec<Command>) -> Option<ReadinessEntry> {
    let base = plan.readiness_on(draft.date, draft.when);
    let mut pending = Pending::new(base, draft.date, draft.when);
    let mut refused = Vec::new();
    for (i, number) in NUMBERS.iter().enumerate() {
        let shown = base.map_or_else(String::new, |e| number.text_of(e));
        if draft.texts[i] == shown {
            continue;
        }
        if let Err(problem) = number.apply(&mut pending.entry, &draft.texts[i]) {
            refused.push(format!("{}: {problem}", number.label));
        }
    }
    let notes = base.map_or("", |e| e.notes.as_str());
    if draft.notes != notes {
        pending.entry.notes = draft.notes.clone();
    }
    pending.push(false, out);
    if !refused.is_empty() {
        out.push(Command::Refuse(format!(
            "Not saved for the {} of {}: {}.",
            moment_words(draft.when),
            format::day_short(draft.date),
            refused.join("; ")
        )));
    }
    pending.last.filter(|e| Some(e) != base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::Edit;
    use crate::core::units::SleepHours;
    use jiff::civil::date;

    fn entry() -> ReadinessEntry {
        ReadinessEntry::new(date(2026, 11, 25), When::Morning)
    }

    #[test]
    fn leaving_a_draft_applies_what_is_valid_and_refuses_the_rest() {
        let plan = Plan::default();
        let mut draft = Draft::of(date(2026, 11, 25), When::Morning, None);
        draft.texts[1] = "300".to_owned();
        draft.texts[3] = "7".to_owned();
        let mut out = Vec::new();
        leave(&draft, &plan, &mut out);
        let sleep = SleepHours::new(7.0).ok();
        assert_eq!(
            out,
            [
                Command::Edit(Edit::SetReadiness(ReadinessEntry {
                    sleep_hours: sleep,
                    ..entry()
                })),
                Command::Refuse(
                    "Not saved for the morning check of Wed 25 Nov: Resting HR: heart rate \
                     must be between 25 and 230 bpm, got 300."
                        .to_owned()
                ),
            ]
        );
        // An untouched draft leaves nothing behind.
        let mut out = Vec::new();
        leave(
            &Draft::of(date(2026, 11, 25), When::Morning, None),
            &plan,
            &mut out,
        );
        assert!(out.is_empty());
    }
}
