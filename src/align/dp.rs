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

/// One row of the table: the cells `lo..lo + cost.len()` of English prefix `i`.
struct Row {
    lo: usize,
    cost: Vec<f64>,
    back: Vec<u8>,
}

impl Row {
    fn get(&self, j: usize) -> Option<f64> {
        j.checked_sub(self.lo)
            .and_then(|k| self.cost.get(k))
            .copied()
            .filter(|c| c.is_finite())
    }
}

/// Aligns two sentence lists and returns beads in document order.
pub fn align(en: &[Sentence], ru: &[Sentence], options: &AlignOptions) -> Vec<Bead> {
    let model = CostModel::new(en, ru, options);
    let (n, m) = (en.len(), ru.len());
    let bands = bands(n, m);
    let mut rows: Vec<Row> = Vec::with_capacity(n + 1);
    for (i, &(lo, hi)) in bands.iter().enumerate() {
        let mut row = Row {
            lo,
            cost: vec![f64::INFINITY; hi - lo + 1],
            back: vec![u8::MAX; hi - lo + 1],
        };
        for j in lo..=hi {
            if i == 0 && j == 0 {
                row.cost[0] = 0.0;
                continue;
            }
            let mut best = (f64::INFINITY, u8::MAX);
            for (k, &(a, b)) in SHAPES.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let previous = if a == 0 {
                    row.get(j - b)
                } else {
                    rows[i - a].get(j - b)
                };
                let Some(previous) = previous else { continue };
                let total = previous + model.cost(i - a, a, j - b, b);
                if total < best.0 {
                    best = (total, k as u8);
                }
            }
            row.cost[j - lo] = best.0;
            row.back[j - lo] = best.1;
        }
        rows.push(row);
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let row = &rows[i];
        let (a, b) = SHAPES[row.back[j - row.lo] as usize];
        let cost = model.cost(i - a, a, j - b, b);
        beads.push(Bead {
            en: i - a..i,
            ru: j - b..j,
            score: model.confidence(a, b, cost),
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
