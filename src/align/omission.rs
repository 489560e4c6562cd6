//! Omission decisions with their own evidence.
//!
//! The best path of the dynamic programme leaves a sentence unaligned (a
//! 1-0 or 0-1 bead) whenever that is a little cheaper than any bead that
//! pairs it. In news with sentences deleted, the choice is clear cut: the
//! sentence has no counterpart in any alignment the model finds likely. In
//! a novel it often is not: a short line of dialogue (`'Why?`) that the
//! translator ran into the next one costs nearly the same left alone as
//! merged into its neighbour, and the best path leaves it out by a hair.
//!
//! So a one-sided bead is kept only when the model is confident the
//! sentence has no counterpart: when the posterior probability that it is
//! unaligned, summed over every place on the other side where it could be
//! left out, reaches a threshold (`AlignOptions::keep_omissions_from`).
//! A short sentence must be surer still: whether it was dropped or merged
//! into a neighbour changes that neighbour's length too little for the
//! length model to tell. Otherwise the sentence joins the
//! neighbouring link whose cost it raises least (a 1-1 becomes a 2-1, a
//! 3-1 a 4-1: beads beyond the DP's shapes are allowed here).

use std::ops::Range;

use super::Bead;
use super::lexical::{KeyId, Keys};

/// Sentences shorter than this (non-whitespace characters) need more than
/// `keep_from` to stay unaligned: up to all the way to 1 for an empty one,
/// in proportion to how much shorter they are. On the dev kit the one-sided
/// beads of the real documents (Anna Karenina volume 1, the natural WMT24
/// set) are mostly short lines of dialogue or speech (`Здравствуйте!`),
/// those of the perturbed news mostly whole sentences of 40 characters and
/// more.
const SHORT: f64 = 40.0;

/// The probability of being unaligned from which a one-sided bead of
/// `length` characters is kept (every one when `keep_from` is 0).
fn threshold(keep_from: f64, length: usize) -> f64 {
    if keep_from <= 0.0 {
        return 0.0;
    }
    let shortness = (1.0 - length as f64 / SHORT).max(0.0);
    keep_from + (1.0 - keep_from) * shortness
}

/// The most sentences one translator's note in square brackets spans.
const NOTE_SENTENCES: usize = 4;

/// Which of a document's sentences (`texts`, in order) are a translator's
/// note in square brackets: a run of up to [`NOTE_SENTENCES`] sentences
/// whose first opens with `[` and whose first `]` ends the last
/// (`[It is a thing that is done.]`; both halves of `[She is making a
/// sensation. They are forgetting Patti because of her.]`; not `'Zu
/// complicirt,' [Too complicated.] he concluded.`). A translation glosses
/// the original's foreign phrases this way: the note has no counterpart of
/// its own, but belongs with the phrase it glosses.
pub fn notes<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<bool> {
    let texts: Vec<&str> = texts.into_iter().map(str::trim).collect();
    let mut out = vec![false; texts.len()];
    let mut k = 0;
    while k < texts.len() {
        let end = (k + NOTE_SENTENCES).min(texts.len());
        let closing = texts[k]
            .starts_with('[')
            .then(|| (k..end).find_map(|l| Some((l, texts[l].find(']')?))))
            .flatten();
        match closing {
            Some((l, at)) if !texts[l][at + 1..].chars().any(char::is_alphanumeric) => {
                out[k..=l].iter_mut().for_each(|n| *n = true);
                k = l + 1;
            }
            _ => k += 1,
        }
    }
    out
}

/// How many times [`absorb`] goes over the beads: a join changes the
/// neighbours of the one-sided beads around it (of a run of 1-0 beads
/// before a link, only the last sees the link on the first pass).
const PASSES: usize = 4;

/// Joins each one-sided bead whose sentence is unaligned with probability
/// below `keep_from`, or more for a short one (`length`, in non-whitespace
/// characters, see [`SHORT`]), into the neighbouring link whose cost (`cost`
/// of a bead's English and Russian ranges) it raises least. That
/// probability is the posterior (`unaligned`) times the share of the
/// document's confident one-sided beads that are real (see [`real_share`]);
/// it is a kept bead's confidence. The joined bead's confidence is its
/// link's times the probability that the sentence is not left out. A bead
/// whose neighbours are no links, or would only join at a prohibitive cost
/// (page chrome with text), stays; one whose neighbour is another one-sided
/// bead is looked at again once that one has joined a link. A translator's
/// note (`note`, see [`notes`]) is never kept: it joins the link before it,
/// the phrase it glosses, or else the one after it.
pub fn absorb(
    beads: Vec<Bead>,
    unaligned: impl Fn(&Bead) -> f64,
    length: impl Fn(&Bead) -> usize,
    cost: impl Fn(&Range<usize>, &Range<usize>) -> f64,
    note: impl Fn(&Bead) -> bool,
    keep_from: f64,
    prohibitive: f64,
) -> Vec<Bead> {
    // A note is no omission, however sure the posterior is.
    let unaligned = |bead: &Bead| if note(bead) { 0.0 } else { unaligned(bead) };
    let share = real_share(&beads, &unaligned, &length, keep_from);
    let mut beads = beads;
    for _ in 0..PASSES {
        let before = beads.len();
        beads = absorb_once(
            beads,
            &unaligned,
            &length,
            &cost,
            &note,
            (keep_from, share),
            prohibitive,
        );
        if beads.len() == before {
            break;
        }
    }
    beads
}

/// One pass of [`absorb`], left to right; `(keep_from, share)` as there.
fn absorb_once(
    beads: Vec<Bead>,
    unaligned: &impl Fn(&Bead) -> f64,
    length: &impl Fn(&Bead) -> usize,
    cost: &impl Fn(&Range<usize>, &Range<usize>) -> f64,
    note: &impl Fn(&Bead) -> bool,
    (keep_from, share): (f64, f64),
    prohibitive: f64,
) -> Vec<Bead> {
    // In place: the beads kept so far are `beads[..kept]`, and bead `k`
    // is read after at most `k` were kept, so no copy of a book's beads
    // (hundreds of thousands) is made.
    let mut beads = beads;
    let mut kept = 0;
    for k in 0..beads.len() {
        let bead = beads[k].clone();
        if bead.is_link() {
            keep(&mut beads, &mut kept, bead);
            continue;
        }
        let p = unaligned(&bead) * share;
        if p >= threshold(keep_from, length(&bead)) {
            keep(&mut beads, &mut kept, Bead { score: p, ..bead });
            continue;
        }
        // The cost a neighbour's link rises by when the sentence joins it
        // (none where the joined bead would cost a prohibitive amount).
        let rise = |link: Option<&Bead>| {
            let link = link.filter(|l| l.is_link())?;
            let (en, ru) = joined(link, &bead);
            let joined = cost(&en, &ru);
            (joined < prohibitive).then(|| joined - cost(&link.en, &link.ru))
        };
        let left = rise(kept.checked_sub(1).map(|last| &beads[last]));
        let right = rise(beads.get(k + 1));
        let target = match (left, right) {
            // A translator's note glosses the phrase before it.
            (Some(_), _) if note(&bead) => Some(true),
            (Some(l), Some(r)) if l <= r => Some(true),
            (_, Some(_)) => Some(false),
            (Some(_), None) => Some(true),
            (None, None) => None,
        };
        match target {
            Some(to_left) => {
                // A neighbour that `rise` found, so one that exists.
                let link = &mut beads[if to_left { kept - 1 } else { k + 1 }];
                let (en, ru) = joined(link, &bead);
                *link = Bead {
                    en,
                    ru,
                    score: link.score * (1.0 - p),
                };
            }
            None => keep(&mut beads, &mut kept, bead),
        }
    }
    beads.truncate(kept);
    beads
}

/// Keeps `bead` as the next of `beads[..kept]` (see [`absorb_once`]).
fn keep(beads: &mut [Bead], kept: &mut usize, bead: Bead) {
    beads[*kept] = bead;
    *kept += 1;
}

/// How many confident one-sided beads each merged link (2-1, 3-1, ...) of
/// a document brings that are no omission: a sentence the translator ran
/// into a neighbour in a way the length and anchor evidence cannot see, or
/// a bead that would need a shape the programme lacks. The posterior cannot
/// know of these: a novel whose translator merges one bead in six shows
/// one-sided beads it is 0.9 sure of that the gold pairs. Fitted on Anna
/// Karenina volume 1 (tools/eval_align.rs `--half tune`: 0.002 keeps every
/// omission the gold shares and 7 of its 21 others fewer), checked on
/// volume 2-part 1; the perturbed news, with a merge per ten beads and
/// omissions by the dozen, lose none.
const FALSE_PER_MERGE: f64 = 0.002;

/// The share of the document's confident one-sided beads (those the
/// threshold alone would keep) that are real omissions: one less the false
/// ones its merged links are expected to bring ([`FALSE_PER_MERGE`]) over
/// how many there are. A text with omissions by the dozen and few merges
/// keeps nearly all; a novel with thousands of merges and a few dozen
/// one-sided beads keeps only the surest.
fn real_share(
    beads: &[Bead],
    unaligned: &impl Fn(&Bead) -> f64,
    length: &impl Fn(&Bead) -> usize,
    keep_from: f64,
) -> f64 {
    let merges = beads
        .iter()
        .filter(|b| b.is_link() && b.en.len() + b.ru.len() > 2)
        .count();
    let confident = beads
        .iter()
        .filter(|b| !b.is_link() && unaligned(b) >= threshold(keep_from, length(b)))
        .count();
    if confident == 0 {
        return 1.0;
    }
    (1.0 - FALSE_PER_MERGE * merges as f64 / confident as f64).max(0.0)
}

/// The ranges of two adjacent beads joined into one.
fn joined(a: &Bead, b: &Bead) -> (Range<usize>, Range<usize>) {
    let span = |x: &Range<usize>, y: &Range<usize>| {
        if x.is_empty() {
            y.clone()
        } else if y.is_empty() {
            x.clone()
        } else {
            x.start.min(y.start)..x.end.max(y.end)
        }
    };
    (span(&a.en, &b.en), span(&a.ru, &b.ru))
}

/// Twice the anchor weight the bead `en` ~ `ru` holds on both sides, as
/// `Matcher::common` counts it, for beads of any size.
pub fn shared_weight(keys: &Keys, en: &Range<usize>, ru: &Range<usize>) -> f64 {
    let en = sorted_keys(keys, en, true);
    let ru = sorted_keys(keys, ru, false);
    // Both lists are sorted by id: the t-th occurrence of a key on one side
    // pairs with its t-th occurrence on the other.
    let (mut x, mut y, mut sum) = (0, 0, 0.0);
    while x < en.len() && y < ru.len() {
        match en[x].0.cmp(&ru[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                sum += en[x].1 + ru[y].1;
                x += 1;
                y += 1;
            }
        }
    }
    sum
}

/// The keys of the sentences `range` of one side, sorted by id (stably:
/// equal keys stay in sentence order).
fn sorted_keys(keys: &Keys, range: &Range<usize>, english: bool) -> Vec<(KeyId, f64)> {
    if range.is_empty() {
        return Vec::new();
    }
    let ends = range.start + 1..=range.end;
    let runs = if english {
        keys.en_runs(ends)
    } else {
        keys.ru_runs(ends)
    };
    let mut out: Vec<(KeyId, f64)> = range
        .clone()
        .flat_map(|k| {
            let (ids, weights) = runs.get(k + 1, 1);
            ids.iter().copied().zip(weights.iter().copied())
        })
        .collect();
    out.sort_by_key(|k| k.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(en: Range<usize>, ru: Range<usize>) -> Bead {
        Bead { en, ru, score: 0.9 }
    }

    fn shapes(beads: &[Bead]) -> Vec<(Range<usize>, Range<usize>)> {
        beads.iter().map(|b| (b.en.clone(), b.ru.clone())).collect()
    }

    /// A cost that grows with the bead's size: every join costs the same.
    fn size(en: &Range<usize>, ru: &Range<usize>) -> f64 {
        (en.len() + ru.len()) as f64
    }

    /// [`size`], with joining the first link (English from sentence 0) dearer
    /// than joining the one after it.
    fn left_dearer(en: &Range<usize>, ru: &Range<usize>) -> f64 {
        size(en, ru)
            + if en.start == 0 && en.len() > 1 {
                5.0
            } else {
                0.0
            }
    }

    #[test]
    fn keeps_a_confident_omission() {
        let beads = vec![bead(0..1, 0..1), bead(1..2, 1..1), bead(2..3, 1..2)];
        let out = absorb(beads.clone(), |_| 0.95, |_| 100, size, |_| false, 0.6, 1e4);
        assert_eq!(shapes(&out), shapes(&beads));
    }

    #[test]
    fn joins_a_doubtful_omission_to_the_cheaper_neighbour() {
        let beads = vec![bead(0..1, 0..1), bead(1..2, 1..1), bead(2..3, 1..2)];
        let out = absorb(beads, |_| 0.3, |_| 100, left_dearer, |_| false, 0.6, 1e4);
        assert_eq!(shapes(&out), [(0..1, 0..1), (1..3, 1..2)]);
        assert!((out[1].score - 0.9 * 0.7).abs() < 1e-12);
    }

    #[test]
    fn a_short_sentence_needs_more_confidence_to_stay_unaligned() {
        let beads = vec![bead(0..1, 0..1), bead(1..2, 1..1)];
        let kept = absorb(beads.clone(), |_| 0.7, |_| 60, size, |_| false, 0.6, 1e4);
        assert_eq!(shapes(&kept), shapes(&beads));
        let joined = absorb(beads, |_| 0.7, |_| 10, size, |_| false, 0.6, 1e4);
        assert_eq!(shapes(&joined), [(0..2, 0..1)]);
    }

    #[test]
    fn a_document_of_merges_keeps_only_its_surest_omissions() {
        // 400 links, one in four a 2-1, around one-sided beads the posterior
        // gives 0.95 and 0.7: the merges make one in five such beads false
        // (0.002 * 100 / 1), so 0.7 falls below 0.6 and 0.95 does not.
        let document = |p_alone: f64| {
            let mut beads: Vec<Bead> = (0..400)
                .map(|k| {
                    let en = if k % 4 == 0 {
                        2 * k..2 * k + 2
                    } else {
                        2 * k..2 * k + 1
                    };
                    bead(en, k..k + 1)
                })
                .collect();
            // Ranges need not tile for `absorb`; only the shapes matter here.
            beads.insert(200, bead(1000..1001, 200..200));
            absorb(beads, |_| p_alone, |_| 100, size, |_| false, 0.6, 1e4)
        };
        let kept = document(0.95);
        assert_eq!(kept.iter().filter(|b| !b.is_link()).count(), 1);
        let alone = kept.iter().find(|b| !b.is_link()).map(|b| b.score);
        assert!(
            (alone.unwrap_or(0.0) - 0.95 * 0.8).abs() < 1e-9,
            "{alone:?}"
        );
        assert!(document(0.7).iter().all(Bead::is_link));
        // The same beads without the merges: 0.7 stays.
        let plain = vec![bead(0..1, 0..1), bead(1..2, 1..1), bead(2..3, 1..2)];
        let out = absorb(plain.clone(), |_| 0.7, |_| 100, size, |_| false, 0.6, 1e4);
        assert_eq!(shapes(&out), shapes(&plain));
    }

    #[test]
    fn finds_translators_notes_in_square_brackets() {
        let texts = [
            "Ça se fait.",
            "[It is a thing that is done.]",
            "On oublie la Patti pour elle!'",
            "[She is making a sensation.",
            "They are forgetting Patti because of her.]",
            "'Zu complicirt,' [Too complicated.] he concluded.",
            "Der Preis muss ausgerechnet werden, [It all depends...",
            "The price must be allowed for.] and the German turned to him.",
            "['It is heavenly!']",
            "[A bracket that never closes.",
            "Text.",
            "More text.",
            "Still more.",
            "And more.]",
        ];
        assert_eq!(
            notes(texts),
            [
                false, true, false, true, true, false, false, false, true, false, false, false,
                false, false
            ]
        );
    }

    #[test]
    fn a_run_of_doubtful_omissions_joins_the_link_after_it() {
        let beads = vec![bead(0..1, 0..0), bead(1..2, 0..0), bead(2..5, 0..1)];
        let out = absorb(beads, |_| 0.3, |_| 100, size, |_| false, 0.6, 1e4);
        assert_eq!(shapes(&out), [(0..5, 0..1)]);
    }

    #[test]
    fn a_translators_note_joins_the_phrase_before_it() {
        let beads = vec![bead(0..1, 0..1), bead(1..2, 1..1), bead(2..3, 1..2)];
        // The posterior is sure, and joining the right-hand link is cheaper.
        let is_note = |b: &Bead| b.en == (1..2);
        let out = absorb(beads, |_| 0.99, |_| 100, left_dearer, is_note, 0.6, 1e4);
        assert_eq!(shapes(&out), [(0..2, 0..1), (2..3, 1..2)]);
    }

    #[test]
    fn joins_beyond_the_dynamic_programmes_shapes() {
        let beads = vec![bead(0..3, 0..1), bead(3..4, 1..1)];
        let out = absorb(beads, |_| 0.3, |_| 100, size, |_| false, 0.6, 1e4);
        assert_eq!(shapes(&out), [(0..4, 0..1)]);
    }

    #[test]
    fn never_joins_without_a_linked_neighbour_nor_at_a_prohibitive_cost() {
        let alone = vec![bead(0..1, 0..0), bead(1..2, 0..0)];
        assert_eq!(
            shapes(&absorb(
                alone.clone(),
                |_| 0.1,
                |_| 100,
                size,
                |_| false,
                0.6,
                1e4
            )),
            shapes(&alone)
        );
        // Joining the left-hand link would pair chrome with text.
        let beads = vec![bead(0..1, 0..1), bead(1..2, 1..1)];
        let chrome = |en: &Range<usize>, _: &Range<usize>| if en.len() > 1 { 1e4 } else { 5.0 };
        assert_eq!(
            shapes(&absorb(
                beads.clone(),
                |_| 0.1,
                |_| 100,
                chrome,
                |_| false,
                0.6,
                1e4
            )),
            shapes(&beads)
        );
        // With a link on the right that it may join, it joins that one.
        let beads = vec![bead(0..1, 0..1), bead(1..2, 1..1), bead(2..3, 1..2)];
        let chrome_left = |en: &Range<usize>, _: &Range<usize>| {
            if en.start == 0 && en.len() > 1 {
                1e4
            } else {
                5.0
            }
        };
        assert_eq!(
            shapes(&absorb(
                beads,
                |_| 0.1,
                |_| 100,
                chrome_left,
                |_| false,
                0.6,
                1e4
            )),
            [(0..1, 0..1), (1..3, 1..2)]
        );
    }
}
