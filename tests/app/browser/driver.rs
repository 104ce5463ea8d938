//! Debian's Chromium, headless, driven over WebDriver by a chromedriver each test starts.
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// CI sets `RUSTITION_BROWSER_TESTS=required`: there, a missing tool fails the test instead of
/// skipping it, so that a broken install cannot pass as green.
pub fn required() -> bool {
    std::env::var("RUSTITION_BROWSER_TESTS").is_ok_and(|v| v == "required")
}

/// Says why the test does not run, or fails when the browser tests are required.
pub fn skip(reason: &str) {
    assert!(!required(), "RUSTITION_BROWSER_TESTS=required, but {reason}");
    eprintln!("skipped: {reason}");
}

fn tool(variable: &str, default: &str) -> PathBuf {
    std::env::var_os(variable).map_or_else(|| PathBuf::from(default), PathBuf::from)
}

/// A chromedriver child process. Dropping it kills its whole process group, so that no Chromium
/// outlives a failed test, then removes the browser profiles.
pub struct Driver {
    child: Child,
    port: u16,
    chromium: PathBuf,
    profiles: tempfile::TempDir,
    sessions: AtomicUsize,
}

impl Driver {
    /// Starts chromedriver, or returns `None` (after `skip`) when Chromium or its driver is missing.
    pub async fn start() -> Option<Driver> {
        let chromedriver = tool("RUSTITION_CHROMEDRIVER", "/usr/bin/chromedriver");
        let chromium = tool("RUSTITION_CHROMIUM", "/usr/bin/chromium");
        for path in [&chromedriver, &chromium] {
            if !path.is_file() {
                skip(&format!(
                    "no Chromium ({} is missing; install Debian's chromium and chromium-driver)",
                    path.display()
                ));
                return None;
            }
        }
        let port = crate::common::SmtpServer::reserve_port().await;
        let child = std::os::unix::process::CommandExt::process_group(
            Command::new(&chromedriver).arg(format!("--port={port}")),
            0,
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("start {}: {e}", chromedriver.display()));
        let profiles = tempfile::tempdir().expect("a folder for browser profiles");
        let driver = Driver { child, port, chromium, profiles, sessions: AtomicUsize::new(0) };
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            assert!(tokio::time::Instant::now() < deadline, "chromedriver never listened on port {port}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Some(driver)
    }

    /// A new browser with a fresh profile, JavaScript on or off, recording its requests for
    /// pages of `origin`.
    pub async fn browser(&self, javascript: bool, origin: &str) -> Browser {
        let n = self.sessions.fetch_add(1, Ordering::Relaxed);
        let profile = self.profiles.path().join(format!("profile-{n}"));
        let mut options = json!({
            "binary": self.chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--hide-scrollbars", format!("--user-data-dir={}", profile.display()),
            ],
        });
        if !javascript {
            // The setting an administrator's policy uses: pages run no script at all.
            options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": options,
            "goog:loggingPrefs": { "performance": "ALL" },
        });
        let Value::Object(capabilities) = capabilities else { unreachable!("a JSON object") };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a Chromium session from chromedriver");
        let mut browser = Browser { client, origin: origin.trim_end_matches('/').to_string(), requests: Vec::new() };
        // Chromium starts on its own new-tab page, whose chrome:// resources are logged like
        // requests: leave it, and forget them, before the test opens anything.
        browser.client.goto("about:blank").await.expect("open about:blank");
        browser.record().await;
        browser.requests.clear();
        browser
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Chromium runs in chromedriver's process group (started with process_group(0) above).
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.child.wait();
    }
}

/// A POST to one of chromedriver's own endpoints under the session (`se/log`,
/// `goog/cdp/execute`, …), which fantoccini does not wrap.
#[derive(Debug)]
pub struct Chromedriver {
    pub endpoint: &'static str,
    pub body: Value,
}

impl WebDriverCompatibleCommand for Chromedriver {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/{}", session.unwrap_or_default(), self.endpoint))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// One WebDriver session. Every request its pages make is recorded; `assert_stayed_home` fails
/// when one left the instance.
pub struct Browser {
    pub client: Client,
    origin: String,
    /// URLs of `Network.requestWillBeSent` events read so far.
    requests: Vec<String>,
}

impl Browser {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// Opens `path` on the instance (or a full URL, as found in a mail).
    pub async fn open(&mut self, path: &str) {
        let url = if path.starts_with("http") { path.to_string() } else { self.url(path) };
        self.client.goto(&url).await.unwrap_or_else(|e| panic!("open {url}: {e}"));
        self.record().await;
    }

    /// The current path, without the origin.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("the current URL");
        url.as_str().trim_start_matches(&self.origin).to_string()
    }

    /// Whether the current page may run its own scripts.
    ///
    /// WebDriver's `execute` proves nothing here: chromedriver runs it over DevTools even when
    /// pages may not run scripts. What does tell is the HTML parser: it reads the inside of
    /// `<noscript>` as elements only when scripting is disabled for the document, and as raw
    /// text when it is enabled (HTML standard, "scripting flag" of fragment parsing).
    pub async fn scripts_enabled(&self) -> bool {
        let probe = "const d = document.createElement('div');
            d.innerHTML = '<noscript><b>scripts off</b></noscript>';
            return d.firstChild.childElementCount;";
        let elements = self.client.execute(probe, vec![]).await.expect("probe the scripting flag");
        match elements.as_u64() {
            Some(0) => true,
            Some(1) => false,
            _ => panic!("unexpected answer from the scripting probe: {elements}"),
        }
    }

    /// Makes the viewport `width`×`height`, whatever the window and the (headless) screen allow.
    ///
    /// Resizing the window is not enough: a headless screen may be smaller than a desktop width,
    /// and the window's new size shows in `innerWidth` only some time later. DevTools' device
    /// metrics override sets the viewport itself, at once, and holds across navigations.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        // Not `mobile`: that lays out pages without a viewport tag (about:blank) 980 px wide.
        let metrics = json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false });
        self.client
            .issue_cmd(Chromedriver {
                endpoint: "goog/cdp/execute",
                body: json!({ "cmd": "Emulation.setDeviceMetricsOverride", "params": metrics }),
            })
            .await
            .unwrap_or_else(|e| panic!("make the viewport {width}×{height}: {e}"));
        let inner = self.client.execute("return [window.innerWidth, window.innerHeight];", vec![]).await;
        let inner = inner.expect("read the viewport size");
        let seen = (inner[0].as_u64(), inner[1].as_u64());
        assert_eq!(seen, (Some(u64::from(width)), Some(u64::from(height))), "the viewport after the override");
    }

    /// Types `value` into the visible input with this id, after clearing it.
    pub async fn fill(&self, id: &str, value: &str) {
        let input = self.client.find(Locator::Id(id)).await.unwrap_or_else(|e| panic!("input #{id}: {e}"));
        assert!(input.is_displayed().await.unwrap_or(false), "input #{id} is visible");
        input.clear().await.unwrap_or_else(|e| panic!("clear #{id}: {e}"));
        input.send_keys(value).await.unwrap_or_else(|e| panic!("type into #{id}: {e}"));
    }

    /// Clicks the submit button of the form matching `form` and waits for the next page.
    pub async fn submit(&mut self, form: &str) {
        let selector = format!("{form} button[type=submit]");
        let button = self.client.find(Locator::Css(&selector)).await.unwrap_or_else(|e| panic!("{selector}: {e}"));
        button.click().await.unwrap_or_else(|e| panic!("click {selector}: {e}"));
        // The answer may keep the URL (a form posted to its own page): the page has changed once
        // the button clicked belongs to a document no more.
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while button.tag_name().await.is_ok() {
            assert!(tokio::time::Instant::now() < deadline, "submitting {form} never left the page");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        self.record().await;
    }

    /// Text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        let element = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}"));
        element.text().await.unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    /// Reads the requests logged since the last read into `requests`.
    pub async fn record(&mut self) {
        self.requests.extend(crate::browser::requests::read(&self.client).await);
    }

    /// Every request recorded so far.
    pub fn requests(&self) -> &[String] {
        &self.requests
    }

    /// Fails, listing them, when requests went anywhere but the instance.
    pub async fn assert_stayed_home(&mut self) {
        self.record().await;
        assert!(!self.requests.is_empty(), "the performance log recorded no request at all");
        let foreign = crate::browser::requests::foreign(&self.origin, &self.requests);
        assert!(foreign.is_empty(), "requests left {}: {foreign:#?}", self.origin);
    }

    /// Ends the session: chromedriver closes Chromium.
    pub async fn close(self) {
        self.client.close().await.expect("close the browser session");
    }
}
