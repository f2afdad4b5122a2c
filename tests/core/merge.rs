//! Several laptops, one assessment: the facilitator hands a copy of the
//! demo to Priya Raman, who runs the Felixstowe workshops on it offline
//! while the facilitator goes on at head office; the copy comes back and
//! is merged. What only one side changed is taken; what both changed
//! differently is a conflict, kept as this file has it until resolved;
//! deletions against edits are conflicts; a process both added under one
//! name is offered as two. Merging again brings nothing new; merging the
//! other way converges; a merge is one undoable edit after a backup; and
//! copies of other assessments and the same copy are refused with nothing
//! changed (files with no fork point in common: `merge_matched`).

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
pub(crate) fn content(wb: &Workbench) -> serde_json::Value {
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

fn merge_back(
    mine: &mut Workbench,
    theirs: Workbench,
    prefer: Option<Prefer>,
) -> bia::model::MergeReport {
    let path = theirs.path().to_path_buf();
    theirs.close().unwrap();
    mine.merge_copy(&path, prefer, false).unwrap()
}

fn resolve(wb: &mut Workbench, id: bia::model::Id, resolution: Resolution) -> bia::model::Conflict {
    wb.resolve_conflict(&ResolveInput {
        id,
        resolution,
        value: None,
    })
    .unwrap()
}

#[test]
fn a_process_edited_here_and_deleted_in_the_copy_is_a_conflict_until_resolved() {
    let dir = temp_dir();
    let (mut mine, mut theirs) = demo_and_copy(dir.path());
    let p = theirs.process_named("Complaints handling").unwrap();
    theirs.delete_process(p.id).unwrap();
    set_rto(&mut mine, "Complaints handling", "1 d");
    let report = merge_back(&mut mine, theirs, None);
    assert_eq!(report.conflicts.len(), 1, "{:#?}", report.conflicts);
    let c = &report.conflicts[0];
    assert_eq!(
        (c.kind, c.subject.as_str()),
        (ConflictKind::EditedDeleted, "Complaints handling")
    );
    assert_eq!(
        (c.mine.as_str(), c.theirs.as_str()),
        ("changed here", "deleted in the copy")
    );
    assert!(
        mine.process_named("Complaints handling").is_ok(),
        "kept until resolved"
    );
    resolve(&mut mine, c.id, Resolution::Theirs);
    assert!(mine.process_named("Complaints handling").is_err());
    // Undo brings it back, and the conflict with it.
    mine.undo().unwrap();
    assert!(mine.process_named("Complaints handling").is_ok());
    assert_eq!(mine.conflicts().unwrap()[0].resolution, None);
}

#[test]
fn a_process_deleted_here_and_scored_in_the_copy_comes_back_with_its_scores_if_chosen() {
    let dir = temp_dir();
    let (mut mine, mut theirs) = demo_and_copy(dir.path());
    let p = mine.process_named("Returns processing").unwrap();
    let scores = mine.process_impact(p.id).unwrap().scores.len();
    mine.delete_process(p.id).unwrap();
    let m = theirs.methodology().unwrap();
    theirs
        .set_scores(
            p.id,
            &[ScoreInput {
                category_id: m.categories[1].id,
                horizon_id: m.horizons[3].id,
                severity: Some(5),
                note: Some("peak season".into()),
            }],
        )
        .unwrap();
    let report = merge_back(&mut mine, theirs, None);
    let c = &report.conflicts[0];
    assert_eq!(report.conflicts.len(), 1, "{:#?}", report.conflicts);
    assert_eq!(
        (c.kind, c.subject.as_str()),
        (ConflictKind::DeletedEdited, "Returns processing")
    );
    assert!(
        mine.process_named("Returns processing").is_err(),
        "stays deleted until resolved"
    );
    resolve(&mut mine, c.id, Resolution::Theirs);
    let back = mine.process_named("Returns processing").unwrap();
    let grid = mine.process_impact(back.id).unwrap();
    assert!(
        grid.scores.len() >= scores,
        "{} of {scores}",
        grid.scores.len()
    );
    assert!(
        grid.scores
            .iter()
            .any(|s| s.severity == Some(5) && s.note == "peak season")
    );
}

#[test]
fn a_process_added_on_both_sides_under_one_name_is_kept_twice_when_asked() {
    let dir = temp_dir();
    let (mut mine, mut theirs) = demo_and_copy(dir.path());
    for (wb, owner) in [(&mut mine, "Tom Okafor"), (&mut theirs, PRIYA)] {
        wb.create_process(&ProcessInput {
            name: "Reefer plug-in monitoring".into(),
            owner: owner.into(),
            ..Default::default()
        })
        .unwrap();
    }
    let report = merge_back(&mut mine, theirs, None);
    let c = &report.conflicts[0];
    assert_eq!(
        (c.kind, c.subject.as_str()),
        (ConflictKind::SameName, "Reefer plug-in monitoring")
    );
    let err = mine
        .resolve_conflict(&ResolveInput {
            id: c.id,
            resolution: Resolution::Theirs,
            value: None,
        })
        .unwrap_err();
    assert_eq!(err.code(), "invalid", "{err}");
    resolve(&mut mine, c.id, Resolution::Both);
    assert_eq!(
        mine.process_named("Reefer plug-in monitoring")
            .unwrap()
            .owner,
        "Tom Okafor"
    );
    assert_eq!(
        mine.process_named("Reefer plug-in monitoring (Priya Raman)")
            .unwrap()
            .owner,
        PRIYA
    );
}

#[test]
fn a_preference_resolves_every_conflict_at_once_and_a_typed_value_is_read_as_the_form_reads_it() {
    let dir = temp_dir();
    let (mut mine, mut theirs) = demo_and_copy(dir.path());
    set_rto(&mut theirs, "Returns processing", "3 d");
    set_rto(&mut theirs, "Complaints handling", "4 h");
    set_rto(&mut mine, "Returns processing", "2 d");
    set_rto(&mut mine, "Complaints handling", "8 h");
    let path = theirs.path().to_path_buf();
    theirs.close().unwrap();
    let report = mine.merge_copy(&path, Some(Prefer::Theirs), false).unwrap();
    assert_eq!(report.unresolved, 0);
    assert!(
        report
            .conflicts
            .iter()
            .all(|c| c.resolution == Some(Resolution::Theirs))
    );
    assert_eq!(rto(&mine, "Returns processing").as_deref(), Some("3 d"));
    mine.undo().unwrap();
    let report = mine.merge_copy(&path, None, false).unwrap();
    let rto_conflict = report
        .conflicts
        .iter()
        .find(|c| c.subject == "Returns processing" && c.field == "RTO")
        .unwrap();
    assert!(rto_conflict.typeable);
    let typed = |value: &str| ResolveInput {
        id: rto_conflict.id,
        resolution: Resolution::Typed,
        value: Some(value.into()),
    };
    let err = mine.resolve_conflict(&typed("soonish")).unwrap_err();
    assert_eq!(err.code(), "invalid", "{err}");
    assert_eq!(
        rto(&mine, "Returns processing").as_deref(),
        Some("2 d"),
        "nothing changed"
    );
    let done = mine.resolve_conflict(&typed("36 h")).unwrap();
    assert_eq!(done.resolved_value, "36 h");
    assert_eq!(rto(&mine, "Returns processing").as_deref(), Some("36 h"));
    let log = mine.decisions(None).unwrap();
    assert!(log.iter().any(|d| {
        d.rationale
            .contains("Conflict with the copy held by Priya Raman")
    }));
}

#[test]
fn a_copy_of_a_copy_merges_into_the_first_file_and_its_log_and_actions_come_along() {
    let dir = temp_dir();
    let (mut mine, mut theirs) = demo_and_copy(dir.path());
    let grand = dir.path().join("sam.bia");
    theirs.give_copy(&grand, "Sam Adeyemi").unwrap();
    theirs.close().unwrap();
    let mut sam = Workbench::open(&grand).unwrap();
    set_rto(&mut sam, "Fleet maintenance", "12 h");
    sam.add_action(&bia::model::ActionInput {
        workshop_id: None,
        text: "Confirm the spare-parts contract with the fleet supplier".into(),
        kind: bia::model::ActionKind::Action,
        owner: "Sam Adeyemi".into(),
        due: String::new(),
        process_id: None,
        resource_id: None,
        status: bia::model::ActionStatus::Open,
    })
    .unwrap();
    let report = merge_back(&mut mine, sam, None);
    assert!(report.conflicts.is_empty(), "{:#?}", report.conflicts);
    assert!(report.decisions_added >= 1);
    assert_eq!(rto(&mine, "Fleet maintenance").as_deref(), Some("12 h"));
    assert!(
        mine.actions(None)
            .unwrap()
            .iter()
            .any(|a| a.owner == "Sam Adeyemi")
    );
    assert!(
        mine.copy_info()
            .unwrap()
            .known
            .iter()
            .any(|k| k.holder == "Sam Adeyemi")
    );
}

#[test]
fn a_file_never_handed_out_a_damaged_copy_and_one_from_a_newer_version_change_nothing() {
    let dir = temp_dir();
    let mut mine = Workbench::create_demo(&dir.path().join("harbourline.bia")).unwrap();
    let plain = dir.path().join("before-any-copy.bia");
    mine.save_copy(&plain).unwrap();
    mine.give_copy(&dir.path().join("priya.bia"), PRIYA)
        .unwrap();
    let before = content(&mine);
    // No fork point in common: merged like an import, and as nothing
    // differs, nothing is done.
    let report = mine.merge_copy(&plain, None, false).unwrap();
    assert!(report.matched);
    assert!(
        report.applied.is_empty() && report.conflicts.is_empty(),
        "{report:#?}"
    );
    assert!(report.backup.is_none());

    let damaged = dir.path().join("damaged.bia");
    let mut bytes = std::fs::read(dir.path().join("priya.bia")).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid..mid + 4096].fill(0x5a);
    std::fs::write(&damaged, bytes).unwrap();
    let err = mine.merge_copy(&damaged, None, false).unwrap_err();
    assert_eq!(err.code(), "corrupt", "{err}");

    let newer = dir.path().join("newer.bia");
    std::fs::copy(dir.path().join("priya.bia"), &newer).unwrap();
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = mine.merge_copy(&newer, None, false).unwrap_err();
    assert_eq!(err.code(), "too_new", "{err}");

    let holder = dir.path().join("nobody.bia");
    let err = mine.give_copy(&holder, "  ").unwrap_err();
    assert_eq!(err.code(), "invalid", "{err}");
    assert!(!holder.exists());
    assert_eq!(content(&mine), before);
}

#[test]
fn the_cli_forks_merges_lists_and_resolves() {
    use crate::cli::{bia, stderr};
    let dir = temp_dir();
    let run = |args: &[&str]| {
        let out = bia(args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run(&["demo", "hq.bia"]);
    assert!(
        run(&["fork", "hq.bia", "--out", "priya.bia", "--for", PRIYA]).contains("for Priya Raman")
    );
    let set = |file: &str, rto: &str| {
        run(&[
            "objectives",
            file,
            "--process",
            "Returns processing",
            "--rto",
            rto,
            "--rationale",
            "workshop",
        ]);
    };
    set("priya.bia", "3 d");
    set("hq.bia", "2 d");
    let preview = run(&[
        "merge",
        "hq.bia",
        "--from",
        "priya.bia",
        "--dry-run",
        "--json",
    ]);
    let preview: serde_json::Value = serde_json::from_str(&preview).unwrap();
    assert_eq!(preview["dry_run"], true);
    let text = run(&["merge", "hq.bia", "--from", "priya.bia"]);
    assert!(text.contains("unresolved"), "{text}");
    let listed = run(&["conflicts", "hq.bia"]);
    let line = listed.lines().find(|l| l.contains("· RTO")).unwrap();
    let id = line.split_whitespace().next().unwrap();
    let out = bia(&["resolve", "hq.bia", id], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--mine"), "{}", stderr(&out));
    assert!(run(&["resolve", "hq.bia", id, "--theirs"]).contains("3 d"));
    let dump: serde_json::Value = serde_json::from_str(&run(&["dump", "hq.bia"])).unwrap();
    let conflicts = dump["conflicts"].as_array().unwrap();
    assert!(
        conflicts
            .iter()
            .any(|c| c["field"] == "RTO" && c["resolution"] == "theirs")
    );
    let out = bia(&["merge", "hq.bia", "--from", "hq.bia"], dir.path());
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_process_added_on_both_sides_under_one_name_is_made_one_with_both_sides_scores() {
    let dir = temp_dir();
    let (mut mine, mut theirs) = demo_and_copy(dir.path());
    let m = mine.methodology().unwrap();
    let (financial, customer) = (m.categories[0].id, m.categories[2].id);
    let (day, week) = (m.horizons[3].id, m.horizons[5].id);
    for (wb, owner, category, description) in [
        (
            &mut mine,
            "Tom Okafor",
            financial,
            "Plug-in checks every four hours",
        ),
        (&mut theirs, PRIYA, customer, ""),
    ] {
        let p = wb
            .create_process(&ProcessInput {
                name: "Reefer plug-in monitoring".into(),
                owner: owner.into(),
                description: description.into(),
                ..Default::default()
            })
            .unwrap();
        wb.set_scores(
            p.id,
            &[ScoreInput {
                category_id: category,
                horizon_id: day,
                severity: Some(3),
                note: None,
            }],
        )
        .unwrap();
        set_rto(wb, "Reefer plug-in monitoring", "4 h");
    }
    let their_id = theirs
        .process_named("Reefer plug-in monitoring")
        .unwrap()
        .id;
    theirs
        .set_scores(
            their_id,
            &[ScoreInput {
                category_id: financial,
                horizon_id: week,
                severity: Some(5),
                note: None,
            }],
        )
        .unwrap();
    let path = theirs.path().to_path_buf();
    let report = merge_back(&mut mine, theirs, None);
    // Met as itself and as the owner of its scores: one conflict.
    let same: Vec<_> = report
        .conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::SameName)
        .collect();
    assert_eq!(same.len(), 1, "{:#?}", report.conflicts);
    let c = same[0];
    assert!(c.mine.contains("owned by Tom Okafor"), "{}", c.mine);
    let done = resolve(&mut mine, c.id, Resolution::Same);
    assert_eq!(done.resolution, Some(Resolution::Same));
    let one = mine.process_named("Reefer plug-in monitoring").unwrap();
    assert_eq!(one.id, their_id, "the copy's id, which the copy keeps");
    assert_eq!(one.owner, "Tom Okafor", "this file's field kept");
    assert_eq!(
        one.description, "Plug-in checks every four hours",
        "filled here only"
    );
    let scores = mine.process_impact(one.id).unwrap().scores;
    for (category, horizon, level) in [
        (financial, day, 3),
        (customer, day, 3),
        (financial, week, 5),
    ] {
        assert!(
            scores.iter().any(|s| s.category_id == category
                && s.horizon_id == horizon
                && s.severity == Some(level)),
            "{scores:#?}"
        );
    }
    assert_eq!(
        rto(&mine, "Reefer plug-in monitoring").as_deref(),
        Some("4 h")
    );
    assert_eq!(
        mine.processes()
            .unwrap()
            .iter()
            .filter(|p| p.name.starts_with("Reefer"))
            .count(),
        1
    );
    // The owner both gave is a conflict of its own; once settled, the copy
    // merging this file ends with the same.
    let owner = mine
        .conflicts()
        .unwrap()
        .into_iter()
        .find(|c| c.resolution.is_none() && c.field == "Owner")
        .unwrap();
    assert_eq!(
        (owner.mine.as_str(), owner.theirs.as_str()),
        ("Tom Okafor", PRIYA)
    );
    resolve(&mut mine, owner.id, Resolution::Mine);
    let mine_path = mine.path().to_path_buf();
    mine.close().unwrap();
    let mut theirs = Workbench::open(&path).unwrap();
    let back = theirs.merge_copy(&mine_path, None, false).unwrap();
    assert!(back.conflicts.is_empty(), "{:#?}", back.conflicts);
    let mine = Workbench::open_to_read(&mine_path).unwrap();
    let (a, b) = (content(&theirs), content(&mine));
    for key in a.as_object().unwrap().keys() {
        if a[key] != b[key] {
            if let (Some(x), Some(y)) = (a[key].as_array(), b[key].as_array()) {
                let only_a: Vec<_> = x.iter().filter(|i| !y.contains(i)).collect();
                let only_b: Vec<_> = y.iter().filter(|i| !x.contains(i)).collect();
                panic!("{key}: copy only {only_a:#?}\nhere only {only_b:#?}");
            }
            panic!("{key} differs");
        }
    }
    // Undo in the copy takes its merge back whole.
    theirs.undo().unwrap();
    assert_eq!(
        theirs
            .process_named("Reefer plug-in monitoring")
            .unwrap()
            .owner,
        PRIYA
    );
}
