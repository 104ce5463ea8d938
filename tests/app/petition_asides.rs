//! A petition's side text and thank-you text (issue 16): the organiser writes them in the
//! content section, visitors read the side text below the petition's text in every theme, and
//! signers the thank-you text after signing; a French translation has its own of both.
use crate::common;

use common::{TestApp, csrf_token, hidden_field, location};
use rocket::http::Status;
use rustition::domain::ids::PetitionId;

use super::dashboard_edit::{alice_with_petition, assert_error_at, edit, refused};

const PAGE: &str = "/u/alice/trees";
const SIDE: &str = "## Why it matters\n\nThe square has **no shade**.<script>alert(1)</script>";
const THANKS: &str = "Now tell your **neighbours**.";

/// The content form as the organiser fills it, with `side` and `thanks`.
async fn write_asides(t: &TestApp, id: PetitionId, side: &str, thanks: &str) -> Status {
    let fields = [
        ("title", "Trees for the square"),
        ("text", "Plant trees on the square."),
        ("goal", "100"),
        ("side_text", side),
        ("thank_you_text", thanks),
    ];
    edit(t, id, "content", &fields).await.status()
}

/// Signs `page` (as shown, in its language) as Hanna, and returns the thank-you page's address.
async fn sign(t: &TestApp, id: PetitionId, page: &str) -> String {
    let (_, html) = t.get(page).await;
    let fields = [
        ("csrf_token", csrf_token(&html)),
        ("content_lang", hidden_field(&html, "content_lang")),
        ("first_name", "Hanna".into()),
        ("last_name", "Berg".into()),
        ("email", "hanna@example.org".into()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = t.post_form(&format!("/p/{id}/sign"), &fields).await;
    assert_eq!(r.status(), Status::SeeOther, "signing: {}", r.into_string().await.unwrap_or_default());
    location(&r)
}

#[rocket::async_test]
async fn the_side_text_shows_in_every_theme_and_the_thank_you_text_after_signing() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let (_, public) = t.get(PAGE).await;
    assert!(!public.contains("petition-side"), "no side text: nothing shown");
    let content = format!("/dashboard/petitions/{id}/edit/content");
    let (_, form) = t.get(&content).await;
    assert!(form.contains("Side text") && form.contains("Thank-you text"));

    let long = "x".repeat(5_001);
    let html =
        refused(edit(&t, id, "content", &[("title", "Trees"), ("text", "T"), ("side_text", &long)]).await, "long")
            .await;
    assert_error_at(&html, "side_text", "This is too long.");

    assert_eq!(write_asides(&t, id, SIDE, THANKS).await, Status::SeeOther);
    let (_, form) = t.get(&content).await;
    assert!(form.contains("Now tell your **neighbours**.</textarea>"), "the form shows what was saved");

    for theme in ["classic", "campaign", "minimal"] {
        let look = [("theme", theme), ("accent_color", ""), ("background_color", "")];
        assert_eq!(edit(&t, id, "look", &look).await.status(), Status::SeeOther);
        let (status, html) = t.get(PAGE).await;
        assert_eq!(status, Status::Ok);
        assert!(
            html.contains("<aside class=\"petition-side\" aria-label=\"More about this petition\" lang=\"en\">"),
            "{theme}: {html}"
        );
        assert!(html.contains("<h3>Why it matters</h3>"), "{theme}: its headings below the page's");
        assert!(html.contains("<strong>no shade</strong>"), "{theme}: Markdown rendered");
        assert!(!html.contains("alert(1)") && !html.contains("<script>alert"), "{theme}: the script is removed");
        assert!(!html.contains("neighbours"), "{theme}: the thank-you text waits for the signature");
    }

    t.submit("/", "/logout", &[]).await;
    let thanks = sign(&t, id, PAGE).await;
    assert_eq!(thanks, format!("/p/{id}/thanks"));
    let (status, html) = t.get(&thanks).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Now tell your <strong>neighbours</strong>."), "{html}");
    assert!(html.contains("We have sent you an email."), "the standard message stays");
    assert!(!html.contains("no shade"), "the side text belongs to the petition page");

    // Emptied again: nothing on either page.
    t.login("alice").await;
    assert_eq!(write_asides(&t, id, "", "").await, Status::SeeOther);
    let (_, html) = t.get(PAGE).await;
    assert!(!html.contains("petition-side") && !html.contains("no shade"));
    let (_, html) = t.get(&thanks).await;
    assert!(!html.contains("thank-you-text") && !html.contains("neighbours"));
}

#[rocket::async_test]
async fn a_french_translation_has_its_own_side_and_thank_you_texts() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    assert_eq!(write_asides(&t, id, SIDE, THANKS).await, Status::SeeOther);
    let content = format!("/dashboard/petitions/{id}/edit/content");
    let r = t.submit(&content, &format!("/dashboard/petitions/{id}/languages"), &[("locale", "fr")]).await;
    let fr = location(&r);
    let (_, form) = t.get(&fr).await;
    assert!(form.contains("Now tell your **neighbours**.</textarea>"), "copied from the default language");
    assert!(form.contains("Texte d’à-côté") || form.contains("Side text"));
    let french = [
        ("title", "Des arbres pour la place"),
        ("text", "Plantons des arbres."),
        ("side_text", "La place n’a **aucune ombre**."),
        ("thank_you_text", "Merci, parlez-en à vos **voisins**."),
    ];
    let r = t.submit(&fr, &fr, &french).await;
    assert_eq!(r.status(), Status::SeeOther);
    // A German one left empty shows the default language's.
    t.submit(&content, &format!("/dashboard/petitions/{id}/languages"), &[("locale", "de")]).await;
    let de = format!("/dashboard/petitions/{id}/languages/de");
    let german = [("title", "Bäume"), ("text", "Pflanzt Bäume."), ("side_text", ""), ("thank_you_text", "")];
    assert_eq!(t.submit(&de, &de, &german).await.status(), Status::SeeOther);

    // Changing the default side text alone leaves the translations older than it.
    let newer = format!("{SIDE}\n\nAnd it is hot.");
    assert_eq!(write_asides(&t, id, &newer, THANKS).await, Status::SeeOther);
    let (_, html) = t.get(&content).await;
    assert_eq!(html.matches("older than the default text").count(), 2, "{html}");

    t.submit("/", "/logout", &[]).await;
    let (_, html) = t.get(&format!("{PAGE}?lang=fr")).await;
    assert!(html.contains("aria-label=\"En savoir plus sur cette pétition\" lang=\"fr\">"));
    assert!(html.contains("La place n’a <strong>aucune ombre</strong>.") && !html.contains("no shade"));
    let (_, html) = t.get(&format!("{PAGE}?lang=de")).await;
    assert!(html.contains("<strong>no shade</strong>"), "German shows the English side text");

    let thanks = sign(&t, id, &format!("{PAGE}?lang=fr")).await;
    assert_eq!(thanks, format!("/p/{id}/thanks?lang=fr"));
    let (_, html) = t.get(&thanks).await;
    assert!(html.contains("<div class=\"thank-you-text\" lang=\"fr\">"), "{html}");
    assert!(html.contains("Merci, parlez-en à vos <strong>voisins</strong>.") && !html.contains("neighbours"));
}
