//! Lexical evidence: which words of the two documents translate each other.
//!
//! Before aligning, the *linker* looks at the word types of both documents
//! and links an English type to a Russian type when they are the same number,
//! the same Latin token, or the same word once the Russian is transliterated
//! (names and loanwords). Every linked pair becomes a *key*; each sentence is
//! then the sorted list of its keys, and a bead's lexical similarity is the
//! weighted share of keys its two sides have in common. Rare keys weigh more:
//! a number that occurs once in each text says much, "1" little.

use std::collections::HashMap;

use crate::split::Sentence;

/// Per-sentence key lists and key weights for one document pair.
pub struct Keys {
    en: Vec<Vec<u32>>,
    ru: Vec<Vec<u32>>,
    weight: Vec<f64>,
    /// Total key weight of each sentence.
    en_total: Vec<f64>,
    ru_total: Vec<f64>,
}

/// Words of a sentence: lowercased runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c| c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// A crude Cyrillic-to-Latin transliteration for matching names.
fn translit(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let s = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' => "e",
            'ё' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' => "i",
            'й' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' | 'ь' => "",
            'ы' => "y",
            'э' => "e",
            'ю' => "yu",
            'я' => "ya",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(s);
    }
    out
}

/// Folds spelling differences between English and transliterated Russian.
fn skeleton(latin: &str) -> String {
    let s = latin
        .replace("ph", "f")
        .replace("th", "t")
        .replace("ch", "c")
        .replace("kh", "h")
        .replace('k', "c")
        .replace('w', "v")
        .replace(['y', 'j'], "i")
        .replace('x', "cs")
        .replace('q', "c");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if out.ends_with(c) {
            continue; // doubled letters
        }
        out.push(c);
    }
    out
}

/// The part of a word that survives inflection, for cognate matching.
fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Links the two documents' words and returns every sentence's keys.
pub fn link(en: &[Sentence], ru: &[Sentence]) -> Keys {
    let en_words: Vec<Vec<String>> = en.iter().map(|s| words(&s.text).collect()).collect();
    let ru_words: Vec<Vec<String>> = ru.iter().map(|s| words(&s.text).collect()).collect();
    // Key of a word: numbers and Latin tokens as they are; other words by
    // the first letters of their skeleton.
    let key_of = |w: &str, russian: bool| -> Option<String> {
        if w.chars().all(|c| c.is_ascii_digit()) {
            return Some(format!("#{w}"));
        }
        if w.chars().count() < 4 {
            return None;
        }
        let latin = if russian && is_cyrillic(w) {
            translit(w)
        } else if !russian && !is_cyrillic(w) {
            w.to_string()
        } else {
            return None;
        };
        let sk = skeleton(&latin);
        Some(prefix(&sk, 5).to_string())
    };
    let mut en_keys: HashMap<String, usize> = HashMap::new();
    for ws in &en_words {
        for w in ws {
            if let Some(k) = key_of(w, false) {
                *en_keys.entry(k).or_default() += 1;
            }
        }
    }
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut df: Vec<usize> = Vec::new();
    let mut ru_lists = Vec::with_capacity(ru.len());
    for ws in &ru_words {
        let mut list = Vec::new();
        for w in ws {
            let Some(k) = key_of(w, true) else { continue };
            if !en_keys.contains_key(&k) {
                continue;
            }
            let next = ids.len() as u32;
            let id = *ids.entry(k).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            df[id as usize] += 1;
            list.push(id);
        }
        list.sort_unstable();
        ru_lists.push(list);
    }
    let mut en_lists = Vec::with_capacity(en.len());
    for ws in &en_words {
        let mut list = Vec::new();
        for w in ws {
            if let Some(id) = key_of(w, false).and_then(|k| ids.get(&k).copied()) {
                df[id as usize] += 1;
                list.push(id);
            }
        }
        list.sort_unstable();
        en_lists.push(list);
    }
    let total = (en.len() + ru.len()).max(1) as f64;
    let weight: Vec<f64> = df
        .iter()
        .map(|&d| (1.0 + total / d.max(1) as f64).ln())
        .collect();
    let totals = |lists: &[Vec<u32>]| -> Vec<f64> {
        lists
            .iter()
            .map(|l| l.iter().map(|&k| weight[k as usize]).sum())
            .collect()
    };
    Keys {
        en_total: totals(&en_lists),
        ru_total: totals(&ru_lists),
        en: en_lists,
        ru: ru_lists,
        weight,
    }
}

impl Keys {
    /// Keeps, per sentence, only the `keep` rarest distinct keys: enough to
    /// place a block of sentences, at a bounded cost per bead.
    pub fn keep_rarest(&mut self, keep: usize) {
        let weight = &self.weight;
        let thin = |lists: &mut Vec<Vec<u32>>, totals: &mut Vec<f64>| {
            for (list, total) in lists.iter_mut().zip(totals.iter_mut()) {
                list.dedup();
                list.sort_by(|x, y| weight[*y as usize].total_cmp(&weight[*x as usize]));
                list.truncate(keep);
                list.sort_unstable();
                *total = list.iter().map(|&k| weight[k as usize]).sum();
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
        let common = self.common(
            Merged::new(&self.en[i..i + a]),
            Merged::new(&self.ru[j..j + b]),
        );
        (common, total)
    }

    /// Twice the weight of the keys two sorted sequences share (as multisets).
    fn common(&self, mut e: Merged<'_>, mut r: Merged<'_>) -> f64 {
        let (mut x, mut y, mut common) = (e.next(), r.next(), 0.0);
        while let (Some(kx), Some(ky)) = (x, y) {
            match kx.cmp(&ky) {
                std::cmp::Ordering::Less => x = e.next(),
                std::cmp::Ordering::Greater => y = r.next(),
                std::cmp::Ordering::Equal => {
                    common += 2.0 * self.weight[kx as usize];
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
    lists: [&'a [u32]; 3],
}

impl<'a> Merged<'a> {
    fn new(lists: &'a [Vec<u32>]) -> Self {
        let mut out = Merged { lists: [&[]; 3] };
        for (slot, list) in out.lists.iter_mut().zip(lists) {
            *slot = list;
        }
        out
    }
}

impl Iterator for Merged<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let mut pick: Option<usize> = None;
        for k in 0..3 {
            if let Some(&head) = self.lists[k].first()
                && pick.is_none_or(|p| head < self.lists[p][0])
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
