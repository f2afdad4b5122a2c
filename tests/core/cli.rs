//! The `bia` command line: each subcommand, its output and its exit codes.

use std::path::Path;
use std::process::{Command, Output};

use crate::temp_dir;

fn bia(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bia")).args(args).current_dir(cwd).output().expect("bia runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn demo_then_dump_prints_the_demo_as_json() {
    let dir = temp_dir();
    let out = bia(&["demo", "d.bia"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = bia(&["dump", "d.bia"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("dump is JSON");
    assert_eq!(json["format"], "bia-workbench/1");
    assert_eq!(json["assessment"]["organisation"], "Harbourline Logistics Ltd");
    let m = &json["methodology"];
    assert_eq!(m["categories"].as_array().unwrap().len(), 7);
    assert_eq!(m["scale"][5]["name"], "Catastrophic");
    assert_eq!(m["horizons"][3]["minutes"], 1440);
    assert_eq!(m["threshold"], 4);
    assert_eq!(m["tiers"][0]["max_rto_minutes"], 240);
    let processes = json["processes"].as_array().unwrap();
    assert_eq!(processes.len(), 25);
    let customs = processes.iter().find(|p| p["name"] == "Customs clearance and documentation").unwrap();
    assert_eq!(customs["unit"], "Transport & Fleet");
    assert_eq!(customs["status"], "in_review");
    assert_eq!(customs["custom_fields"]["Regulatory reference"], "HMRC Authorised Economic Operator");
    assert!(customs["id"].as_str().unwrap().len() == 36);
    assert!(json["units"].as_array().unwrap().iter().any(|u| u["parent"] == "Operations"));
}

#[test]
fn new_then_process_add_and_list() {
    let dir = temp_dir();
    let out = bia(&["new", "w.bia", "--name", "Northwind Freight BIA"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = bia(&["process", "add", "w.bia", "--name", "Payroll processing", "--unit", "Finance", "--owner", "A. Bello"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("added process \"Payroll processing\""));
    let out = bia(&["process", "add", "w.bia", "--name", "Customer invoicing", "--unit", "finance"], dir.path());
    assert_eq!(out.status.code(), Some(0), "an existing unit is found whatever its case: {}", stderr(&out));

    let out = bia(&["process", "list", "w.bia"], dir.path());
    let text = stdout(&out);
    assert!(text.lines().next().unwrap().starts_with("PROCESS"));
    assert!(text.contains("Payroll processing") && text.contains("A. Bello") && text.contains("draft"));
    assert!(text.trim_end().ends_with("2 process(es)"));

    let out = bia(&["process", "list", "w.bia", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[0]["unit"], "Finance", "both in the one unit");
    assert_eq!(json[1]["unit"], "Finance");

    let dump: serde_json::Value = serde_json::from_str(&stdout(&bia(&["dump", "w.bia"], dir.path()))).unwrap();
    assert_eq!(dump["units"].as_array().unwrap().len(), 1);
}

#[test]
fn user_errors_exit_1_with_one_line_naming_the_problem() {
    let dir = temp_dir();
    bia(&["demo", "d.bia"], dir.path());
    let cases: &[(&[&str], &str)] = &[
        (&["process", "add", "d.bia", "--name", "PAYROLL processing", "--unit", "Finance"], "a process named \"PAYROLL processing\" already exists"),
        (&["dump", "missing.bia"], "missing.bia: no such file"),
        (&["demo", "d.bia"], "d.bia: a file already exists there"),
        (&["new", "n.bia", "--name", "  "], "An assessment needs a name."),
    ];
    for (args, message) in cases {
        let out = bia(args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.starts_with("bia: ") && err.contains(message), "{args:?}: {err}");
    }
    std::fs::write(dir.path().join("notes.bia"), "hello").unwrap();
    let out = bia(&["dump", "notes.bia"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("notes.bia: not a BIA assessment"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = temp_dir();
    for args in [&["frobnicate"][..], &["process", "add", "x.bia"], &["new", "x.bia"], &[]] {
        let out = bia(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert!(!dir.path().join("x.bia").exists());
}
