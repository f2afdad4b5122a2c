//! Questionnaires: sending each owner (or unit) a workbook of their
//! processes, keeping track, and taking the answers back (see
//! `crate::questionnaires` for the comparison and what applying does).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use bia_model::{
    Acceptance, Id, Questionnaire, QuestionnaireReview, QuestionnaireStatus, ReceiveOutcome,
    ReturnedQuestionnaire, SendInput, name_key,
};
use bia_store::QuestionnaireRecord;

use super::Workbench;
use crate::error::{Error, Result};
use crate::questionnaires::{self as q, SentQuestionnaire};

impl Workbench {
    /// Every questionnaire sent, the latest first; one sent and not
    /// returned by its due date reads as overdue.
    pub fn questionnaires(&self) -> Result<Vec<Questionnaire>> {
        let names = self.process_names()?;
        let today = q::today();
        Ok(self
            .store
            .questionnaires()?
            .iter()
            .map(|r| q::listed(r, &names, &today))
            .collect())
    }

    pub fn questionnaire(&self, id: Id) -> Result<Questionnaire> {
        let names = self.process_names()?;
        Ok(q::listed(
            &self.store.questionnaire(id)?,
            &names,
            &q::today(),
        ))
    }

    /// Every process's name by its id.
    fn process_names(&self) -> Result<HashMap<Id, String>> {
        Ok(self
            .processes()?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect())
    }

    /// The questionnaire `text` names: its id, or its recipient (as names
    /// compare; the latest sent to them).
    pub fn questionnaire_named(&self, text: &str) -> Result<Questionnaire> {
        if let Ok(id) = text.trim().parse::<Id>() {
            return self.questionnaire(id);
        }
        let key = name_key(text);
        self.questionnaires()?
            .into_iter()
            .find(|q| name_key(&q.recipient) == key)
            .ok_or_else(|| {
                bia_store::Error::NoSuchName {
                    kind: "questionnaire",
                    name: text.trim().to_string(),
                }
                .into()
            })
    }

    /// Writes one workbook per recipient into `dir` (made if missing) and
    /// records them as sent, as one edit. Nothing is recorded, and no
    /// workbook left, if any cannot be written.
    pub fn send_questionnaires(
        &mut self,
        input: &SendInput,
        dir: &Path,
    ) -> Result<Vec<SentQuestionnaire>> {
        let today = q::today();
        let due = self.due(input, &today)?;
        let a = self.assessment()?;
        let analysis = self.analysis()?;
        let return_to = if input.return_to.trim().is_empty() {
            a.info.facilitator.clone()
        } else {
            bia_model::clean_name(&input.return_to)
        };
        let groups = q::group(&a, &input.processes, input.recipients)?;
        let look = q::Lookup::new(&a).with_analysis(&analysis);
        let names: HashMap<Id, String> =
            a.processes.iter().map(|p| (p.id, p.name.clone())).collect();
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        // The forms and the files' names first (names reserved in turn, so
        // two recipients never get one file), then the workbooks written on
        // every core: writing is what a round of many owners spends its time on.
        let mut records = Vec::new();
        let mut planned: Vec<(bia_model::QuestionnaireForm, PathBuf)> = Vec::new();
        let mut taken: HashSet<PathBuf> = HashSet::new();
        for (recipient, processes) in &groups {
            let sending = q::Sending {
                id: Id::new(),
                recipient,
                recipients: input.recipients,
                processes,
                sent_on: &today,
                due: &due,
                return_to: &return_to,
            };
            let (form, sent) = q::form(&look, &sending);
            let path = q::file_for(dir, recipient, &a.info.name, &taken);
            taken.insert(path.clone());
            records.push(q::record(&sending, &path, sent));
            planned.push((form, path));
        }
        let (written, failed) = write_all(&planned);
        let result = match failed {
            Some(e) => Err(e),
            None => self.store.record_sent(&records).map_err(Error::from),
        };
        if let Err(e) = result {
            for path in &written {
                let _ = std::fs::remove_file(path);
            }
            return Err(e);
        }
        let written: Vec<PathBuf> = planned.into_iter().map(|(_, p)| p).collect();
        Ok(records
            .iter()
            .zip(written)
            .map(|(r, path)| SentQuestionnaire {
                questionnaire: q::listed(r, &names, &today),
                path: path.display().to_string(),
            })
            .collect())
    }

    fn due(&self, input: &SendInput, today: &str) -> Result<String> {
        if input.due.trim().is_empty() {
            let d = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap_or_default()
                + chrono::Days::new(bia_model::DEFAULT_DUE_DAYS as u64);
            return Ok(d.format("%Y-%m-%d").to_string());
        }
        let due = bia_model::parse_date(&input.due).map_err(|message| Error::Invalid {
            issues: vec![bia_model::FieldIssue::new("due", message)],
        })?;
        if due.as_str() < today {
            return Err(Error::Invalid {
                issues: vec![bia_model::FieldIssue::new(
                    "due",
                    format!("The due date {due} is before today ({today})."),
                )],
            });
        }
        Ok(due)
    }

    /// Writes a questionnaire's workbook again into `dir`, with the values
    /// as they are now, sent today (the same questionnaire: a return of
    /// the earlier workbook is still taken).
    pub fn resend_questionnaire(&mut self, id: Id, dir: &Path) -> Result<SentQuestionnaire> {
        let old = self.store.questionnaire(id)?;
        let a = self.assessment()?;
        let analysis = self.analysis()?;
        let today = q::today();
        let processes: Vec<&bia_model::Process> = old
            .processes
            .iter()
            .filter_map(|sp| a.processes.iter().find(|p| p.id == sp.id))
            .collect();
        if processes.is_empty() {
            return Err(Error::NothingToSend);
        }
        let due = if old.due.as_str() < today.as_str() {
            self.due(&SendInput::default(), &today)?
        } else {
            old.due.clone()
        };
        let sending = q::Sending {
            id,
            recipient: &old.recipient,
            recipients: old.recipients,
            processes: &processes,
            sent_on: &today,
            due: &due,
            return_to: &old.return_to,
        };
        let look = q::Lookup::new(&a).with_analysis(&analysis);
        let (form, sent) = q::form(&look, &sending);
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = q::file_for(dir, &old.recipient, &a.info.name, &HashSet::new());
        bia_excel::export::write_questionnaire(&form, &path)?;
        let mut record = q::record(&sending, &path, sent);
        record.received = old.received.clone();
        if let Err(e) = self.store.record_resent(&record) {
            let _ = std::fs::remove_file(&path);
            return Err(e.into());
        }
        let names: HashMap<Id, String> =
            a.processes.iter().map(|p| (p.id, p.name.clone())).collect();
        Ok(SentQuestionnaire {
            questionnaire: q::listed(&record, &names, &today),
            path: path.display().to_string(),
        })
    }

    /// Withdraws a questionnaire: its return is refused from now on.
    pub fn withdraw_questionnaire(&mut self, id: Id) -> Result<Questionnaire> {
        self.store.withdraw_questionnaire(id)?;
        self.questionnaire(id)
    }

    /// Forgets a questionnaire (the workbooks sent are not touched).
    pub fn delete_questionnaire(&mut self, id: Id) -> Result<()> {
        Ok(self.store.delete_questionnaire(id)?)
    }

    /// Reads a returned workbook and the questionnaire it answers:
    /// refused when it is no questionnaire, another assessment's, one this
    /// file has no record of, or withdrawn.
    fn returned(&self, path: &Path) -> Result<(ReturnedQuestionnaire, QuestionnaireRecord)> {
        let returned = bia_excel::import::read_questionnaire(path)?;
        let info = self.info()?;
        if returned.assessment_id != info.id {
            return Err(Error::OtherAssessment {
                path: path.to_path_buf(),
                assessment: info.name,
            });
        }
        let record = match self.store.questionnaire(returned.questionnaire_id) {
            Ok(r) => r,
            Err(bia_store::Error::NoSuchId { .. }) => {
                return Err(Error::UnknownQuestionnaire {
                    path: path.to_path_buf(),
                });
            }
            Err(e) => return Err(e.into()),
        };
        if record.status == QuestionnaireStatus::Withdrawn {
            return Err(Error::WithdrawnQuestionnaire {
                path: path.to_path_buf(),
                recipient: record.recipient,
            });
        }
        Ok((returned, record))
    }

    /// What a returned workbook proposes, side by side with what was sent
    /// and what the assessment holds now. Changes nothing.
    pub fn review_questionnaire(&self, path: &Path) -> Result<QuestionnaireReview> {
        let (returned, record) = self.returned(path)?;
        let a = self.assessment()?;
        Ok(q::review(
            &a,
            &record,
            &returned,
            &file_name(path),
            &q::today(),
        ))
    }

    /// Takes a returned workbook's answers as `acceptance` says, as one
    /// edit after a backup: the values accepted (each recording the cell
    /// it came from), comments into the processes' notes, new dependencies,
    /// and the return recorded (a later return lists only what changed).
    ///
    /// `reviewed`, the fingerprint of the review the facilitator accepted
    /// from: refused (`questionnaire_changed`) if the workbook says
    /// something else now, so what is applied is what was reviewed.
    pub fn receive_questionnaire(
        &mut self,
        path: &Path,
        acceptance: &Acceptance,
        reviewed: Option<&str>,
    ) -> Result<ReceiveOutcome> {
        let (returned, record) = self.returned(path)?;
        let a = self.assessment()?;
        let today = q::today();
        let review = q::review(&a, &record, &returned, &file_name(path), &today);
        if reviewed.is_some_and(|f| f != review.fingerprint) {
            return Err(Error::QuestionnaireChanged {
                path: path.to_path_buf(),
            });
        }
        let received = q::received(&record, &returned);
        let backup = if matches!(acceptance, Acceptance::None) {
            None
        } else {
            Some(self.store.backup_before_questionnaire()?)
        };
        let label = format!("Take the answers {} returned", record.recipient);
        let rationale = format!(
            "questionnaire, returned by {} on {}",
            record.recipient,
            q::readable_date(&today)
        );
        let tally = self.store.edit(&label, &rationale, |w| {
            let tally = q::apply(w, &a, &record, &returned, &review, acceptance)?;
            let status = if tally.applied > 0 || record.status == QuestionnaireStatus::Applied {
                QuestionnaireStatus::Applied
            } else {
                QuestionnaireStatus::Returned
            };
            w.record_return(record.id, &today, &received, status)?;
            Ok(tally)
        })?;
        Ok(ReceiveOutcome {
            questionnaire_id: record.id,
            applied: tally.applied,
            rejected: tally.rejected,
            invalid: tally.invalid,
            backup: backup.map(|p| p.display().to_string()),
        })
    }
}

/// Writes each form to its path, on as many threads as there are cores;
/// returns the files written and the first failure, if any.
fn write_all(planned: &[(bia_model::QuestionnaireForm, PathBuf)]) -> (Vec<PathBuf>, Option<Error>) {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, planned.len().max(1));
    let outcomes: Vec<(PathBuf, Result<()>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    planned
                        .iter()
                        .skip(t)
                        .step_by(threads)
                        .map(|(form, path)| {
                            let done = bia_excel::export::write_questionnaire(form, path)
                                .map_err(Error::from);
                            (path.clone(), done)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let mut written = Vec::new();
    let mut failed = None;
    for (path, done) in outcomes {
        match done {
            Ok(()) => written.push(path),
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    (written, failed)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}
