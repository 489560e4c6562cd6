//! CSV, TSV, JSONL and Moses output of `sverka align`: parsed back with
//! standard readers (the `csv` crate, serde_json, Python's csv and json).

mod common;

use std::path::Path;
use std::process::Command;

use common::{align, align_ok, beads, is_link, sample, side_text};

#[test]
fn csv_parses_with_the_csv_crate_one_row_per_link() {
    let (en, ru) = sample();
    let text = align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "-f".as_ref(),
        "csv".as_ref(),
    ]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ["en", "ru", "score", "bead", "en_ids", "ru_ids"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let links: Vec<_> = beads(&en, &ru).into_iter().filter(is_link).collect();
    assert_eq!(rows.len(), links.len());
    for (row, bead) in rows.iter().zip(&links) {
        assert_eq!(&row[0], side_text(bead, "en", &en));
        assert_eq!(&row[1], side_text(bead, "ru", &ru));
        let score: f64 = row[2].parse().unwrap();
        assert!((score - bead["score"].as_f64().unwrap()).abs() < 1e-3);
        assert_eq!(&row[3], bead["bead"].as_str().unwrap());
        let ids = |side: &str| {
            let ids: Vec<String> = bead[side]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["id"].to_string())
                .collect();
            ids.join(" ")
        };
        assert_eq!(&row[4], ids("en"));
        assert_eq!(&row[5], ids("ru"));
    }
}

#[test]
fn csv_tsv_and_jsonl_parse_with_python_standard_readers() {
    let Some(python) = ["python3", "python"]
        .into_iter()
        .find(|p| Command::new(p).arg("--version").output().is_ok())
    else {
        eprintln!("SKIPPED csv_tsv_and_jsonl_parse_with_python_standard_readers: no python3");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    let ru = dir.path().join("ru.txt");
    // Quotes, commas, tabs and a line break inside a sentence, and dialogue
    // that starts with a quote (which an unquoted TSV field would lose).
    std::fs::write(
        &en,
        "He said, \"Yes\".\n\n\"No,\" she said, \"never.\"\n\nA tab\there and a\nline break.\n\nThe end.\n",
    )
    .unwrap();
    std::fs::write(
        &ru,
        "Он сказал: «Да», \"да\".\n\n\"Нет, — сказала она, — никогда\".\n\nТабуляция\tздесь и\nперенос строки.\n\nКонец.\n",
    )
    .unwrap();
    let mut files = Vec::new();
    for ext in ["csv", "tsv", "jsonl"] {
        let out = dir.path().join(format!("out.{ext}"));
        align_ok([
            en.as_os_str(),
            ru.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        files.push(out);
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/read_tables.py");
    let out = Command::new(python)
        .arg(script)
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let jsonl = parsed["jsonl"].as_array().unwrap();
    let links: Vec<_> = jsonl.iter().filter(|b| is_link(b)).collect();
    for format in ["csv", "tsv"] {
        let rows = parsed[format].as_array().unwrap();
        assert_eq!(rows.len(), links.len(), "{format}");
        for (row, bead) in rows.iter().zip(&links) {
            // TSV cannot hold a tab inside a field: it writes a space.
            let field = |text: String| match format {
                "tsv" => text.replace('\t', " "),
                _ => text,
            };
            assert_eq!(row[0], field(side_text(bead, "en", &en)), "{format}");
            assert_eq!(row[1], field(side_text(bead, "ru", &ru)), "{format}");
        }
    }
    let csv_text = parsed["csv"].to_string();
    assert!(csv_text.contains(r#"He said, \"Yes\"."#), "{csv_text}");
    assert!(
        parsed["tsv"]
            .to_string()
            .contains("A tab here and a line break.")
    );
    let tsv_text = parsed["tsv"].to_string();
    assert!(
        tsv_text.contains(r#"\"No,\" she said, \"never.\""#),
        "{tsv_text}"
    );
}

#[test]
fn jsonl_offsets_point_into_the_file_even_after_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = sample();
    let en_bom = dir.path().join("en.txt");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&en).unwrap());
    std::fs::write(&en_bom, &bytes).unwrap();
    let ru_bytes = std::fs::read(&ru).unwrap();
    let all = beads(&en_bom, &ru);
    let mut seen = [Vec::new(), Vec::new()];
    for bead in &all {
        for (k, (side, file)) in [("en", &bytes), ("ru", &ru_bytes)].into_iter().enumerate() {
            for s in bead[side].as_array().unwrap() {
                let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                let span = std::str::from_utf8(&file[start as usize..end as usize]).unwrap();
                assert_eq!(span, s["text"].as_str().unwrap());
                seen[k].push(s["id"].as_u64().unwrap());
            }
        }
    }
    // Every sentence of both sides appears once, in order.
    for ids in &seen {
        assert!(!ids.is_empty());
        assert!(
            ids.iter().enumerate().all(|(i, &id)| id == i as u64),
            "{ids:?}"
        );
    }
}

#[test]
fn jsonl_goes_to_stdout_and_moses_needs_a_prefix() {
    let (en, ru) = sample();
    let text = align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "-f".as_ref(),
        "jsonl".as_ref(),
    ]);
    assert!(text.lines().all(|l| l.starts_with('{')));
    let out = align([
        en.as_os_str(),
        ru.as_os_str(),
        "-f".as_ref(),
        "moses".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give -o PREFIX"));
}

#[test]
fn moses_writes_two_files_line_for_line() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = sample();
    let prefix = dir.path().join("corpus");
    align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "-f".as_ref(),
        "moses".as_ref(),
        "-o".as_ref(),
        prefix.as_os_str(),
    ]);
    let en_lines = std::fs::read_to_string(dir.path().join("corpus.en")).unwrap();
    let ru_lines = std::fs::read_to_string(dir.path().join("corpus.ru")).unwrap();
    let links: Vec<_> = beads(&en, &ru).into_iter().filter(is_link).collect();
    let en_lines: Vec<&str> = en_lines.lines().collect();
    let ru_lines: Vec<&str> = ru_lines.lines().collect();
    assert_eq!(en_lines.len(), links.len());
    assert_eq!(ru_lines.len(), links.len());
    for ((e, r), bead) in en_lines.iter().zip(&ru_lines).zip(&links) {
        assert_eq!(*e, side_text(bead, "en", &en));
        assert_eq!(*r, side_text(bead, "ru", &ru));
    }
    // `-o corpus.en` names the same pair; it exists now, so --force is needed.
    let again = align([
        en.as_os_str(),
        ru.as_os_str(),
        "-o".as_ref(),
        dir.path().join("corpus.en").as_os_str(),
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn picks_the_format_from_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = sample();
    let first_line = |ext: &str| {
        let out = dir.path().join(format!("out.{ext}"));
        align_ok([
            en.as_os_str(),
            ru.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        std::fs::read_to_string(out)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(first_line("csv"), "en,ru,score,bead,en_ids,ru_ids");
    assert_eq!(first_line("tsv"), "en\tru\tscore\tbead\ten_ids\tru_ids");
    assert!(first_line("jsonl").starts_with("{\"version\":1,\"bead\":"));
    assert!(first_line("tmx").starts_with("<?xml"));
    let unknown = align([
        en.as_os_str(),
        ru.as_os_str(),
        "-o".as_ref(),
        dir.path().join("out.docx").as_os_str(),
    ]);
    assert_eq!(unknown.status.code(), Some(2));
}
