//! "About these numbers": every formula behind the figures, where it comes from and the
//! settings in force, so that a runner can check a number instead of trusting it.
//!
//! The words come from [`formula_lines`], the same source the command line prints, so the
//! window and `runweek stats` can never disagree about a formula.

use eframe::egui::{self, RichText, Ui};

use crate::core::load::formula_lines;
use crate::core::settings::Settings;
use crate::present::review as review_words;

/// How the charts themselves are drawn: not formulas, but choices a reader should know.
pub const CHART_NOTES: [&str; 4] = [
    "Solid lines are what happened; dashed lines and the shaded part continue the same \
     formulas over the sessions still planned, as if they were run as planned.",
    "Zoomed out, each pixel column shows the lowest and the highest value of the days it \
     covers, so no peak is hidden; weekly bars merge several weeks (their mean) when a week \
     would be too narrow to see.",
    "Resting HR: the baseline is the mean of the previous days' readings; a reading at or \
     above the dashed line counts as a hold-back signal.",
    "HRV: the band is the usual range (mean ± SD of ln RMSSD over the previous days) and \
     the line the recent mean it is compared with, both shown in ms.",
];

/// The window, while `open` is true.
pub fn about_window(ctx: &egui::Context, open: &mut bool, settings: &Settings) {
    egui::Window::new("About these numbers")
        .open(open)
        .default_width(560.0)
        .default_height(520.0)
        .vscroll(true)
        .show(ctx, |ui| about_ui(ui, settings));
}

/// The formulas, their sources and the settings in force.
pub fn about_ui(ui: &mut Ui, settings: &Settings) {
    ui.add(
        egui::Label::new(
            "Each figure follows one stated formula. The time constants and the growth limit \
             are settings of the plan (Settings, or fitness_days, fatigue_days and \
             load_growth_pct in the plan file), so they travel with it.",
        )
        .wrap(),
    );
    ui.add_space(6.0);
    for formula in formula_lines(settings) {
        ui.label(RichText::new(formula.name).strong());
        ui.add(egui::Label::new(formula.formula).wrap());
        ui.add(
            egui::Label::new(RichText::new(format!("Source: {}", formula.source)).weak()).wrap(),
        );
        ui.add(egui::Label::new(format!("In force: {}", formula.in_force)).wrap());
        ui.add_space(6.0);
    }
    ui.separator();
    ui.label(RichText::new("How the charts are drawn").strong());
    for note in CHART_NOTES {
        ui.add(egui::Label::new(format!("• {note}")).wrap());
    }
    ui.separator();
    ui.label(RichText::new("Looking back: the week review and your patterns").strong());
    ui.add(
        egui::Label::new(
            "The thresholds are settings of the plan (review: as_planned_pct, \
             good_key_minutes_pct, good_key_rpe_above and room_weeks in the plan file).",
        )
        .wrap(),
    );
    for (name, text) in review_words::definitions(&settings.review) {
        ui.add(egui::Label::new(format!("• {name}: {text}")).wrap());
    }
}
