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
    let bytes =
        state.with_store(|s| bia::chart::render(kind, &s.load()?, &options, Format::Svg))?;
    String::from_utf8(bytes).map_err(|e| ApiError::new("chart", e.to_string()))
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
    let format = Format::from_path(&path).ok_or_else(|| {
        ApiError::new(
            "chart_format",
            format!("{}: save a chart as .svg or .png", path.display()),
        )
    })?;
    let bytes = state.with_store(|s| bia::chart::render(kind, &s.load()?, &options, format))?;
    std::fs::write(&path, bytes).map_err(|e| {
        ApiError::from(bia::Error::Io {
            path: path.clone(),
            source: e,
        })
    })
}
