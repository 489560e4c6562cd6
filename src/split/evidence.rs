//! Evidence from the document itself, in the spirit of Punkt (Kiss & Strunk
//! 2006), gathered per text instead of from a training corpus.
//!
//! At a full stop the word lists cannot decide (an unknown short word, an
//! abbreviation such as "U.S." or "Jan." that may or may not end its
//! sentence), the rest of the same text often can:
//!
//! - a short word written with a full stop at least twice, once before a
//!   lower-case word, and never written without its stop, is an
//!   abbreviation there ("the secr. of the club", so "the secr. Henry Park"
//!   is no sentence end unless a common sentence opener follows);
//! - a capitalised word whose lower-case form occurs in the text, and which
//!   is never capitalised in the middle of a sentence, is an ordinary word:
//!   capitalised after a full stop, it opens a sentence ("officials … the
//!   U.S. Officials said");
//! - a capitalised word seen capitalised in the middle of a sentence is
//!   (also) a name there, so it is not taken for an ordinary word: after an
//!   abbreviation it does not open a sentence ("the U.S. Embassy … the
//!   embassy … the U.S. Embassy").
//!
//! The evidence is gathered lazily, the first time a rule asks, in one pass
//! over the words of the whole text.

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::marks::{is_closer, is_opener, is_terminal};

/// Longest abbreviation, in letters, that the text can teach (Punkt weighs
/// long words against being abbreviations; sverka simply stops at five).
const MAX_ABBREVIATION_LETTERS: usize = 5;

/// The evidence of one text, gathered on first use.
#[derive(Debug)]
pub struct Evidence<'a> {
    text: &'a str,
    words: OnceCell<Words>,
}

/// What the text says about its words; all keys are lower case.
#[derive(Debug, Default)]
struct Words {
    /// Words written in lower case somewhere (without a final full stop).
    lower: FxHashSet<String>,
    /// Words written capitalised in the middle of a sentence.
    capitalised_inside: FxHashSet<String>,
    /// Short words seen with a full stop before a lower-case word.
    stop_before_lower: FxHashSet<String>,
    /// How often each short word is written with a full stop.
    with_stop: FxHashMap<String, u32>,
    /// Words seen without a final full stop in any case.
    without_stop: FxHashSet<String>,
}

impl<'a> Evidence<'a> {
    /// Evidence about `text`; nothing is read until a question is asked.
    pub fn new(text: &'a str) -> Evidence<'a> {
        Evidence {
            text,
            words: OnceCell::new(),
        }
    }

    fn words(&self) -> &Words {
        self.words.get_or_init(|| Words::gather(self.text))
    }

    /// `word` (without its full stop) is used as an abbreviation in this text.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        let key = word.to_lowercase();
        let words = self.words();
        words.stop_before_lower.contains(&key)
            && words.with_stop.get(&key).is_some_and(|&n| n >= 2)
            && !words.without_stop.contains(&key)
    }

    /// The capitalised `word` is an ordinary word of this text: it occurs in
    /// lower case and never capitalised inside a sentence.
    pub fn is_common_word(&self, word: &str) -> bool {
        let key = word.to_lowercase();
        let words = self.words();
        words.lower.contains(&key) && !words.capitalised_inside.contains(&key)
    }
}

impl Words {
    fn gather(text: &str) -> Words {
        let mut out = Words::default();
        let mut key = String::new();
        // How the previous token ended: None at the start of a line.
        let mut previous_ends: Option<bool>;
        // The previous token's core when it ended in a single full stop.
        let mut stopped: Option<String> = None;
        for line in text.lines() {
            previous_ends = None;
            for token in line.split_whitespace() {
                let core = token.trim_start_matches(is_opener);
                let bare =
                    core.trim_end_matches(|c: char| is_closer(c) || matches!(c, ',' | ';' | ':'));
                let (word, stop) = match bare.strip_suffix('.') {
                    Some(w) if !w.ends_with('.') => (w, true),
                    _ => (bare, false),
                };
                let first = word.chars().next();
                let letters = !word.is_empty()
                    && word
                        .chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
                if let Some(abbreviation) = stopped.take() {
                    // Lower case, and not a name such as "eBay".
                    let mut chars = word.chars();
                    if chars.next().is_some_and(char::is_lowercase)
                        && !chars.next().is_some_and(char::is_uppercase)
                    {
                        out.stop_before_lower.insert(abbreviation);
                    }
                }
                if letters {
                    key.clear();
                    key.extend(word.chars().flat_map(char::to_lowercase));
                    let lower = first.is_some_and(char::is_lowercase);
                    if !stop && !word.contains('.') {
                        out.without_stop.insert(key.clone());
                        if lower {
                            out.lower.insert(key.clone());
                        }
                    }
                    let inside = previous_ends == Some(false);
                    let capitalised = !lower && word.chars().skip(1).any(char::is_lowercase);
                    if inside && capitalised && !stop {
                        out.capitalised_inside.insert(key.clone());
                    }
                    let count = word.chars().filter(|c| c.is_alphabetic()).count();
                    if stop && count <= MAX_ABBREVIATION_LETTERS {
                        *out.with_stop.entry(key.clone()).or_default() += 1;
                        stopped = Some(key.clone());
                    }
                }
                previous_ends = Some(
                    core.trim_end_matches(is_closer)
                        .ends_with(|c: char| is_terminal(c) || c == ':'),
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_word_with_stop_before_lower_case_is_an_abbreviation() {
        let e = Evidence::new("Ask the secr. of the club. The Secr. Henry Park replies.");
        assert!(e.is_abbreviation("secr"));
        assert!(e.is_abbreviation("Secr"));
        assert!(!Evidence::new("We left. then we ate. We left then.").is_abbreviation("left"));
        assert!(!Evidence::new("It was clean. staff were kind.").is_abbreviation("clean"));
    }

    #[test]
    fn word_seen_only_in_lower_case_is_common() {
        let e = Evidence::new("The officials met Baker. Later the officials left the Embassy.");
        assert!(e.is_common_word("Officials"));
        assert!(!e.is_common_word("Baker"));
        let e = Evidence::new("Our embassy and the Embassy of Peru.");
        assert!(!e.is_common_word("Embassy"));
    }

    #[test]
    fn evidence_is_gathered_only_when_asked() {
        let e = Evidence::new("Some text.");
        assert!(e.words.get().is_none());
        e.is_common_word("Text");
        assert!(e.words.get().is_some());
    }
}
