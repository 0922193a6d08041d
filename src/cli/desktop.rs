//! `runweek --install-desktop`: puts runweek in the desktop's applications menu, as the
//! freedesktop.org specifications describe, for the user alone (no root needed).
//!
//! Writes `applications/runweek.desktop` and the icon (`icons/hicolor/SIZExSIZE/apps/runweek.png`
//! for each size in `assets/icons/`, and `icons/hicolor/scalable/apps/runweek.svg`) under the
//! data folder: `$XDG_DATA_HOME`, else `~/.local/share`. Each file is written atomically; a
//! file that already holds the same bytes is left alone, so running it again is harmless.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::file::{self, echo::escape};

/// The menu entry as shipped; `Exec=` is rewritten to the binary that installs it.
const DESKTOP: &str = include_str!("../../assets/runweek.desktop");
const SVG: &[u8] = include_bytes!("../../assets/runweek.svg");
const PNGS: [(u32, &[u8]); 6] = [
    (16, include_bytes!("../../assets/icons/runweek-16.png")),
    (32, include_bytes!("../../assets/icons/runweek-32.png")),
    (48, include_bytes!("../../assets/icons/runweek-48.png")),
    (64, include_bytes!("../../assets/icons/runweek-64.png")),
    (128, include_bytes!("../../assets/icons/runweek-128.png")),
    (256, include_bytes!("../../assets/icons/runweek-256.png")),
];

/// The data folder the menu entry goes under: `$XDG_DATA_HOME` when it is an absolute
/// path (the specification ignores a relative one), else `HOME/.local/share`.
///
/// # Errors
/// Neither is known.
pub fn data_home() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME").map(PathBuf::from)
        && dir.is_absolute()
    {
        return Ok(dir);
    }
    std::env::home_dir()
        .map(|home| home.join(".local/share"))
        .context("no data folder: set XDG_DATA_HOME or HOME")
}

/// Installs the menu entry and the icon under `data_home`, starting `exe`; says what it
/// wrote on `out`.
///
/// # Errors
/// A folder cannot be made or a file cannot be written; the files already written stay.
pub fn install(data_home: &Path, exe: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![(
        data_home.join("applications/runweek.desktop"),
        desktop_entry(exe).into_bytes(),
    )];
    for (size, png) in PNGS {
        files.push((
            data_home.join(format!("icons/hicolor/{size}x{size}/apps/runweek.png")),
            png.to_vec(),
        ));
    }
    files.push((
        data_home.join("icons/hicolor/scalable/apps/runweek.svg"),
        SVG.to_vec(),
    ));
    for (path, bytes) in &files {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
        }
        file::save_bytes(path, bytes)?;
        log::debug!("installed {}", path.display());
        writeln!(out, "wrote {}", escape(&path.display().to_string()))?;
    }
    writeln!(
        out,
        "runweek is in the applications menu (some desktops show it after logging in again)"
    )?;
    Ok(())
}

/// The shipped entry with `Exec=` starting `exe`, quoted as the Desktop Entry
/// Specification asks.
pub fn desktop_entry(exe: &Path) -> String {
    DESKTOP
        .lines()
        .map(|line| {
            if line.starts_with("Exec=") {
                format!("Exec={} %f", quote_exec(&exe.display().to_string()))
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// A program path for `Exec=`: in double quotes, with `"`, `` ` ``, `$` and `\` escaped by
/// a backslash, and every `\` (and `%`) then doubled because the key's value is itself a
/// string whose escapes are read first.
fn quote_exec(path: &str) -> String {
    let mut quoted = String::from("\"");
    for c in path.chars() {
        match c {
            '"' | '`' | '$' => {
                quoted.push_str("\\\\");
                quoted.push(c);
            }
            '\\' => quoted.push_str("\\\\\\\\"),
            '%' => quoted.push_str("%%"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_program_is_quoted_for_the_menu() {
        assert_eq!(quote_exec("/usr/bin/runweek"), "\"/usr/bin/runweek\"");
        assert_eq!(
            quote_exec("/home/a b/100% $x\"y"),
            "\"/home/a b/100%% \\\\$x\\\\\"y\""
        );
        let entry = desktop_entry(Path::new("/opt/run week/runweek"));
        assert!(
            entry.contains("\nExec=\"/opt/run week/runweek\" %f\n"),
            "{entry}"
        );
        assert!(entry.contains("\nIcon=runweek\n"));
    }
}
