//! Workshop mode in the core, as a facilitator lives it: the warehouse
//! workshop is planned, reordered and started; values scored while it runs
//! say so (in each value and in the decision log); the room signs off; a
//! second workshop cannot start while one runs; mistakes are refused with
//! nothing changed, and everything is undoable. The CLI does the same.

use bia::Workbench;
use bia::model::{
    ActionInput, ActionKind, ActionStatus, AgendaInput, AgendaStatus, AgendaUpdate, MoveOn,
    ObjectivesInput, ParticipantInput, Provenance, ScoreInput, Status, WorkshopInput,
    WorkshopStatus,
};

use crate::cli::bia;
use crate::temp_dir;

fn demo(dir: &tempfile::TempDir) -> Workbench {
    Workbench::create_demo(&dir.path().join("demo.bia")).unwrap()
}

fn person(name: &str, role: &str) -> ParticipantInput {
    ParticipantInput {
        name: name.into(),
        role: role.into(),
        ..ParticipantInput::default()
    }
}

fn plan(wb: &mut Workbench, processes: &[&str]) -> bia::model::Workshop {
    let agenda: Vec<AgendaInput> = processes
        .iter()
        .map(|p| AgendaInput {
            process_id: wb.process_named(p).unwrap().id,
            timebox_minutes: 20,
        })
        .collect();
    wb.create_workshop(
        &WorkshopInput {
            title: "Customer service BIA workshop".into(),
            date: "2026-12-14".into(),
            start_time: "14:00".into(),
            facilitator: "Eleanor Marsh".into(),
            ..WorkshopInput::default()
        },
        &[
            person("Hannah Lowe", "Customer Service Manager"),
            person("Oliver Grant", "Key Account Director"),
        ],
        &agenda,
    )
    .unwrap()
}

#[test]
fn a_planned_agenda_keeps_its_order_and_its_items_when_reordered() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let w = plan(
        &mut wb,
        &[
            "Customer order intake",
            "Complaints handling",
            "Key account management",
        ],
    );
    assert_eq!(w.status, WorkshopStatus::Planned);
    assert_eq!(w.planned_minutes(), 60);
    let ids: Vec<_> = w.agenda.iter().map(|a| a.process_id).collect();
    let first_item = w.agenda[0].id;
    // Key account management first, complaints dropped, 30 minutes for it.
    let reordered = [
        AgendaInput {
            process_id: ids[2],
            timebox_minutes: 30,
        },
        AgendaInput {
            process_id: ids[0],
            timebox_minutes: 20,
        },
    ];
    let input = WorkshopInput {
        title: w.title.clone(),
        date: w.date.clone(),
        ..WorkshopInput::default()
    };
    let people: Vec<ParticipantInput> = w
        .participants
        .iter()
        .map(|p| ParticipantInput {
            id: Some(p.id),
            name: p.name.clone(),
            ..ParticipantInput::default()
        })
        .collect();
    let w2 = wb
        .update_workshop(w.id, &input, &people, &reordered)
        .unwrap();
    let order: Vec<_> = w2.agenda.iter().map(|a| a.process_id).collect();
    assert_eq!(order, [ids[2], ids[0]], "the agenda is in the order given");
    assert_eq!(w2.agenda[0].timebox_minutes, 30);
    assert_eq!(
        w2.agenda[1].id, first_item,
        "an item kept on the agenda keeps its row (its status and notes)"
    );
    assert_eq!(
        w2.participants.iter().map(|p| p.id).collect::<Vec<_>>(),
        w.participants.iter().map(|p| p.id).collect::<Vec<_>>(),
        "participants given with their ids keep them"
    );
    wb.undo().unwrap();
    assert_eq!(
        wb.workshop(w.id).unwrap().agenda.len(),
        3,
        "undo restores the agenda"
    );
    wb.undo().unwrap();
    assert!(
        wb.workshops().unwrap().iter().all(|x| x.id != w.id),
        "undoing the plan removes the workshop"
    );
}

#[test]
fn bad_plans_are_refused_with_nothing_stored() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let before = wb.workshops().unwrap();
    let p = wb.process_named("Complaints handling").unwrap().id;
    let twice = wb.create_workshop(
        &WorkshopInput {
            title: "Twice".into(),
            date: "2026-12-14".into(),
            ..WorkshopInput::default()
        },
        &[person("Hannah Lowe", ""), person("hannah  lowe", "")],
        &[AgendaInput {
            process_id: p,
            timebox_minutes: 20,
        }],
    );
    let err = twice.unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("listed twice"), "{err}");
    let bad_date = wb
        .create_workshop(
            &WorkshopInput {
                title: "Bad date".into(),
                date: "14/12/2026".into(),
                ..WorkshopInput::default()
            },
            &[],
            &[],
        )
        .unwrap_err();
    assert!(bad_date.to_string().contains("YYYY-MM-DD"), "{bad_date}");
    let unknown = wb
        .create_workshop(
            &WorkshopInput {
                title: "Unknown".into(),
                date: "2026-12-14".into(),
                ..WorkshopInput::default()
            },
            &[],
            &[AgendaInput {
                process_id: bia::model::Id::new(),
                timebox_minutes: 20,
            }],
        )
        .unwrap_err();
    assert_eq!(unknown.code(), "no_such_id");
    assert_eq!(wb.workshops().unwrap(), before, "nothing was stored");
}

#[test]
fn values_set_while_a_workshop_runs_carry_it_and_the_log_names_it() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let w = plan(&mut wb, &["Complaints handling", "Key account management"]);
    let started = wb.start_workshop(w.id).unwrap();
    assert_eq!(started.status, WorkshopStatus::Running);
    assert!(!started.started_at.is_empty());
    assert_eq!(
        started.agenda[0].status,
        AgendaStatus::InDiscussion,
        "starting puts the first item into discussion"
    );
    let p = wb.process_named("Complaints handling").unwrap();
    let m = wb.methodology().unwrap();
    wb.set_scores(
        p.id,
        &[ScoreInput {
            category_id: m.categories[0].id,
            horizon_id: m.horizons[2].id,
            severity: Some(4),
            note: None,
        }],
    )
    .unwrap();
    let scored = wb.process_impact(p.id).unwrap();
    let cell = scored
        .scores
        .iter()
        .find(|s| s.category_id == m.categories[0].id && s.horizon_id == m.horizons[2].id)
        .unwrap();
    assert_eq!(
        cell.provenance,
        Provenance::InWorkshop {
            workshop_id: w.id,
            title: w.title.clone(),
            date: w.date.clone()
        },
        "a score typed during the workshop says which workshop"
    );
    let agreed = wb
        .agree_objectives(
            p.id,
            &ObjectivesInput {
                rto: "4 h".into(),
                rationale: "Complaints must be acknowledged the same day".into(),
                agreed_by: "Hannah Lowe".into(),
                ..ObjectivesInput::default()
            },
        )
        .unwrap();
    assert!(matches!(agreed.provenance, Provenance::InWorkshop { .. }));
    let log = wb.decisions(Some(p.id)).unwrap();
    let rto = log.iter().rev().find(|d| d.field == "RTO").unwrap();
    assert_eq!(rto.workshop, "Customer service BIA workshop, 2026-12-14");

    // Another workshop cannot start while this one runs.
    let other = plan(&mut wb, &["Customer order intake"]);
    let err = wb.start_workshop(other.id).unwrap_err();
    assert_eq!(err.code(), "workshop_running");
    assert!(
        err.to_string().contains("Customer service BIA workshop"),
        "{err}"
    );
    assert_eq!(
        wb.workshop(other.id).unwrap().status,
        WorkshopStatus::Planned
    );

    // Time spent is saved when the item changes.
    wb.update_agenda_item(
        w.id,
        p.id,
        &AgendaUpdate {
            status: Some(AgendaStatus::Done),
            spent_seconds: Some(23 * 60),
            ..AgendaUpdate::default()
        },
    )
    .unwrap();
    let finished = wb.finish_workshop(w.id).unwrap();
    assert_eq!(finished.agenda[0].spent_seconds, 23 * 60);
    assert_eq!(finished.status, WorkshopStatus::Finished);
    assert_eq!(
        wb.start_workshop(w.id).unwrap_err().code(),
        "workshop_finished"
    );
    // After the workshop, values are typed outside any.
    let agreed = wb
        .agree_objectives(
            p.id,
            &ObjectivesInput {
                rto: "2 h".into(),
                ..ObjectivesInput::default()
            },
        )
        .unwrap();
    assert_eq!(agreed.provenance, Provenance::Workshop);
}

#[test]
fn sign_off_is_by_participants_and_may_move_the_process_to_review() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let w = plan(&mut wb, &["Complaints handling"]);
    let p = wb.process_named("Complaints handling").unwrap();
    let err = wb
        .sign_off(
            w.id,
            p.id,
            &["Hannah Lowe".into(), "Zoë Müller".into()],
            Some(Status::InReview),
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_a_participant");
    assert!(err.to_string().contains("Zoë Müller"), "{err}");
    assert!(wb.workshop(w.id).unwrap().signoffs.is_empty());
    assert_eq!(
        wb.process_named("Complaints handling").unwrap().status,
        p.status
    );

    let elsewhere = wb.process_named("Payroll processing").unwrap();
    let err = wb
        .sign_off(w.id, elsewhere.id, &["Hannah Lowe".into()], None)
        .unwrap_err();
    assert_eq!(err.code(), "not_on_agenda");

    let signed = wb
        .sign_off(
            w.id,
            p.id,
            &["hannah lowe".into(), "Oliver Grant".into()],
            Some(Status::InReview),
        )
        .unwrap();
    assert_eq!(signed.signoffs[0].by, ["Hannah Lowe", "Oliver Grant"]);
    assert_eq!(
        wb.process_named("Complaints handling").unwrap().status,
        Status::InReview
    );
    let log = wb.decisions(Some(p.id)).unwrap();
    let status = log.last().unwrap();
    assert_eq!(
        (status.field.as_str(), status.rationale.as_str()),
        ("Status", "Signed off by Hannah Lowe, Oliver Grant")
    );
    wb.undo().unwrap();
    assert!(wb.workshop(w.id).unwrap().signoffs.is_empty());
    assert_eq!(
        wb.process_named("Complaints handling").unwrap().status,
        p.status
    );
}

#[test]
fn actions_are_checked_and_outlive_what_they_concern_until_undone() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let w = plan(&mut wb, &["Complaints handling"]);
    let p = wb.process_named("Complaints handling").unwrap();
    let mut input = ActionInput {
        workshop_id: Some(w.id),
        text: "Check whether the CRM vendor offers a standby instance".into(),
        kind: ActionKind::Question,
        owner: "Oliver Grant".into(),
        due: "next Friday".into(),
        process_id: Some(p.id),
        resource_id: None,
        status: ActionStatus::Open,
    };
    let err = wb.add_action(&input).unwrap_err();
    assert!(
        err.to_string().contains("“next Friday” is not a date"),
        "{err}"
    );
    input.due = "2026-12-18".into();
    let a = wb.add_action(&input).unwrap();
    assert_eq!(wb.actions(Some(w.id)).unwrap(), std::slice::from_ref(&a));

    // Deleting the process takes it off the agenda and off the action; undo puts both back.
    wb.delete_process(p.id).unwrap();
    assert!(wb.workshop(w.id).unwrap().agenda.is_empty());
    assert_eq!(wb.actions(Some(w.id)).unwrap()[0].process_id, None);
    wb.undo().unwrap();
    assert_eq!(wb.workshop(w.id).unwrap().agenda.len(), 1);
    assert_eq!(wb.actions(Some(w.id)).unwrap()[0].process_id, Some(p.id));

    // Deleting the workshop keeps its actions, raised by no workshop.
    wb.delete_workshop(w.id).unwrap();
    let all = wb.actions(None).unwrap();
    let kept = all.iter().find(|x| x.id == a.id).unwrap();
    assert_eq!(kept.workshop_id, None);
}

#[test]
fn the_minutes_say_what_the_demo_finance_workshop_agreed() {
    let dir = temp_dir();
    let wb = demo(&dir);
    let w = wb.workshop_named("finance bia workshop").unwrap();
    let minutes = wb.minutes(w.id).unwrap();
    assert_eq!(minutes.title, "Finance BIA workshop");
    assert_eq!(minutes.date, "Thursday 12 March 2026");
    assert_eq!(minutes.participants.len(), 6);
    assert_eq!(
        minutes
            .participants
            .iter()
            .filter(|p| p.attendance == "absent")
            .count(),
        1
    );
    let ap = minutes
        .processes
        .iter()
        .find(|p| p.process == "Accounts payable")
        .unwrap();
    assert_eq!(ap.signed_off_by, ["Sophie Chen", "Grace Mensah"]);
    assert_ne!(ap.rto, "—", "the demo agreed an RTO for accounts payable");
    assert_eq!(ap.grid.len(), 7, "one grid row per category");
    assert_eq!(minutes.agenda[1].spent, "26 min");
    assert!(
        minutes.agenda[1].over_time,
        "26 minutes against a 20-minute box"
    );
    assert_eq!(minutes.actions.len(), 3);
    assert!(
        minutes
            .heatmap_svg
            .as_deref()
            .unwrap_or("")
            .contains("<svg")
    );
}

#[test]
fn the_cli_plans_lists_signs_off_and_dumps_workshops() {
    let dir = temp_dir();
    let d = dir.path();
    assert!(bia(&["demo", "demo.bia"], d).status.success());
    let o = bia(
        &[
            "workshop",
            "new",
            "demo.bia",
            "--title",
            "Transport BIA workshop",
            "--date",
            "2026-12-10",
            "--participant",
            "Tom Reilly; Transport Planning Manager; Transport & Fleet",
            "--participant",
            "Gareth Pugh",
            "--agenda",
            "Route planning and scheduling",
            "--agenda",
            "fleet maintenance",
        ],
        d,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let id = String::from_utf8_lossy(&o.stdout).trim().to_string();
    assert_eq!(id.len(), 36, "prints the new workshop's id: {id}");

    let o = bia(
        &[
            "workshop",
            "new",
            "demo.bia",
            "--title",
            "X",
            "--date",
            "2026-12-10",
            "--agenda",
            "Teleportation",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Teleportation"),
        "names the unknown process"
    );
    let o = bia(
        &[
            "workshop",
            "signoff",
            "demo.bia",
            "--workshop",
            "transport bia workshop",
            "--process",
            "Fleet maintenance",
            "--by",
            "Gareth Pugh, Nobody Known",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("“Nobody Known” is not among the participants")
    );
    let o = bia(
        &[
            "workshop",
            "action",
            "demo.bia",
            "--workshop",
            &id,
            "--text",
            "Get the fleet contract",
            "--kind",
            "action",
            "--owner",
            "Gareth Pugh",
            "--due",
            "2026-12-20",
            "--process",
            "Fleet maintenance",
        ],
        d,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = bia(
        &[
            "workshop",
            "start",
            "demo.bia",
            "--workshop",
            "Finance BIA workshop",
        ],
        d,
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "a finished workshop does not start again"
    );

    // The heatmap of just the workshop's processes, in agenda order.
    let o = bia(
        &[
            "chart",
            "heatmap",
            "demo.bia",
            "--workshop",
            "Transport BIA workshop",
            "--out",
            "t.svg",
        ],
        d,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let svg = std::fs::read_to_string(d.join("t.svg")).unwrap();
    assert!(
        svg.contains("2 processes in Transport BIA workshop"),
        "the caption names the workshop"
    );
    let (route, fleet) = (
        svg.find("Route planning").unwrap(),
        svg.find("Fleet maintenance").unwrap(),
    );
    assert!(route < fleet, "rows in agenda order");
    assert!(
        !svg.contains("Payroll processing"),
        "only the agenda's processes"
    );
    let o = bia(
        &[
            "chart",
            "heatmap",
            "demo.bia",
            "--workshop",
            "Board offsite",
            "--out",
            "b.svg",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Board offsite"));

    let o = bia(&["dump", "demo.bia"], d);
    let dump: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let workshops = dump["workshops"].as_array().unwrap();
    assert_eq!(workshops.len(), 3);
    let transport = workshops.iter().find(|w| w["id"] == id.as_str()).unwrap();
    assert_eq!(transport["agenda"][1]["process"], "Fleet maintenance");
    assert_eq!(
        transport["participants"][0]["role"],
        "Transport Planning Manager"
    );
    assert_eq!(transport["status"], "planned");
    let action = dump["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["text"] == "Get the fleet contract")
        .unwrap();
    assert_eq!(action["workshop"], "Transport BIA workshop");
    assert_eq!(action["process"], "Fleet maintenance");
    let finance = workshops
        .iter()
        .find(|w| w["title"] == "Finance BIA workshop")
        .unwrap();
    assert_eq!(finance["signoffs"][0]["by"][0], "Sophie Chen");
    assert_eq!(finance["agenda"][3]["status"], "parked");
}

#[test]
fn the_cli_writes_the_minutes_as_pdf_and_workbook_and_refuses_other_kinds() {
    let dir = temp_dir();
    let d = dir.path();
    assert!(bia(&["demo", "demo.bia"], d).status.success());
    let o = bia(
        &[
            "workshop",
            "minutes",
            "demo.bia",
            "--workshop",
            "Finance BIA workshop",
            "--out",
            "minutes.pdf",
        ],
        d,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::process::Command::new("pdftotext")
        .args(["-raw", "minutes.pdf", "-"])
        .current_dir(d)
        .output()
        .expect("pdftotext (poppler-utils) is installed by ./x");
    let text = String::from_utf8_lossy(&text.stdout);
    for said in [
        "Harbourline Logistics — BIA 2026",
        "Finance BIA workshop",
        "Grace Mensah",
        "Ask the bank",
        "Accounts payable",
    ] {
        assert!(text.contains(said), "the minutes say “{said}”:\n{text}");
    }
    let o = bia(
        &[
            "workshop",
            "minutes",
            "demo.bia",
            "--workshop",
            "Finance BIA workshop",
            "--out",
            "minutes.xlsx",
        ],
        d,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(d.join("minutes.xlsx")).unwrap();
    let actions = book.worksheet_range("Actions").unwrap();
    let cells: Vec<String> = actions.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(
        cells
            .iter()
            .any(|c| c.contains("manual payment run reach more than the top 50")),
        "{cells:?}"
    );
    let o = bia(
        &[
            "workshop",
            "minutes",
            "demo.bia",
            "--workshop",
            "Finance BIA workshop",
            "--out",
            "minutes.docx",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("save the minutes as .xlsx or .pdf"));
    assert!(!d.join("minutes.docx").exists());
}

#[test]
fn the_clock_saving_time_spent_never_fills_the_undo_history() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let w = plan(&mut wb, &["Complaints handling"]);
    let w = wb.start_workshop(w.id).unwrap();
    let before = wb.history().unwrap();
    let p = w.agenda[0].process_id;
    for minute in 1..=3 {
        wb.update_agenda_item(
            w.id,
            p,
            &AgendaUpdate {
                spent_seconds: Some(minute * 60),
                ..AgendaUpdate::default()
            },
        )
        .unwrap();
    }
    assert_eq!(wb.workshop(w.id).unwrap().agenda[0].spent_seconds, 180);
    assert_eq!(
        wb.history().unwrap().undo,
        before.undo,
        "Undo still names the last real edit, not the clock"
    );
}

#[test]
fn moving_on_is_one_step_that_undo_takes_back_whole() {
    let dir = temp_dir();
    let mut wb = demo(&dir);
    let w = plan(
        &mut wb,
        &[
            "Complaints handling",
            "Customer order intake",
            "Shipment tracking enquiries",
        ],
    );
    let w = wb.start_workshop(w.id).unwrap();
    let [first, second, third] = [0, 1, 2].map(|i| w.agenda[i].process_id);
    assert_eq!(w.agenda[0].status, AgendaStatus::InDiscussion);

    // "Park" the first after 7 minutes: the core picks the next to discuss.
    let before = wb.history().unwrap();
    let moved = wb
        .move_on(
            w.id,
            &MoveOn {
                from: Some(first),
                spent_seconds: Some(420),
                leaving_as: Some(AgendaStatus::Parked),
                to: None,
            },
        )
        .unwrap();
    assert_eq!(moved.at, Some(second));
    let agenda = &moved.workshop.agenda;
    assert_eq!(
        (agenda[0].status, agenda[0].spent_seconds, agenda[1].status),
        (AgendaStatus::Parked, 420, AgendaStatus::InDiscussion)
    );
    let history = wb.history().unwrap();
    assert!(
        history
            .undo
            .as_deref()
            .is_some_and(|l| l.contains("parked") && l.contains("Customer order intake")),
        "{history:?}"
    );
    // One undo puts both items back as they were.
    wb.undo().unwrap();
    let back = wb.workshop(w.id).unwrap();
    assert_eq!(back.agenda[0].status, AgendaStatus::InDiscussion);
    assert_eq!(back.agenda[1].status, AgendaStatus::Pending);
    assert_eq!(wb.history().unwrap().undo, before.undo);
    wb.redo().unwrap();

    // Jumping to the third keeps the second under discussion (not done).
    let moved = wb
        .move_on(
            w.id,
            &MoveOn {
                from: Some(second),
                spent_seconds: Some(60),
                leaving_as: None,
                to: Some(third),
            },
        )
        .unwrap();
    assert_eq!(moved.at, Some(third));
    assert_eq!(moved.workshop.agenda[1].status, AgendaStatus::InDiscussion);
    // Done with the third: the second is still to discuss, but it comes
    // before; nothing after the third is left.
    let moved = wb
        .move_on(
            w.id,
            &MoveOn {
                from: Some(third),
                spent_seconds: Some(300),
                leaving_as: Some(AgendaStatus::Done),
                to: None,
            },
        )
        .unwrap();
    assert_eq!(moved.at, None);
    assert_eq!(moved.workshop.agenda[2].status, AgendaStatus::Done);
    // Only the clock moved: no edit of its own.
    let history = wb.history().unwrap();
    wb.move_on(
        w.id,
        &MoveOn {
            from: Some(third),
            spent_seconds: Some(360),
            ..MoveOn::default()
        },
    )
    .unwrap();
    assert_eq!(wb.history().unwrap().undo, history.undo);
    assert_eq!(wb.workshop(w.id).unwrap().agenda[2].spent_seconds, 360);

    // A process not on the agenda is refused, naming it; a finished
    // workshop does not move on.
    let other = wb.process_named("Payroll processing").unwrap().id;
    let err = wb
        .move_on(
            w.id,
            &MoveOn {
                to: Some(other),
                ..MoveOn::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_on_agenda");
    assert!(err.to_string().contains("Payroll processing"), "{err}");
    wb.finish_workshop(w.id).unwrap();
    let err = wb.move_on(w.id, &MoveOn::default()).unwrap_err();
    assert_eq!(err.code(), "workshop_finished");
}
