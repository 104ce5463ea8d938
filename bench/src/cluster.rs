//! `cluster`: Rustition scaled out on one PostgreSQL, as behind a proxy: two `serve` processes
//! (without the embedded mail worker) and two `rustition worker` processes sending to an SMTP
//! sink. Signing load is spread over both servers; halfway, the server that leads the count
//! batch gets SIGKILL and its users move to the other, as a health-checking proxy would send
//! them. Then the signers confirm through the links in the mails the sink received, on the
//! surviving server. Checks: no acknowledged signature or confirmation lost; every sent job
//! delivered once, and no Message-ID twice; the survivor took over the count batch, and the
//! count it keeps equals a full recount.
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sea_orm::ConnectionTrait;

use crate::check::{self, PETITION_ID};
use crate::freshness;
use crate::links;
use crate::load::{self, Control, Links, Task};
use crate::mail::{self, Sink};
use crate::report::Report;
use crate::scenarios::Options;
use crate::server::{self, workspace_root};

/// The line each process logs when it takes the count batch's lead (`db::leader`).
const LEADS: &str = "this process now leads the count batch";
const WAIT: Duration = Duration::from_secs(60);

/// A `rustition` child process with its log; killed when dropped.
struct Process {
    name: String,
    child: Option<Child>,
    log: PathBuf,
    /// For `serve`: `http://127.0.0.1:<port>`.
    base_url: Option<String>,
    /// Where the log stood once the process served: the launch notices before are not reported.
    ready_at: usize,
}

impl Process {
    fn spawn(
        binary: &Path,
        command: &str,
        env: &[(String, String)],
        dir: &Path,
        name: &str,
    ) -> Result<Process, String> {
        let log = dir.join(format!("{name}.log"));
        let file = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        let mut cmd = rustition_command(binary, env);
        cmd.arg(command).stdin(Stdio::null()).stdout(Stdio::null()).stderr(file);
        server::die_with_parent(&mut cmd);
        let child = cmd.spawn().map_err(|e| format!("cannot start {name}: {e}"))?;
        let port = env.iter().rev().find(|(k, _)| k == "RUSTITION_SERVER__PORT").map(|(_, v)| v.clone());
        let base_url = (command == "serve").then(|| format!("http://127.0.0.1:{}", port.unwrap_or_default()));
        Ok(Process { name: name.to_string(), child: Some(child), log, base_url, ready_at: 0 })
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn leads_counting(&self) -> bool {
        self.log_text().contains(LEADS)
    }

    async fn wait_ready(&mut self) -> Result<(), String> {
        let base = self.base_url.clone().ok_or("not a server")?;
        let client =
            reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(1)).build().map_err(|e| e.to_string())?;
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Ok(response) = client.get(format!("{base}/ping")).send().await
                && response.text().await.is_ok_and(|body| body == "pong")
            {
                self.ready_at = self.log_text().len();
                return Ok(());
            }
            if let Some(Ok(Some(status))) = self.child.as_mut().map(Child::try_wait) {
                return Err(format!("{} exited ({status}) before serving:\n{}", self.name, self.log_text()));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!("{} did not answer /ping within {WAIT:?}", self.name))
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The binary with only these settings (none of the caller's `RUSTITION_` variables).
fn rustition_command(binary: &Path, env: &[(String, String)]) -> Command {
    let mut command = Command::new(binary);
    command.current_dir(workspace_root());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("RUSTITION_") {
            command.env_remove(key);
        }
    }
    command.envs(env.iter().map(|(k, v)| (k, v)));
    command
}

/// Polls `found` every 100 ms for at most `within`.
async fn wait_for<T>(within: Duration, mut found: impl AsyncFnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + within;
    loop {
        if let Some(value) = found().await {
            return Some(value);
        }
        if Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Creates a fresh database on the PostgreSQL server of `--database`, runs the scenario on it,
/// drops it. Without a PostgreSQL URL it refuses: several processes on one SQLite file is not
/// the deployment this measures.
pub async fn run(options: &Options) -> Result<bool, String> {
    let Some(admin) = options.database.as_deref().filter(|u| u.starts_with("postgres")) else {
        return Err("the cluster scenario needs PostgreSQL: --database postgres://user@host:port/postgres \
                    (a fresh database is created on that server for the run)"
            .into());
    };
    let (database_url, name) = server::fresh_postgres(admin).await?;
    let result = run_on(options, &database_url).await;
    if let Ok(db) = sea_orm::Database::connect(admin).await {
        let _ = db.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
        let _ = db.close().await;
    }
    result
}

async fn run_on(options: &Options, database_url: &str) -> Result<bool, String> {
    let dir = tempfile::Builder::new().prefix("rustition-bench-cluster-").tempdir().map_err(|e| e.to_string())?;
    let sink = Arc::new(Sink::keeping());
    let smtp_port = mail::sink(sink.clone()).await?;
    let env: Vec<(String, String)> = [
        ("RUSTITION_SERVER__ADDRESS", "127.0.0.1".to_string()),
        // One data folder for all: one secret key, so a form or a link of one server is valid on the other.
        ("RUSTITION_SERVER__DATA_DIR", dir.path().join("data").display().to_string()),
        ("RUSTITION_DATABASE__URL", database_url.to_string()),
        ("RUSTITION_MAIL__TRANSPORT", "smtp".into()),
        ("RUSTITION_MAIL__SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}")),
        ("RUSTITION_MAIL__MAX_PER_MINUTE", server::MAIL_PER_MINUTE.to_string()),
        ("RUSTITION_MAIL__POLL_INTERVAL_MS", "200".into()),
        // The servers hold no mail in flight: the workers send it all.
        ("RUSTITION_MAIL__EMBEDDED_WORKER", "false".into()),
        ("RUSTITION_SIGNING__PER_CLIENT_PER_MINUTE", "1000000000".into()),
        ("RUSTITION_SIGNING__PER_PETITION_PER_MINUTE", "1000000000".into()),
        ("RUSTITION_LOG", "warn,rustition::db::leader=info".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .chain(options.settings.iter().cloned())
    .collect();
    let output = rustition_command(&options.binary, &env).arg("demo").output().map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(format!("seeding failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let mut processes = Vec::new();
    for name in ["worker-1", "worker-2"] {
        processes.push(Process::spawn(&options.binary, "worker", &env, dir.path(), name)?);
    }
    let mut servers = Vec::new();
    for name in ["server-1", "server-2"] {
        let mut env = env.clone();
        env.push(("RUSTITION_SERVER__PORT".into(), server::free_port()?.to_string()));
        let mut process = Process::spawn(&options.binary, "serve", &env, dir.path(), name)?;
        process.wait_ready().await?;
        servers.push(process);
    }
    let leader = wait_for(WAIT, async || servers.iter().position(Process::leads_counting))
        .await
        .ok_or("no server took the lead of the count batch")?;
    let survivor = 1 - leader;
    let bases: Vec<String> = servers.iter().filter_map(|s| s.base_url.clone()).collect();
    let connections = options.connections.unwrap_or(32).max(2);

    // Signing on both servers; halfway, the count batch's leader is killed.
    let control = Control::new(options.max_requests);
    let started = Instant::now();
    let handles = load::start_spread(&bases, connections, "cluster", &Task::Sign, &control);
    tokio::time::sleep(options.duration / 2).await;
    servers[leader].kill();
    let killed_after = started.elapsed();
    tokio::time::sleep(options.duration / 2).await;
    control.stop();
    let signing = load::join(handles).await;
    let mut sign_report = Report::new("cluster (signing)", connections, started.elapsed(), &signing);
    let took_over = wait_for(WAIT, async || servers[survivor].leads_counting().then_some(())).await.is_some();

    let db = check::connect(database_url).await?;
    let drain_started = Instant::now();
    let pending = "SELECT COUNT(*) FROM mail_queue WHERE status IN ('queued', 'sending')";
    let drain_limit = WAIT + Duration::from_secs(signing.acknowledged.len() as u64 / 50);
    let drained =
        wait_for(drain_limit, async || (freshness::one(&db, pending).await.ok()? == 0).then_some(())).await.is_some();
    let drain_time = drain_started.elapsed();
    let delivered = sink.messages();

    // Each signer opens the link of the mail received, on the surviving server.
    let links = links_in(&delivered, &signing.acknowledged);
    let with_link = links.len();
    let confirm_task = Task::Confirm(Links::new(links));
    let (confirming, confirm_elapsed) =
        load::run_for(&bases[survivor], connections, "cluster", confirm_task, options.duration, options.max_requests)
            .await;
    let confirmed_at = Instant::now();
    let counts = wait_for(WAIT, async || {
        let (kept, recount) = freshness::kept_and_recount(&db).await.ok()?;
        (kept == recount).then_some((kept, recount))
    })
    .await;
    let caught_up = confirmed_at.elapsed();
    let (kept, recount) = match counts {
        Some(counts) => counts,
        None => freshness::kept_and_recount(&db).await?,
    };
    let sent_jobs = freshness::one(&db, "SELECT COUNT(*) FROM mail_queue WHERE status = 'sent'").await?;
    db.close().await.map_err(|e| e.to_string())?;

    let ids: Vec<&str> = delivered.iter().filter_map(|m| m.message_id.as_deref()).collect();
    let distinct: HashSet<&str> = ids.iter().copied().collect();
    let (without_id, duplicates) = (delivered.len() - ids.len(), ids.len() - distinct.len());
    sign_report.operations = Some(("signatures", signing.operations));
    sign_report.check = Some(check::verify(database_url, &signing.acknowledged, false).await?);
    let mut notes = vec![
        "2 serve processes (no embedded mail worker) and 2 worker processes on one PostgreSQL".to_string(),
        format!(
            "SIGKILL to server-{} (the count batch's leader) after {:.1} s; server-{} took the lead: {}",
            leader + 1,
            killed_after.as_secs_f64(),
            survivor + 1,
            if took_over { "yes" } else { "NO" }
        ),
        format!(
            "mail: queue drained {} {:.1} s after the load; {} sent jobs, {} messages delivered, {} Message-IDs twice, {} without one",
            if drained { "within" } else { "NOT within" },
            drain_time.as_secs_f64(),
            sent_jobs,
            delivered.len(),
            duplicates,
            without_id
        ),
    ];
    let mut server_log = Vec::new();
    for process in processes.iter().chain(&servers) {
        let text = process.log_text();
        let text = text.get(process.ready_at..).unwrap_or_default();
        server_log.extend(text.lines().filter(|l| !l.contains("leads the")).map(|l| format!("{}: {l}", process.name)));
    }
    sign_report.server_log = server_log;
    sign_report.notes = std::mem::take(&mut notes);
    sign_report.print(1, 1);

    let mut confirm_report = Report::new("cluster (confirming)", connections, confirm_elapsed, &confirming);
    confirm_report.operations = Some(("confirmations", confirming.operations));
    confirm_report.check = Some(check::verify(database_url, &confirming.acknowledged, true).await?);
    confirm_report.notes = vec![
        format!(
            "on server-{} alone, through the links in the mails the sink received ({with_link} for {} signers)",
            survivor + 1,
            signing.acknowledged.len()
        ),
        format!(
            "count kept {kept}, full recount {recount}: {} {:.1} s after the last confirmation",
            if kept == recount { "equal" } else { "DIFFERENT" },
            caught_up.as_secs_f64()
        ),
    ];
    confirm_report.print(1, 1);

    let passed = sign_report.check.is_some_and(|c| c.passed())
        && confirm_report.check.is_some_and(|c| c.passed())
        && took_over
        && drained
        && duplicates == 0
        && without_id == 0
        && delivered.len() as i64 == sent_jobs
        && kept == recount
        && with_link == signing.acknowledged.len();
    println!("cluster: {}", if passed { "passed" } else { "FAILED" });
    drop(processes);
    Ok(passed)
}

/// `(address, path)` of the confirmation link in the mail each of `acknowledged` received.
fn links_in(delivered: &[mail::Delivered], acknowledged: &[String]) -> Vec<(String, String)> {
    let wanted: HashSet<&str> = acknowledged.iter().map(String::as_str).collect();
    let mut links: HashMap<&str, String> = HashMap::new();
    for message in delivered {
        // Quoted-printable soft line breaks may cut the link; its token needs no other decoding.
        let text = message.data.replace("=\r\n", "");
        for to in &message.recipients {
            if wanted.contains(to.as_str())
                && let Some(path) = links::confirmation_path(&text, PETITION_ID)
            {
                links.entry(to.as_str()).or_insert(path);
            }
        }
    }
    links.into_iter().map(|(to, path)| (to.to_string(), path)).collect()
}
