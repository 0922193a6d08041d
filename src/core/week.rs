//! A training week: seven days from the plan's week start.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday as JiffWeekday};

use super::settings::WeekStart;

/// Seven consecutive days starting on the plan's week start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week {
    start: Date,
}

impl Week {
    /// The week that holds `date`.
    pub fn containing(date: Date, week_start: WeekStart) -> Week {
        let first = match week_start {
            WeekStart::Monday => JiffWeekday::Monday,
            WeekStart::Sunday => JiffWeekday::Sunday,
        };
        let back = date.weekday().since(first);
        Week {
            start: add_days(date, -i64::from(back)),
        }
    }

    pub fn start(self) -> Date {
        self.start
    }

    pub fn end(self) -> Date {
        add_days(self.start, 6)
    }

    pub fn days(self) -> [Date; 7] {
        std::array::from_fn(|i| add_days(self.start, i as i64))
    }

    pub fn contains(self, date: Date) -> bool {
        self.start <= date && date <= self.end()
    }

    pub fn next(self) -> Week {
        Week {
            start: add_days(self.start, 7),
        }
    }

    pub fn previous(self) -> Week {
        Week {
            start: add_days(self.start, -7),
        }
    }
}

/// `date` moved by `days`, saturating at the ends of jiff's calendar (year -9999 and 9999),
/// which no training plan reaches.
pub fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(days.days())
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    let (a, b) = (a.to_jiff_days(), b.to_jiff_days());
    b - a
}

trait JiffDays {
    fn to_jiff_days(self) -> i64;
}

impl JiffDays for Date {
    // Days since 0000-03-01 by the civil-from-days algorithm, exact for jiff's whole range;
    // cheaper than a span round-trip and never fails.
    fn to_jiff_days(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year()),
            i64::from(self.month()),
            i64::from(self.day()),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn week_containing_respects_week_start() {
        // 2026-11-25 is a Wednesday.
        let wed = date(2026, 11, 25);
        assert_eq!(
            Week::containing(wed, WeekStart::Monday).start(),
            date(2026, 11, 23)
        );
        assert_eq!(
            Week::containing(wed, WeekStart::Sunday).start(),
            date(2026, 11, 22)
        );
        let sun = date(2026, 11, 29);
        assert_eq!(
            Week::containing(sun, WeekStart::Monday).start(),
            date(2026, 11, 23)
        );
        assert_eq!(
            Week::containing(sun, WeekStart::Sunday).start(),
            date(2026, 11, 29)
        );
    }

    #[test]
    fn days_between_counts_across_months_and_leap_years() {
        assert_eq!(days_between(date(2026, 11, 25), date(2026, 12, 2)), 7);
        assert_eq!(days_between(date(2024, 2, 28), date(2024, 3, 1)), 2);
        assert_eq!(days_between(date(2026, 1, 1), date(2025, 1, 1)), -365);
    }
}
