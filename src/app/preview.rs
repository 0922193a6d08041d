//! A proposed change to the plan, shown on the grid before it is applied: the re-planner's
//! proposal, or anything else that wants the runner's yes first.
//!
//! The grid shows the plan as it would be, with each changed session marked and its reason
//! beside it, and dropped sessions listed on their day; Accept applies every edit as one
//! `Edit::Batch`, one undo step. Nothing changes until Accept.

use std::collections::BTreeMap;

use eframe::egui::{self, RichText, Ui};

use super::Command;
use super::theme::{self, Tone};
use crate::core::edit::Edit;
use crate::core::session::SessionId;

/// What a component proposes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Preview {
    /// One line saying what this is, e.g. "Re-plan from Thu 26 Nov after a Hold back".
    pub title: String,
    /// The edits, applied together on Accept.
    pub edits: Vec<Edit>,
    /// The one-line reason for each session the edits touch (moved, shortened, dropped…).
    /// A note of two lines reads "what changed" (marked on the card) then "why".
    pub notes: BTreeMap<SessionId, String>,
    /// Lines for the banner, e.g. whether the key session survives.
    pub lines: Vec<String>,
    /// The first and last day the proposal could change (a re-plan's window), tinted on
    /// the grid; `None` for a change of one day.
    pub reach: Option<(jiff::civil::Date, jiff::civil::Date)>,
}

/// A proposal on show, with the plan as it would be.
pub struct Shown {
    pub preview: Preview,
    pub proposed: crate::core::plan::Plan,
}

/// The banner above the grid while a preview shows.
pub fn banner_ui(ui: &mut Ui, preview: &Preview, out: &mut Vec<Command>) {
    let visuals = ui.visuals().clone();
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, theme::tone_color(Tone::Caution, &visuals)))
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new("Proposal").strong().color(theme::tone_color(Tone::Caution, &visuals)));
                ui.label(RichText::new(preview.title.as_str()).strong());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Discard").clicked() {
                        out.push(Command::DiscardPreview);
                    }
                    // The one action that changes the plan reads as the main one.
                    if ui
                        .add(
                            egui::Button::new(
                                RichText::new("Accept").strong().color(visuals.selection.stroke.color),
                            )
                            .fill(visuals.selection.bg_fill),
                        )
                        .on_hover_text("Apply every change below as one step (Ctrl+Z undoes it)")
                        .clicked()
                    {
                        out.push(Command::AcceptPreview);
                    }
                });
            });
            for line in &preview.lines {
                ui.label(line.as_str());
            }
            ui.label(
                RichText::new("The grid shows the week as proposed; marked cards change. Nothing is applied until Accept.")
                    .small()
                    .weak(),
            );
        });
}
