//! The side panel for the selected day: the day's totals and warnings, its sessions, and the
//! editor of the selected session.
//!
//! Components about a day (the readiness check-in and its verdict) go between the day's
//! header and its sessions, as one call each from the App's side panel.

use eframe::egui::{self, RichText, Ui};
use jiff::civil::Date;

use super::session_editor::{self, Draft};
use super::theme::Tone;
use super::week_view::DayView;
use super::{Command, format, theme};
use crate::core::session::{Done, SessionId};
use crate::core::settings::Units;

#[derive(Debug, Clone, Copy)]
pub struct DayPanelArgs<'a> {
    pub day: &'a DayView,
    pub today: Date,
    pub units: Units,
    pub selected_session: Option<SessionId>,
}

/// The day's header: date, totals, availability and warnings.
pub fn day_header_ui(ui: &mut Ui, args: &DayPanelArgs<'_>) {
    let day = args.day;
    ui.heading(format::day_long(day.date));
    let visuals = ui.visuals().clone();
    if day.date == args.today {
        ui.label(
            RichText::new("Today")
                .strong()
                .color(theme::accent(&visuals)),
        );
    } else if day.date < args.today {
        ui.label(RichText::new("Past day: log what was done").weak());
    }
    let mut totals = format!("{} planned", format::duration(day.planned_minutes));
    if day.planned_km > 0.0 {
        totals.push_str(&format!(
            " · {}",
            format::distance(day.planned_km, args.units)
        ));
    }
    ui.label(totals);
    if day.blocked {
        ui.label("Blocked date: nothing should be planned.");
    } else if let Some(max) = day.max_minutes {
        ui.label(if max == 0 {
            "No time to train on this weekday.".to_owned()
        } else {
            format!("At most {max} min available.")
        });
    }
    for warning in &day.warnings {
        ui.add(
            egui::Label::new(
                RichText::new(format!("⚠ {warning}"))
                    .color(theme::tone_color(Tone::Caution, &visuals)),
            )
            .wrap(),
        );
    }
}

/// The day's sessions as a list, and the editor. Returns whether the editor should close.
pub fn sessions_ui(
    ui: &mut Ui,
    args: &DayPanelArgs<'_>,
    editor: Option<&mut Draft>,
    out: &mut Vec<Command>,
) -> bool {
    let day = args.day;
    ui.label(RichText::new("Sessions").strong());
    if day.sessions.is_empty() {
        ui.label(RichText::new("Nothing planned.").weak());
    }
    for session in &day.sessions {
        let planned = format::minutes(u32::from(session.minutes.get()));
        // A done session shows what was run; the plan only where it differed.
        let minutes = match session.done {
            Some(Done::Done(run)) if run.minutes != session.minutes => format!(
                "{} done ({planned} planned)",
                format::minutes(u32::from(run.minutes.get()))
            ),
            Some(Done::Done(run)) => {
                format!("{} done", format::minutes(u32::from(run.minutes.get())))
            }
            _ => planned,
        };
        let mut text = format!("{} · {minutes}", session.kind.label());
        if !session.title.trim().is_empty() {
            text = format!("{} — {text}", session.title);
        }
        if session.key {
            text.push_str(" · ★ key");
        }
        if session.is_done() {
            text.push_str(" · ✔");
        } else if session.is_skipped() {
            text.push_str(" · ✖ skipped");
        }
        if ui
            .selectable_label(args.selected_session == Some(session.id), text)
            .clicked()
        {
            out.push(Command::SelectSession(session.id));
        }
    }
    if ui.button("+ Add a session").clicked() {
        out.push(Command::NewSession(day.date));
    }
    let Some(draft) = editor else {
        return false;
    };
    ui.separator();
    session_editor::editor_ui(ui, draft, out)
}
