//! Integration tests of the core library and the `bia` CLI, told as a
//! workshop would live them: the demo organisation, files carried between
//! laptops, a second program opening the same file, mistakes undone.

mod accounting;
mod architecture;
mod charts;
mod classify;
mod cli;
mod compare;
mod corpus;
mod demo;
mod dependencies;
mod dependency_chart;
mod export;
mod files;
mod fixtures;
mod import;
mod journal;
mod kills;
mod malformed;
mod merge;
mod merge_matched;
mod merge_property;
mod objectives;
mod processes;
mod questionnaires;
mod roundtrip;
mod scenario;
mod store;
mod workbench;
mod workshops;
mod xlsx_edit;

use std::path::PathBuf;

use bia::Store;
use bia::model::AssessmentInput;

/// A fresh temporary folder; kept alive by the returned guard.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// A new empty assessment in a temporary folder.
pub fn new_store(dir: &tempfile::TempDir) -> (Store, PathBuf) {
    let path = dir.path().join("workshop.bia");
    let store = Store::create(
        &path,
        &AssessmentInput {
            name: "Northwind Freight BIA".into(),
            organisation: "Northwind Freight".into(),
            ..Default::default()
        },
        bia::model::Currency::fallback(),
    )
    .expect("a new assessment");
    (store, path)
}

/// The demo assessment in a temporary folder.
pub fn demo_store(dir: &tempfile::TempDir) -> (Store, PathBuf) {
    let path = dir.path().join("demo.bia");
    (bia::demo::create(&path).expect("the demo builds"), path)
}
