//! Numbers in a sentence, for the number-mismatch check of `sverka check`.
//!
//! A small, private extractor: it reads digit groupings of both languages
//! ("1,000,000" and "1 000 000"; "3.5" and "3,5"), dates written with dots
//! ("23.03.2021" is three numbers) and scale words ("$30 billion" and
//! "30 млрд" are both 3e10, see `scale_words.txt`).
// TODO(lead): unify with `sverka::anchor::numbers` once it lands.

use crate::Lang;

/// A number found in a text: its value and the text it was read from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Number {
    /// The value, scale words applied.
    pub value: f64,
    /// The number as written, with its scale word.
    pub text: String,
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
/// has extra numbers, small integers (up to 10) are forgiven, because the other
/// side may spell them out ("three agreements" / "3 соглашения").
pub fn unmatched(en: &str, ru: &str) -> Unmatched {
    let mut en = numbers(en, Lang::En);
    let mut ru = numbers(ru, Lang::Ru);
    en.retain(|n| match ru.iter().position(|m| same(n.value, m.value)) {
        Some(i) => {
            ru.remove(i);
            false
        }
        None => true,
    });
    if en.is_empty() || ru.is_empty() {
        let small = |n: &Number| n.value.fract() == 0.0 && n.value.abs() <= 10.0;
        en.retain(|n| !small(n));
        ru.retain(|n| !small(n));
    }
    Unmatched { en, ru }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// The numbers written with digits in `text`, in order.
pub fn numbers(text: &str, lang: Lang) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_ascii_digit() {
            i += 1;
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
            let (factor, after) = scale(&chars, i, lang);
            i = after;
            out.push(Number {
                value: value * factor,
                text: slice(text, &chars, start, i),
            });
        } else if parts.len() > 2 {
            for part in parts {
                out.push(Number {
                    value: part.parse().unwrap_or(0.0),
                    text: part,
                });
            }
        } else {
            let value: f64 = parts[0].parse().unwrap_or(0.0);
            let (factor, after) = scale(&chars, i, lang);
            i = after;
            out.push(Number {
                value: value * factor,
                text: slice(text, &chars, start, i),
            });
        }
        i = i.max(end_of_digits);
    }
    out
}

/// Appends the ASCII digits from `i` to `out`; returns the index after them.
fn digits(chars: &[(usize, char)], mut i: usize, out: &mut String) -> usize {
    while i < chars.len() && chars[i].1.is_ascii_digit() {
        out.push(chars[i].1);
        i += 1;
    }
    i
}

/// The factor of a scale word right after a number (`30 billion`, `30bn`),
/// and the index after the word; `(1.0, i)` when there is none.
fn scale(chars: &[(usize, char)], i: usize, lang: Lang) -> (f64, usize) {
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
        .filter(|(l, prefix, _)| *l == lang && word.starts_with(prefix))
        .max_by_key(|(_, prefix, _)| prefix.len());
    match best {
        // An English abbreviation must be the whole word ("mn", not
        // "mnemonic"); Russian ones are inflected ("тыс", "тысяч").
        Some((_, prefix, power)) if lang == Lang::Ru || prefix.len() > 3 || word == prefix => {
            (10f64.powi(power), j)
        }
        _ => (1.0, i),
    }
}

fn scale_words() -> impl Iterator<Item = (Lang, &'static str, i32)> {
    include_str!("scale_words.txt").lines().filter_map(|line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let mut fields = line.split_whitespace();
        let lang = fields.next()?.parse().ok()?;
        let prefix = fields.next()?;
        let power = fields.next()?.parse().ok()?;
        Some((lang, prefix, power))
    })
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
        assert_eq!(values("March 23, 2021", Lang::En), [23.0, 2021.0]);
    }

    #[test]
    fn reads_decimal_point_and_russian_decimal_comma() {
        assert_eq!(values("3.5%", Lang::En), [3.5]);
        assert_eq!(values("3,5%", Lang::Ru), [3.5]);
    }

    #[test]
    fn reads_a_dotted_date_as_three_numbers() {
        assert_eq!(values("23.03.2021", Lang::Ru), [23.0, 3.0, 2021.0]);
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
