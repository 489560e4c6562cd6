//! Catching the wrong file early: English written in Latin letters, Russian
//! in Cyrillic, so the share of each script tells a swapped or wrong file
//! apart before hours are spent aligning it.

use std::path::Path;

use rayon::prelude::*;

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
    /// Letters of any other script (Greek, CJK, ...): many of them in an
    /// English or Russian file mean it was decoded wrongly.
    pub other: usize,
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
                // Eight ASCII bytes at once where there are: most of an
                // English text.
                if let Some(word) = bytes
                    .get(i..i + 8)
                    .and_then(|eight| <[u8; 8]>::try_from(eight).ok())
                    .map(u64::from_le_bytes)
                    .filter(|word| word & (0x80 * EACH_BYTE) == 0)
                {
                    count.latin += ascii_letters(word);
                    i += 8;
                    continue;
                }
                count.latin += usize::from(b.is_ascii_alphabetic());
                i += 1;
                continue;
            }
            if (0xC2..=0xDF).contains(&b)
                && let Some(&next) = bytes.get(i + 1)
            {
                let code = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
                i += 2;
                // А..я, Ё and ё first: nearly every letter of a Russian text.
                if matches!(code, 0x410..=0x44F | 0x401 | 0x451) {
                    count.cyrillic += 1;
                    continue;
                }
                match char::from_u32(code) {
                    Some(c @ '\u{00C0}'..='\u{024F}') if c.is_alphabetic() => count.latin += 1,
                    Some(c @ '\u{0400}'..='\u{052F}') if c.is_alphabetic() => count.cyrillic += 1,
                    Some(c) if c.is_alphabetic() => count.other += 1,
                    _ => {}
                }
                continue;
            }
            if b >= 0xE0
                && let Some(c) = text.get(i..).and_then(|rest| rest.chars().next())
            {
                count.other += usize::from(c.is_alphabetic());
                i += c.len_utf8();
                continue;
            }
            i += 1;
        }
        count
    }

    /// The letters of two texts together.
    fn add(self, other: ScriptCount) -> ScriptCount {
        ScriptCount {
            latin: self.latin + other.latin,
            cyrillic: self.cyrillic + other.cyrillic,
            other: self.other + other.other,
        }
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

/// A `u64` with each of its eight bytes 1.
const EACH_BYTE: u64 = 0x0101_0101_0101_0101;

/// How many of the eight ASCII bytes of `word` are letters. A byte with
/// 0x20 set (lower case) is a letter if it is `a..=z`: adding 0x80 - `a`
/// sets its top bit from `a` up, adding 0x80 - `z` - 1 from past `z`, and no
/// sum carries into the next byte (a byte is at most 0x7F).
fn ascii_letters(word: u64) -> usize {
    let lower = word | (0x20 * EACH_BYTE);
    let from_a = lower + u64::from(0x80 - b'a') * EACH_BYTE;
    let past_z = lower + u64::from(0x80 - b'z' - 1) * EACH_BYTE;
    (from_a & !past_z & (0x80 * EACH_BYTE)).count_ones() as usize
}

/// Checks that `text` read from `path` looks like `lang`.
pub fn check_language(path: &Path, text: &str, lang: Lang) -> Result<(), Error> {
    judge(path, text, ScriptCount::of(text), lang)
}

/// Below this share of Latin and Cyrillic among its letters, a text is
/// neither English nor Russian (UTF-8 read as UTF-16 turns into CJK).
const MIN_KNOWN_SCRIPT_SHARE: f64 = 0.5;

/// [`check_language`] on letters already counted.
fn judge(path: &Path, text: &str, count: ScriptCount, lang: Lang) -> Result<(), Error> {
    judge_scanned(path, count, mojibake(text), lang)
}

/// [`judge`] with the text's garbled run, if it is garbled, found already.
fn judge_scanned(
    path: &Path,
    count: ScriptCount,
    mojibake: Option<Mojibake>,
    lang: Lang,
) -> Result<(), Error> {
    let side = lang.code();
    if let Some(found) = mojibake {
        return Err(Error::Mojibake {
            path: path.to_path_buf(),
            encoding: found.encoding,
            seen: found.seen,
            meant: found.meant,
            side,
        });
    }
    let letters = count.latin + count.cyrillic + count.other;
    let known = (count.latin + count.cyrillic) as f64 / letters.max(1) as f64;
    if letters >= MIN_LETTERS && known < MIN_KNOWN_SCRIPT_SHARE {
        return Err(Error::NeitherScript {
            path: path.to_path_buf(),
            expected: lang,
            percent: percent(known),
            side,
        });
    }
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
    // A book is tens of megabytes a side: both sides in pieces, the pieces
    // in parallel (the Russian side, two bytes a letter, is half as long
    // again as the English one, and took one core while the other waited).
    let parallel = crate::parallel::worth_it(en.1.len() + ru.1.len());
    let scan = |text: &str| -> (ScriptCount, Runs) {
        if !parallel {
            return (ScriptCount::of(text), Runs::of(text));
        }
        let scanned: Vec<(ScriptCount, Runs)> = pieces(text)
            .par_iter()
            .map(|piece| (ScriptCount::of(piece), Runs::of(piece)))
            .collect();
        // In order: the first garbled run of the text is reported.
        scanned.into_iter().fold(
            (ScriptCount::default(), Runs::default()),
            |(count, runs), (piece_count, piece_runs)| {
                (count.add(piece_count), runs.then(piece_runs))
            },
        )
    };
    let ((en_count, en_runs), (ru_count, ru_runs)) =
        crate::parallel::join(parallel, || scan(en.1), || scan(ru.1));
    if en_count.looks_wrong(Lang::En).is_some() && ru_count.looks_wrong(Lang::Ru).is_some() {
        return Err(Error::SwappedLanguages {
            en: en.0.to_path_buf(),
            ru: ru.0.to_path_buf(),
            en_cyrillic: percent(en_count.share(Lang::Ru)),
            ru_latin: percent(ru_count.share(Lang::En)),
        });
    }
    judge_scanned(en.0, en_count, en_runs.mojibake(), Lang::En).and(judge_scanned(
        ru.0,
        ru_count,
        ru_runs.mojibake(),
        Lang::Ru,
    ))
}

/// Bytes per piece of a text checked in parallel (see [`pieces`]).
const PIECE_BYTES: usize = 256 * 1024;

/// `text` cut into pieces of about [`PIECE_BYTES`], each cut just after an
/// ASCII byte, so that no character and no run of non-ASCII characters is
/// cut: letters and runs are counted piece by piece alike.
fn pieces(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::with_capacity(text.len() / PIECE_BYTES + 1);
    let mut start = 0;
    while start < bytes.len() {
        let end = match bytes.get(start + PIECE_BYTES..) {
            None => bytes.len(),
            Some(rest) => rest
                .iter()
                .position(u8::is_ascii)
                .map_or(bytes.len(), |k| start + PIECE_BYTES + k + 1),
        };
        pieces.push(&text[start..end]);
        start = end;
    }
    pieces
}

/// A piece of text that reads as UTF-8 bytes decoded in a one-byte
/// encoding: `seen` ("вЂ™") is `meant` ("’") read as `encoding`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mojibake {
    pub encoding: &'static str,
    pub seen: String,
    pub meant: String,
}

/// Fewest garbled runs that make a text garbled, and their least share of
/// its runs of non-ASCII characters (in a garbled text nearly all are).
const MOJIBAKE_MIN_RUNS: usize = 2;
const MOJIBAKE_MIN_SHARE: f64 = 0.3;

/// Finds UTF-8 text decoded in a one-byte code page (Windows-1251, KOI8-R,
/// Windows-1252): `Lavrov’s` read as Windows-1251 is `LavrovвЂ™s`, and
/// `Заявление` is `Р—Р°СЏРІР»РµРЅРёРµ`. Each run of non-ASCII characters is
/// encoded back into each code page; if the bytes are valid UTF-8 for
/// characters such text is made of (Latin-1 letters, Cyrillic, typographic
/// punctuation), the run is garbled. A text is when at least
/// [`MOJIBAKE_MIN_RUNS`] runs and [`MOJIBAKE_MIN_SHARE`] of all its
/// non-ASCII runs are: Russian has a few innocent runs that pass the test
/// ("Её" in Windows-1251 is valid UTF-8 for "Ÿ"), but never most of them.
pub fn mojibake(text: &str) -> Option<Mojibake> {
    Runs::of(text).mojibake()
}

/// The runs of non-ASCII characters of a text (or of consecutive pieces of
/// it) counted, and the garbled ones among them (see [`mojibake`]).
#[derive(Default)]
struct Runs {
    runs: usize,
    garbled: usize,
    /// The first garbled run.
    first: Option<Mojibake>,
}

impl Runs {
    fn of(text: &str) -> Runs {
        let mut counted = Runs::default();
        for run in non_ascii_runs(text) {
            counted.runs += 1;
            if let Some(found) = garbled_run(run) {
                counted.garbled += 1;
                counted.first.get_or_insert(found);
            }
        }
        counted
    }

    /// These runs and those of the piece of text that follows.
    fn then(self, later: Runs) -> Runs {
        Runs {
            runs: self.runs + later.runs,
            garbled: self.garbled + later.garbled,
            first: self.first.or(later.first),
        }
    }

    /// The first garbled run, if enough of the runs are garbled.
    fn mojibake(self) -> Option<Mojibake> {
        (self.garbled >= MOJIBAKE_MIN_RUNS
            && self.garbled as f64 >= MOJIBAKE_MIN_SHARE * self.runs as f64)
            .then_some(self.first)
            .flatten()
    }
}

/// The runs of non-ASCII characters of `text`: the runs of its bytes above
/// 0x7F (UTF-8 writes ASCII as itself and nothing else with such bytes),
/// found without decoding a character.
fn non_ascii_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(|b| !b.is_ascii())?;
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |len| start + len);
        at = end;
        Some(&text[start..end])
    })
}

/// `run` as the UTF-8 it came from, if it is garbled UTF-8.
fn garbled_run(run: &str) -> Option<Mojibake> {
    // Nearly every run of a Russian text is a word of the basic Cyrillic
    // letters, which is never garbled: they are bytes 0xC0..=0xFF in
    // Windows-1251 and KOI8-R, each of which UTF-8 wants followed by a byte
    // 0x80..=0xBF, and Windows-1252 has no Cyrillic. Saying so at once saves
    // encoding every word three times.
    if is_basic_cyrillic(run) {
        return None;
    }
    // Each code page writes a non-ASCII character as one byte above 0x7F,
    // which is never UTF-8 by itself: a lone ’ or « is never garbled (an
    // English text's runs are nearly all such).
    run.chars().nth(1)?;
    garbled_in_code_pages(run)
}

/// Whether `run` is all А to я, the letters a Russian word is made of (ё
/// aside): U+0410..U+044F, in UTF-8 `D0 90`..`D0 BF` and `D1 80`..`D1 8F`,
/// told from the bytes without decoding.
fn is_basic_cyrillic(run: &str) -> bool {
    let bytes = run.as_bytes();
    bytes.len().is_multiple_of(2)
        && bytes
            .chunks_exact(2)
            .all(|pair| matches!(pair, [0xD0, 0x90..=0xBF] | [0xD1, 0x80..=0x8F]))
}

/// [`garbled_run`], found by encoding `run` into each code page.
fn garbled_in_code_pages(run: &str) -> Option<Mojibake> {
    let encodings = [
        encoding_rs::WINDOWS_1251,
        encoding_rs::KOI8_R,
        encoding_rs::WINDOWS_1252,
    ];
    encodings.into_iter().find_map(|encoding| {
        let (bytes, _, unmappable) = encoding.encode(run);
        if unmappable {
            return None;
        }
        let meant = std::str::from_utf8(&bytes).ok()?;
        let typical = |c: char| {
            matches!(c, '\u{A0}'..='\u{FF}' | '\u{400}'..='\u{4FF}' | '\u{2000}'..='\u{206F}' | '€' | '™')
        };
        meant.chars().all(typical).then(|| Mojibake {
            encoding: encoding.name(),
            seen: run.to_string(),
            meant: meant.to_string(),
        })
    })
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
    fn counted_by_unicode_tables(text: &str) -> (usize, usize, usize) {
        text.chars()
            .filter(|c| c.is_alphabetic())
            .fold((0, 0, 0), |(l, k, o), c| match c {
                'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => (l + 1, k, o),
                '\u{0400}'..='\u{052F}' => (l, k + 1, o),
                _ => (l, k, o + 1),
            })
    }

    #[test]
    fn counts_letters_as_the_unicode_tables_do() {
        let text = "Ab1 ×÷ Çø ǅ Ёё Жщ Ѣѣ Ԯ ҂ ‐ 中文 𝔸 ";
        let fast = ScriptCount::of(text);
        let counted = (fast.latin, fast.cyrillic, fast.other);
        assert_eq!(counted, counted_by_unicode_tables(text));
        assert_eq!(counted, (5, 7, 3));
    }

    #[test]
    fn counts_ascii_letters_eight_bytes_at_a_time_as_one_at_a_time() {
        let ascii: String = (0..=0x7Fu8).map(char::from).collect();
        for skip in 0..8 {
            let text = format!("{}{ascii}{ascii}", &ascii[..skip]);
            let fast = ScriptCount::of(&text);
            let counted = (fast.latin, fast.cyrillic, fast.other);
            assert_eq!(counted, counted_by_unicode_tables(&text));
            assert_eq!(counted, (2 * 52, 0, 0));
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_of_non_ascii_bytes_are_the_runs_of_non_ascii_characters(text in "[a-z .а-яё€’\u{80}-\u{7FF}\\PC]{0,40}") {
            let by_chars: Vec<&str> = text.split(|c: char| c.is_ascii()).filter(|r| !r.is_empty()).collect();
            proptest::prop_assert_eq!(non_ascii_runs(&text).collect::<Vec<_>>(), by_chars);
        }

        #[test]
        fn a_word_of_basic_cyrillic_letters_is_never_garbled(word in "[а-яА-Я]{1,16}") {
            proptest::prop_assert!(is_basic_cyrillic(&word));
            proptest::prop_assert_eq!(garbled_in_code_pages(&word), None);
        }

        #[test]
        fn basic_cyrillic_is_told_from_the_bytes_as_from_the_characters(run in "[а-яА-ЯёЁ\u{80}-\u{7FF}\\PC]{1,8}") {
            let by_chars = run.chars().all(|c| ('\u{410}'..='\u{44F}').contains(&c));
            proptest::prop_assert_eq!(is_basic_cyrillic(&run), by_chars);
        }

        #[test]
        fn a_lone_character_is_never_garbled(c in "[\u{80}-\u{FFFF}]") {
            proptest::prop_assert_eq!(garbled_in_code_pages(&c), None);
        }

        #[test]
        fn byte_counting_agrees_with_the_unicode_tables(text in "[a-zA-Z\\u{80}-\\u{7FF} \\PC]{0,64}") {
            let fast = ScriptCount::of(&text);
            proptest::prop_assert_eq!((fast.latin, fast.cyrillic, fast.other), counted_by_unicode_tables(&text));
        }
    }

    /// `text`'s UTF-8 bytes decoded as `encoding`: what a wrong
    /// `--encoding` makes of a UTF-8 file.
    fn misread(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
        encoding
            .decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn catches_utf8_read_as_a_one_byte_code_page() {
        let en = "Lavrov’s “statement” — in full. The minister’s words were clear.";
        let ru = "Заявление министра иностранных дел опубликовано полностью.";
        for encoding in [
            encoding_rs::WINDOWS_1251,
            encoding_rs::KOI8_R,
            encoding_rs::WINDOWS_1252,
        ] {
            let garbled = misread(en, encoding);
            let err = check_language(Path::new("en.txt"), &garbled, Lang::En).unwrap_err();
            assert!(
                matches!(err, Error::Mojibake { .. }),
                "{}: {err}",
                encoding.name()
            );
            assert!(err.to_string().contains("--en-encoding utf-8"), "{err}");
        }
        let garbled = misread(ru, encoding_rs::WINDOWS_1251);
        let err = check_language(Path::new("ru.txt"), &garbled, Lang::Ru).unwrap_err();
        assert!(err.to_string().contains("read as windows-1251"), "{err}");
        let garbled = misread(en, encoding_rs::WINDOWS_1251);
        assert_eq!(mojibake(&garbled).unwrap().meant, "’");
    }

    #[test]
    fn real_text_is_not_mojibake() {
        for text in [
            EN,
            RU,
            "Её дом и её сад. Всё своё моё. «Т» и «В». Ёж, ёлка — №5, 10 €.",
            "Lavrov’s “statement” — in full, café, naïve, Zürich.",
            "ЗАЯВЛЕНИЕ ЛАВРОВА ПОЛНОСТЬЮ.",
        ] {
            assert_eq!(mojibake(text), None, "{text}");
        }
    }

    #[test]
    fn catches_text_in_neither_script() {
        // UTF-8 English read as UTF-16LE: CJK characters.
        let garbled = misread(EN, encoding_rs::UTF_16LE);
        let err = check_language(Path::new("en.txt"), &garbled, Lang::En).unwrap_err();
        assert!(matches!(err, Error::NeitherScript { .. }), "{err}");
        assert!(err.to_string().contains("--en-encoding"), "{err}");
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

    #[test]
    fn pieces_cut_no_character_and_no_run_and_count_as_the_whole() {
        // Long runs of non-ASCII letters across the places a piece may end,
        // and a garbled run in the last piece.
        let long_word = "ж".repeat(PIECE_BYTES / 3);
        let text = format!("{RU} {long_word} {EN}").repeat(4) + " LavrovвЂ™s вЂњ";
        let cut = pieces(&text);
        assert!(cut.len() > 2);
        assert_eq!(cut.concat(), text);
        for piece in &cut[..cut.len() - 1] {
            assert!(piece.as_bytes().last().is_some_and(u8::is_ascii));
        }
        let count = cut.iter().fold(ScriptCount::default(), |sum, piece| {
            sum.add(ScriptCount::of(piece))
        });
        assert_eq!(count, ScriptCount::of(&text));
        let runs = cut
            .iter()
            .fold(Runs::default(), |sum, piece| sum.then(Runs::of(piece)));
        let whole = Runs::of(&text);
        assert_eq!((runs.runs, runs.garbled), (whole.runs, whole.garbled));
        assert_eq!(
            runs.first.map(|found| found.seen),
            whole.first.map(|found| found.seen)
        );
    }
}
