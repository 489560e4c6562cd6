//! Stress for the splitter and the aligner on text no one would write: the
//! search that found the quadratic runs fixed on 7 December 2026 (see
//! docs/input.md, "Time"). Two measures, printed, not asserted:
//!
//! - **Invariants**, on random texts built from the splitter's own word lists
//!   and a list of marks, brackets, quotes, dashes, invisible and unusual
//!   characters: no panic; the sentences cover the text's visible
//!   characters once, in order, each trimmed and non-empty; with `--align`,
//!   the beads cover both sides in order with scores in 0..=1.
//! - **Runs**: each unit (alone, before a space, on a line of its own) and
//!   each pair of units repeated to 100 KB and to 400 KB and split in both
//!   languages; where 100 KB takes over 20 ms, a time ratio above 8 (twice
//!   the input's) is printed as superlinear.
//!
//! ```sh
//! cargo run --release --example split_stress -- invariants [SEED] [CASES] [--align]
//! cargo run --release --example split_stress -- runs
//! ```

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::Instant;

use sverka::{Aligner, Lang, split};

/// Pieces that the rules look at, beside the word lists of `data/`.
const PIECES: &[&str] = &[
    "U.S.",
    "p.m.",
    "a.m.",
    "Mr.",
    "Dr.",
    "т.е.",
    "Т.Е.",
    "т. е.",
    "и т.д.",
    "г.",
    "гг.",
    "вв.",
    "тыс.",
    "млн",
    "руб.",
    "А.",
    "Б.",
    "В.В.",
    "Путин",
    "Иванов",
    "J.",
    "R.",
    "Smith",
    "ETC.",
    "JAN.",
    "NO.",
    "No.",
    "no.",
    "ст.",
    "п.",
    "«",
    "»",
    "„",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "—",
    "–",
    "-",
    "--",
    "- ",
    "— ",
    "…",
    "...",
    ". . .",
    ".",
    "!",
    "?",
    "?!",
    "!!!",
    ":",
    ";",
    ",",
    "•",
    "*",
    "·",
    "1.",
    "2)",
    "iv.",
    "II.",
    "(a)",
    "а)",
    "§",
    "№",
    "#tag",
    "@user",
    "@screened-12",
    "http://x.ru/a.b?c=1.",
    "www.kremlin.ru",
    "ann@mail.ru",
    "3.14",
    "1,5",
    "2024",
    "12:30",
    "5%",
    "$30",
    "10 000",
    "1 января",
    "Jan 5",
    "😀",
    "👍🏻",
    "🇷🇺",
    "\u{200B}",
    "\u{AD}",
    "\u{301}",
    "\u{FEFF}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{C}",
    "\t",
    "\u{A0}",
    "\u{202F}",
    "а\u{301}",
    "Ё",
    "ß",
    "İ",
    "ǅ",
    "Σ",
    "ﬁ",
    "Ⅳ",
    "𝐀",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "THE",
    "AND",
    "И",
    "В",
    "Я",
    "Не",
    "He",
    "I",
    "The",
    "said",
    "сказал",
    "Глава",
    "Chapter",
    "Figure",
    "Рис.",
    "Q:",
    "Вопрос:",
    "С.В.Лавров:",
    "LAVROV:",
    "―",
    "\u{2060}",
    "‼",
    "⁇",
    "。",
    "！",
    "؟",
];

/// What comes between two pieces.
const SEPARATORS: &[&str] = &[
    " ", " ", " ", "", "\n", "\n\n", "  ", "\u{A0}", ". ", ", ", "! ", "? ", " — ", "\t",
];

/// Characters a sentence may leave out when they stand alone between two
/// sentences: white space, and the invisible ones the splitter reads through.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{301}'
        )
}

/// xorshift64: reproducible from a seed, no dependency.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// Up to 40 pieces, one text in ten up to 400, each piece as it is, in
    /// capitals or in lower case.
    fn text(&mut self, pool: &[String]) -> String {
        let most = if self.below(10) == 0 { 400 } else { 40 };
        let mut text = String::new();
        for _ in 0..=self.below(most) {
            let piece = &pool[self.below(pool.len())];
            match self.below(6) {
                0 => text.push_str(&piece.to_uppercase()),
                1 => text.push_str(&piece.to_lowercase()),
                _ => text.push_str(piece),
            }
            text.push_str(SEPARATORS[self.below(SEPARATORS.len())]);
        }
        text
    }
}

/// The pieces and the first column of the splitter's word lists.
fn pool() -> Vec<String> {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let lists = [
        "abbreviations-en.txt",
        "abbreviations-ru.txt",
        "sentence-starters-en.txt",
        "sentence-starters-ru.txt",
        "joining-openers-en.txt",
        "joining-openers-ru.txt",
        "salutations-en.txt",
        "salutations-ru.txt",
        "caption-words.txt",
        "date-phrase-words.txt",
        "capitalised-inside-ru.txt",
    ];
    let mut pool: Vec<String> = PIECES.iter().map(|p| p.to_string()).collect();
    for list in lists {
        let text = std::fs::read_to_string(format!("{data}/{list}")).unwrap_or_default();
        let words = text.lines().filter(|l| !l.starts_with('#'));
        pool.extend(
            words
                .filter_map(|l| l.split('\t').next())
                .map(str::trim)
                .map(String::from),
        );
    }
    pool.retain(|p| !p.is_empty());
    pool
}

fn check_split(text: &str, lang: Lang) -> Result<(), String> {
    let sentences = split::split(text, lang);
    let printed: String = sentences
        .iter()
        .flat_map(|s| s.text().chars())
        .filter(|&c| !is_blank(c))
        .collect();
    let written: String = text.chars().filter(|&c| !is_blank(c)).collect();
    if printed != written {
        return Err("the sentences do not cover the text once, in order".into());
    }
    match sentences
        .iter()
        .find(|s| s.text().is_empty() || s.text().trim() != s.text())
    {
        Some(s) => Err(format!("empty or untrimmed sentence {:?}", s.text())),
        None => Ok(()),
    }
}

fn check_align(en: &str, ru: &str) -> Result<(), String> {
    let alignment = Aligner::default().align(en, ru);
    let (mut en_at, mut ru_at) = (0, 0);
    for bead in &alignment.beads {
        if bead.en.start != en_at || bead.ru.start != ru_at {
            return Err(format!("bead {:?} {:?} out of order", bead.en, bead.ru));
        }
        if bead.en.is_empty() && bead.ru.is_empty() || !(0.0..=1.0).contains(&bead.score) {
            return Err(format!(
                "bead {:?} {:?} score {}",
                bead.en, bead.ru, bead.score
            ));
        }
        (en_at, ru_at) = (bead.en.end, bead.ru.end);
    }
    if (en_at, ru_at) != (alignment.en.len(), alignment.ru.len()) {
        return Err("the beads do not cover both sides".into());
    }
    Ok(())
}

/// Runs `check`, turning a panic into a failure.
fn guarded(check: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    panic::catch_unwind(AssertUnwindSafe(check)).unwrap_or_else(|_| Err("panic".into()))
}

fn invariants(seed: u64, cases: usize, align: bool) -> usize {
    let pool = pool();
    let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut failures = 0;
    panic::set_hook(Box::new(|_| {}));
    for case in 0..cases {
        let text = random.text(&pool);
        let other = if align {
            random.text(&pool)
        } else {
            String::new()
        };
        let mut results = vec![
            ("en", guarded(|| check_split(&text, Lang::En))),
            ("ru", guarded(|| check_split(&text, Lang::Ru))),
        ];
        if align {
            results.push(("align", guarded(|| check_align(&text, &other))));
        }
        for (what, result) in results {
            if let Err(message) = result {
                failures += 1;
                println!("case {case} {what}: {message}\n  {text:?}\n  {other:?}");
            }
        }
    }
    println!("seed {seed}: {cases} cases, {failures} failures");
    failures
}

/// Seconds to split `unit` repeated to about `bytes`.
fn seconds(unit: &str, bytes: usize, lang: Lang) -> f64 {
    let text = unit.repeat((bytes / unit.len()).max(1));
    let start = Instant::now();
    std::hint::black_box(split::split(&text, lang));
    start.elapsed().as_secs_f64()
}

fn runs() -> usize {
    let units: Vec<String> = PIECES
        .iter()
        // Each piece alone, before a space and on lines of its own: a
        // text with no space at all is where a look for the next space
        // runs to the end ("Yes.\n" a million times).
        .flat_map(|p| [p.to_string(), format!("{p} "), format!("{p}\n")])
        .chain(PIECES.iter().flat_map(|p| {
            PIECES
                .iter()
                .flat_map(move |q| [format!("{p}{q} "), format!("{p} {q} ")])
        }))
        .collect();
    let mut superlinear = 0;
    for unit in &units {
        for lang in [Lang::En, Lang::Ru] {
            let small = seconds(unit, 100_000, lang);
            // 100 KB in under 20 ms (5 MB/s) is linear enough; the runs fixed
            // took 70 ms to 8 s there.
            if small < 0.02 {
                continue;
            }
            let large = seconds(unit, 400_000, lang);
            let ratio = large / small;
            if ratio > 8.0 {
                superlinear += 1;
                println!(
                    "{lang:?} {unit:?}: 100 KB {small:.3} s, 400 KB {large:.3} s ({ratio:.1}x)"
                );
            }
        }
    }
    println!("{} units, {superlinear} superlinear", units.len());
    superlinear
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let found = match args.first().map(String::as_str) {
        Some("invariants") => {
            let number = |i: usize, default: u64| {
                args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default)
            };
            invariants(
                number(1, 1),
                number(2, 100_000) as usize,
                args.iter().any(|a| a == "--align"),
            )
        }
        Some("runs") => runs(),
        _ => {
            eprintln!(
                "usage: split_stress invariants [SEED] [CASES] [--align] | split_stress runs"
            );
            return ExitCode::from(2);
        }
    };
    if found == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
