//! Scoring, objectives and decisions as the room lives them: the demo's
//! problems are found, decisions are kept whatever happens, an approved
//! process is locked, and bad input changes nothing.

use bia::model::{ObjectivesInput, Provenance, ScoreInput, Status};
use bia::{Error, Store};

use crate::{demo_store, temp_dir};

fn objectives(rto: &str, rationale: &str) -> ObjectivesInput {
    ObjectivesInput {
        rto: rto.into(),
        rpo: "15 min".into(),
        rationale: rationale.into(),
        agreed_by: "Hannah Lowe".into(),
        ..Default::default()
    }
}

#[test]
fn the_demo_has_problems_for_the_room_to_find() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let analysis = bia::analysis::analyze(&store.load().unwrap());
    let find = |name: &str| {
        analysis
            .processes
            .iter()
            .find(|p| p.process == name)
            .unwrap()
    };
    let customs = find("Customs clearance and documentation");
    assert_eq!(
        customs.violations[0].message,
        "RTO 1 w is not below the MTPD of 3 d."
    );
    assert_eq!(
        find("Complaints handling").scored_cells,
        0,
        "one process is still unscored"
    );
    assert_eq!(
        find("Seasonal recruitment and onboarding").decreasing.len(),
        1
    );
    assert!(find("Treasury and cash management").mtpd_overridden);
    let violating = analysis
        .processes
        .iter()
        .filter(|p| !p.violations.is_empty())
        .count();
    assert_eq!(
        violating, 1,
        "only the deliberate problem violates its MTPD"
    );
    let scored = analysis
        .processes
        .iter()
        .filter(|p| p.scored_cells == p.total_cells)
        .count();
    assert_eq!(scored, 24, "every other process has a full 7 × 8 grid");
    assert!(
        analysis
            .processes
            .iter()
            .filter(|p| p.tier.is_some())
            .count()
            >= 23
    );
}

#[test]
fn agreeing_objectives_appends_decisions_that_undo_cannot_erase() {
    let dir = temp_dir();
    let (mut store, path) = demo_store(&dir);
    let p = store
        .process_by_name("Shipment tracking enquiries")
        .unwrap()
        .unwrap();
    let before = store.decisions(Some(p.id)).unwrap().len();

    let mut input = store.objectives(p.id).unwrap().unwrap().to_input();
    input.rto = "8h".into();
    input.rationale = "Key accounts chase within the day".into();
    input.agreed_by = "Hannah Lowe".into();
    bia::objectives::agree(&mut store, p.id, &input, &Provenance::Workshop).unwrap();
    let log = store.decisions(Some(p.id)).unwrap();
    let new: Vec<_> = log[before..]
        .iter()
        .map(|d| (d.field.as_str(), d.old_value.as_str(), d.new_value.as_str()))
        .collect();
    assert_eq!(new, [("RTO", "1 d", "8 h")], "only the RTO changed");
    assert_eq!(
        log.last().unwrap().rationale,
        "Key accounts chase within the day"
    );
    assert_eq!(log.last().unwrap().who, "Hannah Lowe");

    store.undo().unwrap();
    assert_eq!(
        store.objectives(p.id).unwrap().unwrap().rto.unwrap().0,
        1440
    );
    let log = store.decisions(Some(p.id)).unwrap();
    assert_eq!(
        log.len(),
        before + 2,
        "the undo is logged too; nothing was removed"
    );
    let undo = log.last().unwrap();
    assert_eq!(
        (undo.old_value.as_str(), undo.new_value.as_str()),
        ("8 h", "1 d")
    );
    assert_eq!(
        undo.rationale,
        "Undo of “Agree objectives of “Shipment tracking enquiries””"
    );
    store.close().unwrap();

    // The log refuses to be edited, even by hand.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let err = conn
        .execute("UPDATE decision SET new_value = '5 min'", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let err = conn.execute("DELETE FROM decision", []).unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}

#[test]
fn an_rto_not_below_the_mtpd_is_refused_and_nothing_changes() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let p = store.process_by_name("IT service desk").unwrap().unwrap();
    let stored = store.objectives(p.id).unwrap();
    let decisions = store.decisions(None).unwrap().len();
    let err = bia::objectives::agree(
        &mut store,
        p.id,
        &objectives("3 d", "x"),
        &Provenance::Workshop,
    )
    .unwrap_err();
    let Error::Invalid { issues } = err else {
        panic!("expected invalid input, got {err}")
    };
    assert_eq!(issues[0].field, "rto");
    assert_eq!(
        issues[0].message,
        "RTO 3 d is not below the MTPD of 3 d (Operational reaches 4 – Major at 3 d)."
    );
    let issues = bia::objectives::check(
        &store,
        p.id,
        &ObjectivesInput {
            rto: "soon".into(),
            wrt: "-4h".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .issues;
    assert_eq!(
        issues.iter().map(|i| i.field.as_str()).collect::<Vec<_>>(),
        ["rto", "wrt"]
    );
    assert!(
        issues[0]
            .message
            .contains("\"soon\" is not a duration; write e.g. 0, 30 min, 4 h")
    );
    assert_eq!(store.objectives(p.id).unwrap(), stored);
    assert_eq!(store.decisions(None).unwrap().len(), decisions);
}

#[test]
fn an_approved_process_is_locked_until_reopened_and_reopening_is_logged() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let payroll = store
        .process_by_name("Payroll processing")
        .unwrap()
        .unwrap();
    assert_eq!(payroll.status, Status::Approved);
    let m = store.methodology().unwrap();
    let cell = ScoreInput {
        category_id: m.categories[0].id,
        horizon_id: m.horizons[0].id,
        severity: Some(5),
        note: None,
    };

    let locked = |e: Error| assert_eq!(e.code(), "process_locked", "{e}");
    let locked_store = |e: bia::store::Error| locked(e.into());
    locked_store(
        store
            .set_scores(
                payroll.id,
                std::slice::from_ref(&cell),
                &Provenance::Workshop,
            )
            .unwrap_err(),
    );
    locked(
        bia::objectives::agree(
            &mut store,
            payroll.id,
            &objectives("2 h", "x"),
            &Provenance::Workshop,
        )
        .unwrap_err(),
    );
    let mut edit = bia::model::ProcessInput {
        name: payroll.name.clone().into(),
        owner: "Someone else".into(),
        status: Status::Approved,
        ..Default::default()
    };
    edit.unit_id = payroll.unit_id;
    locked_store(store.update_process(payroll.id, &edit).unwrap_err());
    locked_store(store.delete_process(payroll.id).unwrap_err());

    store
        .set_status(
            payroll.id,
            Status::InReview,
            "New weekly pay cycle from April",
        )
        .unwrap();
    let last = store.decisions(Some(payroll.id)).unwrap().pop().unwrap();
    assert_eq!(
        (
            last.field.as_str(),
            last.old_value.as_str(),
            last.new_value.as_str()
        ),
        ("Status", "Approved", "In review")
    );
    assert_eq!(last.rationale, "New weekly pay cycle from April");
    store
        .set_scores(payroll.id, &[cell], &Provenance::Workshop)
        .expect("a reopened process can be scored");
}

#[test]
fn bad_scores_change_nothing() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let p = store
        .process_by_name("Complaints handling")
        .unwrap()
        .unwrap();
    let m = store.methodology().unwrap();
    let out_of_scale = ScoreInput {
        category_id: m.categories[0].id,
        horizon_id: m.horizons[0].id,
        severity: Some(6),
        note: None,
    };
    let fine = ScoreInput {
        severity: Some(3),
        horizon_id: m.horizons[1].id,
        ..out_of_scale.clone()
    };
    let err = store
        .set_scores(p.id, &[fine, out_of_scale], &Provenance::Workshop)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Severity 6 is outside the scale; use 0 to 5."
    );
    assert!(
        store.process_impact(p.id).unwrap().scores.is_empty(),
        "the good cell of the same edit was rolled back"
    );
    assert_eq!(
        bia::Error::from(m.category_named("Finance").unwrap_err()).code(),
        "unknown_name"
    );
    assert_eq!(m.horizon_named("24h").unwrap().label, "1 d");
    assert_eq!(
        m.horizon_named("5 h").unwrap_err().to_string(),
        "no horizon \"5 h\"; use one of: 1 h, 4 h, 8 h, 1 d, 3 d, 1 w, 2 w, 1 mo"
    );
}

#[test]
fn clearing_a_cell_makes_it_unscored_not_zero() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let p = store
        .process_by_name("Complaints handling")
        .unwrap()
        .unwrap();
    let m = store.methodology().unwrap();
    let at = |sev| ScoreInput {
        category_id: m.categories[2].id,
        horizon_id: m.horizons[3].id,
        severity: sev,
        note: None,
    };
    store
        .set_scores(p.id, &[at(Some(0))], &Provenance::Workshop)
        .unwrap();
    assert_eq!(
        store.process_impact(p.id).unwrap().scores[0].severity,
        Some(0),
        "0 is a score"
    );
    store
        .set_scores(p.id, &[at(None)], &Provenance::Workshop)
        .unwrap();
    assert!(
        store.process_impact(p.id).unwrap().scores.is_empty(),
        "cleared is unscored"
    );
}

#[test]
fn methodology_edits_never_orphan_scores() {
    let dir = temp_dir();
    let (mut store, _) = demo_store(&dir);
    let m = store.methodology().unwrap();
    let before = store.load().unwrap();

    let mut input = m.to_input();
    input.categories.retain(|c| c.name != "Financial");
    let err = store.update_methodology(&input).unwrap_err();
    assert_eq!(err.code(), "methodology_in_use");
    assert!(
        err.to_string()
            .starts_with("Category \"Financial\" is still used by"),
        "{err}"
    );
    let mut input = m.to_input();
    input.horizons.remove(3);
    assert_eq!(
        store.update_methodology(&input).unwrap_err().code(),
        "methodology_in_use"
    );
    let mut after = store.load().unwrap();
    after.info.updated_at = before.info.updated_at.clone();
    assert_eq!(after, before, "refused edits change nothing");

    // Retire, rename, re-threshold, add a horizon and a category, reorder: all at once.
    let mut input = m.to_input();
    input.categories[6].retired = true;
    input.categories[0].name = "Financial loss".into();
    input.categories[5].threshold = Some(3);
    input.categories.swap(1, 2);
    input.categories.push(bia::model::CategoryInput {
        name: "Contractual".into(),
        definitions: vec!["—".into(); 6],
        ..Default::default()
    });
    input.horizons.push(bia::model::HorizonInput {
        id: None,
        label: "2 d".into(),
        duration: "48h".into(),
    });
    input.scale[4] = "Severe".into();
    input.tiers[1].max_rto = "12 h".into();
    input.currency = " usd ".into();
    let m2 = store.update_methodology(&input).unwrap();
    assert_eq!(
        m2.currency.code(),
        "USD",
        "the demo's pounds become dollars, as typed"
    );
    let names: Vec<_> = m2.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(&names[..3], ["Financial loss", "Customer", "Operational"]);
    assert!(m2.categories[6].retired);
    assert_eq!(m2.categories.len(), 8);
    assert_eq!(
        m2.horizons
            .iter()
            .map(|h| h.label.as_str())
            .collect::<Vec<_>>(),
        [
            "1 h", "4 h", "8 h", "1 d", "2 d", "3 d", "1 w", "2 w", "1 mo"
        ]
    );
    assert_eq!(m2.scale[4].name, "Severe");
    assert_eq!(
        store.load().unwrap().scores.len(),
        before.scores.len(),
        "every score kept"
    );

    // Undo puts the whole methodology back, its currency too.
    store.undo().unwrap();
    assert_eq!(store.methodology().unwrap(), m);
    assert_eq!(m.currency.code(), "GBP");

    let mut bad = m.to_input();
    bad.horizons[0].duration = "soon".into();
    bad.tiers[2].max_rto = "8 h".into();
    bad.categories[0].name = " ".into();
    bad.currency = "pounds".into();
    let bia::store::Error::Invalid { issues } = store.update_methodology(&bad).unwrap_err() else {
        panic!()
    };
    let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "categories.0.name",
            "currency",
            "horizons.0.duration",
            "tiers.2.max_rto"
        ]
    );
    assert_eq!(
        issues[1].message,
        "“pounds” is not a currency: use a three-letter ISO 4217 code, such as GBP, EUR or USD."
    );
}

#[test]
fn scores_and_objectives_survive_reopening() {
    let dir = temp_dir();
    let (store, path) = demo_store(&dir);
    let before = store.load().unwrap();
    store.close().unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.load().unwrap(), before);
}
