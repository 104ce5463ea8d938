//! An organiser's account from registration to deletion, with every mail read at the SMTP
//! listener as the person would.
use crate::common;

use std::time::Duration;

use common::TestApp;
use rocket::http::Status;
use rustition::domain::challenge::{self, Scope};

const WAIT: Duration = Duration::from_secs(10);

/// Registers through the form, answering the question; returns the page after.
pub(crate) async fn register(t: &TestApp, page: &str, username: &str, email: &str) -> (Status, String) {
    let (_, html) = t.get(page).await;
    let token = common::csrf_token(&html);
    let challenge_token = common::hidden_field(&html, "challenge_token");
    let answer = t.answer_challenge(&html, rustition::domain::challenge::Scope::Registration);
    let invitation_at = html.find("name=\"invitation\" value=\"").unwrap() + 25;
    let invitation = html[invitation_at..].split('"').next().unwrap().to_string();
    let r = t
        .post_form(
            "/register",
            &[
                ("csrf_token", &token),
                ("username", username),
                ("email", email),
                ("password", "my long password"),
                ("challenge_token", &challenge_token),
                ("challenge", &answer),
                ("invitation", &invitation),
            ],
        )
        .await;
    let status = r.status();
    (status, r.into_string().await.unwrap_or_default())
}

pub(crate) fn path_of(link: &str) -> String {
    link.trim_start_matches("http://petitions.test").to_string()
}

#[rocket::async_test]
async fn an_organiser_registers_verifies_changes_everything_and_deletes_the_account() {
    let t = TestApp::start().await;

    // A wrong answer to the question keeps what was typed and asks a new question.
    let (_, html) = t.get("/register").await;
    let token = common::csrf_token(&html);
    let r = t
        .post_form(
            "/register",
            &[
                ("csrf_token", &token),
                ("username", "ana"),
                ("email", "ana@example.org"),
                ("password", "my long password"),
                ("challenge_token", "a made-up token"),
                ("challenge", "999"),
            ],
        )
        .await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("This is not the right answer") && html.contains("value=\"ana@example.org\""));

    // A wrong answer is reported together with the form's other mistakes, as on signing.
    let (_, html) = t.get("/register").await;
    let token = common::csrf_token(&html);
    let fields = [
        ("csrf_token", token.as_str()),
        ("username", "x"),
        ("email", "not an address"),
        ("password", "short"),
        ("challenge_token", "a made-up token"),
        ("challenge", "999"),
    ];
    let r = t.post_form("/register", &fields).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("This is not the right answer"), "the challenge's mistake");
    for field in ["username-error", "email-error", "password-error"] {
        assert!(html.contains(&format!("id=\"{field}\"")), "{field} shown at the same time");
    }

    let (status, html) = register(&t, "/register", "ana", "ana@example.org").await;
    assert_eq!(status, Status::Ok, "{html}");
    assert!(html.contains("Check your mailbox"));

    // Not activated yet: signing in explains why.
    let r = t.submit("/login", "/login", &[("login", "ana"), ("password", "my long password")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap().contains("not activated yet"));

    let mail = t.smtp.wait_for(1, WAIT).await.remove(0);
    assert_eq!(mail.to, vec!["ana@example.org"]);
    let verify = path_of(&mail.link_containing("/verify/").expect("a verification link"));
    let (status, landing) = t.get(&verify).await;
    assert_eq!(status, Status::Ok);
    assert!(landing.contains("Activate my account"), "opening the link activates nothing by itself");
    let r = t.submit(&verify, &verify, &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, dashboard) = t.get("/dashboard").await;
    assert!(dashboard.contains("Signed in as ana") && dashboard.contains("Your address is confirmed"));
    assert_eq!(t.submit(&verify, &verify, &[]).await.status(), Status::NotFound, "a link works once");

    // Password change needs the current password.
    let r = t.change_password("wrong", "a second long password").await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap().contains("This is not your current password."));
    let r = t.change_password("my long password", "a second long password").await;
    assert_eq!(r.status(), Status::SeeOther);

    // Profile: name and language.
    let r = t.submit("/account", "/account/profile", &[("display_name", "Ana Lima"), ("locale", "fr")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, settings) = t.get("/account").await;
    assert!(settings.contains("value=\"Ana Lima\""));

    // A forgotten password, reset by mail; the answer is the same for an unknown address.
    t.submit("/", "/logout", &[]).await;
    let r = t.submit("/password/forgot", "/password/forgot", &[("email", "nobody@example.org")]).await;
    let unknown = r.into_string().await.unwrap();
    let r = t.submit("/password/forgot", "/password/forgot", &[("email", "ANA@example.org")]).await;
    let known = r.into_string().await.unwrap();
    let notice = |html: &str| html[html.find("<main").unwrap()..].to_string();
    assert_eq!(notice(&unknown), notice(&known), "the page does not tell who has an account");
    let mail = t.smtp.wait_for(2, WAIT).await.remove(1);
    assert!(
        mail.header("Subject").unwrap().contains("nouveau mot de passe")
            || mail.header("Subject").unwrap().starts_with("=?utf-8?"),
        "in the account's language"
    );
    let reset = path_of(&mail.link_containing("/password/reset/").unwrap());
    let r = t.submit(&reset, &reset, &[("password", "short")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let r = t.submit(&reset, &reset, &[("password", "a third long password")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    t.submit("/login", "/login", &[("login", "ana"), ("password", "a third long password")]).await;
    let (_, home) = t.get("/").await;
    assert!(home.contains("ana"), "signed in with the new password");

    // A new address, confirmed from a mail sent to it.
    let r = t.submit("/account", "/account/email", &[("email", "ana@new.example.org")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    // Two mails leave at once, in either order: the link to the new address, a notice to the old.
    let mails = t.smtp.wait_for(4, WAIT).await.split_off(2);
    assert!(mails.iter().any(|m| m.to == vec!["ana@example.org"]), "the old address is told");
    let mail = mails.into_iter().find(|m| m.to == vec!["ana@new.example.org"]).expect("a mail to the new address");
    let change = path_of(&mail.link_containing("/account/email/").unwrap());
    assert_eq!(t.submit(&change, &change, &[]).await.status(), Status::SeeOther);
    let (_, settings) = t.get("/account").await;
    assert!(settings.contains("ana@new.example.org"));

    // Deletion, with the password; then nothing is left.
    let r = t.submit("/account/delete", "/account/delete", &[("password", "wrong")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let r = t.submit("/account/delete", "/account/delete", &[("password", "a third long password")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.count("SELECT COUNT(*) FROM users").await, 0);
    assert_eq!(t.count("SELECT COUNT(*) FROM sessions").await, 0);
}

#[rocket::async_test]
async fn registration_refuses_taken_names_reserved_names_and_can_be_closed() {
    let t = TestApp::start().await;
    t.user("taken", false).await;
    let (status, html) = register(&t, "/register", "taken", "other@example.org").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("This user name is already taken."));
    // A taken address is not told (see account_security); no second account is made with it.
    let (status, html) = register(&t, "/register", "newone", "TAKEN@example.org").await;
    assert_eq!(status, Status::Ok);
    assert!(!html.contains("An account already uses this email address."));
    assert_eq!(t.count("SELECT COUNT(*) FROM users").await, 1);

    let closed = TestApp::start_with(|s| s.accounts.registration = false).await;
    assert_eq!(closed.get("/register").await.0, Status::NotFound);
}

#[rocket::async_test]
async fn an_invitation_by_address_leads_a_newcomer_through_registration_into_the_organisation() {
    let t = TestApp::start().await;
    t.user("alice", false).await;
    t.login("alice").await;
    let r = t
        .new_organisation(&[
            ("name", "Friends of the Park"),
            ("slug", "friends"),
            ("website", "https://friends.example"),
        ])
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    let r = t.invite("friends", "carol@example.org").await;
    assert_eq!(r.status(), Status::SeeOther);
    let mail = t.smtp.wait_for(1, WAIT).await.remove(0);
    assert_eq!(mail.to, vec!["carol@example.org"]);
    assert!(mail.text().contains("Friends of the Park"));
    let invitation = path_of(&mail.link_containing("/invitations/").unwrap());
    t.submit("/", "/logout", &[]).await;

    let (status, html) = t.get(&invitation).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("create one"));
    let token = invitation.trim_start_matches("/invitations/");
    let (status, _) = register(&t, &format!("/register?invitation={token}"), "carol", "carol@example.org").await;
    assert_eq!(status, Status::Ok);
    let mail = t.smtp.wait_for(2, WAIT).await.remove(1);
    let verify = path_of(&mail.link_containing("/verify/").unwrap());
    let r = t.submit(&verify, &verify, &[]).await;
    assert_eq!(r.headers().get_one("Location"), Some(invitation.as_str()), "back to the invitation after activation");
    let r = t.submit(&invitation, &format!("{invitation}/accept"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, members) = t.get("/dashboard/o/friends/members").await;
    assert!(members.contains("carol") && members.contains("alice"));
    let (_, public) = t.get("/o/friends").await;
    assert!(public.contains("Friends of the Park") && public.contains("href=\"https://friends.example\""));
}

#[rocket::async_test]
async fn an_instance_can_ask_for_letters_in_a_picture_instead() {
    let t = TestApp::start_with(|s| s.accounts.challenge = rustition::config::Challenge::Image).await;
    let (_, html) = t.get("/register").await;
    let src_at = html.find("src=\"/challenge/").expect("a challenge picture") + 5;
    let src = html[src_at..].split('"').next().unwrap().to_string();
    let r = t.client.get(src.clone()).dispatch().await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.content_type(), Some(rocket::http::ContentType::PNG));
    assert!(r.into_bytes().await.unwrap().starts_with(b"\x89PNG"));
    let again = t.client.get(src.clone()).dispatch().await.status();
    assert_eq!(again, Status::NotFound, "a picture is shown once: new noise on each download could be averaged away");
    let challenge_token = common::hidden_field(&html, "challenge_token");
    assert_eq!(src, format!("/challenge/{challenge_token}"));
    let token = common::csrf_token(&html);
    let fields = |answer: String, challenge_token: String| {
        vec![
            ("csrf_token", token.clone()),
            ("username", "pic".into()),
            ("email", "pic@example.org".into()),
            ("password", "my long password".into()),
            ("challenge_token", challenge_token),
            ("challenge", answer),
        ]
    };
    let sent = fields("nope".into(), challenge_token.clone());
    let refs: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(t.post_form("/register", &refs).await.status(), Status::UnprocessableEntity);

    // The right letters, whatever their case, are accepted. The test cannot read the picture:
    // it asks the server's own function what the letters are.
    let (_, html) = t.get("/register").await;
    let challenge_token = common::hidden_field(&html, "challenge_token");
    let key = t.app().bot_defence.key();
    let letters = challenge::expected(key, Scope::Registration, &challenge_token, chrono::Utc::now()).expect("letters");
    assert_eq!(letters.len(), 5);
    let sent = fields(letters.to_uppercase(), challenge_token.clone());
    let refs: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(t.post_form("/register", &refs).await.status(), Status::Ok);
    assert_eq!(t.count("SELECT COUNT(*) FROM users WHERE username = 'pic'").await, 1);
}

#[rocket::async_test]
async fn an_account_address_is_kept_in_its_one_written_form_and_an_ip_literal_is_refused() {
    let t = TestApp::start().await;
    let (status, html) = register(&t, "/register", "ines", "\"ines\"@Example.ORG").await;
    assert_eq!(status, Status::Ok, "{html}");
    let mail = t.smtp.wait_for(1, WAIT).await;
    assert_eq!(mail[0].to, vec!["ines@example.org"], "the mail goes to the written form");
    // The same mailbox written another way is the same account: no second one is made.
    let (status, _) = register(&t, "/register", "ines2", "ines@EXAMPLE.org").await;
    assert_eq!(status, Status::Ok);
    assert_eq!(t.count("SELECT COUNT(*) FROM users WHERE email = 'ines@example.org'").await, 1);
    assert_eq!(t.count("SELECT COUNT(*) FROM users").await, 1);

    let (status, html) = register(&t, "/register", "literal", "jane@[127.0.0.1]").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("not a server’s IP address"), "{html}");
}
