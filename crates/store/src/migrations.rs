//! The schema's history: append-only migrations embedded in the program.
//! The file's `PRAGMA user_version` is the number of migrations applied.

use std::sync::LazyLock;

use rusqlite_migration::{M, Migrations};

/// Marks a SQLite file as a BIA assessment (`PRAGMA application_id`):
/// the bytes "BIAW".
pub const APPLICATION_ID: i64 = 0x4249_4157;

const STEPS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_edit_journal.sql"),
    include_str!("migrations/003_impact_objectives.sql"),
    include_str!("migrations/004_resources_dependencies.sql"),
    include_str!("migrations/005_bounded_journal.sql"),
    include_str!("migrations/006_resources_to_classify.sql"),
    include_str!("migrations/007_compact_impact.sql"),
    include_str!("migrations/008_claimed_tier.sql"),
    include_str!("migrations/009_currency.sql"),
    include_str!("migrations/010_workshops.sql"),
    include_str!("migrations/011_questionnaires.sql"),
    include_str!("migrations/012_copies.sql"),
];

/// The file format this program writes (and the newest it reads).
pub const LATEST: i64 = STEPS.len() as i64;

pub static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect()));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS
            .validate()
            .expect("every migration applies to an empty database");
    }
}
