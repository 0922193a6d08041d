//! The charts' data, computed from the plan once per change: the load, fitness, fatigue,
//! form and acute:chronic series of the core's [`Trends`], the weekly bars, and the
//! readiness numbers, baselines and verdicts.
//!
//! [`compute_with`] is pure (plan, today and the verdicts in, [`ChartData`] out): the
//! window's derived state calls it once per change and new day, while the charts are open,
//! and hands the result to the charts. Each frame only cuts it to the view (`decimate`).

use std::borrow::Cow;

use egui_plot::PlotPoint;

use jiff::civil::Date;

use super::dates::x_of;
use crate::core::load::{DayMetrics, Trends};
use crate::core::plan::Plan;
use crate::core::readiness::{ReadinessEntry, When};
use crate::core::session::Done;
use crate::core::settings::VerdictRules;
use crate::core::verdict::{Assessment, Assessments, Verdict, assess_range};
use crate::core::week::{Week, add_days, days_between};

/// The charts' data for `plan` as of `today`: what [`super::charts_ui`] draws.
///
/// `previous` is the readiness part of an earlier result: it is reused when the readiness
/// entries and the verdict's rules did not change (the verdicts of ten years take
/// milliseconds; moving a session does not change them).
pub fn compute(plan: &Plan, today: Date, previous: Option<ReadinessSeries>) -> ChartData {
    ChartData::build(plan, today, previous, None)
}

/// As [`compute`], reading the verdicts and baselines from `verdicts` (the derived state's,
/// assessed once per change and shared with the grid) rather than assessing ten years again.
pub fn compute_with(
    plan: &Plan,
    today: Date,
    previous: Option<ReadinessSeries>,
    verdicts: &Assessments,
) -> ChartData {
    ChartData::build(plan, today, previous, Some(verdicts))
}

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
/// They depend on the readiness entries and the verdict's rules only (the sessions feed the
/// week-level carry-over flag, which the charts do not draw), and the verdicts of ten years
/// take milliseconds. So they are kept with the inputs they came from and reused while
/// those stay the same: moving a session recomputes the load, not the verdicts.
#[derive(Debug, Clone, Default)]
pub struct ReadinessSeries {
    entries: Vec<ReadinessEntry>,
    rules: VerdictRules,
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
    /// Whether these series were computed from `plan`'s readiness entries and rules.
    pub fn is_for(&self, plan: &Plan) -> bool {
        self.rules == plan.settings.verdict && self.entries == plan.readiness()
    }

    /// The series of `plan`, from one pass of the verdict over the logged days.
    pub fn build(plan: &Plan, verdicts: Option<&Assessments>) -> ReadinessSeries {
        let entries = plan.readiness();
        let mut series = ReadinessSeries {
            entries: entries.to_vec(),
            rules: plan.settings.verdict.clone(),
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
            Some(v)
                if v.first_day().is_some_and(|d| d <= first)
                    && v.last_day().is_some_and(|d| d >= last) =>
            {
                Cow::Borrowed(v.between(first, last))
            }
            _ => Cow::Owned(assess_range(plan, first, last)),
        };
        let len = usize::try_from(days_between(first, last) + 1).unwrap_or(0);
        let mut days = vec![ReadinessDay::default(); len];
        for entry in entries {
            let Some(day) = usize::try_from(days_between(first, entry.date))
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
        for (day, a) in days.iter_mut().zip(assessments.iter()) {
            day.baseline_hr = a.baselines.resting_hr;
            day.hrv_mean_ln = a.baselines.hrv_ln_rmssd_mean;
            day.hrv_band_ln = a.baselines.hrv_band;
            day.verdict = a.verdict;
        }
        for (i, day) in days.iter().enumerate() {
            let x = x_of(first) + i as f64;
            if let Some(hr) = day.resting_hr {
                series.resting_hr.push(PlotPoint::new(x, hr));
            }
            if let Some(base) = day.baseline_hr {
                series.baseline_hr.push(PlotPoint::new(x, base));
                series
                    .hold_back_hr
                    .push(PlotPoint::new(x, base + series.hold_back_rise));
            }
            if let Some(ms) = day.hrv_ms {
                series.hrv_ms.push(PlotPoint::new(x, ms));
            }
            if let Some(mean) = day.hrv_mean_ln {
                series.hrv_mean_ms.push(PlotPoint::new(x, mean.exp()));
            }
            if let Some((low, high)) = day.hrv_band_ln {
                series.hrv_band_ms.push((x, low.exp(), high.exp()));
            }
            if let Some(verdict) = day.verdict {
                series.verdicts.push((x, verdict));
            }
        }
        series.from = Some(first);
        series.days = days;
        series
    }

    /// The numbers of `date`, if it lies in the logged span.
    pub fn on(&self, date: Date) -> Option<&ReadinessDay> {
        let first = self.from?;
        let i = usize::try_from(days_between(first, date)).ok()?;
        self.days.get(i)
    }
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
    for session in plan.sessions_between(first_week, last) {
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
    bars
}

/// Everything the charts draw, built once per plan revision and `today`.
#[derive(Debug, Clone)]
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
    /// The charts' data for `plan` as of `today`. The readiness series of the previous
    /// build are reused when the readiness entries and rules did not change.
    pub fn build(
        plan: &Plan,
        today: Date,
        previous: Option<ReadinessSeries>,
        verdicts: Option<&Assessments>,
    ) -> ChartData {
        let trends = Trends::compute(plan, today);
        let days = trends.days();
        let projection_start = trends.projection_start();
        let projection_x = days.get(projection_start).map(|d| x_of(d.date));
        let column = |f: fn(&DayMetrics) -> f64| {
            let points = days
                .iter()
                .map(|d| PlotPoint::new(x_of(d.date), f(d)))
                .collect();
            Split::new(points, projection_x)
        };
        let fitness = column(|d| d.fitness);
        let fatigue = column(|d| d.fatigue);
        let form = column(|d| d.form);
        let acwr = Split::new(
            days.iter()
                .filter_map(|d| d.acwr.map(|r| PlotPoint::new(x_of(d.date), r)))
                .collect(),
            projection_x,
        );
        let weeks = match (trends.first_date(), trends.last_date()) {
            (Some(first), Some(last)) => week_bars(plan, today, first, last),
            _ => Vec::new(),
        };
        let readiness = match previous {
            Some(series) if series.is_for(plan) => series,
            _ => ReadinessSeries::build(plan, verdicts),
        };
        let mut data = ChartData {
            projection_start,
            fitness,
            fatigue,
            form,
            acwr,
            weeks,
            readiness,
            extent: None,
            default_view: None,
            trends,
        };
        data.extent = data.find_extent();
        let this_week = Week::containing(today, plan.settings.week_start);
        data.default_view = data.extent.map(|(low, high)| {
            let back = x_of(add_days(this_week.start(), -7 * DEFAULT_WEEKS_BACK)) - 0.5;
            let ahead = high.max(x_of(this_week.end()) + 0.5);
            (back.max(low), ahead)
        });
        data
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

    fn demo() -> Plan {
        crate::file::demo().expect("the demo plan parses")
    }

    #[test]
    fn week_bars_match_the_week_summaries() {
        let mut plan = demo();
        // A skipped session counts in neither planned nor done.
        let mut skipped = plan.sessions()[3].clone();
        skipped.done = Some(Done::Skipped);
        plan.apply(crate::core::edit::Edit::UpdateSession(skipped))
            .expect("valid");
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

    #[test]
    fn readiness_series_are_kept_while_only_the_sessions_change() {
        let mut plan = demo();
        let today = jiff::civil::date(2026, 11, 25);
        let first = ChartData::build(&plan, today, None, None);
        // Moving a session leaves the verdicts as they were: the kept series are exactly
        // what a fresh computation gives.
        let moved = plan.sessions().last().map(|s| s.id).expect("sessions");
        plan.apply(crate::core::edit::Edit::MoveSession {
            id: moved,
            to: jiff::civil::date(2026, 12, 5),
            index: None,
        })
        .expect("valid");
        assert!(first.readiness.is_for(&plan));
        let kept = ChartData::build(&plan, today, Some(first.readiness.clone()), None);
        let fresh = ReadinessSeries::build(&plan, None);
        assert_eq!(kept.readiness.days, fresh.days);
        assert_eq!(kept.readiness.verdicts, fresh.verdicts);
        // A new check-in, or new rules, and they are computed again.
        let mut entry = plan.readiness()[0].clone();
        entry.resting_hr = crate::core::units::Bpm::new(80).ok();
        plan.apply(crate::core::edit::Edit::SetReadiness(entry))
            .expect("valid");
        assert!(!kept.readiness.is_for(&plan));
        let rebuilt = ChartData::build(&plan, today, Some(kept.readiness), None);
        assert_eq!(
            rebuilt.readiness.days,
            ReadinessSeries::build(&plan, None).days
        );
        // Read from verdicts assessed elsewhere (the derived state's), the same series.
        let (from, to) = plan.date_range().expect("a history");
        let verdicts = crate::core::verdict::Assessments::new(&plan, from, to);
        assert_eq!(
            ReadinessSeries::build(&plan, Some(&verdicts)).days,
            ReadinessSeries::build(&plan, None).days
        );
        let mut settings = plan.settings.clone();
        settings.verdict.resting_hr_above = 7;
        let before = ReadinessSeries::build(&plan, None);
        plan.apply(crate::core::edit::Edit::SetSettings(settings))
            .expect("valid");
        assert!(!before.is_for(&plan));
    }
}
