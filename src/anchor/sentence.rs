//! All anchors of a sentence, as hashable keys tied to its content words.
//!
//! [`Extractor::anchors_of_all`] runs every extractor over the sentences of
//! one side (this is what the aligner calls): each content token (not a
//! stopword) gets the [`Anchor`]s it can be matched by — lexicon concepts,
//! its transliteration key, the numbers, months and fixed equivalents
//! (acronyms, countries) it is part of. Comparing two sentences is then a
//! matter of equal keys: no word pair is compared, so costing a bead stays
//! cheap however long the sentences are.

use std::cell::RefCell;
use std::hash::Hash;
use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::acronyms::{self, Stemmed};
use super::key::{Anchor, AnchorKey, Capitalised, TokenIx};
use super::lexicon::Lexicon;
use super::tokens::{Token, is_stopword, normalise, token, token_spans, token_spans_into};
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

/// The key of `value` found by the extractor `kind`.
fn key<T: Hash>(kind: Kind, value: T) -> AnchorKey {
    AnchorKey::of((kind, value))
}

/// Which extractors an [`Extractor`] runs: all by default; fewer to measure
/// what each kind of anchor contributes, or the lexicon alone for a learned
/// lexicon, which adds its concepts beside the built-in extractors.
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

/// What the extractors make of one word (a normalised token), whatever
/// sentence it stands in.
struct Word {
    /// The word itself.
    text: String,
    stopword: bool,
    /// Lexicon and transliteration keys of the word and of its hyphen parts.
    keys: Vec<AnchorKey>,
    /// Some of `keys` are lexicon keys: the dictionary knows the word.
    known: bool,
    /// Key of a short name (Kim = Ким), for the word capitalised mid-sentence.
    short_name: Option<AnchorKey>,
    /// Key of a Latin-script word kept as it is in Russian text.
    latin: Option<AnchorKey>,
    /// The word may name a month ([`numbers::month_spans`] needs a look).
    month: bool,
    /// The word's stem for the fixed equivalents ([`acronyms`]), and the
    /// most words of one of their forms that starts with it (0: none does).
    stem: String,
    form_words: usize,
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
    /// The sentence's anchors, sorted by key, then token, without repeats.
    pub anchors: Vec<Anchor>,
    /// How many content tokens (tokens that are not stopwords) the
    /// sentence has; every [`TokenIx`] is below it.
    pub content_tokens: u32,
    /// Content tokens written with a capital and no digit, in order: the
    /// name candidates.
    pub capitalised: Vec<Capitalised>,
    /// Content tokens with an anchor other than a transliteration key (a
    /// dictionary concept, a number, a month, a fixed equivalent), in order:
    /// the tokens whose counterpart the anchors can vouch for, which the
    /// pair verdict ([`crate::verdict`]) counts whether they match or not.
    pub known: Vec<TokenIx>,
    /// Content tokens with a number, month or fixed-equivalent anchor,
    /// sorted: signs that a translation keeps as they are.
    pub signs: Vec<TokenIx>,
}

/// Sentences extracted on one rayon task by [`Extractor::extract_blocks`]:
/// each task keeps its sentences' anchors in one set of flat lists
/// ([`Extractions`]) instead of a set of lists a sentence, so that a chunk
/// of a book costs a few hundred allocations rather than tens of
/// thousands (freed, besides, on whichever thread records them).
const BLOCK: usize = 64;

/// What [`Extracted`] holds of each of consecutive sentences, in flat
/// lists one sentence after another: sentence `k`'s anchors are
/// `anchors[ends[k].anchors..ends[k + 1].anchors]`, and so on.
#[derive(Debug)]
pub(crate) struct Extractions {
    anchors: Vec<Anchor>,
    /// The capitalised words: token, and where the word is in `words`.
    capitalised: Vec<(TokenIx, Range<usize>)>,
    words: String,
    known: Vec<TokenIx>,
    signs: Vec<TokenIx>,
    /// Where each sentence's entries end in each list (the first entry, 0s:
    /// where the first one's start).
    ends: Vec<Ends>,
}

/// Where a sentence's entries end in each list of [`Extractions`].
#[derive(Debug, Clone, Copy, Default)]
struct Ends {
    anchors: usize,
    capitalised: usize,
    known: usize,
    signs: usize,
    /// Not an end: the sentence's own count of content tokens.
    content_tokens: u32,
}

impl Extractions {
    fn new() -> Extractions {
        Extractions {
            anchors: Vec::new(),
            capitalised: Vec::new(),
            words: String::new(),
            known: Vec::new(),
            signs: Vec::new(),
            ends: vec![Ends::default()],
        }
    }

    /// How many sentences it holds.
    pub(crate) fn len(&self) -> usize {
        self.ends.len() - 1
    }

    /// How many anchors all its sentences have together.
    pub(crate) fn anchors(&self) -> usize {
        self.anchors.len()
    }

    /// Sentence `k`'s anchors.
    pub(crate) fn get(&self, k: usize) -> ExtractedRef<'_> {
        let (from, to) = (self.ends[k], self.ends[k + 1]);
        ExtractedRef {
            anchors: &self.anchors[from.anchors..to.anchors],
            content_tokens: to.content_tokens,
            capitalised: &self.capitalised[from.capitalised..to.capitalised],
            words: &self.words,
            known: &self.known[from.known..to.known],
            signs: &self.signs[from.signs..to.signs],
        }
    }

    /// Every sentence's anchors, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = ExtractedRef<'_>> {
        (0..self.len()).map(|k| self.get(k))
    }

    /// Closes the sentence whose entries were added last.
    fn end_sentence(&mut self, content_tokens: u32) {
        self.ends.push(Ends {
            anchors: self.anchors.len(),
            capitalised: self.capitalised.len(),
            known: self.known.len(),
            signs: self.signs.len(),
            content_tokens,
        });
    }
}

/// One sentence of [`Extractions`]: what [`Extracted`] holds, borrowed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ExtractedRef<'e> {
    /// As [`Extracted::anchors`].
    pub(crate) anchors: &'e [Anchor],
    /// As [`Extracted::content_tokens`].
    pub(crate) content_tokens: u32,
    capitalised: &'e [(TokenIx, Range<usize>)],
    words: &'e str,
    /// As [`Extracted::known`].
    pub(crate) known: &'e [TokenIx],
    /// As [`Extracted::signs`].
    pub(crate) signs: &'e [TokenIx],
}

impl<'e> ExtractedRef<'e> {
    /// As [`Extracted::capitalised`]: each word's token and the word.
    pub(crate) fn capitalised(&self) -> impl Iterator<Item = (TokenIx, &'e str)> + use<'e> {
        let words = self.words;
        (self.capitalised.iter()).map(move |(token, word)| (*token, &words[word.clone()]))
    }

    /// The sentence's anchors as an [`Extracted`] of its own.
    pub(crate) fn to_extracted(self) -> Extracted {
        Extracted {
            anchors: self.anchors.to_vec(),
            content_tokens: self.content_tokens,
            capitalised: (self.capitalised())
                .map(|(token, word)| Capitalised {
                    token,
                    word: word.to_string(),
                })
                .collect(),
            known: self.known.to_vec(),
            signs: self.signs.to_vec(),
        }
    }
}

/// The token spans of consecutive sentences and the spelling of each token
/// ([`Extractor::seen_spellings`]), flat as in [`Extractions`]: sentence
/// `k`'s are `spans[ends[k]..ends[k + 1]]`.
struct Spelt {
    spans: Vec<Range<usize>>,
    ids: Vec<u32>,
    ends: Vec<usize>,
}

impl Spelt {
    /// Where sentence `k`'s tokens are in `spans` and `ids`.
    fn sentence(&self, k: usize) -> Range<usize> {
        self.ends[k]..self.ends[k + 1]
    }
}

/// Room [`Extractor::assemble`] reuses from one sentence to the next.
#[derive(Default)]
struct Scratch<'s> {
    /// The byte spans of the sentence's content tokens.
    content: Vec<Range<usize>>,
    /// Its tokens stemmed for the fixed equivalents.
    stemmed: Vec<Stemmed<'s>>,
}

/// Whether `text` is seen for the first time, numbering it in `listed`
/// (in order of first sight) if so.
fn first_sight<'t>(listed: &mut FxHashMap<&'t str, u32>, text: &'t str) -> bool {
    let next = listed.len() as u32;
    match listed.entry(text) {
        std::collections::hash_map::Entry::Vacant(slot) => {
            slot.insert(next);
            true
        }
        std::collections::hash_map::Entry::Occupied(_) => false,
    }
}

/// Sorts `list[from..]` and drops its repeats.
pub(crate) fn sort_and_dedup_tail<T: Ord + Copy>(list: &mut Vec<T>, from: usize) {
    list[from..].sort_unstable();
    let mut kept = from;
    for at in from..list.len() {
        if kept == from || list[kept - 1] != list[at] {
            list[kept] = list[at];
            kept += 1;
        }
    }
    list.truncate(kept);
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

/// Most spellings an extractor of the built-in lexicon keeps between calls
/// ([`Extractor::remembering`]); one that passes it is dropped, so that a
/// batch's memory stays bounded (about 5 MB a language and thread) however
/// many pairs it reads, and a long document's words (a book's are more) are
/// not held while it is aligned. Twice the bound was no faster on 2,421
/// statement-size pieces of the dev sets' documents.
const REMEMBERED_SPELLINGS: usize = 10_000;

thread_local! {
    /// The extractors of the built-in lexicon, English and Russian, kept on
    /// this thread between calls of [`Extractor::remembering`].
    static REMEMBERED: RefCell<[Option<Extractor<'static>>; 2]> =
        const { RefCell::new([None, None]) };
}

impl<'a> Extractor<'a> {
    /// Runs `f` with an extractor running all extractors on text of `lang`
    /// with `lexicon`. With the built-in lexicon, the extractor is the one
    /// the last call on this thread left, with the words it has worked out:
    /// a batch of pairs repeats most of its words from pair to pair, and
    /// what the extractors find in a text does not depend on what they
    /// remember (`remembering_words_changes_no_anchors`).
    pub fn remembering<R>(
        lexicon: &'a Lexicon,
        lang: Lang,
        f: impl FnOnce(&mut Extractor<'_>) -> R,
    ) -> R {
        if !std::ptr::eq(lexicon, Lexicon::builtin()) {
            return f(&mut Extractor::new(lexicon, lang, Extractors::default()));
        }
        let side = usize::from(lang == Lang::Ru);
        // Taken out while in use: a call nested on the same thread (rayon
        // runs another pair's work while this one waits) starts afresh.
        let kept = REMEMBERED.with(|r| r.borrow_mut()[side].take());
        let mut extractor =
            kept.unwrap_or_else(|| Extractor::new(Lexicon::builtin(), lang, Extractors::default()));
        let out = f(&mut extractor);
        if extractor.spellings.len() <= REMEMBERED_SPELLINGS {
            REMEMBERED.with(|r| r.borrow_mut()[side] = Some(extractor));
        } else {
            // A book's extractor holds a string for each of its tens of
            // thousands of spellings and words: freed on the pool while the
            // caller goes on (the Bible's took 16M instructions, 7% of the
            // work left on the thread that waits for the pool).
            rayon::spawn(move || drop(extractor));
        }
        out
    }

    /// Lets go of the extractors this thread remembers without freeing
    /// them, for a process about to exit: freeing every word they hold, one
    /// allocation at a time, was a fiftieth of a one-statement run, spent
    /// after its output was written.
    pub fn forget_remembered() {
        let _ = REMEMBERED.try_with(|r| std::mem::forget(r.take()));
    }

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
        let mut out = Extractions::new();
        self.assemble(text, &spans, &ids, &mut out, &mut Scratch::default());
        out.get(0).to_extracted()
    }

    /// [`Extractor::anchors`] of every text, computed in parallel (rayon):
    /// the texts are split into tokens, the spellings and words new to the
    /// extractor are worked out (each once, and kept for later calls), then
    /// every text's keys are put together.
    pub fn anchors_of_all(&mut self, texts: &[&str]) -> Vec<Extracted> {
        let blocks = self.extract_blocks(texts);
        (blocks.iter())
            .flat_map(|block| block.iter().map(ExtractedRef::to_extracted))
            .collect()
    }

    /// [`Extractor::anchors_of_all`], the sentences' anchors kept flat a
    /// block of [`BLOCK`] sentences at a time, in order.
    pub(crate) fn extract_blocks(&mut self, texts: &[&str]) -> Vec<Extractions> {
        // Each token's spelling, looked up in parallel; `NEW` for one not
        // seen before, listed (once, in order of first sight) and looked up
        // again once it is recorded.
        const NEW: u32 = u32::MAX;
        let this = &*self;
        // With each block's spellings, the new ones it holds, each once, in
        // order of first sight (listed in parallel: the serial listing of a
        // chunk's new spellings was a pass over all its tokens).
        let (spelt, fresh): (Vec<Spelt>, Vec<Vec<&str>>) = texts
            .par_chunks(BLOCK)
            .map(|block| {
                // About one token per six bytes of English (twelve of
                // Russian): room that spares most blocks a reallocation.
                let bytes: usize = block.iter().map(|text| text.len()).sum();
                let mut spelt = Spelt {
                    spans: Vec::with_capacity(bytes / 6),
                    ids: Vec::with_capacity(bytes / 6),
                    ends: Vec::with_capacity(block.len() + 1),
                };
                let (mut fresh, mut listed) = (Vec::new(), FxHashSet::default());
                spelt.ends.push(0);
                for text in block {
                    let from = spelt.spans.len();
                    token_spans_into(text, &mut spelt.spans);
                    for r in &spelt.spans[from..] {
                        let written = &text[r.clone()];
                        let id = this.seen_spellings.get(written).copied();
                        if id.is_none() && listed.insert(written) {
                            fresh.push(written);
                        }
                        spelt.ids.push(id.unwrap_or(NEW));
                    }
                    spelt.ends.push(spelt.spans.len());
                }
                (spelt, fresh)
            })
            .unzip();
        // Each new spelling's place in `new`, its id once recorded being
        // the spellings' count before plus that place.
        let mut listed: FxHashMap<&str, u32> = FxHashMap::default();
        let new: Vec<&str> = (fresh.iter().flatten())
            .copied()
            .filter(|w| first_sight(&mut listed, w))
            .collect();
        drop(fresh);
        let tokens: Vec<Token> = new.par_iter().map(|w| token(w)).collect();
        // The new words are worked out in parallel, then stored in order,
        // each new word's id being the words' count before plus its place.
        let mut listed_words: FxHashMap<&str, u32> = FxHashMap::default();
        let new_words: Vec<&str> = tokens
            .iter()
            .map(|t| t.text.as_str())
            .filter(|w| !self.seen_words.contains_key(*w) && first_sight(&mut listed_words, w))
            .collect();
        let worked: Vec<Word> = new_words.par_iter().map(|w| self.work_out(w)).collect();
        let (first_word, first_spelling) = (self.words.len(), self.spellings.len());
        let this = &*self;
        let spelt_words: Vec<u32> = tokens
            .par_iter()
            .map(|t| match this.seen_words.get(&t.text) {
                Some(&word) => word,
                None => (first_word as u32) + listed_words[t.text.as_str()],
            })
            .collect();
        self.words.extend(worked);
        (self.spellings).extend(
            tokens
                .iter()
                .zip(spelt_words)
                .map(|(t, word)| Spelling::new(t, word)),
        );
        // The maps from text to id are filled on one core while the other
        // puts the sentences' anchors together, which needs only the ids:
        // filling them (a string made and hashed per new word and
        // spelling) was most of this function's serial work.
        let mut seen_words = std::mem::take(&mut self.seen_words);
        let mut seen_spellings = std::mem::take(&mut self.seen_spellings);
        let this = &*self;
        let remember = || {
            // Room for the new words and spellings at once: grown one at a
            // time, the maps were rehashed over and over (1% of a
            // one-statement run).
            seen_words.reserve(this.words.len() - first_word);
            seen_spellings.reserve(new.len());
            for (id, word) in this.words.iter().enumerate().skip(first_word) {
                seen_words.insert(word.text.clone(), id as u32);
            }
            for (at, written) in new.iter().enumerate() {
                seen_spellings.insert(written.to_string(), (first_spelling + at) as u32);
            }
        };
        let assemble = || {
            texts
                .par_chunks(BLOCK)
                .zip(spelt)
                .map(|(block, mut spelt)| {
                    let mut out = Extractions::new();
                    let mut scratch = Scratch::default();
                    for (k, text) in block.iter().enumerate() {
                        let tokens = spelt.sentence(k);
                        for at in tokens.clone() {
                            if spelt.ids[at] == NEW {
                                let written = &text[spelt.spans[at].clone()];
                                spelt.ids[at] = (first_spelling as u32) + listed[written];
                            }
                        }
                        let (spans, ids) = (&spelt.spans[tokens.clone()], &spelt.ids[tokens]);
                        this.assemble(text, spans, ids, &mut out, &mut scratch);
                    }
                    out
                })
                .collect()
        };
        let ((), out) = rayon::join(remember, assemble);
        self.seen_words = seen_words;
        self.seen_spellings = seen_spellings;
        out
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

    /// Adds the anchors of `text`, given its token spans and their
    /// spellings, to `out` as its next sentence.
    fn assemble<'s>(
        &'s self,
        text: &str,
        spans: &[Range<usize>],
        ids: &[u32],
        out: &mut Extractions,
        scratch: &mut Scratch<'s>,
    ) {
        let (lang, run) = (self.lang, self.run);
        let (first_key, first_known, first_sign) =
            (out.anchors.len(), out.known.len(), out.signs.len());
        let keys = &mut out.anchors;
        let content = &mut scratch.content;
        content.clear();
        let (mut month, mut starts_form) = (false, false);
        for (span, &id) in spans.iter().zip(ids) {
            let spelling = &self.spellings[id as usize];
            let word = &self.words[spelling.word as usize];
            month |= word.month;
            starts_form |= word.form_words > 0;
            if word.stopword {
                continue;
            }
            let i = TokenIx(content.len() as u32);
            content.push(span.clone());
            if spelling.capitalised && !spelling.has_digit {
                let from = out.words.len();
                out.words.push_str(&word.text);
                out.capitalised.push((i, from..out.words.len()));
            }
            if spelling.number {
                continue;
            }
            if word.known {
                out.known.push(i);
            }
            let anchor = |key| Anchor { key, token: i };
            keys.extend(word.keys.iter().copied().map(anchor));
            // Short names (Kim = Ким): only capitalised words not at the start
            // of the sentence, where a capital says "name".
            if let Some(k) = word.short_name
                && spelling.capitalised
                && span.start > 0
            {
                keys.push(anchor(k));
            }
            if let Some(k) = word.latin {
                keys.push(anchor(k));
            }
        }
        let content = &*content;
        // The anchors of `key` on every content token that overlaps a byte span.
        let covering = |key: AnchorKey, span: Range<usize>| {
            content
                .iter()
                .enumerate()
                .filter(move |(_, t)| t.start < span.end && span.start < t.end)
                .map(move |(i, _)| Anchor {
                    key,
                    token: TokenIx(i as u32),
                })
        };
        // Every key from here on is one other than a transliteration's.
        let word_keys = keys.len();
        if run.numbers {
            for (n, span) in numbers::number_spans(text, lang) {
                keys.extend(covering(key(Kind::Number, n), span));
            }
        }
        if run.months && month {
            for (m, span) in numbers::month_spans(text, lang) {
                keys.extend(covering(key(Kind::Month, m), span));
            }
        }
        if run.fixed {
            // Only a sentence with a word that starts a form needs the words
            // matched; any other may still name a concept by a sign.
            let words = &mut scratch.stemmed;
            words.clear();
            if starts_form {
                words.extend(spans.iter().zip(ids).map(|(span, &id)| {
                    let spelling = &self.spellings[id as usize];
                    let word = &self.words[spelling.word as usize];
                    Stemmed {
                        span: span.clone(),
                        capitalised: spelling.capitalised,
                        all_caps: spelling.all_caps,
                        stem: &word.stem,
                        form_words: word.form_words,
                    }
                }));
            }
            let found = acronyms::concept_spans_of(text, words, lang)
                .unwrap_or_else(|| acronyms::concept_spans(text, lang));
            for (id, span) in found {
                keys.extend(covering(key(Kind::Fixed, id), span));
            }
        }
        out.signs.extend(keys[word_keys..].iter().map(|a| a.token));
        sort_and_dedup_tail(&mut out.signs, first_sign);
        if out.signs.len() > first_sign {
            out.known.extend_from_slice(&out.signs[first_sign..]);
            sort_and_dedup_tail(&mut out.known, first_known);
        }
        sort_and_dedup_tail(keys, first_key);
        out.end_sentence(content.len() as u32);
    }

    fn work_out(&self, text: &str) -> Word {
        let (lang, run) = (self.lang, self.run);
        // The word and its hyphen parts, normalised and stemmed once for the
        // lexicon, the transliteration keys and the fixed equivalents (each
        // did it anew, three stems a word).
        let parts = text
            .split('-')
            .filter(|p| p.len() > 1 && p.len() < text.len());
        let stemmed: Vec<(String, String)> = if run.lexicon || run.names {
            std::iter::once(text)
                .chain(parts)
                .map(|part| {
                    let lower = normalise(part);
                    // The lexicon's stemmer too (stem_en, stem_ru).
                    let stem = acronyms::stem(&lower, lang);
                    (lower, stem)
                })
                .collect()
        } else {
            Vec::new()
        };
        let stem = match stemmed.first() {
            // The fixed equivalents stem the word as it is.
            Some((lower, stem)) if run.fixed && lower == text => stem.clone(),
            _ if run.fixed => acronyms::stem(text, lang),
            _ => String::new(),
        };
        let mut word = Word {
            text: text.to_string(),
            stopword: is_stopword(text, lang),
            keys: Vec::new(),
            known: false,
            short_name: None,
            latin: None,
            month: run.months && numbers::may_name_month(text, lang),
            form_words: if run.fixed {
                acronyms::form_words(&stem, lang)
            } else {
                0
            },
            stem,
        };
        if word.stopword {
            return word;
        }
        // A hyphenated word is also looked up part by part (anti-pollution,
        // северо-западный), since dictionaries list the parts.
        // The whole word's short-name key, found with its match keys.
        let mut short_name = None;
        for (i, (lower, stem)) in stemmed.iter().enumerate() {
            if run.lexicon {
                let before = word.keys.len();
                word.keys.extend(
                    self.lexicon
                        .keys_of_stem(stem, lang)
                        .map(|id| key(Kind::Lexicon, id)),
                );
                word.known |= word.keys.len() > before;
            }
            if run.names {
                let (keys, short) = translit::name_keys_of_stem(lower, stem, lang);
                word.keys
                    .extend(keys.into_iter().map(|k| key(Kind::Name, k)));
                if i == 0 {
                    short_name = short;
                }
            }
        }
        if run.names {
            word.short_name = short_name.map(|k| key(Kind::Name, ("short", k)));
            // Latin-script words kept as they are in Russian text (FedEx, iPhone, C).
            word.latin = text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '\'')
                .then(|| key(Kind::Name, ("latin", text)));
        }
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Anchor extraction as it was written before the extractor remembered
    /// words: token by token, every lookup done anew. The extractor must
    /// agree with it exactly.
    fn reference(text: &str, lang: Lang, lexicon: &Lexicon, run: Extractors) -> (Vec<Anchor>, u32) {
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
                .map(|(i, _)| TokenIx(i as u32))
        };
        let anchor = |key, token| Anchor { key, token };
        for (i, t) in toks.iter().enumerate() {
            let i = TokenIx(i as u32);
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
                            .map(|id| anchor(key(Kind::Lexicon, id), i)),
                    );
                }
                if run.names {
                    keys.extend(
                        translit::match_keys(word, lang)
                            .into_iter()
                            .map(|k| anchor(key(Kind::Name, k), i)),
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
                keys.push(anchor(key(Kind::Name, ("short", k)), i));
            }
            // Latin-script words kept as they are in Russian text (FedEx, iPhone, C).
            if run.names
                && t.text
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '\'')
            {
                keys.push(anchor(key(Kind::Name, ("latin", t.text.as_str())), i));
            }
        }
        if run.numbers {
            for (n, span) in numbers::number_spans(text, lang) {
                keys.extend(
                    covering(span.start, span.end).map(|i| anchor(key(Kind::Number, n), i)),
                );
            }
        }
        if run.months {
            for (m, span) in numbers::month_spans(text, lang) {
                keys.extend(covering(span.start, span.end).map(|i| anchor(key(Kind::Month, m), i)));
            }
        }
        if run.fixed {
            for (id, span) in acronyms::concept_spans(text, lang) {
                keys.extend(
                    covering(span.start, span.end).map(|i| anchor(key(Kind::Fixed, id), i)),
                );
            }
        }
        keys.sort_unstable();
        keys.dedup();
        (keys, toks.len() as u32)
    }

    proptest::proptest! {
        #[test]
        fn remembering_words_changes_no_anchors(texts in proptest::collection::vec("[a-zA-Zа-яА-ЯёЁ0-9 .,$€-]{0,40}", 0..6)) {
            let lex = Lexicon::builtin();
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            for lang in [Lang::En, Lang::Ru] {
                let all = Extractor::new(lex, lang, Extractors::default()).anchors_of_all(&texts);
                for (text, found) in texts.iter().zip(all) {
                    let alone = Extractor::new(lex, lang, Extractors::default()).anchors(text);
                    proptest::prop_assert_eq!(&found, &alone);
                    // The known tokens are those with an anchor when names are left out.
                    let without_names = Extractors { names: false, ..Extractors::default() };
                    let mut known: Vec<TokenIx> = reference(text, lang, lex, without_names).0.iter().map(|a| a.token).collect();
                    known.sort_unstable();
                    known.dedup();
                    proptest::prop_assert_eq!(&found.known, &known);
                    proptest::prop_assert_eq!((found.anchors, found.content_tokens), reference(text, lang, lex, Extractors::default()));
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
    fn a_remembered_extractor_finds_what_a_new_one_finds() {
        let lex = Lexicon::builtin();
        let texts = [
            "Lavrov met NATO officials in Brussels on March 3.",
            "Лавров встретился с представителями НАТО в Брюсселе 3 марта.",
            "Lavrov and Kim met again in Brussels.",
        ];
        for lang in [Lang::En, Lang::Ru] {
            for text in texts {
                let remembered = Extractor::remembering(lex, lang, |e| e.anchors_of_all(&[text]));
                let new = Extractor::new(lex, lang, Extractors::default()).anchors_of_all(&[text]);
                assert_eq!(remembered, new, "{text}");
            }
            // The built-in lexicon's extractor is kept with its words (this
            // test's thread has its own); another lexicon's is not.
            let kept = || {
                REMEMBERED.with(|r| {
                    r.borrow()[usize::from(lang == Lang::Ru)]
                        .as_ref()
                        .map(|e| e.spellings.len())
                })
            };
            assert!(kept().is_some_and(|n| n > 0));
            let other = Lexicon::new();
            Extractor::remembering(&other, lang, |e| e.anchors_of_all(&["Kim"]));
            assert!(kept().is_some_and(|n| n > 0));
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
                assert_eq!(
                    (found.anchors, found.content_tokens),
                    reference(text, Lang::En, lex, run),
                    "{text}"
                );
            }
        }
        let found = Extractor::new(lex, Lang::En, Extractors::default()).anchors(texts[1]);
        let names: Vec<&str> = found.capitalised.iter().map(|c| c.word.as_str()).collect();
        // "May" is a stopword; the dots of "U.S." split it.
        assert_eq!(names, ["lavrov", "kim", "u", "s"]);
    }
}
