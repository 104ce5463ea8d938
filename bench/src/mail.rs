//! `mail`: how fast the queue drains into an SMTP server that accepts everything, and how much
//! memory the worker needs meanwhile. Jobs are queued first (unmeasured), then a
//! `rustition worker` process sends them to a sink listening on 127.0.0.1.
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// What the SMTP sink received: a count, and with `keep`, each message.
#[derive(Default)]
pub struct Sink {
    pub count: AtomicU64,
    keep: bool,
    messages: Mutex<Vec<Delivered>>,
}

/// One message as the sink took it.
#[derive(Debug, Clone)]
pub struct Delivered {
    pub message_id: Option<String>,
    pub recipients: Vec<String>,
    /// The DATA as sent (headers and body), dot-stuffing undone.
    pub data: String,
}

impl Sink {
    /// A sink that keeps every message (for checks); `Sink::default()` only counts.
    pub fn keeping() -> Sink {
        Sink { keep: true, ..Sink::default() }
    }

    pub fn messages(&self) -> Vec<Delivered> {
        self.messages.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// The value of the first `Message-ID:` header of `data`.
fn message_id(data: &str) -> Option<String> {
    let headers = data.split("\r\n\r\n").next()?;
    headers.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("message-id").then(|| value.trim().to_string())
    })
}

/// Accepts every message on 127.0.0.1; returns its port.
pub async fn sink(shared: Arc<Sink>) -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").await.map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let shared = shared.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read);
                let _ = write.write_all(b"220 sink\r\n").await;
                let mut line = String::new();
                let mut in_data = false;
                let (mut recipients, mut data) = (Vec::new(), String::new());
                loop {
                    line.clear();
                    if !matches!(lines.read_line(&mut line).await, Ok(n) if n > 0) {
                        return;
                    }
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if in_data {
                        if line != ".\r\n" {
                            if shared.keep {
                                data.push_str(line.strip_prefix('.').unwrap_or(&line));
                            }
                            continue;
                        }
                        in_data = false;
                        if shared.keep {
                            let delivered = Delivered {
                                message_id: message_id(&data),
                                recipients: std::mem::take(&mut recipients),
                                data: std::mem::take(&mut data),
                            };
                            shared.messages.lock().unwrap_or_else(|p| p.into_inner()).push(delivered);
                        }
                        shared.count.fetch_add(1, Ordering::Relaxed);
                        b"250 OK\r\n"
                    } else if upper.starts_with("EHLO") {
                        b"250-sink\r\n250 8BITMIME\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        let to = line[8..].trim().trim_start_matches('<').trim_end_matches('>');
                        recipients.push(to.to_string());
                        b"250 OK\r\n"
                    } else if upper.starts_with("MAIL FROM:") || upper.starts_with("RSET") {
                        recipients.clear();
                        b"250 OK\r\n"
                    } else if upper.starts_with("DATA") {
                        in_data = true;
                        data.clear();
                        b"354 go on\r\n"
                    } else if upper.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        b"250 OK\r\n"
                    };
                    if write.write_all(reply).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    Ok(port)
}

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

/// How the run tells that a mail arrived.
pub enum Arrival {
    /// The harness's own sink counts what it received.
    Sink(Arc<Sink>),
    /// The jobs marked sent in the database (the host took them: a real MTA).
    Sent,
}

/// What one drain measured.
pub struct Drained {
    pub sent: u64,
    pub elapsed: Duration,
    pub peak_rss_kib: u64,
}

impl Drained {
    pub fn per_second(&self) -> f64 {
        self.sent as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Queues `jobs` mails to `reader<i>@<domain>`, then drains them with one `rustition worker`
/// process into `smtp_url` (extra settings in `env`) and times it.
pub async fn drain(
    binary: &Path,
    jobs: u64,
    (smtp_url, domain): (&str, &str),
    arrival: &Arrival,
    env: &[(&str, String)],
    timeout: Duration,
) -> Result<Drained, String> {
    let dir = tempfile::Builder::new().prefix("rustition-bench-mail-").tempdir().map_err(|e| e.to_string())?;
    let db_url = format!("sqlite://{}/mail.db?mode=rwc", dir.path().display());
    let mut all_env = vec![
        ("RUSTITION_SERVER__DATA_DIR", dir.path().display().to_string()),
        ("RUSTITION_DATABASE__URL", db_url.clone()),
        ("RUSTITION_MAIL__TRANSPORT", "smtp".into()),
        ("RUSTITION_MAIL__SMTP_URL", smtp_url.to_string()),
        ("RUSTITION_MAIL__MAX_PER_MINUTE", "100000000".into()),
        ("RUSTITION_MAIL__POLL_INTERVAL_MS", "50".into()),
        ("RUSTITION_LOG", "warn".into()),
    ];
    all_env.extend(env.iter().cloned());
    let status = Command::new(binary).arg("migrate").envs(all_env.clone()).stdout(Stdio::null()).status();
    if !status.is_ok_and(|s| s.success()) {
        return Err("rustition migrate failed".into());
    }
    let db = sea_orm::Database::connect(&db_url).await.map_err(|e| e.to_string())?;
    let now = rustition::domain::now();
    // One transaction (one sync to disk), not one per job: preparing is not measured.
    let txn = sea_orm::TransactionTrait::begin(&db).await.map_err(|e| e.to_string())?;
    for i in 0..jobs {
        let draft = rustition::mail::queue::MailDraft {
            kind: "bench",
            priority: rustition::mail::queue::PRIORITY_URGENT,
            recipient: format!("reader{i}@{domain}"),
            subject: format!("Bench message {i}"),
            body_text: "A message of a few lines, as a confirmation mail is.\n".repeat(8),
            body_html: None,
            reply_to: None,
        };
        rustition::mail::queue::enqueue(&txn, draft, now).await.map_err(|e| e.to_string())?;
    }
    txn.commit().await.map_err(|e| e.to_string())?;
    let before = arrived(arrival, &db).await?;
    let mut child = Command::new(binary)
        .arg("worker")
        .envs(all_env)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let mut peak = 0;
    let mut sent = 0;
    while sent < jobs && started.elapsed() < timeout {
        peak = peak.max(peak_rss_kib(child.id()).unwrap_or(0));
        tokio::time::sleep(Duration::from_millis(20)).await;
        sent = arrived(arrival, &db).await? - before;
    }
    let elapsed = started.elapsed();
    peak = peak.max(peak_rss_kib(child.id()).unwrap_or(0));
    let _ = child.kill();
    let _ = child.wait();
    Ok(Drained { sent, elapsed, peak_rss_kib: peak })
}

async fn arrived(arrival: &Arrival, db: &sea_orm::DatabaseConnection) -> Result<u64, String> {
    match arrival {
        Arrival::Sink(sink) => Ok(sink.count.load(Ordering::Relaxed)),
        Arrival::Sent => {
            use rustition::entities::mail_job;
            use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
            mail_job::Entity::find()
                .filter(mail_job::Column::Status.eq(rustition::mail::queue::STATUS_SENT))
                .count(db)
                .await
                .map_err(|e| e.to_string())
        }
    }
}

/// Queues `jobs` mails, drains them with one worker process, prints mails/s and peak RSS.
pub async fn run(binary: &Path, jobs: u64, timeout: Duration) -> Result<bool, String> {
    let shared = Arc::new(Sink::default());
    let port = sink(shared.clone()).await?;
    let url = format!("smtp://127.0.0.1:{port}");
    let drained = drain(binary, jobs, (&url, "example.org"), &Arrival::Sink(shared), &[], timeout).await?;
    println!("== mail: {jobs} queued jobs, one worker process, SMTP sink on 127.0.0.1");
    println!("delivered       {} in {:.1} s", drained.sent, drained.elapsed.as_secs_f64());
    println!("mails/s         {:.0}", drained.per_second());
    println!("peak RSS        {:.1} MiB (worker VmHWM)", drained.peak_rss_kib as f64 / 1024.0);
    Ok(drained.sent == jobs)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_message_id_is_read_from_the_headers_only() {
        let data = "From: a@b\r\nMessage-ID: <x1@example.org>\r\n\r\nMessage-ID: <body@example.org>\r\n";
        assert_eq!(super::message_id(data).as_deref(), Some("<x1@example.org>"));
        assert_eq!(super::message_id("Subject: none\r\n\r\n"), None);
    }
}
