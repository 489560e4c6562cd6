//! Helpers shared by the integration tests: running the binary, finding the
//! sample corpus, and the external tools the output is checked with.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The sample pair in `corpora/`: English longer than Russian.
pub fn sample() -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/lavrov-2021-03-23");
    (dir.join("en.txt"), dir.join("ru.txt"))
}

/// Runs `sverka` with `args`.
pub fn sverka<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run sverka")
}

/// Runs `sverka` and insists that it succeeds; returns stdout.
pub fn sverka_ok<I, S>(args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = sverka(args);
    assert!(
        out.status.success(),
        "sverka failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// An external program the tests check output with.
#[derive(Clone, Copy, Debug)]
pub enum Tool {
    /// `xmllint` (Debian libxml2-utils).
    Xmllint,
    /// `chromium` (Debian chromium).
    Chromium,
    /// Python with translate-toolkit, in a virtualenv made by ensure-tools.sh.
    TranslateToolkit,
    /// `omegat` (Debian omegat), run in console mode.
    Omegat,
    /// `chromedriver` (Debian chromium-driver), Chromium's WebDriver server.
    Chromedriver,
    /// Python with python-docx, in a virtualenv made by ensure-docx.sh.
    PythonDocx,
}

impl Tool {
    fn find(self) -> Option<PathBuf> {
        match self {
            Tool::Xmllint => which("xmllint"),
            Tool::Chromium => which("chromium").or_else(|| which("chromium-browser")),
            Tool::Omegat => which("omegat"),
            Tool::Chromedriver => which("chromedriver"),
            Tool::TranslateToolkit => {
                let python = tools_dir().join("venv/bin/python");
                let ok = Command::new(&python)
                    .args(["-c", "import translate.storage.tmx"])
                    .output()
                    .is_ok_and(|o| o.status.success());
                ok.then_some(python)
            }
            Tool::PythonDocx => {
                let python = tools_dir().join("docx-venv/bin/python");
                let ok = Command::new(&python)
                    .args(["-c", "import docx"])
                    .output()
                    .is_ok_and(|o| o.status.success());
                ok.then_some(python)
            }
        }
    }
}

/// The path of `tool`, installing it with `tests/tools/ensure-tools.sh` if it
/// is missing. `None` (the test should return early) only when it cannot be
/// installed here; with `SVERKA_REQUIRE_TOOLS=1` (CI) that is a failure.
pub fn tool(tool: Tool, test: &str) -> Option<PathBuf> {
    if let Some(path) = tool.find() {
        return Some(path);
    }
    static ENSURED: OnceLock<String> = OnceLock::new();
    let log = ENSURED.get_or_init(|| {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/ensure-tools.sh");
        match Command::new("sh")
            .arg(script)
            .env("SVERKA_TOOLS_DIR", tools_dir())
            .output()
        {
            Ok(out) => String::from_utf8_lossy(&out.stdout).into_owned(),
            Err(e) => format!("cannot run ensure-tools.sh: {e}"),
        }
    });
    if let Some(path) = tool.find() {
        return Some(path);
    }
    let message = format!("{test}: {tool:?} is not available and could not be installed:\n{log}");
    if std::env::var_os("SVERKA_REQUIRE_TOOLS").is_some_and(|v| v != "0") {
        panic!("{message}");
    }
    eprintln!("SKIPPED {message}");
    None
}

/// Where ensure-tools.sh keeps the virtualenv: `target/tools`.
pub fn tools_dir() -> PathBuf {
    std::env::var_os("SVERKA_TOOLS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tools"))
}

fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// The TMX 1.4b DTD: `$SVERKA_TMX_DTD`, else `../shared/formats/tmx14.dtd`
/// beside the repository (the layout the issue names; the DTD is LISA's, not
/// ours, so it is not copied into the repository).
pub fn tmx_dtd(test: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("SVERKA_TMX_DTD").map(PathBuf::from),
        Some(root.join("../shared/formats/tmx14.dtd")),
        Some(root.join("../../shared/formats/tmx14.dtd")),
    ];
    if let Some(found) = candidates.into_iter().flatten().find(|p| p.is_file()) {
        return Some(found);
    }
    let message = format!("{test}: no tmx14.dtd (set SVERKA_TMX_DTD)");
    if std::env::var_os("SVERKA_REQUIRE_TOOLS").is_some_and(|v| v != "0") {
        panic!("{message}");
    }
    eprintln!("SKIPPED {message}");
    None
}

/// Validates `file` against the TMX 1.4b DTD; panics with xmllint's message.
pub fn assert_valid_tmx(xmllint: &Path, dtd: &Path, file: &Path) {
    let out = Command::new(xmllint)
        .args(["--noout", "--dtdvalid"])
        .arg(dtd)
        .arg(file)
        .output()
        .expect("run xmllint");
    assert!(
        out.status.success(),
        "{} does not validate:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The JSONL output of `sverka align` on `en` and `ru`, parsed.
pub fn beads(en: &Path, ru: &Path) -> Vec<serde_json::Value> {
    align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "-f".as_ref(),
        "jsonl".as_ref(),
    ])
    .lines()
    .map(|l| serde_json::from_str(l).expect("each line is JSON"))
    .collect()
}

/// The text of one side of a JSONL bead as the TM formats write it: the text
/// of `file` (that side's input, without a BOM) from the first sentence's
/// start to the last one's end, verbatim but for a run of white space holding
/// a line break, which becomes one space.
pub fn side_text(bead: &serde_json::Value, side: &str, file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let sentences = bead[side].as_array().expect("a list of sentences");
    let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else {
        return String::new();
    };
    let offset = |s: &serde_json::Value, key: &str| s[key].as_u64().unwrap() as usize;
    one_line(&text[offset(first, "start")..offset(last, "end")])
}

/// `text` with every run of white space that holds a line break replaced by
/// one space (the only change a segment makes to the text it comes from).
pub fn one_line(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for c in text.chars().chain(['x']) {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        if run.contains([
            '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
        ]) {
            out.push(' ');
        } else {
            out.push_str(&run);
        }
        run.clear();
        out.push(c);
    }
    out.pop();
    out
}

pub fn is_link(bead: &serde_json::Value) -> bool {
    ["en", "ru"]
        .iter()
        .all(|s| !bead[s].as_array().expect("list").is_empty())
}

/// Runs `sverka align` with `args`.
pub fn align<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut all: Vec<std::ffi::OsString> = vec!["align".into()];
    all.extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
    sverka(all)
}

/// Runs `sverka align` and insists that it succeeds; returns stdout.
pub fn align_ok<I, S>(args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut all: Vec<std::ffi::OsString> = vec!["align".into()];
    all.extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
    sverka_ok(all)
}

/// Splits every text of `cases` in `lang` and fails with all the mismatches,
/// not only the first: the phenomenon suites (`split_phenomena*.rs`) give
/// one table of texts and their expected sentences per phenomenon.
pub fn check_split(lang: sverka::Lang, phenomenon: &str, cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got: Vec<String> = sverka::split::split(text, lang)
            .iter()
            .map(|s| s.text().to_string())
            .collect();
        if got != *expected {
            failures.push(format!(
                "  text:     {text:?}\n  expected: {expected:?}\n  got:      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{phenomenon}: {} of {} cases failed\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// Hard-wraps each paragraph of `paragraphs` at `width` characters, breaking
/// only at spaces and never inside a word, as an editor or a mail client does;
/// one paragraph a line, no blank line between them.
pub fn hard_wrap(paragraphs: &[&str], width: usize) -> String {
    let mut out = String::new();
    for paragraph in paragraphs {
        let mut line = 0;
        for (i, word) in paragraph.split(' ').enumerate() {
            let letters = word.chars().count();
            if i > 0 && line + 1 + letters > width {
                out.push('\n');
                line = 0;
            } else if i > 0 {
                out.push(' ');
                line += 1;
            }
            out.push_str(word);
            line += letters;
        }
        out.push('\n');
    }
    out
}

/// Splits `paragraphs` in `lang` unwrapped, one a line, and hard-wrapped at
/// every width from 30 to 100 characters, and fails, naming the widths, where
/// wrapping moved a sentence boundary: a text wrapped at a width holds the
/// same sentences as the text it was wrapped from.
pub fn check_wrapping_moves_no_boundary(lang: sverka::Lang, paragraphs: &[&str]) {
    let sentences = |text: &str| -> Vec<String> {
        sverka::split::split(text, lang)
            .iter()
            .map(|s| one_line(s.text()))
            .collect()
    };
    let unwrapped = sentences(&paragraphs.join("\n"));
    let mut failures = Vec::new();
    for width in (30..=100).step_by(5) {
        let got = sentences(&hard_wrap(paragraphs, width));
        if got != unwrapped {
            let moved: Vec<&String> = got.iter().filter(|s| !unwrapped.contains(s)).collect();
            failures.push(format!("  at {width} columns: {moved:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "wrapping moved sentence boundaries ({} sentences unwrapped):\n{}",
        unwrapped.len(),
        failures.join("\n")
    );
}

/// Where the sentences of `text` end, counted in characters that are
/// neither white space, nor invisible (zero-width, soft hyphen, byte order
/// mark), nor combining accents: the same for a text and a copy of it with
/// such characters added.
fn visible_ends(sentences: &[sverka::split::Sentence]) -> Vec<usize> {
    let mut at = 0;
    let mut ends = Vec::new();
    for s in sentences {
        at += s
            .text()
            .chars()
            .filter(|&c| {
                !c.is_whitespace()
                    && !matches!(
                        c,
                        '\u{AD}' | '\u{200B}' | '\u{FEFF}' | '\u{300}'..='\u{36F}'
                    )
            })
            .count();
        ends.push(at);
    }
    ends
}

/// Splits `paragraphs` in `lang` (one a line, a blank line between them), and
/// again written with characters that change nothing a reader sees: zero-width
/// spaces after sentence marks and between words (as a web page leaves them),
/// soft hyphens in long words, no-break spaces for all spaces, Unicode line
/// and paragraph separators for line breaks, `й`, `ё` and `é` decomposed into
/// a letter and a combining accent, a stress mark on every Russian word of two
/// or more vowels, a byte order mark in front. Fails, naming the variant and the
/// sentences, where one moved a sentence boundary.
pub fn check_invisible_characters_move_no_boundary(lang: sverka::Lang, paragraphs: &[&str]) {
    type Variant = fn(&str) -> String;
    fn zero_width(t: &str) -> String {
        let mut out = String::new();
        for (i, c) in t.chars().enumerate() {
            out.push(c);
            if matches!(c, '.' | '!' | '?' | '…') || c == ' ' && i % 5 == 0 {
                out.push('\u{200B}');
            }
        }
        out
    }
    fn soft_hyphens(t: &str) -> String {
        let words: Vec<String> = t
            .split(' ')
            .map(|w| {
                let letters: Vec<char> = w.chars().collect();
                if letters.len() >= 8 && letters.iter().all(|c| c.is_alphabetic()) {
                    let (a, b) = letters.split_at(4);
                    format!(
                        "{}\u{AD}{}",
                        a.iter().collect::<String>(),
                        b.iter().collect::<String>()
                    )
                } else {
                    w.to_string()
                }
            })
            .collect();
        words.join(" ")
    }
    fn no_break_spaces(t: &str) -> String {
        t.replace(' ', "\u{A0}")
    }
    fn separators(t: &str) -> String {
        t.replace("\n\n", "\u{2029}").replace('\n', "\u{2028}")
    }
    fn decomposed(t: &str) -> String {
        t.replace('й', "и\u{306}")
            .replace('ё', "е\u{308}")
            .replace('Ё', "Е\u{308}")
            .replace('é', "e\u{301}")
    }
    fn stressed(t: &str) -> String {
        // Russian vowels only: a Latin vowel and an accent compose into
        // another letter ("é"), not a stressed "e".
        let vowel = |c: char| "аеёиоуыэюя".contains(c.to_lowercase().next().unwrap_or(c));
        let mut out = String::new();
        for word in t.split_inclusive(' ') {
            let mut seen = 0;
            let many = word.chars().filter(|&c| vowel(c)).count() >= 2;
            for c in word.chars() {
                out.push(c);
                if many && vowel(c) {
                    seen += 1;
                    if seen == 2 {
                        out.push('\u{301}');
                    }
                }
            }
        }
        out
    }
    fn byte_order_mark(t: &str) -> String {
        format!("\u{FEFF}{t}")
    }
    let variants: [(&str, Variant); 7] = [
        ("zero-width spaces", zero_width),
        ("soft hyphens", soft_hyphens),
        ("no-break spaces", no_break_spaces),
        ("line and paragraph separators", separators),
        ("decomposed letters", decomposed),
        ("stress marks", stressed),
        ("a byte order mark", byte_order_mark),
    ];
    let text = paragraphs.join("\n\n");
    let plain = sverka::split::split(&text, lang);
    let expected = visible_ends(&plain);
    let mut failures = Vec::new();
    for (name, variant) in variants {
        let written = variant(&text);
        if written == text {
            // Only stress marks may find nothing to change: English vowels.
            assert!(
                name == "stress marks" && lang == sverka::Lang::En,
                "{name} changed nothing"
            );
            continue;
        }
        let got = sverka::split::split(&written, lang);
        if visible_ends(&got) != expected {
            let texts: Vec<String> = got.iter().map(|s| one_line(s.text())).collect();
            failures.push(format!("  {name}: {texts:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "invisible characters moved sentence boundaries ({} sentences as written plainly):\n{}",
        plain.len(),
        failures.join("\n")
    );
}
