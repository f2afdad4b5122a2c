//! The plan as the desktop preview reads it: a [`Summary`] of everything
//! small (the file, its tables and columns, units, resources, unmapped
//! columns, counts, and whatever the plan carries besides its long lists),
//! then the long lists — processes, dependencies, issues — a [`Page`] at a
//! time, filtered by a text, as the user scrolls or searches. A process is
//! listed with its changes and the number of its scores, not the scores:
//! a 10,000-process workbook plans 560,000 of them, which no preview shows
//! at once ([`Plan::process_scores`] gives one process's).
//!
//! It does not keep the plan (the desktop shell does, beside the workbook)
//! and does not sort: rows come in the plan's order, issues by level
//! (errors first) and in the plan's order within a level.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use bia_model::{Id, ProcessInput};

use super::super::grid::{Issue, Level};
use super::types::{Action, Change, Plan, PlannedDependency, PlannedProcess, PlannedScore, Target};

/// How many rows of each long list the summary carries.
pub const FIRST_PAGE: usize = 50;

/// The most rows one page holds, whatever is asked.
pub const MAX_PAGE: usize = 500;

/// The plan's long lists, read a page at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ImportList")]
pub enum List {
    Processes,
    Dependencies,
    Issues,
}

/// A process as the preview lists it: the planned process with its
/// scores counted rather than listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportProcessRow")]
pub struct ProcessRow {
    /// Its place among the plan's processes ([`Plan::process_scores`]).
    pub index: usize,
    pub action: Action,
    pub existing: Option<Id>,
    /// The unit's name; created when the assessment has none by that name.
    pub unit: Option<String>,
    /// The process as it will be stored (`unit_id` is set on commit).
    pub input: ProcessInput,
    /// For a process already there: what changes.
    pub changes: Vec<Change>,
    /// `Sheet!A5` of each row the process was read from.
    pub rows: Vec<String>,
    /// How many impact scores the import sets.
    pub scores: usize,
    /// Whether the import sets objectives.
    pub objectives: bool,
    /// The tier `input.claimed_tier` reads as ([`PlannedProcess::claimed_tier`]).
    pub claimed_tier: Option<String>,
}

impl ProcessRow {
    fn of(index: usize, p: &PlannedProcess) -> ProcessRow {
        ProcessRow {
            index,
            action: p.action,
            existing: p.existing,
            unit: p.unit.clone(),
            input: p.input.clone(),
            changes: p.changes.clone(),
            rows: p.rows.clone(),
            scores: p.scores.len(),
            objectives: p.objectives.is_some(),
            claimed_tier: p.claimed_tier.clone(),
        }
    }
}

/// Rows `offset..` of a list (of those matching the filter, if any).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportPage")]
pub struct Page<T> {
    pub offset: usize,
    /// How many rows the list holds (that match the filter, with one).
    pub total: usize,
    pub rows: Vec<T>,
}

/// A page of one of the lists, named by `list`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "list", rename_all = "snake_case")]
#[ts(export, rename = "ImportListPage")]
pub enum ListPage {
    Processes(Page<ProcessRow>),
    Dependencies(Page<PlannedDependency>),
    Issues(Page<Issue>),
}

/// How many issues of each level the plan has (the headings of the list).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportIssueLevels")]
pub struct IssueLevels {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// What the preview first receives: everything small about the plan, and
/// the first page of each long list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportSummary")]
pub struct Summary {
    /// The plan with its long lists (`processes`, `dependencies`,
    /// `issues`) left empty: they come below, a page at a time. Every other
    /// field is the plan's own.
    pub plan: Plan,
    pub processes: Page<ProcessRow>,
    pub dependencies: Page<PlannedDependency>,
    pub issues: Page<Issue>,
    pub issue_levels: IssueLevels,
}

/// Whether `text` holds `needle` (already lower-cased), ignoring case.
fn holds(text: &str, needle: &str) -> bool {
    text.to_lowercase().contains(needle)
}

fn process_matches(p: &PlannedProcess, needle: &str) -> bool {
    holds(p.input.name.as_str(), needle)
        || p.unit.as_deref().is_some_and(|u| holds(u, needle))
        || holds(&p.input.owner, needle)
        || p.rows.iter().any(|r| holds(r, needle))
}

fn dependency_matches(d: &PlannedDependency, needle: &str) -> bool {
    let target = match &d.target {
        Target::Resource { name, .. } | Target::Process { name } => name,
    };
    holds(&d.process, needle) || holds(target, needle)
}

fn issue_matches(i: &Issue, needle: &str) -> bool {
    holds(&i.address, needle) || holds(&i.message, needle)
}

/// `offset..offset + limit` of the items `keep` lets through, and how many it lets through.
fn slice<'a, T: 'a, R>(
    items: impl Iterator<Item = &'a T>,
    keep: impl Fn(&T) -> bool,
    offset: usize,
    limit: usize,
    row: impl Fn(usize, &T) -> R,
) -> Page<R> {
    let limit = limit.min(MAX_PAGE);
    let mut total = 0;
    let mut rows = Vec::new();
    for (i, item) in items.enumerate() {
        if !keep(item) {
            continue;
        }
        if total >= offset && rows.len() < limit {
            rows.push(row(i, item));
        }
        total += 1;
    }
    Page {
        offset,
        total,
        rows,
    }
}

impl Plan {
    /// Rows `offset..offset + limit` (at most [`MAX_PAGE`]) of `list`;
    /// with a `filter`, of the rows whose text holds it, ignoring case
    /// (a process's name, unit, owner or rows; a dependency's process or
    /// target; an issue's address or message). Issues come by level,
    /// errors first. An offset past the end gives no rows and the total.
    pub fn page(&self, list: List, offset: usize, limit: usize, filter: Option<&str>) -> ListPage {
        match list {
            List::Processes => ListPage::Processes(self.process_page(offset, limit, filter)),
            List::Dependencies => {
                ListPage::Dependencies(self.dependency_page(offset, limit, filter))
            }
            List::Issues => ListPage::Issues(self.issue_page(offset, limit, filter)),
        }
    }

    /// A page of the processes ([`Plan::page`]).
    pub fn process_page(
        &self,
        offset: usize,
        limit: usize,
        filter: Option<&str>,
    ) -> Page<ProcessRow> {
        let needle = needle(filter);
        slice(
            self.processes.iter(),
            |p| needle.as_deref().is_none_or(|n| process_matches(p, n)),
            offset,
            limit,
            ProcessRow::of,
        )
    }

    /// A page of the dependencies ([`Plan::page`]).
    pub fn dependency_page(
        &self,
        offset: usize,
        limit: usize,
        filter: Option<&str>,
    ) -> Page<PlannedDependency> {
        let needle = needle(filter);
        slice(
            self.dependencies.iter(),
            |d| needle.as_deref().is_none_or(|n| dependency_matches(d, n)),
            offset,
            limit,
            |_, d| d.clone(),
        )
    }

    /// A page of the issues, errors first, then warnings, then notes
    /// ([`Plan::page`]).
    pub fn issue_page(&self, offset: usize, limit: usize, filter: Option<&str>) -> Page<Issue> {
        let needle = needle(filter);
        let by_level = [Level::Error, Level::Warning, Level::Info]
            .into_iter()
            .flat_map(|level| self.issues.iter().filter(move |i| i.level == level));
        slice(
            by_level,
            |i| needle.as_deref().is_none_or(|n| issue_matches(i, n)),
            offset,
            limit,
            |_, i| i.clone(),
        )
    }

    /// The scores the import sets on the process at `index` (as
    /// [`ProcessRow::index`] gives it); `None` past the end.
    pub fn process_scores(&self, index: usize) -> Option<&[PlannedScore]> {
        self.processes.get(index).map(|p| p.scores.as_slice())
    }

    /// The summary the preview first shows: the plan without its long
    /// lists, and the first [`FIRST_PAGE`] rows of each. The lists are
    /// taken out while the rest is copied, then put back, so that the copy
    /// costs what the small part does (and a field added to [`Plan`]
    /// reaches the preview with no change here).
    pub fn summary(&mut self) -> Summary {
        let processes = std::mem::take(&mut self.processes);
        let dependencies = std::mem::take(&mut self.dependencies);
        let issues = std::mem::take(&mut self.issues);
        let head = self.clone();
        self.processes = processes;
        self.dependencies = dependencies;
        self.issues = issues;
        let mut issue_levels = IssueLevels::default();
        for issue in &self.issues {
            match issue.level {
                Level::Error => issue_levels.error += 1,
                Level::Warning => issue_levels.warning += 1,
                Level::Info => issue_levels.info += 1,
            }
        }
        Summary {
            plan: head,
            processes: self.process_page(0, FIRST_PAGE, None),
            dependencies: self.dependency_page(0, FIRST_PAGE, None),
            issues: self.issue_page(0, FIRST_PAGE, None),
            issue_levels,
        }
    }
}

/// The filter as compared: trimmed, lower-cased; `None` when empty.
fn needle(filter: Option<&str>) -> Option<String> {
    filter
        .map(|f| f.trim().to_lowercase())
        .filter(|f| !f.is_empty())
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::super::{Mapping, plan};
    use super::*;
    use crate::import::{Limits, read_workbook};

    const NAMED: [&str; 4] = [
        "Payroll run",
        "Customer onboarding",
        "Supplier payments",
        "Branch cash handling",
    ];

    /// A department's legacy register as CSV: the four named processes,
    /// then `more` generated ones, each with an owner, an RTO, the systems
    /// it needs and its financial and operational impact at 4 h and 1 day;
    /// every 25th RTO is a range (a warning) and every 40th is no duration
    /// (an error).
    fn register(dir: &Path, more: usize) -> PathBuf {
        let mut csv = String::from(
            "Process,Department,Owner,RTO,Key Systems,Financial Impact @ 4 hours,Financial Impact @ 1 day,Operational Impact @ 4 hours,Operational Impact @ 1 day\n",
        );
        let names = NAMED
            .iter()
            .map(|n| n.to_string())
            .chain((0..more).map(|i| format!("Order handling {i:05}")));
        for (i, name) in names.enumerate() {
            let rto = match i {
                _ if i % 40 == 39 => "soon".to_string(),
                _ if i % 25 == 24 => "1-3 days".to_string(),
                _ => format!("{}", 4 + i % 5 * 4),
            };
            csv.push_str(&format!(
                "{name},Finance {},Ruth Osei,{rto},Core banking; Citrix,{},{},{},{}\n",
                i % 3,
                i % 3 + 1,
                i % 3 + 2,
                i % 2 + 1,
                i % 2 + 3,
            ));
        }
        let path = dir.join(format!("register-{more}.csv"));
        std::fs::write(&path, csv).unwrap();
        path
    }

    fn planned(more: usize) -> Plan {
        let dir = tempfile::tempdir().unwrap();
        let path = register(dir.path(), more);
        let workbook = read_workbook(&path, &Limits::default()).unwrap();
        let current = bia_model::Assessment::fresh("2026-01-01T00:00:00Z");
        plan(&path, &workbook, &current, &Mapping::default()).unwrap()
    }

    fn names(page: &Page<ProcessRow>) -> Vec<&str> {
        page.rows.iter().map(|r| r.input.name.as_str()).collect()
    }

    #[test]
    fn pages_of_processes_follow_the_plan_and_count_scores_rather_than_list_them() {
        let plan = planned(296);
        assert_eq!(plan.processes.len(), 300, "the register is read whole");
        let first = plan.process_page(0, 10, None);
        assert_eq!(first.total, 300);
        assert_eq!(&names(&first)[..4], &NAMED, "in the workbook's order");
        assert_eq!(first.rows[0].scores, 4, "four impact cells per process");
        assert_eq!(
            first.rows[0].scores,
            plan.process_scores(first.rows[0].index).unwrap().len(),
            "the count is of the scores the process's own list holds"
        );
        let middle = plan.process_page(120, 30, None);
        assert_eq!((middle.offset, middle.rows.len()), (120, 30));
        for (k, row) in middle.rows.iter().enumerate() {
            assert_eq!(row.index, 120 + k);
            assert_eq!(row.input.name, plan.processes[120 + k].input.name);
        }
        let last = plan.process_page(290, 50, None);
        assert_eq!(last.rows.len(), 10, "the last page holds what is left");
        let beyond = plan.process_page(400, 50, None);
        assert_eq!((beyond.total, beyond.rows.len()), (300, 0));
        assert_eq!(plan.process_scores(300), None);
        let all = plan.process_page(0, usize::MAX, None);
        assert_eq!(all.rows.len(), MAX_PAGE.min(300), "a page is bounded");
    }

    #[test]
    fn a_filter_finds_processes_by_name_unit_owner_or_row_ignoring_case() {
        let plan = planned(296);
        let payroll = plan.process_page(0, 50, Some("  PAYROLL "));
        assert_eq!(names(&payroll), ["Payroll run"]);
        assert_eq!(payroll.total, 1);
        assert_eq!(payroll.rows[0].index, 0, "its place in the whole plan");
        let handling = plan.process_page(10, 5, Some("handling"));
        assert_eq!(
            handling.total, 297,
            "Branch cash handling and the 296 order handlings"
        );
        assert_eq!(handling.rows[0].input.name.as_str(), "Order handling 00009");
        assert_eq!(plan.process_page(0, 50, Some("Finance 2")).total, 100);
        assert_eq!(
            plan.process_page(0, 50, Some("!A3")).rows[0]
                .input
                .name
                .as_str(),
            "Customer onboarding"
        );
        assert_eq!(plan.process_page(0, 50, Some("Acme Logistics")).total, 0);
        assert_eq!(
            plan.process_page(0, 50, Some("   ")).total,
            300,
            "a blank filter keeps everything"
        );
    }

    #[test]
    fn issues_come_errors_first_and_dependencies_by_process_or_target() {
        let plan = planned(296);
        let issues = plan.issue_page(0, MAX_PAGE, None);
        assert_eq!(issues.total, plan.issues.len());
        let levels: Vec<Level> = issues.rows.iter().map(|i| i.level).collect();
        let mut sorted = levels.clone();
        sorted.sort();
        assert_eq!(levels, sorted, "errors, then warnings, then notes");
        assert!(levels.contains(&Level::Error) && levels.contains(&Level::Warning));
        let soon = plan.issue_page(0, 50, Some("soon"));
        assert!(
            soon.total > 0
                && soon
                    .rows
                    .iter()
                    .all(|i| i.message.contains("soon") || i.address.contains("soon"))
        );

        let deps = plan.dependency_page(0, 50, None);
        assert_eq!(deps.total, plan.dependencies.len());
        assert_eq!(deps.total, 600, "Core banking and Citrix for each process");
        let citrix = plan.dependency_page(0, 50, Some("citrix"));
        assert_eq!(citrix.total, 300);
        let onboarding = plan.dependency_page(0, 50, Some("customer onboarding"));
        assert_eq!(onboarding.total, 2);
    }

    #[test]
    fn the_summary_carries_everything_small_and_the_first_page_of_each_list() {
        let mut plan = planned(296);
        let before = plan.clone();
        let summary = plan.summary();
        assert_eq!(plan, before, "the kept plan keeps its lists");
        assert!(
            summary.plan.processes.is_empty()
                && summary.plan.dependencies.is_empty()
                && summary.plan.issues.is_empty()
        );
        assert_eq!(summary.plan.counts, before.counts);
        assert_eq!(summary.plan.tables, before.tables);
        assert_eq!(summary.plan.resources, before.resources);
        assert_eq!(summary.processes.total, 300);
        assert_eq!(summary.processes.rows.len(), FIRST_PAGE);
        assert_eq!(summary.dependencies.rows.len(), FIRST_PAGE);
        let levels = summary.issue_levels;
        assert_eq!(
            levels.error + levels.warning + levels.info,
            before.issues.len()
        );
        assert_eq!(levels.error, before.counts.errors);
        assert_eq!(levels.warning, before.counts.warnings);
        assert_eq!(summary.issues, before.issue_page(0, FIRST_PAGE, None));
    }

    #[test]
    fn the_summary_does_not_grow_with_the_workbook() {
        // What the desktop preview receives first: today's whole plan grows
        // with every process and score; the summary must not.
        let size = |more| {
            let mut plan = planned(more);
            let whole = serde_json::to_vec(&plan).unwrap().len();
            (whole, serde_json::to_vec(&plan.summary()).unwrap().len())
        };
        let (small_whole, small) = size(196);
        let (large_whole, large) = size(1996);
        assert!(
            large_whole > 8 * small_whole,
            "the whole plan grows: {small_whole} -> {large_whole} bytes"
        );
        // Names and counts get a digit or two longer; nothing else may grow.
        assert!(
            large <= small + small / 20,
            "the summary stays put: {small} -> {large} bytes"
        );
        assert!(large < 64 * 1024, "the summary is small: {large} bytes");
    }
}
