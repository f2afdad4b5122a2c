//! The demo's workshops: the Finance workshop of the demo's workshop day,
//! finished (six participants, its agenda run, three actions, sign-offs),
//! and one planned for the warehouse processes, so that a new user sees
//! both a workshop's record and a plan.

use bia_model::{
    ActionInput, ActionKind, ActionStatus, AgendaInput, AgendaStatus, AgendaUpdate,
    ParticipantInput, WorkshopInput,
};
use bia_store::Store;

use super::organisation::WORKSHOP_DAY;
use crate::error::Result;

const FINANCE_PEOPLE: [(&str, &str, &str, bool); 6] = [
    ("Sophie Chen", "Financial Controller", "Finance", true),
    ("James Whitfield", "Group Treasurer", "Finance", true),
    ("Grace Mensah", "Accounts Payable Lead", "Finance", true),
    ("Ben Adeyemi", "Head of IT Services", "IT Services", true),
    (
        "Aisha Bello",
        "People & Payroll Manager",
        "People & Payroll",
        true,
    ),
    ("Daniel Hughes", "Chief Financial Officer", "Finance", false),
];

/// (process, time box, status, minutes spent, notes).
const FINANCE_AGENDA: [(&str, u32, AgendaStatus, u32, &str); 4] = [
    (
        "Customer invoicing",
        20,
        AgendaStatus::Done,
        18,
        "Invoicing can slip two days before cash flow suffers; the room agreed the scores as proposed.",
    ),
    (
        "Accounts payable",
        20,
        AgendaStatus::Done,
        26,
        "Long discussion of the manual payment run: possible for the top 50 suppliers only.",
    ),
    (
        "Treasury and cash management",
        25,
        AgendaStatus::Done,
        22,
        "Same-day payments are the critical service; the bank's own recovery time is not known.",
    ),
    (
        "Month-end close and reporting",
        20,
        AgendaStatus::Parked,
        9,
        "Parked: the CFO must agree the MTPD (board reporting dates).",
    ),
];

const WAREHOUSE_PEOPLE: [(&str, &str, &str); 5] = [
    (
        "Maria Okafor",
        "Warehouse Operations Manager",
        "Warehouse Operations",
    ),
    (
        "Dev Ramanathan",
        "Inventory and Cold-Chain Lead",
        "Warehouse Operations",
    ),
    ("Ben Adeyemi", "Head of IT Services", "IT Services"),
    (
        "Tom Reilly",
        "Transport Planning Manager",
        "Transport & Fleet",
    ),
    ("Rachel Summers", "Procurement Manager", "Procurement"),
];

const WAREHOUSE_AGENDA: [(&str, u32); 5] = [
    ("Inbound goods receiving", 20),
    ("Pick, pack and dispatch", 25),
    ("Cold-chain storage monitoring", 20),
    ("Inventory control and cycle counts", 15),
    ("Returns processing", 15),
];

fn at(time: &str) -> String {
    format!("{WORKSHOP_DAY}T{time}:00Z")
}

pub(super) fn fill(store: &mut Store) -> Result<()> {
    finance(store)?;
    warehouse(store)
}

fn process(store: &Store, name: &str) -> Result<bia_model::Id> {
    Ok(store
        .process_by_name(name)?
        .ok_or_else(|| bia_store::Error::NoSuchName {
            kind: "process",
            name: name.into(),
        })?
        .id)
}

fn finance(store: &mut Store) -> Result<()> {
    let agenda = FINANCE_AGENDA
        .iter()
        .map(|(name, timebox, ..)| {
            Ok(AgendaInput {
                process_id: process(store, name)?,
                timebox_minutes: *timebox,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let people: Vec<ParticipantInput> = FINANCE_PEOPLE
        .iter()
        .map(|(name, role, unit, present)| ParticipantInput {
            id: None,
            name: (*name).into(),
            role: (*role).into(),
            unit: (*unit).into(),
            contact: String::new(),
            present: *present,
        })
        .collect();
    let w = store.create_workshop(
        &WorkshopInput {
            title: "Finance BIA workshop".into(),
            date: WORKSHOP_DAY.into(),
            start_time: "09:30".into(),
            place: "Head office, Ipswich — board room".into(),
            facilitator: "Eleanor Marsh (Continuity Partners)".into(),
            scribe: "Tom Ashworth".into(),
            notes: "Daniel Hughes sent apologies; the parked item goes to him.".into(),
        },
        &people,
        &agenda,
    )?;
    store.start_workshop(w.id, &at("09:32"))?;
    for ((_, _, status, spent, notes), item) in FINANCE_AGENDA.iter().zip(&agenda) {
        store.update_agenda_item(
            w.id,
            item.process_id,
            &AgendaUpdate {
                status: Some(*status),
                timebox_minutes: None,
                spent_seconds: Some(spent * 60),
                notes: Some((*notes).into()),
            },
        )?;
    }
    let signoffs: [(&str, &[&str], &str); 3] = [
        (
            "Customer invoicing",
            &["Sophie Chen", "Grace Mensah"],
            "10:01",
        ),
        (
            "Accounts payable",
            &["Sophie Chen", "Grace Mensah"],
            "10:28",
        ),
        (
            "Treasury and cash management",
            &["James Whitfield"],
            "10:52",
        ),
    ];
    for (name, by, time) in signoffs {
        let by: Vec<String> = by.iter().map(|s| (*s).to_string()).collect();
        store.sign_off(w.id, process(store, name)?, &by, None, &at(time))?;
    }
    let actions: [(&str, ActionKind, &str, &str, &str); 3] = [
        (
            "Ask the bank for its recovery time objective for the payments gateway, in writing.",
            ActionKind::Action,
            "James Whitfield",
            "2026-03-26",
            "Treasury and cash management",
        ),
        (
            "Can a manual payment run reach more than the top 50 suppliers if the ERP is down for a week?",
            ActionKind::Question,
            "Grace Mensah",
            "2026-03-19",
            "Accounts payable",
        ),
        (
            "Agree the MTPD of month-end close with the CFO before the board calendar is set.",
            ActionKind::Action,
            "Daniel Hughes",
            "2026-04-02",
            "Month-end close and reporting",
        ),
    ];
    for (text, kind, owner, due, name) in actions {
        let input = ActionInput {
            workshop_id: Some(w.id),
            text: text.into(),
            kind,
            owner: owner.into(),
            due: due.into(),
            process_id: Some(process(store, name)?),
            resource_id: None,
            status: ActionStatus::Open,
        };
        store.add_action(&input, &at("10:40"))?;
    }
    store.finish_workshop(w.id, &at("11:05"))?;
    Ok(())
}

fn warehouse(store: &mut Store) -> Result<()> {
    let agenda = WAREHOUSE_AGENDA
        .iter()
        .map(|(name, timebox)| {
            Ok(AgendaInput {
                process_id: process(store, name)?,
                timebox_minutes: *timebox,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let people: Vec<ParticipantInput> = WAREHOUSE_PEOPLE
        .iter()
        .map(|(name, role, unit)| ParticipantInput {
            id: None,
            name: (*name).into(),
            role: (*role).into(),
            unit: (*unit).into(),
            contact: String::new(),
            present: false,
        })
        .collect();
    store.create_workshop(
        &WorkshopInput {
            title: "Warehouse operations BIA workshop".into(),
            date: "2026-12-10".into(),
            start_time: "09:00".into(),
            place: "Felixstowe distribution centre — training room".into(),
            facilitator: "Eleanor Marsh (Continuity Partners)".into(),
            scribe: "Tom Ashworth".into(),
            notes: String::new(),
        },
        &people,
        &agenda,
    )?;
    Ok(())
}
