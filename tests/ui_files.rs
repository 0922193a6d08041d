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
    save_as(&mut harness, &not_a_folder.join("elsewhere.ron"));
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
    let title = harness.state().title();
    assert!(
        title.contains("plan.ron") && !title.contains("elsewhere"),
        "the title still names the plan's own file: {title}"
    );

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

/// Another program writes `plan` to `path`, as a sync client would: a new file renamed over.
fn they_write(path: &Path, plan: &runweek::core::plan::Plan) {
    runweek::file::save(path, plan).expect("their save");
}

fn said(harness: &Harness<'_, RunweekApp>) -> Vec<String> {
    harness
        .state()
        .notices()
        .map(|(_, text)| text.to_owned())
        .collect()
}

#[test]
fn a_change_by_another_program_shows_at_once_and_undo_goes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, home) = opened(dir.path());
    let mut theirs = demo();
    theirs.settings.fitness_days = 40;
    let started = Instant::now();
    they_write(&home, &theirs);
    wait_for(&mut harness, |app| app.plan().settings.fitness_days == 40);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "seen in {:?}",
        started.elapsed()
    );
    assert_eq!(*harness.state().plan(), theirs);
    assert!(!harness.state().is_dirty(), "the file holds what is shown");
    assert!(
        said(&harness)
            .iter()
            .any(|t| t.contains("changed by another program")),
        "{:?}",
        said(&harness)
    );
    // Going back is the runner's choice, and then it is the runner's change to save.
    support::window::undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo());
    assert!(harness.state().is_dirty());
}

#[test]
fn runweek_s_own_saves_are_not_taken_for_another_program_s() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, home) = opened(dir.path());
    move_tempo(&mut harness, 27);
    wait_for(&mut harness, |app| !app.is_dirty());
    // Time for the watch to report the save and the file to be read again.
    let until = Instant::now() + Duration::from_millis(800);
    while Instant::now() < until {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        !said(&harness).iter().any(|t| t.contains("another program")),
        "{:?}",
        said(&harness)
    );
    assert!(harness.state().history().can_undo());
    assert_eq!(
        runweek::file::load(&home).expect("loads"),
        *harness.state().plan()
    );
}

#[test]
fn changes_to_different_things_on_both_sides_merge_without_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, home) = opened(dir.path());
    // The runner moves the tempo run; before the autosave, the other computer's change of
    // a setting arrives.
    move_tempo(&mut harness, 27);
    let mut theirs = demo();
    theirs.settings.fatigue_days = 9;
    they_write(&home, &theirs);
    wait_for(&mut harness, |app| app.plan().settings.fatigue_days == 9);
    let plan = harness.state().plan().clone();
    assert_eq!(
        plan.session(SessionId(12)).map(|s| s.date),
        Some(date(2026, 11, 27)),
        "the runner's change is kept"
    );
    assert!(
        harness.query_by_label("Save mine as…").is_none(),
        "nothing to ask"
    );
    // Both reach the file.
    wait_for(&mut harness, |app| !app.is_dirty());
    let on_disk = runweek::file::load(&home).expect("loads");
    assert_eq!(on_disk, plan);
}

#[test]
fn the_same_session_changed_on_both_sides_is_asked_about_with_both_versions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, home) = opened(dir.path());
    move_tempo(&mut harness, 27);
    // The other computer moved the same run to Saturday, and changed a setting.
    let mut theirs = demo();
    theirs
        .apply(Edit::MoveSession {
            id: SessionId(12),
            to: date(2026, 11, 28),
            index: None,
        })
        .expect("their move");
    theirs.settings.fatigue_days = 9;
    they_write(&home, &theirs);
    wait_for(&mut harness, |app| {
        app.plan().settings.fatigue_days == 9 || app.is_dirty()
    });
    let deadline = Instant::now() + Duration::from_secs(5);
    while harness
        .query_by_label("Take theirs where both changed")
        .is_none()
    {
        assert!(Instant::now() < deadline, "the runner is asked");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run();
    // Both versions are shown, and the file is untouched meanwhile.
    harness.get_by_label("Fri 27 Nov, 55 min");
    harness.get_by_label("Sat 28 Nov, 55 min");
    assert_eq!(runweek::file::load(&home).expect("loads"), theirs);

    harness
        .get_by_label("Take theirs where both changed")
        .click();
    harness.run();
    let plan = harness.state().plan().clone();
    assert_eq!(
        plan.session(SessionId(12)).map(|s| s.date),
        Some(date(2026, 11, 28))
    );
    assert_eq!(plan.settings.fatigue_days, 9);
    assert_eq!(plan, theirs);
    assert!(!harness.state().is_dirty());
}

#[cfg(unix)]
#[test]
fn opening_a_read_only_plan_says_what_saving_will_do_before_the_first_save() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, _) = opened(dir.path());
    let path = dir.path().join("shared-plan.ron");
    runweek::file::save(&path, &demo()).expect("saved");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    harness.state_mut().push(Command::File(FileCommand::Chosen(
        Purpose::Open,
        path.clone(),
    )));
    harness.run();
    wait_for(&mut harness, |app| {
        app.title().starts_with("shared-plan.ron")
    });
    let said = said(&harness);
    assert!(
        said.iter()
            .any(|t| t.starts_with("About saving shared-plan.ron") && t.contains("read-only")),
        "{said:?}"
    );
}
