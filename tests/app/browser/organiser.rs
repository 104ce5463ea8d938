//! Every page an organiser or an admin opens — the dashboard, a petition's page and its sections,
//! signatures, each step of the wizard, templates, the organisation's pages, /admin — in English and
//! in French, at 320, 375 and 1280 px: no page scrolls sideways, and axe-core finds no violation
//! of WCAG 2.1 A/AA or of its best practices, on a phone (tables as cards) and on a desktop.
//!
//! One browser and one server for the whole walk. Each page is photographed at each width, whole,
//! into `target/screenshots/organiser/<lang>-<page>-<width>.png` for people to look at.
use std::path::PathBuf;

use base64::Engine;
use rustition::domain::ids::{OrganisationId, PetitionId};
use rustition::domain::petition::petitions::{self, Content, FieldRule, NewPetition, OwnerId, Status};
use serde_json::json;

use crate::browser::axe::{Axe, BEST_PRACTICE};
use crate::browser::driver::{Browser, Chromedriver, Driver};
use crate::browser::served::Served;

const WIDTHS: [u32; 3] = [320, 375, 1280];
/// axe runs at the narrowest and the widest: cards, then tables.
const AXE_WIDTHS: [u32; 2] = [320, 1280];

/// What the walk found, page by page, reported together at the end (also used by `people`).
pub(super) struct Walk<'a> {
    axe: &'a Axe,
    folder: PathBuf,
    pub(super) found: Vec<String>,
    pub(super) lang: &'static str,
}

impl<'a> Walk<'a> {
    /// A walk whose screenshots go to `target/screenshots/<folder>/`.
    pub(super) fn new(axe: &'a Axe, folder: &str) -> Walk<'a> {
        let folder = crate::browser::screenshots::target_dir().join("screenshots").join(folder);
        std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("create {}: {e}", folder.display()));
        Walk { axe, folder, found: Vec::new(), lang: "en" }
    }

    /// Opens `path` and checks it at every width; `name` names its screenshots.
    pub(super) async fn check(&mut self, browser: &mut Browser, name: &str, path: &str) {
        browser.set_viewport(1280, 900).await;
        browser.open(path).await;
        self.here(browser, name).await;
    }

    /// Checks the page the browser shows (the answer to a form, say) at every width.
    pub(super) async fn here(&mut self, browser: &mut Browser, name: &str) {
        let at = browser.path().await;
        for width in WIDTHS {
            browser.set_viewport(width, 900).await;
            if let Some(wide) = overflow(browser, width).await {
                self.found.push(format!("- {} {name} ({at}) at {width} px scrolls sideways: {wide}", self.lang));
            }
            if AXE_WIDTHS.contains(&width) {
                let violations = self.axe.violations_tagged(browser, BEST_PRACTICE).await;
                eprintln!("axe: {} {name} ({at}) at {width} px: {} violation(s)", self.lang, violations.len());
                self.found.extend(
                    violations.into_iter().map(|v| format!("- {} {name} ({at}) at {width} px: {v}", self.lang)),
                );
            }
            let file = self.folder.join(format!("{}-{name}-{width}.png", self.lang));
            std::fs::write(&file, full_page(browser).await).unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
        }
        browser.set_viewport(1280, 900).await;
    }
}

/// `None` when the page fits `width`, else its width and what sticks out.
async fn overflow(browser: &Browser, width: u32) -> Option<String> {
    let script = "const w = window.innerWidth; const s = document.documentElement.scrollWidth;
        if (s <= w) return null;
        const wide = Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/ +/g, '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right))
            .slice(0, 6);
        return s + ' px wide: ' + wide.join(', ');";
    let answer = browser.client.execute(script, vec![]).await.expect("measure the page");
    assert!(answer.is_null() || answer.is_string(), "at {width}: {answer}");
    answer.as_str().map(str::to_string)
}

/// The whole page, not only what the viewport shows, as a PNG.
pub(super) async fn full_page(browser: &Browser) -> Vec<u8> {
    let shot = browser
        .client
        .issue_cmd(Chromedriver {
            endpoint: "goog/cdp/execute",
            body: json!({ "cmd": "Page.captureScreenshot", "params": { "format": "png", "captureBeyondViewport": true } }),
        })
        .await
        .expect("a screenshot");
    let data = shot["data"].as_str().expect("the screenshot's data");
    let png = base64::engine::general_purpose::STANDARD.decode(data).expect("base64");
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    png
}

/// Submits the wizard's form with its first button (next) and expects step `to`.
async fn next_step(browser: &mut Browser, to: &str) {
    browser.submit("form.wizard").await;
    let path = browser.path().await;
    assert!(path.ends_with(&format!("/wizard/{to}")), "the wizard goes on to {to}, not {path}");
}

#[rocket::async_test]
async fn every_organiser_and_admin_page_fits_a_phone_and_passes_axe() {
    let Some(axe) = Axe::load() else { return };
    let Some(driver) = Driver::start().await else { return };
    let served = Served::start().await;

    // An admin who founded an organisation, its petition with signers (one of them not yet
    // confirmed, one with a long address), a mail in the queue and a template.
    let admin = rustition::domain::account::accounts::create(
        &served.db,
        rustition::domain::account::accounts::NewAccount {
            username: "organiser".into(),
            email: "organiser@example.org".into(),
            password: "organiser-password".into(),
            is_admin: true,
            verified: true,
            ..Default::default()
        },
    )
    .await
    .expect("create the admin");
    let input = rustition::domain::organisation::organisations::OrganisationInput {
        slug: "neighbours".into(),
        name: "Neighbours for a Greener Rue de la République".into(),
        ..Default::default()
    };
    let org = rustition::domain::organisation::organisations::create(
        &served.db,
        &rustition::domain::permissions::operator(()),
        admin,
        input,
    )
    .await
    .expect("create the organisation");
    let owner = OwnerId::Organisation(OrganisationId(org.id));
    let mut content = Content {
        title: "Plant two hundred trees along the avenue before the next heatwave".into(),
        text: "## Why\n\nShade in summer.\n".into(),
        goal: 500,
        ..Default::default()
    };
    content.fields.first_name = FieldRule::Required;
    content.fields.last_name = FieldRule::Optional;
    let id = petitions::create(
        &served.db,
        &rustition::domain::permissions::operator(owner),
        NewPetition {
            content: content.clone(),
            slug: Some("plant-two-hundred-trees-along-the-avenue-before-the-next-heatwave".into()),
            status: Status::Published,
            locale: "en".into(),
            wizard_step: None,
        },
    )
    .await
    .expect("create the petition");
    let signature = signers(&served, id).await;
    let template = rustition::domain::petition::templates::create(
        &served.db,
        &rustition::domain::permissions::operator(owner),
        "Street campaign",
        &content,
    )
    .await
    .expect("create a template");
    let mail = crate::common::test_mail("a-rather-long-address.of.someone@subdomain.example.org");
    rustition::mail::queue::enqueue(&served.db, mail, chrono::Utc::now()).await.expect("queue a mail");

    let mut browser = driver.browser(true, &served.base).await;
    browser.open("/login").await;
    browser.fill("login", "organiser").await;
    browser.fill("password", "organiser-password").await;
    browser.submit(r#"form[action="/login"]"#).await;

    let p = format!("/dashboard/petitions/{id}");
    let tp = format!("/dashboard/templates/{template}");
    let mut pages: Vec<(String, String)> = vec![
        ("dashboard".into(), "/dashboard".into()),
        ("petition".into(), p.clone()),
        ("signatures".into(), format!("{p}/signatures")),
        ("signature-delete".into(), format!("{p}/signatures/{signature}/delete")),
        ("stats".into(), format!("{p}/stats")),
        ("delete".into(), format!("{p}/delete")),
        ("transfer".into(), format!("{p}/transfer")),
        ("templates".into(), "/dashboard/templates".into()),
        ("template-delete".into(), format!("{tp}/delete")),
        ("members".into(), "/dashboard/o/neighbours/members".into()),
        ("org-profile".into(), "/dashboard/o/neighbours/profile".into()),
        ("admin".into(), "/admin".into()),
        ("admin-mail".into(), "/admin/mail".into()),
        ("admin-audit".into(), "/admin/audit".into()),
        ("admin-settings".into(), "/admin/settings".into()),
        ("admin-users".into(), "/admin/users".into()),
        ("admin-organisations".into(), "/admin/organisations".into()),
        ("admin-statistics".into(), "/admin/statistics".into()),
        ("moderation".into(), "/admin/moderation".into()),
        ("moderation-withheld".into(), "/admin/moderation/withheld".into()),
        ("moderation-reasons".into(), "/admin/moderation/reasons".into()),
        ("moderation-case".into(), format!("/admin/moderation/petitions/{id}")),
        ("traffic".into(), format!("/admin/petitions/{id}/traffic")),
    ];
    for s in ["content", "fields", "look", "image", "sharing", "mail", "paper", "permalinks"] {
        pages.push((format!("edit-{s}"), format!("{p}/edit/{s}")));
    }
    for s in ["content", "fields", "look"] {
        pages.push((format!("template-{s}"), format!("{tp}/edit/{s}")));
    }

    let mut walk = Walk::new(&axe, "organiser");
    for lang in ["en", "fr"] {
        walk.lang = lang;
        browser.open(&format!("/dashboard?lang={lang}")).await;
        for (name, path) in &pages {
            walk.check(&mut browser, name, path).await;
        }
        wizard(&mut walk, &mut browser).await;
    }

    browser.assert_stayed_home().await;
    browser.close().await;
    assert!(walk.found.is_empty(), "the organisers' pages have problems:\n{}", walk.found.join("\n"));
}

/// Walks the wizard step by step, checking each, to its review.
async fn wizard(walk: &mut Walk<'_>, browser: &mut Browser) {
    walk.check(browser, "wizard-owner", "/dashboard/new").await;
    browser.submit(r#"form[action="/dashboard/new"]"#).await;
    let start = browser.path().await;
    assert!(start.ends_with("/wizard/start"), "the wizard starts: {start}");
    let base = start.trim_end_matches("/start").to_string();
    walk.check(browser, "wizard-start", &start).await;
    next_step(browser, "content").await;
    walk.check(browser, "wizard-content", &format!("{base}/content")).await;
    browser.fill("title", "Des arbres pour la place de la République, avant l’été prochain").await;
    browser.fill("text", "Plantons **des arbres**.").await;
    next_step(browser, "preview").await;
    for (step, then) in [("preview", "fields"), ("fields", "look"), ("look", "image"), ("image", "review")] {
        walk.check(browser, &format!("wizard-{step}"), &format!("{base}/{step}")).await;
        next_step(browser, then).await;
    }
    walk.check(browser, "wizard-review", &format!("{base}/review")).await;
}

/// Three signers of `id`, one not yet confirmed and one with a long address; the first's id.
async fn signers(served: &Served, id: PetitionId) -> i64 {
    let mut first = 0;
    for (n, (given, family, email)) in [
        ("Ann", "Lee", "ann@example.org"),
        (
            "Bartholomew-Maximilian",
            "Featherstonehaugh",
            "bartholomew.maximilian.featherstonehaugh@subdomain.example.org",
        ),
        ("Jo", "Park", "jo@example.org"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut s = crate::common::signature(id, given, family, email);
        if n == 2 {
            s.confirmed_at = sea_orm::Set(None);
        }
        let s = sea_orm::ActiveModelTrait::insert(s, &served.db).await.expect("insert a signature");
        if n == 0 {
            first = s.id;
        }
    }
    first
}
