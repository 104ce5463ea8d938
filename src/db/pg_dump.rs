//! Backups of a PostgreSQL database: PostgreSQL's own `pg_dump`, which copies a running
//! database consistently, and the secret key in a file beside the dump.
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::backup::{BackupError, Partial, Report, io, secret_key, write_private};
use crate::config::Settings;

/// `FILE.secret_key`: the key of a PostgreSQL backup `FILE`.
pub fn key_file(to: &Path) -> PathBuf {
    let mut name = to.as_os_str().to_os_string();
    name.push(".secret_key");
    PathBuf::from(name)
}

/// The URL without its password (given to `pg_dump` through `PGPASSWORD` instead, so that it
/// does not show in the process list), and the password.
fn split_password(url: &str) -> (String, Option<String>) {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            let password =
                parsed.password().map(|p| percent_encoding::percent_decode_str(p).decode_utf8_lossy().into_owned());
            let _ = parsed.set_password(None);
            (parsed.to_string(), password)
        }
        Err(_) => (url.to_string(), None),
    }
}

/// Runs `pg_dump --format=custom` into `to` (owner-only), then writes the key beside it.
pub async fn backup(settings: &Settings, url: &str, to: &Path) -> Result<Report, BackupError> {
    let (key, key_source) = secret_key(settings)?;
    let version = Command::new("pg_dump").arg("--version").output().map_err(|e| {
        BackupError::Refused(format!(
            "pg_dump cannot be run ({e}): a PostgreSQL database is backed up with PostgreSQL's pg_dump. Install \
             PostgreSQL's client tools, of the server's major version or newer (Debian: apt install \
             postgresql-client), so that pg_dump is on the PATH"
        ))
    })?;
    let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
    let (url, password) = split_password(url);
    let to_owned = to.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let partial = Partial::create(&to_owned)?;
        let file = std::fs::OpenOptions::new().write(true).open(&partial.path).map_err(io("open", &partial.path))?;
        let mut command = Command::new("pg_dump");
        command.args(["--format=custom", "--dbname"]).arg(&url).stdout(Stdio::from(file)).stderr(Stdio::inherit());
        if let Some(password) = password {
            command.env("PGPASSWORD", password);
        }
        let status = command.status().map_err(io("run pg_dump for", &to_owned))?;
        if !status.success() {
            return Err(BackupError::Refused(format!(
                "pg_dump failed ({status}; its message is above): no backup was written to {}",
                to_owned.display()
            )));
        }
        partial.finish(&to_owned)
    })
    .await
    .map_err(|e| BackupError::Refused(format!("the backup stopped: {e}")))??;
    let keyed = key_file(to);
    write_private(&keyed, &key)?;
    let mut report = Report::default();
    report.lines.push(format!("PostgreSQL dump written to {} by {version}", to.display()));
    report.lines.push(format!(
        "the secret key (from the {}) is in {}: the backup is both files; keep them as private as the data folder",
        if key_source == "configuration" { "configuration" } else { "data folder" },
        keyed.display()
    ));
    Ok(report)
}

/// A PostgreSQL database is restored with `pg_restore`, by its owner, with Rustition stopped:
/// the command to run, with the URL's password left out.
pub fn restore_refused(settings: &Settings, url: &str, from: &Path) -> BackupError {
    let (url, _) = split_password(url);
    BackupError::Refused(format!(
        "the database is PostgreSQL: stop Rustition, then restore the dump with\n  pg_restore --clean --if-exists \
         --no-owner --dbname '{url}' {from}\nand copy {key} to {dir}/secret_key (mode 0600). An SQLite backup \
         cannot be restored into PostgreSQL.",
        from = from.display(),
        key = key_file(from).display(),
        dir = settings.server.data_dir.display(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_leaves_the_url_and_is_decoded() {
        let (url, password) = split_password("postgres://rustition:s%40cret@db.example:5432/petitions?sslmode=require");
        assert_eq!(url, "postgres://rustition@db.example:5432/petitions?sslmode=require");
        assert_eq!(password.as_deref(), Some("s@cret"));
        let (url, password) = split_password("postgres://postgres@127.0.0.1:5432/postgres");
        assert_eq!(url, "postgres://postgres@127.0.0.1:5432/postgres");
        assert_eq!(password, None);
    }
}
