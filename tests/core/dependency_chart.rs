//! The dependency chart as a workshop room sees it: the demo's chains laid
//! out in columns, one process and everything it relies on, loops drawn
//! rather than refused, and a readable picture when nothing is linked yet.

use bia::Store;
use bia::chart::{ChartKind, ChartOptions, Format, render};
use bia::model::{
    DependencyInput, DependencyTarget, NodeRef, ObjectivesInput, ProcessInput, Provenance,
    ResourceInput, ResourceKind, Strength,
};

use crate::cli::{bia, stderr};
use crate::{demo_store, new_store, temp_dir};

fn svg(store: &Store, options: &ChartOptions) -> String {
    let a = store.load().unwrap();
    String::from_utf8(render(ChartKind::Dependencies, &a, options, Format::Svg).unwrap()).unwrap()
}

fn focus(name: &str) -> ChartOptions {
    ChartOptions {
        process: Some(name.into()),
        ..Default::default()
    }
}

/// The texts drawn in an SVG (plotters writes each on its own line).
pub(crate) fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..t.find("</text>")?];
            Some(body.trim().replace("&amp;", "&"))
        })
        .collect()
}

/// Whether `name` is drawn, whole or shortened with an ellipsis, on one
/// line or broken onto two (consecutive texts).
fn drawn(svg: &str, name: &str) -> bool {
    let texts = texts(svg);
    let shown = |t: &str| {
        t == name
            || t.strip_suffix('…')
                .is_some_and(|head| head.len() >= 12 && name.starts_with(head))
    };
    texts.iter().any(|t| shown(t))
        || texts
            .windows(2)
            .any(|w| shown(&format!("{} {}", w[0], w[1])))
}

#[test]
fn the_whole_demo_is_drawn_in_columns_with_its_findings() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let svg = svg(&store, &ChartOptions::default());
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("Dependencies — Harbourline Logistics"));
    for heading in ["Processes", "What they rely on", "Level 2 dependencies"] {
        assert!(svg.contains(heading), "column heading {heading}");
    }
    // Every process and resource with a dependency is drawn; the others are
    // counted in the subtitle, not drawn.
    let linked = |id| {
        a.dependencies
            .iter()
            .any(|d| d.from.id() == id || d.to.id() == id)
    };
    let mut unlinked = 0;
    for p in &a.processes {
        if linked(p.id) {
            assert!(drawn(&svg, &p.name), "{} is drawn", p.name);
        } else {
            unlinked += 1;
            assert!(
                !drawn(&svg, &p.name),
                "{} has no link and is left out",
                p.name
            );
        }
    }
    assert!(svg.contains(&format!(
        "{unlinked} processes without recorded dependencies"
    )));
    for r in a.resources.iter().filter(|r| linked(r.id)) {
        assert!(drawn(&svg, &r.name), "{} is drawn", r.name);
    }
    // Findings: the SPOF badge, gaps in red, the legend naming them.
    assert!(texts(&svg).iter().any(|t| t == "SPOF"));
    assert!(svg.contains("single point of failure"));
    assert!(svg.contains("recovery gap"));
    assert!(
        svg.contains("needs 2 h · restores in 8 h"),
        "the data centre's gap"
    );
    assert!(
        svg.contains("#C62828") || svg.contains("#c62828"),
        "gaps are red"
    );
}

#[test]
fn focusing_on_a_process_draws_it_and_everything_upstream_only() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let by_name = svg(&store, &focus("pick, pack and DISPATCH"));
    assert!(by_name.contains("What Pick, pack and dispatch relies on"));
    // Direct, second-hand and third-hand dependencies.
    for name in [
        "Harbourline WMS",
        "Primary data centre, Reading",
        "Customer order intake",
        "Cloud hosting provider",
    ] {
        assert!(
            drawn(&by_name, name),
            "{name} is upstream of Pick, pack and dispatch"
        );
    }
    for name in [
        "Sage Payroll",
        "Payroll processing",
        "Customs broker (call-off)",
    ] {
        assert!(!drawn(&by_name, name), "{name} is not");
    }
    // The same by id.
    let id = a
        .processes
        .iter()
        .find(|p| p.name == "Pick, pack and dispatch")
        .unwrap()
        .id;
    assert_eq!(svg(&store, &focus(&id.to_string())), by_name);
    // An unknown process is named in the error.
    let err = render(
        ChartKind::Dependencies,
        &a,
        &focus("Teleportation"),
        Format::Svg,
    )
    .unwrap_err();
    assert!(err.to_string().contains("Teleportation"), "{err}");
}

#[test]
fn same_assessment_same_picture_and_the_png_has_the_svg_size() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let first = svg(&store, &ChartOptions::default());
    assert_eq!(svg(&store, &ChartOptions::default()), first);
    let png = render(
        ChartKind::Dependencies,
        &a,
        &ChartOptions::default(),
        Format::Png,
    )
    .unwrap();
    let image = image::load_from_memory(&png).expect("the PNG decodes");
    let head = &first[..first.find('>').unwrap()];
    assert!(
        head.contains(&format!("width=\"{}\"", image.width()))
            && head.contains(&format!("height=\"{}\"", image.height())),
        "{head} vs {}×{}",
        image.width(),
        image.height()
    );
}

#[test]
fn the_demo_built_twice_under_other_ids_draws_the_same_chart() {
    // Each build gives every row a new random id, and the store lists
    // dependencies by id: the picture must follow names, not ids.
    let (first, second) = (temp_dir(), temp_dir());
    let (one, _) = demo_store(&first);
    let (two, _) = demo_store(&second);
    let (a, b) = (one.load().unwrap(), two.load().unwrap());
    assert_ne!(
        a.processes.iter().map(|p| p.id).collect::<Vec<_>>(),
        b.processes.iter().map(|p| p.id).collect::<Vec<_>>(),
        "the two demos have their own ids"
    );
    for options in [ChartOptions::default(), focus("Pick, pack and dispatch")] {
        let (x, y) = (svg(&one, &options), svg(&two, &options));
        let differs = x.lines().zip(y.lines()).position(|(l, r)| l != r);
        assert!(x == y, "{options:?}: differs from line {differs:?}");
        // No id is drawn, so no id can show through.
        for id in a
            .processes
            .iter()
            .map(|p| p.id)
            .chain(a.resources.iter().map(|r| r.id))
        {
            assert!(!x.contains(&id.to_string()), "{id} is drawn");
        }
    }
}

/// The names drawn in bold (the boxes' names), by column (x) then from the
/// top down.
fn columns(svg: &str) -> Vec<Vec<String>> {
    let attribute = |tag: &str, name: &str| -> Option<i32> {
        let from = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[from..].split('"').next()?.parse().ok()
    };
    let mut boxes: Vec<(i32, i32, String)> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            let tag = &t[..t.find('>')?];
            if !tag.contains("font-weight=\"bold\"") {
                return None;
            }
            let body = t[t.find('>')? + 1..t.find("</text>")?].trim();
            Some((attribute(tag, "x")?, attribute(tag, "y")?, body.to_string()))
        })
        // Legend and title sit outside the columns; "SPOF" badges are centred.
        .filter(|(_, y, name)| *y > 112 && name != "SPOF")
        .collect();
    boxes.sort();
    let mut columns: Vec<Vec<String>> = Vec::new();
    let mut at = None;
    for (x, _, name) in boxes {
        if at != Some(x) {
            columns.push(Vec::new());
            at = Some(x);
        }
        columns.last_mut().unwrap().push(name);
    }
    columns
}

#[test]
fn each_column_lists_the_tightest_rto_first_then_names_alphabetically() {
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    // Created out of order, in mixed case: the chart sorts case aside, as the
    // register does.
    let delta = process(&mut store, "Delta returns");
    let charlie = process(&mut store, "charlie payroll");
    let zulu = process(&mut store, "Zulu dispatch");
    let bravo = process(&mut store, "Bravo invoicing");
    let alpha = process(&mut store, "alpha billing");
    bia::objectives::agree(
        &mut store,
        zulu.id(),
        &ObjectivesInput {
            rto: "4 h".into(),
            rationale: "Trucks leave at six".into(),
            ..Default::default()
        },
        &Provenance::Workshop,
    )
    .unwrap();
    let new = |kind, name: &str| {
        DependencyTarget::NewResource(ResourceInput {
            kind,
            name: name.into(),
            ..Default::default()
        })
    };
    let servers = link(
        &mut store,
        delta,
        new(ResourceKind::Infrastructure, "Shared servers"),
        Strength::Required,
    );
    link(
        &mut store,
        alpha,
        new(ResourceKind::Application, "Warehouse system"),
        Strength::Required,
    );
    let crm = link(
        &mut store,
        zulu,
        new(ResourceKind::Application, "CRM"),
        Strength::Required,
    );
    link(
        &mut store,
        alpha,
        new(ResourceKind::Application, "general ledger"),
        Strength::Degraded,
    );
    for (from, to) in [
        (alpha, crm),
        (alpha, servers),
        (charlie, servers),
        (bravo, servers),
    ] {
        link(
            &mut store,
            from,
            DependencyTarget::Existing(to),
            Strength::Required,
        );
    }
    // In this order no two edges cross, so each column keeps it.
    assert_eq!(
        columns(&svg(&store, &ChartOptions::default())),
        [
            vec![
                "Zulu dispatch",
                "alpha billing",
                "Bravo invoicing",
                "charlie payroll",
                "Delta returns"
            ],
            vec![
                "CRM",
                "general ledger",
                "Warehouse system",
                "Shared servers"
            ],
        ]
    );
}

fn process(store: &mut Store, name: &str) -> NodeRef {
    let p = store
        .create_process(
            &ProcessInput {
                name: name.into(),
                ..Default::default()
            },
            &Provenance::Workshop,
        )
        .unwrap();
    NodeRef::Process(p.id)
}

fn link(store: &mut Store, from: NodeRef, to: DependencyTarget, strength: Strength) -> NodeRef {
    let d = store
        .create_dependency(
            &DependencyInput {
                from,
                to,
                strength,
                note: String::new(),
            },
            &Provenance::Workshop,
        )
        .unwrap();
    d.to
}

#[test]
fn a_loop_is_drawn_dashed_and_named_in_the_legend() {
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    let billing = process(&mut store, "Billing");
    let collections = process(&mut store, "Collections");
    link(
        &mut store,
        billing,
        DependencyTarget::Existing(collections),
        Strength::Required,
    );
    link(
        &mut store,
        collections,
        DependencyTarget::Existing(billing),
        Strength::Degraded,
    );
    let ledger = link(
        &mut store,
        billing,
        DependencyTarget::NewResource(ResourceInput {
            kind: ResourceKind::Application,
            name: "General ledger".into(),
            ..Default::default()
        }),
        Strength::Optional,
    );
    assert!(matches!(ledger, NodeRef::Resource(_)));
    let svg = svg(&store, &ChartOptions::default());
    for name in ["Billing", "Collections", "General ledger"] {
        assert!(drawn(&svg, name), "{name} is drawn");
    }
    assert!(svg.contains("closes a loop"));
    let legend = texts(&svg);
    assert!(legend.iter().any(|t| t == "optional") && legend.iter().any(|t| t == "required"));
    // The edge closing the loop is dashed red: many short red strokes.
    let red_dashes = svg
        .split("<polyline")
        .skip(1)
        .filter(|p| p[..p.find("/>").unwrap_or(p.len())].contains("#C62828"))
        .count();
    assert!(
        red_dashes > 10,
        "{red_dashes} red dashes (the legend draws 4)"
    );
}

#[test]
fn nothing_linked_yet_gives_a_readable_picture() {
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    let empty = svg(&store, &ChartOptions::default());
    assert!(empty.contains("No dependencies recorded yet"));
    process(&mut store, "Payroll");
    let alone = svg(&store, &focus("Payroll"));
    assert!(drawn(&alone, "Payroll"));
    assert!(alone.contains("relies on nothing recorded yet"));
}

#[test]
fn the_cli_draws_the_focused_chart_and_names_an_unknown_process() {
    let dir = temp_dir();
    assert!(bia(&["demo", "d.bia"], dir.path()).status.success());
    let o = bia(
        &[
            "chart",
            "dependencies",
            "d.bia",
            "--process",
            "Payroll processing",
            "--out",
            "payroll.svg",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(dir.path().join("payroll.svg")).unwrap();
    assert!(svg.contains("What Payroll processing relies on"));
    assert!(drawn(&svg, "Sage Payroll"));
    let o = bia(
        &[
            "chart",
            "dependencies",
            "d.bia",
            "--process",
            "Teleportation",
            "--out",
            "x.png",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Teleportation"), "{}", stderr(&o));
    assert!(!dir.path().join("x.png").exists());
}
