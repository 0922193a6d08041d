//! The charts panel: what the training costs and how the body carries it, over time.
//!
//! Beside the shown week's figures, six charts share one time axis (a day is a whole number
//! of days since 1970, see `dates`): the weekly load planned against done; fitness,
//! fatigue and form, continued as a dashed projection through the planned sessions; the
//! readiness verdicts as a strip of coloured, lettered days; resting HR and HRV with the
//! baselines the verdict compares them with; and the acute:chronic ratio with its soft
//! bands. Panning or zooming one chart moves them all, hovering shows the day's values, a
//! click shows that week on the grid, and a double-click or Reset goes back to the last
//! twelve weeks and the weeks planned ahead.
//!
//! # Cost
//!
//! The metrics are computed by the window's derived state, and only while the panel is
//! open: once through [`ChartData::build`] (plan, today and the verdicts already assessed
//! in, [`ChartData`] out), then after each change through [`ChartData::update`], from the
//! changed days on. [`charts_ui`] draws what it is given: a frame
//! only cuts the series to the visible range and decimates them to at most two points per
//! pixel column (`decimate`). So a frame costs the same with ten years of history as with
//! three weeks; `benches/charts.rs` and `benches/frame.rs` measure it.
//!
//! # Files
//!
//! `series.rs` computes, `decimate.rs` cuts to the view, `skeleton.rs` is the plot setup
//! every chart shares (time axis, shared range, pan and zoom, hover, keys, backdrop),
//! `palette.rs` the colours, `dates.rs` the date axis; then one file per chart
//! (`weekly_load`, `fitness`, `verdict_strip`, `resting_hr`, `hrv`, `acwr`), the week's
//! figures (`week`), "Your patterns" (`patterns`, how the runner's choices on Push and Hold
//! back days turned out) and "About these numbers" (`about`).

mod about;
mod acwr;
mod dates;
mod decimate;
mod fitness;
mod hrv;
mod palette;
mod patterns;
mod resting_hr;
pub mod series;
mod skeleton;
mod verdict_strip;
mod week;
mod weekly_load;

use eframe::egui::{self, Align, Layout, RichText, Ui};
use jiff::civil::Date;

use super::{Command, format};
use crate::core::load::WeekSummary;
use crate::core::plan::Plan;
use crate::core::review::Decision;
use crate::core::week::Week;

use palette::Palette;
use series::ChartData;
use skeleton::Cx;

/// What the panel reads from the app each frame.
#[derive(Debug, Clone, Copy)]
pub struct ChartsArgs<'a> {
    pub plan: &'a Plan,
    pub today: Date,
    /// The week the grid shows: summarised beside the charts and marked on them.
    pub week: Week,
    /// Every decision day of the history, oldest first: "Your patterns" counts those in
    /// the range on show.
    pub decisions: &'a [Decision],
}

/// What the runner did with the charts, kept between frames: the part of the time axis on
/// show and whether "About these numbers" is open. The charts' data itself is derived
/// state, computed once per change ([`ChartData::update`]).
#[derive(Debug, Default)]
pub struct ChartsView {
    /// The x range every time chart shows.
    shown: Shown,
    /// Set by Reset and the range buttons: the plots forget their zoom on the next frame.
    reset: bool,
    about_open: bool,
}

/// Which part of the time axis the charts show.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Shown {
    /// The last twelve weeks and the weeks planned ahead.
    #[default]
    Default,
    /// The whole history.
    All,
    /// The last this many days up to the end of the plan (a range button).
    Last(u16),
    /// Where the runner panned or zoomed to.
    Range(f64, f64),
}

impl ChartsView {
    /// Shows the whole history, as the "All" button does.
    pub fn show_all(&mut self) {
        self.shown = Shown::All;
        self.reset = true;
    }
}

/// Width of the left column with the week's figures.
const SUMMARY_WIDTH: f32 = 250.0;
/// Every chart's y axis takes the same width, so that their x axes line up.
pub(super) const Y_AXIS_WIDTH: f32 = 44.0;
/// The narrowest view, in days.
const MIN_SPAN_DAYS: f64 = 6.0;

/// The panel: a header with the zoom controls, the week's figures, and the charts, drawn
/// from values computed once per change: `data` ([`ChartData`]) and `summary`
/// from `core::load::week_summary` for `args.week`.
pub fn charts_ui(
    ui: &mut Ui,
    view: &mut ChartsView,
    data: &ChartData,
    summary: Option<&WeekSummary>,
    args: &ChartsArgs<'_>,
    out: &mut Vec<Command>,
) {
    let default = data.default_view;
    let range = match view.shown {
        Shown::Default => default,
        Shown::All => data.extent,
        Shown::Last(days) => default.map(|(_, end)| (end - f64::from(days), end)),
        Shown::Range(low, high) => Some((low, high)),
    };

    ui.horizontal(|ui| {
        ui.label(RichText::new("Load and trends").heading().strong());
        ui.separator();
        if default.is_some() {
            // The range on show reads as selected, until a pan or a zoom leaves it.
            for (label, days) in [("12 weeks", 7 * 12), ("6 months", 182), ("1 year", 365)] {
                if ui
                    .selectable_label(view.shown == Shown::Last(days), label)
                    .on_hover_text(format!("Show the last {label} up to the end of the plan"))
                    .clicked()
                {
                    view.shown = Shown::Last(days);
                    view.reset = true;
                }
            }
            if ui
                .selectable_label(view.shown == Shown::All, "All")
                .on_hover_text("Show the whole history")
                .clicked()
            {
                view.shown = Shown::All;
                view.reset = true;
            }
            let reset = ui.add_enabled(view.shown != Shown::Default, egui::Button::new("Reset zoom"));
            if reset
                .on_hover_text(
                    "Back to the last 12 weeks and the weeks planned ahead (or double-click a chart)",
                )
                .clicked()
            {
                view.shown = Shown::Default;
                view.reset = true;
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .selectable_label(view.about_open, "About these numbers")
                .on_hover_text("Each formula, its source and the settings in force")
                .clicked()
            {
                view.about_open = !view.about_open;
            }
            ui.label(
                RichText::new("Drag to pan · Ctrl+scroll to zoom · click a day to show its week")
                    .small()
                    .weak(),
            );
        });
    });
    ui.separator();

    let mut moved = None;
    let mut reset_requested = false;
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(SUMMARY_WIDTH, ui.available_height()),
            Layout::top_down(Align::Min),
            |ui| {
                ui.set_width(SUMMARY_WIDTH);
                // On a low panel the figures scroll rather than push the panel's header
                // out of view.
                egui::ScrollArea::vertical()
                    .id_salt("week figures")
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        if let Some(summary) = summary {
                            week::week_summary_ui(ui, summary, args.plan.settings.units);
                        }
                        // Form as runners read it: its share of fitness, in its zone.
                        let today = args.today;
                        let fitness = data
                            .trends
                            .metrics_on(crate::core::week::add_days(today, -1))
                            .fitness;
                        ui.add_space(6.0);
                        ui.label(format!(
                            "Form today: {}",
                            format::form::form_with_zone(data.trends.form_on(today), fitness)
                        ))
                        .on_hover_text(
                            "Yesterday's fitness minus yesterday's fatigue, and its share of \
                             that fitness; About these numbers gives the zones and their source.",
                        );
                        if let Some(range) = range {
                            ui.add_space(6.0);
                            patterns::patterns_ui(ui, args.decisions, range);
                        }
                    });
            },
        );
        ui.separator();
        ui.vertical(|ui| {
            let Some(range) = range else {
                ui.label(
                    "No sessions or readiness checks yet: the charts start with the first one.",
                );
                return;
            };
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    let mut cx = Cx {
                        data,
                        range,
                        reset: view.reset,
                        week_start: args.plan.settings.week_start,
                        week: args.week,
                        link: ui.make_persistent_id("charts time axis"),
                        plot_width: (ui.available_width() - Y_AXIS_WIDTH).max(1.0),
                        moved: None,
                        clicked: None,
                        reset_requested: false,
                    };
                    charts(ui, &mut cx);
                    moved = cx.moved;
                    reset_requested = cx.reset_requested;
                    if let Some(day) = cx.clicked {
                        out.push(Command::ShowWeekOf(day));
                    }
                });
        });
    });
    view.reset = false;
    if reset_requested {
        view.shown = Shown::Default;
        view.reset = true;
        ui.ctx().request_repaint();
    } else if let Some(new) = moved {
        let (low, high) = clamp_range(new, data.extent);
        view.shown = Shown::Range(low, high);
        ui.ctx().request_repaint();
    }
    if view.about_open {
        about::about_window(ui.ctx(), &mut view.about_open, &args.plan.settings);
    }
}

/// Keeps a panned or zoomed view near the data and at least a few days wide.
fn clamp_range((low, high): (f64, f64), extent: Option<(f64, f64)>) -> (f64, f64) {
    let Some((first, last)) = extent else {
        return (low, high);
    };
    let max_span = (last - first) * 1.5 + 28.0;
    let span = (high - low).clamp(MIN_SPAN_DAYS, max_span);
    // A view wider than the data keeps all of it in sight; a narrower one keeps its centre
    // on the data, so at least half of it shows something.
    let (a, b) = if span >= last - first {
        (last - span / 2.0, first + span / 2.0)
    } else {
        (first, last)
    };
    let centre = ((low + high) / 2.0).clamp(a, b);
    (centre - span / 2.0, centre + span / 2.0)
}

/// The charts, top to bottom.
fn charts(ui: &mut Ui, cx: &mut Cx<'_>) {
    let palette = Palette::of(ui.visuals());
    weekly_load::weekly_load(ui, cx, &palette);
    fitness::fitness(ui, cx, &palette);
    verdict_strip::verdict_strip(ui, cx, &palette);
    resting_hr::resting_hr(ui, cx, &palette);
    hrv::hrv(ui, cx, &palette);
    acwr::acwr(ui, cx, &palette);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_stays_near_the_data_and_a_few_days_wide() {
        let extent = Some((100.0, 200.0));
        assert_eq!(clamp_range((120.0, 150.0), extent), (120.0, 150.0));
        assert_eq!(clamp_range((130.0, 131.0), extent), (127.5, 133.5));
        // Panned far past the end: pulled back so half the view still holds data.
        assert_eq!(clamp_range((400.0, 420.0), extent), (190.0, 210.0));
        // Zoomed far out: at most 1.5 times the data and four weeks, all data in sight.
        assert_eq!(clamp_range((0.0, 1000.0), extent), (100.0, 278.0));
        assert_eq!(clamp_range((0.0, 150.0), extent), (50.0, 200.0));
    }
}
