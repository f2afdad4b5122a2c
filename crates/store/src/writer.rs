//! Several writes as one journaled edit, for the actions of the application
//! layer that span tables (applying an import plan, building an assessment
//! from its own exported workbook): [`Store::edit`] opens the transaction
//! and hands out a [`Writer`]; everything written through it is stored and
//! recorded for undo as one edit, or — on any error, or a cancel signalled
//! by the caller's error — not at all.
//!
//! The writer persists and keeps the store's own guarantees (unique names,
//! known units and methodology ids, the approval lock); it decides nothing
//! about what to write.

use std::path::PathBuf;

use rusqlite::OptionalExtension;
use rusqlite::types::Value;
use rustc_hash::FxHashSet;

use super::Store;
use super::journal::{self, Table, Tx};
use crate::error::Result;
use bia_model::{
    Id, IdText, Methodology, NodeRef, Objectives, ProcessInput, Provenance, ResourceInput,
    ScoreInput, Strength, Unit, UnitInput,
};

/// Where a score came from, without its cell, as stored once for many
/// ([`Writer::source`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source(i64);

/// Writes inside one edit under way (see [`Store::edit`]).
pub struct Writer<'t, 'c> {
    pub(crate) tx: &'t mut Tx<'c>,
    /// The links this edit added, (from, to): a link from a process or a
    /// resource new in this edit can only be a duplicate of one of them.
    links: FxHashSet<(Id, Id)>,
}

impl Store {
    /// Runs `f` as one journaled edit called `label`, with `rationale`
    /// recorded on any decision it implies.
    pub fn edit<T>(
        &mut self,
        label: &str,
        rationale: &str,
        f: impl FnOnce(&mut Writer) -> Result<T>,
    ) -> Result<T> {
        journal::edit(self.writable()?, label, |tx| {
            tx.decision.rationale = rationale.to_string();
            f(&mut Writer {
                tx,
                links: FxHashSet::default(),
            })
        })
    }

    /// Copies the open file next to itself (SQLite online backup) before
    /// an import: `name.bia` → `name.before-import-STAMP.bia`.
    /// Refused on a read-only file (the import could not be written).
    pub fn backup_before_import(&mut self) -> Result<PathBuf> {
        self.writable()?;
        super::file::backup::tagged(&self.conn, &self.path, "before-import")
    }
}

impl Store {
    /// Copies the open file next to itself before answers from a returned
    /// questionnaire are applied: `name.before-questionnaire-STAMP.bia`.
    pub fn backup_before_questionnaire(&mut self) -> Result<PathBuf> {
        self.writable()?;
        super::file::backup::tagged(&self.conn, &self.path, "before-questionnaire")
    }
}

impl Writer<'_, '_> {
    /// The methodology as the file holds it now.
    pub fn methodology(&self) -> Result<Methodology> {
        super::methodology::read(self.tx.conn())
    }

    /// Saves an edited methodology (see [`Store::update_methodology`]).
    pub fn update_methodology(&mut self, input: &bia_model::MethodologyInput) -> Result<()> {
        super::methodology::update(self.tx, input)
    }

    pub fn unit_by_name(&self, name: &str) -> Result<Option<Unit>> {
        super::units::by_name(self.tx.conn(), name)
    }

    pub fn create_unit(&mut self, input: &UnitInput) -> Result<Unit> {
        super::units::insert(self.tx, input)
    }

    pub fn process_by_name(&self, name: &str) -> Result<Option<Id>> {
        super::processes::by_name(self.tx.conn(), name)
    }

    pub fn create_process(&mut self, input: &ProcessInput, provenance: &Provenance) -> Result<Id> {
        super::processes::insert(self.tx, input, provenance)
    }

    /// Creates a process from `input` placed in `unit` (whatever its own
    /// `unit_id`), saving the caller a copy of the input.
    pub fn create_process_in(
        &mut self,
        input: &ProcessInput,
        unit: Option<Id>,
        provenance: &Provenance,
    ) -> Result<Id> {
        super::processes::insert_in(self.tx, input, unit, provenance)
    }

    /// Replaces the fields of a process (refused when it is approved or
    /// the input is not valid), recording where the new values came from.
    pub fn replace_process(
        &mut self,
        id: Id,
        input: &ProcessInput,
        provenance: &Provenance,
    ) -> Result<()> {
        super::processes::ensure_unlocked(self.tx.conn(), id)?;
        super::processes::refuse(self.tx.conn(), input, Some(id))?;
        let mut cols = super::processes::field_values(input);
        cols.push(("provenance", Value::Text(json(provenance))));
        cols.push(("updated_at", Value::Text(super::now())));
        self.tx.update(Table::Process, id, &cols)?;
        super::processes::write_custom_fields(self.tx, id, &input.custom_fields)
    }

    /// Moves a process through review (see [`Store::set_status`]).
    pub fn set_status(&mut self, id: Id, status: bia_model::Status) -> Result<()> {
        self.tx.update(
            Table::Process,
            id,
            &[("status", Value::Text(status.as_str().to_string()))],
        )
    }

    /// Writes a process's objectives row as given (creating it when there
    /// is none); the caller has checked them against the analysis.
    pub fn put_objectives(&mut self, process: Id, objectives: &Objectives) -> Result<()> {
        let mut text: IdText = [0; 36];
        if self.tx.is_new(process.text(&mut text)) {
            // A process this edit created has no objectives yet.
            return super::objectives::insert_new(self.tx, process, objectives);
        }
        super::objectives::upsert(self.tx, process, &super::objectives::columns(objectives))
    }

    /// Sets one impact cell, checked against the methodology.
    pub fn set_score(
        &mut self,
        process: Id,
        input: &ScoreInput,
        provenance: &Provenance,
    ) -> Result<()> {
        super::impact::set_cell(self.tx, process, input, provenance)
    }

    /// Where scores come from, stored once: the id to give
    /// [`Writer::insert_score`] for every score of `provenance`'s file and
    /// sheet (its cell is ignored).
    pub fn source(&mut self, provenance: &Provenance) -> Result<Source> {
        Ok(Source(super::impact::source(self.tx.conn(), provenance)?.0))
    }

    /// Adds a cell to a process that has none there yet, without looking
    /// for one to replace; the caller has checked the ids and the severity
    /// against [`Writer::methodology`]. `cell` is where in `source` it was
    /// read (`B7`). The ids are given as text, as the file stores them, so
    /// that a caller writing many turns each into text once.
    #[allow(clippy::too_many_arguments)]
    pub fn insert_score(
        &mut self,
        process: &str,
        category: &str,
        horizon: &str,
        severity: u8,
        note: &str,
        source: Source,
        cell: &str,
    ) -> Result<()> {
        super::impact::insert(
            self.tx,
            process,
            category,
            horizon,
            Some(severity),
            note,
            source.0,
            cell,
        )
    }

    /// Adds cells to a process that has none there yet, as
    /// [`Writer::insert_score`] does, through one statement prepared once
    /// for all of them.
    pub fn insert_scores(
        &mut self,
        process: &str,
        source: Source,
        scores: &[super::impact::NewScore<'_>],
    ) -> Result<()> {
        super::impact::insert_many(self.tx, process, source.0, scores)
    }

    pub fn set_impact_rationale(&mut self, process: Id, rationale: &str) -> Result<()> {
        self.tx.update(
            Table::Process,
            process,
            &[(
                "impact_rationale",
                Value::Text(rationale.trim().to_string()),
            )],
        )
    }

    pub fn create_resource(
        &mut self,
        input: &ResourceInput,
        provenance: &Provenance,
    ) -> Result<Id> {
        super::resources::insert(self.tx, input, provenance)
    }

    /// Adds `from` → `to` unless that link is there already or would tie a
    /// process to itself; says whether it added it.
    pub fn link(
        &mut self,
        from: NodeRef,
        to: NodeRef,
        strength: Strength,
        note: &str,
    ) -> Result<bool> {
        let (from_kind, from_id) = super::dependencies::kind_and_id(from);
        let (to_kind, to_id) = super::dependencies::kind_and_id(to);
        if from_id == to_id || self.links.contains(&(from_id, to_id)) {
            return Ok(false);
        }
        let (mut from_buf, mut to_buf): (IdText, IdText) = ([0; 36], [0; 36]);
        let (from_text, to_text) = (from_id.text(&mut from_buf), to_id.text(&mut to_buf));
        // A link from or to a process or resource this edit created can
        // only be one this edit added (known above); any other is looked up.
        let owned = self.tx.is_new(from_text) || self.tx.is_new(to_text);
        if !owned {
            let known: Option<i64> = self
                .tx
                .conn()
                .prepare_cached("SELECT 1 FROM dependency WHERE from_id = ?1 AND to_id = ?2")?
                .query_row([from_text, to_text], |r| r.get(0))
                .optional()?;
            if known.is_some() {
                return Ok(false);
            }
        }
        // A link between rows both copies know gets the id every copy
        // would give it; one to a row new here, the quicker fresh one.
        let id = if owned {
            Id::new().to_string()
        } else {
            super::dependencies::link_id(from, to).to_string()
        };
        const INSERT: &str = "INSERT INTO dependency (id, from_kind, from_id, to_kind, to_id, strength, note) \
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
        self.tx
            .conn()
            .prepare_cached(INSERT)?
            .execute(rusqlite::params![
                id,
                from_kind,
                from_text,
                to_kind,
                to_text,
                strength.as_str(),
                note
            ])?;
        if !owned {
            self.tx.record_inserted(Table::Dependency, id)?;
        }
        self.links.insert((from_id, to_id));
        Ok(true)
    }
}

fn json(provenance: &Provenance) -> String {
    serde_json::to_string(provenance).unwrap_or_default()
}
