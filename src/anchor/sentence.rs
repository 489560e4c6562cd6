//! All anchors of one sentence, as hashable keys tied to its content words.
//!
//! [`SentenceAnchors::new`] runs every extractor once over a sentence: each
//! content token (not a stopword) gets the keys it can be matched by —
//! lexicon concepts, its transliteration key, the numbers, months and fixed
//! equivalents (acronyms, countries) it is part of. Two sentences are then
//! compared with [`overlap`], a merge of two sorted key lists: no word pair
//! is compared, so costing a bead stays cheap however long the sentences are.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::acronyms::{self, Stemmed};
use super::lexicon::Lexicon;
use super::tokens::{Token, is_stopword, token, token_spans};
use super::{numbers, translit};
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

impl Extractors {
    /// Dictionary concepts only: what a learned lexicon adds beside the
    /// built-in extractors.
    pub const LEXICON_ONLY: Extractors = Extractors {
        lexicon: true,
        names: false,
        numbers: false,
        months: false,
        fixed: false,
    };
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
        Extractor::new(lexicon, lang, run).anchors(text).anchors
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
    /// The word itself.
    text: String,
    stopword: bool,
    /// Lexicon and transliteration keys of the word and of its hyphen parts.
    keys: Vec<u64>,
    /// Key of a short name (Kim = Ким), for the word capitalised mid-sentence.
    short_name: Option<u64>,
    /// Key of a Latin-script word kept as it is in Russian text.
    latin: Option<u64>,
    /// The word may name a month ([`numbers::month_spans`] needs a look).
    month: bool,
    /// The word's stem for the fixed equivalents ([`acronyms`]), and whether
    /// it starts one of their forms.
    stem: String,
    starts_form: bool,
}

/// One way a word is written (`Lavrov`, `LAVROV`, `lavrov` are three).
struct Spelling {
    /// Index of the word in [`Extractor::words`].
    word: u32,
    capitalised: bool,
    all_caps: bool,
    has_digit: bool,
    /// Digits and no letter (`2021`, `3-4`): a number, keyed by
    /// [`numbers`] rather than as a word.
    number: bool,
}

impl Spelling {
    fn new(t: &Token, word: u32) -> Spelling {
        Spelling {
            word,
            capitalised: t.capitalised,
            all_caps: t.all_caps,
            has_digit: t.has_digit,
            number: t.has_digit && !t.text.chars().any(char::is_alphabetic),
        }
    }
}

/// A sentence's anchors, with the words that may be names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The sentence's anchors.
    pub anchors: SentenceAnchors,
    /// Content tokens (not stopwords) written with a capital and no digit,
    /// as `(content token index, normalised word)`: the name candidates.
    pub capitalised: Vec<(u32, String)>,
}

/// Extracts the anchors of many sentences of one language, doing the work
/// that depends on a word alone (normalising, stopword, lexicon,
/// transliteration and stem lookups) once per distinct spelling and word:
/// texts repeat their words, and that work was most of the cost.
pub struct Extractor<'a> {
    lexicon: &'a Lexicon,
    lang: Lang,
    run: Extractors,
    /// Written form -> index in `spellings`.
    seen_spellings: FxHashMap<String, u32>,
    spellings: Vec<Spelling>,
    /// Normalised word -> index in `words`.
    seen_words: FxHashMap<String, u32>,
    words: Vec<Word>,
}

impl<'a> Extractor<'a> {
    /// An extractor running the extractors `run` on text of `lang`.
    pub fn new(lexicon: &'a Lexicon, lang: Lang, run: Extractors) -> Extractor<'a> {
        Extractor {
            lexicon,
            lang,
            run,
            seen_spellings: FxHashMap::default(),
            spellings: Vec::new(),
            seen_words: FxHashMap::default(),
            words: Vec::new(),
        }
    }

    /// The anchors of `text` (one sentence, or several joined).
    pub fn anchors(&mut self, text: &str) -> Extracted {
        let spans = token_spans(text);
        let ids: Vec<u32> = spans
            .iter()
            .map(|r| self.spelling(&text[r.clone()]))
            .collect();
        self.assemble(text, &spans, &ids)
    }

    /// [`Extractor::anchors`] of every text, computed in parallel (rayon):
    /// the texts are split into tokens, the spellings and words new to the
    /// extractor are worked out (each once, and kept for later calls), then
    /// every text's keys are put together.
    pub fn anchors_of_all(&mut self, texts: &[&str]) -> Vec<Extracted> {
        let spans: Vec<Vec<Range<usize>>> = texts.par_iter().map(|t| token_spans(t)).collect();
        let mut listed = FxHashSet::default();
        let new: Vec<&str> = texts
            .iter()
            .zip(&spans)
            .flat_map(|(text, spans)| spans.iter().map(|r| &text[r.clone()]))
            .filter(|w| !self.seen_spellings.contains_key(*w) && listed.insert(*w))
            .collect();
        let tokens: Vec<Token> = new.par_iter().map(|w| token(w)).collect();
        // The new words are worked out in parallel, then recorded in order.
        let mut listed = FxHashSet::default();
        let new_words: Vec<&str> = tokens
            .iter()
            .map(|t| t.text.as_str())
            .filter(|w| !self.seen_words.contains_key(*w) && listed.insert(*w))
            .collect();
        let worked: Vec<Word> = new_words.par_iter().map(|w| self.work_out(w)).collect();
        for word in worked {
            self.seen_words
                .insert(word.text.clone(), self.words.len() as u32);
            self.words.push(word);
        }
        for (written, t) in new.iter().zip(&tokens) {
            let word = self.word(&t.text);
            self.seen_spellings
                .insert(written.to_string(), self.spellings.len() as u32);
            self.spellings.push(Spelling::new(t, word));
        }
        let this = &*self;
        texts
            .par_iter()
            .zip(spans)
            .map(|(text, spans)| {
                let ids: Vec<u32> = spans
                    .iter()
                    .map(|r| this.seen_spellings[&text[r.clone()]])
                    .collect();
                this.assemble(text, &spans, &ids)
            })
            .collect()
    }

    /// The index of the spelling `written` in `spellings`, worked out on
    /// first sight.
    fn spelling(&mut self, written: &str) -> u32 {
        if let Some(&id) = self.seen_spellings.get(written) {
            return id;
        }
        let t = token(written);
        let word = self.word(&t.text);
        let id = self.spellings.len() as u32;
        self.spellings.push(Spelling::new(&t, word));
        self.seen_spellings.insert(written.to_string(), id);
        id
    }

    /// The index of the normalised word `text` in `words`, worked out on
    /// first sight.
    fn word(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.seen_words.get(text) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(self.work_out(text));
        self.seen_words.insert(text.to_string(), id);
        id
    }

    /// The anchors of `text`, given its token spans and their spellings.
    fn assemble(&self, text: &str, spans: &[Range<usize>], ids: &[u32]) -> Extracted {
        let (lang, run) = (self.lang, self.run);
        let mut keys = Vec::with_capacity(4 * spans.len());
        let mut content = Vec::with_capacity(spans.len());
        let mut capitalised = Vec::new();
        let (mut month, mut starts_form) = (false, false);
        for (span, &id) in spans.iter().zip(ids) {
            let spelling = &self.spellings[id as usize];
            let word = &self.words[spelling.word as usize];
            month |= word.month;
            starts_form |= word.starts_form;
            if word.stopword {
                continue;
            }
            let i = content.len() as u32;
            content.push(span);
            if spelling.capitalised && !spelling.has_digit {
                capitalised.push((i, word.text.clone()));
            }
            if spelling.number {
                continue;
            }
            keys.extend(word.keys.iter().map(|&k| (k, i)));
            // Short names (Kim = Ким): only capitalised words not at the start
            // of the sentence, where a capital says "name".
            if let Some(k) = word.short_name
                && spelling.capitalised
                && span.start > 0
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
        if run.months && month {
            for (m, span) in numbers::month_spans(text, lang) {
                keys.extend(covering(span.start, span.end).map(|i| (key(Kind::Month, m), i)));
            }
        }
        if run.fixed {
            // Only a sentence with a word that starts a form needs the words
            // matched; any other may still name a concept by a sign.
            let words: Vec<Stemmed> = if starts_form {
                spans
                    .iter()
                    .zip(ids)
                    .map(|(span, &id)| {
                        let spelling = &self.spellings[id as usize];
                        Stemmed {
                            span: span.clone(),
                            capitalised: spelling.capitalised,
                            all_caps: spelling.all_caps,
                            stem: &self.words[spelling.word as usize].stem,
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let found = acronyms::concept_spans_of(text, &words, lang)
                .unwrap_or_else(|| acronyms::concept_spans(text, lang));
            for (id, span) in found {
                keys.extend(covering(span.start, span.end).map(|i| (key(Kind::Fixed, id), i)));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Extracted {
            anchors: SentenceAnchors {
                keys,
                content: content.len() as u32,
            },
            capitalised,
        }
    }

    fn work_out(&self, text: &str) -> Word {
        let (lang, run) = (self.lang, self.run);
        let stem = if run.fixed {
            acronyms::stem(text, lang)
        } else {
            String::new()
        };
        let mut word = Word {
            text: text.to_string(),
            stopword: is_stopword(text, lang),
            keys: Vec::new(),
            short_name: None,
            latin: None,
            month: run.months && numbers::may_name_month(text, lang),
            starts_form: run.fixed && acronyms::starts_form(&stem, lang),
            stem,
        };
        if word.stopword {
            return word;
        }
        // A hyphenated word is also looked up part by part (anti-pollution,
        // северо-западный), since dictionaries list the parts.
        let parts = text
            .split('-')
            .filter(|p| p.len() > 1 && p.len() < text.len());
        for part in std::iter::once(text).chain(parts) {
            if run.lexicon {
                word.keys.extend(
                    self.lexicon
                        .keys(part, lang)
                        .map(|id| key(Kind::Lexicon, id)),
                );
            }
            if run.names {
                word.keys.extend(
                    translit::compute_match_keys(part, lang)
                        .into_iter()
                        .map(|k| key(Kind::Name, k)),
                );
            }
        }
        if run.names {
            word.short_name =
                translit::short_name_key(text, lang).map(|k| key(Kind::Name, ("short", k)));
            // Latin-script words kept as they are in Russian text (FedEx, iPhone, C).
            word.latin = text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '\'')
                .then(|| key(Kind::Name, ("latin", text)));
        }
        word
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

    /// Anchor extraction as it was written before the extractor remembered
    /// words: token by token, every lookup done anew. The extractor must
    /// agree with it exactly.
    fn reference(text: &str, lang: Lang, lexicon: &Lexicon, run: Extractors) -> SentenceAnchors {
        let toks: Vec<_> = crate::anchor::tokens::tokens(text)
            .into_iter()
            .filter(|t| !is_stopword(&t.text, lang))
            .collect();
        let mut keys = Vec::new();
        // Token index covering a byte span (every token that overlaps it).
        let covering = |start: usize, end: usize| {
            toks.iter()
                .enumerate()
                .filter(move |(_, t)| t.start < end && start < t.end)
                .map(|(i, _)| i as u32)
        };
        for (i, t) in toks.iter().enumerate() {
            let i = i as u32;
            if t.has_digit && !t.text.chars().any(char::is_alphabetic) {
                continue;
            }
            // A hyphenated word is also looked up part by part (anti-pollution,
            // северо-западный), since dictionaries list the parts.
            let parts = t
                .text
                .split('-')
                .filter(|p| p.len() > 1 && p.len() < t.text.len());
            for word in std::iter::once(t.text.as_str()).chain(parts) {
                if run.lexicon {
                    keys.extend(
                        lexicon
                            .keys(word, lang)
                            .map(|id| (key(Kind::Lexicon, id), i)),
                    );
                }
                if run.names {
                    keys.extend(
                        translit::match_keys(word, lang)
                            .into_iter()
                            .map(|k| (key(Kind::Name, k), i)),
                    );
                }
            }
            // Short names (Kim = Ким): only capitalised words not at the start
            // of the sentence, where a capital says "name".
            if run.names
                && t.capitalised
                && t.start > 0
                && let Some(k) = translit::short_name_key(&t.text, lang)
            {
                keys.push((key(Kind::Name, ("short", k)), i));
            }
            // Latin-script words kept as they are in Russian text (FedEx, iPhone, C).
            if run.names
                && t.text
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '\'')
            {
                keys.push((key(Kind::Name, ("latin", t.text.as_str())), i));
            }
        }
        if run.numbers {
            for (n, span) in numbers::number_spans(text, lang) {
                keys.extend(covering(span.start, span.end).map(|i| (key(Kind::Number, n), i)));
            }
        }
        if run.months {
            for (m, span) in numbers::month_spans(text, lang) {
                keys.extend(covering(span.start, span.end).map(|i| (key(Kind::Month, m), i)));
            }
        }
        if run.fixed {
            for (id, span) in acronyms::concept_spans(text, lang) {
                keys.extend(covering(span.start, span.end).map(|i| (key(Kind::Fixed, id), i)));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        SentenceAnchors {
            keys,
            content: toks.len() as u32,
        }
    }

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
        fn remembering_words_changes_no_anchors(texts in proptest::collection::vec("[a-zA-Zа-яА-ЯёЁ0-9 .,$€-]{0,40}", 0..6)) {
            let lex = Lexicon::builtin();
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            for lang in [Lang::En, Lang::Ru] {
                let all = Extractor::new(lex, lang, Extractors::default()).anchors_of_all(&texts);
                for (text, found) in texts.iter().zip(all) {
                    let alone = Extractor::new(lex, lang, Extractors::default()).anchors(text);
                    proptest::prop_assert_eq!(&found, &alone);
                    proptest::prop_assert_eq!(found.anchors, reference(text, lang, lex, Extractors::default()));
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
            "Lavrov and Kim met again; the U.S. paid $30 billion in May 2020.",
            "",
            "Anti-pollution talks went on in Vladivostok, said COVID-19 experts.",
        ];
        for run in [Extractors::default(), Extractors::LEXICON_ONLY] {
            let mut extractor = Extractor::new(lex, Lang::En, run);
            let all = extractor.anchors_of_all(&texts);
            for (text, found) in texts.iter().zip(all) {
                assert_eq!(found.anchors, reference(text, Lang::En, lex, run), "{text}");
            }
        }
        let found = Extractor::new(lex, Lang::En, Extractors::default()).anchors(texts[1]);
        let names: Vec<&str> = found.capitalised.iter().map(|(_, w)| w.as_str()).collect();
        // "May" is a stopword; the dots of "U.S." split it.
        assert_eq!(names, ["lavrov", "kim", "u", "s"]);
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
