//! `sverka apply`: write a reviewed alignment (the JSON the review page
//! exports) in any output format.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use sverka::review::{Review, Status};
use sverka::write::{self, Format, WriteOptions};

use super::output::Output;

#[derive(clap::Args)]
pub struct Args {
    /// The review file exported from the page of `sverka review`.
    review: PathBuf,
    /// Write to this file (format from its extension) instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Output format: table, beads, tmx, csv, tsv, jsonl, moses (default: from
    /// -o's extension, else table). moses writes PREFIX.en and PREFIX.ru for -o PREFIX.
    #[arg(long, short)]
    format: Option<Format>,
    /// Write only the beads the reviewer confirmed.
    #[arg(long)]
    confirmed_only: bool,
    /// Leave out pairs whose confidence (0 to 1) is below this; confirmed and
    /// edited beads score 1.
    #[arg(long, default_value_t = 0.0, value_name = "SCORE")]
    min_score: f64,
    /// Also write sentences without a counterpart (empty opposite side) to
    /// tmx, csv, tsv and moses.
    #[arg(long)]
    keep_unaligned: bool,
    /// Overwrite an existing output file.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let format = match (args.format, args.output.as_deref()) {
        (Some(f), _) => f,
        (None, Some(path)) => Format::from_path(path).ok_or_else(|| {
            anyhow!(
                "{}: cannot tell the format from the extension; give --format",
                path.display()
            )
        })?,
        (None, None) => Format::Table,
    };
    if !(0.0..=1.0).contains(&args.min_score) {
        bail!(
            "--min-score must be between 0 and 1, not {}",
            args.min_score
        );
    }
    let path = &args.review;
    let json = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let review = Review::from_json(&json).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let mut alignment = review.alignment();
    let mut status: Vec<Status> = review.beads.iter().map(|b| b.status).collect();
    if args.confirmed_only {
        let keep: Vec<bool> = status.iter().map(|s| *s == Status::Confirmed).collect();
        let mut k = keep.iter();
        alignment.beads.retain(|_| *k.next().unwrap_or(&false));
        status.retain(|s| *s == Status::Confirmed);
    }
    let options = WriteOptions {
        min_score: args.min_score,
        keep_unaligned: args.keep_unaligned,
        en_document: Some(review.documents.en.clone()),
        ru_document: Some(review.documents.ru.clone()),
        created: std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse().ok()),
        review: alignment
            .beads
            .iter()
            .zip(&status)
            .filter(|(_, s)| **s != Status::Auto)
            .map(|(b, s)| ((b.en.start, b.ru.start), s.name()))
            .collect(),
        ..WriteOptions::default()
    };
    let inputs: [&Path; 1] = [path];
    match (format, args.output.as_deref()) {
        (Format::Moses, None) => {
            bail!("moses output is two files; give -o PREFIX (writes PREFIX.en and PREFIX.ru)")
        }
        (Format::Moses, Some(prefix)) => {
            let (en_path, ru_path) = write::moses::paths(prefix);
            let mut en_out = Output::create(Some(&en_path), &inputs, args.force)?;
            let mut ru_out = Output::create(Some(&ru_path), &inputs, args.force)?;
            write::moses::write(&alignment, &options, en_out.writer(), ru_out.writer())?;
            en_out.finish()?;
            ru_out.finish()?;
        }
        (_, output) => {
            let mut out = Output::create(output, &inputs, args.force)?;
            write::write(&alignment, format, &options, out.writer())?;
            out.finish()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
