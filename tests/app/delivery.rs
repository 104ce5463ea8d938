//! Addressees and delivery (issue 17), told as organisers and addressees live them: the
//! organiser names whom the petition is addressed to, it is delivered on its own once the goal
//! is reached (once), or by hand; the addressee gets a mail whose link opens the delivery page
//! and its file.
use crate::common;

use std::time::Duration;

use common::TestApp;
use rocket::http::Status;
use rustition::domain::ids::PetitionId;
use rustition::domain::permissions::Flag;
use rustition::domain::petition::content::{Content, FieldRule};
use rustition::domain::petition::petitions::OwnerId;

const MAIL_WAIT: Duration = Duration::from_secs(10);
const MAYOR: &str = "mayor@city.example";

/// alice's organisation's petition (goal 2, names listed when signers agree), alice signed in.
async fn organiser() -> (TestApp, PetitionId) {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let friends = t.organisation("friends", "Friends of the Park", alice).await;
    let mut content = Content {
        title: "Keep the park green".into(),
        text: "We ask the council to **keep** the park.".into(),
        goal: 2,
        ..Default::default()
    };
    content.fields.first_name = FieldRule::Optional;
    content.fields.last_name = FieldRule::Optional;
    content.fields.show_signer_names = true;
    let id = t.petition_of(OwnerId::Organisation(friends), "park", content).await;
    t.login("alice").await;
    (t, id)
}

fn section(id: PetitionId) -> String {
    format!("/dashboard/petitions/{id}/edit/addressees")
}

async fn add_addressee(t: &TestApp, id: PetitionId, fields: &[(&str, &str)]) -> (Status, String) {
    let r = t.submit(&section(id), &format!("/dashboard/petitions/{id}/addressees"), fields).await;
    let status = r.status();
    (status, r.into_string().await.unwrap_or_default())
}

async fn add_mayor(t: &TestApp, id: PetitionId) {
    let fields = [
        ("addressee_name", "Ada Mayor"),
        ("addressee_role", "Mayor of Springfield"),
        ("addressee_email", MAYOR),
        ("addressee_link", "https://city.example/mayor"),
    ];
    assert_eq!(add_addressee(t, id, &fields).await.0, Status::SeeOther);
}

/// Signs as `email` and confirms through the mailed link's landing page, as a signer does.
async fn sign_and_confirm(t: &TestApp, id: PetitionId, (first, email): (&str, &str)) {
    let page = format!("/p/{id}");
    let fields = [("first_name", first), ("last_name", "Signer"), ("email", email), ("name_public", "on")];
    t.sign(&page, id, &fields).await;
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    let link = loop {
        let found = t.smtp.received().into_iter().find(|m| m.to == vec![email.to_string()]);
        if let Some(link) = found.and_then(|m| m.link_containing("/confirm/")) {
            break link;
        }
        assert!(tokio::time::Instant::now() < deadline, "no confirmation mail for {email}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let path = link.trim_start_matches("http://petitions.test").to_string();
    t.confirm(&path).await;
}

/// Presses "Deliver now" as the organiser; returns the (local) path of the delivery page the
/// mayor's mail links to.
async fn deliver_by_hand(t: &TestApp, id: PetitionId) -> String {
    let r = t.submit(&section(id), &format!("/dashboard/petitions/{id}/deliver"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let mail = wait_for_mayor_mails(t, 1).await.remove(0);
    mail.link_containing("/delivery/").expect("a delivery link").trim_start_matches("http://petitions.test").to_string()
}

/// The delivery mails received by the mayor so far.
fn mayor_mails(t: &TestApp) -> Vec<common::smtp::Received> {
    t.smtp.received().into_iter().filter(|m| m.to == vec![MAYOR.to_string()]).collect()
}

async fn wait_for_mayor_mails(t: &TestApp, n: usize) -> Vec<common::smtp::Received> {
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    loop {
        let mails = mayor_mails(t);
        if mails.len() >= n {
            return mails;
        }
        assert!(tokio::time::Instant::now() < deadline, "expected {n} delivery mails, got {}", mails.len());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Switches the petition's theme (the look section's other checks are `themes::`' concern).
async fn set_theme(t: &TestApp, id: PetitionId, theme: &str) {
    use sea_orm::ConnectionTrait;
    let db = &t.app().db;
    let sql = format!("UPDATE petitions SET theme = '{theme}' WHERE id = {id}");
    db.execute_unprepared(&sql).await.expect("set the theme");
    t.app().petitions.forget(id);
}

#[rocket::async_test]
async fn the_petition_page_names_its_addressees_in_every_theme_and_never_their_address() {
    let (t, id) = organiser().await;
    add_mayor(&t, id).await;
    for theme in ["classic", "campaign", "minimal"] {
        set_theme(&t, id, theme).await;
        let (status, html) = t.get(&format!("/p/{id}")).await;
        assert_eq!(status, Status::Ok);
        assert!(html.contains("Addressed to"), "{theme}: {html}");
        assert!(html.contains("Ada Mayor") && html.contains("Mayor of Springfield"), "{theme}");
        assert!(html.contains("href=\"https://city.example/mayor\""), "{theme}: the public page is linked");
        assert!(!html.contains(MAYOR), "{theme}: the address stays private");
    }
    let (_, french) = t.get_lang(&format!("/p/{id}"), "fr").await;
    assert!(french.contains("Adressée à"), "{french}");
}

#[rocket::async_test]
async fn a_link_that_is_not_a_web_address_is_refused_beside_its_field_with_what_was_typed() {
    let (t, id) = organiser().await;
    let fields = [
        ("addressee_name", "Ada Mayor"),
        ("addressee_role", ""),
        ("addressee_email", ""),
        ("addressee_link", "javascript:alert(1)"),
    ];
    let (status, html) = add_addressee(&t, id, &fields).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("id=\"addressee_link-error\""), "{html}");
    assert!(html.contains("This is not a web address starting with http:// or https://."));
    assert!(html.contains("value=\"Ada Mayor\""), "the name is kept");
    let (_, page) = t.get(&format!("/p/{id}")).await;
    assert!(!page.contains("Ada Mayor"), "nothing was added");
    // A bad address is refused too, and nothing is delivered to no one.
    let fields = [("addressee_name", "Bob"), ("addressee_email", "not-an-address"), ("addressee_link", "")];
    let (status, html) = add_addressee(&t, id, &fields).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("id=\"addressee_email-error\""));
    let r = t.submit(&section(id), &format!("/dashboard/petitions/{id}/deliver"), &[]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap().contains("Add an addressee before delivering the petition."));
}

#[rocket::async_test]
async fn reaching_the_goal_mails_the_addressee_once_a_link_to_the_delivery_page_and_its_file() {
    let (t, id) = organiser().await;
    add_mayor(&t, id).await;
    let r = t.submit(&section(id), &format!("/dashboard/petitions/{id}/delivery"), &[("delivery_mode", "goal")]).await;
    assert_eq!(r.status(), Status::SeeOther);

    sign_and_confirm(&t, id, ("Jane", "jane@example.org")).await;
    t.wait_for_count(id, "1 signature").await;
    assert!(mayor_mails(&t).is_empty(), "not delivered before the goal");
    sign_and_confirm(&t, id, ("John", "john@example.org")).await;

    let mail = wait_for_mayor_mails(&t, 1).await.remove(0);
    assert!(mail.header("Subject").unwrap().contains("the park"), "{:?}", mail.header("Subject"));
    assert!(mail.text().contains("Dear Ada Mayor"), "{}", mail.text());
    assert!(mail.text().contains("signed by 2 people"));
    let link = mail.link_containing("/delivery/").expect("a delivery link");
    let path = link.trim_start_matches("http://petitions.test").to_string();

    let (status, page) = t.get(&path).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Keep the park green") && page.contains("<strong>keep</strong>"), "{page}");
    assert!(page.contains("2 signatures"));
    assert!(page.contains("<svg") && page.contains("Confirmed signatures per day"), "the chart");
    assert!(page.contains("Jane Signer") && page.contains("John Signer"), "the names shown");
    assert!(!page.contains("jane@example.org"), "no signer's address");

    let r = t.client.get(format!("{path}/signatures.csv")).dispatch().await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.content_type(), Some(rocket::http::ContentType::CSV));
    let csv = r.into_string().await.unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines[0], "Number,Confirmed on,Name");
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].starts_with("1,") && lines[1].ends_with(",Jane Signer"), "{csv}");
    assert!(!csv.contains("@example.org"));
    let (status, print) = t.get(&format!("{path}/print")).await;
    assert_eq!(status, Status::Ok);
    assert!(print.contains("2 signatures") && print.contains("/static/css/delivery.css"));
    let (_, css) = t.get("/static/css/delivery.css").await;
    assert!(css.contains("@media print"));
    assert_eq!(t.get("/delivery/not-a-token").await.0, Status::NotFound);

    // Later counts deliver nothing more: a third signature is counted, and the mayor still
    // has one mail.
    sign_and_confirm(&t, id, ("Jim", "jim@example.org")).await;
    t.wait_for_count(id, "3 signatures").await;
    t.wait_for_count(id, "3 signatures").await;
    assert_eq!(mayor_mails(&t).len(), 1, "delivered exactly once");
    let (_, dashboard) = t.get(&section(id)).await;
    assert!(dashboard.contains("Goal reached") && dashboard.contains("Ada Mayor &lt;mayor@city.example&gt;"));
}

#[rocket::async_test]
async fn the_organiser_delivers_by_hand_and_a_member_without_the_right_may_not() {
    let (t, id) = organiser().await;
    add_mayor(&t, id).await;
    let path = deliver_by_hand(&t, id).await;
    let (status, page) = t.get(&path).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("0 signatures"), "{page}");
    let (_, dashboard) = t.get(&section(id)).await;
    assert!(dashboard.contains("By hand (alice)"), "{dashboard}");

    // bob is a member of the organisation without the right to modify its petitions.
    let bob = t.user("bob", false).await;
    let friends = rustition::domain::organisation::organisations::find_by_slug(&t.app().db, "friends")
        .await
        .unwrap()
        .map(|o| rustition::domain::ids::OrganisationId(o.id))
        .unwrap();
    crate::dashboard_permissions::member(&t, friends, bob, &[Flag::ViewSignatures]).await;
    // alice's page gives the token of her session; bob signs in afresh.
    let (_, page) = t.get(&section(id)).await;
    let token = common::csrf_token(&page);
    assert_eq!(t.post_form("/logout", &[("csrf_token", &token)]).await.status(), Status::SeeOther);
    t.login("bob").await;
    assert_eq!(t.get(&section(id)).await.0, Status::Forbidden);
    let (_, any) = t.get("/dashboard").await;
    let token = common::csrf_token(&any);
    for (action, fields) in [
        ("deliver", vec![]),
        ("addressees", vec![("addressee_name", "Eve")]),
        ("delivery", vec![("delivery_mode", "goal")]),
    ] {
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend(fields);
        let r = t.post_form(&format!("/dashboard/petitions/{id}/{action}"), &all).await;
        assert_eq!(r.status(), Status::Forbidden, "{action}");
    }
    assert_eq!(t.count("SELECT COUNT(*) FROM deliveries").await, 1, "no second delivery");
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_addressees").await, 1);
}

/// Once moderators hide the petition, its delivery page, print page and file answer 410 with
/// the reason, and the organiser can no longer deliver it (no mail leaves).
#[rocket::async_test]
async fn a_petition_hidden_by_moderators_is_no_longer_shown_to_addressees_nor_delivered() {
    let (t, id) = organiser().await;
    add_mayor(&t, id).await;
    let path = deliver_by_hand(&t, id).await;
    assert_eq!(t.get(&path).await.0, Status::Ok);

    crate::moderation::logout(&t).await;
    t.moderator("mona").await;
    t.login("mona").await;
    let case = format!("/admin/moderation/petitions/{id}");
    let (_, html) = t.get(&case).await;
    let spam = crate::moderation::reason_value(&html, "Spam or advertising");
    let fields = [("reason", spam.as_str()), ("note", "Advertising for watches.")];
    assert_eq!(crate::moderation::act(&t, id, "hide", &fields).await.0, Status::SeeOther);

    let withheld = t.app().i18n.tr("en", "error-delivery-withheld", None);
    for page in [path.clone(), format!("{path}/print"), format!("{path}/signatures.csv")] {
        let (status, html) = t.get(&page).await;
        assert_eq!(status, Status::Gone, "{page}");
        assert!(html.contains(&withheld), "{page} says why: {html}");
        assert!(!html.contains("Keep the park green"), "{page} shows nothing of the petition");
    }

    crate::moderation::logout(&t).await;
    t.login("alice").await;
    let r = t.submit(&section(id), &format!("/dashboard/petitions/{id}/deliver"), &[]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let page = r.into_string().await.unwrap_or_default();
    assert!(page.contains(&withheld), "the organiser is told why: {page}");
    assert_eq!(t.count("SELECT COUNT(*) FROM deliveries").await, 1, "no second delivery");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(mayor_mails(&t).len(), 1, "no second mail");
}
