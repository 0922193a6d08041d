//! A small FIT writer for synthetic activity files: a run recorded every second with
//! position, altitude, speed, cadence, heart rate and distance, as a watch writes it, and
//! its session summary. For the edge cases real files lack (a session without its average
//! HR, a heart-rate gap) and for the benchmarks' large files.

#![allow(dead_code)]

/// Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z.
const FIT_EPOCH: i64 = 631_065_600;

/// One synthetic run.
pub struct Run {
    /// Unix seconds of the start.
    pub start: i64,
    pub seconds: u32,
    /// Heart rate at each second (`None`: no reading that second).
    pub hr: fn(u32) -> Option<u8>,
    /// Whether the session message carries avg and max HR (some watches leave them out).
    pub summary_hr: bool,
    /// FIT sport: 1 running, 2 cycling.
    pub sport: u8,
}

/// The FIT file's bytes.
pub fn write(run: &Run) -> Vec<u8> {
    let mut data = Vec::new();
    let fit_time = |unix: i64| (unix - FIT_EPOCH) as u32;
    // file_id (global 0): type = 4 (activity).
    define(&mut data, 0, 0, &[(0, 1, 0x00)]);
    data.push(0);
    data.push(4);
    // record (global 20): timestamp, lat, long, altitude, heart_rate, cadence, distance, speed.
    define(
        &mut data,
        1,
        20,
        &[
            (253, 4, 0x86),
            (0, 4, 0x85),
            (1, 4, 0x85),
            (2, 2, 0x84),
            (3, 1, 0x02),
            (4, 1, 0x02),
            (5, 4, 0x86),
            (6, 2, 0x84),
        ],
    );
    let speed = 3.0_f64; // m/s
    let (mut sum, mut max, mut n) = (0u64, 0u8, 0u64);
    for s in 0..run.seconds {
        data.push(1);
        data.extend(fit_time(run.start + i64::from(s)).to_le_bytes());
        let lat = (45.0 + f64::from(s) * 0.000_02) * (2f64.powi(31) / 180.0);
        data.extend((lat as i32).to_le_bytes());
        data.extend(((7.0 * 2f64.powi(31) / 180.0) as i32).to_le_bytes());
        data.extend(((500.0 + 100.0) * 5.0_f64).round().to_le_bytes_u16());
        match (run.hr)(s) {
            Some(bpm) => {
                data.push(bpm);
                sum += u64::from(bpm);
                max = max.max(bpm);
                n += 1;
            }
            None => data.push(0xFF),
        }
        data.push(85);
        data.extend(((f64::from(s) * speed * 100.0) as u32).to_le_bytes());
        data.extend(((speed * 1000.0) as u16).to_le_bytes());
    }
    // session (global 18).
    let mut fields = vec![
        (253, 4, 0x86),
        (2, 4, 0x86),
        (7, 4, 0x86),
        (8, 4, 0x86),
        (9, 4, 0x86),
        (5, 1, 0x00),
    ];
    if run.summary_hr {
        fields.extend([(16, 1, 0x02), (17, 1, 0x02)]);
    }
    define(&mut data, 2, 18, &fields);
    data.push(2);
    data.extend(fit_time(run.start + i64::from(run.seconds)).to_le_bytes());
    data.extend(fit_time(run.start).to_le_bytes());
    data.extend((run.seconds * 1000).to_le_bytes());
    data.extend((run.seconds * 1000).to_le_bytes());
    data.extend(((f64::from(run.seconds) * speed * 100.0) as u32).to_le_bytes());
    data.push(run.sport);
    if run.summary_hr {
        data.push(sum.checked_div(n).map_or(0xFF, |avg| avg as u8));
        data.push(if n > 0 { max } else { 0xFF });
    }

    let mut file = Vec::with_capacity(data.len() + 16);
    file.push(14);
    file.push(0x20);
    file.extend(2132u16.to_le_bytes());
    file.extend((data.len() as u32).to_le_bytes());
    file.extend(b".FIT");
    let header_crc = crc(&file);
    file.extend(header_crc.to_le_bytes());
    file.extend(&data);
    let file_crc = crc(&file);
    file.extend(file_crc.to_le_bytes());
    file
}

trait U16Bytes {
    fn to_le_bytes_u16(self) -> [u8; 2];
}

impl U16Bytes for f64 {
    fn to_le_bytes_u16(self) -> [u8; 2] {
        (self as u16).to_le_bytes()
    }
}

/// A definition message: local type `local` is global message `global` with these fields
/// (number, size, base type), little-endian.
fn define(data: &mut Vec<u8>, local: u8, global: u16, fields: &[(u8, u8, u8)]) {
    data.push(0x40 | local);
    data.push(0);
    data.push(0);
    data.extend(global.to_le_bytes());
    data.push(fields.len() as u8);
    for &(number, size, base) in fields {
        data.extend([number, size, base]);
    }
}

/// The FIT CRC-16.
fn crc(bytes: &[u8]) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800,
        0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];
    let mut crc = 0u16;
    for &byte in bytes {
        let tmp = TABLE[usize::from(crc & 0xF)];
        crc = (crc >> 4) & 0x0FFF;
        crc = crc ^ tmp ^ TABLE[usize::from(byte & 0xF)];
        let tmp = TABLE[usize::from(crc & 0xF)];
        crc = (crc >> 4) & 0x0FFF;
        crc = crc ^ tmp ^ TABLE[usize::from((byte >> 4) & 0xF)];
    }
    crc
}
