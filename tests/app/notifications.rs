//! What happens after a signature, outside the signer's request (issue 17): a petition's
//! confirmed newsletter opt-ins passed on to its organisation (POSTed to an allow-listed URL
//! with sealed credentials, or mailed to a list address), and the organisers' own mails (a
//! milestone or the goal reached, a digest of new signatures), each to the members who asked.
use crate::common;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::TestApp;
use rocket::http::Status;
use rustition::domain::ids::{PetitionId, UserId};
use rustition::domain::permissions::Flag;
use rustition::domain::petition::content::Content;
use rustition::domain::petition::petitions::OwnerId;
use rustition::entities::signature;
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, Set};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::dashboard_permissions::member;

const WAIT: Duration = Duration::from_secs(15);
const TOKEN: &str = "tok-7f3a9c-very-secret";

/// A tiny HTTP endpoint on 127.0.0.1, standing for a mailing-list service: it keeps every
/// request it reads (head and body) and answers each with the next status of its script (200
/// once the script is done).
#[derive(Clone)]
struct Hook {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Hook {
    async fn start(script: &[u16]) -> Hook {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the hook");
        let port = listener.local_addr().expect("an address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(script.iter().copied().collect::<VecDeque<u16>>()));
        let kept = requests.clone();
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let request = read_request(&mut stream).await;
                let status = script.lock().unwrap().pop_front().unwrap_or(200);
                kept.lock().unwrap().push(request);
                let answer = format!("HTTP/1.1 {status} Status\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                let _ = stream.write_all(answer.as_bytes()).await;
                let _ = stream.shutdown().await;
            }
        });
        Hook { port, requests }
    }

    fn url(&self, host: &str) -> String {
        format!("http://{host}:{}/subscribe", self.port)
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    async fn wait_for(&self, n: usize) -> Vec<String> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let got = self.requests();
            if got.len() >= n {
                return got;
            }
            assert!(tokio::time::Instant::now() < deadline, "expected {n} POSTs at the hook, got {}", got.len());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// The head and the body of one request (by its Content-Length, at most 64 KiB).
async fn read_request(stream: &mut tokio::net::TcpStream) -> String {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let text = String::from_utf8_lossy(&data).to_string();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_string()))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            if body.len() >= length {
                return text;
            }
        }
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return String::from_utf8_lossy(&data).to_string(),
            Ok(n) if data.len() < 65536 => data.extend_from_slice(&buf[..n]),
            Ok(_) => return String::from_utf8_lossy(&data).to_string(),
        }
    }
}

async fn start() -> TestApp {
    TestApp::start_with(|s| {
        s.notifications.interval_ms = 50;
        s.notifications.digest_interval_seconds = 0;
        s.notifications.retry_initial_seconds = 0.1;
        s.notifications.retry_max_seconds = 0.5;
    })
    .await
}

fn content(goal: i64) -> Content {
    let mut c =
        Content { title: "Trees for the square".into(), text: "Plant them.".into(), goal, ..Default::default() };
    c.mail.newsletter_label = "Send me the association's newsletter".into();
    c
}

/// An admin (who keeps the allow-list) owning a petition that offers the newsletter box.
async fn admin_with_petition(t: &TestApp) -> PetitionId {
    let alice = t.user("alice", true).await;
    t.login("alice").await;
    let (status, html) = t.save_settings(&[("newsletter_hosts", "127.0.0.1")]).await;
    assert_eq!(status, Status::SeeOther, "{html}");
    t.petition_of(OwnerId::User(alice), "trees", content(1000)).await
}

async fn sign(t: &TestApp, id: PetitionId, first: &str, email: &str, newsletter: bool) {
    let mut fields = vec![("first_name", first), ("last_name", "Doe"), ("email", email)];
    if newsletter {
        fields.push(("newsletter", "true"));
    }
    t.sign(&format!("/p/{id}"), id, &fields).await;
}

/// The first mail to `to`, once it arrived.
async fn mail_to(t: &TestApp, to: &str) -> common::smtp::Received {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Some(m) = t.smtp.received().into_iter().find(|m| m.to == [to]) {
            return m;
        }
        assert!(tokio::time::Instant::now() < deadline, "no mail to {to}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Confirms through the mailed link, as the signer does.
async fn confirm(t: &TestApp, email: &str) {
    let mail = mail_to(t, email).await;
    let path =
        mail.link_containing("/confirm/").expect("a link").trim_start_matches("http://petitions.test").to_string();
    t.confirm(&path).await;
}

fn forwarding(kind: &str, address: &str, url: &str, auth: &str, secret: &str) -> Vec<(&'static str, String)> {
    vec![
        ("forward_kind", kind.into()),
        ("forward_address", address.into()),
        ("forward_url", url.into()),
        ("forward_format", "json".into()),
        ("forward_auth", auth.into()),
        ("forward_username", String::new()),
        ("forward_secret", secret.into()),
    ]
}

async fn configure(t: &TestApp, id: PetitionId, fields: &[(&'static str, String)]) -> (Status, String) {
    let page = format!("/dashboard/petitions/{id}/notifications");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = t.submit(&page, &format!("/dashboard/petitions/{id}/newsletter"), &fields).await;
    (r.status(), r.into_string().await.unwrap_or_default())
}

/// Every file of the SQLite database (with its write-ahead log) holds no copy of `secret`.
fn assert_not_in_database_files(t: &TestApp, secret: &str) {
    for name in ["test.db", "test.db-wal"] {
        let path = t.dir.path().join(name);
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let found = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
        assert!(!found, "{} holds the secret in clear", path.display());
    }
}

#[rocket::async_test]
async fn a_confirmed_opt_in_is_posted_with_its_token_only_after_confirmation_and_the_token_is_sealed() {
    let t = start().await;
    let hook = Hook::start(&[]).await;
    let id = admin_with_petition(&t).await;
    let page = format!("/dashboard/petitions/{id}/notifications");
    let (status, html) = t.get(&format!("/dashboard/petitions/{id}")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains(&page), "the petition's page links its notifications");
    let (_, html) = t.get(&page).await;
    assert!(html.contains("Newsletter forwarding") && html.contains("Hosts this site allows: 127.0.0.1"), "{html}");

    // Hosts the admin did not allow are refused beside the field, with what was typed kept.
    for url in [hook.url("localhost"), "https://lists.evil.example/subscribe".to_string()] {
        let (status, html) = configure(&t, id, &forwarding("http", "", &url, "bearer", TOKEN)).await;
        assert_eq!(status, Status::UnprocessableEntity, "{url}");
        assert!(html.contains("This site does not allow sending subscribers to this host."), "{html}");
        assert!(html.contains(&format!("value=\"{url}\"")), "the URL is kept");
        assert!(!html.contains(TOKEN), "a typed secret is never shown again");
    }
    assert_eq!(t.count("SELECT COUNT(*) FROM newsletter_forwarding").await, 0);

    let (status, html) = configure(&t, id, &forwarding("http", "", &hook.url("127.0.0.1"), "bearer", TOKEN)).await;
    assert_eq!(status, Status::SeeOther, "{html}");
    let (_, html) = t.get(&page).await;
    assert!(html.contains("Credentials are stored (encrypted)") && !html.contains(TOKEN));

    // Jane ticks the box but does not confirm; Bob confirms without the box; Carol does both.
    sign(&t, id, "Jane", "jane@example.org", true).await;
    sign(&t, id, "Bob", "bob@example.org", false).await;
    confirm(&t, "bob@example.org").await;
    sign(&t, id, "Carol", "carol@example.org", true).await;
    confirm(&t, "carol@example.org").await;

    let first = hook.wait_for(1).await.remove(0);
    let lower = first.to_ascii_lowercase();
    assert!(first.starts_with("POST /subscribe HTTP/1.1"), "{first}");
    assert!(first.contains(&format!("Bearer {TOKEN}")) && lower.contains("authorization: bearer"), "{first}");
    assert!(lower.contains("content-type: application/json"), "{first}");
    let body: serde_json::Value =
        serde_json::from_str(first.split_once("\r\n\r\n").expect("a body").1).expect("a JSON body");
    assert_eq!(body["email"], "carol@example.org");
    assert_eq!(body["name"], "Carol Doe");
    assert_eq!(body["petition"], "Trees for the square");
    assert!(body["time"].as_str().is_some_and(|t| t.ends_with('Z')), "{body}");
    // Only Carol's was passed on: Jane has not confirmed, Bob did not tick the box.
    assert_eq!(t.count("SELECT COUNT(*) FROM newsletter_deliveries").await, 1);

    confirm(&t, "jane@example.org").await;
    let all = hook.wait_for(2).await;
    assert!(all[1].contains("jane@example.org"), "{}", all[1]);
    assert!(all.iter().all(|r| !r.contains("bob@example.org")));

    // At rest the token is sealed: neither the row nor any file of the database holds it.
    let sealed =
        t.count(&format!("SELECT COUNT(*) FROM newsletter_forwarding WHERE secret_sealed LIKE '%{TOKEN}%'")).await;
    assert_eq!(sealed, 0);
    assert_eq!(t.count("SELECT COUNT(*) FROM newsletter_forwarding WHERE secret_sealed IS NOT NULL").await, 1);
    if t.app().db.get_database_backend() == DbBackend::Sqlite {
        let db = &t.app().db;
        db.execute_unprepared("PRAGMA wal_checkpoint(FULL)").await.expect("checkpoint");
        assert_not_in_database_files(&t, TOKEN);
    }
}

#[rocket::async_test]
async fn a_post_that_fails_is_retried_until_the_service_takes_it() {
    let t = start().await;
    let hook = Hook::start(&[503, 500]).await;
    let id = admin_with_petition(&t).await;
    let (status, _) = configure(&t, id, &forwarding("http", "", &hook.url("127.0.0.1"), "none", "")).await;
    assert_eq!(status, Status::SeeOther);
    sign(&t, id, "Carol", "carol@example.org", true).await;
    confirm(&t, "carol@example.org").await;
    let all = hook.wait_for(3).await;
    assert!(all.iter().all(|r| r.contains("carol@example.org")));
    assert!(!all[0].to_ascii_lowercase().contains("authorization:"), "no credentials configured, none sent");
    let deadline = tokio::time::Instant::now() + WAIT;
    while t.count("SELECT COUNT(*) FROM newsletter_deliveries WHERE status = 'sent' AND attempts = 3").await != 1 {
        assert!(tokio::time::Instant::now() < deadline, "the delivery is marked sent after three attempts");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(hook.requests().len(), 3, "nothing sent after it was taken");
}

#[rocket::async_test]
async fn confirmed_subscribers_can_be_mailed_to_a_list_address_instead() {
    let t = start().await;
    let id = admin_with_petition(&t).await;
    let (status, html) = configure(&t, id, &forwarding("mail", "not an address", "", "none", "")).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("This is not a valid email address"), "{html}");
    let (status, _) = configure(&t, id, &forwarding("mail", "members@lists.example.org", "", "none", "")).await;
    assert_eq!(status, Status::SeeOther);

    sign(&t, id, "Carol", "carol@example.org", true).await;
    confirm(&t, "carol@example.org").await;
    let mail = mail_to(&t, "members@lists.example.org").await;
    assert_eq!(mail.header("Subject").as_deref(), Some("New newsletter subscriber: carol@example.org"));
    let text = mail.text();
    assert!(text.contains("carol@example.org") && text.contains("Carol Doe"), "{text}");
    assert!(text.contains("Trees for the square"), "{text}");
}

#[rocket::async_test]
async fn only_members_who_may_read_the_signatures_and_modify_the_petition_configure_forwarding() {
    let t = start().await;
    let alice = t.user("alice", false).await;
    let carl = t.user("carl", false).await;
    let friends = t.organisation("friends", "Friends", alice).await;
    member(&t, friends, carl, &[Flag::ModifyPetitions]).await;
    let id = t.petition_of(OwnerId::Organisation(friends), "trees", content(100)).await;
    t.login("carl").await;
    let page = format!("/dashboard/petitions/{id}/notifications");
    let (status, html) = t.get(&page).await;
    assert_eq!(status, Status::Ok, "any member chooses their own notifications");
    assert!(html.contains("My notifications for this petition") && !html.contains("forward_kind"));
    let (status, _) = configure(&t, id, &forwarding("mail", "members@lists.example.org", "", "none", "")).await;
    assert_eq!(status, Status::Forbidden);
    assert_eq!(t.count("SELECT COUNT(*) FROM newsletter_forwarding").await, 0);
}

/// Confirmed signatures of `id`, written at once (as a crowd's group commit would), confirmed at `at`.
async fn confirmed(t: &TestApp, id: PetitionId, from: usize, n: usize, at: chrono::DateTime<chrono::Utc>) {
    let rows = (from..from + n).map(|i| {
        let mut s = common::signature(id, "Sam", "Signer", &format!("signer{i}@example.org"));
        s.confirmed_at = Set(Some(at));
        s
    });
    signature::Entity::insert_many(rows).exec_without_returning(&t.app().db).await.expect("insert signatures");
}

/// Alice founds an organisation with Bob as a member; its petition has a goal of `goal`.
async fn organisers(t: &TestApp, goal: i64) -> (PetitionId, UserId) {
    let alice = t.user("alice", false).await;
    let bob = t.user("bob", false).await;
    let friends = t.organisation("friends", "Friends", alice).await;
    member(t, friends, bob, &[]).await;
    (t.petition_of(OwnerId::Organisation(friends), "trees", content(goal)).await, bob)
}

async fn choose(t: &TestApp, id: PetitionId, who: &str, choices: &[&[(&str, &str)]]) {
    t.login(who).await;
    let page = format!("/dashboard/petitions/{id}/notifications");
    for fields in choices {
        let r = t.submit(&page, &page, fields).await;
        assert_eq!(r.status(), Status::SeeOther);
    }
    t.submit("/", "/logout", &[]).await;
}

async fn queued_for(t: &TestApp, recipient: &str, subject_like: &str) -> i64 {
    t.count(&format!(
        "SELECT COUNT(*) FROM mail_queue WHERE recipient = '{recipient}' AND subject LIKE '{subject_like}'"
    ))
    .await
}

#[rocket::async_test]
async fn milestone_and_goal_mails_go_once_to_members_who_want_them_and_not_to_one_who_turned_them_off() {
    let t = start().await;
    let (id, _) = organisers(&t, 3).await;
    choose(&t, id, "alice", &[&[("milestones", "true")]]).await;
    // Bob turned them on, then off again.
    choose(&t, id, "bob", &[&[("milestones", "true"), ("digest", "true")], &[]]).await;
    t.login("bob").await;
    let (_, html) = t.get(&format!("/dashboard/petitions/{id}/notifications")).await;
    assert!(!html.contains("checked"), "both boxes are off for Bob");

    confirmed(&t, id, 0, 3, chrono::Utc::now()).await;
    let goal = mail_to(&t, "alice@example.org").await;
    // The subject as queued (the header is encoded, being beyond ASCII).
    assert_eq!(queued_for(&t, "alice@example.org", "“Trees for the square” reached its goal").await, 1);
    assert!(goal.text().contains("has just reached its goal of 3 signatures"), "{}", goal.text());
    assert!(goal.text().contains("/dashboard/petitions/"), "a link to turn them off");

    confirmed(&t, id, 3, 97, chrono::Utc::now()).await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while queued_for(&t, "alice@example.org", "%reached 100 signatures").await == 0 {
        assert!(tokio::time::Instant::now() < deadline, "the 100 milestone is mailed");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Each once, to Alice only, though the job ran many times since.
    assert_eq!(queued_for(&t, "alice@example.org", "%reached its goal").await, 1);
    assert_eq!(queued_for(&t, "alice@example.org", "%reached 100 signatures").await, 1);
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue WHERE recipient = 'bob@example.org'").await, 0);
    let recorded = t.count(&format!("SELECT COUNT(*) FROM petition_milestones WHERE petition_id = {id}")).await;
    assert_eq!(recorded, 2);
}

#[rocket::async_test]
async fn a_digest_counts_the_signatures_since_the_last_one_for_members_who_want_it() {
    let t = start().await;
    let (id, _) = organisers(&t, 1000).await;
    choose(&t, id, "alice", &[&[("digest", "true")]]).await;
    choose(&t, id, "bob", &[&[("digest", "true")], &[("milestones", "true")]]).await;

    confirmed(&t, id, 0, 2, chrono::Utc::now()).await;
    let digest = mail_to(&t, "alice@example.org").await;
    assert_eq!(queued_for(&t, "alice@example.org", "“Trees for the square”: 2 new signatures").await, 1);
    assert!(digest.text().contains("received 2 new confirmed signatures since the last digest"), "{}", digest.text());

    confirmed(&t, id, 2, 1, chrono::Utc::now()).await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while queued_for(&t, "alice@example.org", "%: 1 new signature").await == 0 {
        assert!(tokio::time::Instant::now() < deadline, "the next digest counts only the new one");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(queued_for(&t, "alice@example.org", "%new signature%").await, 2, "no digest without new signatures");
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue WHERE recipient = 'bob@example.org'").await, 0);
}
