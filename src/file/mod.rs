//! The plan file: one versioned RON document per training plan.
//!
//! Loading never panics, never blocks and never touches the file: only a regular file is
//! opened (a FIFO, a device or a socket is refused before it is opened), at most
//! [`MAX_FILE_BYTES`] are read, nesting deeper than [`depth::MAX_DEPTH`] is refused in
//! linear time, and every problem is a [`FileError`] on one line that names the place
//! (`path:line:column: message`), with anything quoted from the file escaped and shortened
//! ([`echo`]). Saving is atomic ([`mod@save`]): the new text is written to a fresh temp file
//! beside the plan, flushed to disk and renamed over it, so a crash or a full disk leaves
//! either the old file or the new one, never half of one. An unchanged document is not
//! rewritten.

pub mod depth;
pub mod echo;
pub mod save;
pub mod template;

pub use save::{
    Disk, SaveEffects, Saved, Steps, remove_stale_temps, save, save_bytes, save_effects, save_text,
    save_text_with,
};

use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
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
    /// An error at a place, its message made one safe line ([`echo::one_line`]): a value
    /// quoted from the file can hold new lines, escapes or megabytes.
    fn at(position: Option<(usize, usize)>, message: impl AsRef<str>) -> FileError {
        FileError {
            path: None,
            position,
            message: echo::one_line(message.as_ref()),
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
            write!(f, "{}:", echo::escape(&path.display().to_string()))?;
        }
        if let Some((line, col)) = self.position {
            write!(f, "{line}:{col}:")?;
        }
        if self.path.is_some() || self.position.is_some() {
            f.write_str(" ")?;
        }
        // Already one line when made here; a caller may have set it by hand.
        f.write_str(&echo::one_line(&self.message))
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
    let file: PlanFile = parse_versioned(
        text,
        &Versioned {
            empty: "the file is empty; a plan starts with `(version: 1, ...)`",
            too_deep: &format!(
                "nested more than {} levels deep here; a plan nests 6 at most, so this is not \
                 a plan (or a bracket is missing its match)",
                depth::MAX_DEPTH
            ),
            version: VERSION,
            version_error,
        },
        |file: &PlanFile| file.version,
    )?;
    Plan::new(
        file.settings,
        file.availability,
        file.sessions,
        file.readiness,
    )
    .map_err(|e| {
        let position = match &e {
            // Where the exact field cannot be found (a comment RON skips that this search
            // does not), the list it is in is the place.
            PlanError::DuplicateId(id) => field_at(text, 0, "id", Some(&id.to_string()), 2)
                .or_else(|| field_at(text, 0, "sessions", None, 1)),
            PlanError::DuplicateReadiness { date, .. } => {
                let from = field_offsets(text, 0, "readiness", None)
                    .next()
                    .unwrap_or(0);
                field_at(text, from, "date", Some(&format!("\"{date}\"")), 2)
                    .or_else(|| field_at(text, 0, "readiness", None, 1))
            }
            PlanError::Invalid(why) => invalid_at(text, why)
                .or_else(|| {
                    let list = if why.starts_with("session") {
                        "sessions"
                    } else {
                        "settings"
                    };
                    field_at(text, 0, list, None, 1)
                })
                .or_else(|| field_at(text, 0, "version", None, 1)),
        };
        FileError::at(position, e.to_string())
    })
}
/// What a versioned RON file of runweek (a plan, a template) says when it is not one.
pub(crate) struct Versioned<'a> {
    /// Said of an empty file.
    pub empty: &'a str,
    /// Said where the nesting passes the cap.
    pub too_deep: &'a str,
    /// The version this app reads and writes.
    pub version: u32,
    /// Said of a file of another version.
    pub version_error: fn(&str, u32) -> FileError,
}

/// The checks every RON file of runweek gets before it is believed: not empty, not nested
/// past the cap (which keeps parsing fast on any input), text, and of a version this app
/// reads.
///
/// One parse in the common case; the version probe runs only when the full parse fails or
/// meets a version it does not know, so that a newer file is refused for what it is rather
/// than for the first field this version does not know.
pub(crate) fn parse_versioned<T: serde::de::DeserializeOwned>(
    text: &str,
    words: &Versioned<'_>,
    version_of: fn(&T) -> u32,
) -> Result<T, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::at(None, words.empty));
    }
    if let Some(at) = depth::too_deep(text, depth::MAX_DEPTH) {
        return Err(FileError::at(Some(line_col(text, at)), words.too_deep));
    }
    if let Some(at) = text.find('\0') {
        return Err(FileError::at(
            Some(line_col(text, at)),
            "this is not a text file (it holds a NUL byte); is it the right file?",
        ));
    }
    match options().from_str::<T>(text) {
        Ok(file) if version_of(&file) == words.version => Ok(file),
        Ok(file) => Err((words.version_error)(text, version_of(&file))),
        Err(e) => Err(match options().from_str::<VersionProbe>(text) {
            Ok(probe) if probe.version != words.version => {
                (words.version_error)(text, probe.version)
            }
            _ => FileError::at(
                Some((e.span.start.line, e.span.start.col)),
                e.code.to_string(),
            ),
        }),
    }
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
                        (rest.starts_with(v)
                            && !rest.as_bytes().get(v.len()).is_some_and(|&c| word(c)))
                            || same_number(rest, v)
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

/// Whether the number at the start of `rest` is the number `value`, however RON spells it
/// (`06`, `0x6`, `6_`, `+6`).
fn same_number(rest: &str, value: &str) -> bool {
    let Ok(value) = value.parse::<u64>() else {
        return false;
    };
    let token = rest
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '+'))
        .next()
        .unwrap_or("");
    !token.is_empty() && ron::from_str::<u64>(token) == Ok(value)
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
    let (file, meta) = open_regular(path).map_err(|e| e.with_path(path))?;
    let too_big = |size: u64| {
        FileError::at(
            None,
            format!(
                "the file is {:.1} MB; a plan file is at most {} MB, so this is not a plan",
                size as f64 / 1e6,
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .with_path(path)
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Never past the cap, even if the file grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::at(None, e.to_string()).with_path(path))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
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

/// Opens `path` for reading only if it is a regular file (through links), without ever
/// blocking: a FIFO would block the open until something writes to it, a device such as
/// `/dev/zero` never ends. The type is checked before opening and again on the opened file,
/// which is opened non-blocking in case the path changed in between.
///
/// # Errors
/// The file cannot be read, or is not a regular file (the message says what it is); the
/// error has no path yet.
pub(crate) fn open_regular(path: &Path) -> Result<(File, Metadata), FileError> {
    let io = |e: std::io::Error| FileError::at(None, e.to_string());
    let not_a_file = |meta: &Metadata| {
        FileError::at(
            None,
            format!(
                "this is {}, not a plan file; runweek reads only regular files",
                kind_of(meta)
            ),
        )
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(not_a_file(&meta));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(not_a_file(&meta));
    }
    Ok((file, meta))
}

/// What a file that is not a regular file is, in words.
pub(crate) fn kind_of(meta: &Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (a named pipe)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_symlink() {
        return "a symbolic link";
    }
    "not a regular file"
}

/// The built-in demo plan's text: three weeks of a half-marathon build.
pub const DEMO: &str = include_str!("../../assets/demo.ron");

/// The built-in demo plan.
///
/// # Errors
/// Never for the shipped demo (a test holds that); the type keeps callers honest.
pub fn demo() -> Result<Plan, FileError> {
    parse(DEMO)
}
