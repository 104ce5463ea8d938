//! German, Spanish and Italian: every public page, mail and error in the language, and the rest
//! (the dashboard, the administration) in English message by message, never a key shown raw.
use crate::common;

use std::path::Path;
use std::time::Duration;

use base64::Engine;
use common::TestApp;
use rocket::http::Status;
use rustition::i18n;

/// The languages shipped with their public pages, mails and errors complete.
const PUBLIC_LOCALES: [&str; 3] = ["de", "es", "it"];
/// The areas of `locales/en/` those languages translate entirely.
const PUBLIC_AREAS: [&str; 3] = ["public", "mail", "errors"];

/// The area folder of a file of `locales/` (`en/public/frame.ftl` → `public`).
fn area(locales: &Path, file: &i18n::FtlFile) -> Option<String> {
    let relative = Path::new(&file.shown).strip_prefix(locales).ok()?;
    Some(relative.iter().nth(1)?.to_string_lossy().into_owned())
}

#[test]
fn german_spanish_and_italian_have_every_public_mail_and_error_message() {
    let locales = common::repo_root().join("locales");
    let files = i18n::files_in_dir(&locales).unwrap();
    let full = i18n::check(&files, &i18n::Sources::default());
    // English reduced to its public areas: what the three must have, placeables included.
    let public: Vec<i18n::FtlFile> = files
        .iter()
        .filter(|f| {
            f.locale != i18n::REFERENCE_LOCALE || area(&locales, f).is_some_and(|a| PUBLIC_AREAS.contains(&a.as_str()))
        })
        .cloned()
        .collect();
    let reduced = i18n::check(&public, &i18n::Sources::default());
    assert!(reduced.total > 300, "English's public areas were read: {} messages", reduced.total);
    for code in PUBLIC_LOCALES {
        let (Some(all), Some(shown)) = (full.locales.get(code), reduced.locales.get(code)) else {
            panic!("locales/{code}/ is missing");
        };
        assert!(all.errors.is_empty(), "{code}: {:#?}", all.errors);
        assert!(all.extra.is_empty(), "{code} has keys English lacks: {:?}", all.extra);
        assert!(all.placeables.is_empty(), "{code}: placeables differ from English: {:#?}", all.placeables);
        assert!(shown.missing.is_empty(), "{code} lacks public, mail or error messages: {:?}", shown.missing);
        assert_eq!(shown.translated, reduced.total, "{code}");
        assert!(!all.missing.is_empty(), "{code}: the dashboard is not translated, English fills it in");
        assert!(full.names.contains_key(code), "{code} names itself (language-name)");
    }
}

#[rocket::async_test]
async fn the_three_are_offered_by_default_in_the_language_menu() {
    let t = TestApp::start().await;
    assert_eq!(t.app().i18n.codes().collect::<Vec<_>>(), ["en", "fr", "de", "es", "it"]);
    let (_, html) = t.get("/").await;
    for (code, name) in [("de", "Deutsch"), ("es", "Español"), ("it", "Italiano")] {
        assert!(html.contains(&format!("href=\"/?lang={code}\"")), "a link to {code}: {html}");
        assert!(html.contains(&format!(">{name}<")), "named {name}: {html}");
    }
}

#[rocket::async_test]
async fn a_petition_asked_for_in_german_is_in_german() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let (status, html) = t.get_lang(&format!("/p/{id}"), "de-DE,de;q=0.9,en;q=0.5").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(html.contains("Diese Petition unterschreiben"), "{html}");
    assert!(html.contains(">Unterschreiben</button>"), "{html}");
    assert!(html.contains("Vorname") && html.contains("E-Mail-Adresse"), "{html}");
    assert!(html.contains(">Anmelden</a>"), "the header too: {html}");
    assert!(!html.contains("Sign this petition") && !html.contains("First name"), "no English left: {html}");
}

/// The dashboard has no German: its own messages come in English, the page frame in German,
/// and no message id shows raw.
#[rocket::async_test]
async fn the_dashboard_in_german_falls_back_to_english_message_by_message() {
    let t = TestApp::start().await;
    t.user("ada", false).await;
    t.login("ada").await;
    let (status, html) = t.get_lang("/dashboard", "de").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(html.contains("Angemeldet als ada") && html.contains(">Abmelden</button>"), "German frame: {html}");
    assert!(html.contains(">New petition</a>"), "English for the dashboard: {html}");
    assert!(html.contains("<label for=\"q\">Search</label>"), "{html}");
    assert!(t.app().i18n.faults().is_empty(), "{:#?}", t.app().i18n.faults());
    // No id of the untranslated areas shows raw (`TestApp` also fails on any fault when dropped).
    let locales = common::repo_root().join("locales");
    for file in i18n::files_in_dir(&locales).unwrap() {
        if file.locale != i18n::REFERENCE_LOCALE
            || area(&locales, &file).is_some_and(|a| PUBLIC_AREAS.contains(&a.as_str()))
        {
            continue;
        }
        let keys = file.text.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()));
        for key in keys.filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim())) {
            assert!(!html.contains(&format!(">{key}<")), "{key} shown raw: {html}");
        }
    }
    assert!(!html.contains(">dashboard-"), "{html}");
}

#[rocket::async_test]
async fn signing_in_german_sends_the_confirmation_mail_in_german() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let page = format!("/p/{id}?lang=de");
    let fields = [("first_name", "Jana"), ("last_name", "Müller"), ("email", "jana@example.org"), ("phone", "")];
    let r = t.submit(&page, &format!("/p/{id}/sign"), &fields).await;
    assert_eq!(r.status(), Status::SeeOther);
    let thanks = common::location(&r);
    let (_, html) = t.get(&thanks).await;
    assert!(html.contains("Wir haben Ihnen eine E-Mail geschickt"), "{html}");

    let mail = t.smtp.wait_for(1, Duration::from_secs(10)).await.remove(0);
    let subject = decoded_subject(&mail);
    assert_eq!(subject, "Bitte bestätigen Sie Ihre Unterschrift: Save the <Old> Library & Park");
    let text = mail.text();
    assert!(text.contains("Guten Tag,"), "{text}");
    assert!(text.contains("Um Ihre Unterschrift zu bestätigen, öffnen Sie diesen Link"), "{text}");
    assert!(text.contains("Um Ihre Unterschrift jederzeit zurückzuziehen"), "{text}");
    assert!(!text.contains("To confirm your signature"), "{text}");
    let link = mail.link_containing("/confirm/").expect("a confirmation link");
    let (_, landing) = t.get(link.trim_start_matches("http://petitions.test")).await;
    assert!(landing.contains("Meine Unterschrift bestätigen"), "the link opens a German page: {landing}");
}

/// The Subject header, unfolded, its RFC 2047 words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) decoded.
pub(crate) fn decoded_subject(mail: &common::smtp::Received) -> String {
    let head = mail.data.split("\r\n\r\n").next().unwrap_or_default();
    let mut lines = head.split("\r\n").skip_while(|l| !l.to_ascii_lowercase().starts_with("subject:"));
    let mut raw = lines.next().expect("a Subject header")["subject:".len()..].to_string();
    for line in lines.take_while(|l| l.starts_with([' ', '\t'])) {
        raw.push_str(line);
    }
    let mut out = String::new();
    let mut last_encoded = false;
    for word in raw.split_whitespace() {
        let encoded = word.strip_prefix("=?").and_then(|w| w.strip_suffix("?=")).and_then(|w| {
            let mut parts = w.splitn(3, '?');
            let (_, kind, text) = (parts.next()?, parts.next()?, parts.next()?);
            let bytes = match kind {
                "b" | "B" => base64::engine::general_purpose::STANDARD.decode(text).ok()?,
                _ => q_decode(text),
            };
            String::from_utf8(bytes).ok()
        });
        match encoded {
            Some(text) => {
                // Whitespace between two encoded words is not part of the text.
                if !last_encoded && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&text);
                last_encoded = true;
            }
            None => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
                last_encoded = false;
            }
        }
    }
    out
}

fn q_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'_' => out.push(b' '),
            b'=' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                out.push(hex.unwrap_or(b'='));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}
