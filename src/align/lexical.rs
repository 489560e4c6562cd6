//! Lexical evidence: which words of the two documents translate each other.
//!
//! Before aligning, the *linker* extracts every sentence's anchors (see
//! [`crate::anchor`]) and keeps the keys found on both sides of the pair.
//! A bead's lexical evidence is then the weight of the keys its two sides
//! have in common against the weight of those they do not.

use std::collections::HashMap;

use crate::Lang;
use crate::anchor::lexicon::Lexicon;
use crate::anchor::sentence::SentenceAnchors;
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
pub fn link(en: &[Sentence], ru: &[Sentence], lexicon: &Lexicon) -> Keys {
    let en_anchors: Vec<SentenceAnchors> = en
        .iter()
        .map(|s| SentenceAnchors::new(&s.text, Lang::En, lexicon))
        .collect();
    let ru_anchors: Vec<SentenceAnchors> = ru
        .iter()
        .map(|s| SentenceAnchors::new(&s.text, Lang::Ru, lexicon))
        .collect();
    // Document frequency of each key per side (sentences holding it).
    let mut df: HashMap<u64, (u32, u32)> = HashMap::new();
    for (side, anchors) in [(0, &en_anchors), (1, &ru_anchors)] {
        for a in anchors {
            let mut last = None;
            for &(key, _) in a.keys() {
                if last != Some(key) {
                    let entry = df.entry(key).or_default();
                    if side == 0 {
                        entry.0 += 1
                    } else {
                        entry.1 += 1
                    }
                    last = Some(key);
                }
            }
        }
    }
    let mut ids: HashMap<u64, u32> = HashMap::new();
    let total = (en.len() + ru.len()).max(1) as f64;
    let mut lists = |anchors: &[SentenceAnchors]| -> Vec<Vec<(u32, f64)>> {
        anchors
            .iter()
            .map(|a| {
                let linked: Vec<(u64, u32)> = a
                    .keys()
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
