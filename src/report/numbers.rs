//! Numbers in a sentence, for the number-mismatch check of `sverka check`.
//!
//! A small, private extractor: it reads digit groupings of both languages
//! ("1,000,000" and "1 000 000"; "3.5" and "3,5"), scale words ("$30 billion"
//! and "30 млрд" are both 3e10, see `scale_words.txt`) and dates: month names
//! (`months.txt`) and numeric dates ("23.03.2021", "23/03/2021") give a
//! [`Kind::Month`], so "23 March 2021" and "23.03.2021" agree.
// TODO(lead): unify with `sverka::anchor::numbers` once it lands.

use crate::Lang;

/// A number found in a text: its value and the text it was read from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Number {
    /// The value, scale words applied; 1 to 12 for a month.
    pub value: f64,
    /// The number as written, with its scale word.
    pub text: String,
    /// A plain number or a month.
    pub kind: Kind,
}

/// What a [`Number`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Number,
    /// A month, named ("March", "марта") or the middle of a numeric date.
    Month,
}

/// Numbers on each side of a pair that have no equal on the other side.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Unmatched {
    pub en: Vec<Number>,
    pub ru: Vec<Number>,
}

impl Unmatched {
    pub fn is_empty(&self) -> bool {
        self.en.is_empty() && self.ru.is_empty()
    }
}

/// Compares the numbers of an English text and its Russian counterpart.
///
/// When both sides have numbers the other lacks, all of them are reported: one
/// was translated into the other wrongly ("2020" / "2021"). When only one side
/// has extra numbers, small integers (up to 10) and months are forgiven,
/// because the other side may spell them out ("three agreements" /
/// "3 соглашения") or say them otherwise ("in spring").
pub fn unmatched(en: &str, ru: &str) -> Unmatched {
    let mut en = numbers(en, Lang::En);
    let mut ru = numbers(ru, Lang::Ru);
    en.retain(|n| match ru.iter().position(|m| same(n, m)) {
        Some(i) => {
            ru.remove(i);
            false
        }
        None => true,
    });
    if en.is_empty() || ru.is_empty() {
        let small =
            |n: &Number| n.kind == Kind::Month || (n.value.fract() == 0.0 && n.value.abs() <= 10.0);
        en.retain(|n| !small(n));
        ru.retain(|n| !small(n));
    }
    Unmatched { en, ru }
}

fn same(a: &Number, b: &Number) -> bool {
    a.kind == b.kind && (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(b.value.abs())
}

/// The numbers written with digits in `text`, in order.
pub fn numbers(text: &str, lang: Lang) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].1.is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().map(|c| c.1).collect();
            if let Some(month) = month(&word, lang) {
                out.push(Number {
                    value: f64::from(month),
                    text: word,
                    kind: Kind::Month,
                });
            } else if let Some(value) = roman(&word) {
                out.push(Number {
                    value: f64::from(value),
                    text: word,
                    kind: Kind::Number,
                });
            }
            continue;
        }
        if !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        if let Some((date, after)) = numeric_date(&chars, i) {
            out.extend(date);
            i = after;
            continue;
        }
        let start = i;
        // Integer part, with thousands separators.
        let mut int = String::new();
        i = digits(&chars, i, &mut int);
        let first_group = int.len();
        while first_group <= 3 && i + 4 <= chars.len() {
            let sep = chars[i].1;
            let grouping = match sep {
                ',' => lang == Lang::En,
                ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => true,
                _ => false,
            };
            let three = (1..=3).all(|k| chars[i + k].1.is_ascii_digit())
                && chars.get(i + 4).is_none_or(|c| !c.1.is_ascii_digit());
            if !(grouping && three) {
                break;
            }
            i = digits(&chars, i + 1, &mut int);
        }
        // Dot-separated parts: one is a decimal, two or more a date or version.
        let mut parts = vec![int];
        while i + 1 < chars.len() && chars[i + 1].1.is_ascii_digit() {
            let decimal = chars[i].1 == '.' || (chars[i].1 == ',' && lang == Lang::Ru);
            if !decimal || (chars[i].1 == ',' && parts.len() > 1) {
                break;
            }
            let mut part = String::new();
            i = digits(&chars, i + 1, &mut part);
            parts.push(part);
        }
        let end_of_digits = i;
        if parts.len() == 2 {
            let value = format!("{}.{}", parts[0], parts[1]).parse().unwrap_or(0.0);
            let (factor, after) = scale(&chars, start, i, lang);
            i = after;
            out.push(Number {
                value: value * factor,
                text: slice(text, &chars, start, i),
                kind: Kind::Number,
            });
        } else if parts.len() > 2 {
            for part in parts {
                out.push(Number {
                    value: part.parse().unwrap_or(0.0),
                    text: part,
                    kind: Kind::Number,
                });
            }
        } else {
            let value: f64 = parts[0].parse().unwrap_or(0.0);
            let (factor, after) = scale(&chars, start, i, lang);
            i = after;
            out.push(Number {
                value: value * factor,
                text: slice(text, &chars, start, i),
                kind: Kind::Number,
            });
        }
        i = i.max(end_of_digits);
    }
    out
}

/// A numeric date at `i`, `dd.mm.yyyy` or `dd/mm/yyyy` (day and month of one
/// or two digits, year of two or four; en-GB and Russian put the day first):
/// day, month and year, and the index after the date.
fn numeric_date(chars: &[(usize, char)], i: usize) -> Option<(Vec<Number>, usize)> {
    let mut parts = Vec::new();
    let mut j = i;
    let mut separator = None;
    loop {
        let mut part = String::new();
        j = digits(chars, j, &mut part);
        parts.push(part);
        if parts.len() == 3 {
            break;
        }
        let sep = chars
            .get(j)
            .map(|c| c.1)
            .filter(|c| matches!(c, '.' | '/'))?;
        if separator.is_some_and(|s| s != sep) || !chars.get(j + 1)?.1.is_ascii_digit() {
            return None;
        }
        separator = Some(sep);
        j += 1;
    }
    let (day, month, year) = (&parts[0], &parts[1], &parts[2]);
    let followed_by_digit = chars
        .get(j..j + 2)
        .is_some_and(|c| matches!(c[0].1, '.' | '/') && c[1].1.is_ascii_digit());
    if day.len() > 2 || month.len() > 2 || !matches!(year.len(), 2 | 4) || followed_by_digit {
        return None;
    }
    let month_value: u8 = month.parse().ok()?;
    let day_value: u8 = day.parse().ok()?;
    if !(1..=12).contains(&month_value) || !(1..=31).contains(&day_value) {
        return None;
    }
    let number = |text: &String, kind| Number {
        value: text.parse().unwrap_or(0.0),
        text: text.clone(),
        kind,
    };
    let date = vec![
        number(day, Kind::Number),
        number(month, Kind::Month),
        number(year, Kind::Number),
    ];
    Some((date, j))
}

/// The month `word` names, if any (see `months.txt`).
fn month(word: &str, lang: Lang) -> Option<u8> {
    let lower = word.to_lowercase();
    include_str!("months.txt").lines().find_map(|line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let mut fields = line.split_whitespace();
        let entry_lang: Lang = fields.next()?.parse().ok()?;
        let number: u8 = fields.next()?.parse().ok()?;
        let name = fields.next()?;
        if entry_lang != lang {
            return None;
        }
        let found = match (lang, name.strip_suffix('-')) {
            (Lang::Ru, Some(stem)) => lower.starts_with(stem),
            (Lang::Ru, None) => lower == name,
            // English month names are capitalised: "May", not "may".
            (Lang::En, _) => word == name,
        };
        found.then_some(number)
    })
}

/// Appends the ASCII digits from `i` to `out`; returns the index after them.
fn digits(chars: &[(usize, char)], mut i: usize, out: &mut String) -> usize {
    while i < chars.len() && chars[i].1.is_ascii_digit() {
        out.push(chars[i].1);
        i += 1;
    }
    i
}

/// The factor of a scale word right after the number `chars[start..i]`
/// (`30 billion`, `30bn`, `£75m`), and the index after the word; `(1.0, i)`
/// when there is none.
fn scale(chars: &[(usize, char)], start: usize, i: usize, lang: Lang) -> (f64, usize) {
    let currency = start > 0 && matches!(chars[start - 1].1, '$' | '£' | '€' | '¥');
    let mut j = i;
    while j < chars.len() && matches!(chars[j].1, ' ' | '\u{a0}' | '\u{202f}') && j - i < 2 {
        j += 1;
    }
    let word_start = j;
    while j < chars.len() && chars[j].1.is_alphabetic() {
        j += 1;
    }
    let word: String = chars[word_start..j]
        .iter()
        .flat_map(|c| c.1.to_lowercase())
        .collect();
    if word.is_empty() {
        return (1.0, i);
    }
    let best = scale_words()
        .filter(|w| w.lang == lang && word.starts_with(w.prefix) && (currency || !w.currency_only))
        .max_by_key(|w| w.prefix.len());
    match best {
        // An English abbreviation must be the whole word ("mn", not
        // "mnemonic"); Russian ones are inflected ("тыс", "тысяч").
        Some(w) if lang == Lang::Ru || w.prefix.len() > 3 || word == w.prefix => {
            let power = w.power;
            (10f64.powi(power), j)
        }
        _ => (1.0, i),
    }
}

/// One line of `scale_words.txt`.
struct ScaleWord {
    lang: Lang,
    prefix: &'static str,
    power: i32,
    /// Only right after a currency sign (`£75m`; `75m` may be metres).
    currency_only: bool,
}

fn scale_words() -> impl Iterator<Item = ScaleWord> {
    include_str!("scale_words.txt").lines().filter_map(|line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let mut fields = line.split_whitespace();
        Some(ScaleWord {
            lang: fields.next()?.parse().ok()?,
            prefix: fields.next()?,
            power: fields.next()?.parse().ok()?,
            currency_only: fields.next() == Some("currency"),
        })
    })
}

/// The value of a Roman numeral from II to XXXIX (centuries, monarchs,
/// congresses: "XVII века" for "17th century"). Larger ones and single
/// letters are left alone: "DC", "CD", "MIX" and "I" are words too.
fn roman(word: &str) -> Option<u32> {
    if word.len() < 2 || !word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    let tens = word.bytes().take_while(|&b| b == b'X').count();
    let units = match &word[tens..] {
        "" => 0,
        "I" => 1,
        "II" => 2,
        "III" => 3,
        "IV" => 4,
        "V" => 5,
        "VI" => 6,
        "VII" => 7,
        "VIII" => 8,
        "IX" => 9,
        _ => return None,
    };
    (tens <= 3).then_some(10 * tens as u32 + units)
}

fn slice(text: &str, chars: &[(usize, char)], start: usize, end: usize) -> String {
    let from = chars[start].0;
    let to = chars.get(end).map_or(text.len(), |c| c.0);
    text[from..to].trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, lang: Lang) -> Vec<f64> {
        numbers(text, lang).into_iter().map(|n| n.value).collect()
    }

    #[test]
    fn reads_english_and_russian_thousands_separators() {
        assert_eq!(values("1,250,000 people", Lang::En), [1_250_000.0]);
        assert_eq!(
            values("1\u{a0}250\u{a0}000 человек", Lang::Ru),
            [1_250_000.0]
        );
        assert_eq!(values("15 000 человек", Lang::Ru), [15_000.0]);
    }

    #[test]
    fn keeps_a_year_apart_from_the_number_after_it() {
        assert_eq!(values("in 2020 100 people", Lang::En), [2020.0, 100.0]);
        assert_eq!(values("23, 2021", Lang::En), [23.0, 2021.0]);
    }

    #[test]
    fn reads_decimal_point_and_russian_decimal_comma() {
        assert_eq!(values("3.5%", Lang::En), [3.5]);
        assert_eq!(values("3,5%", Lang::Ru), [3.5]);
    }

    #[test]
    fn reads_a_numeric_date_as_day_month_and_year() {
        let date = numbers("13:06 23.03.2021", Lang::Ru);
        let kinds: Vec<Kind> = date.iter().map(|n| n.kind).collect();
        assert_eq!(
            values("13:06 23.03.2021", Lang::Ru),
            [13.0, 6.0, 23.0, 3.0, 2021.0]
        );
        assert_eq!(kinds[3], Kind::Month);
        assert_eq!(numbers("23/03/21", Lang::En)[1].kind, Kind::Month);
        assert_eq!(values("version 1.2.3.4", Lang::En), [1.0, 2.0, 3.0, 4.0]);
    }

    #[test]
    fn a_named_month_agrees_with_a_numeric_one() {
        assert!(unmatched("Moscow, March 23, 2021", "Москва, 23.03.2021").is_empty());
        assert!(unmatched("on 1 May", "1 мая").is_empty());
        assert!(!unmatched("on 23 March", "23 апреля").is_empty());
        assert_eq!(numbers("You may go.", Lang::En), []);
        assert_eq!(numbers("Моя мама.", Lang::Ru), []);
    }

    #[test]
    fn applies_scale_words() {
        assert_eq!(values("$30 billion", Lang::En), [3e10]);
        assert_eq!(values("$30bn", Lang::En), [3e10]);
        assert_eq!(values("30 млрд долларов", Lang::Ru), [3e10]);
        assert_eq!(values("2,5 миллиона", Lang::Ru), [2.5e6]);
        assert_eq!(values("5 mnemonics", Lang::En), [5.0]);
    }

    #[test]
    fn reads_currency_abbreviations_only_after_a_currency_sign() {
        assert_eq!(values("£75m in aid", Lang::En), [7.5e7]);
        assert_eq!(values("a 75m tower", Lang::En), [75.0]);
        assert!(unmatched("another £75m in aid", "ещё 75 миллионов фунтов").is_empty());
    }

    #[test]
    fn reads_roman_numerals_up_to_thirty_nine() {
        assert!(unmatched("the 17th century", "XVII века").is_empty());
        assert_eq!(values("Louis XIV and World War II", Lang::En), [14.0, 2.0]);
        assert!(values("Washington DC, MIX, I, XL", Lang::En).is_empty());
    }

    #[test]
    fn finds_numbers_that_disagree() {
        let found = unmatched("$30 billion in 2020", "20 млрд долларов в 2020 году");
        assert_eq!(found.en[0].text, "30 billion");
        assert_eq!(found.ru[0].text, "20 млрд");
        assert!(unmatched("$30 billion", "30 млрд долларов").is_empty());
        assert!(!unmatched("in 2020", "в 2021 году").is_empty());
    }

    #[test]
    fn forgives_small_numbers_that_may_be_spelled_out() {
        assert!(unmatched("We signed three agreements.", "Подписали 3 соглашения.").is_empty());
        assert!(!unmatched("It grew by 5%.", "Рост составил 6%.").is_empty());
        assert!(!unmatched("In 2020.", "В прошлом году.").is_empty());
    }
}
