//! `sverka split`: one sentence per line, a blank line between paragraphs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use sverka::{Lang, split};

use super::input::ReadArgs;
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
    input: ReadArgs,
    /// Batch protocol for evaluation: `ff` reads many texts separated by a line
    /// holding only a form feed and prints each text's sentences, one per line,
    /// followed by such a line (the protocol of the eval kit's split/score.py).
    #[arg(long, value_name = "PROTOCOL")]
    protocol: Option<Protocol>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Protocol {
    Ff,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SplitFormat {
    Text,
    Jsonl,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(Protocol::Ff) = args.protocol {
        return run_ff(&args);
    }
    let (name, file) = match args.file.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => (path, args.input.read(path, args.lang)?),
        None => {
            let bytes = args.input.read_stdin()?;
            let name = Path::new("<stdin>");
            (name, args.input.decode(name, &bytes, args.lang)?)
        }
    };
    // `split` is told the language, so a text in the other script (a Russian
    // text quoting English at length) is split all the same, with a warning.
    if let Err(error) = args.input.check_language(name, &file, args.lang) {
        eprintln!("sverka: warning: {error:#}; splitting it with the rules given by --lang");
    }
    let text = &file.text;
    // JSONL offsets are bytes in the file as on disk (BOM, UTF-16, cp1251).
    let mut offsets = file.offsets();
    let mut sentences = split::sentences_of(text, args.lang, false);
    file.source_lines(&mut sentences);
    let mut out = Output::create(None, &[], false)?;
    let mut w = out.text_writer();
    let mut paragraph = sentences.first().map_or(0, |s| s.paragraph);
    for s in &sentences {
        match args.format {
            SplitFormat::Text => {
                if s.paragraph != paragraph {
                    writeln!(w)?;
                }
                let line: Vec<&str> = s.text().split_whitespace().collect();
                writeln!(w, "{}", line.join(" "))?;
            }
            SplitFormat::Jsonl => {
                let span = offsets.file_span(s.start..s.end);
                let record = serde_json::json!({
                    "text": s.text(), "start": span.start, "end": span.end,
                    "paragraph": s.paragraph, "line": s.line,
                });
                writeln!(w, "{record}")?;
            }
        }
        paragraph = s.paragraph;
    }
    drop(w);
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The separator between texts in the `ff` protocol: a line holding only U+000C.
const FF_SEPARATOR: &str = "\n\u{c}\n";

/// Splits every text of a form-feed separated batch, read from the input file
/// or stdin, and prints the sentences of each text followed by a form-feed line.
fn run_ff(args: &Args) -> Result<ExitCode> {
    let bytes = match args.file.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => sverka::input::read_bytes(path, args.input.max_input_bytes())?,
        None => args.input.read_stdin()?,
    };
    let name = args
        .file
        .as_deref()
        .map_or("<stdin>".into(), |p| p.display().to_string());
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name}: not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let mut pieces: Vec<&str> = text.split(FF_SEPARATOR).collect();
    if pieces.last().is_some_and(|p| p.is_empty()) {
        pieces.pop();
    }
    let mut out = Output::create(None, &[], false)?;
    let mut w = out.text_writer();
    for piece in pieces {
        for s in split::split(piece, args.lang) {
            let line: Vec<&str> = s.text().split_whitespace().collect();
            writeln!(w, "{}", line.join(" "))?;
        }
        writeln!(w, "\u{c}")?;
    }
    drop(w);
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
