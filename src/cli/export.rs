//! `runweek export FILE --format ics|csv [--from D] [--to D] [-o OUT]`: the plan's sessions
//! as a calendar or a spreadsheet, on standard output or written atomically to OUT.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;
use jiff::civil::Date;

use crate::export::{self, Format, Range, calendar, table};
use crate::file;
use crate::file::echo::escape;

/// `--format` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A calendar (RFC 5545): one event per session.
    Ics,
    /// A spreadsheet: a header and one row per session.
    Csv,
}

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Ics => Format::Ics,
            ExportFormat::Csv => Format::Csv,
        }
    }
}

/// What to export and where.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub file: &'a Path,
    pub format: Format,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub output: Option<&'a Path>,
}

pub fn run(request: &Request<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    super::check_order(request.from, request.to)?;
    let plan = file::load(request.file)?;
    let stem = request
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    let range = Range::of(&plan, request.from, request.to);
    let sessions = range.map_or(&[][..], |range| export::select(&plan, range));
    let text = match request.format {
        Format::Ics => {
            let options = calendar::CalendarOptions {
                plan_key: export::plan_key(stem.as_deref()),
                name: format!("runweek: {}", stem.as_deref().unwrap_or("plan")),
                stamp: jiff::Timestamp::now(),
            };
            calendar::write(&plan, sessions, &options).map_err(anyhow::Error::msg)?
        }
        Format::Csv => table::write(&plan, sessions)?,
    };
    match request.output {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            file::save_text(path, &text)?;
            log::debug!("exported {} sessions to {}", sessions.len(), path.display());
            writeln!(
                out,
                "{}: {} session{} exported{}",
                escape(&path.display().to_string()),
                sessions.len(),
                if sessions.len() == 1 { "" } else { "s" },
                match (sessions.first(), sessions.last()) {
                    (Some(first), Some(last)) => format!(", {} to {}", first.date, last.date),
                    _ => String::new(),
                }
            )?;
        }
    }
    Ok(())
}
