//! Opening and creating the SQLite file behind a store: the checks that
//! refuse what is not ours (before anything is written), the lock, the
//! per-connection PRAGMAs, the backup and the migration.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::migrations::{APPLICATION_ID, LATEST, MIGRATIONS};
use crate::error::{Error, Result};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// How long a second program waits for a file another one holds.
const LOCK_WAIT: Duration = Duration::from_millis(300);
/// How many prepared statements a connection keeps.
const STATEMENT_CACHE: usize = 64;
/// How long a statement waits on a lock once the file is ours.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Creates a new, empty, migrated assessment database at `path`.
pub(super) fn create(path: &Path) -> Result<Connection> {
    if path.exists() {
        return Err(Error::FileExists {
            path: path.to_path_buf(),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let made = (|| {
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|e| sqlite_error(path, e))?;
        configure(&conn, path)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        migrate(&mut conn, path)?;
        Ok(conn)
    })();
    if made.is_err() {
        remove_new(path);
    }
    made
}

/// Removes a file this program just created and could not finish.
pub(super) fn remove_new(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(PathBuf::from(p));
    }
}

/// Opens an existing assessment, refusing anything that is not one.
pub(super) fn open(path: &Path) -> Result<Connection> {
    check_header(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_error(path, e))?;
    let version = inspect(&conn, path)?;
    configure(&conn, path)?;
    if version < LATEST {
        backup(&conn, path, version)?;
        migrate(&mut conn, path)?;
    }
    Ok(conn)
}

/// Brings the schema up to this program's version.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    MIGRATIONS.to_latest(conn).map_err(|e| Error::Migration {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// The first bytes of every SQLite database are its magic string.
fn check_header(path: &Path) -> Result<()> {
    let mut file = fs::File::open(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => Error::FileNotFound {
            path: path.to_path_buf(),
        },
        _ => Error::Io {
            path: path.to_path_buf(),
            source,
        },
    })?;
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(Error::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(source) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
    if read < head.len() || &head != SQLITE_MAGIC {
        return Err(Error::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Reads the file's identity and format version, and checks its integrity,
/// with reads only: a file refused here is closed with its bytes as they
/// were. Returns the format version.
fn inspect(conn: &Connection, path: &Path) -> Result<i64> {
    conn.busy_timeout(LOCK_WAIT)?;
    // Exclusive before the first access: the read below takes the file's
    // lock and keeps it (a second program is told the file is busy), and
    // WAL then needs no shared-memory file beside the assessment.
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| sqlite_error(path, e))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| sqlite_error(path, e))?;
    if app_id != APPLICATION_ID {
        return Err(Error::NotAnAssessment {
            path: path.to_path_buf(),
        });
    }
    if version > LATEST {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST,
        });
    }
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| sqlite_error(path, e))?;
    if check != "ok" {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            reason: check,
        });
    }
    Ok(version)
}

/// The PRAGMAs every connection gets, and the exclusive hold on the file.
fn configure(conn: &Connection, path: &Path) -> Result<()> {
    conn.busy_timeout(LOCK_WAIT)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
        .map_err(|e| sqlite_error(path, e))?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .map_err(|e| sqlite_error(path, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            reason: format!("cannot use WAL journal ({mode})"),
        });
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // An edit, an undo or an import prepares a statement per table and
    // kind of write; keep them all rather than the default 16.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

/// Copies the file next to itself before it is upgraded:
/// `name.bia` → `name.v1-backup-20261121-142300.bia`.
fn backup(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf> {
    backup_tagged(conn, path, &format!("v{version}-backup"))
}

/// Copies the open file next to itself (SQLite online backup) before an
/// import: `name.bia` → `name.before-import-20261121-142300.bia`.
pub(super) fn backup_before_import(conn: &Connection, path: &Path) -> Result<PathBuf> {
    backup_tagged(conn, path, "before-import")
}

fn backup_tagged(conn: &Connection, path: &Path, tag: &str) -> Result<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "assessment".into());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "bia".into());
    let target = path.with_file_name(format!("{stem}.{tag}-{stamp}.{ext}"));
    conn.backup(rusqlite::MAIN_DB, &target, None)
        .map_err(|e| Error::Migration {
            path: path.to_path_buf(),
            reason: format!("backup failed: {e}"),
        })?;
    Ok(target)
}

/// Names what a SQLite error on open means for the user.
fn sqlite_error(path: &Path, err: rusqlite::Error) -> Error {
    let path = path.to_path_buf();
    match err.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked { path },
        Some(ErrorCode::NotADatabase) => Error::NotSqlite { path },
        Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            path,
            reason: err.to_string(),
        },
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly) => {
            Error::Io {
                path,
                source: std::io::Error::other(err.to_string()),
            }
        }
        _ => Error::Sqlite(err),
    }
}
