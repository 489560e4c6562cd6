//! The HTML report of `sverka check`, rendered in headless Chromium.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Tool, sample, sverka, tool};

/// Runs headless Chromium on `page` with `args` (`--dump-dom`, `--screenshot=`).
fn chromium(chromium: &Path, page: &Path, args: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    let mut command = Command::new("timeout");
    command
        .arg("120")
        .arg(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,1600",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.canonicalize().unwrap().display()));
    command.output().expect("run chromium")
}

fn html_report(en: &Path, ru: &Path, page: &Path) -> serde_json::Value {
    let out = sverka([
        "check".as_ref(),
        en.as_os_str(),
        ru.as_os_str(),
        "--json".as_ref(),
        "--html".as_ref(),
        page.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn html_report_of_the_sample_renders_in_headless_chromium() {
    let Some(browser) = tool(
        Tool::Chromium,
        "html_report_of_the_sample_renders_in_headless_chromium",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let (en, ru) = sample();
    let report = html_report(&en, &ru, &page);

    let dom = chromium(&browser, &page, &["--dump-dom"]);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8(dom.stdout).unwrap();
    assert!(
        dom.contains("<header id=\"summary\">"),
        "the page loaded: {dom:.300}"
    );
    assert!(dom.contains("<table id=\"coverage\">"));
    assert!(dom.contains("<table id=\"beads\">"));
    let rows = dom.matches("<tr id=\"bead-").count() as u64;
    assert_eq!(rows, report["beads"].as_u64().unwrap());
    let untranslated = report["untranslated"].as_array().unwrap();
    assert!(!untranslated.is_empty());
    assert!(dom.contains("class=\"bead untranslated\""));
    // The sample's untranslated tail is one item of the summary, not 49.
    assert!(untranslated.len() > 10);
    assert!(
        dom.contains("English sentences 17–64"),
        "the tail is listed as one run"
    );

    let png = dir.path().join("report.png");
    let shot = chromium(
        &browser,
        &page,
        &[&format!("--screenshot={}", png.display())],
    );
    assert!(
        shot.status.success(),
        "{}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let bytes = std::fs::read(&png).expect("a screenshot");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(
        bytes.len() > 20_000,
        "a page with text, not a blank: {} bytes",
        bytes.len()
    );
}

#[test]
fn input_text_cannot_inject_markup_into_the_page() {
    let Some(browser) = tool(
        Tool::Chromium,
        "input_text_cannot_inject_markup_into_the_page",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    let ru = dir.path().join("ru.txt");
    std::fs::write(
        &en,
        "Hello <script>document.title='pwned'</script> there.\n\n<img src=x onerror=alert(1)> And more.\n",
    )
    .unwrap();
    std::fs::write(&ru, "Привет <b>жирный</b> & ещё.\n").unwrap();
    let page = dir.path().join("report.html");
    html_report(&en, &ru, &page);
    let dom = chromium(&browser, &page, &["--dump-dom"]);
    let dom = String::from_utf8(dom.stdout).unwrap();
    assert!(dom.contains("<table id=\"beads\">"), "{dom:.300}");
    for injected in ["<script", "<img", "<b>", "pwned</title>"] {
        assert!(!dom.contains(injected), "{injected} reached the DOM");
    }
    assert!(dom.contains("&lt;script&gt;document.title="));
}
