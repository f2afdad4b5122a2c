//! The nine sheets, in order, one module per group: `summary`; `register`
//! (processes, resources, dependencies); `impact` (impact, objectives);
//! `findings` (gaps, decision log, methodology); and the optional tenth,
//! `changes` (what changed since another state of the assessment). Each sheet writes its
//! title, a header row, one row per item and then the shared finish
//! (widths, hidden columns, freeze, filter, printing). This module holds
//! the order and the `Context` every sheet looks things up in.

use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatCell, ConditionalFormatCellRule, Format, Image, Note,
    Workbook, Worksheet,
};
use rustc_hash::FxHashMap;

mod changes;
mod findings;
mod impact;
mod register;
mod summary;

use super::Result;
use super::sheet::{CELL_LIMIT, Formats, Sheet, page_setup, xlsx};
use super::{CHANGES_SHEET, Changes, ExportProgress, SHEETS};
use bia_analysis::{Analysis, ProcessAnalysis};
use bia_chart::{self as chart, ChartKind, ChartOptions, palette};
use bia_model::{Assessment, CustomField, Decision, Id, Minutes, NodeRef, Process, Status, Unit};
use findings::{decisions, gaps, methodology};
use impact::{impact, objectives};
use register::{dependencies, processes, resources};
use summary::summary;

/// Rows 0–1 hold the title; the header starts at row 3.
const HEADER: u32 = crate::layout::HEADER_ROW;

/// The sheets written on a second thread while this one writes the rest:
/// Dependencies and the Decision log, about half of a large assessment's
/// cells. Each sheet is written alone into its own worksheet (formats and
/// strings are only numbered across the workbook when it is saved), so the
/// workbook is the same whichever thread finishes first.
const ALONGSIDE: [usize; 2] = [5, 7];

pub(super) fn build(
    a: &Assessment,
    log: &[Decision],
    changes: Option<&Changes>,
    progress: &mut dyn FnMut(ExportProgress),
    warnings: &mut Vec<String>,
) -> Result<Workbook> {
    let analysis = bia_analysis::analyze(a);
    let f = Formats::new();
    let ctx = Context::new(a, log, &analysis);
    let mut workbook = Workbook::new();
    // Calibri 10: 56-pixel default columns, 18-pixel rows.
    workbook
        .set_default_format(&Formats::base(), 18, 56)
        .map_err(xlsx)?;
    for _ in SHEETS {
        workbook.add_worksheet();
    }
    let (mut here, mut alongside) = (Vec::new(), Vec::new());
    for (i, ws) in workbook.worksheets_mut().iter_mut().enumerate() {
        if ALONGSIDE.contains(&i) {
            alongside.push((i, ws));
            here.push(None);
        } else {
            here.push(Some(ws));
        }
    }
    let total = super::sheet_count(changes) + 1;
    let by_sheet = std::thread::scope(|scope| -> Result<Vec<Vec<String>>> {
        let other = scope.spawn(|| {
            alongside
                .into_iter()
                .map(|(i, ws)| Ok((i, write_sheet(i, ws, &f, &ctx)?)))
                .collect::<Result<Vec<_>>>()
        });
        let mut by_sheet = vec![Vec::new(); SHEETS.len()];
        for (i, ws) in here.into_iter().enumerate() {
            progress(ExportProgress {
                done: i as u32,
                total,
                step: format!("Writing {}", SHEETS[i]),
            });
            if let Some(ws) = ws {
                by_sheet[i] = write_sheet(i, ws, &f, &ctx)?;
            }
        }
        let written = other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        for (i, w) in written {
            by_sheet[i] = w;
        }
        Ok(by_sheet)
    })?;
    warnings.extend(by_sheet.into_iter().flatten());
    if let Some(changes) = changes {
        progress(ExportProgress {
            done: SHEETS.len() as u32,
            total,
            step: format!("Writing {CHANGES_SHEET}"),
        });
        let ws = workbook.add_worksheet();
        let mut sheet = Sheet::new(ws, CHANGES_SHEET, &f, warnings)?;
        changes::changes(&mut sheet, changes, &ctx.header)?;
    }
    let mut properties = rust_xlsxwriter::DocProperties::new()
        .set_title(format!("Business impact analysis — {}", a.info.name))
        .set_company(&a.info.organisation);
    if !a.info.facilitator.is_empty() {
        properties = properties.set_author(&a.info.facilitator);
    }
    workbook.set_properties(&properties);
    Ok(workbook)
}

/// Writes sheet `i` of [`SHEETS`] into `ws`; returns its warnings.
fn write_sheet(i: usize, ws: &mut Worksheet, f: &Formats, ctx: &Context) -> Result<Vec<String>> {
    let mut warnings = Vec::new();
    let mut sheet = Sheet::new(ws, SHEETS[i], f, &mut warnings)?;
    match i {
        0 => summary(&mut sheet, ctx)?,
        1 => processes(&mut sheet, ctx)?,
        2 => impact(&mut sheet, ctx)?,
        3 => objectives(&mut sheet, ctx)?,
        4 => resources(&mut sheet, ctx)?,
        5 => dependencies(&mut sheet, ctx)?,
        6 => gaps(&mut sheet, ctx)?,
        7 => decisions(&mut sheet, ctx)?,
        _ => methodology(&mut sheet, ctx)?,
    }
    Ok(warnings)
}

/// What every sheet looks things up in.
struct Context<'a> {
    a: &'a Assessment,
    /// The decision log, oldest first.
    decisions: &'a [Decision],
    analysis: &'a Analysis,
    by_process: FxHashMap<Id, &'a ProcessAnalysis>,
    units: FxHashMap<Id, &'a Unit>,
    /// Every process and resource: its kind ("process", "application", …)
    /// and its name.
    nodes: FxHashMap<NodeRef, (&'static str, &'a str)>,
    /// "Harbourline Logistics — BIA 2026 · 22 Nov 2026", for page headers.
    header: String,
    date: String,
}

impl<'a> Context<'a> {
    fn new(a: &'a Assessment, decisions: &'a [Decision], analysis: &'a Analysis) -> Context<'a> {
        let date = chrono::Utc::now().format("%-d %b %Y").to_string();
        let processes = a
            .processes
            .iter()
            .map(|p| (NodeRef::Process(p.id), ("process", p.name.as_str())));
        let resources = a
            .resources
            .iter()
            .map(|r| (NodeRef::Resource(r.id), (r.kind.as_str(), r.name.as_str())));
        let nodes = processes.chain(resources).collect();
        Context {
            a,
            decisions,
            analysis,
            by_process: analysis
                .processes
                .iter()
                .map(|p| (p.process_id, p))
                .collect(),
            units: a.units.iter().map(|u| (u.id, u)).collect(),
            nodes,
            header: format!("{} · {}", a.info.name, date),
            date,
        }
    }

    fn unit_name(&self, p: &Process) -> &'a str {
        p.unit_id
            .and_then(|id| self.units.get(&id))
            .map_or("", |u| u.name.as_str())
    }

    /// "Operations › Warehousing": the unit and its parents, for import.
    fn unit_path(&self, p: &Process) -> String {
        let mut path = Vec::new();
        let mut next = p.unit_id;
        while let Some(id) = next {
            let Some(u) = self.units.get(&id) else { break };
            if path.len() > self.units.len() {
                break;
            }
            path.push(u.name.clone());
            next = u.parent_id;
        }
        path.reverse();
        path.join(crate::layout::UNIT_PATH_SEPARATOR)
    }

    /// Processes, most time-critical first: agreed MTPD, then RTO, then name.
    fn most_critical(&self) -> Vec<&'a ProcessAnalysis> {
        let mut ranked: Vec<&ProcessAnalysis> = self.analysis.processes.iter().collect();
        ranked.sort_by(|x, y| {
            let key = |p: &ProcessAnalysis| {
                (
                    p.mtpd.map_or(u32::MAX, |m| m.0),
                    p.rto.map_or(u32::MAX, |m| m.0),
                )
            };
            key(x).cmp(&key(y)).then_with(|| x.process.cmp(&y.process))
        });
        ranked
    }
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Draft => "Draft",
        Status::InReview => "In review",
        Status::Approved => "Approved",
    }
}
