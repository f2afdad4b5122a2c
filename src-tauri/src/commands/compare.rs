//! Compare with… : what changed since another file or a backup of this one
//! (the other is the earlier state, only read), its tier movement drawn at
//! the width the screen has, and the backups beside the open file.

use std::path::Path;
use std::sync::Arc;

use bia::analysis::Comparison;
use bia::chart::{ChartOptions, Format};
use bia::workbench::Backup;
use tauri::State;

use crate::error::{ApiError, ApiResult, ShellCode};
use crate::session::AppState;

#[tauri::command(async)]
pub fn compare_with(state: State<'_, AppState>, path: String) -> ApiResult<Comparison> {
    let comparison = state.with_workbench(|s| s.compare_with(Path::new(&path), true))?;
    if let Ok(mut kept) = state.comparison.lock() {
        *kept = Some(Arc::new(comparison.clone()));
    }
    Ok(comparison)
}

/// The tier movement of the last comparison, as SVG laid out for `width`.
#[tauri::command(async)]
pub fn tier_movement_svg(state: State<'_, AppState>, width: Option<u32>) -> ApiResult<String> {
    let comparison = state
        .comparison
        .lock()
        .map_err(|_| ApiError::poisoned())?
        .clone()
        .ok_or_else(|| ApiError::new(ShellCode::NotCompared, "Nothing has been compared yet."))?;
    let options = ChartOptions {
        width,
        ..Default::default()
    };
    let bytes = bia::workbench::tier_movement_chart(&comparison, &options, Format::Svg)?;
    String::from_utf8(bytes).map_err(|e| ApiError::new(ShellCode::Chart, e.to_string()))
}

/// The backups beside the open file, newest first.
#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> ApiResult<Vec<Backup>> {
    state.with_workbench(|s| s.backups())
}
