//! One petition in several languages: the organiser adds French and German to an English
//! petition from the dashboard's forms, translates it, sees which translation is older than the
//! default text, removes one; visitors read it in their language (by `?lang`, the language
//! cookie, or `Accept-Language`), else in English, with the right `lang` and `hreflang`; a
//! signer who read it in German gets the German mail, and the export says so.
use crate::common;

use std::time::Duration;

use common::{TestApp, csrf_token, hidden_field, location};
use rocket::http::Status;
use rustition::domain::ids::PetitionId;
use rustition::entities::signature;
use sea_orm::EntityTrait;
use sea_orm::sea_query::Expr;

use super::dashboard_edit::{alice_with_petition, edit};

const MAIL_WAIT: Duration = Duration::from_secs(10);

/// The languages panel's entry for `name` (from its name to the end of its line item).
fn entry<'a>(html: &'a str, name: &str) -> &'a str {
    let start = html.find(&format!(">{name}</span>")).unwrap_or_else(|| panic!("{name} is listed"));
    let rest = &html[start..];
    &rest[..rest.find("</li>").unwrap_or(rest.len())]
}

/// Adds `locale` from the content page, and expects its translation form with the default text.
async fn add_language(t: &TestApp, id: PetitionId, locale: &str) -> String {
    let content = format!("/dashboard/petitions/{id}/edit/content");
    let r = t.submit(&content, &format!("/dashboard/petitions/{id}/languages"), &[("locale", locale)]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let form = format!("/dashboard/petitions/{id}/languages/{locale}");
    assert_eq!(location(&r), form);
    let (status, html) = t.get(&form).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Trees for the square"), "the translation starts from the default text");
    form
}

async fn translate(t: &TestApp, form: &str, fields: &[(&str, &str)]) {
    let r = t.submit(form, form, fields).await;
    assert_eq!(r.status(), Status::SeeOther, "saving {form}: {}", r.into_string().await.unwrap_or_default());
}

#[rocket::async_test]
async fn a_petition_in_english_french_and_german_is_read_and_signed_in_each() {
    // An interface in English and French only, so that German content sits in an English page.
    let t = TestApp::start_with(|s| s.i18n.available = vec!["en".into(), "fr".into()]).await;
    let (_, id) = alice_with_petition(&t).await;
    let content = format!("/dashboard/petitions/{id}/edit/content");
    let r = edit(&t, id, "mail", &[("confirmation_text", "Thank you for signing.")]).await;
    assert_eq!(r.status(), Status::SeeOther);

    // The content page lists the languages: English only, with French and German to add.
    let (_, html) = t.get(&content).await;
    assert!(html.contains("Languages") && html.contains("No translation yet."));
    assert!(html.contains("<option value=\"fr\" lang=\"fr\">Français</option>"));
    assert!(html.contains("<option value=\"de\" lang=\"de\">Deutsch</option>"));

    let fr = add_language(&t, id, "fr").await;
    let de = add_language(&t, id, "de").await;
    translate(&t, &fr, &[("title", "Des arbres pour la place"), ("text", "Plantons des arbres sur la place.")]).await;
    let german = [
        ("title", "Bäume für den Platz"),
        ("text", "Pflanzt Bäume auf dem Platz."),
        ("confirmation_text", "Danke für Ihre Unterschrift."),
    ];
    translate(&t, &de, &german).await;
    let (_, html) = t.get(&content).await;
    assert!(!html.contains("<option value=\"fr\""), "a language the petition has is not offered again");
    assert!(entry(&html, "Français").contains("up to date") && entry(&html, "Deutsch").contains("up to date"));

    // The default text changes: both translations are now older, until one is saved again.
    let r =
        edit(&t, id, "content", &[("title", "Trees for the square"), ("text", "Plant ten trees."), ("goal", "100")])
            .await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, html) = t.get(&content).await;
    assert!(entry(&html, "Deutsch").contains("older than the default text"));
    assert!(entry(&html, "Français").contains("older than the default text"));
    let (_, form) = t.get(&fr).await;
    assert!(form.contains("The default text changed after this translation was last saved"));
    translate(&t, &fr, &[("title", "Des arbres pour la place"), ("text", "Plantons dix arbres.")]).await;
    let (_, html) = t.get(&content).await;
    assert!(entry(&html, "Français").contains("up to date"));
    assert!(entry(&html, "Deutsch").contains("older than the default text"));

    // A third language, removed again by its own button.
    add_language(&t, id, "es").await;
    let (_, html) = t.get(&content).await;
    assert!(html.contains("Remove the Español translation"));
    let r = t.submit(&content, &format!("/dashboard/petitions/{id}/languages/es/remove"), &[]).await;
    assert_eq!(location(&r), content);
    let (_, html) = t.get(&content).await;
    assert!(html.contains("Translation removed.") && !html.contains("Remove the Español translation"));

    // Someone else may neither add nor remove a language.
    t.submit("/", "/logout", &[]).await;
    t.user("mallory", false).await;
    t.login("mallory").await;
    let r = t.submit("/dashboard", &format!("/dashboard/petitions/{id}/languages"), &[("locale", "it")]).await;
    assert_eq!(r.status(), Status::NotFound, "not her petition");
    let r = t.submit("/dashboard", &format!("/dashboard/petitions/{id}/languages/de/remove"), &[]).await;
    assert_eq!(r.status(), Status::NotFound);
    let (status, _) = t.get(&fr).await;
    assert_eq!(status, Status::NotFound);
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM petition_translations WHERE petition_id = {id}")).await, 2);

    // Anonymous visitors from here on (their pages come from the cache).
    t.submit("/", "/logout", &[]).await;
    let page = "/u/alice/trees";
    let canonical = "http://petitions.test/u/alice/trees";

    let (status, html) = t.get_lang(page, "de-DE,de;q=0.9,en;q=0.5").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<html lang=\"en\">"), "the interface has no German: English around it");
    assert!(html.contains("<article class=\"petition\" lang=\"de\">") && html.contains("Bäume für den Platz"));
    assert!(!html.contains("Plant ten trees"));
    for code in ["en", "fr", "de"] {
        let alternate = format!("<link rel=\"alternate\" hreflang=\"{code}\" href=\"{canonical}?lang={code}\">");
        assert!(html.contains(&alternate), "hreflang {code}");
    }
    assert!(html.contains(&format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{canonical}\">")));
    assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{canonical}?lang=de\">")));
    assert!(!html.contains("hreflang=\"es\""), "a removed language is gone");
    // The petition's own language list: plain links to the others, the current one marked.
    assert!(html.contains("This petition in other languages"));
    assert!(html.contains("<a href=\"/u/alice/trees?lang=fr\" lang=\"fr\" hreflang=\"fr\">Français</a>"));
    assert!(html.contains("<span aria-current=\"true\" lang=\"de\">Deutsch</span>"));

    // A language the petition lacks: its default one.
    let (_, html) = t.get_lang(page, "es").await;
    assert!(html.contains("<article class=\"petition\" lang=\"en\">") && html.contains("Plant ten trees."));
    let (_, html) = t.get(&format!("{page}?lang=it")).await;
    assert!(html.contains("<article class=\"petition\" lang=\"en\">"));

    // ?lang=fr: interface and content in French; the cookie it sets keeps both.
    let (_, html) = t.get(&format!("{page}?lang=fr")).await;
    assert!(html.contains("<html lang=\"fr\">") && html.contains("<article class=\"petition\" lang=\"fr\">"));
    assert!(html.contains("Des arbres pour la place") && html.contains("Plantons dix arbres."));
    assert!(html.contains("Cette pétition dans d’autres langues"));
    let (_, html) = t.get_lang(page, "de").await;
    assert!(html.contains("<article class=\"petition\" lang=\"fr\">"), "the cookie comes before Accept-Language");
    assert!(html.contains("Des arbres pour la place"));

    // Signing from the German page: the mail has the German title and the German words.
    let (_, html) = t.get(&format!("{page}?lang=de")).await;
    assert!(html.contains("<article class=\"petition\" lang=\"de\">"), "?lang comes before the cookie");
    assert_eq!(hidden_field(&html, "content_lang"), "de");
    let fields = [
        ("csrf_token", csrf_token(&html)),
        ("content_lang", hidden_field(&html, "content_lang")),
        ("first_name", "Hanna".into()),
        ("last_name", "Schmidt".into()),
        ("email", "hanna@example.org".into()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = t.post_form(&format!("/p/{id}/sign"), &fields).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), format!("/p/{id}/thanks?lang=de"));
    let (status, html) = t.get(&location(&r)).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Bäume für den Platz"), "the thank-you page names the petition in German");
    let mail = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let text = mail.text();
    assert!(text.contains("Danke für Ihre Unterschrift."), "the German confirmation text: {text}");
    assert!(text.contains("Bäume für den Platz") && !text.contains("Thank you for signing."));

    // The export records the language each signer read.
    t.get("/?lang=en").await;
    t.login("alice").await;
    let (_, csv) = t.get(&format!("/dashboard/petitions/{id}/export.csv")).await;
    let mut lines = csv.lines();
    assert!(lines.next().unwrap_or_default().ends_with(",Language"), "{csv}");
    assert!(lines.next().unwrap_or_default().ends_with(",de"), "{csv}");

    // Mailed again by the organiser eleven minutes later: in German again.
    let valid = chrono::Duration::hours(i64::from(t.app().settings.signing.confirmation_valid_hours));
    let issued = chrono::Utc::now() - chrono::Duration::minutes(11);
    signature::Entity::update_many()
        .col_expr(signature::Column::TokenExpiresAt, Expr::value(issued + valid))
        .exec(&t.app().db)
        .await
        .unwrap();
    let hanna = t.count("SELECT id FROM signatures WHERE email = 'hanna@example.org'").await;
    let list = format!("/dashboard/petitions/{id}/signatures");
    let r = t.submit(&list, &format!("{list}/{hanna}/resend"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let again = t.smtp.wait_for(2, MAIL_WAIT).await.remove(1).text();
    assert!(again.contains("Danke für Ihre Unterschrift.") && again.contains("Bäume für den Platz"), "{again}");
}

#[rocket::async_test]
async fn the_wizard_review_offers_to_add_a_language_and_comes_back_to_it() {
    let t = TestApp::start().await;
    t.user("bob", false).await;
    t.login("bob").await;
    let r = t.submit("/dashboard/new", "/dashboard/new", &[("owner", "me")]).await;
    let start = location(&r);
    let id: i64 = start.split('/').nth(3).and_then(|n| n.parse().ok()).expect("the draft's id");
    let review = format!("/dashboard/petitions/{id}/wizard/review");
    let (status, html) = t.get(&review).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Add this language"));
    let r = t
        .submit(&review, &format!("/dashboard/petitions/{id}/languages"), &[("locale", "fr"), ("from", "wizard")])
        .await;
    let form = location(&r);
    assert_eq!(form, format!("/dashboard/petitions/{id}/languages/fr?from=wizard"));
    let (_, html) = t.get(&form).await;
    assert!(html.contains(&format!("href=\"{review}\"")), "back to the review");
    let r = t
        .submit(
            &form,
            &format!("/dashboard/petitions/{id}/languages/fr"),
            &[("title", "Mon titre"), ("text", "Mon texte"), ("from", "wizard")],
        )
        .await;
    assert_eq!(location(&r), review);
    let (_, html) = t.get(&review).await;
    assert!(html.contains("Remove the Français translation"));
}
