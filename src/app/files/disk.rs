//! One read or one write of a plan file, with what runweek knows about the file it read or
//! wrote (its [`Stamp`]), so that a file another program changed is never overwritten
//! silently.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::core::merge::Merged;
use crate::core::plan::Plan;
use crate::file::{self, FileError};

/// What runweek last read from or wrote to a path: the hash of the text, so that any other
/// text there (even of the same size and modification time) counts as someone else's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    hash: u64,
}

impl Stamp {
    fn of(text: &str) -> Stamp {
        Stamp {
            hash: hash_text(text),
        }
    }
}

fn hash_text(text: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// A file that changed on disk since runweek last read or wrote it, found before a save.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub path: PathBuf,
    /// The plan now in the file, or why it cannot be read.
    pub theirs: Result<(Plan, Stamp), FileError>,
    /// Their changes merged with the runner's, once the window tried (see
    /// [`crate::core::merge`]); its clashes are what the runner is asked about.
    pub merged: Option<Merged>,
}

/// Reads and parses a plan file, keeping its stamp.
///
/// # Errors
/// As [`file::load`].
pub fn load(path: &Path) -> Result<(Plan, Stamp), FileError> {
    log::debug!("reading the plan {}", path.display());
    let text = file::read_text(path)?;
    let plan = file::parse(&text).map_err(|mut e| {
        e.path = Some(path.to_owned());
        e
    })?;
    Ok((plan, Stamp::of(&text)))
}

/// What to do when the file changed on disk since runweek last read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfChanged {
    /// Leave the file alone and report the conflict, for the runner to choose.
    Ask,
    /// Write over it (the runner chose "Keep mine", or the path is a new home).
    Overwrite,
    /// Keep both: the plan goes beside the file under a new name (closing the window, when
    /// there is nobody left to ask).
    KeepBeside,
}

/// Where a save put the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// In the plan's own file.
    InPlace,
    /// Beside it, because another program changed the file; the path says where.
    Aside(PathBuf),
}

/// What one save did.
#[derive(Debug)]
pub enum SaveResult {
    Saved { how: Saved, stamp: Stamp },
    Conflict(Box<Conflict>),
    Failed(FileError),
}

/// Saves `plan` to `path`, comparing the file first with `expected` (what runweek last read
/// or wrote there; `None` for a file runweek never saw, which is written as it is).
pub fn save(
    path: &Path,
    plan: &Plan,
    expected: Option<&Stamp>,
    if_changed: IfChanged,
) -> SaveResult {
    let changed = expected.is_some_and(|expected| changed_on_disk(path, expected));
    let text = file::to_text(plan);
    if changed {
        log::debug!(
            "{} changed on disk since runweek last read or wrote it; {if_changed:?}",
            path.display()
        );
        match if_changed {
            IfChanged::Overwrite => {}
            IfChanged::Ask => {
                return SaveResult::Conflict(Box::new(Conflict {
                    theirs: load(path),
                    path: path.to_owned(),
                    merged: None,
                }));
            }
            IfChanged::KeepBeside => {
                let aside = aside_path(path);
                return match file::save_text(&aside, &text) {
                    Ok(_) => SaveResult::Saved {
                        how: Saved::Aside(aside),
                        stamp: Stamp::of(&text),
                    },
                    Err(e) => SaveResult::Failed(e),
                };
            }
        }
    }
    match file::save_text(path, &text) {
        Ok(_) => SaveResult::Saved {
            how: Saved::InPlace,
            stamp: Stamp::of(&text),
        },
        Err(e) => SaveResult::Failed(e),
    }
}

/// Whether the file at `path` holds something other than what runweek last read or wrote.
/// A file that is gone is not a conflict: saving puts the plan back.
fn changed_on_disk(path: &Path, expected: &Stamp) -> bool {
    if !path.exists() {
        return false;
    }
    // Size and time are not enough: another program may write text of the same size within
    // the file system's time resolution. The text itself decides.
    match file::read_text(path) {
        Ok(text) => Stamp::of(&text) != *expected,
        Err(_) => true,
    }
}

/// A name beside `path` for a plan that must not overwrite it.
fn aside_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "plan".to_owned(), |s| s.to_string_lossy().into_owned());
    let stamp = jiff::Zoned::now().strftime("%Y-%m-%d %H%M%S").to_string();
    path.with_file_name(format!("{stem} (kept by runweek {stamp}).ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(result: SaveResult) -> Stamp {
        match result {
            SaveResult::Saved { stamp, .. } => stamp,
            other => unreachable!("expected a save, got {other:?}"),
        }
    }

    #[test]
    fn a_save_notices_a_file_changed_by_another_program() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.ron");
        let plan = file::demo().expect("demo");
        let stamp = saved(save(&path, &plan, None, IfChanged::Ask));
        // Saving again over our own file is fine.
        let stamp = saved(save(&path, &plan, Some(&stamp), IfChanged::Ask));
        // Another program writes the file.
        let mut theirs = plan.clone();
        theirs.settings.fitness_days = 40;
        file::save(&path, &theirs).expect("their save");
        match save(&path, &plan, Some(&stamp), IfChanged::Ask) {
            SaveResult::Conflict(c) => {
                let (their_plan, _) = c.theirs.expect("their file reads");
                assert_eq!(their_plan.settings.fitness_days, 40);
            }
            other => unreachable!("expected a conflict, got {other:?}"),
        }
        // Their file is untouched.
        assert_eq!(file::load(&path).expect("loads").settings.fitness_days, 40);
        // Overwriting on purpose works.
        saved(save(&path, &plan, Some(&stamp), IfChanged::Overwrite));
        assert_eq!(file::load(&path).expect("loads"), plan);
    }

    #[test]
    fn a_change_of_the_same_size_and_time_is_still_a_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.ron");
        let plan = file::demo().expect("demo");
        let stamp = saved(save(&path, &plan, None, IfChanged::Ask));
        let meta = std::fs::metadata(&path).expect("meta");
        // The same number of bytes, one digit different, and the old modification time.
        let text = std::fs::read_to_string(&path).expect("read");
        let theirs = text.replacen("fitness_days: 42", "fitness_days: 43", 1);
        assert_eq!(theirs.len(), text.len());
        std::fs::write(&path, &theirs).expect("write");
        let file = std::fs::File::options()
            .write(true)
            .open(&path)
            .expect("open");
        file.set_modified(meta.modified().expect("mtime"))
            .expect("set mtime");
        drop(file);
        assert!(matches!(
            save(&path, &plan, Some(&stamp), IfChanged::Ask),
            SaveResult::Conflict(_)
        ));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    }

    #[test]
    fn keeping_both_puts_the_plan_beside_a_changed_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.ron");
        let plan = file::demo().expect("demo");
        let stamp = saved(save(&path, &plan, None, IfChanged::Ask));
        let mut theirs = plan.clone();
        theirs.settings.fatigue_days = 9;
        file::save(&path, &theirs).expect("their save");
        let aside = match save(&path, &plan, Some(&stamp), IfChanged::KeepBeside) {
            SaveResult::Saved {
                how: Saved::Aside(aside),
                ..
            } => aside,
            other => unreachable!("expected a save beside, got {other:?}"),
        };
        assert!(aside.to_string_lossy().contains("kept by runweek"));
        assert_eq!(file::load(&path).expect("loads").settings.fatigue_days, 9);
        assert_eq!(file::load(&aside).expect("loads"), plan);
    }
}
