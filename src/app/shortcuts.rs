//! Help › Keyboard shortcuts: every shortcut of the window, spelled for this computer
//! (Ctrl on Linux and Windows, ⌘ on macOS, through egui's own formatting).
//!
//! [`SHORTCUTS`] is the list the window shows; `commands::shortcuts` is where they act. A
//! test in `tests/ui_desktop.rs` presses each one listed here with a modifier and checks
//! that it did something.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers, RichText};

/// What a key does, and the key.
pub struct Shortcut {
    pub keys: KeyboardShortcut,
    pub does: &'static str,
}

const fn command(key: Key, does: &'static str) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::COMMAND, key),
        does,
    }
}

const fn plain(key: Key, does: &'static str) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::NONE, key),
        does,
    }
}

/// Every shortcut, in the order the window lists them.
pub const SHORTCUTS: [Shortcut; 14] = [
    command(Key::O, "Open a plan"),
    command(Key::S, "Save the plan"),
    command(Key::I, "Import activities from the watch (FIT, GPX, TCX)"),
    command(Key::E, "Export (calendar, spreadsheet, picture)"),
    command(Key::Q, "Quit (the last change is saved first)"),
    command(Key::Z, "Undo"),
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
        does: "Redo",
    },
    command(Key::Y, "Redo"),
    command(Key::L, "Show or hide the charts"),
    command(Key::B, "The block of weeks, or back to the week"),
    plain(Key::ArrowLeft, "The week before (the block a week earlier)"),
    plain(Key::ArrowRight, "The week after (the block a week later)"),
    plain(Key::Delete, "Remove the selected session"),
    plain(Key::Escape, "Close a window or cancel a drag"),
];

/// The window; `open` turns false when it is closed.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .spacing([24.0, 6.0])
                .striped(true)
                .show(ui, |ui| {
                    for shortcut in &SHORTCUTS {
                        ui.label(RichText::new(ctx.format_shortcut(&shortcut.keys)).monospace());
                        ui.label(shortcut.does);
                        ui.end_row();
                    }
                });
            ui.add_space(4.0);
            ui.label(
                RichText::new("Undo, Redo and the arrows act on the plan unless a text field is being typed in.")
                    .small(),
            );
        });
    if ctx.input(|i| i.key_pressed(Key::Escape)) {
        *open = false;
    }
}
