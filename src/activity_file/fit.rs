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
/// The messages handed to fitparser to decode: `session`, and the developer data
/// (`field_description`, `developer_data_id`) that a session's own fields may need.
const DECODED: [u16; 3] = [18, 206, 207];
/// Field numbers.
const TIMESTAMP: u8 = 253;
const HEART_RATE: u8 = 3;
/// FIT base types, with the endianness bit but not the reserved bits 5 and 6.
const UINT8: u8 = 0x02;
const UINT32: u8 = 0x86;

/// The heart-rate samples (Unix seconds, bpm) in time order, and the `session` messages.
///
/// A file of a long run is nearly all `record` messages, and fitparser builds two hash maps
/// and a vector per field for every message it reads, even undecoded: about 0.8 µs a record,
/// 35 ms for a 1 MB file before any decoding. So the messages are framed here (a header,
/// definitions that give each local message type its fields, data messages, a checksum),
/// the two fields needed from a record are read raw, by number, and fitparser reads the file
/// header and the definitions and decodes the sessions with its profile (names, scales,
/// sports, developer fields). The checksum is checked here, over every byte, so a damaged
/// file is still refused. A file may be a chain of files, each with its header and checksum.
fn messages(bytes: &[u8]) -> Result<(Vec<Sample>, Vec<FitDataRecord>), String> {
    let mut found = Found::default();
    let mut at = 0;
    while at < bytes.len() {
        at = chained_file(bytes, at, &mut found)?;
    }
    found.samples.sort_by_key(|s| s.0);
    Ok((found.samples, found.sessions))
}

#[derive(Default)]
struct Found {
    samples: Vec<Sample>,
    sessions: Vec<FitDataRecord>,
}

/// Reads the file of a chain that starts at `start`; returns where the next one starts.
fn chained_file(bytes: &[u8], start: usize, found: &mut Found) -> Result<usize, String> {
    let mut processor = FitStreamProcessor::new();
    processor.add_option(DecodeOption::DropUnknownFields);
    // fitparser sees only some messages; the checksum of all of them is checked below.
    processor.add_option(DecodeOption::SkipDataCrcValidation);
    // fitparser slices a header by the size its first byte gives.
    if usize::from(bytes[start]) > bytes.len() - start {
        return Err(TRUNCATED.to_owned());
    }
    let (_, header) = processor
        .deserialize_next(&bytes[start..])
        .map_err(|e| header_words(&e, start))?;
    let FitObject::Header(header) = header else {
        return Err(corrupt(start));
    };
    if header.header_size() < 12 {
        return Err(corrupt(start));
    }
    let body = start + usize::from(header.header_size());
    let end = body.saturating_add(header.data_size() as usize);
    let Some(stored) = bytes.get(end..end.saturating_add(2)) else {
        return Err(TRUNCATED.to_owned());
    };
    // Over the header too: a header's own checksum leaves the running one at zero, and a
    // header without one counts in the file's.
    if crc(&bytes[start..end]).to_le_bytes() != stored {
        return Err(DAMAGED.to_owned());
    }
    let mut layouts: [Option<Layout>; 16] = Default::default();
    let mut last_time: Option<u32> = None;
    let mut at = body;
    while at < end {
        let head = bytes[at];
        if head & 0xC0 == 0x40 {
            let layout = Layout::read(&bytes[at..end]).ok_or_else(|| corrupt(at))?;
            // fitparser keeps its own copy, for the messages it decodes.
            let (rest, _) = processor
                .deserialize_next(&bytes[at..end])
                .map_err(|_| corrupt(at))?;
            if end - at - rest.len() != layout.definition_len {
                return Err(corrupt(at));
            }
            at += layout.definition_len;
            layouts[usize::from(head & 0x0F)] = Some(layout);
            continue;
        }
        // A compressed timestamp header carries the low five bits of the seconds since the
        // last full timestamp, which is resolved as the FIT protocol says.
        let (local, offset) = if head & 0x80 != 0 {
            ((head >> 5) & 0x03, Some(u32::from(head & 0x1F)))
        } else {
            (head & 0x0F, None)
        };
        // A message of a type not defined yet, or one running past the data, is corruption.
        let Some(layout) = &layouts[usize::from(local)] else {
            return Err(corrupt(at));
        };
        if at + layout.data_len > end {
            return Err(corrupt(at));
        }
        let message = &bytes[at..at + layout.data_len];
        let time = layout.timestamp(message).or_else(|| {
            offset.zip(last_time).map(|(offset, last)| {
                let rolled = if offset >= last & 0x1F { 0 } else { 0x20 };
                (last & !0x1F).wrapping_add(offset).wrapping_add(rolled)
            })
        });
        if time.is_some() {
            last_time = time;
        }
        if layout.global == RECORD {
            if let (Some(t), Some(bpm)) = (time, layout.heart_rate(message)) {
                found.samples.push((i64::from(t) + FIT_EPOCH, bpm));
            }
        } else if DECODED.contains(&layout.global) {
            let (rest, object) = processor
                .deserialize_next(&bytes[at..end])
                .map_err(|_| corrupt(at))?;
            let FitObject::DataMessage(data) = object else {
                return Err(corrupt(at));
            };
            if end - at - rest.len() != layout.data_len {
                return Err(corrupt(at));
            }
            let record = processor.decode_message(data).map_err(|_| corrupt(at))?;
            if record.kind() == MesgNum::Session {
                found.sessions.push(record);
            }
        }
        at += layout.data_len;
    }
    Ok(end + 2)
}

const TRUNCATED: &str = "the FIT file ends too early: it is truncated";
const DAMAGED: &str = "the FIT file is damaged: its checksum does not match";

fn corrupt(at: usize) -> String {
    format!("not a readable FIT file: it is corrupt at byte {at}")
}

/// What a definition message says of the data messages of its local type: their size, and
/// where the two fields read raw are.
struct Layout {
    global: u16,
    big_endian: bool,
    definition_len: usize,
    /// With the one-byte header.
    data_len: usize,
    /// The byte offset (after the header byte) of a `uint32` timestamp.
    timestamp_at: Option<usize>,
    /// The byte offset of a one-byte `uint8` field 3, a record's heart rate.
    heart_rate_at: Option<usize>,
}

impl Layout {
    /// The definition at the start of `bytes`, or `None` if it runs past them.
    fn read(bytes: &[u8]) -> Option<Layout> {
        let developer = bytes.first()? & 0x20 != 0;
        let big_endian = *bytes.get(2)? == 1;
        let global = [*bytes.get(3)?, *bytes.get(4)?];
        let count = usize::from(*bytes.get(5)?);
        let fields = bytes.get(6..6 + 3 * count)?;
        let mut layout = Layout {
            global: if big_endian {
                u16::from_be_bytes(global)
            } else {
                u16::from_le_bytes(global)
            },
            big_endian,
            definition_len: 6 + 3 * count,
            data_len: 1,
            timestamp_at: None,
            heart_rate_at: None,
        };
        for field in fields.chunks_exact(3) {
            let (number, size, base) = (field[0], usize::from(field[1]), field[2] & 0x9F);
            let at = layout.data_len - 1;
            // A repeated field: the last one counts, as in fitparser.
            if number == TIMESTAMP {
                layout.timestamp_at = (size == 4 && base == UINT32).then_some(at);
            } else if number == HEART_RATE {
                layout.heart_rate_at = (size == 1 && base == UINT8).then_some(at);
            }
            layout.data_len += size;
        }
        if developer {
            let count = usize::from(*bytes.get(layout.definition_len)?);
            let fields = bytes.get(layout.definition_len + 1..)?.get(..3 * count)?;
            layout.definition_len += 1 + 3 * count;
            layout.data_len += fields
                .chunks_exact(3)
                .map(|f| usize::from(f[1]))
                .sum::<usize>();
        }
        Some(layout)
    }

    /// The full timestamp of a data message (`message`, from its header byte on), unless
    /// absent or invalid.
    fn timestamp(&self, message: &[u8]) -> Option<u32> {
        let at = self.timestamp_at?;
        let raw: [u8; 4] = message.get(at + 1..at + 5)?.try_into().ok()?;
        let t = if self.big_endian {
            u32::from_be_bytes(raw)
        } else {
            u32::from_le_bytes(raw)
        };
        (t != u32::MAX).then_some(t)
    }

    fn heart_rate(&self, message: &[u8]) -> Option<u8> {
        let bpm = *message.get(self.heart_rate_at? + 1)?;
        (bpm != 0xFF).then_some(bpm)
    }
}

/// The FIT checksum (CRC-16 with the polynomial 0xA001, as the FIT SDK computes it), a byte
/// at a time from a table.
fn crc(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0, |crc, &byte| {
        (crc >> 8) ^ CRC_TABLE[usize::from((crc ^ u16::from(byte)) & 0xFF)]
    })
}

const CRC_TABLE: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u16;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xA001
            } else {
                crc >> 1
            };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// fitparser's error reading the header of the file at `start`, in words a runner can act on.
fn header_words(e: &fitparser::Error, start: usize) -> String {
    use fitparser::ErrorKind as K;
    match e.as_ref() {
        K::UnexpectedEof(_) => TRUNCATED.to_owned(),
        K::InvalidCrc(_) => DAMAGED.to_owned(),
        _ => corrupt(start),
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
