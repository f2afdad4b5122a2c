//! Charts for the UI (SVG text) and "Save chart as…" (SVG or PNG, by the
//! extension of the path the user picked).

use std::path::PathBuf;

use bia::chart::{ChartKind, ChartOptions, Format};
use tauri::State;

use crate::error::{ApiError, ApiResult};
use crate::session::AppState;

#[tauri::command(async)]
pub fn chart_svg(
    state: State<'_, AppState>,
    kind: ChartKind,
    options: Option<ChartOptions>,
) -> ApiResult<String> {
    let options = options.unwrap_or_default();
    // Drawn without holding the assessment: the Dashboard's four charts draw side by side.
    let insight = state.with_workbench(|s| s.insight())?;
    let bytes = insight
        .chart(kind, &options, Format::Svg)
        .map_err(ApiError::from)?;
    String::from_utf8(bytes)
        .map_err(|e| ApiError::new(crate::error::ShellCode::Chart, e.to_string()))
}

#[tauri::command(async)]
pub fn save_chart(
    state: State<'_, AppState>,
    kind: ChartKind,
    options: Option<ChartOptions>,
    path: String,
) -> ApiResult<()> {
    let options = options.unwrap_or_default();
    let path = PathBuf::from(path);
    let insight = state.with_workbench(|s| s.insight())?;
    insight
        .save_chart(kind, &options, &path)
        .map_err(ApiError::from)
}
