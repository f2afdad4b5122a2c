//! Documents as PDF: the minutes of a workshop now, the continuity plans
//! later. Each document is built from values already written as people
//! read them (`bia_model::WorkshopMinutes`), laid down A4 pages by a small
//! layout of our own (`flow.rs`: headings, paragraphs, tables with their
//! header repeated after a page break, coloured cells, pictures) and drawn
//! with krilla (`pdf.rs`), in DejaVu Sans from `assets/fonts/` (`text.rs`).
//! Text is drawn as given, never read as markup, so nothing typed in a
//! workshop can change the document's shape.
//!
//! It deliberately knows nothing of the assessment file, the analysis or
//! the charts: it lays out what it is handed (pictures come as PNG). It
//! reads no file and no system font, and writes no date of its own.

mod error;
mod flow;
mod minutes;
mod pdf;
mod text;

pub use error::{DocumentError, Result, codes as error_codes};
pub use minutes::minutes_pdf;
