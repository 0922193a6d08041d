//! Edits and history: undo after apply restores the plan exactly; a refused edit or batch
//! changes nothing; redo replays; an edit's earliest day tells the verdict cache where to
//! start again.

use std::collections::BTreeMap;

use jiff::civil::{Date, date};
use proptest::prelude::*;
use runweek::core::edit::{Edit, EditError};
use runweek::core::history::History;
use runweek::core::plan::{Availability, Plan};
use runweek::core::readiness::{
    Body, Breathing, HeartRate, Legs, ReadinessEntry, Recent, Stride, When,
};
use runweek::core::session::{Done, DoneRun, Kind, Session, SessionId};
use runweek::core::settings::{Settings, WeekStart};
use runweek::core::units::{Bpm, HrvMs, Minutes, Rpe};
use runweek::core::verdict::{Assessments, assess_range};
use runweek::core::week::add_days;
use runweek::file;

fn demo() -> Plan {
    file::demo().expect("the demo plan is valid")
}

fn minutes(m: i64) -> Minutes {
    Minutes::new(m).expect("valid minutes")
}

#[test]
fn move_places_the_session_at_the_given_index_of_the_day() {
    let mut plan = demo();
    let tempo = SessionId(12); // Thu 26 Nov
    plan.apply(Edit::MoveSession {
        id: tempo,
        to: date(2026, 11, 28),
        index: Some(0),
    })
    .expect("move");
    let sat: Vec<_> = plan
        .sessions_on(date(2026, 11, 28))
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(sat, vec![tempo, SessionId(14), SessionId(15)]);
    assert!(plan.sessions_on(date(2026, 11, 26)).is_empty());
    // Sorted by date still.
    assert!(plan.sessions().windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn refused_edits_change_nothing() {
    let plan = demo();
    let cases = [
        (
            Edit::RemoveSession(SessionId(999)),
            EditError::NoSuchSession(SessionId(999)),
        ),
        (
            Edit::AddSession(Session::new(
                SessionId(1),
                date(2026, 11, 30),
                Kind::Easy,
                minutes(30),
            )),
            EditError::DuplicateId(SessionId(1)),
        ),
        (
            Edit::Batch(vec![
                Edit::RemoveSession(SessionId(11)),
                Edit::RemoveSession(SessionId(11)),
            ]),
            EditError::NoSuchSession(SessionId(11)),
        ),
        (
            Edit::AddSession(Session::new(
                SessionId(100),
                date(2026, 11, 30),
                Kind::Easy,
                minutes(0),
            )),
            EditError::Invalid(
                "session 100 (Easy) must last at least 1 minute; only Rest may be 0".to_owned(),
            ),
        ),
    ];
    for (edit, expected) in cases {
        let mut copy = plan.clone();
        let mut history = History::default();
        assert_eq!(history.apply(&mut copy, edit), Err(expected));
        assert_eq!(copy, plan);
        assert!(!history.can_undo());
    }
}

fn arb_edit(ids: Vec<SessionId>) -> impl Strategy<Value = Edit> {
    let base = date(2026, 11, 16);
    let day = (0i64..28).prop_map(move |d| add_days(base, d));
    let id = prop::sample::select(ids);
    let kind = prop::sample::select(Kind::ALL.to_vec());
    prop_oneof![
        (id.clone(), day.clone(), prop::option::of(0usize..3))
            .prop_map(|(id, to, index)| Edit::MoveSession { id, to, index }),
        id.clone().prop_map(Edit::RemoveSession),
        (100u64..110, day.clone(), kind, 0i64..200).prop_map(|(id, d, kind, m)| {
            Edit::AddSession(Session::new(SessionId(id), d, kind, minutes(m)))
        }),
        (day.clone(), any::<bool>()).prop_map(|(d, heavy)| {
            let mut entry = ReadinessEntry::new(d, When::WarmUp);
            if heavy {
                entry.legs = Legs::Heavy;
            }
            Edit::SetReadiness(entry)
        }),
        day.prop_map(|d: Date| Edit::RemoveReadiness {
            date: d,
            when: When::Morning
        }),
    ]
}

fn arb_edits() -> impl Strategy<Value = Vec<Edit>> {
    let ids = demo().sessions().iter().map(|s| s.id).collect::<Vec<_>>();
    prop::collection::vec(
        prop_oneof![
            4 => arb_edit(ids.clone()),
            1 => prop::collection::vec(arb_edit(ids.clone()), 0..4).prop_map(Edit::Batch),
        ],
        1..12,
    )
}

proptest! {
    /// Undo after any sequence of edits, step by step, gives back every earlier plan; redo
    /// replays them all.
    #[test]
    fn undo_restores_every_step_and_redo_replays(edits in arb_edits()) {
        let mut plan = demo();
        let mut history = History::default();
        let mut seen = vec![plan.clone()];
        for edit in edits {
            let before = plan.clone();
            match history.apply(&mut plan, edit) {
                Ok(()) if plan != before => seen.push(plan.clone()),
                Ok(()) => {}
                Err(_) => prop_assert_eq!(&plan, &before),
            }
            prop_assert!(plan.sessions().windows(2).all(|w| w[0].date <= w[1].date));
        }
        for expected in seen.iter().rev().skip(1) {
            prop_assert!(history.undo(&mut plan));
            prop_assert_eq!(&plan, expected);
        }
        prop_assert!(!history.undo(&mut plan));
        for expected in seen.iter().skip(1) {
            prop_assert!(history.redo(&mut plan));
            prop_assert_eq!(&plan, expected);
        }
        prop_assert!(!history.redo(&mut plan));
    }

    /// A batch is all or nothing: either every edit applies, or the plan is untouched.
    #[test]
    fn a_batch_is_all_or_nothing(edits in arb_edits()) {
        let plan = demo();
        let mut one_by_one = plan.clone();
        let all_ok = edits.iter().cloned().all(|e| one_by_one.apply(e).is_ok());
        let mut batched = plan.clone();
        let result = batched.apply(Edit::Batch(edits));
        prop_assert_eq!(result.is_ok(), all_ok);
        if all_ok {
            prop_assert_eq!(&batched, &one_by_one);
        } else {
            prop_assert_eq!(&batched, &plan);
        }
    }
}

// Random plans and random edits, for the laws of inverse edits and of the verdict cache.

/// The first day of the random plans; they span [`DAYS`] days.
fn first_day() -> Date {
    date(2026, 10, 1)
}

const DAYS: i64 = 70;

fn arb_day() -> impl Strategy<Value = Date> {
    (0..DAYS).prop_map(|d| add_days(first_day(), d))
}

fn arb_session(id: impl Strategy<Value = SessionId>) -> impl Strategy<Value = Session> {
    let kind = prop::sample::select(Kind::ALL.to_vec());
    (
        id,
        arb_day(),
        kind,
        1i64..120,
        any::<bool>(),
        prop::option::of(1i64..=10),
    )
        .prop_map(|(id, day, kind, m, key, rpe)| {
            let mut session = Session::new(id, day, kind, minutes(m));
            session.key = key;
            session.done = rpe.map(|rpe| {
                Done::Done(DoneRun {
                    minutes: minutes(m),
                    distance_km: None,
                    rpe: Some(Rpe::new(rpe).expect("valid RPE")),
                    avg_hr: None,
                })
            });
            session
        })
}

fn arb_entry() -> impl Strategy<Value = ReadinessEntry> {
    let side = || 0usize..3;
    (
        (arb_day(), any::<bool>()),
        (side(), side(), side(), side(), side(), side()),
        prop::option::of(45i64..70),
        prop::option::of(20.0f64..90.0),
        prop::option::of(130i64..160),
        (prop::bool::weighted(0.05), any::<bool>()),
    )
        .prop_map(
            |((day, warm_up), (l, b, h, s, r, y), resting, hrv, easy, (unwell, improving))| {
                let when = if warm_up { When::WarmUp } else { When::Morning };
                let mut e = ReadinessEntry::new(day, when);
                e.legs = Legs::ALL[l];
                e.breathing = Breathing::ALL[b];
                e.heart_rate = HeartRate::ALL[h];
                e.stride = Stride::ALL[s];
                e.recent = Recent::ALL[r];
                e.body = Body::ALL[y];
                e.resting_hr = resting.map(|v| Bpm::new(v).expect("valid bpm"));
                e.hrv_ms = hrv.map(|v| HrvMs::new(v).expect("valid HRV"));
                e.easy_hr = easy.map(|v| Bpm::new(v).expect("valid bpm"));
                e.unwell = unwell;
                e.improving = improving;
                e
            },
        )
}

/// Settings with short baselines, so that seventy days exercise every rule.
fn arb_settings() -> impl Strategy<Value = Settings> {
    (
        prop::option::of(135i64..150),
        7u16..=28,
        2u16..=7,
        1u16..=3,
        3u16..=7,
        any::<bool>(),
    )
        .prop_map(|(easy_hr, baseline, readings, recent, trend, sunday)| {
            let mut settings = Settings {
                easy_hr: easy_hr.map(|v| Bpm::new(v).expect("valid bpm")),
                ..Settings::default()
            };
            if sunday {
                settings.week_start = WeekStart::Sunday;
            }
            let rules = &mut settings.verdict;
            rules.baseline_days = baseline;
            rules.resting_hr_min_readings = readings;
            rules.hrv_baseline_min_readings = readings.max(2);
            rules.hrv_min_readings = recent;
            rules.rpe_trend_days = trend;
            rules.rpe_trend_min_sessions = 2;
            settings
        })
}

fn arb_plan() -> impl Strategy<Value = Plan> {
    (
        arb_settings(),
        prop::collection::vec(arb_session(Just(SessionId(0))), 1..30),
        prop::collection::vec(arb_entry(), 0..60),
        prop::collection::btree_set(arb_day(), 0..3),
    )
        .prop_map(|(settings, sessions, entries, blocked)| {
            let sessions = sessions
                .into_iter()
                .zip(1..)
                .map(|(s, id)| Session {
                    id: SessionId(id),
                    ..s
                })
                .collect();
            let entries: BTreeMap<_, _> =
                entries.into_iter().map(|e| ((e.date, e.when), e)).collect();
            let availability = Availability {
                blocked,
                ..Availability::default()
            };
            Plan::new(
                settings,
                availability,
                sessions,
                entries.into_values().collect(),
            )
            .expect("a valid random plan")
        })
}

/// One edit of any kind on a plan whose sessions have the ids `1..=30` at most; some of them
/// are refused (an unknown or a used id).
fn arb_plain_edit() -> impl Strategy<Value = Edit> {
    let id = || (1u64..32).prop_map(SessionId);
    let when = || prop::sample::select(vec![When::Morning, When::WarmUp]);
    prop_oneof![
        4 => (id(), arb_day(), prop::option::of(0usize..4))
            .prop_map(|(id, to, index)| Edit::MoveSession { id, to, index }),
        2 => id().prop_map(Edit::RemoveSession),
        2 => arb_session((28u64..40).prop_map(SessionId)).prop_map(Edit::AddSession),
        3 => arb_session(id()).prop_map(Edit::UpdateSession),
        4 => arb_entry().prop_map(Edit::SetReadiness),
        2 => (arb_day(), when()).prop_map(|(date, when)| Edit::RemoveReadiness { date, when }),
        1 => arb_settings().prop_map(Edit::SetSettings),
        1 => prop::collection::btree_set(arb_day(), 0..3).prop_map(|blocked| {
            Edit::SetAvailability(Availability {
                blocked,
                ..Availability::default()
            })
        }),
    ]
}

/// Any edit, batches (nested, and failing ones) included.
fn arb_any_edit() -> impl Strategy<Value = Edit> {
    let batches = arb_plain_edit().prop_recursive(2, 24, 5, |inner| {
        prop::collection::vec(inner, 0..5).prop_map(Edit::Batch)
    });
    prop_oneof![
        3 => batches,
        1 => arb_failing_batch(),
    ]
}

/// A batch with an edit that is always refused somewhere in it.
fn arb_failing_batch() -> impl Strategy<Value = Edit> {
    (
        prop::collection::vec(arb_plain_edit(), 0..5),
        prop::collection::vec(arb_plain_edit(), 0..3),
    )
        .prop_map(|(mut before, after)| {
            before.push(Edit::RemoveSession(SessionId(999)));
            before.extend(after);
            Edit::Batch(before)
        })
}

/// Sessions and readiness entries of the days from `first` to `last` are the same in both
/// plans.
fn same_between(a: &Plan, b: &Plan, first: Date, last: Date) -> bool {
    a.sessions_between(first, last) == b.sessions_between(first, last)
        && a.readiness_between(first, last) == b.readiness_between(first, last)
}

/// Nothing changed outside the days from `first` to `last`.
fn same_outside(a: &Plan, b: &Plan, (first, last): (Date, Date)) -> bool {
    let (min, max) = (date(1900, 1, 1), date(2199, 12, 31));
    same_between(a, b, min, add_days(first, -1)) && same_between(a, b, add_days(last, 1), max)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Applying an edit and then its inverse gives back the plan exactly; applying the
    /// inverse's inverse gives the edited plan again; a refused edit, or a batch with a
    /// refused edit in it, changes nothing. The days the edit says it changes, and those its
    /// inverse says, are honest: nothing changes outside them.
    #[test]
    fn apply_then_undo_is_the_identity_and_redo_replays(
        plan in arb_plan(),
        edits in prop::collection::vec(arb_any_edit(), 1..8),
    ) {
        let mut plan = plan;
        for edit in edits {
            let before = plan.clone();
            let changed = edit.changed_days(&before);
            match plan.apply_undoable(edit) {
                Err(_) => prop_assert_eq!(&plan, &before),
                Ok(applied) => {
                    let after = plan.clone();
                    prop_assert_eq!(applied.changed, after != before);
                    prop_assert!(after.sessions().windows(2).all(|w| w[0].date <= w[1].date));
                    if let Some(days) = changed {
                        prop_assert!(same_outside(&before, &after, days), "{:?}", days);
                    }
                    if let Some(days) = applied.inverse.changed_days(&after) {
                        prop_assert!(same_outside(&before, &after, days), "undo {:?}", days);
                    }
                    let mut undone = after.clone();
                    let redo = undone
                        .apply_undoable(applied.inverse)
                        .expect("an inverse applies");
                    prop_assert_eq!(&undone, &before);
                    prop_assert_eq!(redo.changed, applied.changed);
                    prop_assert!(undone.apply_undoable(redo.inverse).is_ok());
                    prop_assert_eq!(&undone, &after);
                }
            }
        }
    }

    /// A batch with a refused edit anywhere in it leaves the plan as it was.
    #[test]
    fn a_failing_batch_changes_nothing(plan in arb_plan(), batch in arb_failing_batch()) {
        let mut edited = plan.clone();
        prop_assert!(edited.apply_undoable(batch).is_err());
        prop_assert_eq!(&edited, &plan);
    }

    /// The history over random plans: undo walks back through every plan, redo forward.
    #[test]
    fn history_walks_back_and_forth_through_random_plans(
        plan in arb_plan(),
        edits in prop::collection::vec(arb_any_edit(), 1..10),
    ) {
        let mut plan = plan;
        let mut history = History::default();
        let mut seen = vec![plan.clone()];
        for edit in edits {
            let before = plan.clone();
            match history.apply(&mut plan, edit) {
                Ok(()) if plan != before => seen.push(plan.clone()),
                Ok(()) => prop_assert_eq!(history.can_undo(), seen.len() > 1),
                Err(_) => prop_assert_eq!(&plan, &before),
            }
        }
        for expected in seen.iter().rev().skip(1) {
            prop_assert!(history.undo(&mut plan));
            prop_assert_eq!(&plan, expected);
        }
        prop_assert!(!history.can_undo());
        for expected in seen.iter().skip(1) {
            prop_assert!(history.redo(&mut plan));
            prop_assert_eq!(&plan, expected);
        }
        prop_assert!(!history.can_redo());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The verdict cache, updated from each edit's changed days (and from the inverse's on
    /// undo and redo), always equals assessing every day from scratch; so does the cache
    /// updated from the earliest day to the end.
    #[test]
    fn assessments_updated_from_the_changed_days_equal_a_fresh_assessment(
        plan in arb_plan(),
        edits in prop::collection::vec(arb_any_edit(), 1..8),
    ) {
        let mut plan = plan;
        let (from, to) = (add_days(first_day(), -3), add_days(first_day(), DAYS + 3));
        let mut days = Assessments::new(&plan, from, to);
        let mut to_the_end = days.clone();
        let mut history = History::default();
        let check = |days: &Assessments, plan: &Plan| {
            let fresh = assess_range(plan, from, to);
            let wrong = days.all().iter().zip(&fresh).find(|(a, b)| a != b);
            prop_assert!(wrong.is_none(), "{:#?}", wrong);
            prop_assert_eq!(days.all().len(), fresh.len());
            Ok(())
        };
        for edit in edits {
            let changed = edit.changed_days(&plan);
            prop_assert_eq!(changed.map(|(first, _)| first), edit.earliest_day(&plan));
            if history.apply(&mut plan, edit).is_ok() {
                days.update(&plan, changed);
                to_the_end.update_from(&plan, changed.map(|(first, _)| first));
            }
            check(&days, &plan)?;
            check(&to_the_end, &plan)?;
        }
        loop {
            let changed = history.next_undo().map(|e| e.changed_days(&plan));
            if !history.undo(&mut plan) {
                break;
            }
            days.update(&plan, changed.flatten());
            check(&days, &plan)?;
        }
        while let Some(changed) = history.next_redo().map(|e| e.changed_days(&plan)) {
            prop_assert!(history.redo(&mut plan));
            days.update(&plan, changed);
            check(&days, &plan)?;
        }
    }
}
