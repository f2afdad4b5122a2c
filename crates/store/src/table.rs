//! The tables an edit may change, by name: a journal entry naming any
//! other table is refused, so stored SQL identifiers are never trusted.

use crate::error::{Error, Result};

/// The tables whose rows edits may change. A journal entry naming any
/// other table is refused, so stored SQL identifiers are never trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Table {
    Assessment,
    ImpactCategory,
    SeverityLevel,
    LevelDefinition,
    Horizon,
    Tier,
    Unit,
    Process,
    ProcessCustomField,
    Impact,
    Objective,
    Resource,
    ResourceCustomField,
    Dependency,
    Workshop,
    WorkshopParticipant,
    AgendaItem,
    Signoff,
    Action,
    Questionnaire,
    Copy,
    Stamp,
    Conflict,
}

impl Table {
    const ALL: [Table; 23] = [
        Table::Assessment,
        Table::ImpactCategory,
        Table::SeverityLevel,
        Table::LevelDefinition,
        Table::Horizon,
        Table::Tier,
        Table::Unit,
        Table::Process,
        Table::ProcessCustomField,
        Table::Impact,
        Table::Objective,
        Table::Resource,
        Table::ResourceCustomField,
        Table::Dependency,
        Table::Workshop,
        Table::WorkshopParticipant,
        Table::AgendaItem,
        Table::Signoff,
        Table::Action,
        Table::Questionnaire,
        Table::Copy,
        Table::Stamp,
        Table::Conflict,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Table::Assessment => "assessment",
            Table::ImpactCategory => "impact_category",
            Table::SeverityLevel => "severity_level",
            Table::LevelDefinition => "level_definition",
            Table::Horizon => "horizon",
            Table::Tier => "tier",
            Table::Unit => "unit",
            Table::Process => "process",
            Table::ProcessCustomField => "process_custom_field",
            Table::Impact => "impact",
            Table::Objective => "objective",
            Table::Resource => "resource",
            Table::ResourceCustomField => "resource_custom_field",
            Table::Dependency => "dependency",
            Table::Workshop => "workshop",
            Table::WorkshopParticipant => "workshop_participant",
            Table::AgendaItem => "agenda_item",
            Table::Signoff => "signoff",
            Table::Action => "action",
            Table::Questionnaire => "questionnaire",
            Table::Copy => "copy",
            Table::Stamp => "stamp",
            Table::Conflict => "conflict",
        }
    }

    /// The columns that name one row: its id, or for a score its cell
    /// (process, category, horizon). The journal joins their values with
    /// a space into the text that names the row.
    pub(crate) fn key(self) -> &'static [&'static str] {
        match self {
            Table::Impact => &["process_id", "category_id", "horizon_id"],
            _ => &["id"],
        }
    }

    /// The columns naming the process or resource a row belongs to: a row
    /// inserted by the same edit as its owner is not journaled by itself,
    /// since undoing the owner's insert takes it away with the owner.
    pub(crate) fn owners(self) -> &'static [&'static str] {
        match self {
            Table::Impact | Table::ProcessCustomField => &["process_id"],
            Table::ResourceCustomField => &["resource_id"],
            Table::Dependency => &["from_id", "to_id"],
            _ => &[],
        }
    }

    /// The rows that belong to a row of this table, as (table, condition
    /// on `?1`, the owner's id): what undoing its insert takes away with it.
    pub(crate) fn belongings(self) -> &'static [(Table, &'static str)] {
        match self {
            Table::Process => &[
                (Table::ProcessCustomField, "process_id = ?1"),
                (Table::Impact, "process_id = ?1"),
                (Table::Objective, "process_id = ?1"),
                (Table::Dependency, "from_id = ?1 OR to_id = ?1"),
            ],
            Table::Resource => &[
                (Table::ResourceCustomField, "resource_id = ?1"),
                (Table::Dependency, "from_id = ?1 OR to_id = ?1"),
            ],
            _ => &[],
        }
    }

    /// Whether rows of this table are the assessment's content, which
    /// merging copies compares; the rest (copies, stamps, conflicts) is
    /// what merging keeps about itself.
    pub(crate) fn merged(self) -> bool {
        !matches!(self, Table::Copy | Table::Stamp | Table::Conflict)
    }

    /// Every table, parents before the rows that refer to them.
    pub(crate) fn all() -> [Table; 23] {
        Table::ALL
    }

    pub(crate) fn parse(name: &str) -> Result<Table> {
        Table::ALL
            .into_iter()
            .find(|t| t.name() == name)
            .ok_or_else(|| Error::Journal {
                reason: format!("unknown table {name:?}"),
            })
    }
}
