//! The day's verdict — Push, As planned, Hold back or Rest — with its reasons.

use serde::{Deserialize, Serialize};

/// Every threshold of the verdict rules, with the product's defaults. Saved in the plan file
/// so that a runner's own thresholds travel with the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VerdictRules {
    /// Rest when this many hold-back signals (or more) are logged.
    pub rest_signals: u8,
    /// Rest when resting HR is at least this far above its baseline (bpm).
    pub rest_resting_hr_above: u8,
    /// Hold back when this many hold-back signals (or more) are logged.
    pub hold_back_signals: u8,
    /// Easy-effort HR at least this far above the expected one counts as a hold-back signal.
    pub easy_hr_above: u8,
    /// Resting HR at least this far above its baseline counts as a hold-back signal.
    pub resting_hr_above: u8,
    /// Push needs this many push signals and no hold-back signal.
    pub push_signals: u8,
    /// Days of history behind the resting-HR and HRV baselines.
    pub baseline_days: u16,
    /// Readings the resting-HR baseline needs before it counts.
    pub resting_hr_min_readings: u16,
    /// Days in the recent HRV mean compared with the baseline band.
    pub hrv_recent_days: u16,
    /// Readings the recent HRV mean needs before it counts.
    pub hrv_min_readings: u16,
    /// Half-width of the HRV band, in sample standard deviations of daily ln RMSSD.
    pub hrv_band_sd: f64,
}

impl Default for VerdictRules {
    fn default() -> Self {
        VerdictRules {
            rest_signals: 4,
            rest_resting_hr_above: 10,
            hold_back_signals: 2,
            easy_hr_above: 5,
            resting_hr_above: 5,
            push_signals: 3,
            baseline_days: 28,
            resting_hr_min_readings: 7,
            hrv_recent_days: 7,
            hrv_min_readings: 3,
            hrv_band_sd: 0.5,
        }
    }
}

/// The day's call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Push,
    AsPlanned,
    HoldBack,
    Rest,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Push => "Push",
            Verdict::AsPlanned => "As planned",
            Verdict::HoldBack => "Hold back",
            Verdict::Rest => "Rest",
        }
    }
}
