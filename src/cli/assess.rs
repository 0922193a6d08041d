//! `runweek assess`.

use std::io::Write;
use std::path::Path;

use jiff::civil::Date;

pub fn run(_path: &Path, _date: Date, _json: bool, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!("`assess` is not built yet")
}
