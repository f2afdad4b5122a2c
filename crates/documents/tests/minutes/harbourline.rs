//! The minutes of a real-looking workshop, built by hand: Harbourline
//! Logistics' Finance workshop of Thursday 3 December 2026 — six people,
//! three processes (Accounts payable, Payroll, Month-end close), three
//! actions and the changes made in the room. Shared by the PDF tests here
//! and the workbook tests in `bia-excel` (which include this file), so both
//! writers are held to the same story.
//!
//! It builds values only; it draws no heatmap (the tests read the PNG
//! `bia chart heatmap` drew for these scores, `heatmap.png` beside this file).

#![allow(dead_code)]

use bia_model::{
    AgreedValues, MinutesAction, MinutesAgendaItem, MinutesChange, MinutesGridRow,
    MinutesParticipant, WorkshopMinutes,
};

pub const ASSESSMENT: &str = "Harbourline Logistics — BIA 2026";

pub const HORIZONS: [&str; 8] = ["1 h", "4 h", "8 h", "1 d", "3 d", "1 w", "2 w", "1 mo"];

pub const CATEGORIES: [&str; 7] = [
    "Financial",
    "Operational",
    "Customer",
    "Reputational",
    "Legal & regulatory",
    "Health & safety",
    "Environmental",
];

const LEVELS: [&str; 6] = [
    "None",
    "Minimal",
    "Minor",
    "Moderate",
    "Major",
    "Catastrophic",
];

/// Severity per category (rows) and horizon (columns); `None` unscored.
type Scores = [[Option<u8>; 8]; 7];

const U: Option<u8> = None;

const ACCOUNTS_PAYABLE: Scores = levels([
    [0, 0, 1, 2, 3, 4, 4, 5],
    [0, 1, 1, 2, 3, 3, 4, 4],
    [0, 0, 0, 1, 2, 2, 3, 3],
    [0, 0, 0, 1, 2, 3, 3, 4],
    [0, 0, 0, 0, 1, 2, 3, 3],
    [0, 0, 0, 0, 0, 0, 0, 0],
    [9, 9, 9, 9, 9, 9, 9, 9],
]);

const PAYROLL: Scores = levels([
    [0, 1, 2, 3, 4, 5, 5, 5],
    [1, 2, 3, 3, 4, 4, 5, 5],
    [0, 0, 0, 0, 0, 1, 1, 1],
    [0, 1, 2, 3, 4, 4, 5, 5],
    [0, 0, 1, 2, 3, 4, 4, 5],
    [0, 0, 0, 0, 1, 1, 2, 2],
    [0, 0, 0, 0, 0, 0, 0, 0],
]);

const MONTH_END: Scores = levels([
    [0, 0, 0, 0, 1, 2, 3, 4],
    [0, 0, 0, 1, 1, 2, 3, 3],
    [0, 0, 0, 0, 0, 0, 1, 1],
    [0, 0, 0, 0, 0, 1, 2, 3],
    [0, 0, 0, 0, 1, 2, 3, 4],
    [0, 0, 0, 0, 0, 0, 0, 0],
    [9, 9, 9, 9, 9, 9, 9, 9],
]);

/// The table as written, with 9 for "unscored".
const fn levels(rows: [[u8; 8]; 7]) -> Scores {
    let mut out = [[U; 8]; 7];
    let mut r = 0;
    while r < 7 {
        let mut c = 0;
        while c < 8 {
            if rows[r][c] != 9 {
                out[r][c] = Some(rows[r][c]);
            }
            c += 1;
        }
        r += 1;
    }
    out
}

fn grid(scores: &Scores) -> Vec<MinutesGridRow> {
    CATEGORIES
        .iter()
        .zip(scores)
        .map(|(category, row)| MinutesGridRow {
            category: category.to_string(),
            cells: row
                .iter()
                .map(|l| l.map_or(String::new(), |l| format!("{l} – {}", LEVELS[l as usize])))
                .collect(),
            levels: row.to_vec(),
        })
        .collect()
}

fn s(text: &str) -> String {
    text.to_string()
}

fn participant(name: &str, role: &str, unit: &str, present: bool) -> MinutesParticipant {
    MinutesParticipant {
        name: s(name),
        role: s(role),
        unit: s(unit),
        attendance: s(if present { "present" } else { "absent" }),
    }
}

fn action(kind: &str, text: &str, owner: &str, due: &str, concerns: &str) -> MinutesAction {
    MinutesAction {
        kind: s(kind),
        text: s(text),
        owner: s(owner),
        due: s(due),
        concerns: s(concerns),
        status: s("open"),
    }
}

fn change(at: &str, what: &str, who: &str, rationale: &str) -> MinutesChange {
    MinutesChange {
        at: s(at),
        what: s(what),
        who: s(who),
        rationale: s(rationale),
    }
}

/// The minutes of the Finance workshop, without a heatmap.
pub fn finance_workshop() -> WorkshopMinutes {
    WorkshopMinutes {
        assessment: s(ASSESSMENT),
        organisation: s("Harbourline Logistics"),
        title: s("Finance BIA workshop"),
        date: s("Thursday 3 December 2026"),
        start_time: s("09:30"),
        place: s("Board room, Southampton head office"),
        facilitator: s("Priya Natarajan"),
        scribe: s("Tom Reilly"),
        status: s("finished"),
        started: s("09:32"),
        finished: s("11:05"),
        notes: s("Scope agreed at the start: the three Finance processes \
                  with a payment or reporting deadline.\nTreasury and cash \
                  management moves to the January workshop."),
        participants: vec![
            participant("Sophie Chen", "Finance Director", "Finance", true),
            participant("James Whitfield", "Financial Controller", "Finance", true),
            participant("Aisha Bello", "Payroll Manager", "People & Payroll", true),
            participant("Ben Adeyemi", "IT Service Manager", "IT Services", true),
            participant("Rachel Summers", "Procurement Lead", "Procurement", false),
            participant("Marcus Reid", "Head of Risk", "Risk & Compliance", true),
        ],
        agenda: vec![
            MinutesAgendaItem {
                position: 1,
                process: s("Accounts payable"),
                status: s("done"),
                timebox: s("25 min"),
                spent: s("22 min"),
                over_time: false,
                notes: String::new(),
            },
            MinutesAgendaItem {
                position: 2,
                process: s("Payroll"),
                status: s("done"),
                timebox: s("25 min"),
                spent: s("34 min"),
                over_time: true,
                notes: s("Long discussion of the BACS cut-off."),
            },
            MinutesAgendaItem {
                position: 3,
                process: s("Month-end close"),
                status: s("done"),
                timebox: s("20 min"),
                spent: s("18 min"),
                over_time: false,
                notes: String::new(),
            },
        ],
        horizons: HORIZONS.iter().map(|h| s(h)).collect(),
        processes: vec![
            AgreedValues {
                process: s("Accounts payable"),
                unit: s("Finance"),
                owner: s("Sophie Chen"),
                review_status: s("approved"),
                grid: grid(&ACCOUNTS_PAYABLE),
                mtpd: s("1 w"),
                mtpd_reason: s("Derived: Financial reaches 4 – Major at 1 w"),
                rto: s("3 d"),
                rpo: s("1 d"),
                wrt: s("1 d"),
                mbco: s("60 %"),
                tier: s("Tier 3 — Important"),
                rationale: s("Suppliers on 30-day terms tolerate a few days; \
                              the weekly payment run is the first to slip."),
                agreed_by: s("Sophie Chen, Marcus Reid"),
                signed_off_by: vec![s("Sophie Chen"), s("Marcus Reid")],
                signed_off_at: s("3 Dec 2026 10:02"),
            },
            AgreedValues {
                process: s("Payroll"),
                unit: s("People & Payroll"),
                owner: s("Aisha Bello"),
                review_status: s("in review"),
                grid: grid(&PAYROLL),
                mtpd: s("3 d"),
                mtpd_reason: s("Derived: Financial reaches 4 – Major at 3 d"),
                rto: s("1 d"),
                rpo: s("4 h"),
                wrt: s("4 h"),
                mbco: s("100 %"),
                tier: s("Tier 2 — Essential"),
                rationale: s("Staff must be paid on the usual date; the BACS \
                              submission closes two working days before."),
                agreed_by: s("Aisha Bello, Sophie Chen"),
                signed_off_by: vec![s("Aisha Bello")],
                signed_off_at: s("3 Dec 2026 10:41"),
            },
            AgreedValues {
                process: s("Month-end close"),
                unit: s("Finance"),
                owner: s("James Whitfield"),
                review_status: s("draft"),
                grid: grid(&MONTH_END),
                mtpd: s("2 w"),
                mtpd_reason: s("Agreed: the lender's covenant report is due on \
                                working day 10 (derived 1 mo)"),
                rto: s("1 w"),
                rpo: s("1 d"),
                wrt: s("2 d"),
                mbco: s("50 %"),
                tier: s("Tier 4 — Deferrable"),
                rationale: s("Management accounts first; the statutory close \
                              can follow."),
                agreed_by: s("James Whitfield"),
                signed_off_by: Vec::new(),
                signed_off_at: String::new(),
            },
        ],
        actions: vec![
            action(
                "action",
                "Confirm with the bank how late a manual BACS file can be submitted",
                "Aisha Bello",
                "17 Dec 2026",
                "Payroll",
            ),
            action(
                "action",
                "Document the manual payment run from the bank portal",
                "James Whitfield",
                "8 Jan 2027",
                "Accounts payable",
            ),
            action(
                "question",
                "Can the ERP be restored within 1 d from the off-site backup?",
                "Ben Adeyemi",
                "",
                "Month-end close",
            ),
        ],
        changes: vec![
            change(
                "09:51",
                "RTO of Accounts payable: 1 w → 3 d",
                "Priya Natarajan",
                "The weekly payment run cannot slip twice.",
            ),
            change(
                "10:37",
                "RPO of Payroll: 1 d → 4 h",
                "Priya Natarajan",
                "Timesheet changes during the day must not be lost.",
            ),
            change(
                "10:58",
                "MTPD of Month-end close: 1 mo → 2 w (override)",
                "Priya Natarajan",
                "Covenant reporting deadline.",
            ),
        ],
        heatmap_svg: None,
        heatmap_png: None,
    }
}
