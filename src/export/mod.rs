//! Taking the plan elsewhere: a calendar ([`calendar`], RFC 5545) and a spreadsheet
//! ([`table`], CSV), written to a `String` so that what is exported can be read back and
//! checked; writing it to disk is the caller's, through [`crate::file::save_text`].
//!
//! Pure like the core: no files, no clock (the calendar's time stamp is a parameter). The
//! words come from [`crate::present`], so an exported session reads as the grid shows it.
//!
//! # What is exported
//!
//! The plan's sessions in a range of days, in the plan's order. A session a re-plan dropped
//! is no longer in the plan, so it is never exported; a skipped one is, marked as skipped
//! (a calendar shows it cancelled).
//!
//! # A session's identity in a calendar
//!
//! A calendar updates an event it already holds when a new import carries the same UID.
//! runweek's UID is `session-ID-PLAN@runweek`: ID is the session's id, which never changes
//! while the session lives (moves, edits, saves), and PLAN names the plan by its file name
//! ([`plan_key`]), which saves keep. So importing a newer export of the same plan updates its
//! events instead of adding copies; a plan saved under another name is another calendar.

pub mod calendar;
pub mod table;

use jiff::civil::Date;

use crate::core::plan::Plan;
use crate::core::session::Session;

/// The formats a plan can be exported to as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A calendar (`.ics`).
    Ics,
    /// A spreadsheet (`.csv`).
    Csv,
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Ics => "ics",
            Format::Csv => "csv",
        }
    }
}

/// The days to export, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub from: Date,
    pub to: Date,
}

impl Range {
    /// From `from` to `to`, each defaulting to the plan's first or last day; `None` when the
    /// plan holds nothing to export in it.
    pub fn of(plan: &Plan, from: Option<Date>, to: Option<Date>) -> Option<Range> {
        let (first, last) = plan.date_range()?;
        Some(Range {
            from: from.unwrap_or(first),
            to: to.unwrap_or(last),
        })
    }
}

/// The sessions of `plan` in `range`, in the plan's order.
pub fn select(plan: &Plan, range: Range) -> &[Session] {
    plan.sessions_between(range.from, range.to)
}

/// A plan's name in its sessions' calendar UIDs: 16 hex digits of the FNV-1a hash of the
/// file's name without its extension ("marathon" for `~/plans/marathon.ron`), so the same
/// file gives the same UIDs on every export, wherever its folder is. A plan with no file
/// yet is named "plan".
pub fn plan_key(file_stem: Option<&str>) -> String {
    let name = file_stem.unwrap_or("plan");
    // FNV-1a: fixed and documented, unlike std's hasher, which may change between releases.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The UID of a session's calendar event.
pub fn uid(plan_key: &str, session: &Session) -> String {
    format!("session-{}-{plan_key}@runweek", session.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_key_depends_on_the_name_only() {
        assert_eq!(plan_key(Some("marathon")), plan_key(Some("marathon")));
        assert_ne!(plan_key(Some("marathon")), plan_key(Some("half")));
        assert_eq!(plan_key(None), plan_key(Some("plan")));
        // FNV-1a's published value for the empty input.
        assert_eq!(plan_key(Some("")), "cbf29ce484222325");
        assert_eq!(plan_key(Some("a")), "af63dc4c8601ec8c");
    }
}
