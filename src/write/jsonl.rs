//! JSON Lines: one object per bead, every bead (one-sided ones too).
//!
//! ```json
//! {"bead":"2-1","score":0.93,"en":[{"id":3,"text":"...","start":120,"end":181,
//!  "paragraph":2,"line":5}, ...],"ru":[...]}
//! ```
//!
//! `start`/`end` are byte offsets into the input *file* (a BOM counted, end
//! exclusive), `paragraph` is 0-based, `line` 1-based. This is the form the
//! evaluation kit's end-to-end scorer reads.

use std::io::{self, Write};

use serde::Serialize;

use super::{Format, WriteOptions, Written, selected};
use crate::{Alignment, Sentence};

#[derive(Serialize)]
struct Record<'a> {
    bead: String,
    score: f64,
    en: Vec<SentenceRecord<'a>>,
    ru: Vec<SentenceRecord<'a>>,
}

#[derive(Serialize)]
struct SentenceRecord<'a> {
    id: usize,
    text: std::borrow::Cow<'a, str>,
    start: usize,
    end: usize,
    paragraph: usize,
    line: usize,
}

/// Writes one JSON object per bead.
pub fn write(
    alignment: &Alignment,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<Written> {
    let mut written = Written::default();
    for bead in selected(alignment, Format::Jsonl, options) {
        let record = Record {
            bead: bead.kind(),
            score: (bead.score * 1000.0).round() / 1000.0,
            en: side(&alignment.en, bead.en.clone(), options.en_skipped),
            ru: side(&alignment.ru, bead.ru.clone(), options.ru_skipped),
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
        written.beads += 1;
    }
    written.skipped = alignment.beads.len() - written.beads;
    Ok(written)
}

fn side(
    sentences: &[Sentence],
    ids: std::ops::Range<usize>,
    skipped: usize,
) -> Vec<SentenceRecord<'_>> {
    ids.map(|id| {
        let s = &sentences[id];
        SentenceRecord {
            id,
            text: s.segment(),
            start: s.start + skipped,
            end: s.end + skipped,
            paragraph: s.paragraph,
            line: s.line,
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AlignOptions, Aligner};

    #[test]
    fn offsets_point_into_the_file_past_the_bom() {
        let alignment = Aligner::new(AlignOptions::default()).align("Hi there.", "Привет.");
        let options = WriteOptions {
            en_skipped: 3,
            ..WriteOptions::default()
        };
        let mut out = Vec::new();
        write(&alignment, &options, &mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["en"][0]["start"], 3);
        assert_eq!(value["en"][0]["end"], 12);
        assert_eq!(value["ru"][0]["end"], "Привет.".len());
        assert_eq!(value["bead"], "1-1");
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
