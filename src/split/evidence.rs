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
//! - a word written somewhere without a full stop after it is a word, not
//!   one cut short: "в сад. вронский" ends a sentence where "в междунар.
//!   отдел" does not, when the text also writes "сад," or "в сад";
//! - a capitalised word whose lower-case form occurs in the text, and which
//!   is never capitalised in the middle of a sentence, is an ordinary word:
//!   capitalised after a full stop, it opens a sentence ("officials … the
//!   U.S. Officials said");
//! - a capitalised word seen capitalised in the middle of a sentence is
//!   (also) a name there, so it is not taken for an ordinary word: after an
//!   abbreviation it does not open a sentence ("the U.S. Embassy … the
//!   embassy … the U.S. Embassy").
//!
//! - a text whose capitalised sentence openers follow lower-case words with
//!   no mark between only rarely, and which never capitalises them where no
//!   sentence can start, writes a capital there only to open a sentence
//!   ("…автобус опять опоздал Не знаю почему"); verse, which capitalises
//!   every line, and a Bible, which capitalises the pronouns of God ("…
//!   сказал, Он придёт"), do not.
//!
//! - a text that writes a whole word, then a full stop, then a lower-case
//!   word somewhere opens sentences in lower case, and may do so after a
//!   word cut short too ("…пустяк. и почему"); edited text, which does
//!   not, writes "опубл. в журнале" for an abbreviation
//!   ([`Evidence::opens_sentences_in_lower_case`]); one that does so twice
//!   after a word no cut ends in ("в кино. фильм", "дождь. сидим") may do so
//!   after a noun that only looks cut short ("купил телефон. батарея")
//!   ([`Evidence::surely_opens_sentences_in_lower_case`]).
//!
//! - a text whose lines mostly end where the next word would not have
//!   fitted is hard-wrapped at a width, and a line that ends so is a wrap,
//!   not a heading or a list item ("…in the Middle⏎East"), whatever case the
//!   next line starts in ([`Evidence::wrap_width`]).
//!
//! Each kind of evidence is gathered lazily, the first time a rule asks, in
//! one pass over the words of the whole text; the abbreviation pass looks
//! only at short words, so that it costs little more than finding them.

use std::borrow::Cow;
use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::marks::{is_closer, is_dash, is_opener, is_terminal};
use super::words::UnmarkedOpeners;
use super::{first_word, floor_char_boundary, is_function_word};
use crate::Lang;

/// A play has a stage direction or a speaker's name in capitals at least
/// once in this many bytes ([`Evidence::is_play`]).
const PLAY_BYTES: usize = 2000;

/// Longest speaker's name in capitals that [`Evidence::is_play`] reads back,
/// in bytes.
const NAME_BYTES: usize = 64;

/// Longest stage direction in brackets, in bytes.
const DIRECTION_BYTES: usize = 160;

/// `text`, after an opening bracket, is a stage direction that is a
/// sentence: a capital first, a final mark before the closing bracket, and
/// no other bracket between ("Exit.)", "Уходит.)", "Долгая пауза.)").
pub(super) fn is_stage_direction(text: &str) -> bool {
    if !text.starts_with(char::is_uppercase) {
        return false;
    }
    let window = &text[..floor_char_boundary(text, DIRECTION_BYTES)];
    let Some(end) = window.find([')', '(']) else {
        return false;
    };
    window[end..].starts_with(')') && window[..end].ends_with(['.', '!', '…'])
}

/// Longest abbreviation, in letters, that the text can teach (Punkt weighs
/// long words against being abbreviations; sverka simply stops at five).
const MAX_ABBREVIATION_LETTERS: usize = 5;

/// The evidence of one text, each part gathered on first use.
#[derive(Debug)]
pub struct Evidence<'a> {
    text: &'a str,
    short: OnceCell<ShortWords>,
    cases: OnceCell<Cases>,
    capitals_open: OnceCell<bool>,
    lower_opens: OnceCell<LowerOpenings>,
    wrap_width: OnceCell<Option<usize>>,
    play: OnceCell<bool>,
}

/// How the text writes its short words (keys in lower case).
#[derive(Debug, Default)]
struct ShortWords {
    /// Seen with a full stop before a lower-case word.
    stop_before_lower: FxHashSet<String>,
    /// How often each is written with a full stop.
    with_stop: FxHashMap<String, u32>,
    /// Seen without a final full stop.
    without_stop: FxHashSet<String>,
}

/// In which case the text writes its words (keys in lower case).
#[derive(Debug, Default)]
struct Cases {
    /// Written in lower case somewhere.
    lower: FxHashSet<String>,
    /// How often each is written capitalised in the middle of a sentence.
    capitalised_inside: FxHashMap<String, u32>,
}

impl<'a> Evidence<'a> {
    /// Evidence about `text`; nothing is read until a question is asked.
    pub fn new(text: &'a str) -> Evidence<'a> {
        Evidence {
            text,
            short: OnceCell::new(),
            cases: OnceCell::new(),
            capitals_open: OnceCell::new(),
            lower_opens: OnceCell::new(),
            wrap_width: OnceCell::new(),
            play: OnceCell::new(),
        }
    }

    /// `word` (without its full stop) is used as an abbreviation in this text.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        // Longer words are never gathered: answer without reading the text.
        if word.chars().filter(|c| c.is_alphabetic()).count() > MAX_ABBREVIATION_LETTERS {
            return false;
        }
        let key = lower_case(word);
        let key = key.as_ref();
        let short = self.short.get_or_init(|| ShortWords::gather(self.text));
        short.stop_before_lower.contains(key)
            && short.with_stop.get(key).is_some_and(|&n| n >= 2)
            && !short.without_stop.contains(key)
    }

    /// `word` (without its full stop) is written whole in this text:
    /// somewhere it has no full stop after it ("в сад, где…", "широкий
    /// диапазон, и", so "в сад. вронский" ends a sentence), so it is a word
    /// and not one cut short.
    pub fn is_written_whole(&self, word: &str) -> bool {
        let key = lower_case(word);
        let key = key.as_ref();
        if word.chars().filter(|c| c.is_alphabetic()).count() <= MAX_ABBREVIATION_LETTERS {
            let short = self.short.get_or_init(|| ShortWords::gather(self.text));
            if short.without_stop.contains(key) {
                return true;
            }
        }
        let cases = self.cases.get_or_init(|| Cases::gather(self.text));
        cases.lower.contains(key)
    }

    /// The capitalised `word` is an ordinary word of this text: it occurs in
    /// lower case and never capitalised inside a sentence.
    pub fn is_common_word(&self, word: &str) -> bool {
        let key = lower_case(word);
        let key = key.as_ref();
        let cases = self.cases.get_or_init(|| Cases::gather(self.text));
        cases.lower.contains(key) && !cases.capitalised_inside.contains_key(key)
    }

    /// The capitalised `word`, found after a lower-case word with no mark
    /// between, is an ordinary word of this text capitalised only there: it
    /// occurs in lower case, and capitalised inside a sentence only once.
    pub fn is_capitalised_once(&self, word: &str) -> bool {
        let key = lower_case(word);
        let key = key.as_ref();
        let cases = self.cases.get_or_init(|| Cases::gather(self.text));
        cases.lower.contains(key) && cases.capitalised_inside.get(key).is_some_and(|&n| n == 1)
    }
}

impl Evidence<'_> {
    /// The column at which this text is hard-wrapped, if it is: the width,
    /// in characters, of its longer broken lines (lines the next line of
    /// their paragraph follows, with no final mark).
    ///
    /// A text wrapped at a width breaks a line where the next word would not
    /// have fitted on it, so its broken lines are *full* (see [`is_full`]);
    /// it breaks them anywhere in a sentence, so some end in a function word
    /// of either language ("the", "в") or a hyphen; and, as most words are, the word after a
    /// break is mostly in lower case. A text is taken as wrapped when it is
    /// so at [`MIN_WRAP_WIDTH`] or wider: three in four of its broken lines
    /// are full, one in three breaks before a lower-case word, and one in
    /// twelve after a function word or a hyphen. That is prose wrapped by an
    /// editor, a mail client or a PDF's columns, at 40 columns as at 72, where
    /// its lines are too short or too ragged to look alike. A text whose lines
    /// are headings or list items breaks them where the next word would have
    /// fitted, or before a capital; verse, at the end of a phrase.
    pub fn wrap_width(&self) -> Option<usize> {
        *self.wrap_width.get_or_init(|| {
            // Broken lines: (width, width of the next line's first word, whether
            // that word is in lower case).
            let mut broken: Vec<(usize, usize, bool)> = Vec::new();
            // Broken lines that end in a function word or a hyphen.
            let mut midway = 0;
            let mut lower_buffer = String::new();
            let mut lines = self.text.lines().map(str::trim).peekable();
            while let Some(line) = lines.next() {
                let Some(next) = lines.peek() else { break };
                let marked = line
                    .trim_end_matches(is_closer)
                    .chars()
                    .next_back()
                    .is_some_and(is_terminal);
                if line.is_empty() || next.is_empty() || marked {
                    continue;
                }
                let first = next.split_whitespace().next().unwrap_or("");
                let lower = first
                    .trim_start_matches(is_opener)
                    .chars()
                    .next()
                    .is_some_and(is_lower);
                broken.push((line.chars().count(), first.chars().count(), lower));
                if breaks_midway(line, |w| {
                    w.chars().all(is_lower) && is_any_function_word(w, &mut lower_buffer)
                }) {
                    midway += 1;
                }
            }
            if broken.len() < 3 {
                return None;
            }
            // The width: the tenth-longest of every hundred broken lines, so that
            // a few overlong ones (an address, a table row) do not widen it.
            let mut widths: Vec<usize> = broken.iter().map(|&(w, _, _)| w).collect();
            let at = (widths.len() - 1) * 9 / 10;
            let width = *widths.select_nth_unstable(at).1;
            let full = broken
                .iter()
                .filter(|&&(line, first, _)| is_full(line, first, width))
                .count();
            let lower = broken.iter().filter(|&&(_, _, lower)| lower).count();
            let n = broken.len();
            (width >= MIN_WRAP_WIDTH && full * 4 >= n * 3 && lower * 3 >= n && midway * 12 >= n)
                .then_some(width)
        })
    }

    /// The text is a play's, whose turns open with the speaker's name and a
    /// full stop ("GERALD. I'm always late.", "Ольга. Нет, это невозможно."):
    /// it holds stage directions that are sentences in brackets ("(Exit.)",
    /// "(Уходит.)", "(She lets the letter fall.)"), or names in capitals
    /// before a full stop where a sentence starts, at least one of either
    /// per [`PLAY_BYTES`] of text, and two names in capitals at least. A
    /// novel's rare parenthesis in a long text is no play.
    pub fn is_play(&self) -> bool {
        *self.play.get_or_init(|| {
            let text = self.text;
            let (mut directions, mut names) = (0usize, 0usize);
            // A name in capitals where a sentence starts, before a full stop
            // and a capitalised word ("GERALD. I'm…", "MRS. PARR. She'll…",
            // "LORD ASHBY. Where…"; not a shout, "ТВАРИ. ОНИ БЛИЗКО"), or
            // before its direction ("SIR JOHN (off).").
            let in_capitals = |word: &str| {
                word.chars().count() >= 2 && word.chars().all(|c| is_letter(c) && !c.is_lowercase())
            };
            let name_before = |at: usize| {
                let window = &text[floor_char_boundary(text, at.saturating_sub(NAME_BYTES))..at];
                let (before, name) = window
                    .rsplit_once(char::is_whitespace)
                    .unwrap_or(("", window));
                let previous = before.rsplit(char::is_whitespace).next().unwrap_or("");
                let opens = previous.is_empty()
                    || in_capitals(previous)
                    || previous
                        .trim_end_matches(is_closer)
                        .chars()
                        .next_back()
                        .is_some_and(is_terminal);
                opens && name.chars().count() >= 3 && in_capitals(name)
            };
            // (A character, not a string, is searched for: that is fast.)
            for (at, _) in text.match_indices('.') {
                let Some(after) = text[at + 1..].strip_prefix(' ') else {
                    continue;
                };
                let next = first_word(after, NAME_BYTES).trim_start_matches(is_opener);
                if next.starts_with(char::is_uppercase)
                    && next.chars().any(char::is_lowercase)
                    && name_before(at)
                {
                    names += 1;
                }
            }
            for (at, _) in text.match_indices('(') {
                let inside = &text[at + 1..];
                if is_stage_direction(inside) {
                    directions += 1;
                } else if inside.starts_with(char::is_lowercase)
                    && let Some(before) = text[..at].strip_suffix(' ')
                    && name_before(before.len())
                {
                    names += 1;
                }
            }
            let dense = |count: usize| count > 0 && count * PLAY_BYTES >= text.len();
            dense(directions) || names >= 2 && dense(names)
        })
    }

    /// In this text a capitalised word of `openers` (common sentence
    /// openers) after a lower-case word with no mark between opens
    /// a sentence. It does unless the text capitalises such words by a
    /// convention of its own:
    ///
    /// - it writes them after a plain lower-case word often: more than twice
    ///   and more than once per hundred words (verse, whose every line starts
    ///   with a capital: "Мы шли по полю Но ветер выл И снег кружил");
    /// - or, twice or more, where no sentence starts: after a comma, a
    ///   semicolon or a dash, after a word of one or two letters ("с Ним"),
    ///   or right before a comma or a final mark ("ученики ждали Его."),
    ///   as a Bible writes the pronouns of God.
    pub fn capitals_open_sentences(&self, openers: &UnmarkedOpeners) -> bool {
        *self.capitals_open.get_or_init(|| {
            let (mut words, mut unmarked, mut inside) = (0usize, 0usize, 0usize);
            // The previous token without its opening quotes and brackets; looked
            // at only after a capitalised opener, so most tokens cost one test.
            let mut previous = "";
            for token in self.text.split_whitespace() {
                words += 1;
                let core = token.trim_start_matches(is_opener);
                let starts_upper = core
                    .chars()
                    .next()
                    .is_some_and(|c| is_letter(c) && !is_lower(c));
                let before = std::mem::replace(&mut previous, core);
                if !starts_upper {
                    continue;
                }
                let word = core.trim_end_matches(|c: char| {
                    is_closer(c) || is_terminal(c) || matches!(c, ',' | ';' | ':')
                });
                let capitalised = word.chars().skip(1).all(|c| is_letter(c) && is_lower(c));
                if !capitalised || !openers.contains(word) {
                    continue;
                }
                // How the previous token ended: a plain lower-case word, a short one, a comma.
                let letters = before.chars().count();
                let lower_word = letters > 0 && before.chars().all(|c| is_letter(c) && is_lower(c));
                let plain = lower_word && letters >= 2;
                let short = lower_word && letters <= 2;
                let comma = before.ends_with([',', ';'])
                    || !before.is_empty() && before.chars().all(is_dash);
                let clause_ends = word.len() < core.len();
                if plain && !clause_ends {
                    unmarked += 1;
                }
                if comma || short || (plain && clause_ends) {
                    inside += 1;
                }
            }
            unmarked <= 2.max(words / 100) && inside < 2
        })
    }

    /// The text opens sentences in lower case: somewhere a whole word of
    /// three letters or more ends in a full stop before a lower-case word
    /// ("был в кино. фильм так себе", "…где аул. это дело было так…", "in
    /// the box. select it"). Edited prose does not; chats, verse written
    /// without capitals and documentation that quotes commands do. `form`
    /// tells what the form of a word says of it ([`Form`]; `None` for a
    /// listed abbreviation, which is no evidence).
    pub fn opens_sentences_in_lower_case(&self, form: impl FnMut(&str) -> Option<Form>) -> bool {
        self.lower_openings(form).any
    }

    /// The text opens sentences in lower case at least twice after a word
    /// that is surely whole ([`Form::Final`]: "в кино. фильм", "дождь.
    /// сидим"): one such opening may be a slip of an edited text, and a
    /// word whole only by its ending may be cut short after all ("издат.
    /// договоры").
    pub fn surely_opens_sentences_in_lower_case(
        &self,
        form: impl FnMut(&str) -> Option<Form>,
    ) -> bool {
        self.lower_openings(form).after_final >= SURE_OPENINGS
    }

    fn lower_openings(&self, mut form: impl FnMut(&str) -> Option<Form>) -> LowerOpenings {
        *self.lower_opens.get_or_init(|| {
            let mut found = LowerOpenings::default();
            let mut previous: Option<&str> = None;
            for token in self.text.split_whitespace() {
                let (word, stop) = word_of(token);
                if let Some(before) = previous.take()
                    && starts_lower(word)
                {
                    match form(before) {
                        Some(Form::Final) => {
                            found.any = true;
                            found.after_final += 1;
                            if found.after_final >= SURE_OPENINGS {
                                break;
                            }
                        }
                        Some(Form::Whole) => found.any = true,
                        Some(Form::Cut) if self.is_written_whole(before) => found.any = true,
                        Some(Form::Cut) | None => {}
                    }
                }
                if stop && word.chars().count() >= 3 && word.chars().all(is_letter) {
                    previous = Some(word);
                }
            }
            found
        })
    }
}

/// Openings in lower case after a surely whole word that make a text one
/// that opens sentences so ([`Evidence::surely_opens_sentences_in_lower_case`]).
const SURE_OPENINGS: u8 = 2;

/// What the form of a word before a full stop says of it
/// ([`Evidence::opens_sentences_in_lower_case`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The form of a word cut short ("опубл"): whole only if the text also
    /// writes it without a full stop.
    Cut,
    /// Whole by its ending ("горах", "сказал"), which a word cut short may
    /// share ("издат").
    Whole,
    /// Ending as no word cut short does ("кино", "дождь"): surely whole.
    Final,
}

/// The openings in lower case a text shows ([`Evidence::lower_openings`]).
#[derive(Debug, Default, Clone, Copy)]
struct LowerOpenings {
    /// One, after any whole word.
    any: bool,
    /// How many after a surely whole word, up to [`SURE_OPENINGS`].
    after_final: u8,
}

/// `line` breaks off in the middle of a sentence, as a line of wrapped prose
/// may and a line of verse does not: it ends in a hyphen, or in a word of
/// three letters or fewer that `function_word` takes for a function word
/// ("the", "в").
pub(super) fn breaks_midway(line: &str, function_word: impl FnOnce(&str) -> bool) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or("");
    line.ends_with(is_dash) || last.chars().count() <= 3 && function_word(last)
}

/// `word`, in lower case, is a function word of English or of Russian: a
/// Russian text quotes English paragraphs, wrapped as the rest.
fn is_any_function_word(word: &str, folded: &mut String) -> bool {
    folded.clear();
    folded.extend(word.chars().map(|c| if c == 'ё' { 'е' } else { c }));
    [Lang::En, Lang::Ru]
        .into_iter()
        .any(|lang| is_function_word(folded, lang))
}

/// The narrowest width a text is taken to be wrapped at, as the tenth-longest
/// of its broken lines measures it (a newspaper prints 30 to 40 characters a
/// column, and a text wrapped at 30 measures 28 or 29); narrower lines are a
/// list's or verse's.
const MIN_WRAP_WIDTH: usize = 25;

/// A line `line` characters wide, broken before a word `first` characters
/// wide, is full in a text wrapped at `width`: the word would not have fitted,
/// give or take a tenth of the width (a PDF's proportional letters fit more
/// "i" than "m" on a line), and the line is no short one before a long word.
pub(super) fn is_full(line: usize, first: usize, width: usize) -> bool {
    (line + 1 + first) * 10 > width * 9 && line * 2 >= width
}

/// A token split into its word and whether a single full stop ends it:
/// opening quotes and brackets, closing ones and `, ; :` are dropped.
fn word_of(token: &str) -> (&str, bool) {
    let core = token.trim_start_matches(is_opener);
    let bare = core.trim_end_matches(|c: char| is_closer(c) || matches!(c, ',' | ';' | ':'));
    match bare.strip_suffix('.') {
        Some(w) if !w.ends_with('.') => (w, true),
        _ => (bare, false),
    }
}

/// A letter; Latin and Cyrillic without the Unicode tables, which are slow
/// outside ASCII and would be asked for every letter of the text.
pub(super) fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{0400}'..='\u{04FF}').contains(&c)
        || !c.is_ascii() && c.is_alphabetic()
}

/// A lower-case letter, with the same fast paths as [`is_letter`].
pub(super) fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' | 'а'..='я' | 'ѐ'..='џ' => true,
        'A'..='Z' | 'А'..='Я' | 'Ѐ'..='Џ' => false,
        c if c.is_ascii() => false,
        c => c.is_lowercase(),
    }
}

/// Letters, with the hyphens, apostrophes and inner stops of a word.
fn is_wordlike(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| is_letter(c) || matches!(c, '-' | '\'' | '’' | '.'))
}

/// `word` in lower case, without the Unicode tables for ASCII, and without
/// a copy when it is in lower case already.
fn lower_case(word: &str) -> Cow<'_, str> {
    if !word.chars().any(|c| is_letter(c) && !is_lower(c)) {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Starts with a lower-case letter and is not a name written with a
/// capital inside ("eBay", "iOS", "macOS", "jQuery"): such a name keeps its
/// first letter small at the start of a sentence too. Only the letters that
/// follow the first count; a hyphen or digit ends the word.
pub(super) fn starts_lower(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(is_lower) && !chars.take_while(|&c| is_letter(c)).any(|c| !is_lower(c))
}

/// Adds `key` to `set`, allocating only when it is new.
fn insert(set: &mut FxHashSet<String>, key: Cow<'_, str>) {
    if !set.contains(key.as_ref()) {
        set.insert(key.into_owned());
    }
}

impl ShortWords {
    fn gather(text: &str) -> ShortWords {
        let mut out = ShortWords::default();
        // Byte length beyond which a token cannot hold a short word (five
        // letters of two bytes, quotes and marks around them).
        const LONGEST: usize = 4 * MAX_ABBREVIATION_LETTERS + 4;
        // The previous token's word when it was short and ended in a full stop.
        let mut stopped: Option<String> = None;
        for token in text.split_whitespace() {
            let previous = stopped.take();
            if token.len() > LONGEST {
                continue;
            }
            let (word, stop) = word_of(token);
            // Not before an option or a list item glued to its hyphen
            // ("delay times.⏎⏎--help Print help"): that word opens no clause.
            if let Some(abbreviation) = previous
                && starts_lower(word)
                && !token.starts_with('-')
            {
                out.stop_before_lower.insert(abbreviation);
            }
            if word.chars().count() > MAX_ABBREVIATION_LETTERS + 3 || !is_wordlike(word) {
                continue;
            }
            if word.chars().filter(|&c| is_letter(c)).count() > MAX_ABBREVIATION_LETTERS {
                continue;
            }
            let key = lower_case(word);
            if stop {
                let key = key.into_owned();
                *out.with_stop.entry(key.clone()).or_default() += 1;
                stopped = Some(key);
            } else if !word.contains('.') {
                insert(&mut out.without_stop, key);
            }
        }
        out
    }
}

impl Cases {
    fn gather(text: &str) -> Cases {
        let mut out = Cases::default();
        for line in text.lines() {
            // How the previous token ended: None at the start of a line.
            let mut previous_ends: Option<bool> = None;
            for token in line.split_whitespace() {
                let (word, stop) = word_of(token);
                if is_wordlike(word) && !stop && !word.contains('.') {
                    if starts_lower(word) {
                        insert(&mut out.lower, lower_case(word));
                    } else if previous_ends == Some(false) && word.chars().skip(1).any(is_lower) {
                        let key = lower_case(word);
                        match out.capitalised_inside.get_mut(key.as_ref()) {
                            Some(n) => *n += 1,
                            None => {
                                out.capitalised_inside.insert(key.into_owned(), 1);
                            }
                        }
                    }
                }
                let core = token.trim_end_matches(is_closer);
                previous_ends = Some(core.ends_with(|c: char| is_terminal(c) || c == ':'));
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
    fn word_written_without_its_stop_is_whole() {
        let e = Evidence::new(
            "пошли в сад. там тихо, и широкий диапазон, и сад рядом. в междунар. отдел",
        );
        assert!(e.is_written_whole("сад"));
        assert!(e.is_written_whole("диапазон"), "a long word too");
        assert!(!e.is_written_whole("междунар"));
        assert!(!Evidence::new("в ауд. 5 и в ауд. 6").is_written_whole("ауд"));
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
    fn word_capitalised_inside_once_and_seen_in_lower_case() {
        let e = Evidence::new("Былины Былины, жанр. Слушали былины и сказки.");
        assert!(e.is_capitalised_once("Былины"));
        let e = Evidence::new("Жил Иван. Звали Ивана, и Иван пришёл.");
        assert!(!e.is_capitalised_once("Иван"), "never in lower case");
        let e = Evidence::new("Совет и Совет, и совет.");
        assert!(!e.is_capitalised_once("Совет"), "capitalised inside twice");
    }

    fn wrap_width(text: &str) -> Option<usize> {
        Evidence::new(text).wrap_width()
    }

    #[test]
    fn prose_wrapped_at_a_width_is_found() {
        let text = "The ministers met in Moscow on Tuesday and\n\
                    discussed trade, energy and the state of the\n\
                    grain deal. They agreed to meet again in the\n\
                    spring and to open a new direct flight to Rio\n\
                    de Janeiro before the summer.";
        // Broken lines of 42, 44, 44 and 45 characters: the tenth-longest in
        // a hundred is 44.
        assert_eq!(wrap_width(text), Some(44));
    }

    #[test]
    fn lines_that_are_units_are_not_wrapped() {
        // Headings before paragraph lines: broken before a capital, and where
        // the next word would have fitted.
        let text = "Talks in Moscow\nThe ministers met on Tuesday.\nResults of the visit\n\
                    A plan was signed.\nNext steps\nThey will meet again.";
        assert_eq!(wrap_width(text), None);
        // Items of about one length, each starting with a capital.
        let text = "GDP growth of three per cent in the first quarter\n\
                    Inflation down to four per cent by the end of the year\n\
                    Unemployment at a record low across all the regions\n\
                    Exports up by a fifth on the same period a year before";
        assert_eq!(wrap_width(text), None);
        // Verse: lines of one length in lower case, none broken off after a
        // function word.
        let text = "мы шли вдоль берега реки вечерней\nи ветер пел о чём-то о своём\n\
                    над нами звёзды медленно горели\nи тишина стояла над жнивьём";
        assert_eq!(wrap_width(text), None);
        // A list of short lines.
        assert_eq!(wrap_width("Things to pack\nTent\nStove\nMatches"), None);
    }

    #[test]
    fn lower_case_openings_after_a_whole_word() {
        // Every word of the form of one cut short, as "опубл" is.
        let cut = |_: &str| Some(Form::Cut);
        let opens = |text: &str| Evidence::new(text).opens_sentences_in_lower_case(cut);
        assert!(opens("Пришли в парк. там гуляли, в парк ходим."));
        assert!(opens("Open the box. select it, then close the box and go."));
        // The word is never written whole: an abbreviation, not an opening.
        assert!(!opens("Статья опубл. в журнале."));
        // Too short.
        assert!(!opens("Он ел суп. он ел и суп."));
        // Whole by its form.
        let whole = |_: &str| Some(Form::Whole);
        assert!(Evidence::new("Был в кино. фильм так себе.").opens_sentences_in_lower_case(whole));
        // Listed as an abbreviation.
        let listed = |w: &str| (w != "fig").then_some(Form::Whole);
        assert!(!Evidence::new("See the fig. in the fig").opens_sentences_in_lower_case(listed));
    }

    #[test]
    fn sure_lower_case_openings_take_two_surely_whole_words() {
        let form = |w: &str| {
            Some(if w.ends_with(['о', 'ь']) {
                Form::Final
            } else {
                Form::Whole
            })
        };
        let sure = |text: &str| Evidence::new(text).surely_opens_sentences_in_lower_case(form);
        assert!(sure("Был в кино. фильм так себе. Опять дождь. сидим дома."));
        // One may be a slip.
        assert!(!sure("Был в кино. фильм так себе."));
        // Whole only by an ending that a word cut short may share.
        let e = Evidence::new("См. сравнит. анализ и издат. договоры.");
        assert!(!e.surely_opens_sentences_in_lower_case(form));
        assert!(e.opens_sentences_in_lower_case(form));
    }

    #[test]
    fn evidence_is_gathered_only_when_asked() {
        let e = Evidence::new("Some text.");
        assert!(e.short.get().is_none() && e.cases.get().is_none());
        e.is_common_word("Text");
        assert!(e.short.get().is_none() && e.cases.get().is_some());
    }

    #[test]
    fn a_play_is_known_by_its_directions_or_its_names_in_capitals() {
        assert!(is_stage_direction("Exit.) BILL. Gone."));
        assert!(is_stage_direction("Долгая пауза.)"));
        assert!(!is_stage_direction("see above) and then"));
        assert!(!is_stage_direction("The end (really.)"));
        let play = |text: &str| Evidence::new(text).is_play();
        assert!(play("Ольга. Нет. (Пауза.) Маша. Да."));
        assert!(play("BILL. What time is it? ANNIE. Ten past six."));
        assert!(play("HAWKINS. Is that you? SIR JOHN (off). Who else?"));
        // One name, a shout, or a rare parenthesis in a long text is no play.
        assert!(!play("GERALD. I'm late."));
        assert!(!play("ТВАРИ. ОНИ БЛИЗКО. ВСЕ ВНИЗ."));
        let novel = format!(
            "{} (She never did.) {}",
            "He waited. ".repeat(200),
            "Then he left."
        );
        assert!(!play(&novel));
    }
}
