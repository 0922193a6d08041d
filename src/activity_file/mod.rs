//! Activity files from the watch — FIT, GPX and TCX — read into [`Activity`] values.
//!
//! This is the edge: it touches the disk and the time zone; what an activity does to the plan
//! is [`crate::core::import`]. Like the plan file ([`crate::file`]), only regular files
//! within a size cap are read, so a FIFO or `/dev/zero` handed over by mistake never blocks
//! or fills memory. A file that cannot be read gives one message saying what is wrong with
//! it, never a panic: a watch file is the runner's input.
//!
//! Times are placed in a [`TimeZone`] (the system's, which honours `TZ`, in the app and
//! the command line): the local date decides the day an activity belongs to.

use std::io::Read;
use std::path::Path;

use jiff::tz::TimeZone;
use jiff::{Timestamp, civil::DateTime};

use crate::core::activity::Activity;

mod fit;
mod gpx;
mod tcx;

/// The largest activity file read: a day-long recording every second as GPX is about 40 MB.
pub const MAX_ACTIVITY_BYTES: u64 = 64 * 1024 * 1024;

/// The file types read, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Fit,
    Gpx,
    Tcx,
}

impl Format {
    /// The format a file's name says, ignoring case.
    ///
    /// # Errors
    /// A name without one of the three extensions, in words.
    pub fn of(path: &Path) -> Result<Format, String> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("fit") => Ok(Format::Fit),
            Some("gpx") => Ok(Format::Gpx),
            Some("tcx") => Ok(Format::Tcx),
            Some(other) => Err(format!(
                "unsupported file type \".{other}\"; runweek imports .fit, .gpx and .tcx files"
            )),
            None => Err(
                "the file has no extension; runweek imports .fit, .gpx and .tcx files".to_owned(),
            ),
        }
    }
}

/// Reads every activity in the file at `path`, placing times in `tz`.
///
/// # Errors
/// One line (without the path, which the caller shows) saying what is wrong: unsupported
/// type, not a regular file, too large, empty, corrupt or truncated, a route without times,
/// no activity in it.
pub fn read(path: &Path, tz: &TimeZone) -> Result<Vec<Activity>, String> {
    // A folder is a folder, whatever its name.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(not_a_file(&meta));
    }
    let format = Format::of(path)?;
    let bytes = read_bytes(path)?;
    parse(&bytes, format, tz)
}

/// Reads the activities in `bytes` of `format`; see [`read`].
///
/// # Errors
/// As for [`read`].
pub fn parse(bytes: &[u8], format: Format, tz: &TimeZone) -> Result<Vec<Activity>, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".to_owned());
    }
    let activities = match format {
        Format::Fit => fit::parse(bytes, tz)?,
        Format::Gpx => gpx::parse(bytes, tz)?,
        Format::Tcx => tcx::parse(bytes, tz)?,
    };
    if activities.is_empty() {
        return Err("there is no activity in this file".to_owned());
    }
    Ok(activities)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(not_a_file(&meta));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Never block on a FIFO swapped in between the check and the open.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(not_a_file(&meta));
    }
    let too_big = |size: u64| {
        format!(
            "the file is {:.1} MB; an activity file is at most {} MB",
            size as f64 / 1e6,
            MAX_ACTIVITY_BYTES / (1024 * 1024)
        )
    };
    if meta.len() > MAX_ACTIVITY_BYTES {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_ACTIVITY_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_ACTIVITY_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

fn not_a_file(meta: &std::fs::Metadata) -> String {
    format!(
        "this is {}, not an activity file",
        crate::file::kind_of(meta)
    )
}

/// An instant as the runner's clock showed it, to the second: the identity of an activity
/// must not depend on a file's sub-second digits.
fn local(at: Timestamp, tz: &TimeZone) -> DateTime {
    let civil = tz.to_datetime(at);
    civil.with().subsec_nanosecond(0).build().unwrap_or(civil)
}

/// An XML time (`2017-07-29T14:46:35.000Z`); one without an offset is read as UTC, which is
/// what GPX and TCX prescribe.
fn xml_time(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    text.parse::<Timestamp>().ok().or_else(|| {
        text.parse::<DateTime>()
            .ok()
            .and_then(|dt| dt.to_zoned(TimeZone::UTC).ok())
            .map(|z| z.timestamp())
    })
}

/// One file of an import, read: its activities, or what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRead {
    /// The path as the runner gave it.
    pub path: std::path::PathBuf,
    pub activities: Result<Vec<Activity>, String>,
}

/// Reads each of `paths` (see [`read`]), in the order given; a bad file never stops the
/// others. A year of files is read on every core: each file is independent, and decoding
/// FIT is most of an import's time.
pub fn read_all(paths: &[std::path::PathBuf], tz: &TimeZone) -> Vec<FileRead> {
    let read_one = |path: &std::path::PathBuf| FileRead {
        path: path.clone(),
        activities: read(path, tz),
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads < 2 || paths.len() < 8 {
        return paths.iter().map(read_one).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(read_one).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .zip(paths.chunks(chunk))
            .flat_map(|(worker, part)| {
                worker.join().unwrap_or_else(|_| {
                    // Reading never panics on any input (tests/import.rs); should it ever,
                    // the files of that worker are reported, not lost.
                    part.iter()
                        .map(|path| FileRead {
                            path: path.clone(),
                            activities: Err("runweek failed while reading this file".to_owned()),
                        })
                        .collect()
                })
            })
            .collect()
    })
}

/// One activity of an import and what it will do.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub path: std::path::PathBuf,
    pub activity: Activity,
    pub action: crate::core::import::Action,
}

/// A whole import worked out against a plan, before it is applied: what the preview and
/// the command line show, and the one edit that does it.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub rows: Vec<Row>,
    /// Each file (or activity) that cannot be imported, with why.
    pub errors: Vec<(std::path::PathBuf, String)>,
    /// Applied as one step: one undo step in the window, one save on the command line.
    pub edit: crate::core::edit::Edit,
    pub changes_anything: bool,
}

/// Works out what importing `files` into `plan` does, without changing it.
pub fn prepare(plan: &crate::core::plan::Plan, files: Vec<FileRead>) -> Prepared {
    let mut errors = Vec::new();
    let mut sources = Vec::new();
    let mut activities = Vec::new();
    for file in files {
        match file.activities {
            Ok(list) => {
                for activity in list {
                    sources.push(file.path.clone());
                    activities.push(activity);
                }
            }
            Err(why) => errors.push((file.path, why)),
        }
    }
    let planned = crate::core::import::plan_import(plan, &activities);
    let changes_anything = planned.changes_anything();
    let mut rows = Vec::new();
    for ((path, activity), outcome) in sources.into_iter().zip(activities).zip(planned.outcomes) {
        match outcome {
            Ok(action) => rows.push(Row {
                path,
                activity,
                action,
            }),
            Err(why) => errors.push((path, why)),
        }
    }
    Prepared {
        rows,
        errors,
        edit: planned.edit,
        changes_anything,
    }
}
