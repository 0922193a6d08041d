//! The push offer: on a Push day with an easy day after it, a longer session within the
//! week's load budget, shown as a preview like a re-plan. The suggestion itself comes from
//! the core (`replan::suggest_push`, through [`super::offers`]); this file words its
//! preview and draws its offer.

use std::collections::BTreeMap;

use eframe::egui::{RichText, Ui};
use jiff::civil::Date;

use super::super::Command;
use super::super::preview::Preview;
use super::super::theme::Tone;
use super::OfferArgs;
use super::strip::{offer_strip, says};
use super::words::{capitalized, kind_and_title, weekday, why};
use crate::core::plan::Plan;
use crate::core::replan::PushSuggestion;

/// The preview of a longer session on a Push day.
pub fn extend_preview(plan: &Plan, today: Date, push: &PushSuggestion) -> Preview {
    let day = if push.date == today {
        "today's".to_owned()
    } else {
        format!("{}'s", weekday(push.date))
    };
    let what = plan
        .session(push.id)
        .map_or_else(|| push.kind.label().to_owned(), kind_and_title);
    // The reason's first half repeats the minutes the note's first line gives.
    let why = why(&push.reason);
    let why = why
        .split_once("; ")
        .map_or_else(|| why.clone(), |(_, rest)| capitalized(rest));
    let mut notes = BTreeMap::new();
    notes.insert(
        push.id,
        format!("Extended {} → {} min\n{why}", push.minutes, push.to_minutes),
    );
    let mut lines = vec![
        push.reason.clone(),
        "Only if the warm-up agrees: the first 10–15 minutes tell what kind of day it is."
            .to_owned(),
    ];
    let mut proposed = plan.clone();
    if proposed.apply(push.edit()).is_ok() {
        // Its own week: a longer session today changes nothing a re-plan window adds.
        lines.extend(super::super::format::form::key_day_form_lines(
            plan, &proposed, today, push.date, push.date,
        ));
    }
    Preview {
        reach: None,
        title: format!(
            "Extend {day} {what}: {} → {} min",
            push.minutes, push.to_minutes
        ),
        edits: vec![push.edit()],
        notes,
        lines,
    }
}

/// "Today says Push — room to extend", the reason, and the button that shows the longer
/// session on the grid.
pub(super) fn push_offer_ui(
    ui: &mut Ui,
    day: Date,
    push: &PushSuggestion,
    args: &OfferArgs<'_>,
    out: &mut Vec<Command>,
) {
    let headline = format!("{} says Push — room to extend", says(day, args.today));
    offer_strip(
        ui,
        Tone::Good,
        &headline,
        std::slice::from_ref(&push.reason),
        |ui| {
            if ui
                .button(RichText::new(format!("Extend to {} min", push.to_minutes)).strong())
                .on_hover_text(
                    "Shows the longer session on the grid; nothing changes until you accept it",
                )
                .clicked()
            {
                out.push(Command::ShowPreview(extend_preview(
                    args.plan, args.today, push,
                )));
            }
        },
    );
}
