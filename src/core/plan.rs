//! The training plan: settings, availability, sessions and readiness entries.
//!
//! A [`Plan`] is always valid: sessions are sorted by date (their order within a day is the
//! grid's order), ids are unique, and there is at most one readiness entry per day and
//! moment. The only ways to change one are [`Plan::new`], which checks everything, and
//! [`super::edit`], which checks an edit before it mutates.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::readiness::{ReadinessEntry, When};
use super::session::{Session, SessionId};
use super::settings::Settings;
use super::week::add_days;

/// Days of the week as the plan file spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    pub fn of(date: Date) -> Weekday {
        Weekday::ALL[usize::from(date.weekday().to_monday_zero_offset().unsigned_abs())]
    }

    pub fn label(self) -> &'static str {
        match self {
            Weekday::Mon => "Mon",
            Weekday::Tue => "Tue",
            Weekday::Wed => "Wed",
            Weekday::Thu => "Thu",
            Weekday::Fri => "Fri",
            Weekday::Sat => "Sat",
            Weekday::Sun => "Sun",
        }
    }
}

/// When the runner can train: a maximum of minutes per weekday (0 = unavailable; a weekday
/// not listed has no limit), and single blocked dates.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Availability {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub max_minutes: BTreeMap<Weekday, u16>,
    #[serde(skip_serializing_if = "BTreeSet::is_empty", with = "super::day::set")]
    pub blocked: BTreeSet<Date>,
}

impl Availability {
    /// # Errors
    /// A blocked date outside the years a plan may hold.
    pub fn check(&self) -> Result<(), String> {
        for &day in &self.blocked {
            super::day::check(day).map_err(|why| format!("blocked {why}"))?;
        }
        Ok(())
    }

    /// The minutes available on `date`: `Some(0)` on a blocked date, `None` when unlimited.
    pub fn max_minutes_on(&self, date: Date) -> Option<u16> {
        if self.blocked.contains(&date) {
            return Some(0);
        }
        self.max_minutes.get(&Weekday::of(date)).copied()
    }
}

/// Why a plan could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error("session id {0} is used twice")]
    DuplicateId(SessionId),
    #[error("two {when:?} readiness entries for {date}")]
    DuplicateReadiness { date: Date, when: When },
    #[error("{0}")]
    Invalid(String),
}

/// A whole training plan. See the module docs for its invariants.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub settings: Settings,
    pub availability: Availability,
    sessions: Vec<Session>,
    readiness: Vec<ReadinessEntry>,
}

impl Plan {
    /// Builds a plan, checking every invariant.
    ///
    /// # Errors
    /// The first broken invariant: a duplicate id, a duplicate readiness entry, an invalid
    /// session or setting.
    pub fn new(
        settings: Settings,
        availability: Availability,
        mut sessions: Vec<Session>,
        mut readiness: Vec<ReadinessEntry>,
    ) -> Result<Plan, PlanError> {
        settings.check().map_err(PlanError::Invalid)?;
        let mut ids = HashSet::with_capacity(sessions.len());
        for session in &sessions {
            session.check().map_err(PlanError::Invalid)?;
            if !ids.insert(session.id) {
                return Err(PlanError::DuplicateId(session.id));
            }
        }
        for entry in &readiness {
            super::day::check(entry.date).map_err(PlanError::Invalid)?;
        }
        availability.check().map_err(PlanError::Invalid)?;
        // Stable: the order within a day is the runner's.
        sessions.sort_by_key(|s| s.date);
        readiness.sort_by_key(|r| (r.date, r.when));
        if let Some(pair) = readiness
            .windows(2)
            .find(|w| (w[0].date, w[0].when) == (w[1].date, w[1].when))
        {
            return Err(PlanError::DuplicateReadiness {
                date: pair[0].date,
                when: pair[0].when,
            });
        }
        Ok(Plan {
            settings,
            availability,
            sessions,
            readiness,
        })
    }

    /// All sessions, sorted by date, in grid order within a day.
    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }

    /// All readiness entries, sorted by date and moment.
    pub fn readiness(&self) -> &[ReadinessEntry] {
        &self.readiness
    }

    pub fn session(&self, id: SessionId) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    pub(super) fn session_index(&self, id: SessionId) -> Option<usize> {
        self.sessions.iter().position(|s| s.id == id)
    }

    /// Sessions from `from` up to and including `to`, found by binary search so that a
    /// frame never walks the whole history.
    pub fn sessions_between(&self, from: Date, to: Date) -> &[Session] {
        let start = self.sessions.partition_point(|s| s.date < from);
        let end = self.sessions.partition_point(|s| s.date <= to);
        &self.sessions[start..end.max(start)]
    }

    pub fn sessions_on(&self, date: Date) -> &[Session] {
        self.sessions_between(date, date)
    }

    /// Readiness entries from `from` up to and including `to`.
    pub fn readiness_between(&self, from: Date, to: Date) -> &[ReadinessEntry] {
        let start = self.readiness.partition_point(|r| r.date < from);
        let end = self.readiness.partition_point(|r| r.date <= to);
        &self.readiness[start..end.max(start)]
    }

    pub fn readiness_on(&self, date: Date, when: When) -> Option<&ReadinessEntry> {
        self.readiness_between(date, date)
            .iter()
            .find(|r| r.when == when)
    }

    /// The check that decides the day: the warm-up check when there is one, else the
    /// morning check.
    pub fn deciding_readiness(&self, date: Date) -> Option<&ReadinessEntry> {
        self.readiness_on(date, When::WarmUp)
            .or_else(|| self.readiness_on(date, When::Morning))
    }

    /// An id no session uses yet.
    pub fn next_id(&self) -> SessionId {
        SessionId(
            self.sessions
                .iter()
                .map(|s| s.id.0)
                .max()
                .map_or(1, |m| m + 1),
        )
    }

    /// The first and last day that hold anything, if any.
    pub fn date_range(&self) -> Option<(Date, Date)> {
        let firsts = [
            self.sessions.first().map(|s| s.date),
            self.readiness.first().map(|r| r.date),
        ];
        let lasts = [
            self.sessions.last().map(|s| s.date),
            self.readiness.last().map(|r| r.date),
        ];
        Some((
            firsts.into_iter().flatten().min()?,
            lasts.into_iter().flatten().max()?,
        ))
    }

    /// The same plan moved by whole weeks, keeping each session on its weekday: the demo
    /// plan is shown around the current week, whatever day the app first starts on.
    pub fn shifted_by_weeks(&self, weeks: i64) -> Plan {
        let shift = |d: Date| add_days(d, weeks * 7);
        let mut plan = self.clone();
        for s in &mut plan.sessions {
            s.date = shift(s.date);
        }
        for r in &mut plan.readiness {
            r.date = shift(r.date);
        }
        plan.availability.blocked = plan
            .availability
            .blocked
            .iter()
            .map(|&d| shift(d))
            .collect();
        plan
    }

    pub(super) fn sessions_mut(&mut self) -> &mut Vec<Session> {
        &mut self.sessions
    }

    pub(super) fn readiness_mut(&mut self) -> &mut Vec<ReadinessEntry> {
        &mut self.readiness
    }
}
