//! Lexical evidence: which words of the two documents translate each other.
//!
//! Before aligning, the *linker* extracts every sentence's anchors (see
//! [`crate::anchor`]) and keeps the keys found on both sides of the pair.
//! A bead's lexical evidence is then the weight of the keys its two sides
//! have in common against the weight of those they do not, and of the
//! sentences' telling tokens (names, numbers) the other side never has.

use std::ops::{Range, RangeInclusive};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::anchor::lexicon::Lexicon;
use crate::anchor::sentence::{ExtractedRef, Extractions, sort_and_dedup_tail};
use crate::anchor::translit::to_latin;
use crate::anchor::{Anchor, AnchorKey, Extractor, Extractors, TokenIx};
use crate::lang::{Lang, Sides};
use crate::narrow::{Narrow, Narrowing};
use crate::split::Sentence;

use super::TooLarge;

/// Names shorter than this are left to the exact keys (Ким, Си).
const NAME_MIN_LEN: usize = 4;
/// Jaro–Winkler similarity from which two unlinked names are linked.
const NAME_SIMILARITY: f64 = 0.9;
/// The anchor weight a sentence's telling token (see
/// [`SideAnchors::telling`]) adds to its total when none of its keys is
/// found on the other side: a name or number the other text never has is
/// evidence against every bead that pairs the sentence, and so for leaving
/// it unaligned. Tried on the TUNE half of the dev kit (tools/eval_align.rs
/// `--half tune`): 1 and 2 score alike there (4 and 8 lose on CHECK); 2
/// gains more on CHECK but tips the sample's header (`corpora/`) from
/// three beads to a 2-2 of confidence 0.1 in its text and not its page.
const UNMATCHED_TELLING_WEIGHT: f64 = 1.0;

/// A key found on both sides of the pair, numbered densely from 0 in order
/// of first occurrence (English side first), so that the [`Matcher`] can
/// keep a table indexed by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KeyId(u32);

impl KeyId {
    fn index(self) -> usize {
        self.0 as usize
    }
}

/// One linked key of a sentence, with its weight there.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Weighted {
    id: KeyId,
    weight: f64,
    /// How the weight is stored (see [`KeyLists::shares`]): `1..=255`, the
    /// key's own weight shared out over that many keys of its token; 0, as
    /// it is.
    share: u8,
}

impl Weighted {
    /// A key whose weight is stored as it is.
    #[cfg(test)]
    fn exact(id: KeyId, weight: f64) -> Weighted {
        Weighted {
            id,
            weight,
            share: 0,
        }
    }
}

/// The linked keys of every sentence of one side, in flat arrays: sentence
/// `k`'s keys are `ids[starts[k]..starts[k + 1]]`, sorted by id. One
/// allocation a side instead of one a sentence: a book has hundreds of
/// thousands of sentences.
///
/// A key's weight in a sentence is the key's own weight (one per key, in
/// `key_weights`) shared out over the keys of its token, so each entry keeps
/// only the share, a byte, instead of its weight, eight: a book has
/// millions of entries.
///
/// The offsets are in `u32`, half the room of `usize` (a book has hundreds
/// of thousands of sentences): at three bytes an entry or more, lists of
/// more entries than `u32` counts could not be held.
#[derive(Debug, Clone, Default)]
struct KeyLists {
    starts: Vec<u32>,
    ids: Narrowing<KeyId>,
    /// Per entry, by how many its key's weight is divided; 0 where the
    /// weight is in `exact` instead (a token with more than 255 keys, or a
    /// weight made some other way, as in tests).
    shares: Vec<u8>,
    /// The weights of the entries whose share is 0, by entry.
    exact: FxHashMap<usize, f64>,
    /// Per key id, its weight (shared by both sides and by their blocks).
    key_weights: Arc<[f64]>,
}

impl KeyLists {
    fn new(key_weights: Arc<[f64]>) -> KeyLists {
        KeyLists {
            starts: vec![0],
            key_weights,
            ..KeyLists::default()
        }
    }

    /// Adds the next sentence's keys.
    fn push(&mut self, list: impl IntoIterator<Item = Weighted>) {
        for k in list {
            if k.share == 0 {
                self.exact.insert(self.ids.len(), k.weight);
            }
            self.ids.push(k.id);
            self.shares.push(k.share);
        }
        self.starts.push(entry_offset(self.ids.len()));
    }

    /// Where sentence `k`'s entries start (for `k` one past the last
    /// sentence, how many entries all hold).
    fn start(&self, k: usize) -> usize {
        self.starts[k] as usize
    }

    /// Frees the room the vectors kept for growth.
    fn shrink_to_fit(&mut self) {
        self.starts.shrink_to_fit();
        self.ids.shrink_to_fit();
        self.shares.shrink_to_fit();
    }

    /// How many sentences it holds.
    fn sentences(&self) -> usize {
        self.starts.len() - 1
    }

    /// The keys of the consecutive sentences `sentences`, one list after
    /// another.
    fn of(&self, sentences: Range<usize>) -> impl Iterator<Item = Weighted> + '_ {
        let range = self.start(sentences.start)..self.start(sentences.end);
        let first = range.start;
        (range.clone())
            .map(|entry| self.ids.get(entry))
            .zip(&self.shares[range])
            .enumerate()
            .map(move |(k, (id, &share))| Weighted {
                id,
                weight: match share {
                    0 => self.exact[&(first + k)],
                    _ => self.key_weights[id.index()] / f64::from(share),
                },
                share,
            })
    }
}

/// A key id in two bytes while it fits (a 200,000-sentence book links a few
/// thousand keys, and holds millions of entries).
impl Narrow for KeyId {
    type Small = u16;

    fn narrow(self) -> Option<u16> {
        self.0.narrow()
    }

    fn widen(small: u16) -> KeyId {
        KeyId(u32::widen(small))
    }
}

/// Per-sentence key lists and key weights for one document pair.
pub struct Keys {
    /// Per sentence of each side, its linked keys sorted by id.
    lists: Sides<KeyLists>,
    /// Total key weight of each sentence.
    totals: Sides<Vec<f64>>,
    /// Per sentence of each side, how many of its telling tokens no key of
    /// the other side matched (see [`UNMATCHED_TELLING_WEIGHT`]); empty for
    /// blocks of sentences.
    unmatched: Sides<Vec<u32>>,
    /// Key ids run from 0 to this.
    ids: usize,
}

/// A sentence's anchor with its key interned (an index into
/// [`KeyTable::keys`]): half the size of an [`Anchor`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Numbered {
    key: u32,
    token: TokenIx,
}

/// An anchor in four bytes while key number and token both fit in two (a
/// book links a few tens of thousands of keys, and a sentence has at most a
/// few thousand content tokens): a book has millions of anchors.
impl Narrow for Numbered {
    type Small = [u16; 2];

    fn narrow(self) -> Option<[u16; 2]> {
        [self.key, self.token.0].narrow()
    }

    fn widen(small: [u16; 2]) -> Numbered {
        let [key, token] = <[u32; 2]>::widen(small);
        Numbered {
            key,
            token: TokenIx(token),
        }
    }
}

/// An entry's offset in flat per-entry arrays, in `u32` (see [`KeyLists`]):
/// [`link_keeping`] refuses a side with more entries ([`entries_within`]).
fn entry_offset(at: usize) -> u32 {
    u32::try_from(at).expect("a side's anchors fit in u32 (checked when linked)")
}

/// The most anchor entries one side may hold: what the `u32` offsets of
/// [`KeyLists`] and [`KeyColumn`] count.
const MAX_ENTRIES: usize = u32::MAX as usize;

/// `Ok` if sides holding `entries` anchor entries each stay within `limit`.
/// An entry is a key found on a token: with the built-in lexicon fewer
/// than 3 per byte of text (it gives a word at most 20 concepts, `дело`,
/// 9 bytes with its space), so 256 MB a side stays below a quarter of
/// `u32`; but a user dictionary may list a common word in any number of
/// entries.
fn entries_within(entries: Sides<usize>, limit: usize) -> Result<(), TooLarge> {
    for lang in [Lang::En, Lang::Ru] {
        if entries[lang] > limit {
            return Err(TooLarge::Anchors {
                lang,
                entries: entries[lang],
                limit,
            });
        }
    }
    Ok(())
}

/// The keys of every sentence of one side without their weights, flat (as
/// in [`KeyLists`]: sentence `k`'s are entries `starts[k]..starts[k + 1]`).
/// What the pair verdict keeps of the linker's lists, rather than a copy
/// of its own (see [`crate::verdict::Evidence`]).
#[derive(Debug, Clone)]
pub(crate) struct KeyColumn {
    starts: Vec<u32>,
    ids: Narrowing<KeyId>,
}

impl KeyColumn {
    /// How many sentences it holds.
    pub(crate) fn sentences(&self) -> usize {
        self.starts.len() - 1
    }

    /// How many entries all sentences hold together.
    pub(crate) fn entries(&self) -> usize {
        self.ids.len()
    }

    /// Sentence `k`'s entries.
    pub(crate) fn of(&self, k: usize) -> Range<usize> {
        self.starts[k] as usize..self.starts[k + 1] as usize
    }

    /// The key of entry `at`.
    pub(crate) fn key(&self, at: usize) -> u32 {
        self.ids.get(at).0
    }
}

/// The anchor keys of a pair, each given a number on first sight, with the
/// sentences of each side holding it.
#[derive(Debug, Default)]
struct KeyTable {
    numbers: FxHashMap<AnchorKey, u32>,
    keys: Vec<AnchorKey>,
    df: Vec<Sides<u32>>,
}

impl KeyTable {
    fn intern(&mut self, key: AnchorKey) -> u32 {
        *self.numbers.entry(key).or_insert_with(|| {
            self.keys.push(key);
            self.df.push(Sides::default());
            (self.keys.len() - 1) as u32
        })
    }

    /// Found on both sides of the pair (the only keys that can match).
    fn is_linked(&self, key: u32) -> bool {
        let n = self.df[key as usize];
        n.en > 0 && n.ru > 0
    }

    /// The anchor `slot` stands for.
    fn anchor(&self, slot: Numbered) -> Anchor {
        Anchor {
            key: self.keys[slot.key as usize],
            token: slot.token,
        }
    }
}

/// The anchors of every sentence of one side, flat (see [`KeyLists`]):
/// sentence `k`'s are `slots[starts[k]..starts[k + 1]]`, sorted by key,
/// then token, as [`Extractor::anchors_of_all`] gives them; with each
/// sentence's count of content tokens and its known tokens
/// ([`crate::anchor::Extracted::known`]), which the pair verdict reads.
#[derive(Debug, Default)]
pub(crate) struct SideAnchors {
    starts: Vec<usize>,
    slots: Narrowing<Numbered>,
    content: Vec<u32>,
    known_starts: Vec<usize>,
    known: Vec<TokenIx>,
    telling_starts: Vec<usize>,
    telling: Vec<TokenIx>,
}

impl SideAnchors {
    fn new() -> SideAnchors {
        SideAnchors {
            starts: vec![0],
            known_starts: vec![0],
            telling_starts: vec![0],
            ..SideAnchors::default()
        }
    }

    /// Sentence `k`'s anchors, as (key number, token): a number stands for
    /// the same key on both sides of the pair.
    pub(crate) fn anchors(&self, k: usize) -> impl ExactSizeIterator<Item = (u32, TokenIx)> + '_ {
        self.sentence(k).map(|s| (s.key, s.token))
    }

    /// Sentence `k`'s content tokens.
    pub(crate) fn content_tokens(&self, k: usize) -> u32 {
        self.content[k]
    }

    /// Sentence `k`'s known tokens ([`crate::anchor::Extracted::known`]).
    pub(crate) fn known(&self, k: usize) -> &[TokenIx] {
        &self.known[self.known_starts[k]..self.known_starts[k + 1]]
    }

    /// Sentence `k`'s telling tokens: those a translation keeps as they
    /// are, so that their keys are found in any counterpart (numbers,
    /// months, fixed equivalents, and the capitalised words inside the
    /// sentence the dictionary does not know: names), sorted.
    fn telling(&self, k: usize) -> &[TokenIx] {
        &self.telling[self.telling_starts[k]..self.telling_starts[k + 1]]
    }

    /// How many of sentence `k`'s telling tokens have no linked anchor
    /// (`more`: the anchors linked names added to the sentence).
    fn unmatched_telling(&self, k: usize, more: Option<&Vec<Anchor>>) -> u32 {
        let linked = |t: &TokenIx| {
            self.sentence(k).any(|s| s.token == *t)
                || more.is_some_and(|more| more.iter().any(|a| a.token == *t))
        };
        let unmatched = self.telling(k).iter().filter(|t| !linked(t)).count();
        u32::try_from(unmatched).unwrap_or(u32::MAX)
    }

    /// Sentence `k`'s anchors.
    fn sentence(&self, k: usize) -> impl ExactSizeIterator<Item = Numbered> + '_ {
        (self.starts[k]..self.starts[k + 1]).map(|at| self.slots.get(at))
    }

    pub(crate) fn sentences(&self) -> usize {
        self.starts.len() - 1
    }

    /// Keeps only the anchors `keep` says yes to.
    fn retain(&mut self, keep: impl Fn(Numbered) -> bool) {
        let mut kept = 0;
        for k in 0..self.sentences() {
            let (from, to) = (self.starts[k], self.starts[k + 1]);
            self.starts[k] = kept;
            for at in from..to {
                if keep(self.slots.get(at)) {
                    self.slots.copy_within(at, kept);
                    kept += 1;
                }
            }
        }
        let last = self.sentences();
        self.starts[last] = kept;
        self.slots.truncate(kept);
        self.slots.shrink_to_fit();
    }

    /// Its anchors' key numbers, in the order of [`SideAnchors::anchors`].
    pub(crate) fn key_column(&self) -> KeyColumn {
        let mut ids = Narrowing::default();
        for at in 0..self.slots.len() {
            ids.push(KeyId(self.slots.get(at).key));
        }
        ids.shrink_to_fit();
        KeyColumn {
            starts: self.starts.iter().map(|&at| entry_offset(at)).collect(),
            ids,
        }
    }

    /// Frees the room the vectors kept for growth.
    fn shrink_to_fit(&mut self) {
        self.starts.shrink_to_fit();
        self.slots.shrink_to_fit();
        self.content.shrink_to_fit();
        self.known_starts.shrink_to_fit();
        self.known.shrink_to_fit();
        self.telling_starts.shrink_to_fit();
        self.telling.shrink_to_fit();
    }
}

/// Links the two documents' anchors and returns every sentence's keys.
///
/// An anchor key (a dictionary concept, a transliteration key, a number, a
/// month, an acronym) is kept only if it occurs on both sides of the pair.
/// A key weighs `ln(1 + N / df)` (N sentences in all, df of them holding the
/// key), shared out over the keys of its content token, so that a word with
/// two matching keys counts once, and a number found in two sentences of a
/// thousand counts far more than a word found in three hundred.
///
/// [`TooLarge`] if a side has more anchors than the lists count.
pub fn link(
    en: &[Sentence],
    ru: &[Sentence],
    lexicon: &Lexicon,
    learned: Option<&Lexicon>,
) -> Result<Keys, TooLarge> {
    Ok(link_keeping(en, ru, lexicon, learned)?.keys)
}

/// What [`link_keeping`] gives: the keys, and the anchors they were made of.
pub(crate) struct Linked {
    /// Every sentence's keys, as [`link`] gives them.
    pub(crate) keys: Keys,
    /// Every sentence's linked anchors (those of keys both sides have,
    /// before names are linked; with `learned`, its anchors among them).
    pub(crate) anchors: Sides<SideAnchors>,
    /// Per anchor key number, its id in `keys`.
    ids: Vec<Option<KeyId>>,
}

impl Linked {
    /// The id in [`Linked::keys`] of the anchor key number `number` (as
    /// [`SideAnchors::anchors`] gives it): every linked anchor's key has one.
    pub(crate) fn id_of(&self, number: u32) -> u32 {
        self.ids[number as usize].expect("a linked key has an id").0
    }

    /// The keys alone, the anchors dropped.
    pub(crate) fn into_keys(self) -> Keys {
        self.keys
    }
}

/// [`link`], also giving every sentence's linked anchors (see [`Linked`]).
pub(crate) fn link_keeping(
    en: &[Sentence],
    ru: &[Sentence],
    lexicon: &Lexicon,
    learned: Option<&Lexicon>,
) -> Result<Linked, TooLarge> {
    let mut table = KeyTable::default();

    let (anchors, mut names) = extracted_anchors(en, ru, lexicon, learned, &mut table);
    // The Russian anchors of keys the English side lacks are dropped (a
    // serial pass) while the English names are looked for among the
    // English anchors.
    let Sides {
        en: en_anchors,
        ru: mut ru_anchors,
    } = anchors;
    rayon::join(
        || ru_anchors.retain(|slot| table.is_linked(slot.key)),
        || unlinked_names(&mut names.en, &en_anchors),
    );
    unlinked_names(&mut names.ru, &ru_anchors);
    let anchors = Sides::new(en_anchors, ru_anchors);
    // Linked names' anchors, per side and sentence.
    let added = link_names(names.as_ref(), &mut table);
    drop(names);
    // A sentence's entries are its linked anchors and the names linked in
    // it: checked before the lists, whose offsets are `u32`, are made.
    let entries = |lang: Lang| {
        let names: usize = added[lang].values().map(Vec::len).sum();
        anchors[lang].slots.len() + names
    };
    entries_within(
        Sides::new(entries(Lang::En), entries(Lang::Ru)),
        MAX_ENTRIES,
    )?;
    // A sentence's linked anchors, sorted by key, then token, each with
    // its key's number in the table, in `list` (emptied first).
    let linked_of = |lang: Lang, k: usize, list: &mut Vec<(Anchor, u32)>| {
        let slots = anchors[lang].sentence(k);
        list.clear();
        list.extend(slots.map(|s| (table.anchor(s), s.key)));
        if let Some(more) = added[lang].get(&k) {
            list.extend(more.iter().map(|&a| (a, table.numbers[&a.key])));
            list.sort_unstable_by_key(|&(a, _)| a);
            list.retain(|&(_, number)| table.is_linked(number));
        }
    };
    // Ids in order of first occurrence, English side first, so that runs
    // are reproducible; the weights are then worked out in parallel.
    let mut ids: Vec<Option<KeyId>> = vec![None; table.keys.len()];
    let mut next = 0;
    let mut number_key = |number: u32| {
        ids[number as usize].get_or_insert_with(|| {
            next += 1;
            KeyId(next - 1)
        });
    };
    // Each sentence's unmatched telling tokens need no ids: counted on the
    // other core while this one numbers the keys (a serial pass).
    let number_keys = || {
        let mut linked = Vec::new();
        for lang in [Lang::En, Lang::Ru] {
            for k in 0..anchors[lang].sentences() {
                // In the order `linked_of` gives them: without added names,
                // the sentence's anchors as they stand (no list made).
                if added[lang].contains_key(&k) {
                    linked_of(lang, k, &mut linked);
                    linked.iter().for_each(|&(_, n)| number_key(n));
                } else {
                    anchors[lang].sentence(k).for_each(|s| number_key(s.key));
                }
            }
        }
    };
    let unmatched_of = |lang: Lang| -> Vec<u32> {
        (0..anchors[lang].sentences())
            .into_par_iter()
            .map(|k| anchors[lang].unmatched_telling(k, added[lang].get(&k)))
            .collect()
    };
    let ((), unmatched) = rayon::join(number_keys, || {
        Sides::new(Lang::En, Lang::Ru).map(unmatched_of)
    });
    let total = (en.len() + ru.len()).max(1) as f64;
    // A key weighs `ln(1 + N / df)`, shared out in each sentence over the
    // keys of its token.
    let mut key_weights = vec![0.0; next as usize];
    for (number, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            let Sides { en, ru } = table.df[number];
            key_weights[id.index()] = (1.0 + total / f64::from(en + ru)).ln();
        }
    }
    let key_weights: Arc<[f64]> = key_weights.into();
    // Sentence `k`'s keys, sorted by id, added to `out`.
    let weigh = |lang: Lang, k: usize, scratch: &mut Weighing, out: &mut Vec<Weighted>| {
        let Weighing { linked, per_token } = scratch;
        linked_of(lang, k, linked);
        // Keys per content token, to share the token's weight out
        // (counted once, so that a long sentence costs linear time; a
        // sentence's tokens are numbered from 0, so a plain array counts them).
        let tokens = linked.iter().map(|(a, _)| a.token.index() + 1).max();
        per_token.clear();
        per_token.resize(tokens.unwrap_or(0), 0);
        for (a, _) in linked.iter() {
            per_token[a.token.index()] += 1;
        }
        let from = out.len();
        out.extend(linked.iter().map(|&(a, number)| {
            let id = ids[number as usize].expect("a linked key has an id");
            let shared = per_token[a.token.index()];
            let weight = key_weights[id.index()] / f64::from(shared);
            Weighted {
                id,
                weight,
                // Shares beyond a byte keep their weight as it is.
                share: u8::try_from(shared).unwrap_or(0),
            }
        }));
        out[from..].sort_unstable_by_key(|k| k.id);
    };
    // A side's lists and each sentence's total weight, a chunk at a time
    // so that the lists are never all held twice; within a chunk, each
    // block of sentences is weighed on one task into one list.
    let side = |lang: Lang| -> (KeyLists, Vec<f64>) {
        let sentences = anchors[lang].sentences();
        let mut lists = KeyLists::new(Arc::clone(&key_weights));
        let mut totals = Vec::with_capacity(sentences);
        for first in (0..sentences).step_by(EXTRACT_CHUNK) {
            let last = (first + EXTRACT_CHUNK).min(sentences);
            let blocks: Vec<(Vec<Weighted>, Vec<usize>)> = (first..last)
                .step_by(WEIGH_BLOCK)
                .collect::<Vec<usize>>()
                .into_par_iter()
                .map(|from| {
                    let (mut list, mut ends) = (Vec::new(), Vec::with_capacity(WEIGH_BLOCK));
                    let mut scratch = Weighing::default();
                    for k in from..(from + WEIGH_BLOCK).min(last) {
                        weigh(lang, k, &mut scratch, &mut list);
                        ends.push(list.len());
                    }
                    (list, ends)
                })
                .collect();
            for (list, ends) in &blocks {
                let mut start = 0;
                for &end in ends {
                    let sentence = &list[start..end];
                    totals.push(sentence.iter().map(|w| w.weight).sum());
                    lists.push(sentence.iter().copied());
                    start = end;
                }
            }
        }
        // The lists live as long as the alignment: no room to grow.
        lists.shrink_to_fit();
        (lists, totals)
    };
    // The two sides side by side: each one's lists are stored on one
    // thread while the other's are worked out.
    let ((en_lists, en_totals), (ru_lists, ru_totals)) =
        rayon::join(|| side(Lang::En), || side(Lang::Ru));
    let (lists, totals) = (
        Sides::new(en_lists, ru_lists),
        Sides::new(en_totals, ru_totals),
    );
    let keys = Keys {
        ids: next as usize,
        lists,
        totals,
        unmatched,
    };
    Ok(Linked { keys, anchors, ids })
}

/// Every sentence's anchors of keys both sides have, and the words that
/// may be names; each key is numbered in `table`.
fn linked_anchors(
    en: &[Sentence],
    ru: &[Sentence],
    lexicon: &Lexicon,
    learned: Option<&Lexicon>,
    table: &mut KeyTable,
) -> (Sides<SideAnchors>, Sides<Names>) {
    let (mut anchors, names) = extracted_anchors(en, ru, lexicon, learned, table);
    anchors.ru.retain(|slot| table.is_linked(slot.key));
    (anchors, names)
}

/// [`linked_anchors`], but with every Russian anchor, linked or not (the
/// caller drops those whose key [`KeyTable::is_linked`] denies).
fn extracted_anchors(
    en: &[Sentence],
    ru: &[Sentence],
    lexicon: &Lexicon,
    learned: Option<&Lexicon>,
    table: &mut KeyTable,
) -> (Sides<SideAnchors>, Sides<Names>) {
    // Russian anchors are all kept until the English side is known; of the
    // English ones, only those whose key the Russian side has. Which side
    // comes first changes no key's weight, only what is held meanwhile: on
    // the Bible eleven times the two sides have about as many anchors (6.4
    // and 6.8 million), but far fewer English ones have a Russian key than
    // the other way round, and Russian first peaked 21 MB lower.
    let (ru_anchors, ru_names) = extract(ru, Lang::Ru, Keep::All, lexicon, learned, table);
    let (en_anchors, en_names) = extract(en, Lang::En, Keep::Known, lexicon, learned, table);
    (
        Sides::new(en_anchors, ru_anchors),
        Sides::new(en_names, ru_names),
    )
}

/// Every sentence's anchors of keys both sides have (as [`link_keeping`]
/// gives them), without linking: what the pair verdict reads of an
/// alignment made elsewhere.
pub(crate) fn anchors(en: &[Sentence], ru: &[Sentence], lexicon: &Lexicon) -> Sides<SideAnchors> {
    linked_anchors(en, ru, lexicon, None, &mut KeyTable::default()).0
}

/// Sentences extracted at a time.
const EXTRACT_CHUNK: usize = 2048;

/// Sentences whose keys are weighed on one task, into one list (one
/// allocation a block rather than three a sentence).
const WEIGH_BLOCK: usize = 64;

/// Room [`link_keeping`] reuses from one sentence's keys to the next.
#[derive(Default)]
struct Weighing {
    /// The sentence's linked anchors, with their keys' numbers.
    linked: Vec<(Anchor, u32)>,
    /// How many keys each of its content tokens has.
    per_token: Vec<u32>,
}

/// A capitalised word that may be a name (see [`link_names`]).
#[derive(Debug, Clone, Copy)]
struct NameCandidate {
    /// The word: its index in [`Names::latin`].
    word: u32,
    /// The sentence it is in.
    sentence: usize,
    /// Its content token there.
    token: TokenIx,
}

/// The capitalised words of one side that may be names, in document
/// order, each distinct word's Latin form kept once: a book has hundreds
/// of thousands of them, mostly the same few thousand names.
#[derive(Debug, Default)]
struct Names {
    /// Each distinct word, lowercased, in Latin letters (Russian
    /// transliterated), in order of first sight.
    latin: Vec<Box<str>>,
    /// The word as written (normalised) -> its index in `latin`.
    index: FxHashMap<Box<str>, u32>,
    found: Vec<NameCandidate>,
}

impl Names {
    /// Adds the capitalised words of sentence `sentence` long enough to be
    /// names.
    /// (`capitalised`: each word's token and the word, normalised.)
    fn add<'w>(
        &mut self,
        capitalised: impl IntoIterator<Item = (TokenIx, &'w str)>,
        lang: Lang,
        sentence: usize,
    ) {
        for (token, written) in capitalised {
            if written.chars().count() < NAME_MIN_LEN {
                continue;
            }
            let word = match self.index.get(written) {
                Some(&word) => word,
                None => {
                    let word = u32::try_from(self.latin.len()).expect("fewer than 2^32 words");
                    self.latin.push(match lang {
                        Lang::En => written.into(),
                        Lang::Ru => to_latin(written).into(),
                    });
                    self.index.insert(written.into(), word);
                    word
                }
            };
            self.found.push(NameCandidate {
                word,
                sentence,
                token,
            });
        }
    }

    /// The Latin form of `name`.
    fn latin(&self, name: &NameCandidate) -> &str {
        &self.latin[name.word as usize]
    }

    /// Keeps only the names `keep` says yes to, and forgets the written
    /// forms (no more names are added).
    fn retain(&mut self, keep: impl IntoIterator<Item = bool>) {
        let mut keep = keep.into_iter();
        self.found.retain(|_| keep.next().unwrap_or(false));
        self.found.shrink_to_fit();
        self.index = FxHashMap::default();
    }
}

/// Which anchors [`extract`] keeps of a side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Every anchor, its key numbered in the table on first sight: the
    /// side read first.
    All,
    /// Only anchors of keys the table has numbered already (the others
    /// cannot link): the side read second.
    Known,
}

/// Every sentence's anchors (those `keep` says) and the words that may be
/// names (see [`link_names`]), in document order; each key is counted in
/// `table` once per sentence that holds it.
fn extract(
    sentences: &[Sentence],
    lang: Lang,
    keep: Keep,
    lexicon: &Lexicon,
    learned: Option<&Lexicon>,
    table: &mut KeyTable,
) -> (SideAnchors, Names) {
    // Within a batch, the words of earlier pairs are remembered.
    Extractor::remembering(lexicon, lang, |extractor| {
        extract_with(extractor, sentences, (lang, keep), learned, table)
    })
}

/// [`extract`] of `sentences` with `extractor`.
fn extract_with(
    extractor: &mut Extractor<'_>,
    sentences: &[Sentence],
    (lang, keep): (Lang, Keep),
    learned: Option<&Lexicon>,
    table: &mut KeyTable,
) -> (SideAnchors, Names) {
    let mut more = learned.map(|l| Extractor::new(l, lang, Extractors::LEXICON_ONLY));
    let mut out = (SideAnchors::new(), Names::default());
    // A chunk at a time, so that the extractor's per-token working data
    // never exists for a whole book at once (the extractors remember the
    // words they have seen across chunks). Each chunk is recorded (its keys
    // numbered in order, on one thread) while the next one is extracted,
    // so that the numbering leaves no core idle.
    let mut extracted: Option<Chunk> = None;
    for (c, sentences) in sentences.chunks(EXTRACT_CHUNK).enumerate() {
        let texts: Vec<&str> = sentences.iter().map(|s| s.text()).collect();
        let (next, ()) = rayon::join(
            || Chunk {
                first: c * EXTRACT_CHUNK,
                found: extractor.extract_blocks(&texts),
                more: more.as_mut().map(|m| m.extract_blocks(&texts)),
            },
            || {
                if let Some(chunk) = extracted.take() {
                    chunk.record((lang, keep), table, &mut out);
                }
            },
        );
        extracted = Some(next);
    }
    if let Some(chunk) = extracted {
        chunk.record((lang, keep), table, &mut out);
    }
    // The first side's anchors (all of them, linked or not) are held while
    // the other side is extracted: no room to grow.
    out.0.shrink_to_fit();
    out
}

/// The anchors extracted of a chunk of sentences (see [`extract_with`]).
struct Chunk {
    /// Its first sentence's index.
    first: usize,
    found: Vec<Extractions>,
    /// What a learned lexicon adds.
    more: Option<Vec<Extractions>>,
}

impl Chunk {
    /// Adds the chunk's sentences to `anchors` and `names`, counting their
    /// keys in `table` (see [`Keep`]).
    fn record(
        self,
        (lang, keep): (Lang, Keep),
        table: &mut KeyTable,
        (anchors, names): &mut (SideAnchors, Names),
    ) {
        let Chunk { first, found, more } = self;
        let count = |blocks: &Vec<Extractions>| blocks.iter().map(Extractions::anchors).sum();
        anchors
            .slots
            .reserve(count(&found) + more.as_ref().map_or(0, count));
        let mut more = more
            .as_ref()
            .map(|more| more.iter().flat_map(Extractions::iter));
        // A sentence's anchors with a learned lexicon's, sorted.
        let mut merged: Vec<Anchor> = Vec::new();
        for (k, found) in found.iter().flat_map(Extractions::iter).enumerate() {
            anchors.content.push(found.content_tokens);
            anchors.known.extend_from_slice(found.known);
            anchors.known_starts.push(anchors.known.len());
            push_telling(&found, &mut anchors.telling);
            anchors.telling_starts.push(anchors.telling.len());
            names.add(found.capitalised(), lang, first + k);
            let sentence = match more.as_mut().and_then(Iterator::next) {
                Some(more) => {
                    merged.clear();
                    merged.extend_from_slice(found.anchors);
                    merged.extend_from_slice(more.anchors);
                    merged.sort_unstable();
                    &merged[..]
                }
                None => found.anchors,
            };
            let mut last = None;
            // Sorted by key: a key's anchors in one sentence are adjacent.
            for &Anchor { key, token } in sentence {
                let number = match keep {
                    Keep::All => Some(table.intern(key)),
                    Keep::Known => table.numbers.get(&key).copied(),
                };
                let Some(number) = number else { continue };
                if last != Some(key) {
                    table.df[number as usize][lang] += 1;
                    last = Some(key);
                }
                anchors.slots.push(Numbered { key: number, token });
            }
            anchors.starts.push(anchors.slots.len());
        }
    }
}

/// Adds a sentence's telling tokens (see [`SideAnchors::telling`]) to
/// `telling`, sorted: its signs, and its capitalised words with anchors
/// that are not the first content token (a capital there says nothing) nor
/// known.
fn push_telling(found: &ExtractedRef<'_>, telling: &mut Vec<TokenIx>) {
    let names = found
        .capitalised()
        .map(|(token, _)| token)
        .filter(|&t| t.0 > 0 && found.known.binary_search(&t).is_err())
        .filter(|&t| found.anchors.iter().any(|a| a.token == t));
    let from = telling.len();
    telling.extend(found.signs.iter().copied().chain(names));
    sort_and_dedup_tail(telling, from);
}

/// The `names` with no key shared across the pair (`anchors`: the side's
/// linked anchors).
fn unlinked_names(names: &mut Names, anchors: &SideAnchors) {
    // The names come in sentence order: each sentence's linked tokens are
    // gathered once for all its names (asking for each name again would be
    // quadratic in sentence length), sentences in parallel. A sentence's
    // only name (most are) is looked for among its anchors as they stand.
    let keep: Vec<bool> = names
        .found
        .par_chunk_by(|x, y| x.sentence == y.sentence)
        .flat_map_iter(|same| {
            let sentence = same[0].sentence;
            let alone = same.len() == 1;
            let mut linked: Vec<TokenIx> = Vec::new();
            if !alone {
                linked.extend(anchors.sentence(sentence).map(|a| a.token));
                linked.sort_unstable();
            }
            same.iter().map(move |name| match alone {
                true => anchors.sentence(sentence).all(|a| a.token != name.token),
                false => linked.binary_search(&name.token).is_err(),
            })
        })
        .collect();
    names.retain(keep);
}

/// Anchors added to sentences, by sentence.
type Added = FxHashMap<usize, Vec<Anchor>>;

/// Links names that no exact key matched (spelling variants the
/// transliteration keys miss: Chung ~ Чон, Vladivostok ~ Владивостоке) by
/// comparing their Latin forms with Jaro–Winkler similarity (`strsim`).
/// Only capitalised words left unlinked are compared (`names`), each English
/// type with the Russian types that share its first letter. Returns the
/// anchors added, per side and sentence; their keys are counted in `table`.
fn link_names(names: Sides<&Names>, table: &mut KeyTable) -> Sides<Added> {
    let mut out = Sides::new(Added::default(), Added::default());
    // Sentences that got each new key, per side (a sentence counts once
    // however many of its words got the key).
    let mut added: FxHashSet<(AnchorKey, usize, Lang)> = FxHashSet::default();
    for (lang, name, key) in fuzzy_links(names) {
        out[lang].entry(name.sentence).or_default().push(Anchor {
            key,
            token: name.token,
        });
        added.insert((key, name.sentence, lang));
    }
    for (key, _, lang) in added {
        let number = table.intern(key);
        table.df[number as usize][lang] += 1;
    }
    out
}

/// The fuzzy name links of [`link_names`]: each name that got one, with its
/// side and the key it shares with its counterpart (the Russian type's).
fn fuzzy_links(names: Sides<&Names>) -> Vec<(Lang, &NameCandidate, AnchorKey)> {
    // Russian types by first letter, each once, in order of appearance,
    // with their length in characters.
    let mut ru_by_letter: FxHashMap<char, Vec<(&str, usize)>> = FxHashMap::default();
    let mut seen = FxHashSet::default();
    for name in &names.ru.found {
        let latin = names.ru.latin(name);
        if let Some(first) = latin.chars().next()
            && seen.insert(latin)
        {
            let entry = (latin, latin.chars().count());
            ru_by_letter.entry(first).or_default().push(entry);
        }
    }
    let mut seen = FxHashSet::default();
    let en_types: Vec<&str> = names
        .en
        .found
        .iter()
        .map(|name| names.en.latin(name))
        .filter(|latin| seen.insert(*latin))
        .collect();
    // English type -> the Russian type it is most similar to, if close enough.
    let matches: FxHashMap<&str, &str> = en_types
        .into_par_iter()
        .filter_map(|latin| {
            let candidates = latin.chars().next().and_then(|c| ru_by_letter.get(&c))?;
            let len = latin.chars().count();
            let best = candidates
                .iter()
                .filter(|&&(_, ru_len)| may_be_similar(len, ru_len))
                .map(|&(r, _)| (strsim::jaro_winkler(latin, r), r))
                .filter(|(score, _)| *score >= NAME_SIMILARITY)
                .max_by(|x, y| x.0.total_cmp(&y.0));
            best.map(|(_, r)| (latin, r))
        })
        .collect();
    // The key two linked names share: the Russian type's.
    let key = |ru_latin: &str| AnchorKey::of(("fuzzy-name", ru_latin));
    let ru_matched: FxHashSet<&str> = matches.values().copied().collect();
    let en = names.en.found.iter().filter_map(|name| {
        let r = matches.get(names.en.latin(name))?;
        Some((Lang::En, name, key(r)))
    });
    let ru = names
        .ru
        .found
        .iter()
        .filter(|name| ru_matched.contains(names.ru.latin(name)))
        .map(|name| (Lang::Ru, name, key(names.ru.latin(name))));
    en.chain(ru).collect()
}

/// Whether words of `a` and `b` characters can reach [`NAME_SIMILARITY`]:
/// Jaro similarity is at most `(2 + shorter / longer) / 3` (every
/// character of the shorter word matched, none transposed), and Winkler's
/// boost for a common prefix of at most four characters makes it at most
/// `0.6 * jaro + 0.4`, below 0.9 when the shorter word is less than half
/// the longer one. Words that fail this are not compared at all.
fn may_be_similar(a: usize, b: usize) -> bool {
    2 * a.min(b) >= a.max(b)
}

impl Keys {
    /// How many keys all sentences hold together (the aligner's work per
    /// cell grows with it).
    pub fn count(&self) -> usize {
        self.lists.en.ids.len() + self.lists.ru.ids.len()
    }

    /// The key ids of sentence `k` of side `lang`, in order.
    pub(crate) fn ids_of(&self, lang: Lang, k: usize) -> impl ExactSizeIterator<Item = u32> + '_ {
        let list = &self.lists[lang];
        (list.start(k)..list.start(k + 1)).map(|at| list.ids.get(at).0)
    }

    /// Its lists without their weights, for the pair verdict once the
    /// alignment is made.
    pub(crate) fn into_key_columns(self) -> Sides<KeyColumn> {
        self.lists.map(|list| KeyColumn {
            starts: list.starts,
            ids: list.ids,
        })
    }

    /// The keys of blocks of consecutive sentences, block `k` of a side
    /// running from its `edges[k]` to `edges[k + 1]`, each block keeping
    /// only its `keep` rarest distinct keys: enough to place a block, at a
    /// bounded cost per bead.
    pub(crate) fn blocks(&self, edges: &Sides<Vec<usize>>, keep: usize) -> Keys {
        let of = |side: &KeyLists, edges: &[usize]| {
            // Each block's rarest keys in parallel (a sort a block), pushed in order.
            let rarest: Vec<Vec<Weighted>> = edges
                .par_windows(2)
                .map(|block| rarest(side.of(block[0]..block[1]).collect(), keep))
                .collect();
            let mut blocks = KeyLists::new(Arc::clone(&side.key_weights));
            for list in rarest {
                blocks.push(list);
            }
            blocks
        };
        let lists = Sides::new(of(&self.lists.en, &edges.en), of(&self.lists.ru, &edges.ru));
        let totals = lists.as_ref().map(|side| {
            (0..side.sentences())
                .map(|k| side.of(k..k + 1).map(|w| w.weight).sum())
                .collect()
        });
        Keys {
            ids: self.ids,
            lists,
            totals,
            unmatched: Sides::default(),
        }
    }

    /// The merged keys of English runs ending at each of `ends` (see [`Runs`]).
    pub fn en_runs(&self, ends: RangeInclusive<usize>) -> Runs {
        Runs::new(&self.lists.en, ends)
    }

    /// The merged keys of Russian runs ending at each of `ends`.
    pub fn ru_runs(&self, ends: RangeInclusive<usize>) -> Runs {
        Runs::new(&self.lists.ru, ends)
    }

    /// The total anchor weight of the `len` sentences of side `lang` that
    /// end at `end`: their keys', and their telling tokens' that the other
    /// side has no key for, which no bead can match.
    pub(crate) fn run_total(&self, lang: Lang, end: usize, len: usize) -> f64 {
        let keyed = self.totals[lang][end - len..end].iter().sum::<f64>();
        let unmatched = self.unmatched[lang]
            .get(end - len..end)
            .map_or(0, |n| n.iter().sum::<u32>());
        keyed + UNMATCHED_TELLING_WEIGHT * f64::from(unmatched)
    }
}

/// The `keep` rarest distinct keys of `list` (the heaviest; of a key
/// found more than once, the first occurrence in id order), sorted by id.
fn rarest(mut list: Vec<Weighted>, keep: usize) -> Vec<Weighted> {
    list.sort_unstable_by_key(|k| k.id);
    list.dedup_by_key(|k| k.id);
    if list.len() > keep && keep > 0 {
        // The heaviest first, equal weights in id order: the ids are
        // distinct now, so this order is total, and selecting the first
        // `keep` by it keeps the keys a full sort would, for less work.
        list.select_nth_unstable_by(keep - 1, |x, y| {
            y.weight.total_cmp(&x.weight).then(x.id.cmp(&y.id))
        });
        list.truncate(keep);
        list.sort_unstable_by_key(|k| k.id);
    }
    list.truncate(keep);
    list
}

pub use super::shape::MAX_RUN;

/// The keys of every run of one to [`MAX_RUN`] consecutive sentences that
/// ends at a position of a range, each run's lists merged once into one
/// sorted slice. The aligner costs every bead of a row against the same few
/// runs, so merging them once per run instead of once per bead, and keeping
/// ids and weights in flat arrays, is what keeps the inner loop to a plain
/// merge of two slices.
pub struct Runs {
    first: usize,
    /// `starts[MAX_RUN * (end - first) + len - 1]` is where the run of `len`
    /// sentences ending at `end` starts in `ids` / `weights` (one more entry
    /// closes the last run).
    starts: Vec<usize>,
    ids: Vec<KeyId>,
    weights: Vec<f64>,
}

impl Runs {
    fn new(lists: &KeyLists, ends: RangeInclusive<usize>) -> Runs {
        let first = *ends.start();
        // The keys of all runs, counted first so that the arrays are
        // allocated once (growing them copied them over and over).
        let keys = |end: usize, len: usize| match len <= end && end <= lists.sentences() {
            true => lists.start(end) - lists.start(end - len),
            false => 0,
        };
        let size: usize = ends
            .clone()
            .map(|end| (1..=MAX_RUN).map(|len| keys(end, len)).sum::<usize>())
            .sum();
        let mut runs = Runs {
            first,
            starts: Vec::with_capacity(MAX_RUN * ends.clone().count() + 1),
            ids: Vec::with_capacity(size),
            weights: Vec::with_capacity(size),
        };
        // Each sentence's keys, weighed once (it is in up to MAX_RUN runs
        // of up to MAX_RUN ends): sentence `k`'s are
        // `weighed[start(k) - start(from)..start(k + 1) - start(from)]`.
        let to = (*ends.end()).min(lists.sentences());
        let from = first.saturating_sub(MAX_RUN).min(to);
        let weighed: Vec<Weighted> = lists.of(from..to).collect();
        let base = lists.start(from);
        let sentence = |k: usize| &weighed[lists.start(k) - base..lists.start(k + 1) - base];
        for end in ends {
            // The run one sentence shorter, just stored (none before the
            // run of one sentence).
            let mut shorter = 0..0;
            for len in 1..=MAX_RUN {
                let start = runs.ids.len();
                runs.starts.push(start);
                if len > end || end > lists.sentences() {
                    continue;
                }
                // The run one sentence shorter with the sentence before it
                // merged in (each sentence's list is sorted by id), read
                // from where it is stored and written right after it.
                // Stable: equal keys stay in sentence order, so a run pairs
                // its keys with the other side's exactly as a merge of the
                // sentences' own lists would.
                let mut later = shorter.start;
                for &key in sentence(end - len) {
                    while later < shorter.end && runs.ids[later] < key.id {
                        runs.ids.push(runs.ids[later]);
                        runs.weights.push(runs.weights[later]);
                        later += 1;
                    }
                    runs.ids.push(key.id);
                    runs.weights.push(key.weight);
                }
                runs.ids.extend_from_within(later..shorter.end);
                runs.weights.extend_from_within(later..shorter.end);
                shorter = start..runs.ids.len();
            }
        }
        runs.starts.push(runs.ids.len());
        runs
    }

    /// The keys of the `len` sentences ending at `end`: their ids, sorted,
    /// and their weights.
    pub fn get(&self, end: usize, len: usize) -> (&[KeyId], &[f64]) {
        let slot = MAX_RUN * (end - self.first) + len - 1;
        let range = self.starts[slot]..self.starts[slot + 1];
        (&self.ids[range.clone()], &self.weights[range])
    }
}

/// Finds the key weight one run shares with many others: the run's keys go
/// into a table indexed by key id once, and each other run is then one pass
/// over its own keys, with no merging and no comparison between the two
/// lists' positions (the aligner's inner loop). Up to [`MAX_RUN`] runs can
/// be loaded at once (the English runs of one to three sentences that end
/// in one row of the aligner's table), and one pass then finds what each
/// shares with the other run.
pub struct Matcher<'a> {
    slots: Vec<Slot>,
    /// Marks the slots of the runs loaded last, so loading needs no clearing.
    stamp: u32,
    /// The weights of the runs loaded.
    weights: [&'a [f64]; MAX_RUN],
}

#[derive(Clone, Copy, Default)]
struct Slot {
    stamp: u32,
    /// How often the key occurs in each loaded run.
    count: [u32; MAX_RUN],
    /// Where its first occurrence is in each loaded run.
    first: [u32; MAX_RUN],
}

impl<'a> Matcher<'a> {
    /// A matcher for runs of `keys`' documents.
    pub fn new(keys: &Keys) -> Matcher<'a> {
        Matcher {
            slots: vec![Slot::default(); keys.ids],
            stamp: 0,
            weights: [&[]; MAX_RUN],
        }
    }

    /// Makes `(ids, weights)` (a run, sorted by id) the run to match against.
    pub fn load(&mut self, run: (&[KeyId], &'a [f64])) {
        self.load_each([run]);
    }

    /// Makes `runs` (at most [`MAX_RUN`], each sorted by id) the runs to
    /// match against, in order.
    pub fn load_each<'k>(&mut self, runs: impl IntoIterator<Item = (&'k [KeyId], &'a [f64])>) {
        self.stamp += 1;
        for (r, (ids, weights)) in runs.into_iter().enumerate() {
            self.weights[r] = weights;
            for (k, &id) in ids.iter().enumerate() {
                let slot = &mut self.slots[id.index()];
                if slot.stamp != self.stamp {
                    *slot = Slot {
                        stamp: self.stamp,
                        ..Slot::default()
                    };
                }
                if slot.count[r] == 0 {
                    slot.first[r] = k as u32;
                }
                slot.count[r] += 1;
            }
        }
    }

    /// Twice the weight of the keys the loaded run and `(ids, weights)`
    /// (sorted by id) share, as multisets: the `t`-th occurrence of a key on
    /// one side pairs with its `t`-th occurrence on the other, if any.
    pub fn common(&self, run: (&[KeyId], &[f64])) -> f64 {
        self.common_each(run, 1)[0]
    }

    /// [`Matcher::common`] for each of the first `runs` runs loaded, in one
    /// pass over `(ids, weights)` (0 for a run not loaded).
    pub fn common_each(&self, run: (&[KeyId], &[f64]), runs: usize) -> [f64; MAX_RUN] {
        // The inner loop over the loaded runs unrolled for each count of
        // them (the aligner's innermost loop).
        match runs {
            0 => [0.0; MAX_RUN],
            1 => self.common_of::<1>(run),
            2 => self.common_of::<2>(run),
            _ => self.common_of::<MAX_RUN>(run),
        }
    }

    /// [`Matcher::common_each`] of the first `N` runs loaded.
    fn common_of<const N: usize>(&self, (ids, weights): (&[KeyId], &[f64])) -> [f64; MAX_RUN] {
        let (mut sums, mut previous, mut t) = ([0.0; MAX_RUN], KeyId(u32::MAX), 0);
        for (&id, &w) in ids.iter().zip(weights) {
            t = if id == previous { t + 1 } else { 0 };
            previous = id;
            let slot = &self.slots[id.index()];
            if slot.stamp != self.stamp {
                continue;
            }
            let loaded = slot.count.iter().zip(&slot.first).zip(&self.weights);
            for (sum, ((&count, &first), weights)) in sums[..N].iter_mut().zip(loaded) {
                if t < count {
                    *sum += weights[(first + t) as usize] + w;
                }
            }
        }
        sums
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::anchor::Capitalised;
    use crate::split::presplit;

    /// The name candidates of two presplit texts, every one left unlinked.
    fn names(en: &str, ru: &str) -> Sides<Names> {
        let lex = Lexicon::builtin();
        let mut table = KeyTable::default();
        let (_, ru) = extract(&presplit(ru), Lang::Ru, Keep::All, lex, None, &mut table);
        let (_, en) = extract(&presplit(en), Lang::En, Keep::Known, lex, None, &mut table);
        Sides::new(en, ru)
    }

    /// Links `names` alone: the anchors added and the table that counts them.
    fn link_names_alone(names: &Sides<Names>) -> (Sides<Added>, KeyTable) {
        let mut table = KeyTable::default();
        let added = link_names(names.as_ref(), &mut table);
        (added, table)
    }

    #[test]
    fn a_side_of_more_anchor_entries_than_u32_counts_is_refused() {
        let (most, beyond) = (MAX_ENTRIES, MAX_ENTRIES + 1);
        assert_eq!(entries_within(Sides::new(most, most), MAX_ENTRIES), Ok(()));
        let refused = entries_within(Sides::new(3, beyond), MAX_ENTRIES);
        let (lang, entries, limit) = (Lang::Ru, beyond, MAX_ENTRIES);
        assert_eq!(
            refused,
            Err(TooLarge::Anchors {
                lang,
                entries,
                limit
            })
        );
    }

    #[test]
    fn names_and_numbers_the_other_side_never_has_count_against_their_sentence() {
        let en = presplit(
            "The rain fell on Bartholomew.\n\
             It cost 95 dollars.\n\
             Lavrov met the press.\n\
             The talks were useful.\n",
        );
        let ru = presplit("Лавров встретился с прессой.\nПереговоры были полезными.\n");
        let keys = link(&en, &ru, Lexicon::builtin(), None).unwrap();
        // A name no Russian sentence has; a number and a currency neither;
        // a name it has; none.
        assert_eq!(keys.unmatched.en, [1, 2, 0, 0]);
        assert_eq!(keys.unmatched.ru, [0, 0]);
        let keyed = keys.totals.en[0];
        assert_eq!(
            keys.run_total(Lang::En, 1, 1),
            keyed + UNMATCHED_TELLING_WEIGHT
        );
    }

    #[test]
    fn a_capital_that_starts_the_sentence_tells_nothing() {
        let en = presplit("Bartholomew came home.\n");
        let ru = presplit("Дождь прекратился.\n");
        let keys = link(&en, &ru, Lexicon::builtin(), None).unwrap();
        assert_eq!(keys.unmatched.en, [0]);
    }

    #[test]
    fn links_unlinked_names_by_jaro_winkler() {
        let names = names(
            "Mr Zbrovsky arrived late.\nNobody came.\n",
            "Господин Збровски опоздал.\nНикто не пришёл.\n",
        );
        let (added, table) = link_names_alone(&names);
        let Sides { en: e, ru: r } = &added;
        assert_eq!(e[&0].len(), 1, "{e:?}");
        assert_eq!(r[&0].len(), 1, "{r:?}");
        assert_eq!(e[&0][0].key, r[&0][0].key);
        assert!(!e.contains_key(&1) && !r.contains_key(&1));
        // The new key is counted once a side.
        let number = table.numbers[&e[&0][0].key];
        assert_eq!(table.df[number as usize], Sides::new(1, 1));
        assert!(table.is_linked(number));
    }

    #[test]
    fn words_less_than_half_as_long_are_never_similar_enough() {
        // Every character of the shorter word matched, the first four alike:
        // as similar as words of their lengths can be.
        for (shorter, longer) in [
            ("abcd", "abcdefgh"),
            ("abcd", "abcdefghi"),
            ("abcde", "abcdefghijk"),
        ] {
            let (a, b) = (shorter.len(), longer.len());
            let score = strsim::jaro_winkler(shorter, longer);
            assert_eq!(
                may_be_similar(a, b),
                score >= NAME_SIMILARITY,
                "{shorter} {longer} {score}"
            );
        }
        assert!(may_be_similar(5, 10) && may_be_similar(10, 5) && !may_be_similar(4, 9));
    }

    #[test]
    fn leaves_dissimilar_names_apart() {
        let names = names("Mr Zbrovsky arrived.\n", "Господин Петров опоздал.\n");
        let (added, table) = link_names_alone(&names);
        assert!(added.en.is_empty() && added.ru.is_empty() && table.keys.is_empty());
    }

    #[test]
    fn names_keep_each_word_once_in_latin_letters() {
        let word = |token, word| (TokenIx(token), word);
        let mut names = Names::default();
        names.add([word(1, "петров"), word(2, "ким")], Lang::Ru, 0);
        names.add([word(0, "петров")], Lang::Ru, 3);
        // A short word is no candidate; a word seen before is stored once.
        assert_eq!(names.latin.len(), 1);
        let found: Vec<(usize, u32, &str)> = (names.found.iter())
            .map(|n| (n.sentence, n.token.0, names.latin(n)))
            .collect();
        assert_eq!(found, [(0, 1, "petrov"), (3, 0, "petrov")]);
        names.retain([false, true]);
        assert_eq!(names.found.len(), 1);
        assert_eq!(names.found[0].sentence, 3);
    }

    #[test]
    fn id_store_widens_at_the_first_id_beyond_two_bytes() {
        let mut store = Narrowing::<KeyId>::default();
        for id in [7, 65_535, 65_536, 3] {
            store.push(KeyId(id));
        }
        assert!(matches!(store, Narrowing::Wide(_)));
        let ids: Vec<u32> = (0..store.len()).map(|k| store.get(k).0).collect();
        assert_eq!(ids, [7, 65_535, 65_536, 3]);
    }

    #[test]
    fn slots_widen_at_the_first_key_or_token_beyond_two_bytes() {
        let numbered = |key, token| Numbered {
            key,
            token: TokenIx(token),
        };
        let all = |slots: &Narrowing<Numbered>| {
            (0..slots.len()).map(|at| slots.get(at)).collect::<Vec<_>>()
        };
        let narrow = [numbered(7, 3), numbered(65_535, 65_535)];
        for beyond in [numbered(65_536, 0), numbered(0, 65_536)] {
            let mut slots = Narrowing::default();
            narrow.iter().for_each(|&n| slots.push(n));
            assert!(matches!(slots, Narrowing::Narrow(_)));
            slots.push(beyond);
            slots.push(numbered(2, 1));
            assert!(matches!(slots, Narrowing::Wide(_)));
            assert_eq!(all(&slots), [narrow[0], narrow[1], beyond, numbered(2, 1)]);
            slots.copy_within(3, 0);
            slots.truncate(2);
            assert_eq!(all(&slots), [numbered(2, 1), narrow[1]]);
        }
    }

    #[test]
    fn retain_keeps_each_sentence_its_own_anchors() {
        let mut anchors = SideAnchors::new();
        let numbered = |key, token| Numbered {
            key,
            token: TokenIx(token),
        };
        for sentence in [vec![(1, 0), (2, 0), (3, 1)], vec![], vec![(2, 4), (5, 0)]] {
            let list = sentence.into_iter().map(|(k, t)| numbered(k, t));
            list.for_each(|n| anchors.slots.push(n));
            anchors.starts.push(anchors.slots.len());
        }
        anchors.retain(|a| a.key != 2);
        assert_eq!(anchors.sentences(), 3);
        let sentence = |k| anchors.sentence(k).collect::<Vec<_>>();
        assert_eq!(sentence(0), [numbered(1, 0), numbered(3, 1)]);
        assert_eq!(sentence(1), []);
        assert_eq!(sentence(2), [numbered(5, 0)]);
    }

    /// `keys` as per-sentence lists, the shape the old linker gave.
    fn as_lists(keys: &Keys) -> OldKeys {
        let lists = keys.lists.as_ref().map(|side| {
            (0..side.sentences())
                .map(|k| side.of(k..k + 1).collect())
                .collect()
        });
        (keys.ids, lists, keys.totals.clone())
    }

    /// Bit for bit: weights are compared by their bits, not within a margin.
    fn same_bits(x: &OldKeys, y: &OldKeys) -> bool {
        let bits = |k: &OldKeys| {
            let lists = k.1.as_ref().map(|side| {
                side.iter()
                    .map(|l| {
                        l.iter()
                            .map(|w| (w.id, w.weight.to_bits()))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            });
            let totals =
                k.2.as_ref()
                    .map(|t| t.iter().map(|w| w.to_bits()).collect::<Vec<_>>());
            (k.0, lists, totals)
        };
        bits(x) == bits(y)
    }

    #[test]
    fn flat_linker_gives_the_old_keys_on_real_text() {
        let en = presplit(
            "Lavrov met Chung Eui-yong in Seoul on 23 March 2021.\n\
             They discussed trade, which reached $30 billion in 2020.\n\
             Mr Zbrovsky, the Vladivostok delegate, spoke of NATO and the UN.\n\
             Lavrov said the talks were useful; Chung agreed.\n",
        );
        let ru = presplit(
            "Лавров встретился с Чон Ый Ёном в Сеуле 23 марта 2021 года.\n\
             Они обсудили торговлю, которая в 2020 году достигла 30 млрд долларов.\n\
             Господин Збровски, делегат Владивостока, говорил о НАТО и ООН.\n\
             Лавров назвал переговоры полезными; Чон согласился.\n",
        );
        let lex = Lexicon::builtin();
        let learned = Lexicon::parse(
            "talks\tпереговоры\ndelegate\tделегат\n",
            std::path::Path::new("learned"),
        )
        .unwrap();
        for learned in [None, Some(&learned)] {
            let new = as_lists(&link(&en, &ru, lex, learned).unwrap());
            let old = reference_link(&en, &ru, lex, learned);
            assert!(new.0 > 5, "{} keys", new.0);
            assert!(same_bits(&new, &old), "{new:?}\n{old:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn flat_linker_gives_the_old_keys(
            en in proptest::collection::vec("[A-Za-z0-9 ,.$%-]{0,40}", 0..8),
            ru in proptest::collection::vec("[А-Яа-яёA-Za-z0-9 ,.%-]{0,40}", 0..8),
        ) {
            let (en, ru) = (presplit(&en.join("\n")), presplit(&ru.join("\n")));
            let new = as_lists(&link(&en, &ru, Lexicon::builtin(), None).unwrap());
            let old = reference_link(&en, &ru, Lexicon::builtin(), None);
            proptest::prop_assert!(same_bits(&new, &old), "{:?}\n{:?}", new, old);
        }
    }

    #[test]
    fn blocks_keep_the_rarest_keys_of_each_block() {
        let keys = keys_of(
            vec![
                vec![(1, 1.0), (4, 3.0)],
                vec![(1, 1.0), (2, 5.0)],
                vec![(3, 2.0)],
            ],
            vec![vec![(2, 4.0)]],
        );
        let blocks = as_lists(&keys.blocks(&Sides::new(vec![0, 2, 3], vec![0, 1]), 2));
        let ids = |list: &Vec<Weighted>| list.iter().map(|w| w.id.0).collect::<Vec<_>>();
        assert_eq!(
            blocks.1.en.iter().map(ids).collect::<Vec<_>>(),
            [vec![2, 4], vec![3]]
        );
        assert_eq!(blocks.2.en, [8.0, 2.0]);
        assert_eq!(blocks.1.ru.iter().map(ids).collect::<Vec<_>>(), [vec![2]]);
    }

    /// Keys of ten ids from per-sentence `(id, weight)` lists.
    fn keys_of(en: Vec<Vec<(u32, f64)>>, ru: Vec<Vec<(u32, f64)>>) -> Keys {
        let lists = Sides::new(en, ru).map(|side| {
            let mut lists = KeyLists::new(Arc::from([]));
            for list in side {
                lists.push(
                    list.into_iter()
                        .map(|(id, weight)| Weighted::exact(KeyId(id), weight)),
                );
            }
            lists
        });
        Keys {
            totals: lists.as_ref().map(|side| {
                (0..side.sentences())
                    .map(|k| side.of(k..k + 1).map(|w| w.weight).sum())
                    .collect()
            }),
            lists,
            ids: 10,
            unmatched: Sides::default(),
        }
    }

    #[test]
    fn matcher_pairs_repeated_keys_as_multisets() {
        // English: key 1 twice (weights 1 and 2), key 3 once; Russian: key 1
        // once, key 3 twice. Shared: the first 1 and the one 3.
        let keys = keys_of(
            vec![vec![(1, 1.0), (1, 2.0), (3, 4.0)]],
            vec![vec![(1, 10.0), (3, 20.0), (3, 40.0)]],
        );
        let (en, ru) = (keys.en_runs(1..=1), keys.ru_runs(1..=1));
        let mut matcher = Matcher::new(&keys);
        matcher.load(en.get(1, 1));
        assert_eq!(matcher.common(ru.get(1, 1)), 1.0 + 10.0 + 4.0 + 20.0);
    }

    #[test]
    fn runs_merge_consecutive_sentences_in_key_order() {
        let keys = keys_of(
            vec![vec![(2, 1.0)], vec![(1, 1.0), (2, 5.0)], vec![(7, 1.0)]],
            vec![vec![(2, 3.0), (2, 9.0)]],
        );
        let en = keys.en_runs(2..=3);
        let ids = |run: (&[KeyId], &[f64])| run.0.iter().map(|id| id.0).collect::<Vec<_>>();
        assert_eq!(ids(en.get(2, 2)), [1, 2, 2]);
        assert_eq!(en.get(2, 2).1, [1.0, 1.0, 5.0]);
        assert_eq!(ids(en.get(3, 3)), [1, 2, 2, 7]);
        assert_eq!(keys.run_total(Lang::En, 3, 3), 8.0);
        assert_eq!(keys.run_total(Lang::Ru, 1, 1), 12.0);
        // A run of two sentences shares both of its 2s, in sentence order.
        let ru = keys.ru_runs(1..=1);
        let mut matcher = Matcher::new(&keys);
        matcher.load(en.get(2, 2));
        assert_eq!(matcher.common(ru.get(1, 1)), 1.0 + 3.0 + 5.0 + 9.0);
        matcher.load(en.get(3, 1));
        assert_eq!(matcher.common(ru.get(1, 1)), 0.0);
    }

    #[test]
    fn shared_rare_keys_outweigh_common_ones() {
        let en = presplit("In 2019 the talks began.\nThe talks went on.\nThe talks ended.\n");
        let ru = presplit(
            "В 2019 году начались переговоры.\nПереговоры шли.\nПереговоры закончились.\n",
        );
        let keys = link(&en, &ru, Lexicon::builtin(), None).unwrap();
        // Both pairs share "talks"; only the first also shares 2019, which
        // occurs once on each side and so weighs more than "talks" (six times).
        let (en, ru) = (keys.en_runs(0..=3), keys.ru_runs(0..=3));
        let mut matcher = Matcher::new(&keys);
        matcher.load(en.get(1, 1));
        let first = matcher.common(ru.get(1, 1));
        matcher.load(en.get(2, 1));
        let second = matcher.common(ru.get(2, 1));
        assert!(second > 0.0);
        assert!(first > second, "{first} vs {second}");
    }

    // The linker as it was before its anchors and keys were stored flat
    // (one Vec per sentence, keys hashed again at every step), kept to
    // check that the flat one gives the same keys, to the last bit.

    type OldKeys = (usize, Sides<Vec<Vec<Weighted>>>, Sides<Vec<f64>>);

    /// Sentences holding a key, per side.
    type Frequencies = FxHashMap<AnchorKey, Sides<u32>>;

    /// Links the two documents' anchors and returns every sentence's keys.
    ///
    /// An anchor key (a dictionary concept, a transliteration key, a number, a
    /// month, an acronym) is kept only if it occurs on both sides of the pair.
    /// A key weighs `ln(1 + N / df)` (N sentences in all, df of them holding the
    /// key), shared out over the keys of its content token, so that a word with
    /// two matching keys counts once, and a number found in two sentences of a
    /// thousand counts far more than a word found in three hundred.
    fn reference_link(
        en: &[Sentence],
        ru: &[Sentence],
        lexicon: &Lexicon,
        learned: Option<&Lexicon>,
    ) -> OldKeys {
        let (en_anchors, en_names) = old_extract(en, Lang::En, lexicon, learned);
        let (ru_anchors, ru_names) = old_extract(ru, Lang::Ru, lexicon, learned);
        let mut anchors = Sides::new(en_anchors, ru_anchors);
        let mut df = document_frequencies(anchors.as_ref().map(|a| a.as_slice()));
        let names = Sides::new(
            old_unlinked_names(en_names, &anchors.en, &df),
            old_unlinked_names(ru_names, &anchors.ru, &df),
        );
        old_link_names(names.map(interned).as_ref(), &mut anchors, &mut df);
        // Ids in order of first occurrence, English side first, so that runs
        // are reproducible; the weights are then worked out in parallel.
        let mut ids: FxHashMap<AnchorKey, KeyId> = FxHashMap::default();
        for anchor in anchors.en.iter().chain(&anchors.ru).flatten() {
            if is_linked(&df, anchor.key) {
                let next = KeyId(ids.len() as u32);
                ids.entry(anchor.key).or_insert(next);
            }
        }
        let total = (en.len() + ru.len()).max(1) as f64;
        let weigh = |sentence: &Vec<Anchor>| -> Vec<Weighted> {
            let linked: Vec<Anchor> = sentence
                .iter()
                .copied()
                .filter(|a| is_linked(&df, a.key))
                .collect();
            // Keys per content token, to share the token's weight out
            // (counted once, so that a long sentence costs linear time).
            let mut per_token: FxHashMap<TokenIx, u32> = FxHashMap::default();
            for a in &linked {
                *per_token.entry(a.token).or_default() += 1;
            }
            let mut list: Vec<Weighted> = linked
                .iter()
                .map(|a| {
                    let Sides { en, ru } = df[&a.key];
                    let weight = (1.0 + total / f64::from(en + ru)).ln();
                    Weighted::exact(ids[&a.key], weight / f64::from(per_token[&a.token]))
                })
                .collect();
            list.sort_unstable_by_key(|k| k.id);
            list
        };
        let lists = anchors.map(|side| side.par_iter().map(weigh).collect::<Vec<_>>());
        let totals = lists.as_ref().map(|side| {
            side.iter()
                .map(|list| list.iter().map(|k| k.weight).sum())
                .collect()
        });
        (ids.len(), lists, totals)
    }

    /// Every sentence's anchors, sorted, and the words that may be names (see
    /// [`link_names`]), in document order.
    fn old_extract(
        sentences: &[Sentence],
        lang: Lang,
        lexicon: &Lexicon,
        learned: Option<&Lexicon>,
    ) -> (Vec<Vec<Anchor>>, Vec<OldName>) {
        let texts: Vec<&str> = sentences.iter().map(|s| s.text()).collect();
        let mut extractor = Extractor::new(lexicon, lang, Extractors::default());
        let mut more = learned.map(|l| Extractor::new(l, lang, Extractors::LEXICON_ONLY));
        let (mut anchors, mut names) = (Vec::with_capacity(texts.len()), Vec::new());
        // A chunk at a time, so that the extractor's per-token working data
        // never exists for a whole book at once (the extractors remember the
        // words they have seen across chunks).
        for (c, chunk) in texts.chunks(EXTRACT_CHUNK).enumerate() {
            let first = c * EXTRACT_CHUNK;
            let found = extractor.anchors_of_all(chunk);
            let more = more.as_mut().map(|m| m.anchors_of_all(chunk));
            let (chunk_anchors, chunk_names): (Vec<Vec<Anchor>>, Vec<Vec<OldName>>) = found
                .into_par_iter()
                .enumerate()
                .map(|(k, found)| {
                    let names = name_candidates(found.capitalised, lang, first + k);
                    let mut keys = found.anchors;
                    // Sentences are assembled in roomy buffers; a book's worth
                    // of them would be three times the memory the keys need.
                    keys.shrink_to_fit();
                    (keys, names)
                })
                .unzip();
            let start = anchors.len();
            anchors.extend(chunk_anchors);
            names.extend(chunk_names.into_iter().flatten());
            if let Some(more) = more {
                for (keys, more) in anchors[start..].iter_mut().zip(more) {
                    keys.extend(more.anchors);
                    keys.sort_unstable();
                }
            }
        }
        (anchors, names)
    }

    /// A name candidate as the old linker kept it: its own Latin form.
    struct OldName {
        latin: String,
        sentence: usize,
        token: TokenIx,
    }

    /// The capitalised words of sentence `sentence` long enough to be names,
    /// in Latin letters (Russian transliterated).
    fn name_candidates(capitalised: Vec<Capitalised>, lang: Lang, sentence: usize) -> Vec<OldName> {
        capitalised
            .into_iter()
            .filter(|c| c.word.chars().count() >= NAME_MIN_LEN)
            .map(|c| OldName {
                latin: match lang {
                    Lang::En => c.word,
                    Lang::Ru => to_latin(&c.word),
                },
                sentence,
                token: c.token,
            })
            .collect()
    }

    /// `names` with each Latin form kept once.
    fn interned(names: Vec<OldName>) -> Names {
        let mut out = Names::default();
        for name in names {
            let word = match out.latin.iter().position(|l| **l == name.latin) {
                Some(word) => word,
                None => {
                    out.latin.push(name.latin.into());
                    out.latin.len() - 1
                }
            };
            out.found.push(NameCandidate {
                word: word as u32,
                sentence: name.sentence,
                token: name.token,
            });
        }
        out
    }

    /// A key found on both sides of the pair (the only keys that can match).
    fn is_linked(df: &Frequencies, key: AnchorKey) -> bool {
        df.get(&key).is_some_and(|n| n.en > 0 && n.ru > 0)
    }

    /// Sentences holding each key, per side.
    fn document_frequencies(anchors: Sides<&[Vec<Anchor>]>) -> Frequencies {
        let mut df = Frequencies::default();
        for lang in [Lang::En, Lang::Ru] {
            for sentence in anchors[lang] {
                let mut last = None;
                // Sorted by key: a key's anchors in one sentence are adjacent.
                for &Anchor { key, .. } in sentence {
                    if last != Some(key) {
                        df.entry(key).or_default()[lang] += 1;
                        last = Some(key);
                    }
                }
            }
        }
        df
    }

    /// The `names` with no key shared across the pair.
    fn old_unlinked_names(
        names: Vec<OldName>,
        anchors: &[Vec<Anchor>],
        df: &Frequencies,
    ) -> Vec<OldName> {
        // The (sentence, token) pairs with a linked key, gathered once: asking
        // each name's sentence again would be quadratic in sentence length.
        let mut linked: HashSet<(usize, TokenIx)> = HashSet::new();
        let mut seen: HashSet<usize> = HashSet::new();
        for name in &names {
            let k = name.sentence;
            if !seen.insert(k) {
                continue;
            }
            for a in &anchors[k] {
                if is_linked(df, a.key) {
                    linked.insert((k, a.token));
                }
            }
        }
        names
            .into_iter()
            .filter(|name| !linked.contains(&(name.sentence, name.token)))
            .collect()
    }

    /// Links names that no exact key matched (spelling variants the
    /// transliteration keys miss: Chung ~ Чон, Vladivostok ~ Владивостоке) by
    /// comparing their Latin forms with Jaro–Winkler similarity (`strsim`).
    /// Only capitalised words left unlinked are compared (`names`), each English
    /// type with the Russian types that share its first letter. The keys added
    /// are counted into `df`.
    fn old_link_names(
        names: Sides<&Names>,
        anchors: &mut Sides<Vec<Vec<Anchor>>>,
        df: &mut Frequencies,
    ) {
        let mut added: HashSet<(AnchorKey, usize, Lang)> = HashSet::new();
        for (lang, name, key) in fuzzy_links(names) {
            anchors[lang][name.sentence].push(Anchor {
                key,
                token: name.token,
            });
            added.insert((key, name.sentence, lang));
        }
        // Each sentence that got keys is sorted once, not once per key.
        let touched: HashSet<(usize, Lang)> = added.iter().map(|&(_, k, lang)| (k, lang)).collect();
        for (k, lang) in touched {
            anchors[lang][k].sort_unstable();
        }
        for (key, _, lang) in added {
            df.entry(key).or_default()[lang] += 1;
        }
    }
}
