//! A translation memory sverka writes, loaded into OmegaT (Debian's `omegat`,
//! console mode) as a translator would: every OmegaT segment that is one
//! sverka sentence in a confident 1-1 bead is filled with that bead's
//! translation, and sentences sverka left untranslated stay untranslated.
//!
//! The document has kremlin.ru's typography: a no-break space after short
//! words, double spaces, typographic quotes and dashes. The OmegaT project
//! uses paragraph segmentation (`sentence_seg` off) and the document has one
//! sentence per paragraph, so OmegaT's segments are sverka's sentences: the
//! test checks the memory, not how two sentence splitters agree (the
//! measurement on real statements, `scripts/omegat-fill.sh`, uses OmegaT's
//! own sentence segmentation for both memories it compares).

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use common::{Tool, align_ok, one_line, tool};
use quick_xml::events::Event;

const EN: &str = "President of\u{a0}Russia Vladimir Putin: Citizens of\u{a0}Russia, friends,\n\n\
I\u{a0}am reaching out to\u{a0}you on\u{a0}an\u{a0}issue that concerns all of\u{a0}us.\n\n\
The number of\u{a0}new cases  continues to\u{a0}grow in\u{a0}many countries.\n\n\
This paragraph was added to the English page after the Russian one went out.\n\n\
We have allocated 200\u{a0}billion roubles to\u{a0}the\u{a0}regions in\u{a0}2020.\n\n\
The lives and\u{a0}health of\u{a0}our citizens are our top priority \u{2014} there is nothing more important.\n\n\
Thank you.\n";

const RU: &str = "Президент России Владимир Путин: Уважаемые граждане России, дорогие друзья,\n\n\
Обращаюсь к\u{a0}вам по\u{a0}вопросу, который касается всех нас.\n\n\
Число новых случаев  продолжает расти во\u{a0}многих странах.\n\n\
Мы выделили регионам 200\u{a0}млрд рублей в\u{a0}2020\u{a0}г.\n\n\
Жизнь и\u{a0}здоровье наших граждан\u{a0}\u{2014} наш главный приоритет, нет ничего важнее.\n\n\
Спасибо.\n";

fn project_file(dir: &Path) {
    let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
<project version="1.0">
<source_dir>__DEFAULT__</source_dir>
<target_dir>__DEFAULT__</target_dir>
<tm_dir>__DEFAULT__</tm_dir>
<glossary_dir>__DEFAULT__</glossary_dir>
<glossary_file>__DEFAULT__</glossary_file>
<dictionary_dir>__DEFAULT__</dictionary_dir>
<source_lang>EN-GB</source_lang>
<target_lang>RU-RU</target_lang>
<source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
<target_tok>org.omegat.tokenizer.LuceneRussianTokenizer</target_tok>
<sentence_seg>false</sentence_seg>
<support_default_translations>true</support_default_translations>
<remove_tags>false</remove_tags>
</project>
</omegat>
"#;
    std::fs::write(dir.join("omegat.project"), xml).unwrap();
}

/// The source → translation pairs OmegaT filled, from the project memory it
/// exports (`PROJECT-omegat.tmx`, TMX 1.1 with `lang` attributes).
fn filled(tmx: &Path) -> HashMap<String, String> {
    let text = std::fs::read_to_string(tmx).unwrap();
    let mut reader = quick_xml::Reader::from_str(&text);
    let (mut out, mut lang, mut seg, mut unit) = (HashMap::new(), String::new(), None, Vec::new());
    loop {
        match reader.read_event().expect("OmegaT writes well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "tuv" => {
                let attr = e.try_get_attribute("lang").unwrap().unwrap();
                lang = attr.value.to_uppercase();
            }
            Event::Start(e) if e.name().as_ref() == "seg" => seg = Some(String::new()),
            Event::Text(t) => {
                if let Some(seg) = seg.as_mut() {
                    seg.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(seg) = seg.as_mut() {
                    let entity = format!("&{};", r.xml10_content());
                    seg.push_str(&quick_xml::escape::unescape(&entity).unwrap());
                }
            }
            Event::End(e) if e.name().as_ref() == "seg" => {
                unit.push((lang.clone(), seg.take().unwrap_or_default()))
            }
            Event::End(e) if e.name().as_ref() == "tu" => {
                let find = |prefix: &str| unit.iter().find(|(l, _)| l.starts_with(prefix));
                if let (Some((_, en)), Some((_, ru))) = (find("EN"), find("RU")) {
                    out.insert(en.clone(), ru.clone());
                }
                unit.clear();
            }
            Event::Eof => return out,
            _ => {}
        }
    }
}

#[test]
fn omegat_fills_its_segments_from_sverkas_memory() {
    let Some(omegat) = tool(
        Tool::Omegat,
        "omegat_fills_its_segments_from_sverkas_memory",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = (dir.path().join("en.txt"), dir.path().join("ru.txt"));
    std::fs::write(&en, EN).unwrap();
    std::fs::write(&ru, RU).unwrap();
    let project = dir.path().join("project");
    for sub in [
        "source",
        "target",
        "tm/auto",
        "glossary",
        "dictionary",
        "omegat",
    ] {
        std::fs::create_dir_all(project.join(sub)).unwrap();
    }
    project_file(&project);
    std::fs::write(project.join("source/statement.txt"), EN).unwrap();
    let memory = project.join("tm/auto/sverka.tmx");
    align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "--keep-unaligned".as_ref(),
        "-o".as_ref(),
        memory.as_os_str(),
    ]);
    let run = Command::new(omegat)
        .arg(&project)
        .arg("--mode=console-translate")
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let filled = filled(&project.join("project-omegat.tmx"));
    let beads: Vec<serde_json::Value> = align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "-f".as_ref(),
        "jsonl".as_ref(),
    ])
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect();
    let text = |bead: &serde_json::Value, side: &str| -> Vec<String> {
        bead[side]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| one_line(s["text"].as_str().unwrap()))
            .collect()
    };
    let (mut confident, mut untranslated) = (0, 0);
    for bead in &beads {
        let (en, ru) = (text(bead, "en"), text(bead, "ru"));
        if bead["bead"] == "1-1" && bead["score"].as_f64().unwrap() >= 0.9 {
            confident += 1;
            assert_eq!(filled.get(&en[0]), Some(&ru[0]), "segment {:?}", en[0]);
        }
        if ru.is_empty() {
            untranslated += 1;
            assert_eq!(
                filled.get(&en[0]),
                None,
                "untranslated {:?} was filled",
                en[0]
            );
        }
    }
    assert_eq!(confident, 6, "{beads:?}");
    assert_eq!(untranslated, 1, "{beads:?}");
    let target = std::fs::read_to_string(project.join("target/statement.txt")).unwrap();
    assert!(
        target.contains(
            "This paragraph was added to the English page after the Russian one went out."
        )
    );
    assert!(
        target.contains("Обращаюсь к\u{a0}вам по\u{a0}вопросу"),
        "{target}"
    );
}
