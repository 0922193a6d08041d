//! Copying, repeating and templating weeks, as a runner would tell it: "I copied my last
//! week onto this one", "I put the recovery week on next week instead of what was there",
//! "I repeated this week for three weeks, 10 % more each week". Each is one undo step that
//! gives back the plan exactly, and never copies what was run.

mod support;

use jiff::civil::{Date, date};
use runweek::core::edit::Edit;
use runweek::core::history::History;
use runweek::core::plan::Plan;
use runweek::core::session::{Done, Session, SessionId};
use runweek::core::settings::WeekStart;
use runweek::core::week::Week;
use runweek::core::week_copy::{
    self, Fill, LeftOutWhy, PlaceError, Placement, Repeat, WeekPattern,
};
use runweek::file::template::{self, Template};
use support::temp_dir;

fn demo() -> Plan {
    runweek::file::demo().expect("the demo plan parses")
}

/// Wednesday of the demo's middle week, as the window's tests have it.
fn today() -> Date {
    date(2026, 11, 25)
}

fn week(day: Date) -> Week {
    Week::containing(day, WeekStart::Monday)
}

/// Applies the placement through the history, checks it is one step that undoes to the
/// plan as it was, and returns the plan as it is after it.
fn apply_as_one_step(plan: &Plan, placement: &Placement) -> Plan {
    let mut after = plan.clone();
    let mut history = History::default();
    history
        .apply(&mut after, placement.edit.clone())
        .expect("the placement applies");
    let mut undone = after.clone();
    assert!(history.undo(&mut undone), "one step to undo");
    assert_eq!(undone, *plan, "one undo gives back the plan exactly");
    assert!(!history.can_undo(), "and it was the only step");
    assert!(matches!(placement.edit, Edit::Batch(_)), "one batch");
    after
}

fn planned_minutes(plan: &Plan, start: Date) -> u32 {
    let week = week(start);
    plan.sessions_between(week.start(), week.end())
        .iter()
        .map(|s| u32::from(s.minutes.get()))
        .sum()
}

fn new_sessions<'a>(before: &Plan, after: &'a Plan) -> Vec<&'a Session> {
    after
        .sessions()
        .iter()
        .filter(|s| before.session(s.id).is_none())
        .collect()
}

#[test]
fn last_week_copied_onto_this_week_leaves_what_was_run_and_copies_nothing_done() {
    let plan = demo();
    // Every session of the week of 16 Nov is done, one with a note on how it went.
    let last_week = WeekPattern::of_week(&plan, week(date(2026, 11, 16)));
    assert_eq!(last_week.len(), 8);
    let placement =
        week_copy::paste(&plan, &last_week, week(today()), today(), Fill::Add).expect("pastes");
    // Monday and Tuesday are over: their sessions are left out, and said so.
    assert_eq!(
        placement
            .left_out
            .iter()
            .map(|l| (l.date, l.why))
            .collect::<Vec<_>>(),
        [
            (date(2026, 11, 23), LeftOutWhy::Past),
            (date(2026, 11, 24), LeftOutWhy::Past)
        ]
    );
    assert_eq!(placement.added, 6);
    assert_eq!(placement.beside, 8, "the week's own sessions stay");
    let after = apply_as_one_step(&plan, &placement);

    // What was there stays, done and planned alike.
    for s in plan.sessions_between(date(2026, 11, 23), date(2026, 11, 29)) {
        assert_eq!(after.session(s.id), Some(s));
    }
    assert_eq!(
        after.readiness(),
        plan.readiness(),
        "readiness is never copied"
    );
    let added = new_sessions(&plan, &after);
    assert_eq!(added.len(), 6);
    for s in &added {
        assert_eq!(s.done, None, "{} is planned", s.display_title());
        assert_eq!(s.activity, None);
        assert!(s.notes.is_empty(), "how a past run went is not copied");
        assert!(s.date >= today());
    }
    // Each on its weekday, as planned: the Friday shake-out, 30 minutes, not the 30 run.
    let friday: Vec<_> = after.sessions_on(date(2026, 11, 27)).iter().collect();
    assert_eq!(friday.len(), 2);
    assert_eq!(friday[1].title, "Shake-out");
    assert_eq!(friday[1].minutes.get(), 30);
    let sunday = after.sessions_on(date(2026, 11, 29));
    assert!(sunday.iter().any(|s| s.title == "Long run 16 km" && s.key));
}

#[test]
fn a_template_replaces_what_is_still_to_run_and_keeps_done_and_skipped_sessions() {
    let mut plan = demo();
    // Thursday's tempo was skipped; Tuesday's intervals are done.
    let mut tempo = plan.session(SessionId(12)).expect("tempo").clone();
    tempo.done = Some(Done::Skipped);
    plan.apply(Edit::UpdateSession(tempo)).expect("skips");
    let recovery = template::built_in()
        .into_iter()
        .filter_map(|l| l.template.ok())
        .find(|t| t.name == "Recovery week")
        .expect("runweek ships a recovery week");

    let placement = week_copy::paste(
        &plan,
        &recovery.pattern,
        week(today()),
        today(),
        Fill::Replace,
    )
    .expect("applies");
    // Wed, Fri, Sat (two), Sun go; Mon's rest is past and stays, as do the done
    // intervals and the skipped tempo.
    assert_eq!(placement.removed, 5);
    assert_eq!(placement.added, 5, "Wed to Sun of the template");
    let after = apply_as_one_step(&plan, &placement);
    for kept in [9, 10, 12] {
        let id = SessionId(kept);
        assert_eq!(after.session(id), plan.session(id), "session {kept} stays");
    }
    for gone in [11, 13, 14, 15, 16] {
        assert_eq!(
            after.session(SessionId(gone)),
            None,
            "session {gone} is replaced"
        );
    }
    let from_wednesday: Vec<(Date, &str, u16)> = after
        .sessions_between(today(), date(2026, 11, 29))
        .iter()
        .filter(|s| !s.is_skipped())
        .map(|s| (s.date, s.display_title(), s.minutes.get()))
        .collect();
    assert_eq!(
        from_wednesday,
        [
            (date(2026, 11, 25), "Recovery jog", 30),
            (date(2026, 11, 26), "Easy run", 40),
            (date(2026, 11, 27), "Rest", 0),
            (date(2026, 11, 28), "Easy run", 35),
            (date(2026, 11, 29), "Shorter long run, easy", 60),
        ]
    );
}

#[test]
fn a_template_added_to_a_future_week_goes_beside_its_sessions() {
    let plan = demo();
    let base = template::built_in()
        .into_iter()
        .filter_map(|l| l.template.ok())
        .find(|t| t.name == "Base week")
        .expect("runweek ships a base week");
    let next_week = week(date(2026, 11, 30));
    let placement =
        week_copy::paste(&plan, &base.pattern, next_week, today(), Fill::Add).expect("applies");
    assert_eq!(
        (placement.added, placement.removed, placement.beside),
        (7, 0, 7)
    );
    let after = apply_as_one_step(&plan, &placement);
    assert_eq!(
        after
            .sessions_between(next_week.start(), next_week.end())
            .len(),
        14
    );
    assert_eq!(
        planned_minutes(&after, next_week.start()),
        planned_minutes(&plan, next_week.start()) + base.pattern.minutes()
    );
}

#[test]
fn repeating_a_week_for_three_weeks_at_ten_percent_compounds_in_steps_of_five() {
    let plan = demo();
    let source = week(date(2026, 11, 30));
    assert_eq!(planned_minutes(&plan, source.start()), 315);
    let repeat = Repeat::new(3, 10).expect("valid");
    let placement = week_copy::repeat(&plan, source, repeat, today()).expect("repeats");
    // Thursday 24 December is a blocked date in the demo: its tempo is left out.
    assert_eq!(placement.added, 20);
    assert_eq!(placement.left_out.len(), 1);
    assert_eq!(
        (placement.left_out[0].date, placement.left_out[0].why),
        (date(2026, 12, 24), LeftOutWhy::NoTime)
    );
    assert_eq!(
        (placement.first, placement.last),
        (date(2026, 12, 7), date(2026, 12, 27))
    );
    let after = apply_as_one_step(&plan, &placement);
    let weeks: Vec<u32> = [date(2026, 12, 7), date(2026, 12, 14), date(2026, 12, 21)]
        .into_iter()
        .map(|d| planned_minutes(&after, d))
        .collect();
    // Exactly 346.5, 381.2 and 419.3 minutes: each week within 2.5 minutes of it, the
    // third without its 70-minute tempo.
    assert_eq!(weeks, [345, 380, 350]);
    // Distances scale the same; kinds, key flags and RPE stay.
    let long: Vec<(u16, f64, bool)> = new_sessions(&plan, &after)
        .into_iter()
        .filter(|s| s.kind == runweek::core::session::Kind::Long)
        .map(|s| {
            (
                s.minutes.get(),
                s.distance_km.map_or(0.0, |k| k.get()),
                s.key,
            )
        })
        .collect();
    assert_eq!(
        long,
        [(130, 20.9, true), (145, 23.0, true), (160, 25.3, true)]
    );
    // Nothing of the source week changed.
    assert_eq!(
        after.sessions_between(source.start(), source.end()),
        plan.sessions_between(source.start(), source.end())
    );
}

#[test]
fn nothing_lands_on_a_blocked_day_or_past_the_plans_last_day() {
    let mut plan = demo();
    plan.availability.blocked.insert(date(2026, 12, 10));
    let pattern = WeekPattern::of_week(&plan, week(date(2026, 11, 30)));
    let placement = week_copy::paste(&plan, &pattern, week(date(2026, 12, 7)), today(), Fill::Add)
        .expect("pastes");
    assert_eq!(placement.added, 6);
    assert_eq!(placement.left_out.len(), 1);
    assert_eq!(placement.left_out[0].why, LeftOutWhy::NoTime);
    assert_eq!(placement.left_out[0].date, date(2026, 12, 10));

    // The week of Mon 30 Dec 2199 ends in 2200: refused whole, nothing half done.
    let last = week(date(2199, 12, 31));
    assert_eq!(
        week_copy::paste(&plan, &pattern, last, today(), Fill::Add),
        Err(PlaceError::BeyondPlan {
            date: date(2200, 1, 1)
        })
    );
    // An empty week has nothing to put anywhere.
    assert_eq!(
        week_copy::paste(&plan, &WeekPattern::default(), last, today(), Fill::Add),
        Err(PlaceError::Empty)
    );
}

#[test]
fn a_template_goes_through_its_file_and_comes_back_the_same() {
    let plan = demo();
    let dir = temp_dir();
    let template = Template {
        name: "Half marathon peak".to_owned(),
        description: "My week before the taper".to_owned(),
        pattern: WeekPattern::of_week(&plan, week(date(2026, 11, 30))),
    };
    let path = dir
        .path()
        .join("templates")
        .join(template::file_name(&template.name));
    template::save(&path, &template).expect("saves, making the folder");
    assert_eq!(
        path.file_name().and_then(|n| n.to_str()),
        Some("half-marathon-peak.ron")
    );
    assert_eq!(template::load(&path), Ok(template.clone()));
    let text = std::fs::read_to_string(&path).expect("readable");
    assert!(text.contains("version: 1"), "{text}");
    assert!(text.contains("weekday: Tue"), "{text}");
    // Listed after the three runweek ships, and found by name for a second save.
    let listed = template::list(path.parent());
    assert_eq!(listed.len(), 4);
    assert!(listed[..3].iter().all(template::Listed::is_built_in));
    assert_eq!(listed[3].template, Ok(template.clone()));
    let again = template::save_target(" half marathon PEAK ", &listed, path.parent())
        .expect("a name that is not runweek's");
    assert_eq!(again.path, path);
    assert_eq!(again.replaces.as_deref(), Some("Half marathon peak"));
    assert!(template::save_target("Recovery week", &listed, path.parent()).is_err());
    assert!(template::save_target("  ", &listed, path.parent()).is_err());
}

#[test]
fn a_bad_template_file_says_file_line_and_column_and_hides_no_other() {
    let dir = temp_dir();
    let good =
        "(version: 1, name: \"Easy week\", sessions: [(weekday: Mon, kind: Easy, minutes: 40)])\n";
    std::fs::write(dir.path().join("a-easy.ron"), good).expect("write");
    let bad = "(\n    version: 1,\n    name: \"Too long\",\n    sessions: [\n        (weekday: Tue, kind: Easy, minutes: 2000),\n    ],\n)\n";
    let bad_path = dir.path().join("b-bad.ron");
    std::fs::write(&bad_path, bad).expect("write");
    let zero = "(version: 1, name: \"Zero\", sessions: [\n  (weekday: Mon, kind: Rest, minutes: 0),\n  (weekday: Tue, kind: Easy, minutes: 0),\n])";
    std::fs::write(dir.path().join("c-zero.ron"), zero).expect("write");
    std::fs::write(
        dir.path().join("d-newer.ron"),
        "(version: 2, name: \"Later\", colour: Red)",
    )
    .expect("write");
    std::fs::write(dir.path().join("notes.txt"), "not a template").expect("write");

    let listed = template::list(Some(dir.path()));
    assert_eq!(
        listed.len(),
        3 + 4,
        "every .ron file is listed, good or bad"
    );
    assert_eq!(
        listed[3].template.as_ref().map(|t| t.name.as_str()),
        Ok("Easy week")
    );
    let message = |i: usize| {
        listed[i]
            .template
            .as_ref()
            .expect_err("a bad file")
            .to_string()
    };
    assert_eq!(
        message(4),
        format!(
            "{}:5:45: minutes must be between 0 and 1440, got 2000",
            bad_path.display()
        )
    );
    assert!(
        message(5).ends_with(
            "c-zero.ron:3:4: session 2: Easy must last at least 1 minute; only Rest may be 0"
        ),
        "{}",
        message(5)
    );
    assert!(message(6).contains("d-newer.ron:1:2: this template was written by a newer runweek"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use runweek::core::week::add_days;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any week of the demo pasted onto any week near it, added or replacing, then
        /// undone: the plan exactly as it was; every session of the pattern is added or
        /// left out with a reason; nothing added is done or lands on a past day.
        #[test]
        fn a_paste_is_one_exact_undo_step_and_loses_nothing(
            from in -24i64..4,
            onto in -3i64..6,
            today_offset in -3i64..10,
            replace in any::<bool>(),
        ) {
            let plan = demo();
            let now = add_days(today(), today_offset);
            let pattern = WeekPattern::of_week(&plan, week(add_days(today(), 7 * from)));
            let fill = if replace { Fill::Replace } else { Fill::Add };
            let target = week(add_days(today(), 7 * onto));
            match week_copy::paste(&plan, &pattern, target, now, fill) {
                Err(e) => prop_assert_eq!(e, PlaceError::Empty),
                // All on past days: nothing to apply, and the window says so instead.
                Ok(placement) if placement.is_empty() => {
                    prop_assert_eq!(placement.left_out.len(), pattern.len());
                    prop_assert_eq!(placement.edit, Edit::Batch(Vec::new()));
                }
                Ok(placement) => {
                    prop_assert_eq!(placement.added + placement.left_out.len(), pattern.len());
                    let after = apply_as_one_step(&plan, &placement);
                    for s in new_sessions(&plan, &after) {
                        prop_assert!(s.done.is_none() && s.activity.is_none());
                        prop_assert!(s.date >= now && target.contains(s.date));
                    }
                    // What was run, and the past, stay as they were.
                    for s in plan.sessions() {
                        if s.done.is_some() || s.date < now || !target.contains(s.date) {
                            prop_assert_eq!(after.session(s.id), Some(s));
                        }
                    }
                }
            }
        }
    }
}
