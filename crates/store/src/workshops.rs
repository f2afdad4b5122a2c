//! Workshops: their record, participants, agenda and sign-offs. Each
//! change is one journaled edit. The store keeps the workshop's own
//! integrity: at most one runs, an agenda names stored processes once
//! each, a sign-off is by participants of a process on the agenda, a
//! finished workshop's agenda and sign-offs stay as they were. Actions
//! are in `actions.rs`.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::Store;
use super::journal::{self, Table, Tx};
use super::row::id_col;
use crate::error::{Error, Result};
use bia_model::{
    AgendaInput, AgendaItem, AgendaStatus, AgendaUpdate, FieldIssue, Id, MoveOn, Participant,
    ParticipantInput, Signoff, Status, Workshop, WorkshopInput, WorkshopStatus, check_timebox,
    clean_name, name_key,
};

const COLUMNS: &str = "id, title, date, start_time, place, facilitator, scribe, status, notes, \
                       started_at, finished_at";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Workshop> {
    let status: String = r.get(7)?;
    Ok(Workshop {
        id: id_col(r, 0)?,
        title: r.get(1)?,
        date: r.get(2)?,
        start_time: r.get(3)?,
        place: r.get(4)?,
        facilitator: r.get(5)?,
        scribe: r.get(6)?,
        status: WorkshopStatus::parse(&status).unwrap_or(WorkshopStatus::Planned),
        notes: r.get(8)?,
        started_at: r.get(9)?,
        finished_at: r.get(10)?,
        participants: Vec::new(),
        agenda: Vec::new(),
        signoffs: Vec::new(),
    })
}

/// Every workshop with its participants, agenda and sign-offs: the latest
/// date first.
pub(super) fn list(conn: &Connection) -> Result<Vec<Workshop>> {
    let mut workshops = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM workshop ORDER BY date DESC, start_time DESC, title"
        ))?
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    for w in &mut workshops {
        fill(conn, w)?;
    }
    Ok(workshops)
}

fn fill(conn: &Connection, w: &mut Workshop) -> Result<()> {
    let id = w.id.to_string();
    w.participants = conn
        .prepare_cached(
            "SELECT id, name, role, unit, contact, present FROM workshop_participant \
             WHERE workshop_id = ?1 ORDER BY position",
        )?
        .query_map([&id], |r| {
            Ok(Participant {
                id: id_col(r, 0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                unit: r.get(3)?,
                contact: r.get(4)?,
                present: r.get::<_, i64>(5)? == 1,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    w.agenda = conn
        .prepare_cached(
            "SELECT id, process_id, timebox_minutes, status, spent_seconds, notes FROM agenda_item \
             WHERE workshop_id = ?1 ORDER BY position",
        )?
        .query_map([&id], |r| {
            let status: String = r.get(3)?;
            Ok(AgendaItem {
                id: id_col(r, 0)?,
                process_id: id_col(r, 1)?,
                timebox_minutes: r.get(2)?,
                status: AgendaStatus::parse(&status).unwrap_or(AgendaStatus::Pending),
                spent_seconds: r.get(4)?,
                notes: r.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    w.signoffs = conn
        .prepare_cached(
            "SELECT s.id, s.process_id, s.by_names, s.at FROM signoff AS s \
             JOIN agenda_item AS a ON a.workshop_id = s.workshop_id AND a.process_id = s.process_id \
             WHERE s.workshop_id = ?1 ORDER BY a.position",
        )?
        .query_map([&id], |r| {
            let by: String = r.get(2)?;
            Ok(Signoff {
                id: id_col(r, 0)?,
                process_id: id_col(r, 1)?,
                by: serde_json::from_str(&by).unwrap_or_default(),
                at: r.get(3)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(())
}

pub(super) fn get(conn: &Connection, id: Id) -> Result<Workshop> {
    let mut w = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM workshop WHERE id = ?1"))?
        .query_row([id.to_string()], from_row)
        .optional()?
        .ok_or(Error::NoSuchId {
            kind: "workshop",
            id: id.to_string(),
        })?;
    fill(conn, &mut w)?;
    Ok(w)
}

fn running(conn: &Connection) -> Result<Option<Workshop>> {
    let id = conn
        .prepare_cached("SELECT id FROM workshop WHERE status = 'running'")?
        .query_row([], |r| id_col(r, 0))
        .optional()?;
    id.map(|id| get(conn, id)).transpose()
}

fn process_name(conn: &Connection, id: Id) -> Result<String> {
    conn.prepare_cached("SELECT name FROM process WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?
        .ok_or(Error::NoSuchId {
            kind: "process",
            id: id.to_string(),
        })
}

fn workshop_columns(input: &WorkshopInput) -> Result<Vec<(&'static str, Value)>> {
    let w = input.check().map_err(|issues| Error::Invalid { issues })?;
    Ok(vec![
        ("title", Value::Text(w.title)),
        ("date", Value::Text(w.date)),
        ("start_time", Value::Text(w.start_time)),
        ("place", Value::Text(w.place)),
        ("facilitator", Value::Text(w.facilitator)),
        ("scribe", Value::Text(w.scribe)),
        ("notes", Value::Text(w.notes)),
    ])
}

/// The participants as stored once cleaned: a name each, no name twice.
fn check_participants(people: &[ParticipantInput]) -> Result<Vec<ParticipantInput>> {
    let mut seen = std::collections::HashSet::new();
    let mut clean = Vec::with_capacity(people.len());
    for (i, p) in people.iter().enumerate() {
        let name = clean_name(&p.name);
        if name.is_empty() {
            return Err(Error::Invalid {
                issues: vec![FieldIssue::new(
                    "participants",
                    format!("Participant {} needs a name.", i + 1),
                )],
            });
        }
        if !seen.insert(name_key(&name)) {
            return Err(Error::Invalid {
                issues: vec![FieldIssue::new(
                    "participants",
                    format!("“{name}” is listed twice among the participants."),
                )],
            });
        }
        clean.push(ParticipantInput {
            id: p.id,
            name,
            role: clean_name(&p.role),
            unit: clean_name(&p.unit),
            contact: p.contact.trim().to_string(),
            present: p.present,
        });
    }
    Ok(clean)
}

/// Replaces the participants of `workshop` by `people`, keeping the rows
/// (and ids) of those given with their id.
fn write_participants(tx: &mut Tx, workshop: Id, people: &[ParticipantInput]) -> Result<()> {
    let people = check_participants(people)?;
    let old: Vec<Id> = tx
        .conn()
        .prepare_cached("SELECT id FROM workshop_participant WHERE workshop_id = ?1")?
        .query_map([workshop.to_string()], |r| id_col(r, 0))?
        .collect::<Result<Vec<_>, _>>()?;
    for id in &old {
        if !people.iter().any(|p| p.id == Some(*id)) {
            tx.delete(Table::WorkshopParticipant, *id)?;
        }
    }
    for (position, p) in people.iter().enumerate() {
        let cols = [
            ("position", Value::Integer(position as i64)),
            ("name", Value::Text(p.name.clone())),
            ("role", Value::Text(p.role.clone())),
            ("unit", Value::Text(p.unit.clone())),
            ("contact", Value::Text(p.contact.clone())),
            ("present", Value::Integer(p.present.into())),
        ];
        match p.id {
            Some(id) if old.contains(&id) => tx.update(Table::WorkshopParticipant, id, &cols)?,
            _ => {
                let mut all = vec![("workshop_id", Value::Text(workshop.to_string()))];
                all.extend(cols);
                tx.insert(Table::WorkshopParticipant, Id::new(), &all)?
            }
        }
    }
    Ok(())
}

/// Replaces the agenda of `workshop` by `agenda`, in its order: items of
/// processes already on it keep their status, time spent and notes; items
/// left out go (with their sign-offs).
fn write_agenda(tx: &mut Tx, workshop: Id, agenda: &[AgendaInput]) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for item in agenda {
        let name = process_name(tx.conn(), item.process_id)?;
        if !seen.insert(item.process_id) {
            return Err(Error::Invalid {
                issues: vec![FieldIssue::new(
                    "agenda",
                    format!("“{name}” is on the agenda twice."),
                )],
            });
        }
        check_timebox(item.timebox_minutes).map_err(|issue| Error::Invalid {
            issues: vec![FieldIssue::new(
                "agenda",
                format!("{} ({name})", issue.message),
            )],
        })?;
    }
    let old: Vec<(Id, Id)> = tx
        .conn()
        .prepare_cached("SELECT id, process_id FROM agenda_item WHERE workshop_id = ?1")?
        .query_map([workshop.to_string()], |r| {
            Ok((id_col(r, 0)?, id_col(r, 1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (id, process) in &old {
        if !agenda.iter().any(|a| a.process_id == *process) {
            if let Some(signoff) = signoff_id(tx.conn(), workshop, *process)? {
                tx.delete(Table::Signoff, signoff)?;
            }
            tx.delete(Table::AgendaItem, *id)?;
        }
    }
    for (position, item) in agenda.iter().enumerate() {
        let cols = [
            ("position", Value::Integer(position as i64)),
            (
                "timebox_minutes",
                Value::Integer(item.timebox_minutes.into()),
            ),
        ];
        match old.iter().find(|(_, p)| *p == item.process_id) {
            Some((id, _)) => tx.update(Table::AgendaItem, *id, &cols)?,
            None => {
                let mut all = vec![
                    ("workshop_id", Value::Text(workshop.to_string())),
                    ("process_id", Value::Text(item.process_id.to_string())),
                    ("status", Value::Text(AgendaStatus::Pending.as_str().into())),
                ];
                all.extend(cols);
                tx.insert(Table::AgendaItem, Id::new(), &all)?
            }
        }
    }
    Ok(())
}

fn signoff_id(conn: &Connection, workshop: Id, process: Id) -> Result<Option<Id>> {
    Ok(conn
        .prepare_cached("SELECT id FROM signoff WHERE workshop_id = ?1 AND process_id = ?2")?
        .query_row([workshop.to_string(), process.to_string()], |r| {
            id_col(r, 0)
        })
        .optional()?)
}

/// The rows of `workshop`'s own: its sign-offs, agenda and participants,
/// deleted before it; its actions are kept, raised by no workshop.
fn delete_belongings(tx: &mut Tx, workshop: Id) -> Result<()> {
    let ids = |tx: &Tx, sql: &str| -> Result<Vec<Id>> {
        Ok(tx
            .conn()
            .prepare(sql)?
            .query_map([workshop.to_string()], |r| id_col(r, 0))?
            .collect::<Result<Vec<_>, _>>()?)
    };
    for id in ids(tx, "SELECT id FROM signoff WHERE workshop_id = ?1")? {
        tx.delete(Table::Signoff, id)?;
    }
    for id in ids(tx, "SELECT id FROM agenda_item WHERE workshop_id = ?1")? {
        tx.delete(Table::AgendaItem, id)?;
    }
    for id in ids(
        tx,
        "SELECT id FROM workshop_participant WHERE workshop_id = ?1",
    )? {
        tx.delete(Table::WorkshopParticipant, id)?;
    }
    for id in ids(tx, "SELECT id FROM action WHERE workshop_id = ?1")? {
        tx.update(Table::Action, id, &[("workshop_id", Value::Null)])?;
    }
    Ok(())
}

/// The agenda items and sign-offs naming `process`, deleted with it (a
/// process's deletion; undoing it puts them back).
pub(super) fn forget_process(tx: &mut Tx, process: Id) -> Result<()> {
    let ids = |tx: &Tx, sql: &str| -> Result<Vec<Id>> {
        Ok(tx
            .conn()
            .prepare(sql)?
            .query_map([process.to_string()], |r| id_col(r, 0))?
            .collect::<Result<Vec<_>, _>>()?)
    };
    for id in ids(tx, "SELECT id FROM signoff WHERE process_id = ?1")? {
        tx.delete(Table::Signoff, id)?;
    }
    for id in ids(tx, "SELECT id FROM agenda_item WHERE process_id = ?1")? {
        tx.delete(Table::AgendaItem, id)?;
    }
    Ok(())
}

fn refuse_finished(w: &Workshop, doing: &'static str) -> Result<()> {
    if w.status == WorkshopStatus::Finished {
        return Err(Error::WorkshopFinished {
            title: w.title.clone(),
            doing,
        });
    }
    Ok(())
}

impl Store {
    /// Every workshop, the latest first.
    pub fn workshops(&self) -> Result<Vec<Workshop>> {
        list(&self.conn)
    }

    pub fn workshop(&self, id: Id) -> Result<Workshop> {
        get(&self.conn, id)
    }

    /// The workshop running now, if one is.
    pub fn running_workshop(&self) -> Result<Option<Workshop>> {
        running(&self.conn)
    }

    /// Plans a workshop: its record, participants and agenda, as one edit.
    pub fn create_workshop(
        &mut self,
        input: &WorkshopInput,
        participants: &[ParticipantInput],
        agenda: &[AgendaInput],
    ) -> Result<Workshop> {
        let cols = workshop_columns(input)?;
        let id = Id::new();
        let label = format!("Plan workshop “{}”", clean_name(&input.title));
        journal::edit(self.writable()?, &label, |tx| {
            let mut all = cols.clone();
            all.push((
                "status",
                Value::Text(WorkshopStatus::Planned.as_str().into()),
            ));
            tx.insert(Table::Workshop, id, &all)?;
            write_participants(tx, id, participants)?;
            write_agenda(tx, id, agenda)
        })?;
        get(&self.conn, id)
    }

    /// Changes a workshop's record, participants and agenda, as one edit.
    /// A finished workshop's agenda stays as it was run.
    pub fn update_workshop(
        &mut self,
        id: Id,
        input: &WorkshopInput,
        participants: &[ParticipantInput],
        agenda: &[AgendaInput],
    ) -> Result<Workshop> {
        let old = get(&self.conn, id)?;
        let cols = workshop_columns(input)?;
        let same_agenda = old.agenda.len() == agenda.len()
            && old.agenda.iter().zip(agenda).all(|(a, b)| {
                a.process_id == b.process_id && a.timebox_minutes == b.timebox_minutes
            });
        if !same_agenda {
            refuse_finished(&old, "given another agenda")?;
        }
        let label = format!("Edit workshop “{}”", clean_name(&input.title));
        journal::edit(self.writable()?, &label, |tx| {
            tx.update(Table::Workshop, id, &cols)?;
            write_participants(tx, id, participants)?;
            if !same_agenda {
                write_agenda(tx, id, agenda)?;
            }
            Ok(())
        })?;
        get(&self.conn, id)
    }

    /// Deletes a workshop with its participants, agenda and sign-offs;
    /// the actions it raised stay, raised by no workshop.
    pub fn delete_workshop(&mut self, id: Id) -> Result<()> {
        let old = get(&self.conn, id)?;
        journal::edit(
            self.writable()?,
            &format!("Delete workshop “{}”", old.title),
            |tx| {
                delete_belongings(tx, id)?;
                tx.delete(Table::Workshop, id)
            },
        )
    }

    /// Starts (or resumes) a workshop; refused while another one runs, and
    /// for a finished one. The first item still pending goes into
    /// discussion when none is.
    pub fn start_workshop(&mut self, id: Id, at: &str) -> Result<Workshop> {
        let w = get(&self.conn, id)?;
        refuse_finished(&w, "started again")?;
        if let Some(other) = running(&self.conn)?
            && other.id != id
        {
            return Err(Error::WorkshopRunning {
                running: other.title,
                title: w.title,
            });
        }
        if w.status == WorkshopStatus::Running {
            return Ok(w);
        }
        journal::edit(
            self.writable()?,
            &format!("Start workshop “{}”", w.title),
            |tx| {
                let mut cols = vec![(
                    "status",
                    Value::Text(WorkshopStatus::Running.as_str().into()),
                )];
                if w.started_at.is_empty() {
                    cols.push(("started_at", Value::Text(at.to_string())));
                }
                tx.update(Table::Workshop, id, &cols)?;
                let discussing = w
                    .agenda
                    .iter()
                    .any(|a| a.status == AgendaStatus::InDiscussion);
                if !discussing
                    && let Some(first) = w.agenda.iter().find(|a| a.status == AgendaStatus::Pending)
                {
                    tx.update(
                        Table::AgendaItem,
                        first.id,
                        &[(
                            "status",
                            Value::Text(AgendaStatus::InDiscussion.as_str().into()),
                        )],
                    )?;
                }
                Ok(())
            },
        )?;
        get(&self.conn, id)
    }

    /// Finishes a running (or planned) workshop: an item still in
    /// discussion is left as it stood.
    pub fn finish_workshop(&mut self, id: Id, at: &str) -> Result<Workshop> {
        let w = get(&self.conn, id)?;
        refuse_finished(&w, "finished again")?;
        journal::edit(
            self.writable()?,
            &format!("Finish workshop “{}”", w.title),
            |tx| {
                tx.update(
                    Table::Workshop,
                    id,
                    &[
                        (
                            "status",
                            Value::Text(WorkshopStatus::Finished.as_str().into()),
                        ),
                        ("finished_at", Value::Text(at.to_string())),
                    ],
                )
            },
        )?;
        get(&self.conn, id)
    }

    /// Changes one agenda item (its status, time box, time spent, notes);
    /// nothing else moves. The time spent alone is bookkeeping, not a
    /// value of the assessment: it is stored without an edit of its own,
    /// so the clock never fills the undo history (a journaled change of
    /// the item, undone, puts back the time it had then).
    pub fn update_agenda_item(
        &mut self,
        workshop: Id,
        process: Id,
        update: &AgendaUpdate,
    ) -> Result<Workshop> {
        let w = get(&self.conn, workshop)?;
        let name = process_name(&self.conn, process)?;
        let item = w.item_of(process).ok_or_else(|| Error::NotOnAgenda {
            process: name.clone(),
            workshop: w.title.clone(),
        })?;
        let mut cols = Vec::new();
        if let Some(status) = update.status {
            refuse_finished(&w, "moved on")?;
            cols.push(("status", Value::Text(status.as_str().into())));
        }
        if let Some(minutes) = update.timebox_minutes {
            let minutes = check_timebox(minutes).map_err(|i| Error::Invalid { issues: vec![i] })?;
            cols.push(("timebox_minutes", Value::Integer(minutes.into())));
        }
        if let Some(spent) = update.spent_seconds {
            cols.push(("spent_seconds", Value::Integer(spent.into())));
        }
        if let Some(notes) = &update.notes {
            cols.push(("notes", Value::Text(notes.trim().to_string())));
        }
        if cols.is_empty() {
            return Ok(w);
        }
        if let [("spent_seconds", spent)] = cols.as_slice() {
            self.writable()?.execute(
                "UPDATE agenda_item SET spent_seconds = ?1 WHERE id = ?2",
                rusqlite::params![spent, item.id.to_string()],
            )?;
            return get(&self.conn, workshop);
        }
        let label = match update.status {
            Some(s) => format!("Mark “{name}” {} in “{}”", s.label(), w.title),
            None => format!("Edit “{name}” on the agenda of “{}”", w.title),
        };
        let id = item.id;
        journal::edit(self.writable()?, &label, |tx| {
            tx.update(Table::AgendaItem, id, &cols)
        })?;
        get(&self.conn, workshop)
    }

    /// Moves on in a workshop as one edit: the item left gets its time
    /// and, if given, how it is left; the item gone to (given, or the next
    /// still to discuss after the one left) is put under discussion.
    /// Returns the workshop and the process now under discussion. When
    /// only the time changes, it is stored without an edit of its own.
    pub fn move_on(&mut self, workshop: Id, mv: &MoveOn) -> Result<(Workshop, Option<Id>)> {
        let w = get(&self.conn, workshop)?;
        refuse_finished(&w, "moved on")?;
        let item = |process: Id| -> Result<AgendaItem> {
            w.item_of(process)
                .cloned()
                .ok_or_else(|| Error::NotOnAgenda {
                    process: process_name(&self.conn, process).unwrap_or_default(),
                    workshop: w.title.clone(),
                })
        };
        let from = mv.from.map(item).transpose()?;
        let target = match mv.to {
            Some(p) => Some(item(p)?),
            None => {
                let after = from
                    .as_ref()
                    .and_then(|f| w.agenda.iter().position(|a| a.id == f.id))
                    .map_or(0, |i| i + 1);
                w.agenda[after..]
                    .iter()
                    .find(|a| {
                        matches!(a.status, AgendaStatus::Pending | AgendaStatus::InDiscussion)
                    })
                    .cloned()
            }
        };
        let target = target.filter(|t| from.as_ref().is_none_or(|f| f.id != t.id));
        let mut leaving: Vec<(&str, Value)> = Vec::new();
        if let Some(f) = &from {
            if let Some(spent) = mv.spent_seconds
                && spent != f.spent_seconds
            {
                leaving.push(("spent_seconds", Value::Integer(spent.into())));
            }
            if let Some(status) = mv.leaving_as
                && status != f.status
            {
                leaving.push(("status", Value::Text(status.as_str().into())));
            }
        }
        let starts = target
            .as_ref()
            .filter(|t| t.status == AgendaStatus::Pending);
        let at = target.as_ref().map(|t| t.process_id);
        let status_changes = leaving.iter().any(|(c, _)| *c == "status") || starts.is_some();
        if !status_changes {
            if let (Some(f), [(_, spent)]) = (&from, leaving.as_slice()) {
                self.writable()?.execute(
                    "UPDATE agenda_item SET spent_seconds = ?1 WHERE id = ?2",
                    rusqlite::params![spent, f.id.to_string()],
                )?;
            }
            return Ok((get(&self.conn, workshop)?, at));
        }
        let name = |i: &AgendaItem| process_name(&self.conn, i.process_id).unwrap_or_default();
        let label = match (&from, mv.leaving_as, &target) {
            (Some(f), Some(s), Some(t)) => format!(
                "Mark “{}” {} and move on to “{}” in “{}”",
                name(f),
                s.label(),
                name(t),
                w.title
            ),
            (Some(f), Some(s), None) => {
                format!("Mark “{}” {} in “{}”", name(f), s.label(), w.title)
            }
            (_, _, Some(t)) => format!("Move on to “{}” in “{}”", name(t), w.title),
            (_, _, None) => format!("Move on in “{}”", w.title),
        };
        let started = starts.map(|t| t.id);
        journal::edit(self.writable()?, &label, |tx| {
            if let (Some(f), false) = (&from, leaving.is_empty()) {
                tx.update(Table::AgendaItem, f.id, &leaving)?;
            }
            if let Some(id) = started {
                tx.update(
                    Table::AgendaItem,
                    id,
                    &[(
                        "status",
                        Value::Text(AgendaStatus::InDiscussion.as_str().into()),
                    )],
                )?;
            }
            Ok(())
        })?;
        Ok((get(&self.conn, workshop)?, at))
    }

    /// Ticks a participant present or absent.
    pub fn set_participant_present(
        &mut self,
        workshop: Id,
        participant: Id,
        present: bool,
    ) -> Result<Workshop> {
        let w = get(&self.conn, workshop)?;
        let p = w
            .participants
            .iter()
            .find(|p| p.id == participant)
            .ok_or(Error::NoSuchId {
                kind: "participant",
                id: participant.to_string(),
            })?;
        let label = format!(
            "Mark {} {} at “{}”",
            p.name,
            if present { "present" } else { "absent" },
            w.title
        );
        journal::edit(self.writable()?, &label, |tx| {
            tx.update(
                Table::WorkshopParticipant,
                participant,
                &[("present", Value::Integer(present.into()))],
            )
        })?;
        get(&self.conn, workshop)
    }

    /// Records that `by` (participants, by name) confirmed the values
    /// agreed for `process`, replacing an earlier sign-off of it in this
    /// workshop; with `status`, moves the process to it in the same edit
    /// (logged as a decision).
    pub fn sign_off(
        &mut self,
        workshop: Id,
        process: Id,
        by: &[String],
        status: Option<Status>,
        at: &str,
    ) -> Result<Workshop> {
        let w = get(&self.conn, workshop)?;
        let name = process_name(&self.conn, process)?;
        if w.item_of(process).is_none() {
            return Err(Error::NotOnAgenda {
                process: name,
                workshop: w.title,
            });
        }
        let mut names = Vec::new();
        let mut strangers = Vec::new();
        for who in by {
            let who = clean_name(who);
            if who.is_empty() {
                continue;
            }
            match w.participant_named(&who) {
                Some(p) if !names.contains(&p.name) => names.push(p.name.clone()),
                Some(_) => {}
                None => strangers.push(who),
            }
        }
        if !strangers.is_empty() {
            return Err(Error::NotAParticipant {
                names: strangers,
                workshop: w.title,
            });
        }
        if names.is_empty() {
            return Err(Error::Invalid {
                issues: vec![FieldIssue::new(
                    "by",
                    "Name at least one participant who confirms the values.",
                )],
            });
        }
        let by_names = serde_json::to_string(&names).unwrap_or_default();
        let existing = signoff_id(&self.conn, workshop, process)?;
        let label = format!("Sign off “{name}” in “{}”", w.title);
        let current_status: String = self.conn.query_row(
            "SELECT status FROM process WHERE id = ?1",
            [process.to_string()],
            |r| r.get(0),
        )?;
        journal::edit(self.writable()?, &label, |tx| {
            let cols = [
                ("by_names", Value::Text(by_names.clone())),
                ("at", Value::Text(at.to_string())),
            ];
            match existing {
                Some(id) => tx.update(Table::Signoff, id, &cols)?,
                None => {
                    let mut all = vec![
                        ("workshop_id", Value::Text(workshop.to_string())),
                        ("process_id", Value::Text(process.to_string())),
                    ];
                    all.extend(cols);
                    tx.insert(Table::Signoff, Id::new(), &all)?
                }
            }
            if let Some(status) = status
                && Status::parse(&current_status) != Some(status)
            {
                tx.decision.rationale = format!("Signed off by {}", names.join(", "));
                tx.update(
                    Table::Process,
                    process,
                    &[("status", Value::Text(status.as_str().into()))],
                )?;
            }
            Ok(())
        })?;
        get(&self.conn, workshop)
    }
}
