//! Reading input files into text: encodings, byte-order marks, line endings,
//! and the checks that catch the wrong file before it is aligned.
//!
//! # Encodings
//! A byte-order mark decides first (UTF-8, UTF-16LE, UTF-16BE), even over an
//! explicit encoding. Without one, the encoding given in [`ReadOptions`] is
//! used; without that, UTF-8 if the bytes are valid UTF-8, else Windows-1251
//! or KOI8-R when the text reads clearly as Russian in exactly one of them
//! (see `detect.rs`). Anything else is an error naming the first bad byte;
//! bytes are replaced by U+FFFD only with [`ReadOptions::lossy`].
//!
//! # Offsets
//! Sentence offsets (`Sentence::start`, `end`) are byte offsets into the
//! decoded UTF-8 [`Text::text`]. For a UTF-8 file without a BOM they are file
//! offsets too; otherwise [`Text::offsets`] turns them into byte offsets in
//! the file as it is on disk (BOM, UTF-16 code units, one-byte encodings and
//! replaced bytes all accounted for).
//!
//! # Line endings
//! CRLF is left as it is (the splitter reads `\r` as whitespace). A lone CR
//! (old Mac files) becomes LF, so that lines and paragraphs are found; both
//! are one byte, so no offset moves.

mod detect;
mod docx;
mod encoding;
mod format;
mod html;
mod markdown;
mod rendered;
pub(crate) mod script;
mod structured;

pub use encoding::Encoding;
pub use format::InputFormat;
pub use rendered::Rendered;
pub use script::{ScriptCount, check_language, check_pair};

use std::path::Path;
use std::sync::Arc;

use crate::Error;

/// How to read an input file.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The file's encoding; `None` detects it. A byte-order mark wins over it.
    pub encoding: Option<Encoding>,
    /// Replace undecodable bytes with U+FFFD instead of failing.
    pub lossy: bool,
    /// The file's format; `None` tells it from the content (see
    /// [`InputFormat::sniff`]).
    pub format: Option<InputFormat>,
    /// Keep all visible text of a web page, its navigation, headers and
    /// footers included (by default only the main content is read).
    pub whole_page: bool,
}

/// An input file decoded into text.
#[derive(Debug, Clone)]
pub struct Text {
    /// The text, with lone CRs turned into LFs. Shared: the sentences
    /// split from it hold it too (see [`crate::split::sentences_of`]).
    pub text: Arc<str>,
    /// The encoding the file was read in.
    pub encoding: Encoding,
    /// True when the encoding was detected, not given or announced by a BOM.
    pub detected: bool,
    /// Length in bytes of the byte-order mark at the start of the file (0 if none).
    pub bom_len: usize,
    /// `(offset in text, bytes in file)` of every U+FFFD put in by `--lossy`.
    repairs: Vec<(usize, usize)>,
    /// The format the file was read as.
    pub format: InputFormat,
    /// For a web page, Word file or Markdown document: the map from
    /// [`Text::text`], the rendered text, back to the source (its own `text`
    /// is moved into [`Text::text`]). `None` for plain text.
    pub rendered: Option<Rendered>,
}

impl Text {
    /// How many bad byte sequences `--lossy` replaced.
    pub fn replaced(&self) -> usize {
        self.repairs.len()
    }

    /// The file offset of the first byte sequence `--lossy` replaced.
    pub fn first_replaced(&self) -> Option<usize> {
        let &(at, _) = self.repairs.first()?;
        Some(self.offsets().source_to_file(at))
    }

    /// For a web page, Word file or Markdown document, sets each sentence's
    /// `line` (split from [`Text::text`]) to its line in the source: the
    /// file's line, a Word file's paragraph (see `docx.rs`). Plain text is
    /// left as it is. Offsets stay in [`Text::text`]; [`Text::offsets`]
    /// takes them to the file.
    pub fn source_lines(&self, sentences: &mut [crate::Sentence]) {
        if let Some(rendered) = &self.rendered {
            for s in sentences {
                s.line = rendered.line(s.start);
            }
        }
    }

    /// A converter from offsets in [`Text::text`] to offsets in the file.
    pub fn offsets(&self) -> OffsetMap<'_> {
        OffsetMap {
            text: self,
            text_at: 0,
            file_at: self.bom_len,
            repair: 0,
        }
    }
}

/// Turns byte offsets in a [`Text`] into byte offsets in its file. Walks the
/// text once when asked for offsets in increasing order (as sentences come);
/// an earlier offset starts again from the beginning.
pub struct OffsetMap<'a> {
    text: &'a Text,
    text_at: usize,
    file_at: usize,
    repair: usize,
}

impl OffsetMap<'_> {
    /// The file offset of byte `offset` of the text (which must fall on a
    /// character boundary; one past the end is allowed).
    pub fn file_offset(&mut self, offset: usize) -> usize {
        let offset = match &self.text.rendered {
            Some(rendered) => rendered.source_start(offset),
            None => offset,
        };
        self.source_to_file(offset)
    }

    /// The file bytes of rendered (or plain) text `range`: from
    /// [`OffsetMap::file_offset`] of its start to just past the source of its
    /// last character (not at the markup that follows), never backwards (see
    /// [`Rendered::source_span`]).
    pub fn file_span(&mut self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let span = match &self.text.rendered {
            Some(rendered) => rendered.source_span(range),
            None => range,
        };
        let start = self.source_to_file(span.start);
        start..self.source_to_file(span.end)
    }

    /// The file offset of byte `offset` of the decoded source.
    fn source_to_file(&mut self, offset: usize) -> usize {
        let text = self.text;
        if offset < self.text_at {
            *self = text.offsets();
        }
        if text.encoding == Encoding::Utf8 && text.repairs.is_empty() {
            return text.bom_len + offset;
        }
        let source = text
            .rendered
            .as_ref()
            .map_or(&*text.text, |r| r.source.as_str());
        for (at, c) in source[self.text_at..offset].char_indices() {
            let at = self.text_at + at;
            let repair = text.repairs.get(self.repair).filter(|r| r.0 == at);
            self.file_at += match (repair, text.encoding) {
                (Some(&(_, len)), _) => {
                    self.repair += 1;
                    len
                }
                (None, Encoding::Utf8) => c.len_utf8(),
                (None, Encoding::Utf16Le | Encoding::Utf16Be) => 2 * c.len_utf16(),
                (None, Encoding::Windows1251 | Encoding::Koi8R) => 1,
            };
        }
        self.text_at = offset;
        self.file_at
    }
}

/// The largest input file read by default: 256 MiB, far beyond any
/// document (the 18,169-verse Bible pair is 9 MB a side) and small enough
/// that aligning it fits in memory.
pub const MAX_INPUT_BYTES: u64 = 256 << 20;

/// Reads and decodes the file at `path` (at most [`MAX_INPUT_BYTES`]): plain
/// text as it is, a web page, Word file or Markdown document rendered (see
/// [`Rendered`]).
pub fn read(path: &Path, options: &ReadOptions) -> Result<Text, Error> {
    let bytes = read_bytes(path, MAX_INPUT_BYTES)?;
    decode_bytes(path, &bytes, options)
}

/// The bytes of the file at `path`, refusing anything larger than `limit`
/// bytes and anything that is not a file: a directory, a device
/// (`/dev/zero` would fill the memory) or a socket. A named pipe is read,
/// since that is what `<(command)` in a shell gives; the limit bounds it too.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    if let Some(kind) = not_a_file(&metadata.file_type()) {
        return Err(Error::NotRegular {
            path: path.to_path_buf(),
            kind,
        });
    }
    if metadata.is_file() && metadata.len() > limit {
        return Err(Error::TooBig {
            path: path.to_path_buf(),
            limit,
        });
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooBig {
            path: path.to_path_buf(),
            limit,
        });
    }
    Ok(bytes)
}

/// What a file that cannot be read as a document is, if it is one.
fn not_a_file(kind: &std::fs::FileType) -> Option<&'static str> {
    if kind.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    None
}

/// True for bytes that are UTF-8 text as they stand: valid UTF-8 with no
/// NUL byte (UTF-16 text always has some, since its ASCII characters do).
/// `--encoding` leaves such a file as UTF-8.
pub fn is_plain_utf8(bytes: &[u8]) -> bool {
    !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok()
}

/// Decodes the bytes of a file read from `path` (used in messages, and to
/// tell a `.md` file), in the format given or told from the content.
pub fn decode_bytes(path: &Path, bytes: &[u8], options: &ReadOptions) -> Result<Text, Error> {
    match options.format {
        Some(InputFormat::Text) => decode_plain(path, bytes, options),
        Some(format) => structured::read(path, bytes, options, format),
        None if bytes.is_empty() => decode_plain(path, bytes, options),
        None => match InputFormat::sniff(bytes, path) {
            InputFormat::Text => decode_plain(path, bytes, options),
            format => structured::read(path, bytes, options, format),
        },
    }
}

/// Decodes the bytes of a plain-text file.
fn decode_plain(path: &Path, bytes: &[u8], options: &ReadOptions) -> Result<Text, Error> {
    let path_buf = || path.to_path_buf();
    if bytes.is_empty() {
        return Err(Error::Empty { path: path_buf() });
    }
    if let Some((kind, advice)) = document_format(bytes) {
        return Err(Error::NotText {
            path: path_buf(),
            kind,
            advice,
        });
    }
    // What `detect` found of the bytes (`None`: it was not asked), so that
    // a book's megabytes are not scanned again.
    let (encoding, bom_len, detected) = match Encoding::from_bom(bytes) {
        Some(e) => (e, e.bom().map_or(0, <[u8]>::len), None),
        None => match options.encoding {
            Some(e) => (e, 0, None),
            None => {
                let (e, utf8) = detect(path, bytes, options)?;
                (e, 0, Some(utf8))
            }
        },
    };
    let body = &bytes[bom_len..];
    // In these encodings a NUL byte is a NUL character: not text (`detect`
    // refused one already).
    let nul_is_binary = matches!(encoding, Encoding::Utf8) || encoding.is_single_byte();
    if nul_is_binary
        && detected.is_none()
        && let Some(offset) = first_nul(body)
    {
        return Err(Error::Binary {
            path: path_buf(),
            offset: bom_len + offset,
        });
    }
    let as_it_stands = match (encoding, detected) {
        (Encoding::Utf8, Some(utf8)) => utf8,
        (Encoding::Utf8, None) => std::str::from_utf8(body).ok(),
        _ => None,
    }
    .filter(|t| !has_lone_cr(t));
    let (shared, repairs) = match as_it_stands {
        // Nearly every input: copied once, into the shared text, with no
        // string in between (which would hold the text a third time while
        // the caller holds the bytes).
        Some(valid) => (Arc::from(valid), Vec::new()),
        None => {
            let decoded =
                encoding::decode(body, encoding, options.lossy).map_err(|e| Error::Decode {
                    path: path_buf(),
                    encoding,
                    offset: bom_len + e.offset,
                })?;
            // A lone CR becomes an LF first: the same length, so offsets
            // and the checks below do not change.
            (lone_cr_to_lf(decoded.text).into(), decoded.repairs)
        }
    };
    let text = Text {
        text: shared,
        encoding,
        detected: detected.is_some(),
        bom_len,
        repairs,
        format: InputFormat::Text,
        rendered: None,
    };
    if !nul_is_binary && let Some(at) = text.text.find('\0') {
        // Only UTF-16 gets here: NUL code units.
        let offset = text.offsets().file_offset(at);
        return Err(Error::Binary {
            path: path_buf(),
            offset,
        });
    }
    if text.text.trim().is_empty() {
        return Err(Error::Empty { path: path_buf() });
    }
    Ok(text)
}

/// The encoding of a file with no BOM and no `--encoding`, with the file as
/// text when it is valid UTF-8 (found on the way). A file with a NUL byte
/// is refused.
fn detect<'b>(
    path: &Path,
    bytes: &'b [u8],
    options: &ReadOptions,
) -> Result<(Encoding, Option<&'b str>), Error> {
    if let Some(offset) = first_nul(bytes) {
        return Err(match detect::utf16_without_bom(bytes) {
            Some(encoding) => Error::Utf16WithoutBom {
                path: path.to_path_buf(),
                encoding,
            },
            None => Error::Binary {
                path: path.to_path_buf(),
                offset,
            },
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Encoding::Utf8, Some(text))),
        Err(e) => match detect::legacy_cyrillic(bytes) {
            Some(encoding) => Ok((encoding, None)),
            // With --lossy an unclear file is read as UTF-8, bad bytes replaced.
            None if options.lossy => Ok((Encoding::Utf8, None)),
            None => Err(Error::UnknownEncoding {
                path: path.to_path_buf(),
                offset: e.valid_up_to(),
            }),
        },
    }
}

/// Where the first NUL byte of `bytes` is, if any. Asked first whether
/// there is one (`contains` of a byte is a `memchr`, a word at a time):
/// a book's megabytes hold none.
fn first_nul(bytes: &[u8]) -> Option<usize> {
    if !bytes.contains(&0) {
        return None;
    }
    bytes.iter().position(|&b| b == 0)
}

/// Document formats people hand in instead of text, by their magic bytes.
fn document_format(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    const SAVE_AS_TEXT: &str = "open it and save it as plain text (.txt, UTF-8)";
    let formats: [(&[u8], &str, &str); 5] = [
        (
            b"%PDF-",
            "PDF",
            "extract the text first (e.g. pdftotext -layout)",
        ),
        (b"PK\x03\x04", "zip (.docx, .odt, .xlsx)", SAVE_AS_TEXT),
        (b"\xD0\xCF\x11\xE0", "Word 97-2003 (.doc)", SAVE_AS_TEXT),
        (b"{\\rtf", "RTF", SAVE_AS_TEXT),
        (b"\x1F\x8B", "gzip", "decompress it first (gunzip)"),
    ];
    formats
        .into_iter()
        .find(|(magic, _, _)| bytes.starts_with(magic))
        .map(|(_, kind, advice)| (kind, advice))
}

/// Turns every CR not followed by LF into LF (same length, so no offset moves).
/// Whether `text` has a CR that is not followed by an LF.
fn has_lone_cr(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices('\r')
        .any(|(at, _)| bytes.get(at + 1) != Some(&b'\n'))
}

fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Replacing one ASCII byte by another keeps the UTF-8 valid.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests;
