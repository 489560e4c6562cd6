//! Property tests: whatever the text, TMX stays well-formed XML whose segments
//! read back as the aligned text (forbidden characters removed), and CSV and
//! TSV read back field for field.

use proptest::prelude::*;
use quick_xml::events::Event;
use sverka::write::{self, Format, WriteOptions, xml_safe};
use sverka::{Aligner, Alignment};

/// Text with the characters that break naive writers: markup, quotes,
/// separators, control characters, Cyrillic, line breaks.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Word",
        "слово",
        "<b>",
        "&amp;",
        "]]>",
        "\"",
        "'",
        ",",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\u{7}",
        "\u{1b}",
        "\u{0}",
        "\u{feff}",
        "\u{ffff}",
        ". ",
        "? ",
        "…",
        "$30",
        "«Да»",
    ]);
    prop::collection::vec(pieces, 1..40).prop_map(|p| p.concat())
}

fn everything() -> WriteOptions {
    WriteOptions {
        keep_unaligned: true,
        keep_chrome: true,
        keep_identical: true,
        created: Some(0),
        ..WriteOptions::default()
    }
}

fn render(alignment: &Alignment, format: Format) -> String {
    let mut out = Vec::new();
    write::write(alignment, format, &everything(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The segments of a TMX file, in order, read with quick-xml.
fn segments(tmx: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(tmx);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "seg" => current = Some(String::new()),
            Event::Empty(e) if e.name().as_ref() == "seg" => out.push(String::new()),
            Event::Text(t) => {
                if let Some(seg) = current.as_mut() {
                    seg.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(seg) = current.as_mut() {
                    let entity = format!("&{};", r.xml10_content());
                    seg.push_str(&quick_xml::escape::unescape(&entity).unwrap());
                }
            }
            Event::End(e) if e.name().as_ref() == "seg" => out.extend(current.take()),
            Event::Eof => return out,
            _ => {}
        }
    }
}

fn expected_segment(text: &str) -> String {
    let (clean, _) = xml_safe(text);
    clean.trim().to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn tmx_segments_read_back_as_the_aligned_text(en in tricky_text(), ru in tricky_text()) {
        let alignment = Aligner::default().align(&en, &ru);
        let tmx = render(&alignment, Format::Tmx);
        let mut expected = Vec::new();
        for bead in &alignment.beads {
            // One-sided beads are units with one <tuv>: no empty <seg>.
            for text in [alignment.en_text(bead), alignment.ru_text(bead)] {
                let segment = expected_segment(&text);
                if !segment.is_empty() {
                    expected.push(segment);
                }
            }
        }
        prop_assert_eq!(segments(&tmx), expected);
        let forbidden = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{ffff}';
        prop_assert!(!tmx.contains(forbidden));
    }

    #[test]
    fn csv_and_tsv_rows_read_back_field_for_field(en in tricky_text(), ru in tricky_text()) {
        let alignment = Aligner::default().align(&en, &ru);
        for (format, delimiter) in [(Format::Csv, b','), (Format::Tsv, b'\t')] {
            let text = render(&alignment, format);
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                // TSV quotes a field holding a double quote, as CSV does.
                .quoting(true)
                .from_reader(text.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
            prop_assert_eq!(rows.len(), alignment.beads.len());
            for (row, bead) in rows.iter().zip(&alignment.beads) {
                prop_assert_eq!(row.len(), 6);
                let (en, ru) = (alignment.en_text(bead), alignment.ru_text(bead));
                if format == Format::Csv {
                    prop_assert_eq!(&row[0], en.as_str());
                    prop_assert_eq!(&row[1], ru.as_str());
                } else {
                    let one_line = |s: &str| s.replace(char::is_control, " ");
                    prop_assert_eq!(&row[0], one_line(&en));
                    prop_assert_eq!(&row[1], one_line(&ru));
                }
            }
        }
    }
}
