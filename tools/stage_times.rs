//! Where the time of one `sverka align` goes: runs the pipeline's stages on
//! one pair one after another and prints each stage's wall time and the
//! CPU time of the whole process (all threads) during it, so that a stage
//! that leaves a core idle shows as CPU below twice the wall time on two
//! cores. The anchors are linked once on their own to tell them apart from
//! the dynamic programme (the aligner links them again).
//!
//! `cargo run --release --example stage_times -- [--presplit] [--repeat N] EN RU`
//!
//! CPU time is read from `/proc/self/stat` (Linux only; 10 ms ticks), so
//! stages shorter than a few ticks are better timed with `--repeat`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use sverka::anchor::lexicon::Lexicon;
use sverka::pipeline::{Aligned, PairOptions, Pipeline};
use sverka::write::{self, Format, WriteOptions};
use sverka::{Aligner, Sides};

/// The system allocator, counting the bytes in use and their peak, so that
/// each stage's heap can be printed beside its time.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let live = if new_size > layout.size() {
            LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size()
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed) - (layout.size() - new_size)
        };
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Megabytes of heap in use now and at most since the last call.
fn heap_mb() -> (f64, f64) {
    let live = LIVE.load(Ordering::Relaxed);
    let peak = PEAK.swap(live, Ordering::Relaxed);
    (live as f64 / 1e6, peak as f64 / 1e6)
}

/// User plus system time of the process so far, in seconds (`None` where
/// `/proc` is missing).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |k: usize| fields.get(k)?.parse::<f64>().ok();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// Wall and CPU seconds of a stage, summed over repeats.
#[derive(Default)]
struct Stage {
    wall: f64,
    cpu: f64,
    /// Heap in use at the end of the stage and at most during it, in MB
    /// (of the last repeat).
    heap: (f64, f64),
}

fn timed<T>(stage: &mut Stage, work: impl FnOnce() -> T) -> T {
    let (start, cpu) = (Instant::now(), cpu_seconds());
    heap_mb();
    let out = work();
    stage.heap = heap_mb();
    stage.wall += start.elapsed().as_secs_f64();
    if let (Some(before), Some(after)) = (cpu, cpu_seconds()) {
        stage.cpu += after - before;
    }
    out
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let presplit = take_flag(&mut args, "--presplit");
    let repeat: usize = take_value(&mut args, "--repeat").map_or(1, |v| {
        v.parse()
            .unwrap_or_else(|_| fail(&format!("--repeat {v}: not a number")))
    });
    let [en, ru] = args.as_slice() else {
        fail("usage: stage_times [--presplit] [--repeat N] EN RU");
    };
    let options = PairOptions {
        presplit,
        ..PairOptions::default()
    };
    let pipeline = Pipeline::new(Aligner::default(), options);
    let lexicon = Lexicon::builtin();
    let names = ["read", "split", "link", "dp", "verdict", "write"];
    let mut stages: Vec<Stage> = names.iter().map(|_| Stage::default()).collect();
    let total = Instant::now();
    let mut sentences = (0, 0);
    for _ in 0..repeat {
        let pair = timed(&mut stages[0], || {
            pipeline.read(Path::new(en), Path::new(ru))
        })
        .unwrap_or_else(|e| fail(&e.to_string()));
        let (en, ru) = timed(&mut stages[1], || pipeline.split(&pair));
        sentences = (en.len(), ru.len());
        let keys = timed(&mut stages[2], || {
            sverka::align::bench::link(&en, &ru, lexicon, None)
        });
        drop(keys);
        let (alignment, evidence) = timed(&mut stages[3], || {
            pipeline.aligner().align_with_evidence(en, ru)
        })
        .unwrap_or_else(|e| fail(&format!("too large to align in one pass: {e}")));
        // As `align` does: the verdict reads the anchors the aligner found.
        let aligned = Aligned {
            alignment,
            file_spans: Sides::default(),
            evidence: Some(evidence),
        };
        timed(&mut stages[4], || {
            sverka::verdict::judge_aligned(&aligned, lexicon)
        });
        let alignment = aligned.alignment;
        timed(&mut stages[5], || {
            let mut out = std::io::sink();
            write::write(
                &alignment,
                Format::Jsonl,
                &WriteOptions::default(),
                &mut out,
            )
        })
        .unwrap_or_else(|e| fail(&e.to_string()));
    }
    // The aligner linked the anchors again: the DP is what it took beyond that.
    stages[3].wall -= stages[2].wall;
    stages[3].cpu -= stages[2].cpu;
    println!(
        "{} x {} sentences, {repeat} run(s); seconds per run",
        sentences.0, sentences.1
    );
    println!(
        "{:<8} {:>8} {:>8} {:>6} {:>9} {:>9}",
        "stage", "wall", "cpu", "cpu/w", "heap MB", "peak MB"
    );
    let per_run = |s: f64| s / repeat as f64;
    for (name, stage) in names.iter().zip(&stages) {
        println!(
            "{name:<8} {:>8.3} {:>8.3} {:>6.2} {:>9.1} {:>9.1}",
            per_run(stage.wall),
            per_run(stage.cpu),
            stage.cpu / stage.wall.max(1e-9),
            stage.heap.0,
            stage.heap.1
        );
    }
    let wall: f64 = stages.iter().map(|s| s.wall).sum();
    let cpu: f64 = stages.iter().map(|s| s.cpu).sum();
    println!(
        "{:<8} {:>8.3} {:>8.3} {:>6.2}   (process: {:.3} s wall)",
        "total",
        per_run(wall),
        per_run(cpu),
        cpu / wall.max(1e-9),
        per_run(total.elapsed().as_secs_f64())
    );
}

fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

fn take_value(args: &mut Vec<String>, flag: &str) -> Option<String> {
    let at = args.iter().position(|a| a == flag)?;
    if at + 1 >= args.len() {
        fail(&format!("{flag} needs a value"));
    }
    let value = args.remove(at + 1);
    args.remove(at);
    Some(value)
}

fn fail(message: &str) -> ! {
    eprintln!("stage_times: error: {message}");
    std::process::exit(2);
}
