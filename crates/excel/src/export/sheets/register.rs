//! The registers: processes and resources (with their custom fields) and
//! dependencies.

use super::*;

pub(super) fn processes(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    s.title(
        1,
        "Processes",
        &format!("{} processes · {}", a.processes.len(), a.info.name),
    )?;
    let custom = custom_names(a.processes.iter().map(|p| &p.custom_fields));
    let mut names = headers(&[
        "Process ID",
        "Process",
        "Unit",
        "Unit path",
        "Owner",
        "Description",
        "Peak periods",
        "Minimum staff",
        "Workaround",
        "Notes",
        "Status",
        "Source",
    ]);
    let fixed = names.len() as u16;
    names.extend(custom.iter().cloned());
    s.header(HEADER, &names)?;
    let mut row = HEADER;
    for p in &a.processes {
        row += 1;
        s.text(row, 0, &p.id.to_string(), &f.text)?;
        s.text(row, 1, &p.name, &f.label)?;
        s.text(row, 2, ctx.unit_name(p), &f.text)?;
        s.text(row, 3, &ctx.unit_path(p), &f.text)?;
        s.text(row, 4, &p.owner, &f.text)?;
        s.text(row, 5, &p.description, &f.wrap)?;
        s.text(row, 6, &p.peak_periods, &f.wrap)?;
        if let Some(n) = p.minimum_staff {
            s.number(row, 7, f64::from(n), &f.number)?;
        }
        s.text(row, 8, &p.workaround, &f.wrap)?;
        s.text(row, 9, &p.notes, &f.wrap)?;
        s.text(row, 10, status_label(p.status), &f.text)?;
        s.text(row, 11, &source(&p.provenance), &f.text)?;
        custom_cells(s, row, fixed, &custom, &p.custom_fields)?;
    }
    s.finish(
        (HEADER, HEADER),
        row,
        names.len() as u16,
        &[0, 3],
        &ctx.header,
    )
}

/// The custom fields' names, in the order they first appear: one column
/// each after the fixed ones.
fn custom_names<'a>(fields: impl Iterator<Item = &'a Vec<CustomField>>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for c in fields.flatten() {
        if !names.contains(&c.name) {
            names.push(c.name.clone());
        }
    }
    names
}

/// A row's custom fields under their columns, from `first`.
fn custom_cells(
    s: &mut Sheet,
    row: u32,
    first: u16,
    names: &[String],
    fields: &[CustomField],
) -> Result<()> {
    for c in fields {
        if let Some(i) = names.iter().position(|n| *n == c.name) {
            let wrap = &s.f.wrap;
            s.text(row, first + i as u16, &c.value, wrap)?;
        }
    }
    Ok(())
}

fn source(p: &bia_model::Provenance) -> String {
    match p {
        bia_model::Provenance::Workshop => "workshop".into(),
        bia_model::Provenance::Demo => "demo".into(),
        bia_model::Provenance::InWorkshop { title, date, .. } => {
            format!("workshop: {title}, {date}")
        }
        bia_model::Provenance::Imported {
            file, sheet, cell, ..
        } => {
            format!("{file}, {sheet}!{cell}")
        }
        q @ bia_model::Provenance::Questionnaire { .. } => {
            q.questionnaire_source(None).unwrap_or_default()
        }
    }
}

pub(super) fn resources(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    s.title(
        1,
        "Resources",
        "What the processes rely on, what it can deliver and what the processes need of it",
    )?;
    let custom = custom_names(a.resources.iter().map(|r| &r.custom_fields));
    let mut names = headers(&[
        "Resource ID",
        "Kind",
        "Resource",
        "Owner",
        "Description",
        "RTO capability",
        "RTO capability (minutes)",
        "RPO capability",
        "RPO capability (minutes)",
        "Contractual recovery",
        "Contractual recovery (minutes)",
        "Redundancy",
        "Required RTO",
        "Required RTO (minutes)",
        "Required RPO",
        "Required RPO (minutes)",
        "Gap",
        "Notes",
        "Source",
    ]);
    let fixed = names.len() as u16;
    names.extend(custom.iter().cloned());
    s.header(HEADER, &names)?;
    let d = &ctx.analysis.dependencies;
    let mut row = HEADER;
    for r in &a.resources {
        row += 1;
        s.text(row, 0, &r.id.to_string(), &f.text)?;
        s.text(row, 1, r.kind.as_str(), &f.text)?;
        s.text(row, 2, &r.name, &f.label)?;
        s.text(row, 3, &r.owner, &f.text)?;
        s.text(row, 4, &r.description, &f.wrap)?;
        s.duration(row, 5, r.rto_capability, &f.text)?;
        s.duration(row, 7, r.rpo_capability, &f.text)?;
        s.duration(row, 9, r.contractual_recovery, &f.text)?;
        s.text(row, 11, r.redundancy.as_str(), &f.text)?;
        if let Some(req) = d.resources.iter().find(|x| x.resource_id == r.id) {
            s.duration(row, 12, req.required_rto, &f.text)?;
            s.duration(row, 14, req.required_rpo, &f.text)?;
        }
        let gaps: Vec<&str> = d
            .gaps
            .iter()
            .filter(|g| g.subject_ref == NodeRef::Resource(r.id))
            .map(|g| g.message.as_str())
            .collect();
        if !gaps.is_empty() {
            s.text(row, 16, &gaps.join("\n"), &f.bad)?;
        }
        s.text(row, 17, &r.notes, &f.wrap)?;
        s.text(row, 18, &source(&r.provenance), &f.text)?;
        custom_cells(s, row, fixed, &custom, &r.custom_fields)?;
    }
    s.finish(
        (HEADER, HEADER),
        row,
        names.len() as u16,
        &[0, 6, 8, 10, 13, 15],
        &ctx.header,
    )
}

pub(super) fn dependencies(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    s.title(
        2,
        "Dependencies",
        "Who relies on what: one row per dependency",
    )?;
    let names = headers(&[
        "Dependency ID",
        "From ID",
        "From kind",
        "From",
        "Relies on (kind)",
        "To ID",
        "Relies on",
        "Strength",
        "Note",
    ]);
    s.header(HEADER, &names)?;
    let mut row = HEADER;
    for dep in &a.dependencies {
        row += 1;
        let node = |n: NodeRef| {
            let fallback = match n {
                NodeRef::Process(_) => "process",
                NodeRef::Resource(_) => "resource",
            };
            ctx.nodes.get(&n).copied().unwrap_or((fallback, ""))
        };
        let ((from_kind, from), (to_kind, to)) = (node(dep.from), node(dep.to));
        s.text(row, 0, &dep.id.to_string(), &f.text)?;
        s.text(row, 1, &dep.from.id().to_string(), &f.text)?;
        s.text(row, 2, from_kind, &f.text)?;
        s.text(row, 3, from, &f.label)?;
        s.text(row, 4, to_kind, &f.text)?;
        s.text(row, 5, &dep.to.id().to_string(), &f.text)?;
        s.text(row, 6, to, &f.text)?;
        s.text(row, 7, dep.strength.as_str(), &f.text)?;
        s.text(row, 8, &dep.note, &f.wrap)?;
    }
    s.finish(
        (HEADER, HEADER),
        row,
        names.len() as u16,
        &[0, 1, 5],
        &ctx.header,
    )
}
