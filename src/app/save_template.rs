//! "Save week as template…": a name and a description for the week's sessions as planned,
//! kept in the app's data folder. An empty name, or the name of a template runweek ships,
//! is refused; a name already used asks before replacing that template.

use std::path::PathBuf;

use eframe::egui::{self, Key, RichText, TextEdit};
use jiff::civil::Date;

use super::theme;
use super::week_menu::week_window;
use super::{Command, WeekCommand, format};
use crate::core::plan::Plan;
use crate::core::week::Week;
use crate::core::week_copy::WeekPattern;
use crate::file::template::{self, Listed};

/// The window's fields, until Save or Cancel.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveDraft {
    /// A day of the week to save.
    pub week: Date,
    pub name: String,
    pub description: String,
    /// The runner agreed to replace the template of the same name.
    pub replace: bool,
    /// The templates there are, to find a clash as the name is typed.
    pub listed: Vec<Listed>,
    /// The folder templates are kept in; `None` when this computer has none.
    pub folder: Option<PathBuf>,
}

impl SaveDraft {
    pub fn new(week: Date, listed: Vec<Listed>, folder: Option<PathBuf>) -> SaveDraft {
        SaveDraft {
            week,
            name: String::new(),
            description: String::new(),
            replace: false,
            listed,
            folder,
        }
    }
}

/// The window; returns whether it stays open. Save pushes the command and leaves the
/// window open: the shell closes it once the file is written.
pub fn save_template_window(
    ctx: &egui::Context,
    draft: &mut SaveDraft,
    plan: &Plan,
    out: &mut Vec<Command>,
) -> bool {
    let week = Week::containing(draft.week, plan.settings.week_start);
    let mut keep = true;
    let mut open = true;
    week_window(ctx, "Save week as template", "runweek save template", 440.0, 100.0, &mut open)
        .show(ctx, |ui| {
            let pattern = WeekPattern::of_week(plan, week);
            ui.label(
                RichText::new(format!(
                    "The week of {}: {}",
                    format::day_short(week.start()),
                    format::week_copy::sessions(pattern.len())
                ))
                .strong(),
            );
            ui.add(
                egui::Label::new(
                    RichText::new(
                        "Kept by weekday: kind, title, minutes, distance, planned RPE and key. Done marks and notes stay with the week.",
                    )
                    .weak(),
                )
                .wrap(),
            );
            ui.add_space(4.0);
            let label = ui.label("Name");
            let name = ui
                .add(
                    TextEdit::singleline(&mut draft.name)
                        .desired_width(f32::INFINITY)
                        .hint_text("e.g. Marathon peak week"),
                )
                .labelled_by(label.id);
            if ui.memory(|m| m.focused().is_none()) && draft.name.is_empty() {
                name.request_focus();
                // A window's first frame only measures it: the focus shows on the next.
                ui.ctx().request_repaint();
            }
            let label = ui.label("Description");
            ui.add(
                TextEdit::multiline(&mut draft.description)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .hint_text("What the week is for, where it comes from"),
            )
            .labelled_by(label.id);
            let target =
                template::save_target(&draft.name, &draft.listed, draft.folder.as_deref());
            let mut can_save = !pattern.is_empty();
            if pattern.is_empty() {
                problem(ui, "This week has no sessions to keep.");
            }
            match &target {
                Ok(target) => {
                    if let Some(old) = &target.replaces {
                        ui.label(format!("A template called “{old}” is already there."));
                        ui.checkbox(&mut draft.replace, "Replace it");
                        can_save &= draft.replace;
                    }
                    ui.label(
                        RichText::new(format!("Kept as {}", target.path.display()))
                            .small()
                            .weak(),
                    );
                }
                // Nothing typed yet needs no red words: the hint says what to do.
                Err(_) if draft.name.trim().is_empty() => can_save = false,
                Err(why) => {
                    problem(ui, &format!("{}.", capitalised(why)));
                    can_save = false;
                }
            }
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let save = ui.add_enabled(can_save, egui::Button::new(RichText::new("Save").strong()));
                if save.clicked() {
                    out.push(Command::Week(WeekCommand::SaveTemplate {
                        week: week.start(),
                        name: draft.name.trim().to_owned(),
                        description: draft.description.trim().to_owned(),
                        replace: draft.replace,
                    }));
                }
                if ui.button("Cancel").clicked() {
                    keep = false;
                }
            });
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                keep = false;
            }
        });
    keep && open
}

fn problem(ui: &mut egui::Ui, text: &str) {
    let color = theme::error_color(ui);
    ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
