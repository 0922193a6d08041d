//! The readiness verdicts as a strip of coloured, lettered days (P A H R): never colour
//! alone.
//!
//! It draws what [`super::series::ChartData`] holds, cut to the view; the plot setup shared
//! by every chart is [`super::skeleton`].

use eframe::egui::{self, Color32, RichText, Ui, Vec2b};
use egui_plot::{Bar, BarChart, PlotPoint, Text};

use super::super::format;
use super::super::theme::{self, Tone};
use super::dates::date_at;
use super::decimate;
use crate::core::verdict::Verdict;

use super::palette::Palette;
use super::skeleton::{CLICK_HINT, Cx, Swatch, heading, hovered_x};

/// Colour and letter of a verdict, and the letter's colour on it: never colour alone.
fn verdict_look(verdict: Verdict, visuals: &egui::Visuals) -> (Color32, &'static str) {
    let tone = |t| theme::tone_color(t, visuals);
    match verdict {
        Verdict::Push => (tone(Tone::Good), "P"),
        Verdict::AsPlanned => (
            if visuals.dark_mode {
                Color32::from_rgb(125, 140, 165)
            } else {
                Color32::from_rgb(110, 130, 160)
            },
            "A",
        ),
        Verdict::HoldBack => (tone(Tone::Caution), "H"),
        Verdict::Rest => (tone(Tone::Stop), "R"),
    }
}

/// Black or white, whichever reads better on `fill`.
fn ink_on(fill: Color32) -> Color32 {
    let [r, g, b, _] = fill.to_array();
    let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
    if luma > 150.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

pub(super) fn verdict_strip(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 58.0;
    let visuals = &palette.visuals;
    let key = |v: Verdict| (Swatch::Block(verdict_look(v, visuals).0), v.label());
    if !heading(
        ui,
        "Readiness verdicts",
        &[
            key(Verdict::Push),
            key(Verdict::AsPlanned),
            key(Verdict::HoldBack),
            key(Verdict::Rest),
        ],
        "letters P A H R when zoomed in; blank: no check logged",
        HEIGHT,
    ) {
        return;
    }
    let view = cx.view();
    let data = cx.data;
    let cells = decimate::verdict_cells(&data.readiness.verdicts, view);
    let letters = 1.0 / view.per_px() >= 10.0;
    let plot = cx
        .plot("verdicts", HEIGHT)
        .show_grid(Vec2b::new(true, false))
        .include_y(0.0)
        .include_y(1.0)
        .y_axis_formatter(|_, _| String::new())
        .label_formatter(move |pos| {
            let day = date_at(hovered_x(pos));
            let verdict = data.readiness.on(day).and_then(|r| r.verdict);
            Some(format!(
                "{}: {}\n{CLICK_HINT}",
                format::day_long(day),
                verdict.map_or("no check logged", Verdict::label)
            ))
        });
    let visuals = visuals.clone();
    let week = cx.week_span(palette);
    cx.show(ui, plot, move |plot_ui| {
        plot_ui.span(week);
        // One bar chart per verdict, so that each draws in its own colour.
        let mut bars: [Vec<Bar>; 4] = Default::default();
        for &(x, width, verdict) in &cells {
            let (color, _) = verdict_look(verdict, &visuals);
            let bar = Bar::new(x + width / 2.0, 1.0)
                .width(width * 0.92)
                .fill(color)
                .stroke(egui::Stroke::new(0.0, color));
            bars[verdict as usize].push(bar);
        }
        for bars in bars {
            if let Some(color) = bars.first().map(|b| b.fill) {
                plot_ui.bar_chart(BarChart::new("", bars).color(color).allow_hover(false));
            }
        }
        if letters {
            for &(x, width, verdict) in &cells {
                let (fill, letter) = verdict_look(verdict, &visuals);
                plot_ui.text(
                    Text::new(
                        "",
                        PlotPoint::new(x + width / 2.0, 0.5),
                        RichText::new(letter).strong().color(ink_on(fill)),
                    )
                    .allow_hover(false),
                );
            }
        }
    });
}
