//! One session as a card on the grid: kind (colour stripe and word), title, minutes and
//! distance, the key mark and what became of the session; a drag source; a context menu.
//!
//! The card is its own drag source rather than `Ui::dnd_drag_source`, because that helper
//! lays a drag-only widget over the card and so swallows clicks; here one widget senses
//! both, so a click selects, a drag moves and a right-click opens the menu.

use eframe::egui::{
    self, Align, CornerRadius, Frame, Id, LayerId, Layout, Margin, Order, RichText, Sense, Stroke,
    StrokeKind, Ui, UiBuilder, emath::TSTransform,
};
use jiff::civil::Date;

use super::format;
use super::theme;
use super::{Command, DragSession};
use crate::core::edit::Edit;
use crate::core::session::{Done, DoneRun, Session};
use crate::core::settings::Units;

/// How a card should look and behave.
#[derive(Debug, Clone, Copy)]
pub struct CardArgs<'a> {
    pub units: Units,
    pub selected: bool,
    /// Why the card may not be dragged, if it may not.
    pub no_drag: Option<&'a str>,
    /// A re-plan preview's one-line reason for changing this session.
    pub note: Option<&'a str>,
}

/// The id of a card's widget: stable per session, so a drag survives the card's day changing
/// under it.
pub fn card_id(session: &Session) -> Id {
    Id::unique(("session card", session.id))
}

/// The words a screen reader (and a test) uses for a card.
pub fn card_label(session: &Session, units: Units) -> String {
    let mut words = vec![session.kind.label().to_owned()];
    if !session.title.trim().is_empty() {
        words.push(session.title.clone());
    }
    words.push(format::minutes(u32::from(session.minutes.get())));
    if let Some(km) = session.distance_km {
        words.push(format::distance(km.get(), units));
    }
    if session.key {
        words.push("key workout".to_owned());
    }
    match session.done {
        Some(Done::Done(run)) => words.push(format!("done, {} min", run.minutes)),
        Some(Done::Skipped) => words.push("skipped".to_owned()),
        None => {}
    }
    words.join(", ")
}

/// Shows the card and returns its response (its rect tells the grid where it is).
pub fn card_ui(
    ui: &mut Ui,
    session: &Session,
    args: &CardArgs<'_>,
    out: &mut Vec<Command>,
) -> egui::Response {
    let id = card_id(session);
    if dragged(ui, session, id, args.no_drag) {
        // The card follows the pointer on a layer above everything, keeping the point where
        // it was grabbed; its home slot keeps its size and shows an outline, so the column
        // does not jump while the runner aims.
        let layer = LayerId::new(Order::Tooltip, id);
        let rect = ui
            .scope_builder(UiBuilder::new().layer_id(layer), |ui| {
                paint_card(ui, session, args, true)
            })
            .response
            .rect;
        return follow_pointer(ui, layer, rect, id, 6);
    }

    let rect = paint_card(ui, session, args, false).rect;
    let handle = Handle {
        id,
        selected: args.selected,
        no_drag: args.no_drag,
        units: args.units,
    };
    let hover = (!session.notes.trim().is_empty()).then(|| session.notes.clone());
    handle_ui(
        ui,
        rect,
        session,
        &handle,
        &card_label(session, args.units),
        hover,
        out,
    )
}

/// Whether the session's card or chip (widget `id`) is being dragged; while it is, the
/// session is the drag's payload, so a drop anywhere follows the same rules.
pub fn dragged(ui: &Ui, session: &Session, id: Id, no_drag: Option<&str>) -> bool {
    let dragged = no_drag.is_none() && ui.ctx().is_being_dragged(id);
    if dragged {
        egui::DragAndDrop::set_payload(
            ui.ctx(),
            DragSession {
                id: session.id,
                from: session.date,
            },
        );
    }
    dragged
}

/// While a card or chip is dragged: its home `rect` keeps an outline, and the `layer` it
/// was painted on follows the pointer from the point where it was grabbed.
pub fn follow_pointer(
    ui: &Ui,
    layer: LayerId,
    rect: egui::Rect,
    id: Id,
    radius: u8,
) -> egui::Response {
    ui.painter().rect_stroke(
        rect,
        CornerRadius::same(radius),
        Stroke::new(1.0, ui.visuals().weak_text_color()),
        StrokeKind::Inside,
    );
    let pointer = ui.ctx().pointer_interact_pos();
    let origin = ui.input(|i| i.pointer.press_origin());
    if let (Some(pointer), Some(origin)) = (pointer, origin) {
        ui.ctx()
            .transform_layer_shapes(layer, TSTransform::from_translation(pointer - origin));
    }
    ui.interact(rect, id, Sense::click_and_drag())
}

/// What makes a painted session a handle: its widget id, whether it is selected, why it
/// may not be dragged (if it may not) and the runner's units for its menu.
pub struct Handle<'a> {
    pub id: Id,
    pub selected: bool,
    pub no_drag: Option<&'a str>,
    pub units: Units,
}

/// The painted session in `rect` as one widget that senses click, drag and right-click: a
/// click selects, a drag that may not start says why, a right-click opens the session's
/// menu. `name` is what a screen reader (and a test) calls it.
pub fn handle_ui(
    ui: &mut Ui,
    rect: egui::Rect,
    session: &Session,
    handle: &Handle<'_>,
    name: &str,
    hover: Option<String>,
    out: &mut Vec<Command>,
) -> egui::Response {
    let response = ui
        .interact(rect, handle.id, Sense::click_and_drag())
        .on_hover_cursor(if handle.no_drag.is_none() {
            egui::CursorIcon::Grab
        } else {
            egui::CursorIcon::Default
        });
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, handle.selected, name)
    });
    if response.drag_started()
        && let Some(why) = handle.no_drag
    {
        out.push(Command::Refuse(why.to_owned()));
    }
    if response.clicked() {
        out.push(Command::SelectSession(session.id));
    }
    let response = match hover {
        Some(text) => response.on_hover_text(text),
        None => response,
    };
    response.context_menu(|ui| context_menu(ui, session, handle.units, out));
    response
}

/// The right-click menu: the editor's actions, one click away (on a card and on a block's
/// chip alike).
pub fn context_menu(ui: &mut Ui, session: &Session, units: Units, out: &mut Vec<Command>) {
    if ui.button("Edit…").clicked() {
        out.push(Command::SelectSession(session.id));
    }
    if ui.button("Duplicate").clicked() {
        out.push(Command::Duplicate(session.id));
    }
    ui.separator();
    if !session.is_done() && ui.button("Mark done…").clicked() {
        super::mark_done::open(ui.ctx(), session, units);
    }
    if !session.is_done() && ui.button("Mark done as planned").clicked() {
        let mut done = session.clone();
        done.done = Some(Done::Done(DoneRun {
            minutes: session.minutes,
            distance_km: session.distance_km,
            rpe: session.rpe,
            avg_hr: None,
        }));
        out.push(Command::Edit(Edit::UpdateSession(done)));
    }
    if !session.is_skipped() && ui.button("Mark skipped").clicked() {
        let mut skipped = session.clone();
        skipped.done = Some(Done::Skipped);
        out.push(Command::Edit(Edit::UpdateSession(skipped)));
    }
    if session.done.is_some() && ui.button("Mark not done yet").clicked() {
        let mut planned = session.clone();
        planned.done = None;
        out.push(Command::Edit(Edit::UpdateSession(planned)));
    }
    ui.separator();
    if ui.button("Delete").clicked() {
        out.push(Command::Edit(Edit::RemoveSession(session.id)));
    }
}

/// Paints the card where the layout puts it; `lifted` when it follows the pointer.
fn paint_card(ui: &mut Ui, session: &Session, args: &CardArgs<'_>, lifted: bool) -> egui::Response {
    let visuals = ui.visuals().clone();
    let stripe = theme::kind_color(session.kind, &visuals);
    let accent = theme::accent(&visuals);
    let stroke = if args.selected {
        Stroke::new(2.0, accent)
    } else if args.note.is_some() {
        // Changed by a previewed proposal: the card stands out from the ones that stay.
        Stroke::new(2.0, theme::tone_color(theme::Tone::Caution, &visuals))
    } else if session.key {
        Stroke::new(1.5, visuals.strong_text_color())
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    let skipped = session.is_skipped();
    let mut frame = Frame::new()
        .fill(theme::card_fill(&visuals))
        .stroke(stroke)
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin {
            left: 11,
            right: 6,
            top: 5,
            bottom: 5,
        });
    if lifted {
        frame = frame.shadow(visuals.popup_shadow);
    }
    let inner = frame.show(ui, |ui| {
        ui.set_min_width(ui.available_width());
        ui.spacing_mut().item_spacing.y = 1.0;
        if skipped {
            ui.multiply_opacity(0.6);
        }
        let kind = RichText::new(session.kind.label().to_uppercase())
            .small()
            .strong();
        let key = RichText::new("★ KEY").small().strong().color(accent);
        // The kind and the key mark share a line where both fit, else the mark goes under
        // the kind: on a narrow week they never overlap.
        let both = theme::text_width(ui, kind.clone())
            + theme::text_width(ui, key.clone())
            + 2.0 * ui.spacing().item_spacing.x;
        if session.key && both > ui.available_width() {
            ui.add(egui::Label::new(kind).wrap());
            ui.label(key);
        } else {
            ui.horizontal(|ui| {
                ui.label(kind);
                if session.key {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        ui.label(key);
                    });
                }
            });
        }
        if !session.title.trim().is_empty() {
            let mut title = RichText::new(session.title.as_str()).strong();
            if skipped {
                title = title.strikethrough();
            }
            ui.add(egui::Label::new(title).wrap());
        }
        // A planned rest day has no numbers worth a line.
        if session.minutes.get() > 0 || session.distance_km.is_some() {
            let mut numbers = format::minutes(u32::from(session.minutes.get()));
            if let Some(km) = session.distance_km {
                numbers.push_str(" · ");
                numbers.push_str(&format::distance(km.get(), args.units));
            }
            ui.label(RichText::new(numbers).small());
        }
        match session.done {
            Some(Done::Done(run)) => {
                let mut text = format!("✔ Done · {} min", run.minutes);
                if let Some(rpe) = run.rpe {
                    text.push_str(&format!(" · RPE {rpe}"));
                }
                ui.label(
                    RichText::new(text)
                        .small()
                        .color(theme::tone_color(theme::Tone::Good, &visuals)),
                );
            }
            Some(Done::Skipped) => {
                ui.label(RichText::new("✖ Skipped").small().strong());
            }
            None => {}
        }
        if let Some(note) = args.note {
            // A preview's note: its first line says what changed (old → new, where the
            // card came from), marked; the rest says why, in plain text that stays readable.
            let (what, why) = note.split_once('\n').unwrap_or((note, ""));
            ui.add_space(2.0);
            ui.add(
                egui::Label::new(
                    RichText::new(format!("↻ {what}"))
                        .small()
                        .strong()
                        .color(theme::tone_color(theme::Tone::Caution, &visuals)),
                )
                .wrap(),
            );
            if !why.is_empty() {
                ui.add(egui::Label::new(RichText::new(why).small()).wrap());
            }
        }
    });
    let rect = inner.response.rect;
    // The kind's colour as a stripe down the left edge, inside the border.
    let stripe_rect = egui::Rect::from_min_max(
        rect.left_top() + egui::vec2(1.0, 1.0),
        egui::pos2(rect.left() + 6.0, rect.bottom() - 1.0),
    );
    ui.painter().rect_filled(
        stripe_rect,
        CornerRadius {
            nw: 5,
            sw: 5,
            ne: 0,
            se: 0,
        },
        stripe,
    );
    inner.response
}

/// Why a session may not be dragged right now, if it may not.
pub fn no_drag_reason(session: &Session, previewing: bool) -> Option<String> {
    if previewing {
        return Some(
            "Accept or discard the proposed re-plan before moving sessions by hand.".into(),
        );
    }
    if session.is_done() {
        return Some(format!(
            "“{}” is done: a session that was run stays on the day it was run.",
            session.display_title()
        ));
    }
    None
}

/// Why a session may not be dropped on `day`, if it may not.
pub fn no_drop_reason(day: Date, today: Date) -> Option<String> {
    format::past_day(day, today)
}
