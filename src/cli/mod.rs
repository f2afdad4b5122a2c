//! The `bia` command-line tool, in the shape of ripgrep's: [`args`] parses,
//! [`run`] calls the application layer, [`print`] prints.

pub mod args;
pub mod merge;
pub mod print;
pub mod questionnaire;
mod read;
pub mod run;
pub mod scenario;
pub mod workshop;
