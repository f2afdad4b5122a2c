//! The executive workbook read back as an executive's Excel would read it
//! (calamine for the cells, the package's XML for the formats): the sheets
//! in order, every process and value where it belongs, the exact minutes
//! behind each duration, user text that never becomes a formula, and text
//! too long for a cell cut with a warning rather than lost silently.

use std::io::Read;
use std::path::Path;

use bia::Store;
use bia::excel::export::{CELL_LIMIT, ExportProgress, SHEETS, export};
use bia::model::{ProcessInput, Provenance};
use calamine::{Data, Reader, open_workbook_auto};

use crate::cli::{bia, stderr};
use crate::{demo_store, new_store, temp_dir};

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map_or_else(String::new, |d| d.to_string())
}

/// The column of `header` in the header row.
fn column(range: &calamine::Range<Data>, header_row: u32, header: &str) -> u32 {
    (0..range.width() as u32)
        .find(|&c| cell(range, header_row, c) == header)
        .unwrap_or_else(|| panic!("no column {header}"))
}

/// One part of the .xlsx package, as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the package"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn parts(path: &Path) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    zip.file_names()
        .map(|n| n.expect("a readable name").into_owned())
        .collect()
}

#[test]
fn the_demo_exports_nine_sheets_with_everything_in_place() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let log = store.decisions(None).unwrap();
    let path = dir.path().join("Harbourline BIA.xlsx");
    let mut steps: Vec<ExportProgress> = Vec::new();
    let report = export(&a, &log, &path, &mut |p| steps.push(p)).unwrap();
    assert_eq!(report.processes, 25);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    // Progress: every sheet named, in order, ending done.
    assert!(steps.windows(2).all(|w| w[0].done <= w[1].done));
    assert!(steps.iter().any(|s| s.step == "Writing Impact"));
    let last = steps.last().unwrap();
    assert_eq!(last.done, last.total);

    let mut book = open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), SHEETS.map(String::from).to_vec());

    let summary = book.worksheet_range("Summary").unwrap();
    assert_eq!(
        cell(&summary, 0, 0),
        "Business impact analysis — Harbourline Logistics — BIA 2026"
    );

    // The register: every process by name, its unit and status.
    let processes = book.worksheet_range("Processes").unwrap();
    let name = column(&processes, 3, "Process");
    let unit = column(&processes, 3, "Unit");
    let names: Vec<String> = (4..4 + 25).map(|r| cell(&processes, r, name)).collect();
    for p in &a.processes {
        assert!(names.contains(&p.name), "{} is in the register", p.name);
    }
    let payroll = (4..29)
        .find(|&r| cell(&processes, r, name) == "Payroll processing")
        .unwrap();
    assert!(!cell(&processes, payroll, unit).is_empty());

    // Impact: every scored cell, as a number, under its category band.
    let impact = book.worksheet_range("Impact").unwrap();
    let scored = a.scores.iter().filter(|s| s.severity.is_some()).count();
    let numbers = impact
        .rows()
        .skip(5)
        .flat_map(|r| r.iter())
        .filter(|d| matches!(d, Data::Float(_) | Data::Int(_)))
        .count();
    // Severities plus one minutes value per process with a derived MTPD.
    let derived = bia::analysis::analyze_processes(&a)
        .iter()
        .filter(|p| p.mtpd_derived.is_some())
        .count();
    assert_eq!(numbers, scored + derived);
    assert_eq!(cell(&impact, 3, 3), a.methodology.categories[0].name);
    assert_eq!(cell(&impact, 4, 3), a.methodology.horizons[0].label);

    // Objectives: human durations with the exact minutes beside them.
    let objectives = book.worksheet_range("Objectives").unwrap();
    let (process, rto, rto_minutes) = (
        column(&objectives, 3, "Process"),
        column(&objectives, 3, "RTO"),
        column(&objectives, 3, "RTO (minutes)"),
    );
    let row = (4..29)
        .find(|&r| cell(&objectives, r, process) == "Customs clearance and documentation")
        .unwrap();
    assert_eq!(cell(&objectives, row, rto), "1 w");
    assert_eq!(cell(&objectives, row, rto_minutes), "10080");
    let violations = column(&objectives, 3, "Violations");
    assert!(cell(&objectives, row, violations).contains("MTPD"));

    // Resources, dependencies, gaps, decisions and the methodology.
    let resources = book.worksheet_range("Resources").unwrap();
    assert_eq!(resources.height() as usize, 4 + a.resources.len());
    let dependencies = book.worksheet_range("Dependencies").unwrap();
    assert_eq!(dependencies.height() as usize, 4 + a.dependencies.len());
    let gaps = book.worksheet_range("Gaps").unwrap();
    assert_eq!(cell(&gaps, 3, 0), "Finding");
    assert!(gaps.rows().any(|r| r[0] == "Single point of failure"));
    let decisions = book.worksheet_range("Decision log").unwrap();
    assert_eq!(decisions.height() as usize, 4 + log.len());
    let methodology = book.worksheet_range("Methodology").unwrap();
    assert!(methodology.rows().any(|r| r[0] == "Recovery tiers"));

    // Formats a reader sees: frozen panes, filters, hidden minutes and ids,
    // landscape fit-to-width printing with repeated headers, the palette's
    // conditional formats, the pictures and the native tier chart.
    let sheet4 = part(&path, "xl/worksheets/sheet4.xml");
    assert!(sheet4.contains("state=\"frozen\""));
    assert!(sheet4.contains("<autoFilter"));
    assert!(sheet4.contains("hidden=\"1\""));
    assert!(sheet4.contains("orientation=\"landscape\""));
    assert!(sheet4.contains("fitToHeight=\"0\""));
    assert!(part(&path, "xl/workbook.xml").contains("_xlnm.Print_Titles"));
    assert!(part(&path, "xl/worksheets/sheet3.xml").contains("<conditionalFormatting"));
    let package = parts(&path);
    assert!(package.iter().any(|p| p.starts_with("xl/media/image")));
    assert!(package.iter().any(|p| p == "xl/charts/chart1.xml"));
}

#[test]
fn user_text_never_becomes_a_formula() {
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    let nasty = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
    ];
    for name in nasty {
        store
            .create_process(
                &ProcessInput {
                    name: name.into(),
                    owner: "=1+1".into(),
                    ..Default::default()
                },
                &Provenance::Workshop,
            )
            .unwrap();
    }
    let a = store.load().unwrap();
    let log = store.decisions(None).unwrap();
    let path = dir.path().join("out.xlsx");
    export(&a, &log, &path, &mut |_| {}).unwrap();
    let mut book = open_workbook_auto(&path).unwrap();
    let processes = book.worksheet_range("Processes").unwrap();
    let names: Vec<Data> = (4..8)
        .map(|r| processes.get_value((r, 1)).unwrap().clone())
        .collect();
    for name in nasty {
        assert!(
            names.contains(&Data::String(name.into())),
            "{name} is text in {names:?}"
        );
    }
    for sheet in SHEETS {
        let formulas = book.worksheet_formula(sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} holds no formula"
        );
    }
    assert!(!part(&path, "xl/worksheets/sheet2.xml").contains("<f>"));
}

#[test]
fn text_longer_than_a_cell_is_cut_with_a_marker_and_a_warning() {
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    let long = "The warehouse cannot dispatch without the WMS. ".repeat(1_000);
    assert!(long.chars().count() > CELL_LIMIT);
    store
        .create_process(
            &ProcessInput {
                name: "Pick and pack".into(),
                description: long.clone(),
                ..Default::default()
            },
            &Provenance::Workshop,
        )
        .unwrap();
    let a = store.load().unwrap();
    let log = store.decisions(None).unwrap();
    let stored = a.processes[0].description.chars().count();
    let path = dir.path().join("out.xlsx");
    let report = export(&a, &log, &path, &mut |_| {}).unwrap();
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(
        report.warnings[0].starts_with(&format!("Processes!F5: {stored} characters")),
        "{}",
        report.warnings[0]
    );
    let mut book = open_workbook_auto(&path).unwrap();
    let processes = book.worksheet_range("Processes").unwrap();
    let written = cell(&processes, 4, 5);
    assert_eq!(written.chars().count(), CELL_LIMIT);
    assert!(written.starts_with("The warehouse cannot dispatch"));
    assert!(written.ends_with(&format!(
        "[cut: {} more characters]",
        stored - (CELL_LIMIT - " … [cut: 14309 more characters]".chars().count())
    )));
}

#[test]
fn a_failed_export_leaves_nothing_behind_and_an_empty_assessment_exports() {
    let dir = temp_dir();
    let (store, _) = new_store(&dir);
    let a = store.load().unwrap();
    let log = store.decisions(None).unwrap();
    let missing = dir.path().join("no such folder").join("out.xlsx");
    let err = export(&a, &log, &missing, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("no such folder"), "{err}");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        left.iter().all(|n| n.starts_with("workshop.bia")),
        "no partial workbook left: {left:?}"
    );
    let path = dir.path().join("empty.xlsx");
    export(&a, &log, &path, &mut |_| {}).unwrap();
    let mut book = open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names().len(), 9);
    let gaps = book.worksheet_range("Gaps").unwrap();
    assert_eq!(cell(&gaps, 4, 0), "No gaps or findings.");
    drop(store);
}

#[test]
fn the_cli_exports_and_refuses_another_extension() {
    let dir = temp_dir();
    assert!(bia(&["demo", "d.bia"], dir.path()).status.success());
    let o = bia(&["export", "d.bia", "--out", "board pack.xlsx"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("board pack.xlsx").exists());
    let o = bia(&["export", "d.bia", "--out", "board.csv"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(".xlsx"), "{}", stderr(&o));
    assert!(!dir.path().join("board.csv").exists());
    let _ = Store::open(&dir.path().join("d.bia")).unwrap();
}
