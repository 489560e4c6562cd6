//! Lexical evidence: which words of the two documents translate each other.
//!
//! Before aligning, the *linker* extracts every sentence's anchors (see
//! [`crate::anchor`]) and keeps the keys found on both sides of the pair.
//! A bead's lexical evidence is then the weight of the keys its two sides
//! have in common against the weight of those they do not.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

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
    if link_names(&en_names, &ru_names, &mut en_anchors, &mut ru_anchors) {
        df = document_frequencies(&en_anchors, &ru_anchors);
    }
    let mut ids: HashMap<u64, u32> = HashMap::new();
    let total = (en.len() + ru.len()).max(1) as f64;
    let mut lists = |anchors: &[Vec<(u64, u32)>]| -> Vec<Vec<(u32, f64)>> {
        anchors
            .iter()
            .map(|a| {
                let linked: Vec<(u64, u32)> = a
                    .iter()
                    .copied()
                    .filter(|(k, _)| df.get(k).is_some_and(|&(e, r)| e > 0 && r > 0))
                    .collect();
                // Keys per content token, to share the token's weight out.
                let mut per_token: HashMap<u32, u32> = HashMap::new();
                for &(_, token) in &linked {
                    *per_token.entry(token).or_default() += 1;
                }
                let mut list: Vec<(u32, f64)> = linked
                    .iter()
                    .map(|&(k, token)| {
                        let (e, r) = df[&k];
                        let next = ids.len() as u32;
                        let id = *ids.entry(k).or_insert(next);
                        let weight = (1.0 + total / f64::from(e + r)).ln();
                        (id, weight / f64::from(per_token[&token]))
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
        en_total: totals(&en_lists),
        ru_total: totals(&ru_lists),
        en: en_lists,
        ru: ru_lists,
    }
}

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
    let only_lexicon = Extractors {
        lexicon: true,
        names: false,
        numbers: false,
        months: false,
        fixed: false,
    };
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let found = Extractor::new(lexicon, lang, Extractors::default()).anchors_of_all(&texts);
    let more = learned.map(|l| Extractor::new(l, lang, only_lexicon).anchors_of_all(&texts));
    let (mut anchors, names): (Vec<Anchors>, Vec<Vec<Name>>) = found
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
                    (latin, k, i)
                })
                .collect();
            (found.anchors.into_keys(), names)
        })
        .unzip();
    if let Some(more) = more {
        for (keys, more) in anchors.iter_mut().zip(more) {
            keys.extend(more.anchors.into_keys());
            keys.sort_unstable();
        }
    }
    (anchors, names.into_iter().flatten().collect())
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
    names
        .into_iter()
        .filter(|&(_, k, i)| {
            !anchors[k]
                .iter()
                .any(|(key, t)| *t == i && df.get(key).is_some_and(|&(e, r)| e > 0 && r > 0))
        })
        .collect()
}

/// Links names that no exact key matched (spelling variants the
/// transliteration keys miss: Chung ~ Чон, Vladivostok ~ Владивостоке) by
/// comparing their Latin forms with Jaro–Winkler similarity (`strsim`).
/// Only capitalised words left unlinked are compared (`en_names`,
/// `ru_names`), each English type with the Russian types that share its
/// first letter. Returns whether any key was added.
fn link_names(
    en_names: &[Name],
    ru_names: &[Name],
    en_anchors: &mut [Vec<(u64, u32)>],
    ru_anchors: &mut [Vec<(u64, u32)>],
) -> bool {
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
        return false;
    }
    let key = |ru_latin: &str| {
        let mut h = DefaultHasher::new();
        ("fuzzy-name", ru_latin).hash(&mut h);
        h.finish()
    };
    let ru_matched: HashSet<&str> = matches.values().copied().collect();
    for (latin, k, i) in en_names {
        if let Some(r) = matches.get(latin.as_str()) {
            en_anchors[*k].push((key(r), *i));
            en_anchors[*k].sort_unstable();
        }
    }
    for (latin, k, i) in ru_names {
        if ru_matched.contains(latin.as_str()) {
            ru_anchors[*k].push((key(latin), *i));
            ru_anchors[*k].sort_unstable();
        }
    }
    true
}

impl Keys {
    /// The keys of blocks of `size` consecutive sentences, each block keeping
    /// only its `keep` rarest distinct keys: enough to place a block, at a
    /// bounded cost per bead.
    pub fn blocks(&self, size: usize, keep: usize) -> Keys {
        let group = |lists: &[Vec<(u32, f64)>]| -> Vec<Vec<(u32, f64)>> {
            lists.chunks(size).map(|c| c.concat()).collect()
        };
        let mut out = Keys {
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

    /// The anchor weight the two sides of the bead `en[i..i+a]` ~ `ru[j..j+b]`
    /// share (counted on both sides), and the total weight on both sides.
    pub fn overlap(&self, i: usize, a: usize, j: usize, b: usize) -> (f64, f64) {
        let total: f64 = self.en_total[i..i + a].iter().sum::<f64>()
            + self.ru_total[j..j + b].iter().sum::<f64>();
        if total == 0.0 {
            return (0.0, 0.0);
        }
        let common = match (a, b) {
            // Most beads are 1-1: their lists need no merging.
            (1, 1) => self.common(self.en[i].iter().copied(), self.ru[j].iter().copied()),
            _ => self.common(
                Merged::new(&self.en[i..i + a]),
                Merged::new(&self.ru[j..j + b]),
            ),
        };
        (common, total)
    }

    /// Twice the weight of the keys two sorted sequences share (as multisets).
    fn common(
        &self,
        mut e: impl Iterator<Item = (u32, f64)>,
        mut r: impl Iterator<Item = (u32, f64)>,
    ) -> f64 {
        let (mut x, mut y, mut common) = (e.next(), r.next(), 0.0);
        while let (Some((kx, wx)), Some((ky, wy))) = (x, y) {
            match kx.cmp(&ky) {
                std::cmp::Ordering::Less => x = e.next(),
                std::cmp::Ordering::Greater => y = r.next(),
                std::cmp::Ordering::Equal => {
                    common += wx + wy;
                    x = e.next();
                    y = r.next();
                }
            }
        }
        common
    }
}

/// The keys of up to three consecutive sentences in sorted order, merged on
/// the fly from their sorted lists (no allocation in the aligner's inner loop).
struct Merged<'a> {
    lists: [&'a [(u32, f64)]; 3],
}

impl<'a> Merged<'a> {
    fn new(lists: &'a [Vec<(u32, f64)>]) -> Self {
        let mut out = Merged { lists: [&[]; 3] };
        for (slot, list) in out.lists.iter_mut().zip(lists) {
            *slot = list;
        }
        out
    }
}

impl Iterator for Merged<'_> {
    type Item = (u32, f64);

    fn next(&mut self) -> Option<(u32, f64)> {
        let mut pick: Option<usize> = None;
        for k in 0..3 {
            if let Some(&head) = self.lists[k].first()
                && pick.is_none_or(|p| head.0 < self.lists[p][0].0)
            {
                pick = Some(k);
            }
        }
        let k = pick?;
        let (&head, rest) = self.lists[k].split_first()?;
        self.lists[k] = rest;
        Some(head)
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
        assert!(link_names(&en, &ru, &mut e, &mut r));
        assert_eq!(e[0].len(), 1, "{e:?}");
        assert_eq!(r[0].len(), 1, "{r:?}");
        assert_eq!(e[0][0].0, r[0][0].0);
        assert!(e[1].is_empty() && r[1].is_empty());
    }

    #[test]
    fn leaves_dissimilar_names_apart() {
        let (en, ru) = names("Mr Zbrovsky arrived.\n", "Господин Петров опоздал.\n");
        let (mut e, mut r) = (vec![Vec::new()], vec![Vec::new()]);
        assert!(!link_names(&en, &ru, &mut e, &mut r));
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
        let (first, _) = keys.overlap(0, 1, 0, 1);
        let (second, _) = keys.overlap(1, 1, 1, 1);
        assert!(second > 0.0);
        assert!(first > second, "{first} vs {second}");
    }
}
