//! The verdict on a pair: are these two texts translations of each other?
//!
//! In an archive, mis-paired files are common (one statement's English beside
//! another statement's Russian), and an aligner always finds *some* pairs. The
//! verdict reads the aligner's own evidence, after alignment: what share of
//! the shorter text's content words find an anchor (a dictionary
//! translation, a transliterated name, a number, an acronym) in the sentences
//! they were paired with. In a true pair, even a ragged one whose translation
//! stops half way, about half of them do (the dictionary does not know every
//! word); the aligner's best pairing of two different documents of the same
//! kind finds a few chance matches only. The threshold is calibrated on the dev kit
//! (`examples/calibrate_verdict.rs`, tuned on one half of the documents and
//! checked on the other; the figures are in the README).

use crate::anchor::lexicon::Lexicon;
use crate::anchor::measure::{SentenceAnchors, overlap};
use crate::anchor::sentence::{Extractor, Extractors};
use crate::input::script::ScriptCount;
use crate::{Alignment, Lang};

/// Pairs whose [`PairVerdict::score`] is below this are refused.
/// Calibrated with `examples/calibrate_verdict.rs` on the dev kit.
pub const THRESHOLD: f64 = 0.25;

/// Texts whose shorter side has fewer content words than this are too short
/// to judge: they are taken for a pair (a one-line pair with no anchor at
/// all, "Thanks!" / "Спасибо!", is no evidence either way).
pub const MIN_WORDS: usize = 5;

/// The aligner's evidence that two texts translate each other.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PairVerdict {
    /// Share (0 to 1) of the shorter text's content words that have an
    /// anchor (a dictionary translation, a name, a number) in the sentences
    /// the aligner paired them with: the score compared with the threshold.
    pub score: f64,
    /// The same share for the English text.
    pub en_matched: f64,
    /// The same share for the Russian text.
    pub ru_matched: f64,
    /// Content words of the shorter text.
    pub words: usize,
    /// False when the verdict does not judge the pair: the shorter text has
    /// fewer than [`MIN_WORDS`] content words, or a text is not in its
    /// language's script (a swapped or mislabelled pair given with
    /// `--no-lang-check`, where anchors cannot be read).
    pub judged: bool,
    /// The threshold the score was compared with.
    pub threshold: f64,
}

impl PairVerdict {
    /// Whether the two texts are taken for translations of each other: the
    /// score reaches the threshold, or the texts are too short to judge.
    pub fn is_pair(&self) -> bool {
        !self.judged || self.score >= self.threshold
    }
}

/// Judges an alignment with the built-in lexicon: see the module documentation.
pub fn judge(alignment: &Alignment) -> PairVerdict {
    judge_with(alignment, Lexicon::builtin())
}

/// Judges an alignment, reading anchors with `lexicon` (the built-in one
/// extended by the user's dictionaries, say).
pub fn judge_with(alignment: &Alignment, lexicon: &Lexicon) -> PairVerdict {
    let anchors = |sentences: &[crate::Sentence], lang: Lang| -> Vec<SentenceAnchors> {
        let mut extractor = Extractor::new(lexicon, lang, Extractors::default());
        sentences
            .iter()
            .map(|s| extractor.anchors(&s.text).into())
            .collect()
    };
    let (en, ru) = (
        anchors(&alignment.en, Lang::En),
        anchors(&alignment.ru, Lang::Ru),
    );
    let total = [
        en.iter()
            .map(SentenceAnchors::content_tokens)
            .sum::<usize>(),
        ru.iter()
            .map(SentenceAnchors::content_tokens)
            .sum::<usize>(),
    ];
    let mut matched = [0usize; 2];
    for bead in alignment.beads.iter().filter(|b| b.is_link()) {
        let overlap = overlap(
            &SentenceAnchors::join(&en[bead.en.clone()]),
            &SentenceAnchors::join(&ru[bead.ru.clone()]),
        );
        matched[0] += overlap.en_matched;
        matched[1] += overlap.ru_matched;
    }
    let share = |i: usize| {
        if total[i] == 0 {
            0.0
        } else {
            matched[i] as f64 / total[i] as f64
        }
    };
    // The shorter text, in content tokens (Russian has about 0.8 as many
    // as English for the same text: no articles, inflection for prepositions).
    let shorter = if (total[1] as f64) < total[0] as f64 * 0.8 {
        1
    } else {
        0
    };
    PairVerdict {
        score: share(shorter),
        en_matched: share(0),
        ru_matched: share(1),
        words: total[shorter],
        judged: total[shorter] >= MIN_WORDS
            && in_script(&alignment.en, Lang::En)
            && in_script(&alignment.ru, Lang::Ru),
        threshold: THRESHOLD,
    }
}

/// Whether `sentences` are not clearly in the other language's script.
fn in_script(sentences: &[crate::Sentence], lang: Lang) -> bool {
    let mut count = ScriptCount::default();
    for s in sentences {
        let c = ScriptCount::of(&s.text);
        count.latin += c.latin;
        count.cyrillic += c.cyrillic;
    }
    count.looks_wrong(lang).is_none()
}

/// A pair refused by the verdict: the two texts do not look like
/// translations of each other.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error(
    "the two texts do not look like translations of each other: {:.0}% of the shorter text's \
     content words match the sentences they were paired with (a pair needs {:.0}%)",
    .0.score * 100.0,
    .0.threshold * 100.0
)]
pub struct NotAPair(pub PairVerdict);

/// Judges `alignment` (see [`judge_with`]) and refuses it if its two texts do
/// not look like translations of each other.
pub fn check(alignment: &Alignment, lexicon: &Lexicon) -> Result<PairVerdict, NotAPair> {
    let verdict = judge_with(alignment, lexicon);
    if verdict.is_pair() {
        Ok(verdict)
    } else {
        Err(NotAPair(verdict))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Aligner;

    const EN: &str = "The ministers met in Seoul on 23 March 2021. They discussed trade, \
        which reached 30 billion dollars in 2020, and the Nine Bridges plan. Both sides agreed \
        to resume regular flights between the two capitals. The President thanked the \
        government for its work on the new law.";
    const RU: &str = "Министры встретились в Сеуле 23 марта 2021 года. Они обсудили торговлю, \
        объём которой в 2020 году достиг 30 миллиардов долларов, и план «Девять мостов». \
        Стороны договорились возобновить регулярное авиасообщение между двумя столицами. \
        Президент поблагодарил правительство за работу над новым законом.";
    const OTHER_RU: &str = "Весной в горах выпало много снега. Туристы не смогли подняться на \
        перевал и вернулись в деревню. Местные жители угостили их горячим чаем с мёдом. \
        Вечером все вместе пели песни у костра, а утром погода наконец улучшилась.";

    #[test]
    fn takes_a_translation_for_a_pair() {
        let verdict = judge(&Aligner::default().align(EN, RU));
        assert!(verdict.is_pair(), "{verdict:?}");
        assert!(verdict.score > 0.4, "{verdict:?}");
    }

    #[test]
    fn refuses_two_different_texts() {
        let alignment = Aligner::default().align(EN, OTHER_RU);
        let refused = check(&alignment, Lexicon::builtin()).unwrap_err();
        assert!(refused.0.score < THRESHOLD, "{refused:?}");
        assert!(
            refused
                .to_string()
                .contains("do not look like translations")
        );
    }

    #[test]
    fn does_not_judge_texts_too_short_to_tell() {
        assert!(judge(&Aligner::default().align("Thanks!", "Спасибо!")).is_pair());
    }
}
