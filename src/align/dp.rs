//! The dynamic programme: the cheapest sequence of beads that covers both texts.
//!
//! Cell `(i, j)` holds the cost of the best alignment of the first `i` English
//! and the first `j` Russian sentences. Each bead type `a-b` reaches `(i, j)`
//! from `(i - a, j - b)`. Only a band of cells around the expected path is
//! kept, so memory grows with `n * width`, never with `n * m` for long texts.

use super::cost::CostModel;
use super::lexical::{self, Keys};
use super::{AlignOptions, Bead};
use crate::anchor::lexicon::Lexicon;
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

/// Full tables up to this many cells; beyond it, coarse-to-fine bands.
const FULL_TABLE_CELLS: usize = 250_000;
/// Sentences per block in the coarse pass.
const BLOCK: usize = 8;
/// Keys kept per block in the coarse pass: the rarest, which place a block.
const COARSE_KEYS: usize = 12;
/// Rows and columns of slack around the coarse path.
const MARGIN: usize = BLOCK;

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
/// `learned` is a lexicon consulted beside the options' one (see
/// [`super::model1`]).
pub fn align(
    en: &[Sentence],
    ru: &[Sentence],
    options: &AlignOptions,
    learned: Option<&Lexicon>,
) -> Vec<Bead> {
    let lexicon = options.lexicon.as_deref().unwrap_or(Lexicon::builtin());
    let keys = lexical::link(en, ru, lexicon, learned);
    align_with(en, ru, &keys, options)
}

/// Aligns sentences (or blocks of sentences) whose anchor keys are known.
fn align_with(en: &[Sentence], ru: &[Sentence], keys: &Keys, options: &AlignOptions) -> Vec<Bead> {
    let model = CostModel::new(en, ru, options, keys);
    let t = options.temperature;
    let (n, m) = (en.len(), ru.len());
    let bands = bands(en, ru, keys, options);
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
                let cost = model.cost(i - a, j - b, shape);
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
            for (shape, &(a, b)) in SHAPES.iter().enumerate() {
                let Some(to) = rows.get(i + a) else { continue };
                let Some(p) = to.index(j + b) else { continue };
                let after = to.backward[p];
                if after < f64::INFINITY {
                    total = soft_min(total, model.cost(i, j, shape) + after, t);
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
        let shape = row.back[k] as usize;
        let (a, b) = SHAPES[shape];
        let before = &rows[i - a];
        let start = before.forward[j - b - before.lo];
        let cost = model.cost(i - a, j - b, shape);
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
///
/// Small pairs get the full table. Larger ones are aligned coarse-to-fine,
/// as Vecalign does: consecutive sentences are grouped into blocks of
/// `BLOCK` on each side, the blocks are aligned by this same programme
/// (recursively, until the table is small), and the fine table keeps only a
/// band around the block path. The work then grows with `n * BLOCK`, and a
/// text that is cut short or has a dropped section still has its path inside
/// the band, which a fixed band around the diagonal would miss.
fn bands(
    en: &[Sentence],
    ru: &[Sentence],
    keys: &Keys,
    options: &AlignOptions,
) -> Vec<(usize, usize)> {
    let (n, m) = (en.len(), ru.len());
    if (n + 1).saturating_mul(m + 1) <= FULL_TABLE_CELLS {
        return vec![(0, m); n + 1];
    }
    let coarse_en = blocks(en);
    let coarse_ru = blocks(ru);
    let mut coarse_options = options.clone();
    // A block omission stands for BLOCK sentence omissions.
    coarse_options.omission_cost = BLOCK as f64 * options.omission_cost;
    coarse_options.paragraph_cost = 0.0;
    let coarse_keys = keys.blocks(BLOCK, COARSE_KEYS);
    let path = align_with(&coarse_en, &coarse_ru, &coarse_keys, &coarse_options);
    let mut band = vec![(usize::MAX, 0); n + 1];
    for bead in &path {
        let (e0, e1) = ((bead.en.start * BLOCK).min(n), (bead.en.end * BLOCK).min(n));
        let (r0, r1) = ((bead.ru.start * BLOCK).min(m), (bead.ru.end * BLOCK).min(m));
        for row in &mut band[e0..=e1] {
            row.0 = row.0.min(r0);
            row.1 = row.1.max(r1);
        }
    }
    widen(&band, MARGIN, m)
}

/// Widens every row's range to cover its neighbours within `margin` rows,
/// plus `margin` columns on each side.
fn widen(band: &[(usize, usize)], margin: usize, m: usize) -> Vec<(usize, usize)> {
    let n = band.len();
    (0..n)
        .map(|i| {
            let near = &band[i.saturating_sub(margin)..(i + margin + 1).min(n)];
            let lo = near.iter().map(|r| r.0).min().unwrap_or(0);
            let hi = near.iter().map(|r| r.1).max().unwrap_or(m);
            (lo.saturating_sub(margin), (hi + margin).min(m))
        })
        .collect()
}

/// Groups consecutive sentences into blocks of `BLOCK` for the coarse pass.
fn blocks(sentences: &[Sentence]) -> Vec<Sentence> {
    sentences
        .chunks(BLOCK)
        .map(|chunk| {
            let mut text = String::new();
            for s in chunk {
                text.push_str(&s.text);
                text.push(' ');
            }
            Sentence {
                text,
                start: chunk[0].start,
                end: chunk[chunk.len() - 1].end,
                paragraph: 0,
                line: chunk[0].line,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split::presplit;

    fn beads_of(en: &str, ru: &str) -> Vec<(Vec<usize>, Vec<usize>)> {
        align(&presplit(en), &presplit(ru), &AlignOptions::default(), None)
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

    fn numbered(n: usize, words: &[&str]) -> Vec<Sentence> {
        let lines: Vec<String> = (0..n)
            .map(|k| format!("{} {k} {}", words[k % words.len()], "x".repeat(k * 7 % 40)))
            .collect();
        presplit(&lines.join("\n"))
    }

    #[test]
    fn band_of_a_long_pair_covers_both_corners_and_stays_narrow() {
        let en = numbered(3_000, &["alpha", "beta"]);
        let ru = numbered(2_900, &["альфа", "бета"]);
        let keys = lexical::link(&en, &ru, Lexicon::builtin(), None);
        let b = bands(&en, &ru, &keys, &AlignOptions::default());
        assert_eq!(b[0].0, 0);
        assert_eq!(b[3_000].1, 2_900);
        assert!(b.windows(2).all(|w| w[1].0 >= w[0].0 && w[1].1 >= w[0].1));
        let cells: usize = b.iter().map(|(lo, hi)| hi - lo + 1).sum();
        assert!(cells < 3_000 * 200, "band has {cells} cells");
    }

    #[test]
    fn long_pair_with_a_missing_tail_leaves_the_tail_unaligned() {
        let en = numbered(2_000, &["alpha"]);
        let ru = numbered(1_000, &["альфа"]);
        let beads = align(&en, &ru, &AlignOptions::default(), None);
        let linked: usize = beads.iter().filter(|b| b.is_link()).count();
        assert!(linked >= 990, "only {linked} links");
        assert!(
            beads
                .iter()
                .filter(|b| b.en.start >= 1_010)
                .all(|b| b.ru.is_empty())
        );
    }
}
