//! A lexicon learned from the text itself (Moore 2002).
//!
//! Moore's aligner first aligns by length, then trains IBM Model 1 on the
//! beads it is most sure of and aligns again with the word translation
//! probabilities. sverka does the same on top of its built-in lexicon: the
//! confident 1-1 beads of a first pass train Model 1 in both directions, and
//! the word pairs that are each other's best translation with a high
//! probability become new lexicon entries for a second pass. Words the
//! built-in lexicon lacks (archaic or technical vocabulary, names it cannot
//! transliterate) then anchor the alignment too.

use std::collections::HashMap;

use crate::Lang;
use crate::anchor::lexicon::Lexicon;
use crate::anchor::tokens::content_tokens;
use crate::{Alignment, Bead};

/// Beads at least this confident train the model.
const MIN_SCORE: f64 = 0.9;
/// Learned concept ids start here, far above any dictionary's, since the
/// aligner consults the learned lexicon beside the others.
const LEARNED_IDS: u32 = 1 << 30;
/// EM iterations (Model 1 converges in a handful).
const ITERATIONS: usize = 5;
/// A learned pair needs this translation probability in both directions.
const MIN_PROBABILITY: f64 = 0.3;
/// ...and to occur together in at least this many training beads.
const MIN_COUNT: u32 = 2;

/// Word-level training data: each bead as two lists of word ids.
#[derive(Default)]
pub struct Corpus {
    en_words: Vec<String>,
    ru_words: Vec<String>,
    en_ids: HashMap<String, u32>,
    ru_ids: HashMap<String, u32>,
    pairs: Vec<(Vec<u32>, Vec<u32>)>,
}

impl Corpus {
    /// Adds the confident 1-1 beads of an alignment.
    pub fn add(&mut self, alignment: &Alignment) {
        let confident = |b: &&Bead| b.score >= MIN_SCORE && b.en.len() == 1 && b.ru.len() == 1;
        for bead in alignment.beads.iter().filter(confident) {
            let en = ids(
                &alignment.en_text(bead),
                Lang::En,
                &mut self.en_ids,
                &mut self.en_words,
            );
            let ru = ids(
                &alignment.ru_text(bead),
                Lang::Ru,
                &mut self.ru_ids,
                &mut self.ru_words,
            );
            if !en.is_empty() && !ru.is_empty() {
                self.pairs.push((en, ru));
            }
        }
    }

    /// Trains Model 1 both ways and returns the pairs both directions agree on.
    pub fn learn(&self) -> Lexicon {
        let forward = train(self.pairs.iter().map(|(e, r)| (e.as_slice(), r.as_slice())));
        let backward = train(self.pairs.iter().map(|(e, r)| (r.as_slice(), e.as_slice())));
        let mut counts: HashMap<(u32, u32), u32> = HashMap::new();
        for (en, ru) in &self.pairs {
            for &e in en {
                for &r in ru {
                    *counts.entry((e, r)).or_default() += 1;
                }
            }
        }
        let best = |table: &HashMap<(u32, u32), f64>| {
            let mut best: HashMap<u32, (u32, f64)> = HashMap::new();
            for (&(source, target), &p) in table {
                let entry = best.entry(source).or_insert((target, 0.0));
                if p > entry.1 || (p == entry.1 && target < entry.0) {
                    *entry = (target, p);
                }
            }
            best
        };
        let (en_best, ru_best) = (best(&forward), best(&backward));
        let mut lexicon = Lexicon::new();
        let mut learned: Vec<(u32, u32)> = en_best
            .iter()
            .filter(|&(&e, &(r, p))| {
                p >= MIN_PROBABILITY
                    && ru_best
                        .get(&r)
                        .is_some_and(|&(back, q)| back == e && q >= MIN_PROBABILITY)
                    && counts.get(&(e, r)).is_some_and(|&c| c >= MIN_COUNT)
            })
            .map(|(&e, &(r, _))| (e, r))
            .collect();
        learned.sort_unstable();
        for (e, r) in learned {
            lexicon.add(&self.en_words[e as usize], &self.ru_words[r as usize]);
        }
        lexicon.shift_ids(LEARNED_IDS);
        lexicon
    }
}

/// Content words of a text as ids, interning new ones.
fn ids(
    text: &str,
    lang: Lang,
    index: &mut HashMap<String, u32>,
    words: &mut Vec<String>,
) -> Vec<u32> {
    content_tokens(text, lang)
        .into_iter()
        .filter(|t| !t.has_digit && t.text.chars().count() > 2)
        .map(|t| {
            *index.entry(t.text.clone()).or_insert_with(|| {
                words.push(t.text);
                words.len() as u32 - 1
            })
        })
        .collect()
}

/// IBM Model 1 by EM: `t(target | source)` for co-occurring words, with a
/// NULL source (`u32::MAX`) that absorbs words with no counterpart.
fn train<'a>(
    pairs: impl Iterator<Item = (&'a [u32], &'a [u32])> + Clone,
) -> HashMap<(u32, u32), f64> {
    const NULL: u32 = u32::MAX;
    let mut t: HashMap<(u32, u32), f64> = HashMap::new();
    for (source, target) in pairs.clone() {
        for &f in target {
            for &e in source.iter().chain([&NULL]) {
                t.insert((e, f), 1.0);
            }
        }
    }
    for _ in 0..ITERATIONS {
        let mut count: HashMap<(u32, u32), f64> = HashMap::with_capacity(t.len());
        let mut total: HashMap<u32, f64> = HashMap::new();
        for (source, target) in pairs.clone() {
            for &f in target {
                let z: f64 = source.iter().chain([&NULL]).map(|&e| t[&(e, f)]).sum();
                for &e in source.iter().chain([&NULL]) {
                    let c = t[&(e, f)] / z;
                    *count.entry((e, f)).or_default() += c;
                    *total.entry(e).or_default() += c;
                }
            }
        }
        for ((e, f), c) in count {
            t.insert((e, f), c / total[&e]);
        }
    }
    t.retain(|&(e, _), _| e != NULL);
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split::presplit;

    fn alignment(en: &[&str], ru: &[&str]) -> Alignment {
        let beads = (0..en.len())
            .map(|k| Bead {
                en: k..k + 1,
                ru: k..k + 1,
                score: 1.0,
            })
            .collect();
        Alignment {
            en: presplit(&en.join("\n")),
            ru: presplit(&ru.join("\n")),
            beads,
        }
    }

    #[test]
    fn learns_a_word_that_recurs_with_its_translation() {
        let mut corpus = Corpus::default();
        corpus.add(&alignment(
            &[
                "zorbs glimmer brightly",
                "zorbs sleep quietly",
                "birds glimmer",
            ],
            &["зорбы ярко мерцают", "зорбы тихо спят", "птицы мерцают"],
        ));
        let lexicon = corpus.learn();
        let en: Vec<u32> = lexicon.en_keys("zorbs").collect();
        let ru: Vec<u32> = lexicon.ru_keys("зорбы").collect();
        assert!(
            !en.is_empty() && en.iter().any(|k| ru.contains(k)),
            "{en:?} {ru:?}"
        );
        let glimmer: Vec<u32> = lexicon.en_keys("glimmer").collect();
        assert!(
            glimmer
                .iter()
                .any(|k| lexicon.ru_keys("мерцают").any(|r| r == *k))
        );
    }

    #[test]
    fn learns_nothing_from_unconfident_beads() {
        let mut a = alignment(
            &["zorbs glimmer", "zorbs sleep"],
            &["зорбы мерцают", "зорбы спят"],
        );
        for bead in &mut a.beads {
            bead.score = 0.5;
        }
        let mut corpus = Corpus::default();
        corpus.add(&a);
        assert!(corpus.learn().is_empty());
    }
}
