//! Chart benchmark: the impact heatmap and the category heatmap of a
//! generated 1,000-process assessment (full 7 × 8 grids), as SVG and as
//! PNG. Target ≤ 150 ms each. Run with `cargo bench --bench charts`.

use std::time::{Duration, Instant};

use bia::Store;
use bia::chart::{ChartKind, ChartOptions, Format, render};
use bia::model::{AssessmentInput, ProcessInput, Provenance, ScoreInput};

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::create(
        &dir.path().join("big.bia"),
        &AssessmentInput {
            name: "Generated".into(),
            ..Default::default()
        },
        bia::model::Currency::fallback(),
    )
    .unwrap();
    let m = store.methodology().unwrap();
    for i in 0..1_000u32 {
        let p = store
            .create_process(
                &ProcessInput {
                    name: format!("Process {i:04} — warehouse and transport operations").into(),
                    ..Default::default()
                },
                &Provenance::Workshop,
            )
            .unwrap();
        let mut cells = Vec::new();
        for (c, category) in m.categories.iter().enumerate() {
            for (h, horizon) in m.horizons.iter().enumerate() {
                let severity = ((h as u32 + c as u32 + i) % 6) as u8;
                cells.push(ScoreInput {
                    category_id: category.id,
                    horizon_id: horizon.id,
                    severity: Some(severity),
                    note: None,
                });
            }
        }
        store
            .set_scores(p.id, &cells, &Provenance::Workshop)
            .unwrap();
    }
    let a = store.load().unwrap();
    let charts = [
        (ChartKind::Heatmap, "heatmap"),
        (ChartKind::Categories, "category heatmap"),
    ];
    for (kind, chart) in charts {
        for (format, name) in [(Format::Svg, "SVG"), (Format::Png, "PNG")] {
            let mut times: Vec<Duration> = (0..7)
                .map(|_| {
                    let t = Instant::now();
                    let bytes = render(kind, &a, &ChartOptions::default(), format).unwrap();
                    assert!(!bytes.is_empty());
                    t.elapsed()
                })
                .collect();
            times.sort();
            println!(
                "{chart} of 1,000 processes as {name}: best {:.2?}, median {:.2?}, worst {:.2?} \
                 (7 runs; target ≤ 150 ms)",
                times[0], times[3], times[6]
            );
        }
    }
}
