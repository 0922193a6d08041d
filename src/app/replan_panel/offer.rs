//! The re-plan offers above the grid: a marked headline in the tone of the day, a line or
//! two of detail, and the button that shows the proposal on the grid. Nothing changes
//! until the runner accepts the preview.
//!
//! It draws [`Offers`] computed elsewhere ([`super::offers_with`], by the window's derived
//! state once per change); a click asks [`super::propose`] for the preview.

use eframe::egui::{RichText, Ui};

use super::super::theme::Tone;
use super::super::{Command, format};
use super::offers::{Offer, Offers};
use super::push::push_offer_ui;
use super::strip::{offer_strip, says, settled_line};
use super::words::list;
use super::{OfferArgs, Trigger, propose};
use crate::core::replan::DayLimit;
use crate::core::verdict::Verdict;

/// The offers of [`Offers`] above the grid, where a proposal shows once asked for: a
/// re-plan on a Hold back or Rest day or after a missed session, a longer session on a
/// Push day. The App calls this only while no proposal is on show. Returns whether it
/// showed anything.
pub fn offers_ui(
    ui: &mut Ui,
    offers: &Offers,
    args: &OfferArgs<'_>,
    out: &mut Vec<Command>,
) -> bool {
    let mut shown = true;
    if let Some(offer) = &offers.verdict
        && let Trigger::Verdict(v) = offer.ask.trigger
    {
        let tone = if v == Verdict::Rest {
            Tone::Stop
        } else {
            Tone::Caution
        };
        let who = says(offer.ask.from, args.today);
        // The re-plan runs on to the next key session when that lies in the next week; the
        // offer names how far, so the runner is not surprised by changes after Sunday.
        let (span, button) = match offer.reaches {
            None => (
                "the rest of the week".to_owned(),
                "Re-plan the rest of the week".to_owned(),
            ),
            Some(last) => {
                let day = format::day_short(last);
                (
                    format!("up to {day}, the next key session"),
                    format!("Re-plan up to {day}"),
                )
            }
        };
        let headline = if offer.changes == 0 {
            format!("{who} says {}", v.label())
        } else {
            format!("{who} says {} — re-plan {span}?", v.label())
        };
        let limit = if v == Verdict::Rest {
            DayLimit::RestOnly
        } else {
            DayLimit::EasyOnly
        };
        let rule = format::day_limit(limit, offer.ask.from, args.today).unwrap_or_default();
        let mut detail = vec![format!("{rule} {}", offer.summary())];
        if !offers.missed_words.is_empty() {
            detail.push(format!(
                "Missed this week: {}. The re-plan fits it in again if a later day has room.",
                list(&offers.missed_words)
            ));
        }
        if offer.changes == 0 {
            settled_line(ui, tone, &headline, &offer.nothing);
        } else {
            offer_strip(ui, tone, &headline, &detail, |ui| {
                offer_button(ui, args, offer, &button, out);
            });
        }
    } else if let Some(offer) = &offers.missed {
        let headline = format!("Missed this week: {}", list(&offers.missed_words));
        let detail = format!(
            "Fit it in again on a later day, within the week's rules? {}",
            offer.summary()
        );
        if offer.changes == 0 {
            settled_line(ui, Tone::Caution, &headline, &offer.nothing);
        } else {
            offer_strip(ui, Tone::Caution, &headline, &[detail], |ui| {
                offer_button(ui, args, offer, "Fit in the missed session", out);
            });
        }
    } else {
        shown = false;
    }
    if let Some((day, push)) = &offers.push {
        push_offer_ui(ui, *day, push, args, out);
        shown = true;
    }
    shown
}

fn offer_button(
    ui: &mut Ui,
    args: &OfferArgs<'_>,
    offer: &Offer,
    label: &str,
    out: &mut Vec<Command>,
) {
    let n = offer.changes;
    if ui
        .button(RichText::new(label).strong())
        .on_hover_text(format!(
            "Shows the proposal on the grid ({n} change{}); nothing changes until you accept it",
            if n == 1 { "" } else { "s" }
        ))
        .clicked()
    {
        match propose(args.plan, args.today, &offer.ask) {
            Ok(preview) => out.push(Command::ShowPreview(preview)),
            // The offer was worked out for this very plan, so this only happens if the
            // planner disagrees with itself; say so rather than do nothing.
            Err(nothing) => out.push(Command::Refuse(nothing)),
        }
    }
}
