//! Aligning file pairs: one output file per pair in a folder, or all pairs in
//! one merged output whose units, rows and records name their pair.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use sverka::Alignment;
use sverka::lang::Sides;
use sverka::pipeline::{Aligned, Pipeline};
use sverka::write::{Document, Format, WriteOptions};

use super::pairs::Pair;
use super::summary::{PairStats, Summary};
use crate::cli::args::WriteArgs;
use crate::cli::messages;
use crate::cli::write::Sink;

/// Where aligned pairs go.
pub enum Destination {
    /// One file per pair in a folder.
    Folder(PathBuf),
    /// All pairs in one output, written once every pair is done.
    Merged(Sink),
}

/// Checks the output flags and opens the merged output, so that a run that
/// could not write its result stops before aligning anything.
pub fn destination(
    out_dir: Option<&Path>,
    output: Option<&Path>,
    pairs: &[Pair],
    format: Format,
    write: &WriteArgs,
) -> Result<Destination> {
    match (out_dir, output) {
        (Some(dir), _) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
            Ok(Destination::Folder(dir.to_path_buf()))
        }
        (None, output) => {
            let inputs: Vec<&Path> = pairs
                .iter()
                .flat_map(|p| [p.en.as_path(), p.ru.as_path()])
                .collect();
            Ok(Destination::Merged(Sink::open(
                format, output, &inputs, write,
            )?))
        }
    }
}

/// What every pair of a file run shares.
pub struct Plan<'a> {
    pub pipeline: &'a Pipeline,
    pub format: Format,
    pub write: &'a WriteArgs,
    pub options: &'a WriteOptions,
    pub skip_existing: bool,
    /// Every input file of the run, as [`crate::cli::output::file_id`]s.
    pub inputs: std::collections::HashSet<(u64, u64)>,
}

/// What became of one pair.
enum Outcome {
    /// Aligned; the alignment is kept for a merged output.
    Done(PairStats, Option<Aligned>),
    /// Its output was already there (`--skip-existing`).
    Skipped,
}

/// Aligns file pairs in parallel and writes them; prints a summary.
pub fn run(
    plan: &Plan,
    pairs: Vec<Pair>,
    problems: Vec<String>,
    destination: Destination,
    quiet: bool,
) -> Result<ExitCode> {
    let started = Instant::now();
    // Pairs that failed before aligning count as done from the start.
    let bar = progress_bar((pairs.len() + problems.len()) as u64, quiet);
    bar.inc(problems.len() as u64);
    for problem in &problems {
        bar.suspend(|| eprintln!("{}", messages::error(problem)));
    }
    let failed = AtomicUsize::new(problems.len());
    let not_started = AtomicUsize::new(0);
    bar.set_message(failed_message(problems.len()));
    crate::cli::output::finish_on_interrupt();
    let folder = match &destination {
        Destination::Folder(dir) => Some(dir.as_path()),
        Destination::Merged(_) => None,
    };
    let results: Vec<Option<Outcome>> = pairs
        .par_iter()
        .map(|pair| {
            if crate::cli::output::interrupted() {
                not_started.fetch_add(1, Ordering::Relaxed);
                return None;
            }
            let result = match folder {
                Some(dir) => align_to_file(plan, pair, dir, &bar),
                None => align_pair(plan.pipeline, pair, &bar)
                    .map(|a| Outcome::Done(PairStats::of(&a.alignment), Some(a))),
            };
            bar.inc(1);
            result
                .map_err(|error| {
                    let n = failed.fetch_add(1, Ordering::Relaxed) + 1;
                    bar.set_message(failed_message(n));
                    let error = error.context(format!("pair `{}`", pair.id));
                    let line = messages::error(messages::one_line(&error));
                    bar.suspend(|| eprintln!("{line}"));
                })
                .ok()
        })
        .collect();
    bar.finish_and_clear();
    let mut summary = Summary {
        pairs: pairs.len() + problems.len(),
        ..Summary::default()
    };
    let mut aligned = Vec::new();
    for (pair, outcome) in pairs.iter().zip(results) {
        match outcome {
            Some(Outcome::Done(stats, alignment)) => {
                summary.add(&stats);
                aligned.extend(alignment.map(|a| (pair, a)));
            }
            Some(Outcome::Skipped) => summary.skipped += 1,
            None => {}
        }
    }
    summary.not_started = not_started.into_inner();
    summary.failed = summary.pairs - summary.aligned - summary.skipped - summary.not_started;
    if crate::cli::output::interrupted() {
        // The merged file is left unwritten (its temporary file goes with
        // `destination`); the files of the pairs done are complete.
        drop(destination);
        summary.print(started.elapsed(), rayon::current_num_threads());
        return Ok(ExitCode::from(crate::cli::output::INTERRUPTED_EXIT));
    }
    if let Destination::Merged(sink) = destination {
        let (alignment, options) = merge(aligned, plan.options);
        let written = sink.write(&alignment, &options)?;
        for line in messages::written(&written, None) {
            eprintln!("{line}");
        }
    }
    if !quiet {
        summary.print(started.elapsed(), rayon::current_num_threads());
    }
    Ok(summary.exit_code())
}

/// One alignment of every pair, in order, and the write options that name
/// each pair's documents and give its sentences' file offsets.
fn merge(parts: Vec<(&Pair, Aligned)>, options: &WriteOptions) -> (Alignment, WriteOptions) {
    let mut documents = Vec::with_capacity(parts.len());
    let mut spans: Sides<Vec<_>> = Sides::default();
    let mut at = Sides::new(0, 0);
    let mut alignments = Vec::with_capacity(parts.len());
    for (pair, aligned) in parts {
        let next = Sides::new(
            at.en + aligned.alignment.en.len(),
            at.ru + aligned.alignment.ru.len(),
        );
        documents.push(Document {
            id: pair.id.clone(),
            names: Sides::new(pair.en.display().to_string(), pair.ru.display().to_string()),
            sentences: Sides::new(at.en..next.en, at.ru..next.ru),
        });
        at = next;
        spans.en.extend(aligned.file_spans.en);
        spans.ru.extend(aligned.file_spans.ru);
        alignments.push(aligned.alignment);
    }
    let options = WriteOptions {
        file_spans: Some(spans),
        documents,
        ..options.clone()
    };
    (Alignment::concat(alignments), options)
}

fn failed_message(failed: usize) -> String {
    match failed {
        0 => String::new(),
        n => format!("{n} failed"),
    }
}

/// A progress bar on stderr when it is a terminal; hidden otherwise (logs and
/// pipes get only the errors and the summary).
fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template(
        "{elapsed_precise} [{wide_bar}] {pos}/{len} pairs, {rate}, eta {eta} {msg}",
    )
    .expect("the progress template is valid")
    .with_key(
        "rate",
        |state: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0} pairs/s", state.per_sec());
        },
    )
    .progress_chars("=> ");
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Reads and aligns one pair of files, as `sverka align` does.
fn align_pair(pipeline: &Pipeline, pair: &Pair, bar: &ProgressBar) -> Result<Aligned> {
    // Only files: a named pipe or device in a folder would hang the run.
    // (A missing file is left to the reader, which names its cause.)
    for path in [&pair.en, &pair.ru] {
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            anyhow::bail!("{}: is not a regular file; give text files", path.display());
        }
    }
    let input = pipeline.read(&pair.en, &pair.ru)?;
    for notice in &input.notices {
        bar.suspend(|| eprintln!("{}", messages::notice(notice)));
    }
    judged(pipeline, catch_panic(|| pipeline.align(&input))?)
}

/// A pair whose texts do not look like translations of each other fails with
/// the reason `align` gives (`sverka::verdict`), judged with the lexicon
/// `pipeline` aligns with (the built-in one plus any `--dict`), as `align`
/// judges it.
pub fn judged(pipeline: &Pipeline, aligned: Aligned) -> Result<Aligned> {
    sverka::verdict::check_aligned(&aligned, crate::cli::verdict::lexicon(pipeline))?;
    // The aligner's anchors are no longer needed (a merged batch holds
    // every pair's alignment).
    Ok(Aligned {
        evidence: None,
        ..aligned
    })
}

/// A bug in the aligner must cost one pair, not the whole run; `f`'s own
/// error (a pair too large to align in one pass) comes back as it is.
pub fn catch_panic<T, E: Into<anyhow::Error>>(f: impl FnOnce() -> Result<T, E>) -> Result<T> {
    panic::catch_unwind(AssertUnwindSafe(f))
        .map_err(|_| anyhow!("internal error: the aligner panicked (please report this pair)"))?
        .map_err(Into::into)
}

/// Aligns one pair into its own file(s) in `dir`: the output is opened first
/// (so an existing file stops the pair before any work) and renamed into
/// place only when complete.
fn align_to_file(plan: &Plan, pair: &Pair, dir: &Path, bar: &ProgressBar) -> Result<Outcome> {
    let path = dir.join(format!("{}.{}", pair.id, plan.format.name()));
    if plan.skip_existing && Sink::files(plan.format, &path).iter().all(|f| f.exists()) {
        return Ok(Outcome::Skipped);
    }
    // Another pair's input (or the manifest, a dictionary) is never
    // overwritten, --force or not.
    for file in Sink::files(plan.format, &path) {
        if crate::cli::output::file_id(&file).is_some_and(|id| plan.inputs.contains(&id)) {
            anyhow::bail!(
                "{}: is an input file; refusing to overwrite it",
                file.display()
            );
        }
    }
    let inputs = [pair.en.as_path(), pair.ru.as_path()];
    let sink = Sink::open(plan.format, Some(&path), &inputs, plan.write)?;
    let aligned = align_pair(plan.pipeline, pair, bar)?;
    let options = WriteOptions {
        file_spans: Some(aligned.file_spans.clone()),
        en_document: Some(pair.en.display().to_string()),
        ru_document: Some(pair.ru.display().to_string()),
        ..plan.options.clone()
    };
    let written = sink.write(&aligned.alignment, &options)?;
    for line in messages::written(&written, Some(&path)) {
        bar.suspend(|| eprintln!("{line}"));
    }
    Ok(Outcome::Done(PairStats::of(&aligned.alignment), None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sverka::pipeline::PairOptions;

    #[test]
    fn merging_names_every_pair_and_counts_its_sentences() {
        let pipeline = Pipeline::new(sverka::Aligner::default(), PairOptions::default());
        let names = |id: &str| Sides::new(format!("{id}.en").into(), format!("{id}.ru").into());
        let aligned = |id: &str, en: &str, ru: &str| {
            let input = pipeline
                .decode(names(id), Sides::new(en.as_bytes(), ru.as_bytes()))
                .unwrap();
            pipeline.align(&input).unwrap()
        };
        let pair = |id: &str| Pair {
            id: id.into(),
            en: format!("{id}.en").into(),
            ru: format!("{id}.ru").into(),
        };
        let (a, b) = (pair("a"), pair("b"));
        let parts = vec![
            (&a, aligned("a", "One. Two.", "Один. Два.")),
            (&b, aligned("b", "Three.", "Три.")),
        ];
        let (merged, options) = merge(parts, &WriteOptions::default());
        assert_eq!(merged.en.len(), 3);
        assert_eq!(options.documents[1].sentences, Sides::new(2..3, 2..3));
        assert_eq!(options.file_spans.as_ref().unwrap().en[2], 0..6);
        let last = merged.beads.last().unwrap();
        assert_eq!(options.document_of(last).unwrap().id, "b");
    }

    #[test]
    fn a_pair_too_large_to_align_in_one_pass_fails_that_pair_alone() {
        let dir = tempfile::tempdir().unwrap();
        let pair = Pair {
            id: "big".into(),
            en: dir.path().join("big.en"),
            ru: dir.path().join("big.ru"),
        };
        std::fs::write(&pair.en, "Hello there. Bye now.").unwrap();
        std::fs::write(&pair.ru, "Привет. Пока.").unwrap();
        let aligner = sverka::Aligner::new(sverka::AlignOptions {
            max_band_cells: 4,
            ..sverka::AlignOptions::default()
        });
        let pipeline = Pipeline::new(aligner, PairOptions::default());
        let error = align_pair(&pipeline, &pair, &ProgressBar::hidden()).unwrap_err();
        let expected = format!(
            "{}, {}: too many sentences to align in one pass (2 and 2 sentences, \
             a band of 9 cells, limit 4); split the texts into parts",
            pair.en.display(),
            pair.ru.display()
        );
        assert_eq!(crate::cli::messages::one_line(&error), expected);
    }
}
