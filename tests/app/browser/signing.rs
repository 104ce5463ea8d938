//! A signer whose browser runs no script at all (Tor Browser at "Safest") signs and confirms,
//! and nothing the pages load comes from anywhere but the instance.
use crate::browser::driver::{Browser, Driver};
use crate::browser::served::{Petition, Served};

const SIGN_FORM: &str = r#"form[action$="/sign"]"#;
const CONFIRM_FORM: &str = r#"form[action*="/confirm/"]"#;

#[rocket::async_test]
async fn a_signer_with_javascript_off_signs_and_confirms_in_every_theme() {
    let Some(driver) = Driver::start().await else { return };
    let served = Served::start().await;
    let mut browser = driver.browser(false, &served.base).await;
    let themes = served.themes();
    assert!(themes.contains(&"classic".to_string()), "themes: {themes:?}");
    let mut first = None;
    for (n, theme) in themes.iter().enumerate() {
        let petition = served.petition(theme).await;
        sign_and_confirm(&served, &mut browser, &petition, n + 1).await;
        first.get_or_insert(petition.id);
    }

    // The record is not empty by accident: it holds the stylesheet, the posts and the pages.
    let id = first.expect("at least one theme");
    let requests = browser.requests().to_vec();
    for expected in ["/static/css/main.css".into(), format!("/p/{id}/sign"), format!("/p/{id}/confirm/")] {
        let expected = browser.url(&expected);
        assert!(requests.iter().any(|u| u.starts_with(&expected)), "recorded {expected}: {requests:#?}");
    }
    browser.assert_stayed_home().await;
    browser.close().await;
}

/// The `n`th signature of the run: read, sign, get the mail, open its link, confirm.
async fn sign_and_confirm(served: &Served, browser: &mut Browser, petition: &Petition, n: usize) {
    let (id, theme) = (petition.id, &petition.theme);
    browser.open(&petition.path).await;
    assert!(!browser.scripts_enabled().await, "{theme}: the page may not run scripts");
    let email = format!("signer-{theme}@example.org");
    browser.fill("first_name", "Jane").await;
    browser.fill("last_name", "Doe").await;
    browser.fill("email", &email).await;
    browser.submit(SIGN_FORM).await;
    assert_eq!(browser.path().await, format!("/p/{id}/thanks"), "{theme}: the thanks page");
    let confirmed = format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {id} AND confirmed_at IS NOT NULL");
    let pending = format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {id} AND confirmed_at IS NULL");
    assert_eq!(served.count(&pending).await, 1, "{theme}: one pending signature");

    let link = served.confirmation_link(n, &email).await;
    browser.open(&link).await;
    assert_eq!(served.count(&confirmed).await, 0, "{theme}: opening the link confirms nothing");
    browser.submit(CONFIRM_FORM).await;
    let status = browser.text(".success[role=status]").await;
    assert_eq!(status, served.english("confirm-done"), "{theme}: the success message");
    assert_eq!(served.count(&confirmed).await, 1, "{theme}: the signature is confirmed");
    assert_eq!(served.count(&pending).await, 0, "{theme}: nothing left pending");
}
