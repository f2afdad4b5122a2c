//! Derived MTPD, tier and the checks on recovery objectives, per process.
//!
//! MTPD: the first horizon at which any (non-retired) category reaches its
//! threshold; none reached means "beyond the last horizon". The agreed MTPD
//! is the facilitator's override when there is one, else the derived one.
//! RTO must be below the agreed MTPD, and RTO + WRT at most the MTPD.

use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use bia_model::{Assessment, Id, Methodology, Minutes, ObjectiveField, Objectives, Score};

/// Why the MTPD is where it is: "Financial reaches 4 – Major at 1 d".
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MtpdReason {
    pub category: String,
    pub level: u8,
    pub level_name: String,
    pub horizon: String,
    /// The sentence above, ready to show.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TierRef {
    pub rank: u8,
    pub name: String,
}

/// A broken rule about a process's objectives.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Violation {
    /// `rto_not_below_mtpd`, `rto_plus_wrt_above_mtpd`.
    pub code: String,
    /// The objective to change: `rto`, `wrt`.
    pub field: String,
    pub message: String,
}

/// A category whose impact falls from one scored horizon to a later one.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DecreasingRow {
    pub category: String,
    pub from_horizon: String,
    pub to_horizon: String,
    pub message: String,
}

/// The tier claimed for a process (a workbook's criticality column, or
/// typed in a workshop), read onto the methodology's tiers and compared
/// with the tier the agreed RTO gives.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TierClaim {
    /// As written: "Tier 1", "P2", "Critical".
    pub text: String,
    /// The tier it reads as; `None` when it names none of the tiers.
    pub tier: Option<TierRef>,
    /// How it was read ("Tier 2: high on the criticality scale, the second
    /// of 4 tiers"), or why it could not be.
    pub reading: String,
    /// Set when the claim disagrees with the derived tier
    /// (`claimed_tier_differs`) or names no tier (`claimed_tier_unread`);
    /// `None` when it agrees or no RTO is agreed yet to compare it with.
    pub finding: Option<Violation>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProcessAnalysis {
    pub process_id: Id,
    pub process: String,
    /// `None`: no category reaches its threshold within the horizons.
    pub mtpd_derived: Option<Minutes>,
    pub mtpd_reason: Option<MtpdReason>,
    /// The agreed MTPD: the override, else the derived value.
    pub mtpd: Option<Minutes>,
    pub mtpd_overridden: bool,
    pub rto: Option<Minutes>,
    pub rpo: Option<Minutes>,
    pub rpo_not_applicable: bool,
    pub wrt: Option<Minutes>,
    pub mbco_percent: Option<u8>,
    pub tier: Option<TierRef>,
    /// The tier claimed for the process, when one is; see [`TierClaim`].
    pub claimed_tier: Option<TierClaim>,
    pub violations: Vec<Violation>,
    pub decreasing: Vec<DecreasingRow>,
    /// Scored cells, and cells in the grid of active categories × horizons.
    pub scored_cells: u32,
    pub total_cells: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Analysis {
    /// One per process, in register order.
    pub processes: Vec<ProcessAnalysis>,
    /// What dependencies must deliver, and where they fall short.
    pub dependencies: super::DependencyAnalysis,
}

/// Analyses every process of an assessment, and its dependencies.
pub fn analyze(a: &Assessment) -> Analysis {
    let processes = analyze_processes(a);
    let dependencies = super::analyze_dependencies(a, &processes);
    Analysis {
        processes,
        dependencies,
    }
}

/// The MTPD, tier and objective checks of every process.
pub fn analyze_processes(a: &Assessment) -> Vec<ProcessAnalysis> {
    let grid = Grid::new(&a.methodology);
    // Group the scores by process with a counting pass into one flat array
    // (no per-process allocation): this runs on 10,000 × 56 cells.
    let position: FxHashMap<Id, usize> = a
        .processes
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let owner: Vec<Option<usize>> = a
        .scores
        .iter()
        .map(|s| position.get(&s.process_id).copied())
        .collect();
    let mut start = vec![0usize; a.processes.len() + 1];
    for &o in owner.iter().flatten() {
        start[o + 1] += 1;
    }
    for i in 0..a.processes.len() {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut grouped: Vec<Option<&Score>> = vec![None; start[a.processes.len()]];
    for (s, o) in a.scores.iter().zip(&owner) {
        if let Some(o) = *o {
            grouped[next[o]] = Some(s);
            next[o] += 1;
        }
    }
    let grouped: Vec<&Score> = grouped.into_iter().flatten().collect();
    let objectives: FxHashMap<Id, &Objectives> =
        a.objectives.iter().map(|o| (o.process_id, o)).collect();
    // Each process on its own: a large register is shared out between the
    // cores, in runs of neighbours (each with its own scratch matrix).
    let run = |first: usize, processes: &[bia_model::Process]| {
        let mut matrix = Vec::new();
        processes
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let i = first + k;
                let cells = &grouped[start[i]..start[i + 1]];
                let mut x = analyze_with(
                    &grid,
                    &a.methodology,
                    p.id,
                    &p.name,
                    cells,
                    objectives.get(&p.id).copied(),
                    &mut matrix,
                );
                x.claimed_tier = tier_claim(&a.methodology, p, &x);
                x
            })
            .collect::<Vec<_>>()
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(a.processes.len() / PROCESSES_PER_WORKER).max(1);
    if workers == 1 {
        return run(0, &a.processes);
    }
    let size = a.processes.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let runs: Vec<_> = a
            .processes
            .chunks(size)
            .enumerate()
            .map(|(n, chunk)| scope.spawn(move || run(n * size, chunk)))
            .collect();
        runs.into_iter()
            .flat_map(|r| r.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Below this many processes a core each would cost more than it saves
/// (the demo's 25 are analysed in microseconds); 10,000 take about 100 ms
/// on one core.
const PROCESSES_PER_WORKER: usize = 1_000;

/// Reads the tier claimed for `process` and compares it with the tier its
/// agreed RTO gives (`analysis`, the process's own): `None` when nothing
/// is claimed. The finding names the workbook when the claim is still as
/// an import set it ("The workbook claimed Tier 1; …"), else "Claimed as
/// Tier 1; …".
pub fn tier_claim(
    m: &Methodology,
    process: &bia_model::Process,
    analysis: &ProcessAnalysis,
) -> Option<TierClaim> {
    let text = process.claimed_tier.trim();
    let imported = process.provenance.imported_as("claimed_tier", text);
    let whose = if imported {
        "The workbook claimed"
    } else {
        "Claimed as"
    };
    let claim = |tier, reading, finding| {
        Some(TierClaim {
            text: text.to_string(),
            tier,
            reading,
            finding,
        })
    };
    let field = "claimed_tier".to_string();
    match m.read_tier_claim(text) {
        Ok(None) => None,
        Err(e) => claim(
            None,
            e.to_string(),
            Some(Violation {
                code: "claimed_tier_unread".into(),
                field,
                message: format!(
                    "{} cannot be read: {e}.",
                    if imported {
                        "The workbook's claimed tier"
                    } else {
                        "The claimed tier"
                    }
                ),
            }),
        ),
        Ok(Some(read)) => {
            let claimed = TierRef {
                rank: read.tier.rank,
                name: read.tier.name.clone(),
            };
            let quoted = if text == read.tier.name {
                String::new()
            } else {
                format!(" (“{text}”)")
            };
            let finding = match (&analysis.tier, analysis.rto) {
                (Some(derived), Some(rto)) if derived.rank != claimed.rank => Some(Violation {
                    code: "claimed_tier_differs".into(),
                    field,
                    message: format!(
                        "{whose} {}{quoted}; the agreed RTO of {rto} makes it {}.",
                        claimed.name, derived.name
                    ),
                }),
                _ => None,
            };
            claim(Some(claimed), read.explain(m.tiers.len()), finding)
        }
    }
}

/// Analyses one process from its cells and objectives.
pub fn analyze_process(
    m: &Methodology,
    process_id: Id,
    name: &str,
    scores: &[Score],
    objectives: Option<&Objectives>,
) -> ProcessAnalysis {
    let refs: Vec<&Score> = scores.iter().collect();
    analyze_with(
        &Grid::new(m),
        m,
        process_id,
        name,
        &refs,
        objectives,
        &mut Vec::new(),
    )
}

/// The methodology laid out for fast lookup: active categories (in order,
/// with name and threshold) and horizons. A methodology has a handful of
/// each, so finding one by id is a short scan, cheaper than hashing.
struct Grid<'m> {
    categories: Vec<(Id, &'m str, u8)>,
    horizons: Vec<Id>,
    horizon_list: Vec<(Minutes, &'m str)>,
    category_count: usize,
}

impl<'m> Grid<'m> {
    fn new(m: &'m Methodology) -> Grid<'m> {
        let categories: Vec<_> = m
            .categories
            .iter()
            .filter(|c| !c.retired)
            .map(|c| (c.id, c.name.as_str(), m.threshold_of(c)))
            .collect();
        Grid {
            category_count: categories.len(),
            categories,
            horizons: m.horizons.iter().map(|h| h.id).collect(),
            horizon_list: m
                .horizons
                .iter()
                .map(|h| (h.minutes, h.label.as_str()))
                .collect(),
        }
    }

    fn category(&self, id: Id) -> Option<usize> {
        self.categories.iter().position(|(c, _, _)| *c == id)
    }

    fn horizon(&self, id: Id) -> Option<usize> {
        self.horizons.iter().position(|h| *h == id)
    }
}

fn analyze_with(
    grid: &Grid,
    m: &Methodology,
    process_id: Id,
    name: &str,
    scores: &[&Score],
    objectives: Option<&Objectives>,
    matrix: &mut Vec<Option<u8>>,
) -> ProcessAnalysis {
    let h = grid.horizon_list.len();
    // matrix[category][horizon] = severity; the buffer is reused between processes.
    matrix.clear();
    matrix.resize(grid.category_count * h, None);
    let mut scored = 0;
    for s in scores {
        if let (Some(c), Some(hi), Some(sev)) = (
            grid.category(s.category_id),
            grid.horizon(s.horizon_id),
            s.severity,
        ) {
            matrix[c * h + hi] = Some(sev);
            scored += 1;
        }
    }

    // MTPD: the earliest horizon where any category reaches its threshold.
    let mut reason = None;
    'horizons: for (hi, (_, label)) in grid.horizon_list.iter().enumerate() {
        for (c, &(_, cname, threshold)) in grid.categories.iter().enumerate() {
            if let Some(sev) = matrix[c * h + hi]
                && sev >= threshold
            {
                let level_name = m.level_name(sev);
                reason = Some((
                    hi,
                    MtpdReason {
                        category: cname.to_string(),
                        level: sev,
                        level_name: level_name.clone(),
                        horizon: label.to_string(),
                        text: format!("{cname} reaches {sev} – {level_name} at {label}"),
                    },
                ));
                break 'horizons;
            }
        }
    }
    let mtpd_derived = reason.as_ref().map(|(hi, _)| grid.horizon_list[*hi].0);

    // A row that falls from one scored horizon to a later one is flagged.
    let mut decreasing = Vec::new();
    for (c, &(_, cname, _)) in grid.categories.iter().enumerate() {
        let mut last: Option<(u8, &str)> = None;
        for (hi, (_, label)) in grid.horizon_list.iter().enumerate() {
            if let Some(sev) = matrix[c * h + hi] {
                if let Some((prev, prev_label)) = last
                    && sev < prev
                {
                    decreasing.push(DecreasingRow {
                        category: cname.to_string(),
                        from_horizon: prev_label.to_string(),
                        to_horizon: label.to_string(),
                        message: format!(
                            "{cname} falls from {prev} at {prev_label} to {sev} at {label}"
                        ),
                    });
                    break;
                }
                last = Some((sev, label));
            }
        }
    }

    let o = objectives.cloned().unwrap_or_default();
    let mtpd = o.mtpd_override.or(mtpd_derived);
    let violations = violations(mtpd, o.rto, o.wrt);
    let tier = o.rto.and_then(|rto| m.tier_for(rto)).map(|t| TierRef {
        rank: t.rank,
        name: t.name.clone(),
    });
    ProcessAnalysis {
        process_id,
        process: name.to_string(),
        mtpd_derived,
        mtpd_reason: reason.map(|(_, r)| r),
        mtpd,
        mtpd_overridden: o.mtpd_override.is_some(),
        rto: o.rto,
        rpo: o.rpo,
        rpo_not_applicable: o.rpo_not_applicable,
        wrt: o.wrt,
        mbco_percent: o.mbco_percent,
        tier,
        claimed_tier: None,
        violations,
        decreasing,
        scored_cells: scored,
        total_cells: (grid.category_count * h) as u32,
    }
}

/// The rules between RTO, WRT and the agreed MTPD.
pub fn violations(
    mtpd: Option<Minutes>,
    rto: Option<Minutes>,
    wrt: Option<Minutes>,
) -> Vec<Violation> {
    let mut found = Vec::new();
    let (Some(mtpd), Some(rto)) = (mtpd, rto) else {
        return found;
    };
    if rto >= mtpd {
        found.push(Violation {
            code: "rto_not_below_mtpd".into(),
            field: ObjectiveField::Rto.key().into(),
            message: format!("RTO {rto} is not below the MTPD of {mtpd}."),
        });
    } else if let Some(wrt) = wrt
        && rto.0 + wrt.0 > mtpd.0
    {
        found.push(Violation {
            code: "rto_plus_wrt_above_mtpd".into(),
            field: ObjectiveField::Wrt.key().into(),
            message: format!(
                "RTO {rto} plus WRT {wrt} is {} — beyond the MTPD of {mtpd}.",
                Minutes(rto.0 + wrt.0)
            ),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use bia_model::{Provenance, Score};

    /// A grid from rows of eight cells ('.' = unscored), one row per
    /// category in the default order.
    fn scores(m: &Methodology, rows: &[(&str, &str)]) -> Vec<Score> {
        let mut out = Vec::new();
        for (category, cells) in rows {
            let c = m.category_named(category).unwrap();
            for (h, ch) in cells.chars().enumerate() {
                out.push(Score {
                    process_id: Id::default(),
                    category_id: c.id,
                    horizon_id: m.horizons[h].id,
                    severity: ch.to_digit(10).map(|d| d as u8),
                    note: String::new(),
                    provenance: Provenance::Workshop,
                });
            }
        }
        out
    }

    fn mtpd(m: &Methodology, rows: &[(&str, &str)]) -> (Option<u32>, Option<String>) {
        let a = analyze_process(m, Id::default(), "Payroll", &scores(m, rows), None);
        (a.mtpd_derived.map(|x| x.0), a.mtpd_reason.map(|r| r.text))
    }

    /// A grid of scores (category, severities by horizon), the MTPD it
    /// gives, and the reason given for it.
    type MtpdCase<'a> = (&'a [(&'a str, &'a str)], Option<u32>, Option<&'a str>);

    #[test]
    fn a_large_register_shared_between_cores_keeps_each_process_with_its_own_cells() {
        // More processes than one core takes, in uneven runs; each reaches
        // the threshold at a horizon of its own, its scores listed far from
        // its neighbours'.
        let mut a = Assessment::fresh("2026-12-07T00:00:00Z");
        let m = a.methodology.clone();
        let financial = m.category_named("Financial").unwrap().id;
        let count = 2 * PROCESSES_PER_WORKER + 503;
        a.processes = (0..count)
            .map(|i| bia_model::Process {
                id: Id::new(),
                name: format!("Process {i:04}"),
                ..claiming("", false)
            })
            .collect();
        let reaches = |i: usize| i % m.horizons.len();
        for (h, horizon) in m.horizons.iter().enumerate() {
            for (i, p) in a.processes.iter().enumerate().rev() {
                a.scores.push(Score {
                    process_id: p.id,
                    category_id: financial,
                    horizon_id: horizon.id,
                    severity: Some(if h >= reaches(i) { 4 } else { 1 }),
                    note: String::new(),
                    provenance: Provenance::Workshop,
                });
            }
        }
        let analysed = analyze_processes(&a);
        assert_eq!(analysed.len(), count);
        for (i, (x, p)) in analysed.iter().zip(&a.processes).enumerate() {
            assert_eq!(x.process_id, p.id, "process {i} in its place");
            assert_eq!(
                x.mtpd_derived,
                Some(m.horizons[reaches(i)].minutes),
                "process {i} from its own cells"
            );
            assert_eq!(x.scored_cells, m.horizons.len() as u32);
        }
    }

    #[test]
    fn mtpd_is_the_first_horizon_where_any_category_reaches_its_threshold() {
        let m = Methodology::default();
        let table: &[MtpdCase] = &[
            // Nothing reaches 4: beyond the last horizon.
            (
                &[("Financial", "01233333"), ("Customer", "00112233")],
                None,
                None,
            ),
            // The earliest category wins, whatever its order.
            (
                &[("Financial", "01234555"), ("Customer", "12344555")],
                Some(1440),
                Some("Customer reaches 4 – Major at 1 d"),
            ),
            // Reaching beyond the threshold counts as reaching it.
            (
                &[("Operational", "00500000")],
                Some(480),
                Some("Operational reaches 5 – Catastrophic at 8 h"),
            ),
            // Unscored cells are not 0 and not reached: the first scored 4 counts.
            (
                &[("Financial", "....4...")],
                Some(4320),
                Some("Financial reaches 4 – Major at 3 d"),
            ),
            // A row that falls later does not move the MTPD.
            (
                &[("Reputational", "01442100")],
                Some(480),
                Some("Reputational reaches 4 – Major at 8 h"),
            ),
            // No scores at all.
            (&[], None, None),
        ];
        for (rows, minutes, reason) in table {
            assert_eq!(
                mtpd(&m, rows),
                (*minutes, reason.map(str::to_string)),
                "{rows:?}"
            );
        }
    }

    #[test]
    fn a_category_threshold_overrides_the_assessments() {
        let mut m = Methodology::default();
        let hs = m
            .categories
            .iter()
            .position(|c| c.name == "Health & Safety")
            .unwrap();
        m.categories[hs].threshold = Some(2);
        let rows = [("Financial", "12345555"), ("Health & Safety", "01222222")];
        assert_eq!(
            mtpd(&m, &rows),
            (
                Some(480),
                Some("Health & Safety reaches 2 – Minor at 8 h".into())
            )
        );
        m.threshold = 5;
        m.categories[hs].threshold = None;
        assert_eq!(
            mtpd(&m, &rows).0,
            Some(4320),
            "a global threshold of 5 is reached by Financial at 3 d"
        );
    }

    #[test]
    fn retired_categories_are_kept_but_not_counted() {
        let mut m = Methodology::default();
        let env = m
            .categories
            .iter()
            .position(|c| c.name == "Environmental")
            .unwrap();
        m.categories[env].retired = true;
        let a = analyze_process(
            &m,
            Id::default(),
            "Fuel",
            &scores(
                &m,
                &[("Environmental", "55555555"), ("Financial", "00004444")],
            ),
            None,
        );
        assert_eq!(a.mtpd_derived, Some(Minutes(4320)));
        assert_eq!(
            a.total_cells,
            6 * 8,
            "six active categories × eight horizons"
        );
        assert_eq!(a.scored_cells, 8, "the retired row's cells are not counted");
    }

    #[test]
    fn decreasing_rows_are_flagged_not_forbidden() {
        let m = Methodology::default();
        let a = analyze_process(
            &m,
            Id::default(),
            "Recruitment",
            &scores(
                &m,
                &[("Operational", "0.233.21"), ("Financial", "01234444")],
            ),
            None,
        );
        assert_eq!(a.decreasing.len(), 1);
        assert_eq!(
            a.decreasing[0].message, "Operational falls from 3 at 3 d to 2 at 2 w",
            "unscored 1 w is skipped"
        );
        assert_eq!(a.mtpd_derived, Some(Minutes(4320)));
    }

    #[test]
    fn the_agreed_mtpd_is_the_override_and_drives_the_checks() {
        let m = Methodology::default();
        let cells = scores(&m, &[("Financial", "12345555")]);
        let o = Objectives {
            mtpd_override: Some(Minutes(480)),
            rto: Some(Minutes(480)),
            ..Default::default()
        };
        let a = analyze_process(&m, Id::default(), "Treasury", &cells, Some(&o));
        assert_eq!(
            (a.mtpd_derived, a.mtpd, a.mtpd_overridden),
            (Some(Minutes(1440)), Some(Minutes(480)), true)
        );
        assert_eq!(a.violations[0].code, "rto_not_below_mtpd");
        assert_eq!(a.tier.unwrap().name, "Tier 2");
    }

    #[test]
    fn rto_and_wrt_must_fit_within_the_mtpd() {
        let v = |mtpd, rto, wrt: Option<u32>| {
            violations(Some(Minutes(mtpd)), Some(Minutes(rto)), wrt.map(Minutes))
                .into_iter()
                .map(|v| v.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(v(1440, 240, None), Vec::<String>::new());
        assert_eq!(
            v(1440, 1440, None),
            ["rto_not_below_mtpd"],
            "RTO equal to the MTPD is too late"
        );
        assert_eq!(v(1440, 2880, None), ["rto_not_below_mtpd"]);
        assert_eq!(
            v(1440, 1200, Some(240)),
            Vec::<String>::new(),
            "RTO + WRT may equal the MTPD"
        );
        assert_eq!(v(1440, 1200, Some(241)), ["rto_plus_wrt_above_mtpd"]);
        assert!(
            violations(None, Some(Minutes(99_999)), None).is_empty(),
            "no MTPD, nothing to break"
        );
    }

    /// A process claiming `claim`, typed in a workshop or imported as is.
    fn claiming(claim: &str, imported: bool) -> bia_model::Process {
        bia_model::Process {
            id: Id::default(),
            name: "Payroll run".into(),
            unit_id: None,
            owner: String::new(),
            description: String::new(),
            peak_periods: String::new(),
            minimum_staff: None,
            workaround: String::new(),
            notes: String::new(),
            claimed_tier: claim.into(),
            status: bia_model::Status::Draft,
            custom_fields: Vec::new(),
            provenance: if imported {
                Provenance::Imported {
                    file: "bia-2025.xlsx".into(),
                    sheet: "Register".into(),
                    cell: "A5".into(),
                    values: vec![bia_model::ImportedValue {
                        field: "claimed_tier".into(),
                        cell: "F5".into(),
                        value: claim.into(),
                    }],
                }
            } else {
                Provenance::Workshop
            },
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn claim_with_rto(claim: &str, imported: bool, rto: Option<u32>) -> Option<TierClaim> {
        let m = Methodology::default();
        let o = Objectives {
            rto: rto.map(Minutes),
            ..Default::default()
        };
        let p = claiming(claim, imported);
        let a = analyze_process(&m, p.id, &p.name, &[], Some(&o));
        tier_claim(&m, &p, &a)
    }

    #[test]
    fn a_claimed_tier_the_agreed_rto_does_not_bear_out_is_a_finding() {
        let c = claim_with_rto("Tier 1", true, Some(3 * 1440)).unwrap();
        assert_eq!(c.tier.as_ref().map(|t| t.name.as_str()), Some("Tier 1"));
        let f = c.finding.expect("Tier 1 claimed, Tier 3 derived");
        assert_eq!(f.code, "claimed_tier_differs");
        assert_eq!(
            f.message,
            "The workbook claimed Tier 1; the agreed RTO of 3 d makes it Tier 3."
        );

        let typed = claim_with_rto("Critical", false, Some(1440)).unwrap();
        assert_eq!(
            typed.finding.unwrap().message,
            "Claimed as Tier 1 (“Critical”); the agreed RTO of 1 d makes it Tier 2.",
            "a claim typed in a workshop is not the workbook's, and the words are quoted"
        );
        assert_eq!(
            typed.reading,
            "Tier 1: critical on the criticality scale, the first of 4 tiers"
        );
    }

    #[test]
    fn a_claim_that_agrees_or_has_no_rto_to_compare_is_shown_without_a_finding() {
        let agrees = claim_with_rto("P2", true, Some(480)).unwrap();
        assert_eq!(agrees.tier.unwrap().rank, 2);
        assert_eq!(agrees.finding, None, "8 h is Tier 2, as claimed");
        let no_rto = claim_with_rto("P2", true, None).unwrap();
        assert_eq!(no_rto.finding, None, "nothing derived to disagree with");
        assert_eq!(
            claim_with_rto("  ", true, Some(60)),
            None,
            "nothing claimed"
        );
    }

    #[test]
    fn a_claim_the_tiers_no_longer_read_is_a_finding_of_its_own() {
        // Read again on every analysis: with the tiers cut to three, "Tier 4" names none.
        let mut m = Methodology::default();
        m.tiers.pop();
        let p = claiming("Tier 4", false);
        let a = analyze_process(&m, p.id, &p.name, &[], None);
        let c = tier_claim(&m, &p, &a).unwrap();
        assert_eq!(c.tier, None);
        let f = c.finding.unwrap();
        assert_eq!(f.code, "claimed_tier_unread");
        assert!(
            f.message
                == "The claimed tier cannot be read: \"Tier 4\" is tier number 4, but the tiers \
                    are numbered 1 to 3.",
            "{}",
            f.message
        );
    }

    #[test]
    fn every_process_of_an_assessment_carries_its_claim() {
        let mut a = Assessment::fresh("2026-12-01T09:00:00Z");
        let mut p = claiming("P1", true);
        p.id = Id::new();
        a.processes.push(p.clone());
        a.objectives.push(Objectives {
            process_id: p.id,
            rto: Some(Minutes(4320)),
            ..Default::default()
        });
        let x = &analyze_processes(&a)[0];
        assert_eq!(x.tier.as_ref().unwrap().name, "Tier 3");
        assert_eq!(
            x.claimed_tier
                .as_ref()
                .unwrap()
                .finding
                .as_ref()
                .unwrap()
                .message,
            "The workbook claimed Tier 1 (“P1”); the agreed RTO of 3 d makes it Tier 3."
        );
    }
}
