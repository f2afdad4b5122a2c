//! The questionnaire workbook sent to a process owner (issue 18): an
//! Instructions sheet (what to do, the processes, the scale, what each
//! level means per category, the horizons and the terms), one form-like
//! sheet per process (facts to read; details, the impact grid, the
//! recovery objectives and new dependencies to answer, a comment box after
//! each section) and a very hidden data sheet the reader finds by its
//! marker.
//!
//! Answer cells are unlocked, shaded and bordered; everything else is
//! locked, each sheet protected without a password. Every answer cell has
//! a workbook-level defined name (`BIA_P1_RTO`, `BIA_P2_S3_5`,
//! `BIA_P1_DEP4_KIND`): Excel and LibreOffice move a name with its cell
//! when rows are inserted and keep it right when sheets are renamed, so the
//! reader (`import::questionnaire`) finds each answer through it. The data
//! sheet lists, per answer cell, the process, the sheet and cell as
//! written, the key, the name, the value as sent and the labels of its row
//! and column (the reader's fallback when names are lost); each process
//! sheet also carries its process id in a hidden cell (`A1`).
//!
//! Like the other workbooks, user text is always written as string cells
//! (a process called `=cmd|…` stays text) and cut at Excel's cell limit.
//! It lays out a [`QuestionnaireForm`] whose values are already text; it
//! reads nothing back and decides nothing.

use std::collections::HashSet;
use std::path::Path;

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Formula,
    IgnoreError, ProtectionOptions, Url, Workbook, Worksheet,
};

use super::sheet::{ACCENT, CELL_LIMIT, Formats, cell_name, cut, escape_header, xlsx};
use super::{ExportError as Error, Result, temp_path};
use crate::layout::questionnaire as layout;
use bia_model::{
    ASKED_OBJECTIVES, AnswerKey, DetailField, FormLevel, FormProcess, NEW_DEPENDENCY_ROWS,
    ObjectiveField, QuestionnaireForm, Section,
};

/// Excel's limits on a sheet name, a validation's input title and message.
const SHEET_NAME_LIMIT: usize = 31;
const INPUT_TITLE_LIMIT: usize = 32;
const INPUT_MESSAGE_LIMIT: usize = 255;

/// The label column's width, and the fewest content columns a process
/// sheet has (the dependency table needs six).
const LABEL_WIDTH: f64 = 30.0;
const MIN_CONTENT_COLUMNS: u16 = 6;
/// The columns of the definitions table on the Instructions sheet.
const DEFINITION_WIDTH: f64 = 24.0;
/// Points per line of 10-point text, and a row's padding.
const LINE_HEIGHT: f64 = 13.0;
const PADDING: f64 = 4.0;

/// The MBCO dropdown: typed percentages are welcome too.
const MBCO_CHOICES: [&str; 7] = ["0 %", "10 %", "25 %", "50 %", "75 %", "90 %", "100 %"];

/// The lists the dropdowns offer, kept on the data sheet under these names.
const LIST_LEVELS: &str = "BIA_LIST_LEVELS";
const LIST_DURATIONS: &str = "BIA_LIST_DURATIONS";
const LIST_KINDS: &str = "BIA_LIST_KINDS";
const LIST_MBCO: &str = "BIA_LIST_MBCO";
/// The data sheet's first list column (K).
const LIST_COLUMN: u16 = 10;

/// The questionnaire as a workbook, ready to save.
pub fn questionnaire_workbook(form: &QuestionnaireForm) -> Result<Workbook> {
    let f = QFormats::new();
    let mut workbook = Workbook::new();
    workbook
        .set_default_format(&Formats::base(), 18, 56)
        .map_err(xlsx)?;
    let names = sheet_names(form);
    let mut data = Vec::new();
    let mut defined = Vec::new();
    instructions(workbook.add_worksheet(), form, &names, &f)?;
    for (i, process) in form.processes.iter().enumerate() {
        let mut page = Page {
            ws: workbook.add_worksheet(),
            f: &f,
            form,
            process,
            number: i + 1,
            sheet: &names[i],
            last: content_columns(form) + 1,
            row: 0,
            data: &mut data,
            defined: &mut defined,
        };
        page.write()?;
    }
    let lists = data_sheet(workbook.add_worksheet(), form, &data)?;
    for (name, formula) in defined.iter().chain(&lists) {
        workbook.define_name(name, formula).map_err(xlsx)?;
    }
    Ok(workbook)
}

/// Writes the questionnaire to `path` (.xlsx), through a hidden temporary
/// file beside it, so a failure leaves nothing behind.
pub fn write_questionnaire(form: &QuestionnaireForm, path: &Path) -> Result<()> {
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !is_xlsx {
        return Err(Error::Format {
            path: path.to_path_buf(),
        });
    }
    let failed = |message: String| Error::Write {
        path: path.to_path_buf(),
        message,
    };
    let bytes = questionnaire_workbook(form)
        .and_then(|mut w| w.save_to_buffer().map_err(xlsx))
        .map_err(|e| match e {
            Error::Write { message, .. } => failed(message),
            other => other,
        })?;
    let temp = temp_path(path);
    std::fs::write(&temp, &bytes)
        .and_then(|()| std::fs::rename(&temp, path))
        .map_err(|source| {
            let _ = std::fs::remove_file(&temp);
            Error::Io {
                path: path.to_path_buf(),
                source,
            }
        })
}

/// The formats of the questionnaire, made once.
struct QFormats {
    title: Format,
    subtitle: Format,
    section: Format,
    hint: Format,
    label: Format,
    text: Format,
    header: Format,
    link: Format,
    answer: Format,
    answer_center: Format,
}

/// The pale fill and border of a cell to fill in.
const ANSWER_FILL: u32 = 0xfff8dc;
const ANSWER_BORDER: u32 = 0x9aa5b1;
const MUTED: u32 = 0x4b5563;

impl QFormats {
    fn new() -> QFormats {
        let base = Formats::base();
        let answer = base
            .clone()
            .set_unlocked()
            .set_num_format("@")
            .set_text_wrap()
            .set_background_color(ANSWER_FILL)
            .set_border(FormatBorder::Thin)
            .set_border_color(ANSWER_BORDER);
        QFormats {
            title: base
                .clone()
                .set_bold()
                .set_font_size(16)
                .set_font_color(ACCENT),
            subtitle: base.clone().set_font_color(0x6b7280),
            section: base
                .clone()
                .set_bold()
                .set_font_size(12)
                .set_font_color(ACCENT)
                .set_border_bottom(FormatBorder::Thin)
                .set_border_color(ACCENT),
            hint: base
                .clone()
                .set_italic()
                .set_font_color(MUTED)
                .set_text_wrap(),
            label: base.clone().set_bold().set_text_wrap(),
            text: base.clone().set_text_wrap(),
            header: base
                .clone()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(ACCENT)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::White),
            link: base
                .set_font_color(0x1d4ed8)
                .set_underline(rust_xlsxwriter::FormatUnderline::Single),
            answer_center: answer.clone().set_align(FormatAlign::Center),
            answer,
        }
    }
}

/// One row of the data sheet: an answer cell as written.
struct DataRow {
    process: usize,
    key: String,
    name: String,
    cell: String,
    sent: String,
    row_label: String,
    column_label: String,
}

/// The content columns of a process sheet (C onwards): one per horizon.
fn content_columns(form: &QuestionnaireForm) -> u16 {
    (form.horizons.len() as u16).max(MIN_CONTENT_COLUMNS)
}

/// `text` whole, or cut at Excel's cell limit with a marker.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    cut(text, CELL_LIMIT).map_or(text.into(), Into::into)
}

/// `text` cut to `limit` UTF-16 units, with an ellipsis when cut.
fn shorten(text: &str, limit: usize) -> String {
    if text.encode_utf16().count() <= limit {
        return text.to_string();
    }
    let mut kept = 0;
    let mut out = String::new();
    for c in text.chars() {
        kept += c.len_utf16();
        if kept > limit.saturating_sub(1) {
            break;
        }
        out.push(c);
    }
    out.trim_end().to_string() + "…"
}

/// How many lines `text` takes in a column `width` characters wide.
fn lines(text: &str, width: f64) -> usize {
    // Calibri 10 fits about 1.1 characters per unit of width.
    let per_line = ((width * 1.1) as usize).max(1);
    text.lines()
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum::<usize>()
        .max(1)
}

fn height(lines: usize) -> f64 {
    lines.min(40) as f64 * LINE_HEIGHT + PADDING
}

/// A sheet name for each process, as Excel allows: at most 31
/// characters, none of `[]:*?/\`, not starting or ending with `'`, unique
/// whatever the case, never Excel's "History" nor this workbook's own.
fn sheet_names(form: &QuestionnaireForm) -> Vec<String> {
    let mut taken: HashSet<String> = [layout::INSTRUCTIONS, layout::DATA_SHEET, layout::RESERVED]
        .iter()
        .map(|s| s.to_lowercase())
        .collect();
    form.processes
        .iter()
        .map(|p| {
            let clean: String = p
                .name
                .chars()
                .map(|c| match c {
                    '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '-',
                    c if c.is_control() => ' ',
                    c => c,
                })
                .collect();
            let clean = clean.trim().trim_matches('\'').trim();
            let base = if clean.is_empty() { "Process" } else { clean };
            let mut n = 1;
            loop {
                let suffix = if n == 1 {
                    String::new()
                } else {
                    format!(" ({n})")
                };
                let room = SHEET_NAME_LIMIT - suffix.chars().count();
                let stem: String = base.chars().take(room).collect();
                let name = format!("{}{suffix}", stem.trim_end().trim_end_matches('\''));
                if taken.insert(name.to_lowercase()) {
                    return name;
                }
                n += 1;
            }
        })
        .collect()
}

/// `'Accounts payable'!$C$12`.
fn absolute(sheet: &str, row: u32, col: u16) -> String {
    let cell = cell_name(row, col);
    let split = cell.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    format!(
        "'{}'!${}${}",
        sheet.replace('\'', "''"),
        &cell[..split],
        &cell[split..]
    )
}

fn page_setup(ws: &mut Worksheet, landscape: bool, header: &str, footer: &str) {
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_header(format!("&L&8{}", escape_header(header)));
    ws.set_footer(format!("&L&8{}&R&8Page &P of &N", escape_header(footer)));
    ws.set_screen_gridlines(false);
}

fn protection() -> ProtectionOptions {
    ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        ..ProtectionOptions::default()
    }
}

/// "Harbourline Logistics — BIA 2026 · Harbourline Logistics".
fn assessment_line(form: &QuestionnaireForm) -> String {
    [form.assessment_name.as_str(), form.organisation.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A row of text across the sheet, wrapped, as tall as it needs.
fn paragraph(
    ws: &mut Worksheet,
    row: u32,
    (first, last): (u16, u16),
    text: &str,
    format: &Format,
    width: f64,
) -> Result<()> {
    let text = fit(text);
    if first == last {
        ws.write_string_with_format(row, first, text.as_ref(), format)
    } else {
        ws.merge_range(row, first, row, last, text.as_ref(), format)
    }
    .map_err(xlsx)?;
    let n = lines(&text, width);
    if n > 1 {
        ws.set_row_height(row, height(n)).map_err(xlsx)?;
    }
    Ok(())
}

fn instructions(
    ws: &mut Worksheet,
    form: &QuestionnaireForm,
    names: &[String],
    f: &QFormats,
) -> Result<()> {
    ws.set_name(layout::INSTRUCTIONS).map_err(xlsx)?;
    let columns = (form.scale.len() as u16).max(5);
    let last = 1 + columns;
    let across = (1, last);
    let wide = LABEL_WIDTH + DEFINITION_WIDTH * f64::from(columns);
    ws.set_column_width(0, 2).map_err(xlsx)?;
    ws.set_column_width(1, LABEL_WIDTH).map_err(xlsx)?;
    ws.set_column_range_width(2, last, DEFINITION_WIDTH)
        .map_err(xlsx)?;
    ws.write_string_with_format(0, 1, "Business impact analysis — questionnaire", &f.title)
        .map_err(xlsx)?;
    ws.set_row_height(0, 24).map_err(xlsx)?;
    ws.write_string_with_format(1, 1, fit(&assessment_line(form)).as_ref(), &f.subtitle)
        .map_err(xlsx)?;
    let mut row = 3;
    for (label, value) in [
        ("For", form.recipient.as_str()),
        ("Sent on", form.sent_on.as_str()),
        ("Please return by", form.due.as_str()),
        ("Return to", form.return_to.as_str()),
    ] {
        ws.write_string_with_format(row, 1, label, &f.label)
            .map_err(xlsx)?;
        paragraph(ws, row, (2, last), value, &f.text, wide - LABEL_WIDTH)?;
        row += 1;
    }

    row += 1;
    ws.merge_range(row, 1, row, last, "What to do", &f.section)
        .map_err(xlsx)?;
    row += 1;
    let return_to = if form.return_to.is_empty() {
        "the person who sent it".to_string()
    } else {
        form.return_to.clone()
    };
    let by = if form.due.is_empty() {
        String::new()
    } else {
        format!(" by {}", form.due)
    };
    let steps = [
        "Each process you answer for has its own sheet (listed below). Fill in the shaded cells; \
         the rest is there to read."
            .to_string(),
        "Where a cell has a dropdown, pick from it, or type your own answer: a level's number, \
         or a duration such as \"6 hours\"."
            .to_string(),
        "The values already filled in are what we hold today: change them where they are wrong, \
         leave them where they are right."
            .to_string(),
        "If you do not know, leave the cell empty. An empty cell means \"no answer\": it never \
         clears a value we already hold."
            .to_string(),
        "Add dependencies we do not know of in the empty rows under the known ones: the kind, \
         the name, and a note on how critical it is."
            .to_string(),
        "Anything else goes in the comment box under each section.".to_string(),
        format!(
            "Save the file and send the same file back to {return_to}{by}. You may rename the \
             file and the sheets or insert rows; please do not delete rows or sheets (a hidden \
             sheet lets us read your answers)."
        ),
    ];
    for (i, step) in steps.iter().enumerate() {
        ws.write_string_with_format(row, 1, format!("{}.", i + 1), &f.label)
            .map_err(xlsx)?;
        paragraph(ws, row, (2, last), step, &f.text, wide - LABEL_WIDTH)?;
        row += 1;
    }

    row += 1;
    ws.merge_range(row, 1, row, last, "Processes in this workbook", &f.section)
        .map_err(xlsx)?;
    row += 1;
    for (p, sheet) in form.processes.iter().zip(names) {
        let link = Url::new(format!("internal:'{}'!B1", sheet.replace('\'', "''")))
            .set_text(fit(&p.name).as_ref());
        ws.write_url_with_format(row, 1, link, &f.link)
            .map_err(xlsx)?;
        row += 1;
    }

    row += 1;
    ws.merge_range(row, 1, row, last, "Time horizons", &f.section)
        .map_err(xlsx)?;
    row += 1;
    let horizons = form
        .horizons
        .iter()
        .map(|h| h.label.as_str())
        .collect::<Vec<_>>()
        .join(" · ");
    paragraph(
        ws,
        row,
        across,
        &format!("The impact is asked at these times after the process stops: {horizons}."),
        &f.text,
        wide,
    )?;
    row += 1;

    if !form.terms.is_empty() {
        row += 1;
        ws.merge_range(row, 1, row, last, "Terms", &f.section)
            .map_err(xlsx)?;
        row += 1;
        for term in &form.terms {
            ws.write_string_with_format(row, 1, fit(&term.term).as_ref(), &f.label)
                .map_err(xlsx)?;
            paragraph(
                ws,
                row,
                (2, last),
                &term.meaning,
                &f.text,
                wide - LABEL_WIDTH,
            )?;
            row += 1;
        }
    }
    row += 1;
    ws.merge_range(row, 1, row, last, "The scale", &f.section)
        .map_err(xlsx)?;
    row += 1;
    ws.write_string_with_format(row, 1, "Level", &f.header)
        .map_err(xlsx)?;
    ws.write_string_with_format(row, 2, "Name", &f.header)
        .map_err(xlsx)?;
    row += 1;
    for level in &form.scale {
        ws.write_string_with_format(row, 1, level.value.to_string(), &f.label)
            .map_err(xlsx)?;
        ws.write_string_with_format(row, 2, fit(&level.name).as_ref(), &f.text)
            .map_err(xlsx)?;
        row += 1;
    }

    row += 1;
    ws.merge_range(
        row,
        1,
        row,
        last,
        "What each level means, by category",
        &f.section,
    )
    .map_err(xlsx)?;
    row += 1;
    ws.write_string_with_format(row, 1, "Category", &f.header)
        .map_err(xlsx)?;
    for (i, level) in form.scale.iter().enumerate() {
        ws.write_string_with_format(row, 2 + i as u16, fit(&level.choice()).as_ref(), &f.header)
            .map_err(xlsx)?;
    }
    row += 1;
    for category in &form.categories {
        ws.write_string_with_format(row, 1, fit(&category.name).as_ref(), &f.label)
            .map_err(xlsx)?;
        let mut tallest = lines(&category.name, LABEL_WIDTH);
        for (i, level) in form.scale.iter().enumerate() {
            let definition = definition(category, level.value);
            ws.write_string_with_format(row, 2 + i as u16, fit(definition).as_ref(), &f.text)
                .map_err(xlsx)?;
            tallest = tallest.max(lines(definition, DEFINITION_WIDTH));
        }
        ws.set_row_height(row, height(tallest)).map_err(xlsx)?;
        row += 1;
    }

    page_setup(ws, true, &assessment_line(form), layout::INSTRUCTIONS);
    ws.protect_with_options(&protection());
    ws.set_active(true);
    Ok(())
}

/// What `level` means in `category` ("" when not defined).
fn definition(category: &bia_model::FormCategory, level: u8) -> &str {
    category
        .definitions
        .iter()
        .find(|(v, _)| *v == level)
        .map_or("", |(_, d)| d.as_str())
}

/// A category's levels as a cell's input message, within Excel's 255
/// characters: "3 Moderate: …", each definition shortened alike as needed.
fn input_message(category: &bia_model::FormCategory, scale: &[FormLevel]) -> String {
    let heads: Vec<String> = scale
        .iter()
        .map(|l| format!("{} {}", l.value, l.name))
        .collect();
    let defs: Vec<&str> = scale
        .iter()
        .map(|l| definition(category, l.value).trim())
        .collect();
    let compose = |cap: usize| {
        heads
            .iter()
            .zip(&defs)
            .map(|(head, def)| {
                if def.is_empty() {
                    head.clone()
                } else {
                    format!("{head}: {}", shorten(def, cap))
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let longest = defs
        .iter()
        .map(|d| d.encode_utf16().count())
        .max()
        .unwrap_or(0);
    (2..=longest)
        .rev()
        .map(compose)
        .find(|m| m.encode_utf16().count() <= INPUT_MESSAGE_LIMIT)
        .unwrap_or_else(|| shorten(&compose(1), INPUT_MESSAGE_LIMIT))
}

/// One process's sheet being written, top to bottom.
struct Page<'a> {
    ws: &'a mut Worksheet,
    f: &'a QFormats,
    form: &'a QuestionnaireForm,
    process: &'a FormProcess,
    /// From 1: the `P<n>` of its defined names.
    number: usize,
    sheet: &'a str,
    /// The last content column.
    last: u16,
    row: u32,
    data: &'a mut Vec<DataRow>,
    defined: &'a mut Vec<(String, String)>,
}

/// Where the columns are: labels in B, content from C.
const FIRST: u16 = 2;

impl Page<'_> {
    fn width(&self, first: u16, last: u16) -> f64 {
        f64::from(last - first + 1) * self.column_width()
    }

    fn column_width(&self) -> f64 {
        let longest = self
            .form
            .scale
            .iter()
            .map(|l| l.choice().chars().count())
            .chain(self.form.horizons.iter().map(|h| h.label.chars().count()))
            .max()
            .unwrap_or(0);
        ((longest + 3) as f64).clamp(13.0, 20.0)
    }

    fn sent(&self, key: &str) -> &str {
        self.process
            .values
            .iter()
            .find(|v| v.key == key)
            .map_or("", |v| v.value.as_str())
    }

    fn write(&mut self) -> Result<()> {
        self.ws.set_name(self.sheet).map_err(xlsx)?;
        self.ws.set_column_width(0, 4).map_err(xlsx)?;
        self.ws.set_column_hidden(0).map_err(xlsx)?;
        self.ws.set_column_width(1, LABEL_WIDTH).map_err(xlsx)?;
        let cw = self.column_width();
        self.ws
            .set_column_range_width(FIRST, self.last, cw)
            .map_err(xlsx)?;
        let tag = format!("{}{}", layout::PROCESS_TAG, self.process.process_id);
        self.ws.write_string(0, 0, &tag).map_err(xlsx)?;
        self.ws
            .write_string_with_format(0, 1, fit(&self.process.name).as_ref(), &self.f.title)
            .map_err(xlsx)?;
        self.ws.set_row_height(0, 24).map_err(xlsx)?;
        let mut subtitle = assessment_line(self.form);
        if !self.form.recipient.is_empty() {
            subtitle.push_str(&format!(" — for {}", self.form.recipient));
        }
        if !self.form.due.is_empty() {
            subtitle.push_str(&format!(", please return by {}", self.form.due));
        }
        self.ws
            .write_string_with_format(1, 1, fit(&subtitle).as_ref(), &self.f.subtitle)
            .map_err(xlsx)?;
        self.row = 3;
        self.facts()?;
        self.details()?;
        self.impact()?;
        self.objectives()?;
        self.dependencies()?;
        self.ws
            .ignore_error_range(0, 0, self.row, self.last, IgnoreError::NumberStoredAsText)
            .map_err(xlsx)?;
        let landscape = self.last - FIRST + 1 > MIN_CONTENT_COLUMNS;
        page_setup(
            self.ws,
            landscape,
            &assessment_line(self.form),
            &self.process.name,
        );
        self.ws.protect_with_options(&protection());
        Ok(())
    }

    fn heading(&mut self, text: &str, hint: &str) -> Result<()> {
        self.ws
            .merge_range(self.row, 1, self.row, self.last, text, &self.f.section)
            .map_err(xlsx)?;
        self.ws.set_row_height(self.row, 20).map_err(xlsx)?;
        self.row += 1;
        if !hint.is_empty() {
            let width = LABEL_WIDTH + self.width(FIRST, self.last);
            paragraph(self.ws, self.row, (1, self.last), hint, &self.f.hint, width)?;
            self.row += 1;
        }
        Ok(())
    }

    fn label(&mut self, row: u32, text: &str) -> Result<()> {
        self.ws
            .write_string_with_format(row, 1, fit(text).as_ref(), &self.f.label)
            .map_err(xlsx)?;
        Ok(())
    }

    /// An answer cell (merged across `first..=last` when wider than one),
    /// showing `shown`, recorded on the data sheet with the value as sent
    /// and given its defined name.
    #[allow(clippy::too_many_arguments)]
    fn answer(
        &mut self,
        (first, last): (u16, u16),
        key: &str,
        name: &str,
        shown: &str,
        row_label: &str,
        column_label: &str,
        centered: bool,
    ) -> Result<()> {
        let format = if centered {
            &self.f.answer_center
        } else {
            &self.f.answer
        };
        let text = fit(shown);
        if first == last {
            self.ws
                .write_string_with_format(self.row, first, text.as_ref(), format)
        } else {
            self.ws
                .merge_range(self.row, first, self.row, last, text.as_ref(), format)
        }
        .map_err(xlsx)?;
        let name = format!("BIA_P{}_{name}", self.number);
        self.defined.push((
            name.clone(),
            format!("={}", absolute(self.sheet, self.row, first)),
        ));
        let sent = if key.starts_with("dependency:") {
            String::new()
        } else {
            self.sent(key).to_string()
        };
        self.data.push(DataRow {
            process: self.number - 1,
            key: key.to_string(),
            name,
            cell: cell_name(self.row, first),
            sent,
            row_label: row_label.to_string(),
            column_label: column_label.to_string(),
        });
        Ok(())
    }

    /// A labelled answer across the content columns, `min_lines` tall at
    /// least (taller when its text needs it).
    fn field(&mut self, key: &str, name: &str, label: &str, min_lines: usize) -> Result<()> {
        let value = self.sent(key).to_string();
        self.label(self.row, label)?;
        self.answer((FIRST, self.last), key, name, &value, label, "", false)?;
        let n = lines(&value, self.width(FIRST, self.last))
            .max(min_lines)
            .max(lines(label, LABEL_WIDTH));
        self.ws.set_row_height(self.row, height(n)).map_err(xlsx)?;
        self.row += 1;
        Ok(())
    }

    fn comment(&mut self, section: Section) -> Result<()> {
        let label = comment_label(section);
        let key = AnswerKey::Comment(section).to_string();
        let name = format!("COMMENT_{}", section.key().to_uppercase());
        self.field(&key, &name, &label, 4)?;
        self.row += 1;
        Ok(())
    }

    fn facts(&mut self) -> Result<()> {
        if self.process.facts.is_empty() {
            return Ok(());
        }
        self.heading("About this process", "")?;
        for fact in &self.process.facts {
            self.label(self.row, &fact.label)?;
            let width = self.width(FIRST, self.last);
            paragraph(
                self.ws,
                self.row,
                (FIRST, self.last),
                &fact.value,
                &self.f.text,
                width,
            )?;
            self.row += 1;
        }
        self.row += 1;
        Ok(())
    }

    fn details(&mut self) -> Result<()> {
        self.heading(
            Section::Details.label(),
            "Correct anything that is wrong or missing; leave what is right as it is.",
        )?;
        for d in DetailField::ALL {
            let min_lines = if d == DetailField::Description { 3 } else { 1 };
            let name = d.key().to_uppercase();
            self.field(d.key(), &name, d.label(), min_lines)?;
        }
        self.comment(Section::Details)
    }

    fn impact(&mut self) -> Result<()> {
        self.heading(
            Section::Impact.label(),
            "For each category: how bad would it be if the process stopped for this long? Pick a \
             level from the dropdown or type its number. Selecting a cell shows what the levels \
             mean; the Instructions sheet has them in full.",
        )?;
        self.ws
            .write_string_with_format(self.row, 1, "Category", &self.f.header)
            .map_err(xlsx)?;
        for (j, h) in self.form.horizons.iter().enumerate() {
            self.ws
                .write_string_with_format(
                    self.row,
                    FIRST + j as u16,
                    fit(&h.label).as_ref(),
                    &self.f.header,
                )
                .map_err(xlsx)?;
        }
        self.row += 1;
        let horizons = self.form.horizons.len() as u16;
        for (i, category) in self.form.categories.iter().enumerate() {
            self.label(self.row, &category.name)?;
            for (j, h) in self.form.horizons.iter().enumerate() {
                let key = AnswerKey::Score {
                    category: category.id,
                    horizon: h.id,
                }
                .to_string();
                let sent = self.sent(&key);
                let shown = self
                    .form
                    .scale
                    .iter()
                    .find(|l| l.value.to_string() == sent.trim())
                    .map_or_else(|| sent.to_string(), FormLevel::choice);
                let col = FIRST + j as u16;
                self.answer(
                    (col, col),
                    &key,
                    &format!("S{}_{}", i + 1, j + 1),
                    &shown,
                    &category.name,
                    &h.label,
                    true,
                )?;
            }
            if horizons > 0 && !self.form.scale.is_empty() {
                let validation = DataValidation::new()
                    .allow_list_formula(Formula::new(format!("={LIST_LEVELS}")))
                    .set_input_title(shorten(&category.name, INPUT_TITLE_LIMIT))
                    .and_then(|v| v.set_input_message(input_message(category, &self.form.scale)))
                    .and_then(|v| v.set_error_title("Not a level of the scale"))
                    .and_then(|v| {
                        v.set_error_message(
                            "Pick a level from the list, or type its number. Keep this answer \
                             anyway?",
                        )
                    })
                    .map_err(xlsx)?
                    .set_error_style(DataValidationErrorStyle::Warning);
                self.ws
                    .add_data_validation(
                        self.row,
                        FIRST,
                        self.row,
                        FIRST + horizons - 1,
                        &validation,
                    )
                    .map_err(xlsx)?;
            }
            self.ws
                .set_row_height(self.row, height(lines(&category.name, LABEL_WIDTH)))
                .map_err(xlsx)?;
            self.row += 1;
        }
        self.row += 1;
        self.comment(Section::Impact)
    }

    fn objectives(&mut self) -> Result<()> {
        // A printed form starts the objectives on a page of their own,
        // with the dependencies after them.
        self.ws.set_page_breaks(&[self.row]).map_err(xlsx)?;
        self.heading(
            Section::Objectives.label(),
            "Pick from the dropdown or type your own (for example \"6 hours\" or \"2 days\"). \
             Leave a cell empty if you do not know.",
        )?;
        let answer_last = FIRST + 1;
        for o in ASKED_OBJECTIVES {
            let key = o.key();
            let label = objective_label(o);
            let value = self.sent(key).to_string();
            self.label(self.row, &label)?;
            self.answer(
                (FIRST, answer_last),
                key,
                &key.to_uppercase(),
                &value,
                &label,
                "",
                false,
            )?;
            let hint = self
                .form
                .terms
                .iter()
                .find(|t| t.term.eq_ignore_ascii_case(o.label()))
                .map_or_else(|| objective_hint(o).to_string(), |t| t.meaning.clone());
            let width = self.width(answer_last + 1, self.last);
            paragraph(
                self.ws,
                self.row,
                (answer_last + 1, self.last),
                &hint,
                &self.f.hint,
                width,
            )?;
            let list = if o == ObjectiveField::Mbco {
                LIST_MBCO
            } else {
                LIST_DURATIONS
            };
            let offered = if o == ObjectiveField::Mbco {
                true
            } else {
                !self.form.durations.is_empty()
            };
            if offered {
                let validation = DataValidation::new()
                    .allow_list_formula(Formula::new(format!("={list}")))
                    .set_error_title("Not in the list")
                    .and_then(|v| {
                        v.set_error_message(
                            "Any value may be typed, for example \"6 hours\" or \"30 %\". Press \
                             OK to keep it.",
                        )
                    })
                    .map_err(xlsx)?
                    .set_error_style(DataValidationErrorStyle::Information);
                self.ws
                    .add_data_validation(self.row, FIRST, self.row, answer_last, &validation)
                    .map_err(xlsx)?;
            }
            let n = lines(&label, LABEL_WIDTH).max(lines(&hint, width));
            self.ws.set_row_height(self.row, height(n)).map_err(xlsx)?;
            self.row += 1;
        }
        self.row += 1;
        self.comment(Section::Objectives)
    }

    fn dependencies(&mut self) -> Result<()> {
        self.heading(
            Section::Dependencies.label(),
            "What this process needs in order to run. Add what is missing in the empty rows: pick \
             a kind, give its name, and say in the note how critical it is.",
        )?;
        let (kind, name_first, name_last, note_first) = (FIRST, FIRST + 1, FIRST + 3, FIRST + 4);
        self.ws
            .write_string_with_format(self.row, 1, "", &self.f.header)
            .map_err(xlsx)?;
        self.ws
            .write_string_with_format(self.row, kind, "Kind", &self.f.header)
            .map_err(xlsx)?;
        self.ws
            .merge_range(
                self.row,
                name_first,
                self.row,
                name_last,
                "Name",
                &self.f.header,
            )
            .map_err(xlsx)?;
        self.ws
            .merge_range(
                self.row,
                note_first,
                self.row,
                self.last,
                "Note",
                &self.f.header,
            )
            .map_err(xlsx)?;
        self.row += 1;
        let name_width = self.width(name_first, name_last);
        let note_width = self.width(note_first, self.last);
        if self.process.dependencies.is_empty() {
            let width = self.width(FIRST, self.last);
            paragraph(
                self.ws,
                self.row,
                (FIRST, self.last),
                "None recorded yet.",
                &self.f.hint,
                width,
            )?;
            self.row += 1;
        }
        for d in &self.process.dependencies {
            self.ws
                .write_string_with_format(self.row, kind, fit(&d.kind).as_ref(), &self.f.text)
                .map_err(xlsx)?;
            self.ws
                .merge_range(
                    self.row,
                    name_first,
                    self.row,
                    name_last,
                    fit(&d.name).as_ref(),
                    &self.f.text,
                )
                .map_err(xlsx)?;
            self.ws
                .merge_range(
                    self.row,
                    note_first,
                    self.row,
                    self.last,
                    fit(&d.note).as_ref(),
                    &self.f.text,
                )
                .map_err(xlsx)?;
            let n = lines(&d.name, name_width).max(lines(&d.note, note_width));
            self.ws.set_row_height(self.row, height(n)).map_err(xlsx)?;
            self.row += 1;
        }
        let parts = layout::DEPENDENCY_PARTS;
        for n in 1..=NEW_DEPENDENCY_ROWS {
            let label = format!("New {n}");
            self.label(self.row, &label)?;
            let spans = [
                (kind, kind),
                (name_first, name_last),
                (note_first, self.last),
            ];
            for (part, span) in parts.iter().zip(spans) {
                self.answer(
                    span,
                    &layout::dependency_key(n, part),
                    &format!("DEP{n}_{}", part.to_uppercase()),
                    "",
                    &label,
                    "",
                    false,
                )?;
            }
            self.ws.set_row_height(self.row, height(2)).map_err(xlsx)?;
            self.row += 1;
        }
        if !self.form.kinds.is_empty() {
            let first_new = self.row - NEW_DEPENDENCY_ROWS as u32;
            let validation = DataValidation::new()
                .allow_list_formula(Formula::new(format!("={LIST_KINDS}")))
                .set_error_title("Not a kind in the list")
                .and_then(|v| v.set_error_message("Press OK to keep the kind you typed."))
                .map_err(xlsx)?
                .set_error_style(DataValidationErrorStyle::Information);
            self.ws
                .add_data_validation(first_new, kind, self.row - 1, kind, &validation)
                .map_err(xlsx)?;
        }
        self.row += 1;
        self.comment(Section::Dependencies)
    }
}

/// "Comments on the impact".
fn comment_label(section: Section) -> String {
    match section {
        Section::Details => "Comments on the details".into(),
        Section::Impact => "Comments on the impact".into(),
        Section::Objectives => "Comments on the objectives".into(),
        Section::Dependencies => "Comments on the dependencies".into(),
    }
}

/// "Recovery time (RTO)".
fn objective_label(o: ObjectiveField) -> String {
    let words = match o {
        ObjectiveField::Rto => "Recovery time",
        ObjectiveField::Rpo => "Data loss tolerated",
        ObjectiveField::Wrt => "Work recovery time",
        ObjectiveField::Mbco => "Minimum service level",
        ObjectiveField::MtpdOverride => "Maximum tolerable disruption",
    };
    format!("{words} ({})", o.label())
}

/// What an objective means, when the form's terms do not say.
fn objective_hint(o: ObjectiveField) -> &'static str {
    match o {
        ObjectiveField::Rto => "How soon the process must run again after it stops.",
        ObjectiveField::Rpo => "How much recent data may be lost (time since the last copy).",
        ObjectiveField::Wrt => "Time to catch up and check the work once systems are back.",
        ObjectiveField::Mbco => {
            "The share of normal output that must continue during a disruption."
        }
        ObjectiveField::MtpdOverride => {
            "How long the process can stop before the harm is unacceptable."
        }
    }
}

/// The data sheet: the marker and version, the ids, one row per answer
/// cell, and the dropdowns' lists. Returns the lists' defined names.
fn data_sheet(
    ws: &mut Worksheet,
    form: &QuestionnaireForm,
    rows: &[DataRow],
) -> Result<Vec<(String, String)>> {
    ws.set_name(layout::DATA_SHEET).map_err(xlsx)?;
    ws.write_string(0, 0, layout::MARKER).map_err(xlsx)?;
    ws.write_number(0, 1, f64::from(layout::VERSION))
        .map_err(xlsx)?;
    ws.write_string(layout::QUESTIONNAIRE_ROW, 0, "Questionnaire")
        .map_err(xlsx)?;
    ws.write_string(
        layout::QUESTIONNAIRE_ROW,
        1,
        form.questionnaire_id.to_string(),
    )
    .map_err(xlsx)?;
    ws.write_string(layout::ASSESSMENT_ROW, 0, "Assessment")
        .map_err(xlsx)?;
    ws.write_string(layout::ASSESSMENT_ROW, 1, form.assessment_id.to_string())
        .map_err(xlsx)?;
    for (c, h) in layout::COLUMNS.iter().enumerate() {
        ws.write_string(layout::HEADER_ROW, c as u16, *h)
            .map_err(xlsx)?;
    }
    let names = sheet_names(form);
    for (i, r) in rows.iter().enumerate() {
        let row = layout::FIRST_ROW + i as u32;
        let p = &form.processes[r.process];
        let cells = [
            p.process_id.to_string(),
            p.name.clone(),
            names[r.process].clone(),
            r.key.clone(),
            r.name.clone(),
            r.cell.clone(),
            r.sent.clone(),
            r.row_label.clone(),
            r.column_label.clone(),
        ];
        for (c, text) in cells.iter().enumerate() {
            ws.write_string(row, c as u16, fit(text).as_ref())
                .map_err(xlsx)?;
        }
    }
    let levels: Vec<String> = form.scale.iter().map(FormLevel::choice).collect();
    let mbco: Vec<String> = MBCO_CHOICES.iter().map(|s| s.to_string()).collect();
    let lists = [
        (LIST_LEVELS, "Levels", &levels),
        (LIST_DURATIONS, "Durations", &form.durations),
        (LIST_KINDS, "Kinds", &form.kinds),
        (LIST_MBCO, "MBCO", &mbco),
    ];
    let mut defined = Vec::new();
    for (i, (name, header, items)) in lists.into_iter().enumerate() {
        let col = LIST_COLUMN + i as u16;
        ws.write_string(layout::HEADER_ROW, col, header)
            .map_err(xlsx)?;
        for (j, item) in items.iter().enumerate() {
            ws.write_string(layout::FIRST_ROW + j as u32, col, fit(item).as_ref())
                .map_err(xlsx)?;
        }
        if !items.is_empty() {
            let first = absolute(layout::DATA_SHEET, layout::FIRST_ROW, col);
            let end = cell_name(layout::FIRST_ROW + items.len() as u32 - 1, col);
            let split = end.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            defined.push((
                name.to_string(),
                format!("={first}:${}${}", &end[..split], &end[split..]),
            ));
        }
    }
    ws.set_very_hidden(true);
    Ok(defined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bia_model::{FormCategory, Id};

    fn form_of(names: &[&str]) -> QuestionnaireForm {
        QuestionnaireForm {
            questionnaire_id: Id::new(),
            assessment_id: Id::new(),
            assessment_name: String::new(),
            organisation: String::new(),
            recipient: String::new(),
            sent_on: String::new(),
            due: String::new(),
            return_to: String::new(),
            scale: Vec::new(),
            categories: Vec::new(),
            horizons: Vec::new(),
            durations: Vec::new(),
            kinds: Vec::new(),
            terms: Vec::new(),
            processes: names
                .iter()
                .map(|n| FormProcess {
                    process_id: Id::new(),
                    name: n.to_string(),
                    facts: Vec::new(),
                    values: Vec::new(),
                    dependencies: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn sheet_names_follow_excels_rules() {
        let names = sheet_names(&form_of(&[
            "Accounts payable",
            "accounts PAYABLE",
            "'Quoted'",
            "Q4: close [draft]*?/\\",
            "History",
            "instructions",
            "A process whose name is far longer than a tab may be",
            "A process whose name is far longer than a tab can be",
            "",
        ]));
        assert_eq!(
            names,
            [
                "Accounts payable",
                "accounts PAYABLE (2)",
                "Quoted",
                "Q4- close -draft-----",
                "History (2)",
                "instructions (2)",
                "A process whose name is far lon",
                "A process whose name is far (2)",
                "Process",
            ]
        );
    }

    #[test]
    fn a_categorys_levels_fit_a_cells_input_message() {
        let scale: Vec<FormLevel> = ["None", "Minor", "Moderate", "Major", "Severe", "Critical"]
            .iter()
            .enumerate()
            .map(|(v, n)| FormLevel {
                value: v as u8,
                name: n.to_string(),
            })
            .collect();
        let long = "A fine or enforcement action by the regulator, with the board told and the \
                    auditors asked to report on the controls that failed";
        let category = FormCategory {
            id: Id::new(),
            name: "Legal & regulatory".into(),
            definitions: (0..6).map(|v| (v, format!("{v}: {long}"))).collect(),
        };
        let message = input_message(&category, &scale);
        assert!(
            message.encode_utf16().count() <= INPUT_MESSAGE_LIMIT,
            "{message}"
        );
        assert_eq!(message.lines().count(), 6, "every level keeps its line");
        assert!(message.starts_with("0 None: 0: A fine") && message.contains('…'));
        let short = FormCategory {
            definitions: vec![(3, "Loss of £100k–£1m".into())],
            ..category
        };
        assert_eq!(
            input_message(&short, &scale),
            "0 None\n1 Minor\n2 Moderate\n3 Moderate: Loss of £100k–£1m\n4 Severe\n5 Critical"
                .replace("3 Moderate:", "3 Major:")
        );
    }
}
