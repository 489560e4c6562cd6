//! Catching the wrong file early: English written in Latin letters, Russian
//! in Cyrillic, so the share of each script tells a swapped or wrong file
//! apart before hours are spent aligning it.

use std::path::Path;

use crate::{Error, Lang};

/// Fewer letters than this are too few to judge (a title, a list of numbers).
const MIN_LETTERS: usize = 20;
/// A side is wrong when more than this share of its letters is in the other
/// language's script. Russian texts quote Latin names and terms, English ones
/// rarely Cyrillic, but neither comes near half.
const WRONG_SCRIPT_SHARE: f64 = 0.5;

/// How many letters of a text are Latin and how many Cyrillic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCount {
    /// Latin letters counted.
    pub latin: usize,
    /// Cyrillic letters counted.
    pub cyrillic: usize,
}

impl ScriptCount {
    /// Counts the letters of `text`.
    pub fn of(text: &str) -> ScriptCount {
        let mut count = ScriptCount::default();
        // Byte by byte: every letter counted is ASCII or a two-byte UTF-8
        // sequence (U+00C0..U+024F, U+0400..U+052F), so there is no need to
        // decode the rest; and `is_alphabetic`, a table search, is asked
        // only of the rare code points beyond the basic alphabets.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                count.latin += usize::from(b.is_ascii_alphabetic());
                i += 1;
                continue;
            }
            if (0xC2..=0xDF).contains(&b)
                && let Some(&next) = bytes.get(i + 1)
            {
                let code = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
                match char::from_u32(code) {
                    Some('а'..='я' | 'А'..='Я' | 'ё' | 'Ё') => count.cyrillic += 1,
                    Some(c @ '\u{00C0}'..='\u{024F}') if c.is_alphabetic() => count.latin += 1,
                    Some(c @ '\u{0400}'..='\u{052F}') if c.is_alphabetic() => count.cyrillic += 1,
                    _ => {}
                }
                i += 2;
                continue;
            }
            i += 1;
        }
        count
    }

    /// The share (0..1) of letters in the script of `lang`.
    pub fn share(&self, lang: Lang) -> f64 {
        let total = self.latin + self.cyrillic;
        if total == 0 {
            return 0.0;
        }
        let n = match lang {
            Lang::En => self.latin,
            Lang::Ru => self.cyrillic,
        };
        n as f64 / total as f64
    }

    /// The language the text looks like when it is clearly not `expected`.
    pub fn looks_wrong(&self, expected: Lang) -> Option<Lang> {
        let other = match expected {
            Lang::En => Lang::Ru,
            Lang::Ru => Lang::En,
        };
        (self.latin + self.cyrillic >= MIN_LETTERS && self.share(other) > WRONG_SCRIPT_SHARE)
            .then_some(other)
    }
}

/// Checks that `text` read from `path` looks like `lang`.
pub fn check_language(path: &Path, text: &str, lang: Lang) -> Result<(), Error> {
    judge(path, ScriptCount::of(text), lang)
}

/// [`check_language`] on letters already counted.
fn judge(path: &Path, count: ScriptCount, lang: Lang) -> Result<(), Error> {
    match count.looks_wrong(lang) {
        None => Ok(()),
        Some(found) => Err(Error::WrongLanguage {
            path: path.to_path_buf(),
            expected: lang,
            found,
            percent: percent(count.share(found)),
        }),
    }
}

/// Checks the English and the Russian input of an alignment, naming a swap
/// when both look like the other language.
pub fn check_pair(en: (&Path, &str), ru: (&Path, &str)) -> Result<(), Error> {
    let (en_count, ru_count) = (ScriptCount::of(en.1), ScriptCount::of(ru.1));
    if en_count.looks_wrong(Lang::En).is_some() && ru_count.looks_wrong(Lang::Ru).is_some() {
        return Err(Error::SwappedLanguages {
            en: en.0.to_path_buf(),
            ru: ru.0.to_path_buf(),
            en_cyrillic: percent(en_count.share(Lang::Ru)),
            ru_latin: percent(ru_count.share(Lang::En)),
        });
    }
    judge(en.0, en_count, Lang::En)?;
    judge(ru.0, ru_count, Lang::Ru)
}

fn percent(share: f64) -> u8 {
    (share * 100.0).round().clamp(0.0, 100.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "The ministers met in Moscow and discussed trade and science.";
    const RU: &str = "Министры встретились в Москве и обсудили торговлю и науку.";

    /// The definition `ScriptCount::of` implements, char by char.
    fn counted_by_unicode_tables(text: &str) -> (usize, usize) {
        text.chars()
            .filter(|c| c.is_alphabetic())
            .fold((0, 0), |(l, k), c| match c {
                'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => (l + 1, k),
                '\u{0400}'..='\u{052F}' => (l, k + 1),
                _ => (l, k),
            })
    }

    #[test]
    fn counts_letters_as_the_unicode_tables_do() {
        let text = "Ab1 ×÷ Çø ǅ Ёё Жщ Ѣѣ Ԯ ҂ ‐ 中文 𝔸 ";
        let fast = ScriptCount::of(text);
        assert_eq!((fast.latin, fast.cyrillic), counted_by_unicode_tables(text));
        assert_eq!((fast.latin, fast.cyrillic), (5, 7));
    }

    proptest::proptest! {
        #[test]
        fn byte_counting_agrees_with_the_unicode_tables(text in "[a-zA-Z\\u{80}-\\u{7FF} \\PC]{0,64}") {
            let fast = ScriptCount::of(&text);
            proptest::prop_assert_eq!((fast.latin, fast.cyrillic), counted_by_unicode_tables(&text));
        }
    }

    #[test]
    fn accepts_the_right_languages() {
        assert!(check_pair((Path::new("en.txt"), EN), (Path::new("ru.txt"), RU)).is_ok());
    }

    #[test]
    fn names_a_swap_with_both_shares() {
        let err = check_pair((Path::new("en.txt"), RU), (Path::new("ru.txt"), EN)).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, Error::SwappedLanguages { .. }), "{message}");
        assert!(message.contains("en.txt looks Russian (100% Cyrillic letters)"));
        assert!(message.contains("ru.txt looks English (100% Latin letters)"));
        assert!(message.contains("swap"));
        assert!(message.contains("--no-lang-check"));
    }

    #[test]
    fn names_one_wrong_file() {
        let err = check_pair((Path::new("a.txt"), RU), (Path::new("b.txt"), RU)).unwrap_err();
        assert!(matches!(
            err,
            Error::WrongLanguage {
                expected: Lang::En,
                found: Lang::Ru,
                ..
            }
        ));
        assert!(err.to_string().starts_with("a.txt: expected English"));
    }

    #[test]
    fn russian_with_latin_names_is_still_russian() {
        let text = "Компания Microsoft и фонд Bill & Melinda Gates Foundation объявили о \
            партнёрстве с правительством.";
        assert!(check_language(Path::new("ru.txt"), text, Lang::Ru).is_ok());
    }

    #[test]
    fn short_or_letterless_text_is_not_judged() {
        assert!(check_language(Path::new("en.txt"), "Да.", Lang::En).is_ok());
        assert!(check_language(Path::new("ru.txt"), "1. 2. 3. 2024-03-23", Lang::Ru).is_ok());
    }
}
