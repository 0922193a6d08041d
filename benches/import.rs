//! Importing activities (targets: reading a 1 MB FIT file under 20 ms; importing a year of
//! runs, 365 FIT files of about 110 KB, into a ten-year plan under 2 s end to end through
//! `runweek import`).
//!
//! `cargo bench --bench import -- --warm-up-time 1 --measurement-time 3`
//!
//! The files are written by the synthetic FIT writer of the tests (a run recorded every
//! second with position, altitude, speed, cadence, heart rate and distance, as watches write
//! it) into `target/tmp/import-year/`, with the ten-year plan before the import as
//! `ten-years-fresh.ron`, so that the import can also be timed by hand, as often as wanted:
//! `cp target/tmp/import-year/ten-years-fresh.ron /tmp/plan.ron && time
//! target/release/runweek import /tmp/plan.ron target/tmp/import-year/*.fit >/dev/null`.
//!
//! Before the reader framed FIT itself (measured on the 2-core build machine, release,
//! shared with other builds): the 1 MB file in 45–50 ms, the year of files into ten years in
//! 1.98–2.17 s end to end, about 1.9 s of it reading FIT. fitparser's streaming reader builds
//! two hash maps and a vector per field for every message, even undecoded, about 0.8 µs a
//! record: 35 ms for this file before any decoding (see `src/activity_file/fit.rs`). The old
//! and the new reader run alternately in one process on this file, with the machine under a
//! load of about 9: 115–210 ms against 4–35 ms, the same activities from both.

use std::path::PathBuf;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::tz::TimeZone;
use runweek::activity_file::{self, Format};

mod support;

#[path = "../tests/support/fit.rs"]
mod fit;

fn run(start: i64, seconds: u32) -> Vec<u8> {
    fit::write(&fit::Run {
        start,
        seconds,
        hr: |s| Some(125 + (s % 40) as u8),
        summary_hr: true,
        sport: 1,
    })
}

fn bench(c: &mut Criterion) {
    // A 12.6-hour run at one record a second: about 1 MB.
    let big = run(1_764_000_000, 45_600);
    eprintln!("one FIT file of {:.2} MB", big.len() as f64 / 1e6);
    c.bench_function("read a 1 MB FIT file", |b| {
        b.iter(|| activity_file::parse(&big, Format::Fit, &TimeZone::UTC).expect("reads"))
    });

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("import-year");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    // One 80-minute run a day for the year before the plan's "today", at 07:00 UTC.
    let today_unix = 1_764_028_800; // 2025-11-25T00:00:00Z
    let mut files = Vec::new();
    let mut bytes = 0;
    for day in 0..365 {
        let data = run(today_unix - (365 - day) * 86_400 + 7 * 3600, 4_800);
        bytes += data.len();
        let path = dir.join(format!("run-{day:03}.fit"));
        std::fs::write(&path, data).expect("write");
        files.push(path);
    }
    let plan = support::ten_years();
    let plan_path = dir.join("ten-years.ron");
    runweek::file::save(&dir.join("ten-years-fresh.ron"), &plan).expect("a fresh plan");
    eprintln!(
        "365 FIT files, {:.1} MB, into {} sessions in {}",
        bytes as f64 / 1e6,
        plan.sessions().len(),
        plan_path.display()
    );

    let runweek = env!("CARGO_BIN_EXE_runweek");
    c.bench_function("runweek import of 365 FIT files into ten years", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                runweek::file::save(&plan_path, &plan).expect("a fresh plan");
                let started = Instant::now();
                let out = std::process::Command::new(runweek)
                    .arg("import")
                    .arg(&plan_path)
                    .args(&files)
                    .env("TZ", "UTC")
                    .output()
                    .expect("runs");
                total += started.elapsed();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            total
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
