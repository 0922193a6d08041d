//! Training days as the plan file spells them: `"YYYY-MM-DD"`, nothing more, within the
//! years a training plan can hold.
//!
//! jiff reads many spellings of a date (with a time, a zone, a sign, no dashes) and would
//! silently drop what follows the day; a plan file means a day, so anything else is an error
//! that names its place. The years are bounded so that no calendar edge (jiff stops at 9999)
//! is ever reached by week arithmetic, and a typo in the year cannot make a daily series
//! span millennia.

use std::collections::BTreeSet;

use jiff::civil::{Date, date};
use serde::{Deserialize, Deserializer, Serializer};

/// The first and last day a plan may hold.
pub const FIRST: Date = date(1900, 1, 1);
pub const LAST: Date = date(2199, 12, 31);

/// Checks that `day` lies within the years a plan may hold.
///
/// # Errors
/// Says which range the day is outside.
pub fn check(day: Date) -> Result<Date, String> {
    if (FIRST..=LAST).contains(&day) {
        Ok(day)
    } else {
        Err(format!("date {day} is outside {FIRST} to {LAST}"))
    }
}

/// Parses `"YYYY-MM-DD"` exactly.
///
/// # Errors
/// Anything else, or a day that does not exist or lies outside the plan's years.
pub fn parse(text: &str) -> Result<Date, String> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return Err(format!("expected a date as \"YYYY-MM-DD\", got \"{text}\""));
    }
    let day: Date = text
        .parse()
        .map_err(|e| format!("\"{text}\" is not a day of the calendar: {e}"))?;
    check(day)
}

/// For `#[serde(with = "day")]` on a `Date` field.
pub fn serialize<S: Serializer>(day: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(day)
}

/// For `#[serde(with = "day")]` on a `Date` field.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    let text = String::deserialize(d)?;
    parse(&text).map_err(serde::de::Error::custom)
}

/// The same for a set of days (the blocked dates).
pub mod set {
    use super::*;

    pub fn serialize<S: Serializer>(days: &BTreeSet<Date>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(days.iter().map(ToString::to_string))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeSet<Date>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|text| parse(text).map_err(serde::de::Error::custom))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_parse(text: &str, expected: Result<Date, &str>) {
        assert_eq!(parse(text), expected.map_err(str::to_owned), "{text}");
    }

    #[test]
    fn only_plain_days_within_the_plan_years() {
        check_parse("2026-11-24", Ok(date(2026, 11, 24)));
        check_parse("1900-01-01", Ok(FIRST));
        check_parse("2199-12-31", Ok(LAST));
        for odd in [
            "2026-11-24T10:00",
            "2026-11-24 10:00",
            "20261124",
            "+002026-11-24",
            "2026-11-24[Europe/Paris]",
            "26-11-24",
            "",
        ] {
            check_parse(
                odd,
                Err(&format!("expected a date as \"YYYY-MM-DD\", got \"{odd}\"")),
            );
        }
        check_parse(
            "1899-12-31",
            Err("date 1899-12-31 is outside 1900-01-01 to 2199-12-31"),
        );
        check_parse(
            "9999-12-31",
            Err("date 9999-12-31 is outside 1900-01-01 to 2199-12-31"),
        );
        assert!(
            parse("2026-02-30")
                .unwrap_err()
                .starts_with("\"2026-02-30\" is not a day of the calendar")
        );
    }
}
