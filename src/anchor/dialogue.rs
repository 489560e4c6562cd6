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
    /// Switches between speech and narration inside it (not at its start
    /// or end): `'Yes,' he said. 'Go.'` and `-- Да, -- сказал он. -- Иди.`
    /// both switch twice. See [`speech_switches`].
    pub switches: u8,
    /// It ends on a closing quotation mark (speech runs up to its end).
    pub closes: bool,
}

/// Marks that open a turn of speech. English fiction quotes (`'`, `"`,
/// curly quotes); Russian fiction opens a turn with a dash (`--`, `—`, `–`)
/// or guillemets; either language may use the other's conventions.
const OPENING_QUOTES: &[char] = &['\'', '"', '‘', '“', '«', '„'];
const DASHES: &[char] = &['—', '–', '-'];

/// The dialogue marks of `text`. The rules are the same for both languages
/// (each writes dialogue in the other's way now and then); `lang` is taken
/// for rules that may come to differ.
pub fn turn(text: &str, lang: Lang) -> Turn {
    let text = text.trim_start();
    let opens = text.starts_with(OPENING_QUOTES)
        || (text.starts_with(DASHES)
            && text
                .trim_start_matches(DASHES)
                .starts_with(char::is_whitespace));
    // Byte by byte: `?` and `!` are ASCII, and no byte of another
    // character's UTF-8 is. Eight bytes with neither are passed over at
    // once (most of a text): the last of them is then no mark either.
    let (mut questions, mut exclamations, mut previous) = (0u8, 0u8, b' ');
    for bytes in text.as_bytes().chunks(8) {
        if let Some(word) = word_of(bytes)
            && !has_byte(word, b'?')
            && !has_byte(word, b'!')
        {
            previous = bytes[7];
            continue;
        }
        for &b in bytes {
            if !matches!(previous, b'?' | b'!') {
                match b {
                    b'?' => questions = questions.saturating_add(1),
                    b'!' => exclamations = exclamations.saturating_add(1),
                    _ => {}
                }
            }
            previous = b;
        }
    }
    let (switches, closes) = speech_switches(text, lang);
    Turn {
        opens,
        questions,
        exclamations,
        switches,
        closes,
    }
}

/// Where speech and narration meet inside `text`, and whether speech runs
/// up to its end: the number of places between its first and last
/// characters where a quotation opens or closes (or, in Russian, a dialogue
/// dash stands), and whether the last such place ends the text.
///
/// Marks with nothing but punctuation between them are one place (`", --`
/// ends a quotation and opens the narration once). English prose uses
/// spaced dashes for asides and Russian prose for dialogue, so dashes count
/// in Russian only. An apostrophe inside a word (`It's`) is no mark.
pub fn speech_switches(text: &str, lang: Lang) -> (u8, bool) {
    let text = text.trim();
    // The places, as how many, where the first begins and where the last
    // ends (byte offsets): only the characters that can be marks are
    // looked at, found by their bytes (most sentences hold none).
    let (mut places, mut first, mut last_end) = (0usize, 0, 0);
    let mut at = 0;
    while let Some(k) = next_possible_mark(text.as_bytes(), at) {
        let mut rest = text[k..].chars();
        let c = rest.next().unwrap_or(' ');
        let prev = text[..k].chars().next_back().unwrap_or(' ');
        let next = rest.next();
        let width = mark_width(prev, c, next.unwrap_or(' '), rest.next(), lang);
        if width == 0 {
            at = k + c.len_utf8();
            continue;
        }
        // A mark two characters wide is `--`, one byte each.
        let end = k + c.len_utf8() + (width - 1);
        if places == 0 || !text[last_end..k].chars().all(is_glue) {
            if places == 0 {
                first = k;
            }
            places += 1;
        }
        last_end = end;
        at = end;
    }
    if places == 0 {
        return (0, false);
    }
    let leads = first == 0;
    let trails = text[last_end..].chars().all(is_glue);
    // A text that is one mark both leads and trails with it: no switch.
    let inner = places.saturating_sub(usize::from(leads) + usize::from(trails));
    (inner.min(u8::MAX as usize) as u8, trails)
}

/// What may stand between two marks of one place, or after the last mark
/// of a text that ends in speech.
fn is_glue(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, ',' | '.' | '!' | '?' | '…' | ';' | ':' | '-' | '—' | '–')
        || matches!(c, '\'' | '"' | '’' | '”' | '»')
}

/// The byte offset, from `from` on, of the next character that
/// [`mark_width`] may take for a mark (`'`, `"`, `-`, `«`, `»` and the
/// quotation marks and dashes of U+2013..U+201E), found by its UTF-8 bytes.
fn next_possible_mark(bytes: &[u8], from: usize) -> Option<usize> {
    // Eight bytes none of which can start a mark are passed over at once
    // (most of a text).
    let mut at = from;
    while let Some(word) = bytes.get(at..).and_then(word_of) {
        let may_start = [b'\'', b'"', b'-', 0xC2, 0xE2];
        if may_start.iter().any(|&b| has_byte(word, b))
            && let Some(k) = (at..at + 8).find(|&k| may_be_mark(bytes, k))
        {
            return Some(k);
        }
        at += 8;
    }
    (at..bytes.len()).find(|&k| may_be_mark(bytes, k))
}

/// Whether the character at byte `k` of `bytes` is one [`mark_width`] may
/// take for a mark (see [`next_possible_mark`]).
fn may_be_mark(bytes: &[u8], k: usize) -> bool {
    match bytes[k] {
        b'\'' | b'"' | b'-' => true,
        0xC2 => matches!(bytes.get(k + 1), Some(0xAB | 0xBB)),
        0xE2 => {
            bytes.get(k + 1) == Some(&0x80)
                && matches!(
                    bytes.get(k + 2),
                    Some(0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0x9E)
                )
        }
        _ => false,
    }
}

/// The first eight of `bytes` as one word, if there are eight.
fn word_of(bytes: &[u8]) -> Option<u64> {
    let eight: [u8; 8] = bytes.get(..8)?.try_into().ok()?;
    Some(u64::from_le_bytes(eight))
}

/// Whether any of the eight bytes of `word` is `byte`: a byte of `word ^
/// byte` in every lane is zero where they are equal, and subtracting 1
/// from each lane borrows into the top bit of a zero lane and of no other
/// lane without a zero lane below it (the classic zero-byte test, exact
/// for whether there is one).
fn has_byte(word: u64, byte: u8) -> bool {
    const EACH_BYTE: u64 = 0x0101_0101_0101_0101;
    let lanes = word ^ (EACH_BYTE * u64::from(byte));
    lanes.wrapping_sub(EACH_BYTE) & !lanes & (0x80 * EACH_BYTE) != 0
}

/// The number of characters of the speech mark `c` (0 if none), given the
/// characters on either side of it (a space beyond either end of the text)
/// and the one after the next (`None` beyond the end): an opening
/// quotation mark before a word, a closing one after a word or
/// punctuation, or a Russian dialogue dash (`--`, `—`, `–`) standing alone.
fn mark_width(prev: char, c: char, next: char, after_next: Option<char>, lang: Lang) -> usize {
    // Most characters are none of the marks: leave before any Unicode lookup.
    if !matches!(
        c,
        '\'' | '"' | '‘' | '“' | '«' | '„' | '’' | '”' | '»' | '-' | '—' | '–'
    ) {
        return 0;
    }
    let opening = matches!(c, '\'' | '"' | '‘' | '“' | '«' | '„')
        && (prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–' | '-'))
        && (next.is_alphanumeric() || next == '…' || next == '.');
    let closing = matches!(c, '\'' | '"' | '’' | '”' | '»' | '“')
        && (prev.is_alphanumeric()
            || matches!(
                prev,
                ',' | '.' | '!' | '?' | '…' | ';' | ':' | '–' | '—' | '-'
            ))
        && (next.is_whitespace()
            || matches!(
                next,
                ',' | '.' | ';' | ':' | '!' | '?' | ')' | '—' | '–' | '-'
            ));
    if opening || closing {
        return 1;
    }
    if lang != Lang::Ru
        || !(prev.is_whitespace() || matches!(prev, '!' | '?' | '.' | ',' | '…' | '"' | '»'))
    {
        return 0;
    }
    // The character after the dash: `next` for a one-character dash (a
    // space beyond the end, which stands alone as well).
    let (width, after) = match c {
        '—' | '–' => (1, Some(next)),
        '-' if next == '-' => (2, after_next),
        _ => return 0,
    };
    match after {
        None => width,
        Some(after) if after.is_whitespace() => width,
        _ => 0,
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

/// Weights of the kinds of marks against their log-likelihood ratios: the
/// marks overlap with the length and anchor evidence, so each counts for
/// less than its ratio alone (tuned on the same document as the ratios;
/// the switches between speech and narration at full weight: 0.5 and 1.5
/// both score lower on Anna Karenina volume 1).
const OPENS_WEIGHT: f64 = 0.75;
const COUNTS_WEIGHT: f64 = 0.5;
const SWITCHES_WEIGHT: f64 = 1.0;

/// The evidence of the dialogue marks of a bead's two sides (the marks of
/// its English and its Russian sentences, in order), as a log-likelihood
/// ratio, true pair against a near neighbour: whether the first sentences
/// of both sides open a turn and whether the two sides switch between
/// speech and narration as often (both counted as far as `trust` says the
/// two texts mark turns alike), and whether the two sides hold as many
/// questions and as many exclamations (each counted up to two).
///
/// The ratios were measured on the gold links of the tune document of the
/// dev kit (Anna Karenina, volume 1) against the same English side paired
/// with the Russian sentences one and two places away, and made symmetric
/// in the two languages: a turn opened on one side only is about 15 times
/// likelier in a wrong pair, one question against none about 6 times, one
/// switch more on one side about 4.5 times. The perturbed news sets show
/// the same signs.
pub fn log_odds(
    en: impl IntoIterator<Item = Turn>,
    ru: impl IntoIterator<Item = Turn>,
    trust: Trust,
) -> f64 {
    tallies_log_odds(&tally(en), &tally(ru), trust)
}

/// [`log_odds`] of the two sides' marks tallied already (the aligner
/// tallies each run of sentences once for the many beads it is a side of).
pub(crate) fn tallies_log_odds(en: &Tally, ru: &Tally, trust: Trust) -> f64 {
    // Each ratio looked up by the two sides' marks (counts are capped at 2
    // by `tally`): the aligner asks this of every bead it weighs, and the
    // matches it replaces were branches the processor guessed wrong.
    let opens = OPENS_RATIOS[usize::from(en.opens)][usize::from(ru.opens)];
    let questions = QUESTIONS_RATIOS[usize::from(en.questions)][usize::from(ru.questions)];
    let exclamations =
        EXCLAMATIONS_RATIOS[usize::from(en.exclamations)][usize::from(ru.exclamations)];
    let apart = usize::from(en.switches.abs_diff(ru.switches));
    let switches = SWITCHES_RATIOS[apart.min(SWITCHES_RATIOS.len() - 1)];
    trust.opens * (OPENS_WEIGHT * opens + SWITCHES_WEIGHT * switches)
        + COUNTS_WEIGHT * (questions + exclamations)
}

/// The ratio of the two sides both opening a turn, neither, or one only,
/// by whether the English, then the Russian side opens one.
const OPENS_RATIOS: [[f64; 2]; 2] = [[0.25, -2.9], [-2.9, 0.9]];

/// The ratio of the two sides' questions, by the English, then the
/// Russian count (0, 1, 2 or more): alike, one against none, more against
/// none, two against one.
const QUESTIONS_RATIOS: [[f64; 3]; 3] =
    [[0.1, -1.85, -2.95], [-1.85, 1.45, 0.6], [-2.95, 0.6, 2.5]];

/// [`QUESTIONS_RATIOS`] of exclamations.
const EXCLAMATIONS_RATIOS: [[f64; 3]; 3] =
    [[0.05, -0.9, -1.25], [-0.9, 1.2, 0.8], [-1.25, 0.8, 2.5]];

/// The ratio of the switches between speech and narration that the two
/// sides disagree on, by how many (the last for any more): measured like
/// the ratios above.
const SWITCHES_RATIOS: [f64; 4] = [0.4, -1.15, -1.85, -2.1];

/// The dialogue marks of one side of a bead.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tally {
    /// Its first sentence opens a turn.
    opens: bool,
    /// Questions and exclamations of all its sentences, each capped at 2.
    questions: u8,
    exclamations: u8,
    /// Switches between speech and narration inside the side, counting
    /// those where one sentence meets the next (up to 255).
    switches: u8,
}

/// The marks of the sentences of one side of a bead, in order.
pub(crate) fn tally(side: impl IntoIterator<Item = Turn>) -> Tally {
    let mut side = side.into_iter();
    let Some(first) = side.next() else {
        return Tally {
            opens: false,
            questions: 0,
            exclamations: 0,
            switches: 0,
        };
    };
    let mut tally = Tally {
        opens: first.opens,
        questions: first.questions,
        exclamations: first.exclamations,
        switches: first.switches,
    };
    let mut previous = first;
    for t in side {
        tally.questions = tally.questions.saturating_add(t.questions);
        tally.exclamations = tally.exclamations.saturating_add(t.exclamations);
        let meeting = u8::from(previous.closes || t.opens);
        tally.switches = tally
            .switches
            .saturating_add(t.switches)
            .saturating_add(meeting);
        previous = t;
    }
    tally.questions = tally.questions.min(2);
    tally.exclamations = tally.exclamations.min(2);
    tally
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`tallies_log_odds`] as it was written first, each ratio matched
    /// on the two sides' marks.
    fn matched_log_odds(en: &Tally, ru: &Tally, trust: Trust) -> f64 {
        let opens = match (en.opens, ru.opens) {
            (true, true) => 0.9,
            (false, false) => 0.25,
            _ => -2.9,
        };
        let questions = match (en.questions, ru.questions) {
            (0, 0) => 0.1,
            (1, 1) => 1.45,
            (2, 2) => 2.5,
            (0, 1) | (1, 0) => -1.85,
            (0, _) | (_, 0) => -2.95,
            _ => 0.6,
        };
        let exclamations = match (en.exclamations, ru.exclamations) {
            (0, 0) => 0.05,
            (1, 1) => 1.2,
            (2, 2) => 2.5,
            (0, 1) | (1, 0) => -0.9,
            (0, _) | (_, 0) => -1.25,
            _ => 0.8,
        };
        let switches = match en.switches.abs_diff(ru.switches) {
            0 => 0.4,
            1 => -1.15,
            2 => -1.85,
            _ => -2.1,
        };
        trust.opens * (OPENS_WEIGHT * opens + SWITCHES_WEIGHT * switches)
            + COUNTS_WEIGHT * (questions + exclamations)
    }

    #[test]
    fn looked_up_ratios_are_the_matched_ones() {
        let trust = Trust { opens: 0.37 };
        let tallies = || {
            let counts = (0..=2).flat_map(|q| (0..=2).map(move |e| (q, e)));
            let marks = counts.flat_map(|(q, e)| [0, 1, 2, 3, 7, 255].map(|s| (q, e, s)));
            marks.flat_map(|(questions, exclamations, switches)| {
                [false, true].map(|opens| Tally {
                    opens,
                    questions,
                    exclamations,
                    switches,
                })
            })
        };
        for en in tallies() {
            for ru in tallies() {
                let (looked_up, matched) = (
                    tallies_log_odds(&en, &ru, trust),
                    matched_log_odds(&en, &ru, trust),
                );
                assert_eq!(looked_up.to_bits(), matched.to_bits(), "{en:?} {ru:?}");
            }
        }
    }

    #[test]
    fn every_character_that_can_be_a_mark_is_found_by_its_bytes() {
        let contexts = [(' ', 'a'), ('a', ' '), (' ', ' '), ('.', ','), (' ', '-')];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            for (before, after) in contexts {
                for lang in [Lang::En, Lang::Ru] {
                    if mark_width(before, c, after, None, lang) > 0 {
                        assert_eq!(next_possible_mark(alone.as_bytes(), 0), Some(0), "{c:?}");
                    }
                }
            }
        }
    }

    /// [`speech_switches`] as it was written first: over the text's
    /// characters collected into a vector, every one of them looked at
    /// (`None` for a text that is one place that both leads and trails,
    /// such as a lone dash, on which both overflow).
    fn switches_char_by_char(text: &str, lang: Lang) -> Option<(u8, bool)> {
        let chars: Vec<char> = text.trim().chars().collect();
        let width = |k: usize| {
            let prev = if k > 0 { chars[k - 1] } else { ' ' };
            let next = chars.get(k + 1).copied().unwrap_or(' ');
            mark_width(prev, chars[k], next, chars.get(k + 2).copied(), lang)
        };
        let mut places: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let width = width(k);
            if width == 0 {
                k += 1;
                continue;
            }
            let end = k + width - 1;
            match places.last_mut() {
                Some(last) if chars[last.1 + 1..k].iter().all(|&c| is_glue(c)) => last.1 = end,
                _ => places.push((k, end)),
            }
            k += width;
        }
        let (Some(first), Some(last)) = (places.first(), places.last()) else {
            return Some((0, false));
        };
        let leads = first.0 == 0;
        let trails = chars[last.1 + 1..].iter().all(|&c| is_glue(c));
        let inner = places
            .len()
            .checked_sub(usize::from(leads) + usize::from(trails))?;
        Some((inner.min(u8::MAX as usize) as u8, trails))
    }

    proptest::proptest! {
        #[test]
        fn switches_found_by_bytes_are_those_found_char_by_char(
            text in "([ a-zа-я.,!?;:…()\\[\\]'\"‘“«„’”»—–-]|--|\\PC)*",
            russian in proptest::bool::ANY,
        ) {
            let lang = if russian { Lang::Ru } else { Lang::En };
            let reference = switches_char_by_char(&text, lang);
            proptest::prop_assume!(reference.is_some());
            proptest::prop_assert_eq!(Some(speech_switches(&text, lang)), reference);
        }
    }

    proptest::proptest! {
        #[test]
        fn marks_found_eight_bytes_at_a_time_are_those_found_byte_by_byte(
            text in "([ a-zа-я.,!?'\"«»—–-]|\\PC)*",
        ) {
            let (mut questions, mut exclamations, mut previous) = (0u8, 0u8, b' ');
            let trimmed = text.trim_start();
            for &b in trimmed.as_bytes() {
                if !matches!(previous, b'?' | b'!') {
                    match b {
                        b'?' => questions = questions.saturating_add(1),
                        b'!' => exclamations = exclamations.saturating_add(1),
                        _ => {}
                    }
                }
                previous = b;
            }
            let found = turn(&text, Lang::En);
            proptest::prop_assert_eq!((found.questions, found.exclamations), (questions, exclamations));
            let bytes = trimmed.as_bytes();
            for from in 0..=bytes.len() {
                let plain = (from..bytes.len()).find(|&k| may_be_mark(bytes, k));
                proptest::prop_assert_eq!(next_possible_mark(bytes, from), plain);
            }
        }
    }

    #[test]
    fn has_byte_finds_a_byte_in_any_lane() {
        for lane in 0..8 {
            for byte in [0u8, b'?', 0x80, 0xE2, 0xFF] {
                let mut bytes = [b'a'; 8];
                bytes[lane] = byte;
                let word = u64::from_le_bytes(bytes);
                assert!(has_byte(word, byte), "{byte:#x} in lane {lane}");
                assert!(!has_byte(word, b'b'));
            }
        }
    }

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
    fn speech_and_narration_switch_alike_in_quotes_and_dashes() {
        let en = "'Yes,' he said, and rose. 'Go now.'";
        let ru = "-- Да, -- сказал он и встал. -- Иди.";
        assert_eq!(speech_switches(en, Lang::En), (2, true));
        assert_eq!(speech_switches(ru, Lang::Ru).0, 2);
        // A closing quotation followed by a dash is one switch.
        assert_eq!(
            speech_switches("\"Жалко\", -- говорила она.", Lang::Ru),
            (1, false)
        );
    }

    #[test]
    fn apostrophes_english_dashes_and_plain_narration_are_no_switch() {
        assert_eq!(
            speech_switches("It's Levin's – and not mine.", Lang::En),
            (0, false)
        );
        assert_eq!(
            speech_switches("Он вышел, и дверь закрылась.", Lang::Ru),
            (0, false)
        );
        assert_eq!(speech_switches("", Lang::Ru), (0, false));
    }

    #[test]
    fn a_text_that_is_one_mark_is_no_switch() {
        // The mark both opens and ends the text (it underflowed once).
        for (text, lang) in [("—", Lang::Ru), ("«", Lang::Ru), ("\"", Lang::En)] {
            let (switches, _) = speech_switches(text, lang);
            assert_eq!(switches, 0, "{text:?}");
        }
    }

    #[test]
    fn a_side_that_switches_as_often_as_the_other_scores_higher() {
        let trust = Trust { opens: 1.0 };
        let en = [
            turn("'There now!", Lang::En),
            turn("It's always the same,' interrupted he.", Lang::En),
            turn("'We are always like that.", Lang::En),
        ];
        let ru = [turn(
            "-- Вот это всегда так! -- перебил он. -- Мы всегда так.",
            Lang::Ru,
        )];
        assert!(log_odds(en, ru, trust) > log_odds(en[..2].iter().copied(), ru, trust));
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
