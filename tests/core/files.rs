//! Files that never let a consultant down, tried as a hostile tester
//! would: two imports in one second, a machine killed while a file is
//! made, a byte flipped inside the content, an older file only read, a
//! colleague's read-only copy, a pipe named like an assessment, what
//! crashes leave behind, a link to a missing file.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bia::Workbench;
use bia::excel::import::{Limits, Mapping};
use bia::import::{Options, import_workbook};
use bia::store::{ReadOnly, Store};

use super::cli::bia;
use super::{demo_store, temp_dir};

const FINANCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/finance-bia-2024.csv"
);

/// Every file in `dir`, by name, with its bytes.
fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    files.sort();
    files
}

fn names(dir: &Path) -> Vec<String> {
    listing(dir).into_iter().map(|(n, _)| n).collect()
}

fn import_into(workbook: &Path, into: &Path) -> bia::import::Report {
    let options = Options {
        into: into.to_path_buf(),
        mapping: Mapping::default(),
        limits: Limits::default(),
        dry_run: false,
        currency: bia::model::Currency::fallback(),
    };
    import_workbook(workbook, &options, &mut |_| true).expect("the import runs")
}

fn process_count(path: &Path) -> usize {
    Store::open_to_read(path)
        .unwrap()
        .processes()
        .unwrap()
        .len()
}

#[test]
fn two_imports_in_the_same_second_keep_both_backups_each_whole() {
    let dir = temp_dir();
    let (store, path) = demo_store(&dir);
    store.close().unwrap();
    let other = dir.path().join("Payroll BIA.csv");
    fs::write(
        &other,
        "Process,Owner,RTO\nPayroll run,Priya Raman,4 h\nPension returns,Priya Raman,1 w\n",
    )
    .unwrap();

    let first = import_into(Path::new(FINANCE), &path);
    let second = import_into(&other, &path);
    let (a, b) = (
        PathBuf::from(&first.applied.unwrap().backup),
        PathBuf::from(&second.applied.unwrap().backup),
    );
    assert_ne!(a, b, "each import has its own backup");
    // The state before each import, whole: the demo's 25, then those and Finance's 4.
    assert_eq!(process_count(&a), 25);
    assert_eq!(process_count(&b), 29);
    assert_eq!(process_count(&path), 31);
    let backups: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| n.contains("before-import"))
        .collect();
    assert_eq!(
        backups.len(),
        2,
        "{backups:?}: no hidden copy or journal left"
    );
}

#[test]
fn a_new_file_killed_while_it_is_made_leaves_nothing_or_a_whole_assessment() {
    let dir = temp_dir();
    let bin = env!("CARGO_BIN_EXE_bia");
    // How long a whole demo takes here, to kill at points all along it.
    let started = Instant::now();
    let out = bia(&["demo", "timing.bia"], dir.path());
    assert!(out.status.success());
    let whole = started.elapsed();
    for i in 0..16u32 {
        let target = dir.path().join(format!("demo-{i}.bia"));
        let mut child = std::process::Command::new(bin)
            .args(["demo", target.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole * i / 14);
        let _ = child.kill();
        let _ = child.wait();
        if target.exists() {
            // Killed once it was in place and open: whole, its last writes in its log.
            let wb = Workbench::open(&target).unwrap();
            assert_eq!(
                wb.processes().unwrap().len(),
                25,
                "run {i}: a file at the name is whole"
            );
            wb.close().unwrap();
        } else {
            // Nothing blocks the name: the demo can be made there now.
            let again = bia(&["demo", target.to_str().unwrap()], dir.path());
            assert!(
                again.status.success(),
                "run {i}: {}",
                String::from_utf8_lossy(&again.stderr)
            );
        }
    }
    // What the killed runs left hidden goes when a file beside is next opened.
    Workbench::open(&dir.path().join("timing.bia"))
        .unwrap()
        .close()
        .unwrap();
    let left: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| n.starts_with('.') || n.ends_with("-wal") || n.ends_with("-journal"))
        .collect();
    assert_eq!(left, Vec::<String>::new());
}

#[test]
fn what_crashes_left_beside_a_file_is_cleared_when_it_is_next_opened() {
    let dir = temp_dir();
    let (store, path) = demo_store(&dir);
    store.close().unwrap();
    let at = |name: &str| dir.path().join(name);
    // A process id no process has (beyond the kernel's limit).
    let gone = 4_194_400;
    let mine = std::process::id();
    for name in [
        format!(".demo.bia.{gone}.new"),
        format!(".demo.bia.{gone}.new-wal"),
        format!(".demo.before-import-20261201-090000.bia.{gone}.partial"),
        format!(".demo.before-import-20261201-090000.bia.{gone}.partial-journal"),
        format!(".demo.bia.{gone}.dry-run-wal"),
    ] {
        fs::write(at(&name), b"left by a killed run").unwrap();
    }
    // Half-written backups from before backups were checked: empty, or with a journal.
    fs::write(at("demo.before-import-20261130-101500.bia"), b"").unwrap();
    fs::write(
        at("demo.before-import-20261130-101600.bia"),
        b"SQLite format 3\0 half",
    )
    .unwrap();
    fs::write(
        at("demo.before-import-20261130-101600.bia-journal"),
        b"journal",
    )
    .unwrap();
    // Kept: a whole backup, what a running process is writing, other files.
    let whole = at("demo.before-import-20261130-101700.bia");
    fs::copy(&path, &whole).unwrap();
    let running = format!(".demo.bia.{mine}.new");
    fs::write(at(&running), b"being written").unwrap();
    fs::write(at("notes.txt"), b"minutes").unwrap();

    Workbench::open(&path).unwrap().close().unwrap();
    assert_eq!(
        names(dir.path()),
        vec![
            running,
            "demo.before-import-20261130-101700.bia".to_string(),
            "demo.bia".into(),
            "notes.txt".into()
        ]
    );
}

/// The demo with one byte of a process's description made unreadable
/// (not UTF-8), as a failing disk or a bad copy leaves it.
fn damaged_demo(dir: &tempfile::TempDir) -> PathBuf {
    let (store, path) = demo_store(dir);
    store.close().unwrap();
    let mut bytes = fs::read(&path).unwrap();
    let text = b"Match supplier invoices";
    let at = bytes
        .windows(text.len())
        .position(|w| w == text)
        .expect("the description is in the file");
    bytes[at + 6] = 0xFF;
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn bia_check_reads_the_whole_file_and_names_the_damage() {
    let dir = temp_dir();
    let (store, sound) = demo_store(&dir);
    store.close().unwrap();
    let out = crate::cli::bia(&["check", &sound.display().to_string()], dir.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("no damage found"));

    let other = temp_dir();
    let damaged = damaged_demo(&other);
    let before = fs::read(&damaged).unwrap();
    let out = crate::cli::bia(&["check", &damaged.display().to_string()], other.path());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("demo.bia: the file is damaged"), "{err}");
    assert_eq!(fs::read(&damaged).unwrap(), before, "checking only reads");
}

#[test]
fn damaged_content_is_refused_by_name_with_what_to_do_and_nothing_is_written() {
    let dir = temp_dir();
    let path = damaged_demo(&dir);
    // An import's backup from earlier, the one to restore.
    let backup = dir.path().join("demo.before-import-20261130-101700.bia");
    demo_store(&temp_dir()).0.save_copy(&backup).unwrap();
    let before = listing(dir.path());

    for opened in [
        Workbench::open(&path).err(),
        Workbench::open_to_read(&path).err(),
    ] {
        let err = opened.expect("a damaged file is refused");
        assert_eq!(err.code(), "corrupt");
        let message = err.to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(
            message.contains("the file is damaged (a process's description is not readable text); nothing was changed"),
            "says what is wrong: {message}"
        );
        assert!(
            message.contains(&backup.display().to_string()),
            "names the latest backup: {message}"
        );
        assert!(message.contains("recover"), "{message}");
    }
    for args in [
        vec![
            "process",
            "add",
            "demo.bia",
            "--name",
            "Fuel card reconciliation",
            "--unit",
            "Finance",
        ],
        vec!["dump", "demo.bia"],
        vec!["analyze", "demo.bia"],
        vec!["export", "demo.bia", "--out", "pack.xlsx"],
    ] {
        let out = bia(&args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("demo.bia: the file is damaged"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        listing(dir.path()),
        before,
        "nothing written, nothing beside"
    );
}

#[test]
fn what_can_be_read_of_a_damaged_file_is_recovered_into_a_new_one() {
    let dir = temp_dir();
    let path = damaged_demo(&dir);
    let before = fs::read(&path).unwrap();
    let out = bia(
        &["recover", "demo.bia", "--out", "demo (recovered).bia"],
        dir.path(),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("25 processes"), "{text}");
    assert!(text.contains("1 texts repaired"), "{text}");
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the damaged file is only read"
    );

    let recovered = dir.path().join("demo (recovered).bia");
    let wb = Workbench::open(&recovered).unwrap();
    assert_eq!(wb.read_only(), None);
    let a = wb.load().unwrap();
    assert_eq!(a.processes.len(), 25);
    assert_eq!(a.dependencies.len(), 46);
    let payable = a
        .processes
        .iter()
        .find(|p| p.name == "Accounts payable")
        .unwrap();
    assert!(
        payable.description.starts_with("Match \u{FFFD}"),
        "{}",
        payable.description
    );
    assert!(
        !wb.decisions(None).unwrap().is_empty(),
        "the decision log comes along"
    );
    assert_eq!(
        wb.history().unwrap().undo,
        None,
        "the undo history does not"
    );

    // Not over an existing file, and not from a file that is not an assessment.
    let again = bia(
        &["recover", "demo.bia", "--out", "demo (recovered).bia"],
        dir.path(),
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

/// An assessment file in the format of version 1, as an early release wrote it.
fn version_one(path: &Path) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(
        None,
        "application_id",
        bia::store::migrations::APPLICATION_ID,
    )
    .unwrap();
    bia::store::migrations::MIGRATIONS
        .to_version(&mut conn, 1)
        .unwrap();
    conn.execute(
        "INSERT INTO assessment (id, name, organisation, scope, facilitator, created_at, updated_at) \
         VALUES ('4b1d3c9e-0000-4000-8000-000000000001', 'Northwind 2023', 'Northwind', '', '', '2023-05-01T09:00:00Z', '2023-05-01T09:00:00Z')",
        [],
    )
    .unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.close().unwrap();
}

#[test]
fn reading_never_writes_not_even_to_upgrade_an_older_file() {
    let dir = temp_dir();
    let path = dir.path().join("northwind.bia");
    version_one(&path);
    let before = listing(dir.path());
    for args in [
        vec!["dump", "northwind.bia"],
        vec!["analyze", "northwind.bia"],
        vec!["process", "list", "northwind.bia"],
    ] {
        let out = bia(&args, dir.path());
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = bia(&["dump", "northwind.bia"], dir.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Northwind 2023"));
    assert_eq!(
        listing(dir.path()),
        before,
        "no upgrade, no backup, no side file"
    );

    // Opened for editing, it is backed up, then upgraded.
    Workbench::open(&path).unwrap().close().unwrap();
    assert!(
        names(dir.path())
            .iter()
            .any(|n| n.starts_with("northwind.v1-backup-"))
    );
}

#[test]
fn a_read_only_copy_opens_read_only_reads_whole_and_saves_a_copy_to_edit() {
    let dir = temp_dir();
    let (store, path) = demo_store(&dir);
    store.close().unwrap();
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).unwrap();
    let before = listing(dir.path());

    let mut wb = Workbench::open(&path).unwrap();
    assert_eq!(wb.read_only(), Some(ReadOnly::NotWritable));
    assert_eq!(wb.processes().unwrap().len(), 25);
    assert_eq!(wb.analyze().unwrap().processes.len(), 25);
    let err = wb.undo().unwrap_err();
    assert_eq!(err.code(), "read_only");
    assert!(err.to_string().contains("save a copy to edit it"), "{err}");
    let unit = wb.load().unwrap().units[0].name.clone();
    let refused = wb.create_process_in(
        &unit,
        &bia::model::ProcessInput {
            name: "Fuel card reconciliation".into(),
            ..Default::default()
        },
    );
    assert_eq!(refused.unwrap_err().code(), "read_only");
    for args in [
        vec!["dump", "demo.bia"],
        vec!["analyze", "demo.bia"],
        vec!["export", "demo.bia", "--out", "/dev/null/x.xlsx"],
    ] {
        let out = bia(&args, dir.path());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("disk I/O"), "{args:?}: {err}");
    }
    assert!(bia(&["dump", "demo.bia"], dir.path()).status.success());
    assert_eq!(
        listing(dir.path()),
        before,
        "nothing written beside a read-only file"
    );

    // "Save a copy to edit".
    let copy = dir.path().join("demo (my copy).bia");
    let mut edit = wb.save_copy(&copy).unwrap();
    wb.close().unwrap();
    assert_eq!(edit.read_only(), None);
    assert_eq!(edit.processes().unwrap().len(), 25);
    edit.create_process_in(
        &unit,
        &bia::model::ProcessInput {
            name: "Fuel card reconciliation".into(),
            ..Default::default()
        },
    )
    .unwrap();
    edit.close().unwrap();
    assert_eq!(process_count(&copy), 26);
    assert_eq!(process_count(&path), 25);
}

#[test]
fn a_file_in_a_folder_that_cannot_be_written_opens_read_only_and_writes_nothing() {
    let dir = temp_dir();
    let share = dir.path().join("share");
    fs::create_dir(&share).unwrap();
    let path = share.join("demo.bia");
    bia::demo::create(&path).unwrap().close().unwrap();
    let writable = fs::metadata(&share).unwrap().permissions();
    let mut perms = writable.clone();
    perms.set_readonly(true);
    fs::set_permissions(&share, perms).unwrap();
    let before = listing(&share);
    let wb = Workbench::open(&path).unwrap();
    assert_eq!(wb.read_only(), Some(ReadOnly::NotWritable));
    assert_eq!(wb.processes().unwrap().len(), 25);
    wb.close().unwrap();
    assert_eq!(listing(&share), before);
    fs::set_permissions(&share, writable).unwrap();
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_an_assessment_or_a_workbook_is_refused_at_once() {
    let dir = temp_dir();
    for name in ["minutes.bia", "register.csv"] {
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join(name))
            .status()
            .unwrap();
        assert!(status.success());
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let folder = dir.path().to_path_buf();
    std::thread::spawn(move || {
        let runs = [
            bia(&["dump", "minutes.bia"], &folder),
            bia(
                &[
                    "process",
                    "add",
                    "minutes.bia",
                    "--name",
                    "Payroll",
                    "--unit",
                    "Finance",
                ],
                &folder,
            ),
            bia(&["import", "register.csv", "--into", "new.bia"], &folder),
        ];
        let _ = tx.send(runs.map(|o| {
            (
                o.status.code(),
                String::from_utf8_lossy(&o.stderr).into_owned(),
            )
        }));
    });
    let runs = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("no command waits on a pipe");
    for (code, err) in &runs[..2] {
        assert_eq!(*code, Some(1));
        assert!(
            err.contains("minutes.bia: not an assessment file: it is a special file"),
            "{err}"
        );
    }
    assert_eq!(runs[2].0, Some(1));
    assert!(runs[2].1.contains("register.csv"), "{}", runs[2].1);
    assert!(!dir.path().join("new.bia").exists());
}

#[cfg(unix)]
#[test]
fn an_import_into_a_link_to_a_missing_file_leaves_the_link() {
    let dir = temp_dir();
    let link = dir.path().join("link.bia");
    std::os::unix::fs::symlink(dir.path().join("gone/away.bia"), &link).unwrap();
    let out = bia(&["import", FINANCE, "--into", "link.bia"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("link.bia"));
    assert!(
        fs::symlink_metadata(&link).is_ok(),
        "the link the user pointed at is still there"
    );

    // A failed import into a new file leaves nothing; a dry run too.
    let out = bia(
        &["import", "nothing-here.csv", "--into", "fresh.bia"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let out = bia(
        &["import", FINANCE, "--into", "fresh.bia", "--dry-run"],
        dir.path(),
    );
    assert!(out.status.success());
    assert_eq!(names(dir.path()), vec!["link.bia".to_string()]);
}
