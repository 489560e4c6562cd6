//! `sverka check`: is each text a complete translation of the other?

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use sverka::report::{self, CheckOptions, CoverageReport};
use sverka::write::WriteOptions;

use super::args::AlignArgs;
use super::input::InputArgs;
use super::messages;
use super::output::Output;
use super::verdict::PairArgs;

#[derive(clap::Args)]
pub struct Args {
    /// The English text (`-`: standard input).
    en: PathBuf,
    /// The Russian text (`-`: standard input).
    ru: PathBuf,
    /// Print the report as JSON instead of the summary.
    #[arg(long)]
    json: bool,
    /// Also write a self-contained HTML page: both texts side by side.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Exit with status 1 when fewer than PERCENT of the sentences of either
    /// side have a counterpart.
    #[arg(long, value_name = "PERCENT")]
    fail_under: Option<f64>,
    /// Pairs scoring below this (0 to 1) are listed as low-confidence.
    #[arg(long, default_value_t = 0.5, value_name = "SCORE")]
    low_score: f64,
    /// Overwrite an existing HTML file.
    #[arg(long)]
    force: bool,
    /// Colour the summary: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, default_value = "auto", value_name = "WHEN")]
    color: ColorWhen,
    #[command(flatten)]
    align: AlignArgs,
    #[command(flatten)]
    pair: PairArgs,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(percent) = args.fail_under
        && !(0.0..=100.0).contains(&percent)
    {
        bail!("--fail-under must be a percentage from 0 to 100, not {percent}");
    }
    if !(0.0..=1.0).contains(&args.low_score) {
        bail!(
            "--low-score must be between 0 and 1, not {}",
            args.low_score
        );
    }
    let pipeline = args.align.pipeline(&args.input)?;
    // Dictionaries are inputs too; an HTML file that cannot be written is
    // said before reading and aligning.
    let inputs: Vec<&Path> = [args.en.as_path(), args.ru.as_path()]
        .into_iter()
        .chain(args.align.dict.iter().map(PathBuf::as_path))
        .collect();
    if let Some(path) = &args.html {
        super::output::check(Some(path), &inputs, args.force)?;
    }
    let pair = super::input::read_pair(&pipeline, &args.en, &args.ru)?;
    for notice in &pair.notices {
        eprintln!("{}", messages::notice(notice));
    }
    let aligned = super::input::align_pair(&pipeline, &pair)?;
    let alignment = &aligned.alignment;
    let mut report = CoverageReport::new(
        alignment,
        &CheckOptions {
            low_score: args.low_score,
        },
    );
    let verdict = args.pair.judge(&aligned, &pipeline, &args.en, &args.ru);
    report.pair = Some(match verdict {
        Ok(v) => v,
        Err(_) => sverka::verdict::judge_aligned(&aligned, super::verdict::lexicon(&pipeline)),
    });
    if let Err(code) = verdict {
        // The score is still reported to a program that asked for JSON.
        if args.json {
            let options = WriteOptions {
                file_spans: Some(aligned.file_spans.clone()),
                ..WriteOptions::default()
            };
            let mut out = Output::create(None, &[], false)?;
            report::json::write_with_beads(&report, alignment, &options, out.writer())?;
            out.finish()?;
        }
        return Ok(code);
    }
    if let Some(path) = &args.html {
        let mut out = Output::create(Some(path), &inputs, args.force)?;
        let name = |p: &Path| p.display().to_string();
        report::html::write(
            &report,
            alignment,
            &name(&args.en),
            &name(&args.ru),
            out.writer(),
        )?;
        out.finish()?;
    }
    let mut out = Output::create(None, &[], false)?;
    if args.json {
        let options = WriteOptions {
            file_spans: Some(aligned.file_spans.clone()),
            ..WriteOptions::default()
        };
        report::json::write_with_beads(&report, alignment, &options, out.writer())?;
    } else {
        let colour = match args.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        report::text::write(&report, colour, out.writer())?;
    }
    out.finish()?;
    if let Some(threshold) = args.fail_under {
        let coverage = report.coverage_percent();
        if coverage < threshold {
            eprintln!(
                "sverka: coverage {coverage:.1}% is below --fail-under {threshold}% \
                 (English {:.1}%, Russian {:.1}% of sentences)",
                report.en.sentence_percent, report.ru.sentence_percent
            );
            return Ok(ExitCode::from(1));
        }
    }
    if let Some(note) = report
        .pair
        .and_then(|v| super::verdict::too_short_note(&v, &args.en, &args.ru))
    {
        eprintln!("{note}");
    }
    Ok(ExitCode::SUCCESS)
}
