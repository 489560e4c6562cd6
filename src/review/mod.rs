//! Reviewing an alignment by hand: the page of `sverka review` and the file
//! it exports, which `sverka apply` reads back.
//!
//! The page ([`page`]) is one self-contained HTML file: the two texts side by
//! side bead by bead, filters, and edit operations (merge, split, move a
//! sentence, mark a sentence untranslated, confirm) that run in the browser.
//! It exports a [`Review`]: the sentences of both texts and the corrected
//! beads, each with a [`Status`]. [`Review::from_json`] checks such a file
//! (schema version, every sentence in exactly one bead, in order) and
//! [`Review::alignment`] turns it back into an [`Alignment`] for the writers.
//!
//! Numbering in the file is the machine one, as in the `beads` format and
//! JSONL: sentence ids and paragraphs count from 0, lines from 1. The page
//! shows people 1-based sentence and paragraph numbers.

pub mod page;

use serde::{Deserialize, Serialize};

use crate::{Alignment, Bead, Sentence};

/// What the `format` field of a review file says.
pub const FORMAT: &str = "sverka-review";

/// The schema version this build writes and reads.
pub const VERSION: u32 = 1;

/// A reviewed alignment: what the page exports and `sverka apply` reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Always [`FORMAT`].
    pub format: String,
    /// The schema version, [`VERSION`].
    pub version: u32,
    /// The names of the two input files, as given on the command line.
    pub documents: Documents,
    /// A hash of the two texts (FNV-1a, 64 bits, hex): the page keeps its
    /// edits in the browser's local storage under this key.
    pub key: String,
    /// The English sentences, in order; a bead names them by index.
    pub en: Vec<ReviewSentence>,
    /// The Russian sentences, in order.
    pub ru: Vec<ReviewSentence>,
    /// The beads in document order.
    pub beads: Vec<ReviewBead>,
}

/// The names of the English and the Russian input file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    /// The English input.
    pub en: String,
    /// The Russian input.
    pub ru: String,
}

/// One sentence, with where it stands in its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewSentence {
    /// The sentence as it stands in the input.
    pub text: String,
    /// Byte offset of its first byte in the (decoded) input text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// 0-based paragraph, as in JSONL.
    pub paragraph: usize,
    /// 1-based line of its first character.
    pub line: usize,
    /// The white space between the sentence before it and this one, as a
    /// segment joining the two writes it (see [`Sentence::space_before`]):
    /// a bead of several sentences keeps the text's own no-break or double
    /// spaces. Files written before it was kept join with one space.
    #[serde(default = "one_space")]
    pub space_before: String,
    /// Numbers in the sentence, for the page's number check; not part of the
    /// exported file.
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "numbers")]
    pub numbers: Vec<PageNumber>,
    /// Whether the sentence is page chrome (see [`crate::chrome`]), for the
    /// page to show apart from untranslated text; not part of the exported
    /// file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chrome: bool,
}

/// How a review file written before sentences kept their white space joins
/// them.
fn one_space() -> String {
    " ".to_string()
}

/// A number as the page compares it: value, text as written, and whether it
/// is a month name (which the check forgives on one side).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageNumber(pub f64, pub String, pub bool);

/// One bead of a review: sentence ids of each side (0-based, consecutive), the
/// aligner's score and what the reviewer did with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewBead {
    /// The English sentence ids (0-based, consecutive; empty for a 0-1 bead).
    pub en: Vec<usize>,
    /// The Russian sentence ids.
    pub ru: Vec<usize>,
    /// The aligner's confidence (0 to 1); 1 for a bead the reviewer made or
    /// confirmed.
    pub score: f64,
    /// What the reviewer did with it.
    pub status: Status,
}

/// What the reviewer did with a bead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// As the aligner left it, not looked at.
    Auto,
    /// Made by an edit (merge, split, move, untranslated), not yet confirmed.
    Edited,
    /// Confirmed by the reviewer.
    Confirmed,
}

impl Status {
    /// The word written into TMX (`x-review`) and CSV.
    pub fn name(self) -> &'static str {
        match self {
            Status::Auto => "auto",
            Status::Edited => "edited",
            Status::Confirmed => "confirmed",
        }
    }
}

/// Why a review file cannot be used; each message fits on one line.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// Not JSON, or JSON of another shape.
    #[error("not valid review JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// JSON whose `format` is not [`FORMAT`].
    #[error("not a sverka review file (format is `{0}`, expected `{FORMAT}`)")]
    Format(String),
    /// A schema version this build does not read.
    #[error(
        "review schema version {0} is not supported (this sverka reads version {VERSION}); export it again from a page made by this version"
    )]
    Version(u32),
    /// A sentence out of order, in two beads, or past the end of its side.
    #[error(
        "bead {bead}: {side} sentence {found} is out of order or in two beads (expected sentence {expected} next; ids count from 0)"
    )]
    Order {
        /// The bead, numbered from 1.
        bead: usize,
        /// `English` or `Russian`.
        side: &'static str,
        /// The sentence id that should come next.
        expected: usize,
        /// The one found.
        found: usize,
    },
    /// A bead with no sentence on either side.
    #[error("bead {bead} has no sentences")]
    EmptyBead {
        /// The bead, numbered from 1.
        bead: usize,
    },
    /// A score outside 0 to 1.
    #[error("bead {bead}: score {score} is not between 0 and 1")]
    Score {
        /// The bead, numbered from 1.
        bead: usize,
        /// The score found.
        score: f64,
    },
    /// Sentences at the end of a side that no bead holds.
    #[error("{side} sentences {from} to {last} are in no bead (ids count from 0)")]
    Missing {
        /// `English` or `Russian`.
        side: &'static str,
        /// The first sentence id left out.
        from: usize,
        /// The last sentence id of the side.
        last: usize,
    },
}

impl Review {
    /// A review of `alignment` as the aligner left it: every bead `auto`.
    pub fn new(alignment: &Alignment, en_name: &str, ru_name: &str, key: String) -> Review {
        let sentences = |s: &[Sentence]| s.iter().map(ReviewSentence::from).collect();
        Review {
            format: FORMAT.to_string(),
            version: VERSION,
            documents: Documents {
                en: en_name.to_string(),
                ru: ru_name.to_string(),
            },
            key,
            en: sentences(&alignment.en),
            ru: sentences(&alignment.ru),
            beads: alignment
                .beads
                .iter()
                .map(|b| ReviewBead {
                    en: b.en.clone().collect(),
                    ru: b.ru.clone().collect(),
                    score: b.score,
                    status: Status::Auto,
                })
                .collect(),
        }
    }

    /// Reads and checks a review file's text.
    pub fn from_json(json: &str) -> Result<Review, ReviewError> {
        // The version first, so that a newer file gets the version message
        // rather than a complaint about a field this build does not know.
        let head: serde_json::Value = serde_json::from_str(json)?;
        let format = head.get("format").and_then(|f| f.as_str()).unwrap_or("");
        if format != FORMAT {
            return Err(ReviewError::Format(format.to_string()));
        }
        if let Some(version) = head.get("version").and_then(|v| v.as_u64())
            && version != u64::from(VERSION)
        {
            return Err(ReviewError::Version(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        let review: Review = serde_json::from_value(head)?;
        review.validate()?;
        Ok(review)
    }

    /// Checks that the beads cover every sentence of both sides exactly
    /// once, in order, and that the scores are probabilities.
    pub fn validate(&self) -> Result<(), ReviewError> {
        let (mut next_en, mut next_ru) = (0, 0);
        for (index, bead) in self.beads.iter().enumerate() {
            let number = index + 1;
            if bead.en.is_empty() && bead.ru.is_empty() {
                return Err(ReviewError::EmptyBead { bead: number });
            }
            if !(0.0..=1.0).contains(&bead.score) {
                return Err(ReviewError::Score {
                    bead: number,
                    score: bead.score,
                });
            }
            for (side, ids, next, total) in [
                ("English", &bead.en, &mut next_en, self.en.len()),
                ("Russian", &bead.ru, &mut next_ru, self.ru.len()),
            ] {
                for &id in ids {
                    if id != *next || id >= total {
                        return Err(ReviewError::Order {
                            bead: number,
                            side,
                            expected: *next,
                            found: id,
                        });
                    }
                    *next += 1;
                }
            }
        }
        for (side, next, total) in [
            ("English", next_en, self.en.len()),
            ("Russian", next_ru, self.ru.len()),
        ] {
            if next < total {
                return Err(ReviewError::Missing {
                    side,
                    from: next,
                    last: total - 1,
                });
            }
        }
        Ok(())
    }

    /// The reviewed alignment, for the writers. Confirmed and edited beads
    /// score 1: a person made them.
    pub fn alignment(&self) -> Alignment {
        let sentences = |s: &[ReviewSentence]| s.iter().map(Sentence::from).collect();
        let range = |ids: &[usize], next: usize| match (ids.first(), ids.last()) {
            (Some(&first), Some(&last)) => first..last + 1,
            _ => next..next,
        };
        let (mut next_en, mut next_ru) = (0, 0);
        let beads = self
            .beads
            .iter()
            .map(|b| {
                let bead = Bead {
                    en: range(&b.en, next_en),
                    ru: range(&b.ru, next_ru),
                    score: match b.status {
                        Status::Auto => b.score,
                        Status::Edited | Status::Confirmed => 1.0,
                    },
                };
                (next_en, next_ru) = (bead.en.end, bead.ru.end);
                bead
            })
            .collect();
        Alignment {
            en: sentences(&self.en),
            ru: sentences(&self.ru),
            beads,
        }
    }
}

impl From<&Sentence> for ReviewSentence {
    fn from(s: &Sentence) -> Self {
        ReviewSentence {
            text: s.text().to_string(),
            start: s.start,
            end: s.end,
            paragraph: s.paragraph,
            line: s.line,
            space_before: s.space_before().into_owned(),
            numbers: Vec::new(),
            chrome: false,
        }
    }
}

impl From<&ReviewSentence> for Sentence {
    fn from(s: &ReviewSentence) -> Self {
        let mut sentence = Sentence::after_space(&s.space_before, &s.text);
        sentence.start = s.start;
        sentence.end = s.end;
        sentence.paragraph = s.paragraph;
        sentence.line = s.line;
        sentence
    }
}

/// The key under which the page keeps its edits: FNV-1a (64 bits) of the two
/// texts, in hex. Not cryptographic; it only tells documents apart.
pub fn documents_key(en: &str, ru: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in en.bytes().chain([0xff]).chain(ru.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Aligner;

    fn review() -> Review {
        let alignment = Aligner::default().align(
            "We met in Seoul.\n\nWe spoke for an hour.\n\nThen we left.",
            "Мы встретились в Сеуле.\n\nМы говорили час.",
        );
        Review::new(&alignment, "en.txt", "ru.txt", documents_key("a", "b"))
    }

    #[test]
    fn round_trips_through_json() {
        let review = review();
        let json = serde_json::to_string(&review).unwrap();
        assert_eq!(Review::from_json(&json).unwrap(), review);
        let alignment = review.alignment();
        assert_eq!(alignment.beads.len(), review.beads.len());
        assert_eq!(alignment.en.len(), 3);
    }

    #[test]
    fn a_bead_of_several_sentences_keeps_their_white_space() {
        // A no-break space and a double space between sentences, as a
        // Russian typesetter leaves them: the reviewed TMX writes them as
        // `align` does.
        let en = "We met.\u{a0}We spoke.  We left.";
        let ru = "Мы встретились, поговорили и ушли.";
        let alignment = crate::report::fixed_alignment(en, ru, &[(0..3, 0..1)]);
        let review = Review::new(&alignment, "en.txt", "ru.txt", documents_key(en, ru));
        let json = serde_json::to_string(&review).unwrap();
        let reviewed = Review::from_json(&json).unwrap().alignment();
        let bead = &reviewed.beads[0];
        assert_eq!(
            reviewed.en_text(bead),
            alignment.en_text(&alignment.beads[0])
        );
        assert_eq!(reviewed.en_text(bead), en);
    }

    #[test]
    fn reads_a_file_written_before_white_space_was_kept() {
        let mut value = serde_json::to_value(review()).unwrap();
        for s in value["en"].as_array_mut().unwrap() {
            s.as_object_mut().unwrap().remove("space_before");
        }
        let review = Review::from_json(&value.to_string()).unwrap();
        assert_eq!(review.en[1].space_before, " ");
    }

    #[test]
    fn refuses_a_sentence_in_two_beads() {
        let mut review = review();
        review.beads[1].en = vec![0];
        let error = review.validate().unwrap_err().to_string();
        assert_eq!(
            error,
            "bead 2: English sentence 0 is out of order or in two beads (expected sentence 1 next; ids count from 0)"
        );
    }

    #[test]
    fn refuses_a_sentence_left_out() {
        let mut review = review();
        review.beads.pop();
        assert!(matches!(
            review.validate(),
            Err(ReviewError::Missing { .. })
        ));
    }

    #[test]
    fn refuses_another_version_with_a_clear_message() {
        let mut value = serde_json::to_value(review()).unwrap();
        value["version"] = 7.into();
        value["future_field"] = true.into();
        let error = Review::from_json(&value.to_string()).unwrap_err();
        assert!(matches!(error, ReviewError::Version(7)), "{error}");
        assert!(matches!(
            Review::from_json("{\"format\": \"tmx\"}"),
            Err(ReviewError::Format(_))
        ));
    }

    #[test]
    fn edited_and_confirmed_beads_score_one() {
        let mut review = review();
        review.beads[0].status = Status::Confirmed;
        review.beads[0].score = 0.4;
        assert_eq!(review.alignment().beads[0].score, 1.0);
    }

    #[test]
    fn key_depends_on_both_texts_and_their_boundary() {
        assert_ne!(documents_key("ab", "c"), documents_key("a", "bc"));
        assert_eq!(documents_key("a", "b"), documents_key("a", "b"));
    }
}
