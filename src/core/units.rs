//! Checked values: a plan that holds one of these holds a sane number.
//!
//! Each newtype refuses out-of-range values where it is built (in the editor, in the file
//! loader, in an edit), so the rest of the code never re-checks them. The serde impls go
//! through the same check, which is how the plan file reports "RPE must be 1–10, got 11".

use std::fmt;

use serde::{Deserialize, Serialize};

/// A value that was out of its allowed range, with the words to tell the runner why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{what} must be {range}, got {got}")]
pub struct OutOfRange {
    pub what: &'static str,
    pub range: &'static str,
    pub got: String,
}

macro_rules! int_newtype {
    ($(#[$doc:meta])* $name:ident, $inner:ty, $what:literal, $lo:expr, $hi:expr, $range:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "i64", into = "i64")]
        pub struct $name($inner);

        impl $name {
            pub const MIN: $inner = $lo;
            pub const MAX: $inner = $hi;

            /// # Errors
            /// When `value` lies outside the allowed range.
            pub fn new(value: i64) -> Result<Self, OutOfRange> {
                if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&value) {
                    // The range check above makes the narrowing exact.
                    Ok(Self(value as $inner))
                } else {
                    Err(OutOfRange { what: $what, range: $range, got: value.to_string() })
                }
            }

            pub fn get(self) -> $inner {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = OutOfRange;
            fn try_from(value: i64) -> Result<Self, OutOfRange> {
                Self::new(value)
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> i64 {
                i64::from(value.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

macro_rules! float_newtype {
    ($(#[$doc:meta])* $name:ident, $what:literal, $lo:expr, $hi:expr, $range:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
        #[serde(try_from = "f64", into = "f64")]
        pub struct $name(f64);

        impl $name {
            pub const MIN: f64 = $lo;
            pub const MAX: f64 = $hi;

            /// # Errors
            /// When `value` is not a finite number inside the allowed range.
            pub fn new(value: f64) -> Result<Self, OutOfRange> {
                if value.is_finite() && (Self::MIN..=Self::MAX).contains(&value) {
                    Ok(Self(value))
                } else {
                    Err(OutOfRange { what: $what, range: $range, got: value.to_string() })
                }
            }

            pub fn get(self) -> f64 {
                self.0
            }
        }

        impl TryFrom<f64> for $name {
            type Error = OutOfRange;
            fn try_from(value: f64) -> Result<Self, OutOfRange> {
                Self::new(value)
            }
        }

        impl From<$name> for f64 {
            fn from(value: $name) -> f64 {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

int_newtype!(
    /// Minutes of a session. Zero only makes sense for a planned rest day, which
    /// [`crate::core::session::Session`] checks; a day has 1440 minutes.
    Minutes, u16, "minutes", 0, 1440, "between 0 and 1440"
);
int_newtype!(
    /// Rating of perceived exertion on Foster's CR-10 scale.
    Rpe, u8, "RPE", 1, 10, "between 1 and 10"
);
int_newtype!(
    /// A heart rate in beats per minute, wide enough for any runner's resting and easy HR.
    Bpm, u8, "heart rate", 25, 230, "between 25 and 230 bpm"
);
int_newtype!(
    /// A 0–10 self-rating (soreness, stress).
    Score, u8, "score", 0, 10, "between 0 and 10"
);
float_newtype!(
    /// A distance in kilometres; the file always stores kilometres, the screen may show miles.
    Km, "distance", 0.0, 1000.0, "between 0 and 1000 km"
);
float_newtype!(
    /// Heart-rate variability as RMSSD in milliseconds.
    HrvMs, "HRV", 1.0, 500.0, "between 1 and 500 ms"
);
float_newtype!(
    /// Hours slept last night.
    SleepHours, "sleep", 0.0, 24.0, "between 0 and 24 hours"
);

/// Kilometres per mile, for display only.
pub const KM_PER_MILE: f64 = 1.609_344;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_enforced_at_both_edges() {
        assert!(Rpe::new(0).is_err());
        assert_eq!(Rpe::new(1).map(Rpe::get), Ok(1));
        assert_eq!(Rpe::new(10).map(Rpe::get), Ok(10));
        assert_eq!(
            Rpe::new(11).unwrap_err().to_string(),
            "RPE must be between 1 and 10, got 11"
        );
        assert!(Minutes::new(-5).is_err());
        assert!(Km::new(f64::NAN).is_err());
        assert!(Km::new(-0.1).is_err());
        assert!(SleepHours::new(30.0).is_err());
        assert!(Bpm::new(300).is_err());
        assert!(Bpm::new(0).is_err());
    }
}
