//! The boundary scanner shared by English and Russian.
//!
//! One pass over the bytes of a paragraph. Most bytes are letters and are
//! skipped with one comparison; the scanner stops only at the characters that
//! can end a sentence (`. ! ? …`, a line break, an emoji, a smiley, a bullet,
//! a list marker, a hashtag, a mention, a link, an e-mail header date, a
//! salutation's comma, a rule line, a closing bracket) and decides there by looking at the word before and
//! the word after. The language only supplies word lists ([`Rules`]); the
//! character classes and word shapes live in `marks.rs`.

use super::abbreviations::{Abbreviations, Kind};
use super::evidence::{Evidence, Form, breaks_midway, is_full, is_letter, is_lower, starts_lower};
use super::marks::{
    after_speech_dash, bracketed_item_number, is_bullet, is_chess_move, is_closer, is_dash,
    is_emoji, is_link, is_number, is_opener, is_ordinal, is_quantity, is_relation, is_roman,
    is_roman_or_range, is_slash_date, is_terminal, is_time, item_number, roman_item_number,
    starts_list_item,
};
use super::words::{
    CaptionWords, DateWords, FunctionWords, PartWords, SALUTATION_MAX_BYTES, Salutations, Starters,
    UnmarkedOpeners, WordEndings, write_capitalised,
};
use super::{first_word, floor_char_boundary, tail};

/// The word lists that make a language's splitter.
#[derive(Debug)]
pub struct Rules {
    pub abbreviations: Abbreviations,
    pub starters: Starters,
    /// Openers that join as often as they open: conjunctions, prepositions
    /// and verbs that follow their subject ("And", "В", "Had"), no sign of a
    /// sentence in capitals.
    pub joining_openers: Starters,
    pub salutations: Salutations,
    pub date_words: DateWords,
    /// Labels of figures and tables ("Figure", "Рис."), shared by both languages.
    pub caption_words: CaptionWords,
    /// Words written before a part's number or letter ("Appendix", "классе"),
    /// shared by both languages.
    pub part_words: PartWords,
    /// Pronouns, prepositions, conjunctions and particles (lower case).
    pub function_words: FunctionWords,
    /// What a word cut short looks like ("междунар.", "ауд."); empty for English.
    pub word_endings: WordEndings,
    /// Words whose capital opens a sentence with no mark before it; empty for
    /// English, whose title case ("A Guide for Those Who Travel") and
    /// pronoun "I" make a capital inside a sentence no evidence.
    pub unmarked_openers: UnmarkedOpeners,
    /// The language opens direct speech with a dash ("-- Да, -- сказал он").
    /// Where it does not (English), a lone "--" opening a sentence is a
    /// signature separator ("-- Posted by Ann"), a unit of its own.
    pub speech_dash: bool,
}

/// Longest line, in characters, of a verse or a list (see `is_verse`).
const VERSE_LINE: usize = 60;

/// How far, in bytes, a rule line looks ahead for the rule that closes a banner.
const BANNER: usize = 160;

/// Longest heading, in words and in bytes, that a capitalised word can end
/// (see `heading_before`).
const HEADING_WORDS: usize = 8;
const HEADING_BYTES: usize = 160;

/// Letters that a headword and its restatement share ("языков", "Языки").
const STEM: usize = 4;

/// How far back, in bytes, a straight quote after a sentence end looks for
/// the quotation it may close (a few sentences of a quoted passage).
const QUOTATION_BYTES: usize = 2_000;

/// Longest run of mentions that addresses a reply ("@anna @oleg …").
const MENTIONS_BYTES: usize = 240;

/// Longest code, in bytes, that a number sign may number ("WA1949.23").
const CODE_BYTES: usize = 24;

/// How far after a greeting's comma the person greeted is looked for.
const ADDRESSEE_BYTES: usize = 120;

/// Longest word, in bytes, that the rules look back at.
const LONGEST_WORD: usize = 256;

/// Longest reference mark inside square brackets, in bytes ("[17]", "[6, 7]").
const REFERENCE_BYTES: usize = 12;

/// Longest amount written in words in brackets after its figures, in bytes
/// ("(один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь)").
const AMOUNT_IN_WORDS_BYTES: usize = 160;

/// Longest number read before such an amount, in bytes ("1 234 567,00").
const NUMBER_BYTES: usize = 24;

/// How far a bracket opened with a space after it closes at most when it is a
/// bracket ("малюсенькой( 3кг )", "Road( Bus Stops)"); one glued to a word
/// that does not close so soon is a sad smiley ("не могу войти( Оператор").
const SPACED_BRACKET_BYTES: usize = 80;

/// Longest century or year with its abbreviation read after a word cut
/// short, in bytes ("XVIII–XXI вв.," and "2023–2024 гг.").
const DATE_BYTES: usize = 32;

/// How much of a bibliographic record's area is read after its dash, in
/// bytes ("Новосибирск: Изд-во СО РАН, 2007").
const RECORD_AREA_BYTES: usize = 64;

/// How much of a title is read for the record after it, in bytes (a title
/// of eight Russian words).
const TITLE_BYTES: usize = 160;

/// Longest dateline, in bytes, with the spaces before it ("НИЖНИЙ
/// НОВГОРОД, 12 сент", "WASHINGTON, Sept").
const DATELINE_BYTES: usize = 96;

/// Longest word, with the spaces around it, in bytes, that thanks or greets
/// before a mention ("Благодарим").
const LONGEST_GREETING: usize = 32;

/// Longest note in brackets, in bytes, that a transcript writes after a
/// sentence ("[LAUGHTER]", "(аплодисменты)", "[inaudible crosstalk]").
const STAGE_NOTE_BYTES: usize = 48;

/// Longest bracketed label, in characters ("(New Scientist Space)").
const LABEL_CHARS: usize = 40;

/// Most opening quotes, brackets and dashes that [`Scanner::next`] looks
/// past before the word after a mark (real text has two or three: `. «(—`).
const OPENERS_AHEAD: usize = 16;

/// What follows a possible sentence end, after spaces and opening quotes.
#[derive(Debug, Clone, Copy)]
struct Next<'a> {
    /// The first character that is neither space nor opener; `None` at the end.
    first: Option<char>,
    /// The text from `first` on.
    rest: &'a str,
    /// The word starting at `first` (letters only; empty when `first` is no letter).
    word: &'a str,
    /// The word is one letter followed by a full stop: an initial.
    word_has_stop: bool,
    /// A quote or a dash stood between the mark and `first`.
    quoted: bool,
    /// A round or square bracket stood between the mark and `first`.
    bracketed: bool,
    /// A dash stood between the mark and `first`.
    dashed: bool,
}

impl<'a> Next<'a> {
    /// What follows the word's full stop and the spaces after it ("5" in
    /// "No. 5"); `None` when no full stop closes the word.
    fn after_stop(&self) -> Option<&'a str> {
        let after = self.rest[self.word.len()..].strip_prefix('.')?;
        Some(after.trim_start_matches(' '))
    }

    /// The next word starts in lower case, and is not a name such as "eBay"
    /// ([`starts_lower`]).
    fn is_lower(&self) -> bool {
        starts_lower(self.rest)
    }

    /// The next words name the person a greeting is addressed to: one to
    /// three capitalised words, the first no common sentence opener, that
    /// end the sentence or run on after a comma ("Good morning, Tony.",
    /// "Hello, Mr President!", "Hey, Tenuk, do you mind?"). A sign-off's
    /// signature has no mark after it ("Kind regards, John Smith"), and a
    /// sentence after a greeting goes on in lower case ("Hi, Can you help?").
    fn is_addressee(&self, rules: &Rules, lower: &mut String) -> bool {
        if self.quoted || self.bracketed || self.is_starter(&rules.starters) {
            return false;
        }
        // Three words are enough: look no further than a short window.
        let window = floor_char_boundary(self.rest, ADDRESSEE_BYTES);
        let line = self.rest[..window].split('\n').next().unwrap_or("");
        for token in line.split_whitespace().take(3) {
            let word = token.trim_end_matches(|c: char| !c.is_alphabetic());
            let mut letters = word.chars();
            let capitalised = letters.next().is_some_and(char::is_uppercase)
                && letters.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
            if !capitalised {
                return false;
            }
            let after = &token[word.len()..];
            match after.trim_end_matches(is_closer) {
                "" => continue,
                "." if rules.abbreviations.kind(word, lower) == Some(Kind::Prefix) => continue,
                "." | "," | "!" | "?" | "…" | "..." | "!!" | "?!" | "!?" => return true,
                _ => return false,
            }
        }
        false
    }

    /// The next words name a time zone: one to three capitalised words, then
    /// "time" ("Moscow time", "Eastern Standard Time").
    fn is_time_zone(&self) -> bool {
        let mut words = self.rest.split_whitespace();
        for k in 0..4 {
            let Some(word) = words.next() else {
                return false;
            };
            let bare = word.trim_end_matches(|c: char| !c.is_alphabetic());
            if k > 0 && bare.eq_ignore_ascii_case("time") {
                return true;
            }
            if bare.len() != word.len() || !bare.starts_with(char::is_uppercase) {
                return false;
            }
        }
        false
    }

    fn is_upper(&self) -> bool {
        self.first.is_some_and(char::is_uppercase)
    }

    /// The word after the next one, after a space, is in capitals too, of
    /// two letters or more: the words are shouted ("TWENTY EIGHT MINUTES"),
    /// not an acronym that qualifies what came before ("5 млн долл. США в
    /// год").
    fn shouted_run(&self) -> bool {
        let Some(after) = self.rest[self.word.len()..].strip_prefix(' ') else {
            return false;
        };
        let second: String = after
            .chars()
            .take_while(|c| c.is_alphabetic())
            .take(32)
            .collect();
        second.chars().count() >= 2 && !second.chars().any(char::is_lowercase)
    }

    /// A number comes next, signed too ("макс. — +50 °C", "от −20 до +5"):
    /// a plus, a minus or a plus-minus sign glued to a digit. (Not a hyphen,
    /// which may be a bullet.)
    fn is_digit(&self) -> bool {
        let mut chars = self.rest.chars();
        match chars.next() {
            Some('+' | '−' | '±') => chars.next().is_some_and(|c| c.is_ascii_digit()),
            first => first.is_some_and(|c| c.is_ascii_digit()),
        }
    }

    fn is_emoji(&self) -> bool {
        self.first.is_some_and(is_emoji)
    }

    /// A code comes next: one token of letters and digits, with a digit, a
    /// capital first and at most [`CODE_BYTES`] long ("Ж-4047", "WA1949.23",
    /// "B12"), as an inventory or a register numbers its items.
    fn is_code(&self) -> bool {
        // Read no further than a code may run, so that a long token is not
        // read at each mark before it.
        let window = &self.rest[..floor_char_boundary(self.rest, CODE_BYTES + 4)];
        let token = window.split(char::is_whitespace).next().unwrap_or("");
        let token = token.trim_end_matches([',', ';', ':', ')', '.']);
        self.is_upper()
            && token.len() <= CODE_BYTES
            && token.contains(|c: char| c.is_ascii_digit())
            && token
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '/'))
    }

    /// Punctuation that continues the sentence: `etc., and`, `Inc.)`, `#tag`,
    /// and an equals sign (`1 долл. = 70 руб.`), which opens no sentence;
    /// not a rule line of them (`=====`).
    fn continues(&self) -> bool {
        self.first.is_some_and(|c| {
            matches!(
                c,
                ',' | ';' | ':' | ')' | ']' | '}' | '%' | '»' | '”' | '’' | '#' | '/'
            ) || is_terminal(c)
                || c == '=' && !self.rest.starts_with("==")
                || is_relation(c)
        })
    }

    fn is_starter(&self, starters: &Starters) -> bool {
        !self.word_has_stop && !self.word.is_empty() && starters.contains(self.word)
    }
}

/// Scans one paragraph and pushes the byte offsets where its sentences end;
/// `evidence` is about the whole text the paragraph belongs to.
pub fn find_cuts(text: &str, rules: &Rules, evidence: &Evidence, cuts: &mut Vec<usize>) {
    let mut scanner = Scanner {
        text,
        evidence,
        bytes: text.as_bytes(),
        rules,
        cuts,
        sentence_start: 0,
        open_parens: 0,
        last_item: Items::default(),
        last_roman: None,
        letter_at: None,
        letters_checked: 0,
        open_guillemets: 0,
        lower: String::new(),
        wrapped: None,
        verse: None,
        casual: None,
        capitals: None,
        close_paren_search: Search::NONE,
        digit_search: Search::NONE,
    };
    scanner.run();
}

/// The last list item number seen in a paragraph, one for each numbering:
/// numbers ("2.", "2)") and letters ("b.", "B)").
#[derive(Default)]
struct Items {
    number: Option<u32>,
    letter: Option<u32>,
}

impl Items {
    /// The count of the numbering `marker` belongs to.
    fn count(&mut self, marker: &str) -> &mut Option<u32> {
        let numeral = marker
            .trim_start_matches(|c: char| is_bullet(c) || is_dash(c))
            .starts_with(|c: char| c.is_ascii_digit());
        if numeral {
            &mut self.number
        } else {
            &mut self.letter
        }
    }

    /// `marker`, worth `value`, comes next after the last one of its numbering.
    fn follows(&mut self, marker: &str, value: u32) -> bool {
        self.count(marker).is_some_and(|last| value == last + 1)
    }

    fn set(&mut self, marker: &str, value: u32) {
        *self.count(marker) = Some(value);
    }
}

struct Scanner<'a, 'c> {
    text: &'a str,
    /// What the whole text says about its words (see `evidence.rs`).
    evidence: &'c Evidence<'c>,
    bytes: &'a [u8],
    rules: &'a Rules,
    cuts: &'c mut Vec<usize>,
    /// Byte offset where the current sentence starts (just after the last cut).
    sentence_start: usize,
    /// Round brackets opened in the current sentence and not yet closed.
    open_parens: usize,
    /// Number of the last list item marker seen in the paragraph ("2." or
    /// "b)" is 2), so that the next marker can start a new item; kept apart
    /// for numbers and letters.
    last_item: Items,
    /// The same for markers in Roman numerals ("ii." is 2), which a letter
    /// marker ("i." is 9 after "h.") cannot tell apart on its own.
    last_roman: Option<u32>,
    /// First letter of the current sentence, if one was found before `letters_checked`.
    letter_at: Option<usize>,
    /// Byte offset up to which the current sentence was searched for a letter.
    letters_checked: usize,
    /// « opened in the current sentence and not yet closed by ».
    open_guillemets: usize,
    /// Scratch buffer for case-folding words, reused so that lookups do not allocate.
    lower: String,
    /// Whether the paragraph is prose hard-wrapped at a fixed width (found lazily).
    wrapped: Option<bool>,
    /// Whether the paragraph is verse or a list: short lines that mostly
    /// end without a mark (found lazily).
    verse: Option<bool>,
    /// Whether the paragraph is written without capitals at sentence starts,
    /// as chats and comments are (found lazily).
    casual: Option<bool>,
    /// Whether the paragraph is written in capitals, where a capital says
    /// nothing about where a sentence starts (found lazily).
    capitals: Option<bool>,
    /// The last searches for a closing round bracket and for a digit (see
    /// [`Scanner::bracketed_note`] and [`first_byte_from`]).
    close_paren_search: Search,
    digit_search: Search,
}

/// A search for the first byte of a kind at or after an offset: searched
/// from `from`, found at `at` (the text's length if none). Scanning moves
/// forward, so a later search from inside `from..=at` has the same answer,
/// and the searches of a paragraph add up to one pass over it.
#[derive(Debug, Clone, Copy)]
struct Search {
    from: usize,
    at: usize,
}

impl Search {
    const NONE: Search = Search {
        from: usize::MAX,
        at: 0,
    };
}

/// The first byte of `text` at or after `from` that `is` takes, or
/// `text.len()`, resuming `last` when it covers `from`.
fn first_byte_from(text: &str, from: usize, last: &mut Search, is: impl Fn(u8) -> bool) -> usize {
    if !(last.from <= from && from <= last.at) {
        let found = text.as_bytes()[from..].iter().position(|&b| is(b));
        *last = Search {
            from,
            at: found.map_or(text.len(), |k| from + k),
        };
    }
    last.at
}

impl<'a> Scanner<'a, '_> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.bytes.len() {
            // A rule may cut after the word it looked at; never look back past a cut.
            i = i.max(self.sentence_start);
            let Some(&byte) = self.bytes.get(i) else {
                break;
            };
            i = match byte {
                b'.' | b'!' | b'?' => self.terminal(i),
                b'\n' => self.line_break(i),
                b'(' => self.open_paren(i),
                b')' => self.close_paren(i),
                b',' => self.comma(i),
                b';' => self.semicolon(i),
                b'>' => self.angle_close(i),
                b':' => self.field(i),
                // A space before a Cyrillic capital (D0 81, D0 90..AF): perhaps a
                // sentence that starts with no mark before it.
                b' ' if self.bytes.get(i + 1) == Some(&0xD0)
                    && self
                        .bytes
                        .get(i + 2)
                        .is_some_and(|&b| b == 0x81 || (0x90..=0xAF).contains(&b))
                    && !self.rules.unmarked_openers.is_empty() =>
                {
                    self.unmarked_start(i + 1)
                }
                // « and » (C2 AB, C2 BB): count the quotation left open.
                0xC2 => {
                    match self.bytes.get(i + 1) {
                        Some(0xAB) => self.open_guillemets += 1,
                        Some(0xBB) => self.open_guillemets = self.open_guillemets.saturating_sub(1),
                        _ => {}
                    }
                    i + 1
                }
                b'-' if !self.rules.speech_dash
                    && self.bytes[i..].starts_with(b"-- ")
                    && !self.has_content(i) =>
                {
                    self.separator(i)
                }
                // "-----", "=====", "*****", "_____", "~~~~~": a rule line.
                b'-' | b'=' | b'*' | b'_' | b'~' if self.bytes[i..].starts_with(&[byte; 3]) => {
                    self.rule_line(i)
                }
                b'#' | b'@' | b'h' | b'w' | b'A' | b'P' | b'0'..=b'9' | b'-' => self.word_rule(i),
                // Lead bytes of the multi-byte characters the scanner cares about:
                // … ‼ ⁉ • — – (E2), emoji (E2, F0).
                0xE2 | 0xF0 => self.special(i),
                _ => i + 1,
            };
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text[..i].chars().next_back()
    }

    fn at_word_start(&self, i: usize) -> bool {
        i == 0 || self.char_before(i).is_some_and(char::is_whitespace)
    }

    fn cut(&mut self, at: usize) {
        if at > self.sentence_start && self.has_content(at) {
            self.cuts.push(at);
            self.sentence_start = at;
            self.open_parens = 0;
            self.letter_at = None;
            self.letters_checked = at;
            self.open_guillemets = 0;
        }
    }

    /// The sentence so far holds something besides spaces.
    fn has_content(&self, at: usize) -> bool {
        at > self.sentence_start && !self.text[self.sentence_start..at].trim().is_empty()
    }

    /// The sentence so far holds a letter (not only emoji, digits or marks).
    ///
    /// Remembers how far it has looked, so that a long run of emoji or
    /// digits is scanned once, not once per emoji.
    fn has_letters(&mut self, at: usize) -> bool {
        if self.letter_at.is_some_and(|p| p < at) {
            return true;
        }
        let from = self.letters_checked.max(self.sentence_start);
        if at > from {
            self.letter_at = self.text[from..at]
                .char_indices()
                .find(|&(_, c)| c.is_alphabetic())
                .map(|(p, _)| from + p);
            self.letters_checked = at;
        }
        self.letter_at.is_some_and(|p| p < at)
    }

    /// Looks past spaces, opening quotes, brackets and dashes from byte `i`;
    /// past [`OPENERS_AHEAD`] of them at most, so that a run of dashes or
    /// quotes ("— — — …") is not read once per dash. After that many, the
    /// next one counts as what follows.
    fn next(&self, mut i: usize) -> Next<'a> {
        let (mut quoted, mut bracketed, mut dashed) = (false, false, false);
        let mut first = None;
        let mut openers = 0;
        while let Some(c) = self.char_at(i) {
            if c.is_whitespace() || c == '\u{2800}' {
                i += c.len_utf8();
            } else if let Some(rest) = self.text[i..].strip_prefix('(')
                && rest.trim_start_matches(' ').starts_with(')')
                && openers < OPENERS_AHEAD
            {
                openers += 1;
                // "сборную. () Начинал": an empty pair of brackets is what is left
                // of a word taken out (Wikipedia's pronunciations and dates); it
                // neither continues the sentence nor opens a bracket.
                i = self.text.len() - rest.trim_start_matches(' ').len() + 1;
            } else if is_opener(c) && openers < OPENERS_AHEAD {
                openers += 1;
                if matches!(c, '(' | '[' | '{') {
                    bracketed = true;
                } else {
                    quoted = true;
                }
                dashed |= is_dash(c);
                i += c.len_utf8();
            } else {
                first = Some(c);
                break;
            }
        }
        let text = self.text;
        let rest = &text[i..];
        let len = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(at, _)| at);
        Next {
            first,
            rest,
            word: &rest[..len],
            word_has_stop: rest[len..].starts_with('.') && rest[..len].chars().count() == 1,
            quoted,
            bracketed,
            dashed,
        }
    }

    /// Start of the word that ends at byte `end`.
    ///
    /// Looks back at most [`LONGEST_WORD`] bytes, so that a text without
    /// spaces cannot make the scan quadratic; no rule needs a longer word.
    fn word_start(&self, end: usize) -> usize {
        let mut floor = end.saturating_sub(LONGEST_WORD);
        while !self.text.is_char_boundary(floor) {
            floor += 1;
        }
        self.text[floor..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(floor, |(at, c)| floor + at + c.len_utf8())
    }

    /// End of the word that starts at byte `start`.
    ///
    /// Looks ahead at most [`LONGEST_WORD`] bytes, as [`Scanner::word_start`]
    /// looks back: the rules that read the word after a mark inside a word
    /// ("Tuesday.The", "box.other") run at every mark, and a text of glued
    /// marks ("a.a.a.…", "---a---a…") must not make each of them read to the
    /// end of the text. A longer word ends there for them.
    fn word_end(&self, start: usize) -> usize {
        let mut ceiling = self.text.len().min(start + LONGEST_WORD);
        while !self.text.is_char_boundary(ceiling) {
            ceiling -= 1;
        }
        self.first_space(start, ceiling)
    }

    /// End of the whole word that starts at byte `start`, however long (a
    /// link): for the rules that read a word once, from its first byte.
    fn whole_word_end(&self, start: usize) -> usize {
        self.first_space(start, self.text.len())
    }

    /// The first white space from byte `start` on, or `ceiling` if there is
    /// none before it.
    fn first_space(&self, start: usize, ceiling: usize) -> usize {
        self.text[start..ceiling]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(ceiling, |(at, _)| start + at)
    }

    /// A run of `. ! ? …` starting at `i`, with any closing quotes after it.
    fn terminal(&mut self, i: usize) -> usize {
        let mut j = i;
        let (mut stops, mut marks, mut ellipsis) = (0, false, false);
        // Full stops after a question or exclamation mark: "?..", "!..".
        let mut dots_after_mark = 0;
        while let Some(c) = self.char_at(j) {
            match c {
                '.' => {
                    stops += 1;
                    dots_after_mark += usize::from(marks);
                }
                '…' => ellipsis = true,
                c if is_terminal(c) => marks = true,
                // "ленту‼️ Вчера": the variation selector that draws ‼ or ⁉ as
                // an emoji belongs to the mark.
                '\u{FE0F}' if marks => {}
                _ => break,
            }
            j += c.len_utf8();
        }
        ellipsis |= stops >= 2 && !marks || stops == 1 && !marks && self.spaced_dots_before(i) >= 2;
        let marks_end = j;
        let (mut quote_closed, mut bracket_closed) = (false, false);
        while let Some(c) = self.char_at(j).filter(|&c| is_closer(c)) {
            if c == ')' {
                bracket_closed |= self.open_parens > 0;
                self.open_parens = self.open_parens.saturating_sub(1);
            }
            // "'Cessez!' [Leave off!] said she": a translation in square brackets.
            if c == ']' {
                bracket_closed |= self.square_bracket_open(i);
            }
            // «Ты придёшь?» — the quotation closes here, as it does after a
            // comma («Ты придёшь», — …) where the main loop counts it.
            if c == '»' {
                self.open_guillemets = self.open_guillemets.saturating_sub(1);
            }
            quote_closed |= !matches!(c, ')' | ']' | '}' | '\u{2800}');
            j += c.len_utf8();
            // "…come out, then..."-' 'Where is he?'": speech broken off with
            // a dash before its closing quote.
            let mut after = self.text[j..].chars();
            if let Some(dash) = after.next().filter(|&d| is_dash(d))
                && after
                    .next()
                    .is_some_and(|q| matches!(q, '\'' | '"' | '’' | '”'))
            {
                j += dash.len_utf8();
            }
        }
        // "(We fly next day. ) Hop on a bus": a bracket opened in the
        // sentence and closed after a space still closes it.
        if j == marks_end && self.open_parens > 0 && self.text[j..].starts_with(" )") {
            self.open_parens -= 1;
            bracket_closed = true;
            j += 2;
        }
        // One after another when quotations nest (`die.” ’ ” Then`), three
        // deep at most.
        for _ in 0..3 {
            let Some(end) = self.lone_closing_quote(j) else {
                break;
            };
            quote_closed = true;
            j = end;
        }
        // Where the closing quotes and brackets end: "nurse.) at" and
        // "fine.' he said" go on in lower case.
        let j_closers = j;
        // Quotes escaped as HTML entities in scraped text: `!&#39;&#39;`, `.&quot;`.
        while let Some(entity) = ["&#39;", "&quot;", "&#34;", "&raquo;"]
            .into_iter()
            .find(|e| self.text[j..].starts_with(e))
        {
            quote_closed = true;
            j += entity.len();
        }
        // "(!)", "(?)": a mark in brackets comments on a word; "[...]" and
        // "(...)" mark a cut in a quotation and are judged like any ellipsis.
        let before = self.char_before(i);
        // "Fax:? 203…": a question mark after a colon stands for a lost character.
        if before == Some(':') && marks && stops == 0 {
            return j;
        }
        if matches!(before, Some('(' | '[')) && !ellipsis && j > marks_end {
            return j;
        }
        // "the ! type", "has a ! value": a mark after an article is a symbol
        // the sentence names (no sentence ends in an article).
        if self.at_word_start(i)
            && self
                .previous_word(i)
                .is_some_and(|p| ["a", "an", "the"].iter().any(|a| p.eq_ignore_ascii_case(a)))
        {
            return j;
        }
        // "`macro_rules!`", "`?`", "`!Unpin`": a mark inside a code span is code.
        let code_opens = before == Some('`') && j == marks_end;
        let code_closes = self.text[marks_end..].starts_with('`')
            && self.text[self.word_start(i)..i].contains('`');
        if code_opens && self.char_at(j).is_some_and(char::is_alphanumeric) || code_closes {
            return j;
        }
        let Some(after) = self.char_at(j) else {
            return j;
        };
        if !after.is_whitespace() {
            // "shop?There": a question or exclamation glued to the next sentence,
            // and so is a quotation closed after its mark ("cold."She", "устал.»Потом").
            let quote_glued = quote_closed && j == j_closers && self.capitalised_word_at(j);
            // "recovery...Out of", "before..I should": an ellipsis glued to a capital.
            // Not one that opens a quotation or a sentence ("``...Прибыл", "…На").
            let ellipsis_glued = ellipsis
                && (stops >= 2 || stops == 0)
                && j == marks_end
                && self.char_before(i).is_some_and(char::is_alphanumeric)
                && !self.inside_quotation(i)
                && !self.numbered_move(i, j);
            // Not inside brackets: "[-d?V]" is a command's options.
            if (marks || quote_glued || ellipsis_glued)
                && after.is_uppercase()
                && self.has_letters(i)
                && self.open_parens == 0
                && !self.square_bracket_open(i)
                || self.glued_stop_ends(i, j)
                || marks && stops == 0 && j == marks_end && self.glued_mark_before_lower(i, j)
            {
                // A straight quote after an even number of them in the sentence
                // opens the next one: `women."No one benefits…"`.
                let opens_next = quote_glued
                    && &self.text[marks_end..j] == "\""
                    && self.text[self.sentence_start..marks_end]
                        .matches('"')
                        .count()
                        .is_multiple_of(2);
                self.cut(if opens_next { marks_end } else { j });
            }
            return j;
        }
        // Reference marks after the full stop stay with their sentence: "1805. [6]",
        // and so do the blank characters (U+2800) posts use as spacers.
        j = self.skip_references(j);
        j = self.skip_spacers(j);
        let next = self.next(j);
        // "…в полночь. …Через год": a sentence may open with an ellipsis
        // glued to its first word (a pause, a skip in time); the mark before
        // is judged by the word after the ellipsis.
        let dots = ["…", "..."]
            .into_iter()
            .find(|d| next.rest.starts_with(d))
            .map_or(0, str::len);
        if dots > 0
            && !ellipsis
            && self.has_content(i)
            && next.rest[dots..].starts_with(char::is_uppercase)
        {
            let at = self.text.len() - next.rest.len() + dots;
            let after = self.next(at);
            let ends = marks || stops == 1 && self.full_stop_ends(i, &after);
            if ends {
                self.cut(j);
            }
            return j;
        }
        let continues = next.continues() && !dotted_name(next.rest);
        if next.first.is_none() || continues || !self.has_content(i) {
            return j;
        }
        // "Оплата 9 тыс. + свет", "25 тыс. руб./мес. + к/у": a plus after a
        // full stop on one line adds to what came before; on a line of its own
        // it is a bullet, and after "!" it may open a remark ("Great! + free
        // cola with every pizza").
        let gap = &self.text[j..self.text.len() - next.rest.len()];
        if stops == 1 && !marks && next.rest.starts_with("+ ") && !gap.contains('\n') {
            return j;
        }
        // «К чему ты готовишься? – спросила мама. – Завтра выходной»: the
        // dialogue inside an open quotation is one sentence.
        if next.dashed && self.open_guillemets > 0 {
            return j;
        }
        // Lower case after a mark continues the sentence ("etc. and",
        // "— Да? — спросил он.", "“Why?” she asked", "(впервые!) и
        // вышла"), except after a bare question or exclamation in web text
        // ("what? where did you go?"). A mark with dots after it is an
        // ellipsis ("Вы правы!.. и всё же"), as "?…" is.
        let bare_mark = |scanner: &Self| {
            marks
                && !ellipsis
                && dots_after_mark < 2
                && !quote_closed
                && !bracket_closed
                && scanner.open_parens == 0
                && !scanner.square_bracket_open(i)
                && !scanner.after_name(i)
                && !scanner.quoted_speech(i)
                && !scanner.after_chess_move(i)
        };
        // "«Ну, погоди!» (0+) в 8.05", "«Ирония судьбы…!» (СССР, 1975 г.), реж.":
        // a bracket after a quoted title that its sentence goes on after
        // comments on the title.
        if marks && quote_closed && next.bracketed && self.bracket_runs_on(&next) {
            return j;
        }
        // "14...Nd7? 15. Bxh7+! Kxh7", "21. g4? Кf4! 22. Сxf4": a commentator's
        // mark after a move, before the next move, goes on with the game.
        if marks && !ellipsis && self.after_chess_move(i) && opens_with_move(next.rest) {
            return j;
        }
        // "История письменности. — М.: Наука, 1999. — 320 с.": in a
        // bibliographic record a full stop and a dash part its areas; after
        // the "//" that names the work a record is part of, a full stop alone
        // does ("// Книжное дело. 2003. № 4", "// Проблемы поэтики. Вып. 7").
        if stops == 1 && !marks && !ellipsis {
            // (A year or a part's number comes next: the cheap test first.)
            let numbered = next.is_digit() || next.after_stop().is_some_and(starts_with_digit);
            let part_of = numbered && self.look_back(self.sentence_start, i).contains(" // ");
            if (next.dashed || part_of) && is_record_area(next.rest)
                || part_of && self.numbered_part_next(&next)
            {
                return j;
            }
        }
        // "4 m. S. of Corfe", "X-rds. S.E. of Tilly": a point of the compass
        // before "of" is no initial opening a sentence; "Const. Hist., vol.
        // i.", "Norm. Conq., vol. iii.": nor is a word cut short before a
        // comma. Both go on with the sentence.
        if stops == 1
            && !marks
            && !ellipsis
            && (compass_point(next.rest) || self.cut_short_run(i, &next))
        {
            return j;
        }
        // "Ph.D. (Lond.) 2011, is…", "children (5–16 yrs.) £6": after an
        // aside closed by a word cut short, a number or a sign goes on.
        if stops == 1
            && !marks
            && bracket_closed
            && !quote_closed
            && (next.is_digit() || next.first.is_some_and(|c| !c.is_alphanumeric()))
            && !next.quoted
            && !next.bracketed
            && self.bracket_opened_midway(i)
        {
            return j;
        }
        // "(тур. Фрат)", "(бывш. «Интурист»)", "(Быт. XV, 18)", "(lit. 135
        // °C)": a short word's full stop inside a short aside in brackets.
        if stops == 1 && !marks && !ellipsis && !bracket_closed && self.short_aside(i, j) {
            return j;
        }
        // "adv. & adj.", "obt. & most humble": no sentence opens with "&".
        if next.first == Some('&') && !next.quoted && !next.bracketed {
            return j;
        }
        // "МОСКВА, 5 дек. – РИА Новости.": a dateline, a place in capitals
        // and a date, is no sentence; its dash goes on to the agency.
        if stops == 1 && !marks && next.dashed && self.dateline(i) {
            return j;
        }
        let ends = if next.is_lower() {
            // A link after any mark opens a sentence too ("see below. https://…").
            (!next.dashed && bare_mark(self) && !self.in_remark())
                || is_link(next.rest) && !(stops == 1 && !marks && self.leads_on(i))
                || !ellipsis && self.stage_note_end(j, &next).is_some()
                || stops == 1
                    && !marks
                    && !ellipsis
                    && j_closers == marks_end
                    && !quote_closed
                    && self.stop_before_lower_ends(i, &next)
        } else if next.is_emoji() {
            // An emoji after the mark belongs to the sentence it closes; the
            // emoji's own rule cuts after it. Not after a lone question mark:
            // a question is answered, and the emoji run after it is the
            // answer, a unit of its own ("Где это? 👍 Нашёл!").
            let end = self.emoji_run_end(self.text.len() - next.rest.len());
            if &self.text[i..j] == "?" && !next.quoted && !next.bracketed {
                self.cut(j);
                if self.char_at(end).is_some_and(char::is_whitespace)
                    && self.next(end).first.is_some()
                {
                    self.cut(end);
                    return end;
                }
                return j;
            }
            // "Затащил всю игру! 😂 без него слили бы": the emoji closes the
            // exclamation, and lower case after it opens the next sentence
            // as it would right after the bare mark.
            if bare_mark(self) && self.char_at(end).is_some_and(char::is_whitespace) {
                let after = self.next(end);
                if after.is_lower() && !after.dashed {
                    self.cut(end);
                    return end;
                }
            }
            false
        } else if stops == 1 && !marks && !ellipsis && dotted_name(next.rest) {
            // "…устаревших платформ. .NET Framework 4.7.2 и…", "the file.
            // .env is read first": a name that starts with a dot opens a
            // sentence as a word would, unless an abbreviation leads to it.
            self.text[self.word_start(i)..i].chars().count() >= 2 && self.kind_before(i).is_none()
        } else if stops == 1 && !marks && !ellipsis {
            self.full_stop_ends(i, &next)
        } else if ellipsis && !marks {
            // "..." ends before a capital, not before a number ("1... 2... 3")
            // nor a bracketed citation ("[...]\" (Smith 55)"), nor before the
            // pronoun "I" after a spaced ellipsis, the typeset omission inside a
            // sentence (". . . I mean"; one at a sentence end has four dots),
            // unless a quotation closes after it (". . .' 'I am glad'": the
            // speech ended there). ("well... I mean" is often a pause too,
            // but taking it for one costs end-to-end alignment: see
            // docs/splitting.md.)
            let pause = stops == 1
                && self.spaced_dots_before(i) == 2
                && next.word == "I"
                && !next.word_has_stop
                && !quote_closed;
            // Nor before a symbol: "-exec ... + or", "$1, $2, ... $n".
            let symbol = !next.first.is_some_and(char::is_alphabetic);
            let at = self.text.len() - next.rest.len();
            !next.is_digit()
                && !symbol
                && !self.numbered_move(i, at)
                && (!next.bracketed || self.bracketed_note(&next))
                && !pause
        } else {
            true
        };
        if ends {
            let at = if stops == 1 && !marks && !ellipsis {
                self.after_note_number(i, j)
            } else {
                j
            };
            let at = self.stage_note_end(at, &next).unwrap_or(at);
            self.cut(at);
            return at;
        }
        j
    }

    /// The full stop at byte `i` closes a short capitalised word, and the
    /// next is a capitalised word of three letters or more cut short before
    /// a comma: the words of a title cut short ("Const. Hist., vol. i.",
    /// "Norm. Conq., vol. iii."), not a label that opens a sentence after a
    /// whole word ("…человеке. Разг., с оттенком", "1872 г. Х., м.").
    fn cut_short_run(&self, i: usize, next: &Next) -> bool {
        let word = &self.text[self.word_start(i)..i];
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase)
            && word.chars().count() <= 6
            && chars.all(char::is_lowercase);
        capitalised
            && next.is_upper()
            && next.word.chars().count() >= 3
            && next.rest[next.word.len()..].starts_with(".,")
    }

    /// The full stop at byte `i` (its closers end at `j`) closes a short
    /// word inside a bracket opened in the middle of the sentence, which
    /// closes within [`SPACED_BRACKET_BYTES`] with no mark of its own before
    /// it: an aside, where no sentence ends ("(тур. Фрат)", "(Быт. XV, 18)").
    fn short_aside(&self, i: usize, j: usize) -> bool {
        if self.open_parens == 0 {
            return false;
        }
        let word = &self.text[self.word_start(i)..i];
        let word = word.trim_start_matches('(');
        let short =
            (1..=5).contains(&word.chars().count()) && word.chars().all(char::is_alphabetic);
        let after = &self.text[j..floor_char_boundary(self.text, j + SPACED_BRACKET_BYTES)];
        let Some(close) = after.find(')') else {
            return false;
        };
        let aside = &after[..close];
        short && self.bracket_opened_midway(i) && !aside.contains(['(', '.', '!', '?', '…'])
    }

    /// The last round bracket opened in the sentence before byte `i` opened
    /// after some of it, not at its start.
    fn bracket_opened_midway(&self, i: usize) -> bool {
        let before = self.look_back(self.sentence_start, i);
        before
            .rfind('(')
            .is_some_and(|open| before[..open].contains(char::is_alphanumeric))
    }

    /// The word after a full stop is a capitalised abbreviation before its
    /// number: a record's issue, volume or part ("Вып. 7", "Т. 51", "Ч. 2").
    fn numbered_part_next(&mut self, next: &Next) -> bool {
        next.is_upper()
            && next.after_stop().is_some_and(starts_with_digit)
            && self
                .rules
                .abbreviations
                .kind(next.word, &mut self.lower)
                .is_some()
    }

    /// The word before the full stop at byte `i` is an abbreviation that
    /// leads on to what follows ("см. https://…", "e.g. https://…"), not one
    /// that may end a sentence ("etc.").
    fn leads_on(&mut self, i: usize) -> bool {
        matches!(
            self.kind_before(i),
            Some(Kind::Prefix | Kind::Numbered | Kind::Numeric | Kind::NumberSign)
        )
    }

    /// The kind of abbreviation the full stop at byte `i` closes, when the
    /// word before it is listed.
    fn kind_before(&mut self, i: usize) -> Option<Kind> {
        let word = &self.text[self.word_start(i)..i];
        self.rules.abbreviations.kind(word, &mut self.lower)
    }

    /// The sentence up to byte `i` is a news agency's dateline: a place in
    /// capitals, a comma and a short date ("МОСКВА, 5 дек", "LONDON, Dec").
    fn dateline(&self, i: usize) -> bool {
        let Some((place, date)) = self
            .short_lead(i, DATELINE_BYTES)
            .and_then(|line| line.trim_start().split_once(", "))
        else {
            return false;
        };
        place.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && place
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '-')
            && date.len() <= DATE_BYTES
            && date.contains(|c: char| c.is_ascii_digit())
    }

    /// What follows the sentence that ends at byte `at` opens with a note in
    /// brackets on how its words were met, as transcripts write it
    /// ("…the report. [LAUGHTER] HOST: Including you?", "…the people.
    /// (applause) PRESENTER: But", "[смех]"): the audience's reaction
    /// ([`is_reaction`]; a direction such as "(beat)" or "(пауза)" leads to
    /// what is said next), in letters alone, all in capitals or all in lower
    /// case, with no mark ("(Laughter.)" is a sentence of its own), before a
    /// capital, a line break or the end of the text. The note goes with the
    /// sentence it follows, as an emoji does; returns where it ends.
    fn stage_note_end(&self, at: usize, next: &Next) -> Option<usize> {
        let open = self.text.len() - next.rest.len();
        let close = match self.text.get(at..open)?.trim_start_matches(' ') {
            "(" => ')',
            "[" => ']',
            _ => return None,
        };
        let head = &next.rest[..floor_char_boundary(next.rest, STAGE_NOTE_BYTES)];
        let inside = &head[..head.find(close)?];
        let one_case =
            !inside.chars().any(char::is_lowercase) || !inside.chars().any(char::is_uppercase);
        if !is_reaction(inside)
            || !one_case
            || !inside
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        {
            return None;
        }
        let end = open + inside.len() + close.len_utf8();
        let after = &self.text[end..];
        let then = self.next(end);
        let opens = after.starts_with('\n')
            || then.first.is_none()
            || after.starts_with(' ') && then.is_upper() && !then.bracketed;
        opens.then_some(end)
    }

    /// What follows a mark, `next`, opens with a bracketed note in its own
    /// words ("... (See attached file: plan.doc)"): a capitalised word in a
    /// round bracket that holds no number, unlike a citation ("(Smith 55)").
    fn bracketed_note(&mut self, next: &Next) -> bool {
        let at = self.text.len() - next.rest.len();
        let opened = self.text[..at].trim_end_matches(|c: char| c != '(' && is_opener(c));
        // The bracket holds a digit when one comes before it closes.
        let close = first_byte_from(self.text, at, &mut self.close_paren_search, |b| b == b')');
        let digit = first_byte_from(self.text, at, &mut self.digit_search, |b| {
            b.is_ascii_digit()
        });
        opened.ends_with('(') && next.is_upper() && !next.word_has_stop && digit >= close
    }

    /// More words of the paragraph before byte `i` open with the straight
    /// quote `quote` (or are the quote alone) than close with it: a
    /// quotation is open (a quotation may hold many sentences). An
    /// apostrophe inside a word ("don't") is neither. Looks back at most
    /// [`QUOTATION_BYTES`], so that the scan stays linear.
    fn quotation_open(&self, i: usize, quote: char) -> bool {
        let (mut opened, mut closed) = (0, 0);
        for word in self.look_back(0, i).split_whitespace() {
            if word.starts_with(quote) {
                opened += 1;
            } else if word.ends_with(quote) {
                closed += 1;
            }
        }
        opened > closed
    }

    /// A quotation opened in the sentence before byte `i` is still open
    /// (« or “ without its closing mark): "“Lieutenant Nemic…Lieutenant Vale…”".
    fn inside_quotation(&self, i: usize) -> bool {
        self.open_guillemets > 0 || self.curly_quotation_open(i)
    }

    /// A curly quotation opened in the sentence before byte `i` is still
    /// open: “ closed by ” as English writes them, or „ closed by “ as
    /// Russian writes its inner quotes («…„Ураган“…»).
    fn curly_quotation_open(&self, i: usize) -> bool {
        let before = self.look_back(self.sentence_start, i);
        let low = before.matches('„').count();
        let high = before.matches('“').count();
        let closing = before.matches('”').count();
        let closes_low = high.min(low);
        low > closes_low || high - closes_low > closing
    }

    /// A square bracket opened in the sentence before byte `i` is still open.
    fn square_bracket_open(&self, i: usize) -> bool {
        let before = self.look_back(self.sentence_start, i);
        before.matches('[').count() > before.matches(']').count()
    }

    /// The text before byte `i` from `floor` on, but at most its last
    /// [`QUOTATION_BYTES`], so that rules looking back keep the scan linear.
    fn look_back(&self, floor: usize, i: usize) -> &str {
        tail(&self.text[floor..i], QUOTATION_BYTES)
    }

    /// Speech the sentence quoted is open at byte `i`, in any quotation
    /// marks, so that a mark before lower case does not end it: "'Oh! it's
    /// all the same to me!'" is one exclamation. A word quoted alone ("no")
    /// neither opens nor closes speech.
    fn quoted_speech(&self, i: usize) -> bool {
        if self.inside_quotation(i) {
            return true;
        }
        let before = self.look_back(self.sentence_start, i);
        ['\'', '"', '‘'].into_iter().any(|quote| {
            let close = if quote == '‘' { '’' } else { quote };
            let mut open = 0_i32;
            for word in before.split_whitespace() {
                let word = word.trim_start_matches(|c: char| is_opener(c) && c != quote);
                let bare = word.trim_end_matches(|c: char| {
                    is_terminal(c) || matches!(c, ',' | ';' | ':' | ')' | '-' | '–' | '—')
                });
                // (An apostrophe inside the word closes nothing: "'That's
                // grand! and what a spring…'".)
                match bare.strip_prefix(quote) {
                    Some(rest) if !rest.ends_with(close) => open += 1,
                    None if bare.ends_with(close) && bare.chars().count() > 1 => open -= 1,
                    _ => {}
                }
            }
            open > 0
        })
    }

    /// A capitalised word starts at byte `at`: a capital, then a lower-case letter.
    fn capitalised_word_at(&self, at: usize) -> bool {
        let mut chars = self.text[at..].chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
    }

    /// Where a sentence that ends with the full stop at byte `i` ends, given
    /// that `j` is past the stop: after a footnote number on the same line
    /// ("…minority rights. 4 Even though…": one to three digits, then a
    /// capitalised word), or at `j`.
    fn after_note_number(&mut self, i: usize, j: usize) -> usize {
        if self.char_before(i).is_none_or(|c| c.is_ascii_digit()) {
            return j;
        }
        let rest = &self.text[j..];
        let number = rest.trim_start_matches([' ', '\u{a0}']);
        let digits = number.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 || number.starts_with('0') {
            return j;
        }
        let after = &number[digits..];
        let word = after.trim_start_matches([' ', '\u{a0}']);
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase);
        // "bapt. 2 Feb. 1798": a day of the month, no note.
        let name = word
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if word.len() < after.len() && capitalised && !self.is_date_name(name) {
            j + (rest.len() - number.len()) + digits
        } else {
            j
        }
    }

    /// How many full stops, each followed by one space, stand right before
    /// byte `i`: the earlier dots of a spaced ellipsis (". . .").
    /// Counts three at most (a fourth dot ends a sentence), so that a run of
    /// spaced dots is read once, not once per dot.
    fn spaced_dots_before(&self, i: usize) -> usize {
        let mut at = i;
        let mut count = 0;
        while count < 3 && at >= 2 && &self.bytes[at - 2..at] == b". " {
            at -= 2;
            count += 1;
        }
        count
    }

    /// True when the word before byte `i` is a capitalised word in the middle
    /// of its sentence: a name such as "Yahoo!" that keeps its mark.
    fn after_name(&self, i: usize) -> bool {
        let start = self.word_start(i).max(self.sentence_start);
        let mid_sentence = self.text[self.sentence_start..start]
            .trim_end()
            .ends_with(|c: char| c.is_alphanumeric());
        let mut chars = self.text[start..i].chars();
        mid_sentence
            && chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_alphabetic() && !c.is_uppercase())
    }

    /// "high quality.You'll find", "on Tuesday.Mr. Lee": a full stop glued to
    /// a capitalised word ends the sentence when both sides are plain words
    /// (not "U.S.Army", "В.В.Путин", "ASP.NET", "Jane.Doe@mail.com" nor an
    /// abbreviation).
    fn glued_stop_ends(&mut self, i: usize, j: usize) -> bool {
        if j != i + 1 || self.bytes[i] != b'.' {
            return false;
        }
        let text = self.text;
        let mut after = text[j..].chars();
        let (first_after, second_after) = (after.next(), after.next());
        // "late.I was", "out.A minute later": a one-letter sentence opener
        // ("I", "A", "Я") counts as a capitalised word.
        let one_letter_opener = second_after
            .is_none_or(|c| c.is_whitespace() || c == '\'' || c == '’')
            && first_after.is_some_and(|c| {
                let mut buffer = [0; 4];
                c.is_uppercase() && self.rules.starters.contains(c.encode_utf8(&mut buffer))
            });
        let capitalised = first_after.is_some_and(char::is_uppercase)
            && second_after.is_some_and(char::is_lowercase)
            || one_letter_opener;
        if !capitalised {
            return self.glued_stop_before_function_word(i, j);
        }
        // The word after: letters, then at most its own final marks ("Mr.", "Lee,").
        let right = &text[j..self.word_end(j)];
        let right_plain = right
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'));
        let start = self.word_start(i).max(self.sentence_start);
        let word = text[start..i].trim_start_matches(is_opener);
        // "bought 1,000.That is a lot": a number inside its sentence.
        if right_plain && is_number(word) && self.has_letters(start) {
            return true;
        }
        // "moved to Main St.Dr. Webb": an abbreviation that may end a
        // sentence, glued to a title.
        let next_word = right.trim_end_matches(|c: char| !c.is_alphanumeric());
        let title_next = right_plain
            && right.ends_with('.')
            && self.rules.abbreviations.kind(next_word, &mut self.lower) == Some(Kind::Prefix);
        if title_next
            && matches!(
                self.rules.abbreviations.kind(word, &mut self.lower),
                Some(Kind::Ambiguous | Kind::Terminal)
            )
        {
            return true;
        }
        let mut chars = word.chars();
        let first = chars.next();
        let plain = right_plain
            && word.chars().count() >= 2
            && first.is_some_and(char::is_alphabetic)
            && chars.all(char::is_lowercase)
            && self
                .rules
                .abbreviations
                .kind(word, &mut self.lower)
                .is_none();
        if !plain {
            return false;
        }
        if first.is_some_and(char::is_lowercase) {
            return true;
        }
        // Two capitalised words are often one name ("Gazeta.Ru", "Kontur.Fokus"):
        // cut only before a sentence opener or a title ("Tuesday.The", "Tuesday.Mr.").
        self.rules.starters.contains(next_word) || title_next
    }

    /// "bare knuckle box.other than that": a full stop glued to a lower-case
    /// function word of three or more letters ends the sentence when both
    /// sides are plain lower-case words; not a host name ("example.com",
    /// "site.it"), whose last part is no such word or a short one.
    fn glued_stop_before_function_word(&mut self, i: usize, j: usize) -> bool {
        let text = self.text;
        let right = text[j..self.word_end(j)].trim_end_matches(|c: char| {
            is_terminal(c) || is_closer(c) || matches!(c, ',' | ';' | ':')
        });
        let start = self.word_start(i).max(self.sentence_start);
        let word = text[start..i].trim_start_matches(is_opener);
        let plain = |w: &str| w.chars().all(|c| is_letter(c) && is_lower(c));
        right.chars().count() >= 3
            && plain(right)
            && word.chars().count() >= 2
            && plain(word)
            && self.rules.function_words.contains(right, &mut self.lower)
            && self
                .rules
                .abbreviations
                .kind(word, &mut self.lower)
                .is_none()
            && self.has_letters(start)
    }

    /// "recruits foreigners?thanks I tried": a question or exclamation mark
    /// glued to a lower-case word ends the sentence as it would with a space
    /// between them (web text starts sentences in lower case), when both
    /// sides are plain lower-case words; not inside a link or a query
    /// ("search?q=…", "page.asp?id=7").
    fn glued_mark_before_lower(&mut self, i: usize, j: usize) -> bool {
        let text = self.text;
        let start = self.word_start(i).max(self.sentence_start);
        let word = text[start..i].trim_start_matches(is_opener);
        let right = text[j..self.word_end(j)].trim_end_matches(|c: char| {
            is_terminal(c) || is_closer(c) || matches!(c, ',' | ';' | ':')
        });
        let lower_word = |w: &str| {
            w.chars().count() >= 2
                && w.chars()
                    .all(|c| c.is_lowercase() || matches!(c, '\'' | '’'))
        };
        lower_word(word) && lower_word(right) && self.has_letters(i)
    }

    /// A full stop before a lower-case word ends the sentence after an
    /// ordinary word: web text and posts often start a sentence in lower
    /// case ("the room was clean. staff were kind"). Not after an
    /// abbreviation, an initial or a single letter; and unless the paragraph
    /// is written in lower case throughout ("i think so. they left."), only
    /// after a word of letters alone, four or more of them, one a vowel.
    fn stop_before_lower_ends(&mut self, i: usize, next: &Next) -> bool {
        let text = self.text;
        let start = self.word_start(i).max(self.sentence_start);
        // A quotation or a bracket closed before the stop: the word inside
        // ("…пожертвование «поможет спасти жизни». «то, что…").
        // Not before a dash: the author's words follow the quotation («Мне
        // пора идти». - сказали они).
        let word = text[start..i].trim_start_matches(is_opener);
        let inside = word.trim_end_matches(is_closer);
        if inside.len() < word.len() && next.dashed {
            return false;
        }
        let word = inside;
        // "vol. viii. p. 277", "ch. xiii. and": a volume's or a chapter's
        // number in small Roman numerals after its abbreviation.
        let roman = !word.is_empty() && word.bytes().all(|b| b"ivxlcdm".contains(&b));
        if roman
            && self
                .previous_word(start)
                .and_then(|p| p.strip_suffix('.'))
                .is_some_and(|bare| {
                    self.rules.abbreviations.kind(bare, &mut self.lower) == Some(Kind::Numbered)
                })
        {
            return false;
        }
        let letters = word.chars().filter(|c| c.is_alphanumeric()).count();
        // In edited text an unlisted abbreviation ("voc. ed.", "1999гг. the")
        // is more likely than a sentence starting in lower case: only a
        // word of four or more letters ends the sentence there.
        let casual = self.is_casual();
        let ordinary = casual
            || letters >= 4
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'));
        // A word without a vowel ("tbsp.", "pkg.", "bldg.") is cut short.
        let vowel = has_vowel(word);
        ordinary
            && letters >= 2
            && (casual || vowel)
            && (casual || !self.evidence.is_abbreviation(word))
            && !word.contains('.')
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
            && self
                .rules
                .abbreviations
                .kind(word, &mut self.lower)
                .is_none()
            // "Cross-ref. section E1": a compound whose last part is an
            // abbreviation is one too.
            && word.rsplit_once('-').is_none_or(|(_, last)| {
                last.is_empty() || self.rules.abbreviations.kind(last, &mut self.lower).is_none()
            })
            && !self.cut_short(word, next)
    }

    /// `word`, before a full stop, looks cut short ("междунар.", "ауд.": see
    /// `data/word-endings-*.txt`) and what follows is what such a word
    /// qualifies: a number or a lower-case word ("в междунар. отделе", "ауд.
    /// 305", "опубл. в журнале"). A function word may open a sentence in a
    /// text that opens sentences in lower case ("пустяк. и почему"), so there
    /// it does not count; nor does a content word where the text surely
    /// opens sentences so ("купил телефон. батарея держит", in a chat).
    fn cut_short(&mut self, word: &str, next: &Next) -> bool {
        // In capitals, the word as it would be written ("КАБ. 14" is "каб. 14");
        // capitalised before lower case, a word of a name cut short ("в Моск.
        // ун-те", "М.: Худож. лит."), unless it reads as a surname, which is
        // whole ("академик Бардин").
        let written = self.in_capitals(word) || next.is_lower() && is_capitalised_name_part(word);
        if !looks_cut(self.rules, word, written) || self.evidence.is_written_whole(word) {
            return false;
        }
        if next.is_digit() || next.first == Some('№') {
            return true;
        }
        if !next.is_lower() {
            return false;
        }
        // No sentence opens in lower case inside brackets: "(примеч. автора)".
        if self.open_parens > 0 {
            return true;
        }
        if self
            .rules
            .function_words
            .contains(next.word, &mut self.lower)
        {
            return !self.is_casual() && !self.evidence.opens_sentences_in_lower_case(self.form());
        }
        !self
            .evidence
            .surely_opens_sentences_in_lower_case(self.form())
    }

    /// What the form of a word before a full stop says of it, for the
    /// evidence of openings in lower case: `None` for a listed abbreviation.
    fn form(&self) -> impl FnMut(&str) -> Option<Form> + use<'_, 'a> {
        let rules = self.rules;
        let mut lower = String::new();
        move |word| {
            if rules.abbreviations.kind(word, &mut lower).is_some() {
                return None;
            }
            let in_capitals = !word.chars().any(char::is_lowercase);
            Some(
                if looks_cut(rules, word, in_capitals || is_capitalised_name_part(word)) {
                    Form::Cut
                } else if rules.word_endings.ends_whole(word) {
                    Form::Final
                } else {
                    Form::Whole
                },
            )
        }
    }

    /// The sentence is a remark of dialogue, opened by a dash ("— Ох,
    /// батюшки! да что ж это такое делается!", "-- А! это очень хорошо!"):
    /// a question or an exclamation before lower case goes on there, as it
    /// does in quoted speech.
    fn in_remark(&self) -> bool {
        let opening = self.text[self.sentence_start..].trim_start();
        // (Not after the web's single hyphen, which opens list items as
        // often as remarks.)
        !opening.starts_with("- ") && after_speech_dash(opening).is_some()
    }

    /// True when the paragraph starts in lower case or uses a lower-case "i"
    /// as a pronoun.
    fn is_casual(&mut self) -> bool {
        let text = self.text;
        *self.casual.get_or_insert_with(|| {
            let first = text.chars().find(|c| c.is_alphabetic());
            first.is_some_and(char::is_lowercase)
                || text
                    .split_whitespace()
                    .any(|w| w == "i" || w.starts_with("i'") || w.starts_with("i’"))
        })
    }

    /// Whether the paragraph is written in capitals: a heading, a clause of
    /// a contract, a telegram. At most one cased letter in fifty is lower
    /// case ("5 mm", "iPhone").
    fn is_in_capitals(&mut self) -> bool {
        let text = self.text;
        *self.capitals.get_or_insert_with(|| {
            let (mut upper, mut lower) = (0usize, 0usize);
            for c in text.chars() {
                upper += usize::from(c.is_uppercase());
                lower += usize::from(c.is_lowercase());
            }
            upper >= 8 && lower * 50 <= upper + lower
        })
    }

    /// Whether `next`, a word in capitals, is a common sentence opener
    /// written so ("THE" is "The", "ОН" is "Он") that seldom joins words
    /// inside a sentence (not "AND", "В", "HAD").
    fn opener_in_capitals(&mut self, next: &Next) -> bool {
        !next.word_has_stop
            && write_capitalised(next.word, &mut self.lower)
            && self.rules.starters.contains(&self.lower)
            && !self.rules.joining_openers.contains(&self.lower)
    }

    /// `word` has no lower-case letter and the paragraph is written in
    /// capitals ([`Scanner::is_in_capitals`]).
    fn in_capitals(&mut self, word: &str) -> bool {
        !word.chars().any(char::is_lowercase) && self.is_in_capitals()
    }

    /// `next` is a number sign and its number: "No. 5", "nos. 3–4".
    fn number_sign_next(&mut self, next: &Next) -> bool {
        self.abbreviation_and_number_next(next, Kind::NumberSign)
    }

    /// `next` is an abbreviation of `kind` and its number: "No. 5", "Оп. 10".
    fn abbreviation_and_number_next(&mut self, next: &Next, kind: Kind) -> bool {
        next.after_stop().is_some_and(starts_with_digit)
            && self.rules.abbreviations.kind(next.word, &mut self.lower) == Some(kind)
    }

    /// Where the run of emoji that starts at byte `i` ends.
    fn emoji_run_end(&self, i: usize) -> usize {
        self.text[i..]
            .char_indices()
            .find(|&(_, c)| !is_emoji(c))
            .map_or(self.text.len(), |(at, _)| i + at)
    }

    /// Skips spaces up to the last U+2800 blank after `j`, if there is one.
    fn skip_spacers(&self, j: usize) -> usize {
        let mut end = j;
        for (at, c) in self.text[j..].char_indices() {
            if c == '\u{2800}' {
                end = j + at + c.len_utf8();
            } else if !c.is_whitespace() {
                break;
            }
        }
        end
    }

    /// Where a quote standing alone at byte `j`, after a sentence's mark and
    /// its closers, with a space on each side, ends, when it closes the
    /// sentence: a closing quote closes an outer quotation (`said, “The king
    /// says, ‘Is it peace?’ ” Jehu said`), which may have opened sentences
    /// before; a straight one ("' A cleric said so. ' And then", "'Is it
    /// peace?' \" Jehu") only a quotation the text left open. An opening quote
    /// is written against the word it opens.
    fn lone_closing_quote(&self, j: usize) -> Option<usize> {
        const CLOSERS: [char; 5] = ['"', '\'', '”', '’', '»'];
        let rest = &self.text[j..];
        let trimmed = rest.trim_start();
        let after = trimmed.trim_start_matches(CLOSERS);
        let quotes = &trimmed[..trimmed.len() - after.len()];
        let closes = match quotes.chars().next() {
            Some(q @ ('"' | '\'')) => self.quotation_open(j, q),
            first => first.is_some(),
        };
        let lone = (1..=3).contains(&quotes.chars().count())
            && trimmed.len() < rest.len()
            && after.chars().next().is_none_or(char::is_whitespace);
        (lone && closes).then(|| j + rest.len() - after.len())
    }

    /// Skips reference marks such as "[6]" or "[17][18]" after a sentence end.
    fn skip_references(&self, j: usize) -> usize {
        let mut end = j;
        let mut at = j;
        loop {
            let rest = &self.text[at..];
            let trimmed = rest.trim_start();
            let Some(inner) = trimmed.strip_prefix('[') else {
                return end;
            };
            // No need to look past the longest mark for its end.
            let Some(close) = inner
                .bytes()
                .take(REFERENCE_BYTES + 1)
                .position(|b| b == b']')
            else {
                return end;
            };
            let body = &inner[..close];
            if body.is_empty()
                || body.len() > REFERENCE_BYTES
                || !body
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ',' | '–' | '-' | ' '))
            {
                return end;
            }
            at += rest.len() - trimmed.len() + 1 + close + 1;
            if !self.char_at(at).is_none_or(char::is_whitespace) {
                return end;
            }
            end = at;
        }
    }

    /// Decides whether the full stop at byte `i` ends the sentence, given
    /// that what follows it is not lower case.
    fn full_stop_ends(&mut self, i: usize, next: &Next) -> bool {
        let text = self.text;
        let rules = self.rules;
        let start = self.word_start(i).max(self.sentence_start);
        let word = text[start..i].trim_start_matches(is_opener);
        if word.is_empty() {
            return true;
        }
        if next.dashed && self.names_in_brackets(i) {
            return false;
        }
        // "GERALD. I'm always late.": a speaker's name opening a turn of a
        // play stays with the turn's first sentence.
        if self.speaker_label(i, next) {
            return false;
        }
        // "…преданного Вам Н. Д. P. S. Кланяйтесь…": a postscript opens a
        // sentence, after initials too,
        if ["P.S.", "P. S.", "P.P.S.", "PS:", "P.S:"]
            .iter()
            .any(|mark| next.rest.starts_with(mark))
            && !next.quoted
        {
            return true;
        }
        // and its label stays with its first sentence, as a speaker's does.
        if matches!(word, "P.S" | "P.P.S")
            || word == "S" && matches!(self.previous_word(start), Some("P." | "P.P."))
        {
            return false;
        }
        // «Голос. Дети», «Гагарин. Первый в космосе»: a title in guillemets.
        if self.open_guillemets > 0 && self.inside_title(i) {
            return false;
        }
        // "2. Nf3", "14. Сd3", "8. 0-0": a move's number.
        if !next.quoted && self.numbered_move(i, text.len() - next.rest.len()) {
            return false;
        }
        // "Jan.–Mar. 2021", "Mon.-Fri. 9 a.m.", "янв.–февр.": a range of two
        // abbreviations ends as its second would.
        let (word, range_first) = match word.rfind(is_dash) {
            Some(dash)
                if dash > 1
                    && word[..dash].ends_with('.')
                    && rules
                        .abbreviations
                        .kind(&word[..dash - 1], &mut self.lower)
                        .is_some() =>
            {
                let second = dash + word[dash..].chars().next().map_or(1, char::len_utf8);
                (&word[second..], Some(&word[..dash - 1]))
            }
            _ => (word, None),
        };
        if word.is_empty() {
            return true;
        }
        // "-v.", "--all.": a command-line option, not an abbreviation ("v.",
        // "all."), ends like any word ("игнорируются -u и -v. Параметр…").
        let opened = &text[start..i - word.len()];
        if opened.ends_with('-')
            && opened.chars().all(is_opener)
            && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return true;
        }
        // "(Ин. 3:16)", "(MS Add. 4892)": no sentence is a number alone and
        // the bracket that closes after it.
        if self.open_parens > 0
            && next.is_digit()
            && !next.bracketed
            && !next.quoted
            && !next.dashed
            && next.rest[leading_number(next.rest).len()..].starts_with(')')
        {
            return false;
        }
        // "Там же. С. 12.", "Указ. соч. Т. 1. С. 204–205", "ГАРФ. Ф. 5446": a
        // capital letter and its number, a page, a volume or a file, goes on
        // the reference before it (no name has a number for its surname);
        // not a telephone number, which an advert's "Т." labels ("погреб. Т.
        // 8-912-345-67-89"). So does a capital letter, a comma and a year,
        // the place and the year of a publication ("(в 2 т. М., 2015)",
        // "…русского народа. М., 1862"), unlike a catalogue's "Х., м." after
        // a date (canvas, oil).
        let lettered = next.word_has_stop && next.is_upper() && !next.quoted && !next.dashed;
        if let Some(after) = next.after_stop().filter(|_| lettered) {
            if after
                .strip_prefix(',')
                .is_some_and(|year| starts_with_digit(year.trim_start()))
            {
                return false;
            }
            let number = leading_number(after);
            let mut parts = number.split(['-', '–']);
            let short = |part: Option<&str>| {
                part.is_none_or(|p| p.bytes().filter(u8::is_ascii_digit).count() <= 5)
            };
            if starts_with_digit(number)
                && short(parts.next())
                && short(parts.next())
                && parts.next().is_none()
            {
                return false;
            }
        }
        // "ЦГА Москвы. Ф. 51. Оп. 10. Д. 1243": after the number of such a
        // reference, the next one goes on too when it is a numbered
        // abbreviation written with a capital ("Оп. 10").
        if is_number(word)
            && next.is_upper()
            && !next.quoted
            && !next.dashed
            && self.abbreviation_and_number_next(next, Kind::Numbered)
            && self
                .previous_word(start)
                .and_then(letter_and_stop)
                .is_some_and(char::is_uppercase)
        {
            return false;
        }
        // "Ps. 23. 1–4", "Cf. Ps. 46. 10": a chapter's number after a book of
        // the Bible cut short, and the verse after it (not a listed
        // abbreviation's number: "see Fig. 5. 10 samples were…").
        if is_number(word) && next.is_digit() && !next.quoted && !next.bracketed {
            let book = self.previous_word(start).and_then(|p| p.strip_suffix('.'));
            if book.is_some_and(|b| {
                is_capitalised_short(b, 4) && rules.abbreviations.kind(b, &mut self.lower).is_none()
            }) {
                return false;
            }
        }
        // In a paragraph written in capitals a capital says nothing: a common
        // sentence opener is read as it would be written ("THE" as "The"),
        // and one that joins as often ("И", "AND") is no sign.
        let in_capitals = !next.word.chars().any(char::is_lowercase) && self.in_capitals(word);
        let starter = next.quoted && !next.bracketed
            || if in_capitals {
                self.opener_in_capitals(next)
            } else {
                next.is_starter(&rules.starters)
            };
        // Only spaces, bullets or dashes before the word: "• 9. The first item".
        let first_in_sentence = text[self.sentence_start..start]
            .chars()
            .all(|c| c.is_whitespace() || is_bullet(c) || is_dash(c));
        let previous = self.previous_word(start);

        // Roman list markers: "i. Read it ii. Sign it", "I. Scope II. Terms".
        if let Some(value) = roman_item_number(word) {
            if first_in_sentence {
                self.last_roman = Some(value);
            } else if self.last_roman.is_some_and(|last| value == last + 1) && next.is_upper() {
                self.last_roman = Some(value);
                self.cut(start);
                return false;
            }
        }
        // An initial ("V. Putin", "С. В. Лавров") or initials without spaces
        // ("С.В. Лавров", "J.R.R. Tolkien", "Х.-Г. Гадамер"): the name goes on
        // unless a common sentence opener follows.
        let initials = word.split('.').all(|part| {
            let mut chars = part.strip_prefix('-').unwrap_or(part).chars();
            chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
        });
        // A list marker may open a sentence or follow the colon that
        // announces the list: "Steps: a. Mix b. Bake".
        let before = text[self.sentence_start..start].trim_end();
        let after_colon = before.ends_with(':');
        // ("Т.Е." in capitals is "т.е.", no initials.)
        let listed = if in_capitals {
            rules.abbreviations.kind(word, &mut self.lower)
        } else {
            rules.abbreviations.exact_kind(word)
        };
        if initials && listed.is_none() {
            // Capital letters numbering items: "A. Scope B. Terms C. Payment".
            // The list starts at "A"; a letter after a comma, after "and" or
            // right after another initial belongs to names ("A. Smith, B. Jones",
            // "A. B. Smith").
            if let [c] = word.as_bytes()
                && c.is_ascii_uppercase()
                && next.is_upper()
                && let Some(value) = item_number(&word.to_ascii_lowercase())
            {
                if value == 1 && (first_in_sentence || after_colon) {
                    self.last_item.set(word, 1);
                    return false;
                }
                let runs_on = before.ends_with([',', ';'])
                    || previous.is_some_and(|p| {
                        p.ends_with('.') && p.chars().filter(|c| c.is_alphabetic()).count() == 1
                            || rules.function_words.contains(p, &mut self.lower)
                    });
                if self.last_item.follows(word, value) && !runs_on {
                    self.last_item.set(word, value);
                    self.cut(start);
                    return false;
                }
            }
            // One capital opening a sentence labels what follows: a numbered
            // heading ("IV. Results"), a speaker in a transcript ("Q. Did
            // you see him? A. No."); it is no sentence of its own.
            let heading = first_in_sentence
                && (is_roman(word) || word.chars().count() == 1)
                && next.is_upper();
            // After a surname the initials complete the name ("писал Блок
            // А. А. Стихи…"): an ordinary word of the text opens a sentence.
            if self.after_title(start) {
                return false;
            }
            let named = self.after_surname(start)
                && (self.common_word_next(next) || self.postposed_initials_end(start, next))
                && !title_and_record(next.rest);
            return !heading && (starter || named || self.part_letter_ends(word, previous, next));
        }

        // A list marker opening the sentence: "1. Scope", "§2. Terms", "a. First";
        // the next marker in the paragraph opens the next item: "1. One 2. Two".
        if let Some(value) = item_number(word) {
            // The list a colon announces starts at one: "is: 6. But" is no item.
            // An item quoted whole is one at any number ("в новой редакции:
            // «3. Заместителю командира…»").
            let quoted_item = text[start..i].starts_with('«');
            if first_in_sentence || quoted_item || after_colon && value == 1 && next.is_upper() {
                self.last_item.set(word, value);
                return false;
            }
            // "1. … указанным в ч. 1 ст. 2. Иные…": the number of a
            // reference ("ст.", "No.") is no item of the list.
            let referenced = previous.is_some_and(|p| {
                p == "№"
                    || p.strip_suffix('.').is_some_and(|bare| {
                        matches!(
                            rules.abbreviations.kind(bare, &mut self.lower),
                            Some(Kind::Numbered | Kind::NumberSign)
                        )
                    })
            });
            if self.last_item.follows(word, value) && next.is_upper() && !referenced {
                self.last_item.set(word, value);
                self.cut(start);
                return false;
            }
        }
        // A word in capitals matches a lower-case entry only in text written in
        // capitals ("ARGUMENT OF GEN. SMITH"), not an acronym ("known as ED. It").
        let shouting = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        // In a paragraph written in capitals it matches an entry written with
        // a capital as well ("ON JAN. 13": "JAN" is "Jan"; "SEE SEC. 4").
        let exact_only = shouting(word) && !shouting(next.word) && !in_capitals;
        // Two-word abbreviations first: "т. д.", "et al."; a pair is judged
        // from its first word on ("0,5 п. п.", "в 988 г. н. э.").
        let (mut start, mut previous) = (start, previous);
        let kind = if exact_only {
            rules.abbreviations.exact_kind(word).or_else(|| {
                // Before a number a word in capitals is the reference it
                // spells, as patents and statutes write them ("FIG. 3",
                // "SEC. 4"), not an acronym.
                if !next.is_digit() {
                    return None;
                }
                let abbreviations = &rules.abbreviations;
                let kind = abbreviations
                    .kind(word, &mut self.lower)
                    .or_else(|| abbreviations.capitalised_kind(word, &mut self.lower));
                kind.filter(|kind| matches!(kind, Kind::Numbered | Kind::NumberSign))
            })
        } else {
            let pair = previous
                .filter(|p| p.len() + word.len() < 24)
                .and_then(|p| {
                    let pair = format!("{} {word}", p.trim_start_matches(is_opener));
                    rules.abbreviations.kind(&pair, &mut self.lower)
                });
            if let (Some(_), Some(p)) = (pair, previous) {
                start = text[..start].trim_end().len() - p.len();
                previous = self.previous_word(start);
            }
            pair.or_else(|| rules.abbreviations.kind(word, &mut self.lower))
                .or_else(|| {
                    // "вице-адм.", "контр-адм.", "генерал-лейт.": a rank of four
                    // letters or more joined to a listed title by a hyphen is a
                    // title (not "Co-op.", nor a letter: "Objective-C.").
                    let (_, last) = word.rsplit_once('-').filter(|(rank, last)| {
                        rank.chars().count() >= 4
                            && rank.chars().all(char::is_alphabetic)
                            && last.chars().count() >= 2
                    })?;
                    rules
                        .abbreviations
                        .kind(last, &mut self.lower)
                        .filter(|kind| *kind == Kind::Prefix)
                })
                .or_else(|| {
                    // "(июль–авг. 2023 г.)": a range from a whole word ends in
                    // the abbreviation after its dash.
                    let (first, last) = word.rsplit_once(['–', '—'])?;
                    let whole = !first.is_empty() && first.chars().all(char::is_alphabetic);
                    (whole && last.chars().count() >= 2)
                        .then(|| rules.abbreviations.kind(last, &mut self.lower))?
                })
                .or_else(|| {
                    // The capital that told the abbreviation from the word
                    // ("Ill." from "ill.", "Chap." from "chap.") is lost, so
                    // only the number after it tells ("JAN. 13", "SEC. 4").
                    (in_capitals && next.is_digit())
                        .then(|| rules.abbreviations.capitalised_kind(word, &mut self.lower))?
                })
        };
        // "на Тверской ул. Вечером…": a place type after the adjective that
        // names it ends its phrase; "на ул. Ленина" goes on.
        // A compass point or a code in capitals after it is still the
        // address ("1600 Pennsylvania Ave. NW").
        let capitals_next = !next.word.is_empty() && !next.word.chars().any(char::is_lowercase);
        let kind = kind.map(|kind| match kind {
            Kind::Place if previous.is_some_and(names_a_place) && !capitals_next => Kind::Terminal,
            Kind::Place => Kind::Prefix,
            kind => kind,
        });
        if let Some(kind) = kind {
            // "Jan. – Mar. 2021", "Mon. - Fri.": a dash between two days or
            // months written short makes a range, as without spaces; and a
            // dash between such a day and a number gives its hours ("пн.,
            // пт. — 18.00–19.30", "Sat. – 9 a.m. to noon").
            if next.dashed
                && (next.is_digit() || next.rest[next.word.len()..].starts_with('.'))
                && self.is_date_name(word)
                && (next.is_digit() || self.is_date_name(next.word))
            {
                return false;
            }
            // "от 01.02.2023 г. № 15-ФЗ", "д. № 7": an abbreviation before a
            // number sign is followed by the number it introduces.
            if next.first == Some('№') {
                return false;
            }
            // In capitals the next word's capital is no sign of a new
            // sentence: the abbreviation ends one only before a common opener
            // ("ETC. THE", not "ETC. RARELY"), as it would before lower case.
            // (A sign without its number is the plain word: "SHE SAID NO.")
            let signs = matches!(kind, Kind::Prefix | Kind::Numbered | Kind::NumberSign);
            if in_capitals && !signs && !starter && !next.is_digit() {
                return false;
            }
            let before_number = next.is_digit() && (next.dashed || next.bracketed);
            // "2021 г.", "XX в.", "5 млн руб.", "5 млн. руб." (but not "в г. Москве").
            // A one-letter unit is also a kind of place ("г." city, "с." village,
            // "д." house): after a number and a comma it is that, as in an
            // address ("125009, г. Москва"), not the number's unit.
            let place = word.chars().count() == 1;
            // A unit counts after an ordinal too ("in the 89th min. Fans").
            let ordinal_unit = kind == Kind::Unit;
            // The second unit of a rate after a quantity and its unit counts
            // as the quantity's ("300 руб. за кг. Скидок", "50 mi. per hr.
            // Police"), and so does the unit of a count per time ("ЧДД 22 в
            // мин. Живот мягкий", "80 per min. No murmurs"); not a one-letter
            // one, a place as often ("за г.").
            let rate = !place
                && matches!(kind, Kind::Unit | Kind::Numeric)
                && previous.is_some_and(|p| {
                    let at = text[..start].trim_end().len() - p.len();
                    matches!(p, "per" | "на" | "за") && self.after_quantity_and_unit(at)
                        || matches!(p, "per" | "в")
                            && self
                                .previous_word(at)
                                .is_some_and(|q| is_quantity(q.trim_end_matches(',')))
                });
            let before_unit = &text[self.sentence_start..start];
            // "80 µm min. Measurements…": a unit after a quantity and its own
            // unit, a symbol of three letters at most and no function word
            // ("£312.50 for St. Mungo's"), closes the quantity too; an
            // ambiguous abbreviation there closes it before a capital ("0.02
            // mm max. Gauges…"). Read only where one of the two asks.
            let second_unit = (kind == Kind::Unit
                || kind == Kind::Ambiguous && next.is_upper() && !next.bracketed)
                && previous.is_some_and(|p| {
                    let bare = p.strip_suffix('.').unwrap_or(p);
                    bare.chars().count() <= 3
                        && !rules.function_words.contains(bare, &mut self.lower)
                })
                && self.after_quantity_and_unit(start);
            // "коэффициента 2,0 (см. Приложение 3)": a bracket between the
            // number and the word parts them.
            let parted =
                text[self.word_start(i).max(self.sentence_start)..].starts_with(['(', '[']);
            let after_number = |lower: &mut String| {
                !parted
                    && (rate
                        || ordinal_unit && second_unit
                        || amount_in_words_before(before_unit)
                        || previous.is_some_and(|p| {
                            if place && p.ends_with([',', ';', ':']) {
                                return false;
                            }
                            let bare = p.strip_suffix('.').unwrap_or(p);
                            let unit = p.ends_with('.') || bare.chars().count() >= 3;
                            // "10 a.m.–4 p.m.", "9 ч.–18 ч.": a range glued by its
                            // dash ends in the quantity.
                            let last = bare.rsplit_once(['–', '—']).map_or(bare, |(_, last)| last);
                            is_quantity(last)
                                || is_roman_or_range(bare)
                                || ordinal_unit && is_ordinal(bare)
                                // "1,100 sq. ft. Gas CH": a unit of a unit counts too.
                                || unit
                                    && matches!(
                                        rules.abbreviations.kind(bare, lower),
                                        Some(Kind::Numeric | Kind::Unit)
                                    )
                        }))
            };
            // "…поговорить о нем.⏎Воспользовавшись…": in a text whose lines
            // are paragraphs, an abbreviation that may end a sentence ends it
            // at the end of its line.
            let gap = &text[i + 1..text.len() - next.rest.len()];
            if kind != Kind::Prefix && gap.contains('\n') && next.is_upper() && !self.is_wrapped() {
                return true;
            }
            // "3 lbs. Shipping": a unit after a number is as "5 млн руб.".
            let kind = match kind {
                Kind::Unit if after_number(&mut self.lower) => Kind::Numeric,
                Kind::Unit => Kind::Ambiguous,
                kind => kind,
            };
            return match kind {
                // (Place types and units were resolved above into the kinds
                // they behave as.)
                Kind::Prefix | Kind::Place | Kind::Unit => false,
                // "В I в. н. э. Рим был…": an era after a date phrase that
                // opens the sentence belongs to it, as the year does.
                Kind::Terminal => {
                    // An era or "с.г." closes a date ("988 г. н. э.", "17 июля
                    // с.г."): like the year, it goes on after a date phrase
                    // that opens the sentence ("В мае с.г. Россия провела…").
                    let after_month =
                        previous.is_some_and(|p| self.is_date_name(p.trim_end_matches(',')));
                    let numbered = after_number(&mut self.lower)
                        || self.date_before_preposition(start, previous);
                    let dated = after_month || numbered;
                    // "Smith et al. 2019 showed", "around A.D. 529", "ibid. 45":
                    // a number right after is the abbreviation's own, a year or
                    // a page, unless it closed a number of its own ("in 55 B.C.
                    // 300 years later") or the number opens a quotation
                    // ("…Стефен Хилл и др. ``12 злобных зрителей'' -- одна…").
                    let own_number = next.is_digit() && !next.quoted && !numbered;
                    !before_number
                        && !own_number
                        && !next.bracketed
                        && (starter || !dated || !self.date_phrase_before(start, !after_month))
                }
                // "Harland Ltd. (Co. No. 04418220)": a capitalised one before a
                // number sign and its number names what is numbered.
                Kind::Ambiguous
                    if word.starts_with(char::is_uppercase) && self.number_sign_next(next) =>
                {
                    false
                }
                // "0.02 mm max. Gauges…", "3 kg approx. Shipping…": after a
                // quantity and its unit it closes the quantity, as a unit does.
                Kind::Ambiguous => {
                    starter
                        || second_unit
                        || self.common_word_next(next)
                        || self.label_next(next)
                        || self.month_ends_phrase(start, word, previous, next)
                        || self.date_range_ends(start, word, range_first, previous, next)
                }
                // "No. Keys?": alone in its sentence, "No." is the word no.
                // A code is a number too ("инв. Ж-4047", "inv. no. WA1949.23").
                // After its own number it closes that number as a unit does
                // ("ДН II ст. Сопутствующий…", "до 3 112,45 п. Индекс РТС…");
                // not after a number a comma closes ("1973, vol. II"), nor
                // written with a capital, as no unit is ("The 2015 Ch. Margaux").
                // A capital letter alone is a figure's or a part's label, as a
                // number is ("(Fig. A)", "Fig. C shows", "см. рис. А. Это…"),
                // unless it is a word that opens sentences, a space after it
                // ("4-й ст. В 1905 г. Руднев…").
                Kind::Numbered => {
                    // "в ст. «Что такое обломовщина?»", "на ст. «Маяковская»",
                    // "в разд. «Введение»": a title in guillemets names what
                    // is numbered.
                    let titled = gap.contains('«');
                    let label = next.word.chars().count() == 1
                        && (next.word_has_stop
                            || !next.rest[next.word.len()..].starts_with(' ')
                            || !next.is_starter(&rules.starters));
                    !next.is_digit()
                        && !next.is_code()
                        && !label
                        && !titled
                        && (starter
                            || first_in_sentence
                            || next.is_upper()
                                && !next.bracketed
                                && !is_roman(next.word)
                                && !previous.is_some_and(|p| p.ends_with(','))
                                && (in_capitals || !word.starts_with(char::is_uppercase))
                                && after_number(&mut self.lower))
                }
                // Without its number ("Oh no. Rain fell") it is the plain word.
                // Before another sign and its number it goes with them
                // ("Cat. No. 3516").
                Kind::NumberSign => {
                    !next.is_digit()
                        && !next.is_code()
                        && !self.abbreviation_and_number_next(next, Kind::NumberSign)
                        && (starter || next.is_upper() && !is_roman(next.word))
                }
                Kind::Numeric => {
                    // "Марка СССР 1961 г. «Первый полёт…»", "закон от 27.07.2006 г.
                    // «Об информации…»": a title in guillemets after a year
                    // names what that year dates; and a name in the
                    // instrumental case did what it dates ("покорен в 1933 г.
                    // Е. М. Абалаковым").
                    let titled = matches!(word, "г" | "гг")
                        && (gap.contains('«') || next.word_has_stop && agent_initials(next.rest));
                    // "д. 5, кв. 12": before a number the unit is a numbered one.
                    !next.is_digit()
                        && !titled
                        && after_number(&mut self.lower)
                        && !next.bracketed
                        && !next.dashed
                        // "5 млн долл. США": an acronym after a unit qualifies it;
                        // a run of words in capitals is a sentence shouted
                        // ("in 28 min. TWENTY EIGHT MINUTES.").
                        && (next.word.chars().count() < 2
                            || !shouting(next.word)
                            || starter
                            || next.shouted_run())
                        // "at 9 a.m. Monday": a day or a month after a clock time or
                        // a year is part of the same date.
                        && !self.is_date_name(next.word)
                        // "at 3 p.m. Moscow time": and so is its time zone.
                        && (starter || !next.is_time_zone())
                        // "В 2023 г. Москва приняла…": a date phrase opening the
                        // sentence is followed by the rest of its clause.
                        && (starter || !self.opens_with_date_phrase(start))
                }
            };
        }
        // "в ауд. 305": a word cut short before a number.
        if self.cut_short(word, next) {
            return false;
        }
        // "in Sch. 2", "Tbl. 4", "гл. 3": a word without a vowel is cut
        // short, and before a number that number is its own; not a unit
        // after a quantity, which may end the sentence ("after 10 km. 5 ran").
        if next.is_digit()
            && !next.dashed
            && is_vowelless(word)
            && !previous.is_some_and(|p| is_quantity(p.trim_end_matches(',')))
        {
            return false;
        }
        // "U.S. Pat. No. 7,123,456", "Ser. No. 12/345", "в районе шк. № 12": a
        // short word cut before a number sign and its number names what is
        // numbered; before "No." a capitalised one ("sold 500 units. No. 5
        // was…"), and not a unit ("1,024 km². Pop. 48,300").
        let short = word.chars().count() <= 5 && word.chars().all(char::is_alphabetic);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if short && (next.first == Some('№') || capitalised && self.number_sign_next(next)) {
            return false;
        }
        // "(Московские ведомости. 1903. № 214. С. 4)": in a reference, the
        // year's full stop parts it from the issue's number.
        if is_number(word)
            && next.first == Some('№')
            && starts_with_digit(next.rest['№'.len_utf8()..].trim_start())
        {
            return false;
        }
        // "Compare Isa. 40:31 with…", "см. Мф. 5:3": a book cut short before
        // its chapter and verse.
        if is_capitalised_short(word, 4) && is_chapter_and_verse(leading_number(next.rest)) {
            return false;
        }
        // "Hom. Il. 1.1", "Diog. Laert. 9.61", "(Arist. Eth. Nic. 1094a1–3)",
        // "(Ep. 47 is typical)", "(Апол. 21d)": an author and a work cut short
        // before the place cited in them. Outside brackets one such word may
        // close a sentence before a number ("…in Rome. 1492 saw…"), so it
        // takes two of them in a row.
        if is_work_part(word) && !next.quoted && !next.dashed {
            let chained = previous.is_some_and(|p| {
                p.trim_start_matches(is_opener)
                    .strip_suffix('.')
                    .is_some_and(is_work_part)
            });
            // Before a work cut short that the lists do not know ("Il.", not
            // "Fig." or "Vol.", which open sentences), and not after a word
            // that ends as no cut word does ("в Европе. Дл. 3530 км").
            let work_next = cites_place(next.rest).is_some_and(|work| {
                rules.abbreviations.kind(work, &mut self.lower).is_none()
                    && !rules.word_endings.ends_whole(word)
            });
            if next.is_digit() && (self.open_parens > 0 || chained) || work_next {
                return false;
            }
        }
        // "1s. 6d.", "5ft. 6in.": a measure in two units, each glued to its
        // number.
        if is_glued_measure(word)
            && is_glued_measure(first_token(next.rest).trim_end_matches(['.', ',', ';']))
        {
            return false;
        }
        // "dated 4th. March, 1819": an ordinal and its month, as old letters
        // write them.
        if is_ordinal(word) && self.is_date_name(next.word) {
            let after = next.rest[next.word.len()..]
                .trim_start_matches(',')
                .trim_start();
            if starts_with_digit(after) {
                return false;
            }
        }
        // "во II пол. XIX в.", "в кон. XX в.", "во II пол. 2024 г.": a short
        // word cut before the century or the year it qualifies.
        let short_lower = word.chars().count() <= 4 && word.chars().all(char::is_lowercase);
        if short_lower && qualified_date(next.rest) {
            return false;
        }
        let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        let marker = is_number(word) && word.len() <= 4 || single_letter || is_roman(word);
        if first_in_sentence && marker {
            return false;
        }
        // "physicist: b. Leeds 1932; m. 1958 Margaret Holt; d. London 2019":
        // a lone lower-case letter that opens a clause is no sentence of its
        // own but a word cut short (born, died) or an item's letter, and
        // ends its sentence only before a common opener ("Answer: b. The…");
        // not a word of one letter ("Он отвечал: я. Исаак сказал").
        if single_letter
            && word.chars().all(char::is_lowercase)
            && (after_colon || before.ends_with([';', '(']))
            && !rules.function_words.contains(word, &mut self.lower)
        {
            return starter || self.common_word_next(next);
        }
        // "д. 5, к. 2", "p. 5": a lower-case letter with a full stop before a
        // number numbers it (a sentence seldom ends in a lone letter).
        if single_letter && word.chars().all(char::is_lowercase) && next.is_digit() && !next.dashed
        {
            return false;
        }
        // Dotted letters not in the list ("a.s.a.p"): like an abbreviation;
        // in lower case after a quantity, like its unit ("27,400 g.r.t. Two of
        // the escorts…").
        if word.contains('.')
            && word.split('.').all(|p| {
                !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)
            })
        {
            let unit = !word.chars().any(char::is_uppercase)
                && next.is_upper()
                && !next.bracketed
                && previous.is_some_and(|p| is_quantity(p.trim_end_matches(',')));
            return starter || unit || self.common_word_next(next);
        }
        // "хирург — к. м. н. Иванов": such letters written with spaces, as
        // "т. е." is.
        if single_letter
            && word.chars().all(char::is_lowercase)
            && previous
                .and_then(letter_and_stop)
                .is_some_and(char::is_lowercase)
        {
            return starter || self.common_word_next(next);
        }
        // A short word this text writes as an abbreviation elsewhere ("approx. five").
        if word.chars().count() <= 5
            && word.chars().all(char::is_alphabetic)
            && self.evidence.is_abbreviation(word)
        {
            return starter || self.common_word_next(next);
        }
        true
    }

    /// The capitalised word after a full stop is an ordinary word of this
    /// text (seen in lower case, never capitalised inside a sentence), so
    /// it opens a sentence.
    fn common_word_next(&self, next: &Next) -> bool {
        next.is_upper()
            && !next.word_has_stop
            && next.word.chars().count() >= 2
            && self.evidence.is_common_word(next.word)
    }

    /// The word after a full stop is an abbreviation listed in lower case,
    /// written here with a capital, that stands before a number or is a
    /// unit ("Ht. 2 m", "Cat. £110"): a label that opens its own sentence
    /// ("from June to Sept. Ht. approx. 1.2 m"); not a company's form
    /// ("Smith & Co. Ltd. has…") or a title ("Det. Insp.").
    fn label_next(&mut self, next: &Next) -> bool {
        let abbreviations = &self.rules.abbreviations;
        next.is_upper()
            && next.word.chars().count() >= 2
            && next.word.chars().any(char::is_lowercase)
            // Its value follows it, not a word ("Max. No. of items"; "Ht.
            // approx. 1.2 m" is a label).
            && next.after_stop().is_some_and(|value| {
                !starts_lower(value) || first_word(value, LONGEST_WORD).ends_with('.')
            })
            && abbreviations.exact_kind(next.word).is_none()
            && abbreviations
                .kind(next.word, &mut self.lower)
                .is_some_and(|kind| matches!(kind, Kind::Numbered | Kind::NumberSign | Kind::Unit))
    }

    /// `word` names a day or a month (a date word that is no preposition,
    /// nor an adverb of time that opens sentences: "Весной", "Вчера").
    fn is_date_name(&mut self, word: &str) -> bool {
        self.rules.date_words.contains(word, &mut self.lower)
            && !self.rules.function_words.contains(word, &mut self.lower)
            && !self.rules.starters.contains(word)
    }

    /// A month or a day written short after a preposition of time, with no
    /// day of the month after it, ends the date phrase ("Prices fell in Oct.
    /// Inflation slowed", "We came on Sat. Traffic was bad", "Были в авг.
    /// Народу много"), unless the phrase opens the sentence ("By Jan. Smith
    /// had left") or the month is a name's ("Jan. Smith" alone).
    fn month_ends_phrase(
        &mut self,
        start: usize,
        word: &str,
        previous: Option<&str>,
        next: &Next,
    ) -> bool {
        const PREPOSITIONS: [&str; 16] = [
            "in", "on", "since", "until", "till", "by", "from", "through", "during", "of", "last",
            "next", "early", "late", "before", "after",
        ];
        const RUSSIAN_PREPOSITIONS: [&str; 16] = [
            "в",
            "во",
            "с",
            "со",
            "до",
            "к",
            "ко",
            "по",
            "от",
            "после",
            "начала",
            "начале",
            "середины",
            "середине",
            "конца",
            "конце",
        ];
        // After the day of the month the short month is a date whatever its
        // case ("встреча 5 янв. Возьмите", "met on 5 Oct. Police", "from 1st
        // Sept. Viewing").
        // A range of days too ("состоится 22–24 апр. Доступ…").
        let one_day = |p: &str| {
            matches!(p.len(), 1 | 2) && p.bytes().all(|b| b.is_ascii_digit()) && p != "0"
                || is_ordinal(p) && p.len() <= 4
        };
        let day = previous.is_some_and(|p| p.split(['–', '-', '—']).all(one_day));
        // Written as a month is inside a sentence: capitalised in English,
        // in lower case in Russian ("in Oct.", "в окт."). Russian orders its
        // words freely, so a surname after the date may be the subject
        // ("Потом в авг. Иванов уехал").
        let first = word.chars().next();
        let russian = first.is_some_and(|c| matches!(c, 'а'..='я' | 'ё'));
        let as_inside = russian || first.is_some_and(char::is_uppercase);
        let subject = russian && is_surname(next.word);
        let after_preposition = previous
            .is_some_and(|p| PREPOSITIONS.contains(&p) || RUSSIAN_PREPOSITIONS.contains(&p))
            && as_inside
            && !subject;
        next.is_upper()
            && !next.is_digit()
            && !next.word_has_stop
            && (after_preposition || day)
            && self.is_date_name(word)
            // "on Sat. March 9", "on Fri. Jan. 12": the date goes on.
            && !self.is_date_name(next.word)
            && !self.date_phrase_before(start, false)
    }

    /// True when everything in the sentence before byte `start` is a short
    /// date or time phrase: numbers, Roman numerals, month names, prepositions
    /// ("В 2023", "С 1 января 2024", "At 7", "In the early XX").
    fn opens_with_date_phrase(&mut self, start: usize) -> bool {
        self.date_phrase_before(start, true)
    }

    /// [`Self::opens_with_date_phrase`], where a month alone may make the
    /// phrase when `need_number` is false ("В июле с.г.").
    fn date_phrase_before(&mut self, start: usize, need_number: bool) -> bool {
        let text = self.text;
        let words = || text[self.sentence_start..start].split_whitespace();
        let mut count = 0;
        for word in words() {
            count += 1;
            let word = word.trim_matches(|c: char| is_opener(c) || is_closer(c) || c == ',');
            // No word of a date is longer than the longest word the rules read
            // back, and a longer one is not read at each mark.
            if word.len() > LONGEST_WORD {
                return false;
            }
            let light = word.is_empty()
                || is_number(word)
                || is_ordinal(word)
                || is_roman_or_range(word)
                // a year or century abbreviation before an era: "В I в. н. э."
                || word.strip_suffix('.').is_some_and(|bare| {
                    self.rules.abbreviations.kind(bare, &mut self.lower) == Some(Kind::Numeric)
                })
                || word.chars().all(is_dash)
                // prepositions and articles: "В", "С", "At", "In the"; not "Вес", "Рост"
                || word.chars().count() <= 3
                    && self.rules.function_words.contains(word, &mut self.lower)
                // a month or a day, whole or written short, or a range of them:
                // "В янв. 2024 г.", "On Sat. at 9 a.m.", "In Jan.–Mar. 2021"
                || word.split(is_dash).all(|part| {
                    let part = part.strip_suffix('.').unwrap_or(part);
                    !part.is_empty() && self.rules.date_words.contains(part, &mut self.lower)
                });
            if !light || count > 8 {
                return false;
            }
        }
        !need_number || words().any(|w| is_number(w) || is_ordinal(w) || is_roman_or_range(w))
    }

    /// `previous`, the word before the era that starts at byte `start`, is a
    /// preposition of up to three letters after a number or a year's
    /// abbreviation: the era closes that date ("Ок. 1450 г. до н. э. Крит
    /// был захвачен…").
    fn date_before_preposition(&mut self, start: usize, previous: Option<&str>) -> bool {
        let Some(word) = previous.filter(|p| p.chars().count() <= 3) else {
            return false;
        };
        if !self.rules.function_words.contains(word, &mut self.lower) {
            return false;
        }
        let at = self.text[..start].trim_end().len() - word.len();
        self.previous_word(at).is_some_and(|date| {
            let bare = date.strip_suffix('.').unwrap_or(date);
            is_quantity(bare)
                || is_roman_or_range(bare)
                || date.ends_with('.')
                    && self.rules.abbreviations.kind(bare, &mut self.lower) == Some(Kind::Numeric)
        })
    }

    /// The initials that end at the word starting at byte `start` follow a
    /// surname in the middle of a sentence: "Блок А. А.", "Лавров С.В.".
    fn after_surname(&self, start: usize) -> bool {
        self.surname_before(start).is_some()
    }

    /// The surname [`Scanner::after_surname`] finds before the initials
    /// that end at the word starting at byte `start`.
    fn surname_before(&self, start: usize) -> Option<&'a str> {
        let (surname, surname_start) = self.word_before_initials(start)?;
        let mut chars = surname.chars();
        let named = chars.next().is_some_and(char::is_uppercase)
            && surname.chars().count() >= 2
            && chars.all(|c| c.is_lowercase() || c == '-')
            && self.previous_word(surname_start).is_some();
        named.then_some(surname)
    }

    /// The initials that end at the word starting at byte `start`, two or
    /// more, follow a title written with a capital ("Mr. A. N. Other"):
    /// whatever word comes next is the name's. (One initial may close a
    /// sentence: "wrote to Mrs. G. She has not answered".)
    fn after_title(&mut self, start: usize) -> bool {
        let initials = self
            .previous_word(start)
            .and_then(letter_and_stop)
            .is_some_and(char::is_uppercase);
        let Some((title, _)) = self.word_before_initials(start).filter(|_| initials) else {
            return false;
        };
        title.starts_with(char::is_uppercase)
            && title.strip_suffix('.').is_some_and(|bare| {
                self.rules.abbreviations.kind(bare, &mut self.lower) == Some(Kind::Prefix)
            })
    }

    /// The word before the initials that end at the word starting at byte
    /// `start`, and where it starts.
    fn word_before_initials(&self, start: usize) -> Option<(&'a str, usize)> {
        let mut at = start;
        // Back over the initials before this one ("А. А."): two at most, as a
        // name has, so that a run of initials is not read once per initial.
        let mut initials = 0;
        while let Some(word) = self.previous_word(at) {
            if !letter_and_stop(word).is_some_and(char::is_uppercase) {
                break;
            }
            initials += 1;
            if initials > 2 {
                return None;
            }
            at = self.text[..at].trim_end().len() - word.len();
        }
        let word = self.previous_word(at)?;
        Some((word, self.text[..at].trim_end().len() - word.len()))
    }

    /// Initials after a Russian surname ("Петров П.П.", "Сидоров А. В.")
    /// complete the name, and a capitalised word after them that is no
    /// surname itself opens a sentence ("Петров П.П. Следующим выступил…"),
    /// where initials before a surname ("С.В. Лавров") go on. Surnames are
    /// known by their endings; a word followed by initials is the next name
    /// of a list ("Петров П.П. Иванов И.И.").
    fn postposed_initials_end(&self, start: usize, next: &Next) -> bool {
        let Some(surname) = self.surname_before(start) else {
            return false;
        };
        let after = next.rest[next.word.len()..].trim_start();
        let initial_after = after.chars().next().is_some_and(char::is_uppercase)
            && after.chars().nth(1) == Some('.');
        is_capitalised_russian(surname)
            && is_surname(surname)
            && next.word.chars().count() >= 2
            && is_capitalised_russian(next.word)
            && !next.word_has_stop
            && !next.bracketed
            && !next.dashed
            && !is_surname(next.word)
            && !initial_after
    }

    /// The two words before the word that starts at `start` are a quantity
    /// and its unit, a word of letters with or without a full stop ("300
    /// руб.", "50 mi.", "5 mg").
    fn after_quantity_and_unit(&self, start: usize) -> bool {
        let Some(unit) = self.previous_word(start) else {
            return false;
        };
        let bare = unit.strip_suffix('.').unwrap_or(unit);
        let unit_start = self.text[..start].trim_end().len() - unit.len();
        !bare.is_empty()
            && bare.chars().all(char::is_alphabetic)
            && self
                .previous_word(unit_start)
                .is_some_and(|q| is_quantity(q.trim_end_matches(',')))
    }

    /// `word` closes a range of days or months written short, glued ("Sat.–Sun.",
    /// `first` is "Sat") or spaced ("Apr. – Oct."): the range is a whole
    /// date and ends its phrase before a capitalised word that is no date
    /// name ("closed Sat.–Sun. Call the hotline", "runs Apr. – Oct. Tickets
    /// sell out"); not before a number or another date name ("Mon.–Fri. 9
    /// a.m.", "Jan.–Mar. 2021"), nor when the range opens the sentence.
    fn date_range_ends(
        &mut self,
        start: usize,
        word: &str,
        first: Option<&str>,
        previous: Option<&str>,
        next: &Next,
    ) -> bool {
        let spaced = || {
            let dash = previous.filter(|p| !p.is_empty() && p.chars().all(is_dash))?;
            let dash_start = self.text[..start].trim_end().len() - dash.len();
            self.previous_word(dash_start)?.strip_suffix('.')
        };
        let Some(first) = first.or_else(spaced) else {
            return false;
        };
        next.is_upper()
            && !next.is_digit()
            && !next.word_has_stop
            && self.is_date_name(word)
            && self.is_date_name(first)
            && !self.is_date_name(next.word)
            // "From Jan.–Mar. Smith led the team": a date phrase opening the
            // sentence is followed by the rest of its clause.
            && !self.date_phrase_before(start, false)
    }

    /// `word`, one capital letter, is the letter of the part that `previous`
    /// names ("in Schedule A. Payment…", "в приложении Б. Оплата…", "в прил. Б.",
    /// "vitamin C. Zinc…"), or a unit or label after a number ("равна 0,5 А.
    /// Определите…", "корпус 5 Б."), or a symbol in another script than the
    /// word after it ("в точке C. Докажите…": a Russian name's initial is
    /// Cyrillic), not an initial, and ends the sentence before a capitalised
    /// word; not before a surname, which the letter may start ("руководитель
    /// группы А. Иванов").
    fn part_letter_ends(&mut self, word: &str, previous: Option<&str>, next: &Next) -> bool {
        let rules = self.rules;
        let lower = &mut self.lower;
        // A word cut short that is written before a number names a part too
        // ("в прил. Б.", "see Fig. A."); not a single letter, which is an
        // initial as often ("P. K. Nair", not page K).
        let part = |p: &str, lower: &mut String| {
            rules.part_words.contains(p, lower)
                || p.strip_suffix('.').is_some_and(|bare| {
                    bare.chars().count() >= 2
                        && rules.abbreviations.kind(bare, lower) == Some(Kind::Numbered)
                })
        };
        let cyrillic = |c: char| ('\u{0400}'..='\u{04FF}').contains(&c);
        let symbol = word
            .chars()
            .next()
            .zip(next.first)
            .is_some_and(|(letter, first)| {
                first.is_alphabetic() && cyrillic(letter) != cyrillic(first)
            });
        // "with an A. Except…": after an indefinite article the letter is a
        // noun, the letter itself.
        let lettered = |p: &str| matches!(p, "a" | "an");
        word.chars().count() == 1
            && (symbol || previous.is_some_and(|p| is_quantity(p) || part(p, lower) || lettered(p)))
            && next.is_upper()
            && next.word.chars().count() >= 2
            && !next.word_has_stop
            && !next.bracketed
            && !is_surname(next.word)
    }

    /// The sentence up to the full stop at `i` is a speaker's label in a
    /// play: one to three capitalised words, the last not cut short
    /// ("GERALD", "MRS. HARTLEY", "Анна Петровна"), and the direction for
    /// how the speaker speaks in brackets, in lower case ("TOM (without
    /// looking up)", "Петя (смеётся)"); a capital or a quotation follows.
    /// In a play ([`Evidence::is_play`]) it is a label anywhere; elsewhere
    /// only with a direction and at the start of a line. No word of it opens
    /// sentences or is written in lower case in the text ("Silence. Nobody
    /// came", "Лучше Ани (так она звала свою девочку). Вот и она").
    fn speaker_label(&mut self, i: usize, next: &Next) -> bool {
        let text = self.text;
        // (Words in capitals after words in capitals are shouted: "ТВАРИ.
        // ОНИ БЛИЗКО".)
        let shouted = next.word.chars().count() >= 2 && !next.word.chars().any(char::is_lowercase);
        if !(next.is_upper() || next.quoted && !next.dashed) || next.bracketed || shouted {
            return false;
        }
        let label = text[self.sentence_start..i]
            .trim_start_matches(|c: char| c.is_whitespace() || is_bullet(c));
        if label.len() > LABEL_CHARS * 4 {
            return false;
        }
        let (name, direction) = match label.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
            Some((name, direction)) => (name, Some(direction)),
            None => (label, None),
        };
        let capitalised = |w: &str| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| is_letter(c) || matches!(c, '-' | '\'' | '’'))
        };
        let (titles, last) = name.rsplit_once(' ').unwrap_or(("", name));
        // (Not a listed abbreviation, which a full stop follows anyway:
        // "Mr. Smith", "Fig. 2".)
        let named = capitalised(last)
            && last.chars().count() >= 2
            && name.split(' ').count() <= 3
            && self
                .rules
                .abbreviations
                .kind(last, &mut self.lower)
                .is_none()
            && (titles.is_empty()
                || titles
                    .split(' ')
                    .all(|w| capitalised(w) || w.strip_suffix('.').is_some_and(capitalised)));
        if !named {
            return false;
        }
        // (The words first: the text's cases are read for other rules too,
        // its play only here.)
        let rules = self.rules;
        if name.split(' ').any(|w| {
            rules.starters.contains(w)
                || rules.function_words.contains(w, &mut self.lower)
                || self.evidence.is_common_word(w)
        }) {
            return false;
        }
        match direction {
            // Outside a play, only where a turn starts, on a line of its own.
            Some(direction) => {
                let before = text[..self.sentence_start].trim_end_matches([' ', '\t']);
                direction.starts_with(is_lower)
                    && !direction.contains(is_terminal)
                    && (before.is_empty() || before.ends_with('\n') || self.in_play())
            }
            None => self.in_play(),
        }
    }

    /// The paragraph belongs to a play ([`Evidence::is_play`]) and is not
    /// written in capitals.
    fn in_play(&mut self) -> bool {
        !self.is_in_capitals() && self.evidence.is_play()
    }

    /// The full stop at `i` closes a short bracket opened after a word of
    /// this sentence ("Москва (Курский вокз.) — Тула-1"): the bracket holds
    /// a word cut short, not a sentence, and a dash after it joins what the
    /// bracket qualified to what follows.
    fn names_in_brackets(&self, i: usize) -> bool {
        let text = self.text;
        if !text[i + 1..].starts_with(')') {
            return false;
        }
        let from =
            floor_char_boundary(text, i.saturating_sub(LABEL_CHARS * 4)).max(self.sentence_start);
        let inside = &text[from..i];
        let Some(open) = inside.rfind('(') else {
            return false;
        };
        let before = text[self.sentence_start..from + open].trim_end();
        !inside[open..].contains(')')
            && before.ends_with(char::is_alphanumeric)
            && text[from + open + 1..i].chars().count() <= LABEL_CHARS
    }

    /// The mark at `i` closes a move number ("14.", "14...") and a chess
    /// move starts at `at` ("14. Nf3", "14...Nd7", "23... Фxd4").
    fn numbered_move(&self, i: usize, at: usize) -> bool {
        let number = self.text[self.word_start(i)..i].trim_start_matches(is_opener);
        (1..=3).contains(&number.len())
            && number.bytes().all(|b| b.is_ascii_digit())
            && is_chess_move(first_token(&self.text[at..]))
    }

    /// The mark at `i` follows a chess move: "Bxh7+!", "14...Nd7?", "Фxd4!?".
    fn after_chess_move(&self, i: usize) -> bool {
        let token = self.text[self.word_start(i)..i].trim_start_matches(is_opener);
        let token = token
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(['.', '…']);
        is_chess_move(token)
    }

    /// The word before the word that starts at `start`, if any in this sentence.
    fn previous_word(&self, start: usize) -> Option<&'a str> {
        let text = self.text;
        let before = text[self.sentence_start..start].trim_end();
        if before.is_empty() {
            return None;
        }
        let end = self.sentence_start + before.len();
        let from = self.word_start(end).max(self.sentence_start);
        Some(&text[from..end])
    }

    /// A line break inside a paragraph: ends a line without a final mark (a
    /// heading, a date line, a list item), unless the text just wraps.
    fn line_break(&mut self, i: usize) -> usize {
        // Where lines are paragraphs, a list numbered inside a line ends with
        // it: "оф. 3." lines later is no third item.
        if !self.is_wrapped() {
            self.last_item = Items::default();
            self.last_roman = None;
        }
        let line_start = self.text[..i].rfind('\n').map_or(0, |p| p + 1);
        let line = self.text[line_start..i].trim_end();
        let Some(last) = line.chars().next_back() else {
            return i + 1;
        };
        let core = line.trim_end_matches(is_closer);
        if core.chars().next_back().is_some_and(is_terminal) {
            return i + 1; // the mark's own rule has decided
        }
        let next = self.next(i + 1);
        let rest = self.text[i + 1..].trim_start();
        let next_is_item = starts_list_item(rest);
        // A line of direct speech opened by a dash, also one typed as two
        // hyphens as plain-text books write it ("…сказал:⏎-- Слушаю-с.").
        let speech_line = self.rules.speech_dash && after_speech_dash(rest).is_some();
        // The text is hard-wrapped and the next word did not fit on this line.
        let full = self.full_line(line, rest);
        let ends = match last {
            // "Dear Anna," on its own line; a list item or a line of speech on
            // the next line of a text whose lines are paragraphs ("— хлеб,⏎—
            // молоко", "-- Ну, так обедать вместе,⏎-- Обедать?").
            ',' | ';' => {
                self.rules
                    .salutations
                    .matches(line.trim_end_matches([',', ';']))
                    || (next_is_item || speech_line) && !full && !self.is_wrapped()
            }
            // "Sergey Lavrov:" on its own line stays with what it introduces;
            // a list after a colon is cut into its items.
            ':' => next_is_item || speech_line,
            c if is_dash(c) => next_is_item,
            // A dash at the start of a wrapped line is a dash, not a bullet.
            _ if next_is_item => !full,
            _ if next.is_lower() => !full && (self.short_lines(line, i + 1) || self.is_verse()),
            _ if self.broken_before_name(line, &next) => false,
            _ => !full && !self.is_wrapped(),
        };
        if ends {
            self.cut(line_start + line.len());
        }
        i + 1
    }

    /// `line` ends where a text hard-wrapped at a width ran out of room
    /// ([`Evidence::wrap_width`]): `rest`, from the next line on, starts with
    /// a word that would not have fitted on it. A wrap, not the end of a unit.
    fn full_line(&self, line: &str, rest: &str) -> bool {
        self.evidence.wrap_width().is_some_and(|width| {
            let first = rest.split_whitespace().next().unwrap_or("");
            is_full(line.trim().chars().count(), first.chars().count(), width)
        })
    }

    /// The line, of four words or more, breaks after a short function word
    /// ("to", "the", "and", "в") before a capitalised word that is no common
    /// sentence opener: a sentence broken across lines before a name or a
    /// title ("moved to\nFriday", "sent to the\nBoard"), as text copied from
    /// a PDF is. Not a short line, which may be a menu item ("Sign in\nRegister").
    fn broken_before_name(&mut self, line: &str, next: &Next) -> bool {
        let last = line.split_whitespace().next_back().unwrap_or("");
        let short_function_word = line.split_whitespace().nth(3).is_some()
            && (1..=3).contains(&last.chars().count())
            && last.chars().all(|c| is_letter(c) && is_lower(c))
            && self.rules.function_words.contains(last, &mut self.lower);
        short_function_word
            && next.is_upper()
            && !next.quoted
            && !next.bracketed
            && !next.is_starter(&self.rules.starters)
    }

    /// A line and the next one, the line after the break at `next_start`, are
    /// both a few words (three, four) without a final mark, and the line does not stop at a
    /// function word: items of a list written in lower case ("menu", "contact
    /// list", "opening hours"), not a sentence broken across lines.
    fn short_lines(&self, line: &str, next_start: usize) -> bool {
        let rest = &self.text[next_start..];
        let next_line = rest[..rest.find('\n').unwrap_or(rest.len())].trim();
        let words = |l: &str| l.split_whitespace().count();
        let last_word = line.split_whitespace().next_back().unwrap_or("");
        words(line) <= 3
            && words(next_line) <= 4
            && last_word.chars().count() > 3
            && !next_line.ends_with(is_terminal)
    }

    /// True when the paragraph is verse or a list, whose every line is a unit
    /// even when the next one starts in lower case: four lines or more, none
    /// longer than [`VERSE_LINE`] characters, at least half of them ending in a
    /// letter (no mark), none but the last ending in a hyphen or a short
    /// function word ("в", "the"), as lines of prose wrapped into a narrow
    /// column do, and no sentence ending inside a line ("…of the region. Most
    /// of them⏎were given"), as prose ends them.
    fn is_verse(&mut self) -> bool {
        let text = self.text;
        let rules = self.rules;
        let lower = &mut self.lower;
        *self.verse.get_or_insert_with(|| {
            let lines: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let Some((_, body)) = lines.split_last() else {
                return false;
            };
            if lines.len() < 4 || lines.iter().any(|l| l.chars().count() > VERSE_LINE) {
                return false;
            }
            let bare = lines
                .iter()
                .filter(|l| l.ends_with(char::is_alphabetic))
                .count();
            let broken = body
                .iter()
                .any(|l| breaks_midway(l, |w| rules.function_words.contains(w, lower)));
            // Prose ends sentences inside its lines ("…of sources. Some of
            // these⏎are listed"); a poem without marks, at the ends of lines.
            let ends_inside = lines.iter().any(|l| {
                l.split_whitespace()
                    .zip(l.split_whitespace().skip(1))
                    .any(|(word, next)| {
                        word.trim_end_matches(is_closer).ends_with(is_terminal)
                            && next
                                .trim_start_matches(is_opener)
                                .chars()
                                .next()
                                .is_some_and(|c| is_letter(c) && !is_lower(c))
                    })
            });
            bare * 2 >= lines.len() && !broken && !ends_inside
        })
    }

    /// True when the paragraph is prose hard-wrapped at a fixed width: its
    /// lines, but the last, are long and of about the same length.
    fn is_wrapped(&mut self) -> bool {
        let text = self.text;
        *self.wrapped.get_or_insert_with(|| {
            let lines: Vec<usize> = text.lines().map(|l| l.trim().chars().count()).collect();
            let Some((_, body)) = lines.split_last() else {
                return false;
            };
            if body.len() < 2 {
                return false;
            }
            let longest = body.iter().copied().max().unwrap_or(0);
            let shortest = body.iter().copied().min().unwrap_or(0);
            shortest >= 30 && shortest * 10 >= longest * 7
        })
    }

    fn open_paren(&mut self, i: usize) -> usize {
        // "((" or ":(" is a sad smiley, not a bracket.
        match self.bytes.get(i + 1) {
            Some(b'(') => {
                let end = i + self.bytes[i..].iter().take_while(|&&b| b == b'(').count();
                self.after_smiley(end)
            }
            _ if self.char_before(i) == Some(':') => self.after_smiley(i + 1),
            Some(b) if b.is_ascii_whitespace() && self.sad_smiley(i) => self.after_smiley(i + 1),
            _ => {
                self.open_parens += 1;
                i + 1
            }
        }
    }

    /// The bracket at byte `i`, glued to a word and with a space after it,
    /// is a sad smiley ("не могу войти( Оператор: …"): it never closes, or
    /// not within [`SPACED_BRACKET_BYTES`], as a bracket typed with a space
    /// inside does ("малюсенькой( 3кг )").
    fn sad_smiley(&mut self, i: usize) -> bool {
        let close = first_byte_from(self.text, i, &mut self.close_paren_search, |b| b == b')');
        self.char_before(i).is_some_and(char::is_alphanumeric)
            && (close == self.text.len() || close - i > SPACED_BRACKET_BYTES)
    }

    /// The full stop at `i` is inside a title in guillemets: a quotation
    /// that a word names ("шоу «Голос. Дети»", "Д/ф «Андрей Миронов. Скажи…»",
    /// "отображается «E4. Засор фильтра»"), that opens with a capital or a
    /// digit, closes within [`TITLE_BYTES`] of the stop with no other mark and
    /// leaves its sentence going on. Speech opens after a colon or a dash, or
    /// opens its sentence; a dash brings its author («Я устал. Пойду», —
    /// сказал он); and a quotation that ends its sentence is one ("окончательным
    /// «Нет. Не является необходимым…»." in the kit's news).
    fn inside_title(&self, i: usize) -> bool {
        let before = tail(&self.text[self.sentence_start..i], TITLE_BYTES);
        let Some(open) = before.rfind('«') else {
            return false;
        };
        let named = before[..open]
            .trim_end_matches(' ')
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '/');
        let after = &self.text[i + 1..];
        let Some(close) = after[..floor_char_boundary(after, TITLE_BYTES)].find('»') else {
            return false;
        };
        let inside = &after[..close];
        let rest = after[close + '»'.len_utf8()..].trim_start_matches([' ', ',']);
        let title = &before[open + '«'.len_utf8()..];
        named
            && title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !title.contains(['»', '.', '!', '?', '…'])
            && !inside.contains(['.', '!', '?', '…', '\n', '«'])
            && !rest.starts_with(|c: char| is_dash(c) || is_terminal(c))
    }

    /// What follows a mark, `next`, opens with a round bracket that closes
    /// within [`SPACED_BRACKET_BYTES`], with no bracket inside, before a comma,
    /// a semicolon, a full stop, lower case or a number: the sentence goes on
    /// after the bracket.
    fn bracket_runs_on(&mut self, next: &Next) -> bool {
        let at = self.text.len() - next.rest.len();
        let opened = self.text[..at].trim_end_matches(|c: char| c != '(' && is_opener(c));
        let close = first_byte_from(self.text, at, &mut self.close_paren_search, |b| b == b')');
        if !opened.ends_with('(')
            || close >= self.text.len()
            || close - at > SPACED_BRACKET_BYTES
            || self.text[at..close].contains('(')
        {
            return false;
        }
        // ("в ст. «Что такое обломовщина?» (1859).": a full stop after the
        // bracket closes the sentence the bracket is part of.)
        let after = self.text[close + 1..].trim_start_matches(' ');
        after.starts_with([',', ';', '.']) || starts_lower(after) || starts_with_digit(after)
    }

    /// A closing bracket; unmatched, or doubled, or after `:` it is a smiley,
    /// which in social media text often ends a sentence: "спасибо))) Завтра".
    fn close_paren(&mut self, i: usize) -> usize {
        let run = self.bytes[i..].iter().take_while(|&&b| b == b')').count();
        let end = i + run;
        let face = matches!(self.char_before(i), Some(':' | ';' | '=' | '-'));
        let text = self.text;
        let start = self.word_start(i);
        let word = &text[start..i];
        if !face && run == 1 && self.open_parens > 0 {
            self.open_parens -= 1;
            // "(i) the buyer pays (ii) the seller delivers": a marker in brackets.
            if let Some(marker) = word.strip_prefix('(')
                && (bracketed_item_number(marker).is_some() || roman_item_number(marker).is_some())
            {
                self.list_marker(marker, start, end);
                return end;
            }
            if self.open_parens == 0 && self.bracketed_label(i) {
                let next = self.next(end);
                if next.is_upper() && !next.word_has_stop {
                    self.cut(end);
                }
            }
            return end;
        }
        // "1)", "a)", "iv)": a list marker, not a smiley.
        let marker = word.chars().count() <= 2 && word.chars().all(|c| c.is_alphanumeric())
            || roman_item_number(word).is_some();
        if marker && !face && run == 1 {
            self.list_marker(word, start, end);
            return end;
        }
        self.open_parens = 0;
        self.after_smiley(end)
    }

    /// A list marker `word` closed by a bracket ("2)", "b)", "(iii)") from byte
    /// `start` to `end`: the next number, letter or Roman numeral after the last one
    /// seen starts an item ("1) Fill it in 2) Sign it", "A) Yes B) No",
    /// "i) red ii) green"), unless the items run on inside one sentence:
    /// after a comma, or after a function word before an item in lower case
    /// ("1) stay, 2) go, or 3) wait", "(a) a survey and (b) a report").
    fn list_marker(&mut self, word: &str, start: usize, end: usize) {
        let letter = match word.as_bytes() {
            [c] if c.is_ascii_uppercase() => item_number(&word.to_ascii_lowercase()),
            _ => None,
        };
        let value = bracketed_item_number(word).or(letter);
        let roman = roman_item_number(word);
        let follows = |last: Option<u32>, value: Option<u32>| {
            value.is_some_and(|v| last.is_some_and(|last| v == last + 1))
        };
        let next_value = value.is_some_and(|v| self.last_item.follows(word, v));
        // A marker that punctuation follows closes its words, not opens an
        // item: "no dump (d), synchronous updates (D), …".
        let closes_words = self
            .char_at(end)
            .is_some_and(|c| matches!(c, ',' | '.' | ';'));
        let next_item = !closes_words && (next_value || follows(self.last_roman, roman));
        let before = self.text[self.sentence_start..start].trim_end();
        let item_end = self.word_end(start);
        let runs_on = before.ends_with([',', ';', ':'])
            || self.next(item_end).is_lower()
                && self.previous_word(start).is_some_and(|p| {
                    p.chars().all(char::is_lowercase)
                        && self.rules.function_words.contains(p, &mut self.lower)
                });
        if next_item && !before.is_empty() && !runs_on {
            self.cut(start);
        }
        // Each numbering keeps its own count, so that a list goes on after
        // a list inside it: "1) … 2) … a) … b) … 3) …".
        if let Some(value) = value {
            self.last_item.set(word, value);
        }
        if roman.is_some() {
            self.last_roman = roman;
        }
    }

    /// The sentence so far is only a bracketed label that closes at byte
    /// `i`: a source or a credit such as "(BBC)", "(New Scientist Space)",
    /// "(Hat Tip: Captains Quarters)", which web news writes before or after a
    /// paragraph as a unit of its own. It starts with a capital, holds no
    /// final mark and is short; "(1)", "(a)" and "(See file: a.pdf)" are no
    /// labels.
    fn bracketed_label(&self, i: usize) -> bool {
        let before = &self.text[self.sentence_start..i];
        let Some(inside) = before.trim_start().strip_prefix('(') else {
            return false;
        };
        // A sentence longer in bytes than a label can be in characters is no
        // label, and is not counted at every bracket it holds.
        if inside.len() > LABEL_CHARS * 4 {
            return false;
        }
        let length = inside.chars().count();
        inside.starts_with(char::is_uppercase)
            && (3..=LABEL_CHARS).contains(&length)
            && !inside.contains(|c: char| is_terminal(c) || matches!(c, '(' | ')'))
    }

    /// The end of a smiley drawn with a letter that starts at the `:` or `;`
    /// at byte `i` and stands as a word of its own: ":D", ":-P", ";p", ":DDD",
    /// ":O", ":3", and the wry ":/" and ":\". Bracket faces go through
    /// `open_paren` and `close_paren`.
    fn letter_face(&self, i: usize) -> Option<usize> {
        if !self.at_word_start(i) {
            return None;
        }
        let rest = &self.bytes[i + 1..];
        let nose = usize::from(rest.first() == Some(&b'-'));
        let mouth = rest[nose..]
            .iter()
            .take_while(|&&b| matches!(b, b'D' | b'P' | b'p' | b'O' | b'3' | b'/' | b'\\'))
            .count();
        let end = i + 1 + nose + mouth;
        let alone = self.bytes.get(end).is_none_or(u8::is_ascii_whitespace);
        (mouth > 0 && alone).then_some(end)
    }

    /// Cuts after a smiley or emoji when a new sentence visibly starts after
    /// it: a capital or a mention. Another emoji after a space belongs to the
    /// same run ("весь день. ☔ 🌧 Завтра"), which its own last emoji closes.
    fn after_smiley(&mut self, end: usize) -> usize {
        if !self.char_at(end).is_some_and(char::is_whitespace) {
            return end;
        }
        let next = self.next(end);
        let starts = next.is_upper() || next.first == Some('@');
        if starts && self.has_letters(end) {
            let at = self.skip_spacers(end);
            self.cut(at);
            return at;
        }
        end
    }

    /// A comma ends a greeting or a sign-off that opens its sentence: "Hi, Can
    /// you...", "Kind regards, John".
    fn comma(&mut self, i: usize) -> usize {
        if i - self.sentence_start > SALUTATION_MAX_BYTES + 8 {
            return i + 1;
        }
        let next = self.next(i + 1);
        // The pronoun "I" is a capital in any sentence: "Hello, I've been…".
        if next.is_upper()
            && next.word != "I"
            && self
                .rules
                .salutations
                .matches(self.text[self.sentence_start..i].trim())
            && !next.is_addressee(self.rules, &mut self.lower)
        {
            self.cut(i + 1);
        }
        i + 1
    }

    /// An address in angle brackets, as e-mail headers write it, ends its
    /// line of the header before a capitalised word: `"Ann"<ann@mail.example>
    /// Groups: …`, `From: Ann <ann@mail.example> Thanks for …`.
    fn angle_close(&mut self, i: usize) -> usize {
        let end = i + 1;
        if !self.char_at(end).is_some_and(char::is_whitespace) {
            return end;
        }
        let word = &self.text[self.word_start(i)..i];
        let address = word.rsplit_once('<').is_some_and(|(_, inside)| {
            inside.contains('@') && !inside.contains(char::is_whitespace)
        });
        if address && self.next(end).is_upper() {
            self.cut(end);
            return end;
        }
        // "<< File: report.doc >>": the note a mail program writes for an
        // attachment is a unit; it ends before a capital or a list item.
        let attachment = self.text[..end].ends_with(">>")
            && self.text[self.sentence_start..i]
                .rfind("<<")
                .is_some_and(|at| !self.text[self.sentence_start + at..i - 1].contains(">>"));
        if attachment {
            let next = self.next(end);
            if next.is_upper() || starts_list_item(self.text[end..].trim_start()) {
                self.cut(end);
            }
        }
        end
    }

    /// "Email: ann@mail.example", "Phone: 814.555.0100", "Web: http://…": a
    /// contact field, a label and one address, number or link, is a unit of
    /// its own: it ends after its value when more text follows on the same
    /// line ("Email: ann@mail.example lol, the news came out weird"), unless
    /// a function word carries the sentence on ("… or call us").
    fn field(&mut self, i: usize) -> usize {
        if let Some(face) = self.letter_face(i) {
            return self.after_smiley(face);
        }
        let end = i + 1;
        // "…наклонился и произнёс: -- Вообще-то она…": speech opened by a
        // dash after the author's colon is a sentence of its own, as it is on
        // a line of its own (see `line_break`) when the line break is lost.
        if self.rules.speech_dash && self.open_guillemets == 0 && self.open_parens == 0 {
            let rest = &self.text[end..];
            let after = rest.trim_start_matches(' ');
            let speech = after_speech_dash(after);
            if after.len() < rest.len() && speech.is_some_and(|s| s.starts_with(char::is_uppercase))
            {
                self.cut(end);
                return end;
            }
        }
        let label = &self.text[self.word_start(i)..i];
        let mut chars = label.chars();
        let is_label = chars.next().is_some_and(char::is_uppercase)
            && label.len() >= 2
            && chars.all(|c| is_letter(c) || c == '-');
        if !is_label || !self.text[end..].starts_with(' ') {
            return end;
        }
        let value_start = end + 1;
        let value_end = self.whole_word_end(value_start);
        let value = &self.text[value_start..value_end];
        let digits = value.bytes().filter(u8::is_ascii_digit).count();
        let phone = digits >= 7
            && value
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '(' | ')' | '+'));
        let address = value
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
        let clean_end = value.ends_with(|c: char| c.is_alphanumeric() || c == '/');
        if !(phone || address || is_link(value)) || !clean_end {
            return end;
        }
        let next = self.next(value_end);
        // A note on the value in brackets goes on with it ("URL: https://…
        // (дата обращения: 15.10.2020)").
        let carried = next.is_lower()
            && (next.bracketed
                || self
                    .rules
                    .function_words
                    .contains(next.word, &mut self.lower));
        if next.first.is_some() && !carried && !next.continues() {
            self.cut(value_end);
        }
        end
    }

    /// A run of three or more `- = * _ ~` at byte `i`: the rule lines that
    /// e-mails and posts draw under a signature or around a notice
    /// ("Regards ____ Get your free…", "***NOTICE*** This message…"). A rule
    /// ends the sentence after it when a new one visibly starts (a capital,
    /// a quotation, a list item); a rule standing alone is a unit of its
    /// own, so the sentence also ends before it. A dash written as three
    /// hyphens before lower case ("cut off --- do you know") is no rule.
    fn rule_line(&mut self, i: usize) -> usize {
        let run_end = i + self.bytes[i..]
            .iter()
            .take_while(|&&b| b == self.bytes[i])
            .count();
        let (start, end) = (
            self.word_start(i).max(self.sentence_start),
            self.word_end(i),
        );
        let token = &self.text[start..end];
        let rule = |c: char| matches!(c, '-' | '=' | '*' | '_' | '~');
        if !token.ends_with(rule) {
            return run_end;
        }
        let next = self.next(end);
        // "----== Posted via Newsfeed ==----": a rule that opens a banner
        // closed by another rule before any final mark belongs to it.
        // (Looks at most [`BANNER`] bytes ahead, so that the scan stays linear.)
        let ahead = &self.bytes[end..self.bytes.len().min(end + BANNER)];
        let clause_end = ahead
            .windows(2)
            .position(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_whitespace())
            .unwrap_or(ahead.len());
        let banner = has_rule_run(&ahead[..clause_end]);
        let new_sentence = next.is_upper()
            || next.quoted && next.first.is_some_and(char::is_alphabetic)
            || starts_list_item(self.text[end..].trim_start());
        if new_sentence && !banner && next.first.is_some() {
            // A rule that closes a banner opened in this sentence stays in it.
            let closes = has_rule_run(&self.bytes[self.sentence_start..start]);
            if token.chars().all(rule) && !closes {
                let before = self.text[..start].trim_end().len();
                self.cut(before);
            }
            self.cut(end);
            return end;
        }
        run_end
    }

    /// "We need a — Do you have any?": a spaced dash after a lower-case
    /// word and before a common sentence opener breaks the sentence off;
    /// the next one starts after it.
    fn broken_off(&mut self, i: usize, end: usize) {
        if !self.text[end..].starts_with(' ') || !self.text[..i].ends_with(' ') {
            return;
        }
        let previous = self.previous_word(i).unwrap_or("");
        let lower = !previous.is_empty() && previous.chars().all(|c| is_letter(c) && is_lower(c));
        let next = self.next(end);
        // Not before "I": a speaker restarting ("I'm gonna — I'm gonna win").
        let restart = next.word == "I";
        if lower
            && !restart
            && !next.quoted
            && next.is_starter(&self.rules.starters)
            && self.has_letters(i)
        {
            self.cut(end);
        }
    }

    /// "Figure 1.5 Residents of Boxborough gather…": a caption label and its
    /// number opening a sentence, before a capitalised word, are a unit of
    /// their own (a caption whose line break was lost).
    fn caption(&mut self, i: usize, end: usize) {
        let number = &self.text[i..end];
        let Some(label) = self.previous_word(i) else {
            return;
        };
        let label_start = self.text[..i].trim_end().len() - label.len();
        let opens = self.text[self.sentence_start..label_start]
            .trim()
            .is_empty();
        if !opens
            || !self.rules.caption_words.contains(label)
            || !number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            || number.ends_with('.')
        {
            return;
        }
        let next = self.next(end);
        let mut chars = next.rest.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase);
        if capitalised && !next.quoted && !next.bracketed {
            self.cut(end);
        }
    }

    /// A lone "--" opening a sentence before a capital is a separator, as
    /// before a signature or a blog's footer ("…years. -- Posted by Ann"):
    /// it stands alone.
    fn separator(&mut self, i: usize) -> usize {
        let end = i + 2;
        // After a paragraph's start or an ordinary sentence end, not after an
        // abbreviation in a dateline ("VIRGINIA BEACH, Va. -- The city").
        let before = self.text[..i].trim_end().trim_end_matches(is_closer);
        let word = before.trim_end_matches(is_terminal);
        let word = &word[self.word_start(word.len()).min(word.len())..];
        let after_end = before.is_empty()
            || before.ends_with(is_terminal)
                && !word.is_empty()
                && word.chars().all(|c| is_letter(c) && is_lower(c));
        if after_end && self.text[end + 1..].starts_with(|c: char| c.is_uppercase()) {
            self.cut(end);
        }
        end
    }

    /// A sentence that starts at byte `at` with no mark before it: a
    /// capitalised common sentence opener ("Не", "Я", "Вот") after a
    /// lower-case word that is no function word ("…автобус опять опоздал
    /// Не знаю почему"), followed by a lower-case word (not a title such as
    /// "Его Величества"). Comments and posts whose line breaks were lost
    /// run together this way. Not inside brackets or a quotation, and not in
    /// a text that capitalises such words by a convention of its own: verse
    /// capitalises every line ("Мы шли по полю Но ветер выл"), a Bible the
    /// pronouns of God ("услышали Он идёт") (see
    /// [`Evidence::capitals_open_sentences`]).
    fn unmarked_start(&mut self, at: usize) -> usize {
        let next = at + 1;
        let rules = self.rules;
        if self.heading_before(at) {
            self.cut(at - 1);
            return next;
        }
        // The cheap tests first: most capitals inside a sentence are names.
        let word_end = self.word_end(at);
        let token = &self.text[at..word_end];
        if !rules.unmarked_openers.contains(token) {
            return next;
        }
        let previous = self.previous_word(at).unwrap_or("");
        // A word of letters, in lower case, capitalised ("на Августа Бебеля С
        // этого момента") or in capitals ("МОЛОДЦЫ ФРАНЦУЗЫ Вот как"); after
        // capitals, a one-letter opener may be shouted too ("ВМЕСТЕ С ним").
        let shouted = !previous.chars().any(is_lower);
        let previous_plain = previous.chars().count() >= 2
            && previous.chars().all(is_letter)
            && (previous.chars().skip(1).all(is_lower) || shouted && token.chars().count() >= 2);
        if !previous_plain || rules.function_words.contains(previous, &mut self.lower) {
            return next;
        }
        // "из пункта А в пункт Б": a letter after a word that names a part
        // is that part's label.
        if token.chars().count() == 1 && rules.part_words.contains(previous, &mut self.lower) {
            return next;
        }
        let after = self.next(word_end);
        let followed = self.text[word_end..].starts_with(' ')
            && !after.quoted
            && !after.bracketed
            && after.is_lower();
        if followed
            && self.open_parens == 0
            && self.open_guillemets == 0
            && !self.inside_quotation(at)
            && self.has_letters(at)
            && self
                .evidence
                .capitals_open_sentences(&rules.unmarked_openers)
        {
            self.cut(at - 1);
        }
        next
    }

    /// The paragraph so far, up to the capitalised word at byte `at`, is the
    /// heading of an entry run into its text, whose line break was lost; the
    /// text restates the headword: "Былины Былины, один из жанров…",
    /// "Родословное древо семьи языков Языки, между которыми…". The heading
    /// is one to [`HEADING_WORDS`] words of letters alone, the first
    /// capitalised, none a function word or a common sentence opener; the
    /// capitalised word starts as a word of the heading does (its first
    /// [`STEM`] letters), is an ordinary word of the text (seen in lower case)
    /// capitalised inside a sentence only here, and starts no run of
    /// capitalised words ("Заместитель Министра Иностранных Дел").
    fn heading_before(&mut self, at: usize) -> bool {
        if self.sentence_start > 0 || at > HEADING_BYTES {
            return false;
        }
        let rules = self.rules;
        let text = self.text;
        let word_end = at
            + text[at..]
                .char_indices()
                .find(|&(_, c)| !is_letter(c))
                .map_or(text.len() - at, |(end, _)| end);
        let word = &text[at..word_end];
        let capitalised = word.chars().count() >= STEM && word.chars().skip(1).all(is_lower);
        if !capitalised || !text[..at].starts_with(|c: char| is_letter(c) && !is_lower(c)) {
            return false;
        }
        let stem =
            |w: &str| -> String { w.chars().take(STEM).flat_map(char::to_lowercase).collect() };
        let headword = stem(word);
        let mut restated = false;
        for (n, heading_word) in text[..at].split_whitespace().enumerate() {
            if n == HEADING_WORDS
                || !heading_word.chars().all(|c| is_letter(c) || c == '-')
                || rules.starters.contains(heading_word)
                || rules.function_words.contains(heading_word, &mut self.lower)
            {
                return false;
            }
            restated |= heading_word.split('-').any(|part| stem(part) == headword);
        }
        restated && !self.next(word_end).is_upper() && self.evidence.is_capitalised_once(word)
    }

    /// A semicolon before a list marker ends a list item: "…; 2) the next".
    fn semicolon(&mut self, i: usize) -> usize {
        if let Some(face) = self.letter_face(i) {
            return self.after_smiley(face);
        }
        // Not inside a bracket, where "b)" closes it: "точка c ∈ (a; b), в
        // которой…".
        let rest = self.text[i + 1..].trim_start();
        if rest.len() < self.text.len() - i - 1 && starts_list_item(rest) && self.open_parens == 0 {
            self.cut(i + 1);
        }
        i + 1
    }

    /// Rules on whole words: hashtags, mentions, links, e-mail header dates
    /// and times.
    fn word_rule(&mut self, i: usize) -> usize {
        if !self.at_word_start(i) {
            return i + 1;
        }
        // Cheap test first: most words start with none of these bytes.
        let end = self.whole_word_end(i);
        let text = self.text;
        let word = &text[i..end];
        let first = self.bytes[i];
        let wanted = match first {
            // "#sochi", "@user", but not "#1" nor "@example.com".
            b'#' => word[1..].starts_with(char::is_alphabetic),
            b'@' => word[1..].starts_with(char::is_alphanumeric) && !word.contains('.'),
            b'h' | b'w' => is_link(word),
            b'A' | b'P' => word == "AM" || word == "PM",
            _ => is_slash_date(word),
        };
        if !wanted {
            if first.is_ascii_digit() {
                self.caption(i, end);
            }
            return i + 1; // marks inside the word are still to be scanned
        }
        let next = self.next(end);
        let before = text[..i].trim_end().len();
        let cut_at = match first {
            // A tag line ends before a capitalised sentence: "#sochi #snow Вау!".
            // Not a placeholder such as "#PRS_ORG#".
            b'#' => {
                (next.is_upper() && self.has_letters(i) && !word[1..].ends_with('#')).then_some(end)
            }
            // A reply opens with a mention: "…красиво @user спасибо".
            // Not the person a sentence opens by thanking or greeting
            // ("Спасибо @ivanov за PR!", "Cheers @SarahJ82"; not a reply's
            // last word, "@anna спасибо @oleg Карина, здравствуйте"), nor the
            // next mention of a reply addressed to several people,
            // nor a mention that a sentence mark closes, the addressee of
            // the sentence before it ("Thanks @john!"), nor one the words
            // before lead to ([`Self::mention_led`]).
            b'@' => (self.has_letters(i)
                && self.open_parens == 0
                && !self.previous_is_function_word(i)
                && !self.thanked(i)
                && !self.mentions_only(before)
                && !word.trim_end_matches(is_closer).ends_with(is_terminal)
                && !self.mention_led(before, word))
            .then_some(before),
            // A link ends its sentence when a capitalised one follows, and
            // each link of a run of links stands alone.
            b'h' | b'w' => {
                ((next.is_upper() || is_link(next.rest)) && !next.bracketed).then_some(end)
            }
            // E-mail headers: "John Smith 08/15/2000 06:23 PM Will you …".
            b'A' | b'P' => {
                let time = self.previous_word(i).is_some_and(is_time);
                (time && next.first.is_some_and(char::is_alphabetic)).then_some(end)
            }
            _ => {
                let time = text[end..].split_whitespace().next().is_some_and(is_time);
                let after_name = self.previous_word(i).is_some_and(|p| {
                    p.starts_with(char::is_uppercase) || p.ends_with('>') || p.contains('@')
                });
                (time && after_name).then_some(before)
            }
        };
        if let Some(at) = cut_at {
            self.cut(at);
        }
        i + 1
    }

    /// The mention `word`, after the text of its sentence that ends at byte
    /// `before`, is what that text leads to: it follows a dash or a colon
    /// ("Победитель — @katya_kotik_"), or a marker in capitals alone ("RT
    /// @user …"), or it is a label, with a colon, after one word ("RT
    /// @BBCBreaking: Parliament…", "Ответ @olga_m: нет"). A sentence longer
    /// than [`MENTIONS_BYTES`] is read no further, which keeps the scan
    /// linear.
    fn mention_led(&self, before: usize, word: &str) -> bool {
        let lead = &self.text[self.sentence_start..before];
        if lead.ends_with(is_dash) || lead.ends_with(':') {
            return true;
        }
        if lead.len() > MENTIONS_BYTES {
            return false;
        }
        let one_word = !lead.trim_start().contains(char::is_whitespace);
        !lead.contains(is_lower) || one_word && word.trim_end_matches(is_closer).ends_with(':')
    }

    /// The sentence up to the mention at byte `i` is one word that thanks
    /// or greets ([`thanks_or_greets`]): the mention names whom.
    fn thanked(&self, i: usize) -> bool {
        // (A word longer than any of them is none: the look stays short.)
        self.short_lead(i, LONGEST_GREETING).is_some_and(|lead| {
            let lead = lead.trim();
            !lead.contains(char::is_whitespace) && thanks_or_greets(lead)
        })
    }

    /// The sentence up to byte `i`, when it is `most` bytes long at most:
    /// rules that read a short sentence whole refuse a long one, so that
    /// the scan stays linear.
    fn short_lead(&self, i: usize, most: usize) -> Option<&'a str> {
        self.text
            .get(self.sentence_start..i)
            .filter(|lead| lead.len() <= most)
    }

    /// True when the word before byte `i` is a short lower-case function word
    /// ("to", "в", "для"), after which a mention is part of the sentence; not
    /// a short word of its own such as a laugh ("ха ха @anna").
    fn previous_is_function_word(&mut self, i: usize) -> bool {
        self.previous_word(i).is_some_and(|p| {
            p.chars().count() <= 3
                && p.chars().all(char::is_lowercase)
                && self.rules.function_words.contains(p, &mut self.lower)
        })
    }

    /// A list item marked inside a line, after the text that ends at byte
    /// `at`, opens a sentence: not the first item after a colon, which does
    /// not end its sentence ("следующим образом: ✔ Первые недели…"), nor an
    /// item after mentions alone, which address it ("@anna ✅ забраться…").
    fn item_opens(&self, at: usize) -> bool {
        !self.text[self.sentence_start..at].ends_with(':') && !self.mentions_only(at)
    }

    /// The sentence up to byte `at` is mentions alone ("@anna @oleg"): the
    /// few people a reply is addressed to. A run longer than
    /// [`MENTIONS_BYTES`] addresses no one, and the bounded look keeps the
    /// scan linear.
    fn mentions_only(&self, at: usize) -> bool {
        at - self.sentence_start <= MENTIONS_BYTES
            && self.text[self.sentence_start..at]
                .split_whitespace()
                .all(|w| w.starts_with('@'))
    }

    /// Multi-byte characters: the ellipsis, the exclamation-question marks,
    /// dashes, bullets and emoji.
    fn special(&mut self, i: usize) -> usize {
        let Some(c) = self.char_at(i) else {
            return i + 1;
        };
        let end = i + c.len_utf8();
        if is_terminal(c) {
            return self.terminal(i);
        }
        if is_dash(c) && c != '-' && !self.rules.speech_dash {
            self.broken_off(i, end);
            return end;
        }
        if is_bullet(c) {
            // "… on Monday • Next item": a bullet after a space starts an item.
            // Not a face drawn with bullets ("asked •_•", "●︿●").
            let face = || {
                self.text[end..self.word_end(end)].contains(is_bullet)
                    || self.char_at(end).is_some_and(|n| {
                        !n.is_whitespace() && !n.is_alphanumeric() && !is_opener(n)
                    })
            };
            if self.at_word_start(i) && !face() {
                let at = self.text[..i].trim_end().len();
                if self.item_opens(at) {
                    self.cut(at);
                }
            }
            return end;
        }
        if is_emoji(c) && !is_bullet(c) {
            let end = self.emoji_run_end(i);
            // "3⃣ Отменить налоги": a keycap digit numbers a list item.
            if c == '\u{20E3}' || c == '\u{FE0F}' && self.char_at(i + 3) == Some('\u{20E3}') {
                let digit = self.text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|d| d.is_ascii_digit());
                if digit && self.at_word_start(i - 1) {
                    let at = self.text[..i - 1].trim_end().len();
                    if self.item_opens(at) {
                        self.cut(at);
                    }
                }
                return end;
            }
            // "фото🔥👍 🐻вышел из реки": after a run of emoji, an emoji glued to
            // the next word opens a sentence, as a bullet would.
            let before = self.text[..i].trim_end();
            if before.len() < i
                && before.ends_with(is_emoji)
                && self.char_at(end).is_some_and(char::is_alphabetic)
                && self.has_letters(before.len())
            {
                self.cut(before.len());
            }
            // An emoji closes what comes before it ("идей 😉 Наш маршрут").
            return self.after_smiley(end);
        }
        end
    }
}

/// A capitalised word cut short in a citation of an author or a work
/// ("Hom", "Laert", "Апол").
fn is_work_part(word: &str) -> bool {
    is_capitalised_short(word, 6)
}

/// `text` opens with one to three words of a citation, each cut short, and
/// then the place cited ("Il. 1.1", "Eth. Nic. 1094a1–3", "Men. 124"): the
/// first of those words.
fn cites_place(text: &str) -> Option<&str> {
    let tokens = text[..floor_char_boundary(text, 4 * LONGEST_WORD)].split(' ');
    let mut first = None;
    for (k, token) in tokens.take(4).enumerate() {
        match token.strip_suffix('.') {
            Some(part) if k < 3 && is_work_part(part) => first = first.or(Some(part)),
            _ => return first.filter(|_| starts_with_digit(token)),
        }
    }
    None
}

/// A number glued to a unit of one to three letters: "1s", "6d", "5ft", "3lb";
/// not an ordinal ("1st", "2nd").
fn is_glued_measure(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let unit = &word[digits..];
    digits > 0
        && (1..=3).contains(&unit.len())
        && unit.bytes().all(|b| b.is_ascii_lowercase())
        && !is_ordinal(word)
}

/// The text up to its first white space, read no further than a word may run.
fn first_token(text: &str) -> &str {
    first_word(text, LONGEST_WORD)
}

/// `text` opens with a chess move or a move's number: "Kxh7", "15. Bxh7+",
/// "15...Qh4", "22. Сxf4".
fn opens_with_move(text: &str) -> bool {
    let token = first_token(text);
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let after = &token[digits..];
        let after = after
            .strip_prefix("...")
            .or_else(|| after.strip_prefix('…'))
            .or_else(|| after.strip_prefix('.'));
        return after.is_some_and(|move_| move_.is_empty() || is_chess_move(move_));
    }
    is_chess_move(token)
}

/// `bytes` hold a run of three of the same `- = * _ ~`: a rule line.
fn has_rule_run(bytes: &[u8]) -> bool {
    bytes
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && matches!(w[0], b'-' | b'=' | b'*' | b'_' | b'~'))
}

/// The number `text` opens with, with the marks inside numbers and
/// references ("4892", "12,400", "3:16", "1:1–31"); [`NUMBER_BYTES`] at most.
fn leading_number(text: &str) -> &str {
    let end = text
        .char_indices()
        .take_while(|&(at, c)| {
            at < NUMBER_BYTES && (c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '–' | '-'))
        })
        .last()
        .map_or(0, |(at, c)| at + c.len_utf8());
    &text[..end]
}

/// `text`, after a full stop and a dash, opens an area of a bibliographic
/// record as ГОСТ 7.1 writes it: the place of publication ("М.: Наука",
/// "СПб.: Питер", "Новосибирск: Изд-во СО РАН, 2007", "Казань, 2012",
/// "URL: https://…"), the year ("2004."), the pages or volume ("320 с.", "С.
/// 45–67", "Т. 2", "№ 3") or the edition ("2-е изд."). A remark of dialogue
/// after a dash reads otherwise ("— 5 минут осталось", "— Нет: я не пойду").
fn is_record_area(text: &str) -> bool {
    let head = &text[..floor_char_boundary(text, RECORD_AREA_BYTES)];
    let mut words = head.split(' ');
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let year_after_comma = || {
        head.split(", ")
            .skip(1)
            .any(|part| part.bytes().take(4).filter(u8::is_ascii_digit).count() == 4)
    };
    // "[2], 312 л.": leaves left unnumbered are counted in brackets.
    if first
        .strip_suffix(['.', ','])
        .is_some_and(|f| digits(f.trim_start_matches('[').trim_end_matches(']')))
    {
        return true;
    }
    // The extent: pages or leaves ("320 с.: ил.", "188 с., 14 л.").
    let extent = second.trim_end_matches([',', ';', ':']);
    if digits(first) && matches!(extent, "с." | "с" | "л." | "p." | "pp.") {
        return true;
    }
    if first.strip_suffix("-е").is_some_and(digits) && second.starts_with("изд") {
        return true;
    }
    let letter = letter_and_stop(first).is_some_and(char::is_uppercase);
    if (letter || first == "№") && starts_with_digit(second) {
        return true;
    }
    first.ends_with(".:")
        || first == "URL:"
        || first.starts_with(char::is_uppercase)
            && first.ends_with([':', ','])
            && year_after_comma()
}

/// `text` opens with the title of a bibliographic record that goes on in the
/// record's areas, as ГОСТ 7.1 writes it after the author's surname and
/// initials: "Поэтика композиции. М., 1970", "Материалы для словаря… Т. 1",
/// "Истина и метод / пер. с нем.". The title goes with its author.
fn title_and_record(text: &str) -> bool {
    let window = &text[..floor_char_boundary(text, TITLE_BYTES)];
    let line = window.split('\n').next().unwrap_or("");
    line.contains(" / ")
        || line.contains(" // ")
        || line.match_indices(". ").any(|(at, _)| {
            let area = &line[at + 2..];
            is_record_area(area.strip_prefix("— ").unwrap_or(area))
        })
}

/// `note`, the words of a note in brackets, opens with an audience's
/// reaction to what was said: laughter, applause, cheers, booing, in
/// either language ("LAUGHTER", "applause", "смех", "Аплодисменты").
fn is_reaction(note: &str) -> bool {
    // ("cheers" and "cheering", not "cheerfully", a direction.)
    const STEMS: [&str; 11] = [
        "laugh",
        "applau",
        "cheers",
        "cheering",
        "booing",
        "смех",
        "смеё",
        "смее",
        "смеют",
        "аплодис",
        "хохот",
    ];
    let first = note.split(' ').next().unwrap_or_default().to_lowercase();
    STEMS.iter().any(|stem| first.starts_with(stem))
}

/// `text` opens with a point of the compass cut short before "of": "S. of
/// Corfe", "S.E. of Guildford", "N.W. of".
fn compass_point(text: &str) -> bool {
    // ("N.N.W. of ", ten bytes, is the longest: the look stays short.)
    let head = &text[..floor_char_boundary(text, 12)];
    let Some((point, rest)) = head.split_once(' ') else {
        return false;
    };
    let letters = point.split('.').filter(|p| !p.is_empty());
    point.ends_with('.')
        && point.len() <= 6
        && letters.clone().count() >= 1
        && letters.clone().all(|p| matches!(p, "N" | "S" | "E" | "W"))
        && rest.starts_with("of ")
}

/// `text` opens with a name that starts with a dot: ".NET", ".env", not
/// the dots of an ellipsis (". . .").
fn dotted_name(text: &str) -> bool {
    text.strip_prefix('.')
        .is_some_and(|name| name.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// `word` thanks or greets the person a mention after it names ("Спасибо
/// @ivanov за PR!", "Cheers @SarahJ82", "Hi @anna, …").
fn thanks_or_greets(word: &str) -> bool {
    const WORDS: [&str; 14] = [
        "спасибо",
        "благодарю",
        "благодарим",
        "привет",
        "поздравляю",
        "thanks",
        "thank",
        "thx",
        "cheers",
        "hi",
        "hello",
        "hey",
        "cc",
        "congrats",
    ];
    WORDS.contains(&word.to_lowercase().as_str())
}

/// `word` is one letter and its full stop ("С.", "н."): that letter.
fn letter_and_stop(word: &str) -> Option<char> {
    let mut chars = word.chars();
    let letter = chars.next().filter(|c| c.is_alphabetic())?;
    (chars.next() == Some('.') && chars.next().is_none()).then_some(letter)
}

/// `text` opens with initials and a Russian surname in the instrumental
/// case ("А. Г. Беллом", "Е. М. Абалаковым"): the agent of what came before
/// ("запатентованный в 1876 г. А. Г. Беллом"), which no sentence opens with.
fn agent_initials(text: &str) -> bool {
    let window = &text[..floor_char_boundary(text, LONGEST_WORD)];
    let mut initials = 0;
    for token in window.split_whitespace().take(3) {
        if letter_and_stop(token).is_some_and(char::is_uppercase) {
            initials += 1;
            continue;
        }
        let word = token.trim_end_matches(|c: char| !c.is_alphabetic());
        return initials > 0
            && word.chars().count() >= 4
            && is_capitalised_russian(word)
            && (word.ends_with("ым") || word.ends_with("ом"));
    }
    false
}

/// `text` opens with an ASCII digit.
fn starts_with_digit(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit())
}

/// `number` is a chapter and a verse: "3:16", "1:1–31", "5:1-12".
fn is_chapter_and_verse(number: &str) -> bool {
    number.split_once(':').is_some_and(|(chapter, verse)| {
        (1..=3).contains(&chapter.len())
            && chapter.bytes().all(|b| b.is_ascii_digit())
            && starts_with_digit(verse)
    })
}

/// `word` is two to `most` letters, a capital and then lower case, as books
/// of the Bible are cut short (four at most: "Isa", "Matt", "Ин", "Быт") and
/// authors and works in a citation (six: "Hom", "Laert", "Апол").
fn is_capitalised_short(word: &str, most: usize) -> bool {
    let mut chars = word.chars();
    (2..=most).contains(&word.chars().count())
        && chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
}

/// `text` opens with a century or a year and its abbreviation: "XIX в.",
/// "XVIII–XIX вв.", "2024 г.", "2023–2024 гг.".
fn qualified_date(text: &str) -> bool {
    let mut words = text[..floor_char_boundary(text, DATE_BYTES)].split(' ');
    let (Some(number), Some(unit)) = (words.next(), words.next()) else {
        return false;
    };
    // The quotation or bracket the date ends may close after it: "во II пол.
    // 2025 г.», — заявил он".
    match unit.trim_end_matches(|c: char| matches!(c, ',' | ';') || is_closer(c)) {
        "в." | "вв." => is_roman_or_range(number),
        "г." | "гг." => is_number(number),
        _ => false,
    }
}

/// `word` is two to five letters, none a vowel of English or Russian ("Sch",
/// "Tbl", "гл"): no whole word of either language, so one cut short; but
/// not an interjection, which doubles a letter ("Hmm", "Shh", "Брр") or is
/// one of a few ("Hm", "Tsk", "Гм", "Хм").
fn is_vowelless(word: &str) -> bool {
    let letters = word.chars().count();
    let lower = word.to_lowercase();
    let doubled = lower
        .chars()
        .zip(lower.chars().skip(1))
        .any(|(a, b)| a == b);
    (2..=5).contains(&letters)
        && word.chars().all(char::is_alphabetic)
        && !has_vowel(word)
        && !doubled
        && !matches!(
            lower.as_str(),
            "hm" | "hmph" | "pst" | "tsk" | "sh" | "гм" | "хм" | "тс" | "пст"
        )
}

/// `word` holds a vowel of English or Russian.
fn has_vowel(word: &str) -> bool {
    word.chars()
        .any(|c| "aeiouyAEIOUYаеёиоуыэюяАЕЁИОУЫЭЮЯ".contains(c))
}

/// `word` is a capitalised word of the Russian alphabet: a capital, then
/// lower-case letters only ("Петров", "Тверской").
fn is_capitalised_russian(word: &str) -> bool {
    let russian = |c: char| matches!(c, 'А'..='я' | 'Ё' | 'ё');
    let mut letters = word.chars();
    letters
        .next()
        .is_some_and(|c| c.is_uppercase() && russian(c))
        && letters.all(|c| c.is_lowercase() && russian(c))
}

/// `word`, before a full stop, has the form of a word cut short in the
/// language of `rules` ([`WordEndings::looks_cut`]); `as_lower` reads it as
/// written in lower case.
fn looks_cut(rules: &Rules, word: &str, as_lower: bool) -> bool {
    if as_lower {
        rules.word_endings.looks_cut(&word.to_lowercase())
    } else {
        rules.word_endings.looks_cut(word)
    }
}

/// `word` is a capitalised Russian word that reads as no surname: a word of
/// a name that may be cut short ("Моск.", "Худож."). (Only Russian has word
/// endings that make a word look cut short.)
fn is_capitalised_name_part(word: &str) -> bool {
    is_capitalised_russian(word) && !is_surname(word)
}

/// `before`, the sentence up to a unit, ends with a number and the same
/// amount in words in brackets, as contracts write sums: "1 500,00 (одна
/// тысяча пятьсот)" before "руб.", "100 (one hundred)" before "lbs.". The
/// brackets hold words only, a few of them.
fn amount_in_words_before(before: &str) -> bool {
    let Some(inside) = before.trim_end().strip_suffix(')') else {
        return false;
    };
    // Look no further back than the longest amount and its number.
    let inside = tail(inside, AMOUNT_IN_WORDS_BYTES + NUMBER_BYTES);
    let Some(open) = inside.rfind('(') else {
        return false;
    };
    let words = &inside[open + 1..];
    let number = inside[..open].trim_end();
    let last = &number[number.rfind(char::is_whitespace).map_or(0, |at| at + 1)..];
    words.len() <= AMOUNT_IN_WORDS_BYTES
        && words.chars().any(char::is_alphabetic)
        && words
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && !last.is_empty()
        && is_quantity(last.trim_end_matches(','))
}

/// `word` ends as Russian surnames do, in the cases a name after or before
/// initials takes ("Петров", "Петрова", "Петровым", "Сидоровой", "Ильин", "Горький",
/// "Матвиенко", "Шевчук", "Пашинян", "Шеварднадзе", "Белых").
fn is_surname(word: &str) -> bool {
    const ENDINGS: [&str; 39] = [
        "ов",
        "ова",
        "ову",
        "овым",
        "ове",
        "овой",
        "ев",
        "ева",
        "еву",
        "евым",
        "евой",
        "ёв",
        "ёва",
        "ёвой",
        "ин",
        "ина",
        "ину",
        "иным",
        "иной",
        "ын",
        "ына",
        "ыной",
        "ский",
        "ская",
        "ского",
        "скому",
        "ским",
        "ской",
        "цкий",
        "цкая",
        "цкого",
        "цкому",
        "цким",
        "цкой",
        "ко",
        "ук",
        "юк",
        "ян",
        "дзе",
    ];
    word.chars().count() >= 4
        && (ENDINGS.iter().any(|e| word.ends_with(e)) || word.ends_with("швили"))
}

/// `word` names the place whose type follows it: a capitalised Russian
/// adjective ("Тверской ул.", "Ладожское оз."), or in Latin letters a
/// capitalised word, its possessive or an ordinal ("Fifth Ave.", "Queen's
/// Rd.", "5th Ave.").
fn names_a_place(word: &str) -> bool {
    let latin = |c: char| c.is_ascii_alphabetic();
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let mut letters = word.chars();
    match letters.next() {
        Some(c) if latin(c) => {
            c.is_ascii_uppercase() && word.len() >= 2 && letters.all(|c| c.is_ascii_lowercase())
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = word.trim_start_matches(|c: char| c.is_ascii_digit());
            matches!(digits, "st" | "nd" | "rd" | "th")
        }
        _ => is_adjective_name(word),
    }
}

/// `word` is a capitalised Russian adjective, as the name before a place type
/// is ("Тверской", "Ладожское", "Ленинградской"): a capital, lower-case
/// Cyrillic letters after it, and an adjective's ending.
fn is_adjective_name(word: &str) -> bool {
    const ENDINGS: [&str; 19] = [
        "ая", "яя", "ой", "ей", "ый", "ий", "ое", "ее", "ую", "юю", "ых", "их", "ым", "им", "ом",
        "ем", "го", "му", "ми",
    ];
    is_capitalised_russian(word)
        && word.chars().count() >= 4
        && ENDINGS.iter().any(|e| word.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::{Search, first_byte_from, is_record_area};
    use crate::Lang;
    use crate::split::split;

    fn texts(text: &str, lang: Lang) -> Vec<String> {
        split(text, lang)
            .iter()
            .map(|s| s.text().to_string())
            .collect()
    }

    #[test]
    fn full_stop_after_ordinary_word_ends_sentence_before_lower_case() {
        assert_eq!(
            texts("The room was clean. staff were kind. We stayed.", Lang::En),
            ["The room was clean.", "staff were kind.", "We stayed."]
        );
        assert_eq!(
            texts("Номер был чистым. персонал вежлив.", Lang::Ru),
            ["Номер был чистым.", "персонал вежлив."]
        );
    }

    #[test]
    fn full_stop_inside_closing_quote_or_bracket_before_lower_case_continues() {
        assert_eq!(
            texts("He wrote, 'We are ready.' and signed.", Lang::En),
            ["He wrote, 'We are ready.' and signed."]
        );
        assert_eq!(
            texts(
                "She paints (mostly birds in winter.) and sells them.",
                Lang::En
            ),
            ["She paints (mostly birds in winter.) and sells them."]
        );
    }

    #[test]
    fn full_stop_after_short_unknown_word_before_lower_case_continues() {
        assert_eq!(
            texts(
                "Classes in art, music and voc. training start today.",
                Lang::En
            ),
            ["Classes in art, music and voc. training start today."]
        );
        assert_eq!(
            texts("В 2001-2003гг. завод не работал.", Lang::Ru),
            ["В 2001-2003гг. завод не работал."]
        );
    }

    #[test]
    fn heading_line_without_stop_ends_sentence() {
        assert_eq!(
            texts("Press release\nThe minister met his colleague.", Lang::En),
            ["Press release", "The minister met his colleague."]
        );
    }

    #[test]
    fn date_line_ends_sentence() {
        assert_eq!(
            texts("13:06 23.03.2021\nВопрос: Когда визит?", Lang::Ru),
            ["13:06 23.03.2021", "Вопрос: Когда визит?"]
        );
    }

    #[test]
    fn date_glued_to_time_stays_one_sentence() {
        assert_eq!(
            texts(
                "23 March 202113:00\nForeign Minister’s interview, Moscow",
                Lang::En
            ),
            ["23 March 202113:00", "Foreign Minister’s interview, Moscow"]
        );
    }

    #[test]
    fn speaker_label_line_stays_with_sentence() {
        assert_eq!(
            texts(
                "Sergey Lavrov:\nKorea is our partner. We maintain ties.",
                Lang::En
            ),
            ["Sergey Lavrov:\nKorea is our partner.", "We maintain ties."]
        );
    }

    #[test]
    fn line_wrapped_before_lower_case_continues() {
        assert_eq!(
            texts(
                "The minister said that the talks\nwould continue next week.",
                Lang::En
            ),
            ["The minister said that the talks\nwould continue next week."]
        );
    }

    #[test]
    fn line_ending_in_comma_continues() {
        assert_eq!(
            texts("Moscow,\nMarch 23, 2021", Lang::En),
            ["Moscow,\nMarch 23, 2021"]
        );
    }

    #[test]
    fn hard_wrapped_paragraph_keeps_its_sentences() {
        let text = "The meeting of the two ministers took place in\n\
                    Moscow on Tuesday, and both sides said that the\n\
                    Talks had been useful. They will meet again.";
        assert_eq!(texts(text, Lang::En).len(), 2);
    }

    #[test]
    fn list_items_on_lines_are_sentences() {
        assert_eq!(
            texts("Agenda:\n1) Trade\n2) Culture\n- Science", Lang::En),
            ["Agenda:", "1) Trade", "2) Culture", "- Science"]
        );
    }

    #[test]
    fn bullet_inside_line_starts_item() {
        assert_eq!(
            texts("Topics • Trade • Culture", Lang::En),
            ["Topics", "• Trade", "• Culture"]
        );
    }

    #[test]
    fn list_numbered_inside_a_line_ends_with_the_line() {
        assert_eq!(
            texts(
                "1. Один. 2. Два.\nАдрес: г. Москва, д. 1, стр. 2, оф. 3. Тел.: 123-45-67.",
                Lang::Ru
            ),
            [
                "1. Один.",
                "2. Два.",
                "Адрес: г. Москва, д. 1, стр. 2, оф. 3.",
                "Тел.: 123-45-67."
            ]
        );
        assert_eq!(
            texts(
                "Address: 1 Main St., bldg. 2, office 3. Tel.: 123-45-67.",
                Lang::En
            ),
            [
                "Address: 1 Main St., bldg. 2, office 3.",
                "Tel.: 123-45-67."
            ]
        );
    }

    #[test]
    fn command_line_options_are_words() {
        assert_eq!(
            texts(
                "Игнорируются -u и -v. Параметр -a нельзя задать. Синтаксис: mandb [-dqs?V] [-C файл]",
                Lang::Ru
            ),
            [
                "Игнорируются -u и -v.",
                "Параметр -a нельзя задать.",
                "Синтаксис: mandb [-dqs?V] [-C файл]"
            ]
        );
        assert_eq!(
            texts("Процессы показываются в стиле ps. Поля те же.", Lang::Ru),
            ["Процессы показываются в стиле ps.", "Поля те же."]
        );
    }

    #[test]
    fn marker_after_its_words_and_symbol_after_ellipsis_go_on() {
        assert_eq!(
            texts(
                "Flags: compressed (c), no dump (d), sync (D), extent format (e). Done.",
                Lang::En
            ),
            [
                "Flags: compressed (c), no dump (d), sync (D), extent format (e).",
                "Done."
            ]
        );
        assert_eq!(
            texts(
                "Lines built by -exec ... + run first. Set $1, $2, ... $n. Then go.",
                Lang::En
            ),
            [
                "Lines built by -exec ... + run first.",
                "Set $1, $2, ... $n.",
                "Then go."
            ]
        );
    }

    #[test]
    fn option_after_a_word_and_its_stop_teaches_no_abbreviation() {
        assert_eq!(
            texts(
                "Display it count times. Requires -s.\n\nIt uses delay times.\n\n--help Print help.",
                Lang::En
            ),
            [
                "Display it count times.",
                "Requires -s.",
                "It uses delay times.",
                "--help Print help."
            ]
        );
    }

    #[test]
    fn face_drawn_with_bullets_is_no_list_item() {
        assert_eq!(
            texts("They asked •_• and left. Topics •Trade", Lang::En),
            ["They asked •_• and left.", "Topics", "•Trade"]
        );
    }

    #[test]
    fn reply_to_several_people_keeps_its_mentions() {
        assert_eq!(
            texts("Вот. @ann @bob Спасибо. Красиво @carl спасибо", Lang::Ru),
            ["Вот.", "@ann @bob Спасибо.", "Красиво", "@carl спасибо"]
        );
    }

    #[test]
    fn mention_a_mark_closes_is_the_addressee_of_its_sentence() {
        assert_eq!(
            texts(
                "Thanks @john! Will do. Приходите на базу @anna. Ждём",
                Lang::Ru
            ),
            [
                "Thanks @john!",
                "Will do.",
                "Приходите на базу @anna.",
                "Ждём"
            ]
        );
    }

    #[test]
    fn question_inside_brackets_before_lower_case_goes_on() {
        assert_eq!(
            texts(
                "He can't come (wait, what? what about free?) and so on.",
                Lang::En
            ),
            ["He can't come (wait, what? what about free?) and so on."]
        );
        assert_eq!(
            texts("what? where did you go?", Lang::En),
            ["what?", "where did you go?"]
        );
    }

    #[test]
    fn exclamation_inside_quoted_speech_before_lower_case_goes_on() {
        assert_eq!(
            texts(
                "'Oh! it's all the same to me!' replied Kitty. 'Yes? it was wonderful!'",
                Lang::En
            ),
            [
                "'Oh! it's all the same to me!' replied Kitty.",
                "'Yes? it was wonderful!'"
            ]
        );
        assert_eq!(
            texts(
                "и говорят: «жив бог твой, Дан! и жив путь в Вирсавию!»",
                Lang::Ru
            ),
            ["и говорят: «жив бог твой, Дан! и жив путь в Вирсавию!»"]
        );
        // A word quoted alone opens no speech; web text ends the sentence.
        assert_eq!(
            texts(
                "He did it for \"no\" reason! cats react to the treatment.",
                Lang::En
            ),
            [
                "He did it for \"no\" reason!",
                "cats react to the treatment."
            ]
        );
    }

    #[test]
    fn translation_in_square_brackets_goes_on_before_lower_case() {
        assert_eq!(
            texts(
                "He said it [in French!] and laughed. [A good appetite! a good conscience!] He ate.",
                Lang::En
            ),
            [
                "He said it [in French!] and laughed.",
                "[A good appetite! a good conscience!]",
                "He ate."
            ]
        );
    }

    #[test]
    fn speech_broken_off_before_its_closing_quote_ends() {
        assert_eq!(
            texts(
                "'I told him, \"When they come out, then...\"-' 'Where is he?'",
                Lang::En
            ),
            [
                "'I told him, \"When they come out, then...\"-'",
                "'Where is he?'"
            ]
        );
    }

    #[test]
    fn bracketed_mark_is_not_a_sentence_end() {
        assert_eq!(
            texts("He paid (!) Twice the price.", Lang::En),
            ["He paid (!) Twice the price."]
        );
    }

    #[test]
    fn question_glued_to_next_sentence_ends_it() {
        assert_eq!(
            texts("Is the shop open?There is a queue.", Lang::En),
            ["Is the shop open?", "There is a queue."]
        );
    }

    #[test]
    fn question_mark_after_colon_is_a_lost_character() {
        assert_eq!(texts("Fax:? 555 0100", Lang::En), ["Fax:? 555 0100"]);
    }

    #[test]
    fn inline_list_markers_start_items() {
        assert_eq!(
            texts("1. Trade talks 2. Culture", Lang::En),
            ["1. Trade talks", "2. Culture"]
        );
        assert_eq!(
            texts("1) Trade talks 2) Culture", Lang::En),
            ["1) Trade talks", "2) Culture"]
        );
        assert_eq!(
            texts("a. Trade b. Culture c. Science", Lang::En),
            ["a. Trade", "b. Culture", "c. Science"]
        );
        assert_eq!(
            texts("• 9. Trade • 10. Culture", Lang::En),
            ["• 9. Trade", "• 10. Culture"]
        );
    }

    #[test]
    fn number_at_sentence_end_is_not_a_list_marker() {
        assert_eq!(
            texts("The score was 2. The match ended.", Lang::En),
            ["The score was 2.", "The match ended."]
        );
    }

    #[test]
    fn ellipsis_before_bracketed_citation_continues() {
        assert_eq!(
            texts("\"Bohr [...] used stairs [...]\" (Smith 55).", Lang::En),
            ["\"Bohr [...] used stairs [...]\" (Smith 55)."]
        );
    }

    #[test]
    fn a_byte_search_resumes_where_it_covers_the_offset() {
        let text = "a (b) c (d 1) e";
        let mut last = Search::NONE;
        let close = |from, last: &mut Search| first_byte_from(text, from, last, |b| b == b')');
        assert_eq!(close(0, &mut last), 4);
        assert_eq!(close(2, &mut last), 4);
        assert_eq!(close(5, &mut last), 12);
        // Behind the last search: searched afresh, not taken from it.
        assert_eq!(close(1, &mut last), 4);
        assert_eq!(close(13, &mut last), text.len());
    }

    #[test]
    fn omission_in_round_brackets_is_judged_as_an_ellipsis() {
        assert_eq!(
            texts(
                "В письме он жаловался на холод (...) Утром всё изменилось.",
                Lang::Ru
            ),
            [
                "В письме он жаловался на холод (...)",
                "Утром всё изменилось."
            ]
        );
        assert_eq!(
            texts("Мы ждали (...) до самого утра.", Lang::Ru),
            ["Мы ждали (...) до самого утра."]
        );
    }

    #[test]
    fn areas_of_a_bibliographic_record() {
        for area in [
            "М.: Наука, 1999.",
            "СПб.: Питер, 2018.",
            "Новосибирск: Изд-во СО РАН, 2007.",
            "Казань, 2012.",
            "2004. — № 3.",
            "320 с.",
            "С. 45–67.",
            "Т. 2.",
            "№ 3.",
            "2-е изд., перераб.",
            "URL: https://example.ru",
        ] {
            assert!(is_record_area(area), "{area}");
        }
        for remark in [
            "5 минут осталось.",
            "Нет: я не пойду.",
            "Пойдём, Таня.",
            "Да.",
        ] {
            assert!(!is_record_area(remark), "{remark}");
        }
    }

    #[test]
    fn short_word_cut_before_a_century_keeps_it() {
        assert_eq!(
            texts(
                "Во II пол. XIX в. всё изменилось. Начался прогресс.",
                Lang::Ru
            ),
            ["Во II пол. XIX в. всё изменилось.", "Начался прогресс."]
        );
        assert_eq!(
            texts("Он упал на пол. XIX век начался с войны.", Lang::Ru),
            ["Он упал на пол.", "XIX век начался с войны."]
        );
        // A year is qualified as a century is.
        assert_eq!(
            texts(
                "Рост ожидается во II пол. 2023–2024 гг. и позже. Рынок ждёт.",
                Lang::Ru
            ),
            [
                "Рост ожидается во II пол. 2023–2024 гг. и позже.",
                "Рынок ждёт."
            ]
        );
    }

    #[test]
    fn lone_lower_case_letter_before_a_number_numbers_it() {
        assert_eq!(
            texts("Мы жили в д. 5 к. 2 кв. 7. Потом переехали.", Lang::Ru),
            ["Мы жили в д. 5 к. 2 кв. 7.", "Потом переехали."]
        );
        assert_eq!(
            texts("See fig. 3 and p. 12 of the report. It helps.", Lang::En),
            ["See fig. 3 and p. 12 of the report.", "It helps."]
        );
    }

    #[test]
    fn equals_sign_after_abbreviation_continues() {
        assert_eq!(
            texts("Курс был такой: 1 долл. = 90 руб. Потом вырос.", Lang::Ru),
            ["Курс был такой: 1 долл. = 90 руб.", "Потом вырос."]
        );
        assert_eq!(
            texts("One ft. = 12 in. That is the rule.", Lang::En),
            ["One ft. = 12 in.", "That is the rule."]
        );
    }

    #[test]
    fn dialogue_inside_guillemets_is_one_sentence() {
        assert_eq!(
            texts(
                "«Ты куда? – спросила мама. – Завтра выходной». Он молчал.",
                Lang::Ru
            ),
            [
                "«Ты куда? – спросила мама. – Завтра выходной».",
                "Он молчал."
            ]
        );
    }

    #[test]
    fn decade_with_case_ending_counts_as_number() {
        assert_eq!(
            texts("Это было в 1990-х гг. Но никто не заметил.", Lang::Ru),
            ["Это было в 1990-х гг.", "Но никто не заметил."]
        );
    }

    #[test]
    fn casual_paragraph_ends_sentence_before_lower_case() {
        assert_eq!(
            texts("i think so. they left early. see you", Lang::En),
            ["i think so.", "they left early.", "see you"]
        );
        assert_eq!(
            texts("не была в горах. они меня пугают", Lang::Ru),
            ["не была в горах.", "они меня пугают"]
        );
    }

    #[test]
    fn casual_paragraph_keeps_abbreviations() {
        assert_eq!(
            texts("i paid approx. ten pounds for it", Lang::En),
            ["i paid approx. ten pounds for it"]
        );
    }

    #[test]
    fn edited_paragraph_keeps_lower_case_after_short_unknown_word() {
        assert_eq!(
            texts("The fee is 5 duc. per head, they said.", Lang::En),
            ["The fee is 5 duc. per head, they said."]
        );
    }

    #[test]
    fn spacer_blank_stays_with_sentence() {
        assert_eq!(
            texts("Какое зрелище! \u{2800} Поэтому молчу.", Lang::Ru),
            ["Какое зрелище! \u{2800}", "Поэтому молчу."]
        );
    }

    #[test]
    fn full_stop_glued_to_capitalised_word_ends_sentence() {
        assert_eq!(
            texts("It was good.The rest was not.", Lang::En),
            ["It was good.", "The rest was not."]
        );
        assert_eq!(
            texts("The U.S.Army and В.В.Путин stay whole.", Lang::En),
            ["The U.S.Army and В.В.Путин stay whole."]
        );
    }

    #[test]
    fn spaced_emoji_run_stays_with_its_sentence() {
        assert_eq!(
            texts("Дождь лил весь день. ☔ 🌧 Завтра обещают солнце.", Lang::Ru),
            ["Дождь лил весь день. ☔ 🌧", "Завтра обещают солнце."]
        );
    }

    #[test]
    fn empty_brackets_after_full_stop_open_next_sentence() {
        assert_eq!(
            texts("Играл за сборную. () Начинал карьеру в Омске.", Lang::Ru),
            ["Играл за сборную.", "() Начинал карьеру в Омске."]
        );
        assert_eq!(
            texts("Пётр Ильин () — русский поэт.", Lang::Ru),
            ["Пётр Ильин () — русский поэт."]
        );
    }

    #[test]
    fn sentence_opening_with_glued_ellipsis_starts_after_full_stop() {
        assert_eq!(
            texts(
                "Поезд ушёл в полночь. …Через год всё повторилось.",
                Lang::Ru
            ),
            ["Поезд ушёл в полночь.", "…Через год всё повторилось."]
        );
        assert_eq!(
            texts("She sighed. ...Then the bell rang.", Lang::En),
            ["She sighed.", "...Then the bell rang."]
        );
        // After an abbreviation the sentence goes on.
        assert_eq!(texts("См. т.е. …Иванов", Lang::Ru).len(), 1);
    }

    #[test]
    fn placeholder_with_hashes_is_not_a_hashtag() {
        assert_eq!(
            texts("Open the #APP_NAME# App on your phone.", Lang::En),
            ["Open the #APP_NAME# App on your phone."]
        );
    }

    #[test]
    fn acronym_is_not_a_lower_case_abbreviation() {
        assert_eq!(
            texts("It is known as ED. Treatment exists.", Lang::En),
            ["It is known as ED.", "Treatment exists."]
        );
    }

    #[test]
    fn brand_in_lower_case_starts_sentence() {
        assert_eq!(
            texts("You may cancel the order. eBay shows the date.", Lang::En),
            ["You may cancel the order.", "eBay shows the date."]
        );
        // The capital may come later in the name, and the word before the
        // stop may look cut short ("exe." as "approx.").
        assert_eq!(
            texts(
                "Windows users run the exe. macOS users get a dmg.",
                Lang::En
            ),
            ["Windows users run the exe.", "macOS users get a dmg."]
        );
    }

    #[test]
    fn backtick_quotes_close_and_open_sentences() {
        assert_eq!(
            texts("Он сказал: ``Я верю! ``. Все согласились.", Lang::Ru),
            ["Он сказал: ``Я верю! ``.", "Все согласились."]
        );
    }

    #[test]
    fn bracket_closed_after_a_space_ends_with_its_sentence() {
        assert_eq!(
            texts(
                "Stay a night. (We fly the next day. ) Take the bus.",
                Lang::En
            ),
            ["Stay a night.", "(We fly the next day. )", "Take the bus."]
        );
        // As a bracket closed against the mark, one closed after a space
        // goes on before lower case: "(God forbid!) it is" is one sentence.
        assert_eq!(
            texts("I will not go if (God forbid! ) it is so.", Lang::En),
            ["I will not go if (God forbid! ) it is so."]
        );
    }

    #[test]
    fn rule_line_before_capital_stands_alone() {
        assert_eq!(
            texts(
                "See you on Monday. Ann ann@mail.example _______ Get the new app today.",
                Lang::En
            ),
            [
                "See you on Monday.",
                "Ann ann@mail.example",
                "_______",
                "Get the new app today."
            ]
        );
        assert_eq!(
            texts("*****NOTICE***** This message is private.", Lang::En),
            ["*****NOTICE*****", "This message is private."]
        );
    }

    #[test]
    fn three_hyphens_before_lower_case_are_a_dash() {
        assert_eq!(
            texts("The line was cut off --- do you know why?", Lang::En),
            ["The line was cut off --- do you know why?"]
        );
    }

    #[test]
    fn double_hyphen_opening_russian_speech_stays_with_it() {
        assert_eq!(
            texts("Он вошёл. -- Добрый день, -- сказал он.", Lang::Ru),
            ["Он вошёл.", "-- Добрый день, -- сказал он."]
        );
    }

    #[test]
    fn banner_between_rules_is_one_unit() {
        assert_eq!(
            texts(
                "Thanks for reading. ----== Sent via Example.Net - Fast News ==---- The end.",
                Lang::En
            ),
            [
                "Thanks for reading.",
                "----== Sent via Example.Net - Fast News ==----",
                "The end."
            ]
        );
    }

    #[test]
    fn question_glued_to_lower_case_word_ends_sentence() {
        assert_eq!(
            texts("can i go there alone?thanks for any tips", Lang::En),
            ["can i go there alone?", "thanks for any tips"]
        );
        assert_eq!(
            texts(
                "Search at http://example.com/search?q=rooms today.",
                Lang::En
            ),
            ["Search at http://example.com/search?q=rooms today."]
        );
    }

    #[test]
    fn attachment_note_ends_before_capital() {
        assert_eq!(
            texts(
                "- notes.doc << File: notes.doc >> - plan.doc << File: plan.doc >> FYI",
                Lang::En
            ),
            [
                "- notes.doc << File: notes.doc >>",
                "- plan.doc << File: plan.doc >>",
                "FYI"
            ]
        );
    }

    #[test]
    fn bracketed_source_label_is_a_unit() {
        assert_eq!(
            texts(
                "The port reopened. (Harbour Daily) The ships left at dawn.",
                Lang::En
            ),
            [
                "The port reopened.",
                "(Harbour Daily)",
                "The ships left at dawn."
            ]
        );
        assert_eq!(
            texts("(Фото: Иван Петров) Мост открыли весной.", Lang::Ru),
            ["(Фото: Иван Петров)", "Мост открыли весной."]
        );
        assert_eq!(
            texts("(a) The tenant pays. (1) The owner signs.", Lang::En),
            ["(a) The tenant pays.", "(1) The owner signs."]
        );
    }

    #[test]
    fn unit_abbreviation_before_slash_continues() {
        assert_eq!(
            texts("Плотность 13 чел. / км2. Город растёт.", Lang::Ru),
            ["Плотность 13 чел. / км2.", "Город растёт."]
        );
    }

    #[test]
    fn mark_inside_brackets_before_lower_case_continues() {
        assert_eq!(
            texts("She smiled (for once!) and left.", Lang::En),
            ["She smiled (for once!) and left."]
        );
        assert_eq!(
            texts("Она улыбнулась (впервые за день!) и вышла.", Lang::Ru),
            ["Она улыбнулась (впервые за день!) и вышла."]
        );
        // A bracket no one opened is a smiley: web text ends the sentence.
        assert_eq!(texts("Ура!) мы едем", Lang::Ru), ["Ура!)", "мы едем"]);
    }

    #[test]
    fn question_or_exclamation_with_dots_before_lower_case_continues() {
        assert_eq!(
            texts(
                "Кто знает?.. может быть, завтра. Вы правы!.. и всё же нет.",
                Lang::Ru
            ),
            [
                "Кто знает?.. может быть, завтра.",
                "Вы правы!.. и всё же нет."
            ]
        );
        // Dots before the mark are no such ellipsis: "...?" is a question.
        assert_eq!(
            texts("what about downtown...? like 4th street", Lang::En),
            ["what about downtown...?", "like 4th street"]
        );
    }
}
