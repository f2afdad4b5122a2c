//! Scenarios on the demo: "if the primary data centre in Reading is lost
//! for three days, which processes break their tolerance, and by how
//! much?", from the library and from `bia scenario`; and what a wrong
//! question gets (an unknown name with the names it may mean, a negative
//! duration, nothing lost), the file untouched.

use bia::Workbench;
use bia::analysis::Effect;

use crate::temp_dir;

const DC: &str = "Primary data centre, Reading";

#[test]
fn losing_the_reading_data_centre_for_three_days_breaks_the_tolerance_of_the_warehouse() {
    let dir = temp_dir();
    let wb = Workbench::create_demo(&dir.path().join("demo.bia")).unwrap();
    let o = wb.scenario(&[DC.to_string()], "3d").unwrap();
    assert_eq!(o.lost, [DC]);
    assert!(o.breached >= 3, "{o:#?}");
    let pick = o
        .affected
        .iter()
        .find(|p| p.process == "Pick, pack and dispatch")
        .unwrap();
    assert_eq!(pick.effect, Effect::Stopped);
    assert_eq!(
        pick.path,
        ["Pick, pack and dispatch", "Harbourline WMS", DC]
    );
    assert_eq!(pick.breach.map(|m| m.to_string()).as_deref(), Some("68 h"));
    assert_eq!(pick.horizon.as_deref(), Some("3 d"));
    assert!(pick.impact.iter().any(|i| i.severity.is_some()));
    // Breached first, the largest breach first.
    let breaches: Vec<u32> = o
        .affected
        .iter()
        .map_while(|p| p.breach.map(|m| m.0))
        .collect();
    assert!(breaches.windows(2).all(|w| w[0] >= w[1]), "{breaches:?}");
    // Six hours breaks fewer.
    let short = wb.scenario(&[DC.to_string()], "6h").unwrap();
    assert!(short.breached < o.breached);
}

#[test]
fn bia_scenario_prints_the_table_and_json_and_refuses_a_wrong_question_clearly() {
    let dir = temp_dir();
    let file = dir.path().join("demo.bia");
    Workbench::create_demo(&file).unwrap().close().unwrap();
    let before = std::fs::read(&file).unwrap();
    let bia = env!("CARGO_BIN_EXE_bia");
    let run = |args: &[&str]| {
        let mut all = vec!["scenario", file.to_str().unwrap()];
        all.extend_from_slice(args);
        let o = std::process::Command::new(bia).args(&all).output().unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (code, out, err) = run(&["--lose", DC, "--for", "3d"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("past their MTPD"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("Pick, pack and dispatch") && l.contains("+68 h")),
        "{out}"
    );
    let (code, out, _) = run(&[
        "--lose",
        DC,
        "--lose",
        "Cloud hosting provider",
        "--for",
        "1 d",
        "--json",
    ]);
    assert_eq!(code, Some(0));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["lost"].as_array().unwrap().len(), 2);
    assert_eq!(json["duration"], 1440);

    let (code, _, err) = run(&["--lose", "Reading", "--for", "3d"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("did you mean: Primary data centre, Reading"),
        "{err}"
    );
    let (code, _, err) = run(&["--lose", DC, "--for=-3d"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("is not a duration"), "{err}");
    let (code, _, err) = run(&["--for", "3d"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("Say what is lost"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before, "only read");
}
