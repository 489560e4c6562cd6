//! Sentence alignment: pairs the sentences of two texts into [`Bead`]s.
//!
//! A *bead* is one aligned group: `n` English sentences that translate `m`
//! Russian ones (1-1, 2-1, 1-2, 2-2, 3-1, 1-3), or a sentence with no
//! counterpart (1-0, 0-1). An [`Alignment`] is the list of beads that covers
//! both texts in order, every sentence in exactly one bead.

mod cost;
mod dp;
mod length;
mod length_table;
mod lexical;
pub mod model1;
mod omission;
mod priors;
mod shape;

#[doc(hidden)]
pub use dp::work_done;
pub use length::{LengthModel, TabulatedLength};

pub(crate) use lexical::{KeyColumn, Linked, SideAnchors, anchors};

/// Engine internals that `benches/align.rs` times on their own: the anchor
/// linker and the matcher of the DP's inner loop. Not a stable API.
#[doc(hidden)]
pub mod bench {
    pub use super::lexical::{KeyId, Keys, Matcher, Runs, link};
}

use std::sync::Arc;

pub use crate::alignment::{Alignment, Bead};

use crate::Lang;
use crate::anchor::lexicon::Lexicon;
use crate::lang::Sides;
use crate::split::{self, Sentence};
use crate::verdict::{AnchorTokens, Evidence};

/// Settings of the aligner.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// The length model (Gale–Church), fitted for English → Russian.
    pub length: LengthModel,
    /// Cost of leaving a sentence unaligned, on top of the 1-0/0-1 prior.
    /// Lower finds more omissions, and forces fewer wrong pairs.
    pub omission_cost: f64,
    /// Reward for the share of anchor weight the two sides of a bead have in
    /// common (Dice, 0..1), per bead.
    pub match_reward: f64,
    /// Cost of a bead's anchors per sentence pair, before the reward: the
    /// overlap must exceed `mismatch_cost / match_reward` to count for a link.
    pub mismatch_cost: f64,
    /// Cost, per sentence pair, of a bead in which neither side has any
    /// linked anchor.
    pub no_anchor_cost: f64,
    /// Cost of a bead that joins sentences across a paragraph break.
    pub paragraph_cost: f64,
    /// Weight of the dialogue marks' agreement (a turn opened by a quote or
    /// a dash, a question, an exclamation) as evidence for a link: see
    /// [`crate::anchor::dialogue::log_odds`]. 0 ignores them.
    pub dialogue_weight: f64,
    /// Temperature of the posterior bead probabilities given as confidence:
    /// above 1 spreads probability over more alignments (less confident).
    pub temperature: f64,
    /// The bilingual lexicon; `None` uses the built-in one
    /// ([`Lexicon::builtin`]). Extend the built-in one with a user dictionary
    /// by cloning it and calling [`Lexicon::extend`].
    pub lexicon: Option<Arc<Lexicon>>,
    /// Align twice: learn word translations from the confident beads of a
    /// first pass (IBM Model 1, as Moore 2002) and add them to the lexicon
    /// for the second. Costs one more alignment; off by default, since on
    /// the dev data the built-in lexicon leaves it nothing to gain within a
    /// single document (learning from a whole archive does gain: see
    /// `sverka batch --learn-all`).
    pub self_train: bool,
    /// Posterior probability of being unaligned from which a one-sided
    /// bead (1-0, 0-1) is kept; a sentence left out with less confidence
    /// joins the neighbouring link whose cost it raises least. 0 keeps
    /// every one-sided bead of the best path.
    pub keep_omissions_from: f64,
    /// Align twice: re-estimate the bead shape priors from the first
    /// pass's path (how often this translator merges and drops sentences)
    /// and align again under them. The second pass reuses the first's bead
    /// costs, so it costs far less than the first.
    pub adapt_priors: bool,
    /// The most cells the band of the dynamic programme may hold (13 bytes
    /// each: bead costs and a back-pointer); a pair that needs more is
    /// refused with [`TooLarge::Band`].
    /// At most, and by default, `u32::MAX`: the band's offsets are `u32`,
    /// half the room of `usize`. A lower limit bounds the memory one pair
    /// may take (a 200,000-sentence book needs some 4.4 million cells).
    pub max_band_cells: usize,
}

impl Default for AlignOptions {
    // Weights tuned on shared/eval/align/dev with tools/eval_align.rs.
    fn default() -> Self {
        AlignOptions {
            length: LengthModel::EN_RU,
            omission_cost: 1.0,
            match_reward: 11.0,
            mismatch_cost: 2.8,
            no_anchor_cost: 0.9,
            paragraph_cost: 4.0,
            dialogue_weight: 1.0,
            temperature: 1.0,
            lexicon: None,
            self_train: false,
            // Tuned on Anna Karenina volume 1 and the perturbed news sets
            // (one-sided beads below it: a few per cent right in the novel,
            // about half in the news; tools/eval_align.rs prints the bands).
            keep_omissions_from: 0.6,
            adapt_priors: true,
            max_band_cells: u32::MAX as usize,
        }
    }
}

impl AlignOptions {
    /// The lexicon the aligner reads anchors with: [`AlignOptions::lexicon`]
    /// if set, else the built-in one.
    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon.as_deref().unwrap_or(Lexicon::builtin())
    }

    /// Sets a weight by name (`omission_cost=3`), for experiments and tuning.
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (name, value) = assignment
            .split_once('=')
            .ok_or_else(|| format!("`{assignment}`: expected NAME=VALUE"))?;
        let value: f64 = value
            .parse()
            .map_err(|_| format!("`{assignment}`: `{value}` is not a number"))?;
        let slot = match name {
            "omission_cost" => &mut self.omission_cost,
            "match_reward" => &mut self.match_reward,
            "mismatch_cost" => &mut self.mismatch_cost,
            "no_anchor_cost" => &mut self.no_anchor_cost,
            "paragraph_cost" => &mut self.paragraph_cost,
            "dialogue_weight" => &mut self.dialogue_weight,
            "temperature" => &mut self.temperature,
            "keep_omissions_from" => &mut self.keep_omissions_from,
            "self_train" => {
                self.self_train = value != 0.0;
                return Ok(());
            }
            "adapt_priors" => {
                self.adapt_priors = value != 0.0;
                return Ok(());
            }
            "max_band_cells" => {
                // Saturating: a negative or fractional limit is rounded into range.
                self.max_band_cells = value as usize;
                return Ok(());
            }
            "ratio" => &mut self.length.ratio,
            "variance" => &mut self.length.variance,
            "outlier_share" => &mut self.length.outlier_share,
            _ => return Err(format!("`{name}`: unknown aligner setting")),
        };
        *slot = value;
        Ok(())
    }
}

/// Why a pair cannot be aligned in one pass: a table the aligner keeps
/// would outgrow its `u32` offsets (`u32` rather than `usize` halves the
/// offsets of a book's tables). A book is far inside the limits; 256 MB of
/// two-letter sentences ("a. a. a.") is not. The pipeline names the files
/// ([`crate::Error::TooLarge`]); splitting the texts into parts is the cure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TooLarge {
    /// The band of the dynamic programme would hold more cells than
    /// [`AlignOptions::max_band_cells`] (at most `u32::MAX`).
    #[error("a band of {cells} cells, limit {limit}")]
    Band {
        /// The cells the band would hold (saturated at `usize::MAX`).
        cells: usize,
        /// The most it may hold.
        limit: usize,
    },
    /// One side's sentences would hold more anchor entries (each key found
    /// on each token: a word of three concepts is three) than `u32` counts.
    /// Only a user dictionary that lists a common word in dozens of entries
    /// gets there within 256 MB (the built-in one gives a word at most 20
    /// keys, fewer than 3 per byte of text).
    #[error(
        "{entries} anchors in the {} text, limit {limit}",
        match lang { Lang::En => "English", Lang::Ru => "Russian" }
    )]
    Anchors {
        /// The side.
        lang: Lang,
        /// The anchor entries its sentences would hold.
        entries: usize,
        /// The most they may hold.
        limit: usize,
    },
}

/// Aligns English and Russian texts. Cheap to create; reusable for many pairs.
#[derive(Debug, Clone, Default)]
pub struct Aligner {
    options: AlignOptions,
}

impl Aligner {
    /// An aligner with the given options.
    pub fn new(options: AlignOptions) -> Self {
        Aligner { options }
    }

    /// Splits both texts into sentences and aligns them.
    ///
    /// # Panics
    ///
    /// If the pair is too large to align in one pass ([`TooLarge`]: tens
    /// of millions of sentences a side). [`crate::pipeline::Pipeline::align`]
    /// returns that as an error instead.
    pub fn align(&self, en: &str, ru: &str) -> Alignment {
        self.align_sentences(split::split(en, Lang::En), split::split(ru, Lang::Ru))
    }

    /// Its settings.
    pub fn options(&self) -> &AlignOptions {
        &self.options
    }

    /// Aligns sentences that are already split (see [`split::presplit`]).
    ///
    /// # Panics
    ///
    /// If the pair is too large to align in one pass, as [`Aligner::align`];
    /// [`Aligner::align_with_evidence`] returns that as an error instead.
    pub fn align_sentences(&self, en: Vec<Sentence>, ru: Vec<Sentence>) -> Alignment {
        let aligned = dp::align(&en, &ru, &self.options, None)
            .map(|beads| Alignment { en, ru, beads })
            .and_then(|first| self.self_trained(first));
        aligned.unwrap_or_else(|too_large| panic!("too large to align in one pass: {too_large}"))
    }

    /// [`Aligner::align_sentences`], also giving the anchors it read of the
    /// sentences, so that the pair verdict need not read them again (see
    /// [`crate::verdict::judge_aligned`]); a pair too large to align in
    /// one pass is an error.
    pub fn align_with_evidence(
        &self,
        en: Vec<Sentence>,
        ru: Vec<Sentence>,
    ) -> Result<(Alignment, Evidence), TooLarge> {
        let lexicon = self.options.lexicon();
        // The sentences' units for the bead costs need no anchors: worked
        // out beside the linking, on the core it leaves idle now and then.
        let (linked, units) = rayon::join(
            || {
                let linked = lexical::link_keeping(&en, &ru, lexicon, None)?;
                // What the verdict needs of the anchors besides the key
                // lists, before the bead costs are worked out: the anchors
                // are not held meanwhile, and the verdict then keeps the
                // lists' keys, not a copy.
                let tokens = rayon::join(
                    || AnchorTokens::of_lists(&linked, Lang::En),
                    || AnchorTokens::of_lists(&linked, Lang::Ru),
                );
                Ok((linked, tokens))
            },
            || dp::SentenceUnits::of(&en, &ru),
        );
        let (linked, (en_tokens, ru_tokens)) = linked?;
        let keys = linked.into_keys();
        let beads = dp::align_units(&units, &keys, &self.options)?;
        drop(units);
        let evidence = Evidence::new(
            keys.into_key_columns(),
            Sides::new(en_tokens, ru_tokens),
            self.options.lexicon.clone(),
        );
        Ok((self.self_trained(Alignment { en, ru, beads })?, evidence))
    }

    /// `first` aligned again with the word pairs learned from it, when the
    /// options say to self-train.
    fn self_trained(&self, first: Alignment) -> Result<Alignment, TooLarge> {
        if !self.options.self_train {
            return Ok(first);
        }
        let mut corpus = model1::Corpus::default();
        corpus.add(&first);
        self.realigned(first, &corpus.learn())
    }

    /// Aligns again with `learned` word pairs added to the lexicon (from
    /// [`model1::Corpus::learn`], for instance over a whole batch of pairs).
    ///
    /// # Panics
    ///
    /// If the pair is too large to align in one pass, as [`Aligner::align`]
    /// (it was aligned once, but the learned words add anchors).
    pub fn realign(&self, alignment: Alignment, learned: &Lexicon) -> Alignment {
        self.realigned(alignment, learned)
            .unwrap_or_else(|too_large| panic!("too large to align in one pass: {too_large}"))
    }

    /// [`Aligner::realign`], a pair too large to align in one pass an error.
    fn realigned(&self, alignment: Alignment, learned: &Lexicon) -> Result<Alignment, TooLarge> {
        if learned.is_empty() {
            return Ok(alignment);
        }
        let Alignment { en, ru, .. } = alignment;
        let beads = dp::align(&en, &ru, &self.options, Some(learned))?;
        Ok(Alignment { en, ru, beads })
    }
}
