//! GPX, the common exchange format for tracks, read with `quick-xml`'s pull reader.
//!
//! Not with the `gpx` crate, which skips `<extensions>`, where watches put heart rate
//! (Garmin's TrackPointExtension); and not with serde either, because that extension sits
//! under whatever prefix the writer chose (`gpxtpx:hr`, `ns3:hr`), which serde's fixed field
//! names cannot match. The pull reader sees each element's local name, so `hr` is found
//! under any prefix, in the few lines that follow.
//!
//! A GPX track has no timer: its minutes are the time from the first to the last point,
//! less any pause longer than [`PAUSE_S`] between two points (a watch that auto-pauses writes
//! no points while stopped). Its distance is the sum of great-circle steps between points
//! (horizontal only). The sport is the track's `<type>`, when it has one; without one it is
//! [`Sport::Other`], since guessing "run" would fill a planned run with a bike ride.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use quick_xml::Reader;
use quick_xml::events::Event;

use crate::core::activity::{Activity, HrSample, Sport, hr_summary};

/// A step between two track points longer than this (seconds) is a pause, not training.
pub const PAUSE_S: f64 = 60.0;

#[derive(Default, Clone, Copy)]
struct Point {
    time: Option<Timestamp>,
    lat: Option<f64>,
    lon: Option<f64>,
    hr: Option<u8>,
}

pub(super) fn parse(bytes: &[u8], tz: &TimeZone) -> Result<Vec<Activity>, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("not a GPX file: not UTF-8 text at byte {}", e.valid_up_to()))?;
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<String> = Vec::new();
    let mut points: Vec<Point> = Vec::new();
    let mut point: Option<Point> = None;
    let (mut sport, mut route_points, mut saw_gpx) = (None, 0usize, false);
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "not a readable GPX file: {e} (at byte {})",
                reader.error_position()
            )
        })?;
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_owned();
                match name.as_str() {
                    "trkpt" => point = Some(new_point(&e)),
                    "rtept" | "wpt" => route_points += 1,
                    "gpx" => saw_gpx = true,
                    _ => {}
                }
                stack.push(name);
            }
            Event::Empty(e) => match e.local_name().as_ref() {
                "trkpt" => points.push(new_point(&e)),
                "rtept" | "wpt" => route_points += 1,
                "gpx" => saw_gpx = true,
                _ => {}
            },
            Event::End(_) => {
                if stack.pop().as_deref() == Some("trkpt")
                    && let Some(p) = point.take()
                {
                    points.push(p);
                }
            }
            Event::Text(t) => {
                let inner = stack.last().map(String::as_str);
                let parent = stack.len().checked_sub(2).map(|i| stack[i].as_str());
                let content = t.xml10_content();
                match (inner, point.as_mut()) {
                    (Some("time"), Some(p)) if parent == Some("trkpt") => {
                        p.time = super::xml_time(&content);
                    }
                    (Some("hr"), Some(p)) => {
                        p.hr = content.trim().parse::<f64>().ok().and_then(|v| {
                            let v = v.round();
                            (1.0..=255.0).contains(&v).then_some(v as u8)
                        });
                    }
                    (Some("type"), None) if parent == Some("trk") => {
                        sport = Some(Sport::from_name(&content));
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_gpx {
        return Err("not a GPX file: there is no <gpx> element in it".to_owned());
    }
    if points.is_empty() {
        return Err(if route_points > 0 {
            "this GPX file holds a route or waypoints, not a recorded activity".to_owned()
        } else {
            "there is no track in this GPX file".to_owned()
        });
    }
    let timed: Vec<(Timestamp, Point)> =
        points.iter().filter_map(|p| Some((p.time?, *p))).collect();
    let Some(&(start, _)) = timed.first() else {
        return Err(
            "this GPX track has no times: a planned route, not a recorded activity".to_owned(),
        );
    };
    let since = |t: Timestamp| t.duration_since(start).as_secs_f64();
    let moving_s: f64 = timed
        .windows(2)
        .map(|w| since(w[1].0) - since(w[0].0))
        .filter(|&step| step > 0.0 && step <= PAUSE_S)
        .sum();
    let end_s = timed.iter().map(|&(t, _)| since(t)).fold(0.0, f64::max);
    let distance_m: f64 = points
        .windows(2)
        .filter_map(|w| Some(metres((w[0].lat?, w[0].lon?), (w[1].lat?, w[1].lon?))))
        .sum();
    let has_coords = points.iter().any(|p| p.lat.is_some() && p.lon.is_some());
    let samples: Vec<HrSample> = timed
        .iter()
        .filter_map(|&(t, p)| {
            Some(HrSample {
                at_s: since(t),
                bpm: p.hr?,
            })
        })
        .collect();
    Ok(vec![Activity {
        sport: sport.unwrap_or(Sport::Other),
        start: super::local(start, tz),
        minutes: moving_s / 60.0,
        distance_km: has_coords.then_some(distance_m / 1000.0),
        hr: hr_summary(&samples, end_s),
    }])
}

/// A track point with its position, its time and heart rate to come.
fn new_point(e: &quick_xml::events::BytesStart<'_>) -> Point {
    let coord = |name: &str| {
        let attr = e.try_get_attribute(name).ok()??;
        attr.value.trim().parse::<f64>().ok()
    };
    Point {
        lat: coord("lat"),
        lon: coord("lon"),
        ..Point::default()
    }
}

/// The great-circle distance between two points in metres (haversine, mean Earth radius).
fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    const R: f64 = 6_371_008.8;
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.1 - a.1).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    let d = 2.0 * R * h.sqrt().min(1.0).asin();
    if d.is_finite() { d } else { 0.0 }
}
