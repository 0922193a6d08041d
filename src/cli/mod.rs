//! The headless subcommands: for scripts and tests, with no display needed.
//!
//! Each prints for people by default and JSON with `--json`, and fails with a one-line
//! error and exit code 1 on bad input. Text that came from a plan file (titles, warnings
//! naming them, paths) goes through [`crate::file::echo`] before it reaches the terminal.

mod assess;
mod check;
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
#[command(name = "runweek", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    /// The plan file to open in the window (default: the last one, or the demo plan).
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a plan file: a one-line summary, or FILE:LINE:COL: what is wrong.
    Check {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Show one week of a plan as a text grid.
    Show {
        file: PathBuf,
        /// A day of the week to show (default: today).
        #[arg(long, value_parser = day)]
        date: Option<Date>,
        #[arg(long)]
        json: bool,
    },
    /// Print the built-in demo plan, to start a plan of your own from it.
    Demo,
    /// The day's verdict (Push, As planned, Hold back, Rest) with its reasons.
    Assess {
        file: PathBuf,
        #[arg(long, value_parser = day)]
        date: Date,
        #[arg(long)]
        json: bool,
    },
    /// Propose a re-plan of the rest of the week from a day on; --write applies it.
    Replan {
        file: PathBuf,
        #[arg(long, value_parser = day)]
        date: Date,
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
    Stats {
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
}

/// A day on the command line, spelled and bounded as in the plan file.
fn day(text: &str) -> Result<Date, String> {
    crate::core::day::parse(text)
}

/// Runs a subcommand, writing to `out`; the error is the one line to print.
///
/// # Errors
/// Bad input, with the file and place when there is one.
pub fn run(command: Command, today: Date, out: &mut dyn Write) -> anyhow::Result<()> {
    match command {
        Command::Check { file, json } => check::run(&file, json, out),
        Command::Show { file, date, json } => {
            show::run(&file, date.unwrap_or(today), today, json, out)
        }
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
        Command::Demo => {
            out.write_all(crate::file::DEMO.as_bytes())?;
            Ok(())
        }
    }
}
