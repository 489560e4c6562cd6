//! Guessing the encoding of a file that is not UTF-8, only when the guess is
//! safe: Russian text in Windows-1251 or KOI8-R, or UTF-16 without a BOM.
//!
//! The two Russian encodings put the same letters on different bytes; in
//! particular Windows-1251 has the lowercase letters at 0xE0-0xFF and KOI8-R
//! at 0xC0-0xDF, swapped with the capitals. Read in the wrong one, Russian
//! prose turns into capitals, its capitalised words into "пРИВЕТ", and its
//! letters into other letters with the wrong frequencies. A reading is
//! plausible when most letters are lowercase, words do not switch to capitals
//! midway, and the letters are likelier Russian than in the other reading;
//! the guess is made only when exactly one reading is plausible. Text in a
//! Latin one-byte encoding (é, à, ü) also decodes to Cyrillic letters, but
//! single ones between Latin letters, which rules it out. Text all in
//! capitals stays ambiguous: an error asks for `--encoding`.

use std::sync::OnceLock;

use super::encoding::{Encoding, single_byte_table};

/// Fewer Cyrillic letters than this are too few to judge.
const MIN_LETTERS: usize = 8;
/// Least share of lowercase letters in a plausible reading (prose: > 0.9;
/// the wrong encoding: < 0.2 unless the text is full of acronyms).
const MIN_LOWERCASE_SHARE: f64 = 0.6;
/// Most words in twenty that may switch from lowercase to capitals.
const MAX_CASE_SWITCHES_PER_20_WORDS: usize = 1;
/// Most share of Cyrillic letters that may touch a Latin letter (a Latin-1
/// file read as Cyrillic: nearly all do).
const MAX_MIXED_SHARE: f64 = 0.2;
/// Least share of bytes >= 0x80 that must be Cyrillic letters (the rest:
/// «», dashes, №). Read in the wrong encoding, ё and punctuation turn into
/// box-drawing characters.
const MIN_LETTER_SHARE_OF_HIGH_BYTES: f64 = 0.9;
/// Frequency per 1000 given to Cyrillic letters missing from the table.
const RARE_LETTER: f64 = 0.1;

/// The Russian one-byte encoding `bytes` is written in, if it is clear.
pub fn legacy_cyrillic(bytes: &[u8]) -> Option<Encoding> {
    let cp1251 = Reading::of(bytes, Encoding::Windows1251);
    let koi8r = Reading::of(bytes, Encoding::Koi8R);
    let cp1251_ok =
        cp1251.plausible() && cp1251.mean_log_likelihood() > koi8r.mean_log_likelihood();
    let koi8r_ok = koi8r.plausible() && koi8r.mean_log_likelihood() > cp1251.mean_log_likelihood();
    match (cp1251_ok, koi8r_ok) {
        (true, false) => Some(Encoding::Windows1251),
        (false, true) => Some(Encoding::Koi8R),
        _ => None,
    }
}

/// Letter statistics of `bytes` read in one encoding.
#[derive(Debug, Default)]
struct Reading {
    /// Bytes 0x80-0xFF.
    high_bytes: usize,
    letters: usize,
    lowercase: usize,
    /// Cyrillic letters with a Latin letter right before or after them.
    mixed: usize,
    words: usize,
    /// Words with a capital after a lowercase letter ("пРИВЕТ").
    case_switches: usize,
    /// Sum over letters of ln(frequency), case ignored.
    log_likelihood: f64,
}

impl Reading {
    fn of(bytes: &[u8], encoding: Encoding) -> Reading {
        let table = single_byte_table(encoding);
        let letter = |b: u8| table[b as usize].filter(|&c| is_cyrillic_letter(c));
        let latin = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphabetic);
        let mut r = Reading::default();
        let (mut in_word, mut seen_lower, mut switched) = (false, false, false);
        for (i, &b) in bytes.iter().enumerate() {
            r.high_bytes += usize::from(b >= 0x80);
            let Some(c) = letter(b) else {
                if in_word {
                    r.words += 1;
                    r.case_switches += usize::from(switched);
                }
                (in_word, seen_lower, switched) = (false, false, false);
                continue;
            };
            in_word = true;
            r.letters += 1;
            if c.is_lowercase() {
                r.lowercase += 1;
                seen_lower = true;
            } else if seen_lower {
                switched = true;
            }
            if latin(i.checked_sub(1).map(|j| &bytes[j])) || latin(bytes.get(i + 1)) {
                r.mixed += 1;
            }
            r.log_likelihood += frequency(c).ln();
        }
        if in_word {
            r.words += 1;
            r.case_switches += usize::from(switched);
        }
        r
    }

    fn mean_log_likelihood(&self) -> f64 {
        self.log_likelihood / self.letters.max(1) as f64
    }

    fn plausible(&self) -> bool {
        let letters = self.letters as f64;
        self.letters >= MIN_LETTERS
            && letters >= MIN_LETTER_SHARE_OF_HIGH_BYTES * self.high_bytes as f64
            && self.mixed as f64 <= MAX_MIXED_SHARE * letters
            && self.lowercase as f64 >= MIN_LOWERCASE_SHARE * letters
            && self.case_switches * 20 <= MAX_CASE_SWITCHES_PER_20_WORDS * self.words.max(20)
    }
}

/// How often `c` (either case) occurs in Russian text, per 1000 letters.
fn frequency(c: char) -> f64 {
    static TABLE: OnceLock<Vec<(char, f64)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        include_str!("russian_letters.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (letter, freq) = l.split_once(' ')?;
                Some((letter.chars().next()?, freq.trim().parse().ok()?))
            })
            .collect()
    });
    let lower = c.to_lowercase().next().unwrap_or(c);
    table
        .iter()
        .find(|&&(l, _)| l == lower)
        .map_or(RARE_LETTER, |&(_, f)| f)
}

fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}') && c.is_alphabetic()
}

/// For a file with NUL bytes: the UTF-16 byte order it looks like, if the
/// NULs sit almost all on one side of the code units (ASCII, spaces and
/// punctuation have a zero high byte in UTF-16; binary files have NULs
/// anywhere).
pub fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b == 0 {
            if i.is_multiple_of(2) {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let units = bytes.len() / 2;
    // At least one unit in ten has a zero high byte (spaces alone give that),
    // and the other side has almost none.
    let clear = |zeros: usize, other: usize| zeros * 10 >= units && other * 50 <= zeros;
    if !bytes.len().is_multiple_of(2) || units < 4 {
        None
    } else if clear(odd, even) {
        Some(Encoding::Utf16Le)
    } else if clear(even, odd) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUSSIAN: &str = "Министр иностранных дел провёл переговоры в Москве. \
        Стороны обсудили торговлю, науку и образование, а также подписали \
        соглашение о сотрудничестве на следующие три года.";

    fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
        let table = single_byte_table(encoding);
        text.chars()
            .map(|c| {
                (0..=255u8)
                    .find(|&b| table[b as usize] == Some(c))
                    .expect("encodable")
            })
            .collect()
    }

    #[test]
    fn recognises_russian_in_windows_1251() {
        let bytes = encode(RUSSIAN, Encoding::Windows1251);
        assert_eq!(legacy_cyrillic(&bytes), Some(Encoding::Windows1251));
    }

    #[test]
    fn recognises_russian_in_koi8r() {
        let bytes = encode(RUSSIAN, Encoding::Koi8R);
        assert_eq!(legacy_cyrillic(&bytes), Some(Encoding::Koi8R));
    }

    #[test]
    fn recognises_a_short_line_of_capitals_and_lowercase() {
        let bytes = encode("Протокол о намерениях", Encoding::Koi8R);
        assert_eq!(legacy_cyrillic(&bytes), Some(Encoding::Koi8R));
    }

    #[test]
    fn does_not_take_latin1_french_for_russian() {
        // "Le ministre a été reçu à Paris; très bientôt, une déclaration
        // commune sera signée à l'Élysée." in ISO-8859-1.
        let bytes: Vec<u8> = "Le ministre a été reçu à Paris; très bientôt, une déclaration \
            commune sera signée à l'Élysée, après la réunion du comité."
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        assert_eq!(legacy_cyrillic(&bytes), None);
    }

    #[test]
    fn letter_table_has_the_whole_alphabet() {
        for c in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя".chars() {
            assert!(frequency(c) > RARE_LETTER, "{c}");
        }
        assert_eq!(frequency('О'), frequency('о'));
    }

    #[test]
    fn short_line_with_an_acronym_is_recognised() {
        let bytes = encode("в докладе ООН и в нашей стране", Encoding::Windows1251);
        assert_eq!(legacy_cyrillic(&bytes), Some(Encoding::Windows1251));
    }

    #[test]
    fn box_drawing_reading_is_not_plausible() {
        // Found by proptest: ё/Ё are box drawing in KOI8-R.
        let bytes = encode("дБАБАЁЁёёЁёёЁЁААёАЁ", Encoding::Windows1251);
        assert_ne!(legacy_cyrillic(&bytes), Some(Encoding::Koi8R));
    }

    #[test]
    fn all_capitals_stay_ambiguous() {
        let bytes = encode("ПРОТОКОЛ О НАМЕРЕНИЯХ", Encoding::Koi8R);
        assert_eq!(legacy_cyrillic(&bytes), None);
    }

    #[test]
    fn too_few_letters_are_not_judged() {
        let bytes = encode("Да", Encoding::Windows1251);
        assert_eq!(legacy_cyrillic(&bytes), None);
    }

    #[test]
    fn spots_utf16_without_bom_by_where_the_nuls_are() {
        let text = "Hello, world. Привет, мир.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_without_bom(&le), Some(Encoding::Utf16Le));
        assert_eq!(utf16_without_bom(&be), Some(Encoding::Utf16Be));
    }

    #[test]
    fn binary_with_scattered_nuls_is_not_utf16() {
        let bytes: Vec<u8> = (0..400u32).map(|i| (i * 7 % 5) as u8).collect();
        assert_eq!(utf16_without_bom(&bytes), None);
    }
}
