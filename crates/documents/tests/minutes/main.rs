//! The minutes of Harbourline Logistics' Finance workshop as a PDF, read
//! back as a reader would: the text `pdftotext` (poppler-utils, installed
//! by `./x setup`) finds on each page.
//!
//! These tests check what the PDF says and where, not how it looks; the
//! look is checked by eye on a rendered page (see the report of the change
//! that added this file). Set `MINUTES_SAMPLE_DIR` to keep the PDFs made.

mod harbourline;

use std::path::{Path, PathBuf};
use std::process::Command;

use bia_documents::minutes_pdf;
use bia_model::WorkshopMinutes;
use harbourline::{ASSESSMENT, finance_workshop};

/// The heatmap `bia chart heatmap` draws for these scores.
const HEATMAP_PNG: &[u8] = include_bytes!("heatmap.png");

/// The PDF written to a temporary folder, kept there while the test reads it.
struct Pdf {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn pdf_of(minutes: &WorkshopMinutes, name: &str) -> Pdf {
    let bytes = minutes_pdf(minutes).unwrap_or_else(|e| panic!("{} ({})", e, e.code()));
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF: {:?}", &bytes[..8]);
    if let Some(dir) = std::env::var_os("MINUTES_SAMPLE_DIR") {
        std::fs::create_dir_all(&dir).expect("the sample folder");
        std::fs::write(Path::new(&dir).join(name), &bytes).expect("the sample");
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, &bytes).expect("the PDF written");
    Pdf { _dir: dir, path }
}

/// What a poppler tool printed; fails the test, saying how to get the tool,
/// when it is not there.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(tool);
    command.args(args).arg(pdf);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let out = command.output().unwrap_or_else(|e| {
        panic!("{tool} could not run ({e}): install poppler-utils (./x setup does)")
    });
    assert!(
        out.status.success(),
        "{tool} failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("poppler writes UTF-8")
}

impl Pdf {
    fn pages(&self) -> usize {
        let info = Command::new("pdfinfo")
            .arg(&self.path)
            .output()
            .expect("pdfinfo (poppler-utils) runs");
        let info = String::from_utf8_lossy(&info.stdout);
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("pdfinfo names the pages")
    }

    /// The text of the whole document, white space folded to single spaces
    /// (where a line wraps depends on the layout, not on what it says).
    /// In the order it is drawn: a table row by row, a row cell by cell.
    fn text(&self) -> String {
        fold(&poppler(
            "pdftotext",
            &["-raw", "-enc", "UTF-8"],
            &self.path,
        ))
    }

    /// The text of page `n` (1-based), as laid out.
    fn page(&self, n: usize) -> String {
        let n = n.to_string();
        poppler(
            "pdftotext",
            &["-layout", "-enc", "UTF-8", "-f", &n, "-l", &n],
            &self.path,
        )
    }

    /// Every line of the document in the order drawn (the cells of a
    /// table's row on one line, left to right).
    fn lines(&self) -> Vec<String> {
        poppler("pdftotext", &["-raw", "-enc", "UTF-8"], &self.path)
            .lines()
            .map(fold)
            .collect()
    }
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_minutes_say_who_met_what_they_agreed_and_what_is_left_to_do() {
    let minutes = finance_workshop();
    let pdf = pdf_of(&minutes, "finance-workshop-minutes.pdf");
    let text = pdf.text();

    for expected in [
        ASSESSMENT,
        "Finance BIA workshop",
        "Thursday 3 December 2026",
        "Board room, Southampton head office",
        "Priya Natarajan",
        "Tom Reilly",
    ] {
        assert!(text.contains(expected), "the minutes lack {expected:?}");
    }
    for p in &minutes.participants {
        for field in [&p.name, &p.role, &p.unit] {
            assert!(
                text.contains(field.as_str()),
                "participant {field:?} missing"
            );
        }
    }
    assert!(
        text.contains("Rachel Summers Procurement Lead Procurement Absent"),
        "an absent participant reads as absent in her row"
    );
    assert!(
        text.contains("34 min over time"),
        "Payroll's overrun is marked"
    );
    for a in &minutes.actions {
        assert!(text.contains(&a.text), "action {:?} missing", a.text);
        assert!(text.contains(&a.owner), "owner {:?} missing", a.owner);
    }
    for c in &minutes.changes {
        assert!(text.contains(&c.what), "change {:?} missing", c.what);
    }
}

#[test]
fn each_process_reads_with_its_own_agreed_objectives() {
    let minutes = finance_workshop();
    let pdf = pdf_of(&minutes, "objectives.pdf");
    let lines = pdf.lines();
    // The Agreed values section, process by process: the RTO row read after a
    // process's heading is that process's (the RTOs differ: 3 d, 1 d, 1 w).
    let agreed = lines
        .iter()
        .position(|l| l == "Agreed values")
        .expect("an Agreed values section");
    let mut found = Vec::new();
    let mut process = None;
    for (i, line) in lines.iter().enumerate().skip(agreed) {
        if let Some(p) = minutes.processes.iter().find(|p| line == &p.process) {
            process = Some(p);
        }
        let Some(p) = process else { continue };
        if let Some(rest) = line.strip_prefix("RTO ") {
            let expected = format!("{} RPO {}", p.rto, p.rpo);
            assert_eq!(rest, expected, "the RTO/RPO row of {}", p.process);
            found.push(p.process.as_str());
        }
        if let Some(rest) = line.strip_prefix("MTPD ") {
            assert_eq!(rest, p.mtpd, "the MTPD of {}", p.process);
            assert!(
                p.mtpd_reason.starts_with(&lines[i + 1]),
                "the MTPD of {} with its reason under it: {:?}",
                p.process,
                lines[i + 1]
            );
        }
    }
    assert_eq!(found, ["Accounts payable", "Payroll", "Month-end close"]);
}

#[test]
fn every_page_names_the_assessment_and_counts_the_pages() {
    let mut minutes = finance_workshop();
    minutes.heatmap_png = Some(HEATMAP_PNG.to_vec());
    let pdf = pdf_of(&minutes, "finance-workshop-minutes-with-heatmap.pdf");
    let pages = pdf.pages();
    assert!(pages >= 3, "the workshop fills several pages, not {pages}");
    for n in 1..=pages {
        let page = pdf.page(n);
        let first = page.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            first.contains(ASSESSMENT),
            "page {n} opens with the assessment's name, not {first:?}"
        );
        let last = page.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            last.trim_end().ends_with(&format!("Page {n} of {pages}")),
            "page {n}'s footer: {last:?}"
        );
    }
}

#[test]
fn the_heatmap_is_shown_when_given_and_its_section_left_out_when_not() {
    let mut minutes = finance_workshop();
    let without = pdf_of(&minutes, "without-heatmap.pdf").text();
    assert!(!without.contains("Impact over time"));

    minutes.heatmap_png = Some(HEATMAP_PNG.to_vec());
    let with = pdf_of(&minutes, "with-heatmap.pdf");
    assert!(
        with.text().contains("Impact over time"),
        "the heatmap's section"
    );
    // pdfimages lists the pictures: one, the heatmap at its own size.
    let listed = poppler("pdfimages", &["-list"], &with.path);
    let images: Vec<&str> = listed.lines().skip(2).collect();
    assert_eq!(images.len(), 1, "{listed}");
    let columns: Vec<&str> = images[0].split_whitespace().collect();
    assert_eq!(
        columns[3..5],
        ["900", "290"],
        "the heatmap's pixels: {listed}"
    );
}

#[test]
fn typed_text_comes_out_verbatim_whatever_markup_it_looks_like() {
    // Every character Typst, Markdown or LaTeX give a meaning, and names beyond ASCII.
    let tricky = r#"#set page(width: 1cm) $x^2$ *bold* _em_ <label> @ref [link] C:\temp\ -- ... "quoted" it's"#;
    let mut minutes = finance_workshop();
    minutes.assessment = "Łódź site — BIA #2 [draft]".into();
    minutes.title = format!("Finance {tricky}");
    minutes.place = "Łódź site, ul. Piotrkowska 104".into();
    minutes.participants[0].name = "Zoë Müller".into();
    minutes.participants[1].name = "François Ødegård-Śliwa".into();
    minutes.processes[0].rationale = tricky.into();
    minutes.actions[0].text = format!("Ask @treasury about $500k #hold {tricky}");
    minutes.changes[0].what = r"RTO of A\B_C*: 1 w → 3 d".into();

    let pdf = pdf_of(&minutes, "verbatim.pdf");
    let text = pdf.text();
    for expected in [
        "Łódź site — BIA #2 [draft]",
        &format!("Finance {tricky}"),
        "Łódź site, ul. Piotrkowska 104",
        "Zoë Müller",
        "François Ødegård-Śliwa",
        &format!("Ask @treasury about $500k #hold {tricky}"),
        r"RTO of A\B_C*: 1 w → 3 d",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} does not come out as typed in:\n{text}"
        );
    }
    assert!(
        pdf.page(1)
            .lines()
            .next()
            .unwrap_or("")
            .contains("Łódź site"),
        "the header too"
    );
}

#[test]
fn long_unbroken_text_stays_inside_the_page() {
    let mut minutes = finance_workshop();
    let long = format!(
        "https://intranet.harbourline.example/finance/{}",
        "x".repeat(240)
    );
    minutes.actions[1].text = long.clone();
    minutes.processes[2].rationale = "Reconciliation".repeat(30);
    let pdf = pdf_of(&minutes, "long-text.pdf");
    // Every word's box, in points: none may pass the right margin.
    let boxes = poppler("pdftotext", &["-bbox"], &pdf.path);
    let page_width: f64 = attribute(&boxes, "<page ", "width").expect("a page width");
    let mut words = 0;
    for line in boxes
        .lines()
        .filter(|l| l.trim_start().starts_with("<word "))
    {
        let x_max = attribute(line, "<word ", "xMax").expect("a word's right edge");
        assert!(
            x_max <= page_width - 36.0,
            "a word reaches {x_max:.0} pt on a page {page_width:.0} pt wide: {line}"
        );
        words += 1;
    }
    assert!(words > 300, "the words were read ({words})");
    let text = pdf.text().replace(' ', "");
    assert!(
        text.contains(&long),
        "the long text is all there, broken where it must be"
    );
}

/// The number in `name="…"` of the first element starting `element`.
fn attribute(text: &str, element: &str, name: &str) -> Option<f64> {
    let at = text.find(element)?;
    let rest = &text[at..];
    let start = rest.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = rest[start..].find('"')? + start;
    rest[start..end].parse().ok()
}

#[test]
fn empty_minutes_still_make_a_document() {
    let pdf = pdf_of(&WorkshopMinutes::default(), "empty.pdf");
    let text = pdf.text();
    assert!(text.contains("No participants were recorded."), "{text}");
    assert!(text.contains("No actions or open questions were recorded."));
    assert!(text.contains("Page 1 of 1"));
}

#[test]
fn a_heatmap_that_is_no_png_is_refused_with_its_code() {
    let mut minutes = finance_workshop();
    minutes.heatmap_png = Some(b"<svg>not a PNG</svg>".to_vec());
    let error = minutes_pdf(&minutes).expect_err("a picture that is not a PNG cannot be shown");
    assert_eq!(error.code(), "document_picture", "{error}");
    let mut truncated = HEATMAP_PNG[..HEATMAP_PNG.len() / 2].to_vec();
    minutes.heatmap_png = Some(std::mem::take(&mut truncated));
    let error = minutes_pdf(&minutes).expect_err("half a PNG cannot be shown");
    assert_eq!(error.code(), "document_picture", "{error}");
}
