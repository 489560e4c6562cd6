//! Flags shared by the subcommands, defined once and flattened into each
//! (clap `Args`), with the code that turns them into ready objects. The
//! input flags are in `input.rs`.

use std::path::PathBuf;

use anyhow::{Result, bail};
use sverka::anchor::lexicon::Lexicon;
use sverka::pipeline::Pipeline;
use sverka::write::{Locales, WriteOptions};
use sverka::{AlignOptions, Aligner};

use super::input::InputArgs;

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
    /// Also write sentences without a counterpart to tmx (a unit with one
    /// <tuv>), csv and tsv (an empty cell opposite); never to moses.
    #[arg(long)]
    pub keep_unaligned: bool,
    /// Also write page chrome (menus, language switches, share and print
    /// links, cookie and copyright lines) to tmx, csv, tsv and moses.
    #[arg(long)]
    pub keep_chrome: bool,
    /// Also write pairs whose English and Russian are the same text to tmx,
    /// csv, tsv and moses.
    #[arg(long)]
    pub keep_identical: bool,
    /// Language code of the English side in TMX (BCP 47, English: en, en-US,
    /// en-GB...) [default: en-GB; with --append, the memory's own].
    #[arg(long, value_name = "CODE")]
    pub src_lang: Option<String>,
    /// Language code of the Russian side in TMX (BCP 47, Russian: ru,
    /// ru-RU...) [default: ru-RU; with --append, the memory's own].
    #[arg(long, value_name = "CODE")]
    pub tgt_lang: Option<String>,
    /// Start CSV and TSV output with a UTF-8 byte-order mark, so that Excel
    /// reads it as UTF-8.
    #[arg(long)]
    pub bom: bool,
    /// Add the pairs to an existing TMX file, skipping pairs already in it.
    #[arg(long)]
    pub append: bool,
    /// Overwrite existing output files.
    #[arg(long)]
    pub force: bool,
    /// In csv and tsv output, put a `'` before a text that starts with `=`,
    /// `+`, `-` or `@`, so that a spreadsheet shows it instead of running it
    /// as a formula (texts are otherwise written exactly as they are).
    #[arg(long)]
    pub csv_safe: bool,
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
        let locales = Locales::new(self.src_lang.as_deref(), self.tgt_lang.as_deref())
            .map_err(|e| anyhow::anyhow!("--src-lang/--tgt-lang: {e}"))?;
        Ok(WriteOptions {
            min_score: self.min_score,
            keep_unaligned: self.keep_unaligned,
            keep_chrome: self.keep_chrome,
            keep_identical: self.keep_identical,
            locales,
            bom: self.bom,
            csv_safe: self.csv_safe,
            // Reproducible builds' convention for a fixed timestamp.
            created: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok()),
            ..WriteOptions::default()
        })
    }
}
