//! `bia scenario`: what losing some resources (a site, a supplier, an
//! application) or processes for a while does to the business. The walk
//! is the core's (`bia_analysis::run_scenario`); here its arguments and
//! its table.

use std::io::Write;
use std::path::PathBuf;

use bia::Workbench;
use bia::analysis::{Cover, Effect, ScenarioOutcome};

/// What is lost, and for how long.
#[derive(clap::Args)]
pub struct ScenarioArgs {
    file: PathBuf,
    /// A resource, site, supplier or process lost (`kind:NAME` when a name
    /// is both); repeat for several.
    #[arg(long, value_name = "NAME")]
    lose: Vec<String>,
    /// How long, as people say it: 4h, 3d, 2 weeks.
    #[arg(long = "for", value_name = "DURATION")]
    duration: String,
    #[arg(long)]
    json: bool,
}

pub fn run(args: ScenarioArgs, out: &mut impl Write) -> bia::Result<()> {
    let wb = Workbench::open_to_read(&args.file)?;
    let outcome = wb.scenario(&args.lose, &args.duration);
    wb.close()?;
    let outcome = outcome?;
    if args.json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&outcome).unwrap_or_default()
        )
        .ok();
    } else {
        print(out, &outcome);
    }
    Ok(())
}

fn print(out: &mut impl Write, o: &ScenarioOutcome) {
    writeln!(
        out,
        "losing {} for {}: {} process(es) affected, {} past their MTPD",
        o.lost.join(", "),
        o.duration,
        o.affected.len(),
        o.breached
    )
    .ok();
    if o.affected.is_empty() {
        return;
    }
    writeln!(
        out,
        "{:<40} {:<8} {:>6} {:>6} {:>12}  THROUGH",
        "PROCESS", "EFFECT", "MTPD", "RTO", "BREACH"
    )
    .ok();
    let time = |m: Option<bia::model::Minutes>| m.map_or("—".to_string(), |m| m.to_string());
    for p in &o.affected {
        let effect = match p.effect {
            Effect::Lost => "lost",
            Effect::Stopped => "stopped",
            Effect::Degraded => "degraded",
        };
        let breach = p.breach.map_or("—".to_string(), |m| format!("+{m}"));
        writeln!(
            out,
            "{:<40} {:<8} {:>6} {:>6} {:>12}  {}",
            p.process,
            effect,
            time(p.mtpd),
            time(p.rto),
            breach,
            p.path[1..].join(" → ")
        )
        .ok();
        for c in &p.covers {
            let line = match c {
                Cover::Redundancy {
                    resource,
                    redundancy,
                } => format!("{resource}: {}", redundancy.as_str().replace('_', " ")),
                Cover::Workaround { text } => format!("workaround: {text}"),
            };
            writeln!(out, "    covered? {line}").ok();
        }
    }
}
