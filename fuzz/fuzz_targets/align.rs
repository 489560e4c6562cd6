//! Aligning any two texts never panics, and every sentence of both sides
//! lands in exactly one bead, with the beads in document order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sverka::{AlignOptions, Aligner, split};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The first U+0001 (or the middle) separates the English from the Russian.
    let (en, ru) = text
        .split_once('\u{1}')
        .unwrap_or_else(|| text.split_at(text.floor_char_boundary(text.len() / 2)));
    let aligner = Aligner::new(AlignOptions::default());
    let alignment = if en.starts_with('#') {
        aligner.align_sentences(split::presplit(en), split::presplit(ru))
    } else {
        aligner.align(en, ru)
    };
    let (mut i, mut j) = (0, 0);
    for bead in &alignment.beads {
        assert_eq!(bead.en.start, i, "English sentence skipped or repeated");
        assert_eq!(bead.ru.start, j, "Russian sentence skipped or repeated");
        assert!(!bead.en.is_empty() || !bead.ru.is_empty(), "empty bead");
        assert!((0.0..=1.0).contains(&bead.score), "score {}", bead.score);
        i = bead.en.end;
        j = bead.ru.end;
    }
    assert_eq!(i, alignment.en.len(), "English sentences left out");
    assert_eq!(j, alignment.ru.len(), "Russian sentences left out");
});
