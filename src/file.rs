//! The plan file: one versioned RON document per training plan.
//!
//! Loading never panics and never touches the file: every problem is a [`FileError`] that
//! names the place (`path:line:column: message`). Saving is atomic — the new text is written
//! beside the file, flushed to disk and renamed over it — so a crash or a full disk leaves
//! either the old file or the new one, never half of one. An unchanged document is not
//! rewritten.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};

use crate::core::plan::{Availability, Plan, PlanError};
use crate::core::readiness::ReadinessEntry;
use crate::core::session::Session;
use crate::core::settings::Settings;

/// The file version this app writes and reads.
pub const VERSION: u32 = 1;

/// Bigger than any real plan (ten years of history is about 2 MB); a larger file is almost
/// certainly not a plan, and reading it whole would only stall the app.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// A problem with a plan file, with its place when there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct FileError {
    pub path: Option<PathBuf>,
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl FileError {
    fn at(position: Option<(usize, usize)>, message: impl Into<String>) -> FileError {
        FileError {
            path: None,
            position,
            message: message.into(),
        }
    }

    fn with_path(mut self, path: &Path) -> FileError {
        self.path = Some(path.to_owned());
        self
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}:", path.display())?;
        }
        if let Some((line, col)) = self.position {
            write!(f, "{line}:{col}:")?;
        }
        if self.path.is_some() || self.position.is_some() {
            f.write_str(" ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for FileError {}

/// The document as it is spelled on disk.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    version: u32,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    availability: Availability,
    #[serde(default)]
    sessions: Vec<Session>,
    #[serde(default)]
    readiness: Vec<ReadinessEntry>,
}

#[derive(Serialize)]
struct PlanFileRef<'a> {
    version: u32,
    settings: &'a Settings,
    availability: &'a Availability,
    sessions: &'a [Session],
    readiness: &'a [ReadinessEntry],
}

/// Reads only the version, ignoring everything else, so that a newer file is refused for
/// what it is rather than for the first field this version does not know.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// `done: Some(Done(minutes: 47))` rather than `Some(Done((minutes: 47)))`: the plan file
/// spells a finished session the way a person would.
const WRITTEN: Extensions = Extensions::UNWRAP_VARIANT_NEWTYPES;

fn options() -> ron::Options {
    // `easy_hr: 140` also reads as `easy_hr: Some(140)`: people write these files. Saves
    // keep the explicit `Some(…)` of the documented format.
    ron::Options::default()
        .with_default_extension(WRITTEN)
        .with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses a plan from the text of a plan file.
///
/// # Errors
/// Anything that keeps the text from being a valid plan of a version this app reads.
pub fn parse(text: &str) -> Result<Plan, FileError> {
    // Some editors on Windows start a UTF-8 file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::at(
            None,
            "the file is empty; a plan starts with `(version: 1, ...)`",
        ));
    }
    if let Some(at) = text.find('\0') {
        return Err(FileError::at(
            Some(line_col(text, at)),
            "this is not a text file (it holds a NUL byte); is it the right file?",
        ));
    }
    // One parse in the common case; the version probe runs only when the full parse fails
    // or meets a version it does not know, so that a newer file is refused for what it is
    // rather than for the first field this version does not know.
    let file = match options().from_str::<PlanFile>(text) {
        Ok(file) if file.version == VERSION => file,
        Ok(file) => return Err(version_error(text, file.version)),
        Err(e) => {
            return Err(match options().from_str::<VersionProbe>(text) {
                Ok(probe) if probe.version != VERSION => version_error(text, probe.version),
                _ => FileError::at(
                    Some((e.span.start.line, e.span.start.col)),
                    e.code.to_string(),
                ),
            });
        }
    };
    Plan::new(
        file.settings,
        file.availability,
        file.sessions,
        file.readiness,
    )
    .map_err(|e| {
        let position = match &e {
            PlanError::DuplicateId(id) => field_at(text, 0, "id", Some(&id.to_string()), 2),
            PlanError::DuplicateReadiness { date, .. } => {
                let from = field_offsets(text, 0, "readiness", None)
                    .next()
                    .unwrap_or(0);
                field_at(text, from, "date", Some(&format!("\"{date}\"")), 2)
            }
            PlanError::Invalid(why) => invalid_at(text, why),
        };
        FileError::at(position, e.to_string())
    })
}

fn version_error(text: &str, version: u32) -> FileError {
    let message = if version > VERSION {
        format!(
            "this plan was written by a newer runweek (file version {version}); this \
             version reads version {VERSION} only, so it refuses rather than misread it"
        )
    } else {
        format!("file version {version} does not exist; this version reads version {VERSION}")
    };
    FileError::at(field_at(text, 0, "version", None, 1), message)
}

/// Where a value that only the whole plan can judge sits in the text: the session a
/// "session N …" message names, or the setting a "name must …" message names.
fn invalid_at(text: &str, why: &str) -> Option<(usize, usize)> {
    if let Some(rest) = why.strip_prefix("session ") {
        let id = rest.split([' ', ':']).next()?;
        return field_at(text, 0, "id", Some(id), 1);
    }
    let name = why.split(' ').next()?.rsplit('.').next()?;
    field_at(text, 0, name, None, 1)
}

/// The line and column of the `n`-th field `name` (from byte `from` on) whose value starts
/// with `value`, when one is given.
fn field_at(
    text: &str,
    from: usize,
    name: &str,
    value: Option<&str>,
    n: usize,
) -> Option<(usize, usize)> {
    field_offsets(text, from, name, value)
        .nth(n - 1)
        .map(|at| line_col(text, at))
}

/// Byte offsets of the fields `name:` in RON text, outside strings and comments, so that
/// "id: 7" inside a note is not taken for a session's id. With `value`, only the fields
/// whose value is exactly that token (`7` is not `70`).
fn field_offsets<'a>(
    text: &'a str,
    from: usize,
    name: &'a str,
    value: Option<&'a str>,
) -> impl Iterator<Item = usize> + 'a {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = from;
    let mut in_string = false;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let at = i;
            let b = bytes[i];
            i += 1;
            if in_string {
                match b {
                    b'\\' => i += 1,
                    b'"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'/' if bytes.get(i) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                // Bytes, not a str slice: `at` may sit inside a character of a comment.
                _ if bytes[at..].starts_with(name.as_bytes())
                    && (at == 0 || !word(bytes[at - 1]))
                    && !bytes.get(at + name.len()).is_some_and(|&c| word(c)) =>
                {
                    // `name` is ASCII and starts at `at`, so both ends are char boundaries.
                    let rest = text[at + name.len()..].trim_start();
                    let Some(rest) = rest.strip_prefix(':') else {
                        continue;
                    };
                    let rest = rest.trim_start();
                    let matches = value.is_none_or(|v| {
                        rest.starts_with(v)
                            && !rest.as_bytes().get(v.len()).is_some_and(|&c| word(c))
                    });
                    if matches {
                        i = at + name.len();
                        return Some(at);
                    }
                }
                _ => {}
            }
        }
        None
    })
}

fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The text of a plan file: one session or readiness entry per line, so that a diff of two
/// saves reads as what changed.
pub fn to_text(plan: &Plan) -> String {
    let doc = PlanFileRef {
        version: VERSION,
        settings: &plan.settings,
        availability: &plan.availability,
        sessions: plan.sessions(),
        readiness: plan.readiness(),
    };
    let pretty = ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .indentor("    ".to_owned())
        .extensions(WRITTEN);
    match ron::Options::default()
        .with_default_extension(WRITTEN)
        .to_string_pretty(&doc, pretty)
    {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Every type in a plan serializes; this would be a bug in a serde derive.
        Err(e) => unreachable!("a plan always serializes to RON: {e}"),
    }
}

/// Loads a plan file.
///
/// # Errors
/// The file cannot be read, is too large, is not UTF-8 text, or is not a valid plan.
pub fn load(path: &Path) -> Result<Plan, FileError> {
    let text = read_text(path)?;
    parse(&text).map_err(|e| e.with_path(path))
}

/// Reads a plan file's text with the same checks as [`load`], for callers that also keep
/// the text (to notice later whether the file changed on disk).
///
/// # Errors
/// The file cannot be read, is too large or is not UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let io = |e: std::io::Error| FileError::at(None, e.to_string()).with_path(path);
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(FileError::at(
            None,
            format!(
                "the file is {:.1} MB; a plan file is at most {} MB, so this is not a plan",
                size as f64 / 1e6,
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .with_path(path));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        FileError::at(
            Some(line_col(&text, valid)),
            "this is not a text file (invalid UTF-8); is it the right file?",
        )
        .with_path(path)
    })
}

/// What [`save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Written,
    /// The file already held exactly this plan.
    Unchanged,
}

/// Saves a plan atomically.
///
/// # Errors
/// The folder cannot be written to, or the disk is full; the file on disk is then as it was.
pub fn save(path: &Path, plan: &Plan) -> Result<Saved, FileError> {
    save_text(path, &to_text(plan))
}

/// Writes `text` atomically, unless the file already holds exactly it.
///
/// # Errors
/// As [`save`].
pub fn save_text(path: &Path, text: &str) -> Result<Saved, FileError> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(Saved::Unchanged);
    }
    let io = |e: std::io::Error| FileError::at(None, e.to_string()).with_path(path);
    // A plan reached through a link is saved where the link points, so the link stays a
    // link and the real file does not go stale.
    let resolved;
    let path = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = std::fs::canonicalize(path).map_err(io)?;
        resolved.as_path()
    } else {
        path
    };
    // The new file keeps the old one's permissions: a private plan stays private.
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan.ron".to_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        if let Some(permissions) = permissions.clone() {
            file.set_permissions(permissions)?;
        }
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)?;
        // Make the rename itself durable; not every platform can open a folder, so this
        // is best effort.
        if let Ok(folder) = std::fs::File::open(&dir) {
            let _ = folder.sync_all();
        }
        Ok(())
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        io(e)
    })?;
    Ok(Saved::Written)
}

/// The built-in demo plan's text: three weeks of a half-marathon build.
pub const DEMO: &str = include_str!("../assets/demo.ron");

/// The built-in demo plan.
///
/// # Errors
/// Never for the shipped demo (a test holds that); the type keeps callers honest.
pub fn demo() -> Result<Plan, FileError> {
    parse(DEMO)
}
