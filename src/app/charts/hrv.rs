//! HRV (RMSSD) with its recent mean and the usual range it is compared with, in ms.
//!
//! It draws what [`super::series::ChartData`] holds, cut to the view; the plot setup shared
//! by every chart is [`super::skeleton`].

use eframe::egui::{RichText, Ui};
use egui_plot::FilledArea;

use super::super::format;
use super::dates::date_at;
use super::decimate;

use super::palette::Palette;
use super::skeleton::{Cx, Swatch, heading, hovered_x, line, readings};

pub(super) fn hrv(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 140.0;
    if !heading(
        ui,
        "HRV",
        &[
            (Swatch::Line(palette.hrv), "RMSSD (ms)"),
            (Swatch::Line(palette.baseline), "recent mean"),
            (
                Swatch::Block(palette.band),
                "usual range it is compared with",
            ),
        ],
        "",
        HEIGHT,
    ) {
        return;
    }
    let view = cx.view();
    let data = cx.data;
    if data.readiness.hrv_ms.is_empty() {
        ui.label(RichText::new("No HRV logged yet.").weak());
        return;
    }
    let plot = cx.plot("hrv", HEIGHT).label_formatter(move |pos| {
        let day = date_at(hovered_x(pos));
        let r = data.readiness.on(day)?;
        let mut text = format::day_long(day);
        match r.hrv_ms {
            Some(ms) => text.push_str(&format!("\nHRV {ms:.0} ms (ln {:.2})", ms.ln())),
            None => text.push_str("\nNo reading"),
        }
        match r.hrv_mean_ln {
            Some(mean) => text.push_str(&format!(
                "\nRecent mean {:.0} ms (ln {mean:.2})",
                mean.exp()
            )),
            None => text.push_str("\nToo few recent readings for a mean"),
        }
        match r.hrv_band_ln {
            Some((low, high)) => text.push_str(&format!(
                "\nUsual range {:.0}–{:.0} ms (ln {low:.2}–{high:.2})",
                low.exp(),
                high.exp()
            )),
            None => text.push_str("\nNo baseline yet"),
        }
        Some(text)
    });
    let (color, band, baseline) = (palette.hrv, palette.band, palette.baseline);
    let reading_band = palette.hrv.gamma_multiply(0.35);
    let week = cx.week_span(palette);
    cx.show(ui, plot, move |plot_ui| {
        plot_ui.span(week);
        let (xs, lows, highs) = decimate::band_for_view(&data.readiness.hrv_band_ms, view);
        if !xs.is_empty() {
            plot_ui.add(
                FilledArea::new("Usual range", &xs, &lows, &highs)
                    .fill_color(band)
                    .allow_hover(false),
            );
        }
        readings(
            plot_ui,
            "HRV",
            &data.readiness.hrv_ms,
            view,
            color,
            reading_band,
        );
        plot_ui.line(
            line(
                "Recent mean",
                decimate::for_view(&data.readiness.hrv_mean_ms, view),
                baseline,
            )
            .width(1.5),
        );
    });
}
