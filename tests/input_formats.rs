//! Web pages, Word files and Markdown documents in: what is aligned is the
//! text a reader sees, block by block, without site chrome or code, and
//! offsets point into the source files.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Tool, align, align_ok, sverka, sverka_ok, tool};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora/lavrov-2021-03-23")
        .join(name)
}

/// The (English, Russian) pairs of a TSV alignment.
fn pairs(tsv: &str) -> Vec<(String, String)> {
    tsv.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), f[1].to_string())
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write input");
    path
}

#[test]
fn sample_page_and_scraped_text_give_the_same_pairs() {
    let ru = sample("ru.txt");
    let text = pairs(&align_ok([
        sample("en.txt"),
        ru.clone(),
        "-f".into(),
        "tsv".into(),
    ]));
    let page = pairs(&align_ok([
        sample("en.html"),
        ru,
        "-f".into(),
        "tsv".into(),
    ]));
    // The scraped text keeps the page's language list ("• en-GB1 ru-RU1");
    // the plain-text chrome rules never pair it and leave it out of the
    // output, and the page reader drops it as chrome: the pairs are the same.
    assert!(!text.iter().any(|(en, _)| en.starts_with('•')), "{text:?}");
    assert_eq!(page, text);
    assert!(page.len() >= 13, "{page:?}");
}

/// `html` with tags removed and the entities the sample page uses decoded.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&rsquo;", "\u{2019}")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[test]
fn jsonl_spans_point_into_the_page() {
    let page = std::fs::read_to_string(sample("en.html")).unwrap();
    let out = align_ok([
        sample("en.html"),
        sample("ru.txt"),
        "-f".into(),
        "jsonl".into(),
    ]);
    let mut seen = 0;
    for line in out.lines() {
        let bead: serde_json::Value = serde_json::from_str(line).unwrap();
        for s in bead["en"].as_array().unwrap() {
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            let span = &page[start as usize..end as usize];
            let text = s["text"].as_str().unwrap();
            let squeeze = |t: &str| t.split_whitespace().collect::<String>();
            assert_eq!(squeeze(&visible(span)), squeeze(text), "span {span:?}");
            // The line is the page's line the sentence starts on.
            let line = page[..start as usize].matches('\n').count() + 1;
            assert_eq!(s["line"].as_u64().unwrap() as usize, line);
            seen += 1;
        }
    }
    assert!(seen > 50, "{seen} sentences");
}

/// A statement page as a ministry's site serves it: head, cookie banner,
/// header with a language switch, menu, breadcrumbs, date line, body, share
/// bar, related news, footer and scripts. `chrome` is this language's site
/// text; `body` the statement's paragraphs.
fn ministry_page(lang: &str, chrome: &[&str; 8], title: &str, date: &str, body: &[&str]) -> String {
    let [cookie, home, switch, menu1, menu2, share, related, footer] = chrome;
    let paragraphs: String = body.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r##"<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {home}</title>
<script>var _paq = window._paq || []; _paq.push(['trackPageView']);</script>
<style>.share {{ float: right }}</style></head>
<body>
<div class="cookie-consent" role="dialog">{cookie} <button>OK</button></div>
<header class="top"><a class="logo" href="/">{home}</a>
<div class="langSwitcher"><a href="/en/">EN</a> <a href="/ru/">{switch}</a></div></header>
<nav class="menu"><ul><li><a href="/1">{menu1}</a></li><li><a href="/2">{menu2}</a></li></ul></nav>
<div id="breadcrumbs"><a href="/">{home}</a> &rsaquo; <a href="/news">{menu1}</a></div>
<div id="content">
<div class="date-line">{date}</div>
<h1>{title}</h1>
{paragraphs}<div class="social-share">{share}: <a href="#">VK</a> <a href="#">Telegram</a></div>
<div class="related"><h3>{related}</h3><ul><li><a href="/n/1">{menu2}</a></li></ul></div>
</div>
<footer><p>{footer}</p></footer>
<script src="/js/app.js"></script>
</body></html>
"##
    )
}

const EN_CHROME: [&str; 8] = [
    "We use cookies to improve this site.",
    "Ministry of Foreign Affairs",
    "Русская версия",
    "Press releases",
    "Contacts",
    "Share this page",
    "Related news",
    "All rights reserved. Reuse with a link to the source.",
];
const RU_CHROME: [&str; 8] = [
    "Сайт использует файлы cookie.",
    "Министерство иностранных дел",
    "RU",
    "Пресс-релизы",
    "Версия для печати",
    "Поделиться",
    "Другие новости",
    "Все права защищены. При использовании материалов ссылка обязательна.",
];

fn ministry_pair(dir: &Path) -> (PathBuf, PathBuf) {
    let en = ministry_page(
        "en",
        &EN_CHROME,
        "Statement on the talks in Seoul",
        "23 March 2021, 13:00",
        &[
            "The ministers met in Seoul on 23&nbsp;March. They discussed trade, which reached $30 billion in 2020.",
            "Both sides agreed to resume regular flights between the two capitals",
            "<strong>Question:</strong> Will the &ldquo;Nine Bridges&rdquo; plan go on?<br>Answer: Yes, it will.",
        ],
    );
    let ru = ministry_page(
        "ru",
        &RU_CHROME,
        "Заявление о переговорах в Сеуле",
        "23 марта 2021 года, 13:00",
        &[
            "Министры встретились в Сеуле 23&nbsp;марта. Они обсудили торговлю, объём которой в 2020 году достиг 30 млрд долларов.",
            "Стороны договорились возобновить регулярное авиасообщение между двумя столицами",
            "<strong>Вопрос:</strong> Продолжится ли план &laquo;Девять мостов&raquo;?<br>Ответ: Да, продолжится.",
        ],
    );
    (write(dir, "en.html", &en), write(dir, "ru.html", &ru))
}

/// The words of one side of a JSONL bead, joined by single spaces.
fn sentence_texts(bead: &serde_json::Value, side: &str) -> String {
    let sentences = bead[side].as_array().expect("a list of sentences");
    let words: Vec<&str> = sentences
        .iter()
        .flat_map(|s| s["text"].as_str().unwrap().split_whitespace())
        .collect();
    words.join(" ")
}

#[test]
fn ministry_pages_with_different_chrome_align_their_statements() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = ministry_pair(dir.path());
    let out = align_ok([&en, &ru, Path::new("-f"), Path::new("jsonl")]);
    let mut texts = Vec::new();
    for line in out.lines() {
        let bead: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(common::is_link(&bead), "one-sided bead {bead}");
        texts.push(sentence_texts(&bead, "en"));
        texts.push(sentence_texts(&bead, "ru"));
    }
    for chrome in EN_CHROME.iter().chain(&RU_CHROME) {
        let word = chrome.split_whitespace().next().unwrap();
        assert!(
            texts.iter().all(|t| !t.contains(chrome)),
            "chrome {chrome:?} in the output"
        );
        assert!(!texts.iter().any(|t| t.starts_with(word) && word.len() > 3));
    }
    assert_eq!(texts[0], "23 March 2021, 13:00");
    assert_eq!(texts[1], "23 марта 2021 года, 13:00");
    // Blocks are hard boundaries: the paragraph without a stop does not run
    // into the next, and <br> ends a line; entities are decoded.
    assert!(
        texts.contains(
            &"Both sides agreed to resume regular flights between the two capitals".into()
        )
    );
    assert!(texts.contains(&"Question: Will the “Nine Bridges” plan go on?".into()));
    assert!(texts.contains(&"Answer: Yes, it will.".into()));
    assert!(
        texts.contains(&"Продолжится ли план «Девять мостов»?".into())
            || texts.iter().any(|t| t.contains("«Девять мостов»"))
    );
    assert!(texts.contains(&"The ministers met in Seoul on 23 March.".into()));
    // The no-break space of `&nbsp;` is kept as a no-break space.
    assert!(out.contains("on 23\u{a0}March."), "{out}");
    // --whole-page keeps the chrome too.
    let all = sverka_ok(
        ["split", "--lang", "en", "--whole-page"]
            .map(Into::into)
            .into_iter()
            .chain([en.into_os_string()]),
    );
    assert!(
        all.contains("Share this page") && all.contains("Русская версия"),
        "{all}"
    );
    assert!(
        !all.contains("trackPageView") && !all.contains("| Ministry"),
        "{all}"
    );
}

#[test]
fn tmx_csv_and_the_check_page_work_from_web_pages() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = ministry_pair(dir.path());
    let tmx = dir.path().join("out.tmx");
    align_ok([&en, &ru, Path::new("-o"), &tmx]);
    let tmx = std::fs::read_to_string(tmx).unwrap();
    assert!(tmx.contains(
        "<seg>Both sides agreed to resume regular flights between the two capitals</seg>"
    ));
    assert!(!tmx.contains("&lt;p") && !tmx.contains("cookie"), "{tmx}");
    let csv = align_ok([&en, &ru, Path::new("-f"), Path::new("csv")]);
    assert!(
        csv.contains("\"Answer: Yes, it will.\",\"Ответ: Да, продолжится.\""),
        "{csv}"
    );
    let html = dir.path().join("check.html");
    let out = sverka([
        "check".as_ref(),
        en.as_os_str(),
        ru.as_os_str(),
        "--html".as_ref(),
        html.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("100.0% of sentences"), "{report}");
    assert!(
        std::fs::read_to_string(html)
            .unwrap()
            .contains("Nine Bridges")
    );
}

#[test]
fn markdown_code_blocks_are_never_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(
        dir.path(),
        "en.md",
        "# Installing sverka\n\nBuild it with `cargo build --release` and run the tests.\nThe binary is in *target/release*.\n\n```sh\ncargo build --release\ncargo test --release\n```\n\n## Aligning\n\n- Give the English file first\n- Then the Russian one\n\n    sverka align en.txt ru.txt\n\n> Output goes to standard output.\n",
    );
    let ru = write(
        dir.path(),
        "ru.md",
        "# Установка sverka\n\nСоберите её командой `cargo build --release` и запустите тесты.\nПрограмма окажется в *target/release*.\n\n```\ncargo build --release\n```\n\n## Выравнивание\n\n- Сначала английский файл\n- Затем русский\n\n~~~\nsverka align en.txt ru.txt -o memory.tmx\n~~~\n\n> Результат выводится на стандартный вывод.\n",
    );
    let out = align_ok([&en, &ru, Path::new("-f"), Path::new("tsv")]);
    let got = pairs(&out);
    for (en, ru) in &got {
        for code in ["cargo test", "sverka align", "memory.tmx"] {
            assert!(
                !en.contains(code) && !ru.contains(code),
                "code in {en:?} | {ru:?}"
            );
        }
    }
    assert_eq!(got.len(), 7, "{out}");
    assert!(got.contains(&(
        "Build it with cargo build --release and run the tests.".into(),
        "Соберите её командой cargo build --release и запустите тесты.".into()
    )));
    assert!(got.contains(&(
        "Give the English file first".into(),
        "Сначала английский файл".into()
    )));
    // Offsets are into the Markdown file.
    let jsonl = align_ok([&en, &ru, Path::new("-f"), Path::new("jsonl")]);
    let source = std::fs::read_to_string(&en).unwrap();
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    let s = &first["en"][0];
    let span = &source[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize];
    assert_eq!(span, "Installing sverka");
}

#[test]
fn each_side_may_be_a_different_format_and_the_format_may_be_given() {
    let dir = tempfile::tempdir().unwrap();
    let (en, _) = ministry_pair(dir.path());
    let ru = write(
        dir.path(),
        "ru.txt",
        "23 марта 2021 года, 13:00\n\nЗаявление о переговорах в Сеуле\n\nМинистры встретились в Сеуле 23 марта. Они обсудили торговлю, объём которой в 2020 году достиг 30 млрд долларов.\n",
    );
    let out = align_ok([&en, &ru, Path::new("-f"), Path::new("tsv")]);
    assert!(
        out.contains("Statement on the talks in Seoul\tЗаявление о переговорах в Сеуле"),
        "{out}"
    );
    // Read as plain text, a page is its markup.
    let out = align([
        &en,
        &ru,
        Path::new("--en-input-format"),
        Path::new("text"),
        Path::new("-f"),
        Path::new("tsv"),
    ]);
    // (Every --…input-format value once made clap panic, exit 101.)
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("<p>"));
    // `auto` tells the format from the content, as no flag does.
    let auto = [&en, &ru, Path::new("--ru-input-format"), Path::new("auto")];
    let out = align_ok(auto.iter().chain(&[Path::new("-f"), Path::new("tsv")]));
    assert!(out.contains("Statement on the talks in Seoul\tЗаявление о переговорах в Сеуле"));
    let split = [
        "split",
        "--lang",
        "en",
        "--input-format",
        "html",
        "-f",
        "jsonl",
    ];
    let out = sverka_ok(split.iter().map(Path::new).chain([en.as_path()]));
    assert!(
        out.contains("\"text\":\"Statement on the talks in Seoul\""),
        "{out}"
    );
    let out = align([&en, &ru, Path::new("--input-format"), Path::new("pdf")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown input format"));
}

#[test]
fn word_files_written_by_python_docx_align() {
    let Some(python) = tool(Tool::PythonDocx, "word_files_written_by_python_docx_align") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/make_docx.py");
    let make = |name: &str, spec: serde_json::Value| -> PathBuf {
        let spec_path = write(dir.path(), &format!("{name}.json"), &spec.to_string());
        let out_path = dir.path().join(name);
        let out = Command::new(&python)
            .arg(&script)
            .arg(&out_path)
            .arg(&spec_path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out_path
    };
    let en = make(
        "en.docx",
        serde_json::json!([
            {"heading": "Talks in Seoul", "level": 1},
            {"p": ["The ministers met in ", ["Seoul", {"bold": true}], " on 23\u{a0}March. They discussed trade."]},
            {"bullets": ["Trade reached $30 billion in 2020", "Flights will resume"]},
            {"table": [["Delegation", "Members"], ["Russia", "12"]]},
            {"p": ["Signed in Seoul", {"br": true}, "23 March 2021"]}
        ]),
    );
    let ru = make(
        "ru.docx",
        serde_json::json!([
            {"heading": "Переговоры в Сеуле", "level": 1},
            {"p": ["Министры встретились в ", ["Сеуле", {"italic": true}], " 23\u{a0}марта. Они обсудили торговлю."]},
            {"bullets": ["Товарооборот в 2020 году достиг 30 млрд долларов", "Авиасообщение будет возобновлено"]},
            {"table": [["Делегация", "Состав"], ["Россия", "12"]]},
            {"p": ["Подписано в Сеуле", {"br": true}, "23 марта 2021 года"]}
        ]),
    );
    let got = pairs(&align_ok([&en, &ru, Path::new("-f"), Path::new("tsv")]));
    let expected = [
        ("Talks in Seoul", "Переговоры в Сеуле"),
        // The no-break spaces of the document are kept, as written.
        (
            "The ministers met in Seoul on 23\u{a0}March.",
            "Министры встретились в Сеуле 23\u{a0}марта.",
        ),
        ("They discussed trade.", "Они обсудили торговлю."),
        (
            "Trade reached $30 billion in 2020",
            "Товарооборот в 2020 году достиг 30 млрд долларов",
        ),
        ("Flights will resume", "Авиасообщение будет возобновлено"),
        ("Delegation", "Делегация"),
        ("Members", "Состав"),
        ("Russia", "Россия"),
        // ("12", "12") is left out: a unit whose sides are identical is
        // noise in a translation memory (--keep-identical keeps it).
        ("Signed in Seoul", "Подписано в Сеуле"),
        ("23 March 2021", "23 марта 2021 года"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, expected);
    // Lines are paragraphs of the document.
    let jsonl = align_ok([&en, &ru, Path::new("-f"), Path::new("jsonl")]);
    let lines: Vec<u64> = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["en"][0]["line"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(lines, [1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 9]);
}
