// The audience window's logic on the recorded demo (Harbourline Logistics, as the real core answered) and a
// running Finance workshop: the steps' names, what the room reads at each step, the agenda's progress, the
// live clocks and their colours, and that nothing meant for the facilitator alone ever reaches the projector.
import { describe, expect, it } from "vitest";
import type { AudienceView } from "./bindings/AudienceView";
import * as demo from "../testing/recordedDemo";
import { financeWorkshop, SECRET_AGENDA_NOTE, SECRET_CONTACT, SECRET_WORKSHOP_NOTE } from "../testing/financeWorkshop";
import {
  agendaProgress,
  agreedRecap,
  clockSeconds,
  dependencyLines,
  focusedDefinition,
  formatClock,
  itemSeconds,
  mtpdRuler,
  mtpdSummary,
  objectiveFigures,
  processFacts,
  processHeader,
  progressParts,
  sessionSeconds,
  signedOffBy,
  stepName,
  stepTitle,
  tierText,
  timeLeft,
  workshopOf,
} from "./audience";

const payables = demo.processNamed("Accounts payable");
const invoicing = demo.processNamed("Customer invoicing");
const treasury = demo.processNamed("Treasury and cash management");

const SECRET_CELL_NOTE = "Off the record: the bank charges £40 k a day for late runs";

/** The view the facilitator sends while scoring Accounts payable's grid. */
function view(over: Partial<AudienceView> = {}): AudienceView {
  return {
    workshop_id: "workshop-finance",
    process_id: payables.id,
    step: 2,
    category_id: demo.categoryNamed("Legal & Regulatory").id,
    horizon_id: demo.horizonLabelled("2 w").id,
    revision: 7,
    item_seconds: 15 * 60,
    session_seconds: 41 * 60,
    timer_running: true,
    sent_at_ms: Date.parse("2026-03-12T10:13:00Z"),
    ...over,
  };
}

describe("steps", () => {
  it("names the six steps of a process's item as the facilitator's runner numbers them", () => {
    expect([1, 2, 3, 4, 5, 6].map(stepTitle)).toEqual([
      "1 The process",
      "2 Impact over time",
      "3 MTPD",
      "4 Recovery objectives",
      "5 Dependencies",
      "6 Actions and sign-off",
    ]);
    expect(stepName(3)).toBe("MTPD");
  });

  it("names no step outside 1–6, so a newer facilitator's step shows the process without a wrong title", () => {
    expect(stepTitle(0)).toBeNull();
    expect(stepTitle(7)).toBeNull();
    expect(stepTitle(2.5)).toBeNull();
  });
});

describe("the process", () => {
  it("heads the screen with the process, its unit and its owner", () => {
    expect(processHeader(payables.id, demo.processes(), demo.units())).toEqual({
      name: "Accounts payable",
      unit: "Finance",
      owner: "Sophie Chen",
    });
    expect(processHeader("no-such-process", demo.processes(), demo.units())).toBeNull();
    expect(processHeader(null, demo.processes(), demo.units())).toBeNull();
  });

  it("shows step 1's facts, saying so where one is not recorded, and never the process's notes", () => {
    const facts = processFacts({ ...payables, notes: SECRET_WORKSHOP_NOTE });
    expect(facts.map((f) => f.label)).toEqual(["Description", "Peak periods", "Minimum staff", "Workaround"]);
    expect(facts[1].text).toBe("Month end");
    expect(facts[2].text).toBe("3 people");
    expect(facts[3].text).toBe(payables.workaround);
    expect(JSON.stringify(facts)).not.toContain(SECRET_WORKSHOP_NOTE);

    const complaints = processFacts(demo.processNamed("Complaints handling"));
    expect(complaints[3]).toEqual({ label: "Workaround", text: "Not recorded yet", missing: true });
    expect(processFacts(treasury)[2].text).toBe("1 person");
  });
});

describe("step 2: the focused cell's definition", () => {
  const m = demo.methodology();

  it("says what the focused cell's level means in its category, for the room to score against", () => {
    const impact = demo.processImpact(payables.id);
    const d = focusedDefinition(m, impact, demo.categoryNamed("Legal & Regulatory").id, demo.horizonLabelled("2 w").id);
    expect(d?.sentence).toBe("Legal & Regulatory at 2 w — 4 Major: Fines, enforcement action or litigation");
    expect(d?.amounts).toBeNull();
    expect(d).toMatchObject({ threshold: "4 Major", unacceptable: true });
    const earlier = focusedDefinition(m, impact, demo.categoryNamed("Legal & Regulatory").id, demo.horizonLabelled("1 w").id);
    expect(earlier).toMatchObject({ level: 3, levelName: "Moderate", unacceptable: false });
  });

  it("names the currency under a financial definition, as the impact screen does", () => {
    const impact = demo.processImpact(treasury.id);
    const d = focusedDefinition(m, impact, demo.categoryNamed("Financial").id, demo.horizonLabelled("1 d").id);
    expect(d?.sentence).toBe("Financial at 1 d — 4 Major: Loss or extra cost of 1 M to 10 M");
    expect(d?.amounts).toBe("amounts in GBP (£)");
  });

  it("says an unscored cell is not scored yet, and never shows a cell's note", () => {
    const financial = demo.categoryNamed("Financial");
    const oneDay = demo.horizonLabelled("1 d");
    const impact = demo.processImpact(payables.id);
    const cell = impact.scores.find((s) => s.category_id === financial.id && s.horizon_id === oneDay.id)!;
    cell.note = SECRET_CELL_NOTE;
    expect(JSON.stringify(focusedDefinition(m, impact, financial.id, oneDay.id))).not.toContain(SECRET_CELL_NOTE);

    cell.severity = null;
    const d = focusedDefinition(m, impact, financial.id, oneDay.id);
    expect(d).toMatchObject({ level: null, sentence: "Financial at 1 d — not scored yet" });
    expect(JSON.stringify(d)).not.toContain(SECRET_CELL_NOTE);
  });

  it("shows no definition when no cell is focused (another step was presented)", () => {
    expect(focusedDefinition(m, demo.processImpact(payables.id), null, null)).toBeNull();
  });
});

describe("steps 3, 4 and 6: the values", () => {
  const horizons = demo.methodology().horizons;

  it("gives the derived MTPD and why (Accounts payable: legal exposure at 2 weeks)", () => {
    expect(mtpdSummary(demo.processAnalysis(payables.id), horizons, demo.objectives(payables.id))).toEqual({
      derived: "2 w",
      reason: "Legal & Regulatory reaches 4 – Major at 2 w",
      agreed: null,
      overrideReason: "",
    });
  });

  it("gives the MTPD the room agreed instead, with its reason, where it overrode the derived one (Treasury)", () => {
    const s = mtpdSummary(demo.processAnalysis(treasury.id), horizons, demo.objectives(treasury.id));
    expect(s.derived).toBe("1 d");
    expect(s.agreed).toBe("8 h (override)");
    expect(s.overrideReason).toBe("Lenders' daily cash report is due at 10:00; missing it breaches the facility");
  });

  it("rules the horizons: tolerable before the MTPD, not from it on (Accounts payable: from 2 w)", () => {
    const ruler = mtpdRuler(horizons, demo.processAnalysis(payables.id));
    expect(ruler.map((r) => r.label)).toEqual(["1 h", "4 h", "8 h", "1 d", "3 d", "1 w", "2 w", "1 mo"]);
    expect(ruler.filter((r) => r.past).map((r) => r.label)).toEqual(["2 w", "1 mo"]);
    expect(ruler.filter((r) => r.derived).map((r) => r.label)).toEqual(["2 w"]);
    expect(ruler.some((r) => r.agreed)).toBe(false);
  });

  it("rules from the agreed MTPD where the room overrode the derived one (Treasury: 8 h, derived 1 d)", () => {
    const ruler = mtpdRuler(horizons, demo.processAnalysis(treasury.id));
    expect(ruler.filter((r) => r.past).map((r) => r.label)).toEqual(["8 h", "1 d", "3 d", "1 w", "2 w", "1 mo"]);
    expect(ruler.find((r) => r.agreed)?.label).toBe("8 h");
    expect(ruler.find((r) => r.derived)?.label).toBe("1 d");
  });

  it("rules nothing past tolerating for a process not scored yet", () => {
    expect(mtpdRuler(horizons, demo.processAnalysisNamed("Complaints handling")).some((r) => r.past || r.derived)).toBe(false);
  });

  it("shows the agreed objectives and tier, and a dash for what is not agreed yet", () => {
    const payablesFigures = objectiveFigures(demo.processAnalysis(payables.id));
    expect(payablesFigures.map((f) => `${f.label} ${f.value}`)).toEqual(["RTO 1 w", "RPO 1 d", "WRT —", "MBCO 50 %"]);
    expect(payablesFigures[2].missing).toBe(true);
    expect(tierText(demo.processAnalysis(payables.id))).toBe("Tier 4");

    const complaints = demo.processAnalysisNamed("Complaints handling");
    expect(objectiveFigures(complaints).every((f) => f.missing)).toBe(true);
    expect(tierText(complaints)).toBe("—");
    expect(objectiveFigures(demo.processAnalysisNamed("Health and safety incident management"))[1].value).toBe("n/a");
  });

  it("recaps MTPD, RTO and RPO for the room to confirm, the agreed MTPD where overridden", () => {
    expect(agreedRecap(demo.processAnalysis(treasury.id)).map((f) => `${f.label} ${f.value}`)).toEqual(["MTPD 8 h", "RTO 4 h", "RPO 1 h"]);
    expect(agreedRecap(demo.processAnalysis(payables.id)).map((f) => f.value)).toEqual(["2 w", "1 w", "1 d"]);
  });

  it("names who signed a process off in this workshop, and nobody for one not signed off yet", () => {
    const w = financeWorkshop();
    expect(signedOffBy(w, invoicing.id)).toEqual(["Sophie Chen", "Grace Mensah"]);
    expect(signedOffBy(w, payables.id)).toBeNull();
    expect(signedOffBy(null, invoicing.id)).toBeNull();
  });
});

describe("step 5: dependencies", () => {
  it("lists what the process relies on, required first, resources by kind before upstream processes", () => {
    const intake = demo.processNamed("Customer order intake");
    const lines = dependencyLines(intake.id, demo.dependencies(), demo.resources(), demo.processes());
    expect(lines.map((l) => `${l.name} · ${l.kind} · ${l.strengthText}`)).toEqual([
      "Customer EDI gateway · Application · Required",
      "Customer order records · Data · Required",
      "Inventory control and cycle counts · Upstream process · Required",
      "Customer portal · Application · Degraded without",
    ]);
  });

  it("shows only the process's own dependencies, never a dependency's note", () => {
    const deps = demo.dependencies().map((d) => ({ ...d, note: SECRET_AGENDA_NOTE }));
    const lines = dependencyLines(payables.id, deps, demo.resources(), demo.processes());
    expect(lines.map((l) => l.name)).toEqual(["Banking portal", "Finance ERP"]);
    expect(JSON.stringify(lines)).not.toContain(SECRET_AGENDA_NOTE);
  });
});

describe("the progress strip", () => {
  it("counts the agenda: one done, three to go (a parked item comes back), Accounts payable the second item of 20 min", () => {
    const p = agendaProgress(financeWorkshop(), payables.id);
    expect(p).toEqual({ total: 4, done: 1, toGo: 3, parked: 1, skipped: 0, position: 2, timeboxMinutes: 20 });
    expect(progressParts(p)).toEqual(["Item 2 of 4", "1 done", "3 to go", "1 parked"]);
  });

  it("takes a skipped item off what is to go", () => {
    const w = financeWorkshop();
    w.agenda[2].status = "skipped";
    const p = agendaProgress(w, treasury.id);
    expect(p).toMatchObject({ done: 1, toGo: 2, skipped: 1, position: 3, timeboxMinutes: 25 });
  });

  it("falls back on the item in discussion when the process on screen is not on the agenda", () => {
    const p = agendaProgress(financeWorkshop(), demo.processNamed("Payroll processing").id);
    expect(p.position).toBe(2);
    const none = financeWorkshop();
    none.agenda[1].status = "pending";
    expect(agendaProgress(none, null)).toMatchObject({ position: null, timeboxMinutes: null });
    expect(progressParts(agendaProgress(none, null))[0]).toBe("4 items");
  });

  it("never passes on an agenda item's notes, the workshop's notes or a participant's contact", () => {
    const w = financeWorkshop();
    const shown = JSON.stringify([agendaProgress(w, payables.id), signedOffBy(w, invoicing.id), progressParts(agendaProgress(w, payables.id))]);
    for (const secret of [SECRET_AGENDA_NOTE, SECRET_WORKSHOP_NOTE, SECRET_CONTACT]) expect(shown).not.toContain(secret);
  });

  it("finds the view's workshop, and none before one is chosen", () => {
    expect(workshopOf(view(), [financeWorkshop()])?.title).toBe("Finance processes — BIA workshop");
    expect(workshopOf(view({ workshop_id: null }), [financeWorkshop()])).toBeNull();
  });
});

describe("the clocks", () => {
  const sent = view().sent_at_ms;

  it("counts on from the seconds sent while the timer runs, and stands still while it is paused", () => {
    expect(itemSeconds(view(), sent + 90_500)).toBe(15 * 60 + 90);
    expect(sessionSeconds(view(), sent + 90_500)).toBe(41 * 60 + 90);
    expect(itemSeconds(view({ timer_running: false }), sent + 90_500)).toBe(15 * 60);
    // A facilitator's clock a little ahead of the projector's never winds the time back.
    expect(clockSeconds(600, true, sent, sent - 2_000)).toBe(600);
  });

  it("is calm for the first 80 % of a 20-minute box, amber in its last 4 minutes, red past it", () => {
    expect(timeLeft(15 * 60, 20)).toMatchObject({ seconds: 300, tone: "calm", text: "5:00 left" });
    expect(timeLeft(16 * 60 - 1, 20).tone).toBe("calm");
    expect(timeLeft(16 * 60, 20)).toMatchObject({ seconds: 240, tone: "amber", text: "4:00 left" });
    expect(timeLeft(20 * 60, 20)).toMatchObject({ seconds: 0, tone: "amber", text: "0:00 left", used: 1 });
    expect(timeLeft(23 * 60 + 20, 20)).toMatchObject({ seconds: -200, tone: "red", text: "3:20 over", used: 1 });
    expect(timeLeft(5 * 60, 20).used).toBe(0.25);
  });

  it("turns amber live as the running clock crosses into the last 20 % of the box", () => {
    const v = view({ item_seconds: 15 * 60 + 50 });
    expect(timeLeft(itemSeconds(v, sent + 9_000), 20).tone).toBe("calm");
    expect(timeLeft(itemSeconds(v, sent + 10_000), 20).tone).toBe("amber");
  });

  it("writes clock times as the room reads them", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(245)).toBe("4:05");
    expect(formatClock(41 * 60)).toBe("41:00");
    expect(formatClock(3723)).toBe("1:02:03");
    expect(formatClock(-200)).toBe("3:20");
  });
});
