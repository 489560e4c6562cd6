//! CSV and TSV: one row per bead, with a header row.
//!
//! Columns: `en`, `ru`, `score`, `bead` (`2-1`), `en_ids`, `ru_ids` (0-based
//! sentence indices separated by spaces, as in the `beads` format). A merged
//! output ([`WriteOptions::documents`]) has an `id` column first, naming each
//! row's document, whose sentences the ids count from 0. CSV quotes as RFC
//! 4180 says. In TSV, tabs and line breaks inside a text become spaces, and
//! a field holding a double quote is quoted as RFC 4180 says
//! (`"He said ""yes"""`): Python's csv module, pandas and spreadsheets read
//! a field that starts with `"` as quoted, so unquoted dialogue would be
//! misread.
//!
//! Texts are written as they are, even when they start with `=`, `+`, `-`
//! or `@`, which a spreadsheet would run as a formula (CSV injection):
//! the file is data. [`WriteOptions::csv_safe`] puts a `'` before such a
//! text, for files meant to be opened in a spreadsheet.

use std::io::{self, Write};
use std::ops::Range;

use super::clean::one_line;
use super::{Format, WriteOptions, Written, selected};
use crate::Alignment;

/// The header row.
pub const COLUMNS: [&str; 6] = ["en", "ru", "score", "bead", "en_ids", "ru_ids"];

/// Writes CSV (`delimiter` `,`) or TSV (`\t`).
pub fn write(
    alignment: &Alignment,
    options: &WriteOptions,
    delimiter: u8,
    out: &mut dyn Write,
) -> io::Result<Written> {
    let tsv = delimiter == b'\t';
    let format = if tsv { Format::Tsv } else { Format::Csv };
    let mut builder = ::csv::WriterBuilder::new();
    builder.delimiter(delimiter);
    builder.quote_style(::csv::QuoteStyle::Necessary);
    if options.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = builder.from_writer(out);
    let merged = !options.documents.is_empty();
    let id_column = merged.then_some("id");
    w.write_record(id_column.iter().chain(&COLUMNS))
        .map_err(io::Error::from)?;
    let mut written = Written::default();
    for bead in selected(alignment, format, options) {
        let (en, ru) = (alignment.en_text(bead), alignment.ru_text(bead));
        let (en, ru) = if tsv {
            (one_line(&en).into_owned(), one_line(&ru).into_owned())
        } else {
            (en, ru)
        };
        let (en, ru) = if options.csv_safe {
            (spreadsheet_safe(en), spreadsheet_safe(ru))
        } else {
            (en, ru)
        };
        let local = options.local_ids(bead);
        let id = options.document_of(bead).filter(|_| merged);
        let record = [
            en,
            ru,
            format!("{:.3}", bead.score),
            bead.kind(),
            ids(&local.en),
            ids(&local.ru),
        ];
        let id = id.map(|d| d.id.clone());
        w.write_record(id.iter().chain(&record))
            .map_err(io::Error::from)?;
        written.beads += 1;
    }
    w.flush()?;
    written.skipped = alignment.beads.len() - written.beads;
    Ok(written)
}

/// `text` with a `'` before it if a spreadsheet would read it as a formula
/// (OWASP's advice on CSV injection): a first character `=`, `+`, `-`, `@`,
/// tab or carriage return.
pub fn spreadsheet_safe(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

fn ids(range: &Range<usize>) -> String {
    let ids: Vec<String> = range.clone().map(|i| i.to_string()).collect();
    ids.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AlignOptions, Aligner};

    fn render(en: &str, ru: &str, delimiter: u8) -> String {
        let alignment = Aligner::new(AlignOptions::default()).align(en, ru);
        let mut out = Vec::new();
        write(&alignment, &WriteOptions::default(), delimiter, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quotes_csv_fields_with_commas_and_quotes() {
        let text = render("Yes, \"he\" said.", "Да, сказал он.", b',');
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("en,ru,score,bead,en_ids,ru_ids"));
        let row = lines.next().unwrap();
        assert!(
            row.starts_with(r#""Yes, ""he"" said.","Да, сказал он.","#),
            "{row}"
        );
        assert!(row.ends_with(",1-1,0,0"), "{row}");
    }

    #[test]
    fn tsv_quotes_a_field_that_starts_with_a_quote() {
        let text = render("\"Yes,\" he said.", "«Да», сказал он.", b'\t');
        let row = text.lines().nth(1).unwrap();
        assert!(
            row.starts_with(r#""""Yes,"" he said."	«Да», сказал он.	"#),
            "{row}"
        );
    }

    #[test]
    fn formulas_are_kept_unless_asked_to_neutralise_them() {
        let alignment = Aligner::new(AlignOptions::default())
            .align("=HYPERLINK(\"http://x\") is text.", "@Всё это текст.");
        for (safe, en, ru) in [
            (false, "\"=HYPERLINK(", ",@Всё"),
            (true, "\"'=HYPERLINK(", ",'@Всё"),
        ] {
            let options = WriteOptions {
                csv_safe: safe,
                ..WriteOptions::default()
            };
            let mut out = Vec::new();
            write(&alignment, &options, b',', &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(text.contains(en) && text.contains(ru), "{safe}: {text}");
        }
    }

    #[test]
    fn tsv_rows_have_six_fields_on_one_line() {
        let text = render("A\ttab.", "Б\tтаб.", b'\t');
        for line in text.lines() {
            assert_eq!(line.split('\t').count(), 6, "{line:?}");
        }
    }
}
