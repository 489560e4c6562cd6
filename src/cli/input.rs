//! Input flags shared by the subcommands, and reading files with them.

use std::path::Path;

use anyhow::{Context, Result};
use sverka::input::{self, Encoding, ReadOptions, Text};
use sverka::{Alignment, Lang};

/// How to read the input files.
#[derive(clap::Args, Clone, Default)]
pub struct InputArgs {
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
    /// Replace undecodable bytes with U+FFFD instead of stopping with an error.
    #[arg(long)]
    pub lossy: bool,
    /// Skip the check that English is in Latin and Russian in Cyrillic letters.
    #[arg(long)]
    pub no_lang_check: bool,
    /// Largest input file read, in megabytes.
    #[arg(long, value_name = "MB", default_value_t = input::MAX_INPUT_BYTES >> 20)]
    pub max_input_size: u64,
}

impl InputArgs {
    /// How to read `bytes`, the file of the `lang` side: its own flag
    /// decides; else `--encoding`, unless the file is plain UTF-8 already.
    fn options(&self, bytes: &[u8], lang: Lang) -> ReadOptions {
        let own = match lang {
            Lang::En => self.en_encoding,
            Lang::Ru => self.ru_encoding,
        };
        let fallback = self.encoding.filter(|_| !input::is_plain_utf8(bytes));
        ReadOptions {
            encoding: own.or(fallback),
            lossy: self.lossy,
        }
    }

    /// Reads `path`, the file of the `lang` side, saying on stderr what was
    /// guessed or replaced.
    pub fn read(&self, path: &Path, lang: Lang) -> Result<Text> {
        let bytes =
            input::read_bytes(path, self.max_input_bytes()).map_err(|e| per_file_flag(e, lang))?;
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
            return Err(sverka::Error::TooBig {
                path: "<stdin>".into(),
                limit,
            }
            .into());
        }
        Ok(bytes)
    }

    /// Decodes bytes read from somewhere other than a file (stdin).
    pub fn decode(&self, name: &Path, bytes: &[u8], lang: Lang) -> Result<Text> {
        let text = input::decode_bytes(name, bytes, &self.options(bytes, lang))
            .map_err(|e| per_file_flag(e, lang))?;
        self.notes(name, &text, lang);
        Ok(text)
    }

    /// The largest input, in bytes.
    pub fn max_input_bytes(&self) -> u64 {
        self.max_input_size.saturating_mul(1 << 20)
    }

    fn notes(&self, path: &Path, text: &Text, lang: Lang) {
        if text.detected && text.encoding != Encoding::Utf8 {
            eprintln!(
                "sverka: note: {}: read as {} (detected; give --{lang}-encoding to override)",
                path.display(),
                text.encoding
            );
        }
        if let Some(offset) = text.first_replaced() {
            eprintln!(
                "sverka: warning: {}: replaced {} undecodable byte sequence(s) with U+FFFD, the first at byte {offset}",
                path.display(),
                text.replaced()
            );
        }
    }

    /// Checks both texts of an alignment are in the expected scripts.
    pub fn check_pair(&self, en: (&Path, &Text), ru: (&Path, &Text)) -> Result<()> {
        if !self.no_lang_check {
            input::check_pair((en.0, &en.1.text), (ru.0, &ru.1.text))?;
        }
        Ok(())
    }

    /// Reads the English and the Russian file of a pair and checks their
    /// scripts. Pre-split input is usually machine-made (a corpus, an
    /// evaluation set), where a side in the "wrong" script is data, not a
    /// mistake: then the finding is a warning and the pair is read all the same.
    pub fn read_pair(&self, en: &Path, ru: &Path, presplit: bool) -> Result<(Text, Text)> {
        let (en_file, ru_file) = (self.read(en, Lang::En)?, self.read(ru, Lang::Ru)?);
        if presplit {
            self.warn_pair((en, &en_file), (ru, &ru_file));
        } else {
            self.check_pair((en, &en_file), (ru, &ru_file))?;
        }
        Ok((en_file, ru_file))
    }

    /// Like [`Self::check_pair`], but prints what it finds as a warning.
    pub fn warn_pair(&self, en: (&Path, &Text), ru: (&Path, &Text)) {
        if self.no_lang_check {
            return;
        }
        if let Err(error) = input::check_pair((en.0, &en.1.text), (ru.0, &ru.1.text)) {
            eprintln!("sverka: warning: {error}; aligning anyway (pre-split input)");
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

/// Beyond this ratio of sizes, say how much of the longer side was aligned
/// (hunalign refuses pairs beyond 5x; sverka aligns what is there).
const UNEVEN_RATIO: f64 = 2.0;

/// A note for stderr when one side is much shorter than the other: how many
/// sentences of each side ended up in links (beads with both sides).
pub fn coverage_note(alignment: &Alignment, en: &Path, ru: &Path) -> Option<String> {
    let letters =
        |s: &[sverka::Sentence]| -> usize { s.iter().map(sverka::Sentence::length).sum() };
    let (en_len, ru_len) = (letters(&alignment.en), letters(&alignment.ru));
    let (short, long, ratio) = if en_len <= ru_len {
        (en, ru, ru_len as f64 / en_len.max(1) as f64)
    } else {
        (ru, en, en_len as f64 / ru_len.max(1) as f64)
    };
    if ratio < UNEVEN_RATIO {
        return None;
    }
    let linked = |side: fn(&sverka::Bead) -> usize| -> usize {
        alignment
            .beads
            .iter()
            .filter(|b| b.is_link())
            .map(side)
            .sum()
    };
    let (en_linked, ru_linked) = (linked(|b| b.en.len()), linked(|b| b.ru.len()));
    let ratio = if ratio.is_finite() && ratio < 1e6 {
        format!("{ratio:.1}x")
    } else {
        "far".to_string()
    };
    Some(format!(
        "sverka: note: {} is {ratio} shorter than {}; aligned what is there: {en_linked} of {} English and {ru_linked} of {} Russian sentences are paired",
        short.display(),
        long.display(),
        alignment.en.len(),
        alignment.ru.len(),
    ))
}
