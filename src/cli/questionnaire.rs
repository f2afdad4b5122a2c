//! `bia questionnaire …`: send each owner (or unit) a workbook of their
//! processes, list what was sent, withdraw or send one again, and take
//! returned workbooks back. Arguments here, the work in the application
//! layer, printing inline.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;

use bia::Workbench;
use bia::model::{
    Acceptance, ChangeState, QuestionnaireReview, Recipients, SendInput, Status, UnknownName,
    name_key,
};

#[derive(Subcommand)]
pub enum QuestionnaireCommand {
    /// Write one questionnaire workbook per recipient into DIR; prints
    /// each file with whom it is for.
    Send {
        file: PathBuf,
        /// The folder to write the workbooks into (made if missing).
        #[arg(long)]
        out: PathBuf,
        /// One workbook per owner, or per unit.
        #[arg(long, default_value = "owner")]
        by: String,
        /// A process to ask about; repeat for each. Without --process,
        /// --unit, --owner or --status: every process.
        #[arg(long = "process", value_name = "PROCESS")]
        processes: Vec<String>,
        /// Every process of this unit (and its sub-units).
        #[arg(long)]
        unit: Option<String>,
        /// Every process this person owns.
        #[arg(long)]
        owner: Option<String>,
        /// Every process in this status: draft, in_review, approved.
        #[arg(long)]
        status: Option<String>,
        /// YYYY-MM-DD; by default two weeks from today.
        #[arg(long, default_value = "")]
        due: String,
        /// Whom to send it back to; by default the assessment's facilitator.
        #[arg(long, default_value = "")]
        return_to: String,
    },
    /// List the questionnaires sent, the latest first.
    List {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Take returned workbooks back: show what each proposes and apply it.
    Receive {
        file: PathBuf,
        /// The returned workbooks.
        #[arg(required = true)]
        returned: Vec<PathBuf>,
        /// all: every valid change; non-conflicting: only those nobody
        /// changed here since sending; none: record the return only.
        #[arg(long, default_value = "non-conflicting")]
        accept: String,
        /// Show what would change; change nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Withdraw a questionnaire: its return is refused from now on.
    Withdraw {
        file: PathBuf,
        /// Its id, or its recipient.
        questionnaire: String,
    },
    /// Write a questionnaire's workbook again, with the values as they are now.
    Resend {
        file: PathBuf,
        questionnaire: String,
        #[arg(long)]
        out: PathBuf,
    },
}

fn acceptance(text: &str) -> Result<Acceptance, UnknownName> {
    match text.trim().to_lowercase().replace('_', "-").as_str() {
        "all" => Ok(Acceptance::All),
        "none" => Ok(Acceptance::None),
        "non-conflicting" => Ok(Acceptance::NonConflicting),
        _ => Err(UnknownName {
            kind: "--accept",
            name: text.trim().to_string(),
            accepted: "all, none, non-conflicting".into(),
        }),
    }
}

/// The processes a send names: those given, or all of a unit, an owner,
/// a status; every process when nothing narrows it.
fn chosen(
    store: &Workbench,
    names: &[String],
    unit: Option<&str>,
    owner: Option<&str>,
    status: Option<Status>,
) -> bia::Result<Vec<bia::model::Id>> {
    let mut ids = Vec::new();
    for n in names {
        ids.push(store.process_named(n)?.id);
    }
    if unit.is_some() || owner.is_some() || status.is_some() || names.is_empty() {
        let units = store.units()?;
        let within = match unit {
            Some(u) => {
                let key = name_key(u);
                let root = units
                    .iter()
                    .find(|x| name_key(&x.name) == key)
                    .ok_or_else(|| bia::store::Error::NoSuchName {
                        kind: "unit",
                        name: u.trim().to_string(),
                    })?
                    .id;
                let mut set = vec![root];
                let mut grew = true;
                while grew {
                    grew = false;
                    for x in &units {
                        if x.parent_id.is_some_and(|p| set.contains(&p)) && !set.contains(&x.id) {
                            set.push(x.id);
                            grew = true;
                        }
                    }
                }
                Some(set)
            }
            None => None,
        };
        for p in store.processes()? {
            let fits = within
                .as_ref()
                .is_none_or(|set| p.unit_id.is_some_and(|u| set.contains(&u)))
                && owner.is_none_or(|o| name_key(o) == name_key(&p.owner))
                && status.is_none_or(|s| s == p.status);
            if fits
                && (names.is_empty() || unit.is_some() || owner.is_some() || status.is_some())
                && !ids.contains(&p.id)
            {
                ids.push(p.id);
            }
        }
    }
    Ok(ids)
}

pub fn run(command: QuestionnaireCommand, out: &mut impl Write) -> bia::Result<()> {
    match command {
        QuestionnaireCommand::Send {
            file,
            out: dir,
            by,
            processes,
            unit,
            owner,
            status,
            due,
            return_to,
        } => {
            let recipients = Recipients::parse(by.trim()).ok_or_else(|| UnknownName {
                kind: "--by",
                name: by.trim().to_string(),
                accepted: "owner, unit".into(),
            })?;
            let status = status.as_deref().map(super::read::status).transpose()?;
            let mut store = Workbench::open(&file)?;
            let sent = chosen(
                &store,
                &processes,
                unit.as_deref(),
                owner.as_deref(),
                status,
            )
            .and_then(|ids| {
                store.send_questionnaires(
                    &SendInput {
                        processes: ids,
                        recipients,
                        due,
                        return_to,
                    },
                    &dir,
                )
            });
            store.close()?;
            for s in sent? {
                let q = &s.questionnaire;
                writeln!(
                    out,
                    "{}\t{} ({} process{}, due {})",
                    s.path,
                    q.recipient,
                    q.processes.len(),
                    if q.processes.len() == 1 { "" } else { "es" },
                    q.due
                )
                .ok();
            }
        }
        QuestionnaireCommand::List { file, json } => {
            let store = Workbench::open_to_read(&file)?;
            let listed = store.questionnaires();
            store.close()?;
            let list = listed?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&list).unwrap_or_default()
                )
                .ok();
            } else if list.is_empty() {
                writeln!(out, "No questionnaires sent.").ok();
            } else {
                for q in &list {
                    let returned = if q.returned_on.is_empty() {
                        String::new()
                    } else {
                        format!(", returned {}", q.returned_on)
                    };
                    writeln!(
                        out,
                        "{:<10} {} — {} (sent {}, due {}{returned})\n           {}",
                        q.status.as_str(),
                        q.recipient,
                        q.file_name,
                        q.sent_on,
                        q.due,
                        q.processes
                            .iter()
                            .map(|p| if p.deleted {
                                format!("{} (deleted)", p.name)
                            } else {
                                p.name.clone()
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                    .ok();
                }
            }
        }
        QuestionnaireCommand::Receive {
            file,
            returned,
            accept,
            dry_run,
            json,
        } => {
            let acceptance = acceptance(&accept)?;
            if dry_run {
                let store = Workbench::open_to_read(&file)?;
                let reviews: bia::Result<Vec<QuestionnaireReview>> = returned
                    .iter()
                    .map(|r| store.review_questionnaire(r))
                    .collect();
                store.close()?;
                let reviews = reviews?;
                if json {
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string_pretty(&reviews).unwrap_or_default()
                    )
                    .ok();
                } else {
                    for r in &reviews {
                        print_review(out, r);
                    }
                }
                return Ok(());
            }
            let mut store = Workbench::open(&file)?;
            let mut results = Vec::new();
            let mut failed = None;
            for r in &returned {
                match store.review_questionnaire(r).and_then(|review| {
                    let outcome =
                        store.receive_questionnaire(r, &acceptance, Some(&review.fingerprint))?;
                    Ok((review, outcome))
                }) {
                    Ok(done) => results.push(done),
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            store.close()?;
            if json {
                let list: Vec<_> = results
                    .iter()
                    .map(|(review, outcome)| serde_json::json!({"review": review, "outcome": outcome}))
                    .collect();
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&list).unwrap_or_default()
                )
                .ok();
            } else {
                for (review, outcome) in &results {
                    print_review(out, review);
                    writeln!(
                        out,
                        "  applied {}, rejected {}, not applicable {}{}",
                        outcome.applied,
                        outcome.rejected,
                        outcome.invalid,
                        outcome
                            .backup
                            .as_ref()
                            .map(|b| format!("; backup {b}"))
                            .unwrap_or_default()
                    )
                    .ok();
                }
            }
            if let Some(e) = failed {
                return Err(e);
            }
        }
        QuestionnaireCommand::Withdraw {
            file,
            questionnaire,
        } => {
            let mut store = Workbench::open(&file)?;
            let done = store
                .questionnaire_named(&questionnaire)
                .and_then(|q| store.withdraw_questionnaire(q.id));
            store.close()?;
            let q = done?;
            writeln!(
                out,
                "The questionnaire sent to {} is withdrawn",
                q.recipient
            )
            .ok();
        }
        QuestionnaireCommand::Resend {
            file,
            questionnaire,
            out: dir,
        } => {
            let mut store = Workbench::open(&file)?;
            let done = store
                .questionnaire_named(&questionnaire)
                .and_then(|q| store.resend_questionnaire(q.id, &dir));
            store.close()?;
            let s = done?;
            writeln!(out, "{}\t{}", s.path, s.questionnaire.recipient).ok();
        }
    }
    Ok(())
}

fn print_review(out: &mut impl Write, r: &QuestionnaireReview) {
    let again = if r.again {
        " (returned again: what is new since)"
    } else {
        ""
    };
    writeln!(out, "{} — returned by {}{again}", r.file, r.recipient).ok();
    if r.processes.is_empty() {
        writeln!(out, "  nothing changed ({} answers as sent)", r.unchanged).ok();
    }
    for p in &r.processes {
        let deleted = if p.deleted {
            " (deleted since sending)"
        } else {
            ""
        };
        writeln!(out, "  {}{deleted}", p.name).ok();
        for c in p.changes.iter().chain(&p.comments) {
            let state = match c.state {
                ChangeState::Proposed => "proposed",
                ChangeState::Conflict => "CONFLICT",
                ChangeState::Invalid => "not valid",
            };
            writeln!(
                out,
                "    {state:<9} {:<28} sent {} · now {} · answer {}  [{}]{}",
                c.label,
                c.sent,
                c.now,
                c.answer,
                c.cell,
                if c.message.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", c.message)
                }
            )
            .ok();
        }
        for d in &p.new_dependencies {
            writeln!(
                out,
                "    {:<9} new dependency: {} “{}”{}  [{}]{}",
                if d.state == ChangeState::Invalid {
                    "not valid"
                } else {
                    "proposed"
                },
                d.kind,
                d.name,
                if d.known { " (known)" } else { " (new)" },
                d.cell,
                if d.message.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", d.message)
                }
            )
            .ok();
        }
        for m in &p.missing {
            writeln!(out, "    missing   the answer cell of {m} was not found").ok();
        }
    }
}
