//! Resting heart rate with the baseline the verdict compares it with, and the line from
//! which a reading counts as a hold-back signal.
//!
//! It draws what [`super::series::ChartData`] holds, cut to the view; the plot setup shared
//! by every chart is [`super::skeleton`].

use eframe::egui::{RichText, Ui};
use egui_plot::LineStyle;

use super::super::format;
use super::dates::date_at;
use super::decimate;

use super::palette::Palette;
use super::skeleton::{Cx, Swatch, heading, hovered_x, line, readings};

pub(super) fn resting_hr(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 140.0;
    if !heading(
        ui,
        "Resting heart rate",
        &[
            (Swatch::Line(palette.heart), "morning reading (bpm)"),
            (
                Swatch::Line(palette.baseline),
                "baseline: mean of the previous days",
            ),
            (
                Swatch::Dashed(palette.caution),
                "from here it counts as a hold-back signal",
            ),
        ],
        "",
        HEIGHT,
    ) {
        return;
    }
    let view = cx.view();
    let data = cx.data;
    if data.readiness.resting_hr.is_empty() {
        ui.label(RichText::new("No resting HR logged yet.").weak());
        return;
    }
    let rise = data.readiness.hold_back_rise;
    let plot = cx.plot("resting hr", HEIGHT).label_formatter(move |pos| {
        let day = date_at(hovered_x(pos));
        let r = data.readiness.on(day)?;
        let mut text = format::day_long(day);
        match r.resting_hr {
            Some(hr) => text.push_str(&format!("\nResting HR {hr:.0} bpm")),
            None => text.push_str("\nNo reading"),
        }
        match r.baseline_hr {
            Some(base) => text.push_str(&format!(
                "\nBaseline {base:.1} bpm; a hold-back signal from {:.1}",
                base + rise
            )),
            None => text.push_str("\nNo baseline yet (too few readings before)"),
        }
        Some(text)
    });
    let (heart, baseline, caution, band) = (
        palette.heart,
        palette.baseline,
        palette.caution,
        palette.readings,
    );
    let week = cx.week_span(palette);
    cx.show(ui, plot, move |plot_ui| {
        plot_ui.span(week);
        readings(
            plot_ui,
            "Resting HR",
            &data.readiness.resting_hr,
            view,
            heart,
            band,
        );
        plot_ui.line(
            line(
                "Baseline",
                decimate::for_view(&data.readiness.baseline_hr, view),
                baseline,
            )
            .width(1.5),
        );
        plot_ui.line(
            line(
                "Hold-back signal from here",
                decimate::for_view(&data.readiness.hold_back_hr, view),
                caution,
            )
            .width(1.5)
            .style(LineStyle::Dashed { length: 5.0 }),
        );
    });
}
