//! `postfix`: the queue's delivery rate into a real Postfix on this machine, next to Postfix's
//! own `smtp-source` into the same Postfix in the same run. Installs and configures nothing: a
//! local-only Postfix that discards mail for `discard.rustition.test` is needed
//! (`bench/postfix-setup.sh` makes one); without it the scenario says so and skips.
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::mail::{self, Arrival};
use crate::stats::median;

pub const DOMAIN: &str = "discard.rustition.test";
const ADDRESS: &str = "127.0.0.1:25";

/// Why the scenario cannot run here, if it cannot.
fn missing() -> Option<String> {
    let answers = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
    };
    if answers("postconf", &["-h", "mail_version"]).is_none() {
        return Some("Postfix is not installed".into());
    }
    if smtp_source().is_none() {
        return Some("Postfix's smtp-source is not installed".into());
    }
    let maps =
        answers("postconf", &["-h", "transport_maps"]).map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let discards = maps
        .filter(|m| !m.is_empty())
        .and_then(|m| answers("postmap", &["-q", DOMAIN, &m]))
        .is_some_and(|o| String::from_utf8_lossy(&o.stdout).trim().starts_with("discard"));
    if !discards {
        return Some(format!("Postfix does not discard mail for {DOMAIN} (run bench/postfix-setup.sh)"));
    }
    if std::net::TcpStream::connect_timeout(&ADDRESS.parse().ok()?, Duration::from_secs(1)).is_err() {
        return Some(format!("Postfix does not listen on {ADDRESS} (postfix start)"));
    }
    None
}

fn smtp_source() -> Option<&'static str> {
    ["/usr/sbin/smtp-source", "/usr/bin/smtp-source"].into_iter().find(|p| std::path::Path::new(p).exists())
}

/// Waits (up to a minute) until Postfix's queue is empty, so that runs do not overlap.
async fn drained() {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        let out = Command::new("postqueue").arg("-p").output();
        if out.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("Mail queue is empty")) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// `smtp-source` sending `jobs` messages of about the bench mails' size over `sessions`
/// parallel sessions: mails/s.
fn source(jobs: u64, sessions: u32) -> Result<f64, String> {
    let program = smtp_source().ok_or("no smtp-source")?;
    let started = Instant::now();
    let status = Command::new(program)
        .args(["-s", &sessions.to_string(), "-m", &jobs.to_string(), "-l", "700"])
        .args(["-f", "bench@rustition.test", "-t", &format!("reader@{DOMAIN}"), ADDRESS])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("smtp-source: {e}"))?;
    if !status.success() {
        return Err(format!("smtp-source failed: {status}"));
    }
    Ok(jobs as f64 / started.elapsed().as_secs_f64().max(1e-9))
}

/// `runs` pairs: smtp-source, then the queue (one worker, `[mail] concurrency` = the sessions).
pub async fn run(binary: &std::path::Path, jobs: u64, runs: usize) -> Result<bool, String> {
    if let Some(why) = missing() {
        println!("== postfix: SKIPPED: {why}");
        return Ok(true);
    }
    let sessions = rustition::config::Settings::default().mail.concurrency;
    let url = format!("smtp://{ADDRESS}?tls=none");
    let mut ok = true;
    let mut rows = Vec::new();
    for _ in 0..runs {
        drained().await;
        let reference = source(jobs, sessions)?;
        drained().await;
        let queue = mail::drain(binary, jobs, (&url, DOMAIN), &Arrival::Sent, &[], Duration::from_secs(600)).await?;
        ok &= queue.sent == jobs;
        rows.push((reference, queue.per_second(), queue.peak_rss_kib));
    }
    drained().await;
    println!("== postfix: {jobs} mails per run into Postfix on {ADDRESS} ({sessions} sessions each)");
    println!("| run | smtp-source mails/s | queue mails/s | queue / smtp-source | worker peak RSS MiB |");
    println!("|---|---:|---:|---:|---:|");
    let mut ratios = Vec::new();
    for (i, (reference, queue, rss)) in rows.iter().enumerate() {
        ratios.push(queue / reference);
        println!(
            "| {} | {reference:.0} | {queue:.0} | {:.2} | {:.1} |",
            i + 1,
            queue / reference,
            *rss as f64 / 1024.0
        );
    }
    if let Some(m) = median(&ratios) {
        println!("| median | | | **{m:.2}** | |");
    }
    Ok(ok)
}
