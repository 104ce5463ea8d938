//! What an account holder is protected from: sessions that outlive a password, pages and mails
//! that tell who has an account, changes of address made behind their back, and links that fail
//! only after the form is filled in.
use crate::account_life::{path_of, register};
use crate::common;

use std::time::Duration;

use common::{TestApp, location};
use rocket::http::{Cookie, Status};

const WAIT: Duration = Duration::from_secs(10);

/// Signs in through the form; returns the new session's token, as the browser keeps it.
async fn sign_in(t: &TestApp, username: &str) -> String {
    let password = format!("{username}-password");
    let r = t.submit("/login", "/login", &[("login", username), ("password", &password)]).await;
    assert_eq!(r.status(), Status::SeeOther, "login as {username}");
    r.cookies().get("session").expect("a session cookie").value().to_string()
}

/// True when a browser holding the session `token` (another device) is still signed in.
async fn signed_in_with(t: &TestApp, token: &str) -> bool {
    let r = t.client.get("/account").cookie(Cookie::new("session", token.to_string())).dispatch().await;
    r.status() == Status::Ok
}

/// The page without its CSRF token, the one part that differs from visitor to visitor.
fn without_token(html: &str) -> String {
    match html.contains("name=\"csrf_token\" value=\"") {
        true => html.replace(&common::csrf_token(html), ""),
        false => html.to_string(),
    }
}

/// The mail sent to `to` among `mails`.
fn mail_to<'a>(mails: &'a [common::smtp::Received], to: &str) -> Vec<&'a common::smtp::Received> {
    mails.iter().filter(|m| m.to == vec![to.to_string()]).collect()
}

/// Asks for a reset link for `address`; returns its path once the mail is in (the `n`th mail).
async fn reset_link(t: &TestApp, address: &str, n: usize) -> String {
    let r = t.submit("/password/forgot", "/password/forgot", &[("email", address)]).await;
    assert_eq!(r.status(), Status::Ok);
    let mail = t.smtp.wait_for(n, WAIT).await.remove(n - 1);
    path_of(&mail.link_containing("/password/reset/").expect("a reset link"))
}

#[rocket::async_test]
async fn changing_the_password_ends_every_other_session_but_this_one() {
    let t = TestApp::start().await;
    t.user("maria", false).await;
    let phone = sign_in(&t, "maria").await;
    let laptop = sign_in(&t, "maria").await;
    assert!(signed_in_with(&t, &phone).await && signed_in_with(&t, &laptop).await);

    let r = t.change_password("maria-password", "a new long password").await;
    assert_eq!(r.status(), Status::SeeOther);
    let (status, html) = t.get("/account").await;
    assert_eq!(status, Status::Ok, "the browser that changed it stays signed in");
    assert!(html.contains("Your password is changed."));
    assert!(!signed_in_with(&t, &phone).await, "the other device is signed out");
    assert!(signed_in_with(&t, &laptop).await);
}

#[rocket::async_test]
async fn a_password_reset_ends_every_session_and_cancels_a_pending_address_change() {
    let t = TestApp::start().await;
    t.user("maria", false).await;
    let thief = sign_in(&t, "maria").await;
    // Whoever holds that session asks to move the account to their own address…
    let r = t.submit("/account", "/account/email", &[("email", "thief@example.net")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let mails = t.smtp.wait_for(2, WAIT).await;
    let change = path_of(&mail_to(&mails, "thief@example.net")[0].link_containing("/account/email/").unwrap());
    let own = sign_in(&t, "maria").await;

    // …and the owner, warned at the old address, takes the account back.
    let reset = reset_link(&t, "maria@example.org", 3).await;
    let r = t.submit(&reset, &reset, &[("password", "a new long password")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(!signed_in_with(&t, &thief).await && !signed_in_with(&t, &own).await, "every session ended");
    let r = t.submit(&change, &change, &[]).await;
    assert_eq!(r.status(), Status::NotFound, "the address change was cancelled");
    assert!(r.into_string().await.unwrap().contains("This link is not valid"));
    let r = t.submit("/login", "/login", &[("login", "maria@example.org"), ("password", "a new long password")]).await;
    assert_eq!(r.status(), Status::SeeOther, "the address is still the owner's");
}

#[rocket::async_test]
async fn registering_with_a_taken_address_looks_the_same_and_mails_its_owner() {
    let t = TestApp::start().await;
    t.user("maria", false).await;
    let (fresh_status, fresh) = register(&t, "/register", "newone", "fresh@example.org").await;
    let (taken_status, taken) = register(&t, "/register", "another", "MARIA@example.org").await;
    assert_eq!(fresh_status, Status::Ok);
    assert_eq!(taken_status, fresh_status);
    assert_eq!(without_token(&taken), without_token(&fresh), "the page does not tell who has an account");
    assert!(taken.contains("Check your mailbox"));
    assert_eq!(t.count("SELECT COUNT(*) FROM users").await, 2, "no second account with the address");

    let mails = t.smtp.wait_for(2, WAIT).await;
    assert!(mail_to(&mails, "fresh@example.org")[0].link_containing("/verify/").is_some());
    let notice = mail_to(&mails, "maria@example.org")[0];
    assert!(notice.link_containing("/verify/").is_none(), "no link that would make an account");
    assert_eq!(notice.link_containing("/login").as_deref(), Some("http://petitions.test/login"));
    assert_eq!(notice.link_containing("/password/forgot").as_deref(), Some("http://petitions.test/password/forgot"));
    assert!(notice.text().contains("tried to create an account on this site with this email address"));

    // Other mistakes are shown as for any address, the address itself never.
    let (_, html) = t.get("/register").await;
    let r = t
        .post_form(
            "/register",
            &[
                ("csrf_token", &common::csrf_token(&html)),
                ("username", "third"),
                ("email", "maria@example.org"),
                ("password", "short"),
                ("challenge_token", &common::hidden_field(&html, "challenge_token")),
                ("challenge", &t.answer_challenge(&html, rustition::domain::challenge::Scope::Registration)),
            ],
        )
        .await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("Use at least 10 characters") && !html.contains("An account already uses"));
}

#[rocket::async_test]
async fn changing_to_a_taken_address_looks_the_same_and_the_old_address_is_told() {
    let t = TestApp::start().await;
    t.user("ana", false).await;
    t.user("bob", false).await;
    t.login("ana").await;
    let r = t.submit("/account", "/account/profile", &[("display_name", "Ana"), ("locale", "fr")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    t.get("/account?lang=en").await;

    let mut answers = Vec::new();
    for address in ["fresh@example.org", "BOB@example.org"] {
        let r = t.submit("/account", "/account/email", &[("email", address)]).await;
        let (status, to) = (r.status(), location(&r));
        let (_, page) = t.get(&to).await;
        answers.push((status, to, without_token(&page)));
    }
    assert_eq!(answers[0].0, Status::SeeOther);
    assert_eq!(answers[0], answers[1], "the answer does not tell who has an account");
    assert!(answers[1].2.contains("A message was sent to the new address."));

    let mails = t.smtp.wait_for(4, WAIT).await;
    assert!(mail_to(&mails, "fresh@example.org")[0].link_containing("/account/email/").is_some());
    let notice = mail_to(&mails, "bob@example.org")[0];
    assert!(notice.link_containing("/account/email/").is_none(), "the owner gets a notice, not a link");
    assert!(notice.text().contains("It is already the address of your account"), "{}", notice.text());
    // The old address hears of each request, in its owner's language, without the new address.
    let old = mail_to(&mails, "ana@example.org");
    assert_eq!(old.len(), 2);
    for (masked, full) in [("f***@e***.org", "fresh@example.org"), ("B***@e***.org", "bob@")] {
        let mail = old
            .iter()
            .find(|m| m.text().contains(masked))
            .unwrap_or_else(|| panic!("a notice naming {masked}: {}", old[0].text()));
        let text = mail.text();
        assert!(!text.to_lowercase().contains(full), "{text}");
        assert!(text.contains("Si ce n’était pas vous"), "in French: {text}");
        assert_eq!(mail.link_containing("/password/forgot").as_deref(), Some("http://petitions.test/password/forgot"));
    }

    // One's own address is no change.
    let r = t.submit("/account", "/account/email", &[("email", "Ana@example.org")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap().contains("This is already the address of your account."));
}

#[rocket::async_test]
async fn a_used_or_expired_reset_link_says_so_when_opened() {
    let t = TestApp::start().await;
    t.user("maria", false).await;
    let reset = reset_link(&t, "maria@example.org", 1).await;
    let (status, html) = t.get(&reset).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Save my new password"));
    assert_eq!(t.submit(&reset, &reset, &[("password", "a new long password")]).await.status(), Status::SeeOther);

    let gone = |html: &str| {
        html.contains("This link no longer works")
            && html.contains("<a href=\"/password/forgot\">Ask for a new link</a>")
            && !html.contains("Save my new password")
    };
    let (status, html) = t.get(&reset).await;
    assert_eq!(status, Status::Gone, "a used link");
    assert!(gone(&html), "{html}");

    let reset = reset_link(&t, "maria@example.org", 2).await;
    {
        use rustition::entities::email_token;
        use sea_orm::{EntityTrait, sea_query::Expr};
        let past = chrono::Utc::now() - chrono::Duration::minutes(1);
        email_token::Entity::update_many()
            .col_expr(email_token::Column::ExpiresAt, Expr::value(past))
            .exec(&t.app().db)
            .await
            .unwrap();
    }
    let (status, html) = t.get(&reset).await;
    assert_eq!(status, Status::Gone, "an expired link");
    assert!(gone(&html));
    let token = common::csrf_token(&t.get("/login").await.1);
    let r = t.post_form(&reset, &[("csrf_token", &token), ("password", "a third long password")]).await;
    assert_eq!(r.status(), Status::Gone, "sent anyway, the same answer");
    assert!(gone(&r.into_string().await.unwrap()));
}
