//! Importing activities from the watch in the window: File › Import activities… (Ctrl+I),
//! the typed-path fallback, files dropped onto the window, and the preview before anything
//! changes.
//!
//! Files are chosen in a native dialog and read on worker threads, so a folder of a year's
//! runs never freezes the window. What they would do is shown first ([`window`]); Import
//! applies it as one [`Command::Import`] carrying the batch edit, so the whole import is one
//! undo step, and Cancel changes nothing. The edit was worked out against the plan as it was
//! when the preview opened: if the plan changed since (an autosave merged another program's
//! change), the preview is worked out again and shown, never applied stale.

mod window;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use eframe::egui;

use super::notices::Level;
use super::{Command, RunweekApp};
use crate::activity_file::{self, FileRead, Prepared};
use crate::core::edit::Edit;
use crate::core::import::Action;

/// What the runner asked of the import.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportCommand {
    /// The native multi-file dialog, on a worker thread.
    Dialog,
    /// The typed-path field.
    Prompt,
    /// Read these files (on a worker thread) and show what importing them would do.
    Read(Vec<PathBuf>),
    /// Apply the previewed import: one undo step.
    Apply(Edit),
    /// Close the preview; nothing changes.
    Cancel,
}

/// What a worker sends back.
enum Outcome {
    Picked {
        paths: Vec<PathBuf>,
        unavailable: bool,
    },
    Read(Vec<FileRead>),
}

/// The preview on show: the files as read, and what they would do to the plan at `rev`.
pub(super) struct Shown {
    files: Vec<FileRead>,
    prepared: Prepared,
    rev: u64,
}

/// The import's own state, beside the rest of the window's.
pub struct Importer {
    sender: Sender<Outcome>,
    receiver: Receiver<Outcome>,
    dialog_open: bool,
    reading: bool,
    /// The typed-path field, when open: paths separated by new lines.
    prompt: Option<Prompt>,
    shown: Option<Shown>,
}

pub(super) struct Prompt {
    text: String,
    reason: Option<String>,
    /// Whether the field still has to take the focus.
    focus: bool,
}

impl Default for Importer {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Importer {
            sender,
            receiver,
            dialog_open: false,
            reading: false,
            prompt: None,
            shown: None,
        }
    }
}

impl Importer {
    /// Whether a preview is on show (for tests and the frame loop).
    pub fn is_previewing(&self) -> bool {
        self.shown.is_some()
    }

    /// Whether a dialog or a reading is still out on a worker.
    pub fn is_busy(&self) -> bool {
        self.dialog_open || self.reading
    }
}

impl RunweekApp {
    pub(super) fn run_import(&mut self, ctx: &egui::Context, command: ImportCommand) {
        match command {
            ImportCommand::Dialog => {
                if self.import.dialog_open {
                    self.notices
                        .push(Level::Info, "The import dialog is already open.");
                    return;
                }
                self.import.dialog_open = true;
                let start_dir = self
                    .doc
                    .path()
                    .and_then(std::path::Path::parent)
                    .filter(|d| d.is_dir())
                    .map(std::path::Path::to_owned)
                    .or_else(std::env::home_dir);
                let (sender, ctx) = (self.import.sender.clone(), ctx.clone());
                std::thread::spawn(move || {
                    let started = Instant::now();
                    let paths = pick_files(start_dir);
                    // As for opening a plan: a dialog that cannot be shown answers at once.
                    let unavailable = paths.is_empty()
                        && (started.elapsed() < Duration::from_millis(500)
                            || !super::files::dialog_likely());
                    let _ = sender.send(Outcome::Picked { paths, unavailable });
                    ctx.request_repaint();
                });
            }
            ImportCommand::Prompt => {
                self.import.prompt = Some(Prompt {
                    text: String::new(),
                    reason: None,
                    focus: true,
                });
            }
            ImportCommand::Read(paths) => {
                if paths.is_empty() {
                    return;
                }
                self.import.reading = true;
                let (sender, ctx) = (self.import.sender.clone(), ctx.clone());
                std::thread::spawn(move || {
                    let tz = jiff::tz::TimeZone::system();
                    let _ = sender.send(Outcome::Read(activity_file::read_all(&paths, &tz)));
                    ctx.request_repaint();
                });
            }
            ImportCommand::Apply(edit) => self.apply_import(edit),
            ImportCommand::Cancel => self.import.shown = None,
        }
    }

    fn apply_import(&mut self, edit: Edit) {
        let Some(shown) = self.import.shown.take() else {
            return;
        };
        if shown.rev != self.doc.rev() || shown.prepared.edit != edit {
            let files = shown.files;
            self.import.shown = Some(self.prepare(files));
            self.notices.push(
                Level::Info,
                "The plan changed while the import was on show: check what it will do now \
                 and press Import again.",
            );
            return;
        }
        let counts = counts(&shown.prepared);
        if !shown.prepared.changes_anything {
            self.notices
                .push(Level::Info, format!("Nothing imported: {counts}."));
            return;
        }
        self.leave_editor();
        if self.apply(edit) {
            self.notices.push(
                Level::Info,
                format!("Imported: {counts}. Ctrl+Z undoes it."),
            );
        }
    }

    fn prepare(&self, files: Vec<FileRead>) -> Shown {
        let prepared = activity_file::prepare(self.doc.plan(), files.clone());
        Shown {
            files,
            prepared,
            rev: self.doc.rev(),
        }
    }

    /// Once a frame: answers from the workers, files dropped on the window, and the import's
    /// windows (the typed path, the preview).
    pub(super) fn import_frame(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        while let Ok(outcome) = self.import.receiver.try_recv() {
            match outcome {
                Outcome::Picked { paths, unavailable } => {
                    self.import.dialog_open = false;
                    if unavailable {
                        self.import.prompt = Some(Prompt {
                            text: String::new(),
                            reason: Some(
                                "No file dialog could be shown here (it needs the desktop \
                                 portal or zenity). Type the paths instead."
                                    .to_owned(),
                            ),
                            focus: true,
                        });
                    } else if !paths.is_empty() {
                        out.push(Command::Import(ImportCommand::Read(paths)));
                    }
                }
                Outcome::Read(files) => {
                    self.import.reading = false;
                    self.import.shown = Some(self.prepare(files));
                }
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            out.push(Command::Import(ImportCommand::Read(dropped)));
        }
        if let Some(prompt) = &mut self.import.prompt
            && !window::prompt_window(
                ctx,
                &mut prompt.text,
                prompt.reason.as_deref(),
                &mut prompt.focus,
                out,
            )
        {
            self.import.prompt = None;
        }
        if let Some(shown) = &self.import.shown {
            let units = self.doc.plan().settings.units;
            window::preview_window(ctx, &shown.prepared, units, out);
        }
    }
}

/// "2 fill planned sessions, 1 added, 1 already imported, 1 file not read".
fn counts(p: &Prepared) -> String {
    let count = |f: fn(&Action) -> bool| p.rows.iter().filter(|r| f(&r.action)).count();
    let matched = count(|a| matches!(a, Action::Matched(_)));
    let added = count(|a| matches!(a, Action::Added(_)));
    let duplicate = count(|a| matches!(a, Action::Duplicate(_)));
    let mut parts = Vec::new();
    if matched > 0 {
        parts.push(format!("{matched} filled a planned session"));
    }
    if added > 0 {
        parts.push(format!("{added} added"));
    }
    if duplicate > 0 {
        parts.push(format!("{duplicate} already imported"));
    }
    if !p.errors.is_empty() {
        parts.push(format!("{} could not be read", p.errors.len()));
    }
    if parts.is_empty() {
        "no activities".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The native multi-file dialog, run to completion on this (worker) thread.
fn pick_files(start_dir: Option<PathBuf>) -> Vec<PathBuf> {
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title("Import activities")
        .add_filter(
            "Activities (FIT, GPX, TCX)",
            &["fit", "gpx", "tcx", "FIT", "GPX", "TCX"],
        );
    if let Some(dir) = start_dir {
        dialog = dialog.set_directory(dir);
    }
    super::files::block_on(dialog.pick_files())
        .map(|handles| handles.iter().map(|h| h.path().to_owned()).collect())
        .unwrap_or_default()
}
