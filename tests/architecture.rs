//! The core stays pure: no file under `src/core/` may reach for the UI, the disk, the file
//! format or the clock. `today` is passed in; that is what keeps the core testable.

use std::path::Path;

const FORBIDDEN: [&str; 9] = [
    "egui",
    "eframe",
    "rfd",
    "ron::",
    "std::fs",
    "SystemTime",
    "Instant",
    "Zoned::now",
    "Timestamp::now",
];

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/core is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn core_names_no_ui_no_files_no_format_and_no_clock() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    assert!(files.len() >= 5, "src/core should hold the domain");
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    offences.push(format!("{}:{}: names `{word}`", file.display(), n + 1));
                }
            }
            // `ron` alone, as a crate path or import.
            if code.contains("use ron") || code.contains(" ron::") {
                offences.push(format!("{}:{}: names `ron`", file.display(), n + 1));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "core must stay pure:\n{}",
        offences.join("\n")
    );
}
