//! Input flags shared by the subcommands, and reading files with them.

use std::path::Path;

use anyhow::Result;
use sverka::input::{self, Encoding, ReadOptions, Text};
use sverka::{Alignment, Lang};

/// How to read the input files.
#[derive(clap::Args, Clone, Default)]
pub struct InputArgs {
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

impl InputArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            encoding: self.encoding,
            lossy: self.lossy,
        }
    }

    /// Reads `path` (`-`: standard input), saying on stderr what was
    /// guessed or replaced.
    pub fn read(&self, path: &Path) -> Result<Text> {
        if path == Path::new("-") {
            use anyhow::Context;
            use std::io::Read;
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("<stdin>: cannot read")?;
            return self.decode(Path::new("<stdin>"), &bytes);
        }
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
        if text.detected && text.encoding != Encoding::Utf8 {
            eprintln!(
                "sverka: note: {}: read as {} (detected; give --encoding to override)",
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
        if en == Path::new("-") && ru == Path::new("-") {
            anyhow::bail!("only one of the two texts can be read from standard input (-)");
        }
        let (en_file, ru_file) = (self.read(en)?, self.read(ru)?);
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
