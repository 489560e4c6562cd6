//! `sverka check`: is each text a complete translation of the other?

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use sverka::report::{self, CheckOptions, CoverageReport};
use sverka::{Aligner, Lang, split};

use super::input::InputArgs;
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
    /// Inputs are pre-split: one sentence per line, blank line between paragraphs.
    #[arg(long)]
    presplit: bool,
    /// Overwrite an existing HTML file.
    #[arg(long)]
    force: bool,
    /// Colour the summary: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, default_value = "auto", value_name = "WHEN")]
    color: ColorWhen,
    /// A bilingual dictionary added to the built-in one: hunalign's
    /// `русский @ english` lines, or `english<TAB>русский` (repeatable).
    #[arg(long, value_name = "FILE")]
    dict: Vec<PathBuf>,
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
    let (en_file, ru_file) = args.input.read_pair(&args.en, &args.ru, args.presplit)?;
    let en = split::sentences(&en_file.text, Lang::En, args.presplit);
    let ru = split::sentences(&ru_file.text, Lang::Ru, args.presplit);
    let options = super::align_options(&args.dict)?;
    let alignment = Aligner::new(options.clone()).align_sentences(en, ru);
    let mut report = CoverageReport::new(
        &alignment,
        &CheckOptions {
            low_score: args.low_score,
        },
    );
    let verdict = args.pair.judge(&alignment, &options, &args.en, &args.ru);
    report.pair = Some(match verdict {
        Ok(v) => v,
        Err(_) => sverka::verdict::judge(&alignment),
    });
    if let Err(code) = verdict {
        // The score is still reported to a program that asked for JSON.
        if args.json {
            let mut out = Output::create(None, &[], false)?;
            report::json::write(&report, out.writer())?;
            out.finish()?;
        }
        return Ok(code);
    }
    let inputs: [&Path; 2] = [&args.en, &args.ru];
    if let Some(path) = &args.html {
        let mut out = Output::create(Some(path), &inputs, args.force)?;
        let name = |p: &Path| p.display().to_string();
        report::html::write(
            &report,
            &alignment,
            &name(&args.en),
            &name(&args.ru),
            out.writer(),
        )?;
        out.finish()?;
    }
    let mut out = Output::create(None, &[], false)?;
    if args.json {
        report::json::write(&report, out.writer())?;
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
    Ok(ExitCode::SUCCESS)
}
