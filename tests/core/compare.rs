//! Comparing two states of an assessment as a continuity manager does it:
//! the demo before and after a workshop (a score raised, an RTO tightened,
//! a process added and one dropped, a dependency found), last year's BIA
//! rebuilt from its export (other ids, matched by name), a backup beside
//! the file, the Changes sheet of the executive workbook, `bia compare`,
//! and files that are not assessments refused by name.

use std::path::Path;

use bia::Workbench;
use bia::analysis::{DeltaState, Direction};
use bia::model::{DependencyInput, DependencyTarget, NodeRef, ProcessInput, Strength};
use bia::workbench::NamedScore;

use crate::cli::{bia, stderr};
use crate::temp_dir;

/// The demo as it was (`before.bia`) and after a workshop (`demo.bia`).
fn a_workshop_later(dir: &Path) -> Workbench {
    let path = dir.join("demo.bia");
    Workbench::create_demo(&path).unwrap().close().unwrap();
    std::fs::copy(&path, dir.join("before.bia")).unwrap();
    let mut wb = Workbench::open(&path).unwrap();
    // The room raises a score and tightens an RTO for returns.
    wb.score(&NamedScore {
        process: "Returns processing",
        category: "Financial",
        horizon: "1 w",
        severity: "3",
    })
    .unwrap();
    let returns = wb.process_named("Returns processing").unwrap();
    let mut objectives = wb
        .objectives(returns.id)
        .unwrap()
        .map(|o| o.to_input())
        .unwrap_or_default();
    objectives.rto = "1 w".into();
    objectives.rationale = "Peak-season returns pile up within a week".into();
    wb.agree_objectives(returns.id, &objectives).unwrap();
    // A new process, and one the business no longer runs.
    let units = wb.units().unwrap();
    let warehouse = units
        .iter()
        .find(|u| u.name == "Warehouse Operations")
        .unwrap();
    let customs = wb
        .create_process(&ProcessInput {
            name: "Bonded warehouse customs checks".into(),
            unit_id: Some(warehouse.id),
            owner: "Maria Okafor".into(),
            ..Default::default()
        })
        .unwrap();
    let _ = customs;
    let fuel = wb.process_named("Fuel and consumables purchasing").unwrap();
    wb.delete_process(fuel.id).unwrap();
    // Seasonal recruitment turns out to rely on the IT service desk.
    let recruitment = wb
        .process_named("Seasonal recruitment and onboarding")
        .unwrap();
    let desk = wb.process_named("IT service desk").unwrap();
    wb.create_dependency(&DependencyInput {
        from: NodeRef::Process(recruitment.id),
        to: DependencyTarget::Existing(NodeRef::Process(desk.id)),
        strength: Strength::Degraded,
        note: String::new(),
    })
    .unwrap();
    wb
}

#[test]
fn a_workshop_s_edits_are_each_listed_against_the_file_before_it() {
    let dir = temp_dir();
    let wb = a_workshop_later(dir.path());
    let c = wb
        .compare_with(&dir.path().join("before.bia"), true)
        .unwrap();
    assert!(c.same_assessment, "a copy of the same file: matched by id");
    assert_eq!((c.counts.added, c.counts.removed), (1, 1));
    assert_eq!(c.counts.changed, 2, "{:#?}", c.processes);
    assert_eq!(c.counts.unchanged, 22);

    let returns = c
        .processes
        .iter()
        .find(|p| p.name == "Returns processing")
        .unwrap();
    let fields: Vec<&str> = returns.changes.iter().map(|x| x.field.as_str()).collect();
    assert_eq!(fields, ["rto", "score"], "still Tier 4: no tier change");
    let rto = &returns.changes[0];
    assert_eq!((rto.old.as_str(), rto.new.as_str()), ("2 w", "1 w"));
    assert_eq!(rto.direction, Some(Direction::Down));
    let score = &returns.changes[1];
    assert_eq!(score.label, "Financial at 1 w");
    assert_eq!(
        (score.old.as_str(), score.new.as_str()),
        ("2 – Minor", "3 – Moderate")
    );
    assert_eq!(score.direction, Some(Direction::Up));

    let recruitment = c
        .processes
        .iter()
        .find(|p| p.name == "Seasonal recruitment and onboarding")
        .unwrap();
    assert_eq!(recruitment.changes.len(), 1);
    assert_eq!(recruitment.changes[0].label, "Relies on IT service desk");
    assert_eq!(recruitment.changes[0].new, "added (degraded)");

    let states: Vec<(&str, DeltaState)> = c
        .processes
        .iter()
        .filter(|p| p.state != DeltaState::Changed)
        .map(|p| (p.name.as_str(), p.state))
        .collect();
    assert_eq!(
        states,
        [
            ("Bonded warehouse customs checks", DeltaState::Added),
            ("Fuel and consumables purchasing", DeltaState::Removed),
        ],
        "added in the register's order, the removed last"
    );
    let moved: u32 = c.tier_movement.iter().map(|m| m.processes).sum();
    assert_eq!(moved, 24, "every process in both files is counted once");

    // The other way round: this file is the old one.
    let back = wb
        .compare_with(&dir.path().join("before.bia"), false)
        .unwrap();
    assert_eq!((back.counts.added, back.counts.removed), (1, 1));
    assert_eq!(
        back.processes.last().unwrap().name,
        "Bonded warehouse customs checks"
    );
    wb.close().unwrap();
}

#[test]
fn last_year_s_bia_rebuilt_from_its_export_is_matched_by_name() {
    let dir = temp_dir();
    let d = dir.path();
    assert!(bia(&["demo", "2025.bia"], d).status.success());
    let o = bia(&["export", "2025.bia", "--out", "2025.xlsx"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = bia(&["import", "2025.xlsx", "--into", "2026.bia"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    let wb = Workbench::open_to_read(&d.join("2026.bia")).unwrap();
    let c = wb.compare_with(&d.join("2025.bia"), true).unwrap();
    assert!(!c.same_assessment, "a file built separately");
    assert_eq!(
        (c.counts.added, c.counts.removed),
        (0, 0),
        "every process found by name"
    );
    assert_eq!(
        (c.counts.resources_added, c.counts.resources_removed),
        (0, 0),
        "every resource found by kind and name"
    );
    assert!(
        c.is_empty(),
        "the export keeps every value compared: {:#?}",
        c.processes.first()
    );
    let o = bia(&["compare", "2025.bia", "2026.bia"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("matched by name"), "{text}");
    assert!(text.contains("No differences."), "{text}");
}

#[test]
fn bia_compare_prints_each_change_and_its_json_is_the_comparison() {
    let dir = temp_dir();
    a_workshop_later(dir.path()).close().unwrap();
    let o = bia(&["compare", "before.bia", "demo.bia"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    for expected in [
        "1 added, 1 removed, 2 changed, 22 unchanged",
        "+ Bonded warehouse customs checks (Warehouse Operations, no tier)",
        "- Fuel and consumables purchasing",
        "Financial at 1 w",
        "Relies on IT service desk",
        "Tier movement",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    assert!(!text.contains("matched by name"), "one assessment: by id");
    let o = bia(&["compare", "before.bia", "demo.bia", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["counts"]["added"], 1);
    assert_eq!(json["same_assessment"], true);
    assert!(json["tier_movement"].as_array().unwrap().len() >= 4);
}

#[test]
fn a_file_that_is_not_an_assessment_is_refused_by_name() {
    let dir = temp_dir();
    let d = dir.path();
    assert!(bia(&["demo", "demo.bia"], d).status.success());
    std::fs::write(d.join("notes.bia"), "minutes of the meeting").unwrap();
    let o = bia(&["compare", "notes.bia", "demo.bia"], d);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("notes.bia"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not a BIA assessment"),
        "{}",
        stderr(&o)
    );

    // A damaged copy: the middle third of its pages overwritten.
    let mut bytes = std::fs::read(d.join("demo.bia")).unwrap();
    let third = bytes.len() / 3;
    bytes[third..2 * third].fill(0x5a);
    std::fs::write(d.join("damaged.bia"), &bytes).unwrap();
    let o = bia(&["compare", "damaged.bia", "demo.bia"], d);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("damaged.bia"), "{}", stderr(&o));

    // A file from a newer version of the program.
    std::fs::copy(d.join("demo.bia"), d.join("future.bia")).unwrap();
    let conn = rusqlite::Connection::open(d.join("future.bia")).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    conn.pragma_update(None, "user_version", version + 1)
        .unwrap();
    conn.execute_batch("PRAGMA journal_mode=DELETE").unwrap();
    drop(conn);
    let before = std::fs::read(d.join("future.bia")).unwrap();
    let o = bia(&["compare", "future.bia", "demo.bia"], d);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("future.bia"), "{}", stderr(&o));
    assert!(stderr(&o).contains("newer"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(d.join("future.bia")).unwrap(),
        before,
        "only read"
    );

    // Nor does an export with changes since it leave anything behind.
    let o = bia(
        &[
            "export",
            "demo.bia",
            "--out",
            "x.xlsx",
            "--changes-since",
            "notes.bia",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!d.join("x.xlsx").exists());
}

#[test]
fn the_changes_sheet_comes_last_and_the_export_still_reads_back() {
    let dir = temp_dir();
    let d = dir.path();
    a_workshop_later(d).close().unwrap();
    let o = bia(
        &[
            "export",
            "demo.bia",
            "--out",
            "changes.xlsx",
            "--changes-since",
            "before.bia",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(d.join("changes.xlsx")).unwrap();
    let mut expected: Vec<String> = bia::excel::export::SHEETS
        .iter()
        .map(|s| s.to_string())
        .collect();
    expected.push("Changes".into());
    assert_eq!(
        book.sheet_names(),
        expected,
        "the nine sheets as always, then Changes"
    );
    let sheet = book.worksheet_range("Changes").unwrap();
    let cells: Vec<String> = sheet.cells().map(|(_, _, v)| v.to_string()).collect();
    let title = &cells[0];
    assert!(
        title.starts_with("Changes since Harbourline Logistics — BIA 2026 ("),
        "{title}"
    );
    for expected in [
        "Processes added",
        "Tier movement (processes in both files)",
        "Bonded warehouse customs checks",
        "Process removed",
        "Financial at 1 w",
        "↑ up",
        "↓ down",
    ] {
        assert!(
            cells.iter().any(|c| c == expected),
            "{expected:?} on the sheet"
        );
    }
    let mut pictures = 0;
    let file = std::fs::File::open(d.join("changes.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    for i in 0..zip.len() {
        if zip
            .by_index(i)
            .unwrap()
            .name()
            .unwrap()
            .starts_with("xl/media/")
        {
            pictures += 1;
        }
    }
    assert_eq!(
        pictures, 3,
        "the Summary's two pictures and the tier movement"
    );

    // Read back as our own export: the Changes sheet is passed over.
    let o = bia(&["import", "changes.xlsx", "--into", "back.bia"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let back = Workbench::open_to_read(&d.join("back.bia")).unwrap();
    let c = back.compare_with(&d.join("demo.bia"), true).unwrap();
    assert!(
        c.is_empty(),
        "the same assessment came back: {:#?}",
        c.processes.first()
    );
}

#[test]
fn backups_beside_the_file_are_listed_newest_first_and_compare() {
    let dir = temp_dir();
    let d = dir.path();
    let wb = a_workshop_later(d);
    for name in [
        "demo.before-import-20261121-142300.bia",
        "demo.before-questionnaire-20261203-090000.bia",
        "demo.v6-backup-20260101-000000.bia",
    ] {
        std::fs::copy(d.join("before.bia"), d.join(name)).unwrap();
    }
    std::fs::write(d.join("demo.before-import-20261130-000000.bia"), "").unwrap();
    std::fs::write(d.join("other.before-import-20261130-000000.bia"), "x").unwrap();
    let backups = wb.backups().unwrap();
    let names: Vec<&str> = backups.iter().map(|b| b.file_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "demo.before-questionnaire-20261203-090000.bia",
            "demo.before-import-20261121-142300.bia",
            "demo.v6-backup-20260101-000000.bia",
        ],
        "newest first; an empty file and another assessment's passed over"
    );
    assert_eq!(backups[0].taken_at, "2026-12-03 09:00");
    assert_eq!(backups[1].reason, "before an import");
    let c = wb.compare_with(Path::new(&backups[1].path), true).unwrap();
    assert_eq!(c.counts.added, 1);
    wb.close().unwrap();
}

/// The 10,000-process reference assessment against a copy with a few
/// edits: how long loading, analysing and comparing take. Run by hand:
/// `BIA_REFERENCE=…/reference.bia BIA_REFERENCE_COPY=…/edited.bia cargo
/// test -p bia --test core -- --ignored reference --nocapture`.
#[test]
#[ignore = "needs the generated reference assessment"]
fn the_reference_assessment_compares_in_linear_time() {
    let (Some(old), Some(new)) = (
        std::env::var_os("BIA_REFERENCE"),
        std::env::var_os("BIA_REFERENCE_COPY"),
    ) else {
        return;
    };
    let started = std::time::Instant::now();
    let wb = Workbench::open_to_read(Path::new(&new)).unwrap();
    let theirs = Workbench::open_to_read(Path::new(&old)).unwrap();
    let (a, b) = (theirs.assessment().unwrap(), wb.assessment().unwrap());
    let loaded = started.elapsed();
    let (x, y) = (theirs.analysis().unwrap(), wb.analysis().unwrap());
    let analysed = started.elapsed();
    let c = bia::analysis::compare(&a, &x, &b, &y);
    let compared = started.elapsed();
    println!(
        "{} processes: loaded both in {loaded:?}, analysed by {analysed:?}, compared in {:?}; \
         {} added, {} removed, {} changed",
        b.processes.len(),
        compared - analysed,
        c.counts.added,
        c.counts.removed,
        c.counts.changed
    );
}
