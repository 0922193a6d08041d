//! The block view, driven like a runner would: open it from the top bar or with Ctrl+B, read
//! the weeks and their chips, drag a chip into another week (one undo step), and open a week
//! from its label.

mod support;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::{Date, date};
use runweek::app::{Level, RunweekApp, View};
use runweek::core::session::SessionId;
use support::window::{demo, drag, today, undo, window};

fn date_of(harness: &Harness<'_, RunweekApp>, id: u64) -> Date {
    harness
        .state()
        .plan()
        .session(SessionId(id))
        .expect("the session exists")
        .date
}

fn block() -> Harness<'static, RunweekApp> {
    let mut harness = window(demo(), today());
    harness.get_by_label("Block").click();
    harness.run();
    assert_eq!(harness.state().prefs().view, View::Block);
    harness
}

#[test]
fn the_block_shows_its_weeks_with_their_figures_and_chips() {
    let harness = block();
    // Eight weeks around the week on show: two before it, five after.
    for week in ["9 Nov – 15 Nov", "23 Nov – 29 Nov", "28 Dec – 3 Jan"] {
        harness.get_by_label(week);
    }
    assert_eq!(
        harness
            .get_by_label("How many weeks the block shows")
            .value()
            .as_deref(),
        Some("8 weeks")
    );
    for chip in [
        "Intervals “5 x 1000 m” 60 min, key, done",
        "Tempo “3 x 10 min at threshold” 55 min",
        "Long “Long run 18 km” 110 min, key",
        "Hills “8 x 60 s uphill” 55 min, key",
    ] {
        harness.get_by_label(chip);
    }
    // Every day of every week is there to drop on.
    harness.get_by_label("Friday 4 December 2026");
    harness.get_by_label("Sunday 3 January 2027");
}

#[test]
fn ctrl_b_opens_the_block_and_goes_back_to_the_week() {
    let mut harness = window(demo(), today());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    harness.run();
    assert_eq!(harness.state().prefs().view, View::Block);
    harness.get_by_label("30 Nov – 6 Dec");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    harness.run();
    assert_eq!(harness.state().prefs().view, View::Week);
}

#[test]
fn a_chip_dragged_into_another_week_moves_and_one_undo_moves_it_back() {
    let mut harness = block();
    let tempo = harness
        .get_by_label("Tempo “3 x 10 min at threshold” 55 min")
        .rect()
        .center();
    let friday = harness.get_by_label("Friday 4 December 2026").rect();
    drag(
        &mut harness,
        tempo,
        friday.center_bottom() - egui::vec2(0.0, 4.0),
    );
    assert_eq!(date_of(&harness, 12), date(2026, 12, 4));
    assert!(harness.state().is_dirty());
    // The chip shows on its new day.
    harness.get_by_label("Tempo “3 x 10 min at threshold” 55 min");

    undo(&mut harness);
    assert_eq!(date_of(&harness, 12), date(2026, 11, 26));
    assert!(
        !harness.state().history().can_undo(),
        "one drop is one undo step"
    );
}

#[test]
fn a_chip_dropped_on_a_past_day_stays_and_the_runner_is_told_why() {
    let mut harness = block();
    let tempo = harness
        .get_by_label("Tempo “3 x 10 min at threshold” 55 min")
        .rect()
        .center();
    let monday = harness.get_by_label("Monday 23 November 2026").rect();
    drag(
        &mut harness,
        tempo,
        monday.center_bottom() - egui::vec2(0.0, 4.0),
    );
    assert_eq!(date_of(&harness, 12), date(2026, 11, 26));
    assert!(!harness.state().history().can_undo());
    assert!(
        harness
            .state()
            .notices()
            .any(|(level, text)| level == Level::Refused && text.contains("Mon 23 Nov is past")),
        "the refusal is said"
    );
}

#[test]
fn a_week_s_label_opens_that_week_in_the_week_view() {
    let mut harness = block();
    harness.get_by_label("7 Dec – 13 Dec").click();
    harness.run();
    assert_eq!(harness.state().prefs().view, View::Week);
    assert_eq!(harness.state().week().start(), date(2026, 12, 7));
    // The week view's own grid is on show.
    harness.get_by_label("Add a session on Mon 7 Dec");
}

#[test]
fn the_runner_chooses_how_many_weeks_the_block_shows() {
    let mut harness = block();
    harness
        .get_by_label("How many weeks the block shows")
        .click();
    harness.run();
    harness.get_by_label("9 weeks").click();
    harness.run();
    assert_eq!(harness.state().prefs().block_weeks, Some(9));
    harness.get_by_label("4 Jan – 10 Jan");
}

/// With a wgpu device (the `snapshots` feature renders on the CPU through Mesa), the picture
/// of the block is drawn again off screen at twice the screen's pixel density.
#[cfg(feature = "snapshots")]
#[test]
fn the_picture_of_the_block_is_drawn_at_twice_the_screen_s_density() {
    use std::time::{Duration, Instant};
    use support::window::{builder, window_with};
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("block.png");
    let mut harness = window_with(builder().wgpu(), demo(), today());
    harness.get_by_label("Block").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    harness.get_by_label("Picture of the block (.png)").click();
    harness.run();
    harness.get_by_label("Save to").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Save to")
        .type_text(target.to_str().expect("utf-8"));
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !target.exists() && Instant::now() < deadline {
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    let area = harness.state().view_rect().expect("the block's place");
    let png = std::fs::read(&target).expect("the picture is written");
    let picture = image::load_from_memory_with_format(&png, image::ImageFormat::Png)
        .expect("a PNG")
        .to_rgba8();
    let ppp = harness.ctx.pixels_per_point();
    assert_eq!(
        picture.dimensions(),
        (
            (area.width() * ppp * 2.0).round() as u32,
            (area.height() * ppp * 2.0).round() as u32
        )
    );
    // Not a blank: the chips and the rows are drawn.
    let first = picture.get_pixel(0, 0).0;
    assert!(picture.pixels().any(|p| p.0 != first));
    if let Ok(keep) = std::env::var("RUNWEEK_KEEP_PICTURE") {
        std::fs::copy(&target, keep).expect("kept");
    }
}
