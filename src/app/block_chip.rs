//! One session as a chip of the block view: the kind's colour, the minutes, the key star and
//! what became of it (✔ done, ✖ skipped), in one line; a drag source; the card's context
//! menu.
//!
//! Like the week's cards, the chip is its own drag source (one widget senses click, drag
//! and right-click), and it carries the same payload, so a drop anywhere follows the same
//! rules. The words a chip has no room for are in its hover text and its accessible name.

use eframe::egui::{self, CornerRadius, FontId, Id, LayerId, Order, Rect, Stroke, StrokeKind, Ui};

use super::{Command, session_card, theme};
use crate::core::session::{Done, Session};
use crate::core::settings::Units;
use crate::present::block::chip_words;

/// A chip's height, in points.
pub const CHIP_HEIGHT: f32 = 20.0;

/// How a chip should look and behave.
#[derive(Debug, Clone, Copy)]
pub struct ChipArgs<'a> {
    pub units: Units,
    pub selected: bool,
    /// Why the chip may not be dragged, if it may not.
    pub no_drag: Option<&'a str>,
}

/// The id of a chip's widget: stable per session, so a drag survives the chip's day
/// changing under it.
pub fn chip_id(session: &Session) -> Id {
    Id::unique(("block chip", session.id))
}

/// Shows the chip in `rect` and returns its response.
pub fn chip_ui(
    ui: &mut Ui,
    rect: Rect,
    session: &Session,
    args: &ChipArgs<'_>,
    out: &mut Vec<Command>,
) -> egui::Response {
    let id = chip_id(session);
    if session_card::dragged(ui, session, id, args.no_drag) {
        // The chip follows the pointer on a layer above everything; its home keeps an
        // outline, so the row does not change while the runner aims.
        let layer = LayerId::new(Order::Tooltip, id);
        paint_chip(
            &ui.painter().clone().with_layer_id(layer),
            rect,
            session,
            args,
            ui,
        );
        return session_card::follow_pointer(ui, layer, rect, id, 4);
    }
    paint_chip(ui.painter(), rect, session, args, ui);
    let words = chip_words(session);
    let hover = if session.notes.trim().is_empty() {
        words.clone()
    } else {
        format!("{words}\n{}", session.notes.trim())
    };
    let handle = session_card::Handle {
        id,
        selected: args.selected,
        no_drag: args.no_drag,
        units: args.units,
    };
    session_card::handle_ui(ui, rect, session, &handle, &words, Some(hover), out)
}

/// The chip's text for its width: the kind's name where it fits, then the minutes, the key
/// star and the mark of what became of it.
fn chip_text(session: &Session, with_kind: bool) -> String {
    let mut text = String::new();
    if with_kind || session.minutes.get() == 0 {
        text += session.kind.label();
        text.push(' ');
    }
    if session.minutes.get() > 0 {
        text += &format!("{} min", session.minutes);
    }
    if session.key {
        text += " ★";
    }
    match session.done {
        Some(Done::Done(_)) => text += " ✔",
        Some(Done::Skipped) => text += " ✖",
        None => {}
    }
    text.trim().to_owned()
}

fn paint_chip(
    painter: &egui::Painter,
    rect: Rect,
    session: &Session,
    args: &ChipArgs<'_>,
    ui: &Ui,
) {
    let visuals = ui.visuals();
    let kind = theme::kind_color(session.kind, visuals);
    let stroke = if args.selected {
        Stroke::new(2.0, theme::accent(visuals))
    } else if session.key {
        Stroke::new(1.5, visuals.strong_text_color())
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    painter.rect(
        rect,
        CornerRadius::same(4),
        theme::card_fill(visuals),
        stroke,
        StrokeKind::Inside,
    );
    let stripe = Rect::from_min_max(
        rect.left_top() + egui::vec2(1.0, 1.0),
        egui::pos2(rect.left() + 5.0, rect.bottom() - 1.0),
    );
    painter.rect_filled(
        stripe,
        CornerRadius {
            nw: 3,
            sw: 3,
            ne: 0,
            se: 0,
        },
        kind,
    );
    let font = FontId::proportional(12.0);
    let mut color = visuals.text_color();
    if session.is_skipped() {
        color = visuals.weak_text_color();
    }
    let room = rect.width() - 12.0;
    let long = chip_text(session, true);
    let fits = |text: &str| {
        painter
            .layout_no_wrap(text.to_owned(), font.clone(), color)
            .size()
            .x
            <= room
    };
    let text = if fits(&long) {
        long
    } else {
        chip_text(session, false)
    };
    let galley = painter.layout_no_wrap(text, font, color);
    let clip = painter.clip_rect().intersect(rect.shrink(1.0));
    let at = egui::pos2(rect.left() + 8.0, rect.center().y - galley.size().y / 2.0);
    painter
        .with_clip_rect(clip)
        .galley(at, galley.clone(), color);
    if session.is_skipped() {
        let y = rect.center().y;
        painter.with_clip_rect(clip).hline(
            at.x..=(at.x + galley.size().x).min(rect.right() - 2.0),
            y,
            Stroke::new(1.0, color),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::{DoneRun, Kind, SessionId};
    use crate::core::units::Minutes;
    use jiff::civil::date;

    #[test]
    fn a_chip_says_minutes_key_and_state_and_the_kind_where_it_fits() {
        let mut s = Session::new(
            SessionId(1),
            date(2026, 11, 24),
            Kind::Intervals,
            Minutes::new(60).expect("valid"),
        );
        s.key = true;
        assert_eq!(chip_text(&s, true), "Intervals 60 min ★");
        assert_eq!(chip_text(&s, false), "60 min ★");
        s.done = Some(Done::Done(DoneRun {
            minutes: s.minutes,
            distance_km: None,
            rpe: None,
            avg_hr: None,
        }));
        assert_eq!(chip_text(&s, false), "60 min ★ ✔");
        let rest = Session::new(
            SessionId(2),
            date(2026, 11, 23),
            Kind::Rest,
            Minutes::new(0).expect("valid"),
        );
        assert_eq!(chip_text(&rest, false), "Rest");
    }
}
