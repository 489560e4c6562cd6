//! TMX 1.4b translation memories, for CAT tools (memoQ, Trados, OmegaT).
//!
//! One `<tu>` per bead, English (`en-GB`) first, then Russian (`ru-RU`). Each
//! unit carries a `tuid` and `<prop>`s named with TMX's `x-` prefix for
//! user-defined properties, which CAT tools keep as custom fields:
//! `x-score` (the aligner's confidence), `x-bead` (`1-1`, `2-1`, ...),
//! `x-document` and `x-document-ru` (the input files). The file validates
//! against the TMX 1.4b DTD; quick-xml escapes `<`, `&`, `>` (so `]]>` too),
//! and [`xml_safe`] removes the characters XML 1.0 forbids.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Format, Locales, WriteOptions, Written, language_of, selected, xml_safe};
use crate::{Alignment, Bead, Error, Lang};

/// Writes a complete TMX file.
pub fn write(
    alignment: &Alignment,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<Written> {
    let date = tmx_date(options.created.unwrap_or_else(now));
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    // No <!DOCTYPE>: a reader would try to load "tmx14.dtd" from beside the
    // file; validators take the DTD as an argument (`xmllint --dtdvalid`).
    w.write_event(Event::Start(
        BytesStart::new("tmx").with_attributes([("version", "1.4")]),
    ))?;
    w.write_event(Event::Empty(BytesStart::new("header").with_attributes([
        ("creationtool", "sverka"),
        ("creationtoolversion", env!("CARGO_PKG_VERSION")),
        ("segtype", "sentence"),
        ("o-tmf", "sverka"),
        ("adminlang", options.locales.en.as_str()),
        ("srclang", options.locales.en.as_str()),
        ("datatype", "plaintext"),
        ("o-encoding", "UTF-8"),
        ("creationdate", date.as_str()),
    ])))?;
    w.write_event(Event::Start(BytesStart::new("body")))?;
    let mut units = Units {
        next_tuid: 1,
        taken: HashSet::new(),
        existing: HashSet::new(),
        date,
    };
    let written = units.write(&mut w, alignment, options)?;
    w.write_event(Event::End(BytesEnd::new("body")))?;
    w.write_event(Event::End(BytesEnd::new("tmx")))?;
    w.get_mut().write_all(b"\n")?;
    Ok(written)
}

/// Appends the beads of `alignment` to the TMX file `existing` (read from
/// `path`) and writes the result to `out`. Units whose English and Russian
/// segments are already in the file are left out and counted as duplicates;
/// everything already in the file is copied unchanged.
pub fn append(
    existing: &str,
    path: &Path,
    alignment: &Alignment,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> Result<Written, Error> {
    // quick-xml skips a byte-order mark, so its offsets count from after it.
    let (bom, existing) = match existing.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", existing),
    };
    let found = read_units(existing, path)?;
    if !existing.is_char_boundary(found.body_end) {
        return Err(Error::Format {
            path: path.to_path_buf(),
            line: 1,
            message: "cannot find the end of <body>".into(),
        });
    }
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    // Render the new units into a buffer at the depth of <body>'s children:
    // open <tmx><body> so the writer indents as it will in the file, then drop
    // those two tags from the buffer.
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let opened: io::Result<()> = (|| {
        w.write_event(Event::Start(BytesStart::new("tmx")))?;
        w.write_event(Event::Start(BytesStart::new("body")))
    })();
    opened.map_err(write_error)?;
    w.get_mut().clear();
    // New units follow the language codes the memory already uses.
    let options = &WriteOptions {
        locales: Locales {
            en: found
                .en_code
                .clone()
                .unwrap_or_else(|| options.locales.en.clone()),
            ru: found
                .ru_code
                .clone()
                .unwrap_or_else(|| options.locales.ru.clone()),
        },
        ..options.clone()
    };
    let mut units = Units {
        next_tuid: found.max_tuid + 1,
        taken: found.tuids,
        existing: found.pairs,
        date: tmx_date(options.created.unwrap_or_else(now)),
    };
    let written = units
        .write(&mut w, alignment, options)
        .map_err(write_error)?;
    let fragment = w.into_inner();
    let (head, tail) = existing.split_at(found.body_end);
    let result: io::Result<()> = (|| {
        out.write_all(bom.as_bytes())?;
        if found.body_empty {
            // `<body/>`: replace the empty tag by an open and a close tag.
            out.write_all(head.as_bytes())?;
            out.write_all(b"<body>")?;
            out.write_all(&fragment)?;
            out.write_all(b"\n  </body>")?;
            out.write_all(&tail.as_bytes()[found.body_tag_len..])
        } else {
            out.write_all(head.trim_end().as_bytes())?;
            out.write_all(&fragment)?;
            out.write_all(b"\n  ")?;
            out.write_all(tail.as_bytes())
        }
    })();
    result.map_err(write_error)?;
    Ok(written)
}

/// Writes `<tu>` elements, numbering them and skipping pairs already present.
struct Units {
    next_tuid: u64,
    taken: HashSet<String>,
    existing: HashSet<(String, String)>,
    date: String,
}

impl Units {
    fn write<W: Write>(
        &mut self,
        w: &mut Writer<W>,
        alignment: &Alignment,
        options: &WriteOptions,
    ) -> io::Result<Written> {
        let mut written = Written {
            skipped: alignment.beads.len(),
            ..Written::default()
        };
        for bead in selected(alignment, Format::Tmx, options) {
            let (en, en_removed) = segment(&alignment.en_text(bead));
            let (ru, ru_removed) = segment(&alignment.ru_text(bead));
            if en.is_empty() && ru.is_empty() {
                continue;
            }
            if self.existing.contains(&(en.clone(), ru.clone())) {
                written.duplicates += 1;
                continue;
            }
            written.removed_chars += en_removed + ru_removed;
            let tuid = self.fresh_tuid();
            self.unit(
                w,
                bead,
                &tuid,
                &en,
                &ru,
                options,
                &mut written.removed_chars,
            )?;
            written.beads += 1;
        }
        written.skipped -= written.beads + written.duplicates;
        Ok(written)
    }

    fn fresh_tuid(&mut self) -> String {
        loop {
            let tuid = self.next_tuid.to_string();
            self.next_tuid += 1;
            if self.taken.insert(tuid.clone()) {
                return tuid;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn unit<W: Write>(
        &self,
        w: &mut Writer<W>,
        bead: &Bead,
        tuid: &str,
        en: &str,
        ru: &str,
        options: &WriteOptions,
        removed: &mut usize,
    ) -> io::Result<()> {
        w.write_event(Event::Start(BytesStart::new("tu").with_attributes([
            ("tuid", tuid),
            ("creationdate", self.date.as_str()),
        ])))?;
        prop(w, "x-score", &format!("{:.3}", bead.score))?;
        prop(w, "x-bead", &bead.kind())?;
        if let Some(status) = options.review.get(&(bead.en.start, bead.ru.start)) {
            prop(w, "x-review", status)?;
        }
        // A merged output names each unit's own documents.
        let (en_document, ru_document) = match options.document_of(bead) {
            Some(d) => (Some(&d.names.en), Some(&d.names.ru)),
            None => (options.en_document.as_ref(), options.ru_document.as_ref()),
        };
        for (name, document) in [("x-document", en_document), ("x-document-ru", ru_document)] {
            if let Some(document) = document {
                let (document, n) = xml_safe(document);
                *removed += n;
                prop(w, name, &document)?;
            }
        }
        // A one-sided bead is a unit with a single <tuv> (the DTD allows it):
        // an empty <seg> would be taken by a CAT tool as the translation.
        for (lang, text) in [(Lang::En, en), (Lang::Ru, ru)] {
            if text.is_empty() {
                continue;
            }
            w.write_event(Event::Start(
                BytesStart::new("tuv")
                    .with_attributes([("xml:lang", options.locales.locale(lang))]),
            ))?;
            w.create_element("seg")
                .write_text_content(BytesText::new(text))?;
            w.write_event(Event::End(BytesEnd::new("tuv")))?;
        }
        w.write_event(Event::End(BytesEnd::new("tu")))
    }
}

fn prop<W: Write>(w: &mut Writer<W>, kind: &str, value: &str) -> io::Result<()> {
    w.create_element("prop")
        .with_attribute(("type", kind))
        .write_text_content(BytesText::new(value))?;
    Ok(())
}

/// A segment's text: as written (see [`Alignment::en_text`]), with the
/// characters XML forbids removed and the ends trimmed.
fn segment(text: &str) -> (String, usize) {
    let (clean, removed) = xml_safe(text);
    (clean.trim().to_string(), removed)
}

/// What [`append`] needs to know about a TMX file.
#[derive(Debug, Default)]
struct ExistingUnits {
    /// English and Russian segment pairs, as written.
    pairs: HashSet<(String, String)>,
    /// The first English and Russian language codes of its units, as written.
    en_code: Option<String>,
    ru_code: Option<String>,
    /// Every tuid in the file.
    tuids: HashSet<String>,
    /// The largest numeric tuid (0 if none).
    max_tuid: u64,
    /// Byte offset of `</body>` (or of `<body/>`).
    body_end: usize,
    /// Whether the body is the empty tag `<body/>`.
    body_empty: bool,
    /// Length of the `<body/>` tag as written.
    body_tag_len: usize,
}

/// Reads the units of an existing TMX file.
fn read_units(text: &str, path: &Path) -> Result<ExistingUnits, Error> {
    use quick_xml::Reader;

    let error = |at: u64, message: String| Error::Format {
        path: path.to_path_buf(),
        line: text.as_bytes()[..(at as usize).min(text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1,
        message,
    };
    let mut reader = Reader::from_str(text);
    let mut found = ExistingUnits::default();
    let mut root_seen = false;
    let mut body_seen = false;
    let mut body_closed = false;
    // Inside a <tu>: the language of the current <tuv>, the depth below <seg>
    // (0: directly in it), the segment text, and the unit's segments so far.
    let mut lang: Option<Lang> = None;
    let mut in_seg: Option<usize> = None;
    let mut seg = String::new();
    let mut unit: (Option<String>, Option<String>) = (None, None);
    loop {
        let before = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| error(reader.error_position(), format!("not well-formed XML: {e}")))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name().as_ref().to_string();
                if !root_seen {
                    if name != "tmx" {
                        return Err(error(
                            before,
                            "not a TMX file (the root element is not <tmx>)".into(),
                        ));
                    }
                    root_seen = true;
                }
                if let Some(depth) = in_seg.as_mut() {
                    // Inline markup (<bpt>, <ph>, ...): its content is native
                    // code, not segment text.
                    if !empty {
                        *depth += 1;
                    }
                    continue;
                }
                match name.as_str() {
                    "body" => {
                        body_seen = true;
                        if empty {
                            found.body_end = before as usize;
                            found.body_empty = true;
                            found.body_tag_len = (reader.buffer_position() - before) as usize;
                        }
                    }
                    "tu" => {
                        unit = (None, None);
                        if let Some(tuid) = attribute(e, "tuid") {
                            if let Ok(n) = tuid.trim().parse::<u64>() {
                                found.max_tuid = found.max_tuid.max(n);
                            }
                            found.tuids.insert(tuid);
                        }
                    }
                    "tuv" => {
                        let code = attribute(e, "xml:lang").or_else(|| attribute(e, "lang"));
                        lang = code.as_deref().and_then(language_of);
                        match (lang, code) {
                            (Some(Lang::En), Some(code)) => {
                                found.en_code.get_or_insert(code);
                            }
                            (Some(Lang::Ru), Some(code)) => {
                                found.ru_code.get_or_insert(code);
                            }
                            (None, Some(code)) => {
                                return Err(error(
                                    before,
                                    format!(
                                        "holds units in `{code}`: it is not an English–Russian \
                                         memory, and sverka appends English–Russian units only"
                                    ),
                                ));
                            }
                            _ => {}
                        }
                    }
                    "seg" if !empty => {
                        in_seg = Some(0);
                        seg.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_seg == Some(0) => seg.push_str(&t.xml10_content()),
            Event::CData(t) if in_seg == Some(0) => seg.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_seg == Some(0) => {
                let entity = format!("&{};", r.xml10_content());
                let resolved = quick_xml::escape::unescape(&entity)
                    .map_err(|e| error(before, format!("bad entity {entity}: {e}")))?;
                seg.push_str(&resolved);
            }
            Event::End(e) => match (in_seg, e.name().as_ref()) {
                (Some(0), "seg") => {
                    in_seg = None;
                    let text = seg.clone();
                    match lang {
                        Some(Lang::En) => unit.0 = Some(text),
                        Some(Lang::Ru) => unit.1 = Some(text),
                        None => {}
                    }
                }
                (Some(depth), _) => in_seg = Some(depth.saturating_sub(1)),
                (None, "tu") if unit.0.is_some() || unit.1.is_some() => {
                    let (en, ru) = std::mem::take(&mut unit);
                    found
                        .pairs
                        .insert((en.unwrap_or_default(), ru.unwrap_or_default()));
                }
                (None, "body") => {
                    found.body_end = before as usize;
                    body_closed = true;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen || !body_seen {
        return Err(error(
            text.len() as u64,
            "not a TMX file (no <tmx> with a <body>)".into(),
        ));
    }
    if !body_closed && !found.body_empty {
        return Err(error(
            text.len() as u64,
            "the file ends before </body>".into(),
        ));
    }
    Ok(found)
}

fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    let attr = e.attributes().flatten().find(|a| a.key.as_ref() == name)?;
    attr.normalized_value(quick_xml::XmlVersion::Explicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Seconds since 1970 as TMX's `YYYYMMDDThhmmssZ` (ISO 8601 basic, UTC).
pub fn tmx_date(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `civil_from_days`, http://howardhinnant.github.io/date_algorithms.html).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Aligner;

    fn options() -> WriteOptions {
        WriteOptions {
            created: Some(1_616_504_400),
            en_document: Some("en.txt".into()),
            ..WriteOptions::default()
        }
    }

    fn tmx(alignment: &Alignment, options: &WriteOptions) -> (String, Written) {
        let mut out = Vec::new();
        let written = write(alignment, options, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), written)
    }

    #[test]
    fn formats_dates_as_iso_basic_utc() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        assert_eq!(tmx_date(1_616_504_400), "20210323T130000Z");
        assert_eq!(tmx_date(951_782_400), "20000229T000000Z");
    }

    #[test]
    fn writes_header_and_one_unit_per_link() {
        let alignment = Aligner::default().align("Hello there.", "Привет.");
        let (text, written) = tmx(&alignment, &options());
        assert!(text.contains(r#"srclang="en-GB""#));
        assert!(text.contains(r#"creationdate="20210323T130000Z""#));
        assert!(text.contains(r#"<tuv xml:lang="ru-RU">"#));
        assert!(text.contains(r#"<prop type="x-bead">1-1</prop>"#));
        assert!(text.contains(r#"<prop type="x-document">en.txt</prop>"#));
        assert_eq!(text.matches("<tu ").count(), 1);
        assert_eq!(written.beads, 1);
    }

    #[test]
    fn escapes_markup_and_drops_forbidden_controls() {
        let alignment = Aligner::default().align("A <b> & ]]> c\u{7}.", "Б <i> & ]]> в.");
        let (text, written) = tmx(&alignment, &options());
        assert!(text.contains("A &lt;b&gt; &amp; ]]&gt; c.</seg>"));
        assert!(!text.contains('\u{7}'));
        assert_eq!(written.removed_chars, 1);
    }

    #[test]
    fn leaves_out_one_sided_beads_unless_asked() {
        let alignment = Aligner::default().align("One.", "");
        assert_eq!(tmx(&alignment, &options()).0.matches("<tu ").count(), 0);
        let keep = WriteOptions {
            keep_unaligned: true,
            ..options()
        };
        let (text, _) = tmx(&alignment, &keep);
        assert_eq!(text.matches("<tu ").count(), 1);
        assert_eq!(
            text.matches("<tuv ").count(),
            1,
            "one <tuv>, no empty <seg>"
        );
        assert!(!text.contains("<seg></seg>") && !text.contains("<seg/>"));
    }

    #[test]
    fn append_skips_units_already_in_the_file() {
        let first = Aligner::default().align("Yes.", "Да.");
        let (text, _) = tmx(&first, &options());
        let second = Aligner::default().align("Yes.\n\nNo.", "Да.\n\nНет.");
        let mut out = Vec::new();
        let written = append(&text, Path::new("m.tmx"), &second, &options(), &mut out).unwrap();
        let merged = String::from_utf8(out).unwrap();
        assert_eq!(written.duplicates, 1);
        assert_eq!(written.beads, 1);
        assert_eq!(merged.matches("<tu ").count(), 2);
        assert!(merged.contains(r#"<tu tuid="2""#));
        assert!(merged.trim_end().ends_with("</body>\n</tmx>"));
    }

    #[test]
    fn append_keeps_a_byte_order_mark_and_crlf_lines() {
        let text = "\u{feff}<tmx version=\"1.4\">\r\n<header/>\r\n<body>\r\n  <tu><tuv xml:lang=\"en\"><seg>Да</seg></tuv></tu>\r\n</body>\r\n</tmx>\r\n";
        let alignment = Aligner::default().align("Yes.", "Да.");
        let mut out = Vec::new();
        append(text, Path::new("m.tmx"), &alignment, &options(), &mut out).unwrap();
        let merged = String::from_utf8(out).unwrap();
        assert!(merged.starts_with("\u{feff}<tmx"));
        assert!(merged.contains("</tu>\n    <tu tuid=\"1\""), "{merged}");
        assert!(
            merged.ends_with("</tu>\n  </body>\r\n</tmx>\r\n"),
            "{merged}"
        );
    }

    #[test]
    fn append_fills_an_empty_body() {
        let text = "<tmx version=\"1.4\"><header/><body/></tmx>";
        let alignment = Aligner::default().align("Yes.", "Да.");
        let mut out = Vec::new();
        append(text, Path::new("m.tmx"), &alignment, &options(), &mut out).unwrap();
        let merged = String::from_utf8(out).unwrap();
        assert!(merged.contains("<body>"));
        assert!(merged.ends_with("</body></tmx>"));
        assert_eq!(merged.matches("<tu ").count(), 1);
    }

    #[test]
    fn append_refuses_a_file_that_is_not_tmx() {
        let alignment = Aligner::default().align("Yes.", "Да.");
        let error = append(
            "<html>\n<body/></html>",
            Path::new("x.tmx"),
            &alignment,
            &options(),
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.tmx:1: not a TMX file (the root element is not <tmx>)"
        );
        let error = append(
            "<tmx>\n<body>\n</tmx>",
            Path::new("x.tmx"),
            &alignment,
            &options(),
            &mut Vec::new(),
        )
        .unwrap_err();
        let cut = append(
            "<tmx>\n<body>\n<tu/>\n",
            Path::new("x.tmx"),
            &alignment,
            &options(),
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(cut.to_string(), "x.tmx:4: the file ends before </body>");
        assert!(
            error
                .to_string()
                .starts_with("x.tmx:3: not well-formed XML"),
            "{error}"
        );
    }
}
