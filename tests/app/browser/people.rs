//! Every page a signer, a visitor or a new account holder opens — the home page, privacy, the
//! sign-in, registration and password pages, my signatures and the page its mailed link opens,
//! a guest's petition pages, the confirmation, withdrawal and unsubscribe pages, a delivery and
//! its printable page, a 404 and the 410 of an expired confirmation link, the account pages —
//! signed out and signed in, in English and French, at 320, 375 and 1280 px: nothing scrolls
//! sideways and axe-core finds no violation (WCAG 2.1 A/AA and best practices). Screenshots go
//! to `target/screenshots/people/`.
//!
//! Then, in every theme, a petition far from its goal says how many signatures it still needs
//! (grouped the French way in French), and printed it shows its title, text and count without
//! its form, sharing buttons or header.
use rustition::entities::{delivery, petition, signature};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::browser::axe::Axe;
use crate::browser::driver::{Browser, Chromedriver, Driver};
use crate::browser::organiser::{Walk, full_page};
use crate::browser::served::{MAIL_WAIT, Served};

/// The last link containing `needle` in the first `n` mails, once they are in.
async fn mailed(served: &Served, n: usize, needle: &str) -> String {
    let mails = served.smtp.wait_for(n, MAIL_WAIT).await;
    mails.iter().rev().find_map(|m| m.link_containing(needle)).unwrap_or_else(|| panic!("a mailed link to {needle}"))
}

/// Signs `petition` as `email` and returns its mailed confirmation link (the `n`th mail).
async fn sign(served: &Served, browser: &mut Browser, path: &str, email: &str, n: usize) -> String {
    browser.set_viewport(1280, 900).await;
    browser.open(path).await;
    browser.fill("first_name", "Ann").await;
    browser.fill("email", email).await;
    browser.submit(r#"form[action$="/sign"]"#).await;
    served.confirmation_link(n, email).await
}

async fn log_in(browser: &mut Browser) {
    browser.open("/login").await;
    browser.fill("login", "signer").await;
    browser.fill("password", "signer-password").await;
    browser.submit(r#"form[action="/login"]"#).await;
    assert_ne!(browser.path().await, "/login", "signed in");
}

#[rocket::async_test]
async fn every_page_a_signer_or_visitor_opens_fits_a_phone_and_passes_axe_signed_out_and_in() {
    let Some(axe) = Axe::load() else { return };
    let Some(driver) = Driver::start().await else { return };
    let served = Served::start().await;
    let petition = served.petition("classic").await;
    served.user("signer").await;
    let mut browser = driver.browser(true, &served.base).await;
    let mut mails = 0;

    // Ann signs and confirms; Bob's link expires before he uses it.
    mails += 1;
    let confirm = sign(&served, &mut browser, &petition.path, "ann@example.org", mails).await;
    mails += 1;
    let expired = sign(&served, &mut browser, &petition.path, "bob@example.org", mails).await;
    signature::Entity::update_many()
        .col_expr(signature::Column::TokenExpiresAt, Expr::value(chrono::Utc::now() - chrono::Duration::days(1)))
        .filter(signature::Column::EmailCanonical.eq("bob@example.org"))
        .exec(&served.db)
        .await
        .expect("expire Bob's link");
    browser.open(&confirm).await;
    let landing = browser.path().await;
    browser.submit(r#"form[action*="/confirm/"]"#).await;
    let find = "return document.querySelector('a[href^=\"/withdraw/\"]').getAttribute('href')";
    let withdraw = browser.client.execute(find, vec![]).await.expect("the withdrawal link");
    let withdraw = withdraw.as_str().expect("a path").to_string();
    let ann = signature::Entity::find()
        .filter(signature::Column::EmailCanonical.eq("ann@example.org"))
        .one(&served.db)
        .await
        .expect("query")
        .expect("Ann's signature");
    let unsubscribe =
        format!("/unsubscribe/{}", served.withdraw_key.unsubscribe_token(ann.id, petition.id, &ann.email_canonical));
    // A delivery, as reaching the goal would record it.
    let token = "walk-delivery-token-0123456789abcdef";
    delivery::ActiveModel {
        petition_id: Set(petition.id.0),
        token_hash: Set(rustition::domain::tokens::hash_token(token)),
        trigger: Set("manual".into()),
        signature_count: Set(1),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&served.db)
    .await
    .expect("insert a delivery");

    let mut walk = Walk::new(&axe, "people");
    let mut reset = String::new();
    let mut portal = String::new();
    for lang in ["en", "fr"] {
        walk.lang = lang;
        browser.open(&format!("/?lang={lang}")).await;
        for (name, path) in [
            ("home", "/".to_string()),
            ("privacy", "/privacy".into()),
            ("login", "/login".into()),
            ("register", "/register".into()),
            ("password-forgot", "/password/forgot".into()),
            ("my-signatures", "/my-signatures".into()),
            ("new", "/new".into()),
            ("confirm", landing.clone()),
            ("confirm-expired", expired.clone()),
            ("withdraw", withdraw.clone()),
            ("unsubscribe", unsubscribe.clone()),
            ("delivery", format!("/delivery/{token}")),
            ("delivery-print", format!("/delivery/{token}/print")),
            ("not-found", "/no-such-page".into()),
        ] {
            walk.check(&mut browser, name, &path).await;
        }
        browser.open(&expired).await;
        let said = browser.text("main").await;
        let expected = served.i18n.tr(lang, "confirm-expired", None);
        assert!(said.contains(&expected), "{lang}: the expired link's page says so: {said}");
        // The answers to the forms, and the pages their mailed links open.
        browser.open("/password/forgot").await;
        browser.fill("email", "signer@example.org").await;
        browser.submit(r#"form[action="/password/forgot"]"#).await;
        walk.here(&mut browser, "password-forgot-sent").await;
        mails += 1;
        reset = mailed(&served, mails, "/password/reset/").await;
        walk.check(&mut browser, "password-reset", &reset).await;
        browser.open("/my-signatures").await;
        browser.fill("email", "ann@example.org").await;
        browser.submit(r#"form[action="/my-signatures"]"#).await;
        walk.here(&mut browser, "my-signatures-sent").await;
        // One link per address for a while: the second language reuses the first's.
        if portal.is_empty() {
            mails += 1;
            portal = mailed(&served, mails, "/my-signatures/").await;
        }
        walk.check(&mut browser, "my-signatures-list", &portal).await;
        walk.check(&mut browser, "my-signatures-withdraw-all", &format!("{portal}/withdraw-all")).await;
    }
    assert!(!reset.is_empty() && !portal.is_empty());

    // Signed in.
    log_in(&mut browser).await;
    for lang in ["en", "fr"] {
        walk.lang = lang;
        browser.open(&format!("/?lang={lang}")).await;
        for (name, path) in [
            ("in-home", "/".to_string()),
            ("in-petition", petition.path.clone()),
            ("in-account", "/account".into()),
            ("in-account-delete", "/account/delete".into()),
            ("in-organisations-new", "/organisations/new".into()),
            ("in-my-signatures", "/my-signatures".into()),
            ("in-privacy", "/privacy".into()),
            ("in-not-found", "/no-such-page".into()),
        ] {
            walk.check(&mut browser, name, &path).await;
        }
    }
    browser.open("/account").await;
    browser.submit(r#"form[action="/logout"]"#).await;

    // A guest's petition: the address, the mailed link's page, the wizard, the manage page.
    for lang in ["en", "fr"] {
        walk.lang = lang;
        browser.open(&format!("/new?lang={lang}")).await;
        browser.fill("email", &format!("guest-{lang}@example.org")).await;
        browser.submit(r#"form[action="/new"]"#).await;
        walk.here(&mut browser, "new-sent").await;
        mails += 1;
        let verify = mailed(&served, mails, "/new/verify/").await;
        walk.check(&mut browser, "new-verify", &verify).await;
        browser.submit("main form").await;
        walk.here(&mut browser, "new-wizard-start").await;
        walk.check(&mut browser, "new-manage", "/new/manage").await;
    }

    browser.assert_stayed_home().await;
    browser.close().await;
    assert!(walk.found.is_empty(), "the signers' and visitors' pages have problems:\n{}", walk.found.join("\n"));
}

/// Whether each element matching a selector is shown (display not `none` up its ancestors).
async fn shown(browser: &Browser, selectors: &[&str]) -> Vec<(String, bool)> {
    let script = "return arguments[0].map(s => { const e = document.querySelector(s);
        let shown = !!e; for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
            if (getComputedStyle(n).display === 'none' || getComputedStyle(n).visibility === 'hidden') shown = false; }
        return [s, shown, !!e]; });";
    let answer = browser.client.execute(script, vec![json!(selectors)]).await.expect("computed styles");
    answer
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| a[2].as_bool() == Some(true))
        .map(|a| (a[0].as_str().unwrap_or_default().to_string(), a[1].as_bool() == Some(true)))
        .collect()
}

#[rocket::async_test]
async fn a_petition_says_how_many_more_it_needs_and_prints_without_its_form_in_every_theme() {
    let Some(driver) = Driver::start().await else { return };
    let served = Served::start().await;
    let mut browser = driver.browser(true, &served.base).await;
    let folder = crate::browser::screenshots::screenshot_folder().join("people");
    std::fs::create_dir_all(&folder).expect("create target/screenshots/people");

    for theme in served.themes() {
        let p = served.petition(&theme).await;
        petition::Entity::update_many()
            .col_expr(petition::Column::Goal, Expr::value(10_000_i64))
            .col_expr(petition::Column::ConfirmedCount, Expr::value(1_i64))
            .filter(petition::Column::Id.eq(p.id.0))
            .exec(&served.db)
            .await
            .expect("a goal of 10 000 and one signature");
        for lang in ["en", "fr"] {
            browser.set_viewport(375, 667).await;
            browser.open(&format!("{}?lang={lang}", p.path)).await;
            let needed = browser.text(".progress-needed").await;
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("needed", 9_999);
            args.set("goal", 10_000);
            let expected = served.i18n.tr(lang, "progress-needed", Some(&args));
            assert_eq!(needed, expected.replace(['\u{2068}', '\u{2069}'], ""), "{theme} {lang}");
            if lang == "en" {
                assert!(needed.contains("9,999"), "{theme}: {needed}");
            } else {
                assert!(needed.contains("9\u{202f}999") || needed.contains("9\u{a0}999"), "{theme}: {needed:?}");
            }
            let bar = "const b = document.querySelector('.progress-bar'); return [b.value, b.max];";
            let bar = browser.client.execute(bar, vec![]).await.expect("the bar");
            assert_eq!(bar, json!([1, 10000]), "{theme}: the bar is partly filled");
            let file = folder.join(format!("{lang}-progress-{theme}-375.png"));
            std::fs::write(&file, full_page(&browser).await).expect("write the screenshot");
        }

        browser.set_viewport(1280, 900).await;
        browser.open(&format!("{}?lang=en", p.path)).await;
        emulate_media(&browser, "print").await;
        let printed = browser.client.execute("return matchMedia('print').matches;", vec![]).await.expect("media");
        assert_eq!(printed, json!(true), "{theme}: print media");
        let seen = shown(&browser, &["main h1", ".petition-text", ".progress-count"]).await;
        assert_eq!(seen.len(), 3, "{theme}: title, text and count are on the page: {seen:?}");
        assert!(seen.iter().all(|(_, s)| *s), "{theme}: printed, the title, text and count show: {seen:?}");
        let hidden =
            shown(&browser, &["form[action$=\"/sign\"]", ".share", ".site-header nav", ".site-header", ".sign-cta"])
                .await;
        assert!(hidden.iter().any(|(s, _)| s.contains("/sign")), "{theme}: the page has a sign form: {hidden:?}");
        assert!(hidden.iter().all(|(_, s)| !*s), "{theme}: printed, form, sharing and header are hidden: {hidden:?}");
        let file = folder.join(format!("print-{theme}.png"));
        std::fs::write(&file, full_page(&browser).await).expect("write the screenshot");
        emulate_media(&browser, "").await;
    }
    browser.assert_stayed_home().await;
    browser.close().await;
}

/// Emulates a CSS media type (`print`; empty: back to the screen) through chromedriver's CDP
/// passthrough.
async fn emulate_media(browser: &Browser, media: &str) {
    let body = json!({ "cmd": "Emulation.setEmulatedMedia", "params": { "media": media } });
    browser.client.issue_cmd(Chromedriver { endpoint: "goog/cdp/execute", body }).await.expect("emulate the media");
}
