//! The window's imports go one way: theme, formatting, the typed-number field and the
//! plan's file on disk at the bottom; the view models (the week's view, a proposal, the
//! verdict's badge) above them; the ground and derived state (the document, what is
//! computed from it) above those; the components (cards, the block view and its chips,
//! panels, charts) above that; the
//! shell (`app/mod.rs`, the commands it runs, the layout, the windows, the workspace and the
//! file lifecycle) on top. A module only names modules of its own layer or below, and
//! no two modules name each other, directly or through others.
//!
//! The edges are read from the source: every `super::…` path outside a test module. The
//! shell's own message types (`Command` and friends, defined in `app/mod.rs`) may be named
//! from anywhere: that is how components talk to the shell without knowing it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, bottom first. A module not listed here is a component.
const BOTTOM: [&str; 4] = ["theme", "format", "field", "files"];
const VIEW_MODELS: [&str; 3] = ["badge", "week_view", "preview"];
const STATE: [&str; 2] = ["document", "derived"];
const SHELL: [&str; 12] = [
    "",
    "commands",
    "exporting",
    "import",
    "layout",
    "picture",
    "recent",
    "saving",
    "start",
    "week_actions",
    "windows",
    "workspace",
];
/// Pure computations that live beside the component drawing their result (plan in, values
/// out, no egui): the derived state calls them, so they count as view models.
const COMPUTATIONS: [&str; 2] = ["charts::series", "replan_panel::offers"];
/// What the shell defines for the components to use.
const SHELL_TYPES: [&str; 7] = [
    "Command",
    "FileCommand",
    "ImportCommand",
    "WeekCommand",
    "DragSession",
    "Purpose",
    "APP_ID",
];

fn layer(module: &str) -> usize {
    if BOTTOM.contains(&module) {
        0
    } else if VIEW_MODELS.contains(&module) {
        1
    } else if STATE.contains(&module) {
        2
    } else if SHELL.contains(&module) {
        4
    } else {
        3
    }
}

fn app_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app")
}

/// Every file of the window with its module path (`["charts", "acwr"]`; `[]` is `app`).
fn files(dir: &Path, path: &[String], found: &mut Vec<(Vec<String>, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/app is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry
            .file_stem()
            .and_then(|n| n.to_str())
            .expect("a file name")
            .to_owned();
        if entry.is_dir() {
            let mut sub = path.to_vec();
            sub.push(name);
            files(&entry, &sub, found);
        } else if entry.extension().is_some_and(|e| e == "rs") && name != "tests" {
            let mut module = path.to_vec();
            if name != "mod" {
                module.push(name);
            }
            found.push((module, entry));
        }
    }
}

/// The code of a file: without its test module (`super::` in there means something else)
/// and without comments (a doc link is not an import).
fn code(text: &str) -> String {
    let text = text
        .find("#[cfg(test)]\nmod tests")
        .map_or(text, |at| &text[..at]);
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths named after `super::` in `text`, each as its `super` count and its segments:
/// `use super::{Command, format}` gives `(1, ["Command"])` and `(1, ["format"])`.
fn super_paths(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(found_at) = text[from..].find("super::") {
        let at = from + found_at;
        from = at + "super::".len();
        // Only a path's start, not the second `super::` of `super::super::`.
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c == ':' || c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut tail = &text[at..];
        let mut ups = 0;
        while let Some(t) = tail.strip_prefix("super::") {
            ups += 1;
            tail = t;
        }
        if let Some(group) = tail.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let segments = segments(item.trim());
                if !segments.is_empty() {
                    found.push((ups, segments));
                }
            }
        } else {
            let segments = segments(tail);
            if !segments.is_empty() {
                found.push((ups, segments));
            }
        }
    }
    found
}

fn segments(path: &str) -> Vec<String> {
    let end = path
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(path.len());
    path[..end]
        .split("::")
        .filter(|s| !s.is_empty() && *s != "self")
        .map(str::to_owned)
        .collect()
}

/// The module a path names: the longest prefix that is a module of the window.
fn resolve(
    from: &[String],
    ups: usize,
    segments: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let base = from.get(..from.len().checked_sub(ups)?)?;
    let mut best = base.to_vec();
    let mut path = base.to_vec();
    for s in segments {
        path.push(s.clone());
        if modules.contains(&path) {
            best = path.clone();
        } else {
            break;
        }
    }
    Some(best)
}

/// Module → the modules it names (its own submodules aside).
fn edges() -> BTreeMap<Vec<String>, BTreeSet<(Vec<String>, String)>> {
    let mut found = Vec::new();
    files(&app_dir(), &[], &mut found);
    let modules: BTreeSet<Vec<String>> = found.iter().map(|(m, _)| m.clone()).collect();
    let mut edges = BTreeMap::new();
    for (module, file) in &found {
        let text = std::fs::read_to_string(file).expect("readable source");
        let mut to = BTreeSet::new();
        for (ups, segments) in super_paths(&code(&text)) {
            if let Some(target) = resolve(module, ups, &segments, &modules)
                && target != *module
                && !target.starts_with(module)
            {
                let item = segments.last().cloned().unwrap_or_default();
                to.insert((target, item));
            }
        }
        edges.insert(module.clone(), to);
    }
    edges
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "app".to_owned()
    } else {
        module.join("::")
    }
}

#[test]
fn the_window_imports_one_way() {
    let edges = edges();
    assert!(edges.len() > 20, "the window's files are found: {edges:?}");
    let mut wrong = Vec::new();
    for (from, targets) in &edges {
        let from_top = from.first().map_or("", String::as_str);
        for (to, item) in targets {
            let to_top = to.first().map_or("", String::as_str);
            if from_top == to_top {
                continue;
            }
            if to.is_empty() && SHELL_TYPES.contains(&item.as_str()) {
                continue;
            }
            let to_layer = if COMPUTATIONS.contains(&name(to).as_str()) {
                1
            } else {
                layer(to_top)
            };
            if to_layer > layer(from_top) {
                wrong.push(format!("{} names {} ({item})", name(from), name(to)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that go up a layer:\n{}",
        wrong.join("\n")
    );
}

/// The first cycle in `graph`, if any, as the names along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, done, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

#[test]
fn the_window_has_no_import_cycle() {
    let edges = edges();
    // Between the window's modules (a folder counts as one), without the shell's message
    // types; and between the files of one folder.
    let mut modules: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut siblings: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, targets) in &edges {
        let from_top = from.first().cloned().unwrap_or_default();
        modules.entry(from_top.clone()).or_default();
        for (to, item) in targets {
            if to.is_empty() && SHELL_TYPES.contains(&item.as_str()) {
                continue;
            }
            let to_top = to.first().cloned().unwrap_or_default();
            if to_top != from_top {
                modules.entry(from_top.clone()).or_default().insert(to_top);
            } else if from.len() == 2 && to.len() == 2 {
                siblings.entry(name(from)).or_default().insert(name(to));
            }
        }
    }
    if let Some(cycle) = cycle(&modules) {
        panic!(
            "an import cycle between the window's modules: {}",
            cycle.join(" → ")
        );
    }
    if let Some(cycle) = cycle(&siblings) {
        panic!("an import cycle inside a folder: {}", cycle.join(" → "));
    }
}

/// The edges, for a reader who wants to see them: `cargo test --test ui_layers -- --nocapture`.
#[test]
fn list_the_edges() {
    for (from, targets) in edges() {
        let to: BTreeSet<String> = targets
            .iter()
            .filter(|(m, item)| !(m.is_empty() && SHELL_TYPES.contains(&item.as_str())))
            .map(|(m, _)| name(m))
            .collect();
        if !to.is_empty() {
            println!(
                "{} → {}",
                name(&from),
                to.into_iter().collect::<Vec<_>>().join(", ")
            );
        }
    }
}

#[test]
fn super_paths_are_read_as_written() {
    let text = "use super::{Command, format};\nuse super::super::theme::{self, Tone};\n\
                let x = super::badge::badge(&a);\nuse super::*;";
    assert_eq!(
        super_paths(text),
        [
            (1, vec!["Command".to_owned()]),
            (1, vec!["format".to_owned()]),
            (2, vec!["theme".to_owned()]),
            (1, vec!["badge".to_owned(), "badge".to_owned()]),
        ]
    );
}
