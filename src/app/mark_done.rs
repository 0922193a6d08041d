//! "Mark done…" from a card's menu: a small window with what was actually run (minutes,
//! distance, RPE), filled in with the plan, so that logging a run that went differently
//! takes one look and one click. "Mark done" applies it as one edit, one undo step.
//!
//! The window's draft lives in egui's memory under one id, which only this module reads and
//! writes: the card opens it, the shell's windows draw it.

use eframe::egui::{self, Key, RichText, TextEdit};

use super::theme::error_color;
use super::{Command, field, format};
use crate::core::edit::Edit;
use crate::core::plan::Plan;
use crate::core::session::{Done, DoneRun, Session, SessionId};
use crate::core::settings::Units;
use crate::core::units::{Km, Minutes, Rpe};

/// What was run, as typed, until "Mark done".
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    id: SessionId,
    minutes: String,
    distance: String,
    rpe: String,
    /// The window was just opened: the minutes field takes the focus (once it has it, the
    /// runner decides where it goes).
    fresh: bool,
}

fn draft_id() -> egui::Id {
    egui::Id::unique("runweek mark done draft")
}

/// Opens the window for `session`, filled in with its planned minutes, distance and RPE.
pub fn open(ctx: &egui::Context, session: &Session, units: Units) {
    let draft = Draft {
        id: session.id,
        minutes: session.minutes.to_string(),
        distance: session
            .distance_km
            .map_or_else(String::new, |km| format::distance_number(km.get(), units)),
        rpe: session
            .rpe
            .map_or_else(|| session.kind.default_rpe(), Rpe::get)
            .to_string(),
        fresh: true,
    };
    ctx.data_mut(|d| d.insert_temp(draft_id(), draft));
}

/// The session as done with the typed numbers, or the first problem, in the field's words.
fn done(session: &Session, draft: &Draft, units: Units) -> Result<Session, String> {
    let minutes: Minutes = field::required(field::optional(&draft.minutes), || {
        "how long the run took is needed".to_owned()
    })
    .map_err(|p| format!("Minutes: {p}"))?;
    let distance_km =
        match field::decimal(&draft.distance, "8.5").map_err(|p| format!("Distance: {p}"))? {
            None => None,
            Some(value) => Some(Km::new(format::to_km(value, units)).map_err(|_| {
                format!(
                    "Distance: must be between 0 and {:.0} {}, got {value}",
                    match units {
                        Units::Km => Km::MAX,
                        Units::Mi => Km::MAX / crate::core::units::KM_PER_MILE,
                    },
                    format::unit_label(units)
                )
            })?),
        };
    let rpe: Option<Rpe> = field::optional(&draft.rpe).map_err(|p| format!("RPE: {p}"))?;
    let mut done = session.clone();
    done.done = Some(Done::Done(DoneRun {
        minutes,
        distance_km,
        rpe,
        avg_hr: None,
    }));
    Ok(done)
}

/// The window, while a draft is open.
pub fn mark_done_window(ctx: &egui::Context, plan: &Plan, out: &mut Vec<Command>) {
    let Some(mut draft) = ctx.data(|d| d.get_temp::<Draft>(draft_id())) else {
        return;
    };
    let Some(session) = plan.session(draft.id) else {
        // Deleted (or undone) while the window was open: nothing left to mark.
        ctx.data_mut(|d| d.remove::<Draft>(draft_id()));
        return;
    };
    let units = plan.settings.units;
    let result = done(session, &draft, units);
    let mut keep = true;
    let mut open = true;
    let screen = ctx.content_rect();
    let id = egui::Id::unique("runweek mark done window");
    if draft.fresh {
        // The first frame of a window only measures it: draw the next one at once.
        ctx.request_repaint();
    }
    egui::Window::new("Mark done")
        .id(id)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(300.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .show(ctx, |ui| {
            ui.label(
                RichText::new(format!(
                    "{} on {}",
                    session.display_title(),
                    format::day_short(session.date)
                ))
                .strong(),
            );
            ui.label(RichText::new("What you actually ran:").weak());
            let mut entered = false;
            let mut fresh = draft.fresh;
            egui::Grid::new("mark done fields")
                .num_columns(3)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    let unit = format::unit_label(units);
                    for (name, text, hint) in [
                        ("Minutes", &mut draft.minutes, "min"),
                        ("Distance", &mut draft.distance, unit),
                        ("RPE", &mut draft.rpe, "1–10"),
                    ] {
                        let label = ui.label(name);
                        let response = ui
                            .add(TextEdit::singleline(text).desired_width(70.0))
                            .labelled_by(label.id);
                        if name == "Minutes" && fresh {
                            // Until it has it: a window's first frame only measures it. Its
                            // text is selected, so typing the minutes replaces the plan's.
                            if response.has_focus() {
                                fresh = false;
                                if let Some(mut state) = TextEdit::load_state(ui.ctx(), response.id)
                                {
                                    state.cursor.set_char_range(Some(
                                        egui::text_selection::CCursorRange::select_all_str(text),
                                    ));
                                    TextEdit::store_state(ui.ctx(), response.id, state);
                                }
                            } else {
                                response.request_focus();
                            }
                        }
                        entered |= response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                        ui.label(RichText::new(hint).weak());
                        ui.end_row();
                    }
                });
            draft.fresh = fresh;
            if let Err(problem) = &result {
                ui.label(RichText::new(problem).small().color(error_color(ui)));
            }
            ui.horizontal(|ui| {
                let mark = ui.add_enabled(
                    result.is_ok(),
                    egui::Button::new(RichText::new("Mark done").strong()),
                );
                if (mark.clicked() || entered)
                    && let Ok(done) = &result
                {
                    out.push(Command::Edit(Edit::UpdateSession(done.clone())));
                    keep = false;
                }
                if ui.button("Cancel").clicked() {
                    keep = false;
                }
            });
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                keep = false;
            }
        });
    if keep && open {
        ctx.data_mut(|d| d.insert_temp(draft_id(), draft));
    } else {
        ctx.data_mut(|d| d.remove::<Draft>(draft_id()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typed_numbers_become_the_done_run() {
        let plan = crate::file::demo().expect("demo");
        let session = plan
            .session(SessionId(11))
            .expect("the demo's easy Wednesday");
        let draft = |minutes: &str, distance: &str, rpe: &str| Draft {
            id: session.id,
            minutes: minutes.into(),
            distance: distance.into(),
            rpe: rpe.into(),
            fresh: false,
        };
        let done = done(session, &draft("38", "7,2", "4"), Units::Km).expect("valid");
        let Some(Done::Done(run)) = done.done else {
            panic!("marked done");
        };
        assert_eq!(run.minutes.get(), 38);
        assert_eq!(run.distance_km.map(Km::get), Some(7.2));
        assert_eq!(run.rpe.map(Rpe::get), Some(4));
        assert_eq!(
            super::done(session, &draft("", "7", "4"), Units::Km)
                .err()
                .as_deref(),
            Some("Minutes: how long the run took is needed")
        );
        assert!(
            super::done(session, &draft("38", "7", "12"), Units::Km)
                .err()
                .is_some_and(|p| p.starts_with("RPE: "))
        );
    }
}
