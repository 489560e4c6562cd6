//! Input flags shared by the subcommands (defined once, flattened into
//! each), and reading a single file with them (`sverka split`).

use std::path::Path;

use anyhow::{Context, Result};
use sverka::input::{self, Encoding, InputFormat, ReadOptions, Text};
use sverka::pipeline::{Notice, PairOptions};
use sverka::{Lang, Sides};

use super::messages;

/// How to read input files.
#[derive(clap::Args, Clone, Default)]
pub struct ReadArgs {
    /// Encoding of an input file that is not UTF-8: utf-8, utf-16le,
    /// utf-16be, windows-1251, koi8-r [default: detected]. A file that is
    /// valid UTF-8 stays UTF-8; a byte-order mark always wins.
    #[arg(long, value_name = "ENC")]
    pub encoding: Option<Encoding>,
    /// Encoding of the English file (or of `split --lang en`), whatever its bytes.
    #[arg(long, value_name = "ENC")]
    pub en_encoding: Option<Encoding>,
    /// Encoding of the Russian file (or of `split --lang ru`), whatever its bytes.
    #[arg(long, value_name = "ENC")]
    pub ru_encoding: Option<Encoding>,
    /// Largest input file read, in megabytes.
    #[arg(long, value_name = "MB", default_value_t = input::MAX_INPUT_BYTES >> 20)]
    pub max_input_size: u64,
    /// Replace undecodable bytes with U+FFFD instead of stopping with an error.
    #[arg(long)]
    pub lossy: bool,
    /// Skip the check that English is in Latin and Russian in Cyrillic letters.
    #[arg(long)]
    pub no_lang_check: bool,
    /// Format of the input files: auto, text, html, docx, markdown [default:
    /// auto, told from the content].
    #[arg(long, value_name = "FMT", value_parser = parse_input_format)]
    pub input_format: Option<FormatChoice>,
    /// Web pages: keep all visible text, navigation, headers, footers,
    /// share bars and code blocks included [default: the main content only].
    #[arg(long)]
    pub whole_page: bool,
}

/// A `--…input-format` value: a format, or `auto` (`None`: told from the
/// content). A type of its own, since clap reads an `Option<T>` field's
/// value as a `T`.
#[derive(Debug, Clone, Copy)]
pub struct FormatChoice(Option<InputFormat>);

/// `auto` is no format given; anything else as [`InputFormat`] spells it.
fn parse_input_format(s: &str) -> Result<FormatChoice, String> {
    match s {
        "auto" => Ok(FormatChoice(None)),
        _ => s.parse().map(|format| FormatChoice(Some(format))),
    }
}

/// The format a `--…input-format` flag names, if it names one.
fn chosen(flag: Option<FormatChoice>) -> Option<InputFormat> {
    flag.and_then(|choice| choice.0)
}

impl ReadArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            encoding: self.encoding,
            lossy: self.lossy,
            format: chosen(self.input_format),
            whole_page: self.whole_page,
        }
    }

    /// The library's options for a pair read with these flags.
    fn pair(&self, presplit: bool) -> PairOptions {
        PairOptions {
            read: self.options(),
            no_lang_check: self.no_lang_check,
            presplit,
            en_encoding: self.en_encoding,
            ru_encoding: self.ru_encoding,
            max_input_bytes: Some(self.max_input_bytes()),
            formats: Sides::default(),
        }
    }

    /// The largest input, in bytes.
    pub fn max_input_bytes(&self) -> u64 {
        self.max_input_size.saturating_mul(1 << 20)
    }

    /// Reads one file (`sverka split`, the file of `lang`), saying on stderr
    /// what was guessed or replaced.
    pub fn read(&self, path: &Path, lang: Lang) -> Result<Text> {
        let bytes = input::read_bytes(path, self.max_input_bytes())?;
        self.decode(path, &bytes, lang)
    }

    /// Reads standard input, at most the largest input size.
    pub fn read_stdin(&self) -> Result<Vec<u8>> {
        use std::io::Read;
        let limit = self.max_input_bytes();
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .context("<stdin>: cannot read")?;
        if bytes.len() as u64 > limit {
            let path = "<stdin>".into();
            return Err(sverka::Error::TooBig { path, limit }.into());
        }
        Ok(bytes)
    }

    /// Decodes bytes read from somewhere other than a file (stdin).
    pub fn decode(&self, name: &Path, bytes: &[u8], lang: Lang) -> Result<Text> {
        let options = self.pair(false).read_options(bytes, lang);
        let text =
            input::decode_bytes(name, bytes, &options).map_err(|e| per_file_flag(e, lang))?;
        self.notes(name, &text);
        Ok(text)
    }

    fn notes(&self, path: &Path, text: &Text) {
        let mut notices = Vec::new();
        if text.detected && text.encoding != Encoding::Utf8 {
            let (path, encoding) = (path.to_path_buf(), text.encoding);
            notices.push(Notice::Detected { path, encoding });
        }
        if let Some(first) = text.first_replaced() {
            let (path, count) = (path.to_path_buf(), text.replaced());
            notices.push(Notice::Replaced { path, count, first });
        }
        if text.format != InputFormat::Text && chosen(self.input_format).is_none() {
            let (path, format) = (path.to_path_buf(), text.format);
            notices.push(Notice::Format { path, format });
        }
        for notice in &notices {
            eprintln!("{}", messages::notice(notice));
        }
    }

    /// Checks one text is in the script of `lang`.
    pub fn check_language(&self, path: &Path, text: &Text, lang: Lang) -> Result<()> {
        if !self.no_lang_check {
            input::check_language(path, &text.text, lang)?;
        }
        Ok(())
    }
}

/// How to read the two inputs of a pair.
#[derive(clap::Args, Clone, Default)]
pub struct InputArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Inputs are pre-split: one sentence per line, blank line between paragraphs.
    #[arg(long)]
    pub presplit: bool,
    /// Format of the English file, over --input-format.
    #[arg(long, value_name = "FMT", value_parser = parse_input_format)]
    pub en_input_format: Option<FormatChoice>,
    /// Format of the Russian file, over --input-format.
    #[arg(long, value_name = "FMT", value_parser = parse_input_format)]
    pub ru_input_format: Option<FormatChoice>,
}

impl InputArgs {
    /// The library's options for reading a pair.
    pub fn pair_options(&self) -> PairOptions {
        PairOptions {
            formats: Sides::new(chosen(self.en_input_format), chosen(self.ru_input_format)),
            ..self.read.pair(self.presplit)
        }
    }
}

/// An encoding error that suggests `--encoding` suggests the file's own
/// flag instead (`--ru-encoding`), which cannot misread the other file.
fn per_file_flag(error: sverka::Error, lang: Lang) -> anyhow::Error {
    use sverka::Error;
    match error {
        Error::Decode { .. } | Error::UnknownEncoding { .. } | Error::Utf16WithoutBom { .. } => {
            let message = error
                .to_string()
                .replace("--encoding", &format!("--{lang}-encoding"));
            anyhow::anyhow!(message)
        }
        other => other.into(),
    }
}

/// Reads the two texts of a pair through `pipeline`; either may be `-`,
/// standard input (named `<stdin>` in messages).
pub fn read_pair(
    pipeline: &sverka::pipeline::Pipeline,
    en: &Path,
    ru: &Path,
) -> Result<sverka::pipeline::InputPair> {
    let stdin = Path::new("-");
    if en != stdin && ru != stdin {
        return Ok(pipeline.read(en, ru)?);
    }
    if en == stdin && ru == stdin {
        anyhow::bail!("only one of the two texts can be read from standard input (-)");
    }
    let read = |path: &Path| -> Result<(std::path::PathBuf, Vec<u8>)> {
        if path == stdin {
            use anyhow::Context;
            use std::io::Read;
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("<stdin>: cannot read")?;
            Ok(("<stdin>".into(), bytes))
        } else {
            let bytes = std::fs::read(path).map_err(|source| sverka::Error::Read {
                path: path.to_path_buf(),
                source,
            })?;
            Ok((path.to_path_buf(), bytes))
        }
    };
    let ((en_name, en_bytes), (ru_name, ru_bytes)) = (read(en)?, read(ru)?);
    Ok(pipeline.decode(
        sverka::Sides::new(en_name, ru_name),
        sverka::Sides::new(&en_bytes, &ru_bytes),
    )?)
}

/// Splits and aligns `pair` as [`sverka::pipeline::Pipeline::align`] does,
/// on this thread alone when the pair is small ([`sverka::parallel`]):
/// starting rayon's worker threads and waking them for every parallel step
/// costs a statement more than they save (about 4 ms of system time for the
/// corpora/ sample, mostly spinning workers). The output is the same either
/// way: every parallel step keeps its order.
pub fn align_pair(
    pipeline: &sverka::pipeline::Pipeline,
    pair: &sverka::pipeline::InputPair,
) -> Result<sverka::pipeline::Aligned, sverka::Error> {
    let bytes = pair.texts.en.text.len() + pair.texts.ru.text.len();
    if !sverka::parallel::worth_it(bytes) {
        // A pool of one thread, the current one: no thread is started.
        if let Ok(alone) = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .use_current_thread()
            .build()
        {
            return alone.install(|| pipeline.align(pair));
        }
    }
    pipeline.align(pair)
}
