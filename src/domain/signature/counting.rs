//! The public count. Signing and confirming never touch the petition row; this batch recounts
//! the petitions that received confirmations since its last run (with an overlap, so a
//! transaction that committed late is still seen) and writes `petitions.confirmed_count`.
//! A recount is idempotent, so running it twice, or after a crash, never drifts.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DbErr, Statement};

/// Confirmations stamped up to this long before the previous run are looked at again.
const OVERLAP: Duration = Duration::seconds(60);

/// Invalidated signatures are kept but not counted (the index holds both columns, so the count
/// still reads the index alone).
const RECOUNT: &str = "UPDATE petitions SET confirmed_count = \
    (SELECT COUNT(*) FROM signatures s WHERE s.petition_id = petitions.id AND s.confirmed_at IS NOT NULL \
    AND s.invalidated_at IS NULL)";

/// When this process's count batch last refreshed the counts: every confirmation committed
/// before that moment (less the overlap's late commits) is counted. Read by the metrics' count lag.
#[derive(Debug, Default)]
pub struct LastRefresh(std::sync::atomic::AtomicI64);

impl LastRefresh {
    fn set(&self, at: DateTime<Utc>) {
        self.0.store(at.timestamp_millis(), std::sync::atomic::Ordering::Relaxed);
    }

    /// `None` until the batch has run once in this process (another process may do the counting).
    pub fn get(&self) -> Option<DateTime<Utc>> {
        match self.0.load(std::sync::atomic::Ordering::Relaxed) {
            0 => None,
            ms => DateTime::from_timestamp_millis(ms),
        }
    }
}

/// Recounts the petitions with a confirmation after `since - OVERLAP`, or every petition when
/// `since` is `None` (start-up and periodic reconciliation). Returns the rows updated.
pub async fn refresh(db: &impl ConnectionTrait, since: Option<DateTime<Utc>>) -> Result<u64, DbErr> {
    let backend = db.get_database_backend();
    let result = match since {
        None => db.execute_raw(Statement::from_string(backend, RECOUNT)).await?,
        Some(since) => {
            let sql = format!("{RECOUNT} WHERE id IN (SELECT petition_id FROM signatures WHERE confirmed_at > $1)");
            db.execute_raw(Statement::from_sql_and_values(backend, sql, [(since - OVERLAP).into()])).await?
        }
    };
    Ok(result.rows_affected())
}

/// Recounts one petition at once (after a moderator invalidated some of its signatures).
pub async fn recount(db: &impl ConnectionTrait, petition: i64) -> Result<(), DbErr> {
    let sql = format!("{RECOUNT} WHERE id = $1");
    db.execute_raw(Statement::from_sql_and_values(db.get_database_backend(), sql, [petition.into()])).await?;
    Ok(())
}

/// Deletes signatures never confirmed within `days` (the confirmation mail promises it). Those a
/// moderator invalidated are kept: they are the evidence behind an audit log entry.
pub async fn purge_unconfirmed(db: &impl ConnectionTrait, now: DateTime<Utc>, days: u32) -> Result<u64, DbErr> {
    let sql = "DELETE FROM signatures WHERE confirmed_at IS NULL AND invalidated_at IS NULL AND created_at < $1";
    let before = now - Duration::days(i64::from(days));
    let result =
        db.execute_raw(Statement::from_sql_and_values(db.get_database_backend(), sql, [before.into()])).await?;
    Ok(result.rows_affected())
}

/// Runs forever: a quick refresh every `interval`; a full recount, and the purge of signatures
/// left unconfirmed for `retention_days` and of expired challenge records, and the erasure of
/// closed petitions' personal data past their retention (the default read from `instance` each
/// time), every `full_every`. Only while `leadership` says this process leads: of several
/// processes on one database, one does the work (see `db::leader`). Each successful refresh is
/// noted in `last`. After each refresh, the automatic deliveries that became due are made
/// (`delivery::deliver::run_due`), mailed through `deliveries`.
pub async fn run(
    db: sea_orm::DatabaseConnection,
    (interval, full_every): (std::time::Duration, std::time::Duration),
    retention_days: u32,
    instance: std::sync::Arc<crate::domain::instance::settings::Live>,
    mut leadership: crate::db::leader::Leadership,
    (last, deliveries): (
        std::sync::Arc<LastRefresh>,
        std::sync::Arc<dyn crate::domain::delivery::deliver::ComposeDelivery>,
    ),
) {
    let mut last_full = tokio::time::Instant::now();
    let mut since: Option<DateTime<Utc>> = None;
    loop {
        if !leadership.is_leader().await {
            // When this process takes over, it starts with a full recount and purge: how far
            // the previous leader got is not known here.
            since = None;
            tokio::time::sleep(interval).await;
            continue;
        }
        let started = crate::domain::now();
        let full = since.is_none() || last_full.elapsed() >= full_every;
        match refresh(&db, if full { None } else { since }).await {
            Ok(_) => {
                since = Some(started);
                last.set(started);
                if let Err(e) = crate::domain::delivery::deliver::run_due(&db, &*deliveries).await {
                    tracing::error!(error = %e, "cannot look for petitions to deliver");
                }
                if full {
                    last_full = tokio::time::Instant::now();
                    match purge_unconfirmed(&db, started, retention_days).await {
                        Ok(0) => {}
                        Ok(n) => tracing::info!(signatures = n, "unconfirmed signatures past retention deleted"),
                        Err(e) => tracing::error!(error = %e, "cannot purge unconfirmed signatures"),
                    }
                    if let Err(e) = crate::domain::challenge::forget_used(&db, started).await {
                        tracing::error!(error = %e, "cannot forget expired challenge records");
                    }
                    super::portal::forget_expired_links(&db, started).await;
                    let default_days = instance.get().retention_days;
                    if let Err(e) = super::retention::erase_due(&db, started, default_days).await {
                        tracing::error!(error = %e, "cannot erase personal data past retention");
                    }
                }
            }
            Err(e) => tracing::error!(error = %e, "count refresh failed"),
        }
        tokio::time::sleep(interval).await;
    }
}
