//! An offer's strip above the grid: a marked headline in the tone's colour with the action
//! at its right and a line or two of detail under it; or, when the week already holds, one
//! quiet line. Shared by the re-plan offers and the push offer.

use eframe::egui::{self, RichText, Ui};
use jiff::civil::Date;

use super::super::format;
use super::super::theme::{self, Tone};
use crate::core::week::add_days;

/// "Today", "Tomorrow", or the day: "Fri 27 Nov".
pub(super) fn says(day: Date, today: Date) -> String {
    if day == today {
        "Today".to_owned()
    } else if day == add_days(today, 1) {
        "Tomorrow".to_owned()
    } else {
        format::day_short(day)
    }
}

/// One offer: a marked headline in the tone's colour with the action at the right, and a
/// line or two of detail under it.
pub(super) fn offer_strip(
    ui: &mut Ui,
    tone: Tone,
    headline: &str,
    detail: &[String],
    action: impl FnOnce(&mut Ui),
) {
    let visuals = ui.visuals().clone();
    let color = theme::tone_color(tone, &visuals);
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, color))
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!("{} {headline}", theme::tone_mark(tone)))
                        .strong()
                        .color(color),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), action);
            });
            for line in detail.iter().filter(|l| !l.is_empty()) {
                ui.add(egui::Label::new(line.as_str()).wrap());
            }
        });
    ui.add_space(4.0);
}

/// A day that asked for a re-plan when the week already holds: one quiet line, so that the
/// runner sees the call was heard without a box asking for nothing.
pub(super) fn settled_line(ui: &mut Ui, tone: Tone, headline: &str, nothing: &str) {
    let color = theme::tone_color(tone, ui.visuals());
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{} {headline}", theme::tone_mark(tone)))
                .strong()
                .color(color),
        );
        ui.label(nothing);
    });
    ui.add_space(4.0);
}
