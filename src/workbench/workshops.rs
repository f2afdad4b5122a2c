//! Workshops and the parking lot: planning, running and finishing a
//! workshop, its participants, agenda and sign-offs, actions and open
//! questions; who is known to the assessment (to pick participants from);
//! the minutes. While a workshop runs, every value typed through the
//! workbench carries it as its provenance (see [`Workbench::typed`]).

use bia_model::{
    Action, ActionInput, AgendaInput, AgendaUpdate, Id, MoveOn, MovedOn, ParticipantInput,
    Provenance, Status, Workshop, WorkshopInput, WorkshopMinutes, name_key,
};
use serde::Serialize;
use ts_rs::TS;

use super::Workbench;
use crate::error::Result;

/// Someone the assessment already knows of, offered when participants are
/// picked: process owners, the facilitator, earlier workshops' people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct KnownPerson {
    pub name: String,
    pub role: String,
    pub unit: String,
    pub contact: String,
    /// Where the name was found: "owner of Payroll", "Finance BIA workshop".
    pub known_from: String,
}

impl Workbench {
    /// How a value typed now is recorded: in the running workshop, if one
    /// runs; else typed in a session of its own.
    pub(crate) fn typed(&self) -> Result<Provenance> {
        Ok(match self.store.running_workshop()? {
            Some(w) => Provenance::InWorkshop {
                workshop_id: w.id,
                title: w.title,
                date: w.date,
            },
            None => Provenance::Workshop,
        })
    }

    /// Every workshop, the latest first.
    pub fn workshops(&self) -> Result<Vec<Workshop>> {
        Ok(self.store.workshops()?)
    }

    pub fn workshop(&self, id: Id) -> Result<Workshop> {
        Ok(self.store.workshop(id)?)
    }

    /// The workshop `text` names: its id, or its title (as names compare).
    pub fn workshop_named(&self, text: &str) -> Result<Workshop> {
        if let Ok(id) = text.trim().parse::<Id>() {
            return self.workshop(id);
        }
        let key = name_key(text);
        let mut found: Vec<Workshop> = self
            .workshops()?
            .into_iter()
            .filter(|w| name_key(&w.title) == key)
            .collect();
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(bia_store::Error::NoSuchName {
                kind: "workshop",
                name: text.trim().to_string(),
            }
            .into()),
            _ => Err(bia_store::Error::Ambiguous {
                name: text.trim().to_string(),
                candidates: found
                    .iter()
                    .map(|w| format!("{} ({})", w.title, w.date))
                    .collect(),
                hint: "the workshop's id (bia workshop list)".into(),
            }
            .into()),
        }
    }

    /// The workshop running now, if one is: reopening a file offers to
    /// resume it.
    pub fn running_workshop(&self) -> Result<Option<Workshop>> {
        Ok(self.store.running_workshop()?)
    }

    pub fn create_workshop(
        &mut self,
        input: &WorkshopInput,
        participants: &[ParticipantInput],
        agenda: &[AgendaInput],
    ) -> Result<Workshop> {
        Ok(self.store.create_workshop(input, participants, agenda)?)
    }

    pub fn update_workshop(
        &mut self,
        id: Id,
        input: &WorkshopInput,
        participants: &[ParticipantInput],
        agenda: &[AgendaInput],
    ) -> Result<Workshop> {
        Ok(self
            .store
            .update_workshop(id, input, participants, agenda)?)
    }

    pub fn delete_workshop(&mut self, id: Id) -> Result<()> {
        Ok(self.store.delete_workshop(id)?)
    }

    /// Starts or resumes a workshop; refused while another one runs.
    pub fn start_workshop(&mut self, id: Id) -> Result<Workshop> {
        Ok(self.store.start_workshop(id, &bia_store::now())?)
    }

    pub fn finish_workshop(&mut self, id: Id) -> Result<Workshop> {
        Ok(self.store.finish_workshop(id, &bia_store::now())?)
    }

    pub fn update_agenda_item(
        &mut self,
        workshop: Id,
        process: Id,
        update: &AgendaUpdate,
    ) -> Result<Workshop> {
        Ok(self.store.update_agenda_item(workshop, process, update)?)
    }

    /// Moves on in a running workshop as one step (one undo): the item
    /// left keeps its time and how it was left, the next (given, or the
    /// next still to discuss) is put under discussion.
    pub fn move_on(&mut self, workshop: Id, mv: &MoveOn) -> Result<MovedOn> {
        let (workshop, at) = self.store.move_on(workshop, mv)?;
        Ok(MovedOn { workshop, at })
    }

    pub fn set_participant_present(
        &mut self,
        workshop: Id,
        participant: Id,
        present: bool,
    ) -> Result<Workshop> {
        Ok(self
            .store
            .set_participant_present(workshop, participant, present)?)
    }

    /// Records who confirmed a process's agreed values; optionally moves
    /// the process to `status` ("in review", "approved").
    pub fn sign_off(
        &mut self,
        workshop: Id,
        process: Id,
        by: &[String],
        status: Option<Status>,
    ) -> Result<Workshop> {
        Ok(self
            .store
            .sign_off(workshop, process, by, status, &bia_store::now())?)
    }

    /// The actions and open questions of a workshop, or all of them.
    pub fn actions(&self, workshop: Option<Id>) -> Result<Vec<Action>> {
        Ok(self.store.actions(workshop)?)
    }

    pub fn add_action(&mut self, input: &ActionInput) -> Result<Action> {
        Ok(self.store.add_action(input, &bia_store::now())?)
    }

    pub fn update_action(&mut self, id: Id, input: &ActionInput) -> Result<Action> {
        Ok(self.store.update_action(id, input)?)
    }

    pub fn delete_action(&mut self, id: Id) -> Result<()> {
        Ok(self.store.delete_action(id)?)
    }

    /// People the assessment knows of, each once (by name): earlier
    /// workshops' participants first (with their role and unit), then
    /// process owners, then the facilitator.
    pub fn known_people(&self) -> Result<Vec<KnownPerson>> {
        let mut people: Vec<KnownPerson> = Vec::new();
        let mut add = |p: KnownPerson| {
            if !p.name.trim().is_empty()
                && !people
                    .iter()
                    .any(|k| name_key(&k.name) == name_key(&p.name))
            {
                people.push(p);
            }
        };
        for w in self.workshops()? {
            for p in w.participants {
                add(KnownPerson {
                    name: p.name,
                    role: p.role,
                    unit: p.unit,
                    contact: p.contact,
                    known_from: w.title.clone(),
                });
            }
        }
        let units = self.units()?;
        for p in self.processes()? {
            let unit = p
                .unit_id
                .and_then(|u| units.iter().find(|x| x.id == u))
                .map(|u| u.name.clone())
                .unwrap_or_default();
            add(KnownPerson {
                name: p.owner.clone(),
                role: String::new(),
                unit,
                contact: String::new(),
                known_from: format!("owner of {}", p.name),
            });
        }
        let info = self.info()?;
        add(KnownPerson {
            name: info.facilitator,
            role: "Facilitator".into(),
            unit: String::new(),
            contact: String::new(),
            known_from: "the assessment's facilitator".into(),
        });
        people.sort_by_key(|p| name_key(&p.name));
        Ok(people)
    }

    /// The minutes of a workshop, every value written as a person reads it.
    pub fn minutes(&self, workshop: Id) -> Result<WorkshopMinutes> {
        let w = self.workshop(workshop)?;
        let insight = self.insight()?;
        let actions = self.actions(Some(workshop))?;
        let decisions = self.decisions(None)?;
        let edits = if w.started_at.is_empty() {
            Vec::new()
        } else {
            let until = if w.finished_at.is_empty() {
                bia_store::now()
            } else {
                w.finished_at.clone()
            };
            self.store.edits_between(&w.started_at, &until)?
        };
        let (a, analysis) = insight.parts();
        crate::minutes::build(&w, a, analysis, &actions, &decisions, &edits)
    }
}

impl Workbench {
    /// Writes a workshop's minutes to `path`: a workbook (.xlsx) or a PDF
    /// (.pdf), by its extension.
    pub fn save_minutes(&self, workshop: Id, path: &std::path::Path) -> Result<()> {
        crate::minutes::save(&self.minutes(workshop)?, path)
    }
}
