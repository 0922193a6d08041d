//! The readiness check-in for the selected day, and the day's verdict above it.
//!
//! The article's point is that readiness is read from the body, in the morning or after the
//! first 10–15 minutes of the run, and that the call is only trusted when its reasons are
//! visible. So the panel puts the verdict (Push, As planned, Hold back, Rest, or "Not logged")
//! on top with one line per reason, and below it the two moments, the six signals as one
//! click each, and the optional numbers.
//!
//! Logging has to take seconds, and each gesture must be one undo step: a click on a signal
//! applies at once as one `Edit::SetReadiness`; a typed number applies when Enter is pressed
//! or the field loses focus (never per keystroke), and a value out of range is refused under
//! the field with its allowed range. What was typed but not yet applied is applied when the
//! panel moves to another day or moment, or refused with a message, so nothing is dropped
//! silently.
//!
//! The panel shares the side panel with the session editor, so it gives way: while a session
//! is open the form folds under the verdict (what was typed is applied first), and a day
//! still ahead shows no form at all, because a check describes a day that has begun.
//! # Where its input comes from
//!
//! The panel computes nothing heavy. The day's verdict — an
//! [`Assessment`](crate::core::verdict::Assessment) from `core::verdict` — is computed once
//! per change with the week's view ([`super::week_view::WeekView`], the derived state of the
//! shown week) and handed in through [`ReadinessArgs::assessment`]; the panel only reads it,
//! as does the grid's badge ([`super::badge`]).
//!
//! # Files
//!
//! - `mod.rs` — the panel's state, its arguments, and [`readiness_ui`], which lays out the
//!   parts below;
//! - `verdict_card.rs` — the verdict with its reasons; `why.rs` — the rules in force and the
//!   baselines;
//! - `moments.rs` — the morning and warm-up tabs; `signals.rs` — the six signals and the two
//!   switches, one click each;
//! - `numbers.rs` — the typed numbers and notes; `draft.rs` — what was typed and not yet
//!   applied;
//! - `carry_over.rs` — the "fatigue is carrying over" banner above the grid.

mod carry_over;
mod draft;
mod moments;
mod numbers;
mod signals;
mod verdict_card;
mod why;

use eframe::egui::{self, Button, CollapsingHeader, RichText, Ui};
use jiff::civil::Date;

use super::Command;
use crate::core::edit::Edit;
use crate::core::plan::Plan;
use crate::core::readiness::{ReadinessEntry, When};
use crate::core::verdict::Assessment;

pub use carry_over::week_carry_over_ui;
use draft::{leave, sync_draft};
use moments::moments_ui;
use numbers::{Draft, notes_ui, numbers_ui};
use signals::{signals_ui, switches_ui};
use verdict_card::verdict_ui;

/// What the panel remembers between frames: the moment on show, whether "Why?" is open,
/// and the numbers being typed.
#[derive(Debug, Clone, Default)]
pub struct ReadinessPanel {
    /// The moment chosen for a day; another day starts from its own default.
    moment: Option<(Date, When)>,
    why: bool,
    draft: Option<Draft>,
    /// The tallest the verdict and its reasons have been on the day shown: the panel keeps
    /// that height while the runner clicks through the signals, so that the buttons below
    /// do not jump up when a reason goes away.
    verdict_height: Option<(Date, f32)>,
    /// Whether the form was folded away last frame (a session open in the editor).
    compact: bool,
}

/// What the panel reads besides its own state.
#[derive(Debug, Clone, Copy)]
pub struct ReadinessArgs<'a> {
    pub plan: &'a Plan,
    pub date: Date,
    pub today: Date,
    /// The day's verdict, computed with the week's view.
    pub assessment: &'a Assessment,
    /// A session of the day is open in the editor: the form folds away under the verdict.
    pub session_open: bool,
}

/// The panel: the verdict, the moments, the signals, the numbers, the notes.
pub fn readiness_ui(
    ui: &mut Ui,
    panel: &mut ReadinessPanel,
    args: &ReadinessArgs<'_>,
    out: &mut Vec<Command>,
) {
    let date = args.date;
    let when = match panel.moment {
        Some((d, w)) if d == date => w,
        _ => {
            // A day opens on the check that decides it.
            let w = if args.plan.readiness_on(date, When::WarmUp).is_some() {
                When::WarmUp
            } else {
                When::Morning
            };
            panel.moment = Some((date, w));
            w
        }
    };
    let mut current = args.plan.readiness_on(date, when);
    sync_draft(panel, args.plan, date, when, current, out);
    // Folding the form away is like focus leaving it: what was typed is applied (or
    // refused with a message) now, not left behind in a hidden field.
    let flushed = if args.session_open && !panel.compact {
        let flushed = panel
            .draft
            .take()
            .and_then(|draft| leave(&draft, args.plan, out));
        panel.draft = Some(Draft::of(date, when, flushed.as_ref().or(current)));
        flushed
    } else {
        None
    };
    panel.compact = args.session_open;
    if flushed.is_some() {
        current = flushed.as_ref();
    }

    let reserved = match panel.verdict_height {
        Some((d, h)) if d == date => h,
        _ => 0.0,
    };
    let height = verdict_ui(ui, args, &mut panel.why, reserved, out);
    panel.verdict_height = Some((date, height.max(reserved)));
    ui.add_space(6.0);

    let future = date > args.today;
    let logged_any = !args.plan.readiness_between(date, date).is_empty();
    if future && !logged_any {
        ui.add(
            egui::Label::new(
                RichText::new(
                    "The check is logged on the day: in the morning, or after the first \
                     10–15 minutes of the run.",
                )
                .weak(),
            )
            .wrap(),
        );
        return;
    }

    if args.session_open {
        // A session is open in the editor below: the verdict stays, the form folds away
        // so that the editor is in view.
        CollapsingHeader::new("Log how the body responds")
            .id_salt("readiness form while editing")
            .default_open(false)
            .show(ui, |ui| form_ui(ui, panel, args, when, current, out));
    } else {
        form_ui(ui, panel, args, when, current, out);
    }
}

/// The moments, the signals, the switches, the numbers, the notes and Clear.
fn form_ui(
    ui: &mut Ui,
    panel: &mut ReadinessPanel,
    args: &ReadinessArgs<'_>,
    when: When,
    // The check as the plan has it, or as just applied this frame.
    current: Option<&ReadinessEntry>,
    out: &mut Vec<Command>,
) {
    let date = args.date;
    let Some(draft) = panel.draft.as_mut() else {
        return;
    };
    let mut moment = when;
    moments_ui(ui, args.plan, date, &mut moment);
    if moment != when {
        panel.moment = Some((date, moment));
        ui.ctx().request_repaint();
    }
    ui.add_space(4.0);

    let mut pending = Pending::new(current, date, when);
    signals_ui(ui, args, &mut pending, out);
    ui.add_space(4.0);
    switches_ui(ui, when, &mut pending, out);
    numbers_ui(ui, draft, current, &mut pending, out);
    notes_ui(ui, draft, &mut pending, out);

    ui.add_space(4.0);
    let clear = format!("Clear the {}", moment_words(when));
    let response = ui
        .add_enabled(current.is_some(), Button::new(&clear))
        .on_hover_text("Remove this check from the plan (Ctrl+Z brings it back)")
        .on_disabled_hover_text("Nothing logged for this moment yet");
    if response.clicked() {
        out.push(Command::Edit(Edit::RemoveReadiness { date, when }));
    }
}

fn moment_words(when: When) -> &'static str {
    match when {
        When::Morning => "morning check",
        When::WarmUp => "warm-up check",
    }
}

/// The entry as changed during this frame, and the last version pushed as an edit, so that
/// several changes in one frame (a field losing focus to a click) build on each other and
/// nothing is pushed twice.
struct Pending {
    entry: ReadinessEntry,
    last: Option<ReadinessEntry>,
}

impl Pending {
    fn new(current: Option<&ReadinessEntry>, date: Date, when: When) -> Pending {
        Pending {
            entry: current
                .cloned()
                .unwrap_or_else(|| ReadinessEntry::new(date, when)),
            last: current.cloned(),
        }
    }

    /// Whether the moment has a check (in the plan, or from a click this frame).
    fn logged(&self) -> bool {
        self.last.is_some()
    }

    /// Pushes the entry as one edit if it changed. Without an entry yet, an untouched one
    /// is only created when `create` says the gesture meant it (a click on an answer).
    fn push(&mut self, create: bool, out: &mut Vec<Command>) {
        if self.last.as_ref() == Some(&self.entry) {
            return;
        }
        if self.last.is_none()
            && !create
            && self.entry == ReadinessEntry::new(self.entry.date, self.entry.when)
        {
            return;
        }
        out.push(Command::Edit(Edit::SetReadiness(self.entry.clone())));
        self.last = Some(self.entry.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::super::theme::{self, Tone};
    use super::*;
    use crate::core::readiness::Legs;
    use jiff::civil::date;

    fn entry() -> ReadinessEntry {
        ReadinessEntry::new(date(2026, 11, 25), When::Morning)
    }

    fn pushed(out: &[Command]) -> Vec<&Edit> {
        out.iter()
            .filter_map(|c| match c {
                Command::Edit(e) => Some(e),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_change_is_pushed_once_and_an_empty_field_creates_nothing() {
        let mut out = Vec::new();
        let mut p = Pending::new(None, date(2026, 11, 25), When::Morning);
        // Focus leaving an empty field on a day without a check: nothing to log.
        p.push(false, &mut out);
        assert!(out.is_empty());
        // A click on Normal logs the check.
        p.push(true, &mut out);
        assert_eq!(pushed(&out).len(), 1);
        // The same entry again (focus lost twice in a row) is not a second edit.
        p.push(false, &mut out);
        assert_eq!(pushed(&out).len(), 1);
        p.entry.legs = Legs::Heavy;
        p.push(true, &mut out);
        assert_eq!(
            pushed(&out).last(),
            Some(&&Edit::SetReadiness(ReadinessEntry {
                legs: Legs::Heavy,
                ..entry()
            }))
        );
    }

    #[test]
    fn every_mark_the_panel_draws_has_a_glyph() {
        let ctx = eframe::egui::Context::default();
        ctx.run_ui(Default::default(), |_| {})
            .drop_without_applying_deltas();
        let font = eframe::egui::FontId::proportional(13.0);
        let mut text: String = [Tone::Good, Tone::Neutral, Tone::Caution, Tone::Stop]
            .map(theme::tone_mark)
            .concat();
        // The other marks and punctuation of the panel, the reasons and the rules.
        text.push_str("–·“”•…›✔±");
        for c in text.chars() {
            assert!(
                ctx.fonts_mut(|f| f.has_glyph(&font, c)),
                "no glyph for {c} (U+{:04X})",
                c as u32
            );
        }
    }
}
