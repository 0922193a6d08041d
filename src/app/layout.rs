//! Where everything sits in the window: the top bar, the week summary, the charts, the
//! day panel and the grid, each given what it reads.

use eframe::egui::{self, Ui};

use super::derived::Derived;
use super::top_bar::FileState;
use super::week_view::WeekView;
use super::{
    Command, RunweekApp, charts, day_panel, preview, readiness_panel, replan_panel, summary,
    top_bar, week_grid,
};

impl RunweekApp {
    /// The top bar, the week summary, the charts, the day panel and the grid; returns where
    /// the grid is, for the notices.
    pub(super) fn panels(
        &mut self,
        ui: &mut Ui,
        view: &WeekView,
        derived: &Derived,
        out: &mut Vec<Command>,
    ) -> egui::Rect {
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
        };
        egui::Panel::top("top bar").show(ui, |ui| top_bar::top_bar_ui(ui, &bar, out));
        let plan = self.doc.plan();
        egui::Panel::bottom("week summary").show(ui, |ui| {
            ui.add_space(2.0);
            summary::summary_ui(ui, view, plan.settings.units);
            ui.add_space(2.0);
        });
        if self.prefs.charts
            && let Some((data, week_figures)) = derived.charts()
        {
            let args = charts::ChartsArgs {
                plan,
                today: self.today,
                week: view.week,
            };
            // Half the window at first: the grid stays usable above it.
            let half = (ui.available_height() * 0.5).max(300.0);
            let state = &mut self.work.charts;
            egui::Panel::bottom("charts")
                .resizable(true)
                .default_size(half)
                .size_range(160.0..=1200.0)
                .show(ui, |ui| {
                    charts::charts_ui(ui, state, data, week_figures, &args, out);
                });
        }
        let side = egui::Panel::right("day panel")
            .resizable(true)
            .default_size(330.0)
            .size_range(270.0..=560.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink(false)
                    .show(ui, |ui| self.side_panel(ui, view, out));
            })
            .response
            .rect;
        let central = egui::CentralPanel::default()
            .show(ui, |ui| {
                let plan = self.doc.plan();
                if let Some(shown) = &self.work.preview {
                    preview::banner_ui(ui, &shown.preview, out);
                    ui.add_space(4.0);
                } else if let Some(offers) = derived.offers() {
                    // Where the proposal will show: a re-plan on a bad day or after a
                    // missed session, a longer session on a Push day.
                    let offer = replan_panel::OfferArgs {
                        plan,
                        today: self.today,
                        selected_day: self.work.selected_day,
                    };
                    replan_panel::offers_ui(ui, offers, &offer, out);
                }
                let args = week_grid::GridArgs {
                    view,
                    today: self.today,
                    units: plan.settings.units,
                    selected_session: self.work.selected_session,
                    selected_day: self.work.selected_day,
                    preview_notes: self.work.preview.as_ref().map(|s| &s.preview.notes),
                };
                week_grid::week_grid_ui(ui, &args, out);
            })
            .response
            .rect;
        // The central panel's rect runs under the day panel; the week ends where that begins.
        let mut week = central;
        week.max.x = week.max.x.min(side.min.x);
        week
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
