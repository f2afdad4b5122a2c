//! Resources and dependencies as a workshop records them: the demo's gaps,
//! refusals that change nothing, deletes that take their links along and
//! come back with undo, and the command line.

use bia::model::{
    DependencyInput, DependencyTarget, NodeRef, Provenance, Redundancy, ResourceInput,
    ResourceKind, Strength,
};

use crate::{demo_store, temp_dir};

#[test]
fn the_demo_shows_gaps_a_spof_and_resource_chains() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    assert!(
        (28..=35).contains(&a.resources.len()),
        "about 30 resources, got {}",
        a.resources.len()
    );
    for kind in ResourceKind::ALL {
        assert!(
            a.resources.iter().any(|r| r.kind == kind),
            "a {kind:?} in the demo"
        );
    }
    let d = bia::analysis::analyze(&a).dependencies;
    assert!(
        d.gaps.len() >= 3,
        "at least three gaps, got {}",
        d.gaps.len()
    );
    assert!(!d.spofs.is_empty());
    let dc = d
        .gaps
        .iter()
        .find(|g| g.subject == "Primary data centre, Reading")
        .expect("the data centre falls short");
    assert_eq!(
        dc.chain,
        [
            "Pick, pack and dispatch (RTO 2 h)",
            "Harbourline WMS",
            "Primary data centre, Reading (restores in 8 h)"
        ]
    );
    // Every gap names the process at the head of its chain by id.
    let pick = a
        .processes
        .iter()
        .find(|p| p.name == "Pick, pack and dispatch")
        .unwrap();
    assert_eq!(dc.source_process_id, Some(pick.id));
    for g in &d.gaps {
        let head = a
            .processes
            .iter()
            .find(|p| Some(p.id) == g.source_process_id)
            .unwrap_or_else(|| panic!("a process heads {g:?}"));
        assert!(g.chain[0].starts_with(&format!("{} (", head.name)), "{g:?}");
    }
    assert!(
        d.gaps
            .iter()
            .any(|g| g.subject == "Temperature monitoring platform"
                && g.capability_minutes.is_none())
    );
    assert!(
        d.gaps
            .iter()
            .any(|g| g.subject == "Inventory control and cycle counts"),
        "an upstream process is too slow"
    );
    assert!(
        d.spofs
            .iter()
            .any(|s| s.name == "Primary data centre, Reading")
    );
    assert_eq!(d.orphans, ["Birmingham hub", "Head office, Ipswich"]);
}

fn input(kind: ResourceKind, name: &str, rto: &str) -> ResourceInput {
    ResourceInput {
        kind,
        name: name.into(),
        rto_capability: rto.into(),
        redundancy: Redundancy::None,
        ..Default::default()
    }
}

#[test]
fn bad_dependencies_are_refused_and_change_nothing() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let before = store.dependencies().unwrap();
    let payroll = store.node_named("Payroll processing").unwrap();
    let sage = store.node_named("Sage Payroll").unwrap();
    let link = |from, to| DependencyInput {
        from,
        to: DependencyTarget::Existing(to),
        strength: Strength::Required,
        note: String::new(),
    };
    let cases = [
        (
            link(payroll, payroll),
            "Payroll processing cannot rely on itself",
        ),
        (
            link(sage, payroll),
            "a resource cannot rely on a process (Sage Payroll → Payroll processing)",
        ),
        (
            link(payroll, sage),
            "Payroll processing already relies on Sage Payroll (required)",
        ),
    ];
    for (i, message) in cases {
        let err = store
            .create_dependency(&i, &Provenance::Workshop)
            .unwrap_err();
        assert_eq!(err.code(), "bad_dependency");
        assert!(err.to_string().starts_with(message), "{err}");
    }
    // A new resource with a bad duration is not half-made.
    let bad = DependencyInput {
        from: payroll,
        to: DependencyTarget::NewResource(input(
            ResourceKind::Application,
            "Payslip portal",
            "soon",
        )),
        strength: Strength::Required,
        note: String::new(),
    };
    assert_eq!(
        store
            .create_dependency(&bad, &Provenance::Workshop)
            .unwrap_err()
            .code(),
        "invalid"
    );
    assert!(store.node_named("Payslip portal").is_err());
    assert_eq!(store.dependencies().unwrap(), before, "nothing changed");
    assert_eq!(
        store.node_named("Payroll").unwrap_err().to_string(),
        "no process or resource named \"Payroll\""
    );
    assert_eq!(
        store
            .create_resource(
                &input(ResourceKind::Application, " sage   PAYROLL ", "1 d"),
                &Provenance::Workshop
            )
            .unwrap_err()
            .code(),
        "duplicate_resource",
        "names are unique per kind"
    );
    store
        .create_resource(
            &input(ResourceKind::Supplier, "Sage Payroll", ""),
            &Provenance::Workshop,
        )
        .expect("the same name may be another kind");
    let err = store.node_named("sage payroll").unwrap_err();
    assert_eq!(err.code(), "ambiguous_name");
    assert!(err.to_string().contains("application \"Sage Payroll\" or supplier \"Sage Payroll\"; write application:NAME or supplier:NAME"), "{err}");
    assert!(matches!(
        store.node_named("supplier:Sage Payroll").unwrap(),
        NodeRef::Resource(_)
    ));
}

#[test]
fn a_dependency_on_a_new_resource_is_one_edit_and_deletes_take_their_links() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let payroll = store.node_named("Payroll processing").unwrap();
    let new = DependencyInput {
        from: payroll,
        to: DependencyTarget::NewResource(input(
            ResourceKind::Application,
            "Payslip portal",
            "2 d",
        )),
        strength: Strength::Required,
        note: "Staff download payslips".into(),
    };
    store
        .create_dependency(&new, &Provenance::Workshop)
        .unwrap();
    let a = bia::analysis::analyze(&store.load().unwrap()).dependencies;
    let gap = a
        .gaps
        .iter()
        .find(|g| g.subject == "Payslip portal")
        .expect("a new gap appears");
    assert_eq!(
        gap.message,
        "Payslip portal restores in 2 d, but Payroll processing needs it back within 1 d"
    );
    store.undo().unwrap();
    assert!(
        store.node_named("Payslip portal").is_err(),
        "one undo removes the link and the resource made with it"
    );

    let wms = store
        .resources()
        .unwrap()
        .into_iter()
        .find(|r| r.name == "Harbourline WMS")
        .unwrap();
    let links = store.dependencies().unwrap().len();
    store.delete_resource(wms.id).unwrap();
    assert_eq!(
        store.dependencies().unwrap().len(),
        links - 5,
        "its three dependents and its two needs go with it"
    );
    store.undo().unwrap();
    assert_eq!(store.dependencies().unwrap().len(), links);
    assert_eq!(store.resource(wms.id).unwrap(), wms);

    let dep = store
        .dependencies()
        .unwrap()
        .into_iter()
        .find(|d| d.to == NodeRef::Resource(wms.id))
        .unwrap();
    let changed = store
        .update_dependency(
            dep.id,
            Strength::Optional,
            "Paper pick lists work for a day",
        )
        .unwrap();
    assert_eq!(
        (changed.strength, changed.note.as_str()),
        (Strength::Optional, "Paper pick lists work for a day")
    );
}
