//! Runs the `sverka` binary on the nasty corpus (`tests/nasty/*/case`, see
//! `tests/nasty/README.md`) and on generated inputs too big to keep: a
//! megabyte on one line, a million short lines.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SVERKA: &str = env!("CARGO_BIN_EXE_sverka");

/// One checked expectation of a case that did not hold.
type Failure = String;

#[test]
fn every_nasty_case_has_its_expected_outcome() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nasty");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/nasty exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.join("case").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "only {} cases found", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        for failure in run_case(case) {
            failures.push(format!("{name}: {failure}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn run_case(case: &Path) -> Vec<Failure> {
    let spec = fs::read_to_string(case.join("case")).expect("case file");
    let work = tempfile::tempdir().expect("temp dir");
    copy_dir(case, work.path());
    let mut failures = Vec::new();
    let mut before = Vec::new();
    let directives: Vec<(&str, &str)> = spec
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once(": ").unwrap_or((l.trim(), "")))
        .collect();
    for &(key, value) in &directives {
        if key == "unchanged" {
            before.push((value, fs::read(work.path().join(value)).expect(value)));
        }
    }
    let Some(&(_, args)) = directives.iter().find(|(k, _)| *k == "run") else {
        return vec!["no `run:` line".into()];
    };
    let out = Command::new(SVERKA)
        .args(args.split(' '))
        .current_dir(work.path())
        .stdin(Stdio::null())
        .output()
        .expect("run sverka");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut check = |ok: bool, what: String| {
        if !ok {
            failures.push(format!(
                "{what}\n  stdout: {stdout:.300}\n  stderr: {stderr:.300}"
            ));
        }
    };
    for &(key, value) in &directives {
        let path = work.path().join(value.split(' ').next().unwrap_or(""));
        match key {
            "run" => {}
            "exit" => check(
                out.status.code() == value.parse().ok(),
                format!("exit {:?}, expected {value}", out.status.code()),
            ),
            "stdout" => check(stdout.contains(value), format!("stdout lacks {value:?}")),
            "stderr" => check(stderr.contains(value), format!("stderr lacks {value:?}")),
            "stdout-empty" => check(stdout.is_empty(), "stdout not empty".into()),
            "stderr-empty" => check(stderr.is_empty(), "stderr not empty".into()),
            "stdout-exact" => {
                let expected = fs::read_to_string(case.join(value)).expect(value);
                check(stdout == expected, format!("stdout differs from {value}"));
            }
            "file-contains" => {
                let (_, text) = value.split_once(' ').unwrap_or((value, ""));
                let content = fs::read_to_string(&path).unwrap_or_default();
                check(content.contains(text), format!("{value:?} not in the file"));
            }
            "unchanged" => {
                let old = &before.iter().find(|(f, _)| *f == value).expect("read").1;
                let now = fs::read(&path).unwrap_or_default();
                check(&now == old, format!("{value} was changed"));
            }
            "absent" => check(!path.exists(), format!("{value} exists")),
            _ => check(false, format!("unknown directive {key:?}")),
        }
    }
    failures.extend(general_failures(&out, work.path()));
    failures
}

/// What must hold for every run: no panic, errors on one line, no leftovers.
fn general_failures(out: &Output, dir: &Path) -> Vec<Failure> {
    let mut failures = Vec::new();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("panicked") || out.status.code().is_none_or(|c| c > 3) {
        failures.push(format!("crashed: {:?}: {stderr}", out.status));
    }
    let ours: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("sverka:"))
        .collect();
    if ours.len() != stderr.lines().count() {
        failures.push(format!(
            "stderr has lines that are not sverka messages: {stderr}"
        ));
    }
    if ours
        .iter()
        .filter(|l| l.starts_with("sverka: error:"))
        .count()
        > 1
    {
        failures.push(format!("more than one error line: {stderr}"));
    }
    for entry in walk(dir) {
        let name = entry.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with(".sverka-") {
            failures.push(format!("temporary file left behind: {name}"));
        }
    }
    failures
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("case dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        }
        out.push(path);
    }
    out
}

/// Runs sverka on files in `dir`, killing it after `limit` (a hang or a
/// quadratic blowup on these inputs takes hours, not the seconds allowed).
fn run_with_limit(dir: &Path, args: &[&str], limit: Duration) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = Command::new(SVERKA)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sverka");
    // Read the pipes on threads so a big output cannot block the child.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).map(|_| buf)
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut buf).map(|_| buf)
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().expect("kill");
            panic!("sverka {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = Output {
        status,
        stdout: out_thread.join().expect("thread").expect("read"),
        stderr: err_thread.join().expect("thread").expect("read"),
    };
    (output, start.elapsed())
}

/// Generous for a debug build on a busy machine; quadratic behaviour on these
/// sizes would need hours.
const LIMIT: Duration = Duration::from_secs(120);

/// Writes `text` to `en.txt` in `dir`, splits it as English within [`LIMIT`],
/// fails unless sverka succeeds (with its error, and the text's first bytes),
/// and returns the sentences it printed.
fn split_english(dir: &Path, text: &str) -> String {
    fs::write(dir.join("en.txt"), text).expect("write");
    let (out, _) = run_with_limit(dir, &["split", "--lang", "en", "en.txt"], LIMIT);
    assert!(
        out.status.success(),
        "{:?}…: {}",
        text.chars().take(40).collect::<String>(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn megabyte_line_without_punctuation_is_cut_into_bounded_sentences() {
    let dir = tempfile::tempdir().expect("temp dir");
    let words = ["trade", "energy", "talks", "minister", "science", "autumn"];
    let mut line = String::with_capacity(1 << 20);
    for i in 0.. {
        if line.len() >= 1 << 20 {
            break;
        }
        line.push_str(words[i % words.len()]);
        line.push(' ');
    }
    let stdout = split_english(dir.path(), &line);
    // No sentence marks at all: cut at spaces into pieces of at most
    // 10,000 bytes (sverka::split::MAX_SENTENCE_BYTES), no word lost.
    assert!(stdout.lines().count() > 100, "{}", stdout.lines().count());
    assert!(stdout.lines().all(|l| l.len() <= 10_000));
    assert_eq!(
        stdout.split_whitespace().collect::<Vec<_>>(),
        line.split_whitespace().collect::<Vec<_>>()
    );
}

#[test]
fn megabytes_of_runs_of_rules_that_look_back_split_in_one_pass() {
    // Each line repeats what one rule of the splitter looks back or ahead
    // from: mentions before a reply, marks inside quoted speech and square
    // brackets, a greeting's addressee, bullets, a clock time's zone. A rule
    // that rescanned its sentence would need hours on a megabyte of them.
    let dir = tempfile::tempdir().expect("temp dir");
    for unit in [
        "@a ",
        "'a! b ",
        "[x! y ",
        "“a? b ",
        "Hi, Tony Xx ",
        "• ",
        "at 5 p.m. Moscow ",
        // Characters the splitter reads through (see `split/view.rs`).
        "a.\u{200B} ",
        "e\u{301}\u{301}\u{AD}\u{A0}",
        "\u{2029}\u{FEFF}x\u{2028}",
        // A word of glued marks, read ahead at each of them; initials, read
        // back to their surname; spaced dots, read back to the first; dashes
        // and brackets, read past to the next word; unclosed square
        // brackets, read ahead to their close (each took minutes before).
        "a.",
        "Ab.Cd",
        "---a",
        "A. ",
        ". ",
        "— ",
        "[. ",
        "(a)",
        "() ",
    ] {
        // Four megabytes: on these, a rule that reads to the end of a run at
        // each of its marks needs minutes, past the limit.
        let text = unit.repeat((1 << 22) / unit.len());
        let stdout = split_english(dir.path(), &text);
        // Every visible character printed once, in order.
        let visible = |t: &str| -> String {
            t.chars()
                .filter(|&c| !c.is_whitespace() && !matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{AD}'))
                .collect()
        };
        assert!(visible(&stdout) == visible(&text), "{unit:?}");
        // And no word cut, where there are words: a unit without white space
        // is one endless word, which is cut into bounded sentences.
        if unit.contains(char::is_whitespace) {
            assert_eq!(
                stdout.split_whitespace().count(),
                text.split_whitespace().count(),
                "{unit:?}"
            );
        }
    }
}

#[test]
fn megabyte_word_aligns_and_prints_as_a_table() {
    // PDF copy-paste that lost all spaces: one word of a megabyte, against a
    // short Russian text (table wrapping cuts the word into column pieces).
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("en.txt"), "x".repeat(1 << 20)).expect("write");
    fs::write(dir.path().join("ru.txt"), "Переговоры прошли в Москве.").expect("write");
    for format in ["beads", "table"] {
        let args = ["align", "en.txt", "ru.txt", "--format", format];
        let (out, _) = run_with_limit(dir.path(), &args, LIMIT);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(stderr.contains("shorter than en.txt"), "{stderr}");
    }
}

#[test]
fn million_short_lines_split_in_one_pass() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("en.txt"), "Yes.\n".repeat(1_000_000)).expect("write");
    for args in [
        &["split", "--lang", "en", "en.txt"][..],
        &["split", "--lang", "en", "en.txt", "--format", "jsonl"],
    ] {
        let (out, _) = run_with_limit(dir.path(), args, LIMIT);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines = out.stdout.iter().filter(|&&b| b == b'\n').count();
        assert_eq!(lines, 1_000_000);
    }
}

#[test]
fn many_short_lines_align_without_blowup() {
    // 20,000 lines a side: beyond the full-table size, so the banded
    // programme runs (a full table would need 400 million cells).
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("en.txt"), "Yes.\n".repeat(20_000)).expect("write");
    fs::write(dir.path().join("ru.txt"), "Да.\n".repeat(20_000)).expect("write");
    let args = ["align", "en.txt", "ru.txt", "--presplit", "-f", "beads"];
    let (out, _) = run_with_limit(dir.path(), &args, LIMIT);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let last = String::from_utf8_lossy(&out.stdout);
    assert_eq!(last.lines().last(), Some("[19999]:[19999]"));
}

#[test]
fn output_through_a_link_to_an_input_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    fs::write(d.join("en.txt"), "The talks went well. Both sides agreed.").expect("write");
    fs::write(
        d.join("ru.txt"),
        "Переговоры прошли хорошо. Стороны согласились.",
    )
    .expect("w");
    fs::hard_link(d.join("ru.txt"), d.join("hard.beads")).expect("hard link");
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("en.txt"), d.join("soft.beads")).expect("symlink");
    for out in ["hard.beads", "soft.beads"] {
        if !d.join(out).exists() {
            continue;
        }
        let args = ["align", "en.txt", "ru.txt", "-o", out, "--force"];
        let (output, _) = run_with_limit(d, &args, LIMIT);
        assert_eq!(output.status.code(), Some(2), "{out}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("is also an input file"));
    }
    let ru = fs::read_to_string(d.join("ru.txt")).expect("read");
    assert_eq!(ru, "Переговоры прошли хорошо. Стороны согласились.");
}

#[cfg(unix)]
#[test]
fn output_file_gets_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    fs::write(d.join("en.txt"), "The talks went well.").expect("write");
    fs::write(d.join("ru.txt"), "Переговоры прошли хорошо.").expect("write");
    let (out, _) = run_with_limit(d, &["align", "en.txt", "ru.txt", "-o", "o.beads"], LIMIT);
    assert!(out.status.success());
    let mode = |f: &str| fs::metadata(d.join(f)).expect(f).permissions().mode() & 0o777;
    // The same mode as any file created here (0666 less the umask), not the
    // 0600 of a temporary file.
    assert_eq!(mode("o.beads"), mode("en.txt"));
}

#[test]
fn closed_pipe_is_not_an_error() {
    // `sverka split big.txt | head -1`: the reader stops early.
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("en.txt"), "Yes.\n".repeat(200_000)).expect("write");
    let mut child = Command::new(SVERKA)
        .args(["split", "--lang", "en", "en.txt"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sverka");
    let mut first = [0u8; 5];
    std::io::Read::read_exact(child.stdout.as_mut().expect("stdout"), &mut first).expect("read");
    assert_eq!(&first, b"Yes.\n");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn page_nested_a_hundred_thousand_deep_is_refused_in_one_line() {
    // html5ever walks the stack of open elements for every tag: such a page
    // would take hours; sverka names the problem instead.
    let dir = tempfile::tempdir().expect("temp dir");
    let page = format!(
        "<!DOCTYPE html><p>Start.</p>{}<p>Deep.</p>",
        "<div>".repeat(100_000)
    );
    fs::write(dir.path().join("en.html"), page).expect("write");
    let (out, _) = run_with_limit(dir.path(), &["split", "--lang", "en", "en.html"], LIMIT);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("en.html: elements nested 100000 deep"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn megabyte_page_of_paragraphs_splits_in_one_pass() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paragraph = "<p>The ministers met in <b>Seoul</b> on 23&nbsp;March. They talked.</p>\n";
    let page = format!(
        "<!DOCTYPE html><nav><a href=/>Home</a></nav><article>{}</article>",
        paragraph.repeat((1 << 20) / paragraph.len())
    );
    fs::write(dir.path().join("en.html"), page).expect("write");
    let (out, _) = run_with_limit(dir.path(), &["split", "--lang", "en", "en.html"], LIMIT);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().filter(|l| *l == "They talked.").count(),
        (1 << 20) / paragraph.len()
    );
    assert!(!stdout.contains("Home"));
}
