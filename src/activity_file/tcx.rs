//! TCX, Garmin's Training Center XML, read with `quick-xml`'s serde support.
//!
//! TCX keeps its own elements in the default namespace, so plain field names match them;
//! vendor extensions (speed, cadence) sit under prefixes and are left unread. Each
//! `<Activity>` is one activity: its laps give the timer time, the distance and the file's
//! own average and maximum heart rate; its track points give the heart-rate windows, and
//! the average when the laps leave it out.

use jiff::tz::TimeZone;
use serde::Deserialize;

use crate::core::activity::{Activity, HrSample, HrSummary, Sport, hr_summary};

#[derive(Deserialize)]
struct Database {
    #[serde(rename = "Activities", default)]
    activities: Option<Activities>,
    #[serde(rename = "Courses", default)]
    courses: Option<Ignored>,
}

#[derive(Deserialize)]
struct Ignored {}

#[derive(Deserialize)]
struct Activities {
    #[serde(rename = "Activity", default)]
    activity: Vec<TcxActivity>,
}

#[derive(Deserialize)]
struct TcxActivity {
    #[serde(rename = "@Sport", default)]
    sport: String,
    #[serde(rename = "Id", default)]
    id: Option<String>,
    #[serde(rename = "Lap", default)]
    laps: Vec<Lap>,
}

#[derive(Deserialize)]
struct Lap {
    #[serde(rename = "@StartTime", default)]
    start_time: Option<String>,
    #[serde(rename = "TotalTimeSeconds", default)]
    seconds: Option<f64>,
    #[serde(rename = "DistanceMeters", default)]
    meters: Option<f64>,
    #[serde(rename = "AverageHeartRateBpm", default)]
    avg_hr: Option<HrValue>,
    #[serde(rename = "MaximumHeartRateBpm", default)]
    max_hr: Option<HrValue>,
    #[serde(rename = "Track", default)]
    tracks: Vec<Track>,
}

#[derive(Deserialize)]
struct Track {
    #[serde(rename = "Trackpoint", default)]
    points: Vec<Trackpoint>,
}

#[derive(Deserialize)]
struct Trackpoint {
    #[serde(rename = "Time", default)]
    time: Option<String>,
    #[serde(rename = "HeartRateBpm", default)]
    hr: Option<HrValue>,
}

#[derive(Deserialize)]
struct HrValue {
    #[serde(rename = "Value")]
    value: f64,
}

impl HrValue {
    fn bpm(&self) -> Option<u8> {
        let v = self.value.round();
        (v.is_finite() && (1.0..=255.0).contains(&v)).then_some(v as u8)
    }
}

pub(super) fn parse(bytes: &[u8], tz: &TimeZone) -> Result<Vec<Activity>, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("not a TCX file: not UTF-8 text at byte {}", e.valid_up_to()))?;
    let db: Database =
        quick_xml::de::from_str(text).map_err(|e| format!("not a readable TCX file: {e}"))?;
    let Some(activities) = db.activities else {
        return Err(if db.courses.is_some() {
            "this TCX file holds a course (a planned route), not a recorded activity".to_owned()
        } else {
            "there is no activity in this TCX file".to_owned()
        });
    };
    activities
        .activity
        .iter()
        .map(|a| activity(a, tz))
        .collect()
}

fn activity(a: &TcxActivity, tz: &TimeZone) -> Result<Activity, String> {
    let start = a
        .laps
        .first()
        .and_then(|l| l.start_time.as_deref())
        .or(a.id.as_deref())
        .and_then(super::xml_time)
        .ok_or("a TCX activity without a start time")?;
    let seconds: f64 = a.laps.iter().filter_map(|l| l.seconds).sum();
    let meters: Vec<f64> = a.laps.iter().filter_map(|l| l.meters).collect();
    let samples: Vec<HrSample> = a
        .laps
        .iter()
        .flat_map(|l| &l.tracks)
        .flat_map(|t| &t.points)
        .filter_map(|p| {
            let at = super::xml_time(p.time.as_deref()?)?;
            let bpm = p.hr.as_ref()?.bpm()?;
            Some(HrSample {
                at_s: at.duration_since(start).as_secs_f64(),
                bpm,
            })
        })
        .collect();
    let last_s = samples.iter().map(|s| s.at_s).fold(seconds, f64::max);
    let computed = hr_summary(&samples, last_s);
    // The laps' own averages, weighted by their time, when every lap has one.
    let laps_avg = a
        .laps
        .iter()
        .map(|l| Some((l.avg_hr.as_ref()?.bpm()?, l.seconds?)))
        .collect::<Option<Vec<_>>>()
        .filter(|laps| !laps.is_empty() && seconds > 0.0)
        .map(|laps| {
            let sum: f64 = laps.iter().map(|&(b, s)| f64::from(b) * s).sum();
            (sum / seconds).round().clamp(0.0, 255.0) as u8
        });
    let laps_max = a.laps.iter().filter_map(|l| l.max_hr.as_ref()?.bpm()).max();
    Ok(Activity {
        sport: Sport::from_name(&a.sport),
        start: super::local(start, tz),
        minutes: seconds / 60.0,
        distance_km: (!meters.is_empty()).then(|| meters.iter().sum::<f64>() / 1000.0),
        hr: HrSummary {
            avg: laps_avg.or(computed.avg),
            max: laps_max.or(computed.max),
            ..computed
        },
    })
}
