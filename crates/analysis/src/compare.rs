//! What changed between two states of an assessment: last year's BIA and
//! this year's, or the file before an import and after it. Per process the
//! fields that moved, with their old and new values as people read them;
//! processes and resources added and removed; how many processes moved
//! from each tier to each other tier.
//!
//! Processes are matched by id first (two states of one file), then by name
//! as names compare (`name_key`: a register imported from last year's
//! export has other ids). Resources likewise, by id and then by kind and
//! name. Scores are matched across methodologies by category name and
//! horizon minutes, tiers by name. Dependencies are compared by what sits
//! at both ends, in the new file's terms, so a renamed resource is not a
//! removed one.
//!
//! Pure: it reads two loaded assessments and their analyses; it opens
//! nothing and says nothing about how the result is shown.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use bia_model::{
    Assessment, Dependency, Id, Methodology, Minutes, NodeRef, Process, Resource, ResourceKind,
    Score, Status, Strength, name_key,
};

use super::{Analysis, ProcessAnalysis};

/// The label of the tier of processes with no RTO agreed.
pub const NO_TIER: &str = "No tier";

/// One of the two files compared.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComparedFile {
    pub assessment_id: Id,
    pub name: String,
    pub organisation: String,
    /// RFC 3339: when the file was last changed.
    pub updated_at: String,
    pub processes: u32,
}

/// How many processes and resources were added, removed, changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ComparisonCounts {
    pub added: u32,
    pub removed: u32,
    pub changed: u32,
    /// Processes in both files with nothing compared changed.
    pub unchanged: u32,
    pub resources_added: u32,
    pub resources_removed: u32,
    pub resources_changed: u32,
}

/// Whether a process or resource is new, gone, or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DeltaState {
    Added,
    Removed,
    Changed,
}

impl DeltaState {
    pub fn label(self) -> &'static str {
        match self {
            DeltaState::Added => "added",
            DeltaState::Removed => "removed",
            DeltaState::Changed => "changed",
        }
    }
}

/// Which way a value moved.
///
/// Up: the number grew (a score, a duration, a percentage), or the tier
/// became more urgent (Tier 2 → Tier 1: "moved up to Tier 1").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn label(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    fn of<T: Ord>(old: T, new: T) -> Option<Direction> {
        match new.cmp(&old) {
            std::cmp::Ordering::Greater => Some(Direction::Up),
            std::cmp::Ordering::Less => Some(Direction::Down),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// One value that changed, as people read it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ValueChange {
    /// What changed: `name`, `unit`, `owner`, `status`, `mtpd`, `rto`,
    /// `rpo`, `wrt`, `mbco`, `tier`, `score`, `dependency` (a process's);
    /// `rto_capability`, `rpo_capability`, `contractual_recovery`,
    /// `redundancy`, `dependency` (a resource's).
    pub field: String,
    /// "RTO", "Financial at 1 d", "Relies on ERP (application)".
    pub label: String,
    /// The value before, as people read it; empty when there was none
    /// (a dependency added).
    pub old: String,
    /// The value now; empty when there is none (a dependency removed).
    pub new: String,
    pub direction: Option<Direction>,
}

/// A process added, removed or changed.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProcessDelta {
    pub state: DeltaState,
    /// Its id in the new file (in the old one when removed).
    pub process_id: Id,
    /// Its name now (as it was when removed).
    pub name: String,
    pub unit: String,
    /// Its tier now (as it was when removed); empty: none.
    pub tier: String,
    /// Matched by name, not id (a file built separately).
    pub matched_by_name: bool,
    /// What changed; empty for one added or removed.
    pub changes: Vec<ValueChange>,
}

/// A resource added, removed or changed (its capability, its dependencies).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ResourceDelta {
    pub state: DeltaState,
    pub resource_id: Id,
    pub kind: ResourceKind,
    pub name: String,
    pub changes: Vec<ValueChange>,
}

/// How many processes moved from one tier to another (or stayed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TierMove {
    /// A tier's name, or [`NO_TIER`].
    pub from: String,
    pub to: String,
    pub processes: u32,
}

/// What changed from `old` to `new`.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Comparison {
    pub old: ComparedFile,
    pub new: ComparedFile,
    /// The two files are states of one assessment (the same id). When not
    /// (last year's BIA, built separately), processes are matched by name.
    pub same_assessment: bool,
    pub counts: ComparisonCounts,
    /// Processes changed and added in the new file's register order, then
    /// those removed in the old file's order.
    pub processes: Vec<ProcessDelta>,
    /// Resources likewise.
    pub resources: Vec<ResourceDelta>,
    /// The tiers the movement is counted between, most urgent first: the
    /// new methodology's, then any only the old one had, then [`NO_TIER`].
    pub tiers: Vec<String>,
    /// For each pair of tiers (in the order of `tiers`) that any process
    /// in both files went from and to, how many did; staying counts.
    pub tier_movement: Vec<TierMove>,
}

impl Comparison {
    /// "Changes since 2025 BIA (12 Mar 2025)": the old file's name and the
    /// day it was last changed.
    pub fn since(&self) -> String {
        match day(&self.old.updated_at) {
            Some(day) => format!("Changes since {} ({day})", self.old.name),
            None => format!("Changes since {}", self.old.name),
        }
    }

    /// Whether nothing compared differs.
    pub fn is_empty(&self) -> bool {
        self.processes.is_empty() && self.resources.is_empty()
    }
}

/// "2025-03-12T…" → "12 Mar 2025".
fn day(rfc3339: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let date = rfc3339.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let month = MONTHS.get(m.parse::<usize>().ok()?.checked_sub(1)?)?;
    let d: u32 = d.parse().ok()?;
    y.parse::<u32>().ok()?;
    Some(format!("{d} {month} {y}"))
}

/// Compares `old` with `new` (each with its analysis).
pub fn compare(
    old: &Assessment,
    old_analysis: &Analysis,
    new: &Assessment,
    new_analysis: &Analysis,
) -> Comparison {
    let before = Side::new(old, old_analysis);
    let after = Side::new(new, new_analysis);
    let processes = pair_processes(&before, &after);
    let resources = pair_resources(&before, &after);
    let ends = Ends::new(&before, &after, &processes, &resources);
    let scores = ScoreAxes::new(&old.methodology, &new.methodology);
    let tiers = tier_axis(&old.methodology, &new.methodology);

    let mut counts = ComparisonCounts::default();
    let mut deltas = Vec::new();
    let mut moves: FxHashMap<(usize, usize), u32> = FxHashMap::default();
    let tier_index = |t: Option<&str>| -> usize {
        let key = t.map(name_key);
        key.and_then(|k| tiers.iter().position(|x| name_key(x) == k))
            .unwrap_or(tiers.len() - 1)
    };
    let old_scores = by_process(&old.scores);
    let new_scores = by_process(&new.scores);
    let (mut old_grid, mut new_grid) = (Vec::new(), Vec::new());
    for (j, p) in new.processes.iter().enumerate() {
        let pa = &after.analysis[j];
        let Some((i, by_name)) = processes.new_to_old[j] else {
            counts.added += 1;
            deltas.push(ProcessDelta {
                state: DeltaState::Added,
                process_id: p.id,
                name: p.name.clone(),
                unit: after.unit(p).to_string(),
                tier: tier_name(pa),
                matched_by_name: false,
                changes: Vec::new(),
            });
            continue;
        };
        let q = &old.processes[i];
        let qa = &before.analysis[i];
        *moves
            .entry((
                tier_index(qa.tier.as_ref().map(|t| t.name.as_str())),
                tier_index(pa.tier.as_ref().map(|t| t.name.as_str())),
            ))
            .or_default() += 1;
        let mut changes = fields(&before, q, qa, &after, p, pa);
        scores.fill(
            &mut old_grid,
            old_scores.get(&q.id).map_or(&[][..], Vec::as_slice),
            true,
        );
        scores.fill(
            &mut new_grid,
            new_scores.get(&p.id).map_or(&[][..], Vec::as_slice),
            false,
        );
        scores.changes(&old_grid, &new_grid, old, new, &mut changes);
        ends.changes(NodeRef::Process(q.id), NodeRef::Process(p.id), &mut changes);
        if changes.is_empty() {
            counts.unchanged += 1;
            continue;
        }
        counts.changed += 1;
        deltas.push(ProcessDelta {
            state: DeltaState::Changed,
            process_id: p.id,
            name: p.name.clone(),
            unit: after.unit(p).to_string(),
            tier: tier_name(pa),
            matched_by_name: by_name,
            changes,
        });
    }
    for (i, q) in old.processes.iter().enumerate() {
        if processes.old_taken[i] {
            continue;
        }
        counts.removed += 1;
        deltas.push(ProcessDelta {
            state: DeltaState::Removed,
            process_id: q.id,
            name: q.name.clone(),
            unit: before.unit(q).to_string(),
            tier: tier_name(&before.analysis[i]),
            matched_by_name: false,
            changes: Vec::new(),
        });
    }

    let mut resource_deltas = Vec::new();
    for (j, r) in new.resources.iter().enumerate() {
        let delta = |state, changes| ResourceDelta {
            state,
            resource_id: r.id,
            kind: r.kind,
            name: r.name.clone(),
            changes,
        };
        let Some(i) = resources.new_to_old[j] else {
            counts.resources_added += 1;
            resource_deltas.push(delta(DeltaState::Added, Vec::new()));
            continue;
        };
        let q = &old.resources[i];
        let mut changes = capability(q, r);
        ends.changes(
            NodeRef::Resource(q.id),
            NodeRef::Resource(r.id),
            &mut changes,
        );
        if !changes.is_empty() {
            counts.resources_changed += 1;
            resource_deltas.push(delta(DeltaState::Changed, changes));
        }
    }
    for (i, q) in old.resources.iter().enumerate() {
        if !resources.old_taken[i] {
            counts.resources_removed += 1;
            resource_deltas.push(ResourceDelta {
                state: DeltaState::Removed,
                resource_id: q.id,
                kind: q.kind,
                name: q.name.clone(),
                changes: Vec::new(),
            });
        }
    }

    let mut tier_movement: Vec<((usize, usize), u32)> = moves.into_iter().collect();
    tier_movement.sort_unstable();
    Comparison {
        old: file(old),
        new: file(new),
        same_assessment: old.info.id == new.info.id,
        counts,
        processes: deltas,
        resources: resource_deltas,
        tier_movement: tier_movement
            .into_iter()
            .map(|((from, to), n)| TierMove {
                from: tiers[from].clone(),
                to: tiers[to].clone(),
                processes: n,
            })
            .collect(),
        tiers,
    }
}

fn file(a: &Assessment) -> ComparedFile {
    ComparedFile {
        assessment_id: a.info.id,
        name: a.info.name.clone(),
        organisation: a.info.organisation.clone(),
        updated_at: a.info.updated_at.clone(),
        processes: a.processes.len() as u32,
    }
}

fn tier_name(p: &ProcessAnalysis) -> String {
    p.tier.as_ref().map_or_else(String::new, |t| t.name.clone())
}

/// The tiers of the new methodology in rank order, then those only the
/// old one has (by name), then [`NO_TIER`].
fn tier_axis(old: &Methodology, new: &Methodology) -> Vec<String> {
    let mut ranked: Vec<&bia_model::Tier> = new.tiers.iter().collect();
    ranked.sort_by_key(|t| t.rank);
    let mut names: Vec<String> = ranked.iter().map(|t| t.name.clone()).collect();
    let mut old_ranked: Vec<&bia_model::Tier> = old.tiers.iter().collect();
    old_ranked.sort_by_key(|t| t.rank);
    for t in old_ranked {
        if !names.iter().any(|n| name_key(n) == name_key(&t.name)) {
            names.push(t.name.clone());
        }
    }
    names.push(NO_TIER.to_string());
    names
}

/// One file's assessment, its analysis by register position, and lookups.
struct Side<'a> {
    a: &'a Assessment,
    /// One per process, in register order.
    analysis: Cow<'a, [ProcessAnalysis]>,
    units: FxHashMap<Id, &'a str>,
    processes: FxHashMap<Id, usize>,
    resources: FxHashMap<Id, usize>,
}

impl<'a> Side<'a> {
    fn new(a: &'a Assessment, analysis: &'a Analysis) -> Side<'a> {
        // The analysis is in register order; one made of another state of
        // the file is made again.
        let in_order = analysis.processes.len() == a.processes.len()
            && analysis
                .processes
                .iter()
                .zip(&a.processes)
                .all(|(x, p)| x.process_id == p.id);
        let analysis = if in_order {
            Cow::Borrowed(analysis.processes.as_slice())
        } else {
            Cow::Owned(super::analyze_processes(a))
        };
        Side {
            a,
            analysis,
            units: a.units.iter().map(|u| (u.id, u.name.as_str())).collect(),
            processes: a
                .processes
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id, i))
                .collect(),
            resources: a
                .resources
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id, i))
                .collect(),
        }
    }

    fn unit(&self, p: &Process) -> &'a str {
        p.unit_id
            .and_then(|u| self.units.get(&u).copied())
            .unwrap_or("")
    }

    /// A process's or resource's name as a dependency shows it:
    /// "Payroll" or "ERP (application)".
    fn node(&self, n: NodeRef) -> Option<String> {
        match n {
            NodeRef::Process(id) => self
                .processes
                .get(&id)
                .map(|&i| self.a.processes[i].name.clone()),
            NodeRef::Resource(id) => self.resources.get(&id).map(|&i| {
                let r = &self.a.resources[i];
                format!("{} ({})", r.name, r.kind.label())
            }),
        }
    }
}

/// Which old process each new one is (by id, else by name), and which old
/// ones were taken.
struct ProcessPairs {
    /// Per new process: its old one's position, and whether by name.
    new_to_old: Vec<Option<(usize, bool)>>,
    old_taken: Vec<bool>,
}

fn pair_processes(before: &Side, after: &Side) -> ProcessPairs {
    let (old, new) = (before.a, after.a);
    let mut new_to_old = vec![None; new.processes.len()];
    let mut old_taken = vec![false; old.processes.len()];
    for (j, p) in new.processes.iter().enumerate() {
        if let Some(&i) = before.processes.get(&p.id) {
            new_to_old[j] = Some((i, false));
            old_taken[i] = true;
        }
    }
    let mut by_key: FxHashMap<String, usize> = old
        .processes
        .iter()
        .enumerate()
        .filter(|(i, _)| !old_taken[*i])
        .map(|(i, p)| (name_key(&p.name), i))
        .collect();
    if !by_key.is_empty() {
        for (j, p) in new.processes.iter().enumerate() {
            if new_to_old[j].is_none()
                && let Some(i) = by_key.remove(&name_key(&p.name))
            {
                new_to_old[j] = Some((i, true));
                old_taken[i] = true;
            }
        }
    }
    ProcessPairs {
        new_to_old,
        old_taken,
    }
}

/// Which old resource each new one is (by id, else by kind and name).
struct ResourcePairs {
    new_to_old: Vec<Option<usize>>,
    old_taken: Vec<bool>,
}

fn pair_resources(before: &Side, after: &Side) -> ResourcePairs {
    let (old, new) = (before.a, after.a);
    let mut new_to_old = vec![None; new.resources.len()];
    let mut old_taken = vec![false; old.resources.len()];
    for (j, r) in new.resources.iter().enumerate() {
        if let Some(&i) = before.resources.get(&r.id) {
            new_to_old[j] = Some(i);
            old_taken[i] = true;
        }
    }
    let mut by_key: FxHashMap<(ResourceKind, String), usize> = old
        .resources
        .iter()
        .enumerate()
        .filter(|(i, _)| !old_taken[*i])
        .map(|(i, r)| ((r.kind, name_key(&r.name)), i))
        .collect();
    if !by_key.is_empty() {
        for (j, r) in new.resources.iter().enumerate() {
            if new_to_old[j].is_none()
                && let Some(i) = by_key.remove(&(r.kind, name_key(&r.name)))
            {
                new_to_old[j] = Some(i);
                old_taken[i] = true;
            }
        }
    }
    ResourcePairs {
        new_to_old,
        old_taken,
    }
}

/// The dependencies of each side, keyed by their dependent and with their
/// target in the new file's terms, and the names to show them by.
struct Ends<'a> {
    before: &'a Side<'a>,
    after: &'a Side<'a>,
    /// Old id → new id, for processes and resources matched.
    old_to_new: FxHashMap<Id, Id>,
    old: FxHashMap<Id, Vec<&'a Dependency>>,
    new: FxHashMap<Id, Vec<&'a Dependency>>,
}

impl<'a> Ends<'a> {
    fn new(
        before: &'a Side<'a>,
        after: &'a Side<'a>,
        processes: &ProcessPairs,
        resources: &ResourcePairs,
    ) -> Ends<'a> {
        let mut old_to_new = FxHashMap::default();
        for (j, pair) in processes.new_to_old.iter().enumerate() {
            if let Some((i, _)) = pair {
                old_to_new.insert(before.a.processes[*i].id, after.a.processes[j].id);
            }
        }
        for (j, pair) in resources.new_to_old.iter().enumerate() {
            if let Some(i) = pair {
                old_to_new.insert(before.a.resources[*i].id, after.a.resources[j].id);
            }
        }
        let group = |deps: &'a [Dependency]| {
            let mut by: FxHashMap<Id, Vec<&'a Dependency>> = FxHashMap::default();
            for d in deps {
                by.entry(d.from.id()).or_default().push(d);
            }
            by
        };
        Ends {
            before,
            after,
            old_to_new,
            old: group(&before.a.dependencies),
            new: group(&after.a.dependencies),
        }
    }

    /// An old node in the new file's terms (itself when it has no match).
    fn translated(&self, n: NodeRef) -> NodeRef {
        let id = self.old_to_new.get(&n.id()).copied().unwrap_or(n.id());
        match n {
            NodeRef::Process(_) => NodeRef::Process(id),
            NodeRef::Resource(_) => NodeRef::Resource(id),
        }
    }

    /// The dependencies of `old` (in the old file) and `new` (its match)
    /// added, removed, or of another strength.
    fn changes(&self, old: NodeRef, new: NodeRef, out: &mut Vec<ValueChange>) {
        let none = Vec::new();
        let was = self.old.get(&old.id()).unwrap_or(&none);
        let now = self.new.get(&new.id()).unwrap_or(&none);
        if was.is_empty() && now.is_empty() {
            return;
        }
        let was: Vec<(NodeRef, &Dependency)> =
            was.iter().map(|d| (self.translated(d.to), *d)).collect();
        let strength = |s: Strength| s.as_str().to_string();
        for d in now {
            let name = || self.after.node(d.to).unwrap_or_default();
            match was.iter().find(|(to, _)| *to == d.to) {
                None => out.push(ValueChange {
                    field: "dependency".into(),
                    label: format!("Relies on {}", name()),
                    old: String::new(),
                    new: format!("added ({})", strength(d.strength)),
                    direction: None,
                }),
                Some((_, e)) if e.strength != d.strength => out.push(ValueChange {
                    field: "dependency".into(),
                    label: format!("Relies on {}", name()),
                    old: strength(e.strength),
                    new: strength(d.strength),
                    direction: None,
                }),
                Some(_) => {}
            }
        }
        for (to, e) in &was {
            if !now.iter().any(|d| d.to == *to) {
                let name = self
                    .after
                    .node(*to)
                    .or_else(|| self.before.node(e.to))
                    .unwrap_or_default();
                out.push(ValueChange {
                    field: "dependency".into(),
                    label: format!("Relies on {name}"),
                    old: strength(e.strength),
                    new: "removed".into(),
                    direction: None,
                });
            }
        }
    }
}

fn change(
    field: &str,
    label: &str,
    old: String,
    new: String,
    direction: Option<Direction>,
) -> ValueChange {
    ValueChange {
        field: field.into(),
        label: label.into(),
        old,
        new,
        direction,
    }
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Draft => "Draft",
        Status::InReview => "In review",
        Status::Approved => "Approved",
    }
}

/// A duration objective: "4 h", or "not set".
fn duration(m: Option<Minutes>) -> String {
    m.map_or_else(|| "not set".into(), |m| m.to_string())
}

/// The direction between two optional values; none when either is unset.
fn moved<T: Ord + Copy>(old: Option<T>, new: Option<T>) -> Option<Direction> {
    Direction::of(old?, new?)
}

/// The process's own fields and objectives that changed.
fn fields(
    before: &Side,
    q: &Process,
    qa: &ProcessAnalysis,
    after: &Side,
    p: &Process,
    pa: &ProcessAnalysis,
) -> Vec<ValueChange> {
    let mut out = Vec::new();
    if q.name != p.name {
        out.push(change("name", "Name", q.name.clone(), p.name.clone(), None));
    }
    let (uq, up) = (before.unit(q), after.unit(p));
    if name_key(uq) != name_key(up) {
        let shown = |u: &str| {
            if u.is_empty() {
                "no unit".to_string()
            } else {
                u.to_string()
            }
        };
        out.push(change("unit", "Unit", shown(uq), shown(up), None));
    }
    if q.owner.trim() != p.owner.trim() {
        let shown = |o: &str| {
            if o.trim().is_empty() {
                "none".to_string()
            } else {
                o.trim().to_string()
            }
        };
        out.push(change(
            "owner",
            "Owner",
            shown(&q.owner),
            shown(&p.owner),
            None,
        ));
    }
    if q.status != p.status {
        out.push(change(
            "status",
            "Status",
            status_label(q.status).into(),
            status_label(p.status).into(),
            None,
        ));
    }
    let mtpd = |a: &ProcessAnalysis| match (a.mtpd, a.mtpd_overridden) {
        (Some(m), true) => format!("{m} (agreed override)"),
        (Some(m), false) => m.to_string(),
        (None, _) => "not reached".into(),
    };
    if (qa.mtpd, qa.mtpd_overridden) != (pa.mtpd, pa.mtpd_overridden) {
        out.push(change(
            "mtpd",
            "MTPD",
            mtpd(qa),
            mtpd(pa),
            moved(qa.mtpd, pa.mtpd),
        ));
    }
    if qa.rto != pa.rto {
        out.push(change(
            "rto",
            "RTO",
            duration(qa.rto),
            duration(pa.rto),
            moved(qa.rto, pa.rto),
        ));
    }
    let rpo = |a: &ProcessAnalysis| {
        if a.rpo_not_applicable {
            "n/a".to_string()
        } else {
            duration(a.rpo)
        }
    };
    if (qa.rpo, qa.rpo_not_applicable) != (pa.rpo, pa.rpo_not_applicable) {
        let direction = if qa.rpo_not_applicable || pa.rpo_not_applicable {
            None
        } else {
            moved(qa.rpo, pa.rpo)
        };
        out.push(change("rpo", "RPO", rpo(qa), rpo(pa), direction));
    }
    if qa.wrt != pa.wrt {
        out.push(change(
            "wrt",
            "WRT",
            duration(qa.wrt),
            duration(pa.wrt),
            moved(qa.wrt, pa.wrt),
        ));
    }
    if qa.mbco_percent != pa.mbco_percent {
        let shown = |m: Option<u8>| m.map_or_else(|| "not set".into(), |m| format!("{m} %"));
        out.push(change(
            "mbco",
            "MBCO",
            shown(qa.mbco_percent),
            shown(pa.mbco_percent),
            moved(qa.mbco_percent, pa.mbco_percent),
        ));
    }
    let tier_key = |a: &ProcessAnalysis| a.tier.as_ref().map(|t| name_key(&t.name));
    if tier_key(qa) != tier_key(pa) {
        let shown = |a: &ProcessAnalysis| {
            a.tier
                .as_ref()
                .map_or_else(|| "no tier".into(), |t| t.name.clone())
        };
        // A lower rank is more urgent: moving to it is moving up. No tier
        // is the least urgent of all, as the tier-movement chart counts it.
        let rank = |a: &ProcessAnalysis| a.tier.as_ref().map_or(u16::MAX, |t| u16::from(t.rank));
        let direction = Direction::of(rank(pa), rank(qa));
        out.push(change("tier", "Tier", shown(qa), shown(pa), direction));
    }
    out
}

/// A resource's recovery capability and redundancy that changed.
fn capability(q: &Resource, r: &Resource) -> Vec<ValueChange> {
    let unknown = |m: Option<Minutes>| m.map_or_else(|| "unknown".into(), |m| m.to_string());
    let mut out = Vec::new();
    for (field, label, old, new) in [
        (
            "rto_capability",
            "Recovery time capability",
            q.rto_capability,
            r.rto_capability,
        ),
        (
            "rpo_capability",
            "Data loss capability (RPO)",
            q.rpo_capability,
            r.rpo_capability,
        ),
        (
            "contractual_recovery",
            "Contractual recovery time",
            q.contractual_recovery,
            r.contractual_recovery,
        ),
    ] {
        if old != new {
            out.push(change(
                field,
                label,
                unknown(old),
                unknown(new),
                moved(old, new),
            ));
        }
    }
    if q.redundancy != r.redundancy {
        let shown = |x: bia_model::Redundancy| x.as_str().replace('_', " ");
        out.push(change(
            "redundancy",
            "Redundancy",
            shown(q.redundancy),
            shown(r.redundancy),
            None,
        ));
    }
    out
}

/// Scores grouped by process.
fn by_process(scores: &[Score]) -> FxHashMap<Id, Vec<&Score>> {
    let mut by: FxHashMap<Id, Vec<&Score>> = FxHashMap::default();
    for s in scores {
        by.entry(s.process_id).or_default().push(s);
    }
    by
}

/// The impact grid both methodologies share: categories by name (the new
/// file's first, in its order, then any only the old one has), horizons
/// by their minutes, in time order.
struct ScoreAxes {
    categories: Vec<String>,
    horizons: Vec<(Minutes, String)>,
    /// Category and horizon ids of each side → position on the axes. A
    /// methodology has a handful of each: a short scan beats hashing.
    old_category: Vec<(Id, usize)>,
    new_category: Vec<(Id, usize)>,
    old_horizon: Vec<(Id, usize)>,
    new_horizon: Vec<(Id, usize)>,
}

impl ScoreAxes {
    fn new(old: &Methodology, new: &Methodology) -> ScoreAxes {
        let mut categories: Vec<String> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut place = |name: &str| {
            let key = name_key(name);
            keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key);
                categories.push(name.to_string());
                keys.len() - 1
            })
        };
        let new_category = new
            .categories
            .iter()
            .map(|c| (c.id, place(&c.name)))
            .collect();
        let old_category = old
            .categories
            .iter()
            .map(|c| (c.id, place(&c.name)))
            .collect();
        let mut horizons: Vec<(Minutes, String)> = new
            .horizons
            .iter()
            .map(|h| (h.minutes, h.label.clone()))
            .collect();
        for h in &old.horizons {
            if !horizons.iter().any(|(m, _)| *m == h.minutes) {
                horizons.push((h.minutes, h.label.clone()));
            }
        }
        horizons.sort_by_key(|(m, _)| *m);
        let at = |m: Minutes| horizons.iter().position(|(x, _)| *x == m).unwrap_or(0);
        let new_horizon = new.horizons.iter().map(|h| (h.id, at(h.minutes))).collect();
        let old_horizon = old.horizons.iter().map(|h| (h.id, at(h.minutes))).collect();
        ScoreAxes {
            categories,
            horizons,
            old_category,
            new_category,
            old_horizon,
            new_horizon,
        }
    }

    /// Lays one process's scores (of the old side or the new) on the axes.
    fn fill(&self, grid: &mut Vec<Option<u8>>, scores: &[&Score], old: bool) {
        grid.clear();
        grid.resize(self.categories.len() * self.horizons.len(), None);
        let (categories, horizons) = if old {
            (&self.old_category, &self.old_horizon)
        } else {
            (&self.new_category, &self.new_horizon)
        };
        let find = |ids: &[(Id, usize)], id: Id| ids.iter().find(|(x, _)| *x == id).map(|x| x.1);
        for s in scores {
            if let (Some(c), Some(h)) = (
                find(categories, s.category_id),
                find(horizons, s.horizon_id),
            ) {
                grid[c * self.horizons.len() + h] = s.severity;
            }
        }
    }

    /// Each cell scored differently, category by category.
    fn changes(
        &self,
        was: &[Option<u8>],
        now: &[Option<u8>],
        old: &Assessment,
        new: &Assessment,
        out: &mut Vec<ValueChange>,
    ) {
        let level = |m: &Methodology, s: Option<u8>| {
            s.map_or_else(
                || "unscored".to_string(),
                |v| format!("{v} – {}", m.level_name(v)),
            )
        };
        for (k, (x, y)) in was.iter().zip(now).enumerate() {
            if x == y {
                continue;
            }
            let (c, h) = (k / self.horizons.len(), k % self.horizons.len());
            out.push(change(
                "score",
                &format!("{} at {}", self.categories[c], self.horizons[h].1),
                level(&old.methodology, *x),
                level(&new.methodology, *y),
                moved(*x, *y),
            ));
        }
    }
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
