//! Coverage reports: is one text a complete translation of the other?
//!
//! A [`CoverageReport`] is built from an [`Alignment`]: a sentence is
//! *translated* when it lies in a link bead (one with sentences on both
//! sides), *untranslated* when its bead is one-sided (1-0 or 0-1). Beside
//! coverage the report lists *suspicious pairs*: links the aligner is not sure
//! of (score below a threshold) and links whose numbers disagree ("2020" vs
//! "2021"), a translation QA check. It renders as terminal text
//! ([`text`]), JSON ([`json`]) and a self-contained HTML page ([`html`]).

pub mod html;
pub mod json;
mod numbers;
pub mod text;

pub use numbers::{Kind, Number, Unmatched, numbers, unmatched};

use serde::Serialize;

use crate::{Alignment, Lang, Sentence};

/// Settings of a coverage check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Links scoring below this are listed as low-confidence.
    pub low_score: f64,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions { low_score: 0.5 }
    }
}

/// How much of one side has a counterpart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideCoverage {
    /// The side.
    pub lang: Lang,
    /// Sentences on this side.
    pub sentences: usize,
    /// Sentences in a link bead.
    pub translated_sentences: usize,
    /// Non-whitespace characters on this side.
    pub characters: usize,
    /// Non-whitespace characters of the translated sentences.
    pub translated_characters: usize,
    /// `translated_sentences` as a percentage (100 for an empty side).
    pub sentence_percent: f64,
    /// `translated_characters` as a percentage (100 for an empty side).
    pub character_percent: f64,
}

/// A sentence with no counterpart on the other side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UntranslatedSentence {
    /// The side it is on.
    pub lang: Lang,
    /// Index of the sentence on its side (0-based, as in the `beads` format).
    pub sentence: usize,
    /// Index of its bead (0-based; reports for people say bead `bead + 1`).
    pub bead: usize,
    /// Index of its paragraph (0-based, as in JSONL; reports for people add 1).
    pub paragraph: usize,
    /// 1-based line number in the input file.
    pub line: usize,
    /// The sentence as written.
    pub text: String,
}

/// A link bead worth a second look.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuspiciousPair {
    /// Index of the bead (0-based; reports for people say bead `bead + 1`).
    pub bead: usize,
    /// `1-1`, `2-1`, ...
    pub kind: String,
    /// The bead's confidence, 0 to 1.
    pub score: f64,
    /// 1-based line of the first English and Russian sentence.
    pub en_line: usize,
    /// 1-based line of the first Russian sentence.
    pub ru_line: usize,
    /// The English side's text.
    pub en: String,
    /// The Russian side's text.
    pub ru: String,
    /// Numbers with no equal on the other side (empty for a low score alone).
    pub numbers: Unmatched,
}

/// The answer to "is each text a complete translation of the other?".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageReport {
    /// Coverage of the English side.
    pub en: SideCoverage,
    /// Coverage of the Russian side.
    pub ru: SideCoverage,
    /// Beads in the alignment, and how many of them are links.
    pub beads: usize,
    /// Beads with sentences on both sides.
    pub links: usize,
    /// Untranslated sentences, English then Russian, each in document order.
    pub untranslated: Vec<UntranslatedSentence>,
    /// Unpaired page chrome (menus, language switches, share links: see
    /// [`crate::chrome`]), listed apart from untranslated text; it still
    /// counts as not covered in the coverage figures.
    pub chrome: Vec<UntranslatedSentence>,
    /// The threshold below which a link counts as low-confidence.
    pub low_score: f64,
    /// Links scoring below `low_score`.
    pub low_confidence: Vec<SuspiciousPair>,
    /// Links whose numbers disagree.
    pub number_mismatches: Vec<SuspiciousPair>,
    /// The verdict on the pair (are the two texts translations of each
    /// other?), when the caller judged it (`sverka check` does).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pair: Option<crate::verdict::PairVerdict>,
}

impl CoverageReport {
    /// Checks `alignment`.
    pub fn new(alignment: &Alignment, options: &CheckOptions) -> CoverageReport {
        let mut en_translated = vec![false; alignment.en.len()];
        let mut ru_translated = vec![false; alignment.ru.len()];
        let mut untranslated = Vec::new();
        let mut chrome = Vec::new();
        let mut low_confidence = Vec::new();
        let mut number_mismatches = Vec::new();
        for (index, bead) in alignment.beads.iter().enumerate() {
            if !bead.is_link() {
                for lang in [Lang::En, Lang::Ru] {
                    let range = match lang {
                        Lang::En => bead.en.clone(),
                        Lang::Ru => bead.ru.clone(),
                    };
                    for (sentence, s) in range.clone().zip(alignment.side(lang, bead)) {
                        // Page chrome is listed apart: it is not text to translate.
                        let list = if crate::chrome::is_chrome(s.text()) {
                            &mut chrome
                        } else {
                            &mut untranslated
                        };
                        list.push(UntranslatedSentence {
                            lang,
                            sentence,
                            bead: index,
                            paragraph: s.paragraph,
                            line: s.line,
                            text: s.text().to_string(),
                        });
                    }
                }
                continue;
            }
            en_translated[bead.en.clone()].fill(true);
            ru_translated[bead.ru.clone()].fill(true);
            let (en, ru) = (alignment.en_text(bead), alignment.ru_text(bead));
            let numbers = numbers::unmatched(&en, &ru);
            let pair = |numbers: Unmatched| SuspiciousPair {
                bead: index,
                kind: bead.kind(),
                score: bead.score,
                en_line: alignment.en[bead.en.start].line,
                ru_line: alignment.ru[bead.ru.start].line,
                en: en.clone(),
                ru: ru.clone(),
                numbers,
            };
            if bead.score < options.low_score {
                low_confidence.push(pair(Unmatched::default()));
            }
            if !numbers.is_empty() {
                number_mismatches.push(pair(numbers));
            }
        }
        untranslated.sort_by_key(|u| (u.lang == Lang::Ru, u.sentence));
        chrome.sort_by_key(|u| (u.lang == Lang::Ru, u.sentence));
        CoverageReport {
            en: coverage(Lang::En, &alignment.en, &en_translated),
            ru: coverage(Lang::Ru, &alignment.ru, &ru_translated),
            beads: alignment.beads.len(),
            links: alignment.beads.iter().filter(|b| b.is_link()).count(),
            untranslated,
            chrome,
            low_score: options.low_score,
            low_confidence,
            number_mismatches,
            pair: None,
        }
    }

    /// The lower of the two sides' sentence coverage, in percent: what
    /// `--fail-under` compares.
    pub fn coverage_percent(&self) -> f64 {
        self.en.sentence_percent.min(self.ru.sentence_percent)
    }

    /// The coverage of one side.
    pub fn side(&self, lang: Lang) -> &SideCoverage {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }
}

fn coverage(lang: Lang, sentences: &[Sentence], translated: &[bool]) -> SideCoverage {
    let characters: usize = sentences.iter().map(Sentence::length).sum();
    let translated_characters: usize = sentences
        .iter()
        .zip(translated)
        .filter(|(_, t)| **t)
        .map(|(s, _)| s.length())
        .sum();
    let translated_sentences = translated.iter().filter(|t| **t).count();
    let percent = |part: usize, whole: usize| {
        if whole == 0 {
            100.0
        } else {
            100.0 * part as f64 / whole as f64
        }
    };
    SideCoverage {
        lang,
        sentences: sentences.len(),
        translated_sentences,
        characters,
        translated_characters,
        sentence_percent: percent(translated_sentences, sentences.len()),
        character_percent: percent(translated_characters, characters),
    }
}

/// An alignment of `en` and `ru` with the given beads (English and Russian
/// sentence ranges, score 0.9), so that report tests do not depend on the
/// aligner's judgement.
#[cfg(test)]
pub(crate) fn fixed_alignment(
    en: &str,
    ru: &str,
    beads: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
) -> Alignment {
    use crate::split::split;
    Alignment {
        en: split(en, Lang::En),
        ru: split(ru, Lang::Ru),
        beads: beads
            .iter()
            .map(|(en, ru)| crate::Bead {
                en: en.clone(),
                ru: ru.clone(),
                score: 0.9,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Aligner;

    #[test]
    fn counts_a_missing_tail_as_untranslated() {
        let en = "We met in Seoul.\n\nWe spoke for an hour.\n\nThen we left for the airport.";
        let ru = "Мы встретились в Сеуле.\n\nМы говорили час.";
        let alignment = fixed_alignment(en, ru, &[(0..1, 0..1), (1..2, 1..2), (2..3, 2..2)]);
        let report = CoverageReport::new(&alignment, &CheckOptions::default());
        assert_eq!(report.ru.sentence_percent, 100.0);
        assert_eq!(
            (report.en.sentences, report.en.translated_sentences),
            (3, 2)
        );
        assert!(report.en.character_percent < 100.0 * 2.0 / 3.0);
        let missing = &report.untranslated[0];
        assert_eq!(
            (missing.lang, missing.paragraph, missing.line),
            (Lang::En, 2, 5)
        );
        assert_eq!(missing.text, "Then we left for the airport.");
        assert_eq!(report.coverage_percent(), report.en.sentence_percent);
    }

    #[test]
    fn flags_a_pair_whose_numbers_disagree() {
        let en = "Trade reached $30 billion in 2020.";
        let ru = "Товарооборот достиг 20 млрд долларов в 2020 году.";
        let report =
            CoverageReport::new(&Aligner::default().align(en, ru), &CheckOptions::default());
        assert_eq!(report.number_mismatches.len(), 1);
        let numbers = &report.number_mismatches[0].numbers;
        assert_eq!(numbers.en[0].text, "30 billion");
        assert_eq!(numbers.ru[0].text, "20 млрд");
    }

    #[test]
    fn lists_links_below_the_score_threshold() {
        let alignment = Aligner::default().align("Yes.", "Да.");
        let strict = CheckOptions { low_score: 1.01 };
        assert_eq!(
            CoverageReport::new(&alignment, &strict)
                .low_confidence
                .len(),
            1
        );
        let lenient = CheckOptions { low_score: 0.0 };
        assert!(
            CoverageReport::new(&alignment, &lenient)
                .low_confidence
                .is_empty()
        );
    }
}
