//! Several laptops, one assessment: the facilitator hands a copy of the
//! demo to Priya Raman, who runs the Felixstowe workshops on it offline
//! while the facilitator goes on at head office; the copy comes back and
//! is merged. What only one side changed is taken; what both changed
//! differently is a conflict, kept as this file has it until resolved;
//! deletions against edits are conflicts; a process both added under one
//! name is offered as two. Merging again brings nothing new; merging the
//! other way converges; a merge is one undoable edit after a backup; and
//! copies of other assessments, unrelated files and the same copy are
//! refused with nothing changed.

use std::path::Path;

use bia::Workbench;
use bia::model::{
    ConflictKind, MergedKind, Prefer, ProcessInput, Resolution, ResolveInput, ScoreInput,
};

use crate::temp_dir;

const PRIYA: &str = "Priya Raman";

/// The demo and a copy given to Priya.
fn demo_and_copy(dir: &Path) -> (Workbench, Workbench) {
    let mut mine = Workbench::create_demo(&dir.join("harbourline.bia")).unwrap();
    let given = mine.give_copy(&dir.join("priya.bia"), PRIYA).unwrap();
    assert_eq!(given.holder, PRIYA);
    let theirs = Workbench::open(Path::new(&given.path)).unwrap();
    (mine, theirs)
}

fn set_rto(wb: &mut Workbench, process: &str, rto: &str) {
    let p = wb.process_named(process).unwrap();
    let mut input = wb
        .objectives(p.id)
        .unwrap()
        .map(|o| o.to_input())
        .unwrap_or_default();
    input.rto = rto.into();
    wb.agree_objectives(p.id, &input).unwrap();
}

fn rto(wb: &Workbench, process: &str) -> Option<String> {
    let p = wb.process_named(process).unwrap();
    wb.objectives(p.id)
        .unwrap()
        .and_then(|o| o.rto)
        .map(|m| m.to_string())
}

fn edit_process(wb: &mut Workbench, process: &str, f: impl FnOnce(&mut ProcessInput)) {
    let p = wb.process_named(process).unwrap();
    let mut input = p.to_input();
    f(&mut input);
    wb.update_process(p.id, &input).unwrap();
}

/// Everything a person sees of the assessment, as `bia dump` writes it,
/// without what records the merge itself.
fn content(wb: &Workbench) -> serde_json::Value {
    let mut dump: serde_json::Value = serde_json::from_str(&wb.dump_json().unwrap()).unwrap();
    let o = dump.as_object_mut().unwrap();
    for key in ["conflicts", "decisions", "generated_at"] {
        o.remove(key);
    }
    if let Some(a) = o.get_mut("assessment").and_then(|a| a.as_object_mut()) {
        a.remove("updated_at");
    }
    dump
}

#[test]
fn changes_made_on_one_side_only_are_taken_and_both_sides_changes_are_conflicts() {
    let dir = temp_dir();
    let (mut mine, mut theirs) = demo_and_copy(dir.path());
    // Priya, at Felixstowe.
    set_rto(&mut theirs, "Customs clearance and documentation", "2 h");
    set_rto(&mut theirs, "Returns processing", "3 d");
    edit_process(&mut theirs, "Complaints handling", |p| {
        p.description = "Logged in the CRM within the hour; escalated after 2 days.".into();
    });
    let created = theirs
        .create_process(&ProcessInput {
            name: "Port community system bookings".into(),
            owner: "Priya Raman".into(),
            ..Default::default()
        })
        .unwrap();
    let cat = theirs.methodology().unwrap().categories[0].id;
    let hz = theirs.methodology().unwrap().horizons[2].id;
    theirs
        .set_scores(
            created.id,
            &[ScoreInput {
                category_id: cat,
                horizon_id: hz,
                severity: Some(4),
                note: None,
            }],
        )
        .unwrap();
    // Head office, meanwhile.
    set_rto(&mut mine, "Returns processing", "2 d");
    edit_process(&mut mine, "Shipment tracking enquiries", |p| {
        p.owner = "Tom Okafor".into();
    });
    let path = theirs.path().to_path_buf();
    theirs.close().unwrap();

    let before = content(&mine);
    let preview = mine.merge_copy(&path, None, true).unwrap();
    assert!(preview.dry_run);
    assert_eq!(content(&mine), before, "a dry run changes nothing");
    assert_eq!(preview.from_holder, PRIYA);
    assert_eq!(preview.conflicts.len(), 1, "{:#?}", preview.conflicts);
    let c = &preview.conflicts[0];
    assert_eq!(
        (
            c.kind,
            c.subject.as_str(),
            c.field.as_str(),
            c.mine.as_str(),
            c.theirs.as_str()
        ),
        (
            ConflictKind::Field,
            "Returns processing",
            "RTO",
            "2 d",
            "3 d"
        )
    );
    assert!(
        preview.count(MergedKind::Added) >= 1,
        "{:#?}",
        preview.applied
    );

    let report = mine.merge_copy(&path, None, false).unwrap();
    assert!(report.backup.is_some());
    assert_eq!(report.applied, preview.applied);
    assert_eq!(report.unresolved, 1);
    assert_eq!(
        rto(&mine, "Customs clearance and documentation").as_deref(),
        Some("2 h")
    );
    assert_eq!(
        rto(&mine, "Returns processing").as_deref(),
        Some("2 d"),
        "mine kept"
    );
    assert_eq!(
        mine.process_named("Complaints handling")
            .unwrap()
            .description,
        "Logged in the CRM within the hour; escalated after 2 days."
    );
    assert_eq!(
        mine.process_named("Shipment tracking enquiries")
            .unwrap()
            .owner,
        "Tom Okafor"
    );
    let added = mine
        .process_named("Port community system bookings")
        .unwrap();
    assert_eq!(mine.process_impact(added.id).unwrap().scores.len(), 1);

    // Again: nothing new.
    let again = mine.merge_copy(&path, None, false).unwrap();
    assert!(
        again.applied.is_empty() && again.conflicts.is_empty(),
        "{again:#?}"
    );
    assert_eq!(again.unresolved, 1);

    // Undo takes the whole merge back; redo puts it back.
    mine.undo().unwrap();
    let backup = Workbench::open_to_read(Path::new(report.backup.as_deref().unwrap())).unwrap();
    assert_eq!(
        rto(&mine, "Customs clearance and documentation"),
        rto(&backup, "Customs clearance and documentation")
    );
    assert!(
        mine.process_named("Port community system bookings")
            .is_err()
    );
    assert!(mine.conflicts().unwrap().is_empty());
    mine.redo().unwrap();
    assert_eq!(
        rto(&mine, "Customs clearance and documentation").as_deref(),
        Some("2 h")
    );
    assert_eq!(mine.conflicts().unwrap().len(), 1);

    // Resolved: theirs.
    let id = mine.conflicts().unwrap()[0].id;
    let resolved = mine
        .resolve_conflict(&ResolveInput {
            id,
            resolution: Resolution::Theirs,
            value: None,
        })
        .unwrap();
    assert_eq!(resolved.resolution, Some(Resolution::Theirs));
    assert_eq!(rto(&mine, "Returns processing").as_deref(), Some("3 d"));

    // Priya merges head office's file: both now hold the same.
    let mine_path = mine.path().to_path_buf();
    mine.close().unwrap();
    let mut theirs = Workbench::open(&path).unwrap();
    let back = theirs.merge_copy(&mine_path, None, false).unwrap();
    assert!(back.conflicts.is_empty(), "{:#?}", back.conflicts);
    let mine = Workbench::open_to_read(&mine_path).unwrap();
    assert_eq!(content(&theirs), content(&mine));
}

#[test]
fn a_copy_of_another_assessment_an_unrelated_file_and_the_same_copy_are_refused() {
    let dir = temp_dir();
    let (mut mine, theirs) = demo_and_copy(dir.path());
    theirs.close().unwrap();
    let other = Workbench::create_demo(&dir.path().join("other.bia")).unwrap();
    let other_path = other.path().to_path_buf();
    other.close().unwrap();
    let err = mine.merge_copy(&other_path, None, false).unwrap_err();
    assert_eq!(err.code(), "merge_other_assessment", "{err}");
    let plain = dir.path().join("plain.bia");
    mine.save_copy(&plain).unwrap();
    let err = mine.merge_copy(&plain, None, false).unwrap_err();
    assert_eq!(err.code(), "merge_same_copy", "{err}");
    assert!(err.to_string().contains("Give a Copy To"), "{err}");
    let _ = Prefer::Mine;
}
