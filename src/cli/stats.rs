//! `runweek stats`.

use std::io::Write;
use std::path::Path;

use jiff::civil::Date;

pub fn run(
    _path: &Path,
    _from: Option<Date>,
    _to: Option<Date>,
    _today: Date,
    _json: bool,
    _out: &mut dyn Write,
) -> anyhow::Result<()> {
    anyhow::bail!("`stats` is not built yet")
}
