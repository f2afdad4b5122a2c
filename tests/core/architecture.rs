//! The shape of the code, checked: what the compiler cannot hold between
//! crates, this holds inside them.
//!
//! - No module imports a sibling that imports it back, directly or round
//!   a longer loop, in any crate of the core, the CLI or the desktop shell
//!   (a reference is `crate::a::…` or `super::a::…`; a parent and its own
//!   children may use each other).
//! - The desktop shell and the CLI work through the application layer
//!   (`bia::Workbench` and the `bia::` functions), never the store.
//!
//! Crate boundaries themselves (`store` using neither `analysis` nor
//! `excel`, `excel` never opening a store) are held by Cargo: those crates
//! do not list each other as dependencies, so such a `use` cannot compile.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The module path of a file under a crate's `src`: `import/plan/mod.rs`
/// is `["import", "plan"]`; `lib.rs` and `main.rs` are the root.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a file without comments and without its `#[cfg(test)]` part.
fn code(text: &str) -> String {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or("");
    before_tests
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file refers to through `crate::` and `super::`.
fn references(module: &[String], text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        let (base, after) = if boundary && rest.starts_with("crate::") {
            (Vec::new(), &rest["crate::".len()..])
        } else if boundary && rest.starts_with("super::") {
            let mut after = rest;
            let mut ups = 0;
            while let Some(r) = after.strip_prefix("super::") {
                after = r;
                ups += 1;
            }
            let keep = module.len().saturating_sub(ups);
            (module[..keep].to_vec(), after)
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let consumed = rest.len() - after.len();
        if let Some(list) = after.strip_prefix('{') {
            // use super::{a, b::c}
            let inner = list.split('}').next().unwrap_or("");
            for item in inner.split(',') {
                let name = ident(item.trim());
                if !name.is_empty() {
                    out.push([base.clone(), vec![name]].concat());
                }
            }
        } else {
            let mut path = base;
            let mut tail = after;
            loop {
                let name = ident(tail);
                if name.is_empty() {
                    break;
                }
                path.push(name.clone());
                match tail[name.len()..].strip_prefix("::") {
                    Some(t) => tail = t,
                    None => break,
                }
            }
            out.push(path);
        }
        i += consumed.max(1);
    }
    out
}

/// Edges between sibling modules of the crate whose sources are in `src`.
fn sibling_edges(src: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let files = rust_files(src);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(src, f)).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let from = module_of(src, file);
        let text = std::fs::read_to_string(file).unwrap();
        for mut to in references(&from, &code(&text)) {
            while !to.is_empty() && !modules.contains(&to) {
                to.pop();
            }
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common >= from.len() || common >= to.len() {
                continue; // a module and its ancestor or descendant
            }
            edges
                .entry(from[..=common].to_vec())
                .or_default()
                .insert(to[..=common].to_vec());
        }
    }
    edges
}

/// A loop of sibling modules, if there is one.
fn find_cycle(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<String>> {
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        path: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle: Vec<String> = path[start..].iter().map(|m| m.join("::")).collect();
            cycle.push(node.join("::"));
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(c) = visit(node, edges, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let crates = [
        "crates/model/src",
        "crates/analysis/src",
        "crates/store/src",
        "crates/chart/src",
        "crates/excel/src",
        "src",
        "src-tauri/src",
    ];
    for dir in crates {
        let edges = sibling_edges(&root().join(dir));
        assert!(
            !edges.is_empty() || dir.contains("model") || dir.contains("analysis"),
            "{dir}: no references found at all; the scan is broken"
        );
        if let Some(cycle) = find_cycle(&edges) {
            panic!(
                "{dir}: modules import each other in a loop: {}",
                cycle.join(" → ")
            );
        }
    }
}

#[test]
fn the_scan_finds_a_loop_when_there_is_one() {
    let mut edges = BTreeMap::new();
    let m = |s: &str| vec![s.to_string()];
    edges.insert(m("grid"), BTreeSet::from([m("read")]));
    edges.insert(m("read"), BTreeSet::from([m("grid")]));
    assert_eq!(find_cycle(&edges).unwrap(), ["grid", "read", "grid"]);
    let refs = references(
        &["import".to_string(), "grid".to_string()],
        "use super::{read, table::Table}; let x = crate::layout::SHEETS;",
    );
    assert!(refs.contains(&vec!["import".to_string(), "read".to_string()]));
    assert!(refs.contains(&vec!["layout".to_string(), "SHEETS".to_string()]));
}

#[test]
fn the_shell_and_the_cli_go_through_the_application_layer() {
    let mut offenders = Vec::new();
    for dir in ["src-tauri/src", "src/cli"] {
        for file in rust_files(&root().join(dir)) {
            let text = code(&std::fs::read_to_string(&file).unwrap());
            for (n, line) in text.lines().enumerate() {
                let uses_store = line.contains("Store::")
                    || line.contains("bia::Store")
                    || line.contains("&Store")
                    || (line.contains("bia::store::") && !line.contains("bia::store::Error"));
                if uses_store {
                    offenders.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "the shell and the CLI call bia::Workbench, not the store:\n{}",
        offenders.join("\n")
    );
}
