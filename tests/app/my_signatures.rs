//! A signer's own page, "my signatures": they type their address, get a link by mail, and for
//! an hour see every petition that address signed here, withdraw any or all, change their
//! newsletter consent and download everything stored about them. Asking about an address that
//! signed nothing looks the same and mails nobody.
use crate::common;

use std::time::Duration;

use common::{SmtpServer, TestApp, location};
use rocket::http::{ContentType, Status};
use rustition::domain::ids::PetitionId;
use rustition::domain::petition::content::CustomField;
use rustition::domain::petition::petitions::{Content, FieldRule, OwnerId};
use rustition::entities::signer_link;
use sea_orm::sea_query::Expr;
use sea_orm::{EntityTrait, QueryFilter};

const MAIL_WAIT: Duration = Duration::from_secs(10);
const HOST: &str = "http://petitions.test";

fn content(title: &str) -> Content {
    Content { title: title.into(), text: "Please sign.".into(), goal: 10, ..Default::default() }
}

/// Asks for the link of `address` from the form (in `lang`), returning the answer page.
async fn ask(t: &TestApp, address: &str, lang: &str) -> (Status, String) {
    let r = t.submit(&format!("/my-signatures?lang={lang}"), "/my-signatures", &[("email", address)]).await;
    (r.status(), r.into_string().await.unwrap_or_default())
}

/// The path of the newest "my signatures" link mailed to `to`.
fn portal_link(smtp: &SmtpServer, to: &str) -> Option<String> {
    let mail = smtp.received().into_iter().rev().find(|m| m.to.iter().any(|r| r == to))?;
    Some(mail.link_containing("/my-signatures/")?.trim_start_matches(HOST).to_string())
}

/// The path of the confirmation link mailed for `petition`.
fn confirmation_link(smtp: &SmtpServer, petition: PetitionId) -> String {
    let needle = format!("/p/{petition}/confirm/");
    let link = smtp.received().iter().find_map(|m| m.link_containing(&needle)).expect("a confirmation link");
    link.trim_start_matches(HOST).to_string()
}

/// Follows a redirect back to the list, as the browser does.
async fn follow(t: &TestApp, r: rocket::local::asynchronous::LocalResponse<'_>, to: &str) -> String {
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), to);
    let (status, page) = t.get(to).await;
    assert_eq!(status, Status::Ok);
    page
}

#[rocket::async_test]
async fn a_signer_lists_downloads_and_withdraws_their_three_signatures_and_changes_their_consent() {
    let t = TestApp::start().await;
    let olga = t.user("olga", false).await;
    let library = t.petition_of(OwnerId::User(olga), "library", content("A library open on Sundays")).await;
    let mut river_content = content("Clean the river");
    river_content.fields.phone = FieldRule::Optional;
    let river = t.petition_of(OwnerId::User(olga), "river", river_content).await;
    let mut trees_content = content("Trees for the square");
    trees_content.mail.newsletter_label = "Keep me posted".into();
    trees_content.fields.custom[0] = CustomField { label: "Neighbourhood".into(), rule: FieldRule::Optional };
    let trees = t.petition_of(OwnerId::User(olga), "trees", trees_content).await;

    // Jane signs the three through their forms, confirms two of them from their mails.
    let jane = [("first_name", "Jane"), ("last_name", "Doe"), ("email", "jane.doe@example.org")];
    t.sign(&format!("/p/{library}"), library, &jane).await;
    t.sign(&format!("/p/{river}"), river, &[&jane[..], &[("phone", "+33 1 23 45 67 89")]].concat()).await;
    let with_newsletter = [&jane[..], &[("custom1", "North"), ("newsletter", "true")]].concat();
    t.sign(&format!("/p/{trees}"), trees, &with_newsletter).await;
    t.smtp.wait_for(3, MAIL_WAIT).await;
    for id in [library, trees] {
        let link = confirmation_link(&t.smtp, id);
        assert_eq!(t.submit(&link, &link, &[]).await.status(), Status::SeeOther);
    }
    t.wait_for_count(library, "1 signature").await;

    // She asks with the address written another way: the same mailbox.
    let (status, answer) = ask(&t, " Jane.Doe@Example.ORG ", "en").await;
    assert_eq!(status, Status::Ok);
    assert!(answer.contains("Check your mailbox"), "{answer}");
    t.smtp.wait_for(4, MAIL_WAIT).await;
    let mail = t.smtp.received().pop().expect("the link's mail");
    assert_eq!(mail.to, ["Jane.Doe@example.org"], "sent to the address as typed");
    assert!(mail.header("Subject").unwrap_or_default().contains("The link to your signatures"));
    assert!(mail.text().contains("works for 60 minutes"), "{}", mail.text());
    let link = portal_link(&t.smtp, "Jane.Doe@example.org").expect("a my-signatures link");

    // The page lists the three, with their state and what she gave.
    let (status, page) = t.get(&link).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("This address signed 3 petitions"), "{page}");
    for (id, title, path) in [
        (library, "A library open on Sundays", "/u/olga/library"),
        (river, "Clean the river", "/u/olga/river"),
        (trees, "Trees for the square", "/u/olga/trees"),
    ] {
        assert!(page.contains(&format!("<a href=\"{path}\" lang=\"en\">{title}</a>")), "petition {id} linked");
    }
    assert_eq!(page.matches("<strong>Confirmed</strong>").count(), 2);
    assert_eq!(page.matches("<strong>Awaiting confirmation</strong>").count(), 1);
    assert!(page.contains("+33 1 23 45 67 89") && page.contains("<dt>Neighbourhood</dt><dd>North</dd>"));
    assert!(page.contains("<dd>jane.doe@example.org</dd>"));
    assert_eq!(page.matches("/newsletter/").count(), 1, "consent is offered only where a newsletter is");
    common::assert_same_origin_only(&page, HOST);

    // The download holds all three with their fields, as an attachment kept out of caches.
    let r = t.client.get(format!("{link}/export.json")).dispatch().await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.content_type(), Some(ContentType::JSON));
    let disposition = r.headers().get_one("Content-Disposition").unwrap_or_default().to_string();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert_eq!(r.headers().get_one("Cache-Control"), Some("no-store"));
    let text = r.into_string().await.unwrap_or_default();
    let export: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(export["address"], "jane.doe@example.org");
    let signatures = export["signatures"].as_array().expect("signatures");
    assert_eq!(signatures.len(), 3);
    let of = |title: &str| {
        signatures.iter().find(|s| s["petition"]["title"] == title).unwrap_or_else(|| panic!("{title} exported"))
    };
    let tree_row = of("Trees for the square");
    assert_eq!(tree_row["petition"]["url"], format!("{HOST}/u/olga/trees"));
    assert_eq!((&tree_row["first_name"], &tree_row["last_name"]), (&"Jane".into(), &"Doe".into()));
    assert_eq!(tree_row["custom"], serde_json::json!([{ "label": "Neighbourhood", "value": "North" }]));
    assert_eq!((&tree_row["newsletter_consent"], &tree_row["status"]), (&true.into(), &"confirmed".into()));
    assert_eq!(tree_row["locale"], "en");
    assert!(tree_row["confirmed_at"].is_string() && tree_row["signed_at"].is_string());
    let river_row = of("Clean the river");
    assert_eq!((&river_row["phone"], &river_row["status"]), (&"+33 1 23 45 67 89".into(), &"pending".into()));
    assert!(river_row["mails"].as_array().is_some_and(|m| !m.is_empty()), "its confirmation mail is listed");
    // Neither the hashes of links nor the client key leave the server.
    let db = &t.app().db;
    let kept = sea_orm::Statement::from_string(
        sea_orm::ConnectionTrait::get_database_backend(db),
        "SELECT client_key, confirmation_token_hash FROM signatures",
    );
    for row in sea_orm::ConnectionTrait::query_all_raw(db, kept).await.expect("query") {
        for column in ["client_key", "confirmation_token_hash"] {
            if let Some(secret) = row.try_get::<Option<String>>("", column).expect("a column") {
                assert!(!text.contains(&secret), "{column} exported");
            }
        }
    }
    assert!(!text.contains("token_hash") && !text.contains("client_key"));

    // Unticking the newsletter box withdraws consent; ticking it again gives it back.
    let trees_sig = t.count(&format!("SELECT id FROM signatures WHERE petition_id = {trees}")).await;
    let action = format!("{link}/newsletter/{trees_sig}");
    let page = follow(&t, t.submit(&link, &action, &[]).await, &link).await;
    assert!(page.contains("Your newsletter choice is saved."));
    let consent = format!("SELECT COUNT(*) FROM signatures WHERE id = {trees_sig} AND newsletter_optin = true");
    assert_eq!(t.count(&consent).await, 0);
    follow(&t, t.submit(&link, &action, &[("newsletter", "true")]).await, &link).await;
    assert_eq!(t.count(&consent).await, 1);
    // Where no newsletter is offered, there is no consent to give.
    let library_sig = t.count(&format!("SELECT id FROM signatures WHERE petition_id = {library}")).await;
    let r = t.submit(&link, &format!("{link}/newsletter/{library_sig}"), &[("newsletter", "true")]).await;
    assert_eq!(r.status(), Status::Conflict);
    let library_consent =
        format!("SELECT COUNT(*) FROM signatures WHERE id = {library_sig} AND newsletter_optin = true");
    assert_eq!(t.count(&library_consent).await, 0);

    // Withdrawing one: gone from the list and from the database, and no longer counted.
    let page = follow(&t, t.submit(&link, &format!("{link}/withdraw/{library_sig}"), &[]).await, &link).await;
    assert!(page.contains("Your signature is withdrawn"));
    assert!(page.contains("This address signed 2 petitions") && !page.contains("A library open on Sundays"));
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {library}")).await, 0);
    t.wait_for_count(library, "0 signatures").await;

    // Withdrawing all asks once more, then leaves nothing of hers.
    let (status, confirm) = t.get(&format!("{link}/withdraw-all")).await;
    assert_eq!(status, Status::Ok);
    assert!(confirm.contains("Withdraw my 2 signatures"), "{confirm}");
    let all = format!("{link}/withdraw-all");
    let page = follow(&t, t.submit(&all, &all, &[]).await, &link).await;
    assert!(page.contains("Your signatures are withdrawn") && page.contains("This address has no signature"));
    let hers = "SELECT COUNT(*) FROM signatures WHERE email_canonical = 'jane.doe@example.org'";
    assert_eq!(t.count(hers).await, 0);
    assert_eq!(t.count("SELECT COUNT(*) FROM signature_changes").await, 0);
    let mails = "SELECT COUNT(*) FROM mail_queue WHERE recipient = 'jane.doe@example.org' AND fair_key LIKE 'p:%'";
    assert_eq!(t.count(mails).await, 0, "the mails about her signatures went with them");
    t.wait_for_count(trees, "0 signatures").await;
}

#[rocket::async_test]
async fn an_unknown_address_gets_the_same_answer_and_no_mail_and_a_link_reaches_only_its_own_signatures() {
    let t = TestApp::start_with(|s| s.signing.form_per_client_per_minute = 100).await;
    let id = t.petition().await;
    let page = format!("/p/{id}");
    t.sign(&page, id, &[("first_name", "Jane"), ("last_name", "Doe"), ("email", "jane@example.org")]).await;
    t.sign(&page, id, &[("first_name", "Bob"), ("last_name", "Roe"), ("email", "bob@example.org")]).await;
    t.smtp.wait_for(2, MAIL_WAIT).await;

    // The form is on every page's footer.
    assert!(t.get("/").await.1.contains("href=\"/my-signatures\""));
    let (status, form) = t.get("/my-signatures").await;
    assert_eq!(status, Status::Ok);
    assert!(form.contains("Your address is used only to find your signatures"));

    // Whoever asks about an address learns nothing: the very same page, and no mail.
    let unknown = ask(&t, "nobody@example.org", "en").await;
    let known = ask(&t, "jane@example.org", "en").await;
    assert_eq!(unknown, known);
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue WHERE recipient = 'nobody@example.org'").await, 0);
    assert_eq!(t.count("SELECT COUNT(*) FROM signer_links WHERE email_canonical = 'nobody@example.org'").await, 0);
    // Asked again within ten minutes, Jane's address gets no second link.
    assert_eq!(ask(&t, "jane@example.org", "en").await, known);
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue WHERE kind = 'my_signatures'").await, 1);
    // Bob asks after them, in French: once his mail is in, theirs would have been too.
    ask(&t, "bob@example.org", "fr").await;
    t.smtp.wait_for(4, MAIL_WAIT).await;
    let bob_link = portal_link(&t.smtp, "bob@example.org").expect("Bob's link");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let received = t.smtp.received();
    assert_eq!(received.len(), 4, "two confirmations and one link each for Jane and Bob");
    assert!(received.iter().all(|m| m.to != ["nobody@example.org"]));
    let bob_mail = received.iter().find(|m| m.to == ["bob@example.org"] && m.text().contains("/my-signatures/"));
    assert!(bob_mail.is_some_and(|m| m.text().contains("Ouvrez ce lien")), "in the language he asked in");
    let jane_link = portal_link(&t.smtp, "jane@example.org").expect("Jane's link");
    t.get("/?lang=en").await;

    // Jane's link cannot reach Bob's signature.
    let bob_sig = t.count("SELECT id FROM signatures WHERE email_canonical = 'bob@example.org'").await;
    let r = t.submit(&jane_link, &format!("{jane_link}/withdraw/{bob_sig}"), &[]).await;
    assert_eq!(r.status(), Status::NotFound);
    let r = t.submit(&jane_link, &format!("{jane_link}/newsletter/{bob_sig}"), &[("newsletter", "true")]).await;
    assert_eq!(r.status(), Status::NotFound);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE email_canonical = 'bob@example.org'").await, 1);
    let (_, jane_page) = t.get(&jane_link).await;
    assert!(!jane_page.contains("bob@example.org") && jane_page.contains("This address signed one petition"));

    // Past its hour, a link says so and shows the way to a new one; it withdraws nothing.
    let db = &t.app().db;
    signer_link::Entity::update_many()
        .col_expr(signer_link::Column::ExpiresAt, Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)))
        .filter(sea_orm::ColumnTrait::eq(&signer_link::Column::EmailCanonical, "bob@example.org"))
        .exec(db)
        .await
        .expect("expire Bob's link");
    let (status, gone) = t.get(&bob_link).await;
    assert_eq!(status, Status::Gone);
    assert!(gone.contains("This link has expired") && gone.contains("Ask for a new link"), "{gone}");
    assert_eq!(t.client.get(format!("{bob_link}/export.json")).dispatch().await.status(), Status::Gone);
    let r = t.submit(&jane_link, &format!("{bob_link}/withdraw/{bob_sig}"), &[]).await;
    assert_eq!(r.status(), Status::Gone);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE email_canonical = 'bob@example.org'").await, 1);
    // A link this instance never made is not found.
    let (status, unknown_page) = t.get("/my-signatures/not-a-link").await;
    assert_eq!(status, Status::NotFound);
    assert!(unknown_page.contains("This link is not valid") && unknown_page.contains("Ask for a new link"));

    // A malformed address is said beside the field, which keeps what was typed.
    let (status, page) = ask(&t, "jane@@example", "en").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("not a valid email address") && page.contains("value=\"jane@@example\""), "{page}");
    assert!(page.contains("aria-invalid=\"true\""));
}

#[rocket::async_test]
async fn past_its_rate_one_client_is_refused_more_links() {
    let t = TestApp::start_with(|s| s.signing.form_per_client_per_minute = 2).await;
    for _ in 0..2 {
        assert_eq!(ask(&t, "nobody@example.org", "en").await.0, Status::Ok);
    }
    assert_eq!(ask(&t, "nobody@example.org", "en").await.0, Status::TooManyRequests);
}
