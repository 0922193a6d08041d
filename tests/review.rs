//! The look back, on weeks written as a runner would tell them.
//!
//! A week is seven days, Monday first. A day is `"<verdict>: <session>; <session>"`: the
//! verdict the morning check gives (`push`, `ok` for As planned, `hold`, `rest`, or `-` for
//! no check), then the sessions as planned and as run: `"tempo 50@7 key done 40@3"` is a
//! key tempo planned for 50 minutes at RPE 7 and run for 40 at RPE 3; `skipped` marks one
//! not run, and a session with neither was not logged.

mod support;

use jiff::civil::{Date, date};
use runweek::core::plan::{Availability, Plan};
use runweek::core::readiness::{Body, Breathing, Legs, ReadinessEntry, Recent, Stride, When};
use runweek::core::review::{
    Choice, Did, KeyStatus, days_before, decisions, patterns, room_to_extend,
};
use runweek::core::session::{Done, DoneRun, Kind, Session, SessionId};
use runweek::core::settings::Settings;
use runweek::core::units::{Minutes, Rpe};
use runweek::core::verdict::{Assessments, Verdict};
use runweek::core::week::{Week, add_days};
use support::{runweek, stderr, stdout, temp_file};

/// The Monday of the first week written.
const START: Date = date(2026, 11, 2);

fn kind(word: &str) -> Kind {
    match word {
        "rest" => Kind::Rest,
        "recovery" => Kind::Recovery,
        "easy" => Kind::Easy,
        "long" => Kind::Long,
        "tempo" => Kind::Tempo,
        "intervals" => Kind::Intervals,
        "hills" => Kind::Hills,
        "strength" => Kind::Strength,
        other => panic!("unknown kind {other}"),
    }
}

fn minutes_rpe(word: &str) -> (i64, i64) {
    let (m, r) = word.split_once('@').expect("minutes@rpe");
    (m.parse().expect("minutes"), r.parse().expect("rpe"))
}

/// The plan for `weeks`, written from [`START`] on.
fn plan(weeks: &[[&str; 7]]) -> Plan {
    let mut sessions = Vec::new();
    let mut readiness = Vec::new();
    let mut id = 0;
    for (w, week) in weeks.iter().enumerate() {
        for (d, spec) in week.iter().enumerate() {
            let day = add_days(START, (w * 7 + d) as i64);
            let (verdict, rest) = spec.split_once(':').expect("verdict: sessions");
            let mut e = ReadinessEntry::new(day, When::Morning);
            match verdict.trim() {
                "push" => {
                    e.legs = Legs::Responsive;
                    e.breathing = Breathing::Controlled;
                    e.recent = Recent::Stable;
                    e.body = Body::Extend;
                }
                "hold" => {
                    e.legs = Legs::Heavy;
                    e.stride = Stride::Rough;
                }
                "rest" => e.unwell = true,
                "ok" => {}
                "-" => e.notes = "none".into(),
                other => panic!("unknown verdict {other}"),
            }
            if verdict.trim() != "-" {
                readiness.push(e);
            }
            for session in rest.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                let mut words = session.split_whitespace();
                let k = kind(words.next().expect("a kind"));
                let (m, r) = if k == Kind::Rest {
                    (0, 1)
                } else {
                    minutes_rpe(words.next().expect("minutes@rpe"))
                };
                id += 1;
                let mut s = Session::new(SessionId(id), day, k, Minutes::new(m).expect("minutes"));
                s.rpe = Rpe::new(r).ok();
                while let Some(word) = words.next() {
                    match word {
                        "key" => s.key = true,
                        "skipped" => s.done = Some(Done::Skipped),
                        "done" => {
                            let (m, r) = minutes_rpe(words.next().expect("done minutes@rpe"));
                            s.done = Some(Done::Done(DoneRun {
                                minutes: Minutes::new(m).expect("minutes"),
                                distance_km: None,
                                rpe: Rpe::new(r).ok(),
                                avg_hr: None,
                            }));
                        }
                        other => panic!("unknown word {other}"),
                    }
                }
                sessions.push(s);
            }
        }
    }
    Plan::new(
        Settings::default(),
        Availability::default(),
        sessions,
        readiness,
    )
    .expect("a valid plan")
}

fn day(week: usize, weekday: usize) -> Date {
    add_days(START, (week * 7 + weekday) as i64)
}

fn verdicts(plan: &Plan, weeks: usize) -> Assessments {
    Assessments::new(
        plan,
        add_days(START, -days_before(&plan.settings.review)),
        add_days(START, weeks as i64 * 7 + 7),
    )
}

/// A steady week: easy runs at RPE 3, a key intervals session and a key long run, all run as
/// planned, every check As planned.
const STEADY: [&str; 7] = [
    "ok: rest",
    "ok: intervals 60@8 key done 60@8",
    "ok: easy 45@3 done 45@3",
    "ok: tempo 50@7 done 50@7",
    "-: easy 30@3 done 30@3",
    "ok: easy 40@3 done 40@3",
    "ok: long 100@6 key done 100@6",
];

#[test]
fn a_push_day_then_two_hold_back_days() {
    let weeks = [[
        "ok: rest",
        "push: intervals 60@8 key done 75@9",
        "hold: easy 45@3 done 45@3",
        "hold: tempo 50@7 skipped; easy 30@3 done 30@3",
        "ok: rest",
        "ok: easy 40@3 done 40@3",
        "ok: long 100@6 key done 80@8",
    ]];
    let plan = plan(&weeks);
    let today = day(1, 0);
    let found = decisions(&plan, &verdicts(&plan, 1), START, day(0, 6), today);
    assert_eq!(found.len(), 3, "{found:#?}");

    let tue = &found[0];
    assert_eq!((tue.date, tue.verdict), (day(0, 1), Verdict::Push));
    assert_eq!(tue.did, Did::Extended);
    assert!(tue.followed);
    assert_eq!(
        tue.next_days,
        [Some(Verdict::HoldBack), Some(Verdict::HoldBack)]
    );
    let key = tue.next_key.as_ref().expect("Saturday's long run");
    assert_eq!(
        (key.date, key.kind, key.status),
        (day(0, 6), Kind::Long, KeyStatus::Done)
    );
    assert_eq!((key.rpe, key.planned_rpe), (Some(8), Some(6)));
    assert!(
        !key.good,
        "20 minutes short and two points harder than planned"
    );

    // An easy day run as planned is what Hold back asks for; the skipped tempo is held back.
    assert_eq!((found[1].did, found[1].followed), (Did::AsPlanned, true));
    assert_eq!((found[2].did, found[2].followed), (Did::HeldBack, true));
}

#[test]
fn a_hold_back_day_then_a_strong_key_session() {
    let weeks = [[
        "ok: rest",
        "ok: intervals 60@8 key done 60@8",
        "ok: easy 45@3 done 45@3",
        "hold: tempo 50@7 skipped; easy 40@3 done 40@3",
        "ok: rest",
        "ok: easy 40@3 done 40@3",
        "ok: long 100@6 key done 100@6",
    ]];
    let plan = plan(&weeks);
    let found = decisions(&plan, &verdicts(&plan, 1), START, day(0, 6), day(1, 0));
    assert_eq!(found.len(), 1);
    let thu = &found[0];
    assert_eq!(
        (thu.verdict, thu.did, thu.followed),
        (Verdict::HoldBack, Did::HeldBack, true)
    );
    assert_eq!(
        thu.next_days,
        [Some(Verdict::AsPlanned), Some(Verdict::AsPlanned)]
    );
    let key = thu.next_key.as_ref().expect("the long run");
    assert!(key.good, "done in full at the planned RPE");
    let p = patterns(&found);
    assert_eq!(
        (p[0].choice, p[0].count, p[0].good_next_key),
        (Choice::HeldBack, 1, 1)
    );
    assert!(p[0].too_few());
}

#[test]
fn pushing_on_a_hold_back_day_reads_as_pushed_through_and_resting_on_a_push_day_is_not_following() {
    let weeks = [[
        "rest: easy 30@3 skipped",
        "hold: intervals 60@8 key done 60@8",
        "push: tempo 50@7 skipped",
        "push: easy 45@3 done 45@3",
        "ok: rest",
        "ok: easy 40@3",
        "ok: long 100@6 key",
    ]];
    let plan = plan(&weeks);
    let today = day(0, 5);
    let found = decisions(&plan, &verdicts(&plan, 1), START, day(0, 6), today);
    let did: Vec<_> = found
        .iter()
        .map(|d| (d.verdict, d.did, d.followed))
        .collect();
    assert_eq!(
        did,
        [
            (Verdict::Rest, Did::Skipped, true),
            (Verdict::HoldBack, Did::PushedThrough, false),
            (Verdict::Push, Did::Skipped, false),
            (Verdict::Push, Did::AsPlanned, false),
        ]
    );
    // Saturday's long run is still to come: no pattern counts it yet.
    let key = found[1].next_key.as_ref().expect("the long run");
    assert_eq!(key.status, KeyStatus::Planned);
    assert!(patterns(&found).iter().all(|p| p.count == 0));
}

#[test]
fn three_steady_weeks_with_flat_load_leave_room_to_extend() {
    let weeks = [STEADY, STEADY, STEADY, STEADY];
    let plan = plan(&weeks);
    let today = day(3, 2);
    let v = verdicts(&plan, 4);
    let room = room_to_extend(
        &plan,
        &v,
        Week::containing(today, Default::default()),
        today,
    )
    .expect("room to extend");
    assert_eq!(room.weeks.len(), 3);
    assert_eq!(room.checks, 18);
    assert!((room.easy_rpe.0 - room.easy_rpe.1).abs() < 0.5, "{room:?}");
    assert_eq!(room.loads[0], room.loads[2]);
    // Not for the third week: only two weeks before it.
    let third = Week::containing(day(2, 2), Default::default());
    assert_eq!(room_to_extend(&plan, &v, third, day(2, 2)), None);
}

#[test]
fn the_same_weeks_with_one_hold_back_day_do_not() {
    let mut middle = STEADY;
    middle[3] = "hold: tempo 50@7 skipped; easy 40@3 done 40@3";
    let plan = plan(&[STEADY, middle, STEADY, STEADY]);
    let today = day(3, 2);
    let week = Week::containing(today, Default::default());
    assert_eq!(
        room_to_extend(&plan, &verdicts(&plan, 4), week, today),
        None
    );
}

#[test]
fn rising_load_or_harder_easy_runs_are_not_room_to_extend() {
    let mut bigger = STEADY;
    bigger[6] = "ok: long 130@6 key done 130@6";
    let plan_rising = plan(&[STEADY, STEADY, bigger, STEADY]);
    let today = day(3, 2);
    let week = Week::containing(today, Default::default());
    assert_eq!(
        room_to_extend(&plan_rising, &verdicts(&plan_rising, 4), week, today),
        None,
        "the third week's load rose"
    );
    let mut harder = STEADY;
    harder[2] = "ok: easy 45@3 done 45@5";
    harder[5] = "ok: easy 40@3 done 40@5";
    let plan_harder = plan(&[STEADY, STEADY, harder, STEADY]);
    assert_eq!(
        room_to_extend(&plan_harder, &verdicts(&plan_harder, 4), week, today),
        None,
        "easy runs felt harder"
    );
}

#[test]
fn a_week_with_no_verdicts_has_nothing_to_review() {
    let quiet = [
        "-: rest",
        "-: intervals 60@8 key done 60@8",
        "-: easy 45@3 done 45@3",
        "-: tempo 50@7 done 50@7",
        "-: rest",
        "-: easy 40@3 done 40@3",
        "-: long 100@6 key done 100@6",
    ];
    let plan = plan(&[quiet, quiet, quiet, quiet]);
    let today = day(3, 6);
    let v = verdicts(&plan, 4);
    let found = decisions(&plan, &v, START, today, today);
    assert!(found.is_empty());
    assert!(patterns(&found).iter().all(|p| p.count == 0 && p.too_few()));
    let week = Week::containing(today, Default::default());
    assert_eq!(
        room_to_extend(&plan, &v, week, today),
        None,
        "no checks, no evidence"
    );
}

#[test]
fn five_hold_back_weeks_are_enough_to_tell() {
    let week = [
        "ok: rest",
        "ok: intervals 60@8 key done 60@8",
        "hold: easy 45@3 done 30@3",
        "ok: tempo 50@7 done 50@7",
        "ok: rest",
        "ok: easy 40@3 done 40@3",
        "ok: long 100@6 key done 95@7",
    ];
    let plan = plan(&[week; 5]);
    let today = day(5, 0);
    let found = decisions(&plan, &verdicts(&plan, 5), START, today, today);
    let held = patterns(&found)[0];
    assert_eq!(
        (held.choice, held.count, held.good_next_key),
        (Choice::HeldBack, 5, 5)
    );
    assert!(!held.too_few());
}

#[test]
fn today_is_reviewed_only_once_its_training_is_logged() {
    let weeks = [[
        "ok: rest",
        "hold: intervals 60@8 key",
        "ok: easy 45@3",
        "ok: rest",
        "ok: rest",
        "ok: rest",
        "ok: rest",
    ]];
    let plan = plan(&weeks);
    let v = verdicts(&plan, 1);
    assert!(decisions(&plan, &v, START, day(0, 6), day(0, 1)).is_empty());
    let tomorrow = decisions(&plan, &v, START, day(0, 6), day(0, 2));
    assert_eq!(tomorrow.len(), 1);
    assert_eq!(
        tomorrow[0].did,
        Did::Skipped,
        "not logged by the end of its day"
    );
}

/// A week in 2025 written as a plan file: Tuesday pushed past plan, Wednesday and Thursday
/// hold-back days (Thursday's tempo swapped for an easy run), Saturday's key long run done
/// as planned.
const FILE: &str = r#"(
    version: 1,
    sessions: [
        (id: 1, date: "2025-03-04", kind: Intervals, minutes: 60, rpe: Some(8), key: true, done: Some(Done(minutes: 75, rpe: Some(9)))),
        (id: 2, date: "2025-03-05", kind: Easy, minutes: 45, rpe: Some(3), done: Some(Done(minutes: 45, rpe: Some(3)))),
        (id: 3, date: "2025-03-06", kind: Tempo, minutes: 50, rpe: Some(7), done: Some(Skipped)),
        (id: 4, date: "2025-03-06", kind: Easy, minutes: 40, rpe: Some(3), done: Some(Done(minutes: 40, rpe: Some(3)))),
        (id: 5, date: "2025-03-08", kind: Long, minutes: 100, rpe: Some(6), key: true, done: Some(Done(minutes: 100, rpe: Some(6)))),
    ],
    readiness: [
        (date: "2025-03-04", when: Morning, legs: Responsive, breathing: Controlled, recent: Stable, body: Extend),
        (date: "2025-03-05", when: Morning, legs: Heavy, stride: Rough),
        (date: "2025-03-06", when: Morning, legs: Heavy, stride: Rough),
        (date: "2025-03-07", when: Morning),
    ],
)
"#;

#[test]
fn review_prints_one_line_per_decision_day_and_the_patterns() {
    let path = temp_file("review.ron", FILE);
    let out = runweek(&[
        "review",
        path.to_str().expect("utf-8 path"),
        "--from",
        "2025-03-03",
        "--to",
        "2025-03-09",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "Week of Mon 2025-03-03",
        "  Tue: extended (intervals 75 min at RPE 9, planned 60 min at RPE 8) → Wed and Thu \
         Hold back; Sat's key long run done as planned at RPE 6 (planned 6)",
        "  Wed: kept the easy day as planned (easy 45 min) → Thu Hold back, Fri As planned; \
         Sat's key long run done as planned at RPE 6 (planned 6)",
        "  Thu: held back (easy 40 min instead of tempo) → Fri As planned; Sat's key long run \
         done as planned at RPE 6 (planned 6)",
        "  On Hold back days, held back: 2 of 2: too few to tell",
        "  On Push days, extended: 1 of 1: too few to tell",
        "Room to extend: not now",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn review_json_has_the_documented_shape() {
    let path = temp_file("review.ron", FILE);
    let out = runweek(&[
        "review",
        path.to_str().expect("utf-8 path"),
        "--from",
        "2025-03-03",
        "--to",
        "2025-03-09",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(
        json["decisions"][0],
        serde_json::json!({
            "date": "2025-03-04",
            "verdict": "Push",
            "followed": true,
            "did": "Extended",
            "next_days": ["HoldBack", "HoldBack"],
            "next_key": {"date": "2025-03-08", "status": "done", "rpe": 6, "planned_rpe": 6},
        })
    );
    assert_eq!(json["decisions"][2]["did"], "HeldBack");
    assert_eq!(json["decisions"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        json["patterns"][0],
        serde_json::json!({"situation": "HoldBack", "choice": "HeldBack", "count": 2, "good_next_key": 2})
    );
    assert_eq!(json["patterns"].as_array().map(Vec::len), Some(4));
    assert_eq!(json["room_to_extend"], false);
}

#[test]
fn review_refuses_a_backwards_range_in_one_line() {
    let path = temp_file("review.ron", FILE);
    let out = runweek(&[
        "review",
        path.to_str().expect("utf-8 path"),
        "--from",
        "2025-03-09",
        "--to",
        "2025-03-03",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "--from 2025-03-09 is after --to 2025-03-03\n");
}

#[test]
fn an_easy_day_that_felt_harder_is_still_easy_but_a_longer_one_is_pushing() {
    let weeks = [[
        "ok: rest",
        "hold: recovery 30@2 done 30@3",
        "hold: easy 40@3 done 55@3",
        "ok: rest",
        "ok: rest",
        "ok: rest",
        "ok: rest",
    ]];
    let plan = plan(&weeks);
    let found = decisions(&plan, &verdicts(&plan, 1), START, day(0, 6), day(1, 0));
    let did: Vec<_> = found.iter().map(|d| (d.did, d.followed)).collect();
    assert_eq!(did, [(Did::AsPlanned, true), (Did::PushedThrough, false)]);
}

#[test]
fn the_review_thresholds_are_optional_settings_of_the_plan_file() {
    // An older file, without them, opens with the defaults and is written without them.
    let old = runweek::file::parse("(version: 1, settings: (load_growth_pct: 10))").expect("opens");
    assert_eq!(old.settings.review, Default::default());
    assert!(!runweek::file::to_text(&old).contains("review"));

    let own = runweek::file::parse(
        "(version: 1, settings: (review: (as_planned_pct: 15, room_weeks: 4)))",
    )
    .expect("opens");
    assert_eq!(own.settings.review.as_planned_pct, 15);
    assert_eq!(own.settings.review.room_weeks, 4);
    assert_eq!(own.settings.review.good_key_rpe_above, 1, "the default");
    let again = runweek::file::parse(&runweek::file::to_text(&own)).expect("reads back");
    assert_eq!(again.settings.review, own.settings.review);

    let bad = runweek::file::parse("(version: 1,\n settings: (review: (room_weeks: 1)))")
        .expect_err("out of range");
    assert!(
        bad.to_string()
            .contains("review.room_weeks must be between 2 and 12, got 1"),
        "{bad}"
    );
}
