//! `sverka split`: one sentence per line, a blank line between paragraphs.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use sverka::{Lang, split};

use super::input::InputArgs;
use super::output::Output;

#[derive(clap::Args)]
pub struct Args {
    /// Language of the text: en or ru.
    #[arg(long, short)]
    lang: Lang,
    /// Text file to split; standard input when absent or `-`.
    file: Option<PathBuf>,
    /// Output: `text` (one sentence per line) or `jsonl` (with byte offsets).
    #[arg(long, short, default_value = "text")]
    format: SplitFormat,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SplitFormat {
    Text,
    Jsonl,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let (name, file) = match args.file.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => (path, args.input.read(path)?),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("<stdin>: cannot read")?;
            let name = Path::new("<stdin>");
            (name, args.input.decode(name, &bytes)?)
        }
    };
    args.input.check_language(name, &file, args.lang)?;
    let text = &file.text;
    // JSONL offsets are bytes in the file as on disk (BOM, UTF-16, cp1251).
    let mut offsets = file.offsets();
    let sentences = split::split(text, args.lang);
    let mut out = Output::create(None, &[], false)?;
    let w = out.writer();
    let mut paragraph = sentences.first().map_or(0, |s| s.paragraph);
    for s in &sentences {
        match args.format {
            SplitFormat::Text => {
                if s.paragraph != paragraph {
                    writeln!(w)?;
                }
                let line: Vec<&str> = s.text.split_whitespace().collect();
                writeln!(w, "{}", line.join(" "))?;
            }
            SplitFormat::Jsonl => {
                let record = serde_json::json!({
                    "text": s.text, "start": offsets.file_offset(s.start),
                    "end": offsets.file_offset(s.end),
                    "paragraph": s.paragraph, "line": s.line,
                });
                writeln!(w, "{record}")?;
            }
        }
        paragraph = s.paragraph;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
