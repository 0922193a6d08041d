//! The runweek binary: parses the command line; with no subcommand it opens the window.

use std::process::ExitCode;

use clap::Parser;

use runweek::cli::{self, Args};

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) if e.use_stderr() => {
            // One line on bad input, as for a bad file: clap's own first line says what
            // was wrong and where.
            let text = e.render().to_string();
            eprintln!("{}", text.lines().next().unwrap_or("invalid arguments"));
            return ExitCode::from(2);
        }
        Err(e) => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    let Some(command) = args.command else {
        // The window arrives with the week grid; until then say how to use the commands.
        let _ = <Args as clap::CommandFactory>::command().print_help();
        return ExitCode::SUCCESS;
    };
    let today = jiff::Zoned::now().date();
    let mut out = std::io::stdout().lock();
    match cli::run(command, today, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line: the error already names the file and the place.
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
