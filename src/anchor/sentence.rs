//! All anchors of one sentence, as hashable keys tied to its content words.
//!
//! [`SentenceAnchors::new`] runs every extractor once over a sentence: each
//! content token (not a stopword) gets the keys it can be matched by —
//! lexicon concepts, its transliteration key, the numbers, months and fixed
//! equivalents (acronyms, countries) it is part of. Two sentences are then
//! compared with [`overlap`], a merge of two sorted key lists: no word pair
//! is compared, so costing a bead stays cheap however long the sentences are.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use super::lexicon::Lexicon;
use super::tokens::{Token, is_stopword, tokens};
use super::{acronyms, numbers, translit};
use crate::Lang;

/// Which extractor a key came from; part of the key so kinds never collide.
#[derive(Hash)]
enum Kind {
    Lexicon,
    Name,
    Number,
    Month,
    Fixed,
}

fn key<T: Hash>(kind: Kind, value: T) -> u64 {
    let mut h = DefaultHasher::new();
    kind.hash(&mut h);
    value.hash(&mut h);
    h.finish()
}

/// The anchor keys of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceAnchors {
    /// `(key, content token index)`, sorted by key, then token.
    keys: Vec<(u64, u32)>,
    /// Number of content tokens (tokens that are not stopwords).
    content: u32,
}

/// Which extractors [`SentenceAnchors::with`] runs (all by default); for
/// measuring what each kind of anchor contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extractors {
    /// Dictionary concepts ([`Lexicon`]).
    pub lexicon: bool,
    /// Transliteration keys of names and loanwords ([`translit::match_keys`]).
    pub names: bool,
    /// Numbers ([`numbers::number_spans`]).
    pub numbers: bool,
    /// Month names ([`numbers::month_spans`]).
    pub months: bool,
    /// Fixed equivalents: acronyms, countries, currencies ([`acronyms::concept_spans`]).
    pub fixed: bool,
}

impl Default for Extractors {
    fn default() -> Self {
        Extractors {
            lexicon: true,
            names: true,
            numbers: true,
            months: true,
            fixed: true,
        }
    }
}

impl SentenceAnchors {
    /// Extracts the anchors of `text` (one sentence, or several joined).
    pub fn new(text: &str, lang: Lang, lexicon: &Lexicon) -> SentenceAnchors {
        SentenceAnchors::with(text, lang, lexicon, Extractors::default())
    }

    /// Extracts the anchors of `text` with only the chosen extractors.
    pub fn with(text: &str, lang: Lang, lexicon: &Lexicon, run: Extractors) -> SentenceAnchors {
        Extractor::new(lexicon, lang, run).anchors(text).0
    }

    /// The anchors of several sentences taken together (a 2-1 bead's side).
    pub fn join<'a>(parts: impl IntoIterator<Item = &'a SentenceAnchors>) -> SentenceAnchors {
        let mut out = SentenceAnchors::default();
        for p in parts {
            let offset = out.content;
            out.keys
                .extend(p.keys.iter().map(|&(k, i)| (k, i + offset)));
            out.content += p.content;
        }
        out.keys.sort_unstable();
        out
    }

    /// The anchor keys with the content token each belongs to, sorted by key.
    pub fn keys(&self) -> &[(u64, u32)] {
        &self.keys
    }

    /// The anchor keys with their content tokens, sorted by key.
    pub fn into_keys(self) -> Vec<(u64, u32)> {
        self.keys
    }

    /// Number of content tokens (not stopwords) in the sentence.
    pub fn content_tokens(&self) -> usize {
        self.content as usize
    }

    /// True when no content token has any anchor.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// What the extractors make of one word (a normalised token), whatever
/// sentence it stands in.
struct Word {
    stopword: bool,
    /// Lexicon and transliteration keys of the word and of its hyphen parts.
    keys: Vec<u64>,
    /// Key of a short name (Kim = Ким), for the word capitalised mid-sentence.
    short_name: Option<u64>,
    /// Key of a Latin-script word kept as it is in Russian text.
    latin: Option<u64>,
    /// Stem for the fixed equivalents ([`acronyms`]).
    stem: String,
}

/// Extracts the anchors of many sentences of one language, doing the work
/// that depends on a word alone (stopword, lexicon, transliteration and
/// stem lookups) once per distinct word: texts repeat their words, and that
/// work was most of the cost of extraction.
pub struct Extractor<'a> {
    lexicon: &'a Lexicon,
    lang: Lang,
    run: Extractors,
    /// Word -> its index in `words`.
    seen: HashMap<String, u32>,
    words: Vec<Word>,
}

impl<'a> Extractor<'a> {
    /// An extractor running the extractors `run` on text of `lang`.
    pub fn new(lexicon: &'a Lexicon, lang: Lang, run: Extractors) -> Extractor<'a> {
        Extractor {
            lexicon,
            lang,
            run,
            seen: HashMap::new(),
            words: Vec::new(),
        }
    }

    /// The anchors of `text` (one sentence, or several joined), and its
    /// content tokens (those that are not stopwords) in order.
    pub fn anchors(&mut self, text: &str) -> (SentenceAnchors, Vec<Token>) {
        let all = tokens(text);
        let ids: Vec<u32> = all.iter().map(|t| self.word(&t.text)).collect();
        self.assemble(text, all, &ids)
    }

    /// [`Extractor::anchors`] of every text, computed in parallel (rayon):
    /// the texts are tokenised, each word new to the extractor is worked out
    /// once (and remembered for later calls), then every text's keys are put
    /// together.
    pub fn anchors_of_all(&mut self, texts: &[&str]) -> Vec<(SentenceAnchors, Vec<Token>)> {
        let all: Vec<Vec<Token>> = texts.par_iter().map(|t| tokens(t)).collect();
        let mut new: Vec<&str> = Vec::new();
        let ids: Vec<Vec<u32>> = all
            .iter()
            .map(|toks| {
                toks.iter()
                    .map(|t| match self.seen.get(t.text.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = (self.words.len() + new.len()) as u32;
                            self.seen.insert(t.text.clone(), id);
                            new.push(&t.text);
                            id
                        }
                    })
                    .collect()
            })
            .collect();
        let worked: Vec<Word> = new.par_iter().map(|w| self.work_out(w)).collect();
        self.words.extend(worked);
        let this = &*self;
        texts
            .par_iter()
            .zip(all)
            .zip(ids)
            .map(|((text, toks), ids)| this.assemble(text, toks, &ids))
            .collect()
    }

    /// The anchors of `text`, given its tokens `all` and their words' `ids`.
    fn assemble(&self, text: &str, all: Vec<Token>, ids: &[u32]) -> (SentenceAnchors, Vec<Token>) {
        let (lang, run) = (self.lang, self.run);
        let mut keys = Vec::new();
        let mut content = Vec::with_capacity(all.len());
        for (t, &id) in all.iter().zip(ids) {
            let word = &self.words[id as usize];
            if word.stopword {
                continue;
            }
            let i = content.len() as u32;
            content.push(t);
            if t.has_digit && !t.text.chars().any(char::is_alphabetic) {
                continue;
            }
            keys.extend(word.keys.iter().map(|&k| (k, i)));
            // Short names (Kim = Ким): only capitalised words not at the start
            // of the sentence, where a capital says "name".
            if let Some(k) = word.short_name
                && t.capitalised
                && t.start > 0
            {
                keys.push((k, i));
            }
            if let Some(k) = word.latin {
                keys.push((k, i));
            }
        }
        // Content token index covering a byte span (every token that overlaps it).
        let covering = |start: usize, end: usize| {
            content
                .iter()
                .enumerate()
                .filter(move |(_, t)| t.start < end && start < t.end)
                .map(|(i, _)| i as u32)
        };
        if run.numbers {
            for (n, span) in numbers::number_spans(text, lang) {
                keys.extend(covering(span.start, span.end).map(|i| (key(Kind::Number, n), i)));
            }
        }
        if run.months {
            for (m, span) in numbers::month_spans_of_tokens(&all, lang) {
                keys.extend(covering(span.start, span.end).map(|i| (key(Kind::Month, m), i)));
            }
        }
        if run.fixed {
            let stems: Vec<&str> = ids
                .iter()
                .map(|&id| self.words[id as usize].stem.as_str())
                .collect();
            let spans = acronyms::concept_spans_of_tokens(text, &all, &stems, lang)
                .unwrap_or_else(|| acronyms::concept_spans(text, lang));
            for (id, span) in spans {
                keys.extend(covering(span.start, span.end).map(|i| (key(Kind::Fixed, id), i)));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        let anchors = SentenceAnchors {
            keys,
            content: content.len() as u32,
        };
        let content = all
            .into_iter()
            .zip(ids)
            .filter(|&(_, &id)| !self.words[id as usize].stopword)
            .map(|(t, _)| t)
            .collect();
        (anchors, content)
    }

    /// The index of `text` (a normalised token) in `words`, worked out on
    /// first sight.
    fn word(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.seen.get(text) {
            return id;
        }
        let word = self.work_out(text);
        let id = self.words.len() as u32;
        self.words.push(word);
        self.seen.insert(text.to_string(), id);
        id
    }

    fn work_out(&self, text: &str) -> Word {
        let (lang, run) = (self.lang, self.run);
        let stem = if run.fixed {
            acronyms::stem(text, lang)
        } else {
            String::new()
        };
        if is_stopword(text, lang) {
            return Word {
                stopword: true,
                keys: Vec::new(),
                short_name: None,
                latin: None,
                stem,
            };
        }
        let mut keys = Vec::new();
        // A hyphenated word is also looked up part by part (anti-pollution,
        // северо-западный), since dictionaries list the parts.
        let parts = text
            .split('-')
            .filter(|p| p.len() > 1 && p.len() < text.len());
        for word in std::iter::once(text).chain(parts) {
            if run.lexicon {
                keys.extend(
                    self.lexicon
                        .keys(word, lang)
                        .map(|id| key(Kind::Lexicon, id)),
                );
            }
            if run.names {
                keys.extend(
                    translit::match_keys(word, lang)
                        .into_iter()
                        .map(|k| key(Kind::Name, k)),
                );
            }
        }
        let short_name = run
            .names
            .then(|| translit::short_name_key(text, lang))
            .flatten()
            .map(|k| key(Kind::Name, ("short", k)));
        // Latin-script words kept as they are in Russian text (FedEx, iPhone, C).
        let latin = (run.names
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '\''))
        .then(|| key(Kind::Name, ("latin", text)));
        Word {
            stopword: false,
            keys,
            short_name,
            latin,
            stem,
        }
    }
}

/// How much two sentences share: content tokens of each side that have an
/// anchor key also found on the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overlap {
    /// English content tokens matched on the Russian side.
    pub en_matched: usize,
    /// English content tokens in all.
    pub en_total: usize,
    /// Russian content tokens matched on the English side.
    pub ru_matched: usize,
    /// Russian content tokens in all.
    pub ru_total: usize,
}

impl Overlap {
    /// Share of content tokens of both sides that are matched (0..1; 0 when both are empty).
    pub fn ratio(&self) -> f64 {
        let total = self.en_total + self.ru_total;
        if total == 0 {
            0.0
        } else {
            (self.en_matched + self.ru_matched) as f64 / total as f64
        }
    }
}

/// The anchor overlap of an English and a Russian sentence; linear in the
/// number of keys.
pub fn overlap(en: &SentenceAnchors, ru: &SentenceAnchors) -> Overlap {
    let (en_hit, ru_hit) = matched_tokens(en, ru);
    Overlap {
        en_matched: en_hit.iter().filter(|&&h| h).count(),
        en_total: en.content as usize,
        ru_matched: ru_hit.iter().filter(|&&h| h).count(),
        ru_total: ru.content as usize,
    }
}

/// For each content token of `en` and of `ru` (the tokens of
/// [`super::tokens::tokens`] that are not stopwords, in order), whether it
/// has an anchor on the other side.
pub fn matched_tokens(en: &SentenceAnchors, ru: &SentenceAnchors) -> (Vec<bool>, Vec<bool>) {
    let (mut en_hit, mut ru_hit) = (
        vec![false; en.content as usize],
        vec![false; ru.content as usize],
    );
    let (a, b) = (&en.keys, &ru.keys);
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let k = a[i].0;
                while i < a.len() && a[i].0 == k {
                    en_hit[a[i].1 as usize] = true;
                    i += 1;
                }
                while j < b.len() && b[j].0 == k {
                    ru_hit[b[j].1 as usize] = true;
                    j += 1;
                }
            }
        }
    }
    (en_hit, ru_hit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(en: &str, ru: &str) -> Overlap {
        let lex = Lexicon::builtin();
        overlap(
            &SentenceAnchors::new(en, Lang::En, lex),
            &SentenceAnchors::new(ru, Lang::Ru, lex),
        )
    }

    #[test]
    fn translations_share_most_content_words() {
        let o = pair(
            "The president of Russia said on March 23 that prices rose by 15%.",
            "Президент России 23 марта заявил, что цены выросли на 15 %.",
        );
        assert_eq!(o.en_total, 8, "{o:?}");
        assert!(o.en_matched >= 7, "{o:?}");
        assert!(o.ru_matched >= 7, "{o:?}");
    }

    #[test]
    fn unrelated_sentences_share_little() {
        let o = pair(
            "The weather in Vladivostok was warm and sunny all week.",
            "Министр финансов представил новый бюджет на следующий год.",
        );
        assert!(o.ratio() < 0.2, "{o:?}");
    }

    #[test]
    fn numbers_names_and_acronyms_count_as_matches() {
        let o = pair(
            "Lavrov met NATO officials in Brussels to discuss $30 billion.",
            "Лавров обсудил с НАТО в Брюсселе 30 млрд долларов.",
        );
        assert!(o.en_matched >= 6, "{o:?}");
    }

    #[test]
    fn short_names_inside_a_sentence_match() {
        let o = pair("Leaders Kim and Xi met.", "Встретились лидеры Ким и Си.");
        assert_eq!((o.en_matched, o.en_total), (4, 4), "{o:?}");
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_anchors_without_panicking(text in "\\PC{0,80}") {
            let lex = Lexicon::builtin();
            for lang in [Lang::En, Lang::Ru] {
                let a = SentenceAnchors::new(&text, lang, lex);
                let o = overlap(&a, &a);
                // A sentence matches itself on every token that has a key.
                let keyed = a.keys.iter().map(|&(_, t)| t).collect::<std::collections::HashSet<_>>().len();
                proptest::prop_assert_eq!(o.en_matched, keyed);
                proptest::prop_assert!(o.en_matched <= o.en_total);
            }
        }

        #[test]
        fn a_shared_word_memo_changes_no_anchors(texts in proptest::collection::vec("[a-zA-Zа-яА-ЯёЁ0-9 .,$-]{0,40}", 0..6)) {
            let lex = Lexicon::builtin();
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            for lang in [Lang::En, Lang::Ru] {
                let all = Extractor::new(lex, lang, Extractors::default()).anchors_of_all(&texts);
                for (text, (anchors, _)) in texts.iter().zip(all) {
                    proptest::prop_assert_eq!(anchors, SentenceAnchors::new(text, lang, lex));
                }
            }
        }

        #[test]
        fn mixed_numbers_and_scripts_never_panic(text in "[0-9 ,.\\u{00A0}\\u{202F}$€a-zA-Zа-яА-ЯёЁ%-]{0,60}") {
            for lang in [Lang::En, Lang::Ru] {
                let _ = numbers::number_spans(&text, lang);
                let _ = numbers::month_spans(&text, lang);
                let _ = acronyms::concept_spans(&text, lang);
            }
        }
    }

    #[test]
    fn extracting_many_sentences_at_once_changes_nothing() {
        let lex = Lexicon::builtin();
        let texts = [
            "Lavrov met NATO officials in Brussels on March 3.",
            "Lavrov and Kim met again; the U.S. paid $30 billion.",
            "",
            "Anti-pollution talks went on in Vladivostok.",
        ];
        let mut extractor = Extractor::new(lex, Lang::En, Extractors::default());
        let all = extractor.anchors_of_all(&texts);
        for (text, (anchors, content)) in texts.iter().zip(all) {
            assert_eq!(anchors, SentenceAnchors::new(text, Lang::En, lex), "{text}");
            assert_eq!(content.len(), anchors.content_tokens());
        }
    }

    #[test]
    fn joined_sentences_keep_their_tokens() {
        let lex = Lexicon::builtin();
        let a = SentenceAnchors::new("Prices rose.", Lang::En, lex);
        let b = SentenceAnchors::new("The war ended.", Lang::En, lex);
        let ab = SentenceAnchors::join([&a, &b]);
        assert_eq!(ab.content_tokens(), a.content_tokens() + b.content_tokens());
        let ru = SentenceAnchors::new("Цены выросли, война закончилась.", Lang::Ru, lex);
        assert_eq!(overlap(&ab, &ru).en_matched, 4);
    }
}
