//! Editing an .xlsx by program as a person would in Excel: type into a
//! cell, rename or move a sheet, insert rows, drop or break defined names,
//! remove a sheet's protection. Each edit changes the parts Excel changes
//! (an inserted row shifts the cells below, the merged ranges, the data
//! validations and the defined names that point below it), so a test of
//! the reader meets what a returned file holds.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

/// An .xlsx held as its parts, in their order.
pub struct Xlsx {
    parts: Vec<(String, Vec<u8>)>,
}

impl Xlsx {
    pub fn open(path: &Path) -> Xlsx {
        Xlsx::from_bytes(&std::fs::read(path).expect("the workbook"))
    }

    pub fn from_bytes(bytes: &[u8]) -> Xlsx {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("an .xlsx is a zip");
        let parts = (0..zip.len())
            .map(|i| {
                let mut entry = zip.by_index(i).expect("a part");
                let mut data = Vec::new();
                entry.read_to_end(&mut data).expect("the part inflates");
                (entry.name().expect("a part name").into_owned(), data)
            })
            .collect();
        Xlsx { parts }
    }

    pub fn save(&self, path: &Path) {
        let file = std::fs::File::create(path).expect("the edited workbook");
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in &self.parts {
            zip.start_file(name.as_str(), options).expect("a part");
            zip.write_all(data).expect("the part");
        }
        zip.finish().expect("the zip");
    }

    pub fn part(&self, name: &str) -> String {
        let (_, data) = self
            .parts
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no part {name}"));
        String::from_utf8(data.clone()).expect("XML is UTF-8")
    }

    fn set_part(&mut self, name: &str, xml: String) {
        let part = self
            .parts
            .iter_mut()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no part {name}"));
        part.1 = xml.into_bytes();
    }

    /// The names of the sheets, in the workbook's order.
    pub fn sheet_names(&self) -> Vec<String> {
        sheet_elements(&self.part("xl/workbook.xml"))
            .iter()
            .map(|e| attribute(e, "name").expect("a sheet has a name"))
            .collect()
    }

    /// The part of sheet `name` (`xl/worksheets/sheet2.xml`).
    fn sheet_part(&self, name: &str) -> String {
        let element = sheet_elements(&self.part("xl/workbook.xml"))
            .into_iter()
            .find(|e| attribute(e, "name").as_deref() == Some(name))
            .unwrap_or_else(|| panic!("no sheet {name}"));
        let id = attribute(&element, "r:id").expect("a sheet has a relationship");
        let rels = self.part("xl/_rels/workbook.xml.rels");
        let rel = rels
            .split("<Relationship ")
            .find(|r| r.contains(&format!("Id=\"{id}\"")))
            .expect("the sheet's relationship");
        let target = attribute(&format!("<x {rel}"), "Target").expect("a target");
        match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        }
    }

    /// Types `text` into `cell` of `sheet` (kept as text, as in a cell
    /// formatted as text or a value picked from a dropdown).
    pub fn set_text(&mut self, sheet: &str, cell: &str, text: &str) {
        let value = format!("<is><t xml:space=\"preserve\">{}</t></is>", escape(text));
        self.set_cell(sheet, cell, Some("inlineStr"), &value);
    }

    /// Types a number into `cell` of `sheet` (as Excel stores a number
    /// typed into a General cell).
    pub fn set_number(&mut self, sheet: &str, cell: &str, n: f64) {
        self.set_cell(sheet, cell, None, &format!("<v>{n}</v>"));
    }

    /// An error value in `cell` (`#N/A`), as a formula that failed leaves.
    pub fn set_error(&mut self, sheet: &str, cell: &str, error: &str) {
        self.set_cell(sheet, cell, Some("e"), &format!("<v>{}</v>", escape(error)));
    }

    fn set_cell(&mut self, sheet: &str, cell: &str, kind: Option<&str>, inner: &str) {
        let part = self.sheet_part(sheet);
        let (target_row, target_col) = parse_cell(cell);
        let new_cell = |style: Option<String>| {
            let mut out = format!("<c r=\"{cell}\"");
            if let Some(s) = style {
                out.push_str(&format!(" s=\"{s}\""));
            }
            if let Some(t) = kind {
                out.push_str(&format!(" t=\"{t}\""));
            }
            out.push('>');
            out.push_str(inner);
            out.push_str("</c>");
            out
        };
        let xml = self.part(&part);
        let mut reader = Reader::from_str(&xml);
        let mut out = String::new();
        let mut done = false;
        let mut in_row = false;
        let mut skipping = false;
        loop {
            let before = reader.buffer_position() as usize;
            let event = reader.read_event().expect("sheet XML");
            let after = reader.buffer_position() as usize;
            let raw = &xml[before..after];
            match &event {
                Event::Eof => break,
                _ if skipping => {
                    if matches!(&event, Event::End(e) if e.name().as_ref() == "c") {
                        skipping = false;
                    }
                    continue;
                }
                Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "row" => {
                    let r: u32 = attr(e, "r").parse().expect("a row number");
                    if !done && r > target_row {
                        out.push_str(&format!("<row r=\"{target_row}\">{}</row>", new_cell(None)));
                        done = true;
                    }
                    in_row = r == target_row && matches!(event, Event::Start(_));
                    if r == target_row && matches!(event, Event::Empty(_)) && !done {
                        out.push_str(&format!(
                            "{}>{}</row>",
                            raw.trim_end_matches("/>"),
                            new_cell(None)
                        ));
                        done = true;
                        continue;
                    }
                }
                Event::Start(e) | Event::Empty(e)
                    if e.name().as_ref() == "c" && in_row && !done =>
                {
                    let (_, col) = parse_cell(&attr(e, "r"));
                    if col == target_col {
                        let style = e
                            .try_get_attribute("s")
                            .ok()
                            .flatten()
                            .map(|a| a.value.into_owned());
                        out.push_str(&new_cell(style));
                        done = true;
                        skipping = matches!(event, Event::Start(_));
                        continue;
                    }
                    if col > target_col {
                        out.push_str(&new_cell(None));
                        done = true;
                    }
                }
                Event::End(e) if e.name().as_ref() == "row" && in_row && !done => {
                    out.push_str(&new_cell(None));
                    done = true;
                }
                Event::End(e) if e.name().as_ref() == "sheetData" && !done => {
                    out.push_str(&format!("<row r=\"{target_row}\">{}</row>", new_cell(None)));
                    done = true;
                }
                _ => {}
            }
            out.push_str(raw);
        }
        assert!(done, "{sheet}!{cell} was not written");
        self.set_part(&part, out);
    }

    /// Renames a sheet as Excel does: the workbook's list, the defined
    /// names and the links that point at it.
    pub fn rename_sheet(&mut self, old: &str, new: &str) {
        let quoted_old = format!("'{}'!", old.replace('\'', "''"));
        let quoted_new = format!("'{}'!", new.replace('\'', "''"));
        let replace_refs = |xml: &str| {
            let mut xml = xml.replace(&quoted_old, &quoted_new);
            for lead in [">", "\"", "=", ",", "("] {
                xml = xml.replace(&format!("{lead}{old}!"), &format!("{lead}{quoted_new}"));
            }
            xml
        };
        let workbook = self.part("xl/workbook.xml");
        let workbook = workbook.replace(
            &format!("name=\"{}\"", escape(old)),
            &format!("name=\"{}\"", escape(new)),
        );
        self.set_part("xl/workbook.xml", replace_refs(&workbook));
        let sheets: Vec<String> = self
            .parts
            .iter()
            .map(|(n, _)| n.clone())
            .filter(|n| n.starts_with("xl/worksheets/sheet"))
            .collect();
        for part in sheets {
            let xml = self.part(&part);
            self.set_part(&part, replace_refs(&xml));
        }
        if self.parts.iter().any(|(n, _)| n == "docProps/app.xml") {
            let app = self.part("docProps/app.xml").replace(
                &format!("<vt:lpstr>{}</vt:lpstr>", escape(old)),
                &format!("<vt:lpstr>{}</vt:lpstr>", escape(new)),
            );
            self.set_part("docProps/app.xml", app);
        }
    }

    /// Moves sheet `name` to position `to` (from 0) in the tab order.
    pub fn move_sheet(&mut self, name: &str, to: usize) {
        let workbook = self.part("xl/workbook.xml");
        assert!(
            !workbook.contains("localSheetId"),
            "sheet-scoped names would need renumbering"
        );
        let start = workbook.find("<sheets>").expect("<sheets>") + "<sheets>".len();
        let end = workbook.find("</sheets>").expect("</sheets>");
        let mut sheets = sheet_elements(&workbook);
        let at = sheets
            .iter()
            .position(|e| attribute(e, "name").as_deref() == Some(name))
            .unwrap_or_else(|| panic!("no sheet {name}"));
        let moved = sheets.remove(at);
        sheets.insert(to, moved);
        let workbook = format!(
            "{}{}{}",
            &workbook[..start],
            sheets.concat(),
            &workbook[end..]
        );
        self.set_part("xl/workbook.xml", workbook);
    }

    /// Inserts `n` empty rows above row `above` (1-based) of `sheet`, as
    /// Excel does: cells, rows, merged ranges, validations, links and the
    /// defined names that point at or below it move down.
    pub fn insert_rows(&mut self, sheet: &str, above: u32, n: u32) {
        let part = self.sheet_part(sheet);
        let xml = self.part(&part);
        let shift = |r: &str| shift_refs(r, above, n);
        let mut reader = Reader::from_str(&xml);
        let mut writer = Writer::new(Vec::new());
        loop {
            let event = reader.read_event().expect("sheet XML");
            let event = match event {
                Event::Eof => break,
                Event::Start(e) => Event::Start(rewrite(&e, &shift)),
                Event::Empty(e) => Event::Empty(rewrite(&e, &shift)),
                other => other,
            };
            writer.write_event(event).expect("XML out");
        }
        self.set_part(
            &part,
            String::from_utf8(writer.into_inner()).expect("UTF-8"),
        );
        self.edit_defined_names(|_, formula| match formula.rsplit_once('!') {
            Some((s, refs)) if unquote(s) == sheet => {
                Some(format!("{s}!{}", shift_refs(refs, above, n)))
            }
            _ => Some(formula.to_string()),
        });
    }

    /// The defined names, by name.
    pub fn defined_names(&self) -> BTreeMap<String, String> {
        let workbook = self.part("xl/workbook.xml");
        let mut names = BTreeMap::new();
        for piece in workbook.split("<definedName ").skip(1) {
            let (attrs, rest) = piece.split_once('>').expect("a definedName");
            let name = attribute(&format!("<x {attrs}>"), "name").expect("a name");
            let formula = rest.split("</definedName>").next().expect("its formula");
            names.insert(name, unescape(formula));
        }
        names
    }

    /// Rewrites (or, given `None`, removes) each defined name's formula.
    pub fn edit_defined_names(&mut self, mut edit: impl FnMut(&str, &str) -> Option<String>) {
        let workbook = self.part("xl/workbook.xml");
        let Some(start) = workbook.find("<definedNames>") else {
            return;
        };
        let end = workbook.find("</definedNames>").expect("</definedNames>");
        let mut kept = String::new();
        for piece in workbook[start + "<definedNames>".len()..end]
            .split("<definedName ")
            .skip(1)
        {
            let (attrs, rest) = piece.split_once('>').expect("a definedName");
            let name = attribute(&format!("<x {attrs}>"), "name").expect("a name");
            let formula = unescape(rest.split("</definedName>").next().expect("its formula"));
            if let Some(formula) = edit(&name, &formula) {
                kept.push_str(&format!(
                    "<definedName {attrs}>{}</definedName>",
                    escape(&formula)
                ));
            }
        }
        let workbook = format!(
            "{}<definedNames>{kept}{}",
            &workbook[..start],
            &workbook[end..]
        );
        self.set_part("xl/workbook.xml", workbook);
    }

    /// Drops the defined names starting with `prefix`.
    pub fn drop_defined_names(&mut self, prefix: &str) {
        self.edit_defined_names(|name, formula| {
            (!name.starts_with(prefix)).then(|| formula.to_string())
        });
    }

    /// Points a defined name at `#REF!`, as Excel does when its cell's row
    /// is deleted.
    pub fn break_defined_name(&mut self, broken: &str) {
        self.edit_defined_names(|name, formula| {
            Some(if name == broken {
                "#REF!".to_string()
            } else {
                formula.to_string()
            })
        });
    }

    /// Removes a sheet's protection (Review › Unprotect Sheet).
    pub fn unprotect(&mut self, sheet: &str) {
        let part = self.sheet_part(sheet);
        let xml = self.part(&part);
        let start = xml.find("<sheetProtection").expect("a protected sheet");
        let end = start + xml[start..].find("/>").expect("an empty element") + 2;
        self.set_part(&part, format!("{}{}", &xml[..start], &xml[end..]));
    }

    pub fn is_protected(&self, sheet: &str) -> bool {
        self.part(&self.sheet_part(sheet))
            .contains("<sheetProtection")
    }
}

/// The `<sheet …/>` elements of the workbook, in order.
fn sheet_elements(workbook: &str) -> Vec<String> {
    let start = workbook.find("<sheets>").expect("<sheets>") + "<sheets>".len();
    let end = workbook.find("</sheets>").expect("</sheets>");
    workbook[start..end]
        .split("<sheet ")
        .skip(1)
        .map(|s| format!("<sheet {s}"))
        .collect()
}

/// The value of `name="…"` in an element's text.
fn attribute(element: &str, name: &str) -> Option<String> {
    let pattern = format!(" {name}=\"");
    let start = element.find(&pattern)? + pattern.len();
    let len = element[start..].find('"')?;
    Some(unescape(&element[start..start + len]))
}

fn attr(e: &BytesStart<'_>, name: &str) -> String {
    let a = e
        .try_get_attribute(name)
        .expect("attributes")
        .unwrap_or_else(|| panic!("no attribute {name}"));
    a.value.into_owned()
}

/// The element with every cell reference in `r`, `ref`, `sqref`,
/// `activeCell` and `topLeftCell` shifted.
fn rewrite(e: &BytesStart<'_>, shift: &dyn Fn(&str) -> String) -> BytesStart<'static> {
    let name = e.name().as_ref().to_string();
    let mut out = BytesStart::new(name.clone());
    for a in e.attributes() {
        let a = a.expect("an attribute");
        let key = a.key.as_ref().to_string();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .expect("a value")
            .into_owned();
        let moves = match key.as_str() {
            "r" => name == "row" || name == "c",
            "ref" | "sqref" | "activeCell" | "topLeftCell" => true,
            _ => false,
        };
        let value = if moves {
            if name == "row" {
                shift_row_number(&value, shift)
            } else {
                shift(&value)
            }
        } else {
            value
        };
        out.push_attribute((key.as_str(), value.as_str()));
    }
    out
}

fn shift_row_number(r: &str, shift: &dyn Fn(&str) -> String) -> String {
    let moved = shift(&format!("A{r}"));
    moved.trim_start_matches('A').to_string()
}

/// Every reference in `refs` (space-separated ranges, `$` allowed) with
/// rows at or below `above` moved down `n`; a range across it grows.
fn shift_refs(refs: &str, above: u32, n: u32) -> String {
    refs.split(' ')
        .map(|range| {
            range
                .split(':')
                .map(|cell| {
                    let split = cell
                        .find(|c: char| c.is_ascii_digit())
                        .unwrap_or(cell.len());
                    let (letters, digits) = cell.split_at(split);
                    match digits.parse::<u32>() {
                        Ok(row) if row >= above => format!("{letters}{}", row + n),
                        _ => cell.to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join(":")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `B7` → (7, 2): the row as Excel numbers it, the column from 1.
pub fn parse_cell(cell: &str) -> (u32, u32) {
    let cell = cell.replace('$', "");
    let split = cell.find(|c: char| c.is_ascii_digit()).expect("a row");
    let (letters, digits) = cell.split_at(split);
    let col = letters
        .bytes()
        .fold(0, |n, b| n * 26 + u32::from(b - b'A') + 1);
    (digits.parse().expect("a row number"), col)
}

fn unquote(sheet: &str) -> String {
    match sheet.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        Some(q) => q.replace("''", "'"),
        None => sheet.to_string(),
    }
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

fn unescape(text: &str) -> String {
    quick_xml::escape::unescape(text)
        .expect("escaped XML")
        .into_owned()
}
