//! Edits and history: undo after apply restores the plan exactly; a refused edit or batch
//! changes nothing; redo replays.

use jiff::civil::{Date, date};
use proptest::prelude::*;
use runweek::core::edit::{Edit, EditError};
use runweek::core::history::History;
use runweek::core::plan::Plan;
use runweek::core::readiness::{Legs, ReadinessEntry, When};
use runweek::core::session::{Kind, Session, SessionId};
use runweek::core::units::Minutes;
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
