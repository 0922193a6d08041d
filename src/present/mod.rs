//! The runner's words and numbers, shared by the window and the command line so that the
//! two never disagree: distances in the chosen units, durations, loads, days as
//! "Wed 25 Nov", and the sentences both say ([`day_limit`], [`past_day`], [`reach`]).
//!
//! No egui here: the window draws these strings, the command line prints them.

pub mod activity;
pub mod block;
pub mod day;
pub mod form;
pub mod review;
pub mod week_copy;

use jiff::civil::Date;

use crate::core::replan::{DayLimit, Window};
use crate::core::session::{DoneRun, Session};
use crate::core::week::add_days;

use crate::core::settings::Units;
use crate::core::units::KM_PER_MILE;

/// A distance stored in kilometres, in the chosen units.
pub fn distance(km: f64, units: Units) -> String {
    match units {
        Units::Km => format!("{km:.1} km"),
        Units::Mi => format!("{:.1} mi", km / KM_PER_MILE),
    }
}

/// The number to put in an editor field for a distance stored in kilometres.
pub fn distance_number(km: f64, units: Units) -> String {
    let value = match units {
        Units::Km => km,
        Units::Mi => km / KM_PER_MILE,
    };
    // Two decimals at most, without trailing zeros: "8", "10.5", "6.21".
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A distance typed in the chosen units, back in kilometres.
pub fn to_km(value: f64, units: Units) -> f64 {
    match units {
        Units::Km => value,
        Units::Mi => value * KM_PER_MILE,
    }
}

pub fn unit_label(units: Units) -> &'static str {
    match units {
        Units::Km => "km",
        Units::Mi => "mi",
    }
}

/// Minutes for a card: "45 min".
pub fn minutes(m: u32) -> String {
    format!("{m} min")
}

/// Minutes for a total: "45 min", "6 h 05 min".
pub fn duration(m: u32) -> String {
    if m < 60 {
        format!("{m} min")
    } else {
        format!("{} h {:02} min", m / 60, m % 60)
    }
}

/// A training load (minutes × RPE), rounded: loads are estimates.
pub fn load(load: f64) -> String {
    format!("{:.0}", load.round())
}

/// "Wed 25 Nov".
pub fn day_short(date: Date) -> String {
    date.strftime("%a %-d %b").to_string()
}

/// When a re-plan's window reaches into the next week for its key session: "This re-plan
/// reaches Tue 8 Dec (next key session)". `None` for a window inside its week.
pub fn reach(window: &Window) -> Option<String> {
    window.crosses_week().then(|| {
        format!(
            "This re-plan reaches {} (next key session)",
            day_short(window.last)
        )
    })
}

/// "Wed 25": a day where the month is plain from around it (a narrow week's headers).
pub fn day_tight(date: Date) -> String {
    date.strftime("%a %-d").to_string()
}

/// "Wednesday 25 November 2026".
pub fn day_long(date: Date) -> String {
    date.strftime("%A %-d %B %Y").to_string()
}

/// "Thu".
pub fn weekday(date: Date) -> String {
    date.strftime("%a").to_string()
}

/// What a Hold back or Rest verdict on `day` allows, in one sentence: "Only easy sessions
/// today, and nothing hard tomorrow except a key session." `None` when the day has no limit.
pub fn day_limit(limit: DayLimit, day: Date, today: Date) -> Option<String> {
    let (when, next) = if day == today {
        ("today".to_owned(), "tomorrow".to_owned())
    } else {
        (
            format!("on {}", weekday(day)),
            format!("on {}", weekday(add_days(day, 1))),
        )
    };
    let rule = match limit {
        DayLimit::None => return None,
        DayLimit::EasyOnly => format!("Only easy sessions {when}"),
        DayLimit::RestOnly => format!("Nothing but rest {when}"),
    };
    Some(format!(
        "{rule}, and nothing hard {next} except a key session."
    ))
}

/// Why a session still to run may not go onto `day`, if `day` is over: the one rule every
/// way of moving a session keeps (a drag, the editor's day field, the command line).
pub fn past_day(day: Date, today: Date) -> Option<String> {
    (day < today).then(|| {
        format!(
            "{} is past: a session still to run goes on today or a later day; log it as done to record it on a past day.",
            day_short(day)
        )
    })
}

/// A session in one line, as a calendar lists it: "Tempo 50 min · 10.0 km ★"; a rest day
/// of no minutes is just "Rest".
pub fn session_line(session: &Session, units: Units) -> String {
    let mut line = session.kind.label().to_owned();
    if session.minutes.get() > 0 {
        line += &format!(" {}", minutes(u32::from(session.minutes.get())));
    }
    if let Some(km) = session.distance_km {
        line += &format!(" · {}", distance(km.get(), units));
    }
    if session.key {
        line += " ★";
    }
    line
}

/// What was run: "47 min, 8.1 km, RPE 3, average HR 139 bpm".
pub fn done_run(run: &DoneRun, units: Units) -> String {
    let mut line = minutes(u32::from(run.minutes.get()));
    if let Some(km) = run.distance_km {
        line += &format!(", {}", distance(km.get(), units));
    }
    if let Some(rpe) = run.rpe {
        line += &format!(", RPE {rpe}");
    }
    if let Some(hr) = run.avg_hr {
        line += &format!(", average HR {hr} bpm");
    }
    line
}

/// "23 – 29 Nov 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027".
pub fn week_range(start: Date, end: Date) -> String {
    if start.year() != end.year() {
        format!(
            "{} – {}",
            start.strftime("%-d %b %Y"),
            end.strftime("%-d %b %Y")
        )
    } else if start.month() != end.month() {
        format!(
            "{} – {}",
            start.strftime("%-d %b"),
            end.strftime("%-d %b %Y")
        )
    } else {
        format!("{} – {}", start.day(), end.strftime("%-d %b %Y"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn check(actual: String, expected: &str) {
        assert_eq!(actual, expected);
    }

    #[test]
    fn numbers_read_as_a_runner_writes_them() {
        check(distance(8.0, Units::Km), "8.0 km");
        check(distance(16.09344, Units::Mi), "10.0 mi");
        check(distance_number(8.0, Units::Km), "8");
        check(distance_number(10.5, Units::Km), "10.5");
        check(distance_number(10.0, Units::Mi), "6.21");
        check(duration(45), "45 min");
        check(duration(365), "6 h 05 min");
        check(load(1234.5), "1235");
    }

    #[test]
    fn the_limit_of_a_bad_day_reads_the_same_wherever_it_is_said() {
        let thu = date(2026, 11, 26);
        check(
            day_limit(DayLimit::EasyOnly, thu, thu).unwrap_or_default(),
            "Only easy sessions today, and nothing hard tomorrow except a key session.",
        );
        check(
            day_limit(DayLimit::RestOnly, thu, date(2026, 11, 25)).unwrap_or_default(),
            "Nothing but rest on Thu, and nothing hard on Fri except a key session.",
        );
        assert_eq!(day_limit(DayLimit::None, thu, thu), None);
        check(
            past_day(date(2026, 11, 23), thu).unwrap_or_default(),
            "Mon 23 Nov is past: a session still to run goes on today or a later day; log it as done to record it on a past day.",
        );
        assert_eq!(past_day(thu, thu), None);
    }

    #[test]
    fn dates_read_short_and_long() {
        check(day_short(date(2026, 11, 25)), "Wed 25 Nov");
        check(day_tight(date(2026, 11, 30)), "Mon 30");
        check(day_long(date(2026, 11, 25)), "Wednesday 25 November 2026");
        check(
            week_range(date(2026, 11, 23), date(2026, 11, 29)),
            "23 – 29 Nov 2026",
        );
        check(
            week_range(date(2026, 11, 30), date(2026, 12, 6)),
            "30 Nov – 6 Dec 2026",
        );
        check(
            week_range(date(2026, 12, 28), date(2027, 1, 3)),
            "28 Dec 2026 – 3 Jan 2027",
        );
    }
}
