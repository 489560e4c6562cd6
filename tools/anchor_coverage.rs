//! How strong is the anchor signal? For the 1-1 gold beads of the perturbed
//! dev sets, the share of English content tokens (not stopwords) that find an
//! anchor in the aligned Russian sentence, against the same share for a
//! random other Russian sentence of the same document (the false-match
//! rate); and how often the gold sentence has the best overlap of all the
//! document's Russian sentences.
//!
//! Run: `cargo run --release --example anchor_coverage -- KIT/align/dev [SET_PREFIX] [--misses]`
//! (SET_PREFIX defaults to `perturbed-`; `--misses` lists the most frequent
//! unmatched English words, for finding gaps in the lexicon.)

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use sverka::Lang;
use sverka::anchor::lexicon::Lexicon;
use sverka::anchor::sentence::{Extractors, SentenceAnchors, matched_tokens, overlap};
use sverka::anchor::tokens::{is_stopword, tokens};

struct Doc {
    en: Vec<String>,
    ru: Vec<String>,
    /// 1-1 gold beads as (English index, Russian index).
    links: Vec<(usize, usize)>,
    /// 2-1 and 1-2 gold beads as (English indices, Russian indices).
    merges: Vec<(Vec<usize>, Vec<usize>)>,
}

fn read_lines(path: &Path) -> Result<Vec<String>, String> {
    std::fs::read_to_string(path)
        .map(|t| t.lines().map(str::to_string).collect())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn parse_side(s: &str) -> Vec<usize> {
    s.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .filter_map(|x| x.trim().parse().ok())
        .collect()
}

fn read_doc(dir: &Path) -> Result<Doc, String> {
    let mut links = Vec::new();
    let mut merges = Vec::new();
    for line in read_lines(&dir.join("gold.beads"))? {
        let Some((a, b)) = line.split_once(':') else {
            continue;
        };
        let (a, b) = (parse_side(a), parse_side(b));
        if a.len() == 1 && b.len() == 1 {
            links.push((a[0], b[0]));
        } else if a.len() + b.len() == 3 && !a.is_empty() && !b.is_empty() {
            merges.push((a, b));
        }
    }
    Ok(Doc {
        en: read_lines(&dir.join("en.sents"))?,
        ru: read_lines(&dir.join("ru.sents"))?,
        links,
        merges,
    })
}

/// Histogram bucket of an overlap ratio: tenths, 1.0 in the last one.
fn bucket(ratio: f64) -> usize {
    ((ratio * 10.0) as usize).min(9)
}

#[derive(Default)]
struct Tally {
    gold_matched: usize,
    random_matched: usize,
    total: usize,
    ru_gold_matched: usize,
    ru_total: usize,
    top1: usize,
    gold_hist: [usize; 10],
    random_hist: [usize; 10],
    links: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(kit) = args.first().map(PathBuf::from) else {
        eprintln!("usage: anchor_coverage KIT/align/dev [SET_PREFIX] [--misses]");
        std::process::exit(2);
    };
    let prefix = args
        .get(1)
        .filter(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or("perturbed-".into());
    let show_misses = args.iter().any(|a| a == "--misses");

    let t0 = Instant::now();
    let lex = Lexicon::builtin();
    println!(
        "lexicon: {} concepts, loaded in {:.1} ms",
        lex.len(),
        t0.elapsed().as_secs_f64() * 1e3
    );

    let mut sets: Vec<PathBuf> = match std::fs::read_dir(&kit) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("{}: {e}", kit.display());
            std::process::exit(1);
        }
    };
    sets.retain(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(&prefix))
    });
    sets.sort();
    let mut docs = Vec::new();
    for set in &sets {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(set)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        dirs.sort();
        for d in dirs {
            match read_doc(&d) {
                Ok(doc) => docs.push(doc),
                Err(e) => eprintln!("skipped: {e}"),
            }
        }
    }
    println!(
        "{} documents from {} sets matching `{prefix}`",
        docs.len(),
        sets.len()
    );

    let all = Extractors::default();
    let none = Extractors {
        lexicon: false,
        names: false,
        numbers: false,
        months: false,
        fixed: false,
    };
    let configs = [
        ("all anchors", all),
        (
            "lexicon only",
            Extractors {
                lexicon: true,
                ..none
            },
        ),
        (
            "names (translit) only",
            Extractors {
                names: true,
                ..none
            },
        ),
        (
            "numbers+months only",
            Extractors {
                numbers: true,
                months: true,
                ..none
            },
        ),
        (
            "fixed (acronyms) only",
            Extractors {
                fixed: true,
                ..none
            },
        ),
        (
            "all but lexicon",
            Extractors {
                lexicon: false,
                ..all
            },
        ),
    ];
    let mut misses: HashMap<String, usize> = HashMap::new();
    let mut ru_misses: HashMap<String, usize> = HashMap::new();
    let mut cooc: HashMap<(String, String), usize> = HashMap::new();
    for (name, run) in configs {
        let mut t = Tally::default();
        let mut seed: u64 = 0x9E3779B97F4A7C15;
        let mut sentences = 0;
        let mut extraction = 0.0;
        for doc in &docs {
            let t1 = Instant::now();
            let en: Vec<_> = doc
                .en
                .iter()
                .map(|s| SentenceAnchors::with(s, Lang::En, lex, run))
                .collect();
            let ru: Vec<_> = doc
                .ru
                .iter()
                .map(|s| SentenceAnchors::with(s, Lang::Ru, lex, run))
                .collect();
            extraction += t1.elapsed().as_secs_f64();
            sentences += en.len() + ru.len();
            for &(i, k) in &doc.links {
                let (Some(e), Some(r)) = (en.get(i), ru.get(k)) else {
                    continue;
                };
                let o = overlap(e, r);
                t.gold_matched += o.en_matched;
                t.gold_hist[bucket(o.ratio())] += 1;
                t.total += o.en_total;
                t.ru_gold_matched += o.ru_matched;
                t.ru_total += o.ru_total;
                if ru.len() > 1 {
                    // A random other Russian sentence of the document (xorshift).
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let mut j = (seed % (ru.len() as u64 - 1)) as usize;
                    if j >= k {
                        j += 1;
                    }
                    let ro = overlap(e, &ru[j]);
                    t.random_matched += ro.en_matched;
                    t.random_hist[bucket(ro.ratio())] += 1;
                }
                let best = ru
                    .iter()
                    .enumerate()
                    .map(|(j, r)| (overlap(e, r).ratio(), j))
                    .fold((-1.0, usize::MAX), |a, b| if b.0 > a.0 { b } else { a });
                t.links += 1;
                if best.1 == k {
                    t.top1 += 1;
                }
                if show_misses && name == "all anchors" {
                    let (hit, ru_hit) = matched_tokens(e, r);
                    let ru_unmatched: Vec<String> = tokens(&doc.ru[k])
                        .into_iter()
                        .filter(|w| !is_stopword(&w.text, Lang::Ru))
                        .zip(ru_hit.iter())
                        .filter(|(w, h)| !**h && !w.has_digit)
                        .map(|(w, _)| sverka::anchor::stem::stem_ru(&w.text))
                        .collect();
                    let en_unmatched: Vec<String> = tokens(&doc.en[i])
                        .into_iter()
                        .filter(|w| !is_stopword(&w.text, Lang::En))
                        .zip(hit.iter())
                        .filter(|(w, h)| !**h && !w.has_digit)
                        .map(|(w, _)| w.text)
                        .collect();
                    for ew in &en_unmatched {
                        for rw in &ru_unmatched {
                            *cooc.entry((ew.clone(), rw.clone())).or_default() += 1;
                        }
                    }
                    let ru_words: Vec<_> = tokens(&doc.ru[k])
                        .into_iter()
                        .filter(|w| !is_stopword(&w.text, Lang::Ru))
                        .collect();
                    for (w, h) in ru_words.iter().zip(ru_hit) {
                        if !h && !w.has_digit {
                            *ru_misses.entry(w.text.clone()).or_default() += 1;
                        }
                    }
                    let words: Vec<_> = tokens(&doc.en[i])
                        .into_iter()
                        .filter(|w| !is_stopword(&w.text, Lang::En))
                        .collect();
                    for (w, h) in words.iter().zip(hit) {
                        if !h && !w.has_digit {
                            *misses.entry(w.text.clone()).or_default() += 1;
                        }
                    }
                }
            }
        }
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        println!(
            "{name:<24} EN tokens matched in gold RU: {:5.1}%  in random RU: {:5.1}%  | RU tokens matched in gold EN: {:5.1}% | gold is best of doc: {:5.1}% ({} links, {} tokens; extraction {:.1} µs/sentence)",
            pct(t.gold_matched, t.total),
            pct(t.random_matched, t.total),
            pct(t.ru_gold_matched, t.ru_total),
            pct(t.top1, t.links),
            t.links,
            t.total,
            extraction * 1e6 / sentences.max(1) as f64
        );
        if name == "all anchors" {
            // How much more likely a ratio is for a translation than for a random
            // pair: ln P(ratio | gold) / P(ratio | random), add-one smoothed.
            let (g, r): (usize, usize) = (t.gold_hist.iter().sum(), t.random_hist.iter().sum());
            println!("  overlap ratio   gold   random   ln(P gold / P random)");
            for b in 0..10 {
                let pg = (t.gold_hist[b] as f64 + 1.0) / (g as f64 + 10.0);
                let pr = (t.random_hist[b] as f64 + 1.0) / (r as f64 + 10.0);
                println!(
                    "  {:.1}-{:.1}      {:>6} {:>8}   {:>6.2}",
                    b as f64 / 10.0,
                    (b + 1) as f64 / 10.0,
                    t.gold_hist[b],
                    t.random_hist[b],
                    (pg / pr).ln()
                );
            }
        }
    }
    // 2-1 / 1-2 gold beads: does the whole bead overlap better than the
    // best 1-1 part of it (what a 1-1 + 1-0 reading would keep)?
    let (mut merges, mut whole_wins, mut whole_sum, mut part_sum) = (0, 0, 0.0, 0.0);
    for doc in &docs {
        let en: Vec<_> = doc
            .en
            .iter()
            .map(|s| SentenceAnchors::new(s, Lang::En, lex))
            .collect();
        let ru: Vec<_> = doc
            .ru
            .iter()
            .map(|s| SentenceAnchors::new(s, Lang::Ru, lex))
            .collect();
        for (a, b) in &doc.merges {
            if a.iter().any(|&i| i >= en.len()) || b.iter().any(|&k| k >= ru.len()) {
                continue;
            }
            let e = SentenceAnchors::join(a.iter().map(|&i| &en[i]));
            let r = SentenceAnchors::join(b.iter().map(|&k| &ru[k]));
            let whole = overlap(&e, &r).ratio();
            let mut best_part: f64 = 0.0;
            for &i in a {
                for &k in b {
                    best_part = best_part.max(overlap(&en[i], &ru[k]).ratio());
                }
            }
            merges += 1;
            whole_sum += whole;
            part_sum += best_part;
            if whole > best_part {
                whole_wins += 1;
            }
        }
    }
    println!(
        "2-1/1-2 gold beads: {merges}; mean overlap ratio of the whole bead {:.3}, of its best 1-1 part {:.3}; whole bead higher in {:.1}%",
        whole_sum / merges.max(1) as f64,
        part_sum / merges.max(1) as f64,
        100.0 * whole_wins as f64 / merges.max(1) as f64
    );
    if show_misses {
        let mut m: Vec<_> = misses.into_iter().collect();
        m.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!(
            "unmatched English words with the unmatched Russian stems they co-occur with most:"
        );
        for (w, n) in m.iter().take(150) {
            let mut c: Vec<_> = cooc
                .iter()
                .filter(|((e, _), _)| e == w)
                .map(|((_, r), c)| (c, r))
                .collect();
            c.sort_by(|a, b| b.0.cmp(a.0).then(a.1.cmp(b.1)));
            let top: Vec<String> = c.iter().take(4).map(|(c, r)| format!("{r}:{c}")).collect();
            println!("  {w}:{n} -> {}", top.join(" "));
        }
        println!("most frequent unmatched English content words:");
        for (w, n) in m.iter().take(300) {
            print!("{w}:{n} ");
        }
        println!();
        let mut m: Vec<_> = ru_misses.into_iter().collect();
        m.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("most frequent unmatched Russian content words:");
        for (w, n) in m.iter().take(300) {
            print!("{w}:{n} ");
        }
        println!();
    }
}
