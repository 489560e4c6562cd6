//! Sentence alignment: pairs the sentences of two texts into [`Bead`]s.
//!
//! A *bead* is one aligned group: `n` English sentences that translate `m`
//! Russian ones (1-1, 2-1, 1-2, 2-2, 3-1, 1-3), or a sentence with no
//! counterpart (1-0, 0-1). An [`Alignment`] is the list of beads that covers
//! both texts in order, every sentence in exactly one bead.

mod cost;
mod dp;
mod length;

pub use length::LengthModel;

use std::ops::Range;

use crate::Lang;
use crate::split::{self, Sentence};

/// One aligned group of English and Russian sentences.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Bead {
    /// Indices of the English sentences in the bead (may be empty).
    pub en: Range<usize>,
    /// Indices of the Russian sentences in the bead (may be empty).
    pub ru: Range<usize>,
    /// Confidence that the bead is right, from 0 to 1.
    pub score: f64,
}

impl Bead {
    /// The bead type as `"n-m"`, e.g. `"2-1"` or `"1-0"`.
    pub fn kind(&self) -> String {
        format!("{}-{}", self.en.len(), self.ru.len())
    }

    /// True when both sides are non-empty: the bead pairs a translation.
    pub fn is_link(&self) -> bool {
        !self.en.is_empty() && !self.ru.is_empty()
    }
}

/// The result of aligning two texts: their sentences and the beads over them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Alignment {
    /// The English sentences, in order.
    pub en: Vec<Sentence>,
    /// The Russian sentences, in order.
    pub ru: Vec<Sentence>,
    /// Beads in document order; every sentence of both sides is in exactly one.
    pub beads: Vec<Bead>,
}

impl Alignment {
    /// The English side of `bead` as one string (sentences joined by a space).
    pub fn en_text(&self, bead: &Bead) -> String {
        join(&self.en[bead.en.clone()])
    }

    /// The Russian side of `bead` as one string (sentences joined by a space).
    pub fn ru_text(&self, bead: &Bead) -> String {
        join(&self.ru[bead.ru.clone()])
    }

    /// The sentences of one side of `bead`.
    pub fn side(&self, lang: Lang, bead: &Bead) -> &[Sentence] {
        match lang {
            Lang::En => &self.en[bead.en.clone()],
            Lang::Ru => &self.ru[bead.ru.clone()],
        }
    }
}

fn join(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(s.text.split_whitespace().flat_map(|w| [w, " "]));
        out.pop();
    }
    out
}

/// Settings of the aligner.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// The length model (Gale–Church), fitted for English → Russian.
    pub length: LengthModel,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            length: LengthModel::EN_RU,
        }
    }
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
    pub fn align(&self, en: &str, ru: &str) -> Alignment {
        self.align_sentences(split::split(en, Lang::En), split::split(ru, Lang::Ru))
    }

    /// Aligns sentences that are already split (see [`split::presplit`]).
    pub fn align_sentences(&self, en: Vec<Sentence>, ru: Vec<Sentence>) -> Alignment {
        let beads = dp::align(&en, &ru, &self.options);
        Alignment { en, ru, beads }
    }
}
