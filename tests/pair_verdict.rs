//! The verdict on the pair: two texts that are not translations of each
//! other are refused by `align` and `check` with exit code 3 and one line
//! naming `--force-pair`, which overrides it.

mod common;

use common::{sample, sverka};

/// The sample's English from the first sentence the Russian does not cover:
/// a text with no Russian counterpart at all, beside the sample's Russian.
fn english_tail(dir: &std::path::Path) -> std::path::PathBuf {
    let (en, _) = sample();
    let text = std::fs::read_to_string(en).unwrap();
    let start = text
        .find("I hope that following my visit")
        .expect("the sample's tail");
    let path = dir.join("tail.en.txt");
    std::fs::write(&path, &text[start..]).unwrap();
    path
}

#[test]
fn align_refuses_texts_that_are_not_translations_of_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let (tail, ru) = (english_tail(dir.path()), sample().1);
    let out_file = dir.path().join("memory.tmx");
    let out = sverka([
        "align".as_ref(),
        tail.as_os_str(),
        ru.as_os_str(),
        "-o".as_ref(),
        out_file.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("do not look like translations") && stderr.contains("--force-pair"));
    assert!(!out_file.exists(), "no output for a refused pair");

    let forced = sverka([
        "align".as_ref(),
        tail.as_os_str(),
        ru.as_os_str(),
        "--force-pair".as_ref(),
        "-f".as_ref(),
        "beads".as_ref(),
    ]);
    assert_eq!(forced.status.code(), Some(0));
}

#[test]
fn align_takes_the_ragged_sample_for_a_pair() {
    let (en, ru) = sample();
    let out = sverka(["align".as_ref(), en.as_os_str(), ru.as_os_str()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_reports_the_verdict_and_exits_3_on_a_mismatched_pair() {
    let dir = tempfile::tempdir().unwrap();
    let (tail, ru) = (english_tail(dir.path()), sample().1);
    let out = sverka([
        "check".as_ref(),
        tail.as_os_str(),
        ru.as_os_str(),
        "--json".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let score = report["pair"]["score"].as_f64().unwrap();
    assert!(score < report["pair"]["threshold"].as_f64().unwrap());

    let (en, ru) = sample();
    let out = sverka([
        "check".as_ref(),
        en.as_os_str(),
        ru.as_os_str(),
        "--json".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["pair"]["score"].as_f64().unwrap() >= report["pair"]["threshold"].as_f64().unwrap()
    );
}

#[test]
fn a_forced_check_says_the_texts_are_not_a_translation_pair() {
    let dir = tempfile::tempdir().unwrap();
    let (tail, ru) = (english_tail(dir.path()), sample().1);
    let out = sverka([
        "check".as_ref(),
        tail.as_os_str(),
        ru.as_os_str(),
        "--force-pair".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Not a translation pair:"), "{text}");
}

#[test]
fn align_says_when_two_texts_are_too_short_to_judge() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = (dir.path().join("en.txt"), dir.path().join("ru.txt"));
    std::fs::write(&en, "Thank you!\n").unwrap();
    std::fs::write(&ru, "Погода хорошая.\n").unwrap();
    let out = sverka([
        "align".as_ref(),
        en.as_os_str(),
        ru.as_os_str(),
        "-f".as_ref(),
        "tsv".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("sverka: note: ")
            && stderr.contains("too short to tell whether they translate each other"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
