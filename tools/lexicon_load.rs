//! Times parsing the built-in lexicon (it must stay well under 50 ms).
//! Run: `cargo run --release --example lexicon_load`

use std::path::Path;
use std::time::Instant;

use sverka::anchor::lexicon::Lexicon;

fn main() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/lexicon-en-ru.tsv"
    ))
    .expect("data/lexicon-en-ru.tsv is readable");
    for round in 0..20 {
        let t = Instant::now();
        let lex = Lexicon::parse(&text, Path::new("data/lexicon-en-ru.tsv")).expect("valid");
        println!(
            "round {round}: {} concepts in {:.2} ms",
            lex.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
