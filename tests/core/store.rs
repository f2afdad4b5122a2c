//! The assessment file: creating, reopening, refusing what is not ours
//! without touching it, the lock, and upgrading an old file.

use std::fs;

use bia::Store;
use bia::store::migrations::{APPLICATION_ID, LATEST, MIGRATIONS};
use rusqlite::Connection;

use crate::{demo_store, new_store, temp_dir};

#[test]
fn a_new_assessment_is_seeded_with_the_default_methodology_and_reopens() {
    let dir = temp_dir();
    let (store, path) = new_store(&dir);
    store.close().unwrap();

    let store = Store::open(&path).expect("reopens");
    let m = store.methodology().unwrap();
    let names: Vec<_> = m.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Financial",
            "Operational",
            "Customer",
            "Reputational",
            "Legal & Regulatory",
            "Health & Safety",
            "Environmental"
        ]
    );
    let levels: Vec<_> = m.scale.iter().map(|l| (l.value, l.name.as_str())).collect();
    assert_eq!(levels[4], (4, "Major"));
    let horizons: Vec<_> = m.horizons.iter().map(|h| h.minutes.0).collect();
    assert_eq!(horizons, [60, 240, 480, 1440, 4320, 10080, 20160, 43200]);
    assert_eq!(m.threshold, 4);
    assert_eq!(m.tiers.len(), 4);
    assert_eq!(
        m.currency.code(),
        "EUR",
        "new_store creates with the fallback currency"
    );
    assert_eq!(store.info().unwrap().name, "Northwind Freight BIA");
    store.close().unwrap();
    assert!(
        !dir.path().join("workshop.bia-wal").exists(),
        "a closed assessment is one file"
    );
}

#[test]
fn creating_over_an_existing_file_is_refused_and_leaves_it_alone() {
    let dir = temp_dir();
    let path = dir.path().join("notes.bia");
    fs::write(&path, b"my notes").unwrap();
    let err = Store::create(&path, &Default::default(), Default::default())
        .err()
        .expect("refused");
    assert_eq!(err.code(), "file_exists");
    assert_eq!(fs::read(&path).unwrap(), b"my notes");
}

#[test]
fn a_new_assessment_takes_the_currency_it_is_created_with() {
    let dir = temp_dir();
    let path = dir.path().join("zurich.bia");
    let store = Store::create(
        &path,
        &bia::model::AssessmentInput {
            name: "Zürich BIA".into(),
            ..Default::default()
        },
        bia::model::Currency::parse("chf").unwrap(),
    )
    .unwrap();
    store.close().unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.methodology().unwrap().currency.code(), "CHF");
    assert!(
        store.history().unwrap().undo.is_none(),
        "seeding is creation, not an edit to undo"
    );
}

#[test]
fn an_assessment_needs_a_name() {
    let dir = temp_dir();
    let path = dir.path().join("unnamed.bia");
    let err = Store::create(&path, &Default::default(), Default::default())
        .err()
        .expect("refused");
    assert_eq!(err.code(), "invalid");
    assert!(
        !path.exists(),
        "a file that could not be made is not left behind"
    );
}

/// Opens `path`, expects the given error code, and checks that the file's
/// bytes are exactly as they were.
fn refused_untouched(path: &std::path::Path, code: &str) -> bia::store::Error {
    let before = fs::read(path).unwrap();
    let err = Store::open(path)
        .err()
        .unwrap_or_else(|| panic!("{} should be refused", path.display()));
    assert_eq!(err.code(), code, "{err}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "the message names the file: {err}"
    );
    assert_eq!(
        fs::read(path).unwrap(),
        before,
        "a refused file is never modified"
    );
    err
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("budget.xlsx.bia");
    fs::write(&path, b"PK\x03\x04 this is a zip, not a database").unwrap();
    refused_untouched(&path, "not_sqlite");
    let empty = dir.path().join("empty.bia");
    fs::write(&empty, b"").unwrap();
    refused_untouched(&empty, "not_sqlite");
}

#[test]
fn another_programs_sqlite_file_is_refused_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("crm.sqlite");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Ada');")
        .unwrap();
    drop(conn);
    let err = refused_untouched(&path, "not_an_assessment");
    assert!(err.to_string().contains("not a BIA assessment"));
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let dir = temp_dir();
    let (store, path) = new_store(&dir);
    store.close().unwrap();
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", LATEST + 1)
        .unwrap();
    conn.execute_batch("PRAGMA journal_mode=DELETE").unwrap();
    drop(conn);
    let err = refused_untouched(&path, "too_new");
    assert!(err.to_string().contains("newer"), "{err}");
}

#[test]
fn a_damaged_file_is_refused_untouched() {
    let dir = temp_dir();
    let (store, path) = demo_store(&dir);
    store.close().unwrap();
    let mut bytes = fs::read(&path).unwrap();
    // Scribble over the second page onwards, as a bad sector or a botched copy would.
    for b in bytes.iter_mut().skip(4096).take(8192) {
        *b = 0xA5;
    }
    fs::write(&path, &bytes).unwrap();
    refused_untouched(&path, "corrupt");
}

#[test]
fn a_second_program_is_told_the_file_is_open() {
    let dir = temp_dir();
    let (store, path) = new_store(&dir);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bia"))
        .args(["process", "list"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("open in another program"), "{stderr}");
    store.close().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bia"))
        .args(["process", "list"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "once closed, the file opens again"
    );
}

/// The file format version of an open SQLite file.
fn user_version(conn: &Connection) -> i64 {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

/// Builds a file as `version` of the program wrote it, with a process in
/// it ("Payroll processing" in Finance, owned by Aisha Bello).
fn legacy_file(path: &std::path::Path, version: usize) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    MIGRATIONS.to_version(&mut conn, version).unwrap();
    conn.execute_batch(
        "INSERT INTO assessment (id, name, created_at, updated_at)
             VALUES ('0b0c1d2e-0000-4000-8000-000000000001', 'Legacy BIA 2025', '2025-05-01T09:00:00Z', '2025-05-01T09:00:00Z');
         INSERT INTO unit (id, name, name_key) VALUES ('0b0c1d2e-0000-4000-8000-000000000002', 'Finance', 'finance');
         INSERT INTO process (id, name, name_key, unit_id, owner, created_at, updated_at)
             VALUES ('0b0c1d2e-0000-4000-8000-000000000003', 'Payroll processing', 'payroll processing',
                     '0b0c1d2e-0000-4000-8000-000000000002', 'Aisha Bello', '2025-05-01T09:00:00Z', '2025-05-01T09:00:00Z');",
    )
    .unwrap();
    conn
}

#[test]
fn a_version_one_file_is_backed_up_then_upgraded_with_its_data() {
    let dir = temp_dir();
    let path = dir.path().join("legacy.bia");
    drop(legacy_file(&path, 1));
    let original = fs::read(&path).unwrap();

    let mut store = Store::open(&path).expect("an older file opens");
    let processes = store.processes().unwrap();
    assert_eq!(processes.len(), 1);
    assert_eq!(processes[0].name, "Payroll processing");
    assert_eq!(
        processes[0].id.to_string(),
        "0b0c1d2e-0000-4000-8000-000000000003",
        "ids survive the upgrade"
    );
    assert_eq!(store.units().unwrap()[0].name, "Finance");

    // Version 2 added the edit journal: it works on the upgraded file.
    store.delete_process(processes[0].id).unwrap();
    store.undo().unwrap();
    assert_eq!(store.processes().unwrap().len(), 1);
    store.close().unwrap();

    let backups: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("legacy.v1-backup-") && n.ends_with(".bia"))
        .collect();
    assert_eq!(backups.len(), 1, "one backup next to the file: {backups:?}");
    let backup = Connection::open(dir.path().join(&backups[0])).unwrap();
    let version = user_version(&backup);
    assert_eq!(version, 1, "the backup is the file as it was");
    let name: String = backup
        .query_row("SELECT name FROM process", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Payroll processing");
    assert_ne!(
        fs::read(&path).unwrap(),
        original,
        "the file itself was upgraded"
    );
}

/// A row of an open SQLite file as JSON, as version 4 journaled it.
fn row_json(conn: &Connection, table: &str, id: &str) -> serde_json::Value {
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))
        .unwrap();
    let names: Vec<String> = stmt.column_names().iter().map(|n| n.to_string()).collect();
    stmt.query_row([id], |r| {
        let mut row = serde_json::Map::new();
        for (i, name) in names.iter().enumerate() {
            let value = match r.get::<_, rusqlite::types::Value>(i)? {
                rusqlite::types::Value::Integer(n) => n.into(),
                rusqlite::types::Value::Text(t) => t.into(),
                _ => serde_json::Value::Null,
            };
            row.insert(name.clone(), value);
        }
        Ok(serde_json::Value::Object(row))
    })
    .unwrap()
}

/// Builds a file as version 4 wrote it, with a history in its journal's
/// format (each change with the whole row before and after): "Payroll
/// processing" added by Aisha Bello, then handed to Tom Reilly; a unit
/// "Legal" added and undone.
fn version_four_file_with_history(path: &std::path::Path) {
    let conn = legacy_file(path, 4);
    conn.execute(
        "INSERT INTO unit (id, name, name_key) VALUES ('0b0c1d2e-0000-4000-8000-000000000004', 'Legal', 'legal')",
        [],
    )
    .unwrap();
    let process = "0b0c1d2e-0000-4000-8000-000000000003";
    let legal = "0b0c1d2e-0000-4000-8000-000000000004";
    let by_aisha = row_json(&conn, "process", process);
    let mut by_tom = by_aisha.clone();
    by_tom["owner"] = "Tom Reilly".into();
    by_tom["updated_at"] = "2026-05-02T10:00:00Z".into();
    let legal_row = row_json(&conn, "unit", legal);
    conn.execute_batch(
        "UPDATE process SET owner = 'Tom Reilly', updated_at = '2026-05-02T10:00:00Z';
         DELETE FROM unit WHERE name = 'Legal';
         INSERT INTO edit (seq, id, label, at, undone) VALUES
             (1, '0b0c1d2e-0000-4000-8000-0000000000e1', 'Add process “Payroll processing”', '2026-05-01T09:00:00Z', 0),
             (2, '0b0c1d2e-0000-4000-8000-0000000000e2', 'Edit process “Payroll processing”', '2026-05-02T10:00:00Z', 0),
             (3, '0b0c1d2e-0000-4000-8000-0000000000e3', 'Add unit “Legal”', '2026-05-02T10:05:00Z', 1);",
    )
    .unwrap();
    let change = "INSERT INTO edit_change (edit_seq, ord, table_name, row_id, before, after)
                  VALUES (?1, 0, ?2, ?3, ?4, ?5)";
    let text = |v: &serde_json::Value| Some(v.to_string());
    conn.execute(
        change,
        rusqlite::params![1, "process", process, None::<String>, text(&by_aisha)],
    )
    .unwrap();
    conn.execute(
        change,
        rusqlite::params![2, "process", process, text(&by_aisha), text(&by_tom)],
    )
    .unwrap();
    conn.execute(
        change,
        rusqlite::params![3, "unit", legal, None::<String>, text(&legal_row)],
    )
    .unwrap();
}

#[test]
fn a_version_four_history_still_undoes_and_redoes_after_the_upgrade() {
    let dir = temp_dir();
    let path = dir.path().join("legacy.bia");
    version_four_file_with_history(&path);

    let mut store = Store::open(&path).expect("a version 4 file opens");
    let history = store.history().unwrap();
    assert_eq!(
        history.undo.as_deref(),
        Some("Edit process “Payroll processing”")
    );
    assert_eq!(history.redo.as_deref(), Some("Add unit “Legal”"));
    let owner = |store: &Store| {
        store
            .process_by_name("Payroll processing")
            .unwrap()
            .map(|p| p.owner)
    };

    store.redo().unwrap();
    assert!(
        store.unit_by_name("Legal").unwrap().is_some(),
        "redone from version 4's record"
    );
    store.undo().unwrap();
    assert!(store.unit_by_name("Legal").unwrap().is_none());
    store.undo().unwrap();
    assert_eq!(owner(&store).as_deref(), Some("Aisha Bello"));
    store.undo().unwrap();
    assert_eq!(
        owner(&store),
        None,
        "the process was added by the first edit"
    );
    assert_eq!(store.undo().unwrap_err().code(), "nothing_to_undo");

    for _ in 0..3 {
        store.redo().unwrap();
    }
    assert_eq!(owner(&store).as_deref(), Some("Tom Reilly"));
    assert!(store.unit_by_name("Legal").unwrap().is_some());
    assert_eq!(store.undo_limit().unwrap(), bia::store::DEFAULT_UNDO_LIMIT);
    store.close().unwrap();
    let conn = Connection::open(&path).unwrap();
    let version = user_version(&conn);
    assert_eq!(version, LATEST);
}

/// Builds a file as version 5 wrote it, with scores and a history of
/// them: "Payroll processing" scored Financial at 1 day from the 2025
/// workbook (cell F6, then raised from 2 to 4 in a workshop), its
/// Operational score at 1 day deleted, and a Customer score added and
/// undone. Scores then had an id and their provenance as JSON.
fn version_five_file_with_scored_history(path: &std::path::Path) {
    let conn = legacy_file(path, 5);
    let process = "0b0c1d2e-0000-4000-8000-000000000003";
    let imported = r#"{"kind":"imported","file":"bia-2025.xlsx","sheet":"Register","cell":"F6"}"#;
    conn.execute_batch(&format!(
        "INSERT INTO impact_category (id, name, position) VALUES
             ('0b0c1d2e-0000-4000-8000-0000000000c1', 'Financial', 0),
             ('0b0c1d2e-0000-4000-8000-0000000000c2', 'Operational', 1),
             ('0b0c1d2e-0000-4000-8000-0000000000c3', 'Customer', 2);
         INSERT INTO horizon (id, minutes, label) VALUES ('0b0c1d2e-0000-4000-8000-0000000000d1', 1440, '1 d');
         INSERT INTO severity_level (id, value, name) VALUES
             ('0b0c1d2e-0000-4000-8000-0000000000f0', 0, 'None'),
             ('0b0c1d2e-0000-4000-8000-0000000000f5', 5, 'Catastrophic');
         INSERT INTO impact (id, process_id, category_id, horizon_id, severity, note, provenance) VALUES
             ('0b0c1d2e-0000-4000-8000-0000000000a1', '{process}', '0b0c1d2e-0000-4000-8000-0000000000c1',
              '0b0c1d2e-0000-4000-8000-0000000000d1', 4, 'Late salaries', '{imported}');
         INSERT INTO edit (seq, id, label, at, undone) VALUES
             (1, '0b0c1d2e-0000-4000-8000-0000000000e1', 'Import “bia-2025.xlsx”', '2026-05-01T09:00:00Z', 0),
             (2, '0b0c1d2e-0000-4000-8000-0000000000e2', 'Score “Payroll processing”', '2026-05-02T10:00:00Z', 0),
             (3, '0b0c1d2e-0000-4000-8000-0000000000e3', 'Clear a score of “Payroll processing”', '2026-05-02T10:05:00Z', 0),
             (4, '0b0c1d2e-0000-4000-8000-0000000000e4', 'Score “Payroll processing”', '2026-05-02T10:06:00Z', 1);"
    ))
    .unwrap();
    let row = |id: &str, category: &str, severity: i64, provenance: &str| {
        serde_json::json!({
            "id": id, "process_id": process, "category_id": category,
            "horizon_id": "0b0c1d2e-0000-4000-8000-0000000000d1", "severity": severity,
            "note": "", "provenance": provenance,
        })
        .to_string()
    };
    let deleted = row(
        "0b0c1d2e-0000-4000-8000-0000000000a2",
        "0b0c1d2e-0000-4000-8000-0000000000c2",
        3,
        imported.replace("F6", "G6").as_str(),
    );
    let undone = row(
        "0b0c1d2e-0000-4000-8000-0000000000a3",
        "0b0c1d2e-0000-4000-8000-0000000000c3",
        5,
        r#"{"kind":"workshop"}"#,
    );
    let change = "INSERT INTO edit_change (edit_seq, ord, table_name, row_id, state) VALUES (?1, ?2, 'impact', ?3, ?4)";
    for (seq, ord, id, state) in [
        (1, 0, "0b0c1d2e-0000-4000-8000-0000000000a1", None),
        (1, 1, "0b0c1d2e-0000-4000-8000-0000000000a2", None),
        (2, 0, "0b0c1d2e-0000-4000-8000-0000000000a1", Some(r#"{"severity":2,"provenance":"{\"kind\":\"imported\",\"file\":\"bia-2025.xlsx\",\"sheet\":\"Register\",\"cell\":\"F6\"}"}"#.to_string())),
        (3, 0, "0b0c1d2e-0000-4000-8000-0000000000a2", Some(deleted)),
        (4, 0, "0b0c1d2e-0000-4000-8000-0000000000a3", Some(undone)),
    ] {
        conn.execute(change, rusqlite::params![seq, ord, id, state])
            .unwrap();
    }
}

#[test]
fn a_version_five_file_with_scores_and_history_upgrades_and_still_undoes() {
    use bia::model::Provenance;
    let dir = temp_dir();
    let path = dir.path().join("legacy.bia");
    version_five_file_with_scored_history(&path);

    let mut store = Store::open(&path).expect("a version 5 file opens");
    let scores = |store: &Store| {
        let mut s: Vec<(String, Option<u8>, Provenance)> = store
            .load()
            .unwrap()
            .scores
            .into_iter()
            .map(|s| {
                (
                    s.category_id.to_string()[34..].to_string(),
                    s.severity,
                    s.provenance,
                )
            })
            .collect();
        s.sort_by(|a, b| a.0.cmp(&b.0));
        s
    };
    let imported = |cell: &str| Provenance::Imported {
        file: "bia-2025.xlsx".into(),
        sheet: "Register".into(),
        cell: cell.into(),
        values: Vec::new(),
    };
    assert_eq!(
        scores(&store),
        [("c1".to_string(), Some(4), imported("F6"))],
        "the score keeps its provenance, file, sheet and cell, through the upgrade"
    );

    store.redo().unwrap();
    assert_eq!(
        scores(&store)[1],
        ("c3".into(), Some(5), Provenance::Workshop)
    );
    store.undo().unwrap();
    store.undo().unwrap();
    assert_eq!(
        scores(&store),
        [
            ("c1".into(), Some(4), imported("F6")),
            ("c2".into(), Some(3), imported("G6"))
        ],
        "the deleted score comes back with its provenance"
    );
    store.undo().unwrap();
    assert_eq!(scores(&store)[0].1, Some(2), "the workshop's change undone");
    store.undo().unwrap();
    assert!(scores(&store).is_empty(), "the import undone");
    assert_eq!(store.undo().unwrap_err().code(), "nothing_to_undo");
    for _ in 0..3 {
        store.redo().unwrap();
    }
    assert_eq!(scores(&store), [("c1".into(), Some(4), imported("F6"))]);
    store.close().unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.history().unwrap().redo.as_deref(),
        Some("Score “Payroll processing”")
    );
}

#[test]
fn every_connection_runs_in_wal_with_foreign_keys() {
    let dir = temp_dir();
    let (store, path) = new_store(&dir);
    store.close().unwrap();
    let store = Store::open(&path).unwrap();
    store.close().unwrap();
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL is recorded in the file");
    let version = user_version(&conn);
    assert_eq!(version, LATEST);
}

#[test]
fn a_version_five_file_gains_claimed_tiers_kept_as_written_and_undone_like_any_field() {
    let dir = temp_dir();
    let path = dir.path().join("legacy.bia");
    drop(legacy_file(&path, 5));

    let mut store = Store::open(&path).expect("a version 5 file opens");
    let payroll = store
        .process_by_name("Payroll processing")
        .unwrap()
        .unwrap();
    assert_eq!(
        payroll.claimed_tier, "",
        "a process from before claimed tiers claims none"
    );

    let claimed = store
        .update_process(
            payroll.id,
            &bia::model::ProcessInput {
                claimed_tier: "  P1 ".into(),
                ..payroll.to_input()
            },
        )
        .unwrap();
    assert_eq!(claimed.claimed_tier, "P1", "kept as written, trimmed");
    assert_eq!(
        store.history().unwrap().undo.as_deref(),
        Some("Edit process “Payroll processing”")
    );
    store.close().unwrap();

    let mut store = Store::open(&path).unwrap();
    let reread = store.process(payroll.id).unwrap();
    assert_eq!(reread.claimed_tier, "P1", "the claim survives closing");
    assert_eq!(
        store.load().unwrap().processes[0].claimed_tier,
        "P1",
        "and is in the snapshot the analysis reads"
    );
    store.undo().unwrap();
    assert_eq!(store.process(payroll.id).unwrap().claimed_tier, "");
    store.redo().unwrap();
    assert_eq!(store.process(payroll.id).unwrap().claimed_tier, "P1");
    store.close().unwrap();
}

/// Builds a file as version 5 wrote it: "Payroll processing" relies on the
/// application "Core banking", which has a custom field, all added by one
/// edit in version 5's journal (each change keeps the state undo returns
/// to: no row).
fn version_five_file_with_resources(path: &std::path::Path) {
    let conn = legacy_file(path, 5);
    let process = "0b0c1d2e-0000-4000-8000-000000000003";
    let banking = "0b0c1d2e-0000-4000-8000-000000000010";
    let field = "0b0c1d2e-0000-4000-8000-000000000011";
    let link = "0b0c1d2e-0000-4000-8000-000000000012";
    conn.execute_batch(&format!(
        "INSERT INTO resource (id, kind, name, name_key, owner, rto_capability_minutes)
             VALUES ('{banking}', 'application', 'Core banking', 'core banking', 'IT Operations', 240);
         INSERT INTO resource_custom_field (id, resource_id, position, name, value)
             VALUES ('{field}', '{banking}', 0, 'Vendor contract', 'CB-2024-17');
         INSERT INTO dependency (id, from_kind, from_id, to_kind, to_id, strength, note)
             VALUES ('{link}', 'process', '{process}', 'resource', '{banking}', 'required', '');
         INSERT INTO edit (seq, id, label, at, undone) VALUES
             (1, '0b0c1d2e-0000-4000-8000-0000000000e1', 'Add dependency on “Core banking”', '2026-05-01T09:00:00Z', 0);
         INSERT INTO edit_change (edit_seq, ord, table_name, row_id, state) VALUES
             (1, 0, 'resource', '{banking}', NULL),
             (1, 1, 'resource_custom_field', '{field}', NULL),
             (1, 2, 'dependency', '{link}', NULL);"
    ))
    .unwrap();
}

#[test]
fn a_version_five_file_with_resources_upgrades_keeps_them_and_still_undoes() {
    let dir = temp_dir();
    let path = dir.path().join("legacy.bia");
    version_five_file_with_resources(&path);

    let mut store = Store::open(&path).expect("a version 5 file opens");
    let resources = store.resources().unwrap();
    assert_eq!(resources.len(), 1);
    let banking = &resources[0];
    assert_eq!(
        (banking.name.as_str(), banking.kind, banking.owner.as_str()),
        (
            "Core banking",
            bia::model::ResourceKind::Application,
            "IT Operations"
        )
    );
    assert_eq!(
        banking.custom_fields[0].value, "CB-2024-17",
        "custom fields survive the rebuild"
    );
    assert_eq!(store.dependencies().unwrap().len(), 1);

    // The rebuilt table takes a resource to classify; its custom fields
    // still refer to it.
    let citrix = store
        .create_resource(
            &bia::model::ResourceInput {
                kind: bia::model::ResourceKind::Unclassified,
                name: "Citrix".into(),
                custom_fields: vec![bia::model::CustomField {
                    name: "Seen in".into(),
                    value: "BIA 2025".into(),
                }],
                ..Default::default()
            },
            &bia::model::Provenance::Workshop,
        )
        .expect("version 6 stores a resource to classify");
    assert_eq!(citrix.kind, bia::model::ResourceKind::Unclassified);
    store.undo().unwrap();

    // Version 5's edit undoes: custom field before its resource.
    assert_eq!(
        store.history().unwrap().undo.as_deref(),
        Some("Add dependency on “Core banking”")
    );
    store.undo().unwrap();
    assert!(store.resources().unwrap().is_empty());
    assert!(store.dependencies().unwrap().is_empty());
    store.redo().unwrap();
    assert_eq!(store.resources().unwrap()[0].custom_fields.len(), 1);
    assert_eq!(store.dependencies().unwrap().len(), 1);
    store.close().unwrap();

    let conn = Connection::open(&path).unwrap();
    let version = user_version(&conn);
    assert_eq!(version, LATEST);
    let problems: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        problems, 0,
        "every custom field still points at its resource"
    );
    let schema: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'resource_custom_field'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        schema.contains("REFERENCES \"resource\"") || schema.contains("REFERENCES resource("),
        "{schema}"
    );
}

/// Builds a file as version 8 wrote it (before the currency): a
/// "Financial" category and an "Operational" one, with `financial` and
/// `operational` as their level-4 definitions.
fn version_eight_file(path: &std::path::Path, financial: &str, operational: &str) {
    let conn = legacy_file(path, 8);
    conn.execute_batch(
        "INSERT INTO impact_category (id, name, position) VALUES
             ('0b0c1d2e-0000-4000-8000-000000000020', 'Operational', 0),
             ('0b0c1d2e-0000-4000-8000-000000000021', 'Financial', 1);",
    )
    .unwrap();
    for (id, category, text) in [
        ("30", "20", operational),
        ("31", "21", financial),
        ("32", "21", "No financial loss"),
    ] {
        conn.execute(
            "INSERT INTO level_definition (id, category_id, level, text) VALUES (?1, ?2, ?3, ?4)",
            (
                format!("0b0c1d2e-0000-4000-8000-0000000000{id}"),
                format!("0b0c1d2e-0000-4000-8000-0000000000{category}"),
                if id == "32" { 0 } else { 4 },
                text,
            ),
        )
        .unwrap();
    }
}

#[test]
fn an_older_file_gets_the_currency_its_financial_definitions_write() {
    let cases = [
        ("Loss of £1 M to £10 M", "", "GBP"),
        ("Loss of €1 M to €10 M", "", "EUR"),
        ("Loss of $1 M to $10 M", "", "USD"),
        ("Loss of $1 M to $10 M", "Fines over €50 k", "USD"),
        ("Loss of 1 M to 10 M", "Overtime over £50 k", "GBP"),
        ("Loss of 1 M to 10 M", "Core operations halted", "EUR"),
    ];
    for (i, (financial, operational, expected)) in cases.into_iter().enumerate() {
        let dir = temp_dir();
        let path = dir.path().join(format!("legacy-{i}.bia"));
        version_eight_file(&path, financial, operational);

        let read = Store::open_to_read(&path).expect("a version 8 file reads");
        assert_eq!(
            read.methodology().unwrap().currency.code(),
            expected,
            "read in memory: financial {financial:?}, operational {operational:?}"
        );
        drop(read);
        let store = Store::open(&path).expect("a version 8 file opens and upgrades");
        let m = store.methodology().unwrap();
        assert_eq!(
            m.currency.code(),
            expected,
            "upgraded: financial {financial:?}, operational {operational:?}"
        );
        assert_eq!(
            m.categories[1].definitions[1].text, financial,
            "the user's text is left as written"
        );
        store.close().unwrap();
        let conn = Connection::open(&path).unwrap();
        let version = user_version(&conn);
        assert_eq!(version, LATEST);
    }
}

#[test]
fn a_currency_another_program_wrote_badly_is_refused_by_the_file_itself() {
    let dir = temp_dir();
    let (store, path) = new_store(&dir);
    store.close().unwrap();
    let conn = Connection::open(&path).unwrap();
    let err = conn
        .execute("UPDATE assessment SET currency = 'gbp'", [])
        .unwrap_err();
    assert!(err.to_string().contains("CHECK"), "{err}");
}
