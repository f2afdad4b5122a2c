//! `bia`: the command-line tool. Thin over the library: parse the arguments,
//! call one core function, print, and map errors to exit codes —
//! 0 success, 1 a user error (one line on stderr), 2 a usage error (clap).

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::args::Cli::parse();
    let mut out = std::io::stdout().lock();
    match cli::run::run(cli.command, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = out.flush();
            // One line, whatever a layer's message holds, for scripts that read it.
            let message = err
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            eprintln!("bia: {message}");
            ExitCode::from(1)
        }
    }
}
