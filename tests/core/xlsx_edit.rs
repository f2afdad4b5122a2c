//! An owner filling in a questionnaire, by program: the values typed into
//! cells of a workbook rust_xlsxwriter wrote, rewritten inside its zip
//! (each cell kept with its style, its value an inline string as a
//! spreadsheet program saves text typed in). Enough for the workbooks our
//! own writer makes; not a general xlsx editor.

use std::io::{Read, Write};
use std::path::Path;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The value of attribute `name` in the tag text `tag`.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// The part holding the sheet called `sheet`: `xl/worksheets/sheet3.xml`.
fn sheet_part(workbook: &str, rels: &str, sheet: &str) -> String {
    let wanted = escape(sheet);
    let tag = workbook
        .split("<sheet ")
        .skip(1)
        .find(|t| attribute(&format!(" {t}"), "name") == Some(wanted.as_str()))
        .unwrap_or_else(|| panic!("no sheet called {sheet:?} in the workbook"));
    let tag = format!(" {tag}");
    let id = attribute(&tag, "r:id").expect("the sheet has a relationship");
    let rel = rels
        .split("<Relationship ")
        .skip(1)
        .map(|t| format!(" {t}"))
        .find(|t| attribute(t, "Id") == Some(id))
        .expect("the sheet's relationship");
    let target = attribute(&rel, "Target").expect("a target").to_string();
    match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    }
}

/// `xml` with cell `cell` holding `value` (text typed in).
fn set_cell(xml: &str, cell: &str, value: &str) -> String {
    let open = format!("<c r=\"{cell}\"");
    let start = xml
        .find(&open)
        .unwrap_or_else(|| panic!("cell {cell} is not in the sheet"));
    let head_end = xml[start..].find('>').unwrap() + start;
    let self_closing = xml.as_bytes()[head_end - 1] == b'/';
    let end = if self_closing {
        head_end + 1
    } else {
        xml[start..].find("</c>").unwrap() + start + 4
    };
    let style = attribute(&xml[start..=head_end], "s")
        .map(|s| format!(" s=\"{s}\""))
        .unwrap_or_default();
    let new = if value.is_empty() {
        format!("<c r=\"{cell}\"{style}/>")
    } else {
        format!(
            "<c r=\"{cell}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(value)
        )
    };
    format!("{}{new}{}", &xml[..start], &xml[end..])
}

/// Types `values` — (sheet, cell, text) — into the workbook at `path`.
pub fn fill(path: &Path, values: &[(&str, &str, &str)]) {
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        parts.push((f.name().unwrap().to_string(), data));
    }
    fn text(parts: &[(String, Vec<u8>)], name: &str) -> String {
        let (_, data) = parts.iter().find(|(n, _)| n == name).unwrap();
        String::from_utf8(data.clone()).unwrap()
    }
    let workbook = text(&parts, "xl/workbook.xml");
    let rels = text(&parts, "xl/_rels/workbook.xml.rels");
    for (sheet, cell, value) in values {
        let part = sheet_part(&workbook, &rels, sheet);
        let xml = text(&parts, &part);
        let edited = set_cell(&xml, cell, value);
        parts.iter_mut().find(|(n, _)| *n == part).unwrap().1 = edited.into_bytes();
    }
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in &parts {
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(data).unwrap();
    }
    let written = out.finish().unwrap().into_inner();
    std::fs::write(path, written).unwrap();
}
