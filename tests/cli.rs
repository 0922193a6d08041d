//! The command line through its real binary.

mod support;
use support::{demo_file, runweek, stderr, stdout, temp_file};

#[test]
fn check_a_valid_plan_prints_one_line_and_exits_zero() {
    let path = demo_file("check_valid");
    let out = runweek(&["check", path.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("ok: 183 sessions"), "{text}");
}

#[test]
fn check_an_invalid_plan_names_file_line_and_column_and_leaves_it_alone() {
    let body = "(version: 1, sessions: [\n  (id: 1, date: \"2026-11-24\", kind: Easy, minutes: 30, rpe: Some(11)),\n])\n";
    let path = temp_file("bad.ron", body);
    let out = runweek(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "{}:2:66: RPE must be between 1 and 10, got 11\n",
            path.display()
        )
    );
    assert!(stdout(&out).is_empty());
    assert_eq!(std::fs::read_to_string(&path).expect("still there"), body);
}

#[test]
fn check_a_missing_file_is_one_line() {
    let out = runweek(&["check", "/nonexistent/plan.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(stderr(&out).starts_with("/nonexistent/plan.ron: "));
}

#[test]
fn show_prints_the_week_with_key_and_done_marks_and_totals() {
    let path = demo_file("show_text");
    let out = runweek(&[
        "show",
        path.to_str().expect("utf-8 path"),
        "--date",
        "2026-11-25",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Week of Mon 2026-11-23"), "{text}");
    assert!(
        text.contains(
            "Tue 24 Nov         * Intervals \"5 x 1000 m\", 60 min, 11.0 km  [done 58 min"
        ),
        "{text}"
    );
    assert!(text.contains("Mon 23 Nov           Rest\n"), "{text}");
    assert!(text.contains("Planned "), "{text}");
    assert!(text.contains("3 hard sessions"), "{text}");
}

#[test]
fn show_json_has_seven_days_and_totals() {
    let path = demo_file("show_json");
    let out = runweek(&[
        "show",
        path.to_str().expect("utf-8 path"),
        "--date",
        "2026-11-25",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["week_start"], "2026-11-23");
    assert_eq!(v["days"].as_array().map(Vec::len), Some(7));
    assert_eq!(v["days"][1]["sessions"][0]["status"], "done");
    assert_eq!(v["days"][1]["sessions"][0]["key"], true);
    assert_eq!(v["totals"]["hard_sessions"], 3);
}

#[test]
fn a_bad_date_is_refused_with_one_line() {
    let path = demo_file("bad_date");
    let out = runweek(&[
        "show",
        path.to_str().expect("utf-8 path"),
        "--date",
        "2026-02-30",
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("2026-02-30"), "{}", stderr(&out));
}

#[test]
fn check_json_summarises_the_plan() {
    let path = demo_file("check_json");
    let out = runweek(&["check", path.to_str().expect("utf-8 path"), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["ok"], true);
    assert_eq!(v["sessions"], 183);
    assert_eq!(v["first"], "2026-06-29");
    assert_eq!(v["last"], "2026-12-06");
}

#[test]
fn usage_errors_are_one_line_with_exit_code_one() {
    for args in [
        &["show"][..],
        &["show", "plan.ron", "--date", "9999-12-31"],
        &["assess", "plan.ron"],
    ] {
        let out = runweek(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out).lines().count(),
            1,
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

/// The demo's hold-back Wednesday, in a week that is over by now.
const DEMO_WEDNESDAY: &str = "2026-11-25";

#[test]
fn replan_for_a_day_in_a_week_that_is_over_says_those_days_are_past() {
    let path = demo_file("replan_past");
    let out = runweek(&[
        "replan",
        path.to_str().expect("utf-8 path"),
        "--date",
        DEMO_WEDNESDAY,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("Wed 25 Nov 2026 is in a week that is over: nothing moves onto a past day"),
        "{err}"
    );
    assert!(err.contains("--as-if-today"), "{err}");
    assert!(!err.contains("breaking the rules"), "{err}");
}

#[test]
fn replan_as_if_today_shows_the_what_if_with_the_form_on_the_key_day() {
    let path = demo_file("replan_as_if");
    let before = std::fs::read_to_string(&path).expect("read");
    let out = runweek(&[
        "replan",
        path.to_str().expect("utf-8 path"),
        "--date",
        DEMO_WEDNESDAY,
        "--as-if-today",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Re-plan from Wed 25 Nov 2026 (today): Hold back"),
        "{text}"
    );
    assert!(text.contains("Every key session is kept."), "{text}");
    // The form on the key day, with its share of fitness, zone and direction, in the
    // window's words.
    let form = text
        .lines()
        .find(|l| l.starts_with("Form on Sun (Long run 18 km): "))
        .unwrap_or_else(|| panic!("no form line: {text}"));
    assert!(form.contains(" %, "), "{form}");
    assert!(
        ["about the same.", "fresher.", "more tired."]
            .iter()
            .any(|w| form.ends_with(w)),
        "{form}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), before);
    // A what-if never writes.
    let out = runweek(&[
        "replan",
        path.to_str().expect("utf-8 path"),
        "--date",
        DEMO_WEDNESDAY,
        "--as-if-today",
        "--write",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), before);
}

#[test]
fn replan_for_an_earlier_day_of_this_week_says_only_today_and_later_can_change() {
    let today = jiff::Zoned::now().date();
    let yesterday = today.yesterday().expect("a day before");
    let tomorrow = today.tomorrow().expect("a day after");
    let body = format!(
        "(version: 1, sessions: [\n\
         (id: 1, date: \"{yesterday}\", kind: Intervals, minutes: 50, key: true, done: Some(Skipped)),\n\
         (id: 2, date: \"{today}\", kind: Easy, minutes: 40),\n\
         (id: 3, date: \"{tomorrow}\", kind: Easy, minutes: 40),\n\
         ])\n"
    );
    let path = temp_file("replan_yesterday.ron", &body);
    let out = runweek(&[
        "replan",
        path.to_str().expect("utf-8 path"),
        "--date",
        &yesterday.to_string(),
    ]);
    let day = yesterday.strftime("%a %-d %b %Y").to_string();
    if today.weekday() == jiff::civil::Weekday::Monday {
        // Yesterday was last week: a week that is over.
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("is in a week that is over"),
            "{}",
            stderr(&out)
        );
    } else {
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let first = text.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("{day} is past: only today (")),
            "{text}"
        );
        assert!(text.contains("--as-if-today"), "{text}");
    }
}
