//! Fits the Gale–Church length model for English → Russian on gold alignments.
//!
//! ```sh
//! cargo run --release --example calibrate -- ../shared/eval/align/dev
//! ```
//!
//! Reads every case below the folder (`en.sents`, `ru.sents`, `gold.beads`),
//! takes the 1-1 gold beads, counts non-whitespace characters, and prints:
//! * the pooled ratio `c = sum(l2) / sum(l1)` per set and overall;
//! * the variance `s2 = mean((l2 - c_doc * l1)^2 / l1)`, with `c_doc` the
//!   document's own ratio, as the aligner uses it.
//!
//! The values in `LengthModel::EN_RU` come from this program's ALL row.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn length(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn one_to_one(gold: &str) -> Vec<(usize, usize)> {
    gold.lines()
        .filter_map(|l| {
            let (e, r) = l.split_once(':')?;
            let e = e.trim().trim_matches(|c| c == '[' || c == ']');
            let r = r.trim().trim_matches(|c| c == '[' || c == ']');
            if e.contains(',') || r.contains(',') || e.is_empty() || r.is_empty() {
                return None;
            }
            Some((e.trim().parse().ok()?, r.trim().parse().ok()?))
        })
        .collect()
}

fn cases(root: &Path, out: &mut Vec<PathBuf>) {
    if root.join("gold.beads").is_file() {
        out.push(root.to_path_buf());
        return;
    }
    if let Ok(entries) = std::fs::read_dir(root) {
        for e in entries.flatten() {
            if e.path().is_dir() {
                cases(&e.path(), out);
            }
        }
    }
}

#[derive(Default)]
struct Sums {
    beads: usize,
    en: f64,
    ru: f64,
    squares: f64,
}

fn main() {
    let root = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/eval/align/dev".into()),
    );
    let mut dirs = Vec::new();
    cases(&root, &mut dirs);
    dirs.sort();
    let mut sets: BTreeMap<String, Sums> = BTreeMap::new();
    let mut all = Sums::default();
    for dir in dirs {
        let read = |n: &str| std::fs::read_to_string(dir.join(n)).expect("case file");
        let (en, ru, gold) = (read("en.sents"), read("ru.sents"), read("gold.beads"));
        let en: Vec<usize> = en.lines().map(length).collect();
        let ru: Vec<usize> = ru.lines().map(length).collect();
        let doc_ratio = ru.iter().sum::<usize>() as f64 / en.iter().sum::<usize>().max(1) as f64;
        let set = dir
            .strip_prefix(&root)
            .ok()
            .and_then(|p| p.components().next())
            .map_or(".".into(), |c| c.as_os_str().to_string_lossy().into_owned());
        let sums = sets.entry(set).or_default();
        for (i, j) in one_to_one(&gold) {
            let (l1, l2) = (en[i] as f64, ru[j] as f64);
            if l1 == 0.0 {
                continue;
            }
            let square = (l2 - doc_ratio * l1).powi(2) / l1;
            for s in [&mut *sums, &mut all] {
                s.beads += 1;
                s.en += l1;
                s.ru += l2;
                s.squares += square;
            }
        }
    }
    println!(
        "{:<24} {:>7} {:>7} {:>9}",
        "set", "beads", "ratio", "variance"
    );
    for (name, s) in sets.iter().chain([(&"ALL".to_string(), &all)]) {
        println!(
            "{name:<24} {:>7} {:>7.3} {:>9.2}",
            s.beads,
            s.ru / s.en,
            s.squares / s.beads.max(1) as f64
        );
    }
}
