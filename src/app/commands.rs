//! The commands the runner's gestures become, and the one place that runs them after the
//! frame. Every change to the plan passes through [`RunweekApp::apply`] here.

use std::path::PathBuf;

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};
use jiff::civil::Date;

use super::files::Purpose;
use super::notices::Level;
use super::preview::Shown;
use super::session_editor::Draft;
use super::settings::{SettingsDraft, ThemeChoice};
use super::{
    ImportCommand, Preview, RunweekApp, View, WeekCommand, block_view, format, replan_panel,
};
use crate::core::day;
use crate::core::edit::Edit;
use crate::core::session::{Session, SessionId};
use crate::core::week::add_days;

/// Something the runner asked for, run after the frame by [`RunweekApp`].
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A change to the plan: one undo step.
    Edit(Edit),
    /// Adds a new session from the editor (its id is made unique first) and selects it.
    AddSession(Session),
    Undo,
    Redo,
    SelectDay(Date),
    /// Selects a session and opens it in the editor.
    SelectSession(SessionId),
    /// Opens the editor on a new session for the day.
    NewSession(Date),
    /// Closes the editor, applying what was typed if it is valid.
    CloseEditor,
    /// Closes the editor and forgets what was typed (Cancel on a new session).
    DiscardDraft,
    Duplicate(SessionId),
    /// Shows the week that holds the date, and selects the date.
    ShowWeekOf(Date),
    /// A gesture that did nothing, and why: never refuse silently.
    Refuse(String),
    File(FileCommand),
    OpenSettings,
    SetTheme(ThemeChoice),
    /// Shows a proposal on the grid until it is accepted or discarded.
    ShowPreview(Preview),
    AcceptPreview,
    DiscardPreview,
    /// Asks the re-planner and shows its proposal, or says there is nothing to change.
    Replan(replan_panel::Ask),
    /// Opens or closes the charts panel.
    ToggleCharts,
    /// Activities from the watch: choose, read, preview, apply as one step.
    Import(ImportCommand),
    /// File › Export…: the export window.
    OpenExport,
    /// File › Quit: closes the window the normal way, so the last change is saved first.
    Quit,
    /// Help › Keyboard shortcuts.
    ShowShortcuts,
    /// The week's menu: copy, paste, repeat, templates.
    Week(WeekCommand),
    /// The week view or the block view.
    ShowView(View),
    /// The block view from the week that holds the date.
    ShowBlockFrom(Date),
    /// How many weeks the block view shows (4 to 16).
    SetBlockWeeks(u8),
}

/// Opening and saving plans.
#[derive(Debug, Clone, PartialEq)]
pub enum FileCommand {
    /// A native file dialog (on a worker thread).
    Dialog(Purpose),
    /// The typed-path field.
    Prompt(Purpose),
    /// A path chosen in a dialog or typed.
    Chosen(Purpose, PathBuf),
    /// Save as into a folder that does not exist yet: the runner asked to create it.
    CreateFolderAndSave(PathBuf),
    Save,
    /// After a conflict: show the file as the other program left it.
    ReloadTheirs,
    /// After a conflict: write the plan on screen over the file.
    KeepMine,
}

impl RunweekApp {
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Edit(edit) => {
                let moves = matches!(edit, Edit::MoveSession { .. });
                if self.apply(edit) && moves {
                    // A drop that worked answers an earlier refused one: its notice is old news.
                    self.notices.clear(Level::Refused);
                }
            }
            Command::AddSession(mut session) => {
                let plan = self.doc.plan();
                if plan.session(session.id).is_some() {
                    session.id = plan.next_id();
                }
                let id = session.id;
                // The draft is about to become the session: no need to apply it on leaving.
                self.work.editor = None;
                if self.apply(Edit::AddSession(session)) {
                    self.work.select_session(self.doc.plan(), id);
                }
            }
            Command::Undo => {
                if self.doc.undo() {
                    self.changed();
                } else {
                    self.notices.push(Level::Info, "Nothing to undo.");
                }
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.changed();
                } else {
                    self.notices.push(Level::Info, "Nothing to redo.");
                }
            }
            Command::SelectDay(date) => {
                self.leave_editor();
                self.work.selected_day = date;
                self.work.selected_session = None;
            }
            Command::SelectSession(id) => {
                if self.work.selected_session == Some(id) && self.work.editor.is_some() {
                    return;
                }
                self.leave_editor();
                self.work.select_session(self.doc.plan(), id);
            }
            Command::NewSession(date) => {
                self.leave_editor();
                let plan = self.doc.plan();
                self.work.selected_day = date;
                self.work.selected_session = None;
                self.work.editor = Some(Draft::new_on(date, plan.next_id(), plan.settings.units));
            }
            Command::CloseEditor => {
                self.leave_editor();
                self.work.selected_session = None;
            }
            Command::DiscardDraft => {
                self.work.editor = None;
                self.work.selected_session = None;
            }
            Command::Duplicate(id) => {
                if let Some(original) = self.doc.plan().session(id) {
                    let mut copy = original.clone();
                    copy.id = self.doc.plan().next_id();
                    copy.done = None;
                    let new_id = copy.id;
                    self.leave_editor();
                    if self.apply(Edit::AddSession(copy)) {
                        self.work.select_session(self.doc.plan(), new_id);
                    }
                }
            }
            Command::ShowWeekOf(date) => {
                self.leave_editor();
                // Only the years a plan may hold: the calendar's ends would fold a week.
                self.work.selected_day = date.clamp(day::FIRST, day::LAST);
                self.work.selected_session = None;
            }
            Command::Refuse(why) => self.notices.push(Level::Refused, why),
            Command::File(file_command) => self.run_file(ctx, file_command),
            Command::OpenSettings => {
                self.work.settings = Some(SettingsDraft::of(self.doc.plan(), self.today));
            }
            Command::SetTheme(choice) => {
                self.prefs.theme = choice;
                ctx.set_theme(choice.preference());
            }
            Command::ShowPreview(preview) => {
                let mut proposed = self.doc.plan().clone();
                match proposed.apply(Edit::Batch(preview.edits.clone())) {
                    Ok(()) => {
                        self.leave_editor();
                        self.work.preview = Some(Shown { preview, proposed });
                    }
                    Err(e) => self
                        .notices
                        .push(Level::Error, format!("The proposal cannot be shown: {e}")),
                }
            }
            Command::AcceptPreview => {
                if let Some(shown) = self.work.preview.take()
                    && self.apply(Edit::Batch(shown.preview.edits))
                {
                    self.notices.push(
                        Level::Info,
                        format!("Applied: {}. Ctrl+Z undoes it.", shown.preview.title),
                    );
                }
            }
            Command::DiscardPreview => self.work.preview = None,
            Command::Replan(ask) => {
                match replan_panel::propose(self.doc.plan(), self.today, &ask) {
                    Ok(preview) => self.run(ctx, Command::ShowPreview(preview)),
                    Err(nothing) => self.notices.push(Level::Info, nothing),
                }
            }
            Command::ToggleCharts => self.prefs.charts = !self.prefs.charts,
            Command::Import(import) => self.run_import(ctx, import),
            Command::OpenExport => self.open_export(),
            Command::Quit => {
                log::debug!("quit asked for: closing the window");
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::ShowShortcuts => self.shortcuts_open = true,
            Command::Week(week) => self.run_week(week),
            Command::ShowView(view) => self.show_view(view),
            Command::ShowBlockFrom(date) => {
                self.work.block_from = Some(date.clamp(day::FIRST, day::LAST));
            }
            Command::SetBlockWeeks(count) => {
                self.prefs.block_weeks = Some(block_view::block_weeks(Some(count)));
            }
        }
    }

    /// Applies an edit as one undo step, or says why not.
    pub(super) fn apply(&mut self, edit: Edit) -> bool {
        if let Some(why) = self.refusal(&edit) {
            self.notices.push(Level::Refused, why);
            return false;
        }
        match self.doc.apply(edit) {
            Ok(()) => {
                self.changed();
                true
            }
            Err(e) => {
                self.notices
                    .push(Level::Refused, format!("Not changed: {e}."));
                false
            }
        }
    }

    /// The rule no edit may break, however it was made (a drag, the editor's day field):
    /// a session still to run never moves onto a day that is over.
    fn refusal(&self, edit: &Edit) -> Option<String> {
        // A run logged as done may be put on the day it was run, past or not.
        let (id, to) = match edit {
            Edit::MoveSession { id, to, .. } => (*id, *to),
            Edit::UpdateSession(s) if !s.is_done() => (s.id, s.date),
            _ => return None,
        };
        let before = self.doc.plan().session(id)?;
        if before.date == to {
            return None;
        }
        format::past_day(to, self.today).map(|why| format!("Not moved: {why}"))
    }

    /// After any change to the plan: the autosave is due, and the workspace follows.
    pub(super) fn changed(&mut self) {
        self.files.changed();
        if self.work.follow(self.doc.plan()).proposal_put_away {
            self.notices.push(
                Level::Info,
                "The proposal was put away because the plan changed.",
            );
        }
    }

    /// Leaves the editor as focus leaving a field would: what was typed is applied if it is
    /// valid, and the runner is told either way.
    pub(super) fn leave_editor(&mut self) {
        let Some(draft) = self.work.editor.take() else {
            return;
        };
        if !draft.is_dirty() {
            return;
        }
        let title = draft.base().display_title().to_owned();
        match draft.session() {
            Ok(_) if draft.is_new => self.notices.push(
                Level::Info,
                "The new session was not added: press “Add session” to keep one.",
            ),
            Ok(session) => {
                if self.apply(Edit::UpdateSession(session)) {
                    self.notices
                        .push(Level::Info, format!("Applied your changes to “{title}”."));
                }
            }
            Err(problems) => self.notices.push(
                Level::Refused,
                format!(
                    "Your changes to “{title}” were not applied: {}.",
                    problems.first().unwrap_or("a field is not valid")
                ),
            ),
        }
    }

    /// Keyboard shortcuts. Undo and the arrows are left to a text field being typed in.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        let selected_day = self.work.selected_day;
        let selected_session = self.work.selected_session;
        let block = self.prefs.view == View::Block;
        let block_from = self.block_start();
        // The arrows move what is on show: the week, or the block by a week.
        let by_week = |days: i64| {
            if block {
                Command::ShowBlockFrom(add_days(block_from, days))
            } else {
                Command::ShowWeekOf(add_days(selected_day, days))
            }
        };
        let mut found = Vec::new();
        ctx.input_mut(|i| {
            if i.consume_shortcut(&command(Key::S)) {
                found.push(Command::File(FileCommand::Save));
            }
            if i.consume_shortcut(&command(Key::O)) {
                found.push(Command::File(FileCommand::Dialog(Purpose::Open)));
            }
            if i.consume_shortcut(&command(Key::L)) {
                found.push(Command::ToggleCharts);
            }
            if i.consume_shortcut(&command(Key::I)) {
                found.push(Command::Import(ImportCommand::Dialog));
            }
            if i.consume_shortcut(&command(Key::E)) {
                found.push(Command::OpenExport);
            }
            if i.consume_shortcut(&command(Key::Q)) {
                found.push(Command::Quit);
            }
            if i.consume_shortcut(&command(Key::B)) {
                found.push(Command::ShowView(if block {
                    View::Week
                } else {
                    View::Block
                }));
            }
            if typing {
                return;
            }
            // The most specific first: Ctrl+Shift+Z would also match Ctrl+Z.
            if i.consume_shortcut(&command_shift(Key::Z)) || i.consume_shortcut(&command(Key::Y)) {
                found.push(Command::Redo);
            }
            if i.consume_shortcut(&command(Key::Z)) {
                found.push(Command::Undo);
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
                found.push(by_week(-7));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
                found.push(by_week(7));
            }
            if let Some(id) = selected_session
                && i.consume_key(Modifiers::NONE, Key::Delete)
            {
                found.push(Command::Edit(Edit::RemoveSession(id)));
            }
        });
        self.commands.extend(found);
    }
}
