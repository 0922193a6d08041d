//! What the grid shows for one week, derived from the plan once and kept until the plan or
//! the week changes.
//!
//! A frame must not walk the whole history: ten years hold about 5,000 sessions. Everything
//! here is found by binary search ([`Plan::sessions_between`]) and built only when the key
//! (plan revision, week, preview) changes, so that a frame only reads it.
//!
//! This is a view model: it names the theme and the badge's words below it, never a
//! component. Its input is the plan (or the proposed plan of a preview); [`WeekView::build`]
//! is the pure function a derived state calls once per revision, week and preview.

use std::collections::BTreeMap;

use jiff::civil::Date;

pub use super::badge::DayBadge;
pub use super::theme::Tone;
use crate::core::load::{WeekTotals, week_totals};
use crate::core::plan::Plan;
use crate::core::rules::{self, Warning};
use crate::core::session::{Session, SessionId};
use crate::core::verdict::{self, Assessment};
use crate::core::week::Week;

/// One day of the shown week.
#[derive(Debug, Clone, PartialEq)]
pub struct DayView {
    pub date: Date,
    /// The day's sessions in grid order.
    pub sessions: Vec<Session>,
    /// Minutes and kilometres planned for the day, skipped sessions excluded.
    pub planned_minutes: u32,
    pub planned_km: f64,
    /// The minutes available (`Some(0)` on a blocked or unavailable day; `None`: no limit).
    pub max_minutes: Option<u16>,
    pub blocked: bool,
    /// The week's rules that this day breaks, in words.
    pub warnings: Vec<String>,
    pub badge: Option<DayBadge>,
    /// The day's readiness verdict with its reasons (from `assess_range`, once per change).
    pub assessment: Assessment,
    /// While a re-plan is previewed: sessions of this day that the proposal drops, with why.
    pub dropped: Vec<(Session, String)>,
}

/// Everything the grid and the summary need for one week.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekView {
    pub week: Week,
    pub days: [DayView; 7],
    pub summary: WeekTotals,
    /// Week-level warnings (planned load growth), in words.
    pub week_warnings: Vec<String>,
}

impl WeekView {
    /// Builds the view of `week` from `plan`. When a re-plan is previewed, `plan` is the
    /// proposed plan and `original` the plan as it is with the proposal's reasons, so that
    /// dropped sessions can be shown with why.
    pub fn build(
        plan: &Plan,
        week: Week,
        original: Option<(&Plan, &BTreeMap<SessionId, String>)>,
    ) -> WeekView {
        let assessments = verdict::assess_range(plan, week.start(), week.end());
        WeekView::build_with(plan, week, original, &assessments)
    }

    /// As [`WeekView::build`], with the days' verdicts already assessed (the derived state
    /// keeps every day's, so that the grid, the offers and the charts share them).
    pub fn build_with(
        plan: &Plan,
        week: Week,
        original: Option<(&Plan, &BTreeMap<SessionId, String>)>,
        assessments: &[Assessment],
    ) -> WeekView {
        let warnings = rules::check_week(plan, week);
        let days = week.days().map(|date| {
            let assessment = assessments
                .iter()
                .find(|a| a.date == date)
                .cloned()
                .unwrap_or_else(|| verdict::assess(plan, date));
            let sessions = plan.sessions_on(date).to_vec();
            let counting = || sessions.iter().filter(|s| !s.is_skipped());
            let dropped = original.map_or_else(Vec::new, |(original, notes)| {
                original
                    .sessions_on(date)
                    .iter()
                    .filter(|s| plan.session(s.id).is_none())
                    .map(|s| (s.clone(), notes.get(&s.id).cloned().unwrap_or_default()))
                    .collect()
            });
            DayView {
                date,
                planned_minutes: counting().map(|s| u32::from(s.minutes.get())).sum(),
                planned_km: counting()
                    .filter_map(|s| s.distance_km)
                    .map(|k| k.get())
                    .sum(),
                max_minutes: plan.availability.max_minutes_on(date),
                blocked: plan.availability.blocked.contains(&date),
                warnings: assessment
                    .verdict
                    .and_then(|v| super::format::day::verdict_clash(v, date, &sessions))
                    .into_iter()
                    .chain(
                        warnings
                            .iter()
                            .filter(|w| {
                                !matches!(w, Warning::LoadGrowth { .. }) && w.date() == date
                            })
                            .map(ToString::to_string),
                    )
                    .collect(),
                badge: super::badge::badge(&assessment),
                assessment,
                dropped,
                sessions,
            }
        });
        let week_warnings = warnings
            .iter()
            .filter(|w| matches!(w, Warning::LoadGrowth { .. }))
            .map(ToString::to_string)
            .collect();
        WeekView {
            week,
            summary: week_totals(plan.sessions_between(week.start(), week.end())),
            days,
            week_warnings,
        }
    }

    /// The day of the week that holds `id`, if it is shown.
    pub fn find(&self, id: SessionId) -> Option<(&DayView, &Session)> {
        self.days
            .iter()
            .find_map(|d| d.sessions.iter().find(|s| s.id == id).map(|s| (d, s)))
    }

    pub fn day(&self, date: Date) -> Option<&DayView> {
        self.days.iter().find(|d| d.date == date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::settings::WeekStart;
    use jiff::civil::date;

    fn demo_week(day: Date) -> WeekView {
        let plan = crate::file::demo().expect("the demo parses");
        WeekView::build(&plan, Week::containing(day, WeekStart::Monday), None)
    }

    fn check(day: Date, expected: (u32, u32, u32, u32)) {
        let s = demo_week(day).summary;
        assert_eq!(
            (s.planned_minutes, s.done_minutes, s.hard, s.key),
            expected,
            "week of {day}"
        );
    }

    #[test]
    fn summaries_count_planned_done_and_hard_sessions() {
        // First demo week: everything done, 100 + 104 min long runs included.
        check(date(2026, 11, 18), (355, 363, 3, 2));
        // Middle week: only Tuesday done so far.
        check(date(2026, 11, 25), (365, 58, 3, 2));
        check(date(2026, 12, 6), (315, 0, 3, 2));
        // A week without sessions.
        check(date(2027, 1, 6), (0, 0, 0, 0));
    }

    #[test]
    fn days_carry_their_sessions_in_grid_order_and_their_limits() {
        let view = demo_week(date(2026, 11, 25));
        let sat = &view.days[5];
        assert_eq!(sat.date, date(2026, 11, 28));
        let titles: Vec<_> = sat.sessions.iter().map(|s| s.display_title()).collect();
        assert_eq!(titles, ["Easy + strides", "Core and hips"]);
        assert_eq!(sat.planned_minutes, 65);
        assert_eq!(view.days[2].max_minutes, Some(60));
        assert_eq!(view.days[0].max_minutes, None);
    }

    #[test]
    fn a_broken_rule_shows_on_its_day_in_words() {
        let mut plan = crate::file::demo().expect("the demo parses");
        // Tempo from Thursday onto Wednesday, the day after Tuesday's intervals.
        plan.apply(crate::core::edit::Edit::MoveSession {
            id: SessionId(12),
            to: date(2026, 11, 25),
            index: None,
        })
        .expect("the move applies");
        let view = WeekView::build(
            &plan,
            Week::containing(date(2026, 11, 25), WeekStart::Monday),
            None,
        );
        assert_eq!(
            view.days[2].warnings,
            [
                // Wednesday is the demo's hold-back day: its verdict warns first.
                "Wed says Hold back: Tempo is hard, but the day calls for easy sessions only",
                "Two hard days in a row: the day before is hard too",
                "100 min planned, only 60 min available"
            ]
        );
        assert!(view.days[3].warnings.is_empty());
    }
}
