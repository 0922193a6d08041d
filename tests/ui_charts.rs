//! The charts panel, driven like a runner would: open it from the top bar or with Ctrl+L,
//! read the week's figures, open "About these numbers", and see it follow the plan's
//! settings. egui_kittest runs the real `eframe::App` without a display or GPU.

mod support;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jiff::civil::date;
use runweek::app::{Command, RunweekApp};
use runweek::core::edit::Edit;
use support::window::{demo, drag, today, window_with};

fn builder() -> egui_kittest::HarnessBuilder<RunweekApp> {
    Harness::builder()
        .with_size([1280.0, 1000.0])
        .with_max_steps(32)
}

fn harness() -> Harness<'static, RunweekApp> {
    window_with(builder(), demo(), today())
}

fn charts_shown(harness: &Harness<'_, RunweekApp>) -> bool {
    harness.query_by_label("Load and trends").is_some()
}

fn open_charts(harness: &mut Harness<'_, RunweekApp>) {
    harness.get_by_label("Charts").click();
    harness.run();
    assert!(charts_shown(harness), "the charts panel opened");
}

#[test]
fn the_charts_button_shows_and_hides_the_panel() {
    let mut harness = harness();
    assert!(!charts_shown(&harness), "closed at first");
    assert!(!harness.state().prefs().charts);

    open_charts(&mut harness);
    assert!(
        harness.state().prefs().charts,
        "remembered in the preferences"
    );
    for chart in [
        "Weekly load",
        "Fitness, fatigue and form",
        "Readiness verdicts",
        "Resting heart rate",
    ] {
        harness.get_by_label(chart);
    }

    harness.get_by_label("Charts").click();
    harness.run();
    assert!(!charts_shown(&harness), "closed again");
    assert!(!harness.state().prefs().charts);
}

#[test]
fn ctrl_l_toggles_the_panel() {
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    harness.run();
    assert!(charts_shown(&harness));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    harness.run();
    assert!(!charts_shown(&harness));
}

#[test]
fn the_week_summary_gives_load_spread_and_change() {
    let mut harness = harness();
    open_charts(&mut harness);
    harness.get_by_label("Week 23 – 29 Nov 2026");
    // Planned against done, as the plan holds them on Wednesday of the week.
    harness.get_by_label("1830");
    harness.get_by_label("464");
    harness.get_by_label("3 sessions · 3 h 43 min");
    harness.get_by_label("4 sessions · 2 h 20 min");
    // Monotony and strain of the week's daily loads; change against last week's plan.
    harness.get_by_label("1.33");
    harness.get_by_label("2411");
    harness.get_by_label("+3 %");
}

#[test]
fn a_week_of_equal_days_has_no_monotony() {
    // One 30-minute easy run every day: the SD of the daily loads is 0.
    let mut plan = demo();
    let monday = date(2026, 12, 7);
    let mut edits = Vec::new();
    for (i, id) in (1000..1007).enumerate() {
        let day = runweek::core::week::add_days(monday, i as i64);
        let mut session = runweek::core::session::Session::new(
            runweek::core::session::SessionId(id),
            day,
            runweek::core::session::Kind::Easy,
            runweek::core::units::Minutes::new(30).expect("valid"),
        );
        session.rpe = runweek::core::units::Rpe::new(3).ok();
        edits.push(Edit::AddSession(session));
    }
    plan.apply(Edit::Batch(edits))
        .expect("the sessions are valid");
    let app = RunweekApp::new_with(plan, None, today());
    let mut harness = builder().build_eframe(move |_cc| app);
    harness.run();
    harness.state_mut().push(Command::ShowWeekOf(monday));
    harness.run();
    open_charts(&mut harness);
    harness.get_by_label("Week 7 – 13 Dec 2026");
    assert_eq!(
        harness.query_all_by_label("—").count(),
        2,
        "monotony and strain read —"
    );
}

fn click_at(harness: &mut Harness<'_, RunweekApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.step();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.step();
}

/// A point inside the chart under the title `title`, `dx` points from its left.
fn in_chart(harness: &Harness<'_, RunweekApp>, title: &str, dx: f32) -> egui::Pos2 {
    let title = harness.get_by_label(title).rect();
    egui::pos2(title.left() + dx, title.bottom() + 60.0)
}

#[test]
fn dragging_a_chart_pans_them_all_and_a_double_click_resets() {
    // Frames a 60th of a second apart, so that two clicks make a double-click.
    let app = RunweekApp::new_with(demo(), None, today());
    let mut harness = builder()
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_cc| app);
    harness.run();
    open_charts(&mut harness);
    let week = harness.state().week();
    assert!(
        harness
            .get_by_label("Reset zoom")
            .accesskit_node()
            .is_disabled(),
        "the default view"
    );

    let from = in_chart(&harness, "Fitness, fatigue and form", 500.0);
    drag(&mut harness, from, from + egui::vec2(250.0, 0.0));
    assert!(
        !harness
            .get_by_label("Reset zoom")
            .accesskit_node()
            .is_disabled(),
        "the view moved"
    );
    assert_eq!(harness.state().week(), week, "a drag is not a click");

    let at = in_chart(&harness, "Weekly load", 500.0);
    click_at(&mut harness, at);
    click_at(&mut harness, at);
    harness.run();
    assert!(
        harness
            .get_by_label("Reset zoom")
            .accesskit_node()
            .is_disabled(),
        "a double-click goes back to the default view"
    );
}

#[test]
fn clicking_a_day_on_a_chart_shows_its_week() {
    let mut harness = harness();
    open_charts(&mut harness);
    let week = harness.state().week();
    // Near the left end of the default view: weeks before the shown one.
    let at = in_chart(&harness, "Weekly load", 120.0);
    click_at(&mut harness, at);
    harness.run();
    let shown = harness.state().week();
    assert!(
        shown.start() < week.start(),
        "{:?} is before {:?}",
        shown.start(),
        week.start()
    );
}

#[test]
fn about_these_numbers_states_the_formulas_and_the_settings_in_force() {
    let mut harness = harness();
    open_charts(&mut harness);
    harness.get_by_label("About these numbers").click();
    harness.run();
    // Each formula in words (the names also label the week's figures, so the formulas
    // themselves are what shows the view is open).
    for formula in [
        "load = minutes × RPE",
        "monotony = mean ÷ SD",
        "strain = weekly load × monotony",
        "fitness_t = fitness_(t−1)",
        "fatigue_t = fatigue_(t−1)",
        "form_t = fitness_(t−1) − fatigue_(t−1)",
        "acute_t = λ × L_t",
    ] {
        harness.get_by_label_contains(formula);
    }
    assert_eq!(
        harness
            .query_all_by_label_contains("Source: Foster 1998")
            .count(),
        2,
        "monotony and strain name their source"
    );
    harness.get_by_label_contains("In force: N = 42 days");
    harness.get_by_label_contains("In force: N = 7 days");
    harness.get_by_label_contains("Soft warning above 10 %");

    // The fitness time constant changes in the plan: the view follows.
    let mut settings = harness.state().plan().settings.clone();
    settings.fitness_days = 28;
    harness
        .state_mut()
        .push(Command::Edit(Edit::SetSettings(settings)));
    harness.run();
    harness.get_by_label_contains("In force: N = 28 days");
    assert!(
        harness
            .query_by_label_contains("In force: N = 42 days")
            .is_none(),
        "the old setting is gone"
    );
}

/// The window with the charts open, rendered on the CPU; refresh the pictures with
/// `UPDATE_SNAPSHOTS=1 cargo test --features snapshots --test ui_charts`.
#[cfg(feature = "snapshots")]
fn snapshot(theme: egui::Theme, name: &str) {
    // Taller, so that every chart is in the picture.
    let builder = builder().with_size([1280.0, 1100.0]);
    support::window::snapshot(builder, theme, "Charts", name);
}

#[cfg(feature = "snapshots")]
#[test]
fn snapshot_of_the_charts_dark() {
    snapshot(egui::Theme::Dark, "charts_dark");
}

#[cfg(feature = "snapshots")]
#[test]
fn snapshot_of_the_charts_light() {
    snapshot(egui::Theme::Light, "charts_light");
}
