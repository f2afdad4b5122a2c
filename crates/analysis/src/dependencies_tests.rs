//! Tests of the dependency analysis on small hand-built assessments: chains,
//! strengths, unknown capability, upstream processes, cycles, long chains.

use super::*;
use crate::test_world::World;
use bia_model::Dependency;

fn required(d: &DependencyAnalysis, name: &str) -> (Option<u32>, Vec<String>) {
    let r = d.resources.iter().find(|r| r.name == name).unwrap();
    (r.required_rto.map(|m| m.0 / 60), r.rto_chain.clone())
}

#[test]
fn requirements_flow_down_multi_level_chains_and_the_tightest_wins() {
    let w = World::new()
        .process("Payroll", Some(24))
        .process("Picking", Some(2))
        .resource("Workday", Some(72), Redundancy::Alternate)
        .resource("WMS", Some(1), Redundancy::Alternate)
        .resource("Data centre", Some(8), Redundancy::None)
        .resource("Power supplier", Some(4), Redundancy::Alternate)
        .link("Payroll", "Workday", Strength::Required)
        .link("Workday", "Data centre", Strength::Required)
        .link("Picking", "WMS", Strength::Required)
        .link("WMS", "Data centre", Strength::Required)
        .link("Data centre", "Power supplier", Strength::Required);
    let d = w.run();
    assert_eq!(
        required(&d, "Workday"),
        (Some(24), vec!["Payroll (RTO 1 d)".into(), "Workday".into()])
    );
    assert_eq!(
        required(&d, "Power supplier"),
        (
            Some(2),
            vec![
                "Picking (RTO 2 h)".into(),
                "WMS".into(),
                "Data centre".into(),
                "Power supplier".into()
            ]
        ),
        "three levels down, the tighter of the two processes sets it"
    );
    let gap = d.gaps.iter().find(|g| g.subject == "Workday").unwrap();
    assert_eq!(gap.kind, GapKind::RtoCapability);
    assert_eq!(
        (
            gap.required_minutes,
            gap.capability_minutes,
            gap.gap_minutes
        ),
        (Some(1440), Some(4320), Some(2880))
    );
    assert_eq!(
        gap.chain,
        ["Payroll (RTO 1 d)", "Workday (restores in 3 d)"]
    );
    assert_eq!(
        gap.message,
        "Workday restores in 3 d, but Payroll needs it back within 1 d"
    );
    let subjects: Vec<_> = d.gaps.iter().map(|g| g.subject.as_str()).collect();
    assert_eq!(
        subjects,
        ["Workday", "Data centre", "Power supplier"],
        "largest shortfall first: 2 d, 6 h, 2 h"
    );
    assert_eq!(
        d.spofs.len(),
        1,
        "the data centre has no redundancy under a Tier 1 process"
    );
    assert_eq!(d.spofs[0].name, "Data centre");
}

#[test]
fn only_required_dependencies_carry_the_requirement() {
    let d = World::new()
        .process("Picking", Some(2))
        .resource("Label printer", Some(48), Redundancy::None)
        .resource("Portal", Some(48), Redundancy::None)
        .resource("Hosting", Some(48), Redundancy::None)
        .link("Picking", "Label printer", Strength::Degraded)
        .link("Picking", "Portal", Strength::Optional)
        .link("Portal", "Hosting", Strength::Required)
        .run();
    assert!(
        d.resources.iter().all(|r| r.required_rto.is_none()),
        "nothing is required through degraded or optional links"
    );
    assert!(d.gaps.is_empty() && d.spofs.is_empty());
    assert!(
        d.orphans.is_empty(),
        "every resource is relied on, if loosely"
    );
}

#[test]
fn unknown_capability_is_a_gap_only_under_tier_one_and_two() {
    let d = World::new()
        .process("Treasury", Some(4))
        .process("Archiving", Some(24 * 7))
        .resource("Banking portal", None, Redundancy::Alternate)
        .resource("Archive store", None, Redundancy::Alternate)
        .link("Treasury", "Banking portal", Strength::Required)
        .link("Archiving", "Archive store", Strength::Required)
        .run();
    let unknown: Vec<_> = d
        .gaps
        .iter()
        .filter(|g| g.kind == GapKind::UnknownCapability)
        .map(|g| g.subject.as_str())
        .collect();
    assert_eq!(
        unknown,
        ["Banking portal"],
        "a Tier 4 need with unknown capability is not flagged"
    );
    assert_eq!(d.gaps[0].gap_minutes, None);
}

#[test]
fn an_upstream_process_looser_than_its_dependent_is_a_gap() {
    let d = World::new()
        .process("Order intake", Some(2))
        .process("Stock control", Some(24 * 7))
        .process("Reporting", Some(24))
        .link("Order intake", "Stock control", Strength::Required)
        .link("Reporting", "Stock control", Strength::Required)
        .run();
    assert_eq!(d.gaps.len(), 1);
    assert_eq!(d.gaps[0].kind, GapKind::UpstreamRto);
    assert_eq!(
        d.gaps[0].message,
        "Stock control has an RTO of 1 w, but Order intake relies on it within 2 h"
    );
    assert_eq!(d.upstream[0].required_rto, Some(Minutes::hours(2)));
}

#[test]
fn cycles_are_reported_and_do_not_hang() {
    let d = World::new()
        .process("Billing", Some(4))
        .process("Collections", Some(8))
        .resource("Orphan fax machine", Some(1), Redundancy::None)
        .link("Billing", "Collections", Strength::Required)
        .link("Collections", "Billing", Strength::Required)
        .run();
    assert_eq!(d.cycles.len(), 1);
    assert_eq!(d.cycles[0].nodes, ["Billing", "Collections"]);
    assert_eq!(d.orphans, ["Orphan fax machine"]);
    let collections = d.upstream.iter().find(|u| u.name == "Collections").unwrap();
    assert_eq!(collections.required_rto, Some(Minutes::hours(4)));
    assert!(
        d.upstream
            .iter()
            .all(|u| u.name != "Billing" || u.required_rto == Some(Minutes::hours(8)))
    );
}

#[test]
fn chains_up_to_ten_nodes_are_shown_whole() {
    let mut w = World::new().process("Dispatch", Some(2));
    for i in 0..9 {
        w = w.resource(&format!("R{i}"), Some(1), Redundancy::Alternate);
    }
    w = w.link("Dispatch", "R0", Strength::Required);
    for i in 0..8 {
        w = w.link(&format!("R{i}"), &format!("R{}", i + 1), Strength::Required);
    }
    let d = w.run();
    let names = |n: usize| required(&d, &format!("R{n}")).1;
    assert_eq!(
        names(6),
        [
            "Dispatch (RTO 2 h)",
            "R0",
            "R1",
            "R2",
            "R3",
            "R4",
            "R5",
            "R6"
        ]
    );
    assert_eq!(names(8).len(), 10);
    assert_eq!(names(8)[0], "Dispatch (RTO 2 h)");
}

#[test]
fn a_ten_thousand_long_chain_neither_overflows_nor_crawls() {
    let n = 10_000;
    let mut w = World::new().process("Head", Some(1));
    for i in 0..n {
        w = w.resource(&format!("R{i}"), Some(1), Redundancy::Alternate);
    }
    let ids: Vec<NodeRef> = (0..n)
        .map(|i| NodeRef::Resource(w.a.resources[i].id))
        .collect();
    w.a.dependencies.push(Dependency {
        id: Id::new(),
        from: w.node("Head"),
        to: ids[0],
        strength: Strength::Required,
        note: String::new(),
    });
    for i in 0..n {
        // The last one loops back to the first: one long cycle.
        let to = ids[(i + 1) % n];
        w.a.dependencies.push(Dependency {
            id: Id::new(),
            from: ids[i],
            to,
            strength: Strength::Required,
            note: String::new(),
        });
    }
    let d = w.run();
    let last = d
        .resources
        .iter()
        .find(|r| r.name == format!("R{}", n - 1))
        .unwrap();
    assert_eq!(last.required_rto, Some(Minutes::hours(1)));
    assert_eq!(
        last.rto_chain.first().unwrap(),
        "Head (RTO 1 h)",
        "the chain reaches back to the process"
    );
    assert_eq!(last.rto_chain[5], format!("… {} more …", n + 1 - 10));
    assert_eq!(last.rto_chain.last().unwrap(), &format!("R{}", n - 1));
    assert_eq!(
        last.rto_chain.len(),
        11,
        "a long chain is shown by its ends"
    );
    assert_eq!(d.cycles.len(), 1);
    assert_eq!(d.cycles[0].nodes.len(), n);
}
