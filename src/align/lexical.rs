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
    pub en: Vec<Vec<u32>>,
    pub ru: Vec<Vec<u32>>,
    pub weight: Vec<f64>,
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
    let weight = df
        .iter()
        .map(|&d| (1.0 + total / d.max(1) as f64).ln())
        .collect();
    Keys {
        en: en_lists,
        ru: ru_lists,
        weight,
    }
}

impl Keys {
    /// Weighted Dice overlap of the keys of `en[i..i+a]` and `ru[j..j+b]`, and
    /// the total weight involved; `None` when neither side has keys.
    pub fn overlap(&self, i: usize, a: usize, j: usize, b: usize) -> (f64, f64) {
        let gather = |lists: &[Vec<u32>], from: usize, n: usize| -> Vec<u32> {
            let mut v: Vec<u32> = lists[from..from + n].iter().flatten().copied().collect();
            v.sort_unstable();
            v
        };
        let e = gather(&self.en, i, a);
        let r = gather(&self.ru, j, b);
        let total: f64 = e.iter().chain(&r).map(|&k| self.weight[k as usize]).sum();
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
        (common, total)
    }
}
