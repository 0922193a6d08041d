//! The day's verdict, large, with one line per reason: Push, As planned, Hold back, Rest,
//! or "Not logged" — the mark's shape and the word carry the meaning as well as the colour.
//!
//! The card only reads the [`Assessment`](crate::core::verdict::Assessment) it is given:
//! the day's verdict is computed with the week's view (see [`super::super::week_view`]),
//! once per plan revision, and reaches the panel through [`ReadinessArgs`].

use eframe::egui::{self, Align, Frame, Layout, RichText, Ui};

use super::super::Command;
use super::super::badge::{effect_mark, effect_tone, verdict_tone};
use super::super::theme;
use super::ReadinessArgs;
use super::why::why_ui;
use crate::core::readiness::When;
use crate::core::verdict;

/// The verdict, large, with its reasons; "Why?" opens the rules and the baselines.
/// Returns the height of the verdict and its reasons ("Why?" aside), at least `reserved`.
pub(super) fn verdict_ui(
    ui: &mut Ui,
    args: &ReadinessArgs<'_>,
    why: &mut bool,
    reserved: f32,
    out: &mut Vec<Command>,
) -> f32 {
    let a = args.assessment;
    let visuals = ui.visuals().clone();
    let tone = a.verdict.map(verdict_tone);
    let stroke_color = tone.map_or(visuals.widgets.noninteractive.bg_stroke.color, |t| {
        theme::tone_color(t, &visuals)
    });
    Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, stroke_color))
        .fill(theme::card_fill(&visuals))
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            let verdict = ui.scope(|ui| {
                ui.set_min_height(reserved);
                ui.horizontal(|ui| {
                    match a.verdict {
                        Some(v) => {
                            let color = theme::tone_color(verdict_tone(v), &visuals);
                            ui.label(
                                RichText::new(theme::tone_mark(verdict_tone(v)))
                                    .size(22.0)
                                    .color(color),
                            );
                            ui.label(RichText::new(v.label()).size(24.0).strong().color(color));
                        }
                        None => {
                            ui.label(
                                RichText::new("Not logged")
                                    .size(24.0)
                                    .strong()
                                    .color(visuals.weak_text_color()),
                            );
                        }
                    }
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        ui.toggle_value(why, "Why?").on_hover_text(
                            "The rules with the thresholds in force, and your baselines",
                        );
                    });
                });
                match a.verdict {
                    Some(_) => {
                        let by = match a.decided_by {
                            Some(When::WarmUp) => "Decided by the warm-up check",
                            _ => "Decided by the morning check",
                        };
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!(
                                    "{by} · {} hold-back, {} push signal{}",
                                    a.hold_back_signals,
                                    a.push_signals,
                                    if a.push_signals == 1 { "" } else { "s" }
                                ))
                                .small()
                                .weak(),
                            )
                            .wrap(),
                        );
                        if a.reasons.is_empty() {
                            ui.add(
                                egui::Label::new("Every signal normal: nothing to hold back for.")
                                    .wrap(),
                            );
                        }
                        for reason in &a.reasons {
                            reason_ui(ui, reason);
                        }
                    }
                    None => {
                        let text = if args.date > args.today {
                            "No check yet: this day is still ahead."
                        } else if args.date == args.today {
                            "No check yet, so no verdict. One click per signal below."
                        } else {
                            "No check was logged on this day, so it has no verdict."
                        };
                        ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
                    }
                }
            });
            if *why {
                ui.separator();
                why_ui(ui, args, out);
            }
            verdict.response.rect.height()
        })
        .inner
}

/// One reason: a coloured mark (the mark's shape carries the meaning too) and plain words.
fn reason_ui(ui: &mut Ui, reason: &verdict::Reason) {
    let visuals = ui.visuals().clone();
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        ui.label(
            RichText::new(effect_mark(reason.effect))
                .color(theme::tone_color(effect_tone(reason.effect), &visuals)),
        );
        if reason.counted() {
            ui.add(egui::Label::new(reason.text.as_str()).wrap());
        } else {
            ui.add(
                egui::Label::new(RichText::new(format!("{} (not counted)", reason.text)).weak())
                    .wrap(),
            );
        }
    });
}
