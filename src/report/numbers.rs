//! Numbers in a pair of sentences, for the number-mismatch check of
//! `sverka check`.
//!
//! Digits, scale words and month names are read by the anchor stage
//! ([`crate::anchor::numbers`]: "1,250,000" = "1 250 000", "$30bn" =
//! "30 млрд", "March" = "марта" = 3, "23.03.2021" = 23, 3, 2021); this module
//! adds Roman numerals ("XVII века" for "17th century") and decides which
//! differences are worth a reader's attention.
// TODO(lead): Roman numerals could move into anchor::numbers for the aligner too.

use crate::Lang;
use crate::anchor::numbers::{month_spans, number_spans};

/// A number found in a text: its value and the text it was read from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Number {
    /// The value, scale words applied; 1 to 12 for a month name.
    pub value: f64,
    /// The number as written, with its scale word (a whole date for each of
    /// its parts).
    pub text: String,
    /// A number written with digits or Roman numerals, or a month name.
    pub kind: Kind,
    /// Byte offset of `text` in the sentence (the same for each part of a date).
    #[serde(skip)]
    pub start: usize,
}

/// What a [`Number`] was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A number written with digits or words.
    Number,
    /// A month name ("March", "марта"); equal to the month's number.
    Month,
}

/// Numbers on each side of a pair that have no equal on the other side.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Unmatched {
    /// Numbers found only in the English side.
    pub en: Vec<Number>,
    /// Numbers found only in the Russian side.
    pub ru: Vec<Number>,
}

impl Unmatched {
    /// True when both sides' numbers agree.
    pub fn is_empty(&self) -> bool {
        self.en.is_empty() && self.ru.is_empty()
    }
}

/// Compares the numbers of an English text and its Russian counterpart.
///
/// When both sides have numbers the other lacks, all of them are reported: one
/// was translated into the other wrongly ("2020" / "2021"). When only one side
/// has extra numbers, small integers (up to 10) and month names are forgiven,
/// because the other side may spell them out ("three agreements" /
/// "3 соглашения") or say them otherwise ("in spring").
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
        let forgiven =
            |n: &Number| n.kind == Kind::Month || (n.value.fract() == 0.0 && n.value.abs() <= 10.0);
        en.retain(|n| !forgiven(n));
        ru.retain(|n| !forgiven(n));
    }
    // The parts of one date ("23.03.2021": 23, 3, 2021) share its text; list
    // the date once.
    for side in [&mut en, &mut ru] {
        side.dedup_by(|b, a| a.text == b.text && a.start == b.start);
    }
    Unmatched { en, ru }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// The numbers, month names and Roman numerals of `text`, in order.
pub fn numbers(text: &str, lang: Lang) -> Vec<Number> {
    let mut found: Vec<(usize, Number)> = Vec::new();
    for (number, span) in number_spans(text, lang) {
        let number = Number {
            value: number.value(),
            text: text[span.clone()].to_string(),
            kind: Kind::Number,
            start: span.start,
        };
        found.push((span.start, number));
    }
    for (month, span) in month_spans(text, lang) {
        let number = Number {
            value: f64::from(month),
            text: text[span.clone()].to_string(),
            kind: Kind::Month,
            start: span.start,
        };
        found.push((span.start, number));
    }
    for (start, word) in words(text) {
        if let Some(value) = roman(word) {
            let number = Number {
                value: f64::from(value),
                text: word.to_string(),
                kind: Kind::Number,
                start,
            };
            found.push((start, number));
        }
    }
    found.sort_by_key(|(start, _)| *start);
    found.into_iter().map(|(_, n)| n).collect()
}

/// The runs of letters in `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut chars = text.char_indices().chain([(text.len(), ' ')]);
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (start, c.is_alphabetic()) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    start = None;
                    return Some((s, &text[s..i]));
                }
                _ => {}
            }
        }
        None
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

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, lang: Lang) -> Vec<f64> {
        numbers(text, lang).into_iter().map(|n| n.value).collect()
    }

    #[test]
    fn finds_numbers_that_disagree() {
        let found = unmatched("$30 billion in 2020", "20 млрд долларов в 2020 году");
        assert_eq!(found.en[0].text, "30 billion");
        assert_eq!(found.ru[0].text, "20 млрд");
        assert!(unmatched("$30 billion", "30 млрд долларов").is_empty());
        assert!(unmatched("another £75m in aid", "ещё 75 миллионов фунтов").is_empty());
        assert!(!unmatched("in 2020", "в 2021 году").is_empty());
    }

    #[test]
    fn forgives_small_numbers_that_may_be_spelled_out() {
        assert!(unmatched("We signed three agreements.", "Подписали 3 соглашения.").is_empty());
        assert!(!unmatched("It grew by 5%.", "Рост составил 6%.").is_empty());
        assert!(!unmatched("In 2020.", "В прошлом году.").is_empty());
    }

    #[test]
    fn a_named_month_agrees_with_a_numeric_one() {
        assert!(unmatched("Moscow, March 23, 2021", "Москва, 23.03.2021").is_empty());
        assert!(unmatched("on 1 May", "1 мая").is_empty());
        assert!(!unmatched("on 23 March", "23 апреля").is_empty());
        assert!(unmatched("in March", "весной").is_empty());
        assert!(numbers("You may go.", Lang::En).is_empty());
    }

    #[test]
    fn reads_roman_numerals_up_to_thirty_nine() {
        assert!(unmatched("the 17th century", "XVII века").is_empty());
        assert_eq!(values("Louis XIV and World War II", Lang::En), [14.0, 2.0]);
        assert!(values("Washington DC, MIX, I, XL", Lang::En).is_empty());
    }

    #[test]
    fn lists_a_date_that_disagrees_once() {
        let found = unmatched("on 24 March", "13:06 23.03.2021");
        let texts: Vec<&str> = found.ru.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["13", "06", "23.03.2021"]);
    }

    #[test]
    fn keeps_numbers_in_text_order() {
        assert_eq!(
            values("XX century, 3 May 2021", Lang::En),
            [20.0, 3.0, 5.0, 2021.0]
        );
    }
}
