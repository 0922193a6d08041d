//! "Your patterns": over the days on show in the charts (the last twelve weeks at first),
//! how often each choice on a Hold back or Push day was followed by a good next key session,
//! side by side, with the count behind every figure and "too few to tell" below five.
//!
//! The decisions are derived once per change for the whole history; a frame only finds the
//! ones in range (two binary searches) and counts them.

use eframe::egui::{self, RichText, Ui};

use super::dates::date_at;
use crate::core::review::{Choice, Decision, FEW, patterns};
use crate::present::review as words;
use crate::present::week_range;

/// The decision days from `from` to `to` (x values of the charts' time axis).
fn in_range(decisions: &[Decision], (low, high): (f64, f64)) -> &[Decision] {
    let (from, to) = (date_at(low.ceil()), date_at(high.floor()));
    let start = decisions.partition_point(|d| d.date < from);
    let end = decisions.partition_point(|d| d.date <= to);
    &decisions[start..end.max(start)]
}

pub fn patterns_ui(ui: &mut Ui, decisions: &[Decision], range: (f64, f64)) {
    let shown = in_range(decisions, range);
    ui.label(RichText::new("Your patterns").strong())
        .on_hover_text(
            "How often each choice was followed by a good next key session: done, not much \
             shorter than planned, at an RPE not far above plan. Counted once that session \
             has come and gone. See About these numbers.",
        );
    ui.label(
        RichText::new(week_range(
            date_at(range.0.ceil()),
            date_at(range.1.floor()),
        ))
        .small()
        .weak(),
    );
    let found = patterns(shown);
    egui::Grid::new("your patterns")
        .num_columns(2)
        .spacing([10.0, 3.0])
        .striped(true)
        .show(ui, |ui| {
            let mut situation = None;
            for p in &found {
                let here = p.choice.situation();
                if situation != Some(here) {
                    ui.label(RichText::new(words::situation(p.choice)).weak());
                    ui.label("");
                    ui.end_row();
                    situation = Some(here);
                }
                ui.label(format!("  {}", p.choice.label()))
                    .on_hover_text(match p.choice {
                        Choice::HeldBack => "Held back, rested, or kept an easy day easy",
                        Choice::PushedThrough => "Trained hard or longer than planned anyway",
                        Choice::Extended => "Ran more than planned",
                        Choice::AsPlanned => "Ran the plan as it was",
                    });
                ui.label(words::pattern_figure(p));
                ui.end_row();
            }
        });
    ui.label(
        RichText::new(format!(
            "Good next key sessions of those counted; below {FEW}, too few to tell."
        ))
        .small()
        .weak(),
    );
}
