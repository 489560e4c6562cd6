//! The pair verdict on the command line: `--force-pair`, exit code 3.

use std::path::Path;
use std::process::ExitCode;

use sverka::anchor::lexicon::Lexicon;
use sverka::pipeline::{Aligned, Pipeline};
use sverka::verdict::{self, PairVerdict};

/// The exit code of `align` and `check` when the two texts do not look like
/// translations of each other.
pub const NOT_A_PAIR: u8 = 3;

/// The flag that overrides the verdict.
#[derive(clap::Args, Clone, Default)]
pub struct PairArgs {
    /// Align the two texts even when they do not look like translations of
    /// each other (without it, such a pair stops with exit code 3).
    #[arg(long)]
    pub force_pair: bool,
}

impl PairArgs {
    /// The verdict on `aligned`, made by `pipeline`, with its aligner's
    /// lexicon; `Err(exit code)` after saying on one line why the pair is
    /// refused, unless `--force-pair`.
    pub fn judge(
        &self,
        aligned: &Aligned,
        pipeline: &Pipeline,
        en: &Path,
        ru: &Path,
    ) -> Result<PairVerdict, ExitCode> {
        match verdict::check_aligned(aligned, lexicon(pipeline)) {
            Ok(verdict) => Ok(verdict),
            Err(refused) if self.force_pair => Ok(refused.0),
            Err(refused) => {
                eprintln!(
                    "sverka: error: {} and {}: {refused}; give --force-pair to align them anyway",
                    en.display(),
                    ru.display()
                );
                Err(ExitCode::from(NOT_A_PAIR))
            }
        }
    }
}

/// The lexicon `pipeline` aligns with, which the verdict reads anchors with.
pub fn lexicon(pipeline: &Pipeline) -> &Lexicon {
    pipeline.aligner().options().lexicon()
}

/// The note for a pair too short to judge, printed after a successful run
/// (on failure the error is the one line): the pair was taken as it is,
/// without a verdict.
pub fn too_short_note(verdict: &PairVerdict, en: &Path, ru: &Path) -> Option<String> {
    verdict.too_short().then(|| {
        super::messages::note(format_args!(
            "{} and {}: too short to tell whether they translate each other \
             ({} checkable word{}; the verdict needs {}): aligned without a verdict",
            en.display(),
            ru.display(),
            verdict.words,
            if verdict.words == 1 { "" } else { "s" },
            verdict::MIN_WORDS
        ))
    })
}
