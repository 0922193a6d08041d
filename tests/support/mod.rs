//! What the integration tests share: the real binary, and files of their own.

// Each test binary uses its own part of this.
#![allow(dead_code)]

pub mod fit;
pub mod window;

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs the real `runweek` binary.
pub fn runweek(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_runweek"))
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A new folder in the system's temp folder, removed when the value is dropped.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("runweek-test-")
        .tempdir()
        .expect("a temp folder")
}

thread_local! {
    /// The running test's own folder. libtest runs every test on a thread of its own, and a
    /// thread's locals are dropped when it ends, so the folder goes when the test does —
    /// passed, failed or panicked — and no test sees another's files.
    static TEST_DIR: tempfile::TempDir = temp_dir();
}

/// A file in the running test's own folder, removed when the test ends.
pub fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = TEST_DIR.with(|dir| dir.path().join(name));
    std::fs::write(&path, text).expect("write");
    path
}

/// The demo plan, as `runweek demo` prints it, in a file named for the test.
pub fn demo_file(name: &str) -> PathBuf {
    let out = runweek(&["demo"]);
    assert!(out.status.success());
    temp_file(&format!("{name}.ron"), &stdout(&out))
}
