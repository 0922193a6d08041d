//! The native file dialog, on a worker thread, and whether one can be shown at all.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use super::Purpose;

/// Whether a file dialog can probably be shown: a session bus for the desktop portal, or
/// zenity on the PATH.
pub fn dialog_likely() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|p| p.join("zenity").is_file()));
    bus || zenity
}

/// The native dialog, run to completion on this (worker) thread.
pub fn pick(purpose: Purpose, start_dir: Option<PathBuf>, name: String) -> Option<PathBuf> {
    let mut dialog = rfd::AsyncFileDialog::new().add_filter("runweek plan", &["ron"]);
    if let Some(dir) = start_dir {
        dialog = dialog.set_directory(dir);
    }
    let handle = match purpose {
        Purpose::Open => block_on(dialog.set_title("Open a plan").pick_file()),
        Purpose::SaveAs => block_on(
            dialog
                .set_title("Save the plan as")
                .set_file_name(name)
                .save_file(),
        ),
        Purpose::New => block_on(
            dialog
                .set_title("Where should the new plan be kept?")
                .set_file_name(name)
                .save_file(),
        ),
    };
    handle.map(|h| h.path().to_owned())
}

/// The native save dialog for an exported file (`extension` without its dot), run to
/// completion on this (worker) thread.
pub fn pick_export(
    start_dir: Option<PathBuf>,
    name: String,
    kind: &str,
    extension: &str,
) -> Option<PathBuf> {
    let mut dialog = rfd::AsyncFileDialog::new()
        .add_filter(kind, &[extension])
        .set_title("Export to")
        .set_file_name(name);
    if let Some(dir) = start_dir {
        dialog = dialog.set_directory(dir);
    }
    block_on(dialog.save_file()).map(|h| h.path().to_owned())
}

/// Runs a future on the current thread; rfd's dialog futures only need to be woken.
pub fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        std::thread::park();
    }
}
