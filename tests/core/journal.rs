//! Undo and redo: every edit can be taken back, in order, even after the
//! file was closed and reopened, and a new edit discards the redo branch.

use bia::Store;
use bia::model::{ProcessInput, Provenance, UnitInput};

use crate::{demo_store, temp_dir};

#[test]
fn undo_and_redo_walk_the_edits_back_and_forth() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    assert_eq!(
        store.history().unwrap().undo,
        None,
        "making the demo is not undoable"
    );
    let original = store.load().unwrap();

    let input = ProcessInput {
        name: "Port gate booking".into(),
        owner: "Tom Reilly".into(),
        ..Default::default()
    };
    let added = store
        .create_process_in("Port Services", &input, &Provenance::Workshop)
        .unwrap();
    let mut renamed = input.clone();
    renamed.name = "Port gate and slot booking".into();
    renamed.unit_id = added.unit_id;
    store.update_process(added.id, &renamed).unwrap();
    let history = store.history().unwrap();
    assert_eq!(
        history.undo.as_deref(),
        Some("Edit process “Port gate booking”")
    );

    store.undo().unwrap();
    assert_eq!(store.process(added.id).unwrap().name, "Port gate booking");
    let h = store.undo().unwrap();
    assert!(
        store
            .process_by_name("Port gate booking")
            .unwrap()
            .is_none()
    );
    assert!(
        store.unit_by_name("Port Services").unwrap().is_none(),
        "the unit made with it is gone too"
    );
    assert_eq!(h.undo, None);
    assert_eq!(h.redo.as_deref(), Some("Add process “Port gate booking”"));
    let mut now = store.load().unwrap();
    now.info.updated_at = original.info.updated_at.clone();
    assert_eq!(now, original, "two undos give back the demo exactly");
    assert_eq!(store.undo().unwrap_err().code(), "nothing_to_undo");

    store.redo().unwrap();
    store.redo().unwrap();
    assert_eq!(
        store.process(added.id).unwrap().name,
        "Port gate and slot booking",
        "redo restores the same ids"
    );
    assert_eq!(store.redo().unwrap_err().code(), "nothing_to_redo");
}

#[test]
fn undo_brings_back_a_deleted_process_with_its_custom_fields() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let customs = store
        .process_by_name("Customs clearance and documentation")
        .unwrap()
        .unwrap();
    assert_eq!(customs.custom_fields.len(), 2);
    store.delete_process(customs.id).unwrap();
    assert!(
        store
            .process_by_name("Customs clearance and documentation")
            .unwrap()
            .is_none()
    );
    store.undo().unwrap();
    assert_eq!(store.process(customs.id).unwrap(), customs);
}

#[test]
fn a_new_edit_discards_what_was_undone() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    store
        .create_unit(&UnitInput {
            name: "Legal".into(),
            parent_id: None,
        })
        .unwrap();
    store.undo().unwrap();
    store
        .create_unit(&UnitInput {
            name: "Facilities".into(),
            parent_id: None,
        })
        .unwrap();
    assert_eq!(store.history().unwrap().redo, None);
    assert_eq!(store.redo().unwrap_err().code(), "nothing_to_redo");
}

#[test]
fn undo_survives_closing_and_reopening_the_file() {
    let dir = temp_dir();
    let (mut store, path) = demo_store(&dir);
    let input = ProcessInput {
        name: "Yard management".into(),
        ..Default::default()
    };
    store.create_process(&input, &Provenance::Workshop).unwrap();
    store.close().unwrap();

    let mut store = Store::open(&path).unwrap();
    assert!(store.process_by_name("Yard management").unwrap().is_some());
    assert_eq!(
        store.history().unwrap().undo.as_deref(),
        Some("Add process “Yard management”")
    );
    store.undo().unwrap();
    assert!(store.process_by_name("Yard management").unwrap().is_none());
}
