//! An activity recorded by a watch, as the importer sees it once its file is read: the sport,
//! the local start, the timer minutes, the distance and what its heart rate says.
//!
//! The heart-rate figures are time-weighted: a sample counts for as long as it held, until the
//! next one. A watch records every second while running steadily but only every few seconds
//! ("smart recording") when little changes, so a plain mean of the samples would weigh the
//! changing stretches more than the steady ones. A gap longer than [`MAX_HR_GAP_S`] (the strap
//! lost contact, the watch paused) counts for nothing rather than for the last value.
//!
//! The warm-up window is minutes 0–10 of the run and the settled window minutes 10–15, in
//! elapsed time from the start: the article reads the first 10–15 minutes of an easy run as
//! the warm-up check, and from minute 10 on the heart rate of an easy run has settled.

use std::fmt;

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};

use super::units::Bpm;

/// The sports a watch file can name, as far as a running plan cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Sport {
    Run,
    Ride,
    Walk,
    Swim,
    Row,
    Other,
}

impl Sport {
    pub fn label(self) -> &'static str {
        match self {
            Sport::Run => "Run",
            Sport::Ride => "Ride",
            Sport::Walk => "Walk",
            Sport::Swim => "Swim",
            Sport::Row => "Row",
            Sport::Other => "Other",
        }
    }

    /// The sport a file's own word names (FIT's `running`, TCX's `Running`, GPX's free
    /// `<type>`), case and separators ignored; anything not known is [`Sport::Other`].
    pub fn from_name(name: &str) -> Sport {
        let name: String = name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            "run" | "running" | "trailrunning" | "treadmillrunning" | "trackrunning"
            | "streetrunning" | "virtualrun" | "trailrun" | "9" => Sport::Run,
            "ride" | "cycling" | "biking" | "bike" | "roadbiking" | "mountainbiking"
            | "virtualride" | "indoorcycling" | "ebikeride" => Sport::Ride,
            "walk" | "walking" | "hiking" | "hike" => Sport::Walk,
            "swim" | "swimming" | "lapswimming" | "openwater" | "openwaterswimming" => Sport::Swim,
            "row" | "rowing" | "indoorrowing" => Sport::Row,
            _ => Sport::Other,
        }
    }
}

impl fmt::Display for Sport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A heart-rate sample longer ago than this (seconds) before the next one is a gap, not a
/// steady reading: it counts for this long at most.
pub const MAX_HR_GAP_S: f64 = 30.0;

/// Minutes 0–10 of the run, in seconds from its start.
pub const WARMUP_WINDOW_S: (f64, f64) = (0.0, 600.0);
/// Minutes 10–15 of the run, in seconds from its start.
pub const SETTLED_WINDOW_S: (f64, f64) = (600.0, 900.0);

/// A window's average counts only when heart rate covers at least this share of it: two
/// readings at minute 14 say nothing about minutes 10–15.
const MIN_WINDOW_COVERAGE: f64 = 0.5;

/// One heart-rate reading, `at_s` seconds after the activity's start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HrSample {
    pub at_s: f64,
    pub bpm: u8,
}

/// What an activity's heart rate says, every figure time-weighted (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct HrSummary {
    pub avg: Option<u8>,
    pub max: Option<u8>,
    /// Minutes 0–10.
    pub warmup: Option<u8>,
    /// Minutes 10–15.
    pub settled: Option<u8>,
}

/// Summarises the samples of an activity that lasted `end_s` seconds. Samples need not be
/// sorted; readings of 0 (no contact) and samples outside the activity are left out.
pub fn hr_summary(samples: &[HrSample], end_s: f64) -> HrSummary {
    let mut samples: Vec<HrSample> = samples
        .iter()
        .copied()
        .filter(|s| s.bpm > 0 && s.at_s.is_finite() && s.at_s >= 0.0 && s.at_s <= end_s)
        .collect();
    samples.sort_by(|a, b| a.at_s.total_cmp(&b.at_s));
    // Each sample holds until the next one, a gap counting for `MAX_HR_GAP_S` at most; the
    // last holds until the end.
    let spans: Vec<(f64, f64, f64)> = samples
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let next = samples.get(i + 1).map_or(end_s, |n| n.at_s);
            let until = next.min(s.at_s + MAX_HR_GAP_S);
            (s.at_s, until.max(s.at_s), f64::from(s.bpm))
        })
        .collect();
    let mean_over = |(from, to): (f64, f64), min_cover: f64| -> Option<u8> {
        let (mut weight, mut sum) = (0.0, 0.0);
        for &(a, b, bpm) in &spans {
            let w = b.min(to) - a.max(from);
            if w > 0.0 {
                weight += w;
                sum += w * bpm;
            }
        }
        (weight > 0.0 && weight >= min_cover * (to - from)).then(|| round_bpm(sum / weight))
    };
    let whole = mean_over((0.0, end_s.max(0.0)), 0.0).or_else(|| {
        // A run of samples all at one instant (a file of one point) has no duration to
        // weigh by: their plain mean is all there is.
        (!samples.is_empty()).then(|| {
            let sum: f64 = samples.iter().map(|s| f64::from(s.bpm)).sum();
            round_bpm(sum / samples.len() as f64)
        })
    });
    HrSummary {
        avg: whole,
        max: samples.iter().map(|s| s.bpm).max(),
        warmup: mean_over(WARMUP_WINDOW_S, MIN_WINDOW_COVERAGE),
        settled: mean_over(SETTLED_WINDOW_S, MIN_WINDOW_COVERAGE),
    }
}

fn round_bpm(x: f64) -> u8 {
    // A mean of u8 readings lies within u8.
    x.round().clamp(0.0, 255.0) as u8
}

/// One activity read from a file, in the runner's local time.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub sport: Sport,
    /// The local start: its date is the day the activity belongs to.
    pub start: DateTime,
    /// Timer (moving) minutes, never elapsed time: a coffee stop is not training.
    pub minutes: f64,
    pub distance_km: Option<f64>,
    pub hr: HrSummary,
}

impl Activity {
    /// What the plan keeps of it: its identity and the heart-rate figures a session's
    /// minutes, distance and average HR do not already hold.
    pub fn record(&self) -> ActivityRecord {
        let bpm = |v: Option<u8>| v.and_then(|b| Bpm::new(i64::from(b)).ok());
        ActivityRecord {
            sport: self.sport,
            start: self.start,
            max_hr: bpm(self.hr.max),
            warmup_hr: bpm(self.hr.warmup),
            settled_hr: bpm(self.hr.settled),
        }
    }
}

/// An imported activity as the plan file remembers it on its session. Sport and start are
/// its identity: importing a file again finds it and changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityRecord {
    pub sport: Sport,
    /// The local start, to the second.
    pub start: DateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_hr: Option<Bpm>,
    /// Average HR over minutes 0–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warmup_hr: Option<Bpm>,
    /// Average HR over minutes 10–15: the easy-effort HR of an easy run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled_hr: Option<Bpm>,
}

impl ActivityRecord {
    /// The identity two imports of one activity share.
    pub fn identity(&self) -> (Sport, DateTime) {
        (self.sport, self.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples(points: &[(f64, u8)]) -> Vec<HrSample> {
        points
            .iter()
            .map(|&(at_s, bpm)| HrSample { at_s, bpm })
            .collect()
    }

    fn check(points: &[(f64, u8)], end_s: f64, expected: HrSummary) {
        assert_eq!(hr_summary(&samples(points), end_s), expected, "{points:?}");
    }

    #[test]
    fn weighs_each_reading_by_how_long_it_held() {
        // 120 for 10 s, then 150 for 30 s: a plain mean would say 135.
        check(
            &[(0.0, 120), (10.0, 150)],
            40.0,
            HrSummary {
                avg: Some(143),
                max: Some(150),
                warmup: None,
                settled: None,
            },
        );
    }

    #[test]
    fn the_windows_read_minutes_0_to_10_and_10_to_15() {
        let mut points = Vec::new();
        for s in (0..600).step_by(5) {
            points.push((f64::from(s), 130));
        }
        for s in (600..900).step_by(5) {
            points.push((f64::from(s), 150));
        }
        for s in (900..1800).step_by(5) {
            points.push((f64::from(s), 160));
        }
        check(
            &points,
            1800.0,
            HrSummary {
                avg: Some(148),
                max: Some(160),
                warmup: Some(130),
                settled: Some(150),
            },
        );
    }

    #[test]
    fn a_gap_counts_for_nothing() {
        // The strap drops out for five minutes at 140: the reading before the gap holds
        // only 30 s, so the average is of what was measured.
        let summary = hr_summary(&samples(&[(0.0, 140), (300.0, 160)]), 330.0);
        assert_eq!(summary.avg, Some(150));
    }

    #[test]
    fn a_window_mostly_without_heart_rate_has_no_figure() {
        // Only the first two minutes of the settled window have readings.
        let points: Vec<(f64, u8)> = (0..720).step_by(2).map(|s| (f64::from(s), 140)).collect();
        let summary = hr_summary(&samples(&points), 1200.0);
        assert_eq!(summary.warmup, Some(140));
        assert_eq!(summary.settled, None);
    }

    #[test]
    fn a_short_run_has_no_settled_figure() {
        let points: Vec<(f64, u8)> = (0..240).map(|s| (f64::from(s), 140)).collect();
        let summary = hr_summary(&samples(&points), 240.0);
        assert_eq!((summary.warmup, summary.settled), (None, None));
        assert_eq!(summary.avg, Some(140));
    }

    #[test]
    fn no_readings_no_figures_and_zeroes_are_no_contact() {
        check(&[], 600.0, HrSummary::default());
        check(&[(0.0, 0), (1.0, 0)], 600.0, HrSummary::default());
        check(
            &[(5.0, 100)],
            5.0,
            HrSummary {
                avg: Some(100),
                max: Some(100),
                ..HrSummary::default()
            },
        );
    }

    #[test]
    fn sports_from_the_files_own_words() {
        for (name, sport) in [
            ("running", Sport::Run),
            ("Running", Sport::Run),
            ("trail_running", Sport::Run),
            ("cycling", Sport::Ride),
            ("Biking", Sport::Ride),
            ("indoor_rowing", Sport::Row),
            ("Other", Sport::Other),
            ("fitness_equipment", Sport::Other),
            ("", Sport::Other),
        ] {
            assert_eq!(Sport::from_name(name), sport, "{name}");
        }
    }
}
