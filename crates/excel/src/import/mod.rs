//! Import of legacy BIA spreadsheets. The flow is one-way:
//!
//! 1. [`read_workbook`]: any .xlsx/.xlsm/.xlsb/.xls/.ods/.csv into a
//!    [`Workbook`] of sheets and addressed cells (`read`, `grid`).
//! 2. Cell readers (`values`): durations in any usual form, severities onto
//!    the assessment's scale, lists of names.
//! 3. [`find_tables`] (`table`): the header row under any title block, a
//!    band of group headers above it, the data down to a footer; one table
//!    per sheet, each column mapped by [`Synonyms`] (`mapping`) or by the
//!    user's [`ColumnChoice`]s ([`field_options`] lists the choices). A
//!    sheet without a table may be a questionnaire (`form`): labels read by
//!    the same synonyms, an impact table of categories × time points.
//!    Severity words go onto the scale by `words`' rule or the user's levels.
//! 4. [`plan`] (`plan`): what applying the workbook would create or change,
//!    every doubt with its address; serialisable for the desktop's preview.
//!
//! That is all: nothing here opens an assessment. The application layer
//! (`bia::import`) applies a plan through the store in one journaled edit
//! after a backup, and reads this program's own exported workbook back.

mod error;
mod form;
mod grid;
mod mapping;
mod own;
mod plan;
mod questionnaire;
mod read;
mod table;
mod values;
mod words;

pub use error::{ImportError, ImportErrorKind, codes as error_codes};
pub use form::{CellUse, FormCell};
pub use grid::{
    CellContext, ContextRow, Format, Issue, Level, Merge, Pos, Row, Sheet, Value, Workbook,
    address, column_letters, quote_sheet,
};
pub use mapping::{
    ColumnChoice, Field, FieldOption, MappingFile, Match, ResourceKindChoice, Source, SynonymFile,
    Synonyms, field_options, normalise,
};
pub use own::{
    OwnDependency, OwnImpact, OwnNode, OwnObjectives, OwnPlan, OwnProcess, OwnResource, OwnScore,
    OwnSource, OwnUnit, is_own_export, read_own,
};
pub use plan::{
    Action, Change, Counts, FIRST_PAGE, IssueLevels, List, ListPage, MAX_PAGE, Mapping, Page, Plan,
    PlannedColumn, PlannedDependency, PlannedObjectives, PlannedProcess, PlannedResource,
    PlannedScore, PlannedTable, ProcessRow, ScoreJson, Summary, Target, Unmapped, form_cells, plan,
    plan_file, read_and_plan,
};
pub use questionnaire::read_questionnaire;
pub use read::{Limits, decode_text, file_name, read_workbook};
pub use table::{Column, HEADER_SEARCH, Table, find_tables};
pub use values::{Read, duration_cell, severity_cell, split_list, split_list_keyed};
pub use words::{LevelWord, WordLevel, WordSource};
