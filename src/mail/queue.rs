//! The queue is a table: a job is written in the same transaction as what caused it, claimed
//! with a lease, and marked sent, retried later, or failed. Nothing lives only in memory.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult, QueryFilter,
    QueryOrder, QuerySelect, Set, Statement,
};

use crate::domain::tokens;
use crate::entities::mail_job;

/// Signer and account mail: claimed before anything else.
pub const PRIORITY_URGENT: i16 = 0;
/// Notifications and newsletters.
pub const PRIORITY_BULK: i16 = 10;

/// A message waiting to be queued.
#[derive(Debug, Clone)]
pub struct MailDraft {
    pub kind: &'static str,
    pub priority: i16,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    /// Where answers go, when not to the instance's sender address.
    pub reply_to: Option<String>,
}

pub const STATUS_QUEUED: &str = "queued";
pub const STATUS_SENDING: &str = "sending";
pub const STATUS_SENT: &str = "sent";
pub const STATUS_FAILED: &str = "failed";
pub const STATUS_CANCELLED: &str = "cancelled";
pub const STATUSES: [&str; 5] = [STATUS_QUEUED, STATUS_SENDING, STATUS_SENT, STATUS_FAILED, STATUS_CANCELLED];

/// Adds a job; the Message-ID (completed with the sender's domain when sent) is fixed now, so
/// that a resend after a crash can be de-duplicated by the receiver.
pub async fn enqueue(db: &impl ConnectionTrait, draft: MailDraft, now: DateTime<Utc>) -> Result<i64, DbErr> {
    Ok(job_row(draft, now).insert(db).await?.id)
}

/// The row `enqueue` adds, for callers that add many at once.
pub fn job_row(draft: MailDraft, now: DateTime<Utc>) -> mail_job::ActiveModel {
    mail_job::ActiveModel {
        priority: Set(draft.priority),
        kind: Set(draft.kind.to_string()),
        recipient: Set(draft.recipient),
        subject: Set(draft.subject),
        body_text: Set(draft.body_text),
        body_html: Set(draft.body_html),
        reply_to: Set(draft.reply_to),
        message_id: Set(tokens::random_token(18)),
        status: Set(STATUS_QUEUED.into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        lease_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    }
}

/// Takes the most urgent due job, if any, and leases it until `lease_until`. One statement, so
/// two workers never take the same job (SKIP LOCKED on PostgreSQL; SQLite serialises writers).
pub async fn claim(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
) -> Result<Option<mail_job::Model>, DbErr> {
    let backend = db.get_database_backend();
    let lock = if backend == DbBackend::Postgres { " FOR UPDATE SKIP LOCKED" } else { "" };
    let sql = format!(
        "UPDATE mail_queue SET status = '{STATUS_SENDING}', attempts = attempts + 1, lease_until = $1 \
         WHERE id = (SELECT id FROM mail_queue WHERE status = '{STATUS_QUEUED}' AND next_attempt_at <= $2 \
         ORDER BY priority, next_attempt_at, id LIMIT 1{lock}) AND status = '{STATUS_QUEUED}' RETURNING *"
    );
    let stmt = Statement::from_sql_and_values(backend, sql, [lease_until.into(), now.into()]);
    match db.query_one_raw(stmt).await? {
        Some(row) => Ok(Some(mail_job::Model::from_query_result(&row, "")?)),
        None => Ok(None),
    }
}

pub async fn mark_sent(db: &impl ConnectionTrait, id: i64, now: DateTime<Utc>) -> Result<(), DbErr> {
    mail_job::Entity::update_many()
        .col_expr(mail_job::Column::Status, Expr::value(STATUS_SENT))
        .col_expr(mail_job::Column::SentAt, Expr::value(now))
        .col_expr(mail_job::Column::LeaseUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(mail_job::Column::LastError, Expr::value(Option::<String>::None))
        .filter(mail_job::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Back to the queue, due at `next_attempt_at`.
pub async fn mark_retry(
    db: &impl ConnectionTrait,
    id: i64,
    error: &str,
    next_attempt_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    end_attempt(db, id, STATUS_QUEUED, error, Some(next_attempt_at)).await
}

pub async fn mark_failed(db: &impl ConnectionTrait, id: i64, error: &str) -> Result<(), DbErr> {
    end_attempt(db, id, STATUS_FAILED, error, None).await
}

/// A failed attempt, retried or not: the lease is given up, the error kept, and the job put in
/// `status` (due again at `next_attempt_at` when there is one).
async fn end_attempt(
    db: &impl ConnectionTrait,
    id: i64,
    status: &str,
    error: &str,
    next_attempt_at: Option<DateTime<Utc>>,
) -> Result<(), DbErr> {
    let mut update = mail_job::Entity::update_many()
        .col_expr(mail_job::Column::Status, Expr::value(status))
        .col_expr(mail_job::Column::LeaseUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(mail_job::Column::LastError, Expr::value(error));
    if let Some(next) = next_attempt_at {
        update = update.col_expr(mail_job::Column::NextAttemptAt, Expr::value(next));
    }
    update.filter(mail_job::Column::Id.eq(id)).exec(db).await?;
    Ok(())
}

/// Jobs whose worker died while sending go back to the queue. Returns how many.
pub async fn release_expired_leases(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let result = mail_job::Entity::update_many()
        .col_expr(mail_job::Column::Status, Expr::value(STATUS_QUEUED))
        .col_expr(mail_job::Column::LeaseUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(mail_job::Column::Status.eq(STATUS_SENDING))
        .filter(mail_job::Column::LeaseUntil.lt(now))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Whether a job is due now (a cheap read, so an idle worker does not write).
pub async fn has_due(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let due = mail_job::Entity::find()
        .select_only()
        .column(mail_job::Column::Id)
        .filter(mail_job::Column::Status.eq(STATUS_QUEUED))
        .filter(mail_job::Column::NextAttemptAt.lte(now))
        .limit(1)
        .into_tuple::<i64>()
        .one(db)
        .await?;
    Ok(due.is_some())
}

/// Deletes sent jobs older than `keep_days`. Returns how many.
pub async fn purge_sent(db: &impl ConnectionTrait, now: DateTime<Utc>, keep_days: u32) -> Result<u64, DbErr> {
    let result = mail_job::Entity::delete_many()
        .filter(mail_job::Column::Status.eq(STATUS_SENT))
        .filter(mail_job::Column::SentAt.lt(now - chrono::Duration::days(i64::from(keep_days))))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Jobs per status, for `rustition mail status` and the admin page.
pub async fn counts(db: &impl ConnectionTrait) -> Result<Vec<(String, i64)>, DbErr> {
    mail_job::Entity::find()
        .select_only()
        .column(mail_job::Column::Status)
        .column_as(mail_job::Column::Id.count(), "n")
        .group_by(mail_job::Column::Status)
        .into_tuple()
        .all(db)
        .await
}

/// The latest jobs, of one status or all, newest first.
pub async fn list(db: &impl ConnectionTrait, status: Option<&str>, limit: u64) -> Result<Vec<mail_job::Model>, DbErr> {
    let mut query = mail_job::Entity::find().order_by_desc(mail_job::Column::Id).limit(limit);
    if let Some(status) = status {
        query = query.filter(mail_job::Column::Status.eq(status));
    }
    query.all(db).await
}

/// An admin's "retry now": a queued, failed or cancelled job is due at once, with its attempts
/// counted afresh. Returns false when there was no such job (or it is being sent or was sent).
pub async fn retry_now(db: &impl ConnectionTrait, id: i64, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let result = mail_job::Entity::update_many()
        .col_expr(mail_job::Column::Status, Expr::value(STATUS_QUEUED))
        .col_expr(mail_job::Column::NextAttemptAt, Expr::value(now))
        .col_expr(mail_job::Column::Attempts, Expr::value(0))
        .filter(mail_job::Column::Id.eq(id))
        .filter(mail_job::Column::Status.is_in([STATUS_QUEUED, STATUS_FAILED, STATUS_CANCELLED]))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// An admin's "cancel": a queued or failed job is never sent.
pub async fn cancel(db: &impl ConnectionTrait, id: i64) -> Result<bool, DbErr> {
    let result = mail_job::Entity::update_many()
        .col_expr(mail_job::Column::Status, Expr::value(STATUS_CANCELLED))
        .filter(mail_job::Column::Id.eq(id))
        .filter(mail_job::Column::Status.is_in([STATUS_QUEUED, STATUS_FAILED]))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
