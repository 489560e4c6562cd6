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
use crate::{Alignment, Bead, Lang};

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

/// The language codes written into TMX files (BCP 47 tags): `en-GB` and
/// `ru-RU` unless the user gives others, or a memory appended to has its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locales {
    /// The English side's code (`en`, `en-GB`, `EN-US`, ...).
    pub en: String,
    /// The Russian side's code (`ru`, `ru-RU`, ...).
    pub ru: String,
}

impl Default for Locales {
    fn default() -> Self {
        Locales {
            en: Lang::En.locale().to_string(),
            ru: Lang::Ru.locale().to_string(),
        }
    }
}

impl Locales {
    /// The codes given by the user (`None`: the default), checked: each must
    /// be a well-formed BCP 47 tag whose primary language is the side's.
    pub fn new(en: Option<&str>, ru: Option<&str>) -> Result<Locales, String> {
        let mut locales = Locales::default();
        for (lang, given, slot) in [
            (Lang::En, en, &mut locales.en),
            (Lang::Ru, ru, &mut locales.ru),
        ] {
            if let Some(code) = given {
                check_code(code, lang)?;
                *slot = code.to_string();
            }
        }
        Ok(locales)
    }

    /// The code of `lang`'s side.
    pub fn locale(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }
}

/// The language a BCP 47 tag names (`EN-US` is English), if English or Russian.
pub fn language_of(code: &str) -> Option<Lang> {
    match code.split(['-', '_']).next()?.to_ascii_lowercase().as_str() {
        "en" | "eng" => Some(Lang::En),
        "ru" | "rus" => Some(Lang::Ru),
        _ => None,
    }
}

/// Checks that `code` is a BCP 47 tag (subtags of 1 to 8 letters or digits
/// joined by hyphens, a primary language of 2 to 3 letters) naming `lang`.
fn check_code(code: &str, lang: Lang) -> Result<(), String> {
    let well_formed = code.split('-').enumerate().all(|(i, subtag)| {
        (1..=8).contains(&subtag.len())
            && subtag.chars().all(|c| c.is_ascii_alphanumeric())
            && (i > 0
                || (2..=3).contains(&subtag.len())
                    && subtag.chars().all(|c| c.is_ascii_alphabetic()))
    });
    if !well_formed {
        return Err(format!(
            "`{code}` is not a BCP 47 language code (like en-GB or ru-RU)"
        ));
    }
    if language_of(code) != Some(lang) {
        let name = match lang {
            Lang::En => "English (en, en-GB, en-US...)",
            Lang::Ru => "Russian (ru, ru-RU...)",
        };
        return Err(format!("`{code}` is not a code for {name}"));
    }
    Ok(())
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
    /// The language codes written into TMX files.
    pub locales: Locales,
    /// Start CSV and TSV output with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
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
    en.chain(ru).any(|s| crate::chrome::is_chrome(s.text()))
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
    fn language_codes_are_checked_against_their_side() {
        assert_eq!(
            Locales::new(Some("EN-US"), Some("ru"))
                .unwrap()
                .locale(Lang::En),
            "EN-US"
        );
        assert!(
            Locales::new(Some("de-DE"), None)
                .unwrap_err()
                .contains("English")
        );
        assert!(
            Locales::new(None, Some("en-GB"))
                .unwrap_err()
                .contains("Russian")
        );
        assert!(
            Locales::new(Some("en GB"), None)
                .unwrap_err()
                .contains("BCP 47")
        );
        assert!(Locales::new(Some("en-"), None).is_err());
        assert_eq!(Locales::new(None, None).unwrap(), Locales::default());
    }

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
