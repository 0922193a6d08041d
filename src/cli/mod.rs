//! The headless subcommands: for scripts and tests, with no display needed.
//!
//! Each prints for people by default and JSON with `--json`, and fails with a one-line
//! error and exit code 1 on bad input. Text that came from a plan file (titles, warnings
//! naming them, paths) goes through [`crate::file::echo`] before it reaches the terminal.

mod assess;
mod check;
pub mod desktop;
mod export;
mod import;
mod replan;
mod review;
mod show;
mod stats;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use jiff::civil::Date;

/// Plan the training week, log how the body responds, and re-plan so the key workout
/// survives a bad day.
#[derive(Debug, Parser)]
#[command(
    name = "runweek",
    version,
    args_conflicts_with_subcommands = true,
    after_help = MAIN_HELP
)]
pub struct Args {
    /// The plan file to open in the window (default: the last one, or the demo plan).
    pub file: Option<PathBuf>,
    /// Add runweek to the desktop's applications menu (a .desktop file and the icon under
    /// $XDG_DATA_HOME, else ~/.local/share), then exit.
    #[arg(long, conflicts_with = "file")]
    pub install_desktop: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a plan file: a one-line summary, or FILE:LINE:COL: what is wrong.
    #[command(after_help = CHECK_HELP)]
    Check {
        /// The plan file.
        file: PathBuf,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one week of a plan as a text grid, or with --weeks a block of weeks as rows.
    ///
    /// With --weeks N: N weeks from the week of --date, one row each with its minutes,
    /// distance and load (done before today, planned from today on), the change of planned
    /// load from the week before, and the week's sessions day by day.
    #[command(after_help = SHOW_HELP)]
    Show {
        /// The plan file.
        file: PathBuf,
        /// A day of the (first) week to show, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = day)]
        date: Option<Date>,
        /// Show N weeks from the week of --date as rows (1 to 52).
        #[arg(long, value_name = "N", value_parser = weeks)]
        weeks: Option<u8>,
        /// Print the week (or the weeks) as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the built-in demo plan, to start a plan of your own from it.
    #[command(after_help = DEMO_HELP)]
    Demo,
    /// The day's verdict (Push, As planned, Hold back, Rest) with its reasons.
    #[command(after_help = ASSESS_HELP)]
    Assess {
        /// The plan file.
        file: PathBuf,
        /// The day to assess, YYYY-MM-DD.
        #[arg(long, value_parser = day)]
        date: Date,
        /// Print the verdict and its reasons as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Propose a re-plan of the rest of the week from a day on; --write applies it.
    #[command(after_help = REPLAN_HELP)]
    Replan {
        /// The plan file.
        file: PathBuf,
        /// The day the re-plan starts, YYYY-MM-DD.
        #[arg(long, value_parser = day)]
        date: Date,
        /// Print the proposal as JSON.
        #[arg(long)]
        json: bool,
        /// Apply the proposal to the file (atomically).
        #[arg(long)]
        write: bool,
        /// With --write: replace the file even if it is read-only (it stays read-only).
        #[arg(long, requires = "write")]
        force: bool,
        /// Take --date as today: the re-plan as it would have been on that day (a what-if
        /// for a past day; days before today are otherwise never changed). Never writes.
        #[arg(long, conflicts_with = "write")]
        as_if_today: bool,
    },
    /// Import activities from the watch (FIT, GPX, TCX) into the plan, in one atomic save.
    ///
    /// Each activity fills the planned, not yet done session of its day that fits its sport
    /// (nearest in minutes), or is added as a done session; one imported before changes
    /// nothing. Exits 1 when any file could not be read (the others are still imported).
    Import {
        /// The plan file to import into.
        plan: PathBuf,
        /// The activity files (.fit, .gpx, .tcx).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Say what would happen; write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Weekly and daily load, monotony, strain, fitness, fatigue, form and the acute:chronic
    /// ratio.
    ///
    /// Per week: minutes, distance, load planned and done, monotony and strain. Per day: load,
    /// fitness, fatigue, form and the acute:chronic ratio (from the 28th day of the history
    /// on). Minutes, distance, monotony and the daily load count what was done before today
    /// and what is planned from today on (today's done sessions as done); skipped and missed
    /// sessions count 0. Days marked * are projected from the plan.
    ///
    /// Default range: the four weeks ending with the current week; with only --from or only
    /// --to, the four weeks from or to that day's week.
    #[command(after_help = STATS_HELP)]
    Stats {
        /// The plan file.
        file: PathBuf,
        /// First day to show.
        #[arg(long, value_parser = day)]
        from: Option<Date>,
        /// Last day to show (included).
        #[arg(long, value_parser = day)]
        to: Option<Date>,
        /// Print JSON: {"weeks": [...], "days": [...]}, numbers rounded to 0.01.
        #[arg(long)]
        json: bool,
    },
    /// Look back: each day with a Push, Hold back or Rest verdict, what you did, and what
    /// followed (the next two days' verdicts and the next key session); how often each
    /// choice was followed by a good next key session; and whether the last weeks leave room
    /// to extend.
    ///
    /// Default range: the twelve weeks ending with the current week. Lines marked ! did not
    /// follow the verdict.
    Review {
        file: PathBuf,
        /// First day to review.
        #[arg(long, value_parser = day)]
        from: Option<Date>,
        /// Last day to review (included).
        #[arg(long, value_parser = day)]
        to: Option<Date>,
        /// Print JSON: {"decisions": [...], "patterns": [...], "room_to_extend": bool}.
        #[arg(long)]
        json: bool,
    },
    /// Export the plan's sessions as a calendar (.ics) or a spreadsheet (.csv).
    ///
    /// The calendar holds one event per session, all-day or at the plan's `calendar_time`;
    /// its UIDs stay the same from one export to the next, so a calendar program updates
    /// the events it already has. The spreadsheet has a header and one row per session.
    #[command(after_help = EXPORT_HELP)]
    Export {
        /// The plan file.
        file: PathBuf,
        /// ics (a calendar) or csv (a spreadsheet).
        #[arg(long, value_enum)]
        format: export::ExportFormat,
        /// First day to export (default: the plan's first).
        #[arg(long, value_parser = day)]
        from: Option<Date>,
        /// Last day to export, included (default: the plan's last).
        #[arg(long, value_parser = day)]
        to: Option<Date>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Print a completion script for a shell, to complete runweek's subcommands and options.
    #[command(after_help = COMPLETIONS_HELP)]
    Completions {
        /// bash, zsh, fish or powershell.
        shell: Shell,
    },
}

/// The shells `runweek completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

const MAIN_HELP: &str = "\
Exit codes: 0 success; 1 bad input or a window that could not open, with a one-line error.

Examples:
  runweek                      open the window on the last plan (the demo plan the first time)
  runweek plan.ron             open plan.ron (a new plan if it does not exist yet)
  runweek check plan.ron       check a plan file without a display";

const CHECK_HELP: &str = "\
Exit codes: 0 the plan is valid; 1 it is not (FILE:LINE:COL: what is wrong) or cannot be read.

Example:
  runweek check plan.ron --json";

const SHOW_HELP: &str = "\
Exit codes: 0 shown; 1 bad input (the plan, the day), with a one-line error.

Examples:
  runweek show plan.ron --date 2026-11-25
  runweek show plan.ron --weeks 8 --date 2026-11-02 --json";

const DEMO_HELP: &str = "\
Exit codes: 0 printed.

Example:
  runweek demo > plan.ron";

const ASSESS_HELP: &str = "\
Exit codes: 0 assessed; 1 bad input (the plan, the day), with a one-line error.

Example:
  runweek assess plan.ron --date 2026-11-25 --json";

const REPLAN_HELP: &str = "\
Exit codes: 0 proposed (and written with --write); 1 bad input or the file could not be \
written, with a one-line error.

Example:
  runweek replan plan.ron --date 2026-11-25 --write";

const STATS_HELP: &str = "\
Exit codes: 0 printed; 1 bad input (the plan, the days), with a one-line error.

Example:
  runweek stats plan.ron --from 2026-11-02 --to 2026-11-29";

const COMPLETIONS_HELP: &str = "\
Exit codes: 0 printed; 1 an unknown shell.

Examples:
  runweek completions bash > ~/.local/share/bash-completion/completions/runweek
  runweek completions zsh > ~/.zfunc/_runweek
  runweek completions fish > ~/.config/fish/completions/runweek.fish";

const EXPORT_HELP: &str = "\
Exit codes: 0 exported; 1 bad input (the plan, a day, the output file), with a one-line error.

Example:
  runweek export plan.ron --format ics --from 2026-11-23 -o training.ics";

/// A day on the command line, spelled and bounded as in the plan file.
fn day(text: &str) -> Result<Date, String> {
    crate::core::day::parse(text)
}

/// The number of weeks of `show --weeks`: a year at most.
fn weeks(text: &str) -> Result<u8, String> {
    match text.trim().parse::<u8>() {
        Ok(n) if (1..=52).contains(&n) => Ok(n),
        _ => Err(format!(
            "expected a number of weeks from 1 to 52, got {text:?}"
        )),
    }
}

/// Runs a subcommand, writing to `out`; the error is the one line to print.
///
/// # Errors
/// Bad input, with the file and place when there is one.
pub fn run(command: Command, today: Date, out: &mut dyn Write) -> anyhow::Result<()> {
    match command {
        Command::Check { file, json } => check::run(&file, json, out),
        Command::Show {
            file,
            date,
            weeks: None,
            json,
        } => show::run(&file, date.unwrap_or(today), today, json, out),
        Command::Show {
            file,
            date,
            weeks: Some(weeks),
            json,
        } => show::run_weeks(&file, date.unwrap_or(today), weeks, today, json, out),
        Command::Assess { file, date, json } => assess::run(&file, date, json, out),
        Command::Replan {
            file,
            date,
            json,
            write,
            force,
            as_if_today,
        } => replan::run(
            &file,
            date,
            today,
            json,
            replan::WriteMode {
                write,
                force,
                as_if_today,
            },
            out,
        ),
        Command::Stats {
            file,
            from,
            to,
            json,
        } => stats::run(&file, from, to, today, json, out),
        Command::Review {
            file,
            from,
            to,
            json,
        } => review::run(&file, from, to, today, json, out),
        Command::Import {
            plan,
            files,
            dry_run,
            json,
        } => import::run(&plan, &files, dry_run, json, out),
        Command::Export {
            file,
            format,
            from,
            to,
            output,
        } => export::run(
            &export::Request {
                file: &file,
                format: format.into(),
                from,
                to,
                output: output.as_deref(),
            },
            out,
        ),
        Command::Completions { shell } => {
            use clap::CommandFactory as _;
            let shell = match shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
                Shell::Powershell => clap_complete::Shell::PowerShell,
            };
            clap_complete::generate(shell, &mut Args::command(), "runweek", out);
            Ok(())
        }
        Command::Demo => {
            out.write_all(crate::file::DEMO.as_bytes())?;
            Ok(())
        }
    }
}

/// The longest range a subcommand reads (about a century), so that a mistyped year cannot
/// make it run for minutes.
const MAX_DAYS: i64 = 36_525;

/// Refuses `--from` after `--to`, before anything is read.
fn check_order(from: Option<Date>, to: Option<Date>) -> anyhow::Result<()> {
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        anyhow::bail!("--from {from} is after --to {to}");
    }
    Ok(())
}

/// Refuses a range longer than [`MAX_DAYS`].
fn check_span(from: Date, to: Date) -> anyhow::Result<()> {
    if crate::core::week::days_between(from, to) >= MAX_DAYS {
        anyhow::bail!("--from {from} to --to {to} spans more than {MAX_DAYS} days; ask for less");
    }
    Ok(())
}
