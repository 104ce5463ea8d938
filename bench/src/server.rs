//! The server under test: built with Cargo, seeded, started as a child process configured only
//! through the environment, watched (/ping, RSS, CPU, log), killed, and cleaned up.
//!
//! `Server` is a guard: dropping it kills the child and removes its temporary folder, so no
//! error path leaves a process behind. On Linux the child also gets SIGKILL if this harness
//! dies, which is why servers are spawned from the main task (the parent-death signal follows
//! the spawning thread, and the main thread lives as long as the harness).
use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::ValueEnum;
use sea_orm::ConnectionTrait;
use tempfile::TempDir;

const START_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Profile {
    Release,
    Debug,
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from(".."))
}

/// Builds the `rustition` binary with Cargo and returns its path.
pub fn build(profile: Profile) -> Result<PathBuf, String> {
    let root = workspace_root();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    // Built together with the bench itself, so Cargo resolves one set of features for both:
    // built alone, the server's dependencies would be rebuilt at every switch between the two.
    command.current_dir(&root).args(["build", "--bin", "rustition", "-p", "rustition", "-p", "rustition-bench"]);
    // `cargo run` describes the bench to it through these variables; ring's build script watches
    // CARGO_MANIFEST_DIR, so passing them on would rebuild ring, rustls and sqlx at every switch.
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("CARGO_PKG_")
            || [
                "CARGO_MANIFEST_DIR",
                "CARGO_MANIFEST_PATH",
                "CARGO_CRATE_NAME",
                "CARGO_BIN_NAME",
                "CARGO_PRIMARY_PACKAGE",
            ]
            .contains(&name.as_ref())
        {
            command.env_remove(name.as_ref());
        }
    }
    if profile == Profile::Release {
        command.arg("--release");
    }
    eprintln!("building the server: {command:?}");
    let status = command.status().map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("building the server failed ({status})"));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), |t| root.join(t));
    let dir = if profile == Profile::Release { "release" } else { "debug" };
    Ok(target.join(dir).join("rustition"))
}

/// The server's mail limit during a run.
pub const MAIL_PER_MINUTE: u32 = 6_000;

pub struct Server {
    child: Option<Child>,
    binary: PathBuf,
    env: Vec<(String, String)>,
    pub base_url: String,
    pub database_url: String,
    log: PathBuf,
    /// Byte ranges of the log written while starting (launch notices), left out of reports.
    startup_logs: Vec<Range<u64>>,
    /// A PostgreSQL database created for this run, dropped by `finish`: (admin URL, name).
    postgres: Option<(String, String)>,
    /// Declared last: removed only once the child is dead.
    _dir: TempDir,
}

impl Server {
    /// A fresh data folder and database, seeded with the demo petition, then served.
    /// `database` is None for SQLite in the folder, or a PostgreSQL admin URL; `settings` are
    /// extra `RUSTITION_…` variables, set after (so over) the harness's own.
    pub async fn start(binary: &Path, database: Option<&str>, settings: &[(String, String)]) -> Result<Server, String> {
        let dir = tempfile::Builder::new().prefix("rustition-bench-").tempdir().map_err(|e| e.to_string())?;
        let (database_url, postgres) = match database {
            Some(url) if url.starts_with("postgres") => {
                let (fresh, name) = fresh_postgres(url).await?;
                (fresh, Some((url.to_string(), name)))
            }
            Some(url) => (url.to_string(), None),
            None => (format!("sqlite://{}/bench.db?mode=rwc", dir.path().display()), None),
        };
        let data_dir = dir.path().join("data");
        // Mail goes over SMTP to a sink in this process, as it would to a local MTA. The file
        // transport made each mail a new file: on this VM's ext4, whose inode allocator skips
        // the inodes earlier runs freed, that cost the server a third of a core at 100 mails/s.
        let sink = crate::mail::sink(Arc::new(crate::mail::Sink::default())).await?;
        // After the sink has bound its port: a port just freed by `free_port` can be the next one
        // the kernel gives to a bind on port 0.
        let port = free_port()?;
        let env: Vec<(String, String)> = [
            ("RUSTITION_SERVER__PORT", port.to_string()),
            ("RUSTITION_SERVER__ADDRESS", "127.0.0.1".into()),
            ("RUSTITION_SERVER__DATA_DIR", data_dir.display().to_string()),
            ("RUSTITION_DATABASE__URL", database_url.clone()),
            ("RUSTITION_MAIL__TRANSPORT", "smtp".into()),
            ("RUSTITION_MAIL__SMTP_URL", format!("smtp://127.0.0.1:{sink}")),
            // 100 mails/s: more than one SMTP host takes (see docs/benchmarks.md), so the queue
            // is drained as fast as a real instance could. Unlimited, the file transport sends
            // ~1,000/s, and the throttle's count of the last minute's sends (one per mail,
            // over up to 60,000 rows) becomes a third of the server's work.
            ("RUSTITION_MAIL__MAX_PER_MINUTE", MAIL_PER_MINUTE.to_string()),
            ("RUSTITION_MAIL__POLL_INTERVAL_MS", "200".into()),
            // Every signature of the load comes from 127.0.0.1 to one petition: past the real
            // rates the sign form would ask the question. Raised so far that they never trip,
            // yet each signature still pays for both checks.
            ("RUSTITION_SIGNING__PER_CLIENT_PER_MINUTE", "1000000000".into()),
            ("RUSTITION_SIGNING__PER_PETITION_PER_MINUTE", "1000000000".into()),
            ("RUSTITION_LOG", "warn".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .chain(settings.iter().cloned())
        .collect();
        let mut server = Server {
            child: None,
            binary: binary.to_path_buf(),
            env,
            base_url: format!("http://127.0.0.1:{port}"),
            database_url,
            log: dir.path().join("server.log"),
            startup_logs: Vec::new(),
            postgres,
            _dir: dir,
        };
        server.seed()?;
        server.spawn()?;
        server.wait_ready().await?;
        Ok(server)
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.binary);
        command.current_dir(workspace_root());
        // Only our settings: a RUSTITION_ variable of the caller's shell must not change the run.
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("RUSTITION_") {
                command.env_remove(key);
            }
        }
        command.envs(self.env.iter().map(|(k, v)| (k, v)));
        command
    }

    /// `rustition demo`: the petition every scenario uses (id 1).
    fn seed(&self) -> Result<(), String> {
        let output = self.command().arg("demo").output().map_err(|e| format!("cannot run the server: {e}"))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() || !stdout.trim_end().ends_with("/o/demo/more-trees-in-our-streets") {
            return Err(format!(
                "seeding failed ({}):\n{stdout}{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        Ok(())
    }

    /// Starts the serving process (appending to the server log).
    pub fn spawn(&mut self) -> Result<(), String> {
        let log = File::options().create(true).append(true).open(&self.log).map_err(|e| e.to_string())?;
        let log_err = log.try_clone().map_err(|e| e.to_string())?;
        let start = self.log_len();
        self.startup_logs.push(start..u64::MAX);
        let mut command = self.command();
        command.arg("serve").stdin(Stdio::null()).stdout(log).stderr(log_err);
        die_with_parent(&mut command);
        self.child = Some(command.spawn().map_err(|e| format!("cannot start the server: {e}"))?);
        Ok(())
    }

    /// Waits until GET /ping answers "pong".
    pub async fn wait_ready(&mut self) -> Result<(), String> {
        let client =
            reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(1)).build().map_err(|e| e.to_string())?;
        let deadline = Instant::now() + START_TIMEOUT;
        let url = format!("{}/ping", self.base_url);
        while Instant::now() < deadline {
            if let Ok(response) = client.get(&url).send().await
                && response.text().await.is_ok_and(|body| body == "pong")
            {
                let end = self.log_len();
                if let Some(range) = self.startup_logs.last_mut() {
                    range.end = end;
                }
                return Ok(());
            }
            if let Some(child) = &mut self.child
                && let Ok(Some(status)) = child.try_wait()
            {
                return Err(format!("the server exited ({status}) before serving:\n{}", self.log_tail(20)));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Err(format!("the server did not answer /ping within {START_TIMEOUT:?}:\n{}", self.log_tail(20)))
    }

    /// SIGKILL, as the OOM killer or a crash would (the OS and its page cache survive it).
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Peak resident memory of the running server (VmHWM), in KiB.
    pub fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()?)).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// CPU seconds (user + system) the running server has used so far.
    pub fn cpu_seconds(&self) -> Option<f64> {
        process_cpu_seconds(&format!("/proc/{}/stat", self.pid()?))
    }

    fn log_len(&self) -> u64 {
        std::fs::metadata(&self.log).map_or(0, |m| m.len())
    }

    /// Where the log ends now, to read only what follows with `log_lines(mark)`.
    pub fn log_mark(&self) -> u64 {
        self.log_len()
    }

    /// Lines the server logged once serving, from byte `since` on (at `warn` level, so each is
    /// worth reading).
    pub fn log_lines(&self, since: u64) -> Vec<String> {
        let Ok(log) = std::fs::read(&self.log) else { return Vec::new() };
        let mut kept = Vec::with_capacity(log.len());
        for (i, byte) in log.iter().enumerate().skip(since as usize) {
            if !self.startup_logs.iter().any(|r| r.contains(&(i as u64))) {
                kept.push(*byte);
            }
        }
        String::from_utf8_lossy(&kept).lines().map(str::to_string).collect()
    }

    fn log_tail(&self, n: usize) -> String {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(n)..].join("\n")
    }

    /// Kills the server and drops a PostgreSQL database created for the run.
    pub async fn finish(mut self) {
        self.kill();
        if let Some((admin, name)) = self.postgres.take()
            && let Ok(db) = sea_orm::Database::connect(&admin).await
        {
            let _ = db.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
            let _ = db.close().await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// CPU seconds used by a process, from its `/proc/<pid>/stat` (or `/proc/self/stat`).
pub fn process_cpu_seconds(stat_path: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(stat_path).ok()?;
    // Fields after the command name (which may contain spaces) start at "state" (field 3).
    let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // SAFETY: sysconf only reads a system constant.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    (per_second > 0).then(|| ticks as f64 / per_second as f64)
}

#[cfg(target_os = "linux")]
pub(crate) fn die_with_parent(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: prctl is async-signal-safe and touches no memory of the parent.
    unsafe {
        command.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn die_with_parent(_command: &mut Command) {}

pub(crate) fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// Creates `rustition_bench_<random>` on the server of `admin_url` and returns its URL and name.
pub(crate) async fn fresh_postgres(admin_url: &str) -> Result<(String, String), String> {
    let suffix = rustition::domain::tokens::random_token(9).to_lowercase().replace(['-', '_'], "x");
    let name = format!("rustition_bench_{suffix}");
    let db = sea_orm::Database::connect(admin_url).await.map_err(|e| format!("cannot connect to {admin_url}: {e}"))?;
    db.execute_unprepared(&format!("CREATE DATABASE {name}")).await.map_err(|e| format!("creating {name}: {e}"))?;
    let _ = db.close().await;
    Ok((replace_database(admin_url, &name), name))
}

/// `postgres://user@host:5432/postgres?x=y` with `name` as the database: `…/name?x=y`.
fn replace_database(url: &str, name: &str) -> String {
    let (url, query) = url.split_once('?').map_or((url, None), |(u, q)| (u, Some(q)));
    let authority_start = url.find("://").map_or(0, |i| i + 3);
    let base = match url[authority_start..].find('/') {
        Some(slash) => &url[..authority_start + slash],
        None => url,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn puts_the_fresh_database_in_the_url() {
        let name = "rustition_bench_x";
        assert_eq!(replace_database("postgres://u@h:5432/postgres", name), "postgres://u@h:5432/rustition_bench_x");
        assert_eq!(
            replace_database("postgres://u:p@h/db?sslmode=disable", name),
            "postgres://u:p@h/rustition_bench_x?sslmode=disable"
        );
        assert_eq!(replace_database("postgresql://h", name), "postgresql://h/rustition_bench_x");
    }
}
