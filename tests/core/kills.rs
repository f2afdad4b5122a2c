//! The machine killed at random moments while the program writes: an
//! edit, an import, an export. After every kill the assessment opens,
//! passes SQLite's integrity check, holds every edit that was committed
//! before, and holds the interrupted one whole or not at all; the export
//! is a whole workbook or nothing. (Creating a file killed half way is in
//! `files.rs`.)

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bia::Workbench;

use super::cli::bia;
use super::{demo_store, temp_dir};

/// Starts `bia args` and kills it after `after`; true if it had finished by then.
fn killed_after(args: &[&str], cwd: &Path, after: Duration) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bia"))
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let finished = child.try_wait().unwrap().is_some();
    let _ = child.kill();
    let _ = child.wait();
    finished
}

/// How long `bia args` takes when left alone.
fn whole_run(args: &[&str], cwd: &Path) -> Duration {
    let t = Instant::now();
    let out = bia(args, cwd);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.elapsed()
}

fn integrity(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

fn names(path: &Path) -> Vec<String> {
    let wb = Workbench::open(path).unwrap();
    let names = wb
        .processes()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    wb.close().unwrap();
    names
}

#[test]
fn an_edit_or_an_import_killed_at_any_moment_loses_nothing_committed_and_is_whole_or_absent() {
    let dir = temp_dir();
    let (store, path) = demo_store(&dir);
    store.close().unwrap();
    // A register of 1,500 processes, so an import takes long enough to be killed inside.
    let mut csv = String::from("Process,Owner,RTO,Key Systems\n");
    for i in 0..1500 {
        csv.push_str(&format!(
            "Depot task {i:04},Depot lead {},{} h,Depot system {}\n",
            i % 30,
            1 + i % 48,
            i % 40
        ));
    }
    fs::write(dir.path().join("depots.csv"), csv).unwrap();
    let file = path.to_str().unwrap();

    // Measured on a copy, so the real one sees only killed runs.
    let probe = dir.path().join("probe.bia");
    fs::copy(&path, &probe).unwrap();
    let import_time = whole_run(
        &["import", "depots.csv", "--into", probe.to_str().unwrap()],
        dir.path(),
    );
    fs::remove_file(&probe).unwrap();

    let mut committed: Vec<String> = names(&path);
    for i in 0..24u32 {
        if i % 2 == 0 {
            // An edit: a process added, killed somewhere in its run.
            let name = format!("Night shift handover {i}");
            let done = killed_after(
                &[
                    "process",
                    "add",
                    file,
                    "--name",
                    &name,
                    "--unit",
                    "Warehouse Operations",
                ],
                dir.path(),
                Duration::from_millis(u64::from(i) * 7),
            );
            integrity(&path);
            let now = names(&path);
            for earlier in &committed {
                assert!(
                    now.contains(earlier),
                    "run {i}: {earlier} was committed and is gone"
                );
            }
            if done {
                assert!(now.contains(&name), "run {i}: finished, so it is there");
            }
            committed = now;
        } else {
            // An import into the file, killed between its start and its end.
            let after = import_time * i / 24;
            let done = killed_after(&["import", "depots.csv", "--into", file], dir.path(), after);
            integrity(&path);
            let now = names(&path);
            for earlier in &committed {
                assert!(
                    now.contains(earlier),
                    "run {i}: {earlier} was committed and is gone"
                );
            }
            let imported = now.iter().filter(|n| n.starts_with("Depot task")).count();
            assert!(
                imported == 0 || imported == 1500,
                "run {i}: {imported} of 1,500: an import is whole or absent"
            );
            if done {
                assert_eq!(imported, 1500, "run {i}: finished, so it is there");
            }
            if imported == 1500 {
                // Undone, for the next run to import again.
                let mut wb = Workbench::open(&path).unwrap();
                wb.undo().unwrap();
                wb.close().unwrap();
                committed = names(&path);
            } else {
                committed = now;
            }
        }
    }
}

#[test]
fn an_export_killed_at_any_moment_leaves_a_whole_workbook_or_none() {
    let dir = temp_dir();
    let (store, path) = demo_store(&dir);
    store.close().unwrap();
    let file = path.to_str().unwrap();
    let time = whole_run(&["export", file, "--out", "probe.xlsx"], dir.path());
    let whole = fs::read(dir.path().join("probe.xlsx")).unwrap().len();
    assert!(whole > 0);
    let before = fs::read(&path).unwrap();
    for i in 0..10u32 {
        let out = dir.path().join(format!("pack-{i}.xlsx"));
        killed_after(
            &["export", file, "--out", out.to_str().unwrap()],
            dir.path(),
            time * i / 10,
        );
        if out.exists() {
            let workbook = calamine::open_workbook_auto(&out);
            assert!(
                workbook.is_ok(),
                "run {i}: a workbook at the name opens whole"
            );
        }
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "an export only reads the assessment"
        );
    }
}
