//! Analysis benchmarks, on generated assessments:
//! - objectives: 10,000 processes, each with a full 7 × 8 impact grid and
//!   objectives (560,000 scores); target ≤ 50 ms;
//! - dependencies: 10,000 processes, 3,000 resources, 40,000 dependencies
//!   (process → resource, resource → resource, process → process, with
//!   cycles); target ≤ 50 ms.
//!
//! Run with `cargo bench --bench analysis`.

use std::time::{Duration, Instant};

mod common;

use common::{generated, with_dependencies};

fn main() {
    let a = generated(10_000);
    let mut times: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            let processes = bia::analysis::analyze_processes(&a);
            let elapsed = t.elapsed();
            assert_eq!(processes.len(), 10_000);
            elapsed
        })
        .collect();
    times.sort();
    let violations: usize = bia::analysis::analyze(&a)
        .processes
        .iter()
        .map(|p| p.violations.len())
        .sum();
    println!(
        "analyze 10,000 processes × 56 cells ({} scores, {violations} violations): best {:.2?}, median {:.2?}, worst {:.2?} (15 runs; target ≤ 50 ms)",
        a.scores.len(),
        times[0],
        times[7],
        times[14]
    );

    let a = with_dependencies(a, 3_000, 40_000);
    let processes = bia::analysis::analyze_processes(&a);
    let mut times: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            let d = bia::analysis::analyze_dependencies(&a, &processes);
            let elapsed = t.elapsed();
            assert_eq!(d.resources.len(), 3_000);
            elapsed
        })
        .collect();
    times.sort();
    let d = bia::analysis::analyze_dependencies(&a, &processes);
    println!(
        "dependency analysis, 10,000 processes + 3,000 resources + 40,000 dependencies ({} gaps, {} SPOFs, {} cycles): best {:.2?}, median {:.2?}, worst {:.2?} (15 runs; target ≤ 50 ms)",
        d.gaps.len(),
        d.spofs.len(),
        d.cycles.len(),
        times[0],
        times[7],
        times[14]
    );
    let t = Instant::now();
    let _ = bia::analysis::analyze(&a);
    println!(
        "whole analyze (objectives + dependencies) on the same: {:.2?}",
        t.elapsed()
    );
}
