//! The plan on disk, seen from the window: file dialogs and loading on worker threads, the
//! one writer that saves, the autosave's timing, and what is open about a file (a typed
//! path, a conflict).
//!
//! Nothing here blocks the UI thread in normal use: a dialog, a load or a save runs on a
//! thread of its own and reports back, waking the UI. Only closing the window, or switching
//! to another plan, waits for the writer, because the changes must be on disk first.
//!
//! Before each save the file is compared with what runweek last read or wrote there (a hash
//! of the text); a file that another program changed in the meantime is never overwritten
//! silently — the runner chooses. What the window does with each result is in
//! [`super::saving`].

mod dialog;
mod disk;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use eframe::egui;

use crate::core::plan::Plan;
use crate::file::FileError;

pub use disk::{Conflict, IfChanged, SaveResult, Saved, Stamp, load};
pub use writer::{Job, Written};

/// The name of the plan kept in the app's data folder (the demo plan on first start).
pub const HOME_PLAN: &str = "plan.ron";

/// How long after the last change the plan is saved: long enough that a burst of edits is
/// one write, short enough that little is at risk.
pub const AUTOSAVE_AFTER: Duration = Duration::from_millis(1500);

/// How long a failed autosave waits before it tries again, rather than every frame.
const RETRY_AFTER: Duration = Duration::from_secs(10);

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

/// The typed-path field, for when no file dialog can be shown (or the runner prefers it).
#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub text: String,
    /// Why the field is shown, when a dialog failed.
    pub reason: Option<String>,
}

/// What a worker reports.
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
    Written(Written),
}

/// The app's side of the plan file.
pub struct Files {
    /// The app's data folder, where the demo plan lives; `None` without storage.
    data_dir: Option<PathBuf>,
    writer: Writer,
    /// When the autosave is due, if the plan has changes to save.
    due: Option<Instant>,
    prompt: Option<PathPrompt>,
    conflict: Option<Conflict>,
    loading: bool,
    dialog_open: bool,
    sender: Sender<Outcome>,
    receiver: Receiver<Outcome>,
}

use writer::Writer;

impl Files {
    pub fn new(data_dir: Option<PathBuf>) -> Files {
        let (sender, receiver) = channel();
        Files {
            data_dir,
            writer: Writer::default(),
            due: None,
            prompt: None,
            conflict: None,
            loading: false,
            dialog_open: false,
            sender,
            receiver,
        }
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// Whether `path` is the plan in the data folder (the demo, or what became of it).
    pub fn is_home_plan(&self, path: Option<&Path>) -> bool {
        match (path, &self.data_dir) {
            (Some(path), Some(dir)) => path.parent() == Some(dir.as_path()),
            _ => false,
        }
    }

    /// Everything the workers reported since the last frame.
    pub fn poll(&mut self) -> Vec<Outcome> {
        let mut outcomes: Vec<Outcome> = self.receiver.try_iter().collect();
        for outcome in &outcomes {
            match outcome {
                Outcome::Picked { .. } => self.dialog_open = false,
                Outcome::Loaded { .. } => self.loading = false,
                Outcome::Written(_) => {}
            }
        }
        outcomes.extend(self.writer.poll().into_iter().map(Outcome::Written));
        outcomes
    }

    /// Shows a native file dialog on a worker thread, starting in the folder of `current`
    /// (unless that is the data folder) with `name` filled in.
    pub fn start_dialog(
        &mut self,
        ctx: &egui::Context,
        purpose: Purpose,
        current: Option<&Path>,
        name: String,
    ) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        let start_dir = current
            .and_then(Path::parent)
            .filter(|d| !self.is_home_plan(current) && d.is_dir())
            .map(Path::to_owned)
            .or_else(std::env::home_dir);
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let path = dialog::pick(purpose, start_dir, name);
            // A dialog that could not be shown comes back as `None` at once, just like a
            // cancel; nobody cancels a dialog within a fraction of a second.
            let unavailable = path.is_none()
                && (started.elapsed() < Duration::from_millis(500) || !dialog::dialog_likely());
            let _ = sender.send(Outcome::Picked {
                purpose,
                path,
                unavailable,
            });
            ctx.request_repaint();
        });
    }

    pub fn dialog_open(&self) -> bool {
        self.dialog_open
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

    /// Hands a save to the one writer. The result comes back through [`Files::poll`].
    pub fn save(&mut self, ctx: Option<&egui::Context>, job: Job) {
        self.due = None;
        self.writer.give(job, ctx);
    }

    /// Whether a save is being written.
    pub fn saving(&self) -> bool {
        self.writer.busy()
    }

    /// Waits until every save given so far is on disk (or failed), however slow the disk.
    pub fn finish_saving(&mut self) -> Vec<Written> {
        self.writer.finish()
    }

    /// The plan changed: the autosave is due a while from now.
    pub fn changed(&mut self) {
        self.due = Some(Instant::now() + AUTOSAVE_AFTER);
    }

    /// A save failed: try again later rather than every frame.
    pub fn retry_later(&mut self) {
        self.due = Some(Instant::now() + RETRY_AFTER);
    }

    /// How long until the autosave is due (zero when it is due now), or `None` when the
    /// file must not be written now: while the runner picks where to save, a plan loads, a
    /// save is in flight or a conflict waits for an answer.
    pub fn autosave_in(&self) -> Option<Duration> {
        if self.writer.busy()
            || self.conflict.is_some()
            || self.prompt.is_some()
            || self.dialog_open
            || self.loading
        {
            return None;
        }
        Some(self.due.map_or(Duration::ZERO, |due| {
            due.saturating_duration_since(Instant::now())
        }))
    }

    pub fn prompt_mut(&mut self) -> Option<&mut PathPrompt> {
        self.prompt.as_mut()
    }

    pub fn set_prompt(&mut self, prompt: Option<PathPrompt>) {
        self.prompt = prompt;
    }

    pub fn conflict(&self) -> Option<&Conflict> {
        self.conflict.as_ref()
    }

    pub fn set_conflict(&mut self, conflict: Option<Conflict>) {
        self.conflict = conflict;
    }

    pub fn take_conflict(&mut self) -> Option<Conflict> {
        self.conflict.take()
    }
}

/// A name for a plan saved on closing the window when it had no file yet.
pub fn dated_plan_name() -> String {
    jiff::Zoned::now()
        .strftime("plan %Y-%m-%d %H%M%S.ron")
        .to_string()
}
