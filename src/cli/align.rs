//! `sverka align`: align two files and write the pairs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use sverka::write::{self, Format, WriteOptions};
use sverka::{AlignOptions, Aligner, Lang, split};

use super::input::{InputArgs, coverage_note};
use super::output::Output;

#[derive(clap::Args)]
pub struct Args {
    /// The English text.
    en: PathBuf,
    /// The Russian text.
    ru: PathBuf,
    /// Write to this file (format from its extension) instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Output format: table, beads (default: from -o's extension, else table).
    #[arg(long, short)]
    format: Option<Format>,
    /// Inputs are pre-split: one sentence per line, blank line between paragraphs.
    #[arg(long)]
    presplit: bool,
    /// Overwrite an existing output file.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let format = match (args.format, args.output.as_deref()) {
        (Some(f), _) => f,
        (None, Some(path)) => match Format::from_path(path) {
            Some(f) => f,
            None => bail!(
                "{}: cannot tell the format from the extension; give --format",
                path.display()
            ),
        },
        (None, None) => Format::Table,
    };
    let en_file = args.input.read(&args.en)?;
    let ru_file = args.input.read(&args.ru)?;
    args.input
        .check_pair((&args.en, &en_file), (&args.ru, &ru_file))?;
    let (en_text, ru_text) = (en_file.text, ru_file.text);
    let (en, ru) = if args.presplit {
        (split::presplit(&en_text), split::presplit(&ru_text))
    } else {
        (
            split::split(&en_text, Lang::En),
            split::split(&ru_text, Lang::Ru),
        )
    };
    let alignment = Aligner::new(AlignOptions::default()).align_sentences(en, ru);
    let inputs: [&Path; 2] = [&args.en, &args.ru];
    let mut out = Output::create(args.output.as_deref(), &inputs, args.force)?;
    write::write(&alignment, format, &WriteOptions::default(), out.writer())?;
    out.finish()?;
    // Only after a successful run: on failure the error is the one line.
    if let Some(note) = coverage_note(&alignment, &args.en, &args.ru) {
        eprintln!("{note}");
    }
    Ok(ExitCode::SUCCESS)
}
