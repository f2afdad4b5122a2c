//! Store benchmark: what a facilitator waits for. Creating the demo, a
//! journaled edit (each one a durable transaction), loading a large
//! assessment, undoing, and opening a large file (which reads back every
//! page and the content before anything else, beside what SQLite's two
//! checks cost alone), and a journaled edit as the journal grows
//! (on a fresh file, after 2,000 and after 10,000 earlier edits, with the
//! file's size and the journal's share of it). Run with
//! `cargo bench --bench store`. Prints one line per measurement: median and
//! worst of the repetitions.

mod common;

use std::time::{Duration, Instant};

use bia::Store;
use bia::model::{CustomField, ProcessInput, Provenance};

fn measure(name: &str, reps: usize, mut f: impl FnMut()) {
    let mut times: Vec<Duration> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{name:<48} median {:>9.2?}  worst {:>9.2?}  ({reps} runs)",
        times[reps / 2],
        times[reps - 1]
    );
}

/// A closed file's size and the undo journal's share of it.
fn print_file(name: &str, path: &std::path::Path) {
    let (size, share) = common::journal_share(path);
    println!(
        "{name:<48} {:>6.2} MB, journal {:>4.1} %",
        size as f64 / 1e6,
        share * 100.0
    );
}

fn process(i: usize) -> ProcessInput {
    ProcessInput {
        name: format!("Process {i:05} — order handling for region {}", i % 40).into(),
        owner: format!("Owner {}", i % 97),
        description:
            "Receive, validate and release customer orders to the warehouse management system."
                .into(),
        peak_periods: "Month end; November to December".into(),
        minimum_staff: Some((i % 12) as u32 + 1),
        custom_fields: vec![
            CustomField {
                name: "Site".into(),
                value: format!("Site {}", i % 9),
            },
            CustomField {
                name: "Legacy ID".into(),
                value: format!("BIA-{i:06}"),
            },
        ],
        ..Default::default()
    }
}

/// The same small edit (a process's notes) on a fresh file, then after
/// 2,000 and 10,000 earlier edits: what a long workshop does to the next
/// edit, and to the file.
fn journal_growth(dir: &std::path::Path) {
    let path = dir.join("journal.bia");
    let info = bia::model::AssessmentInput {
        name: "Long workshop".into(),
        ..Default::default()
    };
    let mut store = Store::create(&path, &info, bia::model::Currency::fallback()).unwrap();
    let mut inputs: Vec<ProcessInput> = (0..20).map(process).collect();
    let ids: Vec<_> = inputs
        .iter()
        .map(|p| {
            store
                .create_process_in("Operations", p, &Provenance::Workshop)
                .unwrap()
                .id
        })
        .collect();
    let mut done = ids.len();
    let mut edit = |store: &mut Store| {
        done += 1;
        let k = done % ids.len();
        inputs[k].notes = format!("Reviewed in session {done}.");
        store.update_process(ids[k], &inputs[k]).unwrap();
        done
    };
    for earlier in [0, 2_000, 10_000] {
        while edit(&mut store) < earlier {}
        measure(
            &format!("journaled edit after {earlier} earlier edits"),
            200,
            || {
                edit(&mut store);
            },
        );
        store.close().unwrap();
        print_file("  the file, closed", &path);
        store = Store::open(&path).unwrap();
    }
    store.close().unwrap();
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");

    let mut n = 0;
    measure("create the demo assessment (25 processes)", 10, || {
        n += 1;
        let store = bia::demo::create(&dir.path().join(format!("demo{n}.bia"))).unwrap();
        store.close().unwrap();
    });

    let big = dir.path().join("big.bia");
    let mut store = Store::create(
        &big,
        &bia::model::AssessmentInput {
            name: "Large".into(),
            ..Default::default()
        },
        bia::model::Currency::fallback(),
    )
    .unwrap();
    let t = Instant::now();
    for i in 0..2_000 {
        store
            .create_process_in(
                &format!("Unit {}", i % 30),
                &process(i),
                &Provenance::Workshop,
            )
            .unwrap();
    }
    println!(
        "{:<48} {:>9.2?} per edit (2,000 edits)",
        "add a process (journaled, synchronous=FULL)",
        t.elapsed() / 2_000
    );

    measure("load 2,000 processes with custom fields", 10, || {
        assert_eq!(store.load().unwrap().processes.len(), 2_000);
    });
    measure("undo + redo of one edit", 20, || {
        store.undo().unwrap();
        store.redo().unwrap();
    });
    let p = store.processes().unwrap().remove(0);
    let mut input = process(0);
    measure("edit a process (rename, with check)", 20, || {
        input.notes.push('.');
        store.update_process(p.id, &input).unwrap();
    });
    store.close().unwrap();
    print_file("  the file of 2,000 processes, closed", &big);
    let size = std::fs::metadata(&big).unwrap().len();
    measure(
        &format!(
            "open a {:.1} MB file (integrity check) + close",
            size as f64 / 1e6
        ),
        10,
        || {
            Store::open(&big).unwrap().close().unwrap();
        },
    );
    // What the two checks SQLite offers cost on the same file: opening
    // runs quick_check (every page read back, no index compared with its
    // table) and then reads the content as the app does; integrity_check
    // also compares every index, and is what a backup is checked with.
    for pragma in ["quick_check", "integrity_check"] {
        let conn = rusqlite::Connection::open(&big).unwrap();
        measure(&format!("  PRAGMA {pragma} alone"), 10, || {
            let said: String = conn
                .query_row(&format!("PRAGMA {pragma}(1)"), [], |r| r.get(0))
                .unwrap();
            assert_eq!(said, "ok");
        });
    }

    journal_growth(dir.path());
}
