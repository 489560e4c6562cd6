//! Writing an [`Alignment`] out: one file per format.
//!
//! | format  | what it is for                          | beads written            |
//! |---------|-----------------------------------------|--------------------------|
//! | `table` | reading in a terminal                   | all                      |
//! | `beads` | the evaluation kit (`[0, 1]:[2]`)       | all                      |
//! | `tmx`   | translation memory for CAT tools        | links (+ one-sided: `keep_unaligned`) |
//! | `csv`   | spreadsheets, pandas                    | links (+ one-sided: `keep_unaligned`) |
//! | `tsv`   | `cut`, `awk`, spreadsheets              | links (+ one-sided: `keep_unaligned`) |
//! | `jsonl` | programs: ids, texts, byte offsets      | all                      |
//! | `moses` | MT training: `out.en` / `out.ru`        | links only               |
//!
//! `min_score` leaves out beads below it in every format but `beads` (which
//! must cover every sentence) and `table`. The translation-memory formats
//! (TMX, CSV, TSV, Moses) also leave out page chrome and links whose two
//! sides are identical, unless `keep_chrome` / `keep_identical`.

mod beads;
mod clean;
mod csv;
mod jsonl;
pub mod moses;
mod table;
pub mod tmx;

pub use clean::xml_safe;

use std::io::{self, Write};
use std::path::Path;
use std::str::FromStr;

use crate::{Alignment, Bead};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A two-column table for reading in a terminal.
    Table,
    /// `[0, 1]:[0]` beads, one per line (the evaluation kit's format).
    Beads,
    /// A TMX 1.4b translation memory.
    Tmx,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row; no quoting.
    Tsv,
    /// One JSON object per bead: sentence ids, texts, byte offsets, score.
    Jsonl,
    /// Two plain files, one segment a line (see [`moses`]).
    Moses,
}

impl Format {
    /// The format implied by a file name's extension, if any. `.en` and `.ru`
    /// mean Moses (the pair of files MT pipelines take).
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()?.to_str()?.parse().ok()
    }

    /// Whether the format writes every bead regardless of
    /// [`WriteOptions::keep_unaligned`].
    fn writes_one_sided(self, options: &WriteOptions) -> bool {
        match self {
            Format::Table | Format::Beads | Format::Jsonl => true,
            Format::Tmx | Format::Csv | Format::Tsv => options.keep_unaligned,
            // Line n of one file must translate line n of the other: an empty
            // line opposite a sentence would teach an MT system to drop it.
            Format::Moses => false,
        }
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "table" | "txt" => Ok(Format::Table),
            "beads" => Ok(Format::Beads),
            "tmx" => Ok(Format::Tmx),
            "csv" => Ok(Format::Csv),
            "tsv" | "tab" => Ok(Format::Tsv),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "moses" | "en" | "ru" => Ok(Format::Moses),
            _ => Err(format!(
                "unknown format `{s}` (expected table, beads, tmx, csv, tsv, jsonl or moses)"
            )),
        }
    }
}

/// What to include and how, shared by all formats.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Leave out beads whose confidence is below this.
    pub min_score: f64,
    /// Also write one-sided beads (1-0, 0-1) in TMX (a unit with one
    /// `<tuv>`), CSV and TSV (an empty cell opposite). Moses never holds them.
    pub keep_unaligned: bool,
    /// Also write beads holding page chrome (menus, language switches, share
    /// links: [`crate::chrome`]) to TMX, CSV, TSV and Moses.
    pub keep_chrome: bool,
    /// Also write links whose two sides are the same text to TMX, CSV, TSV
    /// and Moses.
    pub keep_identical: bool,
    /// Terminal width for the table (0: 100 columns).
    pub width: usize,
    /// Bytes skipped at the start of the English file (a BOM), added to the
    /// sentence offsets so that they point into the file.
    pub en_skipped: usize,
    /// The same for the Russian file.
    pub ru_skipped: usize,
    /// Name of the English document, written into each TMX unit.
    pub en_document: Option<String>,
    /// Name of the Russian document, written into each TMX unit.
    pub ru_document: Option<String>,
    /// Creation time of a TMX file as seconds since 1970 (UTC); `None`: now.
    pub created: Option<u64>,
}

/// What a writer did, for the caller to tell the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Beads written (TMX units, rows, lines).
    pub beads: usize,
    /// Beads left out by `min_score` or because they are one-sided.
    pub skipped: usize,
    /// Characters removed because the format cannot hold them (control
    /// characters XML 1.0 forbids).
    pub removed_chars: usize,
    /// Units not appended because the TMX already held them.
    pub duplicates: usize,
}

/// Writes `alignment` in `format` to `out`.
///
/// [`Format::Moses`] writes two files; use [`moses::write`] for it.
pub fn write(
    alignment: &Alignment,
    format: Format,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<Written> {
    match format {
        Format::Table => {
            table::write(alignment, options, out)?;
            Ok(Written {
                beads: alignment.beads.len(),
                ..Written::default()
            })
        }
        Format::Beads => {
            beads::write(alignment, out)?;
            Ok(Written {
                beads: alignment.beads.len(),
                ..Written::default()
            })
        }
        Format::Tmx => tmx::write(alignment, options, out),
        Format::Csv => csv::write(alignment, options, b',', out),
        Format::Tsv => csv::write(alignment, options, b'\t', out),
        Format::Jsonl => jsonl::write(alignment, options, out),
        Format::Moses => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the moses format writes two files (.en and .ru); give -o PREFIX",
        )),
    }
}

/// The beads `format` writes under `options`, in order.
fn selected<'a>(
    alignment: &'a Alignment,
    format: Format,
    options: &'a WriteOptions,
) -> impl Iterator<Item = &'a Bead> + 'a {
    let one_sided = format.writes_one_sided(options);
    let memory = matches!(
        format,
        Format::Tmx | Format::Csv | Format::Tsv | Format::Moses
    );
    alignment.beads.iter().filter(move |bead| {
        (one_sided || bead.is_link())
            && (format == Format::Beads || bead.score >= options.min_score)
            && (!memory || options.keep_chrome || !has_chrome(alignment, bead))
            && (!memory || options.keep_identical || !identical(alignment, bead))
    })
}

/// Whether a sentence of `bead` is page chrome (see [`crate::chrome`]).
fn has_chrome(alignment: &Alignment, bead: &Bead) -> bool {
    let en = alignment.en[bead.en.clone()].iter();
    let ru = alignment.ru[bead.ru.clone()].iter();
    en.chain(ru).any(|s| crate::chrome::is_chrome(&s.text))
}

/// Whether the two sides of a link are the same text (`English Русский`
/// opposite itself, a URL, a name list): no use to a translation memory.
fn identical(alignment: &Alignment, bead: &Bead) -> bool {
    bead.is_link() && alignment.en_text(bead) == alignment.ru_text(bead)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_format_from_the_extension() {
        let of = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(of("memory.tmx"), Some(Format::Tmx));
        assert_eq!(of("pairs.CSV"), Some(Format::Csv));
        assert_eq!(of("pairs.tsv"), Some(Format::Tsv));
        assert_eq!(of("beads.jsonl"), Some(Format::Jsonl));
        assert_eq!(of("corpus.en"), Some(Format::Moses));
        assert_eq!(of("notes.docx"), None);
        assert_eq!(of("no-extension"), None);
    }
}
