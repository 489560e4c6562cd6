//! Word files (`.docx`, Office Open XML): the text of `word/document.xml`,
//! read with quick-xml out of the zip.
//!
//! Every paragraph (`<w:p>`: body text, headings, list items, table cells)
//! is a block. Runs' text (`<w:t>`), tabs, line breaks (`<w:br>`, `<w:cr>`)
//! and no-break hyphens are text; deleted text of tracked changes, field
//! codes and the fallback copies of text boxes are not. List numbers, which
//! Word draws from the numbering definitions, are not in the text. Each
//! footnote (and endnote) follows the paragraph that refers to it, one block
//! per paragraph of the note.
//!
//! # Offsets
//! A sentence's offsets are byte offsets into the uncompressed XML part its
//! text comes from: `word/document.xml`, or `word/footnotes.xml` /
//! `word/endnotes.xml` for notes. Its line is the 1-based number of the body
//! paragraph (`<w:p>` in document order, table cells' paragraphs included)
//! it starts in; a note's line is that of the paragraph that refers to it.

use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;
use rustc_hash::FxHashMap;

use super::rendered::{Builder, Rendered};
use crate::Error;

/// The largest XML part read (a zip bomb stops here).
const MAX_PART: u64 = 512 * 1024 * 1024;

/// Whether the zip `bytes` holds `word/document.xml`; `None` when it is
/// not a zip that can be read.
pub fn has_document(bytes: &[u8]) -> Option<bool> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    Some(zip.index_for_name("word/document.xml").is_some())
}

/// Reads the text of the Word file `bytes` (named `path` in messages).
pub fn render(path: &Path, bytes: &[u8]) -> Result<Rendered, Error> {
    let error = |problem: String| Error::Document {
        path: path.to_path_buf(),
        problem,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        error(format!(
            "not a readable zip file ({e}); is the Word file complete?"
        ))
    })?;
    let document = part(&mut zip, "word/document.xml")
        .map_err(|e| error(format!("cannot read word/document.xml: {e}")))?
        .ok_or_else(|| {
            error("a zip file without word/document.xml: not a Word document (.docx)".into())
        })?;
    let mut notes = Notes::default();
    for (name, kind) in [
        ("word/footnotes.xml", "footnote"),
        ("word/endnotes.xml", "endnote"),
    ] {
        if let Some(xml) =
            part(&mut zip, name).map_err(|e| error(format!("cannot read {name}: {e}")))?
        {
            notes.add(kind, xml).map_err(&error)?;
        }
    }
    let mut builder = Builder::without_source();
    let mut paragraph = 0;
    render_part(
        &document,
        0..document.len(),
        &mut builder,
        &mut |refs, b| {
            // Notes keep the line of the paragraph that refers to them.
            paragraph += 1;
            for (kind, id) in refs {
                if let Some((xml, range)) = notes.get(kind, &id) {
                    // A note's paragraphs do not refer to further notes.
                    let _ = render_part(xml, range, b, &mut |_, _| {});
                }
            }
            b.set_line(paragraph + 1);
        },
    )
    .map_err(|e| error(format!("word/document.xml: {e}")))?;
    Ok(builder.finish())
}

/// One XML part of the zip as text, `None` when the zip has no such part.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, std::io::Error> {
    let mut file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(std::io::Error::other(e)),
    };
    let mut text = String::new();
    file.by_ref().take(MAX_PART).read_to_string(&mut text)?;
    Ok(Some(text))
}

/// A reference to a note: its kind (`footnote`, `endnote`) and id.
type NoteRef = (&'static str, String);

/// Footnotes and endnotes: each note's byte range in its part.
#[derive(Default)]
struct Notes {
    parts: Vec<(&'static str, String)>,
    ranges: FxHashMap<(&'static str, String), (usize, std::ops::Range<usize>)>,
}

impl Notes {
    fn add(&mut self, kind: &'static str, xml: String) -> Result<(), String> {
        let index = self.parts.len();
        let mut reader = Reader::from_str(&xml);
        let mut open: Option<(String, usize)> = None;
        loop {
            let before = reader.buffer_position() as usize;
            let event = reader
                .read_event()
                .map_err(|e| format!("word/{kind}s.xml: not well-formed XML: {e}"))?;
            match event {
                Event::Start(e) if e.local_name().as_ref() == kind => {
                    let id = attribute(&e, "w:id").unwrap_or_default();
                    open = Some((id, before));
                }
                Event::End(e) if e.local_name().as_ref() == kind => {
                    if let Some((id, start)) = open.take() {
                        let end = reader.buffer_position() as usize;
                        self.ranges.insert((kind, id), (index, start..end));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        self.parts.push((kind, xml));
        Ok(())
    }

    fn get(&self, kind: &'static str, id: &str) -> Option<(&str, std::ops::Range<usize>)> {
        let (index, range) = self.ranges.get(&(kind, id.to_string()))?;
        Some((&self.parts[*index].1, range.clone()))
    }
}

fn attribute(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    let attr = e.attributes().flatten().find(|a| a.key.as_ref() == name)?;
    attr.normalized_value(quick_xml::XmlVersion::Explicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

/// Renders the paragraphs of `xml[range]` (offsets stay those of `xml`).
/// After each paragraph `paragraph_end` is called with the notes it refers to.
fn render_part(
    xml: &str,
    range: std::ops::Range<usize>,
    builder: &mut Builder,
    paragraph_end: &mut dyn FnMut(Vec<NoteRef>, &mut Builder),
) -> Result<(), String> {
    let base = range.start;
    let mut reader = Reader::from_str(&xml[range]);
    // Depth inside elements whose text is not shown (deleted text, field
    // codes, fallbacks); 0 when text is shown.
    let mut hidden = 0usize;
    // Inside <w:t> (or <w:delText>, <w:instrText>: counted in `hidden`).
    let mut in_text = false;
    let mut refs = Vec::new();
    loop {
        let before = base + reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| format!("not well-formed XML: {e}"))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    _ if hidden > 0 => hidden += 1,
                    "del" | "delText" | "instrText" | "Fallback" | "moveFrom" => hidden = 1,
                    "p" => builder.end_block(),
                    "t" => in_text = true,
                    _ => {}
                }
            }
            Event::Empty(e) if hidden == 0 => {
                let len = base + reader.buffer_position() as usize - before;
                match e.local_name().as_ref() {
                    "tab" | "ptab" => builder.push("\t", before, len),
                    "br" | "cr" => builder.line_break(before, len),
                    "noBreakHyphen" => builder.push("\u{2011}", before, len),
                    kind @ ("footnoteReference" | "endnoteReference") => {
                        let kind = if kind.starts_with("foot") {
                            "footnote"
                        } else {
                            "endnote"
                        };
                        refs.extend(attribute(&e, "w:id").map(|id| (kind, id)));
                    }
                    // An empty paragraph is a block with no text.
                    "p" => {
                        builder.end_block();
                        paragraph_end(std::mem::take(&mut refs), builder);
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    _ if hidden > 0 => hidden -= 1,
                    "t" => in_text = false,
                    "p" => {
                        builder.end_block();
                        paragraph_end(std::mem::take(&mut refs), builder);
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && hidden == 0 => {
                let raw = t.into_inner();
                builder.push(&raw, before, raw.len());
            }
            Event::GeneralRef(r) if in_text && hidden == 0 => {
                let len = base + reader.buffer_position() as usize - before;
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    let mut buf = [0; 4];
                    builder.push(c.encode_utf8(&mut buf), before, len);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    /// A Word file of the given parts, zipped as Word zips them.
    fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn text(parts: &[(&str, &str)]) -> Rendered {
        render(Path::new("t.docx"), &docx(parts)).unwrap()
    }

    #[test]
    fn paragraphs_cells_and_notes_are_blocks() {
        let document = format!(
            r#"<w:document {W}><w:body>
<w:p><w:r><w:t>Talks &amp; trade</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The ministers met</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> in Seoul.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:del><w:r><w:delText>Deleted words.</w:delText></w:r></w:del><w:r><w:t>Kept</w:t></w:r><w:r><w:fldChar/><w:instrText> PAGE </w:instrText></w:r></w:p>
</w:body></w:document>"#
        );
        let notes = format!(
            r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let r = text(&[
            ("word/document.xml", &document),
            ("word/footnotes.xml", &notes),
        ]);
        assert_eq!(
            r.text,
            "Talks & trade\n\nThe ministers met in Seoul.\n\nA note.\n\nCell one\n\nCell two\n\nKept"
        );
        // Offsets into document.xml; the note's into footnotes.xml.
        let at = r.text.find("Seoul").unwrap();
        assert_eq!(&document[r.source_start(at)..r.source_end(at + 5)], "Seoul");
        let at = r.text.find("A note").unwrap();
        assert_eq!(&notes[r.source_start(at)..r.source_end(at + 7)], "A note.");
        assert_eq!(&document[r.source_start(6)..r.source_end(7)], "&amp;");
        // Lines are paragraphs; a note takes its paragraph's.
        assert_eq!(r.line(r.text.find("The ministers").unwrap()), 2);
        assert_eq!(r.line(r.text.find("A note").unwrap()), 2);
        assert_eq!(r.line(r.text.find("Cell two").unwrap()), 4);
    }

    #[test]
    fn a_zip_without_the_document_part_is_named() {
        let bytes = docx(&[("word/styles.xml", "<w:styles/>")]);
        let error = render(Path::new("t.docx"), &bytes).unwrap_err().to_string();
        assert!(error.contains("without word/document.xml"), "{error}");
        assert_eq!(has_document(&bytes), Some(false));
        assert_eq!(has_document(b"PK\x03\x04 cut short"), None);
    }
}
