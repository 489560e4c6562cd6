//! The shared vocabulary of every stage after splitting: a [`Bead`] (one
//! aligned group of sentences) and an [`Alignment`] (the sentences of both
//! texts and the beads over them). Writers and reports use these types
//! without importing the aligner.

use std::ops::Range;

use crate::Lang;
use crate::lang::Sides;
pub use crate::split::Sentence;

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
    /// The English side of `bead` as one segment: the sentences as written,
    /// with the white space that separates them in the text (see
    /// [`Sentence::segment`] and [`Sentence::space_before`]).
    pub fn en_text(&self, bead: &Bead) -> String {
        join(&self.en[bead.en.clone()])
    }

    /// The Russian side of `bead` as one segment, as [`Alignment::en_text`].
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
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            out.push_str(&s.space_before());
        }
        out.push_str(&s.segment());
    }
    out
}

impl Alignment {
    /// Concatenates alignments into one, in order: bead ranges and paragraph
    /// numbers are shifted so that every part keeps its own sentences, and
    /// every sentence is still in exactly one bead.
    pub fn concat(parts: impl IntoIterator<Item = Alignment>) -> Alignment {
        let mut merged = Alignment {
            en: Vec::new(),
            ru: Vec::new(),
            beads: Vec::new(),
        };
        let mut paragraphs = Sides::new(0, 0);
        for part in parts {
            let base = Sides::new(merged.en.len(), merged.ru.len());
            merged.beads.extend(part.beads.into_iter().map(|b| Bead {
                en: b.en.start + base.en..b.en.end + base.en,
                ru: b.ru.start + base.ru..b.ru.end + base.ru,
                score: b.score,
            }));
            for (lang, sentences, target) in [
                (Lang::En, part.en, &mut merged.en),
                (Lang::Ru, part.ru, &mut merged.ru),
            ] {
                let shift = paragraphs[lang];
                let count = sentences.last().map_or(0, |s| s.paragraph + 1);
                target.extend(sentences.into_iter().map(|mut s| {
                    s.paragraph += shift;
                    s
                }));
                paragraphs[lang] += count;
            }
        }
        merged
    }

    /// The links: beads with sentences on both sides.
    pub fn links(&self) -> impl Iterator<Item = &Bead> {
        self.beads.iter().filter(|b| b.is_link())
    }

    /// How many sentences of each side are in links.
    pub fn linked_sentences(&self) -> Sides<usize> {
        self.links().fold(Sides::default(), |n, b| {
            Sides::new(n.en + b.en.len(), n.ru + b.ru.len())
        })
    }
}
