//! Writing any alignment never panics, in any format; the bead format reads
//! back to the same beads.
//!
//! TODO(after merging the `write` branch): add `Format::Tmx` (parse the output
//! back with quick-xml, compare the segment texts) and `Format::Csv` (read it
//! back with the csv crate, compare the cells) here.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sverka::write::{self, Format, WriteOptions};
use sverka::{AlignOptions, Aligner};

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
        ..WriteOptions::default()
    };
    for format in [Format::Table, Format::Beads] {
        let mut out = Vec::new();
        write::write(&alignment, format, &options, &mut out).expect("writing to memory");
        let out = String::from_utf8(out).expect("output is UTF-8");
        if format == Format::Beads {
            let lines: Vec<&str> = out.lines().collect();
            assert_eq!(lines.len(), alignment.beads.len());
            for (line, bead) in lines.iter().zip(&alignment.beads) {
                let (en, ru) = line.split_once(':').expect("bead line has a colon");
                assert_eq!(indices(en), bead.en.clone().collect::<Vec<_>>());
                assert_eq!(indices(ru), bead.ru.clone().collect::<Vec<_>>());
            }
        }
    }
});

fn indices(list: &str) -> Vec<usize> {
    let inner = list.trim_start_matches('[').trim_end_matches(']');
    inner
        .split(", ")
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("bead index is a number"))
        .collect()
}
