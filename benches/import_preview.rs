//! The desktop's import preview of the reference workbook (10,000
//! processes × 72 columns, the import benchmark's): what crosses from the
//! shell to the webview when the plan is ready — before, the whole plan
//! (560,000 planned scores with it); now, its summary and then pages of
//! 100 rows — in bytes of JSON, as Tauri sends a command's answer, and the
//! time to make each. Fails if the summary is not small.
//! Run with `cargo bench --bench import_preview` (or, for the sizes, which
//! do not depend on the build, `cargo test --bench import_preview`).

mod common;

use std::time::{Duration, Instant};

use bia::excel::import::{Limits, List, Mapping, read_and_plan};
use bia::model::Assessment;
use common::wide::generate;

const PROCESSES: u32 = 10_000;

/// The most the summary may weigh, whatever the workbook's length.
const SUMMARY_LIMIT: usize = 256 * 1024;

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.xlsx");
    generate(&path, PROCESSES);
    let current = Assessment::fresh("2026-01-01T00:00:00Z");
    let (plan_time, (_, plan)) =
        timed(|| read_and_plan(&path, &Limits::default(), &current, &Mapping::default()).unwrap());
    let mut plan = plan.unwrap();
    println!(
        "read and planned {} processes, {} scores in {plan_time:.2?}",
        plan.processes.len(),
        plan.counts.scores
    );

    let (whole_time, whole) = timed(|| serde_json::to_vec(&plan).unwrap());
    println!(
        "before: the whole plan as JSON            {:>12} bytes  in {whole_time:>9.2?}",
        whole.len()
    );
    let (summary_time, summary) = timed(|| serde_json::to_vec(&plan.summary()).unwrap());
    println!(
        "now:    the summary (first 50 of each list) {:>10} bytes  in {summary_time:>9.2?}",
        summary.len()
    );
    for (list, offset) in [
        (List::Processes, 5_000),
        (List::Dependencies, 5_000),
        (List::Issues, 0),
    ] {
        let (t, page) = timed(|| serde_json::to_vec(&plan.page(list, offset, 100, None)).unwrap());
        println!(
            "        a page of 100 {:<20} {:>10} bytes  in {t:>9.2?}",
            format!("{list:?} at {offset}"),
            page.len()
        );
    }
    let (t, found) = timed(|| {
        serde_json::to_vec(&plan.page(List::Processes, 0, 100, Some("Department 7"))).unwrap()
    });
    println!(
        "        a search of the processes         {:>10} bytes  in {t:>9.2?}",
        found.len()
    );
    println!(
        "the summary is {:.1}% of the whole plan ({:.0}× smaller)",
        100.0 * summary.len() as f64 / whole.len() as f64,
        whole.len() as f64 / summary.len() as f64
    );
    assert!(
        summary.len() <= SUMMARY_LIMIT,
        "the summary of {PROCESSES} processes must stay small: {} bytes",
        summary.len()
    );
}
