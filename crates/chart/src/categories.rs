//! The category heatmap: processes × impact categories (those not retired)
//! at one horizon, each cell the severity of that category at that time.
//! The horizon is the one the options name (a label or a duration equal to
//! one), else the first at or after one day, else the last. Drawn as a
//! `grid::Grid`, in the same row order as the impact heatmap.

use std::collections::HashMap;

use super::ChartOptions;
use super::grid::{self, Grid};
use crate::error::Result;
use bia_analysis::ProcessAnalysis;
use bia_model::{Assessment, Horizon, Minutes};

/// The horizon a category heatmap shows when none is named.
const DEFAULT_AT_OR_AFTER: Minutes = Minutes(1440);

fn horizon<'a>(a: &'a Assessment, options: &ChartOptions) -> Result<Option<&'a Horizon>> {
    let horizons = &a.methodology.horizons;
    Ok(match &options.horizon {
        Some(name) => Some(a.methodology.horizon_named(name)?),
        None => horizons
            .iter()
            .find(|h| h.minutes >= DEFAULT_AT_OR_AFTER)
            .or(horizons.last()),
    })
}

pub(crate) fn data(
    a: &Assessment,
    analysis: &[ProcessAnalysis],
    options: &ChartOptions,
) -> Result<Grid> {
    let m = &a.methodology;
    let at = horizon(a, options)?;
    let categories: Vec<_> = m.categories.iter().filter(|c| !c.retired).collect();
    let mut scores = HashMap::new();
    for s in &a.scores {
        if at.is_some_and(|h| h.id == s.horizon_id) {
            scores.insert((s.process_id, s.category_id), s.severity);
        }
    }
    let selected = grid::select(a, analysis, options)?;
    let rows = selected
        .processes
        .iter()
        .map(|p| {
            let mut row = selected.row(p, categories.len());
            for (cell, c) in row.cells.iter_mut().zip(&categories) {
                *cell = scores.get(&(p.process_id, c.id)).copied().flatten();
            }
            row
        })
        .collect();
    let what = match at {
        Some(h) => format!("Impact by category at {}", h.label),
        None => "Impact by category".to_string(),
    };
    Ok(Grid::new(grid::Parts {
        width: options.width(grid::WIDTH, grid::NARROWEST),
        title: selected.title(&what, &a.info.name),
        subtitle: selected.caption("Severity of each impact category at this point in time"),
        columns: categories.iter().map(|c| c.name.clone()).collect(),
        rows: grid::lines(a, rows, options.by_unit),
        legend: grid::Legend::of(a, false),
        empty: selected.empty(),
    }))
}
