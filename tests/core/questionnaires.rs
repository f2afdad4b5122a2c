//! Questionnaires as a consultant lives them with the demo organisation:
//! the annual round is sent to the owners, one workbook each; Gareth Pugh
//! fills his in (picks levels, types others, adds a supplier, comments);
//! meanwhile the facilitator changed one of the values he was sent. Taking
//! it back lists what he proposed, what conflicts and what breaks a rule,
//! applies what is accepted as one undoable edit after a backup, each value
//! naming the cell it came from, and a second return shows only what is
//! new. Foreign, withdrawn and unrelated workbooks are refused with nothing
//! changed. The CLI does the same.

use std::path::{Path, PathBuf};

use bia::Workbench;
use bia::model::{
    Acceptance, ChangeState, Id, ObjectivesInput, Provenance, QuestionnaireReview,
    QuestionnaireStatus, Recipients, ReturnedQuestionnaire, ScoreInput, SendInput, Status,
};

use crate::cli::{bia, stderr};
use crate::temp_dir;
use crate::xlsx_edit::fill;

fn demo(dir: &tempfile::TempDir) -> Workbench {
    Workbench::create_demo(&dir.path().join("demo.bia")).unwrap()
}

fn ids(wb: &Workbench, names: &[&str]) -> Vec<Id> {
    names
        .iter()
        .map(|n| wb.process_named(n).unwrap().id)
        .collect()
}

const GARETH: [&str; 2] = [
    "Fleet maintenance",
    "Driver compliance and tachograph records",
];

/// Sends Gareth Pugh's processes; the workbook's path.
fn send_gareth(wb: &mut Workbench, out: &Path) -> PathBuf {
    let sent = wb
        .send_questionnaires(
            &SendInput {
                processes: ids(wb, &GARETH),
                recipients: Recipients::Owner,
                due: String::new(),
                return_to: "Eleanor Marsh".into(),
            },
            out,
        )
        .unwrap();
    assert_eq!(sent.len(), 1);
    PathBuf::from(&sent[0].path)
}

/// Where an answer of `process` lies: (sheet, cell).
fn cell(returned: &ReturnedQuestionnaire, process: Id, key: &str) -> (String, String) {
    let p = returned
        .processes
        .iter()
        .find(|p| p.process_id == process)
        .expect("the process has a sheet");
    let a = p
        .answers
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("no answer cell for {key}"));
    (p.sheet.clone(), a.cell.clone())
}

/// A cell the workbook's hidden data sheet lists for `key` of `process`
/// (the new-dependency rows, which are not answers of their own).
fn data_cell(file: &Path, process: Id, key: &str) -> String {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(file).unwrap();
    let data = book.worksheet_range("_bia").unwrap();
    let id = process.to_string();
    data.rows()
        .find(|r| {
            r.first().map(|c| c.to_string()) == Some(id.clone())
                && r.get(3).map(|c| c.to_string()).as_deref() == Some(key)
        })
        .map(|r| r[5].to_string())
        .unwrap_or_else(|| panic!("{key} is not in the data sheet"))
}

fn score_key(wb: &Workbench, category: &str, horizon: &str) -> String {
    let m = wb.methodology().unwrap();
    let c = m.categories.iter().find(|c| c.name == category).unwrap();
    let h = m.horizons.iter().find(|h| h.label == horizon).unwrap();
    format!("score:{}:{}", c.id, h.id)
}

fn changes<'a>(review: &'a QuestionnaireReview, process: &str) -> &'a bia::model::ProcessReview {
    review
        .processes
        .iter()
        .find(|p| p.name == process)
        .unwrap_or_else(|| panic!("{process} is not in the review"))
}

#[test]
fn each_owner_gets_one_workbook_of_their_processes_and_it_is_tracked() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let out = dir.path().join("round 2027");
    let sent = wb
        .send_questionnaires(
            &SendInput {
                processes: ids(
                    &wb,
                    &[
                        "Fleet maintenance",
                        "Treasury and cash management",
                        "Driver compliance and tachograph records",
                        "Month-end close and reporting",
                    ],
                ),
                ..SendInput::default()
            },
            &out,
        )
        .unwrap();
    let recipients: Vec<(&str, usize)> = sent
        .iter()
        .map(|s| {
            (
                s.questionnaire.recipient.as_str(),
                s.questionnaire.processes.len(),
            )
        })
        .collect();
    assert_eq!(recipients, [("Gareth Pugh", 2), ("James Whitfield", 2)]);
    for s in &sent {
        assert!(Path::new(&s.path).is_file(), "{} was written", s.path);
        assert!(s.path.ends_with(".xlsx"));
    }
    let listed = wb.questionnaires().unwrap();
    assert_eq!(listed.len(), 2);
    let today = bia::questionnaires::today();
    let facilitator = wb.info().unwrap().facilitator;
    for q in &listed {
        assert_eq!(q.status, QuestionnaireStatus::Sent);
        assert_eq!(q.sent_on, today);
        assert!(q.due > today, "due two weeks on: {}", q.due);
        assert_eq!(q.return_to, facilitator, "the facilitator by default");
    }
    // The dump carries them as the issue names them.
    let dump: serde_json::Value = serde_json::from_str(&wb.dump_json().unwrap()).unwrap();
    let q = &dump["questionnaires"][0];
    for key in [
        "id",
        "recipient",
        "processes",
        "sent_on",
        "due",
        "returned_on",
        "status",
    ] {
        assert!(q.get(key).is_some(), "dump key {key}");
    }
    // Sending is one undoable edit.
    wb.undo().unwrap();
    assert!(wb.questionnaires().unwrap().is_empty());
}

#[test]
fn processes_without_an_owner_are_named_and_nothing_is_sent() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let p = wb.process_named("Fleet maintenance").unwrap();
    let mut input = p.to_input();
    input.owner = String::new();
    wb.update_process(p.id, &input).unwrap();
    let out = dir.path().join("out");
    let err = wb
        .send_questionnaires(
            &SendInput {
                processes: ids(&wb, &GARETH),
                ..SendInput::default()
            },
            &out,
        )
        .unwrap_err();
    assert_eq!(err.code(), "questionnaire_no_recipient");
    assert!(err.to_string().contains("Fleet maintenance"), "{err}");
    assert!(err.to_string().contains("send by unit"), "{err}");
    assert!(wb.questionnaires().unwrap().is_empty());
    assert!(
        std::fs::read_dir(&out).map_or(true, |mut d| d.next().is_none()),
        "no workbook left behind"
    );
}

#[test]
fn a_returned_workbook_is_compared_three_ways_and_the_accepted_answers_name_their_cell() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let file = send_gareth(&mut wb, dir.path());
    let fleet = wb.process_named("Fleet maintenance").unwrap().id;
    let driver = wb
        .process_named("Driver compliance and tachograph records")
        .unwrap()
        .id;
    let sent = bia::excel::import::read_questionnaire(&file).unwrap();

    // Gareth's answers: a level picked, one typed as a number, one by
    // name, one not on the scale; a duration in words; a comment; a new
    // supplier; the RTO of his second process.
    let fin_1d = score_key(&wb, "Financial", "1 d");
    let ops_4h = score_key(&wb, "Operational", "4 h");
    let rep_1w = score_key(&wb, "Reputational", "1 w");
    let leg_1d = score_key(&wb, "Legal & Regulatory", "1 d");
    let at = |p: Id, k: &str| cell(&sent, p, k);
    let (sheet, c_fin) = at(fleet, &fin_1d);
    let (_, c_ops) = at(fleet, &ops_4h);
    let (_, c_rep) = at(fleet, &rep_1w);
    let (_, c_leg) = at(fleet, &leg_1d);
    let (_, c_wrt) = at(fleet, "wrt");
    let (_, c_comment) = at(fleet, "comment:dependencies");
    let (driver_sheet, c_driver_rto) = at(driver, "rto");
    let new_dep = |part: &str| data_cell(&file, fleet, &format!("dependency:1:{part}"));
    let (dep_kind, dep_name, dep_note) = (new_dep("kind"), new_dep("name"), new_dep("note"));
    fill(
        &file,
        &[
            (&sheet, &c_fin, "4 – Major"),
            (&sheet, &c_ops, "3"),
            (&sheet, &c_rep, "Minor"),
            (&sheet, &c_leg, "Severe"),
            (&sheet, &c_wrt, "6 hours"),
            (
                &sheet,
                &c_comment,
                "We also rely on the tyre supplier's call-out service.",
            ),
            (&driver_sheet, &c_driver_rto, "2 days"),
            (&sheet, &dep_kind, "Supplier"),
            (&sheet, &dep_name, "Tyre call-out service"),
            (&sheet, &dep_note, "24/7 roadside tyre replacement"),
        ],
    );

    // Meanwhile the facilitator changed the driver-compliance RTO here.
    wb.agree_objectives(
        driver,
        &ObjectivesInput {
            rto: "1 d".into(),
            ..wb.objectives(driver)
                .unwrap()
                .map(|o| o.to_input())
                .unwrap_or_default()
        },
    )
    .unwrap();

    let review = wb.review_questionnaire(&file).unwrap();
    assert_eq!(review.recipient, "Gareth Pugh");
    assert!(!review.again);
    let f = changes(&review, "Fleet maintenance");
    let state = |key: &str| f.changes.iter().find(|c| c.key == key).map(|c| c.state);
    // What was sent unchanged is not listed; a value equal to now neither.
    for key in [&fin_1d, &ops_4h, &"wrt".to_string()] {
        assert_eq!(state(key), Some(ChangeState::Proposed), "{key}");
    }
    // "Minor" is what the demo has there already: nothing to decide.
    assert_eq!(state(&rep_1w), None);
    let fin = f.changes.iter().find(|c| c.key == fin_1d).unwrap();
    assert_eq!(
        (fin.sent.as_str(), fin.now.as_str(), fin.answer.as_str()),
        ("1 – Minimal", "1 – Minimal", "4 – Major")
    );
    assert_eq!(fin.cell, format!("'Fleet maintenance'!{c_fin}"));
    let invalid = f.changes.iter().find(|c| c.key == leg_1d).unwrap();
    assert_eq!(invalid.state, ChangeState::Invalid);
    assert!(
        invalid.message.contains("“Severe” is not a level"),
        "{}",
        invalid.message
    );
    assert!(
        invalid.cell.ends_with(&format!("!{c_leg}")),
        "{}",
        invalid.cell
    );
    assert_eq!(f.comments.len(), 1);
    let dep = &f.new_dependencies[0];
    assert_eq!(
        (dep.kind.as_str(), dep.name.as_str(), dep.known, dep.state),
        (
            "Supplier",
            "Tyre call-out service",
            false,
            ChangeState::Proposed
        )
    );
    let d = changes(&review, "Driver compliance and tachograph records");
    let conflict = d.changes.iter().find(|c| c.key == "rto").unwrap();
    assert_eq!(conflict.state, ChangeState::Conflict, "{conflict:?}");
    assert_eq!(conflict.now, "1 d");
    assert_eq!(conflict.answer, "2 d");

    // A workbook changed after its review is not applied on that review.
    let reviewed = review.fingerprint.clone();
    let keep = std::fs::read(&file).unwrap();
    fill(&file, &[(&sheet, &c_ops, "2 – Minor")]);
    let err = wb
        .receive_questionnaire(&file, &Acceptance::NonConflicting, Some(&reviewed))
        .unwrap_err();
    assert_eq!(err.code(), "questionnaire_changed");
    assert!(err.to_string().contains("review it again"), "{err}");
    std::fs::write(&file, keep).unwrap();

    // Taking the non-conflicting ones: one edit, after a backup.
    let before_undo = wb.history().unwrap();
    let outcome = wb
        .receive_questionnaire(&file, &Acceptance::NonConflicting, Some(&reviewed))
        .unwrap();
    assert!(outcome.applied >= 2, "{outcome:?}");
    assert_eq!(outcome.invalid, 1, "{outcome:?}");
    let backup = outcome.backup.expect("a backup was taken");
    assert!(Path::new(&backup).is_file());
    assert!(backup.contains("before-questionnaire"), "{backup}");

    let scores = wb.process_impact(fleet).unwrap().scores;
    let m = wb.methodology().unwrap();
    let financial = m
        .categories
        .iter()
        .find(|c| c.name == "Financial")
        .unwrap()
        .id;
    let one_day = m.horizons.iter().find(|h| h.label == "1 d").unwrap().id;
    let s = scores
        .iter()
        .find(|s| s.category_id == financial && s.horizon_id == one_day)
        .unwrap();
    assert_eq!(s.severity, Some(4));
    match &s.provenance {
        Provenance::Questionnaire {
            recipient,
            cell,
            sheet: on,
            ..
        } => {
            assert_eq!(recipient, "Gareth Pugh");
            assert_eq!(cell, &c_fin);
            assert_eq!(on, &sheet);
        }
        other => panic!("provenance {other:?}"),
    }
    let o = wb.objectives(fleet).unwrap().unwrap();
    assert_eq!(o.wrt.map(|m| m.0), Some(360));
    let decisions = wb.decisions(Some(fleet)).unwrap();
    let wrt = decisions.iter().rev().find(|d| d.field == "WRT").unwrap();
    assert!(
        wrt.rationale
            .starts_with("questionnaire, returned by Gareth Pugh on "),
        "{}",
        wrt.rationale
    );
    assert!(
        wrt.rationale.ends_with(&format!("!{c_wrt}")),
        "{}",
        wrt.rationale
    );
    let tyres = wb
        .resources()
        .unwrap()
        .into_iter()
        .find(|r| r.name == "Tyre call-out service")
        .expect("the supplier he named was added");
    assert_eq!(tyres.kind, bia::model::ResourceKind::Supplier);
    assert!(
        wb.dependencies()
            .unwrap()
            .iter()
            .any(|d| d.from == bia::model::NodeRef::Process(fleet)
                && d.to == bia::model::NodeRef::Resource(tyres.id)
                && d.note == "24/7 roadside tyre replacement"),
        "and linked to his process"
    );
    let notes = wb.process_named("Fleet maintenance").unwrap().notes;
    assert!(notes.contains("tyre supplier's call-out"), "{notes}");
    // The conflict was not taken.
    assert_eq!(
        wb.objectives(driver).unwrap().unwrap().rto.map(|m| m.0),
        Some(24 * 60)
    );
    let q = &wb.questionnaires().unwrap()[0];
    assert_eq!(q.status, QuestionnaireStatus::Applied);
    assert_eq!(q.returned_on, bia::questionnaires::today());

    // One undo takes all of it back.
    wb.undo().unwrap();
    assert_eq!(wb.history().unwrap().undo, before_undo.undo);
    let o = wb.objectives(fleet).unwrap().unwrap();
    assert_ne!(o.wrt.map(|m| m.0), Some(360));
    assert_eq!(
        wb.questionnaires().unwrap()[0].status,
        QuestionnaireStatus::Sent
    );
    wb.redo().unwrap();

    // A second return of the same workbook shows only what is new: the
    // conflict he still proposes was answered already, so nothing.
    let again = wb.review_questionnaire(&file).unwrap();
    assert!(again.again);
    assert!(
        again
            .processes
            .iter()
            .all(|p| p.changes.is_empty() && p.comments.is_empty()),
        "{again:#?}"
    );
    // He changes his mind on one cell and sends it again: only that.
    fill(&file, &[(&sheet, &c_ops, "5 – Critical")]);
    let again = wb.review_questionnaire(&file).unwrap();
    let listed: Vec<&str> = again
        .processes
        .iter()
        .flat_map(|p| p.changes.iter().map(|c| c.key.as_str()))
        .collect();
    assert_eq!(listed, [ops_4h.as_str()]);
}

#[test]
fn an_approved_process_is_reopened_when_its_answers_are_taken() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let out = dir.path().join("out");
    let payroll = wb.process_named("Payroll processing").unwrap();
    assert_eq!(payroll.status, Status::Approved);
    let sent = wb
        .send_questionnaires(
            &SendInput {
                processes: vec![payroll.id],
                ..SendInput::default()
            },
            &out,
        )
        .unwrap();
    let file = PathBuf::from(&sent[0].path);
    let read = bia::excel::import::read_questionnaire(&file).unwrap();
    let (sheet, c) = cell(&read, payroll.id, "description");
    fill(
        &file,
        &[(
            &sheet,
            &c,
            "Run the monthly and weekly payrolls for 1,450 staff.",
        )],
    );
    let review = wb.review_questionnaire(&file).unwrap();
    assert!(review.processes[0].reopens);
    wb.receive_questionnaire(&file, &Acceptance::All, None)
        .unwrap();
    let p = wb.process_named("Payroll processing").unwrap();
    assert_eq!(p.status, Status::InReview);
    assert_eq!(
        p.description,
        "Run the monthly and weekly payrolls for 1,450 staff."
    );
    let log = wb.decisions(Some(p.id)).unwrap();
    let status = log.iter().rev().find(|d| d.field == "Status").unwrap();
    assert!(status.rationale.contains("Aisha Bello"), "{status:?}");
}

#[test]
fn foreign_withdrawn_and_unrelated_workbooks_are_refused_with_nothing_changed() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let file = send_gareth(&mut wb, dir.path());

    // Another assessment (another laptop's demo) does not take it.
    let other_dir = temp_dir();
    let mut other = demo(&other_dir);
    let err = other.review_questionnaire(&file).unwrap_err();
    assert_eq!(err.code(), "questionnaire_other_assessment");
    assert!(err.to_string().contains("another assessment"), "{err}");
    let err = other
        .receive_questionnaire(&file, &Acceptance::All, None)
        .unwrap_err();
    assert_eq!(err.code(), "questionnaire_other_assessment");

    // The executive workbook is no questionnaire.
    let export = dir.path().join("Harbourline.xlsx");
    wb.export(&export, &mut |_| {}).unwrap();
    let err = wb.review_questionnaire(&export).unwrap_err();
    assert_eq!(err.code(), "not_a_questionnaire");
    assert!(err.to_string().contains("Harbourline.xlsx"), "{err}");

    // Withdrawn: refused.
    let q = wb.questionnaires().unwrap()[0].id;
    wb.withdraw_questionnaire(q).unwrap();
    let revision = wb.history().unwrap();
    let err = wb
        .receive_questionnaire(&file, &Acceptance::All, None)
        .unwrap_err();
    assert_eq!(err.code(), "questionnaire_withdrawn");
    assert!(err.to_string().contains("Gareth Pugh"), "{err}");
    assert_eq!(wb.history().unwrap(), revision, "nothing changed");
    assert_eq!(
        wb.questionnaires().unwrap()[0].status,
        QuestionnaireStatus::Withdrawn
    );
}

#[test]
fn answers_about_a_process_deleted_since_sending_are_listed_not_applied() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let file = send_gareth(&mut wb, dir.path());
    let driver = wb
        .process_named("Driver compliance and tachograph records")
        .unwrap()
        .id;
    let read = bia::excel::import::read_questionnaire(&file).unwrap();
    let (sheet, c) = cell(&read, driver, "rto");
    fill(&file, &[(&sheet, &c, "3 days")]);
    wb.delete_process(driver).unwrap();
    let review = wb.review_questionnaire(&file).unwrap();
    let d = review.processes.iter().find(|p| p.deleted).unwrap();
    assert_eq!(d.name, "Driver compliance and tachograph records");
    assert!(d.changes.iter().all(|c| c.state == ChangeState::Invalid));
    let outcome = wb
        .receive_questionnaire(&file, &Acceptance::All, None)
        .unwrap();
    assert_eq!(outcome.applied, 0);
    assert_eq!(outcome.invalid, 1);
    let listed = &wb.questionnaires().unwrap()[0];
    assert!(listed.processes.iter().any(|p| p.deleted));
}

#[test]
fn the_cli_sends_lists_and_receives() {
    let dir = temp_dir();
    let cwd = dir.path();
    let o = bia(&["demo", "demo.bia"], cwd);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = bia(
        &[
            "questionnaire",
            "send",
            "demo.bia",
            "--out",
            "out",
            "--owner",
            "Gareth Pugh",
            "--due",
            "2099-01-31",
        ],
        cwd,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        printed.contains("Gareth Pugh (2 processes, due 2099-01-31)"),
        "{printed}"
    );
    let path = printed.split('\t').next().unwrap().to_string();
    assert!(Path::new(&cwd.join(&path)).is_file() || Path::new(&path).is_file());

    let o = bia(&["questionnaire", "list", "demo.bia", "--json"], cwd);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(list[0]["recipient"], "Gareth Pugh");
    assert_eq!(list[0]["status"], "sent");

    let o = bia(
        &["questionnaire", "receive", "demo.bia", &path, "--dry-run"],
        cwd,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("nothing changed"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = bia(
        &[
            "questionnaire",
            "receive",
            "demo.bia",
            &path,
            "--accept",
            "all",
        ],
        cwd,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = bia(&["questionnaire", "list", "demo.bia"], cwd);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("returned"));

    // A file that is not a questionnaire: named, refused.
    std::fs::write(cwd.join("notes.xlsx"), b"not a workbook").unwrap();
    let o = bia(&["questionnaire", "receive", "demo.bia", "notes.xlsx"], cwd);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("notes.xlsx"), "{}", stderr(&o));

    // --accept takes only what it knows.
    let o = bia(
        &[
            "questionnaire",
            "receive",
            "demo.bia",
            &path,
            "--accept",
            "some",
        ],
        cwd,
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("non-conflicting"), "{}", stderr(&o));
}

#[test]
fn a_score_typed_since_sending_and_answered_the_same_is_not_listed() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let file = send_gareth(&mut wb, dir.path());
    let fleet = wb.process_named("Fleet maintenance").unwrap().id;
    let read = bia::excel::import::read_questionnaire(&file).unwrap();
    let key = score_key(&wb, "Customer", "3 d");
    let (sheet, c) = cell(&read, fleet, &key);
    let m = wb.methodology().unwrap();
    let cat = m
        .categories
        .iter()
        .find(|c| c.name == "Customer")
        .unwrap()
        .id;
    let hor = m.horizons.iter().find(|h| h.label == "3 d").unwrap().id;
    wb.set_scores(
        fleet,
        &[ScoreInput {
            category_id: cat,
            horizon_id: hor,
            severity: Some(5),
            note: None,
        }],
    )
    .unwrap();
    fill(&file, &[(&sheet, &c, "5 – Critical")]);
    let review = wb.review_questionnaire(&file).unwrap();
    assert!(
        review
            .processes
            .iter()
            .all(|p| p.changes.iter().all(|x| x.key != key)),
        "the room and the owner agree: nothing to decide"
    );
}
