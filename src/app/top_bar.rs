//! The bar across the top: the File and Edit menus, moving between weeks, and where the
//! plan is kept.

use std::path::{Path, PathBuf};

use eframe::egui::{self, Align, Button, Key, KeyboardShortcut, Layout, Modifiers, RichText, Ui};
use jiff::civil::Date;

use super::block_view::View;
use super::week_menu::{WeekMenuArgs, week_menu_ui};
use super::{Command, FileCommand, ImportCommand, Purpose, format};
use crate::core::week::Week;

/// Whether the plan on screen is the plan on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    Saved,
    Unsaved,
    Saving,
    /// The file changed on disk and the runner has not chosen yet.
    Conflict,
    /// No file yet: nothing will be saved until one is chosen.
    NoFile,
}

#[derive(Debug, Clone, Copy)]
pub struct TopBarArgs<'a> {
    pub week: Week,
    pub anchor: Date,
    pub today: Date,
    pub can_undo: bool,
    pub can_redo: bool,
    pub file_name: &'a str,
    pub file_path: Option<&'a Path>,
    pub file_state: FileState,
    /// Whether the plan is the one kept in the app's data folder.
    pub home_plan: bool,
    /// Whether the charts panel is open.
    pub charts_open: bool,
    /// The plans opened last, newest first.
    pub recent: &'a [PathBuf],
    /// What the week's menu shows (Edit › Week, a right-click on the week's dates).
    pub week_menu: WeekMenuArgs<'a>,
    /// In the block view: the block's first and last week.
    pub block: Option<(Week, Week)>,
}

pub fn top_bar_ui(ui: &mut Ui, args: &TopBarArgs<'_>, out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("New plan…").clicked() {
                out.push(Command::File(FileCommand::Dialog(Purpose::New)));
            }
            if ui
                .add(Button::new("Open…").shortcut_text("Ctrl+O"))
                .clicked()
            {
                out.push(Command::File(FileCommand::Dialog(Purpose::Open)));
            }
            if ui.button("Open by path…").clicked() {
                out.push(Command::File(FileCommand::Prompt(Purpose::Open)));
            }
            recent_menu_ui(ui, args, out);
            ui.separator();
            if ui
                .add(Button::new("Save").shortcut_text("Ctrl+S"))
                .clicked()
            {
                out.push(Command::File(FileCommand::Save));
            }
            if ui.button("Save as…").clicked() {
                out.push(Command::File(FileCommand::Dialog(Purpose::SaveAs)));
            }
            if ui.button("Save as by path…").clicked() {
                out.push(Command::File(FileCommand::Prompt(Purpose::SaveAs)));
            }
            ui.separator();
            if ui
                .add(Button::new("Import activities…").shortcut_text("Ctrl+I"))
                .on_hover_text("FIT, GPX or TCX files from the watch; files dropped on the window too")
                .clicked()
            {
                out.push(Command::Import(ImportCommand::Dialog));
            }
            if ui.button("Import activities by path…").clicked() {
                out.push(Command::Import(ImportCommand::Prompt));
            }
            let ctx = ui.ctx().clone();
            let shortcut = |key| ctx.format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key));
            let export = Button::new("Export…").shortcut_text(shortcut(Key::E));
            if ui
                .add(export)
                .on_hover_text("The sessions as a calendar or a spreadsheet, or the week as a picture")
                .clicked()
            {
                out.push(Command::OpenExport);
            }
            ui.separator();
            if ui.add(Button::new("Quit").shortcut_text(shortcut(Key::Q))).clicked() {
                out.push(Command::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            if ui
                .add_enabled(args.can_undo, Button::new("Undo").shortcut_text("Ctrl+Z"))
                .clicked()
            {
                out.push(Command::Undo);
            }
            if ui
                .add_enabled(
                    args.can_redo,
                    Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
                )
                .clicked()
            {
                out.push(Command::Redo);
            }
            ui.separator();
            // Also on a right-click on the week's dates; here too, for whoever looks in the
            // menus first. Not a menu of its own: the bar has no width to spare at 1024.
            ui.menu_button("Week", |ui| {
                week_menu_ui(ui, args.week.start(), &args.week_menu, out);
            });
            ui.separator();
            if ui.button("Settings…").clicked() {
                out.push(Command::OpenSettings);
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard shortcuts").clicked() {
                out.push(Command::ShowShortcuts);
            }
        });
        ui.separator();

        view_toggle_ui(ui, args.block.is_some(), out);
        ui.separator();
        // The arrows move the week on show, or in the block view the block by a week.
        type Go = fn(Date) -> Command;
        let (anchor, shown, go): (Date, (Date, Date), Go) = match args.block {
            Some((first, last)) => (
                first.start(),
                (first.start(), last.end()),
                Command::ShowBlockFrom,
            ),
            None => (
                args.anchor,
                (args.week.start(), args.week.end()),
                Command::ShowWeekOf,
            ),
        };
        let (before, after) = if args.block.is_some() {
            ("The block a week earlier (Left arrow)", "The block a week later (Right arrow)")
        } else {
            ("The week before (Left arrow)", "The week after (Right arrow)")
        };
        // On a small window the arrows go without their words, leaving room for the view
        // toggle and the re-plan button (their names stay for screen readers).
        let (back, on) = if narrow(ui) {
            ("◀", "▶")
        } else {
            ("◀ Previous", "Next ▶")
        };
        let previous = ui.button(back).on_hover_text(before);
        previous
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Previous week"));
        if previous.clicked() {
            out.push(go(crate::core::week::add_days(anchor, -7)));
        }
        let today_shown = (shown.0..=shown.1).contains(&args.today);
        let this_week = ui.add_enabled(!today_shown, Button::new("This week"));
        if this_week
            .on_hover_text(if args.block.is_some() {
                "Start the block with the week of today"
            } else {
                "Back to the week of today"
            })
            .clicked()
        {
            out.push(go(args.today));
        }
        let next = ui.button(on).on_hover_text(after);
        next.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Next week"));
        if next.clicked() {
            out.push(go(crate::core::week::add_days(anchor, 7)));
        }
        let mut picked = anchor;
        let picker = ui
            .add(
                egui_extras::DatePickerButton::new(&mut picked)
                    .id_salt("week picker")
                    .calendar_week(true),
            )
            .on_hover_text(if args.block.is_some() {
                "Start the block with the week of a date"
            } else {
                "Go to the week of a date"
            });
        if picker.changed() && picked != anchor {
            out.push(go(picked));
        }
        let dates = RichText::new(format::week_range(shown.0, shown.1))
            .heading()
            .strong();
        if args.block.is_some() {
            ui.label(dates);
            // The re-planner works on the week on show, which the block view does not show.
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                right_side_ui(ui, args, out);
            });
            return;
        }
        ui.add(egui::Label::new(dates).sense(egui::Sense::click()))
            .on_hover_text("Right-click for the week's menu: copy, paste, repeat, templates")
            .context_menu(|ui| week_menu_ui(ui, args.week.start(), &args.week_menu, out));
        ui.separator();
        // After dragging by hand: the re-planner proposes the rest of the week, and the
        // grid shows it before anything changes.
        let fix = super::replan_panel::Ask::fix_week(args.week, args.today);
        let button = ui
            .add_enabled(fix.is_some(), Button::new("↻ Fix the rest of my week"))
            .on_hover_text(
                "Re-plan the days left in this week so they keep the week's rules and the key sessions; you see the proposal before anything changes",
            )
            .on_disabled_hover_text("This week is over: nothing moves onto a past day");
        button.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, fix.is_some(), "Fix the rest of my week")
        });
        if button.clicked()
            && let Some(ask) = fix
        {
            out.push(Command::Replan(ask));
        }

        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            right_side_ui(ui, args, out);
        });
    });
}

/// Whether the window is too small for the bar's longer words.
fn narrow(ui: &Ui) -> bool {
    ui.ctx().content_rect().width() < 1200.0
}

/// The right end of the bar: settings, charts, the plan's name and whether it is saved.
fn right_side_ui(ui: &mut Ui, args: &TopBarArgs<'_>, out: &mut Vec<Command>) {
    let settings = ui.button("⚙ Settings");
    settings.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Settings"));
    if settings.clicked() {
        out.push(Command::OpenSettings);
    }
    let charts = ui
        .selectable_label(args.charts_open, "Charts")
        .on_hover_text("Show or hide the load and trend charts (Ctrl+L)");
    if charts.clicked() {
        out.push(Command::ToggleCharts);
    }
    let (state, tone) = match args.file_state {
        FileState::Saved => ("saved", ui.visuals().weak_text_color()),
        FileState::Saving => ("saving…", ui.visuals().weak_text_color()),
        // Short on a small window, where the bar has no room to spare.
        FileState::Unsaved if narrow(ui) => ("unsaved", ui.visuals().warn_fg_color),
        FileState::Unsaved => ("unsaved changes", ui.visuals().warn_fg_color),
        FileState::Conflict => ("changed on disk", ui.visuals().error_fg_color),
        FileState::NoFile => ("not saved to a file", ui.visuals().warn_fg_color),
    };
    let where_kept = match (args.file_path, args.home_plan) {
        (Some(path), true) => format!(
            "Kept in the app's data folder:\n{}\nUse File › Save as… to keep it elsewhere.",
            path.display()
        ),
        (Some(path), false) => path.display().to_string(),
        (None, _) => "Use File › Save as… to choose a file.".to_owned(),
    };
    ui.label(RichText::new(state).small().color(tone))
        .on_hover_text(&where_kept);
    // Last, so that on a small window a long name is cut short ("…") rather than run over
    // the re-plan button to its left; the whole name and path are in the hover text.
    ui.add(egui::Label::new(RichText::new(args.file_name).strong()).truncate())
        .on_hover_text(where_kept);
}

/// The week view or the block view, side by side (Ctrl+B switches).
fn view_toggle_ui(ui: &mut Ui, block: bool, out: &mut Vec<Command>) {
    let week = ui
        .selectable_label(!block, "Week")
        .on_hover_text("One week as a grid (Ctrl+B switches)");
    if week.clicked() && block {
        out.push(Command::ShowView(View::Week));
    }
    let weeks = ui
        .selectable_label(block, "Block")
        .on_hover_text("Several weeks as rows, to plan a training block (Ctrl+B switches)");
    if weeks.clicked() && !block {
        out.push(Command::ShowView(View::Block));
    }
}

/// File › Open recent: the last plans, newest first; one that is gone is greyed.
fn recent_menu_ui(ui: &mut Ui, args: &TopBarArgs<'_>, out: &mut Vec<Command>) {
    ui.add_enabled_ui(!args.recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in args.recent {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let there = path.is_file();
                let open = args.file_path == Some(path.as_path());
                let button = ui
                    .add_enabled(there && !open, Button::new(name))
                    .on_hover_text(path.display().to_string())
                    .on_disabled_hover_text(if open {
                        format!("{} is the plan on screen", path.display())
                    } else {
                        format!("{} is no longer there", path.display())
                    });
                if button.clicked() {
                    out.push(Command::File(FileCommand::Chosen(
                        Purpose::Open,
                        path.clone(),
                    )));
                }
            }
        });
    });
}
