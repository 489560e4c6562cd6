//! A first set of sentence-boundary rules shared by English and Russian.

use crate::Lang;

const ENDERS: &[char] = &['.', '!', '?', '…'];
const CLOSERS: &[char] = &['"', '\'', '»', '”', '’', ')', ']', '“'];

const EN_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "art", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof",
    "gen", "gov", "sen", "rep", "u.s", "u.k", "a.m", "p.m", "fig", "vol", "pp", "jr", "sr",
];
const RU_ABBREVIATIONS: &[&str] = &[
    "т.е", "т.к", "т.д", "т.п", "т.н", "др", "г", "гг", "в", "вв", "млн", "млрд", "тыс", "руб",
    "коп", "ст", "п", "пп", "ч", "гл", "рис", "табл", "им", "ул", "пр", "д", "проф", "акад", "доц",
    "см", "напр", "г-н", "г-жа", "стр", "пер", "тел",
];

/// Byte ranges of the sentences of one paragraph (relative to `paragraph`).
pub fn split_paragraph(paragraph: &str, lang: Lang) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if !ENDERS.contains(&c) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && (ENDERS.contains(&chars[j].1) || CLOSERS.contains(&chars[j].1)) {
            j += 1;
        }
        let end = chars.get(j).map_or(paragraph.len(), |&(b, _)| b);
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k == j || k == chars.len() {
            i = j;
            continue;
        }
        let next = chars[k].1;
        let starts_sentence = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '«' | '"' | '“' | '„' | '—' | '–' | '(' | '[');
        if starts_sentence && !(c == '.' && is_abbreviation(&paragraph[start..at], lang)) {
            out.push((start, end));
            start = end;
        }
        i = j;
    }
    if !paragraph[start..].trim().is_empty() {
        out.push((start, paragraph.len()));
    }
    out
}

/// True when the word before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str, lang: Lang) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '«' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return true; // an initial: "V. Putin", "С. В. Лавров"
    }
    let list = match lang {
        Lang::En => EN_ABBREVIATIONS,
        Lang::Ru => RU_ABBREVIATIONS,
    };
    list.contains(&lower.as_str())
        || lower.rsplit('.').next().is_some_and(|last| {
            last.chars().count() == 1 && lower.contains('.') && word.chars().any(char::is_uppercase)
        })
}
