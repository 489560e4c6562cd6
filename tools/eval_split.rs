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

fn score_file(path: &Path) -> Result<Score> {
    let name = path.display();
    let lang = if path
        .file_name()
        .is_some_and(|f| f.to_string_lossy().contains("_en_"))
    {
        Lang::En
    } else {
        Lang::Ru
    };
    let data = std::fs::read_to_string(path).with_context(|| format!("{name}: cannot read"))?;
    let mut score = Score::default();
    for (number, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let record: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{name}:{}: not JSON", number + 1))?;
        let (Some(text), Some(spans)) = (record["text"].as_str(), record["spans"].as_array())
        else {
            bail!("{name}:{}: record without `text` and `spans`", number + 1);
        };
        let spans: Vec<(usize, usize)> = spans
            .iter()
            .filter_map(|s| Some((s[0].as_u64()? as usize, s[1].as_u64()? as usize)))
            .collect();
        let gold = gold_boundaries(text, &spans);
        let started = Instant::now();
        let sentences = split::split(text, lang);
        score.seconds += started.elapsed().as_secs_f64();
        let ends: Vec<usize> = sentences.iter().map(|s| s.end).collect();
        let predicted = predicted_boundaries(text, &ends);
        score.texts += 1;
        score.chars += text.chars().count();
        score.exact += usize::from(gold == predicted);
        score.gold += gold.len();
        score.predicted += predicted.len();
        score.right += gold.intersection(&predicted).count();
    }
    Ok(score)
}

fn main() -> ExitCode {
    let folder = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("../shared/eval/split/dev"), PathBuf::from);
    match run(&folder) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval_split: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(folder: &Path) -> Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .with_context(|| format!("{}: cannot list", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("{}: no .jsonl files", folder.display());
    }
    println!("| set | lang | texts | gold | pred | P | R | F1 | exact texts | Mchars/s |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for path in &files {
        let s = score_file(path)?;
        let set = path
            .file_stem()
            .map_or(String::new(), |f| f.to_string_lossy().into_owned());
        let lang = if set.contains("_en_") { "en" } else { "ru" };
        println!(
            "| {set} | {lang} | {} | {} | {} | {:.4} | {:.4} | {:.4} | {}/{} | {:.1} |",
            s.texts,
            s.gold,
            s.predicted,
            s.precision(),
            s.recall(),
            s.f1(),
            s.exact,
            s.texts,
            s.chars as f64 / s.seconds.max(1e-9) / 1e6,
        );
    }
    Ok(())
}
