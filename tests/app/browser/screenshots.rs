//! Pages photographed for people to look at, in `target/screenshots/` (never committed):
//! `petition_pages` takes each theme's petition page at 320, 375 and 1280 px in English and
//! French, and the thank-you and confirmed pages.
use std::path::{Path, PathBuf};

use crate::browser::driver::Browser;

/// `target/screenshots/`, made if missing.
pub fn screenshot_folder() -> PathBuf {
    let folder = target_dir().join("screenshots");
    std::fs::create_dir_all(&folder).expect("create target/screenshots");
    folder
}

/// What the browser shows, as a PNG in `file`.
pub async fn photograph(browser: &Browser, file: &Path) {
    let png = browser.client.screenshot().await.expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "{}: a PNG", file.display());
    std::fs::write(file, png).unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
    eprintln!("screenshot: {}", file.display());
}

/// Cargo's target folder: `CARGO_TARGET_DIR` when set, else `<repo>/target`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| crate::common::repo_root().join("target"), PathBuf::from)
}
