//! Sentence splitting: text in, [`Sentence`]s with byte spans out.
//!
//! A blank line always ends a paragraph and a sentence. Inside a paragraph one
//! pass of a shared scanner (`scanner.rs`) finds the sentence ends; English
//! (`en.rs`) and Russian (`ru.rs`) differ only in their word lists, kept as
//! data files in `data/`: abbreviations and whether each can end a sentence
//! (`abbreviations-*.txt`), common sentence openers (`sentence-starters-*.txt`)
//! and salutations (`salutations-*.txt`). Beyond `. ! ? …` the scanner ends a
//! sentence at a line that has no final mark (a heading, a date line, a list
//! item), at list markers, after emoji, smileys and hashtags before a new
//! capitalised sentence, and at e-mail header dates.
//!
//! The rules read a view of the text (`view.rs`) in which characters a reader
//! does not see (zero-width spaces, soft hyphens, combining accents, no-break
//! spaces, Unicode line separators) no longer hide the marks and words they
//! look for; the cuts are mapped back to the text.
//!
//! Splitting never changes the text: every sentence is a trimmed slice of the
//! input, so the spans of all sentences, in order, cover every non-whitespace
//! character exactly once, but invisible characters alone on a blank line (a
//! property test checks it).

mod abbreviations;
mod compiled;
mod en;
mod evidence;
mod marks;
mod ru;
mod scanner;
mod view;
mod words;

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::Lang;

/// The rules of `lang`.
fn rules(lang: Lang) -> &'static scanner::Rules {
    match lang {
        Lang::En => &en::RULES,
        Lang::Ru => &ru::RULES,
    }
}

/// Byte ranges of the sentences of one paragraph (relative to `paragraph`),
/// untrimmed: together they cover the whole paragraph.
pub fn split_paragraph(paragraph: &str, lang: Lang) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    let view = view::View::of(paragraph);
    let evidence = evidence::Evidence::new(view.text());
    scanner::find_cuts(view.text(), rules(lang), &evidence, &mut cuts);
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    let cuts = cuts.into_iter().map(|cut| view.end(cut));
    for end in cuts.chain([paragraph.len()]) {
        if end > start {
            out.push((start, end));
            start = end;
        }
    }
    out
}

/// One sentence of an input text.
///
/// A sentence does not own a copy of its text: it holds the text it was
/// split from (shared by all the sentences of that text) and its span in
/// it, and [`Sentence::text`] returns the slice. A 200,000-sentence pair
/// then keeps its text once, not once more in 400,000 small strings.
#[derive(Clone)]
pub struct Sentence {
    /// The text the sentence is a slice of: the whole input for a split
    /// text, the sentence alone for one made by [`Sentence::from_text`].
    source: Arc<str>,
    /// Where the sentence is in `source`. In `u32`, as `gap`, to keep a
    /// sentence small: a book pair has hundreds of thousands. A sentence of
    /// a text of more than 4 GiB keeps a copy of itself instead (see
    /// [`Sentence::in_source`]).
    span: Range<u32>,
    /// The bytes of `source` before `span` that [`Sentence::space_before`]
    /// reads: the white space since the sentence before it.
    gap: u32,
    /// Whether that space is given as it is to be written (see
    /// [`Sentence::after_space`]) rather than as it stands in the text.
    gap_as_written: bool,
    /// Byte offset of the first byte in the input text.
    pub start: usize,
    /// Byte offset one past the last byte in the input text.
    pub end: usize,
    /// 0-based index of the paragraph (blank-line separated block) it belongs to.
    pub paragraph: usize,
    /// 1-based line number of its first character.
    pub line: usize,
}

/// The end of the span of a sentence that runs to the end of its source
/// (a sentence of more than 4 GiB: see [`Sentence::after_space`]).
const TO_THE_END: u32 = u32::MAX;

impl Sentence {
    /// A sentence of its own text `text` (a copy), at offsets `0..text.len()`
    /// of paragraph 0, line 1; set the public fields to place it in a text.
    pub fn from_text(text: &str) -> Sentence {
        Sentence::after_space("", text)
    }

    /// [`Sentence::from_text`] with `space` as the segment that joins it to
    /// the sentence before it (see [`Sentence::space_before`]), written as
    /// it is.
    pub fn after_space(space: &str, text: &str) -> Sentence {
        let total = space.len().saturating_add(text.len());
        // Past 4 GiB (no split makes such a sentence: see
        // `MAX_SENTENCE_BYTES`) the space is dropped, and the span runs to
        // the end of the source (see `Sentence::text`).
        let space = if total < TO_THE_END as usize {
            space
        } else {
            ""
        };
        let gap = space.len() as u32;
        Sentence {
            source: Arc::from([space, text].concat()),
            span: gap..u32::try_from(total).unwrap_or(TO_THE_END),
            gap,
            gap_as_written: true,
            start: 0,
            end: text.len(),
            paragraph: 0,
            line: 1,
        }
    }

    /// The sentence at `span` of `source`, after the sentence that ends at
    /// `previous_end` (`None` for the first one), in paragraph 0, line 1.
    fn in_source(source: &Arc<str>, previous_end: Option<usize>, span: Range<usize>) -> Sentence {
        let gap = previous_end.map_or(0, |end| span.start - end);
        let own = |n: usize| u32::try_from(n).ok().filter(|&n| n != TO_THE_END);
        let (Some(small_gap), Some(start), Some(end)) = (own(gap), own(span.start), own(span.end))
        else {
            // A text of more than 4 GiB: the sentence keeps a copy of itself
            // and of the space before it, as it is written.
            let space = space_between(&source[span.start - gap..span.start]);
            let mut sentence = Sentence::after_space(&space, &source[span.clone()]);
            (sentence.start, sentence.end) = (span.start, span.end);
            return sentence;
        };
        Sentence {
            source: Arc::clone(source),
            span: start..end,
            gap: small_gap,
            gap_as_written: false,
            start: span.start,
            end: span.end,
            paragraph: 0,
            line: 0,
        }
    }

    /// The sentence as it stands in the input, without surrounding whitespace.
    pub fn text(&self) -> &str {
        let end = match self.span.end {
            TO_THE_END => self.source.len(),
            end => end as usize,
        };
        &self.source[self.span.start as usize..end]
    }

    /// The white space between the sentence before it and this one, as a
    /// segment that joins the two writes it: as written (a no-break space,
    /// two spaces), or one space where it holds a line break. Empty for the
    /// first sentence of the text.
    pub fn space_before(&self) -> Cow<'_, str> {
        let start = self.span.start as usize;
        let gap = &self.source[start - self.gap as usize..start];
        match self.gap_as_written {
            true => Cow::Borrowed(gap),
            false => space_between(gap),
        }
    }

    /// Its length in non-whitespace characters: the length the aligner's
    /// length model and the coverage figures count (Cyrillic takes two bytes
    /// a letter in UTF-8, so bytes would not do).
    pub fn length(&self) -> usize {
        non_space_chars(self.text())
    }

    /// The sentence as a segment of a translation memory: its text as
    /// written, except that a run of white space holding a line break
    /// becomes one space (see [`one_line`]).
    pub fn segment(&self) -> Cow<'_, str> {
        one_line(self.text())
    }
}

/// The characters of `text` that are not white space
/// (`text.chars().filter(|c| !c.is_whitespace()).count()`), counted byte by
/// byte: every byte that starts a character counts unless it is ASCII white
/// space, and only the four bytes that lead a wider white-space character
/// (U+0085, U+00A0, U+1680, U+2000..U+3000) are decoded. The aligner asks
/// it of every sentence.
pub(crate) fn non_space_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    let starts = count_bytes(bytes, |b| !is_continuation(b) & !is_ascii_space(b));
    if count_bytes(bytes, may_lead_a_wide_space) == 0 {
        return starts;
    }
    let wide_spaces = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| may_lead_a_wide_space(b))
        .filter(|&(i, _)| text[i..].chars().next().is_some_and(char::is_whitespace))
        .count();
    starts - wide_spaces
}

/// How many of `bytes` are `wanted`, counted without a branch a byte (in
/// blocks of up to 255 into one-byte counters), so that the compiler can
/// count many bytes an instruction.
fn count_bytes(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let n: u8 = block
                .iter()
                .map(|&b| u8::from(wanted(b)))
                .fold(0, u8::wrapping_add);
            usize::from(n)
        })
        .sum()
}

/// The first bytes of the UTF-8 of the white-space characters beyond ASCII.
fn may_lead_a_wide_space(b: u8) -> bool {
    (b == 0xC2) | (b.wrapping_sub(0xE1) < 3)
}

/// Whether `word`, in lower case, is on the function-word list of `lang`
/// (`data/stopwords-*.txt`, compiled by the build script): the anchor
/// extractor's stopwords, asked for here so that a run does not read the
/// same lists a second time into hash sets of its own.
pub(crate) fn is_function_word(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::En => compiled::EN_FUNCTION_WORDS.contains(word),
        Lang::Ru => compiled::RU_FUNCTION_WORDS.contains(word),
    }
}

/// The words of `text` (`text.split_whitespace().count()`), counted byte
/// by byte as in [`non_space_chars`]: with no white space beyond ASCII, a
/// word begins at each byte that starts a character other than white space
/// after ASCII white space (or at the start).
pub(crate) fn words(text: &str) -> usize {
    let bytes = text.as_bytes();
    if count_bytes(bytes, may_lead_a_wide_space) == 0 {
        let first = bytes.first().is_some_and(|&b| !is_ascii_space(b));
        // Each byte with the one before it, a block at a time as in
        // `count_bytes`.
        let later: usize = bytes
            .get(1..)
            .unwrap_or_default()
            .chunks(255)
            .zip(bytes.chunks(255))
            .map(|(block, before)| {
                let starts = block.iter().zip(before).map(|(&b, &previous)| {
                    u8::from(is_ascii_space(previous) & !is_continuation(b) & !is_ascii_space(b))
                });
                usize::from(starts.fold(0, u8::wrapping_add))
            })
            .sum();
        return usize::from(first) + later;
    }
    let (mut words, mut in_word) = (0, false);
    for (i, &b) in bytes.iter().enumerate() {
        if is_continuation(b) {
            continue;
        }
        let space = match may_lead_a_wide_space(b) {
            true => text[i..].chars().next().is_some_and(char::is_whitespace),
            false => is_ascii_space(b),
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// A byte inside a UTF-8 sequence, not the first of one.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The ASCII characters `char::is_whitespace` holds white space (with the
/// vertical tab, which `u8::is_ascii_whitespace` leaves out).
fn is_ascii_space(b: u8) -> bool {
    // `\t`, `\n`, vertical tab, form feed and `\r` are 9 to 13.
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

impl PartialEq for Sentence {
    fn eq(&self, other: &Sentence) -> bool {
        self.text() == other.text()
            && (self.start, self.end, self.paragraph, self.line)
                == (other.start, other.end, other.paragraph, other.line)
            && self.space_before() == other.space_before()
    }
}

impl Eq for Sentence {}

impl fmt::Debug for Sentence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sentence")
            .field("text", &self.text())
            .field("start", &self.start)
            .field("end", &self.end)
            .field("paragraph", &self.paragraph)
            .field("line", &self.line)
            .field("space_before", &self.space_before())
            .finish()
    }
}

/// The fields a sentence had when its text was a field of its own (the
/// white space before it is left out, as it was).
impl serde::Serialize for Sentence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Sentence", 5)?;
        out.serialize_field("text", self.text())?;
        out.serialize_field("start", &self.start)?;
        out.serialize_field("end", &self.end)?;
        out.serialize_field("paragraph", &self.paragraph)?;
        out.serialize_field("line", &self.line)?;
        out.end()
    }
}

/// Whether `c` breaks a line (Unicode's mandatory breaks).
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `text` on one line: every run of white space that holds a line break
/// becomes one space; all other characters, white space included (no-break
/// spaces, double spaces, tabs), stay as written.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !holds_a_line_break(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let mut run_breaks = false;
    for c in text.chars() {
        if c.is_whitespace() {
            run.push(c);
            run_breaks |= is_line_break(c);
            continue;
        }
        flush_run(&mut out, &mut run, &mut run_breaks);
        out.push(c);
    }
    flush_run(&mut out, &mut run, &mut run_breaks);
    Cow::Owned(out)
}

/// `text.contains(is_line_break)`, by the bytes of the line breaks' UTF-8
/// (writers ask it of every sentence).
fn holds_a_line_break(text: &str) -> bool {
    /// Bytes looked at together: whether a block holds a byte that may
    /// start a line break is asked without a branch a byte (vectorised), and
    /// only such a block, rare in most text, is looked at byte by byte.
    const BLOCK: usize = 32;
    let bytes = text.as_bytes();
    let may_start = |b: u8| (b.wrapping_sub(b'\n') < 4) | (b == 0xC2) | (b == 0xE2);
    let starts_one = |k: usize| match bytes[k] {
        b'\n' | 0x0B | 0x0C | b'\r' => true,
        0xC2 => bytes.get(k + 1) == Some(&0x85),
        0xE2 => bytes.get(k + 1) == Some(&0x80) && matches!(bytes.get(k + 2), Some(0xA8 | 0xA9)),
        _ => false,
    };
    bytes.chunks(BLOCK).enumerate().any(|(n, block)| {
        block.iter().fold(false, |seen, &b| seen | may_start(b))
            && (n * BLOCK..n * BLOCK + block.len()).any(starts_one)
    })
}

fn flush_run(out: &mut String, run: &mut String, run_breaks: &mut bool) {
    if *run_breaks {
        out.push(' ');
    } else {
        out.push_str(run);
    }
    run.clear();
    *run_breaks = false;
}

/// The white space `gap` between two sentences as a segment writes it.
fn space_between(gap: &str) -> Cow<'_, str> {
    match gap {
        _ if gap.contains(is_line_break) => Cow::Borrowed(" "),
        _ => Cow::Borrowed(gap),
    }
}

/// Splits `text` into sentences with the rules of `lang`.
pub fn split(text: &str, lang: Lang) -> Vec<Sentence> {
    split_shared(&Arc::from(text), lang)
}

/// [`split`] of a shared text, which the sentences share instead of a copy.
fn split_shared(source: &Arc<str>, lang: Lang) -> Vec<Sentence> {
    let text: &str = source;
    let rules = rules(lang);
    // The rules read the text's view; the sentences are slices of the text.
    let view = view::View::of(text);
    let read = view.text();
    let evidence = evidence::Evidence::new(read);
    let mut out = Vec::new();
    let mut cuts = Vec::new();
    for (index, (start, end)) in paragraphs(read).into_iter().enumerate() {
        cuts.clear();
        scanner::find_cuts(&read[start..end], rules, &evidence, &mut cuts);
        let mut from = view.start(start);
        for &cut in &cuts {
            let to = view.end(start + cut);
            push(&mut out, source, from, to, index);
            from = to;
        }
        push(&mut out, source, from, view.end_of_paragraph(end), index);
    }
    let mut out = cap_length(source, out);
    number_lines(text, &mut out);
    // Sentences live as long as the alignment: no room to grow.
    out.shrink_to_fit();
    out
}

/// The sentences of `text`: split by the rules of `lang`, or, for
/// `presplit` input, one per line (see [`presplit`]).
pub fn sentences(text: &str, lang: Lang, presplit: bool) -> Vec<Sentence> {
    sentences_of(&Arc::from(text), lang, presplit)
}

/// [`sentences`] of a text held in an [`Arc`] (as [`crate::input::Text`]
/// holds it): the sentences share the text instead of a copy.
pub fn sentences_of(text: &Arc<str>, lang: Lang, presplit: bool) -> Vec<Sentence> {
    if presplit {
        presplit_shared(text)
    } else {
        split_shared(text, lang)
    }
}

/// Reads pre-split text: one sentence per line, a blank line between paragraphs
/// (the input hunalign takes). A line that is only `<p>` is hunalign's
/// paragraph marker: a paragraph break, not a sentence.
pub fn presplit(text: &str) -> Vec<Sentence> {
    presplit_shared(&Arc::from(text))
}

/// [`presplit`] of a shared text, which the sentences share.
fn presplit_shared(source: &Arc<str>) -> Vec<Sentence> {
    let text: &str = source;
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut blank_before = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() || content.trim() == "<p>" {
            blank_before = true;
            continue;
        }
        if blank_before && !out.is_empty() {
            paragraph += 1;
        }
        blank_before = false;
        push(&mut out, source, start, start + content.len(), paragraph);
    }
    let mut out = cap_length(source, out);
    number_lines(text, &mut out);
    // Sentences live as long as the alignment: no room to grow.
    out.shrink_to_fit();
    out
}

/// The longest sentence sverka keeps whole, in bytes (about 1,500 English
/// words; the longest sentence of the evaluation kit's gold data is 2,132).
/// A text with no sentence marks at all (a word list, a log, a file of
/// headings) would otherwise be one "sentence" of megabytes, which no
/// translator means and which makes every per-sentence step as slow as the
/// whole file.
pub const MAX_SENTENCE_BYTES: usize = 10_000;

/// Cuts every sentence longer than [`MAX_SENTENCE_BYTES`] into pieces no
/// longer than that: at the last line break in the second half of the
/// allowed length, else at the last white space there, else (one endless
/// word) at a character boundary. Pieces are trimmed slices like any
/// sentence, so spans still tile the input; each cut moves on by at least
/// half the cap, so the work is linear in the text.
fn cap_length(source: &Arc<str>, sentences: Vec<Sentence>) -> Vec<Sentence> {
    cap_length_at(source, sentences, MAX_SENTENCE_BYTES)
}

/// [`cap_length`] with the cap `max` (at least 16 bytes) as a parameter.
fn cap_length_at(source: &Arc<str>, sentences: Vec<Sentence>, max: usize) -> Vec<Sentence> {
    let text: &str = source;
    if sentences.iter().all(|s| s.end - s.start <= max) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        if sentence.end - sentence.start <= max {
            out.push(sentence);
            continue;
        }
        let mut from = sentence.start;
        while sentence.end - from > max {
            let limit = floor_char_boundary(text, from + max);
            let half = floor_char_boundary(text, from + max / 2);
            let window = &text[half..limit];
            let cut = window
                .rfind('\n')
                .or_else(|| window.rfind(char::is_whitespace))
                .map_or(limit, |i| half + i);
            // `half` is well past `from` (a character is at most 4 bytes),
            // so every piece is at least half the cap and `from` advances.
            push(&mut out, source, from, cut, sentence.paragraph);
            from = cut;
        }
        push(&mut out, source, from, sentence.end, sentence.paragraph);
    }
    out
}

/// The last `bytes` bytes of `text` at most, from a character boundary on:
/// how far back a rule reads, so that the scan stays linear.
fn tail(text: &str, bytes: usize) -> &str {
    let mut from = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

/// The text up to its first white space, read no further than `most` bytes:
/// the word after a mark, without reading a long run of letters to its end.
fn first_word(text: &str, most: usize) -> &str {
    let window = &text[..floor_char_boundary(text, most)];
    window.split(char::is_whitespace).next().unwrap_or("")
}

/// The largest character boundary of `text` at or before `index`.
fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Byte ranges of the paragraphs of `text`: runs of lines between blank lines.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            out.extend(current.take());
        } else {
            let end = start + line.trim_end().len();
            current = Some((current.map_or(start, |(s, _)| s), end));
        }
    }
    out.extend(current);
    out
}

/// Adds the trimmed slice `text[start..end]` as a sentence, if it is not blank.
fn push(out: &mut Vec<Sentence>, source: &Arc<str>, start: usize, end: usize, paragraph: usize) {
    let text: &str = source;
    let slice = &text[start..end];
    let trimmed = slice.trim_start();
    let start = start + (slice.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return;
    }
    let previous_end = out.last().map(|previous| previous.end);
    let mut sentence = Sentence::in_source(source, previous_end, start..start + trimmed.len());
    sentence.paragraph = paragraph;
    out.push(sentence);
}

/// Fills in `line` for sentences sorted by `start`, in one pass over the text.
fn number_lines(text: &str, sentences: &mut [Sentence]) {
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut at = 0;
    for sentence in sentences {
        line += bytes[at..sentence.start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        at = sentence.start;
        sentence.line = line;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_line_ends_paragraph_and_sentence() {
        let s = split("A heading\n\nThe body starts here. It goes on.", Lang::En);
        let texts: Vec<_> = s.iter().map(|s| s.text()).collect();
        assert_eq!(texts, ["A heading", "The body starts here.", "It goes on."]);
        assert_eq!(s[0].paragraph, 0);
        assert_eq!(s[1].paragraph, 1);
        assert_eq!(s[2].line, 3);
    }

    #[test]
    fn spans_point_into_the_input() {
        let text = "  Первое предложение.  Второе!\n";
        for s in split(text, Lang::Ru) {
            assert_eq!(&text[s.start..s.end], s.text());
        }
    }

    #[test]
    fn cuts_an_endless_sentence_at_line_breaks() {
        let text = "the word of the day\n".repeat(2_000);
        let s = split(&text, Lang::En);
        assert!(s.len() > 1, "{}", s.len());
        for s in &s {
            assert!(s.end - s.start <= MAX_SENTENCE_BYTES);
            assert!(
                s.text().starts_with("the word") && s.text().ends_with("day"),
                "{}",
                s.text()
            );
            assert_eq!(&text[s.start..s.end], s.text());
        }
        assert_eq!(s[1].line, s[0].line + s[0].text().lines().count());
    }

    #[test]
    fn cuts_an_endless_line_at_spaces_then_anywhere() {
        let text = format!("{} {}", "слово ".repeat(3_000), "я".repeat(30_000));
        for s in [split(&text, Lang::Ru), presplit(&text)] {
            let mut joined = String::new();
            for s in &s {
                assert!(s.end - s.start <= MAX_SENTENCE_BYTES);
                assert_eq!(&text[s.start..s.end], s.text());
                joined.push_str(s.text());
            }
            let squeezed: String = text.split_whitespace().collect();
            assert_eq!(joined.replace(' ', ""), squeezed);
            assert!(s[0].text().ends_with("слово"));
        }
    }

    #[test]
    fn presplit_takes_one_sentence_per_line() {
        let s = presplit("One.\r\nTwo.\n\n\nThree.\n");
        let texts: Vec<_> = s.iter().map(|s| s.text()).collect();
        assert_eq!(texts, ["One.", "Two.", "Three."]);
        assert_eq!(s.iter().map(|s| s.paragraph).collect::<Vec<_>>(), [0, 0, 1]);
        assert_eq!(s[2].line, 5);
    }

    #[test]
    fn presplit_reads_hunalign_paragraph_markers_as_breaks() {
        let s = presplit("One.\n<p>\nTwo.\nThree.\n");
        let texts: Vec<_> = s.iter().map(|s| s.text()).collect();
        assert_eq!(texts, ["One.", "Two.", "Three."]);
        assert_eq!(s.iter().map(|s| s.paragraph).collect::<Vec<_>>(), [0, 1, 1]);
    }

    #[test]
    fn one_line_keeps_typographic_spaces_and_joins_broken_lines() {
        assert_eq!(
            one_line("of\u{a0}Russia  and\u{2009}more"),
            "of\u{a0}Russia  and\u{2009}more"
        );
        assert_eq!(
            one_line("a line \r\n  broken\u{2028}here"),
            "a line broken here"
        );
    }

    #[test]
    fn line_breaks_are_found_wherever_they_fall_in_a_block() {
        let breaks = [
            '\n', '\u{b}', '\u{c}', '\r', '\u{85}', '\u{2028}', '\u{2029}',
        ];
        let others = ['«', '—', '“', '\u{a0}', '\u{2009}', 'х', 'Щ'];
        for at in 0..70 {
            for c in breaks.into_iter().chain(others) {
                let text = format!(
                    "{}{c}{}",
                    "я".repeat(at / 2) + &"a".repeat(at % 2),
                    "b".repeat(at % 5)
                );
                assert_eq!(
                    holds_a_line_break(&text),
                    text.contains(is_line_break),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn a_sentence_takes_64_bytes() {
        // A book pair holds hundreds of thousands (it took 88 with a span
        // in `usize` and the space before it as a string of its own).
        assert!(std::mem::size_of::<Sentence>() <= 64);
    }

    #[test]
    fn a_sentence_after_a_given_space_keeps_it_as_written() {
        let s = Sentence::after_space("\n ", "Two.");
        assert_eq!((s.text(), s.space_before().as_ref()), ("Two.", "\n "));
        assert_eq!((s.start, s.end), (0, 4));
        let s = Sentence::from_text("One.");
        assert_eq!((s.text(), s.space_before().as_ref()), ("One.", ""));
    }

    #[test]
    fn sentences_keep_the_space_written_before_them() {
        let s = split("One.\u{a0} Two.  Three.\nFour.", Lang::En);
        let spaces: Vec<_> = s.iter().map(|s| s.space_before().into_owned()).collect();
        assert_eq!(spaces, ["", "\u{a0} ", "  ", " "]);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that exercise every rule: marks, quotes, abbreviations, initials,
    /// numbers, links, emoji, smileys, bullets, line breaks and blank lines.
    const PIECES: &[&str] = &[
        "word",
        "Word",
        "слово",
        "Слово",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        ".",
        "!",
        "?",
        "?!",
        "...",
        "…",
        "»",
        "«",
        "\"",
        "“",
        "”",
        "„",
        "(",
        ")",
        ")))",
        "((",
        ":",
        ";",
        ",",
        "—",
        "-",
        "--",
        "Mr.",
        "т.е.",
        "г.",
        "2021",
        "3.5",
        "1 000,5",
        "U.S.",
        "С.В.",
        "J.",
        "e.g.",
        "http://a.b/c",
        "@user",
        "#tag",
        "😊",
        "🙏🏻",
        "3⃣",
        "•",
        "✔",
        "[1]",
        "[...]",
        "AM",
        "08/15/2000",
        "13:00",
        "\u{a0}",
        "\u{2800}",
        "&#39;",
        "1)",
        "IV.",
        "Thanks,",
        "No.",
        "-----",
        "==",
        "***",
        "____",
        "<<",
        ">>",
        "(BBC)",
        "?ok",
        "\u{200B}",
        "\u{AD}",
        "\u{FEFF}",
        "\u{301}",
        "\u{306}",
        "\u{2028}",
        "\u{2029}",
        "\u{85}",
        "\r",
        "\u{202F}",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|p| p.concat())
    }

    /// Sentences come in order, each its own trimmed slice of `text`, and
    /// together hold every non-space character of it but the invisible
    /// ones of blank lines (which belong to no sentence, as the white space
    /// of a blank line does not).
    fn tile(text: &str, sentences: &[Sentence]) -> Result<(), TestCaseError> {
        let mut previous_end = 0;
        let mut joined = String::new();
        for s in sentences {
            prop_assert!(s.start >= previous_end && s.start < s.end);
            prop_assert_eq!(&text[s.start..s.end], s.text());
            prop_assert_eq!(s.text().trim(), s.text());
            joined.push_str(s.text());
            previous_end = s.end;
        }
        let visible = |s: &str| -> String {
            without_space(s)
                .chars()
                .filter(|&c| !view::is_invisible(c))
                .collect()
        };
        prop_assert_eq!(visible(&joined), visible(text));
        // Inside a paragraph nothing is left out, invisible or not.
        prop_assert!(
            without_space(&joined).len() + blank_line_invisibles(text) >= without_space(text).len()
        );
        Ok(())
    }

    /// Bytes of the invisible characters of `text` on lines with nothing
    /// else (lines as the splitter's view breaks them).
    fn blank_line_invisibles(text: &str) -> usize {
        text.split(['\n', '\r', '\u{B}', '\u{85}', '\u{2028}', '\u{2029}'])
            .filter(|line| {
                line.chars()
                    .all(|c| c.is_whitespace() || view::is_invisible(c))
            })
            .map(|line| {
                line.chars()
                    .filter(|&c| view::is_invisible(c))
                    .map(char::len_utf8)
                    .sum::<usize>()
            })
            .sum()
    }

    fn without_space(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn spans_tile_the_input_without_whitespace(text in text(), russian in any::<bool>()) {
            let lang = if russian { Lang::Ru } else { Lang::En };
            let sentences = split(&text, lang);
            tile(&text, &sentences)?;
        }

        #[test]
        fn capped_pieces_tile_the_input(text in text(), max in 16usize..64) {
            let sentences = cap_length_at(&Arc::from(text.as_str()), split(&text, Lang::En), max);
            for s in &sentences {
                prop_assert!(s.end - s.start <= max);
            }
            tile(&text, &sentences)?;
        }

        #[test]
        fn any_text_splits_without_loss(text in "(\\PC|\n|[.!?)(])*", russian in any::<bool>()) {
            let lang = if russian { Lang::Ru } else { Lang::En };
            let joined: String = split(&text, lang).iter().map(|s| s.text()).collect();
            prop_assert_eq!(without_space(&joined), without_space(&text));
        }

        #[test]
        fn non_space_characters_and_words_are_counted_as_char_by_char(text in "(\\PC|\\s|[\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}])*") {
            prop_assert_eq!(non_space_chars(&text), text.chars().filter(|c| !c.is_whitespace()).count());
            prop_assert_eq!(words(&text), text.split_whitespace().count());
            prop_assert_eq!(holds_a_line_break(&text), text.contains(is_line_break));
        }

        #[test]
        fn words_of_texts_with_ascii_white_space_only_are_counted_as_split(text in "[ a-zA-Zа-яЁё\t\n\u{0B}\u{0C}\r.,«»—-]{0,300}") {
            prop_assert_eq!(non_space_chars(&text), text.chars().filter(|c| !c.is_whitespace()).count());
            prop_assert_eq!(words(&text), text.split_whitespace().count());
        }
    }
}
