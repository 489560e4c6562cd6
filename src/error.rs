//! The library's error type: every variant names the file and the problem.

use std::path::PathBuf;

/// Something sverka could not do with a user's input or output.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file holds no text at all.
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
    /// A file looks binary (NUL bytes) rather than text.
    #[error("{path}: looks like a binary file (NUL byte at byte {offset}), expected plain text")]
    Binary { path: PathBuf, offset: usize },
    /// A file is not valid in the expected encoding.
    #[error(
        "{path}: invalid {encoding} at byte {offset}; give --encoding, or --lossy to replace bad bytes"
    )]
    Decode {
        path: PathBuf,
        encoding: String,
        offset: usize,
    },
    /// An output file could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Malformed content in a data file (dictionary, manifest, TMX to append to).
    #[error("{path}:{line}: {message}")]
    Format {
        path: PathBuf,
        line: usize,
        message: String,
    },
}
