//! Nothing a user typed is dropped by an import: for generated workbooks of
//! every layout the import reads, each non-empty cell of a recognised table
//! lands somewhere — a field, a custom field, an objective, a score, a
//! resource or dependency — or an issue names its cell and says why.
//!
//! The accounting is independent of how the plan was made: each cell is
//! looked for where its column's field puts it, then among the issues (an
//! issue listed once for `repeats` more cells below it in its column counts
//! for those cells too).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bia::excel::import::{Field, Limits, Mapping, Plan, PlannedProcess, Pos, Target, plan_file};
use bia::model::{ResourceKind, name_key};
use proptest::prelude::*;
use rust_xlsxwriter::Workbook;

use crate::temp_dir;

/// A cell as the generator wrote it.
#[derive(Clone, Debug)]
enum Cell {
    Text(String),
    Number(f64),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

/// One kind of column a register may have: its header, the group header
/// above it (impact columns), and the values people write in it.
#[derive(Clone, Debug)]
struct ColumnKind {
    header: &'static str,
    band: Option<&'static str>,
    values: &'static [&'static str],
}

const fn col(header: &'static str, values: &'static [&'static str]) -> ColumnKind {
    ColumnKind {
        header,
        band: None,
        values,
    }
}

const fn impact(
    band: &'static str,
    header: &'static str,
    values: &'static [&'static str],
) -> ColumnKind {
    ColumnKind {
        header,
        band: Some(band),
        values,
    }
}

const SEVERITIES: &[&str] = &["0", "1", "2", "3", "4", "5", "Minor", "4 - Major", "purple"];

/// Every column but the process's name; a register takes a random few.
fn column_pool() -> Vec<ColumnKind> {
    vec![
        col(
            "Department",
            &["Finance", "Operations", "HR", "IT Services"],
        ),
        col("Process Owner", &["Ann Patel", "Bob Jones", "Chidi Okafor"]),
        col(
            "Description",
            &["Pays staff monthly", "Opens new accounts", "Ships orders"],
        ),
        col(
            "RTO (hours)",
            &["4", "24", "0.5", "2 days", "soon", "1-3 days"],
        ),
        col("RPO", &["15 minutes", "N/A", "1 day", "none at all?"]),
        col(
            "Maximum Tolerable Downtime (days)",
            &["1", "5", "0.5", "14", "next week"],
        ),
        col("MBCO %", &["50", "75", "100", "half"]),
        col("Criticality", &["Tier 1", "Critical", "P1", "High", "2"]),
        col(
            "IT Applications",
            &[
                "SAP; Citrix",
                "Core banking",
                "Email, Payroll DB",
                "Workday",
            ],
        ),
        col(
            "Key Suppliers",
            &["Acme Logistics", "ADP / Barclays", "Iron Mountain"],
        ),
        col(
            "Locations",
            &[
                "Head office",
                "Leeds data centre",
                "Head office; Warehouse 2",
            ],
        ),
        col("Key people", &["Payroll lead", "Treasury analyst"]),
        col("Vital records", &["Employee master file", "Ledger"]),
        col("Budget code", &["FIN-01", "OPS-7", "HR-22"]),
        col("Peak periods", &["Month end", "Black Friday"]),
        impact("Financial Impact", "1 hr", SEVERITIES),
        impact("Financial Impact", "1 day", SEVERITIES),
        impact("Reputational Impact", "4 hrs", SEVERITIES),
        impact("Reputational Impact", "1 week", SEVERITIES),
    ]
}

const PROCESSES: &[&str] = &[
    "Payroll run",
    "Customer onboarding",
    "Order fulfilment",
    "Treasury settlement",
    "Claims handling",
    "Supplier payments",
    "Month-end close",
    "Recruitment",
];

/// A generated register: headers (with group headers above the impact
/// columns), and one row per process with some cells left blank.
#[derive(Clone, Debug)]
struct Register {
    title: bool,
    columns: Vec<ColumnKind>,
    rows: Vec<(String, Vec<Option<Cell>>)>,
    /// "Depends on": other processes and names nobody has classified.
    upstream: bool,
}

fn register() -> impl Strategy<Value = Register> {
    let pool = column_pool();
    let n = pool.len();
    (
        any::<bool>(),
        proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 2..n),
        2..PROCESSES.len(),
        any::<bool>(),
        proptest::collection::vec(any::<u8>(), 400),
    )
        .prop_map(move |(title, picked, processes, upstream, noise)| {
            // Impact columns sit together under their group header.
            let mut columns: Vec<ColumnKind> = picked.iter().map(|&i| pool[i].clone()).collect();
            columns.sort_by_key(|c| c.band.is_some());
            let mut noise = noise.into_iter().cycle();
            let rows = PROCESSES[..processes]
                .iter()
                .enumerate()
                .map(|(r, name)| {
                    let cells = columns
                        .iter()
                        .map(|c| {
                            let roll = noise.next().unwrap();
                            if roll % 5 == 0 {
                                return None;
                            }
                            let v = c.values[(roll as usize / 5 + r) % c.values.len()];
                            Some(match v.parse::<f64>() {
                                Ok(n) if roll % 2 == 0 => Cell::Number(n),
                                _ => Cell::Text(v.to_string()),
                            })
                        })
                        .collect();
                    (name.to_string(), cells)
                })
                .collect();
            Register {
                title,
                columns,
                rows,
                upstream,
            }
        })
}

/// Writes the register; returns the file and every non-empty data cell
/// (address → text) with the row's process.
fn write_register(
    reg: &Register,
    dir: &Path,
) -> (PathBuf, Vec<(Pos, String, String, &'static str)>) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("BIA Register").unwrap();
    let mut header_row = 0u32;
    if reg.title {
        sheet
            .write_string(0, 0, "Business Impact Analysis – FY2025")
            .unwrap();
        sheet
            .write_string(1, 0, "Prepared by: Continuity Office")
            .unwrap();
        header_row = 3;
    }
    let has_bands = reg.columns.iter().any(|c| c.band.is_some());
    if has_bands {
        header_row += 1;
    }
    let mut headers: Vec<(&'static str, Option<&'static str>)> = vec![("Business Process", None)];
    headers.extend(reg.columns.iter().map(|c| (c.header, c.band)));
    if reg.upstream {
        headers.push(("Depends on", None));
    }
    for (c, (h, band)) in headers.iter().enumerate() {
        sheet.write_string(header_row, c as u16, *h).unwrap();
        if let Some(band) = band {
            sheet.write_string(header_row - 1, c as u16, *band).unwrap();
        }
    }
    let mut cells = Vec::new();
    for (r, (name, values)) in reg.rows.iter().enumerate() {
        let row = header_row + 1 + r as u32;
        sheet.write_string(row, 0, name).unwrap();
        cells.push((
            Pos::new(row, 0),
            name.clone(),
            name.clone(),
            "Business Process",
        ));
        for (c, v) in values.iter().enumerate() {
            let Some(v) = v else { continue };
            let col = 1 + c as u16;
            match v {
                Cell::Text(t) => sheet.write_string(row, col, t).unwrap(),
                Cell::Number(n) => sheet.write_number(row, col, *n).unwrap(),
            };
            cells.push((
                Pos::new(row, u32::from(col)),
                v.text(),
                name.clone(),
                reg.columns[c].header,
            ));
        }
        if reg.upstream {
            // The next process in the register, and a system nobody named
            // in any other column.
            let other = &reg.rows[(r + 1) % reg.rows.len()].0;
            let text = format!("{other}; Mainframe batch {r}");
            let col = headers.len() as u16 - 1;
            sheet.write_string(row, col, &text).unwrap();
            cells.push((
                Pos::new(row, u32::from(col)),
                text,
                name.clone(),
                "Depends on",
            ));
        }
    }
    let path = dir.join("register.xlsx");
    book.save(&path).unwrap();
    (path, cells)
}

/// Whether `text`, read by `field`, is found where that field puts it on
/// `process` (or in the plan's dependencies of it).
fn lands(
    plan: &Plan,
    p: &PlannedProcess,
    field: &Field,
    header: &str,
    cell: Pos,
    text: &str,
) -> bool {
    let key = name_key(text);
    let custom = || {
        p.input
            .custom_fields
            .iter()
            .any(|f| (header.is_empty() || f.name == header) && name_key(&f.value) == key)
    };
    let objectives = p.objectives.as_ref();
    let depends_on = |item: &str| {
        let item = name_key(item);
        plan.dependencies.iter().any(|d| {
            d.process == p.input.name.as_str()
                && match &d.target {
                    Target::Process { name } => name_key(name) == item,
                    Target::Resource { name, .. } => name_key(name) == item,
                }
        })
    };
    match field {
        Field::Process => p.input.name.key() == key,
        Field::Unit => p.unit.as_deref().is_some_and(|u| name_key(u) == key),
        Field::Owner => name_key(&p.input.owner) == key,
        Field::Description => name_key(&p.input.description) == key,
        Field::PeakPeriods => name_key(&p.input.peak_periods) == key,
        Field::Workaround => name_key(&p.input.workaround) == key,
        Field::Notes => name_key(&p.input.notes).contains(&key),
        Field::MinimumStaff => p.input.minimum_staff.is_some(),
        Field::Rto => objectives.is_some_and(|o| o.rto.is_some()),
        Field::Rpo => objectives.is_some_and(|o| o.rpo.is_some() || o.rpo_not_applicable),
        Field::Mtpd => objectives.is_some_and(|o| o.mtpd.is_some()),
        Field::Wrt => objectives.is_some_and(|o| o.wrt.is_some()),
        Field::Mbco => objectives.is_some_and(|o| o.mbco_percent.is_some()),
        Field::Impact { .. } => p.scores.iter().any(|s| s.cell == cell),
        Field::Dependency { .. } | Field::UpstreamProcess => {
            let items = bia::excel::import::split_list(text);
            !items.is_empty() && items.iter().all(|i| depends_on(i))
        }
        Field::Id | Field::Criticality | Field::RecoveryCapability | Field::Custom => custom(),
        // The user chose to leave the column out: nothing typed is lost
        // without their say.
        Field::Ignore => true,
        _ => custom(),
    }
}

/// Every cell not found where its field puts it, nor named by an issue.
fn unaccounted(
    plan: &Plan,
    sheet: &str,
    cells: &[(Pos, String, String, &'static str)],
) -> Vec<String> {
    let table = plan
        .tables
        .iter()
        .find(|t| t.sheet == sheet)
        .expect("the register is found");
    let field_of: BTreeMap<String, (&Field, &str)> = table
        .columns
        .iter()
        .map(|c| (c.column.clone(), (&c.field, c.header.as_str())))
        .collect();
    let mut missing: Vec<(Pos, String)> = Vec::new();
    for (pos, text, process, header) in cells {
        let letters = bia::excel::import::column_letters(pos.col);
        let Some((field, read_header)) = field_of.get(&letters) else {
            missing.push((
                *pos,
                format!("{}: column \"{header}\" not in the table", pos.a1()),
            ));
            continue;
        };
        let found = plan
            .processes
            .iter()
            .find(|p| p.input.name.key() == name_key(process))
            .is_some_and(|p| lands(plan, p, field, read_header, *pos, text));
        if !found {
            missing.push((
                *pos,
                format!("{} \"{text}\" ({header}, read as {field:?})", pos.a1()),
            ));
        }
    }
    // Issues: at the cell, or listed once for the same issue below it.
    let issues: Vec<(Pos, usize)> = plan
        .issues
        .iter()
        .filter(|i| i.sheet.as_deref() == Some(sheet))
        .filter_map(|i| Some((Pos::parse(i.cell.as_deref()?)?, i.repeats)))
        .collect();
    missing.retain(|(pos, _)| !issues.iter().any(|(at, _)| at == pos));
    let mut out = Vec::new();
    let mut budget: Vec<(Pos, usize)> = issues.into_iter().filter(|(_, n)| *n > 0).collect();
    for (pos, why) in missing {
        match budget
            .iter_mut()
            .find(|(at, n)| *n > 0 && at.col == pos.col && at.row < pos.row)
        {
            Some((_, n)) => *n -= 1,
            None => out.push(why),
        }
    }
    out
}

/// The same register as a CSV file: every cell as text, one sheet named
/// after the file.
fn write_csv(xlsx: &Path) -> PathBuf {
    let book = bia::excel::import::read_workbook(xlsx, &Limits::default()).unwrap();
    let sheet = &book.sheets[0];
    let mut rows: BTreeMap<u32, BTreeMap<u32, String>> = BTreeMap::new();
    for row in &sheet.rows {
        for (col, value) in &row.cells {
            rows.entry(row.index)
                .or_default()
                .insert(*col, value.display());
        }
    }
    let width = rows
        .values()
        .flat_map(|r| r.keys())
        .max()
        .map_or(0, |c| c + 1);
    let last = rows.keys().max().copied().unwrap_or(0);
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let text: String = (0..=last)
        .map(|r| {
            (0..width)
                .map(|c| {
                    rows.get(&r)
                        .and_then(|row| row.get(&c))
                        .map_or(String::new(), |v| quote(v))
                })
                .collect::<Vec<_>>()
                .join(",")
                + "\r\n"
        })
        .collect();
    let path = xlsx.with_file_name("BIA Register.csv");
    std::fs::write(&path, text).unwrap();
    path
}

fn check(
    path: &Path,
    sheet: &str,
    cells: &[(Pos, String, String, &'static str)],
) -> Result<(), TestCaseError> {
    let dir = temp_dir();
    let (store, _) = crate::new_store(&dir);
    let plan = plan_file(
        path,
        &store.load().unwrap(),
        &Mapping::default(),
        &Limits::default(),
    )
    .expect("the register plans");
    let lost = unaccounted(&plan, sheet, cells);
    prop_assert!(
        lost.is_empty(),
        "{}: {} of {} cells dropped without a word:\n{}\nissues: {:#?}",
        path.display(),
        lost.len(),
        cells.len(),
        lost.join("\n"),
        plan.issues
            .iter()
            .map(|i| format!("{} {}", i.address, i.message))
            .collect::<Vec<_>>()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_cell_of_a_register_lands_somewhere_or_is_named_by_an_issue(reg in register()) {
        let dir = temp_dir();
        let (path, cells) = write_register(&reg, dir.path());
        check(&path, "BIA Register", &cells)?;
        let csv = write_csv(&path);
        let sheet = bia::excel::import::read_workbook(&csv, &Limits::default()).unwrap().sheets[0].name.clone();
        check(&csv, &sheet, &cells)?;
    }
}

// ---------------------------------------------------------------------------
// Questionnaires: one form per process (or two on a sheet), labels down
// column A with their values beside them, then an impact table of
// categories by time points filled with words or numbers.

/// A label of a form, the field its value is for, and values people write.
fn form_labels() -> Vec<(&'static str, Field, &'static [&'static str])> {
    let dep = |resource| Field::Dependency { resource };
    vec![
        (
            "Department:",
            Field::Unit,
            &["Finance", "Port operations", "HR"],
        ),
        (
            "Process owner:",
            Field::Owner,
            &["Amara Mensah", "Jonas Berg"],
        ),
        (
            "Recovery time objective:",
            Field::Rto,
            &["2 days", "8 hours", "4", "soon"],
        ),
        (
            "Maximum tolerable downtime (hours):",
            Field::Mtpd,
            &["24", "72", "1 week", "later"],
        ),
        (
            "Systems required:",
            dep(ResourceKind::Application),
            &["Navis N4; Berth Planner", "SAP", "Citrix, Core banking"],
        ),
        (
            "Key suppliers:",
            dep(ResourceKind::Supplier),
            &["Acme Logistics", "ADP; Barclays"],
        ),
        (
            "Dependencies:",
            Field::UpstreamProcess,
            &["Harbour Print Services", "Kofax Capture; Zendesk"],
        ),
        ("Budget code:", Field::Custom, &["FIN-07", "OPS-12"]),
    ]
}

const FORM_WORDS: &[&str] = &["Low", "Medium", "High", "Critical", "3", "None", "Amber"];
const FORM_CATEGORIES: &[&str] = &[
    "Financial",
    "Operational",
    "Reputational",
    "Legal and regulatory",
];
const FORM_TIMES: &[&str] = &["4 hours", "1 day", "3 days", "1 week"];

/// A generated questionnaire workbook.
#[derive(Clone, Debug)]
struct Forms {
    /// Two processes on the first sheet, one after the other.
    shared_sheet: bool,
    processes: usize,
    noise: Vec<u8>,
}

fn forms() -> impl Strategy<Value = Forms> {
    (
        any::<bool>(),
        1..5usize,
        proptest::collection::vec(any::<u8>(), 300),
    )
        .prop_map(|(shared_sheet, processes, noise)| Forms {
            shared_sheet,
            processes,
            noise,
        })
}

/// A value cell of a form: where, what, whose, and the field it is for.
type FormCell = (String, Pos, String, String, Field);

fn write_forms(f: &Forms, dir: &Path) -> (PathBuf, Vec<FormCell>) {
    let labels = form_labels();
    let mut noise = f.noise.iter().copied().cycle();
    let mut book = Workbook::new();
    let mut cells = Vec::new();
    let sheet_of = |i: usize| -> (String, bool) {
        if f.shared_sheet && i < 2 {
            ("Operations".to_string(), i == 1)
        } else {
            (PROCESSES[i].to_string(), false)
        }
    };
    let mut row = 0u32;
    let mut current: Option<String> = None;
    for (i, &name) in PROCESSES.iter().enumerate().take(f.processes) {
        let (sheet_name, continued) = sheet_of(i);
        if current.as_deref() != Some(sheet_name.as_str()) {
            book.add_worksheet().set_name(&sheet_name).unwrap();
            current = Some(sheet_name.clone());
            row = 0;
        }
        let sheet = book.worksheet_from_name(&sheet_name).unwrap();
        if !continued {
            sheet
                .write_string(row, 0, "Business Impact Analysis – Questionnaire")
                .unwrap();
            row += 2;
        } else {
            row += 2;
        }
        sheet.write_string(row, 0, "Process name:").unwrap();
        sheet.write_string(row, 1, name).unwrap();
        cells.push((
            sheet_name.clone(),
            Pos::new(row, 1),
            name.to_string(),
            name.to_string(),
            Field::Process,
        ));
        row += 1;
        for (label, field, values) in &labels {
            let roll = noise.next().unwrap();
            if roll % 4 == 0 {
                continue; // the question is not on this form
            }
            sheet.write_string(row, 0, *label).unwrap();
            if roll % 7 != 0 {
                let v = values[(roll as usize / 7) % values.len()];
                match v.parse::<f64>() {
                    Ok(n) if roll % 2 == 0 => sheet.write_number(row, 1, n).unwrap(),
                    _ => sheet.write_string(row, 1, v).unwrap(),
                };
                cells.push((
                    sheet_name.clone(),
                    Pos::new(row, 1),
                    v.to_string(),
                    name.to_string(),
                    field.clone(),
                ));
            }
            row += 1;
        }
        row += 1;
        sheet.write_string(row, 0, "Impact category").unwrap();
        for (c, t) in FORM_TIMES.iter().enumerate() {
            sheet.write_string(row, c as u16 + 1, *t).unwrap();
        }
        row += 1;
        for category in FORM_CATEGORIES {
            if noise.next().unwrap() % 5 == 0 {
                continue;
            }
            sheet.write_string(row, 0, *category).unwrap();
            for c in 0..FORM_TIMES.len() {
                let roll = noise.next().unwrap();
                if roll % 6 == 0 {
                    continue;
                }
                let v = FORM_WORDS[(roll as usize / 6) % FORM_WORDS.len()];
                match v.parse::<f64>() {
                    Ok(n) => sheet.write_number(row, c as u16 + 1, n).unwrap(),
                    Err(_) => sheet.write_string(row, c as u16 + 1, v).unwrap(),
                };
                let horizon = Field::Impact {
                    category: Some((*category).to_string()),
                    horizon: bia::model::Minutes(0),
                };
                cells.push((
                    sheet_name.clone(),
                    Pos::new(row, c as u32 + 1),
                    v.to_string(),
                    name.to_string(),
                    horizon,
                ));
            }
            row += 1;
        }
        row += 1;
    }
    let path = dir.join("questionnaires.xlsx");
    book.save(&path).unwrap();
    (path, cells)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_value_of_a_questionnaire_lands_somewhere_or_is_named_by_an_issue(f in forms()) {
        let dir = temp_dir();
        let (store, _) = crate::new_store(&dir);
        let (path, cells) = write_forms(&f, dir.path());
        let plan = plan_file(&path, &store.load().unwrap(), &Mapping::default(), &Limits::default())
            .expect("the questionnaires plan");
        prop_assert_eq!(plan.processes.len(), f.processes, "one process per form");
        let mut lost = Vec::new();
        for (sheet, pos, text, process, field) in &cells {
            let found = plan
                .processes
                .iter()
                .find(|p| p.input.name.key() == name_key(process))
                .is_some_and(|p| lands(&plan, p, field, "", *pos, text));
            let issue = plan.issues.iter().any(|i| {
                i.sheet.as_deref() == Some(sheet.as_str())
                    && i.cell.as_deref().and_then(Pos::parse).is_some_and(|at| {
                        at == *pos || (i.repeats > 0 && at.col == pos.col && at.row < pos.row)
                    })
            });
            if !found && !issue {
                lost.push(format!("{sheet}!{} \"{text}\" ({field:?})", pos.a1()));
            }
        }
        prop_assert!(
            lost.is_empty(),
            "{} of {} values dropped without a word:\n{}\nissues: {:#?}",
            lost.len(),
            cells.len(),
            lost.join("\n"),
            plan.issues.iter().map(|i| format!("{} {}", i.address, i.message)).collect::<Vec<_>>()
        );
    }
}
