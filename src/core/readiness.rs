//! What the runner logs about how the body responds: the article's six signals, the
//! optional objective numbers, and when the check was made.
//!
//! The verdict drawn from these lives in [`super::verdict`].

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::units::{Bpm, HrvMs, Score, SleepHours};

/// When the check was made. The warm-up check, after the first 10–15 minutes of the run,
/// often tells more than the morning did, so it decides when a day has both.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum When {
    #[default]
    Morning,
    WarmUp,
}

/// Which side of the article's table a signal falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Push,
    Normal,
    HoldBack,
}

macro_rules! signal {
    ($(#[$doc:meta])* $name:ident, $push:ident, $hold:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
        pub enum $name {
            $push,
            // The product's own example writes `Neutral` for the middle value.
            #[default]
            #[serde(alias = "Neutral")]
            Normal,
            $hold,
        }

        impl $name {
            pub const ALL: [$name; 3] = [$name::$push, $name::Normal, $name::$hold];

            pub fn side(self) -> Side {
                match self {
                    $name::$push => Side::Push,
                    $name::Normal => Side::Normal,
                    $name::$hold => Side::HoldBack,
                }
            }
        }
    };
}

signal!(
    /// Legs: responsive (not just rested), or heavy early in the run.
    Legs, Responsive, Heavy
);
signal!(
    /// Breathing at moderate effort: controlled, or laboured.
    Breathing, Controlled, Laboured
);
signal!(
    /// Heart rate at easy effort, as felt or read off a watch: as expected or lower, or
    /// higher than expected. A logged `easy_hr` with an expected easy HR in the settings
    /// overrides this.
    HeartRate, Lower, Higher
);
signal!(
    /// Stride: smooth and controlled, or less controlled and less smooth.
    Stride, Smooth, Rough
);
signal!(
    /// Recent training: stable and repeatable, or already inconsistent.
    Recent, Stable, Inconsistent
);
signal!(
    /// The body: ready to extend, or would have to force it.
    Body, Extend, Forcing
);

/// One readiness check on one day. At most one per day and moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessEntry {
    #[serde(with = "super::day")]
    pub date: Date,
    #[serde(default)]
    pub when: When,
    #[serde(default, skip_serializing_if = "is_default")]
    pub legs: Legs,
    #[serde(default, skip_serializing_if = "is_default")]
    pub breathing: Breathing,
    #[serde(default, skip_serializing_if = "is_default")]
    pub heart_rate: HeartRate,
    #[serde(default, skip_serializing_if = "is_default")]
    pub stride: Stride,
    #[serde(default, skip_serializing_if = "is_default")]
    pub recent: Recent,
    #[serde(default, skip_serializing_if = "is_default")]
    pub body: Body,
    /// Heart rate at easy effort, in bpm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_hr: Option<Bpm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resting_hr: Option<Bpm>,
    /// RMSSD in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hrv_ms: Option<HrvMs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep_hours: Option<SleepHours>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soreness: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stress: Option<Score>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unwell: bool,
    /// Only meaningful on a warm-up check: the run got better after the first minutes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub improving: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl ReadinessEntry {
    /// An untouched check: every signal Normal, no numbers.
    pub fn new(date: Date, when: When) -> Self {
        ReadinessEntry {
            date,
            when,
            legs: Legs::Normal,
            breathing: Breathing::Normal,
            heart_rate: HeartRate::Normal,
            stride: Stride::Normal,
            recent: Recent::Normal,
            body: Body::Normal,
            easy_hr: None,
            resting_hr: None,
            hrv_ms: None,
            sleep_hours: None,
            soreness: None,
            stress: None,
            unwell: false,
            improving: false,
            notes: String::new(),
        }
    }
}
