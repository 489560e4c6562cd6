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

use std::sync::Arc;

use rayon::prelude::*;

use crate::align::{KeyColumn, Linked, SideAnchors};
use crate::anchor::lexicon::Lexicon;
use crate::input::script::ScriptCount;
use crate::lang::Sides;
use crate::narrow::{Narrow, Narrowing};
use crate::pipeline::Aligned;
use crate::{Alignment, Bead, Lang};

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

/// Judges an alignment, reading anchors with `lexicon` (the built-in one
/// extended by the user's dictionaries, say).
pub fn judge_with(alignment: &Alignment, lexicon: &Lexicon) -> PairVerdict {
    judge_evidence(alignment, &Evidence::read(alignment, lexicon))
}

/// Judges an alignment made by the [`crate::pipeline::Pipeline`] with
/// anchors read with `lexicon`: those the aligner read (see [`Evidence`])
/// when it read them with `lexicon`, else read again.
pub fn judge_aligned(aligned: &Aligned, lexicon: &Lexicon) -> PairVerdict {
    match &aligned.evidence {
        Some(evidence) if evidence.serves(&aligned.alignment, lexicon) => {
            judge_evidence(&aligned.alignment, evidence)
        }
        _ => judge_with(&aligned.alignment, lexicon),
    }
}

/// The anchors the aligner read of a pair's sentences (before it linked
/// names, and without words it learned), kept so that the verdict need not
/// read them again: see [`crate::Aligner::align_with_evidence`].
#[derive(Debug, Clone)]
pub struct Evidence {
    /// English and Russian (boxed: an [`Aligned`] holding it is moved around).
    sides: Box<[SideEvidence; 2]>,
    /// The lexicon the anchors were read with (`None`: the built-in one).
    lexicon: Option<Arc<Lexicon>>,
}

impl Evidence {
    /// The verdict's evidence in the linker's key lists, `keys` (taken
    /// once the alignment is made), with the tokens of their anchors
    /// ([`AnchorTokens::of_lists`]), read with `lexicon`.
    pub(crate) fn new(
        keys: Sides<KeyColumn>,
        tokens: Sides<AnchorTokens>,
        lexicon: Option<Arc<Lexicon>>,
    ) -> Evidence {
        let (
            Sides { en, ru },
            Sides {
                en: en_tokens,
                ru: ru_tokens,
            },
        ) = (keys, tokens);
        Evidence {
            sides: Box::new([
                SideEvidence::new(en, en_tokens),
                SideEvidence::new(ru, ru_tokens),
            ]),
            lexicon,
        }
    }

    /// The anchors of `alignment`'s sentences, read with `lexicon` as the
    /// aligner reads them.
    fn read(alignment: &Alignment, lexicon: &Lexicon) -> Evidence {
        let anchors = crate::align::anchors(&alignment.en, &alignment.ru, lexicon);
        let side =
            |side: &SideAnchors| SideEvidence::new(side.key_column(), AnchorTokens::in_order(side));
        let (en, ru) = rayon::join(|| side(&anchors.en), || side(&anchors.ru));
        Evidence {
            sides: Box::new([en, ru]),
            lexicon: None,
        }
    }

    /// Whether these are anchors of `alignment`'s sentences read with `lexicon`.
    fn serves(&self, alignment: &Alignment, lexicon: &Lexicon) -> bool {
        let read_with = self.lexicon.as_deref().unwrap_or(Lexicon::builtin());
        std::ptr::eq(read_with, lexicon)
            && self.sides[0].sentences() == alignment.en.len()
            && self.sides[1].sentences() == alignment.ru.len()
    }
}

/// One side's evidence: sentence `k`'s anchors of keys both texts have (the
/// only ones that can match) are the entries `keys.of(k)` whose token is
/// not [`NOT_EVIDENCE`].
#[derive(Debug, Clone)]
struct SideEvidence {
    keys: KeyColumn,
    tokens: AnchorTokens,
}

impl SideEvidence {
    fn new(keys: KeyColumn, tokens: AnchorTokens) -> SideEvidence {
        debug_assert_eq!(keys.entries(), tokens.tokens.len());
        debug_assert_eq!(keys.sentences(), tokens.counts.len());
        SideEvidence { keys, tokens }
    }

    fn sentences(&self) -> usize {
        self.tokens.counts.len()
    }

    /// Sentence `k`'s anchors: key numbers and tokens (the content token,
    /// times two, plus one when it is known).
    fn anchors(&self, k: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.keys.of(k).filter_map(move |at| {
            let EntryToken(token) = self.tokens.tokens.get(at);
            (token != NOT_EVIDENCE).then(|| (self.keys.key(at), token))
        })
    }
}

/// The token of a key list's entry that no anchor of the verdict's gave: a
/// name the linker matched by spelling, which the verdict does not count.
const NOT_EVIDENCE: u32 = u32::MAX;

/// Per entry of one side's key lists, the content token of the anchor it
/// came from, times two, plus one when the token is known
/// ([`crate::anchor::Extracted::known`]), or [`NOT_EVIDENCE`]; with each
/// sentence's count of content tokens and of known tokens. Beside the
/// linker's lists (which it keeps for the alignment anyway) this is all
/// the verdict holds: a book has millions of anchors.
#[derive(Debug, Clone, Default)]
pub(crate) struct AnchorTokens {
    tokens: Narrowing<EntryToken>,
    /// Per sentence, its counts of content tokens and of known tokens.
    counts: Narrowing<[u32; 2]>,
}

impl AnchorTokens {
    /// The tokens of the entries of `linked`'s key lists of side `lang`.
    /// A sentence's list holds its anchors' keys and those of the names
    /// linked by spelling, in id order; an anchor's token goes to an entry
    /// of its key (which of them does not matter: the verdict reads a
    /// sentence's anchors as a set).
    pub(crate) fn of_lists(linked: &Linked, lang: Lang) -> AnchorTokens {
        let side = &linked.anchors[lang];
        let sentences = side.sentences();
        let entries = (0..sentences)
            .map(|k| linked.keys.ids_of(lang, k).len())
            .sum();
        let mut out = AnchorTokens::with_capacity(sentences, entries);
        let mut anchors: Vec<(u32, u32)> = Vec::new();
        for k in 0..sentences {
            anchors.clear();
            anchors.extend(
                side.anchors(k)
                    .map(|(key, token)| (linked.id_of(key), token_of(side, k, token))),
            );
            anchors.sort_unstable();
            let mut next = anchors.iter().peekable();
            for id in linked.keys.ids_of(lang, k) {
                let token = next
                    .next_if(|&&(key, _)| key == id)
                    .map(|&(_, token)| token);
                out.tokens.push(EntryToken(token.unwrap_or(NOT_EVIDENCE)));
            }
            debug_assert!(next.next().is_none(), "an anchor not in its key list");
            out.count(side, k);
        }
        out
    }

    /// The tokens of `side`'s anchors, in order.
    fn in_order(side: &SideAnchors) -> AnchorTokens {
        let sentences = side.sentences();
        let entries = (0..sentences).map(|k| side.anchors(k).len()).sum();
        let mut out = AnchorTokens::with_capacity(sentences, entries);
        for k in 0..sentences {
            for (_, token) in side.anchors(k) {
                out.tokens.push(EntryToken(token_of(side, k, token)));
            }
            out.count(side, k);
        }
        out
    }

    fn with_capacity(sentences: usize, entries: usize) -> AnchorTokens {
        AnchorTokens {
            tokens: Narrowing::with_capacity(entries),
            counts: Narrowing::with_capacity(sentences),
        }
    }

    /// Adds sentence `k`'s counts of content and known tokens.
    fn count(&mut self, side: &SideAnchors, k: usize) {
        let known = u32::try_from(side.known(k).len()).unwrap_or(u32::MAX);
        self.counts.push([side.content_tokens(k), known]);
    }
}

/// The anchor's content token of sentence `k`, times two, plus one when it
/// is known.
fn token_of(side: &SideAnchors, k: usize, token: crate::anchor::TokenIx) -> u32 {
    token.0 << 1 | u32::from(side.known(k).binary_search(&token).is_ok())
}

/// An entry's token as [`AnchorTokens::tokens`] holds it: two bytes while it
/// fits (as in every text split by sverka: a sentence has at most a few
/// thousand tokens), with [`NOT_EVIDENCE`] as `u16::MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct EntryToken(u32);

impl Narrow for EntryToken {
    type Small = u16;

    fn narrow(self) -> Option<u16> {
        if self.0 == NOT_EVIDENCE {
            return Some(u16::MAX);
        }
        self.0.narrow().filter(|&small| small != u16::MAX)
    }

    fn widen(small: u16) -> EntryToken {
        EntryToken(match small {
            u16::MAX => NOT_EVIDENCE,
            small => u32::widen(small),
        })
    }
}

/// Per side, the anchorable and the matched words of the linked sentences
/// and the anchorable words of the unlinked ones.
#[derive(Default)]
struct Count {
    anchorable: usize,
    matched: usize,
}

/// Beads judged by one parallel task (see [`judge_evidence`]).
const JUDGED_BEADS: usize = 4096;

/// Judges `alignment` on `evidence`. A word is anchorable when it is known
/// or matched.
fn judge_evidence(alignment: &Alignment, evidence: &Evidence) -> PairVerdict {
    let sides = &evidence.sides;
    // Per side and key number, the last bead (counted from 1) whose
    // sentences on that side have the key.
    let keys = (0..2)
        .flat_map(|i| (0..sides[i].sentences()).flat_map(move |k| sides[i].anchors(k)))
        .map(|(key, _)| key)
        .max()
        .map_or(0, |k| k as usize + 1);
    // Per side, the counts and the content tokens of a stretch of beads.
    let judge_stretch = |beads: &[Bead]| -> ([Count; 2], [usize; 2]) {
        let mut held_in = [vec![0u32; keys], vec![0u32; keys]];
        let mut count = [Count::default(), Count::default()];
        let mut content = [0usize; 2];
        // Per content token of a sentence, whether it matched.
        let mut matched: Vec<bool> = Vec::new();
        for (b, bead) in beads.iter().enumerate() {
            let stamp = b as u32 + 1;
            let ranges = [bead.en.clone(), bead.ru.clone()];
            for (i, range) in ranges.iter().enumerate() {
                for k in range.clone() {
                    for (key, _) in sides[i].anchors(k) {
                        held_in[i][key as usize] = stamp;
                    }
                }
            }
            for (i, range) in ranges.into_iter().enumerate() {
                let other = &held_in[1 - i];
                for k in range {
                    matched.clear();
                    let [content_tokens, known] = sides[i].tokens.counts.get(k);
                    matched.resize(content_tokens as usize, false);
                    // Matched tokens that are not known: anchorable too.
                    let mut unknown = 0;
                    for (key, token) in sides[i].anchors(k) {
                        let at = (token >> 1) as usize;
                        if other[key as usize] == stamp && !matched[at] {
                            matched[at] = true;
                            count[i].matched += 1;
                            unknown += usize::from(token & 1 == 0);
                        }
                    }
                    content[i] += matched.len();
                    count[i].anchorable += known as usize + unknown;
                }
            }
        }
        (count, content)
    };
    // A book's beads a stretch at a time, stretches in parallel (each bead
    // is judged on its own sentences alone; the counts are whole numbers,
    // so their sum does not depend on the order).
    let beads = &alignment.beads;
    let sentences = alignment.en.len() + alignment.ru.len();
    let stretches: Vec<([Count; 2], [usize; 2])> =
        if crate::parallel::worth_it(sentences * AVERAGE_SENTENCE_BYTES) {
            beads.par_chunks(JUDGED_BEADS).map(judge_stretch).collect()
        } else {
            vec![judge_stretch(beads)]
        };
    let mut count = [Count::default(), Count::default()];
    let mut content = [0usize; 2];
    for (stretch_count, stretch_content) in stretches {
        for i in 0..2 {
            count[i].anchorable += stretch_count[i].anchorable;
            count[i].matched += stretch_count[i].matched;
            content[i] += stretch_content[i];
        }
    }
    verdict_of(alignment, &count, content)
}

/// The verdict on `alignment` from each side's counts of anchorable and
/// matched words and of content tokens.
fn verdict_of(alignment: &Alignment, count: &[Count; 2], content: [usize; 2]) -> PairVerdict {
    let share = |c: &Count| {
        if c.anchorable == 0 {
            0.0
        } else {
            c.matched as f64 / c.anchorable as f64
        }
    };
    // The shorter text, in content tokens (Russian has about 0.8 as many
    // as English for the same text: no articles, inflection for prepositions).
    let shorter = usize::from((content[1] as f64) < content[0] as f64 * 0.8);
    let words = count[shorter].anchorable;
    PairVerdict {
        score: share(&count[shorter]),
        en_matched: share(&count[0]),
        ru_matched: share(&count[1]),
        words,
        judged: words >= MIN_WORDS && {
            let sentences = alignment.en.len() + alignment.ru.len();
            let (en, ru) = crate::parallel::join(
                crate::parallel::worth_it(sentences * AVERAGE_SENTENCE_BYTES),
                || in_script(&alignment.en, Lang::En),
                || in_script(&alignment.ru, Lang::Ru),
            );
            en && ru
        },
        threshold: THRESHOLD,
    }
}

/// Bytes a sentence is taken to have, to tell a small text from its count
/// of sentences (see [`crate::parallel`]).
const AVERAGE_SENTENCE_BYTES: usize = 100;

/// Whether `sentences` are not clearly in the other language's script.
fn in_script(sentences: &[crate::Sentence], lang: Lang) -> bool {
    let count = |s: &crate::Sentence| {
        let c = ScriptCount::of(s.text());
        (c.latin, c.cyrillic)
    };
    let add = |x: (usize, usize), y: (usize, usize)| (x.0 + y.0, x.1 + y.1);
    // In parallel for a book: hundreds of thousands of sentences.
    let (latin, cyrillic) = if crate::parallel::worth_it(sentences.len() * AVERAGE_SENTENCE_BYTES) {
        sentences.par_iter().map(count).reduce(|| (0, 0), add)
    } else {
        sentences.iter().map(count).fold((0, 0), add)
    };
    let count = ScriptCount {
        latin,
        cyrillic,
        ..ScriptCount::default()
    };
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
    refused_unless_pair(judge_with(alignment, lexicon))
}

/// [`check`] of an alignment made by the pipeline: see [`judge_aligned`].
pub fn check_aligned(aligned: &Aligned, lexicon: &Lexicon) -> Result<PairVerdict, NotAPair> {
    refused_unless_pair(judge_aligned(aligned, lexicon))
}

fn refused_unless_pair(verdict: PairVerdict) -> Result<PairVerdict, NotAPair> {
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

    /// The verdict as it was written before it read the aligner's anchors:
    /// every anchor of each sentence read again, and again without
    /// transliterations to tell the known words. The verdict must agree
    /// with it exactly.
    fn reference(alignment: &Alignment, lexicon: &Lexicon) -> PairVerdict {
        use crate::anchor::measure::{SentenceAnchors, matched_tokens};
        use crate::anchor::sentence::{Extractor, Extractors};
        let without_names = Extractors {
            names: false,
            ..Extractors::default()
        };
        let read = |sentences: &[crate::Sentence], lang: Lang, run: Extractors| {
            let texts: Vec<&str> = sentences.iter().map(|s| s.text()).collect();
            let found = Extractor::new(lexicon, lang, run).anchors_of_all(&texts);
            found
                .into_iter()
                .map(SentenceAnchors::from)
                .collect::<Vec<_>>()
        };
        let all = [
            read(&alignment.en, Lang::En, Extractors::default()),
            read(&alignment.ru, Lang::Ru, Extractors::default()),
        ];
        let known_of = [
            read(&alignment.en, Lang::En, without_names),
            read(&alignment.ru, Lang::Ru, without_names),
        ];
        let (mut count, mut content) = ([Count::default(), Count::default()], [0usize; 2]);
        for bead in &alignment.beads {
            let ranges = [bead.en.clone(), bead.ru.clone()];
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
        verdict_of(alignment, &count, content)
    }

    #[test]
    fn the_aligners_anchors_give_the_verdict_of_anchors_read_again() {
        // Translations, a mismatch, and one-sided beads at the ends and inside.
        let pairs = [
            (EN.to_string(), RU.to_string()),
            (EN.to_string(), OTHER_RU.to_string()),
            (
                format!("{EN} The weather was fine all week. {EN}"),
                format!("{OTHER_RU} {RU} {RU} {OTHER_RU}"),
            ),
            ("Thanks!".to_string(), "Спасибо!".to_string()),
        ];
        let pipeline = crate::pipeline::Pipeline::default();
        for (en, ru) in &pairs {
            let input = pipeline
                .decode(
                    Sides::new("en".into(), "ru".into()),
                    Sides::new(en.as_bytes(), ru.as_bytes()),
                )
                .unwrap();
            let aligned = pipeline.align(&input).unwrap();
            assert!(aligned.evidence.is_some());
            let lexicon = Lexicon::builtin();
            let expected = reference(&aligned.alignment, lexicon);
            assert_eq!(judge_aligned(&aligned, lexicon), expected, "{en}");
            assert_eq!(judge_with(&aligned.alignment, lexicon), expected, "{en}");
        }
    }

    #[test]
    fn anchors_read_with_another_lexicon_are_read_again() {
        let mut lexicon = Lexicon::builtin().clone();
        lexicon.extend(&Lexicon::builtin().clone());
        let pipeline = crate::pipeline::Pipeline::default();
        let input = pipeline
            .decode(
                Sides::new("en".into(), "ru".into()),
                Sides::new(EN.as_bytes(), OTHER_RU.as_bytes()),
            )
            .unwrap();
        let aligned = pipeline.align(&input).unwrap();
        let evidence = aligned.evidence.as_ref().unwrap();
        assert!(evidence.serves(&aligned.alignment, Lexicon::builtin()));
        assert!(!evidence.serves(&aligned.alignment, &lexicon));
    }

    #[test]
    fn token_store_widens_at_the_first_token_beyond_two_bytes() {
        let mut store = Narrowing::default();
        let tokens = [
            5,
            NOT_EVIDENCE,
            u32::from(u16::MAX),
            70_000,
            NOT_EVIDENCE,
            6,
        ];
        for (k, &token) in tokens.iter().enumerate() {
            store.push(EntryToken(token));
            assert_eq!(matches!(store, Narrowing::Wide(_)), k >= 2, "after {k}");
        }
        let read: Vec<u32> = (0..store.len()).map(|at| store.get(at).0).collect();
        assert_eq!(read, tokens);
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
