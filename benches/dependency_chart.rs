//! Dependency chart benchmark: a generated assessment of 500 nodes (150
//! processes, 350 resources, 900 dependencies spread deterministically,
//! with resource chains, process → process links and cycles), laid out and
//! drawn as SVG and as PNG. Target ≤ 300 ms.
//!
//! Run with `cargo bench --bench dependency_chart`; set `BENCH_OUT=DIR` to
//! keep the pictures for a look.

use std::time::{Duration, Instant};

use bia::chart::{ChartKind, ChartOptions, Format, render};

mod common;

fn main() {
    let a = common::with_dependencies(common::generated(150), 350, 900);
    for (format, name) in [(Format::Svg, "SVG"), (Format::Png, "PNG")] {
        let mut size = 0;
        let mut times: Vec<Duration> = (0..7)
            .map(|_| {
                let t = Instant::now();
                let bytes = render(
                    ChartKind::Dependencies,
                    &a,
                    &ChartOptions::default(),
                    format,
                )
                .unwrap();
                size = bytes.len();
                t.elapsed()
            })
            .collect();
        times.sort();
        if let Ok(dir) = std::env::var("BENCH_OUT") {
            let bytes = render(
                ChartKind::Dependencies,
                &a,
                &ChartOptions::default(),
                format,
            )
            .unwrap();
            let file = format!("{dir}/dependency-chart-500.{}", name.to_lowercase());
            std::fs::write(&file, bytes).unwrap();
        }
        println!(
            "dependency chart of 500 nodes as {name} ({} kB): best {:.2?}, median {:.2?}, worst {:.2?} (7 runs; target ≤ 300 ms)",
            size / 1024,
            times[0],
            times[3],
            times[6]
        );
    }
}
