//! Updates to signers: a signer who ticks "keep me informed" is mailed the organiser's updates
//! and the addressee's response once their signature is confirmed, until they unsubscribe; no
//! one else is. The page shows both; the weekly cap and the rights are the organiser's limits.
use crate::common;

use std::time::Duration;

use common::TestApp;
use common::smtp::Received;
use rocket::http::{ContentType, Status};
use rustition::domain::ids::{OrganisationId, PetitionId, UserId};
use rustition::domain::permissions::Flag;
use rustition::domain::petition::petitions::{Content, OwnerId};

const MAIL_WAIT: Duration = Duration::from_secs(10);
const ORIGIN: &str = "http://petitions.test";

fn local(link: &str) -> String {
    link.trim_start_matches(ORIGIN).to_string()
}

/// Until the mail worker has finished with every mail queued.
async fn mail_settled(t: &TestApp) {
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    while t.count("SELECT COUNT(*) FROM mail_queue WHERE status IN ('queued', 'sending')").await > 0 {
        assert!(tokio::time::Instant::now() < deadline, "the mail queue never settled");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The mails received so far whose subject contains `needle`.
fn mails_about(t: &TestApp, needle: &str) -> Vec<Received> {
    t.smtp.received().into_iter().filter(|m| m.header("Subject").is_some_and(|s| s.contains(needle))).collect()
}

fn recipients(mails: &[Received]) -> Vec<String> {
    let mut to: Vec<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    to
}

/// Alice's organisation's petition, alice signed in as its organiser.
async fn organised() -> (TestApp, PetitionId, OrganisationId, UserId) {
    organised_with(|_| {}).await
}

async fn organised_with(
    change: impl FnOnce(&mut rustition::config::Settings),
) -> (TestApp, PetitionId, OrganisationId, UserId) {
    let t = TestApp::start_with(change).await;
    let alice = t.user("alice", false).await;
    let friends = t.organisation("friends", "Friends of the Park", alice).await;
    let content =
        Content { title: "Keep the park green".into(), text: "Plant trees.".into(), goal: 10, ..Default::default() };
    let id = t.petition_of(OwnerId::Organisation(friends), "park", content).await;
    (t, id, friends, alice)
}

/// Signs as `email` (ticking "keep me informed" when `informed`) and, when `confirm`, opens the
/// confirmation link and presses its button.
async fn signer(t: &TestApp, id: PetitionId, email: &str, informed: bool, confirm: bool) {
    let before = t.smtp.received().len();
    let mut fields = vec![("first_name", "Sam"), ("last_name", "Signer"), ("email", email)];
    if informed {
        fields.push(("keep_informed", "true"));
    }
    t.sign(&format!("/p/{id}"), id, &fields).await;
    let mails = t.smtp.wait_for(before + 1, MAIL_WAIT).await;
    let mail = mails.iter().rev().find(|m| m.to.iter().any(|to| to.contains(email))).expect("a confirmation mail");
    if confirm {
        let link = local(&mail.link_containing("/confirm/").expect("a confirmation link"));
        t.confirm(&link).await;
    }
}

async fn post_update(t: &TestApp, id: PetitionId, title: &str, body: &str) -> (Status, String) {
    let page = format!("/dashboard/petitions/{id}/updates");
    let r = t.submit(&page, &page, &[("title", title), ("body", body)]).await;
    (r.status(), r.into_string().await.unwrap_or_default())
}

#[rocket::async_test]
async fn an_update_goes_to_confirmed_signers_who_asked_and_is_shown_on_the_page() {
    let (t, id, ..) = organised().await;
    let page = t.get(&format!("/p/{id}")).await.1;
    assert!(page.contains("name=\"keep_informed\""), "the sign form offers the box");
    assert!(!page.contains("name=\"keep_informed\" value=\"true\" checked"), "unticked");
    signer(&t, id, "ann@example.org", true, true).await;
    signer(&t, id, "bob@example.org", false, true).await;
    signer(&t, id, "cat@example.org", true, false).await;
    signer(&t, id, "dan@example.org", true, true).await;
    // Dan withdraws with his confirmation mail's link.
    let dan = t.smtp.received().into_iter().find(|m| m.to.iter().any(|to| to.contains("dan@"))).expect("dan's mail");
    let withdraw = local(&dan.link_containing("/withdraw/").expect("a withdrawal link"));
    assert_eq!(t.submit(&withdraw, &withdraw, &[]).await.status(), Status::Ok);
    mail_settled(&t).await;

    t.login("alice").await;
    let (status, _) = post_update(&t, id, "Council meeting on Monday", "We meet the council **on Monday**.").await;
    assert_eq!(status, Status::SeeOther);
    mail_settled(&t).await;
    let mails = mails_about(&t, "Council meeting on Monday");
    assert_eq!(recipients(&mails), ["ann@example.org"], "confirmed, asked, not withdrawn: Ann alone");
    let mail = &mails[0];
    assert!(mail.text().contains("We meet the council **on Monday**."), "{}", mail.text());
    assert!(mail.text().contains("you asked to be kept informed"), "{}", mail.text());
    let header = mail.header("List-Unsubscribe").expect("a List-Unsubscribe header");
    assert!(header.starts_with("<http://petitions.test/unsubscribe/") && header.ends_with("/one-click>"), "{header}");
    assert_eq!(mail.header("List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));

    let (_, page) = t.get(&format!("/p/{id}")).await;
    assert!(page.contains("Council meeting on Monday"), "the update is on the page");
    assert!(page.contains("We meet the council <strong>on Monday</strong>."), "rendered from Markdown");
    let (_, dashboard) = t.get(&format!("/dashboard/petitions/{id}/updates")).await;
    assert!(dashboard.contains("mailed to one signer"), "{dashboard}");

    // A second update is shown above the first.
    post_update(&t, id, "Trees planted", "The first ten trees are in.").await;
    let (_, page) = t.get(&format!("/p/{id}")).await;
    let (newer, older) = (page.find("Trees planted").unwrap(), page.find("Council meeting on Monday").unwrap());
    assert!(newer < older, "newest first");
}

#[rocket::async_test]
async fn past_the_weekly_cap_the_next_update_is_refused_beside_its_field() {
    let (t, id, ..) = organised_with(|s| s.updates.per_week = 2).await;
    t.login("alice").await;
    assert_eq!(post_update(&t, id, "First", "One.").await.0, Status::SeeOther);
    assert_eq!(post_update(&t, id, "Second", "Two.").await.0, Status::SeeOther);
    let (status, html) = post_update(&t, id, "Third news", "Three.").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("This petition has sent as many updates as it may this week"), "{html}");
    assert!(html.contains("value=\"Third news\""), "what was typed is kept");
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_updates").await, 2);
    let (_, page) = t.get(&format!("/p/{id}")).await;
    assert!(!page.contains("Third news"));

    // In French, the same refusal in French.
    let page = format!("/dashboard/petitions/{id}/updates?lang=fr");
    let r = t.submit(&page, &format!("/dashboard/petitions/{id}/updates"), &[("title", "Quatre"), ("body", "4")]).await;
    let html = r.into_string().await.unwrap_or_default();
    assert!(html.contains("Cette pétition a envoyé autant de nouvelles"), "{html}");
}

#[rocket::async_test]
async fn the_unsubscribe_link_and_the_one_click_header_stop_the_updates() {
    let (t, id, ..) = organised().await;
    signer(&t, id, "ann@example.org", true, true).await;
    signer(&t, id, "eve@example.org", true, true).await;
    mail_settled(&t).await;
    t.login("alice").await;
    post_update(&t, id, "Petition delivered", "We handed it in.").await;
    mail_settled(&t).await;
    let mails = mails_about(&t, "Petition delivered");
    assert_eq!(recipients(&mails), ["ann@example.org", "eve@example.org"]);
    let of = |who: &str| mails.iter().find(|m| m.to.iter().any(|to| to.contains(who))).unwrap().clone();

    // Ann opens the link of her mail: a page with a button; opening it changes nothing.
    let link = local(&of("ann@").link_containing("/unsubscribe/").expect("an unsubscribe link"));
    let (status, landing) = t.get(&link).await;
    assert_eq!(status, Status::Ok);
    assert!(landing.contains("Stop the updates") && landing.contains("Keep the park green"), "{landing}");
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE keep_informed").await, 2);
    let r = t.submit(&link, &link, &[]).await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_string().await.unwrap_or_default().contains("you will receive no more updates"));

    // Eve's mail program uses the header: a POST with no cookie and no token (RFC 8058).
    let header = of("eve@").header("List-Unsubscribe").unwrap();
    let one_click = local(header.trim_start_matches('<').trim_end_matches('>'));
    let r = t.client.post(one_click).header(ContentType::Form).body("List-Unsubscribe=One-Click").dispatch().await;
    assert_eq!(r.status(), Status::Ok);
    // A forged token unsubscribes no one.
    let (status, _) = t.get("/unsubscribe/u1.forged").await;
    assert_eq!(status, Status::NotFound);

    post_update(&t, id, "Second round", "More news.").await;
    mail_settled(&t).await;
    assert!(mails_about(&t, "Second round").is_empty(), "no more mail after unsubscribing");
    // Their signatures stay.
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NOT NULL").await, 2);
}

#[rocket::async_test]
async fn the_response_is_shown_on_top_and_mailed_only_to_signers_who_asked() {
    let (t, id, ..) = organised().await;
    signer(&t, id, "ann@example.org", true, true).await;
    signer(&t, id, "bob@example.org", false, true).await;
    mail_settled(&t).await;
    t.login("alice").await;
    let page = format!("/dashboard/petitions/{id}/updates");
    let action = format!("/dashboard/petitions/{id}/response");
    let body = "The council **agrees** to keep the park.";
    let bad = [("response_body", body), ("responded_on", "2026-11-30"), ("document_url", "javascript:alert(1)")];
    let r = t.submit(&page, &action, &bad).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap_or_default();
    assert!(html.contains("This is not a web address starting with http:// or https://."), "{html}");
    assert!(html.contains("The council **agrees** to keep the park."), "kept");

    let good = [
        ("response_body", body),
        ("responded_on", "2026-11-30"),
        ("document_url", "https://council.example.org/answer.pdf"),
    ];
    assert_eq!(t.submit(&page, &action, &good).await.status(), Status::SeeOther);
    let (_, public) = t.get(&format!("/p/{id}")).await;
    assert!(public.contains("The response"), "{public}");
    assert!(public.contains("The council <strong>agrees</strong> to keep the park."));
    assert!(public.contains("href=\"https://council.example.org/answer.pdf\""));
    assert!(
        public.find("The council <strong>agrees</strong>").unwrap() < public.find("class=\"petition-text\"").unwrap(),
        "on top"
    );
    mail_settled(&t).await;
    let mails = mails_about(&t, "The response to");
    assert_eq!(recipients(&mails), ["ann@example.org"]);
    assert!(mails[0].text().contains("https://council.example.org/answer.pdf"));
    assert!(mails[0].header("List-Unsubscribe").is_some());

    // A correction is shown, not mailed again; and it does not use up the week's updates.
    let fixed = [("response_body", "The council agrees."), ("responded_on", "2026-11-30"), ("document_url", "")];
    assert_eq!(t.submit(&page, &action, &fixed).await.status(), Status::SeeOther);
    mail_settled(&t).await;
    assert_eq!(mails_about(&t, "The response to").len(), 1);
    let (_, public) = t.get(&format!("/p/{id}")).await;
    assert!(public.contains("The council agrees.") && !public.contains("answer.pdf"));
    let (_, dashboard) = t.get(&page).await;
    assert!(dashboard.contains("3 more updates this week"), "{dashboard}");
}

#[rocket::async_test]
async fn a_member_without_the_right_to_modify_gets_forbidden_and_nothing_is_sent() {
    let (t, id, friends, _) = organised().await;
    signer(&t, id, "ann@example.org", true, true).await;
    mail_settled(&t).await;
    let carl = t.user("carl", false).await;
    crate::dashboard_permissions::member(&t, friends, carl, &[Flag::ViewSignatures]).await;
    t.login("carl").await;
    let (status, _) = t.get(&format!("/dashboard/petitions/{id}/updates")).await;
    assert_eq!(status, Status::Forbidden);
    let sent = t.smtp.received().len();
    let r =
        t.submit("/dashboard", &format!("/dashboard/petitions/{id}/updates"), &[("title", "Hi"), ("body", "x")]).await;
    assert_eq!(r.status(), Status::Forbidden);
    let fields = [("response_body", "Yes"), ("responded_on", "2026-11-30")];
    let r = t.submit("/dashboard", &format!("/dashboard/petitions/{id}/response"), &fields).await;
    assert_eq!(r.status(), Status::Forbidden);
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_updates").await, 0);
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_responses").await, 0);
    mail_settled(&t).await;
    assert_eq!(t.smtp.received().len(), sent);
}

/// A signer who read the petition in French gets its updates under the French title, in French.
#[rocket::async_test]
async fn a_signer_who_read_a_translation_gets_the_update_under_its_title() {
    let (t, id, ..) = organised().await;
    t.login("alice").await;
    let content = format!("/dashboard/petitions/{id}/edit/content");
    let r = t.submit(&content, &format!("/dashboard/petitions/{id}/languages"), &[("locale", "fr")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let form = format!("/dashboard/petitions/{id}/languages/fr");
    let r = t.submit(&form, &form, &[("title", "Gardons le parc vert"), ("text", "Plantons des arbres.")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    t.submit("/", "/logout", &[]).await;

    let page = format!("/p/{id}?lang=fr");
    let fields = [
        ("content_lang", "fr"),
        ("first_name", "Zoé"),
        ("last_name", "Signataire"),
        ("email", "zoe@example.org"),
        ("keep_informed", "true"),
    ];
    t.sign(&page, id, &fields).await;
    let zoe = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    // The interface back in English (the helpers read English pages); Zoé read it in French.
    t.get("/?lang=en").await;
    t.confirm(&local(&zoe.link_containing("/confirm/").expect("a confirmation link"))).await;
    signer(&t, id, "ann@example.org", true, true).await;
    mail_settled(&t).await;

    t.login("alice").await;
    let (status, _) = post_update(&t, id, "Réunion lundi", "Nous rencontrons le conseil lundi.").await;
    assert_eq!(status, Status::SeeOther);
    mail_settled(&t).await;
    let subjects: Vec<(Vec<String>, String)> =
        t.smtp.received().iter().map(|m| (m.to.clone(), crate::languages::decoded_subject(m))).collect();
    let about = |to: &str| {
        subjects.iter().find(|(r, s)| r == &vec![to.to_string()] && s.contains("Réunion lundi")).map(|(_, s)| s.clone())
    };
    let zoe = about("zoe@example.org").unwrap_or_else(|| panic!("Zoé's update: {subjects:?}"));
    assert!(zoe.contains("Gardons le parc vert") && !zoe.contains("Keep the park green"), "{zoe}");
    let ann = about("ann@example.org").unwrap_or_else(|| panic!("Ann's update: {subjects:?}"));
    assert!(ann.contains("Keep the park green"), "Ann read it in English: {ann}");
}
