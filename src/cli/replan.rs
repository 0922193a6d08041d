//! `runweek replan`.

use std::io::Write;
use std::path::Path;

use jiff::civil::Date;

pub fn run(
    _path: &Path,
    _date: Date,
    _today: Date,
    _json: bool,
    _write: bool,
    _out: &mut dyn Write,
) -> anyhow::Result<()> {
    anyhow::bail!("`replan` is not built yet")
}
