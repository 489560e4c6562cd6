//! `data/acronyms.tsv` to form tables: the one reading of the list, shared
//! by the build script, which compiles the built-in list into static tables
//! (`build.rs` includes this file with `#[path]`, as it does the stemmers),
//! and by the unit test that checks the compiled tables against it. It uses
//! only the stemmers, the tokenizer and [`crate::Lang`] for that reason.

use rustc_hash::FxHashMap;

use crate::Lang;
use crate::anchor::stem::{stem_en, stem_ru};
use crate::anchor::tokens::{Token, tokens};

/// How a form must be written in the text to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Short capitals (`US`, `WHO`, `ЕС`): only in capitals, or they clash with words.
    Upper,
    /// A proper name (`Turkey`, `Fed`): only capitalised.
    Capital,
    /// A common word (`dollar`, `российский`): any case.
    Any,
}

impl Case {
    /// The rule for a form whose first word is `first`.
    pub fn of(first: &Token) -> Case {
        let letters = first.text.chars().filter(|c| c.is_alphabetic()).count();
        if first.all_caps && letters <= 3 {
            Case::Upper
        } else if first.capitalised {
            Case::Capital
        } else {
            Case::Any
        }
    }
}

/// The forms of one language.
#[derive(Debug, Default)]
pub struct Forms {
    /// Stems of the form's words joined by a space -> (concept, case rule).
    pub forms: FxHashMap<String, Vec<(u32, Case)>>,
    /// Currency signs written as forms (`$`, `€`).
    pub signs: FxHashMap<char, u32>,
    /// The longest form, in words.
    pub max_words: usize,
    /// Stem of a form's first word -> the most words of a form starting
    /// with it: most words start no form, and need no further lookup.
    pub starts: FxHashMap<String, usize>,
}

/// Reads the list: one concept a line, `english|english...<TAB>русский|...`;
/// `#` comments and blank lines skipped. Gives both sides' forms and the
/// number of concepts (ids are `0..` in line order).
pub fn read(text: &str) -> (Forms, Forms, u32) {
    let (mut en, mut ru) = (Forms::default(), Forms::default());
    let mut id = 0;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (en_forms, ru_forms) = line.split_once('\t').unwrap_or((line, ""));
        for (side, forms, lang) in [(&mut en, en_forms, Lang::En), (&mut ru, ru_forms, Lang::Ru)] {
            for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                side.add(form, lang, id);
            }
        }
        id += 1;
    }
    (en, ru, id)
}

impl Forms {
    fn add(&mut self, form: &str, lang: Lang, id: u32) {
        let toks = tokens(&undot(form));
        let Some(first) = toks.first() else {
            if let Some(c) = form.chars().next() {
                self.signs.insert(c, id);
            }
            return;
        };
        self.max_words = self.max_words.max(toks.len());
        let longest = self.starts.entry(stem(&first.text, lang)).or_default();
        *longest = (*longest).max(toks.len());
        let entry = self.forms.entry(key(&toks, lang)).or_default();
        if !entry.iter().any(|&(i, _)| i == id) {
            entry.push((id, Case::of(first)));
        }
    }
}

/// The stem a form's word is indexed by.
pub fn stem(word: &str, lang: Lang) -> String {
    match lang {
        Lang::En => stem_en(word),
        Lang::Ru => stem_ru(word),
    }
}

fn key(tokens: &[Token], lang: Lang) -> String {
    let mut key = String::new();
    for t in tokens {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&stem(&t.text, lang));
    }
    key
}

/// Removes the dots of dotted capitals: `U.S.` -> `US`, `U.N.` -> `UN`.
/// A single capital with a dot (`A. Smith`) is an initial and stays.
pub fn undot(text: &str) -> String {
    undot_mapped(text).0
}

/// [`undot`], with the byte offset in `text` of every byte of the result
/// (and one past the end), so that spans can be mapped back.
pub fn undot_mapped(text: &str) -> (String, Vec<usize>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let pair = |k: usize| {
        chars.get(k).is_some_and(|(_, c)| c.is_uppercase())
            && chars.get(k + 1).map(|p| p.1) == Some('.')
    };
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut push = |out: &mut String, (i, c): (usize, char)| {
        out.push(c);
        map.extend((0..c.len_utf8()).map(|d| i + d));
    };
    let mut k = 0;
    while k < chars.len() {
        if pair(k) && (k == 0 || !chars[k - 1].1.is_alphanumeric()) {
            let mut end = k;
            while pair(end) {
                end += 2;
            }
            if end - k >= 4 {
                for &(i, c) in chars[k..end].iter().filter(|p| p.1 != '.') {
                    push(&mut out, (i, c));
                }
                k = end;
                continue;
            }
        }
        push(&mut out, chars[k]);
        k += 1;
    }
    map.push(text.len());
    (out, map)
}
