//! The minutes of a workshop as a PDF: who met, when and where;
//! attendance; the agenda and the time each item took; the heatmap when
//! given; what was agreed for each process (its impact grid coloured as
//! the charts colour severity, the MTPD and why, the objectives, who
//! agreed and who signed off); actions and open questions; the changes
//! made while the workshop ran.
//!
//! It lays out the values it is given and decides nothing: what the
//! minutes say is the application layer's (`WorkshopMinutes`), the page
//! mechanics are `flow.rs`'s.

use bia_model::{AgreedValues, MinutesGridRow, WorkshopMinutes};

use crate::flow::{Cell, Colour, Flow, Style, Table, Width, widths};
use crate::pdf::{self, Running};
use crate::text::Weight::{Bold, Regular};
use crate::{DocumentError, pdf::png_size};

// The charts' colours (crates/chart/src/palette.rs).
const INK: Colour = Colour(0x1f, 0x29, 0x37);
const MUTED: Colour = Colour(0x6b, 0x72, 0x80);
const RULE: Colour = Colour(0xd1, 0xd5, 0xdb);
const ACCENT: Colour = Colour(0x0f, 0x4c, 0x5c);
const WHITE: Colour = Colour(0xff, 0xff, 0xff);
const ZEBRA: Colour = Colour(0xf4, 0xf6, 0xf8);
const LATE: Colour = Colour(0x9b, 0x1c, 0x1c);
const UNSCORED: Colour = Colour(0xe4, 0xe7, 0xeb);
/// Severity 0–5, pale sand to deep red; a level beyond takes the last.
const SEVERITY: [Colour; 6] = [
    Colour(0xf4, 0xef, 0xe1),
    Colour(0xfc, 0xdc, 0x9c),
    Colour(0xf8, 0xb0, 0x62),
    Colour(0xee, 0x7d, 0x3b),
    Colour(0xd1, 0x37, 0x22),
    Colour(0x86, 0x10, 0x1c),
];

const BODY: Style = Style::new(9.0, Regular, INK);
const STRONG: Style = Style::new(9.0, Bold, INK);
const SMALL: Style = Style::new(7.5, Regular, MUTED);
const LABEL: Style = Style::new(8.0, Bold, MUTED);
const HEAD: Style = Style::new(8.0, Bold, WHITE);
const SECTION: Style = Style::new(12.5, Bold, ACCENT);
const PROCESS: Style = Style::new(10.5, Bold, ACCENT);
const TITLE: Style = Style::new(17.0, Bold, ACCENT);

/// About the height of a process's objectives (seven rows, a reason and a
/// rationale of a line or two).
const OBJECTIVES_HEIGHT: f32 = 170.0;

/// Room for a table's header and first rows under a heading.
const WITH_NEXT: f32 = 60.0;

/// The minutes of a workshop as the bytes of an A4 PDF, the assessment's
/// name atop every page and "Page n of m" below. The heatmap is
/// `heatmap_png` when given (`heatmap_svg` is not used: the PDF shows the
/// same picture the workbook does).
pub fn minutes_pdf(minutes: &WorkshopMinutes) -> Result<Vec<u8>, DocumentError> {
    let m = minutes;
    let mut flow = Flow::new();
    let mut pictures = Vec::new();

    title(&mut flow, m);
    participants(&mut flow, m);
    agenda(&mut flow, m);
    if let Some(png) = m.heatmap_png.as_deref().filter(|p| !p.is_empty()) {
        let size = png_size(png)?;
        section(&mut flow, "Impact over time");
        flow.picture(pictures.len(), size);
        pictures.push(png.to_vec());
        flow.space(3.0);
        flow.paragraph(
            "The highest severity across categories at each time horizon, for the processes discussed.",
            SMALL,
        );
    }
    section(&mut flow, "Agreed values");
    if m.processes.is_empty() {
        flow.paragraph("No values were agreed.", SMALL);
    }
    for p in &m.processes {
        agreed_values(&mut flow, m, p);
    }
    actions(&mut flow, m);
    changes(&mut flow, m);

    let running = Running {
        header: m.assessment.clone(),
        header_right: m.organisation.clone(),
        footer: format!("Minutes: {}", or_dash(&m.title)),
        accent: ACCENT,
        muted: MUTED,
        rule: RULE,
    };
    let document_title = if m.title.is_empty() {
        "Workshop minutes".to_string()
    } else {
        format!("Minutes: {}", m.title)
    };
    pdf::write(flow.finish(), &pictures, &running, &document_title)
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() { "—" } else { s }
}

/// "present" → "Present".
fn capital(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Text joined with " · ", the empty parts left out.
fn joined<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn section(flow: &mut Flow, text: &str) {
    flow.space(16.0);
    flow.heading(text, SECTION, Some(RULE), WITH_NEXT);
    flow.space(2.0);
}

/// A table of records: a header row on the accent, repeated after a page
/// break, a rule under each row and every other row shaded.
fn records(columns: &[Width], headers: &[&str], rows: Vec<Vec<Cell>>) -> Table {
    Table {
        widths: widths(columns),
        header: Some(
            headers
                .iter()
                .map(|h| Cell::new(*h, HEAD).fill(ACCENT))
                .collect(),
        ),
        rows,
        zebra: Some(ZEBRA),
        rule: Some(RULE),
        padding: (5.0, 4.5),
        gutter: 0.0,
    }
}

/// A value, or a muted dash when there is none.
fn value(text: &str, style: Style) -> Cell {
    if text.trim().is_empty() {
        Cell::new(
            "—",
            Style {
                colour: MUTED,
                ..style
            },
        )
    } else {
        Cell::new(text, style)
    }
}

fn title(flow: &mut Flow, m: &WorkshopMinutes) {
    flow.paragraph("WORKSHOP MINUTES", SMALL);
    flow.space(2.0);
    flow.paragraph(or_dash(&m.title), TITLE);
    flow.space(8.0);
    let ran = match (m.started.as_str(), m.finished.as_str()) {
        ("", _) => String::new(),
        (start, "") => format!("from {start}"),
        (start, end) => format!("{start} – {end}"),
    };
    let fact = |label: &str, text: &str| [Cell::new(label, LABEL), value(text, BODY)];
    let rows = vec![
        [
            fact("When", &joined([m.date.as_str(), m.start_time.as_str()])),
            fact("Where", &m.place),
        ],
        [
            fact("Facilitator", &m.facilitator),
            fact("Scribe", &m.scribe),
        ],
        [
            fact("Organisation", &m.organisation),
            fact(
                "Workshop",
                &joined([capital(&m.status).as_str(), ran.as_str()]),
            ),
        ],
    ];
    flow.table(&Table {
        widths: widths(&[
            Width::Points(66.0),
            Width::Share(1.0),
            Width::Points(66.0),
            Width::Share(1.0),
        ]),
        header: None,
        rows: rows.into_iter().map(|r| r.concat()).collect(),
        zebra: None,
        rule: None,
        padding: (0.0, 3.0),
        gutter: 0.0,
    });
    if !m.notes.trim().is_empty() {
        flow.space(8.0);
        flow.table(&Table {
            widths: widths(&[Width::Share(1.0)]),
            header: None,
            rows: vec![vec![Cell::new(&m.notes, BODY).fill(ZEBRA)]],
            zebra: None,
            rule: None,
            padding: (8.0, 6.0),
            gutter: 0.0,
        });
    }
}

fn participants(flow: &mut Flow, m: &WorkshopMinutes) {
    section(flow, "Participants");
    if m.participants.is_empty() {
        flow.paragraph("No participants were recorded.", SMALL);
        return;
    }
    let present = m
        .participants
        .iter()
        .filter(|p| p.attendance == "present")
        .count();
    flow.paragraph(
        &format!("{present} of {} present", m.participants.len()),
        SMALL,
    );
    flow.space(4.0);
    let rows = m
        .participants
        .iter()
        .map(|p| {
            let attendance = if p.attendance == "absent" {
                Cell::new(
                    "Absent",
                    Style {
                        colour: LATE,
                        ..BODY
                    },
                )
            } else {
                value(&capital(&p.attendance), BODY)
            };
            vec![
                value(&p.name, STRONG),
                value(&p.role, BODY),
                value(&p.unit, BODY),
                attendance,
            ]
        })
        .collect();
    flow.table(&records(
        &[
            Width::Share(1.2),
            Width::Share(1.3),
            Width::Share(1.0),
            Width::Points(62.0),
        ],
        &["Name", "Role", "Unit", "Attendance"],
        rows,
    ));
}

fn agenda(flow: &mut Flow, m: &WorkshopMinutes) {
    section(flow, "Agenda");
    if m.agenda.is_empty() {
        flow.paragraph("The agenda was empty.", SMALL);
        return;
    }
    let rows = m
        .agenda
        .iter()
        .map(|a| {
            let spent = if a.over_time {
                value(
                    &a.spent,
                    Style {
                        colour: LATE,
                        ..STRONG
                    },
                )
                .note(
                    "over time",
                    Style {
                        colour: LATE,
                        ..SMALL
                    },
                )
            } else {
                value(&a.spent, BODY)
            };
            vec![
                Cell::new(a.position.to_string(), BODY),
                value(&a.process, STRONG),
                value(&capital(&a.status), BODY),
                value(&a.timebox, BODY),
                spent,
                Cell::new(&a.notes, BODY),
            ]
        })
        .collect();
    flow.table(&records(
        &[
            Width::Points(22.0),
            Width::Share(1.3),
            Width::Points(66.0),
            Width::Points(52.0),
            Width::Points(60.0),
            Width::Share(1.0),
        ],
        &["#", "Process", "Status", "Time box", "Time spent", "Notes"],
        rows,
    ));
}

fn agreed_values(flow: &mut Flow, m: &WorkshopMinutes, p: &AgreedValues) {
    flow.space(12.0);
    flow.heading(&p.process, PROCESS, None, 140.0);
    let about = joined([
        p.unit.as_str(),
        &if p.owner.is_empty() {
            String::new()
        } else {
            format!("owner {}", p.owner)
        },
        capital(&p.review_status).as_str(),
    ]);
    if !about.is_empty() {
        flow.paragraph(&about, SMALL);
    }
    flow.space(5.0);
    if m.horizons.is_empty() || p.grid.is_empty() {
        flow.paragraph("No impact was scored.", SMALL);
    } else {
        flow.table(&impact_grid(&m.horizons, &p.grid));
    }
    flow.space(6.0);
    // The objectives read as one block: on the next page rather than split.
    flow.keep(OBJECTIVES_HEIGHT);
    flow.table(&objectives(p));
}

/// Categories down, horizons across, each cell filled by its severity.
fn impact_grid(horizons: &[String], grid: &[MinutesGridRow]) -> Table {
    let mut columns = vec![Width::Points(92.0)];
    columns.extend(horizons.iter().map(|_| Width::Share(1.0)));
    let head = Style { size: 7.5, ..HEAD };
    let mut header = vec![Cell::new("Impact", head).fill(ACCENT)];
    header.extend(
        horizons
            .iter()
            .map(|h| Cell::new(h, head).fill(ACCENT).centred()),
    );
    let rows = grid
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::new(&row.category, Style { size: 8.0, ..BODY }).fill(ZEBRA)];
            cells.extend((0..horizons.len()).map(|h| {
                let text = row.cells.get(h).map_or("", String::as_str);
                severity_cell(text, row.levels.get(h).copied().flatten())
            }));
            cells
        })
        .collect();
    Table {
        widths: widths(&columns),
        header: Some(header),
        rows,
        zebra: None,
        rule: None,
        padding: (2.0, 3.5),
        gutter: 1.5,
    }
}

/// "3 – Moderate" as the number over its name, on the severity's colour.
fn severity_cell(text: &str, level: Option<u8>) -> Cell {
    let Some(level) = level else {
        return Cell::new(text, Style { size: 7.0, ..BODY })
            .fill(UNSCORED)
            .centred();
    };
    let fill = SEVERITY[usize::from(level).min(SEVERITY.len() - 1)];
    let ink = if level >= 4 { WHITE } else { INK };
    let (number, name) = text.split_once(" – ").unwrap_or((text, ""));
    Cell::new(number, Style::new(8.5, Bold, ink))
        .note(name, Style::new(6.0, Regular, ink))
        .fill(fill)
        .centred()
}

fn objectives(p: &AgreedValues) -> Table {
    let label = |text: &str| Cell::new(text, LABEL);
    let signed = if p.signed_off_by.is_empty() {
        Cell::new(
            "Not signed off",
            Style {
                colour: MUTED,
                ..BODY
            },
        )
    } else {
        Cell::new(
            joined([
                p.signed_off_by.join(", ").as_str(),
                p.signed_off_at.as_str(),
            ]),
            BODY,
        )
    };
    let rows = vec![
        vec![
            label("MTPD"),
            value(&p.mtpd, STRONG).note(&p.mtpd_reason, SMALL).span(3),
        ],
        vec![
            label("RTO"),
            value(&p.rto, STRONG),
            label("RPO"),
            value(&p.rpo, STRONG),
        ],
        vec![
            label("WRT"),
            value(&p.wrt, BODY),
            label("MBCO"),
            value(&p.mbco, BODY),
        ],
        vec![label("Tier"), value(&p.tier, BODY).span(3)],
        vec![label("Rationale"), value(&p.rationale, BODY).span(3)],
        vec![label("Agreed by"), value(&p.agreed_by, BODY).span(3)],
        vec![label("Signed off"), signed.span(3)],
    ];
    Table {
        widths: widths(&[
            Width::Points(66.0),
            Width::Share(1.0),
            Width::Points(66.0),
            Width::Share(1.0),
        ]),
        header: None,
        rows,
        zebra: None,
        rule: Some(RULE),
        padding: (4.0, 4.0),
        gutter: 0.0,
    }
}

fn actions(flow: &mut Flow, m: &WorkshopMinutes) {
    section(flow, "Actions and open questions");
    if m.actions.is_empty() {
        flow.paragraph("No actions or open questions were recorded.", SMALL);
        return;
    }
    let rows = m
        .actions
        .iter()
        .map(|a| {
            vec![
                value(&capital(&a.kind), BODY),
                value(&a.text, BODY),
                value(&a.owner, BODY),
                value(&a.due, BODY),
                value(&a.concerns, BODY),
                value(&capital(&a.status), BODY),
            ]
        })
        .collect();
    flow.table(&records(
        &[
            Width::Points(54.0),
            Width::Share(2.2),
            Width::Share(1.0),
            Width::Points(60.0),
            Width::Share(1.0),
            Width::Points(40.0),
        ],
        &[
            "Kind",
            "Action or question",
            "Owner",
            "Due",
            "Concerns",
            "Status",
        ],
        rows,
    ));
}

fn changes(flow: &mut Flow, m: &WorkshopMinutes) {
    section(flow, "Changes made during the workshop");
    if m.changes.is_empty() {
        flow.paragraph("No changes were made during the workshop.", SMALL);
        return;
    }
    let rows = m
        .changes
        .iter()
        .map(|c| {
            vec![
                value(&c.at, BODY),
                value(&c.what, BODY),
                value(&c.who, BODY),
                Cell::new(&c.rationale, BODY),
            ]
        })
        .collect();
    flow.table(&records(
        &[
            Width::Points(36.0),
            Width::Share(1.6),
            Width::Share(1.0),
            Width::Share(1.4),
        ],
        &["At", "Change", "By", "Rationale"],
        rows,
    ));
}
