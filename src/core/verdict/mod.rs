//! The day's verdict — Push, As planned, Hold back or Rest — with its reasons.
//!
//! A runner only trusts a verdict they can check, so every verdict carries one plain line per
//! signal that counted, every threshold lives in [`VerdictRules`] (saved in the plan file and
//! shown by [`rule_lines`]), and a marker without enough history says "no baseline yet"
//! instead of guessing.
//!
//! The verdict is a pure function of the plan and a date. It reads only a bounded window of
//! readiness entries around the day (found by binary search), so a day with ten years of
//! history behind it costs the same as a day with four weeks.
//!
//! Because that window is bounded ([`Assessments::reach_days`]), a change on one day can
//! only change the verdicts of the days from it to the end of that reach. [`Assessments`]
//! keeps every day's assessment of a range (the week grid, the re-plan offers and the charts
//! read the same one) and, told an edit's earliest day, assesses only those days again.
//!
//! # Choices the product document leaves open
//!
//! - **Which check decides.** The warm-up check when the day has one, else the morning check.
//!   Its six signals, its "unwell" switch and its "improving as I go" decide. Numbers it lacks
//!   (resting HR and HRV are usually taken in the morning) come from the morning check of the
//!   same day, because leaving them out would hide a real reading.
//! - **Heart rate at easy effort.** A logged number, with an expected easy HR in the settings,
//!   replaces the heart-rate click: at least `easy_hr_above` over the expected one is the
//!   hold-back marker, at or below it is the push side ("as expected or lower"), in between is
//!   Normal. Without a number, or without an expected HR, the click counts.
//! - **Resting-HR baseline.** The mean of the readings on the `baseline_days` days *before* the
//!   day (the day itself is what is compared), needing `resting_hr_min_readings` of them.
//! - **HRV.** Each day's RMSSD is taken as ln RMSSD. The band is mean ± `hrv_band_sd` sample
//!   SDs over the `baseline_days` days before the day, needing `hrv_baseline_min_readings`
//!   (7 by default, as for resting HR; never fewer than 2, the fewest a sample SD allows). It is compared with the mean over the
//!   `hrv_recent_days` days *ending on* the day (the day included, as the product's "7-day
//!   mean" reads), needing `hrv_min_readings` readings there. Only a mean below the band counts.
//! - **Yesterday.** "The day after a Hold back" means the day after a Hold back or Rest day,
//!   by yesterday's final verdict (a Hold back lifted to As planned by "improving" is not
//!   one). Yesterday's verdict needs its own yesterday, so the chain is followed forward over
//!   at most [`CARRY_CHAIN_DAYS`] days: the day before that window counts as not held back.
//!   Only an unbroken run of that many one-signal days could tell the difference.
//! - **Equality.** Values within 1e-9 of a threshold count as at the threshold, so that equal
//!   readings never fall on the wrong side of a rounding error.
//! - **Week-level carry-over.** Rest days count as hold-back days. "RPE trending up" means
//!   a least-squares slope above zero through the logged RPE of the Easy and Recovery
//!   sessions done in the last `rpe_trend_days` days, with at least `rpe_trend_min_sessions`
//!   of them on at least two different days.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::plan::Plan;
use super::readiness::{ReadinessEntry, Side, When};
use super::session::{Done, Kind};
use super::settings::VerdictRules;
use super::units::Bpm;
use super::week::{add_days, days_between};

mod assessments;
mod file_hr;
mod numbers;
mod words;

pub use assessments::Assessments;
pub use words::rule_lines;

pub(crate) use numbers::slope;
use numbers::{day_label, mean_and_sample_sd, num};

/// How far back the chain "yesterday was a hold-back day too" is followed. A bound keeps a
/// verdict's cost fixed; four weeks of days with exactly one hold-back signal each is far
/// beyond any real run of them.
pub const CARRY_CHAIN_DAYS: i64 = 28;

/// Differences smaller than this are equality: see the module docs.
const EPS: f64 = 1e-9;

/// The day's call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Push,
    AsPlanned,
    HoldBack,
    Rest,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Push => "Push",
            Verdict::AsPlanned => "As planned",
            Verdict::HoldBack => "Hold back",
            Verdict::Rest => "Rest",
        }
    }

    /// Hold back and Rest both carry fatigue into the next day.
    pub fn is_held_back(self) -> bool {
        matches!(self, Verdict::HoldBack | Verdict::Rest)
    }
}

/// What a reason did to the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Effect {
    /// Makes the day a Rest day on its own (unwell, resting HR far above its baseline). A
    /// resting-HR reason of this kind also counts as one hold-back signal.
    Rest,
    /// One hold-back signal.
    HoldBack,
    /// Yesterday's Hold back or Rest carried over to today.
    CarryOver,
    /// One push signal.
    Push,
    /// "Improving as I go" lifted Hold back to As planned.
    Lift,
    /// Shown but not counted: too little data for a baseline, or a number with nothing to
    /// compare it with.
    NotCounted,
}

/// One line of the "why" behind a verdict, in the runner's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub effect: Effect,
    pub text: String,
}

impl Reason {
    pub fn counted(&self) -> bool {
        self.effect != Effect::NotCounted
    }
}

/// The personal baselines the markers were compared with, and the readings behind them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Baselines {
    /// Mean resting HR of the previous `baseline_days` days; `None` until there are
    /// `resting_hr_min_readings` readings.
    pub resting_hr: Option<f64>,
    pub resting_hr_readings: u16,
    /// Mean ln RMSSD of the `hrv_recent_days` ending on the day; `None` until there are
    /// `hrv_min_readings` readings.
    pub hrv_ln_rmssd_mean: Option<f64>,
    pub hrv_recent_readings: u16,
    /// The usual range of ln RMSSD: mean ± `hrv_band_sd` sample SDs over the previous
    /// `baseline_days` days; `None` until there are `hrv_baseline_min_readings` readings.
    pub hrv_band: Option<(f64, f64)>,
    pub hrv_baseline_readings: u16,
}

/// Easy sessions logged at a rising RPE.
#[derive(Debug, Clone, PartialEq)]
pub struct RpeTrend {
    /// Each easy session's day and logged RPE, in date order.
    pub points: Vec<(Date, u8)>,
    /// The least-squares slope, in RPE points per day.
    pub slope_per_day: f64,
}

/// "Fatigue is carrying over", with the evidence that raised it.
#[derive(Debug, Clone, PartialEq)]
pub struct CarryOver {
    /// The Hold back and Rest days of the window, when they were enough to raise the flag.
    pub hold_back_days: Vec<(Date, Verdict)>,
    /// The rising RPE of easy sessions, when it raised the flag.
    pub rpe_trend: Option<RpeTrend>,
    /// One plain line per piece of evidence.
    pub evidence: Vec<String>,
}

impl CarryOver {
    pub const HEADLINE: &'static str = "Fatigue is carrying over";
    pub const PROPOSAL: &'static str = "Plan a lighter week: keep the key session, make the \
        other days easy or shorter until easy runs feel easy again.";
}

/// Everything the app says about one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub date: Date,
    /// `None` when the day has no readiness check: "not logged", never a guess.
    pub verdict: Option<Verdict>,
    /// The check that decided the day.
    pub decided_by: Option<When>,
    /// One line per signal that counted, in the order of the article's table, then the
    /// markers, yesterday and the lift; lines marked [`Effect::NotCounted`] last.
    pub reasons: Vec<Reason>,
    pub hold_back_signals: u8,
    pub push_signals: u8,
    pub baselines: Baselines,
    /// Week-level: fatigue carrying over into this day.
    pub carry_over: Option<CarryOver>,
}

impl Assessment {
    pub fn is_logged(&self) -> bool {
        self.verdict.is_some()
    }
}

/// The day's verdict with its reasons, baselines and carry-over.
///
/// # Example
/// ```
/// use jiff::civil::date;
/// use runweek::core::plan::Plan;
/// use runweek::core::verdict::assess;
///
/// let a = assess(&Plan::default(), date(2026, 11, 25));
/// assert_eq!(a.verdict, None); // not logged
/// ```
pub fn assess(plan: &Plan, date: Date) -> Assessment {
    let window = Window::new(plan, date, date);
    window.assessment(date)
}

/// The assessments of every day from `from` up to and including `to` (none when `to` is
/// before `from`), sharing one pass over the history: what the week grid's badges need,
/// computed once per change.
pub fn assess_range(plan: &Plan, from: Date, to: Date) -> Vec<Assessment> {
    if to < from {
        return Vec::new();
    }
    let window = Window::new(plan, from, to);
    let mut out = Vec::new();
    let mut day = from;
    loop {
        out.push(window.assessment(day));
        if day >= to {
            break;
        }
        day = add_days(day, 1);
    }
    out
}

/// Whether fatigue is carrying over into `date`, with its evidence: see the module docs.
pub fn carry_over(plan: &Plan, date: Date) -> Option<CarryOver> {
    Window::new(plan, date, date).carry_over(date)
}

/// The days before a day whose verdicts its assessment follows: the carry-over window, and
/// the chain of yesterdays behind the first day of it.
fn judged_days_before(rules: &VerdictRules) -> i64 {
    i64::from(rules.carry_over_window_days.max(1)) - 1 + CARRY_CHAIN_DAYS
}

/// The days of readings before a judged day that its baselines read (the HRV mean reads the
/// `hrv_recent_days` ending on the day).
fn history_days(rules: &VerdictRules) -> i64 {
    i64::from(rules.baseline_days).max(i64::from(rules.hrv_recent_days) - 1)
}

/// The days before a day whose sessions the easy-RPE trend reads.
fn rpe_days_before(rules: &VerdictRules) -> i64 {
    i64::from(rules.rpe_trend_days.max(1)) - 1
}

/// A day's counts before yesterday is known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    logged: bool,
    hold: u8,
    push: u8,
    /// Rest on its own: unwell, or resting HR far above its baseline.
    rest: bool,
    /// A warm-up check marked "improving as I go".
    improving: bool,
}

/// A day's verdict and what shaped it beyond the tally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Decision {
    verdict: Option<Verdict>,
    /// Hold back only because yesterday was held back.
    carried: bool,
    /// Hold back lifted to As planned by "improving as I go".
    lifted: bool,
}

impl Decision {
    fn held_back(self) -> bool {
        self.verdict.is_some_and(Verdict::is_held_back)
    }
}

/// The verdict rules themselves, on a day's counts and yesterday's verdict.
fn decide(t: Tally, yesterday_held_back: bool, rules: &VerdictRules) -> Decision {
    let mut d = Decision {
        verdict: None,
        carried: false,
        lifted: false,
    };
    if !t.logged {
        return d;
    }
    if t.rest || t.hold >= rules.rest_signals {
        d.verdict = Some(Verdict::Rest);
        return d;
    }
    let by_count = t.hold >= rules.hold_back_signals;
    d.carried = !by_count && yesterday_held_back && t.hold >= rules.carry_signals;
    d.verdict = Some(if by_count || d.carried {
        if t.improving {
            d.lifted = true;
            Verdict::AsPlanned
        } else {
            Verdict::HoldBack
        }
    } else if t.push >= rules.push_signals && t.hold == 0 {
        Verdict::Push
    } else {
        Verdict::AsPlanned
    });
    d
}

/// One day's inputs: the deciding check and the numbers (with the morning's as fallback).
#[derive(Debug, Clone, Copy, Default)]
struct DayFacts<'a> {
    deciding: Option<&'a ReadinessEntry>,
    easy_hr: Option<u8>,
    /// An imported easy run's settled HR that day.
    file_hr: Option<file_hr::FileHr>,
    resting_hr: Option<u8>,
    ln_rmssd: Option<f64>,
}

impl<'a> DayFacts<'a> {
    fn new(
        morning: Option<&'a ReadinessEntry>,
        warm_up: Option<&'a ReadinessEntry>,
        file_hr: Option<file_hr::FileHr>,
    ) -> Self {
        let deciding = warm_up.or(morning);
        let other = if warm_up.is_some() { morning } else { None };
        fn pick<T>(
            first: Option<&ReadinessEntry>,
            then: Option<&ReadinessEntry>,
            f: impl Fn(&ReadinessEntry) -> Option<T>,
        ) -> Option<T> {
            first.and_then(&f).or_else(|| then.and_then(&f))
        }
        DayFacts {
            deciding,
            easy_hr: pick(deciding, other, |e| e.easy_hr.map(Bpm::get)),
            file_hr,
            resting_hr: pick(deciding, other, |e| e.resting_hr.map(Bpm::get)),
            ln_rmssd: pick(deciding, other, |e| e.hrv_ms.map(|v| v.get().ln())),
        }
    }
}

/// Collects reason lines only when they are wanted: the chain behind yesterday's verdict
/// needs the counts, not the words.
struct Notes<'r>(Option<&'r mut Vec<Reason>>);

impl Notes<'_> {
    fn add(&mut self, effect: Effect, text: impl FnOnce() -> String) {
        if let Some(out) = self.0.as_mut() {
            out.push(Reason {
                effect,
                text: text(),
            });
        }
    }
}

/// The readiness history around a range of days, read once.
struct Window<'a> {
    plan: &'a Plan,
    rules: &'a VerdictRules,
    /// The day of `facts[0]`.
    first: Date,
    facts: Vec<DayFacts<'a>>,
    /// Counts of each day from `judged_from` on (earlier ones stay not logged).
    tallies: Vec<Tally>,
}

impl<'a> Window<'a> {
    fn new(plan: &'a Plan, from: Date, to: Date) -> Self {
        let rules = &plan.settings.verdict;
        // Carry-over looks at the verdicts of the last days before `from`, and each of those
        // follows its own chain of yesterdays; each judged day needs its baselines.
        let judged_from = add_days(from, -judged_days_before(rules));
        let first = add_days(judged_from, -history_days(rules));
        let len = usize::try_from(days_between(first, to) + 1).unwrap_or(0);
        let mut slots: Vec<[Option<&ReadinessEntry>; 2]> = vec![[None, None]; len];
        for entry in plan.readiness_between(first, to) {
            if let Some(slot) = usize::try_from(days_between(first, entry.date))
                .ok()
                .and_then(|i| slots.get_mut(i))
            {
                slot[usize::from(entry.when == When::WarmUp)] = Some(entry);
            }
        }
        let files = file_hr::per_day(plan, first, len);
        let facts = (slots.iter().zip(files))
            .map(|([m, w], file)| DayFacts::new(*m, *w, file))
            .collect();
        let mut window = Window {
            plan,
            rules,
            first,
            facts,
            tallies: vec![Tally::default(); len],
        };
        let start = window.index(judged_from).unwrap_or(0);
        for i in start..len {
            window.tallies[i] = window.examine(i, Notes(None)).0;
        }
        window
    }

    fn index(&self, date: Date) -> Option<usize> {
        usize::try_from(days_between(self.first, date))
            .ok()
            .filter(|&i| i < self.facts.len())
    }

    fn date(&self, i: usize) -> Date {
        add_days(self.first, i64::try_from(i).unwrap_or(i64::MAX))
    }

    /// The baselines for day `i`, from the days before it (and the recent days ending on
    /// it for the HRV mean).
    fn baselines(&self, i: usize) -> Baselines {
        let r = self.rules;
        let before = &self.facts[i.saturating_sub(usize::from(r.baseline_days))..i];
        let mut b = Baselines::default();

        let (mut sum, mut n) = (0u32, 0u16);
        for hr in before.iter().filter_map(|f| f.resting_hr) {
            sum += u32::from(hr);
            n += 1;
        }
        b.resting_hr_readings = n;
        if n >= r.resting_hr_min_readings && n > 0 {
            b.resting_hr = Some(f64::from(sum) / f64::from(n));
        }

        let ln: Vec<f64> = before.iter().filter_map(|f| f.ln_rmssd).collect();
        b.hrv_baseline_readings = u16::try_from(ln.len()).unwrap_or(u16::MAX);
        if ln.len() >= usize::from(r.hrv_baseline_min_readings.max(2)) {
            let (mean, sd) = mean_and_sample_sd(&ln);
            let half = r.hrv_band_sd * sd;
            b.hrv_band = Some((mean - half, mean + half));
        }

        let recent_from = (i + 1).saturating_sub(usize::from(r.hrv_recent_days));
        let recent: Vec<f64> = self.facts[recent_from..=i]
            .iter()
            .filter_map(|f| f.ln_rmssd)
            .collect();
        b.hrv_recent_readings = u16::try_from(recent.len()).unwrap_or(u16::MAX);
        if !recent.is_empty() && recent.len() >= usize::from(r.hrv_min_readings) {
            b.hrv_ln_rmssd_mean = Some(recent.iter().sum::<f64>() / recent.len() as f64);
        }
        b
    }

    /// Day `i`'s counts and baselines, writing its reason lines when asked.
    fn examine(&self, i: usize, mut notes: Notes<'_>) -> (Tally, Baselines) {
        let r = self.rules;
        let facts = self.facts[i];
        let b = self.baselines(i);
        let Some(entry) = facts.deciding else {
            return (Tally::default(), b);
        };
        let mut t = Tally {
            logged: true,
            improving: entry.when == When::WarmUp && entry.improving,
            ..Tally::default()
        };
        let said = words::signal_words(entry.when);
        if entry.unwell {
            t.rest = true;
            notes.add(Effect::Rest, || "Feeling unwell".to_owned());
        }
        count(
            &mut t,
            &mut notes,
            entry.legs.side(),
            said.legs.0,
            said.legs.1,
        );
        count(
            &mut t,
            &mut notes,
            entry.breathing.side(),
            said.breathing.0,
            said.breathing.1,
        );
        let expected = self.plan.settings.easy_hr.map(|b| b.get());
        let marker = file_hr::marker(facts.easy_hr, facts.file_hr, expected, r.easy_hr_above);
        if let Some(text) = marker.map(|(file, hr)| file_hr::reason(file, self.date(i), hr, r)) {
            t.hold += 1;
            notes.add(Effect::HoldBack, || text);
        } else {
            match (facts.easy_hr, expected) {
                (Some(hr), Some(expected)) => {
                    let (hr, expected) = (i32::from(hr), i32::from(expected));
                    if hr - expected >= i32::from(r.easy_hr_above) {
                        t.hold += 1;
                        notes.add(Effect::HoldBack, || {
                            format!(
                                "Easy-effort HR {hr} is {} above the {expected} you expect",
                                hr - expected
                            )
                        });
                    } else if hr <= expected {
                        t.push += 1;
                        notes.add(Effect::Push, || {
                            if hr == expected {
                                format!("Easy-effort HR {hr} is as expected")
                            } else {
                                format!(
                                    "Easy-effort HR {hr} is {} below the {expected} you expect",
                                    expected - hr
                                )
                            }
                        });
                    }
                }
                (hr, _) => {
                    if let Some(hr) = hr {
                        notes.add(Effect::NotCounted, || {
                            format!(
                                "Easy-effort HR {hr}: set the easy HR you expect in the settings \
                             to count it"
                            )
                        });
                    }
                    count(
                        &mut t,
                        &mut notes,
                        entry.heart_rate.side(),
                        "Heart rate is higher than expected at easy effort",
                        "Heart rate is as expected or lower at easy effort",
                    );
                }
            }
        }
        count(
            &mut t,
            &mut notes,
            entry.stride.side(),
            said.stride.0,
            said.stride.1,
        );
        count(
            &mut t,
            &mut notes,
            entry.recent.side(),
            "Recent training has already felt inconsistent",
            "Recent training has felt stable and repeatable",
        );
        count(
            &mut t,
            &mut notes,
            entry.body.side(),
            "The body would have to force it",
            "The body feels ready to extend, not force",
        );

        if let Some(hr) = facts.resting_hr {
            match b.resting_hr {
                Some(base) => {
                    let above = f64::from(hr) - base;
                    let rest = above >= f64::from(r.rest_resting_hr_above) - EPS;
                    if rest || above >= f64::from(r.resting_hr_above) - EPS {
                        t.hold += 1;
                        t.rest |= rest;
                        notes.add(if rest { Effect::Rest } else { Effect::HoldBack }, || {
                            format!(
                                "Resting HR {hr} is {} above your {}-day baseline of {}",
                                num(above),
                                r.baseline_days,
                                num(base)
                            )
                        });
                    }
                }
                None => notes.add(Effect::NotCounted, || {
                    format!(
                        "Resting HR {hr}: no baseline yet ({} of {} readings in the last {} \
                         days)",
                        b.resting_hr_readings, r.resting_hr_min_readings, r.baseline_days
                    )
                }),
            }
        }

        if b.hrv_recent_readings > 0 {
            match (b.hrv_ln_rmssd_mean, b.hrv_band) {
                (Some(mean), Some((lo, hi))) => {
                    if mean < lo - EPS {
                        t.hold += 1;
                        notes.add(Effect::HoldBack, || {
                            format!(
                                "HRV is low: {}-day average {:.1} ms is below your usual \
                                 {:.1}–{:.1} ms",
                                r.hrv_recent_days,
                                mean.exp(),
                                lo.exp(),
                                hi.exp()
                            )
                        });
                    }
                }
                (mean, _) => notes.add(Effect::NotCounted, || {
                    if mean.is_none() {
                        format!(
                            "HRV: no baseline yet ({} of {} readings in the last {} days)",
                            b.hrv_recent_readings, r.hrv_min_readings, r.hrv_recent_days
                        )
                    } else {
                        format!(
                            "HRV: no baseline yet ({} of {} readings in the previous {} days)",
                            b.hrv_baseline_readings,
                            r.hrv_baseline_min_readings.max(2),
                            r.baseline_days
                        )
                    }
                }),
            }
        }
        (t, b)
    }

    /// Day `i`'s verdict, following the chain of yesterdays forward over at most
    /// [`CARRY_CHAIN_DAYS`] days; also yesterday's verdict as that chain saw it.
    fn decision(&self, i: usize) -> (Decision, Option<Verdict>) {
        let start = i.saturating_sub(CARRY_CHAIN_DAYS as usize);
        let mut yesterday: Option<Decision> = None;
        for t in &self.tallies[start..i] {
            let held = yesterday.is_some_and(Decision::held_back);
            yesterday = Some(decide(*t, held, self.rules));
        }
        let held = yesterday.is_some_and(Decision::held_back);
        (
            decide(self.tallies[i], held, self.rules),
            yesterday.and_then(|d| d.verdict),
        )
    }

    fn assessment(&self, date: Date) -> Assessment {
        let mut reasons = Vec::new();
        let (tally, baselines, decision, yesterday) = match self.index(date) {
            Some(i) => {
                let (tally, baselines) = self.examine(i, Notes(Some(&mut reasons)));
                let (decision, yesterday) = self.decision(i);
                (tally, baselines, decision, yesterday)
            }
            None => (
                Tally::default(),
                Baselines::default(),
                decide(Tally::default(), false, self.rules),
                None,
            ),
        };
        if decision.carried {
            reasons.push(Reason {
                effect: Effect::CarryOver,
                text: if yesterday == Some(Verdict::Rest) {
                    "Yesterday was a rest day".to_owned()
                } else {
                    "Yesterday was a hold-back day too".to_owned()
                },
            });
        }
        if decision.lifted {
            reasons.push(Reason {
                effect: Effect::Lift,
                text: "Improving as you go: lifted from Hold back".to_owned(),
            });
        }
        // Counted lines first, in the order they were found; the notes after them.
        reasons.sort_by_key(|r| r.effect == Effect::NotCounted);
        Assessment {
            date,
            verdict: decision.verdict,
            decided_by: self
                .index(date)
                .and_then(|i| self.facts[i].deciding)
                .map(|e| e.when),
            reasons,
            hold_back_signals: tally.hold,
            push_signals: tally.push,
            baselines,
            carry_over: self.carry_over(date),
        }
    }

    fn carry_over(&self, date: Date) -> Option<CarryOver> {
        let r = self.rules;
        let mut found = CarryOver {
            hold_back_days: Vec::new(),
            rpe_trend: None,
            evidence: Vec::new(),
        };

        let window = i64::from(r.carry_over_window_days.max(1));
        if let Some(i) = self.index(date) {
            let first = (i + 1).saturating_sub(window as usize);
            let held: Vec<(Date, Verdict)> = (first..=i)
                .filter_map(|j| {
                    let v = self.decision(j).0.verdict?;
                    v.is_held_back().then(|| (self.date(j), v))
                })
                .collect();
            if held.len() >= usize::from(r.carry_over_hold_back_days) {
                let days: Vec<String> = held
                    .iter()
                    .map(|(d, v)| format!("{} ({})", day_label(*d), v.label()))
                    .collect();
                found.evidence.push(format!(
                    "Held back on {} of the last {window} days: {}",
                    held.len(),
                    days.join(", ")
                ));
                found.hold_back_days = held;
            }
        }

        let from = add_days(date, -rpe_days_before(r));
        let points: Vec<(Date, u8)> = self
            .plan
            .sessions_between(from, date)
            .iter()
            .filter(|s| matches!(s.kind, Kind::Easy | Kind::Recovery))
            .filter_map(|s| match s.done {
                Some(Done::Done(run)) => run.rpe.map(|rpe| (s.date, rpe.get())),
                _ => None,
            })
            .collect();
        if points.len() >= usize::from(r.rpe_trend_min_sessions) {
            let xy: Vec<(f64, f64)> = points
                .iter()
                .map(|&(d, rpe)| (days_between(from, d) as f64, f64::from(rpe)))
                .collect();
            if let Some(slope) = slope(&xy).filter(|&s| s > EPS) {
                let list: Vec<String> = points
                    .iter()
                    .map(|&(d, rpe)| format!("{rpe} ({})", day_label(d)))
                    .collect();
                found.evidence.push(format!(
                    "Easy runs feel harder than they should: RPE {} over the last {} days",
                    list.join(", "),
                    r.rpe_trend_days
                ));
                found.rpe_trend = Some(RpeTrend {
                    points,
                    slope_per_day: slope,
                });
            }
        }

        (!found.evidence.is_empty()).then_some(found)
    }
}

/// Counts one of the article's signals on its side of the table, with its line.
fn count(t: &mut Tally, notes: &mut Notes<'_>, side: Side, hold: &str, push: &str) {
    match side {
        Side::HoldBack => {
            t.hold += 1;
            notes.add(Effect::HoldBack, || hold.to_owned());
        }
        Side::Push => {
            t.push += 1;
            notes.add(Effect::Push, || push.to_owned());
        }
        Side::Normal => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(hold: u8, push: u8) -> Tally {
        Tally {
            logged: true,
            hold,
            push,
            ..Tally::default()
        }
    }

    /// The rules on bare counts: (hold, push, rest, improving, yesterday held) → verdict.
    #[test]
    fn decide_follows_the_rule_table() {
        use Verdict::*;
        let check = |hold: u8, push: u8, rest: bool, improving: bool, yday: bool, want| {
            let t = Tally {
                rest,
                improving,
                ..tally(hold, push)
            };
            let got = decide(t, yday, &VerdictRules::default()).verdict;
            assert_eq!(
                got,
                Some(want),
                "hold {hold} push {push} rest {rest} improving {improving} yesterday {yday}"
            );
        };
        check(0, 0, true, false, false, Rest);
        check(4, 0, false, false, false, Rest);
        check(3, 0, false, false, false, HoldBack);
        check(2, 0, false, false, false, HoldBack);
        check(1, 0, false, false, false, AsPlanned);
        check(1, 0, false, false, true, HoldBack);
        check(0, 0, false, false, true, AsPlanned);
        check(0, 3, false, false, true, Push);
        check(0, 3, false, false, false, Push);
        check(0, 2, false, false, false, AsPlanned);
        check(1, 4, false, false, false, AsPlanned);
        check(2, 3, false, true, false, AsPlanned);
        check(1, 0, false, true, true, AsPlanned);
        check(4, 0, false, true, false, Rest);
        check(0, 0, true, true, false, Rest);
        check(0, 3, false, true, false, Push);
    }

    #[test]
    fn not_logged_has_no_verdict_whatever_yesterday_was() {
        let d = decide(Tally::default(), true, &VerdictRules::default());
        assert_eq!(d.verdict, None);
        assert!(!d.held_back());
    }

    #[test]
    fn decide_marks_carried_and_lifted() {
        let rules = VerdictRules::default();
        let carried = decide(tally(1, 0), true, &rules);
        assert!(carried.carried && !carried.lifted);
        let by_count = decide(tally(2, 0), true, &rules);
        assert!(!by_count.carried, "two signals hold back on their own");
        let lifted = decide(
            Tally {
                improving: true,
                ..tally(2, 0)
            },
            false,
            &rules,
        );
        assert!(lifted.lifted);
        assert!(!lifted.held_back(), "a lifted day does not carry over");
    }

    #[test]
    fn slope_is_least_squares_and_needs_two_distinct_days() {
        let check = |points: &[(f64, f64)], want: Option<f64>| {
            let got = slope(points);
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-12, "{points:?}: {g} vs {w}"),
                _ => assert_eq!(got, want, "{points:?}"),
            }
        };
        check(&[], None);
        check(&[(1.0, 3.0)], None);
        check(&[(2.0, 3.0), (2.0, 5.0)], None);
        check(&[(0.0, 3.0), (1.0, 4.0), (2.0, 5.0)], Some(1.0));
        check(&[(0.0, 3.0), (3.0, 3.0), (6.0, 3.0)], Some(0.0));
        check(&[(0.0, 5.0), (3.0, 4.0), (6.0, 3.0)], Some(-1.0 / 3.0));
        check(&[(0.0, 3.0), (1.0, 3.0), (6.0, 4.0)], Some(11.0 / 62.0));
    }

    #[test]
    fn sample_sd_uses_n_minus_one_and_is_near_zero_for_equal_values() {
        let (mean, sd) = mean_and_sample_sd(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        assert_eq!(mean, 5.0);
        assert!((sd - (32.0f64 / 7.0).sqrt()).abs() < 1e-12);
        let ln = 60f64.ln();
        let (mean, sd) = mean_and_sample_sd(&[ln; 28]);
        assert!((mean - ln).abs() < EPS && sd < EPS, "{mean} {sd}");
    }

    #[test]
    fn numbers_read_whole_when_whole() {
        for (x, want) in [
            (52.0, "52"),
            (6.0, "6"),
            (51.43, "51.4"),
            (5.57, "5.6"),
            (51.98, "52"),
        ] {
            assert_eq!(num(x), want, "{x}");
        }
    }

    #[test]
    fn rule_lines_show_the_thresholds_in_force() {
        let lines = rule_lines(&VerdictRules::default()).join("\n");
        for words in [
            "at least 10 bpm above its baseline, or 4 or more hold-back signals",
            "Hold back: 2 or more hold-back signals, or 1 or more on the day after",
            "at least 5 bpm above the easy HR you expect",
            "Push: 3 or more push signals and no hold-back signal",
            "never to Push",
            "previous 28 days' readings, needing at least 7",
            "mean ± 0.5 sample SD",
            "last 7 days including today (at least 3 readings)",
            "2 or more Hold back or Rest days in the last 4 days",
        ] {
            assert!(lines.contains(words), "missing {words:?} in\n{lines}");
        }
        let strict = VerdictRules {
            push_signals: 4,
            rest_signals: 5,
            ..VerdictRules::default()
        };
        let lines = rule_lines(&strict).join("\n");
        assert!(lines.contains("Push: 4 or more"), "{lines}");
        assert!(lines.contains("or 5 or more hold-back signals"), "{lines}");
    }

    #[test]
    fn rules_check_refuses_out_of_range_thresholds() {
        assert_eq!(VerdictRules::default().check(), Ok(()));
        let check = |rules: VerdictRules, want: &str| {
            assert_eq!(rules.check(), Err(want.to_owned()));
        };
        check(
            VerdictRules {
                hold_back_signals: 0,
                ..VerdictRules::default()
            },
            "verdict.hold_back_signals must be between 1 and 8, got 0",
        );
        check(
            VerdictRules {
                hrv_baseline_min_readings: 1,
                ..VerdictRules::default()
            },
            "verdict.hrv_baseline_min_readings must be between 2 and 365, got 1",
        );
        check(
            VerdictRules {
                hrv_band_sd: f64::NAN,
                ..VerdictRules::default()
            },
            "verdict.hrv_band_sd must be between 0 and 5, got NaN",
        );
    }
}
