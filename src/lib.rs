//! runweek: plan the training week, log how the body responds, and re-plan the rest of the
//! week so that the key workout survives a bad day.
//!
//! # Map of the code
//!
//! - [`core`] — the domain, pure: [`core::session`] (sessions and what became of them),
//!   [`core::readiness`] (the six signals and the numbers a runner logs),
//!   [`core::verdict`] (Push / As planned / Hold back / Rest, with reasons, baselines and
//!   fatigue carry-over), [`core::load`] (session load, weekly summaries, fitness, fatigue,
//!   form and the acute:chronic ratio), [`core::form`] (form as a share of fitness in named
//!   zones),
//!   [`core::replan`] (the re-planner: the exact best week that keeps the key sessions,
//!   as a proposal of edits with reasons), [`core::review`] (the look back: what the runner
//!   did on each Push, Hold back or Rest day, what followed, the patterns and "Room to
//!   extend", read from the shared verdicts),
//!   [`core::plan`] (the whole plan: settings, availability, sessions, readiness),
//!   [`core::settings`] (the plan's settings and the verdict's thresholds with their
//!   ranges, below everything that reads them), [`core::edit`] (edits as values and their
//!   one applier, which returns the inverse edit), [`core::history`] (undo and redo by
//!   inverse edits), [`core::week`] (weeks and day arithmetic), [`core::rules`] (the week's
//!   rules), [`core::units`] (checked numbers), [`core::day`] (days as `"YYYY-MM-DD"`,
//!   within the years a plan may hold). [`core::verdict::Assessments`] keeps every day's
//!   verdict of a range, updated from an edit's [`core::edit::Edit::earliest_day`] on.
//!   [`core::merge`] merges two versions of a plan grown from one base (the runner's and
//!   another program's), and turns one plan into another as edits. [`core::activity`] (an
//!   activity from the watch: sport, local start, timer minutes, time-weighted heart rate
//!   with its warm-up and settled windows) and [`core::import`] (which planned session each
//!   activity fills or which it adds, as one `Edit::Batch`; the learned easy HR).
//!   [`core::week_copy`] (a week's sessions as planned, put on other weeks — paste, repeat
//!   with a weekly change, templates — as one `Edit::Batch`, never copying what was run).
//! - [`mod@file`] — the plan file: versioned RON, atomic saves through exclusive temp files,
//!   reading only regular files within a size and nesting cap, errors with line and column,
//!   and [`file::echo`] for any text from a file that reaches a terminal;
//!   [`file::template`] reads and writes week templates the same way.
//! - [`activity_file`] — activity files from the watch at the edge: FIT (`fitparser`), GPX and
//!   TCX (`quick-xml`), read within a size cap like plan files, times placed in the system's
//!   time zone (`TZ`), every bad file one message naming what is wrong, never a panic.
//! - [`present`] — the words and numbers the window and the command line both show (units,
//!   dates, the limit of a bad day, the past-day rule, a day's verdict against its sessions,
//!   form with its zone on a proposal's key days, [`present::review`]'s look back in words,
//!   [`present::week_copy`]'s preview and message of a pasted, repeated or templated week,
//!   [`present::block`]'s weeks of a training block with their figures, which the block
//!   view and `runweek show --weeks` share), so the two never disagree.
//! - [`export`] — the plan elsewhere, pure: the sessions of a range of days as a calendar
//!   ([`export::calendar`], RFC 5545, with UIDs stable per plan and session) or a
//!   spreadsheet ([`export::table`], CSV), as text; written to disk through
//!   [`file::save_text`].
//! - [`cli`] — the headless subcommands, one file each, on top of `core`, `file` and
//!   `present`; `cli::desktop` installs the menu entry and icon (`--install-desktop`).
//! - [`app`] — the window (eframe/egui), layered one way (`tests/ui_layers.rs`):
//!   - at the bottom, the theme, [`present`] as the window formats it, the typed-number
//!     field, and `files` (the plan on disk: dialogs and loads on worker threads, one
//!     writer thread for every save, a watch on the file for other programs' changes);
//!   - the view models: [`app::week_view`] (one week as the grid shows it, with each day's
//!     badge) and [`app::preview`] (a proposal before Accept);
//!   - the ground and derived state: `document` (the plan, its history, revision, path and
//!     stamp: the only owner of the training data) and `derived` (every day's verdict,
//!     assessed once and updated from the changed days, shared by the week view, the offers
//!     and [`app::charts`]' series; all computed once per change);
//!   - the components, one per file: the grid and cards, the block view (`block_view`:
//!     4 to 16 weeks as rows, only the rows in sight laid out) and its chips
//!     (`block_chip`), the editor, the readiness check-in
//!     (its verdict card, "Why?", signals, numbers, carry-over), [`app::replan_panel`] (the
//!     offers and the proposal in words), `review_panel` (the week review under the grid,
//!     folded away on a small window), [`app::charts`] (one file per chart over one
//!     shared skeleton, and "Your patterns"), settings and the readiness rules, the top bar,
//!     the notices, the strip of fixed height above the grid that holds the offers, a
//!     proposal and fatigue carrying over (`notices_strip`), "Mark done…" (`mark_done`),
//!     the export window (`export_window`), the keyboard shortcuts (`shortcuts`, the
//!     list Help shows), the week's menu (`week_menu`: copy, paste, repeat, templates; on a
//!     right-click on the week's dates and in Edit › Week) and its windows
//!     (`repeat_week`, `save_template`, `templates_window`);
//!   - the shell on top: [`app::RunweekApp`] (`app/mod.rs`), the `workspace` (selection,
//!     drafts, what is open), `commands` (the one place that runs [`app::Command`]s and
//!     changes the plan), `saving` (the file lifecycle with typed outcomes: open, save, Save
//!     as, autosave, merging another program's change, closing), `exporting` (File ›
//!     Export…: the files written on a worker, the picture of the week or the block drawn
//!     again off screen at twice the screen's density by `picture`),
//!     `recent` (File › Open recent), `layout`, `windows`, `start` and `import` (File ›
//!     Import activities…, dropped files, the preview; applied as one command carrying the
//!     batch edit) and `week_actions` (the week's menu at work: the copied week, its
//!     windows, templates in the data folder).
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
//! - **A frame never walks the whole history.** What the views show is derived once per
//!   change (`app::derived`), the shown week from binary searches over the sorted sessions.
//! - **The file on disk is never half-written, and has one writer.** [`file::save()`] writes a
//!   fresh temp file beside and renames it; loading never writes; every save of the window
//!   goes through one writer thread, and a file another program changed is merged or asked
//!   about, never overwritten silently.

pub mod activity_file;
pub mod app;
pub mod cli;
pub mod core;
pub mod export;
pub mod file;
pub mod present;
