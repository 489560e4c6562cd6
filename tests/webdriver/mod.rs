//! A minimal W3C WebDriver client for the browser tests: starts Debian's
//! `chromedriver` on a free localhost port, opens one headless Chromium
//! session, and always ends both (on drop, panics included).
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A chromedriver process and one browser session in it.
pub struct Browser {
    driver: Child,
    agent: ureq::Agent,
    base: String,
    session: String,
    _profile: tempfile::TempDir,
}

/// The WebDriver key codes used here.
pub const CONTROL: &str = "\u{E009}";
pub const ENTER: &str = "\u{E007}";
pub const ARROW_DOWN: &str = "\u{E015}";
pub const END: &str = "\u{E010}";
pub const ESCAPE: &str = "\u{E00C}";

impl Browser {
    /// Starts `chromedriver` and a headless `chromium` whose downloads go to
    /// `downloads`.
    pub fn start(chromedriver: &Path, chromium: &Path, downloads: &Path) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        let base = format!("http://127.0.0.1:{port}");
        let profile = tempfile::tempdir().expect("a profile folder");
        let mut browser = Browser {
            driver,
            agent,
            base,
            session: String::new(),
            _profile: profile,
        };
        browser.wait_ready();
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
                "binary": chromium.display().to_string(),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--window-size=1280,900",
                    format!("--user-data-dir={}", browser._profile.path().display()),
                ],
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false,
                },
            },
        }}});
        let value = browser.call("POST", "/session", capabilities);
        browser.session = value["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {value}"))
            .to_string();
        browser
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(mut response) = self.agent.get(format!("{}/status", self.base)).call()
                && let Ok(body) = response.body_mut().read_to_string()
                && body.contains("\"ready\":true")
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("chromedriver did not start within 30 s");
    }

    /// One WebDriver command; returns its `value`, panicking on an error.
    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let url = format!("{}{path}", self.base);
        let response = if method == "GET" {
            self.agent.get(&url).call()
        } else if method == "DELETE" {
            self.agent.delete(&url).call()
        } else {
            self.agent
                .post(&url)
                .header("Content-Type", "application/json")
                .send(body.to_string())
        };
        let mut response = response.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status();
        let text = response.body_mut().read_to_string().unwrap_or_default();
        let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert!(
            status.is_success(),
            "{method} {path}: HTTP {status}: {text:.600}"
        );
        value["value"].clone()
    }

    fn session_call(&self, method: &str, path: &str, body: Value) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    /// Opens `page` (a file) by its `file://` URL.
    pub fn open(&self, page: &Path) {
        let url = format!("file://{}", page.canonicalize().expect("page").display());
        self.session_call("POST", "/url", json!({ "url": url }));
    }

    /// Runs `script` (a function body) in the page and returns its value.
    pub fn run(&self, script: &str) -> Value {
        self.session_call(
            "POST",
            "/execute/sync",
            json!({"script": script, "args": []}),
        )
    }

    /// Runs `script` (a function body whose last argument, a callback, it
    /// calls with its result) in the page and returns that result.
    pub fn run_async(&self, script: &str) -> Value {
        self.session_call(
            "POST",
            "/execute/async",
            json!({"script": script, "args": []}),
        )
    }

    /// Clicks the element `css` selects.
    pub fn click(&self, css: &str) {
        let found = self.session_call(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        let id = found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string();
        self.session_call("POST", &format!("/element/{id}/click"), json!({}));
    }

    /// Types `keys` as a keyboard would, into whatever has the focus; each
    /// item is pressed and released, `CONTROL` + a key as a chord.
    pub fn keys(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for key in keys {
            let mut chars: Vec<String> = Vec::new();
            if let Some(rest) = key.strip_prefix(CONTROL) {
                chars.push(CONTROL.to_string());
                chars.push(rest.to_string());
            } else {
                chars.push(key.to_string());
            }
            for c in &chars {
                actions.push(json!({"type": "keyDown", "value": c}));
            }
            for c in chars.iter().rev() {
                actions.push(json!({"type": "keyUp", "value": c}));
            }
        }
        self.session_call(
            "POST",
            "/actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        );
    }

    /// Console messages at SEVERE level and uncaught exceptions so far.
    pub fn console_errors(&self) -> Vec<String> {
        let log = self.session_call("POST", "/se/log", json!({"type": "browser"}));
        log.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or("").to_string())
            .collect()
    }

    /// Resizes the window.
    pub fn window_size(&self, width: u32, height: u32) {
        self.session_call(
            "POST",
            "/window/rect",
            json!({"width": width, "height": height}),
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let url = format!("{}/session/{}", self.base, self.session);
            let _ = self.agent.delete(&url).call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Waits up to `seconds` for `file` to exist with content (a download).
pub fn wait_for_file(file: &Path, seconds: u64) -> Vec<u8> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    loop {
        if let Ok(bytes) = std::fs::read(file)
            && !bytes.is_empty()
        {
            return bytes;
        }
        assert!(
            Instant::now() < deadline,
            "{} did not appear within {seconds} s",
            file.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
