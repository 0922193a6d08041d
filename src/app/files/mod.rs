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
mod watch;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use eframe::egui;

use crate::core::plan::Plan;
use crate::file::FileError;

pub use dialog::{block_on, dialog_likely, pick_export};
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

/// A plan read from disk with its stamp, or why it could not be read.
pub type Read = Result<Box<(Plan, Stamp)>, FileError>;

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
        result: Read,
    },
    Written(Written),
    /// Something happened to the open plan's file (another program, or runweek's own save).
    Touched(PathBuf),
    /// The open plan's file as it is now, read again after it was touched.
    OnDisk {
        path: PathBuf,
        result: Read,
    },
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
    /// The watch on the open plan's file.
    watch: Option<Watch>,
    /// The file is being read again; and whether it was touched again meanwhile.
    rereading: bool,
    reread_again: bool,
    sender: Sender<Outcome>,
    receiver: Receiver<Outcome>,
}

use watch::Watch;
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
            watch: None,
            rereading: false,
            reread_again: false,
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

    /// Everything the workers reported since the last frame. The writer's results come
    /// first, so that a file read again after runweek's own save is compared with that save.
    pub fn poll(&mut self) -> Vec<Outcome> {
        let mut outcomes: Vec<Outcome> = self
            .writer
            .poll()
            .into_iter()
            .map(Outcome::Written)
            .collect();
        for outcome in self.receiver.try_iter() {
            match &outcome {
                Outcome::Picked { .. } => self.dialog_open = false,
                Outcome::Loaded { .. } => self.loading = false,
                Outcome::OnDisk { .. } => self.rereading = false,
                Outcome::Written(_) => {}
                // A burst of events (a save is several) is one reading.
                Outcome::Touched(_) if self.rereading => {
                    self.reread_again = true;
                    continue;
                }
                Outcome::Touched(_) => {
                    if outcomes.iter().any(|o| matches!(o, Outcome::Touched(_))) {
                        continue;
                    }
                }
            }
            outcomes.push(outcome);
        }
        outcomes
    }

    /// Watches `path` (the open plan's file) for changes by other programs, and stops
    /// watching whatever was watched before.
    pub fn watch(&mut self, path: Option<&Path>, ctx: &egui::Context) {
        if self.watch.as_ref().map(Watch::path) == path {
            return;
        }
        self.watch = path.map(|p| Watch::start(p, self.sender.clone(), Some(ctx.clone())));
    }

    /// Reads the open plan's file again on a worker, after it was touched.
    pub fn reread(&mut self, ctx: &egui::Context, path: PathBuf) {
        if self.rereading {
            self.reread_again = true;
            return;
        }
        self.rereading = true;
        self.reread_again = false;
        self.load_on_worker(ctx, path, |path, result| Outcome::OnDisk { path, result });
    }

    /// Whether the file was touched again while it was being read (or while the writer
    /// was busy), so that it needs another reading.
    pub fn take_reread_again(&mut self) -> bool {
        std::mem::take(&mut self.reread_again)
    }

    /// Asks for another reading once the current one (or the writer) is done.
    pub fn reread_later(&mut self) {
        self.reread_again = true;
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
        self.load_on_worker(ctx, path, |path, result| Outcome::Loaded { path, result });
    }

    /// Reads and parses `path` on a thread of its own and reports it as `outcome` says.
    fn load_on_worker(
        &self,
        ctx: &egui::Context,
        path: PathBuf,
        outcome: fn(PathBuf, Read) -> Outcome,
    ) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = load(&path).map(Box::new);
            let _ = sender.send(outcome(path, result));
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
