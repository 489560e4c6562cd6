//! `sverka batch` end to end: the real binary on pairs generated in a
//! temporary folder by `tools/gen_pairs.rs`.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

#[path = "../tools/gen_pairs.rs"]
#[allow(dead_code)]
mod gen_pairs;

fn sverka(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("sverka runs")
}

fn sverka_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sverka runs");
    let mut input = child.stdin.take().unwrap();
    let text = stdin.to_string();
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn thousand_pairs_with_broken_ones_align_the_rest_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    gen_pairs::generate(root, 1000, 4).unwrap();
    // Broken pairs: an English file without its Russian partner, a binary
    // file, an empty file.
    fs::write(root.join("en/zz-unpaired.txt"), "Only in English.").unwrap();
    fs::write(root.join("en/zz-binary.txt"), "Text.").unwrap();
    fs::write(root.join("ru/zz-binary.txt"), b"\x00\x01\x02PK\x03\x04").unwrap();
    fs::write(root.join("en/zz-empty.txt"), "").unwrap();
    fs::write(root.join("ru/zz-empty.txt"), "Текст.").unwrap();

    let out = sverka(
        &[
            "batch", "--en-dir", "en", "--ru-dir", "ru", "-d", "out", "-f", "beads",
        ],
        root,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("zz-unpaired.txt: unpaired: no file of that name in ru"),
        "{err}"
    );
    assert!(
        err.contains("ru/zz-binary.txt: looks like a binary file"),
        "{err}"
    );
    assert!(err.contains("en/zz-empty.txt: file is empty"), "{err}");
    assert_eq!(err.matches("sverka: error:").count(), 3, "{err}");
    assert!(
        err.contains("pairs      1003 (1000 aligned, 3 failed)"),
        "{err}"
    );
    assert!(err.contains("failures   3 (listed above)"), "{err}");
    // stderr is a pipe here: no progress bar drawing.
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");

    let written = files_in(&root.join("out"));
    assert_eq!(written.len(), 1000, "no extra, temporary or partial files");
    assert_eq!(written[0], "p00000.beads");
    assert!(
        written
            .iter()
            .all(|n| n.starts_with('p') && n.ends_with(".beads"))
    );
}

#[test]
fn every_sentence_of_a_pair_lands_in_its_bead_file() {
    let dir = tempfile::tempdir().unwrap();
    gen_pairs::generate(dir.path(), 3, 20).unwrap();
    let out = sverka(
        &["batch", "-m", "manifest.csv", "-d", "out", "-f", "beads"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let single = sverka(
        &["align", "-f", "beads", "en/p00001.txt", "ru/p00001.txt"],
        dir.path(),
    );
    let from_batch = fs::read_to_string(dir.path().join("out/p00001.beads")).unwrap();
    assert_eq!(from_batch, String::from_utf8(single.stdout).unwrap());
}

#[test]
fn manifest_paths_are_relative_to_the_manifest_and_bad_rows_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    gen_pairs::generate(&data, 3, 5).unwrap();
    let mut manifest = fs::read_to_string(data.join("manifest.csv")).unwrap();
    manifest.push_str("p9,en/p00000.txt,\n");
    fs::write(data.join("manifest.csv"), manifest).unwrap();

    // Run from the parent folder: paths still resolve from data/.
    let out = sverka(
        &["batch", "-m", "data/manifest.csv", "-o", "all.beads"],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("data/manifest.csv:5: no ru"), "{err}");
    assert!(err.contains("pairs      4 (3 aligned, 1 failed)"), "{err}");
    assert!(dir.path().join("all.beads").exists());
}

#[test]
fn merged_output_holds_every_pair_in_manifest_order() {
    let dir = tempfile::tempdir().unwrap();
    gen_pairs::generate(dir.path(), 5, 8).unwrap();
    let root = dir.path();
    let out = sverka(
        &["batch", "-m", "manifest.csv", "-d", "each", "-f", "beads"],
        root,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sverka(&["batch", "-m", "manifest.csv", "-o", "all.beads"], root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let merged = fs::read_to_string(root.join("all.beads")).unwrap();
    let mut expected_lines = 0;
    for k in 0..5 {
        let each = fs::read_to_string(root.join(format!("each/p{k:05}.beads"))).unwrap();
        expected_lines += each.lines().count();
        if k == 0 {
            assert!(merged.starts_with(&each), "the first pair comes first");
        }
    }
    assert_eq!(merged.lines().count(), expected_lines);
}

#[test]
fn existing_outputs_are_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    gen_pairs::generate(root, 2, 3).unwrap();
    let args = [
        "batch", "--en-dir", "en", "--ru-dir", "ru", "-d", "out", "-f", "beads",
    ];
    assert_eq!(sverka(&args, root).status.code(), Some(0));
    fs::write(root.join("out/p00000.beads"), "kept").unwrap();

    let again = sverka(&args, root);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("out/p00000.beads: already exists; give --force"));
    assert_eq!(
        fs::read_to_string(root.join("out/p00000.beads")).unwrap(),
        "kept"
    );

    let forced = sverka(&[&args[..], &["--force"]].concat(), root);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_ne!(
        fs::read_to_string(root.join("out/p00000.beads")).unwrap(),
        "kept"
    );
}

#[test]
fn runs_that_cannot_start_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("en")).unwrap();
    fs::create_dir_all(root.join("ru")).unwrap();
    fs::write(root.join("bad.csv"), "name,english,russian\na,b,c\n").unwrap();
    let beads = ["-f", "beads"];
    let cases: [(&[&str], &str); 6] = [
        (
            &["-m", "nope.csv", "-d", "o"],
            "nope.csv: cannot read the manifest",
        ),
        (
            &["-m", "bad.csv", "-d", "o"],
            "bad.csv:1: the header must name",
        ),
        (
            &["--en-dir", "en", "--ru-dir", "ru", "-d", "o"],
            "no document pairs found",
        ),
        (
            &["--en-dir", "en", "--ru-dir", "none", "-d", "o"],
            "none: cannot read the folder",
        ),
        (&["-m", "bad.csv"], "give --out-dir DIR"),
        (
            &["-m", "bad.csv", "-o", "all.docx"],
            "all.docx: cannot tell the format",
        ),
    ];
    for (args, message) in cases {
        // Every case but the last names its format: the error comes first.
        let format: &[&str] = if args.contains(&"all.docx") {
            &[]
        } else {
            &beads
        };
        let args = [&["batch"], args, format].concat();
        let out = sverka(&args, root);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
}

#[test]
fn jsonl_keeps_input_order_and_answers_bad_lines_with_an_error() {
    let mut input = String::new();
    for k in 0..60 {
        let (en, ru) = gen_pairs::document(k, 1 + k as usize % 7);
        let line = match k {
            10 => "{not json".to_string(),
            20 => serde_json::json!({"id": k, "en": en}).to_string(),
            _ => serde_json::json!({"id": k, "en": en, "ru": ru}).to_string(),
        };
        input.push_str(&line);
        input.push('\n');
        if k == 30 {
            input.push('\n'); // blank lines are skipped
        }
    }
    let out = sverka_stdin(&["batch", "--jsonl", "--jobs", "2"], &input);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let results: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), 60);
    for (k, result) in results.iter().enumerate() {
        match k {
            10 => {
                assert_eq!(result["id"], serde_json::Value::Null);
                assert_eq!(result["line"], 11);
                assert!(
                    result["error"]
                        .as_str()
                        .unwrap()
                        .starts_with("<stdin>:11: not JSON")
                );
            }
            20 => assert_eq!(result["error"], "<stdin>:21: no \"ru\" field"),
            _ => {
                assert_eq!(result["id"], k, "results come in input order");
                let beads = result["beads"].as_array().unwrap();
                let en: usize = beads
                    .iter()
                    .map(|b| b["en"].as_array().unwrap().len())
                    .sum();
                assert_eq!(en, result["en_sentences"].as_u64().unwrap() as usize);
                assert!(beads[0]["score"].is_f64());
            }
        }
    }
    assert!(
        err.contains("pairs      60 (58 aligned, 2 failed)"),
        "{err}"
    );
}

#[test]
fn jsonl_quiet_success_prints_nothing_on_stderr() {
    let input = r#"{"id": "a", "en": "It rained. We stayed.", "ru": "Шёл дождь. Мы остались."}"#;
    let out = sverka_stdin(&["batch", "--jsonl", "--quiet"], input);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["beads"][1]["ru"][0]["text"], "Мы остались.");
}

#[test]
fn presplit_pairs_keep_one_sentence_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("en")).unwrap();
    fs::create_dir_all(root.join("ru")).unwrap();
    // Without --presplit "One. Two." is two sentences; with it each line is
    // one sentence whatever it holds.
    fs::write(root.join("en/a.txt"), "One. Two.\nThree\n").unwrap();
    fs::write(root.join("ru/a.txt"), "Раз. Два.\nТри\n").unwrap();
    let args = [
        "batch", "--en-dir", "en", "--ru-dir", "ru", "-o", "-", "-f", "beads",
    ];
    let out = sverka(&[&args[..], &["--presplit", "--quiet"]].concat(), root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "[0]:[0]\n[1]:[1]\n");
}

#[test]
fn learning_from_all_pairs_aligns_every_pair_and_covers_every_sentence() {
    let dir = tempfile::tempdir().unwrap();
    gen_pairs::generate(dir.path(), 20, 12).unwrap();
    let out = sverka(
        &[
            "batch",
            "-m",
            "manifest.csv",
            "-d",
            "out",
            "-f",
            "beads",
            "--learn-all",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(files_in(&dir.path().join("out")).len(), 20);
    // Every English line of a pair appears in exactly one bead.
    let beads = fs::read_to_string(dir.path().join("out/p00007.beads")).unwrap();
    let english = fs::read_to_string(dir.path().join("en/p00007.txt")).unwrap();
    let single = sverka(&["split", "--lang", "en", "en/p00007.txt"], dir.path());
    let sentences = String::from_utf8(single.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    let covered: usize = beads
        .lines()
        .map(|l| {
            let en = l.split(':').next().unwrap();
            en.trim_matches(|c| c == '[' || c == ']')
                .split(',')
                .filter(|x| !x.trim().is_empty())
                .count()
        })
        .sum();
    assert!(!english.is_empty());
    assert_eq!(covered, sentences);
}

const EN: &str =
    "The ministers met in Seoul on 23 March.\n\nThey discussed trade and the plan for next year.\n";
const RU: &str =
    "Министры встретились в Сеуле 23 марта.\n\nОни обсудили торговлю и план на следующий год.\n";

/// Two pairs in `en/` and `ru/` (`a` and `b`) and a manifest naming them.
fn two_pairs(root: &Path) {
    fs::create_dir_all(root.join("en")).unwrap();
    fs::create_dir_all(root.join("ru")).unwrap();
    for id in ["a", "b"] {
        fs::write(root.join(format!("en/{id}.txt")), EN).unwrap();
        fs::write(root.join(format!("ru/{id}.txt")), RU).unwrap();
    }
    fs::write(
        root.join("pairs.csv"),
        "id,en,ru\na,en/a.txt,ru/a.txt\nb,en/b.txt,ru/b.txt\n",
    )
    .unwrap();
}

#[test]
fn a_swapped_pair_fails_in_every_mode_with_aligns_message() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    two_pairs(root);
    // Pair b: the Russian text in en/ and the English one in ru/.
    fs::write(root.join("en/b.txt"), RU).unwrap();
    fs::write(root.join("ru/b.txt"), EN).unwrap();
    let align = sverka(&["align", "en/b.txt", "ru/b.txt"], root);
    assert_eq!(align.status.code(), Some(2));
    let err = stderr(&align);
    let expected = err.trim().strip_prefix("sverka: error: ").unwrap();
    assert!(expected.contains("did you swap them?"), "{expected}");
    for args in [
        &["batch", "--en-dir", "en", "--ru-dir", "ru", "-d", "out"][..],
        &["batch", "--manifest", "pairs.csv", "-o", "merged.tmx"][..],
    ] {
        let out = sverka(args, root);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains(&format!("sverka: error: pair `b`: {expected}")),
            "{args:?}: {err}\nexpected: {expected}"
        );
    }
    assert_eq!(files_in(&root.join("out")), ["a.tmx"]);
    let line = format!("{}\n", serde_json::json!({"id": "b", "en": RU, "ru": EN}));
    let out = sverka_stdin(&["batch", "--jsonl", "--quiet"], &line);
    assert_eq!(out.status.code(), Some(1));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let error = result["error"].as_str().unwrap();
    assert!(
        error.starts_with("<stdin>:1: \"en\" looks Russian")
            && error.contains("did you swap them?"),
        "{error}"
    );
}

#[test]
fn batch_writes_moses_per_pair_and_merged() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    two_pairs(root);
    let out = sverka(
        &[
            "batch", "--en-dir", "en", "--ru-dir", "ru", "-d", "out", "-f", "moses",
        ],
        root,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        files_in(&root.join("out")),
        ["a.en", "a.ru", "b.en", "b.ru"]
    );
    let single = sverka(
        &[
            "align", "en/a.txt", "ru/a.txt", "-o", "single", "-f", "moses",
        ],
        root,
    );
    assert_eq!(single.status.code(), Some(0), "{}", stderr(&single));
    for lang in ["en", "ru"] {
        assert_eq!(
            fs::read_to_string(root.join(format!("out/a.{lang}"))).unwrap(),
            fs::read_to_string(root.join(format!("single.{lang}"))).unwrap(),
            "batch writes what align writes"
        );
    }
    let out = sverka(
        &[
            "batch",
            "--manifest",
            "pairs.csv",
            "-o",
            "corpus",
            "-f",
            "moses",
        ],
        root,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let en = fs::read_to_string(root.join("corpus.en")).unwrap();
    let ru = fs::read_to_string(root.join("corpus.ru")).unwrap();
    assert_eq!(en.lines().count(), 4);
    assert_eq!(ru.lines().count(), 4);
    assert_eq!(
        en.lines().nth(2),
        Some("The ministers met in Seoul on 23 March.")
    );
    assert_eq!(
        ru.lines().nth(2),
        Some("Министры встретились в Сеуле 23 марта.")
    );
}

#[test]
fn merged_outputs_name_the_pair_of_every_unit_row_and_record() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    two_pairs(root);
    let run = |output: &str| {
        let out = sverka(&["batch", "--manifest", "pairs.csv", "-o", output], root);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        fs::read_to_string(root.join(output)).unwrap()
    };
    let csv = run("merged.csv");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "id,en,ru,score,bead,en_ids,ru_ids");
    let ids: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["a", "a", "b", "b"]);
    // Sentence ids count from 0 in each document.
    assert!(rows[3].ends_with(",1-1,0,0"), "{}", rows[3]);

    let tmx = run("merged.tmx");
    let units = tmx.matches("<tu ").count();
    assert_eq!(units, 4);
    assert_eq!(tmx.matches(r#"<prop type="x-document">"#).count(), units);
    assert_eq!(tmx.matches(r#"<prop type="x-document-ru">"#).count(), units);
    assert_eq!(tmx.matches("en/b.txt</prop>").count(), 2);
    assert_eq!(tmx.matches("ru/a.txt</prop>").count(), 2);

    let jsonl = run("merged.jsonl");
    let ids: Vec<String> = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"a\"", "\"a\"", "\"b\"", "\"b\""]);
}

#[test]
fn a_rerun_with_skip_existing_resumes_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    two_pairs(root);
    let args = ["batch", "--en-dir", "en", "--ru-dir", "ru", "-d", "out"];
    let first = sverka(&args, root);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    // An interrupted run: one output missing.
    fs::remove_file(root.join("out/b.tmx")).unwrap();
    let written = fs::read(root.join("out/a.tmx")).unwrap();
    let rerun = sverka(&[&args[..], &["--skip-existing"]].concat(), root);
    let err = stderr(&rerun);
    assert_eq!(rerun.status.code(), Some(0), "{err}");
    assert!(
        err.contains("(1 aligned, 0 failed, 1 skipped: already written)"),
        "{err}"
    );
    assert_eq!(files_in(&root.join("out")), ["a.tmx", "b.tmx"]);
    assert_eq!(fs::read(root.join("out/a.tmx")).unwrap(), written);
    let plain = sverka(&args, root);
    assert_eq!(
        plain.status.code(),
        Some(1),
        "without the flag a rerun fails"
    );
}

#[test]
fn a_missing_file_is_reported_once_with_its_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    two_pairs(root);
    fs::write(
        root.join("pairs.csv"),
        "id,en,ru\na,en/a.txt,ru/a.txt\nb,en/gone.txt,ru/b.txt\n",
    )
    .unwrap();
    let out = sverka(&["batch", "--manifest", "pairs.csv", "-d", "out"], root);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = err.lines().find(|l| l.contains("gone.txt")).unwrap();
    assert!(line.starts_with("sverka: error: pair `b`: "), "{line}");
    assert_eq!(line.matches("No such file").count(), 1, "{line}");
}

#[test]
fn batch_takes_aligns_per_pair_flags() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    two_pairs(root);
    // A Windows-1251 Russian file with --encoding, and --keep-unaligned with
    // an English sentence that has no counterpart.
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(RU);
    fs::write(root.join("ru/a.txt"), &cp1251).unwrap();
    fs::write(root.join("ru/b.txt"), &cp1251).unwrap();
    fs::write(
        root.join("en/a.txt"),
        format!("{EN}\nRelated news: a visit to Busan.\n"),
    )
    .unwrap();
    let args = [
        "batch",
        "--en-dir",
        "en",
        "--ru-dir",
        "ru",
        "-d",
        "out",
        "-f",
        "tsv",
        "--encoding",
        "windows-1251",
        "--keep-unaligned",
        "--min-score",
        "0.5",
    ];
    let out = sverka(&args, root);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let a = fs::read_to_string(root.join("out/a.tsv")).unwrap();
    assert!(a.contains("Министры встретились"), "{a}");
    assert!(a.contains("Related news: a visit to Busan.\t\t"), "{a}");
}

#[test]
fn append_adds_each_pair_to_its_own_tmx_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    two_pairs(root);
    let args = ["batch", "--en-dir", "en", "--ru-dir", "ru", "-d", "out"];
    let first = sverka(&args, root);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = fs::read_to_string(root.join("out/a.tmx")).unwrap();
    // New text in pair a: one new unit is added, the two already there are not.
    fs::write(
        root.join("en/a.txt"),
        format!("{EN}\nThey will meet again in May.\n"),
    )
    .unwrap();
    fs::write(
        root.join("ru/a.txt"),
        format!("{RU}\nОни встретятся снова в мае.\n"),
    )
    .unwrap();
    let again = sverka(&[&args[..], &["--append"]].concat(), root);
    let err = stderr(&again);
    assert_eq!(again.status.code(), Some(0), "{err}");
    let after = fs::read_to_string(root.join("out/a.tmx")).unwrap();
    assert_eq!(before.matches("<tu ").count(), 2);
    assert_eq!(after.matches("<tu ").count(), 3, "{after}");
    assert!(after.contains("They will meet again in May."));
    assert!(
        err.contains("out/a.tmx: 2 pair(s) already in the TMX were not added again"),
        "{err}"
    );
}

#[test]
fn batch_judges_a_pair_with_the_dictionaries_align_reads() {
    // Invented words: the built-in lexicon knows too few of them to judge
    // the pair, a dictionary that knows them all finds none translated.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let en = "The florp met the blix near the wugga. A dornel saw the quimble and the snarf.";
    let ru = "Вдоль реки шумел густой бурьян. Старый мельник смотрел на закат и молчал.";
    let words = [
        ("florp", "заркун"),
        ("blix", "бликсан"),
        ("wugga", "вугала"),
        ("dornel", "дорнец"),
        ("quimble", "квимбель"),
        ("snarf", "снарфик"),
        ("met", "встретил"),
        ("saw", "увидел"),
    ];
    let dictionary: String = words.iter().map(|(e, r)| format!("{e}\t{r}\n")).collect();
    fs::write(root.join("made-up.tsv"), dictionary).unwrap();
    fs::create_dir_all(root.join("en")).unwrap();
    fs::create_dir_all(root.join("ru")).unwrap();
    fs::write(root.join("en/a.txt"), en).unwrap();
    fs::write(root.join("ru/a.txt"), ru).unwrap();

    let plain = sverka(&["align", "en/a.txt", "ru/a.txt"], root);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let align = sverka(
        &["align", "--dict", "made-up.tsv", "en/a.txt", "ru/a.txt"],
        root,
    );
    assert_eq!(align.status.code(), Some(3), "{}", stderr(&align));
    let reason = stderr(&align);
    let reason = reason
        .split_once(": the two texts")
        .map(|(_, rest)| rest.split_once("; give --force-pair").unwrap().0)
        .unwrap();

    let args = [
        "batch",
        "--dict",
        "made-up.tsv",
        "--en-dir",
        "en",
        "--ru-dir",
        "ru",
        "-d",
        "out",
    ];
    let out = sverka(&args, root);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("pair `a`: the two texts{reason}")),
        "{err}"
    );
    let line = format!("{}\n", serde_json::json!({"id": "a", "en": en, "ru": ru}));
    let dictionary = root.join("made-up.tsv");
    let jsonl = [
        "batch",
        "--jsonl",
        "--quiet",
        "--dict",
        dictionary.to_str().unwrap(),
    ];
    let out = sverka_stdin(&jsonl, &line);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let error = result["error"].as_str().unwrap();
    assert!(error.contains(&format!("the two texts{reason}")), "{error}");
}
