//! The weekly load: planned against done, one bar pair per week, several weeks to a bar
//! (their mean) when a week would be narrower than a few pixels.
//!
//! It draws what [`super::series::ChartData`] holds, cut to the view; the plot setup shared
//! by every chart is [`super::skeleton`].

use eframe::egui::{self, Color32, Ui};
use egui_plot::{Bar, BarChart};

use super::super::format;
use super::decimate;

use super::palette::Palette;
use super::skeleton::{CLICK_HINT, Cx, Swatch, heading, hovered_x};

pub(super) fn weekly_load(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 150.0;
    if !heading(
        ui,
        "Weekly load",
        &[
            (Swatch::Block(palette.planned), "planned"),
            (Swatch::Block(palette.done), "done"),
            (Swatch::Block(palette.week_key), "week on the grid"),
            (Swatch::Block(palette.projection_key), "ahead"),
        ],
        "minutes × RPE",
        HEIGHT,
    ) {
        return;
    }
    let view = cx.view();
    let per_bar = decimate::weeks_per_bar(view, 10.0);
    let groups = decimate::week_groups(&cx.data.weeks, view, per_bar);
    let tooltip_groups = groups.clone();
    let plot = cx
        .plot("weekly load", HEIGHT)
        .include_y(0.0)
        .label_formatter(move |pos| {
            let x = hovered_x(pos);
            let group = tooltip_groups
                .iter()
                .find(|g| g.x <= x && x < g.x + g.width)?;
            let mut text = if group.weeks == 1 {
                format!(
                    "Week {}",
                    format::week_range(group.first.start(), group.first.end())
                )
            } else {
                format!(
                    "{} weeks from {} (mean per week)",
                    group.weeks,
                    format::day_short(group.first.start())
                )
            };
            text.push_str(&format!("\nPlanned load {}", format::load(group.planned)));
            if group.ahead {
                text.push_str("\nStill ahead: nothing done yet");
            } else {
                text.push_str(&format!("\nDone load {}", format::load(group.done)));
            }
            text.push_str(&format!("\n{CLICK_HINT}"));
            Some(text)
        });
    let (planned, done) = (palette.planned, palette.done);
    let backdrop = cx.backdrop(palette);
    cx.show(ui, plot, move |plot_ui| {
        backdrop.show(plot_ui);
        let bars = |value: fn(&decimate::WeekGroup) -> f64, offset: f64, fill: Color32| {
            groups
                .iter()
                .filter(|g| offset < 0.5 || !g.ahead)
                .map(|g| {
                    Bar::new(g.x + g.width * offset, value(g))
                        .width(g.width * 0.38)
                        .fill(fill)
                        .stroke(egui::Stroke::new(1.0, fill))
                })
                .collect::<Vec<_>>()
        };
        plot_ui.bar_chart(
            BarChart::new("Planned", bars(|g| g.planned, 0.3, planned))
                .color(planned)
                .allow_hover(false),
        );
        plot_ui.bar_chart(
            BarChart::new("Done", bars(|g| g.done, 0.7, done))
                .color(done)
                .allow_hover(false),
        );
    });
}
