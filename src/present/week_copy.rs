//! A week put on other weeks, in words: what Paste week here, Repeat this week and Apply
//! template will do (the preview) and did (the message), and why one was refused.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::day_short;
use crate::core::week_copy::{LeftOutWhy, PlaceError, Placement};

/// "1 session", "7 sessions".
pub fn sessions(n: usize) -> String {
    if n == 1 {
        "1 session".to_owned()
    } else {
        format!("{n} sessions")
    }
}

/// The days a placement covers: "the week of Mon 7 Dec", or "Mon 7 Dec to Sun 3 Jan" for
/// several weeks.
pub fn span(placement: &Placement) -> String {
    if placement.weeks.len() <= 1 {
        format!("the week of {}", day_short(placement.first))
    } else {
        format!(
            "{} to {}",
            day_short(placement.first),
            day_short(placement.last)
        )
    }
}

/// What applying it will do, in one line: "Adds 24 sessions from Mon 7 Dec to Sun 3 Jan",
/// "Adds 7 sessions to the week of Mon 7 Dec in place of its 5 planned sessions".
pub fn preview(placement: &Placement) -> String {
    let place = if placement.weeks.len() <= 1 {
        format!("to {}", span(placement))
    } else {
        format!("from {}", span(placement))
    };
    let mut line = format!("Adds {} {place}", sessions(placement.added));
    if placement.removed > 0 {
        line += &format!(
            " in place of its {} still to run",
            sessions(placement.removed)
        );
    }
    line
}

/// The sessions left out, by day and reason: "Left out: Mon 30 Nov and Tue 1 Dec are past
/// (3 sessions); Thu 24 Dec has no time to train (1 session)." `None` when none was.
pub fn left_out(placement: &Placement) -> Option<String> {
    if placement.left_out.is_empty() {
        return None;
    }
    let mut by_why: BTreeMap<u8, (Vec<Date>, usize)> = BTreeMap::new();
    for left in &placement.left_out {
        let key = match left.why {
            LeftOutWhy::Past => 0,
            LeftOutWhy::NoTime => 1,
        };
        let (days, count) = by_why.entry(key).or_default();
        if !days.contains(&left.date) {
            days.push(left.date);
        }
        *count += 1;
    }
    let parts: Vec<String> = by_why
        .into_iter()
        .map(|(key, (days, count))| {
            let (one, many) = match key {
                0 => ("is past", "are past"),
                _ => ("has no time to train", "have no time to train"),
            };
            let verb = if days.len() == 1 { one } else { many };
            format!("{} {verb} ({})", list_days(&days), sessions(count))
        })
        .collect();
    Some(format!("Left out: {}.", parts.join("; ")))
}

/// "Mon 30 Nov", "Mon 30 Nov and Tue 1 Dec", "Mon 30 Nov, Tue 1 Dec and 3 more days".
fn list_days(days: &[Date]) -> String {
    let names: Vec<String> = days.iter().take(2).map(|&d| day_short(d)).collect();
    match days.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, {} and {} more days", names[0], names[1], n - 2),
    }
}

/// When the target already holds sessions: "They go beside the 4 sessions already there;
/// the week's rules warn where they clash." `None` when the weeks were empty or nothing is
/// added.
pub fn beside(placement: &Placement) -> Option<String> {
    (placement.beside > 0 && placement.added > 0).then(|| {
        let there = if placement.beside == 1 {
            "the session already there"
        } else {
            &format!("the {} already there", sessions(placement.beside))
        };
        format!("They go beside {there}; the week's rules warn where they clash.")
    })
}

/// The message after applying: `done` says what ("Pasted", "Applied “Base week”:"), then
/// what changed, what was left out and what stayed beside.
pub fn applied(done: &str, placement: &Placement) -> String {
    let place = if placement.weeks.len() <= 1 {
        format!("onto {}", span(placement))
    } else {
        format!("from {}", span(placement))
    };
    let mut line = format!("{done} {} {place}", sessions(placement.added));
    if placement.removed > 0 {
        line += &format!(", in place of {} still to run", sessions(placement.removed));
    }
    line.push('.');
    for more in [left_out(placement), beside(placement)]
        .into_iter()
        .flatten()
    {
        line.push(' ');
        line += &more;
    }
    line
}

/// Why nothing would change, when a placement adds and removes nothing.
pub fn nothing(placement: &Placement) -> String {
    match left_out(placement) {
        Some(left) => format!("Nothing to add on {}. {left}", span(placement)),
        None => format!("Nothing to add on {}.", span(placement)),
    }
}

/// A refusal in the runner's words.
pub fn refused(error: &PlaceError) -> String {
    match error {
        PlaceError::BeyondPlan { date } => format!(
            "{} is past {}, the last day a plan may hold: nothing was changed.",
            super::day_long(*date),
            super::day_long(crate::core::day::LAST)
        ),
        PlaceError::Empty => "The week has no sessions to put anywhere.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::Edit;
    use crate::core::week_copy::LeftOut;
    use jiff::civil::date;

    fn placement(weeks: usize, added: usize, removed: usize, beside: usize) -> Placement {
        let first = date(2026, 12, 7);
        Placement {
            edit: Edit::Batch(Vec::new()),
            added,
            removed,
            beside,
            left_out: Vec::new(),
            first,
            last: crate::core::week::add_days(first, 7 * weeks as i64 - 1),
            weeks: (0..weeks)
                .map(|k| (crate::core::week::add_days(first, 7 * k as i64), 0))
                .collect(),
        }
    }

    #[test]
    fn previews_say_how_many_and_where() {
        assert_eq!(
            preview(&placement(4, 24, 0, 0)),
            "Adds 24 sessions from Mon 7 Dec to Sun 3 Jan"
        );
        assert_eq!(
            preview(&placement(1, 7, 5, 2)),
            "Adds 7 sessions to the week of Mon 7 Dec in place of its 5 sessions still to run"
        );
        assert_eq!(
            applied("Pasted", &placement(1, 7, 0, 0)),
            "Pasted 7 sessions onto the week of Mon 7 Dec."
        );
        assert_eq!(
            applied("Pasted", &placement(1, 1, 0, 1)),
            "Pasted 1 session onto the week of Mon 7 Dec. They go beside the session already there; the week's rules warn where they clash."
        );
    }

    #[test]
    fn left_out_days_are_named_with_why() {
        let mut p = placement(1, 4, 0, 0);
        let left = |d, why| LeftOut {
            date: date(2026, 12, d),
            title: "Easy".to_owned(),
            why,
        };
        p.left_out = vec![
            left(7, LeftOutWhy::Past),
            left(7, LeftOutWhy::Past),
            left(8, LeftOutWhy::Past),
            left(10, LeftOutWhy::NoTime),
        ];
        assert_eq!(
            left_out(&p).as_deref(),
            Some(
                "Left out: Mon 7 Dec and Tue 8 Dec are past (3 sessions); Thu 10 Dec has no time to train (1 session)."
            )
        );
        assert_eq!(
            refused(&PlaceError::BeyondPlan {
                date: date(2200, 1, 2)
            }),
            "Thursday 2 January 2200 is past Tuesday 31 December 2199, the last day a plan may hold: nothing was changed."
        );
    }
}
