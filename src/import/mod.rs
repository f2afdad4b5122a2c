//! Importing a workbook into an assessment: the application layer's side
//! of the import. `bia_excel::import` reads and plans (and never opens an
//! assessment); here a plan is applied through the store as one journaled
//! edit after a backup ([`apply`]), this program's own exported workbook
//! is read back into a new file ([`own`]), and [`import_workbook`] runs the
//! whole flow for the CLI.

mod apply;
mod own;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use bia_excel::import::is_own_export;
use bia_excel::import::{Counts, ImportError, Limits, Mapping, Workbook, read_and_plan};
use bia_model::{Assessment, AssessmentInput, Currency};
use bia_store::{NewFile, Store};

pub use apply::{Applied, Progress, apply};
pub use bia_excel::import::Plan;
pub use own::{OwnImport, import_into_new};

use crate::error::Result;

/// Whether `path` is an assessment file (whatever its name), not a
/// workbook: merged like an import rather than read as one.
pub fn is_assessment_file(path: &Path) -> bool {
    bia_store::is_database_file(path)
}

/// Reads a workbook for a preview, within the usual limits.
pub fn read(path: &Path) -> Result<Workbook> {
    Ok(bia_excel::import::read_workbook(path, &Limits::default())?)
}

/// How to run an import.
#[derive(Clone, Debug)]
pub struct Options {
    /// The assessment file; created with the default methodology when
    /// missing (unless `dry_run`).
    pub into: PathBuf,
    /// The currency of a file the import creates, unless the workbook is
    /// our own export naming its own.
    pub currency: Currency,
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
/// creates appears only once the import is in it; a failure, a crash or a
/// dry run leaves nothing new, and never removes what was there.
pub fn import_workbook(
    workbook: &Path,
    options: &Options,
    progress: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Report> {
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
    // A new file is built beside its name and only put there once the
    // import is in it; a dry run only reads.
    enum Into {
        Existing(Store),
        New(NewFile),
    }
    let mut into = if !exists {
        let name = workbook
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Imported BIA".into());
        Into::New(Store::create_new(
            &options.into,
            &AssessmentInput {
                name,
                ..AssessmentInput::default()
            },
            options.currency.clone(),
        )?)
    } else if options.dry_run {
        Into::Existing(Store::open_to_read(&options.into)?)
    } else {
        Into::Existing(Store::open(&options.into)?)
    };
    let store: &mut Store = match &mut into {
        Into::Existing(store) => store,
        Into::New(new) => new,
    };
    let (read, plan) = read_and_plan(workbook, &options.limits, &store.load()?, &options.mapping)?;
    if is_own_export(&read) {
        drop(into);
        return import_own(workbook, &read, options, exists);
    }
    let plan = plan?;
    let applied = if options.dry_run || plan.processes.is_empty() {
        None
    } else {
        Some(apply(store, &plan, progress)?)
    };
    let created = match into {
        Into::Existing(store) => {
            store.close()?;
            false
        }
        // Nothing imported: the new file is not made.
        Into::New(new) => match applied {
            Some(_) => {
                new.finish()?.close()?;
                true
            }
            None => false,
        },
    };
    Ok(Report {
        created,
        plan,
        applied,
        dry_run: options.dry_run,
    })
}

/// This program's own export: read exactly into a new file (made only if
/// everything is read); refused into an existing one.
fn import_own(workbook: &Path, read: &Workbook, options: &Options, exists: bool) -> Result<Report> {
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
        level_words: Vec::new(),
        issues: Vec::new(),
        counts: Counts::default(),
    };
    let (new, done) = import_into_new(read, &options.into, options.currency.clone())?;
    set_counts(&mut plan, &done);
    if options.dry_run {
        // Built beside the name and dropped: nothing is left.
        drop(new);
        return Ok(Report {
            plan,
            applied: None,
            created: false,
            dry_run: true,
        });
    }
    new.finish()?.close()?;
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

/// The snapshot a new assessment would start from (for a dry run into a
/// file that does not exist yet).
pub fn fresh_assessment() -> Assessment {
    Assessment::fresh(&bia_store::now())
}
