//! Opening and creating the SQLite file behind a store: the checks that
//! refuse what is not ours (before anything is written), the lock, the
//! per-connection PRAGMAs, the backup and the migration.
//!
//! Three ways in, each keeping its promise when the machine is killed half
//! way or the disk is full:
//! - **for editing** ([`open`]): the file is held exclusively, upgraded
//!   after a backup if it is older, and checked; a file or folder that
//!   cannot be written is opened read-only instead ([`ReadOnly`]);
//! - **for reading** ([`snapshot`]): the file is copied into memory with
//!   nothing written beside it (no lock file, no upgrade, no backup), so a
//!   read-only share, a USB stick or an older file reads as it is;
//! - **new** ([`new::NewFile`]): built under a hidden name beside the
//!   target and put in place only once complete.
//!
//! Backups ([`backup`]) get a name no other file has, are checked before
//! the work goes on, and never stay behind half written. What an earlier
//! crash left beside a file is cleared when the file is next opened for
//! editing ([`leftovers`]).

pub(crate) mod backup;
pub(crate) mod leftovers;
pub(crate) mod new;
pub(crate) mod recover;

use std::ffi::OsString;
use std::fs;
use std::io::{ErrorKind as IoKind, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::migrations::{APPLICATION_ID, LATEST, MIGRATIONS};
use crate::error::{Error, Result};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// How long a second program waits for a file another one holds.
const LOCK_WAIT: Duration = Duration::from_millis(300);
/// How many prepared statements a connection keeps.
const STATEMENT_CACHE: usize = 256;
/// How long a statement waits on a lock once the file is ours.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A file up to this size has all its pages checked (SQLite's
/// `quick_check`, tens of milliseconds) and everything the program reads
/// from it read, each time it is opened. A larger one — an assessment of
/// thousands of processes — gets the cheap check: every table's pages
/// but the bulk of scores and the undo journal ([`BULK`]), and its record
/// and methodology read; the rest is checked when read, on demand
/// ([`full_check`], `bia check`) and by the desktop after opening.
pub(crate) const FULL_CHECK_UP_TO: i64 = 32 << 20;

/// The tables the cheap check leaves out: they grow with the assessment.
const BULK: [&str; 2] = ["impact", "edit_change"];

/// Why a copy could not get its name.
pub(crate) const EXISTS: &str = "a file already exists there";

/// Why an assessment is open read-only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReadOnly {
    /// Opened to read only (a report, a dump, a chart): nothing is written.
    Viewing,
    /// The file or its folder cannot be written (a read-only share, a
    /// protected copy, a locked USB stick).
    NotWritable,
}

/// Whether the file at `path` begins as an SQLite database does.
pub(crate) fn is_database(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == SQLITE_MAGIC)
}

/// `path` with `suffix` added to its name: `name.bia` → `name.bia-wal`.
pub(crate) fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// SQLite's files beside a database: its write-ahead log, shared memory
/// and rollback journal.
pub(crate) const SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Removes a file this program made and could not finish, with SQLite's
/// files beside it.
pub(crate) fn remove_with_sides(path: &Path) {
    let _ = fs::remove_file(path);
    for suffix in SIDE_FILES {
        let _ = fs::remove_file(side(path, suffix));
    }
}

/// `dir/.name.<pid>.<tag>`: where this process builds `target`.
pub(crate) fn hidden_beside(target: &Path, tag: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "assessment".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.{}.{tag}", std::process::id()))
}

/// Gives `temp` the first of `names` no file has yet. A hard link never
/// replaces a file; where the file system has none (a FAT stick), a
/// rename after a check does.
pub(crate) fn place(temp: &Path, names: impl Iterator<Item = PathBuf>) -> Result<PathBuf, String> {
    for name in names {
        match fs::hard_link(temp, &name) {
            Ok(()) => {
                let _ = fs::remove_file(temp);
                return Ok(name);
            }
            Err(e) if e.kind() == IoKind::AlreadyExists => continue,
            Err(_) if fs::symlink_metadata(&name).is_err() => {
                return fs::rename(temp, &name)
                    .map(|()| name)
                    .map_err(|e| e.to_string());
            }
            Err(_) => continue,
        }
    }
    Err(EXISTS.to_string())
}

/// Copies every page of `src` into `mem` at once; a file another program
/// holds is named as such.
fn copy_all(src: &Connection, mem: &mut Connection, path: &Path) -> Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    let copy = Backup::new(src, mem)?;
    match copy.step(-1).map_err(|e| sqlite_error(path, e))? {
        StepResult::Done => Ok(()),
        _ => Err(Error::Locked {
            path: path.to_path_buf(),
        }),
    }
}

/// What the store checks of a connection before it is used: that
/// everything the program reads from it reads.
pub(crate) type Check<'a> = &'a dyn Fn(Connection) -> Result<Connection>;

/// Opens an existing assessment for editing, refusing anything that is
/// not one. A file or folder that cannot be written is opened read-only.
/// `check` runs before anything is written: on the file as it is, or, for
/// an older file, on a copy upgraded in memory.
pub(super) fn open(path: &Path, check: Check) -> Result<(Connection, Option<ReadOnly>)> {
    regular(path)?;
    check_header(path)?;
    if !writable(path) {
        return Ok((check(snapshot(path)?)?, Some(ReadOnly::NotWritable)));
    }
    leftovers::clear(path);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_error(path, e))?;
    let version = inspect(&conn, path)?;
    if version < LATEST {
        // Upgrade a copy in memory first: a file that cannot be upgraded, or
        // does not read once upgraded, is refused before anything (a backup,
        // the journal mode) is written.
        let mut trial = Connection::open_in_memory()?;
        copy_all(&conn, &mut trial, path)?;
        migrate(&mut trial, path)?;
        check(trial)?;
    } else {
        conn = check(conn)?;
    }
    configure(&conn, path)?;
    if version < LATEST {
        backup::tagged(&conn, path, &format!("v{version}-backup"))?;
        migrate(&mut conn, path)?;
    }
    Ok((conn, None))
}

/// Reads an assessment without writing anything anywhere: no lock, no
/// side file, no upgrade on disk. A file of this version with no
/// write-ahead log beside it (closed cleanly, open nowhere) is read where
/// it is, as immutable; any other is copied into memory first (and an
/// older one upgraded there). Writes are refused (`query_only`).
pub(super) fn snapshot(path: &Path) -> Result<Connection> {
    regular(path)?;
    check_header(path)?;
    if !side(path, "-wal").exists() {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(uri(path, "mode=ro&immutable=1"), flags)
            .map_err(|e| sqlite_error(path, e))?;
        if inspect(&conn, path)? == LATEST {
            conn.pragma_update(None, "foreign_keys", "ON")?;
            conn.pragma_update(None, "query_only", "ON")?;
            // The reads of a large file's scores, at most 64 MB of pages.
            conn.pragma_update(None, "cache_size", -65_536)?;
            return Ok(conn);
        }
    }
    let mut mem = in_memory(path)?;
    let version = inspect(&mem, path)?;
    if version < LATEST {
        migrate(&mut mem, path)?;
    }
    mem.pragma_update(None, "foreign_keys", "ON")?;
    mem.pragma_update(None, "query_only", "ON")?;
    Ok(mem)
}

/// Copies the file's pages into memory as they are, leaving nothing
/// beside it.
pub(crate) fn in_memory(path: &Path) -> Result<Connection> {
    let wal = side(path, "-wal");
    let shm = side(path, "-shm");
    let had_shm = shm.exists();
    let copied = (|| -> Result<Connection> {
        // A cleanly closed file has no write-ahead log: read it as it is,
        // taking no lock and making no side file (this also reads from a
        // folder that cannot be written). With a log beside it, the file is
        // open elsewhere or was not closed: read it the way SQLite reads,
        // which waits for (or is refused by) the program that holds it.
        let source = if wal.exists() {
            uri(path, "mode=ro")
        } else {
            uri(path, "mode=ro&immutable=1")
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let src = Connection::open_with_flags(&source, flags).map_err(|e| sqlite_error(path, e))?;
        src.busy_timeout(LOCK_WAIT)?;
        let mut mem = Connection::open_in_memory()?;
        copy_all(&src, &mut mem, path)?;
        Ok(mem)
    })();
    if !had_shm {
        let _ = fs::remove_file(&shm);
    }
    copied
}

/// A `file:` URI for `path` with `query`, its name percent-encoded.
fn uri(path: &Path, query: &str) -> String {
    let mut out = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out.push('?');
    out.push_str(query);
    out
}

/// Whether this program may write `path` and create SQLite's files beside
/// it. A file whose permissions say read-only counts as such even for an
/// account that could override them.
fn writable(path: &Path) -> bool {
    let read_only = |p: &Path| fs::metadata(p).map(|m| m.permissions().readonly());
    if read_only(path).unwrap_or(true) {
        return false;
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if read_only(&folder).unwrap_or(true) {
        return false;
    }
    may_write(path) && may_write(&folder)
}

#[cfg(unix)]
fn may_write(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(name) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `name` is a valid NUL-terminated string for the call's length.
    unsafe { libc::access(name.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn may_write(_: &Path) -> bool {
    true
}

/// Brings the schema up to this program's version.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    MIGRATIONS.to_latest(conn).map_err(|e| Error::Migration {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// Only a regular file can be an assessment: a folder, a pipe or a device
/// is refused before it is opened (opening a pipe would wait forever).
pub(crate) fn regular(path: &Path) -> Result<()> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(m) => Err(Error::NotAFile {
            path: path.to_path_buf(),
            what: if m.is_dir() {
                "a folder"
            } else {
                "a special file (a pipe or a device)"
            },
        }),
        Err(source) if source.kind() == std::io::ErrorKind::NotFound => Err(Error::FileNotFound {
            path: path.to_path_buf(),
        }),
        Err(source) => Err(Error::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
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
    if large(conn).map_err(|e| sqlite_error(path, e))? {
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| sqlite_error(path, e))?;
        for table in tables.iter().filter(|t| !BULK.contains(&t.as_str())) {
            pages_read(conn, path, &format!("PRAGMA quick_check(\"{table}\")"))?;
        }
    } else {
        pages_read(conn, path, "PRAGMA quick_check(1)")?;
    }
    Ok(version)
}

/// Whether the file is past [`FULL_CHECK_UP_TO`] (its size from its header).
pub(crate) fn large(conn: &Connection) -> rusqlite::Result<bool> {
    let pages: i64 = conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
    let size: i64 = conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
    Ok(pages.saturating_mul(size) > full_check_up_to())
}

#[cfg(not(test))]
fn full_check_up_to() -> i64 {
    FULL_CHECK_UP_TO
}

#[cfg(test)]
thread_local! {
    /// A test's own threshold, to take the large file's way with a small one.
    pub(crate) static FULL_CHECK_FOR_TEST: std::cell::Cell<i64> =
        const { std::cell::Cell::new(FULL_CHECK_UP_TO) };
}

#[cfg(test)]
fn full_check_up_to() -> i64 {
    FULL_CHECK_FOR_TEST.with(|c| c.get())
}

/// Every page of the file read back (SQLite's `quick_check`), whatever
/// its size: what `bia check` and the desktop's check after opening run.
pub(crate) fn full_check(conn: &Connection, path: &Path) -> Result<()> {
    pages_read(conn, path, "PRAGMA quick_check")
}

/// Runs a `quick_check` statement, refusing the file unless it says "ok".
fn pages_read(conn: &Connection, path: &Path, check: &str) -> Result<()> {
    let said: Vec<String> = conn
        .prepare(check)
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| sqlite_error(path, e))?;
    if said.len() == 1 && said[0] == "ok" {
        return Ok(());
    }
    // SQLite's report is lines ("*** in database main ***", "Tree 4 page 4: …").
    let said: Vec<&str> = said
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| !l.starts_with("***"))
        .take(3)
        .collect();
    Err(damaged(
        path,
        format!("its pages do not read back: {}", said.join("; ")),
    ))
}

/// The error for a damaged file, naming the latest backup beside it.
pub(crate) fn damaged(path: &Path, reason: impl Into<String>) -> Error {
    Error::Corrupt {
        path: path.to_path_buf(),
        reason: reason.into(),
        backup: backup::latest(path),
    }
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
        return Err(damaged(path, format!("cannot use WAL journal ({mode})")));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // SQLite's default page cache (2 MB) is far below a large import's
    // working set: its index lookups would read the same pages back from
    // the OS (through the WAL's index) again and again. Up to 64 MB, taken
    // only as pages are read.
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // An edit, an undo or an import prepares a statement per table and
    // kind of write; keep them all rather than the default 16.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

/// Names what a SQLite error on open means for the user.
pub(crate) fn sqlite_error(path: &Path, err: rusqlite::Error) -> Error {
    let path_buf = path.to_path_buf();
    match err.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            Error::Locked { path: path_buf }
        }
        Some(ErrorCode::NotADatabase) => Error::NotSqlite { path: path_buf },
        Some(ErrorCode::DatabaseCorrupt) => damaged(path, err.to_string()),
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly) => {
            Error::Io {
                path: path_buf,
                source: std::io::Error::other(err.to_string()),
            }
        }
        _ => Error::Sqlite(err),
    }
}
