//! Dictionary text to stem tables: the one reading of a dictionary line,
//! shared by [`super::Lexicon::parse`] at run time and by the build script,
//! which compiles the built-in `data/lexicon-en-ru.tsv` into static tables
//! (`build.rs` includes this file and the stemmers with `#[path]`), so that
//! both index a dictionary the same way. It uses only the stemmers, the
//! tokenizer and [`crate::Lang`] for that reason.

use rustc_hash::FxHashMap;

use crate::Lang;
use crate::anchor::stem::{stem_en, stem_ru};
use crate::anchor::tokens::{is_stopword, tokens};

/// Letters of a stem that the fallback lookup compares. Measured with
/// `tools/anchor_coverage.rs` at 3308 concepts (gold / random share of
/// English content words matched; gold sentence best of its document):
/// 4 letters 66.5% / 8.7% / 95.3% on the perturbed sets and 53.2% / 5.5% /
/// 91.2% on natural-wmt24; 5 letters 65.0% / 8.2% / 95.0% and 51.5% / 5.2% /
/// 90.7%; 6 letters 63.9% / 8.0% / 94.8% and 50.6% / 5.1% / 90.4%.
/// 4 letters wins by a few links, but 4 letters is the length of common
/// Russian verb prefixes (разр-, пере-, пред-), so `разработанный` would meet
/// `разрушенный`; 5 is kept as the safer choice.
pub const PREFIX_LEN: usize = 5;

/// Stems (and their first [`PREFIX_LEN`] letters) of both languages mapped
/// to concept ids, in the order the concepts were added.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// English stems.
    pub en: FxHashMap<String, Vec<u32>>,
    /// Russian stems.
    pub ru: FxHashMap<String, Vec<u32>>,
    /// First [`PREFIX_LEN`] letters of the English stems that have as many.
    pub en_prefix: FxHashMap<String, Vec<u32>>,
    /// First [`PREFIX_LEN`] letters of the Russian stems that have as many.
    pub ru_prefix: FxHashMap<String, Vec<u32>>,
    /// Concepts added so far; the next one gets this id.
    pub concepts: u32,
}

/// What is wrong with a dictionary line, and which (1-based).
#[derive(Debug)]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: &'static str,
}

impl Tables {
    /// Empty tables with room for `lines` dictionary lines.
    pub fn with_capacity(lines: usize) -> Tables {
        // Room for a stem or two of each side per line, so that the tables
        // are not rehashed over and over while a dictionary loads.
        let table = || FxHashMap::with_capacity_and_hasher(2 * lines, Default::default());
        Tables {
            en: table(),
            ru: table(),
            en_prefix: table(),
            ru_prefix: table(),
            concepts: 0,
        }
    }

    /// Reads dictionary text: each non-empty line that is not a `#` comment
    /// is a concept, either `ru @ en` (hunalign) or `en<TAB>ru`; each side may
    /// list alternatives separated by `|`.
    pub fn parse(text: &str) -> Result<Tables, LineError> {
        let mut tables = Tables::with_capacity(text.lines().count());
        for (index, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{FEFF}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message| LineError {
                line: index + 1,
                message,
            };
            let (en, ru) = if let Some((ru, en)) = line.split_once(" @ ") {
                (en, ru)
            } else if let Some((en, ru)) = line.split_once('\t') {
                (en, ru.split('\t').next().unwrap_or(""))
            } else {
                return Err(error(
                    "expected `russian @ english` (hunalign) or `english<TAB>russian`",
                ));
            };
            if en.trim().is_empty() || ru.trim().is_empty() {
                return Err(error("one side of the entry is empty"));
            }
            tables.add(en, ru);
        }
        Ok(tables)
    }

    /// Adds one concept: English forms and Russian forms separated by `|`.
    /// A concept none of whose forms has a content word takes no id.
    pub fn add(&mut self, en: &str, ru: &str) {
        let id = self.concepts;
        let mut any = false;
        for (map, prefixes, side, lang) in [
            (&mut self.en, &mut self.en_prefix, en, Lang::En),
            (&mut self.ru, &mut self.ru_prefix, ru, Lang::Ru),
        ] {
            for form in side.split('|') {
                for s in phrase_stems(form, lang) {
                    if let Some(prefix) = prefix_of(&s) {
                        push_id(prefixes, prefix, id);
                    }
                    push_id(map, &s, id);
                    any = true;
                }
            }
        }
        if any {
            self.concepts += 1;
        }
    }
}

/// The first [`PREFIX_LEN`] letters of a stem, if it has as many.
pub fn prefix_of(stem: &str) -> Option<&str> {
    let (cut, _) = stem.char_indices().nth(PREFIX_LEN - 1)?;
    let end = cut + stem[cut..].chars().next().map_or(0, char::len_utf8);
    Some(&stem[..end])
}

/// Adds `id` to the ids of `key`, once.
fn push_id(map: &mut FxHashMap<String, Vec<u32>>, key: &str, id: u32) {
    match map.get_mut(key) {
        Some(ids) if ids.last() == Some(&id) => {}
        Some(ids) => ids.push(id),
        None => {
            map.insert(key.to_string(), vec![id]);
        }
    }
}

/// Stems of the content words of a dictionary phrase.
fn phrase_stems(phrase: &str, lang: Lang) -> Vec<String> {
    let phrase = phrase.trim();
    if phrase.chars().all(is_letter) {
        // The common case, a single plain word: no tokenizer needed.
        let lower = phrase.to_lowercase();
        return if lower.is_empty() {
            Vec::new()
        } else {
            vec![stem(&lower, lang)]
        };
    }
    let toks = tokens(phrase);
    let single = toks.len() == 1;
    toks.into_iter()
        .filter(|t| single || !is_stopword(&t.text, lang))
        .map(|t| stem(&t.text, lang))
        .collect()
}

/// `char::is_alphabetic`, answered without the Unicode tables for the
/// letters dictionaries are written in (ASCII and basic Cyrillic): the
/// table lookup was a tenth of a short alignment's time when the built-in
/// lexicon was parsed at start.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | 'А'..='я' | 'Ё' | 'ё' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphabetic(),
    }
}

/// The stem of a lowercased word of `lang`.
pub fn stem(word: &str, lang: Lang) -> String {
    match lang {
        Lang::En => stem_en(word),
        Lang::Ru => stem_ru(word),
    }
}
