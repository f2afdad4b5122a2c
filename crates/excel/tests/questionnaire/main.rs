//! Sophie Chen's questionnaire (Accounts payable and Payroll, Finance at
//! Harbourline Logistics) written, filled in as she would — picking from
//! dropdowns, typing, adding dependencies, renaming sheets, inserting rows,
//! removing the protection, saving it again in LibreOffice — and read back.
//!
//! The edits are made by program on the file's XML as Excel makes them
//! (`edit`). Set `QUESTIONNAIRE_SAMPLE_DIR` to keep the written workbook.

mod edit;
mod sample;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use bia_excel::export::{questionnaire_workbook, write_questionnaire};
use bia_excel::import::{ImportError, read_questionnaire};
use bia_model::{
    Answer, DependencyAnswer, QuestionnaireForm, ReturnedProcess, ReturnedQuestionnaire,
};
use calamine::{Data, Reader, Xlsx};
use edit::{Xlsx as Edit, parse_cell};

/// The sample written to a fresh folder: the form and the file.
fn written(name: &str) -> (QuestionnaireForm, tempfile::TempDir, PathBuf) {
    let form = sample::form();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    write_questionnaire(&form, &path).unwrap_or_else(|e| panic!("{e} ({})", e.code()));
    if let Some(keep) = std::env::var_os("QUESTIONNAIRE_SAMPLE_DIR") {
        std::fs::create_dir_all(&keep).expect("the sample folder");
        std::fs::copy(&path, Path::new(&keep).join(name)).expect("the sample");
    }
    (form, dir, path)
}

fn read(path: &Path) -> ReturnedQuestionnaire {
    read_questionnaire(path).unwrap_or_else(|e| panic!("{e} ({})", e.code()))
}

fn process<'a>(q: &'a ReturnedQuestionnaire, name: &str) -> &'a ReturnedProcess {
    q.processes
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no process {name} read back"))
}

fn answer<'a>(p: &'a ReturnedProcess, key: &str) -> &'a Answer {
    p.answers
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("{}: no answer {key} (missing: {:?})", p.name, p.missing))
}

/// The key of the score of `category` at `horizon`, by their names.
fn score(form: &QuestionnaireForm, category: &str, horizon: &str) -> String {
    let c = form
        .categories
        .iter()
        .find(|c| c.name == category)
        .expect("a category");
    let h = form
        .horizons
        .iter()
        .find(|h| h.label == horizon)
        .expect("a horizon");
    format!("score:{}:{}", c.id, h.id)
}

/// A value as sent, as the workbook shows it: a level as its choice text.
fn shown(form: &QuestionnaireForm, key: &str, value: &str) -> String {
    if key.starts_with("score:")
        && let Some(level) = form.scale.iter().find(|l| l.value.to_string() == value)
    {
        return level.choice();
    }
    value.to_string()
}

/// The cells of the answers as the data sheet says they were written, by
/// process name and key (the new dependencies' cells included).
fn written_cells(path: &Path) -> HashMap<(String, String), String> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("calamine opens it");
    let data = book.worksheet_range("_bia").expect("the data sheet");
    data.rows()
        .skip(4)
        .map(|r| {
            let text = |i: usize| r.get(i).map(Data::to_string).unwrap_or_default();
            ((text(1), text(3)), text(5))
        })
        .collect()
}

fn cell_of(cells: &HashMap<(String, String), String>, process: &str, key: &str) -> String {
    cells
        .get(&(process.to_string(), key.to_string()))
        .unwrap_or_else(|| panic!("no written cell for {process} {key}"))
        .clone()
}

/// `cell` moved down `n` rows.
fn down(cell: &str, n: u32) -> String {
    let (row, _) = parse_cell(cell);
    let letters: String = cell
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    format!("{letters}{}", row + n)
}

#[test]
fn an_unchanged_questionnaire_reads_back_as_sent() {
    let (form, _dir, path) = written("unchanged.xlsx");
    let q = read(&path);
    assert_eq!(q.questionnaire_id, form.questionnaire_id);
    assert_eq!(q.assessment_id, form.assessment_id);
    assert_eq!(q.processes.len(), 2, "one sheet per process");
    let per_process = 4 + form.categories.len() * form.horizons.len() + 4 + 4;
    for (sent, back) in form.processes.iter().zip(&q.processes) {
        assert_eq!(back.process_id, sent.process_id);
        assert_eq!(back.name, sent.name);
        assert_eq!(
            back.sheet, sent.name,
            "sheets are named after their process"
        );
        assert!(
            back.missing.is_empty(),
            "nothing missing: {:?}",
            back.missing
        );
        assert_eq!(back.answers.len(), per_process, "every answer cell is read");
        assert!(back.new_dependencies.is_empty());
        let mut expected = sent.values.clone();
        let mut got = back.sent.clone();
        expected.sort_by(|a, b| a.key.cmp(&b.key));
        got.sort_by(|a, b| a.key.cmp(&b.key));
        assert_eq!(got, expected, "the values as sent come from the data sheet");
        for v in &sent.values {
            assert_eq!(
                answer(back, &v.key).text,
                shown(&form, &v.key, &v.value),
                "{} {}: an untouched cell reads as sent",
                sent.name,
                v.key
            );
        }
    }
    let payables = process(&q, "Accounts payable");
    assert_eq!(
        answer(payables, &score(&form, "Financial", "1 day")).text,
        "1 – Minor"
    );
    assert_eq!(answer(payables, "minimum_staff").text, "3");
    assert_eq!(answer(payables, "comment:impact").text, "");

    let xlsx = Edit::open(&path);
    assert_eq!(
        xlsx.sheet_names(),
        ["Instructions", "Accounts payable", "Payroll", "_bia"]
    );
    assert!(
        xlsx.part("xl/workbook.xml")
            .contains("state=\"veryHidden\"")
    );
    assert!(xlsx.is_protected("Accounts payable") && xlsx.is_protected("Payroll"));
    let names = xlsx.defined_names();
    let rto = cell_of(&written_cells(&path), "Accounts payable", "rto");
    let (row, _) = parse_cell(&rto);
    let letters: String = rto
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    assert_eq!(
        names.get("BIA_P1_RTO"),
        Some(&format!("'Accounts payable'!${letters}${row}")),
        "each answer cell has its defined name"
    );
    assert!(names.contains_key("BIA_P2_S7_8") && names.contains_key("BIA_P1_DEP6_NOTE"));
}

#[test]
fn answers_picked_typed_and_added_are_read_with_their_keys_and_cells() {
    let (form, _dir, path) = written("filled.xlsx");
    let cells = written_cells(&path);
    let ap = "Accounts payable";
    let at = |key: &str| cell_of(&cells, ap, key);
    let financial = score(&form, "Financial", "1 day");
    let operational = score(&form, "Operational", "4 h");
    let reputational = score(&form, "Reputational", "1 week");
    let customer = score(&form, "Customer", "1 h");
    let mut xlsx = Edit::open(&path);
    xlsx.set_text(ap, &at(&financial), "4 – Severe");
    xlsx.set_number(ap, &at(&operational), 4.0);
    xlsx.set_text(ap, &at(&reputational), "  Major ");
    xlsx.set_error(ap, &at(&customer), "#N/A");
    xlsx.set_text(ap, &at("rto"), "6 hours");
    xlsx.set_number(ap, &at("mbco"), 12.5);
    xlsx.set_text(ap, &at("description"), "");
    xlsx.set_text(ap, &at("comment:impact"), "Month end doubles every impact.");
    xlsx.set_text(ap, &at("dependency:1:kind"), "Application");
    xlsx.set_text(ap, &at("dependency:1:name"), "Kofax AP Essentials");
    xlsx.set_text(ap, &at("dependency:1:note"), "Scans paper invoices");
    xlsx.set_text(ap, &at("dependency:3:name"), "Courier for cheques");
    xlsx.save(&path);

    let q = read(&path);
    let p = process(&q, ap);
    let got = |key: &str| {
        let a = answer(p, key);
        assert_eq!(
            a.cell,
            at(key),
            "{key} is read from the cell it was written to"
        );
        a.text.clone()
    };
    assert_eq!(
        got(&financial),
        "4 – Severe",
        "a level picked from the list"
    );
    assert_eq!(
        got(&operational),
        "4",
        "a level typed as a number: 4, not 4.0"
    );
    assert_eq!(
        got(&reputational),
        "Major",
        "a level typed by name, trimmed"
    );
    assert_eq!(got(&customer), "#N/A", "an error shows as Excel shows it");
    assert_eq!(got("rto"), "6 hours", "a duration not in the list");
    assert_eq!(got("mbco"), "12.5");
    assert_eq!(got("description"), "", "emptied: no answer, still found");
    assert_eq!(got("comment:impact"), "Month end doubles every impact.");
    assert_eq!(got("rpo"), "4 h", "untouched");
    assert_eq!(
        p.new_dependencies,
        vec![
            DependencyAnswer {
                kind: "Application".into(),
                name: "Kofax AP Essentials".into(),
                note: "Scans paper invoices".into(),
                cell: at("dependency:1:kind"),
            },
            DependencyAnswer {
                kind: String::new(),
                name: "Courier for cheques".into(),
                note: String::new(),
                cell: at("dependency:3:kind"),
            },
        ],
        "only the rows with something in them, each at its first cell"
    );
    assert!(
        process(&q, "Payroll").new_dependencies.is_empty(),
        "the other process is untouched"
    );
}

/// Answers of Accounts payable and Payroll as filled in by the test of
/// moved sheets and rows.
fn fill(xlsx: &mut Edit, form: &QuestionnaireForm, cells: &HashMap<(String, String), String>) {
    let at = |p: &str, key: &str| cell_of(cells, p, key);
    let ap = "Accounts payable";
    xlsx.set_text(ap, &at(ap, "rto"), "6 hours");
    xlsx.set_text(ap, &at(ap, &score(form, "Customer", "2 weeks")), "Major");
    xlsx.set_text(ap, &at(ap, &score(form, "Financial", "1 h")), "1 – Minor");
    xlsx.set_text(
        ap,
        &at(ap, "comment:objectives"),
        "The bank portal is the real limit.",
    );
    xlsx.set_text(ap, &at(ap, "dependency:2:name"), "Iron Mountain");
    xlsx.set_text("Payroll", &at("Payroll", "wrt"), "2 days");
}

#[test]
fn sheets_renamed_and_moved_rows_inserted_names_dropped_protection_removed() {
    let (form, _dir, path) = written("moved.xlsx");
    let cells = written_cells(&path);
    let ap = "Accounts payable";
    let at = |p: &str, key: &str| cell_of(&cells, p, key);
    let mut xlsx = Edit::open(&path);
    fill(&mut xlsx, &form, &cells);
    xlsx.save(&path);
    let before = read(&path);

    let mut xlsx = Edit::open(&path);
    // Three rows above the recovery objectives, one inside the impact grid
    // (above Customer), on Accounts payable; then the sheets renamed, Payroll
    // first, and the protection gone.
    let (rto_row, _) = parse_cell(&at(ap, "rto"));
    xlsx.insert_rows(ap, rto_row - 2, 3);
    let (customer_row, _) = parse_cell(&at(ap, &score(&form, "Customer", "1 h")));
    xlsx.insert_rows(ap, customer_row, 1);
    xlsx.rename_sheet(ap, "AP — Sophie's");
    xlsx.rename_sheet("Payroll", "Payroll 2026");
    xlsx.move_sheet("Payroll 2026", 0);
    xlsx.unprotect("AP — Sophie's");
    xlsx.unprotect("Payroll 2026");
    xlsx.save(&path);
    assert_eq!(
        Edit::open(&path).sheet_names(),
        ["Payroll 2026", "Instructions", "AP — Sophie's", "_bia"]
    );

    let check = |q: &ReturnedQuestionnaire, how: &str| {
        let p = process(q, ap);
        assert_eq!(p.sheet, "AP — Sophie's", "{how}: the sheet's current name");
        assert_eq!(process(q, "Payroll").sheet, "Payroll 2026");
        for r in &q.processes {
            assert!(
                r.missing.is_empty(),
                "{how}: {} missing {:?}",
                r.name,
                r.missing
            );
        }
        let moved = |key: &str, by: u32| {
            let a = answer(p, key);
            assert_eq!(
                a.cell,
                down(&at(ap, key), by),
                "{how}: {key} has moved down {by}"
            );
            a.text.clone()
        };
        assert_eq!(moved(&score(&form, "Financial", "1 h"), 0), "1 – Minor");
        assert_eq!(moved(&score(&form, "Customer", "2 weeks"), 1), "Major");
        assert_eq!(
            moved("description", 0),
            shown(&form, "description", &form.processes[0].values[0].value)
        );
        assert_eq!(moved("rto", 4), "6 hours");
        assert_eq!(
            moved("comment:objectives", 4),
            "The bank portal is the real limit."
        );
        assert_eq!(
            p.new_dependencies,
            vec![DependencyAnswer {
                kind: String::new(),
                name: "Iron Mountain".into(),
                note: String::new(),
                cell: down(&at(ap, "dependency:2:kind"), 4),
            }]
        );
        assert_eq!(answer(process(q, "Payroll"), "wrt").text, "2 days");
        // Everything else reads as before the moves.
        for (b, a) in before.processes.iter().zip(&q.processes) {
            let texts = |p: &ReturnedProcess| {
                p.answers
                    .iter()
                    .map(|a| (a.key.clone(), a.text.clone()))
                    .collect::<HashMap<_, _>>()
            };
            assert_eq!(texts(a), texts(b), "{how}: {} reads as before", a.name);
        }
    };
    let by_names = read(&path);
    check(&by_names, "by defined names");

    let mut xlsx = Edit::open(&path);
    xlsx.drop_defined_names("BIA_P");
    xlsx.save(&path);
    assert!(!Edit::open(&path).defined_names().contains_key("BIA_P1_RTO"));
    let by_labels = read(&path);
    check(&by_labels, "by labels and the hidden process id");
    assert_eq!(by_labels, by_names, "the fallback finds the same cells");
}

#[test]
fn a_deleted_answer_is_missing_not_read_from_another_cell() {
    let (form, _dir, path) = written("deleted.xlsx");
    let cells = written_cells(&path);
    let ap = "Accounts payable";
    let label_cell = |key: &str| {
        let (row, _) = parse_cell(&cell_of(&cells, ap, key));
        format!("B{row}")
    };
    let mut xlsx = Edit::open(&path);
    // The RTO row deleted, as far as the reader can tell: its name points
    // at #REF! and its label is gone.
    xlsx.break_defined_name("BIA_P1_RTO");
    xlsx.set_text(ap, &label_cell("rto"), "");
    // A score's name broken but its row and column labels kept.
    xlsx.break_defined_name("BIA_P1_S2_3");
    // A row inserted above the WRT and its label cleared: only its name
    // still knows where it is.
    xlsx.set_text(ap, &label_cell("wrt"), "");
    let (wrt_row, _) = parse_cell(&cell_of(&cells, ap, "wrt"));
    xlsx.insert_rows(ap, wrt_row, 1);
    xlsx.save(&path);

    let q = read(&path);
    let p = process(&q, ap);
    assert_eq!(p.missing, vec!["rto".to_string()]);
    assert!(p.answers.iter().all(|a| a.key != "rto"));
    let operational = score(&form, "Operational", "1 day");
    assert_eq!(
        answer(p, &operational).cell,
        cell_of(&cells, ap, &operational),
        "found again by its category and horizon"
    );
    assert_eq!(answer(p, &operational).text, "2 – Moderate");
    assert_eq!(
        answer(p, "wrt").cell,
        down(&cell_of(&cells, ap, "wrt"), 1),
        "the name finds the answer where no label is left"
    );
}

/// `soffice`, or `None` when LibreOffice is not installed (an error on CI,
/// where `./x` installs it).
fn soffice() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("soffice"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        if std::env::var_os("CI").is_some() {
            panic!("LibreOffice (soffice) is needed for the round trip on CI");
        }
        eprintln!("skipped: soffice not found; install LibreOffice to run the round trip");
    }
    found
}

#[test]
fn a_questionnaire_saved_again_by_libreoffice_reads_the_same() {
    let Some(soffice) = soffice() else {
        return;
    };
    let (form, dir, path) = written("libreoffice.xlsx");
    let cells = written_cells(&path);
    let mut xlsx = Edit::open(&path);
    fill(&mut xlsx, &form, &cells);
    xlsx.set_number(
        "Payroll",
        &cell_of(&cells, "Payroll", &score(&form, "Customer", "1 day")),
        3.0,
    );
    xlsx.save(&path);
    let before = read(&path);

    let out = dir.path().join("saved");
    let profile = dir.path().join("profile");
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(&out)
        .arg(&path)
        .output()
        .expect("soffice runs");
    let saved = out.join("libreoffice.xlsx");
    assert!(
        saved.is_file(),
        "LibreOffice wrote no file: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let xlsx = Edit::open(&saved);
    assert!(
        xlsx.defined_names().contains_key("BIA_P1_RTO"),
        "LibreOffice keeps the defined names"
    );
    assert!(
        xlsx.sheet_names().iter().any(|s| s == "_bia"),
        "and the data sheet"
    );
    assert!(
        !xlsx
            .part("xl/workbook.xml")
            .contains("name=\"_bia\" state=\"visible\""),
        "still hidden"
    );
    let after = read(&saved);
    assert_eq!(after, before, "the same answers, in the same cells");
    assert_eq!(
        answer(
            process(&after, "Payroll"),
            &score(&form, "Customer", "1 day")
        )
        .text,
        "3"
    );
}

#[test]
fn a_workbook_that_is_not_a_questionnaire_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("BIA register 2025.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Summary").expect("a name");
    ws.write_string(0, 0, "Business impact analysis")
        .expect("a cell");
    ws.write_string(3, 0, "Process").expect("a cell");
    ws.write_string(4, 0, "Accounts payable").expect("a cell");
    book.save(&path).expect("a workbook");
    let e = read_questionnaire(&path).expect_err("not a questionnaire");
    assert!(matches!(e, ImportError::NotAQuestionnaire { .. }), "{e}");
    assert_eq!(e.code(), "not_a_questionnaire");
    assert!(
        e.to_string().contains("BIA register 2025.xlsx")
            && e.to_string().contains("Import it as a workbook instead?"),
        "{e}"
    );
}

#[test]
fn a_damaged_questionnaire_is_refused_as_damaged() {
    let (_form, _dir, path) = written("truncated.xlsx");
    let bytes = std::fs::read(&path).expect("the file");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).expect("cut in half");
    let e = read_questionnaire(&path).expect_err("damaged");
    assert_eq!(e.code(), "workbook_corrupt", "{e}");
}

#[test]
fn a_questionnaire_is_written_only_as_xlsx_and_leaves_nothing_on_failure() {
    let form = sample::form();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let e = write_questionnaire(&form, &dir.path().join("answers.ods")).expect_err("not .xlsx");
    assert_eq!(e.code(), "export_format");
    let e = write_questionnaire(&form, &dir.path().join("no such folder/q.xlsx"))
        .expect_err("no folder");
    assert_eq!(e.code(), "io");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("the folder").count(),
        0,
        "no temporary file is left behind"
    );
    // The workbook itself, for a caller that saves it elsewhere.
    let mut book = questionnaire_workbook(&form).expect("a workbook");
    assert!(book.save_to_buffer().expect("bytes").starts_with(b"PK"));
}

#[test]
fn user_text_stays_text_and_odd_process_names_make_valid_sheets() {
    let mut form = sample::form();
    let mut third = form.processes[1].clone();
    third.process_id = bia_model::Id::new();
    third.name = "=HYPERLINK(\"http://x\")/Q4: [draft]*?".into();
    let mut fourth = form.processes[1].clone();
    fourth.process_id = bia_model::Id::new();
    fourth.name = "history".into();
    let mut fifth = form.processes[1].clone();
    fifth.process_id = bia_model::Id::new();
    fifth.name = "PAYROLL".into();
    form.processes.extend([third, fourth, fifth]);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("odd.xlsx");
    write_questionnaire(&form, &path).unwrap_or_else(|e| panic!("{e}"));
    let sheets = Edit::open(&path).sheet_names();
    assert_eq!(sheets.len(), 7);
    for s in &sheets {
        assert!(
            s.chars().count() <= 31 && !s.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{s}"
        );
    }
    let lower: std::collections::HashSet<String> =
        sheets.iter().map(|s| s.to_lowercase()).collect();
    assert_eq!(
        lower.len(),
        sheets.len(),
        "unique whatever the case: {sheets:?}"
    );
    assert!(
        !lower.contains("history"),
        "Excel keeps History for itself: {sheets:?}"
    );
    let q = read(&path);
    let odd = &q.processes[2];
    assert_eq!(odd.name, form.processes[2].name, "the name as sent, whole");
    assert!(odd.missing.is_empty());
    let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("calamine");
    let title = book.worksheet_range(&odd.sheet).expect("the sheet");
    assert_eq!(
        title.get_value((0, 1)),
        Some(&Data::String(form.processes[2].name.clone())),
        "a name like a formula is written as text"
    );
}
