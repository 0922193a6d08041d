//! Load and trends: what the training costs and how the body carries it.
//!
//! A runner judges a week by more than one day, so this module turns the plan into the
//! figures the app charts and states: the daily load, the week's volume and how evenly it
//! is spread, fitness, fatigue and form, and the acute:chronic ratio. Every formula is the
//! one [`formula_lines`] states in "About these numbers"; nothing here guesses.
//!
//! - **Session load** = minutes × RPE (Foster's session RPE; [`Session::planned_load`] and
//!   [`Session::done_load`]).
//! - **Daily load** `L_t` — the sum of the day's session loads, where a done session counts
//!   its logged load wherever it lies, a session still to come counts its planned load from
//!   today on, and skipped or missed sessions (not done, on a day before today) count 0.
//!   Today is the seam: today's done sessions count what was run, today's other sessions what
//!   was planned, so the figure is right both before and after the run is logged.
//! - **Fitness and fatigue**: `X_t = X_{t-1} + k (L_t − X_{t-1})`, `k = 1 − exp(−1/N)`, with
//!   `N` from the settings, starting at 0 before the first day of the history (the date of the
//!   plan's first session), so the first day's load already counts. **Form** on day `t` is
//!   `fitness_{t-1} − fatigue_{t-1}`: the freshness the runner brings into the day.
//! - **Acute:chronic ratio**: exponentially weighted means with `λ = 2/(N+1)`, `N` = 7 and 28,
//!   both seeded with the first day's load; the ratio is reported from the 28th day of the
//!   history on, and not while the chronic load is 0.
//! - **Projection**: the same recursions continue over the planned sessions, and each day
//!   says whether its load is (partly) planned rather than done.
//!
//! [`Trends::compute`] runs all of this once per plan change, in one pass over the sessions
//! and one over the days (a ten-year history takes well under a millisecond), and answers
//! look-ups by date by index arithmetic. [`Trends::form_on_with`] answers "what form on the
//! key day if this proposal were accepted" by replaying only the changed days.

use jiff::civil::Date;

use super::form;
use super::plan::Plan;
use super::rules::{self, Warning};
use super::session::{Done, Kind, Session};
use super::settings::Settings;
use super::week::{Week, add_days, days_between};

/// Time constant (days) of the acute load in the acute:chronic ratio.
pub const ACUTE_DAYS: u16 = 7;
/// Time constant (days) of the chronic load in the acute:chronic ratio.
pub const CHRONIC_DAYS: u16 = 28;
/// Days of history the acute:chronic ratio needs before it is reported: a chronic load
/// seeded on one day means little until it has seen about its own time constant.
pub const ACWR_MIN_HISTORY_DAYS: usize = 28;

/// Why the weekly growth warning is soft; shown wherever the warning is.
pub const LOAD_GROWTH_CAVEAT: &str = "A guide, not a proven threshold: studies have not found \
    one safe rate of weekly growth, so the app warns and never blocks.";

/// A band of the acute:chronic ratio that the literature often quotes. The bands are soft:
/// drawn for orientation and labelled as such, never used to decide anything.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SoftBand {
    pub low: f64,
    /// `None` when the band is open upwards.
    pub high: Option<f64>,
    pub label: &'static str,
}

impl SoftBand {
    pub fn contains(&self, ratio: f64) -> bool {
        ratio >= self.low && self.high.is_none_or(|high| ratio <= high)
    }
}

/// The soft bands of the acute:chronic ratio (Gabbett 2016): 0.8–1.3 and 1.5 or more.
pub const ACWR_BANDS: [SoftBand; 2] = [
    SoftBand {
        low: 0.8,
        high: Some(1.3),
        label: "0.8–1.3: often called the sweet spot (a soft band, not a proven safe zone)",
    },
    SoftBand {
        low: 1.5,
        high: None,
        label: "1.5 and above: often linked with more injuries (a soft band, not a proven limit)",
    },
];

/// The soft band `ratio` falls in, if any.
pub fn acwr_band(ratio: f64) -> Option<&'static SoftBand> {
    ACWR_BANDS.iter().find(|band| band.contains(ratio))
}

/// `k = 1 − exp(−1/N)`: the daily weight of fitness or fatigue with time constant `N` days.
pub fn impulse_weight(days: u16) -> f64 {
    1.0 - (-1.0 / f64::from(days.max(1))).exp()
}

/// `λ = 2/(N+1)`: the daily weight of an exponentially weighted mean over `N` days.
pub fn ewma_weight(days: u16) -> f64 {
    2.0 / (f64::from(days) + 1.0)
}

/// The figures of one day. Dates before the history hold zeros; see [`Trends::metrics_on`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayMetrics {
    pub date: Date,
    /// `L_t`: done load where done, planned load for what is still to come (module docs).
    pub load: f64,
    /// True when the day lies after today, or is today and still holds a planned session:
    /// the figures from here on are a projection. Projected days form a suffix of the series.
    pub projected: bool,
    /// Fitness after the day's load.
    pub fitness: f64,
    /// Fatigue after the day's load.
    pub fatigue: f64,
    /// Yesterday's fitness minus yesterday's fatigue: the form the runner brings into the day.
    pub form: f64,
    /// Acute load (7-day exponentially weighted mean) after the day's load.
    pub acute: f64,
    /// Chronic load (28-day exponentially weighted mean) after the day's load.
    pub chronic: f64,
    /// Acute ÷ chronic, from the 28th day of the history on, while chronic is above 0.
    pub acwr: Option<f64>,
}

impl DayMetrics {
    fn empty(date: Date, projected: bool) -> DayMetrics {
        DayMetrics {
            date,
            load: 0.0,
            projected,
            fitness: 0.0,
            fatigue: 0.0,
            form: 0.0,
            acute: 0.0,
            chronic: 0.0,
            acwr: None,
        }
    }
}

/// What one session adds to its day: its minutes, distance and load as the daily series
/// counts them, or `None` when it counts nothing (skipped, or missed on a past day).
fn counted(session: &Session, today: Date) -> Option<(u32, f64, f64)> {
    match session.done {
        Some(Done::Done(run)) => Some((
            u32::from(run.minutes.get()),
            run.distance_km.map_or(0.0, |d| d.get()),
            session.done_load(),
        )),
        Some(Done::Skipped) => None,
        None if session.date >= today => Some((
            u32::from(session.minutes.get()),
            session.distance_km.map_or(0.0, |d| d.get()),
            session.planned_load(),
        )),
        None => None,
    }
}

/// The load `L_t` one session adds to its day (0 when it counts nothing).
pub fn counted_load(session: &Session, today: Date) -> f64 {
    counted(session, today).map_or(0.0, |(_, _, load)| load)
}

/// The daily load `L_t` of `date` (module docs), multiple sessions summed.
pub fn daily_load(plan: &Plan, date: Date, today: Date) -> f64 {
    plan.sessions_on(date)
        .iter()
        .map(|s| counted_load(s, today))
        .sum()
}

/// Whether any of `sessions` is still to be run: neither done nor skipped.
fn any_pending(sessions: &[Session]) -> bool {
    sessions.iter().any(|s| s.done.is_none())
}

/// Acute ÷ chronic once there are enough days (`history` counts the day itself).
fn ratio(history: usize, acute: f64, chronic: f64) -> Option<f64> {
    (history >= ACWR_MIN_HISTORY_DAYS && chronic > 0.0).then(|| acute / chronic)
}

/// Every daily series of a plan, computed once per plan change (see the module docs).
///
/// The series runs from the plan's first session to its last session or `today`, whichever
/// is later. [`Trends::metrics_on`] answers for any date: zeros before the history, and the
/// recursions continued with no load after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Trends {
    today: Date,
    fitness_days: u16,
    fatigue_days: u16,
    days: Vec<DayMetrics>,
}

impl Trends {
    /// All series of `plan` as of `today`.
    pub fn compute(plan: &Plan, today: Date) -> Trends {
        let mut trends = Trends {
            today,
            fitness_days: plan.settings.fitness_days,
            fatigue_days: plan.settings.fatigue_days,
            days: Vec::new(),
        };
        if let Some((first, end)) = Trends::span(plan, today) {
            trends.extend_to(plan, first, end);
        }
        trends
    }

    /// Brings the series up to date after a change to the plan's days from `changed_from`
    /// on, for the same `today`: the days before it are kept (nothing they read changed)
    /// and the recursions continue from the last of them, which gives exactly what
    /// [`Trends::compute`] gives. Everything is computed again when the history's span or
    /// the time constants changed.
    pub fn update_from(&mut self, plan: &Plan, changed_from: Date) {
        let span = Trends::span(plan, self.today);
        let same = span == self.first_date().zip(self.last_date())
            && (self.fitness_days, self.fatigue_days)
                == (plan.settings.fitness_days, plan.settings.fatigue_days);
        let Some((first, end)) = span.filter(|_| same) else {
            *self = Trends::compute(plan, self.today);
            return;
        };
        if changed_from > end {
            return;
        }
        let kept = usize::try_from(days_between(first, changed_from)).unwrap_or(0);
        self.days.truncate(kept);
        self.extend_to(plan, first, end);
    }

    /// The days the series covers: the plan's first session to its last session or
    /// `today`, whichever is later.
    fn span(plan: &Plan, today: Date) -> Option<(Date, Date)> {
        let sessions = plan.sessions();
        let (first, last) = (sessions.first()?, sessions.last()?);
        Some((first.date, last.date.max(today)))
    }

    /// Appends the days after the ones held, up to `end`, continuing the recursions from the
    /// last day held (`first` being the history's first day).
    fn extend_to(&mut self, plan: &Plan, first: Date, end: Date) {
        let held = self.days.len();
        let start = add_days(first, held as i64);
        let len = usize::try_from(days_between(start, end) + 1).unwrap_or(0);
        // One pass over the sessions buckets the loads by day offset; sessions are sorted,
        // so this needs no look-up per day.
        let mut loads = vec![0.0; len];
        for session in plan.sessions_between(start, end) {
            let offset = usize::try_from(days_between(start, session.date));
            if let Some(load) = offset.ok().and_then(|i| loads.get_mut(i)) {
                *load += counted_load(session, self.today);
            }
        }
        let today_pending = any_pending(plan.sessions_on(self.today));

        let (k_fitness, k_fatigue) = (
            impulse_weight(self.fitness_days),
            impulse_weight(self.fatigue_days),
        );
        let (l_acute, l_chronic) = (ewma_weight(ACUTE_DAYS), ewma_weight(CHRONIC_DAYS));
        let (mut fitness, mut fatigue, mut acute, mut chronic) = match self.days.last() {
            Some(d) => (d.fitness, d.fatigue, d.acute, d.chronic),
            None => {
                let seed = loads.first().copied().unwrap_or(0.0);
                (0.0, 0.0, seed, seed)
            }
        };
        self.days.reserve_exact(len);
        let mut date = start;
        for (i, &load) in loads.iter().enumerate() {
            let form = fitness - fatigue;
            fitness += k_fitness * (load - fitness);
            fatigue += k_fatigue * (load - fatigue);
            acute += l_acute * (load - acute);
            chronic += l_chronic * (load - chronic);
            self.days.push(DayMetrics {
                date,
                load,
                projected: date > self.today || (date == self.today && today_pending),
                fitness,
                fatigue,
                form,
                acute,
                chronic,
                acwr: ratio(held + i + 1, acute, chronic),
            });
            date = add_days(date, 1);
        }
    }

    /// The `today` these trends were computed for.
    pub fn today(&self) -> Date {
        self.today
    }

    /// The fitness and fatigue time constants in force when these trends were computed.
    pub fn time_constants(&self) -> (u16, u16) {
        (self.fitness_days, self.fatigue_days)
    }

    /// Every day of the history, oldest first, one per date without gaps.
    pub fn days(&self) -> &[DayMetrics] {
        &self.days
    }

    /// The first day of the history (the plan's first session), if the plan has any.
    pub fn first_date(&self) -> Option<Date> {
        self.days.first().map(|d| d.date)
    }

    /// The last day held: the plan's last session or today, whichever is later.
    pub fn last_date(&self) -> Option<Date> {
        self.days.last().map(|d| d.date)
    }

    /// The index of the first projected day in [`Trends::days`] (its length when none is):
    /// `days()[..i]` is what happened, `days()[i..]` the projection.
    pub fn projection_start(&self) -> usize {
        self.days.partition_point(|d| !d.projected)
    }

    /// The index of `date` in [`Trends::days`], by date arithmetic.
    fn index(&self, date: Date) -> Option<usize> {
        let first = self.days.first()?.date;
        let i = usize::try_from(days_between(first, date)).ok()?;
        (i < self.days.len()).then_some(i)
    }

    /// The stored figures of `date`, if it lies inside the history.
    pub fn day(&self, date: Date) -> Option<&DayMetrics> {
        self.days.get(self.index(date)?)
    }

    /// The stored days from `from` to `to`, both included, clipped to the history.
    pub fn between(&self, from: Date, to: Date) -> &[DayMetrics] {
        let start = self.days.partition_point(|d| d.date < from);
        let end = self.days.partition_point(|d| d.date <= to);
        &self.days[start..end.max(start)]
    }

    /// The figures of any date: stored inside the history; zeros before it (nothing was
    /// trained yet); after it, the recursions continued with a load of 0 each day.
    pub fn metrics_on(&self, date: Date) -> DayMetrics {
        if let Some(day) = self.day(date) {
            return *day;
        }
        match self.days.last() {
            Some(last) if date > last.date => self.extrapolate(last, date),
            _ => DayMetrics::empty(date, date > self.today),
        }
    }

    /// The figures `n` load-free days after `last`, in closed form: each value decays by
    /// `(1 − weight)` per day.
    fn extrapolate(&self, last: &DayMetrics, date: Date) -> DayMetrics {
        let gap = days_between(last.date, date);
        let n = gap as f64;
        let fitness_keep = 1.0 - impulse_weight(self.fitness_days);
        let fatigue_keep = 1.0 - impulse_weight(self.fatigue_days);
        let acute_keep = 1.0 - ewma_weight(ACUTE_DAYS);
        let chronic_keep = 1.0 - ewma_weight(CHRONIC_DAYS);
        let acute = last.acute * acute_keep.powf(n);
        let chronic = last.chronic * chronic_keep.powf(n);
        let history = self.days.len() + usize::try_from(gap).unwrap_or(0);
        DayMetrics {
            date,
            load: 0.0,
            projected: date > self.today,
            fitness: last.fitness * fitness_keep.powf(n),
            fatigue: last.fatigue * fatigue_keep.powf(n),
            form: last.fitness * fitness_keep.powf(n - 1.0)
                - last.fatigue * fatigue_keep.powf(n - 1.0),
            acute,
            chronic,
            acwr: ratio(history, acute, chronic),
        }
    }

    /// The form expected on `date` (yesterday's fitness minus yesterday's fatigue).
    pub fn form_on(&self, date: Date) -> f64 {
        self.metrics_on(date).form
    }

    /// The form expected on `date` if the plan were `changed` — a re-plan proposal applied —
    /// which must hold the same sessions as the plan these trends came from on every day
    /// before `from` (the re-planner never touches a past day). Only the days from `from` up
    /// to `date` are replayed, so this costs a few microseconds; when the settings or the
    /// first day differ it falls back to a full [`Trends::compute`].
    pub fn form_on_with(&self, changed: &Plan, from: Date, date: Date) -> f64 {
        let (fitness, fatigue) = self.before_with(changed, from, date);
        fitness - fatigue
    }

    /// The fitness that form on `date` is measured against (yesterday's), with `changed`
    /// as in [`Trends::form_on_with`]: form as a share of it is what the form zones read.
    pub fn fitness_before_with(&self, changed: &Plan, from: Date, date: Date) -> f64 {
        self.before_with(changed, from, date).0
    }

    /// Yesterday's fitness and fatigue as of `date`, with `changed` from `from` on.
    fn before_with(&self, changed: &Plan, from: Date, date: Date) -> (f64, f64) {
        if date <= from {
            // Form on `date` rests on the days before it, which did not change.
            let before = self.metrics_on(add_days(date, -1));
            return (before.fitness, before.fatigue);
        }
        let same_settings = (changed.settings.fitness_days, changed.settings.fatigue_days)
            == (self.fitness_days, self.fatigue_days);
        let first = changed.sessions().first().map(|s| s.date);
        if !same_settings || first != self.first_date() || first.is_none_or(|f| from <= f) {
            let before = Trends::compute(changed, self.today).metrics_on(add_days(date, -1));
            return (before.fitness, before.fatigue);
        }
        let before = self.metrics_on(add_days(from, -1));
        let (mut fitness, mut fatigue) = (before.fitness, before.fatigue);
        let (k_fitness, k_fatigue) = (
            impulse_weight(self.fitness_days),
            impulse_weight(self.fatigue_days),
        );
        let yesterday = add_days(date, -1);
        let mut sessions = changed.sessions_between(from, yesterday).iter().peekable();
        let mut day = from;
        while day <= yesterday {
            let mut load = 0.0;
            while let Some(s) = sessions.next_if(|s| s.date == day) {
                load += counted_load(s, self.today);
            }
            fitness += k_fitness * (load - fitness);
            fatigue += k_fatigue * (load - fatigue);
            day = add_days(day, 1);
        }
        (fitness, fatigue)
    }
}

/// Minutes, distance and load of a week, counted one way (see [`WeekSummary`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Volume {
    pub minutes: u32,
    pub distance_km: f64,
    pub load: f64,
}

impl Volume {
    fn add(&mut self, minutes: u32, distance_km: f64, load: f64) {
        self.minutes += minutes;
        self.distance_km += distance_km;
        self.load += load;
    }
}

/// Sessions and minutes on one side of the hard/easy split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Split {
    pub sessions: u32,
    pub minutes: u32,
}

/// One week's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekSummary {
    pub week: Week,
    /// Every session not skipped, at its planned minutes, distance and RPE.
    pub planned: Volume,
    /// Done sessions at their logged minutes, distance and RPE.
    pub done: Volume,
    /// The week as the daily load series counts it: done where done, planned for what is
    /// still to come from today on; skipped and missed sessions count nothing. For a past
    /// week this is what was done; for a coming week, what is planned.
    pub counted: Volume,
    /// Hard sessions (Long, Tempo, Intervals, Hills, Race) among the counted ones, with their
    /// minutes. Sessions of 0 minutes (rest days) are in neither side.
    pub hard: Split,
    /// The other counted sessions of at least one minute, with their minutes.
    pub easy: Split,
    /// `L_t` of the week's seven days, in order; rest days are 0.
    pub daily_loads: [f64; 7],
    /// Mean ÷ population SD of `daily_loads`; `None` ("—") when the SD is 0.
    pub monotony: Option<f64>,
    /// Sum of `daily_loads` × monotony; `None` when monotony is.
    pub strain: Option<f64>,
    /// Planned load against last week's planned load, in percent; `None` when last week had
    /// no planned load. Planned on both sides, as the week's rule compares them.
    pub change_pct: Option<f64>,
    /// The week's rule on load growth, when broken (soft; see [`LOAD_GROWTH_CAVEAT`]).
    pub growth_warning: Option<Warning>,
}

/// Mean ÷ population SD of a week's daily loads (Foster 1998); `None` when the SD is 0, as
/// for a week of equal days, where the ratio is undefined.
pub fn monotony(daily_loads: &[f64; 7]) -> Option<f64> {
    let mean = daily_loads.iter().sum::<f64>() / 7.0;
    let variance = daily_loads.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / 7.0;
    let sd = variance.sqrt();
    // Loads are whole numbers, so equal days give exactly 0; the margin only guards rounding.
    (sd > 1e-9).then(|| mean / sd)
}

/// Weekly load × monotony (Foster 1998); `None` when monotony is undefined.
pub fn strain(daily_loads: &[f64; 7]) -> Option<f64> {
    monotony(daily_loads).map(|m| m * daily_loads.iter().sum::<f64>())
}

/// Planned against done for a week's sessions, as the window's summary and `runweek show`
/// both give them: skipped sessions count in neither.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WeekTotals {
    pub planned_minutes: u32,
    pub planned_km: f64,
    pub planned_load: f64,
    pub done_minutes: u32,
    pub done_km: f64,
    pub done_load: f64,
    /// Hard sessions planned (skipped ones excluded), and how many of them are key.
    pub hard: u32,
    pub key: u32,
    pub sessions: u32,
    pub done: u32,
    pub skipped: u32,
}

/// The totals of `sessions` (a week's, from [`Plan::sessions_between`]).
pub fn week_totals(sessions: &[Session]) -> WeekTotals {
    let mut sum = WeekTotals::default();
    for s in sessions {
        sum.sessions += 1;
        if s.is_skipped() {
            sum.skipped += 1;
            continue;
        }
        sum.planned_minutes += u32::from(s.minutes.get());
        sum.planned_km += s.distance_km.map_or(0.0, |k| k.get());
        sum.planned_load += s.planned_load();
        if s.kind.is_hard() {
            sum.hard += 1;
            if s.key {
                sum.key += 1;
            }
        }
        if let Some(Done::Done(run)) = s.done {
            sum.done += 1;
            sum.done_minutes += u32::from(run.minutes.get());
            sum.done_km += run.distance_km.map_or(0.0, |k| k.get());
            sum.done_load += s.done_load();
        }
    }
    sum
}

/// The figures of `week` as of `today`.
pub fn week_summary(plan: &Plan, week: Week, today: Date) -> WeekSummary {
    let mut planned = Volume::default();
    let mut done = Volume::default();
    let mut counted_volume = Volume::default();
    let mut hard = Split::default();
    let mut easy = Split::default();
    let mut daily_loads = [0.0; 7];
    for (daily, date) in daily_loads.iter_mut().zip(week.days()) {
        for s in plan.sessions_on(date) {
            if !s.is_skipped() {
                planned.add(
                    u32::from(s.minutes.get()),
                    s.distance_km.map_or(0.0, |d| d.get()),
                    s.planned_load(),
                );
            }
            if let Some(Done::Done(run)) = s.done {
                done.add(
                    u32::from(run.minutes.get()),
                    run.distance_km.map_or(0.0, |d| d.get()),
                    s.done_load(),
                );
            }
            if let Some((minutes, km, load)) = counted(s, today) {
                counted_volume.add(minutes, km, load);
                *daily += load;
                if minutes > 0 {
                    let side = if s.kind.is_hard() {
                        &mut hard
                    } else {
                        &mut easy
                    };
                    side.sessions += 1;
                    side.minutes += minutes;
                }
            }
        }
    }
    let last = rules::planned_load(plan, week.previous());
    let change_pct = (last > 0.0).then(|| (rules::planned_load(plan, week) / last - 1.0) * 100.0);
    let growth_warning = rules::check_week(plan, week)
        .into_iter()
        .find(|w| matches!(w, Warning::LoadGrowth { .. }));
    WeekSummary {
        week,
        planned,
        done,
        counted: counted_volume,
        hard,
        easy,
        daily_loads,
        monotony: monotony(&daily_loads),
        strain: strain(&daily_loads),
        change_pct,
        growth_warning,
    }
}

/// The summaries of every week that holds a day from `from` to `to`, oldest first.
pub fn week_summaries(plan: &Plan, today: Date, from: Date, to: Date) -> Vec<WeekSummary> {
    let first = Week::containing(from, plan.settings.week_start);
    // Counted rather than compared, so that a range ending at the calendar's last day, where
    // day arithmetic saturates, still ends.
    let count = usize::try_from(days_between(first.start(), to) / 7 + 1).unwrap_or(0);
    std::iter::successors(Some(first), |w| Some(w.next()))
        .take(count)
        .map(|week| week_summary(plan, week, today))
        .collect()
}

/// One formula as "About these numbers" states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    pub name: &'static str,
    pub formula: String,
    pub source: &'static str,
    /// The settings and choices in force, in words.
    pub in_force: String,
}

/// Every formula behind the figures, its source and the settings in force.
pub fn formula_lines(settings: &Settings) -> Vec<Formula> {
    let default_rpe = Kind::ALL
        .iter()
        .map(|k| format!("{} {}", k.label(), k.default_rpe()))
        .collect::<Vec<_>>()
        .join(", ");
    let impulse = |days: u16| format!("N = {days} days (k = {:.4})", impulse_weight(days));
    vec![
        Formula {
            name: "Session load",
            formula: "load = minutes × RPE (CR-10). Planned load uses the planned RPE; done load \
                      the logged minutes and RPE (the planned RPE when none was logged)."
                .to_owned(),
            source: "Foster et al. 2001, session RPE",
            in_force: format!("RPE when none is given: {default_rpe}."),
        },
        Formula {
            name: "Daily load",
            formula: "L = the sum of the day's session loads: done load for what was run, planned \
                      load for sessions still to come from today on; skipped and missed sessions \
                      count 0."
                .to_owned(),
            source: "runweek",
            in_force: "Today counts what is already logged as done and the plan for the rest; \
                       days after today are a projection."
                .to_owned(),
        },
        Formula {
            name: "Monotony",
            formula: "monotony = mean ÷ SD of the week's 7 daily loads (rest days count 0); \
                      shown as — when the SD is 0."
                .to_owned(),
            source: "Foster 1998",
            in_force: "Population SD (divided by 7); daily loads as above.".to_owned(),
        },
        Formula {
            name: "Strain",
            formula: "strain = weekly load × monotony.".to_owned(),
            source: "Foster 1998",
            in_force: "Weekly load = the sum of the 7 daily loads.".to_owned(),
        },
        Formula {
            name: "Change from last week",
            formula: "change = (planned load ÷ last week's planned load − 1) × 100 %.".to_owned(),
            source: "the common \"10 % rule\", a rule of thumb",
            in_force: format!(
                "Soft warning above {} %. {LOAD_GROWTH_CAVEAT}",
                settings.load_growth_pct
            ),
        },
        Formula {
            name: "Fitness",
            formula: "fitness_t = fitness_(t−1) + k × (L_t − fitness_(t−1)), k = 1 − exp(−1/N)."
                .to_owned(),
            source: "Banister impulse-response model, as the exponentially weighted chronic load \
                     of the TrainingPeaks Performance Manager Chart (CTL)",
            in_force: format!(
                "{}; starts at 0 before the first session.",
                impulse(settings.fitness_days)
            ),
        },
        Formula {
            name: "Fatigue",
            formula: "fatigue_t = fatigue_(t−1) + k × (L_t − fatigue_(t−1)), k = 1 − exp(−1/N)."
                .to_owned(),
            source: "Banister impulse-response model, as the acute load of the TrainingPeaks \
                     Performance Manager Chart (ATL)",
            in_force: format!(
                "{}; starts at 0 before the first session.",
                impulse(settings.fatigue_days)
            ),
        },
        Formula {
            name: "Form",
            formula: "form_t = fitness_(t−1) − fatigue_(t−1): yesterday's fitness minus \
                      yesterday's fatigue."
                .to_owned(),
            source: "TrainingPeaks Performance Manager Chart (TSB)",
            in_force: "Continued over the planned sessions as a projection.".to_owned(),
        },
        Formula {
            name: "Form zones",
            formula: format!(
                "form % = 100 × form_t ÷ fitness_(t−1). Fresh above {:+.0} %, grey zone {:+.0} \
                 to {:+.0} %, optimal training {:+.0} to {:+.0} %, high risk below {:+.0} %.",
                form::FRESH_ABOVE,
                form::OPTIMAL_ABOVE,
                form::FRESH_ABOVE,
                form::HIGH_RISK_BELOW,
                form::OPTIMAL_ABOVE,
                form::HIGH_RISK_BELOW,
            ),
            source: form::ZONES_SOURCE,
            in_force: format!(
                "No zone is named while fitness is under {:.0}.",
                form::MIN_FITNESS
            ),
        },
        Formula {
            name: "Acute:chronic ratio",
            formula: "acute_t = λ × L_t + (1 − λ) × acute_(t−1), λ = 2/(N+1), N = 7; chronic \
                      likewise with N = 28; ratio = acute ÷ chronic."
                .to_owned(),
            source: "Williams et al. 2017, exponentially weighted acute:chronic workload ratio",
            in_force: format!(
                "Both seeded with the first day's load; shown from day {ACWR_MIN_HISTORY_DAYS} of \
                 the history on, and not while the chronic load is 0."
            ),
        },
        Formula {
            name: "Ratio bands",
            formula: ACWR_BANDS
                .iter()
                .map(|b| b.label)
                .collect::<Vec<_>>()
                .join("; "),
            source: "Gabbett 2016",
            in_force: "Soft bands: drawn for orientation, never used to decide anything."
                .to_owned(),
        },
    ]
}
