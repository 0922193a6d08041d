//! The runweek binary: parses the command line; with no subcommand it opens the window.

use std::process::ExitCode;

use clap::Parser;

use runweek::cli::{self, Args};

fn main() -> ExitCode {
    // For the time to the first frame (logged with RUNWEEK_STARTUP_LOG=1).
    let started = std::time::Instant::now();
    init_logging();
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) if e.use_stderr() => {
            eprintln!("{}", one_line(&e.render().to_string()));
            return ExitCode::FAILURE;
        }
        Err(e) => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    if args.install_desktop {
        let mut out = std::io::stdout().lock();
        let installed = cli::desktop::data_home().and_then(|home| {
            let exe = std::env::current_exe()?;
            cli::desktop::install(&home, &exe, &mut out)
        });
        return match installed {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e:#}");
                ExitCode::FAILURE
            }
        };
    }
    let Some(command) = args.command else {
        return match runweek::app::run(args.file, started) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("runweek: {e}");
                ExitCode::FAILURE
            }
        };
    };
    let today = jiff::Zoned::now().date();
    let mut out = std::io::stdout().lock();
    match cli::run(command, today, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        // Output piped into `head` that stopped reading: nothing is wrong with the input.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            // One line: the error already names the file and the place.
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Diagnostics on standard error: warnings and errors from runweek and the libraries under
/// the window (eframe, wgpu) by default; `RUST_LOG=runweek=debug` adds what runweek does
/// with files and why; `RUNWEEK_STARTUP_LOG=1` the time to the first frame.
fn init_logging() {
    let mut logger = env_logger::Builder::new();
    logger.filter_level(log::LevelFilter::Warn);
    if std::env::var_os("RUNWEEK_STARTUP_LOG").is_some() {
        logger.filter_module("runweek::app::start", log::LevelFilter::Info);
    }
    if let Ok(spec) = std::env::var("RUST_LOG") {
        logger.parse_filters(&spec);
    }
    logger.init();
}

/// clap's error folded into one line, as for a bad file: what was wrong, what was missing,
/// without the usage block and the pointer to --help that follow it.
fn one_line(error: &str) -> String {
    error
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
