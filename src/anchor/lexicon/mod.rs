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
//!   `english|english...<TAB>русский|русский...`, one concept a line. The
//!   build script stems it into static perfect-hash tables (`compiled`), so a
//!   run starts without parsing it (parsing was over half of the time of a
//!   one-statement `sverka align`); a unit test checks that the compiled
//!   tables equal the ones [`Lexicon::parse`] makes of the file;
//! * a user dictionary given with `--dict FILE`, either in hunalign's format
//!   (`русский @ english`, one pair a line, the target language left of
//!   ` @ `) or as two tab-separated columns `english<TAB>русский`.
//!   Multi-word entries index each of their content words.
//!
//! A word whose stem is not listed falls back on the entries whose stems
//! share its first `PREFIX_LEN` letters, so that derived forms the stemmer
//! does not reach (`разработанный` ~ `разработать`) still find their concept.

use std::path::Path;

use compiled::{BUILTIN, Compiled, IdMap};
use rustc_hash::{FxBuildHasher, FxHashMap};
use tables::{PREFIX_LEN, Tables, stem};

use crate::{Error, Lang};

mod compiled;
pub(crate) mod tables;

/// Word stems of both languages mapped to concept ids.
///
/// A lexicon made from the built-in one reads the compiled tables in place
/// and keeps what is added to it (a user dictionary) in tables of its own;
/// the compiled concepts keep ids `0..` and the added ones follow them.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// The built-in concepts, when this lexicon starts from them.
    compiled: Option<&'static Compiled>,
    /// Added to every compiled id ([`Lexicon::shift_ids`]).
    compiled_shift: u32,
    /// Concepts parsed or added at run time; `added.concepts` counts the
    /// compiled ones too, so that it is the next id.
    added: Tables,
}

/// Which of the four tables a lookup reads.
#[derive(Clone, Copy)]
enum Table {
    Stems(Lang),
    Prefixes(Lang),
}

/// The ids of one key: the compiled ones (before their shift) and the added ones.
type Found<'a> = (&'static [u32], &'a [u32]);

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// The built-in dictionary, compiled in at build time.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: Lexicon = Lexicon {
            compiled: Some(&BUILTIN),
            compiled_shift: 0,
            added: Tables {
                en: FxHashMap::with_hasher(FxBuildHasher),
                ru: FxHashMap::with_hasher(FxBuildHasher),
                en_prefix: FxHashMap::with_hasher(FxBuildHasher),
                ru_prefix: FxHashMap::with_hasher(FxBuildHasher),
                concepts: BUILTIN.concepts,
            },
        };
        &LEXICON
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
        let added = Tables::parse(text).map_err(|e| Error::Format {
            path: path.to_path_buf(),
            line: e.line,
            message: e.message.to_string(),
        })?;
        Ok(Lexicon {
            added,
            ..Lexicon::default()
        })
    }

    /// Adds one concept: English forms and Russian forms separated by `|`.
    pub fn add(&mut self, en: &str, ru: &str) {
        self.added.add(en, ru);
    }

    /// Adds every concept of `other`, with fresh ids.
    pub fn extend(&mut self, other: &Lexicon) {
        let offset = self.added.concepts;
        if self.compiled.is_none() && offset == 0 && other.compiled.is_some() {
            // An empty lexicon takes the other's compiled tables as they are.
            self.compiled = other.compiled;
            self.compiled_shift = other.compiled_shift;
        } else if let Some(compiled) = other.compiled {
            // Compiled ids are 0.. in `other`; they go where `other` has them.
            let shift = offset + other.compiled_shift;
            for (mine, theirs) in self.tables_mut(compiled) {
                for (stem, ids) in theirs.entries() {
                    let mine = mine.entry(stem.to_string()).or_default();
                    mine.extend(ids.iter().map(|id| id + shift));
                }
            }
        }
        let Lexicon { added: theirs, .. } = other;
        for (mine, theirs) in [
            (&mut self.added.en, &theirs.en),
            (&mut self.added.ru, &theirs.ru),
            (&mut self.added.en_prefix, &theirs.en_prefix),
            (&mut self.added.ru_prefix, &theirs.ru_prefix),
        ] {
            for (stem, ids) in theirs {
                mine.entry(stem.clone())
                    .or_default()
                    .extend(ids.iter().map(|id| id + offset));
            }
        }
        self.added.concepts += theirs.concepts;
    }

    /// This lexicon's added tables, each with the compiled table of the same kind.
    #[allow(clippy::type_complexity)]
    fn tables_mut(
        &mut self,
        compiled: &'static Compiled,
    ) -> [(&mut FxHashMap<String, Vec<u32>>, &'static IdMap); 4] {
        [
            (&mut self.added.en, &compiled.en),
            (&mut self.added.ru, &compiled.ru),
            (&mut self.added.en_prefix, &compiled.en_prefix),
            (&mut self.added.ru_prefix, &compiled.ru_prefix),
        ]
    }

    /// Moves every concept id up by `base`, so that this lexicon's ids do not
    /// collide with another's when both are consulted side by side (the
    /// aligner does this with the lexicon it learns from a text, rather than
    /// copying the built-in one).
    pub fn shift_ids(&mut self, base: u32) {
        self.compiled_shift += base;
        let added = &mut self.added;
        let maps = [
            &mut added.en,
            &mut added.ru,
            &mut added.en_prefix,
            &mut added.ru_prefix,
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
        self.added.concepts as usize
    }

    /// True when the lexicon has no entry.
    pub fn is_empty(&self) -> bool {
        self.added.concepts == 0
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
        self.keys_of_stem(&stem(&super::tokens::normalise(word), lang), lang)
    }

    /// [`Lexicon::keys`] of a word whose stem (of its normalised form) is
    /// `key`: for a caller that has the stem already.
    pub(crate) fn keys_of_stem<'l>(
        &'l self,
        key: &str,
        lang: Lang,
    ) -> impl Iterator<Item = u32> + use<'l> {
        // A stem that is itself inflected-looking (журнала -> журнал, listed
        // as журнал -> журн): strip once more before giving up.
        let exact = self.find(Table::Stems(lang), key).or_else(|| {
            let again = stem(key, lang);
            if again != key {
                self.find(Table::Stems(lang), &again)
            } else {
                None
            }
        });
        // No entry for the stem: fall back on entries whose stem starts with
        // the same PREFIX letters (разработан ~ разработать), words of 6+ letters only.
        let fallback = match exact {
            None => {
                // The first PREFIX_LEN letters, when the stem has more.
                let end = key.char_indices().nth(PREFIX_LEN).map(|(at, _)| at);
                end.and_then(|end| self.find(Table::Prefixes(lang), &key[..end]))
            }
            _ => None,
        };
        let (compiled, added) = exact.or(fallback).unwrap_or_default();
        let shift = self.compiled_shift;
        compiled
            .iter()
            .map(move |id| id + shift)
            .chain(added.iter().copied())
    }

    /// The ids of `key` in one table (compiled and added), if it has any.
    fn find(&self, table: Table, key: &str) -> Option<Found<'_>> {
        let (compiled, added) = match table {
            Table::Stems(Lang::En) => (self.compiled.map(|c| &c.en), &self.added.en),
            Table::Stems(Lang::Ru) => (self.compiled.map(|c| &c.ru), &self.added.ru),
            Table::Prefixes(Lang::En) => {
                (self.compiled.map(|c| &c.en_prefix), &self.added.en_prefix)
            }
            Table::Prefixes(Lang::Ru) => {
                (self.compiled.map(|c| &c.ru_prefix), &self.added.ru_prefix)
            }
        };
        let compiled = compiled.and_then(|map| map.get(key));
        let added = added.get(key).map(Vec::as_slice);
        if compiled.is_none() && added.is_none() {
            return None;
        }
        Some((compiled.unwrap_or_default(), added.unwrap_or_default()))
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
    fn compiled_builtin_equals_the_parsed_data_file() {
        let parsed = Lexicon::parse(
            include_str!("../../../data/lexicon-en-ru.tsv"),
            Path::new("data/lexicon-en-ru.tsv"),
        )
        .expect("the built-in lexicon is well-formed");
        let builtin = Lexicon::builtin();
        assert_eq!(builtin.len(), parsed.len());
        let compiled = builtin.compiled.expect("the built-in lexicon is compiled");
        for (name, parsed, compiled) in [
            ("en", &parsed.added.en, &compiled.en),
            ("ru", &parsed.added.ru, &compiled.ru),
            ("en_prefix", &parsed.added.en_prefix, &compiled.en_prefix),
            ("ru_prefix", &parsed.added.ru_prefix, &compiled.ru_prefix),
        ] {
            assert_eq!(parsed.len(), compiled.len(), "{name}: number of keys");
            for (key, ids) in parsed {
                assert_eq!(
                    compiled.get(key.as_str()),
                    Some(ids.as_slice()),
                    "{name}: {key}"
                );
            }
            assert_eq!(compiled.entries().count(), compiled.len(), "{name}");
            assert_eq!(
                compiled.get("zzzzqq"),
                None,
                "{name}: a key it does not have"
            );
        }
    }

    #[test]
    fn builtin_extended_finds_both_and_keeps_ids_apart() {
        let mut lex = Lexicon::builtin().clone();
        lex.extend(
            &Lexicon::parse("zorb\tзорб\ntalks\tпереговорщики\n", Path::new("u")).expect("valid"),
        );
        assert_eq!(lex.len(), Lexicon::builtin().len() + 2);
        assert!(translates(&lex, "zorbs", "зорбы"));
        assert!(translates(&lex, "talks", "переговоров"));
        let talks: Vec<u32> = lex.en_keys("talks").collect();
        let builtin: Vec<u32> = Lexicon::builtin().en_keys("talks").collect();
        assert_eq!(talks[..builtin.len()], builtin[..], "built-in ids first");
        assert_eq!(
            talks.last(),
            Some(&(lex.len() as u32 - 1)),
            "then the user's"
        );
        assert!(!translates(&lex, "zorb", "переговоры"));
    }

    #[test]
    fn empty_lexicon_extended_by_the_builtin_one_reads_like_it() {
        let mut lex = Lexicon::new();
        lex.extend(Lexicon::builtin());
        lex.extend(&Lexicon::parse("zorb\tзорб\n", Path::new("u")).expect("valid"));
        let mut shifted = Lexicon::parse("zorb\tзорб\n", Path::new("u")).expect("valid");
        shifted.extend(Lexicon::builtin());
        shifted.shift_ids(10);
        for word in ["talks", "said", "prices", "zorbs"] {
            let builtin: Vec<u32> = Lexicon::builtin().en_keys(word).collect();
            let mine: Vec<u32> = lex.en_keys(word).collect();
            assert_eq!(mine[..builtin.len()], builtin[..], "{word}");
            // In `shifted`, the built-in ids follow the one user concept, all up by 10.
            let theirs: Vec<u32> = shifted.en_keys(word).collect();
            let expected: Vec<u32> = builtin.iter().map(|id| id + 11).collect();
            assert_eq!(
                theirs[theirs.len() - builtin.len()..],
                expected[..],
                "{word}"
            );
        }
        assert!(translates(&shifted, "zorb", "зорбы"));
        assert_eq!(shifted.en_keys("zorb").collect::<Vec<_>>(), [10]);
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
