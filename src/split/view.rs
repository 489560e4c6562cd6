//! The text as the rules read it.
//!
//! Some characters never decide where a sentence ends, yet they hide the
//! marks, spaces and words the rules look for. A scraped page or a Word file
//! brings them in: a zero-width space after a full stop (`end.\u{200B} Next`
//! looked like a full stop inside a word), a soft hyphen inside a word that
//! is an abbreviation, a stress mark over a vowel (`Москва́.`) or a `й`
//! written as `и` and a combining breve (text out of a PDF or a Mac), a
//! no-break space where a rule looks for a space (`сказал:\u{A0}— Да`), a
//! line separator (U+2028) where a line of speech or a heading begins.
//!
//! So the rules read a *view* of the text in which
//!
//! - invisible format characters are left out ([`is_invisible`]);
//! - a combining diacritic is composed with the letter before it when
//!   Unicode has the composed letter (`и` + U+0306 is `й`), else left out
//!   (a stress mark);
//! - every other white space that is no line break (a no-break space, a
//!   thin space, an ideographic space) is a space;
//! - every line break is a line feed: U+2028, NEL, a vertical tab (Word's
//!   line break) and a carriage return without a line feed after it, while
//!   a paragraph separator (U+2029) is a blank line and a form feed (a page
//!   break, which a sentence may run across) a space;
//!
//! and the cuts they find in the view are mapped back to the text, which is
//! never changed: each sentence is a slice of the text as written, and an
//! invisible character stays with the sentence it is in (one that ends a
//! sentence stays with it, before the space). A text with none of these
//! characters is its own view, with nothing copied; finding out costs one
//! pass over its bytes.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::char::compose;

/// A text as the rules read it, and the way back to the text as written.
pub struct View<'a> {
    text: &'a str,
    read: Cow<'a, str>,
    /// Each place where the view differs from the text, in order: the bytes
    /// of the view and of the text it stands for. Between two changes the
    /// view and the text are the same bytes.
    changes: Vec<Change>,
}

/// One place where the view differs from the text.
struct Change {
    view: Range<usize>,
    text: Range<usize>,
}

/// What the view makes of one character of the text.
enum Reading {
    /// The character as it is.
    Same,
    /// Nothing: an invisible character.
    Nothing,
    /// A combining mark: composed with the letter before it, or nothing.
    Mark,
    /// Another text.
    As(&'static str),
}

/// Whether `c` is an invisible format character, which never decides a
/// sentence end: the soft hyphen, zero-width spaces and joiners but the
/// zero-width joiner (which holds emoji sequences together), direction marks
/// and embeddings, and the byte order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Whether `c` is a combining diacritic of the blocks of accents (Latin,
/// Cyrillic and the extended and supplement blocks), not a combining mark
/// of a symbol (the keycap of an emoji) or a variation selector.
fn is_diacritic(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36F}'
            | '\u{483}'..='\u{489}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// What the view makes of `c`, which `next` (the byte after it) follows.
fn reading(c: char, next: Option<u8>) -> Reading {
    match c {
        '\r' if next == Some(b'\n') => Reading::Same,
        '\r' | '\u{B}' | '\u{85}' | '\u{2028}' => Reading::As("\n"),
        // A page break: pdftotext writes one at the start of each page's
        // first line, where a sentence may go on from the page before.
        '\u{C}' => Reading::As(" "),
        '\u{2029}' => Reading::As("\n\n"),
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Reading::As(" ")
        }
        _ if is_invisible(c) => Reading::Nothing,
        _ if is_diacritic(c) => Reading::Mark,
        _ => Reading::Same,
    }
}

/// Whether a character starting with byte `b` may be read otherwise than as
/// it is: the first bytes of the characters [`reading`] changes. A
/// continuation byte never is, so most of a text is passed over a byte at a
/// time without decoding it.
const MAY_CHANGE: [bool; 256] = {
    let mut table = [false; 256];
    let firsts: [u8; 11] = [
        0x0B, 0x0C, b'\r', 0xC2, 0xCC, 0xCD, 0xD2, 0xE1, 0xE2, 0xE3, 0xEF,
    ];
    let mut i = 0;
    while i < firsts.len() {
        table[firsts[i] as usize] = true;
        i += 1;
    }
    table
};

impl<'a> View<'a> {
    /// The view of `text`.
    pub fn of(text: &'a str) -> View<'a> {
        let bytes = text.as_bytes();
        let mut read = String::new();
        let mut changes: Vec<Change> = Vec::new();
        // `text[..copied]` is in `read` already (once a character changed).
        let mut copied = 0;
        let mut at = 0;
        while let Some(found) = bytes[at..].iter().position(|&b| MAY_CHANGE[b as usize]) {
            let i = at + found;
            // Every byte `MAY_CHANGE` marks starts a character.
            let c = text[i..].chars().next().unwrap_or_default();
            let after = i + c.len_utf8();
            at = after;
            let change = reading(c, bytes.get(after).copied());
            let base = match change {
                Reading::Same => continue,
                // A mark goes with the character before it, if that is in
                // the view as written and no space; else (a mark that opens
                // a line, or follows a changed character) it stays as it is.
                Reading::Mark => {
                    let plain_from = changes.last().map_or(0, |c| c.text.end);
                    let base = text[..i]
                        .chars()
                        .next_back()
                        .filter(|b| i - b.len_utf8() >= plain_from && !b.is_whitespace());
                    if base.is_none() {
                        continue;
                    }
                    base
                }
                Reading::Nothing | Reading::As(_) => None,
            };
            read.push_str(&text[copied..i]);
            copied = after;
            let mut view = read.len()..read.len();
            let mut from = i;
            match change {
                Reading::Same | Reading::Nothing => {}
                Reading::Mark => {
                    // Composed with its letter where Unicode has the
                    // composed letter, else left out.
                    if let Some((base, k)) = base.and_then(|b| compose(b, c).map(|k| (b, k))) {
                        read.truncate(read.len() - base.len_utf8());
                        view.start = read.len();
                        from = i - base.len_utf8();
                        read.push(k);
                    }
                }
                Reading::As(written) => read.push_str(written),
            }
            view.end = read.len();
            changes.push(Change {
                view,
                text: from..after,
            });
        }
        if changes.is_empty() {
            return View {
                text,
                read: Cow::Borrowed(text),
                changes,
            };
        }
        read.push_str(&text[copied..]);
        View {
            text,
            read: Cow::Owned(read),
            changes,
        }
    }

    /// The text the rules read.
    pub fn text(&self) -> &str {
        &self.read
    }

    /// The text offset of view offset `at` as the end of something: after
    /// any invisible character or mark that the view left out there.
    pub fn end(&self, at: usize) -> usize {
        let i = self.changes.partition_point(|c| c.view.start <= at);
        match i.checked_sub(1).map(|k| &self.changes[k]) {
            None => at,
            Some(c) if at >= c.view.end => c.text.end + (at - c.view.end),
            // At the start of what a change put in the view: before it.
            Some(c) if at == c.view.start => c.text.start,
            Some(c) => c.text.end,
        }
    }

    /// The text offset of view offset `at` as the end of a paragraph: as
    /// [`View::end`], and on over the invisible characters left on its last
    /// line after spaces (`end. \u{200B}`), which the view's paragraph,
    /// trimmed, does not reach.
    pub fn end_of_paragraph(&self, at: usize) -> usize {
        let end = self.end(at);
        let rest = &self.text[end..];
        let line = rest.find(super::is_line_break).map_or(rest, |k| &rest[..k]);
        let tail = line.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c));
        end + line.len() - tail.len()
    }

    /// The text offset of view offset `at` as the start of something:
    /// before any invisible character that the view left out there.
    pub fn start(&self, at: usize) -> usize {
        let i = self.changes.partition_point(|c| c.view.end < at);
        match self.changes.get(i) {
            Some(c) if c.view.start == at => c.text.start,
            Some(c) if c.view.start < at && at < c.view.end => c.text.start,
            Some(c) if c.view.end == at => c.text.end,
            _ => match i.checked_sub(1).map(|k| &self.changes[k]) {
                Some(c) => c.text.end + (at - c.view.end),
                None => at,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, read: &str) {
        let view = View::of(text);
        assert_eq!(view.text(), read, "{text:?}");
    }

    #[test]
    fn a_plain_text_is_its_own_view() {
        for text in ["", "Plain text.", "Текст «в кавычках» — и тире…", "a\r\nb"]
        {
            let view = View::of(text);
            assert!(matches!(view.read, Cow::Borrowed(_)), "{text:?}");
            let k = 3.min(text.len());
            assert_eq!((view.start(k), view.end(k)), (k, k));
        }
    }

    #[test]
    fn reads_spaces_breaks_invisibles_and_marks() {
        check("end.\u{200B} Next", "end. Next");
        check("сказал:\u{A0}— Да", "сказал: — Да");
        check(
            "a\u{2028}b\u{2029}c\u{85}d\re\r\nf\u{B}g",
            "a\nb\n\nc\nd\ne\r\nf\ng",
        );
        check("on\n\u{C}Monday\n\u{C}\nNext", "on\n Monday\n \nNext");
        check("сокра\u{AD}щение", "сокращение");
        check("мои\u{306} её\u{301}", "мой её");
        check("Москва\u{301}.", "Москва.");
        check("caf\u{65}\u{301}", "café");
        check("\u{301}начало", "\u{301}начало");
        check("а \u{301}б\u{A0}\u{301}", "а \u{301}б \u{301}");
        check(
            "1\u{FE0F}\u{20E3} ❤\u{FE0F} 👩\u{200D}💻",
            "1\u{FE0F}\u{20E3} ❤\u{FE0F} 👩\u{200D}💻",
        );
    }

    #[test]
    fn maps_offsets_back_to_the_text() {
        let text = "Да.\u{200B} Нет.\u{A0}Мои\u{306}.";
        let view = View::of(text);
        assert_eq!(view.text(), "Да. Нет. Мой.");
        // After "Да." an end takes the zero-width space along, a start does not.
        let v = "Да.".len();
        assert_eq!(&text[..view.end(v)], "Да.\u{200B}");
        assert_eq!(&text[..view.start(v)], "Да.");
        // Offsets past each change land on the same characters.
        let v = "Да. Нет.".len();
        assert_eq!(&text[..view.end(v)], "Да.\u{200B} Нет.");
        let v = "Да. Нет. ".len();
        assert_eq!(&text[view.start(v)..], "Мои\u{306}.");
        assert_eq!(
            &text[..view.end(view.text().len() - 1)],
            "Да.\u{200B} Нет.\u{A0}Мои\u{306}"
        );
        assert_eq!(view.end(view.text().len()), text.len());
        // A start after a changed space and before an invisible character.
        let text = "a\u{A0}\u{FEFF}b";
        let view = View::of(text);
        assert_eq!(view.text(), "a b");
        assert_eq!(&text[view.start(2)..], "\u{FEFF}b");
        assert_eq!(&text[view.end(2)..], "b");
    }
}
