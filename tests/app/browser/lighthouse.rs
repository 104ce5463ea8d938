//! Lighthouse (pinned in tests/browser/package.json), run by its own command line against Debian's
//! Chromium: accessibility, best practices and SEO score 100 on each theme's petition page, the
//! confirmation page, the confirmed page, the sign-in page and the dashboard (issue #20).
//!
//! Lighthouse starts a Chromium of its own for each page; the pages are measured one after the
//! other, so that only one runs at a time. The reports are written beside the screenshots
//! (`target/screenshots/lighthouse-<page>.json`) for people to read.
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::browser::driver::{Driver, skip};
use crate::browser::screenshots::screenshot_folder;
use crate::browser::served::Served;

const CATEGORIES: [&str; 3] = ["accessibility", "best-practices", "seo"];

/// A page to measure: its name in the reports, its URL and whether it is kept out of search
/// engines on purpose (then Lighthouse's `is-crawlable` audit, which fails any page with
/// `noindex` or disallowed by robots.txt, is skipped: being crawlable is not wanted there).
struct Page {
    name: String,
    url: String,
    private: bool,
}

#[rocket::async_test]
async fn lighthouse_scores_100_for_accessibility_best_practices_and_seo() {
    let Some(cli) = lighthouse() else { return };
    let Some(driver) = Driver::start().await else { return };
    let served = Served::start().await;
    let mut browser = driver.browser(true, &served.base).await;
    let mut pages = Vec::new();
    let mut first = None;
    for theme in served.themes() {
        let petition = served.petition(&theme).await;
        pages.push(Page { name: format!("petition-{theme}"), url: served.url(&petition.path), private: false });
        first.get_or_insert(petition);
    }
    let petition = first.expect("at least one theme");

    // A signature waiting for confirmation: its link opens the confirmation page.
    browser.open(&petition.path).await;
    browser.fill("first_name", "Ann").await;
    browser.fill("email", "ann@example.org").await;
    browser.submit(r#"form[action$="/sign"]"#).await;
    let link = served.confirmation_link(1, "ann@example.org").await;
    pages.push(Page { name: "confirm".into(), url: link, private: false });
    // The confirmed page is marked noindex.
    pages.push(Page {
        name: "confirmed".into(),
        url: served.url(&format!("/p/{}/confirmed", petition.id)),
        private: true,
    });
    // Sign-in and dashboard pages are disallowed in robots.txt.
    pages.push(Page { name: "login".into(), url: served.url("/login"), private: true });

    served.user("organiser").await;
    browser.open("/login").await;
    browser.fill("login", "organiser").await;
    browser.fill("password", "organiser-password").await;
    browser.submit(r#"form[action="/login"]"#).await;
    assert_eq!(browser.path().await, "/dashboard", "signed in, the organiser lands on the dashboard");
    let cookies = browser.client.get_all_cookies().await.expect("the browser's cookies");
    let cookie = cookies.iter().map(|c| format!("{}={}", c.name(), c.value())).collect::<Vec<_>>().join("; ");
    browser.close().await;

    let folder = screenshot_folder();
    let mut failures = Vec::new();
    for page in &pages {
        failures.extend(measure(&cli, page, None, &folder));
    }
    let dashboard = Page { name: "dashboard".into(), url: served.url("/dashboard"), private: true };
    failures.extend(measure(&cli, &dashboard, Some(&cookie), &folder));
    assert!(failures.is_empty(), "Lighthouse scores below 100:\n{}", failures.join("\n"));
}

/// Lighthouse's command line script, or `None` (after `skip`) when node or the package is missing.
fn lighthouse() -> Option<PathBuf> {
    let cli = crate::common::repo_root().join("tests/browser/node_modules/lighthouse/cli/index.js");
    if !cli.is_file() {
        skip(&format!("no Lighthouse ({} is missing; run npm ci --prefix tests/browser)", cli.display()));
        return None;
    }
    if Command::new("node").arg("--version").output().is_err() {
        skip("no node on PATH for Lighthouse");
        return None;
    }
    Some(cli)
}

/// Runs Lighthouse on one page and returns a line per category under 100, naming the audits
/// that failed, so that the message says what to fix.
fn measure(cli: &Path, page: &Page, cookie: Option<&str>, folder: &Path) -> Vec<String> {
    let report = folder.join(format!("lighthouse-{}.json", page.name));
    let chromium = std::env::var("RUSTITION_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut command = Command::new("node");
    command
        .arg(cli)
        .arg(&page.url)
        .arg("--quiet")
        .arg("--output=json")
        .arg(format!("--output-path={}", report.display()))
        .arg(format!("--only-categories={}", CATEGORIES.join(",")))
        .arg("--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking")
        .env("CHROME_PATH", chromium);
    if page.private {
        command.arg("--skip-audits=is-crawlable");
    }
    if let Some(cookie) = cookie {
        command.arg(format!("--extra-headers={}", serde_json::json!({ "Cookie": cookie })));
    }
    let output = command.output().expect("run Lighthouse");
    assert!(output.status.success(), "Lighthouse failed on {}: {}", page.name, String::from_utf8_lossy(&output.stderr));
    let text = std::fs::read_to_string(&report).expect("Lighthouse's report");
    let report: Value = serde_json::from_str(&text).expect("Lighthouse's report is JSON");
    assert_eq!(
        report["finalDisplayedUrl"].as_str(),
        Some(page.url.as_str()),
        "{}: Lighthouse measured another page than asked (a redirect?)",
        page.name
    );
    let mut failures = Vec::new();
    for category in CATEGORIES {
        let score = report["categories"][category]["score"].as_f64();
        if score == Some(1.0) {
            continue;
        }
        let audits: Vec<String> = report["categories"][category]["auditRefs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["weight"].as_f64().unwrap_or_default() > 0.0)
            .filter_map(|r| {
                let audit = &report["audits"][r["id"].as_str()?];
                let failed = audit["score"].as_f64().is_some_and(|s| s < 1.0);
                failed.then(|| {
                    format!("{} ({}) {}", r["id"], audit["title"], audit["explanation"].as_str().unwrap_or_default())
                })
            })
            .collect();
        failures.push(format!("- {} {category}: {score:?}; failing: {}", page.name, audits.join("; ")));
    }
    failures
}
