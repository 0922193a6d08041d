//! Edits as values, and the one applier that checks an edit before it mutates.
//!
//! Every change to a plan — a drag on the grid, Apply in the editor, an accepted re-plan —
//! is an [`Edit`]. [`Plan::apply_undoable`] either applies it whole or leaves the plan
//! untouched and says why; a [`Edit::Batch`] is all-or-nothing.
//!
//! # Inverse edits
//!
//! The applier knows the value each edit replaces, so it returns the edit that undoes it
//! ([`Applied::inverse`], as helix's `Transaction::invert`): the undo history stores these
//! small edits instead of a copy of ten years of plan per step, and a batch that fails half
//! way undoes the edits it already applied instead of working on a copy. Applying the inverse
//! gives back the plan exactly (`==`), down to a session's place among the sessions of its
//! day; and the inverse's own inverse redoes the edit. `tests/edits.rs` holds both as
//! properties.
//!
//! [`Edit::earliest_day`] tells the first day an edit can change, so that what is derived
//! day by day (the verdicts, [`super::verdict::Assessments`]) is recomputed from there on
//! only.

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;

use super::plan::{Availability, Plan};
use super::readiness::{ReadinessEntry, When};
use super::session::{Session, SessionId};
use super::settings::Settings;

/// One change to a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Adds a session; its id must be new.
    AddSession(Session),
    RemoveSession(SessionId),
    /// Replaces the session with the same id (it may change day too).
    UpdateSession(Session),
    /// Moves a session to `to`, at `index` among that day's sessions (the end when `None`
    /// or past the end).
    MoveSession {
        id: SessionId,
        to: Date,
        index: Option<usize>,
    },
    /// Sets the readiness entry of its day and moment, replacing any there was.
    SetReadiness(ReadinessEntry),
    RemoveReadiness {
        date: Date,
        when: When,
    },
    SetSettings(Settings),
    SetAvailability(Availability),
    /// Several edits applied in order as one: all of them or none.
    Batch(Vec<Edit>),
}

/// Why an edit was refused. The plan is unchanged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("there is no session {0}")]
    NoSuchSession(SessionId),
    #[error("session id {0} is already used")]
    DuplicateId(SessionId),
    #[error("there is no {when:?} readiness entry on {date}")]
    NoSuchReadiness { date: Date, when: When },
    #[error("{0}")]
    Invalid(String),
}

/// What applying an edit did: the edit that undoes it, and whether anything changed.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct Applied {
    /// Applied to the plan right after, gives back the plan as it was before, exactly.
    pub inverse: Edit,
    /// `false` when the plan is equal to what it was (a drop on the card's own place,
    /// settings set to the values they had): no undo step is worth keeping.
    pub changed: bool,
}

impl Applied {
    fn new(inverse: Edit, changed: bool) -> Applied {
        Applied { inverse, changed }
    }
}

impl Plan {
    /// Applies `edit`, or changes nothing and says why. See [`Plan::apply_undoable`] for the
    /// edit that undoes it.
    ///
    /// # Errors
    /// When the edit names something that is not there or would break an invariant.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_undoable(edit).map(|_| ())
    }

    /// Applies `edit` and returns the edit that undoes it, or changes nothing and says why.
    ///
    /// # Errors
    /// When the edit names something that is not there or would break an invariant; the plan
    /// is then unchanged, for a batch too.
    ///
    /// # Example
    /// ```
    /// use jiff::civil::date;
    /// use runweek::core::edit::Edit;
    /// use runweek::core::plan::Plan;
    /// use runweek::core::session::{Kind, Session, SessionId};
    /// use runweek::core::units::Minutes;
    ///
    /// let mut plan = Plan::default();
    /// let before = plan.clone();
    /// let minutes = Minutes::new(45).expect("valid minutes");
    /// let easy = Session::new(SessionId(1), date(2026, 11, 25), Kind::Easy, minutes);
    /// let applied = plan.apply_undoable(Edit::AddSession(easy)).expect("applies");
    /// assert!(applied.changed);
    /// plan.apply_undoable(applied.inverse).expect("the inverse applies");
    /// assert_eq!(plan, before);
    /// ```
    pub fn apply_undoable(&mut self, edit: Edit) -> Result<Applied, EditError> {
        Ok(match edit {
            Edit::AddSession(session) => {
                session.check().map_err(EditError::Invalid)?;
                if self.session_index(session.id).is_some() {
                    return Err(EditError::DuplicateId(session.id));
                }
                let id = session.id;
                let at = self.sessions().partition_point(|s| s.date <= session.date);
                self.sessions_mut().insert(at, session);
                Applied::new(Edit::RemoveSession(id), true)
            }
            Edit::RemoveSession(id) => {
                let at = self.session_index(id).ok_or(EditError::NoSuchSession(id))?;
                let index = self.index_in_day(at);
                let session = self.sessions_mut().remove(at);
                let date = session.date;
                // Added back at the end of its day, then put back in its place.
                let inverse = Edit::Batch(vec![
                    Edit::AddSession(session),
                    Edit::MoveSession {
                        id,
                        to: date,
                        index: Some(index),
                    },
                ]);
                Applied::new(inverse, true)
            }
            Edit::UpdateSession(session) => {
                session.check().map_err(EditError::Invalid)?;
                let at = self
                    .session_index(session.id)
                    .ok_or(EditError::NoSuchSession(session.id))?;
                if self.sessions()[at].date == session.date {
                    let old = std::mem::replace(&mut self.sessions_mut()[at], session);
                    let changed = old != self.sessions()[at];
                    Applied::new(Edit::UpdateSession(old), changed)
                } else {
                    let index = self.index_in_day(at);
                    let old = self.sessions_mut().remove(at);
                    let at = self.sessions().partition_point(|s| s.date <= session.date);
                    self.sessions_mut().insert(at, session);
                    // Back to its day and place first; then its old values, in place.
                    let inverse = Edit::Batch(vec![
                        Edit::MoveSession {
                            id: old.id,
                            to: old.date,
                            index: Some(index),
                        },
                        Edit::UpdateSession(old),
                    ]);
                    Applied::new(inverse, true)
                }
            }
            Edit::MoveSession { id, to, index } => {
                super::day::check(to).map_err(EditError::Invalid)?;
                let from = self.session_index(id).ok_or(EditError::NoSuchSession(id))?;
                let from_index = self.index_in_day(from);
                let mut session = self.sessions_mut().remove(from);
                let from_date = std::mem::replace(&mut session.date, to);
                let day_start = self.sessions().partition_point(|s| s.date < to);
                let day_end = self.sessions().partition_point(|s| s.date <= to);
                let at = index.map_or(day_end, |i| (day_start + i).min(day_end));
                self.sessions_mut().insert(at, session);
                let inverse = Edit::MoveSession {
                    id,
                    to: from_date,
                    index: Some(from_index),
                };
                // The same day and the same place among all sessions is the same plan.
                Applied::new(inverse, from_date != to || from != at)
            }
            Edit::SetReadiness(entry) => {
                super::day::check(entry.date).map_err(EditError::Invalid)?;
                let (date, when) = (entry.date, entry.when);
                let list = self.readiness_mut();
                match list.binary_search_by_key(&(date, when), |r| (r.date, r.when)) {
                    Ok(at) => {
                        let old = std::mem::replace(&mut list[at], entry);
                        let changed = old != list[at];
                        Applied::new(Edit::SetReadiness(old), changed)
                    }
                    Err(at) => {
                        list.insert(at, entry);
                        Applied::new(Edit::RemoveReadiness { date, when }, true)
                    }
                }
            }
            Edit::RemoveReadiness { date, when } => {
                let list = self.readiness_mut();
                let at = list
                    .binary_search_by_key(&(date, when), |r| (r.date, r.when))
                    .map_err(|_| EditError::NoSuchReadiness { date, when })?;
                Applied::new(Edit::SetReadiness(list.remove(at)), true)
            }
            Edit::SetSettings(settings) => {
                settings.check().map_err(EditError::Invalid)?;
                let old = std::mem::replace(&mut self.settings, settings);
                let changed = old != self.settings;
                Applied::new(Edit::SetSettings(old), changed)
            }
            Edit::SetAvailability(availability) => {
                availability.check().map_err(EditError::Invalid)?;
                let old = std::mem::replace(&mut self.availability, availability);
                let changed = old != self.availability;
                Applied::new(Edit::SetAvailability(old), changed)
            }
            Edit::Batch(edits) => self.apply_batch(edits)?,
        })
    }

    /// Applies `edits` in order; when one is refused, undoes the ones already applied, in
    /// reverse order, so that the batch is all-or-nothing without a copy of the plan.
    fn apply_batch(&mut self, edits: Vec<Edit>) -> Result<Applied, EditError> {
        // Two changes or more may add up to none (a session moved away and back): what they
        // can touch is kept to be compared afterwards, not the whole plan.
        let footprint = (edits.len() >= 2).then(|| {
            let footprint = Footprint::of(&edits, self);
            let before = footprint.snapshot(self);
            (footprint, before)
        });
        let mut inverses = Vec::new();
        for edit in edits {
            match self.apply_undoable(edit) {
                // An edit that changed nothing needs nothing to undo it.
                Ok(applied) if !applied.changed => {}
                Ok(applied) => inverses.push(applied.inverse),
                Err(err) => {
                    self.undo_all(inverses);
                    return Err(err);
                }
            }
        }
        let changed = match (&footprint, inverses.len()) {
            (_, 0) => false,
            (Some((footprint, before)), 2..) => footprint.snapshot(self) != *before,
            _ => true,
        };
        inverses.reverse();
        let inverse = if inverses.len() == 1 {
            inverses.pop().unwrap_or(Edit::Batch(Vec::new()))
        } else {
            Edit::Batch(inverses)
        };
        Ok(Applied::new(inverse, changed))
    }

    /// Applies the inverses of edits just applied, the last first.
    fn undo_all(&mut self, inverses: Vec<Edit>) {
        for inverse in inverses.into_iter().rev() {
            // The inverse of an edit applied a moment ago names only what that edit left
            // in the plan, and values the plan held: it cannot be refused. A refusal here is
            // a bug in an inverse, which the properties in `tests/edits.rs` would catch.
            if let Err(err) = self.apply_undoable(inverse) {
                unreachable!("the inverse of an applied edit was refused: {err}");
            }
        }
    }

    /// The place of the session at `at` among the sessions of its day.
    fn index_in_day(&self, at: usize) -> usize {
        let date = self.sessions()[at].date;
        at - self.sessions().partition_point(|s| s.date < date)
    }
}

impl Edit {
    /// The first day whose sessions or readiness entries this edit can change when applied
    /// to `plan_before`; `None` when it can change every day (settings, availability) or
    /// when it names no day.
    ///
    /// Anything derived day by day from the days before it (the verdicts: see
    /// [`super::verdict::Assessments::update_from`]) stays valid before that day. The
    /// inverse edit that [`Plan::apply_undoable`] returns answers the same question for undo,
    /// asked of the plan after the edit.
    ///
    /// An edit that would be refused may answer any day: it changes nothing.
    pub fn earliest_day(&self, plan_before: &Plan) -> Option<Date> {
        self.changed_days(plan_before).map(|(first, _)| first)
    }

    /// The first and the last day whose sessions or readiness entries this edit can change
    /// when applied to `plan_before` (a move changes the day it leaves and the day it goes
    /// to; a batch every day its edits touch); `None` as for [`Edit::earliest_day`].
    ///
    /// What is derived from a bounded number of days before each day can stop after the
    /// last day: see [`super::verdict::Assessments::update`].
    pub fn changed_days(&self, plan_before: &Plan) -> Option<(Date, Date)> {
        let footprint = Footprint::of(std::slice::from_ref(self), plan_before);
        if footprint.settings || footprint.availability {
            return None;
        }
        let days = footprint.days.iter().copied();
        let readiness = footprint.readiness.iter().map(|&(date, _)| date);
        let first = days.clone().chain(readiness.clone()).min()?;
        let last = days.chain(readiness).max()?;
        Some((first, last))
    }
}

/// Everything a list of edits can change in a plan: the days whose sessions it can touch,
/// the readiness entries, the settings and the availability. Found by following the edits
/// in order without applying them (a session added or moved by one edit is where the next
/// edit finds it).
#[derive(Debug, Default)]
struct Footprint {
    days: BTreeSet<Date>,
    readiness: BTreeSet<(Date, When)>,
    settings: bool,
    availability: bool,
    /// The day of each session an earlier edit added, moved or removed (`None`).
    moved: HashMap<SessionId, Option<Date>>,
}

impl Footprint {
    fn of(edits: &[Edit], plan: &Plan) -> Footprint {
        let mut footprint = Footprint::default();
        for edit in edits {
            footprint.trace(edit, plan);
        }
        footprint
    }

    fn trace(&mut self, edit: &Edit, plan: &Plan) {
        match edit {
            Edit::AddSession(session) => {
                self.days.insert(session.date);
                self.moved.insert(session.id, Some(session.date));
            }
            Edit::RemoveSession(id) => {
                self.days.extend(self.day_of(*id, plan));
                self.moved.insert(*id, None);
            }
            Edit::UpdateSession(Session { id, date, .. })
            | Edit::MoveSession { id, to: date, .. } => {
                self.days.extend(self.day_of(*id, plan));
                self.days.insert(*date);
                self.moved.insert(*id, Some(*date));
            }
            Edit::SetReadiness(ReadinessEntry { date, when, .. })
            | Edit::RemoveReadiness { date, when } => {
                self.readiness.insert((*date, *when));
            }
            Edit::SetSettings(_) => self.settings = true,
            Edit::SetAvailability(_) => self.availability = true,
            Edit::Batch(edits) => {
                for edit in edits {
                    self.trace(edit, plan);
                }
            }
        }
    }

    /// The session's day at this point of the edits; `None` when it is not there.
    fn day_of(&self, id: SessionId, plan: &Plan) -> Option<Date> {
        match self.moved.get(&id) {
            Some(day) => *day,
            None => plan.session(id).map(|s| s.date),
        }
    }

    /// What the plan holds where the edits can change it. Two plans that agree everywhere
    /// else are equal exactly when their snapshots are.
    fn snapshot(&self, plan: &Plan) -> Snapshot {
        Snapshot {
            days: self
                .days
                .iter()
                .map(|&day| plan.sessions_on(day).to_vec())
                .collect(),
            readiness: self
                .readiness
                .iter()
                .map(|&(date, when)| plan.readiness_on(date, when).cloned())
                .collect(),
            settings: self.settings.then(|| plan.settings.clone()),
            availability: self.availability.then(|| plan.availability.clone()),
        }
    }
}

#[derive(Debug, PartialEq)]
struct Snapshot {
    days: Vec<Vec<Session>>,
    readiness: Vec<Option<ReadinessEntry>>,
    settings: Option<Settings>,
    availability: Option<Availability>,
}
