//! `sverka align`: align two files and write the pairs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use sverka::write::{self, Format, Locales, WriteOptions};
use sverka::{Aligner, Lang, split};

use super::input::{InputArgs, coverage_note};
use super::output::Output;
use super::verdict::PairArgs;

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
    /// Leave out pairs whose confidence (0 to 1) is below this.
    #[arg(long, default_value_t = 0.0, value_name = "SCORE")]
    min_score: f64,
    /// Also write sentences without a counterpart to tmx (a unit with one
    /// <tuv>), csv and tsv (an empty cell opposite); never to moses.
    #[arg(long)]
    keep_unaligned: bool,
    /// Also write page chrome (menus, language switches, share and print
    /// links, cookie and copyright lines) to tmx, csv, tsv and moses.
    #[arg(long)]
    keep_chrome: bool,
    /// Also write pairs whose English and Russian are the same text to tmx,
    /// csv, tsv and moses.
    #[arg(long)]
    keep_identical: bool,
    /// Language code of the English side in TMX (BCP 47, English: en, en-US,
    /// en-GB...) [default: en-GB; with --append, the memory's own].
    #[arg(long, value_name = "CODE")]
    src_lang: Option<String>,
    /// Language code of the Russian side in TMX (BCP 47, Russian: ru, ru-RU...)
    /// [default: ru-RU; with --append, the memory's own].
    #[arg(long, value_name = "CODE")]
    tgt_lang: Option<String>,
    /// Start CSV and TSV output with a UTF-8 byte-order mark, so that Excel
    /// reads it as UTF-8.
    #[arg(long)]
    bom: bool,
    /// Add the pairs to an existing TMX file (-o), skipping pairs already in it.
    #[arg(long, requires = "output")]
    append: bool,
    /// Inputs are pre-split (a line `<p>` is a paragraph break, as in hunalign's input): one sentence per line, blank line between paragraphs.
    #[arg(long)]
    presplit: bool,
    /// Overwrite an existing output file.
    #[arg(long)]
    force: bool,
    /// Align twice, learning word translations from the confident pairs of
    /// the first pass (IBM Model 1); about twice the time.
    #[arg(long)]
    self_train: bool,
    /// A bilingual dictionary added to the built-in one: hunalign's
    /// `русский @ english` lines, or `english<TAB>русский` (repeatable).
    #[arg(long, value_name = "FILE")]
    dict: Vec<PathBuf>,
    #[command(flatten)]
    pair: PairArgs,
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
    if !(0.0..=1.0).contains(&args.min_score) {
        bail!(
            "--min-score must be between 0 and 1, not {}",
            args.min_score
        );
    }
    if args.append && format != Format::Tmx {
        bail!("--append works with tmx output only");
    }
    if let Some(path) = args.output.as_deref()
        && format == Format::Tmx
        && path.exists()
        && !args.force
        && !args.append
    {
        bail!(
            "{}: already exists; give --append to add the pairs to it, or --force to overwrite it",
            path.display()
        );
    }
    let locales = Locales::new(args.src_lang.as_deref(), args.tgt_lang.as_deref())
        .map_err(|e| anyhow::anyhow!("--src-lang/--tgt-lang: {e}"))?;
    let (en_file, ru_file) = args.input.read_pair(&args.en, &args.ru, args.presplit)?;
    // JSONL offsets are file offsets for UTF-8 input (text offsets plus the
    // BOM); for other encodings they are offsets into the decoded UTF-8 text.
    let skipped = |t: &sverka::input::Text| match t.encoding {
        sverka::input::Encoding::Utf8 => t.bom_len,
        _ => 0,
    };
    let (en_skipped, ru_skipped) = (skipped(&en_file), skipped(&ru_file));
    let (en_text, ru_text) = (en_file.text, ru_file.text);
    let en = split::sentences(&en_text, Lang::En, args.presplit);
    let ru = split::sentences(&ru_text, Lang::Ru, args.presplit);
    let mut options = super::align_options(&args.dict)?;
    options.self_train = args.self_train;
    let alignment = Aligner::new(options.clone()).align_sentences(en, ru);
    if let Err(code) = args.pair.judge(&alignment, &options, &args.en, &args.ru) {
        return Ok(code);
    }
    let inputs: [&Path; 2] = [&args.en, &args.ru];
    let options = WriteOptions {
        min_score: args.min_score,
        keep_unaligned: args.keep_unaligned,
        keep_chrome: args.keep_chrome,
        locales,
        bom: args.bom,
        keep_identical: args.keep_identical,
        en_skipped,
        ru_skipped,
        en_document: Some(args.en.display().to_string()),
        ru_document: Some(args.ru.display().to_string()),
        // Reproducible builds' convention for a fixed timestamp.
        created: std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse().ok()),
        ..WriteOptions::default()
    };
    let written = match (format, args.output.as_deref()) {
        (Format::Moses, None) => {
            bail!("moses output is two files; give -o PREFIX (writes PREFIX.en and PREFIX.ru)")
        }
        (Format::Moses, Some(path)) => {
            let (en_path, ru_path) = write::moses::paths(path);
            let mut en_out = Output::create(Some(&en_path), &inputs, args.force)?;
            let mut ru_out = Output::create(Some(&ru_path), &inputs, args.force)?;
            let written =
                write::moses::write(&alignment, &options, en_out.writer(), ru_out.writer())?;
            en_out.finish()?;
            ru_out.finish()?;
            written
        }
        (Format::Tmx, Some(path)) if args.append && path.exists() => {
            let existing = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the TMX to append to", path.display()))?;
            let mut out = Output::create(Some(path), &inputs, true)?;
            let written = write::tmx::append(&existing, path, &alignment, &options, out.writer())?;
            out.finish()?;
            written
        }
        (_, output) => {
            let mut out = Output::create(output, &inputs, args.force || args.append)?;
            let written = write::write(&alignment, format, &options, out.writer())?;
            out.finish()?;
            written
        }
    };
    if written.removed_chars > 0 {
        eprintln!(
            "sverka: warning: removed {} control character(s) that XML 1.0 does not allow",
            written.removed_chars
        );
    }
    if written.duplicates > 0 {
        eprintln!(
            "sverka: {} pair(s) already in the TMX were not added again",
            written.duplicates
        );
    }
    // Only after a successful run: on failure the error is the one line.
    if let Some(note) = coverage_note(&alignment, &args.en, &args.ru) {
        eprintln!("{note}");
    }
    Ok(ExitCode::SUCCESS)
}
