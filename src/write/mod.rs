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
//! | `moses` | MT training: `out.en` / `out.ru`        | links (+ one-sided: `keep_unaligned`) |
//!
//! `min_score` leaves out beads below it in every format but `beads` (which
//! must cover every sentence) and `table`.

mod beads;
mod clean;
mod csv;
pub mod jsonl;
pub mod moses;
mod table;
pub mod tmx;

pub use clean::xml_safe;

use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;

use crate::lang::Sides;
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

    /// The format's name as `--format` takes it, and the extension
    /// [`Format::from_path`] reads back (`moses` names a pair of files).
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Beads => "beads",
            Format::Tmx => "tmx",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Jsonl => "jsonl",
            Format::Moses => "moses",
        }
    }

    /// Whether the format writes every bead regardless of
    /// [`WriteOptions::keep_unaligned`].
    fn writes_one_sided(self, options: &WriteOptions) -> bool {
        match self {
            Format::Table | Format::Beads | Format::Jsonl => true,
            Format::Tmx | Format::Csv | Format::Tsv | Format::Moses => options.keep_unaligned,
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
    /// Also write one-sided beads (1-0, 0-1), with an empty other side, in
    /// formats that otherwise keep only links (TMX, CSV, TSV, Moses).
    pub keep_unaligned: bool,
    /// Terminal width for the table (0: 100 columns).
    pub width: usize,
    /// Byte range in its input file of every sentence of each side (see
    /// [`crate::pipeline::Aligned::file_spans`]); `None`: the sentences' own
    /// offsets, into the decoded text.
    pub file_spans: Option<Sides<Vec<Range<usize>>>>,
    /// The documents of a merged alignment ([`Alignment::concat`]), in
    /// order: their ids and names go into every unit, row and record, and
    /// sentence ids count from 0 in each. Empty for a single pair.
    pub documents: Vec<Document>,
    /// Name of the English document, written into each TMX unit.
    pub en_document: Option<String>,
    /// Name of the Russian document, written into each TMX unit.
    pub ru_document: Option<String>,
    /// Creation time of a TMX file as seconds since 1970 (UTC); `None`: now.
    pub created: Option<u64>,
    /// In CSV and TSV, put a `'` before a text a spreadsheet would run as a
    /// formula (one starting with `=`, `+`, `-`, `@`); off by default, since
    /// it changes the text.
    pub csv_safe: bool,
    /// What a reviewer did with beads (`confirmed`, `edited`), keyed by the
    /// bead's first English and first Russian sentence index (unique, since
    /// beads tile both texts): written into TMX as the prop `x-review`.
    pub review: std::collections::HashMap<(usize, usize), &'static str>,
}

/// One input pair of a merged output (`sverka batch --output`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The pair's id (a manifest's `id`, a file name without its extension).
    pub id: String,
    /// The names of its two input files.
    pub names: Sides<String>,
    /// Its sentences in the merged alignment, per side.
    pub sentences: Sides<Range<usize>>,
}

impl WriteOptions {
    /// The document `bead` comes from, in a merged alignment.
    pub fn document_of(&self, bead: &Bead) -> Option<&Document> {
        // A one-sided bead is found by its non-empty side.
        let after = |d: &Document| match bead.en.is_empty() {
            false => d.sentences.en.end <= bead.en.start,
            true => d.sentences.ru.end <= bead.ru.start,
        };
        self.documents.get(self.documents.partition_point(after))
    }

    /// The sentence ids of `bead` as its document numbers them (0-based).
    pub fn local_ids(&self, bead: &Bead) -> Sides<Range<usize>> {
        let base = self.document_of(bead).map_or(Sides::new(0, 0), |d| {
            Sides::new(d.sentences.en.start, d.sentences.ru.start)
        });
        Sides::new(
            bead.en.start - base.en..bead.en.end - base.en,
            bead.ru.start - base.ru..bead.ru.end - base.ru,
        )
    }
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
pub fn selected<'a>(
    alignment: &'a Alignment,
    format: Format,
    options: &'a WriteOptions,
) -> impl Iterator<Item = &'a Bead> + 'a {
    let one_sided = format.writes_one_sided(options);
    alignment.beads.iter().filter(move |bead| {
        (one_sided || bead.is_link())
            && (format == Format::Beads || bead.score >= options.min_score)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_document_of_every_bead_of_a_merged_alignment() {
        let doc = |id: &str, en: Range<usize>, ru: Range<usize>| Document {
            id: id.into(),
            sentences: Sides::new(en, ru),
            ..Document::default()
        };
        let options = WriteOptions {
            documents: vec![doc("a", 0..2, 0..1), doc("b", 2..3, 1..3)],
            ..WriteOptions::default()
        };
        let bead = |en: Range<usize>, ru: Range<usize>| Bead { en, ru, score: 1.0 };
        let id = |b: &Bead| options.document_of(b).map(|d| d.id.as_str());
        assert_eq!(id(&bead(0..1, 0..1)), Some("a"));
        assert_eq!(id(&bead(1..2, 1..1)), Some("a"));
        assert_eq!(id(&bead(2..2, 1..2)), Some("b"));
        assert_eq!(id(&bead(2..3, 2..3)), Some("b"));
        assert_eq!(options.local_ids(&bead(2..3, 2..3)), Sides::new(0..1, 1..2));
    }

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
