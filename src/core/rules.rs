//! The week's rules: warnings on the grid, and the constraints the re-planner keeps.
//!
//! - No two hard sessions on consecutive days (across week boundaries too).
//! - The day before a key session is easy or rest.
//! - A day holds no more than its available minutes; a blocked date holds nothing.
//! - Planned weekly load grows by no more than the set share over the previous week (a
//!   soft warning: the evidence for any single threshold is weak).

use std::fmt;

use jiff::civil::Date;

use super::plan::{Plan, Weekday};
use super::session::Session;
use super::week::{Week, add_days};

/// One broken rule, tied to the day it shows on.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// A hard session on `date` follows one on the day before.
    HardAfterHard { date: Date },
    /// A hard session on `date`, the day before a key session.
    HardBeforeKey { date: Date, key: String },
    /// More minutes planned on `date` than are available.
    OverAvailable { date: Date, planned: u32, max: u16 },
    /// Sessions planned on a blocked date.
    Blocked { date: Date },
    /// Planned load of the week grows more than allowed over the previous week.
    LoadGrowth {
        week_start: Date,
        percent: f64,
        limit: u16,
    },
}

impl Warning {
    /// The day the warning shows on (the week's first day for a week-level warning).
    pub fn date(&self) -> Date {
        match self {
            Warning::HardAfterHard { date }
            | Warning::HardBeforeKey { date, .. }
            | Warning::OverAvailable { date, .. }
            | Warning::Blocked { date } => *date,
            Warning::LoadGrowth { week_start, .. } => *week_start,
        }
    }

    /// Whether the warning is soft (shown, never enforced).
    pub fn is_soft(&self) -> bool {
        matches!(self, Warning::LoadGrowth { .. })
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::HardAfterHard { .. } => {
                f.write_str("Two hard days in a row: the day before is hard too")
            }
            Warning::HardBeforeKey { key, .. } => {
                write!(
                    f,
                    "Hard the day before the key session ({key}): keep it easy"
                )
            }
            Warning::OverAvailable { planned, max, .. } if *max == 0 => {
                write!(f, "{planned} min planned on a day with no time to train")
            }
            Warning::OverAvailable { planned, max, .. } => {
                write!(f, "{planned} min planned, only {max} min available")
            }
            Warning::Blocked { .. } => f.write_str("Sessions planned on a blocked date"),
            Warning::LoadGrowth { percent, limit, .. } => write!(
                f,
                "Planned load is {percent:.0} % above last week (soft limit {limit} %; \
                 a guide, not a proven threshold)"
            ),
        }
    }
}

/// Sessions that still count for the rules on a day: skipped ones do not.
fn counting(sessions: &[Session]) -> impl Iterator<Item = &Session> {
    sessions.iter().filter(|s| !s.is_skipped())
}

fn has_hard(plan: &Plan, date: Date) -> bool {
    counting(plan.sessions_on(date)).any(|s| s.kind.is_hard())
}

/// The warnings of one week, in day order, the load-growth warning last.
pub fn check_week(plan: &Plan, week: Week) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for date in week.days() {
        warnings.extend(check_day(plan, date));
    }
    let this = planned_load(plan, week);
    let last = planned_load(plan, week.previous());
    let limit = plan.settings.load_growth_pct;
    if last > 0.0 {
        let percent = (this / last - 1.0) * 100.0;
        if percent > f64::from(limit) {
            warnings.push(Warning::LoadGrowth {
                week_start: week.start(),
                percent,
                limit,
            });
        }
    }
    warnings
}

/// The day-level warnings of one day.
pub fn check_day(plan: &Plan, date: Date) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let today = plan.sessions_on(date);
    let hard_today = has_hard(plan, date);
    if hard_today && has_hard(plan, add_days(date, -1)) {
        warnings.push(Warning::HardAfterHard { date });
    }
    if hard_today && let Some(key) = counting(plan.sessions_on(add_days(date, 1))).find(|s| s.key) {
        warnings.push(Warning::HardBeforeKey {
            date,
            key: key.display_title().to_owned(),
        });
    }
    let planned: u32 = counting(today)
        .filter(|s| !s.is_done())
        .map(|s| u32::from(s.minutes.get()))
        .sum();
    if plan.availability.blocked.contains(&date) {
        if counting(today).any(|s| !s.is_done() && s.minutes.get() > 0) {
            warnings.push(Warning::Blocked { date });
        }
    } else if let Some(&max) = plan.availability.max_minutes.get(&Weekday::of(date))
        && planned > u32::from(max)
    {
        warnings.push(Warning::OverAvailable { date, planned, max });
    }
    warnings
}

/// Planned load of a week (minutes × planned RPE), skipped sessions excluded.
pub fn planned_load(plan: &Plan, week: Week) -> f64 {
    counting(plan.sessions_between(week.start(), week.end()))
        .map(Session::planned_load)
        .sum()
}
