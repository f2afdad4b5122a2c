//! What the shell holds between commands: the open assessment (at most one
//! per window) and the list of recently opened files.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use bia::History;
use bia::Workbench;
use bia::model::AssessmentInfo;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult};

/// The open assessment, as the UI sees it.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct Session {
    pub path: String,
    pub file_name: String,
    pub info: AssessmentInfo,
    pub history: History,
    /// Why the file is open read-only (edits are refused), when it is.
    pub read_only: Option<bia::workbench::ReadOnly>,
    /// How many of the latest edits the file keeps for undo.
    pub undo_limit: u32,
    /// Opening a large file checked only part of it: the window checks the
    /// rest in the background (`check_assessment`) and says if it is damaged.
    pub check_pending: bool,
    /// A workshop left running (the app closed mid-workshop): the window
    /// offers to resume it.
    pub running_workshop: Option<RunningWorkshop>,
    /// Conflicts merges of copies left unresolved in the file (the
    /// Dashboard says so, and the Merge screen lists them).
    pub unresolved_conflicts: u32,
}

/// The workshop a file was left running in, as the resume offer names it.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct RunningWorkshop {
    pub id: bia::model::Id,
    pub title: String,
    /// RFC 3339, UTC.
    pub started_at: String,
}

/// A file on the "recent" list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecentFile {
    pub path: String,
    /// The assessment's name when it was last open.
    pub name: String,
    /// RFC 3339, when it was last opened.
    pub opened_at: String,
    /// Whether the file is still there.
    #[serde(default)]
    pub exists: bool,
}

/// Managed state: the store behind a mutex (commands run off the main
/// thread, one at a time per store).
#[derive(Default)]
pub struct AppState {
    pub store: Mutex<Option<Workbench>>,
    /// Where the recent-files list and the demo live.
    pub data_dir: Mutex<Option<PathBuf>>,
    /// Why the file named on the command line could not be opened; told to
    /// the UI once, by `current_session`.
    pub startup_error: Mutex<Option<ApiError>>,
    /// Whether there is a native menu to keep up to date (not on Tauri's
    /// mock runtime, which has no GTK window).
    pub native_menu: bool,
    /// The workbook being previewed for import, read once.
    pub import: Mutex<Option<PendingImport>>,
    /// Set by `cancel_import`; a running import stops before its commit.
    pub import_cancel: std::sync::atomic::AtomicBool,
    /// The currency of a new assessment's amounts: the machine locale's
    /// (`bia::locale::currency`, read when the app starts); the default,
    /// the fallback (EUR), keeps the tests and their recordings the same
    /// on every machine.
    pub currency: bia::model::Currency,
    /// What the audience window shows (`commands::audience`).
    pub audience: Mutex<Option<AudienceView>>,
    /// Told after every command that changed the open file (set up by
    /// `start`: the audience window is sent `assessment-changed` and reads
    /// again, whichever window or command made the edit).
    pub on_change: Mutex<Option<OnChange>>,
    /// The last comparison made (`compare_with`), whose tier movement the
    /// Compare screen draws at the width it has.
    pub comparison: Mutex<Option<std::sync::Arc<bia::analysis::Comparison>>>,
}

/// What to do after a command changed the open file.
pub type OnChange = std::sync::Arc<dyn Fn() + Send + Sync>;

/// A workbook read for the Import preview, kept while its mapping is
/// adjusted so that a re-plan does not read the file again, with its latest
/// plan: the preview reads it a page at a time, and Import applies it.
pub struct PendingImport {
    pub path: PathBuf,
    pub workbook: bia::excel::import::Workbook,
    pub plan: Option<KeptPlan>,
}

/// The plan last shown for the pending workbook, and what it was made with.
pub struct KeptPlan {
    /// The columns the user pinned.
    pub choices: Vec<bia::excel::import::ColumnChoice>,
    /// The kinds the user gave resources to classify.
    pub kinds: Vec<bia::excel::import::ResourceKindChoice>,
    /// The levels the user gave severity words.
    pub levels: Vec<bia::excel::import::WordLevel>,
    /// The assessment planned against: its file and its revision then
    /// (`Workbench::revision`); a plan of another state is made again.
    pub assessment: PathBuf,
    pub revision: u64,
    pub plan: bia::import::Plan,
}

impl PendingImport {
    /// A workbook just read, not planned yet.
    pub fn read(path: PathBuf, workbook: bia::excel::import::Workbook) -> PendingImport {
        PendingImport {
            path,
            workbook,
            plan: None,
        }
    }

    /// The kept plan, if it was made with `choices`, `kinds` and `levels` against
    /// `store` as it is now.
    pub fn plan_for(
        &self,
        choices: &[bia::excel::import::ColumnChoice],
        kinds: &[bia::excel::import::ResourceKindChoice],
        levels: &[bia::excel::import::WordLevel],
        store: &Workbench,
    ) -> Option<&bia::import::Plan> {
        self.plan
            .as_ref()
            .filter(|k| {
                k.choices == choices
                    && k.kinds == kinds
                    && k.levels == levels
                    && k.assessment == store.path()
                    && k.revision == store.revision()
            })
            .map(|k| &k.plan)
    }
}

impl AppState {
    /// State whose data (recent list, demo) lives in `dir`.
    pub fn with_data_dir(dir: PathBuf) -> AppState {
        AppState {
            data_dir: Mutex::new(Some(dir)),
            ..AppState::default()
        }
    }
}

impl AppState {
    /// Runs `f` on the open assessment, or fails with `no_assessment`; if
    /// `f` wrote to the file, tells `on_change`.
    pub fn with_workbench<T, E: Into<bia::Error>>(
        &self,
        f: impl FnOnce(&mut Workbench) -> Result<T, E>,
    ) -> ApiResult<T> {
        let mut guard = self.store.lock().map_err(|_| ApiError::poisoned())?;
        let store = guard.as_mut().ok_or_else(ApiError::no_assessment)?;
        let before = store.revision();
        let out = f(store).map_err(|e| ApiError::from(e.into()));
        if store.revision() != before
            && let Ok(slot) = self.on_change.lock()
            && let Some(tell) = slot.as_ref()
        {
            tell();
        }
        out
    }
}

pub fn session_of(store: &Workbench) -> bia::Result<Session> {
    Ok(Session {
        path: store.path().display().to_string(),
        file_name: file_name(store.path()),
        info: store.info()?,
        history: store.history()?,
        read_only: store.read_only(),
        undo_limit: store.undo_limit()?.get(),
        check_pending: store.check_pending(),
        running_workshop: store.running_workshop()?.map(|w| RunningWorkshop {
            id: w.id,
            title: w.title,
            started_at: w.started_at,
        }),
        unresolved_conflicts: u32::try_from(store.unresolved_conflicts()?).unwrap_or(u32::MAX),
    })
}

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Where the facilitator stands, as the audience window sees it (`commands::audience`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudienceView {
    pub workshop_id: Option<bia::model::Id>,
    pub process_id: Option<bia::model::Id>,
    /// 1 the process, 2 impact over time, 3 MTPD, 4 objectives,
    /// 5 dependencies, 6 actions and sign-off.
    pub step: u8,
    /// The grid's focused cell, while step 2 is shown.
    pub category_id: Option<bia::model::Id>,
    pub horizon_id: Option<bia::model::Id>,
    /// Moves on with every edit in the facilitator's window: the audience
    /// reads the values again.
    pub revision: u32,
    /// The current item's time: seconds spent when the view was sent,
    /// whether the clock runs, and (ms since the epoch) when it was sent.
    pub item_seconds: u32,
    pub session_seconds: u32,
    pub timer_running: bool,
    pub sent_at_ms: f64,
}
