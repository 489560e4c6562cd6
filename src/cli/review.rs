//! `sverka review`: align two files and write a page for reviewing and
//! correcting the alignment in a browser.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use sverka::review::{self, page};
use sverka::{Aligner, Lang, split};

use super::input::InputArgs;
use super::output::Output;

#[derive(clap::Args)]
pub struct Args {
    /// The English text.
    en: PathBuf,
    /// The Russian text.
    ru: PathBuf,
    /// The page to write (one self-contained HTML file).
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
    /// Inputs are pre-split: one sentence per line, blank line between paragraphs.
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
    input: InputArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if args.output.as_os_str() == "-" {
        bail!("give -o FILE.html: the review page is a file to open in a browser");
    }
    let (en_file, ru_file) = args.input.read_pair(&args.en, &args.ru, args.presplit)?;
    let key = review::documents_key(&en_file.text, &ru_file.text);
    let en = split::sentences(&en_file.text, Lang::En, args.presplit);
    let ru = split::sentences(&ru_file.text, Lang::Ru, args.presplit);
    let mut options = super::align_options(&args.dict)?;
    options.self_train = args.self_train;
    let alignment = Aligner::new(options).align_sentences(en, ru);
    let name = |p: &Path| p.display().to_string();
    let html = page::render(&alignment, &name(&args.en), &name(&args.ru), key);
    let inputs: [&Path; 2] = [&args.en, &args.ru];
    let mut out = Output::create(Some(&args.output), &inputs, args.force)?;
    out.writer().write_all(html.as_bytes())?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
