//! The real `rustition serve` binary as a separate process on 127.0.0.1, so that a test can
//! measure what the server itself holds (its memory, the files it creates) over real HTTP.
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::http::Browser;

pub struct Server {
    child: Child,
    pub port: u16,
    pub data_dir: PathBuf,
}

impl Server {
    /// Starts the server on `data_dir` (created by the server if missing) with a umask that lets
    /// everyone read, as a default system account has: only modes set on purpose stay private.
    /// `database`: a URL, or the default SQLite file in the data folder. Mail goes to the
    /// `file` transport (`<data_dir>/outbox`).
    pub async fn start(data_dir: &Path, database: Option<&str>) -> Server {
        Server::start_from(&super::repo_root(), Path::new(env!("CARGO_BIN_EXE_rustition")), data_dir, database).await
    }

    /// As `start`, with more settings in the environment (`RUSTITION_SIGNING__…`).
    pub async fn start_with_env(data_dir: &Path, database: Option<&str>, env: &[(&str, &str)]) -> Server {
        let binary = Path::new(env!("CARGO_BIN_EXE_rustition"));
        Server::launch(&super::repo_root(), binary, data_dir, database, env).await
    }

    /// As `start_with_env`, with the server's log (standard error) written to `log`.
    pub async fn start_logged(data_dir: &Path, database: Option<&str>, env: &[(&str, &str)], log: &Path) -> Server {
        let binary = Path::new(env!("CARGO_BIN_EXE_rustition"));
        Server::launch_logged(&super::repo_root(), binary, (data_dir, database), env, Some(log)).await
    }

    /// As `start`, with `binary` run from the working directory `cwd`.
    pub async fn start_from(cwd: &Path, binary: &Path, data_dir: &Path, database: Option<&str>) -> Server {
        Server::launch(cwd, binary, data_dir, database, &[]).await
    }

    async fn launch(
        cwd: &Path,
        binary: &Path,
        data_dir: &Path,
        database: Option<&str>,
        env: &[(&str, &str)],
    ) -> Server {
        Server::launch_logged(cwd, binary, (data_dir, database), env, None).await
    }

    async fn launch_logged(
        cwd: &Path,
        binary: &Path,
        (data_dir, database): (&Path, Option<&str>),
        env: &[(&str, &str)],
        log: Option<&Path>,
    ) -> Server {
        let port = super::SmtpServer::reserve_port().await;
        let mut command = Command::new("sh");
        command
            .args(["-c", "umask 022 && exec \"$0\" serve"])
            .arg(binary)
            .current_dir(cwd)
            .env("RUSTITION_SERVER__ADDRESS", "127.0.0.1")
            .env("RUSTITION_SERVER__PORT", port.to_string())
            .env("RUSTITION_SERVER__DATA_DIR", data_dir)
            .env("RUSTITION_MAIL__TRANSPORT", "file")
            .env("RUSTITION_MAIL__POLL_INTERVAL_MS", "50")
            .env("RUSTITION_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(Stdio::null());
        if let Some(url) = database {
            command.env("RUSTITION_DATABASE__URL", url);
        }
        if let Some(log) = log {
            command.stderr(std::fs::File::create(log).expect("create the server's log"));
        }
        let child = command.spawn().expect("start rustition serve");
        let server = Server { child, port, data_dir: data_dir.to_path_buf() };
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        loop {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok()
                && server.browser().get("/healthz").await.status == 200
            {
                return server;
            }
            assert!(tokio::time::Instant::now() < deadline, "the server never answered on port {port}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// SIGKILL, as a crash or the OOM killer would: the process gets no chance to clean up.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn browser(&self) -> Browser {
        Browser::new(self.port)
    }

    /// Sends SIGTERM, as `kill` and service managers do to stop a server.
    pub fn sigterm(&self) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().expect("run kill");
        assert!(status.success(), "kill -TERM {}", self.child.id());
    }

    /// Waits until the process has exited (at most two minutes) and returns how it ended.
    pub async fn exit_status(&mut self) -> std::process::ExitStatus {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
        loop {
            if let Some(status) = self.child.try_wait().expect("the server's status") {
                return status;
            }
            assert!(tokio::time::Instant::now() < deadline, "the server never exited");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The server process's peak resident memory so far (`VmHWM`), in KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).expect("the server's status");
        let line = status.lines().find(|l| l.starts_with("VmHWM:")).expect("a VmHWM line");
        line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect("VmHWM in kB")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
