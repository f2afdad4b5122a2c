//! A new assessment file, built under a hidden name beside its target
//! (`.name.bia.<pid>.new`) and put in place only when complete: a crash,
//! a kill or a full disk leaves either nothing at the target or a whole
//! assessment, never a file that later reads as "not an assessment" or
//! blocks the name.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

use bia_model::{AssessmentInput, Currency, Methodology};
use rusqlite::{Connection, OpenFlags};

use super::{configure, hidden_beside, migrate, place, remove_with_sides, sqlite_error};
use crate::Store;
use crate::error::{Error, Result};
use crate::migrations::APPLICATION_ID;

/// A new assessment being built: a [`Store`] on the hidden file. Call
/// [`NewFile::finish`] to put it in place; dropped unfinished, the hidden
/// file is removed and nothing appears at the target.
pub struct NewFile {
    store: Option<Store>,
    target: PathBuf,
    temp: PathBuf,
}

impl NewFile {
    /// Starts a new assessment for `target`, seeded with `input` and the
    /// default methodology, its amounts in `currency`. Refuses a target
    /// that exists, even as a link to a missing file.
    pub(crate) fn create(
        target: &Path,
        input: &AssessmentInput,
        currency: Currency,
    ) -> Result<NewFile> {
        if std::fs::symlink_metadata(target).is_ok() {
            return Err(Error::FileExists {
                path: target.to_path_buf(),
            });
        }
        let temp = hidden_beside(target, "new");
        remove_with_sides(&temp);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let made = (|| -> Result<Connection> {
            // Errors name the file the user asked for, not the hidden one.
            let mut conn =
                Connection::open_with_flags(&temp, flags).map_err(|e| sqlite_error(target, e))?;
            configure(&conn, target)?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            migrate(&mut conn, target)?;
            Ok(conn)
        })();
        let conn = made.inspect_err(|_| remove_with_sides(&temp))?;
        let mut new = NewFile {
            store: Some(Store {
                conn,
                path: target.to_path_buf(),
                read_only: None,
            }),
            target: target.to_path_buf(),
            temp,
        };
        new.seed(input, currency)?;
        Ok(new)
    }

    fn seed(&mut self, input: &AssessmentInput, currency: Currency) -> Result<()> {
        let conn = &mut self.store.as_mut().expect("open until finished").conn;
        let tx = conn.transaction()?;
        crate::assessment::insert(&tx, input)?;
        crate::methodology::insert(&tx, &Methodology::default().with_currency(currency))?;
        tx.commit()?;
        Ok(())
    }

    /// The file the assessment will be at.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Closes the finished file (nothing left beside it), puts it at the
    /// target, and opens it there for editing.
    pub fn finish(mut self) -> Result<Store> {
        let store = self.store.take().expect("open until finished");
        store.close()?;
        place(&self.temp, std::iter::once(self.target.clone())).map_err(|reason| {
            remove_with_sides(&self.temp);
            if std::fs::symlink_metadata(&self.target).is_ok() {
                Error::FileExists {
                    path: self.target.clone(),
                }
            } else {
                Error::Io {
                    path: self.target.clone(),
                    source: std::io::Error::other(reason),
                }
            }
        })?;
        Store::open(&self.target)
    }
}

impl Deref for NewFile {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.store.as_ref().expect("open until finished")
    }
}

impl DerefMut for NewFile {
    fn deref_mut(&mut self) -> &mut Store {
        self.store.as_mut().expect("open until finished")
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        if let Some(store) = self.store.take() {
            drop(store);
            remove_with_sides(&self.temp);
        }
    }
}
