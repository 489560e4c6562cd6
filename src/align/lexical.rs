//! Lexical evidence: which words of the two documents translate each other.
//!
//! Before aligning, the *linker* looks at the word types of both documents
//! and links an English type to a Russian type when they are the same number,
//! the same Latin token, or the same word once the Russian is transliterated
//! (names and loanwords). Every linked pair becomes a *key*; each sentence is
//! then the sorted list of its keys, and a bead's lexical similarity is the
//! weighted share of keys its two sides have in common. Rare keys weigh more:
//! a number that occurs once in each text says much, "1" little.

use std::cell::RefCell;
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
    /// Reused buffers for multi-sentence beads.
    scratch: RefCell<(Vec<u32>, Vec<u32>)>,
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
        scratch: RefCell::default(),
    }
}

impl Keys {
    /// The anchor weight the two sides of the bead `en[i..i+a]` ~ `ru[j..j+b]`
    /// share (counted on both sides), and the total weight on both sides.
    pub fn overlap(&self, i: usize, a: usize, j: usize, b: usize) -> (f64, f64) {
        let total: f64 = self.en_total[i..i + a].iter().sum::<f64>()
            + self.ru_total[j..j + b].iter().sum::<f64>();
        if total == 0.0 {
            return (0.0, 0.0);
        }
        let common = if a == 1 && b == 1 {
            self.common(&self.en[i], &self.ru[j])
        } else {
            let mut scratch = self.scratch.borrow_mut();
            let (e, r) = &mut *scratch;
            gather(e, &self.en[i..i + a]);
            gather(r, &self.ru[j..j + b]);
            self.common(e, r)
        };
        (common, total)
    }

    /// Twice the weight of the keys two sorted lists share (as multisets).
    fn common(&self, e: &[u32], r: &[u32]) -> f64 {
        let (mut x, mut y, mut common) = (0, 0, 0.0);
        while x < e.len() && y < r.len() {
            match e[x].cmp(&r[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    common += 2.0 * self.weight[e[x] as usize];
                    x += 1;
                    y += 1;
                }
            }
        }
        common
    }
}

/// The sorted union (with repeats) of the key lists of consecutive sentences.
fn gather(into: &mut Vec<u32>, lists: &[Vec<u32>]) {
    into.clear();
    for list in lists {
        into.extend_from_slice(list);
    }
    into.sort_unstable();
}
