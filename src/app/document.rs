//! The document: the runner's plan as the window holds it, the only owner of the training
//! data.
//!
//! Everything else in the window is either what the runner is doing ([`super::workspace`])
//! or derived from the plan ([`super::derived`]). The plan changes only through
//! [`Document::apply`], [`Document::undo`], [`Document::redo`] and [`Document::replace`];
//! each bumps the revision, which is what the derived state and the autosave key on.
//!
//! Where the plan lives on disk travels with it: a plan and its file are replaced together,
//! and a path becomes the plan's home only once a save there succeeded (or the plan was read
//! from it), so the title never names a file that does not hold the plan.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::core::edit::{Edit, EditError};
use crate::core::history::History;
use crate::core::plan::Plan;

use super::files::Stamp;

/// Which days the plan changed on since the derived state last looked: what it must
/// compute again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Changes {
    #[default]
    None,
    /// Sessions or readiness entries of these days, first to last.
    Days(Date, Date),
    /// Anything may have changed (settings, another plan).
    All,
}

impl Changes {
    fn and(self, days: Option<(Date, Date)>) -> Changes {
        match (self, days) {
            (Changes::All, _) | (_, None) => Changes::All,
            (Changes::None, Some((a, b))) => Changes::Days(a, b),
            (Changes::Days(a, b), Some((c, d))) => Changes::Days(a.min(c), b.max(d)),
        }
    }
}

/// The plan, its history and where it is kept.
pub struct Document {
    plan: Plan,
    history: History,
    /// Bumped on every change to the plan.
    rev: u64,
    /// The revision that is on disk.
    saved_rev: u64,
    /// Where the plan is kept; `None` only for a plan made without storage (tests).
    path: Option<PathBuf>,
    /// What runweek last read from or wrote to `path`.
    stamp: Option<Stamp>,
    /// The plan as it was last read from or written to `path`: where a merge with another
    /// program's changes starts from.
    base: Option<Plan>,
    /// What changed since [`Document::take_changes`] was last called.
    changes: Changes,
}

impl Document {
    /// A plan as read from `path` (`stamp` given) or not yet on disk (`stamp` is `None`).
    pub fn new(plan: Plan, path: Option<PathBuf>, stamp: Option<Stamp>) -> Document {
        // A plan that is not on disk yet starts unsaved, so that it gets written.
        let unsaved = stamp.is_none() && path.is_some();
        Document {
            base: stamp.is_some().then(|| plan.clone()),
            plan,
            history: History::default(),
            rev: u64::from(unsaved),
            saved_rev: 0,
            path,
            stamp,
            changes: Changes::All,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// The plan's revision: changes whenever the plan does.
    pub fn rev(&self) -> u64 {
        self.rev
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn stamp(&self) -> Option<&Stamp> {
        self.stamp.as_ref()
    }

    /// Whether the plan has changes that are not on disk yet.
    pub fn is_dirty(&self) -> bool {
        self.rev != self.saved_rev
    }

    /// The file name for the title bar.
    pub fn name(&self) -> String {
        self.path.as_deref().map_or_else(
            || "Untitled".to_owned(),
            |p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            },
        )
    }

    /// Applies an edit as one undo step (an edit that changes nothing, such as a drop on a
    /// card's own place, makes no undo step).
    ///
    /// # Errors
    /// The edit's own refusal; the plan is unchanged.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let days = edit.changed_days(&self.plan);
        self.history.apply(&mut self.plan, edit)?;
        self.changed(days);
        Ok(())
    }

    /// Steps back; returns whether there was anything to undo.
    pub fn undo(&mut self) -> bool {
        let days = self.history.next_undo().map(|e| e.changed_days(&self.plan));
        let done = self.history.undo(&mut self.plan);
        if done {
            self.changed(days.flatten());
        }
        done
    }

    /// Steps forward again; returns whether there was anything to redo.
    pub fn redo(&mut self) -> bool {
        let days = self.history.next_redo().map(|e| e.changed_days(&self.plan));
        let done = self.history.redo(&mut self.plan);
        if done {
            self.changed(days.flatten());
        }
        done
    }

    fn changed(&mut self, days: Option<(Date, Date)>) {
        self.rev += 1;
        self.changes = self.changes.and(days);
    }

    /// What changed since the last call: the derived state computes that again.
    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.changes)
    }

    /// Another plan replaces this one, with its file: one read from disk (`stamp` given, so
    /// it is saved as it is) or a new one that is not on disk yet. The history is forgotten.
    pub fn replace(&mut self, plan: Plan, path: PathBuf, stamp: Option<Stamp>) {
        self.base = stamp.is_some().then(|| plan.clone());
        self.plan = plan;
        self.history.clear();
        self.rev += 1;
        self.changes = Changes::All;
        if stamp.is_some() {
            self.saved_rev = self.rev;
        }
        self.path = Some(path);
        self.stamp = stamp;
    }

    /// Records a save that succeeded: `plan`, revision `rev`, is in `path`, as `stamp`
    /// says. A save to a new place makes that place the plan's home.
    pub fn saved(&mut self, path: PathBuf, rev: u64, stamp: Stamp, plan: Plan) {
        if self.path.as_ref() != Some(&path) {
            self.path = Some(path);
        }
        self.stamp = Some(stamp);
        self.base = Some(plan);
        self.saved_rev = rev;
    }

    /// The plan as last read from or written to its file.
    pub fn base(&self) -> Option<&Plan> {
        self.base.as_ref()
    }

    /// Takes in what another program wrote to the plan's file: `edits` turn the plan on
    /// screen into the one to show (theirs, or theirs merged with the runner's changes), as
    /// one undo step; `theirs` and its `stamp` are what the file now holds.
    ///
    /// # Errors
    /// The edits were refused; the plan is unchanged, but the file's new state is known.
    pub fn take_from_disk(
        &mut self,
        edits: Vec<Edit>,
        theirs: Plan,
        stamp: Stamp,
    ) -> Result<(), EditError> {
        let applied = if edits.is_empty() {
            Ok(())
        } else {
            self.apply(Edit::Batch(edits))
        };
        let in_file = self.plan == theirs;
        self.base = Some(theirs);
        self.stamp = Some(stamp);
        if in_file {
            self.saved_rev = self.rev;
        }
        applied
    }

    /// Records that revision `rev` is safe on disk, but not in the plan's own file (it was
    /// kept beside it because another program changed the file).
    pub fn saved_aside(&mut self, rev: u64) {
        self.saved_rev = rev;
    }

    /// Gives a plan that has no file yet a place to be saved at (on closing the window).
    pub fn adopt_path(&mut self, path: PathBuf) {
        if self.path.is_none() {
            self.path = Some(path);
            self.stamp = None;
        }
    }

    /// Marks the plan as not on disk (a plan given to a test with a path it does not match).
    pub fn mark_unsaved(&mut self) {
        if !self.is_dirty() {
            self.rev += 1;
        }
    }
}
