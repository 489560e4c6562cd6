//! Writing any alignment never panics, in any format, and every format reads
//! back: the bead format to the same beads, TMX as well-formed XML whose
//! segments are the aligned text, CSV and TSV field for field, JSONL line for
//! line.
//!
//! Needs the TMX, CSV, TSV and JSONL writers (the `write` branch).
#![no_main]

use libfuzzer_sys::fuzz_target;
use quick_xml::events::Event;
use sverka::write::{self, Format, WriteOptions, xml_safe};
use sverka::{AlignOptions, Aligner, Alignment};

const FORMATS: [Format; 6] = [
    Format::Table,
    Format::Beads,
    Format::Tmx,
    Format::Csv,
    Format::Tsv,
    Format::Jsonl,
];

fuzz_target!(|data: &[u8]| {
    let Some((&width, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (en, ru) = text
        .split_once('\u{1}')
        .unwrap_or_else(|| text.split_at(text.floor_char_boundary(text.len() / 2)));
    let alignment = Aligner::new(AlignOptions::default()).align(en, ru);
    let options = WriteOptions {
        width: width as usize,
        keep_unaligned: true,
        created: Some(0),
        ..WriteOptions::default()
    };
    for format in FORMATS {
        let mut out = Vec::new();
        write::write(&alignment, format, &options, &mut out).expect("writing to memory");
        let out = String::from_utf8(out).expect("output is UTF-8");
        match format {
            Format::Beads => check_beads(&alignment, &out),
            Format::Tmx => check_tmx(&alignment, &out),
            Format::Csv | Format::Tsv => check_table(&alignment, &out, format),
            Format::Jsonl => check_jsonl(&alignment, &out),
            _ => {}
        }
    }
});

fn check_beads(alignment: &Alignment, out: &str) {
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), alignment.beads.len());
    for (line, bead) in lines.iter().zip(&alignment.beads) {
        let (en, ru) = line.split_once(':').expect("bead line has a colon");
        assert_eq!(indices(en), bead.en.clone().collect::<Vec<_>>());
        assert_eq!(indices(ru), bead.ru.clone().collect::<Vec<_>>());
    }
}

fn indices(list: &str) -> Vec<usize> {
    let inner = list.trim_start_matches('[').trim_end_matches(']');
    inner
        .split(", ")
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("bead index is a number"))
        .collect()
}

/// Well-formed XML (quick-xml reads it to the end), no character XML 1.0
/// forbids, and the segments are the beads' text, English then Russian.
fn check_tmx(alignment: &Alignment, tmx: &str) {
    let forbidden = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{ffff}';
    assert!(!tmx.contains(forbidden), "forbidden character in TMX");
    let mut reader = quick_xml::Reader::from_str(tmx);
    let mut segments = Vec::new();
    let mut current: Option<String> = None;
    let mut depth = 0i64;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                depth += 1;
                if e.name().as_ref() == "seg" {
                    current = Some(String::new());
                }
            }
            Event::Empty(e) if e.name().as_ref() == "seg" => segments.push(String::new()),
            Event::Text(t) => {
                if let Some(seg) = current.as_mut() {
                    seg.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(seg) = current.as_mut() {
                    let entity = format!("&{};", r.xml10_content());
                    seg.push_str(&quick_xml::escape::unescape(&entity).expect("known entity"));
                }
            }
            Event::End(e) => {
                depth -= 1;
                if e.name().as_ref() == "seg" {
                    segments.extend(current.take());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    let expected: Vec<String> = alignment
        .beads
        .iter()
        .flat_map(|b| [alignment.en_text(b), alignment.ru_text(b)])
        .map(|t| {
            let (clean, _) = xml_safe(&t);
            clean.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    assert_eq!(segments, expected);
}

/// One row per bead after the header; the first two fields are the texts
/// (TSV turns control characters into spaces, and quotes a field holding
/// a double quote as CSV does).
fn check_table(alignment: &Alignment, out: &str, format: Format) {
    let csv = format == Format::Csv;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if csv { b',' } else { b'\t' })
        .quoting(true)
        .from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), alignment.beads.len());
    for (row, bead) in rows.iter().zip(&alignment.beads) {
        let (en, ru) = (alignment.en_text(bead), alignment.ru_text(bead));
        if csv {
            assert_eq!(&row[0], en.as_str());
            assert_eq!(&row[1], ru.as_str());
        } else {
            let one_line = |s: &str| s.replace(char::is_control, " ");
            assert_eq!(&row[0], one_line(&en));
            assert_eq!(&row[1], one_line(&ru));
        }
    }
}

fn check_jsonl(alignment: &Alignment, out: &str) {
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), alignment.beads.len());
    for line in lines {
        let _: serde_json::Value = serde_json::from_str(line).expect("a JSON object per line");
    }
}
