//! Precision and recall of `translit::name_similarity` and `translit::match_keys`
//! on the hand-written word pairs of `data/translit-pairs.tsv`.
//!
//! Run: `cargo run --example translit_pairs`

use sverka::Lang;
use sverka::anchor::translit::{match_keys, name_similarity};

fn main() {
    let pairs = sverka::anchor::translit::labelled_pairs();
    println!(
        "{} labelled pairs ({} positive), plus cross pairs of positives as negatives",
        pairs.len(),
        pairs.iter().filter(|p| p.2).count()
    );
    let mut all: Vec<(String, String, bool)> = pairs.clone();
    let positives: Vec<_> = pairs.iter().filter(|p| p.2).collect();
    for (i, a) in positives.iter().enumerate() {
        for (j, b) in positives.iter().enumerate() {
            // Pairs within one word family (Europe / европейской) are not negatives.
            let family = |x: &str, y: &str| {
                x.to_lowercase()
                    .chars()
                    .take(4)
                    .eq(y.to_lowercase().chars().take(4))
            };
            if i != j && !family(&a.0, &b.0) && !family(&a.1, &b.1) {
                all.push((a.0.clone(), b.1.clone(), false));
            }
        }
    }
    let scored: Vec<(f64, bool)> = all
        .iter()
        .map(|(e, r, y)| (name_similarity(e, r), *y))
        .collect();
    println!("name_similarity on {} pairs:", scored.len());
    println!("threshold  precision  recall   false-pos  false-neg");
    for t in [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let tp = scored.iter().filter(|(s, y)| *s >= t && *y).count();
        let fp = scored.iter().filter(|(s, y)| *s >= t && !*y).count();
        let fnn = scored.iter().filter(|(s, y)| *s < t && *y).count();
        println!(
            "{t:>9.2}  {:>9.4}  {:>6.4}   {fp:>9}  {fnn:>9}",
            tp as f64 / (tp + fp).max(1) as f64,
            tp as f64 / (tp + fnn).max(1) as f64
        );
    }
    let t = sverka::anchor::translit::NAME_THRESHOLD;
    for (e, r, y) in &all {
        let s = name_similarity(e, r);
        if (s >= t) != *y && (*y || pairs.iter().any(|p| &p.0 == e && &p.1 == r)) {
            println!("  miss at {t}: {e} ~ {r} = {s:.3} (gold {y})");
        }
    }
    let mut cross: Vec<_> = all
        .iter()
        .filter(|(e, r, y)| {
            !*y && name_similarity(e, r) >= t && !pairs.iter().any(|p| &p.0 == e && &p.1 == r)
        })
        .collect();
    cross.truncate(40);
    println!("  cross-pair false positives at {t}: {cross:?}");
    let (mut tp, mut fp, mut fnn) = (0, 0, 0);
    for (e, r, y) in &all {
        let k = match_keys(e, Lang::En);
        let hit = match_keys(r, Lang::Ru).iter().any(|x| k.contains(x));
        match (hit, y) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fnn += 1,
            _ => {}
        }
    }
    println!(
        "match_keys: precision {:.4} recall {:.4} (fp {fp}, fn {fnn})",
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / (tp + fnn).max(1) as f64
    );
}
