//! Every line the binary prints on stderr besides progress and summaries:
//! errors, warnings and notes, each one line starting `sverka: `.

use std::fmt::Display;
use std::path::Path;

use rayon::prelude::*;

use sverka::pipeline::Notice;
use sverka::write::Written;
use sverka::{Alignment, Sentence};

/// `sverka: error: …`
pub fn error(message: impl Display) -> String {
    format!("sverka: error: {message}")
}

/// `sverka: warning: …`
pub fn warning(message: impl Display) -> String {
    format!("sverka: warning: {message}")
}

/// `sverka: note: …`
pub fn note(message: impl Display) -> String {
    format!("sverka: note: {message}")
}

/// An error and its causes as one line, `<cause>: <cause>...`; a cause the
/// line already holds (library errors name their file) is not said twice.
pub fn one_line(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain().map(|e| e.to_string()) {
        if !message.contains(&cause) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&cause);
        }
    }
    message
}

/// What reading a pair found worth saying.
pub fn notice(notice: &Notice) -> String {
    notice_at("", notice)
}

/// [`notice`] for an input that is part of a stream, `place` (`<stdin>:7: `)
/// saying where.
pub fn notice_at(place: &str, notice: &Notice) -> String {
    match notice {
        Notice::Detected { path, encoding } => note(format_args!(
            "{place}{}: read as {encoding} (detected; give --encoding to override)",
            path.display()
        )),
        Notice::Replaced { path, count, first } => warning(format_args!(
            "{place}{}: replaced {count} undecodable byte sequence(s) with U+FFFD, the first at byte {first}",
            path.display()
        )),
        Notice::Script(error) => warning(format_args!(
            "{place}{error}; aligning anyway (pre-split input)"
        )),
        Notice::Format { path, format } => note(format_args!(
            "{place}{}: read as {format} (give --input-format text to read it as plain text)",
            path.display()
        )),
    }
}

/// What a writer had to change or leave out, for `name` (an output).
pub fn written(written: &Written, name: Option<&Path>) -> Vec<String> {
    let prefix = name.map_or(String::new(), |p| format!("{}: ", p.display()));
    let mut lines = Vec::new();
    if written.removed_chars > 0 {
        lines.push(warning(format_args!(
            "{prefix}removed {} control character(s) that XML 1.0 does not allow",
            written.removed_chars
        )));
    }
    if written.duplicates > 0 {
        lines.push(format!(
            "sverka: {prefix}{} pair(s) already in the TMX were not added again",
            written.duplicates
        ));
    }
    lines
}

/// Beyond this ratio of sizes, say how much of the longer side was aligned
/// (hunalign refuses pairs beyond 5x; sverka aligns what is there).
const UNEVEN_RATIO: f64 = 2.0;

/// Sentences (both sides) from which the coverage note counts letters in
/// parallel (see [`sverka::parallel`]).
const PARALLEL_SENTENCES: usize = 1024;

/// A note for stderr when one side is much shorter than the other: how many
/// sentences of each side ended up in links (beads with both sides).
pub fn coverage_note(alignment: &Alignment, en: &Path, ru: &Path) -> Option<String> {
    // In parallel for a book: hundreds of thousands of sentences.
    let parallel = alignment.en.len() + alignment.ru.len() >= PARALLEL_SENTENCES;
    let letters = |s: &[Sentence]| -> usize {
        match parallel {
            true => s.par_iter().map(Sentence::length).sum(),
            false => s.iter().map(Sentence::length).sum(),
        }
    };
    let (en_len, ru_len) = sverka::parallel::join(
        parallel,
        || letters(&alignment.en),
        || letters(&alignment.ru),
    );
    let (short, long, ratio) = if en_len <= ru_len {
        (en, ru, ru_len as f64 / en_len.max(1) as f64)
    } else {
        (ru, en, en_len as f64 / ru_len.max(1) as f64)
    };
    if ratio < UNEVEN_RATIO {
        return None;
    }
    let linked = alignment.linked_sentences();
    let ratio = if ratio.is_finite() && ratio < 1e6 {
        format!("{ratio:.1}x")
    } else {
        "far".to_string()
    };
    Some(note(format_args!(
        "{} is {ratio} shorter than {}; aligned what is there: {} of {} English and {} of {} Russian sentences are paired",
        short.display(),
        long.display(),
        linked.en,
        alignment.en.len(),
        linked.ru,
        alignment.ru.len(),
    )))
}
