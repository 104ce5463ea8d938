//! The queue is a table: a job is written in the same transaction as what caused it, claimed
//! with a lease, and marked sent, retried later, or failed. Nothing lives only in memory.
//!
//! The per-minute budget is shared fairly. Each job has a fairness key (its petition for a
//! signer's mail, else its recipient's domain) and a round: one more than the last round queued
//! for its key, and never before the round being sent now. Jobs are claimed by priority, then
//! round: a petition flooded with a thousand signatures has its mails in a thousand rounds,
//! while the next signer of another petition is in the next round, sent within a slot or two.
//! One flood delays only itself. The round being sent is kept in `mail_throttle`, so every
//! worker process shares it; rounds only order jobs, the lease still makes each claim unique.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, Statement,
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

/// Adds a job, fairly keyed by its recipient's domain; the Message-ID (completed with the
/// sender's domain when sent) is fixed now, so that a resend after a crash can be de-duplicated
/// by the receiver.
pub async fn enqueue(db: &impl ConnectionTrait, draft: MailDraft, now: DateTime<Utc>) -> Result<i64, DbErr> {
    let key = domain_key(&draft.recipient);
    let mut row = job_row(draft, now);
    let round = next_rounds(db, std::slice::from_ref(&key)).await?;
    row.fair_key = Set(Some(key));
    row.fair_round = Set(round[0]);
    Ok(row.insert(db).await?.id)
}

/// Adds jobs that belong to petitions (signers' mail), each fairly keyed by its petition, with
/// one statement.
pub async fn enqueue_for_petitions(
    db: &impl ConnectionTrait,
    drafts: Vec<(i64, MailDraft)>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if drafts.is_empty() {
        return Ok(());
    }
    let keys: Vec<String> = drafts.iter().map(|(petition, _)| petition_key(*petition)).collect();
    let rounds = next_rounds(db, &keys).await?;
    let rows = drafts.into_iter().zip(keys).zip(rounds).map(|(((_, draft), key), round)| {
        let mut row = job_row(draft, now);
        row.fair_key = Set(Some(key));
        row.fair_round = Set(round);
        row
    });
    mail_job::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

/// Adds bulk mail to `petition`'s signers, each with its unsubscribe address (sent as the
/// `List-Unsubscribe` header, see `transport`), with one statement: the caller sends a bounded
/// batch at a time.
pub async fn enqueue_unsubscribable(
    db: &impl ConnectionTrait,
    petition: i64,
    drafts: Vec<(MailDraft, String)>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if drafts.is_empty() {
        return Ok(());
    }
    let keys = vec![petition_key(petition); drafts.len()];
    let rounds = next_rounds(db, &keys).await?;
    let rows = drafts.into_iter().zip(keys).zip(rounds).map(|(((draft, unsubscribe), key), round)| {
        let mut row = job_row(draft, now);
        row.fair_key = Set(Some(key));
        row.fair_round = Set(round);
        row.list_unsubscribe = Set(Some(unsubscribe));
        row
    });
    mail_job::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

/// The fairness key of a petition's signer mail (also how its mails are found again).
pub fn petition_key(petition: i64) -> String {
    format!("p:{petition}")
}

fn domain_key(recipient: &str) -> String {
    let domain = recipient.rsplit_once('@').map_or(recipient, |(_, d)| d);
    format!("d:{}", domain.trim_end_matches('>').to_lowercase())
}

/// The round of each new job of `keys` (in order; a key twice gets two rounds): after the last
/// queued job of its key, and not before the round being sent. One read per distinct key, its
/// `MAX` on `ix_mail_queue_fair_key` with the throttle's round, which both databases
/// answer from the end of the index (a `GROUP BY` over the keys would read every queued job of
/// them instead, and slow each signature down as a surge's mail waits).
async fn next_rounds(db: &impl ConnectionTrait, keys: &[String]) -> Result<Vec<i64>, DbErr> {
    let backend = db.get_database_backend();
    let distinct: std::collections::BTreeSet<&str> = keys.iter().map(String::as_str).collect();
    let mut next: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    for key in distinct {
        // The round being sent and the key's last, in one round trip (a group of signatures
        // is nearly always one key): the writer that holds the group waits for each.
        let sql = format!(
            "SELECT (SELECT round FROM mail_throttle WHERE id = 1) AS current, \
             (SELECT MAX(fair_round) FROM mail_queue WHERE fair_key = $1 AND status = '{STATUS_QUEUED}') AS last"
        );
        let row = db.query_one_raw(Statement::from_sql_and_values(backend, sql, [key.into()])).await?;
        let (current, last): (Option<i64>, Option<i64>) = match row {
            Some(row) => (row.try_get("", "current")?, row.try_get("", "last")?),
            None => (None, None),
        };
        let current = current.unwrap_or(0);
        next.insert(key.to_string(), last.map_or(current, |l| l.max(current)));
    }
    Ok(keys
        .iter()
        .map(|key| {
            let round = next.entry(key.clone()).or_insert(0);
            *round += 1;
            *round
        })
        .collect())
}

/// The row a job is, before its fairness is settled (`enqueue` and `enqueue_for_petitions`).
fn job_row(draft: MailDraft, now: DateTime<Utc>) -> mail_job::ActiveModel {
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
        fair_key: Set(None),
        fair_round: Set(0),
        list_unsubscribe: Set(None),
        ..Default::default()
    }
}

/// Takes the most urgent due job of the earliest round, if any, and leases it until
/// `lease_until`. One statement, so two workers never take the same job (SKIP LOCKED on
/// PostgreSQL; SQLite serialises writers). The queue's round then moves on to the job's.
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
         ORDER BY priority, fair_round, id LIMIT 1{lock}) AND status = '{STATUS_QUEUED}' RETURNING *"
    );
    let stmt = Statement::from_sql_and_values(backend, sql, [lease_until.into(), now.into()]);
    let Some(row) = db.query_one_raw(stmt).await? else { return Ok(None) };
    let job = mail_job::Model::from_query_result(&row, "")?;
    let advance = "UPDATE mail_throttle SET round = $1 WHERE id = 1 AND round < $1";
    db.execute_raw(Statement::from_sql_and_values(backend, advance, [job.fair_round.into()])).await?;
    Ok(Some(job))
}

/// What a worker holds after a claim: the job, at the attempt it claimed. Every outcome is
/// recorded only while that attempt still holds the job, so a worker whose lease ran out (and
/// whose job another worker has claimed since) cannot overwrite the newer attempt's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lease {
    pub id: i64,
    pub attempt: i32,
}

impl Lease {
    pub fn of(job: &mail_job::Model) -> Lease {
        Lease { id: job.id, attempt: job.attempts }
    }
}

/// Records a delivery. The body goes: it held live links (a confirmation, a password reset), and
/// a sent mail is never sent again; the envelope stays for the admin's page until `purge_sent`.
/// Returns false when the lease was lost meanwhile (nothing is written then).
pub async fn mark_sent(db: &impl ConnectionTrait, lease: Lease, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let result = held(mail_job::Entity::update_many(), lease)
        .col_expr(mail_job::Column::Status, Expr::value(STATUS_SENT))
        .col_expr(mail_job::Column::BodyText, Expr::value(""))
        .col_expr(mail_job::Column::BodyHtml, Expr::value(Option::<String>::None))
        .col_expr(mail_job::Column::ListUnsubscribe, Expr::value(Option::<String>::None))
        .col_expr(mail_job::Column::SentAt, Expr::value(now))
        .col_expr(mail_job::Column::LeaseUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(mail_job::Column::LastError, Expr::value(Option::<String>::None))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Back to the queue, due at `next_attempt_at`. False when the lease was lost meanwhile.
pub async fn mark_retry(
    db: &impl ConnectionTrait,
    lease: Lease,
    error: &str,
    next_attempt_at: DateTime<Utc>,
) -> Result<bool, DbErr> {
    end_attempt(db, lease, STATUS_QUEUED, error, Some(next_attempt_at)).await
}

/// Never tried again. False when the lease was lost meanwhile.
pub async fn mark_failed(db: &impl ConnectionTrait, lease: Lease, error: &str) -> Result<bool, DbErr> {
    end_attempt(db, lease, STATUS_FAILED, error, None).await
}

/// A send given up as its worker shuts down: the job is due again at once, for any worker.
/// False when the lease was lost meanwhile.
pub async fn give_back(db: &impl ConnectionTrait, lease: Lease, now: DateTime<Utc>) -> Result<bool, DbErr> {
    end_attempt(db, lease, STATUS_QUEUED, "the worker stopped during the send", Some(now)).await
}

/// Narrows an update to the job while `lease` still holds it.
fn held(update: sea_orm::UpdateMany<mail_job::Entity>, lease: Lease) -> sea_orm::UpdateMany<mail_job::Entity> {
    update
        .filter(mail_job::Column::Id.eq(lease.id))
        .filter(mail_job::Column::Status.eq(STATUS_SENDING))
        .filter(mail_job::Column::Attempts.eq(lease.attempt))
}

/// A failed attempt, retried or not: the lease is given up, the error kept, and the job put in
/// `status` (due again at `next_attempt_at` when there is one).
async fn end_attempt(
    db: &impl ConnectionTrait,
    lease: Lease,
    status: &str,
    error: &str,
    next_attempt_at: Option<DateTime<Utc>>,
) -> Result<bool, DbErr> {
    let mut update = held(mail_job::Entity::update_many(), lease)
        .col_expr(mail_job::Column::Status, Expr::value(status))
        .col_expr(mail_job::Column::LeaseUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(mail_job::Column::LastError, Expr::value(error));
    if let Some(next) = next_attempt_at {
        update = update.col_expr(mail_job::Column::NextAttemptAt, Expr::value(next));
    }
    Ok(update.exec(db).await?.rows_affected == 1)
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

/// Jobs waiting or in flight, per status (`queued`, `sending`, `failed`), for the metrics: each
/// a range of `ix_mail_queue_claim`, leaving out the sent and cancelled history, which grows.
pub async fn depths(db: &impl ConnectionTrait) -> Result<Vec<(&'static str, i64)>, DbErr> {
    let mut out = Vec::new();
    for status in [STATUS_QUEUED, STATUS_SENDING, STATUS_FAILED] {
        let n = mail_job::Entity::find().filter(mail_job::Column::Status.eq(status)).count(db).await?;
        out.push((status, i64::try_from(n).unwrap_or(i64::MAX)));
    }
    Ok(out)
}

/// How long the job that has been due longest has waited past its due time (zero when none is
/// due): how far sending lags behind the queue.
pub async fn oldest_due_age(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<chrono::Duration, DbErr> {
    let oldest: Option<Option<DateTime<Utc>>> = mail_job::Entity::find()
        .select_only()
        .column_as(mail_job::Column::NextAttemptAt.min(), "oldest")
        .filter(mail_job::Column::Status.eq(STATUS_QUEUED))
        .filter(mail_job::Column::NextAttemptAt.lte(now))
        .into_tuple()
        .one(db)
        .await?;
    Ok(oldest.flatten().map_or(chrono::Duration::zero(), |t| (now - t).max(chrono::Duration::zero())))
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

/// The queued mails of `petition` to `recipients` are never sent (their signatures were
/// invalidated by a moderator). Returns how many.
pub async fn cancel_queued_for_petition(
    db: &impl ConnectionTrait,
    petition: i64,
    recipients: &[String],
) -> Result<u64, DbErr> {
    let result = mail_job::Entity::update_many()
        .col_expr(mail_job::Column::Status, Expr::value(STATUS_CANCELLED))
        .filter(mail_job::Column::FairKey.eq(petition_key(petition)))
        .filter(mail_job::Column::Status.eq(STATUS_QUEUED))
        .filter(mail_job::Column::Recipient.is_in(recipients.iter().map(String::as_str)))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Deletes the mails of `petition` (to `recipient` only, when given): its signers' data is
/// being erased. A job a worker holds right now is left to finish: deleting it under the worker
/// would not stop the mail, only its record. Returns how many.
pub async fn forget_for_petition(
    db: &impl ConnectionTrait,
    petition: i64,
    recipient: Option<&str>,
) -> Result<u64, DbErr> {
    let mut delete = mail_job::Entity::delete_many()
        .filter(mail_job::Column::FairKey.eq(petition_key(petition)))
        .filter(mail_job::Column::Status.ne(STATUS_SENDING));
    if let Some(recipient) = recipient {
        delete = delete.filter(mail_job::Column::Recipient.eq(recipient));
    }
    Ok(delete.exec(db).await?.rows_affected)
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

#[cfg(test)]
mod tests {
    use super::*;

    async fn migrated() -> (tempfile::TempDir, sea_orm::DatabaseConnection) {
        let (dir, settings) = crate::db::scratch("queue.db");
        let db = crate::db::connect(&settings).await.expect("database");
        crate::db::migrate(&db).await.expect("migrations");
        (dir, db)
    }

    fn draft(to: &str) -> MailDraft {
        MailDraft {
            kind: "confirm",
            priority: PRIORITY_URGENT,
            recipient: to.into(),
            subject: String::new(),
            body_text: String::new(),
            body_html: None,
            reply_to: None,
        }
    }

    /// The claim goes round the petitions: a flood of one is sent one job a round, so the next
    /// signer of another petition is sent second, not after the flood; account mail by domain.
    #[tokio::test]
    async fn a_flooded_petition_is_sent_one_job_a_round_and_others_go_between() {
        let (_dir, db) = migrated().await;
        let now = Utc::now();
        let flood: Vec<(i64, MailDraft)> = (0..100).map(|i| (1, draft(&format!("bot{i}@example.net")))).collect();
        enqueue_for_petitions(&db, flood, now).await.expect("flood queued");
        let lease = now + chrono::Duration::minutes(1);
        let first = claim(&db, now, lease).await.expect("claim").expect("a job");
        assert_eq!(first.fair_key.as_deref(), Some("p:1"));
        // Meanwhile a real signer of petition 2, and an account mail, are queued.
        enqueue_for_petitions(&db, vec![(2, draft("real@example.org"))], now).await.expect("queued");
        enqueue(&db, draft("new.user@example.com"), now).await.expect("queued");
        let mut order = Vec::new();
        for _ in 0..4 {
            order.push(claim(&db, now, lease).await.expect("claim").expect("a job").recipient);
        }
        assert!(order[..2].contains(&"real@example.org".to_string()), "{order:?}");
        assert!(order[..3].contains(&"new.user@example.com".to_string()), "{order:?}");
        assert_eq!(order.iter().filter(|r| r.ends_with("example.net")).count(), 2, "{order:?}");
    }

    /// A worker whose lease ran out, and whose job was claimed again by another, records
    /// nothing: the newer attempt's outcome stands.
    #[tokio::test]
    async fn an_attempt_that_lost_its_lease_cannot_overwrite_the_next_one() {
        let (_dir, db) = migrated().await;
        let now = Utc::now();
        enqueue(&db, draft("slow@example.org"), now).await.expect("queued");
        let first = claim(&db, now, now + chrono::Duration::seconds(1)).await.expect("claim").expect("a job");
        let later = now + chrono::Duration::seconds(5);
        assert_eq!(release_expired_leases(&db, later).await.expect("release"), 1);
        let second = claim(&db, later, later + chrono::Duration::seconds(60)).await.expect("claim").expect("again");
        assert_eq!((first.id, first.attempts, second.attempts), (second.id, 1, 2));
        // The first worker's late answers change nothing.
        assert!(!mark_failed(&db, Lease::of(&first), "late").await.expect("update"));
        assert!(!mark_retry(&db, Lease::of(&first), "late", later).await.expect("update"));
        assert!(!mark_sent(&db, Lease::of(&first), later).await.expect("update"));
        let row = mail_job::Entity::find_by_id(second.id).one(&db).await.expect("read").expect("row");
        assert_eq!((row.status.as_str(), row.last_error), (STATUS_SENDING, None));
        // The second one's do.
        assert!(mark_sent(&db, Lease::of(&second), later).await.expect("update"));
        let row = mail_job::Entity::find_by_id(second.id).one(&db).await.expect("read").expect("row");
        assert_eq!(row.status, STATUS_SENT);
        assert!(!mark_sent(&db, Lease::of(&second), later).await.expect("update"), "once only");
    }
}
