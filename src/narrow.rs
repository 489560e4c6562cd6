//! Large arrays of small numbers, held in two bytes a number while every
//! number fits in two.
//!
//! A book's key lists, anchors and per-sentence counts hold millions of
//! values whose numbers (key ids, token positions, counts) nearly always fit
//! in `u16`. [`Narrowing`] keeps them in the small form and widens the whole
//! array, once, at the first value that does not fit, so a rare large value
//! costs room, never a wrong answer.

/// A value with a two-byte form for the common case.
pub(crate) trait Narrow: Copy {
    /// The value in two bytes a number.
    type Small: Copy;

    /// The small form, or `None` when the value does not fit in it.
    fn narrow(self) -> Option<Self::Small>;

    /// The value a small form stands for.
    fn widen(small: Self::Small) -> Self;
}

impl Narrow for u32 {
    type Small = u16;

    fn narrow(self) -> Option<u16> {
        u16::try_from(self).ok()
    }

    fn widen(small: u16) -> u32 {
        u32::from(small)
    }
}

impl Narrow for [u32; 2] {
    type Small = [u16; 2];

    fn narrow(self) -> Option<[u16; 2]> {
        let [a, b] = self.map(u16::try_from);
        Some([a.ok()?, b.ok()?])
    }

    fn widen(small: [u16; 2]) -> [u32; 2] {
        small.map(u32::from)
    }
}

/// An array of `T`s in their small form while every one pushed fits in it,
/// in full from the first that does not.
#[derive(Debug, Clone)]
pub(crate) enum Narrowing<T: Narrow> {
    Narrow(Vec<T::Small>),
    Wide(Vec<T>),
}

impl<T: Narrow> Default for Narrowing<T> {
    fn default() -> Narrowing<T> {
        Narrowing::Narrow(Vec::new())
    }
}

impl<T: Narrow> Narrowing<T> {
    /// An empty array with room for `n` small values.
    pub(crate) fn with_capacity(n: usize) -> Narrowing<T> {
        Narrowing::Narrow(Vec::with_capacity(n))
    }

    pub(crate) fn push(&mut self, value: T) {
        match self {
            Narrowing::Narrow(all) => match value.narrow() {
                Some(small) => all.push(small),
                None => {
                    let mut wide = Vec::with_capacity(all.capacity().max(all.len() + 1));
                    wide.extend(all.iter().map(|&small| T::widen(small)));
                    wide.push(value);
                    *self = Narrowing::Wide(wide);
                }
            },
            Narrowing::Wide(all) => all.push(value),
        }
    }

    /// Value `at`.
    pub(crate) fn get(&self, at: usize) -> T {
        match self {
            Narrowing::Narrow(all) => T::widen(all[at]),
            Narrowing::Wide(all) => all[at],
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Narrowing::Narrow(all) => all.len(),
            Narrowing::Wide(all) => all.len(),
        }
    }

    /// Room for `additional` more values, growing by a quarter at least
    /// (not doubling, as a `Vec` does of itself: the largest of these
    /// arrays is a book's anchors, and all the doubled room may be spare).
    pub(crate) fn reserve(&mut self, additional: usize) {
        fn grow<V>(all: &mut Vec<V>, additional: usize) {
            if all.capacity() - all.len() < additional {
                all.reserve_exact(additional.max(all.len() / 4));
            }
        }
        match self {
            Narrowing::Narrow(all) => grow(all, additional),
            Narrowing::Wide(all) => grow(all, additional),
        }
    }

    /// Makes value `at` a copy of value `from` (which fits wherever it is
    /// stored).
    pub(crate) fn copy_within(&mut self, from: usize, at: usize) {
        match self {
            Narrowing::Narrow(all) => all[at] = all[from],
            Narrowing::Wide(all) => all[at] = all[from],
        }
    }

    /// Keeps the first `len` values.
    pub(crate) fn truncate(&mut self, len: usize) {
        match self {
            Narrowing::Narrow(all) => all.truncate(len),
            Narrowing::Wide(all) => all.truncate(len),
        }
    }

    /// Frees the room kept for growth.
    pub(crate) fn shrink_to_fit(&mut self) {
        match self {
            Narrowing::Narrow(all) => all.shrink_to_fit(),
            Narrowing::Wide(all) => all.shrink_to_fit(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widens_at_the_first_number_beyond_two_bytes_and_keeps_the_others() {
        let mut store = Narrowing::<u32>::default();
        for (k, id) in [7, 65_535, 65_536, 3].into_iter().enumerate() {
            store.push(id);
            assert_eq!(matches!(store, Narrowing::Wide(_)), k >= 2, "after {k}");
        }
        let read: Vec<u32> = (0..store.len()).map(|k| store.get(k)).collect();
        assert_eq!(read, [7, 65_535, 65_536, 3]);
    }

    #[test]
    fn pairs_widen_when_either_number_is_beyond_two_bytes() {
        for beyond in [[70_000, 2], [2, 70_000]] {
            let mut counts = Narrowing::<[u32; 2]>::default();
            let all = [[3, 1], beyond, [4, 4]];
            for (k, &pair) in all.iter().enumerate() {
                counts.push(pair);
                assert_eq!(matches!(counts, Narrowing::Wide(_)), k >= 1, "after {k}");
            }
            let read: Vec<[u32; 2]> = (0..counts.len()).map(|k| counts.get(k)).collect();
            assert_eq!(read, all);
        }
    }
}
