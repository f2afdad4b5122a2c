//! The desktop commands through Tauri's mock runtime: what the UI sends
//! over IPC and what comes back, errors included, with no window or display.

mod contract;

use std::path::Path;

use bia_workbench::Startup;
use bia_workbench::session::AppState;
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

mod merge;
mod questionnaires;
mod recordings;

struct Shell {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

impl Shell {
    fn start(data_dir: &Path, startup: Startup) -> Shell {
        let app = bia_workbench::builder(
            mock_builder(),
            AppState::with_data_dir(data_dir.to_path_buf()),
            startup.clone(),
        )
        .build(tauri::generate_context!())
        .expect("the app builds on the mock runtime");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("a main window");
        // No event loop runs on the mock runtime, so `setup` never fires.
        bia_workbench::start(app.handle(), &startup);
        Shell { _app: app, window }
    }

    /// Invokes a command as the UI would; `Err` holds the `{code, message, details}` error.
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke(&self.window, cmd, args)
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }
}

/// Invokes a command on `window` as the UI would; `Err` holds the `{code, message, details}` error.
fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request)
        .map(|body| body.deserialize::<Value>().expect("JSON response"))
}

#[test]
fn the_demo_opens_and_its_register_can_be_edited_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::StartScreen);
    assert_eq!(
        shell.ok("current_session", json!({})),
        Value::Null,
        "the start screen has nothing open"
    );

    let session = shell.ok("open_demo", json!({}));
    assert_eq!(session["info"]["organisation"], "Harbourline Logistics Ltd");
    assert_eq!(session["file_name"], "Harbourline Logistics (demo).bia");
    assert_eq!(session["history"]["undo"], Value::Null);

    let processes = shell.ok("list_processes", json!({}));
    assert_eq!(processes.as_array().unwrap().len(), 25);
    let units = shell.ok("list_units", json!({}));
    let finance = units
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "Finance")
        .unwrap()["id"]
        .clone();

    let input = json!({
        "name": "Fuel card reconciliation", "unit_id": finance, "owner": "Sophie Chen",
        "description": "", "peak_periods": "Month end", "minimum_staff": 1, "workaround": "",
        "notes": "", "status": "draft", "custom_fields": [{"name": "Site", "value": "Head office"}]
    });
    assert_eq!(
        shell.ok("check_process", json!({ "input": input, "id": null })),
        json!([])
    );
    let created = shell.ok("create_process", json!({ "input": input }));
    assert_eq!(created["unit_id"], finance);
    assert_eq!(created["provenance"]["kind"], "workshop");
    assert_eq!(
        shell
            .ok("list_processes", json!({}))
            .as_array()
            .unwrap()
            .len(),
        26
    );
    assert_eq!(
        shell.ok("history", json!({}))["undo"],
        "Add process “Fuel card reconciliation”"
    );

    let history = shell.ok("undo", json!({}));
    assert_eq!(history["redo"], "Add process “Fuel card reconciliation”");
    assert_eq!(
        shell
            .ok("list_processes", json!({}))
            .as_array()
            .unwrap()
            .len(),
        25
    );
    shell.ok("redo", json!({}));
    assert_eq!(
        shell
            .ok("list_processes", json!({}))
            .as_array()
            .unwrap()
            .len(),
        26
    );

    let recent = shell.ok("recent_files", json!({}));
    assert_eq!(recent[0]["name"], "Harbourline Logistics — BIA 2026");
    assert_eq!(recent[0]["exists"], true);
}

#[test]
fn errors_cross_as_code_message_details() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::Demo);
    assert!(
        shell.ok("current_session", json!({}))["path"]
            .as_str()
            .unwrap()
            .ends_with(".bia")
    );

    let dup = json!({ "name": "payroll processing", "unit_id": null, "owner": "", "description": "",
        "peak_periods": "", "minimum_staff": null, "workaround": "", "notes": "", "status": "draft", "custom_fields": [] });
    let err = shell
        .call("create_process", json!({ "input": dup }))
        .unwrap_err();
    assert_eq!(err["code"], "duplicate_process");
    assert_eq!(
        err["message"],
        "a process named \"payroll processing\" already exists"
    );
    assert_eq!(err["details"]["issues"][0]["field"], "name");

    let issues = shell.ok("check_process", json!({ "input": dup, "id": null }));
    assert_eq!(issues[0]["field"], "name");

    let warehouse = shell
        .ok("list_units", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "Warehouse Operations")
        .unwrap()["id"]
        .clone();
    let err = shell
        .call("delete_unit", json!({ "id": warehouse }))
        .unwrap_err();
    assert_eq!(err["code"], "unit_in_use");

    let junk = dir.path().join("minutes.bia");
    std::fs::write(&junk, "not a database").unwrap();
    let err = shell
        .call("open_assessment", json!({ "path": junk }))
        .unwrap_err();
    assert_eq!(err["code"], "not_sqlite");
    assert!(err["message"].as_str().unwrap().contains("minutes.bia"));
    assert_eq!(err["details"]["path"], junk.display().to_string());
    assert_eq!(
        shell
            .ok("list_processes", json!({}))
            .as_array()
            .unwrap()
            .len(),
        25,
        "the open assessment stays open"
    );

    shell.ok("close_assessment", json!({}));
    let err = shell.call("list_processes", json!({})).unwrap_err();
    assert_eq!(err["code"], "no_assessment");
}

#[test]
fn new_assessments_and_reopening_from_the_recent_list() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::StartScreen);
    let path = dir.path().join("Acme BIA.bia");
    let input =
        json!({ "name": "Acme BIA 2026", "organisation": "Acme", "scope": "", "facilitator": "" });
    let session = shell.ok("new_assessment", json!({ "path": path, "input": input }));
    assert_eq!(session["file_name"], "Acme BIA.bia");
    let err = shell
        .call("new_assessment", json!({ "path": path, "input": input }))
        .unwrap_err();
    assert_eq!(err["code"], "file_exists");

    shell.ok(
        "create_unit",
        json!({ "input": { "name": "Finance", "parent_id": null } }),
    );
    shell.ok("close_assessment", json!({}));
    let recent = shell.ok("recent_files", json!({}));
    assert_eq!(recent[0]["path"], path.display().to_string());

    let session = shell.ok("open_assessment", json!({ "path": recent[0]["path"] }));
    assert_eq!(session["info"]["name"], "Acme BIA 2026");
    assert_eq!(
        session["history"]["undo"], "Add unit “Finance”",
        "undo survives reopening"
    );
    // Opening the file already open is not a conflict with ourselves.
    shell.ok("open_assessment", json!({ "path": path }));

    let after = shell.ok("forget_recent", json!({ "path": path }));
    assert_eq!(after, json!([]));
}

#[test]
fn a_file_named_at_startup_that_cannot_open_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.bia");
    let shell = Shell::start(dir.path(), Startup::File(missing));
    let err = shell.call("current_session", json!({})).unwrap_err();
    assert_eq!(err["code"], "file_not_found");
    assert_eq!(shell.ok("current_session", json!({})), Value::Null);
}

#[test]
fn scoring_objectives_and_review_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::Demo);
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
    let complaints = id_of("Complaints handling");
    let m = shell.ok("get_methodology", json!({}));
    let (customer, day) = (
        m["categories"][2]["id"].clone(),
        m["horizons"][3]["id"].clone(),
    );
    let later: Vec<Value> = m["horizons"].as_array().unwrap()[4..]
        .iter()
        .map(|h| h["id"].clone())
        .collect();

    // One key press scores a cell; fill-right sets the rest of the row in the same edit.
    let mut inputs = vec![
        json!({ "category_id": customer, "horizon_id": day, "severity": 4, "note": "≈ 40 escalations a day" }),
    ];
    inputs.extend(
        later.iter().map(
            |h| json!({ "category_id": customer, "horizon_id": h, "severity": 4, "note": null }),
        ),
    );
    let grid = shell.ok(
        "set_scores",
        json!({ "processId": complaints, "inputs": inputs }),
    );
    assert_eq!(grid["scores"].as_array().unwrap().len(), 5);
    assert_eq!(
        shell.ok("history", json!({}))["undo"],
        "Score 5 cells of “Complaints handling”"
    );
    let a = shell.ok("analyze_process", json!({ "processId": complaints }));
    assert_eq!(a["mtpd_derived"], 1440);
    assert_eq!(
        a["mtpd_reason"]["text"],
        "Customer reaches 4 – Major at 1 d"
    );

    let input = json!({ "mtpd_override": "", "mtpd_override_reason": "", "rto": "2 days", "rpo": "n/a", "wrt": "",
        "mbco": "", "rationale": "", "agreed_by": "", "agreed_on": "" });
    let check = shell.ok(
        "check_objectives",
        json!({ "processId": complaints, "input": input }),
    );
    assert_eq!(check["issues"][0]["field"], "rto");
    assert_eq!(
        check["preview"]["tier"]["name"], "Tier 3",
        "the preview gives the tier the typed RTO would have"
    );
    let err = shell
        .call(
            "set_objectives",
            json!({ "processId": complaints, "input": input }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid");
    assert_eq!(
        err["details"]["issues"][0]["message"],
        "RTO 2 d is not below the MTPD of 1 d (Customer reaches 4 – Major at 1 d)."
    );

    let mut ok = input.clone();
    ok["rto"] = json!("8h");
    ok["rationale"] = json!("One shift of complaints can wait");
    let o = shell.ok(
        "set_objectives",
        json!({ "processId": complaints, "input": ok }),
    );
    assert_eq!(
        (o["rto"].as_u64(), o["rpo_not_applicable"].as_bool()),
        (Some(480), Some(true))
    );
    let a = shell.ok("analyze", json!({}));
    let row = a["processes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["process_id"] == complaints)
        .unwrap();
    assert_eq!(row["tier"]["name"], "Tier 2");

    shell.ok(
        "set_status",
        json!({ "processId": complaints, "status": "approved", "note": "Owner signed off" }),
    );
    let err = shell
        .call(
            "set_scores",
            json!({ "processId": complaints, "inputs": [] }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "process_locked");
    let log = shell.ok("decisions", json!({ "processId": complaints }));
    let fields: Vec<_> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, ["RTO", "RPO", "Status"]);

    let mut methodology = json!({ "categories": [], "scale": m["scale"].as_array().unwrap().iter().map(|l| l["name"].clone()).collect::<Vec<_>>(),
        "horizons": [], "threshold": 4, "tiers": [] });
    methodology["threshold"] = json!(9);
    let err = shell
        .call("update_methodology", json!({ "input": methodology }))
        .unwrap_err();
    assert_eq!(err["code"], "invalid");
    let fields: Vec<_> = err["details"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        fields,
        ["categories", "threshold", "currency", "horizons", "tiers"]
    );
}

#[test]
fn resources_dependencies_and_gaps_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::Demo);
    let resources = shell.ok("list_resources", json!({}));
    assert!(resources.as_array().unwrap().len() >= 30);
    let payroll = shell
        .ok("list_processes", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Payroll processing")
        .unwrap()["id"]
        .clone();

    let bad = json!({ "kind": "application", "name": "Payslip portal", "owner": "", "description": "", "rto_capability": "soon",
        "rpo_capability": "", "redundancy": "none", "contractual_recovery": "", "notes": "", "custom_fields": [] });
    let issues = shell.ok("check_resource", json!({ "input": bad, "id": null }));
    assert_eq!(issues[0]["field"], "rto_capability");

    let mut good = bad.clone();
    good["rto_capability"] = json!("2 days");
    let link = json!({ "from": { "kind": "process", "id": payroll }, "to": { "new_resource": good }, "strength": "required", "note": "" });
    let dep = shell.ok("create_dependency", json!({ "input": link }));
    assert_eq!(dep["to"]["kind"], "resource");
    assert_eq!(
        shell.ok("history", json!({}))["undo"],
        "Payroll processing relies on Payslip portal"
    );

    let analysis = shell.ok("analyze", json!({}));
    let gaps = analysis["dependencies"]["gaps"].as_array().unwrap();
    let gap = gaps
        .iter()
        .find(|g| g["subject"] == "Payslip portal")
        .expect("the new dependency shows a gap");
    assert_eq!(gap["kind"], "rto_capability");
    assert_eq!(
        gap["chain"],
        json!([
            "Payroll processing (RTO 1 d)",
            "Payslip portal (restores in 2 d)"
        ])
    );

    let again = json!({ "from": { "kind": "process", "id": payroll }, "to": { "existing": dep["to"] }, "strength": "optional", "note": "" });
    let err = shell
        .call("create_dependency", json!({ "input": again }))
        .unwrap_err();
    assert_eq!(err["code"], "bad_dependency");
    assert_eq!(
        err["message"],
        "Payroll processing already relies on Payslip portal (required)"
    );

    let changed = shell.ok(
        "update_dependency",
        json!({ "id": dep["id"], "strength": "optional", "note": "Payslips can wait" }),
    );
    assert_eq!(changed["strength"], "optional");
    let analysis = shell.ok("analyze", json!({}));
    assert!(
        analysis["dependencies"]["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["subject"] != "Payslip portal"),
        "optional links carry no requirement"
    );
    shell.ok("delete_resource", json!({ "id": dep["to"]["id"] }));
    assert!(
        shell
            .ok("list_dependencies", json!({}))
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["id"] != dep["id"])
    );
}

#[test]
fn charts_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::Demo);
    let svg = shell.ok("chart_svg", json!({ "kind": "heatmap" }));
    assert!(svg.as_str().unwrap().contains("Payroll processing"));
    let path = dir.path().join("tiers.png");
    shell.ok("save_chart", json!({ "kind": "tiers", "path": path }));
    assert!(std::fs::read(&path).unwrap().starts_with(b"\x89PNG"));
    let err = shell
        .call(
            "save_chart",
            json!({ "kind": "tiers", "path": dir.path().join("tiers.gif") }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "chart_format");

    // The dependency chart, focused on one process, and saved with its options.
    let focused = shell.ok(
        "chart_svg",
        json!({ "kind": "dependencies", "options": { "process": "Payroll processing" } }),
    );
    let focused = focused.as_str().unwrap();
    assert!(focused.contains("What Payroll processing relies on"));
    assert!(!focused.contains("Harbourline WMS"));
    let path = dir.path().join("payroll.svg");
    shell.ok(
        "save_chart",
        json!({ "kind": "dependencies", "options": { "process": "Payroll processing" }, "path": path }),
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("What Payroll processing relies on")
    );
    let err = shell
        .call(
            "chart_svg",
            json!({ "kind": "dependencies", "options": { "process": "Teleportation" } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "no_such_name");
    assert!(err["message"].as_str().unwrap().contains("Teleportation"));
}

#[test]
fn export_writes_the_workbook_and_reports_progress() {
    use std::sync::{Arc, Mutex};
    use tauri::Listener;

    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::Demo);
    let steps: Arc<Mutex<Vec<Value>>> = Arc::default();
    let seen = steps.clone();
    shell.window.listen_any("export-progress", move |event| {
        seen.lock()
            .unwrap()
            .push(serde_json::from_str(event.payload()).unwrap());
    });
    let path = dir.path().join("Harbourline board pack.xlsx");
    let report = shell.ok("export_workbook", json!({ "path": path }));
    assert_eq!(report["processes"], 25);
    assert_eq!(report["sheets"][0], "Summary");
    assert_eq!(report["warnings"], json!([]));
    assert!(
        std::fs::read(&path).unwrap().starts_with(b"PK"),
        "an .xlsx is a zip"
    );
    let steps = steps.lock().unwrap();
    assert!(
        steps.iter().any(|s| s["step"] == "Writing Impact"),
        "{steps:?}"
    );
    let last = steps.last().unwrap();
    assert_eq!(last["done"], last["total"]);

    let err = shell
        .call(
            "export_workbook",
            json!({ "path": dir.path().join("pack.pdf") }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "export_format");
    assert!(!dir.path().join("pack.pdf").exists());
}

#[test]
fn import_classifies_resources_the_workbook_left_without_a_kind() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::Demo);
    let sheet = dir.path().join("Customer Service BIA 2025.csv");
    std::fs::write(
        &sheet,
        "Process,Department,RTO (hrs),Dependencies\n\
         Parcel claims,Customer Service,8,Complaints handling; Citrix / Zendesk\n",
    )
    .unwrap();
    let path = sheet.display().to_string();
    // The preview's summary carries the plan's resources whole.
    let kind_of = |summary: &Value, name: &str| {
        summary["plan"]["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .map(|r| (r["kind"].clone(), r["to_classify"].clone()))
    };

    // Without kinds (the UI sends none until one is picked): to classify.
    let plan = shell.ok("plan_import", json!({ "path": path, "choices": [] }));
    assert_eq!(
        kind_of(&plan, "Citrix"),
        Some((json!("unclassified"), json!(true)))
    );
    assert!(
        plan["issues"]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["level"] == "warning"
                && i["message"].as_str().unwrap().contains("to classify")),
        "{}",
        plan["issues"]
    );

    let kinds = json!([{ "name": "Citrix", "kind": "application" }]);
    let plan = shell.ok(
        "plan_import",
        json!({ "path": path, "choices": [], "kinds": kinds }),
    );
    assert_eq!(
        kind_of(&plan, "Citrix"),
        Some((json!("application"), json!(true)))
    );
    assert_eq!(
        kind_of(&plan, "Zendesk"),
        Some((json!("unclassified"), json!(true)))
    );

    let applied = shell.ok(
        "apply_import",
        json!({ "path": path, "choices": [], "kinds": kinds }),
    );
    assert_eq!(applied["resources_created"], 2);
    let resources = shell.ok("list_resources", json!({}));
    let find = |name: &str| {
        resources
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .cloned()
            .unwrap()
    };
    assert_eq!(find("Citrix")["kind"], "application");
    let zendesk = find("Zendesk");
    assert_eq!(zendesk["kind"], "unclassified");

    // Classified later on the Resources screen: one undoable edit.
    let classified = shell.ok(
        "set_resource_kind",
        json!({ "id": zendesk["id"], "kind": "supplier" }),
    );
    assert_eq!(classified["kind"], "supplier");
    let history = shell.ok("history", json!({}));
    assert_eq!(history["undo"], "Classify “Zendesk” as a supplier");
    shell.ok("undo", json!({}));
    let again = shell.ok("list_resources", json!({}));
    assert!(
        again
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["name"] == "Zendesk" && r["kind"] == "unclassified")
    );
    let err = shell
        .call(
            "set_resource_kind",
            json!({ "id": zendesk["id"], "kind": "software" }),
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("software"),
        "a kind not offered is refused: {err}"
    );
}

#[test]
fn import_previews_remaps_applies_and_can_be_undone() {
    use std::sync::{Arc, Mutex};
    use tauri::Listener;

    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::Demo);
    let sheet = dir.path().join("Northwind BIA 2025.csv");
    std::fs::write(
        &sheet,
        "Business Process,Department,RTO (hours),Key Systems,Shoe size\n\
         Freight audit,Finance,24,Freight audit portal,42\n\
         Claims handling,Customer Service,4 hrs,\"Claims desk, Harbourline WMS\",41\n",
    )
    .unwrap();
    let path = sheet.display().to_string();

    let summary = shell.ok("plan_import", json!({ "path": path, "choices": [] }));
    let plan = &summary["plan"];
    assert_eq!(plan["counts"]["processes_new"], 2);
    assert_eq!(plan["unmapped"][0]["header"], "Shoe size");
    let columns = plan["tables"][0]["columns"].as_array().unwrap();
    assert!(
        columns
            .iter()
            .any(|c| c["header"] == "RTO (hours)" && c["field"]["kind"] == "rto")
    );

    // The user says "Shoe size" is the owner: the plan follows, unread again.
    let remapped = shell.ok(
        "plan_import",
        json!({ "path": path, "choices": [{ "sheet": null, "column": "Shoe size", "field": { "kind": "owner" } }] }),
    );
    assert_eq!(remapped["plan"]["unmapped"], json!([]));

    // "Show me the cell": the neighbourhood of B3.
    let context = shell.ok(
        "import_cell_context",
        json!({ "path": path, "sheet": plan["tables"][0]["sheet"], "cell": "B3" }),
    );
    assert_eq!(context["cell"], "B3");
    let focus = &context["rows"][context["focus_row"].as_u64().unwrap() as usize];
    assert_eq!(
        focus["cells"][context["focus_column"].as_u64().unwrap() as usize],
        "Customer Service"
    );

    let stages: Arc<Mutex<Vec<Value>>> = Arc::default();
    let seen = stages.clone();
    shell.window.listen_any("import-progress", move |event| {
        seen.lock()
            .unwrap()
            .push(serde_json::from_str(event.payload()).unwrap());
    });
    let applied = shell.ok("apply_import", json!({ "path": path, "choices": [] }));
    assert_eq!(applied["processes_created"], 2);
    assert!(std::path::Path::new(applied["backup"].as_str().unwrap()).exists());
    assert!(!stages.lock().unwrap().is_empty(), "progress was reported");
    let names: Vec<Value> = shell
        .ok("list_processes", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].clone())
        .collect();
    assert!(names.contains(&json!("Claims handling")));

    // One undo takes the whole import back.
    shell.ok("undo", json!({}));
    assert_eq!(
        shell
            .ok("list_processes", json!({}))
            .as_array()
            .unwrap()
            .len(),
        25
    );

    // Cancelling with nothing running is harmless; a file that is not a
    // spreadsheet is named and changes nothing.
    shell.ok("cancel_import", json!({}));
    let bad = dir.path().join("notes.txt");
    std::fs::write(&bad, "nothing like a BIA").unwrap();
    let err = shell
        .call("plan_import", json!({ "path": bad, "choices": [] }))
        .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("notes.txt"),
        "{err}"
    );
    assert_eq!(
        shell
            .ok("list_processes", json!({}))
            .as_array()
            .unwrap()
            .len(),
        25
    );
}

#[test]
fn a_file_checked_whole_on_open_wants_no_background_check_and_passes_one() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::StartScreen);
    let session = shell.ok("open_demo", json!({}));
    assert_eq!(
        session["check_pending"], false,
        "a file of a few megabytes is checked whole when it is opened"
    );
    assert_eq!(shell.ok("check_assessment", json!({})), json!(null));
    shell.ok("close_assessment", json!({}));
    let err = shell.call("check_assessment", json!({})).unwrap_err();
    assert_eq!(err["code"], "no_assessment", "{err}");
}

#[test]
fn a_claimed_tier_is_edited_questioned_and_undone_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::StartScreen);
    shell.ok("open_demo", json!({}));
    let processes = shell.ok("list_processes", json!({}));
    let account = processes
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Key account management")
        .unwrap()
        .clone();
    assert_eq!(
        account["claimed_tier"], "P2",
        "last year's spreadsheet claimed it"
    );
    let id = account["id"].clone();

    let a = shell.ok("analyze_process", json!({ "processId": id }));
    assert_eq!(a["tier"]["name"], "Tier 3");
    assert_eq!(a["claimed_tier"]["tier"]["name"], "Tier 2");
    assert_eq!(a["claimed_tier"]["finding"]["code"], "claimed_tier_differs");
    assert_eq!(
        a["claimed_tier"]["finding"]["message"],
        "Claimed as Tier 2 (“P2”); the agreed RTO of 3 d makes it Tier 3."
    );
    let all = shell.ok("analyze", json!({}));
    let questioned: Vec<&str> = all["processes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["claimed_tier"]["finding"].is_null())
        .map(|p| p["process"].as_str().unwrap())
        .collect();
    assert_eq!(
        questioned,
        ["Key account management", "Payroll processing"],
        "what the Gaps screen lists"
    );

    let mut input = account.clone();
    input["claimed_tier"] = json!("Gold");
    let issues = shell.ok("check_process", json!({ "input": input, "id": id }));
    assert_eq!(issues[0]["field"], "claimed_tier");
    assert!(
        issues[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("\"Gold\" names no tier"),
        "{issues}"
    );
    let err = shell
        .call("update_process", json!({ "id": id, "input": input }))
        .unwrap_err();
    assert_eq!(err["code"], "invalid");

    input["claimed_tier"] = json!("Tier 3");
    let saved = shell.ok("update_process", json!({ "id": id, "input": input }));
    assert_eq!(saved["claimed_tier"], "Tier 3");
    let a = shell.ok("analyze_process", json!({ "processId": id }));
    assert_eq!(
        a["claimed_tier"]["finding"],
        Value::Null,
        "Tier 3 as the RTO gives"
    );

    shell.ok("undo", json!({}));
    let a = shell.ok("analyze_process", json!({ "processId": id }));
    assert_eq!(a["claimed_tier"]["text"], "P2", "undone like any field");
}

/// A group's BIA register as CSV in `dir`: Payroll run, Customer onboarding,
/// Supplier payments and Branch cash handling, then order handling
/// processes up to `processes`, each with a department, an owner, an RTO,
/// the systems it needs and four impact scores; every 25th RTO a range (a
/// warning), every 20th no duration but a note of its own ("pending
/// review bt": an error each).
pub fn large_register(dir: &Path, processes: usize) -> std::path::PathBuf {
    let mut csv = String::from(
        "Process,Department,Owner,RTO,Key Systems,Financial Impact @ 4 hours,\
         Financial Impact @ 1 day,Operational Impact @ 4 hours,Operational Impact @ 1 day\n",
    );
    let named = [
        "Payroll run",
        "Customer onboarding",
        "Supplier payments",
        "Branch cash handling",
    ];
    for i in 0..processes {
        let name = named
            .get(i)
            .map(|n| n.to_string())
            .unwrap_or_else(|| format!("Order handling {i:05}"));
        // The row's number in letters, so that no error repeats another.
        let letters: String = format!("{i}")
            .bytes()
            .map(|d| char::from(b'a' + d - b'0'))
            .collect();
        let rto = if i % 20 == 19 {
            format!("pending review {letters}")
        } else if i % 25 == 24 {
            "1-3 days".to_string()
        } else {
            format!("{}", 4 + i % 5 * 4)
        };
        csv.push_str(&format!(
            "{name},Operations {},{},{rto},Core banking; Citrix,{},{},{},{}\n",
            i % 12,
            ["Ruth Osei", "Marek Nowak", "Dana Whitfield"][i % 3],
            i % 3 + 1,
            i % 3 + 2,
            i % 2 + 1,
            i % 2 + 3,
        ));
    }
    let path = dir.join("Group BIA register 2025.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn the_import_preview_gets_a_summary_then_pages_of_the_plan_the_shell_keeps() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::Demo);
    let path = large_register(dir.path(), 2_000).display().to_string();

    let summary = shell.ok("plan_import", json!({ "path": path, "choices": [] }));
    let size = serde_json::to_vec(&summary).unwrap().len();
    assert!(
        size < 64 * 1024,
        "the summary of 2,000 processes is small: {size} bytes"
    );
    assert_eq!(
        summary["plan"]["processes"],
        json!([]),
        "no process crosses with the summary's plan"
    );
    assert_eq!(summary["plan"]["counts"]["processes_new"], 2_000);
    assert_eq!(summary["plan"]["counts"]["scores"], 8_000);
    assert_eq!(summary["processes"]["total"], 2_000);
    assert_eq!(summary["processes"]["rows"].as_array().unwrap().len(), 50);
    let first = &summary["processes"]["rows"][0];
    assert_eq!(first["input"]["name"], "Payroll run");
    assert_eq!(first["scores"], 4, "scores are counted, not listed");
    assert_eq!(
        summary["issue_levels"]["error"], 100,
        "{}",
        summary["issue_levels"]
    );
    assert_eq!(
        summary["issues"]["total"], 102,
        "and the ranges' and the unit's warnings"
    );
    assert_eq!(
        summary["issues"]["rows"][0]["level"], "error",
        "errors first"
    );

    let page = shell.ok(
        "import_page",
        json!({ "path": path, "list": "processes", "offset": 1_500, "limit": 100 }),
    );
    assert_eq!(page["list"], "processes");
    assert_eq!(page["total"], 2_000);
    assert_eq!(page["rows"].as_array().unwrap().len(), 100);
    assert_eq!(page["rows"][0]["input"]["name"], "Order handling 01500");
    let found = shell.ok(
        "import_page",
        json!({ "path": path, "list": "processes", "offset": 0, "limit": 100, "filter": "customer" }),
    );
    assert_eq!(found["total"], 1);
    assert_eq!(found["rows"][0]["input"]["name"], "Customer onboarding");
    let issues = shell.ok(
        "import_page",
        json!({ "path": path, "list": "issues", "offset": 0, "limit": 5, "filter": null }),
    );
    assert_eq!(issues["rows"][0]["level"], "error", "errors first");
    let deps = shell.ok(
        "import_page",
        json!({ "path": path, "list": "dependencies", "offset": 0, "limit": 2, "filter": "payroll" }),
    );
    assert_eq!(deps["total"], 2, "Core banking and Citrix");

    // A page of a workbook not being previewed is refused, naming it.
    let other = dir.path().join("Other BIA.csv").display().to_string();
    let err = shell
        .call(
            "import_page",
            json!({ "path": other, "list": "processes", "offset": 0, "limit": 10 }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "not_planned");
    assert!(err["message"].as_str().unwrap().contains("Other BIA.csv"));

    // A mapping change plans again, and the pages follow the new plan.
    let remapped = shell.ok(
        "plan_import",
        json!({ "path": path, "choices": [{ "sheet": null, "column": "Owner", "field": { "kind": "ignore" } }] }),
    );
    assert_eq!(remapped["processes"]["rows"][0]["input"]["owner"], "");
    let page = shell.ok(
        "import_page",
        json!({ "path": path, "list": "processes", "offset": 3, "limit": 1 }),
    );
    assert_eq!(
        page["rows"][0]["input"]["owner"], "",
        "the page is of the latest plan"
    );

    // The assessment changes between the preview and Import: the plan is
    // made again, so Payroll run, typed in meanwhile, is updated, not doubled.
    let units = shell.ok("list_units", json!({}));
    let created = shell.ok(
        "create_process",
        json!({ "input": {
            "name": "Payroll run", "unit_id": units[0]["id"], "owner": "Priya Raman",
            "description": "", "peak_periods": "", "minimum_staff": null, "workaround": "",
            "notes": "", "status": "draft", "custom_fields": []
        } }),
    );
    let applied = shell.ok(
        "apply_import",
        json!({ "path": path, "choices": [{ "sheet": null, "column": "Owner", "field": { "kind": "ignore" } }] }),
    );
    assert_eq!(applied["processes_created"], 1_999, "{applied}");
    assert_eq!(applied["processes_updated"], 1);
    let processes = shell.ok("list_processes", json!({}));
    let payroll: Vec<&Value> = processes
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "Payroll run")
        .collect();
    assert_eq!(payroll.len(), 1, "never doubled");
    assert_eq!(payroll[0]["id"], created["id"]);

    // Imported: the workbook is forgotten, and so is its plan.
    let err = shell
        .call(
            "import_page",
            json!({ "path": path, "list": "processes", "offset": 0, "limit": 10 }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "not_planned");
}

#[test]
fn import_applies_the_plan_the_preview_showed_unless_the_mapping_changed() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::Demo);
    let path = large_register(dir.path(), 30).display().to_string();
    let ignore_owner = json!([{ "sheet": null, "column": "Owner", "field": { "kind": "ignore" } }]);
    shell.ok(
        "plan_import",
        json!({ "path": path, "choices": ignore_owner }),
    );
    // Import is pressed with the choices the preview was made with, minus one
    // (as after a failed re-plan): the plan is made again with what is sent.
    shell.ok("apply_import", json!({ "path": path, "choices": [] }));
    let processes = shell.ok("list_processes", json!({}));
    let payroll = processes
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Payroll run")
        .unwrap();
    assert_eq!(
        payroll["owner"], "Ruth Osei",
        "the owner column was read after all"
    );
}

#[test]
fn a_workshop_is_planned_run_presented_and_signed_off_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::StartScreen);
    shell.ok("open_demo", json!({}));
    let workshops = shell.ok("list_workshops", json!({}));
    assert_eq!(
        workshops.as_array().unwrap().len(),
        2,
        "the demo has two workshops"
    );
    assert_eq!(shell.ok("running_workshop", json!({})), Value::Null);
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
    let people = shell.ok("known_people", json!({}));
    assert!(
        people
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Grace Mensah" && p["role"] == "Accounts Payable Lead"),
        "earlier participants are offered with their role"
    );
    let agenda = json!([
        { "process_id": id_of("Complaints handling"), "timebox_minutes": 20 },
        { "process_id": id_of("Customer order intake"), "timebox_minutes": 15 },
    ]);
    let input = json!({ "title": "Customer service BIA workshop", "date": "2026-12-14", "start_time": "14:00" });
    let participants = json!([{ "name": "Hannah Lowe", "role": "Customer Service Manager" }]);
    let w = shell.ok(
        "create_workshop",
        json!({ "input": input, "participants": participants, "agenda": agenda }),
    );
    assert_eq!(w["status"], "planned");
    let bad = shell
        .call(
            "create_workshop",
            json!({ "input": { "title": "X", "date": "next week" }, "participants": [], "agenda": [] }),
        )
        .unwrap_err();
    assert_eq!(bad["code"], "invalid");
    assert_eq!(bad["details"]["issues"][0]["field"], "date");

    let started = shell.ok("start_workshop", json!({ "id": w["id"] }));
    assert_eq!(started["agenda"][0]["status"], "in_discussion");
    assert_eq!(
        shell.ok("running_workshop", json!({}))["id"],
        w["id"],
        "a reopened window offers to resume it"
    );
    let finance = workshops
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["status"] == "planned")
        .unwrap();
    let err = shell
        .call("start_workshop", json!({ "id": finance["id"] }))
        .unwrap_err();
    assert_eq!(err["code"], "workshop_running");

    // The facilitator scores; the score carries the workshop.
    let m = shell.ok("get_methodology", json!({}));
    let cell = json!({ "category_id": m["categories"][0]["id"], "horizon_id": m["horizons"][1]["id"], "severity": 3 });
    let impact = shell.ok(
        "set_scores",
        json!({ "processId": id_of("Complaints handling"), "inputs": [cell] }),
    );
    let scored = impact["scores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["severity"] == 3 && s["horizon_id"] == m["horizons"][1]["id"])
        .unwrap();
    assert_eq!(scored["provenance"]["kind"], "in_workshop");
    assert_eq!(
        scored["provenance"]["title"],
        "Customer service BIA workshop"
    );

    // The audience window starts where the facilitator stands.
    assert_eq!(shell.ok("audience_view", json!({})), Value::Null);
    let view = json!({
        "workshop_id": w["id"], "process_id": id_of("Complaints handling"), "step": 2,
        "category_id": m["categories"][0]["id"], "horizon_id": m["horizons"][1]["id"],
        "revision": 1, "item_seconds": 95, "session_seconds": 95, "timer_running": true,
        "sent_at_ms": 1765000000000.0
    });
    shell.ok("present", json!({ "view": view }));
    assert_eq!(shell.ok("audience_view", json!({}))["step"], 2);

    let action = shell.ok(
        "add_action",
        json!({ "input": { "workshop_id": w["id"], "text": "Confirm the CRM vendor's standby", "kind": "question", "owner": "Hannah Lowe", "due": "2026-12-21" } }),
    );
    assert_eq!(action["status"], "open");
    assert_eq!(
        shell
            .ok("list_actions", json!({ "workshop": w["id"] }))
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let err = shell
        .call(
            "sign_off",
            json!({ "workshop": w["id"], "process": id_of("Complaints handling"), "by": ["Nobody"], "status": null }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "not_a_participant");
    assert_eq!(err["details"]["names"], json!(["Nobody"]));
    let signed = shell.ok(
        "sign_off",
        json!({ "workshop": w["id"], "process": id_of("Complaints handling"), "by": ["Hannah Lowe"], "status": "in_review" }),
    );
    assert_eq!(signed["signoffs"][0]["by"], json!(["Hannah Lowe"]));
    let moved = shell.ok(
        "move_on",
        json!({ "workshop": w["id"], "mv": { "from": id_of("Complaints handling"), "spent_seconds": 1260, "leaving_as": "done" } }),
    );
    assert_eq!(moved["workshop"]["agenda"][0]["spent_seconds"], 1260);
    assert_eq!(moved["workshop"]["agenda"][0]["status"], "done");
    assert_eq!(
        moved["at"],
        id_of("Customer order intake"),
        "the core picks the next to discuss"
    );
    assert_eq!(moved["workshop"]["agenda"][1]["status"], "in_discussion");
    let notes = shell.ok(
        "update_agenda_item",
        json!({ "workshop": w["id"], "process": id_of("Customer order intake"), "update": { "notes": "CRM standby to confirm" } }),
    );
    assert_eq!(notes["agenda"][1]["notes"], "CRM standby to confirm");
    let finished = shell.ok("finish_workshop", json!({ "id": w["id"] }));
    assert_eq!(finished["status"], "finished");
    assert_eq!(
        shell.ok("history", json!({}))["undo"],
        "Finish workshop “Customer service BIA workshop”"
    );
}

#[test]
fn questionnaires_are_sent_reviewed_recorded_withdrawn_and_refused_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("Questionnaires");
    let folder = out.display().to_string();
    let shell = Shell::start(dir.path(), Startup::StartScreen);
    shell.ok("open_demo", json!({}));
    assert_eq!(shell.ok("list_questionnaires", json!({})), json!([]));
    let processes = shell.ok("list_processes", json!({}));
    let of_owner = |owner: &str| -> Vec<Value> {
        processes
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["owner"] == owner)
            .map(|p| p["id"].clone())
            .collect()
    };
    let sophie = of_owner("Sophie Chen");
    assert_eq!(sophie.len(), 2, "Accounts payable and Customer invoicing");

    // Sent: one workbook, hers, due two weeks on, back to the facilitator.
    let input = json!({ "processes": sophie, "recipients": "owner", "due": "", "return_to": "" });
    let sent = shell.ok(
        "send_questionnaires",
        json!({ "input": input, "folder": folder }),
    );
    let sent = sent.as_array().unwrap();
    assert_eq!(sent.len(), 1);
    let q = &sent[0]["questionnaire"];
    assert_eq!(q["recipient"], "Sophie Chen");
    assert_eq!(q["status"], "sent");
    assert_eq!(q["return_to"], "Eleanor Marsh (Continuity Partners)");
    let path = sent[0]["path"].as_str().unwrap().to_string();
    assert!(
        Path::new(&path).starts_with(&out),
        "written into the folder the dialog chose: {path}"
    );

    // Returned as sent: nothing to take, every answer unchanged; recorded without applying.
    let review = shell.ok("review_questionnaire", json!({ "path": path }));
    assert_eq!(review["recipient"], "Sophie Chen");
    assert_eq!(review["again"], false);
    assert!(review["unchanged"].as_u64().unwrap() > 0);
    assert!(
        review["processes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["changes"].as_array().unwrap().is_empty()),
        "an untouched workbook proposes no change: {review}"
    );
    let taken = shell.ok(
        "receive_questionnaire",
        json!({ "path": path, "acceptance": { "mode": "none" } }),
    );
    assert_eq!(taken["applied"], 0);
    assert_eq!(taken["backup"], Value::Null, "nothing applied, no backup");
    let listed = shell.ok("list_questionnaires", json!({}));
    assert_eq!(listed[0]["status"], "returned");

    // Withdrawn: its return is refused, naming the file; sent again, it is taken once more.
    let id = q["id"].clone();
    assert_eq!(
        shell.ok("withdraw_questionnaire", json!({ "id": id }))["status"],
        "withdrawn"
    );
    let refused = shell
        .call("review_questionnaire", json!({ "path": path }))
        .unwrap_err();
    assert_eq!(refused["code"], "questionnaire_withdrawn");
    assert!(refused["message"].as_str().unwrap().contains("Sophie Chen"));
    let again = shell.ok(
        "resend_questionnaire",
        json!({ "id": id, "folder": folder }),
    );
    assert_eq!(again["questionnaire"]["id"], id);
    let again_path = again["path"].as_str().unwrap().to_string();
    assert_eq!(
        shell.ok("review_questionnaire", json!({ "path": again_path }))["again"],
        true,
        "a return after a return lists only what changed since"
    );

    // A spreadsheet that is no questionnaire is said to be none (the UI imports it instead).
    let legacy = dir.path().join("Finance BIA 2024.xlsx");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/questionnaire-bia-2025.xlsx"),
        &legacy,
    )
    .unwrap();
    let none = shell
        .call(
            "review_questionnaire",
            json!({ "path": legacy.display().to_string() }),
        )
        .unwrap_err();
    assert_eq!(none["code"], "not_a_questionnaire");

    // Nothing chosen, or a process nobody owns: refused, the names given.
    let empty = json!({ "processes": [], "recipients": "owner", "due": "", "return_to": "" });
    assert_eq!(
        shell
            .call(
                "send_questionnaires",
                json!({ "input": empty, "folder": folder })
            )
            .unwrap_err()["code"],
        "questionnaire_nothing_to_send"
    );
    let orphan = shell.ok(
        "create_process",
        json!({ "input": {
            "name": "Petty cash", "unit_id": null, "owner": "",
            "description": "", "peak_periods": "", "minimum_staff": null, "workaround": "",
            "notes": "", "status": "draft", "custom_fields": []
        } }),
    );
    let input =
        json!({ "processes": [orphan["id"]], "recipients": "owner", "due": "", "return_to": "" });
    let nobody = shell
        .call(
            "send_questionnaires",
            json!({ "input": input, "folder": folder }),
        )
        .unwrap_err();
    assert_eq!(nobody["code"], "questionnaire_no_recipient");
    assert_eq!(nobody["details"]["names"], json!(["Petty cash"]));

    // The record deleted: a return of it is one the assessment knows nothing of.
    shell.ok("delete_questionnaire", json!({ "id": id }));
    assert_eq!(shell.ok("list_questionnaires", json!({})), json!([]));
    assert_eq!(
        shell
            .call("review_questionnaire", json!({ "path": again_path }))
            .unwrap_err()["code"],
        "questionnaire_unknown"
    );
}

#[test]
fn compare_with_another_file_draws_its_tier_movement_and_exports_its_changes() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path(), Startup::Demo);
    let err = shell
        .call("tier_movement_svg", json!({ "width": 600 }))
        .unwrap_err();
    assert_eq!(err["code"], "not_compared");

    // Last year's BIA: another demo, built separately (another id).
    let last_year = dir.path().join("Harbourline 2025.bia");
    bia::Workbench::create_demo(&last_year)
        .unwrap()
        .close()
        .unwrap();
    let processes = shell.ok("list_processes", json!({}));
    let returns = processes
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Returns processing")
        .unwrap()["id"]
        .clone();
    shell.ok(
        "set_objectives",
        json!({ "processId": returns, "input": { "rto": "1 w", "rationale": "Peak season" } }),
    );
    let c = shell.ok("compare_with", json!({ "path": last_year }));
    assert_eq!(c["same_assessment"], false, "matched by name");
    assert_eq!(c["counts"]["changed"], 1);
    assert_eq!(c["processes"][0]["name"], "Returns processing");
    assert_eq!(c["processes"][0]["changes"][0]["direction"], "down");
    let svg = shell.ok("tier_movement_svg", json!({ "width": 600 }));
    assert!(svg.as_str().unwrap().starts_with("<svg"));

    let pack = dir.path().join("board pack.xlsx");
    let report = shell.ok(
        "export_workbook",
        json!({ "path": pack, "changesSince": last_year }),
    );
    assert_eq!(
        report["sheets"].as_array().unwrap().last().unwrap(),
        "Changes"
    );

    // A file that is not an assessment is refused, named.
    let notes = dir.path().join("notes.bia");
    std::fs::write(&notes, "not an assessment").unwrap();
    let err = shell
        .call("compare_with", json!({ "path": notes }))
        .unwrap_err();
    assert_eq!(err["code"], "not_sqlite");
    assert!(err["message"].as_str().unwrap().contains("notes.bia"));
    assert_eq!(shell.ok("list_backups", json!({})), json!([]));
}
