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

/// Form as a signed number with a real minus sign: "+1.3", "−4.2", "−139", "0". Form is in
/// load units (minutes × RPE), so past ±10 a decimal only pretends to precision.
pub(super) fn signed(x: f64) -> String {
    let digits = if x.abs() >= 9.95 { 0 } else { 1 };
    let text = format!("{:.*}", digits, x.abs());
    if text.trim_start_matches(['0', '.']).is_empty() {
        "0".to_owned()
    } else if x > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
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
