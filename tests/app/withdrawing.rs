//! A signer changes their mind: the withdrawal link of every confirmation mail and of the
//! confirmed page deletes the signature and what was given with it, and the thank-you page's
//! link cancels what that very submission left pending, and nothing else.
use crate::common;

use std::time::Duration;

use common::TestApp;
use rocket::http::Status;
use rustition::domain::ids::PetitionId;

const MAIL_WAIT: Duration = Duration::from_secs(10);
const ORIGIN: &str = "http://petitions.test";

fn signer<'a>(first: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("first_name", first), ("last_name", "Doe"), ("email", email)]
}

/// The path of the first link of `html` starting with `prefix`.
fn href(html: &str, prefix: &str) -> Option<String> {
    let marker = format!("href=\"{prefix}");
    let start = html.find(&marker)? + "href=\"".len();
    html[start..].split('"').next().map(str::to_string)
}

/// The notice section of a page, with its per-visitor and per-link values taken out, so that
/// two pages can be compared as what they say.
fn notice(html: &str) -> String {
    let start = html.find("<section class=\"notice\">").expect("a notice section");
    let end = start + html[start..].find("</section>").expect("its end");
    let section = &html[start..end];
    let section = match section.find("value=\"") {
        Some(at) => {
            let rest = &section[at + 7..];
            format!("{}value=\"…{}", &section[..at], &rest[rest.find('"').unwrap_or(0)..])
        }
        None => section.to_string(),
    };
    match section.find("action=\"/withdraw/") {
        Some(at) => {
            let rest = &section[at + 8..];
            format!("{}action=\"…{}", &section[..at], &rest[rest.find('"').unwrap_or(0)..])
        }
        None => section,
    }
}

/// Until the mail worker has finished with every mail it took (a mail it holds is left to it).
async fn mail_settled(t: &TestApp) {
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    while t.count("SELECT COUNT(*) FROM mail_queue WHERE status IN ('queued', 'sending')").await > 0 {
        assert!(tokio::time::Instant::now() < deadline, "the mail queue never settled");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Signs `id` from `page` and returns the thank-you page.
async fn sign(t: &TestApp, page: &str, id: PetitionId, fields: &[(&str, &str)]) -> String {
    let r = t.submit(page, &format!("/p/{id}/sign"), fields).await;
    assert_eq!(r.status(), Status::SeeOther);
    let thanks = common::location(&r);
    let (status, html) = t.get(&thanks).await;
    assert_eq!(status, Status::Ok);
    html
}

fn local(link: &str) -> String {
    link.trim_start_matches(ORIGIN).to_string()
}

#[rocket::async_test]
async fn a_signer_withdraws_with_the_mailed_link_and_is_deleted_and_no_longer_counted() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    sign(&t, &format!("/p/{id}"), id, &signer("Jane", "jane.doe@example.org")).await;
    let mail = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let confirm = local(&mail.link_containing("/confirm/").expect("a confirmation link"));
    let withdraw = local(&mail.link_containing("/withdraw/").expect("a withdrawal link"));
    assert!(mail.text().contains("To withdraw your signature at any time"), "{}", mail.text());

    // The confirmed page gives the very link of the mail.
    let r = t.submit(&confirm, &confirm, &[]).await;
    let (_, confirmed) = t.get(&common::location(&r)).await;
    assert!(confirmed.contains("Your signature is confirmed"));
    assert_eq!(href(&confirmed, "/withdraw/").as_deref(), Some(withdraw.as_str()), "{confirmed}");
    t.wait_for_count(id, "<strong>1 signature</strong>").await;
    mail_settled(&t).await;
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue WHERE recipient = 'jane.doe@example.org'").await, 1);

    // Opening the link (as a mail scanner would) changes nothing; it says what will go.
    let (status, landing) = t.get(&withdraw).await;
    assert_eq!(status, Status::Ok);
    assert!(landing.contains("Save the &lt;Old&gt; Library &amp; Park"), "names the petition");
    assert!(landing.contains("The signature of jane.doe@example.org on this petition"), "{landing}");
    assert!(landing.contains("Withdraw my signature"));
    common::assert_same_origin_only(&landing, ORIGIN);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1);

    let r = t.submit(&withdraw, &withdraw, &[]).await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_string().await.unwrap_or_default().contains("Your signature is withdrawn"));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue WHERE recipient = 'jane.doe@example.org'").await, 0);
    // Recounted with the erasure, and the page kept for visitors dropped: at once.
    let (_, page) = t.get(&format!("/p/{id}")).await;
    assert!(page.contains("<strong>0 signatures</strong>"));

    // The link has nothing left to withdraw, and says so.
    let (status, gone) = t.get(&withdraw).await;
    assert_eq!(status, Status::NotFound);
    assert!(gone.contains("No signature is held under this link"), "{gone}");
    let r = t.post_form(&withdraw, &[("csrf_token", &common::csrf_token(&landing))]).await;
    assert_eq!(r.status(), Status::NotFound);
    // Its confirmation link is dead too.
    assert_eq!(t.get(&confirm).await.0, Status::NotFound);
}

#[rocket::async_test]
async fn a_french_signer_is_told_in_french_even_from_a_browser_set_to_english() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    sign(&t, &format!("/p/{id}?lang=fr"), id, &signer("Jeanne", "jeanne@example.org")).await;
    let mail = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    assert!(mail.text().contains("Pour retirer votre signature à tout moment"), "{}", mail.text());
    let withdraw = local(&mail.link_containing("/withdraw/").expect("a withdrawal link"));

    // The mail opened elsewhere: the browser says English.
    t.get("/?lang=en").await;
    let (status, landing) = t.get(&withdraw).await;
    assert_eq!(status, Status::Ok);
    assert!(landing.contains("<html lang=\"fr\">") && landing.contains("Retirer ma signature"), "{landing}");
    let r = t.submit(&withdraw, &withdraw, &[]).await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_string().await.unwrap_or_default().contains("Votre signature est retirée"));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);

    // A language chosen on the page wins, through the button too.
    sign(&t, &format!("/p/{id}?lang=fr"), id, &signer("Jeanne", "jeanne@example.org")).await;
    let mail = t.smtp.wait_for(2, MAIL_WAIT).await.remove(1);
    let chosen = format!("{}?lang=en", local(&mail.link_containing("/withdraw/").expect("a withdrawal link")));
    let (_, landing) = t.get(&chosen).await;
    assert!(landing.contains("Withdraw my signature"));
    let r = t.submit(&chosen, &chosen, &[]).await;
    assert!(r.into_string().await.unwrap_or_default().contains("Your signature is withdrawn"));
}

#[rocket::async_test]
async fn the_thank_you_link_cancels_that_submission_alone_and_tells_a_stranger_the_same() {
    let t = TestApp::start_with(|s| s.signing.resend_after_minutes = 0).await;
    let id = t.petition().await;
    let page = format!("/p/{id}");

    // Jane signs, and changes her mind before confirming.
    let thanks = sign(&t, &page, id, &signer("Jane", "jane@example.org")).await;
    let cancel = href(&thanks, "/withdraw/").expect("a cancel link on the thank-you page");
    assert!(thanks.contains("Sent by mistake"));
    let confirm = local(&t.smtp.wait_for(1, MAIL_WAIT).await[0].link_containing("/confirm/").expect("a link"));
    let (status, landing) = t.get(&cancel).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1, "opening the link changes nothing");
    let r = t.submit(&cancel, &cancel, &[]).await;
    assert_eq!(r.status(), Status::Ok);
    let cancelled = r.into_string().await.unwrap_or_default();
    assert!(cancelled.contains("No signature waiting for confirmation is held under this link any more"));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);
    let (status, dead) = t.get(&confirm).await;
    assert_eq!(status, Status::NotFound);
    assert!(dead.contains("This confirmation link is not valid"));

    // Bob signs and confirms; a stranger then submits Bob's address.
    sign(&t, &page, id, &signer("Bob", "bob@example.org")).await;
    let bob = local(&t.smtp.wait_for(2, MAIL_WAIT).await[1].link_containing("/confirm/").expect("a link"));
    assert_eq!(t.submit(&bob, &bob, &[]).await.status(), Status::SeeOther);
    t.wait_for_count(id, "<strong>1 signature</strong>").await;
    let thanks = sign(&t, &page, id, &signer("Mallory", "bob@example.org")).await;
    let stranger = href(&thanks, "/withdraw/").expect("a cancel link all the same");
    let (_, stranger_landing) = t.get(&stranger).await;
    assert_eq!(notice(&stranger_landing), notice(&landing), "the same landing page");
    let r = t.submit(&stranger, &stranger, &[]).await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(notice(&r.into_string().await.unwrap_or_default()), notice(&cancelled), "the same answer");
    assert_eq!(
        t.count("SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NOT NULL AND first_name = 'Bob'").await,
        1
    );
    let (_, page_html) = t.get(&page).await;
    assert!(page_html.contains("<strong>1 signature</strong>"));

    // Ann's signature waits; a stranger re-signs her address with other answers (a pending
    // change, mailed to Ann) and cancels: the change goes, Ann's own link still confirms hers.
    sign(&t, &page, id, &signer("Ann", "ann@example.org")).await;
    let ann = local(&t.smtp.wait_for(3, MAIL_WAIT).await[2].link_containing("/confirm/").expect("a link"));
    let thanks = sign(&t, &page, id, &signer("Eve", "ann@example.org")).await;
    assert_eq!(t.count("SELECT COUNT(*) FROM signature_changes").await, 1);
    let eve = href(&thanks, "/withdraw/").expect("a cancel link");
    assert_eq!(t.submit(&eve, &eve, &[]).await.status(), Status::Ok);
    assert_eq!(t.count("SELECT COUNT(*) FROM signature_changes").await, 0);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE first_name = 'Ann'").await, 1);
    let r = t.submit(&ann, &ann, &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(t.get(&common::location(&r)).await.1.contains("Your signature is confirmed"));
    assert_eq!(
        t.count("SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NOT NULL AND first_name = 'Ann'").await,
        1
    );
}

#[rocket::async_test]
async fn a_signer_withdraws_from_a_petition_no_longer_public() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    sign(&t, &format!("/p/{id}"), id, &signer("Jane", "jane@example.org")).await;
    let mail = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let withdraw = local(&mail.link_containing("/withdraw/").expect("a withdrawal link"));
    let db = &t.app().db;
    sea_orm::ConnectionTrait::execute_unprepared(db, &format!("UPDATE petitions SET status = 'draft' WHERE id = {id}"))
        .await
        .expect("back to draft");
    t.app().petitions.forget(id);
    let (status, landing) = t.get(&withdraw).await;
    assert_eq!(status, Status::Ok);
    assert!(landing.contains("The petition is no longer shown to the public"), "{landing}");
    assert!(!landing.contains("Library"), "nothing of the petition shown");
    let r = t.submit(&withdraw, &withdraw, &[]).await;
    assert!(r.into_string().await.unwrap_or_default().contains("Your signature is withdrawn"));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);
}

#[rocket::async_test]
async fn a_signature_made_before_withdrawal_links_has_one_once_confirmed() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let mut row = common::signature(id, "Old", "Timer", "old@example.org");
    row.confirmed_at = sea_orm::Set(None);
    row.confirmation_token_hash = sea_orm::Set(Some(rustition::domain::tokens::hash_token("an-old-link")));
    row.token_expires_at = sea_orm::Set(Some(chrono::Utc::now() + chrono::Duration::hours(1)));
    sea_orm::ActiveModelTrait::insert(row, &t.app().db).await.expect("an old signature");

    let confirm = format!("/p/{id}/confirm/an-old-link");
    let r = t.submit(&confirm, &confirm, &[]).await;
    let (_, confirmed) = t.get(&common::location(&r)).await;
    let withdraw = href(&confirmed, "/withdraw/").expect("a withdrawal link on the confirmed page");
    let r = t.submit(&withdraw, &withdraw, &[]).await;
    assert!(r.into_string().await.unwrap_or_default().contains("Your signature is withdrawn"));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);
}

#[rocket::async_test]
async fn a_tampered_or_unknown_link_gets_a_readable_not_found_and_a_post_needs_its_form() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let thanks = sign(&t, &format!("/p/{id}"), id, &signer("Jane", "jane@example.org")).await;
    let pending = href(&thanks, "/withdraw/").expect("a cancel link");
    let mail = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let own = local(&mail.link_containing("/withdraw/").expect("a withdrawal link"));

    let other = id.0 + 1;
    let tampered = [
        "/withdraw/nonsense".to_string(),
        format!("/withdraw/s{}", "A".repeat(43)),
        format!("/withdraw/s{}", "A".repeat(5000)),
        pending.replacen(&format!("/withdraw/p{id}."), &format!("/withdraw/p{other}."), 1),
        format!("{}{}", &pending[..pending.len() - 1], if pending.ends_with('x') { 'y' } else { 'x' }),
        format!("{own}A"),
        "/withdraw/p1.2.3".to_string(),
    ];
    let (_, landing) = t.get(&own).await;
    let csrf = common::csrf_token(&landing);
    for path in &tampered {
        let (status, html) = t.get(path).await;
        assert_eq!(status, Status::NotFound, "GET {path}");
        assert!(html.contains("No signature is held under this link"), "GET {path}: {html}");
        let r = t.post_form(path, &[("csrf_token", &csrf)]).await;
        assert_eq!(r.status(), Status::NotFound, "POST {path}");
    }

    // Without the form's token, or with a forged one, nothing is withdrawn.
    assert_eq!(t.post_form(&own, &[]).await.status(), Status::Forbidden);
    assert_eq!(t.post_form(&own, &[("csrf_token", "forged")]).await.status(), Status::Forbidden);
    assert_eq!(t.post_form(&pending, &[]).await.status(), Status::Forbidden);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1);
}

#[rocket::async_test]
async fn the_raw_mail_carries_its_links_whole_in_english_and_french() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    sign(&t, &format!("/p/{id}"), id, &signer("Jane", "jane@example.org")).await;
    sign(&t, &format!("/p/{id}?lang=fr"), id, &signer("Zoé", "zoe@example.org")).await;
    for mail in t.smtp.wait_for(2, MAIL_WAIT).await {
        let encoding = mail.header("Content-Transfer-Encoding").unwrap_or_default();
        assert!(encoding == "7bit" || encoding == "8bit", "{encoding}");
        // Read as sent, not decoded: each link is a line of its own.
        let lines: Vec<&str> = mail.data.split("\r\n").collect();
        let prefix = format!("{ORIGIN}/p/{id}/confirm/");
        let confirm = lines.iter().find(|l| l.starts_with(&prefix)).expect("the confirmation link on a line");
        assert_eq!(confirm.len(), prefix.len() + 43, "{confirm}");
        let withdraw = lines.iter().find(|l| l.starts_with(&format!("{ORIGIN}/withdraw/s"))).expect("the link");
        assert_eq!(Some(withdraw.to_string()), mail.link_containing("/withdraw/"), "the same link, whole");
    }
    let french = t.smtp.received().into_iter().find(|m| m.to == ["zoe@example.org"]).expect("Zoé's mail");
    assert_eq!(french.header("Content-Transfer-Encoding").as_deref(), Some("8bit"));
    assert!(french.data.contains("Pour retirer votre signature à tout moment"));
}

#[rocket::async_test]
async fn the_outbox_file_shows_the_links_whole() {
    let t = TestApp::start_with(|s| s.mail.transport = rustition::config::Transport::File).await;
    let id = t.petition().await;
    sign(&t, &format!("/p/{id}?lang=fr"), id, &signer("Zoé", "zoe@example.org")).await;
    mail_settled(&t).await;
    let outbox = t.dir.path().join("outbox");
    let file = std::fs::read_dir(&outbox).expect("the outbox").flatten().next().expect("a mail in the outbox");
    let eml = std::fs::read_to_string(file.path()).expect("a text file");
    let prefix = format!("{ORIGIN}/p/{id}/confirm/");
    let line = eml.lines().find(|l| l.starts_with(&prefix)).expect("the confirmation link on a line");
    assert_eq!(line.trim_end().len(), prefix.len() + 43, "{line}");
    assert!(eml.contains("Pour confirmer votre signature"), "readable as it is");
}
