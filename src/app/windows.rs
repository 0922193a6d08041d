//! The windows over the panels: settings, the typed path, a conflict with another program,
//! and an error that needs reading before anything else.

use std::path::PathBuf;

use eframe::egui::{self, Key, RichText};

use super::files::{Conflict, PathPrompt, Purpose};
use super::{Command, FileCommand, RunweekApp, format, settings, shortcuts};
use crate::core::merge::Clash;
use crate::core::readiness::ReadinessEntry;
use crate::core::session::{Done, Session};

impl RunweekApp {
    /// Windows over the panels: settings, the typed path, a conflict, an error.
    pub(super) fn windows(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        self.export_frame(ctx);
        if self.shortcuts_open {
            shortcuts::shortcuts_window(ctx, &mut self.shortcuts_open);
        }
        if let Some(draft) = &mut self.work.settings
            && !settings::settings_window(ctx, draft, self.doc.plan(), self.prefs.theme, out)
        {
            self.work.settings = None;
        }
        super::mark_done::mark_done_window(ctx, self.doc.plan(), out);
        self.week_windows(ctx, out);
        if let Some(prompt) = self.files.prompt_mut() {
            let mut keep = true;
            path_prompt_window(ctx, prompt, &mut keep, out);
            if !keep {
                self.files.set_prompt(None);
            }
        }
        self.import_frame(ctx, out);
        if let Some(conflict) = self.files.conflict() {
            conflict_modal(ctx, conflict, out);
        }
        if let Some(error) = &self.error {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading("That did not work");
                ui.add(egui::Label::new(error.as_str()).wrap());
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    if let Some(path) = &self.folder_missing
                        && ui
                            .button("Create the folder and save")
                            .on_hover_text(format!("Save the plan as {}", path.display()))
                            .clicked()
                    {
                        out.push(Command::File(FileCommand::CreateFolderAndSave(
                            path.clone(),
                        )));
                        close = true;
                    }
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                });
            });
            if close || ctx.input(|i| i.key_pressed(Key::Escape)) {
                self.error = None;
                self.folder_missing = None;
            }
        }
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

/// `~/plan.ron` as the shell would read it.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(text),
    }
}

fn conflict_modal(ctx: &egui::Context, conflict: &Conflict, out: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("conflict")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("The plan file was changed by another program");
        let clashes = conflict.merged.as_ref().map_or(&[][..], |m| m.clashes.as_slice());
        if clashes.is_empty() {
            ui.add(
                egui::Label::new(format!(
                    "{} changed on disk after runweek last read or wrote it. Your latest changes are not saved yet, and runweek will not overwrite the file without asking.",
                    conflict.path.display()
                ))
                .wrap(),
            );
        } else {
            ui.add(
                egui::Label::new(format!(
                    "{} changed on disk while you changed the plan here. Everything only one side changed is merged; {} changed on both sides, differently:",
                    conflict.path.display(),
                    if clashes.len() == 1 { "this was" } else { "these were" },
                ))
                .wrap(),
            );
            ui.add_space(4.0);
            egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                egui::Grid::new("clashes").num_columns(3).striped(true).show(ui, |ui| {
                    ui.strong("What");
                    ui.strong("Yours");
                    ui.strong("Theirs");
                    ui.end_row();
                    for clash in clashes {
                        let (what, mine, theirs) = describe(clash);
                        ui.label(what);
                        ui.label(mine);
                        ui.label(theirs);
                        ui.end_row();
                    }
                });
            });
        }
        if let Err(e) = &conflict.theirs {
            ui.add(egui::Label::new(format!("The file as it is now cannot be read: {e}")).wrap());
        }
        ui.add_space(6.0);
        let (theirs_label, mine_label) = if clashes.is_empty() {
            ("Reload theirs", "Keep mine")
        } else {
            ("Take theirs where both changed", "Keep mine where both changed")
        };
        ui.horizontal_wrapped(|ui| {
            if conflict.theirs.is_ok()
                && ui
                    .button(theirs_label)
                    .on_hover_text(if clashes.is_empty() {
                        "Show the file as it is now; your unsaved changes are dropped"
                    } else {
                        "Their version of what both changed; your other changes stay"
                    })
                    .clicked()
            {
                out.push(Command::File(FileCommand::ReloadTheirs));
            }
            if ui
                .button(mine_label)
                .on_hover_text(if clashes.is_empty() {
                    "Write the plan on screen over the file"
                } else {
                    "Your version of what both changed; their other changes come in"
                })
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

/// A clash in words: what it is, and each side's version of it.
fn describe(clash: &Clash) -> (String, String, String) {
    let session = |s: &Option<Session>| {
        s.as_ref().map_or_else(
            || "removed".to_owned(),
            |s| {
                let state = match &s.done {
                    None => "",
                    Some(Done::Skipped) => ", skipped",
                    Some(Done::Done(_)) => ", done",
                };
                format!(
                    "{}, {} min{state}",
                    format::day_short(s.date),
                    s.minutes.get()
                )
            },
        )
    };
    // What was logged, as the plan file names it: every signal and number not left at
    // its default.
    let entry = |r: &Option<ReadinessEntry>| {
        let Some(r) = r else {
            return "removed".to_owned();
        };
        let fields = serde_json::to_value(r).ok();
        let logged: Vec<String> = fields
            .as_ref()
            .and_then(|v| v.as_object())
            .into_iter()
            .flatten()
            .filter(|(k, _)| !matches!(k.as_str(), "date" | "when"))
            .map(|(k, v)| {
                format!(
                    "{k} {}",
                    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
                )
            })
            .collect();
        if logged.is_empty() {
            "all normal".to_owned()
        } else {
            logged.join(", ")
        }
    };
    match clash {
        Clash::Session { mine, theirs, .. } => {
            let title = mine
                .as_ref()
                .or(theirs.as_ref())
                .map_or_else(String::new, |s| s.display_title().to_owned());
            (title, session(mine), session(theirs))
        }
        Clash::Readiness {
            date,
            when,
            mine,
            theirs,
        } => (
            format!("Readiness {:?}, {}", when, format::day_short(*date)),
            entry(mine),
            entry(theirs),
        ),
        Clash::Setting {
            field,
            mine,
            theirs,
        } => (format!("Setting {field}"), mine.clone(), theirs.clone()),
    }
}
