//! axe-core (pinned in tests/browser/package.json) run in the page, for the WCAG 2.1 A and AA
//! rules it can check by itself.
use std::path::PathBuf;

use serde_json::{Value, json};

use crate::browser::driver::{Browser, skip};

/// The WCAG 2.1 levels the project promises: A and AA.
const TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// The same, and axe's best practices (the organisers' pages are held to both).
pub const WITH_BEST_PRACTICES: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/// axe.min.js, read once per test.
pub struct Axe {
    source: String,
}

impl Axe {
    /// Reads axe.min.js, or returns `None` (after `skip`) when `npm ci` has not installed it.
    pub fn load() -> Option<Axe> {
        let path: PathBuf = crate::common::repo_root().join("tests/browser/node_modules/axe-core/axe.min.js");
        match std::fs::read_to_string(&path) {
            Ok(source) => Some(Axe { source }),
            Err(e) => {
                skip(&format!("no axe-core ({}: {e}; run npm ci --prefix tests/browser)", path.display()));
                None
            }
        }
    }

    /// The violations axe finds on the current page, one readable paragraph each.
    ///
    /// The script is injected through WebDriver, which runs it outside the page's
    /// Content-Security-Policy: the pages themselves never load a script.
    pub async fn violations(&self, browser: &Browser) -> Vec<String> {
        self.violations_of(browser, &TAGS).await
    }

    /// The violations of the rules tagged with one of `tags`.
    pub async fn violations_of(&self, browser: &Browser, tags: &[&str]) -> Vec<String> {
        browser.client.execute(&self.source, vec![]).await.expect("inject axe-core");
        let run = r#"
            const [tags, done] = arguments;
            axe.run(document, { runOnly: { type: "tag", values: tags } })
                .then(r => done(r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({ target: n.target.join(" "), summary: n.failureSummary })),
                }))))
                .catch(e => done({ error: String(e) }));
        "#;
        let result = browser.client.execute_async(run, vec![json!(tags)]).await.expect("run axe-core");
        assert!(result.get("error").is_none(), "axe-core failed: {}", result["error"]);
        result.as_array().expect("a list of violations").iter().map(describe).collect()
    }
}

/// `rule (impact): help` then each node's selector and what to fix.
fn describe(v: &Value) -> String {
    let mut out = format!(
        "{} ({}): {}",
        v["id"].as_str().unwrap_or("?"),
        v["impact"].as_str().unwrap_or("?"),
        v["help"].as_str().unwrap_or("?")
    );
    for node in v["nodes"].as_array().into_iter().flatten() {
        let summary = node["summary"].as_str().unwrap_or_default().replace('\n', " ");
        out.push_str(&format!("\n    at {}: {summary}", node["target"].as_str().unwrap_or("?")));
    }
    out
}
