//! Edits as values, and the one applier that checks an edit before it mutates.
//!
//! Every change to a plan — a drag on the grid, Apply in the editor, an accepted re-plan —
//! is an [`Edit`]. [`Plan::apply`] either applies it whole or leaves the plan untouched and
//! says why; a [`Edit::Batch`] is all-or-nothing.

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

impl Plan {
    /// Applies `edit`, or changes nothing and says why.
    ///
    /// # Errors
    /// When the edit names something that is not there or would break an invariant.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        match edit {
            Edit::AddSession(session) => {
                session.check().map_err(EditError::Invalid)?;
                if self.session_index(session.id).is_some() {
                    return Err(EditError::DuplicateId(session.id));
                }
                let at = self.sessions().partition_point(|s| s.date <= session.date);
                self.sessions_mut().insert(at, session);
            }
            Edit::RemoveSession(id) => {
                let at = self.session_index(id).ok_or(EditError::NoSuchSession(id))?;
                self.sessions_mut().remove(at);
            }
            Edit::UpdateSession(session) => {
                session.check().map_err(EditError::Invalid)?;
                let at = self
                    .session_index(session.id)
                    .ok_or(EditError::NoSuchSession(session.id))?;
                if self.sessions()[at].date == session.date {
                    self.sessions_mut()[at] = session;
                } else {
                    self.sessions_mut().remove(at);
                    let at = self.sessions().partition_point(|s| s.date <= session.date);
                    self.sessions_mut().insert(at, session);
                }
            }
            Edit::MoveSession { id, to, index } => {
                super::day::check(to).map_err(EditError::Invalid)?;
                let from = self.session_index(id).ok_or(EditError::NoSuchSession(id))?;
                let mut session = self.sessions_mut().remove(from);
                session.date = to;
                let day_start = self.sessions().partition_point(|s| s.date < to);
                let day_end = self.sessions().partition_point(|s| s.date <= to);
                let at = index.map_or(day_end, |i| (day_start + i).min(day_end));
                self.sessions_mut().insert(at, session);
            }
            Edit::SetReadiness(entry) => {
                super::day::check(entry.date).map_err(EditError::Invalid)?;
                let key = (entry.date, entry.when);
                let list = self.readiness_mut();
                match list.binary_search_by_key(&key, |r| (r.date, r.when)) {
                    Ok(at) => list[at] = entry,
                    Err(at) => list.insert(at, entry),
                }
            }
            Edit::RemoveReadiness { date, when } => {
                let list = self.readiness_mut();
                let at = list
                    .binary_search_by_key(&(date, when), |r| (r.date, r.when))
                    .map_err(|_| EditError::NoSuchReadiness { date, when })?;
                list.remove(at);
            }
            Edit::SetSettings(settings) => {
                settings.check().map_err(EditError::Invalid)?;
                self.settings = settings;
            }
            Edit::SetAvailability(availability) => {
                availability.check().map_err(EditError::Invalid)?;
                self.availability = availability;
            }
            Edit::Batch(edits) => {
                // A plan is small; applying to a copy is the simplest way to be
                // all-or-nothing without an inverse for every kind of edit.
                let mut next = self.clone();
                for edit in edits {
                    next.apply(edit)?;
                }
                *self = next;
            }
        }
        Ok(())
    }
}
