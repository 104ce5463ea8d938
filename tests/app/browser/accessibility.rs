//! axe-core finds no WCAG 2.1 A/AA violation on the pages the public and a new organiser see, in
//! every theme; and a petition reads on a 320-pixel-wide screen without scrolling sideways.
use crate::browser::axe::Axe;
use crate::browser::driver::{Browser, Driver};
use crate::browser::served::Served;

#[rocket::async_test]
async fn every_public_page_passes_axe_in_every_theme() {
    let Some(axe) = Axe::load() else { return };
    let Some(driver) = Driver::start().await else { return };
    let served = Served::start().await;
    let mut browser = driver.browser(true, &served.base).await;
    let mut found: Vec<String> = Vec::new();

    for (n, theme) in served.themes().iter().enumerate() {
        let petition = served.petition(theme).await;
        browser.set_viewport(1280, 900).await;
        browser.open(&petition.path).await;
        assert!(browser.scripts_enabled().await, "axe needs scripts on");
        audit(&axe, &browser, &format!("{theme}: petition page"), &mut found).await;
        assert_fits_320(&browser, theme).await;

        let email = format!("reader-{theme}@example.org");
        browser.fill("first_name", "Ann").await;
        browser.fill("email", &email).await;
        browser.submit(r#"form[action$="/sign"]"#).await;
        audit(&axe, &browser, &format!("{theme}: thanks page"), &mut found).await;

        let link = served.confirmation_link(n + 1, &email).await;
        browser.open(&link).await;
        audit(&axe, &browser, &format!("{theme}: confirmation landing page"), &mut found).await;
        browser.submit(r#"form[action*="/confirm/"]"#).await;
        audit(&axe, &browser, &format!("{theme}: confirmed page"), &mut found).await;

        let find = "return document.querySelector('a[href^=\"/withdraw/\"]').getAttribute('href')";
        let withdraw = browser.client.execute(find, vec![]).await.expect("the confirmed page's withdrawal link");
        browser.open(withdraw.as_str().expect("a path")).await;
        audit(&axe, &browser, &format!("{theme}: withdrawal landing page"), &mut found).await;
        browser.submit(r#"form[action^="/withdraw/"]"#).await;
        audit(&axe, &browser, &format!("{theme}: withdrawn page"), &mut found).await;
        browser.open(&format!("/p/{}/privacy", petition.id)).await;
        audit(&axe, &browser, &format!("{theme}: the petition's privacy page"), &mut found).await;
    }
    for page in ["/privacy", "/my-signatures"] {
        browser.open(page).await;
        audit(&axe, &browser, page, &mut found).await;
    }

    served.user("organiser").await;
    browser.open("/login").await;
    audit(&axe, &browser, "login page", &mut found).await;
    browser.fill("login", "organiser").await;
    browser.fill("password", "organiser-password").await;
    browser.submit(r#"form[action="/login"]"#).await;
    browser.open("/dashboard/new").await;
    assert_eq!(browser.path().await, "/dashboard/new", "signed in, the wizard opens");
    audit(&axe, &browser, "wizard, first step (/dashboard/new)", &mut found).await;

    // axe sees what it should: an input without a label, added to the page, is reported.
    let unlabelled = "document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=unlabelled>');";
    browser.client.execute(unlabelled, vec![]).await.expect("add an unlabelled input");
    let violations = axe.violations(&browser).await;
    assert!(violations.iter().any(|v| v.starts_with("label ") && v.contains("#unlabelled")), "{violations:#?}");

    browser.assert_stayed_home().await;
    browser.close().await;
    assert!(found.is_empty(), "axe-core found WCAG 2.1 A/AA violations:\n{}", found.join("\n"));
}

/// Runs axe on the current page and keeps what it finds, so that one run reports every page.
async fn audit(axe: &Axe, browser: &Browser, page: &str, found: &mut Vec<String>) {
    let violations = axe.violations(browser).await;
    let path = browser.path().await;
    eprintln!("axe: {page} ({path}): {} violation(s)", violations.len());
    found.extend(violations.into_iter().map(|v| format!("- {page} ({path}): {v}")));
}

/// WCAG 1.4.10 (reflow): at 320 CSS pixels the page scrolls only vertically.
async fn assert_fits_320(browser: &Browser, theme: &str) {
    browser.set_viewport(320, 900).await;
    let widths = browser
        .client
        .execute("return [document.documentElement.scrollWidth, window.innerWidth];", vec![])
        .await
        .expect("read the page width");
    // What sticks out, to name in the failure.
    let wide = "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 321)\
                .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8);";
    let wide = browser.client.execute(wide, vec![]).await.expect("the elements wider than the page");
    browser.set_viewport(1280, 900).await;
    let (scroll, inner) = (widths[0].as_u64(), widths[1].as_u64());
    assert_eq!(inner, Some(320), "{theme}: the viewport is 320 wide");
    assert!(scroll <= inner, "{theme}: at 320 px the page is {scroll:?} px wide and scrolls sideways: {wide:?}");
}
