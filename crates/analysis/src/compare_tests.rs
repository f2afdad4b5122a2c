//! Tests of the comparison on a small logistics register, as a continuity
//! manager would read last year's BIA against this year's: edits of one
//! file (matched by id), and a register rebuilt separately (by name).

use super::*;
use crate::analyze;
use bia_model::{
    AssessmentInfo, Dependency, Objectives, Process, Provenance, Redundancy, Resource,
    ResourceKind, Score, Status, Unit,
};

fn info(name: &str, updated: &str) -> AssessmentInfo {
    AssessmentInfo {
        id: Id::new(),
        name: name.into(),
        organisation: "Harbourline Logistics".into(),
        scope: String::new(),
        facilitator: String::new(),
        created_at: updated.into(),
        updated_at: updated.into(),
    }
}

fn process(name: &str, unit: Option<Id>) -> Process {
    Process {
        id: Id::new(),
        name: name.into(),
        unit_id: unit,
        owner: "Sophie Chen".into(),
        description: String::new(),
        peak_periods: String::new(),
        minimum_staff: None,
        workaround: String::new(),
        notes: String::new(),
        claimed_tier: String::new(),
        status: Status::Draft,
        custom_fields: vec![],
        provenance: Provenance::Workshop,
        created_at: String::new(),
        updated_at: String::new(),
    }
}

fn resource(kind: ResourceKind, name: &str, restores: Option<Minutes>) -> Resource {
    Resource {
        id: Id::new(),
        kind,
        name: name.into(),
        owner: String::new(),
        description: String::new(),
        rto_capability: restores,
        rpo_capability: None,
        redundancy: Redundancy::None,
        contractual_recovery: None,
        notes: String::new(),
        custom_fields: vec![],
        provenance: Provenance::Workshop,
    }
}

/// Last year's BIA: Finance and Warehouse, four processes, two resources.
fn last_year() -> Assessment {
    let finance = Unit {
        id: Id::new(),
        name: "Finance".into(),
        parent_id: None,
    };
    let warehouse = Unit {
        id: Id::new(),
        name: "Warehouse".into(),
        parent_id: None,
    };
    let mut a = Assessment {
        info: info("2025 BIA", "2025-03-12T09:30:00Z"),
        methodology: bia_model::Methodology::default(),
        units: vec![finance.clone(), warehouse.clone()],
        processes: vec![
            process("Accounts payable", Some(finance.id)),
            process("Payroll", Some(finance.id)),
            process("Goods receiving", Some(warehouse.id)),
            process("Returns handling", Some(warehouse.id)),
        ],
        scores: vec![],
        objectives: vec![],
        impact_rationales: vec![],
        resources: vec![
            resource(
                ResourceKind::Application,
                "SAP ERP",
                Some(Minutes::hours(8)),
            ),
            resource(ResourceKind::Supplier, "Payroll bureau", None),
        ],
        dependencies: vec![],
    };
    let financial = a.methodology.categories[0].id;
    let one_day = a.methodology.horizons[3].id;
    for (i, rto) in [(0, 24), (1, 4), (2, 72), (3, 168)] {
        let id = a.processes[i].id;
        a.objectives.push(Objectives {
            process_id: id,
            rto: Some(Minutes::hours(rto)),
            ..Default::default()
        });
        a.scores.push(Score {
            process_id: id,
            category_id: financial,
            horizon_id: one_day,
            severity: Some(3),
            note: String::new(),
            provenance: Provenance::Workshop,
        });
    }
    let (payroll, erp, bureau) = (a.processes[1].id, a.resources[0].id, a.resources[1].id);
    a.dependencies.push(Dependency {
        id: Id::new(),
        from: NodeRef::Process(payroll),
        to: NodeRef::Resource(bureau),
        strength: Strength::Required,
        note: String::new(),
    });
    a.dependencies.push(Dependency {
        id: Id::new(),
        from: NodeRef::Process(a.processes[0].id),
        to: NodeRef::Resource(erp),
        strength: Strength::Required,
        note: String::new(),
    });
    a
}

fn compared(old: &Assessment, new: &Assessment) -> Comparison {
    compare(old, &analyze(old), new, &analyze(new))
}

fn delta<'c>(c: &'c Comparison, name: &str) -> &'c ProcessDelta {
    c.processes
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} is listed as changed"))
}

#[test]
fn a_file_against_itself_has_no_differences() {
    let a = last_year();
    let c = compared(&a, &a);
    assert!(c.is_empty(), "nothing changed: {:?}", c.processes);
    assert_eq!(c.counts.unchanged, 4);
    assert!(c.same_assessment);
    // Every process stayed in its tier: only the diagonal is counted.
    assert!(c.tier_movement.iter().all(|m| m.from == m.to));
    assert_eq!(c.tier_movement.iter().map(|m| m.processes).sum::<u32>(), 4);
}

#[test]
fn edits_of_one_file_are_listed_per_process_with_their_direction() {
    let old = last_year();
    let mut new = old.clone();
    // Payroll's RTO tightened from 4 h to 2 h; its financial score rose.
    new.objectives[1].rto = Some(Minutes::hours(2));
    new.scores[1].severity = Some(5);
    // Returns handling is gone; Customs clearance is new.
    let returns = new.processes.remove(3);
    new.objectives.retain(|o| o.process_id != returns.id);
    new.processes
        .push(process("Customs clearance", Some(new.units[1].id)));
    // Goods receiving now relies on the ERP, and was approved.
    new.processes[2].status = Status::Approved;
    new.dependencies.push(Dependency {
        id: Id::new(),
        from: NodeRef::Process(new.processes[2].id),
        to: NodeRef::Resource(new.resources[0].id),
        strength: Strength::Required,
        note: String::new(),
    });
    // The ERP now restores in 4 h.
    new.resources[0].rto_capability = Some(Minutes::hours(4));

    let c = compared(&old, &new);
    assert_eq!(
        c.counts,
        ComparisonCounts {
            added: 1,
            removed: 1,
            changed: 2,
            unchanged: 1,
            resources_added: 0,
            resources_removed: 0,
            resources_changed: 1,
        }
    );
    let order: Vec<(&str, DeltaState)> = c
        .processes
        .iter()
        .map(|p| (p.name.as_str(), p.state))
        .collect();
    assert_eq!(
        order,
        [
            ("Payroll", DeltaState::Changed),
            ("Goods receiving", DeltaState::Changed),
            ("Customs clearance", DeltaState::Added),
            ("Returns handling", DeltaState::Removed),
        ],
        "the new register's order, then the removed"
    );
    let payroll = delta(&c, "Payroll");
    let rto = payroll.changes.iter().find(|x| x.field == "rto").unwrap();
    assert_eq!((rto.old.as_str(), rto.new.as_str()), ("4 h", "2 h"));
    assert_eq!(rto.direction, Some(Direction::Down));
    let score = payroll.changes.iter().find(|x| x.field == "score").unwrap();
    assert_eq!(score.label, "Financial at 1 d");
    assert_eq!(score.old, "3 – Moderate");
    assert_eq!(score.new, "5 – Catastrophic");
    assert_eq!(score.direction, Some(Direction::Up));
    assert!(!payroll.matched_by_name);

    let receiving = delta(&c, "Goods receiving");
    let fields: Vec<&str> = receiving.changes.iter().map(|x| x.field.as_str()).collect();
    assert_eq!(fields, ["status", "dependency"]);
    assert_eq!(
        receiving.changes[1].label,
        "Relies on SAP ERP (application)"
    );
    assert_eq!(receiving.changes[1].new, "added (required)");

    let erp = &c.resources[0];
    assert_eq!(erp.name, "SAP ERP");
    assert_eq!(erp.changes[0].field, "rto_capability");
    assert_eq!(erp.changes[0].direction, Some(Direction::Down));
    assert_eq!(c.since(), "Changes since 2025 BIA (12 Mar 2025)");
}

#[test]
fn a_register_built_separately_is_matched_by_name() {
    let old = last_year();
    // This year's file was imported from last year's export: every id is
    // new, a name is written in another case, and Payroll moved tier.
    let mut new = old.clone();
    new.info = info("2026 BIA", "2026-03-02T10:00:00Z");
    let mut ids = FxHashMap::default();
    for p in &mut new.processes {
        let id = Id::new();
        ids.insert(p.id, id);
        p.id = id;
    }
    for r in &mut new.resources {
        let id = Id::new();
        ids.insert(r.id, id);
        r.id = id;
    }
    let moved = |n: NodeRef| match n {
        NodeRef::Process(id) => NodeRef::Process(ids[&id]),
        NodeRef::Resource(id) => NodeRef::Resource(ids[&id]),
    };
    for d in &mut new.dependencies {
        d.from = moved(d.from);
        d.to = moved(d.to);
    }
    for o in &mut new.objectives {
        o.process_id = ids[&o.process_id];
    }
    for s in &mut new.scores {
        s.process_id = ids[&s.process_id];
    }
    new.processes[0].name = "ACCOUNTS PAYABLE".into();
    new.objectives[1].rto = Some(Minutes::hours(24));

    let c = compared(&old, &new);
    assert!(!c.same_assessment);
    assert_eq!((c.counts.added, c.counts.removed), (0, 0), "all matched");
    assert_eq!(c.counts.resources_added, 0, "resources by kind and name");
    let payroll = delta(&c, "Payroll");
    assert!(payroll.matched_by_name);
    let tier = payroll.changes.iter().find(|x| x.field == "tier").unwrap();
    assert_eq!((tier.old.as_str(), tier.new.as_str()), ("Tier 1", "Tier 2"));
    assert_eq!(tier.direction, Some(Direction::Down), "less urgent");
    // The case of a name is a rename a reader sees, nothing more.
    let payable = delta(&c, "ACCOUNTS PAYABLE");
    assert_eq!(payable.changes.len(), 1);
    assert_eq!(payable.changes[0].field, "name");
    // Payroll moved from Tier 1 to Tier 2; the others stayed.
    assert!(c.tier_movement.contains(&TierMove {
        from: "Tier 1".into(),
        to: "Tier 2".into(),
        processes: 1,
    }));
    assert_eq!(c.tiers.last().map(String::as_str), Some(NO_TIER));
}

#[test]
fn scores_match_across_methodologies_by_category_name_and_horizon_minutes() {
    let old = last_year();
    let mut new = old.clone();
    // Another methodology: its ids are new, "Financial" is written in
    // capitals and one day is labelled "24 h".
    let mut categories = FxHashMap::default();
    for c in &mut new.methodology.categories {
        let id = Id::new();
        categories.insert(c.id, id);
        c.id = id;
    }
    new.methodology.categories[0].name = "FINANCIAL".into();
    let mut horizons = FxHashMap::default();
    for h in &mut new.methodology.horizons {
        let id = Id::new();
        horizons.insert(h.id, id);
        h.id = id;
    }
    new.methodology.horizons[3].label = "24 h".into();
    for s in &mut new.scores {
        s.category_id = categories[&s.category_id];
        s.horizon_id = horizons[&s.horizon_id];
    }
    let c = compared(&old, &new);
    assert!(c.is_empty(), "the same scores: {:?}", c.processes);
}

#[test]
fn no_rto_and_unscored_read_as_words_and_move_no_way() {
    let old = last_year();
    let mut new = old.clone();
    new.objectives
        .retain(|o| o.process_id != new.processes[3].id);
    new.scores.retain(|s| s.process_id != new.processes[3].id);
    let c = compared(&old, &new);
    let returns = delta(&c, "Returns handling");
    let rto = returns.changes.iter().find(|x| x.field == "rto").unwrap();
    assert_eq!((rto.old.as_str(), rto.new.as_str()), ("1 w", "not set"));
    assert_eq!(rto.direction, None);
    let tier = returns.changes.iter().find(|x| x.field == "tier").unwrap();
    assert_eq!(tier.new, "no tier");
    assert_eq!(
        tier.direction,
        Some(Direction::Down),
        "no tier is the least urgent, as the chart counts it"
    );
    let score = returns.changes.iter().find(|x| x.field == "score").unwrap();
    assert_eq!(score.new, "unscored");
    assert!(c.tier_movement.contains(&TierMove {
        from: "Tier 4".into(),
        to: NO_TIER.into(),
        processes: 1,
    }));
}

#[test]
fn ten_thousand_processes_compare_in_linear_time() {
    let big = |n: usize| {
        let mut a = last_year();
        a.processes.clear();
        a.objectives.clear();
        a.scores.clear();
        a.dependencies.clear();
        let horizons: Vec<Id> = a.methodology.horizons.iter().map(|h| h.id).collect();
        let categories: Vec<Id> = a.methodology.categories.iter().map(|c| c.id).collect();
        for i in 0..n {
            let p = process(&format!("Process {i:05}"), None);
            for (k, h) in horizons.iter().enumerate() {
                a.scores.push(Score {
                    process_id: p.id,
                    category_id: categories[i % categories.len()],
                    horizon_id: *h,
                    severity: Some((k as u8).min(5)),
                    note: String::new(),
                    provenance: Provenance::Workshop,
                });
            }
            a.objectives.push(Objectives {
                process_id: p.id,
                rto: Some(Minutes::hours(1 + (i % 100) as u32)),
                ..Default::default()
            });
            a.dependencies.push(Dependency {
                id: Id::new(),
                from: NodeRef::Process(p.id),
                to: NodeRef::Resource(a.resources[i % 2].id),
                strength: Strength::Required,
                note: String::new(),
            });
            a.processes.push(p);
        }
        a
    };
    let time = |n: usize| {
        let old = big(n);
        let mut new = old.clone();
        // A separately built file: matched by name, the slower way.
        for p in &mut new.processes {
            p.id = Id::new();
        }
        new.processes[n / 2].name = "Renamed".into();
        let (oa, na) = (analyze(&old), analyze(&new));
        let started = std::time::Instant::now();
        let c = compare(&old, &oa, &new, &na);
        let took = started.elapsed();
        assert_eq!(
            (c.counts.added, c.counts.removed),
            (1, 1),
            "the renamed one"
        );
        assert_eq!(
            c.counts.changed,
            n as u32 - 1,
            "their scores are under other ids"
        );
        took
    };
    let _warm = time(1_000);
    let small = time(1_000);
    let large = time(10_000);
    // Ten times the processes: well under a hundred times the time.
    assert!(
        large < small * 30 + std::time::Duration::from_millis(50),
        "1,000 took {small:?}, 10,000 took {large:?}: not linear"
    );
}
