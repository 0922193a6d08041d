//! The window: the week grid, the side panel for the selected day, the files.
//!
//! # How a change flows
//!
//! Components read the plan and the UI state and push [`Command`] values; after the pass,
//! [`RunweekApp`] runs them. That is the only place the plan changes, and every change goes
//! through [`History::apply`], so each gesture (a drop, an Apply, an accepted proposal) is
//! one undo step and a refused edit changes nothing.
//!
//! # Where components plug in
//!
//! - A day's badge (the readiness verdict): fill [`week_view::DayView::badge`] in
//!   [`RunweekApp::week_view`]; the grid draws it under the day's header.
//! - A day's panel (the readiness check-in): one call in `RunweekApp::side_panel`,
//!   between the day's header and its sessions.
//! - A proposal (the re-planner): push [`Command::ShowPreview`] with a [`Preview`]; the grid
//!   shows the week as proposed and Accept applies it as one `Edit::Batch`.
//!   [`Command::Replan`] asks the re-planner first; its offers ([`replan_panel`]) sit above
//!   the grid, where the proposal then shows.
//! - A panel of its own (charts): one `egui::Panel` in [`RunweekApp::show`], declared
//!   before the central panel; whether it is open is a flag in [`Prefs`] (kept in eframe's
//!   storage), toggled from a button in `top_bar`.
//!
//! # The week view is cached
//!
//! A frame must stay cheap with ten years of history open, so the derived week
//! ([`week_view::WeekView`]) is built when the plan revision, the week or a preview changes,
//! never per frame.

pub mod charts;
mod day_panel;
mod files;
mod format;
mod notices;
pub mod preview;
mod readiness_panel;
pub mod replan_panel;
mod session_card;
mod session_editor;
mod settings;
mod summary;
mod theme;
mod top_bar;
mod verdict_settings;
mod week_grid;
pub mod week_view;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers, RichText, Ui};
use jiff::civil::{Date, date};
use serde::{Deserialize, Serialize};

use crate::core::day;
use crate::core::edit::Edit;
use crate::core::history::History;
use crate::core::plan::Plan;
use crate::core::session::SessionId;
use crate::core::settings::WeekStart;
use crate::core::week::{Week, days_between};
use crate::file;

pub use files::{HOME_PLAN, Purpose};
pub use notices::Level;
pub use preview::Preview;
pub use settings::ThemeChoice;

use files::{Files, Outcome, PathPrompt, Stamp};
use notices::Notices;
use session_editor::Draft;
use settings::SettingsDraft;
use top_bar::FileState;
use week_view::WeekView;

/// The app's id: its window class and the name of its data folder.
pub const APP_ID: &str = "runweek";

/// What is being dragged on the grid: one session, from its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DragSession {
    pub id: SessionId,
    pub from: Date,
}

/// Something the runner asked for, run after the frame by [`RunweekApp`].
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A change to the plan: one undo step.
    Edit(Edit),
    /// Adds a new session from the editor (its id is made unique first) and selects it.
    AddSession(crate::core::session::Session),
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
    Save,
    /// After a conflict: show the file as the other program left it.
    ReloadTheirs,
    /// After a conflict: write the plan on screen over the file.
    KeepMine,
}

/// Preferences of this computer, kept in eframe's storage (never the training data).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The plan to open on the next start.
    pub last_file: Option<PathBuf>,
    pub theme: ThemeChoice,
    /// Whether the charts panel is open.
    pub charts: bool,
}

const PREFS_KEY: &str = "runweek";

/// The key of the cached week view: it is rebuilt when any of these change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ViewKey {
    rev: u64,
    week: Week,
    preview: bool,
}

/// A proposal on show, with the plan as it would be.
struct Shown {
    preview: Preview,
    proposed: Plan,
}

/// The runweek window.
pub struct RunweekApp {
    plan: Plan,
    history: History,
    /// Bumped on every change to the plan; keys the caches and tells "unsaved".
    rev: u64,
    today: Date,
    /// Whether `today` follows the clock (false when a test injected it).
    follow_clock: bool,
    clock_checked: Option<Instant>,
    selected_day: Date,
    selected_session: Option<SessionId>,
    editor: Option<Draft>,
    settings: Option<SettingsDraft>,
    preview: Option<Shown>,
    /// The re-plan and push offers of the selected day, worked out once per change.
    replan: replan_panel::ReplanPanel,
    /// The readiness check-in of the selected day: its moment, "Why?", the numbers typed.
    readiness: readiness_panel::ReadinessPanel,
    /// The charts panel: its cached metrics and zoom.
    charts: charts::ChartsState,
    view: Option<(ViewKey, WeekView)>,
    files: Files,
    notices: Notices,
    /// A problem that needs reading before anything else (a file that would not open).
    error: Option<String>,
    prefs: Prefs,
    commands: Vec<Command>,
    title: String,
    /// When the process started, to log the time to the first frame (`RUNWEEK_STARTUP_LOG`).
    startup: Option<Instant>,
    frames: u64,
    /// Whether the app's text sizes were set on the context.
    styled: bool,
}

impl RunweekApp {
    /// A window on `plan`, without storage and with `today` fixed: for tests and benchmarks.
    /// With a `path`, the plan autosaves there like any open file.
    pub fn new_with(plan: Plan, path: Option<PathBuf>, today: Date) -> RunweekApp {
        let stamp = path
            .as_deref()
            .and_then(|p| files::load(p).ok())
            .filter(|(on_disk, _)| *on_disk == plan)
            .map(|(_, stamp)| stamp);
        let clean = stamp.is_some() || path.is_none();
        let mut app = RunweekApp::with_files(plan, Files::new(path, None, stamp), today);
        if !clean {
            app.rev = 1;
        }
        app
    }

    fn with_files(plan: Plan, files: Files, today: Date) -> RunweekApp {
        RunweekApp {
            plan,
            history: History::default(),
            rev: 0,
            today,
            follow_clock: false,
            clock_checked: None,
            selected_day: today,
            selected_session: None,
            editor: None,
            settings: None,
            preview: None,
            replan: replan_panel::ReplanPanel::default(),
            readiness: readiness_panel::ReadinessPanel::default(),
            charts: charts::ChartsState::default(),
            view: None,
            files,
            notices: Notices::default(),
            error: None,
            prefs: Prefs::default(),
            commands: Vec::new(),
            title: String::new(),
            startup: None,
            frames: 0,
            styled: false,
        }
    }

    /// The window as started by `runweek [FILE]`: FILE, else the last plan, else the demo
    /// plan around the current week, kept in the app's data folder.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        file: Option<PathBuf>,
        today: Date,
        startup: Option<Instant>,
    ) -> RunweekApp {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        let data_dir = eframe::storage_dir(APP_ID);
        let start = open_at_start(file, prefs.last_file.clone(), data_dir.as_deref(), today);
        let mut app = RunweekApp::with_files(
            start.plan,
            Files::new(start.path.clone(), data_dir, start.stamp),
            today,
        );
        if start.unsaved {
            app.rev = 1;
            app.files.changed_at = Some(Instant::now());
        }
        app.follow_clock = true;
        app.prefs = Prefs {
            last_file: start.path,
            ..prefs
        };
        app.error = start.error;
        if let Some(info) = start.info {
            app.notices.push(Level::Info, info);
        }
        app.startup = startup;
        cc.egui_ctx.set_theme(app.prefs.theme.preference());
        theme::apply_style(&cc.egui_ctx);
        app.styled = true;
        app
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The messages on show, oldest first.
    pub fn notices(&self) -> impl Iterator<Item = (Level, &str)> {
        self.notices.iter().map(|n| (n.level, n.text.as_str()))
    }

    /// The error on show, if any (a file that would not open).
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The week on show.
    pub fn week(&self) -> Week {
        Week::containing(self.selected_day, self.plan.settings.week_start)
    }

    /// Whether the plan has changes that are not on disk yet.
    pub fn is_dirty(&self) -> bool {
        self.rev != self.files.saved_rev
    }

    /// Queues a command as if a component had pushed it (for components outside this
    /// module, and tests).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The cached view of the shown week (built when the plan, the week or a proposal
    /// changed).
    pub fn week_view(&mut self) -> &WeekView {
        let week = self.week();
        let key = ViewKey {
            rev: self.rev,
            week,
            preview: self.preview.is_some(),
        };
        if self.view.as_ref().is_none_or(|(k, _)| *k != key) {
            let view = match &self.preview {
                Some(shown) => WeekView::build(
                    &shown.proposed,
                    week,
                    Some((&self.plan, &shown.preview.notes)),
                ),
                None => WeekView::build(&self.plan, week, None),
            };
            self.view = Some((key, view));
        }
        match &self.view {
            Some((_, view)) => view,
            None => unreachable!("the view was just built"),
        }
    }

    /// One frame of the window, without the platform around it (also what the benchmark
    /// and the UI tests run).
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.styled {
            // Built without a creation context (tests, benchmarks): style from the next frame.
            theme::apply_style(&ctx);
            self.styled = true;
            ctx.request_repaint();
        }
        self.refresh_today();
        for outcome in self.files.poll() {
            self.handle_outcome(&ctx, outcome);
        }
        self.shortcuts(&ctx);
        self.week_view();
        let Some((key, view)) = self.view.take() else {
            return;
        };
        let mut out = std::mem::take(&mut self.commands);

        let file_name = self.files.name();
        let bar = top_bar::TopBarArgs {
            week: view.week,
            anchor: self.selected_day,
            today: self.today,
            can_undo: self.history.can_undo(),
            can_redo: self.history.can_redo(),
            file_name: &file_name,
            file_path: self.files.path.as_deref(),
            file_state: self.file_state(),
            home_plan: self.files.is_home_plan(),
            charts_open: self.prefs.charts,
        };
        egui::Panel::top("top bar").show(ui, |ui| top_bar::top_bar_ui(ui, &bar, &mut out));
        egui::Panel::bottom("week summary").show(ui, |ui| {
            ui.add_space(2.0);
            summary::summary_ui(ui, &view, self.plan.settings.units);
            ui.add_space(2.0);
        });
        if self.prefs.charts {
            let args = charts::ChartsArgs {
                plan: &self.plan,
                rev: self.rev,
                today: self.today,
                week: view.week,
            };
            // Half the window at first: the grid stays usable above it.
            let half = (ui.available_height() * 0.5).max(300.0);
            egui::Panel::bottom("charts")
                .resizable(true)
                .default_size(half)
                .size_range(160.0..=1200.0)
                .show(ui, |ui| {
                    charts::charts_ui(ui, &mut self.charts, &args, &mut out)
                });
        }
        egui::Panel::right("day panel")
            .resizable(true)
            .default_size(330.0)
            .size_range(270.0..=560.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink(false)
                    .show(ui, |ui| self.side_panel(ui, &view, &mut out));
            });
        let grid_rect = egui::CentralPanel::default()
            .show(ui, |ui| {
                if let Some(shown) = &self.preview {
                    preview::banner_ui(ui, &shown.preview, &mut out);
                    ui.add_space(4.0);
                } else {
                    // Where the proposal will show: a re-plan on a bad day or after a
                    // missed session, a longer session on a Push day.
                    let offer = replan_panel::OfferArgs {
                        plan: &self.plan,
                        rev: self.rev,
                        today: self.today,
                        selected_day: self.selected_day,
                    };
                    replan_panel::replan_offer_ui(ui, &mut self.replan, &offer, &mut out);
                }
                let args = week_grid::GridArgs {
                    view: &view,
                    today: self.today,
                    units: self.plan.settings.units,
                    selected_session: self.selected_session,
                    selected_day: self.selected_day,
                    preview_notes: self.preview.as_ref().map(|s| &s.preview.notes),
                };
                week_grid::week_grid_ui(ui, &args, &mut out);
            })
            .response
            .rect;
        self.view = Some((key, view));

        self.windows(&ctx, &mut out);
        self.notices.ui(ui, grid_rect);

        out.append(&mut self.commands);
        let ran = !out.is_empty();
        for command in out {
            self.run(&ctx, command);
        }
        if ran {
            ctx.request_repaint();
        }
        self.autosave(&ctx);
        self.update_title(&ctx);
        self.log_startup(&ctx);
    }

    /// The selected day's panel: its header, then (for components about a day) their
    /// part, then its sessions and the editor.
    fn side_panel(&mut self, ui: &mut Ui, view: &WeekView, out: &mut Vec<Command>) {
        let Some(day) = view.day(self.selected_day) else {
            return;
        };
        let args = day_panel::DayPanelArgs {
            day,
            today: self.today,
            units: self.plan.settings.units,
            selected_session: self.selected_session,
        };
        day_panel::day_header_ui(ui, &args);
        ui.separator();
        let readiness = readiness_panel::ReadinessArgs {
            plan: &self.plan,
            date: day.date,
            today: self.today,
            assessment: &day.assessment,
            session_open: self.editor.is_some(),
        };
        readiness_panel::readiness_ui(ui, &mut self.readiness, &readiness, out);
        ui.separator();
        if day_panel::sessions_ui(ui, &args, self.editor.as_mut(), out) {
            out.push(Command::CloseEditor);
        }
    }

    /// Windows over the panels: settings, the typed path, a conflict, an error.
    fn windows(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        if let Some(draft) = &mut self.settings
            && !settings::settings_window(ctx, draft, &self.plan, self.prefs.theme, out)
        {
            self.settings = None;
        }
        if let Some(prompt) = &mut self.files.prompt {
            let mut keep = true;
            path_prompt_window(ctx, prompt, &mut keep, out);
            if !keep {
                self.files.prompt = None;
            }
        }
        if let Some(conflict) = &self.files.conflict {
            conflict_modal(ctx, conflict, out);
        }
        if let Some(error) = &self.error {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading("That did not work");
                ui.add(egui::Label::new(error.as_str()).wrap());
                ui.add_space(6.0);
                if ui.button("OK").clicked() {
                    close = true;
                }
            });
            if close || ctx.input(|i| i.key_pressed(Key::Escape)) {
                self.error = None;
            }
        }
    }

    fn file_state(&self) -> FileState {
        if self.files.path.is_none() {
            FileState::NoFile
        } else if self.files.conflict.is_some() {
            FileState::Conflict
        } else if self.files.saving.is_some() {
            FileState::Saving
        } else if self.is_dirty() {
            FileState::Unsaved
        } else {
            FileState::Saved
        }
    }

    /// Keyboard shortcuts. Undo and the arrows are left to a text field being typed in.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
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
                found.push(Command::ShowWeekOf(crate::core::week::add_days(
                    self.selected_day,
                    -7,
                )));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
                found.push(Command::ShowWeekOf(crate::core::week::add_days(
                    self.selected_day,
                    7,
                )));
            }
            if let Some(id) = self.selected_session
                && i.consume_key(Modifiers::NONE, Key::Delete)
            {
                found.push(Command::Edit(Edit::RemoveSession(id)));
            }
        });
        self.commands.extend(found);
    }

    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Edit(edit) => {
                self.apply(edit);
            }
            Command::AddSession(mut session) => {
                if self.plan.session(session.id).is_some() {
                    session.id = self.plan.next_id();
                }
                let id = session.id;
                // The draft is about to become the session: no need to apply it on leaving.
                self.editor = None;
                if self.apply(Edit::AddSession(session)) {
                    self.select_session(id);
                }
            }
            Command::Undo => {
                if self.history.undo(&mut self.plan) {
                    self.changed();
                } else {
                    self.notices.push(Level::Info, "Nothing to undo.");
                }
            }
            Command::Redo => {
                if self.history.redo(&mut self.plan) {
                    self.changed();
                } else {
                    self.notices.push(Level::Info, "Nothing to redo.");
                }
            }
            Command::SelectDay(date) => {
                self.leave_editor();
                self.selected_day = date;
                self.selected_session = None;
            }
            Command::SelectSession(id) => {
                if self.selected_session == Some(id) && self.editor.is_some() {
                    return;
                }
                self.leave_editor();
                self.select_session(id);
            }
            Command::NewSession(date) => {
                self.leave_editor();
                self.selected_day = date;
                self.selected_session = None;
                self.editor = Some(Draft::new_on(
                    date,
                    self.plan.next_id(),
                    self.plan.settings.units,
                ));
            }
            Command::CloseEditor => {
                self.leave_editor();
                self.selected_session = None;
            }
            Command::DiscardDraft => {
                self.editor = None;
                self.selected_session = None;
            }
            Command::Duplicate(id) => {
                if let Some(original) = self.plan.session(id) {
                    let mut copy = original.clone();
                    copy.id = self.plan.next_id();
                    copy.done = None;
                    let new_id = copy.id;
                    self.leave_editor();
                    if self.apply(Edit::AddSession(copy)) {
                        self.select_session(new_id);
                    }
                }
            }
            Command::ShowWeekOf(date) => {
                self.leave_editor();
                // Only the years a plan may hold: the calendar's ends would fold a week.
                self.selected_day = date.clamp(day::FIRST, day::LAST);
                self.selected_session = None;
            }
            Command::Refuse(why) => self.notices.push(Level::Refused, why),
            Command::File(file_command) => self.run_file(ctx, file_command),
            Command::OpenSettings => {
                self.settings = Some(SettingsDraft::of(&self.plan, self.today));
            }
            Command::SetTheme(choice) => {
                self.prefs.theme = choice;
                ctx.set_theme(choice.preference());
            }
            Command::ShowPreview(preview) => {
                let mut proposed = self.plan.clone();
                match proposed.apply(Edit::Batch(preview.edits.clone())) {
                    Ok(()) => {
                        self.leave_editor();
                        self.preview = Some(Shown { preview, proposed });
                    }
                    Err(e) => self
                        .notices
                        .push(Level::Error, format!("The proposal cannot be shown: {e}")),
                }
            }
            Command::AcceptPreview => {
                if let Some(shown) = self.preview.take()
                    && self.apply(Edit::Batch(shown.preview.edits))
                {
                    self.notices.push(
                        Level::Info,
                        format!("Applied: {}. Ctrl+Z undoes it.", shown.preview.title),
                    );
                }
            }
            Command::DiscardPreview => self.preview = None,
            Command::Replan(ask) => match replan_panel::propose(&self.plan, self.today, &ask) {
                Ok(preview) => self.run(ctx, Command::ShowPreview(preview)),
                Err(nothing) => self.notices.push(Level::Info, nothing),
            },
            Command::ToggleCharts => self.prefs.charts = !self.prefs.charts,
        }
    }

    /// Applies an edit as one undo step, or says why not.
    fn apply(&mut self, edit: Edit) -> bool {
        if let Some(why) = self.refusal(&edit) {
            self.notices.push(Level::Refused, why);
            return false;
        }
        match self.history.apply(&mut self.plan, edit) {
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
        let before = self.plan.session(id)?;
        (before.date != to && to < self.today).then(|| {
            format!(
                "Not moved: {} is a past day. A session still to run goes on today or later; \
                 log it as done to record it on a past day.",
                format::day_short(to)
            )
        })
    }

    /// After any change to the plan: bump the revision and bring the selection, the editor
    /// and a proposal in line with the plan as it now is.
    fn changed(&mut self) {
        self.rev += 1;
        self.files.changed_at = Some(Instant::now());
        let units = self.plan.settings.units;
        if let Some(draft) = &self.editor {
            match self.plan.session(draft.id()) {
                Some(session) if draft.is_new || session != draft.base() => {
                    let session = session.clone();
                    self.editor = Some(Draft::edit(&session, units));
                    self.selected_session = Some(session.id);
                    self.selected_day = session.date;
                }
                Some(_) => {}
                None if draft.is_new => {}
                None => self.editor = None,
            }
        }
        if let Some(id) = self.selected_session {
            match self.plan.session(id) {
                Some(s) => self.selected_day = s.date,
                None => self.selected_session = None,
            }
        }
        // A proposal was made for the plan as it was; after any other change it is stale.
        if self.preview.take().is_some() {
            self.notices.push(
                Level::Info,
                "The proposal was put away because the plan changed.",
            );
        }
    }

    fn select_session(&mut self, id: SessionId) {
        if let Some(session) = self.plan.session(id) {
            self.selected_session = Some(id);
            self.selected_day = session.date;
            self.editor = Some(Draft::edit(session, self.plan.settings.units));
        }
    }

    /// Leaves the editor as focus leaving a field would: what was typed is applied if it is
    /// valid, and the runner is told either way.
    fn leave_editor(&mut self) {
        let Some(draft) = self.editor.take() else {
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

    fn run_file(&mut self, ctx: &egui::Context, command: FileCommand) {
        match command {
            FileCommand::Dialog(purpose) => {
                if purpose == Purpose::SaveAs {
                    // "Save mine as…" answers a conflict; should the dialog be cancelled,
                    // the next save finds the conflict again and asks again.
                    self.files.conflict = None;
                }
                if self.files.dialog_open {
                    self.notices
                        .push(Level::Info, "A file dialog is already open.");
                } else {
                    self.files.start_dialog(ctx, purpose);
                }
            }
            FileCommand::Prompt(purpose) => {
                self.files.prompt = Some(PathPrompt {
                    purpose,
                    text: self.suggested_path(purpose),
                    reason: None,
                });
            }
            FileCommand::Chosen(purpose, path) => self.chosen(ctx, purpose, path),
            FileCommand::Save => match &self.files.path {
                None => self.run_file(ctx, FileCommand::Dialog(Purpose::SaveAs)),
                Some(_) if self.files.conflict.is_some() => {}
                Some(_) if self.files.saving.is_some() => {}
                Some(path) => {
                    if self.is_dirty() {
                        self.files
                            .start_save(ctx, self.plan.clone(), self.rev, false);
                    } else {
                        let text = format!("Saved: {}", path.display());
                        self.notices.push(Level::Info, text);
                    }
                }
            },
            FileCommand::ReloadTheirs => {
                if let Some(conflict) = self.files.conflict.take() {
                    match conflict.theirs {
                        Ok((plan, stamp)) => {
                            self.replace_plan(plan, conflict.path, stamp);
                            self.notices.push(
                                Level::Info,
                                "Showing the file as the other program left it.",
                            );
                        }
                        Err(e) => {
                            self.files.conflict = None;
                            self.error = Some(format!("The changed file cannot be read:\n{e}"));
                        }
                    }
                }
            }
            FileCommand::KeepMine => {
                if self.files.conflict.take().is_some() {
                    self.files
                        .start_save(ctx, self.plan.clone(), self.rev, true);
                }
            }
        }
    }

    fn suggested_path(&self, purpose: Purpose) -> String {
        // The data folder is runweek's own; the runner's plans live elsewhere.
        let dir = if self.files.is_home_plan() || self.files.path.is_none() {
            std::env::home_dir()
        } else {
            self.files
                .path
                .as_deref()
                .and_then(|p| p.parent())
                .map(std::path::Path::to_owned)
        }
        .map(|d| d.display().to_string())
        .unwrap_or_default();
        let name = match purpose {
            Purpose::Open => return with_dir(&dir, ""),
            Purpose::SaveAs => self.files.name(),
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
            .find(|path| !std::path::Path::new(path).exists())
            .unwrap_or_else(|| with_dir(&dir, &name))
    }

    fn chosen(&mut self, ctx: &egui::Context, purpose: Purpose, path: PathBuf) {
        match purpose {
            Purpose::Open => {
                if self.files.path.as_ref() == Some(&path) && !self.is_dirty() {
                    self.notices
                        .push(Level::Info, format!("{} is already open.", path.display()));
                    return;
                }
                self.files.start_load(ctx, path);
            }
            Purpose::SaveAs => {
                self.files.path = Some(path.clone());
                self.files.stamp = None;
                self.prefs.last_file = Some(path);
                self.files
                    .start_save(ctx, self.plan.clone(), self.rev, true);
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
                    self.plan.settings.clone(),
                    self.plan.availability.clone(),
                    Vec::new(),
                    Vec::new(),
                )
                .unwrap_or_default();
                self.replace_plan_unsaved(plan, path);
                self.notices.push(
                    Level::Info,
                    "A new, empty plan. Add sessions with “+” on a day.",
                );
            }
        }
    }

    /// Saves the plan on screen before another one replaces it. Returns false (and says
    /// why) when it could not be saved, so that nothing is lost.
    fn flush_before_switching(&mut self) -> bool {
        for outcome in self.files.finish_saving(Duration::from_secs(5)) {
            self.note_save(outcome);
        }
        if !self.is_dirty() || self.files.path.is_none() {
            return true;
        }
        match self.files.save_now(&self.plan, self.rev) {
            Ok(message) => {
                if message.contains("kept by runweek") {
                    self.notices.push(Level::Info, message);
                }
                true
            }
            Err(e) => {
                self.error = Some(format!(
                    "The plan on screen could not be saved, so it stays open:\n{e}\nUse File › Save as… to keep it elsewhere."
                ));
                false
            }
        }
    }

    /// Records what a save that finished while waiting did.
    fn note_save(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Saved {
                path,
                rev,
                result: Ok(stamp),
            } if Some(&path) == self.files.path.as_ref() => {
                self.files.stamp = Some(stamp);
                self.files.saved_rev = rev;
            }
            Outcome::Saved { result: Err(e), .. } => {
                self.notices
                    .push(Level::Error, format!("Could not save: {e}"));
            }
            Outcome::Conflict(c) if Some(&c.path) == self.files.path.as_ref() => {
                self.files.conflict = Some(c);
            }
            _ => {}
        }
    }

    fn handle_outcome(&mut self, ctx: &egui::Context, outcome: Outcome) {
        match outcome {
            Outcome::Picked {
                purpose,
                path,
                unavailable,
            } => {
                self.files.dialog_open = false;
                match path {
                    Some(path) => self.chosen(ctx, purpose, path),
                    None if unavailable => {
                        self.files.prompt = Some(PathPrompt {
                            purpose,
                            text: self.suggested_path(purpose),
                            reason: Some(
                                "No file dialog could be shown here (it needs the desktop portal or zenity). Type the path instead."
                                    .to_owned(),
                            ),
                        });
                    }
                    None => {}
                }
            }
            Outcome::Loaded { path, result } => {
                self.files.loading = false;
                match result {
                    Ok((plan, stamp)) => {
                        if self.flush_before_switching() {
                            self.replace_plan(plan, path.clone(), stamp);
                            self.notices
                                .push(Level::Info, format!("Opened {}", path.display()));
                        }
                    }
                    Err(e) => {
                        self.error = Some(format!(
                            "This plan could not be opened:\n\n{e}\n\nThe plan on screen is unchanged."
                        ));
                    }
                }
            }
            Outcome::Saved {
                path,
                rev,
                result: Ok(stamp),
            } => {
                self.files.saving = None;
                if Some(&path) == self.files.path.as_ref() {
                    self.files.stamp = Some(stamp);
                    self.files.saved_rev = rev;
                    self.prefs.last_file = Some(path);
                }
            }
            Outcome::Saved {
                path,
                result: Err(e),
                ..
            } => {
                self.files.saving = None;
                if Some(&path) == self.files.path.as_ref() {
                    // Try again later rather than every frame.
                    self.files.changed_at = Some(Instant::now() + Duration::from_secs(10));
                    self.notices
                        .push(Level::Error, format!("Could not save: {e}"));
                }
            }
            Outcome::Conflict(conflict) => {
                self.files.saving = None;
                if Some(&conflict.path) == self.files.path.as_ref() {
                    self.files.conflict = Some(conflict);
                }
            }
        }
    }

    /// Another plan from disk replaces the one on screen.
    fn replace_plan(&mut self, plan: Plan, path: PathBuf, stamp: Stamp) {
        self.replace_plan_unsaved(plan, path);
        self.files.stamp = Some(stamp);
        self.files.saved_rev = self.rev;
    }

    fn replace_plan_unsaved(&mut self, plan: Plan, path: PathBuf) {
        self.plan = plan;
        self.history.clear();
        self.rev += 1;
        self.files.changed_at = Some(Instant::now());
        self.files.path = Some(path.clone());
        self.files.stamp = None;
        self.files.conflict = None;
        self.prefs.last_file = Some(path);
        self.selected_day = self.today;
        self.selected_session = None;
        self.editor = None;
        self.preview = None;
        self.view = None;
    }

    /// Saves a while after the last change, on a worker thread.
    fn autosave(&mut self, ctx: &egui::Context) {
        let files = &self.files;
        if !self.is_dirty()
            || files.path.is_none()
            || files.saving.is_some()
            || files.conflict.is_some()
            // While the runner picks where to save, the file must not be written (or a
            // conflict raised again) behind the dialog.
            || files.prompt.is_some()
            || files.dialog_open
            || files.loading
        {
            return;
        }
        let since = files.changed_at.map_or(files::AUTOSAVE_AFTER, |t| {
            Instant::now().saturating_duration_since(t)
        });
        if since < files::AUTOSAVE_AFTER {
            ctx.request_repaint_after(files::AUTOSAVE_AFTER - since);
            return;
        }
        self.files
            .start_save(ctx, self.plan.clone(), self.rev, false);
    }

    /// Saves what is unsaved before the process ends; never loses the runner's changes.
    fn flush_on_exit(&mut self) {
        for outcome in self.files.finish_saving(Duration::from_secs(5)) {
            self.note_save(outcome);
        }
        if !self.is_dirty() {
            return;
        }
        if self.files.path.is_none()
            && let Some(dir) = &self.files.data_dir
        {
            let name = jiff::Zoned::now()
                .strftime("plan %Y-%m-%d %H%M%S.ron")
                .to_string();
            self.files.path = Some(dir.join(name));
        }
        if let Some(dir) = self.files.path.as_deref().and_then(|p| p.parent()) {
            let _ = std::fs::create_dir_all(dir);
        }
        match self.files.save_now(&self.plan, self.rev) {
            Ok(message) => {
                self.prefs.last_file = self.files.path.clone();
                if message.contains("kept by runweek") {
                    eprintln!("runweek: {message}");
                }
            }
            // The window is going away: the terminal is the last place to say it.
            Err(e) => eprintln!("runweek: your last changes could not be saved: {e}"),
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.is_dirty() { "*" } else { "" };
        let title = format!("{mark}{} — runweek", self.files.name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last sent.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Keeps `today` right when the app stays open past midnight.
    fn refresh_today(&mut self) {
        if !self.follow_clock {
            return;
        }
        let due = self
            .clock_checked
            .is_none_or(|t| t.elapsed() > Duration::from_secs(60));
        if due {
            self.clock_checked = Some(Instant::now());
            let now = jiff::Zoned::now().date();
            if now != self.today {
                if self.selected_day == self.today {
                    self.selected_day = now;
                }
                self.today = now;
                self.view = None;
            }
        }
    }

    fn log_startup(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if let Some(started) = self.startup
            && self.frames <= 2
        {
            // The first pass builds the first frame; asking for another one at once makes
            // the second pass start right after the first frame was presented.
            if self.frames == 1 {
                ctx.request_repaint();
            }
            let unix = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64());
            let what = if self.frames == 1 {
                "built"
            } else {
                "presented"
            };
            eprintln!(
                "runweek: first frame {what} {:.1} ms after start (unix time {unix:.3})",
                started.elapsed().as_secs_f64() * 1000.0
            );
            if self.frames == 2 {
                self.startup = None;
            }
        }
    }
}

impl eframe::App for RunweekApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        if ui.input(|i| i.viewport().close_requested()) {
            self.flush_on_exit();
        }
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }

    fn on_exit(&mut self) {
        // The close request already saved; this catches an exit that came another way.
        self.flush_on_exit();
    }
}

/// The typed-path window.
fn path_prompt_window(
    ctx: &egui::Context,
    prompt: &mut PathPrompt,
    keep: &mut bool,
    out: &mut Vec<Command>,
) {
    let title = match prompt.purpose {
        Purpose::Open => "Open a plan by path",
        Purpose::SaveAs => "Save the plan as",
        Purpose::New => "Create a new plan",
    };
    let mut open = true;
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 120.0))
        .show(ctx, |ui| {
            if let Some(reason) = &prompt.reason {
                ui.add(egui::Label::new(reason.as_str()).wrap());
                ui.add_space(4.0);
            }
            let label = ui.label("Path of the plan file (.ron)");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut prompt.text)
                        .desired_width(f32::INFINITY)
                        .hint_text("~/training/plan.ron"),
                )
                .labelled_by(label.id);
            // Read Enter before taking the focus back: Enter is what gave it up.
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                *keep = false;
            } else if !entered && ui.memory(|m| m.focused().is_none()) {
                field.request_focus();
            }
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let go = ui.button(RichText::new(prompt.purpose.verb()).strong());
                if (go.clicked() || entered) && !prompt.text.trim().is_empty() {
                    out.push(Command::File(FileCommand::Chosen(
                        prompt.purpose,
                        expand_home(prompt.text.trim()),
                    )));
                    *keep = false;
                }
                if ui.button("Cancel").clicked() {
                    *keep = false;
                }
            });
        });
    if !open {
        *keep = false;
    }
}

/// `name` in the folder `dir`, as a path to type.
fn with_dir(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}{}{name}", std::path::MAIN_SEPARATOR)
    }
}

/// `~/plan.ron` as the shell would read it.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(text),
    }
}

fn conflict_modal(ctx: &egui::Context, conflict: &files::Conflict, out: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("conflict")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("The plan file was changed by another program");
        ui.add(
            egui::Label::new(format!(
                "{} changed on disk after runweek last read or wrote it. Your latest changes are not saved yet, and runweek will not overwrite the file without asking.",
                conflict.path.display()
            ))
            .wrap(),
        );
        if let Err(e) = &conflict.theirs {
            ui.add(egui::Label::new(format!("The file as it is now cannot be read: {e}")).wrap());
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if conflict.theirs.is_ok()
                && ui
                    .button("Reload theirs")
                    .on_hover_text("Show the file as it is now; your unsaved changes are dropped")
                    .clicked()
            {
                out.push(Command::File(FileCommand::ReloadTheirs));
            }
            if ui
                .button("Keep mine")
                .on_hover_text("Write the plan on screen over the file")
                .clicked()
            {
                out.push(Command::File(FileCommand::KeepMine));
            }
            if ui
                .button("Save mine as…")
                .on_hover_text("Keep both: your plan goes to a new file")
                .clicked()
            {
                out.push(Command::File(FileCommand::Dialog(Purpose::SaveAs)));
            }
        });
    });
}

/// What the window opens on.
struct Start {
    plan: Plan,
    path: Option<PathBuf>,
    stamp: Option<Stamp>,
    /// The plan is not on disk yet (the demo, a new file).
    unsaved: bool,
    error: Option<String>,
    info: Option<String>,
}

/// FILE if given (a new plan if it does not exist yet), else the last plan, else the plan in
/// the data folder, else the demo plan around `today`. A file that fails to open is
/// reported and never overwritten: the demo then opens under a new name.
fn open_at_start(
    file: Option<PathBuf>,
    last: Option<PathBuf>,
    data_dir: Option<&std::path::Path>,
    today: Date,
) -> Start {
    let given = file.is_some();
    let mut error = None;
    // A FILE that fails to open falls back to the last plan, so that the next plain start
    // still opens the runner's own plan rather than a fresh demo.
    let fallback = if given { last.clone() } else { None };
    if let Some(path) = file.or(last) {
        if given && !path.exists() {
            return Start {
                plan: Plan::default(),
                path: Some(path.clone()),
                stamp: None,
                unsaved: true,
                error: None,
                info: Some(format!(
                    "{} is a new plan: add sessions with “+” on a day.",
                    path.display()
                )),
            };
        }
        match files::load(&path) {
            Ok((plan, stamp)) => {
                return Start {
                    plan,
                    path: Some(path),
                    stamp: Some(stamp),
                    unsaved: false,
                    error: None,
                    info: None,
                };
            }
            Err(e) => {
                error = Some(e.to_string());
            }
        }
    }
    let home = data_dir.map(|d| d.join(HOME_PLAN));
    let own_plans = fallback
        .into_iter()
        .chain(home.clone().filter(|h| h.exists()));
    for path in own_plans {
        if let Ok((plan, stamp)) = files::load(&path) {
            return Start {
                error: error.map(|e| {
                    format!(
                        "This plan could not be opened, so {} is shown instead:\n\n{e}\n\n\
                         The file was left as it is.",
                        path.display()
                    )
                }),
                plan,
                path: Some(path),
                stamp: Some(stamp),
                unsaved: false,
                info: None,
            };
        }
    }
    let error = error.map(|e| {
        format!(
            "This plan could not be opened, so the demo plan is shown instead:\n\n{e}\n\n\
             The file was left as it is."
        )
    });
    // The demo plan goes into the data folder, under a name nothing else uses.
    let path = home.map(|home| {
        if home.exists() {
            let name = jiff::Zoned::now()
                .strftime("plan %Y-%m-%d %H%M%S.ron")
                .to_string();
            home.with_file_name(name)
        } else {
            home
        }
    });
    if let Some(dir) = path.as_deref().and_then(|p| p.parent()) {
        let _ = std::fs::create_dir_all(dir);
    }
    let info = error.is_none().then(|| {
        "Welcome: this is a demo plan around this week. Drag sessions, edit them, or start your own with File › New plan…"
            .to_owned()
    });
    Start {
        plan: demo_around(today),
        path,
        stamp: None,
        unsaved: true,
        error,
        info,
    }
}

/// The demo plan moved by whole weeks so that its middle week holds `today`.
pub fn demo_around(today: Date) -> Plan {
    let Ok(demo) = file::demo() else {
        return Plan::default();
    };
    // The demo was written around Wednesday 25 November 2026.
    let reference = Week::containing(date(2026, 11, 25), WeekStart::Monday).start();
    let now = Week::containing(today, WeekStart::Monday).start();
    demo.shifted_by_weeks(days_between(reference, now) / 7)
}

/// Opens the window. `startup` is when the process started, to log the time to the first
/// frame when `RUNWEEK_STARTUP_LOG` is set.
///
/// # Errors
/// The window could not be opened (no display, no graphics).
pub fn run(file: Option<PathBuf>, startup: Instant) -> Result<(), String> {
    let today = jiff::Zoned::now().date();
    let log = std::env::var_os("RUNWEEK_STARTUP_LOG").is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("runweek")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 600.0])
            .with_icon(icon()),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            close_on_termination(&cc.egui_ctx);
            Ok(Box::new(RunweekApp::new(
                cc,
                file,
                today,
                log.then_some(startup),
            )))
        }),
    )
    .map_err(|e| format!("the window could not be opened: {e}"))
}

/// A termination signal (a logout, `kill`, Ctrl+C in the terminal) closes the window as
/// its close button would, so the last edits and the app's memory are saved rather than
/// lost with the process.
#[cfg(unix)]
fn close_on_termination(ctx: &egui::Context) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) else {
        // Without the handler the default applies: the process ends, as it would anyway.
        return;
    };
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        for _ in signals.forever() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx.request_repaint();
        }
    });
}

#[cfg(not(unix))]
fn close_on_termination(_ctx: &egui::Context) {}

/// The window icon: seven day columns, the middle one today's, drawn rather than decoded
/// so that starting needs no image file.
fn icon() -> egui::IconData {
    const SIZE: u32 = 64;
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    for y in 0..SIZE {
        for x in 0..SIZE {
            let inside = (4..60).contains(&x) && (4..60).contains(&y);
            let column = (x.saturating_sub(8)) / 7;
            let in_bar = inside && x >= 8 && (x - 8) % 7 < 5 && column < 7;
            let height = [30, 44, 22, 38, 18, 26, 48][column.min(6) as usize];
            let pixel = if in_bar && y >= 56 - height && y < 56 {
                if column == 3 {
                    [0xE6, 0x9F, 0x00, 0xFF]
                } else {
                    [0xFF, 0xFF, 0xFF, 0xFF]
                }
            } else if inside {
                [0x00, 0x72, 0xB2, 0xFF]
            } else {
                [0, 0, 0, 0]
            };
            rgba.extend_from_slice(&pixel);
        }
    }
    egui::IconData {
        rgba,
        width: SIZE,
        height: SIZE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("runweek-start-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn the_first_start_opens_the_demo_around_today_in_the_data_folder() {
        let dir = temp_dir("first");
        let start = open_at_start(None, None, Some(&dir), date(2026, 12, 9));
        assert_eq!(start.path, Some(dir.join(HOME_PLAN)));
        assert!(start.unsaved && start.error.is_none());
        // Two weeks later than the demo's own "today": every session two weeks on.
        let first = start.plan.sessions()[0].date;
        assert_eq!(first, date(2026, 11, 30));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_later_start_opens_the_last_plan_and_a_broken_one_is_left_alone() {
        let dir = temp_dir("later");
        let good = dir.join("good.ron");
        let mut plan = demo_around(date(2026, 11, 25));
        plan.settings.fitness_days = 40;
        file::save(&good, &plan).expect("save");
        let start = open_at_start(None, Some(good.clone()), Some(&dir), date(2026, 11, 25));
        assert_eq!(start.path.as_ref(), Some(&good));
        assert_eq!(start.plan.settings.fitness_days, 40);
        assert!(!start.unsaved);

        let broken = dir.join("broken.ron");
        std::fs::write(&broken, "(version: 1, sessions: [oops])").expect("write");
        let start = open_at_start(Some(broken.clone()), None, Some(&dir), date(2026, 11, 25));
        let error = start.error.expect("the error is shown");
        assert!(error.contains("broken.ron:1:"), "{error}");
        assert_ne!(start.path.as_ref(), Some(&broken), "never autosaved over");
        assert_eq!(
            std::fs::read_to_string(&broken).expect("read"),
            "(version: 1, sessions: [oops])"
        );

        // With a last plan to fall back on, that plan opens, not a fresh demo.
        let start = open_at_start(
            Some(broken.clone()),
            Some(good.clone()),
            Some(&dir),
            date(2026, 11, 25),
        );
        assert_eq!(start.path.as_ref(), Some(&good));
        assert_eq!(start.plan.settings.fitness_days, 40);
        let error = start.error.expect("the error is still shown");
        assert!(error.contains("good.ron is shown instead"), "{error}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_that_does_not_exist_yet_starts_a_new_plan_there() {
        let dir = temp_dir("new");
        let path = dir.join("mine.ron");
        let start = open_at_start(Some(path.clone()), None, Some(&dir), date(2026, 11, 25));
        assert_eq!(start.path, Some(path));
        assert!(start.unsaved && start.plan.sessions().is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
