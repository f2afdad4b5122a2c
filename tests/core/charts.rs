//! Charts as a reader receives them: every process named, a PNG of the
//! promised size, the same picture for the same data, and a readable
//! picture rather than an error when nothing is scored yet.

use bia::chart::{ChartKind, ChartOptions, Format, render};

use crate::dependency_chart::texts;
use crate::{demo_store, new_store, temp_dir};

#[test]
fn the_heatmap_names_every_process_and_is_deterministic() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let svg = String::from_utf8(
        render(
            ChartKind::Heatmap,
            &a,
            &ChartOptions::default(),
            Format::Svg,
        )
        .unwrap(),
    )
    .unwrap();
    assert!(svg.starts_with("<svg"));
    for p in &a.processes {
        let shown = p.name.replace('&', "&amp;");
        assert!(
            svg.contains(&format!(">{shown}<")) || svg.contains(&shown[..shown.len().min(20)]),
            "{} is in the heatmap",
            p.name
        );
    }
    assert!(svg.contains("DejaVu Sans"), "text uses the shipped font");
    assert_eq!(
        render(
            ChartKind::Heatmap,
            &a,
            &ChartOptions::default(),
            Format::Svg
        )
        .unwrap(),
        svg.as_bytes(),
        "same data, same picture"
    );
}

#[test]
fn pngs_decode_at_their_size() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let png = render(ChartKind::Tiers, &a, &ChartOptions::default(), Format::Png).unwrap();
    let image = image::load_from_memory(&png).expect("a real PNG");
    assert_eq!((image.width(), image.height()), (800, 440));
    let heat = image::load_from_memory(
        &render(
            ChartKind::Heatmap,
            &a,
            &ChartOptions::default(),
            Format::Png,
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(heat.width(), 1200);
    assert!(heat.height() > 25 * 12, "a row per process");
}

#[test]
fn an_assessment_with_nothing_scored_draws_a_readable_picture() {
    let dir = temp_dir();
    let (store, _) = new_store(&dir);
    let a = store.load().unwrap();
    let svg = String::from_utf8(
        render(
            ChartKind::Heatmap,
            &a,
            &ChartOptions::default(),
            Format::Svg,
        )
        .unwrap(),
    )
    .unwrap();
    assert!(svg.contains("Nothing scored yet"));
    let tiers = String::from_utf8(
        render(ChartKind::Tiers, &a, &ChartOptions::default(), Format::Svg).unwrap(),
    )
    .unwrap();
    assert!(tiers.contains("No RTO"));
}

#[test]
fn three_hundred_processes_stay_legible() {
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    for i in 0..300 {
        let input = bia::model::ProcessInput {
            name: format!(
                "Regional depot operations, site {i:03} — cross-docking, returns and \
                 the overnight trunking to the northern hubs"
            )
            .into(),
            ..Default::default()
        };
        store
            .create_process(&input, &bia::model::Provenance::Workshop)
            .unwrap();
    }
    let a = store.load().unwrap();
    let svg = String::from_utf8(
        render(
            ChartKind::Heatmap,
            &a,
            &ChartOptions::default(),
            Format::Svg,
        )
        .unwrap(),
    )
    .unwrap();
    assert!(
        svg.contains("…"),
        "long names are shortened with an ellipsis"
    );
    let png = image::load_from_memory(
        &render(
            ChartKind::Heatmap,
            &a,
            &ChartOptions::default(),
            Format::Png,
        )
        .unwrap(),
    )
    .unwrap();
    assert!(png.height() >= 300 * 14, "rows keep at least 14 px");
}

#[test]
fn the_gap_chart_shows_every_required_resource_worst_first() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let svg = String::from_utf8(
        render(ChartKind::Gaps, &a, &ChartOptions::default(), Format::Svg).unwrap(),
    )
    .unwrap();
    let temperature = svg
        .find("Temperature monitoring platform")
        .expect("unknown capability shown");
    let wms = svg.find("Harbourline WMS").expect("a shortfall shown");
    let banking = svg
        .find("Banking portal")
        .expect("a resource that meets its need shown");
    assert!(
        temperature < wms && wms < banking,
        "unknown first, then shortfalls, then the rest"
    );
    assert!(svg.contains("unknown"));
    let (store, _) = new_store(&temp_dir());
    let empty = String::from_utf8(
        render(
            ChartKind::Gaps,
            &store.load().unwrap(),
            &bia::chart::ChartOptions::default(),
            Format::Svg,
        )
        .unwrap(),
    )
    .unwrap();
    assert!(empty.contains("No resource has a recovery requirement yet."));
}

#[test]
fn a_large_assessment_draws_its_most_critical_rows_and_says_so() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let analysis = bia::analysis::analyze_processes(&a);
    let options = ChartOptions {
        rows: Some(5),
        ..ChartOptions::default()
    };
    let svg = |kind, options: &ChartOptions| {
        String::from_utf8(render(kind, &a, options, Format::Svg).unwrap()).unwrap()
    };
    let heatmap = svg(ChartKind::Heatmap, &options);
    assert!(
        heatmap.contains("The 5 most time-critical of 25 processes."),
        "the chart says what it leaves out"
    );
    let mut by_mtpd: Vec<_> = analysis.iter().collect();
    by_mtpd.sort_by_key(|p| (p.mtpd.map_or(u32::MAX, |m| m.0), p.process.clone()));
    let escaped = |name: &str| name.replace('&', "&amp;");
    let most = escaped(&by_mtpd[0].process);
    let least = escaped(&by_mtpd[24].process);
    assert!(
        heatmap.contains(&most[..most.len().min(20)]),
        "{most} is drawn"
    );
    assert!(
        !heatmap.contains(&least[..least.len().min(20)]),
        "{least} is not"
    );
    let all = svg(ChartKind::Heatmap, &ChartOptions::default());
    let height = |svg: &str| -> u32 {
        let at = svg.find("height=\"").unwrap() + 8;
        svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
    };
    assert!(
        height(&heatmap) < height(&all),
        "five rows draw a shorter picture"
    );
    assert!(
        !all.contains("most time-critical of"),
        "a chart of every row says nothing of it"
    );

    let categories = svg(
        ChartKind::Categories,
        &ChartOptions {
            horizon: Some("1 d".into()),
            ..options.clone()
        },
    );
    assert!(categories.contains("The 5 most time-critical of 25 processes."));
    let gaps = svg(
        ChartKind::Gaps,
        &ChartOptions {
            rows: Some(2),
            ..ChartOptions::default()
        },
    );
    assert!(
        gaps.contains("The 2 largest shortfalls of 27 resources."),
        "{}",
        &gaps[..400]
    );
    assert!(
        gaps.contains("Temperature monitoring platform"),
        "the worst first"
    );
    assert!(
        !gaps.contains("Banking portal"),
        "a resource that meets its need is left out"
    );
}

/// A small workshop fixed in code, so its pictures never move: two
/// categories, three horizons, three processes (one in a sub-unit, one in
/// no unit and unscored, with characters SVG must escape), one resource.
fn fixed_workshop(dir: &tempfile::TempDir) -> bia::model::Assessment {
    use bia::model::*;
    let (mut store, _) = new_store(dir);
    let mut m = store.methodology().unwrap().to_input();
    m.categories
        .retain(|c| c.name == "Financial" || c.name.starts_with("Legal"));
    m.horizons = [("4 h", "4h"), ("1 d", "1 day"), ("1 w", "1 week")]
        .iter()
        .map(|(label, duration)| HorizonInput {
            id: None,
            label: label.to_string(),
            duration: duration.to_string(),
        })
        .collect();
    let m = store.update_methodology(&m).unwrap();
    assert_eq!((m.categories.len(), m.horizons.len()), (2, 3));
    let ops = store
        .create_unit(&UnitInput {
            name: "Operations".into(),
            parent_id: None,
        })
        .unwrap();
    store
        .create_unit(&UnitInput {
            name: "Warehouse".into(),
            parent_id: Some(ops.id),
        })
        .unwrap();
    let mut process = |unit: Option<&str>, name: &str, grid: [[Option<u8>; 3]; 2]| {
        let input = ProcessInput {
            name: name.into(),
            ..Default::default()
        };
        let p = match unit {
            Some(u) => store.create_process_in(u, &input, &Provenance::Workshop),
            None => store.create_process(&input, &Provenance::Workshop),
        }
        .unwrap();
        let cells: Vec<ScoreInput> = m
            .categories
            .iter()
            .zip(grid)
            .flat_map(|(c, row)| {
                m.horizons.iter().zip(row).map(|(h, severity)| ScoreInput {
                    category_id: c.id,
                    horizon_id: h.id,
                    severity,
                    note: None,
                })
            })
            .collect();
        store
            .set_scores(p.id, &cells, &Provenance::Workshop)
            .unwrap();
        p
    };
    let payroll = process(
        Some("Operations"),
        "Payroll processing",
        [[Some(1), Some(3), Some(5)], [Some(0), Some(2), Some(4)]],
    );
    process(
        Some("Warehouse"),
        "Orders & returns",
        [[Some(2), Some(4), Some(4)], [None, Some(1), None]],
    );
    process(None, "Archive <records>", [[None; 3]; 2]);
    bia::objectives::agree(
        &mut store,
        payroll.id,
        &ObjectivesInput {
            rto: "1 day".into(),
            rationale: "Pay day".into(),
            ..Default::default()
        },
        &Provenance::Workshop,
    )
    .unwrap();
    store
        .create_dependency(
            &DependencyInput {
                from: NodeRef::Process(payroll.id),
                to: DependencyTarget::NewResource(ResourceInput {
                    name: "Payroll system".into(),
                    rto_capability: "3 days".into(),
                    ..Default::default()
                }),
                strength: Strength::Required,
                note: String::new(),
            },
            &Provenance::Workshop,
        )
        .unwrap();
    store.load().unwrap()
}

/// FNV-1a: a stable digest for the embedded font in snapshots.
fn digest(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Compares an SVG with `tests/core/snapshots/NAME`. Embedded fonts are
/// stored as their length and digest, so a snapshot stays readable yet
/// fails on any change to them too.
///
/// After a deliberate change to a chart, rewrite the snapshots with
/// `UPDATE_SNAPSHOTS=1 cargo test --test core charts`, look at them, and
/// commit them with the change.
fn assert_snapshot(name: &str, svg: &str) {
    let mut shown = String::new();
    let mut rest = svg;
    while let Some(at) = rest.find("base64,") {
        let start = at + "base64,".len();
        let end = start + rest[start..].find(')').expect("a closed url(...)");
        let data = &rest[start..end];
        shown.push_str(&rest[..start]);
        shown.push_str(&format!(
            "[{} bytes, fnv {:016x}]",
            data.len(),
            digest(data.as_bytes())
        ));
        rest = &rest[end..];
    }
    shown.push_str(rest);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/core/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &shown).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no snapshot {name}: run with UPDATE_SNAPSHOTS=1 to write it"));
    if let Some((i, (want, got))) = expected
        .lines()
        .zip(shown.lines())
        .enumerate()
        .find(|(_, (want, got))| want != got)
    {
        panic!(
            "{name} differs from its snapshot at line {}:\n  want {want}\n  got  {got}\n\
             (UPDATE_SNAPSHOTS=1 rewrites the snapshots after a deliberate change)",
            i + 1
        );
    }
    assert_eq!(
        expected.lines().count(),
        shown.lines().count(),
        "{name}: as many lines as its snapshot"
    );
}

fn svg(kind: ChartKind, a: &bia::model::Assessment, options: &ChartOptions) -> String {
    String::from_utf8(render(kind, a, options, Format::Svg).unwrap()).unwrap()
}

#[test]
fn the_charts_of_a_small_workshop_match_their_snapshots() {
    let dir = temp_dir();
    let a = fixed_workshop(&dir);
    let by_unit = ChartOptions {
        by_unit: true,
        ..Default::default()
    };
    let at_a_week = ChartOptions {
        horizon: Some("1 week".into()),
        ..Default::default()
    };
    for (name, kind, options) in [
        ("heatmap.svg", ChartKind::Heatmap, &ChartOptions::default()),
        ("heatmap-by-unit.svg", ChartKind::Heatmap, &by_unit),
        (
            "categories.svg",
            ChartKind::Categories,
            &ChartOptions::default(),
        ),
        ("categories-1w.svg", ChartKind::Categories, &at_a_week),
        ("tiers.svg", ChartKind::Tiers, &ChartOptions::default()),
        ("gaps.svg", ChartKind::Gaps, &ChartOptions::default()),
        (
            "dependencies.svg",
            ChartKind::Dependencies,
            &ChartOptions::default(),
        ),
    ] {
        let picture = svg(kind, &a, options);
        for p in &a.processes {
            if matches!(kind, ChartKind::Heatmap | ChartKind::Categories) {
                let shown = p
                    .name
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;");
                assert!(picture.contains(&shown), "{name} names {}", p.name);
            }
        }
        assert_snapshot(name, &picture);
    }
}

#[test]
fn the_category_heatmap_shows_each_category_at_the_chosen_horizon() {
    let dir = temp_dir();
    let a = fixed_workshop(&dir);
    let default = svg(ChartKind::Categories, &a, &ChartOptions::default());
    assert!(
        default.contains("Impact by category at 1 d — Northwind Freight BIA"),
        "without a horizon, the first at or after a day"
    );
    assert!(
        default.contains(">\nFinancial\n<") && default.contains(">\nLegal &amp; Regulatory\n<")
    );
    let as_typed = svg(
        ChartKind::Categories,
        &a,
        &ChartOptions {
            horizon: Some("24h".into()),
            ..Default::default()
        },
    );
    assert_eq!(as_typed, default, "24h is the 1 d horizon");
    // Orders & returns first (MTPD 1 d), then Payroll (1 w), then the
    // archive (unscored); at 1 d, Orders: Financial 4, Legal 1; Payroll: 3, 2.
    // The centred one-digit texts: the severities in the cells, in order.
    let cells = |svg: &str| -> Vec<String> {
        let lines: Vec<&str> = svg.lines().collect();
        lines
            .windows(2)
            .filter(|w| w[0].starts_with("<text") && w[0].contains("text-anchor=\"middle\""))
            .map(|w| w[1])
            .filter(|t| t.len() == 1 && t.chars().all(|c| c.is_ascii_digit()))
            .map(String::from)
            .collect()
    };
    assert_eq!(
        cells(&default),
        ["4", "1", "3", "2"],
        "row by row, severities at 1 d"
    );
    let week = svg(
        ChartKind::Categories,
        &a,
        &ChartOptions {
            horizon: Some("1 w".into()),
            ..Default::default()
        },
    );
    assert_eq!(
        cells(&week),
        ["4", "5", "4"],
        "an unscored cell shows no number"
    );
    let err = render(
        ChartKind::Categories,
        &a,
        &ChartOptions {
            horizon: Some("3 days".into()),
            ..Default::default()
        },
        Format::Svg,
    )
    .unwrap_err();
    assert_eq!(err.code(), "unknown_name");
    assert!(err.to_string().contains("4 h, 1 d, 1 w"), "{err}");
    let png = image::load_from_memory(
        &render(
            ChartKind::Categories,
            &a,
            &ChartOptions::default(),
            Format::Png,
        )
        .unwrap(),
    )
    .expect("a real PNG");
    let size = |attr: &str| -> u32 {
        let from = default.find(&format!(" {attr}=\"")).unwrap() + attr.len() + 3;
        default[from..from + default[from..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    assert_eq!(
        (png.width(), png.height()),
        (size("width"), size("height")),
        "as the SVG"
    );
    let (store, _) = new_store(&temp_dir());
    let empty = svg(
        ChartKind::Categories,
        &store.load().unwrap(),
        &ChartOptions::default(),
    );
    assert!(
        empty.contains("Nothing scored yet"),
        "a picture, not an error"
    );
}

#[test]
fn grouped_by_unit_each_process_sits_under_its_unit() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let grouped = svg(
        ChartKind::Heatmap,
        &a,
        &ChartOptions {
            by_unit: true,
            ..Default::default()
        },
    );
    let at = |text: &str| {
        grouped
            .find(&format!(">\n{}\n<", text.replace('&', "&amp;")))
            .unwrap_or_else(|| panic!("{text} is shown"))
    };
    // A band per unit that holds processes, named by its path, in tree order.
    let mut headings: Vec<(String, usize, Option<bia::model::Id>)> = Vec::new();
    for u in &a.units {
        let path = match u.parent_id.and_then(|p| a.unit(p)) {
            Some(parent) => format!("{} › {}", parent.name, u.name),
            None => u.name.clone(),
        };
        if a.processes.iter().any(|p| p.unit_id == Some(u.id)) {
            headings.push((path.clone(), at(&path), Some(u.id)));
        }
    }
    assert!(
        headings
            .iter()
            .any(|h| h.0 == "Operations › Warehouse Operations")
    );
    headings.sort_by_key(|h| h.0.to_lowercase());
    assert!(
        headings.windows(2).all(|w| w[0].1 < w[1].1),
        "units in tree order: {headings:?}"
    );
    let headings: Vec<(usize, Option<bia::model::Id>)> =
        headings.into_iter().map(|h| (h.1, h.2)).collect();
    for p in &a.processes {
        let place = at(&p.name);
        let under = headings
            .iter()
            .rev()
            .find(|(h, _)| *h < place)
            .map(|(_, id)| *id);
        assert_eq!(under, Some(p.unit_id), "{} sits under its unit", p.name);
    }
}

#[test]
fn svg_text_carries_its_font_and_stays_well_formed() {
    use base64::Engine;
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    for kind in [
        ChartKind::Heatmap,
        ChartKind::Categories,
        ChartKind::Gaps,
        ChartKind::Tiers,
    ] {
        let picture = svg(kind, &a, &ChartOptions::default());
        let mut reader = quick_xml::Reader::from_str(&picture);
        let (mut texts, mut in_text) = (String::new(), false);
        loop {
            use quick_xml::events::Event;
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(Event::Start(e)) => in_text = e.name().as_ref() == "text",
                Ok(Event::End(_)) => in_text = false,
                Ok(Event::Text(t)) if in_text => texts.push_str(&t.xml10_content()),
                Ok(Event::GeneralRef(r)) if in_text => {
                    texts.push(match r.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        _ => '\'',
                    });
                }
                Ok(_) => {}
                Err(e) => panic!("{kind:?}: not well-formed XML: {e}"),
            }
        }
        let faces: Vec<Vec<u8>> = picture
            .split("base64,")
            .skip(1)
            .map(|rest| {
                let data = &rest[..rest.find(')').unwrap()];
                base64::engine::general_purpose::STANDARD
                    .decode(data)
                    .unwrap()
            })
            .collect();
        assert_eq!(faces.len(), 2, "{kind:?}: a regular and a bold face");
        assert!(
            faces.iter().all(|f| f.len() < 60_000),
            "{kind:?}: only the glyphs used, not the whole font"
        );
        for face in &faces {
            let face = ttf_parser::Face::parse(face, 0).expect("a font that parses");
            assert!(face.tables().os2.is_some() && face.tables().cmap.is_some());
        }
        let regular = ttf_parser::Face::parse(&faces[0], 0).unwrap();
        let bold = ttf_parser::Face::parse(&faces[1], 0).unwrap();
        for c in texts
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
        {
            let glyph = regular.glyph_index(c).or(bold.glyph_index(c));
            assert!(glyph.is_some(), "{kind:?}: {c:?} maps to a glyph");
        }
        let e = regular.glyph_index('e').unwrap();
        assert!(
            regular.glyph_bounding_box(e).is_some(),
            "{kind:?}: glyphs keep their outlines"
        );
    }
}

/// Every `font-size` of an SVG, in pixels.
fn font_sizes(svg: &str) -> Vec<f64> {
    svg.split("font-size=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap())
        .collect()
}

#[test]
fn laid_out_for_the_card_it_is_shown_in_a_chart_keeps_its_text_at_12_px_or_more() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    // Each chart's narrowest layout; the Dashboard's cards at 1280 × 800 are 400–950 px wide.
    for (kind, narrowest, own) in [
        (ChartKind::Heatmap, 520, 1200),
        (ChartKind::Categories, 520, 1200),
        (ChartKind::Gaps, 480, 1100),
        (ChartKind::Tiers, 420, 800),
    ] {
        for asked in [None, Some(300), Some(560), Some(940), Some(1600)] {
            let options = ChartOptions {
                width: asked,
                ..Default::default()
            };
            let picture = svg(kind, &a, &options);
            let width = asked.map_or(own, |w: u32| w.max(narrowest));
            assert!(
                picture.starts_with(&format!("<svg width=\"{width}\"")),
                "{kind:?} asked {asked:?} is laid out {width} wide"
            );
            let sizes = font_sizes(&picture);
            assert!(!sizes.is_empty());
            let smallest = sizes.iter().copied().fold(f64::MAX, f64::min);
            assert!(
                smallest >= 12.0,
                "{kind:?} at {width} px: its smallest text is {smallest} px"
            );
            let png =
                image::load_from_memory(&render(kind, &a, &options, Format::Png).unwrap()).unwrap();
            assert_eq!(
                png.width(),
                width,
                "{kind:?}: the PNG is as wide as the SVG"
            );
        }
    }
    // The dependency chart is laid out at its own width (its columns'); a
    // page or a unit of a heatmap keeps the heatmap's sizes.
    let paged = |unit: Option<&str>| ChartOptions {
        rows: Some(4),
        offset: Some(4),
        unit: unit.map(String::from),
        width: Some(520),
        ..Default::default()
    };
    for (kind, options) in [
        (ChartKind::Dependencies, ChartOptions::default()),
        (
            ChartKind::Dependencies,
            ChartOptions {
                process: Some("Pick, pack and dispatch".into()),
                ..Default::default()
            },
        ),
        (ChartKind::Heatmap, paged(None)),
        (ChartKind::Heatmap, paged(Some("Operations"))),
        (ChartKind::Categories, paged(Some("Operations"))),
        (ChartKind::Gaps, paged(None)),
    ] {
        let sizes = font_sizes(&svg(kind, &a, &options));
        let smallest = sizes.iter().copied().fold(f64::MAX, f64::min);
        assert!(
            !sizes.is_empty() && smallest >= 12.0,
            "{kind:?} {options:?}: its smallest text is {smallest} px"
        );
    }
    // A narrow heatmap still names every process, shortened where it must be.
    let narrow = svg(
        ChartKind::Heatmap,
        &a,
        &ChartOptions {
            width: Some(560),
            ..Default::default()
        },
    );
    assert!(narrow.contains("Payroll processing"));
    assert!(narrow.contains("…"));
}

/// The process names a grid draws, in order from the top (each as written,
/// a name broken onto two lines joined again).
fn grid_names(svg: &str, a: &bia::model::Assessment) -> Vec<String> {
    let escaped = |n: &str| n.replace('&', "&amp;");
    let mut found: Vec<(usize, String)> = a
        .processes
        .iter()
        .filter_map(|p| {
            let name = escaped(&p.name);
            let whole = svg.find(&format!(">\n{name}\n<"));
            // Broken at a word: the first line ends where a space was.
            let broken = || {
                name.match_indices(' ').find_map(|(at, _)| {
                    let (first, second) = (&name[..at], &name[at + 1..]);
                    let start = svg.find(&format!(">\n{first}\n<"))?;
                    svg[start..]
                        .find(&format!(">\n{second}\n<"))
                        .filter(|gap| *gap < 400)
                        .map(|_| start)
                })
            };
            whole.or_else(broken).map(|at| (at, p.name.clone()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, name)| name).collect()
}

#[test]
fn a_large_assessment_is_paged_through_and_each_page_says_which_rows_it_shows() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let all = grid_names(&svg(ChartKind::Heatmap, &a, &ChartOptions::default()), &a);
    assert_eq!(all.len(), 25, "every process, whole: {all:?}");
    let page = |offset: Option<u32>, rows: Option<u32>| ChartOptions {
        offset,
        rows,
        ..Default::default()
    };
    let second = svg(ChartKind::Heatmap, &a, &page(Some(5), Some(5)));
    assert!(
        second.contains("Processes 6–10 of 25, the most time-critical first."),
        "the caption says which rows"
    );
    assert_eq!(
        grid_names(&second, &a),
        all[5..10],
        "the next five, in the same order"
    );
    let last = svg(ChartKind::Heatmap, &a, &page(Some(24), Some(5)));
    assert!(last.contains("Process 25 of 25, the most time-critical first."));
    assert_eq!(grid_names(&last, &a), all[24..]);
    // Without rows, an offset draws the rest.
    let rest = svg(ChartKind::Categories, &a, &page(Some(20), None));
    assert!(rest.contains("Processes 21–25 of 25, the most time-critical first."));
    assert_eq!(grid_names(&rest, &a), all[20..]);
    // The first page reads as before; offset 0 is no offset.
    let first = svg(ChartKind::Heatmap, &a, &page(Some(0), Some(5)));
    assert!(first.contains("The 5 most time-critical of 25 processes."));
    assert_eq!(grid_names(&first, &a), all[..5]);

    for kind in [ChartKind::Heatmap, ChartKind::Categories] {
        let err = render(kind, &a, &page(Some(25), Some(5)), Format::Svg).unwrap_err();
        assert_eq!(err.code(), "offset_past_end");
        assert_eq!(
            err.to_string(),
            "offset 25 is past the end: the chart has 25 processes to draw, \
             so the offset must be below 25"
        );
    }
    let (empty, _) = new_store(&temp_dir());
    let err = render(
        ChartKind::Heatmap,
        &empty.load().unwrap(),
        &page(Some(1), None),
        Format::Svg,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "offset 1 is past the end: the chart has no processes to draw"
    );

    // The gap chart pages its resources the same way.
    let gaps_all = svg(ChartKind::Gaps, &a, &ChartOptions::default());
    let gaps = svg(ChartKind::Gaps, &a, &page(Some(2), Some(2)));
    assert!(gaps.contains("Resources 3–4 of 27, the largest shortfalls first."));
    assert!(
        gaps_all.find("Temperature monitoring").unwrap()
            < gaps_all.find("Harbourline WMS").unwrap()
    );
    assert!(
        !gaps.contains("Temperature monitoring"),
        "the worst is on page one"
    );
    let err = render(ChartKind::Gaps, &a, &page(Some(27), None), Format::Svg).unwrap_err();
    assert_eq!(err.code(), "offset_past_end");
    assert!(
        err.to_string().contains("27 resources with a requirement"),
        "{err}"
    );
}

#[test]
fn one_unit_and_its_sub_units_are_drawn_and_named() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    let unit = |name: &str| a.units.iter().find(|u| u.name == name).unwrap().id;
    let under_operations: Vec<&str> = a
        .processes
        .iter()
        .filter(|p| {
            p.unit_id == Some(unit("Warehouse Operations"))
                || p.unit_id == Some(unit("Transport & Fleet"))
        })
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(under_operations.len(), 9, "Operations holds none itself");
    let of = |unit: &str| ChartOptions {
        unit: Some(unit.into()),
        ..Default::default()
    };
    // By name, case and spacing aside, or by id: the same picture.
    let heatmap = svg(ChartKind::Heatmap, &a, &of("  operations "));
    assert_eq!(
        heatmap,
        svg(ChartKind::Heatmap, &a, &of(&unit("Operations").to_string()))
    );
    assert!(heatmap.contains("Impact over time in Operations — Harbourline Logistics"));
    assert!(heatmap.contains("9 processes in Operations and its sub-units."));
    let mut drawn = grid_names(&heatmap, &a);
    drawn.sort();
    let mut expected: Vec<String> = under_operations.iter().map(|n| n.to_string()).collect();
    expected.sort();
    assert_eq!(drawn, expected, "the sub-units' processes, and no others");

    // A unit without sub-units; the category heatmap; grouped by unit.
    let finance = svg(
        ChartKind::Categories,
        &a,
        &ChartOptions {
            by_unit: true,
            ..of("Finance")
        },
    );
    assert!(finance.contains("Impact by category at 1 d in Finance — Harbourline Logistics"));
    assert!(finance.contains("4 processes in Finance."));
    assert!(finance.contains(">\nFinance\n<"), "its band");
    assert_eq!(grid_names(&finance, &a).len(), 4);

    // Paged within the unit.
    let paged = svg(
        ChartKind::Heatmap,
        &a,
        &ChartOptions {
            rows: Some(4),
            offset: Some(4),
            ..of("Operations")
        },
    );
    assert!(paged.contains(
        "Processes 5–8 of 9 in Operations and its sub-units, the most time-critical first."
    ));
    let whole_unit = grid_names(&heatmap, &a);
    assert_eq!(grid_names(&paged, &a), whole_unit[4..8]);
    let first = svg(
        ChartKind::Heatmap,
        &a,
        &ChartOptions {
            rows: Some(4),
            ..of("Operations")
        },
    );
    assert!(
        first.contains("The 4 most time-critical of 9 processes in Operations and its sub-units.")
    );
    let err = render(
        ChartKind::Heatmap,
        &a,
        &ChartOptions {
            offset: Some(9),
            ..of("Operations")
        },
        Format::Svg,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "offset 9 is past the end: the chart has 9 processes in Operations and its sub-units \
         to draw, so the offset must be below 9"
    );

    // An unknown unit is named.
    for kind in [ChartKind::Heatmap, ChartKind::Categories] {
        let err = render(kind, &a, &of("Teleportation"), Format::Svg).unwrap_err();
        assert_eq!(err.code(), "no_such_name");
        assert_eq!(err.to_string(), "no unit named \"Teleportation\"");
    }
}

#[test]
fn a_unit_with_no_processes_says_so_rather_than_nothing_scored() {
    let dir = temp_dir();
    let (mut store, _) = new_store(&dir);
    store
        .create_unit(&bia::model::UnitInput {
            name: "Legal".into(),
            parent_id: None,
        })
        .unwrap();
    let a = store.load().unwrap();
    let picture = svg(
        ChartKind::Heatmap,
        &a,
        &ChartOptions {
            unit: Some("legal".into()),
            ..Default::default()
        },
    );
    assert!(picture.contains("No processes in Legal."));
    assert!(picture.contains("No process in Legal yet: add one there to see it here."));
}

#[test]
fn a_name_too_long_for_its_column_takes_two_lines_before_it_is_cut() {
    let dir = temp_dir();
    let (store, _) = demo_store(&dir);
    let a = store.load().unwrap();
    // The dependency chart: the whole name on two lines.
    let dependencies = texts(&svg(ChartKind::Dependencies, &a, &ChartOptions::default()));
    let at = dependencies
        .iter()
        .position(|t| t == "Warehouse management system")
        .expect("the first line");
    assert_eq!(dependencies[at + 1], "operations", "the second line");
    assert!(
        !dependencies
            .iter()
            .any(|t| t.starts_with("Warehouse") && t.ends_with('…')),
        "never cut: {dependencies:?}"
    );
    // A heatmap laid out for a narrow card: two lines, and an ellipsis
    // only where two are not enough.
    let narrow = texts(&svg(
        ChartKind::Heatmap,
        &a,
        &ChartOptions {
            width: Some(700),
            ..Default::default()
        },
    ));
    let at = narrow
        .iter()
        .position(|t| t == "Warehouse management")
        .expect("broken at a word");
    assert_eq!(narrow[at + 1], "system operations");
    assert!(
        !narrow
            .iter()
            .any(|t| t.ends_with('…') && t.starts_with("Warehouse"))
    );
    // The gap chart at its narrowest.
    let gaps = texts(&svg(
        ChartKind::Gaps,
        &a,
        &ChartOptions {
            width: Some(480),
            ..Default::default()
        },
    ));
    let at = gaps
        .iter()
        .position(|t| t == "Temperature")
        .expect("broken at a word");
    assert_eq!(gaps[at + 1], "monitoring platform");
}

#[test]
fn the_tier_movement_of_a_small_workshop_matches_its_snapshot() {
    use bia::model::{Minutes, Objectives};
    let dir = temp_dir();
    let old = fixed_workshop(&dir);
    let mut new = old.clone();
    new.info.name = "Northwind Freight BIA 2027".into();
    // Payroll is tightened to 4 h (Tier 2 → Tier 1); the orders get an RTO.
    new.objectives[0].rto = Some(Minutes::hours(4));
    new.objectives.push(Objectives {
        process_id: new.processes[1].id,
        rto: Some(Minutes::days(7)),
        ..Default::default()
    });
    let c = bia::analysis::compare(
        &old,
        &bia::analysis::analyze(&old),
        &new,
        &bia::analysis::analyze(&new),
    );
    let picture = String::from_utf8(
        bia::chart::render_tier_movement(&c, &ChartOptions::default(), Format::Svg).unwrap(),
    )
    .unwrap();
    assert!(picture.contains("Tier movement — Northwind Freight BIA 2027"));
    assert_snapshot("tier-movement.svg", &picture);
    // Laid out narrow, it still names each tier and keeps its text size.
    let narrow = ChartOptions {
        width: Some(460),
        ..Default::default()
    };
    let png = bia::chart::render_tier_movement(&c, &narrow, Format::Png).unwrap();
    let image = image::load_from_memory(&png).unwrap();
    assert_eq!(image.width(), 460);
}
