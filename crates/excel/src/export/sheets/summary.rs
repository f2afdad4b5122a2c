//! The Summary: facts, counts, the most time-critical processes, pictures
//! and a native tier chart.

use super::*;

/// Most processes drawn in the Summary's heatmap picture.
const SUMMARY_HEATMAP_ROWS: usize = 40;

/// A picture of `a`, whose processes' `analysis` the caller has.
fn png(kind: ChartKind, a: &Assessment, analysis: &[ProcessAnalysis]) -> Result<Image> {
    let options = ChartOptions::default();
    let bytes = chart::render_analysed(kind, a, analysis, &options, chart::Format::Png)?;
    Image::new_from_buffer(&bytes).map_err(xlsx)
}

/// The assessment cut to its `n` most time-critical processes (for a
/// picture that stays legible on a page).
fn top_processes(ctx: &Context, n: usize) -> Assessment {
    let keep: rustc_hash::FxHashSet<Id> = ctx
        .most_critical()
        .iter()
        .take(n)
        .map(|p| p.process_id)
        .collect();
    let a = ctx.a;
    let kept = |n: NodeRef| match n {
        NodeRef::Process(id) => keep.contains(&id),
        NodeRef::Resource(_) => true,
    };
    Assessment {
        processes: a
            .processes
            .iter()
            .filter(|p| keep.contains(&p.id))
            .cloned()
            .collect(),
        scores: a
            .scores
            .iter()
            .filter(|s| keep.contains(&s.process_id))
            .cloned()
            .collect(),
        objectives: a
            .objectives
            .iter()
            .filter(|o| keep.contains(&o.process_id))
            .cloned()
            .collect(),
        impact_rationales: a
            .impact_rationales
            .iter()
            .filter(|(p, _)| keep.contains(p))
            .cloned()
            .collect(),
        // Not `..a.clone()`: that copies every score and decision first.
        info: a.info.clone(),
        methodology: a.methodology.clone(),
        units: a.units.clone(),
        resources: a.resources.clone(),
        // Only those between what is kept (a tenth of a large assessment's).
        dependencies: a
            .dependencies
            .iter()
            .filter(|d| kept(d.from) && kept(d.to))
            .cloned()
            .collect(),
    }
}

pub(super) fn summary(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    s.title(
        0,
        &format!("Business impact analysis — {}", a.info.name),
        &format!("{} · exported {}", a.info.organisation, ctx.date),
    )?;
    let d = &ctx.analysis.dependencies;
    let facts: Vec<(&str, String)> = vec![
        ("Organisation", a.info.organisation.clone()),
        ("Scope", a.info.scope.clone()),
        ("Facilitator", a.info.facilitator.clone()),
        (
            "Started",
            a.info.created_at.get(..10).unwrap_or("").to_string(),
        ),
        (
            "Last changed",
            a.info.updated_at.get(..10).unwrap_or("").to_string(),
        ),
        ("Processes", a.processes.len().to_string()),
        ("Resources", a.resources.len().to_string()),
        ("Dependencies", a.dependencies.len().to_string()),
        ("Recovery gaps", d.gaps.len().to_string()),
        ("Single points of failure", d.spofs.len().to_string()),
    ];
    let mut row = HEADER;
    s.text(row - 1, 0, "The assessment", &f.section)?;
    for (label, value) in &facts {
        s.text(row, 0, label, &f.label)?;
        s.text(row, 1, value, &f.text)?;
        row += 1;
    }

    // Processes by tier, with a native chart of the same cells.
    row += 1;
    s.text(row, 0, "Processes by recovery tier", &f.section)?;
    row += 1;
    s.header(row, &headers(&["Tier", "Processes"]))?;
    let first = row + 1;
    let mut tiers: Vec<(String, u32)> = a
        .methodology
        .tiers
        .iter()
        .map(|t| {
            let n = ctx
                .analysis
                .processes
                .iter()
                .filter(|p| p.tier.as_ref().is_some_and(|x| x.rank == t.rank))
                .count();
            (t.name.clone(), n as u32)
        })
        .collect();
    let untiered = ctx
        .analysis
        .processes
        .iter()
        .filter(|p| p.tier.is_none())
        .count();
    tiers.push(("No RTO yet".into(), untiered as u32));
    for (name, n) in &tiers {
        row += 1;
        s.text(row, 0, name, &f.text)?;
        s.number(row, 1, f64::from(*n), &f.number)?;
    }
    let last = row;
    let mut tier_chart = Chart::new(ChartType::Column);
    tier_chart
        .add_series()
        .set_categories(("Summary", first, 0, last, 0))
        .set_values(("Summary", first, 1, last, 1))
        .set_name("Processes")
        .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(
            rust_xlsxwriter::ChartSolidFill::new().set_color(super::super::sheet::ACCENT),
        ));
    tier_chart.title().set_name("Processes per recovery tier");
    tier_chart.legend().set_hidden();
    tier_chart.set_width(420).set_height(260);

    row += 2;
    s.text(row, 0, "Processes by review status", &f.section)?;
    row += 1;
    s.header(row, &headers(&["Status", "Processes"]))?;
    for status in Status::ALL {
        row += 1;
        let n = a.processes.iter().filter(|p| p.status == status).count();
        s.text(row, 0, status_label(status), &f.text)?;
        s.number(row, 1, n as f64, &f.number)?;
    }

    row += 2;
    s.text(row, 0, "The ten most time-critical processes", &f.section)?;
    row += 1;
    s.header(row, &headers(&["Process", "Unit", "MTPD", "RTO", "Tier"]))?;
    let processes: FxHashMap<Id, &Process> = a.processes.iter().map(|p| (p.id, p)).collect();
    for p in ctx.most_critical().into_iter().take(10) {
        row += 1;
        let unit = processes
            .get(&p.process_id)
            .map_or("", |x| ctx.unit_name(x));
        s.text(row, 0, &p.process, &f.wrap)?;
        s.text(row, 1, unit, &f.wrap)?;
        s.text(
            row,
            2,
            &p.mtpd.map_or("—".into(), |m| m.to_string()),
            &f.text,
        )?;
        s.text(
            row,
            3,
            &p.rto.map_or("—".into(), |m| m.to_string()),
            &f.text,
        )?;
        let tier = p.tier.as_ref().map_or("—".to_string(), |t| t.name.clone());
        s.text(row, 4, &tier, &f.text)?;
    }

    // Pictures to the right of the tables.
    let col = 7;
    s.ws.insert_chart(HEADER, col, &tier_chart).map_err(xlsx)?;
    let tiers_png = png(ChartKind::Tiers, a, &ctx.analysis.processes)?
        .set_scale_width(0.55)
        .set_scale_height(0.55)
        .set_alt_text("Tier distribution: processes per recovery tier");
    s.ws.insert_image(HEADER + 15, col, &tiers_png)
        .map_err(xlsx)?;
    let shown = a.processes.len().min(SUMMARY_HEATMAP_ROWS);
    let caption = if shown < a.processes.len() {
        format!(
            "Impact heatmap of the {shown} most time-critical of {} processes (all are on the Impact sheet)",
            a.processes.len()
        )
    } else {
        "Impact heatmap".to_string()
    };
    s.text(HEADER + 35, col, &caption, &f.section)?;
    let heatmap = if a.processes.len() > SUMMARY_HEATMAP_ROWS {
        let top = top_processes(ctx, SUMMARY_HEATMAP_ROWS);
        png(
            ChartKind::Heatmap,
            &top,
            &bia_analysis::analyze_processes(&top),
        )?
    } else {
        png(ChartKind::Heatmap, a, &ctx.analysis.processes)?
    }
    .set_scale_width(0.6)
    .set_scale_height(0.6)
    .set_alt_text("Impact heatmap: the highest severity of each process at each time horizon");
    s.ws.insert_image(HEADER + 36, col, &heatmap)
        .map_err(xlsx)?;
    s.ws.set_column_width(0, 34).map_err(xlsx)?;
    s.ws.set_column_width(1, 28).map_err(xlsx)?;
    page_setup(s.ws, s.name, &ctx.header);
    s.ws.set_print_fit_to_pages(1, 1);
    Ok(())
}
