//! What signers are told of their data, and what of it is shown: names appear in a petition's
//! public list only for those who ticked the box (never an address), and the privacy pages say
//! what the instance and each petition really keep, for how long, from the settings themselves.
use std::time::Duration;

use rocket::http::Status;
use rustition::domain::ids::PetitionId;
use rustition::domain::petition::petitions::{Content, FieldRule, OwnerId};
use rustition::entities::petition;
use sea_orm::{ActiveModelTrait, Set};

use crate::common::{self, TestApp};

const MAIL_WAIT: Duration = Duration::from_secs(10);

/// The box as the form first shows it: unticked.
const UNTICKED_BOX: &str = r#"<input type="checkbox" id="name_public" name="name_public" value="true"> <label for="name_public">Show my name in the public list of signers</label>"#;

fn content(title: &str) -> Content {
    Content { title: title.into(), text: "Shade for the square.".into(), goal: 100, ..Default::default() }
}

/// Signs from the petition's page and confirms through the mailed link, as a signer does.
async fn confirm_mail_of(t: &TestApp, email: &str) {
    let mails = t.smtp.received();
    let mail = mails.iter().find(|m| m.to == [email]).unwrap_or_else(|| panic!("a mail to {email}"));
    let link = mail.link_containing("/confirm/").expect("a confirmation link");
    let path = link.trim_start_matches("http://petitions.test").to_string();
    let r = t.submit(&path, &path, &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, confirmed) = t.get(&common::location(&r)).await;
    assert!(confirmed.contains("Your signature is confirmed"));
}

#[rocket::async_test]
async fn only_signers_who_tick_the_box_and_confirm_are_listed_and_never_by_their_address() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let id = t.petition_of(OwnerId::User(alice), "shade", content("Shade for the square")).await;
    let page = format!("/p/{id}");

    // Off by default: no box on the form, no list on the page, no list page.
    let (_, html) = t.get(&page).await;
    assert!(!html.contains("name=\"name_public\"") && !html.contains("signer-names"), "{html}");
    assert_eq!(t.get(&format!("/p/{id}/signers")).await.0, Status::NotFound);

    // The organiser turns it on where the signer fields are chosen.
    t.login("alice").await;
    let edit = format!("/dashboard/petitions/{id}/edit/fields");
    let (_, form) = t.get(&edit).await;
    assert!(form.contains("Show the names of signers who agree"));
    assert!(
        !form.contains("name=\"show_signer_names\" value=\"on\" aria-describedby=\"show_signer_names-hint\" checked")
    );
    let mut fields = common::SIGNER_FIELDS.to_vec();
    fields.push(("show_signer_names", "on"));
    let r = t.submit(&edit, &edit, &fields).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, form) = t.get(&edit).await;
    assert!(form.contains("aria-describedby=\"show_signer_names-hint\" checked"), "the setting is saved");
    t.submit("/", "/logout", &[]).await;

    // The box is there, unticked.
    let (_, html) = t.get(&page).await;
    assert!(html.contains(UNTICKED_BOX), "{html}");

    let sign = format!("/p/{id}/sign");
    let ann = [("first_name", "Ann"), ("last_name", "Ticked"), ("email", "ann@example.org"), ("name_public", "true")];
    let bob = [("first_name", "Bob"), ("last_name", "Unticked"), ("email", "bob@example.org")];
    let cat = [("first_name", "Cat"), ("last_name", "Pending"), ("email", "cat@example.org"), ("name_public", "true")];
    for signer in [&ann[..], &bob[..], &cat[..]] {
        let r = t.submit(&page, &sign, signer).await;
        assert_eq!(r.status(), Status::SeeOther);
    }
    t.smtp.wait_for(3, MAIL_WAIT).await;
    confirm_mail_of(&t, "ann@example.org").await;
    confirm_mail_of(&t, "bob@example.org").await;

    // The page's names come with its count: once it shows two signatures, it shows Ann alone.
    t.wait_for_count(id, "2 signatures").await;
    let (_, html) = t.get(&page).await;
    assert!(html.contains("<li>Ann Ticked</li>"), "{html}");
    assert!(!html.contains("Unticked") && !html.contains("Pending"), "only who ticked and confirmed");
    assert!(!html.contains("@example.org"), "never an address");
    assert!(html.contains(&format!("href=\"/p/{id}/signers\">See the name in the list of signers</a>")));

    let (status, list) = t.get(&format!("/p/{id}/signers")).await;
    assert_eq!(status, Status::Ok);
    assert!(list.contains("<li>Ann Ticked</li>"), "{list}");
    assert!(!list.contains("Unticked") && !list.contains("Pending") && !list.contains("@example.org"));
    assert!(list.contains("Names shown: 1, of 2 signatures."), "{list}");
    assert!(list.contains("<meta name=\"robots\" content=\"noindex\">"));
    let (_, french) = t.get_lang(&format!("/p/{id}/signers"), "fr").await;
    assert!(french.contains("Noms affichés\u{a0}: 1, sur 2 signatures."), "{french}");

    // Turned off again, the names go from the page and the list with it.
    t.login("alice").await;
    let r = t.submit(&edit, &edit, &common::SIGNER_FIELDS).await;
    assert_eq!(r.status(), Status::SeeOther);
    t.submit("/", "/logout", &[]).await;
    let (_, html) = t.get(&page).await;
    assert!(!html.contains("Ann Ticked") && !html.contains("name=\"name_public\""));
    assert_eq!(t.get(&format!("/p/{id}/signers")).await.0, Status::NotFound);
}

#[rocket::async_test]
async fn a_form_without_a_name_offers_no_box_and_a_ticked_box_sent_back_stays_ticked() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let mut c = content("No names here");
    c.fields.show_signer_names = true;
    c.fields.first_name = FieldRule::Off;
    c.fields.last_name = FieldRule::Off;
    let nameless = t.petition_of(OwnerId::User(alice), "nameless", c).await;
    let (_, html) = t.get(&format!("/p/{nameless}")).await;
    assert!(!html.contains("name=\"name_public\""), "nothing to show without a name");

    let mut c = content("Names here");
    c.fields.show_signer_names = true;
    let named = t.petition_of(OwnerId::User(alice), "named", c).await;
    let page = format!("/p/{named}");
    let fields = [("first_name", "Ann"), ("last_name", ""), ("email", "ann@example.org"), ("name_public", "true")];
    let r = t.submit(&page, &format!("/p/{named}/sign"), &fields).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap_or_default();
    assert!(html.contains(r#"id="name_public" name="name_public" value="true" checked>"#), "the choice is kept");
}

/// A confirmed signature of `petition` that agreed to be listed, written as the form would
/// (confirmed at `at`, when given: a group of confirmations shares one time).
async fn listed_signer(
    t: &TestApp,
    petition: PetitionId,
    first: &str,
    email: &str,
    at: Option<chrono::DateTime<chrono::Utc>>,
) {
    let mut s = common::signature(petition, first, "Listed", email);
    s.name_public = Set(true);
    if let Some(at) = at {
        s.confirmed_at = Set(Some(at));
    }
    s.insert(&t.app().db).await.expect("insert signature");
}

#[rocket::async_test]
async fn every_theme_shows_the_names_list_and_the_full_list_pages_by_signature() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    for theme in t.app().views.themes() {
        let mut c = content(&format!("Names in {theme}"));
        c.look.theme = theme.clone();
        c.fields.show_signer_names = true;
        let id = t.petition_of(OwnerId::User(alice), &theme, c).await;
        listed_signer(&t, id, "Zoe", &format!("zoe-{theme}@example.org"), None).await;
        let (_, html) = t.get(&format!("/p/{id}")).await;
        assert!(html.contains("<h2 id=\"names-title\">Signers</h2>"), "{theme}: {html}");
        assert!(html.contains("<li>Zoe Listed</li>") && !html.contains("zoe-"), "{theme}");
    }

    // 105 listed names, confirmed together: the page shows the latest 20, the list 100 a page,
    // then the rest, the later signature first among those confirmed at the same time.
    let mut c = content("Many names");
    c.fields.show_signer_names = true;
    let id = t.petition_of(OwnerId::User(alice), "many", c).await;
    let at = chrono::Utc::now();
    for n in 0..105 {
        listed_signer(&t, id, &format!("Signer{n:03}"), &format!("s{n}@example.org"), Some(at)).await;
    }
    let (_, html) = t.get(&format!("/p/{id}")).await;
    assert_eq!(html.matches("Listed</li>").count(), 20);
    assert!(html.contains("<li>Signer104 Listed</li>") && !html.contains("<li>Signer084 Listed</li>"));
    assert!(html.contains("See all 105 names in the list of signers"));
    let (_, first) = t.get(&format!("/p/{id}/signers")).await;
    assert_eq!(first.matches("Listed</li>").count(), 100);
    assert!(first.contains("<li>Signer104 Listed</li>") && first.contains("<li>Signer005 Listed</li>"));
    let marker = format!("href=\"/p/{id}/signers?before=");
    let at = first.find(&marker).expect("a link to older names") + marker.len();
    let before = first[at..].split('"').next().unwrap_or_default().to_string();
    let (_, second) = t.get(&format!("/p/{id}/signers?before={before}")).await;
    assert_eq!(second.matches("Listed</li>").count(), 5, "{second}");
    assert!(second.contains("<li>Signer000 Listed</li>") && !second.contains("<li>Signer005 Listed</li>"));
    assert!(!second.contains("rel=\"next\"") && second.contains("Newest names"), "the last page");
    // A cursor that is not a number shows the first page.
    let (status, odd) = t.get(&format!("/p/{id}/signers?before=abc")).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(odd.matches("Listed</li>").count(), 100);
}

/// A petition with `n` listed names (bulk-inserted, confirmed, each ticked the box).
async fn with_listed_names(t: &TestApp, owner: OwnerId, slug: &str, n: usize) -> PetitionId {
    use rustition::entities::signature;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    let mut c = content(&format!("Names of {slug}"));
    c.fields.show_signer_names = true;
    let id = t.petition_of(owner, slug, c).await;
    crate::dashboard_signatures::insert_many(t, id, slug, n).await;
    signature::Entity::update_many()
        .col_expr(signature::Column::NamePublic, Expr::value(true))
        .filter(signature::Column::PetitionId.eq(id.0))
        .exec(&t.app().db)
        .await
        .expect("list them");
    id
}

/// The pages count listed names up to 10,000, once a second each: past that they say "more
/// than", in each language's number format, and still list the newest.
#[rocket::async_test]
async fn past_ten_thousand_listed_names_the_pages_say_more_than_ten_thousand() {
    let t = TestApp::start().await;
    let alice = OwnerId::User(t.user("alice", false).await);
    let exactly = with_listed_names(&t, alice, "exactly", 10_000).await;
    let (_, html) = t.get(&format!("/p/{exactly}")).await;
    assert!(html.contains("See all 10,000 names in the list of signers"), "the limit itself is counted");
    let (_, list) = t.get(&format!("/p/{exactly}/signers")).await;
    assert!(list.contains("Names shown: 10,000, of"), "{list}");

    let more = with_listed_names(&t, alice, "more", 10_001).await;
    let (_, html) = t.get(&format!("/p/{more}")).await;
    assert!(html.contains("See more than 10,000 names in the list of signers"));
    assert!(html.contains("<li>First10000 Last10000</li>"), "the newest name first");
    let (_, list) = t.get(&format!("/p/{more}/signers")).await;
    assert!(list.contains("Names shown: more than 10,000, of"), "{list}");
    assert!(list.matches("</li>").count() >= 100, "a full page of names");
    let (_, html) = t.get_lang(&format!("/p/{more}"), "fr").await;
    assert!(html.contains("Voir plus de 10\u{202f}000 noms dans la liste des signataires"));
}

/// Saves the instance settings as an admin, with `retention_days` and `privacy` as given.
async fn save_settings(t: &TestApp, retention_days: &str, privacy: &str) {
    let (status, _) = t.save_settings(&[("retention_days", retention_days), ("privacy", privacy)]).await;
    assert_eq!(status, Status::SeeOther);
}

#[rocket::async_test]
async fn the_privacy_page_follows_the_settings_with_the_admins_text_below() {
    let t = TestApp::start().await;
    let (status, html) = t.get("/privacy").await;
    assert_eq!(status, Status::Ok, "there even before the admins write anything");
    assert!(html.contains("Names, addresses and answers are erased 90 days after the petition closes"), "{html}");
    assert!(html.contains("A signature not confirmed within 30 days is deleted."));
    assert!(html.contains("The mails we send are deleted 30 days after sending."));
    assert!(html.contains("Not your IP address."));
    assert!(html.contains("href=\"/my-signatures\""));
    assert!(!html.contains("From this site’s administrators"), "no text of theirs yet");

    t.user("admin", true).await;
    t.login("admin").await;
    save_settings(&t, "45", "We are **the Lyon collective**.\n\n<script>alert(1)</script>").await;
    t.submit("/", "/logout", &[]).await;
    let (_, html) = t.get("/privacy").await;
    assert!(html.contains("erased 45 days after the petition closes"), "{html}");
    let own = html.find("We are <strong>the Lyon collective</strong>.").expect("the admins' text");
    assert!(own > html.find("For how long").expect("the retention section"), "their text comes below");
    assert!(!html.contains("<script>alert"));
    let (_, french) = t.get_lang("/privacy", "fr").await;
    assert!(french.contains("effacés 45 jours après la clôture de la pétition"), "{french}");
    assert!(french.contains("Une signature non confirmée au bout de 30 jours est supprimée."));
}

#[rocket::async_test]
async fn a_petitions_privacy_page_lists_exactly_its_fields_and_its_retention() {
    let t = TestApp::start().await;
    let phoned = t.petition_with("phoned", FieldRule::Required).await;
    let plain = t.petition_with("plain", FieldRule::Off).await;

    let (status, html) = t.get(&format!("/p/{phoned}/privacy")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<li>Email address (required)</li>"), "{html}");
    assert!(html.contains("<li>First name (required)</li>") && html.contains("<li>Phone number (required)</li>"));
    assert!(!html.contains("Postal code") && !html.contains("Country"), "only what this petition asks");
    assert!(html.contains("Run by <a href=\"/o/org-phoned\">Friends of the Test</a>."));
    assert!(html.contains("This petition offers no newsletter."));
    assert!(html.contains("No name is shown publicly"));
    assert!(html.contains("answers 90 days after it closes (this site’s default)"));
    assert!(html.contains("It is still open"));
    let (_, french) = t.get_lang(&format!("/p/{phoned}/privacy"), "fr").await;
    assert!(french.contains("<li>Numéro de téléphone (obligatoire)</li>"), "{french}");
    assert!(french.contains("<li>Adresse électronique (obligatoire)</li>"));

    let (_, html) = t.get(&format!("/p/{plain}/privacy")).await;
    assert!(html.contains("<li>Email address (required)</li>"));
    assert!(!html.contains("Phone number"), "{html}");
    let (_, french) = t.get_lang(&format!("/p/{plain}/privacy"), "fr").await;
    assert!(!french.contains("téléphone"));

    // A person's petition with a newsletter and public names says who gets the address.
    let alice = t.user("alice", false).await;
    let mut c = content("News and names");
    c.mail.newsletter_label = "News from the square".into();
    c.fields.show_signer_names = true;
    let newsy = t.petition_of(OwnerId::User(alice), "newsy", c).await;
    let (_, html) = t.get(&format!("/p/{newsy}/privacy")).await;
    assert!(html.contains("Run by alice."), "{html}");
    assert!(html.contains("If you tick “News from the square”, your email address is given to alice, who runs"));
    assert!(html.contains("only if you tick the box for it. Your address and other answers are never shown."));

    // Closed, with a period of its own: the page gives the day its signers' data goes.
    let closed = chrono::DateTime::parse_from_rfc3339("2026-01-05T12:00:00Z").expect("a date").to_utc();
    let row = petition::ActiveModel {
        id: Set(plain.0),
        status: Set("closed".into()),
        retention_days: Set(Some(10)),
        closed_at: Set(Some(closed)),
        ..Default::default()
    };
    row.update(&t.app().db).await.expect("close the petition");
    let (_, html) = t.get(&format!("/p/{plain}/privacy")).await;
    assert!(html.contains("answers 10 days after it closes (its own period)"), "{html}");
    assert!(html.contains("It closed on January 5, 2026: they will be erased on January 15, 2026."), "{html}");
}

#[rocket::async_test]
async fn the_forms_that_take_personal_data_link_the_privacy_pages() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let (_, html) = t.get(&format!("/p/{id}")).await;
    assert!(
        html.contains("are seen by the petition’s organisers; your email address is never shown publicly."),
        "the purpose in one sentence"
    );
    assert!(html.contains(&format!("<a href=\"/p/{id}/privacy\">How we handle your data</a>")), "{html}");
    let (_, register) = t.get("/register").await;
    assert!(register.contains("<a href=\"/privacy\">How we handle your data</a>"));
    let (_, report) = t.get(&format!("/p/{id}/report")).await;
    assert!(report.contains("<a href=\"/privacy\">How we handle your data</a>"));
    let (_, fr) = t.get_lang("/register", "fr").await;
    assert!(fr.contains("<a href=\"/privacy\">Ce que nous faisons de vos données</a>"));
    // In every page's footer.
    let (_, home) = t.get("/").await;
    assert!(home.contains("<li><a href=\"/privacy\">Privacy policy</a></li>"));
}

/// Search engines are told to keep out of accounts, dashboards and signers' private pages, and
/// the icon every browser asks for is there (no 404 in the console of every page).
#[rocket::async_test]
async fn robots_txt_keeps_private_pages_out_of_search_and_the_favicon_answers() {
    let t = TestApp::start().await;
    let r = t.client.get("/robots.txt").dispatch().await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.content_type(), Some(rocket::http::ContentType::Plain));
    let robots = r.into_string().await.unwrap();
    for private in ["/dashboard", "/admin", "/account", "/my-signatures", "/withdraw"] {
        assert!(robots.lines().any(|l| l == format!("Disallow: {private}")), "{private}: {robots}");
    }
    assert!(!robots.lines().any(|l| l == "Disallow: /p" || l == "Disallow: /"), "petitions stay public");
    let r = t.client.get("/favicon.ico").dispatch().await;
    assert_eq!(r.status(), Status::Ok);
    let icon = r.into_bytes().await.unwrap();
    assert_eq!(&icon[..4], &[0, 0, 1, 0], "an ICO file");
}
