//! What the scanner recognises in text: the marks that end and open
//! sentences, bullets and emoji, and the shapes of words (numbers, Roman
//! numerals, links, times, dates, list markers).

/// Quotes and brackets that close a sentence after its final mark: `.»` `?"`
/// `!)`; U+2800 is the blank that social media posts use as a spacer.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '}' | '“' | '›' | '`' | '\u{2800}'
    )
}

/// Quotes, brackets and dashes that may open a sentence before its first word.
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '«'
            | '“'
            | '„'
            | '‘'
            | '‚'
            | '('
            | '['
            | '{'
            | '‹'
            | '—'
            | '–'
            | '-'
            | '*'
            | '`'
    )
}

pub fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '‒' | '―')
}

/// Marks that end a sentence: full stop, question and exclamation marks, ellipsis.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁉' | '⁈' | '⁇')
}

/// Relations and operators of mathematics, which join two terms and never
/// open a sentence: the factorial in "n! ≈ √(2πn)(n/e)ⁿ" is no exclamation.
pub fn is_relation(c: char) -> bool {
    matches!(
        c,
        '≈' | '≠'
            | '≡'
            | '≤'
            | '≥'
            | '≅'
            | '∼'
            | '∝'
            | '×'
            | '÷'
            | '∈'
            | '∉'
            | '⊂'
            | '⊆'
    )
}

/// Bullets that start a list item, also in the middle of a scraped line.
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '●'
            | '▪'
            | '■'
            | '◦'
            | '‣'
            | '⁃'
            | '►'
            | '▸'
            | '✔'
            | '✅'
            | '☑'
            | '➤'
            | '➡'
    )
}

/// Pictographs and the marks that join or modify them (skin tones, ZWJ,
/// VS16, the keycap of "3⃣").
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF
        | 0x203C | 0x2049 | 0x200D | 0xFE0F | 0x20E3 | 0xE0020..=0xE007F)
}

/// A Roman numeral written in capitals: II, XIV, XXI.
pub fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.len() <= 8 && word.bytes().all(|b| b"IVXLCDM".contains(&b))
}

/// Roman numerals or a range of them: "XIX", "XVIII–XIX", "XV-XVI".
pub fn is_roman_or_range(word: &str) -> bool {
    match word.split_once(['–', '-', '—']) {
        Some((from, to)) => is_roman(from) && is_roman(to),
        None => is_roman(word),
    }
}

/// A number as written in running text: 2021, 3.5, 1,000, 23.03.2021, 2020–2021, §2.
pub fn is_number(word: &str) -> bool {
    let word = word.trim_start_matches(['§', '№', '#']);
    // "1990-х", "5-го": a number with a case ending.
    let word = match word.rsplit_once('-') {
        Some((number, ending)) if !ending.is_empty() && ending.chars().all(char::is_alphabetic) => {
            number
        }
        _ => word,
    };
    word.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-' | '–'))
}

/// A quantity before a unit: a number, also with a currency sign, an
/// approximation or a tolerance sign before it ("$135", "US$5", "€20", "~50",
/// "≈3", "±0,5") or as a
/// product of dimensions ("150x185", "4х10", "2×3×4", Latin, Cyrillic or the
/// multiplication sign).
pub fn is_quantity(word: &str) -> bool {
    // "US$", "HK$", "C$": a dollar sign may follow its country's capitals.
    let word = match word.split_once('$') {
        Some((country, amount)) if country.bytes().all(|b| b.is_ascii_uppercase()) => amount,
        _ => word,
    };
    let word = word.trim_start_matches(['€', '£', '¥', '₽', '₴', '₸', '~', '≈', '+', '−', '±']);
    // "5½", "2¾": a vulgar fraction after the whole number ("5½ hrs.").
    let word = word
        .strip_suffix(['¼', '½', '¾', '⅓', '⅔', '⅛'])
        .filter(|whole| !whole.is_empty())
        .unwrap_or(word);
    // "1990-х" is a number with a case ending, not a product.
    is_number(word) || word.split(['x', 'х', '×']).all(is_number)
}

/// An English ordinal written in figures: "1st", "89th", "22nd", "3RD".
pub fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    digits > 0
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s))
}

/// A chess move in algebraic notation, English or Russian, with any marks
/// a commentator adds: "e4", "exd5", "Nf3", "Bxh7+!", "Rfd8", "e8=Q",
/// "O-O-O", "0-0", "Кf3", "Фxd4!?", "Крh1", "Лxf7#". The pieces are K, Q, R,
/// B, N and Кр, Ф, Л, С, К; the square is a file a–h and a rank 1–8.
pub fn is_chess_move(token: &str) -> bool {
    let token = token.trim_end_matches(|c: char| {
        matches!(c, '!' | '?' | '+' | '#' | ',' | ';' | ':' | '.' | ')') || is_closer(c)
    });
    if matches!(token, "O-O" | "O-O-O" | "0-0" | "0-0-0") {
        return true;
    }
    let rest = ["Кр", "K", "Q", "R", "B", "N", "Ф", "Л", "С", "К"]
        .into_iter()
        .find_map(|piece| token.strip_prefix(piece));
    let (piece, rest) = match rest {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    // A pawn that reaches the last rank becomes a piece: "e8=Q", "e8Q", "e1=Ф".
    let rest = match rest.char_indices().next_back() {
        Some((at, c)) if !piece && c.is_uppercase() => rest[..at].trim_end_matches('='),
        _ => rest,
    };
    let file = |b: u8| (b'a'..=b'h').contains(&b);
    let rank = |b: u8| (b'1'..=b'8').contains(&b);
    let [before @ .., to_file, to_rank] = rest.as_bytes() else {
        return false;
    };
    if !file(*to_file) || !rank(*to_rank) {
        return false;
    }
    // The capture sign: x, the Cyrillic х, a colon or ×.
    let before = ["x", "х", ":", "×"]
        .into_iter()
        .find_map(|sign| before.strip_suffix(sign.as_bytes()))
        .unwrap_or(before);
    match before {
        [] => true,
        // A pawn captures from its file; a piece names its file, rank or square.
        [f] => file(*f) || piece && rank(*f),
        [f, r] => piece && file(*f) && rank(*r),
        _ => false,
    }
}

/// What follows the dash that opens a remark of direct speech at the start
/// of `text`: an em or en dash, two hyphens as plain-text books type it, or
/// one as the web does, then a space ("-- Слушаю-с.", "— А ты куда?", "- Да");
/// `None` if no such dash.
pub fn after_speech_dash(text: &str) -> Option<&str> {
    ["-- ", "— ", "– ", "- "]
        .into_iter()
        .find_map(|dash| text.strip_prefix(dash))
}

/// A web address: http://…, https://…, www.….
pub fn is_link(word: &str) -> bool {
    word.starts_with("http://") || word.starts_with("https://") || word.starts_with("www.")
}

/// A clock time: 13:00, 8:02, 03:14:14.
pub fn is_time(word: &str) -> bool {
    word.len() >= 4 && word.contains(':') && word.bytes().all(|b| b.is_ascii_digit() || b == b':')
}

/// A numeric date with slashes, as e-mail headers write it: 08/15/2000, 4/2/01.
pub fn is_slash_date(word: &str) -> bool {
    word.bytes().filter(|&b| b == b'/').count() == 2
        && word
            .split('/')
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The number of a list item marker: "3" is 3, "c" is 3; `None` for other words.
pub fn item_number(word: &str) -> Option<u32> {
    let word = word.trim_start_matches(|c: char| is_bullet(c) || is_dash(c));
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ 'a'..='z'), None) => Some(c as u32 - 'a' as u32 + 1),
        // Not 0: "false (0) or true (1)" is no list.
        _ if (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()) => {
            word.parse().ok().filter(|&n| n > 0)
        }
        _ => None,
    }
}

/// Letters that number the items of a Russian list, in order: the alphabet
/// without "ё", "й", "ъ", "ы" and "ь", which lists skip.
const RUSSIAN_ITEM_LETTERS: &str = "абвгдежзиклмнопрстуфхцчшщэюя";

/// The number of a list item marker closed by a bracket, where Russian lists
/// letter their items too ("б)" is 2): [`item_number`] or a Russian letter.
pub fn bracketed_item_number(word: &str) -> Option<u32> {
    item_number(word).or_else(|| {
        let mut chars = word.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return None;
        };
        let at = RUSSIAN_ITEM_LETTERS
            .chars()
            .position(|letter| letter == c)?;
        u32::try_from(at + 1).ok()
    })
}

/// The value of a Roman numeral that numbers a list item, in lower case or
/// in capitals ("iv" and "IV" are 4), up to 39; `None` for other words.
pub fn roman_item_number(word: &str) -> Option<u32> {
    let word = word.trim_start_matches(|c: char| is_bullet(c) || is_dash(c));
    let lower = word.bytes().all(|b| b"ivx".contains(&b));
    if word.is_empty() || word.len() > 6 || !lower && !is_roman(word) {
        return None;
    }
    let value = |b: u8| match b.to_ascii_lowercase() {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        _ => None,
    };
    // A digit before a larger one is taken away ("iv" is 4).
    let bytes = word.as_bytes();
    let mut total: i64 = 0;
    for (k, &b) in bytes.iter().enumerate() {
        let d = i64::from(value(b)?);
        let next = bytes.get(k + 1).and_then(|&n| value(n));
        if next.is_some_and(|n| i64::from(n) > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    u32::try_from(total).ok().filter(|&v| v > 0)
}

/// A line that opens a list item: "• ...", "- ...", "1) ...", "2. ...", "a) ...".
pub fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if is_bullet(first) || matches!(first, '-' | '–' | '—' | '*') {
        return chars.next().is_some_and(char::is_whitespace);
    }
    let marker_len = line
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(line.len(), |(at, _)| at);
    let marker = &line[..marker_len];
    let rest = &line[marker_len..];
    let digits =
        !marker.is_empty() && marker.len() <= 3 && marker.bytes().all(|b| b.is_ascii_digit());
    let letter = marker.chars().count() == 1;
    (digits || letter) && rest.starts_with(')') || digits && rest.starts_with(". ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_in_figures() {
        for word in ["1st", "89th", "22nd", "3RD"] {
            assert!(is_ordinal(word), "{word}");
        }
        for word in ["th", "89", "4x4", "1st-class"] {
            assert!(!is_ordinal(word), "{word}");
        }
    }

    #[test]
    fn chess_moves() {
        for word in [
            "e4", "exd5", "Nf3", "Bxh7+!", "Rfd8", "R1e2", "Qh4xe1", "e8=Q", "e8Q", "O-O-O", "0-0",
            "Кf3", "Фxd4!?", "Крh1", "Лxf7#", "Сb5,", "exf4,", "e:d5",
        ] {
            assert!(is_chess_move(word), "{word}");
        }
        for word in [
            "e9", "i4", "Nf", "K.", "B12", "Mr", "Nf3x", "Zf3", "1st", "a", "exd", "R1e2e4", "Дe4",
        ] {
            assert!(!is_chess_move(word), "{word}");
        }
    }

    #[test]
    fn speech_dashes() {
        assert_eq!(after_speech_dash("-- Слушаю-с."), Some("Слушаю-с."));
        assert_eq!(after_speech_dash("— А ты куда?"), Some("А ты куда?"));
        assert_eq!(after_speech_dash("– Да."), Some("Да."));
        assert_eq!(after_speech_dash("- Да."), Some("Да."), "the web's hyphen");
        for text in ["-Да.", "--Да.", "—Да", "Да — нет", "-5 °C"] {
            assert_eq!(after_speech_dash(text), None, "{text}");
        }
    }

    #[test]
    fn quantities_before_a_unit() {
        for word in [
            "135", "$135", "US$5", "€20,5", "~50", "150x185", "4х10", "2×3×4",
        ] {
            assert!(is_quantity(word), "{word}");
        }
        for word in ["$", "US", "x", "4x", "x4", "Ax10", "A5", "$-", "гг"] {
            assert!(!is_quantity(word), "{word}");
        }
    }

    #[test]
    fn numbers_in_running_text() {
        for word in [
            "2021",
            "3.5",
            "1,000.5",
            "23.03.2021",
            "2020–2021",
            "§2",
            "1990-х",
            "5-го",
        ] {
            assert!(is_number(word), "{word}");
        }
        for word in ["abc", "-5", "х-1990", ""] {
            assert!(!is_number(word), "{word}");
        }
    }

    #[test]
    fn roman_numerals_in_capitals() {
        assert!(is_roman("XIV") && is_roman("I"));
        assert!(!is_roman("xiv") && !is_roman("XIVA") && !is_roman(""));
    }

    #[test]
    fn roman_list_markers_have_their_value() {
        assert_eq!(roman_item_number("iv"), Some(4));
        assert_eq!(roman_item_number("XIV"), Some(14));
        assert_eq!(roman_item_number("ii"), Some(2));
        assert_eq!(roman_item_number("Iv"), None);
        assert_eq!(roman_item_number("mix"), None);
    }

    #[test]
    fn links_times_and_header_dates() {
        assert!(is_link("https://mid.ru/en") && is_link("www.mid.ru"));
        assert!(!is_link("mid.ru"));
        assert!(is_time("13:00") && is_time("03:14:14") && !is_time("1:0"));
        assert!(is_slash_date("08/15/2000") && is_slash_date("4/2/01"));
        assert!(!is_slash_date("1/2") && !is_slash_date("a/b/c"));
    }

    #[test]
    fn list_markers_and_items() {
        assert_eq!(item_number("3"), Some(3));
        assert_eq!(item_number("c"), Some(3));
        assert_eq!(item_number("•10"), Some(10));
        assert_eq!(item_number("1234"), None);
        assert_eq!(bracketed_item_number("в"), Some(3));
        assert_eq!(bracketed_item_number("к"), Some(10), "after и, not й");
        assert_eq!(bracketed_item_number("c"), Some(3));
        assert_eq!(bracketed_item_number("ы"), None);
        assert!(starts_list_item("1) Trade") && starts_list_item("b) Culture"));
        assert!(starts_list_item("2. Science") && starts_list_item("• Item"));
        assert!(!starts_list_item("2021 was good") && !starts_list_item("-5 degrees"));
    }

    #[test]
    fn emoji_and_their_modifiers() {
        assert!(is_emoji('😊') && is_emoji('\u{1F3FB}') && is_emoji('\u{FE0F}') && is_emoji('❤'));
        assert!(!is_emoji('a') && !is_emoji('«'));
    }
}
