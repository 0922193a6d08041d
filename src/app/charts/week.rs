//! The shown week in numbers, beside the charts: planned against done, the hard/easy split,
//! how evenly the load is spread (monotony, strain) and the change from last week.
//!
//! Undefined figures read "—" rather than a made-up 0, and the growth warning always comes
//! with its caveat: the 10 % rule is a rule of thumb, and the runner should know it.

use eframe::egui::{self, RichText, Ui};

use super::super::format;
use super::super::theme::{self, Tone};
use crate::core::load::{LOAD_GROWTH_CAVEAT, WeekSummary};
use crate::core::settings::Units;

/// "—" for a figure that is not defined.
pub const UNDEFINED: &str = "—";

/// A ratio with two decimals, or "—".
pub fn ratio(value: Option<f64>) -> String {
    value.map_or_else(|| UNDEFINED.to_owned(), |v| format!("{v:.2}"))
}

/// A change in percent with its sign ("+12 %", "−5 %"), or "—".
pub fn change(pct: Option<f64>) -> String {
    match pct {
        None => UNDEFINED.to_owned(),
        Some(p) if p.round() == 0.0 => "±0 %".to_owned(),
        Some(p) if p > 0.0 => format!("+{:.0} %", p),
        Some(p) => format!("−{:.0} %", -p),
    }
}

/// The week's figures as a small table: planned | done, then the week's shape.
pub fn week_summary_ui(ui: &mut Ui, summary: &WeekSummary, units: Units) {
    ui.label(
        RichText::new(format!(
            "Week {}",
            format::week_range(summary.week.start(), summary.week.end())
        ))
        .strong(),
    );
    egui::Grid::new("charts week summary")
        .num_columns(3)
        .spacing([10.0, 3.0])
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new("Planned").weak());
            ui.label(RichText::new("Done").weak());
            ui.end_row();

            ui.label("Time");
            ui.label(format::duration(summary.planned.minutes));
            ui.label(format::duration(summary.done.minutes));
            ui.end_row();

            ui.label("Distance");
            ui.label(format::distance(summary.planned.distance_km, units));
            ui.label(format::distance(summary.done.distance_km, units));
            ui.end_row();

            ui.label("Load")
                .on_hover_text(super::super::summary::LOAD_FORMULA);
            ui.label(format::load(summary.planned.load));
            ui.label(format::load(summary.done.load));
            ui.end_row();
        });
    ui.add_space(4.0);
    egui::Grid::new("charts week shape")
        .num_columns(2)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            let split = |s: crate::core::load::Split| {
                format!(
                    "{} session{} · {}",
                    s.sessions,
                    if s.sessions == 1 { "" } else { "s" },
                    format::duration(s.minutes)
                )
            };
            ui.label("Hard").on_hover_text(
                "Long, Tempo, Intervals, Hills and Race sessions: done where done, planned for \
                 what is still to come; skipped ones count nothing.",
            );
            ui.label(split(summary.hard));
            ui.end_row();
            ui.label("Easy").on_hover_text(
                "Easy, Recovery, Cross and Strength sessions, counted the same way.",
            );
            ui.label(split(summary.easy));
            ui.end_row();

            ui.label("Monotony").on_hover_text(
                "Mean ÷ SD of the week's 7 daily loads (rest days 0). High monotony: every day \
                 alike, little real recovery. — when all days are equal, where it is undefined.",
            );
            ui.label(ratio(summary.monotony));
            ui.end_row();
            ui.label("Strain")
                .on_hover_text("Weekly load × monotony (Foster). — when monotony is undefined.");
            ui.label(
                summary
                    .strain
                    .map_or_else(|| UNDEFINED.to_owned(), format::load),
            );
            ui.end_row();

            ui.label("vs last week").on_hover_text(
                "Planned load against last week's planned load. — when last week had none.",
            );
            ui.label(change(summary.change_pct));
            ui.end_row();
        });
    if let Some(warning) = &summary.growth_warning {
        let color = theme::tone_color(Tone::Caution, ui.visuals());
        ui.add(egui::Label::new(RichText::new(format!("⚠ {warning}")).color(color)).wrap());
        ui.add(egui::Label::new(RichText::new(LOAD_GROWTH_CAVEAT).small().weak()).wrap());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(actual: String, expected: &str) {
        assert_eq!(actual, expected);
    }

    #[test]
    fn undefined_figures_read_as_a_dash() {
        check(ratio(None), "—");
        check(ratio(Some(1.456)), "1.46");
        check(change(None), "—");
        check(change(Some(12.4)), "+12 %");
        check(change(Some(-5.0)), "−5 %");
        check(change(Some(0.2)), "±0 %");
    }
}
