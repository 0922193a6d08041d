//! The workspace: what the runner is doing in the window — the selected day and session,
//! the editor's draft, the settings being changed, a proposal on show, and the panels'
//! own state; and [`Prefs`], what this computer remembers between starts. None of it is
//! training data: closing the window loses nothing of the plan.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::block_view::View;
use super::charts::ChartsView;
use super::preview::Shown;
use super::readiness_panel::ReadinessPanel;
use super::session_editor::Draft;
use super::settings::{SettingsDraft, ThemeChoice};
use super::week_actions::WeekTools;
use crate::core::plan::Plan;
use crate::core::session::SessionId;

/// Preferences of this computer, kept in eframe's storage (never the training data).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The plan to open on the next start.
    pub last_file: Option<PathBuf>,
    pub theme: ThemeChoice,
    /// Whether the charts panel is open.
    pub charts: bool,
    /// The charts panel's share of the window's height below the top bar, once the runner
    /// dragged its edge (half until then).
    pub charts_share: Option<f32>,
    /// Whether the week review under the grid is open; until the runner opens or closes it,
    /// open only on a window tall enough to keep the grid roomy (`review_panel`).
    pub review: Option<bool>,
    /// The plans opened last, newest first (File › Open recent).
    pub recent: Vec<PathBuf>,
    /// The week view or the block view.
    pub view: View,
    /// How many weeks the block view shows (4 to 16), once the runner chose.
    pub block_weeks: Option<u8>,
}

pub(super) const PREFS_KEY: &str = "runweek";

/// What the runner has open and selected.
pub struct Workspace {
    pub selected_day: Date,
    pub selected_session: Option<SessionId>,
    /// A day of the block view's first week, once the block was shown.
    pub block_from: Option<Date>,
    /// How far the block's rows are scrolled (points), as last drawn.
    pub block_offset: f32,
    /// The session being edited in the side panel.
    pub editor: Option<Draft>,
    /// The settings window, while open.
    pub settings: Option<SettingsDraft>,
    pub preview: Option<Shown>,
    /// The readiness check-in of the selected day: its moment, "Why?", the numbers typed.
    pub readiness: ReadinessPanel,
    /// The charts panel: its zoom and range.
    pub charts: ChartsView,
    /// The week's menu: the copied week, its windows.
    pub week_tools: WeekTools,
}

/// What became of the workspace after the plan changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Followed {
    /// A proposal was on show and is now stale: it was put away.
    pub proposal_put_away: bool,
}

impl Workspace {
    pub fn new(today: Date) -> Workspace {
        Workspace {
            selected_day: today,
            selected_session: None,
            block_from: None,
            block_offset: 0.0,
            editor: None,
            settings: None,
            preview: None,
            readiness: ReadinessPanel::default(),
            charts: ChartsView::default(),
            week_tools: WeekTools::default(),
        }
    }

    /// Selects a session and opens it in the editor.
    pub fn select_session(&mut self, plan: &Plan, id: SessionId) {
        if let Some(session) = plan.session(id) {
            self.selected_session = Some(id);
            self.selected_day = session.date;
            self.editor = Some(Draft::edit(session, plan.settings.units));
        }
    }

    /// After any change to the plan: brings the selection, the editor and a proposal in
    /// line with the plan as it now is.
    pub fn follow(&mut self, plan: &Plan) -> Followed {
        let units = plan.settings.units;
        if let Some(draft) = &self.editor {
            match plan.session(draft.id()) {
                // The session changed underneath (an undo, a drop, Apply): the draft is
                // made anew from it, so that it never shows a session that is not there.
                Some(session) if draft.is_new || session != draft.base() => {
                    let session = session.clone();
                    self.editor = Some(Draft::edit(&session, units));
                    self.selected_session = Some(session.id);
                    self.selected_day = session.date;
                }
                Some(_) => {}
                None if draft.is_new => {}
                None => self.editor = None,
            }
        }
        if let Some(id) = self.selected_session {
            match plan.session(id) {
                Some(s) => self.selected_day = s.date,
                None => self.selected_session = None,
            }
        }
        // A proposal was made for the plan as it was; after any other change it is stale.
        Followed {
            proposal_put_away: self.preview.take().is_some(),
        }
    }

    /// Another plan was opened: nothing selected, on today.
    pub fn forget(&mut self, today: Date) {
        self.selected_day = today;
        self.selected_session = None;
        self.editor = None;
        self.preview = None;
    }
}
