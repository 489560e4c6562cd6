//! Fixed equivalents: acronyms, organisations, countries, currencies.
//!
//! `data/acronyms.tsv` holds one *concept* a line with its English and
//! Russian forms (`UN|United Nations` ~ `ООН`). [`concepts`] finds the
//! concepts named in a sentence; an English and a Russian sentence share a
//! concept id when both name it. Forms may span several words and are
//! matched word by word on stems, longest form first, so `Великобритании`
//! matches `Великобритания` and `United Nations` is one concept, not two.
//! The build script reads the list (`forms::read`) into static tables, so
//! a run starts without reading it.

use std::ops::Range;

use forms::Case;
pub(crate) use forms::stem;
use forms::undot_mapped;

use super::tokens::{Token, tokens};
use crate::Lang;

// Reading the list is for build.rs and the test that checks the compiled
// tables; a run only uses its stemmer and `undot_mapped`.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) mod forms;

impl Case {
    fn admits(self, word: &Stemmed) -> bool {
        match self {
            Case::Upper => word.all_caps,
            Case::Capital => word.capitalised,
            Case::Any => true,
        }
    }
}

/// A token as the form matcher needs it: where it stands, how it is
/// written, and its stem (see [`stem`]).
pub(crate) struct Stemmed<'a> {
    pub(crate) span: Range<usize>,
    pub(crate) capitalised: bool,
    pub(crate) all_caps: bool,
    pub(crate) stem: &'a str,
    /// The most words of a form that starts with `stem` (0: none does; see
    /// [`form_words`]), worked out once per word by the caller.
    pub(crate) form_words: usize,
}

/// Tokens paired with their stems (`stems[k]` is the stem of `toks[k]`).
fn stemmed<'a>(toks: &[Token], stems: &'a [String], lang: Lang) -> Vec<Stemmed<'a>> {
    toks.iter()
        .zip(stems)
        .map(|(t, stem)| Stemmed {
            span: t.start..t.end,
            capitalised: t.capitalised,
            all_caps: t.all_caps,
            stem,
            form_words: form_words(stem, lang),
        })
        .collect()
}

/// The form tables of one language, as the build script compiled them from
/// `data/acronyms.tsv` (see [`forms::Forms`], whose fields these are).
#[derive(Debug)]
struct Side {
    forms: phf::Map<&'static str, &'static [(u32, Case)]>,
    signs: phf::Map<char, u32>,
    max_words: usize,
    starts: phf::Map<&'static str, usize>,
}

// `static EN: Side`, `static RU: Side` and `const CONCEPTS: u32`, written by
// build.rs from data/acronyms.tsv.
include!(concat!(env!("OUT_DIR"), "/acronyms.rs"));

/// Number of concepts in the built-in table (ids are `0..len`).
pub fn len() -> usize {
    CONCEPTS as usize
}

/// The concept ids named in `text`, in order (a concept named twice appears twice).
pub fn concepts(text: &str, lang: Lang) -> Vec<u32> {
    concept_spans(text, lang)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// Like [`concepts`], with the byte span of the form that named each concept.
pub fn concept_spans(text: &str, lang: Lang) -> Vec<(u32, Range<usize>)> {
    let (undotted, map) = undot_mapped(text);
    let toks = tokens(&undotted);
    let stems: Vec<String> = toks.iter().map(|t| stem(&t.text, lang)).collect();
    let words = stemmed(&toks, &stems, lang);
    let mut out = sign_spans(text, lang);
    out.extend(form_spans(&words, lang, |i| map[i]));
    out
}

/// [`concept_spans`] of a text whose tokens the caller has stemmed: `words`
/// are its tokens in order, or may be left empty when none
/// [`starts_form`]. `None` when the text has dotted capitals (`U.S.`),
/// which [`concept_spans`] tokenises without their dots.
pub(crate) fn concept_spans_of(
    text: &str,
    words: &[Stemmed],
    lang: Lang,
) -> Option<Vec<(u32, Range<usize>)>> {
    if has_dotted_capitals(text) {
        return None;
    }
    let mut out = sign_spans(text, lang);
    out.extend(form_spans(words, lang, |i| i));
    Some(out)
}

/// The most words of a form whose first word has the stem `stem` (see
/// [`stem`]), or 0 when no form starts with it: a text none of whose words
/// starts one names no concept by its words.
pub(crate) fn form_words(stem: &str, lang: Lang) -> usize {
    side(lang).starts.get(stem).copied().unwrap_or(0)
}

fn side(lang: Lang) -> &'static Side {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
    }
}

/// True when [`undot`] may change `text`: somewhere a capital, a dot, a
/// capital and a dot follow each other.
fn has_dotted_capitals(text: &str) -> bool {
    text.match_indices('.').any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let mut after = text[i + 1..].chars();
        before.is_some_and(char::is_uppercase)
            && after.next().is_some_and(char::is_uppercase)
            && after.next() == Some('.')
    })
}

/// Currency signs (`$`, `€`) in `text`, as concepts.
fn sign_spans(text: &str, lang: Lang) -> Vec<(u32, Range<usize>)> {
    // A side has a handful of signs (none in Russian): a search for each
    // (memchr) instead of a lookup for every character of the text.
    let mut out: Vec<(u32, Range<usize>)> = side(lang)
        .signs
        .entries()
        .flat_map(|(&c, &id)| {
            text.match_indices(c)
                .map(move |(i, _)| (id, i..i + c.len_utf8()))
        })
        .collect();
    out.sort_unstable_by_key(|(_, span)| span.start);
    out
}

/// The concepts whose forms match runs of `toks` (with their `stems`),
/// longest form first; `offset` maps a byte offset of the tokenised text
/// back to the original.
fn form_spans(
    toks: &[Stemmed],
    lang: Lang,
    offset: impl Fn(usize) -> usize,
) -> Vec<(u32, Range<usize>)> {
    let side = side(lang);
    let mut out = Vec::new();
    let mut i = 0;
    // key[..ends[n - 1]] = stems of toks[i..i + n] joined by spaces.
    let mut key = String::new();
    let mut ends: Vec<usize> = Vec::with_capacity(side.max_words);
    'words: while i < toks.len() {
        let longest = toks[i].form_words;
        if longest == 0 {
            i += 1;
            continue;
        }
        key.clear();
        ends.clear();
        for n in 1..=longest.min(toks.len() - i) {
            if n > 1 {
                key.push(' ');
            }
            key.push_str(toks[i + n - 1].stem);
            ends.push(key.len());
        }
        for n in (1..=ends.len()).rev() {
            if let Some(hits) = side.forms.get(&key[..ends[n - 1]]) {
                let span = offset(toks[i].span.start)..offset(toks[i + n - 1].span.end - 1) + 1;
                let before = out.len();
                out.extend(
                    hits.iter()
                        .filter(|(_, case)| case.admits(&toks[i]))
                        .map(|&(id, _)| (id, span.clone())),
                );
                if out.len() > before {
                    i += n;
                    continue 'words;
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::forms::undot;
    use super::*;

    #[test]
    fn compiled_tables_equal_the_read_data_file() {
        let (en, ru, concepts) = forms::read(include_str!("../../../data/acronyms.tsv"));
        assert_eq!(CONCEPTS, concepts);
        for (name, read, compiled) in [("en", en, &EN), ("ru", ru, &RU)] {
            assert_eq!(read.max_words, compiled.max_words, "{name}: longest form");
            assert_eq!(read.forms.len(), compiled.forms.len(), "{name}: forms");
            for (key, hits) in &read.forms {
                assert_eq!(
                    compiled.forms.get(key.as_str()),
                    Some(&hits.as_slice()),
                    "{name}: {key}"
                );
            }
            assert_eq!(read.signs.len(), compiled.signs.len(), "{name}: signs");
            for (sign, id) in &read.signs {
                assert_eq!(compiled.signs.get(sign), Some(id), "{name}: {sign}");
            }
            assert_eq!(read.starts.len(), compiled.starts.len(), "{name}: starts");
            for (stem, words) in &read.starts {
                assert_eq!(
                    compiled.starts.get(stem.as_str()),
                    Some(words),
                    "{name}: {stem}"
                );
            }
        }
    }

    fn shared(en: &str, ru: &str) -> bool {
        let e = concepts(en, Lang::En);
        concepts(ru, Lang::Ru).iter().any(|id| e.contains(id))
    }

    /// [`concept_spans_of`] with every token stemmed, or none when no
    /// token starts a form.
    fn spans_of(text: &str, lang: Lang) -> Option<Vec<(u32, Range<usize>)>> {
        let toks = tokens(text);
        let stems: Vec<String> = toks.iter().map(|t| stem(&t.text, lang)).collect();
        if !stems.iter().any(|s| form_words(s, lang) > 0) {
            return concept_spans_of(text, &[], lang);
        }
        concept_spans_of(text, &stemmed(&toks, &stems, lang), lang)
    }

    #[test]
    fn stemmed_tokens_give_the_same_spans() {
        let texts = [
            (
                "The United Nations paid $30 in the UK, said the minister.",
                Lang::En,
            ),
            ("The talks went on in Geneva, said the minister.", Lang::En),
            ("ООН и Евросоюз, США и Великобритании: 5 €.", Lang::Ru),
            ("Переговоры продолжились в четверг.", Lang::Ru),
        ];
        for (text, lang) in texts {
            assert_eq!(
                spans_of(text, lang),
                Some(concept_spans(text, lang)),
                "{text}"
            );
        }
        assert_eq!(spans_of("The U.S. economy", Lang::En), None);
    }

    proptest::proptest! {
        #[test]
        fn stemmed_tokens_never_change_the_spans(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "UN", "un", "United", "Nations", "nations", "US", "U.S.", "u.s.", "UK", "dollars",
                "$", "€", "the", "in", ",", "ООН", "США", "Великобритании", "евро", "и", "ЕС",
            ]),
            0..12,
        )) {
            let text = words.join(" ");
            for lang in [Lang::En, Lang::Ru] {
                if let Some(spans) = spans_of(&text, lang) {
                    proptest::prop_assert_eq!(spans, concept_spans(&text, lang));
                }
            }
        }
    }

    #[test]
    fn acronyms_match_their_translations() {
        assert!(shared("The UN said", "В ООН заявили"));
        assert!(shared("NATO allies", "союзники по НАТО"));
        assert!(shared("the U.S. economy", "экономика США"));
        assert!(shared("WHO experts", "эксперты ВОЗ"));
        assert!(shared("GDP grew", "ВВП вырос"));
    }

    #[test]
    fn inflected_country_names_match() {
        assert!(shared("in Britain", "в Великобритании"));
        assert!(shared("Chinese exports", "экспорт Китая"));
        assert!(shared("talks in Geneva", "переговоры в Женеве"));
    }

    #[test]
    fn multi_word_forms_are_one_concept() {
        assert_eq!(
            concepts("the United Nations", Lang::En),
            concepts("UN", Lang::En)
        );
        assert_eq!(
            concepts("Европейский союз", Lang::Ru),
            concepts("ЕС", Lang::Ru)
        );
    }

    #[test]
    fn short_capitals_do_not_match_pronouns() {
        assert!(concepts("who told us about it", Lang::En).is_empty());
        assert!(!concepts("WHO told the US", Lang::En).is_empty());
    }

    #[test]
    fn proper_names_need_a_capital() {
        assert!(concepts("we ate turkey and were fed", Lang::En).is_empty());
        assert_eq!(concepts("Turkey", Lang::En).len(), 1);
    }

    #[test]
    fn currency_signs_are_concepts() {
        assert!(shared("$30 billion", "30 млрд долларов"));
        assert!(shared("€5", "5 евро"));
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "The U.S. and the United Nations";
        let spans: Vec<&str> = concept_spans(text, Lang::En)
            .into_iter()
            .map(|(_, r)| &text[r])
            .collect();
        assert_eq!(spans, ["U.S", "United Nations"]);
    }

    #[test]
    fn undot_keeps_ordinary_full_stops() {
        assert_eq!(
            undot("the U.S. and U.K. A. Smith."),
            "the US and UK A. Smith."
        );
    }
}
