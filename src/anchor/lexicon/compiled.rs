//! The built-in dictionary as the build script lays it out.
//!
//! Each table is a perfect-hash map (the hash and displacements of [`phf`],
//! computed by `phf_generator` in `build.rs`) from a stem to its run of
//! concept ids, stored as plain arrays of numbers and one string of keys.
//! Nothing in it is a pointer per entry, so the loader has nothing to
//! relocate at start: a `phf::Map` of the same 12,000 entries made 25,000
//! relocations and 100 page faults, a fifth of a millisecond of every run.

/// A static map from strings to runs of `u32`, laid out by `build.rs`.
#[derive(Debug)]
pub(super) struct IdMap {
    /// The hash key ([`phf_shared::hash`]).
    pub(super) key: u64,
    /// Displacements ([`phf_shared::get_index`]).
    pub(super) disps: &'static [(u32, u32)],
    /// Every slot's key, one after the other, in slot order.
    pub(super) keys: &'static str,
    /// Slot `i`'s key is `keys[key_ends[i - 1]..key_ends[i]]` (from 0 for slot 0).
    pub(super) key_ends: &'static [u32],
    /// Slot `i`'s ids are `ids[id_ends[i - 1]..id_ends[i]]` (from 0 for slot 0).
    pub(super) id_ends: &'static [u32],
    /// Every slot's ids, one run after the other, in slot order.
    pub(super) ids: &'static [u32],
}

impl IdMap {
    /// The ids of `key`, if it is in the map.
    pub(super) fn get(&self, key: &str) -> Option<&'static [u32]> {
        if self.key_ends.is_empty() {
            return None;
        }
        let hashes = phf_shared::hash(key, &self.key);
        let slot = phf_shared::get_index(&hashes, self.disps, self.key_ends.len()) as usize;
        (self.key(slot) == key).then(|| self.ids_of(slot))
    }

    /// Number of keys.
    pub(super) fn len(&self) -> usize {
        self.key_ends.len()
    }

    /// Every key with its ids, in slot order.
    pub(super) fn entries(&self) -> impl Iterator<Item = (&'static str, &'static [u32])> + '_ {
        (0..self.len()).map(|slot| (self.key(slot), self.ids_of(slot)))
    }

    fn key(&self, slot: usize) -> &'static str {
        &self.keys[run(self.key_ends, slot)]
    }

    fn ids_of(&self, slot: usize) -> &'static [u32] {
        &self.ids[run(self.id_ends, slot)]
    }
}

/// The range of run `slot` in an array of run ends.
fn run(ends: &[u32], slot: usize) -> std::ops::Range<usize> {
    let start = slot.checked_sub(1).map_or(0, |i| ends[i] as usize);
    start..ends[slot] as usize
}

/// The built-in dictionary: the same four tables as
/// [`super::tables::Tables`], keyed by stem, with the concept ids of each.
#[derive(Debug)]
pub(super) struct Compiled {
    pub(super) en: IdMap,
    pub(super) ru: IdMap,
    pub(super) en_prefix: IdMap,
    pub(super) ru_prefix: IdMap,
    pub(super) concepts: u32,
}

// `pub(super) static BUILTIN: Compiled`, written by build.rs from data/lexicon-en-ru.tsv.
include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
