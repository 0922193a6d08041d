//! Where everything sits in the window: the top bar, the week summary, the charts, the
//! day panel and the grid, each given what it reads.

use eframe::egui::{self, Ui};

use super::derived::Derived;
use super::top_bar::FileState;
use super::week_view::WeekView;
use super::{
    Command, RunweekApp, View, block_view, charts, day_panel, notices_strip, readiness_panel,
    replan_panel, review_panel, summary, top_bar, week_grid,
};
use crate::core::week::Week;

impl RunweekApp {
    /// One frame in the window. The panels leave out their fill there (`panel_frame`), so
    /// the frame they sit in says what is under them, the panel colour: the scroll areas
    /// fade their edges into it.
    pub(super) fn show_in_window(&mut self, ui: &mut Ui) {
        if !self.cleared_to_panel {
            self.show(ui);
            return;
        }
        let under = egui::UiStackInfo::new(egui::UiKind::Frame)
            .with_frame(egui::Frame::NONE.fill(ui.visuals().panel_fill));
        ui.scope_builder(egui::UiBuilder::new().ui_stack_info(under), |ui| {
            self.show(ui);
        });
    }

    /// The top bar, the week summary, the charts, the day panel and the grid; returns where
    /// the grid is, for the notices.
    pub(super) fn panels(
        &mut self,
        ui: &mut Ui,
        view: &WeekView,
        derived: &Derived,
        out: &mut Vec<Command>,
    ) -> egui::Rect {
        let side_frame = panel_frame(
            self.cleared_to_panel,
            egui::Frame::side_top_panel(ui.style()),
        );
        let file_name = self.doc.name();
        let bar = top_bar::TopBarArgs {
            week: view.week,
            anchor: self.work.selected_day,
            today: self.today,
            can_undo: self.doc.history().can_undo(),
            can_redo: self.doc.history().can_redo(),
            file_name: &file_name,
            file_path: self.doc.path(),
            file_state: self.file_state(),
            home_plan: self.files.is_home_plan(self.doc.path()),
            charts_open: self.prefs.charts,
            recent: &self.prefs.recent,
            week_menu: self.work.week_tools.menu_args(),
            block: self.block_on_show().map(|_| self.block_weeks()),
        };
        egui::Panel::top("top bar")
            .frame(side_frame)
            .show(ui, |ui| top_bar::top_bar_ui(ui, &bar, out));
        let plan = self.doc.plan();
        let block = self.prefs.view == View::Block;
        if !block {
            // The block's rows carry each week's figures; the week's line is for the week view.
            egui::Panel::bottom("week summary")
                .frame(side_frame)
                .show(ui, |ui| {
                    ui.add_space(2.0);
                    summary::summary_ui(ui, view, plan.settings.units);
                    ui.add_space(2.0);
                });
        }
        let full = ui.available_rect_before_wrap();
        if self.prefs.charts
            && let Some((data, week_figures)) = derived.charts()
        {
            let args = charts::ChartsArgs {
                plan,
                today: self.today,
                week: view.week,
                decisions: derived.decisions(),
            };
            let state = &mut self.work.charts;
            let room = Room {
                below_bar: full.height(),
                grid_min: GRID_MIN_HEIGHT + notices_strip::strip_height(ui),
            };
            let height = charts_height(self.prefs.charts_share, room);
            let shown = egui::Panel::bottom("charts")
                .frame(side_frame)
                .resizable(false)
                .exact_size(height)
                .show(ui, |ui| {
                    charts::charts_ui(ui, state, data, week_figures, &args, out);
                });
            if let Some(share) = charts_resize(ui, shown.response.rect, room) {
                self.prefs.charts_share = Some(share);
            }
        }
        let width = side_panel_width(full.width());
        let side = egui::Panel::right("day panel")
            .frame(side_frame)
            .resizable(true)
            .default_size(width.default)
            .size_range(width.min..=width.max)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink(false)
                    .show(ui, |ui| self.side_panel(ui, view, out));
            })
            .response
            .rect;
        let central = egui::CentralPanel::default()
            .frame(panel_frame(
                self.cleared_to_panel,
                egui::Frame::central_panel(ui.style()),
            ))
            .show(ui, |ui| self.view_area_ui(ui, view, derived, None, out))
            .response
            .rect;
        // The central panel's rect runs under the day panel; the week ends where that begins.
        let mut week = central;
        week.max.x = week.max.x.min(side.min.x);
        week
    }

    /// What the central panel shows: the week (its review, the offers' strip, the grid) or
    /// the block. The picture of File › Export… draws it again off screen, with the block's
    /// rows at `offset` as they were on screen.
    pub(super) fn view_area_ui(
        &mut self,
        ui: &mut Ui,
        view: &WeekView,
        derived: &Derived,
        offset: Option<f32>,
        out: &mut Vec<Command>,
    ) {
        let block = self.prefs.view == View::Block;
        let plan = self.doc.plan();
        if block {
            let args = block_view::BlockArgs {
                weeks: derived.block(),
                today: self.today,
                units: plan.settings.units,
                count: block_view::block_weeks(self.prefs.block_weeks),
                selected_session: self.work.selected_session,
                previewing: self.work.preview.is_some(),
                offset,
                week_menu: self.work.week_tools.menu_args(),
            };
            let scrolled = block_view::block_view_ui(ui, &args, out);
            if offset.is_none() {
                self.work.block_offset = scrolled;
            }
            return;
        }
        if let Some(review) = derived.week_review() {
            // At the bottom of the week view, under the grid.
            egui::Panel::bottom("week review")
                .frame(panel_frame(
                    self.cleared_to_panel,
                    egui::Frame::side_top_panel(ui.style()),
                ))
                .show(ui, |ui| {
                    let rules = &plan.settings.review;
                    review_panel::review_ui(ui, review, rules, &mut self.prefs.review);
                });
        }
        let strip = notices_strip::Strip {
            view,
            today: self.today,
            preview: self.work.preview.as_ref().map(|s| &s.preview),
            offers: derived.offers(),
            offer: replan_panel::OfferArgs {
                plan,
                today: self.today,
                selected_day: self.work.selected_day,
            },
        };
        notices_strip::strip_ui(ui, &strip, out);
        let args = week_grid::GridArgs {
            view,
            today: self.today,
            units: plan.settings.units,
            selected_session: self.work.selected_session,
            selected_day: self.work.selected_day,
            preview_notes: self.work.preview.as_ref().map(|s| &s.preview.notes),
            reach: self.work.preview.as_ref().and_then(|s| s.preview.reach),
        };
        week_grid::week_grid_ui(ui, &args, out);
    }

    /// The block on show, in the block view: a day of its first week and its number of weeks.
    pub(super) fn block_on_show(&self) -> Option<(jiff::civil::Date, u8)> {
        (self.prefs.view == View::Block).then(|| {
            (
                self.block_start(),
                block_view::block_weeks(self.prefs.block_weeks),
            )
        })
    }

    /// A day of the block's first week (the week on show until the block was placed).
    pub(super) fn block_start(&self) -> jiff::civil::Date {
        self.work.block_from.unwrap_or(self.work.selected_day)
    }

    /// The block on show as its first and last week, in the block view.
    pub(super) fn block_weeks(&self) -> (Week, Week) {
        let week_start = self.doc.plan().settings.week_start;
        let first = Week::containing(self.block_start(), week_start);
        let count = block_view::block_weeks(self.prefs.block_weeks);
        let last = Week::containing(
            crate::core::week::add_days(first.start(), 7 * (i64::from(count) - 1)),
            week_start,
        );
        (first, last)
    }

    /// Shows the week view or the block view. A block that does not hold the week on show
    /// is moved to hold it, with a quarter of its weeks before it: what was run leads up to
    /// what is planned.
    pub(super) fn show_view(&mut self, view: View) {
        if view == View::Block {
            let week = self.week();
            let (first, last) = self.block_weeks();
            if self.work.block_from.is_none() || week < first || week > last {
                let before = i64::from(block_view::block_weeks(self.prefs.block_weeks) / 4);
                self.work.block_from = Some(crate::core::week::add_days(week.start(), -7 * before));
            }
        }
        self.prefs.view = view;
    }

    /// The selected day's panel: its header, then (for components about a day) their
    /// part, then its sessions and the editor.
    fn side_panel(&mut self, ui: &mut Ui, view: &WeekView, out: &mut Vec<Command>) {
        let Some(day) = view.day(self.work.selected_day) else {
            return;
        };
        let plan = self.doc.plan();
        let args = day_panel::DayPanelArgs {
            day,
            today: self.today,
            units: plan.settings.units,
            selected_session: self.work.selected_session,
        };
        day_panel::day_header_ui(ui, &args);
        ui.separator();
        let readiness = readiness_panel::ReadinessArgs {
            plan,
            date: day.date,
            today: self.today,
            assessment: &day.assessment,
            session_open: self.work.editor.is_some(),
        };
        readiness_panel::readiness_ui(ui, &mut self.work.readiness, &readiness, out);
        ui.separator();
        if day_panel::sessions_ui(ui, &args, self.work.editor.as_mut(), out) {
            out.push(Command::CloseEditor);
        }
    }

    fn file_state(&self) -> FileState {
        if self.doc.path().is_none() {
            FileState::NoFile
        } else if self.files.conflict().is_some() {
            FileState::Conflict
        } else if self.files.saving() {
            FileState::Saving
        } else if self.doc.is_dirty() {
            FileState::Unsaved
        } else {
            FileState::Saved
        }
    }
}

/// The grid keeps at least this height under an open charts panel and the notices strip:
/// a day's header and two cards stay in view.
pub const GRID_MIN_HEIGHT: f32 = 270.0;
/// The charts panel is never smaller than one chart's title and a few lines.
const CHARTS_MIN_HEIGHT: f32 = 160.0;
/// The week's seven columns keep at least this width beside the day panel, so that a
/// card's kind, title and numbers stay readable.
const GRID_MIN_WIDTH: f32 = 740.0;

/// The height the charts share with the week: all below the top bar, and what the week
/// needs of it (the notices strip and the grid's minimum).
#[derive(Debug, Clone, Copy)]
struct Room {
    below_bar: f32,
    grid_min: f32,
}

/// The charts panel's height: its share of the window below the top bar (half until the
/// runner drags its edge), never leaving the week less than it needs.
fn charts_height(share: Option<f32>, room: Room) -> f32 {
    let most = (room.below_bar - room.grid_min).max(CHARTS_MIN_HEIGHT);
    (share.unwrap_or(0.5) * room.below_bar).clamp(CHARTS_MIN_HEIGHT, most)
}

/// The charts panel's top edge as a handle: dragging it sets the panel's share of the
/// window, which is what is remembered, so a smaller window keeps the same proportions.
fn charts_resize(ui: &Ui, panel: egui::Rect, room: Room) -> Option<f32> {
    let edge =
        egui::Rect::from_x_y_ranges(panel.x_range(), (panel.top() - 4.0)..=(panel.top() + 4.0));
    let handle = ui.interact(
        edge,
        egui::Id::unique("charts panel edge"),
        egui::Sense::drag(),
    );
    let handle = handle.on_hover_cursor(egui::CursorIcon::ResizeVertical);
    handle.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Splitter, true, "Resize the charts panel")
    });
    if handle.hovered() || handle.dragged() {
        ui.painter().hline(
            panel.x_range(),
            panel.top(),
            egui::Stroke::new(2.0, ui.visuals().widgets.hovered.bg_stroke.color),
        );
    }
    if !handle.dragged() || room.below_bar <= 0.0 {
        return None;
    }
    let pointer = handle.interact_pointer_pos()?;
    let asked = (panel.bottom() - pointer.y) / room.below_bar;
    Some(charts_height(Some(asked), room) / room.below_bar)
}

/// How wide the day panel is: a quarter of the window, narrower on a small
/// window so that the week keeps [`GRID_MIN_WIDTH`], never under what its check-in needs.
struct SideWidth {
    default: f32,
    min: f32,
    max: f32,
}

fn side_panel_width(window: f32) -> SideWidth {
    let min = 240.0;
    let max = (window - GRID_MIN_WIDTH).clamp(min, 560.0);
    SideWidth {
        default: (window * 0.25).clamp(min, 400.0).min(max),
        min,
        max,
    }
}

/// A panel's frame, without its fill when the platform already cleared the window to the
/// panel colour: each fill covers its whole panel, and on a CPU renderer (llvmpipe) the
/// frame's time goes mostly into covering pixels, so these fills were most of the cost of
/// painting the first frame. The pixels are the same.
fn panel_frame(cleared: bool, frame: egui::Frame) -> egui::Frame {
    if cleared {
        frame.fill(egui::Color32::TRANSPARENT)
    } else {
        frame
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charts_never_take_the_grid_below_its_usable_height() {
        let room = |below_bar| Room {
            below_bar,
            grid_min: 260.0,
        };
        // Half of a tall window; a small window keeps the grid's minimum.
        assert_eq!(charts_height(None, room(1000.0)), 500.0);
        assert_eq!(charts_height(Some(0.9), room(560.0)), 300.0);
        assert_eq!(charts_height(Some(0.05), room(1000.0)), CHARTS_MIN_HEIGHT);
        // The same share on a larger window is a larger panel.
        assert_eq!(charts_height(Some(0.4), room(1000.0)), 400.0);
        assert_eq!(charts_height(Some(0.4), room(2000.0)), 800.0);
    }

    #[test]
    fn the_day_panel_gives_way_on_a_small_window() {
        let small = side_panel_width(1024.0);
        assert!(small.max <= 1024.0 - GRID_MIN_WIDTH + 1.0);
        assert!(small.default <= small.max);
        let large = side_panel_width(1920.0);
        assert!(large.default > small.default && large.max == 560.0);
    }
}
