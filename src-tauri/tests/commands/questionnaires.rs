//! Questionnaires over IPC, as the Questionnaires screen drives them: send
//! Gareth Pugh his workbook into the folder the dialog chose, see it
//! listed, take back his answers (filled in by program) — reviewed first,
//! then only the accepted keys applied — undo it, and the refusals the
//! screen shows by their codes.

use serde_json::{Value, json};

use super::{Shell, Startup};

#[path = "../../../tests/core/xlsx_edit.rs"]
mod xlsx_edit;

#[test]
fn a_questionnaire_is_sent_reviewed_and_partly_accepted_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::StartScreen);
    shell.ok("open_demo", json!({}));
    assert_eq!(shell.ok("list_questionnaires", json!({})), json!([]));
    let processes = shell.ok("list_processes", json!({}));
    let id_of = |name: &str| {
        processes
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap()["id"]
            .clone()
    };
    let fleet = id_of("Fleet maintenance");
    let folder = dir.path().join("sent");
    let none = shell
        .call(
            "send_questionnaires",
            json!({ "input": { "processes": [] }, "folder": folder }),
        )
        .unwrap_err();
    assert_eq!(none["code"], "questionnaire_nothing_to_send");
    let sent = shell.ok(
        "send_questionnaires",
        json!({
            "input": { "processes": [fleet, id_of("Driver compliance and tachograph records")],
                       "recipients": "owner", "due": "2099-01-15", "return_to": "" },
            "folder": folder,
        }),
    );
    let path = sent[0]["path"].as_str().unwrap().to_string();
    assert_eq!(sent[0]["questionnaire"]["recipient"], "Gareth Pugh");
    assert_eq!(sent[0]["questionnaire"]["status"], "sent");
    assert_eq!(sent[0]["questionnaire"]["due"], "2099-01-15");
    let listed = shell.ok("list_questionnaires", json!({}));
    assert_eq!(listed.as_array().unwrap().len(), 1);

    // Gareth answers: a WRT and a description.
    let returned = bia::excel::import::read_questionnaire(std::path::Path::new(&path)).unwrap();
    let fleet_sheet = returned
        .processes
        .iter()
        .find(|p| p.process_id.to_string() == fleet.as_str().unwrap())
        .unwrap();
    let cell = |key: &str| {
        fleet_sheet
            .answers
            .iter()
            .find(|a| a.key == key)
            .unwrap()
            .cell
            .clone()
    };
    let (wrt, description) = (cell("wrt"), cell("description"));
    xlsx_edit::fill(
        std::path::Path::new(&path),
        &[
            (&fleet_sheet.sheet, &wrt, "4 h"),
            (
                &fleet_sheet.sheet,
                &description,
                "Keep the fleet roadworthy: inspections, repairs and MOT.",
            ),
        ],
    );
    let review = shell.ok("review_questionnaire", json!({ "path": path }));
    let changes = review["processes"][0]["changes"].as_array().unwrap();
    let keys: Vec<&str> = changes.iter().map(|c| c["key"].as_str().unwrap()).collect();
    assert!(
        keys.contains(&"wrt") && keys.contains(&"description"),
        "{keys:?}"
    );
    assert!(changes.iter().all(|c| c["state"] == "proposed"));

    // Only the WRT is accepted.
    let outcome = shell.ok(
        "receive_questionnaire",
        json!({ "path": path, "reviewed": review["fingerprint"], "acceptance": { "mode": "only", "keys": [format!("{} wrt", fleet.as_str().unwrap())] } }),
    );
    assert_eq!(outcome["applied"], 1);
    assert_eq!(outcome["rejected"], 1);
    assert!(
        outcome["backup"]
            .as_str()
            .unwrap()
            .contains("before-questionnaire")
    );
    let objectives = shell.ok("get_objectives", json!({ "processId": fleet }));
    assert_eq!(objectives["wrt"], 240);
    assert_eq!(objectives["provenance"]["kind"], "questionnaire");
    assert_eq!(objectives["provenance"]["recipient"], "Gareth Pugh");
    assert_eq!(
        shell.ok("list_questionnaires", json!({}))[0]["status"],
        "applied"
    );
    // One undo takes the return back whole.
    shell.ok("undo", json!({}));
    assert_eq!(
        shell.ok("list_questionnaires", json!({}))[0]["status"],
        "sent"
    );
    assert_ne!(
        shell.ok("get_objectives", json!({ "processId": fleet }))["wrt"],
        Value::from(240)
    );

    // Withdrawn: the screen shows why by its code.
    let id = shell.ok("list_questionnaires", json!({}))[0]["id"].clone();
    let withdrawn = shell.ok("withdraw_questionnaire", json!({ "id": id }));
    assert_eq!(withdrawn["status"], "withdrawn");
    let refused = shell
        .call("review_questionnaire", json!({ "path": path }))
        .unwrap_err();
    assert_eq!(refused["code"], "questionnaire_withdrawn");
    assert!(refused["message"].as_str().unwrap().contains("Gareth Pugh"));
    // A file that is no questionnaire says so, for the import to take it.
    let other = dir.path().join("legacy.xlsx");
    std::fs::write(&other, b"PK not really").unwrap();
    let refused = shell
        .call("review_questionnaire", json!({ "path": other }))
        .unwrap_err();
    assert_ne!(refused["code"], "questionnaire_withdrawn");
    assert!(refused["message"].as_str().unwrap().contains("legacy.xlsx"));
}
