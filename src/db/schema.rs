//! Which migrations a database has, and applying the missing ones one process at a time.
//!
//! Every process that starts (`serve`, `worker`, `migrate`, …) migrates first. Two of them
//! started at once would both find the same migrations pending and both apply them, the second
//! failing half-way ("table already exists") or, worse, applying a data migration twice. So
//! migrating takes a lock first: on PostgreSQL a session advisory lock, on SQLite an exclusive
//! lock on a file beside the database (SQLite's own write lock cannot be held across the
//! migrator, which writes on connections of its own). The one that waited then finds nothing
//! pending.
use std::collections::HashSet;
use std::path::PathBuf;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::{self, Connection as _};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

/// The advisory lock key of Rustition's migrations on PostgreSQL ("rustitio" in ASCII): any
/// constant works, as long as every Rustition uses the same and nothing else does.
const PG_LOCK_KEY: i64 = 0x7275_7374_6974_696f;

#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error(
        "this database was upgraded by a newer Rustition: it holds migrations this binary does not know ({}). \
         Install that version (or newer) again, or restore a backup made before the upgrade",
        .0.join(", ")
    )]
    Newer(Vec<String>),
    #[error("cannot lock {}: {source}", .path.display())]
    Lock { path: PathBuf, source: std::io::Error },
}

/// What a database holds, against the migrations this binary carries.
#[derive(Debug, Default)]
pub struct SchemaState {
    /// Every migration of this binary in order, with whether the database has it.
    pub migrations: Vec<(String, bool)>,
    /// Migrations the database records that this binary does not know: a newer Rustition's.
    pub unknown: Vec<String>,
}

impl SchemaState {
    pub fn pending(&self) -> impl Iterator<Item = &str> {
        self.migrations.iter().filter(|(_, applied)| !applied).map(|(name, _)| name.as_str())
    }

    /// Refuses a database that a newer binary migrated: this one would run against a schema it
    /// was not written for.
    pub fn refuse_newer(&self) -> Result<(), MigrateError> {
        if self.unknown.is_empty() { Ok(()) } else { Err(MigrateError::Newer(self.unknown.clone())) }
    }
}

/// The names of this binary's migrations, oldest first.
pub fn known_migrations() -> Vec<String> {
    Migrator::migrations().iter().map(|m| m.name().to_string()).collect()
}

/// Splits the versions a database records into this binary's migrations (applied or not) and
/// the unknown ones.
pub fn compare(recorded: &[String]) -> SchemaState {
    let recorded_set: HashSet<&str> = recorded.iter().map(String::as_str).collect();
    let known = known_migrations();
    let known_set: HashSet<&str> = known.iter().map(String::as_str).collect();
    SchemaState {
        unknown: recorded.iter().filter(|v| !known_set.contains(v.as_str())).cloned().collect(),
        migrations: known.iter().map(|name| (name.clone(), recorded_set.contains(name.as_str()))).collect(),
    }
}

/// Reads the migration table without creating it (an empty database has none).
pub async fn state(db: &impl ConnectionTrait) -> Result<SchemaState, DbErr> {
    let backend = db.get_database_backend();
    let exists = match backend {
        DbBackend::Postgres => {
            "SELECT COUNT(*) FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name = 'seaql_migrations'"
        }
        _ => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'seaql_migrations'",
    };
    let row = db.query_one_raw(Statement::from_string(backend, exists)).await?;
    let found = row.map(|r| r.try_get_by_index::<i64>(0)).transpose()?.unwrap_or(0) > 0;
    let mut recorded = Vec::new();
    if found {
        let sql = "SELECT version FROM seaql_migrations ORDER BY version";
        for row in db.query_all_raw(Statement::from_string(backend, sql)).await? {
            recorded.push(row.try_get_by_index::<String>(0)?);
        }
    }
    Ok(compare(&recorded))
}

/// Applies the pending migrations under the migration lock, after checking that the database
/// is not newer than this binary.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), MigrateError> {
    match db.get_database_backend() {
        DbBackend::Postgres => migrate_postgres(db).await,
        _ => {
            let _lock = lock_sqlite(db).await?;
            state(db).await?.refuse_newer()?;
            Ok(Migrator::up(db, None).await?)
        }
    }
}

/// The advisory lock is a session's: it is taken on a connection of its own, outside the pool,
/// so that the migrator keeps every pooled connection (even with `max_connections = 1`) and
/// the lock is released when that connection closes, whatever happened.
async fn migrate_postgres(db: &DatabaseConnection) -> Result<(), MigrateError> {
    let options = db.get_postgres_connection_pool().connect_options();
    let mut lock = sqlx::PgConnection::connect_with(&options).await.map_err(sqlx_err)?;
    let waiting = sqlx::query_scalar::<_, bool>("SELECT pg_try_advisory_lock($1)")
        .bind(PG_LOCK_KEY)
        .fetch_one(&mut lock)
        .await
        .map_err(sqlx_err)?;
    if !waiting {
        tracing::info!("another process is migrating this database; waiting for it");
        sqlx::query("SELECT pg_advisory_lock($1)").bind(PG_LOCK_KEY).execute(&mut lock).await.map_err(sqlx_err)?;
    }
    let result = async {
        state(db).await?.refuse_newer()?;
        Ok(Migrator::up(db, None).await?)
    }
    .await;
    // Closing the session releases the lock, and so does an error or a crash.
    let _ = lock.close().await;
    result
}

fn sqlx_err(e: sqlx::Error) -> DbErr {
    DbErr::Conn(sea_orm::RuntimeErr::SqlxError(e.into()))
}

/// Takes the exclusive lock on `<database file>.migrate-lock`, waiting for any other holder.
/// An in-memory database (unit tests) is one process's alone and needs none.
async fn lock_sqlite(db: &DatabaseConnection) -> Result<Option<std::fs::File>, MigrateError> {
    let row = db.query_one_raw(Statement::from_string(DbBackend::Sqlite, "PRAGMA database_list")).await?;
    let file = match row {
        Some(row) => row.try_get::<String>("", "file")?,
        None => String::new(),
    };
    if file.is_empty() {
        return Ok(None);
    }
    let mut path = PathBuf::from(file).into_os_string();
    path.push(".migrate-lock");
    let path = PathBuf::from(path);
    let lock_err = |source| MigrateError::Lock { path: path.clone(), source };
    let handle = private_lock_file(&path).map_err(lock_err)?;
    let handle = match fs4::FileExt::try_lock(&handle) {
        Ok(()) => handle,
        Err(fs4::TryLockError::WouldBlock) => {
            tracing::info!("another process is migrating this database; waiting for it");
            tokio::task::spawn_blocking(move || fs4::FileExt::lock(&handle).map(|()| handle))
                .await
                .map_err(|e| lock_err(std::io::Error::other(e)))?
                .map_err(lock_err)?
        }
        Err(fs4::TryLockError::Error(e)) => return Err(lock_err(e)),
    };
    Ok(Some(handle))
}

pub(crate) fn private_lock_file(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_this_binary_lacks_is_unknown_and_refused() {
        let known = known_migrations();
        let mut recorded = known[..2].to_vec();
        let state = compare(&recorded);
        assert!(state.unknown.is_empty());
        assert_eq!(state.pending().count(), known.len() - 2);
        assert!(state.refuse_newer().is_ok());
        recorded.push("m20991231_000001_from_the_future".into());
        let state = compare(&recorded);
        assert_eq!(state.unknown, ["m20991231_000001_from_the_future"]);
        let message = state.refuse_newer().unwrap_err().to_string();
        assert!(message.contains("m20991231_000001_from_the_future") && message.contains("newer Rustition"));
    }

    #[tokio::test]
    async fn a_database_migrates_under_its_lock_file_and_then_has_nothing_pending() {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = crate::config::Settings::default();
        settings.database.url = Some(format!("sqlite://{}/schema.db?mode=rwc", dir.path().display()));
        let db = crate::db::connect(&settings).await.unwrap();
        assert_eq!(state(&db).await.unwrap().pending().count(), known_migrations().len());
        migrate(&db).await.unwrap();
        assert!(dir.path().join("schema.db.migrate-lock").exists());
        let after = state(&db).await.unwrap();
        assert_eq!(after.pending().count(), 0);
        assert!(after.unknown.is_empty());
    }
}
