//! The skeleton every chart over time shares: one time axis with dates (see `dates`), the
//! range shown by all charts at once, pan and zoom along x only, the hovered day marked on
//! every chart, the keys above the plot instead of a legend over the data, and the shaded
//! week and projection behind it. A chart file only says what it draws.
//!
//! [`Cx`] is what the charts of one frame share: the computed [`ChartData`], the range and
//! what the runner did with the plots (panned, clicked a day, double-clicked).

use eframe::egui::{self, Color32, Id, RichText, Ui, Vec2b};
use egui_plot::{
    FilledArea, GridInput, GridMark, HoverPosition, Line, LineStyle, MarkerShape, Plot, PlotPoint,
    PlotPoints, PlotUi, Points, Span,
};
use jiff::civil::Date;

use super::super::format;
use super::Y_AXIS_WIDTH;
use super::dates::{self, date_at, x_of};
use super::decimate::{self, View};
use super::palette::Palette;
use super::series::{self, ChartData};
use crate::core::settings::WeekStart;
use crate::core::week::Week;

/// What every chart of one frame shares.
pub(super) struct Cx<'d> {
    pub(super) data: &'d ChartData,
    pub(super) range: (f64, f64),
    pub(super) reset: bool,
    pub(super) week_start: WeekStart,
    pub(super) week: Week,
    pub(super) link: Id,
    pub(super) plot_width: f32,
    /// Filled by the charts: the view after a pan or zoom, a clicked day, a double-click.
    pub(super) moved: Option<(f64, f64)>,
    pub(super) clicked: Option<Date>,
    pub(super) reset_requested: bool,
}

impl<'d> Cx<'d> {
    pub(super) fn view(&self) -> View {
        View {
            x_min: self.range.0,
            x_max: self.range.1,
            width_px: self.plot_width,
        }
    }

    /// A plot on the shared time axis: dates on x, pan and zoom along x only (the y axis
    /// always fits what is visible), the hovered day marked on every chart. The keys are
    /// drawn above each chart rather than as a legend over it, so no data is hidden.
    pub(super) fn plot<'p>(&self, id: &str, height: f32) -> Plot<'p> {
        let week_start = self.week_start;
        let plot = Plot::new(id)
            .height(height)
            .allow_zoom(Vec2b::new(true, false))
            .allow_drag(Vec2b::new(true, false))
            .allow_scroll(Vec2b::new(true, false))
            .allow_axis_zoom_drag(Vec2b::new(true, false))
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .show_y(false)
            .x_grid_spacer(move |input| dates::date_marks(&input, week_start))
            .x_axis_formatter(|mark, _| dates::mark_label(mark))
            .y_grid_spacer(|input| nice_marks(&input))
            .y_axis_min_width(Y_AXIS_WIDTH)
            .link_cursor(self.link, Vec2b::new(true, false));
        if self.reset { plot.reset() } else { plot }
    }

    /// Shows `plot` over the shared range and notes what the runner did with it.
    pub(super) fn show<'p>(
        &mut self,
        ui: &mut Ui,
        plot: Plot<'p>,
        build: impl FnOnce(&mut PlotUi<'p>) + 'p,
    ) {
        let (low, high) = self.range;
        let response = plot.show(ui, move |plot_ui| {
            plot_ui.set_plot_bounds_x(low..=high);
            plot_ui.set_auto_bounds(Vec2b::new(false, true));
            build(plot_ui);
        });
        let bounds = response.transform.bounds();
        let now = (bounds.min()[0], bounds.max()[0]);
        if (now.0 - low).abs() > 1e-6 || (now.1 - high).abs() > 1e-6 {
            self.moved = Some(now);
        }
        let r = &response.response;
        // A quick third click still means "back to the default view".
        if r.double_clicked() || r.triple_clicked() {
            self.reset_requested = true;
        } else if r.clicked()
            && let Some(pos) = r.interact_pointer_pos()
        {
            self.clicked = Some(date_at(response.transform.value_from_position(pos).x));
        }
    }

    /// The x where the projection starts (the first day still planned), if any.
    fn projection_x(&self) -> Option<f64> {
        let data = self.data;
        let first = data.trends.days().get(data.projection_start)?;
        Some(x_of(first.date) - 0.5)
    }

    /// The shaded part of the axis from the first day still planned on, where the figures
    /// are a projection.
    fn projection_span(&self, palette: &Palette) -> Option<Span> {
        let start = self.projection_x()?;
        let end = self
            .data
            .extent
            .map_or(start + 1.0, |e| e.1.max(start + 1.0));
        Some(
            Span::new("", start..=end)
                .fill(palette.projection)
                .border_width(0.0),
        )
    }

    /// The backdrop of a chart over time: the week on the grid and the projection.
    pub(super) fn backdrop(&self, palette: &Palette) -> Backdrop {
        Backdrop {
            week: self.week_span(palette),
            projection: self.projection_span(palette),
        }
    }

    /// The week on the grid, marked on every chart.
    pub(super) fn week_span(&self, palette: &Palette) -> Span {
        Span::new(
            "",
            (x_of(self.week.start()) - 0.5)..=(x_of(self.week.end()) + 0.5),
        )
        .fill(palette.week)
        .border_width(0.0)
    }
}

/// The shaded parts behind a chart's data: the week on the grid, and the days still
/// planned, where the figures are a projection.
pub(super) struct Backdrop {
    week: Span,
    projection: Option<Span>,
}

impl Backdrop {
    pub(super) fn show(self, plot_ui: &mut PlotUi<'_>) {
        plot_ui.span(self.week);
        if let Some(span) = self.projection {
            plot_ui.span(span);
        }
    }
}

/// Grid marks on a value axis at 1, 5 or 10 times a power of ten, each step a multiple of
/// the one below, so that labels read "45 50 55" rather than egui_plot's "50" alone.
fn nice_marks(input: &GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let base = input.base_step_size;
    if !(base > 0.0 && base.is_finite() && low.is_finite() && high.is_finite()) || high <= low {
        return Vec::new();
    }
    let power = 10_f64.powf(base.log10().floor());
    let steps = match base / power {
        m if m <= 1.0 => [power, 5.0 * power, 10.0 * power],
        m if m <= 2.0 => [2.0 * power, 10.0 * power, 20.0 * power],
        m if m <= 5.0 => [5.0 * power, 10.0 * power, 50.0 * power],
        _ => [10.0 * power, 50.0 * power, 100.0 * power],
    };
    let (from, to) = ((low / steps[0]).ceil(), (high / steps[0]).floor());
    if to - from > 1000.0 {
        return Vec::new();
    }
    let mut marks = Vec::new();
    let mut i = from;
    while i <= to {
        // Adding 0 turns a -0 into 0, which would otherwise read "-0".
        let value = i * steps[0] + 0.0;
        let step_size = steps
            .iter()
            .rev()
            .copied()
            .find(|s| (value / s - (value / s).round()).abs() < 1e-6)
            .unwrap_or(steps[0]);
        marks.push(GridMark { value, step_size });
        i += 1.0;
    }
    marks
}

/// How a key above a chart draws its item.
#[derive(Debug, Clone, Copy)]
pub(super) enum Swatch {
    Line(Color32),
    Dashed(Color32),
    Block(Color32),
}

/// A chart's heading: its title, its keys and a line on how to read it. Returns whether the
/// chart of `height` below it is in sight; when it is not, its room is kept and the chart
/// is not drawn, so that a chart scrolled out of sight costs nothing.
pub(super) fn heading(
    ui: &mut Ui,
    title_text: &str,
    keys: &[(Swatch, &str)],
    hint: &str,
    height: f32,
) -> bool {
    title(ui, title_text, keys, hint);
    if visible(ui, height) {
        true
    } else {
        ui.add_space(height);
        false
    }
}

/// A chart's title, its keys, and a line on how to read it.
fn title(ui: &mut Ui, title: &str, keys: &[(Swatch, &str)], hint: &str) {
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(title).strong());
        ui.add_space(6.0);
        for &(swatch, label) in keys {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 12.0), egui::Sense::hover());
            let painter = ui.painter();
            let y = rect.center().y;
            match swatch {
                Swatch::Line(color) => {
                    painter.line_segment(
                        [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
                        egui::Stroke::new(2.5, color),
                    );
                }
                Swatch::Dashed(color) => {
                    for k in 0..3 {
                        let x = rect.left() + 7.0 * k as f32;
                        painter.line_segment(
                            [egui::pos2(x, y), egui::pos2((x + 4.0).min(rect.right()), y)],
                            egui::Stroke::new(2.5, color),
                        );
                    }
                }
                Swatch::Block(color) => {
                    painter.rect_filled(rect.shrink2(egui::vec2(2.0, 1.0)), 2.0, color);
                }
            }
            ui.label(label);
            ui.add_space(4.0);
        }
        if !hint.is_empty() {
            ui.label(RichText::new(hint).small().weak());
        }
    });
}

/// Shows the chart of `height` only when it is inside the visible part of the scroll
/// area: a chart scrolled out of sight costs nothing.
fn visible(ui: &Ui, height: f32) -> bool {
    let rect = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
    ui.is_rect_visible(rect)
}

/// The tooltip's first line: the day, and whether its figures are a projection.
pub(super) fn day_line(data: &ChartData, day: Date) -> String {
    let projected = data.trends.day(day).is_some_and(|d| d.projected);
    format!(
        "{}{}",
        format::day_long(day),
        if projected { " (projected)" } else { "" }
    )
}

pub(super) const CLICK_HINT: &str = "Click to show this week on the grid";

pub(super) fn hovered_x(pos: &HoverPosition<'_>) -> f64 {
    match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => {
            position.x
        }
    }
}

/// A line that leaves hovering to the plot's tooltip, which speaks for the whole day.
pub(super) fn line<'p>(name: &str, points: Vec<PlotPoint>, color: Color32) -> Line<'p> {
    Line::new(name, PlotPoints::Owned(points))
        .color(color)
        .width(2.0)
        .allow_hover(false)
}

/// A daily series drawn solid up to today and dashed over the projection.
pub(super) fn split_lines(
    plot_ui: &mut PlotUi<'_>,
    name: &str,
    split: &series::Split,
    view: View,
    color: Color32,
) {
    plot_ui.line(line(name, decimate::for_view(&split.done, view), color));
    if !split.projected.is_empty() {
        plot_ui.line(
            line(name, decimate::for_view(&split.projected, view), color)
                .style(LineStyle::Dashed { length: 6.0 }),
        );
    }
}

/// Daily readings: a thin line with dots while a day is a few pixels wide; zoomed out, the
/// range of the readings in each pixel column as a light band, under the baseline.
pub(super) fn readings(
    plot_ui: &mut PlotUi<'_>,
    name: &str,
    points: &[PlotPoint],
    view: View,
    color: Color32,
    band: Color32,
) {
    if view.per_px() <= 0.5 {
        let shown = decimate::for_view(points, view);
        plot_ui.line(line(name, shown.clone(), color).width(1.2));
        plot_ui.points(
            Points::new(name, PlotPoints::Owned(shown))
                .color(color)
                .radius(2.5)
                .shape(MarkerShape::Circle)
                .allow_hover(false),
        );
    } else {
        let as_band: Vec<(f64, f64, f64)> = decimate::visible(points, view.x_min, view.x_max)
            .iter()
            .map(|p| (p.x, p.y, p.y))
            .collect();
        let (xs, lows, highs) = decimate::band_for_view(&as_band, view);
        plot_ui.add(
            FilledArea::new(name, &xs, &lows, &highs)
                .fill_color(band)
                .allow_hover(false),
        );
    }
}
