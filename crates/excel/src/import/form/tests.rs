//! Tests of reading questionnaire sheets: labels and values, impact
//! tables, several forms a sheet, and every cell accounted for.

use super::*;

fn sheet(rows: &[(u32, &[(u32, Value)])]) -> Sheet {
    Sheet {
        name: "Payroll".into(),
        rows: rows
            .iter()
            .map(|(r, cells)| Row {
                index: *r,
                cells: cells.to_vec(),
            })
            .collect(),
        merges: Vec::new(),
    }
}

fn t(s: &str) -> Value {
    Value::Text(s.into())
}

fn read(s: &Sheet) -> FormSheet {
    read_in(s, &Methodology::default())
}

fn read_in(s: &Sheet, m: &Methodology) -> FormSheet {
    let synonyms = Synonyms::shipped();
    let cx = Context {
        synonyms: &synonyms,
        choices: &[],
        methodology: m,
    };
    read_form_sheet(0, s, &cx).expect("a form")
}

/// Every non-empty cell is accounted for once, and a cell left out
/// points at an issue that exists.
fn accounted(s: &Sheet, f: &FormSheet) {
    let mut seen: FxHashMap<Pos, &CellUse> = FxHashMap::default();
    for c in &f.cells {
        assert!(
            seen.insert(c.pos, &c.used).is_none(),
            "{} twice",
            c.pos.a1()
        );
    }
    for row in &s.rows {
        for (c, _) in &row.cells {
            let pos = Pos::new(row.index, *c);
            let used = seen
                .get(&pos)
                .unwrap_or_else(|| panic!("{} is not accounted for: {f:#?}", pos.a1()));
            if let CellUse::LeftOut { issue } = used {
                assert!(
                    f.issues.iter().any(|i| &i.address == issue),
                    "{}: no issue at {issue}",
                    pos.a1()
                );
            }
        }
    }
    assert_eq!(seen.len(), s.cell_count());
}

#[test]
fn labels_values_and_the_impact_grid_of_one_form() {
    let s = sheet(&[
        (0, &[(0, t("Business Impact Analysis – questionnaire"))]),
        (2, &[(0, t("Process name:")), (2, t("Payroll run"))]),
        (3, &[(0, t("Department:")), (2, t("Finance"))]),
        (
            4,
            &[
                (0, t("Maximum tolerable downtime (hours):")),
                (3, Value::Number(72.0)),
            ],
        ),
        (
            5,
            &[
                (0, t("Recovery time objective:")),
                (2, Value::Number(1.0)),
                (3, t("days")),
            ],
        ),
        (6, &[(0, t("Systems required:"))]),
        (7, &[(0, t("Core banking"))]),
        (8, &[(0, t("Citrix"))]),
        (9, &[(0, t("Budget code: FIN-7"))]),
        (
            11,
            &[
                (0, t("Impact category")),
                (1, t("4 hours")),
                (2, t("1 day")),
                (3, t("1 week")),
                (4, t("Comments")),
            ],
        ),
        (
            12,
            &[
                (0, t("Financial")),
                (1, t("Low")),
                (2, t("High")),
                (3, t("Critical")),
                (4, t("Month end")),
            ],
        ),
        (13, &[(0, t("Staff wellbeing")), (1, t("Low"))]),
    ]);
    let f = read(&s);
    accounted(&s, &f);
    assert_eq!(f.forms.len(), 1);
    let form = &f.forms[0];
    assert_eq!(form.name.values[0].1, t("Payroll run"));
    let field = |label: &str| form.entries.iter().find(|e| e.label == label).unwrap();
    assert_eq!(field("Department").field, Field::Unit);
    let mtpd = field("Maximum tolerable downtime (hours)");
    assert_eq!((mtpd.field.clone(), mtpd.unit), (Field::Mtpd, Some(60)));
    let rto = field("Recovery time objective");
    assert_eq!(
        (rto.unit, rto.values.len()),
        (Some(1440), 1),
        "the unit cell"
    );
    let systems = field("Systems required");
    assert_eq!(systems.values.len(), 2, "a list below its label");
    assert_eq!(field("Budget code").values[0].1, t("FIN-7"));
    assert_eq!(field("Budget code").field, Field::Custom);
    assert_eq!(
        form.scores.len(),
        3,
        "staff wellbeing is no category of the assessment"
    );
    assert_eq!(form.notes[0].0, "Comments – Financial");
    assert!(f.issues.iter().any(|i| i.address == "Payroll!A14"));
    assert!(
        f.issues
            .iter()
            .any(|i| i.address == "Payroll!A1" && i.level == Level::Info)
    );
}

#[test]
fn several_forms_on_one_sheet_and_half_a_form() {
    let s = sheet(&[
        (0, &[(0, t("Department:")), (1, t("Operations"))]),
        (1, &[(0, t("Process name:")), (1, t("Customer onboarding"))]),
        (2, &[(0, t("RTO:")), (1, t("4 hours"))]),
        (4, &[(0, t("Process name:")), (1, t("Claims handling"))]),
        (5, &[(0, t("Process owner:"))]),
        (6, &[(0, t("Impact")), (1, t("4 hours")), (2, t("1 day"))]),
        (7, &[(0, t("Financial"))]),
        (9, &[(0, t("Process name:"))]),
        (10, &[(0, t("RTO:")), (1, t("8 hours"))]),
    ]);
    let f = read(&s);
    accounted(&s, &f);
    assert_eq!(f.forms.len(), 2, "the third has no name");
    assert!(
        f.forms
            .iter()
            .all(|form| form.entries.iter().any(|e| e.field == Field::Unit)),
        "the department above the first form is every form's"
    );
    let says = |a: &str| {
        f.issues
            .iter()
            .filter(|i| i.address == a)
            .map(|i| i.message.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(
        says("Payroll!A6").contains("no value"),
        "{}",
        says("Payroll!A6")
    );
    assert!(
        says("Payroll!B7").contains("no scores"),
        "{}",
        says("Payroll!B7")
    );
    assert!(
        says("Payroll!A10").contains("rows 10 to 11"),
        "{}",
        says("Payroll!A10")
    );
}

/// The uses of row `row`'s cells, from column B on.
fn uses(f: &FormSheet, row: u32) -> Vec<CellUse> {
    let mut cells: Vec<&FormCell> = f
        .cells
        .iter()
        .filter(|c| c.pos.row == row && c.pos.col > 0)
        .collect();
    cells.sort_by_key(|c| c.pos.col);
    cells.into_iter().map(|c| c.used.clone()).collect()
}

/// A questionnaire's impact table whose first row of scores reads,
/// word by word, like time points ("None" is no time at all).
fn port_operations(rows: &[(u32, &[(u32, Value)])]) -> Sheet {
    let name = [(0, t("Process name:")), (1, t("Berth allocation"))];
    let unit = [(0, t("Department:")), (1, t("Port operations"))];
    let mut all: Vec<(u32, &[(u32, Value)])> = vec![(0, &name), (1, &unit)];
    all.extend_from_slice(rows);
    sheet(&all)
}

#[test]
fn a_score_row_of_none_and_numbers_is_scores_not_a_second_header() {
    let s = port_operations(&[
        (
            3,
            &[
                (0, t("Impact category")),
                (1, t("4 hours")),
                (2, t("1 day")),
                (3, t("3 days")),
                (4, t("1 week")),
            ],
        ),
        (
            4,
            &[
                (0, t("Financial")),
                (1, t("None")),
                (2, Value::Number(3.0)),
                (3, t("Critical")),
                (4, t("None")),
            ],
        ),
        (
            5,
            &[
                (0, t("Operational")),
                (1, t("Low")),
                (2, t("Amber")),
                (3, t("Medium")),
                (4, t("High")),
            ],
        ),
    ]);
    let m = Methodology::default();
    let f = read_in(&s, &m);
    accounted(&s, &f);
    assert_eq!(uses(&f, 4), vec![CellUse::Score; 4], "{f:#?}");
    assert_eq!(uses(&f, 5), vec![CellUse::Score; 4], "{f:#?}");
    let horizons: Vec<Minutes> = f.forms[0]
        .scores
        .iter()
        .filter(|s| s.pos.row == 4)
        .map(|s| {
            m.horizons
                .iter()
                .find(|h| h.id == s.horizon)
                .unwrap()
                .minutes
        })
        .collect();
    assert_eq!(
        horizons,
        vec![
            Minutes(4 * 60),
            Minutes(Minutes::DAY),
            Minutes(3 * Minutes::DAY),
            Minutes(Minutes::WEEK)
        ],
        "each score under its own time point"
    );
    assert!(
        f.issues.is_empty(),
        "no row read as time points: {:#?}",
        f.issues
    );
}

#[test]
fn words_that_read_as_time_points_head_no_table() {
    // No header: a row of scores alone is no table, and says so at
    // each cell.
    let s = port_operations(&[(3, &[(0, t("Financial")), (1, t("None")), (2, t("None"))])]);
    let f = read(&s);
    accounted(&s, &f);
    assert!(f.forms[0].scores.is_empty());
    for col in [1, 2] {
        let at = address("Payroll", Pos::new(3, col));
        assert!(
            f.issues.iter().any(|i| i.address == at),
            "{at}: {:#?}",
            f.issues
        );
    }
    assert!(!f.issues.iter().any(|i| i.message.contains("horizon")));
}

#[test]
fn a_second_table_starts_at_its_own_header_and_a_spacer_row_ends_none() {
    let s = port_operations(&[
        (
            3,
            &[
                (0, t("Impact category")),
                (1, t("4 hours")),
                (2, t("1 day")),
            ],
        ),
        (4, &[(0, t("Financial")), (1, t("Low")), (2, t("High"))]),
        // A spacer row, then a category: the same table.
        (
            6,
            &[(0, t("Reputational")), (1, t("Low")), (2, t("Medium"))],
        ),
        (
            7,
            &[
                (0, t("Impact category")),
                (1, t("1 week")),
                (2, t("1 month")),
            ],
        ),
        (
            8,
            &[(0, t("Operational")), (1, t("High")), (2, t("Critical"))],
        ),
    ]);
    let m = Methodology::default();
    let f = read_in(&s, &m);
    accounted(&s, &f);
    let at = |row: u32| -> Vec<Minutes> {
        f.forms[0]
            .scores
            .iter()
            .filter(|s| s.pos.row == row)
            .map(|s| {
                m.horizons
                    .iter()
                    .find(|h| h.id == s.horizon)
                    .unwrap()
                    .minutes
            })
            .collect()
    };
    assert_eq!(at(6), vec![Minutes(4 * 60), Minutes(Minutes::DAY)]);
    assert_eq!(at(8), vec![Minutes(Minutes::WEEK), Minutes(Minutes::MONTH)]);
    assert_eq!(uses(&f, 7), vec![CellUse::Label; 2], "the second header");
    assert!(f.issues.is_empty(), "{:#?}", f.issues);
}

#[test]
fn cells_under_a_column_left_out_are_its_issues_repeats() {
    let s = port_operations(&[
        (
            3,
            &[
                (0, t("Impact category")),
                (1, t("1 day")),
                (2, t("24 hours")),
            ],
        ),
        (4, &[(0, t("Financial")), (1, t("Low")), (2, t("High"))]),
        (
            5,
            &[
                (0, t("Legal and regulatory")),
                (1, t("Low")),
                (2, t("Critical")),
            ],
        ),
    ]);
    let f = read(&s);
    accounted(&s, &f);
    let out = f
        .issues
        .iter()
        .find(|i| i.address == "Payroll!C4")
        .expect("the second 1-day column is left out");
    assert_eq!(out.repeats, 2, "{out:#?}");
    assert_eq!(
        uses(&f, 4)[1],
        CellUse::LeftOut {
            issue: "Payroll!C4".into()
        }
    );
}

#[test]
fn a_sheet_of_notes_is_no_form() {
    let s = sheet(&[
        (0, &[(0, t("Instructions for the form"))]),
        (1, &[(0, t("Fill in every field"))]),
    ]);
    let m = Methodology::default();
    let synonyms = Synonyms::shipped();
    let cx = Context {
        synonyms: &synonyms,
        choices: &[],
        methodology: &m,
    };
    assert!(read_form_sheet(0, &s, &cx).is_none());
}

/// Found by the generated-sheet test below: a category header under a
/// row of time points whose label is a bare ":" was counted twice.
#[test]
fn a_category_header_below_a_stray_time_row_is_counted_once() {
    let s = sheet(&[
        (0, &[(0, t("Process name:"))]),
        (3, &[(2, t("Systems required:"))]),
        (4, &[(0, t("4 hours")), (2, t(":")), (3, t("4 hours"))]),
        (5, &[(2, t("Impact category"))]),
    ]);
    let f = read(&s);
    accounted(&s, &f);
}

/// Texts a form is made of: labels, time points, categories, words,
/// and values, so that generated sheets are often forms.
const PIECES: &[&str] = &[
    "Process name:",
    "Process name: Payroll run",
    "Department:",
    "Process owner:",
    "RTO:",
    "Maximum tolerable downtime (hours):",
    "Systems required:",
    "Key suppliers:",
    "Budget code:",
    "Impact category",
    "4 hours",
    "1 day",
    "1 week",
    "5 years",
    "Financial",
    "Reputation",
    "Staff wellbeing",
    "Low",
    "Critical",
    "Amber",
    "Core banking; Citrix",
    "Payroll run",
    "hours",
    "N/A",
    "",
    ":",
];

proptest::proptest! {
    #[test]
    fn any_sheet_reads_without_panic_and_every_cell_is_accounted_for(
        cells in proptest::collection::vec(
            (0u32..14, 0u32..6, 0usize..PIECES.len() + 3),
            0..60,
        ),
    ) {
        let mut grid: std::collections::BTreeMap<u32, std::collections::BTreeMap<u32, Value>> =
            Default::default();
        for (r, c, pick) in cells {
            let value = match pick.checked_sub(PIECES.len()) {
                None => t(PIECES[pick]),
                Some(0) => Value::Number(f64::from(r % 6)),
                Some(1) => Value::Number(72.5),
                _ => Value::Error("#N/A".into()),
            };
            if matches!(&value, Value::Text(x) if x.is_empty()) {
                continue;
            }
            grid.entry(r).or_default().insert(c, value);
        }
        let s = Sheet {
            name: "Generated".into(),
            rows: grid
                .into_iter()
                .map(|(index, cells)| Row { index, cells: cells.into_iter().collect() })
                .collect(),
            merges: Vec::new(),
        };
        let m = Methodology::default();
        let synonyms = Synonyms::shipped();
        let cx = Context { synonyms: &synonyms, choices: &[], methodology: &m };
        if let Some(f) = read_form_sheet(0, &s, &cx) {
            accounted(&s, &f);
        }
    }
}
