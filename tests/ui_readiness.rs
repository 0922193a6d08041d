//! The readiness check-in and the verdict, driven through the real window like a runner
//! would: one click per signal, numbers typed and applied with Enter, the verdict and its
//! reasons read back by their words, the grid's badges, the rules in the settings.

mod support;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::{Date, date};
use runweek::app::RunweekApp;
use runweek::core::readiness::{Legs, Stride, When};
use runweek::core::units::Bpm;
use support::window::{demo, today, undo, window};

fn harness() -> Harness<'static, RunweekApp> {
    window(demo(), today())
}

/// Clicks the widget named `label`, scrolled into view first (the side panel scrolls).
fn click(harness: &mut Harness<'_, RunweekApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Replaces the text of the field labelled `label` with `text` and presses Enter.
fn type_and_enter(harness: &mut Harness<'_, RunweekApp>, label: &str, text: &str) {
    click(harness, label);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

fn verdict_of(harness: &Harness<'_, RunweekApp>, day: Date) -> Option<&'static str> {
    runweek::core::verdict::assess(harness.state().plan(), day)
        .verdict
        .map(|v| v.label())
}

#[test]
fn two_hold_back_clicks_on_the_warm_up_check_make_a_hold_back_day_and_undo_removes_them() {
    let mut harness = harness();
    // Today opens on its morning check: legs heavy, heart rate higher.
    harness.get_by_label("Hold back");
    harness.get_by_label("Heart rate is higher than expected at easy effort");

    click(&mut harness, "Warm-up check");
    click(&mut harness, "Legs: Heavy early in the run");
    let warm_up = harness
        .state()
        .plan()
        .readiness_on(today(), When::WarmUp)
        .expect("one click logs the warm-up check")
        .clone();
    assert_eq!(warm_up.legs, Legs::Heavy);
    // The warm-up check decides: one hold-back signal, yesterday not held back.
    harness.get_by_label("As planned");
    harness.get_by_label("Decided by the warm-up check · 1 hold-back, 0 push signals");

    click(&mut harness, "Stride: Less controlled, less smooth");
    assert_eq!(verdict_of(&harness, today()), Some("Hold back"));
    harness.get_by_label("Hold back");
    harness.get_by_label("Legs feel heavy early in the run");
    harness.get_by_label("Stride feels less controlled, less smooth");
    let entry = harness
        .state()
        .plan()
        .readiness_on(today(), When::WarmUp)
        .expect("the plan holds the check");
    assert_eq!((entry.legs, entry.stride), (Legs::Heavy, Stride::Rough));
    // The grid's badge follows.
    harness.get_by_label("⏷ Hold back");

    // One click, one undo step.
    undo(&mut harness);
    let entry = harness
        .state()
        .plan()
        .readiness_on(today(), When::WarmUp)
        .expect("the first click is still there");
    assert_eq!((entry.legs, entry.stride), (Legs::Heavy, Stride::Normal));
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo(), "two clicks, two undos");
    assert!(!harness.state().history().can_undo());
}

#[test]
fn improving_as_i_go_lifts_hold_back_to_as_planned() {
    let mut harness = harness();
    click(&mut harness, "Warm-up check");
    click(&mut harness, "Legs: Heavy early in the run");
    click(&mut harness, "Body: Would have to force it");
    harness.get_by_label("Hold back");
    click(&mut harness, "Improving as I go");
    assert_eq!(verdict_of(&harness, today()), Some("As planned"));
    harness.get_by_label("As planned");
    harness.get_by_label("Improving as you go: lifted from Hold back");
}

#[test]
fn an_out_of_range_resting_hr_is_refused_where_it_is_typed() {
    let mut harness = harness();
    let before = harness.state().plan().clone();
    type_and_enter(&mut harness, "Resting HR", "300");
    harness.get_by_label("Resting HR: heart rate must be between 25 and 230 bpm, got 300");
    assert_eq!(*harness.state().plan(), before, "nothing applied");
    assert!(!harness.state().history().can_undo());

    // A good value applies on Enter as one edit.
    type_and_enter(&mut harness, "Resting HR", "58");
    let entry = harness
        .state()
        .plan()
        .readiness_on(today(), When::Morning)
        .expect("the morning check");
    assert_eq!(entry.resting_hr, Bpm::new(58).ok());
    assert!(
        harness
            .query_by_label("Resting HR: heart rate must be between 25 and 230 bpm, got 300")
            .is_none()
    );
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), before, "one Enter, one undo step");
}

#[test]
fn typing_without_enter_changes_nothing_until_focus_leaves() {
    let mut harness = harness();
    let before = harness.state().plan().clone();
    click(&mut harness, "Sleep");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Sleep").type_text("8");
    harness.run();
    assert_eq!(*harness.state().plan(), before, "not per keystroke");
    // Clicking a signal takes the focus away: both changes land.
    click(&mut harness, "Body: Ready to extend");
    let entry = harness
        .state()
        .plan()
        .readiness_on(today(), When::Morning)
        .expect("the morning check")
        .clone();
    assert_eq!(entry.sleep_hours.map(|s| s.get()), Some(8.0));
    assert_eq!(entry.body, runweek::core::readiness::Body::Extend);
}

#[test]
fn the_badges_show_each_day_s_verdict() {
    let mut harness = harness();
    harness.get_by_label("⏷ Hold back"); // Wed 25 Nov, today
    // Mon 23 Nov (numbers only) and Tue 24 Nov (lifted by "improving").
    assert_eq!(harness.get_all_by_label("○ As planned").count(), 2);
    // The week before: Push on Tuesday and Sunday, Hold back on Friday.
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.get_all_by_label("⏶ Push").count(), 2);
    harness.get_by_label("⏷ Hold back");
    // Easy runs logged at a rising RPE that week: fatigue is carrying over.
    harness.get_by_label_contains("Fatigue is carrying over");
    harness.get_by_label_contains("Easy runs feel harder than they should");
}

#[test]
fn a_day_without_a_check_says_not_logged() {
    let mut harness = harness();
    click(&mut harness, "Thu 26 Nov");
    harness.get_by_label("Not logged");
    assert!(
        harness.query_by_label("⏷ Hold back").is_some(),
        "today keeps its badge"
    );
    // A day ahead cannot be logged yet.
    assert!(
        harness
            .query_by_label("Legs: Heavy already, on the stairs")
            .is_none()
    );
    // A past day without a check can be logged.
    let mut plan = demo();
    plan.apply(runweek::core::edit::Edit::RemoveReadiness {
        date: date(2026, 11, 23),
        when: When::Morning,
    })
    .expect("Monday has a morning check");
    let app = RunweekApp::new_with(plan, None, today());
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_cc| app);
    harness.run();
    click(&mut harness, "Mon 23 Nov");
    harness.get_by_label("Not logged");
    harness.get_by_label("No check was logged on this day, so it has no verdict.");
    click(&mut harness, "Legs: Normal");
    harness.get_by_label("As planned");
}

#[test]
fn why_shows_the_rules_in_force_and_the_baselines() {
    let mut harness = harness();
    click(&mut harness, "Why?");
    harness.get_by_label_contains("Rest: feeling unwell, or resting HR at least 10 bpm");
    harness.get_by_label_contains("Hold back: 2 or more hold-back signals");
    harness.get_by_label_contains("Resting HR: 51.5 bpm, the mean of");
    harness.get_by_label_contains("HRV usual band: 54.0–60.8 ms");
    // The thresholds are one click away, with their section open.
    click(&mut harness, "Change the thresholds…");
    harness.get_by_label("Hold back at");
}

#[test]
fn readiness_rules_are_changed_in_the_settings_as_one_undo_step() {
    let mut harness = harness();
    click(&mut harness, "Settings");
    click(&mut harness, "Readiness rules");
    // Out of range: refused with the range, nothing applied.
    type_and_enter(&mut harness, "Hold back at", "9");
    harness.get_by_label("Hold back at: verdict.hold_back_signals must be between 1 and 8, got 9");
    click(&mut harness, "Apply rules");
    harness.get_by_label_contains("Not applied:");
    assert_eq!(*harness.state().plan(), demo());

    type_and_enter(&mut harness, "Hold back at", "3");
    click(&mut harness, "Apply rules");
    assert_eq!(harness.state().plan().settings.verdict.hold_back_signals, 3);
    // Today's two signals no longer hold back.
    assert_eq!(verdict_of(&harness, today()), Some("As planned"));
    assert!(harness.query_by_label("⏷ Hold back").is_none());
    click(&mut harness, "Close");
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo());
    harness.get_by_label("⏷ Hold back");
}

#[test]
fn opening_a_session_folds_the_form_and_keeps_what_was_typed() {
    let mut harness = harness();
    let before = harness.state().plan().clone();
    click(&mut harness, "Sleep");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Sleep").type_text("7.5");
    harness.run();
    // A click on today's session opens it in the editor below the panel.
    click(&mut harness, "Easy, 45 min, 8.0 km");
    let sleep = |h: &Harness<'_, RunweekApp>| {
        h.state()
            .plan()
            .readiness_on(today(), When::Morning)
            .and_then(|e| e.sleep_hours)
            .map(|s| s.get())
    };
    assert_eq!(
        sleep(&harness),
        Some(7.5),
        "applied as focus left the field"
    );
    // The verdict stays; the form folds away so that the editor is in view.
    harness.get_by_label("Hold back");
    assert!(
        harness
            .query_by_label("Legs: Heavy already, on the stairs")
            .is_none()
    );
    harness.get_by_label("Minutes");
    click(&mut harness, "Log how the body responds");
    // The morning check asks in the morning's words; the warm-up check in the run's.
    harness.get_by_label("Legs: Heavy already, on the stairs");
    harness.get_by_label("Stride: Stiff, less smooth steps");
    assert!(
        harness
            .query_by_label("Legs: Heavy early in the run")
            .is_none()
    );

    undo(&mut harness);
    assert_eq!(sleep(&harness), Some(6.0));
    assert_eq!(*harness.state().plan(), before, "one field, one undo step");
}
