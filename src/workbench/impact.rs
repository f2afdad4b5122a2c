//! Impact over time and recovery objectives: scoring, the rationale, the
//! analysis of a process, checking and agreeing objectives, the decision
//! log.

use bia_analysis::{Analysis, Overview, ProcessAnalysis};
use bia_model::{Decision, Id, Objectives, ObjectivesInput, ProcessImpact, ScoreInput};

use super::Workbench;
use crate::error::Result;
use crate::objectives::{self, ObjectivesCheck};

/// One cell scored by names, as `bia score` takes it.
#[derive(Clone, Debug)]
pub struct NamedScore<'a> {
    pub process: &'a str,
    pub category: &'a str,
    /// A horizon's label or any duration equal to one ("24h").
    pub horizon: &'a str,
    /// A level's number or name.
    pub severity: &'a str,
}

/// What scoring a cell by names did.
#[derive(Clone, Debug)]
pub struct Scored {
    pub process: String,
    pub category: String,
    pub horizon: String,
    pub severity: u8,
    pub level: String,
    pub analysis: ProcessAnalysis,
}

impl Workbench {
    /// A process's impact grid and rationale.
    pub fn process_impact(&self, process: Id) -> Result<ProcessImpact> {
        Ok(self.store.process_impact(process)?)
    }

    /// Sets or clears cells of a process's grid, all as one edit.
    pub fn set_scores(&mut self, process: Id, inputs: &[ScoreInput]) -> Result<ProcessImpact> {
        let typed = self.typed()?;
        Ok(self.store.set_scores(process, inputs, &typed)?)
    }

    /// Scores one cell named by its process, category, horizon and level.
    pub fn score(&mut self, cell: &NamedScore) -> Result<Scored> {
        let p = self.process_named(cell.process)?;
        let m = self.store.methodology()?;
        let (c, h, severity) = (
            m.category_named(cell.category)?,
            m.horizon_named(cell.horizon)?,
            m.severity_named(cell.severity)?,
        );
        let input = ScoreInput {
            category_id: c.id,
            horizon_id: h.id,
            severity: Some(severity),
            note: None,
        };
        self.set_scores(p.id, &[input])?;
        Ok(Scored {
            process: p.name,
            category: c.name.clone(),
            horizon: h.label.clone(),
            severity,
            level: m.level_name(severity).to_string(),
            analysis: self.analyze_process(p.id)?,
        })
    }

    pub fn set_impact_rationale(&mut self, process: Id, rationale: &str) -> Result<ProcessImpact> {
        Ok(self.store.set_impact_rationale(process, rationale)?)
    }

    /// The analysis of every process: MTPD, tiers, violations, flags.
    pub fn analyze(&self) -> Result<Analysis> {
        Ok(Analysis::clone(&*self.analysis()?))
    }

    /// The assessment at a glance (the Dashboard's first figures, `bia
    /// overview`): processes by tier, gaps, single points of failure,
    /// objective violations and the most time-critical processes, from the
    /// analysis kept for the file as it is now.
    pub fn overview(&self) -> Result<Overview> {
        Ok(self.insight()?.overview())
    }

    /// The derived MTPD, tier, violations and flags of one process.
    pub fn analyze_process(&self, process: Id) -> Result<ProcessAnalysis> {
        objectives::analyze_process(&self.store, process)
    }

    /// What the room agreed for a process, if anything.
    pub fn objectives(&self, process: Id) -> Result<Option<Objectives>> {
        Ok(self.store.objectives(process)?)
    }

    /// The form's view while objectives are typed: issues and a preview.
    pub fn check_objectives(
        &self,
        process: Id,
        input: &ObjectivesInput,
    ) -> Result<ObjectivesCheck> {
        objectives::check(&self.store, process, input)
    }

    /// Agrees a process's objectives when they fit its analysis; every
    /// change goes to the decision log.
    pub fn agree_objectives(&mut self, process: Id, input: &ObjectivesInput) -> Result<Objectives> {
        let typed = self.typed()?;
        objectives::agree(&mut self.store, process, input, &typed)
    }

    /// The decision log, of one process or of all, oldest first.
    pub fn decisions(&self, process: Option<Id>) -> Result<Vec<Decision>> {
        Ok(self.store.decisions(process)?)
    }
}
