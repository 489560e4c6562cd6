//! Word tokens for both languages, and the stopword lists that mark function words.
//!
//! A *token* is a maximal run of letters and digits; an apostrophe (`'` or `’`)
//! or a hyphen between two letters/digits stays inside the token, so `don't`,
//! `Eui-yong`, `COVID-19` and `по-домашнему` are one token each. Tokens are
//! lowercased (`ё` folds to `е`); whether the original began with a capital is
//! kept, because capitalised words mid-sentence are the usual name candidates.

use std::ops::Range;

use crate::Lang;

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word lowercased, `ё` folded to `е`, `’` folded to `'`.
    pub text: String,
    /// Byte offset of the first byte in the tokenised string.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The original began with an upper-case letter.
    pub capitalised: bool,
    /// Every letter of the original is upper case (and there are at least two): `NATO`, `ООН`.
    pub all_caps: bool,
    /// The token holds at least one digit.
    pub has_digit: bool,
}

impl Token {
    /// The token has at least one letter and no digit.
    pub fn is_word(&self) -> bool {
        !self.has_digit
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑')
}

/// The basic Cyrillic letters А–я (U+0410–U+044F) and Ё, ё.
pub(crate) fn is_basic_cyrillic(c: char) -> bool {
    matches!(c, '\u{0410}'..='\u{044F}' | 'Ё' | 'ё')
}

/// `char::is_alphanumeric`, answering ASCII and basic Cyrillic without the
/// Unicode tables (their lookup was the tokenizer's main cost on Russian).
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_basic_cyrillic(c) || c.is_alphanumeric()
    }
}

/// `char::is_uppercase`, with the same shortcut as [`is_alphanumeric`].
fn is_uppercase(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else if is_basic_cyrillic(c) {
        matches!(c, '\u{0410}'..='\u{042F}' | 'Ё')
    } else {
        c.is_uppercase()
    }
}

/// Splits `text` into [`Token`]s, in order. Linear in the length of `text`.
pub fn tokens(text: &str) -> Vec<Token> {
    token_spans(text)
        .into_iter()
        .map(|r| make_token(&text[r.clone()], r.start, r.end))
        .collect()
}

/// The byte spans of the [`tokens`] of `text`, without building the tokens:
/// for callers that look a token up by how it is written.
pub fn token_spans(text: &str) -> Vec<Range<usize>> {
    // About one token per six bytes of English (twelve of Russian): a guess
    // that spares most sentences a reallocation or two.
    let mut out = Vec::with_capacity(text.len() / 6);
    token_spans_into(text, &mut out);
    out
}

/// [`token_spans`] added to `out`, so that the spans of many texts can
/// share one list.
pub(crate) fn token_spans_into(text: &str, out: &mut Vec<Range<usize>>) {
    let mut at = 0;
    while at < text.len() {
        let (class, len) = class_at(text, at);
        at += len;
        if class != Class::Alphanumeric {
            continue;
        }
        let start = at - len;
        // Extend over letters/digits, and over a joiner only when a letter/digit follows it.
        while at < text.len() {
            let (class, len) = class_at(text, at);
            let joined = class == Class::Joiner
                && at + len < text.len()
                && class_at(text, at + len).0 == Class::Alphanumeric;
            if class != Class::Alphanumeric && !joined {
                break;
            }
            at += len;
        }
        out.push(start..at);
    }
}

/// What a character is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Alphanumeric,
    Joiner,
    Other,
}

/// The class of each ASCII character, looked up rather than worked out:
/// English text is nearly all ASCII, and Russian text's spaces and
/// punctuation are.
const ASCII_CLASSES: [Class; 128] = {
    let mut classes = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() {
            classes[b] = Class::Alphanumeric;
        } else if byte == b'\'' || byte == b'-' {
            classes[b] = Class::Joiner;
        }
        b += 1;
    }
    classes
};

/// The class and UTF-8 length of the character of `text` that starts at
/// byte `at`. ASCII and basic Cyrillic are told from their bytes (nearly
/// every character of an English or Russian text); others are decoded.
#[inline(always)]
fn class_at(text: &str, at: usize) -> (Class, usize) {
    let bytes = text.as_bytes();
    let b = bytes[at];
    if let Some(&class) = ASCII_CLASSES.get(usize::from(b)) {
        return (class, 1);
    }
    // А–п and Ё (D0 90–BF, D0 81), р–я and ё (D1 80–8F, D1 91).
    let next = bytes.get(at + 1).copied().unwrap_or(0);
    if (b == 0xD0 && (matches!(next, 0x90..=0xBF) || next == 0x81))
        || (b == 0xD1 && (matches!(next, 0x80..=0x8F) || next == 0x91))
    {
        return (Class::Alphanumeric, 2);
    }
    let c = text[at..].chars().next().unwrap_or_default();
    (class_of(c), c.len_utf8())
}

/// The class of `c` by the character tests (what [`ASCII_CLASSES`] holds
/// for ASCII, worked out at compile time).
fn class_of(c: char) -> Class {
    if is_alphanumeric(c) {
        Class::Alphanumeric
    } else if is_joiner(c) {
        Class::Joiner
    } else {
        Class::Other
    }
}

/// The token `word` makes (`word` being one of the [`token_spans`]).
pub fn token(word: &str) -> Token {
    make_token(word, 0, word.len())
}

fn make_token(word: &str, start: usize, end: usize) -> Token {
    let mut text = String::with_capacity(word.len());
    let (mut letters, mut upper, mut has_digit) = (0, 0, false);
    for c in word.chars() {
        // ASCII and basic Cyrillic first: nearly every letter of an English
        // or Russian text, and no Unicode table needed for them.
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                letters += 1;
                upper += usize::from(c.is_ascii_uppercase());
            } else if c.is_ascii_digit() {
                has_digit = true;
            }
            text.push(c.to_ascii_lowercase());
            continue;
        }
        if is_basic_cyrillic(c) {
            letters += 1;
            match c {
                'ё' | 'Ё' => {
                    upper += usize::from(c == 'Ё');
                    text.push('е');
                }
                '\u{0410}'..='\u{042F}' => {
                    upper += 1;
                    // А–Я lowercase to а–я, 0x20 further on.
                    text.extend(char::from_u32(u32::from(c) + 0x20));
                }
                _ => text.push(c),
            }
            continue;
        }
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        } else if c.is_numeric() {
            has_digit = true;
        }
        match c {
            '’' => text.push('\''),
            '‑' => text.push('-'),
            _ => text.extend(c.to_lowercase()),
        }
    }
    Token {
        text,
        start,
        end,
        capitalised: word.chars().next().is_some_and(is_uppercase),
        all_caps: letters >= 2 && upper == letters,
        has_digit,
    }
}

/// Lowercases a single word the way [`tokens`] does.
pub fn normalise(word: &str) -> String {
    make_token(word, 0, word.len()).text
}

/// True for a function word of `lang` (articles, pronouns, prepositions,
/// auxiliaries, particles), from `data/stopwords-en.txt` / `data/stopwords-ru.txt`.
/// `word` must already be normalised (see [`normalise`]). The lists are the
/// splitter's, compiled by the build script: reading them into hash sets at
/// start was 1.5% of a one-statement run.
pub fn is_stopword(word: &str, lang: Lang) -> bool {
    crate::split::is_function_word(word, lang)
}

/// The tokens of `text` that carry content: not stopwords, not bare numbers
/// (numbers are anchors of their own, see [`super::numbers`]).
pub fn content_tokens(text: &str, lang: Lang) -> Vec<Token> {
    tokens(text)
        .into_iter()
        .filter(|t| !is_stopword(&t.text, lang))
        .filter(|t| t.text.chars().any(char::is_alphabetic))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_classes_are_those_of_the_character_tests() {
        for b in 0..128u8 {
            let c = char::from(b);
            assert!(class_at(&c.to_string(), 0) == (class_of(c), 1), "{c:?}");
        }
    }

    #[test]
    fn stopwords_are_the_lines_of_the_stopword_files() {
        for (data, lang) in [
            (include_str!("../../data/stopwords-en.txt"), Lang::En),
            (include_str!("../../data/stopwords-ru.txt"), Lang::Ru),
        ] {
            // The files as they were read before the lists were compiled.
            let listed: Vec<&str> = data
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty())
                .collect();
            assert!(listed.len() > 200, "{lang:?}");
            for word in listed {
                assert!(is_stopword(word, lang), "{word} {lang:?}");
            }
        }
        for (word, lang) in [
            ("minister", Lang::En),
            ("министр", Lang::Ru),
            ("the", Lang::Ru),
        ] {
            assert!(!is_stopword(word, lang), "{word} {lang:?}");
        }
    }

    /// `token_spans` as it was written before it read bytes: a character at a time.
    fn token_spans_by_chars(text: &str) -> Vec<Range<usize>> {
        // About one token per six bytes of English (twelve of Russian): a guess
        // that spares most sentences a reallocation or two.
        let mut out = Vec::with_capacity(text.len() / 6);
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !is_alphanumeric(c) {
                continue;
            }
            let mut end = start + c.len_utf8();
            // Extend over letters/digits, and over a joiner only when a letter/digit follows it.
            loop {
                match chars.peek() {
                    Some(&(i, n)) if is_alphanumeric(n) => {
                        end = i + n.len_utf8();
                        chars.next();
                    }
                    Some(&(i, n)) if is_joiner(n) => {
                        let after = text[i + n.len_utf8()..].chars().next();
                        if after.is_some_and(is_alphanumeric) {
                            end = i + n.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            out.push(start..end);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn reading_bytes_finds_the_spans_characters_do(
            text in "[a-zA-Z0-9а-яА-ЯёЁЀ-ӿ'’‑ .,«»\u{00A0}-\u{00FF}\u{2010}-\u{2019}-]{0,40}"
        ) {
            proptest::prop_assert_eq!(token_spans(&text), token_spans_by_chars(&text));
        }
    }

    fn words(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_apostrophes_and_hyphens_inside_words() {
        assert_eq!(
            words("Don't stop the well-known COVID-19 talks - now."),
            [
                "don't",
                "stop",
                "the",
                "well-known",
                "covid-19",
                "talks",
                "now"
            ]
        );
    }

    #[test]
    fn folds_yo_and_case_in_russian() {
        assert_eq!(
            words("Ещё ВСЁ по-домашнему!"),
            ["еще", "все", "по-домашнему"]
        );
    }

    #[test]
    fn drops_trailing_joiners_and_quotes() {
        assert_eq!(
            words("«Нет», — сказал он. 'Yes'"),
            ["нет", "сказал", "он", "yes"]
        );
    }

    #[test]
    fn records_spans_and_capitals() {
        let t = tokens("Visit NATO in Brussels");
        assert_eq!(&"Visit NATO in Brussels"[t[3].start..t[3].end], "Brussels");
        assert!(t[1].all_caps && t[1].capitalised);
        assert!(t[3].capitalised && !t[3].all_caps);
        assert!(!t[2].capitalised);
    }

    #[test]
    fn quick_character_classes_agree_with_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn quick_lowercasing_agrees_with_unicode() {
        let ranges = [
            '\u{0}'..='\u{7F}',
            '\u{0400}'..='\u{04FF}',
            '\u{2010}'..='\u{2019}',
        ];
        for c in ranges.into_iter().flatten() {
            let expected: String = match c {
                'ё' | 'Ё' => "е".into(),
                '’' => "'".into(),
                '‑' => "-".into(),
                _ => c.to_lowercase().collect(),
            };
            let word = format!("{c}{c}");
            let t = make_token(&word, 0, word.len());
            assert_eq!(t.text, expected.repeat(2), "{c:?}");
            assert_eq!(t.capitalised, c.is_uppercase(), "{c:?}");
            assert_eq!(t.all_caps, c.is_alphabetic() && c.is_uppercase(), "{c:?}");
            assert_eq!(t.has_digit, !c.is_alphabetic() && c.is_numeric(), "{c:?}");
        }
    }

    #[test]
    fn content_tokens_skip_function_words_and_numbers() {
        let en: Vec<_> = content_tokens("The president said that 30 of them were there", Lang::En)
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(en, ["president", "said"]);
        let ru: Vec<_> = content_tokens("Президент сказал, что 30 из них были там", Lang::Ru)
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(ru, ["президент", "сказал"]);
    }
}
