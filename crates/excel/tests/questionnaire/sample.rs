//! The questionnaire Harbourline Logistics sends Sophie Chen, who owns
//! Accounts payable and Payroll in Finance: seven impact categories over
//! eight horizons, a scale from 0 None to 5 Critical with what each level
//! means per category, and what the assessment holds today pre-filled.

use bia_model::{
    AnswerKey, FormCategory, FormDependency, FormFact, FormHorizon, FormLevel, FormProcess,
    FormTerm, Id, QuestionnaireForm, SentValue,
};

pub const CATEGORIES: [&str; 7] = [
    "Financial",
    "Operational",
    "Reputational",
    "Legal & regulatory",
    "Customer",
    "Health & safety",
    "Environmental",
];

pub const HORIZONS: [&str; 8] = [
    "1 h", "4 h", "1 day", "2 days", "1 week", "2 weeks", "1 month", "3 months",
];

const LEVELS: [&str; 6] = ["None", "Minor", "Moderate", "Major", "Severe", "Critical"];

/// What each level means, per category, 0 to 5.
const DEFINITIONS: [[&str; 6]; 7] = [
    [
        "No financial loss",
        "Loss under £10k, absorbed by the budget",
        "Loss of £10k–£100k",
        "Loss of £100k–£1m; the forecast is revised",
        "Loss of £1m–£5m; the board is told",
        "Loss over £5m or a breach of banking covenants",
    ],
    [
        "No effect on operations",
        "Minor delays the team absorbs",
        "A backlog cleared within a week",
        "Several teams cannot work; overtime is needed",
        "Core operations stop at one site",
        "Operations stop across the group",
    ],
    [
        "No one outside notices",
        "Internal awareness only",
        "Complaints from a few customers or suppliers",
        "Local press or social media coverage",
        "National press coverage",
        "Sustained national coverage; lasting loss of trust",
    ],
    [
        "No breach",
        "A minor breach of an internal policy",
        "A breach reportable to a regulator; no sanction expected",
        "A regulator's enquiry or a contractual penalty",
        "A fine or enforcement action",
        "Licence withdrawn or criminal liability for directors",
    ],
    [
        "No customer notices",
        "A few customers see small delays",
        "Many customers see delays; service levels missed",
        "Key customers affected; service credits paid",
        "Key customers lost",
        "Widespread loss of customers",
    ],
    [
        "No risk to anyone",
        "First-aid injuries possible",
        "Injuries needing medical treatment",
        "Serious injury to one person",
        "Serious injuries to several people",
        "Loss of life",
    ],
    [
        "No effect",
        "A contained spill or emission on site",
        "A minor release off site, cleaned up within a day",
        "A release reportable to the Environment Agency",
        "Significant damage needing remediation",
        "Long-term damage to the environment",
    ],
];

/// Accounts payable's levels as held today, per category and horizon
/// ("" unscored).
const PAYABLES: [[&str; 8]; 7] = [
    ["0", "0", "1", "2", "3", "4", "5", "5"],
    ["0", "1", "2", "3", "4", "4", "5", "5"],
    ["0", "0", "1", "1", "2", "3", "4", "4"],
    ["0", "0", "0", "1", "2", "3", "3", "4"],
    ["0", "0", "1", "2", "2", "3", "4", "4"],
    ["0", "0", "0", "0", "0", "0", "0", "0"],
    ["", "", "", "", "", "", "", ""],
];

const PAYROLL: [[&str; 8]; 7] = [
    ["0", "0", "0", "1", "3", "4", "5", "5"],
    ["0", "0", "1", "2", "3", "4", "4", "5"],
    ["0", "0", "1", "2", "4", "5", "5", "5"],
    ["0", "0", "1", "2", "3", "4", "5", "5"],
    ["", "", "", "", "", "", "", ""],
    ["0", "0", "0", "0", "1", "1", "2", "2"],
    ["0", "0", "0", "0", "0", "0", "0", "0"],
];

pub fn form() -> QuestionnaireForm {
    let categories: Vec<FormCategory> = CATEGORIES
        .iter()
        .zip(DEFINITIONS)
        .map(|(name, defs)| FormCategory {
            id: Id::new(),
            name: name.to_string(),
            definitions: defs
                .iter()
                .enumerate()
                .map(|(v, d)| (v as u8, d.to_string()))
                .collect(),
        })
        .collect();
    let horizons: Vec<FormHorizon> = HORIZONS
        .iter()
        .map(|h| FormHorizon {
            id: Id::new(),
            label: h.to_string(),
        })
        .collect();
    let process = |name: &str,
                   facts: &[(&str, &str)],
                   details: [&str; 4],
                   grid: [[&str; 8]; 7],
                   objectives: [&str; 4],
                   dependencies: &[(&str, &str, &str)]| {
        let mut values: Vec<SentValue> =
            ["description", "peak_periods", "minimum_staff", "workaround"]
                .iter()
                .zip(details)
                .map(|(k, v)| sent(k, v))
                .collect();
        for (c, row) in categories.iter().zip(grid) {
            for (h, v) in horizons.iter().zip(row) {
                let key = AnswerKey::Score {
                    category: c.id,
                    horizon: h.id,
                };
                values.push(sent(&key.to_string(), v));
            }
        }
        for (k, v) in ["rto", "rpo", "wrt", "mbco"].iter().zip(objectives) {
            values.push(sent(k, v));
        }
        for s in ["details", "impact", "objectives", "dependencies"] {
            values.push(sent(&format!("comment:{s}"), ""));
        }
        FormProcess {
            process_id: Id::new(),
            name: name.to_string(),
            facts: facts
                .iter()
                .map(|(l, v)| FormFact {
                    label: l.to_string(),
                    value: v.to_string(),
                })
                .collect(),
            values,
            dependencies: dependencies
                .iter()
                .map(|(k, n, note)| FormDependency {
                    kind: k.to_string(),
                    name: n.to_string(),
                    note: note.to_string(),
                })
                .collect(),
        }
    };
    let payables = process(
        "Accounts payable",
        &[
            ("Unit", "Finance › Accounts payable"),
            ("Owner", "Sophie Chen"),
            ("Status", "In review"),
            ("Tier", "Tier 2"),
            (
                "MTPD (derived)",
                "2 days — Financial reaches 2 Moderate at 2 days",
            ),
        ],
        [
            "Pays supplier invoices: matching to purchase orders and receipts, approval, and the \
             twice-weekly payment run through the bank.",
            "Month end; the year end in March",
            "3",
            "Urgent payments keyed by hand in the bank's portal by two signatories",
        ],
        PAYABLES,
        ["1 day", "4 h", "", "50 %"],
        &[
            (
                "Application",
                "SAP S/4HANA",
                "Critical — invoices are posted there",
            ),
            (
                "Supplier",
                "Barclays business banking",
                "Critical — the payment runs",
            ),
            ("Process", "Purchase-to-pay approvals", "Important"),
        ],
    );
    let payroll = process(
        "Payroll",
        &[
            ("Unit", "Finance › Payroll"),
            ("Owner", "Sophie Chen"),
            ("Status", "Draft"),
            ("Tier", "Tier 1"),
            ("MTPD (derived)", "1 week"),
        ],
        [
            "Pays 1,850 staff monthly and 300 weekly; pensions, taxes and deductions.",
            "The last week of each month",
            "2",
            "",
        ],
        PAYROLL,
        ["3 days", "1 day", "1 day", ""],
        &[
            ("Application", "ADP iHCM", "Critical"),
            (
                "Supplier",
                "ADP payroll bureau",
                "Critical — runs the BACS file",
            ),
        ],
    );
    QuestionnaireForm {
        questionnaire_id: Id::new(),
        assessment_id: Id::new(),
        assessment_name: "BIA 2026".into(),
        organisation: "Harbourline Logistics".into(),
        recipient: "Sophie Chen".into(),
        sent_on: "7 Dec 2026".into(),
        due: "21 Dec 2026".into(),
        return_to: "Marcus Webb, Business Continuity".into(),
        scale: LEVELS
            .iter()
            .enumerate()
            .map(|(v, n)| FormLevel {
                value: v as u8,
                name: n.to_string(),
            })
            .collect(),
        categories,
        horizons,
        durations: ["1 h", "2 h", "4 h", "8 h", "1 day", "2 days", "3 days", "1 week", "2 weeks", "1 month"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        kinds: ["Application", "IT service", "Supplier", "Process", "Site", "Equipment", "Data", "Staff skill"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        terms: [
            ("RTO", "Recovery time objective: how soon the process must run again after it stops."),
            ("RPO", "Recovery point objective: how much recent data may be lost, as the time since the last copy."),
            ("MTPD", "Maximum tolerable period of disruption: how long the process can stop before the harm is unacceptable. Worked out from the impact grid."),
            ("WRT", "Work recovery time: the time to catch up and check the work once systems are back."),
            ("MBCO", "Minimum business continuity objective: the share of normal output that must continue during a disruption."),
        ]
        .iter()
        .map(|(t, m)| FormTerm {
            term: t.to_string(),
            meaning: m.to_string(),
        })
        .collect(),
        processes: vec![payables, payroll],
    }
}

fn sent(key: &str, value: &str) -> SentValue {
    SentValue {
        key: key.to_string(),
        value: value.to_string(),
    }
}
