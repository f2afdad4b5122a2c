//! Files that share no fork point, merged like an import: the Leeds site
//! lead built a small assessment of her own on her laptop before anyone
//! handed her a copy; someone else sends back last year's executive
//! workbook; a plain file copy of the demo, made before any copy was
//! handed out, was edited apart. Each is matched by id, then by name:
//! what is empty here is filled, what both filled differently is a
//! conflict kept as this file has it, what only the file has is added,
//! and nothing here is removed. Merging again brings nothing new; one
//! undo puts the file back.

use std::path::Path;

use bia::Workbench;
use bia::model::{
    AssessmentInput, CategoryInput, ConflictKind, Currency, DependencyInput, DependencyTarget,
    HorizonInput, MergedKind, NodeRef, ProcessInput, Resolution, ResolveInput, ResourceInput,
    ResourceKind, Status, Strength,
};
use bia::workbench::NamedScore;

use crate::merge::content;
use crate::temp_dir;

fn score(wb: &mut Workbench, process: &str, category: &str, horizon: &str, severity: &str) {
    wb.score(&NamedScore {
        process,
        category,
        horizon,
        severity,
    })
    .unwrap();
}

/// Leeds's own assessment: "Pick, pack and dispatch" (in the demo too, its
/// owner and description told differently, a peak period the demo lacks),
/// two processes of its own in a unit of its own, a supplier, a link, an
/// objective, and an impact category and a horizon the demo's methodology
/// lacks (contractual impact, at two days).
fn leeds(path: &Path) -> Workbench {
    let mut wb = Workbench::create(
        path,
        &AssessmentInput {
            name: "Leeds site BIA".into(),
            organisation: "Harbourline Logistics".into(),
            facilitator: "Aisha Bello".into(),
            ..Default::default()
        },
        Currency::fallback(),
    )
    .unwrap();
    let mut m = wb.methodology().unwrap().to_input();
    m.categories.push(CategoryInput {
        name: "Contractual".into(),
        definitions: m
            .scale
            .iter()
            .map(|level| format!("Contract penalties: {level}"))
            .collect(),
        ..Default::default()
    });
    m.horizons.push(HorizonInput {
        label: "2 days".into(),
        duration: "2 days".into(),
        ..Default::default()
    });
    wb.update_methodology(&m).unwrap();
    // In the demo, approved there: told differently, and a note of its own.
    let pick = ProcessInput {
        name: "Pick, pack and dispatch".into(),
        description: "Leeds cross-dock: 40,000 order lines a day.".into(),
        notes: "Leeds runs a second shift in peak".into(),
        ..Default::default()
    };
    wb.create_process_in("Warehouse Operations", &pick).unwrap();
    // In the demo, in review there: the name written otherwise, another
    // owner, and the peak period the demo left empty.
    let fleet = ProcessInput {
        name: "fleet maintenance".into(),
        owner: "Aisha Bello".into(),
        peak_periods: "Winter gritting runs".into(),
        ..Default::default()
    };
    wb.create_process_in("Transport & Fleet", &fleet).unwrap();
    for name in ["Yard management", "Cross-dock scheduling"] {
        wb.create_process_in(
            "Leeds site",
            &ProcessInput {
                name: name.into(),
                owner: "Aisha Bello".into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    score(&mut wb, "Yard management", "Contractual", "24 h", "3");
    score(
        &mut wb,
        "Pick, pack and dispatch",
        "Contractual",
        "24 h",
        "2",
    );
    score(&mut wb, "Yard management", "Financial", "2 days", "4");
    let yard = wb.process_named("Yard management").unwrap();
    let mut o = wb
        .objectives(yard.id)
        .unwrap()
        .map(|o| o.to_input())
        .unwrap_or_default();
    o.rto = "8 h".into();
    o.rationale = "Agreed with the Leeds site lead".into();
    wb.agree_objectives(yard.id, &o).unwrap();
    let gate = wb
        .create_resource(&ResourceInput {
            kind: ResourceKind::Supplier,
            name: "GateGuard Security".into(),
            rto_capability: "4 h".into(),
            ..Default::default()
        })
        .unwrap();
    wb.create_dependency(&DependencyInput {
        from: NodeRef::Process(yard.id),
        to: DependencyTarget::Existing(NodeRef::Resource(gate.id)),
        strength: Strength::Required,
        note: "Gate staff".into(),
    })
    .unwrap();
    // Approved at Leeds: it comes approved, with its scores.
    wb.set_status(yard.id, Status::InReview, "Ready for sign-off")
        .unwrap();
    wb.set_status(yard.id, Status::Approved, "Signed off by the site lead")
        .unwrap();
    wb
}

#[test]
fn another_assessment_is_imported_matched_by_name_filling_what_is_empty_and_listing_what_differs() {
    let dir = temp_dir();
    let mut mine = Workbench::create_demo(&dir.path().join("harbourline.bia")).unwrap();
    let leeds_path = dir.path().join("leeds.bia");
    leeds(&leeds_path).close().unwrap();
    let before = content(&mine);
    let pick_before = mine.process_named("Pick, pack and dispatch").unwrap();

    // A plain merge refuses another assessment, offering the import.
    let err = mine.merge_copy(&leeds_path, None, false).unwrap_err();
    assert_eq!(err.code(), "merge_other_assessment", "{err}");
    assert!(err.to_string().contains("import it"), "{err}");

    let plan = mine.import_assessment(&leeds_path, true).unwrap();
    assert!(plan.matched && plan.dry_run);
    assert_eq!(content(&mine), before, "a dry run changes nothing");
    let added: Vec<(&str, &str)> = plan
        .applied
        .iter()
        .filter(|c| c.what == MergedKind::Added)
        .map(|c| (c.area.as_str(), c.subject.as_str()))
        .collect();
    for expected in [
        ("Process", "Yard management"),
        ("Process", "Cross-dock scheduling"),
        ("Unit", "Leeds site"),
        ("Resource", "GateGuard Security"),
        ("Methodology", "Contractual"),
        ("Methodology", "2 days"),
    ] {
        assert!(added.contains(&expected), "{expected:?} in {added:?}");
    }
    // The unit it names and the demo's process it matched are not added.
    assert!(
        !added.contains(&("Unit", "Warehouse Operations")),
        "{added:?}"
    );
    assert!(
        !added.iter().any(|(_, s)| s.contains("Pick, pack")),
        "{added:?}"
    );
    // The peak period of Fleet maintenance was empty here: filled. Its
    // owner differs: a conflict, this file's kept. Pick, pack and dispatch
    // is approved here: what differs, and even its empty notes, are
    // conflicts, and its new score is left out, said.
    assert!(plan.applied.iter().any(|c| c.what == MergedKind::Changed
        && c.subject == "Fleet maintenance"
        && c.after == "Winter gritting runs"));
    let conflicts: Vec<(&str, &str)> = plan
        .conflicts
        .iter()
        .map(|c| (c.subject.as_str(), c.field.as_str()))
        .collect();
    assert_eq!(
        conflicts,
        [
            ("Pick, pack and dispatch", "Description"),
            ("Pick, pack and dispatch", "Notes"),
            ("Fleet maintenance", "Owner"),
        ],
        "{:#?}",
        plan.conflicts
    );
    assert!(
        plan.conflicts
            .iter()
            .all(|c| c.kind == ConflictKind::Field && c.from_holder == "leeds.bia")
    );
    assert_eq!(plan.left_out.len(), 1, "{:?}", plan.left_out);
    assert!(
        plan.left_out[0].contains("“Pick, pack and dispatch” is approved here")
            && plan.left_out[0].contains("Contractual"),
        "{:?}",
        plan.left_out
    );

    let done = mine.import_assessment(&leeds_path, false).unwrap();
    assert!(!done.dry_run);
    assert_eq!(done.applied, plan.applied);
    assert_eq!(done.conflicts.len(), 3);
    let backup = done.backup.clone().expect("a backup first");
    assert!(Path::new(&backup).exists());
    assert_eq!(mine.unresolved_conflicts().unwrap(), 3);

    let pick = mine.process_named("Pick, pack and dispatch").unwrap();
    assert_eq!(pick.id, pick_before.id);
    assert_eq!(pick.notes, "", "approved: left to the conflict");
    let fleet = mine.process_named("Fleet maintenance").unwrap();
    assert_eq!(fleet.peak_periods, "Winter gritting runs");
    assert_eq!(fleet.owner, "Gareth Pugh");
    let yard = mine.process_named("Yard management").unwrap();
    assert_eq!(yard.status, Status::Approved);
    let o = mine
        .objectives(yard.id)
        .unwrap()
        .expect("its objectives came");
    assert_eq!(o.rto.map(|m| m.to_string()).as_deref(), Some("8 h"));
    let impact = mine.process_impact(yard.id).unwrap();
    assert_eq!(
        impact.scores.len(),
        2,
        "both scores, on the added category and horizon"
    );
    assert!(
        mine.dependencies()
            .unwrap()
            .iter()
            .any(|d| d.from == NodeRef::Process(yard.id) && d.note == "Gate staff")
    );
    let methodology = mine.methodology().unwrap();
    assert!(
        methodology
            .categories
            .iter()
            .any(|c| c.name == "Contractual")
    );
    assert!(methodology.horizons.iter().any(|h| h.label == "2 days"));
    // Nothing of the demo went.
    assert_eq!(
        mine.processes().unwrap().len(),
        before["processes"].as_array().unwrap().len() + 2
    );
    assert!(
        mine.decisions(Some(yard.id))
            .unwrap()
            .iter()
            .any(|d| d.rationale == "Agreed with the Leeds site lead"),
        "the file's decision log comes along"
    );

    // Again: nothing new; the open conflicts are the same ones.
    let again = mine.import_assessment(&leeds_path, true).unwrap();
    assert!(again.applied.is_empty(), "{:#?}", again.applied);
    assert!(again.conflicts.is_empty(), "{:#?}", again.conflicts);
    assert_eq!(again.decisions_added, 0);
    assert_eq!(again.unresolved, 3);

    // Resolved from the file's side, then the whole import undone at once.
    let owner = done.conflicts.iter().find(|c| c.field == "Owner").unwrap();
    mine.resolve_conflict(&ResolveInput {
        id: owner.id,
        resolution: Resolution::Theirs,
        value: None,
    })
    .unwrap();
    assert_eq!(
        mine.process_named("Fleet maintenance").unwrap().owner,
        "Aisha Bello"
    );
    mine.undo().unwrap();
    mine.undo().unwrap();
    assert_eq!(content(&mine), before, "one undo takes the import back");
    assert_eq!(mine.unresolved_conflicts().unwrap(), 0);
    mine.redo().unwrap();
    assert_eq!(
        mine.processes().unwrap().len(),
        pick_before_count(&before) + 2
    );
}

fn pick_before_count(before: &serde_json::Value) -> usize {
    before["processes"].as_array().unwrap().len()
}

#[test]
fn an_executive_export_merges_back_into_the_assessment_it_came_from_with_nothing_to_do() {
    let dir = temp_dir();
    let mut mine = Workbench::create_demo(&dir.path().join("harbourline.bia")).unwrap();
    let workbook = dir.path().join("Harbourline BIA 2026.xlsx");
    mine.export(&workbook, &mut |_| {}).unwrap();
    // Since the export: a description cleared here by mistake.
    let p = mine.process_named("Complaints handling").unwrap();
    let mut input = p.to_input();
    input.description = String::new();
    mine.update_process(p.id, &input).unwrap();
    let before = content(&mine);

    let report = mine.import_assessment(&workbook, false).unwrap();
    assert!(report.matched);
    assert!(report.conflicts.is_empty(), "{:#?}", report.conflicts);
    // Only the cleared description comes back.
    assert_eq!(report.applied.len(), 1, "{:#?}", report.applied);
    let c = &report.applied[0];
    assert_eq!(
        (c.what, c.subject.as_str()),
        (MergedKind::Changed, "Complaints handling")
    );
    assert_eq!(c.before, "(blank)");
    assert_eq!(
        report.decisions_added, 0,
        "reading it back logged nothing of its own"
    );
    assert_eq!(mine.processes().unwrap().len(), pick_before_count(&before));

    // A legacy workbook is not an assessment: imported as a workbook.
    let legacy = dir.path().join("legacy.csv");
    std::fs::write(&legacy, "Process,Owner\nPayroll,Kim\n").unwrap();
    let err = mine.import_assessment(&legacy, true).unwrap_err();
    assert_eq!(err.code(), "import_not_own_export", "{err}");
    assert!(err.to_string().contains("legacy.csv"), "{err}");
    // The open file itself is the same copy.
    let err = mine
        .import_assessment(mine.path().to_path_buf().as_path(), true)
        .unwrap_err();
    assert_eq!(err.code(), "merge_same_copy", "{err}");
}

#[test]
fn a_plain_copy_edited_apart_merges_without_a_fork_point_and_removes_nothing() {
    let dir = temp_dir();
    let mut mine = Workbench::create_demo(&dir.path().join("harbourline.bia")).unwrap();
    let plain = dir.path().join("harbourline (USB stick).bia");
    mine.save_copy(&plain).unwrap().close().unwrap();
    let mut theirs = Workbench::open(&plain).unwrap();
    // There: a process deleted, a new one, a score changed.
    let gone = theirs.process_named("Complaints handling").unwrap();
    theirs.delete_process(gone.id).unwrap();
    theirs
        .create_process_in(
            "Finance",
            &ProcessInput {
                name: "Intercompany settlement".into(),
                ..Default::default()
            },
        )
        .unwrap();
    score(
        &mut theirs,
        "Cold-chain storage monitoring",
        "Financial",
        "24 h",
        "4",
    );
    theirs.close().unwrap();
    // Here: the same score changed otherwise.
    score(
        &mut mine,
        "Cold-chain storage monitoring",
        "Financial",
        "24 h",
        "2",
    );

    let report = mine.merge_copy(&plain, None, false).unwrap();
    assert!(report.matched, "no fork point: merged like an import");
    assert_eq!(report.count(MergedKind::Removed), 0);
    assert!(
        mine.process_named("Complaints handling").is_ok(),
        "nothing removed here"
    );
    assert!(mine.process_named("Intercompany settlement").is_ok());
    assert_eq!(report.conflicts.len(), 1, "{:#?}", report.conflicts);
    let c = &report.conflicts[0];
    assert_eq!(c.subject, "Cold-chain storage monitoring");
    assert!(
        c.mine.starts_with('2') && c.theirs.starts_with('4'),
        "{c:?}"
    );
}

#[test]
fn a_score_on_a_level_this_scale_lacks_is_left_out_and_said() {
    let dir = temp_dir();
    let mut mine = Workbench::create_demo(&dir.path().join("harbourline.bia")).unwrap();
    let leeds_path = dir.path().join("leeds.bia");
    leeds(&leeds_path).close().unwrap();
    // A file from elsewhere whose scale went one level higher.
    let conn = rusqlite::Connection::open(&leeds_path).unwrap();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF; \
         INSERT INTO severity_level (id, value, name) VALUES ('01a2531c-0000-7000-8000-000000000009', 9, 'Off the scale'); \
         UPDATE impact SET severity = 9 WHERE severity = 4;",
    )
    .unwrap();
    drop(conn);
    let report = mine.import_assessment(&leeds_path, false).unwrap();
    let said = report
        .left_out
        .iter()
        .find(|l| l.contains("level 9"))
        .expect("the score off the scale is said");
    assert!(
        said.contains("“Yard management”, Financial at 2 days: level 9"),
        "{said}"
    );
    let yard = mine.process_named("Yard management").unwrap();
    assert_eq!(mine.process_impact(yard.id).unwrap().scores.len(), 1);
}

#[test]
fn the_cli_imports_an_assessment_file_and_an_export_into_an_existing_one() {
    let dir = temp_dir();
    let demo = dir.path().join("harbourline.bia");
    Workbench::create_demo(&demo).unwrap().close().unwrap();
    let leeds_path = dir.path().join("leeds.bia");
    leeds(&leeds_path).close().unwrap();
    let bia = env!("CARGO_BIN_EXE_bia");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(bia).args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = run(&[
        "import",
        leeds_path.to_str().unwrap(),
        "--into",
        demo.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("like an import"), "{out}");
    assert!(out.contains("+ Process “Yard management”"), "{out}");
    assert!(out.contains("3 conflict(s)"), "{out}");
    let (code, out, err) = run(&[
        "import",
        leeds_path.to_str().unwrap(),
        "--into",
        demo.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["matched"], true);
    assert!(report["backup"].is_string());
    let (code, out, _) = run(&["conflicts", demo.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert!(out.contains("Fleet maintenance"), "{out}");

    let workbook = dir.path().join("leeds.xlsx");
    let (code, _, err) = run(&[
        "export",
        leeds_path.to_str().unwrap(),
        "--out",
        workbook.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let (code, out, err) = run(&[
        "import",
        workbook.to_str().unwrap(),
        "--into",
        demo.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("like an import"), "{out}");
    assert!(out.contains("0 added"), "all of it is in already: {out}");
}
