//! Importing activities from the watch: the real files of `tests/activities/` (see its
//! SOURCES.md for what an independent reader finds in them), read by the library and
//! imported through the real binary.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jiff::civil::date;
use jiff::tz::TimeZone;
use runweek::activity_file::{self, Format};
use runweek::core::activity::{Activity, Sport};
use support::{stderr, stdout, temp_file};

fn activities_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/activities")
}

fn real(name: &str) -> PathBuf {
    activities_dir().join(name)
}

fn read_utc(name: &str) -> Result<Vec<Activity>, String> {
    activity_file::read(&real(name), &TimeZone::UTC)
}

/// `runweek import …` with the time zone set.
fn import(tz: &str, args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_runweek"))
        .arg("import")
        .args(args)
        .env("TZ", tz)
        .output()
        .expect("the binary runs")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).expect("JSON on stdout")
}

/// One real file against what the independent reader found: sport, local start (UTC),
/// minutes, km and average HR, within the reader's rounding.
fn check(name: &str, sport: Sport, start: &str, minutes: f64, km: Option<f64>, avg: Option<u8>) {
    let activities = read_utc(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(activities.len(), 1, "{name}");
    let a = &activities[0];
    assert_eq!(a.sport, sport, "{name}");
    assert_eq!(a.start.to_string(), start, "{name}");
    assert!(
        (a.minutes - minutes).abs() < 0.02,
        "{name}: {} min",
        a.minutes
    );
    match (a.distance_km, km) {
        // The laps' own distances may differ by a few metres from the last track point's,
        // which is what the other reader takes.
        (Some(got), Some(want)) => assert!((got - want).abs() < 0.005, "{name}: {got} km"),
        (got, want) => assert_eq!(got, want, "{name}"),
    }
    assert_eq!(a.hr.avg, avg, "{name}");
}

#[test]
fn real_fit_files_read_as_the_independent_reader_reads_them() {
    check(
        "garmin-fenix-5-run.fit",
        Sport::Run,
        "2017-06-11T14:34:09",
        0.95,
        Some(0.158),
        Some(90),
    );
    check(
        "garmin-fenix-5-bike.fit",
        Sport::Ride,
        "2017-06-12T16:09:22",
        1.01,
        Some(0.460),
        Some(101),
    );
    check(
        "2015-10-13-08-43-15.fit",
        Sport::Ride,
        "2015-10-13T15:43:15",
        25.97,
        Some(11.536),
        None,
    );
    check(
        "20170518-191602-1740899583.fit",
        Sport::Row,
        "2017-05-18T16:37:30",
        28.46,
        Some(0.0),
        Some(132),
    );
}

#[test]
fn real_tcx_files_read_as_the_independent_reader_reads_them() {
    check(
        "no_hr.tcx",
        Sport::Run,
        "2012-12-26T21:29:53",
        33.21,
        Some(4.686),
        None,
    );
    check(
        "sup_activity_1.tcx",
        Sport::Other,
        "2022-07-16T16:08:25",
        18.54,
        Some(1.158),
        Some(88),
    );
}

#[test]
fn a_gpx_track_reads_heart_rate_from_the_garmin_extension() {
    let a = &read_utc("garmin-activity.gpx").expect("reads")[0];
    assert_eq!(a.sport, Sport::Run);
    assert_eq!(a.start.to_string(), "2017-07-29T14:46:35");
    // First to last point is 91.63 min; pauses over a minute are not training.
    assert!(a.minutes <= 91.64 && a.minutes > 80.0, "{} min", a.minutes);
    let km = a.distance_km.expect("a distance");
    assert!((km - 12.836).abs() < 0.05, "{km} km");
    // The plain mean of the points is 145.5; time-weighted it may differ a little.
    let avg = a.hr.avg.expect("heart rate");
    assert!((140..=150).contains(&avg), "{avg}");
    assert!(a.hr.warmup.is_some() && a.hr.settled.is_some());

    let short = &read_utc("wahoo_example.gpx").expect("reads")[0];
    assert_eq!(short.start.to_string(), "2022-04-24T20:54:33");
    assert!((short.minutes - 0.03).abs() < 0.01);
    assert_eq!(short.sport, Sport::Other);
    assert_eq!(short.hr.avg, None);
}

#[test]
fn files_that_are_not_activities_say_why() {
    let cases = [
        ("activity-unexpected-eof.fit", "truncated"),
        ("strava_route_example.gpx", "no times"),
    ];
    for (name, words) in cases {
        let why = read_utc(name).expect_err(name);
        assert!(why.contains(words), "{name}: {why}");
    }
    let empty = temp_file("empty.fit", "");
    assert_eq!(
        activity_file::read(&empty, &TimeZone::UTC),
        Err("the file is empty".to_owned())
    );
    let text = temp_file("notes.txt", "a run");
    let why = activity_file::read(&text, &TimeZone::UTC).expect_err("unsupported");
    assert!(why.contains("unsupported file type \".txt\""), "{why}");
    let garbage = temp_file(
        "garbage.tcx",
        "<TrainingCenterDatabase><Activities><Activity",
    );
    assert!(activity_file::read(&garbage, &TimeZone::UTC).is_err());
    let no_activity = temp_file(
        "empty.tcx",
        "<TrainingCenterDatabase><Activities></Activities></TrainingCenterDatabase>",
    );
    let why = activity_file::read(&no_activity, &TimeZone::UTC).expect_err("no activity");
    assert!(why.contains("no activity"), "{why}");
    let not_gpx = temp_file("page.gpx", "<html><body>hello</body></html>");
    let why = activity_file::read(&not_gpx, &TimeZone::UTC).expect_err("not gpx");
    assert!(why.contains("no <gpx>"), "{why}");
    let folder = activities_dir().join("licences");
    assert!(activity_file::read(&folder.with_extension("fit"), &TimeZone::UTC).is_err());
}

#[test]
fn no_prefix_or_damaged_copy_of_a_real_file_panics() {
    for name in [
        "garmin-fenix-5-run.fit",
        "garmin-fenix-5-bike.fit",
        "2015-10-13-08-43-15.fit",
        "20170518-191602-1740899583.fit",
        "sup_activity_1.tcx",
        "garmin-activity.gpx",
    ] {
        let bytes = std::fs::read(real(name)).expect("read");
        let format = Format::of(Path::new(name)).expect("known");
        let step = (bytes.len() / 800).max(1);
        for len in (0..bytes.len()).step_by(step) {
            // Any answer but a panic will do; a cut file is mostly refused.
            let _ = activity_file::parse(&bytes[..len], format, &TimeZone::UTC);
        }
        // Flip bytes through the file, a few at a time.
        let mut seed = 0x2545_f491_u64;
        for _ in 0..300 {
            let mut damaged = bytes.clone();
            for _ in 0..3 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = (seed % bytes.len() as u64) as usize;
                damaged[at] ^= (seed >> 32) as u8 | 1;
            }
            let _ = activity_file::parse(&damaged, format, &TimeZone::UTC);
        }
    }
}

#[test]
fn local_time_follows_the_time_zone_and_decides_the_day() {
    let tokyo = TimeZone::get("Asia/Tokyo").expect("tz database");
    let a = &activity_file::read(&real("no_hr.tcx"), &tokyo).expect("reads")[0];
    // 21:29:53 UTC on the 26th is the next morning in Tokyo.
    assert_eq!(a.start.to_string(), "2012-12-27T06:29:53");
    let la = TimeZone::get("America/Los_Angeles").expect("tz database");
    let a = &activity_file::read(&real("garmin-fenix-5-run.fit"), &la).expect("reads")[0];
    assert_eq!(a.start.to_string(), "2017-06-11T07:34:09");
}

/// A synthetic GPX run: 20 minutes, a point every 5 s, heart rate 130 for the first ten
/// minutes and 152 after, with the strap silent from minute 16 to 18.
fn synthetic_gpx(start: &str) -> String {
    let start: jiff::Timestamp = start.parse().expect("a time");
    let mut points = String::new();
    for s in (0..1200).step_by(5) {
        let at = start + jiff::SignedDuration::from_secs(s);
        let lat = 45.0 + f64::from(s as i32) * 0.00001;
        let hr = if (960..1080).contains(&s) {
            String::new()
        } else {
            let bpm = if s < 600 { 130 } else { 152 };
            format!(
                "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{bpm}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>"
            )
        };
        points.push_str(&format!(
            "<trkpt lat=\"{lat}\" lon=\"7.0\"><time>{at}</time>{hr}</trkpt>\n"
        ));
    }
    format!(
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\" \
         xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\
         <trk><type>running</type><trkseg>\n{points}</trkseg></trk></gpx>\n"
    )
}

#[test]
fn the_warm_up_and_settled_heart_rate_of_a_run_with_a_gap() {
    let path = temp_file("gap.gpx", &synthetic_gpx("2026-11-24T06:30:00Z"));
    let a = &activity_file::read(&path, &TimeZone::UTC).expect("reads")[0];
    assert_eq!(a.sport, Sport::Run);
    assert_eq!(a.hr.warmup, Some(130));
    assert_eq!(a.hr.settled, Some(152));
    assert_eq!(a.hr.max, Some(152));
    // 600 s at 130, and 500 s at 152: the 6 min 20 s before the gap, 30 s of the 2 min gap,
    // and the last 1 min 55 s.
    assert_eq!(a.hr.avg, Some(140));
    assert!((a.minutes - 19.92).abs() < 0.01, "{}", a.minutes);
}

const PLAN: &str = r#"(
    version: 1,
    settings: (easy_hr: Some(140)),
    sessions: [
        (id: 1, date: "2017-06-11", kind: Easy, minutes: 40),
        (id: 2, date: "2017-06-11", kind: Long, minutes: 90),
        (id: 3, date: "2017-06-12", kind: Cross, minutes: 30),
        (id: 4, date: "2017-06-12", kind: Easy, minutes: 30),
    ],
)
"#;

#[test]
fn import_matches_adds_reports_bad_files_and_saves_once() {
    let plan = temp_file("plan.ron", PLAN);
    let run = real("garmin-fenix-5-run.fit");
    let bike = real("garmin-fenix-5-bike.fit");
    let row = real("20170518-191602-1740899583.fit");
    let bad = real("activity-unexpected-eof.fit");
    let out = import(
        "UTC",
        &[&plan, &run, &bike, &bad, &row, Path::new("--json")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "1 of the files could not be imported; the others were\n"
    );
    let doc = json(&out);
    let acts = doc["activities"].as_array().expect("activities");
    assert_eq!(acts.len(), 3, "{doc:#}");
    assert_eq!(acts[0]["file"], run.display().to_string());
    assert_eq!(acts[0]["date"], "2017-06-11");
    assert_eq!(acts[0]["start"], "2017-06-11T14:34:09");
    assert_eq!(acts[0]["sport"], "Run");
    assert_eq!(acts[0]["action"], "Matched");
    // Nearest in planned minutes: the 40-minute Easy run, not the Long one.
    assert_eq!(acts[0]["session"], 1);
    assert_eq!(acts[0]["avg_hr"], 90);
    assert_eq!(acts[0]["minutes"], 0.95);
    assert_eq!(acts[0]["distance_km"], 0.158);
    assert_eq!(acts[0]["settled_hr"], serde_json::Value::Null);
    // A ride fills the cross-training session of its day, not the easy run.
    assert_eq!(acts[1]["action"], "Matched");
    assert_eq!(acts[1]["session"], 3);
    // Nothing planned that day: added as a new session.
    assert_eq!(acts[2]["sport"], "Row");
    assert_eq!(acts[2]["action"], "Added");
    assert_eq!(acts[2]["session"], 5);
    let errors = doc["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["file"], bad.display().to_string());
    assert!(
        errors[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("truncated")),
        "{doc:#}"
    );

    let saved = runweek::file::load(&plan).expect("the plan still loads");
    let s1 = saved
        .session(runweek::core::session::SessionId(1))
        .expect("1");
    assert!(s1.is_done());
    let record = s1.activity.expect("remembered");
    assert_eq!(
        (record.sport, record.start),
        (Sport::Run, date(2017, 6, 11).at(14, 34, 9, 0))
    );
    let added = saved
        .session(runweek::core::session::SessionId(5))
        .expect("5");
    assert_eq!(added.kind, runweek::core::session::Kind::Cross);
    assert_eq!(added.title, "Row");
    assert!(added.is_done());

    // Again, with the same files in another order: nothing changes, exit 0 without the bad one.
    let text = std::fs::read_to_string(&plan).expect("read");
    let out = import("UTC", &[&plan, &row, &run, &bike, Path::new("--json")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = json(&out);
    let actions: Vec<_> = doc["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .map(|a| (a["action"].clone(), a["session"].clone()))
        .collect();
    assert_eq!(
        actions,
        [
            ("Duplicate".into(), 5.into()),
            ("Duplicate".into(), 1.into()),
            ("Duplicate".into(), 3.into())
        ]
    );
    assert_eq!(std::fs::read_to_string(&plan).expect("read"), text);
}

#[test]
fn a_dry_run_writes_nothing_and_the_text_names_each_file() {
    let plan = temp_file("plan.ron", PLAN);
    let out = import(
        "UTC",
        &[
            &plan,
            &real("garmin-fenix-5-run.fit"),
            &real("strava_route_example.gpx"),
            Path::new("--dry-run"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("garmin-fenix-5-run.fit: Run on Sun 11 Jun 2017 14:34, 1 min, 0.2 km, avg HR 90 → fills planned session 1"),
        "{text}"
    );
    assert!(
        text.contains("strava_route_example.gpx: this GPX track has no times"),
        "{text}"
    );
    assert!(text.contains("Dry run: nothing was written."), "{text}");
    assert_eq!(std::fs::read_to_string(&plan).expect("read"), PLAN);
}

#[test]
fn an_easy_run_above_the_expected_heart_rate_is_the_days_marker() {
    // A morning check that is all "normal", and a 20-minute easy run at 152 from minute 10.
    let plan = temp_file(
        "marker.ron",
        r#"(
    version: 1,
    settings: (easy_hr: Some(140)),
    sessions: [(id: 1, date: "2026-11-24", kind: Easy, minutes: 20)],
    readiness: [(date: "2026-11-24", when: Morning)],
)
"#,
    );
    let before = assess(&plan);
    assert!(!before.contains("minutes 10–15"), "{before}");
    let run = temp_file("run.gpx", &synthetic_gpx("2026-11-24T06:30:00Z"));
    let out = import("UTC", &[&plan, &run]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = assess(&plan);
    assert!(
        after.contains("Easy run on Tue: 152 bpm in minutes 10–15, expected 140 + 5"),
        "{after}"
    );
}

fn assess(plan: &Path) -> String {
    let out = support::runweek(&[
        "assess",
        plan.to_str().expect("utf-8"),
        "--date",
        "2026-11-24",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn a_fit_session_without_its_average_hr_gets_one_from_the_records() {
    // 2025-11-24T16:00:00Z, 20 minutes: 130 bpm to minute 10, 150 after, the strap silent
    // from 15:00 to 16:40.
    let bytes = support::fit::write(&support::fit::Run {
        start: 1_764_000_000,
        seconds: 1200,
        hr: |s| match s {
            0..600 => Some(130),
            900..1000 => None,
            _ => Some(150),
        },
        summary_hr: false,
        sport: 1,
    });
    let path = support::temp_file("synthetic.fit", "");
    std::fs::write(&path, &bytes).expect("write");
    let a = &activity_file::read(&path, &TimeZone::UTC).expect("reads")[0];
    assert_eq!(a.sport, Sport::Run);
    assert_eq!(a.start.to_string(), "2025-11-24T16:00:00");
    assert!((a.minutes - 20.0).abs() < 1e-9);
    assert_eq!(a.distance_km, Some(3.6));
    // 600 s at 130, 529 s at 150 (the gap counts 30 s): 139.4.
    assert_eq!(a.hr.avg, Some(139));
    assert_eq!(a.hr.max, Some(150));
    assert_eq!((a.hr.warmup, a.hr.settled), (Some(130), Some(150)));
}

#[test]
fn a_chain_of_fit_files_reads_each_and_a_changed_byte_is_refused() {
    let run = |start| {
        support::fit::write(&support::fit::Run {
            start,
            seconds: 1200,
            hr: |s| Some(120 + (s % 20) as u8),
            summary_hr: false,
            sport: 1,
        })
    };
    // Two mornings, 2025-11-24 and 25 at 16:00 UTC, in one file as a watch may chain them.
    let mut chain = run(1_764_000_000);
    chain.extend(run(1_764_086_400));
    let read = activity_file::parse(&chain, Format::Fit, &TimeZone::UTC).expect("reads");
    assert_eq!(read.len(), 2);
    assert_eq!(read[1].start.to_string(), "2025-11-25T16:00:00");
    // Each from its own records: 120 to 139 bpm.
    assert_eq!((read[1].hr.avg, read[1].hr.max), (Some(130), Some(139)));
    assert_eq!(read[0].hr, read[1].hr);

    // One bit of one reading in the second file, which the checksum notices.
    let mut damaged = chain.clone();
    damaged[chain.len() * 3 / 4] ^= 0x01;
    let why = activity_file::parse(&damaged, Format::Fit, &TimeZone::UTC).expect_err("damaged");
    assert!(why.contains("checksum does not match"), "{why}");
}
