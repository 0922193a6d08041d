//! The plan file: round trips, errors that name the place, atomic saves, and no panic on
//! any input.

use proptest::prelude::*;
use runweek::core::plan::Plan;
use runweek::file::{self, Saved};

/// A folder of the test's own, removed when the test ends.
fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("runweek-test-")
        .tempdir()
        .expect("temp dir")
}

fn demo() -> Plan {
    file::demo().expect("the demo plan is valid")
}

#[test]
fn demo_round_trips_through_text() {
    let plan = demo();
    let text = file::to_text(&plan);
    assert_eq!(file::parse(&text).expect("saved text parses"), plan);
    // Saving is stable: the second save writes the same bytes.
    assert_eq!(file::to_text(&file::parse(&text).expect("parses")), text);
}

#[test]
fn an_imported_activity_round_trips_and_is_checked() {
    let text = "(version: 1, sessions: [\n  (id: 1, date: \"2026-11-24\", kind: Easy, minutes: 40, \
        done: Some(Done(minutes: 41, avg_hr: Some(141))), activity: Some(sport: Run, \
        start: \"2026-11-24T07:02:13\", max_hr: Some(160), warmup_hr: Some(132), \
        settled_hr: Some(146))),\n])\n";
    let plan = file::parse(text).expect("parses");
    let record = plan.sessions()[0].activity.expect("an activity");
    assert_eq!(record.settled_hr.map(|b| b.get()), Some(146));
    let saved = file::to_text(&plan);
    assert!(
        saved.contains("activity: Some(sport: Run, start: \"2026-11-24T07:02:13\""),
        "{saved}"
    );
    assert_eq!(file::parse(&saved).expect("parses"), plan);
    check_error(
        &session(
            "kind: Easy, minutes: 30, activity: Some(sport: Run, start: \"2026-11-24T07:00:00\", settled_hr: Some(300)))",
        ),
        "2:130: heart rate must be between 25 and 230 bpm, got 300",
    );
}

#[test]
fn demo_has_two_key_sessions_a_week_and_hold_back_days() {
    let plan = demo();
    // The week before, this week and the next: two key sessions each.
    let keys = plan
        .sessions()
        .iter()
        .filter(|s| s.key && s.date >= jiff::civil::date(2026, 11, 16))
        .count();
    assert_eq!(keys, 6);
    assert!(plan.sessions().iter().any(|s| s.is_done()));
    assert!(plan.sessions().iter().any(|s| !s.is_done()));
    assert!(
        plan.readiness().len() > 28,
        "enough readings for the baselines"
    );
}

#[test]
fn save_is_atomic_and_skips_an_unchanged_document() {
    let tmp = temp_dir();
    let dir = tmp.path();
    let path = dir.join("plan.ron");
    let plan = demo();
    assert_eq!(file::save(&path, &plan), Ok(Saved::Written));
    assert_eq!(file::save(&path, &plan), Ok(Saved::Unchanged));
    assert_eq!(file::load(&path).expect("loads"), plan);
    // Nothing is left beside the file.
    let names: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("plan.ron")]);
}

#[test]
fn a_failed_save_leaves_the_old_file_as_it_was() {
    let tmp = temp_dir();
    let dir = tmp.path();
    let path = dir.join("missing-folder").join("plan.ron");
    let err = file::save(&path, &demo()).expect_err("no such folder");
    assert!(err.to_string().contains("plan.ron"), "{err}");
    assert!(!path.exists());
}

static FAILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// One error case: the text, and the exact `line:col: message` it must give.
fn check_error(text: &str, expected: &str) {
    match file::parse(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) if e.to_string() != expected => {
            eprintln!("MISMATCH for {text:?}\n  got:      {e}\n  expected: {expected}");
            FAILED.store(true, std::sync::atomic::Ordering::SeqCst);
        }
        Err(_) => {}
    }
}

fn session(fields: &str) -> String {
    format!("(version: 1, sessions: [\n  (id: 1, date: \"2026-11-24\", {fields}),\n])")
}

#[test]
fn bad_input_names_the_place_and_what_was_expected() {
    check_error(
        "",
        "the file is empty; a plan starts with `(version: 1, ...)`",
    );
    check_error(
        "(version: 1, sessions: [",
        "1:24: Expected opening `(` for struct `Session`",
    );
    check_error(
        "(version: 2, sessions: [], shiny_new_field: 3)",
        "1:2: this plan was written by a newer runweek (file version 2); this version reads \
         version 1 only, so it refuses rather than misread it",
    );
    check_error(
        "(sessions: [])",
        "1:14: Unexpected missing field named `version` in `PlanFile`",
    );
    check_error(
        &session("kind: Jogging, minutes: 30"),
        "2:37: Unexpected variant named `Jogging` in enum `Kind`, expected one of `Rest`, \
         `Recovery`, `Easy`, `Long`, `Tempo`, `Intervals`, `Hills`, `Race`, `Cross`, or \
         `Strength` instead",
    );
    check_error(
        &session("kind: Easy, minutes: -5"),
        "2:53: minutes must be between 0 and 1440, got -5",
    );
    check_error(
        &session("kind: Easy, minutes: 30, rpe: Some(11)"),
        "2:66: RPE must be between 1 and 10, got 11",
    );
    check_error(
        &session("kind: Easy, minutes: \"thirty\""),
        "2:51: Expected integer",
    );
    check_error(
        &session("kind: Easy, minutes: 30, colour: Red"),
        "2:56: Unexpected field named `colour` in `Session`, expected one of `id`, `date`, \
         `kind`, `title`, `minutes`, `distance_km`, `rpe`, `key`, `notes`, `done`, or `activity` \
         instead",
    );
    check_error(
        &session("kind: Easy, minutes: 0"),
        "2:4: session 1 (Easy) must last at least 1 minute; only Rest may be 0",
    );
    check_error(
        "(version: 1, sessions: [(id: 1, date: \"2026-02-30\", kind: Easy, minutes: 30)])",
        "1:40: \"2026-02-30\" is not a day of the calendar: parsed date is not valid: \
         parameter 'day' for `2026-02` is invalid, must be in range `1..=28`",
    );
    check_error(
        "(version: 1, sessions: [(id: 1, date: \"2026-11-24T10:00\", kind: Easy, minutes: 30)])",
        "1:40: expected a date as \"YYYY-MM-DD\", got \"2026-11-24T10:00\"",
    );
    check_error(
        "(version: 1, readiness: [(date: \"9999-12-31\")])",
        "1:34: date 9999-12-31 is outside 1900-01-01 to 2199-12-31",
    );
    check_error(
        "(version: 1, availability: (blocked: [\"2026-12-24\", \"24/12/2026\"]))",
        "1:65: expected a date as \"YYYY-MM-DD\", got \"24/12/2026\"",
    );
    check_error(
        "(version: 1, sessions: [\n  (id: 7, date: \"2026-11-24\", kind: Easy, minutes: 30),\n  (id: 7, date: \"2026-11-25\", kind: Easy, minutes: 30),\n])",
        "3:4: session id 7 is used twice",
    );
    // The place is a field of the plan, not the same words in a note or a comment.
    check_error(
        "(version: 1, sessions: [\n  (id:1, date: \"2026-11-24\", kind: Easy, minutes: 30, notes: \"id: 1\"), // id: 1\n  (id :1, date: \"2026-11-25\", kind: Easy, minutes: 30),\n])",
        "3:4: session id 1 is used twice",
    );
    // However the number is spelled.
    check_error(
        "(version: 1, sessions: [\n  (id: 6, date: \"2026-11-24\", kind: Easy, minutes: 30),\n  (id: 06, date: \"2026-11-25\", kind: Easy, minutes: 30),\n])",
        "3:4: session id 6 is used twice",
    );
    check_error(
        "(version: 1, sessions: [(id: 3, date: \"2026-11-24\", kind: Easy, minutes: 30)], readiness: [(date: \"2026-11-24\"), (date: \"2026-11-24\")])",
        "1:115: two Morning readiness entries for 2026-11-24",
    );
    check_error(
        "(version: 1, readiness: [\n  (date: \"2026-11-24\", resting_hr: Some(300)),\n])",
        "2:41: heart rate must be between 25 and 230 bpm, got 300",
    );
    check_error(
        "(version: 1, readiness: [(date: \"2026-11-24\", sleep_hours: Some(30.0))])",
        "1:65: sleep must be between 0 and 24 hours, got 30",
    );
    check_error(
        "(version: 1,\n settings: (fitness_days: 0))",
        "2:13: fitness_days must be between 1 and 365, got 0",
    );
    check_error(
        "(version: 1,\n settings: (verdict: (hrv_band_sd: NaN)))",
        "2:23: verdict.hrv_band_sd must be between 0 and 5, got NaN",
    );
    check_error(
        "(version: 1)\0\u{1}\u{2}",
        "1:13: this is not a text file (it holds a NUL byte); is it the right file?",
    );
    assert!(
        !FAILED.load(std::sync::atomic::Ordering::SeqCst),
        "see the mismatches above"
    );
}

#[test]
fn the_product_example_reads_as_written() {
    let text = r#"(
    version: 1,
    settings: (week_start: Monday, units: Km, easy_hr: Some(140), fitness_days: 42, fatigue_days: 7),
    availability: (max_minutes: { Wed: 40, Fri: 0 }, blocked: ["2026-12-24"]),
    sessions: [
        (id: 1, date: "2026-11-24", kind: Intervals, title: "6 x 800 m", minutes: 60,
         distance_km: Some(10.0), rpe: Some(8), key: true),
        (id: 2, date: "2026-11-25", kind: Easy, minutes: 45,
         done: Some(Done(minutes: 47, distance_km: Some(8.1), rpe: Some(3), avg_hr: Some(139)))),
        (id: 3, date: "2026-11-26", kind: Tempo, minutes: 50, done: Some(Skipped)),
    ],
    readiness: [
        (date: "2026-11-27", when: WarmUp, legs: Heavy, breathing: Normal, stride: Rough,
         recent: Stable, body: Neutral, easy_hr: Some(151), resting_hr: Some(54), hrv_ms: Some(46.0),
         sleep_hours: Some(6.5), unwell: false, improving: false, notes: "slept badly"),
    ],
)"#;
    let plan = file::parse(text).expect("the product's example is a valid plan");
    assert_eq!(plan.sessions().len(), 3);
    assert!(plan.sessions()[2].is_skipped());
    assert_eq!(plan.readiness().len(), 1);
}

#[test]
fn a_file_that_is_too_big_or_binary_is_refused_without_touching_it() {
    let tmp = temp_dir();
    let dir = tmp.path();
    let big = dir.join("big.ron");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(100 * 1024 * 1024).expect("sparse 100 MB file");
    let err = file::load(&big).expect_err("too big");
    assert!(err.to_string().contains("at most 32 MB"), "{err}");
    assert_eq!(
        std::fs::metadata(&big).expect("still there").len(),
        100 * 1024 * 1024
    );

    let binary = dir.join("binary.ron");
    std::fs::write(&binary, [0x28, 0xff, 0xfe, 0x00]).expect("write");
    let err = file::load(&binary).expect_err("binary");
    assert!(
        err.to_string()
            .ends_with("1:2: this is not a text file (invalid UTF-8); is it the right file?"),
        "{err}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Mutated plan files never panic the loader: each gives a plan or an error.
    #[test]
    fn mutated_files_never_panic(
        cuts in prop::collection::vec((0usize..6000, 0usize..40, any::<u8>()), 1..6)
    ) {
        let mut bytes = file::DEMO.as_bytes().to_vec();
        for (at, len, byte) in cuts {
            let at = at % bytes.len();
            let end = (at + len).min(bytes.len());
            match byte % 3 {
                0 => { bytes.drain(at..end); }
                1 => bytes[at] = byte,
                _ => bytes.splice(at..at, std::iter::repeat_n(byte, len)).for_each(drop),
            }
            if bytes.is_empty() { break; }
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = file::parse(&text);
    }
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_file_private_and_a_link_a_link() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let tmp = temp_dir();
    let dir = tmp.path();
    let real = dir.join("real.ron");
    let link = dir.join("plan.ron");
    file::save(&real, &demo()).expect("save");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    symlink(&real, &link).expect("link");

    let mut changed = demo();
    changed.settings.fitness_days = 30;
    assert_eq!(file::save(&link, &changed), Ok(Saved::Written));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(file::load(&real).expect("the real file"), changed);
    let mode = std::fs::metadata(&real).expect("real").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_byte_order_mark_is_not_an_error() {
    let text = format!("\u{feff}{}", file::DEMO);
    assert_eq!(file::parse(&text).expect("parses"), demo());
}
