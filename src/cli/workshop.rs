//! `bia workshop …`: plan a workshop, list them, start and finish one,
//! note actions and open questions, record sign-offs, write the minutes.
//! Arguments here, the work in the application layer, printing inline
//! (a workshop's listing is this command's alone).

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;

use bia::Workbench;
use bia::model::{
    ActionInput, ActionKind, ActionStatus, AgendaInput, DEFAULT_TIMEBOX_MINUTES, ParticipantInput,
    UnknownName, Workshop, WorkshopInput,
};

#[derive(Subcommand)]
pub enum WorkshopCommand {
    /// Plan a workshop; prints its id.
    New {
        file: PathBuf,
        #[arg(long)]
        title: String,
        /// YYYY-MM-DD.
        #[arg(long)]
        date: String,
        /// HH:MM.
        #[arg(long, default_value = "")]
        start: String,
        /// A room, an address or a call link.
        #[arg(long, default_value = "")]
        place: String,
        #[arg(long, default_value = "")]
        facilitator: String,
        #[arg(long, default_value = "")]
        scribe: String,
        /// "Name; Role; Unit" (role and unit optional); repeat for each.
        #[arg(long = "participant", value_name = "NAME; ROLE; UNIT")]
        participants: Vec<String>,
        /// A process to discuss, in order; repeat for each.
        #[arg(long = "agenda", value_name = "PROCESS")]
        agenda: Vec<String>,
        /// Minutes per agenda item.
        #[arg(long, default_value_t = DEFAULT_TIMEBOX_MINUTES)]
        timebox: u32,
    },
    /// List the workshops, the latest first.
    List {
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Start (or resume) a workshop: values typed until it finishes carry it.
    Start {
        file: PathBuf,
        /// The workshop's id or title.
        #[arg(long)]
        workshop: String,
    },
    /// Finish a workshop.
    Finish {
        file: PathBuf,
        #[arg(long)]
        workshop: String,
    },
    /// Note an action, an open question, a risk or a decision.
    Action {
        file: PathBuf,
        /// The workshop's id or title; leave out for one raised outside any.
        #[arg(long)]
        workshop: Option<String>,
        #[arg(long)]
        text: String,
        /// action, question, risk or decision.
        #[arg(long, default_value = "action")]
        kind: String,
        #[arg(long, default_value = "")]
        owner: String,
        /// YYYY-MM-DD.
        #[arg(long, default_value = "")]
        due: String,
        /// The process it concerns.
        #[arg(long)]
        process: Option<String>,
    },
    /// List the actions and open questions (of one workshop, or all).
    Actions {
        file: PathBuf,
        #[arg(long)]
        workshop: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record which participants confirmed the values agreed for a process.
    Signoff {
        file: PathBuf,
        #[arg(long)]
        workshop: String,
        #[arg(long)]
        process: String,
        /// The participants, comma-separated: "Sophie Chen, Ravi Patel".
        #[arg(long)]
        by: String,
        /// Also move the process to in_review or approved.
        #[arg(long)]
        status: Option<String>,
    },
    /// Write a workshop's minutes: .xlsx or .pdf by the extension.
    Minutes {
        file: PathBuf,
        #[arg(long)]
        workshop: String,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(command: WorkshopCommand, out: &mut impl Write) -> bia::Result<()> {
    match command {
        WorkshopCommand::New {
            file,
            title,
            date,
            start,
            place,
            facilitator,
            scribe,
            participants,
            agenda,
            timebox,
        } => {
            let mut store = Workbench::open(&file)?;
            let items = agenda
                .iter()
                .map(|name| {
                    Ok(AgendaInput {
                        process_id: store.process_named(name)?.id,
                        timebox_minutes: timebox,
                    })
                })
                .collect::<bia::Result<Vec<_>>>();
            let made = items.and_then(|items| {
                store.create_workshop(
                    &WorkshopInput {
                        title,
                        date,
                        start_time: start,
                        place,
                        facilitator,
                        scribe,
                        notes: String::new(),
                    },
                    &participants
                        .iter()
                        .map(|p| ParticipantInput::from_line(p))
                        .collect::<Vec<_>>(),
                    &items,
                )
            });
            store.close()?;
            writeln!(out, "{}", made?.id).ok();
        }
        WorkshopCommand::List { file, json } => {
            let store = Workbench::open_to_read(&file)?;
            let listed = store.workshops().and_then(|ws| {
                let names = store
                    .processes()?
                    .into_iter()
                    .map(|p| (p.id, p.name))
                    .collect::<std::collections::HashMap<_, _>>();
                Ok((ws, names))
            });
            store.close()?;
            let (workshops, names) = listed?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&workshops).unwrap_or_default()
                )
                .ok();
            } else {
                print_workshops(out, &workshops, &names);
            }
        }
        WorkshopCommand::Start { file, workshop } => {
            let mut store = Workbench::open(&file)?;
            let done = store
                .workshop_named(&workshop)
                .and_then(|w| store.start_workshop(w.id));
            store.close()?;
            let w = done?;
            writeln!(out, "“{}” is running", w.title).ok();
        }
        WorkshopCommand::Finish { file, workshop } => {
            let mut store = Workbench::open(&file)?;
            let done = store
                .workshop_named(&workshop)
                .and_then(|w| store.finish_workshop(w.id));
            store.close()?;
            let w = done?;
            writeln!(out, "“{}” is finished", w.title).ok();
        }
        WorkshopCommand::Action {
            file,
            workshop,
            text,
            kind,
            owner,
            due,
            process,
        } => {
            let kind = ActionKind::parse(&kind).ok_or_else(|| UnknownName {
                kind: "kind of action",
                name: kind.trim().to_string(),
                accepted: ActionKind::ALL.map(ActionKind::as_str).join(", "),
            })?;
            let mut store = Workbench::open(&file)?;
            let added = (|| {
                let workshop_id = workshop
                    .map(|w| store.workshop_named(&w).map(|w| w.id))
                    .transpose()?;
                let process_id = process
                    .map(|p| store.process_named(&p).map(|p| p.id))
                    .transpose()?;
                store.add_action(&ActionInput {
                    workshop_id,
                    text,
                    kind,
                    owner,
                    due,
                    process_id,
                    resource_id: None,
                    status: ActionStatus::Open,
                })
            })();
            store.close()?;
            let a = added?;
            writeln!(out, "{}", a.id).ok();
        }
        WorkshopCommand::Actions {
            file,
            workshop,
            json,
        } => {
            let store = Workbench::open_to_read(&file)?;
            let listed = (|| {
                let id = workshop
                    .map(|w| store.workshop_named(&w).map(|w| w.id))
                    .transpose()?;
                store.actions(id)
            })();
            store.close()?;
            let actions = listed?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&actions).unwrap_or_default()
                )
                .ok();
            } else {
                for a in &actions {
                    let due = if a.due.is_empty() {
                        String::new()
                    } else {
                        format!(", due {}", a.due)
                    };
                    let owner = if a.owner.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", a.owner)
                    };
                    writeln!(
                        out,
                        "[{}] {}: {}{owner}{due}",
                        a.status.as_str(),
                        a.kind,
                        a.text
                    )
                    .ok();
                }
            }
        }
        WorkshopCommand::Signoff {
            file,
            workshop,
            process,
            by,
            status,
        } => {
            let status = status.as_deref().map(super::read::status).transpose()?;
            let names: Vec<String> = by.split(',').map(|s| s.trim().to_string()).collect();
            let mut store = Workbench::open(&file)?;
            let signed = (|| {
                let w = store.workshop_named(&workshop)?;
                let p = store.process_named(&process)?;
                store.sign_off(w.id, p.id, &names, status)?;
                Ok::<_, bia::Error>((w.title, p.name))
            })();
            store.close()?;
            let (w, p) = signed?;
            writeln!(out, "“{p}” signed off in “{w}” by {}", names.join(", ")).ok();
        }
        WorkshopCommand::Minutes {
            file,
            workshop,
            out: target,
        } => {
            let store = Workbench::open_to_read(&file)?;
            let saved = store
                .workshop_named(&workshop)
                .and_then(|w| store.save_minutes(w.id, &target));
            store.close()?;
            saved?;
            writeln!(out, "wrote {}", target.display()).ok();
        }
    }
    Ok(())
}

fn print_workshops(
    out: &mut impl Write,
    workshops: &[Workshop],
    names: &std::collections::HashMap<bia::model::Id, String>,
) {
    if workshops.is_empty() {
        writeln!(out, "No workshops yet: plan one with `bia workshop new`.").ok();
        return;
    }
    for w in workshops {
        let time = if w.start_time.is_empty() {
            String::new()
        } else {
            format!(" {}", w.start_time)
        };
        writeln!(
            out,
            "{}{time}  {}  [{}]  {}",
            w.date,
            w.title,
            w.status.as_str(),
            w.id
        )
        .ok();
        let present = w.participants.iter().filter(|p| p.present).count();
        writeln!(
            out,
            "  {} participant(s), {present} present; facilitator {}",
            w.participants.len(),
            if w.facilitator.is_empty() {
                "—"
            } else {
                &w.facilitator
            }
        )
        .ok();
        for (i, item) in w.agenda.iter().enumerate() {
            let name = names
                .get(&item.process_id)
                .map_or("(deleted process)", String::as_str);
            let signed = w
                .signoffs
                .iter()
                .find(|s| s.process_id == item.process_id)
                .map(|s| format!("; signed off by {}", s.by.join(", ")))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}. {name} — {} min, {}{signed}",
                i + 1,
                item.timebox_minutes,
                item.status.label()
            )
            .ok();
        }
    }
}
