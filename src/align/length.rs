//! The Gale–Church length model: translated sentences have proportional lengths.
//!
//! Gale & Church (1993) model the length `l2` of a translation of a text of
//! length `l1` as normally distributed with mean `c * l1` and variance
//! `s2 * l1`. sverka counts lengths in non-whitespace characters (not bytes:
//! Cyrillic takes two bytes a letter in UTF-8) and uses the mean of both sides
//! as the variance base, so that one very short side does not blow up `delta`.

use std::sync::Mutex;

/// How much wider the outlier component of the length model is.
const OUTLIER_WIDTH: f64 = 3.0;

/// Mean ratio and variance of Russian length given English length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthModel {
    /// Expected Russian characters per English character (`c`).
    pub ratio: f64,
    /// Variance of the Russian length per English character (`s2`).
    pub variance: f64,
    /// Share of beads whose lengths follow a three times wider distribution
    /// (a translator added or left out a clause).
    pub outlier_share: f64,
}

impl LengthModel {
    /// Fitted on the 1-1 gold beads of `shared/eval/align/dev` (11,136 beads,
    /// non-whitespace characters) by `tools/calibrate.rs`: the ratio is the
    /// pooled sum of Russian over English lengths (0.932; it ranges from 0.87 on
    /// the Bible to 1.15 on WMT news, so the aligner blends it with each
    /// document's own ratio), the variance is the mean of `(l2 - c l1)^2 / l1`
    /// with `c` the document's own ratio (2.05).
    pub const EN_RU: LengthModel = LengthModel {
        ratio: 0.932,
        variance: 2.05,
        outlier_share: 0.1,
    };

    /// The cost, `-ln P(|delta| >= observed)`, of `l1` English characters
    /// translated by `l2` Russian characters when the expected ratio is `ratio`.
    pub fn cost(&self, ratio: f64, l1: usize, l2: usize) -> f64 {
        self.cost_of_delta(self.delta(ratio, l1, l2))
    }

    /// The standardised deviation of `l2` from `ratio * l1`.
    pub fn delta(&self, ratio: f64, l1: usize, l2: usize) -> f64 {
        let (l1, l2) = (l1 as f64, l2 as f64);
        self.delta_of(Scaled::en(ratio, l1), Scaled::ru(ratio, l2))
    }

    /// [`LengthModel::delta`] of two lengths already scaled by the ratio:
    /// the aligner scales each run once for the many beads it is a side of.
    #[inline]
    pub fn delta_of(&self, en: Scaled, ru: Scaled) -> f64 {
        let base = ((en.length + ru.scaled) / 2.0).max(1.0);
        ((ru.length - en.scaled) / (self.variance * base).sqrt()).abs()
    }

    /// The cost of a standardised deviation `delta` (see [`LengthModel::cost`]).
    pub fn cost_of_delta(&self, delta: f64) -> f64 {
        // Translations have heavier tails than a normal distribution: mix in
        // a share of deviations three times as wide, so that an outlier costs
        // a bounded amount more instead of growing with delta squared.
        let narrow = neg_ln_two_sided_tail(delta);
        let wide = neg_ln_two_sided_tail(delta / OUTLIER_WIDTH) - self.outlier_share.ln();
        let (lo, hi) = if narrow < wide {
            (narrow, wide)
        } else {
            (wide, narrow)
        };
        lo - (-(hi - lo)).exp().ln_1p()
    }
}

/// A length and its expected counterpart on the other side, for
/// [`LengthModel::delta_of`]: English `l1` expects `ratio * l1` Russian
/// characters, Russian `l2` stands for `l2 / ratio` English ones. Worked
/// out as `delta` does, so that the costs are the same to the bit.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scaled {
    length: f64,
    scaled: f64,
}

impl Scaled {
    /// `l1` English characters.
    pub fn en(ratio: f64, l1: f64) -> Scaled {
        Scaled {
            length: l1,
            scaled: ratio * l1,
        }
    }

    /// `l2` Russian characters.
    pub fn ru(ratio: f64, l2: f64) -> Scaled {
        Scaled {
            length: l2,
            scaled: l2 / ratio,
        }
    }
}

/// [`LengthModel::cost`] with the cost of a deviation looked up in a table
/// (linear interpolation between `1 / STEPS` steps of delta, error below
/// 1e-5), instead of two tail functions with their logarithms and
/// exponentials: the aligner asks for it for every cell and bead shape.
pub struct TabulatedLength {
    model: LengthModel,
    table: &'static [f64],
}

impl TabulatedLength {
    /// Deltas tabulated; beyond it (rare: lengths many deviations apart)
    /// the cost is computed.
    const MAX: f64 = 32.0;
    const STEPS: f64 = 256.0;

    /// The table for `model`.
    pub fn new(model: LengthModel) -> TabulatedLength {
        // One table per model and process: batch runs align thousands of
        // short pairs with the same model.
        // A table is kept until the process ends (computed ones are
        // leaked), so the compiled one is used where it is, not copied.
        static TABLES: Mutex<Vec<(u64, &'static [f64])>> = Mutex::new(Vec::new());
        let id = model.outlier_share.to_bits();
        let mut tables = TABLES.lock().unwrap_or_else(|e| e.into_inner());
        let table = match tables.iter().find(|(k, _)| *k == id) {
            Some(&(_, table)) => table,
            None => {
                // The default model's table is compiled in: working it out
                // was a tenth of a one-statement run, and copying its 65 KB
                // to the heap 16 page faults.
                let table: &'static [f64] = if id == LengthModel::EN_RU.outlier_share.to_bits() {
                    &super::length_table::EN_RU
                } else {
                    Box::leak(Self::tabulate(&model).into_boxed_slice())
                };
                tables.push((id, table));
                table
            }
        };
        TabulatedLength { model, table }
    }

    /// The costs of deltas `0`, `1 / STEPS`, ... up to a step beyond `MAX`:
    /// the table of `model`, which depends on its outlier share alone.
    pub(crate) fn tabulate(model: &LengthModel) -> Vec<f64> {
        let size = (Self::MAX * Self::STEPS) as usize + 2;
        (0..size)
            .map(|k| model.cost_of_delta(k as f64 / Self::STEPS))
            .collect()
    }

    /// The same as [`LengthModel::cost`], to within 1e-5.
    pub fn cost(&self, ratio: f64, l1: usize, l2: usize) -> f64 {
        self.cost_of_delta(self.model.delta(ratio, l1, l2))
    }

    /// The same as [`TabulatedLength::cost`], of lengths already scaled
    /// (see [`Scaled`]).
    #[inline]
    pub fn cost_of_scaled(&self, en: Scaled, ru: Scaled) -> f64 {
        self.cost_of_delta(self.model.delta_of(en, ru))
    }

    /// The cost of a standardised deviation `delta`, from the table.
    #[inline]
    fn cost_of_delta(&self, delta: f64) -> f64 {
        if delta >= Self::MAX {
            return self.model.cost_of_delta(delta);
        }
        let at = delta * Self::STEPS;
        let k = at as usize;
        let frac = at - k as f64;
        self.table[k] + frac * (self.table[k + 1] - self.table[k])
    }
}

/// `-ln(2 * (1 - Phi(z)))` for `z >= 0`: the cost of a standard normal
/// deviation at least `z` in either direction. Written with the Chebyshev
/// approximation of `erfc` (Press et al., Numerical Recipes, `erfcc`, relative
/// error below 1.2e-7) in log space, so it stays finite for any `z`.
pub fn neg_ln_two_sided_tail(z: f64) -> f64 {
    let x = z / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.5 * x);
    let poly = -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    // erfc(x) = t * exp(-x^2 + poly)
    x * x - poly - t.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_cost_is_zero_at_zero_deviation() {
        assert!(neg_ln_two_sided_tail(0.0).abs() < 1e-6);
    }

    #[test]
    fn tail_cost_matches_the_normal_distribution() {
        // P(|Z| >= 1.96) = 0.05
        assert!((neg_ln_two_sided_tail(1.96) - (-(0.05f64).ln())).abs() < 1e-3);
        // Far tails stay finite and grow like z^2 / 2.
        let far = neg_ln_two_sided_tail(40.0);
        assert!(far.is_finite() && far > 790.0 && far < 810.0);
    }

    #[test]
    fn compiled_table_equals_the_computed_one() {
        let computed = TabulatedLength::tabulate(&LengthModel::EN_RU);
        let compiled = &super::super::length_table::EN_RU;
        assert_eq!(computed.len(), compiled.len());
        for (k, (a, b)) in computed.iter().zip(compiled).enumerate() {
            assert_eq!(a.to_bits(), b.to_bits(), "delta {k} / 256");
        }
    }

    #[test]
    fn tabulated_cost_agrees_with_the_computed_one() {
        let model = LengthModel::EN_RU;
        let table = TabulatedLength::new(model);
        for l1 in (1..2_000).step_by(7) {
            for l2 in (1..2_000).step_by(13) {
                let (exact, fast) = (model.cost(0.93, l1, l2), table.cost(0.93, l1, l2));
                assert!((exact - fast).abs() < 1e-5, "{l1} {l2}: {exact} vs {fast}");
            }
        }
    }

    #[test]
    fn proportional_lengths_cost_less_than_disproportionate_ones() {
        let model = LengthModel::EN_RU;
        assert!(model.cost(1.0, 100, 100) < model.cost(1.0, 100, 160));
        assert!(model.cost(1.0, 100, 100) < model.cost(1.0, 100, 40));
    }
}
