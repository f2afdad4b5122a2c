//! Generated assessments shared by the benchmarks: deterministic shapes
//! of the size each target names.

#![allow(dead_code)]

pub mod wide;

use bia::model::{
    Assessment, AssessmentInfo, Dependency, Id, Methodology, Minutes, NodeRef, Objectives, Process,
    Provenance, Redundancy, Resource, ResourceKind, Score, Status, Strength,
};

pub fn generated(n: usize) -> Assessment {
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
            claimed_tier: String::new(),
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
        impact_rationales: Vec::new(),
        resources: Vec::new(),
        dependencies: Vec::new(),
    }
}

/// Adds `n` resources and `links` dependencies, deterministically spread.
pub fn with_dependencies(mut a: Assessment, n: usize, links: usize) -> Assessment {
    for i in 0..n {
        a.resources.push(Resource {
            id: Id::new(),
            kind: ResourceKind::ALL[i % 7],
            name: format!("Resource {i:04}"),
            owner: String::new(),
            description: String::new(),
            rto_capability: if i % 11 == 0 {
                None
            } else {
                Some(Minutes(60 * (i % 200) as u32))
            },
            rpo_capability: Some(Minutes(15 * (i % 50) as u32)),
            redundancy: if i % 3 == 0 {
                Redundancy::None
            } else {
                Redundancy::Alternate
            },
            contractual_recovery: None,
            notes: String::new(),
            custom_fields: Vec::new(),
            provenance: Provenance::Workshop,
        });
    }
    let (p, r) = (a.processes.len(), a.resources.len());
    let mut seen = std::collections::HashSet::new();
    let mut k: usize = 0;
    while a.dependencies.len() < links {
        k += 1;
        let x = k.wrapping_mul(2_654_435_761) % 1_000_003;
        let (from, to) = match k % 10 {
            0..=6 => (
                NodeRef::Process(a.processes[x % p].id),
                NodeRef::Resource(a.resources[(x / 7) % r].id),
            ),
            7 | 8 => (
                NodeRef::Resource(a.resources[x % r].id),
                NodeRef::Resource(a.resources[(x / 13) % r].id),
            ),
            _ => (
                NodeRef::Process(a.processes[x % p].id),
                NodeRef::Process(a.processes[(x / 17) % p].id),
            ),
        };
        if from == to || !seen.insert((from, to)) {
            continue;
        }
        let strength = [
            Strength::Required,
            Strength::Required,
            Strength::Degraded,
            Strength::Optional,
        ][k % 4];
        a.dependencies.push(Dependency {
            id: Id::new(),
            from,
            to,
            strength,
            note: String::new(),
        });
    }
    a
}

/// The size of a closed assessment file, and the share of it the undo
/// journal takes (its tables and their indexes, from SQLite's `dbstat`).
pub fn journal_share(path: &std::path::Path) -> (u64, f64) {
    let conn = rusqlite::Connection::open(path).expect("the file opens");
    let journal: i64 = conn
        .query_row(
            "SELECT coalesce(sum(d.pgsize), 0) FROM dbstat d JOIN sqlite_schema s ON s.name = d.name
             WHERE s.tbl_name IN ('edit', 'edit_change')",
            [],
            |r| r.get(0),
        )
        .expect("dbstat");
    drop(conn);
    let size = std::fs::metadata(path).expect("the file").len();
    (size, journal as f64 / size as f64)
}
