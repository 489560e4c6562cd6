//! Splitting throughput in characters per second, one thread.
//!
//! By default the input is the sample corpus shipped in `corpora/` (an English
//! and a Russian statement), repeated to about 2 MB per language. Point
//! `SVERKA_BENCH_EN` / `SVERKA_BENCH_RU` at other UTF-8 files to time those
//! instead (for example the raw texts of the evaluation kit, which must not be
//! copied into the repository).
//!
//!     cargo bench --bench split
//!     SVERKA_BENCH_EN=/path/en.txt cargo bench --bench split

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sverka::{Lang, split};

/// Repeats `text` until it holds at least `bytes` bytes.
fn repeated(text: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + text.len());
    while out.len() < bytes {
        out.push_str(text);
        out.push_str("\n\n");
    }
    out
}

fn input(variable: &str, sample: &str) -> String {
    match std::env::var_os(variable) {
        Some(path) => std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.to_string_lossy())),
        None => repeated(sample, 2_000_000),
    }
}

fn bench(c: &mut Criterion) {
    let en = input(
        "SVERKA_BENCH_EN",
        include_str!("../corpora/lavrov-2021-03-23/en.txt"),
    );
    let ru = input(
        "SVERKA_BENCH_RU",
        include_str!("../corpora/lavrov-2021-03-23/ru.txt"),
    );
    let mut group = c.benchmark_group("split");
    group.sample_size(20);
    for (name, text, lang) in [("en", &en, Lang::En), ("ru", &ru, Lang::Ru)] {
        group.throughput(Throughput::Elements(text.chars().count() as u64));
        group.bench_function(name, |b| b.iter(|| split::split(black_box(text), lang)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
