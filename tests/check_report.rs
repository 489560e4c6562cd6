//! `sverka check` on the sample in `corpora/`, whose English goes on after
//! the Russian ends: the summary, the JSON report and `--fail-under`.

mod common;

use common::{sample, sverka};

fn check(extra: &[&str]) -> std::process::Output {
    let (en, ru) = sample();
    let mut args = vec!["check".into(), en.into_os_string(), ru.into_os_string()];
    args.extend(extra.iter().map(|a| a.into()));
    sverka(args)
}

fn json_report() -> serde_json::Value {
    let out = check(&["--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("--json prints JSON")
}

#[test]
fn reports_the_english_tail_as_untranslated() {
    let report = json_report();
    let (en, _) = sample();
    let text = std::fs::read_to_string(en).unwrap();
    let last_line = text.trim_end().lines().count() as u64;
    let untranslated = report["untranslated"].as_array().unwrap();
    let english: Vec<_> = untranslated.iter().filter(|u| u["lang"] == "en").collect();
    // The last English sentence (the page's tail) has no Russian counterpart.
    let last = english.last().expect("untranslated English sentences");
    assert_eq!(last["line"], last_line, "{last}");
    assert_eq!(
        last["sentence"].as_u64().unwrap() + 1,
        report["en"]["sentences"].as_u64().unwrap()
    );
    assert!(last["paragraph"].as_u64().unwrap() > 1);
    let en_cover = report["en"]["sentence_percent"].as_f64().unwrap();
    let ru_cover = report["ru"]["sentence_percent"].as_f64().unwrap();
    assert!(
        en_cover < 100.0 && ru_cover > en_cover,
        "{en_cover} {ru_cover}"
    );
    assert!(
        report["en"]["character_percent"].as_f64().unwrap() < 100.0,
        "characters of the tail count too"
    );
}

#[test]
fn prints_a_plain_summary_when_not_on_a_terminal() {
    let out = check(&[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "no colour in a pipe");
    assert!(text.contains("English"), "{text}");
    assert!(text.contains("Untranslated English sentences"), "{text}");
    let coloured = String::from_utf8(check(&["--color", "always"]).stdout).unwrap();
    assert!(coloured.contains("\x1b["));
}

#[test]
fn fail_under_sets_the_exit_status() {
    let report = json_report();
    let coverage = report["en"]["sentence_percent"]
        .as_f64()
        .unwrap()
        .min(report["ru"]["sentence_percent"].as_f64().unwrap());
    let above = format!("{}", (coverage + 1.0).min(100.0));
    let below = format!("{}", (coverage - 1.0).max(0.0));
    let failing = check(&["--fail-under", &above]);
    assert_eq!(failing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failing.stderr).contains("below --fail-under"));
    assert_eq!(check(&["--fail-under", &below]).status.code(), Some(0));
    assert_eq!(check(&["--fail-under", "150"]).status.code(), Some(2));
}

#[test]
fn flags_numbers_that_disagree_in_a_pair() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    let ru = dir.path().join("ru.txt");
    std::fs::write(
        &en,
        "Trade reached $30 billion in 2020.\n\nWe are pleased.\n",
    )
    .unwrap();
    std::fs::write(
        &ru,
        "Товарооборот достиг 20 млрд долларов в 2020 году.\n\nМы довольны.\n",
    )
    .unwrap();
    let out = sverka([
        "check".as_ref(),
        en.as_os_str(),
        ru.as_os_str(),
        "--json".as_ref(),
    ]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mismatches = report["number_mismatches"].as_array().unwrap();
    assert_eq!(mismatches.len(), 1, "{report}");
    assert_eq!(mismatches[0]["numbers"]["en"][0]["text"], "30 billion");
    assert_eq!(mismatches[0]["numbers"]["ru"][0]["text"], "20 млрд");
}

#[test]
fn a_missing_input_is_one_line_and_exit_2() {
    let out = sverka(["check", "no-such-en.txt", "no-such-ru.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no-such-en.txt"));
}

#[test]
fn json_report_holds_every_bead_in_the_bead_schema_with_file_offsets() {
    let report = json_report();
    let (en, ru) = sample();
    let files = [
        ("en", std::fs::read(en).unwrap()),
        ("ru", std::fs::read(ru).unwrap()),
    ];
    let beads = report["alignment"].as_array().unwrap();
    assert_eq!(beads.len() as u64, report["beads"].as_u64().unwrap());
    let mut sentences = 0;
    for bead in beads {
        assert_eq!(bead["version"], 1);
        for (side, bytes) in &files {
            for s in bead[side].as_array().unwrap() {
                let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                let slice = &bytes[start as usize..end as usize];
                assert_eq!(std::str::from_utf8(slice).unwrap(), s["text"]);
                sentences += 1;
            }
        }
    }
    let total =
        report["en"]["sentences"].as_u64().unwrap() + report["ru"]["sentences"].as_u64().unwrap();
    assert_eq!(sentences, total);
}
