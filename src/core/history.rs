//! Undo and redo by inverse edits.
//!
//! Each applied edit leaves the edit that undoes it ([`Plan::apply_undoable`]); the history
//! keeps those, not copies of the plan. A copy and a compare per edit cost about 2 ms with
//! ten years of history; an inverse edit costs what the edit itself costs. One
//! [`History::apply`] is one undo step, whatever the edit holds (a whole accepted re-plan is
//! one `Edit::Batch`, undone by one inverse batch).
//!
//! Undoing applies the inverse and keeps *its* inverse for redo, so undo and redo walk the
//! same plans back and forth exactly (`tests/edits.rs` holds this as a property). The
//! history assumes the plan changes only through it between steps; a plan replaced from
//! outside (another file opened) goes with [`History::clear`].
//!
//! Before undoing or redoing, [`History::next_undo`] and [`History::next_redo`] show the edit
//! that will be applied, so that its [`Edit::earliest_day`] can tell what is derived from
//! the plan day by day where to start again.

use std::collections::VecDeque;

use super::edit::{Edit, EditError};
use super::plan::Plan;

/// How many steps back the runner can go.
const DEFAULT_LIMIT: usize = 200;

#[derive(Debug, Clone)]
pub struct History {
    /// The edits that undo the applied steps, the latest last.
    undo: VecDeque<Edit>,
    /// The edits that redo the undone steps, the latest undone last.
    redo: Vec<Edit>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: DEFAULT_LIMIT,
        }
    }
}

impl History {
    /// Applies `edit` to `plan` as one undo step; a refused edit leaves both untouched.
    /// An edit that changes nothing (a drop on the card's own place) makes no undo step and
    /// keeps what can be redone.
    ///
    /// # Errors
    /// The edit's own refusal.
    pub fn apply(&mut self, plan: &mut Plan, edit: Edit) -> Result<(), EditError> {
        let applied = plan.apply_undoable(edit)?;
        if !applied.changed {
            return Ok(());
        }
        self.undo.push_back(applied.inverse);
        if self.undo.len() > self.limit {
            self.undo.pop_front();
        }
        self.redo.clear();
        Ok(())
    }

    /// Steps back; returns whether there was anything to undo.
    pub fn undo(&mut self, plan: &mut Plan) -> bool {
        let Some(inverse) = self.undo.pop_back() else {
            return false;
        };
        match plan.apply_undoable(inverse) {
            Ok(applied) => {
                self.redo.push(applied.inverse);
                true
            }
            Err(_) => self.forget_after_outside_change(),
        }
    }

    /// Steps forward again; returns whether there was anything to redo.
    pub fn redo(&mut self, plan: &mut Plan) -> bool {
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        match plan.apply_undoable(edit) {
            Ok(applied) => {
                self.undo.push_back(applied.inverse);
                true
            }
            Err(_) => self.forget_after_outside_change(),
        }
    }

    /// The edit [`History::undo`] would apply next.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.back()
    }

    /// The edit [`History::redo`] would apply next.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every step, as when another plan is opened.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// An inverse edit is refused only when the plan was changed without the history
    /// knowing (which [`History::clear`] is for): the steps no longer fit the plan, so they
    /// are forgotten rather than applied to the wrong plan. The plan is unchanged.
    fn forget_after_outside_change(&mut self) -> bool {
        self.clear();
        false
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::core::session::{Kind, Session, SessionId};
    use crate::core::units::Minutes;

    fn easy(id: u64) -> Edit {
        let minutes = Minutes::new(30).expect("valid minutes");
        Edit::AddSession(Session::new(
            SessionId(id),
            date(2026, 11, 25),
            Kind::Easy,
            minutes,
        ))
    }

    #[test]
    fn keeps_at_most_the_limit_of_steps() {
        let mut plan = Plan::default();
        let mut history = History {
            limit: 3,
            ..History::default()
        };
        for id in 1..=5 {
            history.apply(&mut plan, easy(id)).expect("applies");
        }
        let mut undone = 0;
        while history.undo(&mut plan) {
            undone += 1;
        }
        assert_eq!(undone, 3);
        assert_eq!(plan.sessions().len(), 2);
    }

    #[test]
    fn next_undo_and_redo_show_the_edits_that_will_be_applied() {
        let mut plan = Plan::default();
        let mut history = History::default();
        history.apply(&mut plan, easy(1)).expect("applies");
        assert_eq!(
            history.next_undo(),
            Some(&Edit::RemoveSession(SessionId(1)))
        );
        assert!(history.undo(&mut plan));
        assert!(matches!(history.next_redo(), Some(Edit::Batch(_))));
        assert_eq!(history.next_undo(), None);
    }
}
