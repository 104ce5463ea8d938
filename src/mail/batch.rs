//! The queue in batches: a worker claims several due jobs in one transaction (with their send
//! slots), sends them over its connection, and records the sent ones with one statement. Two
//! commits per batch instead of five per mail: with `synchronous = full` each commit is a sync
//! to disk. The guarantees are `queue`'s: each job is leased to one attempt, and an outcome is
//! recorded only while that attempt holds it.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, FromQueryResult, QueryFilter,
    Statement,
};

use super::queue::{Lease, STATUS_QUEUED, STATUS_SENDING, STATUS_SENT};
use super::throttle;
use crate::entities::mail_job;

/// What a batch claim got.
#[derive(Debug)]
pub enum Claimed {
    /// Jobs leased until the claim's `lease_until`, most urgent first (empty: nothing due).
    Jobs(Vec<mail_job::Model>),
    /// The queue is paused or the minute's budget is spent: look again after this long.
    Wait(chrono::Duration),
}

/// Claims up to `limit` due jobs, the most urgent of the earliest rounds (as `queue::claim`
/// does one), within the minute's budget, and records their sends against it: all in one write
/// transaction, so two workers never take the same job nor the same slot.
pub async fn claim_batch(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    max_per_minute: u32,
    limit: u32,
) -> Result<Claimed, DbErr> {
    let txn = crate::db::begin_write(db).await?;
    let room = match throttle::room(&txn, now, max_per_minute).await? {
        Ok(room) => room,
        Err(wait) => {
            txn.rollback().await?;
            return Ok(Claimed::Wait(wait));
        }
    };
    let backend = txn.get_database_backend();
    // The jobs are picked once, in a CTE: as `IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)`,
    // PostgreSQL may run the subquery again for each row it updates, each run skipping the rows
    // the previous ones locked, and so take more than `n` jobs (past the minute's budget).
    let (materialized, lock) =
        if backend == DbBackend::Postgres { ("MATERIALIZED ", " FOR UPDATE SKIP LOCKED") } else { ("", "") };
    let sql = format!(
        "WITH picked AS {materialized}(SELECT id FROM mail_queue WHERE status = '{STATUS_QUEUED}' \
         AND next_attempt_at <= $2 ORDER BY priority, fair_round, id LIMIT $3{lock}) \
         UPDATE mail_queue SET status = '{STATUS_SENDING}', attempts = attempts + 1, lease_until = $1 \
         WHERE id IN (SELECT id FROM picked) AND status = '{STATUS_QUEUED}' RETURNING *"
    );
    let take = i64::from(limit.clamp(1, Ord::max(room, 1)));
    let stmt = Statement::from_sql_and_values(backend, sql, [lease_until.into(), now.into(), take.into()]);
    let mut jobs = Vec::new();
    for row in txn.query_all_raw(stmt).await? {
        jobs.push(mail_job::Model::from_query_result(&row, "")?);
    }
    if jobs.is_empty() {
        txn.rollback().await?;
        return Ok(Claimed::Jobs(jobs));
    }
    jobs.sort_by_key(|j| (j.priority, j.fair_round, j.id));
    throttle::record(&txn, now, jobs.len()).await?;
    if let Some(round) = jobs.iter().map(|j| j.fair_round).max() {
        let advance = "UPDATE mail_throttle SET round = $1 WHERE id = 1 AND round < $1";
        txn.execute_raw(Statement::from_sql_and_values(backend, advance, [round.into()])).await?;
    }
    txn.commit().await?;
    Ok(Claimed::Jobs(jobs))
}

/// Records the deliveries of `leases` in one statement, as `queue::mark_sent` does each (the
/// body goes, the envelope stays), for those whose attempt still holds its job. Returns how
/// many were recorded: fewer than `leases` only when a lease ran out meanwhile.
pub async fn mark_sent_many(db: &impl ConnectionTrait, leases: &[Lease], now: DateTime<Utc>) -> Result<u64, DbErr> {
    let mut recorded = 0;
    // A few hundred bound values per statement at most, well within both databases' limits.
    for chunk in leases.chunks(200) {
        let held = chunk.iter().fold(Condition::any(), |any, lease| {
            any.add(mail_job::Column::Id.eq(lease.id).and(mail_job::Column::Attempts.eq(lease.attempt)))
        });
        let result = mail_job::Entity::update_many()
            .col_expr(mail_job::Column::Status, Expr::value(STATUS_SENT))
            .col_expr(mail_job::Column::BodyText, Expr::value(""))
            .col_expr(mail_job::Column::BodyHtml, Expr::value(Option::<String>::None))
            .col_expr(mail_job::Column::SentAt, Expr::value(now))
            .col_expr(mail_job::Column::LeaseUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(mail_job::Column::LastError, Expr::value(Option::<String>::None))
            .filter(mail_job::Column::Status.eq(STATUS_SENDING))
            .filter(held)
            .exec(db)
            .await?;
        recorded += result.rows_affected;
    }
    Ok(recorded)
}

/// Puts back jobs claimed but never tried (their worker is stopping, or the host asked to slow
/// down): queued again, due at once, their attempt not counted. Returns how many were still held.
pub async fn put_back_untried(db: &impl ConnectionTrait, leases: &[Lease], now: DateTime<Utc>) -> Result<u64, DbErr> {
    let mut put_back = 0;
    for chunk in leases.chunks(200) {
        let held = chunk.iter().fold(Condition::any(), |any, lease| {
            any.add(mail_job::Column::Id.eq(lease.id).and(mail_job::Column::Attempts.eq(lease.attempt)))
        });
        let result = mail_job::Entity::update_many()
            .col_expr(mail_job::Column::Status, Expr::value(STATUS_QUEUED))
            .col_expr(mail_job::Column::Attempts, Expr::col(mail_job::Column::Attempts).sub(1))
            .col_expr(mail_job::Column::LeaseUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(mail_job::Column::NextAttemptAt, Expr::value(now))
            .filter(mail_job::Column::Status.eq(STATUS_SENDING))
            .filter(held)
            .exec(db)
            .await?;
        put_back += result.rows_affected;
    }
    Ok(put_back)
}
