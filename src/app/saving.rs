//! The file lifecycle: opening, creating and saving plans, the autosave, answering a
//! conflict, and keeping the runner's changes when the window closes.
//!
//! The rule everything here keeps: the plan's path, the title and the "saved" mark change
//! only after the disk said yes. A save that failed leaves the plan where it was at home,
//! says what went wrong, and keeps the changes marked unsaved.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::files::{
    self, Conflict, IfChanged, Job, Outcome, PathPrompt, Purpose, SaveResult, Saved, Written,
};
use super::notices::Level;
use super::{FileCommand, RunweekApp};
use crate::core::edit::Edit;
use crate::core::merge::{Side, edits_between, merge};
use crate::core::plan::Plan;
use crate::file::FileError;

/// Why a save was asked for: it decides what is said and what happens after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    Autosave,
    /// Ctrl+S or File › Save.
    Save,
    /// Save as, or "Save mine as…" after a conflict: the path becomes the plan's home once
    /// written.
    SaveAs,
}

impl RunweekApp {
    pub(super) fn run_file(&mut self, ctx: &egui::Context, command: FileCommand) {
        match command {
            FileCommand::Dialog(purpose) => {
                if purpose == Purpose::SaveAs {
                    // "Save mine as…" answers a conflict; should the dialog be cancelled,
                    // the next save finds the conflict again and asks again.
                    self.files.set_conflict(None);
                }
                if self.files.dialog_open() {
                    self.notices
                        .push(Level::Info, "A file dialog is already open.");
                } else {
                    let name = match purpose {
                        Purpose::New => "new-plan.ron".to_owned(),
                        _ => self.doc.name(),
                    };
                    self.files.start_dialog(ctx, purpose, self.doc.path(), name);
                }
            }
            FileCommand::Prompt(purpose) => {
                self.files.set_prompt(Some(PathPrompt {
                    purpose,
                    text: self.suggested_path(purpose),
                    reason: None,
                }));
            }
            FileCommand::Chosen(purpose, path) => self.chosen(ctx, purpose, path),
            FileCommand::CreateFolderAndSave(path) => {
                let made = path.parent().map_or(Ok(()), std::fs::create_dir_all);
                match made {
                    Ok(()) => self.save_to(Some(ctx), path, Why::SaveAs),
                    Err(e) => {
                        self.error = Some(format!(
                            "The folder for {} could not be created: {e}\nThe plan is still kept in {}.",
                            path.display(),
                            self.doc.name()
                        ));
                    }
                }
            }
            FileCommand::Save => match self.doc.path() {
                None => self.run_file(ctx, FileCommand::Dialog(Purpose::SaveAs)),
                Some(_) if self.files.conflict().is_some() || self.files.saving() => {}
                Some(path) => {
                    if self.doc.is_dirty() {
                        let path = path.to_owned();
                        self.save_to(Some(ctx), path, Why::Save);
                    } else {
                        let text = format!("Saved: {}", path.display());
                        self.notices.push(Level::Info, text);
                    }
                }
            },
            FileCommand::ReloadTheirs => self.resolve(ctx, Side::Theirs),
            FileCommand::KeepMine => self.resolve(ctx, Side::Mine),
        }
    }

    /// Answers a conflict: `side` wins wherever both changed the same thing; everything
    /// only one side changed is kept either way.
    fn resolve(&mut self, ctx: &egui::Context, side: Side) {
        let Some(conflict) = self.files.take_conflict() else {
            return;
        };
        match (conflict.theirs, conflict.merged, side) {
            (Ok((theirs, stamp)), Some(merged), _) => {
                let plan = merged.plan(side).clone();
                let edits = edits_between(self.doc.plan(), &plan);
                let said = match side {
                    Side::Mine => {
                        "Kept your version where both changed; their other changes are in."
                    }
                    Side::Theirs => {
                        "Took their version where both changed; your other changes are kept."
                    }
                };
                self.take_from_disk(edits, theirs, stamp, said);
            }
            (Ok((plan, stamp)), None, Side::Theirs) => {
                self.replace_plan(plan, conflict.path, Some(stamp));
                self.notices.push(
                    Level::Info,
                    "Showing the file as the other program left it.",
                );
            }
            (Err(e), _, Side::Theirs) => {
                self.error = Some(format!("The changed file cannot be read:\n{e}"));
            }
            (_, _, Side::Mine) => {
                if let Some(path) = self.doc.path() {
                    let job = Job {
                        path: path.to_owned(),
                        plan: self.doc.plan().clone(),
                        rev: self.doc.rev(),
                        expected: None,
                        if_changed: IfChanged::Overwrite,
                    };
                    self.give(Some(ctx), job, Why::Save);
                }
            }
        }
    }

    /// Another program changed the plan's file to `theirs`. With no unsaved changes here,
    /// the window shows it at once; otherwise the two are merged against the version last
    /// read, and only what both changed differently is asked about.
    fn other_program_wrote(&mut self, path: PathBuf, theirs: Plan, stamp: files::Stamp) {
        let name = self.doc.name();
        if !self.doc.is_dirty() {
            let edits = edits_between(self.doc.plan(), &theirs);
            let said = format!(
                "{name} was changed by another program: showing it as it is now (Ctrl+Z goes back)."
            );
            self.take_from_disk(edits, theirs, stamp, &said);
            return;
        }
        let Some(base) = self.doc.base() else {
            // Never read from this file: nothing to merge from, so the runner chooses.
            self.files.set_conflict(Some(Conflict {
                path,
                theirs: Ok((theirs, stamp)),
                merged: None,
            }));
            return;
        };
        let merged = merge(base, self.doc.plan(), &theirs);
        if merged.is_clean() {
            let edits = edits_between(self.doc.plan(), merged.plan(Side::Mine));
            let said =
                format!("Another program changed {name}: its changes are merged with yours.");
            self.take_from_disk(edits, theirs, stamp, &said);
        } else {
            log::info!(
                "{} clashes with another program's changes",
                merged.clashes.len()
            );
            self.files.set_conflict(Some(Conflict {
                path,
                theirs: Ok((theirs, stamp)),
                merged: Some(merged),
            }));
        }
    }

    fn take_from_disk(&mut self, edits: Vec<Edit>, theirs: Plan, stamp: files::Stamp, said: &str) {
        match self.doc.take_from_disk(edits, theirs, stamp) {
            Ok(()) => {
                self.changed();
                self.notices.push(Level::Info, said);
            }
            Err(e) => {
                self.error = Some(format!(
                    "The other program's changes could not be taken in: {e}\nThe plan on screen is unchanged."
                ));
            }
        }
    }

    /// The file was read again after it was touched.
    fn on_disk(&mut self, path: PathBuf, result: Result<(Plan, files::Stamp), FileError>) {
        if self.doc.path() != Some(path.as_path()) {
            return;
        }
        if self.files.saving() {
            // Perhaps read halfway through runweek's own save: read it again after.
            self.files.reread_later();
            return;
        }
        match result {
            Ok((_, stamp)) if self.doc.stamp() == Some(&stamp) => {}
            Ok((theirs, stamp)) => self.other_program_wrote(path, theirs, stamp),
            // Gone for a moment (a sync client replacing it): its return is another event.
            Err(_) if !path.exists() => {}
            Err(e) => {
                log::warn!("the changed plan cannot be read: {e}");
                self.notices.push(
                    Level::Error,
                    format!(
                        "{} was changed by another program and cannot be read now: {e}. The plan on screen is kept, and runweek will not save over the file without asking.",
                        self.doc.name()
                    ),
                );
            }
        }
    }

    /// A path to offer in the typed-path field.
    pub(super) fn suggested_path(&self, purpose: Purpose) -> String {
        // The data folder is runweek's own; the runner's plans live elsewhere.
        let path = self.doc.path();
        let dir = if self.files.is_home_plan(path) || path.is_none() {
            std::env::home_dir()
        } else {
            path.and_then(Path::parent).map(Path::to_owned)
        }
        .map(|d| d.display().to_string())
        .unwrap_or_default();
        let name = match purpose {
            Purpose::Open => return with_dir(&dir, ""),
            Purpose::SaveAs => self.doc.name(),
            Purpose::New => "new-plan.ron".to_owned(),
        };
        // A name not taken yet: "Save mine as…" after a conflict must not offer the very
        // file the other program just wrote.
        let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, "ron"));
        (1..100)
            .map(|n| match n {
                1 => with_dir(&dir, &name),
                n => with_dir(&dir, &format!("{stem} ({n}).{ext}")),
            })
            .find(|path| !Path::new(path).exists())
            .unwrap_or_else(|| with_dir(&dir, &name))
    }

    fn chosen(&mut self, ctx: &egui::Context, purpose: Purpose, path: PathBuf) {
        log::debug!("{} chosen: {}", purpose.verb(), path.display());
        match purpose {
            Purpose::Open => {
                if self.doc.path() == Some(path.as_path()) && !self.doc.is_dirty() {
                    self.notices
                        .push(Level::Info, format!("{} is already open.", path.display()));
                    return;
                }
                self.files.start_load(ctx, path);
            }
            Purpose::SaveAs => {
                if let Some(dir) = missing_folder(&path).map(Path::to_owned) {
                    self.folder_missing = Some(path);
                    self.error = Some(format!(
                        "The folder {} does not exist, so the plan was not saved there. \
                         It is still kept in {}.",
                        dir.display(),
                        self.doc.name()
                    ));
                    return;
                }
                self.save_to(Some(ctx), path, Why::SaveAs);
            }
            Purpose::New => {
                if path.exists() {
                    self.notices.push(
                        Level::Refused,
                        format!(
                            "{} already exists: open it, or choose another name for the new plan.",
                            path.display()
                        ),
                    );
                    return;
                }
                if !self.flush_before_switching() {
                    return;
                }
                // The runner's own settings and availability carry over; the sessions do not.
                let plan = Plan::new(
                    self.doc.plan().settings.clone(),
                    self.doc.plan().availability.clone(),
                    Vec::new(),
                    Vec::new(),
                )
                .unwrap_or_default();
                self.replace_plan(plan, path, None);
                self.notices.push(
                    Level::Info,
                    "A new, empty plan. Add sessions with “+” on a day.",
                );
            }
        }
    }

    /// Saves the plan on screen to `path`, on the writer.
    fn save_to(&mut self, ctx: Option<&egui::Context>, path: PathBuf, why: Why) {
        let moving = self.doc.path() != Some(path.as_path());
        let job = Job {
            expected: if moving {
                None
            } else {
                self.doc.stamp().cloned()
            },
            // A new home is written as chosen (the dialog asked about replacing a file).
            if_changed: if moving {
                IfChanged::Overwrite
            } else {
                IfChanged::Ask
            },
            path,
            plan: self.doc.plan().clone(),
            rev: self.doc.rev(),
        };
        self.give(ctx, job, why);
    }

    fn give(&mut self, ctx: Option<&egui::Context>, job: Job, why: Why) {
        if why == Why::SaveAs {
            self.save_as = Some(job.path.clone());
        }
        self.files.save(ctx, job);
    }

    /// Saves the plan on screen before another one replaces it. Returns false (and says
    /// why) when it could not be saved, so that nothing is lost.
    fn flush_before_switching(&mut self) -> bool {
        if self.doc.is_dirty()
            && let Some(path) = self.doc.path()
            && self.files.conflict().is_none()
        {
            let path = path.to_owned();
            self.save_to(None, path, Why::Save);
        }
        for written in self.files.finish_saving() {
            self.written(written);
        }
        if !self.doc.is_dirty() || self.doc.path().is_none() {
            return true;
        }
        if self.error.is_none() {
            self.error = Some(
                "The plan on screen could not be saved, so it stays open. Use File › Save as… to keep it elsewhere."
                    .to_owned(),
            );
        }
        false
    }

    pub(super) fn handle_outcome(&mut self, ctx: &egui::Context, outcome: Outcome) {
        match outcome {
            Outcome::Picked {
                purpose,
                path,
                unavailable,
            } => match path {
                Some(path) => self.chosen(ctx, purpose, path),
                None if unavailable => {
                    self.files.set_prompt(Some(PathPrompt {
                        purpose,
                        text: self.suggested_path(purpose),
                        reason: Some(
                            "No file dialog could be shown here (it needs the desktop portal or zenity). Type the path instead."
                                .to_owned(),
                        ),
                    }));
                }
                None => {}
            },
            Outcome::Loaded { path, result } => match result.map(|b| *b) {
                Ok((plan, stamp)) => {
                    if self.flush_before_switching() {
                        self.replace_plan(plan, path.clone(), Some(stamp));
                        self.notices
                            .push(Level::Info, format!("Opened {}", path.display()));
                    }
                }
                Err(e) => {
                    self.error = Some(format!(
                        "This plan could not be opened:\n\n{e}\n\nThe plan on screen is unchanged."
                    ));
                }
            },
            Outcome::Written(written) => self.written(written),
            Outcome::Touched(path) => {
                if self.doc.path() == Some(path.as_path()) {
                    if self.files.saving() {
                        self.files.reread_later();
                    } else {
                        self.files.reread(ctx, path);
                    }
                }
            }
            Outcome::OnDisk { path, result } => self.on_disk(path, result.map(|b| *b)),
        }
    }

    /// Keeps watching the open plan's file, and reads it again when it was touched while
    /// it could not be (a save in flight, a reading already under way).
    pub(super) fn watch_the_file(&mut self, ctx: &egui::Context) {
        self.files.watch(self.doc.path(), ctx);
        if !self.files.saving()
            && let Some(path) = self.doc.path()
            && self.files.take_reread_again()
        {
            let path = path.to_owned();
            self.files.reread(ctx, path);
        }
    }

    /// What the writer did with a save.
    fn written(&mut self, written: Written) {
        let Written {
            path,
            rev,
            result,
            plan,
            ..
        } = written;
        let save_as = self.save_as.as_ref() == Some(&path);
        if save_as {
            self.save_as = None;
        }
        let home = self.doc.path() == Some(path.as_path());
        match result {
            SaveResult::Saved {
                how: Saved::InPlace,
                stamp,
            } => {
                if home || save_as {
                    self.doc.saved(path.clone(), rev, stamp, plan);
                    self.prefs.last_file = Some(path.clone());
                }
                if save_as {
                    self.notices
                        .push(Level::Info, format!("Saved as {}", path.display()));
                }
            }
            SaveResult::Saved {
                how: Saved::Aside(aside),
                ..
            } => {
                self.doc.saved_aside(rev);
                let text = format!(
                    "{} was changed by another program; your plan was saved beside it as {}",
                    path.display(),
                    aside.display()
                );
                log::warn!("{text}");
                self.notices.push(Level::Info, text);
            }
            SaveResult::Failed(e) => {
                log::warn!("saving {} failed: {e}", path.display());
                if home {
                    self.files.retry_later();
                }
                if home || save_as {
                    self.notices
                        .push(Level::Error, format!("Could not save: {e}"));
                }
            }
            SaveResult::Conflict(conflict) => {
                if home {
                    match conflict.theirs {
                        Ok((theirs, stamp)) => self.other_program_wrote(path, theirs, stamp),
                        Err(_) => self.files.set_conflict(Some(*conflict)),
                    }
                }
            }
        }
    }

    /// Another plan replaces the one on screen: one from disk (`stamp` given) or a new one
    /// that is not saved yet.
    pub(super) fn replace_plan(&mut self, plan: Plan, path: PathBuf, stamp: Option<files::Stamp>) {
        let fresh = stamp.is_none();
        self.doc.replace(plan, path.clone(), stamp);
        if fresh {
            self.files.changed();
        }
        self.files.set_conflict(None);
        self.prefs.last_file = Some(path);
        self.work.forget(self.today);
        self.derived.clear();
        self.say_what_saving_changes();
    }

    /// Says, before the first save to the plan's file, what a save would change besides the
    /// text (a read-only file, hard links, another owner), so that nothing happens to the
    /// file behind the runner's back.
    pub(super) fn say_what_saving_changes(&mut self) {
        let Some(path) = self.doc.path() else {
            return;
        };
        if let Ok(effects) = crate::file::save_effects(path)
            && !effects.is_quiet()
        {
            let name = self.doc.name();
            let text = format!("About saving {name}: {}.", effects.sentences().join("; "));
            log::info!("{text}");
            self.notices.push(Level::Info, text);
        }
    }

    /// Saves a while after the last change, on the writer.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        if !self.doc.is_dirty() {
            return;
        }
        let Some(path) = self.doc.path() else {
            return;
        };
        match self.files.autosave_in() {
            None => {}
            Some(wait) if !wait.is_zero() => ctx.request_repaint_after(wait),
            Some(_) => {
                let path = path.to_owned();
                self.save_to(Some(ctx), path, Why::Autosave);
            }
        }
    }

    /// Saves what is unsaved before the process ends; never loses the runner's changes.
    /// Waits for the writer however long the disk takes: a slow close is better than a
    /// plan written by two hands.
    pub(super) fn flush_on_exit(&mut self) {
        for written in self.files.finish_saving() {
            self.written(written);
        }
        if !self.doc.is_dirty() {
            return;
        }
        if self.doc.path().is_none()
            && let Some(dir) = self.files.data_dir()
        {
            let path = dir.join(files::dated_plan_name());
            self.doc.adopt_path(path);
        }
        let Some(path) = self.doc.path().map(Path::to_owned) else {
            return;
        };
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let job = Job {
            path,
            plan: self.doc.plan().clone(),
            rev: self.doc.rev(),
            expected: self.doc.stamp().cloned(),
            // Nobody is left to ask: keep both rather than overwrite theirs.
            if_changed: IfChanged::KeepBeside,
        };
        self.files.save(None, job);
        for written in self.files.finish_saving() {
            self.written(written);
        }
        if self.doc.is_dirty() {
            // The window is going away: the log is the last place to say it.
            log::error!("your last changes could not be saved");
        }
    }
}

/// The folder of `path` when it does not exist.
fn missing_folder(path: &Path) -> Option<&Path> {
    path.parent()
        .filter(|dir| !dir.as_os_str().is_empty() && !dir.exists())
}

/// `name` in the folder `dir`, as a path to type.
fn with_dir(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}{}{name}", std::path::MAIN_SEPARATOR)
    }
}
