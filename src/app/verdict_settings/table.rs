//! The readiness rules as a table: for each threshold of [`VerdictRules`], its name in the
//! plan file, its words, its range and where it sits in the rules.
//!
//! The ranges repeat those of [`VerdictRules::check`] (the core has no constants for them
//! yet); the test `ranges_agree_with_the_rules_own_check` holds the two in step.

use crate::core::verdict::VerdictRules;

/// One threshold: its name in the plan file, its words, its range (as
/// [`VerdictRules::check`] has it) and its place in the rules.
pub(super) struct Rule {
    pub(super) key: &'static str,
    pub(super) label: &'static str,
    pub(super) unit: &'static str,
    pub(super) lo: f64,
    pub(super) hi: f64,
    /// The type of the field, which bounds what can be typed before the range is checked.
    pub(super) kind: Kind,
    pub(super) get: fn(&VerdictRules) -> f64,
    pub(super) set: fn(&mut VerdictRules, f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    U8,
    U16,
    Decimal,
}

/// Narrows a whole number already checked to fit its field's type.
fn to_u8(v: f64) -> u8 {
    u8::try_from(v as i64).unwrap_or(u8::MAX)
}

fn to_u16(v: f64) -> u16 {
    u16::try_from(v as i64).unwrap_or(u16::MAX)
}

/// The rules in groups, in the order the "Why?" view states them.
pub(super) const GROUPS: [(&str, &[Rule]); 4] = [
    (
        "The verdict",
        &[
            Rule {
                key: "rest_signals",
                label: "Rest at",
                unit: "hold-back signals or more",
                lo: 1.0,
                hi: 8.0,
                kind: Kind::U8,
                get: |r| f64::from(r.rest_signals),
                set: |r, v| r.rest_signals = to_u8(v),
            },
            Rule {
                key: "rest_resting_hr_above",
                label: "Rest when resting HR is up",
                unit: "bpm over its baseline",
                lo: 1.0,
                hi: 100.0,
                kind: Kind::U8,
                get: |r| f64::from(r.rest_resting_hr_above),
                set: |r, v| r.rest_resting_hr_above = to_u8(v),
            },
            Rule {
                key: "hold_back_signals",
                label: "Hold back at",
                unit: "hold-back signals or more",
                lo: 1.0,
                hi: 8.0,
                kind: Kind::U8,
                get: |r| f64::from(r.hold_back_signals),
                set: |r, v| r.hold_back_signals = to_u8(v),
            },
            Rule {
                key: "carry_signals",
                label: "The day after a Hold back, at",
                unit: "hold-back signals or more",
                lo: 1.0,
                hi: 8.0,
                kind: Kind::U8,
                get: |r| f64::from(r.carry_signals),
                set: |r, v| r.carry_signals = to_u8(v),
            },
            Rule {
                key: "push_signals",
                label: "Push at",
                unit: "push signals or more, none holding back",
                lo: 1.0,
                hi: 6.0,
                kind: Kind::U8,
                get: |r| f64::from(r.push_signals),
                set: |r, v| r.push_signals = to_u8(v),
            },
        ],
    ),
    (
        "Markers (one hold-back signal each)",
        &[
            Rule {
                key: "easy_hr_above",
                label: "Easy-effort HR up",
                unit: "bpm over the HR you expect",
                lo: 1.0,
                hi: 100.0,
                kind: Kind::U8,
                get: |r| f64::from(r.easy_hr_above),
                set: |r, v| r.easy_hr_above = to_u8(v),
            },
            Rule {
                key: "resting_hr_above",
                label: "Resting HR up",
                unit: "bpm over its baseline",
                lo: 1.0,
                hi: 100.0,
                kind: Kind::U8,
                get: |r| f64::from(r.resting_hr_above),
                set: |r, v| r.resting_hr_above = to_u8(v),
            },
            Rule {
                key: "hrv_band_sd",
                label: "HRV band: mean ±",
                unit: "sample SD of ln RMSSD",
                lo: 0.0,
                hi: 5.0,
                kind: Kind::Decimal,
                get: |r| r.hrv_band_sd,
                set: |r, v| r.hrv_band_sd = v,
            },
        ],
    ),
    (
        "Baselines",
        &[
            Rule {
                key: "baseline_days",
                label: "Baselines over",
                unit: "previous days",
                lo: 2.0,
                hi: 365.0,
                kind: Kind::U16,
                get: |r| f64::from(r.baseline_days),
                set: |r, v| r.baseline_days = to_u16(v),
            },
            Rule {
                key: "resting_hr_min_readings",
                label: "Resting-HR baseline needs",
                unit: "readings",
                lo: 1.0,
                hi: 365.0,
                kind: Kind::U16,
                get: |r| f64::from(r.resting_hr_min_readings),
                set: |r, v| r.resting_hr_min_readings = to_u16(v),
            },
            Rule {
                key: "hrv_baseline_min_readings",
                label: "HRV band needs",
                unit: "readings",
                lo: 2.0,
                hi: 365.0,
                kind: Kind::U16,
                get: |r| f64::from(r.hrv_baseline_min_readings),
                set: |r, v| r.hrv_baseline_min_readings = to_u16(v),
            },
            Rule {
                key: "hrv_recent_days",
                label: "Recent HRV average over",
                unit: "days, today included",
                lo: 1.0,
                hi: 365.0,
                kind: Kind::U16,
                get: |r| f64::from(r.hrv_recent_days),
                set: |r, v| r.hrv_recent_days = to_u16(v),
            },
            Rule {
                key: "hrv_min_readings",
                label: "Recent HRV average needs",
                unit: "readings",
                lo: 1.0,
                hi: 365.0,
                kind: Kind::U16,
                get: |r| f64::from(r.hrv_min_readings),
                set: |r, v| r.hrv_min_readings = to_u16(v),
            },
        ],
    ),
    (
        "Fatigue carrying over",
        &[
            Rule {
                key: "carry_over_hold_back_days",
                label: "Carrying over at",
                unit: "Hold back or Rest days",
                lo: 1.0,
                hi: 365.0,
                kind: Kind::U16,
                get: |r| f64::from(r.carry_over_hold_back_days),
                set: |r, v| r.carry_over_hold_back_days = to_u16(v),
            },
            Rule {
                key: "carry_over_window_days",
                label: "… within the last",
                unit: "days",
                lo: 1.0,
                hi: 365.0,
                kind: Kind::U16,
                get: |r| f64::from(r.carry_over_window_days),
                set: |r, v| r.carry_over_window_days = to_u16(v),
            },
            Rule {
                key: "rpe_trend_days",
                label: "Easy-run RPE trend over",
                unit: "days",
                lo: 2.0,
                hi: 365.0,
                kind: Kind::U16,
                get: |r| f64::from(r.rpe_trend_days),
                set: |r, v| r.rpe_trend_days = to_u16(v),
            },
            Rule {
                key: "rpe_trend_min_sessions",
                label: "The trend needs",
                unit: "easy sessions with an RPE",
                lo: 2.0,
                hi: 365.0,
                kind: Kind::U16,
                get: |r| f64::from(r.rpe_trend_min_sessions),
                set: |r, v| r.rpe_trend_min_sessions = to_u16(v),
            },
        ],
    ),
];

pub(super) fn rules() -> impl Iterator<Item = &'static Rule> {
    GROUPS.iter().flat_map(|(_, rules)| rules.iter())
}

pub(super) fn number(v: f64) -> String {
    // Whole values print without a decimal point; the band width keeps its decimals.
    v.to_string()
}

pub(super) fn range(rule: &Rule) -> String {
    format!("{}–{}", number(rule.lo), number(rule.hi))
}
