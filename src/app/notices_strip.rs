//! The strip above the grid where the notices about the week show: a proposal on show, the
//! offers of the selected day (a re-plan, a missed session, a longer session), and fatigue
//! carrying over.
//!
//! The strip has one fixed height whether it holds nothing, one notice or three, and
//! scrolls inside when they need more: a notice that appears, shrinks or goes (a proposal
//! accepted, a day selected) never moves the grid under the runner's pointer.

use eframe::egui::{self, RichText, Ui};
use jiff::civil::Date;

use super::preview::{self, Preview};
use super::replan_panel::{self, Offers};
use super::week_view::WeekView;
use super::{Command, readiness_panel};

/// What the strip shows.
pub struct Strip<'a> {
    pub view: &'a WeekView,
    pub today: Date,
    /// A proposal on show: it takes the place of the offers.
    pub preview: Option<&'a Preview>,
    pub offers: Option<&'a Offers>,
    pub offer: replan_panel::OfferArgs<'a>,
}

/// The strip's height: at least five lines of body text (an offer with its detail, or a
/// proposal's headline and first lines), more on a taller window, where a whole proposal
/// fits; one height for the window's size whatever the strip holds.
pub fn strip_height(ui: &Ui) -> f32 {
    let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let window = ui.ctx().content_rect().height();
    (5.0 * line + 12.0).max((0.18 * window / line).floor() * line + 12.0)
}

pub fn strip_ui(ui: &mut Ui, strip: &Strip<'_>, out: &mut Vec<Command>) {
    let height = strip_height(ui);
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let mut inner = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    inner.set_clip_rect(rect.intersect(ui.clip_rect()));
    egui::ScrollArea::vertical()
        .id_salt("week notices")
        .auto_shrink([false, false])
        .max_height(height)
        .show(&mut inner, |ui| {
            let mut shown = false;
            if let Some(preview) = strip.preview {
                preview::banner_ui(ui, preview, out);
                ui.add_space(4.0);
                shown = true;
            } else if let Some(offers) = strip.offers {
                shown |= replan_panel::offers_ui(ui, offers, &strip.offer, out);
            }
            shown |= readiness_panel::week_carry_over_ui(ui, strip.view, strip.today);
            if !shown {
                ui.label(
                    RichText::new(
                        "No notices for this week. Select a day to log how your body \
                         feels; drag a card to move a session.",
                    )
                    .weak(),
                );
            }
        });
    ui.add_space(4.0);
}
