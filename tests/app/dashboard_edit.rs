//! An organiser edits a published petition from the dashboard, one section at a time, and sees
//! each change where signers see it (its permalinks, status, owner and deletion are in
//! `dashboard_lifecycle`). Forms are sent as a browser without JavaScript sends them.
use crate::common;

use std::time::Duration;

use common::{TestApp, location};
use rocket::http::Status;
use rocket::local::asynchronous::LocalResponse;
use rustition::domain::ids::{PetitionId, UserId};
use rustition::domain::petition::petitions::{Content, OwnerId};

/// A petition of `owner`, published at `…/<slug>`.
pub(super) async fn petition_of(t: &TestApp, owner: OwnerId, slug: &str, title: &str) -> PetitionId {
    let content =
        Content { title: title.into(), text: "Plant trees on the square.".into(), goal: 100, ..Default::default() };
    t.petition_of(owner, slug, content).await
}

/// alice, signed in, with her petition "Trees for the square" at /u/alice/trees.
pub(super) async fn alice_with_petition(t: &TestApp) -> (UserId, PetitionId) {
    let alice = t.user("alice", false).await;
    let id = petition_of(t, OwnerId::User(alice), "trees", "Trees for the square").await;
    t.login("alice").await;
    (alice, id)
}

/// Submits edit section `section` of petition `id` from its own page.
pub(super) async fn edit<'a>(
    t: &'a TestApp,
    id: PetitionId,
    section: &str,
    fields: &[(&str, &str)],
) -> LocalResponse<'a> {
    let page = format!("/dashboard/petitions/{id}/edit/{section}");
    t.submit(&page, &page, fields).await
}

/// Expects the section to be saved: back to the section with "Saved.", and its page as now shown.
async fn saved(t: &TestApp, r: LocalResponse<'_>, id: PetitionId, section: &str) -> String {
    assert_eq!(r.status(), Status::SeeOther, "saving {section}: {}", r.into_string().await.unwrap_or_default());
    let page = format!("/dashboard/petitions/{id}/edit/{section}");
    assert_eq!(location(&r), page);
    let (status, html) = t.get(&page).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Saved."), "the {section} page confirms the save");
    html
}

/// Expects the form back with 422, and returns the page.
pub(super) async fn refused(r: LocalResponse<'_>, what: &str) -> String {
    assert_eq!(r.status(), Status::UnprocessableEntity, "{what}");
    r.into_string().await.unwrap_or_default()
}

/// The tag of the form control (or fieldset) with `id="<name>"`.
fn control<'a>(html: &'a str, name: &str) -> &'a str {
    let marker = format!(" id=\"{name}\"");
    let at = html.find(&marker).unwrap_or_else(|| panic!("no control with id {name:?} in the page"));
    let start = html[..at].rfind('<').unwrap_or(0);
    let end = at + html[at..].find('>').unwrap_or(0);
    &html[start..=end]
}

/// The field `name` shows `message` right by it (`id="<name>-error"`), and its control points to
/// that message with `aria-describedby`, so a screen reader reads it with the field.
pub(super) fn assert_error_at(html: &str, name: &str, message: &str) {
    let marker = format!("id=\"{name}-error\">");
    let at = html.find(&marker).unwrap_or_else(|| panic!("no error shown next to {name}"));
    let text = &html[at + marker.len()..];
    let text = &text[..text.find('<').unwrap_or(text.len())];
    assert!(text.contains(message), "the error next to {name} says {text:?}, expected {message:?}");
    let tag = control(html, name);
    let described = tag.split("aria-describedby=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("");
    assert!(
        described.split_whitespace().any(|d| d == format!("{name}-error")),
        "{name}'s control does not point to its error: {tag}"
    );
}

/// No error is shown next to `name`.
fn assert_no_error_at(html: &str, name: &str) {
    assert!(!html.contains(&format!("id=\"{name}-error\"")), "unexpected error next to {name}");
}

/// A form of `base` with some values changed or added.
fn with<'a>(base: &[(&'a str, &'a str)], changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<(&str, &str)> = base.to_vec();
    for (k, v) in changes {
        match form.iter_mut().find(|(name, _)| name == k) {
            Some(pair) => pair.1 = v,
            None => form.push((k, v)),
        }
    }
    form
}

#[rocket::async_test]
async fn an_organiser_rewrites_the_title_text_and_goal_and_signers_see_them() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let (_, html) = t.get(&format!("/dashboard/petitions/{id}/edit/content")).await;
    assert!(html.contains("value=\"Trees for the square\"") && html.contains("Plant trees on the square."));

    // An empty title and a goal in words: both errors at once, by their fields, and nothing saved.
    let r = edit(&t, id, "content", &[("title", "  "), ("text", "Plant **forty** trees."), ("goal", "lots")]).await;
    let html = refused(r, "empty title").await;
    assert_error_at(&html, "title", "This field is required.");
    assert_error_at(&html, "goal", "Write a whole number");
    assert_no_error_at(&html, "text");
    assert!(html.contains("Plant **forty** trees.") && html.contains("value=\"lots\""), "typed values are kept");
    let (_, public) = t.get("/u/alice/trees").await;
    assert!(public.contains("Trees for the square") && !public.contains("forty"), "nothing was saved");

    let r = edit(
        &t,
        id,
        "content",
        &[("title", "Trees for the whole square"), ("text", "Plant **forty** trees."), ("goal", "250")],
    )
    .await;
    let html = saved(&t, r, id, "content").await;
    assert!(html.contains("value=\"Trees for the whole square\"") && html.contains("value=\"250\""));
    let (status, public) = t.get("/u/alice/trees").await;
    assert_eq!(status, Status::Ok);
    assert!(public.contains("<h1>Trees for the whole square</h1>"));
    assert!(public.contains("<strong>forty</strong>") && public.contains("goal: 250"));
}

#[rocket::async_test]
async fn an_organiser_asks_signers_for_a_neighbourhood_and_the_sign_form_asks_it() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;

    // Asking for a field without naming it is refused next to the label; the rest is kept.
    let form = with(
        &common::SIGNER_FIELDS,
        &[("field_custom1", "required"), ("field_phone", "optional"), ("custom2_label", "Street")],
    );
    let html = refused(edit(&t, id, "fields", &form).await, "custom field without label").await;
    assert_error_at(&html, "custom1_label", "Give this field a label");
    assert!(html.contains("value=\"Street\""), "the other label typed is kept");
    assert!(html.contains("name=\"field_custom1\" value=\"required\" checked"), "the chosen rule is kept");
    assert!(html.contains("name=\"field_phone\" value=\"optional\" checked"));
    let (_, public) = t.get("/u/alice/trees").await;
    assert!(!public.contains("name=\"phone\""), "nothing was saved");

    let form = with(
        &common::SIGNER_FIELDS,
        &[
            ("field_custom1", "required"),
            ("custom1_label", "Neighbourhood"),
            ("field_phone", "optional"),
            ("field_last_name", "off"),
        ],
    );
    let html = saved(&t, edit(&t, id, "fields", &form).await, id, "fields").await;
    assert!(
        html.contains("value=\"Neighbourhood\"") && html.contains("name=\"field_last_name\" value=\"off\" checked")
    );
    let (_, public) = t.get("/u/alice/trees").await;
    assert!(public.contains("Neighbourhood") && public.contains("name=\"custom1\""));
    assert!(public.contains("name=\"phone\"") && !public.contains("name=\"last_name\""));

    // The new rule holds when signing: the neighbourhood is required.
    let r = t
        .submit("/u/alice/trees", &format!("/p/{id}/sign"), &[("first_name", "Jo"), ("email", "jo@example.org")])
        .await;
    let html = refused(r, "signing without the required custom field").await;
    assert_error_at(&html, "custom1", "This field is required.");
}

#[rocket::async_test]
async fn an_organiser_picks_readable_colours_and_unreadable_ones_are_refused_by_the_field() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let look = |accent: &'static str, background: &'static str| {
        [("theme", "classic"), ("accent_color", accent), ("background_color", background)]
    };

    let html = refused(edit(&t, id, "look", &look("#ffff00", "#ffffff")).await, "yellow on white").await;
    assert_error_at(&html, "accent_color", "does not stand out enough");
    assert!(html.contains("value=\"#ffff00\"") && html.contains("value=\"#ffffff\""), "typed colours are kept");

    // A background too dark for the text is the background's fault, and is said next to it.
    let html = refused(edit(&t, id, "look", &look("", "#333333")).await, "dark background").await;
    assert_error_at(&html, "background_color", "This background is too dark");
    assert_no_error_at(&html, "accent_color");

    let html = refused(edit(&t, id, "look", &look("blue", "#12345")).await, "malformed colours").await;
    assert_error_at(&html, "accent_color", "Write a colour as # followed by six hexadecimal digits");
    assert_error_at(&html, "background_color", "Write a colour as # followed by six hexadecimal digits");
    assert!(html.contains("value=\"blue\"") && html.contains("value=\"#12345\""));

    let r = edit(&t, id, "look", &[("theme", "neon"), ("accent_color", ""), ("background_color", "")]).await;
    assert_error_at(&refused(r, "unknown theme").await, "theme", "Choose one of the options.");

    let (_, css) = t.get(&format!("/p/{id}/colours.css")).await;
    assert!(css.contains("--accent: #0b5d3b"), "still the theme's colours: {css}");

    let html = saved(&t, edit(&t, id, "look", &look("#1D4ED8", "#ffffff")).await, id, "look").await;
    assert!(html.contains("value=\"#1d4ed8\""), "the colour is kept in one spelling");
    let (status, css) = t.get(&format!("/p/{id}/colours.css")).await;
    assert_eq!(status, Status::Ok);
    assert!(css.contains("--accent: #1d4ed8") && css.contains("--bg: #ffffff"), "the page's colours: {css}");
}

#[rocket::async_test]
async fn an_organiser_writes_the_sharing_preview_and_a_too_long_title_is_refused() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let long = "Trees ".repeat(40);
    let form = [
        ("share_mastodon", "on"),
        ("share_link", "on"),
        ("social_title", long.as_str()),
        ("social_description", "Forty trees for the square."),
    ];
    let html = refused(edit(&t, id, "sharing", &form).await, "a 240-character social title").await;
    assert_error_at(&html, "social_title", "This is too long.");
    assert!(html.contains("Forty trees for the square."), "the description is kept");
    assert!(html.contains("name=\"share_mastodon\" value=\"on\" checked"));
    assert!(!html.contains("name=\"share_email\" value=\"on\" checked"), "the boxes stay as ticked");

    let form = [
        ("share_mastodon", "on"),
        ("share_link", "on"),
        ("social_title", "Plant trees with us"),
        ("social_description", "Forty trees for the square."),
    ];
    let html = saved(&t, edit(&t, id, "sharing", &form).await, id, "sharing").await;
    assert!(html.contains("value=\"Plant trees with us\"") && html.contains("Forty trees for the square."));
    assert!(html.contains("name=\"share_link\" value=\"on\" checked"));
    assert!(
        !html.contains("name=\"share_email\" value=\"on\" checked")
            && !html.contains("name=\"share_diaspora\" value=\"on\" checked")
    );
}

#[rocket::async_test]
async fn an_organiser_signs_the_confirmation_mail_and_signers_can_reply_to_them() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let text = "Thank you! Come and plant them with us on Saturday.";
    let form = [("reply_to", "organisers at example"), ("confirmation_text", text), ("newsletter_label", "")];
    let html = refused(edit(&t, id, "mail", &form).await, "an invalid reply-to").await;
    assert_error_at(&html, "reply_to", "not a valid email address");
    assert!(html.contains("value=\"organisers at example\"") && html.contains(text));

    let form = [
        ("reply_to", "organisers@trees.example"),
        ("confirmation_text", text),
        ("newsletter_label", "Tell me about the next planting"),
    ];
    let html = saved(&t, edit(&t, id, "mail", &form).await, id, "mail").await;
    assert!(html.contains("value=\"organisers@trees.example\""));
    let (_, public) = t.get(&format!("/p/{id}")).await;
    assert!(public.contains("Tell me about the next planting"), "the newsletter box is offered");

    t.sign(&format!("/p/{id}"), id, &[("first_name", "Jane"), ("last_name", "Doe"), ("email", "jane@example.org")])
        .await;
    let mail = t.smtp.wait_for(1, Duration::from_secs(10)).await.remove(0);
    assert_eq!(mail.to, vec!["jane@example.org"]);
    assert!(mail.header("Reply-To").is_some_and(|h| h.contains("organisers@trees.example")), "{}", mail.data);
    assert!(mail.text().contains(text), "the organiser's words are in the mail: {}", mail.text());
    assert!(mail.link_containing("/confirm/").is_some(), "and the confirmation link still is");
}

#[rocket::async_test]
async fn an_organiser_adds_paper_signatures_to_the_count() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let html = refused(edit(&t, id, "paper", &[("paper_signatures", "abc")]).await, "paper count in letters").await;
    assert_error_at(&html, "paper_signatures", "Write a whole number");
    assert!(html.contains("value=\"abc\""));
    let html = refused(edit(&t, id, "paper", &[("paper_signatures", "-4")]).await, "negative paper count").await;
    assert_error_at(&html, "paper_signatures", "Write a whole number");

    let html = saved(&t, edit(&t, id, "paper", &[("paper_signatures", "250")]).await, id, "paper").await;
    assert!(html.contains("value=\"250\""));
    let (_, public) = t.get("/u/alice/trees").await;
    assert!(public.contains("250 signatures"), "paper signatures count on the page");
}
