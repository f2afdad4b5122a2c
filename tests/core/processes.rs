//! Processes and units as a workshop records them: names unique however
//! they are typed, units made on the fly, refusals that change nothing.

use bia::model::{CustomField, ProcessInput, Provenance, Status, UnitInput};

use crate::{demo_store, new_store, temp_dir};

fn payroll() -> ProcessInput {
    ProcessInput {
        name: "Payroll processing".into(),
        owner: "Aisha Bello".into(),
        peak_periods: "Every Thursday".into(),
        minimum_staff: Some(2),
        custom_fields: vec![CustomField {
            name: "Regulatory reference".into(),
            value: "HMRC RTI".into(),
        }],
        ..Default::default()
    }
}

#[test]
fn a_process_is_stored_with_every_field() {
    let dir = temp_dir();
    let (mut store, path) = new_store(&dir);
    let created = store
        .create_process_in("Finance", &payroll(), &Provenance::Workshop)
        .unwrap();
    store.close().unwrap();
    let store = bia::Store::open(&path).unwrap();
    let p = store.process(created.id).unwrap();
    assert_eq!(p.name, "Payroll processing");
    assert_eq!(p.owner, "Aisha Bello");
    assert_eq!(p.minimum_staff, Some(2));
    assert_eq!(p.status, Status::Draft);
    assert_eq!(p.provenance, Provenance::Workshop);
    assert_eq!(p.custom_fields[0].value, "HMRC RTI");
    assert_eq!(
        store.units().unwrap()[0].name,
        "Finance",
        "the unit was created with it"
    );
}

#[test]
fn duplicate_names_are_refused_whatever_the_case_and_spacing() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let before = store.processes().unwrap();
    let input = ProcessInput {
        name: "  payroll   PROCESSING ".into(),
        ..Default::default()
    };
    let err = store
        .create_process(&input, &Provenance::Workshop)
        .unwrap_err();
    assert_eq!(err.code(), "duplicate_process");
    assert_eq!(
        err.to_string(),
        "a process named \"payroll PROCESSING\" already exists"
    );
    assert_eq!(store.processes().unwrap(), before, "nothing changed");

    let issues = store.check_process(&input, None).unwrap();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].field, "name");

    // Renaming a process to its own name, differently cased, is fine.
    let payroll = store
        .process_by_name("Payroll processing")
        .unwrap()
        .unwrap();
    assert!(
        store
            .check_process(&input, Some(payroll.id))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn names_are_unique_however_their_accents_are_typed_and_keep_no_control_characters() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let decomposed = ProcessInput {
        name: "Cafe\u{301} ops".into(),
        ..Default::default()
    };
    let cafe = store
        .create_process(&decomposed, &Provenance::Workshop)
        .unwrap();
    assert_eq!(
        cafe.name, "Café ops",
        "stored composed, as it is typed most often"
    );
    let before = store.processes().unwrap();
    let composed = ProcessInput {
        name: "Café ops".into(),
        ..Default::default()
    };
    let err = store
        .create_process(&composed, &Provenance::Workshop)
        .unwrap_err();
    assert_eq!(err.code(), "duplicate_process", "one name, two spellings");
    assert_eq!(store.processes().unwrap(), before, "nothing changed");
    assert_eq!(
        store
            .process_by_name("CAFE\u{301} OPS")
            .unwrap()
            .map(|p| p.id),
        Some(cafe.id)
    );

    let escaped = ProcessInput {
        name: "\u{1b}[2J\u{1b}]0;pwned\u{7}Night\u{7f} shift\u{9b}31m".into(),
        ..Default::default()
    };
    let night = store
        .create_process(&escaped, &Provenance::Workshop)
        .unwrap();
    assert_eq!(
        night.name, "Night shift",
        "nothing left to drive a terminal"
    );
}

#[test]
fn a_failed_edit_rolls_back_whole() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let units_before = store.units().unwrap();
    // A new unit would be created first, then the duplicate process refused:
    // the unit must not be left behind.
    let input = ProcessInput {
        name: "Payroll processing".into(),
        ..Default::default()
    };
    let err = store
        .create_process_in("Shared Services", &input, &Provenance::Workshop)
        .unwrap_err();
    assert_eq!(err.code(), "duplicate_process");
    assert_eq!(
        store.units().unwrap(),
        units_before,
        "the half-made unit was rolled back"
    );
    assert_eq!(
        store.history().unwrap().undo,
        None,
        "and nothing was journaled"
    );
}

#[test]
fn editing_a_process_keeps_its_id_and_custom_field_ids() {
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    let p = store
        .create_process_in("Finance", &payroll(), &Provenance::Workshop)
        .unwrap();
    let mut input = payroll();
    input.name = "Payroll (weekly and monthly)".into();
    input.status = Status::InReview;
    input.custom_fields.push(CustomField {
        name: "Site".into(),
        value: "Head office".into(),
    });
    let q = store.update_process(p.id, &input).unwrap();
    assert_eq!(q.id, p.id);
    assert_eq!(q.name, "Payroll (weekly and monthly)");
    assert_eq!(q.custom_fields.len(), 2);
    assert_eq!(q.status, Status::InReview);

    // Saving without a change records no edit.
    let label = store.history().unwrap().undo;
    store.update_process(p.id, &input).unwrap();
    assert_eq!(store.history().unwrap().undo, label);
}

#[test]
fn invalid_input_names_the_field() {
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    let input = ProcessInput {
        name: "".into(),
        minimum_staff: Some(5_000_000),
        ..Default::default()
    };
    let err = store
        .create_process(&input, &Provenance::Workshop)
        .unwrap_err();
    let bia::store::Error::Invalid { issues } = err else {
        panic!("expected invalid input")
    };
    let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["name", "minimum_staff"]);
}

#[test]
fn units_form_a_tree_without_cycles_and_are_only_deleted_when_empty() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let ops = store.unit_by_name("operations").unwrap().unwrap();
    let warehouse = store.unit_by_name("Warehouse Operations").unwrap().unwrap();
    assert_eq!(warehouse.parent_id, Some(ops.id));

    let err = store
        .update_unit(
            ops.id,
            &UnitInput {
                name: "Operations".into(),
                parent_id: Some(warehouse.id),
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "unit_cycle");

    let err = store.delete_unit(warehouse.id).unwrap_err();
    assert_eq!(err.code(), "unit_in_use");
    assert!(err.to_string().contains("5 process(es)"), "{err}");

    let err = store
        .create_unit(&UnitInput {
            name: "FINANCE ".into(),
            parent_id: None,
        })
        .unwrap_err();
    assert_eq!(err.code(), "duplicate_unit");

    let legal = store
        .create_unit(&UnitInput {
            name: "Legal".into(),
            parent_id: None,
        })
        .unwrap();
    store
        .update_unit(
            legal.id,
            &UnitInput {
                name: "Legal & Compliance".into(),
                parent_id: Some(ops.id),
            },
        )
        .unwrap();
    store.delete_unit(legal.id).unwrap();
    assert!(store.unit_by_name("Legal & Compliance").unwrap().is_none());
}
