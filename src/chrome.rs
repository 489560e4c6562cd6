//! Page chrome in plain text: the language switches, menus, share and print
//! links, cookie notices and copyright lines that come along when a web page
//! is scraped as text (`• en-GB1 ru-RU1`, `Home | News | Events`, `Share`,
//! `Версия для печати`, `© 2021 All rights reserved`).
//!
//! Such a line is no sentence of the document, and pairing it with the text
//! opposite makes a false translation unit. The aligner never pairs a chrome
//! line with a line that is not chrome (`align/cost.rs`), translation
//! memories leave chrome out unless asked (`WriteOptions::keep_chrome`), and
//! `sverka check` lists it apart from untranslated text.
//!
//! A line is chrome by its features, not by a list of lines: it has no
//! sentence punctuation at its end and is made of short items between
//! separators (`|`, `•`, `·`, `>`), or of language codes and names, or only
//! of words typical of page chrome (`data/chrome-words.txt`); or it is a
//! copyright line or a cookie notice.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Separators between the items of a menu or a breadcrumb trail.
const SEPARATORS: &[char] = &['|', '•', '·', '>', '»', '›', '¦', '│'];
/// A menu item has at most this many words.
const ITEM_WORDS: usize = 3;
/// Chrome lines have at most this many words (a cookie notice may be longer).
const LINE_WORDS: usize = 12;
/// A cookie notice has at most this many words.
const NOTICE_WORDS: usize = 60;
// `is_chrome` rules out longer texts before any other test.
const _: () = assert!(NOTICE_WORDS >= 2 * LINE_WORDS);

fn chrome_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../data/chrome-words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Whether `text` (one sentence or line) is page chrome.
pub fn is_chrome(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return false;
    }
    let words = crate::split::words(text);
    if words > NOTICE_WORDS {
        // Too long for a notice, a copyright line or a menu.
        return false;
    }
    let lower = Lowered::new(text);
    if lower.contains("cookie", 'k') {
        return true;
    }
    if words <= LINE_WORDS * 2 && is_copyright(text, &lower) {
        return true;
    }
    if words > LINE_WORDS || ends_a_sentence(text) {
        return false;
    }
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || SEPARATORS.contains(&c))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let marked = mark_separators(text);
    if tokens.is_empty() {
        // Only separators and marks: a bullet, a divider.
        return marked.contains('\u{0}');
    }
    let is_code = |w: &str| is_language_code(w);
    let chrome_word = |w: &str| chrome_words().contains(w) || is_code(w);
    // A language switch: language codes (en-GB1) and names.
    if tokens.iter().any(|w| is_code(w)) && tokens.iter().all(|w| chrome_word(w)) {
        return true;
    }
    // A menu or breadcrumb trail: two or more short items between separators.
    let items: Vec<&str> = marked
        .split('\u{0}')
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    let separators = marked.matches('\u{0}').count();
    if separators >= 2
        && items.len() >= 2
        && items
            .iter()
            .all(|i| i.split_whitespace().count() <= ITEM_WORDS)
    {
        return true;
    }
    // Share, print and navigation links: every word typical of chrome
    // (digits, such as counters, allowed).
    tokens
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .all(|w| chrome_word(w))
        && tokens.iter().any(|w| chrome_words().contains(w.as_str()))
}

/// `text` with each separator between menu items replaced by U+0000. The
/// arrows of a breadcrumb trail (`>`, `»`, `›`) count only with a space on
/// each side: a guillemet closing a quotation is no separator.
fn mark_separators(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let space = |k: Option<usize>| {
        k.and_then(|k| chars.get(k))
            .is_none_or(|c| c.is_whitespace())
    };
    chars
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            let arrow = matches!(c, '>' | '»' | '›');
            let separator = SEPARATORS.contains(&c)
                && (!arrow || (space(k.checked_sub(1)) && space(Some(k + 1))));
            if separator { '\u{0}' } else { c }
        })
        .collect()
}

/// `en-GB`, `ru-RU1`, `zh_CN`: a language and a region code (with the
/// counter some pages put after it).
fn is_language_code(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| c.is_ascii_digit());
    let Some((language, region)) = word.split_once(['-', '_']) else {
        return false;
    };
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && region.len() == 2
        && region.chars().all(|c| c.is_ascii_alphabetic())
}

/// `text.to_lowercase()`, asked whether it starts with or contains a
/// phrase written in lowercase ASCII and basic Cyrillic, without making it:
/// each character is lowered on the way by [`fold`], which agrees with
/// `char::to_lowercase` on every character that lowers to one of those.
/// Two characters lower to ASCII letters from elsewhere (U+0130 `İ`, whose
/// lowercase is two characters, and U+212A, the Kelvin sign); a text
/// holding either is lowered in full.
enum Lowered<'a> {
    Folded(&'a str),
    Full(String),
}

impl<'a> Lowered<'a> {
    fn new(text: &'a str) -> Lowered<'a> {
        // Two searches for one character each instead of one for either of
        // two, which decodes every character; each first for the
        // character's first byte, as a search for a character goes by its
        // last, which for U+0130 is that of `а`, in nearly every Russian
        // sentence.
        let holds = |c: char| {
            let mut bytes = [0; 4];
            let first = c.encode_utf8(&mut bytes).as_bytes()[0];
            text.as_bytes().contains(&first) && text.contains(c)
        };
        if holds('\u{0130}') || holds('\u{212A}') {
            Lowered::Full(text.to_lowercase())
        } else {
            Lowered::Folded(text)
        }
    }

    fn starts_with(&self, phrase: &str) -> bool {
        match self {
            Lowered::Folded(text) => folded_starts_with(text, phrase),
            Lowered::Full(lower) => lower.starts_with(phrase),
        }
    }

    /// `rare` is a letter of `phrase` that is rare in text: only the places
    /// where the text has it are looked at (the phrase's first letter,
    /// `в` in `все права защищены`, is in nearly every Russian sentence).
    fn contains(&self, phrase: &str, rare: char) -> bool {
        match self {
            Lowered::Folded(text) => {
                // Only around `rare`, in either case: [`fold`] lowers no
                // other character to it, and keeps the length in bytes of
                // every character it lowers to one of a phrase, so the
                // phrase starts as many bytes before `rare` in the text as
                // in the phrase.
                let Some(offset) = phrase.find(rare) else {
                    debug_assert!(false, "{rare:?} is not a letter of {phrase:?}");
                    return folded_contains(text, phrase);
                };
                let rarest = rare;
                let upper = rarest.to_uppercase().next().unwrap_or(rarest);
                let at = |c: char| text.match_indices(c).map(|(i, _)| i);
                let mut found =
                    at(rarest).chain((upper != rarest).then(|| at(upper)).into_iter().flatten());
                found.any(|i| {
                    i.checked_sub(offset)
                        .filter(|&start| text.is_char_boundary(start))
                        .is_some_and(|start| folded_starts_with(&text[start..], phrase))
                })
            }
            Lowered::Full(lower) => lower.contains(phrase),
        }
    }
}

/// Whether `text` lowered by [`fold`] contains `phrase`, tried at every
/// character.
fn folded_contains(text: &str, phrase: &str) -> bool {
    text.char_indices()
        .any(|(i, _)| folded_starts_with(&text[i..], phrase))
}

fn folded_starts_with(text: &str, phrase: &str) -> bool {
    let mut chars = text.chars().map(fold);
    phrase.chars().all(|p| chars.next() == Some(p))
}

/// The lowercase of an ASCII or basic Cyrillic letter; any other
/// character as it is.
fn fold(c: char) -> char {
    match c {
        'А'..='Я' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        'Ё' => 'ё',
        _ => c.to_ascii_lowercase(),
    }
}

fn is_copyright(text: &str, lower: &Lowered) -> bool {
    text.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright")
        || lower.contains("all rights reserved", 'v')
        || lower.contains("все права защищены", 'щ')
}

fn ends_a_sentence(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '»', '”', '’', ')', '\'']);
    end.ends_with(['.', '!', '?', '…', ';', ','])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_agrees_with_lowercasing_on_ascii_and_basic_cyrillic() {
        let wanted = |c: char| c.is_ascii() || ('а'..='я').contains(&c) || c == 'ё';
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if matches!(c, '\u{0130}' | '\u{212A}') {
                continue;
            }
            let lower: Vec<char> = c.to_lowercase().collect();
            assert_eq!(lower.len(), 1, "{c:?}");
            if wanted(lower[0]) || wanted(fold(c)) {
                assert_eq!(fold(c), lower[0], "{c:?}");
            }
        }
    }

    #[test]
    fn lowered_text_finds_what_lowercasing_finds() {
        let phrases = [
            ("cookie", 'k'),
            ("(c) ", 'c'),
            ("copyright", 'y'),
            ("все права защищены", 'щ'),
            ("все права защищены", 'в'),
        ];
        for text in [
            "Cookie at the start, COOKIE at the end: cookie",
            "ookie, kie, ukookie",
            "Всё права защищены; ВСЕ ПРАВА ЗАЩИЩЕНЫ",
            "щ все права защищены",
            "We use COOKIES.",
            "(C) 2021 Все Права Защищены",
            "Copyright \u{212A}ookie",
            "\u{0130}stanbul cookie",
            "Ёлка",
            "no such phrase",
        ] {
            let lower = text.to_lowercase();
            for (phrase, rare) in phrases {
                let lowered = Lowered::new(text);
                assert_eq!(
                    lowered.contains(phrase, rare),
                    lower.contains(phrase),
                    "{text} {phrase}"
                );
                assert_eq!(
                    lowered.starts_with(phrase),
                    lower.starts_with(phrase),
                    "{text} {phrase}"
                );
            }
        }
    }

    #[test]
    fn a_language_switch_is_chrome() {
        assert!(is_chrome("• en-GB1 ru-RU1"));
        assert!(is_chrome("English Русский Español en-US"));
    }

    #[test]
    fn menus_and_breadcrumbs_are_chrome() {
        assert!(is_chrome("Home | News | Events | Photos"));
        assert!(is_chrome("Главная › Новости"));
        assert!(is_chrome("Home » Press » Statements"));
        assert!(is_chrome("Главная | Новости | Фото"));
    }

    #[test]
    fn share_and_print_links_are_chrome() {
        assert!(is_chrome("Share"));
        assert!(is_chrome("Поделиться"));
        assert!(is_chrome("Print version"));
        assert!(is_chrome("Версия для печати"));
    }

    #[test]
    fn copyright_lines_and_cookie_notices_are_chrome() {
        assert!(is_chrome(
            "© 2021 Ministry of Foreign Affairs. All rights reserved."
        ));
        assert!(is_chrome(
            "This site uses cookies. By continuing you agree to their use."
        ));
        assert!(is_chrome("Сайт использует файлы cookie."));
    }

    #[test]
    fn sentences_and_headings_are_not_chrome() {
        assert!(!is_chrome(
            "Question: We are delighted that you plan on visiting Korea."
        ));
        assert!(!is_chrome("Talks in Seoul"));
        assert!(!is_chrome("23 March 2021 13:00"));
        assert!(!is_chrome("13:06 23.03.2021"));
        assert!(!is_chrome("Переговоры в Сеуле"));
        assert!(!is_chrome("News of the day: prices rise | markets fall"));
        assert!(!is_chrome(
            "«не прикасайся», «не вкушай», «не дотрагивайся»"
        ));
        assert!(!is_chrome(
            "Foreign Minister Sergey Lavrov’s interview with South Korean media, Moscow, March 23, 2021"
        ));
    }
}
