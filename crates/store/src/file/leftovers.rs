//! What a crash left beside an assessment, cleared when it is next opened
//! for editing: the hidden files of a new file, a copy or a dry run that a
//! killed process was writing (`.name.<pid>.new`, `.partial`, `.dry-run`,
//! with SQLite's `-wal`, `-shm`, `-journal`), and backups that an earlier
//! version left half written (empty, or with a rollback journal beside).
//! A hidden file is only removed once the process that wrote it is gone.

use std::fs;
use std::path::Path;

use super::backup::backup_stamp;
use super::{SIDE_FILES, remove_with_sides, side};

/// The tags of this program's hidden work files.
const TAGS: [&str; 3] = ["new", "partial", "dry-run"];

/// Clears what earlier crashes left beside `path` (best effort: what
/// cannot be removed stays, and opening goes on).
pub(crate) fn clear(path: &Path) {
    let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
        return;
    };
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let file = entry.path();
        if let Some(pid) = hidden_work_of(&name, &stem) {
            if !running(pid) {
                let _ = fs::remove_file(&file);
            }
        } else if let Some(rest) = name.strip_prefix(&format!("{stem}.")) {
            if backup_stamp(rest).is_none() {
                continue;
            }
            match SIDE_FILES.iter().find_map(|s| name.strip_suffix(s)) {
                // A side file of a backup that is gone.
                Some(base) => {
                    if fs::symlink_metadata(folder.join(base)).is_err() {
                        let _ = fs::remove_file(&file);
                    }
                }
                // A backup left empty, or half written (its rollback journal beside it).
                None => {
                    let empty = entry
                        .metadata()
                        .map(|m| m.is_file() && m.len() == 0)
                        .unwrap_or(false);
                    if empty || side(&file, "-journal").exists() {
                        remove_with_sides(&file);
                    }
                }
            }
        }
    }
}

/// `.name.bia.<pid>.<tag>[-wal|-shm|-journal]` for a file whose name
/// starts with `stem`: the pid of the process that wrote it.
fn hidden_work_of(name: &str, stem: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_prefix(stem)?;
    let rest = SIDE_FILES
        .iter()
        .find_map(|s| rest.strip_suffix(s))
        .unwrap_or(rest);
    let (before, tag) = rest.rsplit_once('.')?;
    if !TAGS.contains(&tag) {
        return None;
    }
    let (_, pid) = before.rsplit_once('.')?;
    pid.parse().ok()
}

/// Whether process `pid` is still running (this one always is).
fn running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(target_os = "linux")]
    {
        Path::new("/proc").join(pid.to_string()).exists()
    }
    #[cfg(not(target_os = "linux"))]
    {
        // Without a cheap way to ask, assume it may be: a leftover then
        // stays until it is removed by hand, which loses nothing.
        true
    }
}

#[cfg(test)]
mod tests {
    use super::hidden_work_of;

    #[test]
    fn names_the_pid_of_hidden_work_files_only() {
        assert_eq!(hidden_work_of(".Acme.bia.4242.new", "Acme"), Some(4242));
        assert_eq!(hidden_work_of(".Acme.bia.4242.new-wal", "Acme"), Some(4242));
        assert_eq!(
            hidden_work_of(
                ".Acme.before-import-20261121-142300.bia.17.partial-journal",
                "Acme"
            ),
            Some(17)
        );
        assert_eq!(hidden_work_of(".Acme.bia.17.dry-run", "Acme"), Some(17));
        assert_eq!(hidden_work_of("Acme.bia", "Acme"), None);
        assert_eq!(hidden_work_of(".Acme.bia.17.notes", "Acme"), None);
        assert_eq!(hidden_work_of(".Other.bia.17.new", "Acme"), None);
    }
}
