//! The acute:chronic load ratio with its soft bands, labelled as such: often quoted, not
//! proven limits.
//!
//! It draws what [`super::series::ChartData`] holds, cut to the view; the plot setup shared
//! by every chart is [`super::skeleton`].

use eframe::egui::{self, RichText, Ui};
use egui_plot::{PlotPoint, Span, Text};

use super::dates::date_at;
use crate::core::load::{ACWR_BANDS, acwr_band};

use super::palette::Palette;
use super::skeleton::{CLICK_HINT, Cx, Swatch, day_line, heading, hovered_x, split_lines};

pub(super) fn acwr(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 150.0;
    if !heading(
        ui,
        "Acute:chronic load ratio",
        &[
            (Swatch::Line(palette.ratio), "7-day ÷ 28-day weighted load"),
            (
                Swatch::Block(palette.soft_bands[0].gamma_multiply(2.5)),
                "0.8–1.3",
            ),
            (
                Swatch::Block(palette.soft_bands[1].gamma_multiply(2.5)),
                "1.5 and above",
            ),
        ],
        "soft bands: often quoted, not proven limits",
        HEIGHT,
    ) {
        return;
    }
    let view = cx.view();
    let data = cx.data;
    if data.acwr.done.is_empty() && data.acwr.projected.is_empty() {
        ui.label(
            RichText::new(format!(
                "Shown from day {} of the history on: there is not enough history yet.",
                crate::core::load::ACWR_MIN_HISTORY_DAYS
            ))
            .weak(),
        );
        return;
    }
    let plot = cx
        .plot("acwr", HEIGHT)
        .include_y(0.0)
        .include_y(1.8)
        .label_formatter(move |pos| {
            let day = date_at(hovered_x(pos));
            let d = data.trends.day(day)?;
            let mut text = day_line(data, day);
            match d.acwr {
                Some(r) => {
                    text.push_str(&format!(
                        "\nRatio {r:.2} (acute {:.0} ÷ chronic {:.0})",
                        d.acute, d.chronic
                    ));
                    if let Some(band) = acwr_band(r) {
                        text.push_str(&format!("\nIn the band {}", band.label));
                    }
                }
                None => text.push_str(&format!(
                    "\nNot shown: fewer than {} days of history",
                    crate::core::load::ACWR_MIN_HISTORY_DAYS
                )),
            }
            text.push_str(&format!("\n{CLICK_HINT}"));
            Some(text)
        });
    let ratio = palette.ratio;
    let fills = palette.soft_bands;
    let label_color = palette.visuals.weak_text_color();
    let backdrop = cx.backdrop(palette);
    cx.show(ui, plot, move |plot_ui| {
        backdrop.show(plot_ui);
        for (band, fill) in ACWR_BANDS.iter().zip(fills) {
            plot_ui.span(
                Span::new("", band.low..=band.high.unwrap_or(f64::INFINITY))
                    .axis(egui_plot::Axis::Y)
                    .fill(fill)
                    .border_width(0.0),
            );
            // The band names itself inside the chart, right above its lower edge, where the
            // ratio seldom runs, and clear of the plot's right edge.
            let label = match band.high {
                Some(high) => format!("soft band {:.1}–{:.1}", band.low, high),
                None => format!("soft band {:.1} and above", band.low),
            };
            let y = band.high.unwrap_or(band.low);
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(view.x_max - 6.0 * view.per_px(), y),
                    RichText::new(label).small().color(label_color),
                )
                .anchor(egui::Align2::RIGHT_BOTTOM)
                .allow_hover(false),
            );
        }
        split_lines(plot_ui, "Acute:chronic", &data.acwr, view, ratio);
    });
}
