//! The application layer as the shell and the CLI meet it: a facilitator
//! scores by names, agrees objectives the analysis refuses and then
//! accepts, and imports a workbook in which no row names a process.

use bia::Workbench;
use bia::excel::import::Mapping;
use bia::model::ObjectivesInput;
use bia::workbench::NamedScore;

use crate::temp_dir;

#[test]
fn a_cell_scored_by_names_gives_the_process_its_derived_mtpd() {
    let dir = temp_dir();
    let mut wb = Workbench::create_demo(&dir.path().join("demo.bia")).unwrap();
    let scored = wb
        .score(&NamedScore {
            process: "complaints HANDLING",
            category: "financial",
            horizon: "4h",
            severity: "Catastrophic",
        })
        .unwrap();
    assert_eq!(
        (
            scored.process.as_str(),
            scored.category.as_str(),
            scored.horizon.as_str()
        ),
        ("Complaints handling", "Financial", "4 h"),
        "names are matched however they are typed"
    );
    assert_eq!(
        (scored.severity, scored.level.as_str()),
        (5, "Catastrophic")
    );
    assert_eq!(
        scored.analysis.mtpd_derived.map(|m| m.to_string()),
        Some("4 h".to_string()),
        "a catastrophic score at 4 h brings the MTPD forward to 4 h"
    );
    let err = wb
        .score(&NamedScore {
            process: "Complaints handling",
            category: "Financial",
            horizon: "5 h",
            severity: "4",
        })
        .unwrap_err();
    assert_eq!(err.code(), "unknown_name");
    assert!(err.to_string().contains("1 h, 4 h, 8 h"), "{err}");
    wb.close().unwrap();
}

#[test]
fn objectives_the_analysis_refuses_are_not_agreed_and_the_log_is_untouched() {
    let dir = temp_dir();
    let mut wb = Workbench::create_demo(&dir.path().join("demo.bia")).unwrap();
    let p = wb.process_named("Fuel and consumables purchasing").unwrap();
    assert_eq!(
        wb.analyze_process(p.id)
            .unwrap()
            .mtpd
            .map(|m| m.to_string()),
        Some("1 w".to_string())
    );
    let logged = wb.decisions(Some(p.id)).unwrap().len();
    // What the room had agreed, with only the RTO changed.
    let agreed_before = wb.objectives(p.id).unwrap().map(|o| o.to_input());
    let too_slow = ObjectivesInput {
        rto: "2 weeks".into(),
        rationale: "The room wanted two weeks".into(),
        ..agreed_before.unwrap_or_default()
    };
    let err = wb.agree_objectives(p.id, &too_slow).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert_eq!(err.details()["issues"][0]["field"], "rto");
    assert_eq!(wb.decisions(Some(p.id)).unwrap().len(), logged);
    let check = wb.check_objectives(p.id, &too_slow).unwrap();
    assert_eq!(check.issues.len(), 1, "the form is told the same");

    let in_time = ObjectivesInput {
        rto: "5 days".into(),
        ..too_slow
    };
    let agreed = wb.agree_objectives(p.id, &in_time).unwrap();
    assert_eq!(agreed.rto.map(|m| m.to_string()), Some("5 d".into()));
    assert_eq!(wb.decisions(Some(p.id)).unwrap().len(), logged + 1);
    wb.close().unwrap();
}

#[test]
fn a_plan_with_no_process_is_refused_before_any_backup_is_taken() {
    let dir = temp_dir();
    let path = dir.path().join("demo.bia");
    let mut wb = Workbench::create_demo(&path).unwrap();
    let csv = dir.path().join("contacts.csv");
    std::fs::write(
        &csv,
        "Process,Owner,RTO,MTPD\nParcel lockers,A. Bello,4h,1d\nClaims desk,B. Cole,1d,3d\n",
    )
    .unwrap();
    let (_, mut plan) = wb.plan_import(&csv, &Mapping::default()).unwrap();
    assert_eq!(plan.processes.len(), 2);
    // As when every row of the table was refused: nothing left to write.
    plan.processes.clear();
    let err = wb.apply_import(&plan, &mut |_| true).unwrap_err();
    assert_eq!(err.code(), "nothing_imported");
    assert!(err.to_string().contains("contacts.csv"), "{err}");
    wb.close().unwrap();
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !files.iter().any(|f| f.contains("before-import")),
        "no backup of an import that does nothing: {files:?}"
    );
}
