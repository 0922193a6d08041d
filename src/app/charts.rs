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
//! The metrics are computed by the core once per plan revision (or new day) and kept in
//! [`ChartsState`]; a frame only cuts the cached series to the visible range and decimates
//! them to at most two points per pixel column (`series`). So a frame costs the same with
//! ten years of history as with three weeks; `benches/charts.rs` measures it.

mod about;
mod dates;
mod series;
mod week;

use eframe::egui::{self, Align, Color32, Id, Layout, RichText, Ui, Vec2b};
use egui_plot::{
    Bar, BarChart, FilledArea, GridInput, GridMark, HoverPosition, Line, LineStyle, MarkerShape,
    Plot, PlotPoint, PlotPoints, PlotUi, Points, Span, Text,
};
use jiff::civil::Date;

use super::week_view::Tone;
use super::{Command, format, theme};
use crate::core::load::{ACWR_BANDS, WeekSummary, acwr_band, week_summary};
use crate::core::plan::Plan;
use crate::core::settings::WeekStart;
use crate::core::verdict::Verdict;
use crate::core::week::Week;

use dates::{date_at, x_of};
use series::{ChartData, View};

/// What the panel reads from the app each frame.
#[derive(Debug, Clone, Copy)]
pub struct ChartsArgs<'a> {
    pub plan: &'a Plan,
    /// The plan's revision: the cached metrics are rebuilt when it changes.
    pub rev: u64,
    pub today: Date,
    /// The week the grid shows: summarised beside the charts and marked on them.
    pub week: Week,
}

/// The panel's own state: the cached metrics and the shared view of the time axis.
#[derive(Debug, Default)]
pub struct ChartsState {
    data: Option<((u64, Date), ChartData)>,
    summary: Option<((u64, Date, Week), WeekSummary)>,
    /// The x range every time chart shows.
    shown: Shown,
    /// Set by Reset and the range buttons: the plots forget their zoom on the next frame.
    reset: bool,
    about_open: bool,
    rebuilds: u64,
}

/// Which part of the time axis the charts show.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Shown {
    /// The last twelve weeks and the weeks planned ahead.
    #[default]
    Default,
    /// The whole history.
    All,
    /// Where the runner panned or zoomed to.
    Range(f64, f64),
}

impl ChartsState {
    /// Shows the whole history, as the "All" button does.
    pub fn show_all(&mut self) {
        self.shown = Shown::All;
        self.reset = true;
    }

    /// How many times the metrics were computed: once per plan revision or new day.
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds
    }

    /// Brings the cache in line with the plan: recomputes only when the revision or the
    /// day changed.
    fn refresh(&mut self, args: &ChartsArgs<'_>) {
        let key = (args.rev, args.today);
        if self.data.as_ref().is_none_or(|(k, _)| *k != key) {
            let previous = self.data.take().map(|(_, data)| data.readiness);
            self.data = Some((key, ChartData::build(args.plan, args.today, previous)));
            self.rebuilds += 1;
        }
        let week_key = (args.rev, args.today, args.week);
        if self.summary.as_ref().is_none_or(|(k, _)| *k != week_key) {
            let summary = week_summary(args.plan, args.week, args.today);
            self.summary = Some((week_key, summary));
        }
    }
}

/// Width of the left column with the week's figures.
const SUMMARY_WIDTH: f32 = 250.0;
/// Every chart's y axis takes the same width, so that their x axes line up.
const Y_AXIS_WIDTH: f32 = 44.0;
/// The narrowest view, in days.
const MIN_SPAN_DAYS: f64 = 6.0;

/// The panel: a header with the zoom controls, the week's figures, and the charts.
pub fn charts_ui(
    ui: &mut Ui,
    state: &mut ChartsState,
    args: &ChartsArgs<'_>,
    out: &mut Vec<Command>,
) {
    state.refresh(args);
    let Some((_, data)) = &state.data else {
        return;
    };
    let default = data.default_view;
    let range = match state.shown {
        Shown::Default => default,
        Shown::All => data.extent,
        Shown::Range(low, high) => Some((low, high)),
    };

    ui.horizontal(|ui| {
        ui.label(RichText::new("Load and trends").heading().strong());
        ui.separator();
        if let Some((_, end)) = default {
            for (label, days) in [("12 weeks", 7 * 12), ("6 months", 182), ("1 year", 365)] {
                if ui
                    .button(label)
                    .on_hover_text(format!("Show the last {label} up to the end of the plan"))
                    .clicked()
                {
                    state.shown = Shown::Range(end - f64::from(days), end);
                    state.reset = true;
                }
            }
            if ui
                .button("All")
                .on_hover_text("Show the whole history")
                .clicked()
            {
                state.shown = Shown::All;
                state.reset = true;
            }
            let reset = ui.add_enabled(state.shown != Shown::Default, egui::Button::new("Reset zoom"));
            if reset
                .on_hover_text(
                    "Back to the last 12 weeks and the weeks planned ahead (or double-click a chart)",
                )
                .clicked()
            {
                state.shown = Shown::Default;
                state.reset = true;
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .selectable_label(state.about_open, "About these numbers")
                .on_hover_text("Each formula, its source and the settings in force")
                .clicked()
            {
                state.about_open = !state.about_open;
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
                if let Some((_, summary)) = &state.summary {
                    week::week_summary_ui(ui, summary, args.plan.settings.units);
                }
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
                        reset: state.reset,
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
    state.reset = false;
    if reset_requested {
        state.shown = Shown::Default;
        state.reset = true;
        ui.ctx().request_repaint();
    } else if let Some(new) = moved {
        let (low, high) = clamp_range(new, data.extent);
        state.shown = Shown::Range(low, high);
        ui.ctx().request_repaint();
    }
    if state.about_open {
        about::about_window(ui.ctx(), &mut state.about_open, &args.plan.settings);
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

/// What every chart of one frame shares.
struct Cx<'d> {
    data: &'d ChartData,
    range: (f64, f64),
    reset: bool,
    week_start: WeekStart,
    week: Week,
    link: Id,
    plot_width: f32,
    /// Filled by the charts: the view after a pan or zoom, a clicked day, a double-click.
    moved: Option<(f64, f64)>,
    clicked: Option<Date>,
    reset_requested: bool,
}

impl<'d> Cx<'d> {
    fn view(&self) -> View {
        View {
            x_min: self.range.0,
            x_max: self.range.1,
            width_px: self.plot_width,
        }
    }

    /// A plot on the shared time axis: dates on x, pan and zoom along x only (the y axis
    /// always fits what is visible), the hovered day marked on every chart. The keys are
    /// drawn above each chart rather than as a legend over it, so no data is hidden.
    fn plot<'p>(&self, id: &str, height: f32) -> Plot<'p> {
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
    fn show<'p>(&mut self, ui: &mut Ui, plot: Plot<'p>, build: impl FnOnce(&mut PlotUi<'p>) + 'p) {
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

    /// The week on the grid, marked on every chart.
    fn week_span(&self, palette: &Palette) -> Span {
        Span::new(
            "",
            (x_of(self.week.start()) - 0.5)..=(x_of(self.week.end()) + 0.5),
        )
        .fill(palette.week)
        .border_width(0.0)
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
enum Swatch {
    Line(Color32),
    Dashed(Color32),
    Block(Color32),
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

fn charts(ui: &mut Ui, cx: &mut Cx<'_>) {
    let palette = Palette::of(ui.visuals());
    weekly_load(ui, cx, &palette);
    fitness(ui, cx, &palette);
    verdict_strip(ui, cx, &palette);
    resting_hr(ui, cx, &palette);
    hrv(ui, cx, &palette);
    acwr(ui, cx, &palette);
}

/// Colours that read in both themes; Okabe–Ito where lines must be told apart.
struct Palette {
    planned: Color32,
    done: Color32,
    fitness: Color32,
    fatigue: Color32,
    form: Color32,
    heart: Color32,
    hrv: Color32,
    baseline: Color32,
    caution: Color32,
    band: Color32,
    readings: Color32,
    ratio: Color32,
    soft_bands: [Color32; 2],
    projection: Color32,
    week: Color32,
    /// The same shades as keys: stronger, so a small square shows its colour.
    projection_key: Color32,
    week_key: Color32,
    visuals: egui::Visuals,
}

impl Palette {
    fn of(visuals: &egui::Visuals) -> Palette {
        let dark = visuals.dark_mode;
        let pick = |light: [u8; 3], dark_rgb: [u8; 3]| {
            let [r, g, b] = if dark { dark_rgb } else { light };
            Color32::from_rgb(r, g, b)
        };
        let rgba = |light: [u8; 4], dark_rgba: [u8; 4]| {
            let [r, g, b, a] = if dark { dark_rgba } else { light };
            Color32::from_rgba_unmultiplied(r, g, b, a)
        };
        let accent = theme::accent(visuals);
        Palette {
            planned: pick([165, 165, 165], [125, 125, 125]),
            done: pick([0x00, 0x72, 0xB2], [0x56, 0xB4, 0xE9]),
            fitness: pick([0x00, 0x72, 0xB2], [0x56, 0xB4, 0xE9]),
            fatigue: pick([0xD5, 0x5E, 0x00], [0xE6, 0x9F, 0x00]),
            form: pick([0x00, 0x9E, 0x73], [0x3C, 0xC8, 0x9A]),
            heart: pick([0xB0, 0x3A, 0x7A], [0xCC, 0x79, 0xA7]),
            hrv: pick([0x00, 0x72, 0xB2], [0x56, 0xB4, 0xE9]),
            baseline: pick([60, 60, 60], [200, 200, 200]),
            caution: theme::tone_color(Tone::Caution, visuals),
            band: rgba([0, 158, 115, 40], [60, 200, 140, 40]),
            readings: rgba([176, 58, 122, 90], [204, 121, 167, 90]),
            ratio: visuals.text_color(),
            soft_bands: [
                rgba([0, 158, 115, 34], [60, 200, 120, 38]),
                rgba([213, 94, 0, 34], [255, 150, 60, 38]),
            ],
            projection: rgba([120, 120, 120, 30], [160, 160, 160, 26]),
            week: accent.gamma_multiply(0.13),
            projection_key: rgba([120, 120, 120, 90], [160, 160, 160, 90]),
            week_key: accent.gamma_multiply(0.4),
            visuals: visuals.clone(),
        }
    }
}

/// The tooltip's first line: the day, and whether its figures are a projection.
fn day_line(data: &ChartData, day: Date) -> String {
    let projected = data.trends.day(day).is_some_and(|d| d.projected);
    format!(
        "{}{}",
        format::day_long(day),
        if projected { " (projected)" } else { "" }
    )
}

const CLICK_HINT: &str = "Click to show this week on the grid";

fn hovered_x(pos: &HoverPosition<'_>) -> f64 {
    match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => {
            position.x
        }
    }
}

/// A line that leaves hovering to the plot's tooltip, which speaks for the whole day.
fn line<'p>(name: &str, points: Vec<PlotPoint>, color: Color32) -> Line<'p> {
    Line::new(name, PlotPoints::Owned(points))
        .color(color)
        .width(2.0)
        .allow_hover(false)
}

/// A daily series drawn solid up to today and dashed over the projection.
fn split_lines(
    plot_ui: &mut PlotUi<'_>,
    name: &str,
    split: &series::Split,
    view: View,
    color: Color32,
) {
    plot_ui.line(line(name, series::for_view(&split.done, view), color));
    if !split.projected.is_empty() {
        plot_ui.line(
            line(name, series::for_view(&split.projected, view), color)
                .style(LineStyle::Dashed { length: 6.0 }),
        );
    }
}

/// Daily readings: a thin line with dots while a day is a few pixels wide; zoomed out, the
/// range of the readings in each pixel column as a light band, under the baseline.
fn readings(
    plot_ui: &mut PlotUi<'_>,
    name: &str,
    points: &[PlotPoint],
    view: View,
    color: Color32,
    band: Color32,
) {
    if view.per_px() <= 0.5 {
        let shown = series::for_view(points, view);
        plot_ui.line(line(name, shown.clone(), color).width(1.2));
        plot_ui.points(
            Points::new(name, PlotPoints::Owned(shown))
                .color(color)
                .radius(2.5)
                .shape(MarkerShape::Circle)
                .allow_hover(false),
        );
    } else {
        let as_band: Vec<(f64, f64, f64)> = series::visible(points, view.x_min, view.x_max)
            .iter()
            .map(|p| (p.x, p.y, p.y))
            .collect();
        let (xs, lows, highs) = series::band_for_view(&as_band, view);
        plot_ui.add(
            FilledArea::new(name, &xs, &lows, &highs)
                .fill_color(band)
                .allow_hover(false),
        );
    }
}

fn weekly_load(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 150.0;
    title(
        ui,
        "Weekly load",
        &[
            (Swatch::Block(palette.planned), "planned"),
            (Swatch::Block(palette.done), "done"),
            (Swatch::Block(palette.week_key), "week on the grid"),
            (Swatch::Block(palette.projection_key), "ahead"),
        ],
        "minutes × RPE",
    );
    if !visible(ui, HEIGHT) {
        ui.add_space(HEIGHT);
        return;
    }
    let view = cx.view();
    let per_bar = series::weeks_per_bar(view, 10.0);
    let groups = series::week_groups(&cx.data.weeks, view, per_bar);
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
    let backdrop = (cx.week_span(palette), cx.projection_span(palette));
    cx.show(ui, plot, move |plot_ui| {
        plot_ui.span(backdrop.0);
        if let Some(span) = backdrop.1 {
            plot_ui.span(span);
        }
        let bars = |value: fn(&series::WeekGroup) -> f64, offset: f64, fill: Color32| {
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

fn fitness(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 190.0;
    title(
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
    );
    if !visible(ui, HEIGHT) {
        ui.add_space(HEIGHT);
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
            Some(format!(
                "{}\nFitness {:.1}\nFatigue {:.1}\nForm {:+.1}\nLoad that day {}\n{CLICK_HINT}",
                day_line(data, day),
                d.fitness,
                d.fatigue,
                d.form,
                format::load(d.load),
            ))
        });
    let (c_fit, c_fat, c_form) = (palette.fitness, palette.fatigue, palette.form);
    let backdrop = (cx.week_span(palette), cx.projection_span(palette));
    cx.show(ui, plot, move |plot_ui| {
        plot_ui.span(backdrop.0);
        if let Some(span) = backdrop.1 {
            plot_ui.span(span);
        }
        split_lines(plot_ui, "Fitness", &data.fitness, view, c_fit);
        split_lines(plot_ui, "Fatigue", &data.fatigue, view, c_fat);
        split_lines(plot_ui, "Form", &data.form, view, c_form);
    });
}

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

fn verdict_strip(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 58.0;
    let visuals = &palette.visuals;
    let key = |v: Verdict| (Swatch::Block(verdict_look(v, visuals).0), v.label());
    title(
        ui,
        "Readiness verdicts",
        &[
            key(Verdict::Push),
            key(Verdict::AsPlanned),
            key(Verdict::HoldBack),
            key(Verdict::Rest),
        ],
        "letters P A H R when zoomed in; blank: no check logged",
    );
    if !visible(ui, HEIGHT) {
        ui.add_space(HEIGHT);
        return;
    }
    let view = cx.view();
    let data = cx.data;
    let cells = series::verdict_cells(&data.readiness.verdicts, view);
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

fn resting_hr(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 140.0;
    title(
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
    );
    if !visible(ui, HEIGHT) {
        ui.add_space(HEIGHT);
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
                series::for_view(&data.readiness.baseline_hr, view),
                baseline,
            )
            .width(1.5),
        );
        plot_ui.line(
            line(
                "Hold-back signal from here",
                series::for_view(&data.readiness.hold_back_hr, view),
                caution,
            )
            .width(1.5)
            .style(LineStyle::Dashed { length: 5.0 }),
        );
    });
}

fn hrv(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 140.0;
    title(
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
    );
    if !visible(ui, HEIGHT) {
        ui.add_space(HEIGHT);
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
        let (xs, lows, highs) = series::band_for_view(&data.readiness.hrv_band_ms, view);
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
                series::for_view(&data.readiness.hrv_mean_ms, view),
                baseline,
            )
            .width(1.5),
        );
    });
}

fn acwr(ui: &mut Ui, cx: &mut Cx<'_>, palette: &Palette) {
    const HEIGHT: f32 = 150.0;
    title(
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
    );
    if !visible(ui, HEIGHT) {
        ui.add_space(HEIGHT);
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
    let backdrop = (cx.week_span(palette), cx.projection_span(palette));
    cx.show(ui, plot, move |plot_ui| {
        plot_ui.span(backdrop.0);
        if let Some(span) = backdrop.1 {
            plot_ui.span(span);
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::Edit;
    use jiff::civil::date;

    fn frame(ctx: &egui::Context, state: &mut ChartsState, plan: &Plan, rev: u64, today: Date) {
        let args = ChartsArgs {
            plan,
            rev,
            today,
            week: Week::containing(today, plan.settings.week_start),
        };
        let mut out = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            charts_ui(ui, state, &args, &mut out);
        });
        output.textures_delta.clear();
    }

    #[test]
    fn metrics_are_recomputed_only_when_the_plan_or_the_day_changes() {
        let mut plan = crate::file::demo().expect("the demo plan parses");
        let today = date(2026, 11, 25);
        let ctx = egui::Context::default();
        let mut state = ChartsState::default();
        for _ in 0..3 {
            frame(&ctx, &mut state, &plan, 0, today);
        }
        assert_eq!(state.rebuilds(), 1);
        let mut settings = plan.settings.clone();
        settings.fitness_days = 28;
        plan.apply(Edit::SetSettings(settings))
            .expect("the settings are valid");
        frame(&ctx, &mut state, &plan, 1, today);
        frame(&ctx, &mut state, &plan, 1, today);
        assert_eq!(state.rebuilds(), 2);
        let (_, data) = state.data.as_ref().expect("built");
        assert_eq!(
            data.trends.time_constants(),
            (28, 7),
            "built from the new plan"
        );
        frame(&ctx, &mut state, &plan, 1, date(2026, 11, 26));
        assert_eq!(state.rebuilds(), 3, "a new day moves the projection");
    }

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
