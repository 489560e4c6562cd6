//! Numbers and months, normalised so that they compare equal across languages.
//!
//! English and Russian write the same value differently: `1,000.5` is
//! `1 000,5`, `30 billion` is `30 млрд`, `21st` is `21-й`. [`numbers`] reads the
//! digits with the conventions of the sentence's language, applies a following
//! scale word (`data/scales.tsv`) and returns each value as an exact decimal
//! [`Number`]. Units, currency signs and `%` are dropped: the value is what
//! survives translation. [`months`] returns month numbers from month names
//! (`data/months.tsv`), so that `March 23` and `23 марта` share two anchors.

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

// The tables are only looked up, never iterated, and FxHash is quicker on
// their short keys than the default SipHash.
use rustc_hash::FxHashMap as HashMap;

use super::tokens::tokens;
use crate::Lang;

/// An exact decimal value `mantissa × 10^exponent`, kept in one canonical form
/// (no trailing zeros in the mantissa) so that equal values are equal and
/// hash alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Number {
    mantissa: u64,
    exponent: i32,
}

impl Number {
    /// Builds the number `mantissa × 10^exponent` in canonical form.
    pub fn new(mut mantissa: u64, mut exponent: i32) -> Number {
        if mantissa == 0 {
            return Number {
                mantissa: 0,
                exponent: 0,
            };
        }
        while mantissa.is_multiple_of(10) {
            mantissa /= 10;
            exponent += 1;
        }
        Number { mantissa, exponent }
    }

    /// The value as a float (for display and ranges, not for comparison).
    pub fn value(self) -> f64 {
        self.mantissa as f64 * 10f64.powi(self.exponent)
    }

    /// True for whole numbers.
    pub fn is_integer(self) -> bool {
        self.exponent >= 0
    }

    /// Parses integer digits and fraction digits (ASCII), scaled by `10^scale`.
    /// `None` when the digits do not fit in 19 significant digits.
    fn from_digits(int: &str, frac: &str, scale: i32) -> Option<Number> {
        let digits = format!("{int}{frac}");
        let trimmed = digits.trim_start_matches('0');
        if trimmed.len() > 19 {
            return None;
        }
        let mantissa = if trimmed.is_empty() {
            0
        } else {
            trimmed.parse().ok()?
        };
        Some(Number::new(mantissa, scale - frac.len() as i32))
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.exponent >= 0 && self.exponent <= 12 {
            write!(
                f,
                "{}",
                self.mantissa as u128 * 10u128.pow(self.exponent as u32)
            )
        } else if self.exponent < 0 {
            let digits = self.mantissa.to_string();
            let point = digits.len() as i32 + self.exponent;
            if point > 0 {
                let (a, b) = digits.split_at(point as usize);
                write!(f, "{a}.{b}")
            } else {
                write!(f, "0.{}{digits}", "0".repeat((-point) as usize))
            }
        } else {
            write!(f, "{}e{}", self.mantissa, self.exponent)
        }
    }
}

struct Tables {
    scales: HashMap<&'static str, i32>,
    months_en: HashMap<&'static str, u8>,
    months_ru: HashMap<&'static str, u8>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut scales = HashMap::default();
        for (power, en, ru) in rows(include_str!("../../data/scales.tsv")) {
            let power: i32 = power.parse().expect("data/scales.tsv: power is an integer");
            for w in en.split_whitespace().chain(ru.split_whitespace()) {
                scales.insert(w, power);
            }
        }
        let (mut months_en, mut months_ru) = (HashMap::default(), HashMap::default());
        for (month, en, ru) in rows(include_str!("../../data/months.tsv")) {
            let month: u8 = month.parse().expect("data/months.tsv: month is an integer");
            months_en.extend(en.split_whitespace().map(|w| (w, month)));
            months_ru.extend(ru.split_whitespace().map(|w| (w, month)));
        }
        Tables {
            scales,
            months_en,
            months_ru,
        }
    })
}

/// The three tab-separated columns of a built-in data file, skipping comments.
fn rows(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let mut next = || cols.next().unwrap_or("").trim();
            (next(), next(), next())
        })
}

/// Separators that group thousands in `lang`: `1,000` in English, `1 000` in
/// Russian; no-break and thin spaces in both.
fn is_group_separator(c: char, lang: Lang) -> bool {
    match c {
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => true,
        ',' => lang == Lang::En,
        ' ' => lang == Lang::Ru,
        _ => false,
    }
}

fn is_decimal_point(c: char, lang: Lang) -> bool {
    match lang {
        Lang::En => c == '.',
        // Russian writes 1,5, but texts translated from English keep 1.5.
        Lang::Ru => c == ',' || c == '.',
    }
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₽')
}

/// The numbers in `text`, read with the conventions of `lang`, in order.
/// Years, ordinals (`21st`, `21-й`), parts of names (`COVID-19`) and dates
/// (`23.03.2020` gives 23, 3 and 2020) are all numbers here.
pub fn numbers(text: &str, lang: Lang) -> Vec<Number> {
    number_spans(text, lang)
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// Whether `bytes` hold an ASCII digit, eight bytes at a time: a lane of
/// `word ^ b'0'` is below 10 for a digit, and subtracting 10 from every
/// lane then borrows into the top bit of such a lane where the lane's own
/// top bit was clear (the classic has-less-than test, exact for whether
/// there is one).
fn has_digit(bytes: &[u8]) -> bool {
    const EACH_BYTE: u64 = 0x0101_0101_0101_0101;
    let mut words = bytes.chunks_exact(8);
    let digit_in = |chunk: &[u8]| {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let lanes = word ^ (EACH_BYTE * u64::from(b'0'));
        lanes.wrapping_sub(EACH_BYTE * 10) & !lanes & (EACH_BYTE * 0x80) != 0
    };
    words.any(digit_in) || words.remainder().iter().any(u8::is_ascii_digit)
}

/// Like [`numbers`], with the byte span each number was read from (digits,
/// separators and a following scale word: `30 billion` is one span).
pub fn number_spans(text: &str, lang: Lang) -> Vec<(Number, Range<usize>)> {
    // Every number starts at an ASCII digit; most sentences have none.
    if !has_digit(text.as_bytes()) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_ascii_digit());
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !digit(k) {
            k += 1;
            continue;
        }
        let begin = k;
        while digit(k) {
            k += 1;
        }
        // A year glued to a time, as scraped pages print a date line
        // (`23 March 202113:00`): read the year, then the time on its own.
        if let Some(year_end) = glued_year_and_time(&chars, begin, k) {
            let span = chars[begin].0..chars[year_end - 1].0 + 1;
            out.extend(Number::from_digits(&text[span.clone()], "", 0).map(|n| (n, span)));
            k = year_end;
            continue;
        }
        let first_group = (chars[begin].0, chars[k - 1].0 + 1);

        // Dotted dates and versions: 23.03.2020, 1.2.3 -> each part alone.
        if let Some(end) = dotted_run(&chars, k) {
            let span = chars[begin].0..chars[end - 1].0 + 1;
            for part in text[span.clone()].split('.') {
                out.extend(Number::from_digits(part, "", 0).map(|n| (n, span.clone())));
            }
            k = end;
            continue;
        }

        let mut int = text[first_group.0..first_group.1].to_string();
        // Thousands groups: one separator kind, exactly three digits each.
        if int.len() <= 3 {
            let mut sep = None;
            while let Some(&(_, c)) = chars.get(k) {
                let same = sep.is_none_or(|s| s == c);
                if same
                    && is_group_separator(c, lang)
                    && (1..=3).all(|d| digit(k + d))
                    && !digit(k + 4)
                {
                    sep = Some(c);
                    int.extend(chars[k + 1..k + 4].iter().map(|&(_, c)| c));
                    k += 4;
                } else {
                    break;
                }
            }
        }
        let mut frac = String::new();
        let mut ambiguous_thousands = false;
        if let Some(&(_, c)) = chars.get(k)
            && is_decimal_point(c, lang)
            && digit(k + 1)
        {
            let start = k + 1;
            let mut end = start;
            while digit(end) {
                end += 1;
            }
            // Russian "1,000" may be a decimal or an English-style thousand.
            ambiguous_thousands =
                lang == Lang::Ru && c == ',' && int.len() <= 3 && end - start == 3;
            frac = chars[start..end].iter().map(|&(_, c)| c).collect();
            k = end;
        }
        let currency = begin > 0 && is_currency(chars[begin - 1].1)
            || begin > 1 && chars[begin - 1].1 == ' ' && is_currency(chars[begin - 2].1);
        let (scale, end) = scale_after(text, &chars, k, currency);
        let span = chars[begin].0..end.unwrap_or(chars[k - 1].0 + chars[k - 1].1.len_utf8());
        out.extend(Number::from_digits(&int, &frac, scale).map(|n| (n, span.clone())));
        if ambiguous_thousands {
            out.extend(
                Number::from_digits(&format!("{int}{frac}"), "", scale).map(|n| (n, span.clone())),
            );
        }
    }
    out
}

/// If the digits `chars[begin..end]` are a year (1800–2199) with the hour of
/// a time glued to it (`202113` in `202113:00`), the index one past the year.
fn glued_year_and_time(chars: &[(usize, char)], begin: usize, end: usize) -> Option<usize> {
    let digit = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_ascii_digit());
    let colon = chars.get(end).is_some_and(|&(_, c)| c == ':');
    if !(5..=6).contains(&(end - begin))
        || !colon
        || !digit(end + 1)
        || !digit(end + 2)
        || digit(end + 3)
    {
        return None;
    }
    let value = |from: usize, to: usize| {
        chars[from..to]
            .iter()
            .fold(0u32, |n, &(_, c)| n * 10 + c.to_digit(10).unwrap_or(0))
    };
    let year_end = begin + 4;
    ((1800..2200).contains(&value(begin, year_end)) && value(year_end, end) <= 23)
        .then_some(year_end)
}

/// If `chars[k..]` continues a run like `.03.2020` (two or more dot-joined
/// digit groups in all), returns the index one past the run.
fn dotted_run(chars: &[(usize, char)], mut k: usize) -> Option<usize> {
    let digit = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_ascii_digit());
    let mut groups = 1;
    while chars.get(k).is_some_and(|&(_, c)| c == '.') && digit(k + 1) {
        k += 1;
        while digit(k) {
            k += 1;
        }
        groups += 1;
    }
    (groups >= 3).then_some(k)
}

/// The power of ten of a scale word right after a number (`30 billion`,
/// `30 млрд.`, `$30bn`), or 0, with the byte end of the scale word if any.
/// `m` and `k` count only attached after a currency.
fn scale_after(
    text: &str,
    chars: &[(usize, char)],
    mut k: usize,
    currency: bool,
) -> (i32, Option<usize>) {
    let attached = chars.get(k).is_some_and(|&(_, c)| c.is_alphabetic());
    while chars
        .get(k)
        .is_some_and(|&(_, c)| c == ' ' || c == '\u{00A0}' || c == '\u{202F}')
    {
        k += 1;
    }
    let Some(&(start, _)) = chars.get(k) else {
        return (0, None);
    };
    let end = chars[k..]
        .iter()
        .find(|&&(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |&(i, _)| i);
    if start == end {
        return (0, None);
    }
    let word = text[start..end].to_lowercase();
    if attached && currency {
        match word.as_str() {
            "m" => return (6, Some(end)),
            "k" => return (3, Some(end)),
            "b" => return (9, Some(end)),
            _ => {}
        }
    }
    match tables().scales.get(word.as_str()) {
        Some(&power) => (power, Some(end)),
        None => (0, None),
    }
}

/// True when `word` (a normalised token) may name a month: [`month_spans`]
/// finds nothing in a text with no such word.
pub(crate) fn may_name_month(word: &str, lang: Lang) -> bool {
    let t = tables();
    match lang {
        Lang::En => t.months_en.contains_key(word),
        Lang::Ru => t.months_ru.contains_key(word),
    }
}

/// Month numbers (1–12) named in `text`: `March`, `Sept`, `марта`, `декабре`.
/// English names count only when capitalised; `May` only beside a number.
pub fn months(text: &str, lang: Lang) -> Vec<u8> {
    month_spans(text, lang)
        .into_iter()
        .map(|(m, _)| m)
        .collect()
}

/// Like [`months`], with the byte span of each month name.
pub fn month_spans(text: &str, lang: Lang) -> Vec<(u8, Range<usize>)> {
    let toks = tokens(text);
    let t = tables();
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        let month = match lang {
            Lang::Ru => t.months_ru.get(tok.text.as_str()).copied(),
            Lang::En if tok.capitalised => {
                let m = t.months_en.get(tok.text.as_str()).copied();
                if tok.text == "may" {
                    let near_digit =
                        |j: Option<usize>| j.and_then(|j| toks.get(j)).is_some_and(|n| n.has_digit);
                    m.filter(|_| near_digit(i.checked_sub(1)) || near_digit(Some(i + 1)))
                } else {
                    m
                }
            }
            Lang::En => None,
        };
        out.extend(month.map(|m| (m, tok.start..tok.end)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_digit_finds_any_byte_that_is_one() {
        // Every byte value at every place of texts of up to 17 bytes (two
        // words and a remainder), among letters, Cyrillic bytes and
        // punctuation around the digits.
        for len in 1..=17 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    for (k, filler) in bytes.iter_mut().enumerate() {
                        *filler = [b'a', 0xD0, b'/', b':', 0xB9][k % 5];
                    }
                    bytes[at] = b;
                    assert_eq!(
                        has_digit(&bytes),
                        b.is_ascii_digit(),
                        "{b:#x} at {at} of {len}"
                    );
                }
            }
        }
    }

    fn nums(text: &str, lang: Lang) -> Vec<String> {
        numbers(text, lang).iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn scale_words_match_across_languages() {
        assert_eq!(
            numbers("a $30 billion deal", Lang::En),
            numbers("сделка на 30 млрд долларов", Lang::Ru)
        );
        assert_eq!(nums("1 million people", Lang::En), ["1000000"]);
        assert_eq!(nums("1 млн. человек", Lang::Ru), ["1000000"]);
        assert_eq!(nums("2,5 миллиарда рублей", Lang::Ru), ["2500000000"]);
        assert_eq!(nums("2.5 billion roubles", Lang::En), ["2500000000"]);
        assert_eq!(nums("тысячи людей, 3 тысячи", Lang::Ru), ["3000"]);
    }

    #[test]
    fn currency_abbreviations_scale_only_after_a_currency_sign() {
        assert_eq!(
            nums("it cost $30m and £2bn", Lang::En),
            ["30000000", "2000000000"]
        );
        assert_eq!(nums("a 30m run", Lang::En), ["30"]);
    }

    #[test]
    fn thousands_separators_and_decimal_marks() {
        assert_eq!(numbers("1,000.5", Lang::En), numbers("1 000,5", Lang::Ru));
        assert_eq!(nums("12,345,678 votes", Lang::En), ["12345678"]);
        assert_eq!(nums("12\u{00A0}345 голосов", Lang::Ru), ["12345"]);
        assert_eq!(nums("12\u{202F}345 votes", Lang::En), ["12345"]);
        assert_eq!(nums("рост на 0,75%", Lang::Ru), ["0.75"]);
    }

    #[test]
    fn adjacent_numbers_are_not_glued_by_a_space() {
        assert_eq!(nums("в 2020 300 человек", Lang::Ru), ["2020", "300"]);
        assert_eq!(nums("in 2020, 300 people", Lang::En), ["2020", "300"]);
        assert_eq!(nums("сессии 1 2345", Lang::Ru), ["1", "2345"]);
    }

    #[test]
    fn russian_comma_with_three_digits_gives_both_readings() {
        assert_eq!(nums("1,500 человек", Lang::Ru), ["1.5", "1500"]);
    }

    #[test]
    fn ordinals_percentages_and_names_keep_their_value() {
        assert_eq!(
            numbers("the 21st century", Lang::En),
            numbers("в 21-м веке", Lang::Ru)
        );
        assert_eq!(numbers("15%", Lang::En), numbers("15 %", Lang::Ru));
        assert_eq!(nums("COVID-19 in 2020", Lang::En), ["19", "2020"]);
    }

    #[test]
    fn dotted_dates_split_into_parts() {
        assert_eq!(nums("23.03.2020", Lang::Ru), ["23", "3", "2020"]);
        assert_eq!(nums("at 10:30", Lang::En), ["10", "30"]);
    }

    #[test]
    fn a_year_glued_to_a_time_reads_as_a_year_and_a_time() {
        assert_eq!(
            nums("23 March 202113:00", Lang::En),
            ["23", "2021", "13", "0"]
        );
        assert_eq!(nums("1 May 20219:05", Lang::En), ["1", "2021", "9", "5"]);
        assert_eq!(nums("code 123456:78", Lang::En), ["123456", "78"]);
    }

    #[test]
    fn spans_cover_digits_and_scale_word() {
        let text = "about $30 billion, 1 000 and 21st";
        let spans: Vec<&str> = number_spans(text, Lang::En)
            .into_iter()
            .map(|(_, r)| &text[r])
            .collect();
        assert_eq!(spans, ["30 billion", "1", "000", "21"]);
        let text = "1 000,5 млн. человек";
        let spans: Vec<&str> = number_spans(text, Lang::Ru)
            .into_iter()
            .map(|(_, r)| &text[r])
            .collect();
        assert_eq!(spans, ["1 000,5 млн"]);
    }

    #[test]
    fn numbers_hash_by_value() {
        assert_eq!(Number::new(1500, 0), Number::new(15, 2));
        assert_eq!(Number::new(0, 5), Number::new(0, -2));
        assert_eq!(Number::new(5, -1).to_string(), "0.5");
        assert_eq!(Number::new(5, -3).to_string(), "0.005");
    }

    #[test]
    fn huge_digit_runs_are_skipped_not_panicking() {
        assert!(nums("12345678901234567890123", Lang::En).is_empty());
    }

    #[test]
    fn months_match_in_every_russian_case() {
        assert_eq!(months("On March 23 and in December", Lang::En), [3, 12]);
        assert_eq!(months("23 марта, в декабре, март", Lang::Ru), [3, 12, 3]);
        assert_eq!(months("Протесты в мае", Lang::Ru), [5]);
    }

    #[test]
    fn short_months_match_in_both_languages() {
        assert_eq!(months("set for Aug. 5 and Sept. 12", Lang::En), [8, 9]);
        assert_eq!(months("назначена на 5 авг. и 12 сент.", Lang::Ru), [8, 9]);
    }

    #[test]
    fn english_months_need_capitals_and_may_needs_a_number() {
        assert_eq!(
            months("They march. It may rain. May 5 and 5 May.", Lang::En),
            [5, 5]
        );
    }
}
