//! What an operator's monitoring sees: the health and readiness probes, the Prometheus scrape
//! after real signing, and the log as text or JSON, with or without the access lines (the real
//! binary, its standard error read back).
use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::TestApp;
use rocket::http::{Header, Status};
use rustition::mail::queue;
use sea_orm::{ConnectionTrait, Statement};

const TOKEN: &str = "scrape-me-with-this-long-token";
const WAIT: Duration = Duration::from_secs(30);

async fn scrape(t: &TestApp, authorization: Option<&str>) -> (Status, String) {
    let mut request = t.client.get("/metrics");
    if let Some(value) = authorization {
        request = request.header(Header::new("Authorization", value.to_string()));
    }
    let response = request.dispatch().await;
    (response.status(), response.into_string().await.unwrap_or_default())
}

/// The value of the sample `series` (name and labels, exactly as exposed), if exposed.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines().find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.split(' ').next()?.parse().ok())
}

fn value(text: &str, series: &str) -> f64 {
    sample(text, series).unwrap_or_else(|| panic!("{series} is not in the scrape:\n{text}"))
}

#[rocket::async_test]
async fn the_probes_answer_and_readiness_fails_while_due_mail_waits_too_long() {
    let t = TestApp::start_with(|s| {
        s.health.ready_mail_lag_seconds = 60;
        s.metrics.token = Some(TOKEN.into());
    })
    .await;
    for path in ["/healthz", "/readyz"] {
        let r = t.client.get(path).dispatch().await;
        assert_eq!(r.status(), Status::Ok, "{path}");
        assert!(r.headers().get_one("Set-Cookie").is_none(), "{path} sets no cookie");
        assert_eq!(r.into_string().await.unwrap(), "ok");
    }

    // The mail host asked us to slow down (the queue is paused), and a confirmation mail has
    // been due for ten minutes.
    let db = &t.app().db;
    let now = chrono::Utc::now();
    let pause = "UPDATE mail_throttle SET paused_until = $1 WHERE id = 1";
    let pause =
        Statement::from_sql_and_values(db.get_database_backend(), pause, [(now + chrono::Duration::hours(1)).into()]);
    db.execute_raw(pause).await.unwrap();
    let draft = crate::common::test_mail("late@example.org");
    queue::enqueue(db, draft, now - chrono::Duration::minutes(10)).await.unwrap();

    let r = t.client.get("/readyz").dispatch().await;
    assert_eq!(r.status(), Status::ServiceUnavailable);
    let reason = r.into_string().await.unwrap();
    assert!(reason.starts_with("mail queue lag 6") && reason.ends_with("s over 60s"), "{reason}");
    // Alive all the same: restarting the process would not send the mail sooner.
    assert_eq!(t.client.get("/healthz").dispatch().await.status(), Status::Ok);

    let (status, text) = scrape(&t, Some(&format!("Bearer {TOKEN}"))).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(value(&text, "rustition_mail_jobs{status=\"queued\"}"), 1.0);
    assert_eq!(value(&text, "rustition_mail_jobs{status=\"failed\"}"), 0.0);
    let lag = value(&text, "rustition_mail_oldest_due_seconds");
    assert!((600.0..3600.0).contains(&lag), "lag {lag}");

    // The host is back: the mail leaves and the instance is ready again.
    let resume = Statement::from_string(db.get_database_backend(), "UPDATE mail_throttle SET paused_until = NULL");
    db.execute_raw(resume).await.unwrap();
    t.app().mail_wake.notify_one();
    t.smtp.wait_for(1, WAIT).await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while t.client.get("/readyz").dispatch().await.status() != Status::Ok {
        assert!(tokio::time::Instant::now() < deadline, "never ready again");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[rocket::async_test]
async fn metrics_are_absent_without_a_token() {
    let t = TestApp::start().await;
    let (status, _) = scrape(&t, Some("Bearer anything-at-all-goes-here")).await;
    assert_eq!(status, Status::NotFound);
    assert_eq!(scrape(&t, None).await.0, Status::NotFound);
}

#[rocket::async_test]
async fn a_scrape_after_signing_counts_signatures_confirmations_and_requests_by_route() {
    let t = TestApp::start_with(|s| s.metrics.token = Some(TOKEN.into())).await;
    for wrong in [None, Some("Bearer not-the-right-token-at-all"), Some(TOKEN), Some("Basic c2NyYXBlOm1l")] {
        let (status, body) = scrape(&t, wrong).await;
        assert_eq!(status, Status::Unauthorized, "{wrong:?}");
        assert!(!body.contains("rustition_"), "{wrong:?}");
    }

    // Three signers, one of them twice; two confirm from their mail; one mail bounces for good.
    let id = t.petition().await;
    let page = format!("/p/{id}");
    t.smtp.refuse_next(1, "550 5.1.1 No such mailbox here");
    for email in ["gone@example.org", "ada@example.org", "bob@example.org", "ada@example.org"] {
        t.sign(&page, id, &[("first_name", "A"), ("last_name", "B"), ("email", email), ("phone", "")]).await;
    }
    let mails = t.smtp.wait_for(2, WAIT).await;
    let mut tokens = Vec::new();
    for mail in &mails[..2] {
        let link = mail.link_containing("/confirm/").expect("a confirmation link");
        let path = link.trim_start_matches("http://petitions.test").to_string();
        let r = t.submit(&path, &path, &[]).await;
        assert_eq!(r.status(), Status::SeeOther);
        tokens.push(path.rsplit('/').next().unwrap().to_string());
    }
    t.wait_for_count(id, "2 signatures").await;
    assert_eq!(t.get("/no-such-page").await.0, Status::NotFound);

    let deadline = tokio::time::Instant::now() + WAIT;
    let text = loop {
        let (status, text) = scrape(&t, Some(&format!("Bearer {TOKEN}"))).await;
        assert_eq!(status, Status::Ok);
        if sample(&text, "rustition_mail_jobs{status=\"failed\"}") == Some(1.0) {
            break text;
        }
        assert!(tokio::time::Instant::now() < deadline, "the bounce never shows:\n{text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(value(&text, "rustition_signatures_total{outcome=\"mail_queued\"}"), 3.0);
    assert_eq!(value(&text, "rustition_signatures_total{outcome=\"already_mailed\"}"), 1.0);
    assert_eq!(value(&text, "rustition_confirmations_total"), 2.0);
    let sign = "method=\"POST\",route=\"/p/<id>/sign\"";
    assert_eq!(value(&text, &format!("rustition_http_requests_total{{{sign},status=\"303\"}}")), 4.0);
    assert_eq!(value(&text, &format!("rustition_http_request_duration_seconds_count{{{sign}}}")), 4.0);
    let confirm = "method=\"POST\",route=\"/p/<id>/confirm/<token>\",status=\"303\"";
    assert_eq!(value(&text, &format!("rustition_http_requests_total{{{confirm}}}")), 2.0);
    assert_eq!(value(&text, "rustition_http_requests_total{method=\"GET\",route=\"-\",status=\"404\"}"), 1.0);
    assert!(value(&text, "rustition_count_lag_seconds") >= 0.0);
    assert_eq!(value(&text, "rustition_mail_jobs{status=\"sending\"}"), 0.0);
    // Patterns only: no petition id, no token, no path a visitor typed.
    for secret in tokens.iter().map(String::as_str).chain([&*format!("/p/{id}/"), "no-such-page"]) {
        assert!(!text.contains(secret), "{secret} is in the scrape");
    }
    assert!(text.ends_with("# EOF\n"));
}

/// `rustition serve` with `env`, its standard error in `log`; answers `requests` (paths to GET)
/// and stops.
async fn serve_and_log(dir: &Path, env: &[(&str, &str)], requests: &[&str]) -> String {
    let port = common::SmtpServer::reserve_port().await;
    let log_path = dir.join(format!("server-{port}.log"));
    let mut server = Command::new(env!("CARGO_BIN_EXE_rustition"))
        .arg("serve")
        .current_dir(common::repo_root())
        .env("RUSTITION_SERVER__DATA_DIR", dir)
        .env("RUSTITION_DATABASE__URL", common::fresh_database(dir).await)
        .env("RUSTITION_SERVER__PORT", port.to_string())
        .env("RUSTITION_LOG", "info")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .unwrap();
    let browser = common::http::Browser::new(port);
    let deadline = tokio::time::Instant::now() + WAIT;
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(tokio::time::Instant::now() < deadline, "the server never listened on {port}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for path in requests {
        browser.get(path).await;
    }
    // The access line is written as the answer leaves; give the writer a moment.
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.kill().unwrap();
    server.wait().unwrap();
    std::fs::read_to_string(&log_path).unwrap()
}

#[tokio::test]
async fn json_logs_are_one_object_a_line_and_a_404_is_logged_at_info() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("RUSTITION_LOG__FORMAT", "json")];
    let log = serve_and_log(dir.path(), &env, &["/no-such-page", "/p/999999", "/healthz", "/readyz", "/ping"]).await;
    let lines: Vec<serde_json::Value> =
        log.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}"))).collect();
    let requests: Vec<&serde_json::Value> = lines.iter().filter(|l| l["message"] == "request").collect();
    let not_found: Vec<_> = requests.iter().filter(|l| l["status"] == 404).collect();
    assert_eq!(not_found.len(), 2, "{log}");
    for line in not_found {
        assert_eq!(line["level"], "INFO", "{line}");
    }
    assert!(requests.iter().any(|l| l["route"] == "/p/<id>" && l["status"] == 404), "{log}");
    assert!(requests.iter().any(|l| l["route"] == "/ping" && l["status"] == 200), "{log}");
    // Probes are polled every few seconds: no access line for them.
    assert!(!requests.iter().any(|l| l["route"] == "/healthz" || l["route"] == "/readyz"), "{log}");
    assert!(!lines.iter().any(|l| l["level"] == "ERROR"), "{log}");
    assert!(lines.iter().any(|l| l["level"] == "WARN"), "the first-run warning: {log}");
}

#[tokio::test]
async fn without_access_lines_the_log_keeps_its_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("RUSTITION_LOG__ACCESS", "false")];
    let log = serve_and_log(dir.path(), &env, &["/", "/no-such-page", "/ping"]).await;
    assert!(!log.contains("route="), "no access line: {log}");
    // A fresh instance warns that nobody can administer it yet.
    let warning = log.lines().find(|l| l.contains(" WARN ")).unwrap_or_else(|| panic!("a warning: {log}"));
    assert!(warning.contains("No account exists yet"), "{warning}");
    assert!(log.contains("Rustition is serving at"), "{log}");
}

#[test]
fn a_short_or_missing_metrics_token_and_a_zero_lag_are_refused_before_start() {
    let mut s = rustition::config::Settings::default();
    s.metrics.token = Some("short".into());
    s.health.ready_mail_lag_seconds = 0;
    let problems = s.validate().unwrap_err().to_string();
    assert!(problems.contains("[metrics] the token must be at least 16 characters"), "{problems}");
    assert!(problems.contains("[health] ready_mail_lag_seconds"), "{problems}");
    let mut s = rustition::config::Settings::default();
    s.metrics.token_env = Some("RUSTITION_TEST_NO_SUCH_VARIABLE".into());
    let problems = s.validate().unwrap_err().to_string();
    assert!(problems.contains("RUSTITION_TEST_NO_SUCH_VARIABLE"), "{problems}");
    assert!(rustition::config::Settings::default().metrics_token().is_none(), "off by default");
}
