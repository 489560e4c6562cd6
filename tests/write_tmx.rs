//! TMX output of `sverka align`: valid against the TMX 1.4b DTD, read back
//! unit for unit by translate-toolkit, safe with control characters, and
//! appendable without duplicates.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Tool, align, align_ok, assert_valid_tmx, beads, is_link, sample, side_text, tool};

fn tmx_units(file: &Path) -> usize {
    std::fs::read_to_string(file)
        .unwrap()
        .matches("<tu ")
        .count()
}

#[test]
fn tmx_of_the_sample_validates_against_the_dtd() {
    let Some(xmllint) = tool(Tool::Xmllint, "tmx_of_the_sample_validates_against_the_dtd") else {
        return;
    };
    let Some(dtd) = common::tmx_dtd("tmx_of_the_sample_validates_against_the_dtd") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = sample();
    for (name, extra) in [("plain.tmx", None), ("all.tmx", Some("--keep-unaligned"))] {
        let out = dir.path().join(name);
        let mut args = vec![
            en.as_os_str(),
            ru.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        args.extend(extra.map(std::ffi::OsStr::new));
        align_ok(args);
        assert_valid_tmx(&xmllint, &dtd, &out);
    }
    let text = std::fs::read_to_string(dir.path().join("plain.tmx")).unwrap();
    for attribute in [
        r#"creationtool="sverka""#,
        r#"segtype="sentence""#,
        r#"srclang="en-GB""#,
        r#"datatype="plaintext""#,
        r#"<tuv xml:lang="en-GB">"#,
        r#"<tuv xml:lang="ru-RU">"#,
        r#"<prop type="x-score">"#,
        r#"<prop type="x-bead">"#,
        r#"<prop type="x-document">"#,
    ] {
        assert!(text.contains(attribute), "no {attribute}");
    }
    let date = text.split("creationdate=\"").nth(1).unwrap();
    let date = &date[..date.find('"').unwrap()];
    assert_eq!(date.len(), 16, "{date}");
    assert!(date.chars().enumerate().all(|(i, c)| match i {
        8 => c == 'T',
        15 => c == 'Z',
        _ => c.is_ascii_digit(),
    }));
}

#[test]
fn tmx_has_one_unit_per_link_and_keeps_one_sided_beads_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = sample();
    let all = beads(&en, &ru);
    let links = all.iter().filter(|b| is_link(b)).count();
    let plain = dir.path().join("plain.tmx");
    let kept = dir.path().join("kept.tmx");
    let strict = dir.path().join("strict.tmx");
    align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "-o".as_ref(),
        plain.as_os_str(),
    ]);
    align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "--keep-unaligned".as_ref(),
        // The sample's language switch is page chrome, left out without this.
        "--keep-chrome".as_ref(),
        "-o".as_ref(),
        kept.as_os_str(),
    ]);
    align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "--min-score".as_ref(),
        "0.5".as_ref(),
        "-o".as_ref(),
        strict.as_os_str(),
    ]);
    assert_eq!(tmx_units(&plain), links);
    assert_eq!(tmx_units(&kept), all.len());
    let confident = all
        .iter()
        .filter(|b| is_link(b) && b["score"].as_f64().unwrap() >= 0.5)
        .count();
    assert_eq!(tmx_units(&strict), confident);
    assert!(all.len() > links, "the sample has untranslated sentences");
}

#[test]
fn tmx_round_trips_through_translate_toolkit() {
    let Some(python) = tool(
        Tool::TranslateToolkit,
        "tmx_round_trips_through_translate_toolkit",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = sample();
    let out = dir.path().join("memory.tmx");
    align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/read_tmx.py");
    let read = Command::new(python).arg(script).arg(&out).output().unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let store: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(store["srclang"], "en-GB");
    let units = store["units"].as_array().unwrap();
    let links: Vec<_> = beads(&en, &ru).into_iter().filter(is_link).collect();
    assert_eq!(units.len(), links.len());
    for (i, (unit, bead)) in units.iter().zip(&links).enumerate() {
        assert_eq!(unit["id"], (i + 1).to_string());
        assert_eq!(unit["source"], side_text(bead, "en", &en));
        assert_eq!(unit["target"], side_text(bead, "ru", &ru));
    }
}

#[test]
fn control_characters_are_removed_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    let ru = dir.path().join("ru.txt");
    std::fs::write(
        &en,
        "Ring the bell\u{7} twice. Press <Esc>\u{1b} & wait ]]> here.\n",
    )
    .unwrap();
    std::fs::write(
        &ru,
        "Позвоните\u{7} дважды. Нажмите <Esc> и ждите ]]> здесь.\n",
    )
    .unwrap();
    let tmx = dir.path().join("out.tmx");
    let out = align([
        en.as_os_str(),
        ru.as_os_str(),
        "-o".as_ref(),
        tmx.as_os_str(),
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("removed 3 control character(s)"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&tmx).unwrap();
    assert!(!text.contains(['\u{7}', '\u{1b}']));
    assert!(text.contains("&lt;Esc&gt;") && text.contains("&amp;") && text.contains("]]&gt;"));
    if let (Some(xmllint), Some(dtd)) = (
        tool(Tool::Xmllint, "control_characters_are_removed_and_counted"),
        common::tmx_dtd("control_characters_are_removed_and_counted"),
    ) {
        assert_valid_tmx(&xmllint, &dtd, &tmx);
    }
}

#[test]
fn append_adds_only_units_not_already_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = sample();
    let tmx = dir.path().join("memory.tmx");
    let append = |en: &Path, ru: &Path| {
        align([
            en.as_os_str(),
            ru.as_os_str(),
            "--append".as_ref(),
            "-o".as_ref(),
            tmx.as_os_str(),
        ])
    };
    assert!(append(&en, &ru).status.success());
    let first = tmx_units(&tmx);
    assert!(first > 0);
    let again = append(&en, &ru);
    assert!(again.status.success());
    assert_eq!(tmx_units(&tmx), first, "the same pairs are not added twice");
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains(&format!("{first} pair(s) already in the TMX")),
        "{stderr}"
    );

    let small_en = dir.path().join("small.en.txt");
    let small_ru = dir.path().join("small.ru.txt");
    std::fs::write(&small_en, "The kettle is boiling.\n").unwrap();
    std::fs::write(&small_ru, "Чайник кипит.\n").unwrap();
    assert!(append(&small_en, &small_ru).status.success());
    assert_eq!(tmx_units(&tmx), first + 1);
    let text = std::fs::read_to_string(&tmx).unwrap();
    assert!(text.contains(&format!("<tu tuid=\"{}\"", first + 1)));
    assert_eq!(text.matches("<tu tuid=\"1\"").count(), 1);
    if let (Some(xmllint), Some(dtd)) = (
        tool(
            Tool::Xmllint,
            "append_adds_only_units_not_already_in_the_file",
        ),
        common::tmx_dtd("append_adds_only_units_not_already_in_the_file"),
    ) {
        assert_valid_tmx(&xmllint, &dtd, &tmx);
    }
}

#[test]
fn append_refuses_a_file_that_is_not_tmx_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = sample();
    let target = dir.path().join("notes.tmx");
    std::fs::write(&target, "<html>\n<body></body></html>\n").unwrap();
    let out = align([
        en.as_os_str(),
        ru.as_os_str(),
        "--append".as_ref(),
        "-o".as_ref(),
        target.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("notes.tmx:1: not a TMX file"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "<html>\n<body></body></html>\n"
    );
}

#[test]
fn one_sided_units_have_a_single_tuv_that_translate_toolkit_reads() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    let ru = dir.path().join("ru.txt");
    std::fs::write(
        &en,
        "The talks began in Seoul.\n\nA paragraph nobody translated.\n\nThe end.\n",
    )
    .unwrap();
    std::fs::write(
        &ru,
        "Переговоры начались в Сеуле.\n\nКонец.\n\nЭтого абзаца в английском тексте нет вообще.\n",
    )
    .unwrap();
    let out = dir.path().join("kept.tmx");
    align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "--keep-unaligned".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        !text.contains("<seg></seg>") && !text.contains("<seg/>"),
        "{text}"
    );
    assert_eq!(tmx_units(&out), 4, "{text}");
    assert_eq!(text.matches("<tuv ").count(), 6, "{text}");
    if let (Some(xmllint), Some(dtd)) = (
        tool(Tool::Xmllint, "one_sided_units_have_a_single_tuv"),
        common::tmx_dtd("one_sided_units_have_a_single_tuv"),
    ) {
        assert_valid_tmx(&xmllint, &dtd, &out);
    }
    let Some(python) = tool(Tool::TranslateToolkit, "one_sided_units_have_a_single_tuv") else {
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/read_tmx.py");
    let read = Command::new(python).arg(script).arg(&out).output().unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let store: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    let units = store["units"].as_array().unwrap();
    assert_eq!(units.len(), 4);
    let untranslated_en = units
        .iter()
        .find(|u| u["source"] == "A paragraph nobody translated.")
        .expect("the English-only unit");
    assert!(untranslated_en["target"].as_str().is_none_or(str::is_empty));
    // translate-toolkit takes a unit's first <tuv> as its source language
    // only when the language matches: the Russian-only unit has no English.
    let empty = |v: &serde_json::Value| v.as_str().is_none_or(str::is_empty);
    assert_eq!(units.iter().filter(|u| empty(&u["source"])).count(), 1);
}
