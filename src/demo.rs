//! The demo assessment: Harbourline Logistics, a fictional freight,
//! warehousing and distribution company, so that the app has something
//! real to show on first launch and tests have a realistic workshop.
//!
//! Built through the same store calls a user's edits go through, then the
//! edit history is cleared (making the demo is not the user's to undo).

use std::path::Path;

use crate::error::Result;
use crate::model::{
    AssessmentInput, DependencyInput, DependencyTarget, Redundancy, ResourceInput, ResourceKind, Strength, CustomField, ObjectivesInput, ProcessInput, Provenance, ScoreInput, Status,
    UnitInput,
};
use crate::store::Store;

/// How a process's impact grows: nothing before horizon `onset`, then
/// `rate` levels per horizon, up to each category's peak (categories in
/// the default order: Financial, Operational, Customer, Reputational,
/// Legal & Regulatory, Health & Safety, Environmental). `tweaks` set single
/// cells (category, horizon index, severity) on top.
struct Profile {
    onset: usize,
    rate: u8,
    peaks: [u8; 7],
    tweaks: &'static [(usize, usize, u8)],
}

/// What the room agreed: RTO, RPO, WRT, MBCO, and an MTPD override with its reason.
struct Agreed {
    rto: &'static str,
    rpo: &'static str,
    wrt: &'static str,
    mbco: &'static str,
    mtpd_override: Option<(&'static str, &'static str)>,
}

const fn grow(onset: usize, rate: u8, peaks: [u8; 7]) -> Option<Profile> {
    Some(Profile {
        onset,
        rate,
        peaks,
        tweaks: &[],
    })
}

const fn agree(
    rto: &'static str,
    rpo: &'static str,
    wrt: &'static str,
    mbco: &'static str,
) -> Option<Agreed> {
    Some(Agreed {
        rto,
        rpo,
        wrt,
        mbco,
        mtpd_override: None,
    })
}

/// Impact and objectives by process name. Deliberate problems for the room
/// to find: Customs clearance's RTO (1 w) is beyond its MTPD (3 d);
/// Complaints handling is unscored; Seasonal recruitment's operational
/// impact falls with time.
const IMPACTS: &[(&str, Option<Profile>, Option<Agreed>)] = &[
    (
        "Inbound goods receiving",
        grow(1, 1, [4, 4, 3, 2, 1, 0, 0]),
        agree("1 d", "4 h", "4 h", "60"),
    ),
    (
        "Pick, pack and dispatch",
        grow(0, 2, [5, 5, 5, 4, 3, 1, 0]),
        agree("2 h", "15 min", "1 h", "70"),
    ),
    (
        "Cold-chain storage monitoring",
        grow(0, 2, [4, 3, 4, 4, 5, 5, 3]),
        agree("1 h", "15 min", "30 min", "100"),
    ),
    (
        "Inventory control and cycle counts",
        grow(3, 1, [3, 3, 1, 1, 2, 0, 0]),
        agree("1 w", "1 d", "", "25"),
    ),
    (
        "Returns processing",
        grow(4, 1, [3, 2, 3, 1, 1, 0, 1]),
        agree("2 w", "1 d", "", ""),
    ),
    (
        "Route planning and scheduling",
        grow(1, 2, [4, 5, 4, 3, 2, 1, 0]),
        agree("4 h", "1 h", "2 h", "80"),
    ),
    (
        "Fleet maintenance",
        grow(3, 1, [3, 4, 2, 2, 3, 3, 1]),
        agree("3 d", "1 d", "", "50"),
    ),
    (
        "Driver compliance and tachograph records",
        grow(4, 1, [2, 2, 1, 3, 4, 2, 0]),
        agree("1 w", "1 d", "", "50"),
    ),
    (
        "Customs clearance and documentation",
        grow(1, 1, [4, 4, 5, 3, 4, 0, 0]),
        agree("1 w", "4 h", "", "50"),
    ),
    (
        "Customer order intake",
        grow(0, 2, [5, 4, 5, 4, 3, 0, 0]),
        agree("2 h", "15 min", "30 min", "60"),
    ),
    (
        "Shipment tracking enquiries",
        grow(1, 1, [2, 2, 4, 3, 1, 0, 0]),
        agree("1 d", "4 h", "", "50"),
    ),
    ("Complaints handling", None, None),
    (
        "Key account management",
        grow(2, 1, [4, 1, 4, 3, 2, 0, 0]),
        agree("3 d", "n/a", "", "30"),
    ),
    (
        "Customer invoicing",
        grow(2, 1, [4, 2, 2, 1, 2, 0, 0]),
        agree("3 d", "1 d", "1 d", "50"),
    ),
    (
        "Accounts payable",
        grow(3, 1, [3, 2, 1, 2, 4, 0, 0]),
        agree("1 w", "1 d", "", "50"),
    ),
    (
        "Treasury and cash management",
        grow(0, 1, [5, 2, 1, 3, 4, 0, 0]),
        Some(Agreed {
            rto: "4 h",
            rpo: "1 h",
            wrt: "2 h",
            mbco: "100",
            mtpd_override: Some((
                "8 h",
                "Lenders' daily cash report is due at 10:00; missing it breaches the facility",
            )),
        }),
    ),
    (
        "Month-end close and reporting",
        grow(4, 1, [3, 2, 0, 3, 4, 0, 0]),
        agree("1 w", "1 d", "", ""),
    ),
    (
        "Payroll processing",
        grow(1, 1, [3, 3, 2, 4, 5, 1, 0]),
        agree("1 d", "4 h", "4 h", "100"),
    ),
    (
        "Seasonal recruitment and onboarding",
        Some(Profile {
            onset: 5,
            rate: 1,
            peaks: [2, 3, 1, 2, 1, 0, 0],
            tweaks: &[(1, 7, 1)],
        }),
        agree("2 w", "1 w", "", ""),
    ),
    (
        "Health and safety incident management",
        grow(0, 2, [1, 2, 0, 3, 4, 5, 2]),
        agree("1 h", "n/a", "", "100"),
    ),
    (
        "IT service desk",
        grow(1, 1, [2, 4, 2, 1, 0, 0, 0]),
        agree("1 d", "1 d", "", "50"),
    ),
    (
        "Warehouse management system operations",
        grow(0, 2, [5, 5, 4, 3, 2, 0, 0]),
        agree("2 h", "15 min", "1 h", "80"),
    ),
    (
        "Network and cyber security monitoring",
        grow(1, 1, [3, 4, 2, 4, 4, 0, 0]),
        agree("8 h", "1 h", "", ""),
    ),
    (
        "Supplier onboarding and due diligence",
        grow(5, 1, [1, 2, 0, 1, 3, 0, 0]),
        agree("2 w", "1 w", "", ""),
    ),
    (
        "Fuel and consumables purchasing",
        grow(2, 1, [2, 4, 1, 1, 0, 1, 2]),
        agree("3 d", "1 d", "", "50"),
    ),
];

/// The process whose objectives were agreed before its impact was scored,
/// leaving an RTO beyond the MTPD for the room to find.
const RTO_BEYOND_MTPD: &str = "Customs clearance and documentation";

/// Resources as (kind, name, owner, recovery time, data loss, redundancy,
/// contractual recovery for suppliers); blank durations are unknown.
const RESOURCES: &[(ResourceKind, &str, &str, &str, &str, Redundancy, &str)] = &[
    (ResourceKind::Application, "Harbourline WMS", "Ben Adeyemi", "4 h", "15 min", Redundancy::Alternate, ""),
    (ResourceKind::Application, "Transport management system", "Tom Reilly", "8 h", "1 h", Redundancy::None, ""),
    (ResourceKind::Application, "Finance ERP", "Sophie Chen", "1 d", "1 h", Redundancy::Alternate, ""),
    (ResourceKind::Application, "Sage Payroll", "Aisha Bello", "3 d", "1 d", Redundancy::None, ""),
    (ResourceKind::Application, "Customer EDI gateway", "Ben Adeyemi", "2 h", "15 min", Redundancy::AutomaticFailover, ""),
    (ResourceKind::Application, "Customer portal", "Hannah Lowe", "4 h", "1 h", Redundancy::Alternate, ""),
    (ResourceKind::Application, "Temperature monitoring platform", "Dev Ramanathan", "", "", Redundancy::None, ""),
    (ResourceKind::Application, "Telematics and tachograph platform", "Gareth Pugh", "1 d", "1 d", Redundancy::None, ""),
    (ResourceKind::Application, "Microsoft 365 (email and Teams)", "Ben Adeyemi", "4 h", "1 h", Redundancy::Alternate, ""),
    (ResourceKind::Application, "Banking portal", "James Whitfield", "2 h", "0", Redundancy::AutomaticFailover, ""),
    (ResourceKind::Application, "Customs declaration software", "Priya Natarajan", "1 d", "4 h", Redundancy::ManualWorkaround, ""),
    (ResourceKind::Infrastructure, "Primary data centre, Reading", "Ben Adeyemi", "8 h", "15 min", Redundancy::None, ""),
    (ResourceKind::Infrastructure, "Felixstowe site network and Wi-Fi", "Lena Kowalski", "4 h", "", Redundancy::ManualWorkaround, ""),
    (ResourceKind::Data, "Customer order records", "Hannah Lowe", "4 h", "15 min", Redundancy::Alternate, ""),
    (ResourceKind::Data, "Employee master data", "Aisha Bello", "1 d", "1 d", Redundancy::Alternate, ""),
    (ResourceKind::Supplier, "Managed security partner", "Lena Kowalski", "", "", Redundancy::Alternate, "4 h"),
    (ResourceKind::Supplier, "Agency staffing partner", "Aisha Bello", "", "", Redundancy::Alternate, "3 d"),
    (ResourceKind::Supplier, "Fuel card provider", "Rachel Summers", "", "", Redundancy::ManualWorkaround, "1 d"),
    (ResourceKind::Supplier, "Customs broker (call-off)", "Priya Natarajan", "", "", Redundancy::Alternate, "1 d"),
    (ResourceKind::Supplier, "Cloud hosting provider", "Ben Adeyemi", "4 h", "15 min", Redundancy::AutomaticFailover, "4 h"),
    (ResourceKind::People, "Licensed forklift operators", "Maria Okafor", "1 d", "", Redundancy::Alternate, ""),
    (ResourceKind::People, "Payroll specialists", "Aisha Bello", "1 d", "", Redundancy::ManualWorkaround, ""),
    (ResourceKind::People, "Customs-qualified declarants", "Priya Natarajan", "3 d", "", Redundancy::None, ""),
    (ResourceKind::People, "Treasury signatories", "James Whitfield", "2 h", "", Redundancy::Alternate, ""),
    (ResourceKind::Site, "Felixstowe distribution centre", "Maria Okafor", "1 w", "", Redundancy::Alternate, ""),
    (ResourceKind::Site, "Birmingham hub", "Tom Reilly", "1 w", "", Redundancy::Alternate, ""),
    (ResourceKind::Site, "Head office, Ipswich", "James Whitfield", "1 d", "", Redundancy::ManualWorkaround, ""),
    (ResourceKind::Equipment, "Handheld scanners", "Maria Okafor", "1 h", "", Redundancy::Alternate, ""),
    (ResourceKind::Equipment, "Refrigerated storage units", "Dev Ramanathan", "3 d", "", Redundancy::None, ""),
    (ResourceKind::Equipment, "Delivery fleet (140 vehicles)", "Gareth Pugh", "1 d", "", Redundancy::Alternate, ""),
    (ResourceKind::Equipment, "Forklift trucks", "Maria Okafor", "4 h", "", Redundancy::Alternate, ""),
];

/// Who relies on what (`from`, `to`, strength), by name. Deliberate
/// findings: the WMS and the data centre it runs on restore too slowly for
/// picking (RTO 2 h); Sage Payroll takes 3 d against payroll's 1 d; the
/// temperature platform's recovery is unknown under a Tier 1 process;
/// refrigerated storage and the data centre are single points of failure;
/// order intake relies on stock control, whose RTO is a week.
const DEPENDENCIES: &[(&str, &str, Strength)] = &[
    ("Inbound goods receiving", "Harbourline WMS", Strength::Required),
    ("Inbound goods receiving", "Handheld scanners", Strength::Required),
    ("Inbound goods receiving", "Felixstowe distribution centre", Strength::Required),
    ("Inbound goods receiving", "Licensed forklift operators", Strength::Required),
    ("Inbound goods receiving", "Forklift trucks", Strength::Required),
    ("Pick, pack and dispatch", "Harbourline WMS", Strength::Required),
    ("Pick, pack and dispatch", "Handheld scanners", Strength::Required),
    ("Pick, pack and dispatch", "Felixstowe distribution centre", Strength::Required),
    ("Pick, pack and dispatch", "Licensed forklift operators", Strength::Degraded),
    ("Pick, pack and dispatch", "Customer order intake", Strength::Required),
    ("Cold-chain storage monitoring", "Temperature monitoring platform", Strength::Required),
    ("Cold-chain storage monitoring", "Refrigerated storage units", Strength::Required),
    ("Route planning and scheduling", "Transport management system", Strength::Required),
    ("Route planning and scheduling", "Telematics and tachograph platform", Strength::Degraded),
    ("Customer order intake", "Customer EDI gateway", Strength::Required),
    ("Customer order intake", "Customer portal", Strength::Degraded),
    ("Customer order intake", "Customer order records", Strength::Required),
    ("Customer order intake", "Inventory control and cycle counts", Strength::Required),
    ("Shipment tracking enquiries", "Transport management system", Strength::Required),
    ("Shipment tracking enquiries", "Microsoft 365 (email and Teams)", Strength::Degraded),
    ("Customer invoicing", "Finance ERP", Strength::Required),
    ("Accounts payable", "Finance ERP", Strength::Required),
    ("Accounts payable", "Banking portal", Strength::Required),
    ("Treasury and cash management", "Banking portal", Strength::Required),
    ("Treasury and cash management", "Treasury signatories", Strength::Required),
    ("Month-end close and reporting", "Finance ERP", Strength::Required),
    ("Payroll processing", "Sage Payroll", Strength::Required),
    ("Payroll processing", "Payroll specialists", Strength::Required),
    ("Payroll processing", "Employee master data", Strength::Required),
    ("Customs clearance and documentation", "Customs declaration software", Strength::Required),
    ("Customs clearance and documentation", "Customs-qualified declarants", Strength::Required),
    ("Customs clearance and documentation", "Customs broker (call-off)", Strength::Optional),
    ("Driver compliance and tachograph records", "Telematics and tachograph platform", Strength::Required),
    ("IT service desk", "Microsoft 365 (email and Teams)", Strength::Required),
    ("Warehouse management system operations", "Harbourline WMS", Strength::Required),
    ("Network and cyber security monitoring", "Managed security partner", Strength::Required),
    ("Seasonal recruitment and onboarding", "Agency staffing partner", Strength::Required),
    ("Fuel and consumables purchasing", "Fuel card provider", Strength::Required),
    ("Fleet maintenance", "Delivery fleet (140 vehicles)", Strength::Required),
    ("Harbourline WMS", "Primary data centre, Reading", Strength::Required),
    ("Transport management system", "Primary data centre, Reading", Strength::Required),
    ("Finance ERP", "Cloud hosting provider", Strength::Required),
    ("Customer EDI gateway", "Cloud hosting provider", Strength::Required),
    ("Customer portal", "Cloud hosting provider", Strength::Required),
    ("Handheld scanners", "Felixstowe site network and Wi-Fi", Strength::Required),
    ("Harbourline WMS", "Customer order records", Strength::Required),
];

/// The date of the demo's workshop.
const WORKSHOP_DAY: &str = "2026-03-12";

/// Units as (name, parent).
const UNITS: &[(&str, Option<&str>)] = &[
    ("Operations", None),
    ("Warehouse Operations", Some("Operations")),
    ("Transport & Fleet", Some("Operations")),
    ("Customer Service", None),
    ("Finance", None),
    ("People & Payroll", None),
    ("IT Services", None),
    ("Procurement", None),
];

struct DemoProcess {
    name: &'static str,
    unit: &'static str,
    owner: &'static str,
    description: &'static str,
    peak: &'static str,
    staff: Option<u32>,
    workaround: &'static str,
    status: Status,
    custom: &'static [(&'static str, &'static str)],
}

const PROCESSES: &[DemoProcess] = &[
    DemoProcess {
        name: "Inbound goods receiving",
        unit: "Warehouse Operations",
        owner: "Maria Okafor",
        description: "Unload, check and book in inbound deliveries against purchase orders and advance shipping notices.",
        peak: "Mon–Tue mornings; October to December",
        staff: Some(6),
        workaround: "Paper goods-in log, keyed into the WMS when it returns",
        status: Status::Approved,
        custom: &[("Site", "Felixstowe DC"), ("Last BIA review", "2026-03-12")],
    },
    DemoProcess {
        name: "Pick, pack and dispatch",
        unit: "Warehouse Operations",
        owner: "Maria Okafor",
        description: "Pick customer orders, pack to carrier specification and load for the evening trunking runs.",
        peak: "Daily 14:00–18:00 cut-off; Black Friday to Christmas",
        staff: Some(14),
        workaround: "Printed pick lists from the last WMS export; manual consignment notes",
        status: Status::Approved,
        custom: &[("Site", "Felixstowe DC"), ("Last BIA review", "2026-03-12")],
    },
    DemoProcess {
        name: "Cold-chain storage monitoring",
        unit: "Warehouse Operations",
        owner: "Dev Ramanathan",
        description: "Keep pharmaceutical and food stock within 2–8 °C and evidence it for customers and auditors.",
        peak: "Summer heatwaves",
        staff: Some(2),
        workaround: "Manual temperature readings every 30 minutes on paper logs",
        status: Status::InReview,
        custom: &[
            ("Site", "Felixstowe DC"),
            ("Regulatory reference", "MHRA Good Distribution Practice"),
        ],
    },
    DemoProcess {
        name: "Inventory control and cycle counts",
        unit: "Warehouse Operations",
        owner: "Dev Ramanathan",
        description: "Keep stock records accurate through daily cycle counts and investigation of discrepancies.",
        peak: "Quarter ends",
        staff: Some(3),
        workaround: "",
        status: Status::Draft,
        custom: &[],
    },
    DemoProcess {
        name: "Returns processing",
        unit: "Warehouse Operations",
        owner: "Maria Okafor",
        description: "Receive, inspect and restock or dispose of customer returns; raise credit requests.",
        peak: "January",
        staff: Some(4),
        workaround: "Quarantine returns unprocessed for up to two weeks",
        status: Status::Draft,
        custom: &[("Site", "Birmingham hub")],
    },
    DemoProcess {
        name: "Route planning and scheduling",
        unit: "Transport & Fleet",
        owner: "Tom Reilly",
        description: "Plan next-day delivery routes and driver schedules across the fleet of 140 vehicles.",
        peak: "Sunday evening for Monday; pre-Christmas",
        staff: Some(3),
        workaround: "Repeat last week's fixed routes from printed run sheets",
        status: Status::Approved,
        custom: &[("Site", "Birmingham hub")],
    },
    DemoProcess {
        name: "Fleet maintenance",
        unit: "Transport & Fleet",
        owner: "Gareth Pugh",
        description: "Scheduled servicing, MOT preparation and roadside breakdown response for the fleet.",
        peak: "",
        staff: Some(5),
        workaround: "Contract garage network for urgent repairs",
        status: Status::InReview,
        custom: &[],
    },
    DemoProcess {
        name: "Driver compliance and tachograph records",
        unit: "Transport & Fleet",
        owner: "Gareth Pugh",
        description: "Download and analyse tachograph data; manage driver hours, licences and CPC training records.",
        peak: "Month end",
        staff: Some(2),
        workaround: "Drivers keep printouts; analysis caught up within the 28-day legal window",
        status: Status::Draft,
        custom: &[(
            "Regulatory reference",
            "Retained EU Regulation 561/2006; DVSA",
        )],
    },
    DemoProcess {
        name: "Customs clearance and documentation",
        unit: "Transport & Fleet",
        owner: "Priya Natarajan",
        description: "Prepare import and export declarations and safety and security filings for port movements.",
        peak: "Port congestion periods; Chinese New Year backlog",
        staff: Some(4),
        workaround: "Use a customs broker on an emergency call-off contract",
        status: Status::InReview,
        custom: &[
            ("Regulatory reference", "HMRC Authorised Economic Operator"),
            ("Site", "Felixstowe DC"),
        ],
    },
    DemoProcess {
        name: "Customer order intake",
        unit: "Customer Service",
        owner: "Hannah Lowe",
        description: "Receive orders by EDI, portal and email; validate and release them to the warehouse.",
        peak: "Weekdays 08:00–12:00; November",
        staff: Some(8),
        workaround: "Take orders by phone and email onto spreadsheets",
        status: Status::Approved,
        custom: &[],
    },
    DemoProcess {
        name: "Shipment tracking enquiries",
        unit: "Customer Service",
        owner: "Hannah Lowe",
        description: "Answer where-is-my-order calls and emails; proactive delay notifications to key accounts.",
        peak: "Christmas peak; severe weather",
        staff: Some(6),
        workaround: "Call drivers directly for status",
        status: Status::Draft,
        custom: &[],
    },
    DemoProcess {
        name: "Complaints handling",
        unit: "Customer Service",
        owner: "Hannah Lowe",
        description: "Log, investigate and resolve customer complaints within the service-level agreement.",
        peak: "January",
        staff: Some(2),
        workaround: "",
        status: Status::Draft,
        custom: &[],
    },
    DemoProcess {
        name: "Key account management",
        unit: "Customer Service",
        owner: "Oliver Grant",
        description: "Weekly service reviews and escalation handling for the ten largest retail and pharma customers.",
        peak: "Contract renewals in Q1",
        staff: Some(3),
        workaround: "Account managers work from personal notes and phones",
        status: Status::InReview,
        custom: &[],
    },
    DemoProcess {
        name: "Customer invoicing",
        unit: "Finance",
        owner: "Sophie Chen",
        description: "Raise invoices from proof-of-delivery data and chase overdue receivables.",
        peak: "First five working days of the month",
        staff: Some(4),
        workaround: "Delay invoicing; the backlog is cleared within a week",
        status: Status::Approved,
        custom: &[],
    },
    DemoProcess {
        name: "Accounts payable",
        unit: "Finance",
        owner: "Sophie Chen",
        description: "Match supplier invoices and pay hauliers, fuel and agency-staff suppliers on terms.",
        peak: "Month end",
        staff: Some(3),
        workaround: "Manual payment runs through the banking portal for critical suppliers",
        status: Status::Approved,
        custom: &[],
    },
    DemoProcess {
        name: "Treasury and cash management",
        unit: "Finance",
        owner: "James Whitfield",
        description: "Daily cash positioning, borrowing facility drawdowns and foreign-exchange settlements.",
        peak: "Quarter ends",
        staff: Some(1),
        workaround: "Bank relationship manager can execute urgent payments by phone",
        status: Status::InReview,
        custom: &[],
    },
    DemoProcess {
        name: "Month-end close and reporting",
        unit: "Finance",
        owner: "James Whitfield",
        description: "Close the ledgers and report results to the board and lenders (covenant reporting).",
        peak: "Working days 1–6 of each month",
        staff: Some(4),
        workaround: "",
        status: Status::Draft,
        custom: &[("Regulatory reference", "Lender covenant reporting")],
    },
    DemoProcess {
        name: "Payroll processing",
        unit: "People & Payroll",
        owner: "Aisha Bello",
        description: "Weekly pay for 600 drivers and warehouse staff; monthly pay for salaried staff.",
        peak: "Every Thursday (weekly run); 25th of the month",
        staff: Some(2),
        workaround: "Repeat the previous pay run and correct it in the next one",
        status: Status::Approved,
        custom: &[("Regulatory reference", "HMRC RTI submissions")],
    },
    DemoProcess {
        name: "Seasonal recruitment and onboarding",
        unit: "People & Payroll",
        owner: "Aisha Bello",
        description: "Hire, vet and induct up to 250 seasonal workers through agencies ahead of peak.",
        peak: "September to November",
        staff: Some(3),
        workaround: "Extend agency contracts; defer inductions",
        status: Status::Draft,
        custom: &[],
    },
    DemoProcess {
        name: "Health and safety incident management",
        unit: "People & Payroll",
        owner: "Callum Fraser",
        description: "Respond to, record and investigate workplace accidents; report to the regulator where required.",
        peak: "",
        staff: Some(1),
        workaround: "Paper accident book at each site",
        status: Status::InReview,
        custom: &[("Regulatory reference", "RIDDOR")],
    },
    DemoProcess {
        name: "IT service desk",
        unit: "IT Services",
        owner: "Ben Adeyemi",
        description: "First-line support for 900 users across three sites, including handheld scanner faults.",
        peak: "Monday mornings",
        staff: Some(4),
        workaround: "Escalate by phone to the on-call engineer",
        status: Status::Draft,
        custom: &[],
    },
    DemoProcess {
        name: "Warehouse management system operations",
        unit: "IT Services",
        owner: "Ben Adeyemi",
        description: "Run, monitor and patch the WMS and its integrations with carriers and customer EDI.",
        peak: "Peak season change freeze from November",
        staff: Some(2),
        workaround: "",
        status: Status::InReview,
        custom: &[("Site", "Primary data centre, Reading")],
    },
    DemoProcess {
        name: "Network and cyber security monitoring",
        unit: "IT Services",
        owner: "Lena Kowalski",
        description: "24×7 monitoring of the network, endpoints and firewalls with the managed security partner.",
        peak: "",
        staff: Some(2),
        workaround: "",
        status: Status::Draft,
        custom: &[],
    },
    DemoProcess {
        name: "Supplier onboarding and due diligence",
        unit: "Procurement",
        owner: "Rachel Summers",
        description: "Vet new hauliers and subcontractors: insurance, licences, sanctions and financial checks.",
        peak: "Before peak season",
        staff: Some(2),
        workaround: "Use only already approved suppliers",
        status: Status::Draft,
        custom: &[],
    },
    DemoProcess {
        name: "Fuel and consumables purchasing",
        unit: "Procurement",
        owner: "Rachel Summers",
        description: "Order diesel, AdBlue, pallets, stretch wrap and packaging to keep sites supplied.",
        peak: "Winter (fuel additives, de-icer)",
        staff: Some(1),
        workaround: "Fuel cards at public forecourts; emergency packaging from a cash-and-carry",
        status: Status::Draft,
        custom: &[],
    },
];

/// Writes the demo assessment to a new file at `path`.
pub fn create(path: &Path) -> Result<Store> {
    let mut store = Store::create(
        path,
        &AssessmentInput {
            name: "Harbourline Logistics — BIA 2026".into(),
            organisation: "Harbourline Logistics Ltd".into(),
            scope: "UK freight forwarding, warehousing and distribution: Felixstowe DC, Birmingham hub, head office"
                .into(),
            facilitator: "Eleanor Marsh (Continuity Partners)".into(),
        },
    )?;
    let filled = fill(&mut store);
    if let Err(err) = filled {
        drop(store);
        let _ = std::fs::remove_file(path);
        return Err(err);
    }
    Ok(store)
}

fn fill(store: &mut Store) -> Result<()> {
    for (name, parent) in UNITS {
        let parent_id = match parent {
            Some(p) => store.unit_by_name(p)?.map(|u| u.id),
            None => None,
        };
        store.create_unit(&UnitInput {
            name: (*name).into(),
            parent_id,
        })?;
    }
    for p in PROCESSES {
        let unit_id = store.unit_by_name(p.unit)?.map(|u| u.id);
        let input = ProcessInput {
            name: p.name.into(),
            unit_id,
            owner: p.owner.into(),
            description: p.description.into(),
            peak_periods: p.peak.into(),
            minimum_staff: p.staff,
            workaround: p.workaround.into(),
            notes: String::new(),
            status: Status::Draft,
            custom_fields: p
                .custom
                .iter()
                .map(|(n, v)| CustomField {
                    name: (*n).into(),
                    value: (*v).into(),
                })
                .collect(),
        };
        store.create_process(&input, &Provenance::Demo)?;
    }
    let m = store.methodology()?;
    for (name, profile, agreed) in IMPACTS {
        let Some(process) = store.process_by_name(name)? else {
            continue;
        };
        let agree = |store: &mut Store| -> Result<()> {
            let Some(a) = agreed else { return Ok(()) };
            let (mtpd_override, reason) = a.mtpd_override.unwrap_or(("", ""));
            let input = ObjectivesInput {
                mtpd_override: mtpd_override.into(),
                mtpd_override_reason: reason.into(),
                rto: a.rto.into(),
                rpo: a.rpo.into(),
                wrt: a.wrt.into(),
                mbco: a.mbco.into(),
                rationale: "Agreed in the BIA workshop with the process owner".into(),
                agreed_by: format!("{}; Eleanor Marsh", process.owner),
                agreed_on: WORKSHOP_DAY.into(),
            };
            store
                .set_objectives(process.id, &input, &Provenance::Demo)
                .map(|_| ())
        };
        if *name == RTO_BEYOND_MTPD {
            agree(store)?;
        }
        if let Some(profile) = profile {
            let mut cells = Vec::new();
            for (c, category) in m.categories.iter().enumerate() {
                for (h, horizon) in m.horizons.iter().enumerate() {
                    let grown = if h < profile.onset {
                        0
                    } else {
                        ((h - profile.onset + 1) as u8 * profile.rate).min(profile.peaks[c])
                    };
                    let severity = profile
                        .tweaks
                        .iter()
                        .find(|(tc, th, _)| *tc == c && *th == h)
                        .map_or(grown, |t| t.2);
                    cells.push(ScoreInput {
                        category_id: category.id,
                        horizon_id: horizon.id,
                        severity: Some(severity),
                        note: None,
                    });
                }
            }
            store.set_scores(process.id, &cells, &Provenance::Demo)?;
        }
        if *name != RTO_BEYOND_MTPD {
            agree(store)?;
        }
    }
    for p in PROCESSES.iter().filter(|p| p.status != Status::Draft) {
        if let Some(process) = store.process_by_name(p.name)? {
            let note = match p.status {
                Status::Approved => format!(
                    "Signed off by {} in the workshop of {WORKSHOP_DAY}",
                    p.owner
                ),
                _ => "Scores and objectives ready for the owner's review".to_string(),
            };
            store.set_status(process.id, p.status, &note)?;
        }
    }
    for (kind, name, owner, rto, rpo, redundancy, contractual) in RESOURCES {
        let input = ResourceInput {
            kind: *kind,
            name: (*name).into(),
            owner: (*owner).into(),
            rto_capability: (*rto).into(),
            rpo_capability: (*rpo).into(),
            redundancy: *redundancy,
            contractual_recovery: (*contractual).into(),
            ..Default::default()
        };
        store.create_resource(&input, &Provenance::Demo)?;
    }
    for (from, to, strength) in DEPENDENCIES {
        let input = DependencyInput {
            from: store.node_named(from)?,
            to: DependencyTarget::Existing(store.node_named(to)?),
            strength: *strength,
            note: String::new(),
        };
        store.create_dependency(&input, &Provenance::Demo)?;
    }
    store.forget_history()
}
