//! The plan's file as the runner meets it in the window: Save as that fails says so and
//! changes nothing, a missing folder can be created, and closing the window while a save is
//! still being written leaves the newest plan on disk, whole.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use eframe::App as _;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use runweek::app::{Command, FileCommand, Level, Purpose, RunweekApp};
use runweek::core::edit::Edit;
use runweek::core::session::SessionId;
use support::window::{builder, demo, today};

/// The demo plan saved in a folder of its own, open in the window.
fn opened(dir: &Path) -> (Harness<'static, RunweekApp>, PathBuf) {
    let path = dir.join("plan.ron");
    runweek::file::save(&path, &demo()).expect("the plan is saved");
    let app = RunweekApp::new_with(demo(), Some(path.clone()), today());
    let mut harness = builder().build_eframe(move |_cc| app);
    harness.run();
    assert!(!harness.state().is_dirty());
    (harness, path)
}

/// Steps the window until `done` holds, for up to ten seconds (saves run on a thread).
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

fn save_as(harness: &mut Harness<'_, RunweekApp>, path: &Path) {
    harness.state_mut().push(Command::File(FileCommand::Chosen(
        Purpose::SaveAs,
        path.to_owned(),
    )));
    harness.run();
}

fn move_tempo(harness: &mut Harness<'_, RunweekApp>, day: i8) {
    harness.state_mut().push(Command::Edit(Edit::MoveSession {
        id: SessionId(12),
        to: date(2026, 11, day),
        index: None,
    }));
    harness.run();
}

#[test]
fn save_as_into_a_missing_folder_saves_nothing_says_so_and_offers_to_create_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, home) = opened(dir.path());
    move_tempo(&mut harness, 27);
    let wanted = dir.path().join("training").join("my-week.ron");
    save_as(&mut harness, &wanted);

    let error = harness
        .state()
        .error()
        .expect("the failure is shown")
        .to_owned();
    assert!(error.contains("does not exist"), "{error}");
    assert!(
        harness.state().title().starts_with("*plan.ron"),
        "the title still names the plan's own file, unsaved: {}",
        harness.state().title()
    );
    assert!(harness.state().is_dirty());
    assert!(
        !wanted.parent().expect("a folder").exists(),
        "nothing created"
    );

    // The runner asks for the folder: now the plan is saved there, and lives there.
    harness.get_by_label("Create the folder and save").click();
    harness.run();
    wait_for(&mut harness, |app| !app.is_dirty());
    assert!(harness.state().title().starts_with("my-week.ron"));
    let saved = runweek::file::load(&wanted).expect("saved in the new folder");
    assert_eq!(saved, *harness.state().plan());
    assert_eq!(harness.state().prefs().last_file.as_ref(), Some(&wanted));
    // The old home is as it was.
    assert_eq!(runweek::file::load(&home).expect("loads"), demo());
}

#[test]
fn a_failed_save_as_keeps_the_plan_at_home_and_never_says_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, home) = opened(dir.path());
    move_tempo(&mut harness, 27);
    // A "folder" that is a file: the write fails at the disk, not before.
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "not a folder").expect("write");
    save_as(&mut harness, &not_a_folder.join("plan.ron"));
    wait_for(&mut harness, |app| {
        app.notices().any(|(level, _)| level == Level::Error)
    });
    let said: Vec<String> = harness
        .state()
        .notices()
        .map(|(_, text)| text.to_owned())
        .collect();
    assert!(
        said.iter().any(|t| t.starts_with("Could not save")),
        "{said:?}"
    );
    assert!(!said.iter().any(|t| t.contains("Saved")), "{said:?}");
    assert!(harness.state().title().starts_with("*plan.ron"));

    // The plan still belongs to its own file: the autosave puts the change there.
    wait_for(&mut harness, |app| !app.is_dirty());
    let on_disk = runweek::file::load(&home).expect("loads");
    assert_eq!(on_disk, *harness.state().plan());
}

#[test]
fn closing_while_a_save_is_being_written_leaves_the_newest_plan_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, home) = opened(dir.path());
    move_tempo(&mut harness, 27);
    // Let the autosave start, then change the plan again and close at once: the close
    // waits for the writer and then saves the newest plan after it, never beside it.
    std::thread::sleep(Duration::from_millis(1600));
    harness.step();
    move_tempo(&mut harness, 28);
    harness.state_mut().on_exit();

    let on_disk = runweek::file::load(&home).expect("a whole plan");
    assert_eq!(on_disk, *harness.state().plan());
    assert_eq!(
        on_disk.session(SessionId(12)).map(|s| s.date),
        Some(date(2026, 11, 28))
    );
    assert!(!harness.state().is_dirty());
    let others: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "plan.ron")
        .collect();
    assert!(
        others.is_empty(),
        "nothing left beside the plan: {others:?}"
    );
}
