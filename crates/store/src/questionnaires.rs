//! Questionnaires sent to process owners: to whom, which processes, when,
//! due when, the values as sent and the latest return's answers. Each
//! change is one journaled edit; receiving answers is part of the edit
//! that applies them ([`Writer::record_return`]).

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::Store;
use super::journal::{self, Table};
use super::row::id_col;
use super::writer::Writer;
use crate::error::{Error, Result};
use bia_model::{Id, QuestionnaireStatus, Recipients};

/// Texts by answer key, by process id: the values a questionnaire sent,
/// or the answers of its latest return.
pub type Values = BTreeMap<Id, BTreeMap<String, String>>;

/// A process as a questionnaire named it when sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentProcess {
    pub id: Id,
    pub name: String,
}

/// A questionnaire as the file keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionnaireRecord {
    pub id: Id,
    pub recipient: String,
    pub recipients: Recipients,
    pub processes: Vec<SentProcess>,
    pub sent_on: String,
    pub due: String,
    pub return_to: String,
    pub returned_on: String,
    /// Sent, returned, applied or withdrawn (never overdue: that is
    /// worked out when listed).
    pub status: QuestionnaireStatus,
    pub file_name: String,
    pub sent: Values,
    pub received: Values,
}

const COLUMNS: &str = "id, recipient, recipients, processes, sent_on, due, return_to, \
                       returned_on, status, file_name, sent_values, received";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<QuestionnaireRecord> {
    let recipients: String = r.get(2)?;
    let status: String = r.get(8)?;
    let json = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    Ok(QuestionnaireRecord {
        id: id_col(r, 0)?,
        recipient: r.get(1)?,
        recipients: Recipients::parse(&recipients).unwrap_or_default(),
        processes: serde_json::from_str(&json(3)?).unwrap_or_default(),
        sent_on: r.get(4)?,
        due: r.get(5)?,
        return_to: r.get(6)?,
        returned_on: r.get(7)?,
        status: QuestionnaireStatus::parse(&status).unwrap_or(QuestionnaireStatus::Sent),
        file_name: r.get(9)?,
        sent: serde_json::from_str(&json(10)?).unwrap_or_default(),
        received: serde_json::from_str(&json(11)?).unwrap_or_default(),
    })
}

fn list(conn: &Connection) -> Result<Vec<QuestionnaireRecord>> {
    let rows = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM questionnaire ORDER BY sent_on DESC, recipient, rowid"
        ))?
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn get(conn: &Connection, id: Id) -> Result<QuestionnaireRecord> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM questionnaire WHERE id = ?1"
    ))?
    .query_row([id.to_string()], from_row)
    .optional()?
    .ok_or(Error::NoSuchId {
        kind: "questionnaire",
        id: id.to_string(),
    })
}

fn json<T: Serialize>(value: &T) -> Value {
    Value::Text(serde_json::to_string(value).unwrap_or_default())
}

fn columns(q: &QuestionnaireRecord) -> Vec<(&'static str, Value)> {
    vec![
        ("recipient", Value::Text(q.recipient.clone())),
        ("recipients", Value::Text(q.recipients.as_str().into())),
        ("processes", json(&q.processes)),
        ("sent_on", Value::Text(q.sent_on.clone())),
        ("due", Value::Text(q.due.clone())),
        ("return_to", Value::Text(q.return_to.clone())),
        ("returned_on", Value::Text(q.returned_on.clone())),
        ("status", Value::Text(q.status.as_str().into())),
        ("file_name", Value::Text(q.file_name.clone())),
        ("sent_values", json(&q.sent)),
        ("received", json(&q.received)),
    ]
}

impl Store {
    /// Every questionnaire sent, the latest first.
    pub fn questionnaires(&self) -> Result<Vec<QuestionnaireRecord>> {
        list(&self.conn)
    }

    pub fn questionnaire(&self, id: Id) -> Result<QuestionnaireRecord> {
        get(&self.conn, id)
    }

    /// Records questionnaires just written, as one edit.
    pub fn record_sent(&mut self, sent: &[QuestionnaireRecord]) -> Result<()> {
        let label = match sent {
            [one] => format!("Send a questionnaire to {}", one.recipient),
            _ => format!("Send {} questionnaires", sent.len()),
        };
        journal::edit(self.writable()?, &label, |tx| {
            for q in sent {
                tx.insert(Table::Questionnaire, q.id, &columns(q))?;
            }
            Ok(())
        })
    }

    /// Records a questionnaire written again (the values as they are now,
    /// sent today).
    pub fn record_resent(&mut self, q: &QuestionnaireRecord) -> Result<()> {
        get(&self.conn, q.id)?;
        let label = format!("Send the questionnaire to {} again", q.recipient);
        journal::edit(self.writable()?, &label, |tx| {
            tx.update(Table::Questionnaire, q.id, &columns(q))
        })
    }

    /// Withdraws a questionnaire: a return of it is refused from now on.
    pub fn withdraw_questionnaire(&mut self, id: Id) -> Result<QuestionnaireRecord> {
        let q = get(&self.conn, id)?;
        let label = format!("Withdraw the questionnaire sent to {}", q.recipient);
        journal::edit(self.writable()?, &label, |tx| {
            tx.update(
                Table::Questionnaire,
                id,
                &[(
                    "status",
                    Value::Text(QuestionnaireStatus::Withdrawn.as_str().into()),
                )],
            )
        })?;
        get(&self.conn, id)
    }

    /// Deletes a questionnaire's record (the files sent are not touched).
    pub fn delete_questionnaire(&mut self, id: Id) -> Result<()> {
        let q = get(&self.conn, id)?;
        let label = format!("Delete the questionnaire sent to {}", q.recipient);
        journal::edit(self.writable()?, &label, |tx| {
            tx.delete(Table::Questionnaire, id)
        })
    }
}

impl Writer<'_, '_> {
    /// Records a return of questionnaire `id` on `returned_on` with its
    /// `answers` (replacing an earlier return's), as returned or applied.
    pub fn record_return(
        &mut self,
        id: Id,
        returned_on: &str,
        answers: &Values,
        status: QuestionnaireStatus,
    ) -> Result<()> {
        get(self.tx.conn(), id)?;
        self.tx.update(
            Table::Questionnaire,
            id,
            &[
                ("returned_on", Value::Text(returned_on.to_string())),
                ("received", json(answers)),
                ("status", Value::Text(status.as_str().into())),
            ],
        )
    }
}
