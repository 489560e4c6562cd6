//! Dialogue marks: whether a sentence opens a turn of speech, and how many
//! questions and exclamations it holds.
//!
//! In fiction these marks survive translation even where the words do not:
//! an English line opening with a quote (`'Where's the hurry?`) is rendered
//! as a Russian line opening with a dash (`-- Куда ж торопиться?`), and a
//! question stays a question. Comparing the marks of a bead's two sides
//! tells a true pair from its neighbour when the lines are short and share
//! no anchor.

use crate::Lang;

/// The dialogue marks of one sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Turn {
    /// The sentence opens with a quotation mark or a dialogue dash.
    pub opens: bool,
    /// Questions in it: runs of `?` (a run may end in `!`: `?!`).
    pub questions: u8,
    /// Exclamations in it: runs of `!` (or `!?`).
    pub exclamations: u8,
}

/// Marks that open a turn of speech. English fiction quotes (`'`, `"`,
/// curly quotes); Russian fiction opens a turn with a dash (`--`, `—`, `–`)
/// or guillemets; either language may use the other's conventions.
const OPENING_QUOTES: &[char] = &['\'', '"', '‘', '“', '«', '„'];
const DASHES: &[char] = &['—', '–', '-'];

/// The dialogue marks of `text`. The rules are the same for both languages
/// (each writes dialogue in the other's way now and then); `lang` is taken
/// for rules that may come to differ.
pub fn turn(text: &str, _lang: Lang) -> Turn {
    let text = text.trim_start();
    let opens = text.starts_with(OPENING_QUOTES)
        || (text.starts_with(DASHES)
            && text
                .trim_start_matches(DASHES)
                .starts_with(char::is_whitespace));
    // Byte by byte: `?` and `!` are ASCII, and no byte of another
    // character's UTF-8 is.
    let (mut questions, mut exclamations, mut previous) = (0u8, 0u8, b' ');
    for &b in text.as_bytes() {
        if !matches!(previous, b'?' | b'!') {
            match b {
                b'?' => questions = questions.saturating_add(1),
                b'!' => exclamations = exclamations.saturating_add(1),
                _ => {}
            }
        }
        previous = b;
    }
    Turn {
        opens,
        questions,
        exclamations,
    }
}

/// How far a document pair's two texts mark dialogue alike, from 0 to 1.
///
/// A translation may mark turns where the original does not (the English
/// Bible quotes speech, the Russian Synodal text never does), and there an
/// opening quote facing no dash says nothing about the pair. The share of
/// sentences opening a turn on each side, before any alignment, tells: the
/// smaller share over the larger (smoothed for texts without dialogue).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trust {
    /// Trust in the agreement of opening marks.
    pub opens: f64,
}

impl Trust {
    /// The trust for texts whose sentences carry the marks `en` and `ru`.
    pub fn of(en: &[Turn], ru: &[Turn]) -> Trust {
        // Half a per cent: a text of a thousand sentences with five quoted
        // lines is about as likely to mark turns as one with none.
        const SMOOTHING: f64 = 0.005;
        let share = |turns: &[Turn]| {
            turns.iter().filter(|t| t.opens).count() as f64 / turns.len().max(1) as f64 + SMOOTHING
        };
        let (e, r) = (share(en), share(ru));
        Trust {
            opens: e.min(r) / e.max(r),
        }
    }
}

/// Weights of the two kinds of marks against their log-likelihood ratios:
/// the marks overlap with the length and anchor evidence, so each counts
/// for less than its ratio alone (tuned on the same document as the ratios).
const OPENS_WEIGHT: f64 = 0.75;
const COUNTS_WEIGHT: f64 = 0.5;

/// The evidence of the dialogue marks of a bead's two sides (the marks of
/// its English and its Russian sentences, in order), as a log-likelihood
/// ratio, true pair against a near neighbour: whether the first sentences
/// of both sides open a turn (counted as far as `trust` says the two texts
/// mark turns alike), and whether the two sides hold as many questions and
/// as many exclamations (each counted up to two).
///
/// The ratios were measured on the gold links of the tune document of the
/// dev kit (Anna Karenina, volume 1) against the same English side paired
/// with the Russian sentences one and two places away, and made symmetric
/// in the two languages: a turn opened on one side only is about 15 times
/// likelier in a wrong pair, one question against none about 6 times. The
/// perturbed news sets show the same signs.
pub fn log_odds(
    en: impl IntoIterator<Item = Turn>,
    ru: impl IntoIterator<Item = Turn>,
    trust: Trust,
) -> f64 {
    let (en_opens, en_questions, en_exclamations) = tally(en);
    let (ru_opens, ru_questions, ru_exclamations) = tally(ru);
    let opens = match (en_opens, ru_opens) {
        (true, true) => 0.9,
        (false, false) => 0.25,
        _ => -2.9,
    };
    let questions = match (en_questions, ru_questions) {
        (0, 0) => 0.1,
        (1, 1) => 1.45,
        (2, 2) => 2.5,
        (0, 1) | (1, 0) => -1.85,
        (0, _) | (_, 0) => -2.95,
        _ => 0.6,
    };
    let exclamations = match (en_exclamations, ru_exclamations) {
        (0, 0) => 0.05,
        (1, 1) => 1.2,
        (2, 2) => 2.5,
        (0, 1) | (1, 0) => -0.9,
        (0, _) | (_, 0) => -1.25,
        _ => 0.8,
    };
    OPENS_WEIGHT * trust.opens * opens + COUNTS_WEIGHT * (questions + exclamations)
}

/// Whether the first sentence opens a turn, and the questions and the
/// exclamations of all of them, each capped at 2.
fn tally(side: impl IntoIterator<Item = Turn>) -> (bool, u8, u8) {
    let mut side = side.into_iter();
    let Some(first) = side.next() else {
        return (false, 0, 0);
    };
    let (questions, exclamations) =
        side.fold((first.questions, first.exclamations), |(q, e), t| {
            (
                q.saturating_add(t.questions),
                e.saturating_add(t.exclamations),
            )
        });
    (first.opens, questions.min(2), exclamations.min(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_and_dash_both_open_a_turn() {
        assert!(turn("'Where is he?' she asked.", Lang::En).opens);
        assert!(turn("-- Где он? -- спросила она.", Lang::Ru).opens);
        assert!(turn("— Где он?", Lang::Ru).opens);
        assert!(turn("«Где он?»", Lang::Ru).opens);
    }

    #[test]
    fn narration_and_a_minus_sign_open_no_turn() {
        assert!(!turn("He went out.", Lang::En).opens);
        assert!(!turn("-5 degrees at night.", Lang::En).opens);
        assert!(!turn("Он вышел.", Lang::Ru).opens);
    }

    #[test]
    fn counts_runs_of_marks_once() {
        let t = turn("-- Вот как?! Ура!!! -- сказал он.", Lang::Ru);
        assert_eq!((t.questions, t.exclamations), (1, 1));
        let t = turn("'Is it you? Really?' she asked.", Lang::En);
        assert_eq!((t.questions, t.exclamations), (2, 0));
    }

    #[test]
    fn agreeing_marks_score_above_disagreeing_ones() {
        let trust = Trust { opens: 1.0 };
        let en = [turn("'Why?'", Lang::En)];
        let agree = log_odds(en, [turn("-- Зачем?", Lang::Ru)], trust);
        let disagree = log_odds(en, [turn("Он ушёл.", Lang::Ru)], trust);
        assert!(agree > 1.0 && disagree < -2.0, "{agree} {disagree}");
    }

    #[test]
    fn a_merged_side_counts_the_marks_of_all_its_sentences() {
        let trust = Trust { opens: 1.0 };
        let en = [
            turn("'No, I don't.", Lang::En),
            turn("Why do you ask?'", Lang::En),
        ];
        let ru = [turn("-- Нет, не знаю. Зачем ты спрашиваешь?", Lang::Ru)];
        let half = [turn("-- Нет, не знаю.", Lang::Ru)];
        assert!(log_odds(en, ru, trust) > log_odds(en, half, trust));
    }

    #[test]
    fn texts_that_mark_turns_differently_lose_trust_in_opening_marks() {
        let quoted = [turn("'Yes.'", Lang::En); 40];
        let mut narrated = vec![turn("He went.", Lang::En); 60];
        narrated.extend(quoted.iter().copied());
        let bare = vec![turn("Да.", Lang::Ru); 100];
        let dashed: Vec<Turn> = (0..100)
            .map(|k| turn(if k % 3 == 0 { "-- Да." } else { "Да." }, Lang::Ru))
            .collect();
        assert!(Trust::of(&narrated, &dashed).opens > 0.8);
        assert!(Trust::of(&narrated, &bare).opens < 0.05);
        assert_eq!(Trust::of(&bare, &bare).opens, 1.0);
    }
}
