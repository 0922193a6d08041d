//! runweek as a desktop program: the menu entry and icon it installs, its shell completions,
//! and the help of every subcommand.

mod support;

use std::process::Command;

use support::{runweek, stderr, stdout, temp_dir};

#[test]
fn install_desktop_writes_the_entry_and_the_icons_under_xdg_data_home() {
    let home = temp_dir();
    let install = || {
        Command::new(env!("CARGO_BIN_EXE_runweek"))
            .arg("--install-desktop")
            .env("XDG_DATA_HOME", home.path())
            .output()
            .expect("the binary runs")
    };
    let out = install();
    assert!(out.status.success(), "{}", stderr(&out));
    let entry_path = home.path().join("applications/runweek.desktop");
    let entry = std::fs::read_to_string(&entry_path).expect("the entry is written");
    assert!(entry.starts_with("[Desktop Entry]\n"), "{entry}");
    assert!(entry.contains("\nType=Application\n"));
    assert!(entry.contains("\nIcon=runweek\n"));
    let exe = env!("CARGO_BIN_EXE_runweek");
    assert!(
        entry.contains(&format!("\nExec=\"{exe}\" %f\n")),
        "the entry starts this binary: {entry}"
    );
    for size in [16, 32, 48, 64, 128, 256] {
        let png = home
            .path()
            .join(format!("icons/hicolor/{size}x{size}/apps/runweek.png"));
        let bytes = std::fs::read(&png).expect("the icon is written");
        let picture = image::load_from_memory(&bytes).expect("a picture");
        assert_eq!((picture.width(), picture.height()), (size, size));
    }
    let svg = std::fs::read_to_string(home.path().join("icons/hicolor/scalable/apps/runweek.svg"))
        .expect("the SVG is written");
    assert!(svg.contains("<svg"));
    let said = stdout(&out);
    assert_eq!(
        said.lines().filter(|l| l.starts_with("wrote ")).count(),
        8,
        "{said}"
    );
    // Nothing half-written is left behind, and running it again changes nothing.
    let listed = |dir: &std::path::Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .expect("a folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    assert_eq!(
        listed(&home.path().join("applications")),
        ["runweek.desktop"]
    );
    let again = install();
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_to_string(&entry_path).expect("still there"),
        entry
    );
}

#[test]
fn install_desktop_into_a_place_it_cannot_write_is_one_line() {
    let home = temp_dir();
    let blocker = home.path().join("file");
    std::fs::write(&blocker, "not a folder").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_runweek"))
        .arg("--install-desktop")
        .env("XDG_DATA_HOME", &blocker)
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot create the folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn completions_are_printed_for_each_shell_and_name_the_subcommands() {
    for (shell, mark) in [
        ("bash", "_runweek()"),
        ("zsh", "#compdef runweek"),
        ("fish", "complete -c runweek"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = runweek(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(mark), "{shell}: {script}");
        assert!(
            script.contains("export"),
            "{shell} completes the subcommands"
        );
    }
    let out = runweek(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1);
}

#[test]
fn every_subcommand_s_help_gives_its_arguments_exit_codes_and_an_example() {
    for sub in [
        "check",
        "show",
        "demo",
        "assess",
        "replan",
        "stats",
        "export",
        "completions",
    ] {
        let out = runweek(&[sub, "--help"]);
        assert!(out.status.success(), "{sub}");
        let help = stdout(&out);
        assert!(help.contains("Exit codes: 0"), "{sub}: {help}");
        assert!(help.contains(&format!("  runweek {sub}")), "{sub}: {help}");
        // Every argument and option says what it is, on its own line.
        let lines: Vec<&str> = help.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let is_argument = line.starts_with("  ")
                && !line.starts_with("   ")
                && (t.starts_with('-') || t.starts_with('<'));
            if !is_argument {
                continue;
            }
            let words = line.split("  ").filter(|w| !w.trim().is_empty()).count();
            // A long help puts the description on the next line, further in.
            let below = lines
                .get(n + 1)
                .is_some_and(|next| next.starts_with("          ") && !next.trim().is_empty());
            assert!(
                words >= 2 || below,
                "{sub}: an argument without a description: {line:?}"
            );
        }
    }
    let out = runweek(&["--help"]);
    assert!(stdout(&out).contains("--install-desktop"));
    assert!(stdout(&out).contains("Exit codes: 0"));
}
