//! The banner above the grid when fatigue is carrying over into the shown week: the core's
//! headline, its evidence and the lighter week it proposes.
//!
//! Its input is computed elsewhere: the carry-over flag is part of each day's assessment,
//! which [`super::super::week_view::WeekView`] holds (built once per plan revision and week).

use eframe::egui::{self, Frame, RichText, Ui};
use jiff::civil::Date;

use super::super::format;
use super::super::theme::{self, Tone};
use super::super::week_view::WeekView;
use crate::core::verdict::CarryOver;

/// The banner above the grid when fatigue is carrying over into the shown week: as of today
/// for this week, as of its last day for a past week, as of its first day for a week ahead.
/// It reads the assessments the week's view already holds, so it costs a frame nothing.
/// Returns whether it showed.
pub fn week_carry_over_ui(ui: &mut Ui, view: &WeekView, today: Date) -> bool {
    let as_of = today.clamp(view.week.start(), view.week.end());
    let Some(carry) = view
        .day(as_of)
        .and_then(|d| d.assessment.carry_over.as_ref())
    else {
        return false;
    };
    carry_over_ui(ui, as_of, carry);
    ui.add_space(4.0);
    true
}

/// "Fatigue is carrying over", its evidence and the lighter week it proposes, as of `as_of`,
/// in one wrapped paragraph, so that it fits the strip above the grid beside an offer. It is
/// about the week, not one day.
fn carry_over_ui(ui: &mut Ui, as_of: Date, carry: &CarryOver) {
    let visuals = ui.visuals().clone();
    let color = theme::tone_color(Tone::Caution, &visuals);
    Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, color))
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        theme::tone_mark(Tone::Caution),
                        CarryOver::HEADLINE
                    ))
                    .strong()
                    .color(color),
                );
                ui.label(RichText::new(format!("as of {}:", format::day_short(as_of))).weak());
                for line in &carry.evidence {
                    ui.label(line.as_str());
                }
                ui.label(RichText::new(CarryOver::PROPOSAL).italics());
            });
        });
}
