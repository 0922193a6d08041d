//! Derived state: what the views show, computed from the document once per change, never
//! per frame.
//!
//! Every day's verdict is assessed once ([`Assessments`]) and, after a change, again only
//! from the changed days as far as a verdict can reach ([`Changes`]); the week on show,
//! the offers above the grid and the charts all read those same verdicts. The rest is
//! computed when its inputs change: the week view when the plan, the week or a proposal
//! does; the offers when the plan, today or the selected day does; the charts when the plan
//! or today does, and only while they are open. Views only read it. A frame with ten years of
//! history open then costs the same as one with a week.

use jiff::civil::Date;

use super::charts::series::ChartData;
use super::document::Changes;
use super::preview::Shown;
use super::replan_panel::offers::{Offers, offers_with};
use super::week_view::WeekView;
use crate::core::load::{WeekSummary, week_summary};
use crate::core::plan::Plan;
use crate::core::review::{self, Decision, WeekReview};
use crate::core::verdict::{Assessments, assess_range};
use crate::core::week::Week;
use crate::present::block::{self, BlockWeek};

/// What the views need to know to ask for their part.
pub struct Inputs<'a> {
    pub plan: &'a Plan,
    pub rev: u64,
    /// What changed in the plan since the last update.
    pub changes: Changes,
    pub today: Date,
    pub week: Week,
    pub selected_day: Date,
    pub shown: Option<&'a Shown>,
    pub charts_open: bool,
    /// The block on show (its first day and its number of weeks), in the block view.
    pub block: Option<(Date, u8)>,
}

/// What the block's weeks are computed from: the revision, today, the block's first day and
/// its number of weeks.
type BlockKey = (u64, Date, Date, u8);

/// The decision days: the revision and today they are for, the days they were decided
/// over, and the days.
type Decided = ((u64, Date), (Date, Date), Vec<Decision>);

/// Everything the views read that is computed from the plan.
#[derive(Default)]
pub struct Derived {
    verdicts: Assessments,
    week: Option<((u64, Week, bool, Date), WeekView)>,
    offers: Option<((u64, Date, Date), Offers)>,
    charts: Option<((u64, Date), ChartData)>,
    summary: Option<((u64, Date, Week), WeekSummary)>,
    /// The look back on the week on show.
    review: Option<((u64, Date, Week), WeekReview)>,
    /// Every decision day of the history, for "Your patterns" (while the charts are open),
    /// with the days they were decided over.
    decisions: Option<Decided>,
    /// The weeks of the block view, while it is on show.
    block: Option<(BlockKey, Vec<BlockWeek>)>,
    /// The revision of the last update.
    rev: u64,
    /// How many times the charts' data was computed (for the tests).
    chart_builds: u64,
    /// How many times the week's review was computed (for the tests).
    review_builds: u64,
}

impl Derived {
    /// Brings the derived state up to date with the plan, the day and what is on show.
    pub fn update(&mut self, i: &Inputs<'_>) {
        // `i.changes` is what changed since this revision: what was computed for it can be
        // brought up to date from the changed days on, the rest is computed again.
        let previous_rev = std::mem::replace(&mut self.rev, i.rev);
        self.update_verdicts(i);
        let key = (i.rev, i.week, i.shown.is_some(), i.today);
        if self.week.as_ref().is_none_or(|(k, _)| *k != key) {
            let view = match i.shown {
                // A proposal moves sessions: the days are assessed for the plan as proposed.
                Some(shown) => {
                    let assessed = assess_range(&shown.proposed, i.week.start(), i.week.end());
                    WeekView::build_with(
                        &shown.proposed,
                        i.week,
                        Some((i.plan, &shown.preview.notes)),
                        &assessed,
                    )
                }
                None => WeekView::build_with(
                    i.plan,
                    i.week,
                    None,
                    self.verdicts.between(i.week.start(), i.week.end()),
                ),
            };
            self.week = Some((key, view));
        }
        let key = (i.rev, i.today, i.week);
        if self.review.as_ref().is_none_or(|(k, _)| *k != key) {
            let review = review::week_review(i.plan, &self.verdicts, i.week, i.today);
            self.review = Some((key, review));
            self.review_builds += 1;
        }
        let key = (i.rev, i.today, i.selected_day);
        if i.shown.is_none() && self.offers.as_ref().is_none_or(|(k, _)| *k != key) {
            let verdicts = &self.verdicts;
            let offers = offers_with(i.plan, i.today, i.selected_day, |d| {
                verdicts.get(d).map_or_else(
                    || crate::core::verdict::assess(i.plan, d).verdict,
                    |a| a.verdict,
                )
            });
            self.offers = Some((key, offers));
        }
        if let Some((from, count)) = i.block {
            let key = (i.rev, i.today, from, count);
            if self.block.as_ref().is_none_or(|(k, _)| *k != key) {
                let weeks = block::block(i.plan, from, usize::from(count), i.today);
                self.block = Some((key, weeks));
            }
        }
        if i.charts_open {
            self.update_charts(i, previous_rev);
            self.update_decisions(i, previous_rev);
            let key = (i.rev, i.today, i.week);
            if self.summary.as_ref().is_none_or(|(k, _)| *k != key) {
                self.summary = Some((key, week_summary(i.plan, i.week, i.today)));
            }
        }
    }

    /// The charts' data, brought up to date from the changed days when it was computed for
    /// the revision just before and the same today.
    fn update_charts(&mut self, i: &Inputs<'_>, previous_rev: u64) {
        let key = (i.rev, i.today);
        match (&mut self.charts, i.changes) {
            (Some((k, _)), _) if *k == key => return,
            (Some((k, data)), Changes::Days(first, last)) if *k == (previous_rev, i.today) => {
                data.update(i.plan, &self.verdicts, (first, last));
                *k = key;
            }
            _ => self.charts = Some((key, ChartData::build(i.plan, i.today, Some(&self.verdicts)))),
        }
        self.chart_builds += 1;
    }

    /// Every decision day of the history, computed again only where a change reaches: a
    /// day's decision reads its sessions, the verdicts of it and the next two days, and the
    /// key sessions of the days after it.
    fn update_decisions(&mut self, i: &Inputs<'_>, previous_rev: u64) {
        let key = (i.rev, i.today);
        let (from, to) = (
            self.verdicts.first_day().unwrap_or(i.today),
            self.verdicts.last_day().unwrap_or(i.today),
        );
        match (&mut self.decisions, i.changes) {
            (Some((k, _, _)), _) if *k == key => {}
            (Some((k, span, all)), Changes::Days(first, last))
                if *k == (previous_rev, i.today) && *span == (from, to) =>
            {
                let changed = (first, last);
                review::update_decisions(all, i.plan, &self.verdicts, *span, changed, i.today);
                *k = key;
            }
            _ => {
                let all = review::decisions(i.plan, &self.verdicts, from, to, i.today);
                self.decisions = Some((key, (from, to), all));
            }
        }
    }

    /// Every day's verdict from the plan's first day (or the week on show, or today,
    /// whichever is first) to its last, kept up to date from the changed days on.
    fn update_verdicts(&mut self, i: &Inputs<'_>) {
        match i.changes {
            Changes::None => {}
            Changes::Days(first, last) => self.verdicts.update(i.plan, Some((first, last))),
            Changes::All => self.verdicts = Assessments::default(),
        }
        let (mut from, mut to) = i.plan.date_range().unwrap_or((i.today, i.today));
        from = from.min(i.week.start()).min(i.today);
        to = to.max(i.week.end()).max(i.today);
        let covered = self.verdicts.first_day().is_some_and(|d| d <= from)
            && self.verdicts.last_day().is_some_and(|d| d >= to);
        if !covered {
            // Only the days not assessed yet are assessed: the range grows, it never
            // shrinks.
            let from = self.verdicts.first_day().map_or(from, |d| d.min(from));
            let to = self.verdicts.last_day().map_or(to, |d| d.max(to));
            self.verdicts.set_range(i.plan, from, to);
        }
    }

    /// The week on show, as last updated.
    pub fn week_view(&self) -> Option<&WeekView> {
        self.week.as_ref().map(|(_, view)| view)
    }

    /// The weeks of the block on show, as last updated (none outside the block view).
    pub fn block(&self) -> &[BlockWeek] {
        self.block
            .as_ref()
            .map_or(&[], |(_, weeks)| weeks.as_slice())
    }

    /// The offers for the selected day, as last updated.
    pub fn offers(&self) -> Option<&Offers> {
        self.offers.as_ref().map(|(_, offers)| offers)
    }

    /// The charts' data and the week's figures, while the charts are open.
    pub fn charts(&self) -> Option<(&ChartData, Option<&WeekSummary>)> {
        let (_, data) = self.charts.as_ref()?;
        Some((data, self.summary.as_ref().map(|(_, s)| s)))
    }

    /// The look back on the week on show, as last updated.
    pub fn week_review(&self) -> Option<&WeekReview> {
        self.review.as_ref().map(|(_, r)| r)
    }

    /// Every decision day of the history, oldest first, while the charts are open.
    pub fn decisions(&self) -> &[Decision] {
        self.decisions
            .as_ref()
            .map_or(&[], |(_, _, d)| d.as_slice())
    }

    /// Forgets everything (another plan was opened).
    pub fn clear(&mut self) {
        *self = Derived::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::document::Document;
    use crate::core::edit::Edit;
    use crate::core::readiness::{Legs, ReadinessEntry, When};
    use crate::core::verdict::assess;
    use jiff::civil::date;

    fn update(derived: &mut Derived, doc: &mut Document, today: Date, charts_open: bool) {
        let changes = doc.take_changes();
        let week = Week::containing(today, doc.plan().settings.week_start);
        derived.update(&Inputs {
            plan: doc.plan(),
            rev: doc.rev(),
            changes,
            today,
            week,
            selected_day: today,
            shown: None,
            charts_open,
            block: None,
        });
    }

    /// Every verdict the views read equals a fresh assessment of the plan as it is.
    fn agrees(derived: &Derived, plan: &Plan) {
        for a in derived.verdicts.all() {
            assert_eq!(*a, assess(plan, a.date), "{}", a.date);
        }
        let view = derived.week_view().expect("a week");
        for day in &view.days {
            assert_eq!(day.assessment, assess(plan, day.date));
        }
        // The charts and the decisions, brought up to date from the changed days, are what
        // a fresh computation gives.
        if let Some((data, _)) = derived.charts() {
            let today = data.trends.today();
            assert_eq!(*data, ChartData::build(plan, today, None));
            let (from, to) = (
                derived.verdicts.first_day().expect("days"),
                derived.verdicts.last_day().expect("days"),
            );
            let fresh = Assessments::new(plan, from, to);
            assert_eq!(
                derived.decisions(),
                review::decisions(plan, &fresh, from, to, today)
            );
        }
    }

    #[test]
    fn the_verdicts_follow_every_change_and_the_charts_are_computed_once_per_change() {
        let today = date(2026, 11, 25);
        let mut doc = Document::new(crate::file::demo().expect("demo"), None, None);
        let mut derived = Derived::default();
        for _ in 0..3 {
            update(&mut derived, &mut doc, today, true);
        }
        assert_eq!(derived.chart_builds, 1, "a steady frame computes nothing");
        agrees(&derived, doc.plan());

        // A readiness click, a settings change, an undo: each seen, each once.
        let mut entry = ReadinessEntry::new(date(2026, 11, 23), When::Morning);
        entry.legs = Legs::Heavy;
        doc.apply(Edit::SetReadiness(entry)).expect("a check-in");
        update(&mut derived, &mut doc, today, true);
        update(&mut derived, &mut doc, today, true);
        assert_eq!(derived.chart_builds, 2);
        agrees(&derived, doc.plan());

        // A drop onto another day, and one onto today.
        for (n, to) in [(3, date(2026, 11, 27)), (8, today)] {
            let id = doc.plan().sessions()[n].id;
            doc.apply(Edit::MoveSession {
                id,
                to,
                index: None,
            })
            .expect("a drop");
            update(&mut derived, &mut doc, today, true);
            agrees(&derived, doc.plan());
        }
        assert_eq!(derived.chart_builds, 4);

        let mut settings = doc.plan().settings.clone();
        settings.fitness_days = 28;
        settings.verdict.hold_back_signals = 1;
        doc.apply(Edit::SetSettings(settings))
            .expect("valid settings");
        update(&mut derived, &mut doc, today, true);
        agrees(&derived, doc.plan());
        let (data, _) = derived.charts().expect("charts");
        assert_eq!(data.trends.time_constants(), (28, 7), "from the new plan");

        assert!(doc.undo() && doc.undo());
        update(&mut derived, &mut doc, today, true);
        agrees(&derived, doc.plan());
        assert_eq!(derived.chart_builds, 6);
        assert!(doc.undo());
        update(&mut derived, &mut doc, today, true);
        agrees(&derived, doc.plan());

        // A new day moves the projection.
        update(&mut derived, &mut doc, date(2026, 11, 26), true);
        assert_eq!(derived.chart_builds, 8);
        agrees(&derived, doc.plan());
    }

    #[test]
    fn the_week_review_is_computed_once_per_change_from_the_shared_verdicts() {
        let today = date(2026, 11, 30);
        let mut doc = Document::new(crate::file::demo().expect("demo"), None, None);
        let mut derived = Derived::default();
        for _ in 0..3 {
            update(&mut derived, &mut doc, today, false);
        }
        assert_eq!(derived.review_builds, 1, "a steady frame computes nothing");
        let week = Week::containing(today, doc.plan().settings.week_start);
        let fresh = |plan: &Plan| {
            let (first, last) = plan.date_range().expect("days");
            let verdicts = Assessments::new(plan, first, last.max(week.end()));
            review::week_review(plan, &verdicts, week, today)
        };
        assert_eq!(derived.week_review(), Some(&fresh(doc.plan())));

        let mut entry = ReadinessEntry::new(date(2026, 11, 30), When::Morning);
        entry.legs = Legs::Heavy;
        entry.body = crate::core::readiness::Body::Forcing;
        doc.apply(Edit::SetReadiness(entry)).expect("a check-in");
        update(&mut derived, &mut doc, today, false);
        update(&mut derived, &mut doc, today, false);
        assert_eq!(derived.review_builds, 2);
        assert_eq!(derived.week_review(), Some(&fresh(doc.plan())));
        assert!(
            derived.decisions().is_empty(),
            "the history's only while the charts are open"
        );
    }

    #[test]
    fn closed_charts_cost_nothing() {
        let today = date(2026, 11, 25);
        let mut doc = Document::new(crate::file::demo().expect("demo"), None, None);
        let mut derived = Derived::default();
        update(&mut derived, &mut doc, today, false);
        assert!(derived.charts().is_none());
        assert_eq!(derived.chart_builds, 0);
        assert!(derived.offers().is_some());
    }
}
