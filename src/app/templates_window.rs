//! "Apply template…": the templates runweek ships and the runner's own, each with what it
//! is for; the week to put it on (the shown week to begin with); whether to add to that
//! week's sessions or replace the ones still to run; and a preview line before Apply. A
//! template file that cannot be read is listed with its one-line error.

use std::path::PathBuf;

use eframe::egui::{self, Key, RichText, ScrollArea};
use jiff::civil::Date;

use super::theme;
use super::week_menu::week_window;
use super::{Command, WeekCommand, format};
use crate::core::plan::Plan;
use crate::core::week::{Week, add_days};
use crate::core::week_copy::{self, Fill};
use crate::file::template::Listed;

/// How far below the top of the app's window it opens.
const TOP: f32 = 60.0;
/// The preview's lines: what Apply adds, what is left out, what it goes beside.
const PREVIEW_HEIGHT: f32 = 80.0;

/// The window's choices, until Apply or Cancel.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplyDraft {
    /// A day of the week to put the template on.
    pub week: Date,
    pub listed: Vec<Listed>,
    /// The chosen template's place in `listed`.
    pub chosen: Option<usize>,
    pub fill: Fill,
    /// Where the runner's templates are kept, to say so.
    pub folder: Option<PathBuf>,
}

impl ApplyDraft {
    pub fn new(week: Date, listed: Vec<Listed>, folder: Option<PathBuf>) -> ApplyDraft {
        ApplyDraft {
            week,
            listed,
            chosen: None,
            fill: Fill::Add,
            folder,
        }
    }
}

/// What the window needs of the window around it.
#[derive(Debug, Clone, Copy)]
pub struct ApplyArgs<'a> {
    pub plan: &'a Plan,
    pub today: Date,
}

/// The window; returns whether it stays open.
pub fn templates_window(
    ctx: &egui::Context,
    draft: &mut ApplyDraft,
    args: &ApplyArgs<'_>,
    out: &mut Vec<Command>,
) -> bool {
    let plan = args.plan;
    let mut keep = true;
    let mut open = true;
    week_window(
        ctx,
        "Apply a week template",
        "runweek apply template",
        520.0,
        TOP,
        &mut open,
    )
    .show(ctx, |ui| {
        ui.set_max_width(520.0);
        let list_height = (ctx.content_rect().height() - 390.0).clamp(120.0, 320.0);
        ScrollArea::vertical()
            .max_height(list_height)
            .auto_shrink([false, true])
            .show(ui, |ui| list_ui(ui, draft));
        if let Some(folder) = &draft.folder {
            ui.label(
                RichText::new(format!("Your templates are kept in {}", folder.display()))
                    .small()
                    .weak(),
            );
        }
        ui.separator();
        let week = Week::containing(draft.week, plan.settings.week_start);
        ui.horizontal(|ui| {
            ui.label("Onto the week of");
            let back = ui.small_button("◀").on_hover_text("The week before");
            back.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, "Template onto the week before")
            });
            if back.clicked() {
                draft.week = add_days(week.start(), -7).max(crate::core::day::FIRST);
            }
            ui.label(RichText::new(format::week_range(week.start(), week.end())).strong());
            let next = ui.small_button("▶").on_hover_text("The week after");
            next.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, "Template onto the week after")
            });
            if next.clicked() {
                draft.week = add_days(week.start(), 7).min(crate::core::day::LAST);
            }
        });
        ui.radio_value(&mut draft.fill, Fill::Add, "Add to the week's sessions");
        ui.radio_value(
            &mut draft.fill,
            Fill::Replace,
            "Replace the sessions still to run (done and skipped ones stay)",
        );
        let chosen = draft
            .chosen
            .and_then(|i| draft.listed.get(i))
            .and_then(|l| l.template.as_ref().ok());
        let placement =
            chosen.map(|t| week_copy::paste(plan, &t.pattern, week, args.today, draft.fill));
        // Room for the preview's lines whatever they say, so that Apply stays put.
        let can_apply = ui
            .vertical(|ui| {
                ui.set_min_height(PREVIEW_HEIGHT);
                match &placement {
                    None => {
                        ui.label(RichText::new("Choose a template above.").weak());
                        false
                    }
                    Some(Ok(p)) if !p.is_empty() => {
                        ui.label(RichText::new(format::week_copy::preview(p)).strong());
                        for line in [format::week_copy::left_out(p), format::week_copy::beside(p)]
                            .into_iter()
                            .flatten()
                        {
                            ui.add(egui::Label::new(RichText::new(line).weak()).wrap());
                        }
                        true
                    }
                    Some(Ok(p)) => {
                        ui.label(format::week_copy::nothing(p));
                        false
                    }
                    Some(Err(e)) => {
                        let color = theme::error_color(ui);
                        ui.add(
                            egui::Label::new(
                                RichText::new(format::week_copy::refused(e)).color(color),
                            )
                            .wrap(),
                        );
                        false
                    }
                }
            })
            .inner;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let apply = ui.add_enabled(
                can_apply,
                egui::Button::new(RichText::new("Apply").strong()),
            );
            if apply.clicked()
                && let Some(template) = chosen
            {
                out.push(Command::Week(WeekCommand::ApplyTemplate {
                    name: template.name.clone(),
                    pattern: template.pattern.clone(),
                    week: week.start(),
                    fill: draft.fill,
                }));
                keep = false;
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

/// The templates, one per row: the name to choose it by, what it is, where it comes from.
fn list_ui(ui: &mut egui::Ui, draft: &mut ApplyDraft) {
    for (i, listed) in draft.listed.iter().enumerate() {
        match &listed.template {
            Ok(template) => {
                let mut name = RichText::new(&template.name).strong();
                if listed.is_built_in() {
                    name = RichText::new(format!("{} · runweek", template.name)).strong();
                }
                let chosen = draft.chosen == Some(i);
                let row = ui.selectable_label(chosen, name);
                if row.clicked() {
                    draft.chosen = Some(i);
                }
                let mut about = format!(
                    "{}, {} planned",
                    format::week_copy::sessions(template.pattern.len()),
                    format::duration(template.pattern.minutes())
                );
                if !template.description.trim().is_empty() {
                    about = format!("{about}. {}", template.description.trim());
                }
                ui.add(egui::Label::new(RichText::new(about).weak()).wrap());
            }
            Err(error) => {
                let color = theme::error_color(ui);
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("⚠ Cannot be read: {error}"))
                            .small()
                            .color(color),
                    )
                    .wrap(),
                );
            }
        }
        ui.add_space(4.0);
    }
}
