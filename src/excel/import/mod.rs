//! Import of legacy BIA spreadsheets. The flow is one-way:
//!
//! 1. [`read_workbook`]: any .xlsx/.xlsm/.xlsb/.xls/.ods/.csv into a
//!    [`Workbook`] of sheets and addressed cells (`read`, `grid`).
//! 2. Cell readers (`values`): durations in any usual form, severities onto
//!    the assessment's scale, lists of names.
//! 3. [`find_tables`] (`table`): the header row under any title block, a
//!    band of group headers above it, the data down to a footer; one table
//!    per sheet, each column mapped by [`Synonyms`] (`mapping`) or by the
//!    user's [`ColumnChoice`]s ([`field_options`] lists the choices).
//! 4. [`plan`] (`plan`): what applying the workbook would create or change,
//!    every doubt with its address; serialisable for the desktop's preview.
//! 5. [`Store::apply_import`](crate::Store::apply_import): the plan in one
//!    journaled transaction after a backup, with progress and cancel.
//!
//! [`import_workbook`] runs the whole flow for the CLI. The desktop calls
//! [`plan_file`] for its preview (again with the user's column choices),
//! then `apply_import` with a progress callback that reads its cancel flag.
//! Nothing here writes SQL: applying a plan is the store's job.

mod error;
mod grid;
mod mapping;
mod own;
mod plan;
mod read;
mod table;
mod values;

pub use error::ImportError;
pub use grid::{
    CellContext, ContextRow, Format, Issue, Level, Merge, Pos, Row, Sheet, Value, Workbook,
    address, column_letters, quote_sheet,
};
pub use mapping::{
    ColumnChoice, Field, FieldOption, MappingFile, Match, Source, SynonymFile, Synonyms,
    field_options, normalise,
};
pub use own::{OwnImport, UNIT_PATH_SEPARATOR, import_into_new, is_own_export};
pub use plan::{
    Action, Change, Counts, Mapping, Plan, PlannedColumn, PlannedDependency, PlannedObjectives,
    PlannedProcess, PlannedResource, PlannedScore, PlannedTable, ScoreJson, Target, Unmapped, plan,
    plan_file, read_and_plan,
};
pub use read::{Limits, decode_text, file_name, read_workbook};
pub use table::{Column, HEADER_SEARCH, Table, find_tables};
pub use values::{Read, duration_cell, severity_cell, split_list, split_list_keyed};

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Store;
use crate::model::{Assessment, AssessmentInfo, AssessmentInput, Id, Methodology};
use crate::store::{Applied, Progress};

/// How to run an import.
#[derive(Clone, Debug)]
pub struct Options {
    /// The assessment file; created with the default methodology when
    /// missing (unless `dry_run`).
    pub into: PathBuf,
    pub mapping: Mapping,
    pub limits: Limits,
    /// Plan and report only.
    pub dry_run: bool,
}

/// What an import did (or, in a dry run, would do).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportReport")]
pub struct Report {
    pub plan: Plan,
    /// `None` in a dry run, or when nothing could be imported.
    pub applied: Option<Applied>,
    /// The assessment file was created by this import.
    pub created: bool,
    pub dry_run: bool,
}

/// Reads `workbook`, plans its import into `options.into` and, unless it
/// is a dry run or nothing could be read, applies it. A file this call
/// creates is removed again if the import fails.
pub fn import_workbook(
    workbook: &Path,
    options: &Options,
    progress: &mut dyn FnMut(&Progress) -> bool,
) -> crate::Result<Report> {
    let exists = options.into.exists();
    if !exists && options.dry_run {
        let (read, plan) = read_and_plan(
            workbook,
            &options.limits,
            &fresh_assessment(),
            &options.mapping,
        )?;
        if is_own_export(&read) {
            return import_own(workbook, &read, options, exists);
        }
        return Ok(Report {
            plan: plan?,
            applied: None,
            created: false,
            dry_run: true,
        });
    }
    // The plan is made against the assessment while the workbook is read.
    let mut store = if exists {
        Store::open(&options.into)?
    } else {
        let name = workbook
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Imported BIA".into());
        Store::create(
            &options.into,
            &AssessmentInput {
                name,
                ..AssessmentInput::default()
            },
        )?
    };
    let mut own_export = None;
    let outcome = (|| {
        let (read, plan) =
            read_and_plan(workbook, &options.limits, &store.load()?, &options.mapping)?;
        if is_own_export(&read) {
            own_export = Some(read);
            return Err(crate::Error::from(ImportError::OwnIntoExisting {
                path: workbook.to_path_buf(),
            }));
        }
        let plan = plan?;
        let applied = if options.dry_run || plan.processes.is_empty() {
            None
        } else {
            Some(store.apply_import(&plan, progress)?)
        };
        Ok(Report {
            created: !exists && applied.is_some(),
            plan,
            applied,
            dry_run: options.dry_run,
        })
    })();
    store.close()?;
    let created_for_nothing = match &outcome {
        Ok(report) => !report.created,
        Err(_) => true,
    };
    if !exists && created_for_nothing {
        let _ = std::fs::remove_file(&options.into);
    }
    match own_export {
        Some(read) => import_own(workbook, &read, options, exists),
        None => outcome,
    }
}

/// This program's own export: read exactly into a new file (removed again
/// if anything fails); refused into an existing one.
fn import_own(
    workbook: &Path,
    read: &Workbook,
    options: &Options,
    exists: bool,
) -> crate::Result<Report> {
    if exists {
        return Err(ImportError::OwnIntoExisting {
            path: workbook.to_path_buf(),
        }
        .into());
    }
    let mut plan = Plan {
        file: read.file.clone(),
        format: read.format,
        tables: Vec::new(),
        units: Vec::new(),
        processes: Vec::new(),
        resources: Vec::new(),
        dependencies: Vec::new(),
        unmapped: Vec::new(),
        issues: Vec::new(),
        counts: Counts::default(),
    };
    if options.dry_run {
        let temp = tempfile_beside(&options.into);
        let done = import_into_new(workbook, read, &temp);
        let _ = std::fs::remove_file(&temp);
        let _ = std::fs::remove_file(temp.with_extension("bia-wal"));
        set_counts(&mut plan, &done?);
        return Ok(Report {
            plan,
            applied: None,
            created: false,
            dry_run: true,
        });
    }
    match import_into_new(workbook, read, &options.into) {
        Ok(done) => {
            set_counts(&mut plan, &done);
            let applied = Applied {
                backup: String::new(),
                processes_created: done.processes,
                processes_updated: 0,
                units_created: done.units,
                resources_created: done.resources,
                dependencies_created: done.dependencies,
                scores: done.scores,
                objectives: done.objectives,
            };
            Ok(Report {
                plan,
                applied: Some(applied),
                created: true,
                dry_run: false,
            })
        }
        Err(e) => {
            let _ = std::fs::remove_file(&options.into);
            Err(e)
        }
    }
}

fn set_counts(plan: &mut Plan, done: &OwnImport) {
    plan.counts = Counts {
        processes_new: done.processes,
        units_new: done.units,
        resources_new: done.resources,
        dependencies_new: done.dependencies,
        scores: done.scores,
        objectives: done.objectives,
        ..Counts::default()
    };
}

/// A scratch file beside `path` for a dry run.
fn tempfile_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "import".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.dry-run", std::process::id()))
}

/// The snapshot a new assessment would start from (for a dry run into a
/// file that does not exist yet).
pub(crate) fn fresh_assessment() -> Assessment {
    let now = crate::store::now();
    Assessment {
        info: AssessmentInfo {
            id: Id::new(),
            name: String::new(),
            organisation: String::new(),
            scope: String::new(),
            facilitator: String::new(),
            created_at: now.clone(),
            updated_at: now,
        },
        methodology: Methodology::default(),
        units: Vec::new(),
        processes: Vec::new(),
        scores: Vec::new(),
        objectives: Vec::new(),
        decisions: Vec::new(),
        impact_rationales: Vec::new(),
        resources: Vec::new(),
        dependencies: Vec::new(),
    }
}
