//! Reading answers: each compared three ways (as sent, as it is now, as
//! answered) in one text form, and what a return says for the next one.

use std::collections::BTreeMap;

use bia_model::{
    AnswerKey, Assessment, ChangeState, DetailField, FieldChange, MAX_STAFF, NewDependency,
    NodeRef, ObjectiveField, Objectives, Process, ProcessReview, Provenance, QuestionnaireReview,
    ResourceKind, ReturnedQuestionnaire, Score, Status, duration, name_key, sheet_cell,
};
use bia_store::QuestionnaireRecord;

use super::values::*;

// ---------------------------------------------------------------------
// Reading answers.

/// An answer read into the text values are compared in, or why it cannot be.
pub(crate) fn canonical(
    a: &Assessment,
    key: AnswerKey,
    text: &str,
) -> std::result::Result<String, String> {
    let text = text.trim();
    match key {
        AnswerKey::Detail(DetailField::MinimumStaff) => {
            let n: f64 = text
                .parse()
                .map_err(|_| format!("“{text}” is not a number of people."))?;
            if n < 0.0 || n.fract() != 0.0 || n > f64::from(MAX_STAFF) {
                return Err(format!("“{text}” is not a number of people."));
            }
            Ok((n as u32).to_string())
        }
        AnswerKey::Detail(_) | AnswerKey::Comment(_) => Ok(text.to_string()),
        AnswerKey::Score { .. } => level(a, text).map(|v| v.to_string()),
        AnswerKey::Objective(ObjectiveField::Mbco) => {
            let bare = text.trim_end_matches('%').trim();
            let n: f64 = bare
                .parse()
                .map_err(|_| format!("“{text}” is not a percentage."))?;
            // A cell formatted as a percentage holds 0.5 for 50 %.
            let n = if !text.ends_with('%') && n > 0.0 && n < 1.0 {
                n * 100.0
            } else {
                n
            };
            if !(0.0..=100.0).contains(&n) {
                return Err(format!("“{text}” is not a percentage from 0 to 100."));
            }
            Ok(mbco_text(Some(n.round() as u8)))
        }
        AnswerKey::Objective(f) => {
            let lower = text.to_lowercase();
            if f == ObjectiveField::Rpo
                && ["n/a", "na", "not applicable", "none"].contains(&lower.as_str())
            {
                return Ok("n/a".into());
            }
            duration::parse(text).map(|m| m.to_string()).map_err(|_| {
                format!("“{text}” is not a duration: write it as 4 h, 2 days or 1 week.")
            })
        }
    }
}

/// A level of the scale as an owner wrote it: "3 – Moderate" as picked,
/// "3" typed, "Moderate" by name.
pub(crate) fn level(a: &Assessment, text: &str) -> std::result::Result<u8, String> {
    let scale = &a.methodology.scale;
    let names = || {
        scale
            .iter()
            .map(|l| format!("{} {}", l.value, l.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = text[digits.len()..].trim_start_matches(['.', '0']);
    let by_number = if !digits.is_empty()
        && (rest.is_empty() || rest.starts_with([' ', '–', '-', '—', ':']))
    {
        digits.parse::<u8>().ok()
    } else {
        None
    };
    let found = match by_number {
        Some(n) => scale.iter().find(|l| l.value == n),
        None => {
            let key = name_key(text);
            scale.iter().find(|l| name_key(&l.name) == key)
        }
    };
    found
        .map(|l| l.value)
        .ok_or_else(|| format!("“{text}” is not a level of the scale ({}).", names()))
}

/// How a value is shown side by side: a level with its name.
pub(crate) fn shown(a: &Assessment, key: AnswerKey, value: &str) -> String {
    if value.is_empty() {
        return "—".into();
    }
    match key {
        AnswerKey::Score { .. } => match value
            .parse::<u8>()
            .ok()
            .and_then(|v| a.methodology.scale.iter().find(|l| l.value == v))
        {
            Some(l) => format!("{} – {}", l.value, l.name),
            None => value.to_string(),
        },
        _ => value.to_string(),
    }
}

pub(crate) fn label(a: &Assessment, key: AnswerKey) -> String {
    match key {
        AnswerKey::Detail(d) => d.label().into(),
        AnswerKey::Score { category, horizon } => {
            let m = &a.methodology;
            let c = m
                .categories
                .iter()
                .find(|c| c.id == category)
                .map_or("?", |c| c.name.as_str());
            let h = m
                .horizons
                .iter()
                .find(|h| h.id == horizon)
                .map_or("?", |h| h.label.as_str());
            format!("{c} at {h}")
        }
        AnswerKey::Objective(f) => f.label().into(),
        AnswerKey::Comment(s) => format!("Comment on {}", s.label().to_lowercase()),
    }
}

/// Whether the owner's answer differs from what was sent, in the form
/// the two compare.
pub(crate) fn dependency_text(d: &bia_model::DependencyAnswer) -> String {
    format!("{}|{}|{}", d.kind.trim(), d.name.trim(), d.note.trim())
}

/// Compares a returned questionnaire with what was sent and what is
/// there now (see the module's page).
pub(crate) fn review(
    a: &Assessment,
    q: &QuestionnaireRecord,
    returned: &ReturnedQuestionnaire,
    file: &str,
    today: &str,
) -> QuestionnaireReview {
    let look = Lookup::new(a);
    let again = !q.received.is_empty();
    let mut unchanged = 0u32;
    let mut processes = Vec::new();
    for rp in &returned.processes {
        let process = look.process(rp.process_id);
        let now: BTreeMap<String, String> = process
            .map(|p| {
                look.values(p)
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect()
            })
            .unwrap_or_default();
        let sent: BTreeMap<String, String> = match q.sent.get(&rp.process_id) {
            Some(s) => s.clone(),
            None => rp
                .sent
                .iter()
                .map(|s| (s.key.clone(), s.value.clone()))
                .collect(),
        };
        let before = q.received.get(&rp.process_id);
        let locked = process.is_some_and(|p| p.status == Status::Approved);
        let mut review = ProcessReview {
            process_id: rp.process_id,
            name: process.map_or_else(|| rp.name.clone(), |p| p.name.clone()),
            sheet: rp.sheet.clone(),
            deleted: process.is_none(),
            reopens: locked,
            changes: Vec::new(),
            new_dependencies: Vec::new(),
            comments: Vec::new(),
            missing: rp.missing.clone(),
        };
        for answer in &rp.answers {
            let Some(key) = AnswerKey::parse(&answer.key) else {
                continue;
            };
            let raw = answer.text.trim();
            if raw.is_empty()
                || before.and_then(|b| b.get(&answer.key)).map(String::as_str) == Some(raw)
            {
                unchanged += 1;
                continue;
            }
            let sent_value = sent.get(&answer.key).cloned().unwrap_or_default();
            let now_value = now.get(&answer.key).cloned().unwrap_or_default();
            let mut change = FieldChange {
                key: answer.key.clone(),
                label: label(a, key),
                cell: sheet_cell(&rp.sheet, &answer.cell),
                sent: shown(a, key, &sent_value),
                now: if process.is_some() {
                    shown(a, key, &now_value)
                } else {
                    "—".into()
                },
                answer: raw.to_string(),
                state: ChangeState::Proposed,
                message: String::new(),
            };
            match canonical(a, key, raw) {
                Err(why) => {
                    change.state = ChangeState::Invalid;
                    change.message = why;
                }
                Ok(value) => {
                    change.answer = shown(a, key, &value);
                    if matches!(key, AnswerKey::Comment(_)) {
                        review.comments.push(change);
                        continue;
                    }
                    if value == sent_value || (process.is_some() && value == now_value) {
                        unchanged += 1;
                        continue;
                    }
                    if process.is_some() && now_value != sent_value {
                        change.state = ChangeState::Conflict;
                    }
                }
            }
            review.changes.push(change);
        }
        for (i, d) in rp.new_dependencies.iter().enumerate() {
            let key = format!("dependency:{}", i + 1);
            let text = dependency_text(d);
            if before.and_then(|b| b.get(&key)) == Some(&text) {
                unchanged += 1;
                continue;
            }
            review
                .new_dependencies
                .push(new_dependency(a, process, key, d, &rp.sheet));
        }
        check_rules(a, &look, process, &mut review);
        if let Some(reason) = blocked(process) {
            for c in review
                .changes
                .iter_mut()
                .chain(review.comments.iter_mut())
                .filter(|c| c.state != ChangeState::Invalid)
            {
                c.state = ChangeState::Invalid;
                c.message = reason.clone();
            }
            for d in review
                .new_dependencies
                .iter_mut()
                .filter(|d| d.state != ChangeState::Invalid)
            {
                d.state = ChangeState::Invalid;
                d.message = reason.clone();
            }
        }
        if process.is_none()
            || !review.changes.is_empty()
            || !review.comments.is_empty()
            || !review.new_dependencies.is_empty()
            || !review.missing.is_empty()
        {
            processes.push(review);
        }
    }
    QuestionnaireReview {
        fingerprint: fingerprint(returned),
        questionnaire_id: q.id,
        file: file.to_string(),
        recipient: q.recipient.clone(),
        returned_on: today.to_string(),
        again,
        unchanged,
        processes,
    }
}

/// What a returned workbook says, in short (its answers, their cells and
/// the dependencies added): a review names it, so applying what was
/// reviewed can tell the file changed since.
pub(crate) fn fingerprint(returned: &ReturnedQuestionnaire) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    returned.questionnaire_id.to_string().hash(&mut h);
    for p in &returned.processes {
        p.process_id.to_string().hash(&mut h);
        p.sheet.hash(&mut h);
        for a in &p.answers {
            (&a.key, &a.text, &a.cell).hash(&mut h);
        }
        for d in &p.new_dependencies {
            (&d.kind, &d.name, &d.note, &d.cell).hash(&mut h);
        }
    }
    format!("{:016x}", h.finish())
}

/// Why nothing of a process's answers can be applied, if so.
pub(crate) fn blocked(process: Option<&Process>) -> Option<String> {
    match process {
        None => Some("The process was deleted after the questionnaire was sent.".into()),
        Some(_) => None,
    }
}

pub(crate) fn new_dependency(
    a: &Assessment,
    process: Option<&Process>,
    key: String,
    d: &bia_model::DependencyAnswer,
    sheet: &str,
) -> NewDependency {
    let name = d.name.trim();
    let mut out = NewDependency {
        key,
        kind: d.kind.trim().to_string(),
        name: name.to_string(),
        note: d.note.trim().to_string(),
        cell: sheet_cell(sheet, &d.cell),
        known: false,
        state: ChangeState::Proposed,
        message: String::new(),
    };
    let kind = read_kind(&d.kind);
    let target = target(a, kind, name);
    out.known = target.is_some();
    let invalid = if name.is_empty() {
        Some("The dependency has no name.".to_string())
    } else if kind.is_none() {
        Some(format!(
            "“{}” is not a kind of dependency ({}).",
            d.kind.trim(),
            kind_choices()
                .into_iter()
                .map(|(k, _)| k)
                .collect::<Vec<_>>()
                .join(", ")
        ))
    } else if kind == Some(None) && target.is_none() {
        Some(format!("No process is called “{name}”."))
    } else if let (Some(p), Some(t)) = (process, target) {
        if t == NodeRef::Process(p.id) {
            Some("A process cannot depend on itself.".into())
        } else if a
            .dependencies
            .iter()
            .any(|x| x.from == NodeRef::Process(p.id) && x.to == t)
        {
            Some(format!("“{}” already depends on “{name}”.", p.name))
        } else {
            None
        }
    } else {
        None
    };
    if let Some(why) = invalid {
        out.state = ChangeState::Invalid;
        out.message = why;
    }
    out
}

/// The kind an owner wrote: `Some(Some(kind))` a resource, `Some(None)` a
/// process, `None` unreadable. Blank reads as an application.
pub(crate) fn read_kind(text: &str) -> Option<Option<ResourceKind>> {
    let key = text.trim().to_lowercase();
    if key.is_empty() {
        return Some(Some(ResourceKind::Application));
    }
    if key == "process" {
        return Some(None);
    }
    kind_choices()
        .into_iter()
        .find(|(label, _)| label.to_lowercase() == key)
        .map(|(_, k)| k)
        .or_else(|| {
            ResourceKind::parse(&key)
                .filter(|k| !k.is_unclassified())
                .map(Some)
        })
}

/// What a new dependency points at, when it is known already.
pub(crate) fn target(
    a: &Assessment,
    kind: Option<Option<ResourceKind>>,
    name: &str,
) -> Option<NodeRef> {
    let key = name_key(name);
    match kind {
        Some(None) => a
            .processes
            .iter()
            .find(|p| name_key(&p.name) == key)
            .map(|p| NodeRef::Process(p.id)),
        Some(Some(k)) => a
            .resources
            .iter()
            .filter(|r| name_key(&r.name) == key)
            .min_by_key(|r| r.kind != k)
            .map(|r| NodeRef::Resource(r.id)),
        None => None,
    }
}

/// Marks answered objectives that break the analysis's rules with all the
/// owner's scores and objectives taken (an RTO not below the MTPD).
pub(crate) fn check_rules(
    a: &Assessment,
    look: &Lookup,
    process: Option<&Process>,
    review: &mut ProcessReview,
) {
    let Some(p) = process else { return };
    let taken: Vec<&FieldChange> = review
        .changes
        .iter()
        .filter(|c| c.state != ChangeState::Invalid)
        .collect();
    for v in violations(a, look, p, &taken) {
        if let Some(c) = review
            .changes
            .iter_mut()
            .find(|c| c.key == v.field && c.state != ChangeState::Invalid)
        {
            c.state = ChangeState::Invalid;
            c.message = v.message;
        }
    }
}

/// The rules the process's objectives break with `taken` answers applied
/// (an RTO not below the MTPD the scores then give).
pub(crate) fn violations(
    a: &Assessment,
    look: &Lookup,
    p: &Process,
    taken: &[&FieldChange],
) -> Vec<bia_analysis::Violation> {
    let (scores, objectives) = candidate(a, look, p, taken);
    bia_analysis::analyze_process(&a.methodology, p.id, &p.name, &scores, Some(&objectives))
        .violations
}

/// A process's scores and objectives with `taken` answers applied.
pub(crate) fn candidate(
    a: &Assessment,
    look: &Lookup,
    p: &Process,
    taken: &[&FieldChange],
) -> (Vec<Score>, Objectives) {
    let mut scores: Vec<Score> = look
        .scores
        .get(&p.id)
        .map(|s| s.iter().map(|s| (*s).clone()).collect())
        .unwrap_or_default();
    let mut objectives = look.objectives.get(&p.id).map_or_else(
        || Objectives {
            process_id: p.id,
            ..Default::default()
        },
        |o| (*o).clone(),
    );
    for c in taken {
        let Some(key) = AnswerKey::parse(&c.key) else {
            continue;
        };
        let Ok(value) = canonical(a, key, &c.answer) else {
            continue;
        };
        match key {
            AnswerKey::Score { category, horizon } => {
                let severity = value.parse().ok();
                match scores
                    .iter_mut()
                    .find(|s| s.category_id == category && s.horizon_id == horizon)
                {
                    Some(s) => s.severity = severity,
                    None => scores.push(Score {
                        process_id: p.id,
                        category_id: category,
                        horizon_id: horizon,
                        severity,
                        note: String::new(),
                        provenance: Provenance::Workshop,
                    }),
                }
            }
            AnswerKey::Objective(f) => set_objective(&mut objectives, f, &value),
            _ => {}
        }
    }
    (scores, objectives)
}

pub(crate) fn set_objective(o: &mut Objectives, f: ObjectiveField, value: &str) {
    let minutes = || duration::parse(value).ok();
    match f {
        ObjectiveField::Rto => o.rto = minutes(),
        ObjectiveField::Wrt => o.wrt = minutes(),
        ObjectiveField::Rpo if value == "n/a" => {
            o.rpo = None;
            o.rpo_not_applicable = true;
        }
        ObjectiveField::Rpo => {
            o.rpo = minutes();
            o.rpo_not_applicable = false;
        }
        ObjectiveField::Mbco => {
            o.mbco_percent = value.trim_end_matches('%').trim().parse().ok();
        }
        ObjectiveField::MtpdOverride => o.mtpd_override = minutes(),
    }
}
