//! What the integration tests share: the real binary, and files of their own.

// Each test binary uses its own part of this.
#![allow(dead_code)]

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

/// A file in a folder of this test binary's own. Tests run in parallel: give each test its
/// own name, so that no test reads a file while another rewrites it.
pub fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "runweek-{}-{}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// The demo plan, as `runweek demo` prints it, in a file named for the test.
pub fn demo_file(name: &str) -> PathBuf {
    let out = runweek(&["demo"]);
    assert!(out.status.success());
    temp_file(&format!("{name}.ron"), &stdout(&out))
}
