//! What the server writes to its log, read as an operator would: the real binary, with
//! `RUSTITION_LOG=trace`, on a real port. Links in mails and cookies carry secrets; none of them
//! may reach a log line, at any level.
use crate::common;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A browser over plain HTTP/1.1: one connection per request, cookies kept.
struct Browser {
    port: u16,
    cookies: HashMap<String, String>,
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

impl Browser {
    fn send(&mut self, method: &str, path: &str, form: &[(&str, &str)]) -> Answer {
        let body = form.iter().map(|(k, v)| format!("{}={}", common::encode(k), common::encode(v))).collect::<Vec<_>>();
        let body = body.join("&");
        let cookies = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n", self.port);
        if !cookies.is_empty() {
            request.push_str(&format!("Cookie: {cookies}\r\n"));
        }
        if method == "POST" {
            request.push_str(&format!(
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        request.push_str("\r\n");
        request.push_str(&body);
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect to the server");
        stream.write_all(request.as_bytes()).expect("send the request");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read the answer");
        let raw = String::from_utf8_lossy(&raw).to_string();
        let (head, body) = raw.split_once("\r\n\r\n").expect("headers and body");
        let mut lines = head.split("\r\n");
        let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("a status");
        let headers: Vec<(String, String)> =
            lines.filter_map(|l| l.split_once(": ")).map(|(n, v)| (n.to_string(), v.to_string())).collect();
        for (_, value) in headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("set-cookie")) {
            let pair = value.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
        let chunked = headers.iter().any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
        let body = if chunked { dechunk(body) } else { body.to_string() };
        Answer { status, headers, body }
    }

    fn get(&mut self, path: &str) -> Answer {
        self.send("GET", path, &[])
    }

    /// GETs `page`, then POSTs `fields` to `action` with the page's CSRF token.
    fn submit(&mut self, page: &str, action: &str, fields: &[(&str, &str)]) -> Answer {
        let html = self.get(page).body;
        let token = common::csrf_token(&html);
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.send("POST", action, &all)
    }
}

fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}

/// The path of the first link containing `needle` in a mail written to the outbox, once it is.
fn link_in_outbox(dir: &Path, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        for entry in std::fs::read_dir(dir.join("outbox")).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            // Quoted-printable: soft line breaks may cut a link.
            let text = text.replace("=\r\n", "").replace("=\n", "");
            if let Some(link) = text.split_whitespace().find(|w| w.starts_with("http") && w.contains(needle)) {
                let after_host = link.splitn(4, '/').nth(3).unwrap_or_default();
                return format!("/{after_host}");
            }
        }
        assert!(Instant::now() < deadline, "no mail with {needle} in the outbox");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn command(dir: &Path, db: &str, port: u16) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rustition"));
    c.current_dir(common::repo_root())
        .env("RUSTITION_SERVER__DATA_DIR", dir)
        .env("RUSTITION_DATABASE__URL", db)
        .env("RUSTITION_SERVER__PORT", port.to_string())
        .env("RUSTITION_MAIL__POLL_INTERVAL_MS", "50")
        .env("RUSTITION_LOG", "trace");
    c
}

#[tokio::test]
async fn no_token_or_query_reaches_the_log_even_at_trace_level() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    let port = common::SmtpServer::reserve_port().await;
    let mut admin = command(dir.path(), &db, port)
        .args(["admin", "create", "--username", "ana", "--email", "ana@example.org"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    admin.stdin.take().unwrap().write_all(b"a long enough secret\n").unwrap();
    assert!(admin.wait().unwrap().success());
    let demo = command(dir.path(), &db, port).arg("demo").stderr(Stdio::null()).output().unwrap();
    let petition = String::from_utf8_lossy(&demo.stdout).lines().last().unwrap().to_string();
    let petition = petition.trim_start_matches(&format!("http://127.0.0.1:{port}")).to_string();

    let log_path = dir.path().join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut server = command(dir.path(), &db, port).arg("serve").stdout(Stdio::null()).stderr(log).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the server never listened on {port}");
        std::thread::sleep(Duration::from_millis(100));
    }

    let mut browser = Browser { port, cookies: HashMap::new() };
    // A reset link, opened and used.
    let r = browser.submit("/password/forgot", "/password/forgot", &[("email", "ana@example.org")]);
    assert_eq!(r.status, 200);
    let reset = link_in_outbox(dir.path(), "/password/reset/");
    assert_eq!(browser.get(&reset).status, 200);
    assert_eq!(browser.submit(&reset, &reset, &[("password", "a new long secret")]).status, 303);
    // Signing in, with a query the log must not show either.
    let fields = [("login", "ana"), ("password", "a new long secret"), ("next", "/account?q=query-secret")];
    let r = browser.submit("/login?next=%2Fquery-secret-too", "/login", &fields);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("Location"), Some("/account?q=query-secret"));
    assert_eq!(browser.get("/account?lang=en&filter=query-secret").status, 200);
    // A signature, confirmed from its mail.
    let id = petition_id(&browser.get(&petition).body);
    let signer = [("first_name", "Léa"), ("last_name", "Martin"), ("email", "lea@example.org")];
    let r = browser.submit(&petition, &format!("/p/{id}/sign"), &signer);
    assert!(r.status == 303 || r.status == 200, "signed: {} {}", r.status, r.body);
    let confirm = link_in_outbox(dir.path(), "/confirm/");
    assert_eq!(browser.get(&confirm).status, 200);
    assert_eq!(browser.submit(&confirm, &confirm, &[]).status, 303);
    assert_eq!(browser.get(&format!("/p/{id}/confirm/made-up-token-secret")).status, 404);

    std::thread::sleep(Duration::from_millis(300));
    server.kill().unwrap();
    server.wait().unwrap();
    let log = std::fs::read_to_string(&log_path).unwrap();
    // Each request is logged, by its route's pattern.
    for route in ["route=/password/reset/<token>", "route=/p/<id>/confirm/<token>", "route=/login?<next>"] {
        assert!(log.contains(route), "{route} in the log: {log}");
    }
    let secrets = [
        ("the reset token", reset.rsplit('/').next().unwrap().to_string()),
        ("the confirmation token", confirm.rsplit('/').next().unwrap().to_string()),
        ("a made-up token", "made-up-token-secret".to_string()),
        ("the session", browser.cookies["session"].clone()),
        ("the CSRF secret", browser.cookies["csrf"].clone()),
        ("a query", "query-secret".to_string()),
    ];
    for (what, secret) in secrets {
        assert!(!secret.is_empty());
        let line = log.lines().find(|l| l.contains(&secret));
        assert!(line.is_none(), "{what} is in the log: {line:?}");
    }
}

/// The petition's id, from its signing form.
fn petition_id(html: &str) -> String {
    let at = html.find("action=\"/p/").expect("a signing form") + "action=\"/p/".len();
    html[at..].split('/').next().unwrap_or_default().to_string()
}
