//! The optional last sheet, "Changes": what changed since another state of
//! the assessment (last year's BIA, the file before an import). A summary
//! block (processes added, removed, changed, unchanged; resources; the
//! tier movement as a table and as the core's chart), then one row per
//! change: the process or resource, what changed, before, now, and which
//! way it moved. Written only when the export is given a comparison; the
//! nine sheets before it are as always, and reading our own export back
//! passes over it.

use super::*;
use crate::export::Changes;
use bia_analysis::{DeltaState, Direction};

/// The columns of the list of changes.
const COLUMNS: [&str; 6] = [
    "Process or resource",
    "Unit or kind",
    "What",
    "Before",
    "Now",
    "Direction",
];

pub(super) fn changes(s: &mut Sheet, changes: &Changes, header: &str) -> Result<()> {
    let c = changes.comparison;
    let f = s.f;
    let matched = if c.same_assessment {
        "two states of the same assessment, processes matched by id"
    } else {
        "different assessments: processes matched by name"
    };
    s.title(
        0,
        changes.label,
        &format!("{} → {} · {matched}", c.old.name, c.new.name),
    )?;
    let n = &c.counts;
    let mut row = HEADER;
    s.text(row - 1, 0, "Summary", &f.section)?;
    for (label, count) in [
        ("Processes added", n.added),
        ("Processes removed", n.removed),
        ("Processes changed", n.changed),
        ("Processes unchanged", n.unchanged),
        ("Resources added", n.resources_added),
        ("Resources removed", n.resources_removed),
        ("Resources changed", n.resources_changed),
    ] {
        s.text(row, 0, label, &f.label)?;
        s.number(row, 1, f64::from(count), &f.number)?;
        row += 1;
    }

    // The tier movement, then to now, as a table.
    row += 1;
    s.text(
        row,
        0,
        "Tier movement (processes in both files)",
        &f.section,
    )?;
    row += 1;
    let mut head = vec!["Tier then \\ now".to_string()];
    head.extend(c.tiers.iter().cloned());
    head.push("Total".into());
    s.header(row, &head)?;
    let count = |from: &str, to: &str| {
        c.tier_movement
            .iter()
            .filter(|m| m.from == from && m.to == to)
            .map(|m| m.processes)
            .sum::<u32>()
    };
    for from in &c.tiers {
        row += 1;
        s.text(row, 0, from, &f.label)?;
        let mut total = 0;
        for (j, to) in c.tiers.iter().enumerate() {
            let n = count(from, to);
            total += n;
            let format = if from == to { &f.label } else { &f.number };
            s.number(row, j as u16 + 1, f64::from(n), format)?;
        }
        s.number(row, c.tiers.len() as u16 + 1, f64::from(total), &f.number)?;
    }
    let picture_row = HEADER;

    // One row per change.
    row += 2;
    s.text(row, 0, "Every change", &f.section)?;
    row += 1;
    let list_header = row;
    s.header(row, &headers(&COLUMNS))?;
    let up = f.text.clone().set_font_color(0x9a3412);
    let down = f.text.clone().set_font_color(super::super::sheet::ACCENT);
    let direction = |d: Option<Direction>| match d {
        Some(Direction::Up) => ("↑ up", &up),
        Some(Direction::Down) => ("↓ down", &down),
        None => ("", &f.text),
    };
    for p in &c.processes {
        match p.state {
            DeltaState::Added | DeltaState::Removed => {
                row += 1;
                s.text(row, 0, &p.name, &f.label)?;
                s.text(row, 1, &p.unit, &f.text)?;
                let tier = if p.tier.is_empty() {
                    "no tier"
                } else {
                    p.tier.as_str()
                };
                if p.state == DeltaState::Added {
                    s.text(row, 2, "Process added", &f.text)?;
                    s.text(row, 4, tier, &f.text)?;
                } else {
                    s.text(row, 2, "Process removed", &f.text)?;
                    s.text(row, 3, tier, &f.text)?;
                }
            }
            DeltaState::Changed => {
                for x in &p.changes {
                    row += 1;
                    s.text(row, 0, &p.name, &f.label)?;
                    s.text(row, 1, &p.unit, &f.text)?;
                    s.text(row, 2, &x.label, &f.wrap)?;
                    s.text(row, 3, &x.old, &f.wrap)?;
                    s.text(row, 4, &x.new, &f.wrap)?;
                    let (arrow, format) = direction(x.direction);
                    s.text(row, 5, arrow, format)?;
                }
            }
        }
    }
    for r in &c.resources {
        let kind = r.kind.label();
        match r.state {
            DeltaState::Added | DeltaState::Removed => {
                row += 1;
                s.text(row, 0, &r.name, &f.label)?;
                s.text(row, 1, kind, &f.text)?;
                let what = if r.state == DeltaState::Added {
                    "Resource added"
                } else {
                    "Resource removed"
                };
                s.text(row, 2, what, &f.text)?;
            }
            DeltaState::Changed => {
                for x in &r.changes {
                    row += 1;
                    s.text(row, 0, &r.name, &f.label)?;
                    s.text(row, 1, kind, &f.text)?;
                    s.text(row, 2, &x.label, &f.wrap)?;
                    s.text(row, 3, &x.old, &f.wrap)?;
                    s.text(row, 4, &x.new, &f.wrap)?;
                    let (arrow, format) = direction(x.direction);
                    s.text(row, 5, arrow, format)?;
                }
            }
        }
    }
    if row == list_header {
        row += 1;
        s.text(row, 0, "No differences", &f.subtitle)?;
    }

    // The core's picture of the movement, right of the tables.
    let options = ChartOptions {
        width: Some(640),
        ..Default::default()
    };
    let png = chart::render_tier_movement(c, &options, chart::Format::Png)?;
    let picture = Image::new_from_buffer(&png)
        .map_err(xlsx)?
        .set_scale_width(0.75)
        .set_scale_height(0.75)
        .set_alt_text("Tier movement: processes by their tier then (rows) and now (columns)");
    let columns = COLUMNS.len().max(c.tiers.len() + 2) as u16;
    s.ws.insert_image(picture_row, columns + 1, &picture)
        .map_err(xlsx)?;
    s.finish_below(
        (list_header, list_header),
        row,
        COLUMNS.len() as u16,
        header,
    )?;
    Ok(())
}
