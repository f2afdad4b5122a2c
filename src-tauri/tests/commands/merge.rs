//! Copies and merging over IPC, as the Merge screen drives them. Eleanor
//! (the facilitator) hands Priya Raman a copy of the demo for the site
//! visits (Give a Copy To…); both edit offline — the same RTO to different
//! values, and Priya a workaround Eleanor did not touch — then Eleanor
//! merges the copy back: a dry run first (nothing written), then the merge
//! as one undoable edit after a backup, the RTO left as a conflict ("mine"
//! kept) until she takes Priya's value; undo and redo move the conflict's
//! state with the file. Then the refusals the screen shows by their codes,
//! and the Leeds site's BIA, built apart from the demo, merged like an
//! import (File ▸ Import… of its .bia, or of the workbook it was exported
//! to).

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::{Shell, Startup};

const SHIPMENT: &str = "Shipment tracking enquiries";
const FLEET: &str = "Fleet maintenance";

fn id_of(processes: &Value, name: &str) -> Value {
    processes
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("the demo has {name}"))["id"]
        .clone()
}

/// The objectives as the form sends them: as agreed, with `rto` changed.
fn with_rto(objectives: &Value, rto: &str) -> Value {
    let agreed: bia::model::Objectives =
        serde_json::from_value(objectives.clone()).expect("objectives as the core sends them");
    let mut input = agreed.to_input();
    input.rto = rto.into();
    serde_json::to_value(input).unwrap()
}

/// Priya's edits in her copy, on her laptop: not through the shell, which
/// holds Eleanor's file.
fn priya_edits(copy: &Path) {
    let mut theirs = bia::Workbench::open(copy).expect("the copy opens for editing");
    let shipment = theirs.process_named(SHIPMENT).unwrap();
    let mut objectives = theirs
        .objectives(shipment.id)
        .unwrap()
        .expect("agreed in the demo")
        .to_input();
    objectives.rto = "12 h".into();
    theirs.agree_objectives(shipment.id, &objectives).unwrap();
    let fleet = theirs.process_named(FLEET).unwrap();
    let mut input = fleet.to_input();
    input.workaround =
        "Mobile mechanics from the Birmingham hub; contract garages after 24 h".into();
    theirs.update_process(fleet.id, &input).unwrap();
    theirs.close().unwrap();
}

#[test]
fn a_copy_given_edited_and_merged_back_leaves_one_conflict_to_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("Harbourline.bia");
    bia::Workbench::create_demo(&mine).unwrap().close().unwrap();
    let shell = Shell::start(dir.path(), Startup::StartScreen);
    let session = shell.ok("open_assessment", json!({ "path": mine }));
    assert_eq!(
        session["unresolved_conflicts"], 0,
        "a file never merged has no conflicts"
    );
    let info = shell.ok("copy_info", json!({}));
    assert_eq!(
        info["forked_from"],
        Value::Null,
        "the first file is no copy"
    );

    // Give a Copy To… Priya Raman.
    let copy = dir.path().join("Harbourline - copy for Priya Raman.bia");
    let given = shell.ok(
        "give_copy",
        json!({ "path": copy, "holder": "Priya Raman" }),
    );
    assert_eq!(given["holder"], "Priya Raman");
    assert_eq!(given["path"], copy.display().to_string());
    assert!(copy.exists(), "the copy is written where the dialog said");
    let refused = shell
        .call("give_copy", json!({ "path": copy, "holder": "Sam Okafor" }))
        .unwrap_err();
    assert_eq!(
        refused["code"], "file_exists",
        "a copy never replaces a file"
    );
    let known = shell.ok("copy_info", json!({}));
    assert!(
        known["known"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["holder"] == "Priya Raman" && k["copy_id"] == given["copy_id"]),
        "the file knows whom it gave a copy: {known}"
    );
    let theirs_info = bia::Workbench::open_to_read(&copy)
        .unwrap()
        .copy_info()
        .unwrap();
    assert_eq!(theirs_info.holder, "Priya Raman");
    assert_eq!(
        theirs_info.forked_from.as_deref(),
        known["copy_id"].as_str(),
        "the copy knows the file it came from"
    );

    // Both edit offline: Eleanor sets the RTO to 8 h, Priya to 12 h and rewrites a workaround.
    let processes = shell.ok("list_processes", json!({}));
    let shipment = id_of(&processes, SHIPMENT);
    let fleet = id_of(&processes, FLEET);
    let before = shell.ok("get_objectives", json!({ "processId": shipment }));
    shell.ok(
        "set_objectives",
        json!({ "processId": shipment, "input": with_rto(&before, "8 h") }),
    );
    priya_edits(&copy);
    let history = shell.ok("history", json!({}));
    let fleet_before = shell
        .ok("list_processes", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == fleet)
        .unwrap()["workaround"]
        .clone();

    // The dry run: what the merge would do, nothing written.
    let preview = shell.ok(
        "merge_copy",
        json!({ "path": copy, "prefer": null, "dryRun": true }),
    );
    assert_eq!(preview["dry_run"], true);
    assert_eq!(preview["from_holder"], "Priya Raman");
    assert_eq!(preview["backup"], Value::Null, "a dry run takes no backup");
    let applied = preview["applied"].as_array().unwrap();
    assert!(
        applied.iter().any(|c| c["what"] == "changed"
            && c["subject"] == FLEET
            && c["after"].as_str().unwrap().starts_with("Mobile mechanics")),
        "the workaround only Priya changed would be taken: {preview}"
    );
    let conflicts = preview["conflicts"].as_array().unwrap();
    assert_eq!(
        conflicts.len(),
        1,
        "one field changed on both sides: {preview}"
    );
    let rto = &conflicts[0];
    assert_eq!(rto["kind"], "field");
    assert_eq!(rto["subject"], SHIPMENT);
    assert_eq!(rto["field"], "RTO");
    assert_eq!(
        (&rto["mine"], &rto["theirs"], &rto["base"]),
        (&json!("8 h"), &json!("12 h"), &json!("1 d"))
    );
    assert_eq!(rto["typeable"], true, "an RTO can be typed");
    assert_eq!(
        shell.ok("history", json!({})),
        history,
        "a dry run is no edit"
    );
    assert_eq!(shell.ok("list_conflicts", json!({})), json!([]));

    // The merge: one edit after a backup; "mine" kept where both changed.
    let report = shell.ok(
        "merge_copy",
        json!({ "path": copy, "prefer": null, "dryRun": false }),
    );
    assert_eq!(report["dry_run"], false);
    assert!(
        report["backup"]
            .as_str()
            .is_some_and(|b| b.contains("before-merge") && Path::new(b).exists()),
        "a backup is taken first: {report}"
    );
    assert_eq!(report["unresolved"], 1);
    assert_eq!(
        report["applied"], preview["applied"],
        "the preview told the truth"
    );
    let workaround = |shell: &Shell| {
        shell
            .ok("list_processes", json!({}))
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == fleet)
            .unwrap()["workaround"]
            .clone()
    };
    assert!(
        workaround(&shell)
            .as_str()
            .unwrap()
            .starts_with("Mobile mechanics")
    );
    let rto_now =
        |shell: &Shell| shell.ok("get_objectives", json!({ "processId": shipment }))["rto"].clone();
    assert_eq!(
        rto_now(&shell),
        480,
        "mine stays until the conflict is resolved"
    );
    assert_eq!(
        shell.ok("current_session", json!({}))["unresolved_conflicts"],
        1,
        "the Dashboard's count"
    );
    let listed = shell.ok("list_conflicts", json!({}));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["resolution"], Value::Null);
    assert_eq!(listed[0]["from_holder"], "Priya Raman");
    let merged_label = shell.ok("history", json!({}))["undo"].clone();
    assert_ne!(
        merged_label, history["undo"],
        "the merge is an edit of its own"
    );

    // Resolving: a typed value that does not read is refused with its field's issue.
    let id = listed[0]["id"].clone();
    let invalid = shell
        .call(
            "resolve_conflict",
            json!({ "input": { "id": id, "resolution": "typed", "value": "soon" } }),
        )
        .unwrap_err();
    assert_eq!(invalid["code"], "invalid");
    assert!(
        !invalid["details"]["issues"].as_array().unwrap().is_empty(),
        "the form shows why: {invalid}"
    );
    // Taking Priya's value.
    let resolved = shell.ok(
        "resolve_conflict",
        json!({ "input": { "id": id, "resolution": "theirs", "value": null } }),
    );
    assert_eq!(resolved["resolution"], "theirs");
    assert_eq!(resolved["resolved_value"], "12 h");
    assert_eq!(rto_now(&shell), 720);
    assert_eq!(
        shell.ok("current_session", json!({}))["unresolved_conflicts"],
        0
    );
    let again = shell
        .call(
            "resolve_conflict",
            json!({ "input": { "id": "00000000-0000-4000-8000-000000000001", "resolution": "mine", "value": null } }),
        )
        .unwrap_err();
    assert_eq!(again["code"], "conflict_unknown");

    // Undo takes the resolution back, redo does it again; undoing the merge takes it all.
    shell.ok("undo", json!({}));
    assert_eq!(rto_now(&shell), 480);
    assert_eq!(
        shell.ok("list_conflicts", json!({}))[0]["resolution"],
        Value::Null
    );
    assert_eq!(
        shell.ok("current_session", json!({}))["unresolved_conflicts"],
        1
    );
    shell.ok("redo", json!({}));
    assert_eq!(rto_now(&shell), 720);
    assert_eq!(
        shell.ok("list_conflicts", json!({}))[0]["resolution"],
        "theirs"
    );
    shell.ok("undo", json!({}));
    let history_after = shell.ok("undo", json!({}));
    assert_eq!(history_after["undo"], history["undo"]);
    assert_eq!(workaround(&shell), fleet_before);
    assert_eq!(shell.ok("list_conflicts", json!({})), json!([]));
    assert_eq!(
        shell.ok("current_session", json!({}))["unresolved_conflicts"],
        0
    );
}

#[test]
fn merging_refuses_what_is_no_copy_of_this_file() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("Harbourline.bia");
    let early = dir
        .path()
        .join("Harbourline (file copy before any was given).bia");
    let plain = dir.path().join("Harbourline (file copy).bia");
    bia::Workbench::create_demo(&mine).unwrap().close().unwrap();
    std::fs::copy(&mine, &early).unwrap();
    let mut demo = bia::Workbench::open(&mine).unwrap();
    demo.give_copy(&dir.path().join("for Sam.bia"), "Sam Okafor")
        .unwrap();
    demo.close().unwrap();
    std::fs::copy(&mine, &plain).unwrap();
    let other = dir.path().join("Harbourline built again.bia");
    bia::Workbench::create_demo(&other)
        .unwrap()
        .close()
        .unwrap();
    let junk = dir.path().join("notes.bia");
    std::fs::write(&junk, "not a database").unwrap();

    let shell = Shell::start(dir.path(), Startup::StartScreen);
    shell.ok("open_assessment", json!({ "path": mine }));
    let history = shell.ok("history", json!({}));
    let merge = |path: &Path| {
        shell
            .call(
                "merge_copy",
                json!({ "path": path, "prefer": null, "dryRun": true }),
            )
            .unwrap_err()
    };

    let err = merge(&plain);
    assert_eq!(
        err["code"], "merge_same_copy",
        "a file copy is no copy given: {err}"
    );
    assert_eq!(err["details"]["path"], plain.display().to_string());
    // A file copied before any copy was given shares no fork point: it merges like an import.
    let early_preview = shell.ok(
        "merge_copy",
        json!({ "path": early, "prefer": null, "dryRun": true }),
    );
    assert_eq!(
        early_preview["matched"], true,
        "no common fork point: matched by id, then by name: {early_preview}"
    );
    assert_eq!(
        early_preview["from_holder"], "Harbourline (file copy before any was given).bia",
        "merged like an import, the file is named in place of a holder"
    );
    let err = merge(&other);
    assert_eq!(err["code"], "merge_other_assessment", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("Harbourline built again.bia")
    );
    assert_eq!(merge(&junk)["code"], "not_sqlite");
    assert_eq!(
        merge(&dir.path().join("gone.bia"))["code"],
        "file_not_found"
    );
    assert_eq!(
        shell.ok("history", json!({})),
        history,
        "nothing refused was written"
    );
    let nobody = shell
        .call(
            "give_copy",
            json!({ "path": dir.path().join("for nobody.bia"), "holder": "  " }),
        )
        .unwrap_err();
    assert_eq!(nobody["code"], "invalid", "a copy is given to someone");
    assert_eq!(nobody["details"]["issues"][0]["field"], "holder");

    // With a preference, the conflicts are settled at once and none stays listed.
    let copy = dir.path().join("copy for Priya.bia");
    shell.ok(
        "give_copy",
        json!({ "path": copy, "holder": "Priya Raman" }),
    );
    let processes = shell.ok("list_processes", json!({}));
    let shipment = id_of(&processes, SHIPMENT);
    let before = shell.ok("get_objectives", json!({ "processId": shipment }));
    shell.ok(
        "set_objectives",
        json!({ "processId": shipment, "input": with_rto(&before, "8 h") }),
    );
    priya_edits(&copy);
    let report = shell.ok(
        "merge_copy",
        json!({ "path": copy, "prefer": "theirs", "dryRun": false }),
    );
    assert_eq!(report["unresolved"], 0);
    assert_eq!(report["conflicts"][0]["resolution"], "theirs");
    assert_eq!(
        shell.ok("get_objectives", json!({ "processId": shipment }))["rto"],
        720
    );
    assert_eq!(
        shell.ok("current_session", json!({}))["unresolved_conflicts"],
        0
    );
}

const LEEDS: &str = "Leeds site BIA.bia";
const LEEDS_EXPORT: &str = "Leeds site BIA.xlsx";

/// The Leeds site's BIA, built apart from the demo (an assessment of its
/// own, no fork point shared), in `dir` as `Leeds site BIA.bia` and
/// exported beside it as `Leeds site BIA.xlsx`: Order picking and Cross-dock
/// scheduling, which the demo lacks; Accounts payable, which it has, owned
/// there by Marcus Reid (Sophie Chen in the demo). In the .bia only (written
/// after the export), Order picking's financial impact at 1 d is scored on a
/// level 6 its scale was given directly in the file, which the demo's
/// 0–5 scale lacks.
pub(super) fn leeds_built_apart(dir: &Path) -> (PathBuf, PathBuf) {
    let (file, export) = (dir.join(LEEDS), dir.join(LEEDS_EXPORT));
    let mut leeds = bia::Workbench::create(
        &file,
        &bia::model::AssessmentInput {
            name: "Leeds site BIA".into(),
            organisation: "Harbourline Logistics Ltd".into(),
            ..Default::default()
        },
        bia::model::Currency::gbp(),
    )
    .unwrap();
    for (name, unit, owner) in [
        ("Order picking", "Warehouse Operations", "Dev Patel"),
        ("Cross-dock scheduling", "Warehouse Operations", ""),
        ("Accounts payable", "Finance", "Marcus Reid"),
    ] {
        let input = bia::model::ProcessInput {
            name: name.into(),
            owner: owner.into(),
            ..Default::default()
        };
        leeds.create_process_in(unit, &input).unwrap();
    }
    leeds.export(&export, &mut |_| {}).unwrap();
    leeds.close().unwrap();

    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute(
        "INSERT INTO severity_level (id, value, name) VALUES (?1, 6, 'Extreme')",
        [bia::model::Id::new().to_string()],
    )
    .unwrap();
    drop(conn);
    let mut leeds = bia::Workbench::open(&file).unwrap();
    let methodology = leeds.methodology().unwrap();
    let picking = leeds.process_named("Order picking").unwrap().id;
    let score = bia::model::ScoreInput {
        category_id: methodology.categories[0].id,
        horizon_id: methodology
            .horizons
            .iter()
            .find(|h| h.label == "1 d")
            .unwrap()
            .id,
        severity: Some(6),
        note: None,
    };
    leeds.set_scores(picking, &[score]).unwrap();
    leeds.close().unwrap();
    (file, export)
}

fn names(shell: &Shell) -> Vec<String> {
    shell
        .ok("list_processes", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_file_built_apart_is_merged_like_an_import() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("Harbourline.bia");
    bia::Workbench::create_demo(&mine).unwrap().close().unwrap();
    let (leeds, export) = leeds_built_apart(dir.path());
    let shell = Shell::start(dir.path(), Startup::StartScreen);
    shell.ok("open_assessment", json!({ "path": mine }));
    let history = shell.ok("history", json!({}));

    // As a copy it is refused (another assessment), with the way out the screen offers.
    let refused = shell
        .call(
            "merge_copy",
            json!({ "path": leeds, "prefer": null, "dryRun": true }),
        )
        .unwrap_err();
    assert_eq!(refused["code"], "merge_other_assessment", "{refused}");

    // File ▸ Import… of the .bia: the dry run, nothing written.
    let preview = shell.ok(
        "import_assessment",
        json!({ "path": leeds, "dryRun": true }),
    );
    assert_eq!(preview["dry_run"], true);
    assert_eq!(preview["matched"], true, "no common fork point");
    assert_eq!(
        preview["from_holder"], LEEDS,
        "the file is named in place of a holder"
    );
    assert_eq!(preview["backup"], Value::Null, "a dry run takes no backup");
    let added: Vec<&str> = preview["applied"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["what"] == "added" && c["area"] == "Process")
        .map(|c| c["subject"].as_str().unwrap())
        .collect();
    assert_eq!(
        added,
        ["Order picking", "Cross-dock scheduling"],
        "the processes the demo lacks, matched by name to its units: {preview}"
    );
    let conflicts = preview["conflicts"].as_array().unwrap();
    assert_eq!(
        conflicts.len(),
        1,
        "one field filled differently: {preview}"
    );
    assert_eq!(conflicts[0]["subject"], "Accounts payable");
    assert_eq!(conflicts[0]["field"], "Owner");
    assert_eq!(
        (&conflicts[0]["mine"], &conflicts[0]["theirs"]),
        (&json!("Sophie Chen"), &json!("Marcus Reid"))
    );
    assert_eq!(conflicts[0]["from_holder"], LEEDS);
    let left_out = preview["left_out"].as_array().unwrap();
    assert_eq!(left_out.len(), 1, "{preview}");
    assert!(
        left_out[0].as_str().unwrap().contains("Order picking")
            && left_out[0].as_str().unwrap().contains("level 6"),
        "what could not be taken says what and where: {left_out:?}"
    );
    assert_eq!(
        shell.ok("history", json!({})),
        history,
        "a dry run is no edit"
    );
    assert!(!names(&shell).contains(&"Order picking".to_string()));

    // The merge: one edit after a backup; the conflict stays, this file's owner kept.
    let report = shell.ok(
        "import_assessment",
        json!({ "path": leeds, "dryRun": false }),
    );
    assert_eq!(report["dry_run"], false);
    assert!(
        report["backup"]
            .as_str()
            .is_some_and(|b| b.contains("before-merge") && Path::new(b).exists()),
        "a backup is taken first: {report}"
    );
    assert_eq!(
        report["applied"], preview["applied"],
        "the preview told the truth"
    );
    let now = names(&shell);
    assert!(
        now.contains(&"Order picking".to_string())
            && now.contains(&"Cross-dock scheduling".to_string())
    );
    assert_eq!(
        shell.ok("current_session", json!({}))["unresolved_conflicts"],
        1,
        "the Dashboard's and the sidebar's count"
    );
    assert_eq!(
        shell.ok("history", json!({}))["undo"],
        "Merge “Leeds site BIA.bia” like an import",
        "one edit, named for the file"
    );
    let listed = shell.ok("list_conflicts", json!({}));
    assert_eq!(listed[0]["from_holder"], LEEDS);
    let undone = shell.ok("undo", json!({}));
    assert_eq!(
        undone["undo"], history["undo"],
        "undo takes the whole merge back"
    );
    assert!(!names(&shell).contains(&"Order picking".to_string()));
    assert_eq!(
        shell.ok("current_session", json!({}))["unresolved_conflicts"],
        0
    );

    // The workbook it was exported to: refused by the column-by-column preview, merged the same way.
    let planned = shell
        .call("plan_import", json!({ "path": export, "choices": [] }))
        .unwrap_err();
    assert_eq!(
        planned["code"], "import_own_into_existing",
        "the Import screen hands it to the Merge screen: {planned}"
    );
    let from_export = shell.ok(
        "import_assessment",
        json!({ "path": export, "dryRun": true }),
    );
    assert_eq!(from_export["matched"], true);
    assert_eq!(from_export["from_holder"], LEEDS_EXPORT);
    let mut added: Vec<&str> = from_export["applied"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["what"] == "added" && c["area"] == "Process")
        .map(|c| c["subject"].as_str().unwrap())
        .collect();
    added.sort();
    assert_eq!(
        added,
        ["Cross-dock scheduling", "Order picking"],
        "{from_export}"
    );
    assert_eq!(from_export["conflicts"][0]["theirs"], "Marcus Reid");
    let merged = shell.ok(
        "import_assessment",
        json!({ "path": export, "dryRun": false }),
    );
    assert_eq!(merged["unresolved"], 1);
    assert_eq!(
        shell.ok("current_session", json!({}))["unresolved_conflicts"],
        1
    );

    // A workbook not exported by this program is no assessment to merge.
    let legacy = dir.path().join("Finance BIA 2024.csv");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/finance-bia-2024.csv"),
        &legacy,
    )
    .unwrap();
    let err = shell
        .call(
            "import_assessment",
            json!({ "path": legacy, "dryRun": true }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "import_not_own_export", "{err}");
}
