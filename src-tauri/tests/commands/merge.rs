//! Copies and merging over IPC, as the Merge screen drives them. Eleanor
//! (the facilitator) hands Priya Raman a copy of the demo for the site
//! visits (Give a Copy To…); both edit offline — the same RTO to different
//! values, and Priya a workaround Eleanor did not touch — then Eleanor
//! merges the copy back: a dry run first (nothing written), then the merge
//! as one undoable edit after a backup, the RTO left as a conflict ("mine"
//! kept) until she takes Priya's value; undo and redo move the conflict's
//! state with the file. Then the refusals the screen shows by their codes.

use std::path::Path;

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
    assert_eq!(
        merge(&early)["code"],
        "merge_unrelated",
        "a file copied before any copy was given shares no state to merge from"
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
