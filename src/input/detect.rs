//! Guessing the encoding of a file that is not UTF-8, only when the guess is
//! safe: Russian text in Windows-1251 or KOI8-R, or UTF-16 without a BOM.
//!
//! The two Russian encodings put the same letters on different bytes; in
//! particular Windows-1251 has the lowercase letters at 0xE0-0xFF and KOI8-R
//! at 0xC0-0xDF, swapped with the capitals. Read in the wrong one, Russian
//! text turns into mostly capital letters, so the most frequent lowercase
//! letters are a strong signal. Text in a Latin one-byte encoding (é, à, ü)
//! also decodes to Cyrillic letters, but single ones between Latin letters,
//! never whole words; requiring runs of Cyrillic letters rules it out.

use super::encoding::{Encoding, single_byte_table};

/// The ten most frequent Russian letters, about two thirds of all letters in
/// running text (textbook letter frequencies: о 11%, е 8.5%, а 8%, и 7.4%,
/// н 6.7%, т 6.3%, с 5.5%, р 4.7%, в 4.5%, л 4.4%).
const FREQUENT: &str = "оеаинтсрвл";
/// Fewer Cyrillic letters than this are too few to judge.
const MIN_LETTERS: usize = 8;
/// Share of letters among the frequent lowercase ones, below which the text
/// does not read as Russian (real text: about 0.6; the wrong encoding: < 0.1).
const MIN_FREQUENT_SHARE: f64 = 0.3;
/// Share of Cyrillic letters that must have a Cyrillic letter beside them.
const MIN_IN_WORDS_SHARE: f64 = 0.7;

/// The Russian one-byte encoding `bytes` is written in, if it is clear.
pub fn legacy_cyrillic(bytes: &[u8]) -> Option<Encoding> {
    let cp1251 = score(bytes, Encoding::Windows1251)?;
    let koi8r = score(bytes, Encoding::Koi8R)?;
    // The right reading must be Russian-like and clearly better than the other.
    if cp1251 >= MIN_FREQUENT_SHARE && cp1251 > 2.0 * koi8r {
        Some(Encoding::Windows1251)
    } else if koi8r >= MIN_FREQUENT_SHARE && koi8r > 2.0 * cp1251 {
        Some(Encoding::Koi8R)
    } else {
        None
    }
}

/// Share of the frequent lowercase letters among the Cyrillic letters of
/// `bytes` read as `encoding`; `None` if the reading is not Cyrillic words.
fn score(bytes: &[u8], encoding: Encoding) -> Option<f64> {
    let table = single_byte_table(encoding);
    let is_cyrillic = |b: u8| table[b as usize].is_some_and(is_cyrillic_letter);
    let (mut letters, mut frequent, mut in_words) = (0usize, 0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        let Some(c) = table[b as usize].filter(|&c| is_cyrillic_letter(c)) else {
            continue;
        };
        letters += 1;
        if FREQUENT.contains(c) {
            frequent += 1;
        }
        let before = i.checked_sub(1).is_some_and(|j| is_cyrillic(bytes[j]));
        let after = bytes.get(i + 1).is_some_and(|&b| is_cyrillic(b));
        if before || after {
            in_words += 1;
        }
    }
    if letters < MIN_LETTERS || (in_words as f64) < MIN_IN_WORDS_SHARE * letters as f64 {
        return None;
    }
    Some(frequent as f64 / letters as f64)
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
