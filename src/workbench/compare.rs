//! Comparing the open assessment with another file: last year's BIA, or a
//! backup of this one (the state before an import or a questionnaire was
//! taken). The other file is opened to read only — a backup, a file on a
//! read-only share — so nothing is written anywhere; a file that is not an
//! assessment, is damaged or comes from a newer version is refused as
//! opening one is, naming it. What changed is `bia_analysis::compare`'s;
//! here are the files: which one is old, the backups beside the open one,
//! and the executive workbook with its Changes sheet.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use bia_analysis::Comparison;
use bia_chart::{ChartOptions, Format};
use bia_excel::export::{ExportProgress, ExportReport};

use super::Workbench;
use crate::error::{Error, Result};

/// A backup the program took beside an assessment file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Backup {
    pub path: String,
    pub file_name: String,
    /// Why it was taken: "before an import", "before a questionnaire's
    /// answers", "before the upgrade to version 7".
    pub reason: String,
    /// When, as its name says (UTC): `2026-11-21 14:23`.
    pub taken_at: String,
}

impl Workbench {
    /// What changed between this assessment and the one at `other`:
    /// `other_is_old` when it is the earlier state (last year's BIA, a
    /// backup), else this one is. The other file is only read.
    pub fn compare_with(&self, other: &Path, other_is_old: bool) -> Result<Comparison> {
        let theirs = Workbench::open_to_read(other)?;
        let read = theirs
            .assessment()
            .and_then(|a| Ok((a, theirs.analysis()?)));
        theirs.close()?;
        let (their, their_analysis) = read?;
        let (mine, my_analysis) = (self.assessment()?, self.analysis()?);
        Ok(if other_is_old {
            bia_analysis::compare(&their, &their_analysis, &mine, &my_analysis)
        } else {
            bia_analysis::compare(&mine, &my_analysis, &their, &their_analysis)
        })
    }

    /// The backups beside the open file, newest first.
    pub fn backups(&self) -> Result<Vec<Backup>> {
        Ok(backups_beside(self.path()))
    }

    /// Writes the executive workbook with, last, what changed since the
    /// assessment at `since` (the Changes sheet).
    pub fn export_with_changes(
        &self,
        path: &Path,
        since: &Path,
        progress: &mut dyn FnMut(ExportProgress),
    ) -> Result<ExportReport> {
        let comparison = self.compare_with(since, true)?;
        super::export_with(
            &*self.assessment()?,
            &self.decisions(None)?,
            Some(&comparison),
            path,
            progress,
        )
    }
}

/// The tier movement of a comparison as SVG or PNG bytes.
pub fn tier_movement_chart(
    comparison: &Comparison,
    options: &ChartOptions,
    format: Format,
) -> Result<Vec<u8>> {
    Ok(bia_chart::render_tier_movement(
        comparison, options, format,
    )?)
}

/// Writes the tier movement of a comparison to `path`, as SVG or PNG by
/// its extension.
pub fn save_tier_movement_chart(
    comparison: &Comparison,
    options: &ChartOptions,
    path: &Path,
) -> Result<()> {
    let format = Format::from_path(path).ok_or_else(|| Error::ChartFormat {
        path: path.to_path_buf(),
    })?;
    let bytes = tier_movement_chart(comparison, options, format)?;
    std::fs::write(path, bytes).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The backups the program takes beside `path` (`name.bia`):
/// `name.before-import-STAMP.bia`, `name.before-questionnaire-STAMP.bia`,
/// `name.v6-backup-STAMP.bia` (STAMP `YYYYMMDD-HHMMSS`, perhaps `-2`),
/// newest first. Empty files and anything else are passed over.
pub fn backups_beside(path: &Path) -> Vec<Backup> {
    let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<(String, Backup)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&format!("{stem}."))?;
            let (reason, stamp) = backup_name(rest)?;
            let whole = e.metadata().is_ok_and(|m| m.is_file() && m.len() > 0);
            whole.then(|| {
                let b = stamp.as_bytes();
                let at = |r: std::ops::Range<usize>| String::from_utf8_lossy(&b[r]).into_owned();
                let taken_at = format!(
                    "{}-{}-{} {}:{}",
                    at(0..4),
                    at(4..6),
                    at(6..8),
                    at(9..11),
                    at(11..13)
                );
                (
                    stamp.clone(),
                    Backup {
                        path: e.path().display().to_string(),
                        file_name: name.clone(),
                        reason,
                        taken_at,
                    },
                )
            })
        })
        .collect();
    found.sort_by(|x, y| y.0.cmp(&x.0));
    found.into_iter().map(|(_, b)| b).collect()
}

/// "before-import-20261121-142300-2.bia" → ("before an import",
/// "20261121-142300-2"); `None` for a name that is not a backup's.
fn backup_name(rest: &str) -> Option<(String, String)> {
    let (body, ext) = rest.rsplit_once('.')?;
    if !ext.eq_ignore_ascii_case("bia") {
        return None;
    }
    let (reason, stamp) = if let Some(stamp) = body.strip_prefix("before-import-") {
        ("before an import".to_string(), stamp)
    } else if let Some(stamp) = body.strip_prefix("before-questionnaire-") {
        ("before a questionnaire's answers".to_string(), stamp)
    } else {
        let (version, stamp) = body.strip_prefix('v')?.split_once("-backup-")?;
        let version: u32 = version.parse().ok()?;
        (format!("before the upgrade from version {version}"), stamp)
    };
    let b = stamp.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let stamped = b.len() >= 15 && digits(0..8) && b[8] == b'-' && digits(9..15);
    stamped.then(|| (reason, stamp.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_say_why_and_when() {
        assert_eq!(
            backup_name("before-import-20261121-142300.bia"),
            Some(("before an import".into(), "20261121-142300".into()))
        );
        assert_eq!(
            backup_name("before-questionnaire-20261203-090000-2.bia").map(|x| x.1),
            Some("20261203-090000-2".into())
        );
        assert_eq!(
            backup_name("v6-backup-20260101-000000.bia").map(|x| x.0),
            Some("before the upgrade from version 6".into())
        );
        assert_eq!(backup_name("copy.bia"), None);
        assert_eq!(backup_name("before-import-2026.bia"), None);
        assert_eq!(backup_name("before-import-20261121-142300.xlsx"), None);
    }
}
