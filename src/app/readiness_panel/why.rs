//! "Why?": the rules in force with their thresholds, and the day's baselines, so that the
//! runner can check a verdict instead of trusting it. "Change the thresholds…" opens the
//! settings window at the readiness rules, through a [`Command`].

use eframe::egui::{self, RichText, Ui};

use super::super::Command;
use super::super::settings::{self, Section};
use super::ReadinessArgs;
use crate::core::verdict::{self, Baselines};

/// The rule table with the thresholds in force, and the day's baselines.
pub(super) fn why_ui(ui: &mut Ui, args: &ReadinessArgs<'_>, out: &mut Vec<Command>) {
    ui.label(RichText::new("The rules in force").strong());
    for line in verdict::rule_lines(&args.plan.settings.verdict) {
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.add(egui::Label::new(RichText::new(line).small()).wrap());
        });
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Your baselines on this day").strong());
    for line in baseline_lines(&args.assessment.baselines, &args.plan.settings.verdict) {
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.add(egui::Label::new(RichText::new(line).small()).wrap());
        });
    }
    ui.add_space(4.0);
    if ui
        .button("Change the thresholds…")
        .on_hover_text("Settings › Readiness rules")
        .clicked()
    {
        settings::open_at(ui.ctx(), Section::ReadinessRules, out);
    }
}

/// The baselines in words, saying "no baseline yet" with the readings there are.
fn baseline_lines(b: &Baselines, r: &crate::core::settings::VerdictRules) -> Vec<String> {
    let resting = match b.resting_hr {
        Some(hr) => format!(
            "Resting HR: {hr:.1} bpm, the mean of {} readings over the previous {} days",
            b.resting_hr_readings, r.baseline_days
        ),
        None => format!(
            "Resting HR: no baseline yet ({} of {} readings in the previous {} days)",
            b.resting_hr_readings, r.resting_hr_min_readings, r.baseline_days
        ),
    };
    let recent = match b.hrv_ln_rmssd_mean {
        Some(m) => format!(
            "HRV: {}-day average {:.1} ms (ln RMSSD {m:.3}, {} readings)",
            r.hrv_recent_days,
            m.exp(),
            b.hrv_recent_readings
        ),
        None => format!(
            "HRV average: no baseline yet ({} of {} readings in the last {} days)",
            b.hrv_recent_readings, r.hrv_min_readings, r.hrv_recent_days
        ),
    };
    let band = match b.hrv_band {
        Some((lo, hi)) => format!(
            "HRV usual band: {:.1}–{:.1} ms (ln RMSSD {lo:.3}–{hi:.3}, {} readings over the \
             previous {} days)",
            lo.exp(),
            hi.exp(),
            b.hrv_baseline_readings,
            r.baseline_days
        ),
        None => format!(
            "HRV usual band: no baseline yet ({} of {} readings in the previous {} days)",
            b.hrv_baseline_readings,
            r.hrv_baseline_min_readings.max(2),
            r.baseline_days
        ),
    };
    vec![resting, recent, band]
}
