//! Property test: every segment sverka writes to a translation memory or a
//! parallel corpus (TMX, CSV, TSV, JSONL, Moses) is found verbatim in the text
//! it came from, once each run of white space holding a line break is read as
//! one space, and no segment is empty. No-break spaces, double spaces, thin
//! spaces and typographic characters survive.

mod common;

use common::one_line;
use proptest::prelude::*;
use quick_xml::events::Event;
use sverka::write::{self, Format, WriteOptions};
use sverka::{Aligner, Alignment};

fn typographic_text(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    let spaces = prop::sample::select(vec![
        " ", " ", " ", "\u{a0}", "  ", "\u{2009}", "\u{202f}", "\n", " \n  ", "\n\n", "\r\n",
    ]);
    let marks = prop::sample::select(vec!["", "", "", ".", ",", "?", "!", "…", "»", ":", " —"]);
    prop::collection::vec((prop::sample::select(words.to_vec()), marks, spaces), 1..40).prop_map(
        |parts| {
            parts
                .into_iter()
                .map(|(word, mark, space)| format!("{word}{mark}{space}"))
                .collect()
        },
    )
}

const EN: &[&str] = &[
    "Question",
    "We",
    "are",
    "delighted",
    "of",
    "Russia",
    "the",
    "200",
    "2022",
    "“Nine",
    "Bridges”",
    "Mr.",
    "Lavrov",
    "$30",
    "billion",
    "UN",
];
const RU: &[&str] = &[
    "Вопрос",
    "Мы",
    "рады",
    "России",
    "в",
    "200",
    "тыс.",
    "2022",
    "г.",
    "«Девять",
    "мостов»",
    "Лавров",
    "30",
    "млрд",
    "ООН",
];

fn options() -> WriteOptions {
    WriteOptions {
        keep_unaligned: true,
        created: Some(0),
        ..WriteOptions::default()
    }
}

fn render(alignment: &Alignment, format: Format) -> String {
    let mut out = Vec::new();
    write::write(alignment, format, &options(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The TMX segments with their language, in order.
fn tmx_segments(tmx: &str) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_str(tmx);
    let (mut lang, mut out, mut current) = (String::new(), Vec::new(), None::<String>);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "tuv" => {
                let attr = e.try_get_attribute("xml:lang").unwrap().unwrap();
                lang = attr.value.to_string();
            }
            Event::Start(e) if e.name().as_ref() == "seg" => current = Some(String::new()),
            Event::Empty(e) if e.name().as_ref() == "seg" => {
                out.push((lang.clone(), String::new()))
            }
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
            Event::End(e) if e.name().as_ref() == "seg" => {
                out.extend(current.take().map(|seg| (lang.clone(), seg)))
            }
            Event::Eof => return out,
            _ => {}
        }
    }
}

fn check(segment: &str, source: &str, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(!segment.is_empty(), "{what}: an empty segment");
    prop_assert_eq!(segment.trim(), segment, "{}: untrimmed", what);
    prop_assert!(
        one_line(source).contains(segment),
        "{what}: {segment:?} is not in the source"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_segment_is_found_verbatim_in_its_source(
        en in typographic_text(EN),
        ru in typographic_text(RU),
    ) {
        let alignment = Aligner::default().align(&en, &ru);
        let source = |lang: &str| if lang.starts_with("en") { &en } else { &ru };

        for (lang, segment) in tmx_segments(&render(&alignment, Format::Tmx)) {
            check(&segment, source(&lang), "tmx")?;
        }
        for (format, delimiter) in [(Format::Csv, b','), (Format::Tsv, b'\t')] {
            let text = render(&alignment, format);
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .quoting(format == Format::Csv)
                .from_reader(text.as_bytes());
            for row in reader.records() {
                let row = row.unwrap();
                for (i, side) in [(0, "en"), (1, "ru")] {
                    if !row[i].is_empty() {
                        check(&row[i], source(side), "csv/tsv")?;
                    }
                }
            }
        }
        for line in render(&alignment, Format::Jsonl).lines() {
            let bead: serde_json::Value = serde_json::from_str(line).unwrap();
            for side in ["en", "ru"] {
                for sentence in bead[side].as_array().unwrap() {
                    check(sentence["text"].as_str().unwrap(), source(side), "jsonl")?;
                }
            }
        }
        let (mut en_lines, mut ru_lines) = (Vec::new(), Vec::new());
        write::moses::write(&alignment, &WriteOptions::default(), &mut en_lines, &mut ru_lines)
            .unwrap();
        for (lines, side) in [(en_lines, "en"), (ru_lines, "ru")] {
            for line in String::from_utf8(lines).unwrap().lines() {
                check(line, source(side), "moses")?;
            }
        }
    }
}

/// `text` with some of its spaces turned into no-break, thin or double
/// spaces, as `choices` says (one choice per space, cycling).
fn retypeset(text: &str, choices: &[u8]) -> String {
    let mut k = 0;
    text.chars()
        .map(|c| {
            if c != ' ' {
                return c.to_string();
            }
            k += 1;
            match choices[k % choices.len()] % 6 {
                0 => "\u{a0}".to_string(),
                1 => "  ".to_string(),
                2 => "\u{202f}".to_string(),
                _ => " ".to_string(),
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn the_sample_retypeset_keeps_its_segments_verbatim(
        en_choices in prop::collection::vec(any::<u8>(), 1..64),
        ru_choices in prop::collection::vec(any::<u8>(), 1..64),
    ) {
        let (en_path, ru_path) = common::sample();
        let en = retypeset(&std::fs::read_to_string(en_path).unwrap(), &en_choices);
        let ru = retypeset(&std::fs::read_to_string(ru_path).unwrap(), &ru_choices);
        let alignment = Aligner::default().align(&en, &ru);
        let source = |lang: &str| if lang.starts_with("en") { &en } else { &ru };
        let segments = tmx_segments(&render(&alignment, Format::Tmx));
        prop_assert!(segments.len() >= 20);
        for (lang, segment) in segments {
            check(&segment, source(&lang), "tmx")?;
        }
        // The language switch is chrome however it is spaced: never paired.
        for bead in alignment.beads.iter().filter(|b| b.is_link()) {
            prop_assert!(!alignment.en_text(bead).contains("en-GB1"));
        }
    }
}

#[test]
fn the_sample_with_invisible_characters_aligns_as_written_plainly() {
    // A page scraped with a zero-width space after every sentence mark and
    // soft hyphens inside long words aligns into the same beads as the
    // plain text, and its segments keep those characters as written.
    let (en_path, ru_path) = common::sample();
    let en = std::fs::read_to_string(en_path).unwrap();
    let ru = std::fs::read_to_string(ru_path).unwrap();
    let scraped: String = en
        .split_inclusive(' ')
        .map(|word| {
            let word = word.replace(". ", ".\u{200B} ").replace("? ", "?\u{200B} ");
            match word.char_indices().nth(6) {
                Some((at, _)) if word.chars().all(|c| c.is_alphabetic() || c == ' ') => {
                    format!("{}\u{AD}{}", &word[..at], &word[at..])
                }
                _ => word,
            }
        })
        .collect();
    assert!(scraped.contains('\u{200B}') && scraped.contains('\u{AD}'));
    let visible = |s: &str| s.replace(['\u{200B}', '\u{AD}'], "");
    let shape = |alignment: &Alignment| -> Vec<(usize, usize, String)> {
        alignment
            .beads
            .iter()
            .map(|b| (b.en.len(), b.ru.len(), visible(&alignment.en_text(b))))
            .collect()
    };
    let plain = Aligner::default().align(&en, &ru);
    let written = Aligner::default().align(&scraped, &ru);
    assert!(plain.beads.len() >= 20);
    assert_eq!(shape(&written), shape(&plain));
    for (lang, segment) in tmx_segments(&render(&written, Format::Tmx)) {
        let source = if lang.starts_with("en") {
            &scraped
        } else {
            &ru
        };
        check(&segment, source, "tmx").unwrap();
    }
}
