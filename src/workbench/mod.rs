//! [`Workbench`]: an open assessment and every action a user can take on
//! it, one method each. The desktop shell and the `bia` CLI call these and
//! nothing beneath them; each is a thin composition of the layers (the
//! store persists, `analysis` judges, `excel` and `chart` read and draw),
//! with the rules that need the whole assessment kept here once: objectives
//! checked against the analysis, an import planned against what the file
//! holds and applied as one edit after a backup, "nothing to import".
//!
//! Values typed through these methods are recorded as typed
//! (`Provenance::Workshop`), or while a workshop runs as typed in it
//! (`Provenance::InWorkshop`); imports record their file, sheet and cell.
//!
//! The methods are grouped by area: files and history (here), the
//! register (`register`), impact and objectives (`impact`), resources and
//! dependencies (`resources`), charts, exports and the dump (`insight`),
//! imports (`import`), workshops, actions and minutes (`workshops`),
//! comparing with another file or a backup (`compare`), copies handed out
//! and merged back (`merge`).

mod compare;
mod impact;
mod import;
mod insight;
mod merge;
mod questionnaires;
mod register;
mod resources;
mod workshops;

use std::cell::RefCell;
use std::num::NonZeroU32;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use bia_analysis::Analysis;
use bia_model::{
    Assessment, AssessmentInfo, AssessmentInput, Counts, Currency, Methodology, MethodologyInput,
};
use bia_store::{History, Store};

pub use bia_store::{ReadOnly, Recovery};

use crate::error::Result;

pub use compare::{Backup, backups_beside, save_tier_movement_chart, tier_movement_chart};
pub use impact::{NamedScore, Scored};
pub use insight::{Insight, export, export_with};
pub use workshops::KnownPerson;

/// An open assessment file.
pub struct Workbench {
    store: Store,
    /// What was last read of the whole file, while nothing in it changed.
    loaded: RefCell<Option<Arc<Loaded>>>,
}

/// The assessment as loaded at a revision of the file, and its analysis
/// once asked for: every screen, chart and export reads them, and a
/// 10,000-process file takes most of a second to load and analyse.
struct Loaded {
    revision: u64,
    assessment: Arc<Assessment>,
    analysis: OnceLock<Arc<Analysis>>,
}

impl Workbench {
    /// Creates a new assessment file at `path` with the default
    /// methodology, its amounts in `currency` (the CLI's `--currency`, else
    /// [`crate::locale::currency`]). Refuses to overwrite an existing file.
    pub fn create(path: &Path, input: &AssessmentInput, currency: Currency) -> Result<Workbench> {
        Ok(Workbench::of(Store::create(path, input, currency)?))
    }

    /// Opens an assessment file for editing (an older one is backed up and
    /// upgraded). A file or folder that cannot be written opens read-only:
    /// see [`Workbench::read_only`].
    pub fn open(path: &Path) -> Result<Workbench> {
        Ok(Workbench::of(Store::open(path)?))
    }

    /// Opens an assessment file to read it (a report, a dump, a chart):
    /// nothing is written anywhere, not even to upgrade an older file.
    pub fn open_to_read(path: &Path) -> Result<Workbench> {
        Ok(Workbench::of(Store::open_to_read(path)?))
    }

    /// Checks the whole file (every page read back, everything in it
    /// read): what opening a large file leaves out. A damaged file is an
    /// error naming it (`corrupt`).
    pub fn check(&self) -> Result<()> {
        Ok(self.store.check()?)
    }

    /// Whether the file still wants [`Workbench::check`]: opening a large
    /// one checks only part of it.
    pub fn check_pending(&self) -> bool {
        !self.store.checked_in_full()
    }

    /// Why the assessment is open read-only, when it is.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.store.read_only()
    }

    /// "Save a copy to edit": writes the assessment as it is now to `to`
    /// (which must not exist) and opens the copy for editing; this one
    /// stays open until the caller closes it.
    pub fn save_copy(&self, to: &Path) -> Result<Workbench> {
        self.store.save_copy(to)?;
        Workbench::open(to)
    }

    /// "Recover what can be read into a new file": copies every readable
    /// row of the damaged file at `damaged` into a new assessment at
    /// `into`, and opens it.
    pub fn recover(damaged: &Path, into: &Path) -> Result<(Workbench, Recovery)> {
        let (store, recovery) = Store::recover(damaged, into)?;
        Ok((Workbench::of(store), recovery))
    }

    /// [`Workbench::recover`] of the open file, found damaged after it was
    /// opened (a large file's check after opening); it stays open, unchanged.
    pub fn recover_into(&self, into: &Path) -> Result<(Workbench, Recovery)> {
        let (store, recovery) = self.store.recover_into(into)?;
        Ok((Workbench::of(store), recovery))
    }

    /// Writes the demo assessment (Harbourline Logistics) to a new file.
    pub fn create_demo(path: &Path) -> Result<Workbench> {
        Ok(Workbench::of(crate::demo::create(path)?))
    }

    /// Closes the file, leaving it whole on its own (no side files).
    pub fn close(self) -> Result<()> {
        Ok(self.store.close()?)
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// Everything in the file, loaded at once.
    pub fn load(&self) -> Result<Assessment> {
        Ok(self.store.load()?)
    }

    fn of(store: Store) -> Workbench {
        Workbench {
            store,
            loaded: RefCell::new(None),
        }
    }

    /// The whole assessment as the file holds it now: loaded once, and
    /// again only after something in the file changed.
    pub fn assessment(&self) -> Result<Arc<Assessment>> {
        Ok(self.loaded()?.assessment.clone())
    }

    /// The analysis of the assessment as the file holds it now (see
    /// [`Workbench::assessment`]): computed once per change of the file.
    pub fn analysis(&self) -> Result<Arc<Analysis>> {
        let loaded = self.loaded()?;
        Ok(loaded
            .analysis
            .get_or_init(|| Arc::new(bia_analysis::analyze(&loaded.assessment)))
            .clone())
    }

    fn loaded(&self) -> Result<Arc<Loaded>> {
        let revision = self.store.revision();
        if let Some(loaded) = self.loaded.borrow().as_ref()
            && loaded.revision == revision
        {
            return Ok(loaded.clone());
        }
        // The stale copy goes before the new one is read (half the memory).
        self.loaded.replace(None);
        let loaded = Arc::new(Loaded {
            revision,
            assessment: Arc::new(self.store.load()?),
            analysis: OnceLock::new(),
        });
        self.loaded.replace(Some(loaded.clone()));
        Ok(loaded)
    }

    pub fn info(&self) -> Result<AssessmentInfo> {
        Ok(self.store.info()?)
    }

    /// What the dashboard counts, without loading the assessment.
    pub fn counts(&self) -> Result<Counts> {
        Ok(self.store.counts()?)
    }

    pub fn update_info(&mut self, input: &AssessmentInput) -> Result<AssessmentInfo> {
        Ok(self.store.update_info(input)?)
    }

    /// What undo and redo would do next.
    pub fn history(&self) -> Result<History> {
        Ok(self.store.history()?)
    }

    pub fn undo(&mut self) -> Result<History> {
        Ok(self.store.undo()?)
    }

    pub fn redo(&mut self) -> Result<History> {
        Ok(self.store.redo()?)
    }

    /// How many of the latest edits the file keeps for undo.
    pub fn undo_limit(&self) -> Result<NonZeroU32> {
        Ok(self.store.undo_limit()?)
    }

    /// Sets how many of the latest edits the file keeps for undo (`None`:
    /// the default, [`bia_store::DEFAULT_UNDO_LIMIT`]); older ones are
    /// forgotten at once. The decision log keeps every entry.
    pub fn set_undo_limit(&mut self, limit: Option<NonZeroU32>) -> Result<NonZeroU32> {
        Ok(self.store.set_undo_limit(limit)?)
    }

    pub fn methodology(&self) -> Result<Methodology> {
        Ok(self.store.methodology()?)
    }

    /// Saves an edited methodology; refuses what would orphan scores.
    pub fn update_methodology(&mut self, input: &MethodologyInput) -> Result<Methodology> {
        Ok(self.store.update_methodology(input)?)
    }
}
