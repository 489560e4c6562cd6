//! Anchor overlap of one pair of sentences, for measuring the anchors
//! (`tools/anchor_coverage.rs`, `tools/anchor_debug.rs`,
//! `tools/anchor_speed.rs`) and for explaining them. The aligner does not
//! use this module: it extracts the anchors of whole documents with
//! [`Extractor::anchors_of_all`] and weighs the keys found on both sides in
//! `align::lexical::link` (see `docs/architecture.md`).
//!
//! ```
//! use sverka::Lang;
//! use sverka::anchor::lexicon::Lexicon;
//! use sverka::anchor::measure::{SentenceAnchors, overlap};
//!
//! let lex = Lexicon::builtin();
//! let en = SentenceAnchors::new("Lavrov said prices rose by 15% in March.", Lang::En, lex);
//! let ru = SentenceAnchors::new("Лавров заявил, что в марте цены выросли на 15 %.", Lang::Ru, lex);
//! let o = overlap(&en, &ru);
//! assert_eq!((o.en_matched, o.en_total), (6, 6));
//! assert!(o.ratio() > 0.8);
//! ```

use super::key::{Anchor, TokenIx};
use super::lexicon::Lexicon;
use super::sentence::{Extracted, Extractor, Extractors};
use crate::Lang;

/// The anchors of one sentence (or of several sentences taken together).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceAnchors {
    /// Sorted by key, then token.
    anchors: Vec<Anchor>,
    /// Number of content tokens (tokens that are not stopwords).
    content: u32,
}

/// What an [`Extractor`] found in one sentence, kept for measuring overlap
/// (an extractor reused over many sentences works each word out once).
impl From<Extracted> for SentenceAnchors {
    fn from(found: Extracted) -> SentenceAnchors {
        SentenceAnchors {
            anchors: found.anchors,
            content: found.content_tokens,
        }
    }
}

impl SentenceAnchors {
    /// Extracts the anchors of `text` (one sentence, or several joined).
    pub fn new(text: &str, lang: Lang, lexicon: &Lexicon) -> SentenceAnchors {
        SentenceAnchors::with(text, lang, lexicon, Extractors::default())
    }

    /// Extracts the anchors of `text` with only the chosen extractors.
    pub fn with(text: &str, lang: Lang, lexicon: &Lexicon, run: Extractors) -> SentenceAnchors {
        Extractor::new(lexicon, lang, run).anchors(text).into()
    }

    /// The anchors of several sentences taken together (a 2-1 bead's side):
    /// the tokens of each part are numbered after those of the parts before.
    pub fn join<'a>(parts: impl IntoIterator<Item = &'a SentenceAnchors>) -> SentenceAnchors {
        let mut out = SentenceAnchors::default();
        for p in parts {
            let offset = out.content;
            out.anchors.extend(p.anchors.iter().map(|a| Anchor {
                key: a.key,
                token: TokenIx(a.token.0 + offset),
            }));
            out.content += p.content;
        }
        out.anchors.sort_unstable();
        out
    }

    /// The anchors, sorted by key, then token.
    pub fn anchors(&self) -> &[Anchor] {
        &self.anchors
    }

    /// Number of content tokens (not stopwords) in the sentence.
    pub fn content_tokens(&self) -> usize {
        self.content as usize
    }

    /// True when no content token has any anchor.
    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }
}

/// How much two sentences share: content tokens of each side that have an
/// anchor key also found on the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overlap {
    /// English content tokens matched on the Russian side.
    pub en_matched: usize,
    /// English content tokens in all.
    pub en_total: usize,
    /// Russian content tokens matched on the English side.
    pub ru_matched: usize,
    /// Russian content tokens in all.
    pub ru_total: usize,
}

impl Overlap {
    /// Share of content tokens of both sides that are matched (0..1; 0 when both are empty).
    pub fn ratio(&self) -> f64 {
        let total = self.en_total + self.ru_total;
        if total == 0 {
            0.0
        } else {
            (self.en_matched + self.ru_matched) as f64 / total as f64
        }
    }
}

/// The anchor overlap of an English and a Russian sentence; linear in the
/// number of keys.
pub fn overlap(en: &SentenceAnchors, ru: &SentenceAnchors) -> Overlap {
    let (en_hit, ru_hit) = matched_tokens(en, ru);
    Overlap {
        en_matched: en_hit.iter().filter(|&&h| h).count(),
        en_total: en.content as usize,
        ru_matched: ru_hit.iter().filter(|&&h| h).count(),
        ru_total: ru.content as usize,
    }
}

/// For each content token of `en` and of `ru` (the tokens of
/// [`super::tokens::tokens`] that are not stopwords, in order), whether it
/// has an anchor on the other side.
pub fn matched_tokens(en: &SentenceAnchors, ru: &SentenceAnchors) -> (Vec<bool>, Vec<bool>) {
    let (mut en_hit, mut ru_hit) = (
        vec![false; en.content as usize],
        vec![false; ru.content as usize],
    );
    let (a, b) = (&en.anchors, &ru.anchors);
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].key.cmp(&b[j].key) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let k = a[i].key;
                while i < a.len() && a[i].key == k {
                    en_hit[a[i].token.index()] = true;
                    i += 1;
                }
                while j < b.len() && b[j].key == k {
                    ru_hit[b[j].token.index()] = true;
                    j += 1;
                }
            }
        }
    }
    (en_hit, ru_hit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(en: &str, ru: &str) -> Overlap {
        let lex = Lexicon::builtin();
        overlap(
            &SentenceAnchors::new(en, Lang::En, lex),
            &SentenceAnchors::new(ru, Lang::Ru, lex),
        )
    }

    #[test]
    fn translations_share_most_content_words() {
        let o = pair(
            "The president of Russia said on March 23 that prices rose by 15%.",
            "Президент России 23 марта заявил, что цены выросли на 15 %.",
        );
        assert_eq!(o.en_total, 8, "{o:?}");
        assert!(o.en_matched >= 7, "{o:?}");
        assert!(o.ru_matched >= 7, "{o:?}");
    }

    #[test]
    fn unrelated_sentences_share_little() {
        let o = pair(
            "The weather in Vladivostok was warm and sunny all week.",
            "Министр финансов представил новый бюджет на следующий год.",
        );
        assert!(o.ratio() < 0.2, "{o:?}");
    }

    #[test]
    fn numbers_names_and_acronyms_count_as_matches() {
        let o = pair(
            "Lavrov met NATO officials in Brussels to discuss $30 billion.",
            "Лавров обсудил с НАТО в Брюсселе 30 млрд долларов.",
        );
        assert!(o.en_matched >= 6, "{o:?}");
    }

    #[test]
    fn short_names_inside_a_sentence_match() {
        let o = pair("Leaders Kim and Xi met.", "Встретились лидеры Ким и Си.");
        assert_eq!((o.en_matched, o.en_total), (4, 4), "{o:?}");
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_anchors_without_panicking(text in "\\PC{0,80}") {
            let lex = Lexicon::builtin();
            for lang in [Lang::En, Lang::Ru] {
                let a = SentenceAnchors::new(&text, lang, lex);
                let o = overlap(&a, &a);
                // A sentence matches itself on every token that has a key.
                let keyed = a.anchors().iter().map(|a| a.token).collect::<std::collections::HashSet<_>>().len();
                proptest::prop_assert_eq!(o.en_matched, keyed);
                proptest::prop_assert!(o.en_matched <= o.en_total);
            }
        }
    }

    #[test]
    fn joined_sentences_keep_their_tokens() {
        let lex = Lexicon::builtin();
        let a = SentenceAnchors::new("Prices rose.", Lang::En, lex);
        let b = SentenceAnchors::new("The war ended.", Lang::En, lex);
        let ab = SentenceAnchors::join([&a, &b]);
        assert_eq!(ab.content_tokens(), a.content_tokens() + b.content_tokens());
        let ru = SentenceAnchors::new("Цены выросли, война закончилась.", Lang::Ru, lex);
        assert_eq!(overlap(&ab, &ru).en_matched, 4);
    }
}
