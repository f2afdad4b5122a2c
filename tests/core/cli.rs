//! The `bia` command line: each subcommand, its output and its exit codes.

use std::path::Path;
use std::process::{Command, Output};

use crate::temp_dir;

pub(crate) fn bia(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bia"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("bia runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn stderr(o: &Output) -> String {
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
    assert_eq!(
        json["assessment"]["organisation"],
        "Harbourline Logistics Ltd"
    );
    let m = &json["methodology"];
    assert_eq!(m["categories"].as_array().unwrap().len(), 7);
    assert_eq!(m["scale"][5]["name"], "Catastrophic");
    assert_eq!(m["horizons"][3]["minutes"], 1440);
    assert_eq!(m["threshold"], 4);
    assert_eq!(m["tiers"][0]["max_rto_minutes"], 240);
    assert_eq!(
        m["currency"], "GBP",
        "a UK firm's amounts are in pounds sterling"
    );
    let processes = json["processes"].as_array().unwrap();
    assert_eq!(processes.len(), 25);
    let customs = processes
        .iter()
        .find(|p| p["name"] == "Customs clearance and documentation")
        .unwrap();
    assert_eq!(customs["unit"], "Transport & Fleet");
    assert_eq!(customs["status"], "in_review");
    assert_eq!(
        customs["custom_fields"]["Regulatory reference"],
        "HMRC Authorised Economic Operator"
    );
    assert!(customs["id"].as_str().unwrap().len() == 36);
    assert!(
        json["units"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["parent"] == "Operations")
    );
}

/// `bia new` in a machine whose locale variables are `locale` (and no
/// other), then the currency its dump names.
fn new_in_locale(dir: &Path, file: &str, extra: &[&str], locale: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bia"));
    command
        .args(["new", file, "--name", "Zürich BIA"])
        .args(extra)
        .current_dir(dir);
    for name in bia::model::LOCALE_VARIABLES {
        command.env_remove(name);
    }
    command.envs(locale.iter().copied());
    command.output().expect("bia runs")
}

fn dumped_currency(dir: &Path, file: &str) -> String {
    let out = bia(&["dump", file], dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    json["methodology"]["currency"]
        .as_str()
        .expect("the dump names the currency")
        .to_string()
}

#[test]
fn new_takes_its_currency_from_the_flag_else_the_locale_else_the_euro() {
    let dir = temp_dir();
    /// The file, the flags, the locale variables, the currency expected.
    type Case<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case; 5] = [
        (
            "flag.bia",
            &["--currency", "chf"],
            &[("LANG", "en_GB.UTF-8")],
            "CHF",
        ),
        ("lang.bia", &[], &[("LANG", "en_GB.UTF-8")], "GBP"),
        (
            "monetary.bia",
            &[],
            &[("LANG", "en_GB.UTF-8"), ("LC_MONETARY", "de_DE.UTF-8")],
            "EUR",
        ),
        ("us.bia", &[], &[("LC_ALL", "en_US.UTF-8")], "USD"),
        ("none.bia", &[], &[("LANG", "C")], "EUR"),
    ];
    for (file, extra, locale, expected) in cases {
        let out = new_in_locale(dir.path(), file, extra, locale);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(
            dumped_currency(dir.path(), file),
            expected,
            "{file}: {extra:?} in {locale:?}"
        );
    }

    let out = new_in_locale(dir.path(), "bad.bia", &["--currency", "pounds"], &[]);
    assert_eq!(out.status.code(), Some(2), "a bad flag is a usage error");
    assert!(
        stderr(&out).contains("\"pounds\" is not a three-letter ISO 4217 code"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("bad.bia").exists());
}

#[test]
fn new_then_process_add_and_list() {
    let dir = temp_dir();
    let out = bia(
        &["new", "w.bia", "--name", "Northwind Freight BIA"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = bia(
        &[
            "process",
            "add",
            "w.bia",
            "--name",
            "Payroll processing",
            "--unit",
            "Finance",
            "--owner",
            "A. Bello",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("added process \"Payroll processing\""));
    let out = bia(
        &[
            "process",
            "add",
            "w.bia",
            "--name",
            "Customer invoicing",
            "--unit",
            "finance",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "an existing unit is found whatever its case: {}",
        stderr(&out)
    );

    let out = bia(&["process", "list", "w.bia"], dir.path());
    let text = stdout(&out);
    assert!(text.lines().next().unwrap().starts_with("PROCESS"));
    assert!(
        text.contains("Payroll processing") && text.contains("A. Bello") && text.contains("draft")
    );
    assert!(text.trim_end().ends_with("2 process(es)"));

    let out = bia(&["process", "list", "w.bia", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[0]["unit"], "Finance", "both in the one unit");
    assert_eq!(json[1]["unit"], "Finance");

    let dump: serde_json::Value =
        serde_json::from_str(&stdout(&bia(&["dump", "w.bia"], dir.path()))).unwrap();
    assert_eq!(dump["units"].as_array().unwrap().len(), 1);
}

#[test]
fn user_errors_exit_1_with_one_line_naming_the_problem() {
    let dir = temp_dir();
    bia(&["demo", "d.bia"], dir.path());
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "process",
                "add",
                "d.bia",
                "--name",
                "PAYROLL processing",
                "--unit",
                "Finance",
            ],
            "a process named \"PAYROLL processing\" already exists",
        ),
        (&["dump", "missing.bia"], "missing.bia: no such file"),
        (&["demo", "d.bia"], "d.bia: a file already exists there"),
        (
            &["new", "n.bia", "--name", "  "],
            "An assessment needs a name.",
        ),
    ];
    for (args, message) in cases {
        let out = bia(args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(
            err.starts_with("bia: ") && err.contains(message),
            "{args:?}: {err}"
        );
    }
    std::fs::write(dir.path().join("notes.bia"), "hello").unwrap();
    let out = bia(&["dump", "notes.bia"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("notes.bia: not a BIA assessment"));
}

#[test]
fn undo_and_redo_from_the_command_line() {
    let dir = temp_dir();
    let run = |args: &[&str]| bia(args, dir.path());
    let refused = |out: Output, message: &str| {
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        assert_eq!(stderr(&out), format!("bia: {message}\n"));
        assert_eq!(stdout(&out), "", "nothing printed on stdout");
    };
    run(&["new", "w.bia", "--name", "Northwind Freight BIA"]);
    refused(run(&["undo", "w.bia"]), "nothing to undo");
    refused(run(&["redo", "w.bia"]), "nothing to redo");
    for name in ["Payroll processing", "Customer billing"] {
        let out = run(&[
            "process", "add", "w.bia", "--name", name, "--unit", "Finance",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }

    let out = run(&["undo", "w.bia"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "undid: Add process “Customer billing”\n\
         next undo: Add process “Payroll processing”; next redo: Add process “Customer billing”\n"
    );
    let names = |dir: &Path| -> Vec<String> {
        let out = bia(&["process", "list", "w.bia", "--json"], dir);
        let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let list = list.as_array().unwrap().iter();
        list.map(|p| p["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        names(dir.path()),
        ["Payroll processing"],
        "undone in the file"
    );

    let out = run(&["redo", "w.bia"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).lines().next(),
        Some("redid: Add process “Customer billing”")
    );
    assert_eq!(
        names(dir.path()),
        ["Customer billing", "Payroll processing"]
    );
    refused(run(&["redo", "w.bia"]), "nothing to redo");

    for _ in 0..2 {
        assert_eq!(run(&["undo", "w.bia"]).status.code(), Some(0));
    }
    refused(run(&["undo", "w.bia"]), "nothing to undo");
    assert!(names(dir.path()).is_empty());

    run(&["demo", "d.bia"]);
    refused(run(&["undo", "d.bia"]), "nothing to undo");

    // How many edits the file keeps for undo, read and set.
    let said = |args: &[&str]| {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(
        said(&["undo-limit", "w.bia"]),
        "w.bia keeps its latest 5000 edits for undo\n"
    );
    assert_eq!(
        said(&["undo-limit", "w.bia", "--set", "1"]),
        "w.bia keeps its latest 1 edits for undo\n"
    );
    for name in ["Payroll processing", "Customer billing"] {
        let out = run(&[
            "process", "add", "w.bia", "--name", name, "--unit", "Finance",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert_eq!(run(&["undo", "w.bia"]).status.code(), Some(0));
    refused(run(&["undo", "w.bia"]), "nothing to undo");
    assert_eq!(
        names(dir.path()),
        ["Payroll processing"],
        "the older edit stays done"
    );
    for bad in ["0", "-3", "many", ""] {
        let out = run(&["undo-limit", "w.bia", &format!("--set={bad}")]);
        assert_eq!(out.status.code(), Some(2), "--set {bad:?}");
        assert!(stderr(&out).contains("--set"), "{}", stderr(&out));
    }
    assert_eq!(
        said(&["undo-limit", "w.bia", "--set", "default"]),
        "w.bia keeps its latest 5000 edits for undo\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = temp_dir();
    for args in [
        &["frobnicate"][..],
        &["process", "add", "x.bia"],
        &["new", "x.bia"],
        &[],
    ] {
        let out = bia(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert!(!dir.path().join("x.bia").exists());
}

#[test]
fn score_objectives_and_analyze_from_the_command_line() {
    let dir = temp_dir();
    bia(&["demo", "d.bia"], dir.path());
    let p = "Complaints handling";

    let out = bia(
        &[
            "score",
            "d.bia",
            "--process",
            p,
            "--category",
            "customer",
            "--horizon",
            "24h",
            "--severity",
            "Major",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "Complaints handling: Customer at 1 d = 4 – Major; derived MTPD 1 d (Customer reaches 4 – Major at 1 d)",
        "24h names the 1 d horizon"
    );

    let out = bia(
        &[
            "objectives",
            "d.bia",
            "--process",
            p,
            "--rto",
            "8h",
            "--rpo",
            "n/a",
            "--mbco",
            "40%",
            "--rationale",
            "Complaints wait a shift",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "Complaints handling: RTO 8 h, MTPD 1 d, Tier 2"
    );

    let out = bia(&["analyze", "d.bia", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let row = json["processes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["process"] == p)
        .unwrap();
    assert_eq!(row["mtpd_minutes"], 1440);
    assert_eq!(row["rto_minutes"], 480);
    assert_eq!(row["rpo_not_applicable"], true);
    assert_eq!(row["tier"], "Tier 2");
    let customs = json["processes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["process"] == "Customs clearance and documentation")
        .unwrap();
    assert_eq!(customs["violations"][0]["code"], "rto_not_below_mtpd");

    let text = stdout(&bia(&["analyze", "d.bia"], dir.path()));
    assert!(text.lines().next().unwrap().starts_with("PROCESS"));
    assert!(text.contains("RTO 1 w is not below the MTPD of 3 d."));
    assert!(text.lines().any(|l| l == "25 process(es), 1 violation(s)"));
    assert!(text.contains(
        "gap: Sage Payroll restores in 3 d, but Payroll processing needs it back within 1 d"
    ));
    assert!(
        text.lines()
            .any(|l| l.ends_with("single point(s) of failure, 0 cycle(s)"))
    );
    assert!(
        text.contains(
            "claimed tier: Claimed as Tier 1 (“Critical”); the agreed RTO of 1 d makes it Tier 2.\n"
        ) && text
            .trim_end()
            .ends_with("2 claimed tier(s) differ from the tier the RTO gives"),
        "the demo's claimed tiers the RTOs do not bear out: {text}"
    );

    let dump: serde_json::Value =
        serde_json::from_str(&stdout(&bia(&["dump", "d.bia"], dir.path()))).unwrap();
    let impact = dump["impacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["process"] == p)
        .unwrap();
    assert_eq!(
        (
            impact["category"].as_str(),
            impact["horizon_minutes"].as_u64(),
            impact["severity"].as_u64()
        ),
        (Some("Customer"), Some(1440), Some(4))
    );
    let complaints = dump["processes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == p)
        .unwrap();
    let o = &complaints["objectives"];
    assert_eq!(
        (
            o["mtpd_derived_minutes"].as_u64(),
            o["mtpd_minutes"].as_u64(),
            o["rto_minutes"].as_u64()
        ),
        (Some(1440), Some(1440), Some(480))
    );
    assert_eq!(
        (
            o["rpo_minutes"].is_null(),
            o["wrt_minutes"].is_null(),
            o["mbco_percent"].as_u64()
        ),
        (true, true, Some(40))
    );
    assert_eq!(o["tier"], "Tier 2");
    let decision = dump["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|d| d["process_name"] == p && d["field"] == "RTO")
        .unwrap();
    assert_eq!(
        (
            decision["old_value"].as_str(),
            decision["new_value"].as_str()
        ),
        (Some("—"), Some("8 h"))
    );
    assert_eq!(decision["rationale"], "Complaints wait a shift");
}

#[test]
fn bad_scores_and_objectives_name_the_field_and_the_accepted_forms() {
    let dir = temp_dir();
    bia(&["demo", "d.bia"], dir.path());
    let before = stdout(&bia(&["dump", "d.bia"], dir.path()));
    let p = "IT service desk";
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "score",
                "d.bia",
                "--process",
                "Payrol",
                "--category",
                "Financial",
                "--horizon",
                "1h",
                "--severity",
                "3",
            ],
            "no process named \"Payrol\"",
        ),
        (
            &[
                "score",
                "d.bia",
                "--process",
                p,
                "--category",
                "Finance",
                "--horizon",
                "1h",
                "--severity",
                "3",
            ],
            "no impact category \"Finance\"; use one of: Financial, Operational",
        ),
        (
            &[
                "score",
                "d.bia",
                "--process",
                p,
                "--category",
                "Financial",
                "--horizon",
                "5h",
                "--severity",
                "3",
            ],
            "no horizon \"5h\"; use one of: 1 h, 4 h",
        ),
        (
            &[
                "score",
                "d.bia",
                "--process",
                p,
                "--category",
                "Financial",
                "--horizon",
                "1h",
                "--severity",
                "7",
            ],
            "no severity \"7\"; use one of: 0 (None)",
        ),
        (
            &[
                "objectives",
                "d.bia",
                "--process",
                p,
                "--rto",
                "soon",
                "--rationale",
                "x",
            ],
            "RTO: \"soon\" is not a duration; write e.g. 0, 30 min, 4 h",
        ),
        (
            &[
                "objectives",
                "d.bia",
                "--process",
                p,
                "--wrt",
                "-4h",
                "--rationale",
                "x",
            ],
            "WRT: \"-4h\" is not a duration",
        ),
        (
            &[
                "objectives",
                "d.bia",
                "--process",
                p,
                "--rto",
                "3 d",
                "--rationale",
                "x",
            ],
            "RTO 3 d is not below the MTPD of 3 d (Operational reaches 4 – Major at 3 d).",
        ),
        (
            &[
                "objectives",
                "d.bia",
                "--process",
                "Payroll processing",
                "--rto",
                "1h",
                "--rationale",
                "x",
            ],
            "\"Payroll processing\" is approved and locked; reopen it to make changes",
        ),
    ];
    for (args, message) in cases {
        let out = bia(args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
    let out = bia(
        &["objectives", "d.bia", "--process", p, "--rto", "4h"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "the rationale is required");
    assert_eq!(
        stdout(&bia(&["dump", "d.bia"], dir.path())),
        before,
        "nothing stored changed"
    );
}

#[test]
fn resources_and_dependencies_from_the_command_line() {
    let dir = temp_dir();
    bia(&["demo", "d.bia"], dir.path());
    let out = bia(
        &[
            "resource",
            "add",
            "d.bia",
            "--kind",
            "application",
            "--name",
            "Payslip portal",
            "--rto-capability",
            "2 days",
            "--redundancy",
            "alternate",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("added application \"Payslip portal\""));
    let out = bia(
        &[
            "depend",
            "d.bia",
            "--from",
            "Payroll processing",
            "--to",
            "payslip portal",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&bia(&["analyze", "d.bia", "--json"], dir.path()))).unwrap();
    let portal = json["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Payslip portal")
        .unwrap();
    assert_eq!(portal["required_rto_minutes"], 1440);
    assert_eq!(
        portal["rto_chain"],
        serde_json::json!(["Payroll processing (RTO 1 d)", "Payslip portal"])
    );
    let gap = json["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["subject"] == "Payslip portal")
        .unwrap();
    assert_eq!(
        (
            gap["kind"].as_str(),
            gap["required_minutes"].as_u64(),
            gap["capability_minutes"].as_u64()
        ),
        (Some("rto_capability"), Some(1440), Some(2880))
    );
    assert_eq!(
        gap["chain"],
        serde_json::json!([
            "Payroll processing (RTO 1 d)",
            "Payslip portal (restores in 2 d)"
        ])
    );
    assert!(
        json["spofs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "Primary data centre, Reading")
    );
    assert_eq!(json["cycles"], serde_json::json!([]));

    let dump: serde_json::Value =
        serde_json::from_str(&stdout(&bia(&["dump", "d.bia"], dir.path()))).unwrap();
    let r = dump["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Payslip portal")
        .unwrap();
    assert_eq!(
        (
            r["kind"].as_str(),
            r["rto_capability_minutes"].as_u64(),
            r["redundancy"].as_str()
        ),
        (Some("application"), Some(2880), Some("alternate"))
    );
    assert!(r["rpo_capability_minutes"].is_null() && r["custom_fields"].is_object());
    let payroll = dump["processes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Payroll processing")
        .unwrap()["id"]
        .clone();
    let link = dump["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["from"] == payroll && d["to"] == r["id"])
        .unwrap();
    assert_eq!(link["strength"], "required");

    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "resource", "add", "d.bia", "--kind", "gadget", "--name", "X",
            ],
            "no resource kind \"gadget\"; use one of: application, infrastructure",
        ),
        (
            &[
                "resource",
                "add",
                "d.bia",
                "--kind",
                "site",
                "--name",
                "Y",
                "--rto-capability",
                "-1d",
            ],
            "Recovery time: \"-1d\" is not a duration",
        ),
        (
            &[
                "resource",
                "add",
                "d.bia",
                "--kind",
                "application",
                "--name",
                "harbourline wms",
            ],
            "an application named \"harbourline wms\" already exists",
        ),
        (
            &[
                "depend",
                "d.bia",
                "--from",
                "Payroll processing",
                "--to",
                "Payroll processing",
            ],
            "Payroll processing cannot rely on itself",
        ),
        (
            &[
                "depend",
                "d.bia",
                "--from",
                "Payroll processing",
                "--to",
                "Nowhere",
            ],
            "no process or resource named \"Nowhere\"",
        ),
        (
            &[
                "depend",
                "d.bia",
                "--from",
                "Payroll processing",
                "--to",
                "Sage Payroll",
                "--strength",
                "vital",
            ],
            "no strength \"vital\"; use one of: required, degraded, optional",
        ),
    ];
    for (args, message) in cases {
        let out = bia(args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn charts_from_the_command_line() {
    let dir = temp_dir();
    bia(&["demo", "d.bia"], dir.path());
    for (kind, out) in [("heatmap", "heat.png"), ("tiers", "tiers.svg")] {
        let o = bia(&["chart", kind, "d.bia", "--out", out], dir.path());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(std::fs::metadata(dir.path().join(out)).unwrap().len() > 1000);
    }
    let bytes = std::fs::read(dir.path().join("heat.png")).unwrap();
    assert!(bytes.starts_with(b"\x89PNG"));
    let o = bia(
        &["chart", "heatmap", "d.bia", "--out", "heat.jpg"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("save a chart as .svg or .png"),
        "{}",
        stderr(&o)
    );
    let o = bia(
        &[
            "chart",
            "categories",
            "d.bia",
            "--out",
            "cat.svg",
            "--horizon",
            "24h",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(dir.path().join("cat.svg")).unwrap();
    assert!(
        svg.contains("Impact by category at 1 d — "),
        "24h is the 1 d horizon"
    );
    let o = bia(
        &[
            "chart",
            "categories",
            "d.bia",
            "--out",
            "cat.png",
            "--horizon",
            "5 days",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("1 h, 4 h, 8 h, 1 d, 3 d, 1 w, 2 w, 1 mo"),
        "an unknown horizon is named with those there are: {}",
        stderr(&o)
    );
    assert!(!dir.path().join("cat.png").exists(), "nothing written");
    let o = bia(
        &[
            "chart",
            "heatmap",
            "d.bia",
            "--out",
            "units.svg",
            "--by-unit",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(dir.path().join("units.svg")).unwrap();
    assert!(
        svg.contains("Operations › Warehouse Operations"),
        "rows under their units"
    );
    // Laid out for a 640 px card: the picture is that wide; a width of 0 is refused.
    let o = bia(
        &[
            "chart", "gaps", "d.bia", "--out", "gaps.svg", "--width", "640",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(dir.path().join("gaps.svg")).unwrap();
    assert!(svg.starts_with("<svg width=\"640\""), "{}", &svg[..60]);
    let o = bia(
        &[
            "chart", "gaps", "d.bia", "--out", "none.svg", "--width", "0",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--width"), "{}", stderr(&o));
    // A page of one unit's processes: the caption says which.
    let o = bia(
        &[
            "chart",
            "heatmap",
            "d.bia",
            "--out",
            "page.svg",
            "--unit",
            "operations",
            "--rows",
            "4",
            "--offset",
            "4",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(dir.path().join("page.svg")).unwrap();
    assert!(svg.contains("Impact over time in Operations — "));
    assert!(
        svg.contains(
            "Processes 5–8 of 9 in Operations and its sub-units, the most time-critical first."
        ),
        "the page is named"
    );
    // Past the end, an unknown unit: a user error naming what was given,
    // and nothing written; a negative offset is a usage error.
    let o = bia(
        &[
            "chart",
            "categories",
            "d.bia",
            "--out",
            "past.svg",
            "--offset",
            "25",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "offset 25 is past the end: the chart has 25 processes to draw, so the offset \
             must be below 25"
        ),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("past.svg").exists(), "nothing written");
    let o = bia(
        &[
            "chart",
            "heatmap",
            "d.bia",
            "--out",
            "x.svg",
            "--unit",
            "Teleportation",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no unit named \"Teleportation\""),
        "{}",
        stderr(&o)
    );
    let o = bia(
        &["chart", "heatmap", "d.bia", "--out", "x.svg", "--offset=-1"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--offset"), "{}", stderr(&o));
    let o = bia(&["chart", "--help"], dir.path());
    for flag in ["--offset <N>", "--unit <NAME>"] {
        assert!(stdout(&o).contains(flag), "the help names {flag}");
    }
    assert_eq!(
        bia(&["chart", "pie", "d.bia", "--out", "x.svg"], dir.path())
            .status
            .code(),
        Some(2)
    );
}

/// `chars` characters beginning with `tag`, mostly ASCII with two-, three-
/// and four-byte characters throughout: past the 65,535 that `format!`
/// pads to, yet under the 128 KiB one command-line argument may take.
fn long(tag: &str, chars: usize) -> String {
    let mut text = String::from(tag);
    text.extend(
        " abcd é 漢 🙂"
            .chars()
            .cycle()
            .take(chars - tag.chars().count()),
    );
    text.trim_end().to_string()
}

/// Runs `args`, which must succeed, and returns what it printed.
fn ok(args: &[&str], cwd: &Path) -> String {
    let out = bia(args, cwd);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{:?}: {}",
        &args[..2],
        stderr(&out).chars().take(2_000).collect::<String>()
    );
    stdout(&out)
}

#[test]
fn every_printed_field_may_be_very_long_and_multi_byte() {
    use bia::Workbench;
    use bia::model::{
        AssessmentInput, DependencyInput, DependencyTarget, NodeRef, ObjectivesInput, ProcessInput,
        Redundancy, ResourceInput, ResourceKind, ScoreInput, Strength,
    };
    const N: usize = 70_000;
    let dir = temp_dir();
    let cwd = dir.path();
    let path = cwd.join("long.bia");

    // A register where every text a listing prints is 70,000 characters,
    // but the process names, which the core keeps under 200.
    let (category, level, horizon, tier) = (
        long("Financial", N),
        long("Major", N),
        long("One day", N),
        long("Tier one", N),
    );
    let (unit, owner, resource) = (long("Finance", N), long("Owner", N), long("Ledger", N));
    let (payroll, billing) = (long("Payroll", 200), long("Billing", 200));
    let mut wb = Workbench::create(
        &path,
        &AssessmentInput {
            name: long("Assessment", N),
            organisation: long("Organisation", N),
            ..Default::default()
        },
        bia::model::Currency::fallback(),
    )
    .unwrap();
    let mut m = wb.methodology().unwrap().to_input();
    m.categories[0].name = category.clone();
    m.scale[4] = level.clone();
    m.horizons[3].label = horizon.clone();
    m.tiers[0].name = tier.clone();
    wb.update_methodology(&m).unwrap();
    let process = |name: &str| ProcessInput {
        name: name.into(),
        owner: owner.clone(),
        description: long("Description", N),
        ..Default::default()
    };
    let a = wb.create_process_in(&unit, &process(&payroll)).unwrap();
    let b = wb.create_process_in(&unit, &process(&billing)).unwrap();
    let r = wb
        .create_resource(&ResourceInput {
            kind: ResourceKind::Application,
            name: resource.as_str().into(),
            owner: owner.clone(),
            rto_capability: "1 w".into(),
            redundancy: Redundancy::None,
            ..Default::default()
        })
        .unwrap();
    for (from, to) in [
        (NodeRef::Process(a.id), NodeRef::Resource(r.id)),
        (NodeRef::Process(a.id), NodeRef::Process(b.id)),
        (NodeRef::Process(b.id), NodeRef::Process(a.id)),
    ] {
        wb.create_dependency(&DependencyInput {
            from,
            to: DependencyTarget::Existing(to),
            strength: Strength::Required,
            note: long("Note", N),
        })
        .unwrap();
    }
    let m = wb.methodology().unwrap();
    wb.set_scores(
        b.id,
        &[ScoreInput {
            category_id: m.categories[1].id,
            horizon_id: m.horizons[0].id,
            severity: Some(1),
            note: Some(long("Note", N)),
        }],
    )
    .unwrap();
    wb.agree_objectives(
        b.id,
        &ObjectivesInput {
            rto: "4h".into(),
            rationale: long("Rationale", N),
            agreed_by: long("Agreed by", N),
            ..Default::default()
        },
    )
    .unwrap();
    wb.close().unwrap();

    // The commands that take names print them back.
    let text = ok(
        &[
            "objectives",
            "long.bia",
            "--process",
            &payroll,
            "--rto",
            "4h",
            "--rationale",
            "the room agreed",
        ],
        cwd,
    );
    assert!(text.contains(&tier), "the tier's name");
    let text = ok(
        &[
            "score",
            "long.bia",
            "--process",
            &payroll,
            "--category",
            &category,
            "--horizon",
            "1h",
            "--severity",
            &level,
        ],
        cwd,
    );
    assert!(text.contains(&payroll) && text.contains(&category) && text.contains(&level));
    let other = long("Warehouse", N);
    let text = ok(
        &[
            "resource", "add", "long.bia", "--kind", "site", "--name", &other, "--owner", &owner,
        ],
        cwd,
    );
    assert!(text.contains(&other));
    let text = ok(
        &["depend", "long.bia", "--from", &billing, "--to", &other],
        cwd,
    );
    assert!(text.contains(&billing) && text.contains(&other));

    // Names longer than the core accepts, as a file from elsewhere may hold.
    let (payroll, billing) = (long("Payroll", N), long("Billing", N));
    let conn = rusqlite::Connection::open(&path).unwrap();
    for (id, name) in [(a.id, &payroll), (b.id, &billing)] {
        conn.execute(
            "UPDATE process SET name = ?1 WHERE id = ?2",
            [name.as_str(), &id.to_string()],
        )
        .unwrap();
    }
    drop(conn);

    let text = ok(&["process", "list", "long.bia"], cwd);
    let row = text.lines().find(|l| l.starts_with("Payroll")).unwrap();
    for field in [&payroll, &unit, &owner] {
        assert!(row.contains(field.as_str()), "the whole field is printed");
    }
    assert!(row.ends_with("draft"));
    let width = |l: &str| l.find("draft").map(|at| l[..at].chars().count());
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("draft")).collect();
    assert_eq!(width(rows[0]), width(rows[1]), "the columns line up");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["process", "list", "long.bia", "--json"], cwd)).unwrap();
    assert_eq!(json[1]["owner"], owner.as_str());

    let text = ok(&["analyze", "long.bia"], cwd);
    for field in [&payroll, &billing, &tier, &resource] {
        assert!(text.contains(field.as_str()));
    }
    assert!(text.contains("gap: ") && text.contains("single point of failure: "));
    assert!(text.contains("cycle: ") && text.contains(" violation(s)"));
    ok(&["analyze", "long.bia", "--json"], cwd);
    let dump: serde_json::Value = serde_json::from_str(&ok(&["dump", "long.bia"], cwd)).unwrap();
    assert_eq!(dump["assessment"]["name"], long("Assessment", N).as_str());

    for kind in ["heatmap", "categories", "dependencies", "gaps", "tiers"] {
        let out = format!("{kind}.svg");
        let text = ok(&["chart", kind, "long.bia", "--out", &out], cwd);
        assert!(text.starts_with("wrote"), "{kind}: {text}");
    }
    let text = ok(&["export", "long.bia", "--out", "long.xlsx"], cwd);
    assert!(
        text.contains("warning: Summary!A1: ") && text.contains("(32767)"),
        "cells Excel cannot hold are cut, with a warning: {}",
        &text[..text.len().min(500)]
    );

    // An import prints the file's headers, values and changes back.
    let header = long("Budget code", 30_000);
    let (first, second) = (long("Ann", 30_000), long("Bo", 30_000));
    std::fs::write(
        cwd.join("register.csv"),
        format!(
            "Process,Owner,RTO,{header}\nPayroll,{first},4h,x\n{},y,1h,z\n",
            long("P", 300)
        ),
    )
    .unwrap();
    let text = ok(&["import", "register.csv", "--into", "imported.bia"], cwd);
    assert!(text.contains(&header), "the unmapped column is named");
    assert!(text.contains("issues: "), "the over-long name is an issue");
    std::fs::write(
        cwd.join("register.csv"),
        format!("Process,Owner,RTO\nPayroll,{second},4h\n"),
    )
    .unwrap();
    let text = ok(
        &[
            "import",
            "register.csv",
            "--into",
            "imported.bia",
            "--dry-run",
        ],
        cwd,
    );
    assert!(
        text.contains(&format!("\"{first}\" → \"{second}\"")),
        "the change is printed whole"
    );
    ok(
        &["import", "register.csv", "--into", "imported.bia", "--json"],
        cwd,
    );
}

#[test]
fn clearing_an_objective_is_said_with_none_and_an_empty_value_is_refused() {
    let dir = temp_dir();
    let cwd = dir.path();
    bia(&["demo", "d.bia"], cwd);
    let p = "Complaints handling";
    let objectives = |extra: &[&str]| {
        let mut args = vec!["objectives", "d.bia", "--process", p, "--rationale", "room"];
        args.extend_from_slice(extra);
        bia(&args, cwd)
    };
    let set = objectives(&[
        "--rto",
        "8h",
        "--rpo",
        "4h",
        "--wrt",
        "1h",
        "--mbco",
        "40",
        "--agreed-by",
        "Ann",
        "--agreed-on",
        "2026-11-21",
    ]);
    assert_eq!(set.status.code(), Some(0), "{}", stderr(&set));
    let before = stdout(&bia(&["dump", "d.bia"], cwd));

    for option in [
        "--rto",
        "--rpo",
        "--wrt",
        "--mbco",
        "--mtpd-override",
        "--override-reason",
        "--agreed-by",
        "--agreed-on",
    ] {
        for empty in ["", "  "] {
            let out = objectives(&[option, empty]);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{option} {empty:?} is a usage error"
            );
            assert!(
                stderr(&out).contains(&format!("'{option} <")) && stderr(&out).contains("none"),
                "the message names the option and how to clear it: {}",
                stderr(&out)
            );
        }
    }
    for option in ["--rto-capability", "--rpo-capability"] {
        let out = bia(
            &[
                "resource", "add", "d.bia", "--kind", "site", "--name", "Annex", option, "",
            ],
            cwd,
        );
        assert_eq!(out.status.code(), Some(2), "{option}: {}", stderr(&out));
        assert!(stderr(&out).contains(option), "{}", stderr(&out));
    }
    assert_eq!(
        stdout(&bia(&["dump", "d.bia"], cwd)),
        before,
        "an empty value changed nothing"
    );

    let out = objectives(&["--rto", "none", "--wrt", "NONE", "--agreed-by", "none"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("RTO not set"), "{}", stdout(&out));
    let dump: serde_json::Value =
        serde_json::from_str(&stdout(&bia(&["dump", "d.bia"], cwd))).unwrap();
    let o = &dump["processes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == p)
        .unwrap()["objectives"];
    assert!(o["rto_minutes"].is_null() && o["wrt_minutes"].is_null());
    assert_eq!(o["agreed_by"], "", "cleared");
    assert_eq!(o["rpo_minutes"], 240, "what was not given stays");
    assert_eq!(o["mbco_percent"], 40);
    let out = objectives(&["--rto", "0"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("RTO 0 min"),
        "zero is a value: {}",
        stdout(&out)
    );
}

#[test]
fn a_name_typed_with_a_combining_accent_is_the_precomposed_name() {
    let dir = temp_dir();
    let cwd = dir.path();
    bia(&["new", "w.bia", "--name", "Northwind"], cwd);
    let add = |name: &str| {
        bia(
            &["process", "add", "w.bia", "--name", name, "--unit", "Ops"],
            cwd,
        )
    };
    let first = add("Cafe\u{301} ops");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let second = add("Café ops");
    assert_eq!(second.status.code(), Some(1), "unique however typed");
    assert!(
        stderr(&second).contains("already exists"),
        "{}",
        stderr(&second)
    );
    let escaped = add("\u{1b}[31mNight shift\u{1b}[0m\u{7}");
    assert!(stdout(&escaped).contains("added process \"Night shift\""));
    let list = stdout(&bia(&["process", "list", "w.bia"], cwd));
    assert!(
        list.contains("Café ops") && !list.contains('\u{1b}'),
        "{list}"
    );
}

/// The severity `bia dump` shows for one impact cell.
fn dumped_severity(dump: &serde_json::Value, process: &str, category: &str, minutes: u64) -> u64 {
    dump["impacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["process"] == process && i["category"] == category && i["horizon_minutes"] == minutes
        })
        .unwrap_or_else(|| panic!("{process} {category} {minutes}"))["severity"]
        .as_u64()
        .unwrap()
}

#[test]
fn bia_import_reads_questionnaires_and_a_mapping_file_sets_a_words_level() {
    let dir = temp_dir();
    let book = dir.path().join("questionnaires.xlsx");
    crate::import::questionnaire_workbook(&book);
    let book = book.to_str().unwrap();

    let out = bia(&["import", book, "--into", "forms.bia"], dir.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}{text}", stderr(&out));
    assert!(text.contains("4 new"), "{text}");
    assert!(
        text.contains("\"High\" (") && text.contains("read as 4 Major"),
        "the report says how each word was read: {text}"
    );
    let dump: serde_json::Value =
        serde_json::from_slice(&bia(&["dump", "forms.bia"], dir.path()).stdout).unwrap();
    assert_eq!(
        dumped_severity(&dump, "Payroll run", "Financial", 4320),
        4,
        "High"
    );
    assert_eq!(
        dumped_severity(&dump, "Payroll run", "Financial", 10080),
        5,
        "Critical"
    );

    std::fs::write(dir.path().join("levels.toml"), "[levels]\n\"High\" = 3\n").unwrap();
    let out = bia(
        &[
            "import",
            book,
            "--into",
            "mapped.bia",
            "--mapping",
            "levels.toml",
            "--json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let high = json["plan"]["level_words"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["word"] == "High")
        .unwrap()
        .clone();
    assert_eq!(
        (high["level"].as_u64(), high["source"].as_str()),
        (Some(3), Some("user"))
    );
    let dump: serde_json::Value =
        serde_json::from_slice(&bia(&["dump", "mapped.bia"], dir.path()).stdout).unwrap();
    assert_eq!(
        dumped_severity(&dump, "Payroll run", "Financial", 4320),
        3,
        "High, as the file says"
    );
    assert_eq!(dumped_severity(&dump, "Payroll run", "Financial", 10080), 5);

    std::fs::write(
        dir.path().join("bad.toml"),
        "[levels]\n\"High\" = \"very\"\n",
    )
    .unwrap();
    let out = bia(
        &["import", book, "--into", "bad.bia", "--mapping", "bad.toml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "a level must be a number");
    assert!(stderr(&out).contains("bad.toml"), "{}", stderr(&out));
}

#[test]
fn a_claimed_tier_set_from_the_command_line_is_dumped_and_questioned_by_gaps() {
    let dir = temp_dir();
    ok(
        &["new", "w.bia", "--name", "Northwind Freight BIA"],
        dir.path(),
    );
    ok(
        &[
            "process",
            "add",
            "w.bia",
            "--name",
            "Payroll run",
            "--unit",
            "Finance",
            "--claimed-tier",
            "Tier 1",
        ],
        dir.path(),
    );
    ok(
        &[
            "objectives",
            "w.bia",
            "--process",
            "Payroll run",
            "--rto",
            "3 days",
            "--rationale",
            "Pay runs a week ahead",
        ],
        dir.path(),
    );

    let gaps = ok(&["gaps", "w.bia"], dir.path());
    assert!(
        gaps.contains("claimed tier: Claimed as Tier 1; the agreed RTO of 3 d makes it Tier 3.\n")
            && gaps.contains("1 claimed tier(s) differ from the tier the RTO gives"),
        "{gaps}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["gaps", "w.bia", "--json"], dir.path())).unwrap();
    assert_eq!(
        json["claimed_tiers"],
        serde_json::json!([{
            "process": "Payroll run",
            "text": "Tier 1",
            "claimed": "Tier 1",
            "derived": "Tier 3",
            "code": "claimed_tier_differs",
            "message": "Claimed as Tier 1; the agreed RTO of 3 d makes it Tier 3."
        }])
    );

    // Set to what the RTO gives, the finding goes; the dump keeps the text.
    let set = ok(
        &[
            "process",
            "set",
            "w.bia",
            "--process",
            "payroll run",
            "--claimed-tier",
            "low",
        ],
        dir.path(),
    );
    assert_eq!(
        set,
        "Payroll run: tier claimed \"low\" (Tier 4: low on the criticality scale, the last of 4 tiers)\n  \
         Claimed as Tier 4 (“low”); the agreed RTO of 3 d makes it Tier 3.\n"
    );
    ok(
        &[
            "process",
            "set",
            "w.bia",
            "--process",
            "Payroll run",
            "--claimed-tier",
            "T3",
        ],
        dir.path(),
    );
    let dump: serde_json::Value =
        serde_json::from_str(&ok(&["dump", "w.bia"], dir.path())).unwrap();
    let payroll = &dump["processes"][0];
    assert_eq!(payroll["claimed_tier"], "T3");
    assert_eq!(payroll["objectives"]["claimed_tier"], "Tier 3");
    assert_eq!(
        payroll["objectives"]["claimed_tier_finding"],
        serde_json::Value::Null
    );
    assert!(
        !ok(&["gaps", "w.bia"], dir.path()).contains("claimed tier"),
        "a claim the RTO bears out is no finding"
    );

    // What names no tier is refused, naming the field's accepted forms; `none` clears.
    let out = bia(
        &[
            "process",
            "set",
            "w.bia",
            "--process",
            "Payroll run",
            "--claimed-tier",
            "Gold",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("\"Gold\" names no tier"),
        "{}",
        stderr(&out)
    );
    let cleared = ok(
        &[
            "process",
            "set",
            "w.bia",
            "--process",
            "Payroll run",
            "--claimed-tier",
            "none",
        ],
        dir.path(),
    );
    assert_eq!(cleared, "Payroll run: no tier claimed\n");
}

#[test]
fn counts_without_loading_the_assessment() {
    let dir = temp_dir();
    ok(&["demo", "d.bia"], dir.path());
    let text = ok(&["counts", "d.bia"], dir.path());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        &lines[..4],
        [
            "Processes    25  (11 draft, 7 in review, 7 approved)",
            "Units         8",
            "Resources    31",
            "Dependencies 46",
        ],
        "{text}"
    );
    // Each unit's own processes, most first, then by name.
    assert_eq!(
        lines[5].split_whitespace().collect::<Vec<_>>(),
        ["Unit", "Processes"]
    );
    assert_eq!(
        lines[6].split_whitespace().collect::<Vec<_>>(),
        ["Warehouse", "Operations", "5"]
    );
    assert_eq!(
        lines.len(),
        6 + 7,
        "the seven units that hold processes: {text}"
    );

    // A process in a new unit; the JSON has the same figures.
    ok(
        &[
            "process",
            "add",
            "d.bia",
            "--name",
            "Yard management",
            "--unit",
            "Yard",
        ],
        dir.path(),
    );
    let text = ok(&["counts", "d.bia"], dir.path());
    assert!(text.starts_with("Processes    26  (12 draft,"), "{text}");
    assert_eq!(
        text.lines()
            .last()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["Yard", "1"]
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["counts", "d.bia", "--json"], dir.path())).expect("JSON");
    assert_eq!(json["processes"], 26);
    assert_eq!(json["draft"], 12);
    assert_eq!(json["units"], 9);
    assert_eq!(json["dependencies"], 46);
    assert_eq!(json["to_classify"], 0);
    let per_unit = json["per_unit"].as_array().unwrap();
    assert_eq!(per_unit.len(), 8);
    assert_eq!(
        per_unit
            .iter()
            .map(|u| u["processes"].as_u64().unwrap())
            .sum::<u64>(),
        26
    );

    // A file that is not there is named.
    let out = bia(&["counts", "missing.bia"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.bia"), "{}", stderr(&out));
}

#[test]
fn overview_gives_the_dashboards_first_figures() {
    let dir = temp_dir();
    ok(&["demo", "d.bia"], dir.path());
    let text = ok(&["overview", "d.bia"], dir.path());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        &lines[..5],
        [
            "Processes      25  (Tier 1 7, Tier 2 5, Tier 3 4, Tier 4 8, no tier yet 1)",
            "Gaps           13  (1 with unknown recovery time; 5 processes affected)",
            "Single points  4",
            "Violations     1 process",
            "Without MTPD   5 processes",
        ],
        "{text}"
    );
    // The five most time-critical: the shortest MTPD, then tier, then name.
    assert_eq!(lines[6], "Most time-critical", "{text}");
    assert!(
        lines[8].starts_with("Cold-chain storage monitoring "),
        "{text}"
    );
    assert_eq!(
        lines[8]
            .split("  ")
            .filter(|s| !s.is_empty())
            .map(str::trim)
            .collect::<Vec<_>>(),
        ["Cold-chain storage monitoring", "4 h", "1 h", "Tier 1", "2"],
        "{text}"
    );
    assert_eq!(lines.len(), 8 + 5, "{text}");

    // A process added with nothing scored has no tier and no MTPD; the
    // JSON carries the same figures.
    ok(
        &[
            "process",
            "add",
            "d.bia",
            "--name",
            "Yard management",
            "--unit",
            "Warehouse Operations",
        ],
        dir.path(),
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["overview", "d.bia", "--json"], dir.path())).unwrap();
    assert_eq!(json["processes"], 26);
    assert_eq!(json["untiered"], 2);
    assert_eq!(json["without_mtpd"], 6);
    assert_eq!(json["gaps"], 13);
    assert_eq!(json["gaps_unknown"], 1);
    assert_eq!(json["processes_with_gaps"], 5);
    assert_eq!(json["single_points_of_failure"], 4);
    assert_eq!(json["processes_with_violations"], 1);
    let tiers = json["tiers"].as_array().unwrap();
    assert_eq!(tiers.len(), 4);
    assert_eq!(tiers[0]["tier"]["name"], "Tier 1");
    assert_eq!(tiers[0]["processes"], 7);
    let critical = json["critical"].as_array().unwrap();
    assert_eq!(critical.len(), 5);
    assert_eq!(critical[0]["name"], "Cold-chain storage monitoring");
    assert_eq!(critical[0]["mtpd"], 240);
    assert_eq!(critical[0]["gaps"], 2);
    assert_eq!(critical[0]["process_id"].as_str().unwrap().len(), 36);
}

#[test]
fn overview_of_an_empty_assessment_lists_no_critical_process() {
    let dir = temp_dir();
    ok(&["new", "e.bia", "--name", "Empty"], dir.path());
    let text = ok(&["overview", "e.bia"], dir.path());
    assert!(
        text.starts_with(
            "Processes      0  (Tier 1 0, Tier 2 0, Tier 3 0, Tier 4 0, no tier yet 0)\n"
        ),
        "{text}"
    );
    assert!(!text.contains("Most time-critical"), "{text}");
}
