//! Invariants of splitting and aligning, on random texts:
//! every sentence of both inputs lands in exactly one bead, beads are in
//! document order, sentences are trimmed slices of the input that together
//! hold all its text, and the bead format reads back to the same beads.

use proptest::prelude::*;
use sverka::write::{self, Format, WriteOptions};
use sverka::{AlignOptions, Aligner, Alignment, Lang, Sentence, split};

const EN_WORDS: &[&str] = &[
    "the",
    "minister",
    "Mr.",
    "talks",
    "U.S.",
    "trade",
    "e.g.",
    "3.5",
    "Moscow",
    "said",
    "No.",
    "\"quoted\"",
    "(aside)",
    "St.",
    "J.",
    "year",
    "—",
    "etc.",
];
const RU_WORDS: &[&str] = &[
    "министр",
    "т.е.",
    "переговоры",
    "г.",
    "Москва",
    "«цитата»",
    "С.",
    "В.",
    "Лавров",
    "и",
    "др.",
    "3,5",
    "млн.",
    "(скобки)",
    "—",
    "ул.",
    "год",
    "т.д.",
];
const ENDINGS: &[&str] = &[".", "!", "?", "…", "?!", ".»", ".\"", ""];
const GAPS: &[&str] = &[" ", "  ", "\n", "\r\n", "\n\n", "\r\n\r\n", "\t", "\n \n"];

/// A text of random sentences from `words`, with random punctuation,
/// capitals, line and paragraph breaks.
fn text(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    let word = prop::sample::select(words);
    let sentence = (
        prop::collection::vec(word, 1..12),
        prop::sample::select(ENDINGS),
        any::<bool>(),
    )
        .prop_map(|(words, end, capital)| {
            let mut s = words.join(" ");
            if capital && let Some(first) = s.chars().next() {
                s = first.to_uppercase().chain(s.chars().skip(1)).collect();
            }
            s + end
        });
    prop::collection::vec((sentence, prop::sample::select(GAPS)), 0..40).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(s, gap)| [s, gap.to_string()])
            .collect()
    })
}

/// Sentences are trimmed slices of `text`, in order, with only whitespace
/// between them: nothing is lost, doubled or changed.
fn assert_covers(text: &str, sentences: &[Sentence]) -> Result<(), TestCaseError> {
    let mut at = 0;
    for s in sentences {
        prop_assert!(s.start >= at && s.start < s.end, "bad span {:?}", s);
        prop_assert_eq!(&text[s.start..s.end], s.text());
        prop_assert_eq!(s.text().trim(), s.text());
        prop_assert!(
            text[at..s.start].trim().is_empty(),
            "lost {:?}",
            &text[at..s.start]
        );
        prop_assert_eq!(s.line, 1 + text[..s.start].matches('\n').count());
        at = s.end;
    }
    prop_assert!(text[at..].trim().is_empty(), "lost tail {:?}", &text[at..]);
    Ok(())
}

/// Every sentence of both sides is in exactly one bead, beads in order.
fn assert_partition(alignment: &Alignment) -> Result<(), TestCaseError> {
    let (mut i, mut j) = (0, 0);
    for bead in &alignment.beads {
        prop_assert_eq!(bead.en.start, i, "English sentence skipped or repeated");
        prop_assert_eq!(bead.ru.start, j, "Russian sentence skipped or repeated");
        prop_assert!(!bead.en.is_empty() || !bead.ru.is_empty(), "empty bead");
        prop_assert!((0.0..=1.0).contains(&bead.score), "score {}", bead.score);
        i = bead.en.end;
        j = bead.ru.end;
    }
    prop_assert_eq!(i, alignment.en.len());
    prop_assert_eq!(j, alignment.ru.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn english_sentences_cover_the_text(text in text(EN_WORDS)) {
        assert_covers(&text, &split::split(&text, Lang::En))?;
    }

    #[test]
    fn russian_sentences_cover_the_text(text in text(RU_WORDS)) {
        assert_covers(&text, &split::split(&text, Lang::Ru))?;
    }

    #[test]
    fn any_string_splits_into_covering_sentences(text in "\\PC{0,300}", ru in any::<bool>()) {
        let lang = if ru { Lang::Ru } else { Lang::En };
        assert_covers(&text, &split::split(&text, lang))?;
        assert_covers(&text, &split::presplit(&text))?;
    }

    #[test]
    fn every_sentence_lands_in_exactly_one_bead_in_order(
        en in text(EN_WORDS),
        ru in text(RU_WORDS),
    ) {
        let alignment = Aligner::new(AlignOptions::default()).align(&en, &ru);
        assert_partition(&alignment)?;
    }

    #[test]
    fn presplit_sentences_land_in_exactly_one_bead_in_order(
        en in prop::collection::vec("[A-Za-z .]{0,30}", 0..60),
        ru in prop::collection::vec("[а-яА-Я .]{0,30}", 0..60),
    ) {
        let (en, ru) = (en.join("\n"), ru.join("\n"));
        let alignment = Aligner::new(AlignOptions::default())
            .align_sentences(split::presplit(&en), split::presplit(&ru));
        assert_partition(&alignment)?;
    }

    #[test]
    fn arbitrary_unicode_aligns_into_a_partition(en in "\\PC{0,200}", ru in "\\PC{0,200}") {
        let alignment = Aligner::new(AlignOptions::default()).align(&en, &ru);
        assert_partition(&alignment)?;
    }

    #[test]
    fn bead_format_reads_back_to_the_same_beads(en in text(EN_WORDS), ru in text(RU_WORDS)) {
        let alignment = Aligner::new(AlignOptions::default()).align(&en, &ru);
        let mut out = Vec::new();
        write::write(&alignment, Format::Beads, &WriteOptions::default(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let read: Vec<(Vec<usize>, Vec<usize>)> = out.lines().map(parse_bead).collect();
        let want: Vec<(Vec<usize>, Vec<usize>)> = alignment
            .beads
            .iter()
            .map(|b| (b.en.clone().collect(), b.ru.clone().collect()))
            .collect();
        prop_assert_eq!(read, want);
    }

    #[test]
    fn table_shows_every_word_of_both_sides(en in text(EN_WORDS), ru in text(RU_WORDS)) {
        let alignment = Aligner::new(AlignOptions::default()).align(&en, &ru);
        let mut out = Vec::new();
        let options = WriteOptions { width: 400, ..WriteOptions::default() };
        write::write(&alignment, Format::Table, &options, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        for word in en.split_whitespace().chain(ru.split_whitespace()) {
            prop_assert!(out.contains(word), "{:?} missing from the table", word);
        }
    }
}

fn parse_bead(line: &str) -> (Vec<usize>, Vec<usize>) {
    let list = |s: &str| -> Vec<usize> {
        s.trim_matches(['[', ']'])
            .split(", ")
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().expect("index"))
            .collect()
    };
    let (en, ru) = line.split_once(':').expect("colon");
    (list(en), list(ru))
}
