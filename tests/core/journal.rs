//! Undo and redo: every edit can be taken back, in order, even after the
//! file was closed and reopened, and a new edit discards the redo branch.
//! The file keeps the latest edits only, so a long workshop neither fills
//! the file with history nor slows down; the decision log keeps everything.

use std::num::NonZeroU32;

use bia::Store;
use bia::model::{
    Assessment, AssessmentInput, DependencyInput, DependencyTarget, NodeRef, ObjectivesInput,
    ProcessInput, Provenance, ResourceInput, ResourceKind, ScoreInput, Status, Strength, UnitInput,
};
use bia::store::DEFAULT_UNDO_LIMIT;

use crate::{demo_store, new_store, temp_dir};

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

/// Everything undo and redo put back: the file as loaded (without the
/// decision log, which undo and redo append to and never rewind), less
/// what moves on its own (the time of the last change). Scores and objectives come
/// in the order they were stored, so they are compared by their ids.
fn state(store: &Store) -> Assessment {
    let mut a = store.load().unwrap();
    a.info.updated_at.clear();
    a.scores.sort_by_key(|s| {
        (
            s.process_id.to_string(),
            s.category_id.to_string(),
            s.horizon_id.to_string(),
        )
    });
    a.objectives.sort_by_key(|o| o.process_id.to_string());
    a
}

#[test]
fn undo_and_redo_walk_through_exactly_the_states_the_edits_left() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let m = store.methodology().unwrap();
    let mut states = vec![state(&store)];

    let mut yard = ProcessInput {
        name: "Yard management".into(),
        owner: "Tom Reilly".into(),
        ..Default::default()
    };
    let p = store
        .create_process_in("Port Services", &yard, &Provenance::Workshop)
        .unwrap();
    states.push(state(&store));
    yard.unit_id = p.unit_id;
    yard.name = "Yard and gate management".into();
    yard.notes = "Night shift runs the gate alone.".into();
    store.update_process(p.id, &yard).unwrap();
    states.push(state(&store));
    let cells: Vec<ScoreInput> = m
        .horizons
        .iter()
        .enumerate()
        .map(|(i, h)| ScoreInput {
            category_id: m.categories[1].id,
            horizon_id: h.id,
            severity: Some((i as u8).min(5)),
            note: Some(format!("horizon {i}")),
        })
        .collect();
    store
        .set_scores(p.id, &cells, &Provenance::Workshop)
        .unwrap();
    states.push(state(&store));
    store
        .set_impact_rationale(p.id, "Trucks queue onto the ring road within hours.")
        .unwrap();
    states.push(state(&store));
    let agreed = ObjectivesInput {
        rto: "4 h".into(),
        rpo: "1 h".into(),
        rationale: "Gate must reopen before the evening peak".into(),
        agreed_by: "Hannah Lowe".into(),
        ..Default::default()
    };
    bia::objectives::agree(&mut store, p.id, &agreed, &Provenance::Workshop).unwrap();
    states.push(state(&store));
    store.set_status(p.id, Status::InReview, "Ready").unwrap();
    states.push(state(&store));
    let camera = store
        .create_resource(
            &ResourceInput {
                kind: ResourceKind::Equipment,
                name: "Gate cameras".into(),
                ..Default::default()
            },
            &Provenance::Workshop,
        )
        .unwrap();
    states.push(state(&store));
    store
        .create_dependency(
            &DependencyInput {
                from: NodeRef::Process(p.id),
                to: DependencyTarget::Existing(NodeRef::Resource(camera.id)),
                strength: Strength::Required,
                note: String::new(),
            },
            &Provenance::Workshop,
        )
        .unwrap();
    states.push(state(&store));
    store
        .update_info(&AssessmentInput {
            name: "Harbourline BIA 2027".into(),
            organisation: "Harbourline Logistics Ltd".into(),
            ..Default::default()
        })
        .unwrap();
    states.push(state(&store));
    let customs = store
        .process_by_name("Customs clearance and documentation")
        .unwrap()
        .unwrap();
    store.delete_process(customs.id).unwrap();
    states.push(state(&store));

    let last = states.len() - 1;
    for k in (0..last).rev() {
        store.undo().unwrap();
        assert_eq!(
            state(&store),
            states[k],
            "undo back to the state after edit {k}"
        );
    }
    for (k, expected) in states.iter().enumerate().skip(1) {
        store.redo().unwrap();
        assert_eq!(&state(&store), expected, "redo forward to edit {k}");
    }
    // Back and forth in the middle, as a facilitator hesitates.
    for _ in 0..5 {
        store.undo().unwrap();
    }
    store.redo().unwrap();
    store.redo().unwrap();
    assert_eq!(state(&store), states[last - 3]);
    store.undo().unwrap();
    assert_eq!(state(&store), states[last - 4]);
    for _ in 0..4 {
        store.redo().unwrap();
    }
    assert_eq!(state(&store), states[last]);
    assert_eq!(store.redo().unwrap_err().code(), "nothing_to_redo");
}

/// How many edits the closed file at `path` keeps in its journal.
fn journal_length(path: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM edit", [], |r| r.get(0))
        .unwrap()
}

/// The bytes of the closed file's pages that hold `tables` (with their
/// indexes), from SQLite's `dbstat`.
fn bytes_of(path: &std::path::Path, tables: &[&str]) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT coalesce(sum(d.pgsize), 0) FROM dbstat d
             JOIN sqlite_schema s ON s.name = d.name WHERE s.tbl_name = ?1",
        )
        .unwrap();
    tables
        .iter()
        .map(|t| stmt.query_row([t], |r| r.get::<_, i64>(0)).unwrap())
        .sum()
}

#[test]
fn a_long_workshop_keeps_the_latest_edits_and_every_decision() {
    let dir = temp_dir();
    let (mut store, path) = new_store(&dir);
    let limit = NonZeroU32::new(100).unwrap();
    assert_eq!(store.undo_limit().unwrap(), DEFAULT_UNDO_LIMIT);
    store.set_undo_limit(Some(limit)).unwrap();
    let mut input = ProcessInput {
        name: "Payroll processing".into(),
        owner: "Aisha Bello".into(),
        ..Default::default()
    };
    let payroll = store
        .create_process_in("Finance", &input, &Provenance::Workshop)
        .unwrap();
    input.unit_id = payroll.unit_id;

    // 5,000 edits: every tenth agrees a new RTO (a decision), the others
    // note something. The note and RTO after each edit, to undo back to.
    let rto = |i: usize| format!("{} h", 1 + (i / 10) % 7);
    let mut notes = vec![String::new()];
    let mut rtos = vec![None];
    let mut decisions = 0;
    // The file, the journal's part of it and the decision log's, at two
    // points of the workshop.
    let mut sizes = Vec::new();
    for i in 1..=5_000 {
        if i % 10 == 0 {
            let agreed = ObjectivesInput {
                rto: rto(i),
                rationale: format!("Agreed in session {i}"),
                ..Default::default()
            };
            bia::objectives::agree(&mut store, payroll.id, &agreed, &Provenance::Workshop).unwrap();
            decisions += 1;
        } else {
            input.notes = format!("Session {i}: confirmed the cut-off.");
            store.update_process(payroll.id, &input).unwrap();
        }
        notes.push(input.notes.clone());
        rtos.push(store.objectives(payroll.id).unwrap().and_then(|o| o.rto));
        if i == 1_000 || i == 5_000 {
            store.close().unwrap();
            assert_eq!(journal_length(&path), 100, "after {i} edits");
            sizes.push((
                std::fs::metadata(&path).unwrap().len() as i64,
                bytes_of(&path, &["edit", "edit_change"]),
                bytes_of(&path, &["decision"]),
            ));
            store = Store::open(&path).unwrap();
        }
    }
    let [
        (file_then, journal_then, log_then),
        (file_now, journal_now, log_now),
    ] = sizes[..]
    else {
        unreachable!()
    };
    assert!(
        journal_now <= journal_then + journal_then / 10,
        "five times the edits, the same journal: {journal_then} then {journal_now} bytes"
    );
    assert!(
        file_now - file_then <= (log_now - log_then) + 16 * 4096,
        "the file grows by the decision log alone: {file_then} then {file_now} bytes, \
         of which the log {log_then} then {log_now}"
    );
    assert_eq!(
        store.undo_limit().unwrap(),
        limit,
        "the limit is the file's"
    );

    let log = store.decisions(Some(payroll.id)).unwrap();
    assert_eq!(
        log.len(),
        decisions,
        "the decision log keeps every decision"
    );
    assert_eq!(log[0].rationale, "Agreed in session 10");

    for back in 1..=100 {
        store.undo().unwrap();
        let now = store.process(payroll.id).unwrap();
        assert_eq!(now.notes, notes[5_000 - back], "{back} undos");
        let agreed = store.objectives(payroll.id).unwrap().and_then(|o| o.rto);
        assert_eq!(agreed, rtos[5_000 - back], "{back} undos");
    }
    assert_eq!(
        store.undo().unwrap_err().code(),
        "nothing_to_undo",
        "undo goes back the latest 100 edits, no further"
    );
    for _ in 0..100 {
        store.redo().unwrap();
    }
    assert_eq!(store.process(payroll.id).unwrap().notes, notes[5_000]);
    let log = store.decisions(Some(payroll.id)).unwrap();
    assert_eq!(
        log.len(),
        decisions + 20,
        "undoing and redoing ten agreements appends twenty decisions"
    );
    assert_eq!(log[0].rationale, "Agreed in session 10");
}

#[test]
fn a_lower_limit_forgets_the_oldest_edits_at_once_and_keeps_the_redo_branch() {
    let dir = temp_dir();
    let (mut store, path) = new_store(&dir);
    for name in ["Finance", "Legal", "Facilities", "Operations", "Sales"] {
        store
            .create_unit(&UnitInput {
                name: name.into(),
                parent_id: None,
            })
            .unwrap();
    }
    store.undo().unwrap();
    store.undo().unwrap();
    let two = NonZeroU32::new(2).unwrap();
    assert_eq!(store.set_undo_limit(Some(two)).unwrap(), two);
    store.close().unwrap();
    assert_eq!(
        journal_length(&path),
        4,
        "the two latest edits done, and the two undone"
    );
    let mut store = Store::open(&path).unwrap();
    store.redo().unwrap();
    store.redo().unwrap();
    assert!(store.unit_by_name("Sales").unwrap().is_some());
    for _ in 0..4 {
        store.undo().unwrap();
    }
    assert_eq!(store.undo().unwrap_err().code(), "nothing_to_undo");
    let units: Vec<String> = store.units().unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(units, ["Finance"], "the first edit is beyond the limit");
    assert_eq!(store.set_undo_limit(None).unwrap(), DEFAULT_UNDO_LIMIT);
}

/// The objectives of a process an edit creates are written without being
/// read back, their decisions logged from what was written: the log holds
/// exactly what it holds when the same objectives are agreed for a process
/// that was already there, and undo and redo take them back and forth.
#[test]
fn a_new_processs_objectives_log_the_same_decisions_as_agreeing_them_later() {
    use bia::model::{Minutes, Objectives};
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    let objectives = |process_id| Objectives {
        process_id,
        mtpd_override: Some(Minutes(2 * 24 * 60)),
        mtpd_override_reason: "Regulator expects payroll within two days".into(),
        rto: Some(Minutes(8 * 60)),
        rpo: None,
        rpo_not_applicable: true,
        wrt: Some(Minutes(4 * 60)),
        mbco_percent: Some(60),
        rationale: "Agreed in the payroll workshop".into(),
        agreed_by: String::new(),
        agreed_on: "2027-03-04".into(),
        provenance: Provenance::Workshop,
    };
    let payroll = ProcessInput {
        name: "Payroll run".into(),
        ..Default::default()
    };
    let onboarding = ProcessInput {
        name: "Customer onboarding".into(),
        ..Default::default()
    };
    // Created and agreed in one edit (the import's path) …
    let new = store
        .edit(
            "Import “payroll.xlsx”",
            "Imported from payroll.xlsx",
            |w| {
                let id = w.create_process(&payroll, &Provenance::Workshop)?;
                w.put_objectives(id, &objectives(id))?;
                Ok(id)
            },
        )
        .unwrap();
    // … and agreed in an edit of its own for a process already there.
    let old = store
        .create_process(&onboarding, &Provenance::Workshop)
        .unwrap()
        .id;
    store
        .edit(
            "Import “payroll.xlsx”",
            "Imported from payroll.xlsx",
            |w| w.put_objectives(old, &objectives(old)),
        )
        .unwrap();
    let logged = |store: &Store, id| {
        let mut rows: Vec<_> = store
            .decisions(Some(id))
            .unwrap()
            .into_iter()
            .map(|d| (d.field, d.old_value, d.new_value, d.rationale, d.who))
            .collect();
        rows.sort();
        rows
    };
    let expected = logged(&store, old);
    assert_eq!(expected.len(), 5, "MTPD, RTO, RPO, WRT, MBCO: {expected:?}");
    assert!(
        expected
            .iter()
            .any(|d| d.0 == "RPO" && d.2 == "not applicable")
    );
    assert!(
        expected
            .iter()
            .any(|d| d.0 == "MTPD" && d.3 == "Regulator expects payroll within two days")
    );
    assert_eq!(logged(&store, new), expected);
    assert_eq!(store.objectives(new).unwrap(), Some(objectives(new)));

    // Undo takes back the objectives agreed for the old process, then the
    // new process with its objectives; redo puts both back.
    store.undo().unwrap();
    store.undo().unwrap();
    store.undo().unwrap();
    assert!(store.processes().unwrap().is_empty());
    store.redo().unwrap();
    assert_eq!(store.objectives(new).unwrap(), Some(objectives(new)));
    assert_eq!(store.processes().unwrap().len(), 1);
}

/// Links written in one edit: a repeated link and a link of a process to
/// itself are not added, whether its ends are new in the edit or not.
#[test]
fn an_edit_adds_each_link_once_and_never_a_process_to_itself() {
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    let billing = store
        .create_process(
            &ProcessInput {
                name: "Billing".into(),
                ..Default::default()
            },
            &Provenance::Workshop,
        )
        .unwrap()
        .id;
    let citrix = store
        .create_resource(
            &ResourceInput {
                kind: ResourceKind::Application,
                name: "Citrix".into(),
                ..Default::default()
            },
            &Provenance::Workshop,
        )
        .unwrap()
        .id;
    let (old, new) = (NodeRef::Process(billing), NodeRef::Resource(citrix));
    let added = store
        .edit("Import “links.xlsx”", "", |w| {
            let payroll = NodeRef::Process(w.create_process(
                &ProcessInput {
                    name: "Payroll run".into(),
                    ..Default::default()
                },
                &Provenance::Workshop,
            )?);
            let mut added = Vec::new();
            for (from, to) in [
                (payroll, new),
                (payroll, new),
                (payroll, payroll),
                (payroll, old),
                (old, new),
                (old, new),
                (old, old),
                (payroll, old),
            ] {
                added.push(w.link(from, to, Strength::Required, "")?);
            }
            Ok(added)
        })
        .unwrap();
    assert_eq!(added, [true, false, false, true, true, false, false, false]);
    assert_eq!(store.load().unwrap().dependencies.len(), 3);
    // A later edit finds the links already there.
    let again = store
        .edit("Link again", "", |w| {
            w.link(old, new, Strength::Required, "")
        })
        .unwrap();
    assert!(!again);
    store.undo().unwrap();
    assert!(store.load().unwrap().dependencies.is_empty());
    assert_eq!(store.processes().unwrap().len(), 1);
    store.redo().unwrap();
    assert_eq!(store.load().unwrap().dependencies.len(), 3);
}
