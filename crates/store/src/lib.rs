//! The assessment file: one `.bia` file is one SQLite database.
//!
//! The ways in: [`Store::create`] / [`Store::create_new`] (a new file, put
//! in place only when complete), [`Store::open`] (for editing),
//! [`Store::open_to_read`] (reading, which never writes) and
//! [`Store::recover`]. Opening checks the file before anything is written
//! to it — a folder, pipe or device, a file that is not SQLite, a SQLite
//! file of another program, a damaged file (its pages, and everything the
//! program reads from it), a file from a newer version, or a file another
//! program holds open is refused with an error naming the file and the
//! reason, and its bytes stay as they were. An older file opened for
//! editing is backed up next to itself and then migrated; read, it is
//! upgraded in memory only. A file or folder that cannot be written opens
//! read-only ([`ReadOnly`]), and every write to it is refused.
//!
//! Every connection runs in WAL mode with `foreign_keys=ON`, `synchronous=FULL`
//! and a `busy_timeout`, in `locking_mode=EXCLUSIVE`: the program that has a
//! file open holds it, and a second one is told the file is busy instead of
//! writing beside it. Writes go through [`journal`], which wraps every user
//! action in one transaction and records it for undo and redo; the file
//! keeps the latest edits ([`Store::set_undo_limit`], [`DEFAULT_UNDO_LIMIT`]).
//!
//! This module, and only this module, speaks SQL.

mod actions;
mod assessment;
mod custom_fields;
mod decisions;
mod dependencies;
mod error;
mod file;
mod impact;
mod journal;
mod merge;
mod methodology;
pub mod migrations;
mod objectives;
mod processes;
mod questionnaires;
mod resources;
mod row;
mod table;
mod units;
mod workshops;
mod writer;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use decisions::status_label;
pub use error::{Error, ErrorKind, Result, codes as error_codes};
pub use file::ReadOnly;
pub use file::new::NewFile;
pub use file::recover::Recovery;
pub use impact::NewScore;
pub use journal::{DEFAULT_UNDO_LIMIT, History};
pub use questionnaires::{QuestionnaireRecord, SentProcess, Values as QuestionnaireValues};
pub use writer::{Source, Writer};

use bia_model::{Assessment, AssessmentInput, Currency};

/// An open assessment file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Why writes are refused, when they are.
    read_only: Option<ReadOnly>,
}

impl Store {
    /// Creates a new assessment file at `path`, seeded with the default
    /// methodology, its amounts in `currency` (the store reads no locale:
    /// the caller chooses, see `Currency::of_locale`). Refuses to
    /// overwrite an existing file; a failure or a crash leaves nothing at
    /// `path`.
    pub fn create(path: &Path, input: &AssessmentInput, currency: Currency) -> Result<Store> {
        Store::create_new(path, input, currency)?.finish()
    }

    /// Starts a new assessment for `path` to be filled before it is put in
    /// place ([`NewFile::finish`]); dropped unfinished, it leaves nothing.
    pub fn create_new(path: &Path, input: &AssessmentInput, currency: Currency) -> Result<NewFile> {
        NewFile::create(path, input, currency)
    }

    /// Opens an existing assessment file for editing, upgrading it if it
    /// is older than this program (after a backup next to it). A file or
    /// folder that cannot be written opens read-only ([`Store::read_only`]).
    pub fn open(path: &Path) -> Result<Store> {
        let check = |conn| Store::checked(conn, path, None).map(|s| s.conn);
        let (conn, read_only) = file::open(path, &check)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_only,
        })
    }

    /// Opens an assessment file to read it, writing nothing anywhere (not
    /// even a lock or an upgrade): every write is refused.
    pub fn open_to_read(path: &Path) -> Result<Store> {
        Store::checked(file::snapshot(path)?, path, Some(ReadOnly::Viewing))
    }

    /// Copies every readable row of the damaged file `damaged` into a new
    /// assessment at `into`, and opens it for editing.
    pub fn recover(damaged: &Path, into: &Path) -> Result<(Store, Recovery)> {
        file::recover::recover(damaged, into)
    }

    /// [`Store::recover`] of this store's own file, found damaged after it
    /// was opened (by [`Store::check`], or a read): read through this
    /// connection, which holds the file's lock. The file is not changed.
    pub fn recover_into(&self, into: &Path) -> Result<(Store, Recovery)> {
        file::recover::recover_open(self, into)
    }

    /// The store, once everything the program reads from the file has
    /// read: a file whose content is damaged is refused before anything
    /// is written to it. A large file ([`file::FULL_CHECK_UP_TO`]) has
    /// its record and methodology read here, and the rest when loaded
    /// ([`Store::load`] refuses it as damaged then) or checked
    /// ([`Store::check`]).
    fn checked(conn: Connection, path: &Path, read_only: Option<ReadOnly>) -> Result<Store> {
        let store = Store {
            conn,
            path: path.to_path_buf(),
            read_only,
        };
        let large = file::large(&store.conn).map_err(|e| file::sqlite_error(path, e))?;
        let read = if large {
            store.info().and_then(|_| store.methodology()).map(|_| ())
        } else {
            store.read_all().map(|_| ())
        };
        if let Err(e) = read {
            return Err(store.damaged(e));
        }
        Ok(store)
    }

    /// A failure to read the file, as the damage it is, naming the file.
    fn damaged(&self, e: Error) -> Error {
        let reason = file::recover::unreadable_text(&self.conn).unwrap_or_else(|| match e {
            Error::Sqlite(rusqlite::Error::QueryReturnedNoRows) => {
                "it holds no assessment (its record is missing)".to_string()
            }
            Error::Sqlite(e) => e.to_string(),
            other => other.to_string(),
        });
        file::damaged(&self.path, reason)
    }

    /// Checks the whole file: every page read back (SQLite's
    /// `quick_check`) and everything the program reads from it read. What
    /// opening a large file leaves out (`bia check`; the desktop runs it
    /// after opening). A damaged file is an error naming it.
    pub fn check(&self) -> Result<()> {
        file::full_check(&self.conn, &self.path)?;
        self.load().map(|_| ())
    }

    /// Whether opening checked the whole file; a large one is checked in
    /// part, and the rest is left to [`Store::check`].
    pub fn checked_in_full(&self) -> bool {
        !file::large(&self.conn).unwrap_or(true)
    }

    /// Why the file is open read-only, when it is.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.read_only
    }

    /// The connection to write through, or the refusal of a read-only file.
    fn writable(&mut self) -> Result<&mut Connection> {
        match self.read_only {
            None => Ok(&mut self.conn),
            Some(why) => Err(Error::ReadOnly {
                path: self.path.clone(),
                why,
            }),
        }
    }

    /// Writes a copy of the assessment as it is now to `to` (which must
    /// not exist), checked before it gets its name.
    pub fn save_copy(&self, to: &Path) -> Result<()> {
        file::backup::copy(&self.conn, to)
    }

    /// Closes the file, folding the write-ahead log back into it so that the
    /// `.bia` file alone carries everything.
    pub fn close(self) -> Result<()> {
        if self.read_only.is_none() {
            self.conn
                .pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
        }
        self.conn.close().map_err(|(_, err)| Error::Sqlite(err))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A number that grows with every row written since the file was
    /// opened (edits, undo, redo alike), so that something computed from
    /// the file can tell whether it is still current.
    pub fn revision(&self) -> u64 {
        self.conn.total_changes()
    }

    /// Everything in the file but its decision log (see [`Assessment`];
    /// [`Store::decisions`] reads that), loaded at once. A file whose
    /// content does not read is refused as damaged, naming it.
    pub fn load(&self) -> Result<Assessment> {
        self.read_all().map_err(|e| match e {
            Error::Sqlite(_) => self.damaged(e),
            other => other,
        })
    }

    fn read_all(&self) -> Result<Assessment> {
        let info = self.info()?;
        let methodology = self.methodology()?;
        let units = self.units()?;
        let (mut processes, provenances) = processes::list_unparsed(&self.conn)?;
        let cells = processes.len() * methodology.categories.len() * methodology.horizons.len();
        // The rest is read while the scores are made, and the processes'
        // provenances parsed, on the other core.
        let (scores, (objectives, impact_rationales, resources, dependencies)) =
            std::thread::scope(|scope| {
                let parsing = scope.spawn(|| processes::parse_provenances(&provenances));
                let read = impact::all_while(&self.conn, cells, || {
                    Ok((
                        objectives::all(&self.conn)?,
                        impact::rationales(&self.conn)?,
                        resources::list(&self.conn)?,
                        dependencies::list(&self.conn)?,
                    ))
                });
                let parsed = parsing
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
                for (p, provenance) in processes.iter_mut().zip(parsed) {
                    p.provenance = provenance;
                }
                read
            })?;
        Ok(Assessment {
            info,
            methodology,
            units,
            processes,
            scores,
            objectives,
            impact_rationales,
            resources,
            dependencies,
        })
    }
}

impl Store {
    /// The edits made (and not undone) from `from` to `to` (RFC 3339), as
    /// (when, label), oldest first. The journal keeps the latest edits
    /// only (see [`Store::undo_limit`]).
    pub fn edits_between(&self, from: &str, to: &str) -> Result<Vec<(String, String)>> {
        journal::between(&self.conn, from, to)
    }
}

/// The current time as stored: RFC 3339 in UTC, to the second.
/// Whether the file at `path` is an SQLite database (an assessment file,
/// whatever its name ends with), from its first bytes.
pub fn is_database_file(path: &Path) -> bool {
    file::is_database(path)
}

pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bia_model::{ProcessInput, Provenance};

    #[test]
    fn counts_read_each_status_and_unit_and_the_processes_in_none() {
        let dir = tempfile::tempdir().unwrap();
        let input = AssessmentInput {
            name: "Harbourline BIA 2027".into(),
            ..AssessmentInput::default()
        };
        let mut store =
            Store::create(&dir.path().join("c.bia"), &input, Currency::fallback()).unwrap();
        assert_eq!(store.counts().unwrap(), bia_model::Counts::default());
        let finance = store
            .create_unit(&bia_model::UnitInput {
                name: "Finance".into(),
                parent_id: None,
            })
            .unwrap();
        for (name, unit) in [
            ("Payroll", Some(finance.id)),
            ("Invoicing", Some(finance.id)),
            ("Yard", None),
        ] {
            let process = ProcessInput {
                name: name.into(),
                unit_id: unit,
                ..ProcessInput::default()
            };
            store
                .create_process(&process, &Provenance::Workshop)
                .unwrap();
        }
        let counts = store.counts().unwrap();
        assert_eq!(
            (
                counts.processes,
                counts.draft,
                counts.in_review,
                counts.approved
            ),
            (3, 3, 0, 0)
        );
        assert_eq!(counts.units, 1);
        let mut per_unit = counts.per_unit.clone();
        per_unit.sort_by_key(|c| c.processes);
        assert_eq!(
            per_unit,
            [
                bia_model::UnitCount {
                    unit_id: None,
                    processes: 1
                },
                bia_model::UnitCount {
                    unit_id: Some(finance.id),
                    processes: 2
                },
            ]
        );
    }

    /// An assessment of 40 processes fully scored from a workbook, closed.
    fn scored(path: &Path) {
        let input = AssessmentInput {
            name: "Harbourline BIA 2027".into(),
            ..AssessmentInput::default()
        };
        let mut store = Store::create(path, &input, Currency::fallback()).unwrap();
        let m = store.methodology().unwrap();
        let from = Provenance::Imported {
            file: "bia-2026.xlsx".into(),
            sheet: "Register".into(),
            cell: String::new(),
            values: Vec::new(),
        };
        store
            .edit("Import “bia-2026.xlsx”", "", |w| {
                let source = w.source(&from)?;
                for i in 0..40 {
                    let process = ProcessInput {
                        name: format!("Customer onboarding {i}").into(),
                        ..ProcessInput::default()
                    };
                    let id = w.create_process(&process, &from)?.to_string();
                    for c in &m.categories {
                        for h in &m.horizons {
                            let (c, h) = (c.id.to_string(), h.id.to_string());
                            w.insert_score(&id, &c, &h, 3, "", source, "F7")?;
                        }
                    }
                }
                Ok(())
            })
            .unwrap();
        store.close().unwrap();
    }

    /// Zeroes the first page of the scores' table.
    fn damage_the_scores(path: &Path) {
        let conn = Connection::open(path).unwrap();
        let (root, size): (i64, i64) = conn
            .query_row(
                "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema \
                 WHERE name = 'impact'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        drop(conn);
        let mut bytes = std::fs::read(path).unwrap();
        let at = ((root - 1) * size) as usize;
        bytes[at..at + size as usize].fill(0);
        std::fs::write(path, bytes).unwrap();
    }

    #[test]
    fn a_large_file_opens_on_the_cheap_check_and_damaged_scores_are_refused_when_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("harbourline.bia");
        scored(&path);
        damage_the_scores(&path);

        // Every file counts as large here: only its small tables are checked.
        file::FULL_CHECK_FOR_TEST.with(|c| c.set(0));
        let store = Store::open(&path).expect("the cheap check leaves the scores to be read");
        assert!(!store.checked_in_full(), "the rest is left to a check");
        let err = store.load().unwrap_err();
        assert_eq!(err.code(), "corrupt", "{err}");
        assert!(err.to_string().contains("harbourline.bia"), "{err}");
        assert_eq!(store.check().unwrap_err().code(), "corrupt");
        // What can be read is recovered while the file is open (a second
        // reader would be refused the lock), and the file is left as it was.
        let before = std::fs::read(&path).unwrap();
        let into = dir.path().join("harbourline (recovered).bia");
        let (recovered, report) = store
            .recover_into(&into)
            .expect("recovered from the open file");
        assert!(report.rows > 40, "the processes at least: {report:?}");
        assert_eq!(recovered.load().unwrap().processes.len(), 40);
        recovered.close().unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "the damaged file is not changed"
        );
        store.close().unwrap();
        let read = Store::open_to_read(&path).unwrap();
        assert_eq!(read.check().unwrap_err().code(), "corrupt");
        drop(read);

        // A small file gets the full check on open, as before.
        file::FULL_CHECK_FOR_TEST.with(|c| c.set(file::FULL_CHECK_UP_TO));
        let err = Store::open(&path).map(|_| ()).unwrap_err();
        assert_eq!(err.code(), "corrupt", "{err}");
    }

    #[test]
    fn a_whole_check_of_a_sound_file_finds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("harbourline.bia");
        scored(&path);
        file::FULL_CHECK_FOR_TEST.with(|c| c.set(0));
        let store = Store::open(&path).unwrap();
        store.check().expect("no damage");
        assert_eq!(store.load().unwrap().scores.len(), 40 * 56);
    }
}
