//! The import's windows: the preview of what each file will do, with Import and Cancel, and
//! the typed paths for when no file dialog can be shown.

use eframe::egui::{self, Key, RichText};

use crate::activity_file::Prepared;
use crate::app::Command;
use crate::core::settings::Units;
use crate::present::activity as words;

use super::ImportCommand;

/// The preview: one line per activity (date, sport, minutes, distance, average HR, what will
/// happen) and one per file that could not be read.
pub(super) fn preview_window(
    ctx: &egui::Context,
    prepared: &Prepared,
    units: Units,
    out: &mut Vec<Command>,
) {
    let mut open = true;
    egui::Window::new("Import activities")
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(720.0)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 80.0))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.6)
                .show(ui, |ui| {
                    egui::Grid::new("import preview")
                        .striped(true)
                        .num_columns(7)
                        .spacing([12.0, 4.0])
                        .show(ui, |ui| {
                            for head in ["File", "Start", "Sport", "Time", "Distance", "HR", ""] {
                                ui.label(RichText::new(head).strong());
                            }
                            ui.end_row();
                            for row in &prepared.rows {
                                let a = &row.activity;
                                ui.label(file_name(&row.path));
                                ui.label(words::start(a));
                                ui.label(a.sport.label());
                                ui.label(words::minutes(a));
                                ui.label(words::distance(a, units));
                                ui.label(words::avg_hr(a));
                                ui.label(words::action(row.action));
                                ui.end_row();
                            }
                        });
                    for (path, why) in &prepared.errors {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            format!("{}: {why}", file_name(path)),
                        );
                    }
                });
            ui.add_space(6.0);
            if !prepared.changes_anything {
                ui.label("Nothing here changes the plan.");
            }
            ui.horizontal(|ui| {
                let import = ui.add_enabled(
                    prepared.changes_anything,
                    egui::Button::new(RichText::new("Import").strong()),
                );
                if import
                    .on_hover_text("One step: Ctrl+Z undoes the whole import")
                    .clicked()
                {
                    out.push(Command::Import(ImportCommand::Apply(prepared.edit.clone())));
                }
                if ui.button("Cancel").clicked() {
                    out.push(Command::Import(ImportCommand::Cancel));
                }
            });
        });
    if !open || ctx.input(|i| i.key_pressed(Key::Escape)) {
        out.push(Command::Import(ImportCommand::Cancel));
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The typed paths, one per line; returns whether to keep it open.
pub(super) fn prompt_window(
    ctx: &egui::Context,
    text: &mut String,
    reason: Option<&str>,
    focus: &mut bool,
    out: &mut Vec<Command>,
) -> bool {
    let mut keep = true;
    let mut open = true;
    egui::Window::new("Import activities by path")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 120.0))
        .show(ctx, |ui| {
            if let Some(reason) = reason {
                ui.add(egui::Label::new(reason).wrap());
                ui.add_space(4.0);
            }
            let label = ui.label("Paths of the activity files (.fit, .gpx, .tcx), one per line");
            let field = ui
                .add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY)
                        .hint_text("~/Downloads/morning-run.fit"),
                )
                .labelled_by(label.id);
            // The field takes the keys from the moment it opens (the menu that opened it
            // may still hold the focus), and again whenever nothing else has it.
            if std::mem::take(focus) || ui.memory(|m| m.focused().is_none()) {
                field.request_focus();
            }
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let paths: Vec<std::path::PathBuf> = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(expand_home)
                    .collect();
                let read = ui.add_enabled(
                    !paths.is_empty(),
                    egui::Button::new(RichText::new("Read files").strong()),
                );
                if read.clicked() {
                    out.push(Command::Import(ImportCommand::Read(paths)));
                    keep = false;
                }
                if ui.button("Cancel").clicked() {
                    keep = false;
                }
            });
        });
    if ctx.input(|i| i.key_pressed(Key::Escape)) {
        keep = false;
    }
    keep && open
}

/// `~/run.fit` as the shell would read it.
fn expand_home(text: &str) -> std::path::PathBuf {
    match (text.strip_prefix("~/"), std::env::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => std::path::PathBuf::from(text),
    }
}
