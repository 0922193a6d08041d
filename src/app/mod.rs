//! The window: the week grid, the side panel for the selected day, the files.
//!
//! # Ground, workspace and derived state
//!
//! - `document` — the plan, its history and its file: the only owner of the training data.
//! - `workspace` — what the runner is doing: the selection, the editor's draft, a
//!   proposal on show, the panels' own state.
//! - `derived` — what the views show, computed from the document once per revision.
//! - `files` and `saving` — the plan on disk: one writer, typed results, and what the
//!   window does with them.
//!
//! # How a change flows
//!
//! Components read the plan, the derived state and the workspace, and push [`Command`]
//! values; after the pass, [`RunweekApp`] runs them (`commands`). That is the only place
//! the plan changes, and every change goes through `Document::apply`, so each
//! gesture (a drop, an Apply, an accepted proposal) is one undo step and a refused edit
//! changes nothing.
//!
//! # Where components plug in
//!
//! - A day's badge (the readiness verdict): filled in the view model
//!   ([`week_view::DayView::badge`]); the grid draws it under the day's header.
//! - A day's panel (the readiness check-in): one call in `RunweekApp::side_panel`,
//!   between the day's header and its sessions.
//! - A proposal (the re-planner): push [`Command::ShowPreview`] with a [`Preview`]; the grid
//!   shows the week as proposed and Accept applies it as one `Edit::Batch`.
//!   [`Command::Replan`] asks the re-planner first; its offers ([`replan_panel`]) sit above
//!   the grid, where the proposal then shows.
//! - A panel of its own (charts): one `egui::Panel` in [`RunweekApp::show`], declared
//!   before the central panel; whether it is open is a flag in [`Prefs`] (kept in eframe's
//!   storage), toggled from a button in `top_bar`.

mod badge;
mod block_chip;
mod block_view;
pub mod charts;
mod commands;
mod day_panel;
mod derived;
mod document;
mod export_window;
mod exporting;
mod field;
mod files;
mod format;
mod import;
mod layout;
mod mark_done;
mod notices;
mod notices_strip;
mod picture;
pub mod preview;
mod readiness_panel;
mod recent;
mod repeat_week;
pub mod replan_panel;
mod review_panel;
mod save_template;
mod saving;
mod session_card;
mod session_editor;
mod settings;
mod shortcuts;
mod start;
mod summary;
mod templates_window;
mod theme;
mod top_bar;
mod verdict_settings;
mod week_actions;
mod week_grid;
mod week_menu;
pub mod week_view;
mod windows;
mod workspace;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use eframe::egui::{self, Ui};
use jiff::civil::Date;

use crate::core::history::History;
use crate::core::plan::Plan;
use crate::core::session::SessionId;
use crate::core::week::Week;

pub use block_view::View;
pub use commands::{Command, FileCommand};
pub use files::{HOME_PLAN, Purpose};
pub use import::{ImportCommand, Importer};
pub use notices::Level;
pub use preview::Preview;
pub use settings::ThemeChoice;
pub use start::{demo_around, run};
pub use week_actions::WeekCommand;
pub use workspace::Prefs;

use derived::Derived;
use document::Document;
use files::Files;
use notices::Notices;
use workspace::{PREFS_KEY, Workspace};

/// The app's id: its window class and the name of its data folder.
pub const APP_ID: &str = "runweek";

/// What is being dragged on the grid: one session, from its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DragSession {
    pub id: SessionId,
    pub from: Date,
}

/// The runweek window.
pub struct RunweekApp {
    doc: Document,
    work: Workspace,
    derived: Derived,
    files: Files,
    notices: Notices,
    /// A problem that needs reading before anything else (a file that would not open).
    error: Option<String>,
    /// Save as chose a folder that does not exist: the path, to offer creating it.
    folder_missing: Option<PathBuf>,
    /// A Save as on its way to the writer: its path becomes the plan's home once written.
    save_as: Option<PathBuf>,
    prefs: Prefs,
    commands: Vec<Command>,
    today: Date,
    /// Whether `today` follows the clock (false when a test injected it).
    follow_clock: bool,
    clock_checked: Option<Instant>,
    title: String,
    /// When the process started, to log the time to the first frame (`RUNWEEK_STARTUP_LOG`).
    startup: Option<Instant>,
    frames: u64,
    /// Whether the app's text sizes were set on the context.
    styled: bool,
    /// Whether the platform clears the window to the panel colour (`clear_color`), so that
    /// the panels leave out their fill (`layout`) and the hidden first frame is empty (`start`).
    cleared_to_panel: bool,
    /// Activities from the watch on their way in.
    import: Importer,
    /// File › Export… and what it started.
    exporter: exporting::Exporter,
    /// Whether Help › Keyboard shortcuts is open.
    shortcuts_open: bool,
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
        RunweekApp::with(Document::new(plan, path, stamp), Files::new(None), today)
    }

    fn with(doc: Document, files: Files, today: Date) -> RunweekApp {
        RunweekApp {
            doc,
            work: Workspace::new(today),
            derived: Derived::default(),
            files,
            notices: Notices::default(),
            error: None,
            folder_missing: None,
            save_as: None,
            prefs: Prefs::default(),
            commands: Vec::new(),
            today,
            follow_clock: false,
            clock_checked: None,
            title: String::new(),
            startup: None,
            frames: 0,
            styled: false,
            cleared_to_panel: false,
            import: Importer::default(),
            exporter: exporting::Exporter::default(),
            shortcuts_open: false,
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
        let start = start::open_at_start(file, prefs.last_file.clone(), data_dir.as_deref(), today);
        let mut doc = Document::new(start.plan, start.path.clone(), start.stamp);
        let mut files = Files::new(data_dir);
        if start.unsaved {
            doc.mark_unsaved();
            files.changed();
        }
        let mut app = RunweekApp::with(doc, files, today);
        app.follow_clock = true;
        app.prefs = Prefs {
            last_file: start.path,
            ..prefs
        };
        app.error = start.error;
        if let Some(info) = start.info {
            let level = if info == start::WELCOME {
                Level::Guide
            } else {
                Level::Info
            };
            app.notices.push(level, info);
        }
        app.say_what_saving_changes();
        app.startup = startup;
        cc.egui_ctx.set_theme(app.prefs.theme.preference());
        theme::apply_style(&cc.egui_ctx);
        app.styled = true;
        app.cleared_to_panel = true;
        app
    }

    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    pub fn history(&self) -> &History {
        self.doc.history()
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
        Week::containing(self.work.selected_day, self.doc.plan().settings.week_start)
    }

    /// Whether the plan has changes that are not on disk yet.
    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// The import of activities: whether a preview is on show or a worker is busy.
    pub fn importer(&self) -> &Importer {
        &self.import
    }

    /// The window title as last sent.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Queues a command as if a component had pushed it (for components outside this
    /// module, and tests).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
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
        self.watch_the_file(&ctx);
        self.shortcuts(&ctx);
        let week = self.week();
        let changes = self.doc.take_changes();
        self.derived.update(&derived::Inputs {
            plan: self.doc.plan(),
            rev: self.doc.rev(),
            changes,
            today: self.today,
            week,
            selected_day: self.work.selected_day,
            shown: self.work.preview.as_ref(),
            charts_open: self.prefs.charts,
            block: self.block_on_show(),
        });
        // The views read the derived state while the workspace is theirs to change.
        let derived = std::mem::take(&mut self.derived);
        let mut out = std::mem::take(&mut self.commands);
        let grid_rect = derived
            .week_view()
            .map(|view| self.panels(ui, view, &derived, &mut out));
        self.derived = derived;
        self.exporter.week_rect = grid_rect;
        self.windows(&ctx, &mut out);
        if let Some(grid_rect) = grid_rect {
            self.notices.ui(ui, grid_rect);
        }

        out.append(&mut self.commands);
        let ran = !out.is_empty();
        for command in out {
            self.run(&ctx, command);
        }
        if ran {
            ctx.request_repaint();
        }
        self.autosave(&ctx);
        self.remember_recent();
        self.update_title(&ctx);
        self.log_startup(&ctx);
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.doc.is_dirty() { "*" } else { "" };
        let title = format!("{mark}{} — runweek", self.doc.name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
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
                if self.work.selected_day == self.today {
                    self.work.selected_day = now;
                }
                self.today = now;
            }
        }
    }
}

impl eframe::App for RunweekApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        if self.is_hidden_first_frame(ui.ctx()) {
            return;
        }
        self.exporter.render_state = frame.wgpu_render_state().cloned();
        if ui.input(|i| i.viewport().close_requested()) {
            self.flush_on_exit();
        }
        self.show_in_window(ui);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }

    fn on_exit(&mut self) {
        // The close request already saved; this catches an exit that came another way.
        self.flush_on_exit();
    }
}
