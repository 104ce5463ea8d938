//! The signature search's index on SQLite, kept by the periodic batch instead of by signing
//! (migration `search_batch`): `catch_up` adds the signatures above `search_indexed.up_to`, a
//! bounded batch per transaction so that signers wait for no long write. Until it has run, the
//! search scans the signatures above `up_to` (`signature_admin`), so nothing is missed.
//! PostgreSQL's trigram indexes are kept by the database itself: nothing to do there.
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

/// Signatures indexed per transaction at most.
const PER_BATCH: i64 = 5_000;

/// The highest signature id in the index: a subquery, for the search's scan of those above.
pub const UP_TO: &str = "(SELECT up_to FROM search_indexed WHERE id = 1)";

/// Indexes every signature added since the last run; returns how many.
pub async fn catch_up(db: &DatabaseConnection) -> Result<u64, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(0);
    }
    let mut indexed = 0;
    loop {
        let txn = crate::db::begin_write(db).await?;
        // The batch's last id: `PER_BATCH` ids above `up_to` at most (fewer where rows were deleted).
        let last = format!(
            "SELECT MAX(id) AS last, COUNT(*) AS n FROM (SELECT id FROM signatures WHERE id > {UP_TO} \
             ORDER BY id LIMIT {PER_BATCH})"
        );
        let row = txn.query_one_raw(Statement::from_string(DbBackend::Sqlite, last)).await?;
        let (last, n) = match row {
            Some(row) => (row.try_get::<Option<i64>>("", "last")?, row.try_get::<i64>("", "n")?),
            None => (None, 0),
        };
        let Some(last) = last else {
            txn.commit().await?;
            return Ok(indexed);
        };
        let add = format!(
            "INSERT INTO signatures_search (rowid, first_name, last_name, email) \
             SELECT id, first_name, last_name, email FROM signatures WHERE id > {UP_TO} AND id <= $1"
        );
        txn.execute_raw(Statement::from_sql_and_values(DbBackend::Sqlite, add, [last.into()])).await?;
        let moved = "UPDATE search_indexed SET up_to = $1 WHERE id = 1";
        txn.execute_raw(Statement::from_sql_and_values(DbBackend::Sqlite, moved, [last.into()])).await?;
        txn.commit().await?;
        indexed += n as u64;
        if n < PER_BATCH {
            return Ok(indexed);
        }
    }
}
