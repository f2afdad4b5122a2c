//! Pure functions over a loaded [`Assessment`]: derived MTPD, tiers,
//! objective violations, decreasing impact rows. No I/O; the same results
//! feed the CLI (`bia analyze`), the desktop views and later the exports.

mod objectives;

pub use objectives::{
    Analysis, DecreasingRow, MtpdReason, ProcessAnalysis, TierRef, Violation, analyze,
    analyze_process,
};
