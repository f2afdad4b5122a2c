//! The assessment file: one `.bia` file is one SQLite database.
//!
//! [`Store::create`] and [`Store::open`] are the only ways in. Opening checks
//! the file before anything is written to it — a file that is not SQLite, a
//! SQLite file of another program, a damaged file, a file from a newer
//! version, or a file another program holds open is refused with an error
//! naming the file and the reason, and its bytes stay as they were. An older
//! file is backed up next to itself (SQLite online backup) and then migrated.
//!
//! Every connection runs in WAL mode with `foreign_keys=ON`, `synchronous=FULL`
//! and a `busy_timeout`, in `locking_mode=EXCLUSIVE`: the program that has a
//! file open holds it, and a second one is told the file is busy instead of
//! writing beside it. Writes go through [`journal`], which wraps every user
//! action in one transaction and records it for undo and redo; the file
//! keeps the latest edits ([`Store::set_undo_limit`], [`DEFAULT_UNDO_LIMIT`]).
//!
//! This module, and only this module, speaks SQL.

mod assessment;
mod custom_fields;
mod decisions;
mod dependencies;
mod error;
mod file;
mod impact;
mod journal;
mod methodology;
pub mod migrations;
mod objectives;
mod processes;
mod resources;
mod row;
mod table;
mod units;
mod writer;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use decisions::status_label;
pub use error::{Error, ErrorKind, Result, codes as error_codes};
pub use journal::{DEFAULT_UNDO_LIMIT, History};
pub use writer::Writer;

use bia_model::{Assessment, AssessmentInput};

/// An open assessment file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Creates a new assessment file at `path`, seeded with the default
    /// methodology. Refuses to overwrite an existing file.
    pub fn create(path: &Path, input: &AssessmentInput) -> Result<Store> {
        let conn = file::create(path)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        let seeded = store.seed(input);
        if let Err(err) = seeded {
            drop(store);
            file::remove_new(path);
            return Err(err);
        }
        Ok(store)
    }

    /// Opens an existing assessment file, upgrading it if it is older than
    /// this program (after a backup next to it).
    pub fn open(path: &Path) -> Result<Store> {
        let conn = file::open(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Closes the file, folding the write-ahead log back into it so that the
    /// `.bia` file alone carries everything.
    pub fn close(self) -> Result<()> {
        self.conn
            .pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
        self.conn.close().map_err(|(_, err)| Error::Sqlite(err))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Everything in the file, loaded at once.
    pub fn load(&self) -> Result<Assessment> {
        Ok(Assessment {
            info: self.info()?,
            methodology: self.methodology()?,
            units: self.units()?,
            processes: self.processes()?,
            scores: impact::all(&self.conn)?,
            objectives: objectives::all(&self.conn)?,
            decisions: decisions::list(&self.conn, None)?,
            impact_rationales: impact::rationales(&self.conn)?,
            resources: resources::list(&self.conn)?,
            dependencies: dependencies::list(&self.conn)?,
        })
    }

    fn seed(&mut self, input: &AssessmentInput) -> Result<()> {
        let tx = self.conn.transaction()?;
        assessment::insert(&tx, input)?;
        methodology::insert(&tx, &bia_model::Methodology::default())?;
        tx.commit()?;
        Ok(())
    }
}

/// The current time as stored: RFC 3339 in UTC, to the second.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
