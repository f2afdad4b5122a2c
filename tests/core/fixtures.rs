//! The fixtures the import tests read: the two public workbooks in
//! `../shared/fixtures` when the project sits beside it (as in CI), and
//! the project's own, generated here in the same shapes so that a clone on
//! its own still tests every shape those files exercise.
//!
//! - [`strategy_register`]: a departmental recovery strategy register as a
//!   CSV (the shape of `recovery-strategy-register.csv`): a title row, a
//!   department row, a band of group headers, the header on row 4; RTO and
//!   MTPD in hours, RPO as text (`N/A`, `15 Minutes`, `1 business day`),
//!   criticality as `4 - Major`, many columns a BIA does not model, a lost
//!   em-dash as a double space.
//! - [`asset_bia`]: an asset BIA workbook (the shape of CISO Assistant's
//!   import template): a Summary sheet, a sheet of assets with booleans as
//!   `=TRUE()` formulas, and a sheet of one row per impact with the time
//!   in seconds, the impact as an index into the scale and the categories
//!   as a comma-separated list.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Formula, Workbook};

/// A public fixture, or `None` (with a notice) when `../shared` is not
/// beside the project.
pub fn shared(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures")
        .join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is not here (the project is not beside ../shared); \
             the generated fixture of the same shape is tested instead",
            path.display()
        );
        None
    }
}

/// The header of a recovery strategy register, in its order.
pub const REGISTER_HEADER: &str = "Strategy Ref,BIA Ref,Department / Unit,Function / Process Name,\
Prepared By (BCC),Date Prepared,Plan Version,Criticality Ranking,RTO (Hrs),RPO,MTPD (Hrs),\
Strategy Type(s),Strategy Summary,Alternate Site/Access Required?,Cross-Trained Backup Staff?,\
Current Recovery Capability (Hrs),RTO Gap?,Recovery Team Confirmed?,\
Resource Requirements Documented?,Last Tested Date,Test Result Summary,Next Test Due,Test Status,\
Reviewed By,Review Date,Approved By,Approval Date,Status,Days Since Last Review,Comments / Notes";

/// One row of the register: process, criticality, RTO (h), RPO, MTPD (h),
/// capability (h), summary, comments.
type RegisterRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// The register's rows.
const REGISTER_ROWS: [RegisterRow; 6] = [
    (
        "Supplier Payments Run",
        "4 - Major",
        "24",
        "1 business day",
        "72",
        "12",
        "Pay from the bank portal with the printed run sheet; reconcile on return",
        "Bank token held by two people.",
    ),
    (
        "Payroll Calculation",
        "5 - Critical",
        "8",
        "15 Minutes",
        "48",
        "4",
        "Bureau runs last month's payroll  adjust on return",
        "Bureau contract checked in June.",
    ),
    (
        "Cash Forecasting",
        "2 - Minor",
        "72",
        "N/A",
        "240",
        "72",
        "Spreadsheet from the shared drive",
        "",
    ),
    (
        "Customer Invoicing",
        "3 - Moderate",
        "48",
        "1 Hour",
        "120",
        "24",
        "Invoice from the ERP standby instance",
        "Standby not tested this year.",
    ),
    (
        "Credit Control",
        "3 - Moderate",
        "48",
        "4 Hours",
        "168",
        "48",
        "Call lists printed weekly",
        "",
    ),
    (
        "Month-End Close",
        "4 - Major",
        "72",
        "1 business day",
        "240",
        "96",
        "Close from the last trial balance; journals by hand",
        "Capability beyond the RTO: gap raised.",
    ),
];

/// Writes a recovery strategy register of six processes in the unit
/// "Finance Operations" as `name` in `dir`.
pub fn strategy_register(dir: &Path, name: &str) -> PathBuf {
    let width = REGISTER_HEADER.split(',').count();
    let pad = |cells: Vec<String>| {
        let mut cells = cells;
        cells.resize(width, String::new());
        cells.join(",")
    };
    let mut lines = vec![
        pad(vec!["DEPARTMENTAL RECOVERY STRATEGY REGISTER".into()]),
        pad({
            let mut row = vec!["Department: Finance Operations".to_string()];
            row.resize(17, String::new());
            row.push("Register Owner (BCC):  ______   Last Updated:  04-Nov-2026".into());
            row
        }),
        pad({
            let mut band = vec![String::new(); 30];
            for (col, title) in [
                (0, "IDENTIFICATION"),
                (7, "RECOVERY TARGETS (FROM BIA)"),
                (11, "STRATEGY DETAILS"),
                (15, "READINESS"),
                (19, "TESTING"),
                (23, "SIGN-OFF & STATUS"),
            ] {
                band[col] = title.into();
            }
            band
        }),
        REGISTER_HEADER.to_string(),
    ];
    for (i, (process, critical, rto, rpo, mtpd, capability, summary, comments)) in
        REGISTER_ROWS.iter().enumerate()
    {
        let n = i + 1;
        let quoted = |s: &str| {
            if s.contains(',') {
                format!("\"{s}\"")
            } else {
                s.to_string()
            }
        };
        let row = vec![
            format!("RS-2026-FO-{n:02}"),
            format!("BIA-2026-FO-{n:02}"),
            "Finance Operations".into(),
            process.to_string(),
            "M. Okafor (BCC)".into(),
            "02-Nov-2026".into(),
            "v1.1".into(),
            critical.to_string(),
            rto.to_string(),
            rpo.to_string(),
            mtpd.to_string(),
            "People + Technology".into(),
            quoted(summary),
            "Yes".into(),
            "No".into(),
            capability.to_string(),
            if capability.parse::<u32>().unwrap() > rto.parse::<u32>().unwrap() {
                "Yes".into()
            } else {
                "No".into()
            },
            "Yes".into(),
            "No".into(),
            String::new(),
            "Not yet tested".into(),
            String::new(),
            "Not Tested".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            "Draft".into(),
            String::new(),
            quoted(comments),
        ];
        lines.push(pad(row));
    }
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").expect("the register is written");
    path
}

/// Writes an asset BIA workbook of one asset, "payments gateway", with
/// three impacts (one at 5 days, which no default horizon is) as `name`
/// in `dir`.
pub fn asset_bia(dir: &Path, name: &str) -> PathBuf {
    let mut book = Workbook::new();
    let summary = book.add_worksheet();
    summary.set_name("Summary").unwrap();
    for (col, header) in [
        "",
        "name",
        "description",
        "perimeter",
        "risk_matrix",
        "folder",
        "version",
        "status",
    ]
    .iter()
    .enumerate()
    {
        summary.write_string(0, col as u16, *header).unwrap();
    }
    for (col, value) in ["", "bia", "", "", "4x4 risk matrix", "DEMO", "1.0", ""]
        .iter()
        .enumerate()
    {
        summary.write_string(1, col as u16, *value).unwrap();
    }

    let assets = book.add_worksheet();
    assets.set_name("bia").unwrap();
    let headers = [
        "bia_name",
        "asset",
        "asset_ref_id",
        "recovery_documented",
        "recovery_tested",
        "recovery_targets_met",
        "dependencies",
        "associated_controls",
        "evidences",
        "observation",
    ];
    for (col, header) in headers.iter().enumerate() {
        assets.write_string(0, col as u16, *header).unwrap();
    }
    assets.write_string(1, 0, "bia").unwrap();
    assets.write_string(1, 1, "payments gateway").unwrap();
    for col in 3..=4 {
        assets
            .write_formula(1, col, Formula::new("=TRUE()").set_result("TRUE"))
            .unwrap();
    }
    assets
        .write_formula(1, 5, Formula::new("=FALSE()").set_result("FALSE"))
        .unwrap();
    assets.write_string(1, 8, "runbook_v3").unwrap();
    assets
        .write_string(1, 9, "Failover tested in March")
        .unwrap();

    let impacts = book.add_worksheet();
    impacts.set_name("bia - thresholds").unwrap();
    let headers = [
        "bia_name",
        "asset",
        "asset_ref_id",
        "point_in_time",
        "quali_impact",
        "quanti_impact",
        "quanti_impact_unit",
        "qualifications",
        "justification",
    ];
    for (col, header) in headers.iter().enumerate() {
        impacts.write_string(0, col as u16, *header).unwrap();
    }
    // Seconds: 1 d, 5 d (no such default horizon), 1 w.
    let rows: [(f64, f64, &str, &str); 3] = [
        (
            86_400.0,
            1.0,
            "financial,reputation",
            "Card payments queue for a day",
        ),
        (
            432_000.0,
            2.0,
            "availability,confidentiality",
            "Settlement files go stale",
        ),
        (
            604_800.0,
            3.0,
            "financial,legal",
            "Scheme fines after a week",
        ),
    ];
    for (i, (seconds, impact, qualifications, why)) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        impacts.write_string(row, 0, "bia").unwrap();
        impacts.write_string(row, 1, "payments gateway").unwrap();
        impacts.write_number(row, 3, *seconds).unwrap();
        impacts.write_number(row, 4, *impact).unwrap();
        impacts.write_number(row, 5, 0.0).unwrap();
        impacts.write_string(row, 6, "currency").unwrap();
        impacts.write_string(row, 7, *qualifications).unwrap();
        impacts.write_string(row, 8, *why).unwrap();
    }
    let path = dir.join(name);
    book.save(&path).expect("the workbook saves");
    path
}
