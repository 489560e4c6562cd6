//! What anchor extraction gives the aligner: per sentence, the [`Anchor`]s of
//! its content tokens, and the capitalised words that may be names.
//!
//! An *anchor* is a reason to believe a token has a counterpart in the
//! translation: a dictionary concept, a transliteration key, a number, a
//! month, a fixed equivalent. Each is an [`AnchorKey`], equal on both sides
//! when the two tokens match (`Lavrov` and `Лаврова` share a transliteration
//! key; `15%` and `15 %` a number key), tied to the token it was found on.

use std::hash::{DefaultHasher, Hash, Hasher};

/// One anchor's identity: a hash of its kind and value (a lexicon concept
/// id, a transliteration key, an exact number, ...). Two tokens of the two
/// languages match when they have a key in common; the kind is part of the
/// hash, so a number never matches a month or a concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnchorKey(u64);

impl AnchorKey {
    /// The key of `value` (hashed with the standard library's
    /// `DefaultHasher`, so keys are the same in every run).
    pub(crate) fn of(value: impl Hash) -> AnchorKey {
        let mut h = DefaultHasher::new();
        value.hash(&mut h);
        AnchorKey(h.finish())
    }
}

/// The index of a content token (a token that is not a stopword) in its
/// sentence, counting content tokens only, from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TokenIx(pub u32);

impl TokenIx {
    /// The index as a `usize`, to index per-token arrays.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One anchor of a sentence: a key and the content token it was found on. A
/// token may have several (a word in two lexicon entries, a word inside a
/// number); a key spanning several tokens (`30 billion`) is an anchor of
/// each. A sentence's anchors are kept sorted (by key, then token) and
/// without repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Anchor {
    /// What the token can be matched by.
    pub key: AnchorKey,
    /// The token it belongs to.
    pub token: TokenIx,
}

/// A content token written with a capital and no digit: a word that may be a
/// name, which the aligner may link to a similar name on the other side
/// when no anchor key matched it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capitalised {
    /// The token.
    pub token: TokenIx,
    /// The word, normalised (lowercased, `ё` as `е`).
    pub word: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_sort_by_key_then_token() {
        // The linker counts a key once per sentence by finding its anchors
        // side by side, and the overlap merges two lists by key: both need
        // this order.
        let anchor = |key, token| Anchor {
            key: AnchorKey(key),
            token: TokenIx(token),
        };
        let mut anchors = vec![anchor(2, 0), anchor(1, 5), anchor(1, 3)];
        anchors.sort_unstable();
        assert_eq!(anchors, [anchor(1, 3), anchor(1, 5), anchor(2, 0)]);
    }
}
