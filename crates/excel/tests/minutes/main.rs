//! The minutes of Harbourline Logistics' Finance workshop as a workbook,
//! read back with calamine as a continuity manager's spreadsheet would
//! read it: the sheets, who came, what was agreed for each process, the
//! actions and their owners, and the changes.
//!
//! The workshop is the one the PDF tests use (`bia-documents`' test file,
//! included here), so both writers are held to the same story. These tests
//! read values, not looks; set `MINUTES_SAMPLE_DIR` to keep the workbook.

#[path = "../../../documents/tests/minutes/harbourline.rs"]
mod harbourline;

use std::io::{Cursor, Read};

use bia_excel::export::{MINUTES_SHEETS, minutes_workbook, write_minutes_workbook};
use bia_model::WorkshopMinutes;
use calamine::{Data, Range, Reader, Xlsx};
use harbourline::{ASSESSMENT, finance_workshop};

const HEATMAP_PNG: &[u8] = include_bytes!("../../../documents/tests/minutes/heatmap.png");

fn workbook_of(minutes: &WorkshopMinutes, name: &str) -> Vec<u8> {
    let bytes = minutes_workbook(minutes).unwrap_or_else(|e| panic!("{e} ({})", e.code()));
    if let Some(dir) = std::env::var_os("MINUTES_SAMPLE_DIR") {
        std::fs::create_dir_all(&dir).expect("the sample folder");
        std::fs::write(std::path::Path::new(&dir).join(name), &bytes).expect("the sample");
    }
    bytes
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("an .xlsx calamine reads")
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    open(bytes)
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

/// The rows of a sheet as text, each cell as written ("" when empty).
fn rows(range: &Range<Data>) -> Vec<Vec<String>> {
    assert_eq!(range.start(), Some((0, 0)), "the title is in A1");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// The row whose first cell is `label`, at or after `from`.
fn row_labelled<'a>(rows: &'a [Vec<String>], from: usize, label: &str) -> (usize, &'a [String]) {
    rows.iter()
        .enumerate()
        .skip(from)
        .find(|(_, r)| r.first().is_some_and(|c| c == label))
        .map(|(i, r)| (i, r.as_slice()))
        .unwrap_or_else(|| panic!("no row {label:?} after row {from}"))
}

#[test]
fn the_workbook_has_the_four_sheets_of_the_minutes_in_order() {
    let bytes = workbook_of(&finance_workshop(), "finance-workshop-minutes.xlsx");
    assert_eq!(
        open(&bytes).sheet_names(),
        MINUTES_SHEETS.map(String::from).to_vec()
    );
    assert_eq!(
        MINUTES_SHEETS,
        ["Summary", "Agreed values", "Actions", "Changes"]
    );
}

#[test]
fn the_summary_says_who_came_and_how_the_agenda_went() {
    let minutes = finance_workshop();
    let bytes = workbook_of(&minutes, "summary.xlsx");
    let rows = rows(&sheet(&bytes, "Summary"));
    assert!(
        rows[1][0].contains(ASSESSMENT),
        "subtitle: {:?}",
        rows[1][0]
    );
    assert_eq!(row_labelled(&rows, 0, "Place").1[1], minutes.place);
    assert_eq!(
        row_labelled(&rows, 0, "Facilitator").1[1],
        "Priya Natarajan"
    );
    assert_eq!(row_labelled(&rows, 0, "Ran").1[1], "09:32 – 11:05");

    let (header, _) = row_labelled(&rows, 0, "Name");
    let people: Vec<[&str; 4]> = rows[header + 1..header + 7]
        .iter()
        .map(|r| [&*r[0], &*r[1], &*r[2], &*r[3]])
        .collect();
    assert_eq!(
        people[0],
        ["Sophie Chen", "Finance Director", "Finance", "Present"]
    );
    assert_eq!(
        people[4],
        [
            "Rachel Summers",
            "Procurement Lead",
            "Procurement",
            "Absent"
        ]
    );
    assert!(rows[header - 1][0].contains("5 of 6 present"));

    let (agenda, _) = row_labelled(&rows, header, "#");
    let payroll = &rows[agenda + 2];
    assert_eq!(
        payroll[..6],
        ["2", "Payroll", "Done", "25 min", "34 min", "over time"],
        "Payroll overran its time box"
    );
    assert_eq!(rows[agenda + 1][5], "", "Accounts payable kept to time");
}

#[test]
fn agreed_values_give_each_process_its_grid_mtpd_and_objectives() {
    let minutes = finance_workshop();
    let bytes = workbook_of(&minutes, "agreed.xlsx");
    let rows = rows(&sheet(&bytes, "Agreed values"));
    let mut from = 0;
    for p in &minutes.processes {
        let (at, _) = row_labelled(&rows, from, &p.process);
        let (impact, header) = row_labelled(&rows, at, "Impact");
        assert_eq!(header[1..9], harbourline::HORIZONS.map(String::from));
        let financial = &rows[impact + 1];
        assert_eq!(financial[0], "Financial");
        assert_eq!(
            financial[1..9],
            p.grid[0].cells[..],
            "{}'s financial row",
            p.process
        );

        let (mtpd, row) = row_labelled(&rows, impact, "MTPD");
        assert_eq!(row[1], p.mtpd, "{}'s MTPD", p.process);
        assert_eq!(row[2], p.mtpd_reason, "{}'s MTPD reason", p.process);
        assert_eq!(
            row_labelled(&rows, mtpd, "RTO").1[1],
            p.rto,
            "{}'s RTO",
            p.process
        );
        assert_eq!(row_labelled(&rows, mtpd, "RPO").1[1], p.rpo);
        assert_eq!(row_labelled(&rows, mtpd, "MBCO").1[1], p.mbco);
        assert_eq!(row_labelled(&rows, mtpd, "Rationale").1[1], p.rationale);
        assert_eq!(row_labelled(&rows, mtpd, "Agreed by").1[1], p.agreed_by);
        let (last, signed) = row_labelled(&rows, mtpd, "Signed off by");
        assert_eq!(signed[1], p.signed_off_by.join(", "));
        from = last;
    }
    // The severities are filled in the charts' palette (4 – Major, 5 –
    // Catastrophic), and unscored cells in its grey.
    let mut styles = String::new();
    zip::ZipArchive::new(Cursor::new(bytes))
        .expect("an .xlsx is a zip")
        .by_name("xl/styles.xml")
        .expect("styles")
        .read_to_string(&mut styles)
        .expect("UTF-8");
    for fill in ["FFD13722", "FF86101C", "FFE4E7EB"] {
        assert!(styles.contains(fill), "fill {fill} is used");
    }
}

#[test]
fn actions_and_changes_are_listed_with_their_owners() {
    let minutes = finance_workshop();
    let bytes = workbook_of(&minutes, "actions.xlsx");
    let actions = rows(&sheet(&bytes, "Actions"));
    assert_eq!(
        actions[3],
        [
            "Kind",
            "Action or question",
            "Owner",
            "Due",
            "Concerns",
            "Status"
        ]
    );
    let listed: Vec<(&str, &str, &str)> = actions[4..]
        .iter()
        .map(|r| (&*r[0], &*r[1], &*r[2]))
        .collect();
    assert_eq!(
        listed,
        [
            (
                "Action",
                "Confirm with the bank how late a manual BACS file can be submitted",
                "Aisha Bello"
            ),
            (
                "Action",
                "Document the manual payment run from the bank portal",
                "James Whitfield"
            ),
            (
                "Question",
                "Can the ERP be restored within 1 d from the off-site backup?",
                "Ben Adeyemi"
            ),
        ]
    );
    let changes = rows(&sheet(&bytes, "Changes"));
    assert_eq!(changes[4][1], "RTO of Accounts payable: 1 w → 3 d");
    assert_eq!(changes.len(), 4 + minutes.changes.len());
}

#[test]
fn the_heatmap_picture_is_on_the_summary_only_when_given() {
    let media = |bytes: Vec<u8>| -> Vec<String> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        zip.file_names()
            .filter_map(|n| n.ok())
            .filter(|n| n.starts_with("xl/media/"))
            .map(|n| n.into_owned())
            .collect()
    };
    let mut minutes = finance_workshop();
    assert!(media(workbook_of(&minutes, "no-heatmap.xlsx")).is_empty());
    minutes.heatmap_png = Some(HEATMAP_PNG.to_vec());
    let bytes = workbook_of(&minutes, "finance-workshop-minutes-with-heatmap.xlsx");
    assert_eq!(media(bytes.clone()), ["xl/media/image1.png"]);
    let rows = rows(&sheet(&bytes, "Summary"));
    assert!(rows.iter().any(|r| r[0] == "Impact over time"));
}

#[test]
fn typed_text_stays_text_and_non_ascii_names_survive() {
    let mut minutes = finance_workshop();
    minutes.participants[0].name = "Zoë Müller".into();
    minutes.participants[1].name = "=HYPERLINK(\"http://x\",\"click\")".into();
    minutes.place = "Łódź site".into();
    minutes.actions[0].text = "+cmd|' /C calc'!A0 #$*_<@[]\\".into();
    let bytes = workbook_of(&minutes, "verbatim.xlsx");
    let summary = sheet(&bytes, "Summary");
    let all: Vec<&Data> = summary.used_cells().map(|(_, _, c)| c).collect();
    for expected in [
        "Zoë Müller",
        "=HYPERLINK(\"http://x\",\"click\")",
        "Łódź site",
    ] {
        assert!(
            all.iter()
                .any(|c| matches!(c, Data::String(s) if s == expected)),
            "{expected:?} is a string cell"
        );
    }
    let actions = sheet(&bytes, "Actions");
    assert_eq!(
        actions.get_value((4, 1)),
        Some(&Data::String("+cmd|' /C calc'!A0 #$*_<@[]\\".into()))
    );
}

#[test]
fn written_to_a_path_only_as_xlsx() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let minutes = finance_workshop();
    let path = dir.path().join("minutes.xlsx");
    let warnings = write_minutes_workbook(&minutes, &path).expect("written");
    assert!(warnings.is_empty(), "{warnings:?}");
    let bytes = std::fs::read(&path).expect("read back");
    assert_eq!(
        sheet(&bytes, "Actions").get_value((4, 2)),
        Some(&Data::String("Aisha Bello".into()))
    );
    let entries: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert_eq!(entries.len(), 1, "no temporary file is left beside it");

    let error = write_minutes_workbook(&minutes, &dir.path().join("minutes.pdf"))
        .expect_err("not an .xlsx");
    assert_eq!(error.code(), "export_format");
}

#[test]
fn empty_minutes_still_make_a_workbook() {
    let bytes = workbook_of(&WorkshopMinutes::default(), "empty.xlsx");
    let rows = rows(&sheet(&bytes, "Agreed values"));
    assert!(rows.iter().any(|r| r[0] == "No values were agreed."));
}
