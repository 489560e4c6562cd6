//! The cost of a bead: how unlikely it is, as `-ln` of a probability.

use super::AlignOptions;
use super::length::{Scaled, TabulatedLength};
use super::lexical::Keys;
use super::shape::SHAPES;
use crate::Lang;
use crate::anchor::dialogue::{self, Tally, Trust, Turn};

/// Prior probability of each bead shape, in the order of `shape::SHAPES`.
// Gale & Church (1993, table 5) give 1-1 .89, 1-0/0-1 .0099, 2-1/1-2 .089,
// 2-2 .011; the 3-1/1-3 shares and the higher omission shares follow the bead
// counts of real statement pairs, where translators drop and merge more.
pub(super) const PRIORS: [f64; 8] = [0.85, 0.02, 0.02, 0.04, 0.04, 0.005, 0.005, 0.005];

/// Prior probability of a bead larger than every shape of `SHAPES` (4-1,
/// 3-2, ...), which only the omission pass makes (see `omission.rs`): a
/// fifth of a 3-1's.
const LARGER_PRIOR: f64 = 0.001;

/// The cost of a bead of `a` English and `b` Russian sentences under the
/// fixed priors moved by `shift` (see `priors.rs`). A shape larger than
/// those of `SHAPES` moves with the nearest one (3-1, 1-3 or 2-2).
pub(super) fn prior_cost(a: usize, b: usize, shift: &[f64; SHAPES.len()]) -> f64 {
    match SHAPES.iter().position(|&s| s == (a, b)) {
        Some(s) => -PRIORS[s].ln() + shift[s],
        None => {
            let nearest = match a.cmp(&b) {
                std::cmp::Ordering::Greater => (3, 1),
                std::cmp::Ordering::Less => (1, 3),
                std::cmp::Ordering::Equal => (2, 2),
            };
            let s = SHAPES.iter().position(|&s| s == nearest).unwrap_or(0);
            -LARGER_PRIOR.ln() + shift[s]
        }
    }
}

/// How far the document's own length ratio is trusted over the fitted one
/// (a weight in sentences: short documents lean on the fitted ratio).
const RATIO_PRIOR_WEIGHT: f64 = 5.0;
/// The document ratio stays within these factors of the fitted one.
pub(super) const RATIO_CLAMP: (f64, f64) = (0.85, 1.3);

/// What the cost model needs of one sentence (or one block of sentences in
/// the aligner's coarse pass).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// Non-whitespace characters. In `u32`, as the paragraph, to keep a
    /// unit small (a book pair has hundreds of thousands): see
    /// [`Unit::small`].
    pub length: u32,
    /// Paragraph number.
    pub paragraph: u32,
    /// Dialogue marks (the default, no marks, for blocks of sentences).
    pub turn: Turn,
    /// Page chrome (a menu, a language switch: see [`crate::chrome`]),
    /// which is paired only with chrome.
    pub chrome: bool,
    /// A translator's note in square brackets (see
    /// [`super::omission::notes`]): never left unaligned on its own.
    pub note: bool,
}

impl Unit {
    /// `n` in a unit's `u32` field. Saturates past 4 G, which only a text
    /// of more than 4 G characters (or paragraphs) reaches: its costs then
    /// see lengths of 4 G, which is all the length model tells apart anyway.
    pub fn small(n: usize) -> u32 {
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// Its length as the cost model counts it.
    pub fn length(&self) -> usize {
        self.length as usize
    }
}

/// The cost of a bead that pairs page chrome with text: no such bead is
/// ever the best (a finite cost keeps the forward–backward sums finite).
pub(super) const CHROME_WITH_TEXT: f64 = 1e4;

/// Precomputed per-document data for bead costs.
pub struct CostModel<'a> {
    options: &'a AlignOptions,
    en: &'a [Unit],
    ru: &'a [Unit],
    ratio: f64,
    prior_costs: [f64; SHAPES.len()],
    keys: &'a Keys,
    length: TabulatedLength,
    dialogue: Trust,
}

impl<'a> CostModel<'a> {
    /// Prepares the costs of one document pair with its anchor keys.
    pub fn new(en: &'a [Unit], ru: &'a [Unit], options: &'a AlignOptions, keys: &'a Keys) -> Self {
        let (total_en, total_ru) = (total_length(en) as f64, total_length(ru) as f64);
        let fitted = options.length.ratio;
        let ratio = if total_en > 0.0 && total_ru > 0.0 {
            // Blend the document's ratio with the fitted one, in log space.
            let w = en.len().min(ru.len()) as f64
                / (en.len().min(ru.len()) as f64 + RATIO_PRIOR_WEIGHT);
            let blended = ((1.0 - w) * fitted.ln() + w * (total_ru / total_en).ln()).exp();
            // One text may be cut short (a scraped excerpt, a dropped
            // section): never let that bend the ratio beyond what real
            // translations show (0.87 to 1.15 per dev set).
            blended.clamp(fitted * RATIO_CLAMP.0, fitted * RATIO_CLAMP.1)
        } else {
            fitted
        };
        CostModel {
            options,
            en,
            ru,
            ratio,
            prior_costs: PRIORS.map(|p: f64| -p.ln()),
            keys,
            length: TabulatedLength::new(options.length),
            dialogue: Trust::of(&turns(en), &turns(ru)),
        }
    }

    /// The cost of the bead `en[i - a..i]` ~ `ru[j - b..j]`, where
    /// `(a, b) = SHAPES[shape]`. `common` gives the key weight the two sides
    /// share; it is called only for a bead with keys (callers iterate over
    /// the shapes and rows, so they pass the shape's index and look the keys
    /// up the way that suits their loop).
    pub fn cost(&self, i: usize, j: usize, shape: usize, common: impl FnOnce() -> f64) -> f64 {
        let (a, b) = SHAPES[shape];
        self.cost_of(i, a, j, b, self.prior_costs[shape], common)
    }

    /// The cost of a link `en[i - a..i]` ~ `ru[j - b..j]` of any size, the
    /// shapes of [`SHAPES`] and larger ones, whose shape costs `prior`.
    pub fn link_cost(
        &self,
        (i, a): (usize, usize),
        (j, b): (usize, usize),
        prior: f64,
        common: impl FnOnce() -> f64,
    ) -> f64 {
        self.cost_of(i, a, j, b, prior, common)
    }

    fn cost_of(
        &self,
        i: usize,
        a: usize,
        j: usize,
        b: usize,
        prior: f64,
        common: impl FnOnce() -> f64,
    ) -> f64 {
        if a == 0 || b == 0 {
            // The same wherever the bead is: dp.rs keeps it once per shape.
            return prior + self.options.omission_cost;
        }
        let (en, ru) = (self.run(Lang::En, i, a), self.run(Lang::Ru, j, b));
        self.cost_of_runs(&en, &ru, prior, common)
    }

    /// What the cost of a bead needs of the `len` sentences of side `lang`
    /// that end at `end` (`len` at least 1). The aligner works them out
    /// once per run for the many beads the run is a side of.
    pub fn run(&self, lang: Lang, end: usize, len: usize) -> Run {
        let units = match lang {
            Lang::En => &self.en[end - len..end],
            Lang::Ru => &self.ru[end - len..end],
        };
        Run {
            sentences: len,
            // Summed here, not kept as prefix sums: a run is a few units,
            // and a book's prefix sums were 4 MB beside the bead costs.
            length: {
                let length = total_length(units) as f64;
                match lang {
                    Lang::En => Scaled::en(self.ratio, length),
                    Lang::Ru => Scaled::ru(self.ratio, length),
                }
            },
            chrome: units.iter().filter(|u| u.chrome).count(),
            crosses_paragraph: crosses_paragraph(units),
            tally: dialogue::tally(units.iter().map(|u| u.turn)),
            total: self.keys.run_total(lang, end, len),
        }
    }

    /// The cost of the bead `en` ~ `ru` (two runs of [`CostModel::run`]) of
    /// the shape `shape`; `common` as for [`CostModel::cost`].
    pub fn cost_of_shape(
        &self,
        en: &Run,
        ru: &Run,
        shape: usize,
        common: impl FnOnce() -> f64,
    ) -> f64 {
        self.cost_of_runs(en, ru, self.prior_costs[shape], common)
    }

    fn cost_of_runs(&self, en: &Run, ru: &Run, prior: f64, common: impl FnOnce() -> f64) -> f64 {
        let (a, b) = (en.sentences, ru.sentences);
        let mut cost = prior;
        let (en_chrome, ru_chrome) = (en.chrome, ru.chrome);
        if (en_chrome > 0 || ru_chrome > 0) && (en_chrome < a || ru_chrome < b) {
            return CHROME_WITH_TEXT;
        }
        cost += self.length.cost_of_scaled(en.length, ru.length);
        if en.crosses_paragraph || ru.crosses_paragraph {
            cost += self.options.paragraph_cost;
        }
        if self.options.dialogue_weight != 0.0 {
            let odds = dialogue::tallies_log_odds(&en.tally, &ru.tally, self.dialogue);
            cost -= self.options.dialogue_weight * odds;
        }
        let total = en.total + ru.total;
        let matched = if total > 0.0 { common() } else { 0.0 };
        // The log-likelihood ratio of the anchor overlap, true pair against
        // random pair, is close to linear in the Dice share of matched key
        // weight (measured on the 1-1 gold beads of the dev data: from -2.8
        // at no overlap to +6 at 0.8). The reward counts once per bead, or
        // pooling two beads into one 2-2 would gain from chance matches
        // across them; the offset counts per sentence pair, or pooling two
        // beads with little evidence would save one offset.
        let size = (a + b) as f64 / 2.0;
        let evidence = if total > 0.0 {
            self.options.match_reward * matched / total - self.options.mismatch_cost * size
        } else {
            -self.options.no_anchor_cost * size
        };
        cost - evidence
    }
}

/// What a bead's cost needs of one of its sides: a run of consecutive
/// sentences (see [`CostModel::run`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Run {
    /// How many sentences.
    sentences: usize,
    /// Their non-whitespace characters, and what they stand for on the
    /// other side.
    length: Scaled,
    /// How many of them are page chrome.
    chrome: usize,
    /// They are not all of one paragraph.
    crosses_paragraph: bool,
    /// Their dialogue marks.
    tally: Tally,
    /// Their anchor weight.
    total: f64,
}

/// Non-whitespace characters in `units`.
fn total_length(units: &[Unit]) -> usize {
    units.iter().map(Unit::length).sum()
}

fn turns(units: &[Unit]) -> Vec<Turn> {
    units.iter().map(|u| u.turn).collect()
}

fn crosses_paragraph(units: &[Unit]) -> bool {
    units.windows(2).any(|w| w[0].paragraph != w[1].paragraph)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_takes_16_bytes() {
        // One per sentence on each side (a book pair has hundreds of
        // thousands), beside the bead costs of the band.
        assert!(std::mem::size_of::<Unit>() <= 16);
    }

    #[test]
    fn unit_lengths_saturate_instead_of_wrapping() {
        assert_eq!(Unit::small(7), 7);
        assert_eq!(Unit::small(usize::MAX), u32::MAX);
    }
}
