//! Durations as people type them ("4 h", "1-3 days", "N/A", "½ day"): any
//! text parses to minutes or to an error that says why, and what parses
//! prints back to text that parses to the same minutes.
#![no_main]

use bia::model::duration::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(minutes) = parse(text) {
        let again = parse(&minutes.to_string()).expect("a printed duration parses");
        assert_eq!(again, minutes, "{text:?} → {minutes} → {again}");
    }
});
