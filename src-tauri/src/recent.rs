//! The "recent files" list: kept as JSON in the app's config folder, newest
//! first, at most [`MAX`] entries. Pure list logic plus load/save.

use std::fs;
use std::path::Path;

use crate::session::RecentFile;

pub const MAX: usize = 10;

/// Puts `entry` first, dropping an older entry for the same path.
pub fn remember(list: &mut Vec<RecentFile>, entry: RecentFile) {
    list.retain(|r| r.path != entry.path);
    list.insert(0, entry);
    list.truncate(MAX);
}

pub fn forget(list: &mut Vec<RecentFile>, path: &str) {
    list.retain(|r| r.path != path);
}

/// Reads the list; a missing or unreadable file is an empty list (the list
/// is a convenience, never a reason to fail).
pub fn load(file: &Path) -> Vec<RecentFile> {
    let mut list: Vec<RecentFile> = fs::read_to_string(file)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    for r in &mut list {
        r.exists = Path::new(&r.path).is_file();
    }
    list
}

pub fn save(file: &Path, list: &[RecentFile]) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir)?;
    }
    let text = serde_json::to_string_pretty(list).map_err(std::io::Error::other)?;
    let tmp = file.with_extension("json.tmp");
    fs::write(&tmp, text)?;
    fs::rename(tmp, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> RecentFile {
        RecentFile {
            path: path.into(),
            name: path.into(),
            opened_at: String::new(),
            exists: true,
        }
    }

    #[test]
    fn reopening_moves_a_file_to_the_top_without_duplicates() {
        let mut list = vec![entry("/a.bia"), entry("/b.bia")];
        remember(&mut list, entry("/b.bia"));
        assert_eq!(
            list.iter().map(|r| r.path.as_str()).collect::<Vec<_>>(),
            ["/b.bia", "/a.bia"]
        );
    }

    #[test]
    fn the_list_keeps_the_newest_ten() {
        let mut list = Vec::new();
        for i in 0..15 {
            remember(&mut list, entry(&format!("/{i}.bia")));
        }
        assert_eq!(list.len(), MAX);
        assert_eq!(list[0].path, "/14.bia");
    }
}
