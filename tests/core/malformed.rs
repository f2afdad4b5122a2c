//! Every command over the malformed-input corpus (`corpus.rs`): each answers
//! with exit code 0, 1 or 2 (never a panic, a signal or a hang), a refusal
//! is one line naming the file, a read writes nothing anywhere, and a
//! refused write changes nothing. Time and memory against the budget are
//! measured by `cargo bench --bench malformed`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use super::corpus::{Entry, Kind, generate};
use super::temp_dir;

const FINANCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/finance-bia-2024.csv"
);
/// Longer than any command should take, by far: beyond it, it hangs.
const HANG: Duration = Duration::from_secs(60);

/// Every file in `dir`: its size and when it changed (what a write shows).
fn state(dir: &Path) -> BTreeMap<String, (u64, Option<SystemTime>)> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| {
            let meta = fs::symlink_metadata(e.path()).unwrap();
            let size = if meta.is_file() { meta.len() } else { 0 };
            (
                e.file_name().to_string_lossy().into_owned(),
                (size, meta.modified().ok()),
            )
        })
        .collect()
}

struct Run {
    code: Option<i32>,
    stderr: String,
}

fn run(args: &[String], cwd: &Path) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bia"))
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
            return Run {
                code: status.code(),
                stderr,
            };
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            panic!("bia {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The commands each kind of input is given to, with whether they write
/// the input (`true`) and the output they may create.
fn commands(entry: &Entry, out: &Path, i: usize) -> Vec<(Vec<String>, bool)> {
    let f = entry.path.display().to_string();
    let o = |name: &str| out.join(format!("{i}-{name}")).display().to_string();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    match entry.kind {
        Kind::Assessment => vec![
            (s(&["dump", &f]), false),
            (s(&["analyze", &f]), false),
            (s(&["process", "list", &f]), false),
            (s(&["export", &f, "--out", &o("pack.xlsx")]), false),
            (
                s(&["chart", "heatmap", &f, "--out", &o("heatmap.png")]),
                false,
            ),
            (s(&["recover", &f, "--out", &o("recovered.bia")]), false),
            (
                s(&[
                    "process",
                    "add",
                    &f,
                    "--name",
                    "Yard management",
                    "--unit",
                    "Operations",
                ]),
                true,
            ),
            (s(&["import", FINANCE, "--into", &f]), true),
        ],
        Kind::Workbook => vec![
            (
                s(&["import", &f, "--into", &o("new.bia"), "--dry-run"]),
                false,
            ),
            (s(&["import", &f, "--into", &o("new.bia")]), false),
        ],
    }
}

#[test]
fn every_command_over_the_malformed_corpus_answers_clearly_and_writes_nothing_it_should_not() {
    let corpus = temp_dir();
    let outputs = temp_dir();
    let entries = generate(corpus.path(), 1);
    assert!(entries.len() >= 30, "{} kinds", entries.len());
    let mut problems = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        for (args, writes) in commands(entry, outputs.path(), i) {
            let before = state(corpus.path());
            let out_before = state(outputs.path());
            let r = run(&args, corpus.path());
            let what = format!("{} — bia {}", entry.name, args.join(" "));
            let file = entry
                .path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            match r.code {
                Some(0) => {}
                Some(1 | 2) => {
                    let lines: Vec<&str> = r.stderr.trim().lines().collect();
                    if lines.len() != 1 {
                        problems.push(format!(
                            "{what}: {} lines on stderr: {}",
                            lines.len(),
                            r.stderr
                        ));
                    } else if !lines[0].contains(&file) {
                        problems.push(format!(
                            "{what}: the message does not name {file}: {}",
                            lines[0]
                        ));
                    }
                    if state(outputs.path()) != out_before {
                        problems.push(format!("{what}: refused, but wrote an output"));
                    }
                }
                other => problems.push(format!("{what}: exit {other:?}: {}", r.stderr)),
            }
            let changed = state(corpus.path()) != before;
            if changed && !(writes && r.code == Some(0)) {
                problems.push(format!(
                    "{what}: changed the files beside the input (exit {:?})",
                    r.code
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
