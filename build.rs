//! Compiles the built-in word lists that every run needs into static
//! perfect-hash tables ([`phf`]) in `$OUT_DIR`, so that a run starts without
//! reading them:
//!
//! * `data/lexicon-en-ru.tsv` (3,000-odd lines, every word stemmed) into
//!   `lexicon.rs`, read by `src/anchor/lexicon/compiled.rs`: parsing it was over
//!   half of a one-statement alignment's time;
//! * `data/acronyms.tsv` into `acronyms.rs`, read by `src/anchor/acronyms/mod.rs`:
//!   a tenth of what was left;
//! * the splitter's word lists (abbreviations, sentence starters,
//!   salutations, date words, function words) into `split_lists.rs`, read by
//!   `src/split/compiled.rs` (a tenth of a one-statement run);
//! * the default length model's cost table into `length_table.rs`, read by
//!   `src/align/length_table.rs` (8,000 logarithms and exponentials, a tenth
//!   of a one-statement run).
//!
//! The stemmers, the tokenizer and the list readers are the library's own
//! files, included here as modules, so a list cannot be indexed in a
//! different way at build time from at run time; unit tests compare the
//! compiled tables with the ones the readers make of the files.

use std::fmt::Write as _;
use std::path::Path;

/// `crate::Lang` for the included files (the library's has serde derives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Lang {
    En,
    Ru,
}

// The library's files, reachable at the paths they use (`crate::anchor::...`).
// Only the list readers are used here.
#[allow(dead_code)]
#[path = "src/split/abbreviations.rs"]
mod abbreviations;
#[allow(dead_code)]
#[path = "src/anchor/acronyms/forms.rs"]
mod forms;
#[allow(dead_code)]
#[path = "src/align/length.rs"]
mod length;
#[allow(dead_code)]
#[path = "src/anchor/stem.rs"]
mod stem;
#[path = "src/anchor/lexicon/tables.rs"]
mod tables;
#[allow(dead_code)]
#[path = "src/split/words.rs"]
mod words;
/// What `length.rs` reads the compiled table from; empty here, where the
/// table is being made.
mod length_table {
    pub(super) static EN_RU: [f64; 0] = [];
}
#[allow(dead_code)]
#[path = "src/anchor/tokens.rs"]
mod tokens;
/// What `tokens.rs` asks for function words; here, where they are being
/// compiled, they are read from the files with the splitter's reader.
mod split {
    use std::sync::LazyLock;

    use super::words::FunctionWords;

    pub(crate) fn is_function_word(word: &str, lang: super::Lang) -> bool {
        static LISTS: LazyLock<[FunctionWords; 2]> = LazyLock::new(|| {
            [
                FunctionWords::parse(include_str!("data/stopwords-en.txt")),
                FunctionWords::parse(include_str!("data/stopwords-ru.txt")),
            ]
        });
        LISTS[usize::from(lang == super::Lang::Ru)].0.contains(word)
    }
}
mod anchor {
    pub(crate) use super::{stem, tokens};
}

const SOURCES: &[&str] = &[
    "data/lexicon-en-ru.tsv",
    "data/acronyms.tsv",
    "data/stopwords-en.txt",
    "data/stopwords-ru.txt",
    "src/anchor/stem.rs",
    "src/anchor/tokens.rs",
    "src/anchor/lexicon/tables.rs",
    "src/anchor/acronyms/forms.rs",
    "src/align/length.rs",
    "src/split/abbreviations.rs",
    "src/split/words.rs",
    "data/abbreviations-en.txt",
    "data/abbreviations-ru.txt",
    "data/sentence-starters-en.txt",
    "data/sentence-starters-ru.txt",
    "data/joining-openers-en.txt",
    "data/joining-openers-ru.txt",
    "data/salutations-en.txt",
    "data/salutations-ru.txt",
    "data/date-phrase-words.txt",
    "data/months.tsv",
    "data/caption-words.txt",
    "data/part-words.txt",
];

fn main() {
    for source in SOURCES {
        println!("cargo::rerun-if-changed={source}");
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    write(&out.join("lexicon.rs"), &lexicon());
    write(&out.join("acronyms.rs"), &acronyms());
    write(&out.join("length_table.rs"), &length_table());
    write(&out.join("split_lists.rs"), &split_lists());
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// A `phf::Map` expression of `entries`, values written by `value`. Keys
/// are sorted so that the generated file is the same from build to build.
fn phf_map<K, V>(entries: impl IntoIterator<Item = (K, V)>, value: impl Fn(V) -> String) -> String
where
    K: Ord + std::hash::Hash + phf_shared::PhfHash + phf_shared::FmtConst,
{
    let mut entries: Vec<(K, V)> = entries.into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut codegen = phf_codegen::Map::new();
    for (key, v) in entries {
        codegen.entry(key, value(v));
    }
    codegen.build().to_string()
}

/// `static BUILTIN: Compiled` (see `src/anchor/lexicon/compiled.rs`).
fn lexicon() -> String {
    let tables = tables::Tables::parse(&read("data/lexicon-en-ru.tsv"))
        .unwrap_or_else(|e| panic!("data/lexicon-en-ru.tsv:{}: {}", e.line, e.message));
    let mut out = String::from("pub(super) static BUILTIN: Compiled = Compiled {\n");
    for (name, map) in [
        ("en", &tables.en),
        ("ru", &tables.ru),
        ("en_prefix", &tables.en_prefix),
        ("ru_prefix", &tables.ru_prefix),
    ] {
        writeln!(out, "    {name}: {},", id_map(map)).expect("a String");
    }
    writeln!(out, "    concepts: {},\n}};", tables.concepts).expect("a String");
    out
}

/// An `IdMap` expression of `map` (see `src/anchor/lexicon/compiled.rs`):
/// its keys placed by a perfect hash, keys and ids laid out in plain arrays.
fn id_map(
    map: &std::collections::HashMap<String, Vec<u32>, impl std::hash::BuildHasher>,
) -> String {
    // Sorted, so that the generated file is the same from build to build.
    let mut entries: Vec<(&str, &[u32])> = map
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_slice()))
        .collect();
    entries.sort();
    let keys: Vec<&str> = entries.iter().map(|e| e.0).collect();
    let state = phf_generator::generate_hash(&keys);
    let (mut all_keys, mut key_ends, mut ids, mut id_ends) =
        (String::new(), vec![], vec![], vec![]);
    for &entry in &state.map {
        let (key, key_ids) = entries[entry];
        all_keys.push_str(key);
        key_ends.push(all_keys.len());
        ids.extend_from_slice(key_ids);
        id_ends.push(ids.len());
    }
    format!(
        "IdMap {{ key: {}, disps: &{:?}, keys: {:?}, key_ends: &{:?}, id_ends: &{:?}, ids: &{:?} }}",
        state.key, state.disps, all_keys, key_ends, id_ends, ids
    )
}

/// `static EN: Side`, `static RU: Side`, `const CONCEPTS: u32` (see
/// `src/anchor/acronyms/mod.rs`).
fn acronyms() -> String {
    let (en, ru, concepts) = forms::read(&read("data/acronyms.tsv"));
    let mut out = String::new();
    for (name, side) in [("EN", en), ("RU", ru)] {
        let hits = |hits: &Vec<(u32, forms::Case)>| {
            let hits: Vec<String> = hits
                .iter()
                .map(|(id, case)| format!("({id}, Case::{case:?})"))
                .collect();
            format!("&[{}]", hits.join(", "))
        };
        let forms = side.forms.iter().map(|(k, v)| (k.as_str(), v));
        let starts = side.starts.iter().map(|(k, v)| (k.as_str(), v));
        writeln!(
            out,
            "static {name}: Side = Side {{\n    forms: {},\n    signs: {},\n    max_words: {},\n    starts: {},\n}};",
            phf_map(forms, hits),
            phf_map(side.signs.iter().map(|(k, v)| (*k, v)), u32::to_string),
            side.max_words,
            phf_map(starts, usize::to_string),
        )
        .expect("a String");
    }
    writeln!(out, "const CONCEPTS: u32 = {concepts};").expect("a String");
    out
}

/// `static EN_RU: [f64; N]` (see `src/align/length_table.rs`), each cost
/// written as its bits, so that the table is exactly what a run would compute.
fn length_table() -> String {
    let table = length::TabulatedLength::tabulate(&length::LengthModel::EN_RU);
    let mut out = format!("pub(super) static EN_RU: [f64; {}] = [\n", table.len());
    for cost in table {
        writeln!(out, "    f64::from_bits({:#x}),", cost.to_bits()).expect("a String");
    }
    out.push_str("];\n");
    out
}

/// The splitter's lists (see `src/split/compiled.rs`), read with the
/// splitter's own readers.
fn split_lists() -> String {
    let set = |words: &words::WordSet| {
        let mut codegen = phf_codegen::Set::new();
        for word in words.sorted() {
            codegen.entry(word);
        }
        codegen.build().to_string()
    };
    let map =
        |table: &abbreviations::Table| phf_map(table.sorted(), |kind| format!("Kind::{kind:?}"));
    let mut out = String::new();
    for lang in ["en", "ru"] {
        let name = lang.to_uppercase();
        let list = |kind: &str| read(&format!("data/{kind}-{lang}.txt"));
        let abbreviations = abbreviations::Abbreviations::parse(&list("abbreviations"));
        let starters = words::Starters::parse(&list("sentence-starters"));
        let joining = words::Starters::parse(&list("joining-openers"));
        let salutations = words::Salutations::parse(&list("salutations"));
        let function_words = words::FunctionWords::parse(&list("stopwords"));
        for (table, value) in [
            ("ABBREVIATIONS_EXACT", &abbreviations.exact),
            ("ABBREVIATIONS_FOLDED", &abbreviations.folded),
        ] {
            writeln!(
                out,
                "pub(super) static {name}_{table}: phf::Map<&str, Kind> = {};",
                map(value)
            )
            .expect("a String");
        }
        writeln!(
            out,
            "pub(super) const {name}_ABBREVIATIONS_LONGEST: usize = {};",
            abbreviations.longest
        )
        .expect("a String");
        for (list, words) in [
            ("STARTERS", &starters.0),
            ("JOINING_OPENERS", &joining.0),
            ("SALUTATION_PHRASES", &salutations.phrases),
            ("SALUTATION_OPENERS", &salutations.openers),
            ("FUNCTION_WORDS", &function_words.0),
        ] {
            writeln!(
                out,
                "pub(super) static {name}_{list}: phf::Set<&str> = {};",
                set(words)
            )
            .expect("a String");
        }
    }
    let date_words = words::DateWords::parse(
        &read("data/date-phrase-words.txt"),
        &read("data/months.tsv"),
    );
    writeln!(
        out,
        "pub(super) static DATE_WORDS: phf::Set<&str> = {};",
        set(&date_words.0)
    )
    .expect("a String");
    let caption_words = words::CaptionWords::parse(&read("data/caption-words.txt"));
    writeln!(
        out,
        "pub(super) static CAPTION_WORDS: phf::Set<&str> = {};",
        set(&caption_words.0)
    )
    .expect("a String");
    let part_words = words::PartWords::parse(&read("data/part-words.txt"));
    writeln!(
        out,
        "pub(super) static PART_WORDS: phf::Set<&str> = {};",
        set(&part_words.0)
    )
    .expect("a String");
    out
}
