//! `rustition backup` and `rustition restore` for SQLite (PostgreSQL: see `pg_dump.rs`).
//!
//! A backup is one SQLite file: a consistent copy of the database made with SQLite's online
//! backup API while the server goes on writing, plus a table `rustition_backup` holding the
//! manifest (format, date, version of the binary, last migration) and the secret key, without
//! which the restored tokens, client hashes and signed links would be worthless. One file is
//! the simplest to keep and to restore, and `sqlite3 FILE` opens it to look inside.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::schema;
use crate::config::{self, Settings};

/// The manifest table of a backup file, dropped from the database it is restored into.
const MANIFEST: &str = "rustition_backup";
const FORMAT: &str = "1";
/// Pages copied a step (4 MiB of 4 KiB pages): the progress bar moves at each.
const PAGES_PER_STEP: i32 = 1024;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// Told to the operator as it is: what was refused and what to do instead.
    #[error("{0}")]
    Refused(String),
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot {what} {}: {source}", .path.display())]
    Io { what: &'static str, path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
}

/// What a command has to tell: lines for standard output, warnings for standard error.
#[derive(Debug, Default)]
pub struct Report {
    pub lines: Vec<String>,
    pub warnings: Vec<String>,
}

pub(super) fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> BackupError {
    let path = path.to_path_buf();
    move |source| BackupError::Io { what, path, source }
}

/// The secret key in force, and where it comes from.
pub(super) fn secret_key(settings: &Settings) -> Result<(String, &'static str), BackupError> {
    let source = if settings.server.secret_key.is_some() { "configuration" } else { "data_dir" };
    Ok((settings.secret_key()?, source))
}

/// `rustition backup --to FILE`.
pub async fn backup(settings: &Settings, to: &Path) -> Result<Report, BackupError> {
    let url = settings.database_url();
    if !url.starts_with("sqlite:") {
        return super::pg_dump::backup(settings, &url, to).await;
    }
    let source = sqlite_target(&url)?;
    if !source.exists() {
        return Err(BackupError::Refused(format!("there is no database at {}", source.display())));
    }
    if same_file(&source, to) {
        return Err(BackupError::Refused(format!("{} is the database itself: back up to another file", to.display())));
    }
    let (key, key_source) = secret_key(settings)?;
    let to_owned = to.to_path_buf();
    let report = tokio::task::spawn_blocking(move || sqlite_backup(&source, &to_owned, &key, key_source))
        .await
        .map_err(|e| BackupError::Refused(format!("the backup stopped: {e}")))??;
    Ok(report)
}

fn sqlite_target(url: &str) -> Result<PathBuf, BackupError> {
    super::sqlite_file(url)
        .ok_or_else(|| BackupError::Refused("the database is in memory: there is nothing to back up or restore".into()))
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

fn sqlite_backup(source: &Path, to: &Path, key: &str, key_source: &str) -> Result<Report, BackupError> {
    let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    src.busy_timeout(Duration::from_secs(10))?;
    // One read transaction from the first page to the last: in WAL mode it sees the database as
    // it was when it began while the server goes on committing, so the copy is consistent and
    // never restarts (the backup API starts over when another connection writes between steps
    // of a copy that holds no transaction).
    src.execute_batch("BEGIN")?;
    let recorded = recorded_migrations(&src)?;
    let partial = Partial::create(to)?;
    let mut dst = Connection::open(&partial.path)?;
    copy(&src, &mut dst, "backing up")?;
    src.execute_batch("COMMIT")?;
    // A standalone file: no -wal beside it, whatever the source's journal mode.
    dst.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
    let created_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let schema_version = recorded.last().cloned().unwrap_or_default();
    let manifest = [
        ("format", FORMAT),
        ("created_at", &created_at),
        ("rustition_version", env!("CARGO_PKG_VERSION")),
        ("schema", &schema_version),
        ("secret_key", key),
        ("secret_key_source", key_source),
    ];
    dst.execute_batch(&format!("CREATE TABLE {MANIFEST} (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"))?;
    for (name, value) in manifest {
        dst.execute(&format!("INSERT INTO {MANIFEST} (name, value) VALUES (?1, ?2)"), [name, value])?;
    }
    let check: String = dst.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(BackupError::Refused(format!("the copy failed SQLite's check: {check}")));
    }
    dst.close().map_err(|(_, e)| e)?;
    partial.finish(to)?;
    let mut report = Report::default();
    report.lines.push(format!("backup written to {} (schema {schema_version})", to.display()));
    report.lines.push(format!(
        "it holds the secret key (from the {}): keep the file as private as the data folder",
        if key_source == "configuration" { "configuration" } else { "data folder" }
    ));
    Ok(report)
}

/// Copies every page of `src` into `dst` with SQLite's backup API, with a progress bar on a
/// terminal (none in logs and pipes).
fn copy(src: &Connection, dst: &mut Connection, what: &'static str) -> Result<(), BackupError> {
    let page_size: i64 = src.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let page_size = u64::try_from(page_size).unwrap_or(4096);
    let backup = Backup::new(src, dst)?;
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {bytes}/{total_bytes}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what);
    loop {
        let step = backup.step(PAGES_PER_STEP)?;
        let progress = backup.progress();
        let total = u64::try_from(progress.pagecount).unwrap_or(0);
        let done = total.saturating_sub(u64::try_from(progress.remaining).unwrap_or(0));
        bar.set_length(total * page_size);
        bar.set_position(done * page_size);
        match step {
            StepResult::Done => break,
            StepResult::More => {}
            // The destination or the source is locked by someone else for a moment.
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    bar.finish_and_clear();
    Ok(())
}

fn recorded_migrations(conn: &Connection) -> Result<Vec<String>, BackupError> {
    let has_table: i64 = conn.query_row(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'seaql_migrations'",
        [],
        |r| r.get(0),
    )?;
    if has_table == 0 {
        return Ok(Vec::new());
    }
    let mut statement = conn.prepare("SELECT version FROM seaql_migrations ORDER BY version")?;
    let versions = statement.query_map([], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
    Ok(versions)
}

/// A file being written beside its final name (owner-only from the start), removed if
/// anything fails before it is renamed into place: a failed backup never replaces a good one.
pub(super) struct Partial {
    pub path: PathBuf,
    done: bool,
}

impl Partial {
    pub fn create(to: &Path) -> Result<Partial, BackupError> {
        let name =
            to.file_name().ok_or_else(|| BackupError::Refused(format!("{} is not a file name", to.display())))?;
        let mut partial = name.to_os_string();
        partial.push(format!(".partial-{}", crate::domain::tokens::random_token(6)));
        let path = to.with_file_name(partial);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        options.open(&path).map_err(io("create", &path))?;
        Ok(Partial { path, done: false })
    }

    pub fn finish(mut self, to: &Path) -> Result<(), BackupError> {
        std::fs::File::open(&self.path).and_then(|f| f.sync_all()).map_err(io("write", &self.path))?;
        std::fs::rename(&self.path, to).map_err(io("write", to))?;
        self.done = true;
        Ok(())
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// `rustition restore --from FILE [--force]`.
pub async fn restore(settings: &Settings, from: &Path, force: bool) -> Result<Report, BackupError> {
    let url = settings.database_url();
    if !url.starts_with("sqlite:") {
        return Err(super::pg_dump::restore_refused(settings, &url, from));
    }
    let target = sqlite_target(&url)?;
    let backup = open_backup(from)?;
    let manifest = read_manifest(&backup, from)?;
    let state = schema::compare(&recorded_migrations(&backup)?);
    if !state.unknown.is_empty() {
        return Err(BackupError::Refused(format!(
            "{} was made by a newer Rustition (it holds migrations this binary does not know: {}): restore it \
             with that version (or newer)",
            from.display(),
            state.unknown.join(", ")
        )));
    }
    super::prepare_sqlite_file(&target, &settings.server.data_dir)?;
    let _running = refuse_if_running(&target)?;
    let fresh = fresh_row_counts().await?;
    let target_owned = target.clone();
    let mut report = tokio::task::spawn_blocking(move || {
        let mut dst = Connection::open(&target_owned)?;
        dst.busy_timeout(Duration::from_secs(10))?;
        let data = data_beyond(&dst, &fresh)?;
        if !data.is_empty() && !force {
            let listed = data.iter().map(|(t, n)| format!("{t}: {n}")).collect::<Vec<_>>().join(", ");
            return Err(BackupError::Refused(format!(
                "the database {} is not empty (rows per table: {listed}); restoring would replace all of it. \
                 Stop every Rustition process using it, then run the restore again with --force",
                target_owned.display()
            )));
        }
        copy(&backup, &mut dst, "restoring")?;
        dst.execute_batch(&format!("DROP TABLE {MANIFEST}"))?;
        let mut report = Report::default();
        if !data.is_empty() {
            report.warnings.push(format!("the data that was in {} is replaced", target_owned.display()));
        }
        Ok::<_, BackupError>(report)
    })
    .await
    .map_err(|e| BackupError::Refused(format!("the restore stopped: {e}")))??;
    let get = |name: &str| manifest.get(name).map(String::as_str).unwrap_or("?");
    report.lines.push(format!(
        "restored {} (made {} by Rustition {}, schema {}) into {}",
        from.display(),
        get("created_at"),
        get("rustition_version"),
        get("schema"),
        target.display()
    ));
    let pending = state.pending().count();
    if pending > 0 {
        report.lines.push(format!("{pending} newer migrations will be applied when Rustition next starts"));
    }
    restore_key(settings, manifest.get("secret_key").map(String::as_str), &mut report)?;
    Ok(report)
}

/// Takes `<database>.in-use` exclusively for the whole restore: a server or a worker holding it
/// would go on writing, and serving from caches, over the restored data.
fn refuse_if_running(target: &Path) -> Result<std::fs::File, BackupError> {
    let path = super::in_use_file(target);
    let handle = super::schema::private_lock_file(&path).map_err(io("open", &path))?;
    match fs4::FileExt::try_lock(&handle) {
        Ok(()) => Ok(handle),
        Err(fs4::TryLockError::WouldBlock) => Err(BackupError::Refused(format!(
            "a Rustition server or worker is using {}: stop it, then restore",
            target.display()
        ))),
        Err(fs4::TryLockError::Error(e)) => Err(io("lock", &path)(e)),
    }
}

fn open_backup(from: &Path) -> Result<Connection, BackupError> {
    if !from.is_file() {
        return Err(BackupError::Refused(format!("there is no backup file at {}", from.display())));
    }
    Ok(Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?)
}

fn read_manifest(backup: &Connection, from: &Path) -> Result<BTreeMap<String, String>, BackupError> {
    let not_ours = || {
        BackupError::Refused(format!(
            "{} is not a Rustition backup of an SQLite database (made by `rustition backup`); a PostgreSQL \
             dump is restored with pg_restore (see the README)",
            from.display()
        ))
    };
    let rows = backup
        .prepare(&format!("SELECT name, value FROM {MANIFEST}"))
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<BTreeMap<_, _>, _>>())
        .map_err(|_| not_ours())?;
    match rows.get("format").map(String::as_str) {
        Some(FORMAT) => Ok(rows),
        Some(other) => Err(BackupError::Refused(format!(
            "{} is a backup of format {other}, which this Rustition does not read: restore it with a newer one",
            from.display()
        ))),
        None => Err(not_ours()),
    }
}

/// Rows per table of a database that was just migrated: a database holding no more than that
/// (an instance started once, never used) is empty, and a restore may replace it unasked.
async fn fresh_row_counts() -> Result<BTreeMap<String, i64>, BackupError> {
    let dir = tempfile_dir()?;
    let path = dir.join("fresh.db");
    let mut settings = Settings::default();
    settings.server.data_dir = dir.clone();
    settings.database.url = Some(format!("sqlite://{}?mode=rwc", path.display()));
    settings.database.max_connections = 1;
    let result = async {
        let db = super::connect(&settings).await?;
        <migrations::Migrator as migrations::MigratorTrait>::up(&db, None).await?;
        db.close().await?;
        let conn = Connection::open(&path)?;
        row_counts(&conn)
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn tempfile_dir() -> Result<PathBuf, BackupError> {
    let dir = std::env::temp_dir().join(format!("rustition-restore-{}", crate::domain::tokens::random_token(9)));
    config::private_dir(&dir).map_err(io("create", &dir))?;
    Ok(dir)
}

fn row_counts(conn: &Connection) -> Result<BTreeMap<String, i64>, BackupError> {
    let mut statement = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> 'seaql_migrations' ORDER BY name",
    )?;
    let tables = statement.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
    let mut counts = BTreeMap::new();
    for table in tables {
        let n: i64 =
            conn.query_row(&format!("SELECT COUNT(*) FROM \"{}\"", table.replace('"', "\"\"")), [], |r| r.get(0))?;
        counts.insert(table, n);
    }
    Ok(counts)
}

/// The tables of `conn` holding more rows than a fresh database has, with their counts.
fn data_beyond(conn: &Connection, fresh: &BTreeMap<String, i64>) -> Result<Vec<(String, i64)>, BackupError> {
    Ok(row_counts(conn)?.into_iter().filter(|(table, n)| *n > fresh.get(table).copied().unwrap_or(0)).collect())
}

/// Puts the backup's secret key where this instance reads it: `<data_dir>/secret_key`, unless
/// the configuration sets one (then it is told whether they differ).
fn restore_key(settings: &Settings, key: Option<&str>, report: &mut Report) -> Result<(), BackupError> {
    let Some(key) = key.filter(|k| !k.is_empty()) else {
        report.warnings.push("the backup holds no secret key: links mailed before it will not work".into());
        return Ok(());
    };
    if let Some(configured) = &settings.server.secret_key {
        if configured != key {
            report.warnings.push(
                "the configuration sets a secret key ([server] secret_key) that is not the backup's: links \
                 mailed before the backup, sessions and client limits will not match until it is set to the \
                 backup's (`sqlite3 FILE \"SELECT value FROM rustition_backup WHERE name = 'secret_key'\"`)"
                    .into(),
            );
        }
        return Ok(());
    }
    let dir = &settings.server.data_dir;
    config::private_dir(dir).map_err(io("create", dir))?;
    let path = dir.join("secret_key");
    match std::fs::read_to_string(&path) {
        Ok(existing) if existing.trim() == key => {
            report.lines.push(format!("the secret key in {} is already the backup's", path.display()));
            return Ok(());
        }
        Ok(_) => {
            let kept = dir.join("secret_key.before-restore");
            std::fs::rename(&path, &kept).map_err(io("move", &path))?;
            report.warnings.push(format!("the secret key that was there is kept as {}", kept.display()));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io("read", &path)(e)),
    }
    write_private(&path, key)?;
    report.lines.push(format!("the backup's secret key is restored into {}", path.display()));
    Ok(())
}

/// Writes `contents` to `path` (owner-only), replacing it in one rename.
pub(super) fn write_private(path: &Path, contents: &str) -> Result<(), BackupError> {
    let partial = Partial::create(path)?;
    std::fs::write(&partial.path, contents).map_err(io("write", &partial.path))?;
    partial.finish(path)
}
