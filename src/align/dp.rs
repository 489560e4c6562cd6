//! The dynamic programme: the cheapest sequence of beads that covers both texts.
//!
//! Cell `(i, j)` holds the cost of the best alignment of the first `i` English
//! and the first `j` Russian sentences. Each bead type `a-b` reaches `(i, j)`
//! from `(i - a, j - b)`. Only a band of cells around the expected path is
//! kept, so memory grows with `n * width`, never with `n * m` for long texts.
//!
//! The work is done in three steps. The cost of every bead that ends in a
//! cell of the band is computed first, rows in parallel (the costs depend
//! on the texts only). The forward pass (Viterbi and the soft minimum over
//! all paths) and the backward pass then run side by side on the stored
//! costs, and the best path is traced back with each bead's posterior.

use half::f16;
use half::slice::HalfFloatSliceExt;
use rayon::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};

use std::ops::Range;

use super::cost::{self, CostModel, Run, Unit};
use super::lexical::{self, Keys, Matcher};
use super::shape::{MAX_RUN, SHAPES};
use super::{AlignOptions, Bead, TooLarge, omission, priors};
use crate::Lang;
use crate::anchor::dialogue::{self, Turn};
use crate::anchor::lexicon::Lexicon;
use crate::lang::Sides;
use crate::split::Sentence;

/// Full tables up to this many cells; beyond it, coarse-to-fine bands.
const FULL_TABLE_CELLS: usize = 250_000;
/// The same for the block tables of the coarse pass, which only place the
/// band: a smaller limit sends long texts one level coarser, where a table
/// costs a sixty-fourth as much.
const COARSE_FULL_TABLE_CELLS: usize = 32_000;
/// Mean keys per sentence up to which a table of the full size is filled
/// (news sentences have a few dozen; a 10,000-byte piece of a text with no
/// sentence marks, thousands).
const FULL_TABLE_KEYS: usize = 64;
/// Sentences per block in the coarse pass.
const BLOCK: usize = 8;
/// Keys kept per block in the coarse pass: the rarest, which place a block.
const COARSE_KEYS: usize = 12;
/// How many times longer (in sentences) a block of the longer side may be
/// than a block of the shorter side (see [`block_edges`]).
const MAX_SKEW: f64 = 1.5;
/// Columns of slack on each side of the path projected from the coarse pass.
const SLACK: usize = 5;
/// Times the band may be widened where the path runs along its edge.
const MAX_WIDENINGS: usize = 2;
/// Rows either side of such a stretch that are widened, and by how many
/// columns on each side.
const WIDEN_ROWS: usize = 2 * BLOCK;
const WIDEN_COLUMNS: usize = BLOCK + SLACK;
/// Rows per parallel task when the bead costs are computed.
const ROWS_PER_TASK: usize = 256;

/// The cells kept: for English prefix `i`, the Russian prefixes
/// `lo(i)..=hi(i)`, stored row after row in flat tables. Both bounds never
/// decrease from one row to the next.
///
/// In `u32`, half the room of `usize`: a 200,000-sentence pair has as many
/// rows. A column is a sentence number, and the cost table holds 12 bytes
/// a cell, so neither a column nor a cell number beyond `u32` could be held
/// on most machines. A band that needs more all the same (256 MB of
/// "a. a. a." a side has tens of millions of rows) is refused (see
/// [`Band::new`]).
struct Band {
    lows: Vec<u32>,
    highs: Vec<u32>,
    /// `starts[i]` is the flat index of cell `(i, lo(i))`; one more entry
    /// holds the number of cells.
    starts: Vec<u32>,
}

impl Band {
    /// The band of rows `ranges` (`(lo, hi)` each), or [`TooLarge`] if it
    /// would hold more than `limit` cells (or `u32::MAX`, whichever is
    /// less). Counted before anything is allocated: the cost table that
    /// follows a band takes 12 bytes a cell.
    fn new(ranges: &[(usize, usize)], limit: usize) -> Result<Band, TooLarge> {
        let limit = limit.min(u32::MAX as usize);
        let cells = ranges
            .iter()
            .fold(0usize, |cells, &(lo, hi)| cells.saturating_add(hi - lo + 1));
        let too_large = TooLarge::Band { cells, limit };
        if cells > limit {
            return Err(too_large);
        }
        // The band is one connected strip from (0, 0), so its last row and
        // column are below its number of cells and fit in `u32` as well
        // (checked all the same, as a bound that did not would be cut).
        let narrow = |n: usize| u32::try_from(n).map_err(|_| too_large);
        let mut starts = Vec::with_capacity(ranges.len() + 1);
        let mut at = 0;
        for &(lo, hi) in ranges {
            starts.push(narrow(at)?);
            at += hi - lo + 1;
        }
        starts.push(narrow(at)?);
        let bounds = |bound: fn(&(usize, usize)) -> usize| -> Result<Vec<u32>, TooLarge> {
            ranges.iter().map(|r| narrow(bound(r))).collect()
        };
        Ok(Band {
            lows: bounds(|r| r.0)?,
            highs: bounds(|r| r.1)?,
            starts,
        })
    }

    /// Row `i`'s values, all infinite, in the vector that held row
    /// `i - MAX_RUN - 1` (or `i + MAX_RUN + 1` going backwards): the passes
    /// keep the last `MAX_RUN + 1` rows only, by row % (MAX_RUN + 1).
    fn fresh_row(&self, rows: &mut [Vec<f64>], i: usize) -> Vec<f64> {
        let mut row = std::mem::take(&mut rows[i % (MAX_RUN + 1)]);
        row.clear();
        row.resize(self.hi(i) - self.lo(i) + 1, f64::INFINITY);
        row
    }

    /// Row `i`'s first column.
    #[inline(always)]
    fn lo(&self, i: usize) -> usize {
        self.lows[i] as usize
    }

    /// Row `i`'s last column.
    #[inline(always)]
    fn hi(&self, i: usize) -> usize {
        self.highs[i] as usize
    }

    /// The flat index of cell `(i, lo(i))` (for `i` one past the last
    /// row, the number of cells).
    #[inline(always)]
    fn start(&self, i: usize) -> usize {
        self.starts[i] as usize
    }

    /// The last row, `n`.
    fn n(&self) -> usize {
        self.lows.len() - 1
    }

    fn cells(&self) -> usize {
        self.start(self.lows.len())
    }

    /// The flat index of cell `(i, j)`, which the band must hold.
    fn cell(&self, i: usize, j: usize) -> usize {
        self.start(i) + j - self.lo(i)
    }

    /// The rows that hold column `j`: one run, as both bounds never
    /// decrease (from the first row whose upper bound reaches `j` to the
    /// last whose lower bound does not pass it).
    fn rows_holding(&self, j: usize) -> Range<usize> {
        let from = self.highs.partition_point(|&hi| (hi as usize) < j);
        let to = self.lows.partition_point(|&lo| lo as usize <= j);
        from..to.max(from)
    }

    /// The flat index of cell `(i, j)`, if the band holds it.
    fn index(&self, i: usize, j: usize) -> Option<usize> {
        (j >= self.lo(i) && j <= self.hi(i)).then(|| self.cell(i, j))
    }
}

/// The costs of the beads that end in one cell, per shape (infinite where
/// the bead would start outside the band).
type CellCosts = [f32; SHAPES.len()];

/// How many shapes have sentences on both sides.
const TWO_SIDED: usize = SHAPES.len() - 2;

/// The costs a cell stores: its two-sided beads', in the order of `SHAPES`.
/// A one-sided bead costs the same wherever it ends (its prior and the
/// omission cost, see `cost.rs`), so [`Costs`] keeps that once per shape
/// instead of in every cell: a quarter of the table of a long text.
///
/// In half precision: the table is the largest thing a book's alignment
/// holds (4.4 million cells on a 200,000-sentence pair), and 11 bits of
/// mantissa keep a cost to within 0.05% (0.005 of a typical cost of 10,
/// 8 of the 10,000 of page chrome beside text). Stored this way, the
/// beads of the 18,169-verse Bible pair and of the kit's dev pairs are the
/// same as with `f32`; only a few scores move, by at most 0.001.
type StoredCosts = [f16; TWO_SIDED];

/// For each shape, its place in [`StoredCosts`] (`usize::MAX` for the
/// one-sided shapes, which are not stored).
const STORED: [usize; SHAPES.len()] = {
    let mut places = [usize::MAX; SHAPES.len()];
    let (mut shape, mut next) = (0, 0);
    while shape < SHAPES.len() {
        if SHAPES[shape].0 > 0 && SHAPES[shape].1 > 0 {
            places[shape] = next;
            next += 1;
        }
        shape += 1;
    }
    assert!(next == TWO_SIDED);
    places
};

/// `-t ln sum exp(-x / t)` over `xs`: the soft minimum of several costs,
/// with one logarithm. Terms more than `CUTOFF * t` above the minimum add
/// less than `f64` can hold to the sum and are skipped, with their `exp`.
fn soft_min(xs: &[f64], t: f64) -> f64 {
    const CUTOFF: f64 = 40.0;
    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
    if lo == f64::INFINITY {
        return lo;
    }
    let sum: f64 = xs
        .iter()
        .map(|&x| x - lo)
        .filter(|&d| d < CUTOFF * t)
        .map(|d| (-d / t).exp())
        .sum();
    lo - t * sum.ln()
}

/// Aligns two sentence lists and returns beads in document order, each with
/// its posterior probability under the cost model as confidence, or
/// [`TooLarge`] for a pair too large to align in one pass.
/// `learned` is a lexicon consulted beside the options' one (see
/// [`super::model1`]).
pub fn align(
    en: &[Sentence],
    ru: &[Sentence],
    options: &AlignOptions,
    learned: Option<&Lexicon>,
) -> Result<Vec<Bead>, TooLarge> {
    let lexicon = options.lexicon();
    let keys = lexical::link(en, ru, lexicon, learned)?;
    align_linked(en, ru, &keys, options)
}

/// [`align`] with the anchor keys linked already (see [`lexical::link`]).
pub fn align_linked(
    en: &[Sentence],
    ru: &[Sentence],
    keys: &Keys,
    options: &AlignOptions,
) -> Result<Vec<Bead>, TooLarge> {
    align_units(&SentenceUnits::of(en, ru), keys, options)
}

/// What the bead costs need of each sentence of the two sides (see
/// [`Unit`]). It depends on the sentences alone, not on their anchors: a
/// caller that links the anchors (see [`lexical::link`]) can work it out
/// at the same time, on the core the linking leaves idle now and then.
pub struct SentenceUnits {
    en: Vec<Unit>,
    ru: Vec<Unit>,
}

impl SentenceUnits {
    /// The units of the sentences of both sides.
    pub fn of(en: &[Sentence], ru: &[Sentence]) -> SentenceUnits {
        SentenceUnits {
            en: units(en, Lang::En),
            ru: units(ru, Lang::Ru),
        }
    }
}

/// [`align_linked`] with the sentences' units worked out already.
pub fn align_units(
    units: &SentenceUnits,
    keys: &Keys,
    options: &AlignOptions,
) -> Result<Vec<Bead>, TooLarge> {
    align_with(&units.en, &units.ru, keys, options, Pass::Fine)
}

fn units(sentences: &[Sentence], lang: Lang) -> Vec<Unit> {
    // In parallel: the chrome test reads every sentence, and this ran
    // alone on one core.
    let mut units: Vec<Unit> = sentences
        .par_iter()
        .map(|s| Unit {
            length: Unit::small(s.length()),
            paragraph: Unit::small(s.paragraph),
            turn: dialogue::turn(s.text(), lang),
            chrome: crate::chrome::is_chrome(s.text()),
            note: false,
        })
        .collect();
    // In order: a note may span several sentences.
    for (unit, note) in units
        .iter_mut()
        .zip(omission::notes(sentences.iter().map(Sentence::text)))
    {
        unit.note = note;
    }
    units
}

/// Which table [`align_with`] fills.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Sentences: the path, and each bead's posterior.
    Fine,
    /// Blocks of sentences, to place the band of a finer pass: only the
    /// path is needed, so every bead's score is 0 and the backward pass is
    /// skipped.
    Coarse,
}

/// Aligns sentences (or blocks of sentences) whose anchor keys are known;
/// [`TooLarge`] if the band outgrows [`AlignOptions::max_band_cells`].
fn align_with(
    en: &[Unit],
    ru: &[Unit],
    keys: &Keys,
    options: &AlignOptions,
    pass: Pass,
) -> Result<Vec<Bead>, TooLarge> {
    let model = CostModel::new(en, ru, options, keys);
    let (n, m) = (en.len(), ru.len());
    let mut ranges = bands(en, ru, keys, options, pass)?;
    let mut widenings = 0;
    let mut before: Option<(Band, Costs)> = None;
    let (band, mut costs, mut path) = loop {
        // Before its cost table (12 bytes a cell) is allocated.
        let band = Band::new(&ranges, options.max_band_cells)?;
        let costs = costs(&band, &model, keys, before.take());
        // Placing the band and adapting the priors need the best path
        // only; the sums over all paths are worked out once, at the end.
        let path = trace(&band, &viterbi(&band, &costs), n, m);
        if widenings < MAX_WIDENINGS && widen(&mut ranges, &path, m) {
            widenings += 1;
            before = Some((band, costs));
            continue;
        }
        break (band, costs, path);
    };
    drop(ranges);
    if pass == Pass::Coarse {
        return Ok(path.beads().map(|(bead, _)| bead).collect());
    }
    let mut shift = [0.0; SHAPES.len()];
    if options.adapt_priors {
        // Once the band is settled: the document's own shape priors
        // (see `priors`), on the same bead costs.
        shift = priors::shift(path.shapes());
        costs.shift(&shift);
        path = trace(&band, &viterbi(&band, &costs), n, m);
    }
    let (scores, unaligned) = posteriors(&band, &costs, &path, options.temperature);
    // The table is no longer needed: the one-sided beads' chances of
    // being unaligned are all that `omission::absorb` reads of it.
    drop((band, costs));
    let beads = (path.beads().zip(scores))
        .map(|((bead, _), score)| Bead { score, ..bead })
        .collect();
    drop(path);
    // One-sided beads the model is not confident of join a neighbour.
    let cost = |en: &Range<usize>, ru: &Range<usize>| {
        let prior = cost::prior_cost(en.len(), ru.len(), &shift);
        let common = || omission::shared_weight(keys, en, ru);
        model.link_cost((en.end, en.len()), (ru.end, ru.len()), prior, common)
    };
    let note = |bead: &Bead| {
        let (units, range) = if bead.ru.is_empty() {
            (en, &bead.en)
        } else {
            (ru, &bead.ru)
        };
        units[range.clone()].iter().all(|u| u.note)
    };
    Ok(omission::absorb(
        beads,
        |bead| unaligned.of(bead),
        |bead| {
            let side = |units: &[Unit], range: &Range<usize>| -> usize {
                units[range.clone()].iter().map(Unit::length).sum()
            };
            side(en, &bead.en) + side(ru, &bead.ru)
        },
        cost,
        note,
        options.keep_omissions_from,
        cost::CHROME_WITH_TEXT,
    ))
}

/// The posterior probability of each bead of `path`, in order, and the
/// chance that each one-sided bead's sentence is left unaligned.
fn posteriors(band: &Band, costs: &Costs, path: &Path, t: f64) -> (Vec<f64>, Unaligned) {
    // A bead's posterior needs the soft minimum from the origin to where
    // it starts and from where it ends to the end; a one-sided bead's
    // chance of being unaligned anywhere needs them along its row (1-0)
    // or column (0-1). Only those cells are kept, in `u32` as the band's
    // cell numbers (a book's path has hundreds of thousands of beads), and
    // counted first so that the list is allocated once (grown by doubling,
    // it could hold twice the room it needs, beside the cost table).
    let most: usize = path
        .beads()
        .map(|(bead, _)| {
            let (i, j) = (bead.en.end, bead.ru.end);
            1 + match (bead.en.is_empty(), bead.ru.is_empty()) {
                (false, true) => 2 * (band.hi(i) + 1 - band.lo(i)),
                (true, false) => 2 * band.rows_holding(j).len(),
                _ => 0,
            }
        })
        .sum();
    let mut wanted: Vec<u32> = Vec::with_capacity(most + 1);
    wanted.push(0);
    let mut want = |cell: Option<usize>| wanted.extend(cell.map(|cell| cell as u32));
    for (bead, _) in path.beads() {
        let (i, j) = (bead.en.end, bead.ru.end);
        want(Some(band.cell(i, j)));
        if bead.ru.is_empty() {
            for j in band.lo(i)..=band.hi(i) {
                want(Some(band.cell(i, j)));
                want(band.index(i - 1, j));
            }
        } else if bead.en.is_empty() {
            for i in band.rows_holding(j) {
                want(Some(band.cell(i, j)));
                want(band.index(i, j - 1));
            }
        }
    }
    wanted.sort_unstable();
    wanted.dedup();
    wanted.shrink_to_fit();
    // The two tables are made here, not on the pool's threads: this thread
    // has the room the Viterbi back-pointers just gave back, which a
    // worker's allocator arena cannot reuse.
    let (forward, backward) = (
        Vec::with_capacity(wanted.len()),
        Vec::with_capacity(wanted.len()),
    );
    let (forward, backward) = rayon::join(
        || soft_forward(band, costs, t, &wanted, forward),
        || soft_backward(band, costs, t, &wanted, backward),
    );
    let posterior = Posterior {
        band,
        costs,
        wanted: &wanted,
        forward: &forward,
        backward: &backward,
        everything: forward.last().copied().unwrap_or(0.0),
        t,
    };
    let mut unaligned = Unaligned::default();
    let scores = path
        .beads()
        .map(|(bead, shape)| {
            if !bead.is_link() {
                let end = (bead.en.end, bead.ru.end);
                unaligned.ends.push((end, posterior.unaligned(&bead)));
            }
            posterior.bead(bead.en.end, bead.ru.end, shape)
        })
        .collect();
    (scores, unaligned)
}

/// For each one-sided bead of the best path, by where it ends (in
/// document order), the probability that its sentence is left unaligned
/// (see [`Posterior::unaligned`]).
#[derive(Default)]
struct Unaligned {
    ends: Vec<((usize, usize), f64)>,
}

impl Unaligned {
    /// The probability for `bead`, a one-sided bead of the path.
    fn of(&self, bead: &Bead) -> f64 {
        let end = (bead.en.end, bead.ru.end);
        match self.ends.binary_search_by(|(e, _)| e.cmp(&end)) {
            Ok(at) => self.ends[at].1,
            Err(_) => {
                debug_assert!(false, "no one-sided bead of the path ends at {end:?}");
                0.0
            }
        }
    }
}

/// The indices in `SHAPES` of the one-sided beads, 1-0 and 0-1.
const ENGLISH_ALONE: usize = 1;
const RUSSIAN_ALONE: usize = 2;
const _: () = assert!(SHAPES[ENGLISH_ALONE].0 == 1 && SHAPES[ENGLISH_ALONE].1 == 0);
const _: () = assert!(SHAPES[RUSSIAN_ALONE].0 == 0 && SHAPES[RUSSIAN_ALONE].1 == 1);

/// The tables of the forward and backward passes, for posteriors.
struct Posterior<'a> {
    band: &'a Band,
    costs: &'a Costs,
    /// The cells the two soft minima were kept for, in ascending order.
    wanted: &'a [u32],
    forward: &'a [f64],
    backward: &'a [f64],
    everything: f64,
    t: f64,
}

impl Posterior<'_> {
    /// The probability of the bead `shape` ending in cell `(i, j)`.
    fn bead(&self, i: usize, j: usize, shape: usize) -> f64 {
        let (a, b) = SHAPES[shape];
        let band = self.band;
        let (Some(before), Some(cell)) = (band.index(i - a, j - b), band.index(i, j)) else {
            return 0.0;
        };
        let kept = |cell: usize| self.wanted.binary_search(&(cell as u32)).ok();
        let (Some(before), Some(cell)) = (kept(before), kept(cell)) else {
            debug_assert!(false, "a posterior asked of a cell not kept");
            return 0.0;
        };
        let cost = f64::from(self.costs.row(band, i).cost(j, shape));
        let through = self.forward[before] + cost + self.backward[cell];
        (-(through - self.everything) / self.t)
            .exp()
            .clamp(0.0, 1.0)
    }

    /// The probability that the sentence of a one-sided bead is left
    /// unaligned anywhere: its bead summed over every place on the other
    /// side where it can end.
    fn unaligned(&self, bead: &Bead) -> f64 {
        let band = self.band;
        let sum: f64 = if bead.ru.is_empty() {
            let i = bead.en.end;
            (band.lo(i)..=band.hi(i))
                .map(|j| self.bead(i, j, ENGLISH_ALONE))
                .sum()
        } else {
            let j = bead.ru.end;
            band.rows_holding(j)
                .map(|i| self.bead(i, j, RUSSIAN_ALONE))
                .sum()
        };
        sum.min(1.0)
    }
}

/// A path through the table from the origin to the end: the shapes (indices
/// into `SHAPES`) of its beads in document order, a byte a bead, instead
/// of the beads themselves (a long text's path has hundreds of thousands).
struct Path {
    shapes: Vec<u8>,
}

impl Path {
    /// The shapes of the beads, in document order.
    fn shapes(&self) -> impl Iterator<Item = usize> + '_ {
        self.shapes.iter().map(|&shape| usize::from(shape))
    }

    /// The beads in document order (score not yet set), each with its
    /// shape's index.
    fn beads(&self) -> impl Iterator<Item = (Bead, usize)> + '_ {
        let (mut i, mut j) = (0, 0);
        self.shapes().map(move |shape| {
            let (a, b) = SHAPES[shape];
            (i, j) = (i + a, j + b);
            let bead = Bead {
                en: i - a..i,
                ru: j - b..j,
                score: 0.0,
            };
            (bead, shape)
        })
    }
}

/// The best path, from the back-pointers.
fn trace(band: &Band, back: &[u8], n: usize, m: usize) -> Path {
    let mut shapes = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let shape = back[band.cell(i, j)];
        let (a, b) = SHAPES[usize::from(shape)];
        shapes.push(shape);
        i -= a;
        j -= b;
    }
    shapes.reverse();
    Path { shapes }
}

/// Widens the band where the path runs along one of its edges (an edge that
/// is not the table's own): there the best path may lie outside the band,
/// as when the coarse pass drifted through a stretch of omissions. Returns
/// whether any row was widened.
fn widen(ranges: &mut [(usize, usize)], path: &Path, m: usize) -> bool {
    let n = ranges.len() - 1;
    let mut near_edge = vec![false; n + 1];
    for (bead, _) in path.beads() {
        let (i, j) = (bead.en.end, bead.ru.end);
        let (lo, hi) = ranges[i];
        if (lo > 0 && j == lo) || (hi < m && j == hi) {
            let rows = i.saturating_sub(WIDEN_ROWS)..=(i + WIDEN_ROWS).min(n);
            near_edge[rows].fill(true);
        }
    }
    if !near_edge.contains(&true) {
        return false;
    }
    for (row, widen) in ranges.iter_mut().zip(near_edge) {
        if widen {
            *row = (
                row.0.saturating_sub(WIDEN_COLUMNS),
                (row.1 + WIDEN_COLUMNS).min(m),
            );
        }
    }
    connect(ranges, m);
    true
}

/// Cells and keys the aligner has costed in this process (see [`work_done`]).
static WORK: AtomicU64 = AtomicU64::new(0);

/// How many cells and anchor keys the aligner has costed in this process
/// so far: a deterministic measure of its work, for the test that work
/// grows linearly with the input (a timed test would measure the machine).
#[doc(hidden)]
pub fn work_done() -> u64 {
    WORK.load(Ordering::Relaxed)
}

/// The bead costs of a band, in chunks of `ROWS_PER_TASK` rows: one
/// parallel task fills a chunk, and a widened band takes over the chunks
/// of the narrower one a chunk at a time, so the two tables never both
/// exist in full.
struct Costs {
    chunks: Vec<Vec<StoredCosts>>,
    /// The cost of a 1-0 and of a 0-1 bead, wherever it starts inside the band.
    one_sided: [f32; 2],
    /// What [`Costs::shift`] added to each stored cost, added as it is read
    /// (not rounded into the half-precision table).
    shifted: [f32; TWO_SIDED],
}

impl Costs {
    /// Adds `by[shape]` to the cost of every bead of each shape.
    fn shift(&mut self, by: &[f64; SHAPES.len()]) {
        let by = by.map(|d| d as f32);
        for (k, shifted) in self.shifted.iter_mut().enumerate() {
            *shifted += by[two_sided_shape(k)];
        }
        self.one_sided[0] += by[ENGLISH_ALONE];
        self.one_sided[1] += by[RUSSIAN_ALONE];
    }

    /// The costs of row `i`'s cells.
    fn row(&self, band: &Band, i: usize) -> Row<'_> {
        let chunk = i / ROWS_PER_TASK;
        let from = band.start(i) - band.start(chunk * ROWS_PER_TASK);
        Row {
            cells: &self.chunks[chunk][from..from + band.hi(i) - band.lo(i) + 1],
            lo: band.lo(i),
            above: match i {
                0 => 0..0,
                _ => band.lo(i - 1)..band.hi(i - 1) + 1,
            },
            one_sided: self.one_sided,
            shifted: self.shifted,
        }
    }
}

/// The shape whose cost is at place `k` of [`StoredCosts`].
const fn two_sided_shape(k: usize) -> usize {
    let mut shape = 0;
    while STORED[shape] != k {
        shape += 1;
    }
    shape
}

/// The bead costs of one row of the band (see [`Costs::row`]).
struct Row<'a> {
    cells: &'a [StoredCosts],
    /// The row's first column.
    lo: usize,
    /// The columns of the row above: where a 1-0 bead can start.
    above: Range<usize>,
    one_sided: [f32; 2],
    shifted: [f32; TWO_SIDED],
}

impl Row<'_> {
    /// The cost of the bead `shape` that ends in column `j` of the row
    /// (infinite where it would start outside the band).
    fn cost(&self, j: usize, shape: usize) -> f32 {
        self.one_sided_cost(j, shape)
            .unwrap_or_else(|| self.stored(&self.cells[j - self.lo], STORED[shape]))
    }

    /// The cost at place `k` of a cell's stored costs.
    #[inline(always)]
    fn stored(&self, cell: &StoredCosts, k: usize) -> f32 {
        cell[k].to_f32() + self.shifted[k]
    }

    /// For each column of the row in order, the costs of every bead that
    /// ends there ([`Row::cost`] of each shape), into `out` (`widened` is
    /// room to work in). The stored costs are widened from
    /// half precision a row at a time: one call for the row (vector
    /// instructions where the processor has them) instead of one, with its
    /// check of the processor, per cost, which was a fifth of the passes'
    /// work. The widening is exact either way.
    fn cells_into(&self, out: &mut Vec<CellCosts>, widened: &mut Vec<f32>) {
        let stored = self.cells.as_flattened();
        widened.clear();
        widened.resize(stored.len(), 0.0);
        stored.convert_to_f32_slice(widened);
        out.clear();
        out.extend(
            widened
                .chunks_exact(TWO_SIDED)
                .enumerate()
                .map(|(k, cell)| {
                    let j = self.lo + k;
                    std::array::from_fn(|shape| {
                        self.one_sided_cost(j, shape)
                            .unwrap_or_else(|| cell[STORED[shape]] + self.shifted[STORED[shape]])
                    })
                }),
        );
    }

    /// The cost of a one-sided bead `shape` that ends in column `j`, which
    /// is not stored; `None` for a two-sided shape.
    #[inline(always)]
    fn one_sided_cost(&self, j: usize, shape: usize) -> Option<f32> {
        match shape {
            ENGLISH_ALONE if self.above.contains(&j) => Some(self.one_sided[0]),
            RUSSIAN_ALONE if j > self.lo => Some(self.one_sided[1]),
            ENGLISH_ALONE | RUSSIAN_ALONE => Some(f32::INFINITY),
            _ => None,
        }
    }
}

/// For each length `b` of a Russian run, the longest English run a bead
/// pairs it with (3 for one sentence, as in 3-1).
const LONGEST_FACING: [usize; MAX_RUN] = {
    let mut longest = [0; MAX_RUN];
    let mut shape = 0;
    while shape < SHAPES.len() {
        let (a, b) = SHAPES[shape];
        if a > 0 && b > 0 && a > longest[b - 1] {
            longest[b - 1] = a;
        }
        shape += 1;
    }
    longest
};

/// The cost of every bead that ends in a cell of the band and starts in
/// one, computed in parallel over chunks of rows. Rows that `before` (an
/// earlier, narrower band of the same pair, with its costs) already holds
/// with the same cells and the same cells above are copied from it.
fn costs(band: &Band, model: &CostModel, keys: &Keys, before: Option<(Band, Costs)>) -> Costs {
    let chunks = band.n() / ROWS_PER_TASK + 1;
    // A one-sided bead's cost does not depend on where it is (see
    // `StoredCosts`); `i` and `j` here only need to be valid for it.
    let one_sided = [ENGLISH_ALONE, RUSSIAN_ALONE].map(|shape| {
        let (a, b) = SHAPES[shape];
        model.cost(a, b, shape, || 0.0) as f32
    });
    let (old_band, old_chunks) = match before {
        Some((b, c)) => (Some(b), c.chunks.into_iter().map(Some).collect()),
        None => (None, vec![None; chunks]),
    };
    // A bead's cost is stored only if it starts inside the band, so a row's
    // costs depend on its own cells and those of the MAX_RUN rows above.
    let known = |i: usize| {
        let old = old_band.as_ref()?;
        let same = (i.saturating_sub(MAX_RUN)..=i)
            .all(|k| old.lo(k) == band.lo(k) && old.hi(k) == band.hi(k));
        same.then(|| old.start(i) - old.start(i / ROWS_PER_TASK * ROWS_PER_TASK))
    };
    let chunks = (0..chunks)
        .into_par_iter()
        .zip(old_chunks)
        .map(|(chunk, mut old): (usize, Option<Vec<StoredCosts>>)| {
            let rows = chunk * ROWS_PER_TASK..((chunk + 1) * ROWS_PER_TASK).min(band.n() + 1);
            let size = band.start(rows.end) - band.start(rows.start);
            if let Some(old) =
                old.take_if(|o| o.len() == size && rows.clone().all(|i| known(i).is_some()))
            {
                return old;
            }
            let mut cells = vec![[f16::INFINITY; TWO_SIDED]; size];
            // The runs that end in these rows and in their columns, merged once.
            let (last, top) = (rows.end - 1, rows.start.saturating_sub(MAX_RUN));
            let en = keys.en_runs(rows.start..=last);
            let ru = keys.ru_runs(band.lo(top)..=band.hi(last));
            // What the costs need of each Russian run ending in these
            // columns, worked out once (for the rows below too).
            let first_column = band.lo(top);
            let ru_facts: Vec<[Run; MAX_RUN]> = (first_column..=band.hi(last))
                .map(|j| {
                    std::array::from_fn(|len| match len < j {
                        true => model.run(Lang::Ru, j, len + 1),
                        false => Run::default(),
                    })
                })
                .collect();
            // The English runs of one to three sentences ending in a row,
            // loaded at once, once per row (for a row with a cost to work out).
            let mut matcher = Matcher::new(keys);
            let mut en_facts = [Run::default(); MAX_RUN];
            let mut offset = 0;
            // Keys visited by this task, counted for `work_done`.
            let steps = std::cell::Cell::new(0u64);
            for i in rows {
                let row = &mut cells[offset..offset + band.hi(i) - band.lo(i) + 1];
                offset += row.len();
                if let (Some(start), Some(old)) = (known(i), &old) {
                    row.copy_from_slice(&old[start..start + row.len()]);
                    continue;
                }
                // The row's cells that the narrower band held keep their
                // finite costs: a bead's cost depends on the bead alone (it
                // was left infinite only where the bead started outside).
                let held = old_band.as_ref().zip(old.as_ref()).map(|(old_band, old)| {
                    let from = old_band.start(i) - old_band.start(chunk * ROWS_PER_TASK);
                    let lo = old_band.lo(i);
                    (lo, &old[from..from + old_band.hi(i) - lo + 1])
                });
                let mut loaded = false;
                for (j, out) in (band.lo(i)..=band.hi(i)).zip(row) {
                    let before = held.and_then(|(lo, old)| old.get(j.checked_sub(lo)?));
                    // The weight each English run shares with the Russian run
                    // of `b` sentences ending here, found on first need.
                    let mut shared: [Option<[f64; MAX_RUN]>; MAX_RUN] = [None; MAX_RUN];
                    for (shape, &(a, b)) in SHAPES.iter().enumerate() {
                        if a == 0 || b == 0 {
                            continue;
                        }
                        let place = STORED[shape];
                        if a <= i && b <= j && band.index(i - a, j - b).is_some() {
                            if let Some(cost) = before.map(|costs| costs[place])
                                && cost != f16::INFINITY
                            {
                                out[place] = cost;
                                continue;
                            }
                            if !loaded {
                                let lengths = 1..=i.min(MAX_RUN);
                                matcher.load_each(lengths.clone().map(|len| en.get(i, len)));
                                for len in lengths {
                                    en_facts[len - 1] = model.run(Lang::En, i, len);
                                }
                                loaded = true;
                            }
                            let common = || {
                                let each = shared[b - 1].get_or_insert_with(|| {
                                    let run = ru.get(j, b);
                                    steps.set(steps.get() + 1 + run.0.len() as u64);
                                    matcher.common_each(run, LONGEST_FACING[b - 1])
                                });
                                each[a - 1]
                            };
                            let ru_run = &ru_facts[j - first_column][b - 1];
                            let cost = model.cost_of_shape(&en_facts[a - 1], ru_run, shape, common);
                            out[place] = f16::from_f64(cost);
                        }
                    }
                }
            }
            WORK.fetch_add(steps.get() + cells.len() as u64, Ordering::Relaxed);
            cells
        })
        .collect();
    Costs {
        chunks,
        one_sided,
        shifted: [0.0; TWO_SIDED],
    }
}

/// The rows a bead that ends in row `i` starts in, by its number of English
/// sentences `a` (`None` for `a` 0, which starts in row `i` itself, and
/// where `a > i`), each with its first column. `kept` holds the last
/// `MAX_RUN + 1` rows by `i % (MAX_RUN + 1)`.
type Above<'a> = [Option<(&'a [f64], usize)>; MAX_RUN + 1];

fn above<'a>(band: &Band, i: usize, kept: &'a [Vec<f64>]) -> Above<'a> {
    std::array::from_fn(|a| {
        (a > 0 && a <= i).then(|| (kept[(i - a) % (MAX_RUN + 1)].as_slice(), band.lo(i - a)))
    })
}

/// Per shape, the cost of reaching cell `(i, j)` by a bead of that shape:
/// the value kept for the cell the bead starts in plus the bead's cost
/// (infinite where the bead cannot end here). `row` is row `i` so far (the
/// cells left of `j`), whose first column is `lo`; `above` as [`above`]
/// gives it. Both [`viterbi`] and [`soft_forward`] step this way, once a
/// cell: inlined there, so that the costs stay in registers.
#[inline(always)]
fn arrivals(
    cell_costs: &CellCosts,
    (j, lo): (usize, usize),
    row: &[f64],
    above: &Above,
) -> [f64; SHAPES.len()] {
    let mut paths = [f64::INFINITY; SHAPES.len()];
    for (shape, &(a, b)) in SHAPES.iter().enumerate() {
        let cost = f64::from(cell_costs[shape]);
        if cost == f64::INFINITY {
            continue;
        }
        // A bead with a finite cost starts inside the band.
        let before = match above[a] {
            None => row[j - b - lo],
            Some((kept, first)) => kept[j - b - first],
        };
        paths[shape] = before + cost;
    }
    paths
}

/// The back-pointers of the best path from the origin to every cell (Viterbi):
/// for each cell, the index into `SHAPES` of the best path's last bead.
fn viterbi(band: &Band, costs: &Costs) -> Vec<u8> {
    // Best costs are kept for the last rows only: a bead reaches back at
    // most MAX_RUN rows, and the path is traced from the back-pointers.
    let mut best: Vec<Vec<f64>> = vec![Vec::new(); MAX_RUN + 1];
    let mut back = vec![u8::MAX; band.cells()];
    let (mut row_costs, mut widened) = (Vec::new(), Vec::new());
    for i in 0..=band.n() {
        let mut row = band.fresh_row(&mut best, i);
        costs.row(band, i).cells_into(&mut row_costs, &mut widened);
        let (lo, above) = (band.lo(i), above(band, i, &best));
        let back_row = &mut back[band.start(i)..band.start(i + 1)];
        for j in band.lo(i)..=band.hi(i) {
            let k = j - lo;
            // The origin, cell 0.
            if i == 0 && k == 0 {
                row[0] = 0.0;
                continue;
            }
            // The first cheapest shape, kept in registers until the end.
            let paths = arrivals(&row_costs[k], (j, lo), &row, &above);
            let (mut cheapest, mut shape_of) = (f64::INFINITY, u8::MAX);
            for (shape, &path) in paths.iter().enumerate() {
                if path < cheapest {
                    cheapest = path;
                    shape_of = shape as u8;
                }
            }
            row[k] = cheapest;
            back_row[k] = shape_of;
        }
        best[i % (MAX_RUN + 1)] = row;
    }
    back
}

/// The soft minimum over all paths from the origin (`-t ln sum exp(-cost /
/// t)`) to each of `wanted`, flat cell indices in increasing order. Rows are
/// kept for the last `MAX_RUN` rows only, as in [`viterbi`].
fn soft_forward(
    band: &Band,
    costs: &Costs,
    t: f64,
    wanted: &[u32],
    mut found: Vec<f64>,
) -> Vec<f64> {
    let mut soft: Vec<Vec<f64>> = vec![Vec::new(); MAX_RUN + 1];
    found.clear();
    found.reserve_exact(wanted.len());
    let (mut row_costs, mut widened) = (Vec::new(), Vec::new());
    for i in 0..=band.n() {
        let mut row = band.fresh_row(&mut soft, i);
        costs.row(band, i).cells_into(&mut row_costs, &mut widened);
        let (lo, above) = (band.lo(i), above(band, i, &soft));
        for j in band.lo(i)..=band.hi(i) {
            let (k, cell) = (j - lo, band.cell(i, j));
            if cell == 0 {
                row[0] = 0.0;
            } else {
                let paths = arrivals(&row_costs[k], (j, lo), &row, &above);
                row[k] = soft_min(&paths, t);
            }
            if wanted.get(found.len()) == Some(&(cell as u32)) {
                found.push(row[k]);
            }
        }
        soft[i % (MAX_RUN + 1)] = row;
    }
    found
}

/// The soft minimum over all paths from each of `wanted` (flat cell indices
/// in increasing order) to the end, kept, like [`soft_forward`], for the
/// next `MAX_RUN` rows only.
fn soft_backward(
    band: &Band,
    costs: &Costs,
    t: f64,
    wanted: &[u32],
    mut found: Vec<f64>,
) -> Vec<f64> {
    let n = band.n();
    let end = band.cells() - 1;
    let mut after: Vec<Vec<f64>> = vec![Vec::new(); MAX_RUN + 1];
    found.clear();
    found.resize(wanted.len(), f64::INFINITY);
    let mut next = wanted.len();
    // The costs of the rows a bead from row i can end in (rows i to
    // i + MAX_RUN), by row % (MAX_RUN + 1): each row's are widened once.
    let mut below: Vec<Vec<CellCosts>> = vec![Vec::new(); MAX_RUN + 1];
    let mut widened = Vec::new();
    for i in (0..=n).rev() {
        let mut row = band.fresh_row(&mut after, i);
        costs
            .row(band, i)
            .cells_into(&mut below[i % (MAX_RUN + 1)], &mut widened);
        for j in (band.lo(i)..=band.hi(i)).rev() {
            let (k, cell) = (j - band.lo(i), band.cell(i, j));
            if cell == end {
                row[k] = 0.0;
            } else {
                let mut paths = [f64::INFINITY; SHAPES.len()];
                for (shape, &(a, b)) in SHAPES.iter().enumerate() {
                    if i + a > n || band.index(i + a, j + b).is_none() {
                        continue;
                    }
                    let to = j + b - band.lo(i + a);
                    let cost = below[(i + a) % (MAX_RUN + 1)][to][shape];
                    let after_to = if a == 0 {
                        row[to]
                    } else {
                        after[(i + a) % (MAX_RUN + 1)][to]
                    };
                    paths[shape] = f64::from(cost) + after_to;
                }
                row[k] = soft_min(&paths, t);
            }
            if next > 0 && wanted[next - 1] as usize == cell {
                next -= 1;
                found[next] = row[k];
            }
        }
        after[i % (MAX_RUN + 1)] = row;
    }
    found
}

/// The range of Russian prefixes `lo..=hi` kept for each English prefix.
///
/// Small pairs get the full table. Larger ones are aligned coarse-to-fine,
/// as Vecalign does: consecutive sentences are grouped into blocks of
/// about `BLOCK` on each side (cut in proportion, see [`block_edges`]), the blocks are aligned by this same programme
/// (recursively, until the table is small), and the fine table keeps only a
/// band of `SLACK` columns either side of the block path, drawn straight
/// through each block bead. The work then grows with `n * SLACK`, and a
/// text that is cut short or has a dropped section still has its path
/// inside the band, which a fixed band around the diagonal would miss.
fn bands(
    en: &[Unit],
    ru: &[Unit],
    keys: &Keys,
    options: &AlignOptions,
    pass: Pass,
) -> Result<Vec<(usize, usize)>, TooLarge> {
    let (n, m) = (en.len(), ru.len());
    let limit = match pass {
        Pass::Fine => FULL_TABLE_CELLS,
        Pass::Coarse => COARSE_FULL_TABLE_CELLS,
    };
    // A cell costs time in proportion to the keys of its sentences, so the
    // full table is bounded in work as well as in cells: texts of a few
    // enormous sentences (a file with no sentence marks) go to the band
    // early instead of costing cells times keys, quadratic in the text.
    let cells = (n + 1).saturating_mul(m + 1);
    let keys_per_sentence = keys.count() / (n + m).max(1);
    if cells <= limit && cells.saturating_mul(keys_per_sentence) <= limit * FULL_TABLE_KEYS {
        return Ok(vec![(0, m); n + 1]);
    }
    let mut coarse_options = options.clone();
    // A block omission stands for BLOCK sentence omissions.
    coarse_options.omission_cost = BLOCK as f64 * options.omission_cost;
    coarse_options.paragraph_cost = 0.0;
    coarse_options.dialogue_weight = 0.0;
    let total = |units: &[Unit]| units.iter().map(Unit::length).sum::<usize>() as f64;
    let ratio = total(ru) / total(en).max(1.0) / options.length.ratio;
    let complete = (cost::RATIO_CLAMP.0..=cost::RATIO_CLAMP.1).contains(&ratio);
    let edges = block_edges(n, m, complete);
    let coarse_keys = keys.blocks(&edges, COARSE_KEYS);
    let path = align_with(
        &blocks(en, &edges.en),
        &blocks(ru, &edges.ru),
        &coarse_keys,
        &coarse_options,
        Pass::Coarse,
    )?;
    Ok(project(&path, &edges))
}

/// The fine band around a block path: each block bead's rows get the
/// columns on the straight line through the bead, `SLACK` either side (a
/// one-sided bead's row gets all of its columns), and neighbouring rows are
/// joined so that every bead shape can step from one row to the next.
fn project(path: &[Bead], edges: &Sides<Vec<usize>>) -> Vec<(usize, usize)> {
    let (n, m) = (edges.en[edges.en.len() - 1], edges.ru[edges.ru.len() - 1]);
    let mut band = vec![(usize::MAX, 0); n + 1];
    for bead in path {
        let (e0, e1) = (edges.en[bead.en.start], edges.en[bead.en.end]);
        let (r0, r1) = (edges.ru[bead.ru.start], edges.ru[bead.ru.end]);
        for (i, row) in band.iter_mut().enumerate().take(e1 + 1).skip(e0) {
            let (lo, hi) = if e1 == e0 {
                (r0, r1)
            } else {
                let step = (r1 - r0) as f64 / (e1 - e0) as f64;
                let at = r0 as f64 + step * (i - e0) as f64;
                (at.floor() as usize, (at.ceil() as usize).min(r1))
            };
            row.0 = row.0.min(lo.saturating_sub(SLACK));
            row.1 = row.1.max((hi + SLACK).min(m));
        }
    }
    // Join each row with its neighbours (a 3-1 bead spans three rows), and
    // keep both bounds from decreasing, so the band is one connected strip
    // from (0, 0) to (n, m).
    let joined: Vec<(usize, usize)> = (0..=n)
        .map(|i| {
            let near = &band[i.saturating_sub(1)..(i + 2).min(n + 1)];
            let lo = near.iter().map(|r| r.0).min().unwrap_or(0);
            let hi = near.iter().map(|r| r.1).max().unwrap_or(m);
            (lo, hi)
        })
        .collect();
    let mut out = joined;
    connect(&mut out, m);
    out
}

/// Makes the band one connected strip from `(0, 0)` to `(n, m)`: both
/// bounds never decrease, and each row reaches the next.
fn connect(ranges: &mut [(usize, usize)], m: usize) {
    let n = ranges.len() - 1;
    ranges[0].0 = 0;
    ranges[n].1 = m;
    for i in 1..=n {
        ranges[i].1 = ranges[i].1.max(ranges[i - 1].1);
    }
    for i in (0..n).rev() {
        ranges[i].0 = ranges[i].0.min(ranges[i + 1].0);
    }
    // A steep bead (one short block against three) can leave a gap between
    // rows: extend the upper row to where the lower one begins.
    for i in 1..=n {
        ranges[i - 1].1 = ranges[i - 1].1.max(ranges[i].0);
    }
}

/// Where the blocks of the coarse pass begin and end on each side (the
/// first edge is 0, the last the number of sentences). The longer side is
/// cut into blocks of `BLOCK` sentences; the shorter one into as many
/// blocks as far as that keeps its blocks at least `BLOCK / MAX_SKEW`
/// sentences long. Blocks of a fixed number of sentences on both sides
/// would make the block path of a text whose sides split into different
/// numbers of sentences (a long raw text: 8 English sentences a verse for
/// 6 Russian ones) a mixture of 1-1 and 2-1 beads, whose order the costs
/// barely tell apart, so the coarse path could slip by whole blocks over
/// a long stretch; with blocks cut in proportion, the path of a complete
/// translation is the diagonal of 1-1 beads. Sides whose lengths in
/// characters do not look like a whole text and its whole translation
/// (`complete` false: one is cut short, say) keep blocks of `BLOCK`
/// sentences each, so that a block still faces its own translation.
fn block_edges(n: usize, m: usize, complete: bool) -> Sides<Vec<usize>> {
    let longer = n.max(m).div_ceil(BLOCK);
    let count = |len: usize| {
        if !complete {
            return len.div_ceil(BLOCK);
        }
        let fewest = (len as f64 * MAX_SKEW / BLOCK as f64).ceil() as usize;
        longer.min(fewest).max(1)
    };
    let edges = |len: usize| {
        if len == 0 {
            return vec![0];
        }
        let count = count(len);
        (0..=count).map(|k| k * len / count).collect()
    };
    Sides::new(edges(n), edges(m))
}

/// Groups consecutive units into the blocks between `edges`.
fn blocks(units: &[Unit], edges: &[usize]) -> Vec<Unit> {
    edges
        .windows(2)
        .map(|edge| &units[edge[0]..edge[1]])
        .map(|chunk| Unit {
            length: Unit::small(chunk.iter().map(Unit::length).sum()),
            paragraph: 0,
            turn: Turn::default(),
            // The sentence pass keeps chrome apart; blocks are too coarse to.
            chrome: false,
            note: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split::presplit;

    fn beads_of(en: &str, ru: &str) -> Vec<(Vec<usize>, Vec<usize>)> {
        align(&presplit(en), &presplit(ru), &AlignOptions::default(), None)
            .unwrap()
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

    fn beads_with(en: &str, ru: &str, options: &AlignOptions) -> Vec<(Vec<usize>, Vec<usize>)> {
        align(&presplit(en), &presplit(ru), options, None)
            .unwrap()
            .into_iter()
            .map(|b| (b.en.collect(), b.ru.collect()))
            .collect()
    }

    #[test]
    fn an_omission_below_the_confidence_asked_for_joins_its_neighbour() {
        // The opening exclamation has no anchor and no counterpart of its
        // own: the best path leaves it out, but not with certainty.
        let en = "'Nonsense, nonsense, all of it!\nWhat is the matter with you, my dear friend, tell me?'\nShe went to the window and looked out at the garden for a long time.\n";
        let ru =
            "-- Что с тобой, мой друг, скажи мне?\nОна подошла к окну и долго смотрела в сад.\n";
        let keeping = |keep_omissions_from| AlignOptions {
            keep_omissions_from,
            ..AlignOptions::default()
        };
        assert_eq!(
            beads_with(en, ru, &keeping(0.0)),
            [(vec![0], vec![]), (vec![1], vec![0]), (vec![2], vec![1])]
        );
        assert_eq!(
            beads_with(en, ru, &keeping(0.99)),
            [(vec![0, 1], vec![0]), (vec![2], vec![1])]
        );
    }

    #[test]
    fn a_translators_note_is_never_left_unaligned() {
        // The bracketed gloss has no Russian of its own: it goes with the
        // phrase it glosses instead of standing alone, as the same sentence
        // without brackets does.
        let en = "He went out to the garden and sat on the bench for an hour.\nC'est la vie.\n{}\nThen he came back into the house and went to bed early.\n";
        let ru = "Он вышел в сад и просидел на скамейке час.\nC'est la vie.\nПотом он вернулся в дом и рано лёг спать.\n";
        let note = en.replace("{}", "[Such is life, as the saying goes in French.]");
        let beads = beads_of(&note, ru);
        assert!(
            beads
                .iter()
                .all(|(en, ru)| !en.is_empty() && !ru.is_empty()),
            "{beads:?}"
        );
        let plain = en.replace("{}", "Such is life, as the saying goes in French.");
        assert!(beads_of(&plain, ru).contains(&(vec![2], vec![])));
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
        let keys = lexical::link(&en, &ru, Lexicon::builtin(), None).unwrap();
        let b = bands(
            &units(&en, Lang::En),
            &units(&ru, Lang::Ru),
            &keys,
            &AlignOptions::default(),
            Pass::Fine,
        )
        .unwrap();
        assert_eq!(b[0].0, 0);
        assert_eq!(b[3_000].1, 2_900);
        assert!(b.windows(2).all(|w| w[1].0 >= w[0].0 && w[1].1 >= w[0].1));
        let cells: usize = b.iter().map(|(lo, hi)| hi - lo + 1).sum();
        assert!(cells < 3_000 * 40, "band has {cells} cells");
    }

    /// The band of `ranges`, which must be within `u32`.
    fn band_of(ranges: &[(usize, usize)]) -> Band {
        Band::new(ranges, usize::MAX).expect("a band within u32")
    }

    #[test]
    fn a_band_of_more_cells_than_u32_counts_is_refused_before_it_is_made() {
        // Two rows of a connected strip to column 2^32, 2^32 + 2 cells:
        // counted, never allocated, whatever limit is asked for.
        let last = u32::MAX as usize;
        let ranges = [(0, last), (last, last + 1)];
        let refused = Band::new(&ranges, usize::MAX).err();
        let (cells, limit) = ((1 << 32) + 2, u32::MAX as usize);
        assert_eq!(refused, Some(TooLarge::Band { cells, limit }));
    }

    #[test]
    fn a_band_is_refused_only_beyond_its_limit() {
        // A full table of 3 by 4 prefixes: 12 cells.
        let full = [(0, 3); 3];
        assert_eq!(Band::new(&full, 12).map(|band| band.cells()), Ok(12));
        let refused = Band::new(&full, 11).err();
        assert_eq!(
            refused,
            Some(TooLarge::Band {
                cells: 12,
                limit: 11
            })
        );
    }

    #[test]
    fn a_pair_whose_band_outgrows_the_limit_is_an_error_not_a_panic() {
        let (en, ru) = (numbered(40, &["alpha"]), numbered(40, &["альфа"]));
        let options = AlignOptions {
            max_band_cells: 1_000,
            ..AlignOptions::default()
        };
        // The full table, 41 by 41 prefixes.
        let refused = align(&en, &ru, &options, None).err();
        assert_eq!(
            refused,
            Some(TooLarge::Band {
                cells: 1_681,
                limit: 1_000
            })
        );
        let options = AlignOptions {
            max_band_cells: 1_681,
            ..options
        };
        assert_eq!(align(&en, &ru, &options, None).map(|b| b.len()), Ok(40));
    }

    fn is_connected_strip(ranges: &[(usize, usize)], m: usize) -> bool {
        let n = ranges.len() - 1;
        ranges[0].0 == 0
            && ranges[n].1 == m
            && ranges.iter().all(|r| r.0 <= r.1 && r.1 <= m)
            && ranges
                .windows(2)
                .all(|w| w[1].0 >= w[0].0 && w[1].1 >= w[0].1 && w[1].0 <= w[0].1)
    }

    fn bead(en: std::ops::Range<usize>, ru: std::ops::Range<usize>) -> Bead {
        Bead { en, ru, score: 0.0 }
    }

    #[test]
    fn projected_band_follows_the_block_path_and_stays_connected() {
        // Blocks: 1-1, then a steep 1-3 (its English block cut short at
        // n = 10), as at the end of a text.
        let path = [bead(0..1, 0..1), bead(1..2, 1..4)];
        let edges = Sides::new(vec![0, 8, 10], vec![0, 8, 16, 24, 32]);
        let ranges = project(&path, &edges);
        assert!(is_connected_strip(&ranges, 32), "{ranges:?}");
        // Row 4 lies on the straight line from (0, 0) to (8, 8).
        assert!(ranges[4].0 <= 4 && ranges[4].1 >= 4 && ranges[4].1 - ranges[4].0 < 4 * SLACK);
    }

    #[test]
    fn band_widens_only_where_the_path_runs_along_its_edge() {
        let mut ranges: Vec<(usize, usize)> = (0..=100usize)
            .map(|i| (i.saturating_sub(5), (i + 5).min(100)))
            .collect();
        let path = |runs: &[(usize, usize)]| Path {
            shapes: runs
                .iter()
                .flat_map(|&(shape, count)| std::iter::repeat_n(shape as u8, count))
                .collect(),
        };
        let diagonal = path(&[(0, 100)]);
        assert!(!widen(&mut ranges, &diagonal, 100));
        // 1-0 beads down to (50, 45), on the lower edge of row 50, and
        // 0-1 beads back to the diagonal.
        let edge = path(&[(0, 45), (ENGLISH_ALONE, 5), (RUSSIAN_ALONE, 5), (0, 50)]);
        assert!(widen(&mut ranges, &edge, 100));
        assert!(ranges[50].0 < 45 - SLACK && ranges[50].1 > 55 + SLACK);
        assert_eq!(
            ranges[10],
            (5, 15),
            "rows far from the edge stay as they were"
        );
        assert!(is_connected_strip(&ranges, 100));
    }

    /// The soft minima of every cell from the origin and to the end, as
    /// the aligner computed them before it kept the path's cells only: two
    /// full tables.
    fn full_tables(band: &Band, costs: &Costs, t: f64) -> (Vec<f64>, Vec<f64>) {
        let n = band.n();
        let mut soft = vec![f64::INFINITY; band.cells()];
        for i in 0..=n {
            for j in band.lo(i)..=band.hi(i) {
                let cell = band.cell(i, j);
                if cell == 0 {
                    soft[0] = 0.0;
                    continue;
                }
                let mut paths = [f64::INFINITY; SHAPES.len()];
                for (shape, &(a, b)) in SHAPES.iter().enumerate() {
                    let cost = f64::from(costs.row(band, i).cost(j, shape));
                    if cost != f64::INFINITY {
                        paths[shape] = soft[band.cell(i - a, j - b)] + cost;
                    }
                }
                soft[cell] = soft_min(&paths, t);
            }
        }
        let mut after = vec![f64::INFINITY; band.cells()];
        let end = band.cells() - 1;
        after[end] = 0.0;
        for i in (0..=n).rev() {
            for j in (band.lo(i)..=band.hi(i)).rev() {
                let cell = band.cell(i, j);
                if cell == end {
                    continue;
                }
                let mut paths = [f64::INFINITY; SHAPES.len()];
                for (shape, &(a, b)) in SHAPES.iter().enumerate() {
                    if i + a > n {
                        continue;
                    }
                    let Some(to) = band.index(i + a, j + b) else {
                        continue;
                    };
                    let cost = costs.row(band, i + a).cost(j + b, shape);
                    paths[shape] = f64::from(cost) + after[to];
                }
                after[cell] = soft_min(&paths, t);
            }
        }
        (soft, after)
    }

    #[test]
    fn soft_minima_of_kept_cells_are_those_of_the_full_tables() {
        // Long enough for a band (more than one chunk of rows, with
        // omissions), and the full table of a short pair.
        for (rows, dropped) in [(700, 13), (40, 5)] {
            let en = numbered(rows, &["alpha", "beta"]);
            let lines: Vec<String> = (0..rows)
                .filter(|k| k % dropped != 3)
                .map(|k| format!("альфа {k} {}", "x".repeat(k * 7 % 40)))
                .collect();
            let ru = presplit(&lines.join("\n"));
            let keys = lexical::link(&en, &ru, Lexicon::builtin(), None).unwrap();
            let (en, ru) = (units(&en, Lang::En), units(&ru, Lang::Ru));
            let options = AlignOptions::default();
            let band = band_of(&bands(&en, &ru, &keys, &options, Pass::Fine).unwrap());
            let model = CostModel::new(&en, &ru, &options, &keys);
            let costs = costs(&band, &model, &keys, None);
            let (soft, after) = full_tables(&band, &costs, 1.0);
            // Every cell, and every third one.
            for step in [1, 3] {
                let wanted: Vec<u32> = (0..band.cells() as u32).step_by(step).collect();
                let kept = |table: &[f64]| {
                    wanted
                        .iter()
                        .map(|&c| table[c as usize])
                        .collect::<Vec<_>>()
                };
                let forward = soft_forward(&band, &costs, 1.0, &wanted, Vec::new());
                let backward = soft_backward(&band, &costs, 1.0, &wanted, Vec::new());
                assert_eq!(
                    (forward.len(), backward.len()),
                    (wanted.len(), wanted.len())
                );
                assert!(
                    forward
                        .iter()
                        .zip(kept(&soft))
                        .all(|(x, y)| x.to_bits() == y.to_bits())
                );
                assert!(
                    backward
                        .iter()
                        .zip(kept(&after))
                        .all(|(x, y)| x.to_bits() == y.to_bits())
                );
            }
        }
    }

    #[test]
    fn a_widened_band_keeps_the_costs_it_had_and_works_out_the_same_new_ones() {
        let en = numbered(900, &["alpha", "beta"]);
        let lines: Vec<String> = (0..900)
            .filter(|k| k % 11 != 3)
            .map(|k| format!("альфа {k} {}", "x".repeat(k * 7 % 40)))
            .collect();
        let ru = presplit(&lines.join("\n"));
        let keys = lexical::link(&en, &ru, Lexicon::builtin(), None).unwrap();
        let (en, ru) = (units(&en, Lang::En), units(&ru, Lang::Ru));
        let options = AlignOptions::default();
        let model = CostModel::new(&en, &ru, &options, &keys);
        let narrow = bands(&en, &ru, &keys, &options, Pass::Fine).unwrap();
        // Widened in some rows only, as `widen` does along an edge.
        let mut wide = narrow.clone();
        for row in &mut wide[300..420] {
            *row = (
                row.0.saturating_sub(WIDEN_COLUMNS),
                (row.1 + WIDEN_COLUMNS).min(ru.len()),
            );
        }
        connect(&mut wide, ru.len());
        let (narrow, wide) = (band_of(&narrow), band_of(&wide));
        assert!(wide.cells() > narrow.cells());
        let before = costs(&narrow, &model, &keys, None);
        let fresh = costs(&wide, &model, &keys, None);
        let reused = costs(&wide, &model, &keys, Some((narrow, before)));
        let bits = |c: &Costs| {
            c.chunks
                .iter()
                .flatten()
                .flat_map(|cell| cell.map(f16::to_bits))
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(&fresh), bits(&reused));
    }

    /// A pair of 700 English sentences and the Russian ones less every
    /// 13th, in paragraphs of one sentence: a band of several chunks of rows
    /// with omissions in it. Its units and keys.
    fn units_with_omissions() -> (Vec<Unit>, Vec<Unit>, Keys) {
        let en = numbered(700, &["alpha", "beta"]);
        let lines: Vec<String> = (0..700)
            .filter(|k| k % 13 != 5)
            .map(|k| format!("альфа {k} {}", "x".repeat(k * 5 % 30)))
            .collect();
        let ru = presplit(&lines.join("\n\n"));
        let keys = lexical::link(&en, &ru, Lexicon::builtin(), None).unwrap();
        (units(&en, Lang::En), units(&ru, Lang::Ru), keys)
    }

    #[test]
    fn two_sided_beads_cost_what_the_model_says_to_half_precision() {
        let (en, ru, keys) = units_with_omissions();
        let options = AlignOptions::default();
        let model = CostModel::new(&en, &ru, &options, &keys);
        let band = band_of(&bands(&en, &ru, &keys, &options, Pass::Fine).unwrap());
        let mut costs = costs(&band, &model, &keys, None);
        // The priors' shift of one shape, which is added as a cost is read.
        let mut by = [0.0; SHAPES.len()];
        let two_one = SHAPES.iter().position(|&shape| shape == (2, 1));
        by[two_one.expect("2-1 is a shape")] = 0.75;
        costs.shift(&by);
        let mut checked = 0;
        for i in 0..=band.n() {
            let row = costs.row(&band, i);
            for j in band.lo(i)..=band.hi(i) {
                for (shape, &(a, b)) in SHAPES.iter().enumerate() {
                    if a == 0 || b == 0 || a > i || b > j || band.index(i - a, j - b).is_none() {
                        continue;
                    }
                    let common = || omission::shared_weight(&keys, &(i - a..i), &(j - b..j));
                    let unshifted = model.cost(i, j, shape, common);
                    let exact = unshifted + by[shape];
                    let stored = f64::from(row.cost(j, shape));
                    // Half precision keeps 11 significant bits of the cost
                    // as computed (within 2^-11 of it); the shift is added
                    // as it is read, in single precision.
                    let room = unshifted.abs() / 2048.0 + 1e-6;
                    assert!(
                        (stored - exact).abs() <= room,
                        "{i} {j} {shape}: {stored} {exact}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1_000, "only {checked} costs checked");
    }

    #[test]
    fn one_sided_beads_cost_what_the_model_says_in_every_cell() {
        // The table keeps a 1-0 and a 0-1 bead's cost once, not per cell:
        // right only while the model prices them by their shape alone.
        let (en, ru, keys) = units_with_omissions();
        let options = AlignOptions::default();
        let model = CostModel::new(&en, &ru, &options, &keys);
        let band = band_of(&bands(&en, &ru, &keys, &options, Pass::Fine).unwrap());
        let costs = costs(&band, &model, &keys, None);
        for i in 0..=band.n() {
            let row = costs.row(&band, i);
            for j in band.lo(i)..=band.hi(i) {
                for shape in [ENGLISH_ALONE, RUSSIAN_ALONE] {
                    let (a, b) = SHAPES[shape];
                    let inside = a <= i && b <= j && band.index(i - a, j - b).is_some();
                    let expected = match inside {
                        true => model.cost(i, j, shape, || unreachable!()) as f32,
                        false => f32::INFINITY,
                    };
                    assert_eq!(row.cost(j, shape).to_bits(), expected.to_bits(), "{i} {j}");
                }
            }
        }
    }

    #[test]
    fn long_pair_with_a_missing_tail_leaves_the_tail_unaligned() {
        let en = numbered(2_000, &["alpha"]);
        let ru = numbered(1_000, &["альфа"]);
        let beads = align(&en, &ru, &AlignOptions::default(), None).unwrap();
        let linked: usize = beads.iter().filter(|b| b.is_link()).count();
        assert!(linked >= 990, "only {linked} links");
        assert!(
            beads
                .iter()
                .filter(|b| b.en.start >= 1_010)
                .all(|b| b.ru.is_empty())
        );
    }

    #[test]
    fn long_pair_with_a_dropped_section_and_scattered_omissions_aligns_around_them() {
        // 3,000 numbered sentences; the Russian side lacks 60 in a row from
        // 1,200 (more than the band's slack) and every 37th elsewhere.
        let en = numbered(3_000, &["alpha", "beta"]);
        let kept: Vec<usize> = (0..3_000)
            .filter(|k| !(1_200..1_260).contains(k) && k % 37 != 5)
            .collect();
        let lines: Vec<String> = kept
            .iter()
            .map(|&k| {
                format!(
                    "{} {k} {}",
                    ["альфа", "бета"][k % 2],
                    "x".repeat(k * 7 % 40)
                )
            })
            .collect();
        let ru = presplit(&lines.join("\n"));
        let beads = align(&en, &ru, &AlignOptions::default(), None).unwrap();
        let mut linked = 0;
        for bead in beads.iter().filter(|b| b.is_link()) {
            assert_eq!((bead.en.len(), bead.ru.len()), (1, 1), "{bead:?}");
            assert_eq!(kept[bead.ru.start], bead.en.start, "{bead:?}");
            linked += 1;
        }
        assert!(
            linked >= kept.len() - 10,
            "{linked} of {} linked",
            kept.len()
        );
    }

    #[test]
    fn long_pair_whose_english_splits_into_more_sentences_stays_on_the_diagonal() {
        // 3,000 verses. Each Russian verse is one sentence; every second
        // English verse is two, so the English side has half as many
        // sentences again, as a raw text does whose sides split
        // differently. Only every 100th verse holds a number to anchor it,
        // and the Russian verses vary in length on their own. (With blocks
        // of 8 sentences on both sides, the coarse pass slipped by dozens
        // of verses here.)
        let verses = 3_000;
        let words = |k: usize, n: usize, vocabulary: &[&str]| -> String {
            (0..n)
                .map(|w| vocabulary[(k * 31 + w * 7) % vocabulary.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        let size = |k: usize| 6 + (k * 13) % 23;
        let anchor = |k: usize| {
            if k.is_multiple_of(100) {
                format!(" {k}")
            } else {
                String::new()
            }
        };
        let english = ["and", "the", "he", "said", "unto", "them", "land", "went"];
        let russian = ["и", "он", "сказал", "им", "земля", "пошёл", "к"];
        let mut en_lines = Vec::new();
        let mut verse_of = Vec::new();
        for k in 0..verses {
            let n = size(k);
            if k.is_multiple_of(2) {
                en_lines.push(format!("{}{}.", words(k, n / 2, &english), anchor(k)));
                en_lines.push(format!("{}.", words(k + 1, n - n / 2, &english)));
                verse_of.extend([k, k]);
            } else {
                en_lines.push(format!("{}{}.", words(k, n, &english), anchor(k)));
                verse_of.push(k);
            }
        }
        let ru_lines: Vec<String> = (0..verses)
            .map(|k| {
                format!(
                    "{}{}.",
                    words(k, size(k) + (k * 17) % 8, &russian),
                    anchor(k)
                )
            })
            .collect();
        let (en, ru) = (
            presplit(&en_lines.join("\n")),
            presplit(&ru_lines.join("\n")),
        );
        let beads = align(&en, &ru, &AlignOptions::default(), None).unwrap();
        let off = beads
            .iter()
            .filter(|b| b.is_link())
            .filter(|b| verse_of[b.en.start].abs_diff(b.ru.start) > 5)
            .count();
        assert!(off < verses / 100, "{off} beads off the diagonal");
    }
}
