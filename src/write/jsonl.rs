//! JSON Lines: one object per bead, every bead (one-sided ones too).
//!
//! ```json
//! {"version":1,"bead":"2-1","score":0.93,"en":[{"id":3,"text":"...","start":120,"end":181,
//!  "paragraph":2,"line":5}, ...],"ru":[...]}
//! ```
//!
//! This is sverka's one JSON form of a bead ([`BeadRecord`], schema version
//! [`SCHEMA_VERSION`]): `sverka batch --jsonl` and `sverka check --json`
//! write the same objects. `start`/`end` are byte offsets into the input
//! *file* as it is on disk, whatever its encoding (end exclusive), when the
//! writer is given [`WriteOptions::file_spans`]; `paragraph` is 0-based,
//! `line` 1-based. In a merged output each record also has the `id` of its
//! document, and sentence ids count from 0 in each document. This is the
//! form the evaluation kit's end-to-end scorer reads.

use std::io::{self, Write};
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use super::{Format, WriteOptions, Written, selected};
use crate::{Alignment, Bead, Lang, Sentence};

/// The version of the bead schema; raised when a field changes meaning or
/// goes away (new fields may be added without it).
pub const SCHEMA_VERSION: u32 = 1;

/// One bead as JSON.
#[derive(Debug, Serialize)]
pub struct BeadRecord<'a> {
    /// [`SCHEMA_VERSION`].
    pub version: u32,
    /// The document the bead comes from, in a merged output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// The bead type, `"n-m"`.
    pub bead: String,
    /// Confidence, 0 to 1, rounded to three decimals.
    pub score: f64,
    /// The English sentences of the bead.
    pub en: Vec<SentenceRecord<'a>>,
    /// The Russian sentences of the bead.
    pub ru: Vec<SentenceRecord<'a>>,
}

/// One sentence of a [`BeadRecord`].
#[derive(Debug, Serialize)]
pub struct SentenceRecord<'a> {
    /// 0-based index of the sentence in its document.
    pub id: usize,
    /// The sentence as written (a run of white space holding a line break
    /// as one space: [`Sentence::segment`]).
    pub text: std::borrow::Cow<'a, str>,
    /// Byte offset of its first byte in the input.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// 0-based paragraph.
    pub paragraph: usize,
    /// 1-based line of its first character.
    pub line: usize,
}

impl<'a> BeadRecord<'a> {
    /// The record of `bead` of `alignment`.
    pub fn new(alignment: &'a Alignment, bead: &Bead, options: &'a WriteOptions) -> Self {
        let local = options.local_ids(bead);
        let side = |lang: Lang, global: Range<usize>, local: Range<usize>| {
            let sentences: &'a [Sentence] = match lang {
                Lang::En => &alignment.en,
                Lang::Ru => &alignment.ru,
            };
            let spans = options.file_spans.as_ref().map(|s| &s[lang]);
            global
                .zip(local)
                .map(|(at, id)| {
                    let s = &sentences[at];
                    let span = spans.map_or(s.start..s.end, |spans| spans[at].clone());
                    SentenceRecord {
                        id,
                        text: s.segment(),
                        start: span.start,
                        end: span.end,
                        paragraph: s.paragraph,
                        line: s.line,
                    }
                })
                .collect()
        };
        BeadRecord {
            version: SCHEMA_VERSION,
            id: options.document_of(bead).map(|d| d.id.as_str()),
            bead: bead.kind(),
            score: (bead.score * 1000.0).round() / 1000.0,
            en: side(Lang::En, bead.en.clone(), local.en),
            ru: side(Lang::Ru, bead.ru.clone(), local.ru),
        }
    }
}

/// Writes one JSON object per bead.
pub fn write(
    alignment: &Alignment,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<Written> {
    let mut written = Written::default();
    let beads: Vec<&Bead> = selected(alignment, Format::Jsonl, options).collect();
    let encode = |bead: &&Bead| {
        let mut line = serde_json::to_vec(&BeadRecord::new(alignment, bead, options))?;
        line.push(b'\n');
        Ok(line)
    };
    let sentences = alignment.en.iter().chain(&alignment.ru);
    let long =
        sentences.map(|s| s.text().len()).sum::<usize>() >= crate::pipeline::PARALLEL_FROM_BYTES;
    // A block of beads at a time is encoded (in parallel for a long text)
    // and then written in order, so that the encoding does not run alone on
    // one core and the encoded text of a long document is never held whole.
    for block in beads.chunks(ENCODED_AT_ONCE) {
        let lines: Vec<Vec<u8>> = match long {
            true => block
                .par_iter()
                .map(encode)
                .collect::<serde_json::Result<_>>()?,
            false => block
                .iter()
                .map(encode)
                .collect::<serde_json::Result<_>>()?,
        };
        for line in lines {
            out.write_all(&line)?;
        }
        written.beads += block.len();
    }
    written.skipped = alignment.beads.len() - written.beads;
    Ok(written)
}

/// Beads encoded at once by [`write`].
const ENCODED_AT_ONCE: usize = 1024;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Sides;
    use crate::write::Document;
    use crate::{AlignOptions, Aligner};

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn offsets_come_from_the_file_spans() {
        let alignment = Aligner::new(AlignOptions::default()).align("Hi there.", "Привет.");
        let options = WriteOptions {
            file_spans: Some(Sides::new(vec![3..12], vec![0..7])),
            ..WriteOptions::default()
        };
        let mut out = Vec::new();
        write(&alignment, &options, &mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["en"][0]["start"], 3);
        assert_eq!(value["en"][0]["end"], 12);
        assert_eq!(value["ru"][0]["end"], 7);
        assert_eq!(value["bead"], "1-1");
        assert_eq!(value["version"], SCHEMA_VERSION);
        assert!(value.get("id").is_none());
    }

    #[test]
    fn merged_records_name_their_document_and_count_ids_from_it() {
        let aligner = Aligner::new(AlignOptions::default());
        let parts = [
            aligner.align("One.", "Один."),
            aligner.align("Two.", "Два."),
        ];
        let merged = Alignment::concat(parts);
        let doc = |id: &str, at: usize| Document {
            id: id.into(),
            names: Sides::new(format!("{id}.en"), format!("{id}.ru")),
            sentences: Sides::new(at..at + 1, at..at + 1),
        };
        let options = WriteOptions {
            documents: vec![doc("a", 0), doc("b", 1)],
            ..WriteOptions::default()
        };
        let mut out = Vec::new();
        write(&merged, &options, &mut out).unwrap();
        let lines: Vec<serde_json::Value> = out
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(lines[1]["id"], "b");
        assert_eq!(lines[1]["en"][0]["id"], 0);
        assert_eq!(lines[1]["en"][0]["text"], "Two.");
    }

    #[test]
    fn writes_one_sided_beads_with_an_empty_side() {
        let alignment = Aligner::new(AlignOptions::default()).align("One. Two.", "");
        let mut out = Vec::new();
        write(&alignment, &WriteOptions::default(), &mut out).unwrap();
        let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains(r#""ru":[]"#));
    }
}
