//! The week as seven day columns: date headers, day totals, the rules a day breaks, and
//! the session cards, which can be dragged to another day or another place in a day.
//!
//! As in egui's drag-and-drop demo, the grid only records what was dropped where during the
//! pass and emits one `Edit::MoveSession`; the App applies it after the pass, so one drop is
//! one undo step. A column that cannot take the card (a past day) says so while hovered and
//! again, as a message, if the card is dropped there.

use std::collections::BTreeMap;

use eframe::egui::{
    self, Align, Button, CornerRadius, Frame, Layout, Margin, RichText, ScrollArea, Shape, Stroke,
    StrokeKind, Ui,
};
use jiff::civil::Date;

use super::session_card::{self, CardArgs};
use super::theme::Tone;
use super::week_view::{DayView, WeekView};
use super::{Command, DragSession, format, theme};
use crate::core::edit::Edit;
use crate::core::session::SessionId;
use crate::core::settings::Units;

/// What the grid needs besides the week itself.
#[derive(Debug, Clone, Copy)]
pub struct GridArgs<'a> {
    pub view: &'a WeekView,
    pub today: Date,
    pub units: Units,
    pub selected_session: Option<SessionId>,
    pub selected_day: Date,
    /// While a re-plan is previewed: the one-line reason for each session it changes. Cards
    /// cannot be dragged then.
    pub preview_notes: Option<&'a BTreeMap<SessionId, String>>,
    /// While a re-plan is previewed: the first and last day it may change, tinted.
    pub reach: Option<(Date, Date)>,
}

pub fn week_grid_ui(ui: &mut Ui, args: &GridArgs<'_>, out: &mut Vec<Command>) {
    let min_height = ui.available_height() - 4.0;
    ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("week grid")
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.x = 6.0;
            ui.columns_const(|columns: &mut [Ui; 7]| {
                for (column, day) in columns.iter_mut().zip(&args.view.days) {
                    day_column(column, day, args, min_height, out);
                }
            });
        });
}

fn day_column(
    ui: &mut Ui,
    day: &DayView,
    args: &GridArgs<'_>,
    min_height: f32,
    out: &mut Vec<Command>,
) {
    let is_today = day.date == args.today;
    let is_past = day.date < args.today;
    let in_reach = args
        .reach
        .is_some_and(|(first, last)| first <= day.date && day.date <= last);
    let visuals = ui.visuals().clone();
    let background = ui.painter().add(Shape::Noop);
    let dragged = egui::DragAndDrop::payload::<DragSession>(ui.ctx());
    let refusal = session_card::no_drop_reason(day.date, args.today);

    // Where each card landed, for the insertion point of a drop.
    let mut card_rects: Vec<egui::Rect> = Vec::with_capacity(day.sessions.len());
    let mut cards_top = 0.0;
    let response = Frame::new()
        .inner_margin(Margin::same(6))
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            // Left-aligned, not justified: a justified layout would also justify wrapped
            // titles, spreading their words apart.
            ui.with_layout(Layout::top_down(Align::LEFT), |ui| {
                header(ui, day, args, is_today, is_past, out);
                ui.add_space(4.0);
                cards_top = ui.cursor().top();
                for session in &day.sessions {
                    let no_drag =
                        session_card::no_drag_reason(session, args.preview_notes.is_some());
                    let card = CardArgs {
                        units: args.units,
                        selected: args.selected_session == Some(session.id),
                        no_drag: no_drag.as_deref(),
                        note: args
                            .preview_notes
                            .and_then(|notes| notes.get(&session.id))
                            .map(String::as_str),
                    };
                    let rect = session_card::card_ui(ui, session, &card, out).rect;
                    if dragged.as_ref().is_none_or(|d| d.id != session.id) {
                        card_rects.push(rect);
                    }
                    ui.add_space(4.0);
                }
                for (session, why) in &day.dropped {
                    dropped_ui(ui, session, why, args.units);
                    ui.add_space(4.0);
                }
                let used = ui.min_rect().height();
                if used < min_height - 12.0 {
                    ui.add_space(min_height - 12.0 - used);
                }
            });
        })
        .response;
    let rect = response.rect;

    let hovered = dragged.is_some() && ui.rect_contains_pointer(rect);
    let fill = match (&dragged, hovered, refusal.is_some()) {
        (Some(_), true, false) => theme::drop_ok(&visuals),
        (Some(_), true, true) => theme::drop_refused(&visuals),
        _ if in_reach => theme::reach_fill(&visuals, theme::day_fill(&visuals, is_today, is_past)),
        _ => theme::day_fill(&visuals, is_today, is_past),
    };
    let stroke = if is_today {
        Stroke::new(2.0, theme::accent(&visuals))
    } else if !day.warnings.is_empty() {
        Stroke::new(1.5, theme::tone_color(Tone::Caution, &visuals))
    } else if hovered {
        Stroke::new(1.5, visuals.strong_text_color())
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    ui.painter().set(
        background,
        egui::epaint::RectShape::new(
            rect,
            CornerRadius::same(8),
            fill,
            stroke,
            StrokeKind::Inside,
        ),
    );
    if in_reach {
        // An underline along the column's top: the days the proposal may change.
        ui.painter().hline(
            (rect.left() + 8.0)..=(rect.right() - 8.0),
            rect.top() + 2.5,
            Stroke::new(3.0, theme::tone_color(Tone::Caution, &visuals)),
        );
    }

    let Some(payload) = dragged.filter(|_| hovered) else {
        return;
    };
    let pointer_y = ui.ctx().pointer_interact_pos().map_or(rect.top(), |p| p.y);
    let index = card_rects
        .iter()
        .filter(|r| r.center().y < pointer_y)
        .count();
    if let Some(why) = &refusal {
        // Say why before the drop: on the column's top, which the card rarely covers, and
        // with the cursor.
        ui.ctx().set_cursor_icon(egui::CursorIcon::NoDrop);
        let banner = egui::Rect::from_min_size(
            rect.left_top() + egui::vec2(4.0, 4.0),
            egui::vec2(rect.width() - 8.0, 40.0),
        );
        ui.painter()
            .rect_filled(banner, CornerRadius::same(6), theme::card_fill(&visuals));
        ui.painter().text(
            banner.center(),
            egui::Align2::CENTER_CENTER,
            "Past day:\ncan't move here",
            egui::FontId::proportional(13.0),
            theme::tone_color(Tone::Stop, &visuals),
        );
        if ui.input(|i| i.pointer.any_released()) {
            egui::DragAndDrop::clear_payload(ui.ctx());
            out.push(Command::Refuse(why.clone()));
        }
        return;
    }
    // The insertion point: a bar between the cards where the card will land.
    let y = match (index, card_rects.first()) {
        (_, None) => cards_top,
        (0, Some(first)) => first.top() - 2.0,
        (i, _) => card_rects[i - 1].bottom() + 2.0,
    };
    ui.painter().hline(
        (rect.left() + 6.0)..=(rect.right() - 6.0),
        y,
        Stroke::new(3.0, theme::accent(&visuals)),
    );
    // A drop on the card's own place changes nothing and is no undo step.
    let own_place = payload.from == day.date
        && day.sessions.iter().position(|s| s.id == payload.id) == Some(index);
    if ui.input(|i| i.pointer.any_released()) && !own_place {
        egui::DragAndDrop::clear_payload(ui.ctx());
        out.push(Command::Edit(Edit::MoveSession {
            id: payload.id,
            to: day.date,
            index: Some(index),
        }));
    }
}

/// A session a previewed proposal drops: an outline where its card was, what it was
/// (struck through), and why — the why in plain text, so it stays readable.
fn dropped_ui(ui: &mut Ui, session: &crate::core::session::Session, why: &str, units: Units) {
    let visuals = ui.visuals().clone();
    let stop = theme::tone_color(Tone::Stop, &visuals);
    Frame::new()
        .stroke(Stroke::new(1.5, stop))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(6))
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            ui.spacing_mut().item_spacing.y = 1.0;
            ui.label(RichText::new("✖ DROPPED").small().strong().color(stop));
            let mut what = format!(
                "{} · {}",
                session.display_title(),
                format::minutes(u32::from(session.minutes.get()))
            );
            if let Some(km) = session.distance_km {
                what.push_str(&format!(" · {}", format::distance(km.get(), units)));
            }
            ui.add(egui::Label::new(RichText::new(what).strikethrough()).wrap());
            if !why.is_empty() {
                ui.add(egui::Label::new(RichText::new(why).small()).wrap());
            }
        });
}

fn header(
    ui: &mut Ui,
    day: &DayView,
    args: &GridArgs<'_>,
    is_today: bool,
    is_past: bool,
    out: &mut Vec<Command>,
) {
    let visuals = ui.visuals().clone();
    // "Mon 30 Nov" where the column has room for it, else "Mon 30": a header is never cut.
    // The date has its line to itself; the "+" sits on the line under it.
    let long = format::day_short(day.date);
    let room = ui.available_width() - 2.0 * ui.spacing().button_padding.x;
    let text = if theme::text_width(ui, RichText::new(&long).strong()) <= room {
        long
    } else {
        format::day_tight(day.date)
    };
    let mut date = RichText::new(text).strong();
    if is_past {
        date = date.color(visuals.weak_text_color());
    }
    if ui
        .selectable_label(args.selected_day == day.date, date)
        .on_hover_text(format::day_long(day.date))
        .clicked()
    {
        out.push(Command::SelectDay(day.date));
    }
    ui.horizontal(|ui| {
        if is_today {
            ui.label(
                RichText::new("TODAY")
                    .small()
                    .strong()
                    .color(theme::accent(&visuals)),
            );
        } else if is_past {
            ui.label(RichText::new("past").small().weak());
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let add_label = format!("Add a session on {}", format::day_short(day.date));
            let add = ui.add(Button::new(RichText::new("+").strong()).small());
            add.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &add_label));
            if add.on_hover_text(&add_label).clicked() {
                out.push(Command::NewSession(day.date));
            }
        });
    });
    let mut totals = format::minutes(day.planned_minutes);
    if day.planned_km > 0.0 {
        totals.push_str(" · ");
        totals.push_str(&format::distance(day.planned_km, args.units));
    }
    ui.label(RichText::new(totals).small());
    if day.blocked {
        ui.label(RichText::new("Blocked date").small().strong());
    } else if let Some(max) = day.max_minutes {
        let text = if max == 0 {
            "No time to train".to_owned()
        } else {
            format!("Max {max} min")
        };
        ui.label(RichText::new(text).small().weak());
    }
    // The re-plan runs on past the grid's last day: say where to, since the grid stops here.
    if let Some((_, last)) = args.reach
        && last > day.date
        && args.view.days.last().is_some_and(|d| d.date == day.date)
    {
        ui.add(
            egui::Label::new(
                RichText::new(format!("Re-plan reaches {} →", format::day_short(last)))
                    .small()
                    .color(theme::tone_color(Tone::Caution, &visuals)),
            )
            .wrap(),
        );
    }
    if let Some(badge) = &day.badge {
        let color = theme::tone_color(badge.tone, &visuals);
        let text = format!("{} {}", theme::tone_mark(badge.tone), badge.text);
        let response = ui.label(RichText::new(text).strong().color(color));
        if !badge.reasons.is_empty() {
            response.on_hover_text(badge.reasons.join("\n"));
        }
    }
    for warning in &day.warnings {
        ui.add(
            egui::Label::new(
                RichText::new(format!("⚠ {warning}"))
                    .small()
                    .color(theme::tone_color(Tone::Caution, &visuals)),
            )
            .wrap(),
        );
    }
}
