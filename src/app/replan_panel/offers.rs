//! The offers for a selected day, worked out from the plan: a re-plan on a Hold back or
//! Rest day, the missed sessions of the week to fit in again, a longer session on a Push
//! day. Each offer says what its proposal would do before the runner opens it.
//!
//! [`offers_with`] is pure (plan, today, selected day and the days' verdicts in, [`Offers`]
//! out): the window's derived state calls it once per change with the verdicts it keeps.

use jiff::civil::Date;

use super::proposal::nothing_to_change;
use super::words::{kind_and_title, weekday};
use super::{Ask, Trigger, request};
use crate::core::plan::Plan;
use crate::core::replan::{self, PushSuggestion, ReplanRules};
use crate::core::session::{Kind, Session, SessionId};
use crate::core::verdict::{self, Verdict};
use crate::core::week::Week;

/// What the offers above the grid hold for a selected day: computed by [`offers`] from the
/// plan, today and the selected day, and drawn by [`super::offers_ui`].
#[derive(Debug, Default)]
pub struct Offers {
    /// A Hold back or Rest day: the re-plan it calls for (missed sessions included).
    pub(super) verdict: Option<Offer>,
    /// Missed sessions of the week when no verdict calls for a re-plan.
    pub(super) missed: Option<Offer>,
    /// The missed sessions, in words: `Tempo “3 x 10 min” (Tue)`.
    pub(super) missed_words: Vec<String>,
    /// A Push day with room for more.
    pub(super) push: Option<(Date, PushSuggestion)>,
}

/// One re-plan offer: the ask it would send, and what its proposal would do.
#[derive(Debug)]
pub struct Offer {
    pub(super) ask: Ask,
    /// How many sessions the proposal changes (0: the week already holds).
    pub(super) changes: usize,
    pub(super) keeps_key: bool,
    /// Said when nothing changes.
    pub(super) nothing: String,
    /// The last day of the re-plan when it reaches past the week for the next key session.
    pub(super) reaches: Option<Date>,
}

impl Offer {
    /// What the proposal would do, in a sentence, before the runner opens it.
    pub(super) fn summary(&self) -> String {
        let n = self.changes;
        let changes = format!("{n} change{}", if n == 1 { "" } else { "s" });
        if self.keeps_key {
            format!("The proposal makes {changes} and keeps every key session.")
        } else {
            format!("The proposal makes {changes}, but cannot keep every key session.")
        }
    }
}

/// The offers for a selected day: the day that speaks is the selected day if it is still
/// ahead and has a verdict that asks for something, else today when it is in the same week.
///
/// Pure and a few milliseconds at most (a verdict, a re-plan and a push suggestion), so it
/// runs once per plan revision, today and selected day, never per frame.
pub fn offers(plan: &Plan, today: Date, selected: Date) -> Offers {
    offers_with(plan, today, selected, |d| verdict::assess(plan, d).verdict)
}

/// As [`offers`], with each day's verdict read from `verdict_of` (the derived state's
/// verdicts, assessed once per change).
pub fn offers_with(
    plan: &Plan,
    today: Date,
    selected: Date,
    verdict_of: impl Fn(Date) -> Option<Verdict>,
) -> Offers {
    let week = Week::containing(selected, plan.settings.week_start);
    if week.end() < today {
        // A week that is over: nothing can move onto a past day.
        return Offers::default();
    }
    let mut days = vec![];
    if selected >= today {
        days.push(selected);
    }
    if week.contains(today) && selected != today {
        days.push(today);
    }
    let verdicts: Vec<(Date, Verdict)> = days
        .iter()
        .filter_map(|&d| verdict_of(d).map(|v| (d, v)))
        .collect();
    let held_back = verdicts.iter().find(|(_, v)| v.is_held_back()).copied();
    let pushing = verdicts.iter().find(|(_, v)| *v == Verdict::Push).copied();

    let missed: Vec<&Session> = plan
        .sessions_between(week.start(), week.end())
        .iter()
        .filter(|s| s.is_skipped() && s.kind != Kind::Rest && s.minutes.get() > 0)
        .collect();
    let missed_ids: Vec<SessionId> = missed.iter().map(|s| s.id).collect();
    let missed_words = missed
        .iter()
        .map(|s| format!("{} ({})", kind_and_title(s), weekday(s.date)))
        .collect();

    let offer = |ask: Ask| {
        let proposal = replan::replan(
            plan,
            &request(plan, today, &ask),
            &ReplanRules::for_settings(&plan.settings),
        );
        let nothing = if proposal.is_empty() {
            nothing_to_change(plan, &ask, &proposal)
        } else {
            String::new()
        };
        Offer {
            changes: proposal.changes.len(),
            keeps_key: proposal.keeps_key,
            nothing,
            ask,
            reaches: proposal
                .window
                .crosses_week()
                .then_some(proposal.window.last),
        }
    };
    let mut offers = Offers {
        missed_words,
        ..Offers::default()
    };
    if let Some((day, v)) = held_back {
        offers.verdict = Some(offer(Ask {
            from: day,
            trigger: Trigger::Verdict(v),
            missed: missed_ids,
        }));
    } else if !missed_ids.is_empty() {
        offers.missed = Some(offer(Ask {
            from: today.max(week.start()),
            trigger: Trigger::Missed,
            missed: missed_ids,
        }));
    }
    if let Some((day, _)) = pushing {
        offers.push =
            replan::suggest_push(plan, today, day, &ReplanRules::default()).map(|p| (day, p));
    }
    offers
}
