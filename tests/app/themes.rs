//! What signers see of a petition's look: each theme with its own stylesheet, the progress
//! towards the goal and its milestones, sharing without trackers, link previews with the
//! organiser's uploaded image, and the Onion-Location header for Tor Browser.
use crate::common;

use common::{TestApp, assert_same_origin_only};
use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::LocalResponse;
use rustition::domain::ids::{PetitionId, UserId};
use rustition::domain::petition::petitions::{Content, FieldRule, OwnerId};

const ORIGIN: &str = "http://petitions.test";

/// alice, signed in, and her petition at /u/alice/<slug>.
async fn alice_with(t: &TestApp, slug: &str, content: Content) -> (UserId, PetitionId) {
    let alice = t.user("alice", false).await;
    let id = t.petition_of(OwnerId::User(alice), slug, content).await;
    t.login("alice").await;
    (alice, id)
}

fn content(title: &str) -> Content {
    Content {
        title: title.into(),
        text: "# Why\n\nThe square needs **shade**.".into(),
        goal: 100,
        ..Default::default()
    }
}

/// A small PNG carrying a text chunk, as cameras and editors leave metadata in files.
fn png_with_secret(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.add_text_chunk("Comment".into(), "GPS 48.8566 2.3522 secret".into()).expect("text chunk");
        let mut writer = encoder.write_header().expect("png header");
        writer.write_image_data(&vec![200u8; (width * height * 3) as usize]).expect("png data");
    }
    out
}

/// Sends the image form as a browser does (multipart/form-data).
async fn upload<'a>(t: &'a TestApp, id: PetitionId, file: &[u8], alt: &str, token: Option<&str>) -> LocalResponse<'a> {
    let page = format!("/dashboard/petitions/{id}/edit/image");
    let action = format!("/dashboard/petitions/{id}/image");
    t.upload((&page, &action), token, &[("image_alt", alt)], ("image", "photo.png", file)).await
}

/// The one link out of the page that starts with `prefix`.
fn link_to(html: &str, prefix: &str) -> String {
    let marker = format!("href=\"{prefix}");
    let at = html.find(&marker).unwrap_or_else(|| panic!("a link to {prefix} in {html}"));
    html[at + 6..].split('"').next().unwrap_or_default().to_string()
}

/// Expects the form back with 422, and returns the page.
async fn refused(r: LocalResponse<'_>) -> String {
    assert_eq!(r.status(), Status::UnprocessableEntity);
    r.into_string().await.unwrap_or_default()
}

#[rocket::async_test]
async fn every_theme_shows_the_petition_with_its_own_stylesheet_and_nothing_from_elsewhere() {
    let t = TestApp::start().await;
    let themes = t.app().views.themes();
    for wanted in ["classic", "campaign", "minimal"] {
        assert!(themes.iter().any(|th| th == wanted), "theme {wanted} is installed: {themes:?}");
    }
    let alice = t.user("alice", false).await;
    for theme in &themes {
        let mut c = content(&format!("Shade in the {theme} square"));
        c.look.theme = theme.clone();
        let id = t.petition_of(OwnerId::User(alice), theme, c).await;
        let (status, html) = t.get(&format!("/u/alice/{theme}")).await;
        assert_eq!(status, Status::Ok, "{theme}");
        assert!(html.contains(&format!("<h1>Shade in the {theme} square</h1>")), "{theme}");
        assert!(html.contains("<h2>Why</h2>"), "the text's headings sit below the title ({theme})");
        assert!(html.contains("<progress class=\"progress-bar\" max=\"100\" value=\"0\""), "{theme}");
        assert!(html.contains(&format!("action=\"/p/{id}/sign\"")), "{theme} has the signing form");
        assert_same_origin_only(&html, ORIGIN);
        if t.app().views.theme_css(theme).is_some() {
            let href = format!("/themes/{theme}/theme.css");
            assert!(html.contains(&format!("href=\"{href}\"")), "{theme} links its stylesheet");
            let r = t.client.get(href).dispatch().await;
            assert_eq!((r.status(), r.content_type()), (Status::Ok, Some(ContentType::CSS)));
            assert!(!r.into_string().await.unwrap_or_default().contains("url(http"), "{theme} loads nothing remote");
        }
    }
    assert_eq!(t.client.get("/themes/nope/theme.css").dispatch().await.status(), Status::NotFound);
}

#[rocket::async_test]
async fn a_petition_in_another_language_is_marked_as_such_and_the_page_around_it_is_not() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let new = rustition::domain::petition::petitions::NewPetition {
        content: content("De l’ombre sur la place"),
        slug: Some("ombre".into()),
        status: rustition::domain::petition::petitions::Status::Published,
        locale: "fr".into(),
        wizard_step: None,
    };
    rustition::domain::petition::petitions::create(
        &t.app().db,
        &rustition::domain::permissions::operator(OwnerId::User(alice)),
        new,
    )
    .await
    .expect("petition");
    let (_, html) = t.get_lang("/u/alice/ombre", "en").await;
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<article class=\"petition\" lang=\"fr\">"));
}

#[rocket::async_test]
async fn a_signer_shares_through_their_own_server_and_a_wrong_server_name_gets_an_answer() {
    let t = TestApp::start().await;
    let (_, id) = alice_with(&t, "shade", content("Shade & water")).await;
    let (_, html) = t.get("/u/alice/shade").await;
    assert!(html.contains("href=\"mailto:?subject=Petition%3A%20Shade%20%26%20water&amp;body="), "email link");
    assert!(html.contains(&format!("action=\"/p/{id}/share/mastodon\"")));
    assert!(html.contains(&format!("action=\"/p/{id}/share/diaspora\"")));
    assert!(html.contains("id=\"share-link\" type=\"text\" readonly value=\"http://petitions.test/u/alice/shade\""));

    // A page of ours names the server and links to its share page: no redirect, which would
    // make this instance an open redirector (and which browsers block under form-action 'self').
    let (status, html) = t.get(&format!("/p/{id}/share/mastodon?instance=%40me%40mastodon.social")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("You are leaving this site for mastodon.social."), "{html}");
    let to = link_to(&html, "https://mastodon.social/share?text=");
    assert!(
        to.contains("Shade%20%26%20water") && to.contains("http%3A%2F%2Fpetitions%2Etest%2Fu%2Falice%2Fshade"),
        "{to}"
    );
    let (_, html) = t.get(&format!("/p/{id}/share/diaspora?instance=diasp.org")).await;
    link_to(&html, "https://diasp.org/bookmarklet?url=http%3A%2F%2Fpetitions");

    // A name in another script that looks like a known one is shown as the host it really is.
    let (status, html) = t.get(&format!("/p/{id}/share/mastodon?instance={}", common::encode("gооgle.com"))).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("You are leaving this site for xn--ggle-55da.com."), "{html}");
    link_to(&html, "https://xn--ggle-55da.com/share?text=");
    // Anything that could lead elsewhere than the host it seems to name is refused.
    for evil in
        ["evil.com#@good.org", "evil.com/@good.org", "user:pass@good.org", "good.org:99999", "evil.com/share?x=1"]
    {
        let (status, html) = t.get(&format!("/p/{id}/share/mastodon?instance={}", common::encode(evil))).await;
        assert_eq!(status, Status::UnprocessableEntity, "{evil}");
        assert!(html.contains("id=\"instance-error\">Enter the name of a server"), "{evil}: {html}");
        assert!(!html.contains("href=\"https://"), "{evil}: no link out");
    }

    // A signer who typed something else than a server's name stays here, in their language.
    let r = t
        .client
        .get(format!("/p/{id}/share/mastodon?instance=127.0.0.1"))
        .header(Header::new("Accept-Language", "fr"))
        .dispatch()
        .await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap_or_default();
    assert!(html.contains("Indiquez le nom d’un serveur, comme mastodon.social."), "{html}");
    assert!(html.contains("value=\"127.0.0.1\""), "what was typed is kept");
    assert!(html.contains("aria-describedby=\"instance-error\""));
    let (status, html) = t.get(&format!("/p/{id}/share/mastodon")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("name=\"instance\""));

    // The organiser keeps only the copyable link.
    let page = format!("/dashboard/petitions/{id}/edit/sharing");
    let r = t.submit(&page, &page, &[("share_link", "on")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, html) = t.get("/u/alice/shade").await;
    assert!(html.contains("id=\"share-link\""));
    assert!(!html.contains("mailto:") && !html.contains("/share/mastodon"), "only the link is offered");
    assert_eq!(t.get(&format!("/p/{id}/share/mastodon?instance=mastodon.social")).await.0, Status::NotFound);
}

#[rocket::async_test]
async fn link_previews_carry_escaped_words_and_the_uploaded_image_without_its_metadata() {
    let t = TestApp::start().await;
    let mut c = content("Stop \"the <wall>\" & co");
    c.look.theme = "campaign".into();
    c.sharing.social_description = Some("It's \"ours\" <b>".into());
    let (_, id) = alice_with(&t, "wall", c).await;
    let (_, html) = t.get("/u/alice/wall").await;
    assert!(!html.contains("\"the <wall>\"") && !html.contains("\"ours\" <b>"), "never raw in an attribute");
    assert!(
        html.contains("<meta property=\"og:title\" content=\"Stop &quot;the &lt;wall&gt;&quot; &amp; co\">"),
        "{html}"
    );
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    assert!(!html.contains("og:image"));

    let r = upload(&t, id, &png_with_secret(2000, 500), "Protesters in front of the wall", None).await;
    assert_eq!(r.status(), Status::SeeOther, "{}", r.into_string().await.unwrap_or_default());
    let (_, html) = t.get("/u/alice/wall").await;
    let marker = "<meta property=\"og:image\" content=\"";
    let at = html.find(marker).expect("og:image once there is an image") + marker.len();
    let image_url = html[at..].split('"').next().unwrap_or_default().to_string();
    assert!(image_url.starts_with(&format!("{ORIGIN}/p/{id}/image.jpg?v=")), "{image_url}");
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assert!(html.contains("<meta property=\"og:image:width\" content=\"1600\">"), "scaled to fit 1600 px");
    assert!(html.contains("class=\"hero-image\"") && html.contains("alt=\"Protesters in front of the wall\""));

    let r = t.client.get(image_url.trim_start_matches(ORIGIN).to_string()).dispatch().await;
    assert_eq!((r.status(), r.content_type()), (Status::Ok, Some(ContentType::JPEG)));
    let bytes = r.into_bytes().await.unwrap_or_default();
    assert_eq!(&bytes[..2], &[0xFF, 0xD8], "a JPEG");
    assert!(!bytes.windows(6).any(|w| w == b"secret"), "the file's metadata is gone");
}

#[rocket::async_test]
async fn an_organiser_uploads_an_image_and_wrong_files_come_back_with_a_message() {
    let t = TestApp::start().await;
    let (_, id) = alice_with(&t, "wall", content("No wall")).await;
    let html = refused(upload(&t, id, b"just some text", "A wall", None).await).await;
    assert!(html.contains("<p class=\"field-error\" id=\"image-error\">This file is not a PNG or JPEG image.</p>"));
    assert!(html.contains("value=\"A wall\""), "the description is kept");
    let html = refused(upload(&t, id, &png_with_secret(10, 10), "", None).await).await;
    assert!(html.contains("id=\"image_alt-error\""), "a description is required");
    let mut big = png_with_secret(10, 10);
    big.resize(rustition::domain::petition::images::MAX_BYTES + 10_000, 0);
    let html = refused(upload(&t, id, &big, "A wall", None).await).await;
    assert!(html.contains("This file is larger than 2 MB."));
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_images").await, 0);

    let r = upload(&t, id, &png_with_secret(10, 10), "A wall", Some("forged")).await;
    assert_eq!(r.status(), Status::Forbidden, "the upload is CSRF-protected too");
    let too_big = vec![0u8; 4 * 1024 * 1024];
    assert_eq!(upload(&t, id, &too_big, "A wall", None).await.status(), Status::PayloadTooLarge);

    // A draft's image is not public, but its organisers see it.
    let r = upload(&t, id, &png_with_secret(10, 10), "A wall", None).await;
    assert_eq!(r.status(), Status::SeeOther);
    let page = format!("/dashboard/petitions/{id}");
    t.submit(&page, &format!("/dashboard/petitions/{id}/status"), &[("change", "unpublish")]).await;
    assert_eq!(t.client.get(format!("/p/{id}/image.jpg")).dispatch().await.status(), Status::NotFound);
    assert_eq!(t.client.get(format!("/dashboard/petitions/{id}/image.jpg")).dispatch().await.status(), Status::Ok);
    let (_, html) = t.get(&format!("/dashboard/petitions/{id}/edit/image")).await;
    assert!(html.contains("Current image (10 × 10 pixels)"));

    let edit = format!("/dashboard/petitions/{id}/edit/image");
    let r = t.submit(&edit, &format!("/dashboard/petitions/{id}/image/remove"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_images").await, 0);

    // Someone else's petition: not even there.
    t.user("mallory", false).await;
    t.login("mallory").await;
    assert_eq!(
        t.client.get(format!("/dashboard/petitions/{id}/image.jpg")).dispatch().await.status(),
        Status::NotFound
    );
}

#[rocket::async_test]
async fn the_goal_reached_shows_the_milestone_and_raising_it_says_so() {
    let t = TestApp::start().await;
    let mut c = content("Shade");
    c.goal = 2;
    let (_, id) = alice_with(&t, "shade", c).await;
    let edit = |section: &'static str| format!("/dashboard/petitions/{id}/edit/{section}");
    let text = "Thank you! Next: the council meeting.";
    let fields = [("title", "Shade"), ("text", "Trees."), ("goal", "2"), ("milestone_text", text)];
    assert_eq!(t.submit(&edit("content"), &edit("content"), &fields).await.status(), Status::SeeOther);
    let (_, html) = t.get("/u/alice/shade").await;
    assert!(!html.contains(text), "not before the goal is reached");
    assert_eq!(t.submit(&edit("paper"), &edit("paper"), &[("paper_signatures", "3")]).await.status(), Status::SeeOther);
    let (_, html) = t.get("/u/alice/shade").await;
    assert!(html.contains("<progress class=\"progress-bar\" max=\"2\" value=\"2\""), "full, not past full");
    assert!(html.contains("Goal of 2 signatures reached!") && html.contains(text));

    let fields = [("title", "Shade"), ("text", "Trees."), ("goal", "10"), ("milestone_text", text)];
    assert_eq!(t.submit(&edit("content"), &edit("content"), &fields).await.status(), Status::SeeOther);
    let (_, html) = t.get("/u/alice/shade").await;
    assert!(html.contains("The first goal of 2 signatures was reached. New goal: 10."), "{html}");
    assert!(html.contains("<progress class=\"progress-bar\" max=\"10\" value=\"3\""));
}

#[rocket::async_test]
async fn a_wrong_signature_names_custom_fields_by_their_label_and_the_summary_takes_focus() {
    let t = TestApp::start().await;
    let mut c = content("Shade");
    c.fields.custom[0].label = "Membership number".into();
    c.fields.custom[0].rule = FieldRule::Required;
    let (_, id) = alice_with(&t, "shade", c).await;
    let r = t.submit("/u/alice/shade", &format!("/p/{id}/sign"), &[("email", "jo@example.org")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap_or_default();
    assert!(html.contains("<a href=\"#custom1\">Membership number:"), "{html}");
    assert!(html.contains(
        "id=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" autofocus"
    ));
    assert!(html.contains("aria-describedby=\"custom1-error\""));
    assert!(html.contains("value=\"jo@example.org\""), "what was typed is kept");
}

#[rocket::async_test]
async fn tor_browser_is_told_about_the_onion_address() {
    let t = TestApp::start_with(|s| s.server.onion_url = Some("http://rustitionexample.onion".into())).await;
    let id = t.petition().await;
    let r = t.client.get(format!("/p/{id}")).dispatch().await;
    assert_eq!(r.headers().get_one("Onion-Location"), Some(format!("http://rustitionexample.onion/p/{id}").as_str()));
    let plain = TestApp::start().await;
    let id = plain.petition().await;
    let r = plain.client.get(format!("/p/{id}")).dispatch().await;
    assert_eq!(r.headers().get_one("Onion-Location"), None);
}

#[rocket::async_test]
async fn every_page_a_signer_or_an_organiser_opens_stays_on_the_instance_and_forbids_scripts() {
    let t = TestApp::start().await;
    let (_, id) = alice_with(&t, "shade", content("Shade")).await;
    let r = upload(&t, id, &png_with_secret(10, 10), "Trees", None).await;
    assert_eq!(r.status(), Status::SeeOther);
    let mut pages = vec![
        "/".to_string(),
        "/u/alice/shade".into(),
        format!("/p/{id}/thanks"),
        format!("/p/{id}/share/mastodon"),
        format!("/p/{id}/share/diaspora"),
        "/dashboard".into(),
        "/dashboard/new".into(),
        "/dashboard/templates".into(),
        "/account".into(),
        "/organisations/new".into(),
        format!("/dashboard/petitions/{id}"),
        format!("/dashboard/petitions/{id}/signatures"),
        format!("/dashboard/petitions/{id}/stats"),
        format!("/dashboard/petitions/{id}/delete"),
        format!("/dashboard/petitions/{id}/transfer"),
    ];
    for section in ["content", "fields", "look", "image", "sharing", "mail", "paper", "permalinks"] {
        pages.push(format!("/dashboard/petitions/{id}/edit/{section}"));
    }
    for page in &pages {
        let r = t.client.get(page.clone()).dispatch().await;
        assert_eq!(r.status(), Status::Ok, "{page}");
        let csp = r.headers().get_one("Content-Security-Policy").unwrap_or_default().to_string();
        assert!(csp.starts_with("default-src 'none'") && !csp.contains("script-src"), "{page}: {csp}");
        assert_same_origin_only(&r.into_string().await.unwrap_or_default(), ORIGIN);
    }
}

#[rocket::async_test]
async fn the_progress_says_how_many_more_are_needed_in_the_reader_s_numbers_and_the_text_describes_the_page() {
    let t = TestApp::start().await;
    let mut c = content("Shade");
    c.goal = 12_500;
    c.text = "## Why\n\nThe square needs **shade** in summer, and [benches](https://example.org).".into();
    let alice = t.user("alice", false).await;
    t.petition_of(OwnerId::User(alice), "shade", c).await;
    let (_, html) = t.get("/u/alice/shade").await;
    assert!(html.contains("0 signatures</strong> · goal: 12,500"), "{html}");
    assert!(html.contains("<p class=\"progress-needed\">12,500 more signatures needed to reach 12,500</p>"), "{html}");
    // The call to sign, under the title, leads to the form.
    assert!(
        html.contains("<p class=\"sign-cta\"><a class=\"button button-large\" href=\"#sign\">Sign this petition</a>")
    );
    assert!(html.contains("<section class=\"sign\" id=\"sign\""));
    // Without a social description, the text's words describe the page; no markup in them.
    let description = "<meta name=\"description\" content=\"Why The square needs shade in summer, and benches.\">";
    assert!(html.contains(description), "{html}");
    assert!(html.contains("<meta property=\"og:description\" content=\"Why The square needs shade"));

    let (_, fr) = t.get("/u/alice/shade?lang=fr").await;
    let goal = t.app().i18n.number("fr", "12500");
    assert_ne!(goal, "12500", "French groups thousands");
    assert!(fr.contains(&format!("Encore {goal} signatures pour atteindre {goal}")), "{fr}");
}
