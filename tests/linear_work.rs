//! Work grows linearly with the input, on generated worst cases: doubling
//! the input at most about doubles the aligner's work. Up to 250,000 cells
//! (and cells times keys per sentence up to 16 million) the aligner fills
//! the whole table, a bounded amount of work that grows with the square of
//! the sentence count; the sizes here are beyond it, where the band runs. Work is counted, not
//! timed (`sverka::align::work_done`: cells and anchor keys costed), so the
//! test measures the algorithm, not the machine. This is the only test in
//! its binary, so no other alignment adds to the count meanwhile.

use sverka::{AlignOptions, Aligner, Lang, split};

/// Work of aligning `en` with `ru` as raw text.
fn work(en: &str, ru: &str) -> u64 {
    let before = sverka::align::work_done();
    let aligner = Aligner::new(AlignOptions::default());
    let en = split::split(en, Lang::En);
    let ru = split::split(ru, Lang::Ru);
    let alignment = aligner.align_sentences(en, ru);
    assert!(!alignment.beads.is_empty());
    sverka::align::work_done() - before
}

/// Texts of `n` units of each worst case: lines with no sentence mark at
/// all (one endless "sentence"), a wall of numbers, and many tiny
/// sentences. (One endless word has no keys: its work is the cells of the
/// tables alone, under the bounds above until the text is tens of
/// megabytes; `tests/nasty.rs` aligns a megabyte of it.)
fn cases(n: usize) -> Vec<(&'static str, String, String)> {
    let numbers = |lang: &str| {
        (0..n)
            .map(|i| format!("{} {lang} ", 1000 + i % 977))
            .collect::<String>()
    };
    vec![
        (
            "no sentence marks",
            "the word of the day\n".repeat(n),
            "слово дня\n".repeat(n),
        ),
        ("numbers", numbers("and"), numbers("и")),
        ("tiny sentences", "Yes. ".repeat(n), "Да. ".repeat(n)),
    ]
}

#[test]
fn doubling_the_input_at_most_doubles_the_work_give_or_take() {
    for ((name, en, ru), (_, en2, ru2)) in cases(100_000).into_iter().zip(cases(200_000)) {
        let (small, large) = (work(&en, &ru), work(&en2, &ru2));
        let ratio = large as f64 / small.max(1) as f64;
        eprintln!("{name}: work {small} -> {large} ({ratio:.2}x)");
        assert!(
            ratio <= 2.5,
            "{name}: doubling the input multiplied the work by {ratio:.2}"
        );
    }
}
