//! The re-planner in the window: it offers a re-plan when a day calls for one, and turns the
//! planner's proposal into a preview the runner reads before anything changes.
//!
//! Three things call for a re-plan: a Hold back or Rest verdict, a missed (skipped) session,
//! and the runner's own request after dragging ("Fix the rest of my week" in the top bar).
//! All three ask the same planner the same way the command line does
//! (`ReplanRequest::after_verdict` from the day), so the window and `runweek replan` never
//! disagree; the trigger only changes the words around the proposal, and missed sessions
//! the runner asks about are named so that the planner tries to fit them in again.
//!
//! The offers sit above the grid, where the proposal's banner appears once asked for, so the
//! question and its answer share one place and the week they are about stays in view. They
//! are worked out once per change of the plan, today or the selected day, never per frame: a
//! verdict, a re-plan and a push suggestion each take well under a millisecond, but the
//! window is drawn sixty times a second. Each offer says what its proposal would do (how many
//! changes, whether every key session is kept), and a day whose week already holds says so
//! in one quiet line rather than offering an empty preview. The preview itself, with the
//! form expected on the key day (which needs the load trends), is only built on request.
//!
//! On a Push day with an easy day after it, the offers suggest a longer session within the
//! week's load budget instead. It is a suggestion shown as a preview like a re-plan: nothing
//! changes until Accept.
//!
//! # Where its input comes from
//!
//! The pure functions are [`offers_with`] (plan, today, selected day and the verdicts →
//! [`Offers`]), [`propose`] and [`preview_of`] (an [`Ask`] → the [`Preview`] to show) and
//! [`extend_preview`]. The window's derived state calls [`offers_with`] once per change and
//! the layout draws the result with [`offers_ui`].
//!
//! # Files
//!
//! `offers.rs` works the offers out; `offer.rs` draws them, each as a strip (`strip.rs`);
//! `push.rs` is the push offer;
//! `proposal.rs` words a proposal as a preview; `words.rs` holds the small words they share.

mod offer;
pub mod offers;
mod proposal;
mod push;
mod strip;
mod words;

use jiff::civil::Date;

use super::preview::Preview;
use crate::core::plan::Plan;
use crate::core::replan::{self, ReplanRequest, ReplanRules};
use crate::core::session::SessionId;
use crate::core::verdict::{self, Verdict};
use crate::core::week::Week;

pub use offer::offers_ui;
pub use offers::{Offer, Offers, offers, offers_with};
use proposal::nothing_to_change;
pub use proposal::preview_of;
pub use push::extend_preview;

/// Why a re-plan is asked for. It changes the words around the proposal, not the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The day's verdict said Hold back or Rest.
    Verdict(Verdict),
    /// Sessions of the week were missed; the runner wants them fitted in again.
    Missed,
    /// The runner asked, typically after dragging sessions by hand.
    Request,
}

/// A re-plan the runner asked for: from which day, why, and which missed sessions to fit in
/// again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    /// The first day the re-plan may change; it runs to the end of this day's week.
    pub from: Date,
    pub trigger: Trigger,
    /// Skipped sessions to place again on a later day if the week's rules allow. Skipped
    /// key sessions are always placed again (as on the command line); these are the others
    /// the runner asked about.
    pub missed: Vec<SessionId>,
}

impl Ask {
    /// "Fix the rest of my week" on the week on show: from today, or from the week's first
    /// day when the whole week is still ahead; `None` for a week that is over.
    pub fn fix_week(week: Week, today: Date) -> Option<Ask> {
        (week.end() >= today).then(|| Ask {
            from: today.max(week.start()),
            trigger: Trigger::Request,
            missed: Vec::new(),
        })
    }
}

/// What the planner is asked: the request the day's verdict calls for, exactly as
/// `runweek replan` builds it, plus the missed sessions the runner named.
pub fn request(plan: &Plan, today: Date, ask: &Ask) -> ReplanRequest {
    let verdict = match ask.trigger {
        Trigger::Verdict(v) => Some(v),
        Trigger::Missed | Trigger::Request => verdict::assess(plan, ask.from).verdict,
    };
    let mut request = ReplanRequest::after_verdict(plan, today, ask.from, verdict);
    // A longer session on a Push day is offered on its own, never inside a re-plan.
    request.push = false;
    for id in &ask.missed {
        if !request.missed.contains(id) {
            request.missed.push(*id);
        }
    }
    request
}

/// The preview of the re-plan `ask` calls for, or — when the week already holds — the words
/// that say so instead of an empty preview.
///
/// # Errors
/// The proposal changes nothing: the message to show the runner.
pub fn propose(plan: &Plan, today: Date, ask: &Ask) -> Result<Preview, String> {
    let proposal = replan::replan(
        plan,
        &request(plan, today, ask),
        &ReplanRules::for_settings(&plan.settings),
    );
    if proposal.is_empty() {
        return Err(nothing_to_change(plan, ask, &proposal));
    }
    Ok(preview_of(plan, ask, &proposal))
}

/// What the offers need from the App.
#[derive(Debug, Clone, Copy)]
pub struct OfferArgs<'a> {
    pub plan: &'a Plan,
    pub today: Date,
    pub selected_day: Date,
}

#[cfg(test)]
mod tests;
