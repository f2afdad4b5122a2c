//! Applying a review's accepted answers through the store's writer.

use std::collections::HashSet;

use bia_model::{
    Acceptance, Answer, AnswerKey, Assessment, ChangeState, DetailField, FieldChange, Id,
    ImportedValue, NodeRef, Objectives, Provenance, QuestionnaireReview, ReturnedQuestionnaire,
    Status,
};
use bia_store::{QuestionnaireRecord, QuestionnaireValues};

use super::review::*;
use super::values::*;

/// Whether `acceptance` takes a change of `process` named `key` in `state`.
fn accepts(acceptance: &Acceptance, process: Id, key: &str, state: ChangeState) -> bool {
    if state == ChangeState::Invalid {
        return false;
    }
    match acceptance {
        Acceptance::All => true,
        Acceptance::None => false,
        Acceptance::NonConflicting => state == ChangeState::Proposed,
        Acceptance::Only(keys) => {
            let wanted = format!("{process} {key}");
            keys.iter().any(|k| k.trim() == wanted)
        }
    }
}

/// The answers of a return as kept for the next one (raw texts by key).
pub(crate) fn received(
    q: &QuestionnaireRecord,
    returned: &ReturnedQuestionnaire,
) -> QuestionnaireValues {
    let mut out = q.received.clone();
    for rp in &returned.processes {
        let entry = out.entry(rp.process_id).or_default();
        for Answer { key, text, .. } in &rp.answers {
            if !text.trim().is_empty() {
                entry.insert(key.clone(), text.trim().to_string());
            }
        }
        for (i, d) in rp.new_dependencies.iter().enumerate() {
            entry.insert(format!("dependency:{}", i + 1), dependency_text(d));
        }
    }
    out
}

/// Counts of what applying did.
#[derive(Default)]
pub(crate) struct Tally {
    pub applied: u32,
    pub rejected: u32,
    pub invalid: u32,
}

/// Applies the accepted answers of `review` through `w` (one edit under
/// way): scores, details, objectives, comments into notes, new
/// dependencies; every value records the cell it was read from.
pub(crate) fn apply(
    w: &mut bia_store::Writer,
    a: &Assessment,
    q: &QuestionnaireRecord,
    returned: &ReturnedQuestionnaire,
    review: &QuestionnaireReview,
    acceptance: &Acceptance,
) -> bia_store::Result<Tally> {
    let look = Lookup::new(a);
    let mut tally = Tally::default();
    for pr in &review.processes {
        let count = |t: &mut Tally, taken: bool, state: ChangeState| {
            if state == ChangeState::Invalid {
                t.invalid += 1;
            } else if !taken {
                t.rejected += 1;
            }
        };
        let Some(p) = look.process(pr.process_id) else {
            tally.invalid +=
                (pr.changes.len() + pr.comments.len() + pr.new_dependencies.len()) as u32;
            continue;
        };
        let sheet = returned
            .processes
            .iter()
            .find(|r| r.process_id == p.id)
            .map_or_else(|| pr.sheet.clone(), |r| r.sheet.clone());
        let cell_of = |c: &FieldChange| {
            returned
                .processes
                .iter()
                .find(|r| r.process_id == p.id)
                .and_then(|r| r.answers.iter().find(|x| x.key == c.key))
                .map(|x| x.cell.clone())
                .unwrap_or_default()
        };
        let provenance = |cell: String, values: Vec<ImportedValue>| Provenance::Questionnaire {
            questionnaire_id: q.id,
            recipient: q.recipient.clone(),
            returned_on: review.returned_on.clone(),
            sheet: sheet.clone(),
            cell,
            values,
        };
        let mut taken: Vec<&FieldChange> = Vec::new();
        for c in &pr.changes {
            let take = accepts(acceptance, p.id, &c.key, c.state);
            count(&mut tally, take, c.state);
            if take {
                taken.push(c);
            }
        }
        // Objectives taken must still fit with the scores taken.
        let broken: HashSet<String> = violations(a, &look, p, &taken)
            .into_iter()
            .map(|v| v.field)
            .collect();
        taken.retain(|c| {
            let keep = !broken.contains(&c.key);
            if !keep {
                tally.invalid += 1;
            }
            keep
        });
        let taking_any = !taken.is_empty()
            || pr
                .comments
                .iter()
                .chain(pr.changes.iter())
                .any(|c| accepts(acceptance, p.id, &c.key, c.state))
            || pr
                .new_dependencies
                .iter()
                .any(|d| accepts(acceptance, p.id, &d.key, d.state));
        if p.status == Status::Approved && taking_any {
            // Approved processes are locked: taking an owner's answers
            // reopens it for review, in this edit (the log says so).
            w.set_status(p.id, Status::InReview)?;
        }
        let mut input = p.to_input();
        input.status = if p.status == Status::Approved && taking_any {
            Status::InReview
        } else {
            p.status
        };
        let mut detail_values = Vec::new();
        let mut objectives = look.objectives.get(&p.id).map_or_else(
            || Objectives {
                process_id: p.id,
                ..Default::default()
            },
            |o| (*o).clone(),
        );
        let mut objective_values = Vec::new();
        for c in &taken {
            let Some(key) = AnswerKey::parse(&c.key) else {
                continue;
            };
            let Ok(value) = canonical(a, key, &c.answer) else {
                continue;
            };
            let cell = cell_of(c);
            match key {
                AnswerKey::Score { category, horizon } => {
                    let input = bia_model::ScoreInput {
                        category_id: category,
                        horizon_id: horizon,
                        severity: value.parse().ok(),
                        note: None,
                    };
                    w.set_score(p.id, &input, &provenance(cell, Vec::new()))?;
                }
                AnswerKey::Detail(d) => {
                    match d {
                        DetailField::Description => input.description = value.clone(),
                        DetailField::PeakPeriods => input.peak_periods = value.clone(),
                        DetailField::MinimumStaff => input.minimum_staff = value.parse().ok(),
                        DetailField::Workaround => input.workaround = value.clone(),
                    }
                    detail_values.push(ImportedValue {
                        field: d.key().into(),
                        cell,
                        value,
                    });
                }
                AnswerKey::Objective(f) => {
                    set_objective(&mut objectives, f, &value);
                    objective_values.push(ImportedValue {
                        field: f.key().into(),
                        cell,
                        value,
                    });
                }
                AnswerKey::Comment(_) => {}
            }
            tally.applied += 1;
        }
        let mut notes = Vec::new();
        for c in &pr.comments {
            let take = accepts(acceptance, p.id, &c.key, c.state);
            count(&mut tally, take, c.state);
            if take {
                notes.push(format!(
                    "{} (questionnaire, {}, {}): {}",
                    c.label, q.recipient, review.returned_on, c.answer
                ));
                detail_values.push(ImportedValue {
                    field: "notes".into(),
                    cell: cell_of(c),
                    value: c.answer.clone(),
                });
                tally.applied += 1;
            }
        }
        if !notes.is_empty() {
            let mut text = input.notes.trim_end().to_string();
            for n in notes {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(&n);
            }
            input.notes = text;
        }
        if !detail_values.is_empty() {
            w.replace_process(p.id, &input, &provenance(String::new(), detail_values))?;
        }
        if !objective_values.is_empty() {
            objectives.provenance = provenance(String::new(), objective_values);
            w.put_objectives(p.id, &objectives)?;
        }
        for d in &pr.new_dependencies {
            let take = accepts(acceptance, p.id, &d.key, d.state);
            count(&mut tally, take, d.state);
            if !take {
                continue;
            }
            let kind = read_kind(&d.kind).flatten();
            let to = match target(a, read_kind(&d.kind), &d.name) {
                Some(t) => t,
                None => {
                    let Some(kind) = kind else { continue };
                    let input = bia_model::ResourceInput {
                        kind,
                        name: d.name.clone().into(),
                        ..Default::default()
                    };
                    let cell = d.cell.rsplit('!').next().unwrap_or_default().to_string();
                    NodeRef::Resource(w.create_resource(&input, &provenance(cell, Vec::new()))?)
                }
            };
            if w.link(
                NodeRef::Process(p.id),
                to,
                bia_model::Strength::Required,
                &d.note,
            )? {
                tally.applied += 1;
            }
        }
    }
    Ok(tally)
}
