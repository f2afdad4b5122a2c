//! Questionnaire benchmark: the annual round of the 10,000-process
//! reference assessment (`BIA_REFERENCE`, made by `cargo bench --bench
//! import` with `BIA_BENCH_KEEP`; the demo when unset). Times sending one
//! owner's workbook, reviewing it as returned, receiving it (backup and one
//! edit), and sending the whole round, one workbook per owner.
//!
//! Run with `BIA_REFERENCE=…/reference.bia cargo bench --bench questionnaire`.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use bia::Workbench;
use bia::model::{Acceptance, Recipients, SendInput};

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reference.bia");
    let mut wb = match std::env::var_os("BIA_REFERENCE") {
        Some(reference) => {
            std::fs::copy(Path::new(&reference), &file).unwrap();
            Workbench::open(&file).unwrap()
        }
        None => {
            eprintln!("BIA_REFERENCE is not set: timing the demo instead");
            Workbench::create_demo(&file).unwrap()
        }
    };
    let processes = wb.processes().unwrap();
    let mut owners: HashMap<String, Vec<bia::model::Id>> = HashMap::new();
    for p in processes.iter().filter(|p| !p.owner.is_empty()) {
        owners.entry(p.owner.clone()).or_default().push(p.id);
    }
    let (owner, ids) = owners
        .iter()
        .max_by_key(|(o, ids)| (ids.len(), o.as_str()))
        .map(|(o, ids)| (o.clone(), ids.clone()))
        .expect("processes with owners");
    println!(
        "{} processes, {} owners; the busiest, {owner}, owns {}",
        processes.len(),
        owners.len(),
        ids.len()
    );

    let out = dir.path().join("one");
    let t = Instant::now();
    let sent = wb
        .send_questionnaires(
            &SendInput {
                processes: ids.clone(),
                recipients: Recipients::Owner,
                ..SendInput::default()
            },
            &out,
        )
        .unwrap();
    let one = t.elapsed();
    let path = std::path::PathBuf::from(&sent[0].path);
    let size = std::fs::metadata(&path).unwrap().len();
    println!(
        "{:<52} {:>9.2?} ({} kB)",
        format!("send {owner}'s workbook ({} processes)", ids.len()),
        one,
        size / 1024
    );
    let t = Instant::now();
    let read = bia::excel::import::read_questionnaire(&path).unwrap();
    println!(
        "{:<52} {:>9.2?}",
        "read it back (every answer cell)",
        t.elapsed()
    );
    let cells: usize = read.processes.iter().map(|p| p.answers.len()).sum();
    let t = Instant::now();
    let review = wb.review_questionnaire(&path).unwrap();
    println!(
        "{:<52} {:>9.2?} ({cells} answer cells, {} unchanged)",
        "review the return (read, compare three ways)",
        t.elapsed(),
        review.unchanged
    );
    let t = Instant::now();
    wb.receive_questionnaire(&path, &Acceptance::All, None)
        .unwrap();
    println!(
        "{:<52} {:>9.2?}",
        "receive it (backup, one edit)",
        t.elapsed()
    );

    let all: Vec<bia::model::Id> = owners.values().flatten().copied().collect();
    let out = dir.path().join("round");
    let t = Instant::now();
    let sent = wb
        .send_questionnaires(
            &SendInput {
                processes: all.clone(),
                recipients: Recipients::Owner,
                ..SendInput::default()
            },
            &out,
        )
        .unwrap();
    let round = t.elapsed();
    println!(
        "{:<52} {:>9.2?} ({:.1} ms a workbook)",
        format!(
            "send the whole round ({} workbooks, {} processes)",
            sent.len(),
            all.len()
        ),
        round,
        round.as_secs_f64() * 1000.0 / sent.len() as f64
    );
    let t = Instant::now();
    let listed = wb.questionnaires().unwrap();
    println!(
        "{:<52} {:>9.2?}",
        format!("list the questionnaires ({})", listed.len()),
        t.elapsed()
    );
}
