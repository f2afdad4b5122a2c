//! What the desktop's Dashboard asks the core for when a large assessment
//! is opened, timed call by call on the reference assessment of the import
//! benchmark (10,000 processes, 560,000 scores, 60,000 dependencies): open,
//! the lists the app reads, the analysis and the four charts, then each
//! chart again (drawn from the assessment kept in memory). Each answer is
//! also turned into JSON, as the desktop sends it.
//!
//! Run with `BIA_REFERENCE=path/to/reference.bia cargo bench --bench
//! dashboard` (`BIA_BENCH_KEEP=DIR cargo bench --bench import` makes one).

use std::path::Path;
use std::time::Instant;

use bia::Workbench;
use bia::chart::{ChartKind, ChartOptions, Format};

fn timed<T: serde::Serialize>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    let computed = t.elapsed();
    let json = serde_json::to_vec(&out).unwrap();
    println!(
        "{what:<44} {:>9.2?}  (+ {:>8.2?} to JSON, {:>6.1} MB)",
        computed,
        t.elapsed() - computed,
        json.len() as f64 / 1e6
    );
    out
}

fn main() {
    let Some(reference) = std::env::var_os("BIA_REFERENCE") else {
        eprintln!("BIA_REFERENCE must name the reference assessment (.bia)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reference.bia");
    std::fs::copy(Path::new(&reference), &file).unwrap();
    let t = Instant::now();
    let wb = Workbench::open(&file).unwrap();
    println!("{:<44} {:>9.2?}", "open", t.elapsed());
    // In the order the desktop asks: what the Dashboard's tiles show, its
    // four charts, then the register's lists (read once the charts are up).
    let counts = timed("counts", || wb.counts().unwrap());
    timed("units", || wb.units().unwrap());
    timed("methodology", || wb.methodology().unwrap());
    timed("resources", || wb.resources().unwrap());
    let before_charts = t.elapsed();
    let rows = ChartOptions {
        rows: Some(40),
        ..ChartOptions::default()
    };
    let categories = ChartOptions {
        horizon: Some("1 d".into()),
        ..rows.clone()
    };
    for round in ["first", "again"] {
        if round == "again" {
            println!(
                "{:<44} {:>9.2?}",
                "the four charts drawn, from open",
                t.elapsed()
            );
            timed("processes", || wb.processes().unwrap());
            timed("dependencies", || wb.dependencies().unwrap());
        }
        for (kind, options) in [
            (ChartKind::Heatmap, &rows),
            (ChartKind::Categories, &categories),
            (ChartKind::Tiers, &ChartOptions::default()),
            (ChartKind::Gaps, &rows),
        ] {
            timed(&format!("chart {kind:?} ({round})"), || {
                String::from_utf8(
                    wb.insight()
                        .unwrap()
                        .chart(kind, options, Format::Svg)
                        .unwrap(),
                )
                .unwrap()
            });
        }
    }
    timed("analyze (kept)", || wb.analyze().unwrap());
    println!(
        "{} processes; the tiles' figures {before_charts:.2?} from open",
        counts.processes
    );
}
