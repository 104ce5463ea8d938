//! The public count, and the pending one. Signing and confirming never touch the petition row:
//! every change of a signature's counted state (confirmed and not invalidated) or pending state
//! (neither) appends a row to `count_changes` with +1, 0 or −1 for each, written by a database
//! trigger in the transaction that made the change (signing, confirmation, withdrawal, deletion,
//! invalidation, retention's purge — whatever the code path). This batch consumes those rows: in
//! one transaction it deletes a bounded batch of them and adds their sums to
//! `petitions.confirmed_count` and `pending_count`. So a run costs what changed since the last one, not
//! the size of the petition, and it is exact with concurrent confirmations: a change is added
//! exactly once, by the transaction that deleted it (one not yet committed is not seen, and is
//! taken by the next run; two runs at once cannot both delete the same row). A crash undoes both
//! halves together.
//!
//! A periodic full recount checks the counts against the signatures themselves, corrects any
//! drift (a change made with the triggers off, by hand in the database) and logs it.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, Statement, TransactionTrait,
};

/// Changes consumed per transaction at most (the next ones in the following transaction).
const CHANGES_PER_BATCH: u64 = 10_000;

/// When this process's count batch last refreshed the counts: every confirmation committed
/// before that moment is counted. Read by the metrics' count lag.
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

/// What a petition's changes add up to: to its confirmed count, and to its pending count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Sums {
    counted: i64,
    pending: i64,
}

impl Sums {
    /// The `delta` and `pending` columns of a row: INTEGER (32 bits on PostgreSQL) for a change,
    /// BIGINT for a sum.
    fn of(row: &sea_orm::QueryResult) -> Result<Sums, DbErr> {
        let get =
            |column: &str| row.try_get::<i64>("", column).or_else(|_| row.try_get::<i32>("", column).map(i64::from));
        Ok(Sums { counted: get("delta")?, pending: get("pending")? })
    }
}

type BySum = std::collections::BTreeMap<i64, Sums>;

/// Deletes the changes of `petition` and returns their sum: one statement, so it is exact in or
/// out of a transaction, with a row back per change (a petition's few since the last batch).
async fn consume(db: &impl ConnectionTrait, petition: i64) -> Result<Sums, DbErr> {
    let backend = db.get_database_backend();
    let sql = "DELETE FROM count_changes WHERE petition_id = $1 RETURNING delta, pending";
    let rows = db.query_all_raw(Statement::from_sql_and_values(backend, sql, [petition.into()])).await?;
    let mut sum = Sums::default();
    for row in &rows {
        let change = Sums::of(row)?;
        sum.counted += change.counted;
        sum.pending += change.pending;
    }
    Ok(sum)
}

/// `consume` for the batch: the oldest `limit` changes of every petition, summed by the database, so that a batch
/// of thousands comes back as a row per petition rather than a row per change. On PostgreSQL one
/// statement deletes and sums; on SQLite the sum and the delete of the same range run in the
/// batch's write transaction, where no other writer can add or take a change in between (and
/// change ids only grow).
async fn consume_summed(txn: &DatabaseTransaction, limit: u64) -> Result<(BySum, u64), DbErr> {
    let backend = txn.get_database_backend();
    let rows = if backend == DbBackend::Postgres {
        let sql = format!(
            "WITH gone AS (DELETE FROM count_changes WHERE id IN \
             (SELECT id FROM count_changes ORDER BY id LIMIT {limit}) RETURNING petition_id, delta, pending) \
             SELECT petition_id, SUM(delta) AS delta, SUM(pending) AS pending, COUNT(*) AS n FROM gone \
             GROUP BY petition_id"
        );
        txn.query_all_raw(Statement::from_string(backend, sql)).await?
    } else {
        let last = format!("SELECT MAX(id) AS upto FROM (SELECT id FROM count_changes ORDER BY id LIMIT {limit})");
        let upto: Option<i64> = match txn.query_one_raw(Statement::from_string(backend, last)).await? {
            Some(row) => row.try_get("", "upto")?,
            None => None,
        };
        let Some(upto) = upto else { return Ok((BySum::new(), 0)) };
        let sums = "SELECT petition_id, SUM(delta) AS delta, SUM(pending) AS pending, COUNT(*) AS n \
            FROM count_changes WHERE id <= $1 GROUP BY petition_id";
        let rows = txn.query_all_raw(Statement::from_sql_and_values(backend, sums, [upto.into()])).await?;
        let delete = "DELETE FROM count_changes WHERE id <= $1";
        txn.execute_raw(Statement::from_sql_and_values(backend, delete, [upto.into()])).await?;
        rows
    };
    let (mut sums, mut consumed) = (BySum::new(), 0);
    for row in &rows {
        sums.insert(row.try_get("", "petition_id")?, Sums::of(row)?);
        consumed += u64::try_from(row.try_get::<i64>("", "n")?).unwrap_or(0);
    }
    Ok((sums, consumed))
}

async fn add(db: &impl ConnectionTrait, sums: &BySum) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    for (petition, sum) in sums.iter().filter(|(_, s)| **s != Sums::default()) {
        let sql = "UPDATE petitions SET confirmed_count = confirmed_count + $1, pending_count = pending_count + $2 \
            WHERE id = $3";
        let values = [sum.counted.into(), sum.pending.into(), (*petition).into()];
        db.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await?;
    }
    Ok(())
}

/// Adds every change committed so far to the counts, a bounded batch per transaction. Returns
/// the changes consumed (a second run with nothing new consumes none and changes nothing).
pub async fn refresh(db: &DatabaseConnection) -> Result<u64, DbErr> {
    let mut consumed = 0;
    loop {
        let txn = crate::db::begin_write(db).await?;
        let (sums, n) = consume_summed(&txn, CHANGES_PER_BATCH).await?;
        add(&txn, &sums).await?;
        txn.commit().await?;
        consumed += n;
        if n < CHANGES_PER_BATCH {
            return Ok(consumed);
        }
    }
}

/// Brings one petition's count up to date at once (after a withdrawal or a moderator's
/// invalidation, whose author then sees the count they changed): its pending changes only.
pub async fn recount(db: &impl ConnectionTrait, petition: i64) -> Result<(), DbErr> {
    let sum = consume(db, petition).await?;
    add(db, &BySum::from([(petition, sum)])).await
}

/// A petition whose stored count (with its unconsumed changes) was not what its signatures say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    pub petition: i64,
    /// Which count: "confirmed" or "pending".
    pub count: &'static str,
    pub expected: i64,
    pub actual: i64,
}

/// Recounts every petition from its signatures, in one transaction that also consumes every
/// pending change (one snapshot: on PostgreSQL a repeatable read, on SQLite the write lock), so
/// the changes counted are exactly those consumed. Corrects and returns each drift.
pub async fn full_recount(db: &DatabaseConnection) -> Result<Vec<Drift>, DbErr> {
    let txn = match db.get_database_backend() {
        DbBackend::Postgres => db.begin_with_config(Some(sea_orm::IsolationLevel::RepeatableRead), None).await?,
        _ => crate::db::begin_write(db).await?,
    };
    let backend = txn.get_database_backend();
    // Summed then deleted in the same snapshot: the rows summed are the rows deleted.
    let sums =
        "SELECT petition_id, SUM(delta) AS delta, SUM(pending) AS pending FROM count_changes GROUP BY petition_id";
    let mut unconsumed = BySum::new();
    for row in txn.query_all_raw(Statement::from_string(backend, sums)).await? {
        let petition: i64 = row.try_get("", "petition_id")?;
        unconsumed.insert(petition, Sums::of(&row)?);
    }
    txn.execute_unprepared("DELETE FROM count_changes").await?;
    let sql = "SELECT p.id, p.confirmed_count, p.pending_count, \
        (SELECT COUNT(*) FROM signatures s WHERE s.petition_id = p.id \
         AND s.confirmed_at IS NOT NULL AND s.invalidated_at IS NULL) AS counted, \
        (SELECT COUNT(*) FROM signatures s WHERE s.petition_id = p.id \
         AND s.confirmed_at IS NULL AND s.invalidated_at IS NULL) AS pending FROM petitions p";
    let rows = txn.query_all_raw(Statement::from_string(backend, sql)).await?;
    let mut drifts = Vec::new();
    for row in rows {
        let petition: i64 = row.try_get("", "id")?;
        let stored = Sums { counted: row.try_get("", "confirmed_count")?, pending: row.try_get("", "pending_count")? };
        let actual = Sums { counted: row.try_get("", "counted")?, pending: row.try_get("", "pending")? };
        let changes = unconsumed.get(&petition).copied().unwrap_or_default();
        for (count, stored, changes, actual) in [
            ("confirmed", stored.counted, changes.counted, actual.counted),
            ("pending", stored.pending, changes.pending, actual.pending),
        ] {
            if stored + changes != actual {
                drifts.push(Drift { petition, count, expected: stored + changes, actual });
            }
        }
        if stored != actual {
            let sql = "UPDATE petitions SET confirmed_count = $1, pending_count = $2 WHERE id = $3";
            let values = [actual.counted.into(), actual.pending.into(), petition.into()];
            txn.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await?;
        }
    }
    txn.commit().await?;
    for d in &drifts {
        tracing::warn!(
            petition = d.petition,
            count = d.count,
            expected = d.expected,
            actual = d.actual,
            "count drift corrected"
        );
    }
    Ok(drifts)
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
/// noted in `last`, and new signatures are added to the search's index. After each refresh,
/// the automatic deliveries that became due are made (`delivery::deliver::run_due`), mailed
/// through `deliveries`.
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
    // Whether this process counted since it took the lead.
    let mut counted = false;
    loop {
        if !leadership.is_leader().await {
            // When this process takes over, it starts with a full recount and purge: how far
            // the previous leader got is not known here.
            counted = false;
            tokio::time::sleep(interval).await;
            continue;
        }
        let started = crate::domain::now();
        let full = !counted || last_full.elapsed() >= full_every;
        let refreshed = match full {
            true => full_recount(&db).await.map(|_| ()),
            false => refresh(&db).await.map(|_| ()),
        };
        match refreshed {
            Ok(()) => {
                counted = true;
                last.set(started);
                if let Err(e) = super::search_index::catch_up(&db).await {
                    tracing::error!(error = %e, "cannot index new signatures for the search");
                }
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
