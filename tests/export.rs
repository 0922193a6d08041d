//! The calendar and spreadsheet exports, read back with the crates that wrote them: the
//! library's writers field by field, and `runweek export` through the real binary.

mod support;

use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventStatus};
use jiff::civil::{date, time};
use runweek::core::plan::Plan;
use runweek::core::settings::Units;
use runweek::export::{self, Range, calendar, table};
use runweek::file;
use support::{demo_file, runweek, stderr, stdout, temp_file};

/// A small plan whose titles and notes hold what calendars and spreadsheets must escape.
const PLAN: &str = r#"(
    version: 1,
    settings: (units: Mi),
    sessions: [
        (id: 7, date: "2026-11-23", kind: Rest, minutes: 0),
        (id: 3, date: "2026-11-24", kind: Tempo, title: "Tempo, then strides", minutes: 50,
         distance_km: Some(16.09344), rpe: Some(7), key: true,
         notes: "warm up 15 min; \"easy\" first\nthen 3 x 10 min"),
        (id: 4, date: "2026-11-25", kind: Easy, minutes: 45,
         done: Some(Done(minutes: 47, distance_km: Some(8.1), rpe: Some(3), avg_hr: Some(139)))),
        (id: 5, date: "2026-11-26", kind: Hills, minutes: 40, done: Some(Skipped)),
    ],
)
"#;

fn plan() -> Plan {
    file::parse(PLAN).expect("the test plan parses")
}

fn ics(plan: &Plan, from: jiff::civil::Date, to: jiff::civil::Date, key: &str) -> String {
    let options = calendar::CalendarOptions {
        plan_key: export::plan_key(Some(key)),
        name: "runweek: test".to_owned(),
        stamp: "2026-11-20T08:00:00Z".parse().expect("a time stamp"),
    };
    calendar::write(plan, export::select(plan, Range { from, to }), &options)
        .expect("the calendar is written")
}

fn parse(text: &str) -> Calendar {
    text.parse().expect("the calendar parses")
}

fn start(event: &icalendar::Event) -> DatePerhapsTime {
    event.get_start().expect("a start")
}

#[test]
fn the_calendar_holds_one_event_per_session_read_back_field_by_field() {
    let plan = plan();
    let text = ics(&plan, date(2026, 11, 1), date(2026, 11, 30), "mine");
    let cal = parse(&text);
    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), 4, "{text}");

    let tempo = events[1];
    assert_eq!(
        tempo.get_uid(),
        Some(format!("session-3-{}@runweek", export::plan_key(Some("mine"))).as_str())
    );
    // In the plan's units (miles), with the key mark.
    assert_eq!(tempo.get_summary(), Some("Tempo 50 min · 10.0 mi ★"));
    assert_eq!(
        tempo.get_description(),
        Some(
            "Tempo, then strides\nPlanned: Tempo 50 min, 10.0 mi, RPE 7\nKey session of the week.\n\
             warm up 15 min; \"easy\" first\nthen 3 x 10 min"
        )
    );
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a day");
    assert_eq!(start(tempo), DatePerhapsTime::Date(day));
    assert_eq!(
        tempo.get_end(),
        Some(DatePerhapsTime::Date(day.succ_opt().expect("next day")))
    );
    assert_eq!(tempo.get_status(), Some(EventStatus::Confirmed));
    assert!(tempo.get_timestamp().is_some());

    let easy = events[2];
    assert_eq!(easy.get_summary(), Some("Easy 45 min"));
    let description = easy.get_description().expect("a description");
    assert!(
        description.ends_with("Done: 47 min, 5.0 mi, RPE 3, average HR 139 bpm"),
        "{description}"
    );
    let hills = events[3];
    assert_eq!(hills.get_status(), Some(EventStatus::Cancelled));
    assert!(
        hills
            .get_description()
            .is_some_and(|d| d.ends_with("Skipped."))
    );
    assert_eq!(events[0].get_summary(), Some("Rest"));

    // Commas, semicolons and new lines are escaped in the file itself, never raw.
    assert!(text.contains(r"SUMMARY:Tempo 50 min · 10.0 mi ★"), "{text}");
    assert!(text.contains(r"Tempo\, then strides\n"), "{text}");
    assert!(text.contains(r"warm up 15 min\; "), "{text}");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        text.split_terminator('\n').all(|l| l.ends_with('\r')),
        "CRLF line ends"
    );
}

#[test]
fn a_session_keeps_its_uid_across_exports_and_edits_but_not_across_plans() {
    let plan = plan();
    let (from, to) = (date(2026, 11, 1), date(2026, 11, 30));
    let uids = |text: &str| -> Vec<String> {
        parse(text)
            .events()
            .map(|e| e.get_uid().expect("a uid").to_owned())
            .collect()
    };
    let first = uids(&ics(&plan, from, to, "mine"));
    assert_eq!(first, uids(&ics(&plan, from, to, "mine")));
    // Moved and retitled, the session is still the same event.
    let moved = PLAN
        .replace(
            "date: \"2026-11-24\", kind: Tempo",
            "date: \"2026-11-27\", kind: Tempo",
        )
        .replace("Tempo, then strides", "Tempo");
    let moved = file::parse(&moved).expect("parses");
    let after = uids(&ics(&moved, from, to, "mine"));
    let mut sorted_first = first.clone();
    let mut sorted_after = after.clone();
    sorted_first.sort();
    sorted_after.sort();
    assert_eq!(sorted_first, sorted_after);
    // Another plan's sessions are other events, even with the same ids.
    let other = uids(&ics(&plan, from, to, "other"));
    assert!(first.iter().all(|uid| !other.contains(uid)));
    let unique: std::collections::BTreeSet<_> = first.iter().collect();
    assert_eq!(unique.len(), first.len());
}

#[test]
fn only_the_sessions_in_the_range_are_exported_and_a_dropped_one_never() {
    let plan = plan();
    let text = ics(&plan, date(2026, 11, 24), date(2026, 11, 25), "mine");
    let summaries: Vec<_> = parse(&text)
        .events()
        .map(|e| e.get_summary().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(summaries, ["Tempo 50 min · 10.0 mi ★", "Easy 45 min"]);

    // A re-plan that drops a session removes it from the plan: it is not exported.
    let mut dropped = plan.clone();
    dropped
        .apply(runweek::core::edit::Edit::RemoveSession(
            runweek::core::session::SessionId(4),
        ))
        .expect("removed");
    let text = ics(&dropped, date(2026, 11, 1), date(2026, 11, 30), "mine");
    assert!(
        parse(&text)
            .events()
            .all(|e| !e.get_uid().unwrap_or_default().starts_with("session-4-"))
    );
}

#[test]
fn a_time_of_day_in_the_settings_makes_timed_events_of_the_planned_length() {
    let mut plan = plan();
    let mut settings = plan.settings.clone();
    settings.calendar_time = Some(time(6, 30, 0, 0));
    plan.apply(runweek::core::edit::Edit::SetSettings(settings))
        .expect("settings apply");
    let text = ics(&plan, date(2026, 11, 1), date(2026, 11, 30), "mine");
    let cal = parse(&text);
    let events: Vec<_> = cal.events().collect();
    let at = |h, m| {
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
                .and_then(|d| d.and_hms_opt(h, m, 0))
                .expect("a time"),
        ))
    };
    assert_eq!(start(events[1]), at(6, 30));
    assert_eq!(events[1].get_end(), Some(at(7, 20)));
    // A rest day of no minutes stays on its day.
    assert!(matches!(start(events[0]), DatePerhapsTime::Date(_)));
    // The setting travels in the file as "HH:MM".
    let saved = file::to_text(&plan);
    assert!(saved.contains("calendar_time: Some(\"06:30\")"), "{saved}");
    assert_eq!(file::parse(&saved).expect("parses"), plan);
}

#[test]
fn the_spreadsheet_has_the_columns_and_quotes_commas_quotes_and_new_lines() {
    let plan = plan();
    let text = table::write(
        &plan,
        export::select(
            &plan,
            Range {
                from: date(2026, 11, 1),
                to: date(2026, 11, 30),
            },
        ),
    )
    .expect("the table is written");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, table::header(Units::Mi));
    assert_eq!(header[6], "planned_distance_mi");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 4);
    let tempo: Vec<&str> = rows[1].iter().collect();
    assert_eq!(
        tempo,
        [
            "2026-11-24",
            "Tue",
            "Tempo",
            "Tempo, then strides",
            "50",
            "16.09",
            "10",
            "7",
            "yes",
            "planned",
            "",
            "",
            "",
            "",
            "warm up 15 min; \"easy\" first\nthen 3 x 10 min",
        ]
    );
    let easy: Vec<&str> = rows[2].iter().collect();
    assert_eq!(&easy[9..14], ["done", "47", "5.03", "3", "139"]);
    assert_eq!(&rows[3][9], "skipped");
    // The raw text quotes the title and the notes.
    assert!(text.contains("\"Tempo, then strides\""), "{text}");
    assert!(text.contains("\"\"easy\"\""), "{text}");
}

#[test]
fn the_command_exports_to_standard_output_or_a_file_in_a_range() {
    let path = demo_file("export_cli");
    let plan = path.to_str().expect("utf-8 path");
    let out = runweek(&["export", plan, "--format", "ics"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let cal = parse(&stdout(&out));
    let sessions = file::load(&path).expect("the demo").sessions().len();
    assert_eq!(cal.events().count(), sessions, "the whole plan by default");

    let out = runweek(&[
        "export",
        plan,
        "--format",
        "csv",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-29",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let dates: Vec<String> = reader
        .records()
        .map(|r| r.expect("a row")[0].to_owned())
        .collect();
    assert_eq!(dates.len(), 8, "{text}");
    assert!(
        dates
            .iter()
            .all(|d| ("2026-11-23".."2026-11-30").contains(&d.as_str()))
    );

    let target = temp_file("out.ics", "old");
    let out = runweek(&[
        "export",
        plan,
        "--format",
        "ics",
        "-o",
        target.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with(&format!(
            ": {sessions} sessions exported, 2026-06-29 to 2026-12-06\n"
        )),
        "{}",
        stdout(&out)
    );
    let written = std::fs::read_to_string(&target).expect("written");
    assert_eq!(parse(&written).events().count(), sessions);
}

#[test]
fn the_command_refuses_bad_input_in_one_line() {
    let path = demo_file("export_bad");
    let plan = path.to_str().expect("utf-8 path");
    for args in [
        vec!["export", plan, "--format", "pdf"],
        vec![
            "export",
            plan,
            "--format",
            "ics",
            "--from",
            "2026-12-01",
            "--to",
            "2026-11-01",
        ],
        vec!["export", plan, "--format", "csv", "--from", "yesterday"],
        vec!["export", "/nonexistent/plan.ron", "--format", "csv"],
        vec![
            "export",
            plan,
            "--format",
            "csv",
            "-o",
            "/nonexistent/folder/out.csv",
        ],
    ] {
        let out = runweek(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out).lines().count(),
            1,
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
}
