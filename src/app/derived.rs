//! Derived state: what the views show, computed from the document once per revision (and
//! per week or proposal on show), never per frame.
//!
//! Views only read it. A frame with ten years of history open then costs the same as one
//! with a week: the work happens once, right after the change that made it necessary.

use super::preview::Shown;
use super::week_view::WeekView;
use crate::core::plan::Plan;
use crate::core::week::Week;

/// What the derived state was computed for: it is computed again when any of these change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    rev: u64,
    week: Week,
    preview: bool,
}

/// Everything the views read that is computed from the plan.
#[derive(Default)]
pub struct Derived {
    week: Option<(Key, WeekView)>,
}

impl Derived {
    /// Brings the derived state up to date with the plan at revision `rev`, the week on
    /// show and a proposal, if one is on show.
    pub fn update(&mut self, plan: &Plan, rev: u64, week: Week, shown: Option<&Shown>) {
        let key = Key {
            rev,
            week,
            preview: shown.is_some(),
        };
        if self.week.as_ref().is_none_or(|(k, _)| *k != key) {
            let view = match shown {
                Some(shown) => {
                    WeekView::build(&shown.proposed, week, Some((plan, &shown.preview.notes)))
                }
                None => WeekView::build(plan, week, None),
            };
            self.week = Some((key, view));
        }
    }

    /// The week on show, as last updated.
    pub fn week_view(&self) -> Option<&WeekView> {
        self.week.as_ref().map(|(_, view)| view)
    }

    /// Forgets everything (another plan was opened, the day changed).
    pub fn clear(&mut self) {
        self.week = None;
    }
}
