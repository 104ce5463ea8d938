//! Accounts as an instance admin and organisers meet them: first-run setup, signing in and out
//! (where it leads after, and the forms it protects), and the admin's mail queue page.
use crate::account_life::{path_of, register};
use crate::common;

use common::{TestApp, location};
use rocket::http::{ContentType, Header, Status};
use rustition::mail::queue;

#[rocket::async_test]
async fn the_first_visitor_with_the_logged_token_creates_the_administrator() {
    let t = TestApp::start().await;
    let token = t.app().setup_token.lock().unwrap().clone().expect("a setup token while no account exists");
    assert_eq!(t.get("/setup/not-the-token").await.0, Status::NotFound);
    let page = format!("/setup/{token}");
    let (status, html) = t.get(&page).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Create the administrator account"));

    let r =
        t.submit(&page, &page, &[("username", "Admin!"), ("email", "admin@example.org"), ("password", "short")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("Use only lower-case letters"));
    assert!(html.contains("Use at least 10 characters"));
    assert!(html.contains("value=\"admin@example.org\""), "typed values kept");
    assert!(!html.contains("value=\"short\""), "passwords are never sent back");

    let r = t
        .submit(
            &page,
            &page,
            &[("username", "admin"), ("email", "admin@example.org"), ("password", "a long enough secret")],
        )
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, home) = t.get("/").await;
    assert!(home.contains("Signed in as admin"));
    assert!(home.contains("Your administrator account is ready"));
    let hash: String = {
        use sea_orm::EntityTrait;
        rustition::entities::user::Entity::find().one(&t.app().db).await.unwrap().unwrap().password_hash
    };
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert_eq!(t.get(&page).await.0, Status::NotFound, "the setup page is gone once used");
}

#[rocket::async_test]
async fn a_wrong_password_is_refused_politely_and_guessing_is_slowed_down() {
    let t = TestApp::start().await;
    t.user("maria", false).await;
    let r = t.submit("/login", "/login", &[("login", "maria"), ("password", "not her password")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("This user name or password is not right."));
    assert!(html.contains("value=\"maria\""));
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(t.submit("/login", "/login", &[("login", "maria"), ("password", "guess")]).await.status());
    }
    assert_eq!(statuses.last(), Some(&Status::TooManyRequests), "{statuses:?}");
    let r = t.submit("/login", "/login", &[("login", "maria"), ("password", "maria-password")]).await;
    assert_eq!(r.status(), Status::TooManyRequests, "even the right password waits");
}

#[rocket::async_test]
async fn a_user_signs_in_by_name_or_address_and_out_again() {
    let t = TestApp::start().await;
    t.user("maria", false).await;
    t.login("maria").await;
    let (_, html) = t.get("/").await;
    assert!(html.contains("Signed in as maria"));
    let r = t.submit("/", "/logout", &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, html) = t.get("/").await;
    assert!(!html.contains("Signed in as"));
    assert!(html.contains("You are signed out."));
    assert_eq!(t.count("SELECT COUNT(*) FROM sessions").await, 0, "the session is gone on the server");

    let r = t.submit("/login", "/login", &[("login", "Maria@Example.org"), ("password", "maria-password")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(r.headers().get_one("Location"), Some("/dashboard"), "signed in from the login page: the dashboard");
    // Only paths of this site are followed after login.
    let r = t
        .submit("/login", "/login", &[("login", "maria"), ("password", "maria-password"), ("next", "//evil.example/")])
        .await;
    assert_eq!(r.headers().get_one("Location"), Some("/"));
}

async fn queue_one(t: &TestApp, to: &str) -> i64 {
    let draft = crate::common::test_mail(to);
    queue::enqueue(&t.app().db, draft, chrono::Utc::now()).await.unwrap()
}

#[rocket::async_test]
async fn only_an_instance_admin_sees_the_mail_queue_and_can_retry_or_cancel() {
    let t = TestApp::start_with(|s| s.mail.retry_initial_seconds = 2.0).await;
    t.user("admin", true).await;
    t.user("maria", false).await;

    let r = t.client.get("/admin/mail").dispatch().await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(r.headers().get_one("Location"), Some("/login?next=%2Fadmin%2Fmail"));

    t.login("maria").await;
    assert_eq!(t.get("/admin/mail").await.0, Status::Forbidden);
    t.submit("/", "/logout", &[]).await;

    t.smtp.refuse_next(1, "550 5.1.1 No such user");
    let failed = queue_one(&t, "gone@example.org").await;
    t.app().mail_wake.notify_one();
    wait_for(&t, &format!("SELECT COUNT(*) FROM mail_queue WHERE id = {failed} AND status = 'failed'")).await;

    t.login("admin").await;
    let (status, html) = t.get("/admin/mail").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("gone@example.org") && html.contains("No such user") && html.contains("Failed (1)"));

    // Without the form's token nothing happens.
    let r = t.post_form(&format!("/admin/mail/{failed}/retry"), &[]).await;
    assert_eq!(r.status(), Status::Forbidden);
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM mail_queue WHERE id = {failed} AND status = 'failed'")).await, 1);

    let r = t.submit("/admin/mail", &format!("/admin/mail/{failed}/retry"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let received = t.smtp.wait_for(1, std::time::Duration::from_secs(10)).await;
    assert_eq!(received[0].to, vec!["gone@example.org"]);

    // A job waiting for its next attempt can be cancelled.
    t.smtp.refuse_next(1, "451 4.7.1 Later");
    let later = queue_one(&t, "later@example.org").await;
    t.app().mail_wake.notify_one();
    wait_for(&t, &format!("SELECT COUNT(*) FROM mail_queue WHERE id = {later} AND status = 'queued' AND attempts = 1"))
        .await;
    let r = t.submit("/admin/mail", &format!("/admin/mail/{later}/cancel"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(
        t.count(&format!("SELECT COUNT(*) FROM mail_queue WHERE id = {later} AND status = 'cancelled'")).await,
        1
    );
    assert_eq!(t.smtp.received().len(), 1, "the cancelled mail never left");

    // Both actions are in the audit log, with who did them.
    let (status, log) = t.get("/admin/audit").await;
    assert_eq!(status, Status::Ok);
    assert!(log.contains(">Mail sent again</td>") && log.contains(">Mail cancelled</td>"), "{log}");
    assert!(log.contains(">admin</td>"));
    let (_, only_cancel) = t.get("/admin/audit?action=mail.cancel").await;
    assert!(only_cancel.contains(">Mail cancelled</td>") && !only_cancel.contains(">Mail sent again</td>"));
}

/// Waits until `sql` (a COUNT) is not zero.
async fn wait_for(t: &TestApp, sql: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while t.count(sql).await == 0 {
        assert!(std::time::Instant::now() < deadline, "never true: {sql}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

#[rocket::async_test]
async fn behind_https_the_session_cookie_is_secure_http_only_and_same_site() {
    let t = TestApp::start_with(|s| s.server.public_url = Some("https://petitions.test".into())).await;
    t.user("maria", false).await;
    let r = t.submit("/login", "/login", &[("login", "maria"), ("password", "maria-password")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let cookie =
        r.headers().get("Set-Cookie").find(|c| c.starts_with("session=")).expect("a session cookie").to_string();
    for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    let r = t.client.get("/").dispatch().await;
    assert!(r.headers().get_one("Strict-Transport-Security").is_some());
}

#[rocket::async_test]
async fn any_next_path_after_login_becomes_a_valid_address_of_this_site() {
    let t = TestApp::start().await;
    t.user("maria", false).await;
    for (next, expected) in [
        ("/é", "/%C3%A9"),
        ("/a b", "/a%20b"),
        ("/<x>", "/%3Cx%3E"),
        ("/\t/evil.example", "/%09/evil.example"),
        ("/dashboard?status=draft&q=50%", "/dashboard?status=draft&q=50%25"),
    ] {
        let r =
            t.submit("/login", "/login", &[("login", "maria"), ("password", "maria-password"), ("next", next)]).await;
        assert_eq!(r.status(), Status::SeeOther, "next={next:?}");
        assert_eq!(location(&r), expected, "next={next:?}");
        assert!(rocket::http::uri::Origin::parse(expected).is_ok());
        assert!(r.cookies().get("session").is_some(), "signed in with next={next:?}");
        t.submit("/", "/logout", &[]).await;
    }
}

#[rocket::async_test]
async fn an_invitation_that_is_no_token_never_breaks_activation() {
    let t = TestApp::start().await;
    let (status, _) = register(&t, "/register?invitation=%C3%A9%20%3Cx%3E", "carol", "carol@example.org").await;
    assert_eq!(status, Status::Ok);
    let mail = t.smtp.wait_for(1, std::time::Duration::from_secs(10)).await.remove(0);
    let verify = path_of(&mail.link_containing("/verify/").unwrap());
    let r = t.submit(&verify, &verify, &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), "/dashboard");
    assert!(r.cookies().get("session").is_some());
}

#[rocket::async_test]
async fn a_csrf_token_seen_before_login_or_logout_is_refused_after() {
    let t = TestApp::start().await;
    t.user("maria", false).await;
    let (_, page) = t.get("/login").await;
    let before = common::csrf_token(&page);
    t.login("maria").await;
    let fields =
        |token: &str| vec![("csrf_token", token.to_string()), ("display_name", "M".into()), ("locale", "en".into())];
    let sent = fields(&before);
    let refs: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = t.post_form("/account/profile", &refs).await;
    assert_eq!(r.status(), Status::Forbidden, "the token of the page before login");
    let r = t.submit("/account", "/account/profile", &refs[1..]).await;
    assert_eq!(r.status(), Status::SeeOther, "the token of a page after login");

    let (_, page) = t.get("/").await;
    let signed_in = common::csrf_token(&page);
    assert_ne!(signed_in, before);
    t.submit("/", "/logout", &[]).await;
    let r =
        t.post_form("/login", &[("csrf_token", &signed_in), ("login", "maria"), ("password", "maria-password")]).await;
    assert_eq!(r.status(), Status::Forbidden, "the token of the page before logout");
}

/// POSTs the login form with the page's token and these request headers.
async fn login_with(t: &TestApp, headers: &[(&'static str, &'static str)]) -> Status {
    let (_, page) = t.get("/login").await;
    let body = format!("csrf_token={}&login=maria&password=maria-password", common::encode(&common::csrf_token(&page)));
    let mut request = t.client.post("/login").header(ContentType::Form).body(body);
    for (name, value) in headers {
        request = request.header(Header::new(*name, *value));
    }
    let r = request.dispatch().await;
    let status = r.status();
    if status == Status::Forbidden {
        let html = r.into_string().await.unwrap();
        assert!(html.contains("This form was sent from another site"), "a page that says why: {html}");
    }
    status
}

#[rocket::async_test]
async fn a_form_sent_from_another_site_is_refused_even_with_a_token() {
    let t = TestApp::start().await;
    t.user("maria", false).await;
    assert_eq!(login_with(&t, &[("Origin", "https://evil.example")]).await, Status::Forbidden);
    assert_eq!(login_with(&t, &[("Origin", "http://petitions.test.evil.example")]).await, Status::Forbidden);
    assert_eq!(t.count("SELECT COUNT(*) FROM sessions").await, 0, "no session was opened");
    // `null`: a sandboxed frame, or another site's page that hides where it is.
    assert_eq!(login_with(&t, &[("Origin", "null")]).await, Status::Forbidden);
    assert_eq!(t.count("SELECT COUNT(*) FROM sessions").await, 0, "no session was opened");
    assert_eq!(login_with(&t, &[("Origin", "http://petitions.test")]).await, Status::SeeOther);
    // No header: old browsers, some Tor setups.
    assert_eq!(login_with(&t, &[]).await, Status::SeeOther);
    // In development, the loopback address the instance was opened at.
    let local = [("Host", "127.0.0.1:8000"), ("Origin", "http://127.0.0.1:8000")];
    assert_eq!(login_with(&t, &local).await, Status::SeeOther);
    let other_port = [("Host", "127.0.0.1:8000"), ("Origin", "http://127.0.0.1:9999")];
    assert_eq!(login_with(&t, &other_port).await, Status::Forbidden);
    let not_loopback = [("Host", "evil.example"), ("Origin", "http://evil.example")];
    assert_eq!(login_with(&t, &not_loopback).await, Status::Forbidden);
}
