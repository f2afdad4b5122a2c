//! Export, then import into a new file: the same assessment comes back —
//! methodology, units, processes with custom fields and status, impacts
//! and rationales, objectives, resources, dependencies — equal in `bia
//! dump` apart from ids, timestamps and the decision log (which records
//! the import itself).

use serde_json::Value;

use crate::cli::{bia, stderr};
use crate::temp_dir;

/// A dump with ids replaced by names, timestamps and decisions dropped, and
/// lists whose order is storage order sorted.
fn normalised(dump: &str) -> Value {
    let mut d: Value = serde_json::from_str(dump).expect("dump is JSON");
    let mut names = std::collections::HashMap::new();
    for list in ["processes", "resources", "units"] {
        for x in d[list].as_array().unwrap() {
            names.insert(x["id"].as_str().unwrap().to_string(), x["name"].clone());
        }
    }
    let named = |v: &Value| match v.as_str() {
        Some(id) => names.get(id).cloned().unwrap_or(v.clone()),
        None => v.clone(),
    };
    fn strip_ids(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("id");
                map.values_mut().for_each(strip_ids);
            }
            Value::Array(items) => items.iter_mut().for_each(strip_ids),
            _ => {}
        }
    }
    for dep in d["dependencies"].as_array_mut().unwrap() {
        dep["from"] = named(&dep["from"]);
        dep["to"] = named(&dep["to"]);
    }
    for unit in d["units"].as_array_mut().unwrap() {
        unit["parent"] = named(&unit["parent"]);
    }
    let info = d["assessment"].as_object_mut().unwrap();
    for key in ["id", "created_at", "updated_at"] {
        info.remove(key);
    }
    d.as_object_mut().unwrap().remove("decisions");
    // Workshops and their actions are the minutes' (`bia workshop
    // minutes`), not the executive workbook's.
    d.as_object_mut().unwrap().remove("workshops");
    d.as_object_mut().unwrap().remove("actions");
    strip_ids(&mut d);
    for list in ["impacts", "dependencies", "units", "processes", "resources"] {
        d[list]
            .as_array_mut()
            .unwrap()
            .sort_by_key(|x| x.to_string());
    }
    d
}

fn dump(dir: &std::path::Path, file: &str) -> Value {
    let o = bia(&["dump", file], dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    normalised(&String::from_utf8_lossy(&o.stdout))
}

fn round_trip(dir: &std::path::Path, file: &str) {
    let o = bia(&["export", file, "--out", "exported.xlsx"], dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = bia(&["import", "exported.xlsx", "--into", "back.bia"], dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (before, after) = (dump(dir, file), dump(dir, "back.bia"));
    for key in before.as_object().unwrap().keys() {
        assert_eq!(before[key], after[key], "{key} comes back the same");
    }
}

#[test]
fn the_demo_comes_back_from_its_own_workbook() {
    let dir = temp_dir();
    assert!(bia(&["demo", "demo.bia"], dir.path()).status.success());
    round_trip(dir.path(), "demo.bia");

    // Into the assessment it came from it merges like an import, and
    // finds nothing to do.
    let o = bia(
        &["import", "exported.xlsx", "--into", "demo.bia"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("like an import"), "{out}");
    assert!(
        out.contains("0 added, 0 changed, 0 removed; 0 decision-log entries; 0 conflict(s)"),
        "{out}"
    );
}

#[test]
fn the_currency_comes_back_and_an_older_export_takes_the_importer_s() {
    let dir = temp_dir();
    let d = dir.path();
    let made = bia::Workbench::create(
        &d.join("tokyo.bia"),
        &bia::model::AssessmentInput {
            name: "Tokyo office BIA".into(),
            ..Default::default()
        },
        bia::model::Currency::parse("JPY").unwrap(),
    )
    .unwrap();
    let xlsx = d.join("tokyo.xlsx");
    made.export(&xlsx, &mut |_| {}).unwrap();
    made.close().unwrap();
    let mut workbook = bia::import::read(&xlsx).unwrap();
    fn methodology(w: &mut bia::excel::import::Workbook) -> &mut Vec<bia::excel::import::Row> {
        let found = w.sheets.iter_mut().find(|s| s.name == "Methodology");
        &mut found.expect("a Methodology sheet").rows
    }
    let named = |rows: &[bia::excel::import::Row]| {
        rows.iter().any(|r| {
            r.cells
                .iter()
                .any(|(_, v)| v.display() == "Currency of amounts")
                && r.cells.iter().any(|(_, v)| v.display() == "JPY")
        })
    };
    assert!(
        named(methodology(&mut workbook)),
        "the Methodology sheet names the currency"
    );

    // Read into a new file by an importer whose own currency is GBP.
    let imported = |workbook: &bia::excel::import::Workbook, file: &str| {
        let (new, _) =
            bia::import::import_into_new(workbook, &d.join(file), bia::model::Currency::gbp())
                .unwrap();
        let store = new.finish().unwrap();
        let code = store.methodology().unwrap().currency.code().to_string();
        store.close().unwrap();
        code
    };
    assert_eq!(
        imported(&workbook, "back.bia"),
        "JPY",
        "the workbook's currency wins over the importer's"
    );
    methodology(&mut workbook).retain(|r| !named(std::slice::from_ref(r)));
    assert_eq!(
        imported(&workbook, "older.bia"),
        "GBP",
        "an export from before the currency takes the importer's"
    );
}

#[test]
fn a_generated_assessment_with_awkward_text_comes_back_too() {
    let dir = temp_dir();
    let d = dir.path();
    assert!(
        bia(&["new", "big.bia", "--name", "Generated & Co BIA"], d)
            .status
            .success()
    );
    let awkward = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+cmd|' /C calc'!A0",
        "Payroll, UK & Ireland",
        "Équipe de nuit — entrepôt",
    ];
    for i in 0..120 {
        let name = awkward
            .get(i)
            .map_or_else(|| format!("Process {i:03}"), |s| s.to_string());
        let unit = ["Finance", "Operations", "Customer Service"][i % 3];
        let o = bia(
            &["process", "add", "big.bia", "--name", &name, "--unit", unit],
            d,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let severity = (i % 6).to_string();
        let o = bia(
            &[
                "score",
                "big.bia",
                "--process",
                &name,
                "--category",
                "Financial",
                "--horizon",
                "1d",
                "--severity",
                &severity,
            ],
            d,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        if i % 4 == 0 {
            let o = bia(
                &[
                    "objectives",
                    "big.bia",
                    "--process",
                    &name,
                    "--rto",
                    "4h",
                    "--rationale",
                    "Agreed with the owner",
                ],
                d,
            );
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        }
        if i % 5 == 0 {
            let o = bia(
                &[
                    "depend",
                    "big.bia",
                    "--from",
                    &name,
                    "--to",
                    "Ledger system",
                ],
                d,
            );
            if o.status.code() != Some(0) {
                let o = bia(
                    &[
                        "resource",
                        "add",
                        "big.bia",
                        "--kind",
                        "application",
                        "--name",
                        "Ledger system",
                        "--rto-capability",
                        "2d",
                    ],
                    d,
                );
                assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
                let o = bia(
                    &[
                        "depend",
                        "big.bia",
                        "--from",
                        &name,
                        "--to",
                        "Ledger system",
                    ],
                    d,
                );
                assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            }
        }
    }
    round_trip(d, "big.bia");
}

#[test]
fn a_large_generated_assessment_comes_back() {
    use bia::Store;
    use bia::dump::Dump;
    use bia::import::{Options, import_workbook};
    use bia::model::{
        DependencyInput, DependencyTarget, NodeRef, ObjectivesInput, ProcessInput, Provenance,
        ResourceInput, ResourceKind, ScoreInput, Strength, UnitInput,
    };

    let dir = temp_dir();
    let mut store = crate::new_store(&dir).0;
    let m = store.methodology().unwrap();
    let units: Vec<_> = ["Finance", "Operations", "Customer Service", "IT"]
        .iter()
        .map(|name| {
            store
                .create_unit(&UnitInput {
                    name: (*name).into(),
                    parent_id: None,
                })
                .unwrap()
        })
        .collect();
    let resources: Vec<_> = (0..40)
        .map(|i| {
            store
                .create_resource(
                    &ResourceInput {
                        kind: ResourceKind::ALL[i % 7],
                        name: format!("System {i:02}").into(),
                        rto_capability: format!("{}h", 1 + i % 48),
                        ..Default::default()
                    },
                    &Provenance::Workshop,
                )
                .unwrap()
        })
        .collect();
    for i in 0..200usize {
        let p = store
            .create_process(
                &ProcessInput {
                    name: format!("Process {i:04} — order to cash").into(),
                    unit_id: Some(units[i % 4].id),
                    owner: format!("Owner {}", i % 17),
                    ..Default::default()
                },
                &Provenance::Workshop,
            )
            .unwrap();
        let cells: Vec<ScoreInput> = m
            .categories
            .iter()
            .enumerate()
            .flat_map(|(c, cat)| {
                m.horizons
                    .iter()
                    .enumerate()
                    .map(move |(h, hor)| ScoreInput {
                        category_id: cat.id,
                        horizon_id: hor.id,
                        // Some cells carry a note; a few are noted but unscored.
                        severity: (i % 10 != 0 || c + h != 0)
                            .then_some(((h + c + i) % 6).min(h) as u8),
                        note: match (i % 10, c, h) {
                            (0, 0, 0) => Some("to be confirmed with Finance".into()),
                            (0, 1, 3) => Some("≈ £250 k lost revenue: per day".into()),
                            _ => None,
                        },
                    })
            })
            .collect();
        bia::objectives::agree(
            &mut store,
            p.id,
            &ObjectivesInput {
                rto: "15 min".into(),
                rationale: "Generated".into(),
                ..Default::default()
            },
            &Provenance::Workshop,
        )
        .unwrap();
        store
            .set_scores(p.id, &cells, &Provenance::Workshop)
            .unwrap();
        for k in 0..2 {
            store
                .create_dependency(
                    &DependencyInput {
                        from: NodeRef::Process(p.id),
                        to: DependencyTarget::Existing(NodeRef::Resource(
                            resources[(i * 3 + k * 7) % resources.len()].id,
                        )),
                        strength: [Strength::Required, Strength::Degraded][k],
                        note: String::new(),
                    },
                    &Provenance::Workshop,
                )
                .unwrap();
        }
    }
    let before = store.load().unwrap();
    let log = store.decisions(None).unwrap();
    store.close().unwrap();
    let workbook = dir.path().join("large.xlsx");
    bia::excel::export::export(&before, &log, &workbook, &mut |_| {}).unwrap();
    let back = dir.path().join("back.bia");
    let report = import_workbook(
        &workbook,
        &Options {
            into: back.clone(),
            mapping: Default::default(),
            limits: Default::default(),
            dry_run: false,
            currency: bia::model::Currency::fallback(),
        },
        &mut |_| true,
    )
    .unwrap();
    assert_eq!(report.plan.counts.processes_new, 200);
    let after = Store::open(&back).unwrap().load().unwrap();
    let (a, b) = (
        normalised(&Dump::new(&before, &[]).to_json()),
        normalised(&Dump::new(&after, &[]).to_json()),
    );
    for key in a.as_object().unwrap().keys() {
        assert_eq!(a[key], b[key], "{key} comes back the same");
    }
}
