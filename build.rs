//! Compiles the built-in dictionary, `data/lexicon-en-ru.tsv`, into static
//! perfect-hash tables (`$OUT_DIR/lexicon.rs`, read by
//! `src/anchor/lexicon/mod.rs`), so that a run starts without stemming its
//! 3,000-odd lines: that was over half of a one-statement alignment's time.
//! The stemmers, the tokenizer and the line reader are the library's own
//! files, included here as modules, so the tables cannot be indexed in a
//! different way from a user dictionary; a unit test compares the two.

use std::fmt::Write as _;
use std::path::Path;

/// `crate::Lang` for the included files (the library's has serde derives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Lang {
    En,
    Ru,
}

// The library's files, reachable at the paths they use (`crate::anchor::...`).
// Only the dictionary reading is used here.
#[allow(dead_code)]
#[path = "src/anchor/stem.rs"]
mod stem;
#[path = "src/anchor/lexicon/tables.rs"]
mod tables;
#[allow(dead_code)]
#[path = "src/anchor/tokens.rs"]
mod tokens;
mod anchor {
    pub(crate) use super::{stem, tokens};
}

const SOURCES: &[&str] = &[
    "data/lexicon-en-ru.tsv",
    "data/stopwords-en.txt",
    "data/stopwords-ru.txt",
    "src/anchor/stem.rs",
    "src/anchor/tokens.rs",
    "src/anchor/lexicon/tables.rs",
];

fn main() {
    for source in SOURCES {
        println!("cargo::rerun-if-changed={source}");
    }
    let text = std::fs::read_to_string("data/lexicon-en-ru.tsv")
        .expect("data/lexicon-en-ru.tsv is readable");
    let tables = tables::Tables::parse(&text).unwrap_or_else(|e| {
        panic!("data/lexicon-en-ru.tsv:{}: {}", e.line, e.message);
    });
    let mut out = String::from("static BUILTIN: Compiled = Compiled {\n");
    for (name, map) in [
        ("en", &tables.en),
        ("ru", &tables.ru),
        ("en_prefix", &tables.en_prefix),
        ("ru_prefix", &tables.ru_prefix),
    ] {
        // Sorted, so that the generated file is the same from build to build.
        let mut entries: Vec<_> = map.iter().collect();
        entries.sort();
        let mut codegen = phf_codegen::Map::<&str>::new();
        for (stem, ids) in entries {
            codegen.entry(stem, format!("&{ids:?}"));
        }
        writeln!(out, "    {name}: {},", codegen.build()).expect("writes to a String");
    }
    writeln!(out, "    concepts: {},\n}};", tables.concepts).expect("writes to a String");
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&dir).join("lexicon.rs"), out).expect("OUT_DIR is writable");
}
