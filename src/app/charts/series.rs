//! The charts' data, computed from the plan once per change: the load, fitness, fatigue,
//! form and acute:chronic series of the core's [`Trends`], the weekly bars, and the
//! readiness numbers, baselines and verdicts.
//!
//! [`ChartData::build`] is pure (plan, today and the verdicts in, [`ChartData`] out), and
//! [`ChartData::update`] brings a result up to date after a change to some days, computing
//! again only from where the change reaches. The window's derived state calls them once per
//! change and new day, while the charts are open, and hands the result to the charts. Each
//! frame only cuts it to the view (`decimate`).

use std::borrow::Cow;

use egui_plot::PlotPoint;

use jiff::civil::Date;

use super::dates::x_of;
use crate::core::load::{DayMetrics, Trends};
use crate::core::plan::Plan;
use crate::core::readiness::{ReadinessEntry, When};
use crate::core::session::Done;
use crate::core::verdict::{Assessment, Assessments, Verdict, assess_range};
use crate::core::week::{Week, add_days, days_between};

/// One week's load, planned against done.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekBar {
    pub week: Week,
    /// Planned load: every session not skipped, at its planned minutes and RPE.
    pub planned: f64,
    /// Done load: the sessions run, at their logged minutes and RPE.
    pub done: f64,
    /// The week lies after the week of today: there is nothing done yet to compare.
    pub ahead: bool,
}

/// One day of readiness numbers and what the verdict compared them with.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ReadinessDay {
    pub resting_hr: Option<f64>,
    pub hrv_ms: Option<f64>,
    /// Mean resting HR of the previous days (the verdict's baseline).
    pub baseline_hr: Option<f64>,
    /// Mean ln RMSSD of the recent days, and the usual range it is compared with.
    pub hrv_mean_ln: Option<f64>,
    pub hrv_band_ln: Option<(f64, f64)>,
    pub verdict: Option<Verdict>,
}

/// The readiness numbers, baselines and verdicts, one entry per day from the first check to
/// the last.
///
/// A change to some days touches the days' numbers and the verdicts only as far as a
/// verdict reaches, so [`ReadinessSeries::update`] computes those days again and keeps the
/// rest of ten years as they are.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadinessSeries {
    /// The first day of `days`.
    pub from: Option<Date>,
    pub days: Vec<ReadinessDay>,
    pub resting_hr: Vec<PlotPoint>,
    pub baseline_hr: Vec<PlotPoint>,
    /// The baseline plus the rise that counts as a hold-back signal.
    pub hold_back_hr: Vec<PlotPoint>,
    /// That rise, in bpm (a setting of the verdict).
    pub hold_back_rise: f64,
    /// HRV in ms. The verdict compares ln RMSSD; the mean and the band are shown back in
    /// ms (e to the power of the ln values), which keeps every comparison exactly as it is.
    pub hrv_ms: Vec<PlotPoint>,
    pub hrv_mean_ms: Vec<PlotPoint>,
    /// (x, low, high) of the HRV band, in ms.
    pub hrv_band_ms: Vec<(f64, f64, f64)>,
    pub verdicts: Vec<(f64, Verdict)>,
}

impl ReadinessSeries {
    /// The series of `plan`, from one pass of the verdict over the logged days.
    pub fn build(plan: &Plan, verdicts: Option<&Assessments>) -> ReadinessSeries {
        let entries = plan.readiness();
        let mut series = ReadinessSeries {
            hold_back_rise: f64::from(plan.settings.verdict.resting_hr_above),
            ..ReadinessSeries::default()
        };
        let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
            return series;
        };
        let (first, last) = (first.date, last.date);
        // The days' verdicts as already assessed when they cover the logged days; else one
        // pass now.
        let assessments: Cow<'_, [Assessment]> = match verdicts {
            Some(v) if covers(v, first, last) => Cow::Borrowed(v.between(first, last)),
            _ => Cow::Owned(assess_range(plan, first, last)),
        };
        let len = usize::try_from(days_between(first, last) + 1).unwrap_or(0);
        let mut days = vec![ReadinessDay::default(); len];
        fill_days(&mut days, first, entries, &assessments);
        series.push_points(&days, first);
        series.from = Some(first);
        series.days = days;
        series
    }

    /// Brings the series up to date after a change to the days `changed` (first and last),
    /// `verdicts` being already up to date: the days from the first changed one to as far
    /// as a verdict reaches are computed again, the others kept. Everything is built again
    /// when the logged span moved or `verdicts` do not cover it.
    pub fn update(&mut self, plan: &Plan, verdicts: &Assessments, changed: (Date, Date)) {
        let entries = plan.readiness();
        let span = entries
            .first()
            .zip(entries.last())
            .map(|(f, l)| (f.date, l.date));
        let held = self
            .from
            .map(|f| (f, add_days(f, self.days.len() as i64 - 1)));
        let Some((first, last)) =
            span.filter(|&(f, l)| Some((f, l)) == held && covers(verdicts, f, l))
        else {
            *self = ReadinessSeries::build(plan, Some(verdicts));
            return;
        };
        let reach = Assessments::reach_days(&plan.settings.verdict);
        let (from, to) = (changed.0.max(first), add_days(changed.1, reach).min(last));
        if to < from {
            return;
        }
        let start = usize::try_from(days_between(first, from)).unwrap_or(0);
        let end = usize::try_from(days_between(first, to)).unwrap_or(0);
        let days = &mut self.days[start..=end];
        days.fill(ReadinessDay::default());
        fill_days(
            days,
            from,
            plan.readiness_between(from, to),
            verdicts.between(from, to),
        );
        let mut part = ReadinessSeries {
            hold_back_rise: self.hold_back_rise,
            ..ReadinessSeries::default()
        };
        part.push_points(&self.days[start..=end], from);
        let (low, high) = (x_of(from), x_of(to));
        splice(&mut self.resting_hr, part.resting_hr, low, high, |p| p.x);
        splice(&mut self.baseline_hr, part.baseline_hr, low, high, |p| p.x);
        splice(&mut self.hold_back_hr, part.hold_back_hr, low, high, |p| {
            p.x
        });
        splice(&mut self.hrv_ms, part.hrv_ms, low, high, |p| p.x);
        splice(&mut self.hrv_mean_ms, part.hrv_mean_ms, low, high, |p| p.x);
        splice(&mut self.hrv_band_ms, part.hrv_band_ms, low, high, |b| b.0);
        splice(&mut self.verdicts, part.verdicts, low, high, |v| v.0);
    }

    /// Appends the points of `days`, the first of which is `from`.
    fn push_points(&mut self, days: &[ReadinessDay], from: Date) {
        for (i, day) in days.iter().enumerate() {
            let x = x_of(from) + i as f64;
            if let Some(hr) = day.resting_hr {
                self.resting_hr.push(PlotPoint::new(x, hr));
            }
            if let Some(base) = day.baseline_hr {
                self.baseline_hr.push(PlotPoint::new(x, base));
                self.hold_back_hr
                    .push(PlotPoint::new(x, base + self.hold_back_rise));
            }
            if let Some(ms) = day.hrv_ms {
                self.hrv_ms.push(PlotPoint::new(x, ms));
            }
            if let Some(mean) = day.hrv_mean_ln {
                self.hrv_mean_ms.push(PlotPoint::new(x, mean.exp()));
            }
            if let Some((low, high)) = day.hrv_band_ln {
                self.hrv_band_ms.push((x, low.exp(), high.exp()));
            }
            if let Some(verdict) = day.verdict {
                self.verdicts.push((x, verdict));
            }
        }
    }

    /// The numbers of `date`, if it lies in the logged span.
    pub fn on(&self, date: Date) -> Option<&ReadinessDay> {
        let first = self.from?;
        let i = usize::try_from(days_between(first, date)).ok()?;
        self.days.get(i)
    }
}

/// Whether `verdicts` hold every day from `first` to `last`.
fn covers(verdicts: &Assessments, first: Date, last: Date) -> bool {
    verdicts.first_day().is_some_and(|d| d <= first)
        && verdicts.last_day().is_some_and(|d| d >= last)
}

/// Fills `days` (the first of which is `from`, all empty) with the numbers of `entries` and
/// the baselines and verdicts of `assessments`, both of those days.
fn fill_days(
    days: &mut [ReadinessDay],
    from: Date,
    entries: &[ReadinessEntry],
    assessments: &[Assessment],
) {
    for entry in entries {
        let Some(day) = usize::try_from(days_between(from, entry.date))
            .ok()
            .and_then(|i| days.get_mut(i))
        else {
            continue;
        };
        // The morning numbers are the day's reading; a warm-up check fills in what the
        // morning lacks (entries are sorted Morning before WarmUp).
        let fill = |slot: &mut Option<f64>, value: Option<f64>| {
            if slot.is_none() || entry.when == When::Morning {
                *slot = value.or(*slot);
            }
        };
        fill(
            &mut day.resting_hr,
            entry.resting_hr.map(|b| f64::from(b.get())),
        );
        fill(&mut day.hrv_ms, entry.hrv_ms.map(|h| h.get()));
    }
    for (day, a) in days.iter_mut().zip(assessments) {
        day.baseline_hr = a.baselines.resting_hr;
        day.hrv_mean_ln = a.baselines.hrv_ln_rmssd_mean;
        day.hrv_band_ln = a.baselines.hrv_band;
        day.verdict = a.verdict;
    }
}

/// Replaces the points of `all` whose x lies from `low` to `high` with `part` (points sorted
/// by x, as every series is).
fn splice<T>(all: &mut Vec<T>, part: Vec<T>, low: f64, high: f64, x: impl Fn(&T) -> f64) {
    let start = all.partition_point(|p| x(p) < low);
    let end = all.partition_point(|p| x(p) <= high).max(start);
    all.splice(start..end, part);
}

/// Planned and done load of every week from the one holding `first` to the one holding
/// `last`, in one pass over the sessions: the same sums as the core's week summaries
/// ([`crate::core::load::WeekSummary::planned`] and `done`) without the rest of them.
pub fn week_bars(plan: &Plan, today: Date, first: Date, last: Date) -> Vec<WeekBar> {
    let week_start = plan.settings.week_start;
    let first_week = Week::containing(first, week_start).start();
    let this_week = Week::containing(today, week_start).start();
    let count = usize::try_from(days_between(first_week, last) / 7 + 1).unwrap_or(0);
    let mut bars: Vec<WeekBar> = (0..count)
        .map(|i| {
            let week = Week::containing(add_days(first_week, 7 * i as i64), week_start);
            WeekBar {
                week,
                planned: 0.0,
                done: 0.0,
                ahead: week.start() > this_week,
            }
        })
        .collect();
    add_loads(&mut bars, plan, first_week, last);
    bars
}

/// Adds the loads of the sessions from `from` to `to` to `bars` (the weeks from the one
/// holding `from` on, none of them summed yet).
fn add_loads(bars: &mut [WeekBar], plan: &Plan, from: Date, to: Date) {
    let Some(first_week) = bars.first().map(|b| b.week.start()) else {
        return;
    };
    for session in plan.sessions_between(from, to) {
        let i = usize::try_from(days_between(first_week, session.date) / 7).ok();
        let Some(bar) = i.and_then(|i| bars.get_mut(i)) else {
            continue;
        };
        if !session.is_skipped() {
            bar.planned += session.planned_load();
        }
        if matches!(session.done, Some(Done::Done(_))) {
            bar.done += session.done_load();
        }
    }
}

/// Sums again the weeks of `bars` that hold a day from `changed.0` to `changed.1`, in the
/// same order as [`week_bars`] does, so the sums come out the same to the last bit.
fn refresh_weeks(bars: &mut [WeekBar], plan: &Plan, changed: (Date, Date)) {
    let touched = bars
        .iter_mut()
        .filter(|b| b.week.end() >= changed.0 && b.week.start() <= changed.1);
    let mut span: Option<(Date, Date)> = None;
    for bar in touched {
        (bar.planned, bar.done) = (0.0, 0.0);
        let (start, end) = (bar.week.start(), bar.week.end());
        span = Some(span.map_or((start, end), |(a, _)| (a, end)));
    }
    if let Some((from, to)) = span {
        add_loads(bars, plan, from, to);
    }
}

/// Everything the charts draw, built once per plan revision and `today`.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    pub trends: Trends,
    /// The index in `trends.days()` of the first projected day.
    pub projection_start: usize,
    /// One point per day of the trends (x = date), done part and projection overlapping by
    /// one day so the dashed line continues the solid one.
    pub fitness: Split,
    pub fatigue: Split,
    pub form: Split,
    pub acwr: Split,
    pub weeks: Vec<WeekBar>,
    pub readiness: ReadinessSeries,
    /// The x range that holds any data, and the default view: the last 12 weeks and the
    /// planned ones ahead.
    pub extent: Option<(f64, f64)>,
    pub default_view: Option<(f64, f64)>,
}

/// A daily series cut where the projection starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Split {
    pub done: Vec<PlotPoint>,
    pub projected: Vec<PlotPoint>,
}

impl Split {
    fn new(points: Vec<PlotPoint>, projection_x: Option<f64>) -> Split {
        let Some(px) = projection_x else {
            return Split {
                done: points,
                projected: Vec::new(),
            };
        };
        let cut = points.partition_point(|p| p.x < px);
        Split {
            projected: points[cut.saturating_sub(1)..].to_vec(),
            done: points[..cut].to_vec(),
        }
    }
}

/// Weeks of history the default view shows before the current week.
pub const DEFAULT_WEEKS_BACK: i64 = 12;

impl ChartData {
    /// The charts' data for `plan` as of `today`, reading the verdicts and baselines from
    /// `verdicts` when they cover the logged days (the derived state's, assessed once per
    /// change and shared with the grid) rather than assessing them again.
    pub fn build(plan: &Plan, today: Date, verdicts: Option<&Assessments>) -> ChartData {
        let trends = Trends::compute(plan, today);
        let weeks = match (trends.first_date(), trends.last_date()) {
            (Some(first), Some(last)) => week_bars(plan, today, first, last),
            _ => Vec::new(),
        };
        let mut data = ChartData {
            projection_start: 0,
            fitness: Split::default(),
            fatigue: Split::default(),
            form: Split::default(),
            acwr: Split::default(),
            weeks,
            readiness: ReadinessSeries::build(plan, verdicts),
            extent: None,
            default_view: None,
            trends,
        };
        data.finish(plan.settings.week_start);
        data
    }

    /// Brings the data up to date after a change to the days `changed` (first and last) of
    /// `plan`, for the same today, `verdicts` being already up to date: each part is
    /// computed again from where the change reaches on, and the result is what
    /// [`ChartData::build`] gives.
    pub fn update(&mut self, plan: &Plan, verdicts: &Assessments, changed: (Date, Date)) {
        let span = self.trends.first_date().zip(self.trends.last_date());
        self.trends.update_from(plan, changed.0);
        let today = self.trends.today();
        self.weeks = match (self.trends.first_date(), self.trends.last_date()) {
            (Some(first), Some(last)) if span == Some((first, last)) => {
                let mut weeks = std::mem::take(&mut self.weeks);
                refresh_weeks(&mut weeks, plan, changed);
                weeks
            }
            (Some(first), Some(last)) => week_bars(plan, today, first, last),
            _ => Vec::new(),
        };
        self.readiness.update(plan, verdicts, changed);
        self.finish(plan.settings.week_start);
    }

    /// Cuts the trends into the drawn series and finds the extent and the default view.
    fn finish(&mut self, week_start: crate::core::settings::WeekStart) {
        let days = self.trends.days();
        self.projection_start = self.trends.projection_start();
        let projection_x = days.get(self.projection_start).map(|d| x_of(d.date));
        let column = |f: fn(&DayMetrics) -> f64| {
            let points = days
                .iter()
                .map(|d| PlotPoint::new(x_of(d.date), f(d)))
                .collect();
            Split::new(points, projection_x)
        };
        self.fitness = column(|d| d.fitness);
        self.fatigue = column(|d| d.fatigue);
        self.form = column(|d| d.form);
        self.acwr = Split::new(
            days.iter()
                .filter_map(|d| d.acwr.map(|r| PlotPoint::new(x_of(d.date), r)))
                .collect(),
            projection_x,
        );
        self.extent = self.find_extent();
        let this_week = Week::containing(self.trends.today(), week_start);
        self.default_view = self.extent.map(|(low, high)| {
            let back = x_of(add_days(this_week.start(), -7 * DEFAULT_WEEKS_BACK)) - 0.5;
            let ahead = high.max(x_of(this_week.end()) + 0.5);
            (back.max(low), ahead)
        });
    }

    fn find_extent(&self) -> Option<(f64, f64)> {
        let mut range: Option<(f64, f64)> = None;
        let mut add = |x: f64| {
            range = Some(range.map_or((x, x), |(a, b)| (a.min(x), b.max(x))));
        };
        if let (Some(a), Some(b)) = (self.trends.first_date(), self.trends.last_date()) {
            add(x_of(a));
            add(x_of(b));
        }
        if let Some(first) = self.readiness.from {
            add(x_of(first));
            add(x_of(first) + self.readiness.days.len() as f64 - 1.0);
        }
        range.map(|(a, b)| (a - 0.5, b + 0.5))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::Edit;

    fn demo() -> Plan {
        crate::file::demo().expect("the demo plan parses")
    }

    #[test]
    fn week_bars_match_the_week_summaries() {
        let mut plan = demo();
        // A skipped session counts in neither planned nor done.
        let mut skipped = plan.sessions()[3].clone();
        skipped.done = Some(Done::Skipped);
        plan.apply(Edit::UpdateSession(skipped)).expect("valid");
        let today = jiff::civil::date(2026, 11, 25);
        let first = plan.sessions()[0].date;
        let last = plan.sessions().last().map(|s| s.date).expect("sessions");
        let bars = week_bars(&plan, today, first, last);
        let summaries = crate::core::load::week_summaries(&plan, today, first, last);
        assert_eq!(bars.len(), summaries.len());
        for (bar, summary) in bars.iter().zip(&summaries) {
            assert_eq!(bar.week, summary.week);
            assert!((bar.planned - summary.planned.load).abs() < 1e-9);
            assert!((bar.done - summary.done.load).abs() < 1e-9);
        }
        assert!(bars.iter().any(|b| b.ahead) && bars.iter().any(|b| !b.ahead));
    }

    /// Applies `edit` and brings `data` up to date as the window's derived state does.
    fn apply_and_update(
        plan: &mut Plan,
        verdicts: &mut Assessments,
        data: &mut ChartData,
        edit: Edit,
    ) {
        let changed = edit.changed_days(plan);
        plan.apply(edit).expect("valid");
        match changed {
            Some(days) => {
                verdicts.update(plan, Some(days));
                data.update(plan, verdicts, days);
            }
            None => {
                let (from, to) = plan.date_range().expect("a history");
                *verdicts = Assessments::new(plan, from, to);
                *data = ChartData::build(plan, data.trends.today(), Some(verdicts));
            }
        }
    }

    #[test]
    fn an_update_after_each_change_gives_what_a_fresh_build_gives() {
        let mut plan = demo();
        let today = jiff::civil::date(2026, 11, 25);
        let (from, to) = plan.date_range().expect("a history");
        let mut verdicts = Assessments::new(&plan, from, to);
        let mut data = ChartData::build(&plan, today, Some(&verdicts));
        let sessions = plan.sessions().to_vec();
        let mut heavier = plan.readiness()[plan.readiness().len() / 2].clone();
        heavier.resting_hr = crate::core::units::Bpm::new(80).ok();
        // A check-in before the first one: the logged days grow.
        let mut first = plan.readiness()[0].clone();
        first.date = add_days(first.date, -3);
        let mut settings = plan.settings.clone();
        settings.verdict.resting_hr_above = 7;
        let edits = [
            // A session moved ahead, one moved back into the logged days, today's moved.
            Edit::MoveSession {
                id: sessions[sessions.len() - 1].id,
                to: jiff::civil::date(2026, 12, 5),
                index: None,
            },
            Edit::MoveSession {
                id: sessions[2].id,
                to: sessions[5].date,
                index: None,
            },
            Edit::MoveSession {
                id: sessions[sessions.len() / 2].id,
                to: today,
                index: None,
            },
            // A check-in in the middle of the logged days, and one before them.
            Edit::SetReadiness(heavier),
            Edit::SetReadiness(first),
            // A session after the last one (the history grows), and one removed.
            Edit::MoveSession {
                id: sessions[0].id,
                to: jiff::civil::date(2027, 1, 20),
                index: None,
            },
            Edit::RemoveSession(sessions[1].id),
            // New rules: everything again.
            Edit::SetSettings(settings),
        ];
        for edit in edits {
            let said = format!("{edit:?}");
            apply_and_update(&mut plan, &mut verdicts, &mut data, edit);
            let fresh = ChartData::build(&plan, today, None);
            assert_eq!(data, fresh, "after {said}");
        }
    }
}
