//! Week templates: a week's sessions as planned, by weekday, kept by name as one small RON
//! file each in the app's data folder (`templates/`), plus the ones runweek ships.
//!
//! Read and written like a plan file: only regular files, within [`super::MAX_FILE_BYTES`],
//! saved atomically, every problem one line naming `FILE:LINE:COL`. A bad file in the
//! folder is listed with its error beside the good ones; it never hides them.
//!
//! ```ron
//! (
//!     version: 1,
//!     name: "Base week",
//!     description: "Easy running and one long run.",
//!     sessions: [
//!         (weekday: Tue, kind: Easy, minutes: 50, distance_km: Some(9.0), rpe: Some(3)),
//!         (weekday: Sun, kind: Long, title: "Long run", minutes: 75, key: true),
//!     ],
//! )
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{FileError, Saved, Versioned, field_at, parse_versioned};
use crate::core::plan::Weekday;
use crate::core::session::Kind;
use crate::core::units::{Km, Minutes, Rpe};
use crate::core::week_copy::{PlannedSession, WeekPattern};

/// The template file version this app writes and reads.
pub const VERSION: u32 = 1;

/// The folder, inside the app's data folder, that holds the runner's templates.
pub const FOLDER: &str = "templates";

/// The longest name a template may have, in characters: it is a label in a list.
pub const NAME_CHARS: usize = 60;

/// At most this many files of the folder are read: a folder of thousands is not a set of
/// templates someone chooses from.
pub const MAX_LISTED: usize = 200;

/// The templates runweek ships, always there and listed first.
pub const BUILT_IN: [(&str, &str); 3] = [
    (
        "base-week.ron",
        include_str!("../../assets/templates/base-week.ron"),
    ),
    (
        "10k-build-week.ron",
        include_str!("../../assets/templates/10k-build-week.ron"),
    ),
    (
        "recovery-week.ron",
        include_str!("../../assets/templates/recovery-week.ron"),
    ),
];

/// A week template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub name: String,
    /// What the week is for and where it comes from.
    pub description: String,
    pub pattern: WeekPattern,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    version: u32,
    name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    description: String,
    #[serde(default)]
    sessions: Vec<TemplateSession>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateSession {
    weekday: Weekday,
    kind: Kind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    title: String,
    minutes: Minutes,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    distance_km: Option<Km>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rpe: Option<Rpe>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    key: bool,
}

/// Checks a template's name: not empty, one line, not too long.
///
/// # Errors
/// What is wrong with it, in words.
pub fn check_name(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("a template needs a name".to_owned());
    }
    if name.chars().any(char::is_control) {
        return Err("a template's name is one line".to_owned());
    }
    if name.chars().count() > NAME_CHARS {
        return Err(format!(
            "a template's name is at most {NAME_CHARS} characters"
        ));
    }
    Ok(())
}

/// Parses a template from its text.
///
/// # Errors
/// Anything that keeps the text from being a valid template of a version this app reads,
/// with its line and column.
pub fn parse(text: &str) -> Result<Template, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file: TemplateFile = parse_versioned(
        text,
        &Versioned {
            empty: "the file is empty; a template starts with `(version: 1, name: \"...\", ...)`",
            too_deep: "nested far deeper than a template (4 levels); is it the right file?",
            version: VERSION,
            version_error,
        },
        |file: &TemplateFile| file.version,
    )?;
    check_name(&file.name).map_err(|why| FileError::at(field_at(text, 0, "name", None, 1), why))?;
    let sessions = file
        .sessions
        .into_iter()
        .map(|s| PlannedSession {
            weekday: s.weekday,
            kind: s.kind,
            title: s.title,
            minutes: s.minutes,
            distance_km: s.distance_km,
            rpe: s.rpe,
            key: s.key,
            notes: String::new(),
        })
        .collect();
    let pattern = WeekPattern::new(sessions).map_err(|(at, why)| {
        let place = field_at(text, 0, "weekday", None, at + 1)
            .or_else(|| field_at(text, 0, "sessions", None, 1));
        FileError::at(place, format!("session {}: {why}", at + 1))
    })?;
    Ok(Template {
        name: file.name.trim().to_owned(),
        description: file.description,
        pattern,
    })
}

fn version_error(text: &str, version: u32) -> FileError {
    let message = if version > VERSION {
        format!(
            "this template was written by a newer runweek (template version {version}); this \
             version reads version {VERSION} only"
        )
    } else {
        format!("template version {version} does not exist; this version reads version {VERSION}")
    };
    FileError::at(field_at(text, 0, "version", None, 1), message)
}

/// The text of a template file: one session per line.
pub fn to_text(template: &Template) -> String {
    let file = TemplateFile {
        version: VERSION,
        name: template.name.clone(),
        description: template.description.clone(),
        sessions: template
            .pattern
            .sessions()
            .iter()
            .map(|s| TemplateSession {
                weekday: s.weekday,
                kind: s.kind,
                title: s.title.clone(),
                minutes: s.minutes,
                distance_km: s.distance_km,
                rpe: s.rpe,
                key: s.key,
            })
            .collect(),
    };
    let pretty = ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .indentor("    ".to_owned());
    match ron::ser::to_string_pretty(&file, pretty) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Every field is a string, a number or a unit enum; this would be a serde bug.
        Err(e) => unreachable!("a template always serializes to RON: {e}"),
    }
}

/// Loads a template file.
///
/// # Errors
/// As [`super::load`]: the file cannot be read, is too large, is not text, or is not a
/// valid template; the message names the file, line and column.
pub fn load(path: &Path) -> Result<Template, FileError> {
    let text = super::read_text(path)?;
    parse(&text).map_err(|e| e.with_path(path))
}

/// Saves a template atomically as `path`, creating its folder if needed.
///
/// # Errors
/// The folder cannot be made or written to, or the disk is full; a file already there is
/// then as it was.
pub fn save(path: &Path, template: &Template) -> Result<Saved, FileError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| FileError::at(None, e.to_string()).with_path(dir))?;
    }
    super::save_text(path, &to_text(template))
}

/// The file a template of this name is kept in: its name in lower case, words joined by
/// "-" ("10K build week" → `10k-build-week.ron`), so that it is a safe file name on every
/// system and two spellings of one name are one file.
pub fn file_name(name: &str) -> String {
    let mut stem = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem
        .trim_end_matches('-')
        .chars()
        .take(NAME_CHARS)
        .collect();
    let stem = if stem.is_empty() { "template" } else { &stem };
    format!("{stem}.ron")
}

/// A template in the list: where it comes from, and the template or why it cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    /// `None` for one runweek ships.
    pub path: Option<PathBuf>,
    pub template: Result<Template, FileError>,
}

impl Listed {
    pub fn is_built_in(&self) -> bool {
        self.path.is_none()
    }
}

/// The templates runweek ships, parsed.
pub fn built_in() -> Vec<Listed> {
    BUILT_IN
        .iter()
        .map(|(name, text)| Listed {
            path: None,
            template: parse(text).map_err(|e| e.with_path(Path::new(name))),
        })
        .collect()
}

/// Every template: the ones runweek ships first, then the `.ron` files of `dir` by file
/// name, each read or with its one-line error. A folder that does not exist yet holds
/// none; one that cannot be read is one entry with its error.
pub fn list(dir: Option<&Path>) -> Vec<Listed> {
    let mut listed = built_in();
    let Some(dir) = dir else {
        return listed;
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return listed,
        Err(e) => {
            listed.push(Listed {
                path: Some(dir.to_owned()),
                template: Err(FileError::at(None, e.to_string()).with_path(dir)),
            });
            return listed;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        // A save's temp file is hidden: `.name.ron.1234.tmp` never ends in `.ron`, but a
        // hidden file someone left is not a template either.
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('.'))
        })
        .collect();
    paths.sort();
    paths.truncate(MAX_LISTED);
    listed.extend(paths.into_iter().map(|path| Listed {
        template: load(&path),
        path: Some(path),
    }));
    listed
}

/// Where a template of a given name would be saved, and the template there it would
/// replace.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveTarget {
    pub path: PathBuf,
    /// The name of the template already kept in that file, if there is one.
    pub replaces: Option<String>,
}

/// Where a template named `name` goes in `dir`, given the templates `listed` there.
///
/// # Errors
/// A name that is empty, too long or not one line; the name of a template runweek ships;
/// no folder to keep templates in.
pub fn save_target(
    name: &str,
    listed: &[Listed],
    dir: Option<&Path>,
) -> Result<SaveTarget, String> {
    check_name(name)?;
    let name = name.trim();
    let Some(dir) = dir else {
        return Err("there is no data folder on this computer to keep templates in".to_owned());
    };
    let shipped = listed
        .iter()
        .filter(|l| l.is_built_in())
        .filter_map(|l| l.template.as_ref().ok())
        .find(|t| t.name.to_lowercase() == name.to_lowercase());
    if let Some(shipped) = shipped {
        return Err(format!(
            "“{}” is a template runweek ships: choose another name",
            shipped.name
        ));
    }
    let path = dir.join(file_name(name));
    let replaces = listed
        .iter()
        .find(|l| l.path.as_deref() == Some(path.as_path()))
        .map(|l| match &l.template {
            Ok(template) => template.name.clone(),
            Err(_) => file_name(name),
        })
        .or_else(|| path.exists().then(|| file_name(name)));
    Ok(SaveTarget { path, replaces })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_shared_by_two_spellings() {
        let check = |name: &str, expected: &str| assert_eq!(file_name(name), expected, "{name}");
        check("10K build week", "10k-build-week.ron");
        check("  Base   week! ", "base-week.ron");
        check("../../etc/passwd", "etc-passwd.ron");
        check("Semaine de récup", "semaine-de-récup.ron");
        check("???", "template.ron");
    }

    #[test]
    fn names_are_checked() {
        assert!(check_name("Base week").is_ok());
        assert!(check_name("  ").is_err());
        assert!(check_name("two\nlines").is_err());
        assert!(check_name(&"x".repeat(61)).is_err());
    }

    #[test]
    fn the_shipped_templates_parse_and_say_where_they_come_from() {
        for listed in built_in() {
            let template = listed.template.expect("a shipped template parses");
            assert!(!template.pattern.is_empty(), "{}", template.name);
            assert!(
                template.description.len() > 80,
                "{} states its source",
                template.name
            );
        }
    }
}
