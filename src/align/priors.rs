//! Bead shape priors that adapt to the document.
//!
//! How often a translator merges or drops sentences depends on the text: a
//! news translator keeps nearly every sentence 1-1, a novel's translator
//! merges two English lines into one Russian one in one bead of eight. One
//! step of hard EM (Viterbi training) learns the document's own shares: the
//! shapes of the first pass's best path are counted, blended with the fixed
//! priors, and the document is aligned again under the blended priors. A
//! short document keeps close to the fixed priors; a long one follows its
//! own counts.

use super::cost::PRIORS;
use super::shape::SHAPES;

/// Weight of the fixed priors in the blend, in beads: a document of a
/// hundred beads moves its priors halfway to its own counts.
const PSEUDO_BEADS: f64 = 100.0;

/// The change of each shape's cost (`-ln` of its prior, in the order of
/// [`SHAPES`]) from the fixed priors to the ones re-estimated from `shapes`,
/// the shape indices of the first pass's path.
pub fn shift(shapes: impl IntoIterator<Item = usize>) -> [f64; SHAPES.len()] {
    let mut counts = [0.0; SHAPES.len()];
    for shape in shapes {
        counts[shape] += 1.0;
    }
    let n: f64 = counts.iter().sum();
    std::array::from_fn(|s| {
        let adapted = (counts[s] + PSEUDO_BEADS * PRIORS[s]) / (n + PSEUDO_BEADS);
        PRIORS[s].ln() - adapted.ln()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_document_keeps_close_to_the_fixed_priors() {
        // Ten 1-1 beads: every cost moves by less than 0.1.
        assert!(shift([0; 10]).iter().all(|d| d.abs() < 0.1));
    }

    #[test]
    fn a_long_document_of_merges_makes_merges_cheaper_and_omissions_dearer() {
        // 8,000 beads, one in eight 2-1 and no omission.
        let shapes = (0..8_000).map(|k| if k % 8 == 0 { 3 } else { 0 });
        let d = shift(shapes);
        assert!(d[3] < -0.9, "2-1 cost moves by {}", d[3]);
        assert!(d[1] > 3.0 && d[2] > 3.0, "omissions: {d:?}");
    }

    #[test]
    fn an_empty_document_changes_nothing() {
        assert!(shift([]).iter().all(|d| d.abs() < 1e-12));
    }
}
