//! Flags shared by the subcommands, defined once and flattened into each
//! (clap `Args`), with the code that turns them into ready objects.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use sverka::anchor::lexicon::Lexicon;
use sverka::input::{self, Encoding, ReadOptions, Text};
use sverka::pipeline::{Notice, PairOptions, Pipeline};
use sverka::write::WriteOptions;
use sverka::{AlignOptions, Aligner, Lang};

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

/// How to align.
#[derive(clap::Args, Clone, Default)]
pub struct AlignArgs {
    /// Align twice, learning word translations from the confident pairs of
    /// the first pass (IBM Model 1); about twice the time.
    #[arg(long)]
    pub self_train: bool,
    /// A bilingual dictionary added to the built-in one: hunalign's
    /// `русский @ english` lines, or `english<TAB>русский` (repeatable).
    #[arg(long, value_name = "FILE")]
    pub dict: Vec<PathBuf>,
}

impl AlignArgs {
    /// Aligner options with the user's dictionaries (`--dict`) added to the
    /// built-in lexicon.
    pub fn options(&self) -> Result<AlignOptions> {
        let mut options = AlignOptions {
            self_train: self.self_train,
            ..AlignOptions::default()
        };
        if !self.dict.is_empty() {
            let mut lexicon = Lexicon::builtin().clone();
            for path in &self.dict {
                lexicon.extend(&Lexicon::from_path(path)?);
            }
            options.lexicon = Some(std::sync::Arc::new(lexicon));
        }
        Ok(options)
    }

    /// The pipeline for these flags and `input`'s.
    pub fn pipeline(&self, input: &InputArgs) -> Result<Pipeline> {
        Ok(Pipeline::new(
            Aligner::new(self.options()?),
            input.pair_options(),
        ))
    }
}

/// What to write and how.
#[derive(clap::Args, Clone, Default)]
pub struct WriteArgs {
    /// Leave out pairs whose confidence (0 to 1) is below this.
    #[arg(long, default_value_t = 0.0, value_name = "SCORE")]
    pub min_score: f64,
    /// Also write sentences without a counterpart (empty opposite side) to
    /// tmx, csv, tsv and moses, for reviewers.
    #[arg(long)]
    pub keep_unaligned: bool,
    /// Add the pairs to an existing TMX file, skipping pairs already in it.
    #[arg(long)]
    pub append: bool,
    /// Overwrite existing output files.
    #[arg(long)]
    pub force: bool,
}

impl WriteArgs {
    /// Checks the values and gives the writers' options.
    pub fn options(&self) -> Result<WriteOptions> {
        if !(0.0..=1.0).contains(&self.min_score) {
            bail!(
                "--min-score must be between 0 and 1, not {}",
                self.min_score
            );
        }
        Ok(WriteOptions {
            min_score: self.min_score,
            keep_unaligned: self.keep_unaligned,
            // Reproducible builds' convention for a fixed timestamp.
            created: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok()),
            ..WriteOptions::default()
        })
    }
}
