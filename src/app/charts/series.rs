//! The charts' data: built from the plan once per change, then cut down each frame to what
//! the screen can show.
//!
//! Ten years are about 3,650 days per series. A plot a thousand pixels wide cannot show more
//! than two values per pixel column, and drawing, hit-testing and tessellating the rest
//! would cost several milliseconds a frame. So [`ChartData::build`] runs the core's metrics
//! once per plan revision, and each frame [`for_view`] keeps only the visible points and,
//! where more than two fall into one pixel column, that column's lowest and highest values
//! (min-max decimation): the drawn line covers exactly the same pixels, peaks included.
//! Weekly bars are grouped into several weeks per bar when a week is narrower than a few
//! pixels, and the verdict strip shows one colour per pixel column.

use egui_plot::PlotPoint;
use jiff::civil::Date;

use super::dates::x_of;
use crate::core::load::{DayMetrics, Trends};
use crate::core::plan::Plan;
use crate::core::readiness::{ReadinessEntry, When};
use crate::core::session::Done;
use crate::core::settings::VerdictRules;
use crate::core::verdict::{Verdict, assess_range};
use crate::core::week::{Week, add_days, days_between};

/// What one plot shows: the visible x range and the plot's width in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub x_min: f64,
    pub x_max: f64,
    pub width_px: f32,
}

impl View {
    /// Days (x units) per pixel column.
    pub fn per_px(&self) -> f64 {
        (self.x_max - self.x_min).max(f64::EPSILON) / f64::from(self.width_px.max(1.0))
    }
}

/// The part of `points` (sorted by x) inside `x_min..=x_max`, with one more point on each
/// side so that a line runs on to the plot's edge instead of stopping short of it.
pub fn visible(points: &[PlotPoint], x_min: f64, x_max: f64) -> &[PlotPoint] {
    let start = points.partition_point(|p| p.x < x_min).saturating_sub(1);
    let end = (points.partition_point(|p| p.x <= x_max) + 1).min(points.len());
    &points[start..end.max(start)]
}

/// Min-max decimation: for each bucket of `bucket` x units (counted from x = 0, so that
/// buckets stay put while the view pans), the bucket's lowest and highest point in their
/// order along x; plus the first and the last point, so that the line still starts and ends
/// where the data does. A bucket with one point keeps it once.
pub fn min_max(points: &[PlotPoint], bucket: f64) -> Vec<PlotPoint> {
    let (Some(&first), Some(&last)) = (points.first(), points.last()) else {
        return Vec::new();
    };
    if !(bucket.is_finite() && bucket > 0.0) {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(2 * ((last.x - first.x) / bucket) as usize + 4);
    out.push(first);
    let mut i = 0;
    while i < points.len() {
        let id = (points[i].x / bucket).floor();
        let (mut low, mut high) = (i, i);
        let mut j = i + 1;
        while j < points.len() && (points[j].x / bucket).floor() == id {
            if points[j].y < points[low].y {
                low = j;
            }
            if points[j].y > points[high].y {
                high = j;
            }
            j += 1;
        }
        let (a, b) = (low.min(high), low.max(high));
        for k in [a, b] {
            // Never the same point twice: the first point is already in, and a bucket
            // whose lowest is its highest gives one point.
            if k != 0 && out.last().is_none_or(|p: &PlotPoint| *p != points[k]) {
                out.push(points[k]);
            }
        }
        i = j;
    }
    if out.last() != Some(&last) {
        out.push(last);
    }
    out
}

/// What a line needs for `view`: the visible points, decimated when more than two of them
/// fall into one pixel column.
pub fn for_view(points: &[PlotPoint], view: View) -> Vec<PlotPoint> {
    let shown = visible(points, view.x_min, view.x_max);
    let per_px = view.per_px();
    let spacing = match (shown.first(), shown.last()) {
        (Some(a), Some(b)) if shown.len() > 1 => (b.x - a.x) / (shown.len() - 1) as f64,
        _ => return shown.to_vec(),
    };
    if spacing * 2.0 >= per_px {
        shown.to_vec()
    } else {
        min_max(shown, per_px)
    }
}

/// A band (lower and upper edge at each x), cut to `view`: per pixel column the lowest lower
/// edge and the highest upper edge, so the drawn band never looks narrower than it is.
pub fn band_for_view(band: &[(f64, f64, f64)], view: View) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let start = band.partition_point(|b| b.0 < view.x_min).saturating_sub(1);
    let end = (band.partition_point(|b| b.0 <= view.x_max) + 1).min(band.len());
    let shown = &band[start..end.max(start)];
    let per_px = view.per_px();
    let (mut xs, mut lows, mut highs) = (Vec::new(), Vec::new(), Vec::new());
    let mut i = 0;
    while i < shown.len() {
        let id = (shown[i].0 / per_px).floor();
        let (x, mut low, mut high) = shown[i];
        let mut j = i + 1;
        // A run of days inside one pixel column becomes one point of the band.
        while per_px > 1.0 && j < shown.len() && (shown[j].0 / per_px).floor() == id {
            low = low.min(shown[j].1);
            high = high.max(shown[j].2);
            j += 1;
        }
        xs.push(x);
        lows.push(low);
        highs.push(high);
        i = j;
    }
    (xs, lows, highs)
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

/// One bar pair on the weekly chart: one week, or the mean of several when a week would be
/// too narrow to see.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekGroup {
    pub first: Week,
    pub weeks: usize,
    /// The x where the group's first day starts and its width in days.
    pub x: f64,
    pub width: f64,
    /// Mean weekly loads over the group.
    pub planned: f64,
    pub done: f64,
    pub ahead: bool,
}

/// The weeks that `view` shows, `per_bar` weeks to a bar. Groups start at a multiple of
/// `per_bar` counted from the first week of all, so that bars keep their contents while the
/// view pans.
pub fn week_groups(weeks: &[WeekBar], view: View, per_bar: usize) -> Vec<WeekGroup> {
    let per_bar = per_bar.max(1);
    let start = weeks.partition_point(|w| x_of(w.week.end()) + 0.5 < view.x_min);
    let start = start - start % per_bar;
    let end = weeks
        .partition_point(|w| x_of(w.week.start()) - 0.5 <= view.x_max)
        .min(weeks.len());
    weeks[start..end.max(start)]
        .chunks(per_bar)
        .map(|chunk| {
            let n = chunk.len() as f64;
            let first = chunk[0].week;
            WeekGroup {
                first,
                weeks: chunk.len(),
                x: x_of(first.start()) - 0.5,
                width: 7.0 * n,
                planned: chunk.iter().map(|w| w.planned).sum::<f64>() / n,
                done: chunk.iter().map(|w| w.done).sum::<f64>() / n,
                ahead: chunk.iter().all(|w| w.ahead),
            }
        })
        .collect()
}

/// How many weeks one bar pair holds so that a bar stays at least `min_px` wide.
pub fn weeks_per_bar(view: View, min_px: f64) -> usize {
    let week_px = 7.0 / view.per_px();
    if week_px >= min_px {
        1
    } else {
        (min_px / week_px).ceil() as usize
    }
}

/// The verdict strip for `view`: each logged day on its own while a day is at least a pixel
/// wide, else one cell per pixel column showing the verdict most of its days had (on a tie,
/// the one that holds back more: the strip should not hide a warning). Returns
/// `(x where the cell starts, width, verdict)`.
pub fn verdict_cells(days: &[(f64, Verdict)], view: View) -> Vec<(f64, f64, Verdict)> {
    let start = days.partition_point(|d| d.0 < view.x_min - 1.0);
    let end = days.partition_point(|d| d.0 <= view.x_max + 1.0);
    let shown = &days[start..end.max(start)];
    let per_px = view.per_px();
    if per_px <= 1.0 {
        return shown.iter().map(|&(x, v)| (x - 0.5, 1.0, v)).collect();
    }
    let cell = per_px.ceil();
    let mut out = Vec::new();
    let mut i = 0;
    while i < shown.len() {
        let id = ((shown[i].0 + 0.5) / cell).floor();
        let mut counts = [0_u32; 4];
        while i < shown.len() && ((shown[i].0 + 0.5) / cell).floor() == id {
            counts[severity(shown[i].1)] += 1;
            i += 1;
        }
        let mut best = 0;
        for (k, &c) in counts.iter().enumerate() {
            if c > 0 && c >= counts[best] {
                best = k;
            }
        }
        out.push((id * cell - 0.5, cell, SEVERITY[best]));
    }
    out
}

const SEVERITY: [Verdict; 4] = [
    Verdict::Push,
    Verdict::AsPlanned,
    Verdict::HoldBack,
    Verdict::Rest,
];

fn severity(v: Verdict) -> usize {
    SEVERITY.iter().position(|s| *s == v).unwrap_or(1)
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
    pub fn build(plan: &Plan) -> ReadinessSeries {
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
        let assessments = assess_range(plan, first, last);
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
        for (day, a) in days.iter_mut().zip(&assessments) {
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
    pub fn build(plan: &Plan, today: Date, previous: Option<ReadinessSeries>) -> ChartData {
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
            _ => ReadinessSeries::build(plan),
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

    fn points(ys: &[f64]) -> Vec<PlotPoint> {
        ys.iter()
            .enumerate()
            .map(|(i, &y)| PlotPoint::new(i as f64, y))
            .collect()
    }

    fn xy(points: &[PlotPoint]) -> Vec<(f64, f64)> {
        points.iter().map(|p| (p.x, p.y)).collect()
    }

    fn check(ys: &[f64], bucket: f64, expected: &[(f64, f64)]) {
        assert_eq!(xy(&min_max(&points(ys), bucket)), expected);
    }

    #[test]
    fn min_max_keeps_each_buckets_lowest_and_highest_in_order() {
        // Buckets of 4: [0..4) and [4..8).
        check(
            &[5.0, 9.0, 1.0, 6.0, 2.0, 2.0, 8.0, 3.0],
            4.0,
            &[
                (0.0, 5.0),
                (1.0, 9.0),
                (2.0, 1.0),
                (4.0, 2.0),
                (6.0, 8.0),
                (7.0, 3.0),
            ],
        );
        // The lowest after the highest stays after it.
        check(
            &[4.0, 9.0, 1.0, 0.5, 3.0, 2.0],
            6.0,
            &[(0.0, 4.0), (1.0, 9.0), (3.0, 0.5), (5.0, 2.0)],
        );
    }

    #[test]
    fn min_max_keeps_both_ends() {
        // The first and last points are neither lowest nor highest of their buckets.
        check(
            &[5.0, 0.0, 10.0, 5.0],
            4.0,
            &[(0.0, 5.0), (1.0, 0.0), (2.0, 10.0), (3.0, 5.0)],
        );
        check(&[3.0], 10.0, &[(0.0, 3.0)]);
        check(&[], 10.0, &[]);
        // A flat series keeps one point per bucket and its ends.
        check(&[1.0; 10], 5.0, &[(0.0, 1.0), (5.0, 1.0), (9.0, 1.0)]);
    }

    #[test]
    fn min_max_of_ten_years_fits_the_pixels() {
        let ys: Vec<f64> = (0..3650).map(|i| ((i * 37) % 101) as f64).collect();
        let out = min_max(&points(&ys), 3650.0 / 800.0);
        assert!(out.len() <= 2 * 800 + 4, "{} points", out.len());
        // Every bucket's extremes survive: the overall peak and trough are in.
        assert!(out.iter().any(|p| p.y == 100.0));
        assert!(out.iter().any(|p| p.y == 0.0));
    }

    #[test]
    fn a_view_keeps_the_visible_points_and_one_beyond_each_side() {
        let all = points(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        assert_eq!(
            xy(visible(&all, 2.5, 4.5)),
            vec![(2.0, 2.0), (3.0, 3.0), (4.0, 4.0), (5.0, 5.0)]
        );
        assert!(visible(&all, 10.0, 12.0).len() <= 1);
        let view = View {
            x_min: 2.5,
            x_max: 4.5,
            width_px: 400.0,
        };
        // Zoomed in, nothing is decimated.
        assert_eq!(for_view(&all, view).len(), 4);
    }

    #[test]
    fn bands_keep_their_outer_edges_per_pixel() {
        let band: Vec<(f64, f64, f64)> = (0..8)
            .map(|i| (f64::from(i), 1.0 + f64::from(i % 3), 5.0 + f64::from(i % 4)))
            .collect();
        let view = View {
            x_min: 0.0,
            x_max: 8.0,
            width_px: 2.0,
        };
        let (xs, lows, highs) = band_for_view(&band, view);
        assert_eq!(xs, vec![0.0, 4.0]);
        assert_eq!(lows, vec![1.0, 1.0]);
        assert_eq!(highs, vec![8.0, 8.0]);
    }

    #[test]
    fn weeks_group_when_too_narrow() {
        let start = Week::containing(jiff::civil::date(2026, 1, 5), Default::default());
        let weeks: Vec<WeekBar> = (0..10)
            .map(|i| WeekBar {
                week: Week::containing(add_days(start.start(), 7 * i), Default::default()),
                planned: 100.0 * i as f64,
                done: 50.0,
                ahead: i >= 8,
            })
            .collect();
        let view = View {
            x_min: x_of(start.start()) - 0.5,
            x_max: x_of(start.start()) + 69.5,
            width_px: 70.0,
        };
        assert_eq!(weeks_per_bar(view, 6.0), 1);
        assert_eq!(weeks_per_bar(view, 20.0), 3);
        let groups = week_groups(&weeks, view, 3);
        assert_eq!(groups.len(), 4);
        assert_eq!(groups[0].planned, 100.0);
        assert_eq!(groups[0].weeks, 3);
        assert_eq!(groups[3].weeks, 1);
        assert!(groups[3].ahead && !groups[2].ahead);
    }

    #[test]
    fn the_strip_shows_the_common_verdict_and_ties_hold_back() {
        let days = vec![
            (0.0, Verdict::Push),
            (1.0, Verdict::Push),
            (2.0, Verdict::HoldBack),
            (3.0, Verdict::AsPlanned),
            (4.0, Verdict::HoldBack),
        ];
        let zoomed_in = View {
            x_min: -0.5,
            x_max: 4.5,
            width_px: 500.0,
        };
        assert_eq!(verdict_cells(&days, zoomed_in).len(), 5);
        let zoomed_out = View {
            x_min: -0.5,
            x_max: 5.5,
            width_px: 2.0,
        };
        let cells: Vec<Verdict> = verdict_cells(&days, zoomed_out)
            .into_iter()
            .map(|c| c.2)
            .collect();
        // Cells of 3 days: Push Push HoldBack, then AsPlanned HoldBack (a tie).
        assert_eq!(cells, vec![Verdict::Push, Verdict::HoldBack]);
    }

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
        let first = ChartData::build(&plan, today, None);
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
        let kept = ChartData::build(&plan, today, Some(first.readiness.clone()));
        let fresh = ReadinessSeries::build(&plan);
        assert_eq!(kept.readiness.days, fresh.days);
        assert_eq!(kept.readiness.verdicts, fresh.verdicts);
        // A new check-in, or new rules, and they are computed again.
        let mut entry = plan.readiness()[0].clone();
        entry.resting_hr = crate::core::units::Bpm::new(80).ok();
        plan.apply(crate::core::edit::Edit::SetReadiness(entry))
            .expect("valid");
        assert!(!kept.readiness.is_for(&plan));
        let rebuilt = ChartData::build(&plan, today, Some(kept.readiness));
        assert_eq!(rebuilt.readiness.days, ReadinessSeries::build(&plan).days);
        let mut settings = plan.settings.clone();
        settings.verdict.resting_hr_above = 7;
        let before = ReadinessSeries::build(&plan);
        plan.apply(crate::core::edit::Edit::SetSettings(settings))
            .expect("valid");
        assert!(!before.is_for(&plan));
    }
}
