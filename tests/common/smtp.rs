//! A real SMTP listener on 127.0.0.1 for tests: it speaks enough SMTP for lettre, keeps every
//! message it accepts, and can be told to refuse the next messages with a given reply.
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// Headers and body as sent (CRLF line ends, transfer-encoded).
    pub data: String,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next()?;
        let prefix = format!("{}:", name.to_ascii_lowercase());
        head.split("\r\n")
            .find(|line| line.to_ascii_lowercase().starts_with(&prefix))
            .map(|line| line[prefix.len()..].trim().to_string())
    }

    /// The body, with quoted-printable decoded.
    pub fn text(&self) -> String {
        let body = self.data.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
        let qp = self.header("Content-Transfer-Encoding").is_some_and(|h| h.eq_ignore_ascii_case("quoted-printable"));
        if qp { decode_qp(body) } else { body.to_string() }
    }

    /// The first URL in the body containing `needle`.
    pub fn link_containing(&self, needle: &str) -> Option<String> {
        self.text().split_whitespace().find(|w| w.starts_with("http") && w.contains(needle)).map(str::to_string)
    }
}

fn decode_qp(body: &str) -> String {
    let joined = body.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match hex.map(|h| u8::from_str_radix(h, 16)) {
            Some(Ok(b)) if bytes[i] == b'=' => {
                out.push(b);
                i += 3;
            }
            _ => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What the listener does at the end of a message's DATA instead of accepting it.
#[derive(Debug, Clone)]
enum Action {
    Reply(String),
    /// Close the connection without answering.
    Drop,
    /// Never answer (the client times out).
    Hang,
}

#[derive(Default)]
struct Shared {
    received: Vec<Received>,
    /// One action per coming message; accepted normally once empty.
    script: VecDeque<Action>,
}

#[derive(Clone)]
pub struct SmtpServer {
    pub port: u16,
    shared: Arc<Mutex<Shared>>,
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        SmtpServer::start_on(0).await
    }

    /// A port nobody listens on yet: the mail host is "down" until `start_on(port)`.
    pub async fn reserve_port() -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        listener.local_addr().expect("local addr").port()
    }

    pub async fn start_on(port: u16) -> SmtpServer {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("bind test SMTP listener");
        let port = listener.local_addr().expect("local addr").port();
        let shared = Arc::new(Mutex::new(Shared::default()));
        let accept_shared = shared.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, accept_shared.clone()));
            }
        });
        SmtpServer { port, shared }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The next `n` messages are answered with `reply` (e.g. "451 4.7.1 Try later").
    pub fn refuse_next(&self, n: usize, reply: &str) {
        self.script(n, Action::Reply(reply.to_string()));
    }

    /// The connection is closed at the end of the next `n` messages, without an answer.
    pub fn drop_next(&self, n: usize) {
        self.script(n, Action::Drop);
    }

    /// The next `n` messages never get an answer.
    pub fn hang_next(&self, n: usize) {
        self.script(n, Action::Hang);
    }

    fn script(&self, n: usize, action: Action) {
        let mut shared = self.shared.lock().unwrap();
        for _ in 0..n {
            shared.script.push_back(action.clone());
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.lock().unwrap().received.clone()
    }

    /// Waits until at least `n` messages arrived (panics after `timeout`).
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let received = self.received();
            if received.len() >= n {
                return received;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "expected {n} mails at the SMTP listener within {timeout:?}, got {}",
                received.len()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

async fn session(stream: TcpStream, shared: Arc<Mutex<Shared>>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    let _ = write.write_all(b"220 rustition-test ESMTP\r\n").await;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        match lines.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let upper = line.to_ascii_uppercase();
        let reply: String = if upper.starts_with("EHLO") {
            "250-rustition-test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n".into()
        } else if upper.starts_with("HELO") || upper.starts_with("RSET") || upper.starts_with("NOOP") {
            "250 OK\r\n".into()
        } else if upper.starts_with("MAIL FROM:") {
            from = line[10..].trim().to_string();
            to.clear();
            "250 OK\r\n".into()
        } else if upper.starts_with("RCPT TO:") {
            to.push(line[8..].trim().trim_matches(['<', '>']).to_string());
            "250 OK\r\n".into()
        } else if upper.starts_with("DATA") {
            let _ = write.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await;
            let mut data = String::new();
            loop {
                line.clear();
                match lines.read_line(&mut line).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                if line == ".\r\n" {
                    break;
                }
                data.push_str(line.strip_prefix('.').filter(|_| line.starts_with("..")).unwrap_or(&line));
            }
            let action = {
                let mut shared = shared.lock().unwrap();
                let action = shared.script.pop_front();
                if action.is_none() {
                    shared.received.push(Received { from: from.clone(), to: to.clone(), data });
                }
                action
            };
            match action {
                None => "250 OK queued\r\n".into(),
                Some(Action::Reply(reply)) => format!("{reply}\r\n"),
                Some(Action::Drop) => return,
                Some(Action::Hang) => {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                    return;
                }
            }
        } else if upper.starts_with("QUIT") {
            let _ = write.write_all(b"221 Bye\r\n").await;
            return;
        } else {
            "502 Command not implemented\r\n".into()
        };
        if write.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}
