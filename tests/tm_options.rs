//! Options a translator meets when writing a memory: language codes
//! (`--src-lang`, `--tgt-lang`, and `--append` following the memory's own),
//! standard input (`-`), the hint toward `--append`, and a BOM for Excel.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{align, align_ok};

const EN: &str = "The kettle is boiling.\n";
const RU: &str = "Чайник кипит.\n";

fn pair(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let (en, ru) = (dir.join("en.txt"), dir.join("ru.txt"));
    std::fs::write(&en, EN).unwrap();
    std::fs::write(&ru, RU).unwrap();
    (en, ru)
}

fn omegat_style_memory(lang: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6" segtype="sentence" srclang="EN-US"/>
  <body>
    <tu>
      <tuv lang="EN-US"><seg>Good morning.</seg></tuv>
      <tuv lang="{lang}"><seg>Доброе утро.</seg></tuv>
    </tu>
  </body>
</tmx>
"#
    )
}

#[test]
fn append_follows_the_language_codes_of_the_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = pair(dir.path());
    let tmx = dir.path().join("project.tmx");
    std::fs::write(&tmx, omegat_style_memory("RU")).unwrap();
    align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "--append".as_ref(),
        "-o".as_ref(),
        tmx.as_os_str(),
    ]);
    let text = std::fs::read_to_string(&tmx).unwrap();
    assert!(text.contains(r#"<tuv xml:lang="EN-US">"#), "{text}");
    assert!(text.contains(r#"<tuv xml:lang="RU">"#), "{text}");
    assert!(!text.contains("en-GB") && !text.contains("ru-RU"), "{text}");
}

#[test]
fn append_refuses_a_memory_of_another_language_pair() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = pair(dir.path());
    let tmx = dir.path().join("german.tmx");
    let before = omegat_style_memory("DE-DE");
    std::fs::write(&tmx, &before).unwrap();
    let out = align([
        en.as_os_str(),
        ru.as_os_str(),
        "--append".as_ref(),
        "-o".as_ref(),
        tmx.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("DE-DE") && stderr.contains("not an English–Russian memory"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
    assert_eq!(std::fs::read_to_string(&tmx).unwrap(), before);
}

#[test]
fn language_codes_are_written_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = pair(dir.path());
    let tmx = align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "--src-lang".as_ref(),
        "en-US".as_ref(),
        "--tgt-lang".as_ref(),
        "ru".as_ref(),
        "-f".as_ref(),
        "tmx".as_ref(),
    ]);
    assert!(tmx.contains(r#"srclang="en-US""#) && tmx.contains(r#"<tuv xml:lang="ru">"#));
    let out = align([
        en.as_os_str(),
        ru.as_os_str(),
        "--tgt-lang".as_ref(),
        "uk-UA".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a code for Russian"));
}

#[test]
fn an_existing_memory_gets_a_hint_toward_append() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = pair(dir.path());
    let tmx = dir.path().join("memory.tmx");
    align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "-o".as_ref(),
        tmx.as_os_str(),
    ]);
    let out = align([
        en.as_os_str(),
        ru.as_os_str(),
        "-o".as_ref(),
        tmx.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--append") && stderr.contains("--force"),
        "{stderr}"
    );
}

#[test]
fn either_text_can_come_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let (en, _) = pair(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args([
            "align".as_ref(),
            en.as_os_str(),
            "-".as_ref(),
            "-f".as_ref(),
            "tsv".as_ref(),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(RU.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("The kettle is boiling.\tЧайник кипит."));
}

#[test]
fn bom_starts_csv_and_tsv_for_excel() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = pair(dir.path());
    for format in ["csv", "tsv"] {
        let with = align_ok([
            en.as_os_str(),
            ru.as_os_str(),
            "-f".as_ref(),
            format.as_ref(),
            "--bom".as_ref(),
        ]);
        assert!(with.starts_with("\u{feff}en"), "{format}");
        let without = align_ok([
            en.as_os_str(),
            ru.as_os_str(),
            "-f".as_ref(),
            format.as_ref(),
        ]);
        assert!(without.starts_with("en"), "{format}");
    }
}
