//! Header recognition and planning on any register: the text becomes a CSV
//! (title rows, a header, rows, a footer, whatever the bytes say), is read,
//! its table and columns are found and its import planned against a new
//! assessment; nothing panics.
#![no_main]

use bia::excel::import::{Limits, Mapping, read_and_plan};
use bia::import::fresh_assessment;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.csv");
    std::fs::write(&path, text).unwrap();
    let _ = read_and_plan(&path, &Limits::default(), &fresh_assessment(), &Mapping::default());
});
