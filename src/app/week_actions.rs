//! The week's menu at work: Copy week, Paste week here, Repeat this week, and week
//! templates — the commands the menu and its windows push, and the windows while open.
//!
//! Each gesture that changes the plan is one [`Edit::Batch`] from
//! [`crate::core::week_copy`], applied through the history like any edit, so one Ctrl+Z
//! takes the whole of it back; its message says what was added, left out and kept beside.
//! Templates are small files in the data folder, listed when a window opens and written
//! when Save is pressed: a few kilobytes, read and written in the frame.

use std::path::PathBuf;

use eframe::egui;
use jiff::civil::Date;

use super::notices::Level;
use super::repeat_week::{self, RepeatDraft};
use super::save_template::{self, SaveDraft};
use super::templates_window::{self, ApplyArgs, ApplyDraft};
use super::week_menu::{Copied, WeekMenuArgs};
use super::{Command, RunweekApp, format};
use crate::core::week::Week;
use crate::core::week_copy::{self, Fill, PlaceError, Placement, Repeat, WeekPattern};
use crate::file::template::{self, Template};

/// What the week's menu asks for. Each names a week by one of its days.
#[derive(Debug, Clone, PartialEq)]
pub enum WeekCommand {
    /// Keeps the week's sessions as planned, to paste onto another week.
    Copy(Date),
    /// Puts the copied week on this week, beside its sessions: one undo step.
    Paste(Date),
    OpenRepeat(Date),
    Repeat {
        week: Date,
        repeat: Repeat,
    },
    OpenSaveTemplate(Date),
    SaveTemplate {
        week: Date,
        name: String,
        description: String,
        /// Replace a template of the same name.
        replace: bool,
    },
    OpenApplyTemplate(Date),
    ApplyTemplate {
        name: String,
        pattern: WeekPattern,
        week: Date,
        fill: Fill,
    },
}

/// The week's menu's own state in the workspace.
#[derive(Debug, Default)]
pub struct WeekTools {
    /// The week copied last.
    pub copied: Option<Copied>,
    pub repeat: Option<RepeatDraft>,
    pub save: Option<SaveDraft>,
    pub apply: Option<ApplyDraft>,
    /// Where the runner's templates are kept, when not in the data folder (tests).
    pub templates_dir: Option<PathBuf>,
}

impl WeekTools {
    /// What the week's menu needs to show.
    pub fn menu_args(&self) -> WeekMenuArgs<'_> {
        WeekMenuArgs {
            copied: self.copied.as_ref(),
        }
    }
}

impl RunweekApp {
    /// Keeps week templates in `dir` instead of the data folder's `templates/`.
    pub fn set_templates_folder(&mut self, dir: PathBuf) {
        self.work.week_tools.templates_dir = Some(dir);
    }

    fn templates_dir(&self) -> Option<PathBuf> {
        self.work
            .week_tools
            .templates_dir
            .clone()
            .or_else(|| self.files.data_dir().map(|d| d.join(template::FOLDER)))
    }

    fn week_of(&self, day: Date) -> Week {
        Week::containing(day, self.doc.plan().settings.week_start)
    }

    pub(super) fn run_week(&mut self, command: WeekCommand) {
        match command {
            WeekCommand::Copy(day) => {
                let week = self.week_of(day);
                let pattern = WeekPattern::of_week(self.doc.plan(), week);
                let from = format::day_short(week.start());
                if pattern.is_empty() {
                    self.notices.push(
                        Level::Refused,
                        format!("The week of {from} has no sessions to copy."),
                    );
                    return;
                }
                self.notices.push(
                    Level::Info,
                    format!(
                        "Copied the week of {from}: {} as planned. Go to another week and right-click its dates › Paste week here.",
                        format::week_copy::sessions(pattern.len())
                    ),
                );
                self.work.week_tools.copied = Some(Copied {
                    from: week.start(),
                    pattern,
                });
            }
            WeekCommand::Paste(day) => {
                let Some(copied) = self.work.week_tools.copied.clone() else {
                    self.notices.push(
                        Level::Refused,
                        "Copy a week first: right-click its dates › Copy week.",
                    );
                    return;
                };
                let week = self.week_of(day);
                let placed = week_copy::paste(
                    self.doc.plan(),
                    &copied.pattern,
                    week,
                    self.today,
                    Fill::Add,
                );
                self.put_on_plan("Pasted", placed);
            }
            WeekCommand::OpenRepeat(day) => {
                self.work.week_tools.repeat = Some(RepeatDraft::new(day));
            }
            WeekCommand::Repeat { week: day, repeat } => {
                let week = self.week_of(day);
                let placed = week_copy::repeat(self.doc.plan(), week, repeat, self.today);
                let change = match repeat.change_pct() {
                    0 => String::new(),
                    pct => format!(" ({pct:+} % a week)"),
                };
                let done = format!(
                    "Repeated the week of {}{change}:",
                    format::day_short(week.start())
                );
                self.put_on_plan(&done, placed);
            }
            WeekCommand::OpenSaveTemplate(day) => {
                let dir = self.templates_dir();
                let listed = template::list(dir.as_deref());
                self.work.week_tools.save = Some(SaveDraft::new(day, listed, dir));
            }
            WeekCommand::SaveTemplate {
                week: day,
                name,
                description,
                replace,
            } => self.save_template(day, name, description, replace),
            WeekCommand::OpenApplyTemplate(day) => {
                let dir = self.templates_dir();
                let listed = template::list(dir.as_deref());
                self.work.week_tools.apply = Some(ApplyDraft::new(day, listed, dir));
            }
            WeekCommand::ApplyTemplate {
                name,
                pattern,
                week: day,
                fill,
            } => {
                let week = self.week_of(day);
                let placed = week_copy::paste(self.doc.plan(), &pattern, week, self.today, fill);
                self.put_on_plan(&format!("Applied “{name}”:"), placed);
            }
        }
    }

    /// Applies a placement as one undo step and says what it did, or why nothing changed.
    fn put_on_plan(&mut self, done: &str, placed: Result<Placement, PlaceError>) {
        let placement = match placed {
            Ok(placement) if placement.is_empty() => {
                self.notices
                    .push(Level::Refused, format::week_copy::nothing(&placement));
                return;
            }
            Ok(placement) => placement,
            Err(e) => {
                self.notices
                    .push(Level::Refused, format::week_copy::refused(&e));
                return;
            }
        };
        self.leave_editor();
        let message = format::week_copy::applied(done, &placement);
        if self.apply(placement.edit) {
            self.notices
                .push(Level::Info, format!("{message} Ctrl+Z undoes it."));
        }
    }

    fn save_template(&mut self, day: Date, name: String, description: String, replace: bool) {
        let dir = self.templates_dir();
        let listed = template::list(dir.as_deref());
        let target = match template::save_target(&name, &listed, dir.as_deref()) {
            Ok(target) if target.replaces.is_some() && !replace => {
                self.notices.push(
                    Level::Refused,
                    format!(
                        "A template called “{}” is already there: tick “Replace it” to replace it.",
                        name.trim()
                    ),
                );
                return;
            }
            Ok(target) => target,
            Err(why) => {
                self.notices.push(
                    Level::Refused,
                    format!("The template was not saved: {why}."),
                );
                return;
            }
        };
        let week = self.week_of(day);
        let pattern = WeekPattern::of_week(self.doc.plan(), week);
        if pattern.is_empty() {
            self.notices.push(
                Level::Refused,
                format!(
                    "The week of {} has no sessions to keep as a template.",
                    format::day_short(week.start())
                ),
            );
            return;
        }
        let count = pattern.len();
        let template = Template {
            name: name.trim().to_owned(),
            description,
            pattern,
        };
        match template::save(&target.path, &template) {
            Ok(_) => {
                self.notices.push(
                    Level::Info,
                    format!(
                        "Saved the template “{}”: {}, in {}.",
                        template.name,
                        format::week_copy::sessions(count),
                        target.path.display()
                    ),
                );
                self.work.week_tools.save = None;
            }
            Err(e) => self
                .notices
                .push(Level::Error, format!("The template was not saved: {e}")),
        }
    }

    /// The week menu's windows, while open.
    pub(super) fn week_windows(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let plan = self.doc.plan();
        let tools = &mut self.work.week_tools;
        if let Some(draft) = &mut tools.repeat
            && !repeat_week::repeat_week_window(ctx, draft, plan, self.today, out)
        {
            tools.repeat = None;
        }
        if let Some(draft) = &mut tools.save
            && !save_template::save_template_window(ctx, draft, plan, out)
        {
            tools.save = None;
        }
        let args = ApplyArgs {
            plan,
            today: self.today,
        };
        if let Some(draft) = &mut tools.apply
            && !templates_window::templates_window(ctx, draft, &args, out)
        {
            tools.apply = None;
        }
    }
}
