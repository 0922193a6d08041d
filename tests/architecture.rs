//! The layering of the code, held by tests.
//!
//! - The core stays pure: no file under `src/core/` may reach for the UI, the disk, the file
//!   format or the clock. `today` is passed in; that is what keeps the core testable.
//! - Imports go one way: the modules of a folder import each other without a cycle, so each
//!   can be read, tested and changed knowing only what is below it. [`assert_no_cycles`]
//!   reads the `use` lines and `super::`/`crate::` paths of a folder's files, builds the
//!   graph of its modules and names any cycle; one call per folder.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the folder is readable") {
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
    assert_pure(files);
}

/// The exports write to a `String` from the plan and the time stamp they are given, so that
/// tests can read back exactly what a file would hold.
#[test]
fn exports_name_no_ui_no_files_and_no_clock() {
    let export = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/export");
    let mut files = Vec::new();
    rust_files(&export, &mut files);
    assert!(files.len() >= 3, "src/export holds the writers");
    assert_pure(files);
}

fn assert_pure(files: Vec<PathBuf>) {
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
        "the core and the exports must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn core_modules_import_one_way() {
    assert_no_cycles("src/core");
}

/// The window's layering: theme and formatting at the bottom, views above the derived
/// state, the app shell (`src/app/mod.rs`) on top; `tests/ui_layers.rs` checks the layers
/// themselves.
#[test]
fn window_modules_import_one_way() {
    assert_no_cycles("src/app");
}

/// Fails when the modules directly under `folder` (a path from the crate root, such as
/// `"src/core"`) import each other in a cycle, naming the cycle and where each step of it is
/// imported.
///
/// A module is a file `x.rs` or a folder `x/` (everything inside it counts as `x`). The
/// folder's own `mod.rs` is the parent of them all, not a layer, and neither are test
/// modules (`#[cfg(test)] mod …`): tests may reach anywhere.
fn assert_no_cycles(folder: &str) {
    let graph = module_graph(folder);
    assert!(
        graph.len() >= 2,
        "{folder} should hold modules: found {:?}",
        graph.keys()
    );
    let edges: BTreeMap<&str, BTreeSet<&str>> = graph
        .iter()
        .map(|(from, to)| (from.as_str(), to.keys().map(String::as_str).collect()))
        .collect();
    if let Some(cycle) = find_cycle(&edges) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|w| format!("  {} → {}: {}", w[0], w[1], graph[w[0]][w[1]]))
            .collect();
        panic!(
            "the modules of {folder} import each other in a cycle: {}\n{}",
            cycle.join(" → "),
            steps.join("\n")
        );
    }
}

/// For each module directly under `folder`, the sibling modules it names, each with the
/// first place it is named (`file: path`).
fn module_graph(folder: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join(folder);
    // `src/core` is `crate::core`.
    let crate_path: Vec<String> = Path::new(folder)
        .strip_prefix("src")
        .expect("a folder under src/")
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    files.sort();
    let modules: Vec<(PathBuf, Vec<String>)> = files
        .into_iter()
        .map(|file| {
            let module = module_path(file.strip_prefix(&dir).expect("a file under the folder"));
            (file, module)
        })
        .collect();
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = modules
        .iter()
        .filter_map(|(_, m)| m.first().cloned())
        .map(|m| (m, BTreeMap::new()))
        .collect();
    for (file, module) in &modules {
        let Some(node) = module.first() else {
            continue; // the folder's own mod.rs
        };
        let text = std::fs::read_to_string(file).expect("readable source");
        for path in paths_named(&text) {
            let Some(target) = resolve(&path, module, &crate_path) else {
                continue;
            };
            let Some(first) = target.first() else {
                continue;
            };
            if first != node && graph.contains_key(first) {
                let place = format!(
                    "{}: {path}",
                    file.strip_prefix(root).unwrap_or(file).display()
                );
                graph
                    .get_mut(node)
                    .expect("every module is a node")
                    .entry(first.clone())
                    .or_insert(place);
            }
        }
    }
    graph
}

/// The module a file holds, relative to its folder: `plan.rs` is `[plan]`,
/// `replan/mod.rs` is `[replan]`, `charts/series.rs` is `[charts, series]`, and the folder's
/// own `mod.rs` is `[]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if stem != "mod" {
            parts.push(stem.to_owned());
        }
    }
    parts
}

/// Where `path`, named in `module`, points inside the folder whose crate path is
/// `crate_path`; `None` outside it (std, other crates, other folders).
fn resolve(path: &str, module: &[String], crate_path: &[String]) -> Option<Vec<String>> {
    let segments: Vec<&str> = path.split("::").map(str::trim).collect();
    let (base, rest): (Vec<String>, &[&str]) = match *segments.first()? {
        "crate" => {
            let rest = &segments[1..];
            let inside =
                rest.len() >= crate_path.len() && rest.iter().zip(crate_path).all(|(a, b)| a == b);
            if !inside {
                return None;
            }
            (Vec::new(), &rest[crate_path.len()..])
        }
        "super" => {
            let ups = segments.iter().take_while(|s| **s == "super").count();
            let kept = module.len().checked_sub(ups)?;
            (module[..kept].to_vec(), &segments[ups..])
        }
        "self" => (module.to_vec(), &segments[1..]),
        _ => return None,
    };
    let mut target = base;
    target.extend(rest.iter().map(|s| (*s).to_owned()));
    Some(target)
}

/// Every path a source file names through `use` or a `super::`/`crate::` path in its code,
/// with use trees expanded (`use super::{a::X, b::{Y, Z}}` names `super::a::X`,
/// `super::b::Y` and `super::b::Z`). Comments, strings and the test module are left out.
fn paths_named(source: &str) -> Vec<String> {
    let code = without_test_module(&strip_comments_and_strings(source));
    let mut paths = Vec::new();
    let mut rest = String::new();
    let mut i = 0;
    while let Some(found) = find_word(&code, "use", i) {
        let after = found + "use".len();
        let end = code[after..].find(';').map_or(code.len(), |e| after + e);
        rest.push_str(&code[i..found]);
        let tree: String = code[after..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        expand_use_tree("", &tree, &mut paths);
        i = (end + 1).min(code.len());
    }
    rest.push_str(&code[i..]);
    for start in ["super", "crate"] {
        let mut from = 0;
        while let Some(found) = find_word(&rest, start, from) {
            let len = rest[found..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len() - found);
            let path = &rest[found..found + len];
            if path.contains("::") {
                paths.push(path.trim_end_matches(':').to_owned());
            }
            from = found + len.max(1);
        }
    }
    paths
}

/// The next place at or after `from` where `word` stands alone (not part of a longer
/// identifier).
fn find_word(text: &str, word: &str, from: usize) -> Option<usize> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut at = from;
    while let Some(found) = text.get(at..)?.find(word) {
        let start = at + found;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(is_ident) && !after.is_some_and(is_ident) {
            return Some(start);
        }
        at = end;
    }
    None
}

fn expand_use_tree(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    match (tree.find('{'), tree.rfind('}')) {
        (Some(open), Some(close)) if open < close => {
            let head = format!("{prefix}{}", &tree[..open]);
            let inner = &tree[open + 1..close];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand_use_tree(&head, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand_use_tree(&head, &inner[start..], out);
        }
        _ => {
            let item = tree.split(" as ").next().unwrap_or("").trim();
            if !item.is_empty() {
                out.push(format!("{prefix}{item}"));
            }
        }
    }
}

/// The source without comments, and with every string and character literal emptied, so
/// that words in them are not taken for imports.
fn strip_comments_and_strings(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == 'r'
            && !i.checked_sub(1).is_some_and(|p| is_ident(chars[p]))
            && matches!(next, Some('"' | '#'))
        {
            // A raw string: r"…", r#"…"#.
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            i += 2 + hashes;
            while i < chars.len() {
                if chars[i] == '"'
                    && chars[i + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&h| h == '#')
                        .count()
                        == hashes
                {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && next == Some('\\') {
            // '\n', '\'', '\u{…}'
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The code before the test module (`#[cfg(test)] mod …`), which comes last by habit.
fn without_test_module(code: &str) -> String {
    let mut from = 0;
    while let Some(found) = code[from..].find("#[cfg(test)]") {
        let at = from + found;
        let after = code[at + "#[cfg(test)]".len()..].trim_start();
        if after.starts_with("mod ") || after.starts_with("pub mod ") {
            return code[..at].to_owned();
        }
        from = at + 1;
    }
    code.to_owned()
}

/// A cycle in `graph`, as the modules along it with the first one again at the end; the
/// first found in name order, so that the message is the same on every run.
fn find_cycle<'a>(graph: &BTreeMap<&'a str, BTreeSet<&'a str>>) -> Option<Vec<&'a str>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        marks: &mut BTreeMap<&'a str, Mark>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = stack.iter().position(|n| *n == node)?;
                let mut cycle = stack[start..].to_vec();
                cycle.push(node);
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node, Mark::Open);
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, marks, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        marks.insert(node, Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut marks, &mut Vec::new()))
}

#[test]
fn paths_named_reads_use_trees_inline_paths_and_skips_comments_strings_and_tests() {
    let check = |source: &str, want: &[&str]| {
        assert_eq!(paths_named(source), want, "{source}");
    };
    check("use super::plan::Plan;", &["super::plan::Plan"]);
    check(
        "pub(crate) use super::{plan::{self, Plan}, week::add_days as add};",
        &[
            "super::plan::self",
            "super::plan::Plan",
            "super::week::add_days",
        ],
    );
    check(
        "use crate::core::{\n    edit::Edit,\n    plan::Plan,\n};",
        &["crate::core::edit::Edit", "crate::core::plan::Plan"],
    );
    check(
        "fn f() { super::day::check(d); let s = \"use super::x::Y;\"; }",
        &["super::day::check"],
    );
    check("// use super::a::B;\n/* super::c::D */ let c = '\"';", &[]);
    check(
        "use super::a::A;\n#[cfg(test)]\nmod tests {\n    use super::super::b::B;\n}",
        &["super::a::A"],
    );
    check("fn user() { reuse(); }", &[]);
}

#[test]
fn resolve_finds_the_sibling_a_path_names() {
    let core = ["core".to_owned()];
    let check = |path: &str, module: &[&str], want: Option<&[&str]>| {
        let module: Vec<String> = module.iter().map(|m| (*m).to_owned()).collect();
        let got = resolve(path, &module, &core);
        let want = want.map(|w| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        assert_eq!(got, want, "{path} in {module:?}");
    };
    check("super::plan::Plan", &["edit"], Some(&["plan", "Plan"]));
    check(
        "super::super::plan::Plan",
        &["replan", "push"],
        Some(&["plan", "Plan"]),
    );
    check(
        "super::Score",
        &["replan", "push"],
        Some(&["replan", "Score"]),
    );
    check(
        "crate::core::week::Week",
        &["replan"],
        Some(&["week", "Week"]),
    );
    check("crate::app::Command", &["plan"], None);
    check("super::super::app", &["plan"], None);
    check("std::fmt", &["plan"], None);
}

#[test]
fn find_cycle_names_the_modules_along_it() {
    let graph = |edges: &[(&'static str, &'static str)]| {
        let mut g: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry(a).or_default().insert(b);
            g.entry(b).or_default();
        }
        g
    };
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])),
        None
    );
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a", "b", "c", "a"])
    );
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "b")])),
        Some(vec!["b", "c", "b"])
    );
}
