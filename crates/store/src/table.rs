//! The tables an edit may change, by name: a journal entry naming any
//! other table is refused, so stored SQL identifiers are never trusted.

use crate::error::{Error, Result};

/// The tables whose rows edits may change. A journal entry naming any
/// other table is refused, so stored SQL identifiers are never trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
}

impl Table {
    const ALL: [Table; 14] = [
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
        }
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
