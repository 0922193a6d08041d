//! The article's six signals, each a row of three answers (push side, Normal, hold-back
//! side), and the two switches ("Unwell", "Improving as I go"). A click applies at once as
//! one edit: logging has to take seconds.

use eframe::egui::{self, Button, RichText, Ui};

use super::super::Command;
use super::super::theme::{self, Tone};
use super::{Pending, ReadinessArgs};
use crate::core::readiness::{
    Body, Breathing, HeartRate, Legs, ReadinessEntry, Recent, Stride, When,
};

/// One of the article's signals: its name, its three answers, and how it sits in an entry.
struct Signal {
    name: &'static str,
    /// Push side, Normal, hold-back side: the article's words, as the warm-up check asks.
    words: [&'static str; 3],
    /// The same answers as the morning check (before the run) can tell them, where the
    /// article's words are about the run itself.
    morning: Option<[&'static str; 3]>,
    get: fn(&ReadinessEntry) -> usize,
    set: fn(&mut ReadinessEntry, usize),
}

impl Signal {
    /// The answers as the check of `when` asks them.
    fn words(&self, when: When) -> &[&'static str; 3] {
        match (when, &self.morning) {
            (When::Morning, Some(morning)) => morning,
            _ => &self.words,
        }
    }
}

fn position<T: PartialEq + Copy>(all: &[T; 3], value: T) -> usize {
    all.iter().position(|v| *v == value).unwrap_or(1)
}

/// The six signals, in the order of the article's table.
const SIGNALS: [Signal; 6] = [
    Signal {
        name: "Legs",
        words: [
            "Responsive, not just rested",
            "Normal",
            "Heavy early in the run",
        ],
        morning: Some([
            "Springy, not just rested",
            "Normal",
            "Heavy already, on the stairs",
        ]),
        get: |e| position(&Legs::ALL, e.legs),
        set: |e, i| e.legs = Legs::ALL[i],
    },
    Signal {
        name: "Breathing at moderate effort",
        words: ["Controlled", "Normal", "Laboured"],
        morning: Some([
            "Controlled on the last run",
            "Normal",
            "Laboured on the last run",
        ]),
        get: |e| position(&Breathing::ALL, e.breathing),
        set: |e, i| e.breathing = Breathing::ALL[i],
    },
    Signal {
        name: "Heart rate at easy effort",
        words: ["As expected or lower", "Normal", "Higher than expected"],
        morning: None,
        get: |e| position(&HeartRate::ALL, e.heart_rate),
        set: |e, i| e.heart_rate = HeartRate::ALL[i],
    },
    Signal {
        name: "Stride",
        words: [
            "Smooth, controlled",
            "Normal",
            "Less controlled, less smooth",
        ],
        morning: Some([
            "Light, easy first steps",
            "Normal",
            "Stiff, less smooth steps",
        ]),
        get: |e| position(&Stride::ALL, e.stride),
        set: |e, i| e.stride = Stride::ALL[i],
    },
    Signal {
        name: "Recent training",
        words: ["Stable and repeatable", "Normal", "Already inconsistent"],
        morning: None,
        get: |e| position(&Recent::ALL, e.recent),
        set: |e, i| e.recent = Recent::ALL[i],
    },
    Signal {
        name: "Body",
        words: ["Ready to extend", "Normal", "Would have to force it"],
        morning: None,
        get: |e| position(&Body::ALL, e.body),
        set: |e, i| e.body = Body::ALL[i],
    },
];

/// The tone of each column: push side, normal, hold-back side.
const SIDE_TONES: [Tone; 3] = [Tone::Good, Tone::Neutral, Tone::Caution];

/// The six signals, each a row of three equal buttons so that the push side and the
/// hold-back side line up down the panel.
pub(super) fn signals_ui(
    ui: &mut Ui,
    args: &ReadinessArgs<'_>,
    pending: &mut Pending,
    out: &mut Vec<Command>,
) {
    let visuals = ui.visuals().clone();
    let gap = 4.0;
    // A little room on the right for the panel's scroll bar.
    let width = ((ui.available_width() - 2.0 * gap - 6.0) / 3.0).floor();
    let padding = ui.spacing().button_padding;
    // Column heads: which side of the article's table each column is.
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        for (i, head) in ["Push side", "Normal", "Hold-back side"].iter().enumerate() {
            let tone = SIDE_TONES[i];
            let text = if tone == Tone::Neutral {
                (*head).to_owned()
            } else {
                format!("{} {head}", theme::tone_mark(tone))
            };
            ui.add_sized(
                [width, 14.0],
                egui::Label::new(
                    RichText::new(text)
                        .small()
                        .color(theme::tone_color(tone, &visuals)),
                ),
            );
        }
    });
    let easy_hr_decides = pending.entry.easy_hr.is_some() && args.plan.settings.easy_hr.is_some();
    // In a narrow panel the answers get a smaller font rather than words broken in two.
    let text_width = width - 2.0 * padding.x;
    let body = egui::TextStyle::Button.resolve(ui.style()).size;
    let widest = SIGNALS
        .iter()
        .flat_map(|s| s.words(pending.entry.when).iter())
        .flat_map(|w| w.split_whitespace())
        .map(|word| {
            egui::WidgetText::from(RichText::new(word).size(body))
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Button,
                )
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let size = if widest > text_width {
        (body * text_width / widest).floor().max(9.0)
    } else {
        body
    };
    for signal in &SIGNALS {
        ui.add_space(2.0);
        ui.label(RichText::new(signal.name).strong());
        let chosen = pending.logged().then(|| (signal.get)(&pending.entry));
        // One height for the row: the tallest of the three wrapped answers.
        let words = signal.words(pending.entry.when);
        let height = words
            .iter()
            .map(|w| {
                egui::WidgetText::from(RichText::new(*w).size(size))
                    .into_galley(
                        ui,
                        Some(egui::TextWrapMode::Wrap),
                        width - 2.0 * padding.x,
                        egui::TextStyle::Button,
                    )
                    .size()
                    .y
            })
            .fold(0.0, f32::max)
            + 2.0 * padding.y;
        let mut clicked = None;
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (i, word) in words.iter().enumerate() {
                let selected = chosen == Some(i);
                let mut button = Button::new(RichText::new(*word).size(size))
                    .selected(selected)
                    .wrap();
                if selected {
                    // The chosen answer in its side's colour; Normal stays quiet, because
                    // the untouched middle is not news.
                    let (color, fill, stroke) = match SIDE_TONES[i] {
                        Tone::Neutral => (
                            visuals.strong_text_color(),
                            visuals.selection.bg_fill.gamma_multiply(0.4),
                            visuals.selection.bg_fill,
                        ),
                        tone => {
                            let color = theme::tone_color(tone, &visuals);
                            (color, color.gamma_multiply(0.16), color)
                        }
                    };
                    button = Button::new(RichText::new(*word).size(size).strong().color(color))
                        .selected(true)
                        .wrap()
                        .fill(fill)
                        .stroke(egui::Stroke::new(1.5, stroke));
                }
                let response = ui
                    .add_sized([width, height], button)
                    .accessible_name(format!("{}: {word}", signal.name));
                if response.clicked() {
                    clicked = Some(i);
                }
            }
        });
        if signal.name == "Heart rate at easy effort" && easy_hr_decides {
            ui.add(
                egui::Label::new(
                    RichText::new(
                        "Your easy-effort HR number (below) decides this signal, against the \
                         easy HR set in Settings.",
                    )
                    .small()
                    .weak(),
                )
                .wrap(),
            );
        }
        if let Some(i) = clicked {
            (signal.set)(&mut pending.entry, i);
            // A click on any answer logs the check, Normal included: "all normal" is news.
            pending.push(true, out);
        }
    }
}

/// "Unwell" and, on the warm-up check, "Improving as I go".
pub(super) fn switches_ui(ui: &mut Ui, when: When, pending: &mut Pending, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let mut unwell = pending.entry.unwell;
        if ui
            .checkbox(&mut unwell, "Unwell")
            .on_hover_text("Feeling ill: the day is a Rest day")
            .clicked()
        {
            pending.entry.unwell = unwell;
            pending.push(true, out);
        }
        if when == When::WarmUp {
            let mut improving = pending.entry.improving;
            if ui
                .checkbox(&mut improving, "Improving as I go")
                .on_hover_text(
                    "Some days improve as you go: lifts Hold back to As planned (never to Push)",
                )
                .clicked()
            {
                pending.entry.improving = improving;
                pending.push(true, out);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::readiness::When;
    use jiff::civil::date;

    fn entry() -> ReadinessEntry {
        ReadinessEntry::new(date(2026, 11, 25), When::Morning)
    }

    #[test]
    fn each_signal_row_sets_its_own_signal_on_the_article_side() {
        for signal in &SIGNALS {
            let mut e = entry();
            assert_eq!((signal.get)(&e), 1, "{} starts Normal", signal.name);
            (signal.set)(&mut e, 2);
            assert_eq!((signal.get)(&e), 2);
            // Exactly one signal moved to the hold-back side.
            let moved = SIGNALS.iter().filter(|s| (s.get)(&e) == 2).count();
            assert_eq!(moved, 1, "{}", signal.name);
            (signal.set)(&mut e, 0);
            assert_eq!((signal.get)(&e), 0);
        }
        let mut e = entry();
        (SIGNALS[0].set)(&mut e, 2);
        assert_eq!(e.legs, Legs::Heavy);
        (SIGNALS[5].set)(&mut e, 0);
        assert_eq!(e.body, Body::Extend);
    }
}
