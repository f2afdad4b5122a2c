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

/// The parts of a one-sheet .xlsx ("Register") around `sheet_data` (the
/// inside of `<sheetData>`) and `shared` (the `<si>` items), as
/// `(part, bytes)`.
fn xlsx_parts(sheet_data: &[u8], shared: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let sheet = [
        &b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"[..],
        sheet_data,
        b"</sheetData></worksheet>",
    ]
    .concat();
    let sst = [
        &b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"[..],
        shared,
        b"</sst>",
    ]
    .concat();
    vec![
        ("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#.to_vec()),
        ("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec()),
        ("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_vec()),
        ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.to_vec()),
        ("xl/sharedStrings.xml", sst),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
}

/// Writes `parts` as a ZIP archive (deflated) at `path`.
fn zip_parts(path: &Path, parts: &[(&str, Vec<u8>)]) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, deflated).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_cell_past_the_cap_stops_the_import_naming_its_file_sheet_and_cell() {
    let dir = temp_dir();
    // Two megabytes in one cell: twice the cap, 64 times Excel's limit.
    let huge = "a".repeat(2 << 20);
    let row = |cells: &str| {
        format!("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Process</t></is></c>{cells}</row>")
    };
    let cases = [
        (
            "inline.xlsx",
            xlsx_parts(
                row(&format!(
                    "<c r=\"C1\" t=\"inlineStr\"><is><t>{huge}</t></is></c>"
                ))
                .as_bytes(),
                b"",
            ),
            "sheet \"Register\", cell C1",
        ),
        (
            "shared.xlsx",
            xlsx_parts(
                row("<c r=\"B1\" t=\"s\"><v>0</v></c><c r=\"D1\" t=\"s\"><v>1</v></c>").as_bytes(),
                format!("<si><t>RTO</t></si><si><t>{huge}</t></si>").as_bytes(),
            ),
            "sheet \"Register\", cell D1",
        ),
        (
            "comment.xlsx",
            xlsx_parts(format!("{}<!-- <{huge}> -->", row("")).as_bytes(), b""),
            "sheet \"Register\", cell A1",
        ),
        (
            "unshown.xlsx",
            xlsx_parts(
                row("").as_bytes(),
                format!("<si><t>{huge}</t></si>").as_bytes(),
            ),
            "shared string 1 (no cell shows it)",
        ),
    ];
    for (name, parts, at) in cases {
        let path = dir.path().join(name);
        zip_parts(&path, &parts);
        let err = read(&path).unwrap_err();
        assert_eq!(err.code(), "cell_too_large", "{name}: {err}");
        let text = err.to_string();
        assert!(text.starts_with(&path.display().to_string()), "{text}");
        assert!(text.contains(at), "{name}: {text}");
    }

    let path = ods(
        dir.path(),
        "huge.ods",
        &format!(
            "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Process\
             </text:p></table:table-cell><table:table-cell office:value-type=\"string\"><text:p>\
             {huge}</text:p></table:table-cell></table:table-row>"
        ),
        "",
    );
    let err = read(&path).unwrap_err();
    assert_eq!(err.code(), "cell_too_large");
    assert!(
        err.to_string().contains("sheet \"Register\", cell B1"),
        "{err}"
    );
    assert_eq!(err.details()["cell"], "B1");

    // Under the cap but past Excel's limit: left out, and said so even when
    // nothing else is left.
    let long = "a".repeat(40_000);
    let path = dir.path().join("long.xlsx");
    zip_parts(
        &path,
        &xlsx_parts(
            format!("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>{long}</t></is></c></row>")
                .as_bytes(),
            b"",
        ),
    );
    let err = read(&path).unwrap_err();
    assert_eq!(err.code(), "workbook_empty");
    assert!(
        err.to_string()
            .contains("Register!B2: The cell holds 40000 characters"),
        "why it is empty: {err}"
    );
}

#[test]
fn columns_past_excels_last_stop_the_import_and_wide_rows_read_in_linear_time() {
    let dir = temp_dir();
    let csv = dir.path().join("wide.csv");
    let header: Vec<String> = (0..20_000).map(|i| format!("c{i}")).collect();
    std::fs::write(
        &csv,
        format!("Process,RTO,{}\nPayroll,4h\n", header.join(",")),
    )
    .unwrap();
    let err = read(&csv).unwrap_err();
    assert_eq!(err.code(), "too_many_columns");
    assert!(err.to_string().contains("column XFE (at XFE1)"), "{err}");
    assert!(err.to_string().contains("\"wide\""), "{err}");

    let path = ods(
        dir.path(),
        "repeated.ods",
        "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell \
         table:number-columns-repeated=\"20000\" office:value-type=\"string\"><text:p>x</text:p>\
         </table:table-cell></table:table-row>",
        "",
    );
    let err = read(&path).unwrap_err();
    assert_eq!(
        err.code(),
        "too_many_columns",
        "counted as calamine would spread them: {err}"
    );

    // As wide as Excel allows, with a header: read, mapped and planned
    // in about the time of its cells (it took minutes, quadratic in the width).
    let width = 16_000;
    let mut text = format!("Process,RTO,{}\n", header[..width].join(","));
    for r in 0..10 {
        let values: Vec<String> = (0..width).map(|c| format!("v{r}.{c}")).collect();
        text.push_str(&format!("P{r},4h,{}\n", values.join(",")));
    }
    std::fs::write(&csv, text).unwrap();
    let (store, _) = crate::new_store(&dir);
    let assessment = store.load().unwrap();
    let started = std::time::Instant::now();
    let workbook = read(&csv).unwrap();
    let plan = bia::excel::import::plan(&csv, &workbook, &assessment, &Default::default()).unwrap();
    assert_eq!(plan.processes.len(), 10);
    assert_eq!(plan.processes[0].input.custom_fields.len(), width);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "160,000 cells in {:?}",
        started.elapsed()
    );
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

/// A minimal OpenDocument spreadsheet, as LibreOffice lays one out.
fn ods(dir: &Path, name: &str, rows: &str, manifest_extra: &str) -> PathBuf {
    use std::io::Write;
    let path = dir.join(name);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{manifest_extra}</manifest:file-entry></manifest:manifest>"#
    )
    .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Register">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
    .unwrap();
    zip.finish().unwrap();
    path
}

#[test]
fn an_open_document_spreadsheet_is_read_with_its_time_cells() {
    let dir = temp_dir();
    let text = |t: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
        )
    };
    let rows = format!(
        "<table:table-row>{}{}{}</table:table-row><table:table-row>{}{}{}</table:table-row>",
        text("Process"),
        text("RTO (hours)"),
        text("MTPD"),
        text("Payroll"),
        r#"<table:table-cell office:value-type="float" office:value="4"><text:p>4</text:p></table:table-cell>"#,
        r#"<table:table-cell office:value-type="time" office:time-value="PT30H00M00S"><text:p>30:00</text:p></table:table-cell>"#,
    );
    let path = ods(dir.path(), "register.ods", &rows, "");
    let wb = read(&path).expect("an .ods reads");
    assert_eq!(wb.format, bia::excel::import::Format::Ods);
    assert_eq!(wb.sheets[0].name, "Register");
    assert_eq!(wb.sheets[0].rows[1].get(1), Some(&Value::Number(4.0)));
    assert_eq!(
        wb.sheets[0].rows[1].get(2),
        Some(&Value::Time {
            days: 1.25,
            elapsed: true
        })
    );

    let locked = ods(
        dir.path(),
        "locked.ods",
        &rows,
        r#"<manifest:encryption-data manifest:checksum-type="SHA1" manifest:checksum="x"/>"#,
    );
    assert_eq!(read(&locked).unwrap_err().code(), "workbook_encrypted");
}

// ---------------------------------------------------------------------------
// Planning and applying an import.

use bia::excel::import::{Action, Mapping, Plan, Target, plan_file};
use bia::model::{Minutes, Provenance, ResourceKind};

/// The register a continuity office kept in Excel: a title block, a band
/// of merged group headers over impact columns, text and numeric
/// durations, label severities, a formula, a duplicate row, a row without
/// a name, a footer, a hidden column and columns no BIA models.
fn legacy_register(dir: &Path, name: &str, payroll_owner: &str, payroll_rto: f64) -> PathBuf {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("BIA Register").unwrap();
    sheet
        .write_string(0, 0, "Business Impact Analysis – FY2025")
        .unwrap();
    sheet
        .write_string(1, 0, "Prepared by: Continuity Office")
        .unwrap();
    sheet
        .merge_range(3, 3, 3, 5, "Financial Impact", &bold)
        .unwrap();
    sheet
        .merge_range(3, 6, 3, 7, "Reputational Impact", &bold)
        .unwrap();
    let headers = [
        "Business Process",
        "Department",
        "Process Owner",
        "1 hr",
        "4 hrs",
        "1 day",
        "1 hr",
        "1 day",
        "RTO (Hrs)",
        "RPO",
        "MTPD",
        "Criticality",
        "IT Applications",
        "Key Suppliers",
        "Budget code",
        "Audit trail",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(4, c as u16, *h).unwrap();
    }
    sheet.set_column_hidden(15).unwrap();
    // Payroll.
    sheet.write_string(5, 0, "Payroll").unwrap();
    sheet.write_string(5, 1, "Finance").unwrap();
    sheet.write_string(5, 2, payroll_owner).unwrap();
    sheet.write_number(5, 3, 1).unwrap();
    sheet.write_number(5, 4, 2).unwrap();
    sheet.write_string(5, 5, "Major").unwrap();
    sheet.write_number(5, 6, 0).unwrap();
    sheet.write_string(5, 7, "Low").unwrap();
    sheet
        .write_formula(
            5,
            8,
            Formula::new(format!("={payroll_rto}")).set_result(payroll_rto.to_string()),
        )
        .unwrap();
    sheet.write_string(5, 9, "15 Minutes").unwrap();
    sheet.write_string(5, 10, "1-3 days").unwrap();
    sheet.write_string(5, 11, "4 - Major").unwrap();
    sheet.write_string(5, 12, "SAP, Payroll DB; Email").unwrap();
    sheet.write_string(5, 13, "ADP / Barclays").unwrap();
    sheet.write_string(5, 14, "FIN-01").unwrap();
    sheet.write_string(5, 15, "checked 2024").unwrap();
    // Billing: a number stored as text, N/A, "> 72 hrs", an unknown label.
    sheet.write_string(6, 0, "Billing").unwrap();
    sheet.write_string(6, 1, "Finance").unwrap();
    sheet.write_string(6, 2, "Bob").unwrap();
    sheet.write_string(6, 3, "2").unwrap();
    sheet.write_string(6, 5, "purple").unwrap();
    sheet.write_string(6, 8, "48").unwrap();
    sheet.write_string(6, 9, "N/A").unwrap();
    sheet.write_string(6, 10, "> 72 hrs").unwrap();
    sheet.write_string(6, 12, "sap").unwrap();
    // Payroll again, in other words: merged, never doubled.
    sheet.write_string(7, 0, "  payroll ").unwrap();
    sheet.write_string(7, 2, "Someone Else").unwrap();
    // A row with values but no name.
    sheet.write_string(8, 2, "Carol").unwrap();
    sheet.write_string(9, 0, "Total").unwrap();
    // A name no process may have (over 200 characters).
    sheet
        .write_string(8, 0, "Very long name ".repeat(20))
        .unwrap();
    sheet.write_string(10, 0, "Not a process").unwrap();
    sheet.write_string(10, 8, "1").unwrap();
    // A summary sheet is no table.
    let summary = book.add_worksheet();
    summary.set_name("Summary").unwrap();
    summary.write_string(0, 0, "Read me first").unwrap();
    save(&mut book, dir, name)
}

fn planned<'a>(plan: &'a Plan, name: &str) -> &'a bia::excel::import::PlannedProcess {
    plan.processes
        .iter()
        .find(|p| p.input.name == name)
        .unwrap_or_else(|| panic!("{name} is planned"))
}

fn issue_at<'a>(plan: &'a Plan, address: &str) -> Vec<&'a str> {
    plan.issues
        .iter()
        .filter(|i| i.address == address)
        .map(|i| i.message.as_str())
        .collect()
}

#[test]
fn a_legacy_register_is_planned_faithfully() {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let path = legacy_register(dir.path(), "register.xlsx", "Ann", 4.0);
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .expect("the register plans");

    assert_eq!(plan.tables.len(), 1, "the summary sheet is no table");
    assert_eq!(plan.tables[0].header_row, 5);
    assert_eq!(plan.tables[0].band_row, Some(4));
    assert_eq!(
        plan.processes.len(),
        2,
        "the duplicate is merged: {:?}",
        plan.processes
    );
    assert_eq!(plan.units, vec!["Finance"]);

    let payroll = planned(&plan, "Payroll");
    assert_eq!(payroll.action, Action::Create);
    assert_eq!(
        payroll.input.owner, "Ann",
        "the first of two owners is kept"
    );
    assert_eq!(payroll.unit.as_deref(), Some("Finance"));
    let o = payroll.objectives.as_ref().expect("objectives");
    assert_eq!(
        o.rto.unwrap().minutes,
        Minutes(240),
        "formula's cached value, in hours"
    );
    assert_eq!(o.rpo.unwrap().minutes, Minutes(15));
    let mtpd = o.mtpd.unwrap();
    assert_eq!(
        (mtpd.minutes, mtpd.upper),
        (Minutes(1440), Some(Minutes(4320)))
    );
    assert_eq!(payroll.scores.len(), 5);
    let severities: Vec<u8> = payroll.scores.iter().map(|s| s.severity).collect();
    assert_eq!(
        severities,
        vec![1, 2, 4, 0, 2],
        "numbers and labels onto 0–5"
    );
    let custom: Vec<(&str, &str)> = payroll
        .input
        .custom_fields
        .iter()
        .map(|f| (f.name.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        custom,
        vec![
            ("Criticality", "4 - Major"),
            ("Budget code", "FIN-01"),
            ("Audit trail", "checked 2024")
        ],
        "unmapped and hidden columns are kept"
    );
    match &payroll.provenance {
        Provenance::Imported {
            file, sheet, cell, ..
        } => assert_eq!(
            (&**file, &**sheet, cell.as_str()),
            ("register.xlsx", "BIA Register", "A6")
        ),
        other => panic!("{other:?}"),
    }

    let billing = planned(&plan, "Billing");
    let o = billing.objectives.as_ref().unwrap();
    assert_eq!(
        o.rto.unwrap().minutes,
        Minutes(48 * 60),
        "a number stored as text"
    );
    assert!(o.rpo_not_applicable && o.rpo.is_none());
    assert_eq!(o.mtpd.unwrap().minutes, Minutes(72 * 60));

    let names: Vec<(ResourceKind, &str)> = plan
        .resources
        .iter()
        .map(|r| (r.kind, r.name.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (ResourceKind::Application, "Email"),
            (ResourceKind::Application, "Payroll DB"),
            (ResourceKind::Application, "SAP"),
            (ResourceKind::Supplier, "ADP"),
            (ResourceKind::Supplier, "Barclays"),
        ],
        "split, trimmed, de-duplicated across the workbook"
    );
    assert_eq!(plan.dependencies.len(), 6);
    assert!(plan.dependencies.iter().any(|d| d.process == "Billing"
        && d.target
            == Target::Resource {
                resource: ResourceKind::Application,
                name: "SAP".into()
            }));
    let unmapped: Vec<&str> = plan.unmapped.iter().map(|u| u.header.as_str()).collect();
    assert_eq!(unmapped, vec!["Budget code", "Audit trail"]);

    let at = |a: &str| issue_at(&plan, a).join(" | ");
    assert!(
        at("'BIA Register'!K6").contains("lower bound 1 d"),
        "{}",
        at("'BIA Register'!K6")
    );
    assert!(
        at("'BIA Register'!A8").contains("merged"),
        "{}",
        at("'BIA Register'!A8")
    );
    assert!(
        at("'BIA Register'!C8").contains("first is kept"),
        "{}",
        at("'BIA Register'!C8")
    );
    assert!(
        at("'BIA Register'!A9").contains("under 200 characters"),
        "{}",
        at("'BIA Register'!A9")
    );
    assert!(at("'BIA Register'!A10").contains("footer"));
    assert!(
        at("'BIA Register'!F7").contains("\"purple\""),
        "{}",
        at("'BIA Register'!F7")
    );
    assert!(at("'BIA Register'!K7").contains("more than"));
    assert!(at("Summary").contains("No table"));
    assert_eq!(plan.counts.processes_new, 2);
    assert_eq!(plan.counts.scores, 6);
    let json = serde_json::to_string(&plan).unwrap();
    assert_eq!(
        serde_json::from_str::<Plan>(&json).unwrap(),
        plan,
        "the desktop gets the plan as JSON and sends it back to commit"
    );
    assert!(plan.counts.errors >= 1);
}

#[test]
fn applying_a_plan_is_one_undoable_edit_after_a_backup() {
    let dir = temp_dir();
    let (mut store, bia_path) = crate::new_store(&dir);
    let path = legacy_register(dir.path(), "register.xlsx", "Ann", 4.0);
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    let mut seen = Vec::new();
    let applied = bia::import::apply(&mut store, &plan, &mut |p| {
        seen.push((p.stage.clone(), p.done, p.total));
        true
    })
    .expect("the import applies");
    assert_eq!(applied.processes_created, 2);
    assert_eq!(applied.units_created, 1);
    assert_eq!(applied.resources_created, 5);
    assert_eq!(applied.dependencies_created, 6);
    assert_eq!(applied.scores, 6);
    assert!(Path::new(&applied.backup).exists(), "{}", applied.backup);
    assert!(applied.backup.contains("workshop.before-import-"));
    assert_eq!(seen.first().unwrap().0, "backup");
    assert_eq!(seen.last().unwrap(), &("commit".to_string(), 8, 8));

    let a = store.load().unwrap();
    assert_eq!(a.processes.len(), 2);
    let payroll = a.processes.iter().find(|p| p.name == "Payroll").unwrap();
    assert_eq!(a.unit(payroll.unit_id.unwrap()).unwrap().name, "Finance");
    let o = a
        .objectives
        .iter()
        .find(|o| o.process_id == payroll.id)
        .unwrap();
    assert_eq!(o.rto, Some(Minutes(240)));
    assert_eq!(o.mtpd_override, Some(Minutes(1440)));
    assert!(o.mtpd_override_reason.contains("register.xlsx"));
    let score = a
        .scores
        .iter()
        .find(|s| s.process_id == payroll.id && s.severity == Some(4))
        .unwrap();
    assert!(
        matches!(&score.provenance, Provenance::Imported { cell, .. } if cell == "F6"),
        "{:?}",
        score.provenance
    );
    assert_eq!(a.resources.len(), 5);
    assert_eq!(a.dependencies.len(), 6);
    assert_eq!(
        store.history().unwrap().undo.as_deref(),
        Some("Import “register.xlsx”")
    );

    store.undo().unwrap();
    let a = store.load().unwrap();
    assert!(
        a.processes.is_empty() && a.units.is_empty() && a.resources.is_empty(),
        "one undo takes the whole import back"
    );
    drop(store);
    assert!(bia_path.exists());
}

/// The assessment as undo and redo must restore it (the decision log
/// and the time of the last change set aside: they move forward), rows in
/// a stable order.
fn restorable(store: &bia::Store) -> bia::model::Assessment {
    let mut a = store.load().unwrap();
    a.info.updated_at.clear();
    a.scores
        .sort_by_key(|s| (s.process_id, s.category_id, s.horizon_id));
    a.objectives.sort_by_key(|o| o.process_id);
    a.dependencies.sort_by_key(|d| d.id);
    a
}

#[test]
fn an_import_into_a_workshop_undoes_and_redoes_exactly_and_journals_its_processes_not_each_row() {
    let dir = temp_dir();
    let (mut store, path) = crate::demo_store(&dir);
    let register = legacy_register(dir.path(), "register.xlsx", "Ann", 4.0);
    let plan = plan_file(
        &register,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    let before = restorable(&store);
    let applied = bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();
    assert!(applied.scores > 0 && applied.dependencies_created > 0);
    let after = restorable(&store);
    assert_ne!(before, after);

    store.undo().unwrap();
    assert_eq!(restorable(&store), before, "one undo takes the import back");
    store.redo().unwrap();
    assert_eq!(restorable(&store), after, "one redo puts all of it again");
    store.undo().unwrap();
    store.close().unwrap();
    let mut store = bia::Store::open(&path).unwrap();
    assert_eq!(restorable(&store), before);
    store.redo().unwrap();
    assert_eq!(
        restorable(&store),
        after,
        "what the undo took away is kept in the file for the redo"
    );
    store.close().unwrap();

    // The scores, custom fields and dependencies of the processes and
    // resources it created are not journaled one by one: undo takes them
    // away with their owners.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let journaled: usize = conn
        .query_row(
            "SELECT count(*) FROM edit_change WHERE edit_seq = (SELECT max(seq) FROM edit)",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap() as usize;
    assert_eq!(
        journaled,
        applied.processes_created
            + applied.processes_updated
            + applied.units_created
            + applied.resources_created
            + applied.objectives,
        "{applied:?}"
    );
}

#[test]
fn cancelling_before_commit_leaves_the_assessment_as_it_was() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let path = legacy_register(dir.path(), "register.xlsx", "Ann", 4.0);
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    let err =
        bia::import::apply(&mut store, &plan, &mut |p| p.stage != "dependencies").unwrap_err();
    assert_eq!(err.code(), "import_cancelled");
    let a = store.load().unwrap();
    assert!(a.processes.is_empty() && a.units.is_empty());
    assert_eq!(store.history().unwrap().undo, None);
}

#[test]
fn a_reimport_updates_what_it_set_and_keeps_what_the_workshop_typed() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let first = legacy_register(dir.path(), "v1.xlsx", "Ann", 4.0);
    let plan = plan_file(
        &first,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();

    // In the workshop, Billing's owner is corrected by hand.
    let billing = store.process_by_name("Billing").unwrap().unwrap();
    let mut input = bia::model::ProcessInput {
        name: billing.name.clone().into(),
        unit_id: billing.unit_id,
        owner: "Beatrice".into(),
        custom_fields: billing.custom_fields.clone(),
        ..Default::default()
    };
    input.status = billing.status;
    store.update_process(billing.id, &input).unwrap();

    // Next year's workbook: Payroll has a new owner and RTO; Billing's
    // owner is still "Bob" there.
    let second = legacy_register(dir.path(), "v2.xlsx", "Alice", 2.0);
    let plan = plan_file(
        &second,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(
        plan.counts.processes_new, 0,
        "matched by name: {:?}",
        plan.counts
    );
    let payroll = planned(&plan, "Payroll");
    assert_eq!(payroll.action, Action::Update);
    let changes: Vec<(&str, &str, &str)> = payroll
        .changes
        .iter()
        .map(|c| (c.field.as_str(), c.old.as_str(), c.new.as_str()))
        .collect();
    assert!(changes.contains(&("owner", "Ann", "Alice")), "{changes:?}");
    assert_eq!(
        payroll.objectives.as_ref().unwrap().rto.unwrap().minutes,
        Minutes(120)
    );
    let billing = planned(&plan, "Billing");
    assert_eq!(
        billing.input.owner, "Beatrice",
        "the workshop's value is kept"
    );
    let said = issue_at(&plan, "'BIA Register'!C7").join(" | ");
    assert!(
        said.contains("\"Beatrice\" (typed in a workshop) is kept"),
        "{said}"
    );
    assert!(said.contains("\"Bob\""), "{said}");

    bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();
    let a = store.load().unwrap();
    assert_eq!(a.processes.len(), 2, "updated, never doubled");
    let p = a.processes.iter().find(|p| p.name == "Payroll").unwrap();
    assert_eq!(p.owner, "Alice");
    let o = a.objectives.iter().find(|o| o.process_id == p.id).unwrap();
    assert_eq!(o.rto, Some(Minutes(120)));
    assert_eq!(
        a.processes
            .iter()
            .find(|p| p.name == "Billing")
            .unwrap()
            .owner,
        "Beatrice"
    );
}

#[test]
fn per_department_sheets_give_units_and_one_header_names_category_and_horizon() {
    let dir = temp_dir();
    let mut book = Workbook::new();
    for (sheet_name, process, rto) in [
        ("Finance", "Accounts payable", "2 Days"),
        ("Operations", "Dispatch", "4h"),
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name).unwrap();
        sheet.write_string(0, 0, "Activity").unwrap();
        sheet.write_string(0, 1, "RTO").unwrap();
        sheet
            .write_string(0, 2, "Financial Impact @ 1 Day")
            .unwrap();
        sheet.write_string(0, 3, "Impact Rating @ 4 hours").unwrap();
        sheet.write_string(1, 0, process).unwrap();
        sheet.write_string(1, 1, rto).unwrap();
        sheet.write_string(1, 2, "Insignificant").unwrap();
        sheet.write_string(1, 3, "High").unwrap();
    }
    let path = save(&mut book, dir.path(), "by-department.xlsx");
    let (store, _) = crate::new_store(&dir);
    let a = store.load().unwrap();
    let plan = plan_file(&path, &a, &Mapping::default(), &Limits::default()).unwrap();
    assert_eq!(plan.units, vec!["Finance", "Operations"]);
    let ap = planned(&plan, "Accounts payable");
    assert_eq!(ap.unit.as_deref(), Some("Finance"));
    assert_eq!(
        ap.objectives.as_ref().unwrap().rto.unwrap().minutes,
        Minutes(2 * 1440)
    );
    let category = |id| {
        a.methodology
            .categories
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .name
            .clone()
    };
    let scores: Vec<(String, u8)> = ap
        .scores
        .iter()
        .map(|s| (category(s.category_id), s.severity))
        .collect();
    assert_eq!(
        scores,
        vec![("Financial".to_string(), 1), ("Operational".to_string(), 4)]
    );
    assert!(
        issue_at(&plan, "Finance!D1")[0].contains("scored as Operational"),
        "{:?}",
        plan.issues
    );
}

#[test]
fn a_mapping_file_pins_columns_and_adds_names() {
    let dir = temp_dir();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Data").unwrap();
    sheet.write_string(0, 0, "Service Line").unwrap();
    sheet.write_string(0, 1, "Recovery window").unwrap();
    sheet.write_string(0, 2, "Owner").unwrap();
    sheet.write_string(1, 0, "Claims handling").unwrap();
    sheet.write_string(1, 1, "8 hours").unwrap();
    sheet.write_string(1, 2, "Dana").unwrap();
    let path = save(&mut book, dir.path(), "odd.xlsx");
    let (store, _) = crate::new_store(&dir);
    let a = store.load().unwrap();
    let err = plan_file(&path, &a, &Mapping::default(), &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "no_table", "{err}");

    let mapping_path = dir.path().join("mapping.toml");
    std::fs::write(
        &mapping_path,
        "[synonyms.fields]\nprocess = [\"Service Line\"]\n\n[columns]\n\"Data!B\" = \"rto\"\n\"Owner\" = \"ignore\"\n",
    )
    .unwrap();
    let mapping = Mapping::from_file(&mapping_path).unwrap();
    let plan = plan_file(&path, &a, &mapping, &Limits::default()).unwrap();
    let p = planned(&plan, "Claims handling");
    assert_eq!(
        p.objectives.as_ref().unwrap().rto.unwrap().minutes,
        Minutes(480)
    );
    assert_eq!(p.input.owner, "", "the owner column was pinned to ignore");
    let sources: Vec<_> = plan.tables[0].columns.iter().map(|c| c.source).collect();
    use bia::excel::import::Source;
    assert_eq!(sources, vec![Source::Synonym, Source::User, Source::User]);

    std::fs::write(&mapping_path, "[columns]\n\"B\" = \"deadline\"\n").unwrap();
    let err = Mapping::from_file(&mapping_path).unwrap_err();
    assert_eq!(err.code(), "bad_mapping");
    assert!(err.to_string().contains("\"deadline\""), "{err}");
}

// ---------------------------------------------------------------------------
// The public fixtures, read in place when ../shared is beside the project
// (see ../shared/fixtures/README.md), and the project's own in their shapes.

use crate::fixtures::{asset_bia, shared, strategy_register};

#[test]
fn the_recovery_strategy_register_reads_as_its_readme_says() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let Some(path) = shared("recovery-strategy-register.csv") else {
        return;
    };
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(
        plan.tables[0].header_row, 4,
        "under a title, a department line and a band"
    );
    assert_eq!(plan.processes.len(), 20);
    assert_eq!(plan.units, vec!["Implementation / Technical Unit"]);
    let db = planned(&plan, "Database & Data Structure Management");
    let o = db.objectives.as_ref().unwrap();
    assert_eq!(o.rto.unwrap().minutes, Minutes(4 * 60));
    assert_eq!(o.rpo.unwrap().minutes, Minutes(15));
    assert_eq!(o.mtpd.unwrap().minutes, Minutes(72 * 60));
    let capability = db
        .input
        .custom_fields
        .iter()
        .find(|f| f.name == "Current Recovery Capability (Hrs)")
        .expect("recovery capability kept, with its unit in the name");
    assert_eq!(capability.value, "2");
    let rsd = planned(&plan, "Requirements & Solution Design");
    let o = rsd.objectives.as_ref().unwrap();
    assert_eq!(o.rto.unwrap().minutes, Minutes(48 * 60));
    assert_eq!(o.rpo, None);
    assert_eq!(o.mtpd.unwrap().minutes, Minutes(240 * 60));
    let dev = planned(&plan, "Application Development (Coding)");
    assert!(dev.objectives.as_ref().unwrap().rpo.unwrap().business);
    assert!(
        plan.issues
            .iter()
            .any(|i| i.message.contains("business time") && i.address.ends_with("!J6")),
        "{:?}",
        plan.issues
    );
    for kept in [
        "Strategy Summary",
        "Test Status",
        "Comments / Notes",
        "Criticality Ranking",
    ] {
        assert!(
            rsd.input.custom_fields.iter().any(|f| f.name == kept)
                || kept == "Comments / Notes" && !rsd.input.notes.is_empty(),
            "{kept} is kept"
        );
    }
    bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();
    assert_eq!(store.load().unwrap().processes.len(), 20);
}

#[test]
fn the_ciso_assistant_template_gives_its_assets_as_processes() {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let Some(path) = shared("ciso-assistant-bia-template.xlsx") else {
        return;
    };
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    let names: Vec<&str> = plan
        .processes
        .iter()
        .map(|p| p.input.name.as_str())
        .collect();
    assert_eq!(names, vec!["hypervisor"]);
    let p = &plan.processes[0];
    assert!(
        p.input
            .custom_fields
            .iter()
            .any(|f| f.name == "recovery_documented" && f.value == "TRUE"),
        "=TRUE() formulas read by their cached value: {:?}",
        p.input.custom_fields
    );
    assert!(
        plan.issues.iter().any(|i| i.address == "Summary"),
        "{:?}",
        plan.issues
    );
    assert_eq!(
        p.unit, None,
        "two sheets of one BIA are not two departments"
    );

    // "bia - thresholds" has one row per impact: point_in_time in seconds
    // (432000 = 5 days), quali_impact on the scale, qualifications a list
    // of categories, the other columns the score's note.
    let a = store.load().unwrap();
    let category = |id| {
        a.methodology
            .categories
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .name
            .clone()
    };
    let horizon = |id| {
        a.methodology
            .horizons
            .iter()
            .find(|h| h.id == id)
            .unwrap()
            .label
            .clone()
    };
    let scores: Vec<(String, String, u8)> = p
        .scores
        .iter()
        .map(|s| (category(s.category_id), horizon(s.horizon_id), s.severity))
        .collect();
    let want = |c: &str, h: &str, s: u8| (c.to_string(), h.to_string(), s);
    assert_eq!(
        scores,
        vec![
            want("Financial", "1 w", 1),
            want("Health & Safety", "1 w", 1),
            want("Environmental", "2 w", 2)
        ]
    );
    assert!(
        p.scores[0]
            .note()
            .contains("justification: THis is BIA justification"),
        "{:?}",
        p.scores[0].note()
    );
    let said = |a: &str| issue_at(&plan, a).join(" | ");
    assert!(said("'bia - thresholds'!D2").contains("no 5 d horizon"));
    assert!(said("'bia - thresholds'!H2").contains("authenticity, confidentiality"));
}

// ---------------------------------------------------------------------------
// `bia import`.

fn bia(args: &[&str], cwd: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_bia"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("bia runs")
}

#[test]
fn bia_import_creates_the_file_and_prints_the_plan_as_json() {
    let dir = temp_dir();
    let register = strategy_register(dir.path(), "finance-register.csv");
    let out = bia(
        &[
            "import",
            register.to_str().unwrap(),
            "--into",
            "new.bia",
            "--json",
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["created"], true);
    assert_eq!(json["plan"]["counts"]["processes_new"], 6);
    assert_eq!(json["applied"]["processes_created"], 6);
    assert_eq!(json["plan"]["unmapped"][0]["header"], "Strategy Ref");
    assert_eq!(
        json["plan"]["issues"][0]["address"],
        "'finance-register'!J5"
    );
    let out = bia(&["process", "list", "new.bia"], dir.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("6 process(es)"));

    // The same register again changes nothing and doubles nothing.
    let out = bia(
        &["import", register.to_str().unwrap(), "--into", "new.bia"],
        dir.path(),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("0 new, 0 updated, 6 unchanged"), "{text}");
}

#[test]
fn bia_import_dry_run_changes_nothing_and_bad_input_exits_1() {
    let dir = temp_dir();
    let workbook = legacy_register(dir.path(), "register.xlsx", "Ann", 4.0);
    let out = bia(
        &[
            "import",
            workbook.to_str().unwrap(),
            "--into",
            "w.bia",
            "--dry-run",
        ],
        dir.path(),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("processes: 2 new"), "{text}");
    assert!(text.contains("error: 'BIA Register'!F7:"), "{text}");
    assert!(text.contains("'BIA Register'!O \"Budget code\""), "{text}");
    assert!(text.contains("dry run: w.bia was not changed"), "{text}");
    assert!(!dir.path().join("w.bia").exists());

    std::fs::write(dir.path().join("notes.xlsx"), b"%PDF-1.4\x00\x01").unwrap();
    let out = bia(&["import", "notes.xlsx", "--into", "w.bia"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("notes.xlsx: not a spreadsheet"), "{err}");
    assert!(
        !dir.path().join("w.bia").exists(),
        "no file made for nothing"
    );

    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Process").unwrap();
    sheet.write_string(0, 1, "RTO").unwrap();
    sheet.write_string(1, 1, "4h").unwrap();
    save(&mut book, dir.path(), "nameless.xlsx");
    let out = bia(&["import", "nameless.xlsx", "--into", "w.bia"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no row names a process"), "{err}");
    assert!(!dir.path().join("w.bia").exists());
}

#[test]
fn a_plan_made_stale_by_a_methodology_edit_is_refused_whole() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let path = legacy_register(dir.path(), "register.xlsx", "Ann", 4.0);
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    // Meanwhile the 4 h horizon, which the register scores, is removed.
    let mut m = store.methodology().unwrap().to_input();
    m.horizons.retain(|h| h.label != "4 h");
    store.update_methodology(&m).unwrap();
    let before = store.history().unwrap();

    let err = bia::import::apply(&mut store, &plan, &mut |_| true).unwrap_err();
    assert_eq!(err.code(), "no_such_id", "{err}");
    let a = store.load().unwrap();
    assert!(
        a.processes.is_empty() && a.units.is_empty() && a.resources.is_empty(),
        "all or nothing"
    );
    assert_eq!(store.history().unwrap(), before);
}

#[test]
fn a_renamed_process_is_matched_by_its_id_column() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let book = |name: &str, file: &str| {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "BIA Ref").unwrap();
        sheet.write_string(0, 1, "Process").unwrap();
        sheet.write_string(0, 2, "RTO").unwrap();
        sheet.write_string(1, 0, "BIA-007").unwrap();
        sheet.write_string(1, 1, name).unwrap();
        sheet.write_string(1, 2, "8h").unwrap();
        save(&mut book, dir.path(), file)
    };
    let v1 = book("Payroll run", "v1.xlsx");
    let plan = plan_file(
        &v1,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();

    let v2 = book("Monthly payroll", "v2.xlsx");
    let plan = plan_file(
        &v2,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    let p = &plan.processes[0];
    assert_eq!(p.action, Action::Update, "{:?}", plan.issues);
    assert_eq!(
        (
            p.changes[0].field.as_str(),
            p.changes[0].old.as_str(),
            p.changes[0].new.as_str()
        ),
        ("name", "Payroll run", "Monthly payroll")
    );
    bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();
    let names: Vec<String> = store
        .processes()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, vec!["Monthly payroll"], "renamed, not doubled");
}

// ---------------------------------------------------------------------------
// Planning while reading gives the plan of reading, then planning.

/// A register long enough to be handed over in many chunks: a title block
/// and a band over the header, duplicates far apart (merged, with their
/// conflicts), rows without a name, a header repeated on a printed page,
/// label and numeric severities, text durations, lists of dependencies,
/// and a footer with rows under it.
fn long_register(dir: &Path, name: &str, late_column: bool, second_sheet: bool) -> PathBuf {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("Register").unwrap();
    sheet
        .write_string(0, 0, "Business Impact Analysis")
        .unwrap();
    sheet.write_string(1, 0, "Department: Operations").unwrap();
    sheet
        .merge_range(3, 4, 3, 7, "Financial Impact", &bold)
        .unwrap();
    for (c, h) in [
        "Business Process",
        "RTO",
        "IT Applications",
        "Process Owner",
        "1 hr",
        "4 hrs",
        "1 day",
        "1 week",
        "Comments",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(4, c as u16, *h).unwrap();
    }
    let labels = ["Low", "Medium", "High", "Critical", "4 - Major"];
    let mut r = 5;
    for i in 0..700u32 {
        let process = format!("Process {:03}", i % 640);
        sheet.write_string(r, 0, &process).unwrap();
        sheet
            .write_string(r, 1, ["4 hours", "1-3 days", "ASAP", "2"][i as usize % 4])
            .unwrap();
        sheet
            .write_string(r, 2, format!("App {}; App {}", i % 30, (i + 3) % 30))
            .unwrap();
        sheet
            .write_string(r, 3, format!("Owner {}", i % 7))
            .unwrap();
        for h in 0..4u16 {
            if (i + u32::from(h)) % 3 == 0 {
                sheet
                    .write_string(r, 4 + h, labels[(i as usize + h as usize) % 5])
                    .unwrap();
            } else {
                sheet
                    .write_number(r, 4 + h, f64::from((i + u32::from(h)) % 6))
                    .unwrap();
            }
        }
        if i % 50 == 0 {
            sheet.write_string(r, 8, "Reviewed").unwrap();
        }
        if late_column && i == 400 {
            sheet
                .write_string(r, 11, "a note beside the table")
                .unwrap();
        }
        r += 1;
        if i % 97 == 0 {
            sheet.write_string(r, 3, "Owner without a process").unwrap();
            r += 1;
        }
        if i == 350 {
            sheet.write_string(r, 0, "Business Process").unwrap();
            r += 1;
        }
    }
    sheet.write_string(r, 0, "Total").unwrap();
    sheet
        .write_string(r + 1, 0, "Process under the footer")
        .unwrap();
    if second_sheet {
        let other = book.add_worksheet();
        other.set_name("Finance").unwrap();
        other.write_string(0, 0, "Activity").unwrap();
        other.write_string(0, 1, "RTO").unwrap();
        other.write_string(1, 0, "Accounts payable").unwrap();
        other.write_string(1, 1, "2 Days").unwrap();
    }
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes
        .write_string(0, 0, "Instructions for the form")
        .unwrap();
    save(&mut book, dir, name)
}

#[test]
fn planning_while_reading_gives_the_plan_of_reading_then_planning() {
    use bia::excel::import::{plan, read_and_plan};
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let a = store.load().unwrap();
    let mapping = Mapping::default();
    let limits = Limits::default();
    let mut paths = vec![
        long_register(dir.path(), "long.xlsx", false, false),
        // A column below the header and a second table of processes: the
        // stream gives way to planning the whole workbook.
        long_register(dir.path(), "late-column.xlsx", true, false),
        long_register(dir.path(), "two-tables.xlsx", false, true),
        legacy_register(dir.path(), "legacy.xlsx", "Jane Doe", 4.0),
        asset_bia(dir.path(), "assets.xlsx"),
        strategy_register(dir.path(), "register.csv"),
    ];
    paths.extend(shared("ciso-assistant-bia-template.xlsx"));
    paths.extend(shared("recovery-strategy-register.csv"));
    paths.push(dir.path().join("not-there.xlsx"));
    for path in &paths {
        let sequential =
            read_workbook(path, &limits).and_then(|w| plan(path, &w, &a, &mapping).map(|p| (w, p)));
        let streamed =
            read_and_plan(path, &limits, &a, &mapping).and_then(|(w, p)| p.map(|p| (w, p)));
        match (sequential, streamed) {
            (Ok((w1, p1)), Ok((w2, p2))) => {
                assert_eq!(w1, w2, "{}: the workbook read", path.display());
                assert_eq!(p1, p2, "{}: the plan", path.display());
                assert!(!p1.processes.is_empty(), "{}", path.display());
            }
            (Err(e1), Err(e2)) => assert_eq!(e1.to_string(), e2.to_string()),
            (s, t) => panic!(
                "{}: {:?} read then planned, {:?} planned while read",
                path.display(),
                s.map(|_| ()),
                t.map(|_| ())
            ),
        }
    }
    // What the long register holds, so the comparison is not of two empty plans.
    let plan = plan_file(&paths[0], &a, &mapping, &limits).unwrap();
    assert_eq!(plan.processes.len(), 640);
    assert!(
        plan.issues
            .iter()
            .any(|i| i.message.contains("appears again")),
        "duplicates far apart are merged"
    );
    assert!(plan.issues.iter().any(|i| i.message.contains("footer")));
    assert_eq!(plan.tables[0].band_row, Some(4));
    assert_eq!(plan.units, vec!["Operations"]);
}

#[test]
fn an_excel_97_2003_workbook_is_planned_like_any_other() {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy-2019.xls");
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .expect("the .xls plans");
    assert_eq!(plan.format, bia::excel::import::Format::Xls);
    assert_eq!(plan.tables[0].header_row, 3);
    assert_eq!(plan.processes.len(), 3, "the footer is no process");
    assert_eq!(plan.units, vec!["Finance", "Sales", "Operations"]);
    let payroll = planned(&plan, "Payroll");
    let o = payroll.objectives.as_ref().expect("objectives");
    assert_eq!(
        o.rto.unwrap().minutes,
        Minutes(24 * 60),
        "hours, from the header"
    );
    assert_eq!(o.rpo.unwrap().minutes, Minutes(240));
    assert_eq!(payroll.scores.len(), 1);
    let dispatch = planned(&plan, "Dispatch");
    assert!(dispatch.objectives.as_ref().unwrap().rpo_not_applicable);
    let suppliers: Vec<&str> = plan
        .resources
        .iter()
        .filter(|r| r.kind == ResourceKind::Supplier)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(suppliers, vec!["ADP", "Bank of Example", "Carrier Co"]);
    assert!(
        plan.issues
            .iter()
            .any(|i| i.address == "BIA!A7" && i.message.contains("footer")),
        "{:?}",
        plan.issues
    );
}

#[test]
fn a_strategy_register_in_its_usual_shape_reads_faithfully() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let path = strategy_register(dir.path(), "finance-register.csv");
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(
        (plan.tables[0].header_row, plan.tables[0].band_row),
        (4, Some(3)),
        "the header under a title, a department line and a band of groups"
    );
    assert_eq!(plan.processes.len(), 6);
    assert_eq!(plan.units, vec!["Finance Operations"]);
    let payroll = planned(&plan, "Payroll Calculation");
    let o = payroll.objectives.as_ref().unwrap();
    assert_eq!(
        o.rto.unwrap().minutes,
        Minutes(8 * 60),
        "RTO (Hrs) in hours"
    );
    assert_eq!(o.rpo.unwrap().minutes, Minutes(15), "\"15 Minutes\"");
    assert_eq!(o.mtpd.unwrap().minutes, Minutes(48 * 60));
    let kept = |p: &bia::excel::import::PlannedProcess, name: &str| {
        p.input
            .custom_fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.clone())
    };
    assert_eq!(
        kept(payroll, "Current Recovery Capability (Hrs)").as_deref(),
        Some("4"),
        "the capability kept, with its unit in its name"
    );
    assert_eq!(
        kept(payroll, "Strategy Summary").as_deref(),
        Some("Bureau runs last month's payroll  adjust on return"),
        "text kept as written, the lost em-dash's double space too"
    );
    for column in ["Criticality Ranking", "Test Status", "Strategy Ref"] {
        assert!(kept(payroll, column).is_some(), "{column} is kept");
    }
    assert_eq!(payroll.input.notes, "Bureau contract checked in June.");
    let cash = planned(&plan, "Cash Forecasting")
        .objectives
        .as_ref()
        .unwrap();
    assert!(cash.rpo_not_applicable && cash.rpo.is_none(), "RPO \"N/A\"");
    let invoicing = planned(&plan, "Customer Invoicing");
    assert_eq!(
        invoicing.objectives.as_ref().unwrap().rpo.unwrap().minutes,
        Minutes(60)
    );
    let payments = planned(&plan, "Supplier Payments Run");
    assert!(payments.objectives.as_ref().unwrap().rpo.unwrap().business);
    assert!(
        issue_at(&plan, "'finance-register'!J5")
            .iter()
            .any(|m| m.contains("business time")),
        "{:?}",
        plan.issues
    );
    bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();
    assert_eq!(store.load().unwrap().processes.len(), 6);
}

#[test]
fn an_asset_bia_workbook_gives_its_assets_as_processes_and_impacts_as_scores() {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let path = asset_bia(dir.path(), "assets.xlsx");
    let a = store.load().unwrap();
    let plan = plan_file(&path, &a, &Mapping::default(), &Limits::default()).unwrap();
    let names: Vec<&str> = plan
        .processes
        .iter()
        .map(|p| p.input.name.as_str())
        .collect();
    assert_eq!(names, vec!["payments gateway"]);
    let p = &plan.processes[0];
    let field = |name: &str| {
        p.input
            .custom_fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.as_str())
    };
    assert_eq!(
        field("recovery_documented"),
        Some("TRUE"),
        "=TRUE() by its value"
    );
    assert_eq!(field("recovery_targets_met"), Some("FALSE"));
    assert_eq!(p.input.notes, "Failover tested in March");
    assert_eq!(
        p.unit, None,
        "two sheets of one BIA are not two departments"
    );
    assert!(
        issue_at(&plan, "Summary")
            .iter()
            .any(|m| m.contains("not imported"))
    );

    let name_of = |s: &bia::excel::import::PlannedScore| {
        let c = a
            .methodology
            .categories
            .iter()
            .find(|c| c.id == s.category_id);
        let h = a.methodology.horizons.iter().find(|h| h.id == s.horizon_id);
        (
            c.unwrap().name.clone(),
            h.unwrap().label.clone(),
            s.severity,
        )
    };
    let scores: Vec<(String, String, u8)> = p.scores.iter().map(name_of).collect();
    let want = |c: &str, h: &str, s: u8| (c.to_string(), h.to_string(), s);
    assert_eq!(
        scores,
        vec![
            want("Financial", "1 d", 1),
            want("Reputational", "1 d", 1),
            want("Financial", "1 w", 3),
            want("Legal & Regulatory", "1 w", 3),
        ],
        "86,400 s is 1 d and 604,800 s is 1 w; the impact is the scale's index"
    );
    assert!(
        p.scores[0]
            .note()
            .contains("justification: Card payments queue")
    );
    let said = |address: &str| issue_at(&plan, address).join(" | ");
    assert!(said("'bia - thresholds'!D3").contains("no 5 d horizon"));
    assert!(said("'bia - thresholds'!H3").contains("availability, confidentiality"));
}

/// A deflate stream of `head`, `n` copies of `byte` and `tail`, in one
/// block of fixed Huffman codes: each run of 258 copies is a 13-bit match
/// at distance 1, so a gigabyte takes six megabytes and is made at once.
fn deflated_run(head: &[u8], byte: u8, n: usize, tail: &[u8]) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        len: u32,
    }
    impl Bits {
        fn put(&mut self, bits: u64, len: u32) {
            self.acc |= bits << self.len;
            self.len += len;
            while self.len >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.len -= 8;
            }
        }
        /// A Huffman code: its most significant bit first.
        fn code(&mut self, code: u64, len: u32) {
            self.put(code.reverse_bits() >> (64 - len), len);
        }
        fn literal(&mut self, b: u8) {
            match b {
                0..=143 => self.code(0x30 + u64::from(b), 8),
                _ => self.code(0x190 + u64::from(b - 144), 9),
            }
        }
    }
    let mut bits = Bits {
        out: Vec::with_capacity(n / 150),
        acc: 0,
        len: 0,
    };
    bits.put(0b011, 3); // the last block, fixed codes
    head.iter().for_each(|b| bits.literal(*b));
    bits.literal(byte);
    let mut left = n - 1;
    while left >= 258 {
        bits.code(0xC5, 8); // length 258
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    (0..left).for_each(|_| bits.literal(byte));
    tail.iter().for_each(|b| bits.literal(*b));
    bits.code(0, 7); // end of block
    bits.put(0, 7);
    bits.out
}

/// A ZIP archive of `parts`, each `(name, data, size, method)`: `data` as
/// stored, `size` inflated. A deflated part's CRC is left at 0: a reader
/// that checks it has inflated the whole part, which must not happen here.
fn zip_raw(path: &Path, parts: &[(&str, Vec<u8>, u64, u16)]) {
    let crc32 = |data: &[u8]| {
        !data.iter().fold(!0u32, |crc, b| {
            (0..8).fold(crc ^ u32::from(*b), |c, _| {
                (c >> 1) ^ (0xEDB8_8320 & (c & 1).wrapping_neg())
            })
        })
    };
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data, size, method) in parts {
        let offset = out.len() as u32;
        let le32 = |v: u64| (v as u32).to_le_bytes();
        let crc = if *method == 0 { crc32(data) } else { 0 };
        let common = [
            &20u16.to_le_bytes()[..],
            &0u16.to_le_bytes(),
            &method.to_le_bytes(),
            &[0; 4],
            &crc.to_le_bytes(),
            &le32(data.len() as u64),
            &le32(*size),
            &(name.len() as u16).to_le_bytes(),
            &0u16.to_le_bytes(),
        ]
        .concat();
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        directory.extend_from_slice(b"PK\x01\x02");
        directory.extend_from_slice(&20u16.to_le_bytes());
        directory.extend_from_slice(&common);
        directory.extend_from_slice(&[0; 10]); // comment, disk, attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend_from_slice(&directory);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    let count = (parts.len() as u16).to_le_bytes();
    out.extend_from_slice(&[count, count].concat());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    std::fs::write(path, out).unwrap();
}

/// The files of issue 14 as a hostile tester made them: a few megabytes
/// on disk, under every cap on files and archives, holding one cell (or
/// one shared string) of 0.95 GB. Each must be refused in seconds, in
/// far less memory than the cell (they took 2.7–2.9 GB).
#[cfg(target_os = "linux")]
#[test]
fn a_cell_of_a_gigabyte_is_refused_in_seconds_without_the_memory() {
    let dir = temp_dir();
    let n = 950_000_000;
    let sheet_head: &[u8] = b"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Process</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>";
    let sheet_tail: &[u8] = b"</t></is></c></row></sheetData></worksheet>";
    let sst_head: &[u8] = b"<sst><si><t>Process</t></si><si><t>";
    let sst_tail: &[u8] = b"</t></si></sst>";
    let store =
        |(name, data): &(&'static str, Vec<u8>)| (*name, data.clone(), data.len() as u64, 0);
    let bomb = |head: &[u8], tail: &[u8]| {
        (
            deflated_run(head, b'a', n, tail),
            (head.len() + n + tail.len()) as u64,
        )
    };
    let parts = xlsx_parts(b"", b"");
    let small: Vec<_> = parts
        .iter()
        .filter(|(name, _)| !name.contains("sheet"))
        .map(store)
        .collect();

    let (cell, size) = bomb(sheet_head, sheet_tail);
    let mut inline = small.clone();
    inline.push(("xl/sharedStrings.xml", b"<sst/>".to_vec(), 6, 0));
    inline.push(("xl/worksheets/sheet1.xml", cell, size, 8));
    zip_raw(&dir.path().join("cell.xlsx"), &inline);

    let (shared, size) = bomb(sst_head, sst_tail);
    let mut sst = small;
    let cells = b"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>";
    sst.push((
        "xl/worksheets/sheet1.xml",
        cells.to_vec(),
        cells.len() as u64,
        0,
    ));
    sst.push(("xl/sharedStrings.xml", shared, size, 8));
    zip_raw(&dir.path().join("shared.xlsx"), &sst);

    let content_head = br#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Register"><table:table-row><table:table-cell office:value-type="string"><text:p>"#;
    let content_tail = b"</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>";
    let (content, size) = bomb(content_head, content_tail);
    let mimetype = b"application/vnd.oasis.opendocument.spreadsheet".to_vec();
    zip_raw(
        &dir.path().join("cell.ods"),
        &[
            ("mimetype", mimetype.clone(), mimetype.len() as u64, 0),
            ("content.xml", content, size, 8),
        ],
    );

    for (file, at) in [
        ("cell.xlsx", "cell C1"),
        ("shared.xlsx", "cell B1"),
        ("cell.ods", "cell A1"),
    ] {
        let on_disk = std::fs::metadata(dir.path().join(file)).unwrap().len();
        assert!(on_disk < 8 << 20, "{file}: {on_disk} bytes on disk");
        // Half a gigabyte of address space: the cell alone is twice that.
        let started = std::time::Instant::now();
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 524288 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_bia"))
            .args(["import", file, "--into", "x.bia", "--dry-run"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let elapsed = started.elapsed();
        let err = crate::cli::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{file}: {err}");
        assert!(
            err.contains(file) && err.contains("sheet \"Register\"") && err.contains(at),
            "{file}: {err}"
        );
        assert!(
            elapsed < std::time::Duration::from_secs(2),
            "{file}: {elapsed:?}"
        );
    }
}

#[test]
fn units_written_in_headers_and_the_names_of_resource_columns_are_read() {
    // The MTPD under its long name with its acronym and its unit in the
    // header, holding bare numbers; the RTO with "- Hrs"; suppliers and
    // sites under the names registers give them.
    let dir = temp_dir();
    let path = dir.path().join("register.csv");
    std::fs::write(
        &path,
        "Process,Department,Maximum Tolerable Period of Disruption (MTPD) in days,RTO - Hrs,\
         Third-party providers,Site(s)\n\
         Payroll,Finance,1,4,ADP; Iron Mountain,Leeds\n\
         Billing,Finance,5,24,Stripe,Leeds\n\
         Claims,Operations,0.5,2,,York\n\
         Archive,Operations,14,72,Iron Mountain,York\n",
    )
    .unwrap();
    let (store, _) = crate::new_store(&dir);
    let a = store.load().unwrap();
    let plan = plan_file(&path, &a, &Mapping::default(), &Limits::default()).unwrap();
    let minutes = |name: &str| {
        let o = planned(&plan, name).objectives.as_ref().unwrap();
        (o.mtpd.unwrap().minutes.0, o.rto.unwrap().minutes.0)
    };
    assert_eq!(minutes("Payroll"), (1440, 240));
    assert_eq!(minutes("Billing"), (5 * 1440, 24 * 60));
    assert_eq!(minutes("Claims"), (720, 120));
    assert_eq!(minutes("Archive"), (14 * 1440, 72 * 60));
    assert!(plan.unmapped.is_empty(), "{:?}", plan.unmapped);
    assert!(
        plan.issues.iter().all(|i| !i.message.contains("no unit")),
        "{:?}",
        plan.issues
    );
    let mut resources: Vec<(String, bia::model::ResourceKind)> = plan
        .resources
        .iter()
        .map(|r| (r.name.clone(), r.kind))
        .collect();
    resources.sort();
    use bia::model::ResourceKind::{Site, Supplier};
    assert_eq!(
        resources,
        [
            ("ADP".to_string(), Supplier),
            ("Iron Mountain".to_string(), Supplier),
            ("Leeds".to_string(), Site),
            ("Stripe".to_string(), Supplier),
            ("York".to_string(), Site),
        ]
    );
    assert_eq!(plan.dependencies.len(), 8);
}

// ---------------------------------------------------------------------------
// Form-style workbooks: a questionnaire per process, labels down the page and
// an impact table of categories by time points.

use bia::excel::import::{CellUse, LevelWord, WordSource, form_cells};

/// The impact table of a form: categories down, time points across.
fn impact_table(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    times: &[&str],
    rows: &[(&str, &[&str])],
) {
    sheet.write_string(row, 0, "Impact category").unwrap();
    for (c, t) in times.iter().enumerate() {
        sheet.write_string(row, c as u16 + 1, *t).unwrap();
    }
    for (r, (category, cells)) in rows.iter().enumerate() {
        let r = row + 1 + r as u32;
        sheet.write_string(r, 0, *category).unwrap();
        for (c, v) in cells.iter().enumerate() {
            match v.parse::<f64>() {
                Ok(n) => sheet.write_number(r, c as u16 + 1, n).unwrap(),
                Err(_) => sheet.write_string(r, c as u16 + 1, *v).unwrap(),
            };
        }
    }
}

/// A BIA kept as questionnaires, as a continuity office sends them out:
/// a sheet of instructions; one sheet per process (labels in column A,
/// values in merged cells from C, a unit in the cell after a number, a list
/// below its label, a label no BIA field has, impacts as words); another
/// with numbers for impacts and its values in column B; and a department's
/// sheet holding two processes one after another under a "Department:"
/// and "Assessed by:" that are both's, the second depending on the first
/// and on a system named nowhere else (a resource to classify). The workbook's properties are
/// fixed, so the same code writes the same bytes.
pub(crate) fn questionnaire_workbook(path: &Path) {
    let mut book = Workbook::new();
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, 3).unwrap();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title("Business impact questionnaires 2025")
            .set_author("Continuity Office")
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let readme = book.add_worksheet();
    readme.set_name("Read me").unwrap();
    readme
        .write_string(0, 0, "Business impact questionnaires 2025")
        .unwrap();
    readme
        .write_string(
            1,
            0,
            "One sheet per process. Rate each impact Low, Medium, High or Critical.",
        )
        .unwrap();

    let payroll = book.add_worksheet();
    payroll.set_name("Payroll run").unwrap();
    payroll
        .write_string_with_format(0, 0, "Business Impact Analysis – Questionnaire", &bold)
        .unwrap();
    let labels: [(u32, &str); 10] = [
        (2, "Process name:"),
        (3, "Department:"),
        (4, "Process owner:"),
        (5, "Description:"),
        (6, "Recovery time objective:"),
        (7, "Maximum tolerable downtime (hours):"),
        (8, "Recovery point objective:"),
        (9, "Systems required:"),
        (10, "Key suppliers:"),
        (11, "Key staff:"),
    ];
    for (r, label) in labels {
        payroll
            .write_string_with_format(r, 0, label, &bold)
            .unwrap();
    }
    let plain = Format::new();
    payroll
        .merge_range(2, 2, 2, 5, "Payroll run", &plain)
        .unwrap();
    payroll.merge_range(3, 2, 3, 5, "Finance", &plain).unwrap();
    payroll
        .merge_range(4, 2, 4, 5, "Priya Raman", &plain)
        .unwrap();
    payroll
        .merge_range(
            5,
            2,
            5,
            5,
            "Pays 1,200 staff on the 25th of each month",
            &plain,
        )
        .unwrap();
    payroll.write_number(6, 2, 1).unwrap();
    payroll.write_string(6, 3, "days").unwrap();
    payroll.write_number(7, 2, 72).unwrap();
    payroll.write_string(8, 2, "4 hours").unwrap();
    payroll
        .write_string(9, 2, "Core banking; Citrix; ADP Workforce Now")
        .unwrap();
    payroll.write_string(10, 2, "ADP; Barclays").unwrap();
    payroll.write_string(12, 0, "Payroll officer").unwrap();
    payroll.write_string(13, 0, "Finance director").unwrap();
    payroll
        .write_string_with_format(14, 0, "Budget code:", &bold)
        .unwrap();
    payroll.write_string(14, 2, "FIN-07").unwrap();
    impact_table(
        payroll,
        16,
        &["4 hours", "1 day", "3 days", "1 week"],
        &[
            ("Financial", &["Low", "Medium", "High", "Critical"]),
            ("Operational", &["Low", "Low", "Medium", "High"]),
            ("Reputational", &["Low", "Medium", "High", "High"]),
            (
                "Legal & Regulatory",
                &["Medium", "High", "Critical", "Critical"],
            ),
        ],
    );

    let onboarding = book.add_worksheet();
    onboarding.set_name("Customer onboarding").unwrap();
    for (r, label, value) in [
        (0, "Process name:", "Customer onboarding"),
        (1, "Department:", "Retail banking"),
        (2, "Process owner:", "Tom Reyes"),
        (3, "Maximum tolerable period of disruption:", "5 days"),
        (4, "RTO (hours):", "24"),
        (5, "Systems required:", "CRM, Core banking"),
        (6, "Key suppliers:", "Experian"),
        (7, "Minimum staff:", "3"),
    ] {
        onboarding.write_string(r, 0, label).unwrap();
        onboarding.write_string(r, 1, value).unwrap();
    }
    impact_table(
        onboarding,
        9,
        &["4 hours", "1 day", "1 week"],
        &[
            ("Customer", &["1", "3", "4"]),
            ("Financial impact", &["0", "2", "3"]),
            ("Reputation", &["1", "2", "4"]),
        ],
    );

    let operations = book.add_worksheet();
    operations.set_name("Operations").unwrap();
    for (r, label, value) in [
        (0, "Department:", "Operations"),
        (1, "Assessed by:", "Dana Whitfield"),
        (3, "Process name:", "Parcel sorting"),
        (4, "RTO:", "4 hours"),
        (5, "Key suppliers:", "Acme Logistics"),
        (12, "Process name:", "Fleet dispatch"),
        (13, "RTO:", "1 day"),
        (14, "Systems required:", "Fleet telematics, Citrix"),
        (15, "Dependencies:", "Parcel sorting; Zendesk"),
    ] {
        operations.write_string(r, 0, label).unwrap();
        operations.write_string(r, 1, value).unwrap();
    }
    impact_table(
        operations,
        7,
        &["4 hours", "1 day", "1 week"],
        &[
            ("Operational", &["Medium", "High", "Critical"]),
            ("Customer", &["Low", "High", "Critical"]),
        ],
    );
    impact_table(
        operations,
        17,
        &["4 hours", "1 day", "1 week"],
        &[("Operational", &["Low", "Medium", "High"])],
    );
    book.save(path).expect("the questionnaire workbook saves");
}

/// Half a form: labels without values, an impact table without scores, and
/// a second form without a name.
fn half_form(dir: &Path) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Claims").unwrap();
    sheet.write_string(0, 0, "Process name:").unwrap();
    sheet.write_string(0, 1, "Claims handling").unwrap();
    sheet.write_string(1, 0, "Process owner:").unwrap();
    sheet
        .write_string(2, 0, "Recovery time objective:")
        .unwrap();
    sheet.write_string(3, 0, "Systems required:").unwrap();
    impact_table(
        sheet,
        5,
        &["4 hours", "1 day"],
        &[("Financial", &[]), ("Operational", &[])],
    );
    sheet.write_string(9, 0, "Process name:").unwrap();
    sheet.write_string(10, 0, "RTO:").unwrap();
    sheet.write_string(10, 1, "8 hours").unwrap();
    save(&mut book, dir, "claims-half.xlsx")
}

fn level_of<'a>(plan: &'a Plan, word: &str) -> &'a LevelWord {
    plan.level_words
        .iter()
        .find(|w| w.word == word)
        .unwrap_or_else(|| panic!("{word} is among {:?}", plan.level_words))
}

#[test]
fn a_questionnaire_workbook_gives_one_process_per_form() {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let path = dir.path().join("questionnaires.xlsx");
    questionnaire_workbook(&path);
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .expect("a workbook of forms plans, rather than 'no sheet has a header row'");

    let names: Vec<&str> = plan
        .processes
        .iter()
        .map(|p| p.input.name.as_str())
        .collect();
    assert_eq!(
        names,
        vec![
            "Payroll run",
            "Customer onboarding",
            "Parcel sorting",
            "Fleet dispatch"
        ],
        "one process per form, two on the Operations sheet"
    );
    let payroll = planned(&plan, "Payroll run");
    assert_eq!(payroll.unit.as_deref(), Some("Finance"));
    assert_eq!(payroll.input.owner, "Priya Raman");
    assert_eq!(
        payroll.input.description,
        "Pays 1,200 staff on the 25th of each month"
    );
    let o = payroll.objectives.as_ref().expect("objectives");
    assert_eq!(
        o.rto.unwrap().minutes,
        Minutes(1440),
        "1 | days: the unit cell"
    );
    assert_eq!(
        o.mtpd.unwrap().minutes,
        Minutes(72 * 60),
        "(hours) in the label"
    );
    assert_eq!(o.rpo.unwrap().minutes, Minutes(240));
    let custom: Vec<(&str, &str)> = payroll
        .input
        .custom_fields
        .iter()
        .map(|f| (f.name.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        custom,
        vec![("Budget code", "FIN-07")],
        "a label no BIA field has"
    );
    match &payroll.provenance {
        Provenance::Imported {
            sheet,
            cell,
            values,
            ..
        } => {
            assert_eq!((&**sheet, cell.as_str()), ("Payroll run", "C3"));
            let owner = values.iter().find(|v| v.field == "owner").unwrap();
            assert_eq!(owner.cell, "C5", "each value names its cell");
        }
        other => panic!("{other:?}"),
    }
    let deps = |process: &str| {
        let mut d: Vec<String> = plan
            .dependencies
            .iter()
            .filter(|d| d.process == process)
            .map(|d| match &d.target {
                Target::Resource { resource, name } => format!("{}:{name}", resource.as_str()),
                Target::Process { name } => format!("process:{name}"),
            })
            .collect();
        d.sort();
        d
    };
    assert_eq!(
        deps("Payroll run"),
        vec![
            "application:ADP Workforce Now",
            "application:Citrix",
            "application:Core banking",
            "people:Finance director",
            "people:Payroll officer",
            "supplier:ADP",
            "supplier:Barclays",
        ],
        "lists beside and below their labels, by the kind the label says"
    );
    assert!(
        plan.dependencies
            .iter()
            .any(|d| d.process == "Payroll run" && d.note.ends_with("'Payroll run'!A13")),
        "a dependency names the cell it was read from"
    );

    // Words onto the 0–5 scale: four ranks spread over 1..5.
    for (word, level) in [("Low", 1), ("Medium", 2), ("High", 4), ("Critical", 5)] {
        let w = level_of(&plan, word);
        assert_eq!(
            (w.level, w.source),
            (Some(level), WordSource::Rule),
            "{word}"
        );
    }
    assert_eq!(
        level_of(&plan, "Low").count,
        4 + 2,
        "cells across the workbook"
    );
    let severities: Vec<u8> = payroll.scores.iter().map(|s| s.severity).collect();
    assert_eq!(
        severities,
        vec![1, 2, 4, 5, 1, 1, 2, 4, 1, 2, 4, 4, 2, 4, 5, 5],
        "Financial, Operational, Reputational, Legal & Regulatory at 4 h, 1 d, 3 d, 1 w"
    );
    assert_eq!(payroll.scores[0].cell.a1(), "B18");
    let onboarding = planned(&plan, "Customer onboarding");
    assert_eq!(onboarding.scores.len(), 9, "numbers read as levels");
    assert_eq!(onboarding.input.minimum_staff, Some(3));
    let o = onboarding.objectives.as_ref().unwrap();
    assert_eq!(
        (o.mtpd.unwrap().minutes, o.rto.unwrap().minutes),
        (Minutes(5 * 1440), Minutes(24 * 60))
    );
    for name in ["Parcel sorting", "Fleet dispatch"] {
        let p = planned(&plan, name);
        assert_eq!(
            p.unit.as_deref(),
            Some("Operations"),
            "{name}: the sheet's department"
        );
        assert!(
            p.input
                .custom_fields
                .iter()
                .any(|f| f.name == "Assessed by" && f.value == "Dana Whitfield"),
            "{name}"
        );
    }
    assert_eq!(planned(&plan, "Parcel sorting").scores.len(), 6);
    assert_eq!(planned(&plan, "Fleet dispatch").scores.len(), 3);
    assert!(
        issue_at(&plan, "'Read me'").join("").contains("No table"),
        "the instructions are neither table nor form"
    );
    assert!(
        issue_at(&plan, "'Payroll run'!A1")
            .join("")
            .contains("title"),
        "{:?}",
        issue_at(&plan, "'Payroll run'!A1")
    );
    let json = serde_json::to_string(&plan).unwrap();
    assert_eq!(serde_json::from_str::<Plan>(&json).unwrap(), plan);
}

#[test]
fn a_questionnaire_imported_into_an_assessment_gives_scores_objectives_and_dependencies() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let path = dir.path().join("questionnaires.xlsx");
    questionnaire_workbook(&path);
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    let applied = bia::import::apply(&mut store, &plan, &mut |_| true).expect("applies");
    assert_eq!(applied.processes_created, 4);
    let a = store.load().unwrap();
    let payroll = a
        .processes
        .iter()
        .find(|p| p.name == "Payroll run")
        .unwrap();
    assert_eq!(a.unit(payroll.unit_id.unwrap()).unwrap().name, "Finance");
    let o = a
        .objectives
        .iter()
        .find(|o| o.process_id == payroll.id)
        .unwrap();
    assert_eq!(
        (o.rto, o.rpo, o.mtpd_override),
        (
            Some(Minutes(1440)),
            Some(Minutes(240)),
            Some(Minutes(72 * 60))
        )
    );
    let financial = a
        .methodology
        .categories
        .iter()
        .find(|c| c.name == "Financial")
        .unwrap();
    let week = a
        .methodology
        .horizons
        .iter()
        .find(|h| h.minutes == Minutes(10080))
        .unwrap();
    let score = a
        .scores
        .iter()
        .find(|s| {
            s.process_id == payroll.id && s.category_id == financial.id && s.horizon_id == week.id
        })
        .unwrap();
    assert_eq!(score.severity, Some(5), "Critical at 1 week");
    assert!(
        matches!(&score.provenance, Provenance::Imported { sheet, cell, .. } if &**sheet == "Payroll run" && cell == "E18"),
        "{:?}",
        score.provenance
    );
    let kinds = |kind: ResourceKind| {
        let mut v: Vec<&str> = a
            .resources
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.name.as_str())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        kinds(ResourceKind::Application),
        vec![
            "ADP Workforce Now",
            "CRM",
            "Citrix",
            "Core banking",
            "Fleet telematics"
        ]
    );
    assert_eq!(
        kinds(ResourceKind::Supplier),
        vec!["ADP", "Acme Logistics", "Barclays", "Experian"]
    );
    let citrix = a.resources.iter().find(|r| r.name == "Citrix").unwrap();
    assert_eq!(
        a.dependencies
            .iter()
            .filter(|d| d.to.id() == citrix.id)
            .count(),
        2,
        "Payroll run and Fleet dispatch both need Citrix: one resource"
    );
    let zendesk = a.resources.iter().find(|r| r.name == "Zendesk").unwrap();
    assert_eq!(
        zendesk.kind,
        ResourceKind::Unclassified,
        "a name under \"Dependencies:\" that is no process is a resource to classify"
    );
    let id = |name: &str| a.processes.iter().find(|p| p.name == name).unwrap().id;
    assert!(
        a.dependencies
            .iter()
            .any(|d| d.from.id() == id("Fleet dispatch") && d.to.id() == id("Parcel sorting")),
        "an upstream process named on the form"
    );
}

#[test]
fn half_a_form_gives_issues_naming_the_cells_and_never_a_crash() {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let path = half_form(dir.path());
    let current = store.load().unwrap();
    let plan = plan_file(&path, &current, &Mapping::default(), &Limits::default())
        .expect("half a form still plans");
    assert_eq!(plan.processes.len(), 1, "the nameless form is left out");
    let claims = planned(&plan, "Claims handling");
    assert!(claims.scores.is_empty() && claims.objectives.is_none());
    for (cell, says) in [
        ("Claims!A2", "no value"),
        ("Claims!A3", "no value"),
        ("Claims!A4", "no value"),
        ("Claims!B6", "no scores"),
        ("Claims!A10", "was not imported"),
    ] {
        let found = issue_at(&plan, cell).join(" | ");
        assert!(found.contains(says), "{cell}: {found}");
    }
    assert!(
        plan.issues
            .iter()
            .any(|i| i.address == "Claims!A10" && i.level == Level::Error),
        "a form without its name is an error: its RTO is not imported"
    );

    // Every non-empty cell is a label, a value, a score, or left out with an
    // issue that exists.
    let workbook = read(&path).unwrap();
    let cells = form_cells(&workbook, &current, &Mapping::default());
    assert_eq!(cells.len(), workbook.sheets[0].cell_count());
    for c in &cells {
        if let CellUse::LeftOut { issue } = &c.used {
            assert!(
                plan.issues.iter().any(|i| &i.address == issue),
                "{}: no issue at {issue}",
                c.pos.a1()
            );
        }
    }

    // A workbook whose only form has no name imports nothing, and says so.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Process name:").unwrap();
    sheet.write_string(1, 0, "Department:").unwrap();
    let nameless = save(&mut book, dir.path(), "nameless.xlsx");
    let err = plan_file(&nameless, &current, &Mapping::default(), &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "no_table", "{err}");
}

#[test]
fn every_cell_of_the_questionnaires_lands_somewhere() {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let path = dir.path().join("questionnaires.xlsx");
    questionnaire_workbook(&path);
    let current = store.load().unwrap();
    let workbook = read(&path).unwrap();
    let plan = plan_file(&path, &current, &Mapping::default(), &Limits::default()).unwrap();
    let cells = form_cells(&workbook, &current, &Mapping::default());
    let form_sheets = ["Payroll run", "Customer onboarding", "Operations"];
    let cells_in: usize = workbook
        .sheets
        .iter()
        .filter(|s| form_sheets.contains(&s.name.as_str()))
        .map(|s| s.cell_count())
        .sum();
    assert_eq!(cells.len(), cells_in, "each non-empty cell of a form, once");
    let mut left_out = 0;
    for c in &cells {
        if let CellUse::LeftOut { issue } = &c.used {
            left_out += 1;
            assert!(plan.issues.iter().any(|i| &i.address == issue), "{issue}");
        }
    }
    assert_eq!(left_out, 1, "only the title of the payroll form: {cells:?}");
    let scores: usize = plan.processes.iter().map(|p| p.scores.len()).sum();
    assert_eq!(
        cells.iter().filter(|c| c.used == CellUse::Score).count(),
        scores,
        "every score cell is a planned score"
    );
}

#[test]
fn a_register_and_form_sheets_in_one_workbook_are_both_read() {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let mut book = Workbook::new();
    let register = book.add_worksheet();
    register.set_name("Register").unwrap();
    for (c, h) in ["Process", "Department", "RTO (hrs)"].iter().enumerate() {
        register.write_string(0, c as u16, *h).unwrap();
    }
    register.write_string(1, 0, "Payroll run").unwrap();
    register.write_string(1, 1, "Finance").unwrap();
    register.write_number(1, 2, 4).unwrap();
    register.write_string(2, 0, "Accounts payable").unwrap();
    register.write_number(2, 2, 48).unwrap();
    let form = book.add_worksheet();
    form.set_name("Payroll detail").unwrap();
    form.write_string(0, 0, "Process name:").unwrap();
    form.write_string(0, 1, "Payroll run").unwrap();
    form.write_string(1, 0, "Key suppliers:").unwrap();
    form.write_string(1, 1, "ADP").unwrap();
    impact_table(
        form,
        3,
        &["4 hours", "1 day"],
        &[("Financial", &["2", "4"])],
    );
    let path = save(&mut book, dir.path(), "mixed.xlsx");
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(
        plan.processes.len(),
        2,
        "the form adds to the register's row"
    );
    let payroll = planned(&plan, "Payroll run");
    assert_eq!(payroll.rows, vec!["Register!A2", "'Payroll detail'!A1"]);
    assert_eq!(payroll.scores.len(), 2);
    assert_eq!(
        payroll.objectives.as_ref().unwrap().rto.unwrap().minutes,
        Minutes(240)
    );
    assert!(
        issue_at(&plan, "'Payroll detail'!B1")
            .join("")
            .contains("appears again")
    );
    let sheets: Vec<&str> = plan.tables.iter().map(|t| t.sheet.as_str()).collect();
    assert_eq!(sheets, vec!["Register", "Payroll detail"]);
}

#[test]
fn a_mapping_files_levels_change_how_words_are_scored_in_forms_and_tables() {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let path = dir.path().join("questionnaires.xlsx");
    questionnaire_workbook(&path);
    let mapping_path = dir.path().join("levels.toml");
    std::fs::write(&mapping_path, "[levels]\nHigh = 3\nAmber = 2\n").unwrap();
    let mapping = Mapping::from_file(&mapping_path).unwrap();
    let current = store.load().unwrap();
    let plan = plan_file(&path, &current, &mapping, &Limits::default()).unwrap();
    let high = level_of(&plan, "High");
    assert_eq!((high.level, high.source), (Some(3), WordSource::User));
    assert_eq!(
        (
            level_of(&plan, "Medium").level,
            level_of(&plan, "Critical").level
        ),
        (Some(2), Some(5)),
        "the others keep the rule's levels"
    );
    let payroll = planned(&plan, "Payroll run");
    assert_eq!(
        payroll.scores[2].severity, 3,
        "Financial at 3 days was High"
    );

    // A table of words reads through the same mapping.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Register").unwrap();
    for (c, h) in [
        "Process",
        "Financial Impact @ 4 hrs",
        "Financial Impact @ 1 day",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Payroll run").unwrap();
    sheet.write_string(1, 1, "Amber").unwrap();
    sheet.write_string(1, 2, "High").unwrap();
    let table = save(&mut book, dir.path(), "rag.xlsx");
    let plan = plan_file(&table, &current, &mapping, &Limits::default()).unwrap();
    let severities: Vec<u8> = planned(&plan, "Payroll run")
        .scores
        .iter()
        .map(|s| s.severity)
        .collect();
    assert_eq!(severities, vec![2, 3], "Amber and High as the file says");
    let plan = plan_file(&table, &current, &Mapping::default(), &Limits::default()).unwrap();
    let amber = level_of(&plan, "Amber");
    assert_eq!((amber.level, amber.source), (None, WordSource::Unknown));
    assert!(
        issue_at(&plan, "Register!B2").join("").contains("[levels]"),
        "an unknown word says how to give it a level"
    );
}

/// The questionnaire workbook the desktop's end-to-end test imports and the
/// UI's recordings preview: `tests/fixtures/questionnaire-bia-2025.xlsx`,
/// written by [`questionnaire_workbook`] and kept up to date by this test
/// (commit the file when it changes, as with the bindings).
#[test]
fn the_questionnaire_fixture_is_the_one_the_code_writes() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/questionnaire-bia-2025.xlsx");
    let dir = temp_dir();
    let fresh = dir.path().join("questionnaire.xlsx");
    questionnaire_workbook(&fresh);
    let bytes = std::fs::read(&fresh).unwrap();
    questionnaire_workbook(&fresh);
    assert_eq!(
        std::fs::read(&fresh).unwrap(),
        bytes,
        "the same code writes the same bytes"
    );
    if std::fs::read(&fixture).ok().as_deref() != Some(bytes.as_slice()) {
        std::fs::write(&fixture, &bytes).unwrap();
    }
    let a = read(&fixture).unwrap();
    let b = read(&fresh).unwrap();
    assert_eq!(a.sheets, b.sheets);
}

/// Last year's register with a "Criticality" column in the ways people
/// fill one in: a tier's name, a word, a priority code, a bare number,
/// and a rating the tiers cannot read.
fn criticality_register(dir: &Path) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("BIA Register 2025").unwrap();
    for (c, h) in ["Business Process", "Department", "RTO (hrs)", "Criticality"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows: [(&str, &str, f64, Option<&str>); 5] = [
        ("Payroll run", "Finance", 72.0, Some("Tier 1")),
        ("Customer onboarding", "Sales", 4.0, Some("Critical")),
        ("Fleet maintenance", "Transport", 24.0, Some("P2")),
        ("Supplier payments", "Finance", 48.0, Some("Gold")),
        ("Month-end close", "Finance", 168.0, None),
    ];
    for (r, (name, unit, rto, criticality)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_string(r, 1, *unit).unwrap();
        sheet.write_number(r, 2, *rto).unwrap();
        match criticality {
            Some(text) => sheet.write_string(r, 3, *text).unwrap(),
            // A bare number, as a "BIA rating" column holds it.
            None => sheet.write_number(r, 3, 3).unwrap(),
        };
    }
    save(&mut book, dir, "bia-2025.xlsx")
}

#[test]
fn a_criticality_column_is_kept_and_read_as_the_tier_the_workbook_claimed() {
    let dir = temp_dir();
    let (mut store, _) = crate::new_store(&dir);
    let path = criticality_register(dir.path());
    let plan = plan_file(
        &path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .expect("the register plans");

    let claims: Vec<(&str, &str, Option<&str>)> = plan
        .processes
        .iter()
        .map(|p| {
            (
                p.input.name.as_str(),
                p.input.claimed_tier.as_str(),
                p.claimed_tier.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        claims,
        vec![
            ("Payroll run", "Tier 1", Some("Tier 1: the tier's name")),
            (
                "Customer onboarding",
                "Critical",
                Some("Tier 1: critical on the criticality scale, the first of 4 tiers")
            ),
            ("Fleet maintenance", "P2", Some("Tier 2: tier number 2")),
            ("Supplier payments", "", None),
            ("Month-end close", "3", Some("Tier 3: tier number 3")),
        ],
        "the text as written, and what the preview shows it read as"
    );
    for p in &plan.processes {
        let kept: Vec<&str> = p
            .input
            .custom_fields
            .iter()
            .filter(|f| f.name == "Criticality")
            .map(|f| f.value.as_str())
            .collect();
        assert_eq!(kept.len(), 1, "{} keeps its Criticality text", p.input.name);
    }
    let said = issue_at(&plan, "'BIA Register 2025'!D5").join(" | ");
    assert!(
        said.contains("\"Gold\" names no tier")
            && said.contains("kept as the custom field \"Criticality\" only"),
        "the cell that cannot be read is named, and what became of it: {said}"
    );

    bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();
    let payroll = store.process_by_name("Payroll run").unwrap().unwrap();
    assert_eq!(payroll.claimed_tier, "Tier 1");
    assert!(
        payroll.provenance.imported_as("claimed_tier", "Tier 1"),
        "the claim names its cell like every imported value"
    );

    let analysis = bia::analysis::analyze(&store.load().unwrap());
    let findings: Vec<(&str, &str)> = analysis
        .processes
        .iter()
        .filter_map(|p| {
            let f = p.claimed_tier.as_ref()?.finding.as_ref()?;
            Some((p.process.as_str(), f.message.as_str()))
        })
        .collect();
    assert_eq!(
        findings,
        vec![
            (
                "Month-end close",
                "The workbook claimed Tier 3 (“3”); the agreed RTO of 1 w makes it Tier 4."
            ),
            (
                "Payroll run",
                "The workbook claimed Tier 1; the agreed RTO of 3 d makes it Tier 3."
            ),
        ],
        "only the claims the RTOs do not bear out (Customer onboarding and Fleet maintenance agree)"
    );
}
