//! The `sverka` command line: flags, files and terminals live here, the
//! alignment itself in the library.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Align the English and Russian versions of a text, sentence by sentence.
#[derive(Parser)]
#[command(name = "sverka", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Align an English and a Russian text and write the aligned pairs.
    Align(cli::align::Args),
    /// Split a text into sentences, one per line.
    Split(cli::split::Args),
    /// Check that each text is a complete translation of the other.
    Check(cli::check::Args),
    /// Align many document pairs in parallel (manifest, two folders or JSONL).
    Batch(cli::batch::Args),
    /// Write a page to review and correct an alignment in a browser.
    Review(cli::review::Args),
    /// Write a reviewed alignment (the page's JSON export) in any format.
    Apply(cli::apply::Args),
}

fn main() -> ExitCode {
    // The signal handler is installed when a temporary output file is made
    // or a batch starts (`cli::output`).
    let cli: Cli = cli::parse_args();
    let result = match cli.command {
        Command::Align(args) => cli::align::run(args),
        Command::Split(args) => cli::split::run(args),
        Command::Check(args) => cli::check::run(args),
        Command::Batch(args) => cli::batch::run(args),
        Command::Review(args) => cli::review::run(args),
        Command::Apply(args) => cli::apply::run(args),
    };
    // The process ends here: its memory goes back in one piece.
    sverka::anchor::sentence::Extractor::forget_remembered();
    match result {
        Ok(code) => code,
        Err(error) => {
            cli::report_error(&error);
            ExitCode::from(2)
        }
    }
}
