//! The calendar export (RFC 5545, `.ics`): one event per session, written with the
//! `icalendar` crate so that escaping and line folding are done by the book.
//!
//! Each event is all-day on the session's date, or, when the plan's settings give a
//! [`calendar_time`](crate::core::settings::Settings::calendar_time), starts then and lasts
//! the planned minutes. That time is "floating" (RFC 5545 §3.3.5): 06:30 wherever the runner
//! is, as a training plan means it. A rest day of no minutes stays all-day.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use jiff::Timestamp;
use jiff::civil::{Date, Time};

use crate::core::plan::Plan;
use crate::core::session::{Done, Session};
use crate::present;

/// What the calendar needs besides the sessions.
#[derive(Debug, Clone)]
pub struct CalendarOptions {
    /// The plan's name in the UIDs ([`super::plan_key`]).
    pub plan_key: String,
    /// The calendar's name as a calendar program lists it.
    pub name: String,
    /// When the export was made (each event's `DTSTAMP`); a parameter so that the same plan
    /// exported at the same moment gives the same bytes.
    pub stamp: Timestamp,
}

/// The calendar of `sessions` (of `plan`, for its settings).
///
/// # Errors
/// A date or time the calendar cannot hold; a valid plan has none.
pub fn write(
    plan: &Plan,
    sessions: &[Session],
    options: &CalendarOptions,
) -> Result<String, String> {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            concat!("-//runweek//runweek ", env!("CARGO_PKG_VERSION"), "//EN"),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .name(&text(&options.name));
    let stamp = utc(options.stamp)?;
    for session in sessions {
        calendar.push(event(plan, session, options, stamp)?);
    }
    Ok(calendar.to_string())
}

fn event(
    plan: &Plan,
    session: &Session,
    options: &CalendarOptions,
    stamp: DateTime<Utc>,
) -> Result<Event, String> {
    let units = plan.settings.units;
    let mut event = Event::new();
    event
        .uid(&super::uid(&options.plan_key, session))
        .timestamp(stamp)
        .summary(&text(&present::session_line(session, units)))
        .description(&text(&description(session, units)))
        .status(if session.is_skipped() {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    let day = naive_date(session.date)?;
    match plan.settings.calendar_time {
        Some(time) if session.minutes.get() > 0 => {
            let start = day.and_time(naive_time(time)?);
            let end = start
                .checked_add_signed(TimeDelta::minutes(i64::from(session.minutes.get())))
                .ok_or_else(|| format!("session {} ends past the calendar's end", session.id))?;
            event.starts(start).ends(end);
        }
        _ => {
            // An all-day event ends on the next day: DTEND is not included (RFC 5545 §3.6.1).
            let next = day
                .succ_opt()
                .ok_or_else(|| format!("session {} is on the calendar's last day", session.id))?;
            event.starts(day).ends(next);
        }
    }
    Ok(event.done())
}

/// The event's description: the title, what is planned, the notes, and what was run.
fn description(session: &Session, units: crate::core::settings::Units) -> String {
    let mut lines = Vec::new();
    if !session.title.trim().is_empty() {
        lines.push(session.title.clone());
    }
    let mut planned = format!(
        "Planned: {} {}",
        session.kind,
        present::minutes(u32::from(session.minutes.get()))
    );
    if let Some(km) = session.distance_km {
        planned += &format!(", {}", present::distance(km.get(), units));
    }
    planned += &format!(", RPE {}", session.planned_rpe());
    if session.rpe.is_none() {
        planned += " (the kind's usual)";
    }
    lines.push(planned);
    if session.key {
        lines.push("Key session of the week.".to_owned());
    }
    if !session.notes.trim().is_empty() {
        lines.push(session.notes.clone());
    }
    match &session.done {
        Some(Done::Done(run)) => lines.push(format!("Done: {}", present::done_run(run, units))),
        Some(Done::Skipped) => lines.push("Skipped.".to_owned()),
        None => {}
    }
    lines.join("\n")
}

/// Text with its line ends as RFC 5545 escapes them: `\n` only (a `\r` would reach the file
/// unescaped and end the line early).
fn text(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn naive_date(day: Date) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(
        i32::from(day.year()),
        u32::try_from(day.month()).unwrap_or(0),
        u32::try_from(day.day()).unwrap_or(0),
    )
    .ok_or_else(|| format!("{day} is outside the calendar's dates"))
}

fn naive_time(time: Time) -> Result<NaiveTime, String> {
    NaiveTime::from_hms_opt(
        u32::try_from(time.hour()).unwrap_or(24),
        u32::try_from(time.minute()).unwrap_or(60),
        0,
    )
    .ok_or_else(|| format!("{time} is not a time of day"))
}

fn utc(stamp: Timestamp) -> Result<DateTime<Utc>, String> {
    DateTime::from_timestamp(stamp.as_second(), 0)
        .ok_or_else(|| format!("{stamp} is outside the calendar's times"))
}
