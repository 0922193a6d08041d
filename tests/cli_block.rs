//! `runweek show FILE --weeks N`: a block of weeks as rows, through the real binary, with the
//! same figures as `runweek stats` and the window's block view.

mod support;
use support::{demo_file, runweek, stderr, stdout};

fn show_weeks(name: &str, args: &[&str]) -> std::process::Output {
    let path = demo_file(name);
    let mut all = vec!["show", path.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    runweek(&all)
}

#[test]
fn show_weeks_prints_each_week_with_its_figures_and_its_sessions() {
    let out = show_weeks("block_text", &["--weeks", "2", "--date", "2026-11-18"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("2 weeks from Mon 2026-11-16\n"), "{text}");
    assert!(text.contains("Week of"), "{text}");
    // The demo's first shown week is over: all of it was run.
    let row = text
        .lines()
        .find(|l| l.starts_with("Mon 2026-11-16"))
        .expect("a row for the week");
    assert!(row.contains("6 h 03 min"), "{row}");
    assert!(
        text.contains("  Tue 17 Nov  *Intervals 60 min done\n"),
        "{text}"
    );
    assert!(
        text.contains("  Sat 21 Nov  Easy 40 min done, Strength 25 min done\n"),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.starts_with("Mon 2026-11-23")),
        "{text}"
    );
}

#[test]
fn show_weeks_json_has_the_block_s_rows_with_the_figures_of_stats() {
    let out = show_weeks(
        "block_json",
        &["--weeks", "3", "--date", "2026-11-18", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let weeks = v["weeks"].as_array().expect("weeks");
    let starts: Vec<_> = weeks.iter().map(|w| w["start"].clone()).collect();
    assert_eq!(starts, ["2026-11-16", "2026-11-23", "2026-11-30"]);
    for w in weeks {
        assert_eq!(w["days"].as_array().map(Vec::len), Some(7));
        assert!(w["change_pct"].is_number() || w["change_pct"].is_null());
    }
    assert_eq!(weeks[0]["minutes"], 363);
    let tuesday = &weeks[1]["days"][1];
    assert_eq!(tuesday["date"], "2026-11-24");
    assert_eq!(tuesday["sessions"][0]["key"], true);
    assert_eq!(tuesday["sessions"][0]["status"], "done");
    assert_eq!(tuesday["sessions"][0]["title"], "5 x 1000 m");

    // The same minutes, distance and change as `runweek stats` for the same weeks.
    let path = demo_file("block_stats");
    let stats = runweek(&[
        "stats",
        path.to_str().expect("utf-8 path"),
        "--from",
        "2026-11-16",
        "--to",
        "2026-12-06",
        "--json",
    ]);
    assert!(stats.status.success(), "{}", stderr(&stats));
    let s: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("JSON");
    for (w, s) in weeks.iter().zip(s["weeks"].as_array().expect("weeks")) {
        assert_eq!(w["start"], s["start"]);
        assert_eq!(w["minutes"], s["minutes"]);
        assert_eq!(w["distance_km"], s["distance_km"]);
    }
}

#[test]
fn a_number_of_weeks_outside_one_to_fifty_two_is_refused_in_one_line() {
    for n in ["0", "53", "many"] {
        let out = show_weeks("block_bad", &["--weeks", n]);
        assert_eq!(out.status.code(), Some(1), "{n}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{n}: {err}");
        assert!(err.contains("from 1 to 52"), "{n}: {err}");
    }
}
