//! Writing an [`Alignment`] out: one file per format.

mod beads;
mod table;

use std::io::{self, Write};
use std::path::Path;
use std::str::FromStr;

use crate::Alignment;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A two-column table for reading in a terminal.
    Table,
    /// `[0, 1]:[0]` beads, one per line (the evaluation kit's format).
    Beads,
}

impl Format {
    /// The format implied by a file name's extension, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()?.to_str()?.parse().ok()
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "table" | "txt" => Ok(Format::Table),
            "beads" => Ok(Format::Beads),
            _ => Err(format!("unknown format `{s}` (expected table or beads)")),
        }
    }
}

/// What to include and how, shared by all formats.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Leave out beads whose confidence is below this.
    pub min_score: f64,
    /// Terminal width for the table (0: 100 columns).
    pub width: usize,
}

/// Writes `alignment` in `format` to `out`.
pub fn write(
    alignment: &Alignment,
    format: Format,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => table::write(alignment, options, out),
        Format::Beads => beads::write(alignment, out),
    }
}
