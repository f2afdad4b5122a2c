//! Nothing a user typed is dropped: a name in a dependency list that says no
//! kind ("Dependencies: Core banking; Citrix") and names no process becomes a
//! resource to classify; a column that implies a kind ("Vendors", "Locations")
//! makes resources of that kind; the user classifies them at import (the
//! mapping's kinds) or later (`bia resource set-kind`), and they count in
//! the analysis like any resource meanwhile.

use std::path::{Path, PathBuf};

use bia::excel::import::{Level, Limits, Mapping, Plan, ResourceKindChoice, Target, plan_file};
use bia::model::{NodeRef, ResourceKind};
use rust_xlsxwriter::Workbook;

use crate::temp_dir;

/// A register as a retail bank keeps it: processes, an RTO, and one
/// "Dependencies" column mixing processes, systems and a supplier.
fn register_with_dependencies(dir: &Path, extra: &[(&str, [&str; 3])]) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("BIA").unwrap();
    let mut headers = vec![
        "Business Process",
        "Department",
        "RTO (hrs)",
        "Dependencies",
    ];
    headers.extend(extra.iter().map(|(h, _)| *h));
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        ("Payroll run", "Finance", 24.0, "Core banking; Citrix"),
        (
            "Customer onboarding",
            "Retail",
            4.0,
            "Payroll run, core banking / Acme Logistics",
        ),
        ("Card disputes", "Retail", 8.0, "Customer onboarding"),
    ];
    for (r, (name, unit, rto, deps)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_string(r, 1, *unit).unwrap();
        sheet.write_number(r, 2, *rto).unwrap();
        sheet.write_string(r, 3, *deps).unwrap();
        for (c, (_, values)) in extra.iter().enumerate() {
            sheet
                .write_string(r, 4 + c as u16, values[r as usize - 1])
                .unwrap();
        }
    }
    let path = dir.join("bia-2025.xlsx");
    book.save(&path).unwrap();
    path
}

fn plan(path: &Path, store: &bia::Store, mapping: &Mapping) -> Plan {
    plan_file(path, &store.load().unwrap(), mapping, &Limits::default()).unwrap()
}

fn targets_of<'a>(plan: &'a Plan, process: &str) -> Vec<&'a Target> {
    plan.dependencies
        .iter()
        .filter(|d| d.process == process)
        .map(|d| &d.target)
        .collect()
}

fn resource(kind: ResourceKind, name: &str) -> Target {
    Target::Resource {
        resource: kind,
        name: name.into(),
    }
}

#[test]
fn unknown_names_in_a_dependencies_column_become_resources_to_classify() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let path = register_with_dependencies(dir.path(), &[]);
    let plan = plan(&path, &store, &Mapping::default());

    assert_eq!(
        targets_of(&plan, "Payroll run"),
        vec![
            &resource(ResourceKind::Unclassified, "Core banking"),
            &resource(ResourceKind::Unclassified, "Citrix"),
        ],
        "the systems are kept, not dropped"
    );
    assert_eq!(
        targets_of(&plan, "Customer onboarding"),
        vec![
            &Target::Process {
                name: "Payroll run".into()
            },
            &resource(ResourceKind::Unclassified, "Core banking"),
            &resource(ResourceKind::Unclassified, "Acme Logistics"),
        ],
        "a process of the workbook stays a process link; \"core banking\" is the same resource"
    );
    let names: Vec<(&str, ResourceKind, bool)> = plan
        .resources
        .iter()
        .map(|r| (r.name.as_str(), r.kind, r.to_classify))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&("Core banking", ResourceKind::Unclassified, true)));
    assert!(names.contains(&("Acme Logistics", ResourceKind::Unclassified, true)));
    let at_d2: Vec<_> = plan
        .issues
        .iter()
        .filter(|i| i.address == "BIA!D2")
        .collect();
    assert_eq!(at_d2.len(), 1, "{:?}", plan.issues);
    assert_eq!(at_d2[0].level, Level::Warning, "a warning, not an error");
    assert!(
        at_d2[0].message.contains("\"Core banking\", \"Citrix\"")
            && at_d2[0].message.contains("to classify"),
        "{}",
        at_d2[0].message
    );
    assert!(
        !plan.issues.iter().any(|i| i.message.contains("left out")),
        "nothing is left out: {:?}",
        plan.issues
    );
    assert_eq!(plan.counts.errors, 0);
    assert_eq!(plan.counts.resources_new, 3);

    let applied = bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();
    assert_eq!(applied.resources_created, 3);
    assert_eq!(applied.dependencies_created, 6);
    let a = store.load().unwrap();
    let banking = a
        .resources
        .iter()
        .find(|r| r.name == "Core banking")
        .unwrap();
    assert_eq!(banking.kind, ResourceKind::Unclassified);

    // Meanwhile it takes part in the analysis like any resource: onboarding's
    // 4 h RTO is required of it.
    let analysis = bia::analysis::analyze(&a);
    let required = analysis
        .dependencies
        .resources
        .iter()
        .find(|r| r.resource_id == banking.id)
        .and_then(|r| r.required_rto);
    assert_eq!(required, Some(bia::model::Minutes(240)));

    // Classified later, one undoable edit.
    let classified = store
        .set_resource_kind(banking.id, ResourceKind::Application)
        .unwrap();
    assert_eq!(classified.kind, ResourceKind::Application);
    assert_eq!(
        store.history().unwrap().undo.as_deref(),
        Some("Classify “Core banking” as an application")
    );
    assert_eq!(store.dependencies().unwrap().len(), 6, "its links stay");
    store.undo().unwrap();
    assert_eq!(
        store.resource(banking.id).unwrap().kind,
        ResourceKind::Unclassified
    );
}

#[test]
fn kinds_given_in_the_mapping_create_the_resources_of_that_kind() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let path = register_with_dependencies(dir.path(), &[]);
    let mapping = Mapping {
        kinds: vec![
            ResourceKindChoice {
                name: "core banking".into(),
                kind: ResourceKind::Application,
            },
            ResourceKindChoice {
                name: "Acme Logistics".into(),
                kind: ResourceKind::Supplier,
            },
        ],
        ..Mapping::default()
    };
    let plan = plan(&path, &store, &mapping);
    let kinds: Vec<(&str, ResourceKind, bool)> = plan
        .resources
        .iter()
        .map(|r| (r.name.as_str(), r.kind, r.to_classify))
        .collect();
    assert!(
        kinds.contains(&("Core banking", ResourceKind::Application, true)),
        "{kinds:?}"
    );
    assert!(kinds.contains(&("Acme Logistics", ResourceKind::Supplier, true)));
    assert!(kinds.contains(&("Citrix", ResourceKind::Unclassified, true)));
    assert!(
        targets_of(&plan, "Customer onboarding")
            .contains(&&resource(ResourceKind::Application, "Core banking"))
    );
    bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();
    let a = store.load().unwrap();
    let kind_of = |n: &str| a.resources.iter().find(|r| r.name == n).unwrap().kind;
    assert_eq!(kind_of("Core banking"), ResourceKind::Application);
    assert_eq!(kind_of("Acme Logistics"), ResourceKind::Supplier);
    assert_eq!(kind_of("Citrix"), ResourceKind::Unclassified);

    // A second import of the same workbook finds them: nothing new, nothing doubled.
    let again = plan_file(&path, &a, &Mapping::default(), &Limits::default()).unwrap();
    assert_eq!(again.counts.resources_new, 0, "{:?}", again.resources);
    assert_eq!(again.counts.dependencies_new, 0);
}

#[test]
fn a_name_the_assessment_or_a_kind_column_knows_takes_that_kind() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    store
        .create_resource(
            &bia::model::ResourceInput {
                kind: ResourceKind::Application,
                name: "Citrix".into(),
                ..Default::default()
            },
            &bia::model::Provenance::Workshop,
        )
        .unwrap();
    let path = register_with_dependencies(dir.path(), &[("Vendors", ["", "Acme Logistics", ""])]);
    let plan = plan(&path, &store, &Mapping::default());
    let citrix = plan.resources.iter().find(|r| r.name == "Citrix").unwrap();
    assert_eq!(
        (citrix.kind, citrix.existing.is_some(), citrix.to_classify),
        (ResourceKind::Application, true, false),
        "the assessment's application"
    );
    let acme = plan
        .resources
        .iter()
        .find(|r| r.name == "Acme Logistics")
        .unwrap();
    assert_eq!(
        (acme.kind, acme.to_classify),
        (ResourceKind::Supplier, false)
    );
    assert_eq!(
        plan.resources
            .iter()
            .filter(|r| r.name == "Acme Logistics")
            .count(),
        1
    );
    let onboarding = targets_of(&plan, "Customer onboarding");
    assert_eq!(
        onboarding
            .iter()
            .filter(|t| ***t == resource(ResourceKind::Supplier, "Acme Logistics"))
            .count(),
        1,
        "one dependency on the supplier, not two: {onboarding:?}"
    );
}

#[test]
fn columns_that_imply_a_kind_make_dependencies_of_that_kind() {
    let cases = [
        ("Vendors", ResourceKind::Supplier, "Acme Logistics"),
        (
            "Third-party providers",
            ResourceKind::Supplier,
            "Acme Logistics",
        ),
        (
            "Outsourced to",
            ResourceKind::Supplier,
            "Northwind Payroll Services",
        ),
        ("Service provider(s)", ResourceKind::Supplier, "Harbour IT"),
        ("Locations", ResourceKind::Site, "Leeds head office"),
        ("Key people", ResourceKind::People, "Payroll supervisor"),
        ("Vital records", ResourceKind::Data, "Employee master file"),
        ("Applications", ResourceKind::Application, "Core banking"),
        ("Systems", ResourceKind::Application, "Citrix"),
    ];
    for (header, kind, value) in cases {
        let dir = temp_dir();
        let (store, _) = crate::new_store(&dir);
        let path = register_with_dependencies(dir.path(), &[(header, [value, "", ""])]);
        let plan = plan(&path, &store, &Mapping::default());
        assert!(
            targets_of(&plan, "Payroll run").contains(&&resource(kind, value)),
            "{header}: {:?}",
            plan.dependencies
        );
        assert!(
            plan.unmapped.iter().all(|u| u.header != header),
            "{header} is not a custom field"
        );
    }
}

#[test]
fn relies_on_is_a_generic_dependency_column() {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["Process", "RTO", "Relies on"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Payroll run").unwrap();
    sheet.write_string(1, 1, "1 day").unwrap();
    sheet.write_string(1, 2, "Citrix").unwrap();
    let path = dir.path().join("relies.xlsx");
    book.save(&path).unwrap();
    let plan = plan(&path, &store, &Mapping::default());
    assert_eq!(
        targets_of(&plan, "Payroll run"),
        vec![&resource(ResourceKind::Unclassified, "Citrix")]
    );
}

#[test]
fn a_mapping_file_gives_kinds_and_refuses_an_unknown_one() {
    let dir = temp_dir();
    let file = dir.path().join("mapping.toml");
    std::fs::write(&file, "[kinds]\n\"Citrix\" = \"application\"\n").unwrap();
    let mapping = Mapping::from_file(&file).unwrap();
    assert_eq!(
        mapping.kinds,
        vec![ResourceKindChoice {
            name: "Citrix".into(),
            kind: ResourceKind::Application
        }]
    );
    std::fs::write(&file, "[kinds]\n\"Citrix\" = \"software\"\n").unwrap();
    let err = Mapping::from_file(&file).unwrap_err();
    assert_eq!(err.code(), "bad_mapping");
    assert!(err.to_string().contains("\"software\""), "{err}");
}

fn bia(args: &[&str], cwd: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_bia"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("bia runs")
}

#[test]
fn the_cli_imports_lists_and_classifies_resources_to_classify() {
    let dir = temp_dir();
    let path = register_with_dependencies(dir.path(), &[]);
    let out = bia(
        &["import", path.to_str().unwrap(), "--into", "bank.bia"],
        dir.path(),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("resources to classify (3"),
        "the report says so: {text}"
    );

    let out = bia(
        &["resource", "list", "bank.bia", "--to-classify"],
        dir.path(),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Citrix") && text.contains("to classify"),
        "{text}"
    );
    assert!(text.contains("3 resource(s) to classify"), "{text}");

    let out = bia(
        &["resource", "set-kind", "bank.bia", "citrix", "application"],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"Citrix\" is now an application"));

    let out = bia(
        &[
            "resource",
            "set-kind",
            "bank.bia",
            "Core banking",
            "software",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("software"));

    let out = bia(
        &[
            "resource",
            "add",
            "bank.bia",
            "--kind",
            "unclassified",
            "--name",
            "Telephony",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "a new resource is given a kind");

    let out = bia(
        &["resource", "list", "bank.bia", "--to-classify", "--json"],
        dir.path(),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Acme Logistics", "Core banking"]);

    let out = bia(&["dump", "bank.bia"], dir.path());
    let dump: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<(&str, &str)> = dump["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap(), r["kind"].as_str().unwrap()))
        .collect();
    assert!(kinds.contains(&("Citrix", "application")), "{kinds:?}");
    assert!(
        kinds.contains(&("Core banking", "unclassified")),
        "{kinds:?}"
    );
}

#[test]
fn a_resource_to_classify_goes_out_to_our_workbook_and_comes_back() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let path = register_with_dependencies(dir.path(), &[]);
    let plan = plan(&path, &store, &Mapping::default());
    bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();
    let before = store.load().unwrap();
    let log = store.decisions(None).unwrap();
    let xlsx = dir.path().join("out.xlsx");
    bia::excel::export::export(&before, &log, &xlsx, &mut |_| {}).unwrap();
    let back = dir.path().join("back.bia");
    bia::import::import_workbook(
        &xlsx,
        &bia::import::Options {
            into: back.clone(),
            mapping: Default::default(),
            limits: Default::default(),
            dry_run: false,
            currency: bia::model::Currency::fallback(),
        },
        &mut |_| true,
    )
    .unwrap();
    let back = bia::Store::open(&back).unwrap();
    let citrix = back
        .resources()
        .unwrap()
        .into_iter()
        .find(|r| r.name == "Citrix")
        .unwrap();
    assert_eq!(citrix.kind, ResourceKind::Unclassified);
    assert!(
        back.dependencies()
            .unwrap()
            .iter()
            .any(|d| d.to == NodeRef::Resource(citrix.id))
    );
}
