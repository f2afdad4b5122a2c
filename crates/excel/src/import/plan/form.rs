//! Reading form sheets (`import::form`) into drafts: each form is one
//! process, its labelled values read by the same cell readers as a
//! table's columns (`Planner::read_value`), its impact table scored
//! through the same severities and words. Also the cell accounting of
//! form sheets, for tests that every non-empty cell lands somewhere.

use super::super::form::{Context, Entry, Form, FormCell, FormSheet, read_form_sheet};
use super::*;

/// The form sheets of `workbook`: the sheets without a table (`tables`)
/// that read as forms.
pub(super) fn read_forms(
    workbook: &Workbook,
    tables: &[Table],
    mapping: &Mapping,
    current: &Assessment,
) -> Vec<FormSheet> {
    let cx = Context {
        synonyms: &mapping.synonyms,
        choices: &mapping.choices,
        methodology: &current.methodology,
    };
    workbook
        .sheets
        .iter()
        .enumerate()
        .filter(|(i, _)| !tables.iter().any(|t| t.sheet == *i))
        .filter_map(|(i, sheet)| read_form_sheet(i, sheet, &cx))
        .collect()
}

/// Every non-empty cell of the form sheets of `workbook` and what became
/// of it (a label, a value, a score, or left out with the address of the
/// issue that says why; the plan lists an issue repeated down a column
/// once, at its first cell, with [`Issue::repeats`]). Values the plan then
/// cannot read carry an issue at their own cell.
pub fn form_cells(workbook: &Workbook, current: &Assessment, mapping: &Mapping) -> Vec<FormCell> {
    let own = category_names(current);
    let mut issues = Vec::new();
    let tables = find_tables(
        &workbook.sheets,
        &mapping.synonyms,
        &mapping.choices,
        &own,
        &mut issues,
    );
    read_forms(workbook, &tables, mapping, current)
        .into_iter()
        .flat_map(|f| f.cells)
        .collect()
}

/// A form sheet as the preview's mapping shows it: one row of labels.
pub(super) fn planned_form(f: &FormSheet) -> PlannedTable {
    PlannedTable {
        sheet: f.name.clone(),
        header_row: f.labels.first().map_or(1, |(_, at, ..)| at.row + 1),
        band_row: None,
        rows: f.forms.len(),
        columns: f
            .labels
            .iter()
            .map(|(label, at, field, unit, source)| PlannedColumn {
                column: at.a1(),
                header: label.clone(),
                band: None,
                field: field.clone(),
                source: *source,
                unit: *unit,
            })
            .collect(),
    }
}

/// What a label contributes to a process (as [`Planner::roles`] does for
/// a column).
fn role(entry: &Entry) -> Role {
    let (name, key) = (entry.label.clone(), name_key(&entry.label));
    match &entry.field {
        // Kept as its custom field, and read as the tier the form claims.
        Field::Criticality => Role::Claim(name, key),
        field => Role::of_process_field(field).unwrap_or(Role::Custom(name, key)),
    }
}

impl Planner<'_> {
    /// Reads the forms of one sheet into drafts.
    pub(super) fn read_form_sheet(&mut self, f: &FormSheet) {
        let sheet: Arc<str> = Arc::from(f.name.as_str());
        for (label, at, field, _, source) in &f.labels {
            if *source == Source::Unmapped && *field == Field::Custom {
                self.unmapped.push(Unmapped {
                    sheet: f.name.clone(),
                    column: at.a1(),
                    header: label.clone(),
                });
            }
        }
        for form in &f.forms {
            self.read_form(&sheet, form);
        }
    }

    fn read_form(&mut self, sheet: &Arc<str>, form: &Form) {
        let scale = &self.current.methodology.scale;
        let Some((name_pos, name_value)) = form.name.values.first() else {
            return;
        };
        let name = text_of(name_value);
        let key = name_key(&name);
        let idx = match self.by_key.get(&key) {
            Some(&idx) => {
                let first = self.drafts[idx]
                    .name
                    .as_ref()
                    .map(Cell::address)
                    .unwrap_or_default();
                self.issue_at(
                    Level::Warning,
                    sheet,
                    *name_pos,
                    format!(
                        "\"{name}\" appears again (first at {first}); merged into one process."
                    ),
                );
                idx
            }
            None => {
                self.drafts.push(Draft {
                    name: Some(mk(sheet, *name_pos, name)),
                    key: key.clone(),
                    ..Draft::default()
                });
                self.by_key.insert(key, self.drafts.len() - 1);
                self.drafts.len() - 1
            }
        };
        self.drafts[idx].rows.push(address(sheet, form.name.at));
        for (extra, value) in form.name.values.iter().skip(1) {
            self.issue_at(
                Level::Warning,
                sheet,
                *extra,
                format!(
                    "A second value beside \"{}\"; kept as the custom field \"{} ({})\".",
                    form.name.label,
                    form.name.label,
                    column_letters(extra.col)
                ),
            );
            let n = format!("{} ({})", form.name.label, column_letters(extra.col));
            let k = name_key(&n);
            self.set_custom(idx, &n, &k, mk(sheet, *extra, cell_text(value)));
        }
        for entry in &form.entries {
            let role = role(entry);
            match role {
                Role::Ignore | Role::Process => {}
                // Text runs over the cells it was written in.
                Role::Text(_) | Role::Custom(..) | Role::Unit if entry.values.len() > 1 => {
                    let text = entry
                        .values
                        .iter()
                        .map(|(_, v)| cell_text(v))
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let pos = entry.values[0].0;
                    self.read_value(idx, sheet, pos, &role, entry.unit, &Value::Text(text));
                }
                Role::Dependency(_) => {
                    for (pos, value) in &entry.values {
                        self.read_value(idx, sheet, *pos, &role, entry.unit, value);
                    }
                }
                _ => {
                    let mut values = entry.values.iter();
                    if let Some((pos, value)) = values.next() {
                        self.read_value(idx, sheet, *pos, &role, entry.unit, value);
                    }
                    for (pos, value) in values {
                        let n = format!("{} ({})", entry.label, column_letters(pos.col));
                        self.issue_at(
                            Level::Warning,
                            sheet,
                            *pos,
                            format!(
                                "A second value beside \"{}\"; kept as the custom field \"{n}\".",
                                entry.label
                            ),
                        );
                        let k = name_key(&n);
                        self.set_custom(idx, &n, &k, mk(sheet, *pos, cell_text(value)));
                    }
                }
            }
        }
        for (n, pos, value) in &form.notes {
            let k = name_key(n);
            self.set_custom(idx, n, &k, mk(sheet, *pos, cell_text(value)));
        }
        for s in &form.scores {
            match self.severity(&s.value, scale) {
                Ok((level, notes)) => {
                    let word = self.word(&s.value, sheet, s.pos);
                    for note in notes.iter() {
                        self.issue_str(Level::Warning, sheet, s.pos, note);
                    }
                    let Some(severity) = level else { continue };
                    match self.drafts[idx].score(s.category, s.horizon) {
                        Some((first, at)) if first != severity => {
                            let msg = format!(
                                "Scored {first} at {at} and {severity} here; the first is kept."
                            );
                            self.issue_at(Level::Warning, sheet, s.pos, msg);
                        }
                        Some(_) => {}
                        None => {
                            self.drafts[idx].push_score(
                                s.category,
                                s.horizon,
                                severity,
                                sheet,
                                s.pos,
                                String::new(),
                            );
                            self.word_score(idx, word);
                        }
                    }
                }
                Err(e) => {
                    self.word(&s.value, sheet, s.pos);
                    self.issue_str(Level::Error, sheet, s.pos, &e);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::form::CellUse;
    use super::*;

    /// Whether the plan has the issue at `address` (`Sheet!E3`): there, or
    /// listed once higher up its column with the same message repeated
    /// ([`Issue::repeats`]).
    fn covered(issues: &[Issue], address: &str) -> bool {
        let (sheet, cell) = address.rsplit_once('!').expect("Sheet!A1");
        let pos = Pos::parse(cell).expect("a cell");
        issues.iter().any(|i| {
            i.address == address
                || (i.repeats > 0
                    && i.address.rsplit_once('!').is_some_and(|(s, _)| s == sheet)
                    && i.cell
                        .as_deref()
                        .and_then(Pos::parse)
                        .is_some_and(|p| p.col == pos.col && p.row < pos.row))
        })
    }

    /// A questionnaire for "Berth allocation" whose impact table's first
    /// row holds "None" twice (which alone reads like time points) and an
    /// unknown word in the next.
    fn berth_allocation() -> Workbook {
        let t = |s: &str| Value::Text(s.into());
        let rows: Vec<(u32, Vec<(u32, Value)>)> = vec![
            (0, vec![(0, t("Process name:")), (1, t("Berth allocation"))]),
            (1, vec![(0, t("Recovery time objective:")), (1, t("soon"))]),
            (
                3,
                vec![
                    (0, t("Impact category")),
                    (1, t("4 hours")),
                    (2, t("1 day")),
                    (3, t("1 week")),
                ],
            ),
            (
                4,
                vec![
                    (0, t("Financial")),
                    (1, t("None")),
                    (2, Value::Number(3.0)),
                    (3, t("None")),
                ],
            ),
            (
                5,
                vec![
                    (0, t("Operational")),
                    (1, t("Amber")),
                    (2, t("High")),
                    (3, t("Amber")),
                ],
            ),
        ];
        Workbook {
            file: "questionnaire.xlsx".into(),
            format: Format::Xlsx,
            sheets: vec![Sheet {
                name: "Berth allocation".into(),
                rows: rows
                    .into_iter()
                    .map(|(index, cells)| Row { index, cells })
                    .collect(),
                merges: Vec::new(),
            }],
            issues: Vec::new(),
        }
    }

    #[test]
    fn every_score_of_a_questionnaire_is_scored_or_has_its_error() {
        let workbook = berth_allocation();
        let current = Assessment::fresh("2026-01-01T00:00:00Z");
        let planned = plan(
            Path::new("questionnaire.xlsx"),
            &workbook,
            &current,
            &Mapping::default(),
        )
        .expect("a plan");
        let scored: Vec<String> = planned.processes[0]
            .scores
            .iter()
            .map(|s| s.cell.a1())
            .collect();
        assert_eq!(
            scored,
            vec!["B5", "C5", "D5", "C6"],
            "None, 3, None and High"
        );
        for cell in ["B6", "D6"] {
            let address = format!("'Berth allocation'!{cell}");
            assert!(
                planned.issues.iter().any(|i| i.address == address
                    && i.level == Level::Error
                    && i.message.contains("Amber")),
                "{address}: {:#?}",
                planned.issues
            );
        }
        assert!(
            planned
                .issues
                .iter()
                .any(|i| i.address == "'Berth allocation'!B2" && i.message.contains("soon")),
            "a value that is no duration has its error too"
        );
        assert!(!planned.issues.iter().any(|i| i.message.contains("horizon")));
    }

    const PIECES: &[&str] = &[
        "Process name:",
        "Process name: Payroll run",
        "Department:",
        "RTO:",
        "RTO (days):",
        "Key suppliers:",
        "Minimum staff:",
        "MBCO:",
        "Budget code:",
        "Impact category",
        "4 hours",
        "1 day",
        "Financial",
        "Customer",
        "Low",
        "Medium",
        "High",
        "Critical",
        "Amber",
        "soon",
        "Acme Logistics",
        "Payroll run",
        "Claims handling",
        "days",
    ];

    proptest::proptest! {
        /// Whatever a form sheet holds, planning it gives a plan (or says
        /// nothing could be imported), and every cell the form reader left
        /// out has its issue in the plan.
        #[test]
        fn planning_any_form_never_panics_and_keeps_its_issues(
            cells in proptest::collection::vec((0u32..16, 0u32..5, 0usize..PIECES.len() + 2), 0..70),
        ) {
            let mut grid: std::collections::BTreeMap<u32, std::collections::BTreeMap<u32, Value>> =
                Default::default();
            for (r, c, pick) in cells {
                let value = match pick.checked_sub(PIECES.len()) {
                    None => Value::Text(PIECES[pick].into()),
                    Some(0) => Value::Number(f64::from(r % 7)),
                    _ => Value::Number(0.5),
                };
                grid.entry(r).or_default().insert(c, value);
            }
            let sheet = Sheet {
                name: "Forms".into(),
                rows: grid
                    .into_iter()
                    .map(|(index, cells)| Row { index, cells: cells.into_iter().collect() })
                    .collect(),
                merges: Vec::new(),
            };
            let workbook = Workbook {
                file: "forms.xlsx".into(),
                format: Format::Xlsx,
                sheets: vec![sheet],
                issues: Vec::new(),
            };
            let current = Assessment::fresh("2026-01-01T00:00:00Z");
            let mapping = Mapping::default();
            match plan(Path::new("forms.xlsx"), &workbook, &current, &mapping) {
                Ok(planned) => {
                    for cell in form_cells(&workbook, &current, &mapping) {
                        if let CellUse::LeftOut { issue } = &cell.used {
                            proptest::prop_assert!(
                                covered(&planned.issues, issue),
                                "{}: no issue at {issue}", cell.pos.a1()
                            );
                        }
                    }
                    let scores: usize = planned.processes.iter().map(|p| p.scores.len()).sum();
                    proptest::prop_assert!(scores <= workbook.sheets[0].cell_count());
                }
                Err(e) => proptest::prop_assert_eq!(e.code(), "no_table"),
            }
        }
    }
}
