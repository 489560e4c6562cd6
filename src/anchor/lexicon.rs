//! A bilingual English–Russian lexicon as shared *concept ids*.
//!
//! Each line of a dictionary is a concept: its English words and its Russian
//! words translate each other. Words are indexed by their stems
//! ([`super::stem`]), so every inflected form of a listed word finds the
//! concept: `переговоров` and `talks` share an id through the line
//! `talks|negotiations<TAB>переговоры`. [`Lexicon::en_keys`] and
//! [`Lexicon::ru_keys`] return the ids of a word; an English and a Russian
//! word translate each other (as far as the lexicon knows) iff they share one.
//!
//! Sources:
//! * the built-in `data/lexicon-en-ru.tsv`, written by the sverka team:
//!   `english|english...<TAB>русский|русский...`, one concept a line;
//! * a user dictionary given with `--dict FILE`, either in hunalign's format
//!   (`русский @ english`, one pair a line, the target language left of
//!   ` @ `) or as two tab-separated columns `english<TAB>русский`.
//!   Multi-word entries index each of their content words.
//!
//! A word whose stem is not listed falls back on the entries whose stems
//! share its first `PREFIX_LEN` letters, so that derived forms the stemmer
//! does not reach (`разработанный` ~ `разработать`) still find their concept.

use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::stem::{stem_en, stem_ru};
use super::tokens::{is_stopword, tokens};
use crate::{Error, Lang};

/// Word stems of both languages mapped to concept ids.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    en: FxHashMap<String, Vec<u32>>,
    ru: FxHashMap<String, Vec<u32>>,
    concepts: u32,
    en_prefix: FxHashMap<String, Vec<u32>>,
    ru_prefix: FxHashMap<String, Vec<u32>>,
}

/// Letters of a stem that the fallback lookup compares. Measured with
/// `tools/anchor_coverage.rs` at 3308 concepts (gold / random share of
/// English content words matched; gold sentence best of its document):
/// 4 letters 66.5% / 8.7% / 95.3% on the perturbed sets and 53.2% / 5.5% /
/// 91.2% on natural-wmt24; 5 letters 65.0% / 8.2% / 95.0% and 51.5% / 5.2% /
/// 90.7%; 6 letters 63.9% / 8.0% / 94.8% and 50.6% / 5.1% / 90.4%.
/// 4 letters wins by a few links, but 4 letters is the length of common
/// Russian verb prefixes (разр-, пере-, пред-), so `разработанный` would meet
/// `разрушенный`; 5 is kept as the safer choice.
const PREFIX_LEN: usize = 5;

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
/// table lookup was a tenth of a short alignment's time, spent parsing the
/// built-in lexicon at start.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | 'А'..='я' | 'Ё' | 'ё' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphabetic(),
    }
}

fn stem(word: &str, lang: Lang) -> String {
    match lang {
        Lang::En => stem_en(word),
        Lang::Ru => stem_ru(word),
    }
}

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// The built-in dictionary, parsed once and cached.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Lexicon::parse(
                include_str!("../../data/lexicon-en-ru.tsv"),
                Path::new("data/lexicon-en-ru.tsv"),
            )
            .expect("the built-in lexicon is well-formed (checked by a unit test)")
        })
    }

    /// Reads a user dictionary (hunalign `ru @ en` or `en<TAB>ru`).
    pub fn from_path(path: &Path) -> Result<Lexicon, Error> {
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| Error::Decode {
            path: path.to_path_buf(),
            encoding: crate::input::Encoding::Utf8,
            offset: e.utf8_error().valid_up_to(),
        })?;
        Lexicon::parse(&text, path)
    }

    /// Parses dictionary text; `path` only names the source in errors.
    /// Each non-empty line that is not a `#` comment is a concept, either
    /// `ru @ en` (hunalign) or `en<TAB>ru`; each side may list alternatives
    /// separated by `|`.
    pub fn parse(text: &str, path: &Path) -> Result<Lexicon, Error> {
        // Room for a stem or two of each side per line, so that the tables
        // are not rehashed over and over while the built-in lexicon loads.
        let lines = text.lines().count();
        let table = || FxHashMap::with_capacity_and_hasher(2 * lines, Default::default());
        let mut lexicon = Lexicon {
            en: table(),
            ru: table(),
            concepts: 0,
            en_prefix: table(),
            ru_prefix: table(),
        };
        for (index, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{FEFF}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: &str| Error::Format {
                path: path.to_path_buf(),
                line: index + 1,
                message: message.to_string(),
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
            lexicon.add(en, ru);
        }
        Ok(lexicon)
    }

    /// Adds one concept: English forms and Russian forms separated by `|`.
    pub fn add(&mut self, en: &str, ru: &str) {
        let id = self.concepts;
        let mut any = false;
        for (map, prefixes, side, lang) in [
            (&mut self.en, &mut self.en_prefix, en, Lang::En),
            (&mut self.ru, &mut self.ru_prefix, ru, Lang::Ru),
        ] {
            for form in side.split('|') {
                for s in phrase_stems(form, lang) {
                    if let Some((cut, _)) = s.char_indices().nth(PREFIX_LEN - 1) {
                        let end = cut + s[cut..].chars().next().map_or(0, char::len_utf8);
                        push_id(prefixes, &s[..end], id);
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

    /// Adds every concept of `other`, with fresh ids.
    pub fn extend(&mut self, other: &Lexicon) {
        let offset = self.concepts;
        for (mine, theirs) in [
            (&mut self.en, &other.en),
            (&mut self.ru, &other.ru),
            (&mut self.en_prefix, &other.en_prefix),
            (&mut self.ru_prefix, &other.ru_prefix),
        ] {
            for (stem, ids) in theirs {
                mine.entry(stem.clone())
                    .or_default()
                    .extend(ids.iter().map(|id| id + offset));
            }
        }
        self.concepts += other.concepts;
    }

    /// Moves every concept id up by `base`, so that this lexicon's ids do not
    /// collide with another's when both are consulted side by side (the
    /// aligner does this with the lexicon it learns from a text, rather than
    /// copying the built-in one).
    pub fn shift_ids(&mut self, base: u32) {
        let maps = [
            &mut self.en,
            &mut self.ru,
            &mut self.en_prefix,
            &mut self.ru_prefix,
        ];
        for map in maps {
            for ids in map.values_mut() {
                for id in ids {
                    *id += base;
                }
            }
        }
    }

    /// Number of concepts (dictionary entries).
    pub fn len(&self) -> usize {
        self.concepts as usize
    }

    /// True when the lexicon has no entry.
    pub fn is_empty(&self) -> bool {
        self.concepts == 0
    }

    /// Concept ids of an English word (any case, any inflection).
    pub fn en_keys(&self, word: &str) -> impl Iterator<Item = u32> + '_ {
        self.keys(word, Lang::En)
    }

    /// Concept ids of a Russian word (any case, any inflection).
    pub fn ru_keys(&self, word: &str) -> impl Iterator<Item = u32> + '_ {
        self.keys(word, Lang::Ru)
    }

    /// Concept ids of a word of `lang`.
    pub fn keys(&self, word: &str, lang: Lang) -> impl Iterator<Item = u32> + '_ {
        let map = match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        };
        let key = stem(&super::tokens::normalise(word), lang);
        // A stem that is itself inflected-looking (журнала -> журнал, listed
        // as журнал -> журн): strip once more before giving up.
        let exact = map.get(&key).or_else(|| {
            let again = stem(&key, lang);
            if again != key { map.get(&again) } else { None }
        });
        // No entry for the stem: fall back on entries whose stem starts with
        // the same PREFIX letters (разработан ~ разработать), words of 6+ letters only.
        let fallback = match exact {
            None if key.chars().count() > PREFIX_LEN => {
                let prefix: String = key.chars().take(PREFIX_LEN).collect();
                let prefixes = match lang {
                    Lang::En => &self.en_prefix,
                    Lang::Ru => &self.ru_prefix,
                };
                prefixes.get(&prefix)
            }
            _ => None,
        };
        exact.or(fallback).into_iter().flatten().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translates(lex: &Lexicon, en: &str, ru: &str) -> bool {
        let e: Vec<u32> = lex.en_keys(en).collect();
        lex.ru_keys(ru).any(|id| e.contains(&id))
    }

    #[test]
    fn builtin_lexicon_parses_and_is_large() {
        let lex = Lexicon::builtin();
        assert!(lex.len() >= 2000, "{} entries", lex.len());
    }

    #[test]
    fn inflected_forms_find_their_translation() {
        let lex = Lexicon::builtin();
        assert!(translates(lex, "talks", "переговоров"));
        assert!(translates(lex, "said", "заявил"));
        assert!(translates(lex, "governments", "правительством"));
        assert!(translates(lex, "prices", "цены"));
        assert!(translates(lex, "increased", "увеличение"));
        assert!(translates(lex, "countries", "странах"));
    }

    #[test]
    fn unrelated_words_share_no_concept() {
        let lex = Lexicon::builtin();
        assert!(!translates(lex, "war", "цена"));
        assert!(!translates(lex, "price", "война"));
    }

    #[test]
    fn reads_hunalign_and_tsv_dictionaries() {
        let lex = Lexicon::parse(
            "# my terms\nпалата @ chamber\nbench\tскамейка\n\nпринимать участие @ take part\n",
            Path::new("my.dict"),
        )
        .expect("valid dictionary");
        assert_eq!(lex.len(), 3);
        assert!(translates(&lex, "chambers", "палаты"));
        assert!(translates(&lex, "benches", "скамейки"));
        assert!(translates(&lex, "part", "участие"));
        assert!(!translates(&lex, "chamber", "скамейка"));
    }

    #[test]
    fn malformed_line_names_file_and_line() {
        let err = Lexicon::parse(
            "палата @ chamber\nno separator here\n",
            Path::new("bad.dict"),
        )
        .expect_err("line 2 is malformed");
        assert!(err.to_string().starts_with("bad.dict:2: "), "{err}");
        let err = Lexicon::parse(" @ chamber\n", Path::new("bad.dict")).expect_err("empty side");
        assert!(err.to_string().contains("bad.dict:1"), "{err}");
    }

    #[test]
    fn missing_file_is_a_read_error() {
        let err = Lexicon::from_path(Path::new("/nonexistent/sverka.dict")).expect_err("missing");
        assert!(matches!(err, Error::Read { .. }));
    }

    #[test]
    fn unlisted_forms_fall_back_on_a_shared_prefix() {
        let lex = Lexicon::parse("develop\tразработать\n", Path::new("t")).expect("valid");
        assert!(translates(&lex, "developed", "разработанный"));
        assert!(!translates(&lex, "developed", "разрушенный"));
    }

    #[test]
    fn extend_keeps_both_dictionaries_apart() {
        let mut a = Lexicon::parse("cat\tкошка\n", Path::new("a")).expect("valid");
        let b = Lexicon::parse("собака @ dog\n", Path::new("b")).expect("valid");
        a.extend(&b);
        assert_eq!(a.len(), 2);
        assert!(translates(&a, "dog", "собаки"));
        assert!(translates(&a, "cats", "кошки"));
        assert!(!translates(&a, "cat", "собака"));
    }
}
