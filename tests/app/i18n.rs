//! Translators' safety net: English and French stay complete, and the check really fails when
//! a key is missing. Switching language keeps the page's query.
use crate::common;

use std::process::Command;

use common::TestApp;
use rocket::http::Status;
use rustition::i18n;

/// The repository's catalogs and the sources that use them, as `rustition i18n check` reads them
/// in a checkout.
fn repository_report() -> i18n::CheckReport {
    let root = common::repo_root();
    let files = i18n::files_in_dir(&root.join("locales")).unwrap();
    i18n::check(&files, &i18n::Sources::from_dirs(&root.join("templates"), Some(&root.join("src"))))
}

#[test]
fn english_and_french_are_complete() {
    let report = repository_report();
    for code in i18n::REQUIRED_LOCALES {
        let locale = &report.locales[code];
        assert!(locale.errors.is_empty(), "{code}: {:#?}", locale.errors);
        assert!(locale.missing.is_empty(), "{code} lacks {:?}", locale.missing);
        assert!(locale.extra.is_empty(), "{code} has keys English lacks: {:?}", locale.extra);
        assert!(locale.placeables.is_empty(), "{code}: placeables differ from English: {:#?}", locale.placeables);
        assert!(locale.typography.is_empty(), "{code}: {:#?}", locale.typography);
    }
    assert_eq!(report.unused.as_ref().map(|u| u.iter().collect::<Vec<_>>()), Some(vec![]), "keys used nowhere");
    // Every `t(key="…")` of the templates, and every expansion of a registered prefix
    // (`"status-" ~ …`), names an English message; every prefix a template builds on is registered.
    assert!(report.undefined.is_empty(), "keys asked for that English lacks: {:#?}", report.undefined);
    assert!(report.unregistered.is_empty(), "prefixes missing from i18n::dynamic: {:#?}", report.unregistered);
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
    assert!(stdout.contains("fr: 100 % ("), "{stdout}");
    assert!(stdout.contains("0 missing, 0 extra, 0 placeables differ, 0 syntax errors"), "{stdout}");
}

/// The README's table comes from `rustition i18n stats`: a row for every locale, with the
/// command's name and percentage. (The counts change with every new message; they are pasted
/// again when a language changes, not compared.)
#[test]
fn the_readme_shows_the_stats_table() {
    let output = Command::new(env!("CARGO_BIN_EXE_rustition"))
        .args(["i18n", "stats"])
        .current_dir(common::repo_root())
        .env("RUSTITION_SERVER__DATA_DIR", std::env::temp_dir())
        .output()
        .unwrap();
    assert!(output.status.success());
    let table = String::from_utf8(output.stdout).unwrap();
    let header = "| Language | Translated | Complete | Missing |\n|---|--:|--:|--:|\n";
    assert!(table.starts_with(header), "{table}");
    assert!(table.contains("| English (`en`) | ") && table.contains("| Français (`fr`) | "), "{table}");
    let readme = std::fs::read_to_string(common::repo_root().join("README.md")).unwrap();
    let section = readme.split("\n## Translations\n").nth(1).expect("a Translations section in README.md");
    assert!(section.trim_start().starts_with(header), "the table opens the section");
    for row in table.lines().skip(2) {
        let cells: Vec<&str> = row.split(" | ").collect();
        let (name, percent) = (cells[0], cells[2]);
        assert!(
            section.lines().any(|l| l.starts_with(&format!("{name} | ")) && l.contains(&format!(" | {percent} | "))),
            "README.md lacks the row {row:?} of `rustition i18n stats`"
        );
    }
}

#[test]
fn the_check_fails_when_french_lacks_a_key() {
    let dir = tempfile::tempdir().unwrap();
    for (code, body) in [("en", "a = A\nb = B\n"), ("fr", "a = A\nc = C\n")] {
        std::fs::create_dir(dir.path().join(code)).unwrap();
        std::fs::write(dir.path().join(code).join("main.ftl"), body).unwrap();
    }
    let report = i18n::check(&i18n::files_in_dir(dir.path()).unwrap(), &i18n::Sources::default());
    assert!(report.fails());
    assert_eq!(report.locales["fr"].missing.iter().collect::<Vec<_>>(), ["b"]);
    assert_eq!(report.locales["fr"].extra.iter().collect::<Vec<_>>(), ["c"]);
}

/// An admin's own Dutch (a language the binary does not carry) in `assets_dir`: a few messages in
/// a flat file, and a file with a syntax error in an area folder (both layouts are read).
fn dutch_override() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let nl = dir.path().join("locales/nl");
    std::fs::create_dir_all(nl.join("dashboard")).unwrap();
    std::fs::write(nl.join("main.ftl"), "language-name = Nederlands\nlogin-title = Aanmelden\n").unwrap();
    std::fs::write(
        nl.join("dashboard/broken.ftl"),
        "# The button's message is broken; the one after it is read.\nlogin-button = Inloggen { $\nlogin-forgot = Wachtwoord vergeten?\n",
    )
    .unwrap();
    dir
}

#[rocket::async_test]
async fn a_partial_and_broken_locale_shows_its_messages_and_english_for_the_rest() {
    let over = dutch_override();
    let path = over.path().to_path_buf();
    let t = TestApp::start_with(|s| {
        s.server.assets_dir = Some(path);
        s.i18n.available = vec!["en".into(), "fr".into(), "nl".into()];
    })
    .await;
    let (status, html) = t.get("/login?lang=nl").await;
    assert_eq!(status, Status::Ok, "a broken .ftl does not stop the server");
    assert!(html.contains("<html lang=\"nl\""), "{html}");
    assert!(html.contains("<h1>Aanmelden</h1>"), "Dutch where it is translated");
    assert!(html.contains("Wachtwoord vergeten?"), "the messages after the broken one are read");
    assert!(html.contains(">Sign in</button>"), "English for the broken message: {html}");
    assert!(html.contains("<label for=\"password\">Password <span"), "English for a missing one: {html}");
    assert!(!html.contains("login-button"), "never a key shown raw");
    let (_, html) = t.get("/login?lang=fr").await;
    assert!(html.contains("<h1>Se connecter</h1>"), "French is untouched");
}

#[test]
fn the_check_reports_the_broken_file_with_its_line_and_fails() {
    let over = dutch_override();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_rustition"))
            .args(args)
            .current_dir(common::repo_root())
            .env("RUSTITION_SERVER__DATA_DIR", std::env::temp_dir())
            .env("RUSTITION_SERVER__ASSETS_DIR", over.path())
            .output()
            .unwrap()
    };
    let output = run(&["i18n", "check"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let broken = over.path().join("locales/nl/dashboard/broken.ftl");
    assert!(stdout.contains(&format!("  error     {}:2:", broken.display())), "{stdout}");
    assert!(stdout.contains("fr: 100 % ("), "the binary's French is read under the override: {stdout}");
    assert!(stdout.contains("  missing   login-button"), "{stdout}");

    let output = run(&["i18n", "stats"]);
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    let total = table.lines().nth(2).and_then(|l| l.split(" / ").nth(1)).and_then(|l| l.split(' ').next()).unwrap();
    assert!(table.lines().nth(2).unwrap().starts_with("| English (`en`) | "), "{table}");
    let nl = table.lines().find(|l| l.starts_with("| Nederlands (`nl`) | ")).expect("a row for Dutch");
    assert!(nl.starts_with(&format!("| Nederlands (`nl`) | 3 / {total} | 0 % | ")), "{nl}");
}

/// The safety net behind `TestApp`: a page asking for a key no catalog has shows it raw, and the
/// app remembers it — every integration test fails on such a fault when its app is dropped.
#[rocket::async_test]
async fn a_key_shown_raw_is_remembered_so_that_the_test_fails() {
    let over = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(over.path().join("templates/auth")).unwrap();
    let login = std::fs::read_to_string(common::repo_root().join("templates/auth/login.html")).unwrap();
    let login = login.replace("t(key=\"login-forgot\")", "t(key=\"login-forgotten\")");
    std::fs::write(over.path().join("templates/auth/login.html"), login).unwrap();
    let path = over.path().to_path_buf();
    let t = TestApp::start_with(|s| s.server.assets_dir = Some(path)).await;
    let (_, html) = t.get("/login").await;
    assert!(html.contains(">login-forgotten<"));
    assert_eq!(t.app().i18n.take_faults(), ["login-forgotten: no such message"]);
}

/// The flash cookie is the visitor's: one naming no message shows nothing, not the key raw.
#[rocket::async_test]
async fn a_forged_flash_shows_nothing() {
    let t = TestApp::start().await;
    let page =
        |value: &'static str| t.client.get("/login").cookie(rocket::http::Cookie::new("flash", value)).dispatch();
    let html = page("info:made-up-key").await.into_string().await.unwrap();
    assert!(!html.contains("made-up-key"), "{html}");
    let html = page("info:flash-signed-out").await.into_string().await.unwrap();
    assert!(html.contains("You are signed out."), "a real one still shows: {html}");
}

/// Many pages, as an admin who owns a petition, in every shipped language: none shows a key raw
/// or a message that failed to format (a missing `{ $variable }`, say).
#[rocket::async_test]
async fn the_pages_show_no_key_raw_in_any_shipped_language() {
    let t = TestApp::start().await;
    let ada = t.user("ada", true).await;
    let id = t
        .petition_of(
            rustition::domain::petition::petitions::OwnerId::User(ada),
            "walk",
            rustition::domain::petition::content::Content {
                title: "Walk".into(),
                text: "Every page.".into(),
                goal: 10,
                ..Default::default()
            },
        )
        .await;
    t.sign(&format!("/p/{id}"), id, &[("first_name", "Bo"), ("last_name", "Li"), ("email", "bo@example.org")]).await;
    let public = [format!("/p/{id}"), format!("/p/{id}/report"), format!("/p/{id}/thanks"), "/".into()];
    let anonymous = ["/login", "/register", "/password/forgot"].map(String::from);
    let mut signed_in = vec![
        "/dashboard".to_string(),
        "/dashboard/new".into(),
        "/dashboard/templates".into(),
        "/account".into(),
        "/account/delete".into(),
        "/organisations/new".into(),
        "/admin".into(),
        "/admin/audit".into(),
        "/admin/mail".into(),
        "/admin/moderation".into(),
        "/admin/moderation/reasons".into(),
        "/admin/moderation/withheld".into(),
        "/admin/organisations".into(),
        "/admin/users".into(),
        "/admin/settings".into(),
        "/admin/statistics".into(),
        format!("/admin/petitions/{id}/traffic"),
        format!("/admin/moderation/petitions/{id}"),
    ];
    for page in ["", "/signatures", "/stats", "/transfer", "/delete"] {
        signed_in.push(format!("/dashboard/petitions/{id}{page}"));
    }
    for section in ["content", "fields", "look", "image", "sharing", "mail", "paper", "permalinks"] {
        signed_in.push(format!("/dashboard/petitions/{id}/edit/{section}"));
    }
    let mut seen = 0;
    let languages = ["en", "fr", "de", "es", "it"];
    for lang in languages {
        for page in anonymous.iter().chain(&public) {
            seen += visit(&t, page, lang).await;
        }
    }
    t.login("ada").await;
    for lang in languages {
        for page in signed_in.iter().chain(&public) {
            seen += visit(&t, page, lang).await;
        }
    }
    assert_eq!(seen, languages.len() * (anonymous.len() + 2 * public.len() + signed_in.len()));
}

/// One page in `lang`; fails on a key shown raw there. Returns 1 for the count of pages seen.
async fn visit(t: &TestApp, page: &str, lang: &str) -> usize {
    let separator = if page.contains('?') { '&' } else { '?' };
    let (status, html) = t.get(&format!("{page}{separator}lang={lang}")).await;
    assert_eq!(status, Status::Ok, "{page} in {lang}");
    assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{page} in {lang}");
    let faults = t.app().i18n.take_faults();
    assert!(faults.is_empty(), "{page} in {lang}: {faults:#?}");
    if lang == "fr" {
        let text = visible_text(&html);
        let wrong: Vec<&str> = [" :", " ;", " ?", " !"].into_iter().filter(|p| text.contains(p)).collect();
        assert!(wrong.is_empty(), "{page} in French has an ordinary space before {wrong:?}: {text}");
    }
    1
}

/// What a reader sees of a page: its text without tags, styles or scripts, entities decoded.
fn visible_text(html: &str) -> String {
    let mut rest = html.to_string();
    for element in ["style", "script"] {
        while let Some(start) = rest.find(&format!("<{element}")) {
            let end =
                rest[start..].find(&format!("</{element}>")).map_or(rest.len(), |e| start + e + element.len() + 3);
            rest.replace_range(start..end, " ");
        }
    }
    let mut text = String::with_capacity(rest.len());
    let mut in_tag = false;
    for c in rest.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.replace("&nbsp;", "\u{a0}").replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    // Line breaks and indentation of the markup are not the messages' (ASCII only: a
    // no-break space is exactly what is looked for).
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
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
    for file in i18n::files_in_dir(&common::repo_root().join("locales")).unwrap() {
        if file.locale == i18n::REFERENCE_LOCALE {
            en.push_str(&file.text);
            en.push('\n');
        }
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
