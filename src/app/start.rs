//! Starting the window: what it opens on (the runner's file, the last plan, or the demo
//! plan on the first start), the platform's window and the empty frame painted before it
//! shows, and closing it cleanly on a signal.

use std::path::{Path, PathBuf};
use std::time::Instant;

use eframe::egui;
use jiff::civil::{Date, date};

use super::files::{self, HOME_PLAN, Stamp};
use super::{APP_ID, RunweekApp};
use crate::core::edit::Edit;
use crate::core::plan::Plan;
use crate::core::session::{Done, DoneRun, Kind};
use crate::core::settings::WeekStart;
use crate::core::week::{Week, days_between};
use crate::file;

impl RunweekApp {
    /// Whether this is the frame eframe paints before it shows the window: in the window
    /// (cleared to the panel colour) it lays out nothing, and the next frame, the first one
    /// seen, runs as soon as it is presented.
    ///
    /// Where the window system keeps no picture of a hidden window (X11 without a
    /// compositor), nothing of that frame is ever seen; elsewhere the window opens in the
    /// panel colour for one frame. On a CPU renderer, painting the whole week costs about
    /// as much as everything else before the first pixels, so painting it for the hidden
    /// frame held them back by a whole frame.
    pub(super) fn is_hidden_first_frame(&self, ctx: &egui::Context) -> bool {
        if ctx.cumulative_frame_nr() >= self.first_shown_frame() {
            return false;
        }
        ctx.request_repaint();
        true
    }

    /// The number of the first frame that lays the window out (see
    /// [`Self::is_hidden_first_frame`]).
    fn first_shown_frame(&self) -> u64 {
        u64::from(self.cleared_to_panel)
    }

    /// Logs the time to the first frame, when `RUNWEEK_STARTUP_LOG` asked for it: when its
    /// last pass was built, and when the next frame starts, which eframe runs only after the
    /// first one was painted and presented.
    ///
    /// Counting frames rather than passes matters: the first frame usually takes two passes
    /// (egui discards the first one while the layout settles), and on a CPU renderer the
    /// painting after them costs more than both passes together.
    pub(super) fn log_startup(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        let Some(started) = self.startup else {
            return;
        };
        let what = if ctx.cumulative_frame_nr() == self.first_shown_frame() {
            // Asking for another frame at once makes it start right after this one was
            // presented.
            ctx.request_repaint();
            if ctx.will_discard() {
                // This pass is thrown away and built again within the same frame.
                return;
            }
            "built"
        } else {
            self.startup = None;
            "presented"
        };
        let unix = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        log::info!(
            "first frame {what} {:.1} ms after start (unix time {unix:.3}, pass {})",
            started.elapsed().as_secs_f64() * 1000.0,
            self.frames
        );
    }
}

/// What the window opens on.
pub(super) struct Start {
    pub plan: Plan,
    pub path: Option<PathBuf>,
    pub stamp: Option<Stamp>,
    /// The plan is not on disk yet (the demo, a new file).
    pub unsaved: bool,
    pub error: Option<String>,
    pub info: Option<String>,
}

/// FILE if given (a new plan if it does not exist yet), else the last plan, else the plan in
/// the data folder, else the demo plan around `today`. A file that fails to open is
/// reported and never overwritten: the demo then opens under a new name.
pub(super) fn open_at_start(
    file: Option<PathBuf>,
    last: Option<PathBuf>,
    data_dir: Option<&Path>,
    today: Date,
) -> Start {
    let given = file.is_some();
    log::debug!(
        "starting on {}",
        match (&file, &last) {
            (Some(f), _) => format!("the file given, {}", f.display()),
            (None, Some(l)) => format!("the plan open last time, {}", l.display()),
            (None, None) => "the plan in the data folder, or the demo plan".to_owned(),
        }
    );
    let mut error = None;
    // A FILE that fails to open falls back to the last plan, so that the next plain start
    // still opens the runner's own plan rather than a fresh demo.
    let fallback = if given { last.clone() } else { None };
    if let Some(path) = file.or(last) {
        if given && !path.exists() {
            return Start {
                plan: Plan::default(),
                path: Some(path.clone()),
                stamp: None,
                unsaved: true,
                error: None,
                info: Some(format!(
                    "{} is a new plan: add sessions with “+” on a day.",
                    path.display()
                )),
            };
        }
        match files::load(&path) {
            Ok((plan, stamp)) => {
                return Start {
                    plan,
                    path: Some(path),
                    stamp: Some(stamp),
                    unsaved: false,
                    error: None,
                    info: None,
                };
            }
            Err(e) => {
                error = Some(e.to_string());
            }
        }
    }
    let home = data_dir.map(|d| d.join(HOME_PLAN));
    let own_plans = fallback
        .into_iter()
        .chain(home.clone().filter(|h| h.exists()));
    for path in own_plans {
        if let Ok((plan, stamp)) = files::load(&path) {
            return Start {
                error: error.map(|e| {
                    format!(
                        "This plan could not be opened, so {} is shown instead:\n\n{e}\n\n\
                         The file was left as it is.",
                        path.display()
                    )
                }),
                plan,
                path: Some(path),
                stamp: Some(stamp),
                unsaved: false,
                info: None,
            };
        }
    }
    let error = error.map(|e| {
        format!(
            "This plan could not be opened, so the demo plan is shown instead:\n\n{e}\n\n\
             The file was left as it is."
        )
    });
    // The demo plan goes into the data folder, under a name nothing else uses.
    let path = home.map(|home| {
        if home.exists() {
            home.with_file_name(files::dated_plan_name())
        } else {
            home
        }
    });
    if let Some(dir) = path.as_deref().and_then(|p| p.parent()) {
        let _ = std::fs::create_dir_all(dir);
    }
    let info = error.is_none().then(|| WELCOME.to_owned());
    Start {
        plan: demo_around(today),
        path,
        stamp: None,
        unsaved: true,
        error,
        info,
    }
}

/// The first start's guide: what the demo shows and how to start an own plan. It stays
/// until dismissed.
pub(super) const WELCOME: &str = "Welcome to runweek. This is a demo plan: a runner's \
    half-marathon build, with twenty weeks of history behind this week so that the charts \
    and the fitness figures have something to show. A badge under a day's date is that day's \
    verdict from the morning check (select the day to see why); where a day says Hold back, \
    the strip above the grid offers a re-plan. Drag cards to move sessions, right-click one to \
    mark it done. To start your own plan: File › New plan… (the demo stays in its own file).";

/// The demo plan moved by whole weeks so that its middle week holds `today`, and told as of
/// `today` whatever the weekday: the sessions before it were run as planned, nothing after
/// it is done yet, and no morning ahead has a check. The demo was written as of a
/// Wednesday; without this, a start on a Sunday would show the week's sessions as missed
/// (form soaring) and a start on a Monday a check logged two days ahead.
pub fn demo_around(today: Date) -> Plan {
    let Ok(demo) = file::demo() else {
        return Plan::default();
    };
    // The demo was written around Wednesday 25 November 2026.
    let reference = Week::containing(date(2026, 11, 25), WeekStart::Monday).start();
    let now = Week::containing(today, WeekStart::Monday).start();
    let mut plan = demo.shifted_by_weeks(days_between(reference, now) / 7);
    let mut edits = Vec::new();
    for s in plan.sessions() {
        let done = match s.done {
            None if s.date < today && s.kind != Kind::Rest => Some(Done::Done(DoneRun {
                minutes: s.minutes,
                distance_km: s.distance_km,
                rpe: s.rpe,
                avg_hr: None,
            })),
            Some(_) if s.date > today => None,
            _ => continue,
        };
        let mut told = s.clone();
        told.done = done;
        edits.push(Edit::UpdateSession(told));
    }
    edits.extend(plan.readiness().iter().filter(|r| r.date > today).map(|r| {
        Edit::RemoveReadiness {
            date: r.date,
            when: r.when,
        }
    }));
    // Every edit keeps the plan valid (a session's own day, an entry that exists); were one
    // refused, the demo as written is still a fine start.
    let _ = plan.apply(Edit::Batch(edits));
    plan
}

/// Opens the window. `startup` is when the process started, to log the time to the first
/// frame when `RUNWEEK_STARTUP_LOG` is set.
///
/// # Errors
/// The window could not be opened (no display, no graphics).
pub fn run(file: Option<PathBuf>, startup: Instant) -> Result<(), String> {
    let today = jiff::Zoned::now().date();
    let log = std::env::var_os("RUNWEEK_STARTUP_LOG").is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("runweek")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 600.0])
            .with_icon(icon()),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            close_on_termination(&cc.egui_ctx);
            Ok(Box::new(RunweekApp::new(
                cc,
                file,
                today,
                log.then_some(startup),
            )))
        }),
    )
    .map_err(|e| format!("the window could not be opened: {e}"))
}

/// A termination signal (a logout, `kill`, Ctrl+C in the terminal) closes the window as
/// its close button would, so the last edits and the app's memory are saved rather than
/// lost with the process.
#[cfg(unix)]
fn close_on_termination(ctx: &egui::Context) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) else {
        // Without the handler the default applies: the process ends, as it would anyway.
        return;
    };
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        for _ in signals.forever() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx.request_repaint();
        }
    });
}

#[cfg(not(unix))]
fn close_on_termination(_ctx: &egui::Context) {}

/// The window icon: `assets/runweek.svg` rendered at 256 pixels (`assets/icons/`), built
/// into the binary so that starting needs no file beside it.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/runweek-256.png");

fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(ICON_PNG).unwrap_or_else(|e| {
        log::warn!("the window icon could not be read: {e}");
        egui::IconData::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder that is gone after the test.
    fn temp_dir() -> tempfile::TempDir {
        tempfile::tempdir().expect("temp dir")
    }

    #[test]
    fn the_window_icon_is_the_square_picture_from_the_assets() {
        let icon = icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }

    #[test]
    fn the_first_start_opens_the_demo_around_today_in_the_data_folder() {
        let tmp = temp_dir();
        let dir = tmp.path().to_owned();
        let start = open_at_start(None, None, Some(&dir), date(2026, 12, 9));
        assert_eq!(start.path, Some(dir.join(HOME_PLAN)));
        assert!(start.unsaved && start.error.is_none());
        // The first start explains itself, until dismissed.
        assert_eq!(start.info.as_deref(), Some(WELCOME));
        // Two weeks later than the demo's own "today": every session two weeks on.
        let first = start.plan.sessions()[0].date;
        assert_eq!(first, date(2026, 7, 13));
    }

    #[test]
    fn a_later_start_opens_the_last_plan_and_a_broken_one_is_left_alone() {
        let tmp = temp_dir();
        let dir = tmp.path().to_owned();
        let good = dir.join("good.ron");
        let mut plan = demo_around(date(2026, 11, 25));
        plan.settings.fitness_days = 40;
        file::save(&good, &plan).expect("save");
        let start = open_at_start(None, Some(good.clone()), Some(&dir), date(2026, 11, 25));
        assert_eq!(start.path.as_ref(), Some(&good));
        assert_eq!(start.plan.settings.fitness_days, 40);
        assert!(!start.unsaved);

        let broken = dir.join("broken.ron");
        std::fs::write(&broken, "(version: 1, sessions: [oops])").expect("write");
        let start = open_at_start(Some(broken.clone()), None, Some(&dir), date(2026, 11, 25));
        let error = start.error.expect("the error is shown");
        assert!(error.contains("broken.ron:1:"), "{error}");
        assert_ne!(start.path.as_ref(), Some(&broken), "never autosaved over");
        assert_eq!(
            std::fs::read_to_string(&broken).expect("read"),
            "(version: 1, sessions: [oops])"
        );

        // With a last plan to fall back on, that plan opens, not a fresh demo.
        let start = open_at_start(
            Some(broken.clone()),
            Some(good.clone()),
            Some(&dir),
            date(2026, 11, 25),
        );
        assert_eq!(start.path.as_ref(), Some(&good));
        assert_eq!(start.plan.settings.fitness_days, 40);
        let error = start.error.expect("the error is still shown");
        assert!(error.contains("good.ron is shown instead"), "{error}");
    }

    #[test]
    fn a_file_that_does_not_exist_yet_starts_a_new_plan_there() {
        let tmp = temp_dir();
        let dir = tmp.path().to_owned();
        let path = dir.join("mine.ron");
        let start = open_at_start(Some(path.clone()), None, Some(&dir), date(2026, 11, 25));
        assert_eq!(start.path, Some(path));
        assert!(start.unsaved && start.plan.sessions().is_empty());
    }
}
