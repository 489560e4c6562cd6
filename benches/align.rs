//! Criterion benches for the aligner: the Gale–Church length cost (the part
//! of every bead's cost that is computed for every cell and shape) and the
//! dynamic programme over whole documents of growing length, so that its
//! growth with the number of sentences shows.
//!
//! ```sh
//! cargo bench --bench align                 # all
//! cargo bench --bench align -- dp/1600      # one size
//! ```
//!
//! The documents are synthetic (`examples/gen_pairs.rs`), split once outside
//! the timed loop: the `dp` group times `Aligner::align_sentences` only
//! (anchors, costs, the forward, backward and Viterbi passes).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sverka::align::LengthModel;
use sverka::{AlignOptions, Aligner, Lang, split};

#[path = "../examples/gen_pairs.rs"]
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
    group.bench_function("1024_beads", |b| {
        b.iter(|| {
            let mut total = 0.0;
            for &(l1, l2) in &lengths {
                total += model.cost(black_box(model.ratio), l1, l2);
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
    for sentences in [100, 400, 1600, 6400] {
        let (en, ru) = gen_pairs::document(sentences as u64, sentences);
        let en = split::split(&en, Lang::En);
        let ru = split::split(&ru, Lang::Ru);
        group.throughput(Throughput::Elements(en.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(sentences),
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

criterion_group!(benches, length_cost, dp);
criterion_main!(benches);
