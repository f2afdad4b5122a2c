// A realistic assessment for the browser preview and the component tests:
// a mid-sized logistics company with 7 units and 25 processes, and the
// default methodology of the core. Not used by the desktop app itself.
import type { CustomField } from "./bindings/CustomField";
import type { Methodology } from "./bindings/Methodology";
import type { Process } from "./bindings/Process";
import type { Status } from "./bindings/Status";
import type { Unit } from "./bindings/Unit";
import { DAY, HOUR, MONTH, WEEK } from "./minutes";

export const DEMO_CREATED = "2025-09-08T08:30:00Z";
export const DEMO_UPDATED = "2025-11-19T16:42:00Z";

export const DEMO_INFO = {
  id: "a0000000-0000-4000-8000-000000000001",
  name: "Halden Freight — BIA 2025",
  organisation: "Halden Freight & Logistics Ltd",
  scope: "UK distribution network: Leeds and Daventry hubs, head office functions",
  facilitator: "Morgan Ellis (Continuity Office)",
  created_at: DEMO_CREATED,
  updated_at: DEMO_UPDATED,
};

const unit = (n: number, name: string, parent: number | null): Unit => ({
  id: `u000000${n}-0000-4000-8000-000000000000`,
  name,
  parent_id: parent === null ? null : `u000000${parent}-0000-4000-8000-000000000000`,
});

export function demoUnits(): Unit[] {
  return [
    unit(1, "Operations", null),
    unit(2, "Warehousing", 1),
    unit(3, "Transport", 1),
    unit(4, "Customer Service", null),
    unit(5, "Finance", null),
    unit(6, "People & HR", null),
    unit(7, "IT Services", null),
  ];
}

type Row = [
  name: string,
  unit: number | null,
  owner: string,
  status: Status,
  peak: string,
  staff: number | null,
  description: string,
  workaround: string,
  custom?: CustomField[],
];

const ROWS: Row[] = [
  ["Inbound goods receipt", 2, "Priya Raman", "approved", "Pre-Christmas build, Sep–Nov", 12,
    "Unloading, checking and booking in supplier deliveries at both hubs.", "Paper goods-in notes, keyed in later.",
    [{ name: "Site", value: "Leeds DC, Daventry DC" }]],
  ["Pick and pack", 2, "Priya Raman", "approved", "Black Friday to early January", 40,
    "Picking customer orders from stock and packing them for despatch.", "Print pick lists from the last WMS export."],
  ["Inventory control", 2, "Tomasz Nowak", "in_review", "Quarter-end stock counts", 4,
    "Cycle counts, stock adjustments and write-offs.", ""],
  ["Returns processing", 2, "Tomasz Nowak", "draft", "January returns peak", 6,
    "Receiving, inspecting and restocking customer returns.", "Quarantine returns until systems are back."],
  ["Route planning and dispatch", 3, "Graham Okafor", "approved", "Daily 04:00–07:00 planning window", 5,
    "Planning next-day delivery routes and dispatching the fleet.", "Fixed standard routes from the printed route book.",
    [{ name: "System", value: "Paragon routing" }]],
  ["Fleet maintenance", 3, "Graham Okafor", "in_review", "", 3,
    "Scheduled servicing, MOT and roadside breakdown recovery.", "Use the contracted recovery partner."],
  ["Driver scheduling", 3, "Sofia Marques", "in_review", "Summer holidays", 2,
    "Shift rosters for 180 drivers within working-time rules.", "Roll forward last week's roster."],
  ["Cross-border customs clearance", 3, "Sofia Marques", "draft", "Month end", 3,
    "Customs declarations for EU-bound consignments.", "Broker files declarations on our behalf.",
    [{ name: "Regulator", value: "HMRC" }, { name: "Legacy ref", value: "BIA-2023-017" }]],
  ["Hazardous goods handling", 1, "Daniel Achterberg", "approved", "", 2,
    "Storage and movement of ADR-classified goods.", "", [{ name: "Regulator", value: "HSE" }]],
  ["Site security", 1, "Daniel Achterberg", "draft", "Overnight", 4,
    "Gatehouse, CCTV monitoring and visitor control at both hubs.", "Manual gate log and guard patrols."],
  ["Customer order intake", 4, "Hannah Whitfield", "approved", "Black Friday, Cyber Monday", 8,
    "Receiving orders by EDI, portal and phone and confirming delivery slots.", "Take phone orders on paper forms.",
    [{ name: "Legacy ref", value: "BIA-2023-002" }]],
  ["Delivery tracking enquiries", 4, "Hannah Whitfield", "in_review", "December", 10,
    "Answering where-is-my-delivery calls and chats.", "Recorded message with the latest status."],
  ["Complaints handling", 4, "Marcus Lindqvist", "draft", "", 3,
    "Logging, investigating and answering customer complaints.", ""],
  ["Key account management", 4, "Marcus Lindqvist", "approved", "Contract renewals in Q1", 2,
    "Relationship management for the 20 largest retail customers.", "Account managers call customers directly."],
  ["Payroll processing", 5, "Aisha Bello", "approved", "Monthly, 3 working days before the 25th", 2,
    "Calculating and paying monthly and weekly payroll for 1,100 staff.", "Repeat last month's payment file.",
    [{ name: "System", value: "Sage Payroll" }, { name: "Legacy ref", value: "BIA-2023-009" }]],
  ["Customer invoicing", 5, "Aisha Bello", "in_review", "Month end", 3,
    "Raising invoices from proof-of-delivery data.", "Invoice late; cash flow impact only."],
  ["Supplier payments", 5, "Oliver Grant", "draft", "Weekly payment run, Thursdays", 2,
    "Paying hauliers, fuel cards and facilities suppliers.", "Manual bank payments for critical suppliers."],
  ["Credit control", 5, "Oliver Grant", "draft", "", 2,
    "Chasing overdue customer accounts and managing credit limits.", ""],
  ["Month-end close", 5, "Aisha Bello", "in_review", "Working days 1–5 each month", 4,
    "Closing the ledgers and reporting to the group.", "Extend the close timetable with group approval."],
  ["Recruitment and onboarding", 6, "Rebecca Shaw", "draft", "Seasonal hiring, Oct–Nov", 2,
    "Hiring and inducting permanent and agency staff.", "Agency partners cover short-term gaps."],
  ["Health and safety reporting", 6, "Rebecca Shaw", "approved", "", 1,
    "Recording accidents and reporting RIDDOR incidents within deadlines.", "Paper accident book at each site.",
    [{ name: "Regulator", value: "HSE" }]],
  ["Training records", 6, "Kwame Mensah", "draft", "", null,
    "Keeping forklift, ADR and driver CPC training records current.", ""],
  ["Warehouse management system support", 7, "Elena Petrova", "approved", "Peak season change freeze", 3,
    "Keeping the WMS and handheld scanners running.", "Vendor on-site support within 4 hours.",
    [{ name: "System", value: "Manhattan WMS" }]],
  ["Service desk", 7, "Elena Petrova", "in_review", "Monday mornings", 4,
    "First-line IT support for staff at all sites.", "Escalate directly to second line."],
  ["Backup and restore", 7, "Kwame Mensah", "draft", "", 1,
    "Nightly backups of business systems and tested restores.", "", [{ name: "Legacy ref", value: "BIA-2023-021" }]],
];

export function demoProcesses(units: readonly Unit[]): Process[] {
  return ROWS.map(([name, unitNo, owner, status, peak, staff, description, workaround, custom], i) => ({
    id: `p${String(i + 1).padStart(7, "0")}-0000-4000-8000-000000000000`,
    name,
    unit_id: unitNo === null ? null : units[unitNo - 1].id,
    owner,
    description,
    peak_periods: peak,
    minimum_staff: staff,
    workaround,
    notes: i % 5 === 0 ? "Reviewed with the process owner in the September workshop." : "",
    status,
    custom_fields: custom ?? [],
    provenance: custom?.some((f) => f.name === "Legacy ref")
      ? { kind: "imported", file: "BIA 2023.xlsx", sheet: "Processes", cell: `B${i + 4}` }
      : { kind: "demo" },
    created_at: DEMO_CREATED,
    updated_at: DEMO_UPDATED,
  }));
}

const LEVELS = ["None", "Minimal", "Minor", "Moderate", "Major", "Catastrophic"];

const CATEGORIES: Array<[string, string[]]> = [
  ["Financial", ["No financial loss", "Loss or extra cost under 10 k", "Loss or extra cost of 10 k to 100 k",
    "Loss or extra cost of 100 k to 1 M", "Loss or extra cost of 1 M to 10 M",
    "Loss or extra cost over 10 M, or a threat to solvency"]],
  ["Operational", ["No effect on operations", "Minor inconvenience absorbed by the team",
    "Some activities delayed; backlog cleared within a day", "Significant backlog; other teams affected",
    "Core operations halted at one site", "Core operations halted across the organisation"]],
  ["Customer", ["No customer notices", "A few customers notice; no complaints",
    "Complaints from some customers; service levels missed", "Many customers affected; key accounts escalate",
    "Loss of key customers or contractual penalties", "Widespread loss of customers"]],
  ["Reputational", ["No external attention", "Internal attention only", "Local or trade press mention",
    "Regional media coverage; social media criticism", "National media coverage; leadership questioned",
    "Sustained international coverage; lasting brand damage"]],
  ["Legal & Regulatory", ["No legal or regulatory consequence", "Minor breach, handled internally",
    "Reportable breach with no sanction expected", "Regulator inquiry or formal warning",
    "Fines, enforcement action or litigation", "Loss of licence, criminal liability"]],
  ["Health & Safety", ["No harm to anyone", "Minor discomfort, no treatment needed", "Minor injury needing first aid",
    "Injury needing medical treatment", "Serious injury or long-term harm", "Loss of life"]],
  ["Environmental", ["No environmental effect", "Negligible, contained on site", "Minor release, cleaned up within days",
    "Notifiable release with short-term harm", "Significant harm needing long remediation",
    "Severe, lasting damage to the environment"]],
];

const HORIZONS: Array<[number, string]> = [
  [HOUR, "1 h"], [4 * HOUR, "4 h"], [8 * HOUR, "8 h"], [DAY, "1 d"],
  [3 * DAY, "3 d"], [WEEK, "1 w"], [2 * WEEK, "2 w"], [MONTH, "1 mo"],
];

/** The core's default methodology (model/methodology.rs). */
export function defaultMethodology(): Methodology {
  return {
    categories: CATEGORIES.map(([name, texts], i) => ({
      id: `c${i}`,
      name,
      threshold: null,
      definitions: texts.map((text, level) => ({ level, text })),
    })),
    scale: LEVELS.map((name, value) => ({ id: `s${value}`, value, name })),
    horizons: HORIZONS.map(([minutes, label], i) => ({ id: `h${i}`, minutes, label })),
    threshold: 4,
    tiers: [
      { id: "t1", rank: 1, name: "Tier 1", max_rto_minutes: 4 * HOUR },
      { id: "t2", rank: 2, name: "Tier 2", max_rto_minutes: DAY },
      { id: "t3", rank: 3, name: "Tier 3", max_rto_minutes: 3 * DAY },
      { id: "t4", rank: 4, name: "Tier 4", max_rto_minutes: null },
    ],
  };
}
