//! The property of merging: two copies of a generated assessment, each
//! edited by a random script (objectives, owners, descriptions, scores,
//! processes added and deleted, dependencies added and removed, resource
//! capabilities), merged one way with or without a preference: every edit
//! of the copy is in the file or listed as a conflict, every edit made
//! here that the copy did not touch stays, merging again brings nothing
//! new, and once the conflicts are resolved, merging the other way leaves
//! both files with the same content. And two files built apart, merged
//! like an import: nothing of the file unsaid, nothing here removed.

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;

use bia::Workbench;
use bia::model::{
    DependencyInput, DependencyTarget, NodeRef, Prefer, ProcessInput, Resolution, ResolveInput,
    ScoreInput, Strength,
};

use crate::temp_dir;

#[derive(Clone, Debug)]
enum Op {
    Rto(usize, usize),
    Owner(usize, usize),
    Description(usize, usize),
    Score(usize, usize, usize, u8),
    AddProcess(usize),
    DeleteProcess(usize),
    Link(usize, usize),
    Unlink(usize),
    Capability(usize, usize),
}

const RTOS: [&str; 6] = ["1 h", "4 h", "1 d", "2 d", "3 d", "1 w"];
const OWNERS: [&str; 4] = ["Tom Okafor", "Priya Raman", "Sophie Chen", "Gareth Pugh"];
const NEW: [&str; 4] = [
    "Berth planning",
    "Reefer plug-in",
    "Quay crane scheduling",
    "Gate-in",
];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..10usize, 0..6usize).prop_map(|(p, r)| Op::Rto(p, r)),
        2 => (0..10usize, 0..4usize).prop_map(|(p, o)| Op::Owner(p, o)),
        2 => (0..10usize, 0..1000usize).prop_map(|(p, d)| Op::Description(p, d)),
        3 => (0..10usize, 0..8usize, 0..8usize, 1..=5u8).prop_map(|(p, c, h, s)| Op::Score(p, c, h, s)),
        1 => (0..4usize).prop_map(Op::AddProcess),
        1 => (0..10usize).prop_map(Op::DeleteProcess),
        2 => (0..10usize, 0..40usize).prop_map(|(p, r)| Op::Link(p, r)),
        1 => (0..200usize).prop_map(Op::Unlink),
        1 => (0..40usize, 0..6usize).prop_map(|(r, m)| Op::Capability(r, m)),
    ]
}

/// What an edit left, by (subject, field): the value a person reads.
type Touched = BTreeSet<(String, String)>;

/// Applies `ops` (a refused one, as on a locked process, changes nothing)
/// and returns the (process, field) each successful one touched.
fn apply(wb: &mut Workbench, ops: &[Op], tag: &str) -> Touched {
    let mut touched = Touched::new();
    for op in ops {
        let processes = wb.processes().unwrap();
        let resources = wb.resources().unwrap();
        let m = wb.methodology().unwrap();
        let p = |i: usize| processes[i % processes.len()].clone();
        let done = match op {
            Op::Rto(i, r) => {
                let p = p(*i);
                let mut input = wb
                    .objectives(p.id)
                    .unwrap()
                    .map(|o| o.to_input())
                    .unwrap_or_default();
                input.rto = RTOS[*r].into();
                input.rationale = format!("{tag} workshop");
                let was = value_of_open(wb, &p.name, "RTO");
                wb.agree_objectives(p.id, &input)
                    .map(|_| vec![(p.name.to_string(), "RTO".to_string(), was)])
                    .ok()
            }
            Op::Owner(i, o) => {
                let p = p(*i);
                let mut input = p.to_input();
                input.owner = OWNERS[*o].into();
                let was = value_of_open(wb, &p.name, "Owner");
                wb.update_process(p.id, &input)
                    .map(|_| vec![(p.name.to_string(), "Owner".to_string(), was)])
                    .ok()
            }
            Op::Description(i, d) => {
                let p = p(*i);
                let mut input = p.to_input();
                input.description = format!("{tag} note {d}");
                let was = value_of_open(wb, &p.name, "Description");
                wb.update_process(p.id, &input)
                    .map(|_| vec![(p.name.to_string(), "Description".to_string(), was)])
                    .ok()
            }
            Op::Score(i, c, h, s) => {
                let p = p(*i);
                let (c, h) = (
                    &m.categories[c % m.categories.len()],
                    &m.horizons[h % m.horizons.len()],
                );
                let cell = format!("{} at {}", c.name, h.label);
                let was = value_of_open(wb, &p.name, &cell);
                wb.set_scores(
                    p.id,
                    &[ScoreInput {
                        category_id: c.id,
                        horizon_id: h.id,
                        severity: Some(*s),
                        note: None,
                    }],
                )
                .map(|_| vec![(p.name.to_string(), cell, was)])
                .ok()
            }
            Op::AddProcess(n) => {
                // Every other one under a name the other side may add too.
                let name = if n % 2 == 0 {
                    NEW[*n].to_string()
                } else {
                    format!("{} ({tag})", NEW[*n])
                };
                wb.create_process(&ProcessInput {
                    name: name.as_str().into(),
                    owner: tag.into(),
                    ..Default::default()
                })
                .map(|_| vec![(name.clone(), String::new(), None)])
                .ok()
            }
            Op::DeleteProcess(i) => {
                let p = p(*i);
                wb.delete_process(p.id)
                    .map(|_| vec![(p.name.to_string(), String::new(), None)])
                    .ok()
            }
            Op::Link(i, r) if !resources.is_empty() => {
                let p = p(*i);
                let r = &resources[r % resources.len()];
                wb.create_dependency(&DependencyInput {
                    from: NodeRef::Process(p.id),
                    to: DependencyTarget::Existing(NodeRef::Resource(r.id)),
                    strength: Strength::Required,
                    note: tag.into(),
                })
                .map(|_| Vec::new())
                .ok()
            }
            Op::Unlink(i) => {
                let links = wb.dependencies().unwrap();
                if links.is_empty() {
                    None
                } else {
                    wb.delete_dependency(links[i % links.len()].id)
                        .map(|_| Vec::new())
                        .ok()
                }
            }
            Op::Capability(r, c) if !resources.is_empty() => {
                let r = &resources[r % resources.len()];
                let mut input = r.to_input();
                input.rto_capability = RTOS[*c].into();
                wb.update_resource(r.id, &input)
                    .map(|_| vec![(r.name.clone(), "RTO capability".to_string(), None)])
                    .ok()
            }
            _ => None,
        };
        // An edit that set a field to the value it had changed nothing.
        for (subject, field, was) in done.into_iter().flatten() {
            if field.is_empty() || value_of_open(wb, &subject, &field) != was {
                touched.insert((subject, field));
            }
        }
    }
    touched
}

/// The content both files must agree on: the dump, without the log of
/// how each got there, arrays sorted (rows come in the order each file
/// added them).
fn content(path: &Path) -> serde_json::Value {
    content_open(&Workbench::open_to_read(path).unwrap())
}

fn content_open(wb: &Workbench) -> serde_json::Value {
    let mut dump: serde_json::Value = serde_json::from_str(&wb.dump_json().unwrap()).unwrap();
    let o = dump.as_object_mut().unwrap();
    for key in ["conflicts", "decisions"] {
        o.remove(key);
    }
    o.get_mut("assessment")
        .and_then(|a| a.as_object_mut())
        .map(|a| a.remove("updated_at"));
    sort(&mut dump);
    dump
}

fn sort(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Array(items) => {
            items.iter_mut().for_each(sort);
            items.sort_by_key(|i| i.to_string());
        }
        serde_json::Value::Object(map) => map.values_mut().for_each(sort),
        _ => {}
    }
}

fn value_of(path: &Path, subject: &str, field: &str) -> Option<String> {
    value_of_open(&Workbench::open_to_read(path).unwrap(), subject, field)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn copies_merged_both_ways_converge_and_lose_nothing(
        here in prop::collection::vec(op(), 0..14),
        there in prop::collection::vec(op(), 0..14),
        prefer in prop_oneof![Just(None), Just(Some(Prefer::Mine)), Just(Some(Prefer::Theirs))],
    ) {
        let dir = temp_dir();
        let (a, b) = (dir.path().join("a.bia"), dir.path().join("b.bia"));
        let mut mine = Workbench::create_demo(&a).unwrap();
        mine.give_copy(&b, "Priya").unwrap();
        let mine_touched = apply(&mut mine, &here, "HQ");
        let mut theirs = Workbench::open(&b).unwrap();
        let theirs_touched = apply(&mut theirs, &there, "Priya");
        theirs.close().unwrap();
        let before: Vec<_> = mine_touched.iter().map(|(s, f)| value_of_open(&mine, s, f)).collect();
        let report = mine.merge_copy(&b, prefer, false).unwrap();
        mine.close().unwrap();

        // Every edit of the copy is here, or a conflict about it is listed.
        let conflicts = Workbench::open_to_read(&a).unwrap().conflicts().unwrap();
        for (subject, field) in &theirs_touched {
            let same = value_of(&a, subject, field) == value_of(&b, subject, field);
            let listed = conflicts.iter().any(|c| c.subject.starts_with(subject.as_str()) || subject.starts_with(c.subject.as_str()));
            prop_assert!(same || listed, "{subject} · {field}: not taken, not listed\n{report:#?}");
            if prefer == Some(Prefer::Theirs) && ["RTO", "Owner", "Description"].contains(&field.as_str()) {
                prop_assert!(same, "{subject} · {field}: theirs preferred, not taken");
            }
        }
        // What only this file changed stays.
        for ((subject, field), was) in mine_touched.iter().zip(before) {
            if !theirs_touched.contains(&(subject.clone(), field.clone())) && !field.is_empty() {
                let now = value_of(&a, subject, field);
                // A process deleted on either side may come back, or go, by the
                // resolution of that conflict.
                let deleted = theirs_touched.contains(&(subject.clone(), String::new()))
                    || mine_touched.contains(&(subject.clone(), String::new()));
                prop_assert!(now == was || deleted, "{subject} · {field}: {was:?} became {now:?}");
            }
        }

        // Again: nothing new.
        let mut mine = Workbench::open(&a).unwrap();
        let again = mine.merge_copy(&b, prefer, false).unwrap();
        prop_assert!(again.applied.is_empty() && again.conflicts.is_empty(), "{again:#?}");
        // Resolve what is left, alternately mine and theirs.
        for (n, c) in mine.conflicts().unwrap().into_iter().filter(|c| c.resolution.is_none()).enumerate() {
            let resolution = if n % 2 == 0 { Resolution::Mine } else { Resolution::Theirs };
            let resolution = match (c.kind, resolution) {
                (bia::model::ConflictKind::SameName, Resolution::Theirs) if c.area == "Process" => Resolution::Same,
                (bia::model::ConflictKind::SameName, Resolution::Theirs) => Resolution::Both,
                (_, r) => r,
            };
            mine.resolve_conflict(&ResolveInput { id: c.id, resolution, value: None }).unwrap();
        }
        mine.close().unwrap();

        // The other way: the copy takes everything, and both agree.
        let mut theirs = Workbench::open(&b).unwrap();
        let back = theirs.merge_copy(&a, None, false).unwrap();
        theirs.close().unwrap();
        prop_assert!(back.conflicts.is_empty(), "{:#?}", back.conflicts);
        prop_assert_eq!(content(&a), content(&b));
    }
}

proptest! {
    // Each case builds the demo twice: a dozen here, more with
    // PROPTEST_CASES.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(12),
        ..ProptestConfig::default()
    })]

    /// Two files built apart (the demo, made twice: every id differs),
    /// each edited, the second merged into the first like an import:
    /// every value of the file is here or a conflict or a line left out
    /// names its process; nothing here is removed; merging again brings
    /// nothing new; one undo puts the file back.
    #[test]
    fn files_built_apart_merged_like_an_import_lose_nothing(
        here in prop::collection::vec(op(), 0..14),
        there in prop::collection::vec(op(), 0..14),
    ) {
        let dir = temp_dir();
        let (a, b) = (dir.path().join("a.bia"), dir.path().join("b.bia"));
        let mut mine = Workbench::create_demo(&a).unwrap();
        apply(&mut mine, &here, "HQ");
        let mut theirs = Workbench::create_demo(&b).unwrap();
        let theirs_touched = apply(&mut theirs, &there, "Leeds");
        theirs.close().unwrap();
        let before = content_open(&mine);
        let names: BTreeSet<String> = mine.processes().unwrap().into_iter().map(|p| p.name.to_string()).collect();
        let report = mine.import_assessment(&b, false).unwrap();
        prop_assert!(report.matched);
        let after: BTreeSet<String> = mine.processes().unwrap().into_iter().map(|p| p.name.to_string()).collect();
        prop_assert!(names.is_subset(&after), "a process went: {:?}", names.difference(&after).collect::<Vec<_>>());
        let said = |subject: &str| {
            report.conflicts.iter().any(|c| c.subject == subject)
                || report.left_out.iter().any(|l| l.contains(&format!("“{subject}”")))
        };
        for (subject, field) in theirs_touched.iter().filter(|(_, f)| !f.is_empty()) {
            let there = value_of(&b, subject, field);
            if there.is_none() {
                continue;
            }
            let here = value_of_open(&mine, subject, field);
            prop_assert!(here == there || said(subject), "{subject} · {field}: {there:?} not taken ({here:?}), not said\n{report:#?}");
        }
        let again = mine.import_assessment(&b, false).unwrap();
        prop_assert!(again.applied.is_empty() && again.conflicts.is_empty() && again.backup.is_none(), "{again:#?}");
        prop_assert_eq!(again.decisions_added, 0);
        prop_assert_eq!(again.unresolved, report.unresolved);
        // (A merge that only adds to the decision log, which is never
        // taken back, is no edit to undo.)
        if !report.applied.is_empty() || !report.conflicts.is_empty() {
            mine.undo().unwrap();
        }
        mine.close().unwrap();
        prop_assert_eq!(content(&a), before);
    }
}

fn value_of_open(wb: &Workbench, subject: &str, field: &str) -> Option<String> {
    let p = wb.process_named(subject).ok();
    match (field, p) {
        ("", p) => Some(p.is_some().to_string()),
        ("RTO", Some(p)) => Some(format!(
            "{:?}",
            wb.objectives(p.id).unwrap().and_then(|o| o.rto)
        )),
        ("Owner", Some(p)) => Some(p.owner),
        ("Description", Some(p)) => Some(p.description),
        (cell, Some(p)) => {
            let m = wb.methodology().unwrap();
            let score = m
                .categories
                .iter()
                .flat_map(|c| m.horizons.iter().map(move |h| (c, h)))
                .find(|(c, h)| format!("{} at {}", c.name, h.label) == cell)
                .and_then(|(c, h)| {
                    wb.process_impact(p.id)
                        .unwrap()
                        .scores
                        .into_iter()
                        .find(|s| s.category_id == c.id && s.horizon_id == h.id)
                });
            Some(format!("{:?}", score.map(|s| s.severity)))
        }
        (_, None) => None,
    }
}
