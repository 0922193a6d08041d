//! The readiness rules as a table: for each threshold of [`VerdictRules`], its name in the
//! plan file, its words, its range and where it sits in the rules.
//!
//! The ranges, the field types and how to read and set each value are the core's own
//! ([`VerdictRules::RANGES`], which [`VerdictRules::check`] reads too): this table only
//! adds the words.

use crate::core::settings::{RuleRange, VerdictRules};

/// One threshold: its name in the plan file, its words and its place in the rules.
pub(super) struct Rule {
    pub(super) key: &'static str,
    pub(super) label: &'static str,
    pub(super) unit: &'static str,
}

impl Rule {
    /// The range, type and accessors of this threshold, as the core checks it. Every key
    /// of the table is one of the core's (a test holds it).
    pub(super) fn range(&self) -> &'static RuleRange {
        VerdictRules::range_of(self.key).unwrap_or(&VerdictRules::RANGES[0])
    }
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
            },
            Rule {
                key: "rest_resting_hr_above",
                label: "Rest when resting HR is up",
                unit: "bpm over its baseline",
            },
            Rule {
                key: "hold_back_signals",
                label: "Hold back at",
                unit: "hold-back signals or more",
            },
            Rule {
                key: "carry_signals",
                label: "The day after a Hold back, at",
                unit: "hold-back signals or more",
            },
            Rule {
                key: "push_signals",
                label: "Push at",
                unit: "push signals or more, none holding back",
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
            },
            Rule {
                key: "resting_hr_above",
                label: "Resting HR up",
                unit: "bpm over its baseline",
            },
            Rule {
                key: "hrv_band_sd",
                label: "HRV band: mean ±",
                unit: "sample SD of ln RMSSD",
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
            },
            Rule {
                key: "resting_hr_min_readings",
                label: "Resting-HR baseline needs",
                unit: "readings",
            },
            Rule {
                key: "hrv_baseline_min_readings",
                label: "HRV band needs",
                unit: "readings",
            },
            Rule {
                key: "hrv_recent_days",
                label: "Recent HRV average over",
                unit: "days, today included",
            },
            Rule {
                key: "hrv_min_readings",
                label: "Recent HRV average needs",
                unit: "readings",
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
            },
            Rule {
                key: "carry_over_window_days",
                label: "… within the last",
                unit: "days",
            },
            Rule {
                key: "rpe_trend_days",
                label: "Easy-run RPE trend over",
                unit: "days",
            },
            Rule {
                key: "rpe_trend_min_sessions",
                label: "The trend needs",
                unit: "easy sessions with an RPE",
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
    format!("{}–{}", number(rule.range().min), number(rule.range().max))
}
