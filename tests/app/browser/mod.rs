//! Browser tests (issue #6): Debian's Chromium, headless, driven over WebDriver through the pages
//! as people use them, against the real app served on 127.0.0.1.
//!
//! Each test starts its own chromedriver and server. Without Chromium, chromedriver or axe-core
//! (`npm ci --prefix tests/browser`) the tests say why and pass, unless
//! `RUSTITION_BROWSER_TESTS=required` (CI) makes that a failure.
mod accessibility;
mod axe;
mod driver;
mod lighthouse;
mod organiser;
mod people;
mod petition_pages;
mod requests;
mod screenshots;
mod served;
mod signing;
