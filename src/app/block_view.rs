//! The block view: four to sixteen weeks as rows and the days as columns, each session a
//! chip, each week with its minutes, distance, load as a small bar and the change of planned
//! load from the week before. A chip drags to any day of the block; a week's label opens
//! that week in the week view.
//!
//! The rows come from the derived state ([`crate::present::block`], once per change); a
//! frame lays out only the rows in sight (`ScrollArea::show_rows`). A drop follows the
//! week's rules: the same payload as a card's, the same refusal on a day that is over, the
//! same `Edit::MoveSession` as one undo step, and the same warnings on the days after it.

use eframe::egui::{
    self, Align2, Button, CornerRadius, FontId, Rect, RichText, ScrollArea, Sense, Stroke,
    StrokeKind, Ui, pos2, vec2,
};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::block_chip::{self, CHIP_HEIGHT, ChipArgs};
use super::theme::{self, Tone};
use super::week_menu::{WeekMenuArgs, week_menu_ui};
use super::{Command, DragSession, format, session_card};
use crate::core::edit::Edit;
use crate::core::session::SessionId;
use crate::core::settings::Units;
use crate::present::block::{BLOCK_WEEKS, BlockDay, BlockWeek, CHANGE_MEANS, change};

/// Which view the window shows: one week as a grid, or a block of weeks as rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum View {
    #[default]
    Week,
    Block,
}

/// How many weeks the block shows: the runner's choice, eight until there is one.
pub fn block_weeks(chosen: Option<u8>) -> u8 {
    chosen
        .unwrap_or(8)
        .clamp(*BLOCK_WEEKS.start(), *BLOCK_WEEKS.end())
}

/// What the block view needs besides its weeks.
#[derive(Debug, Clone, Copy)]
pub struct BlockArgs<'a> {
    pub weeks: &'a [BlockWeek],
    pub today: Date,
    pub units: Units,
    /// How many weeks the runner chose to see.
    pub count: u8,
    pub selected_session: Option<SessionId>,
    /// While a re-plan is previewed, chips cannot be dragged.
    pub previewing: bool,
    /// Where to scroll the rows to (for the picture, which shows them as on screen).
    pub offset: Option<f32>,
    /// What each week's menu shows (a right-click on its label), as on the week view.
    pub week_menu: WeekMenuArgs<'a>,
}

/// The most chips a day shows before it says "+2 more".
const MOST_LINES: usize = 4;
/// The week's label, its figures and its load bar need this height at least.
const LABEL_HEIGHT: f32 = 62.0;
const GAP: f32 = 2.0;

/// Shows the block; returns how far its rows are scrolled.
pub fn block_view_ui(ui: &mut Ui, args: &BlockArgs<'_>, out: &mut Vec<Command>) -> f32 {
    let Some(first) = args.weeks.first() else {
        ui.label("No weeks to show.");
        return 0.0;
    };
    let label_width = (ui.available_width() * 0.2).clamp(150.0, 210.0);
    header_ui(ui, first, label_width, args.count, out);
    let busiest = args
        .weeks
        .iter()
        .flat_map(|w| w.days.iter().map(|d| d.sessions.len()))
        .max()
        .unwrap_or(0);
    let lines = busiest.clamp(1, MOST_LINES);
    let row_height = (lines as f32 * (CHIP_HEIGHT + GAP) + 8.0).max(LABEL_HEIGHT);
    let most_load = args.weeks.iter().map(|w| w.load).fold(0.0, f64::max);
    let rows = Rows {
        args,
        label_width,
        lines,
        most_load,
    };
    ui.spacing_mut().item_spacing.y = 4.0;
    let mut area = ScrollArea::vertical()
        .id_salt("block rows")
        .auto_shrink(false);
    if let Some(offset) = args.offset {
        area = area.vertical_scroll_offset(offset);
    }
    let shown = area.show_rows(ui, row_height, args.weeks.len(), |ui, range| {
        for week in &args.weeks[range] {
            let (rect, _) =
                ui.allocate_exact_size(vec2(ui.available_width(), row_height), Sense::hover());
            // A child of its own, so that what the row places by hand never moves the rows.
            let mut row = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(rect)
                    .id_salt(("block row", week.week.start())),
            );
            rows.row_ui(&mut row, rect, week, out);
        }
    });
    shown.state.clamped_offset().y
}

/// The weeks' count and the weekdays over their columns.
fn header_ui(ui: &mut Ui, first: &BlockWeek, label_width: f32, count: u8, out: &mut Vec<Command>) {
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 24.0), Sense::hover());
    let picker = Rect::from_min_size(rect.min, vec2(label_width - 8.0, rect.height()));
    let mut chosen = count;
    {
        let ui = &mut ui.new_child(egui::UiBuilder::new().max_rect(picker));
        egui::ComboBox::from_id_salt("block weeks")
            .selected_text(format!("{count} weeks"))
            .width(label_width - 16.0)
            .show_ui(ui, |ui| {
                for n in BLOCK_WEEKS {
                    ui.selectable_value(&mut chosen, n, format!("{n} weeks"));
                }
            })
            .response
            .on_hover_text("How many weeks the block shows");
    }
    if chosen != count {
        out.push(Command::SetBlockWeeks(chosen));
    }
    let day_width = (rect.width() - label_width) / 7.0;
    let color = ui.visuals().strong_text_color();
    for (i, date) in first.week.days().iter().enumerate() {
        let x = rect.left() + label_width + day_width * (i as f32 + 0.5);
        ui.painter().text(
            pos2(x, rect.center().y),
            Align2::CENTER_CENTER,
            format::weekday(*date),
            FontId::proportional(13.5),
            color,
        );
    }
}

/// What every row shares.
struct Rows<'a> {
    args: &'a BlockArgs<'a>,
    label_width: f32,
    lines: usize,
    most_load: f64,
}

impl Rows<'_> {
    fn row_ui(&self, ui: &mut Ui, rect: Rect, week: &BlockWeek, out: &mut Vec<Command>) {
        let visuals = ui.visuals().clone();
        let current = week.week.contains(self.args.today);
        let (fill, stroke) = if current {
            (
                theme::day_fill(&visuals, true, false),
                Stroke::new(2.0, theme::accent(&visuals)),
            )
        } else {
            (
                visuals.faint_bg_color,
                Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
            )
        };
        ui.painter().rect(
            rect,
            CornerRadius::same(6),
            fill,
            stroke,
            StrokeKind::Inside,
        );
        let label = Rect::from_min_size(rect.min, vec2(self.label_width, rect.height()));
        self.label_ui(ui, label.shrink2(vec2(6.0, 4.0)), week, current, out)
            .context_menu(|ui| week_menu_ui(ui, week.week.start(), &self.args.week_menu, out));
        let day_width = (rect.width() - self.label_width) / 7.0;
        for (i, day) in week.days.iter().enumerate() {
            let cell = Rect::from_min_size(
                pos2(
                    rect.left() + self.label_width + day_width * i as f32,
                    rect.top(),
                ),
                vec2(day_width, rect.height()),
            )
            .shrink2(vec2(2.0, 3.0));
            self.day_ui(ui, cell, day, out);
        }
    }

    /// The week's label (a click opens the week), its figures and its load as a bar.
    fn label_ui(
        &self,
        ui: &mut Ui,
        rect: Rect,
        week: &BlockWeek,
        current: bool,
        out: &mut Vec<Command>,
    ) -> egui::Response {
        let visuals = ui.visuals().clone();
        let (start, end) = (week.week.start(), week.week.end());
        let text = format!("{} – {}", start.strftime("%-d %b"), end.strftime("%-d %b"));
        let mut words = RichText::new(text).strong();
        if current {
            words = words.color(theme::accent(&visuals));
        }
        let top = Rect::from_min_size(rect.min, vec2(rect.width(), 18.0));
        let response = ui
            .put(top, Button::new(words).frame(false).truncate())
            .on_hover_text(format!(
                "Open the week of {} in the week view; right-click for the week's menu: copy, paste, repeat, templates",
                format::week_range(start, end)
            ));
        if response.clicked() {
            let day = if current { self.args.today } else { start };
            out.push(Command::ShowWeekOf(day));
            out.push(Command::ShowView(View::Week));
        }
        let small = FontId::proportional(11.5);
        let text_color = visuals.text_color();
        let mut volume = format::duration(week.minutes);
        if week.distance_km > 0.0 {
            volume += &format!(" · {}", format::distance(week.distance_km, self.args.units));
        }
        let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
        painter.text(
            pos2(rect.left() + 4.0, rect.top() + 21.0),
            Align2::LEFT_TOP,
            volume,
            small.clone(),
            text_color,
        );
        let load_line = Rect::from_min_size(
            pos2(rect.left(), rect.top() + 36.0),
            vec2(rect.width(), 14.0),
        );
        let (change_text, change_color) = match &week.growth_warning {
            Some(_) => (
                format!("⚠ {}", change(week.change_pct)),
                theme::tone_color(Tone::Caution, &visuals),
            ),
            None => (change(week.change_pct), text_color),
        };
        painter.text(
            pos2(load_line.left() + 4.0, load_line.top()),
            Align2::LEFT_TOP,
            format!("load {}", format::load(week.load)),
            small.clone(),
            text_color,
        );
        painter.text(
            pos2(load_line.right(), load_line.top()),
            Align2::RIGHT_TOP,
            change_text,
            small,
            change_color,
        );
        let why = match &week.growth_warning {
            Some(warning) => format!("{warning}\n{CHANGE_MEANS}"),
            None => CHANGE_MEANS.to_owned(),
        };
        ui.interact(
            load_line,
            ui.scope_id().with(("block load", start)),
            Sense::hover(),
        )
        .on_hover_text(format!("{}\n\n{why}", super::summary::LOAD_FORMULA));
        // The load as a bar, against the block's heaviest week.
        let track = Rect::from_min_size(
            pos2(rect.left() + 4.0, rect.bottom() - 5.0),
            vec2(rect.width() - 4.0, 4.0),
        );
        painter.rect_filled(track, CornerRadius::same(2), visuals.extreme_bg_color);
        if self.most_load > 0.0 {
            let share = (week.load / self.most_load).clamp(0.0, 1.0) as f32;
            let bar = Rect::from_min_size(track.min, vec2(track.width() * share, track.height()));
            painter.rect_filled(bar, CornerRadius::same(2), theme::accent(&visuals));
        }
        response
    }

    /// A day of the block: its chips, and a drop zone for a dragged one.
    fn day_ui(&self, ui: &mut Ui, cell: Rect, day: &BlockDay, out: &mut Vec<Command>) {
        let visuals = ui.visuals().clone();
        let today = self.args.today;
        let is_past = day.date < today;
        let dragged = egui::DragAndDrop::payload::<DragSession>(ui.ctx());
        let hovered = dragged.is_some() && ui.rect_contains_pointer(cell);
        let refusal = session_card::no_drop_reason(day.date, today);
        let fill = match (hovered, refusal.is_some()) {
            (true, false) => theme::drop_ok(&visuals),
            (true, true) => theme::drop_refused(&visuals),
            _ => theme::day_fill(&visuals, day.date == today, is_past),
        };
        let stroke = if day.date == today {
            Stroke::new(2.0, theme::accent(&visuals))
        } else if !day.warnings.is_empty() {
            Stroke::new(1.5, theme::tone_color(Tone::Caution, &visuals))
        } else {
            Stroke::NONE
        };
        ui.painter().rect(
            cell,
            CornerRadius::same(4),
            fill,
            stroke,
            StrokeKind::Inside,
        );
        // A click on the day (not on a chip) shows it in the day panel.
        let response = ui.interact(
            cell,
            ui.scope_id().with(("block day", day.date)),
            Sense::click(),
        );
        let name = format::day_long(day.date);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        let mut hover = name.clone();
        for warning in &day.warnings {
            hover += &format!("\n⚠ {warning}");
        }
        if response.on_hover_text(hover).clicked() {
            out.push(Command::SelectDay(day.date));
        }

        let mut tops = Vec::with_capacity(day.sessions.len());
        let shown = if day.sessions.len() > self.lines {
            self.lines - 1
        } else {
            day.sessions.len()
        };
        let mut y = cell.top() + 2.0;
        for session in &day.sessions[..shown] {
            let rect = Rect::from_min_size(
                pos2(cell.left() + 2.0, y),
                vec2(cell.width() - 4.0, CHIP_HEIGHT),
            );
            let no_drag = session_card::no_drag_reason(session, self.args.previewing);
            let chip = ChipArgs {
                units: self.args.units,
                selected: self.args.selected_session == Some(session.id),
                no_drag: no_drag.as_deref(),
            };
            block_chip::chip_ui(ui, rect, session, &chip, out);
            if dragged.as_ref().is_none_or(|d| d.id != session.id) {
                tops.push(rect);
            }
            y += CHIP_HEIGHT + GAP;
        }
        if shown < day.sessions.len() {
            let more = day.sessions.len() - shown;
            let rest: Vec<_> = day.sessions[shown..]
                .iter()
                .map(crate::present::block::chip_words)
                .collect();
            let at =
                Rect::from_min_size(pos2(cell.left() + 4.0, y), vec2(cell.width() - 8.0, 16.0));
            ui.put(
                at,
                egui::Label::new(RichText::new(format!("+{more} more")).small()),
            )
            .on_hover_text(rest.join("\n"));
        }
        if !day.warnings.is_empty() {
            ui.painter().text(
                cell.right_bottom() - vec2(3.0, 1.0),
                Align2::RIGHT_BOTTOM,
                "⚠",
                FontId::proportional(11.0),
                theme::tone_color(Tone::Caution, &visuals),
            );
        }
        let Some(payload) = dragged.filter(|_| hovered) else {
            return;
        };
        self.drop_ui(ui, cell, day, &tops, payload, refusal, out);
    }

    /// Where a dragged chip would land, and the drop itself: the same rules as the week's.
    #[allow(clippy::too_many_arguments)]
    fn drop_ui(
        &self,
        ui: &mut Ui,
        cell: Rect,
        day: &BlockDay,
        tops: &[Rect],
        payload: std::sync::Arc<DragSession>,
        refusal: Option<String>,
        out: &mut Vec<Command>,
    ) {
        let visuals = ui.visuals().clone();
        let released = ui.input(|i| i.pointer.any_released());
        // The day in words, so the runner knows where the chip lands across weeks.
        let tag = format::day_short(day.date);
        if let Some(why) = refusal {
            ui.ctx().set_cursor_icon(egui::CursorIcon::NoDrop);
            ui.painter().text(
                cell.center_bottom() - vec2(0.0, 2.0),
                Align2::CENTER_BOTTOM,
                format!("{tag}: past"),
                FontId::proportional(11.0),
                theme::tone_color(Tone::Stop, &visuals),
            );
            if released {
                egui::DragAndDrop::clear_payload(ui.ctx());
                out.push(Command::Refuse(why));
            }
            return;
        }
        ui.painter().text(
            cell.center_bottom() - vec2(0.0, 2.0),
            Align2::CENTER_BOTTOM,
            tag,
            FontId::proportional(11.0),
            visuals.strong_text_color(),
        );
        let pointer_y = ui.ctx().pointer_interact_pos().map_or(cell.top(), |p| p.y);
        let index = tops.iter().filter(|r| r.center().y < pointer_y).count();
        let y = match (index, tops.first()) {
            (_, None) => cell.top() + 2.0,
            (0, Some(first)) => first.top() - 1.0,
            (i, _) => tops[i - 1].bottom() + 1.0,
        };
        ui.painter().hline(
            (cell.left() + 3.0)..=(cell.right() - 3.0),
            y,
            Stroke::new(3.0, theme::accent(&visuals)),
        );
        // A drop on the chip's own place changes nothing and is no undo step.
        let own_place = payload.from == day.date
            && day.sessions.iter().position(|s| s.id == payload.id) == Some(index);
        if released && !own_place {
            egui::DragAndDrop::clear_payload(ui.ctx());
            out.push(Command::Edit(Edit::MoveSession {
                id: payload.id,
                to: day.date,
                index: Some(index),
            }));
        }
    }
}
