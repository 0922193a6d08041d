//! The week's menu: Copy week, Paste week here, Repeat this week for N weeks…, Save week as
//! template… and Apply template…. It opens on a right-click on the week's dates and from
//! Edit › Week; anything that names a week (a row of weeks) can show it with
//! [`week_menu_ui`].
//!
//! The menu only pushes commands; the shell puts the sessions on the plan, one undo step
//! per gesture.

use eframe::egui::{self, Button, Ui};
use jiff::civil::Date;

use super::{Command, WeekCommand, format};
use crate::core::week_copy::WeekPattern;

/// A week copied with Copy week, until another is copied.
#[derive(Debug, Clone, PartialEq)]
pub struct Copied {
    /// The first day of the week it was copied from.
    pub from: Date,
    pub pattern: WeekPattern,
}

/// What the menu needs besides the week it is about.
#[derive(Debug, Clone, Copy, Default)]
pub struct WeekMenuArgs<'a> {
    /// The week copied last, if any: Paste week here puts it on the week.
    pub copied: Option<&'a Copied>,
}

/// The menu's entries for the week that starts on `week_start`; call it inside a context
/// menu or a menu button.
pub fn week_menu_ui(
    ui: &mut Ui,
    week_start: Date,
    args: &WeekMenuArgs<'_>,
    out: &mut Vec<Command>,
) {
    let week = format::day_short(week_start);
    if ui
        .button("Copy week")
        .on_hover_text(format!(
            "Keep the sessions of the week of {week} as planned, to paste onto another week"
        ))
        .clicked()
    {
        out.push(Command::Week(WeekCommand::Copy(week_start)));
    }
    let paste_hover = args.copied.map_or_else(String::new, |copied| {
        format!(
            "Add the {} of the week of {} beside this week's sessions, each on its weekday, as planned: done marks stay behind",
            format::week_copy::sessions(copied.pattern.len()),
            format::day_short(copied.from)
        )
    });
    let paste = ui
        .add_enabled(args.copied.is_some(), Button::new("Paste week here"))
        .on_hover_text(paste_hover)
        .on_disabled_hover_text("Copy a week first");
    if paste.clicked() {
        out.push(Command::Week(WeekCommand::Paste(week_start)));
    }
    ui.separator();
    if ui
        .button("Repeat this week for N weeks…")
        .on_hover_text("Copy this week onto the weeks after it, with a weekly change in minutes")
        .clicked()
    {
        out.push(Command::Week(WeekCommand::OpenRepeat(week_start)));
    }
    ui.separator();
    if ui
        .button("Save week as template…")
        .on_hover_text("Keep this week's sessions by name, to put on any week later")
        .clicked()
    {
        out.push(Command::Week(WeekCommand::OpenSaveTemplate(week_start)));
    }
    if ui
        .button("Apply template…")
        .on_hover_text("Put a saved week, or one runweek ships, on this week")
        .clicked()
    {
        out.push(Command::Week(WeekCommand::OpenApplyTemplate(week_start)));
    }
}

/// A window of the week's menu, `below` points under the top of the app's window and
/// anchored by its top: a window that grows (a longer preview) never moves under the
/// pointer.
pub fn week_window<'a>(
    ctx: &egui::Context,
    title: &'static str,
    id: &'static str,
    width: f32,
    below: f32,
    open: &'a mut bool,
) -> egui::Window<'a> {
    egui::Window::new(title)
        .id(egui::Id::unique(id))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .default_width(width)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, below))
}
