//! Excel workbooks: the executive export (rust_xlsxwriter).

pub mod export;
