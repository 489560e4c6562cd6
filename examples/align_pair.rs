//! Aligns two files with the library API and prints the beads.
//!
//! ```sh
//! cargo run --example align_pair -- corpora/lavrov-2021-03-23/en.txt corpora/lavrov-2021-03-23/ru.txt
//! ```

use std::process::ExitCode;

use sverka::{AlignOptions, Aligner};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [en_path, ru_path] = args.as_slice() else {
        eprintln!("usage: align_pair EN.txt RU.txt");
        return ExitCode::from(2);
    };
    let read = |path: &str| {
        std::fs::read_to_string(path).map_err(|e| eprintln!("align_pair: {path}: {e}"))
    };
    let (Ok(en), Ok(ru)) = (read(en_path), read(ru_path)) else {
        return ExitCode::from(2);
    };
    let alignment = Aligner::new(AlignOptions::default()).align(&en, &ru);
    for bead in &alignment.beads {
        println!("{} ({:.2})", bead.kind(), bead.score);
        println!("  en: {}", alignment.en_text(bead));
        println!("  ru: {}", alignment.ru_text(bead));
    }
    let untranslated = alignment
        .beads
        .iter()
        .filter(|b| b.ru.is_empty())
        .map(|b| b.en.len())
        .sum::<usize>();
    println!(
        "{untranslated} of {} English sentences have no Russian",
        alignment.en.len()
    );
    ExitCode::SUCCESS
}
