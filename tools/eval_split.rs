//! Boundary precision, recall and F1 of sverka's splitter on gold JSONL files.
//!
//! Reads every `*.jsonl` file of a folder (default: the evaluation kit's
//! `../shared/eval/split/dev`), one `{"id", "text", "spans"}` record a line with
//! `spans` in code points, splits each text and prints one row per file. The
//! measure is the one of the kit's `split/score.py`: whitespace is ignored, a
//! boundary is the number of non-whitespace characters before a sentence end,
//! the end of a text is not a boundary, and P/R/F1 are micro-averaged.
//! The language comes from the file name: `*_en_*` is English, the rest Russian.
//!
//!     cargo run --release --example eval_split -- /work/shared/eval/split/dev
//!     cargo run --release --example eval_split -- ../shared/eval/split/dev --errors tune
//!
//! Every set is scored whole and in two halves, TUNE and CHECK (see
//! [`Part`]): rules are tuned on TUNE only, and CHECK says whether they
//! generalise. `--errors tune` (or `check`) prints each missed (`-`) and
//! spurious (`+`) boundary of that half with the text around it.
//!
//! `--pred FOLDER` scores another splitter's saved output instead of
//! sverka's, in the same halves: `FOLDER/<set>.jsonl` as the kit's
//! `score.py --save-pred` writes it (`{"id", "sentences"}` a line); sets
//! without such a file are left out.
//!
//!     python3 ../shared/eval/split/score.py ../shared/eval/split/dev/ud_ru_taiga.jsonl \
//!         --cmd "../shared/eval/peers/split_razdel.sh ru" --save-pred /tmp/razdel/ud_ru_taiga.jsonl
//!     cargo run --release --example eval_split -- ../shared/eval/split/dev --pred /tmp/razdel

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use sverka::{Lang, split};

/// Whitespace as Python's `str.isspace` sees it (the scorer's definition):
/// Unicode White_Space plus the four ASCII information separators.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

#[derive(Default)]
struct Score {
    texts: usize,
    exact: usize,
    gold: usize,
    predicted: usize,
    right: usize,
    chars: usize,
    seconds: f64,
}

impl Score {
    fn precision(&self) -> f64 {
        ratio(self.right, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.right, self.gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Gold boundaries of one record: non-space characters before each span end.
fn gold_boundaries(text: &str, spans: &[(usize, usize)]) -> BTreeSet<usize> {
    let mut prefix = Vec::with_capacity(text.len() + 1);
    prefix.push(0);
    let mut n = 0;
    for c in text.chars() {
        n += usize::from(!is_space(c));
        prefix.push(n);
    }
    spans
        .iter()
        .filter_map(|&(_, end)| prefix.get(end).copied())
        .filter(|&b| b > 0 && b < n)
        .collect()
}

/// Predicted boundaries of saved sentences: non-space characters up to the
/// end of each.
fn saved_boundaries(text: &str, sentences: &[String]) -> BTreeSet<usize> {
    let total = text.chars().filter(|&c| !is_space(c)).count();
    let mut n = 0;
    let mut out = BTreeSet::new();
    for sentence in sentences {
        n += sentence.chars().filter(|&c| !is_space(c)).count();
        if n > 0 && n < total {
            out.insert(n);
        }
    }
    out
}

/// The records of a JSON Lines file, each with its 1-based line number
/// (blank lines skipped).
fn json_lines(path: &Path) -> Result<Vec<(usize, serde_json::Value)>> {
    let name = path.display();
    let data = std::fs::read_to_string(path).with_context(|| format!("{name}: cannot read"))?;
    let lines = data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    lines
        .map(|(number, line)| {
            let record = serde_json::from_str(line)
                .with_context(|| format!("{name}:{}: not JSON", number + 1))?;
            Ok((number + 1, record))
        })
        .collect()
}

/// Another splitter's saved sentences, by record id.
type Saved = std::collections::HashMap<String, Vec<String>>;

/// Reads `{"id", "sentences"}` lines (the kit's `score.py --save-pred`).
fn read_saved(path: &Path) -> Result<Saved> {
    let name = path.display();
    let mut out = Saved::new();
    for (line, record) in json_lines(path)? {
        let (Some(id), Some(sentences)) = (record["id"].as_str(), record["sentences"].as_array())
        else {
            bail!("{name}:{line}: record without `id` and `sentences`");
        };
        let sentences = sentences
            .iter()
            .map(|s| s.as_str().unwrap_or_default().to_string())
            .collect();
        out.insert(id.to_string(), sentences);
    }
    Ok(out)
}

/// Predicted boundaries: non-space characters before each sentence's end byte.
fn predicted_boundaries(text: &str, ends: &[usize]) -> BTreeSet<usize> {
    let total = text.chars().filter(|&c| !is_space(c)).count();
    let mut out = BTreeSet::new();
    let (mut at, mut n) = (0, 0);
    for &end in ends {
        n += text[at..end].chars().filter(|&c| !is_space(c)).count();
        at = end;
        if n > 0 && n < total {
            out.insert(n);
        }
    }
    out
}

/// The half of a set a record belongs to.
///
/// Records of one document stay together when the set keeps documents
/// contiguous (`meta.contiguous`, UD EWT and GUM), so that a document's
/// words do not leak from TUNE into CHECK; otherwise (GSD, Taiga, razdel's
/// cases: shuffled sentences or one document) each record counts alone. The
/// key (`meta.doc`, else the record's `id`) is hashed with 64-bit FNV-1a: an
/// even hash is TUNE, an odd one CHECK.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Tune,
    Check,
}

fn part_of(record: &serde_json::Value) -> Part {
    let meta = &record["meta"];
    let key = match (meta["contiguous"].as_bool(), meta["doc"].as_str()) {
        (Some(true), Some(doc)) => doc,
        _ => record["id"].as_str().unwrap_or(""),
    };
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    if hash % 2 == 0 {
        Part::Tune
    } else {
        Part::Check
    }
}

/// Prints the boundaries of one text that the splitter missed or added.
fn print_errors(id: &str, text: &str, gold: &BTreeSet<usize>, predicted: &BTreeSet<usize>) {
    // Byte offset in `text` of each non-space character, to show the real spacing.
    let offsets: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| !is_space(c))
        .map(|(at, _)| at)
        .collect();
    for (sign, b) in gold
        .difference(predicted)
        .map(|&b| ('-', b))
        .chain(predicted.difference(gold).map(|&b| ('+', b)))
    {
        let at = offsets.get(b).copied().unwrap_or(text.len());
        let mut from = at.saturating_sub(70);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (at + 60).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let show = |s: &str| s.replace('\n', "⏎");
        println!(
            "{sign} {id}: {}‖{}",
            show(&text[from..at]),
            show(&text[at..to])
        );
    }
}

fn score_file(path: &Path, errors: Option<Part>, saved: Option<&Saved>) -> Result<[Score; 3]> {
    let name = path.display();
    let lang = if path
        .file_name()
        .is_some_and(|f| f.to_string_lossy().contains("_en_"))
    {
        Lang::En
    } else {
        Lang::Ru
    };
    let mut scores: [Score; 3] = Default::default();
    for (line, record) in json_lines(path)? {
        let (Some(text), Some(spans)) = (record["text"].as_str(), record["spans"].as_array())
        else {
            bail!("{name}:{line}: record without `text` and `spans`");
        };
        let spans: Vec<(usize, usize)> = spans
            .iter()
            .filter_map(|s| Some((s[0].as_u64()? as usize, s[1].as_u64()? as usize)))
            .collect();
        let part = part_of(&record);
        let gold = gold_boundaries(text, &spans);
        let id = record["id"].as_str().unwrap_or("?");
        let (predicted, seconds) = match saved {
            Some(saved) => {
                let Some(sentences) = saved.get(id) else {
                    bail!("{name}: no saved sentences for record {id}");
                };
                (saved_boundaries(text, sentences), 0.0)
            }
            None => {
                let started = Instant::now();
                let sentences = split::split(text, lang);
                let seconds = started.elapsed().as_secs_f64();
                let ends: Vec<usize> = sentences.iter().map(|s| s.end).collect();
                (predicted_boundaries(text, &ends), seconds)
            }
        };
        if errors == Some(part) {
            print_errors(id, text, &gold, &predicted);
        }
        let half = if part == Part::Tune { 1 } else { 2 };
        for k in [0, half] {
            let score = &mut scores[k];
            score.seconds += seconds;
            score.texts += 1;
            score.chars += text.chars().count();
            score.exact += usize::from(gold == predicted);
            score.gold += gold.len();
            score.predicted += predicted.len();
            score.right += gold.intersection(&predicted).count();
        }
    }
    Ok(scores)
}

fn main() -> ExitCode {
    let mut folder = PathBuf::from("../shared/eval/split/dev");
    let mut errors = None;
    let mut saved = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--pred" {
            let Some(folder) = args.next() else {
                eprintln!("eval_split: error: --pred takes a folder");
                return ExitCode::from(2);
            };
            saved = Some(PathBuf::from(folder));
        } else if arg == "--errors" {
            errors = match args.next().as_ref().and_then(|a| a.to_str()) {
                Some("tune") => Some(Part::Tune),
                Some("check") => Some(Part::Check),
                _ => {
                    eprintln!("eval_split: error: --errors takes `tune` or `check`");
                    return ExitCode::from(2);
                }
            };
        } else {
            folder = PathBuf::from(arg);
        }
    }
    match run(&folder, errors, saved.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval_split: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(folder: &Path, errors: Option<Part>, saved: Option<&Path>) -> Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .with_context(|| format!("{}: cannot list", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("{}: no .jsonl files", folder.display());
    }
    let mut rows = Vec::new();
    for path in &files {
        let saved = match saved {
            Some(folder) => match path.file_name().map(|f| folder.join(f)) {
                Some(file) if file.is_file() => Some(read_saved(&file)?),
                _ => continue,
            },
            None => None,
        };
        let scores = score_file(path, errors, saved.as_ref())?;
        let set = path
            .file_stem()
            .map_or(String::new(), |f| f.to_string_lossy().into_owned());
        rows.push((set, scores));
    }
    println!("| set | part | texts | gold | pred | P | R | F1 | exact texts | Mchars/s |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (set, scores) in &rows {
        for (s, part) in scores.iter().zip(["all", "TUNE", "CHECK"]) {
            // Saved sentences were not timed here.
            let speed = if saved.is_some() {
                "–".to_string()
            } else {
                format!("{:.1}", s.chars as f64 / s.seconds.max(1e-9) / 1e6)
            };
            println!(
                "| {set} | {part} | {} | {} | {} | {:.4} | {:.4} | {:.4} | {}/{} | {speed} |",
                s.texts,
                s.gold,
                s.predicted,
                s.precision(),
                s.recall(),
                s.f1(),
                s.exact,
                s.texts,
            );
        }
    }
    Ok(())
}
