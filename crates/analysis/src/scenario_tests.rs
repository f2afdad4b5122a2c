//! The scenario walk on small hand-built assessments: a chain through a
//! data centre, degraded and optional links, a cycle, redundancy and a
//! workaround, a lost process, and the impact read at the duration.

use super::*;
use crate::analyze;
use crate::test_world::World;

const HOUR: u32 = 60;

/// Harbourline in small: the Reading data centre hosts the WMS, which
/// picking needs and dispatch planning uses when it can; order intake
/// needs picking; the carrier portal is optional to tracking.
fn harbourline() -> World {
    World::new()
        .process("Pick, pack and dispatch", Some(2))
        .process("Customer order intake", Some(2))
        .process("Route planning", Some(8))
        .process("Shipment tracking", Some(24))
        .process("Payroll", Some(24))
        .resource("Reading data centre", Some(48), Redundancy::None)
        .resource("WMS", Some(8), Redundancy::None)
        .resource("Carrier portal", Some(4), Redundancy::None)
        .link("WMS", "Reading data centre", Strength::Required)
        .link("Pick, pack and dispatch", "WMS", Strength::Required)
        .link(
            "Customer order intake",
            "Pick, pack and dispatch",
            Strength::Required,
        )
        .link("Route planning", "WMS", Strength::Degraded)
        .link("Shipment tracking", "Carrier portal", Strength::Optional)
        .mtpd("Pick, pack and dispatch", 4)
        .mtpd("Customer order intake", 24)
        .mtpd("Route planning", 24)
}

fn run(w: &World, lost: &[&str], hours: u32) -> ScenarioOutcome {
    let analysis = analyze(&w.a);
    let lost: Vec<NodeRef> = lost.iter().map(|n| w.node(n)).collect();
    run_scenario(&w.a, &analysis.processes, &lost, Minutes(hours * HOUR))
}

fn find<'o>(o: &'o ScenarioOutcome, process: &str) -> Option<&'o AffectedProcess> {
    o.affected.iter().find(|p| p.process == process)
}

#[test]
fn losing_the_data_centre_for_three_days_stops_what_relies_on_it_and_says_by_how_much() {
    let w = harbourline();
    let o = run(&w, &["Reading data centre"], 72);
    assert_eq!(o.lost, ["Reading data centre"]);
    let pick = find(&o, "Pick, pack and dispatch").unwrap();
    assert_eq!(pick.effect, Effect::Stopped);
    assert_eq!(
        pick.path,
        ["Pick, pack and dispatch", "WMS", "Reading data centre"]
    );
    assert_eq!(pick.mtpd, Some(Minutes::hours(4)));
    assert_eq!(pick.breach, Some(Minutes::hours(68)));
    let intake = find(&o, "Customer order intake").unwrap();
    assert_eq!(intake.effect, Effect::Stopped);
    assert_eq!(intake.path.len(), 4, "through picking: {:?}", intake.path);
    assert_eq!(intake.breach, Some(Minutes::hours(48)));
    // A degraded link slows; an optional one, and what is not linked, nothing.
    let routes = find(&o, "Route planning").unwrap();
    assert_eq!(routes.effect, Effect::Degraded);
    assert!(find(&o, "Shipment tracking").is_none());
    assert!(find(&o, "Payroll").is_none());
    // The largest breach first.
    assert_eq!(o.affected[0].process, "Pick, pack and dispatch");
    assert_eq!(o.breached, 3);
}

#[test]
fn an_outage_shorter_than_the_mtpd_breaches_nothing() {
    let o = run(&harbourline(), &["WMS"], 3);
    let pick = find(&o, "Pick, pack and dispatch").unwrap();
    assert_eq!(pick.breach, None);
    assert_eq!(o.breached, 0);
    assert_eq!(pick.path, ["Pick, pack and dispatch", "WMS"]);
}

#[test]
fn a_required_path_wins_over_a_degraded_one() {
    // Route planning both uses the WMS (degraded) and needs picking
    // (required), which needs the WMS: it stops.
    let w = harbourline().link(
        "Route planning",
        "Pick, pack and dispatch",
        Strength::Required,
    );
    let o = run(&w, &["WMS"], 24);
    let routes = find(&o, "Route planning").unwrap();
    assert_eq!(routes.effect, Effect::Stopped);
    assert_eq!(
        routes.path,
        ["Route planning", "Pick, pack and dispatch", "WMS"]
    );
}

#[test]
fn a_cycle_is_walked_once() {
    let w = harbourline().link(
        "Pick, pack and dispatch",
        "Customer order intake",
        Strength::Required,
    );
    let o = run(&w, &["Reading data centre"], 24);
    let names: Vec<&str> = o.affected.iter().map(|p| p.process.as_str()).collect();
    assert_eq!(
        names
            .iter()
            .filter(|n| **n == "Customer order intake")
            .count(),
        1
    );
    assert!(names.contains(&"Pick, pack and dispatch"));
}

#[test]
fn redundancy_on_the_path_and_a_workaround_are_said_to_cover() {
    let mut w = harbourline().workaround("Pick, pack and dispatch", "Printed pick lists");
    w.a.resources
        .iter_mut()
        .find(|r| r.name == "WMS")
        .unwrap()
        .redundancy = Redundancy::AutomaticFailover;
    let o = run(&w, &["Reading data centre"], 72);
    let pick = find(&o, "Pick, pack and dispatch").unwrap();
    assert_eq!(
        pick.covers,
        [
            Cover::Redundancy {
                resource: "WMS".into(),
                redundancy: Redundancy::AutomaticFailover
            },
            Cover::Workaround {
                text: "Printed pick lists".into()
            }
        ]
    );
    // Still listed, with its breach: the cover is for people to judge.
    assert!(pick.breach.is_some());
}

#[test]
fn a_lost_process_is_listed_and_takes_what_needs_it_along() {
    let o = run(&harbourline(), &["Pick, pack and dispatch"], 24);
    assert_eq!(
        find(&o, "Pick, pack and dispatch").unwrap().effect,
        Effect::Lost
    );
    assert_eq!(
        find(&o, "Customer order intake").unwrap().effect,
        Effect::Stopped
    );
    assert!(
        find(&o, "Route planning").is_none(),
        "nothing it relies on is lost"
    );
}

#[test]
fn the_impact_is_read_at_the_longest_horizon_not_beyond_the_duration() {
    let w = harbourline()
        .score("Pick, pack and dispatch", "Financial", 1440, 3)
        .score("Pick, pack and dispatch", "Financial", 4320, 5)
        .score("Pick, pack and dispatch", "Customer", 1440, 4);
    // Two days: the 1-day horizon (the next is 3 days).
    let o = run(&w, &["WMS"], 48);
    let pick = find(&o, "Pick, pack and dispatch").unwrap();
    assert_eq!(pick.horizon.as_deref(), Some("1 d"));
    let severity = |c: &str| {
        pick.impact
            .iter()
            .find(|i| i.category == c)
            .unwrap()
            .severity
    };
    assert_eq!(severity("Financial"), Some(3));
    assert_eq!(severity("Customer"), Some(4));
    assert_eq!(severity("Reputational"), None);
    // Shorter than every horizon: none read.
    let o = run(&w, &["WMS"], 0);
    let pick = find(&o, "Pick, pack and dispatch").unwrap();
    assert_eq!(pick.horizon, None);
    assert!(pick.impact.is_empty());
}
