//! Scores sverka's aligner on every case below a folder in the evaluation
//! kit's layout (`<set>/<doc>/{en.sents, ru.sents, gold.beads}`).
//!
//! ```sh
//! cargo run --release --example eval_align -- ../shared/eval/align/dev
//! cargo run --release --example eval_align -- ../shared/eval/align/dev --cases official-ragged
//! cargo run --release --example eval_align -- ../shared/eval/align/dev --set omission_cost=4
//! cargo run --release --example eval_align -- ../shared/eval/align/dev --learn-all
//! ```
//!
//! Prints, per set and for all cases pooled (micro-averaged), the measures of
//! the kit's `align/score.py`: strict and lax precision, recall and F1 over
//! links (beads with both sides non-empty), strict recall on n-m gold links,
//! and omission detection over sentences left unaligned. Then the calibration
//! of bead confidence: for each score band, how many predicted links are
//! exactly right. `--per-case` lists the worst cases. `--disagreements N`
//! prints, per case, up to N stretches where sverka's beads and the gold's
//! differ (with both sides' sentences, to read and classify), and counts
//! all of them by their shapes.
//!
//! `--half tune` (or `check`) scores one half of every set, split by
//! document: a set's documents in name order alternate TUNE, CHECK, TUNE...
//! (so Anna Karenina volume 1 is TUNE and volume 2-part 1 CHECK). Settings
//! are tuned on TUNE; CHECK says whether they generalise. The `REAL` row
//! pools the real documents (the novel, the official statements, the
//! natural news), whose omissions are a translator's, not a script's.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use sverka::split::presplit;
use sverka::{AlignOptions, Aligner};

type Side = Vec<usize>;
type Bead = (Side, Side);

#[derive(Default, Clone, Copy)]
struct Counts {
    cases: usize,
    gold_links: usize,
    pred_links: usize,
    strict_tp: usize,
    lax_tp_pred: usize,
    lax_tp_gold: usize,
    gold_nm: usize,
    gold_nm_hit: usize,
    gold_omit: usize,
    pred_omit: usize,
    omit_tp: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.cases += o.cases;
        self.gold_links += o.gold_links;
        self.pred_links += o.pred_links;
        self.strict_tp += o.strict_tp;
        self.lax_tp_pred += o.lax_tp_pred;
        self.lax_tp_gold += o.lax_tp_gold;
        self.gold_nm += o.gold_nm;
        self.gold_nm_hit += o.gold_nm_hit;
        self.gold_omit += o.gold_omit;
        self.pred_omit += o.pred_omit;
        self.omit_tp += o.omit_tp;
    }

    fn strict_f1(&self) -> f64 {
        prf(
            self.strict_tp,
            self.pred_links,
            self.strict_tp,
            self.gold_links,
        )
        .2
    }
}

/// Precision, recall and F1 as `score.py` defines them (empty sets score 1).
fn prf(tp_p: usize, n_p: usize, tp_r: usize, n_r: usize) -> (f64, f64, f64) {
    let p = if n_p == 0 {
        1.0
    } else {
        tp_p as f64 / n_p as f64
    };
    let r = if n_r == 0 {
        1.0
    } else {
        tp_r as f64 / n_r as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn links(beads: &[Bead]) -> Vec<&Bead> {
    beads
        .iter()
        .filter(|(e, r)| !e.is_empty() && !r.is_empty())
        .collect()
}

/// How many links of `a` overlap some link of `b` on both sides.
fn overlaps(a: &[&Bead], b: &[&Bead]) -> usize {
    let mut en_of = BTreeMap::new();
    let mut ru_of = BTreeMap::new();
    for (k, (e, r)) in b.iter().enumerate() {
        e.iter().for_each(|&x| {
            en_of.insert(x, k);
        });
        r.iter().for_each(|&y| {
            ru_of.insert(y, k);
        });
    }
    a.iter()
        .filter(|(e, r)| {
            let ks: HashSet<usize> = e.iter().filter_map(|x| en_of.get(x).copied()).collect();
            r.iter()
                .any(|y| ru_of.get(y).is_some_and(|k| ks.contains(k)))
        })
        .count()
}

fn omitted(beads: &[Bead]) -> HashSet<(u8, usize)> {
    let mut out = HashSet::new();
    for (e, r) in beads {
        if r.is_empty() {
            out.extend(e.iter().map(|&x| (0, x)));
        }
        if e.is_empty() {
            out.extend(r.iter().map(|&y| (1, y)));
        }
    }
    out
}

fn count(gold: &[Bead], pred: &[Bead]) -> Counts {
    let (gl, pl) = (links(gold), links(pred));
    let gold_set: HashSet<&Bead> = gl.iter().copied().collect();
    let pred_set: HashSet<&Bead> = pl.iter().copied().collect();
    let nm: Vec<&&Bead> = gl
        .iter()
        .filter(|(e, r)| !(e.len() == 1 && r.len() == 1))
        .collect();
    let (go, po) = (omitted(gold), omitted(pred));
    Counts {
        cases: 1,
        gold_links: gl.len(),
        pred_links: pl.len(),
        strict_tp: pl.iter().filter(|b| gold_set.contains(*b)).count(),
        lax_tp_pred: overlaps(&pl, &gl),
        lax_tp_gold: overlaps(&gl, &pl),
        gold_nm: nm.len(),
        gold_nm_hit: nm.iter().filter(|b| pred_set.contains(**b)).count(),
        gold_omit: go.len(),
        pred_omit: po.len(),
        omit_tp: go.intersection(&po).count(),
    }
}

fn parse_side(s: &str) -> Side {
    s.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .filter(|x| !x.trim().is_empty())
        .map(|x| x.trim().parse().expect("gold index is a number"))
        .collect()
}

fn read_gold(path: &Path) -> Vec<Bead> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (e, r) = l.split_once(':').expect("bead has a colon");
            (parse_side(e), parse_side(r))
        })
        .collect()
}

/// A stretch of beads where gold and prediction differ: the gold's beads
/// and the predicted ones covering the same sentences.
struct Disagreement<'a> {
    gold: &'a [Bead],
    pred: &'a [Bead],
}

/// The stretches where `gold` and `pred` (both in document order) differ:
/// between two consecutive places where both have a bead boundary.
fn disagreements<'a>(gold: &'a [Bead], pred: &'a [Bead]) -> Vec<Disagreement<'a>> {
    let (mut g, mut p) = (0, 0);
    let (mut g_at, mut p_at) = ((0, 0), (0, 0));
    let (mut g_from, mut p_from) = (0, 0);
    let mut out = Vec::new();
    let step = |at: &mut (usize, usize), bead: &Bead| {
        at.0 += bead.0.len();
        at.1 += bead.1.len();
    };
    while g < gold.len() || p < pred.len() {
        let g_behind = g_at.0 + g_at.1 <= p_at.0 + p_at.1;
        if g < gold.len() && (g_behind || p == pred.len()) {
            step(&mut g_at, &gold[g]);
            g += 1;
        } else {
            step(&mut p_at, &pred[p]);
            p += 1;
        }
        if g_at == p_at {
            if gold[g_from..g] != pred[p_from..p] {
                out.push(Disagreement {
                    gold: &gold[g_from..g],
                    pred: &pred[p_from..p],
                });
            }
            (g_from, p_from) = (g, p);
        }
    }
    out
}

/// The shapes of some beads: `2-1 1-1`.
fn shapes(beads: &[Bead]) -> String {
    let shape = |(e, r): &Bead| format!("{}-{}", e.len(), r.len());
    beads.iter().map(shape).collect::<Vec<_>>().join(" ")
}

/// Prints one disagreement with the sentences it covers.
fn print_disagreement(case: &str, d: &Disagreement, en: &[&str], ru: &[&str]) {
    let span = |side: fn(&Bead) -> &Side| {
        let all: Vec<usize> = d
            .gold
            .iter()
            .flat_map(|b| side(b).iter().copied())
            .collect();
        (all.iter().min().copied(), all.iter().max().copied())
    };
    println!(
        "\n-- {case}: gold {} | sverka {}",
        shapes(d.gold),
        shapes(d.pred)
    );
    let clip = |s: &str| -> String {
        let mut t: String = s.chars().take(240).collect();
        if t.len() < s.len() {
            t.push('…');
        }
        t
    };
    for (lang, texts, side) in [
        ("en", en, (|b: &Bead| &b.0) as fn(&Bead) -> &Side),
        ("ru", ru, |b: &Bead| &b.1),
    ] {
        if let (Some(lo), Some(hi)) = span(side) {
            for k in lo..=hi {
                println!("  {lang} {k:>6}  {}", clip(texts.get(k).unwrap_or(&"")));
            }
        }
    }
    let list = |beads: &[Bead]| {
        let bead = |(e, r): &Bead| format!("{e:?}:{r:?}");
        beads.iter().map(bead).collect::<Vec<_>>().join(" ")
    };
    println!("  gold   {}", list(d.gold));
    println!("  sverka {}", list(d.pred));
}

fn cases(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if dir.join("gold.beads").is_file() {
            out.push(dir);
            continue;
        }
        if let Ok(entries) = std::fs::read_dir(&dir) {
            stack.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
        }
    }
    out.sort();
    out
}

fn row(name: &str, c: &Counts) {
    let s = prf(c.strict_tp, c.pred_links, c.strict_tp, c.gold_links);
    let l = prf(c.lax_tp_pred, c.pred_links, c.lax_tp_gold, c.gold_links);
    let o = prf(c.omit_tp, c.pred_omit, c.omit_tp, c.gold_omit);
    let nm = if c.gold_nm == 0 {
        "     -".to_string()
    } else {
        format!("{:6.3}", c.gold_nm_hit as f64 / c.gold_nm as f64)
    };
    println!(
        "{name:<24} {:>5} {:>6} {:>6} | {:8.3} {:6.3} {:6.3} | {:6.3} {:6.3} {:6.3} | {nm} | {:6.3} {:6.3} {:6.3} {:>5} {:>5}",
        c.cases,
        c.gold_links,
        c.pred_links,
        s.0,
        s.1,
        s.2,
        l.0,
        l.1,
        l.2,
        o.0,
        o.1,
        o.2,
        c.gold_omit,
        c.pred_omit
    );
}

/// The sets whose documents are real translations (the perturbed sets'
/// omissions and merges are made by a script, the Bible's are none).
const REAL: [&str; 5] = [
    "literary-anna-karenina",
    "natural-wmt22-enru",
    "natural-wmt24-enru",
    "official",
    "official-ragged",
];

/// Which half of the dev data a run scores (see the module comment).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Half {
    Tune,
    Check,
}

/// The half each case belongs to: within a set, documents in name order
/// alternate TUNE and CHECK.
fn halves(cases: &[PathBuf]) -> Vec<Half> {
    let mut seen: BTreeMap<PathBuf, usize> = BTreeMap::new();
    cases
        .iter()
        .map(|dir| {
            let set = dir.parent().map(Path::to_path_buf).unwrap_or_default();
            let k = seen.entry(set).or_default();
            *k += 1;
            if *k % 2 == 1 { Half::Tune } else { Half::Check }
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(
        args.first()
            .map_or("../shared/eval/align/dev", |s| s.as_str()),
    );
    let per_case = args.iter().any(|a| a == "--per-case");
    let shown: Option<usize> = args
        .iter()
        .position(|a| a == "--disagreements")
        .map(|i| match args.get(i + 1).map(|n| n.parse()) {
            Some(Ok(n)) => n,
            _ => {
                eprintln!("eval_align: error: --disagreements takes a number");
                std::process::exit(2);
            }
        });
    // Disagreements by (gold shapes, predicted shapes), over all cases.
    let mut by_shape: BTreeMap<(String, String), usize> = BTreeMap::new();
    let only: Option<Vec<&str>> = args
        .iter()
        .position(|a| a == "--cases")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.split(',').collect());
    let half = match args
        .iter()
        .position(|a| a == "--half")
        .map(|i| args.get(i + 1).map(String::as_str))
    {
        None => None,
        Some(Some("tune")) => Some(Half::Tune),
        Some(Some("check")) => Some(Half::Check),
        Some(_) => {
            eprintln!("eval_align: error: --half takes `tune` or `check`");
            std::process::exit(2);
        }
    };
    let mut options = AlignOptions::default();
    for (k, a) in args.iter().enumerate() {
        if a == "--set" {
            let assignment = args.get(k + 1).expect("--set takes NAME=VALUE");
            options.set(assignment).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    // --learn-all: learn word translations from every case first, as
    // `sverka batch --learn-all` does over an archive.
    let aligner = if args.iter().any(|a| a == "--learn-all") {
        let first = Aligner::new(AlignOptions {
            self_train: false,
            ..options.clone()
        });
        let mut corpus = sverka::align::model1::Corpus::default();
        for dir in cases(&root) {
            let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("case file");
            corpus.add(
                &first.align_sentences(presplit(&read("en.sents")), presplit(&read("ru.sents"))),
            );
        }
        let mut lexicon = sverka::anchor::lexicon::Lexicon::builtin().clone();
        lexicon.extend(&corpus.learn());
        Aligner::new(AlignOptions {
            lexicon: Some(std::sync::Arc::new(lexicon)),
            self_train: false,
            ..options
        })
    } else {
        Aligner::new(options)
    };
    let mut sets: BTreeMap<String, Counts> = BTreeMap::new();
    let mut all = Counts::default();
    let mut real = Counts::default();
    let mut worst = Vec::new();
    // Calibration: per score band (tenths), predicted links and exact hits.
    let mut bands = [(0usize, 0usize); 10];
    // The same for sentences left unaligned: per band, sentences and how
    // many of them the gold leaves unaligned too.
    let mut omission_bands = [(0usize, 0usize); 10];
    let started = Instant::now();
    let cases = cases(&root);
    for (dir, part) in cases.iter().zip(halves(&cases)) {
        if half.is_some_and(|h| h != part) {
            continue;
        }
        let rel = dir.strip_prefix(&root).unwrap_or(dir).to_path_buf();
        let set = rel
            .components()
            .next()
            .map_or(".".into(), |c| c.as_os_str().to_string_lossy().into_owned());
        if only.as_ref().is_some_and(|o| !o.contains(&set.as_str())) {
            continue;
        }
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("case file");
        let alignment =
            aligner.align_sentences(presplit(&read("en.sents")), presplit(&read("ru.sents")));
        let gold = read_gold(&dir.join("gold.beads"));
        let gold_links: HashSet<Bead> = gold
            .iter()
            .filter(|(e, r)| !e.is_empty() && !r.is_empty())
            .cloned()
            .collect();
        let pred: Vec<Bead> = alignment
            .beads
            .iter()
            .map(|b| (b.en.clone().collect(), b.ru.clone().collect()))
            .collect();
        let gold_omitted = omitted(&gold);
        for (bead, p) in alignment.beads.iter().zip(&pred) {
            let band = ((bead.score * 10.0) as usize).min(9);
            if bead.is_link() {
                bands[band].0 += 1;
                bands[band].1 += usize::from(gold_links.contains(p));
            } else {
                let sentences = omitted(std::slice::from_ref(p));
                omission_bands[band].0 += sentences.len();
                omission_bands[band].1 += sentences.intersection(&gold_omitted).count();
            }
        }
        if let Some(n) = shown {
            let found = disagreements(&gold, &pred);
            let (en, ru) = (read("en.sents"), read("ru.sents"));
            let (en, ru): (Vec<&str>, Vec<&str>) = (en.lines().collect(), ru.lines().collect());
            for d in found.iter().take(n) {
                print_disagreement(&rel.display().to_string(), d, &en, &ru);
            }
            for d in &found {
                *by_shape
                    .entry((shapes(d.gold), shapes(d.pred)))
                    .or_default() += 1;
            }
        }
        let c = count(&gold, &pred);
        worst.push((c.strict_f1(), rel.display().to_string()));
        if REAL.contains(&set.as_str()) {
            real.add(&c);
        }
        sets.entry(set).or_default().add(&c);
        all.add(&c);
    }
    let elapsed = started.elapsed();
    let head = format!(
        "{:<24} {:>5} {:>6} {:>6} | {:>8} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} | {:>6} {:>6} {:>6} {:>5} {:>5}",
        "set",
        "cases",
        "gold",
        "pred",
        "strict P",
        "R",
        "F1",
        "lax P",
        "R",
        "F1",
        "n-m R",
        "omit P",
        "R",
        "F1",
        "gold",
        "pred"
    );
    println!("{head}\n{}", "-".repeat(head.len()));
    for (name, c) in &sets {
        row(name, c);
    }
    row("REAL", &real);
    row("ALL", &all);
    println!("\nconfidence calibration (predicted links per score band, share exactly right):");
    for (k, (n, hit)) in bands.iter().enumerate().filter(|(_, (n, _))| *n > 0) {
        println!(
            "  {:.1}-{:.1}: {:>6} links, {:5.1}% right",
            k as f64 / 10.0,
            (k + 1) as f64 / 10.0,
            n,
            100.0 * *hit as f64 / *n as f64
        );
    }
    println!("sentences left unaligned per score band, share unaligned in the gold too:");
    for (k, (n, hit)) in omission_bands
        .iter()
        .enumerate()
        .filter(|(_, (n, _))| *n > 0)
    {
        println!(
            "  {:.1}-{:.1}: {:>6} sentences, {:5.1}% right",
            k as f64 / 10.0,
            (k + 1) as f64 / 10.0,
            n,
            100.0 * *hit as f64 / *n as f64
        );
    }
    println!(
        "\naligned {} cases in {:.2} s",
        all.cases,
        elapsed.as_secs_f64()
    );
    if shown.is_some() {
        let mut counted: Vec<_> = by_shape.into_iter().collect();
        counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let total: usize = counted.iter().map(|c| c.1).sum();
        println!("\n{total} disagreements, by shape (gold | sverka):");
        for ((g, p), n) in counted.iter().take(30) {
            println!("  {n:>5}  {g} | {p}");
        }
    }
    if per_case {
        worst.sort_by(|a, b| a.0.total_cmp(&b.0));
        println!("\nworst cases (strict F1):");
        for (f, name) in worst.iter().take(25) {
            println!("  {f:.4} {name}");
        }
    }
}
