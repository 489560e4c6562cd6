//! End-to-end tests of `sverka align` on the sample in `corpora/`.
//!
//! Golden files live in `tests/expected/`. After an intended change of
//! output, regenerate them with `SVERKA_BLESS=1 cargo test --test cli_align`
//! and review the diff.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = "corpora/lavrov-2021-03-23";

fn sverka(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the sverka binary runs")
}

fn sample(name: &str) -> String {
    format!("{SAMPLE}/{name}")
}

/// Compares `actual` with the golden file, or rewrites it when blessing.
fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    if std::env::var_os("SVERKA_BLESS").is_some() {
        std::fs::write(&path, actual).expect("golden file is writable");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with SVERKA_BLESS=1 to create it)",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "output differs from {}; run with SVERKA_BLESS=1 and review the diff\n--- actual ---\n{actual}",
        path.display()
    );
}

/// The sample's manual gold alignment, spaces removed.
fn manual_gold() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(sample("gold.beads"));
    std::fs::read_to_string(path)
        .expect("gold file")
        .replace(' ', "")
}

fn stdout_of(args: &[&str]) -> String {
    let out = sverka(args);
    assert!(
        out.status.success(),
        "sverka {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn sample_aligns_to_the_expected_beads() {
    let beads = stdout_of(&["align", &sample("en.txt"), &sample("ru.txt"), "-f", "beads"]);
    assert_golden("lavrov.beads", &beads);
}

#[test]
fn sample_table_matches_the_expected_output() {
    let table = stdout_of(&["align", &sample("en.txt"), &sample("ru.txt")]);
    assert_golden("lavrov.table.txt", &table);
}

#[test]
fn sample_leaves_the_english_tail_unaligned() {
    let beads = stdout_of(&["align", &sample("en.txt"), &sample("ru.txt"), "-f", "beads"]);
    let lines: Vec<&str> = beads.lines().collect();
    let last_link = lines
        .iter()
        .rposition(|l| !l.ends_with(":[]") && !l.starts_with("[]:"))
        .expect("some bead pairs sentences");
    // The Russian excerpt stops in Lavrov's first answer: everything after
    // its last sentence is English without Russian.
    assert!(lines[last_link + 1..].iter().all(|l| l.ends_with(":[]")));
    let tail = lines.len() - last_link - 1;
    assert!(tail >= 40, "tail of {tail} beads");
}

#[test]
fn presplit_sample_matches_the_manual_gold_alignment() {
    let beads = stdout_of(&[
        "align",
        "--presplit",
        "-f",
        "beads",
        &sample("en.sents"),
        &sample("ru.sents"),
    ]);
    assert_eq!(beads.replace(' ', ""), manual_gold());
}

#[test]
fn missing_input_is_one_line_error_with_exit_2_and_no_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target: PathBuf = dir.path().join("out.beads");
    let out = sverka(&[
        "align",
        "no-such-file.txt",
        &sample("ru.txt"),
        "-o",
        target.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no-such-file.txt"), "{stderr}");
    assert!(!target.exists());
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn unknown_format_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("out.docx");
    let out = sverka(&[
        "align",
        &sample("en.txt"),
        &sample("ru.txt"),
        "-o",
        target.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("out.docx"));
    assert!(!target.exists());
}

#[test]
fn malformed_dictionary_names_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dict = dir.path().join("dict.txt");
    std::fs::write(&dict, "пароход @ steamship\nno separator here\n").expect("write dict");
    let out = sverka(&[
        "align",
        &sample("en.txt"),
        &sample("ru.txt"),
        "--dict",
        dict.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("dict.txt:2:"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn user_dictionary_in_both_formats_is_accepted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hunalign = dir.path().join("hunalign.dic");
    let tsv = dir.path().join("pairs.tsv");
    std::fs::write(&hunalign, "пароход @ steamship\n").expect("write dict");
    std::fs::write(&tsv, "steamship\tпароход\n").expect("write dict");
    let with = stdout_of(&[
        "align",
        &sample("en.txt"),
        &sample("ru.txt"),
        "-f",
        "beads",
        "--dict",
        hunalign.to_str().expect("UTF-8 path"),
        "--dict",
        tsv.to_str().expect("UTF-8 path"),
    ]);
    let without = stdout_of(&["align", &sample("en.txt"), &sample("ru.txt"), "-f", "beads"]);
    // Neither word occurs in the sample, so the alignment must not change.
    assert_eq!(with, without);
}

#[test]
fn self_training_keeps_the_manual_gold_alignment() {
    let beads = stdout_of(&[
        "align",
        "--presplit",
        "--self-train",
        "-f",
        "beads",
        &sample("en.sents"),
        &sample("ru.sents"),
    ]);
    assert_eq!(beads.replace(' ', ""), manual_gold());
}

/// `align -f jsonl` offsets index the input file's own bytes in every
/// encoding sverka reads: slicing the file by them and decoding the slice
/// gives the sentence's text.
#[test]
fn jsonl_offsets_slice_the_file_bytes_in_every_encoding() {
    let en = "The ministers met in Seoul on 23 March.\n\nThey discussed trade and the \"Nine Bridges\" plan.\n";
    let ru = "Министры встретились в Сеуле 23 марта.\r\n\r\nОни обсудили торговлю и план «Девять мостов».\r\n";
    let utf16 = |text: &str, le: bool| -> Vec<u8> {
        let bom: &[u8] = if le { b"\xFF\xFE" } else { b"\xFE\xFF" };
        let units = text.encode_utf16().flat_map(|u| match le {
            true => u.to_le_bytes(),
            false => u.to_be_bytes(),
        });
        bom.iter().copied().chain(units).collect()
    };
    let cases: [(&str, Vec<u8>, &'static encoding_rs::Encoding); 5] = [
        ("utf-8", ru.as_bytes().to_vec(), encoding_rs::UTF_8),
        (
            "utf-8 BOM",
            [&b"\xEF\xBB\xBF"[..], ru.as_bytes()].concat(),
            encoding_rs::UTF_8,
        ),
        (
            "windows-1251",
            encoding_rs::WINDOWS_1251.encode(ru).0.into_owned(),
            encoding_rs::WINDOWS_1251,
        ),
        ("utf-16le", utf16(ru, true), encoding_rs::UTF_16LE),
        ("utf-16be", utf16(ru, false), encoding_rs::UTF_16BE),
    ];
    let dir = tempfile::tempdir().unwrap();
    let en_path = dir.path().join("en.txt");
    std::fs::write(&en_path, utf16(en, true)).unwrap();
    for (name, bytes, encoding) in cases {
        let ru_path = dir.path().join("ru.txt");
        std::fs::write(&ru_path, &bytes).unwrap();
        let out = sverka(&["align", "-f", "jsonl", path(&en_path), path(&ru_path)]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut seen = 0;
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let bead: serde_json::Value = serde_json::from_str(line).unwrap();
            let files = [
                ("en", utf16(en, true), encoding_rs::UTF_16LE),
                ("ru", bytes.clone(), encoding),
            ];
            for (side, file, encoding) in &files {
                for sentence in bead[side].as_array().unwrap() {
                    let start = sentence["start"].as_u64().unwrap() as usize;
                    let end = sentence["end"].as_u64().unwrap() as usize;
                    let (text, _) = encoding.decode_without_bom_handling(&file[start..end]);
                    assert_eq!(text, sentence["text"].as_str().unwrap(), "{name} {side}");
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, 4, "{name}");
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}
