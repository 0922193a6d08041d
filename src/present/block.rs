//! A training block: several weeks in a row, each with its sessions by day and the figures
//! a runner compares from one week to the next — minutes, distance, load and the change of
//! planned load from the week before.
//!
//! The figures are those of [`week_summary`], so the block view, `runweek show --weeks` and
//! `runweek stats` never disagree: minutes, distance and load count what was done before
//! today and what is planned from today on (skipped and missed sessions count nothing); the
//! change compares planned load with the week before's planned load, as the week's rule on
//! load growth does.
//!
//! Only the block's weeks are read, each by binary search over the sorted sessions, so a
//! block costs the same with ten years of history as with one month.

use jiff::civil::Date;

use crate::core::load::week_summary;
use crate::core::plan::Plan;
use crate::core::rules::{self, Warning};
use crate::core::session::Session;
use crate::core::week::Week;

/// The fewest and the most weeks a block shows.
pub const BLOCK_WEEKS: std::ops::RangeInclusive<u8> = 4..=16;

/// How planned load against the week before is worked out, said wherever it is shown.
pub const CHANGE_MEANS: &str = "Planned load against the week before's planned load, as the week's rule on load growth \
     compares them; — when the week before had none.";

/// One day of a block's week.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDay {
    pub date: Date,
    /// The day's sessions in grid order.
    pub sessions: Vec<Session>,
    /// The week's rules this day breaks, in words.
    pub warnings: Vec<String>,
}

/// One week of a block with its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockWeek {
    pub week: Week,
    /// Done before today, planned from today on.
    pub minutes: u32,
    pub distance_km: f64,
    pub load: f64,
    /// Planned load against the week before's, in percent ([`CHANGE_MEANS`]).
    pub change_pct: Option<f64>,
    /// The week's rule on load growth, broken (soft), in words.
    pub growth_warning: Option<String>,
    pub days: [BlockDay; 7],
}

/// `count` weeks from the week that holds `from`, as of `today`. Fewer near the last day a
/// plan may hold, where the calendar of plans ends.
pub fn block(plan: &Plan, from: Date, count: usize, today: Date) -> Vec<BlockWeek> {
    let first = Week::containing(from, plan.settings.week_start);
    std::iter::successors(Some(first), |w| {
        let next = w.next();
        (next.end() <= crate::core::day::LAST && next != *w).then_some(next)
    })
    .take(count)
    .map(|week| block_week(plan, week, today))
    .collect()
}

fn block_week(plan: &Plan, week: Week, today: Date) -> BlockWeek {
    let summary = week_summary(plan, week, today);
    let warnings = rules::check_week(plan, week);
    let days = week.days().map(|date| BlockDay {
        date,
        sessions: plan.sessions_on(date).to_vec(),
        warnings: warnings
            .iter()
            .filter(|w| !matches!(w, Warning::LoadGrowth { .. }) && w.date() == date)
            .map(ToString::to_string)
            .collect(),
    });
    BlockWeek {
        week,
        minutes: summary.counted.minutes,
        distance_km: summary.counted.distance_km,
        load: summary.counted.load,
        change_pct: summary.change_pct,
        growth_warning: summary.growth_warning.map(|w| w.to_string()),
        days,
    }
}

/// The change from the week before: "+12 %", "−5 %", "±0 %", or "—" without one.
pub fn change(pct: Option<f64>) -> String {
    match pct {
        None => "—".to_owned(),
        Some(p) if p.round() == 0.0 => "±0 %".to_owned(),
        Some(p) if p > 0.0 => format!("+{p:.0} %"),
        Some(p) => format!("−{:.0} %", -p),
    }
}

/// A session as a block's chip says it in words: "Tempo 50 min, key, done".
pub fn chip_words(session: &Session) -> String {
    use crate::core::session::Done;
    let mut words = session.kind.label().to_owned();
    if !session.title.trim().is_empty() {
        words += &format!(" “{}”", session.title.trim());
    }
    if session.minutes.get() > 0 {
        words += &format!(" {} min", session.minutes);
    }
    if session.key {
        words += ", key";
    }
    match session.done {
        Some(Done::Done(_)) => words += ", done",
        Some(Done::Skipped) => words += ", skipped",
        None => {}
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_block_counts_done_then_planned_and_compares_planned_load() {
        let plan = crate::file::demo().expect("the demo parses");
        let today = date(2026, 11, 25);
        let weeks = block(&plan, date(2026, 11, 18), 4, today);
        assert_eq!(weeks.len(), 4);
        assert_eq!(weeks[0].week.start(), date(2026, 11, 16));
        for w in &weeks {
            let s = week_summary(&plan, w.week, today);
            assert_eq!(
                (w.minutes, w.load, w.change_pct),
                (s.counted.minutes, s.counted.load, s.change_pct)
            );
            let sessions: usize = w.days.iter().map(|d| d.sessions.len()).sum();
            assert_eq!(
                sessions,
                plan.sessions_between(w.week.start(), w.week.end()).len()
            );
        }
    }

    #[test]
    fn a_block_stops_at_the_last_day_a_plan_may_hold() {
        let plan = crate::file::demo().expect("the demo parses");
        let weeks = block(&plan, date(2199, 12, 1), 16, date(2026, 11, 25));
        assert!(!weeks.is_empty() && weeks.len() < 16);
        assert!(weeks.iter().all(|w| w.week.end() <= crate::core::day::LAST));
    }

    #[test]
    fn the_change_reads_as_a_signed_percentage() {
        assert_eq!(change(None), "—");
        assert_eq!(change(Some(12.4)), "+12 %");
        assert_eq!(change(Some(-5.0)), "−5 %");
        assert_eq!(change(Some(0.2)), "±0 %");
    }
}
