//! The page of `sverka review`, driven in headless Chromium through WebDriver
//! (Debian's chromium and chromium-driver, installed by
//! tests/tools/ensure-browser.sh): opened from file://, filtered, edited with
//! the mouse and with the keyboard alone, exported, and the export written
//! out by `sverka apply`.

mod common;
mod webdriver;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{Tool, sample, sverka, sverka_ok, tool};
use serde_json::Value;
use webdriver::{ARROW_DOWN, Browser, CONTROL, END, ENTER, ESCAPE, wait_for_file};

struct Setup {
    browser: Browser,
    page: PathBuf,
    downloads: PathBuf,
    check: Value,
    _dir: tempfile::TempDir,
}

/// Writes the review page of the sample and opens it; `None` when the
/// browser cannot be installed here (the test is then skipped).
fn open_sample(test: &str) -> Option<Setup> {
    let chromium = tool(Tool::Chromium, test)?;
    let chromedriver = tool(Tool::Chromedriver, test)?;
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("review.html");
    let (en, ru) = sample();
    sverka_ok([
        "review".as_ref(),
        en.as_os_str(),
        ru.as_os_str(),
        "-o".as_ref(),
        page.as_os_str(),
    ]);
    let check: Value = serde_json::from_str(&sverka_ok([
        "check".as_ref(),
        en.as_os_str(),
        ru.as_os_str(),
        "--json".as_ref(),
    ]))
    .unwrap();
    let downloads = dir.path().join("downloads");
    std::fs::create_dir(&downloads).unwrap();
    let browser = Browser::start(&chromedriver, &chromium, &downloads);
    browser.open(&page);
    wait_until(&browser, "return !!window.sverkaReview");
    Some(Setup {
        browser,
        page,
        downloads,
        check,
        _dir: dir,
    })
}

fn wait_until(browser: &Browser, condition: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while browser.run(condition) != Value::Bool(true) {
        assert!(
            Instant::now() < deadline,
            "never true: {condition}; page errors: {}",
            browser.run("return window.sverkaErrors || []")
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn assert_no_errors(browser: &Browser) {
    assert_eq!(
        browser.run("return window.sverkaErrors"),
        serde_json::json!([]),
        "errors thrown in the page"
    );
    let console = browser.console_errors();
    assert!(console.is_empty(), "console errors: {console:?}");
}

fn beads(browser: &Browser) -> Vec<Value> {
    let state = browser.run("return window.sverkaReview.state.beads");
    state.as_array().unwrap().clone()
}

fn progress(browser: &Browser) -> String {
    browser
        .run("return document.getElementById('progress').textContent")
        .as_str()
        .unwrap()
        .to_string()
}

/// The kind (`2-1`) of bead `b` of the page's state.
fn kind(b: &Value) -> String {
    let n = |a: &str, z: &str| b[z].as_u64().unwrap() - b[a].as_u64().unwrap();
    format!("{}-{}", n("es", "ee"), n("rs", "re"))
}

/// The text of every `<seg>` of a TMX file, unescaped.
fn segments(tmx: &str) -> Vec<String> {
    tmx.split("<seg>")
        .skip(1)
        .map(|s| {
            s[..s.find("</seg>").unwrap()]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn review_page_filters_edits_and_exports_in_chromium() {
    let Some(setup) = open_sample("review_page_filters_edits_and_exports_in_chromium") else {
        return;
    };
    let browser = &setup.browser;
    assert_no_errors(browser);

    // The page's own number check agrees with `sverka check`.
    let counts = browser.run("return window.sverkaReview.counts()");
    let check = &setup.check;
    assert_eq!(
        counts["numbers"],
        check["number_mismatches"].as_array().unwrap().len()
    );
    // Page chrome (the sample's language switch) is shown apart from
    // untranslated text, as `check` lists it.
    assert_eq!(
        counts["untranslated"],
        check["untranslated"].as_array().unwrap().len(),
        "every untranslated sentence of the sample is a bead of its own"
    );
    assert_eq!(counts["chrome"], check["chrome"].as_array().unwrap().len());
    assert!(counts["chrome"].as_u64().unwrap() > 0, "{counts}");
    assert_eq!(counts["all"], check["beads"]);

    // The untranslated tail is one row, not 49.
    let run = browser.run(
        "const r = document.querySelectorAll('.row.run'); return [r.length, r[0] && r[0].textContent]",
    );
    assert_eq!(run[0], 1, "{run}");
    assert!(
        run[1].as_str().unwrap().contains("have no Russian"),
        "{run}"
    );

    // Filter: only untranslated rows, then everything again.
    browser.click("[data-filter='untranslated']");
    let shown = browser.run(
        "return [...document.querySelectorAll('#rows .row')].map(r => r.className.includes('run') || r.className.includes('untranslated'))",
    );
    assert!(!shown.as_array().unwrap().is_empty());
    assert!(
        shown.as_array().unwrap().iter().all(|x| x == true),
        "{shown}"
    );
    browser.click("[data-filter='all']");

    // Merge beads 5 and 6 with the mouse (the first two 1-1 beads in a row:
    // the sample opens with titles, date lines and a language switch).
    let before = beads(browser);
    browser.click("#bead-5 .s");
    browser.click("[data-action='merge']");
    let after = beads(browser);
    assert_eq!(after.len(), before.len() - 1);
    assert_eq!(kind(&after[4]), "2-2");
    assert_eq!(after[4]["status"], "edited");

    // Mark the English sentence of bead 6 untranslated: 1-1 becomes 1-0 + 0-1.
    browser.click("#bead-6 .s[data-side='en']");
    browser.click("[data-action='untranslated']");
    let marked = beads(browser);
    assert_eq!(marked.len(), after.len() + 1);
    assert_eq!(kind(&marked[5]), "1-0");
    assert_eq!(kind(&marked[6]), "0-1");

    // Confirm bead 2 (a pair) with its own button.
    browser.click("#bead-2 button[data-action='confirm']");
    let total = marked.len();
    assert_eq!(progress(browser), format!("1 of {total} beads confirmed"));
    assert_eq!(browser.run("return window.sverkaReview.check()"), true);

    // The edits survive a reload. The page saves on every edit; Chromium
    // hands local storage to the browser process asynchronously, so give it
    // a moment, as a person reloading would.
    let saved = browser.run(
        "return Object.keys(localStorage).filter((k) => k.startsWith('sverka-review:')).length",
    );
    assert_eq!(saved, 1);
    // On a loaded machine the hand-over can take longer than a second:
    // reload a few times, a little later each time, before judging.
    let expected = format!("1 of {total} beads confirmed");
    let mut shown = String::new();
    for attempt in 1..=5 {
        std::thread::sleep(Duration::from_secs(attempt));
        browser.open(&setup.page);
        wait_until(browser, "return !!window.sverkaReview");
        shown = progress(browser);
        if shown == expected {
            break;
        }
    }
    assert_eq!(shown, expected);
    assert_eq!(beads(browser).len(), total);

    // Export the JSON, apply it, and check the TMX.
    browser.click("[data-export='json']");
    let json = setup.downloads.join("en.review.json");
    wait_for_file(&json, 30);
    let reviewed: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(reviewed["format"], "sverka-review");
    assert_eq!(reviewed["beads"].as_array().unwrap().len(), total);
    let tmx = setup.downloads.join("memory.tmx");
    sverka_ok([
        "apply".as_ref(),
        json.as_os_str(),
        "-o".as_ref(),
        tmx.as_os_str(),
    ]);
    let tmx = std::fs::read_to_string(&tmx).unwrap();
    let links = reviewed["beads"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| {
            !b["en"].as_array().unwrap().is_empty() && !b["ru"].as_array().unwrap().is_empty()
        })
        .count();
    assert_eq!(tmx.matches("<tu ").count(), links);
    assert_eq!(
        tmx.matches(r#"<prop type="x-review">confirmed</prop>"#)
            .count(),
        1
    );
    assert_eq!(
        tmx.matches(r#"<prop type="x-review">edited</prop>"#)
            .count(),
        1,
        "the merged bead; the 1-0 and 0-1 made by marking are not pairs: {tmx:.3000}"
    );
    let confirmed = tmx.find(r#"<prop type="x-review">confirmed"#).unwrap();
    let unit = &tmx[tmx[..confirmed].rfind("<tu ").unwrap()..confirmed];
    assert!(
        unit.contains(r#"<prop type="x-score">1.000</prop>"#),
        "{unit}"
    );

    // The page's own TMX export lists the same units, their segments
    // verbatim as `apply` writes them (the sample's no-break spaces kept).
    browser.click("[data-export='tmx']");
    let page_tmx = String::from_utf8(wait_for_file(&setup.downloads.join("en.tmx"), 30)).unwrap();
    assert_eq!(page_tmx.matches("<tu ").count(), links);
    assert_eq!(segments(&page_tmx), segments(&tmx));
    assert!(
        segments(&page_tmx).iter().any(|s| s.contains('\u{a0}')),
        "the sample's no-break spaces"
    );
    browser.click("[data-export='csv']");
    let csv = String::from_utf8(wait_for_file(&setup.downloads.join("en.csv"), 30)).unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        rows.headers().unwrap(),
        vec!["en", "ru", "score", "bead", "en_ids", "ru_ids", "status"]
    );
    let statuses: Vec<String> = rows.records().map(|r| r.unwrap()[6].to_string()).collect();
    assert_eq!(statuses.len(), links);
    assert_eq!(statuses.iter().filter(|s| *s == "confirmed").count(), 1);
    if let (Some(xmllint), Some(dtd)) = (
        common::tool(Tool::Xmllint, "review page TMX"),
        common::tmx_dtd("review page TMX"),
    ) {
        common::assert_valid_tmx(&xmllint, &dtd, &setup.downloads.join("en.tmx"));
    }
    assert_no_errors(browser);
}

#[test]
fn review_page_works_from_the_keyboard_alone() {
    let Some(setup) = open_sample("review_page_works_from_the_keyboard_alone") else {
        return;
    };
    let browser = &setup.browser;
    let focused_row = "const a = document.activeElement; return a && a.classList.contains('row') ? Number(a.dataset.row) : null";
    assert_eq!(browser.run(focused_row), 0, "the first row has the focus");
    let outline = browser.run("return getComputedStyle(document.activeElement).outlineStyle");
    assert_ne!(outline, "none", "the focus is visible");

    let before = beads(browser);
    browser.keys(&["j", ARROW_DOWN, "k"]);
    assert_eq!(browser.run(focused_row), 1);
    // Down to the first two 1-1 beads in a row (the sample opens with its
    // titles, date lines and the English language switch, which is chrome).
    browser.keys(&["j", "j", "j"]);
    assert_eq!(browser.run(focused_row), 4);
    browser.keys(&["m"]);
    let merged = beads(browser);
    assert_eq!(merged.len(), before.len() - 1);
    assert_eq!(kind(&merged[4]), "2-2");

    // Split it again before its second English sentence.
    browser.keys(&["l", "s"]);
    let split = beads(browser);
    assert_eq!(split.len(), before.len());
    assert_eq!(
        (kind(&split[4]), kind(&split[5])),
        ("1-1".into(), "1-1".into())
    );

    // Untranslated, then confirm, undo and redo.
    browser.keys(&["j", "j", "u"]);
    assert_eq!(beads(browser).len(), before.len() + 1);
    browser.keys(&["c"]);
    assert!(progress(browser).starts_with("1 of "));
    browser.keys(&[&format!("{CONTROL}z")]);
    assert!(progress(browser).starts_with("0 of "));
    browser.keys(&[&format!("{CONTROL}y")]);
    assert!(progress(browser).starts_with("1 of "));

    // Move a sentence to the next bead and back.
    let now = beads(browser);
    browser.keys(&["k", "]"]);
    let moved = beads(browser);
    assert_ne!(moved, now);
    browser.keys(&[&format!("{CONTROL}z")]);
    assert_eq!(beads(browser), now);

    // Help opens and closes.
    browser.keys(&["?"]);
    assert_eq!(
        browser.run("return document.getElementById('help').hidden"),
        false
    );
    browser.keys(&[ESCAPE]);
    assert_eq!(
        browser.run("return document.getElementById('help').hidden"),
        true
    );

    // Filters by number; a collapsed run expands with Enter.
    browser.keys(&["3"]);
    assert_eq!(
        browser.run("return document.querySelector('[data-filter=untranslated]').getAttribute('aria-pressed')"),
        "true"
    );
    browser.keys(&[END, ENTER]);
    let expanded = browser.run("return document.querySelectorAll('#rows .row').length");
    assert!(
        expanded.as_u64().unwrap() > 10,
        "the run of untranslated sentences opened: {expanded} rows"
    );
    browser.keys(&["1"]);
    assert_eq!(browser.run("return window.sverkaReview.check()"), true);
    assert_no_errors(browser);
}

#[test]
fn no_sequence_of_edits_breaks_the_order_of_sentences() {
    let Some(setup) = open_sample("no_sequence_of_edits_breaks_the_order_of_sentences") else {
        return;
    };
    // 3,000 random edits on the page's pure edit module: each either refuses
    // with a message or returns beads that pass Beads.check.
    let result = setup.browser.run(
        r#"
        const { Beads } = window.sverkaReview;
        const data = JSON.parse(document.getElementById('sverka-data').textContent);
        const nEn = data.en.length, nRu = data.ru.length;
        let beads = window.sverkaReview.state.beads;
        let seed = 17;
        const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
        let done = 0, refused = 0;
        for (let step = 0; step < 3000; step++) {
            const i = rand(beads.length);
            const b = beads[i];
            const sides = ['en', 'ru'].filter((s) => Beads.size(b, s) > 0);
            const side = sides[rand(sides.length)];
            const k = Beads.start(b, side) + rand(Beads.size(b, side));
            const op = rand(6);
            try {
                const next = [
                    () => Beads.merge(beads, i),
                    () => Beads.split(beads, i, side, k),
                    () => Beads.move(beads, i, side, k, -1),
                    () => Beads.move(beads, i, side, k, +1),
                    () => Beads.untranslated(beads, i, side, k),
                    () => Beads.confirm(beads, i, i),
                ][op]();
                Beads.check(next, nEn, nRu);
                beads = next;
                done++;
            } catch (e) {
                if (e.message.includes('order') || e.message.includes('empty') || e.message.includes('no bead')) {
                    return 'broken: ' + e.message;
                }
                refused++;
            }
        }
        return [done, refused, beads.length];
        "#,
    );
    let done = result[0].as_u64().unwrap_or_else(|| panic!("{result}"));
    assert!(done > 1500, "most edits apply: {result}");
}

/// Runs `sverka apply` on `json` written to a file; returns the output.
fn apply(dir: &Path, json: &str) -> std::process::Output {
    let file = dir.join("broken.review.json");
    std::fs::write(&file, json).unwrap();
    sverka([
        "apply".as_ref(),
        file.as_os_str(),
        "-o".as_ref(),
        dir.join("out.tmx").as_os_str(),
        "--force".as_ref(),
    ])
}

#[test]
fn apply_refuses_a_broken_review_file_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let review = sverka::review::Review::new(
        &sverka::Aligner::default().align("One. Two.\n\nThree.", "Один. Два.\n\nТри."),
        "en.txt",
        "ru.txt",
        "0".into(),
    );
    let good = serde_json::to_value(&review).unwrap();
    let out = apply(dir.path(), &good.to_string());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tmx = std::fs::read_to_string(dir.path().join("out.tmx")).unwrap();
    assert_eq!(tmx.matches("<tu ").count(), 3);

    let mut twice = good.clone();
    twice["beads"][1]["en"] = serde_json::json!([0]);
    let mut newer = good.clone();
    newer["version"] = 2.into();
    for (json, expected) in [
        (
            twice.to_string(),
            "bead 2: English sentence 0 is out of order or in two beads",
        ),
        (
            newer.to_string(),
            "review schema version 2 is not supported",
        ),
        ("{\"beads\": [".to_string(), "not valid review JSON"),
        (
            "{\"format\": \"other\"}".to_string(),
            "not a sverka review file",
        ),
    ] {
        let out = apply(dir.path(), &json);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("sverka: error: "), "{stderr}");
        assert!(stderr.contains("broken.review.json: "), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
    }
}

/// Not a test of speed (nothing here is asserted about time): prints how long
/// Chromium takes to open the review page in `$SVERKA_REVIEW_PAGE`, filter it,
/// jump to its end and edit there. `scripts/review-bench.sh` runs it on a
/// 4,000-verse pair; `cargo test --release --test review_browser -- --ignored
/// --nocapture` with the variable set runs it on any page.
#[test]
#[ignore = "a measurement: run by scripts/review-bench.sh"]
fn measure_review_page() {
    let Some(page) = std::env::var_os("SVERKA_REVIEW_PAGE").map(PathBuf::from) else {
        eprintln!("SKIPPED measure_review_page: set SVERKA_REVIEW_PAGE");
        return;
    };
    let (Some(chromium), Some(chromedriver)) = (
        tool(Tool::Chromium, "measure_review_page"),
        tool(Tool::Chromedriver, "measure_review_page"),
    ) else {
        return;
    };
    let downloads = tempfile::tempdir().unwrap();
    let browser = Browser::start(&chromedriver, &chromium, downloads.path());
    for run in 1..=3 {
        let started = Instant::now();
        browser.open(&page);
        let opened = started.elapsed();
        wait_until(&browser, "return !!window.sverkaReview");
        assert_no_errors(&browser);
        let timings = browser.run(
            r#"
            const r = window.sverkaReview;
            const nav = performance.getEntriesByType('navigation')[0];
            const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
            const time = (f) => { const t = performance.now(); f(); document.body.offsetHeight; return performance.now() - t; };
            const out = {
                beads: r.state.beads.length,
                dom_content_loaded_ms: nav.domContentLoadedEventEnd,
                load_ms: nav.loadEventEnd,
                first_contentful_paint_ms: paint ? paint.startTime : null,
                script_ms: r.timings.script,
            };
            for (const f of ['problems', 'untranslated', 'numbers', 'low', 'all']) out['filter_' + f + '_ms'] = time(() => r.setFilter(f));
            out.jump_to_end_ms = time(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' })));
            out.rows_rendered_at_end = document.querySelectorAll('#rows .row').length;
            document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k' }));
            out.merge_at_end_ms = time(() => r.act('merge'));
            out.undo_at_end_ms = time(() => r.act('undo'));
            out.jump_to_start_ms = time(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home' })));
            out.next_bead_ms = time(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j' })));
            out.merge_at_start_ms = time(() => r.act('merge'));
            out.undo_at_start_ms = time(() => r.act('undo'));
            return out;
            "#,
        );
        // Scroll from the top to the bottom, 600 pixels a frame, rows
        // rendered as they come near: how long the frames take.
        let scroll = browser.run_async(
            r#"
            const done = arguments[arguments.length - 1];
            window.sverkaReview.setFilter('all');
            window.scrollTo(0, 0);
            const frames = [];
            let last = performance.now();
            const step = (now) => {
                frames.push(now - last);
                last = now;
                const bottom = window.scrollY + window.innerHeight >= document.body.scrollHeight - 2;
                if (bottom || frames.length > 5000) {
                    frames.sort((a, b) => a - b);
                    done({ frames: frames.length, median_frame_ms: frames[frames.length >> 1],
                           p99_frame_ms: frames[Math.floor(frames.length * 0.99)], max_frame_ms: frames[frames.length - 1],
                           rows: document.querySelectorAll('#rows .row').length });
                    return;
                }
                window.scrollBy(0, 600);
                requestAnimationFrame(step);
            };
            requestAnimationFrame(step);
            "#,
        );
        println!(
            "run {run}: webdriver_navigate_ms {} {timings} scroll {scroll}",
            opened.as_millis()
        );
        browser.run("localStorage.clear(); return true");
    }
}

#[test]
fn review_writes_one_page_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("review.html");
    let (en, ru) = sample();
    let args = |extra: &[&str]| {
        let mut all: Vec<std::ffi::OsString> =
            vec!["review".into(), en.clone().into(), ru.clone().into()];
        all.extend(["-o".into(), page.clone().into()]);
        all.extend(extra.iter().map(|a| a.into()));
        all
    };
    sverka_ok(args(&[]));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<script type=\"application/json\" id=\"sverka-data\">"));
    let again = sverka(args(&[]));
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists; give --force"));
    sverka_ok(args(&["--force"]));

    let missing = sverka([
        "review".as_ref(),
        dir.path().join("nothing.txt").as_os_str(),
        ru.as_os_str(),
        "-o".as_ref(),
        dir.path().join("other.html").as_os_str(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&missing.stderr).lines().count(), 1);
    assert!(!dir.path().join("other.html").exists());
}
