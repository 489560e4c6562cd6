//! Rendered text: what a reader of a web page, Word file or Markdown document
//! sees, with a map from every rendered byte back to the source.
//!
//! All three structured readers (`html.rs`, `docx.rs`, `markdown.rs`) build a
//! [`Rendered`] through one [`Builder`]. Each block (heading, paragraph, list
//! item, table cell, caption, footnote) becomes a paragraph of the rendered
//! text, separated from its neighbours by a blank line, so the splitter never
//! lets a sentence run from one block into the next. Inline markup is gone,
//! entities and escapes are decoded, and no-break spaces stay no-break spaces.
//!
//! The map is a list of [`Piece`]s: a run of rendered bytes and the run of
//! source bytes it came from. A piece is *verbatim* when the two runs are the
//! same bytes (plain text between tags), so offsets inside it map one to one;
//! otherwise (an entity, an escape, collapsed whitespace) the piece maps as a
//! whole. The source is the decoded text of the file for HTML and Markdown
//! (the input's encoding map then takes offsets on to the file's bytes), and
//! the uncompressed XML part for a Word file (`word/document.xml`; footnote
//! text points into `word/footnotes.xml`).

/// A run of rendered text and the source it came from.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Offset of the run in the rendered text.
    at: usize,
    /// Its length in the rendered text.
    len: usize,
    /// Offset of its source in the source text.
    src: usize,
    /// Length of its source.
    src_len: usize,
    /// 1-based source line (for a Word file: paragraph) it came from.
    line: usize,
}

impl Piece {
    fn verbatim(&self) -> bool {
        self.len == self.src_len
    }
}

/// Text as rendered from a structured document, with its map to the source.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The rendered text: blocks separated by blank lines.
    pub text: String,
    /// The decoded source the offsets point into (empty for a Word file,
    /// whose offsets are into its XML parts).
    pub source: String,
    pieces: Vec<Piece>,
}

impl Rendered {
    /// The piece holding rendered byte `offset`, or the first after it.
    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.at + p.len <= offset);
        self.pieces.get(i)
    }

    /// The source offset where the character at rendered `offset` starts.
    pub fn source_start(&self, offset: usize) -> usize {
        match self.piece_at(offset) {
            Some(p) if p.verbatim() && offset >= p.at => p.src + (offset - p.at),
            Some(p) => p.src,
            None => self.pieces.last().map_or(0, |p| p.src + p.src_len),
        }
    }

    /// The source offset just past the character that ends before rendered
    /// `offset` (for the exclusive end of a span).
    pub fn source_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.source_start(0);
        }
        match self.piece_at(offset - 1) {
            Some(p) if p.verbatim() && offset > p.at => p.src + (offset - p.at),
            Some(p) if offset > p.at => p.src + p.src_len,
            Some(p) => p.src,
            None => self.pieces.last().map_or(0, |p| p.src + p.src_len),
        }
    }

    /// The source span of rendered `range`: from where its first character
    /// starts to just past its last one. Where the reader moved text out of
    /// source order (an HTML parser moves misplaced content, and a span's
    /// end would come before its start), the least span that holds the
    /// source of every piece of it.
    pub fn source_span(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let (start, end) = (self.source_start(range.start), self.source_end(range.end));
        if start <= end {
            return start..end;
        }
        let first = self.pieces.partition_point(|p| p.at + p.len <= range.start);
        let pieces = self.pieces[first..].iter().take_while(|p| p.at < range.end);
        pieces.fold(end..start, |span, p| {
            span.start.min(p.src)..span.end.max(p.src + p.src_len)
        })
    }

    /// The 1-based source line (a Word file: paragraph) of rendered `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.piece_at(offset).map_or(1, |p| p.line)
    }
}

/// Builds a [`Rendered`] text block by block.
pub struct Builder {
    out: Rendered,
    /// Offsets of the starts of the source's lines, for [`Piece::line`].
    line_starts: Vec<usize>,
    /// The line given by [`Builder::set_line`], when lines are not counted.
    fixed_line: Option<usize>,
    /// Collapsible whitespace seen since the last text: its source offset.
    pending_space: Option<usize>,
    /// The next text starts a new block.
    new_block: bool,
}

impl Builder {
    /// A builder for text from `source`, whose lines are counted.
    pub fn new(source: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Builder {
            out: Rendered {
                source,
                ..Rendered::default()
            },
            line_starts,
            fixed_line: None,
            pending_space: None,
            new_block: false,
        }
    }

    /// A builder whose source is not kept (a Word file's XML parts); lines
    /// are whatever [`Builder::set_line`] last said.
    pub fn without_source() -> Self {
        let mut builder = Builder::new(String::new());
        builder.fixed_line = Some(1);
        builder
    }

    /// Sets the line reported for the text pushed from now on.
    pub fn set_line(&mut self, line: usize) {
        self.fixed_line = Some(line);
    }

    /// Ends the current block: the next text starts a new paragraph.
    pub fn end_block(&mut self) {
        if !self.out.text.is_empty() {
            self.new_block = true;
        }
        self.pending_space = None;
    }

    /// Collapsible whitespace at source offset `src` (HTML's rule: a run of
    /// spaces and line breaks shows as one space, none at a block's edges).
    pub fn space(&mut self, src: usize) {
        if !self.new_block && !self.out.text.is_empty() && !self.out.text.ends_with('\n') {
            self.pending_space.get_or_insert(src);
        }
    }

    /// A line break inside a block (`<br>`, a hard break), from source `src..src + src_len`.
    pub fn line_break(&mut self, src: usize, src_len: usize) {
        self.pending_space = None;
        if self.out.text.is_empty() || self.new_block || self.out.text.ends_with("\n\n") {
            return;
        }
        self.piece("\n", src, src_len);
    }

    /// Rendered `text` that came from the source bytes `src..src + src_len`
    /// (verbatim when `text` is exactly those bytes).
    pub fn push(&mut self, text: &str, src: usize, src_len: usize) {
        if text.is_empty() {
            return;
        }
        if self.new_block {
            self.out.text.push_str("\n\n");
            self.new_block = false;
        } else if let Some(at) = self.pending_space.take() {
            self.piece(" ", at, 1);
        }
        self.piece(text, src, src_len);
    }

    fn piece(&mut self, text: &str, src: usize, src_len: usize) {
        let line = match self.fixed_line {
            Some(line) => line,
            None => self.line_starts.partition_point(|&s| s <= src),
        };
        let at = self.out.text.len();
        self.out.text.push_str(text);
        let piece = Piece {
            at,
            len: text.len(),
            src,
            src_len,
            line,
        };
        if let Some(last) = self.out.pieces.last_mut()
            && last.verbatim()
            && piece.verbatim()
            && last.at + last.len == at
            && last.src + last.src_len == src
            && last.line == line
        {
            last.len += piece.len;
            last.src_len += piece.src_len;
            return;
        }
        self.out.pieces.push(piece);
    }

    /// The source text (empty for [`Builder::without_source`]).
    pub fn source(&self) -> &str {
        &self.out.source
    }

    /// The finished text and map.
    pub fn finish(self) -> Rendered {
        self.out
    }
}

/// Pushes `decoded`, the text that markup-escaped `raw` (at source offset
/// `src`) decodes to, mapping each entity or character reference (`&amp;`,
/// `&#160;`) to the characters it stands for and the rest verbatim. `raw`
/// and `decoded` must agree outside entities; where they do not, the rest is
/// mapped as one piece.
pub fn push_escaped(builder: &mut Builder, raw: &str, decoded: &str, src: usize) {
    if raw == decoded {
        builder.push(decoded, src, raw.len());
        return;
    }
    let (mut r, mut d) = (0, 0);
    while d < decoded.len() {
        let rest = &raw[r..];
        if rest.starts_with('&')
            && let Some(len) = entity_len(rest)
        {
            let c = decoded[d..].chars().next().map_or(0, char::len_utf8);
            builder.push(&decoded[d..d + c], src + r, len);
            r += len;
            d += c;
            continue;
        }
        let same = common_prefix(rest, &decoded[d..]);
        if same == 0 {
            builder.push(&decoded[d..], src + r, raw.len() - r);
            return;
        }
        builder.push(&decoded[d..d + same], src + r, same);
        r += same;
        d += same;
    }
}

/// Length of the character or entity reference `&...;` that `s` starts with.
pub fn entity_len(s: &str) -> Option<usize> {
    let body = s.as_bytes().get(1..)?;
    let name_len = match body.first()? {
        b'#' => {
            1 + body[1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
        }
        b if b.is_ascii_alphabetic() => body
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count(),
        _ => return None,
    };
    (name_len > 0 && name_len <= 32 && body.get(name_len) == Some(&b';')).then_some(name_len + 2)
}

/// Bytes at the start of `a` and `b` that are the same, up to the first `&`
/// of `a` and on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for (x, y) in a.chars().zip(b.chars()) {
        if x != y || x == '&' {
            break;
        }
        n += x.len_utf8();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_separated_by_a_blank_line() {
        let mut b = Builder::new("<h1>Title</h1><p>Body</p>".to_string());
        b.push("Title", 4, 5);
        b.end_block();
        b.push("Body", 17, 4);
        let r = b.finish();
        assert_eq!(r.text, "Title\n\nBody");
        assert_eq!(r.source_start(7), 17);
        assert_eq!(r.source_end(5), 9);
        assert_eq!(r.source_end(11), 21);
    }

    #[test]
    fn entities_map_to_their_whole_reference() {
        let source = "a&nbsp;b &amp; c";
        let mut b = Builder::new(source.to_string());
        push_escaped(&mut b, source, "a\u{a0}b & c", 0);
        let r = b.finish();
        assert_eq!(r.text, "a\u{a0}b & c");
        // "b" follows the six-byte entity.
        assert_eq!(r.source_start(3), 7);
        // The end of "&" is the end of "&amp;".
        assert_eq!(r.source_end(6), 14);
        assert_eq!(r.source_start(6), 14);
    }

    #[test]
    fn collapsed_space_is_one_space_and_none_at_block_edges() {
        let mut b = Builder::new("x".repeat(40));
        b.space(0);
        b.push("One", 1, 3);
        b.space(4);
        b.space(5);
        b.push("two", 6, 3);
        b.space(9);
        b.end_block();
        b.push("Three", 20, 5);
        assert_eq!(b.finish().text, "One two\n\nThree");
    }

    #[test]
    fn lines_are_counted_in_the_source() {
        let mut b = Builder::new("a\nb\nc".to_string());
        b.push("c", 4, 1);
        assert_eq!(b.finish().line(0), 3);
    }
}
