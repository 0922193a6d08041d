//! Seeing another program change the open plan as it happens: a sync client bringing the
//! plan from a second computer, an editor, a script.
//!
//! The folder is watched rather than the file, because a careful writer (runweek too)
//! replaces a file by renaming a new one over it, which a watch on the old file would not
//! see. Any event naming the plan's file asks the window to read it again; whether it
//! really changed is decided by its text (see [`super::disk::Stamp`]), so runweek's own
//! saves and a touch that wrote the same bytes change nothing.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use eframe::egui;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::Outcome;

/// A watch on one plan file; dropping it stops watching.
pub struct Watch {
    path: PathBuf,
    _watcher: Option<RecommendedWatcher>,
}

impl Watch {
    /// Watches `path` and reports [`Outcome::Touched`] through `sender` when something
    /// happens to it. A folder that cannot be watched (a network share without
    /// notifications) is logged and left: saves still compare before writing.
    pub fn start(path: &Path, sender: Sender<Outcome>, ctx: Option<egui::Context>) -> Watch {
        let name = path.file_name().map(ToOwned::to_owned);
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let watched = path.to_owned();
        let handler = move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else {
                return;
            };
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            let ours = event.paths.iter().any(|p| p.file_name() == name.as_deref());
            if ours
                && sender.send(Outcome::Touched(watched.clone())).is_ok()
                && let Some(ctx) = &ctx
            {
                ctx.request_repaint();
            }
        };
        let watcher = notify::recommended_watcher(handler).and_then(|mut w| {
            w.watch(&folder, RecursiveMode::NonRecursive)?;
            Ok(w)
        });
        let watcher = match watcher {
            Ok(w) => Some(w),
            Err(e) => {
                log::warn!("cannot watch {} for changes: {e}", folder.display());
                None
            }
        };
        Watch {
            path: path.to_owned(),
            _watcher: watcher,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}
