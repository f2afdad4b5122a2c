//! Impact over time (category band over horizons, the palette as
//! conditional formats, score notes) and the recovery objectives.

use super::*;
use bia_model::ObjectiveField;

pub(super) fn impact(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    let m = &a.methodology;
    s.title(
        1,
        "Impact over time",
        &format!(
            "Severity 0–{} per category and time after the disruption; blank: not scored",
            m.scale.last().map_or(5, |l| l.value)
        ),
    )?;
    let band = HEADER;
    let head = HEADER + 1;
    let mut names = headers(&["Process ID", "Process", "Unit"]);
    let first_cell = names.len() as u16;
    let mut columns: FxHashMap<(Id, Id), u16> = FxHashMap::default();
    for c in &m.categories {
        let start = names.len() as u16;
        for h in &m.horizons {
            columns.insert((c.id, h.id), names.len() as u16);
            names.push(h.label.clone());
        }
        let end = names.len() as u16 - 1;
        let title = if c.retired {
            format!("{} (retired)", c.name)
        } else {
            c.name.clone()
        };
        let title = s.fit(band, start, &title);
        if end > start {
            s.ws.merge_range(band, start, band, end, &title, &f.band)
                .map_err(xlsx)?;
        } else {
            s.ws.write_string_with_format(band, start, title.as_ref(), &f.band)
                .map_err(xlsx)?;
        }
    }
    let last_cell = names.len() as u16 - 1;
    let mtpd_col = names.len() as u16;
    names.extend(headers(&[
        "MTPD (derived)",
        "MTPD (derived, minutes)",
        "Impact rationale",
        "Score notes",
    ]));
    for c in 0..first_cell {
        s.ws.write_string_with_format(band, c, "", &f.band)
            .map_err(xlsx)?;
    }
    for c in mtpd_col..names.len() as u16 {
        s.ws.write_string_with_format(band, c, "", &f.band)
            .map_err(xlsx)?;
    }
    s.header(head, &names)?;
    let rows: FxHashMap<Id, u32> = a
        .processes
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, head + 1 + i as u32))
        .collect();
    let rationale: FxHashMap<Id, &String> =
        a.impact_rationales.iter().map(|(id, t)| (*id, t)).collect();
    for p in &a.processes {
        let row = rows[&p.id];
        s.text(row, 0, &p.id.to_string(), &f.text)?;
        s.text(row, 1, &p.name, &f.label)?;
        s.text(row, 2, ctx.unit_name(p), &f.text)?;
        let derived = ctx.by_process.get(&p.id).and_then(|x| x.mtpd_derived);
        s.duration(row, mtpd_col, derived, &f.text)?;
        if let Some(t) = rationale.get(&p.id) {
            s.text(row, mtpd_col + 2, t, &f.wrap)?;
        }
    }
    let mut notes: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
    for score in &a.scores {
        let (Some(&row), Some(&col)) = (
            rows.get(&score.process_id),
            columns.get(&(score.category_id, score.horizon_id)),
        ) else {
            continue;
        };
        if let Some(v) = score.severity {
            s.number(row, col, f64::from(v), &f.text)?;
        }
        if !score.note.is_empty() {
            // Excel keeps 54 of a note's characters for its author.
            let text = s.fit_to(row, col, &score.note, CELL_LIMIT - 54, "a note");
            let note = Note::new(text).set_author("BIA Workbench");
            s.ws.insert_note(row, col, &note).map_err(xlsx)?;
            notes
                .entry(row)
                .or_default()
                .push(score_note_line(m, score));
        }
    }
    // The notes again as text, one "Category @ horizon: note" per line:
    // readable in print, and read back by import (cell notes are not).
    for (row, lines) in notes {
        s.text(row, mtpd_col + 3, &lines.join("\n"), &f.wrap)?;
    }
    let last_row = head + a.processes.len() as u32;
    // The methodology's palette, one rule per level.
    let max = m.scale.last().map_or(5, |l| l.value);
    if !a.processes.is_empty() && last_cell >= first_cell {
        for level in &m.scale {
            let fill = palette::severity(level.value, max);
            let ink = palette::on_severity(level.value, max);
            let format = Format::new()
                .set_background_color(rgb(fill))
                .set_font_color(rgb(ink));
            let rule = ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::EqualTo(f64::from(level.value)))
                .set_format(format);
            s.ws.add_conditional_format(head + 1, first_cell, last_row, last_cell, &rule)
                .map_err(xlsx)?;
        }
    }
    s.ws.set_freeze_panes(head + 1, first_cell).map_err(xlsx)?;
    s.finish(
        (band, head),
        last_row,
        names.len() as u16,
        &[0, mtpd_col + 1],
        &ctx.header,
    )?;
    // Severity columns stay narrow; finish() froze rows only.
    for c in first_cell..=last_cell.max(first_cell) {
        s.ws.set_column_width(c, 7).map_err(xlsx)?;
    }
    s.ws.set_freeze_panes(head + 1, first_cell).map_err(xlsx)?;
    Ok(())
}

/// "Financial @ 1 d: ≈ £250 k lost revenue".
fn score_note_line(m: &bia_model::Methodology, score: &bia_model::Score) -> String {
    let category = m
        .categories
        .iter()
        .find(|c| c.id == score.category_id)
        .map_or("", |c| c.name.as_str());
    let horizon = m
        .horizons
        .iter()
        .find(|h| h.id == score.horizon_id)
        .map_or("", |h| h.label.as_str());
    format!("{category} @ {horizon}: {}", score.note.replace('\n', " "))
}

fn rgb(c: plotters::style::RGBColor) -> u32 {
    (u32::from(c.0) << 16) | (u32::from(c.1) << 8) | u32::from(c.2)
}

pub(super) fn objectives(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    s.title(
        1,
        "Recovery objectives",
        "MTPD derived from the impact scores and as agreed; RTO, RPO, WRT and MBCO as recorded",
    )?;
    let names = headers(&[
        "Process ID",
        "Process",
        "Unit",
        "MTPD (derived)",
        "MTPD (derived, minutes)",
        "MTPD (agreed)",
        "MTPD (agreed, minutes)",
        "MTPD override reason",
        "RTO",
        "RTO (minutes)",
        "RPO",
        "RPO (minutes)",
        "WRT",
        "WRT (minutes)",
        "MBCO (%)",
        "Tier",
        "Tier claimed",
        "Status",
        "Rationale",
        "Agreed by",
        "Agreed on",
        "Violations",
    ]);
    s.header(HEADER, &names)?;
    let objectives: FxHashMap<Id, &bia_model::Objectives> =
        a.objectives.iter().map(|o| (o.process_id, o)).collect();
    let mut row = HEADER;
    for p in &a.processes {
        row += 1;
        let x = ctx.by_process.get(&p.id);
        let o = objectives.get(&p.id);
        let broken = |field: &str| x.is_some_and(|x| x.violations.iter().any(|v| v.field == field));
        s.text(row, 0, &p.id.to_string(), &f.text)?;
        s.text(row, 1, &p.name, &f.label)?;
        s.text(row, 2, ctx.unit_name(p), &f.text)?;
        s.duration(row, 3, x.and_then(|x| x.mtpd_derived), &f.text)?;
        if let Some(o) = o {
            s.duration(row, 5, o.mtpd_override, &f.text)?;
            s.text(row, 7, &o.mtpd_override_reason, &f.wrap)?;
            let rto_format = if broken(ObjectiveField::Rto.key()) {
                &f.bad
            } else {
                &f.text
            };
            s.duration(row, 8, o.rto, rto_format)?;
            if o.rpo_not_applicable {
                s.text(row, 10, "n/a", &f.text)?;
            } else {
                s.duration(row, 10, o.rpo, &f.text)?;
            }
            let wrt_format = if broken(ObjectiveField::Wrt.key()) {
                &f.bad
            } else {
                &f.text
            };
            s.duration(row, 12, o.wrt, wrt_format)?;
            if let Some(m) = o.mbco_percent {
                s.number(row, 14, f64::from(m), &f.number)?;
            }
            s.text(row, 18, &o.rationale, &f.wrap)?;
            s.text(row, 19, &o.agreed_by, &f.text)?;
            s.text(row, 20, &o.agreed_on, &f.text)?;
        }
        if let Some(x) = x {
            let tier = x.tier.as_ref().map_or("", |t| t.name.as_str());
            s.text(row, 15, tier, &f.text)?;
            // The claim as written, marked when it disagrees with the tier.
            if let Some(c) = &x.claimed_tier {
                let format = if c.finding.is_some() { &f.bad } else { &f.text };
                s.text(row, 16, &c.text, format)?;
            }
            let violations: Vec<&str> = x.violations.iter().map(|v| v.message.as_str()).collect();
            if !violations.is_empty() {
                s.text(row, 21, &violations.join("\n"), &f.bad)?;
            }
        }
        s.text(row, 17, status_label(p.status), &f.text)?;
    }
    s.finish(
        (HEADER, HEADER),
        row,
        names.len() as u16,
        &[0, 4, 6, 9, 11, 13],
        &ctx.header,
    )
}
