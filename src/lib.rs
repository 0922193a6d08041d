//! runweek: plan the training week, log how the body responds, and re-plan the rest of the
//! week so that the key workout survives a bad day.
//!
//! # Map of the code
//!
//! - [`core`] — the domain, pure: [`core::session`] (sessions and what became of them),
//!   [`core::readiness`] (the six signals and the numbers a runner logs),
//!   [`core::verdict`] (Push / As planned / Hold back / Rest, with reasons, baselines and
//!   fatigue carry-over), [`core::load`] (session load, weekly summaries, fitness, fatigue,
//!   form and the acute:chronic ratio),
//!   [`core::replan`] (the re-planner: the exact best week that keeps the key sessions,
//!   as a proposal of edits with reasons),
//!   [`core::plan`] (the whole plan: settings, availability, sessions, readiness),
//!   [`core::settings`] (the plan's settings and the verdict's thresholds with their
//!   ranges, below everything that reads them), [`core::edit`] (edits as values and their
//!   one applier, which returns the inverse edit), [`core::history`] (undo and redo by
//!   inverse edits), [`core::week`] (weeks and day arithmetic), [`core::rules`] (the week's
//!   rules), [`core::units`] (checked numbers), [`core::day`] (days as `"YYYY-MM-DD"`,
//!   within the years a plan may hold). [`core::verdict::Assessments`] keeps every day's
//!   verdict of a range, updated from an edit's [`core::edit::Edit::earliest_day`] on.
//! - [`mod@file`] — the plan file: versioned RON, atomic save, errors with line and column.
//! - [`cli`] — the headless subcommands, one file each, on top of `core` and `file`.
//! - [`app`] — the window (eframe/egui), one component per file: [`app::RunweekApp`] holds
//!   the plan and its history and runs the [`app::Command`]s the components push; the week
//!   grid, session cards, the editor, settings, the top bar, and `files` (dialogs, loading
//!   and saving on worker threads, autosave, noticing a file changed on disk); the readiness
//!   check-in with its verdict and the readiness rules in settings; [`app::replan_panel`]
//!   (the re-plan offers, shown through [`app::preview`] until Accept or Discard); and
//!   [`app::charts`] (load, fitness/fatigue/form, HR and HRV, ACWR, the verdict strip).
//! - `src/main.rs` — parses the command line; with no subcommand it opens the window.
//!
//! # Invariants
//!
//! - **`core` is pure.** No file under `src/core/` names egui, eframe, rfd, ron, `std::fs`
//!   or the clock; `today` is always a parameter. `tests/architecture.rs` holds this.
//! - **Imports in `core` go one way.** No two modules of the core import each other, even
//!   through others (`settings` sits below `plan`, `verdict` and `week` for that);
//!   `tests/architecture.rs` reads the imports and names any cycle.
//! - **A `Plan` is always valid.** Values are checked newtypes ([`core::units`]), days lie
//!   between 1900 and 2199 so no week reaches the calendar's ends ([`core::day`]); ids are
//!   unique; sessions are sorted by date. The only ways to change a plan are
//!   [`core::plan::Plan::new`] and [`core::plan::Plan::apply_undoable`] (or `apply`), which
//!   checks before it mutates, so a refused edit changes nothing; a refused batch undoes the
//!   edits it applied before the refusal.
//! - **Every applied edit has an exact inverse.** The applier returns the edit that undoes
//!   it; applying that gives back an equal plan, down to a session's place in its day.
//!   Properties in `tests/edits.rs` hold this.
//! - **One undo step per gesture.** [`core::history::History`] keeps the inverse of each
//!   applied edit (never a copy of the plan: ten years would cost ~2 ms per edit); an edit
//!   that changes nothing makes no step; an accepted re-plan is one `Edit::Batch`.
//! - **A day's verdict depends on a bounded past.** It reads at most
//!   [`core::verdict::Assessments::reach_days`] days before it, so after a change only the
//!   days from the change to that reach are assessed again.
//! - **The window changes the plan in one place.** Components only read the plan and push
//!   commands; [`app::RunweekApp`] applies them after the frame, through the history.
//! - **A frame never walks the whole history.** The shown week is derived once per change
//!   ([`app::week_view`]) from binary searches over the sorted sessions.
//! - **The file on disk is never half-written.** [`file::save`] writes beside and renames;
//!   loading never writes.

pub mod app;
pub mod cli;
pub mod core;
pub mod file;
pub mod present;
