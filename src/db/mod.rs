//! The database connection. SQLite (the embedded default) is tuned here; PostgreSQL is used as
//! configured by its URL.
use std::path::{Path, PathBuf};
use std::time::Duration;

use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};

use crate::config::{self, Settings};

pub mod backup;
pub mod group_commit;
pub mod leader;
mod pg_dump;
pub mod schema;

pub async fn connect(settings: &Settings) -> Result<DatabaseConnection, DbErr> {
    open(settings, settings.database.max_connections, STATEMENT_CACHE).await
}

/// Statements each connection keeps prepared (sqlx's default): every query the app makes.
const STATEMENT_CACHE: usize = 100;
/// The group writer's statements bind a list whose length varies with the group: each length is
/// a statement of its own, up to a few hundred KiB prepared. Kept on one connection with a short
/// cache, they cost at most a few MiB instead of filling every connection's cache.
const WRITER_STATEMENT_CACHE: usize = 16;

/// The one connection the steady writers share (see `App::writer`).
pub async fn connect_writer(settings: &Settings) -> Result<DatabaseConnection, DbErr> {
    open(settings, 1, WRITER_STATEMENT_CACHE).await
}

async fn open(settings: &Settings, max_connections: u32, statement_cache: usize) -> Result<DatabaseConnection, DbErr> {
    let url = settings.database_url();
    let file = sqlite_file(&url);
    if let Some(file) = &file {
        prepare_sqlite_file(file, &settings.server.data_dir)?;
    }
    let mut options = ConnectOptions::new(url.clone());
    options
        .max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if url.starts_with("sqlite:") {
        // WAL lets readers go on while one writer commits; synchronous=FULL (the default) syncs
        // the WAL at each commit, so what was acknowledged survives a power loss (the group
        // commit makes that one fsync per group); NORMAL only survives a crash of the process.
        // A busy timeout makes writers queue instead of failing with "database is locked".
        let synchronous = match settings.database.sqlite_synchronous {
            config::Synchronous::Full => sea_orm::sqlx::sqlite::SqliteSynchronous::Full,
            config::Synchronous::Normal => sea_orm::sqlx::sqlite::SqliteSynchronous::Normal,
        };
        options.map_sqlx_sqlite_opts(move |o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(synchronous)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                .statement_cache_capacity(statement_cache)
        });
    }
    let db = Database::connect(options).await?;
    if let Some(file) = &file {
        // Created by SQLite in WAL mode, with the database file's mode; an older install's are
        // tightened here.
        for suffix in ["-wal", "-shm"] {
            let mut companion = file.clone().into_os_string();
            companion.push(suffix);
            let companion = PathBuf::from(companion);
            if companion.exists() {
                config::private_file(&companion).map_err(|e| cannot("protect", &companion, e))?;
            }
        }
    }
    Ok(db)
}

/// The database file of an SQLite URL (none in memory, nor for PostgreSQL).
pub(crate) fn sqlite_file(url: &str) -> Option<PathBuf> {
    let path = url.strip_prefix("sqlite:")?;
    let path = path.strip_prefix("//").unwrap_or(path);
    let path = path.split('?').next().unwrap_or(path);
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

fn cannot(what: &str, path: &Path, e: std::io::Error) -> DbErr {
    DbErr::Custom(format!("cannot {what} {}: {e}", path.display()))
}

/// SQLite creates the file but not its folder, and with the umask's mode: the folder is made
/// private (the data folder tightened if it exists), the file created or kept owner-only
/// before SQLite opens it. Signers' data and password hashes are in it.
pub(crate) fn prepare_sqlite_file(file: &Path, data_dir: &Path) -> Result<(), DbErr> {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty())
        && (dir == data_dir || !dir.exists())
    {
        config::private_dir(dir).map_err(|e| cannot("create", dir, e))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(file).map_err(|e| cannot("create", file, e))?;
    config::private_file(file).map_err(|e| cannot("protect", file, e))
}

/// `<database file>.in-use`: held shared by every running server and worker of an SQLite
/// database, so that `restore` can tell that one still runs (it takes the lock exclusively).
pub(crate) fn in_use_file(database: &Path) -> PathBuf {
    let mut path = database.as_os_str().to_os_string();
    path.push(".in-use");
    PathBuf::from(path)
}

/// Marks the SQLite database as in use by this process until the returned file is dropped
/// (`serve`, `worker`). PostgreSQL is restored outside Rustition: nothing to mark.
pub fn hold_in_use(settings: &Settings) -> Result<Option<std::fs::File>, schema::MigrateError> {
    let Some(file) = sqlite_file(&settings.database_url()) else { return Ok(None) };
    prepare_sqlite_file(&file, &settings.server.data_dir)?;
    let path = in_use_file(&file);
    let lock_err = |source| schema::MigrateError::Lock { path: path.clone(), source };
    let handle = schema::private_lock_file(&path).map_err(lock_err)?;
    fs4::FileExt::lock_shared(&handle).map_err(lock_err)?;
    Ok(Some(handle))
}

/// Applies the pending migrations, one process at a time, refusing a database that a newer
/// Rustition migrated (see `schema`).
pub async fn migrate(db: &DatabaseConnection) -> Result<(), schema::MigrateError> {
    schema::migrate(db).await
}

/// Begins a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads and then writes cannot wait for the
/// lock and fails with "database is locked" when another writer got there first, whereas an
/// immediate one queues behind it for up to the busy timeout.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Settings for a fresh SQLite file `name` in a temporary folder (kept while the folder lives),
/// for unit tests that need a real database.
#[cfg(test)]
pub fn scratch(name: &str) -> (tempfile::TempDir, Settings) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut settings = Settings::default();
    settings.database.url = Some(format!("sqlite://{}/{name}?mode=rwc", dir.path().display()));
    (dir, settings)
}
