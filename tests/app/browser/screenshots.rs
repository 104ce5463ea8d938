//! Each theme's petition page photographed on a phone and a desktop, for people to look at:
//! `target/screenshots/<theme>-375.png` and `<theme>-1280.png`.
use std::path::PathBuf;

use crate::browser::driver::Driver;
use crate::browser::served::Served;

const WIDTHS: [u32; 2] = [375, 1280];

#[rocket::async_test]
async fn every_theme_is_photographed_at_phone_and_desktop_widths() {
    let Some(driver) = Driver::start().await else { return };
    let served = Served::start().await;
    let mut browser = driver.browser(true, &served.base).await;
    let folder = target_dir().join("screenshots");
    std::fs::create_dir_all(&folder).expect("create target/screenshots");

    for theme in served.themes() {
        let petition = served.petition(&theme).await;
        for width in WIDTHS {
            browser.set_viewport(width, 900).await;
            browser.open(&petition.path).await;
            let png = browser.client.screenshot().await.expect("a screenshot");
            assert!(png.starts_with(b"\x89PNG"), "{theme} at {width}: a PNG");
            let file = folder.join(format!("{theme}-{width}.png"));
            std::fs::write(&file, png).unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
            eprintln!("screenshot: {}", file.display());
        }
    }
    browser.assert_stayed_home().await;
    browser.close().await;
}

/// Cargo's target folder: `CARGO_TARGET_DIR` when set, else `<repo>/target`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| crate::common::repo_root().join("target"), PathBuf::from)
}
