//! The `bia` command line's arguments (clap): every subcommand and flag,
//! with the help text `bia --help` prints. Parsing only; [`super::run`]
//! does the work and [`super::print`] the printing.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use bia::model::Currency;

#[derive(Parser)]
#[command(
    name = "bia",
    version,
    about = "BIA Workbench: business impact analysis from the command line"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create a new, empty assessment file.
    New {
        file: PathBuf,
        /// The assessment's name.
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        organisation: String,
        #[arg(long, default_value = "")]
        scope: String,
        #[arg(long, default_value = "")]
        facilitator: String,
        /// The currency of the amounts in the level definitions, an ISO
        /// 4217 code (GBP, EUR, USD); by default the locale's (LC_ALL,
        /// LC_MONETARY, LANG: en_GB → GBP), else EUR.
        #[arg(long, value_parser = currency)]
        currency: Option<Currency>,
    },
    /// Plan, run and minute workshops; note actions and open questions.
    #[command(subcommand)]
    Workshop(super::workshop::WorkshopCommand),
    /// Send owners questionnaires to fill in, and take their answers back.
    #[command(subcommand)]
    Questionnaire(super::questionnaire::QuestionnaireCommand),
    #[command(flatten)]
    Copies(super::merge::CopyCommand),
    /// Create the demo assessment (Harbourline Logistics) in a new file.
    Demo { file: PathBuf },
    /// Print the whole assessment as JSON (format "bia-workbench/1").
    Dump { file: PathBuf },
    /// Add or list business processes.
    #[command(subcommand)]
    Process(ProcessCommand),
    /// Score the impact of a disruption of a process in one category at one horizon.
    Score {
        file: PathBuf,
        #[arg(long)]
        process: String,
        /// A category's name, e.g. Financial.
        #[arg(long)]
        category: String,
        /// A horizon's label ("1 d") or any duration equal to one ("24h").
        #[arg(long)]
        horizon: String,
        /// A level of the scale, by number (0–5) or name (Major).
        #[arg(long)]
        severity: String,
    },
    /// Agree recovery objectives for a process; what is not given stays as
    /// it was, `none` clears a value (write 0 for no time at all), and an
    /// empty value is refused.
    Objectives {
        file: PathBuf,
        #[arg(long)]
        process: String,
        /// Recovery time objective, e.g. "4h", "1 day"; or none.
        #[arg(long, allow_hyphen_values = true, value_parser = setting)]
        rto: Option<Setting>,
        /// Recovery point objective, or "n/a"; or none.
        #[arg(long, allow_hyphen_values = true, value_parser = setting)]
        rpo: Option<Setting>,
        /// Work recovery time; or none.
        #[arg(long, allow_hyphen_values = true, value_parser = setting)]
        wrt: Option<Setting>,
        /// Minimum business continuity objective, in percent; or none.
        #[arg(long, allow_hyphen_values = true, value_parser = setting)]
        mbco: Option<Setting>,
        /// Replace the derived MTPD (needs --override-reason); none goes back
        /// to the derived one.
        #[arg(long, allow_hyphen_values = true, value_parser = setting)]
        mtpd_override: Option<Setting>,
        #[arg(long, value_parser = setting)]
        override_reason: Option<Setting>,
        #[arg(long, value_parser = setting)]
        agreed_by: Option<Setting>,
        /// YYYY-MM-DD; or none.
        #[arg(long, value_parser = setting)]
        agreed_on: Option<Setting>,
        /// Why; recorded in the decision log.
        #[arg(long)]
        rationale: String,
    },
    /// Add, list or classify resources (applications, suppliers, people, sites, …).
    #[command(subcommand)]
    Resource(ResourceCommand),
    /// Record that a process or resource relies on another.
    Depend {
        file: PathBuf,
        /// The process or resource that relies on the other.
        #[arg(long)]
        from: String,
        /// What it relies on.
        #[arg(long)]
        to: String,
        /// required, degraded or optional.
        #[arg(long, default_value = "required")]
        strength: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Draw a chart of the assessment to a file (.svg or .png).
    Chart {
        /// heatmap (processes × horizons), categories (processes × categories
        /// at one horizon), dependencies (processes and what they rely on, in
        /// layers), gaps (required vs capable recovery time per resource),
        /// tiers (processes per tier) or tier-movement (how many processes
        /// moved from each tier to each other since --since).
        #[arg(value_enum)]
        kind: ChartArg,
        file: PathBuf,
        /// Where to write it; the format follows the extension (.svg or .png).
        #[arg(long)]
        out: PathBuf,
        /// categories: the horizon, by label or duration ("1 d", "24h").
        #[arg(long)]
        horizon: Option<String>,
        /// dependencies: one process (name or id) and everything upstream of it.
        #[arg(long)]
        process: Option<String>,
        /// heatmap, categories: group the rows by unit.
        #[arg(long)]
        by_unit: bool,
        /// heatmap, categories, gaps: draw at most N rows (the most
        /// time-critical processes, the largest shortfalls).
        #[arg(long, value_name = "N")]
        rows: Option<u32>,
        /// heatmap, categories, gaps: pass over the first N rows before
        /// drawing (with --rows, a page: --rows 60 --offset 60 draws rows
        /// 61–120); an offset past the last row is refused.
        #[arg(long, value_name = "N")]
        offset: Option<u32>,
        /// heatmap, categories: only the processes of this unit (name or
        /// id) and of its sub-units.
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
        /// heatmap, categories: only the processes on this workshop's
        /// agenda (its id or title), in its order.
        #[arg(long, value_name = "WORKSHOP")]
        workshop: Option<String>,
        /// heatmap, categories, gaps, tiers, tier-movement: lay the chart out for this width
        /// in pixels (its text keeps its size; names are shortened to fit).
        #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(1..))]
        width: Option<u32>,
        /// tier-movement: the earlier state of the assessment to compare
        /// with (last year's BIA, a backup); only read.
        #[arg(long, value_name = "OLD.bia", required_if_eq("kind", "tier-movement"))]
        since: Option<PathBuf>,
    },
    /// Write the executive workbook (.xlsx): summary, register, impact,
    /// objectives, resources, dependencies, gaps, decisions, methodology.
    Export {
        file: PathBuf,
        /// The workbook to write (.xlsx); replaced if it exists.
        #[arg(long)]
        out: PathBuf,
        /// Add a last sheet, "Changes", of what changed since this earlier
        /// state of the assessment (last year's BIA, a backup); only read.
        #[arg(long, value_name = "OLD.bia")]
        changes_since: Option<PathBuf>,
    },
    /// What changed from OLD to NEW (last year's BIA and this year's, a
    /// backup and the file now): processes added and removed, per process
    /// every field, score and dependency that changed, resources, and how
    /// many processes moved from each tier to each other. Both files are
    /// only read; two different assessments are matched by name.
    Compare {
        old: PathBuf,
        new: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Import a legacy BIA spreadsheet (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv)
    /// into an assessment, in one undoable step after a backup of the file.
    /// A workbook exported by `bia export` gives its assessment back in a
    /// new file; into an existing one, it (or another assessment file)
    /// merges like an import: matched by id, then by name, what is empty
    /// filled, what differs listed as conflicts (`bia conflicts`), nothing
    /// removed.
    Import {
        /// The workbook, or an assessment file (.bia) to merge like an import.
        workbook: PathBuf,
        /// The assessment file; created with the default methodology (amounts
        /// in the locale's currency) if missing.
        #[arg(long)]
        into: PathBuf,
        /// A mapping file (TOML, or JSON by its extension): `[synonyms]` to
        /// add to the shipped table, `[columns]` pinning headers (or
        /// `Sheet!F`) to fields.
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// Show what would be imported; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the plan and the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Take back the latest edit (of those the file keeps); prints what was
    /// undone. Exit code 1 when there is nothing to undo.
    Undo { file: PathBuf },
    /// Do again the edit undone last; prints what was redone. Exit code 1
    /// when there is nothing to redo.
    Redo { file: PathBuf },
    /// How many of the latest edits the file keeps for undo (the decision
    /// log keeps every change whatever this is); with --set, change it.
    UndoLimit {
        file: PathBuf,
        /// Keep this many (1 or more; older edits are forgotten at once),
        /// or `default`.
        #[arg(long, value_name = "N|default", value_parser = undo_limit)]
        set: Option<UndoLimit>,
    },
    /// MTPD, tier and objective violations per process.
    Analyze {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The assessment at a glance, as the Dashboard opens on it: processes
    /// by tier, recovery gaps, single points of failure, objective
    /// violations and the most time-critical processes.
    Overview {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Check the whole file: every page read back and everything in it
    /// read (opening a large file checks less). Only reads the file.
    Check { file: PathBuf },
    /// How many processes (by review status and by unit), units, resources
    /// and dependencies the assessment holds: counted without loading it,
    /// so quick on any size of file.
    Counts {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// What losing resources (a site, a supplier, an application) or
    /// processes for a while does: every process it reaches through the
    /// dependencies, whether the outage breaks its MTPD and by how much,
    /// and what may cover it.
    Scenario(super::scenario::ScenarioArgs),
    /// The findings the Gaps screen lists: gaps, single points of failure,
    /// loops, orphan resources, and claimed tiers the agreed RTOs do not
    /// bear out.
    Gaps {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Copy what can still be read of a damaged assessment into a new file
    /// (the damaged file is only read).
    Recover {
        /// The damaged assessment.
        file: PathBuf,
        /// The new assessment file to write (must not exist).
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ChartArg {
    Heatmap,
    Categories,
    Dependencies,
    Gaps,
    Tiers,
    TierMovement,
}

#[derive(Subcommand)]
pub enum ResourceCommand {
    /// Add a resource.
    Add {
        file: PathBuf,
        /// application, infrastructure, data, supplier, people, site or equipment.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        name: String,
        /// How long it takes to restore, e.g. "4h"; none (or leaving it out)
        /// for not known.
        #[arg(long, allow_hyphen_values = true, value_parser = setting)]
        rto_capability: Option<Setting>,
        /// How much data it can lose, e.g. "15 min"; none for not known.
        #[arg(long, allow_hyphen_values = true, value_parser = setting)]
        rpo_capability: Option<Setting>,
        /// none, manual_workaround, alternate or automatic_failover.
        #[arg(long, default_value = "none")]
        redundancy: String,
        #[arg(long, default_value = "")]
        owner: String,
    },
    /// List the resources, by kind and name.
    List {
        file: PathBuf,
        /// Only those to classify: named in an imported dependency list
        /// that said no kind, and given none since.
        #[arg(long)]
        to_classify: bool,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Give a resource its kind (classify one imported "to classify").
    SetKind {
        file: PathBuf,
        /// The resource's name; KIND:NAME (unclassified:Citrix) when
        /// several things share it.
        name: String,
        /// application, infrastructure, data, supplier, people, site or equipment.
        kind: String,
    },
}

#[derive(Subcommand)]
pub enum ProcessCommand {
    /// Add a process; `--unit` names an existing unit or creates it.
    Add {
        file: PathBuf,
        #[arg(long)]
        name: String,
        #[arg(long)]
        unit: String,
        #[arg(long, default_value = "")]
        owner: String,
        /// The tier the process owner or a workbook claims: a tier's name
        /// or number ("Tier 1", "2", "P2") or Critical, High, Medium, Low.
        #[arg(long, default_value = "")]
        claimed_tier: String,
    },
    /// Change a process's fields; what is not given stays as it was.
    Set {
        file: PathBuf,
        /// The process, by name.
        #[arg(long)]
        process: String,
        /// The tier claimed ("Tier 1", "P2", "Critical"), compared with the
        /// tier the agreed RTO gives; none clears it.
        #[arg(long, value_parser = setting)]
        claimed_tier: Option<Setting>,
    },
    /// List the processes, by name.
    List {
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// A number of edits to keep for undo, or the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoLimit {
    Default,
    To(std::num::NonZeroU32),
}

fn currency(text: &str) -> Result<Currency, String> {
    Currency::parse(text).ok_or_else(|| format!("\"{text}\" is not {}", Currency::EXPECTED))
}

fn undo_limit(text: &str) -> Result<UndoLimit, String> {
    let trimmed = text.trim();
    if trimmed.eq_ignore_ascii_case("default") {
        return Ok(UndoLimit::Default);
    }
    trimmed
        .replace([',', '_'], "")
        .parse::<std::num::NonZeroU32>()
        .map(UndoLimit::To)
        .map_err(|_| format!("\"{text}\" is not a number of edits from 1 up, nor default"))
}

/// A value given for a stored one: set it, or clear it with `none`.
/// Clearing is said, never implied: an empty value (a script's unset
/// variable, `--rto ''`) is a usage error naming the option, not a silent
/// clear of an agreed objective.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Setting {
    Clear,
    To(String),
}

impl Setting {
    /// The value as a form would hold it: empty when cleared.
    pub fn into_text(self) -> String {
        match self {
            Setting::Clear => String::new(),
            Setting::To(text) => text,
        }
    }
}

fn setting(text: &str) -> Result<Setting, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err("the value is empty; write none to clear it".into())
    } else if trimmed.eq_ignore_ascii_case("none") {
        Ok(Setting::Clear)
    } else {
        Ok(Setting::To(text.to_string()))
    }
}
