//! Domain types of an assessment and the rules they carry (name keys,
//! validation, default methodology). Pure data: no I/O, no SQL.
//!
//! Types that cross to the desktop UI derive `ts_rs::TS`; their TypeScript
//! form is generated into `ui/src/lib/bindings/` by `cargo test` (see
//! ARCHITECTURE.md) and committed.

mod assessment;
pub mod duration;
mod error;
mod id;
mod impact;
mod methodology;
mod minutes;
mod objectives;
mod process;
mod resource;
mod unit;

pub use assessment::{Assessment, AssessmentInfo, AssessmentInput};
pub use error::UnknownName;
pub use id::Id;
pub use impact::{ProcessImpact, Score, ScoreInput};
pub use methodology::{
    Category, CategoryInput, Horizon, HorizonInput, LevelDefinition, Methodology, MethodologyInput,
    SeverityLevel, Tier, TierInput,
};
pub use minutes::Minutes;
pub use objectives::{Decision, Objectives, ObjectivesInput};
pub use process::{
    CustomField, FieldIssue, ImportedValue, MAX_STAFF, Process, ProcessInput, Provenance, Status,
};
pub use resource::{
    Dependency, DependencyInput, DependencyTarget, NodeRef, Redundancy, Resource, ResourceInput,
    ResourceKind, Strength,
};
pub use unit::{Unit, UnitInput};

/// The key under which names are compared for uniqueness: trimmed, inner
/// runs of white space folded to one space, and case-folded.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        if word.is_ascii() {
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            key.push_str(&word.to_lowercase());
        }
    }
    key
}

/// A name as it is stored: trimmed, inner runs of white space folded.
pub fn clean_name(name: &str) -> String {
    let mut clean = String::with_capacity(name.len());
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            clean.push(' ');
        }
        clean.push_str(word);
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_key_ignores_case_and_spacing() {
        assert_eq!(name_key("  Payroll   Run "), name_key("payroll run"));
        assert_eq!(name_key("ÉTÉ"), "été");
        assert_ne!(name_key("Payroll"), name_key("Payrolls"));
    }
}
