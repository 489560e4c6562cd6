//! Extraction speed: builds `SentenceAnchors` for every line of the given
//! files (one sentence a line, English files named `en*`, others Russian)
//! and prints the time per sentence. Run with `time` to see CPU time on a
//! busy machine:
//! `time cargo run --release --example anchor_speed -- FILE...`

use std::time::Instant;

use sverka::Lang;
use sverka::anchor::lexicon::Lexicon;
use sverka::anchor::sentence::SentenceAnchors;

fn main() {
    let lex = Lexicon::builtin();
    let mut lines = Vec::new();
    for path in std::env::args().skip(1) {
        let lang = if path.rsplit('/').next().is_some_and(|n| n.starts_with("en")) {
            Lang::En
        } else {
            Lang::Ru
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => lines.extend(text.lines().map(|l| (l.to_string(), lang))),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    let t = Instant::now();
    let mut keys = 0;
    for (line, lang) in &lines {
        keys += SentenceAnchors::new(line, *lang, lex).content_tokens();
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} sentences, {keys} content tokens, {:.1} µs/sentence (wall)",
        lines.len(),
        s * 1e6 / lines.len().max(1) as f64
    );
}
