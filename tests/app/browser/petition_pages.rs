//! Each theme's petition page on a small phone (320), a phone (375) and a desktop (1280), in
//! English and French: it scrolls only vertically, axe-core finds nothing (WCAG A/AA and its
//! best practices), and at 375 the call to sign is in the first screen. Each is photographed to
//! `target/screenshots/petition-<theme>-<width>-<lang>.png`, with the thank-you and confirmed
//! pages, for people to look at (the folder is not committed).
use crate::browser::axe::{Axe, BEST_PRACTICE};
use crate::browser::driver::Browser;
use crate::browser::driver::Driver;
use crate::browser::screenshots::{photograph, screenshot_folder};
use crate::browser::served::Served;

/// (width, height): a small phone, an iPhone SE-sized phone, a laptop.
const SCREENS: [(u32, u32); 3] = [(320, 568), (375, 667), (1280, 800)];

#[rocket::async_test]
async fn every_theme_s_petition_page_fits_passes_axe_and_offers_sign_in_the_first_screen() {
    let Some(axe) = Axe::load() else { return };
    let Some(driver) = Driver::start().await else { return };
    let served = Served::start().await;
    let mut browser = driver.browser(true, &served.base).await;
    let folder = screenshot_folder();
    let mut found: Vec<String> = Vec::new();

    for theme in served.themes() {
        let petition = served.petition(&theme).await;
        for lang in ["en", "fr"] {
            for (width, height) in SCREENS {
                browser.set_viewport(width, height).await;
                browser.open(&format!("{}?lang={lang}", petition.path)).await;
                let page = format!("{theme} {lang} at {width}");
                let wide = overflow(&browser, width).await;
                assert!(wide.is_empty(), "{page}: the page scrolls sideways, past {width} px: {wide:?}");
                for v in axe.violations_tagged(&browser, BEST_PRACTICE).await {
                    found.push(format!("- {page}: {v}"));
                }
                if width == 375 {
                    assert_sign_in_first_screen(&browser, &page).await;
                }
                photograph(&browser, &folder.join(format!("petition-{theme}-{width}-{lang}.png"))).await;
            }
        }
    }
    // Signed in, the header stays short on a phone: the name and the account menu, then the
    // languages (the "signed in as" line is for screen readers there).
    served.user("organiser").await;
    browser.set_viewport(375, 667).await;
    browser.open("/login").await;
    browser.fill("login", "organiser").await;
    browser.fill("password", "organiser-password").await;
    browser.submit(r#"form[action="/login"]"#).await;
    browser.open("/").await;
    let header =
        browser.client.execute("return document.querySelector('.site-header').getBoundingClientRect().height;", vec![]);
    let header = header.await.expect("the header's height").as_f64().unwrap_or_default();
    photograph(&browser, &folder.join("index-signed-in-375-en.png")).await;
    assert!(header < 140.0, "signed in, the header is {header} px high at 375");
    for v in axe.violations_tagged(&browser, BEST_PRACTICE).await {
        found.push(format!("- the list of petitions, signed in: {v}"));
    }

    browser.assert_stayed_home().await;
    browser.close().await;
    assert!(found.is_empty(), "axe-core found violations:\n{}", found.join("\n"));
}

/// The thank-you and confirmed pages, the next steps, photographed at 375 and 1280 in every
/// theme, and checked like the petition pages.
#[rocket::async_test]
async fn after_signing_and_confirming_the_next_step_is_sharing_in_every_theme() {
    let Some(axe) = Axe::load() else { return };
    let Some(driver) = Driver::start().await else { return };
    let served = Served::start().await;
    let mut browser = driver.browser(true, &served.base).await;
    let folder = screenshot_folder();
    let mut found: Vec<String> = Vec::new();

    for (n, theme) in served.themes().iter().enumerate() {
        let petition = served.petition(theme).await;
        browser.set_viewport(375, 667).await;
        browser.open(&petition.path).await;
        let email = format!("sharer-{theme}@example.org");
        browser.fill("first_name", "Ann").await;
        browser.fill("email", &email).await;
        browser.submit(r#"form[action$="/sign"]"#).await;
        assert_eq!(browser.path().await, format!("/p/{}/thanks", petition.id), "{theme}: thanked");
        check(&axe, &browser, &format!("{theme}: thanks"), &mut found).await;
        assert!(!browser.text("#share-title").await.is_empty(), "{theme}: the thanks page asks to share");
        photograph(&browser, &folder.join(format!("thanks-{theme}-375-en.png"))).await;

        let link = served.confirmation_link(n + 1, &email).await;
        browser.open(&link).await;
        browser.submit(r#"form[action*="/confirm/"]"#).await;
        assert_eq!(browser.path().await, format!("/p/{}/confirmed", petition.id), "{theme}: redirected");
        assert_eq!(browser.text("h1").await, served.english("confirmed-title"), "{theme}: the heading says it");
        assert_eq!(browser.text("#share-title").await, served.english("share-next-heading"), "{theme}");
        for (width, height) in [(375, 667), (1280, 800)] {
            browser.set_viewport(width, height).await;
            let wide = overflow(&browser, width).await;
            assert!(wide.is_empty(), "{theme}: the confirmed page at {width} scrolls sideways: {wide:?}");
            check(&axe, &browser, &format!("{theme}: confirmed at {width}"), &mut found).await;
            photograph(&browser, &folder.join(format!("confirmed-{theme}-{width}-en.png"))).await;
        }
        // On a desktop the page stands in the middle, as the petition does (not against the left).
        let left =
            browser.client.execute("return document.querySelector('main h1').getBoundingClientRect().left;", vec![]);
        let left = left.await.expect("the heading's place").as_f64().unwrap_or_default();
        assert!(left > 200.0, "{theme}: the confirmed page's heading starts {left} px from the left at 1280");
    }
    browser.assert_stayed_home().await;
    browser.close().await;
    assert!(found.is_empty(), "axe-core found violations:\n{}", found.join("\n"));
}

async fn check(axe: &Axe, browser: &Browser, page: &str, found: &mut Vec<String>) {
    found.extend(axe.violations_tagged(browser, BEST_PRACTICE).await.into_iter().map(|v| format!("- {page}: {v}")));
}

/// The elements that stick out of a `width`-wide viewport (none when the page fits), after
/// checking the document itself is no wider.
async fn overflow(browser: &Browser, width: u32) -> Vec<String> {
    let script = "const w = arguments[0];
        const out = Array.from(document.querySelectorAll('body *'))
            .filter(e => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'absolute')
            .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8);
        if (document.documentElement.scrollWidth > w) out.unshift('document ' + document.documentElement.scrollWidth);
        return out;";
    let found = browser.client.execute(script, vec![serde_json::json!(width)]).await.expect("measure the page");
    found.as_array().into_iter().flatten().map(|v| v.as_str().unwrap_or_default().to_string()).collect()
}

/// A visible link or button that leads to signing lies wholly inside the first screen.
async fn assert_sign_in_first_screen(browser: &Browser, page: &str) {
    let script = "const h = window.innerHeight;
        const candidates = Array.from(document.querySelectorAll('a[href=\"#sign\"], #sign button[type=submit]'));
        return candidates.filter(e => e.offsetParent !== null).map(e => {
            const r = e.getBoundingClientRect();
            return [e.textContent.trim(), r.top >= 0 && r.bottom <= h, Math.round(r.bottom)];
        });";
    let seen = browser.client.execute(script, vec![]).await.expect("find the call to sign");
    let list = seen.as_array().cloned().unwrap_or_default();
    assert!(!list.is_empty(), "{page}: no Sign link or button at all");
    assert!(list.iter().any(|c| c[1].as_bool() == Some(true)), "{page}: no Sign action in the first 667 px: {list:?}");
}
