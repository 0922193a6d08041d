//! File › Export…: what to export (this week, a range of days, everything), as what (a
//! calendar, a spreadsheet, a picture of the week), and where.
//!
//! The window only edits its draft and says what the runner asked for; the shell
//! (`exporting`) writes the file. A picture is of the view on screen (the week, or the
//! block in the block view), so it takes no range; in the block view the block's days are
//! offered as a range for the calendar and the spreadsheet too.

use eframe::egui::{self, Key, RichText};
use jiff::civil::Date;

use super::format;
use crate::core::week::Week;

/// Which sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    ThisWeek,
    /// The block on screen, in the block view.
    Block,
    Range,
    Everything,
}

/// As what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum As {
    Calendar,
    Spreadsheet,
    Picture,
}

impl As {
    pub fn extension(self) -> &'static str {
        match self {
            As::Calendar => "ics",
            As::Spreadsheet => "csv",
            As::Picture => "png",
        }
    }

    fn label(self, block: bool) -> &'static str {
        match self {
            As::Calendar => "Calendar (.ics)",
            As::Spreadsheet => "Spreadsheet (.csv)",
            As::Picture if block => "Picture of the block (.png)",
            As::Picture => "Picture of the week (.png)",
        }
    }

    fn hint(self, block: bool) -> &'static str {
        match self {
            As::Picture if block => {
                "The block as it is on screen, in the current theme, at twice the screen's pixel density"
            }
            As::Calendar => {
                "One event per session, for a calendar program; importing a newer export updates the events instead of adding copies"
            }
            As::Spreadsheet => "One row per session with what was planned and what was run",
            As::Picture => {
                "The week as it is on screen, in the current theme, at twice the screen's pixel density"
            }
        }
    }
}

/// The export window's state, until Export or Cancel.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDraft {
    pub what: What,
    pub format: As,
    /// The week on screen when the window opened.
    pub week: Week,
    /// The block's first and last day, when the block view was on screen.
    pub block: Option<(Date, Date)>,
    pub from: Date,
    pub to: Date,
    /// Where to write, as typed or as the file dialog chose it.
    pub path: String,
    /// Why the path is to be typed, when no file dialog could be shown.
    pub note: Option<String>,
}

impl ExportDraft {
    /// The days to export; `None` for everything.
    pub fn range(&self) -> Option<(Date, Date)> {
        match self.what {
            What::ThisWeek => Some((self.week.start(), self.week.end())),
            What::Block => self.block.or(Some((self.week.start(), self.week.end()))),
            What::Range => Some((self.from, self.to)),
            What::Everything => None,
        }
    }

    /// What is wrong with the choice, in a sentence, or `None` when Export can go.
    pub fn problem(&self) -> Option<&'static str> {
        if self.what == What::Range && self.from > self.to && self.format != As::Picture {
            Some("The first day is after the last day.")
        } else if self.path.trim().is_empty() {
            Some("Choose or type where to write the file.")
        } else {
            None
        }
    }
}

/// What the runner asked for in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Nothing,
    /// The native file dialog, to choose where to write.
    Browse,
    Export,
    Close,
}

/// The window. Returns what the runner asked for this frame.
pub fn export_window(ctx: &egui::Context, draft: &mut ExportDraft) -> Asked {
    let mut asked = Asked::Nothing;
    let mut open = true;
    egui::Window::new("Export the plan")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 100.0))
        .show(ctx, |ui| {
            ui.label(RichText::new("Format").strong());
            let block = draft.block.is_some();
            for format in [As::Calendar, As::Spreadsheet, As::Picture] {
                let before = draft.format;
                ui.radio_value(&mut draft.format, format, format.label(block))
                    .on_hover_text(format.hint(block));
                if draft.format != before {
                    draft.path = with_extension(&draft.path, format.extension());
                }
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Sessions").strong());
            let picture = draft.format == As::Picture;
            if let Some((from, to)) = draft.block {
                ui.radio_value(
                    &mut draft.what,
                    What::Block,
                    format!("The block on screen ({})", format::week_range(from, to)),
                );
            }
            ui.add_enabled_ui(!(picture && block), |ui| {
                ui.radio_value(
                    &mut draft.what,
                    What::ThisWeek,
                    format!(
                        "This week ({})",
                        format::week_range(draft.week.start(), draft.week.end())
                    ),
                );
            });
            ui.add_enabled_ui(!picture, |ui| {
                ui.horizontal(|ui| {
                    ui.radio_value(&mut draft.what, What::Range, "From");
                    ui.add(
                        egui_extras::DatePickerButton::new(&mut draft.from).id_salt("export from"),
                    );
                    ui.label("to");
                    ui.add(egui_extras::DatePickerButton::new(&mut draft.to).id_salt("export to"));
                });
                ui.radio_value(&mut draft.what, What::Everything, "The whole plan");
            });
            if picture {
                draft.what = if block { What::Block } else { What::ThisWeek };
                let said = if block {
                    "A picture is of the block on screen."
                } else {
                    "A picture is of the week on screen."
                };
                ui.label(RichText::new(said).small());
            }
            ui.add_space(6.0);
            if let Some(note) = &draft.note {
                ui.add(egui::Label::new(note.as_str()).wrap());
            }
            let label = ui.label(RichText::new("Save to").strong());
            ui.horizontal(|ui| {
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut draft.path)
                            .desired_width(330.0)
                            .hint_text(format!("~/training.{}", draft.format.extension())),
                    )
                    .labelled_by(label.id);
                if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    asked = Asked::Export;
                }
                if ui.button("Choose…").clicked() {
                    asked = Asked::Browse;
                }
            });
            ui.add_space(6.0);
            let problem = draft.problem();
            ui.horizontal(|ui| {
                let export = ui
                    .add_enabled(
                        problem.is_none(),
                        egui::Button::new(RichText::new("Export").strong()),
                    )
                    .on_disabled_hover_text(problem.unwrap_or_default());
                if export.clicked() {
                    asked = Asked::Export;
                }
                if ui.button("Cancel").clicked() {
                    asked = Asked::Close;
                }
            });
            if let Some(problem) = problem.filter(|_| draft.what == What::Range) {
                ui.label(RichText::new(problem).small());
            }
        });
    if asked == Asked::Export && draft.problem().is_some() {
        asked = Asked::Nothing;
    }
    if !open || ctx.input(|i| i.key_pressed(Key::Escape)) {
        asked = Asked::Close;
    }
    asked
}

/// `path` with its extension set to `extension` (a path with none gets it added).
pub fn with_extension(path: &str, extension: &str) -> String {
    let trimmed = path.trim_end();
    if trimmed.is_empty() {
        return String::new();
    }
    let p = std::path::Path::new(trimmed);
    let known = ["ics", "csv", "png"];
    match p.extension().and_then(|e| e.to_str()) {
        Some(e) if known.contains(&e.to_ascii_lowercase().as_str()) => {
            p.with_extension(extension).to_string_lossy().into_owned()
        }
        _ => format!("{trimmed}.{extension}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_follows_the_format() {
        assert_eq!(with_extension("~/a/plan.ics", "csv"), "~/a/plan.csv");
        assert_eq!(with_extension("plan", "png"), "plan.png");
        assert_eq!(with_extension("plan.v2", "ics"), "plan.v2.ics");
        assert_eq!(with_extension("", "ics"), "");
    }
}
