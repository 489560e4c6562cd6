//! Input flags shared by the subcommands (defined once, flattened into
//! each), and reading a single file with them (`sverka split`).

use std::path::Path;

use anyhow::Result;
use sverka::Lang;
use sverka::input::{self, Encoding, ReadOptions, Text};
use sverka::pipeline::{Notice, PairOptions};

use super::messages;

/// How to read input files.
#[derive(clap::Args, Clone, Default)]
pub struct ReadArgs {
    /// Encoding of the input files: utf-8, utf-16le, utf-16be, windows-1251,
    /// koi8-r [default: detected; a byte-order mark always wins].
    #[arg(long, value_name = "ENC")]
    pub encoding: Option<Encoding>,
    /// Replace undecodable bytes with U+FFFD instead of stopping with an error.
    #[arg(long)]
    pub lossy: bool,
    /// Skip the check that English is in Latin and Russian in Cyrillic letters.
    #[arg(long)]
    pub no_lang_check: bool,
}

impl ReadArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            encoding: self.encoding,
            lossy: self.lossy,
        }
    }

    /// Reads one file (`sverka split`), saying on stderr what was guessed or
    /// replaced.
    pub fn read(&self, path: &Path) -> Result<Text> {
        let text = input::read(path, &self.options())?;
        self.notes(path, &text);
        Ok(text)
    }

    /// Decodes bytes read from somewhere other than a file (stdin).
    pub fn decode(&self, name: &Path, bytes: &[u8]) -> Result<Text> {
        let text = input::decode_bytes(name, bytes, &self.options())?;
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
}

impl InputArgs {
    /// The library's options for reading a pair.
    pub fn pair_options(&self) -> PairOptions {
        PairOptions {
            read: self.read.options(),
            no_lang_check: self.read.no_lang_check,
            presplit: self.presplit,
        }
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
