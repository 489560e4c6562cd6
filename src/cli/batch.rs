//! `sverka batch`: align many document pairs in parallel.
//!
//! Pairs come from a manifest CSV (`id,en,ru` paths), from two folders paired
//! by file name, or (`--jsonl`) as JSON objects holding the two texts, one per
//! line on stdin. One bad pair is reported on one line and skipped; the others
//! complete. Exit status: 0 when every pair was aligned, 1 when some failed,
//! 2 when the run could not start (bad flags, unreadable manifest or folder).

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use clap::ArgGroup;
use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use rayon::prelude::*;
use serde_json::Value;
use sverka::align::model1;
use sverka::anchor::lexicon::Lexicon;
use sverka::write::{self, Format, WriteOptions};
use sverka::{AlignOptions, Aligner, Alignment, Bead, Lang, Sentence, input, split};

use super::output::Output;

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
    #[arg(long, conflicts_with_all = ["out_dir", "output", "format", "force"])]
    jsonl: bool,
    /// Write one file per pair into this folder, named `<id>.<format>`.
    #[arg(long, short = 'd', value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Write all pairs into this one file (`-`: stdout), in pair order.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format (default: from -o's extension, else tmx).
    #[arg(long, short)]
    format: Option<Format>,
    /// Inputs are pre-split: one sentence per line, blank line between paragraphs.
    #[arg(long)]
    presplit: bool,
    /// Overwrite existing output files.
    #[arg(long)]
    force: bool,
    /// Pairs aligned at the same time (default: one per core).
    #[arg(long, short, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar and no summary; errors are still reported.
    #[arg(long, short)]
    quiet: bool,
    /// A bilingual dictionary added to the built-in one: hunalign's
    /// `русский @ english` lines, or `english<TAB>русский` (repeatable).
    #[arg(long, value_name = "FILE")]
    dict: Vec<PathBuf>,
    /// Learn word translations from all pairs at once (a first pass over the
    /// whole archive), rather than from each pair alone.
    #[arg(long, conflicts_with = "jsonl")]
    learn_all: bool,
}

/// One document pair named in a manifest or found in two folders.
#[derive(Debug, Clone, PartialEq)]
struct Pair {
    /// Names the pair in messages and its output file (`<id>.<format>`).
    id: String,
    en: PathBuf,
    ru: PathBuf,
}

/// Where aligned pairs go.
enum Destination {
    /// One file per pair in a folder.
    Folder { dir: PathBuf, extension: String },
    /// All pairs in one file, written once every pair is done.
    Merged { out: Output, name: String },
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let options = super::align_options(&args.dict)?;
    let aligner = Aligner::new(options.clone());
    if args.jsonl {
        return pool.install(|| run_jsonl(&args, &aligner));
    }
    if args.out_dir.is_none() && args.output.is_none() {
        bail!("give --out-dir DIR (a file per pair) or --output FILE (one file)");
    }
    let format = output_format(&args)?;
    let (pairs, problems) = match (&args.manifest, &args.en_dir, &args.ru_dir) {
        (Some(manifest), _, _) => pairs_from_manifest(manifest)?,
        (None, Some(en_dir), Some(ru_dir)) => pairs_from_folders(en_dir, ru_dir)?,
        _ => bail!("give --manifest CSV, --en-dir DIR --ru-dir DIR, or --jsonl"),
    };
    if pairs.is_empty() && problems.is_empty() {
        bail!("no document pairs found: {}", source_name(&args));
    }
    let destination = destination(&args, &pairs, format)?;
    let aligner = if args.learn_all {
        pool.install(|| learn_from_all(options, &pairs, args.presplit))
    } else {
        aligner
    };
    let plan = Plan {
        aligner: &aligner,
        presplit: args.presplit,
        force: args.force,
        format,
    };
    let code = pool.install(|| run_files(&plan, pairs, problems, destination, args.quiet))?;
    Ok(code)
}

fn source_name(args: &Args) -> String {
    match (&args.manifest, &args.en_dir, &args.ru_dir) {
        (Some(m), _, _) => m.display().to_string(),
        (_, Some(en), Some(ru)) => format!("{} and {}", en.display(), ru.display()),
        _ => "<stdin>".into(),
    }
}

/// The output format: --format, else the extension of --output, else TMX.
fn output_format(args: &Args) -> Result<Format> {
    let format = match (args.format, args.output.as_deref()) {
        (Some(f), _) => f,
        (None, Some(path)) if path.as_os_str() != "-" => match Format::from_path(path) {
            Some(f) => f,
            None => bail!(
                "{}: cannot tell the format from the extension; give --format",
                path.display()
            ),
        },
        (None, _) => "tmx"
            .parse()
            .map_err(|e: String| anyhow!("{e}; give --format"))?,
    };
    // A format that writes more than one stream (Moses: .en and .ru) fails
    // even on an empty alignment: find out now rather than once per pair.
    let empty = Alignment {
        en: Vec::new(),
        ru: Vec::new(),
        beads: Vec::new(),
    };
    if let Err(e) = write::write(&empty, format, &WriteOptions::default(), &mut io::sink()) {
        bail!(
            "--format {}: cannot be used with batch: {e}",
            extension(format)
        );
    }
    Ok(format)
}

/// Checks the output flags and opens the merged file, so that a run that
/// could not write its result stops before aligning anything.
fn destination(args: &Args, pairs: &[Pair], format: Format) -> Result<Destination> {
    match (&args.out_dir, &args.output) {
        (Some(dir), _) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
            Ok(Destination::Folder {
                dir: dir.clone(),
                extension: extension(format),
            })
        }
        (None, Some(path)) => {
            let inputs: Vec<&Path> = pairs
                .iter()
                .flat_map(|p| [p.en.as_path(), p.ru.as_path()])
                .collect();
            let out = Output::create(Some(path), &inputs, args.force)?;
            let name = match path.as_os_str() == "-" {
                true => "<stdout>".to_string(),
                false => path.display().to_string(),
            };
            Ok(Destination::Merged { out, name })
        }
        (None, None) => bail!("give --out-dir DIR (a file per pair) or --output FILE (one file)"),
    }
}

/// The file extension of a format: its name (`tmx`, `csv`, `beads`, ...),
/// which [`Format::from_path`] reads back.
fn extension(format: Format) -> String {
    format!("{format:?}").to_ascii_lowercase()
}

/// What every pair of a file run shares.
struct Plan<'a> {
    aligner: &'a Aligner,
    presplit: bool,
    force: bool,
    format: Format,
}

/// Aligns file pairs in parallel and writes them; prints a summary.
fn run_files(
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
        bar.suspend(|| eprintln!("sverka: error: {problem}"));
    }
    let failed = AtomicUsize::new(problems.len());
    bar.set_message(failed_message(problems.len()));
    let folder = match &destination {
        Destination::Folder { dir, extension } => Some((dir.as_path(), extension.as_str())),
        Destination::Merged { .. } => None,
    };
    let results: Vec<Option<(PairStats, Option<Alignment>)>> = pairs
        .par_iter()
        .map(|pair| {
            let result = match folder {
                Some((dir, extension)) => {
                    let path = dir.join(format!("{}.{extension}", pair.id));
                    align_to_file(plan, pair, &path).map(|stats| (stats, None))
                }
                None => align_pair(plan.aligner, pair, plan.presplit)
                    .map(|a| (PairStats::of(&a), Some(a))),
            };
            bar.inc(1);
            result
                .map_err(|error| {
                    let n = failed.fetch_add(1, Ordering::Relaxed) + 1;
                    bar.set_message(failed_message(n));
                    let line = one_line(&error.context(format!("pair `{}`", pair.id)));
                    bar.suspend(|| eprintln!("sverka: error: {line}"));
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
    for (stats, alignment) in results.into_iter().flatten() {
        summary.add(&stats);
        aligned.extend(alignment);
    }
    summary.failed = summary.pairs - summary.aligned;
    if let Destination::Merged { mut out, name } = destination {
        write::write(
            &merge(aligned),
            plan.format,
            &WriteOptions::default(),
            out.writer(),
        )
        .with_context(|| format!("{}: cannot write", name))?;
        out.finish()?;
    }
    if !quiet {
        summary.print(started.elapsed(), rayon::current_num_threads());
    }
    Ok(summary.exit_code())
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
    if quiet || !io::stderr().is_terminal() {
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

/// An aligner whose lexicon holds the word translations learned from a first
/// pass over every pair (IBM Model 1 on their confident beads, as each pair's
/// own self-training does, but with the whole archive as training data).
/// Pairs that fail here are reported by the main pass.
fn learn_from_all(options: AlignOptions, pairs: &[Pair], presplit: bool) -> Aligner {
    let first = Aligner::new(AlignOptions {
        self_train: false,
        ..options.clone()
    });
    let alignments: Vec<Alignment> = pairs
        .par_iter()
        .filter_map(|pair| align_pair(&first, pair, presplit).ok())
        .collect();
    let mut corpus = model1::Corpus::default();
    for alignment in &alignments {
        corpus.add(alignment);
    }
    let mut lexicon = options
        .lexicon
        .as_deref()
        .unwrap_or(Lexicon::builtin())
        .clone();
    lexicon.extend(&corpus.learn());
    Aligner::new(AlignOptions {
        lexicon: Some(Arc::new(lexicon)),
        self_train: false,
        ..options
    })
}

/// Reads, splits and aligns one pair of files.
fn align_pair(aligner: &Aligner, pair: &Pair, presplit: bool) -> Result<Alignment> {
    let (en, _) = input::read_text(&pair.en)?;
    let (ru, _) = input::read_text(&pair.ru)?;
    align_texts(aligner, &en, &ru, presplit)
}

/// Aligns one pair into its own file: the output is opened first (so an
/// existing file stops the pair before any work) and renamed into place only
/// when complete.
fn align_to_file(plan: &Plan, pair: &Pair, path: &Path) -> Result<PairStats> {
    let inputs = [pair.en.as_path(), pair.ru.as_path()];
    let mut out = Output::create(Some(path), &inputs, plan.force)?;
    let alignment = align_pair(plan.aligner, pair, plan.presplit)?;
    write::write(
        &alignment,
        plan.format,
        &WriteOptions::default(),
        out.writer(),
    )
    .with_context(|| format!("{}: cannot write", path.display()))?;
    out.finish()?;
    Ok(PairStats::of(&alignment))
}

fn align_texts(aligner: &Aligner, en: &str, ru: &str, presplit: bool) -> Result<Alignment> {
    let (en, ru) = (
        split::sentences(en, Lang::En, presplit),
        split::sentences(ru, Lang::Ru, presplit),
    );
    // A bug in the aligner must cost one pair, not the whole run.
    let alignment = panic::catch_unwind(AssertUnwindSafe(|| aligner.align_sentences(en, ru)))
        .map_err(|_| anyhow!("internal error: the aligner panicked (please report this pair)"))?;
    // A mis-paired archive entry fails with the reason `align` gives (exit 3).
    sverka::verdict::check(&alignment, sverka::anchor::lexicon::Lexicon::builtin())?;
    Ok(alignment)
}

/// One pair's alignment as one line: `<cause>: <cause>...`.
fn one_line(error: &anyhow::Error) -> String {
    let causes: Vec<String> = error.chain().map(|e| e.to_string()).collect();
    causes.join(": ")
}

/// Concatenates alignments into one, in order: beads, sentence indices and
/// paragraph numbers are shifted so that every document keeps its own.
fn merge(alignments: Vec<Alignment>) -> Alignment {
    let mut merged = Alignment {
        en: Vec::new(),
        ru: Vec::new(),
        beads: Vec::new(),
    };
    let (mut en_paragraphs, mut ru_paragraphs) = (0, 0);
    for alignment in alignments {
        let (en_base, ru_base) = (merged.en.len(), merged.ru.len());
        merged
            .beads
            .extend(alignment.beads.into_iter().map(|b| Bead {
                en: b.en.start + en_base..b.en.end + en_base,
                ru: b.ru.start + ru_base..b.ru.end + ru_base,
                score: b.score,
            }));
        en_paragraphs = append(&mut merged.en, alignment.en, en_paragraphs);
        ru_paragraphs = append(&mut merged.ru, alignment.ru, ru_paragraphs);
    }
    merged
}

/// Appends sentences with paragraph numbers from `first` on; returns the next
/// free paragraph number.
fn append(to: &mut Vec<Sentence>, sentences: Vec<Sentence>, first: usize) -> usize {
    let next = sentences.last().map_or(first, |s| first + s.paragraph + 1);
    to.extend(sentences.into_iter().map(|mut s| {
        s.paragraph += first;
        s
    }));
    next
}

/// Pairs listed in a manifest CSV, and one line for each row that names no
/// usable pair. Fails (the run cannot start) when the manifest cannot be read
/// or its header lacks a column.
fn pairs_from_manifest(manifest: &Path) -> Result<(Vec<Pair>, Vec<String>)> {
    let name = manifest.display();
    let base = match manifest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(manifest)
        .with_context(|| format!("{name}: cannot read the manifest"))?;
    let header = reader
        .headers()
        .with_context(|| format!("{name}: cannot read the header row"))?
        .clone();
    let column = |wanted: &str| header.iter().position(|h| h.eq_ignore_ascii_case(wanted));
    let (Some(id), Some(en), Some(ru)) = (column("id"), column("en"), column("ru")) else {
        bail!(
            "{name}:1: the header must name the columns id, en and ru (found: {})",
            header.iter().collect::<Vec<_>>().join(",")
        );
    };
    let mut pairs = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) if e.is_io_error() => {
                return Err(e).with_context(|| format!("{name}: cannot read the manifest"));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(format!("{name}:{line}: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let field = |k: usize| record.get(k).filter(|v| !v.is_empty());
        match (field(id), field(en), field(ru)) {
            (Some(id), Some(en), Some(ru)) => pairs.push(Pair {
                id: id.to_string(),
                en: base.join(en),
                ru: base.join(ru),
            }),
            (i, e, r) => {
                let missing: Vec<&str> = [(i, "id"), (e, "en"), (r, "ru")]
                    .iter()
                    .filter(|(v, _)| v.is_none())
                    .map(|(_, n)| *n)
                    .collect();
                problems.push(format!("{name}:{line}: no {}", missing.join(", ")));
            }
        }
    }
    Ok(check_ids(pairs, problems))
}

/// Pairs of files with the same name in both folders (id: the name without
/// its extension), and one line for each file that has no partner.
fn pairs_from_folders(en_dir: &Path, ru_dir: &Path) -> Result<(Vec<Pair>, Vec<String>)> {
    let en = list_files(en_dir)?;
    let mut ru = list_files(ru_dir)?;
    let mut pairs = Vec::new();
    let mut problems = Vec::new();
    for (name, en_path) in en {
        match ru.remove(&name) {
            Some(ru_path) => pairs.push(Pair {
                id: Path::new(&name)
                    .file_stem()
                    .unwrap_or(&name)
                    .to_string_lossy()
                    .into_owned(),
                en: en_path,
                ru: ru_path,
            }),
            None => problems.push(format!(
                "{}: unpaired: no file of that name in {}",
                en_path.display(),
                ru_dir.display()
            )),
        }
    }
    for ru_path in ru.into_values() {
        problems.push(format!(
            "{}: unpaired: no file of that name in {}",
            ru_path.display(),
            en_dir.display()
        ));
    }
    Ok(check_ids(pairs, problems))
}

/// The files directly in `dir` by name (hidden files and folders left out).
fn list_files(dir: &Path) -> Result<BTreeMap<OsString, PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the folder", dir.display()))?;
    let mut files = BTreeMap::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("{}: cannot read the folder", dir.display()))?;
        let name = entry.file_name();
        let path = entry.path();
        if name.to_string_lossy().starts_with('.') || path.is_dir() {
            continue;
        }
        files.insert(name, path);
    }
    Ok(files)
}

/// Moves pairs whose id cannot name an output file, or repeats an earlier
/// id, to the problems.
fn check_ids(pairs: Vec<Pair>, mut problems: Vec<String>) -> (Vec<Pair>, Vec<String>) {
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let mut kept = Vec::with_capacity(pairs.len());
    for pair in pairs {
        if let Some(reason) = bad_id(&pair.id) {
            problems.push(format!(
                "pair `{}` ({}): {reason}",
                pair.id,
                pair.en.display()
            ));
        } else if let Some(first) = seen.get(&pair.id) {
            problems.push(format!(
                "pair `{}` ({}): the id is already used by {}",
                pair.id,
                pair.en.display(),
                first.display()
            ));
        } else {
            seen.insert(pair.id.clone(), pair.en.clone());
            kept.push(pair);
        }
    }
    (kept, problems)
}

/// Why `id` cannot be used as an output file name, if it cannot.
fn bad_id(id: &str) -> Option<&'static str> {
    if id.starts_with('.') {
        Some("an id may not start with a dot")
    } else if id.contains(['/', '\\', '\0']) {
        Some("an id may not contain a slash")
    } else {
        None
    }
}

/// Counts for one aligned pair.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct PairStats {
    en_sentences: usize,
    ru_sentences: usize,
    beads: usize,
    links: usize,
    /// English sentences in links (beads with both sides non-empty).
    en_linked: usize,
    /// Russian sentences in links.
    ru_linked: usize,
}

impl PairStats {
    fn of(alignment: &Alignment) -> PairStats {
        let links = alignment.beads.iter().filter(|b| b.is_link());
        PairStats {
            en_sentences: alignment.en.len(),
            ru_sentences: alignment.ru.len(),
            beads: alignment.beads.len(),
            links: links.clone().count(),
            en_linked: links.clone().map(|b| b.en.len()).sum(),
            ru_linked: links.map(|b| b.ru.len()).sum(),
        }
    }
}

/// Totals of a run, printed at the end.
#[derive(Debug, Default)]
struct Summary {
    pairs: usize,
    aligned: usize,
    failed: usize,
    totals: PairStats,
}

impl Summary {
    fn add(&mut self, stats: &PairStats) {
        self.aligned += 1;
        let t = &mut self.totals;
        t.en_sentences += stats.en_sentences;
        t.ru_sentences += stats.ru_sentences;
        t.beads += stats.beads;
        t.links += stats.links;
        t.en_linked += stats.en_linked;
        t.ru_linked += stats.ru_linked;
    }

    fn exit_code(&self) -> ExitCode {
        if self.failed == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    fn print(&self, elapsed: Duration, threads: usize) {
        let t = &self.totals;
        let failures = match self.failed {
            0 => "none".to_string(),
            n => format!("{n} (listed above)"),
        };
        eprintln!(
            "sverka batch summary\n  pairs      {} ({} aligned, {} failed)\n  sentences  {} English, {} Russian\n  beads      {} ({} links, {} one-sided)\n  coverage   {} of English, {} of Russian sentences in links\n  failures   {failures}\n  time       {:.2} s on {threads} threads",
            self.pairs,
            self.aligned,
            self.failed,
            t.en_sentences,
            t.ru_sentences,
            t.beads,
            t.links,
            t.beads - t.links,
            percent(t.en_linked, t.en_sentences),
            percent(t.ru_linked, t.ru_sentences),
            elapsed.as_secs_f64(),
        );
    }
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "n/a".into()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

/// Lines of stdin aligned at once: enough to keep every core busy, few
/// enough that memory stays bounded however long the input is.
const JSONL_CHUNK_PER_THREAD: usize = 16;

/// `--jsonl`: texts in, one result object out per input line, in order.
fn run_jsonl(args: &Args, aligner: &Aligner) -> Result<ExitCode> {
    let started = Instant::now();
    let mut stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let chunk_len = JSONL_CHUNK_PER_THREAD * rayon::current_num_threads();
    let mut summary = Summary::default();
    let mut line_number = 0;
    loop {
        let mut chunk = Vec::with_capacity(chunk_len);
        while chunk.len() < chunk_len {
            let mut line = Vec::new();
            let read = stdin
                .read_until(b'\n', &mut line)
                .context("<stdin>: cannot read")?;
            if read == 0 {
                break;
            }
            line_number += 1;
            if !line.iter().all(u8::is_ascii_whitespace) {
                chunk.push((line_number, line));
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<(String, Option<PairStats>)> = chunk
            .par_iter()
            .map(|(n, line)| jsonl_result(aligner, *n, line, args.presplit))
            .collect();
        for (json, stats) in results {
            summary.pairs += 1;
            match stats {
                Some(stats) => summary.add(&stats),
                None => summary.failed += 1,
            }
            if let Err(e) = writeln!(out, "{json}").and_then(|_| out.flush()) {
                // A reader that stops early (`| head`) ends the run quietly.
                if e.kind() == io::ErrorKind::BrokenPipe {
                    return Ok(summary.exit_code());
                }
                return Err(e).context("<stdout>: cannot write");
            }
        }
    }
    if !args.quiet {
        summary.print(started.elapsed(), rayon::current_num_threads());
    }
    Ok(summary.exit_code())
}

/// The result object for input line `n`, and the pair's counts if it was
/// aligned. A failed line is reported on stderr as well.
fn jsonl_result(
    aligner: &Aligner,
    n: usize,
    line: &[u8],
    presplit: bool,
) -> (String, Option<PairStats>) {
    let request: Result<Value, String> = std::str::from_utf8(line)
        .map_err(|e| format!("not valid UTF-8 at byte {}", e.valid_up_to()))
        .and_then(|text| serde_json::from_str(text).map_err(|e| format!("not JSON: {e}")));
    let id = match &request {
        Ok(Value::Object(map)) => map.get("id").cloned().unwrap_or(Value::Null),
        _ => Value::Null,
    };
    let outcome = request.and_then(|value| {
        let en = text_field(&value, "en")?;
        let ru = text_field(&value, "ru")?;
        align_texts(aligner, en, ru, presplit).map_err(|e| one_line(&e))
    });
    match outcome {
        Ok(alignment) => {
            let stats = PairStats::of(&alignment);
            (jsonl_alignment(&id, &alignment).to_string(), Some(stats))
        }
        Err(message) => {
            let message = format!("<stdin>:{n}: {message}");
            eprintln!("sverka: error: {message}");
            let json = serde_json::json!({"id": id, "line": n, "error": message});
            (json.to_string(), None)
        }
    }
}

/// Field `name` of a request: a text with something other than whitespace.
fn text_field<'a>(request: &'a Value, name: &str) -> Result<&'a str, String> {
    let Value::Object(map) = request else {
        return Err("expected an object {\"id\", \"en\", \"ru\"}".into());
    };
    match map.get(name) {
        None => Err(format!("no \"{name}\" field")),
        Some(Value::String(s)) if s.trim().is_empty() => Err(format!("\"{name}\" is empty")),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("\"{name}\" is not a string")),
    }
}

/// The result object of an aligned pair (schema in docs/batch.md).
fn jsonl_alignment(id: &Value, alignment: &Alignment) -> Value {
    let beads: Vec<Value> = alignment
        .beads
        .iter()
        .map(|b| {
            serde_json::json!({
                "en": b.en.clone().collect::<Vec<_>>(),
                "ru": b.ru.clone().collect::<Vec<_>>(),
                "score": b.score,
                "en_text": alignment.en_text(b),
                "ru_text": alignment.ru_text(b),
            })
        })
        .collect();
    serde_json::json!({
        "id": id,
        "en_sentences": alignment.en.len(),
        "ru_sentences": alignment.ru.len(),
        "beads": beads,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(id: &str) -> Pair {
        Pair {
            id: id.into(),
            en: format!("en/{id}.txt").into(),
            ru: format!("ru/{id}.txt").into(),
        }
    }

    #[test]
    fn merging_shifts_sentence_indices_and_paragraphs() {
        let aligner = Aligner::default();
        let a = aligner.align("One. Two.\n\nThree.", "Один. Два.\n\nТри.");
        let b = aligner.align("Four.", "Четыре.");
        let merged = merge(vec![a.clone(), b.clone()]);
        assert_eq!(merged.en.len(), a.en.len() + b.en.len());
        assert_eq!(merged.beads.len(), a.beads.len() + b.beads.len());
        let last = merged.beads.last().unwrap();
        assert_eq!(merged.en_text(last), "Four.");
        assert_eq!(merged.ru_text(last), "Четыре.");
        assert_eq!(merged.en[3].paragraph, 2);
    }

    #[test]
    fn merged_beads_cover_every_sentence_once_in_order() {
        let aligner = Aligner::default();
        let docs = vec![
            aligner.align("A b c. D e f.", "А б в. Г д е."),
            aligner.align("Only English here. And more.", "Только."),
        ];
        let merged = merge(docs);
        let (mut en, mut ru) = (0, 0);
        for bead in &merged.beads {
            assert_eq!(bead.en.start, en);
            assert_eq!(bead.ru.start, ru);
            en = bead.en.end;
            ru = bead.ru.end;
        }
        assert_eq!((en, ru), (merged.en.len(), merged.ru.len()));
    }

    #[test]
    fn rejects_ids_that_cannot_name_a_file() {
        assert!(bad_id("../up").is_some());
        assert!(bad_id("a/b").is_some());
        assert!(bad_id(".hidden").is_some());
        assert!(bad_id("report-2020_03").is_none());
    }

    #[test]
    fn repeated_ids_become_problems_and_the_first_pair_is_kept() {
        let (kept, problems) = check_ids(vec![pair("a"), pair("b"), pair("a")], Vec::new());
        assert_eq!(kept, vec![pair("a"), pair("b")]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("already used"), "{}", problems[0]);
    }

    #[test]
    fn jsonl_reports_a_missing_field_with_the_line_number() {
        let (json, stats) =
            jsonl_result(&Aligner::default(), 7, br#"{"id": 3, "en": "Hi."}"#, false);
        assert!(stats.is_none());
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["id"], 3);
        assert_eq!(value["line"], 7);
        assert_eq!(value["error"], "<stdin>:7: no \"ru\" field");
    }

    #[test]
    fn jsonl_result_holds_beads_with_texts() {
        let line = r#"{"id": "x", "en": "Hello there. Bye now.", "ru": "Привет. Пока."}"#;
        let (json, stats) = jsonl_result(&Aligner::default(), 1, line.as_bytes(), false);
        let stats = stats.unwrap();
        assert_eq!((stats.en_sentences, stats.ru_sentences), (2, 2));
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["id"], "x");
        assert_eq!(value["beads"][0]["en"], serde_json::json!([0]));
        assert_eq!(value["beads"][0]["en_text"], "Hello there.");
        assert_eq!(value["beads"][0]["ru_text"], "Привет.");
    }

    #[test]
    fn coverage_counts_sentences_in_links_only() {
        let alignment = Alignment {
            en: Vec::new(),
            ru: Vec::new(),
            beads: vec![
                Bead {
                    en: 0..2,
                    ru: 0..1,
                    score: 1.0,
                },
                Bead {
                    en: 2..3,
                    ru: 1..1,
                    score: 1.0,
                },
            ],
        };
        let stats = PairStats::of(&alignment);
        assert_eq!((stats.links, stats.en_linked, stats.ru_linked), (1, 2, 1));
    }
}
