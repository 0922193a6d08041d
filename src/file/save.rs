//! Saving a plan: atomically, beside the file, through a temp file no one else can plant.
//!
//! # What a save does
//!
//! 1. A plan reached through a symbolic link is saved where the link points; the link stays.
//! 2. Anything but a regular file at that place (a folder, a FIFO, a device) is refused.
//! 3. A file that already holds exactly the text is left alone ([`Saved::Unchanged`]).
//! 4. The text goes into a new temp file beside the plan, `.NAME.PID.XXXXXX.tmp` with six
//!    random characters, created exclusively (`O_CREAT | O_EXCL`): a file or a link someone
//!    planted at a guessed name is never opened, let alone followed.
//! 5. The temp file gets the old file's permissions (a private plan stays private, a
//!    read-only one stays read-only) and, where the system allows it, its owner and group.
//! 6. It is written, flushed to disk (`fsync`), and renamed over the plan; then the folder
//!    is flushed so that the rename itself survives a power cut.
//! 7. Temp files of earlier saves of this plan that a killed runweek left behind are
//!    removed (see [`remove_stale_temps`] for which ones).
//!
//! Every failure before the rename leaves the old file exactly as it was and removes the
//! temp file. The steps are behind [`Steps`], so that tests can make each of them fail.
//!
//! # What a save cannot keep
//!
//! The saved file is a new file: other hard links to the old one keep the old text, and a
//! file owned by another user becomes the saver's (unless runweek runs as root). A window
//! can ask [`save_effects`] before the first save to such a file and say so.

use std::fs::{File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use tempfile::NamedTempFile;

use super::{FileError, MAX_FILE_BYTES, open_regular};

/// What [`save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Written,
    /// The file already held exactly this plan.
    Unchanged,
}

/// The steps of a save that touch the disk, one method each, so that a test can make any
/// one of them fail and see that the plan on disk is left as it was. [`Disk`] is the real
/// thing; everything else about a save (where, which mode, when to skip) stays in
/// [`save_text_with`].
pub trait Steps {
    /// Creates a new, empty file in `dir` whose name starts with `prefix` and ends with
    /// `suffix`, exclusively (never an existing file, never through a link).
    ///
    /// # Errors
    /// The folder cannot be written to, or is gone.
    fn create(&mut self, dir: &Path, prefix: &str, suffix: &str) -> io::Result<NamedTempFile>;

    /// Writes all of `text` to the new file.
    ///
    /// # Errors
    /// The disk is full, over quota, or failing.
    fn write(&mut self, file: &mut File, text: &[u8]) -> io::Result<()>;

    /// Flushes the new file to the disk.
    ///
    /// # Errors
    /// As [`Steps::write`]: some disks report a failed write only here.
    fn sync(&mut self, file: &File) -> io::Result<()>;

    /// Renames the new file over `to`, in one step.
    ///
    /// # Errors
    /// The folder changed, or `to` is on another file system. The temp file is removed.
    fn rename(&mut self, temp: NamedTempFile, to: &Path) -> io::Result<()>;
}

/// The real disk.
#[derive(Debug, Default, Clone, Copy)]
pub struct Disk;

impl Steps for Disk {
    fn create(&mut self, dir: &Path, prefix: &str, suffix: &str) -> io::Result<NamedTempFile> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(prefix).suffix(suffix);
        // A new plan gets the usual mode for a new file (0666 less the umask), as an editor
        // would give it; an existing plan's mode is set exactly right after this.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        builder.tempfile_in(dir)
    }

    fn write(&mut self, file: &mut File, text: &[u8]) -> io::Result<()> {
        file.write_all(text)
    }

    fn sync(&mut self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn rename(&mut self, temp: NamedTempFile, to: &Path) -> io::Result<()> {
        temp.persist(to).map(drop).map_err(|e| e.error)
    }
}

/// Saves a plan atomically.
///
/// # Errors
/// The folder cannot be written to, the disk is full, or the path is not a regular file;
/// the file on disk is then as it was.
pub fn save(path: &Path, plan: &crate::core::plan::Plan) -> Result<Saved, FileError> {
    save_text(path, &super::to_text(plan))
}

/// Writes `text` atomically, unless the file already holds exactly it.
///
/// # Errors
/// As [`save`].
pub fn save_text(path: &Path, text: &str) -> Result<Saved, FileError> {
    save_text_with(path, text, &mut Disk)
}

/// [`save_text`] through the given steps.
///
/// # Errors
/// As [`save`].
pub fn save_text_with(path: &Path, text: &str, steps: &mut dyn Steps) -> Result<Saved, FileError> {
    save_bytes_with(path, text.as_bytes(), steps)
}

/// Writes any file atomically as a plan is saved (an export, a picture), unless the file
/// already holds exactly `bytes`.
///
/// # Errors
/// As [`save`].
pub fn save_bytes(path: &Path, bytes: &[u8]) -> Result<Saved, FileError> {
    save_bytes_with(path, bytes, &mut Disk)
}

fn save_bytes_with(path: &Path, text: &[u8], steps: &mut dyn Steps) -> Result<Saved, FileError> {
    let io = |e: io::Error| FileError::at(None, e.to_string()).with_path(path);
    let target = resolve(path).map_err(io)?;
    let old = match std::fs::symlink_metadata(&target) {
        Ok(meta) if meta.is_file() => Some(meta),
        Ok(meta) => {
            return Err(FileError::at(
                None,
                format!(
                    "this is {}, not a regular file; runweek saves only over regular files",
                    super::kind_of(&meta)
                ),
            )
            .with_path(path));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if old.as_ref().is_some_and(|m| m.len() == text.len() as u64) && holds(&target, text) {
        log::debug!("{} already holds this text: not written", target.display());
        return Ok(Saved::Unchanged);
    }
    let (dir, name) = dir_and_name(&target);
    let prefix = format!(".{name}.{}.", std::process::id());
    write_beside(steps, &dir, &prefix, old.as_ref(), text, &target).map_err(io)?;
    log::debug!(
        "wrote {} ({} bytes) through a temp file renamed over it{}",
        target.display(),
        text.len(),
        if target == path {
            ""
        } else {
            ", where the link points"
        }
    );
    remove_stale_temps(&dir, &name);
    Ok(Saved::Written)
}

/// Steps 4 to 6 of a save. On an error the temp file is dropped, which removes it.
fn write_beside(
    steps: &mut dyn Steps,
    dir: &Path,
    prefix: &str,
    old: Option<&Metadata>,
    text: &[u8],
    target: &Path,
) -> io::Result<()> {
    let mut temp = steps.create(dir, prefix, ".tmp")?;
    if let Some(old) = old {
        keep_mode_and_owner(temp.as_file(), old)?;
    }
    steps.write(temp.as_file_mut(), text)?;
    steps.sync(temp.as_file())?;
    steps.rename(temp, target)?;
    // Make the rename itself durable; not every platform can open a folder, so this is
    // best effort.
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Where a save to `path` writes: the file a symbolic link points to, or `path` itself.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        // A plan reached through a link is saved where the link points, so the link stays
        // a link and the real file does not go stale.
        std::fs::canonicalize(path)
    } else {
        Ok(path.to_owned())
    }
}

fn dir_and_name(target: &Path) -> (PathBuf, String) {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan.ron".to_owned());
    (dir, name)
}

/// Whether the regular file at `path` holds exactly `text` (read without blocking and
/// never past the size cap).
fn holds(path: &Path, text: &[u8]) -> bool {
    let Ok((file, meta)) = open_regular(path) else {
        return false;
    };
    if meta.len() != text.len() as u64 || meta.len() > MAX_FILE_BYTES {
        return false;
    }
    let mut bytes = Vec::with_capacity(text.len());
    file.take(MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .is_ok_and(|_| bytes == text)
}

/// The old file's permissions exactly (not narrowed by the umask), and its owner and group
/// where the system lets this process give them: all of it as root, the group when the
/// saver belongs to it, otherwise neither (the file becomes the saver's).
fn keep_mode_and_owner(file: &File, old: &Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        if (new.uid(), new.gid()) != (old.uid(), old.gid())
            && std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err()
        {
            let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
        }
        // Changing the owner may clear the set-id bits; put the mode back as it was.
        file.set_permissions(old.permissions())?;
    }
    Ok(())
}

/// How long a temp file must have gone untouched before it counts as left behind even
/// when its process cannot be seen to be gone.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// Removes the temp files that earlier saves of the plan `name` in `dir` left behind when
/// they were killed, both this version's `.NAME.PID.XXXXXX.tmp` and the older
/// `.NAME.PID.tmp`. Called after each successful save; best effort.
///
/// A temp file is left behind when the process that made it is gone: on Linux, when no
/// `/proc/PID` exists. Where that cannot be seen (other systems, a process id reused, a
/// folder shared with another computer), a temp file counts as left behind once it has
/// gone untouched for [`STALE_AFTER`], far longer than any save takes. Removing a temp
/// file that a live save is still writing could only make that save fail (its rename
/// finds no file), never damage the plan, so the rule can only cost a retried save.
/// Only regular files whose whole name has runweek's shape are touched; links and
/// anything else are left alone.
pub fn remove_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| temp_pid(n, name)) else {
            continue;
        };
        // `DirEntry::metadata` does not follow links.
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let untouched = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        let gone = pid != own && process_gone(pid);
        if gone || untouched {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temp file name of the plan `name`: `.NAME.PID.tmp` or
/// `.NAME.PID.XXXXXX.tmp` with six letters or digits.
fn temp_pid(file_name: &str, name: &str) -> Option<u32> {
    let middle = file_name
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix('.')?
        .strip_suffix(".tmp")?;
    let (pid, random) = middle.split_once('.').unwrap_or((middle, ""));
    let random_ok = random.is_empty()
        || (random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !random_ok || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether the process `pid` is certainly gone: only where `/proc` shows processes.
fn process_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

/// What saving over a file would change besides its text: the things a runner should hear
/// before the first save to it. See [`save_effects`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SaveEffects {
    /// Where a save writes, when `path` is a symbolic link (the link stays a link).
    pub link_target: Option<PathBuf>,
    /// The file has no write permission. The folder still lets a save replace it (and the
    /// new file is read-only again), but someone made it read-only on purpose.
    pub read_only: bool,
    /// How many other names (hard links) the file has; they keep the old text after a save.
    pub other_links: u64,
    /// The file's owner, when a save would give the file to another user (the saver).
    pub other_owner: Option<u32>,
    /// The file's group, when a save would give it another group.
    pub other_group: Option<u32>,
    /// The folder does not let runweek create a file: a save will fail.
    pub folder_not_writable: bool,
}

impl SaveEffects {
    /// Whether a save would change nothing the runner needs to hear about.
    pub fn is_quiet(&self) -> bool {
        !self.read_only
            && self.other_links == 0
            && self.other_owner.is_none()
            && self.other_group.is_none()
            && !self.folder_not_writable
    }

    /// One sentence per effect, for a warning before the first save.
    pub fn sentences(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.folder_not_writable {
            out.push("the folder does not let runweek create files, so saving will fail".into());
        }
        if self.read_only {
            out.push(
                "the file is read-only; saving replaces it with a new file that is read-only \
                 again"
                    .into(),
            );
        }
        match self.other_links {
            0 => {}
            1 => out.push(
                "the file has another name (a hard link); that name keeps the old text".into(),
            ),
            n => out.push(format!(
                "the file has {n} other names (hard links); they keep the old text"
            )),
        }
        if let Some(uid) = self.other_owner {
            out.push(format!(
                "the file belongs to another user (uid {uid}); the saved file will be yours"
            ));
        } else if let Some(gid) = self.other_group {
            out.push(format!(
                "the file's group (gid {gid}) is not one runweek can give it; the saved file \
                 will have your group"
            ));
        }
        out
    }
}

/// What a save to `path` would change besides the text, found without changing anything:
/// it looks at the file, and at a temp file it creates and removes in the same folder (the
/// owner a save gives is the owner that temp file gets). A file that does not exist yet
/// has no effects.
///
/// # Errors
/// The file's details cannot be read (a folder on the way is not readable), or `path` is
/// not a regular file.
pub fn save_effects(path: &Path) -> Result<SaveEffects, FileError> {
    let io = |e: io::Error| FileError::at(None, e.to_string()).with_path(path);
    let target = resolve(path).map_err(io)?;
    let mut effects = SaveEffects {
        link_target: (target != path).then(|| target.clone()),
        ..SaveEffects::default()
    };
    let meta = match std::fs::symlink_metadata(&target) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(effects),
        Err(e) => return Err(io(e)),
    };
    if !meta.is_file() {
        return Err(FileError::at(
            None,
            format!("this is {}, not a plan file", super::kind_of(&meta)),
        )
        .with_path(path));
    }
    effects.read_only = meta.permissions().readonly();
    let (dir, name) = dir_and_name(&target);
    let probe = Disk.create(&dir, &format!(".{name}.{}.", std::process::id()), ".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        effects.other_links = meta.nlink().saturating_sub(1);
        if let Ok(probe) = &probe
            && let Ok(mine) = probe.as_file().metadata()
        {
            if mine.uid() != meta.uid() {
                // Only root may give a file away.
                let root = mine.uid() == 0;
                effects.other_owner = (!root).then_some(meta.uid());
            }
            if mine.gid() != meta.gid() {
                let can = std::os::unix::fs::fchown(probe.as_file(), None, Some(meta.gid()));
                effects.other_group = can.is_err().then_some(meta.gid());
            }
        }
    }
    effects.folder_not_writable = probe.is_err();
    Ok(effects)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_runweeks_own_temp_names_of_this_plan_count() {
        let check =
            |file: &str, pid: Option<u32>| assert_eq!(temp_pid(file, "plan.ron"), pid, "{file}");
        check(".plan.ron.123.tmp", Some(123));
        check(".plan.ron.123.aB3xY9.tmp", Some(123));
        check(".plan.ron.tmp", None);
        check(".plan.ron..tmp", None);
        check(".plan.ron.12a.tmp", None);
        check(".plan.ron.123.abc.tmp", None);
        check(".plan.ron.123.aB3xY9", None);
        check(".other.ron.123.tmp", None);
        check("plan.ron.123.tmp", None);
        check(".plan.ron.123.a-3xY9.tmp", None);
    }
}
