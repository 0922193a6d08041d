//! File › Export… and the desktop habits of the window, driven as the runner does: Ctrl+E,
//! a format, a path, Export; the picture through egui's screenshot request; Ctrl+Q through
//! the normal close; Open recent; Help › Keyboard shortcuts.
//!
//! The test build has no renderer, so no screenshot is ever taken by itself: the picture test
//! answers the window's request with a picture it makes (what eframe hands back after
//! painting), and checks the PNG that comes out.

mod support;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui::{self, Color32, ColorImage, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use runweek::app::RunweekApp;
use support::window::{builder, demo, today};

fn opened(path: Option<&Path>) -> Harness<'static, RunweekApp> {
    if let Some(path) = path {
        runweek::file::save(path, &demo()).expect("saved");
    }
    let app = RunweekApp::new_with(demo(), path.map(Path::to_owned), today());
    let mut harness = builder().build_eframe(move |_cc| app);
    harness.run();
    harness
}

/// Steps the window until `done` holds, for up to ten seconds (exports are written on a
/// thread).
fn wait_for(harness: &mut Harness<'_, RunweekApp>, done: impl Fn(&RunweekApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        harness.step();
        if done(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("gave up waiting");
}

fn said(app: &RunweekApp) -> Vec<String> {
    app.notices().map(|(_, text)| text.to_owned()).collect()
}

fn export_to(harness: &mut Harness<'_, RunweekApp>, format: &str, path: &Path) {
    fill_in(harness, format, path);
    harness.get_by_label("Export").click();
    harness.run();
}

/// Opens the export window and chooses `format` and `path`, short of pressing Export.
fn fill_in(harness: &mut Harness<'_, RunweekApp>, format: &str, path: &Path) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label(format).click();
    harness.run();
    harness.get_by_label("Save to").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Save to")
        .type_text(path.to_str().expect("utf-8"));
    harness.run();
}

#[test]
fn ctrl_e_exports_the_week_on_screen_as_a_spreadsheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = opened(None);
    let target = dir.path().join("week.csv");
    export_to(&mut harness, "Spreadsheet (.csv)", &target);
    wait_for(&mut harness, |app| {
        said(app).iter().any(|s| s.starts_with("Exported"))
    });
    let text = std::fs::read_to_string(&target).expect("written");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let dates: Vec<String> = reader
        .records()
        .map(|r| r.expect("a row")[0].to_owned())
        .collect();
    // The demo's middle week, Monday 23 to Sunday 29 November: eight sessions.
    assert_eq!(dates.len(), 8, "{text}");
    assert!(
        dates
            .iter()
            .all(|d| ("2026-11-23".."2026-11-30").contains(&d.as_str()))
    );
    assert!(
        said(harness.state()).contains(&format!("Exported 8 sessions to {}.", target.display())),
        "{:?}",
        said(harness.state())
    );
    assert!(
        harness.query_by_label("Export the plan").is_none(),
        "the window closed"
    );
}

#[test]
fn the_whole_plan_as_a_calendar_uses_the_plan_file_s_name_in_its_uids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("marathon.ron");
    let mut harness = opened(Some(&plan));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("The whole plan").click();
    harness.run();
    // The suggested file is beside the plan.
    harness.get_by_label("Export").click();
    wait_for(&mut harness, |app| {
        said(app).iter().any(|s| s.starts_with("Exported"))
    });
    let written = dir.path().join("marathon-week-2026-11-23.ics");
    let text = std::fs::read_to_string(&written).expect("written beside the plan");
    let calendar: icalendar::Calendar = text.parse().expect("parses");
    use icalendar::Component as _;
    let uids: Vec<String> = calendar
        .events()
        .map(|e| e.get_uid().expect("uid").to_owned())
        .collect();
    assert_eq!(uids.len(), demo().sessions().len());
    let key = runweek::export::plan_key(Some("marathon"));
    assert!(uids.iter().all(|u| u.ends_with(&format!("-{key}@runweek"))));
}

#[test]
fn a_picture_of_the_week_is_cut_from_the_screenshot_and_written_as_png() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = opened(None);
    let target = dir.path().join("week.png");
    fill_in(&mut harness, "Picture of the week (.png)", &target);
    harness.get_by_label("Export").click();
    // The window hides for a frame, then asks for the next frame's pixels.
    let mut request = None;
    for _ in 0..8 {
        harness.step();
        request = harness
            .output()
            .viewport_output
            .values()
            .flat_map(|v| v.commands.iter())
            .find_map(|c| match c {
                egui::ViewportCommand::Screenshot(callback) => Some(callback.clone()),
                _ => None,
            });
        if request.is_some() {
            break;
        }
    }
    let request = request.expect("a screenshot is asked for");
    // What eframe hands back: the whole window at the screen's density (here 2 pixels a
    // point), each pixel's colour telling where it is.
    let [w, h] = [2560, 1600];
    let mut image = ColorImage::filled([w, h], Color32::BLACK);
    for y in 0..h {
        for x in 0..w {
            image.pixels[y * w + x] = Color32::from_rgb((x / 16) as u8, (y / 16) as u8, 7);
        }
    }
    request.complete(Arc::new(image));
    wait_for(&mut harness, |app| {
        said(app).iter().any(|s| s.starts_with("Exported"))
    });
    assert!(
        said(harness.state())
            .iter()
            .any(|s| s.starts_with("Exported the week of 23 – 29 Nov 2026 to ")),
        "{:?}",
        said(harness.state())
    );
    let png = std::fs::read(&target).expect("written");
    let picture = image::load_from_memory_with_format(&png, image::ImageFormat::Png)
        .expect("a PNG")
        .to_rgba8();
    // The grid's part of the window, not all of it, at two pixels a point.
    let (pw, ph) = picture.dimensions();
    assert!(pw > 1000 && pw < 2560, "{pw}");
    assert!(ph > 800 && ph < 1600, "{ph}");
    // Its top-left pixel is where the week starts on screen: right of nothing, below the
    // top bar.
    let top_left = picture.get_pixel(0, 0).0;
    assert_eq!(top_left[0], 0, "the week starts at the window's left edge");
    assert!(top_left[1] > 0, "below the top bar");
    assert_eq!(top_left[2], 7);
}

#[test]
fn ctrl_q_closes_the_window_the_normal_way() {
    let mut harness = opened(None);
    // One frame with the key pressed, so that this frame's output holds what it asked for.
    let input = harness.input_mut();
    input.events.push(egui::Event::Key {
        key: Key::Q,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND,
    });
    harness.step();
    let closing = harness
        .output()
        .viewport_output
        .values()
        .flat_map(|v| v.commands.iter())
        .any(|c| matches!(c, egui::ViewportCommand::Close));
    assert!(
        closing,
        "Quit asks the window to close, as its close button does"
    );
}

#[test]
fn open_recent_lists_the_plans_opened_and_greys_one_that_is_gone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("first.ron");
    let second = dir.path().join("second.ron");
    runweek::file::save(&second, &demo()).expect("saved");
    let mut harness = opened(Some(&first));
    assert_eq!(harness.state().prefs().recent, std::slice::from_ref(&first));
    harness.state_mut().push(runweek::app::Command::File(
        runweek::app::FileCommand::Chosen(runweek::app::Purpose::Open, second.clone()),
    ));
    wait_for(&mut harness, |app| {
        app.prefs().recent.first() == Some(&second)
    });
    assert_eq!(
        harness.state().prefs().recent,
        [second.clone(), first.clone()]
    );
    std::fs::remove_file(&first).expect("removed");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    let gone = harness.get_by_label("first.ron");
    assert!(
        gone.accesskit_node().is_disabled(),
        "a plan that is gone is greyed"
    );
    // The top bar names the plan on screen too; its entry in the menu is greyed.
    assert!(
        harness.get_all_by_label("second.ron").any(|n| {
            n.accesskit_node().role() == egui::accesskit::Role::Button
                && n.accesskit_node().is_disabled()
        }),
        "the plan on screen is not offered"
    );
}

#[test]
fn help_lists_every_shortcut_with_the_computer_s_own_modifier() {
    let mut harness = opened(None);
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Keyboard shortcuts").click();
    harness.run();
    for (keys, does) in [
        ("Ctrl+E", "Export (calendar, spreadsheet, picture)"),
        ("Ctrl+Q", "Quit (the last change is saved first)"),
        ("Ctrl+Shift+Z", "Redo"),
        ("Ctrl+L", "Show or hide the charts"),
        ("Delete", "Remove the selected session"),
    ] {
        assert!(harness.query_by_label(keys).is_some(), "{keys}");
        assert!(harness.query_all_by_label(does).next().is_some(), "{does}");
    }
}
