//! The week in numbers, under the grid: planned against done minutes, distance and load,
//! and how many hard sessions the week asks for.

use eframe::egui::{self, RichText, Ui};

use super::theme::Tone;
use super::week_view::WeekView;
use super::{format, theme};
use crate::core::settings::Units;

/// How load is computed, stated where it is shown.
pub const LOAD_FORMULA: &str = "Load = minutes × RPE (Foster's session RPE, CR-10 scale). \
    Planned load uses the planned RPE, done load the RPE logged after the run; \
    without one, the kind's usual RPE.";

pub fn summary_ui(ui: &mut Ui, view: &WeekView, units: Units) {
    let s = &view.summary;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("This week").strong());
        ui.separator();
        ui.label("Planned");
        ui.label(RichText::new(format::duration(s.planned_minutes)).strong());
        ui.label(format!("· {}", format::distance(s.planned_km, units)));
        ui.label(format!("· load {}", format::load(s.planned_load)))
            .on_hover_text(LOAD_FORMULA);
        ui.separator();
        ui.label("Done");
        ui.label(RichText::new(format::duration(s.done_minutes)).strong());
        ui.label(format!("· {}", format::distance(s.done_km, units)));
        ui.label(format!("· load {}", format::load(s.done_load)))
            .on_hover_text(LOAD_FORMULA);
        ui.label(format!("· {} of {} sessions", s.done, s.sessions));
        if s.skipped > 0 {
            ui.label(format!("· {} skipped", s.skipped));
        }
        ui.separator();
        let hard = format!(
            "{} hard session{} ({} key)",
            s.hard,
            if s.hard == 1 { "" } else { "s" },
            s.key
        );
        ui.label(hard).on_hover_text(
            "Hard: Long, Tempo, Intervals, Hills, Race. Key sessions are the ones the week is built around.",
        );
    });
    let visuals = ui.visuals().clone();
    for warning in &view.week_warnings {
        ui.add(
            egui::Label::new(
                RichText::new(format!("⚠ {warning}"))
                    .color(theme::tone_color(Tone::Caution, &visuals)),
            )
            .wrap(),
        );
    }
}
