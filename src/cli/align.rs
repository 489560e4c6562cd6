//! `sverka align`: align two files and write the pairs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use sverka::write::{Format, WriteOptions};

use super::args::{AlignArgs, WriteArgs};
use super::input::InputArgs;
use super::messages;
use super::verdict::PairArgs;
use super::write::Sink;

#[derive(clap::Args)]
pub struct Args {
    /// The English text (`-`: standard input).
    en: PathBuf,
    /// The Russian text (`-`: standard input).
    ru: PathBuf,
    /// Write to this file (format from its extension) instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Output format: table, beads, tmx, csv, tsv, jsonl, moses (default: from
    /// -o's extension, else table). moses writes PREFIX.en and PREFIX.ru for -o PREFIX.
    #[arg(long, short)]
    format: Option<Format>,
    #[command(flatten)]
    write: WriteArgs,
    #[command(flatten)]
    align: AlignArgs,
    #[command(flatten)]
    pair: PairArgs,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let format = super::write::format(args.format, args.output.as_deref(), Format::Table)?;
    let options = args.write.options()?;
    let pipeline = args.align.pipeline(&args.input)?;
    // Dictionaries are inputs too: never written over.
    let inputs: Vec<&Path> = [args.en.as_path(), args.ru.as_path()]
        .into_iter()
        .chain(args.align.dict.iter().map(PathBuf::as_path))
        .collect();
    if let Some(path) = args.output.as_deref()
        && format == Format::Tmx
        && path.is_file()
        && !args.write.force
        && !args.write.append
    {
        anyhow::bail!(
            "{}: already exists; give --append to add the pairs to it, or --force to overwrite it",
            path.display()
        );
    }
    // Opened before reading and aligning: an output that cannot be written
    // stops the run at once.
    let sink = Sink::open(format, args.output.as_deref(), &inputs, &args.write)?;
    let pair = super::input::read_pair(&pipeline, &args.en, &args.ru)?;
    for notice in &pair.notices {
        eprintln!("{}", messages::notice(notice));
    }
    let mut aligned = super::input::align_pair(&pipeline, &pair)?;
    let verdict = match args.pair.judge(&aligned, &pipeline, &args.en, &args.ru) {
        Ok(verdict) => verdict,
        Err(code) => return Ok(code),
    };
    aligned.evidence = None;
    let options = WriteOptions {
        file_spans: Some(aligned.file_spans),
        en_document: Some(args.en.display().to_string()),
        ru_document: Some(args.ru.display().to_string()),
        ..options
    };
    let written = sink.write(&aligned.alignment, &options)?;
    for line in messages::written(&written, None) {
        eprintln!("{line}");
    }
    // Only after a successful run: on failure the error is the one line.
    if let Some(note) = messages::coverage_note(&aligned.alignment, &args.en, &args.ru) {
        eprintln!("{note}");
    }
    if let Some(note) = super::verdict::too_short_note(&verdict, &args.en, &args.ru) {
        eprintln!("{note}");
    }
    Ok(ExitCode::SUCCESS)
}
