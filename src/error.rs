//! The library's error type: every variant names the file and the problem.

use std::path::PathBuf;

use crate::Lang;
use crate::input::Encoding;

/// Something sverka could not do with a user's input or output.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A file holds no text at all.
    #[error("{path}: file is empty (or only whitespace); check the file name")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A file looks binary (NUL bytes) rather than text.
    #[error(
        "{path}: looks like a binary file (NUL byte at byte {offset}); give plain text (save it as .txt)"
    )]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset in the file.
        offset: usize,
    },
    /// A path names something that is not a file (a directory, a device).
    #[error("{path}: is {kind}, not a file; give a text file")]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is ("a directory", "a device", "a socket").
        kind: &'static str,
    },
    /// A file is larger than sverka reads.
    #[error(
        "{path}: larger than {} MB, the most sverka reads; give --max-input-size MB to read more",
        limit >> 20
    )]
    TooBig {
        /// The file.
        path: PathBuf,
        /// The most bytes read.
        limit: u64,
    },
    /// The text looks like UTF-8 read in a one-byte encoding (mojibake).
    #[error(
        "{path}: looks like UTF-8 text read as {encoding} (\"{seen}\" for \"{meant}\"); give the file's real encoding (--{side}-encoding utf-8), or --no-lang-check"
    )]
    Mojibake {
        /// The file.
        path: PathBuf,
        /// The code page it seems to have been read in.
        encoding: &'static str,
        /// A garbled run as it stands in the text.
        seen: String,
        /// What it was meant to be.
        meant: String,
        /// `en` or `ru`, for the flag to suggest.
        side: &'static str,
    },
    /// A file's letters are neither Latin nor Cyrillic.
    #[error(
        "{path}: expected {expected} text but only {percent}% of its letters are Latin or Cyrillic; was it read in the wrong encoding? Give the right --{side}-encoding, or --no-lang-check",
        expected = language_name(*expected),
    )]
    NeitherScript {
        /// The file.
        path: PathBuf,
        /// The language it should be in.
        expected: Lang,
        /// Share of its letters that are Latin or Cyrillic.
        percent: u8,
        /// `en` or `ru`, for the flag to suggest.
        side: &'static str,
    },
    /// A file is a document format (PDF, Word, ...) rather than plain text.
    #[error("{path}: is a {kind} file, not plain text; {advice}")]
    NotText {
        /// The file.
        path: PathBuf,
        /// What kind of document it is.
        kind: &'static str,
        /// What to do instead.
        advice: &'static str,
    },
    /// A document (a Word file) that cannot be read: a broken zip, no document part.
    #[error("{path}: {problem}")]
    Document {
        /// The input.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// A web page, Word file or Markdown document with nothing to align.
    #[error("{path}: {what}")]
    NoText {
        /// The input.
        path: PathBuf,
        /// What holds no text, and what to do.
        what: &'static str,
    },
    /// A file is not valid in the expected encoding.
    #[error(
        "{path}: invalid {encoding} at byte {offset}; give the right --encoding, or --lossy to replace bad bytes"
    )]
    Decode {
        /// The file.
        path: PathBuf,
        /// The encoding.
        encoding: Encoding,
        /// Byte offset in the file.
        offset: usize,
    },
    /// A file is not UTF-8, and not clearly one of the legacy encodings either.
    #[error(
        "{path}: not UTF-8 (invalid byte at {offset}) and not clearly windows-1251 or koi8-r; give --encoding, or --lossy to replace bad bytes"
    )]
    UnknownEncoding {
        /// The file.
        path: PathBuf,
        /// Byte offset in the file.
        offset: usize,
    },
    /// A file looks like UTF-16 but has no byte-order mark to say which order.
    #[error("{path}: looks like {encoding} without a byte-order mark; give --encoding {encoding}")]
    Utf16WithoutBom {
        /// The file.
        path: PathBuf,
        /// The encoding.
        encoding: Encoding,
    },
    /// A file is in the other language's script.
    #[error(
        "{path}: expected {expected} text but it looks {found} ({percent}% {found_script} letters); check the file order (English first), or give --no-lang-check",
        expected = language_name(*expected),
        found = language_name(*found),
        found_script = script_name(*found),
    )]
    WrongLanguage {
        /// The file.
        path: PathBuf,
        /// The language the file should be in.
        expected: Lang,
        /// The language it looks like.
        found: Lang,
        /// Share of its letters in the other script, in percent.
        percent: u8,
    },
    /// The English input looks Russian and the Russian input English.
    #[error(
        "{en} looks Russian ({en_cyrillic}% Cyrillic letters) and {ru} looks English ({ru_latin}% Latin letters); did you swap them? Give the English file first, or --no-lang-check"
    )]
    SwappedLanguages {
        /// The English file.
        en: PathBuf,
        /// The Russian file.
        ru: PathBuf,
        /// Share of Cyrillic letters in the English file, in percent.
        en_cyrillic: u8,
        /// Share of Latin letters in the Russian file, in percent.
        ru_latin: u8,
    },
    /// An output file could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A pair too large to align in one pass: a table of the aligner would
    /// outgrow its offsets (see [`crate::align::TooLarge`]).
    #[error(
        "{en}, {ru}: too many sentences to align in one pass ({en_sentences} and {ru_sentences} sentences, {what}); split the texts into parts"
    )]
    TooLarge {
        /// The English file.
        en: PathBuf,
        /// The Russian file.
        ru: PathBuf,
        /// Sentences of the English file.
        en_sentences: usize,
        /// Sentences of the Russian file.
        ru_sentences: usize,
        /// Which table, how large, and its limit.
        what: crate::align::TooLarge,
    },
    /// Malformed content in a data file (dictionary, manifest, TMX to append to).
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Ru => "Russian",
    }
}

fn script_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Latin",
        Lang::Ru => "Cyrillic",
    }
}
