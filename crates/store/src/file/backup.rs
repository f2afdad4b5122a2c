//! Copies of an assessment taken before an import or an upgrade, and
//! copies the user asks for: `name.bia` → `name.before-import-20261121-142300.bia`.
//!
//! A copy is written under a hidden name beside its target, checked
//! (opened, `integrity_check`, ours), and only then given its name, which
//! no other file has (a second copy in the same second is `…-2.bia`): an
//! earlier backup is never overwritten, and a copy that failed (a full
//! disk, a kill) never appears under a backup's name. What is left of the
//! hidden file after a kill is cleared later ([`super::leftovers`]).

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{EXISTS, hidden_beside, place, remove_with_sides, uri};
use crate::error::{Error, Result};
use crate::migrations::APPLICATION_ID;

/// The tags of the backups this program takes (the names [`latest`] and
/// the clean-up look for).
pub(crate) const TAGS: [&str; 2] = ["before-import", "-backup"];

/// Copies the open file next to itself, as `name.<tag>-<stamp>.bia`.
pub(crate) fn tagged(conn: &Connection, path: &Path, tag: &str) -> Result<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "assessment".into());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "bia".into());
    let names = (1..).map(|n| match n {
        1 => path.with_file_name(format!("{stem}.{tag}-{stamp}.{ext}")),
        n => path.with_file_name(format!("{stem}.{tag}-{stamp}-{n}.{ext}")),
    });
    copy_to(conn, names).map_err(|reason| Error::Backup {
        path: path.to_path_buf(),
        reason,
    })
}

/// Copies the open database to `target`, which must not exist yet.
pub(crate) fn copy(conn: &Connection, target: &Path) -> Result<()> {
    copy_changed(conn, target, |_| Ok(()))
}

/// [`copy`], with the copy changed by `change` before it is checked and
/// given its name (a copy handed out gets its own identity so): a copy
/// that failed half-way never appears under the name.
pub(crate) fn copy_changed(
    conn: &Connection,
    target: &Path,
    change: impl FnOnce(&Connection) -> rusqlite::Result<()>,
) -> Result<()> {
    if fs::symlink_metadata(target).is_ok() {
        return Err(Error::FileExists {
            path: target.to_path_buf(),
        });
    }
    copy_to_changed(conn, std::iter::once(target.to_path_buf()), change)
        .map(|_| ())
        .map_err(|reason| match reason {
            r if r == EXISTS => Error::FileExists {
                path: target.to_path_buf(),
            },
            reason => Error::Io {
                path: target.to_path_buf(),
                source: std::io::Error::other(reason),
            },
        })
}

/// Writes a checked copy under a hidden name, then gives it the first of
/// `names` that no file has. The hidden file is gone afterwards, whatever
/// happened.
fn copy_to(conn: &Connection, names: impl Iterator<Item = PathBuf>) -> Result<PathBuf, String> {
    copy_to_changed(conn, names, |_| Ok(()))
}

fn copy_to_changed(
    conn: &Connection,
    names: impl Iterator<Item = PathBuf>,
    change: impl FnOnce(&Connection) -> rusqlite::Result<()>,
) -> Result<PathBuf, String> {
    let mut names = names.peekable();
    let first = names.peek().cloned().ok_or_else(|| EXISTS.to_string())?;
    let temp = hidden_beside(&first, "partial");
    let done = (|| {
        conn.backup(rusqlite::MAIN_DB, &temp, None)
            .map_err(|e| e.to_string())?;
        {
            let copy = Connection::open(&temp).map_err(|e| e.to_string())?;
            change(&copy).map_err(|e| e.to_string())?;
            copy.close().map_err(|(_, e)| e.to_string())?;
        }
        verify(&temp)?;
        place(&temp, names)
    })();
    remove_with_sides(&temp);
    done
}

/// Opens a copy as it is and checks it whole.
fn verify(copy: &Path) -> Result<(), String> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(uri(copy, "mode=ro&immutable=1"), flags)
        .map_err(|e| e.to_string())?;
    let id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| e.to_string())?;
    let check: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if id != APPLICATION_ID || check != "ok" {
        return Err(format!("the copy did not read back whole ({check})"));
    }
    Ok(())
}

/// The newest backup beside `path` (by name: the stamp sorts), if any.
pub(crate) fn latest(path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut found: Vec<(String, PathBuf)> = fs::read_dir(folder)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&format!("{stem}."))?;
            let stamp = backup_stamp(rest)?;
            let whole = e
                .metadata()
                .map(|m| m.is_file() && m.len() > 0)
                .unwrap_or(false);
            whole.then(|| (stamp, e.path()))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, p)| p)
}

/// "before-import-20261121-142300-2.bia" → "20261121-142300-2" (the
/// part of a backup's name after `stem.`), or `None` for another file.
pub(crate) fn backup_stamp(rest: &str) -> Option<String> {
    let (body, _ext) = rest.rsplit_once('.')?;
    let at = TAGS
        .iter()
        .find_map(|t| body.find(&format!("{t}-")).map(|i| i + t.len() + 1))?;
    let stamp = &body[at..];
    let b = stamp.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (b.len() >= 15 && digits(0..8) && b[8] == b'-' && digits(9..15)).then(|| stamp.to_string())
}
