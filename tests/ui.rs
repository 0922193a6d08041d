//! The window, driven like a runner would: find things by their names, click, drag, type,
//! and check the plan. egui_kittest runs the real `eframe::App` without a display or GPU;
//! the image snapshot (feature `snapshots`) renders on the CPU through Mesa.

mod support;
use std::time::Duration;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::{Date, date};
use runweek::app::{Command, Level, Preview, RunweekApp};
use runweek::core::edit::Edit;
use runweek::core::plan::Plan;
use runweek::core::session::SessionId;
use support::temp_file;
use support::window::{builder, demo, drag, today, undo, window};

fn harness_with(plan: Plan) -> Harness<'static, RunweekApp> {
    window(plan, today())
}

fn harness() -> Harness<'static, RunweekApp> {
    harness_with(demo())
}

fn date_of(harness: &Harness<'_, RunweekApp>, id: u64) -> Date {
    harness
        .state()
        .plan()
        .session(SessionId(id))
        .expect("the session exists")
        .date
}

/// The card of a session, found by the words a screen reader hears.
fn card_rect(harness: &Harness<'_, RunweekApp>, words: &str) -> egui::Rect {
    harness.get_by_label_contains(words).rect()
}

/// A point inside the column of the day headed `header` (e.g. "Fri 27 Nov"), below its
/// cards.
fn column_point(harness: &Harness<'_, RunweekApp>, header: &str) -> egui::Pos2 {
    let head = harness.get_by_label(header).rect();
    egui::pos2(head.center().x, head.bottom() + 300.0)
}

fn notices(harness: &Harness<'_, RunweekApp>) -> Vec<(Level, String)> {
    harness
        .state()
        .notices()
        .map(|(level, text)| (level, text.to_owned()))
        .collect()
}

#[test]
fn the_demo_plan_shows_its_week_by_label() {
    let harness = harness();
    for title in [
        "5 x 1000 m",
        "3 x 10 min at threshold",
        "Easy + strides",
        "Core and hips",
        "Long run 18 km",
    ] {
        harness.get_by_label(title);
    }
    // Cards say kind, numbers, key and state in words, not only in colour.
    harness.get_by_label("Intervals, 5 x 1000 m, 60 min, 11.0 km, key workout, done, 58 min");
    harness.get_by_label("Tempo, 3 x 10 min at threshold, 55 min, 10.5 km");
    for header in ["Mon 23 Nov", "Wed 25 Nov", "Sun 29 Nov"] {
        harness.get_by_label(header);
    }
    harness.get_by_label("TODAY");
    harness.get_by_label("Add a session on Thu 26 Nov");
    // The week in numbers.
    harness.get_by_label("6 h 05 min");
    harness.get_by_label("3 hard sessions (2 key)");
}

#[test]
fn dragging_a_card_to_another_day_moves_it_and_undo_moves_it_back() {
    let mut harness = harness();
    let tempo = card_rect(&harness, "Tempo, 3 x 10 min at threshold").center();
    let friday = column_point(&harness, "Fri 27 Nov");
    drag(&mut harness, tempo, friday);
    assert_eq!(date_of(&harness, 12), date(2026, 11, 27));
    // Below Friday's recovery run.
    let friday_ids: Vec<u64> = harness
        .state()
        .plan()
        .sessions_on(date(2026, 11, 27))
        .iter()
        .map(|s| s.id.0)
        .collect();
    assert_eq!(friday_ids, [13, 12]);
    assert!(harness.state().is_dirty());

    undo(&mut harness);
    assert_eq!(date_of(&harness, 12), date(2026, 11, 26));
    assert!(
        !harness.state().history().can_undo(),
        "one drop is one undo step"
    );
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(
        date_of(&harness, 12),
        date(2026, 11, 27),
        "redo moves it again"
    );
}

#[test]
fn a_drop_within_a_day_reorders_it() {
    let mut harness = harness();
    let strength = card_rect(&harness, "Strength, Core and hips").center();
    let easy = card_rect(&harness, "Easy, Easy + strides");
    drag(
        &mut harness,
        strength,
        easy.center_top() + egui::vec2(0.0, 4.0),
    );
    let saturday: Vec<u64> = harness
        .state()
        .plan()
        .sessions_on(date(2026, 11, 28))
        .iter()
        .map(|s| s.id.0)
        .collect();
    assert_eq!(saturday, [15, 14]);
}

#[test]
fn a_drop_that_breaks_a_rule_shows_the_rule_on_the_day() {
    let mut harness = harness();
    let tempo = card_rect(&harness, "Tempo, 3 x 10 min at threshold").center();
    let wednesday = column_point(&harness, "Wed 25 Nov");
    drag(&mut harness, tempo, wednesday);
    assert_eq!(date_of(&harness, 12), today());
    // On the day's column, and in the side panel of the selected day.
    for rule in [
        "Two hard days in a row",
        "100 min planned, only 60 min available",
    ] {
        assert_eq!(harness.get_all_by_label_contains(rule).count(), 2, "{rule}");
    }
}

#[test]
fn a_drop_on_a_past_day_is_refused_and_says_why() {
    let mut harness = harness();
    let before = harness.state().plan().clone();
    let tempo = card_rect(&harness, "Tempo, 3 x 10 min at threshold").center();
    let monday = column_point(&harness, "Mon 23 Nov");
    drag(&mut harness, tempo, monday);
    assert_eq!(*harness.state().plan(), before, "the plan is unchanged");
    assert!(!harness.state().history().can_undo());
    let said = notices(&harness);
    assert!(
        said.iter()
            .any(|(l, t)| *l == Level::Refused && t.contains("Mon 23 Nov is past")),
        "{said:?}"
    );
    harness.get_by_label_contains("Mon 23 Nov is past");
}

#[test]
fn a_done_session_cannot_be_dragged_and_the_card_says_why() {
    let mut harness = harness();
    let before = harness.state().plan().clone();
    let done = card_rect(&harness, "Intervals, 5 x 1000 m").center();
    let thursday = column_point(&harness, "Thu 26 Nov");
    drag(&mut harness, done, thursday);
    assert_eq!(*harness.state().plan(), before);
    harness.get_by_label_contains("is done: a session that was run stays");
}

#[test]
fn escape_cancels_a_drag() {
    let mut harness = harness();
    let before = harness.state().plan().clone();
    let tempo = card_rect(&harness, "Tempo, 3 x 10 min at threshold").center();
    let friday = column_point(&harness, "Fri 27 Nov");
    harness.drag_at(tempo);
    harness.step();
    for i in 1..=4 {
        harness.hover_at(tempo + (friday - tempo) * (i as f32 / 4.0));
        harness.step();
    }
    harness.key_press(egui::Key::Escape);
    harness.step();
    harness.drop_at(friday);
    harness.run();
    assert_eq!(*harness.state().plan(), before);
}

/// Replaces the text of the field labelled `label` with `text`.
fn retype(harness: &mut Harness<'_, RunweekApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn editing_minutes_and_applying_is_one_undo_step() {
    let mut harness = harness();
    harness.get_by_label("Easy, 45 min, 8.0 km").click();
    harness.run();
    retype(&mut harness, "Minutes", "50");
    retype(&mut harness, "Planned RPE", "4");
    harness.get_by_label("Apply").click();
    harness.run();
    let easy = harness
        .state()
        .plan()
        .session(SessionId(11))
        .expect("still there")
        .clone();
    assert_eq!(
        (easy.minutes.get(), easy.rpe.map(|r| r.get())),
        (50, Some(4))
    );
    harness.get_by_label("Easy, 50 min, 8.0 km");

    // Undo from the grid, not from the text field.
    harness.get_by_label("Wed 25 Nov").click();
    harness.run();
    undo(&mut harness);
    let easy = harness
        .state()
        .plan()
        .session(SessionId(11))
        .expect("still there");
    assert_eq!(
        (easy.minutes.get(), easy.rpe.map(|r| r.get())),
        (45, Some(3))
    );
    assert!(
        !harness.state().history().can_undo(),
        "one Apply is one undo step"
    );
}

#[test]
fn an_out_of_range_value_is_refused_where_it_is_typed() {
    let mut harness = harness();
    harness.get_by_label("Easy, 45 min, 8.0 km").click();
    harness.run();
    retype(&mut harness, "Minutes", "1500");
    harness.get_by_label("minutes must be between 0 and 1440, got 1500");
    harness.get_by_label("Apply").click();
    harness.run();
    assert_eq!(*harness.state().plan(), demo());
}

#[test]
fn adding_duplicating_and_deleting_sessions() {
    let mut harness = harness();
    let sessions =
        |h: &Harness<'_, RunweekApp>| h.state().plan().sessions_on(date(2026, 11, 27)).len();
    assert_eq!(sessions(&harness), 1);
    harness.get_by_label("Add a session on Fri 27 Nov").click();
    harness.run();
    retype(&mut harness, "Title", "Strides on grass");
    harness.get_by_label("Add session").click();
    harness.run();
    assert_eq!(sessions(&harness), 2);
    harness.get_by_label("Duplicate").click();
    harness.run();
    assert_eq!(sessions(&harness), 3);
    // Delete removes the selected card (the copy, selected after Duplicate).
    harness.key_press(egui::Key::Delete);
    harness.run();
    assert_eq!(sessions(&harness), 2);
    undo(&mut harness);
    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo(), "three steps, three undos");
}

#[test]
fn the_context_menu_marks_a_session_skipped() {
    let mut harness = harness();
    harness
        .get_by_label("Recovery, 30 min, 5.0 km")
        .click_secondary();
    harness.run();
    harness.get_by_label("Mark skipped").click();
    harness.run();
    let s = harness
        .state()
        .plan()
        .session(SessionId(13))
        .expect("there");
    assert!(s.is_skipped());
    harness.get_by_label("Recovery, 30 min, 5.0 km, skipped");
}

#[test]
fn arrows_move_between_weeks() {
    let mut harness = harness();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.get_by_label("8 x 60 s uphill");
    harness.key_press(egui::Key::ArrowLeft);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    harness.get_by_label("Long run 16 km");
    harness
        .get_by_role_and_label(egui::Role::Button, "This week")
        .click();
    harness.run();
    harness.get_by_label("TODAY");
}

#[test]
fn settings_change_units_as_one_undo_step() {
    let mut harness = harness();
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label("Miles").click();
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    assert_eq!(
        harness.state().plan().settings.units,
        runweek::core::settings::Units::Mi
    );
    harness.get_by_label("Tempo, 3 x 10 min at threshold, 55 min, 6.5 mi");
    harness.get_by_label("Close").click();
    harness.run();
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo());
}

#[test]
fn a_proposal_shows_on_the_grid_and_accept_is_one_undo_step() {
    let mut harness = harness();
    let mut notes = std::collections::BTreeMap::new();
    notes.insert(
        SessionId(12),
        "moved to Friday: Wednesday was a Hold back".to_owned(),
    );
    harness.state_mut().push(Command::ShowPreview(Preview {
        title: "Re-plan from Thu 26 Nov".to_owned(),
        edits: vec![Edit::MoveSession {
            id: SessionId(12),
            to: date(2026, 11, 27),
            index: None,
        }],
        notes,
        lines: vec!["The key session survives.".to_owned()],
        reach: None,
    }));
    harness.run();
    harness.get_by_label_contains("moved to Friday");
    assert_eq!(
        date_of(&harness, 12),
        date(2026, 11, 26),
        "nothing applied yet"
    );
    harness.get_by_label("Accept").click();
    harness.run();
    assert_eq!(date_of(&harness, 12), date(2026, 11, 27));
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo());
}

/// Steps until `done` holds of the window, for up to ten seconds (autosave waits 1.5 s; a
/// loaded machine may take a while longer to write).
fn step_until(
    harness: &mut Harness<'_, RunweekApp>,
    done: impl Fn(&Harness<'_, RunweekApp>) -> bool,
) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while std::time::Instant::now() < deadline {
        harness.step();
        if done(harness) {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("gave up waiting");
}

/// Steps until `done` holds (files load and save on worker threads).
fn wait_for(harness: &mut Harness<'_, RunweekApp>, done: impl Fn(&RunweekApp) -> bool) {
    step_until(harness, |h| done(h.state()));
}

fn open_by_path(harness: &mut Harness<'_, RunweekApp>, path: &std::path::Path) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open by path…").click();
    harness.run();
    retype(
        harness,
        "Path of the plan file (.ron)",
        &path.display().to_string(),
    );
    harness.get_by_label("Open").click();
    harness.run();
}

#[test]
fn a_malformed_file_shows_its_error_and_keeps_the_plan() {
    let mut harness = harness();
    let path = temp_file(
        "broken.ron",
        "(\n    version: 1,\n    sessions: [\n        (id: 1, date: \"2026-11-25\", kind: Jog, minutes: 30),\n    ],\n)\n",
    );
    open_by_path(&mut harness, &path);
    wait_for(&mut harness, |app| app.error().is_some());
    let error = harness.state().error().expect("an error").to_owned();
    assert!(error.contains(&format!("{}:4:", path.display())), "{error}");
    harness.get_by_label_contains("broken.ron:4:");
    assert_eq!(
        *harness.state().plan(),
        demo(),
        "the plan on screen is untouched"
    );
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().error().is_none());
}

#[test]
fn a_good_file_opens_and_autosaves_there() {
    let mut plan = demo();
    plan.settings.fitness_days = 40;
    let path = temp_file("good.ron", &runweek::file::to_text(&plan));
    let mut harness = harness();
    open_by_path(&mut harness, &path);
    wait_for(&mut harness, |app| app.plan().settings.fitness_days == 40);
    assert!(!harness.state().is_dirty());
    assert!(harness.state().title().starts_with("good.ron"));
    // A change marks the title and is saved by itself a moment later.
    harness
        .get_by_label("Recovery, 30 min, 5.0 km")
        .click_secondary();
    harness.run();
    harness.get_by_label("Mark skipped").click();
    harness.run();
    assert!(
        harness.state().title().starts_with("*good.ron"),
        "{}",
        harness.state().title()
    );
    std::thread::sleep(Duration::from_millis(1600));
    wait_for(&mut harness, |app| !app.is_dirty());
    let on_disk = runweek::file::load(&path).expect("loads");
    assert!(on_disk.session(SessionId(13)).expect("there").is_skipped());
}

#[test]
fn a_file_changed_by_another_program_is_not_overwritten() {
    let plan = demo();
    let path = temp_file("shared.ron", &runweek::file::to_text(&plan));
    let app = RunweekApp::new_with(plan.clone(), Some(path.clone()), today());
    let mut harness = builder().build_eframe(move |_cc| app);
    harness.run();
    // A change here; meanwhile another program changes the same session differently.
    harness
        .get_by_label("Recovery, 30 min, 5.0 km")
        .click_secondary();
    harness.run();
    harness.get_by_label("Mark skipped").click();
    harness.run();
    let mut theirs = plan.clone();
    let mut recovery = theirs.session(SessionId(13)).expect("there").clone();
    recovery.minutes = runweek::core::units::Minutes::new(35).expect("minutes");
    theirs
        .apply(Edit::UpdateSession(recovery))
        .expect("their change");
    theirs.settings.fatigue_days = 9;
    runweek::file::save(&path, &theirs).expect("their save");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_for(&mut harness, |_| true);
    for _ in 0..300 {
        harness.step();
        if harness
            .query_by_label("Take theirs where both changed")
            .is_some()
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.get_by_label("The plan file was changed by another program");
    assert_eq!(
        runweek::file::load(&path).expect("loads"),
        theirs,
        "their file is untouched while the runner decides"
    );
    harness
        .get_by_label("Take theirs where both changed")
        .click();
    harness.run();
    assert_eq!(harness.state().plan().settings.fatigue_days, 9);
    assert_eq!(*harness.state().plan(), theirs);
    assert!(!harness.state().is_dirty());
}

#[test]
fn closing_the_window_saves_what_autosave_has_not_yet() {
    let plan = demo();
    let path = temp_file("closing.ron", &runweek::file::to_text(&plan));
    let app = RunweekApp::new_with(plan, Some(path.clone()), today());
    let mut harness = builder().build_eframe(move |_cc| app);
    harness.run();
    harness
        .get_by_label("Recovery, 30 min, 5.0 km")
        .click_secondary();
    harness.run();
    harness.get_by_label("Mark skipped").click();
    harness.run();
    assert!(
        harness.state().is_dirty(),
        "well within the autosave's delay"
    );
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let on_disk = runweek::file::load(&path).expect("loads");
    assert!(on_disk.session(SessionId(13)).expect("there").is_skipped());
}

/// The week view as pixels, rendered on the CPU (Mesa's lavapipe). Update the pictures
/// with `UPDATE_SNAPSHOTS=1 cargo test --features snapshots --test ui`.
#[cfg(feature = "snapshots")]
fn snapshot(theme: egui::Theme, name: &str) {
    support::window::snapshot(builder(), theme, "Easy, 45 min, 8.0 km", name);
}

#[cfg(feature = "snapshots")]
#[test]
fn snapshot_of_the_week_view_dark() {
    snapshot(egui::Theme::Dark, "week_dark");
}

#[cfg(feature = "snapshots")]
#[test]
fn snapshot_of_the_week_view_light() {
    snapshot(egui::Theme::Light, "week_light");
}

#[test]
fn the_editor_moves_a_session_to_another_week_but_not_onto_a_past_day() {
    let mut harness = harness();
    let tempo = harness
        .state()
        .plan()
        .session(SessionId(12))
        .expect("the tempo run")
        .clone();

    // Next week's Thursday: the session leaves this week's grid.
    let next_thursday = date(2026, 12, 3);
    harness.state_mut().push(Command::Edit(Edit::UpdateSession(
        runweek::core::session::Session {
            date: next_thursday,
            ..tempo.clone()
        },
    )));
    harness.run();
    assert_eq!(date_of(&harness, 12), next_thursday);
    undo(&mut harness);
    assert_eq!(date_of(&harness, 12), tempo.date);

    // Monday is over: a session still to run cannot go there, however it is asked.
    for edit in [
        Edit::UpdateSession(runweek::core::session::Session {
            date: date(2026, 11, 23),
            ..tempo.clone()
        }),
        Edit::MoveSession {
            id: tempo.id,
            to: date(2026, 11, 23),
            index: None,
        },
    ] {
        harness.state_mut().push(Command::Edit(edit));
        harness.run();
        assert_eq!(*harness.state().plan(), demo());
        assert!(
            harness
                .state()
                .notices()
                .any(|(_, text)| text.contains("Not moved: Mon 23 Nov is past")),
            "the refusal says why"
        );
    }
}

#[test]
fn the_typed_path_opens_on_enter_and_escape_closes_it() {
    let mut harness = harness();
    let mut plan = demo();
    plan.settings.fitness_days = 30;
    let path = temp_file("by-enter.ron", &runweek::file::to_text(&plan));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open by path…").click();
    harness.run();
    retype(
        &mut harness,
        "Path of the plan file (.ron)",
        &path.display().to_string(),
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    wait_for(&mut harness, |app| app.plan().settings.fitness_days == 30);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open by path…").click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label("Path of the plan file (.ron)")
            .is_none(),
        "Escape closes the prompt"
    );
}

#[test]
fn save_mine_as_after_a_conflict_keeps_both_files() {
    let mut harness = harness();
    let theirs_path = temp_file("conflict.ron", &runweek::file::to_text(&demo()));
    open_by_path(&mut harness, &theirs_path);
    wait_for(&mut harness, |app| app.title().contains("conflict.ron"));

    // The runner moves the tempo run; meanwhile another program moves it elsewhere.
    harness.state_mut().push(Command::Edit(Edit::MoveSession {
        id: SessionId(12),
        to: date(2026, 11, 27),
        index: None,
    }));
    harness.run();
    let mut theirs = demo();
    theirs.settings.fitness_days = 30;
    theirs
        .apply(Edit::MoveSession {
            id: SessionId(12),
            to: date(2026, 11, 28),
            index: None,
        })
        .expect("their move");
    let theirs_text = runweek::file::to_text(&theirs);
    std::fs::write(&theirs_path, &theirs_text).expect("the other program writes");

    // The window finds the file changed on both sides and asks.
    step_until(&mut harness, |h| {
        h.query_by_label("Save mine as…").is_some()
    });
    harness.get_by_label("Save mine as…").click();
    harness.run();
    // No file dialog here: the typed path, offering a name not taken yet.
    step_until(&mut harness, |h| {
        h.query_by_label("Path of the plan file (.ron)").is_some()
    });
    let field = harness.get_by_label("Path of the plan file (.ron)");
    let suggested = field.value().unwrap_or_default();
    assert!(suggested.ends_with("conflict (2).ron"), "{suggested}");
    harness.get_by_label("Save as").click();
    harness.run();
    let mine_path = theirs_path.with_file_name("conflict (2).ron");
    step_until(&mut harness, |h| !h.state().is_dirty());
    // Long enough for an autosave to have raised the conflict again, were it to.
    std::thread::sleep(Duration::from_millis(1600));
    harness.run();

    assert_eq!(
        std::fs::read_to_string(&theirs_path).expect("theirs"),
        theirs_text,
        "the other program's file is untouched"
    );
    let mine = runweek::file::load(&mine_path).expect("mine is saved");
    assert_eq!(
        mine.session(SessionId(12)).map(|s| s.date),
        Some(date(2026, 11, 27))
    );
    assert!(
        harness.query_by_label("Save mine as…").is_none(),
        "no second conflict"
    );
}
