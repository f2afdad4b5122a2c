//! Pure functions over a loaded [`Assessment`]: derived MTPD, tiers,
//! objective violations, decreasing impact rows; required recovery of
//! resources and upstream processes, gaps, single points of failure, cycles;
//! what changed between two states of an assessment (`compare`). No I/O; the same results
//! feed the CLI (`bia analyze`), the desktop views and later the exports.

mod compare;
mod dependencies;
mod objectives;
mod overview;
mod scenario;
#[cfg(test)]
mod test_world;

pub use compare::{
    ComparedFile, Comparison, ComparisonCounts, DeltaState, Direction, NO_TIER, ProcessDelta,
    ResourceDelta, TierMove, ValueChange, compare,
};
pub use dependencies::{
    Cycle, DependencyAnalysis, Gap, GapKind, ResourceRequirement, SinglePointOfFailure,
    UpstreamRequirement, analyze_dependencies,
};
pub use objectives::{
    Analysis, DecreasingRow, MtpdReason, ProcessAnalysis, TierClaim, TierRef, Violation, analyze,
    analyze_process, analyze_processes, tier_claim,
};
pub use overview::{CRITICAL_SHOWN, CriticalProcess, Overview, TierCount, most_critical, overview};
pub use scenario::{AffectedProcess, CategoryImpact, Cover, Effect, ScenarioOutcome, run_scenario};
