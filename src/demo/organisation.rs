//! The demo's organisation: units, processes, how their impact grows and
//! what the room agreed for each. Data only.

use bia_model::Status;

/// How a process's impact grows: nothing before horizon `onset`, then
/// `rate` levels per horizon, up to each category's peak (categories in
/// the default order: Financial, Operational, Customer, Reputational,
/// Legal & Regulatory, Health & Safety, Environmental). `tweaks` set single
/// cells (category, horizon index, severity) on top.
pub(super) struct Profile {
    pub(super) onset: usize,
    pub(super) rate: u8,
    pub(super) peaks: [u8; 7],
    pub(super) tweaks: &'static [(usize, usize, u8)],
}

/// What the room agreed: RTO, RPO, WRT, MBCO, and an MTPD override with its reason.
pub(super) struct Agreed {
    pub(super) rto: &'static str,
    pub(super) rpo: &'static str,
    pub(super) wrt: &'static str,
    pub(super) mbco: &'static str,
    pub(super) mtpd_override: Option<(&'static str, &'static str)>,
}

pub(super) const fn grow(onset: usize, rate: u8, peaks: [u8; 7]) -> Option<Profile> {
    Some(Profile {
        onset,
        rate,
        peaks,
        tweaks: &[],
    })
}

pub(super) const fn agree(
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
pub(super) const IMPACTS: &[(&str, Option<Profile>, Option<Agreed>)] = &[
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
pub(super) const RTO_BEYOND_MTPD: &str = "Customs clearance and documentation";

/// The date of the demo's workshop.
pub(super) const WORKSHOP_DAY: &str = "2026-03-12";

/// Units as (name, parent).
pub(super) const UNITS: &[(&str, Option<&str>)] = &[
    ("Operations", None),
    ("Warehouse Operations", Some("Operations")),
    ("Transport & Fleet", Some("Operations")),
    ("Customer Service", None),
    ("Finance", None),
    ("People & Payroll", None),
    ("IT Services", None),
    ("Procurement", None),
];

pub(super) struct DemoProcess {
    pub(super) name: &'static str,
    pub(super) unit: &'static str,
    pub(super) owner: &'static str,
    pub(super) description: &'static str,
    pub(super) peak: &'static str,
    pub(super) staff: Option<u32>,
    pub(super) workaround: &'static str,
    pub(super) status: Status,
    pub(super) custom: &'static [(&'static str, &'static str)],
}

/// Tiers claimed in last year's spreadsheet BIA, as it wrote them: Payroll
/// ("Critical", Tier 1) and Key account management ("P2") claim more than
/// their agreed RTOs give (Tier 2 and Tier 3), for the room to find.
pub(super) const CLAIMED_TIERS: &[(&str, &str)] = &[
    ("Customer order intake", "Tier 1"),
    ("Payroll processing", "Critical"),
    ("Key account management", "P2"),
];

pub(super) const PROCESSES: &[DemoProcess] = &[
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
