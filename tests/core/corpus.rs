//! The malformed-input corpus: every kind of bad file a hostile tester
//! (or a tired consultant) has handed the program, generated here so that
//! the repository needs no binary blobs. `tests/core/malformed.rs` runs
//! every command over it; `benches/malformed.rs` measures each run's time
//! and memory against the budget (2 s, 300 MB).
//!
//! `scale` sets the size of the inputs that are large on purpose (a huge
//! cell, a very wide CSV): 1 is what the tests use, 5 nears what was
//! reported (a 0.95 GB cell, 400,000 columns).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a corpus file is given to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Given where an assessment (`.bia`) is expected.
    Assessment,
    /// Given where a workbook to import is expected.
    Workbook,
}

pub struct Entry {
    pub name: &'static str,
    pub kind: Kind,
    pub path: PathBuf,
}

/// A file of `bytes` at `dir/file`.
fn put(dir: &Path, file: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(file);
    fs::write(&path, bytes).unwrap();
    path
}

/// A small xorshift, so the flipped bits are the same on every run.
fn xorshift(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// A zip of `(name, content)` parts, deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        for (name, content) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(content).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

/// A minimal .xlsx whose first sheet is `sheet` (and shared strings `shared`).
fn xlsx(sheet: &[u8], shared: Option<&[u8]>) -> Vec<u8> {
    let types = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
    let rels = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let wb_rels = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
    let empty_shared = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>"#;
    zip_of(&[
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", wb_rels),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", shared.unwrap_or(empty_shared)),
    ])
}

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_TAIL: &str = "</sheetData></worksheet>";

/// A sheet with a header row (Process, RTO) and a row whose B2 is `cell`.
fn sheet_with(cell: &str) -> Vec<u8> {
    format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Process</t></is></c><c r="B1" t="inlineStr"><is><t>RTO</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Payroll</t></is></c>{cell}</row>{SHEET_TAIL}"#
    )
    .into_bytes()
}

/// An OLE compound file (what an .xls is) whose directory's sector points
/// back at itself: read as stated, its directory never ends (the fuzzer's
/// 6 KB file that asked for 4 GiB had such a chain).
fn looping_xls() -> Vec<u8> {
    const FREESECT: u32 = 0xFFFF_FFFF;
    const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
    let mut out = vec![0u8; 512];
    out[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    let mut put16 = |at: usize, v: u16| out[at..at + 2].copy_from_slice(&v.to_le_bytes());
    put16(24, 0x3E); // minor version
    put16(26, 3); // major version: 512-byte sectors
    put16(28, 0xFFFE); // little-endian
    put16(30, 9); // sector shift
    put16(32, 6); // mini sector shift
    let mut put32 = |at: usize, v: u32| out[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put32(44, 1); // one FAT sector
    put32(48, 1); // the directory starts at sector 1
    put32(56, 4096); // mini stream cutoff
    put32(60, ENDOFCHAIN); // no mini FAT
    put32(68, ENDOFCHAIN); // no DIFAT sectors
    put32(76, 0); // the FAT is sector 0
    for at in (80..512).step_by(4) {
        put32(at, FREESECT);
    }
    // Sector 0, the FAT: itself, then sector 1 followed by sector 1.
    let mut fat = vec![0xFFu8; 512];
    fat[..4].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes());
    fat[4..8].copy_from_slice(&1u32.to_le_bytes());
    out.extend(fat);
    // Sector 1, the directory: a root entry and a "Workbook" stream.
    let mut dir = vec![0u8; 512];
    for (base, name, kind) in [(0, "Root Entry", 5u8), (128, "Workbook", 2)] {
        for (i, u) in name.encode_utf16().enumerate() {
            dir[base + i * 2..base + i * 2 + 2].copy_from_slice(&u.to_le_bytes());
        }
        dir[base + 66] = kind;
        dir[base + 116..base + 120].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
    }
    out.extend(dir);
    out
}

/// The demo assessment, as bytes (a whole file to damage).
fn demo_bytes(dir: &Path) -> Vec<u8> {
    let path = dir.join(".corpus-demo.bia");
    bia::demo::create(&path).unwrap().close().unwrap();
    let bytes = fs::read(&path).unwrap();
    fs::remove_file(&path).unwrap();
    bytes
}

/// Writes the corpus into `dir` and lists it.
pub fn generate(dir: &Path, scale: usize) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut add =
        |name: &'static str, kind: Kind, path: PathBuf| out.push(Entry { name, kind, path });
    let a = Kind::Assessment;
    let w = Kind::Workbook;
    let demo = demo_bytes(dir);

    // --- where an assessment is expected ------------------------------------
    add("empty .bia", a, put(dir, "empty.bia", b""));
    add(
        "text named .bia",
        a,
        put(
            dir,
            "minutes.bia",
            b"Minutes of the BIA workshop, 3 March\n",
        ),
    );
    add(
        "random bytes .bia",
        a,
        put(
            dir,
            "noise.bia",
            &(0..4096u32)
                .map(|i| (i * 7919 % 251) as u8)
                .collect::<Vec<_>>(),
        ),
    );
    add(
        "truncated to its header",
        a,
        put(dir, "header-only.bia", &demo[..100]),
    );
    add(
        "truncated to half",
        a,
        put(dir, "half.bia", &demo[..demo.len() / 2]),
    );
    let mut flipped_header = demo.clone();
    flipped_header[3] ^= 0x20;
    add(
        "bit flipped in the magic",
        a,
        put(dir, "flipped-magic.bia", &flipped_header),
    );
    let mut flipped_pages = demo.clone();
    let mut seed = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..64 {
        let at = 4096 + (xorshift(&mut seed) as usize) % (demo.len() - 4096);
        flipped_pages[at] ^= 1 << (xorshift(&mut seed) % 8);
    }
    add(
        "64 bits flipped in the pages",
        a,
        put(dir, "flipped-pages.bia", &flipped_pages),
    );
    let mut text = demo.clone();
    let needle = b"Match supplier invoices";
    let at = text
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap();
    text[at + 6] = 0xFF;
    add(
        "a text that is not UTF-8",
        a,
        put(dir, "bad-text.bia", &text),
    );
    let mut zeroed = demo.clone();
    let page = 4096 * 3;
    zeroed[page..page + 4096].fill(0);
    add("a page of zeros", a, put(dir, "zeroed-page.bia", &zeroed));
    {
        let path = dir.join("other-app.bia");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');")
            .unwrap();
        drop(conn);
        add("SQLite of another program", a, path);
    }
    for (name, file, version) in [
        ("ours, format 0", "format-0.bia", 0),
        ("ours, format 999", "format-999.bia", 999),
    ] {
        let path = dir.join(file);
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(
            None,
            "application_id",
            bia::store::migrations::APPLICATION_ID,
        )
        .unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
        conn.execute_batch("CREATE TABLE stray (x);").unwrap();
        drop(conn);
        add(name, a, path);
    }
    let folder = dir.join("folder.bia");
    fs::create_dir(&folder).unwrap();
    add("a folder named .bia", a, folder);
    let ro = put(dir, "read-only.bia", &demo);
    let mut perms = fs::metadata(&ro).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&ro, perms).unwrap();
    add("a read-only assessment", a, ro);
    let with_wal = put(dir, "junk-wal.bia", &demo);
    put(dir, "junk-wal.bia-wal", &[0xA5; 8192]);
    add("junk in the write-ahead log", a, with_wal);
    #[cfg(unix)]
    {
        let link = dir.join("dangling.bia");
        std::os::unix::fs::symlink(dir.join("nowhere/gone.bia"), &link).unwrap();
        add("a link to a missing file", a, link);
        let fifo = dir.join("pipe.bia");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        add("a pipe named .bia", a, fifo);
    }

    // --- where a workbook is expected ---------------------------------------
    add("empty .xlsx", w, put(dir, "empty.xlsx", b""));
    add(
        "random bytes .xlsx",
        w,
        put(dir, "noise.xlsx", &[0x5A; 3000]),
    );
    add(
        "a PDF named .xlsx",
        w,
        put(dir, "report.xlsx", b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"),
    );
    let good = xlsx(&sheet_with(r#"<c r="B2"><v>4</v></c>"#), None);
    add(
        "truncated .xlsx",
        w,
        put(dir, "truncated.xlsx", &good[..good.len() / 2]),
    );
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend([0u8; 504]);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    encrypted.extend([0u8; 512]);
    add(
        "a password-protected workbook",
        w,
        put(dir, "protected.xlsx", &encrypted),
    );
    add(
        "random bytes .xls",
        w,
        put(dir, "noise.xls", &{
            let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
            b.extend([0x33; 2048]);
            b
        }),
    );
    add(
        "an .xls whose directory chain loops",
        w,
        put(dir, "looping.xls", &looping_xls()),
    );
    add(
        "random bytes .ods",
        w,
        put(
            dir,
            "noise.ods",
            &zip_of(&[
                (
                    "mimetype",
                    b"application/vnd.oasis.opendocument.spreadsheet",
                ),
                ("content.xml", b"<not-closed"),
            ]),
        ),
    );
    let huge = "a".repeat(40_000_000 * scale);
    add(
        "one huge inline cell",
        w,
        put(
            dir,
            "huge-cell.xlsx",
            &xlsx(
                &sheet_with(&format!(
                    r#"<c r="B2" t="inlineStr"><is><t>{huge}</t></is></c>"#
                )),
                None,
            ),
        ),
    );
    let shared = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{huge}</t></si></sst>"#
    );
    add(
        "one huge shared string",
        w,
        put(
            dir,
            "huge-shared.xlsx",
            &xlsx(
                &sheet_with(r#"<c r="B2" t="s"><v>0</v></c>"#),
                Some(shared.as_bytes()),
            ),
        ),
    );
    drop(huge);
    let ods_cell = "b".repeat(40_000_000 * scale);
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Register"><table:table-row><table:table-cell><text:p>Process</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>{ods_cell}</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    drop(ods_cell);
    add(
        "one huge .ods cell",
        w,
        put(
            dir,
            "huge-cell.ods",
            &zip_of(&[
                (
                    "mimetype",
                    b"application/vnd.oasis.opendocument.spreadsheet",
                ),
                ("content.xml", content.as_bytes()),
            ]),
        ),
    );
    let rows: String = (1..=200_000 * scale)
        .map(|r| format!(r#"<row r="{r}"/>"#))
        .collect();
    add(
        "a sheet of 200,000 empty rows",
        w,
        put(
            dir,
            "empty-rows.xlsx",
            &xlsx(format!("{SHEET_HEAD}{rows}{SHEET_TAIL}").as_bytes(), None),
        ),
    );
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>"#;
    add(
        "entities that expand (billion laughs)",
        w,
        put(dir, "laughs.xlsx", &xlsx(laughs.as_bytes(), None)),
    );
    let wide: String = (0..40_000 * scale)
        .map(|i| format!("Column {i},"))
        .collect();
    add(
        "a CSV 40,000 columns wide",
        w,
        put(
            dir,
            "wide.csv",
            format!("Process,{wide}\nPayroll,4 h\n").as_bytes(),
        ),
    );
    add(
        "a CSV with NUL and binary bytes",
        w,
        put(
            dir,
            "binary.csv",
            b"Process,RTO\nPay\0roll,\xFF\xFE4 h\n\x00\x01\x02",
        ),
    );
    add(
        "a CSV in UTF-16 without a BOM",
        w,
        put(
            dir,
            "utf16.csv",
            &"Process,RTO\nPayroll,4 h\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<_>>(),
        ),
    );
    add(
        "a CSV with one 20 MB line",
        w,
        put(
            dir,
            "long-line.csv",
            format!("Process,Notes\nPayroll,{}\n", "x".repeat(20_000_000)).as_bytes(),
        ),
    );
    add(
        "a CSV of a million empty lines",
        w,
        put(dir, "blank-lines.csv", &b"\n".repeat(1_000_000)),
    );
    add(
        "a CSV with an unclosed quote",
        w,
        put(
            dir,
            "open-quote.csv",
            b"Process,RTO\n\"Payroll,4 h\nTreasury,1 d\n",
        ),
    );
    let csv_dir = dir.join("folder.csv");
    fs::create_dir(&csv_dir).unwrap();
    add("a folder named .csv", w, csv_dir);
    #[cfg(unix)]
    {
        let fifo = dir.join("pipe.csv");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        add("a pipe named .csv", w, fifo);
    }
    add("a missing workbook", w, dir.join("not-there.xlsx"));
    out
}
