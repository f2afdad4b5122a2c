//! Charts as a reader receives them: every process named, a PNG of the
//! promised size, the same picture for the same data, and a readable
//! picture rather than an error when nothing is scored yet.

use bia::chart::{ChartKind, ChartOptions, Format, render};

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
            name: format!("Regional depot operations, site {i:03} — a long name for a process"),
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
    assert!(png.height() >= 300 * 12, "rows keep at least 12 px");
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
