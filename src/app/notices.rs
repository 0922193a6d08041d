//! Messages to the runner: why a gesture did nothing, what was saved, what went wrong.
//!
//! Nothing in the app refuses silently; every refusal, failure or background result ends up
//! here once. Messages show as toasts over the grid's bottom edge: information fades after a
//! few seconds, errors and the first start's guide stay until dismissed, because an error
//! the runner never read is as good as silent.

use std::time::Duration;

use eframe::egui::{self, Align2, Frame, RichText, Ui};

use super::theme::{self, Tone};

/// How long a message that needs no action stays up.
const FADE_AFTER: Duration = Duration::from_secs(6);
/// How many messages show at once; older ones give way.
const MAX_SHOWN: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    /// A gesture that was refused, with why.
    Refused,
    Error,
    /// What the window shows and how to start, on the first start: it stays until the
    /// runner dismisses it, like an error, because it is meant to be read.
    Guide,
}

impl Level {
    /// Whether a message of this level stays until dismissed.
    fn stays(self) -> bool {
        matches!(self, Level::Error | Level::Guide)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// Seconds of app time when it appeared (egui's input time, so tests control it).
    shown_at: Option<f64>,
}

#[derive(Debug, Default)]
pub struct Notices {
    list: Vec<Notice>,
}

impl Notices {
    pub fn push(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        // The same message twice in a row is one message (e.g. two refused drops).
        self.list.retain(|n| n.text != text);
        self.list.push(Notice {
            level,
            text,
            shown_at: None,
        });
        if self.list.len() > MAX_SHOWN {
            self.list.remove(0);
        }
    }

    /// Removes every message of `level` (a refusal a later gesture made out of date).
    pub fn clear(&mut self, level: Level) {
        self.list.retain(|n| n.level != level);
    }

    pub fn iter(&self) -> impl Iterator<Item = &Notice> {
        self.list.iter()
    }

    /// The toasts, bottom centre of `rect`.
    pub fn ui(&mut self, ui: &Ui, rect: egui::Rect) {
        let now = ui.input(|i| i.time);
        let fade = FADE_AFTER.as_secs_f64();
        self.list
            .retain(|n| n.level.stays() || n.shown_at.is_none_or(|t| now - t < fade));
        if self.list.is_empty() {
            return;
        }
        let mut dismissed = None;
        // No fade-in: a note there at the start is whole in the window's first picture,
        // and a new one costs no run of frames (each a full repaint on a CPU renderer).
        egui::Area::new(egui::Id::unique("notices"))
            .fade_in(false)
            .order(egui::Order::Foreground)
            .anchor(Align2::CENTER_BOTTOM, [0.0, 0.0])
            .constrain_to(rect)
            .pivot(Align2::CENTER_BOTTOM)
            .fixed_pos(rect.center_bottom() - egui::vec2(0.0, 12.0))
            .show(ui.ctx(), |ui| {
                for (i, notice) in self.list.iter_mut().enumerate() {
                    let started = *notice.shown_at.get_or_insert(now);
                    let (tone, mark) = match notice.level {
                        Level::Info | Level::Guide => (Tone::Neutral, "ℹ"),
                        Level::Refused => (Tone::Caution, "⚠"),
                        Level::Error => (Tone::Stop, "⚠"),
                    };
                    let visuals = ui.visuals().clone();
                    Frame::popup(ui.style())
                        .stroke(egui::Stroke::new(1.5, theme::tone_color(tone, &visuals)))
                        .show(ui, |ui| {
                            ui.set_max_width(560.0);
                            ui.horizontal(|ui| {
                                ui.label(
                                    RichText::new(mark)
                                        .color(theme::tone_color(tone, &visuals))
                                        .strong(),
                                );
                                ui.add(egui::Label::new(notice.text.as_str()).wrap());
                                let close =
                                    ui.small_button("×").on_hover_text("Dismiss this message");
                                close.widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::Role::Button,
                                        true,
                                        "Dismiss message",
                                    )
                                });
                                if close.clicked() {
                                    dismissed = Some(i);
                                }
                            });
                        });
                    if !notice.level.stays() {
                        let left = fade - (now - started);
                        if left > 0.0 {
                            ui.ctx()
                                .request_repaint_after(Duration::from_secs_f64(left));
                        }
                    }
                }
            });
        if let Some(i) = dismissed {
            self.list.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_and_errors_stay_and_a_refusal_can_be_cleared() {
        assert!(Level::Guide.stays() && Level::Error.stays());
        assert!(!Level::Info.stays() && !Level::Refused.stays());
        let mut notices = Notices::default();
        notices.push(Level::Guide, "welcome");
        notices.push(Level::Refused, "past day");
        notices.clear(Level::Refused);
        let left: Vec<_> = notices.iter().map(|n| n.level).collect();
        assert_eq!(left, [Level::Guide]);
    }
}
