//! The demo assessment is realistic enough to show on first launch.

use std::collections::BTreeSet;

use bia::model::{Provenance, Status};

use crate::{demo_store, temp_dir};

#[test]
fn the_demo_is_a_whole_organisation() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    assert!(
        (20..=30).contains(&a.processes.len()),
        "about 25 processes, got {}",
        a.processes.len()
    );
    let used: BTreeSet<_> = a.processes.iter().filter_map(|p| p.unit_id).collect();
    assert!(
        (6..=8).contains(&used.len()),
        "processes spread over 6–8 units, got {}",
        used.len()
    );
    assert!(
        a.units.iter().any(|u| u.parent_id.is_some()),
        "units form a hierarchy"
    );
    assert!(
        a.processes.iter().all(|p| !p.owner.is_empty()),
        "every process has an owner"
    );
    assert!(
        a.processes
            .iter()
            .filter(|p| !p.peak_periods.is_empty())
            .count()
            >= 20
    );
    assert!(
        a.processes
            .iter()
            .filter(|p| !p.custom_fields.is_empty())
            .count()
            >= 5
    );
    assert!(a.processes.iter().all(|p| p.provenance == Provenance::Demo));
    for status in Status::ALL {
        assert!(
            a.processes.iter().any(|p| p.status == status),
            "some process is {status:?}"
        );
    }
}
