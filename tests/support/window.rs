//! The window under egui_kittest, shared by the UI tests: the demo plan on its own "today",
//! a harness at the usual window size, and the gestures a hand makes.

use eframe::egui;
use egui_kittest::{Harness, HarnessBuilder};
use jiff::civil::{Date, date};
use runweek::app::RunweekApp;
use runweek::core::plan::Plan;

/// "Today" in the demo plan: Wednesday of its middle week, a hold-back day.
pub fn today() -> Date {
    date(2026, 11, 25)
}

pub fn demo() -> Plan {
    runweek::file::demo().expect("the demo plan parses")
}

/// The window at its usual size. Toasts and popups animate in over a few frames.
pub fn builder() -> HarnessBuilder<RunweekApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(32)
}

/// The app on `plan`, with `today` as the day it thinks it is, after its first frames.
pub fn window_with(
    builder: HarnessBuilder<RunweekApp>,
    plan: Plan,
    today: Date,
) -> Harness<'static, RunweekApp> {
    let app = RunweekApp::new_with(plan, None, today);
    let mut harness = builder.build_eframe(move |_cc| app);
    harness.run();
    harness
}

/// [`window_with`] at the usual size.
pub fn window(plan: Plan, today: Date) -> Harness<'static, RunweekApp> {
    window_with(builder(), plan, today)
}

/// Ctrl+Z, as the runner presses it.
pub fn undo(harness: &mut Harness<'_, RunweekApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
}

/// A drag the way a hand does it: press, move a little, move to the target, release.
pub fn drag(harness: &mut Harness<'_, RunweekApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for i in 1..=4 {
        let t = i as f32 / 4.0;
        harness.hover_at(from + (to - from) * t);
        harness.step();
    }
    harness.drop_at(to);
    harness.step();
    harness.run();
}

/// The demo window as pixels after clicking `label`, rendered on the CPU (Mesa's lavapipe)
/// and compared with `tests/snapshots/NAME.png`. Update the pictures with
/// `UPDATE_SNAPSHOTS=1 cargo test --features snapshots`.
#[cfg(feature = "snapshots")]
pub fn snapshot(builder: HarnessBuilder<RunweekApp>, theme: egui::Theme, label: &str, name: &str) {
    use egui_kittest::kittest::Queryable;
    let mut harness = window_with(builder.with_theme(theme).wgpu(), demo(), today());
    harness.get_by_label(label).click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    harness.snapshot(name);
}
