//! Cyrillic to Latin transliteration, and fuzzy matching of names and loanwords.
//!
//! [`to_latin`] follows the table in `data/translit-ru.txt` (BGN/PCGN without
//! diacritics, adapted for English spellings; the file says how).
//! [`name_similarity`] compares an English word with a Russian one after both
//! are reduced to a rough phonetic *skeleton* (`ph` = `f`, `c` = `k`, `w` = `v`,
//! `z` = `s`, doubled letters single ...), with Russian case endings and the
//! usual loanword suffixes (`-ический` = `-ical`, `-ция` = `-tion`) folded, so
//! that `Лаврова` ~ `Lavrov` and `фармацевтической` ~ `pharmaceutical`.
//! [`match_keys`] gives short hashable keys with the same folding, for
//! matching whole sentences without comparing every pair of words.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::stem::stem_ru;
use crate::Lang;

/// Score from which [`name_similarity`] calls two words the same name; chosen
/// on the word pairs of `data/translit-pairs.tsv` (see `tools/translit_pairs.rs`).
pub const NAME_THRESHOLD: f64 = 0.85;

/// Cost of each letter of the longer skeleton left over after the best prefix match.
const TAIL_COST: f64 = 0.05;

/// Length of the skeleton prefix used by [`match_keys`].
pub const KEY_LEN: usize = 5;

/// Length of the consonant key of [`match_keys`].
const CONSONANT_KEY_LEN: usize = 5;

fn table() -> &'static FxHashMap<char, &'static str> {
    static TABLE: OnceLock<FxHashMap<char, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/translit-ru.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (cyr, lat) = l.split_once('\t')?;
                Some((cyr.chars().next()?, lat.trim()))
            })
            .collect()
    })
}

/// Transliterates the Cyrillic letters of `word` into Latin ones; other
/// characters are kept. An upper-case letter gives a capitalised spelling
/// (`Щукин` -> `Shchukin`).
pub fn to_latin(word: &str) -> String {
    let table = table();
    let mut out = String::with_capacity(word.len() * 2);
    for c in word.chars() {
        let lower = match c {
            // Already lower case, as most letters here are: no Unicode table.
            'а'..='я' | 'ё' => c,
            _ => c.to_lowercase().next().unwrap_or(c),
        };
        match table.get(&lower) {
            Some(lat) if c != lower => {
                let mut it = lat.chars();
                if let Some(first) = it.next() {
                    out.extend(first.to_uppercase());
                    out.extend(it);
                }
            }
            Some(lat) => out.push_str(lat),
            None => out.push(c),
        }
    }
    out
}

/// [`rewrite`] with each of `rules` (from, to) in turn.
fn rewrite_all(s: &mut Vec<u8>, scratch: &mut Vec<u8>, letters: &mut u32, rules: &[(&str, &str)]) {
    for (from, to) in rules {
        rewrite(s, scratch, letters, from.as_bytes(), to.as_bytes());
    }
}

/// Replaces every `from` in `s` by `to`, leftmost first and never
/// overlapping, as `str::replace` does, in place or through `scratch`:
/// the skeleton runs a dozen rewrites on every word of a text, most of which
/// find nothing to rewrite, and allocating a string for each was a tenth of
/// the time of a batch of statements.
///
/// `letters` holds (at least) the letters of `s` ([`letters_of`]): a rewrite
/// whose first letter is not among them, as most are, ends on one test.
/// The letters of `to` are added to it before `s` may change.
fn rewrite(s: &mut Vec<u8>, scratch: &mut Vec<u8>, letters: &mut u32, from: &[u8], to: &[u8]) {
    let Some(&first) = from.first() else {
        return;
    };
    if *letters & letter_bit(first) == 0 {
        return;
    }
    *letters |= letters_of(to);
    let at_match = |s: &[u8], i: usize| s[i] == first && s[i..].starts_with(from);
    // Most rewrites find nothing: a plain scan for the first byte settles
    // them (comparing at every position was a twentieth of a statement).
    let Some(first_at) = s.iter().position(|&c| c == first) else {
        return;
    };
    let Some(at) = (first_at..s.len()).find(|&i| at_match(s, i)) else {
        return;
    };
    if from.len() == to.len() {
        let mut i = at;
        while i < s.len() {
            if at_match(s, i) {
                s[i..i + from.len()].copy_from_slice(to);
                i += from.len();
            } else {
                i += 1;
            }
        }
        return;
    }
    scratch.clear();
    scratch.extend_from_slice(&s[..at]);
    let mut i = at;
    while i < s.len() {
        if at_match(s, i) {
            scratch.extend_from_slice(to);
            i += from.len();
        } else {
            scratch.push(s[i]);
            i += 1;
        }
    }
    std::mem::swap(s, scratch);
}

/// The lowercase ASCII letters of `s` as bits, `a` the lowest (other bytes
/// fold onto them, which only adds bits).
fn letters_of(s: &[u8]) -> u32 {
    s.iter().fold(0, |bits, &c| bits | letter_bit(c))
}

fn letter_bit(c: u8) -> u32 {
    1 << (c.wrapping_sub(b'a') % 32)
}

/// The skeleton's spelling rewrites, in order: each turns one
/// transliteration habit into the other's.
const SKELETON_REWRITES: [(&str, &str); 7] = [
    ("shch", "sh"),
    ("dzh", "j"),
    ("kh", "h"),
    ("w", "v"),
    ("z", "s"),
    ("y", "i"),
    // Russian ю/я after a consonant spell English u/a (ЮНЕСКО, Брюссель).
    ("iu", "u"),
];

/// Loanword endings the skeleton rewrites: -ический/-ical, -ский/-an
/// ("американский" = "american").
const LOANWORD_ENDINGS: [(&str, &str); 3] = [("ichesk", "ik"), ("ical", "ik"), ("esk", "")];

/// English spelling conventions that Russian spells by sound, rewritten
/// first in an English skeleton (before the silent h is dropped).
const ENGLISH_SPELLINGS: [(&str, &str); 6] = [
    ("tion", "tsion"),
    ("eu", "ev"),
    ("sch", "sh"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
];

/// English letters Russian writes with two or three, rewritten in an
/// English skeleton after the silent h is dropped.
const ENGLISH_LETTERS: [(&str, &str); 3] = [("qu", "kv"), ("x", "ks"), ("j", "dzh")];

/// Reduces a lowercased Latin spelling to a rough sound skeleton shared by
/// English spellings and transliterated Russian ones. It works on bytes: only
/// the ASCII letters of `latin` are kept, and every rewrite is ASCII.
fn skeleton(latin: &str, english: bool) -> String {
    let mut s: Vec<u8> = latin
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut scratch = Vec::with_capacity(2 * s.len() + 4);
    let mut letters = letters_of(&s);
    if english {
        // English spelling conventions that Russian spells by sound.
        rewrite_all(&mut s, &mut scratch, &mut letters, &ENGLISH_SPELLINGS);
        // A silent h after a vowel before a consonant: John = Джон, Sarah = Сара.
        let vowel = |c: u8| b"aeiouy".contains(&c);
        if letters & letter_bit(b'h') != 0 {
            scratch.clear();
            scratch.extend((0..s.len()).filter_map(|i| {
                let silent = s[i] == b'h'
                    && i > 0
                    && vowel(s[i - 1])
                    && s.get(i + 1).is_none_or(|&n| !vowel(n));
                (!silent).then_some(s[i])
            }));
            std::mem::swap(&mut s, &mut scratch);
        }
        rewrite_all(&mut s, &mut scratch, &mut letters, &ENGLISH_LETTERS);
    }
    if english && letters & letter_bit(b'c') != 0 {
        letters |= letters_of(b"tsk");
        scratch.clear();
        for (i, &c) in s.iter().enumerate() {
            let next = s.get(i + 1).copied();
            if c == b'c' && next != Some(b'h') {
                // c before e/i/y sounds "ts" (centre = центр), elsewhere "k".
                scratch.extend_from_slice(if matches!(next, Some(b'e' | b'i' | b'y')) {
                    b"ts"
                } else {
                    b"k"
                });
            } else {
                scratch.push(c);
            }
        }
        std::mem::swap(&mut s, &mut scratch);
    }
    if english && s.ends_with(b"ng") {
        // Korean and Chinese names: Chung = Чон, Wang = Ван.
        s.pop();
    }
    rewrite_all(&mut s, &mut scratch, &mut letters, &SKELETON_REWRITES);
    for (from, to) in LOANWORD_ENDINGS {
        if let Some(stem) = s.strip_suffix(from.as_bytes())
            && stem.len() >= 3
        {
            s.truncate(stem.len());
            s.extend_from_slice(to.as_bytes());
        }
    }
    if !english
        && let Some(stem) = s.strip_suffix(b"sk")
        && stem.len() >= 4
    {
        s.truncate(stem.len());
    }
    // Doubled letters single.
    s.dedup();
    // Only ASCII letters are kept and written above, so the bytes are the
    // string as they are (collecting them as chars was a sixth of the time).
    String::from_utf8(s).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Skeletons of the forms a word may be compared in: for English the word,
/// without a plural `s` and without a final vowel (`India` ~ `Индии`); for
/// Russian the word, its stem, and the word without its last one or two
/// letters (the stemmer may cut too deep on names: `Тесла`, `НАТО`).
fn variants(word: &str, lang: Lang) -> Vec<String> {
    variants_of(&super::tokens::normalise(word), lang, None).0
}

/// [`variants`] of a word already normalised (`lower`), with the stem of
/// `lower` if the caller has it (the Russian variants need it); and the
/// skeleton of the word as it is written (one of them), which
/// [`short_name_key`] starts from.
fn variants_of(lower: &str, lang: Lang, stem: Option<&str>) -> (Vec<String>, String) {
    let latin_script = lower.chars().any(|c| c.is_ascii_alphabetic());
    let mut out = Vec::with_capacity(4);
    let base;
    if lang == Lang::En || latin_script {
        // Soft c and g have two Russian spellings: ц/с (France = Франция,
        // Barcelona = Барселона) and г/дж (Rogers = Роджерс).
        let soft = |c: char| {
            let mut out = String::with_capacity(lower.len());
            let mut it = lower.chars().peekable();
            while let Some(x) = it.next() {
                let before_front = it.peek().is_some_and(|&n| matches!(n, 'e' | 'i' | 'y'));
                match x {
                    'c' if c == 'c' && before_front => out.push('s'),
                    'g' if c == 'g' && before_front => out.push('j'),
                    _ => out.push(x),
                }
            }
            out
        };
        // A word without the letter is its own variant (most words).
        for c in ['c', 'g'].into_iter().filter(|&c| lower.contains(c)) {
            let variant = soft(c);
            if variant != lower {
                out.push(skeleton(&variant, true));
            }
        }
        // An i before one consonant and a vowel often sounds "ai" (Biden = Байден, Nike = Найк).
        let b: Vec<char> = lower.chars().collect();
        let vowel = |c: char| "aeiouy".contains(c);
        if let Some(i) = (1..b.len().saturating_sub(2))
            .find(|&i| b[i] == 'i' && !vowel(b[i - 1]) && !vowel(b[i + 1]) && vowel(b[i + 2]))
        {
            let mut v: String = b[..i].iter().collect();
            v.push_str("ai");
            v.extend(&b[i + 1..]);
            out.push(skeleton(&v, true));
        }
        let s = skeleton(lower, true);
        if s.len() > 4 && (s.ends_with('s') || s.ends_with(['a', 'e', 'i', 'o'])) {
            out.push(s[..s.len() - 1].to_string());
        }
        base = s.clone();
        out.push(s);
    } else {
        base = skeleton(&to_latin(lower), false);
        out.push(base.clone());
        // Strip up to two trailing vowels (case endings), never a consonant.
        let (mut shorter, mut letters) = (lower, lower.chars().count());
        for _ in 0..2 {
            if let Some(last) = shorter.chars().next_back()
                && letters > 3
                && "аеиоуыэюяйь".contains(last)
            {
                shorter = &shorter[..shorter.len() - last.len_utf8()];
                letters -= 1;
                out.push(skeleton(&to_latin(shorter), false));
            }
        }
        let worked_out;
        let stem = match stem {
            Some(stem) => stem,
            None => {
                worked_out = stem_ru(lower);
                &worked_out
            }
        };
        out.push(skeleton(&to_latin(stem), false));
    }
    out.sort();
    out.dedup();
    (out, base)
}

/// How much the English word `en_word` and the Russian word `ru_word` look
/// like the same name or loanword, from 0 (unrelated) to 1 (same skeleton).
/// Words that share a skeleton up to a short tail score high: the shorter
/// skeleton is compared with the best-matching prefix of the longer one, and
/// each unmatched letter of the longer one costs a little.
/// Scores of [`NAME_THRESHOLD`] and above count as a match.
pub fn name_similarity(en_word: &str, ru_word: &str) -> f64 {
    let (en, ru) = (variants(en_word, Lang::En), variants(ru_word, Lang::Ru));
    let mut best = 0.0f64;
    for a in &en {
        for b in &ru {
            best = best.max(skeleton_similarity(a, b));
        }
    }
    best
}

fn skeleton_similarity(a: &str, b: &str) -> f64 {
    let (s, t) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if s.is_empty() {
        return 0.0;
    }
    if s.len() < 4 {
        // Short words: whole-word comparison only, or "Ира" would match "Iran".
        let d = weighted_levenshtein(s, t);
        return if s == t {
            1.0
        } else {
            (1.0 - d / t.len() as f64) * 0.8
        };
    }
    let mut best = 0.0f64;
    for len in s.len().saturating_sub(1)..=(s.len() + 1).min(t.len()) {
        let prefix = &t[..len];
        let d = weighted_levenshtein(s, prefix);
        let tail = (t.len() - len) as f64;
        let score = 1.0 - d / s.len().max(len) as f64 - TAIL_COST * tail;
        best = best.max(score);
    }
    best.max(0.0)
}

/// Levenshtein distance over ASCII skeletons where swapping one vowel for
/// another costs half: unstressed vowels drift between the two spellings
/// (Chung = Чон, Moscow = Москва).
fn weighted_levenshtein(a: &str, b: &str) -> f64 {
    let vowel = |c: u8| b"aeiou".contains(&c);
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<f64> = (0..=b.len()).map(|j| j as f64).collect();
    let mut cur = vec![0.0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        cur[0] = (i + 1) as f64;
        for (j, &y) in b.iter().enumerate() {
            let sub = if x == y {
                0.0
            } else if vowel(x) && vowel(y) {
                0.5
            } else {
                1.0
            };
            cur[j + 1] = (prev[j] + sub).min(prev[j + 1] + 1.0).min(cur[j] + 1.0);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Short keys for hashing: the first [`KEY_LEN`] letters of the skeleton of
/// each form the word is compared in (see [`name_similarity`]), skipping
/// forms under 4 letters, plus a key of the first letter and the next four
/// consonants. Two words match when they share a key:
/// `Lavrov` and `Лаврова` both give `lavro`.
pub fn match_keys(word: &str, lang: Lang) -> Vec<String> {
    // Words repeat within a document: remember recent answers per thread.
    thread_local! {
        static CACHE: std::cell::RefCell<HashMap<(String, Lang), Vec<String>>> =
            std::cell::RefCell::new(HashMap::new());
    }
    const CACHE_LIMIT: usize = 50_000;
    let cache_key = (word.to_string(), lang);
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&cache_key).cloned()) {
        return hit;
    }
    let keys = compute_match_keys(word, lang);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(cache_key, keys.clone());
    });
    keys
}

/// [`match_keys`] without its cache, for callers that remember words themselves.
pub(crate) fn compute_match_keys(word: &str, lang: Lang) -> Vec<String> {
    keys_of_variants(variants(word, lang))
}

/// [`compute_match_keys`] and [`short_name_key`] of a word already
/// normalised (`lower`), given the stem of `lower` (see
/// [`super::lexicon::Lexicon::keys_of_stem`]): both start from the skeleton
/// of the word as it is written, worked out once here (a skeleton apiece was
/// a third of the skeletons of a text).
pub(crate) fn name_keys_of_stem(
    lower: &str,
    stem: &str,
    lang: Lang,
) -> (Vec<String>, Option<String>) {
    let (variants, base) = variants_of(lower, lang, Some(stem));
    (keys_of_variants(variants), short_name_of(base))
}

/// The match keys of a word whose [`variants`] are `variants`.
fn keys_of_variants(variants: Vec<String>) -> Vec<String> {
    // Skeletons are ASCII: a letter is a byte.
    let mut keys: Vec<String> = variants
        .iter()
        .filter(|s| s.len() >= 4)
        .map(|s| s[..s.len().min(KEY_LEN)].to_string())
        .collect();
    // A consonant key (first letter, then consonants only) survives vowels
    // that drift between spellings (shuttle = шаттл); five letters keep it
    // as precise as the plain key on data/translit-pairs.tsv (0.97).
    for v in variants {
        let mut c = String::with_capacity(1 + CONSONANT_KEY_LEN);
        c.push('#');
        let mut letters = v.bytes();
        c.extend(letters.next().map(char::from));
        let consonants = letters.filter(|b| !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'));
        c.extend(consonants.take(CONSONANT_KEY_LEN - 1).map(char::from));
        if c.len() == 1 + CONSONANT_KEY_LEN {
            keys.push(c);
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// A key for a short capitalised word (a name of two or three letters:
/// `Kim` = `Ким`, `Xi` = `Си`), which [`match_keys`] skips as too short to
/// trust in general; the caller decides that the word is a name.
pub fn short_name_key(word: &str, lang: Lang) -> Option<String> {
    let lower = super::tokens::normalise(word);
    // The same skeleton as the base of `variants_and_base`.
    let s = match lang {
        Lang::Ru if !lower.chars().any(|c| c.is_ascii_alphabetic()) => {
            skeleton(&to_latin(&lower), false)
        }
        _ => skeleton(&lower, true),
    };
    short_name_of(s)
}

/// [`short_name_key`] of a word whose skeleton is `s`.
fn short_name_of(s: String) -> Option<String> {
    // "ks" is how English x is spelt here; Xi = Си.
    let s = s
        .strip_prefix("ks")
        .map_or(s.clone(), |rest| format!("s{rest}"));
    (2..=3).contains(&s.len()).then_some(s)
}

/// The hand-written evaluation pairs of `data/translit-pairs.tsv` as
/// `(english, russian, same)`; used by `tools/translit_pairs.rs` and tests.
pub fn labelled_pairs() -> Vec<(String, String, bool)> {
    include_str!("../../data/translit-pairs.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (en, ru, label) = (cols.next()?, cols.next()?, cols.next()?);
            Some((en.to_string(), ru.to_string(), label.trim() == "1"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn rewrite_is_str_replace(s in "[a-c]{0,12}", from in "[a-c]{1,3}", to in "[a-c]{0,3}") {
            let (mut bytes, mut scratch) = (s.clone().into_bytes(), Vec::new());
            let mut letters = letters_of(&bytes);
            rewrite(&mut bytes, &mut scratch, &mut letters, from.as_bytes(), to.as_bytes());
            proptest::prop_assert_eq!(String::from_utf8(bytes).unwrap(), s.replace(&from, &to));
        }

        #[test]
        fn skeleton_is_the_string_rewriting_one(
            word in "[a-zA-Zа-я]{0,3}(tion|eu|sch|ph|th|ck|h|qu|x|j|c|ng|shch|dzh|kh|w|z|y|iu|ichesk|ical|esk|sk|[aeiouy]|[a-z]){0,6}",
            english: bool,
        ) {
            proptest::prop_assert_eq!(skeleton(&word, english), skeleton_reference(&word, english));
        }

        #[test]
        fn match_keys_are_the_char_by_char_ones(
            word in "[A-Za-z]{0,2}(ph|ch|c|g|ie|ia|s|x|[aeiouy]|[b-df-hj-np-tv-z]){0,7}|[А-Яа-я]{0,3}(ского|ия|ий|ов|ого|а|[аеиоуыэюяйь]|[б-дж-йк-нп-тф-щ]){0,6}",
            english: bool,
        ) {
            let lang = if english { Lang::En } else { Lang::Ru };
            proptest::prop_assert_eq!(
                compute_match_keys(&word, lang),
                match_keys_reference(&word, lang)
            );
        }
    }

    /// [`compute_match_keys`] as it was written on chars, before it took
    /// byte slices of the ASCII skeletons (and of the Russian word for its
    /// shorter forms); the property test above holds the two to the same keys.
    fn match_keys_reference(word: &str, lang: Lang) -> Vec<String> {
        let lower = crate::anchor::tokens::normalise(word);
        let variants = if lang == Lang::En || lower.chars().any(|c| c.is_ascii_alphabetic()) {
            variants(word, lang)
        } else {
            let mut chars: Vec<char> = lower.chars().collect();
            let mut out = vec![skeleton(&to_latin(&lower), false)];
            for _ in 0..2 {
                if chars.len() > 3 && chars.last().is_some_and(|&c| "аеиоуыэюяйь".contains(c))
                {
                    chars.pop();
                    out.push(skeleton(
                        &to_latin(&chars.iter().collect::<String>()),
                        false,
                    ));
                }
            }
            out.push(skeleton(&to_latin(&stem_ru(&lower)), false));
            out.sort();
            out.dedup();
            out
        };
        let mut keys: Vec<String> = variants
            .iter()
            .filter(|s| s.len() >= 4)
            .map(|s| s.chars().take(KEY_LEN).collect())
            .collect();
        for v in variants {
            let mut c: String = v.chars().take(1).collect();
            c.extend(v.chars().skip(1).filter(|ch| !"aeiou".contains(*ch)));
            if c.len() >= CONSONANT_KEY_LEN {
                keys.push(format!("#{}", &c[..CONSONANT_KEY_LEN]));
            }
        }
        keys.sort();
        keys.dedup();
        keys
    }

    // The skeleton as it was written on strings, before it worked on bytes in
    // place; the property test above holds the two to the same output.
    /// `s.replace(from, to)`, allocating only when `from` occurs: most of the
    /// skeleton's rewrites find nothing to rewrite. The words are short, so a
    /// scan for `from`'s first byte beats `str::contains` (a tenth of a batch
    /// of statements was spent in its searcher here).
    fn replace_reference(s: String, from: &str, to: &str) -> String {
        let (text, from_bytes) = (s.as_bytes(), from.as_bytes());
        let Some(&first) = from_bytes.first() else {
            return s.replace(from, to);
        };
        let found = text
            .iter()
            .enumerate()
            .any(|(i, &c)| c == first && text[i..].starts_with(from_bytes));
        if found { s.replace(from, to) } else { s }
    }

    /// Reduces a lowercased Latin spelling to a rough sound skeleton shared by
    /// English spellings and transliterated Russian ones.
    fn skeleton_reference(latin: &str, english: bool) -> String {
        let s: String = latin
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let mut s = if english {
            // English spelling conventions that Russian spells by sound.
            let mut s = s;
            for (from, to) in ENGLISH_SPELLINGS {
                s = replace_reference(s, from, to);
            }
            // A silent h after a vowel before a consonant: John = Джон, Sarah = Сара.
            let b = s.as_bytes();
            let vowel = |c: u8| b"aeiouy".contains(&c);
            let s: String = (0..b.len())
                .filter(|&i| {
                    !(b[i] == b'h'
                        && i > 0
                        && vowel(b[i - 1])
                        && b.get(i + 1).is_none_or(|&n| !vowel(n)))
                })
                .map(|i| b[i] as char)
                .collect();
            let s = ENGLISH_LETTERS
                .into_iter()
                .fold(s, |s, (from, to)| replace_reference(s, from, to));
            let mut out = String::with_capacity(s.len());
            let b = s.as_bytes();
            for (i, &c) in b.iter().enumerate() {
                let next = b.get(i + 1).copied();
                if c == b'c' && next != Some(b'h') {
                    // c before e/i/y sounds "ts" (centre = центр), elsewhere "k".
                    out.push_str(if matches!(next, Some(b'e' | b'i' | b'y')) {
                        "ts"
                    } else {
                        "k"
                    });
                } else {
                    out.push(c as char);
                }
            }
            out
        } else {
            s
        };
        if english && s.ends_with("ng") {
            // Korean and Chinese names: Chung = Чон, Wang = Ван.
            s.pop();
        }
        for (from, to) in SKELETON_REWRITES {
            s = replace_reference(s, from, to);
        }
        for (from, to) in LOANWORD_ENDINGS {
            if let Some(stem) = s.strip_suffix(from)
                && stem.len() >= 3
            {
                s = format!("{stem}{to}");
            }
        }
        if !english
            && let Some(stem) = s.strip_suffix("sk")
            && stem.len() >= 4
        {
            s = stem.to_string();
        }
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn transliterates_with_the_data_table() {
        assert_eq!(to_latin("Щукин"), "Shchukin");
        assert_eq!(to_latin("Лавров"), "Lavrov");
        assert_eq!(to_latin("Чон Ый Ен"), "Chon Yy En");
        assert_eq!(to_latin("объявить"), "obyavit");
        assert_eq!(to_latin("FedEx"), "FedEx");
    }

    #[test]
    fn names_match_through_case_endings() {
        for (en, ru) in [
            ("Lavrov", "Лаврова"),
            ("Vladivostok", "Владивостоке"),
            ("Washington", "Вашингтоне"),
            ("ASEAN", "АСЕАН"),
            ("Chung", "Чон"),
        ] {
            assert!(
                name_similarity(en, ru) >= NAME_THRESHOLD,
                "{en} {ru}: {}",
                name_similarity(en, ru)
            );
        }
    }

    #[test]
    fn loanwords_match_through_suffixes() {
        for (en, ru) in [
            ("coronavirus", "коронавирусом"),
            ("pandemic", "пандемия"),
            ("pharmaceutical", "фармацевтической"),
            ("project", "проекта"),
            ("organization", "организации"),
            ("American", "американский"),
        ] {
            assert!(
                name_similarity(en, ru) >= NAME_THRESHOLD,
                "{en} {ru}: {}",
                name_similarity(en, ru)
            );
        }
    }

    #[test]
    fn unrelated_words_score_low() {
        for (en, ru) in [
            ("government", "говорит"),
            ("president", "правительство"),
            ("market", "мартом"),
            ("Iran", "Ира"),
            ("said", "сад"),
        ] {
            assert!(
                name_similarity(en, ru) < NAME_THRESHOLD,
                "{en} {ru}: {}",
                name_similarity(en, ru)
            );
        }
    }

    #[test]
    fn labelled_pairs_are_matched_with_high_precision_and_recall() {
        let pairs = labelled_pairs();
        let (mut tp, mut fp, mut fnn) = (0, 0, 0);
        for (en, ru, same) in &pairs {
            match (name_similarity(en, ru) >= NAME_THRESHOLD, same) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fnn += 1,
                _ => {}
            }
        }
        let precision = tp as f64 / (tp + fp) as f64;
        let recall = tp as f64 / (tp + fnn) as f64;
        assert!(
            precision >= 0.9 && recall >= 0.8,
            "P {precision} R {recall}"
        );
    }

    #[test]
    fn short_names_have_keys() {
        assert_eq!(
            short_name_key("Kim", Lang::En),
            short_name_key("Ким", Lang::Ru)
        );
        assert_eq!(
            short_name_key("Xi", Lang::En),
            short_name_key("Си", Lang::Ru)
        );
        assert_eq!(short_name_key("Washington", Lang::En), None);
    }

    #[test]
    fn name_keys_are_the_match_keys_and_the_short_name_key() {
        let words = labelled_pairs()
            .into_iter()
            .flat_map(|(en, ru, _)| [(en, Lang::En), (ru, Lang::Ru)])
            .chain(
                [
                    "Kim", "Xi", "iPhone", "FedEx", "Ким", "Си", "ООН", "Ира", "ax",
                ]
                .map(|w| (w.to_string(), Lang::Ru)),
            )
            .chain(["Kim", "Xi", "Ким", "Nike", "Chung"].map(|w| (w.to_string(), Lang::En)));
        for (word, lang) in words {
            let lower = crate::anchor::tokens::normalise(&word);
            assert_eq!(
                name_keys_of_stem(&lower, &stem_ru(&lower), lang),
                (compute_match_keys(&word, lang), short_name_key(&word, lang)),
                "{word} {lang:?}"
            );
        }
    }

    #[test]
    fn match_keys_meet_for_names_and_skip_short_words() {
        let meet = |en: &str, ru: &str| {
            let e = match_keys(en, Lang::En);
            match_keys(ru, Lang::Ru).iter().any(|k| e.contains(k))
        };
        assert!(meet("Lavrov", "Лаврова"));
        assert!(meet("Lavrov", "Лавров"));
        assert!(meet("coronavirus", "коронавируса"));
        assert!(meet("president", "президентом"));
        assert!(!meet("president", "правительство"));
        assert!(match_keys("mir", Lang::En).is_empty());
    }
}
