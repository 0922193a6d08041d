//! The week's menu in the window: right-click the week's dates, Copy week, go to another
//! week, Paste week here; repeat a week; save and apply a template. Each is one undo step.

mod support;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jiff::civil::date;
use runweek::app::{Level, RunweekApp};
use runweek::core::plan::Plan;
use support::temp_dir;
use support::window::{demo, today, undo, window};

fn notices(harness: &Harness<'_, RunweekApp>) -> Vec<(Level, String)> {
    harness
        .state()
        .notices()
        .map(|(level, text)| (level, text.to_owned()))
        .collect()
}

fn count(plan: &Plan, from: (i16, i8, i8), to: (i16, i8, i8)) -> usize {
    plan.sessions_between(date(from.0, from.1, from.2), date(to.0, to.1, to.2))
        .len()
}

/// Right-clicks the week's dates in the top bar and picks `entry` from its menu.
fn week_menu(harness: &mut Harness<'_, RunweekApp>, dates: &str, entry: &str) {
    harness.get_by_label(dates).click_secondary();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
}

#[test]
fn a_week_copied_from_its_dates_pastes_onto_the_next_week_as_one_step() {
    let mut harness = window(demo(), today());
    // Nothing copied yet: Paste is there, and off.
    harness.get_by_label("23 – 29 Nov 2026").click_secondary();
    harness.run();
    assert!(
        harness
            .get_by_label("Paste week here")
            .accesskit_node()
            .is_disabled(),
        "nothing to paste yet"
    );
    harness.get_by_label("Copy week").click();
    harness.run();
    assert!(
        notices(&harness)
            .iter()
            .any(|(_, t)| t.starts_with("Copied the week of Mon 23 Nov: 8 sessions")),
        "{:?}",
        notices(&harness)
    );

    harness.get_by_label("Next week").click();
    harness.run();
    week_menu(&mut harness, "30 Nov – 6 Dec 2026", "Paste week here");
    let plan = harness.state().plan().clone();
    assert_eq!(count(&plan, (2026, 11, 30), (2026, 12, 6)), 7 + 8);
    assert!(
        plan.sessions_between(date(2026, 11, 30), date(2026, 12, 6))
            .iter()
            .all(|s| s.done.is_none()),
        "what was run last week is not copied"
    );
    assert!(
        notices(&harness)
            .iter()
            .any(|(level, t)| *level == Level::Info
                && t.starts_with("Pasted 8 sessions onto the week of Mon 30 Nov.")
                && t.contains("beside the 7 sessions already there")),
        "{:?}",
        notices(&harness)
    );
    // The pasted intervals show on Tuesday beside the hills.
    harness.get_by_label_contains("Intervals, 5 x 1000 m, 60 min, 11.0 km, key workout");
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo(), "one step, one undo");
}

#[test]
fn repeat_this_week_previews_and_applies_as_one_step() {
    let mut harness = window(demo(), today());
    harness.get_by_label("Next week").click();
    harness.run();
    week_menu(
        &mut harness,
        "30 Nov – 6 Dec 2026",
        "Repeat this week for N weeks…",
    );
    harness.get_by_label("Repeat for").set_value_accesskit(3.0);
    harness.run();
    harness
        .get_by_label("Weekly change")
        .set_value_accesskit(10.0);
    harness.run();
    harness.get_by_label("Adds 20 sessions from Mon 7 Dec to Sun 27 Dec");
    harness.get_by_label("Minutes added week by week: 5 h 45 min → 6 h 20 min → 5 h 50 min");
    harness.get_by_label_contains("Thu 24 Dec has no time to train (1 session)");
    harness.get_by_label("Apply").click();
    harness.run();
    let plan = harness.state().plan().clone();
    assert_eq!(count(&plan, (2026, 12, 7), (2026, 12, 27)), 20);
    assert!(
        notices(&harness)
            .iter()
            .any(|(_, t)| t.starts_with("Repeated the week of Mon 30 Nov (+10 % a week): 20 sessions from Mon 7 Dec to Sun 27 Dec.")),
        "{:?}",
        notices(&harness)
    );
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo(), "one step, one undo");
}

#[test]
fn a_week_saved_as_a_template_is_applied_in_place_of_another_weeks_plan() {
    let dir = temp_dir();
    let mut harness = window(demo(), today());
    harness
        .state_mut()
        .set_templates_folder(dir.path().join("templates"));
    harness.run();
    week_menu(&mut harness, "23 – 29 Nov 2026", "Save week as template…");
    harness.get_by_label("Name").type_text("Recovery week");
    harness.run();
    // runweek ships a template of that name: refused as it is typed.
    harness.get_by_label_contains("“Recovery week” is a template runweek ships");
    assert!(harness.get_by_label("Save").accesskit_node().is_disabled());
    harness.get_by_label("Name").type_text(" 2");
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let saved = dir.path().join("templates").join("recovery-week-2.ron");
    assert!(saved.is_file(), "kept in the templates folder");
    assert!(
        notices(&harness)
            .iter()
            .any(|(_, t)| t.starts_with("Saved the template “Recovery week 2”: 8 sessions")),
        "{:?}",
        notices(&harness)
    );
    assert!(
        harness.query_by_label("Save week as template").is_none(),
        "closed"
    );

    harness.get_by_label("Next week").click();
    harness.run();
    week_menu(&mut harness, "30 Nov – 6 Dec 2026", "Apply template…");
    // The three runweek ships first, then the runner's own.
    harness.get_by_label("Base week · runweek");
    // Below the three in a list that scrolls.
    harness.get_by_label("Recovery week 2").scroll_to_me();
    harness.run();
    harness.get_by_label("Recovery week 2").click();
    harness.run();
    harness
        .get_by_label("Replace the sessions still to run (done and skipped ones stay)")
        .click();
    harness.run();
    harness.get_by_label(
        "Adds 8 sessions to the week of Mon 30 Nov in place of its 7 sessions still to run",
    );
    harness.get_by_label("Apply").click();
    harness.run();
    let plan = harness.state().plan().clone();
    let week: Vec<(&str, u16)> = plan
        .sessions_between(date(2026, 11, 30), date(2026, 12, 6))
        .iter()
        .map(|s| (s.display_title(), s.minutes.get()))
        .collect();
    assert_eq!(
        week,
        [
            ("Rest", 0),
            ("5 x 1000 m", 60),
            ("Easy", 45),
            ("3 x 10 min at threshold", 55),
            ("Recovery", 30),
            ("Easy + strides", 40),
            ("Core and hips", 25),
            ("Long run 18 km", 110),
        ]
    );
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo(), "one step, one undo");
}
