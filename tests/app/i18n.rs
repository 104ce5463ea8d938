//! Translators' safety net: English and French stay complete, and the check really fails when
//! a key is missing. Switching language keeps the page's query.
use crate::common;

use std::process::Command;

use common::TestApp;
use rustition::i18n;

#[test]
fn english_and_french_are_complete() {
    let root = common::repo_root();
    let report = i18n::check(&root.join("locales"), &[root.join("templates"), root.join("src")]).unwrap();
    for code in i18n::REQUIRED_LOCALES {
        let locale = &report.locales[code];
        assert!(locale.missing.is_empty(), "{code} lacks {:?}", locale.missing);
        assert!(locale.extra.is_empty(), "{code} has keys English lacks: {:?}", locale.extra);
    }
    assert!(report.unused.is_empty(), "keys used nowhere: {:?}", report.unused);
    assert!(!report.fails());
}

#[test]
fn the_i18n_check_command_passes_on_the_shipped_locales() {
    let output = Command::new(env!("CARGO_BIN_EXE_rustition"))
        .args(["i18n", "check"])
        .current_dir(common::repo_root())
        .env("RUSTITION_SERVER__DATA_DIR", std::env::temp_dir())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("fr: 0 missing"));
}

#[test]
fn the_check_fails_when_french_lacks_a_key() {
    let dir = tempfile::tempdir().unwrap();
    for (code, body) in [("en", "a = A\nb = B\n"), ("fr", "a = A\nc = C\n")] {
        std::fs::create_dir(dir.path().join(code)).unwrap();
        std::fs::write(dir.path().join(code).join("main.ftl"), body).unwrap();
    }
    let report = i18n::check(dir.path(), &[]).unwrap();
    assert!(report.fails());
    assert_eq!(report.locales["fr"].missing.iter().collect::<Vec<_>>(), ["b"]);
    assert_eq!(report.locales["fr"].extra.iter().collect::<Vec<_>>(), ["c"]);
}

#[test]
fn templates_and_code_use_only_keys_that_exist() {
    // Every t(key="…") in the templates names an English key.
    let root = common::repo_root();
    let en = english();
    for (path, text) in files_under(&root.join("templates")) {
        for (at, _) in text.match_indices("t(key=\"") {
            // `get(key="…")` is a filter argument, not a message.
            if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let key = text[at + 7..].split('"').next().unwrap();
            if key.ends_with('-') {
                // A prefix completed at run time (`"field-" ~ name`).
                assert!(en.contains(&format!("\n{key}")), "{}: no key starts with {key}", path.display());
                continue;
            }
            assert!(en.contains(&format!("\n{key} =")), "{}: unknown key {key}", path.display());
        }
    }
}

/// Every Fluent id written in the Rust code (a field error, a flash, a page's message) exists
/// in English, and so does the label of every field an error is reported on (the summary at
/// the top of a form names the field by `field-<name>`): a misspelled id fails here, not in
/// front of a user.
#[test]
fn every_message_id_in_the_code_exists_in_english() {
    let root = common::repo_root();
    let en = english();
    let has = |key: &str| en.contains(&format!("\n{key} ="));
    let mut missing = std::collections::BTreeSet::new();
    for (path, text) in files_under(&root.join("src")) {
        for marker in ["FieldErrors::from([(\"", "errors.insert(\""] {
            for (at, _) in text.match_indices(marker) {
                let field = text[at + marker.len()..].split('"').next().unwrap_or_default();
                if !field.starts_with("custom") && !has(&format!("field-{field}")) {
                    missing.insert(format!("{}: field-{field}", path.display()));
                }
            }
        }
        let literals: Vec<&str> = text.split('"').skip(1).step_by(2).collect();
        for (i, lit) in literals.iter().enumerate() {
            let is_id = ["error-", "flash-", "field-"].iter().any(|p| lit.starts_with(p))
                && lit.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !lit.ends_with('-');
            if is_id && !has(lit) {
                missing.insert(format!("{}: {lit}", path.display()));
            }
            // `("field", "error-…")`: the field is named in the form's summary.
            let is_field = lit.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            let next = literals.get(i + 1).copied().unwrap_or_default();
            if is_field && !lit.is_empty() && next.starts_with("error-") && !lit.starts_with("custom") {
                let between = text.split('"').nth(2 * i + 2).unwrap_or_default();
                if between.trim() == "," && !has(&format!("field-{lit}")) {
                    missing.insert(format!("{}: field-{lit}", path.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "ids used in the code but not in locales/en: {missing:#?}");
}

#[rocket::async_test]
async fn the_language_links_keep_the_query_and_replace_only_lang() {
    let t = TestApp::start().await;
    let (_, html) = t.get("/login?next=%2Fdashboard%3Fstatus%3Ddraft").await;
    assert!(html.contains("href=\"/login?next=%2Fdashboard%3Fstatus%3Ddraft&amp;lang=fr\""), "{html}");
    let (_, html) = t.get("/login?lang=en&next=%2Fx").await;
    assert!(html.contains("href=\"/login?next=%2Fx&amp;lang=fr\""));
    let (_, html) = t.get("/login").await;
    assert!(html.contains("href=\"/login?lang=fr\""));

    // The petition page, copied from a cache for anonymous visitors, keeps each visitor's own.
    let id = t.petition().await;
    let (_, html) = t.get(&format!("/p/{id}?from=mailing-x7")).await;
    assert!(html.contains(&format!("href=\"/p/{id}?from=mailing-x7&amp;lang=fr\"")));
    let (_, html) = t.get(&format!("/p/{id}")).await;
    assert!(html.contains(&format!("href=\"/p/{id}?lang=fr\"")) && !html.contains("mailing-x7"));
}

/// Every English message, each line after a newline (so `\n{key} =` finds a key).
fn english() -> String {
    let mut en = String::from("\n");
    for entry in std::fs::read_dir(common::repo_root().join("locales/en")).unwrap().flatten() {
        en.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        en.push('\n');
    }
    en
}

/// Every file below `dir`, with its text.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path, text));
            }
        }
    }
    files
}
