//! An organiser edits a published petition from the dashboard, one section at a time, and sees
//! each change where signers see it; manages its permalinks, its status, gives it away or
//! deletes it. Forms are sent as a browser without JavaScript sends them.
use crate::common;

use std::time::Duration;

use common::{TestApp, location};
use rocket::http::Status;
use rocket::local::asynchronous::LocalResponse;
use rustition::domain::ids::{OrganisationId, PetitionId, UserId};
use rustition::domain::organisations::{self, OrganisationInput};
use rustition::domain::petitions::{self, Content, NewPetition, OwnerId, Status as PetitionStatus};

/// A petition of `owner`, published at `…/<slug>`.
async fn petition_of(t: &TestApp, owner: OwnerId, slug: &str, title: &str) -> PetitionId {
    let content =
        Content { title: title.into(), text: "Plant trees on the square.".into(), goal: 100, ..Default::default() };
    t.petition_of(owner, slug, content).await
}

/// alice, signed in, with her petition "Trees for the square" at /u/alice/trees.
async fn alice_with_petition(t: &TestApp) -> (UserId, PetitionId) {
    let alice = t.user("alice", false).await;
    let id = petition_of(t, OwnerId::User(alice), "trees", "Trees for the square").await;
    t.login("alice").await;
    (alice, id)
}

/// Submits edit section `section` of petition `id` from its own page.
async fn edit<'a>(t: &'a TestApp, id: PetitionId, section: &str, fields: &[(&str, &str)]) -> LocalResponse<'a> {
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
async fn refused(r: LocalResponse<'_>, what: &str) -> String {
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
fn assert_error_at(html: &str, name: &str, message: &str) {
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

/// The signer fields form as the page first shows it (first and last name required).
const FIELDS: [(&str, &str); 12] = [
    ("field_first_name", "required"),
    ("field_last_name", "required"),
    ("field_phone", "off"),
    ("field_postal_code", "off"),
    ("field_country", "off"),
    ("field_organisation", "off"),
    ("custom1_label", ""),
    ("field_custom1", "off"),
    ("custom2_label", ""),
    ("field_custom2", "off"),
    ("custom3_label", ""),
    ("field_custom3", "off"),
];

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
    let form =
        with(&FIELDS, &[("field_custom1", "required"), ("field_phone", "optional"), ("custom2_label", "Street")]);
    let html = refused(edit(&t, id, "fields", &form).await, "custom field without label").await;
    assert_error_at(&html, "custom1_label", "Give this field a label");
    assert!(html.contains("value=\"Street\""), "the other label typed is kept");
    assert!(html.contains("name=\"field_custom1\" value=\"required\" checked"), "the chosen rule is kept");
    assert!(html.contains("name=\"field_phone\" value=\"optional\" checked"));
    let (_, public) = t.get("/u/alice/trees").await;
    assert!(!public.contains("name=\"phone\""), "nothing was saved");

    let form = with(
        &FIELDS,
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

    let r = t
        .submit(
            &format!("/p/{id}"),
            &format!("/p/{id}/sign"),
            &[("first_name", "Jane"), ("last_name", "Doe"), ("email", "jane@example.org")],
        )
        .await;
    assert_eq!(r.status(), Status::SeeOther);
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

#[rocket::async_test]
async fn an_organiser_adds_and_removes_permalinks_and_old_links_lead_to_the_main_one() {
    let t = TestApp::start().await;
    let (alice, id) = alice_with_petition(&t).await;
    let benches = petition_of(&t, OwnerId::User(alice), "benches", "Benches too").await;
    let bob = t.user("bob", false).await;
    petition_of(&t, OwnerId::User(bob), "parks", "Bob parks").await;
    let page = format!("/dashboard/petitions/{id}/edit/permalinks");
    let add = format!("/dashboard/petitions/{id}/permalinks");

    let r = t.submit(&page, &add, &[("slug", "plant-trees")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), page);
    let (_, html) = t.get(&page).await;
    let (first, second) = (html.find("<code>trees</code>").unwrap(), html.find("<code>plant-trees</code>").unwrap());
    assert!(first < second && html[first..second].contains("main address"), "the first stays the main one");

    assert_eq!(t.get("/u/alice/trees").await.0, Status::Ok);
    let r = t.client.get("/u/alice/plant-trees").dispatch().await;
    assert_eq!(r.status(), Status::PermanentRedirect);
    assert_eq!(location(&r), "/u/alice/trees");

    // Route words, bad characters, and another petition's permalink are refused by the field.
    for (slug, message) in [
        ("dashboard", "This name is reserved"),
        ("new", "This name is reserved"),
        ("Plant Trees!", "Use only lower-case letters"),
        ("benches", "already taken"),
    ] {
        let r = t.submit(&page, &add, &[("slug", slug)]).await;
        let html = refused(r, &format!("permalink {slug:?}")).await;
        assert_error_at(&html, "slug", message);
        assert!(html.contains(&format!("value=\"{slug}\"")), "the typed permalink is kept");
    }
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM slugs WHERE petition_id = {id}")).await, 2);
    assert_eq!(t.get("/u/alice/benches").await.0, Status::Ok, "the other petition keeps its permalink");
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM slugs WHERE petition_id = {benches}")).await, 1);

    // bob's "parks" does not stop alice from having her own.
    let r = t.submit(&page, &add, &[("slug", "parks")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, bobs) = t.get("/u/bob/parks").await;
    assert!(bobs.contains("Bob parks"));
    let r = t.client.get("/u/alice/parks").dispatch().await;
    assert_eq!((r.status(), location(&r)), (Status::PermanentRedirect, "/u/alice/trees".to_string()));

    // Removing the main permalink makes the oldest remaining one the main one.
    let r = t.submit(&page, &format!("/dashboard/petitions/{id}/permalinks/remove"), &[("slug", "trees")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let r = t.client.get("/u/alice/trees").dispatch().await;
    assert_eq!((r.status(), location(&r)), (Status::PermanentRedirect, "/u/alice/plant-trees".to_string()), "retired");
    let (status, html) = t.get("/u/alice/plant-trees").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<h1>Trees for the square</h1>"));
    let r = t.client.get("/u/alice/parks").dispatch().await;
    assert_eq!((r.status(), location(&r)), (Status::PermanentRedirect, "/u/alice/plant-trees".to_string()));
    let (_, html) = t.get(&page).await;
    let main = html.find("<code>plant-trees</code>").unwrap();
    assert!(html[main..].find("main address") < html[main..].find("<code>parks</code>"));
}

#[rocket::async_test]
async fn an_organiser_closes_reopens_unpublishes_and_publishes_a_petition() {
    let t = TestApp::start().await;
    let (alice, id) = alice_with_petition(&t).await;
    let overview = format!("/dashboard/petitions/{id}");
    let status = format!("/dashboard/petitions/{id}/status");
    let signer = [("first_name", "Jo"), ("last_name", "Doe"), ("email", "jo@example.org")];

    let r = t.submit(&overview, &status, &[("change", "close")]).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, overview.clone()));
    let (_, html) = t.get(&overview).await;
    assert!(html.contains("The petition is closed") && html.contains("value=\"reopen\""));
    let (status_code, public) = t.get("/u/alice/trees").await;
    assert_eq!(status_code, Status::Ok, "a closed petition's page stays");
    assert!(public.contains("This petition no longer accepts signatures.") && !public.contains("/sign\""));
    // Signing anyway (a form opened before closing) is refused, and nothing is recorded.
    let r = t.submit("/login", &format!("/p/{id}/sign"), &signer).await;
    assert_eq!(r.status(), Status::Conflict);
    assert!(r.into_string().await.unwrap().contains("This petition no longer accepts signatures."));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);

    let r = t.submit(&overview, &status, &[("change", "reopen")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, public) = t.get("/u/alice/trees").await;
    assert!(public.contains(&format!("action=\"/p/{id}/sign\"")));
    let r = t.submit("/u/alice/trees", &format!("/p/{id}/sign"), &signer).await;
    assert_eq!(r.status(), Status::SeeOther, "signing works again");

    let r = t.submit(&overview, &status, &[("change", "unpublish")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, html) = t.get(&overview).await;
    assert!(html.contains("no longer public") && html.contains("value=\"publish\""));
    assert_eq!(t.get("/u/alice/trees").await.0, Status::NotFound);
    assert_eq!(t.get(&format!("/p/{id}")).await.0, Status::NotFound);
    let r = t.submit("/login", &format!("/p/{id}/sign"), &[("email", "late@example.org")]).await;
    assert_eq!(r.status(), Status::NotFound, "a draft cannot be signed");

    let r = t.submit(&overview, &status, &[("change", "publish")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.get("/u/alice/trees").await.0, Status::Ok, "back under its permalink");

    // A draft without text cannot be published; the reason is shown by the buttons.
    let draft = petitions::create(
        &t.app().db,
        &rustition::domain::permissions::operator(OwnerId::User(alice)),
        NewPetition {
            content: Content { title: "Half written".into(), ..Default::default() },
            slug: None,
            status: PetitionStatus::Draft,
            locale: "en".into(),
            wizard_step: None,
        },
    )
    .await
    .unwrap();
    let overview = format!("/dashboard/petitions/{draft}");
    let r = t.submit(&overview, &format!("{overview}/status"), &[("change", "publish")]).await;
    let html = refused(r, "publishing a draft without text").await;
    assert!(html.contains("A petition needs a title and a text before it is published."));
    assert!(html.contains("Draft"));
    assert_eq!(t.get(&format!("/p/{draft}")).await.0, Status::NotFound);

    // Once written, it is published under a permalink made from its title.
    let r = edit(&t, draft, "content", &[("title", "Half written"), ("text", "Now whole."), ("goal", "")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let r = t.submit(&overview, &format!("{overview}/status"), &[("change", "publish")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (status_code, public) = t.get("/u/alice/half-written").await;
    assert_eq!(status_code, Status::Ok);
    assert!(public.contains("Now whole."));
}

#[rocket::async_test]
async fn an_organiser_deletes_a_petition_after_confirming_and_its_signatures_go_with_it() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    for (first, email) in [("Jo", "jo@example.org"), ("Ann", "ann@example.org")] {
        let r = t
            .submit(
                "/u/alice/trees",
                &format!("/p/{id}/sign"),
                &[("first_name", first), ("last_name", "Doe"), ("email", email)],
            )
            .await;
        assert_eq!(r.status(), Status::SeeOther);
    }
    let other = t.petition().await;
    let r = t
        .submit(
            &format!("/p/{other}"),
            &format!("/p/{other}/sign"),
            &[("first_name", "Kim"), ("last_name", "Lee"), ("email", "kept@example.org")],
        )
        .await;
    assert_eq!(r.status(), Status::SeeOther);

    let (status, html) = t.get(&format!("/dashboard/petitions/{id}/delete")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Trees for the square") && html.contains("and its 2 signatures for ever"), "{html}");
    assert_eq!(t.count("SELECT COUNT(*) FROM petitions").await, 2, "opening the page deletes nothing");

    let r =
        t.submit(&format!("/dashboard/petitions/{id}/delete"), &format!("/dashboard/petitions/{id}/delete"), &[]).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, "/dashboard".to_string()));
    let (_, dashboard) = t.get("/dashboard").await;
    assert!(dashboard.contains("The petition is deleted.") && !dashboard.contains("Trees for the square"));
    assert_eq!(t.get("/u/alice/trees").await.0, Status::NotFound);
    assert_eq!(t.get(&format!("/p/{id}")).await.0, Status::NotFound);
    assert_eq!(t.get(&format!("/dashboard/petitions/{id}")).await.0, Status::NotFound);
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {id}")).await, 0);
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM slugs WHERE petition_id = {id}")).await, 0);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1, "other petitions keep theirs");
}

#[rocket::async_test]
async fn an_organiser_gives_a_petition_to_their_organisation_unless_it_uses_the_permalink() {
    let t = TestApp::start().await;
    let (alice, id) = alice_with_petition(&t).await;
    let input = OrganisationInput { slug: "friends".into(), name: "Friends of Trees".into(), ..Default::default() };
    let friends = OrganisationId(
        organisations::create(&t.app().db, &rustition::domain::permissions::operator(()), alice, input)
            .await
            .unwrap()
            .id,
    );
    petition_of(&t, OwnerId::Organisation(friends), "benches", "Friends benches").await;
    let mine = petition_of(&t, OwnerId::User(alice), "benches", "My benches").await;

    let page = format!("/dashboard/petitions/{id}/transfer");
    let (status, html) = t.get(&page).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("value=\"friends\"") && html.contains("Friends of Trees"));
    assert!(!html.contains("value=\"me\""), "not to its current owner");

    let r = t.submit(&page, &page, &[("owner", "friends")]).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, format!("/dashboard/petitions/{id}")));
    let (status, public) = t.get("/o/friends/trees").await;
    assert_eq!(status, Status::Ok);
    assert!(public.contains("Friends of Trees") && public.contains("Trees for the square"));
    let r = t.client.get("/u/alice/trees").dispatch().await;
    assert_eq!((r.status(), location(&r)), (Status::PermanentRedirect, "/o/friends/trees".to_string()), "moved");

    // Friends already have a petition at /o/friends/benches: alice's own "benches" cannot join.
    let page = format!("/dashboard/petitions/{mine}/transfer");
    let html = refused(t.submit(&page, &page, &[("owner", "friends")]).await, "permalink taken at the new owner").await;
    assert!(html.contains("The new owner already uses one of this petition"));
    let (status, public) = t.get("/u/alice/benches").await;
    assert_eq!(status, Status::Ok);
    assert!(public.contains("My benches"), "the petition stays where it was");
    let (_, public) = t.get("/o/friends/benches").await;
    assert!(public.contains("Friends benches"));
}
