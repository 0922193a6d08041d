//! The window and the command line say the same things in the same words: both take them
//! from `runweek::present`. A re-plan after a Hold back reads the same in `runweek replan`
//! and in the proposal on the grid, and a week's totals are the same numbers.

mod support;

use jiff::civil::Date;
use runweek::app::replan_panel::{Ask, Trigger, propose};
use runweek::core::load::week_totals;
use runweek::core::replan::DayLimit;
use runweek::core::verdict::Verdict;
use runweek::core::week::Week;
use runweek::present;
use support::{demo_file, runweek, stdout};

/// The day the demo plan's Hold back falls on, moved as `runweek demo` moves nothing: the
/// demo file as shipped, read as it is.
fn hold_back_day() -> Date {
    jiff::civil::date(2026, 11, 25)
}

#[test]
fn the_limit_of_a_hold_back_day_reads_the_same_in_the_window_and_the_command_line() {
    let path = demo_file("same-limit");
    let plan = runweek::file::load(&path).expect("the demo loads");
    let day = hold_back_day();
    // The command line takes the day as today (the demo's week is over by the clock); the
    // window is given the same day as today, as the runner sees it that morning.
    let sentence = present::day_limit(DayLimit::EasyOnly, day, day).expect("a limit");
    let out = runweek(&[
        "replan",
        &path.display().to_string(),
        "--date",
        "2026-11-25",
        "--as-if-today",
    ]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l == sentence),
        "the command line says:\n{text}\nnot: {sentence}"
    );

    let ask = Ask {
        from: day,
        trigger: Trigger::Verdict(Verdict::HoldBack),
        missed: Vec::new(),
    };
    let preview = propose(&plan, day, &ask).expect("a proposal");
    assert!(
        preview.lines.contains(&sentence),
        "the window says {:?}",
        preview.lines
    );
    // The form on the key day, its zone and "about the same / fresher / more tired": the
    // same line on both sides.
    let form: Vec<&String> = preview
        .lines
        .iter()
        .filter(|l| l.starts_with("Form "))
        .collect();
    assert!(!form.is_empty(), "{:?}", preview.lines);
    for line in form {
        assert!(
            text.lines().any(|l| l == line),
            "the command line says:\n{text}\nnot: {line}"
        );
    }
}

#[test]
fn a_week_s_totals_are_the_same_numbers_on_both_sides() {
    let path = demo_file("same-totals");
    let plan = runweek::file::load(&path).expect("the demo loads");
    let week = Week::containing(hold_back_day(), plan.settings.week_start);
    let totals = week_totals(plan.sessions_between(week.start(), week.end()));
    let out = runweek(&[
        "show",
        &path.display().to_string(),
        "--date",
        "2026-11-25",
        "--json",
    ]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(
        json["totals"]["planned_minutes"].as_u64(),
        Some(u64::from(totals.planned_minutes))
    );
    assert_eq!(
        json["totals"]["done_minutes"].as_u64(),
        Some(u64::from(totals.done_minutes))
    );
    assert_eq!(
        json["totals"]["hard_sessions"].as_u64(),
        Some(u64::from(totals.hard))
    );
    let text = runweek(&["show", &path.display().to_string(), "--date", "2026-11-25"]);
    assert!(
        stdout(&text).contains(&present::distance(totals.planned_km, plan.settings.units)),
        "{}",
        stdout(&text)
    );
}
