//! Fitness, fatigue and form, solid up to today and dashed over the planned sessions.
//!
//! It draws what [`super::series::ChartData`] holds, cut to the view; the plot setup shared
//! by every chart is [`super::skeleton`].

use eframe::egui::Ui;

use super::super::format;
use super::dates::date_at;

use super::palette::Palette;
use super::skeleton::{CLICK_HINT, Cx, Swatch, day_line, heading, hovered_x, split_lines};

pub(super) fn fitness(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 190.0;
    if !heading(
        ui,
        "Fitness, fatigue and form",
        &[
            (Swatch::Line(palette.fitness), "fitness"),
            (Swatch::Line(palette.fatigue), "fatigue"),
            (Swatch::Line(palette.form), "form"),
            (
                Swatch::Dashed(palette.baseline),
                "projected: the planned sessions run as planned",
            ),
        ],
        "form = yesterday's fitness − fatigue",
        HEIGHT,
    ) {
        return;
    }
    let view = cx.view();
    let data = cx.data;
    let plot = cx
        .plot("fitness", HEIGHT)
        .include_y(0.0)
        .label_formatter(move |pos| {
            let day = date_at(hovered_x(pos));
            let Some(d) = data.trends.day(day) else {
                let first = data.trends.first_date()?;
                return (day < first).then(|| {
                    format!(
                        "{}\nBefore the first session ({}): fitness and fatigue start at 0",
                        format::day_long(day),
                        format::day_short(first)
                    )
                });
            };
            // Form is measured against yesterday's fitness: its share names the zone.
            let base = data
                .trends
                .metrics_on(crate::core::week::add_days(day, -1))
                .fitness;
            Some(format!(
                "{}\nFitness {:.1}\nFatigue {:.1}\nForm {}\nLoad that day {}\n{CLICK_HINT}",
                day_line(data, day),
                d.fitness,
                d.fatigue,
                format::form::form_with_zone(d.form, base),
                format::load(d.load),
            ))
        });
    let (c_fit, c_fat, c_form) = (palette.fitness, palette.fatigue, palette.form);
    let backdrop = cx.backdrop(palette);
    cx.show(ui, plot, move |plot_ui| {
        backdrop.show(plot_ui);
        split_lines(plot_ui, "Fitness", &data.fitness, view, c_fit);
        split_lines(plot_ui, "Fatigue", &data.fatigue, view, c_fat);
        split_lines(plot_ui, "Form", &data.form, view, c_form);
    });
}
