//! The instance's sending limit, kept in the database so that every worker process shares it:
//! at most `max_per_minute` sends in any 60 seconds, and no send at all while the queue is
//! paused because the SMTP host asked us to slow down or could not be reached.
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

/// Either a slot to send one message (given back with `release` when there is nothing to send),
/// or how long to wait.
#[derive(Debug)]
pub enum Slot {
    Granted(i64),
    Wait(chrono::Duration),
}

fn stmt(db: &impl ConnectionTrait, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
    Statement::from_sql_and_values(db.get_database_backend(), sql, values)
}

/// Takes a send slot if the minute's budget and the pause allow it. The throttle row is locked
/// for the decision, so two workers cannot both take the last slot.
pub async fn acquire(db: &DatabaseConnection, now: DateTime<Utc>, max_per_minute: u32) -> Result<Slot, DbErr> {
    let txn = crate::db::begin_write(db).await?;
    let free = match room(&txn, now, max_per_minute).await? {
        Ok(free) => free,
        Err(wait) => {
            txn.rollback().await?;
            return Ok(Slot::Wait(wait));
        }
    };
    debug_assert!(free >= 1);
    let row = txn
        .query_one_raw(stmt(&txn, "INSERT INTO mail_sends (sent_at) VALUES ($1) RETURNING id", vec![now.into()]))
        .await?
        .ok_or_else(|| DbErr::Custom("INSERT … RETURNING returned no row".into()))?;
    let id: i64 = row.try_get("", "id")?;
    txn.commit().await?;
    Ok(Slot::Granted(id))
}

/// In a write transaction: locks the throttle row and tells how many sends the minute's budget
/// still allows (at least one), or how long to wait (paused, or the budget spent). Whatever the
/// caller then sends, it records with `record` in the same transaction.
pub async fn room(
    txn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    max_per_minute: u32,
) -> Result<Result<u32, chrono::Duration>, DbErr> {
    // Locks the row: FOR UPDATE on PostgreSQL; on SQLite a write takes the database lock.
    let lock = if txn.get_database_backend() == DbBackend::Postgres {
        "SELECT paused_until FROM mail_throttle WHERE id = 1 FOR UPDATE"
    } else {
        "UPDATE mail_throttle SET level = level WHERE id = 1 RETURNING paused_until"
    };
    let row = txn.query_one_raw(stmt(txn, lock, vec![])).await?;
    let paused_until: Option<DateTime<Utc>> = match row {
        Some(row) => row.try_get("", "paused_until")?,
        None => None,
    };
    if let Some(until) = paused_until.filter(|u| *u > now) {
        return Ok(Err(until - now));
    }
    let window_start = now - chrono::Duration::seconds(60);
    let row = txn
        .query_one_raw(stmt(
            txn,
            "SELECT COUNT(*) AS n, MIN(sent_at) AS oldest FROM mail_sends WHERE sent_at > $1",
            vec![window_start.into()],
        ))
        .await?;
    let (sent, oldest): (i64, Option<DateTime<Utc>>) = match row {
        Some(row) => (row.try_get("", "n")?, row.try_get("", "oldest")?),
        None => (0, None),
    };
    if sent >= i64::from(max_per_minute) {
        let free_at = oldest.map_or(now, |o| o + chrono::Duration::seconds(60));
        return Ok(Err((free_at - now).max(chrono::Duration::milliseconds(10))));
    }
    Ok(Ok(u32::try_from(i64::from(max_per_minute) - sent).unwrap_or(u32::MAX)))
}

/// Records `n` sends at `now` against the budget (in the transaction `room` was asked in).
pub async fn record(txn: &impl ConnectionTrait, now: DateTime<Utc>, n: usize) -> Result<(), DbErr> {
    if n == 0 {
        return Ok(());
    }
    let values = vec!["($1)"; n].join(", ");
    txn.execute_raw(stmt(txn, &format!("INSERT INTO mail_sends (sent_at) VALUES {values}"), vec![now.into()])).await?;
    Ok(())
}

/// Gives a slot back (nothing was due after all).
pub async fn release(db: &impl ConnectionTrait, slot: i64) -> Result<(), DbErr> {
    db.execute_raw(stmt(db, "DELETE FROM mail_sends WHERE id = $1", vec![slot.into()])).await?;
    Ok(())
}

/// Pauses the whole queue: `base` × 2^level, capped at `max`. Returns when sending resumes.
pub async fn pause(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    base: chrono::Duration,
    max: chrono::Duration,
) -> Result<DateTime<Utc>, DbErr> {
    let row = db
        .query_one_raw(stmt(db, "UPDATE mail_throttle SET level = level + 1 WHERE id = 1 RETURNING level", vec![]))
        .await?;
    let level: i32 = match row {
        Some(row) => row.try_get("", "level")?,
        None => 1,
    };
    let factor = 1i32 << (level - 1).clamp(0, 20);
    let until = now + (base * factor).min(max);
    db.execute_raw(stmt(db, "UPDATE mail_throttle SET paused_until = $1 WHERE id = 1", vec![until.into()])).await?;
    Ok(until)
}

/// A message went through: the host is happy again.
pub async fn resume(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    db.execute_raw(stmt(
        db,
        "UPDATE mail_throttle SET level = 0, paused_until = NULL WHERE id = 1 AND level > 0",
        vec![],
    ))
    .await?;
    Ok(())
}

/// Forgets sends older than an hour (only the last minute matters).
pub async fn forget_old(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let result = db
        .execute_raw(stmt(
            db,
            "DELETE FROM mail_sends WHERE sent_at < $1",
            vec![(now - chrono::Duration::hours(1)).into()],
        ))
        .await?;
    Ok(result.rows_affected())
}
