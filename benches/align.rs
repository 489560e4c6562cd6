//! Criterion benches for the aligner, part by part: the two halves of a
//! bead's cost (the Gale–Church length cost, computed and tabulated, and the
//! anchor overlap of two runs of sentences), the anchor linker that runs
//! once per document, and the dynamic programme over whole documents of
//! growing length, so that its growth with the number of sentences shows.
//!
//! ```sh
//! cargo bench --bench align                 # all
//! cargo bench --bench align -- dp/1600      # one size
//! ```
//!
//! The documents are synthetic (`tools/gen_pairs.rs`), split once outside
//! the timed loop: the `dp` group times `Aligner::align_sentences` only
//! (anchors, costs, the forward, backward and Viterbi passes).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sverka::align::bench::{self as lexical, Matcher};
use sverka::align::{LengthModel, TabulatedLength};
use sverka::anchor::lexicon::Lexicon;
use sverka::{AlignOptions, Aligner, Lang, split};

#[path = "../tools/gen_pairs.rs"]
#[allow(dead_code)]
mod gen_pairs;

fn length_cost(c: &mut Criterion) {
    // Lengths of one- to three-sentence beads, as the DP asks for them.
    let mut rng = gen_pairs::Rng::new(7);
    let lengths: Vec<(usize, usize)> = (0..1024)
        .map(|_| (1 + rng.below(400), 1 + rng.below(400)))
        .collect();
    let model = LengthModel::EN_RU;
    let mut group = c.benchmark_group("length_cost");
    group.throughput(Throughput::Elements(lengths.len() as u64));
    group.bench_function("computed", |b| {
        b.iter(|| {
            let mut total = 0.0;
            for &(l1, l2) in &lengths {
                total += model.cost(black_box(model.ratio), l1, l2);
            }
            total
        })
    });
    let table = TabulatedLength::new(model);
    group.bench_function("tabulated", |b| {
        b.iter(|| {
            let mut total = 0.0;
            for &(l1, l2) in &lengths {
                total += table.cost(black_box(model.ratio), l1, l2);
            }
            total
        })
    });
    group.finish();
}

fn sentences(count: usize) -> (Vec<split::Sentence>, Vec<split::Sentence>) {
    let (en, ru) = gen_pairs::document(count as u64, count);
    (split::split(&en, Lang::En), split::split(&ru, Lang::Ru))
}

fn anchors(c: &mut Criterion) {
    let (en, ru) = sentences(1600);
    let mut group = c.benchmark_group("anchors");
    group.sample_size(10);
    group.throughput(Throughput::Elements((en.len() + ru.len()) as u64));
    group.bench_function("link_1600", |b| {
        b.iter(|| lexical::link(&en, &ru, Lexicon::builtin(), None))
    });
    group.finish();
}

fn anchor_overlap(c: &mut Criterion) {
    // The shared anchor weight of every English run (one to three
    // sentences) against the Russian runs within 5 sentences of the
    // diagonal: the lexical half of the bead costs of a band.
    let (en, ru) = sentences(1600);
    let keys = lexical::link(&en, &ru, Lexicon::builtin(), None).expect("a pair within the limits");
    let (n, m) = (en.len(), ru.len());
    let (en_runs, ru_runs) = (keys.en_runs(0..=n), keys.ru_runs(0..=m));
    let mut matcher = Matcher::new(&keys);
    let beads = (n - 3) * 3 * 11 * 3;
    let mut group = c.benchmark_group("anchor_overlap");
    group.throughput(Throughput::Elements(beads as u64));
    group.bench_function("band_1600", |b| {
        b.iter(|| {
            let mut total = 0.0;
            for i in 3..n {
                let centre = (i * m / n).clamp(8, m - 5);
                for a in 1..=3 {
                    matcher.load(en_runs.get(i, a));
                    for j in centre - 5..=centre + 5 {
                        for b in 1..=3 {
                            total += matcher.common(ru_runs.get(j, b));
                        }
                    }
                }
            }
            total
        })
    });
    group.finish();
}

fn dp(c: &mut Criterion) {
    let aligner = Aligner::new(AlignOptions::default());
    let mut group = c.benchmark_group("dp");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for count in [100, 400, 1600, 6400, 25600] {
        let (en, ru) = sentences(count);
        group.throughput(Throughput::Elements(en.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(count),
            &(en, ru),
            |b, (en, ru)| {
                b.iter_batched(
                    || (en.clone(), ru.clone()),
                    |(en, ru)| aligner.align_sentences(en, ru),
                    BatchSize::LargeInput,
                )
            },
        );
    }
    group.finish();
}

criterion_group!(benches, length_cost, anchor_overlap, anchors, dp);
criterion_main!(benches);
