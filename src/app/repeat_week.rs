//! "Repeat this week for N weeks…": how many weeks, the weekly change in minutes, and a
//! preview line of what Apply adds ("Adds 24 sessions from Mon 7 Dec to Sun 3 Jan") with
//! the week's minutes week by week, before anything changes.

use eframe::egui::{self, DragValue, Key, RichText};
use jiff::civil::Date;

use super::theme::{self, Tone};
use super::week_menu::week_window;
use super::{Command, WeekCommand, format};
use crate::core::plan::Plan;
use crate::core::week::Week;
use crate::core::week_copy::{self, Repeat, WeekPattern};

/// How far below the top of the app's window it opens.
const TOP: f32 = 60.0;
/// The preview's lines: what Apply adds, what is left out, what it goes beside.
const PREVIEW_HEIGHT: f32 = 80.0;

/// The window's fields, until Apply or Cancel.
#[derive(Debug, Clone, PartialEq)]
pub struct RepeatDraft {
    /// A day of the week to repeat.
    pub week: Date,
    pub weeks: u8,
    pub change_pct: i8,
}

impl RepeatDraft {
    pub fn new(week: Date) -> RepeatDraft {
        RepeatDraft {
            week,
            weeks: 4,
            change_pct: 0,
        }
    }
}

/// The window; returns whether it stays open.
pub fn repeat_week_window(
    ctx: &egui::Context,
    draft: &mut RepeatDraft,
    plan: &Plan,
    today: Date,
    out: &mut Vec<Command>,
) -> bool {
    let week = Week::containing(draft.week, plan.settings.week_start);
    let mut keep = true;
    let mut open = true;
    week_window(ctx, "Repeat this week", "runweek repeat week", 420.0, TOP, &mut open)
        .show(ctx, |ui| {
            let source = WeekPattern::of_week(plan, week);
            ui.label(
                RichText::new(format!(
                    "The week of {}: {}, {} planned",
                    format::day_short(week.start()),
                    format::week_copy::sessions(source.len()),
                    format::duration(source.minutes())
                ))
                .strong(),
            );
            ui.label(
                RichText::new("Copied as planned onto the weeks after it; done marks stay behind.")
                    .weak(),
            );
            ui.add_space(4.0);
            egui::Grid::new("repeat fields")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    let label = ui.label("Repeat for");
                    let (lo, hi) = (*Repeat::WEEKS.start(), *Repeat::WEEKS.end());
                    let unit = if draft.weeks == 1 { " week" } else { " weeks" };
                    ui.add(
                        DragValue::new(&mut draft.weeks)
                            .range(lo..=hi)
                            .speed(0.1)
                            .suffix(unit),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Weekly change");
                    let (lo, hi) = (*Repeat::CHANGE_PCT.start(), *Repeat::CHANGE_PCT.end());
                    let sign = if draft.change_pct > 0 { "+" } else { "" };
                    ui.add(
                        DragValue::new(&mut draft.change_pct)
                            .range(lo..=hi)
                            .speed(0.2)
                            .prefix(sign)
                            .suffix(" %"),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(
                        "Minutes and distances change by this much each week, compounding: +5 % is ×1.05, then ×1.10, ×1.16, …; minutes are rounded to 5 from half an hour on",
                    );
                    ui.end_row();
                });
            let growth = i16::from(draft.change_pct);
            if growth > 0 && growth.unsigned_abs() > plan.settings.load_growth_pct {
                ui.label(
                    RichText::new(format!(
                        "⚠ Above +{} % a week the grid warns that the planned load grows too fast.",
                        plan.settings.load_growth_pct
                    ))
                    .color(theme::tone_color(Tone::Caution, ui.visuals())),
                );
            }
            ui.separator();
            let placement = Repeat::new(draft.weeks, draft.change_pct).and_then(|repeat| {
                    week_copy::repeat(plan, week, repeat, today)
                        .map_err(|e| format::week_copy::refused(&e))
                });
            let repeat = Repeat::new(draft.weeks, draft.change_pct).ok();
            // Room for the preview's lines whatever they say, so that Apply stays put.
            let can_apply = ui
                .vertical(|ui| {
                    ui.set_min_height(PREVIEW_HEIGHT);
                    match &placement {
                Ok(placement) if !placement.is_empty() => {
                    ui.label(RichText::new(format::week_copy::preview(placement)).strong());
                    let minutes: Vec<String> = placement
                        .weeks
                        .iter()
                        .map(|&(_, m)| format::duration(m))
                        .collect();
                    ui.label(format!("Minutes added week by week: {}", minutes.join(" → ")));
                    for line in [
                        format::week_copy::left_out(placement),
                        format::week_copy::beside(placement),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        ui.add(egui::Label::new(RichText::new(line).weak()).wrap());
                    }
                    true
                }
                Ok(placement) => {
                    ui.label(format::week_copy::nothing(placement));
                    false
                }
                Err(why) => {
                    ui.add(egui::Label::new(RichText::new(why).color(theme::error_color(ui))).wrap());
                    false
                }
            }
            })
            .inner;
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let apply = ui.add_enabled(can_apply, egui::Button::new(RichText::new("Apply").strong()));
                if apply.clicked()
                    && let Some(repeat) = repeat
                {
                    out.push(Command::Week(WeekCommand::Repeat {
                        week: week.start(),
                        repeat,
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
