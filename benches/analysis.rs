//! Analysis benchmark: `analysis::analyze` over a generated assessment of
//! 10,000 processes, each with a full 7 × 8 impact grid and objectives
//! (560,000 scores). Target: ≤ 50 ms for the analysis itself. Run with
//! `cargo bench --bench analysis`.

use std::time::{Duration, Instant};

use bia::model::{
    Assessment, AssessmentInfo, Id, Methodology, Minutes, Objectives, Process, Provenance, Score,
    Status,
};

fn generated(n: usize) -> Assessment {
    let methodology = Methodology::default();
    let mut processes = Vec::with_capacity(n);
    let mut scores = Vec::with_capacity(n * 56);
    let mut objectives = Vec::with_capacity(n);
    for i in 0..n {
        let id = Id::new();
        processes.push(Process {
            id,
            name: format!("Process {i:05}"),
            unit_id: None,
            owner: String::new(),
            description: String::new(),
            peak_periods: String::new(),
            minimum_staff: None,
            workaround: String::new(),
            notes: String::new(),
            status: Status::Draft,
            custom_fields: Vec::new(),
            provenance: Provenance::Workshop,
            created_at: String::new(),
            updated_at: String::new(),
        });
        let onset = i % 5;
        for (c, category) in methodology.categories.iter().enumerate() {
            let peak = ((i + c) % 6) as u8;
            for (h, horizon) in methodology.horizons.iter().enumerate() {
                let severity = if h < onset {
                    0
                } else {
                    ((h - onset + 1) as u8).min(peak)
                };
                scores.push(Score {
                    process_id: id,
                    category_id: category.id,
                    horizon_id: horizon.id,
                    severity: Some(severity),
                    note: String::new(),
                    provenance: Provenance::Workshop,
                });
            }
        }
        objectives.push(Objectives {
            process_id: id,
            rto: Some(Minutes(60 * (i % 100) as u32)),
            wrt: Some(Minutes(60)),
            ..Default::default()
        });
    }
    Assessment {
        info: AssessmentInfo {
            id: Id::new(),
            name: "Generated".into(),
            organisation: String::new(),
            scope: String::new(),
            facilitator: String::new(),
            created_at: String::new(),
            updated_at: String::new(),
        },
        methodology,
        units: Vec::new(),
        processes,
        scores,
        objectives,
        decisions: Vec::new(),
        impact_rationales: Vec::new(),
    }
}

fn main() {
    let a = generated(10_000);
    let mut times: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            let analysis = bia::analysis::analyze(&a);
            let elapsed = t.elapsed();
            assert_eq!(analysis.processes.len(), 10_000);
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
        "analyze 10,000 processes × 56 cells ({} scores, {violations} violations): median {:.2?}, worst {:.2?} (15 runs; target ≤ 50 ms)",
        a.scores.len(),
        times[7],
        times[14]
    );
}
