//! The verdict's rules in words, with the thresholds in force: what the "Why?" view states.

use crate::core::readiness::When;
use crate::core::settings::VerdictRules;

/// The rules in words, with the thresholds in force, for the "Why?" view.
pub fn rule_lines(rules: &VerdictRules) -> Vec<String> {
    let r = rules;
    vec![
        format!(
            "Rest: feeling unwell, or resting HR at least {} bpm above its baseline, or {} \
             or more hold-back signals.",
            r.rest_resting_hr_above, r.rest_signals
        ),
        format!(
            "Hold back: {} or more hold-back signals, or {} or more on the day after a Hold \
             back or Rest day (fatigue carried over from yesterday).",
            r.hold_back_signals, r.carry_signals
        ),
        format!(
            "Each marker counts as one hold-back signal: heart rate at easy effort at least {} \
             bpm above the easy HR you expect; resting HR at least {} bpm above its baseline; \
             the {}-day mean of ln RMSSD (HRV) below its usual band.",
            r.easy_hr_above, r.resting_hr_above, r.hrv_recent_days
        ),
        format!(
            "Push: {} or more push signals and no hold-back signal.",
            r.push_signals
        ),
        "As planned: everything else. A warm-up check marked \"improving as I go\" lifts Hold \
         back to As planned, never to Push."
            .to_owned(),
        "The warm-up check decides over the morning check; numbers it lacks come from the \
         morning check of the same day. A logged easy-effort HR replaces the heart-rate click."
            .to_owned(),
        format!(
            "Resting-HR baseline: the mean of the previous {} days' readings, needing at least \
             {}; until then \"no baseline yet\", not counted.",
            r.baseline_days, r.resting_hr_min_readings
        ),
        format!(
            "HRV band: mean ± {} sample SD of daily ln RMSSD over the previous {} days (at \
             least {} readings), compared with the mean of the last {} days including today \
             (at least {} readings); until then \"no baseline yet\", not counted.",
            r.hrv_band_sd,
            r.baseline_days,
            r.hrv_baseline_min_readings,
            r.hrv_recent_days,
            r.hrv_min_readings
        ),
        format!(
            "Fatigue is carrying over: {} or more Hold back or Rest days in the last {} days, \
             or the RPE of easy sessions (Easy, Recovery) rising over the last {} days \
             (least-squares slope above 0, at least {} sessions).",
            r.carry_over_hold_back_days,
            r.carry_over_window_days,
            r.rpe_trend_days,
            r.rpe_trend_min_sessions
        ),
    ]
}

/// How a felt signal reads in a day's reasons: (hold-back side, push side). A morning check
/// is made before the run, so its words are about the morning and the last run; a warm-up
/// check's about the first minutes of this one (the article's table).
pub(super) struct SignalWords {
    pub legs: (&'static str, &'static str),
    pub breathing: (&'static str, &'static str),
    pub stride: (&'static str, &'static str),
}

pub(super) fn signal_words(when: When) -> SignalWords {
    match when {
        When::Morning => SignalWords {
            legs: (
                "Legs feel heavy already this morning",
                "Legs feel springy, not just rested",
            ),
            breathing: (
                "Breathing was laboured at moderate effort on the last run",
                "Breathing stayed controlled at moderate effort on the last run",
            ),
            stride: (
                "First steps feel stiff, less smooth",
                "First steps feel light and easy",
            ),
        },
        When::WarmUp => SignalWords {
            legs: (
                "Legs feel heavy early in the run",
                "Legs feel responsive, not just rested",
            ),
            breathing: (
                "Breathing is laboured at moderate effort",
                "Breathing stays controlled at moderate effort",
            ),
            stride: (
                "Stride feels less controlled, less smooth",
                "Stride feels smooth and controlled",
            ),
        },
    }
}
