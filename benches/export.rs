//! Export benchmark: the executive workbook of a generated assessment of
//! 10,000 processes (full 7 × 8 impact grids and objectives), 1,000
//! resources and 20,000 dependencies, against the floor: rust_xlsxwriter
//! alone writing the same number of string and number cells (counted by
//! reading the export back with calamine) in the same run. Target ≤ 1.5×
//! the floor.
//!
//! Run with `cargo bench --bench export`.

use std::time::{Duration, Instant};

use calamine::{Data, Reader};
use rust_xlsxwriter::Workbook;

mod common;

fn timed(runs: usize, mut f: impl FnMut() -> usize) -> (Vec<Duration>, usize) {
    let mut size = 0;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            size = f();
            t.elapsed()
        })
        .collect();
    times.sort();
    (times, size)
}

fn main() {
    let a = common::with_dependencies(common::generated(10_000), 1_000, 20_000);
    let (export, bytes) = timed(3, || bia::excel::export::to_bytes(&a, &[]).unwrap().len());

    // What the export wrote, cell by cell.
    let book = bia::excel::export::to_bytes(&a, &[]).unwrap();
    let mut sheets = calamine::Xlsx::new(std::io::Cursor::new(book)).unwrap();
    let (mut strings, mut numbers) = (0usize, 0usize);
    for name in sheets.sheet_names() {
        let range = sheets.worksheet_range(&name).unwrap();
        for (_, _, d) in range.used_cells() {
            match d {
                Data::String(_) => strings += 1,
                Data::Float(_) | Data::Int(_) => numbers += 1,
                _ => {}
            }
        }
    }

    // The floor: the same cells, written plainly, 80 to a row.
    let pool: Vec<String> = (0..2_000).map(|i| format!("Process {i:05} text")).collect();
    let (floor, _) = timed(3, || {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let cells = strings + numbers;
        for i in 0..cells {
            let (row, col) = ((i / 80) as u32, (i % 80) as u16);
            if i < strings {
                ws.write_string(row, col, &pool[i % pool.len()]).unwrap();
            } else {
                ws.write_number(row, col, (i % 6) as f64).unwrap();
            }
        }
        wb.save_to_buffer().unwrap().len()
    });
    println!(
        "export of 10,000 processes ({} kB; {strings} strings, {numbers} numbers): best {:.2?}, median {:.2?}, worst {:.2?}",
        bytes / 1024,
        export[0],
        export[1],
        export[2]
    );
    println!(
        "floor, rust_xlsxwriter alone writing the same cells: best {:.2?}, median {:.2?}, worst {:.2?}",
        floor[0], floor[1], floor[2]
    );
    println!(
        "ratio (median): {:.2}× the floor (target ≤ 1.5×)",
        export[1].as_secs_f64() / floor[1].as_secs_f64()
    );
}
