//! The verdict on a pair: are these two texts translations of each other?
//!
//! In an archive, mis-paired files are common (one statement's English beside
//! another statement's Russian), and an aligner always finds *some* pairs. The
//! verdict reads the aligner's own evidence, after alignment: what share of
//! the shorter text's *anchorable* words find an anchor in the sentences they
//! were paired with. A word is anchorable when the anchors could tell whether
//! its translation is there: the dictionary knows it, or it is a number, a
//! month, an acronym or a country, or it did find a counterpart (a
//! transliterated name). A word only a transliteration could match (every
//! word has one) and that found none is no evidence either way: the
//! dictionary does not know every word, and a translation need not keep it.
//! In a true pair, even a ragged one whose translation stops half way, about
//! two thirds of the anchorable words find their counterpart; the aligner's
//! best pairing of two different documents of the same kind finds a few
//! chance matches only. Counting anchorable words rather than all content
//! words keeps a transcript in words the dictionary does not know from
//! looking like a mismatch. The threshold is calibrated on the dev kit
//! (`tools/calibrate_verdict.rs`, tuned on one half of the documents and
//! checked on the other; the figures are in the README).

use std::ops::Range;

use crate::anchor::lexicon::Lexicon;
use crate::anchor::measure::{SentenceAnchors, matched_tokens};
use crate::anchor::sentence::{Extractor, Extractors};
use crate::input::script::ScriptCount;
use crate::{Alignment, Lang};

/// Pairs whose [`PairVerdict::score`] is below this are refused.
// Calibrated with `tools/calibrate_verdict.rs` on the tune half of the dev
// kit: its true pairs score 0.357 and up, its mismatched pairs 0.286 and
// down; this is the middle of the gap.
pub const THRESHOLD: f64 = 0.32;

/// Texts whose shorter side has fewer anchorable words than this are too
/// short to judge: one word moves the share by more than 12 points, and the
/// smallest documents the threshold was calibrated on have 8 ("Thanks!" /
/// "Спасибо!" is no evidence either way). They are taken for a pair, and
/// the command line says it did not judge them.
pub const MIN_WORDS: usize = 8;

/// The aligner's evidence that two texts translate each other.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PairVerdict {
    /// Share (0 to 1) of the shorter text's anchorable words (see the
    /// module documentation) that have an anchor in the sentences the
    /// aligner paired them with: the score compared with the threshold.
    pub score: f64,
    /// The same share for the English text.
    pub en_matched: f64,
    /// The same share for the Russian text.
    pub ru_matched: f64,
    /// Anchorable words of the shorter text: the evidence the score rests on.
    pub words: usize,
    /// False when the verdict does not judge the pair: the shorter text has
    /// fewer than [`MIN_WORDS`] anchorable words, or a text is not in its
    /// language's script (a swapped or mislabelled pair given with
    /// `--no-lang-check`, where anchors cannot be read).
    pub judged: bool,
    /// The threshold the score was compared with.
    pub threshold: f64,
}

impl PairVerdict {
    /// Whether the two texts are taken for translations of each other: the
    /// score reaches the threshold, or the texts are not judged.
    pub fn is_pair(&self) -> bool {
        !self.judged || self.score >= self.threshold
    }

    /// Whether the pair is not judged because its shorter text is too short
    /// (rather than because a text is in the other language's script).
    pub fn too_short(&self) -> bool {
        !self.judged && self.words < MIN_WORDS
    }
}

/// Judges an alignment with the built-in lexicon: see the module documentation.
pub fn judge(alignment: &Alignment) -> PairVerdict {
    judge_with(alignment, Lexicon::builtin())
}

/// Per side, the anchorable and the matched words of the linked sentences
/// and the anchorable words of the unlinked ones.
#[derive(Default)]
struct Count {
    anchorable: usize,
    matched: usize,
}

/// Judges an alignment, reading anchors with `lexicon` (the built-in one
/// extended by the user's dictionaries, say).
pub fn judge_with(alignment: &Alignment, lexicon: &Lexicon) -> PairVerdict {
    judge_in_stretches(alignment, lexicon, STRETCH_SENTENCES)
}

/// [`judge_with`], reading the beads in stretches of about `stretch`
/// sentences.
fn judge_in_stretches(alignment: &Alignment, lexicon: &Lexicon, stretch: usize) -> PairVerdict {
    // Every anchor, to match words; and the anchors other than
    // transliterations, to know which words the anchors can vouch for. The
    // beads are read a stretch at a time, so that only one stretch's anchors
    // are held (a sentence's anchors depend on that sentence alone; the
    // extractors keep what they worked out of each word across stretches).
    let without_names = Extractors {
        names: false,
        ..Extractors::default()
    };
    let mut extractors = [
        [
            Extractor::new(lexicon, Lang::En, Extractors::default()),
            Extractor::new(lexicon, Lang::En, without_names),
        ],
        [
            Extractor::new(lexicon, Lang::Ru, Extractors::default()),
            Extractor::new(lexicon, Lang::Ru, without_names),
        ],
    ];
    let sides = [&alignment.en, &alignment.ru];
    let mut count = [Count::default(), Count::default()];
    let mut content = [0usize; 2];
    for stretch in stretches(&alignment.beads, stretch) {
        let beads = &alignment.beads[stretch];
        // Per side, the sentences this stretch's beads hold, and their
        // anchors: all of them, and those other than transliterations.
        let read = |side: usize, extractor: &mut Extractor, span: &Range<usize>| {
            let texts: Vec<&str> = sides[side][span.clone()].iter().map(|s| s.text()).collect();
            extractor
                .anchors_of_all(&texts)
                .into_iter()
                .map(SentenceAnchors::from)
                .collect::<Vec<_>>()
        };
        let spans = [
            span_of(beads.iter().map(|b| &b.en)),
            span_of(beads.iter().map(|b| &b.ru)),
        ];
        let [[en_all, en_known], [ru_all, ru_known]] = &mut extractors;
        let all = [read(0, en_all, &spans[0]), read(1, ru_all, &spans[1])];
        let known_of = [read(0, en_known, &spans[0]), read(1, ru_known, &spans[1])];
        // A bead's sentences within its stretch's (an empty side holds none).
        let local = |side: usize, range: &Range<usize>| {
            if range.is_empty() {
                0..0
            } else {
                range.start - spans[side].start..range.end - spans[side].start
            }
        };
        for bead in beads {
            let ranges = [local(0, &bead.en), local(1, &bead.ru)];
            let (en_hit, ru_hit) = matched_tokens(
                &SentenceAnchors::join(&all[0][ranges[0].clone()]),
                &SentenceAnchors::join(&all[1][ranges[1].clone()]),
            );
            for (i, mut hit) in [en_hit, ru_hit].into_iter().enumerate() {
                content[i] += hit.len();
                count[i].matched += hit.iter().filter(|&&h| h).count();
                let known = SentenceAnchors::join(&known_of[i][ranges[i].clone()]);
                for anchor in known.anchors() {
                    hit[anchor.token.index()] = true;
                }
                count[i].anchorable += hit.iter().filter(|&&h| h).count();
            }
        }
    }
    let share = |c: &Count| {
        if c.anchorable == 0 {
            0.0
        } else {
            c.matched as f64 / c.anchorable as f64
        }
    };
    // The shorter text, in content tokens (Russian has about 0.8 as many
    // as English for the same text: no articles, inflection for prepositions).
    let shorter = if (content[1] as f64) < content[0] as f64 * 0.8 {
        1
    } else {
        0
    };
    let words = count[shorter].anchorable;
    PairVerdict {
        score: share(&count[shorter]),
        en_matched: share(&count[0]),
        ru_matched: share(&count[1]),
        words,
        judged: words >= MIN_WORDS
            && in_script(&alignment.en, Lang::En)
            && in_script(&alignment.ru, Lang::Ru),
        threshold: THRESHOLD,
    }
}

/// How many sentences (both sides) a stretch of beads holds at most, unless
/// one bead holds more: enough for the extractors' parallel passes, few
/// enough that a long text's anchors are never all held at once.
const STRETCH_SENTENCES: usize = 4096;

/// The beads in stretches of about `size` sentences, in order.
fn stretches(beads: &[crate::Bead], size: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut held) = (0, 0);
    for (k, bead) in beads.iter().enumerate() {
        held += bead.en.len() + bead.ru.len();
        if held >= size {
            out.push(start..k + 1);
            (start, held) = (k + 1, 0);
        }
    }
    if start < beads.len() {
        out.push(start..beads.len());
    }
    out
}

/// The smallest range of sentences holding every one of `ranges` (empty
/// ranges hold none), or `0..0`.
fn span_of<'a>(ranges: impl Iterator<Item = &'a Range<usize>>) -> Range<usize> {
    let (lo, hi) = ranges
        .filter(|r| !r.is_empty())
        .fold((usize::MAX, 0), |(lo, hi), r| {
            (lo.min(r.start), hi.max(r.end))
        });
    if lo > hi { 0..0 } else { lo..hi }
}

/// Whether `sentences` are not clearly in the other language's script.
fn in_script(sentences: &[crate::Sentence], lang: Lang) -> bool {
    let mut count = ScriptCount::default();
    for s in sentences {
        let c = ScriptCount::of(s.text());
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
     {} checkable words (dictionary words, numbers, names) match the sentences they were paired \
     with (a pair needs {:.0}%)",
    .0.score * 100.0,
    .0.words,
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
    fn reading_in_stretches_changes_nothing() {
        // One-sided beads at the ends and inside, so that a stretch can hold
        // sentences of one side only.
        let en = format!("{EN} The weather was fine all week. {EN}");
        let ru = format!("{OTHER_RU} {RU} {RU} {OTHER_RU}");
        let alignment = Aligner::default().align(&en, &ru);
        assert!(
            alignment
                .beads
                .iter()
                .any(|b| b.en.is_empty() || b.ru.is_empty())
        );
        let whole = judge_in_stretches(&alignment, Lexicon::builtin(), usize::MAX);
        for size in [1, 2, 3, 5, 8] {
            assert_eq!(
                judge_in_stretches(&alignment, Lexicon::builtin(), size),
                whole,
                "stretches of {size}"
            );
        }
    }

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
        let verdict = judge(&Aligner::default().align("Thanks!", "Спасибо!"));
        assert!(verdict.is_pair() && verdict.too_short(), "{verdict:?}");
    }

    #[test]
    fn words_the_anchors_cannot_check_are_no_evidence() {
        // A transcript full of words the dictionary does not know is not
        // less of a translation for it: such a word that found no
        // counterpart says nothing either way.
        let plain = judge(&Aligner::default().align(EN, RU));
        let padded = format!("{EN} Blorptastic zwiffles gnarbled quompily.");
        let verdict = judge(&Aligner::default().align(&padded, RU));
        assert_eq!(verdict.en_matched, plain.en_matched, "{verdict:?}");
    }

    #[test]
    fn a_number_without_its_counterpart_counts_against_the_pair() {
        // A number is always checkable: a translation keeps it.
        let plain = judge(&Aligner::default().align(EN, RU));
        let padded = format!("{EN} It cost 4711 roubles.");
        let verdict = judge(&Aligner::default().align(&padded, RU));
        assert!(verdict.en_matched < plain.en_matched, "{verdict:?}");
    }
}
