//! A workshop's minutes: what it agreed, read from the assessment and its
//! analysis and written as people read it ([`WorkshopMinutes`]), then laid
//! out as a workbook (`bia-excel`) or a PDF (`bia-documents`). The values
//! are the assessment's as they stand when the minutes are made; the
//! changes are the decision log's and the journal's between the
//! workshop's start and finish.

use std::path::Path;

use bia_analysis::Analysis;
use bia_chart::{ChartKind, ChartOptions, Format};
use bia_model::{
    Action, AgreedValues, Assessment, Decision, Id, Minutes, MinutesAction, MinutesAgendaItem,
    MinutesChange, MinutesGridRow, MinutesParticipant, Workshop, WorkshopMinutes,
};
use chrono::{DateTime, Local, NaiveDate};

use crate::error::{Error, Result};

/// "Thursday 3 December 2026" from "2026-12-03"; the text as it is if it
/// is not a date.
fn long_date(date: &str) -> String {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(|d| d.format("%A %-d %B %Y").to_string())
        .unwrap_or_else(|_| date.to_string())
}

/// "17 Dec 2026" from "2026-12-17", blank for blank.
fn short_date(date: &str) -> String {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|_| date.to_string())
}

/// An RFC 3339 moment in the machine's time zone, as `format` writes it.
fn local(at: &str, format: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| t.with_timezone(&Local).format(format).to_string())
        .unwrap_or_default()
}

fn duration(m: Option<Minutes>) -> String {
    m.map_or_else(|| "—".into(), |m| m.to_string())
}

/// "23 min", "1 h 05 min".
fn spent(seconds: u32) -> String {
    let minutes = (seconds + 30) / 60;
    if minutes >= 60 {
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    } else {
        format!("{minutes} min")
    }
}

/// The minutes of workshop `w`, from the assessment as it is now.
pub(crate) fn build(
    w: &Workshop,
    a: &Assessment,
    analysis: &Analysis,
    actions: &[Action],
    decisions: &[Decision],
    edits: &[(String, String)],
) -> Result<WorkshopMinutes> {
    let m = &a.methodology;
    let name_of = |id: Id| {
        a.processes
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| "(deleted process)".to_string(), |p| p.name.clone())
    };
    let agenda = w
        .agenda
        .iter()
        .enumerate()
        .map(|(i, item)| MinutesAgendaItem {
            position: i + 1,
            process: name_of(item.process_id),
            status: item.status.label().into(),
            timebox: Minutes(item.timebox_minutes).to_string(),
            spent: if item.spent_seconds == 0 {
                "—".into()
            } else {
                spent(item.spent_seconds)
            },
            over_time: item.spent_seconds > item.timebox_minutes * 60,
            notes: item.notes.clone(),
        })
        .collect();
    let categories: Vec<_> = m.categories.iter().filter(|c| !c.retired).collect();
    let processes = w
        .agenda
        .iter()
        .filter_map(|item| {
            let p = a.processes.iter().find(|p| p.id == item.process_id)?;
            let pa = analysis.processes.iter().find(|x| x.process_id == p.id);
            let o = a.objectives.iter().find(|o| o.process_id == p.id);
            let grid = categories
                .iter()
                .map(|c| {
                    let levels: Vec<Option<u8>> = m
                        .horizons
                        .iter()
                        .map(|h| {
                            a.scores
                                .iter()
                                .find(|s| {
                                    s.process_id == p.id
                                        && s.category_id == c.id
                                        && s.horizon_id == h.id
                                })
                                .and_then(|s| s.severity)
                        })
                        .collect();
                    MinutesGridRow {
                        category: c.name.clone(),
                        cells: levels
                            .iter()
                            .map(|l| {
                                l.map_or_else(String::new, |v| format!("{v} – {}", m.level_name(v)))
                            })
                            .collect(),
                        levels,
                    }
                })
                .collect();
            let mtpd_reason = match (pa, o) {
                (Some(pa), Some(o)) if pa.mtpd_overridden => format!(
                    "Agreed by the room: {} (derived: {}).",
                    o.mtpd_override_reason.trim(),
                    duration(pa.mtpd_derived)
                ),
                (Some(pa), _) => pa.mtpd_reason.as_ref().map_or_else(
                    || "No category reaches its threshold within the horizons scored.".into(),
                    |r| r.text.clone(),
                ),
                _ => String::new(),
            };
            let signoff = w.signoffs.iter().find(|s| s.process_id == p.id);
            let unit = p
                .unit_id
                .and_then(|u| a.unit(u))
                .map(|u| u.name.clone())
                .unwrap_or_default();
            Some(AgreedValues {
                process: p.name.clone(),
                unit,
                owner: p.owner.clone(),
                review_status: bia_store::status_label(p.status).to_lowercase(),
                grid,
                mtpd: duration(pa.and_then(|x| x.mtpd)),
                mtpd_reason,
                rto: duration(pa.and_then(|x| x.rto)),
                rpo: match pa {
                    Some(x) if x.rpo_not_applicable => "not applicable".into(),
                    _ => duration(pa.and_then(|x| x.rpo)),
                },
                wrt: duration(pa.and_then(|x| x.wrt)),
                mbco: pa
                    .and_then(|x| x.mbco_percent)
                    .map_or_else(|| "—".into(), |v| format!("{v} %")),
                tier: pa
                    .and_then(|x| x.tier.as_ref())
                    .map(|t| format!("Tier {} — {}", t.rank, t.name))
                    .unwrap_or_default(),
                rationale: o.map(|o| o.rationale.clone()).unwrap_or_default(),
                agreed_by: o.map(|o| o.agreed_by.clone()).unwrap_or_default(),
                signed_off_by: signoff.map(|s| s.by.clone()).unwrap_or_default(),
                signed_off_at: signoff
                    .map(|s| local(&s.at, "%-d %b %Y %H:%M"))
                    .unwrap_or_default(),
            })
        })
        .collect();
    let concerns = |action: &Action| {
        action
            .process_id
            .map(name_of)
            .or_else(|| {
                action.resource_id.map(|r| {
                    a.resources
                        .iter()
                        .find(|x| x.id == r)
                        .map_or_else(|| "(deleted resource)".into(), |x| x.name.clone())
                })
            })
            .unwrap_or_default()
    };
    let actions = actions
        .iter()
        .map(|x| MinutesAction {
            kind: x.kind.as_str().into(),
            text: x.text.clone(),
            owner: x.owner.clone(),
            due: short_date(&x.due),
            concerns: concerns(x),
            status: x.status.as_str().into(),
        })
        .collect();
    let mut changes: Vec<(String, MinutesChange)> = Vec::new();
    if !w.started_at.is_empty() {
        let until = if w.finished_at.is_empty() {
            "9999"
        } else {
            w.finished_at.as_str()
        };
        for d in decisions
            .iter()
            .filter(|d| d.at.as_str() >= w.started_at.as_str() && d.at.as_str() <= until)
        {
            changes.push((
                d.at.clone(),
                MinutesChange {
                    at: local(&d.at, "%H:%M"),
                    what: format!(
                        "{} of {}: {} → {}",
                        d.field, d.process_name, d.old_value, d.new_value
                    ),
                    who: d.who.clone(),
                    rationale: d.rationale.clone(),
                },
            ));
        }
        for (at, label) in edits {
            changes.push((
                at.clone(),
                MinutesChange {
                    at: local(at, "%H:%M"),
                    what: label.clone(),
                    who: String::new(),
                    rationale: String::new(),
                },
            ));
        }
    }
    changes.sort_by(|x, y| x.0.cmp(&y.0));
    let options = ChartOptions {
        processes: Some(w.agenda.iter().map(|i| i.process_id).collect()),
        selection: Some(w.title.clone()),
        ..ChartOptions::default()
    };
    let heatmap = |format| crate::charts::render(a, analysis, ChartKind::Heatmap, &options, format);
    let heatmap_svg = if w.agenda.is_empty() {
        None
    } else {
        String::from_utf8(heatmap(Format::Svg)?).ok()
    };
    let heatmap_png = if w.agenda.is_empty() {
        None
    } else {
        Some(heatmap(Format::Png)?)
    };
    Ok(WorkshopMinutes {
        assessment: a.info.name.clone(),
        organisation: a.info.organisation.clone(),
        title: w.title.clone(),
        date: long_date(&w.date),
        start_time: w.start_time.clone(),
        place: w.place.clone(),
        facilitator: w.facilitator.clone(),
        scribe: w.scribe.clone(),
        status: w.status.as_str().into(),
        started: local(&w.started_at, "%H:%M"),
        finished: local(&w.finished_at, "%H:%M"),
        notes: w.notes.clone(),
        participants: w
            .participants
            .iter()
            .map(|p| MinutesParticipant {
                name: p.name.clone(),
                role: p.role.clone(),
                unit: p.unit.clone(),
                attendance: if p.present { "present" } else { "absent" }.into(),
            })
            .collect(),
        agenda,
        horizons: m.horizons.iter().map(|h| h.label.clone()).collect(),
        processes,
        actions,
        changes: changes.into_iter().map(|(_, c)| c).collect(),
        heatmap_svg,
        heatmap_png,
    })
}

/// Writes `minutes` to `path`: a workbook for .xlsx, a PDF for .pdf. The
/// file is written under a hidden name beside it and then put in place, so
/// a failed write leaves whatever was there.
pub(crate) fn save(minutes: &WorkshopMinutes, path: &Path) -> Result<()> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("xlsx") => {
            bia_excel::export::write_minutes_workbook(minutes, path)?;
            Ok(())
        }
        Some("pdf") => {
            let bytes = bia_documents::minutes_pdf(minutes)?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let temp = path.with_file_name(format!(".{name}.{}.part", std::process::id()));
            let io = |source| Error::Io {
                path: path.to_path_buf(),
                source,
            };
            std::fs::write(&temp, bytes).map_err(io)?;
            std::fs::rename(&temp, path).map_err(|e| {
                let _ = std::fs::remove_file(&temp);
                io(e)
            })
        }
        _ => Err(Error::MinutesFormat {
            path: path.to_path_buf(),
        }),
    }
}
