//! Splitting any text never panics, and the sentences are trimmed slices of
//! the input, in order, that together hold every non-whitespace character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sverka::{Lang, Sentence, split};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let sentences = match mode % 3 {
        0 => split::split(text, Lang::En),
        1 => split::split(text, Lang::Ru),
        _ => split::presplit(text),
    };
    check(text, &sentences);
});

fn check(text: &str, sentences: &[Sentence]) {
    let mut at = 0;
    let mut paragraph = 0;
    let mut line = 1;
    for s in sentences {
        assert!(s.start >= at, "sentences overlap or go backwards");
        assert!(s.start < s.end, "empty sentence");
        assert_eq!(&text[s.start..s.end], s.text, "text is not the input slice");
        assert_eq!(s.text.trim(), s.text, "sentence is not trimmed");
        assert!(
            text[at..s.start].chars().all(char::is_whitespace),
            "non-whitespace between sentences was dropped"
        );
        assert!(s.paragraph >= paragraph, "paragraphs go backwards");
        assert!(s.line >= line, "line numbers go backwards");
        assert_eq!(
            s.line,
            1 + text[..s.start].matches('\n').count(),
            "wrong line number"
        );
        at = s.end;
        paragraph = s.paragraph;
        line = s.line;
    }
    assert!(
        text[at..].chars().all(char::is_whitespace),
        "text after the last sentence was dropped"
    );
}
