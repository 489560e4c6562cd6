//! `sverka review`: align two files and write a page for reviewing and
//! correcting the alignment in a browser.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use sverka::review::{self, page};

use super::args::AlignArgs;
use super::input::InputArgs;
use super::messages;
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
    /// Overwrite an existing output file.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    align: AlignArgs,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if args.output.as_os_str() == "-" {
        bail!("give -o FILE.html: the review page is a file to open in a browser");
    }
    let pipeline = args.align.pipeline(&args.input)?;
    let pair = pipeline.read(&args.en, &args.ru)?;
    for notice in &pair.notices {
        eprintln!("{}", messages::notice(notice));
    }
    let key = review::documents_key(&pair.texts.en.text, &pair.texts.ru.text);
    let aligned = super::input::align_pair(&pipeline, &pair)?;
    let name = |p: &Path| p.display().to_string();
    let html = page::render(&aligned.alignment, &name(&args.en), &name(&args.ru), key);
    let inputs: [&Path; 2] = [&args.en, &args.ru];
    let mut out = Output::create(Some(&args.output), &inputs, args.force)?;
    out.writer().write_all(html.as_bytes())?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
