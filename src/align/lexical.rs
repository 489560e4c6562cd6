//! Lexical evidence: which words of the two documents translate each other.
//!
//! Before aligning, the *linker* extracts every sentence's anchors (see
//! [`crate::anchor`]) and keeps the keys found on both sides of the pair.
//! A bead's lexical evidence is then the weight of the keys its two sides
//! have in common against the weight of those they do not.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::RangeInclusive;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::Lang;
use crate::anchor::lexicon::Lexicon;
use crate::anchor::sentence::{Extractor, Extractors};
use crate::anchor::translit::to_latin;

/// Names shorter than this are left to the exact keys (Ким, Си).
const NAME_MIN_LEN: usize = 4;
/// Jaro–Winkler similarity from which two unlinked names are linked.
const NAME_SIMILARITY: f64 = 0.9;
use crate::split::Sentence;

/// Per-sentence key lists and key weights for one document pair.
pub struct Keys {
    /// Per sentence, `(key id, weight)` sorted by key id.
    en: Vec<Vec<(u32, f64)>>,
    ru: Vec<Vec<(u32, f64)>>,
    /// Total key weight of each sentence.
    en_total: Vec<f64>,
    ru_total: Vec<f64>,
    /// Key ids run from 0 to this.
    ids: usize,
}

/// Links the two documents' anchors and returns every sentence's keys.
///
/// An anchor key (a dictionary concept, a transliteration key, a number, a
/// month, an acronym) is kept only if it occurs on both sides of the pair.
/// A key weighs `ln(1 + N / df)` (N sentences in all, df of them holding the
/// key), shared out over the keys of its content token, so that a word with
/// two matching keys counts once, and a number found in two sentences of a
/// thousand counts far more than a word found in three hundred.
pub fn link(
    en: &[Sentence],
    ru: &[Sentence],
    lexicon: &Lexicon,
    learned: Option<&Lexicon>,
) -> Keys {
    let (mut en_anchors, en_names) = extract(en, Lang::En, lexicon, learned);
    let (mut ru_anchors, ru_names) = extract(ru, Lang::Ru, lexicon, learned);
    let mut df = document_frequencies(&en_anchors, &ru_anchors);
    let en_names = unlinked_names(en_names, &en_anchors, &df);
    let ru_names = unlinked_names(ru_names, &ru_anchors, &df);
    link_names(
        &en_names,
        &ru_names,
        &mut en_anchors,
        &mut ru_anchors,
        &mut df,
    );
    // Ids in order of first occurrence, English side first, so that runs
    // are reproducible; the weights are then worked out in parallel.
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let linked = |k: &u64| is_linked(&df, k);
    for (key, _) in en_anchors.iter().chain(&ru_anchors).flatten() {
        if linked(key) {
            let next = ids.len() as u32;
            ids.entry(*key).or_insert(next);
        }
    }
    let total = (en.len() + ru.len()).max(1) as f64;
    let lists = |anchors: &[Vec<(u64, u32)>]| -> Vec<Vec<(u32, f64)>> {
        anchors
            .par_iter()
            .map(|a| {
                let linked: Vec<(u64, u32)> =
                    a.iter().copied().filter(|(k, _)| linked(k)).collect();
                // Keys per content token, to share the token's weight out
                // (counted once, so that a long sentence costs linear time).
                let mut per_token: FxHashMap<u32, u32> = FxHashMap::default();
                for &(_, token) in &linked {
                    *per_token.entry(token).or_default() += 1;
                }
                let mut list: Vec<(u32, f64)> = linked
                    .iter()
                    .map(|&(k, token)| {
                        let (e, r) = df[&k];
                        let weight = (1.0 + total / f64::from(e + r)).ln();
                        (ids[&k], weight / f64::from(per_token[&token]))
                    })
                    .collect();
                list.sort_unstable_by_key(|e| e.0);
                list
            })
            .collect()
    };
    let en_lists = lists(&en_anchors);
    let ru_lists = lists(&ru_anchors);
    let totals = |lists: &[Vec<(u32, f64)>]| -> Vec<f64> {
        lists
            .iter()
            .map(|l| l.iter().map(|&(_, w)| w).sum())
            .collect()
    };
    Keys {
        ids: ids.len(),
        en_total: totals(&en_lists),
        ru_total: totals(&ru_lists),
        en: en_lists,
        ru: ru_lists,
    }
}

/// Sentences extracted at a time.
const EXTRACT_CHUNK: usize = 2048;

/// A capitalised word that may be a name, as `(lowercased Latin form,
/// sentence, content token index)`.
type Name = (String, usize, u32);

/// A sentence's anchors as `(key, content token index)`, sorted.
type Anchors = Vec<(u64, u32)>;

/// Every sentence's anchors as `(key, content token index)` sorted, and the
/// words that may be names (see [`link_names`]), in document order.
fn extract(
    sentences: &[Sentence],
    lang: Lang,
    lexicon: &Lexicon,
    learned: Option<&Lexicon>,
) -> (Vec<Anchors>, Vec<Name>) {
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let mut extractor = Extractor::new(lexicon, lang, Extractors::default());
    let mut more = learned.map(|l| Extractor::new(l, lang, Extractors::LEXICON_ONLY));
    let (mut anchors, mut names) = (Vec::with_capacity(texts.len()), Vec::new());
    // A chunk at a time, so that the extractor's per-token working data
    // never exists for a whole book at once (the extractors remember the
    // words they have seen across chunks).
    for (c, chunk) in texts.chunks(EXTRACT_CHUNK).enumerate() {
        let first = c * EXTRACT_CHUNK;
        let found = extractor.anchors_of_all(chunk);
        let more = more.as_mut().map(|m| m.anchors_of_all(chunk));
        let (chunk_anchors, chunk_names): (Vec<Anchors>, Vec<Vec<Name>>) = found
            .into_par_iter()
            .enumerate()
            .map(|(k, found)| {
                let names = found
                    .capitalised
                    .into_iter()
                    .filter(|(_, word)| word.chars().count() >= NAME_MIN_LEN)
                    .map(|(i, word)| {
                        let latin = match lang {
                            Lang::En => word,
                            Lang::Ru => to_latin(&word),
                        };
                        (latin, first + k, i)
                    })
                    .collect();
                let mut keys = found.anchors.into_keys();
                // Sentences are assembled in roomy buffers; a book's worth
                // of them would be three times the memory the keys need.
                keys.shrink_to_fit();
                (keys, names)
            })
            .unzip();
        let start = anchors.len();
        anchors.extend(chunk_anchors);
        names.extend(chunk_names.into_iter().flatten());
        if let Some(more) = more {
            for (keys, more) in anchors[start..].iter_mut().zip(more) {
                keys.extend(more.anchors.into_keys());
                keys.sort_unstable();
            }
        }
    }
    (anchors, names)
}

/// A key found on both sides of the pair (the only keys that can match).
fn is_linked(df: &FxHashMap<u64, (u32, u32)>, key: &u64) -> bool {
    df.get(key).is_some_and(|&(e, r)| e > 0 && r > 0)
}

/// Sentences holding each key, per side.
fn document_frequencies(
    en: &[Vec<(u64, u32)>],
    ru: &[Vec<(u64, u32)>],
) -> FxHashMap<u64, (u32, u32)> {
    let mut df: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    for (side, anchors) in [(0, en), (1, ru)] {
        for keys in anchors {
            let mut last = None;
            for &(key, _) in keys {
                if last != Some(key) {
                    let entry = df.entry(key).or_default();
                    if side == 0 {
                        entry.0 += 1;
                    } else {
                        entry.1 += 1;
                    }
                    last = Some(key);
                }
            }
        }
    }
    df
}

/// The `names` with no key shared across the pair.
fn unlinked_names(
    names: Vec<Name>,
    anchors: &[Vec<(u64, u32)>],
    df: &FxHashMap<u64, (u32, u32)>,
) -> Vec<Name> {
    // The (sentence, token) pairs with a linked key, gathered once: asking
    // each name's sentence again would be quadratic in sentence length.
    let mut linked: HashSet<(usize, u32)> = HashSet::new();
    let mut seen: HashSet<usize> = HashSet::new();
    for &(_, k, _) in &names {
        if !seen.insert(k) {
            continue;
        }
        for (key, t) in &anchors[k] {
            if is_linked(df, key) {
                linked.insert((k, *t));
            }
        }
    }
    names
        .into_iter()
        .filter(|&(_, k, i)| !linked.contains(&(k, i)))
        .collect()
}

/// Links names that no exact key matched (spelling variants the
/// transliteration keys miss: Chung ~ Чон, Vladivostok ~ Владивостоке) by
/// comparing their Latin forms with Jaro–Winkler similarity (`strsim`).
/// Only capitalised words left unlinked are compared (`en_names`,
/// `ru_names`), each English type with the Russian types that share its
/// first letter. The keys added are counted into `df`.
fn link_names(
    en_names: &[Name],
    ru_names: &[Name],
    en_anchors: &mut [Vec<(u64, u32)>],
    ru_anchors: &mut [Vec<(u64, u32)>],
    df: &mut FxHashMap<u64, (u32, u32)>,
) {
    // Russian types by first letter, each once, in order of appearance.
    let mut ru_by_letter: HashMap<char, Vec<&str>> = HashMap::new();
    let mut seen = HashSet::new();
    for (latin, _, _) in ru_names {
        if let Some(first) = latin.chars().next()
            && seen.insert(latin.as_str())
        {
            ru_by_letter.entry(first).or_default().push(latin);
        }
    }
    let mut seen = HashSet::new();
    let en_types: Vec<&str> = en_names
        .iter()
        .map(|(latin, _, _)| latin.as_str())
        .filter(|latin| seen.insert(*latin))
        .collect();
    // English type -> the Russian type it is most similar to, if close enough.
    let matches: HashMap<&str, &str> = en_types
        .into_par_iter()
        .filter_map(|latin| {
            let candidates = latin.chars().next().and_then(|c| ru_by_letter.get(&c))?;
            let best = candidates
                .iter()
                .map(|r| (strsim::jaro_winkler(latin, r), *r))
                .filter(|(score, _)| *score >= NAME_SIMILARITY)
                .max_by(|x, y| x.0.total_cmp(&y.0));
            best.map(|(_, r)| (latin, r))
        })
        .collect();
    if matches.is_empty() {
        return;
    }
    let key = |ru_latin: &str| {
        let mut h = DefaultHasher::new();
        ("fuzzy-name", ru_latin).hash(&mut h);
        h.finish()
    };
    let ru_matched: HashSet<&str> = matches.values().copied().collect();
    // Sentences that got each new key, per side (a sentence counts once
    // however many of its words got the key).
    let mut added: HashSet<(u64, usize, bool)> = HashSet::new();
    for (latin, k, i) in en_names {
        if let Some(r) = matches.get(latin.as_str()) {
            en_anchors[*k].push((key(r), *i));
            added.insert((key(r), *k, true));
        }
    }
    for (latin, k, i) in ru_names {
        if ru_matched.contains(latin.as_str()) {
            ru_anchors[*k].push((key(latin), *i));
            added.insert((key(latin), *k, false));
        }
    }
    // Each sentence that got keys is sorted once, not once per key.
    let touched: HashSet<(usize, bool)> = added.iter().map(|&(_, k, e)| (k, e)).collect();
    for (k, english) in touched {
        let anchors = if english {
            &mut en_anchors[k]
        } else {
            &mut ru_anchors[k]
        };
        anchors.sort_unstable();
    }
    for (key, _, english) in added {
        let entry = df.entry(key).or_default();
        if english {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
}

impl Keys {
    /// How many keys all sentences hold together (the aligner's work per
    /// cell grows with it).
    pub fn count(&self) -> usize {
        self.en.iter().chain(&self.ru).map(Vec::len).sum()
    }

    /// The keys of blocks of `size` consecutive sentences, each block keeping
    /// only its `keep` rarest distinct keys: enough to place a block, at a
    /// bounded cost per bead.
    pub fn blocks(&self, size: usize, keep: usize) -> Keys {
        let group = |lists: &[Vec<(u32, f64)>]| -> Vec<Vec<(u32, f64)>> {
            lists.chunks(size).map(|c| c.concat()).collect()
        };
        let mut out = Keys {
            ids: self.ids,
            en: group(&self.en),
            ru: group(&self.ru),
            en_total: Vec::new(),
            ru_total: Vec::new(),
        };
        out.en_total = vec![0.0; out.en.len()];
        out.ru_total = vec![0.0; out.ru.len()];
        out.keep_rarest(keep);
        out
    }

    /// Keeps, per sentence, only the `keep` rarest distinct keys.
    fn keep_rarest(&mut self, keep: usize) {
        let thin = |lists: &mut Vec<Vec<(u32, f64)>>, totals: &mut Vec<f64>| {
            for (list, total) in lists.iter_mut().zip(totals.iter_mut()) {
                list.sort_unstable_by_key(|e| e.0);
                list.dedup_by_key(|e| e.0);
                list.sort_by(|x, y| y.1.total_cmp(&x.1));
                list.truncate(keep);
                list.sort_unstable_by_key(|e| e.0);
                *total = list.iter().map(|&(_, w)| w).sum();
            }
        };
        thin(&mut self.en, &mut self.en_total);
        thin(&mut self.ru, &mut self.ru_total);
    }

    /// The merged keys of English runs ending at each of `ends` (see [`Runs`]).
    pub fn en_runs(&self, ends: RangeInclusive<usize>) -> Runs {
        Runs::new(&self.en, ends)
    }

    /// The merged keys of Russian runs ending at each of `ends`.
    pub fn ru_runs(&self, ends: RangeInclusive<usize>) -> Runs {
        Runs::new(&self.ru, ends)
    }

    /// The total anchor weight of the bead `en[i - a..i]` ~ `ru[j - b..j]`,
    /// both sides together.
    pub fn total(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        self.en_total[i - a..i].iter().sum::<f64>() + self.ru_total[j - b..j].iter().sum::<f64>()
    }
}

pub use super::shape::MAX_RUN;

/// The keys of every run of one to [`MAX_RUN`] consecutive sentences that
/// ends at a position of a range, each run's lists merged once into one
/// sorted slice. The aligner costs every bead of a row against the same few
/// runs, so merging them once per run instead of once per bead, and keeping
/// ids and weights in flat arrays, is what keeps the inner loop to a plain
/// merge of two slices.
pub struct Runs {
    first: usize,
    /// `starts[MAX_RUN * (end - first) + len - 1]` is where the run of `len`
    /// sentences ending at `end` starts in `ids` / `weights` (one more entry
    /// closes the last run).
    starts: Vec<usize>,
    ids: Vec<u32>,
    weights: Vec<f64>,
}

impl Runs {
    fn new(lists: &[Vec<(u32, f64)>], ends: RangeInclusive<usize>) -> Runs {
        let first = *ends.start();
        let mut runs = Runs {
            first,
            starts: Vec::with_capacity(MAX_RUN * ends.clone().count() + 1),
            ids: Vec::new(),
            weights: Vec::new(),
        };
        let mut run: Vec<(u32, f64)> = Vec::new();
        for end in ends {
            for len in 1..=MAX_RUN {
                runs.starts.push(runs.ids.len());
                if len > end || end > lists.len() {
                    continue;
                }
                run.clear();
                for list in &lists[end - len..end] {
                    run.extend_from_slice(list);
                }
                // Stable: equal keys stay in sentence order, so a run pairs
                // its keys with the other side's exactly as a merge of the
                // sentences' own lists would.
                run.sort_by_key(|e| e.0);
                runs.ids.extend(run.iter().map(|e| e.0));
                runs.weights.extend(run.iter().map(|e| e.1));
            }
        }
        runs.starts.push(runs.ids.len());
        runs
    }

    /// The keys of the `len` sentences ending at `end`.
    pub fn get(&self, end: usize, len: usize) -> (&[u32], &[f64]) {
        let slot = MAX_RUN * (end - self.first) + len - 1;
        let range = self.starts[slot]..self.starts[slot + 1];
        (&self.ids[range.clone()], &self.weights[range])
    }
}

/// Finds the key weight one run shares with many others: the run's keys go
/// into a table indexed by key id once, and each other run is then one pass
/// over its own keys, with no merging and no comparison between the two
/// lists' positions (the aligner's inner loop).
pub struct Matcher<'a> {
    slots: Vec<Slot>,
    /// Marks the slots of the run loaded last, so loading needs no clearing.
    stamp: u32,
    weights: &'a [f64],
}

#[derive(Clone, Copy, Default)]
struct Slot {
    stamp: u32,
    /// How often the key occurs in the loaded run.
    count: u32,
    /// Where its first occurrence is in the run.
    first: u32,
}

impl<'a> Matcher<'a> {
    /// A matcher for runs of `keys`' documents.
    pub fn new(keys: &Keys) -> Matcher<'a> {
        Matcher {
            slots: vec![Slot::default(); keys.ids],
            stamp: 0,
            weights: &[],
        }
    }

    /// Makes `(ids, weights)` (a run, sorted by id) the run to match against.
    pub fn load(&mut self, (ids, weights): (&[u32], &'a [f64])) {
        self.stamp += 1;
        self.weights = weights;
        for (k, &id) in ids.iter().enumerate() {
            let slot = &mut self.slots[id as usize];
            if slot.stamp == self.stamp {
                slot.count += 1;
            } else {
                *slot = Slot {
                    stamp: self.stamp,
                    count: 1,
                    first: k as u32,
                };
            }
        }
    }

    /// Twice the weight of the keys the loaded run and `(ids, weights)`
    /// (sorted by id) share, as multisets: the `t`-th occurrence of a key on
    /// one side pairs with its `t`-th occurrence on the other, if any.
    pub fn common(&self, (ids, weights): (&[u32], &[f64])) -> f64 {
        let (mut sum, mut previous, mut t) = (0.0, u32::MAX, 0);
        for (&id, &w) in ids.iter().zip(weights) {
            t = if id == previous { t + 1 } else { 0 };
            previous = id;
            let slot = self.slots[id as usize];
            if slot.stamp == self.stamp && t < slot.count {
                sum += self.weights[(slot.first + t) as usize] + w;
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split::presplit;

    /// The name candidates of two presplit texts, every one left unlinked.
    fn names(en: &str, ru: &str) -> (Vec<Name>, Vec<Name>) {
        let lex = Lexicon::builtin();
        let (_, en) = extract(&presplit(en), Lang::En, lex, None);
        let (_, ru) = extract(&presplit(ru), Lang::Ru, lex, None);
        (en, ru)
    }

    #[test]
    fn links_unlinked_names_by_jaro_winkler() {
        let (en, ru) = names(
            "Mr Zbrovsky arrived late.\nNobody came.\n",
            "Господин Збровски опоздал.\nНикто не пришёл.\n",
        );
        let (mut e, mut r) = (vec![Vec::new(); 2], vec![Vec::new(); 2]);
        let mut df = FxHashMap::default();
        link_names(&en, &ru, &mut e, &mut r, &mut df);
        assert_eq!(e[0].len(), 1, "{e:?}");
        assert_eq!(r[0].len(), 1, "{r:?}");
        assert_eq!(e[0][0].0, r[0][0].0);
        assert!(e[1].is_empty() && r[1].is_empty());
        // The new key is counted as document_frequencies would count it.
        assert_eq!(df, document_frequencies(&e, &r));
        assert_eq!(df[&e[0][0].0], (1, 1));
    }

    #[test]
    fn leaves_dissimilar_names_apart() {
        let (en, ru) = names("Mr Zbrovsky arrived.\n", "Господин Петров опоздал.\n");
        let (mut e, mut r) = (vec![Vec::new()], vec![Vec::new()]);
        let mut df = FxHashMap::default();
        link_names(&en, &ru, &mut e, &mut r, &mut df);
        assert!(e[0].is_empty() && r[0].is_empty() && df.is_empty());
    }

    fn keys_of(en: Vec<Vec<(u32, f64)>>, ru: Vec<Vec<(u32, f64)>>) -> Keys {
        let total = |l: &[Vec<(u32, f64)>]| l.iter().map(|s| s.iter().map(|e| e.1).sum()).collect();
        Keys {
            en_total: total(&en),
            ru_total: total(&ru),
            en,
            ru,
            ids: 10,
        }
    }

    #[test]
    fn matcher_pairs_repeated_keys_as_multisets() {
        // English: key 1 twice (weights 1 and 2), key 3 once; Russian: key 1
        // once, key 3 twice. Shared: the first 1 and the one 3.
        let keys = keys_of(
            vec![vec![(1, 1.0), (1, 2.0), (3, 4.0)]],
            vec![vec![(1, 10.0), (3, 20.0), (3, 40.0)]],
        );
        let (en, ru) = (keys.en_runs(1..=1), keys.ru_runs(1..=1));
        let mut matcher = Matcher::new(&keys);
        matcher.load(en.get(1, 1));
        assert_eq!(matcher.common(ru.get(1, 1)), 1.0 + 10.0 + 4.0 + 20.0);
    }

    #[test]
    fn runs_merge_consecutive_sentences_in_key_order() {
        let keys = keys_of(
            vec![vec![(2, 1.0)], vec![(1, 1.0), (2, 5.0)], vec![(7, 1.0)]],
            vec![vec![(2, 3.0), (2, 9.0)]],
        );
        let en = keys.en_runs(2..=3);
        assert_eq!(en.get(2, 2).0, [1, 2, 2]);
        assert_eq!(en.get(2, 2).1, [1.0, 1.0, 5.0]);
        assert_eq!(en.get(3, 3).0, [1, 2, 2, 7]);
        assert_eq!(keys.total(3, 3, 1, 1), 8.0 + 12.0);
        // A run of two sentences shares both of its 2s, in sentence order.
        let ru = keys.ru_runs(1..=1);
        let mut matcher = Matcher::new(&keys);
        matcher.load(en.get(2, 2));
        assert_eq!(matcher.common(ru.get(1, 1)), 1.0 + 3.0 + 5.0 + 9.0);
        matcher.load(en.get(3, 1));
        assert_eq!(matcher.common(ru.get(1, 1)), 0.0);
    }

    #[test]
    fn shared_rare_keys_outweigh_common_ones() {
        let en = presplit("In 2019 the talks began.\nThe talks went on.\nThe talks ended.\n");
        let ru = presplit(
            "В 2019 году начались переговоры.\nПереговоры шли.\nПереговоры закончились.\n",
        );
        let keys = link(&en, &ru, Lexicon::builtin(), None);
        // Both pairs share "talks"; only the first also shares 2019, which
        // occurs once on each side and so weighs more than "talks" (six times).
        let (en, ru) = (keys.en_runs(0..=3), keys.ru_runs(0..=3));
        let mut matcher = Matcher::new(&keys);
        matcher.load(en.get(1, 1));
        let first = matcher.common(ru.get(1, 1));
        matcher.load(en.get(2, 1));
        let second = matcher.common(ru.get(2, 1));
        assert!(second > 0.0);
        assert!(first > second, "{first} vs {second}");
    }
}
