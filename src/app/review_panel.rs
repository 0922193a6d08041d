//! The week review under the grid: for the week on show, each day with a Push, Hold back or
//! Rest verdict, what was done and what followed, one line each; and "Room to extend" when
//! the weeks before were steady. It reads the look back derived once per change
//! ([`WeekReview`]) and changes nothing in the plan.
//!
//! Collapsed it is one line, so the grid keeps its room on a small window: until the runner
//! opens or closes it (remembered in the preferences), it starts open only on a window at
//! least [`OPEN_FROM_HEIGHT`] points tall.

use eframe::egui::{self, RichText, Ui};

use super::theme::{self, Tone};
use crate::core::review::{Did, WeekReview};
use crate::core::settings::ReviewRules;
use crate::present::review as words;

/// The window height from which the review starts open.
pub const OPEN_FROM_HEIGHT: f32 = 800.0;

/// Whether the review is open: the runner's choice, else by the window's height.
pub fn is_open(pref: Option<bool>, window_height: f32) -> bool {
    pref.unwrap_or(window_height >= OPEN_FROM_HEIGHT)
}

/// The review: a header that opens and closes it, then its lines. `open` is the runner's
/// choice as kept in the preferences.
pub fn review_ui(ui: &mut Ui, review: &WeekReview, rules: &ReviewRules, open: &mut Option<bool>) {
    let window_height = ui.ctx().content_rect().height();
    let shown = is_open(*open, window_height);
    let count = review.decisions.len();
    ui.horizontal(|ui| {
        let arrow = if shown { "⏷" } else { "▶" };
        let header = ui
            .selectable_label(shown, format!("{arrow} Week review"))
            .on_hover_text(
                "What you did on each Push, Hold back or Rest day of this week, and what \
                 followed: the next two days and the next key session",
            );
        if header.clicked() {
            *open = Some(!shown);
        }
        let summary = match count {
            0 => "no decision day with its training logged".to_owned(),
            1 => "1 decision day".to_owned(),
            n => format!("{n} decision days"),
        };
        ui.label(RichText::new(summary).weak());
        if let Some(room) = &review.room {
            ui.separator();
            let color = theme::tone_color(Tone::Good, ui.visuals());
            ui.label(RichText::new(words::ROOM_HEADLINE).color(color))
                .on_hover_text(format!(
                    "{}\n{}",
                    words::room_evidence(room),
                    words::room_suggestion(room)
                ));
        }
    });
    // With nothing to list, the header's "no decision day" says it all: no empty line
    // takes the grid's room.
    if !shown || (review.decisions.is_empty() && review.room.is_none()) {
        return;
    }
    // No scroll area: inside a panel sized by its content it could never grow. A week has
    // at most seven decision days, so the open review stays a few lines.
    for d in &review.decisions {
        let (mark, tone, tip) = if d.followed {
            ("✔", Tone::Good, "You followed the verdict")
        } else if d.did == Did::PushedThrough {
            ("✖", Tone::Caution, "You pushed through the verdict")
        } else {
            ("○", Tone::Neutral, "Not what the verdict said")
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(mark).color(theme::tone_color(tone, ui.visuals())))
                .on_hover_text(tip);
            ui.label(words::decision_line(d, rules));
        });
    }
    if let Some(room) = &review.room {
        ui.add(
            egui::Label::new(format!(
                "{}: {} {}",
                words::ROOM_HEADLINE,
                words::room_evidence(room),
                words::room_suggestion(room)
            ))
            .wrap(),
        );
    }
}
