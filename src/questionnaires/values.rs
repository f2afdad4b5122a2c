//! What sending and receiving share: values written as the workbook shows
//! them and answers are compared in, and the assessment looked up by id.

use std::collections::HashMap;

use bia_analysis::Analysis;
use bia_model::{
    ASKED_OBJECTIVES, AnswerKey, Assessment, DetailField, Id, Minutes, NodeRef, ObjectiveField,
    Objectives, Process, ResourceKind, Score, Section,
};

/// What the kind dropdown of a new dependency offers: the resource kinds
/// one may name, and an upstream process.
pub(crate) fn kind_choices() -> Vec<(String, Option<ResourceKind>)> {
    let mut kinds: Vec<(String, Option<ResourceKind>)> = ResourceKind::EVERY
        .into_iter()
        .filter(|k| !k.is_unclassified())
        .map(|k| (capitalised(k.label()), Some(k)))
        .collect();
    kinds.push(("Process".into(), None));
    kinds
}

pub(crate) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Today's date where the program runs, `YYYY-MM-DD`.
pub fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

/// `2026-12-21` as people read it: "21 Dec 2026".
pub(crate) fn readable_date(date: &str) -> String {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|_| date.to_string())
}

pub(crate) fn unit_path(a: &Assessment, unit: Option<Id>) -> String {
    let mut names = Vec::new();
    let mut at = unit;
    while let Some(id) = at {
        let Some(u) = a.units.iter().find(|u| u.id == id) else {
            break;
        };
        if names.len() > a.units.len() {
            break;
        }
        names.push(u.name.clone());
        at = u.parent_id;
    }
    names.reverse();
    names.join(" / ")
}

// ---------------------------------------------------------------------
// Values as text: the form the workbook shows and answers are compared in.

pub(crate) fn duration_text(m: Option<Minutes>) -> String {
    m.map(|m| m.to_string()).unwrap_or_default()
}

pub(crate) fn mbco_text(p: Option<u8>) -> String {
    p.map(|p| format!("{p} %")).unwrap_or_default()
}

pub(crate) fn objective_text(o: Option<&Objectives>, field: ObjectiveField) -> String {
    let Some(o) = o else { return String::new() };
    match field {
        ObjectiveField::Rpo if o.rpo_not_applicable => "n/a".into(),
        ObjectiveField::Mbco => mbco_text(o.mbco_percent),
        ObjectiveField::Rto => duration_text(o.rto),
        ObjectiveField::Rpo => duration_text(o.rpo),
        ObjectiveField::Wrt => duration_text(o.wrt),
        ObjectiveField::MtpdOverride => duration_text(o.mtpd_override),
    }
}

pub(crate) fn detail_text(p: &Process, d: DetailField) -> String {
    match d {
        DetailField::Description => p.description.clone(),
        DetailField::PeakPeriods => p.peak_periods.clone(),
        DetailField::MinimumStaff => p.minimum_staff.map(|n| n.to_string()).unwrap_or_default(),
        DetailField::Workaround => p.workaround.clone(),
    }
}

/// The assessment read for questionnaires: scores and objectives by
/// process, looked up once.
pub(crate) struct Lookup<'a> {
    pub(crate) a: &'a Assessment,
    pub(crate) processes: HashMap<Id, &'a Process>,
    pub(crate) scores: HashMap<Id, Vec<&'a Score>>,
    pub(crate) objectives: HashMap<Id, &'a Objectives>,
    /// The dependencies of each process, by the process.
    pub(crate) needs: HashMap<Id, Vec<&'a bia_model::Dependency>>,
    pub(crate) resources: HashMap<Id, &'a bia_model::Resource>,
    /// The derived MTPD of each process, once analysed.
    pub(crate) mtpd: HashMap<Id, Option<Minutes>>,
}

impl<'a> Lookup<'a> {
    pub(crate) fn new(a: &'a Assessment) -> Lookup<'a> {
        let mut scores: HashMap<Id, Vec<&Score>> = HashMap::new();
        for s in &a.scores {
            scores.entry(s.process_id).or_default().push(s);
        }
        let mut needs: HashMap<Id, Vec<&bia_model::Dependency>> = HashMap::new();
        for d in &a.dependencies {
            if let NodeRef::Process(p) = d.from {
                needs.entry(p).or_default().push(d);
            }
        }
        Lookup {
            a,
            processes: a.processes.iter().map(|p| (p.id, p)).collect(),
            scores,
            objectives: a.objectives.iter().map(|o| (o.process_id, o)).collect(),
            needs,
            resources: a.resources.iter().map(|r| (r.id, r)).collect(),
            mtpd: HashMap::new(),
        }
    }

    /// With the derived MTPDs of `analysis`, which the workbooks show.
    pub(crate) fn with_analysis(mut self, analysis: &Analysis) -> Lookup<'a> {
        self.mtpd = analysis
            .processes
            .iter()
            .map(|p| (p.process_id, p.mtpd_derived))
            .collect();
        self
    }

    pub(crate) fn process(&self, id: Id) -> Option<&'a Process> {
        self.processes.get(&id).copied()
    }

    /// Every answer key of a process with its value now, in sheet order.
    pub(crate) fn values(&self, p: &Process) -> Vec<(AnswerKey, String)> {
        let mut out = Vec::new();
        for d in DetailField::ALL {
            out.push((AnswerKey::Detail(d), detail_text(p, d)));
        }
        let scores = self.scores.get(&p.id);
        for c in self.a.methodology.categories.iter().filter(|c| !c.retired) {
            for h in &self.a.methodology.horizons {
                let level = scores
                    .and_then(|s| {
                        s.iter()
                            .find(|s| s.category_id == c.id && s.horizon_id == h.id)
                    })
                    .and_then(|s| s.severity)
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                out.push((
                    AnswerKey::Score {
                        category: c.id,
                        horizon: h.id,
                    },
                    level,
                ));
            }
        }
        let o = self.objectives.get(&p.id).copied();
        for f in ASKED_OBJECTIVES {
            out.push((AnswerKey::Objective(f), objective_text(o, f)));
        }
        for s in Section::ALL {
            out.push((AnswerKey::Comment(s), String::new()));
        }
        out
    }
}
