//! Bead shapes: how many English and Russian sentences a bead may hold.
//! Defined once here; the costs (`cost.rs`, whose priors follow this
//! order), the dynamic programme (`dp.rs`) and the run keys (`lexical.rs`)
//! all take them from this file.

/// Bead shapes the aligner considers: (English sentences, Russian sentences).
/// The order is the order of `cost::PRIORS` and of every per-shape array.
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

/// Longest run of sentences on one side of a bead (3 for 3-1 and 1-3).
pub const MAX_RUN: usize = max_run(&SHAPES);

const fn max_run(shapes: &[(usize, usize)]) -> usize {
    let mut longest = 0;
    let mut k = 0;
    while k < shapes.len() {
        let (en, ru) = shapes[k];
        if en > longest {
            longest = en;
        }
        if ru > longest {
            longest = ru;
        }
        k += 1;
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_run_is_that_of_3_1_and_1_3() {
        assert_eq!(MAX_RUN, 3);
    }
}
