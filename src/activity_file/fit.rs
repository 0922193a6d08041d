//! FIT, the watches' own binary format, read with `fitparser`.
//!
//! Each `session` message is one activity (a multisport file holds several): its sport, start,
//! timer time, distance and heart rate. Heart rate is also read from the `record` messages
//! within the session, for the warm-up and settled windows, and for the average and maximum
//! when the session leaves them out (some watches do).

use fitparser::de::{DecodeOption, FitObject, FitStreamProcessor};
use fitparser::profile::MesgNum;
use fitparser::{FitDataRecord, Value};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::core::activity::{Activity, HrSample, HrSummary, Sport, hr_summary};

pub(super) fn parse(bytes: &[u8], tz: &TimeZone) -> Result<Vec<Activity>, String> {
    let (samples, sessions) = messages(bytes)?;
    let mut activities = Vec::new();
    for session in &sessions {
        let Some(start) = timestamp(session, "start_time") else {
            continue;
        };
        let timer_s = float(session, "total_timer_time");
        let elapsed_s = float(session, "total_elapsed_time")
            .or(timer_s)
            .unwrap_or(0.0);
        let Some(timer_s) = timer_s.or(Some(elapsed_s)).filter(|s| s.is_finite()) else {
            continue;
        };
        let from = samples.partition_point(|s| s.0 < start);
        let to = samples.partition_point(|s| (s.0 as f64) <= start as f64 + elapsed_s);
        let hr_samples: Vec<HrSample> = samples[from..to.max(from)]
            .iter()
            .map(|&(at, bpm)| HrSample {
                at_s: (at - start) as f64,
                bpm,
            })
            .collect();
        let computed = hr_summary(&hr_samples, elapsed_s);
        let summary_hr = |field| uint(session, field).and_then(|v| u8::try_from(v).ok());
        let hr = HrSummary {
            avg: summary_hr("avg_heart_rate").or(computed.avg),
            max: summary_hr("max_heart_rate").or(computed.max),
            ..computed
        };
        let sub = text(session, "sub_sport").map(Sport::from_name);
        let sport = match sub {
            Some(sport) if sport != Sport::Other => sport,
            _ => text(session, "sport").map_or(Sport::Other, Sport::from_name),
        };
        let Ok(start) = Timestamp::from_second(start) else {
            continue;
        };
        activities.push(Activity {
            sport,
            start: super::local(start, tz),
            minutes: timer_s / 60.0,
            distance_km: float(session, "total_distance").map(|m| m / 1000.0),
            hr,
        });
    }
    if activities.is_empty() {
        return Err("this FIT file holds no activity session (is it a course or settings?)".into());
    }
    Ok(activities)
}

/// A heart-rate reading: Unix seconds and bpm.
type Sample = (i64, u8);

/// The FIT epoch, 1989-12-31T00:00:00Z, in Unix seconds.
const FIT_EPOCH: i64 = 631_065_600;
/// The `record` message, a watch's reading of every second or so.
const RECORD: u16 = 20;
/// Field numbers in a `record`.
const TIMESTAMP: u8 = 253;
const HEART_RATE: u8 = 3;

/// The heart-rate samples (Unix seconds, bpm) in time order, and the `session` messages.
///
/// The `record` messages are nearly all of a file, and fitparser's full decoding (names,
/// units, scales, a local time per timestamp) costs about four times its reading; the two
/// fields needed from them are read raw, by number, and only the other messages are decoded.
/// A record may carry a compressed timestamp (the low five bits of the seconds since the
/// last full timestamp), which is resolved here as the FIT protocol says.
fn messages(bytes: &[u8]) -> Result<(Vec<Sample>, Vec<FitDataRecord>), String> {
    let mut processor = FitStreamProcessor::new();
    processor.add_option(DecodeOption::DropUnknownFields);
    let (mut samples, mut sessions) = (Vec::new(), Vec::new());
    let mut last_time: Option<u32> = None;
    let mut buffer = bytes;
    while !buffer.is_empty() {
        let (rest, object) = processor.deserialize_next(buffer).map_err(|e| words(&e))?;
        buffer = rest;
        let message = match object {
            FitObject::Crc(_) => {
                // The end of one file of a chain: the next starts afresh.
                processor.reset();
                last_time = None;
                continue;
            }
            FitObject::DataMessage(message) => message,
            FitObject::Header(_) | FitObject::DefinitionMessage(_) => continue,
        };
        let time = match message.fields().get(&TIMESTAMP) {
            Some(Value::UInt32(t)) => Some(*t),
            _ => message.time_offset().zip(last_time).map(|(offset, last)| {
                let offset = u32::from(offset & 0x1F);
                let rolled = if offset >= last & 0x1F { 0 } else { 0x20 };
                (last & !0x1F).wrapping_add(offset).wrapping_add(rolled)
            }),
        };
        if time.is_some() {
            last_time = time;
        }
        if message.global_message_number() == RECORD {
            if let (Some(t), Some(Value::UInt8(bpm))) = (time, message.fields().get(&HEART_RATE))
                && *bpm != 0xFF
            {
                samples.push((i64::from(t) + FIT_EPOCH, *bpm));
            }
            continue;
        }
        let record = processor.decode_message(message).map_err(|e| words(&e))?;
        if record.kind() == MesgNum::Session {
            sessions.push(record);
        }
    }
    samples.sort_by_key(|s| s.0);
    Ok((samples, sessions))
}

/// fitparser's error in words a runner can act on.
fn words(e: &fitparser::Error) -> String {
    use fitparser::ErrorKind as K;
    match e.as_ref() {
        K::UnexpectedEof(_) => "the FIT file ends too early: it is truncated".to_owned(),
        K::InvalidCrc(_) => "the FIT file is damaged: its checksum does not match".to_owned(),
        K::ParseError(at, _) => format!("not a readable FIT file: it is corrupt at byte {at}"),
        other => format!("not a readable FIT file: {other}"),
    }
}

fn field<'a>(m: &'a FitDataRecord, name: &str) -> Option<&'a Value> {
    m.fields()
        .iter()
        .find(|f| f.name() == name)
        .map(|f| f.value())
}

fn timestamp(m: &FitDataRecord, name: &str) -> Option<i64> {
    match field(m, name)? {
        Value::Timestamp(t) => Some(t.timestamp()),
        _ => None,
    }
}

fn float(m: &FitDataRecord, name: &str) -> Option<f64> {
    let v = match field(m, name)? {
        Value::Float64(v) => *v,
        Value::Float32(v) => f64::from(*v),
        Value::Invalid => return None,
        other => uint_of(other)? as f64,
    };
    v.is_finite().then_some(v)
}

fn uint(m: &FitDataRecord, name: &str) -> Option<u64> {
    uint_of(field(m, name)?)
}

fn uint_of(v: &Value) -> Option<u64> {
    match *v {
        Value::UInt8(v) | Value::UInt8z(v) | Value::Byte(v) => Some(u64::from(v)),
        Value::UInt16(v) | Value::UInt16z(v) => Some(u64::from(v)),
        Value::UInt32(v) | Value::UInt32z(v) => Some(u64::from(v)),
        Value::UInt64(v) | Value::UInt64z(v) => Some(v),
        Value::Float64(v) if v >= 0.0 && v.is_finite() => Some(v.round() as u64),
        _ => None,
    }
}

fn text<'a>(m: &'a FitDataRecord, name: &str) -> Option<&'a str> {
    match field(m, name)? {
        Value::String(s) => Some(s),
        _ => None,
    }
}
