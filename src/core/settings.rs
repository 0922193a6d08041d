//! The plan's settings: week start, units, the expected easy HR, the load-metric time
//! constants, the verdict's thresholds ([`VerdictRules`]) and the re-planner's
//! ([`ReplanSettings`]).
//!
//! They live in a module of their own, below everything that reads them, so that imports in
//! the core go one way: [`super::plan`] holds a `Settings`, [`super::verdict`] reads its
//! rules and [`super::week`] its week start, and none of those three needs another to name
//! them. Their serde form is the plan file's `settings: (…)` and must not change.
//!
//! Every verdict threshold has a range in which it still means what its name says;
//! [`VerdictRules::RANGES`] is that table. [`VerdictRules::check`] reads it, and the window's
//! settings can read it too instead of keeping a copy of the ranges in step by a test.

use jiff::civil::Time;
use serde::{Deserialize, Serialize};

use super::units::Bpm;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Units {
    #[default]
    Km,
    Mi,
}

/// Settings that belong to the plan and travel with its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub week_start: WeekStart,
    pub units: Units,
    /// The heart rate expected at easy effort; an easy run logged higher counts against
    /// readiness.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub easy_hr: Option<Bpm>,
    /// Time constant of fitness (days).
    pub fitness_days: u16,
    /// Time constant of fatigue (days).
    pub fatigue_days: u16,
    /// The share (percent) by which planned weekly load may grow over the previous week
    /// before the grid warns.
    pub load_growth_pct: u16,
    pub verdict: VerdictRules,
    /// What the week review counts as following a verdict and as a good next key session.
    /// Left out of the file while it holds the defaults, so older files read and write as
    /// they did.
    #[serde(skip_serializing_if = "ReviewRules::is_default")]
    pub review: ReviewRules,
    /// How far a re-plan reaches and how it treats a tired week. Left out of the file while
    /// it holds the defaults, like `review`.
    #[serde(skip_serializing_if = "ReplanSettings::is_default")]
    pub replan: ReplanSettings,
    /// The time of day at which a calendar export places each session (`"HH:MM"` in the
    /// file, the runner's local time wherever they are); none puts each on its day as an
    /// all-day event.
    #[serde(with = "time_of_day", skip_serializing_if = "Option::is_none")]
    pub calendar_time: Option<Time>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            week_start: WeekStart::Monday,
            units: Units::Km,
            easy_hr: None,
            fitness_days: 42,
            fatigue_days: 7,
            load_growth_pct: 10,
            verdict: VerdictRules::default(),
            review: ReviewRules::default(),
            replan: ReplanSettings::default(),
            calendar_time: None,
        }
    }
}

impl Settings {
    /// # Errors
    /// Names the setting that is out of range.
    pub fn check(&self) -> Result<(), String> {
        for (name, days) in [
            ("fitness_days", self.fitness_days),
            ("fatigue_days", self.fatigue_days),
        ] {
            if !(1..=365).contains(&days) {
                return Err(format!("{name} must be between 1 and 365, got {days}"));
            }
        }
        if self.load_growth_pct > 100 {
            return Err(format!(
                "load_growth_pct must be between 0 and 100, got {}",
                self.load_growth_pct
            ));
        }
        self.verdict.check()?;
        self.review.check()?;
        self.replan.check()
    }
}

/// The re-planner's rules a runner may change (`core::replan` reads them into its
/// `ReplanRules`). Saved in the plan file under `settings.replan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReplanSettings {
    /// How many days ahead of the re-plan's first day its window may reach to take in the
    /// next key session when that lies past the end of the week. 0 keeps every re-plan
    /// inside its week.
    pub reach_days: u8,
    /// On a Rest day, or while fatigue is carrying over, a hard session that is not key is
    /// eased (downgraded, shortened or dropped) rather than moved closer to the next key
    /// session: the article's "make the other days easy or shorter".
    pub ease_when_tired: bool,
}

impl Default for ReplanSettings {
    fn default() -> Self {
        ReplanSettings {
            reach_days: Self::MAX_REACH_DAYS,
            ease_when_tired: true,
        }
    }
}

impl ReplanSettings {
    /// A week ahead: a key session on the same weekday next week is still within reach,
    /// and a window never holds more than eight days.
    pub const MAX_REACH_DAYS: u8 = 7;

    pub fn is_default(&self) -> bool {
        *self == ReplanSettings::default()
    }

    /// # Errors
    /// Names `reach_days` when it is out of its range.
    pub fn check(&self) -> Result<(), String> {
        if self.reach_days > Self::MAX_REACH_DAYS {
            return Err(format!(
                "replan.reach_days must be between 0 and {}, got {}",
                Self::MAX_REACH_DAYS,
                self.reach_days
            ));
        }
        Ok(())
    }
}

/// The thresholds of the look back (`core::review`): when a day's training reads as run as
/// planned, what makes the next key session a good one, and how many weeks of evidence
/// "Room to extend" needs. Saved in the plan file under `settings.review`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewRules {
    /// A day's done load within this share (percent) of its planned load was run as
    /// planned; above it the runner extended, below it held back.
    pub as_planned_pct: u8,
    /// A good key session is done no more than this share (percent) short of its planned
    /// minutes…
    pub good_key_minutes_pct: u8,
    /// …at a logged RPE no more than this many points above its planned RPE.
    pub good_key_rpe_above: u8,
    /// "Room to extend" needs this many weeks in a row of steady training.
    pub room_weeks: u8,
}

impl Default for ReviewRules {
    fn default() -> Self {
        ReviewRules {
            as_planned_pct: 10,
            good_key_minutes_pct: 10,
            good_key_rpe_above: 1,
            room_weeks: 3,
        }
    }
}

impl ReviewRules {
    /// Each threshold's name in the plan file with its allowed range.
    pub const RANGES: [(&'static str, u8, u8); 4] = [
        ("as_planned_pct", 0, 50),
        ("good_key_minutes_pct", 0, 50),
        ("good_key_rpe_above", 0, 9),
        ("room_weeks", 2, 12),
    ];

    pub fn is_default(&self) -> bool {
        *self == ReviewRules::default()
    }

    fn values(&self) -> [u8; 4] {
        [
            self.as_planned_pct,
            self.good_key_minutes_pct,
            self.good_key_rpe_above,
            self.room_weeks,
        ]
    }

    /// # Errors
    /// Names the first threshold out of its range, with the range.
    pub fn check(&self) -> Result<(), String> {
        for ((key, min, max), value) in Self::RANGES.iter().zip(self.values()) {
            if !(*min..=*max).contains(&value) {
                return Err(format!(
                    "review.{key} must be between {min} and {max}, got {value}"
                ));
            }
        }
        Ok(())
    }
}

/// A time of day as the plan file spells it, `"HH:MM"` on the 24-hour clock: the plan
/// means a time on the runner's watch, not an instant, so there are no seconds and no zone.
pub mod time_of_day {
    use jiff::civil::Time;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Parses `"HH:MM"` exactly.
    ///
    /// # Errors
    /// Anything else, or an hour or minute out of range.
    pub fn parse(text: &str) -> Result<Time, String> {
        let b = text.as_bytes();
        let shaped = b.len() == 5
            && b.iter().enumerate().all(|(i, c)| match i {
                2 => *c == b':',
                _ => c.is_ascii_digit(),
            });
        let bad = || format!("expected a time of day as \"HH:MM\", got \"{text}\"");
        if !shaped {
            return Err(bad());
        }
        let hour: i8 = text[..2].parse().map_err(|_| bad())?;
        let minute: i8 = text[3..].parse().map_err(|_| bad())?;
        Time::new(hour, minute, 0, 0).map_err(|_| bad())
    }

    /// `"06:30"`.
    pub fn format(time: Time) -> String {
        time.strftime("%H:%M").to_string()
    }

    pub fn serialize<S: Serializer>(time: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
        match time {
            Some(time) => s.serialize_some(&format(*time)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Time>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| parse(&text).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Every threshold of the verdict rules, with the product's defaults. Saved in the plan file
/// so that a runner's own thresholds travel with the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VerdictRules {
    /// Rest when this many hold-back signals (or more) are logged.
    pub rest_signals: u8,
    /// Rest when resting HR is at least this far above its baseline (bpm).
    pub rest_resting_hr_above: u8,
    /// Hold back when this many hold-back signals (or more) are logged.
    pub hold_back_signals: u8,
    /// Easy-effort HR at least this far above the expected one counts as a hold-back signal.
    pub easy_hr_above: u8,
    /// Resting HR at least this far above its baseline counts as a hold-back signal.
    pub resting_hr_above: u8,
    /// Push needs this many push signals and no hold-back signal.
    pub push_signals: u8,
    /// Days of history behind the resting-HR and HRV baselines.
    pub baseline_days: u16,
    /// Readings the resting-HR baseline needs before it counts.
    pub resting_hr_min_readings: u16,
    /// Days in the recent HRV mean compared with the baseline band.
    pub hrv_recent_days: u16,
    /// Readings the recent HRV mean needs before it counts.
    pub hrv_min_readings: u16,
    /// Half-width of the HRV band, in sample standard deviations of daily ln RMSSD.
    pub hrv_band_sd: f64,
    /// Readings the HRV band needs in its `baseline_days`; a sample SD needs at least 2.
    pub hrv_baseline_min_readings: u16,
    /// On the day after a Hold back or Rest day, this many hold-back signals (or more)
    /// already mean Hold back: fatigue carried over from yesterday.
    pub carry_signals: u8,
    /// The days (ending today) in which clustered hold-back days mean fatigue is carrying
    /// over.
    pub carry_over_window_days: u16,
    /// Hold back or Rest days in that window that raise "fatigue is carrying over".
    pub carry_over_hold_back_days: u16,
    /// The days (ending today) over which the RPE of easy sessions is checked for a rise.
    pub rpe_trend_days: u16,
    /// Easy sessions with a logged RPE that the trend needs.
    pub rpe_trend_min_sessions: u16,
}

impl Default for VerdictRules {
    fn default() -> Self {
        VerdictRules {
            rest_signals: 4,
            rest_resting_hr_above: 10,
            hold_back_signals: 2,
            easy_hr_above: 5,
            resting_hr_above: 5,
            push_signals: 3,
            baseline_days: 28,
            resting_hr_min_readings: 7,
            hrv_recent_days: 7,
            hrv_min_readings: 3,
            hrv_band_sd: 0.5,
            // As many as the resting-HR baseline: a band from two or three readings is a
            // guess, not a baseline.
            hrv_baseline_min_readings: 7,
            carry_signals: 1,
            carry_over_window_days: 4,
            carry_over_hold_back_days: 2,
            rpe_trend_days: 7,
            rpe_trend_min_sessions: 3,
        }
    }
}

/// The type of a [`VerdictRules`] field, which bounds what a runner can type before its range
/// is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleField {
    /// A count of signals or bpm (`u8`).
    U8,
    /// A count of days or readings (`u16`).
    U16,
    /// A decimal (`f64`).
    Decimal,
}

/// One verdict threshold: its name in the plan file, its allowed range and how to read and
/// write it as a number.
///
/// # Example
/// ```
/// use runweek::core::settings::VerdictRules;
///
/// let push = VerdictRules::range_of("push_signals").expect("a rule");
/// assert_eq!((push.min, push.max), (1.0, 6.0));
/// let mut rules = VerdictRules::default();
/// (push.set)(&mut rules, 4.0);
/// assert_eq!(rules.push_signals, 4);
/// assert_eq!((push.get)(&rules), 4.0);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RuleRange {
    /// The field's name in the plan file, under `verdict`.
    pub key: &'static str,
    /// The smallest allowed value.
    pub min: f64,
    /// The largest allowed value.
    pub max: f64,
    pub field: RuleField,
    /// The field's value as a number.
    pub get: fn(&VerdictRules) -> f64,
    /// Sets the field from a number already checked to be within `min..=max` (a whole number
    /// for the whole-number fields); a value too large for the field saturates.
    pub set: fn(&mut VerdictRules, f64),
}

impl RuleRange {
    /// Whether `value` lies in the range (a NaN or an infinity never does).
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite() && (self.min..=self.max).contains(&value)
    }
}

/// Narrows a whole number to a `u8`, saturating.
fn to_u8(v: f64) -> u8 {
    u8::try_from(v as i64).unwrap_or(if v < 0.0 { 0 } else { u8::MAX })
}

/// Narrows a whole number to a `u16`, saturating.
fn to_u16(v: f64) -> u16 {
    u16::try_from(v as i64).unwrap_or(if v < 0.0 { 0 } else { u16::MAX })
}

macro_rules! rule {
    ($key:ident, $min:expr, $max:expr, U8) => {
        RuleRange {
            key: stringify!($key),
            min: $min,
            max: $max,
            field: RuleField::U8,
            get: |r| f64::from(r.$key),
            set: |r, v| r.$key = to_u8(v),
        }
    };
    ($key:ident, $min:expr, $max:expr, U16) => {
        RuleRange {
            key: stringify!($key),
            min: $min,
            max: $max,
            field: RuleField::U16,
            get: |r| f64::from(r.$key),
            set: |r, v| r.$key = to_u16(v),
        }
    };
    ($key:ident, $min:expr, $max:expr, Decimal) => {
        RuleRange {
            key: stringify!($key),
            min: $min,
            max: $max,
            field: RuleField::Decimal,
            get: |r| r.$key,
            set: |r, v| r.$key = v,
        }
    };
}

impl VerdictRules {
    /// Every threshold with the range in which the rules still mean what their names say, in
    /// the order [`VerdictRules::check`] checks them.
    ///
    /// Eight is the most hold-back signals a day can have: six clicks (the heart-rate click
    /// or its number) plus the resting-HR and HRV markers; six is the most push signals. A
    /// sample SD needs at least two readings, and a trend at least two days.
    pub const RANGES: [RuleRange; 17] = [
        rule!(rest_signals, 1.0, 8.0, U8),
        rule!(hold_back_signals, 1.0, 8.0, U8),
        rule!(carry_signals, 1.0, 8.0, U8),
        rule!(push_signals, 1.0, 6.0, U8),
        rule!(rest_resting_hr_above, 1.0, 100.0, U8),
        rule!(easy_hr_above, 1.0, 100.0, U8),
        rule!(resting_hr_above, 1.0, 100.0, U8),
        rule!(baseline_days, 2.0, 365.0, U16),
        rule!(resting_hr_min_readings, 1.0, 365.0, U16),
        rule!(hrv_recent_days, 1.0, 365.0, U16),
        rule!(hrv_min_readings, 1.0, 365.0, U16),
        rule!(hrv_baseline_min_readings, 2.0, 365.0, U16),
        rule!(carry_over_window_days, 1.0, 365.0, U16),
        rule!(carry_over_hold_back_days, 1.0, 365.0, U16),
        rule!(rpe_trend_days, 2.0, 365.0, U16),
        rule!(rpe_trend_min_sessions, 2.0, 365.0, U16),
        rule!(hrv_band_sd, 0.0, 5.0, Decimal),
    ];

    /// The range of the threshold named `key` as in the plan file, if there is one.
    pub fn range_of(key: &str) -> Option<&'static RuleRange> {
        Self::RANGES.iter().find(|r| r.key == key)
    }

    /// Checks every threshold against [`VerdictRules::RANGES`].
    ///
    /// # Errors
    /// Names the first threshold that is out of range, with the allowed range.
    pub fn check(&self) -> Result<(), String> {
        for range in &Self::RANGES {
            let value = (range.get)(self);
            if !range.contains(value) {
                return Err(format!(
                    "verdict.{} must be between {} and {}, got {value}",
                    range.key, range.min, range.max
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_in_the_table_once_and_its_default_is_in_range() {
        let defaults = VerdictRules::default();
        let mut keys: Vec<_> = VerdictRules::RANGES.iter().map(|r| r.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), VerdictRules::RANGES.len());
        // Every field of the struct, as the plan file spells it.
        let text = format!("{defaults:?}");
        assert_eq!(
            text.matches(": ").count(),
            VerdictRules::RANGES.len(),
            "{text}"
        );
        for range in &VerdictRules::RANGES {
            assert!(range.contains((range.get)(&defaults)), "{}", range.key);
        }
    }

    #[test]
    fn set_then_get_round_trips_at_both_ends() {
        for range in &VerdictRules::RANGES {
            for value in [range.min, range.max] {
                let mut rules = VerdictRules::default();
                (range.set)(&mut rules, value);
                assert_eq!((range.get)(&rules), value, "{}", range.key);
                assert_eq!(rules.check(), Ok(()), "{}", range.key);
            }
        }
    }

    #[test]
    fn check_names_the_first_rule_out_of_range() {
        let check =
            |rules: VerdictRules, want: &str| assert_eq!(rules.check(), Err(want.to_owned()));
        check(
            VerdictRules {
                push_signals: 7,
                ..VerdictRules::default()
            },
            "verdict.push_signals must be between 1 and 6, got 7",
        );
        check(
            VerdictRules {
                rpe_trend_days: 1,
                baseline_days: 1,
                ..VerdictRules::default()
            },
            "verdict.baseline_days must be between 2 and 365, got 1",
        );
        check(
            VerdictRules {
                hrv_band_sd: 5.5,
                ..VerdictRules::default()
            },
            "verdict.hrv_band_sd must be between 0 and 5, got 5.5",
        );
    }

    #[test]
    fn review_rules_default_in_range_and_out_of_range_named() {
        assert_eq!(ReviewRules::default().check(), Ok(()));
        let weeks = ReviewRules {
            room_weeks: 1,
            ..ReviewRules::default()
        };
        assert_eq!(
            weeks.check(),
            Err("review.room_weeks must be between 2 and 12, got 1".to_owned())
        );
        let pct = ReviewRules {
            as_planned_pct: 60,
            ..ReviewRules::default()
        };
        assert_eq!(
            pct.check(),
            Err("review.as_planned_pct must be between 0 and 50, got 60".to_owned())
        );
    }

    #[test]
    fn replan_settings_default_in_range_and_reach_named_when_too_far() {
        assert_eq!(ReplanSettings::default().check(), Ok(()));
        let far = ReplanSettings {
            reach_days: 8,
            ..ReplanSettings::default()
        };
        assert_eq!(
            far.check(),
            Err("replan.reach_days must be between 0 and 7, got 8".to_owned())
        );
    }

    #[test]
    fn a_time_of_day_is_hh_mm_exactly() {
        let t = |text| time_of_day::parse(text).map(time_of_day::format);
        assert_eq!(t("06:30"), Ok("06:30".to_owned()));
        assert_eq!(t("23:59"), Ok("23:59".to_owned()));
        for bad in ["6:30", "24:00", "12:60", "06:30:00", "ab:cd", "", "06-30"] {
            assert_eq!(
                t(bad),
                Err(format!(
                    "expected a time of day as \"HH:MM\", got \"{bad}\""
                )),
                "{bad}"
            );
        }
    }
}
