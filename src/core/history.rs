//! Undo and redo by snapshot.
//!
//! A plan is small, so a copy before each edit is cheap and needs no inverse per kind of
//! edit. One [`History::apply`] is one undo step, whatever the edit holds (a whole accepted
//! re-plan is one `Edit::Batch`).

use super::edit::{Edit, EditError};
use super::plan::Plan;

/// How many steps back the runner can go.
const DEFAULT_LIMIT: usize = 200;

#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Plan>,
    redo: Vec<Plan>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: DEFAULT_LIMIT,
        }
    }
}

impl History {
    /// Applies `edit` to `plan` as one undo step; a refused edit leaves both untouched.
    ///
    /// # Errors
    /// The edit's own refusal.
    pub fn apply(&mut self, plan: &mut Plan, edit: Edit) -> Result<(), EditError> {
        let mut next = plan.clone();
        next.apply(edit)?;
        if next == *plan {
            // Nothing changed (a drop on the card's own place): no empty undo step.
            return Ok(());
        }
        self.undo.push(std::mem::replace(plan, next));
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Steps back; returns whether there was anything to undo.
    pub fn undo(&mut self, plan: &mut Plan) -> bool {
        match self.undo.pop() {
            Some(previous) => {
                self.redo.push(std::mem::replace(plan, previous));
                true
            }
            None => false,
        }
    }

    /// Steps forward again; returns whether there was anything to redo.
    pub fn redo(&mut self, plan: &mut Plan) -> bool {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(plan, next));
                true
            }
            None => false,
        }
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
}
