//! Calibrates the pair verdict (`sverka::verdict`) on the evaluation kit's
//! dev documents: true pairs (every case, ragged ones included) against
//! mismatched pairs of the same kind (each case's English with the next
//! case's Russian in the same set: news with news, a Bible book with the next
//! book, a statement with a statement). Cases are split in two halves by their
//! position (even: tune, odd: check); prints the lowest true and highest
//! mismatched scores with the evidence they rest on, for each threshold how
//! many true and mismatched pairs each half refuses, and what the shipped
//! threshold does with each half (refused, not judged as too short or as not
//! in the languages' scripts, passed) and with each set's true pairs.
//!
//! ```sh
//! cargo run --release --example calibrate_verdict -- ../shared/eval/align/dev
//! ```

use std::path::{Path, PathBuf};

use sverka::split::{presplit, split};
use sverka::verdict::{self, PairVerdict};
use sverka::{Aligner, Lang};

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The English and Russian sentences of a case: raw text split by sverka
/// when the case has it (what users give), else the gold sentences.
fn texts(case: &Path) -> (Vec<sverka::Sentence>, Vec<sverka::Sentence>) {
    if case.join("en.raw.txt").is_file() {
        (
            split(&read(&case.join("en.raw.txt")), Lang::En),
            split(&read(&case.join("ru.raw.txt")), Lang::Ru),
        )
    } else {
        (
            presplit(&read(&case.join("en.sents"))),
            presplit(&read(&case.join("ru.sents"))),
        )
    }
}

/// The score as the verdict uses it: a pair it does not judge (too short, or
/// a side in the other language's script) passes.
fn effective(verdict: &PairVerdict) -> f64 {
    if verdict.judged { verdict.score } else { 1.0 }
}

/// How a pair's verdict is shown: the score and its evidence, or why it was
/// not judged.
fn describe(verdict: &PairVerdict) -> String {
    if verdict.judged {
        format!("{} checkable words", verdict.words)
    } else if verdict.too_short() {
        format!("not judged: {} checkable words", verdict.words)
    } else {
        "not judged: a side in the other language's script".to_string()
    }
}

/// One judged pair: (half, is a true pair, score as the verdict uses it,
/// label, the verdict, the set it comes from).
type Row = (usize, bool, f64, String, PairVerdict, String);

/// "k/n (p%)".
fn share(k: usize, n: usize) -> String {
    format!("{k}/{n} ({:.1}%)", 100.0 * k as f64 / n.max(1) as f64)
}

/// What the shipped verdict does with each half's true and mismatched pairs:
/// refused, let through as too short to judge, let through as not in the
/// languages' scripts, taken for a pair; and the sets whose true pairs it
/// refuses.
fn summary(rows: &[Row]) {
    println!(
        "\nat the shipped threshold {:.2} (refused / not judged: too short / not judged: script / passed):",
        verdict::THRESHOLD
    );
    for (half, name) in ["tune", "check"].iter().enumerate() {
        for truth in [true, false] {
            let all: Vec<_> = rows
                .iter()
                .filter(|r| r.0 == half && r.1 == truth)
                .collect();
            let refused = all.iter().filter(|r| !r.4.is_pair()).count();
            let short = all.iter().filter(|r| r.4.too_short()).count();
            let script = all
                .iter()
                .filter(|r| !r.4.judged && !r.4.too_short())
                .count();
            println!(
                "  {name:5} {:10}: refused {}, not judged {short} + {script}, passed {}",
                if truth { "true" } else { "mismatched" },
                share(refused, all.len()),
                all.len() - refused - short - script
            );
        }
    }
    let mut sets: Vec<&String> = rows.iter().map(|r| &r.5).collect();
    sets.dedup();
    println!("true pairs refused, by set:");
    for set in sets {
        let all: Vec<_> = rows.iter().filter(|r| r.1 && &r.5 == set).collect();
        let refused = all.iter().filter(|r| !r.4.is_pair()).count();
        println!("  {set:24} {}", share(refused, all.len()));
    }
}

fn main() {
    let root = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: calibrate_verdict DEV_DIR"),
    );
    let aligner = Aligner::default();
    // (half, is true pair, score, label, verdict, set)
    let mut rows: Vec<Row> = Vec::new();
    let mut sets: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    sets.sort();
    for set in sets.into_iter().filter(|p| p.is_dir()) {
        let mut cases: Vec<_> = std::fs::read_dir(&set)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        cases.sort();
        cases.retain(|c| c.join("en.sents").is_file() || c.join("en.raw.txt").is_file());
        let loaded: Vec<_> = cases.iter().map(|c| texts(c)).collect();
        let n = loaded.len();
        let set_name = set.file_name().unwrap().to_string_lossy().into_owned();
        for i in 0..n {
            let label = format!("{}", cases[i].strip_prefix(&root).unwrap().display());
            let (en, ru) = loaded[i].clone();
            let verdict = verdict::judge(&aligner.align_sentences(en, ru));
            rows.push((
                i % 2,
                true,
                effective(&verdict),
                format!("{label} ({})", describe(&verdict)),
                verdict,
                set_name.clone(),
            ));
            if n > 1 {
                let j = (i + 1) % n;
                let (en, _) = loaded[i].clone();
                let (_, ru) = loaded[j].clone();
                let verdict = verdict::judge(&aligner.align_sentences(en, ru));
                let other = cases[j].file_name().unwrap().to_string_lossy().into_owned();
                rows.push((
                    i % 2,
                    false,
                    effective(&verdict),
                    format!("{label} x {other} ({})", describe(&verdict)),
                    verdict,
                    set_name.clone(),
                ));
            }
        }
    }
    let mut worst_true: Vec<_> = rows.iter().filter(|r| r.1).collect();
    worst_true.sort_by(|a, b| a.2.total_cmp(&b.2));
    println!("lowest true pairs:");
    for r in worst_true.iter().take(8) {
        println!("  {:.3}  {} [{}]", r.2, r.3, ["tune", "check"][r.0]);
    }
    let mut worst_false: Vec<_> = rows.iter().filter(|r| !r.1).collect();
    worst_false.sort_by(|a, b| b.2.total_cmp(&a.2));
    println!("highest mismatched pairs:");
    for r in worst_false.iter().take(12) {
        println!("  {:.3}  {} [{}]", r.2, r.3, ["tune", "check"][r.0]);
    }
    println!(
        "\nthreshold | tune: true refused, mismatched refused | check: true refused, mismatched refused"
    );
    for t in [0.2, 0.25, 0.28, 0.3, 0.32, 0.34, 0.36, 0.4, 0.45, 0.5] {
        let mut cells = Vec::new();
        for half in 0..2 {
            let count = |truth: bool| {
                let all: Vec<_> = rows
                    .iter()
                    .filter(|r| r.0 == half && r.1 == truth)
                    .collect();
                let refused = all.iter().filter(|r| r.2 < t).count();
                format!(
                    "{refused}/{} ({:.1}%)",
                    all.len(),
                    100.0 * refused as f64 / all.len().max(1) as f64
                )
            };
            cells.push(format!("{}, {}", count(true), count(false)));
        }
        println!("{t:9.2} | {} | {}", cells[0], cells[1]);
    }
    summary(&rows);
}
