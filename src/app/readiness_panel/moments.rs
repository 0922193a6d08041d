//! The two moments of a check as two tabs: the morning check, and the warm-up check after
//! the first 10–15 minutes of the run, which decides the day.

use eframe::egui::{self, Button, RichText, Ui};
use jiff::civil::Date;

use crate::core::plan::Plan;
use crate::core::readiness::When;

/// The two moments, as two tabs; a tab with a check logged says so.
pub(super) fn moments_ui(ui: &mut Ui, plan: &Plan, date: Date, moment: &mut When) {
    ui.horizontal(|ui| {
        for (when, label) in [
            (When::Morning, "Morning check"),
            (When::WarmUp, "Warm-up check"),
        ] {
            let logged = plan.readiness_on(date, when).is_some();
            let text = if logged {
                format!("{label} ✔")
            } else {
                label.to_owned()
            };
            let name = if logged {
                format!("{label}, logged")
            } else {
                label.to_owned()
            };
            let response = ui
                .add(Button::selectable(*moment == when, text))
                .accessible_name(name);
            let hover = match (when, logged) {
                (When::Morning, true) => "Before the run: logged",
                (When::Morning, false) => "Before the run: not logged",
                (When::WarmUp, true) => "After the first 10–15 minutes of the run: logged",
                (When::WarmUp, false) => "After the first 10–15 minutes of the run: not logged",
            };
            if response.on_hover_text(hover).clicked() {
                *moment = when;
            }
        }
    });
    let hint = match *moment {
        When::Morning => "Before the run: how does the body feel?",
        When::WarmUp => {
            "After the first 10–15 minutes of the run: just observe how the body responds. \
             This check decides the day."
        }
    };
    ui.add(egui::Label::new(RichText::new(hint).small().weak()).wrap());
}
