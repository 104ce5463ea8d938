//! The signer's path, told as signers live it: read, sign, get the mail, confirm, be counted.
use crate::common;

use std::time::Duration;

use common::TestApp;
use rocket::http::{ContentType, Header, Status};
use rustition::domain::petition::petitions::FieldRule;

const MAIL_WAIT: Duration = Duration::from_secs(10);

fn good_signer<'a>() -> Vec<(&'a str, &'a str)> {
    vec![("first_name", "Jane"), ("last_name", "Doe"), ("email", "jane.doe@example.org"), ("phone", "")]
}

#[rocket::async_test]
async fn a_visitor_reads_the_petition_in_english_and_french_with_no_script_and_a_strict_csp() {
    let t = TestApp::start().await;
    let id = t.petition().await;

    let response = t.client.get("/o/org-library/library").dispatch().await;
    assert_eq!(response.status(), Status::Ok);
    let csp = response.headers().get_one("Content-Security-Policy").expect("a CSP header").to_string();
    let html = response.into_string().await.unwrap();
    assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"), "CSP: {csp}");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Save the &lt;Old&gt; Library &amp; Park"), "title escaped");
    assert!(html.contains("<strong>keep</strong>"), "Markdown rendered");
    assert!(!html.to_lowercase().contains("<script"), "no script anywhere, even from the petition text");
    common::assert_same_origin_only(&html, "http://petitions.test");
    assert!(html.contains(&format!("action=\"/p/{id}/sign\"")));
    assert!(html.contains("First name") && html.contains("Sign this petition"));

    let (status, fr) = t.get_lang(&format!("/p/{id}"), "fr-FR,fr;q=0.9,en;q=0.5").await;
    assert_eq!(status, Status::Ok);
    assert!(fr.contains("<html lang=\"fr\">"));
    assert!(fr.contains("Signer cette pétition") && fr.contains("Prénom"));

    // Choosing a language with ?lang= sticks for the next pages.
    let (_, chosen) = t.get(&format!("/p/{id}?lang=fr")).await;
    assert!(chosen.contains("<html lang=\"fr\">"));
    let (_, next) = t.get("/").await;
    assert!(next.contains("<html lang=\"fr\">") && next.contains("Pétitions"));
}

#[rocket::async_test]
async fn a_signer_signs_gets_the_mail_confirms_on_the_landing_page_and_is_counted() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let page = format!("/p/{id}");
    let response = t.submit(&page, &format!("/p/{id}/sign"), &good_signer()).await;
    assert_eq!(response.status(), Status::SeeOther);
    let thanks = response.headers().get_one("Location").unwrap().to_string();
    let (status, html) = t.get(&thanks).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("We have sent you an email"));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NULL").await, 1);

    let mail = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    assert_eq!(mail.to, vec!["jane.doe@example.org"]);
    assert!(mail.header("Subject").unwrap().contains("Please confirm your signature"));
    assert!(mail.text().contains("Save the <Old> Library & Park"), "the mail names the petition");
    assert!(mail.header("Message-ID").is_some());
    let link = mail.link_containing("/confirm/").expect("a confirmation link");
    let prefix = format!("http://petitions.test/p/{id}/confirm/");
    assert!(link.starts_with(&prefix), "link {link}");
    let path = link.trim_start_matches("http://petitions.test").to_string();

    // Opening the link (as a mail scanner would) confirms nothing.
    let (status, landing) = t.get(&path).await;
    assert_eq!(status, Status::Ok);
    assert!(landing.contains("Confirm my signature"));
    let (_, again) = t.get(&path).await;
    assert!(again.contains("Confirm my signature"));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NOT NULL").await, 0);

    // POST, redirect, GET: the confirmation answers 303 to a page saying it is done, which a
    // reload only shows again.
    let response = t.submit(&path, &path, &[]).await;
    assert_eq!(response.status(), Status::SeeOther);
    assert_eq!(common::location(&response), format!("/p/{id}/confirmed"));
    let (status, done) = t.get(&format!("/p/{id}/confirmed")).await;
    assert_eq!(status, Status::Ok);
    assert!(done.contains("<h1>Signature confirmed</h1>"), "{done}");
    assert!(done.contains("Your signature is confirmed"));
    assert!(done.contains("Next step: ask others to sign"), "the next step: sharing");
    assert!(done.contains("href=\"/withdraw/"), "the withdrawal link, for the browser that confirmed");
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NOT NULL").await, 1);
    t.wait_for_count(id, "1 signature").await;
    let (status, reloaded) = t.get(&format!("/p/{id}/confirmed")).await;
    assert_eq!((status, reloaded.contains("<h1>Signature confirmed</h1>")), (Status::Ok, true));

    // A second confirmation (a double click, the form submitted again) is harmless.
    let response = t.post_form(&path, &[("csrf_token", &common::csrf_token(&landing))]).await;
    assert_eq!(response.status(), Status::SeeOther);
    assert_eq!(common::location(&response), format!("/p/{id}/confirmed"));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NOT NULL").await, 1);
    t.wait_for_count(id, "1 signature").await;
    let (_, landing) = t.get(&path).await;
    assert!(landing.contains("already confirmed"), "the mailed link, opened again, says so");
}

#[rocket::async_test]
async fn a_french_signer_gets_the_mail_in_french() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let page = format!("/p/{id}?lang=fr");
    let response = t.submit(&page, &format!("/p/{id}/sign"), &good_signer()).await;
    assert_eq!(response.status(), Status::SeeOther);
    let mail = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let subject = mail.header("Subject").unwrap();
    assert!(subject.contains("=?utf-8?") || subject.contains("Merci"), "subject {subject}");
    assert!(mail.text().contains("Pour confirmer votre signature"), "body: {}", mail.text());
}

#[rocket::async_test]
async fn each_bad_field_comes_back_with_its_message_next_to_it_and_the_typed_values() {
    let t = TestApp::start().await;
    let id = t.petition_with("strict", FieldRule::Optional).await;
    let long = "x".repeat(101);
    // (what, fields sent, field in error, message shown next to it)
    type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        (
            "empty first name",
            vec![("first_name", "  "), ("last_name", "Doe"), ("email", "a@example.org")],
            "first_name",
            "This field is required.",
        ),
        (
            "too long last name",
            vec![("first_name", "Ann"), ("last_name", &long), ("email", "a@example.org")],
            "last_name",
            "This is too long.",
        ),
        (
            "invalid email",
            vec![("first_name", "Ann"), ("last_name", "Doe"), ("email", "ann@@example")],
            "email",
            "not a valid email address",
        ),
        (
            "empty email",
            vec![("first_name", "Ann"), ("last_name", "Doe"), ("email", "")],
            "email",
            "This field is required.",
        ),
        (
            "invalid phone",
            vec![("first_name", "Ann"), ("last_name", "Doe"), ("email", "a@example.org"), ("phone", "call me")],
            "phone",
            "not a valid phone number",
        ),
        (
            "control character",
            vec![("first_name", "Ann\u{7}"), ("last_name", "Doe"), ("email", "a@example.org")],
            "first_name",
            "characters that are not allowed",
        ),
    ];
    for (what, fields, field, message) in cases {
        let response = t.submit(&format!("/p/{id}"), &format!("/p/{id}/sign"), &fields).await;
        assert_eq!(response.status(), Status::UnprocessableEntity, "{what}");
        let html = response.into_string().await.unwrap();
        let error_at =
            html.find(&format!("id=\"{field}-error\"")).unwrap_or_else(|| panic!("{what}: no error for {field}"));
        let input_at = html.find(&format!("<input id=\"{field}\"")).unwrap();
        assert!(html[error_at..input_at].contains(message), "{what}: message next to the field");
        assert!(html.contains(&format!("aria-describedby=\"{field}-error\"")), "{what}: error tied to its input");
        assert!(html.contains("error-summary"), "{what}: summary at the top");
        for (name, value) in &fields {
            if *name != field && !value.is_empty() {
                assert!(html.contains(&format!("value=\"{value}\"")), "{what}: {name} kept");
            }
        }
    }
    // French too.
    let response = t.submit(&format!("/p/{id}?lang=fr"), &format!("/p/{id}/sign"), &[("email", "")]).await;
    assert_eq!(response.status(), Status::UnprocessableEntity);
    assert!(response.into_string().await.unwrap().contains("Ce champ est obligatoire."));

    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0, "nothing stored");
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue").await, 0, "no mail queued");
}

#[rocket::async_test]
async fn malformed_oversized_or_forged_requests_get_a_4xx_and_store_nothing() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let (_, html) = t.get(&format!("/p/{id}")).await;
    let token = common::csrf_token(&html);
    let sign = format!("/p/{id}/sign");

    let big = format!("csrf_token={token}&first_name={}", "a".repeat(1024 * 1024));
    let r = t.client.post(sign.clone()).header(ContentType::Form).body(big).dispatch().await;
    assert_eq!(r.status(), Status::PayloadTooLarge);
    assert!(r.into_string().await.unwrap().contains("too large"));

    let mut raw = format!("csrf_token={token}&first_name=").into_bytes();
    raw.extend_from_slice(&[0xff, 0xfe, 0xfd]);
    let r = t.client.post(sign.clone()).header(ContentType::Form).body(raw).dispatch().await;
    assert_eq!(r.status(), Status::BadRequest);

    let r = t
        .client
        .post(sign.clone())
        .header(ContentType::Form)
        .body(format!("csrf_token={token}&email=%FF%FE"))
        .dispatch()
        .await;
    assert_eq!(r.status(), Status::BadRequest, "percent-encoded bytes that are not UTF-8");

    let r = t.client.post(sign.clone()).header(ContentType::JSON).body("{}").dispatch().await;
    assert_eq!(r.status(), Status::UnsupportedMediaType);

    let mut fields = good_signer();
    let r = t.post_form(&sign, &fields).await;
    assert_eq!(r.status(), Status::Forbidden, "no CSRF token");
    fields.push(("csrf_token", "forged"));
    let r = t.post_form(&sign, &fields).await;
    assert_eq!(r.status(), Status::Forbidden, "a forged CSRF token");
    assert!(r.into_string().await.unwrap().contains("This form has expired"));

    assert_eq!(t.get("/p/not-a-number").await.0, Status::NotFound);
    assert_eq!(t.get("/p/99999").await.0, Status::NotFound);
    assert_eq!(t.get("/o/nobody/nothing").await.0, Status::NotFound);
    let r =
        t.client.post("/p/99999/sign").header(ContentType::Form).body(format!("csrf_token={token}")).dispatch().await;
    assert_eq!(r.status(), Status::NotFound);

    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);
}

#[rocket::async_test]
async fn signing_again_with_the_same_address_keeps_one_signature_and_reveals_nothing() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let (page, action) = (format!("/p/{id}"), format!("/p/{id}/sign"));
    let first = t.submit(&page, &action, &good_signer()).await;
    assert_eq!(first.status(), Status::SeeOther);
    let again = vec![("first_name", "Janet"), ("last_name", "Doe"), ("email", "Jane.Doe@Example.org")];
    let second = t.submit(&page, &action, &again).await;
    assert_eq!(second.status(), Status::SeeOther);
    // Within the hour: no second mail, and the signer is told one went already. The first
    // signer's details stay (see `abuse::` for a re-signing after the hour).
    assert_eq!(common::location(&second), format!("/p/{id}/thanks?mailed=earlier"));
    let (_, thanks) = t.get(&common::location(&second)).await;
    assert!(thanks.contains("was already sent to this address"), "{thanks}");
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE first_name = 'Jane'").await, 1, "first details kept");
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue").await, 1, "no second mail within the hour");

    let mail = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let path = mail.link_containing("/confirm/").unwrap().trim_start_matches("http://petitions.test").to_string();
    assert_eq!(t.submit(&path, &path, &[]).await.status(), Status::SeeOther);

    // Once confirmed, signing again changes nothing and looks the same to whoever tries.
    let third = t.submit(&page, &action, &good_signer()).await;
    assert_eq!(third.status(), Status::SeeOther);
    assert_eq!(third.headers().get_one("Location"), Some(format!("/p/{id}/thanks").as_str()));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1);
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue").await, 1);
}

#[rocket::async_test]
async fn a_wrong_or_expired_link_explains_itself_and_confirms_nothing() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let wrong = format!("/p/{id}/confirm/not-a-real-token");
    let (status, html) = t.get(&wrong).await;
    assert_eq!(status, Status::NotFound);
    assert!(html.contains("This confirmation link is not valid"));

    t.submit(&format!("/p/{id}"), &format!("/p/{id}/sign"), &good_signer()).await;
    let mail = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let path = mail.link_containing("/confirm/").unwrap().trim_start_matches("http://petitions.test").to_string();
    // The link of another petition does not confirm this one.
    let other = t.petition_with("other", FieldRule::Off).await;
    let elsewhere = path.replace(&format!("/p/{id}/"), &format!("/p/{other}/"));
    assert_eq!(t.get(&elsewhere).await.0, Status::NotFound);

    let past = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    let db = &t.app().db;
    use rustition::entities::signature;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    signature::Entity::update_many()
        .col_expr(
            signature::Column::TokenExpiresAt,
            Expr::value(chrono::DateTime::parse_from_rfc3339(&past).unwrap().to_utc()),
        )
        .filter(signature::Column::PetitionId.eq(id.0))
        .exec(db)
        .await
        .unwrap();
    let (status, html) = t.get(&path).await;
    assert_eq!(status, Status::Gone);
    assert!(html.contains("has expired"));
    // The way to a new link: signing again (the form mails one), or the signer's own page.
    assert!(html.contains("href=\"/o/org-library/library#sign\">Sign again to get a new link</a>"), "{html}");
    assert!(html.contains("href=\"/my-signatures\""), "{html}");
    let (_, landing) = t.get(&format!("/p/{id}")).await;
    let token = common::csrf_token(&landing);
    let r = t.post_form(&path, &[("csrf_token", &token)]).await;
    assert_eq!(r.status(), Status::Gone);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NOT NULL").await, 0);
}

#[rocket::async_test]
async fn a_bot_filling_the_hidden_field_is_thanked_and_ignored() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let mut fields = good_signer();
    fields.push(("website", "http://spam.example"));
    let r = t.submit(&format!("/p/{id}"), &format!("/p/{id}/sign"), &fields).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);
}

#[rocket::async_test]
async fn fields_a_petition_does_not_ask_for_are_not_shown_nor_stored() {
    let t = TestApp::start().await;
    let id = t.petition_with("nophone", FieldRule::Off).await;
    let (_, html) = t.get(&format!("/p/{id}")).await;
    assert!(!html.contains("id=\"phone\""));
    let mut fields = good_signer();
    fields.retain(|(k, _)| *k != "phone");
    fields.push(("phone", "+33 1 23 45 67 89"));
    let r = t.submit(&format!("/p/{id}"), &format!("/p/{id}/sign"), &fields).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE phone IS NULL").await, 1);
}

#[rocket::async_test]
async fn health_check_answers_when_the_database_does() {
    let t = TestApp::start().await;
    let r = t.client.get("/healthz").header(Header::new("Accept", "text/plain")).dispatch().await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.into_string().await.unwrap(), "ok");
}

#[rocket::async_test]
async fn a_fresh_install_without_smtp_writes_the_mail_to_the_outbox() {
    let t = TestApp::start_with(|s| s.mail.transport = rustition::config::Transport::File).await;
    let id = t.petition().await;
    let r = t.submit(&format!("/p/{id}"), &format!("/p/{id}/sign"), &good_signer()).await;
    assert_eq!(r.status(), Status::SeeOther);
    let outbox = t.dir.path().join("outbox");
    let deadline = std::time::Instant::now() + MAIL_WAIT;
    let mail = loop {
        let found =
            std::fs::read_dir(&outbox).unwrap().flatten().find(|e| e.path().extension().is_some_and(|x| x == "eml"));
        if let Some(entry) = found {
            break std::fs::read_to_string(entry.path()).unwrap();
        }
        assert!(std::time::Instant::now() < deadline, "no .eml file in {}", outbox.display());
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(mail.contains("To: jane.doe@example.org"));
    assert!(mail.contains("Message-ID: <") && mail.contains("@localhost>"));
    assert!(mail.contains("/confirm/"));
}

#[rocket::async_test]
async fn signatures_never_confirmed_are_deleted_after_the_retention_period() {
    // The server's own batch purges with a year's retention, so that only the call below (30
    // days) can delete the backdated signature: a batch run in between (at start, or after a
    // lapse of the lead on a loaded machine) made the count below 0.
    let t = TestApp::start_with(|s| s.signing.unconfirmed_retention_days = 365).await;
    let id = t.petition().await;
    t.submit(&format!("/p/{id}"), &format!("/p/{id}/sign"), &good_signer()).await;
    let mut other = good_signer();
    other[2] = ("email", "recent@example.org");
    t.submit(&format!("/p/{id}"), &format!("/p/{id}/sign"), &other).await;
    let db = &t.app().db;
    use rustition::entities::signature;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    signature::Entity::update_many()
        .col_expr(signature::Column::CreatedAt, Expr::value(chrono::Utc::now() - chrono::Duration::days(31)))
        .filter(signature::Column::Email.eq("jane.doe@example.org"))
        .exec(db)
        .await
        .unwrap();
    let deleted = rustition::domain::signature::counting::purge_unconfirmed(db, chrono::Utc::now(), 30).await.unwrap();
    assert_eq!(deleted, 1);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE email = 'recent@example.org'").await, 1);
}

/// Signers pressing the button in the same instant are written together (group commit). Each
/// gets the thanks page, each address is stored once with one mail, and every link works.
#[rocket::async_test]
async fn a_crowd_signing_and_confirming_at_once_is_stored_once_each_and_counted() {
    use rocket::futures::future::join_all;
    let t = TestApp::start().await;
    let id = t.petition().await;
    let (_, html) = t.get(&format!("/p/{id}")).await;
    let token = common::csrf_token(&html);
    let action = format!("/p/{id}/sign");
    let addresses: Vec<String> = (0..25).map(|i| format!("crowd{i}@example.org")).collect();
    // Everyone submits twice at once, so an address can come twice in one group.
    let (t, token, action) = (&t, &token, &action);
    let posts = addresses.iter().chain(&addresses).map(|email| async move {
        let fields =
            [("csrf_token", token.as_str()), ("first_name", "Crowd"), ("last_name", "Member"), ("email", email)];
        t.post_form(action, &fields).await
    });
    let mut earlier = 0;
    for r in join_all(posts).await {
        assert_eq!(r.status(), Status::SeeOther);
        let to = common::location(&r);
        earlier += usize::from(to.ends_with("?mailed=earlier"));
        assert!(to.starts_with(&format!("/p/{id}/thanks")), "{to}");
    }
    assert_eq!(earlier, 25, "the second submission of each is told a mail went already");
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 25);
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue").await, 25, "one mail per address");

    let mails = t.smtp.wait_for(25, MAIL_WAIT).await;
    let links: Vec<String> = mails
        .iter()
        .map(|m| {
            m.link_containing("/confirm/").expect("a link").trim_start_matches("http://petitions.test").to_string()
        })
        .collect();
    // Each link pressed twice at once: one press confirms, the other finds it done; both lead
    // to the confirmed page.
    let presses = links
        .iter()
        .chain(&links)
        .map(|path| async move { t.post_form(path, &[("csrf_token", token.as_str())]).await });
    for r in join_all(presses).await {
        assert_eq!(r.status(), Status::SeeOther);
        assert_eq!(common::location(&r), format!("/p/{id}/confirmed"));
    }
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NOT NULL").await, 25);
    t.wait_for_count(id, "25 signatures").await;
}

#[rocket::async_test]
async fn an_address_written_another_way_is_the_same_signer_and_an_ip_address_gets_an_answer_beside_the_field() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let (page, sign) = (format!("/p/{id}"), format!("/p/{id}/sign"));
    let r = t.submit(&page, &sign, &[("first_name", "Jane"), ("last_name", "Doe"), ("email", "dup@example.org")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    // Quotes that change nothing, and the domain in capitals: the same mailbox.
    let r =
        t.submit(&page, &sign, &[("first_name", "Jane"), ("last_name", "Doe"), ("email", "\"dup\"@Example.ORG")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {id}")).await, 1, "one signer");
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE email = 'dup@example.org'").await, 1, "written one way");
    assert_eq!(t.smtp.wait_for(1, MAIL_WAIT).await[0].to, vec!["dup@example.org"]);

    // An address at an IP address would never be delivered: said beside the field, in French too.
    for (lang, message) in [
        ("en", "Give an address with a domain name, like name@example.org, not a server’s IP address."),
        ("fr", "Indiquez une adresse avec un nom de domaine, comme nom@exemple.org, pas l’adresse IP d’un serveur."),
    ] {
        let r = t
            .submit(&format!("{page}?lang={lang}"), &sign, &[("first_name", "Jo"), ("email", "dup@[127.0.0.1]")])
            .await;
        assert_eq!(r.status(), Status::UnprocessableEntity);
        let html = r.into_string().await.unwrap_or_default();
        assert!(html.contains(&format!("<p class=\"field-error\" id=\"email-error\">{message}</p>")), "{html}");
        assert!(html.contains("aria-describedby=\"email-error\""));
        assert!(html.contains("value=\"dup@[127.0.0.1]\""), "what was typed is kept");
    }
    // Quotes around what needs them (a space) are refused rather than mishandled by mailers.
    let r = t.submit(&format!("{page}?lang=en"), &sign, &[("email", "\"two words\"@example.org")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap_or_default().contains("without quotation marks or spaces"));
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {id}")).await, 1);
}
