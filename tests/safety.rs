//! Never lose the runner's plan, and never hang or drive the terminal on any input.
//!
//! Each test here failed before the fix it holds: files that are not regular files, deep
//! nesting, control characters and huge values in errors and output, temp files planted or
//! left behind, read-only plans, a save failing at each step, a saving process killed at
//! random points, and mutated real plans. The long versions (`--ignored`) run 5,000 kills
//! and 10,000 mutated plans: `cargo test --test safety -- --ignored`.

mod support;

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use runweek::core::plan::Plan;
use runweek::file::{self, Disk, FileError, Saved, Steps};
use support::{runweek, stderr, stdout, temp_dir};
use tempfile::NamedTempFile;

#[path = "../benches/support/mod.rs"]
mod history;

fn demo() -> Plan {
    file::demo().expect("the demo plan is valid")
}

/// Runs `f` on a thread of its own and fails if it takes longer than `limit`: a test of
/// something that used to block must not block the suite.
fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("{what} took longer than {limit:?}"))
}

/// Runs the binary, killing it if it takes longer than `limit`.
fn runweek_within(limit: Duration, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_runweek"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("runweek {args:?} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.wait_with_output().expect("output")
}

/// A one-line error, safe for a terminal: no control character, not too long.
fn assert_one_safe_line(text: &str) {
    assert!(
        !text.chars().any(char::is_control),
        "a control character in {text:?}"
    );
    assert!(
        text.chars().count() <= 700,
        "too long: {} chars",
        text.len()
    );
}

// ---------------------------------------------------------------------------------------
// 9. Only regular files are read, and never past the cap.
// ---------------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_by_load_and_by_the_command_line() {
    let dir = temp_dir();
    let fifo = dir.path().join("plan.ron");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(status) => assert!(status.success(), "mkfifo failed"),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            eprintln!("skipped: no mkfifo on this system");
            return;
        }
        Err(e) => panic!("mkfifo: {e}"),
    }
    let path = fifo.clone();
    let err = within(Duration::from_secs(2), "loading a FIFO", move || {
        file::load(&path).expect_err("a FIFO is no plan")
    });
    assert_eq!(
        err.to_string(),
        format!(
            "{}: this is a FIFO (a named pipe), not a plan file; runweek reads only regular files",
            fifo.display()
        )
    );
    let out = runweek_within(
        Duration::from_secs(5),
        &["check", fifo.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("a FIFO"), "{}", stderr(&out));
    // Saving over a FIFO is refused too, and does not block on reading it first.
    let path = fifo.clone();
    let err = within(Duration::from_secs(2), "saving over a FIFO", move || {
        file::save(&path, &demo()).expect_err("not over a FIFO")
    });
    assert!(err.to_string().contains("a FIFO"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_device_or_a_folder_is_refused_at_once() {
    let dir = temp_dir();
    for (name, target) in [("zero.ron", "/dev/zero"), ("urandom.ron", "/dev/urandom")] {
        let link = dir.path().join(name);
        std::os::unix::fs::symlink(target, &link).expect("link");
        let path = link.clone();
        let err = within(Duration::from_secs(2), target, move || {
            file::load(&path).expect_err("a device is no plan")
        });
        assert!(
            err.to_string().ends_with(
                "this is a character device, not a plan file; runweek reads only regular files"
            ),
            "{err}"
        );
        let out = runweek_within(
            Duration::from_secs(5),
            &["show", link.to_str().expect("utf-8")],
        );
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    }
    let err = file::load(dir.path()).expect_err("a folder is no plan");
    assert!(err.to_string().contains("this is a folder"), "{err}");
}

// ---------------------------------------------------------------------------------------
// 10. Any nesting is judged at once, with its place.
// ---------------------------------------------------------------------------------------

#[test]
fn deep_nesting_is_refused_in_linear_time_with_its_place() {
    for depth in [40, 100_000, 1_200_000] {
        let text = format!(
            "(version: 1,\n settings: (easy_hr: {}140{}))",
            "Some(".repeat(depth),
            ")".repeat(depth)
        );
        let started = Instant::now();
        let err = file::parse(&text).expect_err("too deep");
        let took = started.elapsed();
        assert_eq!(
            err.to_string(),
            "2:176: nested more than 32 levels deep here; a plan nests 6 at most, so this is not \
             a plan (or a bracket is missing its match)",
            "depth {depth}"
        );
        assert!(took < Duration::from_secs(1), "depth {depth}: {took:?}");
    }
    // Unclosed brackets count too, and so do lists.
    let err = file::parse(&format!("(version: 1, sessions: {}", "[".repeat(500_000)))
        .expect_err("too deep");
    assert!(
        err.to_string().starts_with("1:55: nested more than 32"),
        "{err}"
    );
    // What a real plan nests stays far below the limit.
    assert!(file::depth::too_deep(file::DEMO, 7).is_none());
}

// ---------------------------------------------------------------------------------------
// 11. One line per error; nothing from the file drives the terminal.
// ---------------------------------------------------------------------------------------

#[test]
fn a_bad_value_with_new_lines_escapes_or_megabytes_makes_one_short_inert_line() {
    let nasty = "2026-11-24\n\u{1b}]0;pwned\u{7}\u{1b}[2J";
    let text = format!("(version: 1, readiness: [(date: \"{nasty}\")])");
    let err = file::parse(&text).expect_err("not a date");
    assert_eq!(
        err.to_string(),
        "1:34: expected a date as \"YYYY-MM-DD\", got \
         \"2026-11-24\\n\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\""
    );

    let huge = "x".repeat(20 * 1024 * 1024);
    let text = format!("(version: 1, readiness: [(date: \"{huge}\")])");
    let err = file::parse(&text).expect_err("not a date");
    let said = err.to_string();
    assert_eq!(
        said,
        format!(
            "1:34: expected a date as \"YYYY-MM-DD\", got \"{}…\"",
            "x".repeat(60)
        )
    );
    // Not kept in memory either.
    assert!(err.message.len() < 1000);

    let text = format!("(version: 1, sessions: [(id: 1, kind: Easy, minutes: 30, {huge}: 1)])");
    let err = file::parse(&text).expect_err("unknown field");
    assert_one_safe_line(&err.to_string());
    assert!(err.to_string().starts_with("1:"), "{err}");

    // A path with a new line in it stays on one line too.
    let dir = temp_dir();
    let path = dir.path().join("a\nb.ron");
    std::fs::write(&path, "(version: 1, sessions: [(id: 1)])").expect("write");
    let err = file::load(&path).expect_err("incomplete session");
    assert!(err.to_string().contains("a\\nb.ron:1:"), "{err}");
    assert_one_safe_line(&err.to_string());
}

fn plan_with_title(title: &str) -> String {
    let mut plan = demo();
    let mut session = plan
        .session(runweek::core::session::SessionId(4))
        .expect("the demo's Thursday tempo")
        .clone();
    session.title = title.to_owned();
    session.notes = title.to_owned();
    plan.apply(runweek::core::edit::Edit::UpdateSession(session))
        .expect("a valid edit");
    file::to_text(&plan)
}

#[test]
fn show_replan_and_check_print_titles_escaped_and_short() {
    let title = format!("Easy\u{1b}]0;pwned\u{7}\u{1b}[2J\n{}", "y".repeat(500));
    let dir = temp_dir();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, plan_with_title(&title)).expect("write");
    let demo = demo();
    let date = demo
        .session(runweek::core::session::SessionId(4))
        .expect("the demo's Thursday tempo")
        .date
        .to_string();
    let file = path.to_str().expect("utf-8");
    for args in [
        vec!["show", file, "--date", &date],
        vec!["replan", file, "--date", &date, "--as-if-today"],
        vec!["stats", file, "--from", &date, "--to", &date],
        vec!["assess", file, "--date", &date],
        vec!["check", file],
    ] {
        let out = runweek(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        for line in text.lines() {
            assert!(
                !line.chars().any(|c| c.is_control() && c != '\t'),
                "{args:?}: {line:?}"
            );
            assert!(line.chars().count() < 300, "{args:?}: {line:?}");
        }
        if args[0] == "show" {
            assert!(
                text.contains(&format!(
                    "\"Easy\\u{{1b}}]0;pwned\\u{{7}}\\u{{1b}}[2J\\n{}…\"",
                    "y".repeat(41)
                )),
                "{text}"
            );
        }
    }
    // JSON keeps the whole value, escaped by the JSON encoder.
    let out = runweek(&["show", file, "--date", &date, "--json"]);
    assert!(!stdout(&out).contains('\u{1b}'));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let titles: Vec<_> = v["days"]
        .as_array()
        .expect("days")
        .iter()
        .flat_map(|d| d["sessions"].as_array().expect("sessions").clone())
        .filter_map(|s| s["title"].as_str().map(str::to_owned))
        .collect();
    assert!(titles.contains(&title));
}

// ---------------------------------------------------------------------------------------
// 2 and 3. Temp files: random, exclusive, never followed; left-behind ones removed.
// ---------------------------------------------------------------------------------------

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn a_link_planted_at_a_temp_name_is_never_followed() {
    let dir = temp_dir();
    let path = dir.path().join("plan.ron");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "not yours").expect("write");
    file::save(&path, &demo()).expect("first save");
    // The names the old code used, and the new shape with every PID-like guess.
    let pid = std::process::id();
    let planted = [
        format!(".plan.ron.{pid}.tmp"),
        format!(".plan.ron.{pid}.aaaaaa.tmp"),
    ];
    for name in &planted {
        std::os::unix::fs::symlink(&victim, dir.path().join(name)).expect("plant");
    }
    let mut changed = demo();
    changed.settings.fitness_days = 30;
    assert_eq!(file::save(&path, &changed), Ok(Saved::Written));
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "not yours"
    );
    assert_eq!(file::load(&path).expect("loads"), changed);
    // The links are someone else's business: left as they are.
    for name in &planted {
        assert!(
            std::fs::symlink_metadata(dir.path().join(name))
                .expect("still there")
                .file_type()
                .is_symlink()
        );
    }
}

#[cfg(unix)]
#[test]
fn the_next_save_removes_left_behind_temp_files_of_this_plan_only() {
    let dir = temp_dir();
    let path = dir.path().join("plan.ron");
    file::save(&path, &demo()).expect("first save");
    // A process that is certainly gone, and one that is certainly alive.
    let mut done = Command::new("true").spawn().expect("true");
    let dead = done.id();
    done.wait().expect("wait");
    let mut alive = Command::new("sleep").arg("30").spawn().expect("sleep");
    let live = alive.id();
    let own = std::process::id();
    let write = |name: &str| std::fs::write(dir.path().join(name), "half a plan").expect("write");
    let stale = [
        format!(".plan.ron.{dead}.tmp"),
        format!(".plan.ron.{dead}.Ab3xY9.tmp"),
    ];
    let kept = [
        format!(".plan.ron.{live}.Ab3xY9.tmp"),
        format!(".plan.ron.{own}.Ab3xY9.tmp"),
        format!(".other.ron.{dead}.tmp"),
        ".plan.ron.notes.tmp".to_owned(),
        format!(".plan.ron.{dead}.tmp.bak"),
    ];
    for name in stale.iter().chain(&kept) {
        write(name);
    }
    // Untouched for longer than any save takes: stale even though its process lives.
    let old = format!(".plan.ron.{live}.Zz9Zz9.tmp");
    write(&old);
    let long_ago = std::time::SystemTime::now() - file::save::STALE_AFTER - Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(dir.path().join(&old))
        .expect("open")
        .set_modified(long_ago)
        .expect("set mtime");

    // An unchanged save writes nothing and removes nothing.
    assert_eq!(file::save(&path, &demo()), Ok(Saved::Unchanged));
    assert_eq!(names(dir.path()).len(), 1 + stale.len() + kept.len() + 1);

    let mut changed = demo();
    changed.settings.fatigue_days = 8;
    assert_eq!(file::save(&path, &changed), Ok(Saved::Written));
    let mut expected: Vec<String> = kept.to_vec();
    expected.push("plan.ron".to_owned());
    expected.sort();
    assert_eq!(names(dir.path()), expected);
    let _ = alive.kill();
    let _ = alive.wait();
}

// ---------------------------------------------------------------------------------------
// 6. What a save keeps, and what it cannot.
// ---------------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn save_effects_name_read_only_files_hard_links_and_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let path = dir.path().join("plan.ron");
    assert!(file::save_effects(&path).expect("no file yet").is_quiet());
    file::save(&path, &demo()).expect("save");
    assert!(file::save_effects(&path).expect("a plain file").is_quiet());

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let effects = file::save_effects(&path).expect("read-only");
    assert!(effects.read_only);
    assert_eq!(
        effects.sentences(),
        ["the file is read-only; saving replaces it with a new file that is read-only again"]
    );
    // A save (when the runner goes ahead) keeps the mode.
    let mut changed = demo();
    changed.settings.fitness_days = 30;
    assert_eq!(file::save(&path, &changed), Ok(Saved::Written));
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");

    let other = dir.path().join("other-name.ron");
    std::fs::hard_link(&path, &other).expect("hard link");
    let effects = file::save_effects(&path).expect("linked");
    assert_eq!(effects.other_links, 1);
    assert_eq!(
        effects.sentences(),
        ["the file has another name (a hard link); that name keeps the old text"]
    );
    // As said: the other name keeps the old text.
    let before = std::fs::read_to_string(&other).expect("other");
    file::save(&path, &demo()).expect("save");
    assert_eq!(std::fs::read_to_string(&other).expect("other"), before);
    assert_eq!(
        std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777,
        0o640
    );
    std::fs::remove_file(&other).expect("remove");

    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&path, &link).expect("symlink");
    let effects = file::save_effects(&link).expect("through a link");
    assert!(effects.is_quiet());
    assert_eq!(
        effects.link_target.as_deref(),
        Some(path.canonicalize().expect("real").as_path())
    );
}

#[cfg(unix)]
#[test]
fn replan_write_refuses_a_read_only_plan_unless_forced() {
    use std::os::unix::fs::PermissionsExt;
    let (path, wednesday, _dir) = demo_on_a_hold_back_day();
    let file = path.to_str().expect("utf-8");
    let before = std::fs::read(&path).expect("read");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let date = wednesday.to_string();
    let out = runweek(&["replan", file, "--date", &date, "--write"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "{file}: the file is read-only, so runweek leaves it as it is; make it writable \
             (chmod u+w) or pass --force to replace it (it stays read-only)\n"
        )
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);

    let out = runweek(&["replan", file, "--date", &date, "--write", "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Wrote "), "{}", stdout(&out));
    assert_ne!(std::fs::read(&path).expect("read"), before);
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o444);

    // --force means nothing without --write.
    let out = runweek(&["replan", file, "--date", &date, "--force"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1);
}

/// The demo plan moved by whole weeks so that its hold-back Wednesday 25 November 2026 is
/// not in the past, in a folder of its own (kept while the returned value lives).
fn demo_on_a_hold_back_day() -> (PathBuf, jiff::civil::Date, tempfile::TempDir) {
    use runweek::core::week::{add_days, days_between};
    let wednesday = jiff::civil::date(2026, 11, 25);
    let behind = days_between(wednesday, jiff::Zoned::now().date()).max(0);
    let shift = (behind + 6) / 7 * 7;
    let mut out = String::with_capacity(file::DEMO.len());
    let mut rest = file::DEMO;
    while let Some(at) = rest.find('"') {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        if rest.len() >= 11
            && rest.as_bytes()[10] == b'"'
            && let Ok(d) = rest[..10].parse::<jiff::civil::Date>()
        {
            out.push_str(&add_days(d, shift).to_string());
            rest = &rest[10..];
        }
    }
    out.push_str(rest);
    let dir = temp_dir();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, out).expect("write");
    (path, add_days(wednesday, shift), dir)
}

// ---------------------------------------------------------------------------------------
// A save failing at each step leaves the old file as it was.
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Create,
    Write,
    WriteHalf,
    Sync,
    Rename,
}

/// The real disk, but one step fails as a full disk (or a vanished folder) would.
struct FailAt(Step);

impl Steps for FailAt {
    fn create(&mut self, dir: &Path, prefix: &str, suffix: &str) -> io::Result<NamedTempFile> {
        if self.0 == Step::Create {
            return Err(io::Error::from_raw_os_error(28)); // ENOSPC
        }
        Disk.create(dir, prefix, suffix)
    }

    fn write(&mut self, file: &mut std::fs::File, text: &[u8]) -> io::Result<()> {
        match self.0 {
            Step::Write => Err(io::Error::from_raw_os_error(122)), // EDQUOT
            Step::WriteHalf => {
                Disk.write(file, &text[..text.len() / 2])?;
                Err(io::Error::from_raw_os_error(28))
            }
            _ => Disk.write(file, text),
        }
    }

    fn sync(&mut self, file: &std::fs::File) -> io::Result<()> {
        if self.0 == Step::Sync {
            return Err(io::Error::from_raw_os_error(5)); // EIO
        }
        Disk.sync(file)
    }

    fn rename(&mut self, temp: NamedTempFile, to: &Path) -> io::Result<()> {
        if self.0 == Step::Rename {
            return Err(io::Error::from_raw_os_error(18)); // EXDEV
        }
        Disk.rename(temp, to)
    }
}

#[test]
fn a_save_failing_at_any_step_leaves_the_old_file_and_no_temp_file() {
    let dir = temp_dir();
    let path = dir.path().join("plan.ron");
    file::save(&path, &demo()).expect("first save");
    let before = std::fs::read(&path).expect("read");
    let mut changed = demo();
    changed.settings.fitness_days = 30;
    let text = file::to_text(&changed);
    for step in [
        Step::Create,
        Step::Write,
        Step::WriteHalf,
        Step::Sync,
        Step::Rename,
    ] {
        let err: FileError =
            file::save_text_with(&path, &text, &mut FailAt(step)).expect_err("fails");
        let said = err.to_string();
        assert!(
            said.starts_with(&format!("{}: ", path.display())),
            "{step:?}: {said}"
        );
        assert_one_safe_line(&said);
        assert_eq!(std::fs::read(&path).expect("read"), before, "{step:?}");
        assert_eq!(names(dir.path()), ["plan.ron"], "{step:?}");
    }
    // And the real disk then saves.
    assert_eq!(file::save_text(&path, &text), Ok(Saved::Written));
    assert_eq!(names(dir.path()), ["plan.ron"]);
}

// ---------------------------------------------------------------------------------------
// A process saving in a loop, killed at random points.
// ---------------------------------------------------------------------------------------

/// The texts the saving child alternates between: a small plan and a large one, so that a
/// kill lands in the middle of writing often.
fn child_texts() -> [String; 2] {
    let small = file::to_text(&demo());
    let mut big = demo();
    let mut s = big.sessions()[0].clone();
    s.notes = "n".repeat(400_000);
    big.apply(runweek::core::edit::Edit::UpdateSession(s))
        .expect("edit");
    [small, file::to_text(&big)]
}

const CHILD_ENV: &str = "RUNWEEK_TEST_SAVE_LOOP";
const TEXTS_ENV: &str = "RUNWEEK_TEST_SAVE_TEXTS";

/// Not a test: the body of the child process the kill test starts (this test binary again,
/// running only this function, with the plan's path in the environment).
#[test]
#[ignore = "the saving child of the kill test; does nothing on its own"]
fn saving_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    // Made by the parent, so that the child starts saving at once.
    let texts = std::env::var_os(TEXTS_ENV)
        .map(PathBuf::from)
        .expect("the texts");
    let texts = ["a.ron", "b.ron"].map(|n| std::fs::read_to_string(texts.join(n)).expect("text"));
    for i in 0.. {
        let _ = file::save_text(&path, &texts[i % 2]);
    }
}

/// A small generator with a seed, so that a failing run can be repeated.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

fn kill_saves(kills: usize) {
    // A kill stops a process, not the disk: what keeps the plan whole is the rename, which
    // does not depend on flushing. So the folder is in memory where the system has one,
    // and the test spends its time killing rather than waiting for the disk.
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::Builder::new()
            .prefix("runweek-test-")
            .tempdir_in(shm)
            .unwrap_or_else(|_| temp_dir())
    } else {
        temp_dir()
    };
    let path = dir.path().join("plan.ron");
    let texts = child_texts();
    let texts_dir = temp_dir();
    for (name, text) in ["a.ron", "b.ron"].iter().zip(&texts) {
        std::fs::write(texts_dir.path().join(name), text).expect("write");
    }
    let mine = [file::to_text(&Plan::default()), {
        let mut p = Plan::default();
        p.settings.fitness_days = 30;
        file::to_text(&p)
    }];
    file::save_text(&path, &mine[0]).expect("first save");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64);
    eprintln!("kill test: seed {seed}");
    let mut rng = Lcg(seed);
    let mut left_behind = 0;
    let started = Instant::now();
    for kill in 0..kills {
        let before = std::fs::metadata(&path).expect("the plan").len();
        let mut child = Command::new(std::env::current_exe().expect("this test binary"))
            .args(["--exact", "saving_child", "--ignored", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .env(TEXTS_ENV, texts_dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the child starts");
        // Kill it at a random point once it is saving: its texts differ in size from ours.
        let waiting = Instant::now();
        while std::fs::metadata(&path).map_or(before, |m| m.len()) == before
            && waiting.elapsed() < Duration::from_secs(10)
        {
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_micros(rng.next(15_000)));
        child.kill().expect("kill");
        child.wait().expect("wait");
        let on_disk = std::fs::read_to_string(&path).expect("the plan is there");
        assert!(
            texts.contains(&on_disk) || mine.contains(&on_disk),
            "kill {kill} (seed {seed}): a torn file of {} bytes",
            on_disk.len()
        );
        file::parse(&on_disk).expect("the plan on disk parses");
        if names(dir.path()).len() > 1 {
            left_behind += 1;
        }
        // The next save, by another process, writes and removes what the child left.
        let text = if on_disk == mine[0] {
            &mine[1]
        } else {
            &mine[0]
        };
        assert_eq!(file::save_text(&path, text), Ok(Saved::Written));
        assert_eq!(
            names(dir.path()),
            ["plan.ron"],
            "kill {kill} (seed {seed}): a temp file stayed after the next save"
        );
    }
    eprintln!(
        "kill test: {kills} kills in {:.1} s, {left_behind} of them left a temp file behind \
         (all removed by the next save)",
        started.elapsed().as_secs_f64()
    );
    assert!(
        left_behind > 0,
        "no kill landed during a save; the test proves nothing"
    );
}

#[cfg(unix)]
#[test]
fn a_saving_process_killed_at_random_points_never_leaves_a_torn_plan() {
    kill_saves(200);
}

#[cfg(unix)]
#[test]
#[ignore = "long: 5,000 kills (about two minutes)"]
fn a_saving_process_killed_5000_times_never_leaves_a_torn_plan() {
    kill_saves(5_000);
}

// ---------------------------------------------------------------------------------------
// Mutated real plans: no panic, one safe line with its place, bounded time.
// ---------------------------------------------------------------------------------------

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "\n",
    "\\",
    "'",
    "//",
    "/*",
    "*/",
    "r#\"",
    "b\"",
    "Some(",
    "None",
    "Done(",
    "Skipped",
    "true",
    "-1",
    "0",
    "1e308",
    "NaN",
    "inf",
    "99999999999999999999",
    "-0.0",
    "1440",
    "1441",
    "\"2199-12-31\"",
    "\"2200-01-01\"",
    "\"1899-12-31\"",
    "\"2026-02-29\"",
    "key: true",
    "id: 1",
    "kind: Race",
    "version: 2",
    "\u{1b}]0;x\u{7}",
    "\u{feff}",
    "\u{0}",
    "é",
    "\u{202e}",
];

fn mutate(base: &str, rng: &mut Lcg) -> String {
    let mut text = base.to_owned();
    for _ in 0..1 + rng.next(4) {
        let len = text.len() as u64;
        let mut at = rng.next(len + 1) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + 1 + rng.next(60) as usize).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        match rng.next(8) {
            0 => {
                text.replace_range(at..end, "");
            }
            1 => {
                let piece = text[at..end].to_owned();
                text.insert_str(at, &piece);
            }
            2 | 3 => {
                let token = TOKENS[rng.next(TOKENS.len() as u64) as usize];
                let n = if rng.next(10) == 0 {
                    1 + rng.next(3000)
                } else {
                    1
                };
                text.insert_str(at, &token.repeat(n as usize));
            }
            4 => {
                let token = TOKENS[rng.next(TOKENS.len() as u64) as usize];
                text.replace_range(at..end, token);
            }
            5 => text.truncate(at),
            6 => {
                // Swap two lines.
                let mut lines: Vec<&str> = text.lines().collect();
                if lines.len() > 2 {
                    let a = rng.next(lines.len() as u64) as usize;
                    let b = rng.next(lines.len() as u64) as usize;
                    lines.swap(a, b);
                }
                text = lines.join("\n");
            }
            _ => {
                // A digit changed: numbers and dates out of range.
                if let Some(i) = text[at..].find(|c: char| c.is_ascii_digit()) {
                    let d = char::from(b'0' + rng.next(10) as u8);
                    text.replace_range(at + i..at + i + 1, &d.to_string());
                }
            }
        }
    }
    text
}

/// Checks one mutated text; returns how long it took to judge, and whether it was a plan.
fn judge(text: &str, case: usize) -> (Duration, bool) {
    let started = Instant::now();
    let result = std::panic::catch_unwind(|| file::parse(text));
    let took = started.elapsed();
    let result = result.unwrap_or_else(|_| panic!("case {case}: the parser panicked"));
    let valid = result.is_ok();
    match result {
        Ok(plan) => {
            // What parses also saves and reads back the same.
            let again = file::to_text(&plan);
            assert_eq!(file::parse(&again).as_ref(), Ok(&plan), "case {case}");
        }
        Err(mut e) => {
            e.path = Some(PathBuf::from("plan.ron"));
            let said = e.to_string();
            assert_one_safe_line(&said);
            let placeless = ["the file is empty"];
            match e.position {
                Some((line, col)) => assert!(
                    said.starts_with(&format!("plan.ron:{line}:{col}: ")),
                    "case {case}: {said}"
                ),
                None => assert!(
                    placeless.iter().any(|p| e.message.starts_with(p)),
                    "case {case}: no place for {said}"
                ),
            }
        }
    }
    assert!(took < Duration::from_secs(2), "case {case}: {took:?}");
    (took, valid)
}

fn fuzz(cases: usize, big_every: usize) {
    let demo = file::DEMO.to_owned();
    let big = file::to_text(&history::ten_years());
    // RUNWEEK_FUZZ_SEED repeats a run that failed.
    let seed = std::env::var("RUNWEEK_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(11, |d| d.as_nanos() as u64)
        });
    eprintln!("fuzz: seed {seed}");
    let mut rng = Lcg(seed);
    let mut slowest = (Duration::ZERO, 0, 0);
    let (mut ok, mut errors) = (0, 0);
    for case in 0..cases {
        let base = if case % big_every == big_every - 1 {
            &big
        } else {
            &demo
        };
        let text = mutate(base, &mut rng);
        if let Ok(dump) = std::env::var("RUNWEEK_FUZZ_DUMP")
            && dump.parse() == Ok(case)
        {
            let to = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-case.ron");
            std::fs::write(&to, &text).expect("dump");
            eprintln!("fuzz: case {case} is in {}", to.display());
        }
        let (took, valid) = judge(&text, case);
        if valid {
            ok += 1;
        } else {
            errors += 1;
        }
        if took > slowest.0 {
            slowest = (took, case, text.len());
        }
    }
    eprintln!(
        "fuzz: {cases} cases ({ok} valid, {errors} errors); slowest case {} ({} bytes) in {:?}",
        slowest.1, slowest.2, slowest.0
    );
}

#[test]
fn mutated_real_plans_give_a_plan_or_one_placed_line_quickly() {
    fuzz(300, 100);
}

#[test]
#[ignore = "long: 10,000 mutated plans (about two minutes)"]
fn ten_thousand_mutated_real_plans_give_a_plan_or_one_placed_line_quickly() {
    fuzz(10_000, 20);
}
