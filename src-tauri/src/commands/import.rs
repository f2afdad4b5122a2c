//! Import… : a legacy BIA workbook read once, planned against the open
//! assessment (again after each change of a column's mapping, without
//! re-reading the file), shown as a preview, then applied in one undoable
//! step with progress as `import-progress` events, cancellable until the
//! commit.
//!
//! The plan stays here, beside the workbook: the preview receives its
//! summary and reads the long lists a page at a time (a 10,000-process
//! workbook plans 560,000 scores, which never cross to the webview), and
//! Import applies the plan the preview showed — planned again only when
//! the mapping or the assessment changed since.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use bia::Workbench;
use bia::excel::import::{
    CellContext, ColumnChoice, List, ListPage, Mapping, Pos, ResourceKindChoice, Summary, WordLevel,
};
use bia::import::{Applied, Progress};
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::error::{ApiError, ApiResult, ShellCode};
use crate::session::{AppState, KeptPlan, PendingImport};

/// The event carrying [`Progress`] while an import is applied.
pub const PROGRESS_EVENT: &str = "import-progress";

/// The user's column choices, the kinds given to resources to classify and
/// the levels given to severity words.
fn mapping(
    choices: &[ColumnChoice],
    kinds: &[ResourceKindChoice],
    levels: &[WordLevel],
) -> Mapping {
    Mapping {
        choices: choices.to_vec(),
        kinds: kinds.to_vec(),
        levels: levels.to_vec(),
        ..Mapping::default()
    }
}

/// Plans `path` with `choices`, `kinds` and `levels` against the open
/// assessment, reading the workbook unless `pending` holds it.
fn plan_into(
    pending: &mut Option<PendingImport>,
    s: &Workbench,
    path: PathBuf,
    choices: Vec<ColumnChoice>,
    kinds: Vec<ResourceKindChoice>,
    levels: Vec<WordLevel>,
) -> bia::Result<KeptPlan> {
    let mapping = mapping(&choices, &kinds, &levels);
    let plan = match pending.as_ref().filter(|p| p.path == path) {
        Some(p) => s.replan_import(&p.path, &p.workbook, &mapping)?,
        None => {
            let (workbook, plan) = s.plan_import(&path, &mapping)?;
            *pending = Some(PendingImport::read(path, workbook));
            plan
        }
    };
    Ok(KeptPlan {
        choices,
        kinds,
        levels,
        assessment: s.path().to_path_buf(),
        revision: s.revision(),
        plan,
    })
}

/// What importing `path` into the open assessment would do: the summary,
/// with the first page of each long list. The workbook is read once and
/// kept with the plan; a changed mapping is planned again from it.
#[tauri::command(async)]
pub fn plan_import(
    state: State<'_, AppState>,
    path: String,
    choices: Vec<ColumnChoice>,
    kinds: Option<Vec<ResourceKindChoice>>,
    levels: Option<Vec<WordLevel>>,
) -> ApiResult<Summary> {
    let (kinds, levels) = (kinds.unwrap_or_default(), levels.unwrap_or_default());
    let mut pending = state.import.lock().map_err(|_| ApiError::poisoned())?;
    let kept = state.with_workbench(|s| {
        plan_into(&mut pending, s, PathBuf::from(path), choices, kinds, levels)
    })?;
    let pending = pending.as_mut().expect("planned with its workbook");
    Ok(pending.plan.insert(kept).plan.summary())
}

/// Rows `offset..offset + limit` of one of the long lists of the plan last
/// made for `path` (processes, dependencies or issues), of those whose text
/// holds `filter` when one is given.
#[tauri::command(async)]
pub fn import_page(
    state: State<'_, AppState>,
    path: String,
    list: List,
    offset: usize,
    limit: usize,
    filter: Option<String>,
) -> ApiResult<ListPage> {
    let pending = state.import.lock().map_err(|_| ApiError::poisoned())?;
    let kept = pending
        .as_ref()
        .filter(|p| p.path == std::path::Path::new(&path))
        .and_then(|p| p.plan.as_ref())
        .ok_or_else(|| {
            ApiError::new(
                ShellCode::NotPlanned,
                format!("{path} is not being previewed for import: choose it again."),
            )
        })?;
    Ok(kept.plan.page(list, offset, limit, filter.as_deref()))
}

/// Applies the import: a backup, then one journaled edit (undone as one).
/// The plan the preview showed is applied; it is made again only when
/// `choices`, `kinds`, `levels` or the assessment changed since.
#[tauri::command(async)]
pub fn apply_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    choices: Vec<ColumnChoice>,
    kinds: Option<Vec<ResourceKindChoice>>,
    levels: Option<Vec<WordLevel>>,
) -> ApiResult<Applied> {
    state.import_cancel.store(false, Ordering::SeqCst);
    let (kinds, levels) = (kinds.unwrap_or_default(), levels.unwrap_or_default());
    let path = PathBuf::from(path);
    // Taken out while it is applied, so that the preview's pages do not wait on the import.
    let kept = {
        let mut pending = state.import.lock().map_err(|_| ApiError::poisoned())?;
        let current = pending.as_mut().filter(|p| p.path == path).and_then(|p| {
            let fits = state
                .with_workbench(|s| {
                    Ok::<_, bia::Error>(p.plan_for(&choices, &kinds, &levels, s).is_some())
                })
                .unwrap_or(false);
            if fits { p.plan.take() } else { None }
        });
        match current {
            Some(kept) => kept,
            None => state.with_workbench(|s| {
                plan_into(&mut pending, s, path.clone(), choices, kinds, levels)
            })?,
        }
    };
    let cancel = &state.import_cancel;
    let applied = state.with_workbench(|s| {
        s.apply_import(&kept.plan, &mut |p: &Progress| {
            let _ = app.emit(PROGRESS_EVENT, p);
            !cancel.load(Ordering::SeqCst)
        })
    });
    if let Ok(mut pending) = state.import.lock() {
        match applied {
            // The workbook is imported; a new preview reads it afresh.
            Ok(_) => *pending = None,
            // Failed or cancelled: nothing changed, and the preview still shows this plan.
            Err(_) => {
                if let Some(p) = pending.as_mut().filter(|p| p.path == path) {
                    p.plan = Some(kept);
                }
            }
        }
    }
    applied
}

/// Asks a running import to stop before it commits.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.import_cancel.store(true, Ordering::SeqCst);
}

/// The cells around `cell` on `sheet` of the workbook being previewed.
#[tauri::command(async)]
pub fn import_cell_context(
    state: State<'_, AppState>,
    path: String,
    sheet: String,
    cell: Pos,
) -> ApiResult<CellContext> {
    let file = PathBuf::from(&path);
    let mut pending = state.import.lock().map_err(|_| ApiError::poisoned())?;
    if pending.as_ref().is_none_or(|p| p.path != file) {
        let workbook = bia::import::read(&file)?;
        *pending = Some(PendingImport::read(file.clone(), workbook));
    }
    let workbook = &pending.as_ref().expect("just read").workbook;
    {
        let found = workbook
            .sheets
            .iter()
            .find(|s| s.name == sheet)
            .ok_or_else(|| {
                ApiError::new(
                    ShellCode::NoSuchSheet,
                    format!("{path}: no sheet named \"{sheet}\""),
                )
            })?;
        Ok(found.context(cell, 3))
    }
}
