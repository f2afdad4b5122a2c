//! The impact heatmap: processes × horizons. A cell's colour is the highest
//! severity any active category reaches at that horizon; each row marks its
//! MTPD (outlined cell) and its RTO (dot). Drawn as a `grid::Grid`, which
//! picks and orders the rows (one unit's, a page of them, when asked),
//! groups them by unit when asked, and sizes them.

use std::collections::HashMap;

use super::ChartOptions;
use super::grid::{self, Grid};
use crate::error::Result;
use bia_analysis::ProcessAnalysis;
use bia_model::{Assessment, Minutes};

/// The column of the first horizon at or after `minutes`.
fn column(horizons: &[Minutes], minutes: Option<Minutes>) -> Option<usize> {
    let m = minutes?;
    horizons.iter().position(|h| *h >= m)
}

pub(crate) fn data(
    a: &Assessment,
    analysis: &[ProcessAnalysis],
    options: &ChartOptions,
) -> Result<Grid> {
    let m = &a.methodology;
    let active: Vec<_> = m
        .categories
        .iter()
        .filter(|c| !c.retired)
        .map(|c| c.id)
        .collect();
    let minutes: Vec<Minutes> = m.horizons.iter().map(|h| h.minutes).collect();
    let mut cells: HashMap<_, Vec<Option<u8>>> = HashMap::new();
    for s in &a.scores {
        let (Some(h), Some(sev)) = (
            m.horizons.iter().position(|x| x.id == s.horizon_id),
            s.severity,
        ) else {
            continue;
        };
        if !active.contains(&s.category_id) {
            continue;
        }
        let row = cells
            .entry(s.process_id)
            .or_insert_with(|| vec![None; minutes.len()]);
        row[h] = Some(row[h].map_or(sev, |v: u8| v.max(sev)));
    }
    let selected = grid::select(a, analysis, options)?;
    let rows = selected
        .processes
        .iter()
        .map(|p| {
            let mut row = selected.row(p, minutes.len());
            if let Some(scored) = cells.remove(&p.process_id) {
                row.cells = scored;
            }
            row.mtpd = column(&minutes, p.mtpd);
            row.rto = column(&minutes, p.rto);
            row
        })
        .collect();
    Ok(Grid::new(grid::Parts {
        width: options.width(grid::WIDTH, grid::NARROWEST),
        title: selected.title("Impact over time", &a.info.name),
        subtitle: selected.caption(
            "Highest severity across categories at each point in time; outlined: MTPD, dot: RTO",
        ),
        columns: m.horizons.iter().map(|h| h.label.clone()).collect(),
        rows: grid::lines(a, rows, options.by_unit),
        legend: grid::Legend::of(a, true),
        empty: selected.empty(),
    }))
}
