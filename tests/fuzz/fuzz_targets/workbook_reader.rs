//! The workbook reader on any bytes, under any of the extensions it reads:
//! it answers a workbook or an error, never a panic, a hang or a blow-up.
#![no_main]

use bia::excel::import::{Limits, read_workbook};
use libfuzzer_sys::fuzz_target;

const EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("register.{}", EXTENSIONS[pick as usize % EXTENSIONS.len()]));
    std::fs::write(&path, bytes).unwrap();
    let _ = read_workbook(&path, &Limits::default());
});
