//! Malformed inputs against the budget: every command of
//! `tests/core/malformed.rs` over the corpus of `tests/core/corpus.rs`,
//! each run's wall time and peak memory (the child's maximum resident set,
//! from `wait4`), against the target of 2 s and 300 MB. Run with `cargo
//! bench --bench malformed`; `BIA_CORPUS_SCALE=24` makes the huge cells
//! about the 0.95 GB first reported (default 5: about 200 MB).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../tests/core/corpus.rs"]
mod corpus;

const TIME: Duration = Duration::from_secs(2);
const MEMORY_MB: i64 = 300;

/// Runs `bia args`; its wall time and peak resident memory in MB.
fn measure(args: &[&str], cwd: &Path) -> (Duration, i64, Option<i32>) {
    let started = Instant::now();
    // Reaped by wait4 below, which also gives its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_bia"))
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for this child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    (started.elapsed(), usage.ru_maxrss / 1024, code)
}

/// One input of the corpus, as its generator listed it.
struct Entry {
    name: String,
    kind: corpus::Kind,
    path: PathBuf,
}

fn main() {
    let scale: usize = std::env::var("BIA_CORPUS_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    // The corpus is built in a child of this bench: its inputs are large on
    // purpose, and a child spawned from a process that once held them
    // inherits that peak as its own maximum resident set (Linux carries it
    // across the fork and exec), which would charge every run measured
    // below with the generator's memory.
    if let Ok(dir) = std::env::var("BIA_CORPUS_GENERATE_INTO") {
        for e in corpus::generate(Path::new(&dir), scale) {
            let kind = match e.kind {
                corpus::Kind::Assessment => "assessment",
                corpus::Kind::Workbook => "workbook",
            };
            println!("{kind}\t{}\t{}", e.name, e.path.display());
        }
        return;
    }
    let corpus = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let generating = Instant::now();
    let listed = Command::new(std::env::current_exe().unwrap())
        .env("BIA_CORPUS_GENERATE_INTO", corpus.path())
        .env("BIA_CORPUS_SCALE", scale.to_string())
        .stderr(Stdio::inherit())
        .output()
        .unwrap();
    assert!(listed.status.success(), "the corpus could not be generated");
    let entries: Vec<Entry> = String::from_utf8(listed.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let mut parts = line.splitn(3, '\t');
            let (kind, name, path) = (
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next().unwrap(),
            );
            Entry {
                kind: if kind == "assessment" {
                    corpus::Kind::Assessment
                } else {
                    corpus::Kind::Workbook
                },
                name: name.to_string(),
                path: PathBuf::from(path),
            }
        })
        .collect();
    println!(
        "{} kinds of malformed input (scale {scale}), generated in {:.1?}",
        entries.len(),
        generating.elapsed()
    );
    let finance = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/finance-bia-2024.csv"
    );
    let (mut worst_time, mut worst_memory) = ((Duration::ZERO, String::new()), (0, String::new()));
    let mut over = 0;
    for (i, e) in entries.iter().enumerate() {
        let f = e.path.display().to_string();
        let o = |name: &str| out.path().join(format!("{i}-{name}")).display().to_string();
        let (pack, png, rec, new) = (
            o("pack.xlsx"),
            o("heatmap.png"),
            o("recovered.bia"),
            o("new.bia"),
        );
        let runs: Vec<Vec<&str>> = match e.kind {
            corpus::Kind::Assessment => vec![
                vec!["dump", &f],
                vec!["analyze", &f],
                vec!["export", &f, "--out", &pack],
                vec!["chart", "heatmap", &f, "--out", &png],
                vec!["recover", &f, "--out", &rec],
                vec!["import", finance, "--into", &f, "--dry-run"],
            ],
            corpus::Kind::Workbook => vec![vec!["import", &f, "--into", &new, "--dry-run"]],
        };
        for args in runs {
            let (time, mb, code) = measure(&args, corpus.path());
            let flag = if time > TIME || mb > MEMORY_MB {
                over += 1;
                "  OVER BUDGET"
            } else {
                ""
            };
            let what = format!("{} — {}", e.name, args[0..args.len().min(2)].join(" "));
            println!("{what:<64} {time:>9.2?} {mb:>6} MB  exit {code:?}{flag}");
            if time > worst_time.0 {
                worst_time = (time, what.clone());
            }
            if mb > worst_memory.0 {
                worst_memory = (mb, what);
            }
        }
    }
    println!(
        "slowest: {:.2?} ({}); most memory: {} MB ({})",
        worst_time.0, worst_time.1, worst_memory.0, worst_memory.1
    );
    println!("{over} run(s) over the budget of {TIME:?} and {MEMORY_MB} MB");
}
