//! Page chrome in scraped plain text (language switches, menus, share links)
//! is never paired with text, stays out of translation memories unless
//! `--keep-chrome`, and `check` lists it apart; links whose two sides are the
//! same text stay out unless `--keep-identical`.

mod common;

use common::{align_ok, sample, sverka};

#[test]
fn the_samples_language_switch_is_not_paired() {
    let (en, ru) = sample();
    for line in align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "-f".as_ref(),
        "jsonl".as_ref(),
    ])
    .lines()
    {
        let bead: serde_json::Value = serde_json::from_str(line).unwrap();
        if line.contains("en-GB1 ru-RU1") {
            assert_eq!(bead["ru"].as_array().unwrap().len(), 0, "{line}");
        }
    }
    let table = align_ok([
        en.as_os_str(),
        ru.as_os_str(),
        "--min-score".as_ref(),
        "0.5".as_ref(),
    ]);
    let line = table.lines().find(|l| l.contains("en-GB1")).unwrap();
    assert!(line.contains("(untranslated)"), "{line}");
}

#[test]
fn translation_memories_leave_chrome_out_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = (dir.path().join("en.txt"), dir.path().join("ru.txt"));
    std::fs::write(
        &en,
        "Home | News | Events | Photos\n\nThe ministers met in Seoul on 23 March.\n\n\
         They discussed trade and energy.\n\nShare\n",
    )
    .unwrap();
    std::fs::write(
        &ru,
        "Главная | Новости | События | Фото\n\nМинистры встретились в Сеуле 23 марта.\n\n\
         Они обсудили торговлю и энергетику.\n\nПоделиться\n",
    )
    .unwrap();
    let csv = |extra: &[&str]| {
        let mut args = vec![
            en.as_os_str(),
            ru.as_os_str(),
            "-f".as_ref(),
            "csv".as_ref(),
        ];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        align_ok(args)
    };
    let plain = csv(&[]);
    assert_eq!(plain.lines().count(), 3, "{plain}");
    assert!(
        !plain.contains("Home") && !plain.contains("Поделиться"),
        "{plain}"
    );
    let kept = csv(&["--keep-chrome"]);
    assert!(
        kept.contains("Home | News") && kept.contains("Поделиться"),
        "{kept}"
    );

    let report = sverka([
        "check".as_ref(),
        en.as_os_str(),
        ru.as_os_str(),
        "--json".as_ref(),
        "--force-pair".as_ref(),
    ]);
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let untranslated = report["untranslated"].as_array().unwrap();
    assert!(
        untranslated
            .iter()
            .all(|u| !u["text"].as_str().unwrap().contains("Share"))
    );
}

#[test]
fn identical_sides_stay_out_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = (dir.path().join("en.txt"), dir.path().join("ru.txt"));
    std::fs::write(
        &en,
        "The ministers met in Seoul on 23 March.\n\nhttps://www.mid.ru/ru/4648117\n\n\
         They discussed trade and energy.\n",
    )
    .unwrap();
    std::fs::write(
        &ru,
        "Министры встретились в Сеуле 23 марта.\n\nhttps://www.mid.ru/ru/4648117\n\n\
         Они обсудили торговлю и энергетику.\n",
    )
    .unwrap();
    let tsv = |extra: &[&str]| {
        let mut args = vec![
            en.as_os_str(),
            ru.as_os_str(),
            "-f".as_ref(),
            "tsv".as_ref(),
        ];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        align_ok(args)
    };
    assert!(!tsv(&[]).contains("mid.ru"));
    assert!(tsv(&["--keep-identical"]).contains("mid.ru"));
}
