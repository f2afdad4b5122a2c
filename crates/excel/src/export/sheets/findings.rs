//! Gaps and findings, the decision log and the methodology.

use super::*;

pub(super) fn gaps(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let f = s.f;
    let d = &ctx.analysis.dependencies;
    s.title(
        0,
        "Gaps and findings",
        "Most severe first: where a dependency cannot deliver what the processes relying on it need",
    )?;
    let names = headers(&[
        "Finding",
        "Subject",
        "Required",
        "Capability",
        "Shortfall",
        "Chain",
        "Explanation",
    ]);
    s.header(HEADER, &names)?;
    let dur = |m: Option<u32>| m.map_or(String::new(), |m| Minutes(m).to_string());
    let mut row = HEADER;
    for g in &d.gaps {
        row += 1;
        let finding = match g.kind {
            bia_analysis::GapKind::RtoCapability => "Recovery time gap",
            bia_analysis::GapKind::RpoCapability => "Data loss gap",
            bia_analysis::GapKind::UpstreamRto => "Upstream process gap",
            bia_analysis::GapKind::UnknownCapability => "Capability unknown",
        };
        s.text(row, 0, finding, &f.bad)?;
        s.text(row, 1, &g.subject, &f.label)?;
        s.text(row, 2, &dur(g.required_minutes), &f.text)?;
        let capability = g
            .capability_minutes
            .map_or("unknown".to_string(), |m| Minutes(m).to_string());
        s.text(row, 3, &capability, &f.text)?;
        s.text(row, 4, &dur(g.gap_minutes), &f.text)?;
        s.text(row, 5, &g.chain.join(" → "), &f.wrap)?;
        s.text(row, 6, &g.message, &f.wrap)?;
    }
    for spof in &d.spofs {
        row += 1;
        s.text(row, 0, "Single point of failure", &f.bad)?;
        s.text(row, 1, &spof.name, &f.label)?;
        s.text(row, 5, &spof.chain.join(" → "), &f.wrap)?;
        s.text(row, 6, &spof.message, &f.wrap)?;
    }
    for cycle in &d.cycles {
        row += 1;
        s.text(row, 0, "Loop", &f.text)?;
        s.text(row, 1, &cycle.nodes.join(", "), &f.wrap)?;
        s.text(row, 6, &cycle.message, &f.wrap)?;
    }
    for (process, claim) in ctx
        .analysis
        .processes
        .iter()
        .filter_map(|p| Some((p, p.claimed_tier.as_ref()?.finding.as_ref()?)))
    {
        row += 1;
        let finding = if claim.code == "claimed_tier_unread" {
            "Tier claimed unread"
        } else {
            "Tier claimed differs"
        };
        s.text(row, 0, finding, &f.text)?;
        s.text(row, 1, &process.process, &f.label)?;
        s.text(row, 6, &claim.message, &f.wrap)?;
    }
    for orphan in &d.orphans {
        row += 1;
        s.text(row, 0, "Nothing relies on it", &f.text)?;
        s.text(row, 1, orphan, &f.label)?;
        s.text(
            row,
            6,
            "No process or resource relies on this resource.",
            &f.wrap,
        )?;
    }
    if row == HEADER {
        s.text(row + 1, 0, "No gaps or findings.", &f.text)?;
    }
    s.finish((HEADER, HEADER), row, names.len() as u16, &[], &ctx.header)
}

pub(super) fn decisions(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let f = s.f;
    s.title(
        0,
        "Decision log",
        "Every change to an objective or a review status, oldest first; never edited",
    )?;
    let names = headers(&[
        "When",
        "Process",
        "Field",
        "From",
        "To",
        "Rationale",
        "Who",
        "Workshop",
    ]);
    s.header(HEADER, &names)?;
    let mut row = HEADER;
    for d in ctx.decisions {
        row += 1;
        let when = d.at.get(..16).unwrap_or(&d.at).replace('T', " ");
        s.text(row, 0, &when, &f.text)?;
        s.text(row, 1, &d.process_name, &f.label)?;
        s.text(row, 2, &d.field, &f.text)?;
        s.text(row, 3, &d.old_value, &f.text)?;
        s.text(row, 4, &d.new_value, &f.text)?;
        s.text(row, 5, &d.rationale, &f.wrap)?;
        s.text(row, 6, &d.who, &f.text)?;
        s.text(row, 7, &d.workshop, &f.text)?;
    }
    s.finish((HEADER, HEADER), row, names.len() as u16, &[], &ctx.header)
}

pub(super) fn methodology(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let f = s.f;
    let m = &ctx.a.methodology;
    s.title(
        0,
        "Methodology",
        "How impact was scored and objectives derived in this assessment",
    )?;
    // Impact categories, with each level's definition.
    let mut names = headers(&["Impact category", "Threshold", "Retired"]);
    names.extend(m.scale.iter().map(|l| format!("{} – {}", l.value, l.name)));
    s.header(HEADER, &names)?;
    let mut row = HEADER;
    for c in &m.categories {
        row += 1;
        s.text(row, 0, &c.name, &f.label)?;
        let threshold = c.threshold.unwrap_or(m.threshold);
        s.number(row, 1, f64::from(threshold), &f.number)?;
        s.text(row, 2, if c.retired { "yes" } else { "" }, &f.text)?;
        for d in &c.definitions {
            if let Some(i) = m.scale.iter().position(|l| l.value == d.level) {
                s.text(row, 3 + i as u16, &d.text, &f.wrap)?;
            }
        }
    }
    let categories_end = row;

    row += 2;
    s.text(row, 0, "Severity scale", &f.section)?;
    row += 1;
    s.header(row, &headers(&["Level", "Name"]))?;
    for l in &m.scale {
        row += 1;
        s.number(row, 0, f64::from(l.value), &f.number)?;
        s.text(row, 1, &l.name, &f.text)?;
    }
    row += 2;
    s.text(row, 0, "Unacceptable from severity", &f.label)?;
    s.number(row, 1, f64::from(m.threshold), &f.number)?;
    row += 1;
    s.text(row, 0, crate::layout::CURRENCY_LABEL, &f.label)?;
    s.text(row, 1, m.currency.code(), &f.text)?;
    if let Some(c) = m.currency.info() {
        s.text(row, 2, &format!("{} {}", c.symbol, c.name), &f.text)?;
    }

    row += 2;
    s.text(row, 0, "Time horizons", &f.section)?;
    row += 1;
    s.header(row, &headers(&["Horizon", "Minutes"]))?;
    for h in &m.horizons {
        row += 1;
        s.text(row, 0, &h.label, &f.text)?;
        s.number(row, 1, f64::from(h.minutes.0), &f.number)?;
    }

    row += 2;
    s.text(row, 0, "Recovery tiers", &f.section)?;
    row += 1;
    s.header(
        row,
        &headers(&["Tier", "Rank", "RTO up to", "RTO up to (minutes)"]),
    )?;
    for t in &m.tiers {
        row += 1;
        s.text(row, 0, &t.name, &f.text)?;
        s.number(row, 1, f64::from(t.rank), &f.number)?;
        match t.max_rto_minutes {
            Some(max) => s.duration(row, 2, Some(max), &f.text)?,
            None => s.text(row, 2, "beyond", &f.text)?,
        }
    }
    s.finish(
        (HEADER, HEADER),
        categories_end,
        names.len() as u16,
        &[],
        &ctx.header,
    )
}
