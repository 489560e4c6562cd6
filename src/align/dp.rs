//! The dynamic programme: the cheapest sequence of beads that covers both texts.
//!
//! Cell `(i, j)` holds the cost of the best alignment of the first `i` English
//! and the first `j` Russian sentences. Each bead type `a-b` reaches `(i, j)`
//! from `(i - a, j - b)`. Only a band of cells around the expected path is
//! kept, so memory grows with `n * width`, never with `n * m` for long texts.

use super::cost::CostModel;
use super::{AlignOptions, Bead};
use crate::split::Sentence;

/// Bead shapes the aligner considers: (English sentences, Russian sentences).
pub const SHAPES: [(usize, usize); 8] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
];

/// Full tables up to this many cells; beyond it, a band around the diagonal.
const FULL_TABLE_CELLS: usize = 4_000_000;
/// Half-width of the band (in Russian sentences) for long texts.
const BAND_HALF_WIDTH: usize = 250;

/// One row of the tables: the cells `lo..lo + len` of English prefix `i`.
struct Row {
    lo: usize,
    /// Cost of the best path from the origin to the cell (Viterbi).
    best: Vec<f64>,
    /// Back-pointer: index into `SHAPES` of the last bead of that path.
    back: Vec<u8>,
    /// Soft minimum over all paths from the origin (forward, `-T ln sum`).
    forward: Vec<f64>,
    /// Soft minimum over all paths from the cell to the end (backward).
    backward: Vec<f64>,
}

impl Row {
    fn new(lo: usize, hi: usize) -> Row {
        let len = hi - lo + 1;
        Row {
            lo,
            best: vec![f64::INFINITY; len],
            back: vec![u8::MAX; len],
            forward: vec![f64::INFINITY; len],
            backward: vec![f64::INFINITY; len],
        }
    }

    fn index(&self, j: usize) -> Option<usize> {
        j.checked_sub(self.lo).filter(|&k| k < self.best.len())
    }
}

/// `-t ln(exp(-x / t) + exp(-y / t))`, the soft minimum of two costs.
fn soft_min(x: f64, y: f64, t: f64) -> f64 {
    let (lo, hi) = if x < y { (x, y) } else { (y, x) };
    if hi == f64::INFINITY {
        return lo;
    }
    lo - t * (-(hi - lo) / t).exp().ln_1p()
}

/// Aligns two sentence lists and returns beads in document order, each with
/// its posterior probability under the cost model as confidence.
pub fn align(en: &[Sentence], ru: &[Sentence], options: &AlignOptions) -> Vec<Bead> {
    let model = CostModel::new(en, ru, options);
    let t = options.temperature;
    let (n, m) = (en.len(), ru.len());
    let bands = bands(n, m);
    let mut rows: Vec<Row> = Vec::with_capacity(n + 1);
    for (i, &(lo, hi)) in bands.iter().enumerate() {
        let mut row = Row::new(lo, hi);
        for j in lo..=hi {
            let k = j - lo;
            if i == 0 && j == 0 {
                row.best[0] = 0.0;
                row.forward[0] = 0.0;
                continue;
            }
            for (shape, &(a, b)) in SHAPES.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let from = if a == 0 { &row } else { &rows[i - a] };
                let Some(p) = from.index(j - b) else { continue };
                let (best, forward) = (from.best[p], from.forward[p]);
                if best == f64::INFINITY {
                    continue;
                }
                let cost = model.cost(i - a, a, j - b, b);
                if best + cost < row.best[k] {
                    row.best[k] = best + cost;
                    row.back[k] = shape as u8;
                }
                row.forward[k] = soft_min(row.forward[k], forward + cost, t);
            }
        }
        rows.push(row);
    }
    // Backward pass, needed only for the posteriors of the beads we keep.
    for i in (0..=n).rev() {
        let (lo, hi) = bands[i];
        for j in (lo..=hi).rev() {
            let mut total = if i == n && j == m { 0.0 } else { f64::INFINITY };
            for &(a, b) in &SHAPES {
                let Some(to) = rows.get(i + a) else { continue };
                let Some(p) = to.index(j + b) else { continue };
                let after = to.backward[p];
                if after < f64::INFINITY {
                    total = soft_min(total, model.cost(i, a, j, b) + after, t);
                }
            }
            rows[i].backward[j - lo] = total;
        }
    }
    let everything = rows[n].forward[m - rows[n].lo];
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let row = &rows[i];
        let k = j - row.lo;
        let (a, b) = SHAPES[row.back[k] as usize];
        let before = &rows[i - a];
        let start = before.forward[j - b - before.lo];
        let cost = model.cost(i - a, a, j - b, b);
        let posterior = (-(start + cost + row.backward[k] - everything) / t).exp();
        beads.push(Bead {
            en: i - a..i,
            ru: j - b..j,
            score: posterior.clamp(0.0, 1.0),
        });
        i -= a;
        j -= b;
    }
    beads.reverse();
    beads
}

/// The range of Russian prefixes `lo..=hi` kept for each English prefix.
fn bands(n: usize, m: usize) -> Vec<(usize, usize)> {
    if (n + 1).saturating_mul(m + 1) <= FULL_TABLE_CELLS {
        return vec![(0, m); n + 1];
    }
    // Around the diagonal, wide enough that consecutive rows overlap by more
    // than the widest bead, so every kept cell stays reachable.
    (0..=n)
        .map(|i| {
            let centre = (i as f64 * m as f64 / n.max(1) as f64).round() as usize;
            let lo = centre.saturating_sub(BAND_HALF_WIDTH);
            let hi = (centre + BAND_HALF_WIDTH).min(m);
            (lo, hi)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split::presplit;

    fn beads_of(en: &str, ru: &str) -> Vec<(Vec<usize>, Vec<usize>)> {
        align(&presplit(en), &presplit(ru), &AlignOptions::default())
            .into_iter()
            .map(|b| (b.en.collect(), b.ru.collect()))
            .collect()
    }

    #[test]
    fn pairs_equal_length_sentences_one_to_one() {
        let en =
            "A short one.\nThen a much longer sentence that goes on and on for a while.\nEnd.\n";
        let ru = "Короткое.\nЗатем гораздо более длинное предложение, которое тянется и тянется.\nКонец.\n";
        assert_eq!(
            beads_of(en, ru),
            [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
    }

    #[test]
    fn merges_two_short_sentences_against_one_long() {
        let en = "The talks lasted three hours in total.\nThey covered trade.\nThe ministers then signed a long declaration on cooperation in science and education.\n";
        let ru = "Переговоры длились в общей сложности три часа и касались торговли.\nЗатем министры подписали длинную декларацию о сотрудничестве в науке и образовании.\n";
        assert_eq!(
            beads_of(en, ru),
            [(vec![0, 1], vec![0]), (vec![2], vec![1])]
        );
    }

    #[test]
    fn empty_side_gives_one_sided_beads() {
        assert_eq!(
            beads_of("One.\nTwo.\n", ""),
            [(vec![0], vec![]), (vec![1], vec![])]
        );
        assert_eq!(beads_of("", ""), Vec::<(Vec<usize>, Vec<usize>)>::new());
    }

    #[test]
    fn band_rows_cover_both_corners() {
        let b = bands(10_000, 9_000);
        assert_eq!(b[0].0, 0);
        assert_eq!(b[10_000].1, 9_000);
        assert!(b.windows(2).all(|w| w[1].0 >= w[0].0 && w[1].0 <= w[0].1));
    }
}
