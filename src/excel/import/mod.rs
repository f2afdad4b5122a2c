//! Import of legacy BIA spreadsheets. The flow is one-way:
//!
//! 1. [`read_workbook`]: any .xlsx/.xlsm/.xlsb/.xls/.ods/.csv into a
//!    [`Workbook`] of sheets and addressed cells (`read`, `grid`).
//! 2. Cell readers (`values`): durations in any usual form, severities onto
//!    the assessment's scale, lists of names.
//! 3. [`find_tables`] (`table`): the header row under any title block, a
//!    band of group headers above it, the data down to a footer; one table
//!    per sheet, each column mapped by [`Synonyms`] (`mapping`) or by the
//!    user's [`ColumnChoice`]s.
//!
//! Nothing here writes to an assessment: applying a plan is the store's
//! job, in one journaled transaction.

mod error;
mod grid;
mod mapping;
mod plan;
mod read;
mod table;
mod values;

pub use error::ImportError;
pub use grid::{
    Format, Issue, Level, Merge, Pos, Row, Sheet, Value, Workbook, address, column_letters,
};
pub use mapping::{
    ColumnChoice, Field, MappingFile, Match, Source, SynonymFile, Synonyms, normalise,
};
pub use plan::{
    Action, Change, Counts, Mapping, Plan, PlannedColumn, PlannedDependency, PlannedObjectives,
    PlannedProcess, PlannedResource, PlannedScore, PlannedTable, Target, Unmapped, plan, plan_file,
};
pub use read::{Limits, decode_text, file_name, read_workbook};
pub use table::{Column, HEADER_SEARCH, Table, find_tables};
pub use values::{Read, duration_cell, severity_cell, split_list};
