//! The plan on disk, seen from the window: file dialogs, loading and saving on worker
//! threads, autosave, and noticing a file that another program changed.
//!
//! Nothing here blocks the UI thread in normal use: a dialog, a load or a save runs on a
//! thread of its own and reports back through a channel, waking the UI. Only closing the
//! window saves on the UI thread, because then there is nothing left to keep responsive and
//! the changes must be on disk before the process ends.
//!
//! Before each save the file is compared with what runweek last read or wrote there (size,
//! modification time, then a hash of the text); a file that another program changed in the
//! meantime is never overwritten silently — the runner chooses.

use std::future::Future;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant, SystemTime};

use eframe::egui;

use crate::core::plan::Plan;
use crate::file::{self, FileError};

/// The name of the plan kept in the app's data folder (the demo plan on first start).
pub const HOME_PLAN: &str = "plan.ron";

/// What a dialog or a typed path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    /// A new, empty plan at the chosen path.
    New,
}

impl Purpose {
    pub fn verb(self) -> &'static str {
        match self {
            Purpose::Open => "Open",
            Purpose::SaveAs => "Save as",
            Purpose::New => "Create",
        }
    }
}

/// What runweek last read from or wrote to a path: enough to tell whether someone else has
/// written there since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    hash: u64,
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(text: &str, path: &Path) -> Stamp {
        let meta = std::fs::metadata(path).ok();
        Stamp {
            hash: hash_text(text),
            len: text.len() as u64,
            modified: meta.and_then(|m| m.modified().ok()),
        }
    }
}

fn hash_text(text: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// A file that changed on disk since runweek last read or wrote it, found before a save.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub path: PathBuf,
    /// The plan now in the file, or why it cannot be read.
    pub theirs: Result<(Plan, Stamp), FileError>,
}

/// The typed-path field, for when no file dialog can be shown (or the runner prefers it).
#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub text: String,
    /// Why the field is shown, when a dialog failed.
    pub reason: Option<String>,
}

/// What a worker thread reports.
#[derive(Debug)]
pub enum Outcome {
    Picked {
        purpose: Purpose,
        path: Option<PathBuf>,
        /// The dialog could not be shown at all (no portal, no zenity), as far as can be told.
        unavailable: bool,
    },
    Loaded {
        path: PathBuf,
        result: Result<(Plan, Stamp), FileError>,
    },
    Saved {
        path: PathBuf,
        rev: u64,
        result: Result<Stamp, FileError>,
    },
    Conflict(Conflict),
}

/// The app's side of the plan file.
pub struct Files {
    /// Where the plan is kept; `None` only for a plan made without storage (tests).
    pub path: Option<PathBuf>,
    /// The app's data folder, where the demo plan lives; `None` without storage.
    pub data_dir: Option<PathBuf>,
    /// What runweek last read from or wrote to `path`.
    pub stamp: Option<Stamp>,
    /// The plan revision that is on disk.
    pub saved_rev: u64,
    /// When the plan last changed, for the autosave's debounce.
    pub changed_at: Option<Instant>,
    pub prompt: Option<PathPrompt>,
    pub conflict: Option<Conflict>,
    /// A revision being saved by a worker.
    pub saving: Option<u64>,
    pub loading: bool,
    pub dialog_open: bool,
    sender: Sender<Outcome>,
    receiver: Receiver<Outcome>,
}

/// How long after the last change the plan is saved: long enough that a burst of edits is
/// one write, short enough that little is at risk.
pub const AUTOSAVE_AFTER: Duration = Duration::from_millis(1500);

impl Files {
    pub fn new(path: Option<PathBuf>, data_dir: Option<PathBuf>, stamp: Option<Stamp>) -> Files {
        let (sender, receiver) = channel();
        Files {
            path,
            data_dir,
            stamp,
            saved_rev: 0,
            changed_at: None,
            prompt: None,
            conflict: None,
            saving: None,
            loading: false,
            dialog_open: false,
            sender,
            receiver,
        }
    }

    /// The file name for the title bar.
    pub fn name(&self) -> String {
        self.path.as_deref().map_or_else(
            || "Untitled".to_owned(),
            |p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            },
        )
    }

    /// Whether the plan is the one in the data folder (the demo, or what became of it).
    pub fn is_home_plan(&self) -> bool {
        match (&self.path, &self.data_dir) {
            (Some(path), Some(dir)) => path.parent() == Some(dir.as_path()),
            _ => false,
        }
    }

    /// Everything the workers reported since the last frame.
    pub fn poll(&mut self) -> Vec<Outcome> {
        self.receiver.try_iter().collect()
    }

    /// Shows a native file dialog on a worker thread.
    pub fn start_dialog(&mut self, ctx: &egui::Context, purpose: Purpose) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        let start_dir = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .filter(|d| !self.is_home_plan() && d.is_dir())
            .map(Path::to_owned)
            .or_else(std::env::home_dir);
        let name = match purpose {
            Purpose::New => "new-plan.ron".to_owned(),
            _ => self.name(),
        };
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let path = pick(purpose, start_dir, name);
            // A dialog that could not be shown comes back as `None` at once, just like a
            // cancel; nobody cancels a dialog within a fraction of a second.
            let unavailable = path.is_none()
                && (started.elapsed() < Duration::from_millis(500) || !dialog_likely());
            let _ = sender.send(Outcome::Picked {
                purpose,
                path,
                unavailable,
            });
            ctx.request_repaint();
        });
    }

    /// Loads `path` on a worker thread.
    pub fn start_load(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.loading = true;
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = load(&path);
            let _ = sender.send(Outcome::Loaded { path, result });
            ctx.request_repaint();
        });
    }

    /// Saves `plan` (revision `rev`) on a worker thread. Unless `overwrite`, a file that
    /// changed on disk since runweek last read or wrote it is reported as a conflict instead.
    pub fn start_save(&mut self, ctx: &egui::Context, plan: Plan, rev: u64, overwrite: bool) {
        let Some(path) = self.path.clone() else {
            return;
        };
        self.saving = Some(rev);
        let expected = if overwrite { None } else { self.stamp.clone() };
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = sender.send(save(path, &plan, rev, expected.as_ref(), overwrite));
            ctx.request_repaint();
        });
    }

    /// Waits (a little) for a save in flight, so that a final save never races it.
    pub fn finish_saving(&mut self, timeout: Duration) -> Vec<Outcome> {
        let mut outcomes = Vec::new();
        let deadline = Instant::now() + timeout;
        while self.saving.is_some() {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok(outcome) => {
                    if matches!(outcome, Outcome::Saved { .. } | Outcome::Conflict(_)) {
                        self.saving = None;
                    }
                    outcomes.push(outcome);
                }
                Err(_) => break,
            }
        }
        outcomes
    }

    /// Saves on this thread (when the window closes). Unlike a worker save, a conflict is
    /// not left for later: the runner's plan goes beside the file under a new name, so that
    /// neither version is lost.
    ///
    /// # Errors
    /// The plan could not be written anywhere; the message says where it tried.
    pub fn save_now(&mut self, plan: &Plan, rev: u64) -> Result<String, String> {
        let Some(path) = self.path.clone() else {
            return Err("the plan has no file yet".to_owned());
        };
        match save(path.clone(), plan, rev, self.stamp.as_ref(), false) {
            Outcome::Saved {
                result: Ok(stamp), ..
            } => {
                self.stamp = Some(stamp);
                self.saved_rev = rev;
                Ok(format!("Saved {}", path.display()))
            }
            Outcome::Saved { result: Err(e), .. } => Err(e.to_string()),
            _ => {
                let aside = aside_path(&path);
                file::save(&aside, plan).map_err(|e| e.to_string())?;
                self.saved_rev = rev;
                Ok(format!(
                    "{} was changed by another program; your plan was saved beside it as {}",
                    path.display(),
                    aside.display()
                ))
            }
        }
    }
}

/// Reads and parses a plan file, keeping its stamp.
///
/// # Errors
/// As [`file::load`].
pub fn load(path: &Path) -> Result<(Plan, Stamp), FileError> {
    let text = file::read_text(path)?;
    let plan = file::parse(&text).map_err(|mut e| {
        e.path = Some(path.to_owned());
        e
    })?;
    Ok((plan, Stamp::of(&text, path)))
}

fn save(
    path: PathBuf,
    plan: &Plan,
    rev: u64,
    expected: Option<&Stamp>,
    overwrite: bool,
) -> Outcome {
    if !overwrite
        && let Some(expected) = expected
        && changed_on_disk(&path, expected)
    {
        return Outcome::Conflict(Conflict {
            theirs: load(&path),
            path,
        });
    }
    let text = file::to_text(plan);
    let result = file::save_text(&path, &text).map(|_| Stamp::of(&text, &path));
    Outcome::Saved { path, rev, result }
}

/// Whether the file at `path` holds something other than what runweek last read or wrote.
/// A file that is gone is not a conflict: saving puts the plan back.
fn changed_on_disk(path: &Path, expected: &Stamp) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if meta.len() == expected.len && meta.modified().ok() == expected.modified {
        return false;
    }
    // Size or time differ: compare the text itself, since a touch or a copy that wrote the
    // same bytes is no conflict.
    match std::fs::read_to_string(path) {
        Ok(text) => hash_text(&text) != expected.hash,
        Err(_) => true,
    }
}

/// A name beside `path` for a plan that must not overwrite it.
fn aside_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "plan".to_owned(), |s| s.to_string_lossy().into_owned());
    let stamp = jiff::Zoned::now().strftime("%Y-%m-%d %H%M%S").to_string();
    path.with_file_name(format!("{stem} (kept by runweek {stamp}).ron"))
}

/// Whether a file dialog can probably be shown: a session bus for the desktop portal, or
/// zenity on the PATH.
fn dialog_likely() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|p| p.join("zenity").is_file()));
    bus || zenity
}

/// The native dialog, run to completion on this (worker) thread.
fn pick(purpose: Purpose, start_dir: Option<PathBuf>, name: String) -> Option<PathBuf> {
    let mut dialog = rfd::AsyncFileDialog::new().add_filter("runweek plan", &["ron"]);
    if let Some(dir) = start_dir {
        dialog = dialog.set_directory(dir);
    }
    let handle = match purpose {
        Purpose::Open => block_on(dialog.set_title("Open a plan").pick_file()),
        Purpose::SaveAs => block_on(
            dialog
                .set_title("Save the plan as")
                .set_file_name(name)
                .save_file(),
        ),
        Purpose::New => block_on(
            dialog
                .set_title("Where should the new plan be kept?")
                .set_file_name(name)
                .save_file(),
        ),
    };
    handle.map(|h| h.path().to_owned())
}

/// Runs a future on the current thread; rfd's dialog futures only need to be woken.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("runweek-files-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn a_save_notices_a_file_changed_by_another_program() {
        let dir = temp_dir("conflict");
        let path = dir.join("plan.ron");
        let plan = file::demo().expect("demo");
        let Outcome::Saved {
            result: Ok(stamp), ..
        } = save(path.clone(), &plan, 1, None, false)
        else {
            unreachable!("the first save writes")
        };
        // Saving again over our own file is fine.
        assert!(matches!(
            save(path.clone(), &plan, 2, Some(&stamp), false),
            Outcome::Saved { result: Ok(_), .. }
        ));
        // Another program writes the file.
        let mut theirs = plan.clone();
        theirs.settings.fitness_days = 40;
        std::thread::sleep(Duration::from_millis(20));
        file::save(&path, &theirs).expect("their save");
        match save(path.clone(), &plan, 3, Some(&stamp), false) {
            Outcome::Conflict(c) => {
                let (their_plan, _) = c.theirs.expect("their file reads");
                assert_eq!(their_plan.settings.fitness_days, 40);
            }
            other => unreachable!("expected a conflict, got {other:?}"),
        }
        // Their file is untouched.
        assert_eq!(file::load(&path).expect("loads").settings.fitness_days, 40);
        // Overwriting on purpose works.
        assert!(matches!(
            save(path.clone(), &plan, 4, None, true),
            Outcome::Saved { result: Ok(_), .. }
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_final_save_over_a_changed_file_keeps_both() {
        let dir = temp_dir("aside");
        let path = dir.join("plan.ron");
        let plan = file::demo().expect("demo");
        let (_, stamp) = {
            file::save(&path, &plan).expect("save");
            load(&path).expect("load")
        };
        let mut theirs = plan.clone();
        theirs.settings.fatigue_days = 9;
        std::thread::sleep(Duration::from_millis(20));
        file::save(&path, &theirs).expect("their save");
        let mut files = Files::new(Some(path.clone()), None, Some(stamp));
        let message = files.save_now(&plan, 5).expect("saved somewhere");
        assert!(message.contains("kept by runweek"), "{message}");
        assert_eq!(file::load(&path).expect("loads").settings.fatigue_days, 9);
        let kept: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("kept by runweek"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(files.saved_rev, 5);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
