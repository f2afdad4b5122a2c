// A realistic assessment for the browser preview and the component tests:
// a mid-sized logistics company with 7 units and 25 processes, and the
// default methodology of the core. Not used by the desktop app itself.
import type { CustomField } from "../lib/bindings/CustomField";
import type { Decision } from "../lib/bindings/Decision";
import type { Methodology } from "../lib/bindings/Methodology";
import type { Objectives } from "../lib/bindings/Objectives";
import type { Process } from "../lib/bindings/Process";
import type { Score } from "../lib/bindings/Score";
import type { Status } from "../lib/bindings/Status";
import type { Unit } from "../lib/bindings/Unit";
import { DAY, HOUR, MONTH, WEEK, formatMinutes } from "../lib/minutes";

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
      retired: false,
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

// ---- impact scores, objectives and decisions ---------------------------------

/**
 * How impact grows for each process (by register position): the peak
 * severity per category (Financial … Environmental), the horizon by which
 * the fastest categories peak, and how many horizons the room has scored
 * (0: not started; fewer than all: scoring under way).
 */
const PROFILES: Array<[peaks: string, rampAt: number, scored: number]> = [
  ["4432100", 3, 8], ["5543200", 2, 8], ["3221100", 4, 8], ["2231000", 3, 4], ["4553200", 1, 8],
  ["3432010", 4, 8], ["3443020", 3, 8], ["4324400", 5, 5], ["2313455", 0, 8], ["0000000", 0, 0],
  ["5454300", 1, 8], ["2343100", 3, 8], ["0000000", 0, 0], ["3353000", 5, 8], ["4435400", 4, 8],
  ["4212100", 5, 8], ["3312200", 4, 8], ["0000000", 0, 0], ["3213300", 6, 8], ["0000000", 0, 0],
  ["1112500", 4, 8], ["0000000", 0, 0], ["4542100", 1, 8], ["2431000", 2, 8], ["3322300", 5, 3],
];

/** Slower categories peak later (reputation and the environment take time to bite). */
const RAMP_OFFSET = [0, 0, 1, 2, 2, 1, 3];

const NOTES: Array<[process: number, category: number, horizon: number, note: string]> = [
  [0, 0, 3, "≈ £180 k of shipments held at the dock"],
  [10, 0, 1, "≈ £250 k lost revenue per day of outage"],
  [10, 2, 3, "Tesco and Boots SLAs breached after 24 h"],
  [14, 4, 6, "Late pay breaches National Minimum Wage rules"],
];

const RATIONALES: Record<number, string> = {
  0: "Both hubs receive about 140 trailers a day. Beyond a day the yards fill and suppliers start diverting loads.",
  10: "Order intake is the revenue front door; the room agreed the first four hours are absorbed by the EDI queue.",
  14: "Staff are paid monthly; impact builds slowly until the pay date, then sharply.",
};

/** A severity that falls over time, kept to show the flag (Inventory control, Customer, 1 mo). */
const FALLS: Array<[process: number, category: number, horizon: number, severity: number]> = [[2, 2, 7, 1]];

export function demoScores(processes: readonly Process[], m: Methodology): Score[] {
  const scores: Score[] = [];
  PROFILES.forEach(([peaks, rampAt, scored], p) => {
    const process = processes[p];
    if (!process) return;
    m.categories.forEach((category, c) => {
      const peak = Number(peaks[c] ?? 0);
      const ramp = rampAt + (RAMP_OFFSET[c] ?? 0);
      m.horizons.slice(0, scored).forEach((horizon, h) => {
        const fall = FALLS.find(([fp, fc, fh]) => fp === p && fc === c && fh === h);
        const severity = fall ? fall[3] : Math.min(peak, Math.ceil((peak * (h + 1)) / (ramp + 1)));
        const note = NOTES.find(([np, nc, nh]) => np === p && nc === c && nh === h)?.[3] ?? "";
        scores.push({
          process_id: process.id,
          category_id: category.id,
          horizon_id: horizon.id,
          severity,
          note,
          provenance: { kind: "demo" },
        });
      });
    });
  });
  return scores;
}

export function demoRationales(processes: readonly Process[]): Record<string, string> {
  return Object.fromEntries(Object.entries(RATIONALES).map(([i, text]) => [processes[Number(i)].id, text]));
}

type ObjectiveRow = [
  process: number,
  rto: number | null,
  rpo: number | "n/a" | null,
  wrt: number | null,
  mbco: number | null,
  override: [minutes: number, reason: string] | null,
  agreedBy: string,
  agreedOn: string,
  rationale: string,
];

const OBJECTIVES: ObjectiveRow[] = [
  [0, 8 * HOUR, 4 * HOUR, 4 * HOUR, 60, null, "Priya Raman", "2025-10-02", "Yard capacity buys a working day; WMS restore plus catch-up fits in 8 h."],
  [1, 2 * HOUR, HOUR, HOUR, 50, null, "Priya Raman", "2025-10-02", "Evening trunking cut-off at 18:00 cannot be missed twice."],
  [4, 2 * HOUR, HOUR, null, 70, null, "Graham Okafor", "2025-10-09", "Routes must be out before the 07:00 departures."],
  [5, 8 * HOUR, 4 * HOUR, null, null, null, "Graham Okafor", "2025-10-09", ""],
  [6, 8 * HOUR, 4 * HOUR, 8 * HOUR, null, null, "Sofia Marques", "2025-10-09", "Roster roll-forward covers one shift."],
  [8, HOUR, "n/a", null, 100, null, "Daniel Achterberg", "2025-10-16", "ADR storage is a safety obligation; no degraded mode."],
  [10, 2 * HOUR, 15, HOUR, 80, null, "Hannah Whitfield", "2025-10-23", "Paper order forms hold for two hours at most."],
  [11, 8 * HOUR, 4 * HOUR, null, 50, null, "Hannah Whitfield", "2025-10-23", ""],
  [13, 3 * DAY, DAY, null, null, [WEEK, "Account managers can hold key customers by phone for a week."], "Marcus Lindqvist", "2025-10-23", ""],
  [14, 8 * HOUR, DAY, 8 * HOUR, 100, null, "Aisha Bello", "2025-10-30", "Repeat-last-month file is the fallback; a shift to run it."],
  [15, 2 * WEEK, DAY, null, null, null, "Aisha Bello", "2025-10-30", "Invoicing can wait for month end."],
  [20, DAY, "n/a", null, 100, null, "Rebecca Shaw", "2025-11-06", "RIDDOR reports are due within 10 days; recording cannot lapse."],
  [22, 2 * HOUR, 30, 4 * HOUR, 100, null, "Elena Petrova", "2025-11-13", "Vendor contract: on site within 4 hours."],
  [23, 4 * HOUR, 4 * HOUR, null, 50, null, "Elena Petrova", "2025-11-13", ""],
];

export function demoObjectives(processes: readonly Process[]): Objectives[] {
  return OBJECTIVES.map(([p, rto, rpo, wrt, mbco, override, agreedBy, agreedOn, rationale]) => ({
    process_id: processes[p].id,
    mtpd_override: override?.[0] ?? null,
    mtpd_override_reason: override?.[1] ?? "",
    rto,
    rpo: rpo === "n/a" ? null : rpo,
    rpo_not_applicable: rpo === "n/a",
    wrt,
    mbco_percent: mbco,
    rationale,
    agreed_by: agreedBy,
    agreed_on: agreedOn,
    provenance: { kind: "demo" },
  }));
}

/** The decision log the objectives above would have left, with one RTO tightened later. */
export function demoDecisions(processes: readonly Process[]): Decision[] {
  const out: Decision[] = [];
  const add = (p: number, field: string, old: string, now: string, rationale: string, who: string, at: string) =>
    out.push({
      id: `d${String(out.length + 1).padStart(7, "0")}-0000-4000-8000-000000000000`,
      process_id: processes[p].id,
      process_name: processes[p].name,
      field,
      old_value: old,
      new_value: now,
      rationale,
      who,
      at,
    });
  const fmt = (m: number | null) => (m === null ? "—" : formatMinutes(m));
  for (const [p, rto, rpo, wrt, mbco, override, who, on, rationale] of OBJECTIVES) {
    const at = `${on}T10:${String(10 + p).padStart(2, "0")}:00Z`;
    if (override) add(p, "MTPD", "derived", fmt(override[0]), override[1], who, at);
    add(p, "RTO", "—", fmt(p === 0 ? DAY : rto), rationale, who, at);
    if (rpo !== null) add(p, "RPO", "—", rpo === "n/a" ? "not applicable" : fmt(rpo), rationale, who, at);
    if (wrt !== null) add(p, "WRT", "—", fmt(wrt), rationale, who, at);
    if (mbco !== null) add(p, "MBCO", "—", `${mbco} %`, rationale, who, at);
  }
  add(0, "RTO", "1 d", "8 h", "Tightened after the warehouse walk-through: suppliers divert loads after 12 h.", "Priya Raman", "2025-10-20T14:05:00Z");
  processes.forEach((process, p) => {
    if (process.status === "approved")
      add(p, "Status", "In review", "Approved", "Signed off in the November steering meeting.", "Morgan Ellis", "2025-11-18T09:30:00Z");
  });
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
