//! File › Open recent: the plans opened last on this computer, kept in the window's
//! preferences (never in a plan), newest first.

use std::path::PathBuf;

use super::RunweekApp;

/// How many plans File › Open recent lists.
pub const RECENT: usize = 8;

impl RunweekApp {
    /// Puts the open plan first in the list, once it has a file.
    pub(super) fn remember_recent(&mut self) {
        if let Some(path) = self.doc.path()
            && self.prefs.recent.first().map(PathBuf::as_path) != Some(path)
        {
            let path = path.to_owned();
            remember(&mut self.prefs.recent, path);
        }
    }
}

/// `path` first in `list`, once, and the list no longer than [`RECENT`].
pub fn remember(list: &mut Vec<PathBuf>, path: PathBuf) {
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_comes_first_once_and_the_list_stays_short() {
        let mut list = Vec::new();
        for n in 0..10 {
            remember(&mut list, PathBuf::from(format!("{n}.ron")));
        }
        assert_eq!(list.len(), RECENT);
        assert_eq!(list[0], PathBuf::from("9.ron"));
        remember(&mut list, PathBuf::from("5.ron"));
        assert_eq!(list[0], PathBuf::from("5.ron"));
        assert_eq!(
            list.iter()
                .filter(|p| p.as_path() == std::path::Path::new("5.ron"))
                .count(),
            1
        );
        assert_eq!(list.len(), RECENT);
    }
}
