//! Importing legacy BIA spreadsheets: workbooks in the shapes people really
//! keep them (generated here with rust_xlsxwriter), the two public
//! fixtures in `../shared/fixtures`, and every kind of bad input.

use std::path::{Path, PathBuf};

use bia::excel::import::{ImportError, Level, Limits, Value, read_workbook};
use rust_xlsxwriter::{Format, Formula, Workbook};

use crate::temp_dir;

/// Saves a generated workbook as `name` in `dir`.
fn save(book: &mut Workbook, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    book.save(&path).expect("the workbook saves");
    path
}

fn read(path: &Path) -> Result<bia::excel::import::Workbook, ImportError> {
    read_workbook(path, &Limits::default())
}

#[test]
fn an_xlsx_is_read_with_addresses_cached_formula_values_and_error_cells() {
    let dir = temp_dir();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Register").unwrap();
    sheet.write_string(0, 0, "Process").unwrap();
    sheet.write_string(0, 1, "RTO (hrs)").unwrap();
    sheet.write_string(1, 0, "Payroll").unwrap();
    sheet
        .write_formula(1, 1, Formula::new("=2*2").set_result("4"))
        .unwrap();
    sheet.write_string(2, 0, "Billing").unwrap();
    sheet
        .write_formula(2, 1, Formula::new("=NA()").set_result("#N/A"))
        .unwrap();
    sheet.set_column_hidden(1).unwrap();
    let path = save(&mut book, dir.path(), "register.xlsx");

    let wb = read(&path).expect("a plain workbook reads");
    assert_eq!(wb.file, "register.xlsx");
    assert_eq!(wb.format, bia::excel::import::Format::Xlsx);
    let s = &wb.sheets[0];
    assert_eq!(s.name, "Register");
    assert_eq!(s.rows.len(), 3);
    assert_eq!(
        s.rows[1].get(1),
        Some(&Value::Number(4.0)),
        "a formula is read by its cached value, from a hidden column too"
    );
    assert_eq!(s.rows[2].get(1), Some(&Value::Error("#N/A".into())));
    let issue = &wb.issues[0];
    assert_eq!(issue.address, "Register!B3");
    assert_eq!(issue.level, Level::Warning);
    assert!(issue.message.contains("#N/A"), "{issue}");
}

#[test]
fn csv_text_in_windows_1252_and_with_a_bom_reads_the_same() {
    let dir = temp_dir();
    let cp1252 = dir.path().join("legacy.csv");
    std::fs::write(
        &cp1252,
        b"Process;Owner\nCaf\xE9 supply;Ren\xE9e \x96 Ops\n",
    )
    .unwrap();
    let bom = dir.path().join("bom.csv");
    std::fs::write(
        &bom,
        "\u{FEFF}Process;Owner\nCafé supply;Renée – Ops\n".as_bytes(),
    )
    .unwrap();
    let a = read(&cp1252).unwrap();
    let b = read(&bom).unwrap();
    assert_eq!(a.sheets[0].name, "legacy");
    assert_eq!(a.sheets[0].rows, b.sheets[0].rows);
    assert_eq!(
        a.sheets[0].rows[1].get(1),
        Some(&Value::Text("Renée – Ops".into()))
    );
    assert!(
        a.issues[0].message.contains("Windows-1252"),
        "{:?}",
        a.issues
    );
    assert!(b.issues.is_empty(), "UTF-8 needs no remark: {:?}", b.issues);
}

#[test]
fn a_cell_of_100000_characters_is_left_out_with_its_address() {
    let dir = temp_dir();
    let path = dir.path().join("long.csv");
    let long = "x".repeat(100_000);
    std::fs::write(&path, format!("Process,Notes\nPayroll,{long}\n")).unwrap();
    let wb = read(&path).unwrap();
    assert_eq!(wb.sheets[0].rows[1].get(1), None);
    let issue = &wb.issues[0];
    assert_eq!(issue.address, "long!B2");
    assert_eq!(issue.level, Level::Error);
    assert!(issue.message.contains("100000 characters"), "{issue}");
}

#[test]
fn what_is_not_a_spreadsheet_is_refused_by_name() {
    let dir = temp_dir();
    let pdf = dir.path().join("bia.xlsx");
    std::fs::write(&pdf, b"%PDF-1.7 binary\x00\x01").unwrap();
    let err = read(&pdf).unwrap_err();
    assert_eq!(err.code(), "not_a_spreadsheet");
    assert!(err.to_string().contains("bia.xlsx"), "{err}");
    assert!(err.to_string().contains("PDF"), "{err}");

    let folder = dir.path().join("folder.xlsx");
    std::fs::create_dir(&folder).unwrap();
    assert_eq!(read(&folder).unwrap_err().code(), "not_a_spreadsheet");

    let missing = read(&dir.path().join("nope.xlsx")).unwrap_err();
    assert_eq!(missing.code(), "import_file_not_found");
}

#[test]
fn a_workbook_with_the_wrong_extension_is_read_for_what_it_is() {
    let dir = temp_dir();
    let mut book = Workbook::new();
    book.add_worksheet().write_string(0, 0, "Process").unwrap();
    let path = save(&mut book, dir.path(), "register.csv");
    let wb = read(&path).unwrap();
    assert_eq!(wb.format, bia::excel::import::Format::Xlsx);
    assert!(
        wb.issues[0].message.contains("named .csv"),
        "{:?}",
        wb.issues
    );
}

#[test]
fn a_damaged_zip_is_refused_as_damaged() {
    let dir = temp_dir();
    let mut book = Workbook::new();
    book.add_worksheet().write_string(0, 0, "Process").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let path = dir.path().join("cut.xlsx");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = read(&path).unwrap_err();
    assert_eq!(err.code(), "workbook_corrupt", "{err}");
    assert!(err.to_string().contains("cut.xlsx"), "{err}");
}

#[test]
fn an_encrypted_workbook_is_refused_with_what_to_do() {
    // A password-protected .xlsx is an OLE compound file holding an
    // `EncryptedPackage` stream instead of the workbook's ZIP.
    let dir = temp_dir();
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(vec![0u8; 504]);
    bytes.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    bytes.extend(vec![0u8; 512]);
    let path = dir.path().join("secret.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let err = read(&path).unwrap_err();
    assert_eq!(err.code(), "workbook_encrypted", "{err}");
    assert!(err.to_string().contains("password"), "{err}");
}

#[test]
fn caps_stop_zip_bombs_and_runaway_sheets_and_say_where() {
    let dir = temp_dir();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Big").unwrap();
    for r in 0..50 {
        sheet.write_string(r, 0, "filler text").unwrap();
    }
    sheet.write_string(300_000, 0, "far away").unwrap();
    let path = save(&mut book, dir.path(), "big.xlsx");

    let err = read(&path).unwrap_err();
    assert_eq!(err.code(), "too_many_rows");
    assert!(err.to_string().contains("row 300001"), "{err}");

    let tiny = Limits {
        max_uncompressed_bytes: 1_000,
        ..Limits::default()
    };
    let err = read_workbook(&path, &tiny).unwrap_err();
    assert_eq!(err.code(), "workbook_too_large");
    assert!(err.to_string().contains("zip bomb"), "{err}");

    let few = Limits {
        max_cells: 10,
        ..Limits::default()
    };
    let err = read_workbook(&path, &few).unwrap_err();
    assert_eq!(err.code(), "too_many_cells");
    assert!(err.to_string().contains("\"Big\""), "{err}");
    assert!(err.to_string().contains("A11"), "{err}");
}

#[test]
fn an_empty_workbook_is_refused() {
    let dir = temp_dir();
    let mut book = Workbook::new();
    book.add_worksheet();
    let path = save(&mut book, dir.path(), "empty.xlsx");
    assert_eq!(read(&path).unwrap_err().code(), "workbook_empty");
    let csv = dir.path().join("empty.csv");
    std::fs::write(&csv, ",,\n\n").unwrap();
    assert_eq!(read(&csv).unwrap_err().code(), "workbook_empty");
}

#[test]
fn time_formatted_cells_are_read_as_times() {
    let dir = temp_dir();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let elapsed = Format::new().set_num_format("[h]:mm");
    sheet
        .write_number_with_format(0, 0, 30.0 / 24.0, &elapsed)
        .unwrap();
    let path = save(&mut book, dir.path(), "times.xlsx");
    let wb = read(&path).unwrap();
    assert_eq!(
        wb.sheets[0].rows[0].get(0),
        Some(&Value::Time {
            days: 1.25,
            elapsed: true
        })
    );
}
