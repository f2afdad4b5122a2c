//! Merge benchmark: the 10,000-process reference assessment
//! (`BIA_REFERENCE`, made by `cargo bench --bench import` with
//! `BIA_BENCH_KEEP`; the demo when unset) handed out as a copy, 1,000
//! edits made on each side (objectives, descriptions, owners and scores of
//! different processes, 20 of them the same field changed differently on
//! both sides), and the copy merged back: the preview (a dry run) and the
//! merge itself, with the parts that make up its time; then the same copy
//! merged like an import (as a file with no fork point in common is).
//!
//! Run with `BIA_REFERENCE=…/reference.bia cargo bench --bench merge`.

use std::path::Path;
use std::time::Instant;

use bia::Workbench;
use bia::model::{Process, ScoreInput};

const EDITS: usize = 1_000;
const BOTH: usize = 20;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reference.bia");
    let mut mine = match std::env::var_os("BIA_REFERENCE") {
        Some(reference) => {
            std::fs::copy(Path::new(&reference), &file).unwrap();
            Workbench::open(&file).unwrap()
        }
        None => {
            eprintln!("BIA_REFERENCE is not set: timing the demo instead");
            Workbench::create_demo(&file).unwrap()
        }
    };
    let copy = dir.path().join("copy.bia");
    let t = Instant::now();
    mine.give_copy(&copy, "Priya Raman").unwrap();
    println!(
        "give a copy ({} MB): {:.2} s",
        std::fs::metadata(&copy).unwrap().len() / 1_000_000,
        t.elapsed().as_secs_f64()
    );
    let processes: Vec<Process> = mine
        .processes()
        .unwrap()
        .into_iter()
        .filter(|p| p.status != bia::model::Status::Approved)
        .collect();
    let n = processes.len();
    assert!(n >= 2, "too few processes to edit");
    let mut theirs = Workbench::open(&copy).unwrap();
    let t = Instant::now();
    edit(&mut theirs, &processes, 0, "Felixstowe");
    let there = t.elapsed();
    let t = Instant::now();
    // Here the first BOTH edits touch the processes the copy edited last.
    edit(&mut mine, &processes, EDITS - BOTH, "Head office");
    println!(
        "{EDITS} edits on each side: {:.1} s in the copy, {:.1} s here ({} processes to edit)",
        there.as_secs_f64(),
        t.elapsed().as_secs_f64(),
        n
    );
    theirs.close().unwrap();

    let t = Instant::now();
    let read = bia::Store::open_to_read(&copy).unwrap();
    let opened = t.elapsed();
    let t = Instant::now();
    read.check().unwrap();
    let checked = t.elapsed();
    drop(read);

    let t = Instant::now();
    let preview = mine.merge_copy(&copy, None, true).unwrap();
    let dry = t.elapsed();
    let t = Instant::now();
    let report = mine.merge_copy(&copy, None, false).unwrap();
    let merged = t.elapsed();
    println!(
        "preview: {:.2} s; merge: {:.2} s ({} changes applied, {} conflicts, {} log entries)",
        dry.as_secs_f64(),
        merged.as_secs_f64(),
        report.applied.len(),
        report.conflicts.len(),
        report.decisions_added
    );
    assert_eq!(preview.applied.len(), report.applied.len());
    let plan = dry.as_secs_f64();
    println!(
        "  of which: opening the copy {:.2} s; planning it (the dry run, run first to skip the \
         backup when nothing is new) {plan:.2} s, the merge as much again, and the backup of \
         the file before it about {:.2} s. Checking every page of the copy first, which the merge \
         leaves to the moment a read fails, would add {:.2} s",
        opened.as_secs_f64(),
        (merged.as_secs_f64() - 2.0 * plan).max(0.0),
        checked.as_secs_f64()
    );
    let t = Instant::now();
    let again = mine.merge_copy(&copy, None, false).unwrap();
    println!(
        "merging the same copy again: {:.2} s ({} changes)",
        t.elapsed().as_secs_f64(),
        again.applied.len()
    );
    let t = Instant::now();
    mine.undo().unwrap();
    println!("undo of the merge: {:.2} s", t.elapsed().as_secs_f64());

    // The same copy taken in like an import, as a file with no fork point
    // in common is (File ▸ Import…): every row of it matched with one here.
    let t = Instant::now();
    let preview = mine.import_assessment(&copy, true).unwrap();
    let dry = t.elapsed();
    let t = Instant::now();
    let report = mine.import_assessment(&copy, false).unwrap();
    println!(
        "merging the copy like an import (every row matched by id, then name): preview {:.2} s, \
         merge {:.2} s with its backup ({} fields filled or rows added, {} conflicts)",
        dry.as_secs_f64(),
        t.elapsed().as_secs_f64(),
        report.applied.len(),
        report.conflicts.len()
    );
    assert_eq!(preview.conflicts.len(), report.conflicts.len());
}

/// EDITS edits on the processes from `start` on: an RTO, a description,
/// an owner or a score, in turn.
fn edit(wb: &mut Workbench, processes: &[Process], start: usize, tag: &str) {
    let m = wb.methodology().unwrap();
    for i in 0..EDITS {
        let p = &processes[(start + i) % processes.len()];
        match i % 4 {
            0 => {
                let mut input = wb
                    .objectives(p.id)
                    .unwrap()
                    .map(|o| o.to_input())
                    .unwrap_or_default();
                input.rto = format!("{} h", 1 + i % 48);
                input.rationale = format!("{tag} workshop");
                let _ = wb.agree_objectives(p.id, &input);
            }
            1 => {
                let mut input = p.to_input();
                input.description = format!("{tag}: reviewed in workshop {i}");
                let _ = wb.update_process(p.id, &input);
            }
            2 => {
                let mut input = p.to_input();
                input.owner = format!("{tag} owner {}", i % 7);
                let _ = wb.update_process(p.id, &input);
            }
            _ => {
                let c = &m.categories[i % m.categories.len()];
                let h = &m.horizons[i % m.horizons.len()];
                let _ = wb.set_scores(
                    p.id,
                    &[ScoreInput {
                        category_id: c.id,
                        horizon_id: h.id,
                        severity: Some((1 + i % 5) as u8),
                        note: None,
                    }],
                );
            }
        }
    }
}
