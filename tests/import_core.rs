//! The import's rules in the core: matching, adding, idempotence, one undo step, the learned
//! easy HR and the verdict's marker from a file.

use jiff::civil::{Date, DateTime, date};
use runweek::core::activity::{Activity, HrSummary, Sport};
use runweek::core::edit::Edit;
use runweek::core::import::{Action, learned_easy_hr, plan_import};
use runweek::core::plan::{Availability, Plan};
use runweek::core::readiness::{ReadinessEntry, When};
use runweek::core::session::{Done, Kind, Session, SessionId};
use runweek::core::settings::Settings;
use runweek::core::units::{Bpm, Minutes};
use runweek::core::verdict::{Assessments, assess};

fn session(id: u64, day: Date, kind: Kind, minutes: i64) -> Session {
    Session::new(
        SessionId(id),
        day,
        kind,
        Minutes::new(minutes).expect("minutes"),
    )
}

fn plan(sessions: Vec<Session>) -> Plan {
    let settings = Settings {
        easy_hr: Some(Bpm::new(140).expect("bpm")),
        ..Settings::default()
    };
    Plan::new(settings, Availability::default(), sessions, Vec::new()).expect("valid")
}

fn activity(sport: Sport, start: DateTime, minutes: f64, settled: Option<u8>) -> Activity {
    Activity {
        sport,
        start,
        minutes,
        distance_km: Some(minutes / 6.0),
        hr: HrSummary {
            avg: settled,
            max: settled,
            warmup: settled.map(|b| b - 10),
            settled,
        },
    }
}

const TUE: Date = date(2026, 11, 24);

fn at(day: Date, hour: i8) -> DateTime {
    day.at(hour, 0, 0, 0)
}

/// What importing `activities` into `plan` does, by action.
fn check(plan: &Plan, activities: &[Activity], expected: &[Result<Action, &str>]) {
    let got = plan_import(plan, activities);
    let got: Vec<Result<Action, String>> = got.outcomes;
    let expected: Vec<Result<Action, String>> =
        expected.iter().map(|e| e.map_err(str::to_owned)).collect();
    assert_eq!(got, expected);
}

#[test]
fn a_run_fills_the_nearest_planned_running_session_of_its_day() {
    let p = plan(vec![
        session(1, TUE, Kind::Long, 100),
        session(2, TUE, Kind::Easy, 45),
        session(3, TUE, Kind::Cross, 45),
        session(4, date(2026, 11, 25), Kind::Easy, 50),
    ]);
    check(
        &p,
        &[activity(Sport::Run, at(TUE, 7), 50.0, None)],
        &[Ok(Action::Matched(SessionId(2)))],
    );
    check(
        &p,
        &[activity(Sport::Run, at(TUE, 7), 95.0, None)],
        &[Ok(Action::Matched(SessionId(1)))],
    );
    check(
        &p,
        &[activity(Sport::Ride, at(TUE, 7), 95.0, None)],
        &[Ok(Action::Matched(SessionId(3)))],
    );
    // Two runs on one day take one session each, in the order they were run.
    check(
        &p,
        &[
            activity(Sport::Run, at(TUE, 18), 44.0, None),
            activity(Sport::Run, at(TUE, 7), 46.0, None),
        ],
        &[
            Ok(Action::Matched(SessionId(1))),
            Ok(Action::Matched(SessionId(2))),
        ],
    );
}

#[test]
fn unmatched_activities_are_added_by_sport_and_length() {
    let mut done = session(1, TUE, Kind::Easy, 45);
    done.done = Some(Done::Skipped);
    let p = plan(vec![done, session(2, TUE, Kind::Strength, 30)]);
    let result = plan_import(
        &p,
        &[
            activity(Sport::Run, at(TUE, 7), 45.0, None),
            activity(Sport::Run, at(TUE, 9), 90.0, None),
            activity(Sport::Swim, at(TUE, 12), 30.0, None),
        ],
    );
    assert_eq!(
        result.outcomes,
        [
            Ok(Action::Added(SessionId(3))),
            Ok(Action::Added(SessionId(4))),
            Ok(Action::Added(SessionId(5))),
        ]
    );
    let mut after = p.clone();
    after.apply(result.edit).expect("applies");
    let kinds: Vec<(Kind, &str, bool)> = after
        .sessions_on(TUE)
        .iter()
        .skip(2)
        .map(|s| (s.kind, s.title.as_str(), s.is_done()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Easy, "Run", true),
            (Kind::Long, "Run", true),
            (Kind::Cross, "Swim", true)
        ]
    );
}

#[test]
fn importing_twice_changes_nothing_and_undo_is_one_step() {
    let p = plan(vec![session(1, TUE, Kind::Easy, 45)]);
    let runs = [
        activity(Sport::Run, at(TUE, 7), 47.0, Some(150)),
        activity(Sport::Run, at(TUE, 7), 47.0, Some(150)),
    ];
    let first = plan_import(&p, &runs);
    assert_eq!(
        first.outcomes,
        [
            Ok(Action::Matched(SessionId(1))),
            Ok(Action::Duplicate(SessionId(1)))
        ]
    );
    let mut after = p.clone();
    let applied = after.apply_undoable(first.edit).expect("applies");
    let done = after.session(SessionId(1)).expect("1");
    match done.done {
        Some(Done::Done(run)) => {
            assert_eq!(run.minutes.get(), 47);
            assert_eq!(run.avg_hr.map(Bpm::get), Some(150));
        }
        other => panic!("{other:?}"),
    }
    let again = plan_import(&after, &runs[..1]);
    assert_eq!(again.outcomes, [Ok(Action::Duplicate(SessionId(1)))]);
    assert!(!again.changes_anything());
    after.apply(applied.inverse).expect("undoes");
    assert_eq!(after, p);
}

#[test]
fn an_activity_outside_the_plans_years_is_refused_alone() {
    let p = plan(Vec::new());
    let result = plan_import(
        &p,
        &[
            activity(Sport::Run, at(date(1899, 12, 31), 7), 30.0, None),
            activity(Sport::Run, at(TUE, 7), 30.0, None),
        ],
    );
    assert!(result.outcomes[0].is_err());
    assert_eq!(result.outcomes[1], Ok(Action::Added(SessionId(1))));
}

fn easy_runs(settled: &[u8]) -> Plan {
    let mut p = plan(Vec::new());
    for (i, &hr) in settled.iter().enumerate() {
        let day = runweek::core::week::add_days(TUE, i as i64);
        let result = plan_import(&p, &[activity(Sport::Run, at(day, 7), 40.0, Some(hr))]);
        p.apply(result.edit).expect("applies");
    }
    p
}

#[test]
fn the_easy_hr_is_learned_from_the_last_ten_easy_runs_once_there_are_five() {
    assert_eq!(learned_easy_hr(&easy_runs(&[140, 141, 142, 143])), None);
    let five = learned_easy_hr(&easy_runs(&[150, 141, 139, 143, 170])).expect("five");
    assert_eq!((five.runs, five.bpm.get()), (5, 143));
    // Only the last ten count: the first two (200s) are forgotten. Median of an even count
    // is the mean of the middle two.
    let twelve = [200, 200, 140, 142, 144, 146, 148, 150, 152, 154, 156, 158];
    let learned = learned_easy_hr(&easy_runs(&twelve)).expect("ten");
    assert_eq!((learned.runs, learned.bpm.get()), (10, 149));
}

#[test]
fn a_high_settled_hr_on_an_easy_run_is_the_days_marker_and_a_typed_value_wins() {
    let mut p = plan(vec![session(1, TUE, Kind::Easy, 40)]);
    let morning = ReadinessEntry::new(TUE, When::Morning);
    p.apply(Edit::SetReadiness(morning.clone()))
        .expect("applies");
    let before = assess(&p, TUE);
    let mut days = Assessments::new(&p, date(2026, 11, 1), date(2026, 12, 31));

    let import = plan_import(&p, &[activity(Sport::Run, at(TUE, 7), 40.0, Some(152))]);
    let changed = import.edit.changed_days(&p);
    p.apply(import.edit).expect("applies");
    let after = assess(&p, TUE);
    assert_eq!(after.hold_back_signals, before.hold_back_signals + 1);
    let line =
        "Easy run on Tue: 152 bpm in minutes 10–15, expected 140 + 5 (from the imported file)";
    assert!(after.reasons.iter().any(|r| r.text == line), "{after:#?}");
    // The days kept up to date from the edit agree with a fresh assessment.
    days.update(&p, changed);
    assert_eq!(days.get(TUE), Some(&after));
    assert_eq!(
        days,
        Assessments::new(&p, date(2026, 11, 1), date(2026, 12, 31))
    );

    // 144 is under 140 + 5: no marker.
    let mut low = plan(vec![session(1, TUE, Kind::Easy, 40)]);
    low.apply(Edit::SetReadiness(morning.clone()))
        .expect("applies");
    let import = plan_import(&low, &[activity(Sport::Run, at(TUE, 7), 40.0, Some(144))]);
    low.apply(import.edit).expect("applies");
    assert_eq!(
        assess(&low, TUE).hold_back_signals,
        before.hold_back_signals
    );

    // A typed easy-effort HR of 141 for the day wins over the file.
    let mut typed = morning;
    typed.easy_hr = Some(Bpm::new(141).expect("bpm"));
    p.apply(Edit::SetReadiness(typed)).expect("applies");
    let typed = assess(&p, TUE);
    assert!(!typed.reasons.iter().any(|r| r.text == line), "{typed:#?}");
}

#[test]
fn a_hard_run_or_a_ride_is_no_easy_effort_marker() {
    for (kind, sport) in [(Kind::Tempo, Sport::Run), (Kind::Cross, Sport::Ride)] {
        let mut p = plan(vec![session(1, TUE, kind, 40)]);
        p.apply(Edit::SetReadiness(ReadinessEntry::new(TUE, When::Morning)))
            .expect("applies");
        let before = assess(&p, TUE);
        let import = plan_import(&p, &[activity(sport, at(TUE, 7), 40.0, Some(170))]);
        p.apply(import.edit).expect("applies");
        assert_eq!(assess(&p, TUE).hold_back_signals, before.hold_back_signals);
    }
}
