//! The small words of the re-planner in the window: weekdays, lists, signed form, a
//! session's kind and title, a reason without the half its card already shows. They are
//! text only, shared by the proposal, the offers and the push offer.

use crate::core::session::Session;

/// The reason without its first half, which the card already shows: "Tempo moved Thu → Fri:
/// Thu follows today's hold-back day" → "Thu follows today's hold-back day".
pub(super) fn why(reason: &str) -> String {
    match reason.split_once(": ") {
        Some((_, why)) if !why.is_empty() => capitalized(why),
        _ => reason.to_owned(),
    }
}

pub(super) fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) use super::super::format::weekday;

/// `Tempo “3 x 10 min at threshold”`, or `Easy` for a session without a title.
pub(super) fn kind_and_title(s: &Session) -> String {
    if s.title.trim().is_empty() {
        s.kind.label().to_owned()
    } else {
        format!("{} “{}”", s.kind.label(), s.title.trim())
    }
}

/// "a", "a and b", "a, b and c".
pub(super) fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
