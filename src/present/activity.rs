//! An imported activity and what the import does with it, in words: the preview window and
//! `runweek import` say the same.

use crate::core::activity::Activity;
use crate::core::import::{Action, LearnedEasyHr};
use crate::core::settings::Units;

/// "Sun 11 Jun 2017 14:34".
pub fn start(activity: &Activity) -> String {
    activity.start.strftime("%a %-d %b %Y %H:%M").to_string()
}

/// Timer minutes as a whole number, at least 1 (what the session will hold).
pub fn minutes(activity: &Activity) -> String {
    format!("{:.0} min", activity.minutes.round().max(1.0))
}

/// The distance, or "—" when the file has none.
pub fn distance(activity: &Activity, units: Units) -> String {
    activity
        .distance_km
        .map_or_else(|| "—".to_owned(), |km| super::distance(km, units))
}

/// "avg HR 143", or "no HR".
pub fn avg_hr(activity: &Activity) -> String {
    activity
        .hr
        .avg
        .map_or_else(|| "no HR".to_owned(), |hr| format!("avg HR {hr}"))
}

/// "Run on Sun 11 Jun 2017 14:34, 1 min, 0.2 km, avg HR 90".
pub fn summary(activity: &Activity, units: Units) -> String {
    format!(
        "{} on {}, {}, {}, {}",
        activity.sport,
        start(activity),
        minutes(activity),
        distance(activity, units),
        avg_hr(activity)
    )
}

/// "fills session 12", "added as session 15", "already imported (session 12)".
pub fn action(action: Action) -> String {
    match action {
        Action::Matched(id) => format!("fills planned session {id}"),
        Action::Added(id) => format!("added as session {id}"),
        Action::Duplicate(id) => format!("already imported (session {id})"),
    }
}

/// "Learned from 7 easy runs: 142 bpm".
pub fn learned_easy_hr(learned: LearnedEasyHr) -> String {
    format!(
        "Learned from {} easy runs: {} bpm",
        learned.runs, learned.bpm
    )
}
