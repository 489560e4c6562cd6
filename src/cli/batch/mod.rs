//! `sverka batch`: align many document pairs in parallel.
//!
//! Pairs come from a manifest CSV (`id,en,ru` paths), from two folders paired
//! by file name, or (`--jsonl`) as JSON objects holding the two texts, one per
//! line on stdin. Every pair goes through the same pipeline as `sverka align`
//! (encoding, language check, splitting, aligning, writing) with the same
//! flags. One bad pair is reported on one line and skipped; the others
//! complete. Exit status: 0 when every pair was aligned (or skipped by
//! `--skip-existing`), 1 when some failed, 2 when the run could not start
//! (bad flags, unreadable manifest or folder).

mod files;
mod jsonl;
mod pairs;
mod summary;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use clap::ArgGroup;
use rayon::prelude::*;
use sverka::align::model1;
use sverka::pipeline::Pipeline;
use sverka::write::Format;
use sverka::{AlignOptions, Aligner, Alignment};

use super::args::{AlignArgs, WriteArgs};
use super::input::InputArgs;
use files::Plan;
use pairs::Pair;

#[derive(clap::Args)]
#[command(group(ArgGroup::new("pairs").required(true).args(["manifest", "en_dir", "jsonl"])))]
#[command(group(ArgGroup::new("destination").args(["out_dir", "output"])))]
pub struct Args {
    /// CSV with a header row naming the columns id, en and ru (paths; relative
    /// ones are taken from the manifest's folder). One pair per row.
    #[arg(long, short, value_name = "CSV")]
    manifest: Option<PathBuf>,
    /// Folder of English texts, paired by file name with the files of --ru-dir.
    #[arg(long, value_name = "DIR", requires = "ru_dir")]
    en_dir: Option<PathBuf>,
    /// Folder of Russian texts, paired by file name with the files of --en-dir.
    #[arg(long, value_name = "DIR", requires = "en_dir")]
    ru_dir: Option<PathBuf>,
    /// Read one {"id", "en", "ru"} object (the two texts) per line on stdin,
    /// write one result object per line on stdout, in input order.
    #[arg(long, conflicts_with_all = [
        "out_dir", "output", "format", "force", "append", "skip_existing",
        "encoding", "lossy", "keep_unaligned",
    ])]
    jsonl: bool,
    /// Write one file per pair into this folder, named `<id>.<format>`
    /// (moses: `<id>.en` and `<id>.ru`).
    #[arg(long, short = 'd', value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Write all pairs into this one file (`-`: stdout), in pair order; every
    /// unit, row or record names its pair (moses: PREFIX.en and PREFIX.ru).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format: tmx, csv, tsv, jsonl, moses, beads, table (default:
    /// from -o's extension, else tmx).
    #[arg(long, short)]
    format: Option<Format>,
    /// Leave pairs whose output is already in --out-dir as they are, so that
    /// running the same command again resumes an interrupted run.
    #[arg(long, requires = "out_dir", conflicts_with_all = ["force", "append"])]
    skip_existing: bool,
    /// Pairs aligned at the same time (default: one per core).
    #[arg(long, short, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar and no summary; errors are still reported.
    #[arg(long, short)]
    quiet: bool,
    /// Learn word translations from all pairs at once (a first pass over the
    /// whole archive), rather than from each pair alone.
    #[arg(long, conflicts_with = "jsonl")]
    learn_all: bool,
    #[command(flatten)]
    write: WriteArgs,
    #[command(flatten)]
    align: AlignArgs,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    // Every batch, --jsonl to standard output included, ends with 130 on
    // an interrupt and removes what it had started to write.
    super::output::install_signal_handler();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs(args.jobs))
        .build()
        .context("cannot start worker threads")?;
    let write_options = args.write.options()?;
    let pipeline = args.align.pipeline(&args.input)?;
    if args.jsonl {
        return pool.install(|| jsonl::run(&pipeline, &write_options, args.quiet));
    }
    if args.out_dir.is_none() && args.output.is_none() {
        bail!("give --out-dir DIR (a file per pair) or --output FILE (one file)");
    }
    let format = super::write::format(args.format, args.output.as_deref(), Format::Tmx)?;
    let (pairs, problems) = match (&args.manifest, &args.en_dir, &args.ru_dir) {
        (Some(manifest), _, _) => pairs::pairs_from_manifest(manifest)?,
        (None, Some(en_dir), Some(ru_dir)) => pairs::pairs_from_folders(en_dir, ru_dir)?,
        _ => bail!("give --manifest CSV, --en-dir DIR --ru-dir DIR, or --jsonl"),
    };
    if pairs.is_empty() && problems.is_empty() {
        bail!("no document pairs found: {}", source_name(&args));
    }
    let destination = files::destination(
        args.out_dir.as_deref(),
        args.output.as_deref(),
        &pairs,
        format,
        &args.write,
    )?;
    let pipeline = if args.learn_all {
        let options = args.align.options()?;
        pool.install(|| learn_from_all(options, &pipeline, &pairs))
    } else {
        pipeline
    };
    let plan = Plan {
        pipeline: &pipeline,
        format,
        write: &args.write,
        options: &write_options,
        skip_existing: args.skip_existing,
        inputs: pairs
            .iter()
            .flat_map(|p| [p.en.as_path(), p.ru.as_path()])
            .chain(args.manifest.as_deref())
            .chain(args.align.dict.iter().map(PathBuf::as_path))
            .filter_map(crate::cli::output::file_id)
            .collect(),
    };
    pool.install(|| files::run(&plan, pairs, problems, destination, args.quiet))
}

/// More threads than this only cost memory and start-up time: pairs are
/// aligned on the cores there are.
const MAX_JOBS: usize = 256;

/// `--jobs`, clamped to [`MAX_JOBS`] with a note (0 or absent: one per core).
fn jobs(requested: Option<usize>) -> usize {
    match requested {
        Some(n) if n > MAX_JOBS => {
            eprintln!("sverka: note: --jobs {n} is more than {MAX_JOBS}; using {MAX_JOBS}");
            MAX_JOBS
        }
        n => n.unwrap_or(0),
    }
}

fn source_name(args: &Args) -> String {
    match (&args.manifest, &args.en_dir, &args.ru_dir) {
        (Some(m), _, _) => m.display().to_string(),
        (_, Some(en), Some(ru)) => format!("{} and {}", en.display(), ru.display()),
        _ => "<stdin>".into(),
    }
}

/// A pipeline whose lexicon holds the word translations learned from a first
/// pass over every pair (IBM Model 1 on their confident beads, as each pair's
/// own self-training does, but with the whole archive as training data).
/// Pairs that fail here are reported by the main pass.
fn learn_from_all(options: AlignOptions, pipeline: &Pipeline, pairs: &[Pair]) -> Pipeline {
    let first = pipeline.with_aligner(Aligner::new(AlignOptions {
        self_train: false,
        ..options.clone()
    }));
    let alignments: Vec<Alignment> = pairs
        .par_iter()
        .filter_map(|pair| {
            let input = first.read(&pair.en, &pair.ru).ok()?;
            files::catch_panic(|| first.align(&input))
                .ok()
                .map(|a| a.alignment)
        })
        .collect();
    let mut corpus = model1::Corpus::default();
    for alignment in &alignments {
        corpus.add(alignment);
    }
    let mut lexicon = options.lexicon().clone();
    lexicon.extend(&corpus.learn());
    pipeline.with_aligner(Aligner::new(AlignOptions {
        lexicon: Some(Arc::new(lexicon)),
        self_train: false,
        ..options
    }))
}
