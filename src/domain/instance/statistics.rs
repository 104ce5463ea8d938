//! The instance's numbers for its admins: petitions by status, confirmed signatures per day over
//! the last `DAYS` days, and the mail queue (depth, age of the oldest waiting mail, failures).
//! Every query is grouped or bounded: the page costs the same on an instance of any size.
use chrono::{DateTime, Days, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Statement,
};
use serde::Serialize;

use crate::domain::DomainResult;
use crate::domain::permissions::{Allowed, ManageInstance};
use crate::domain::petition::petitions::Status;
use crate::domain::petition::stats::{self, Stats};
use crate::entities::{mail_job, petition};
use crate::mail::queue;

/// How far back the signatures chart goes.
pub const DAYS: u64 = 90;

#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    pub status: &'static str,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct MailQueue {
    /// Waiting to be sent (queued or being sent).
    pub waiting: i64,
    /// Whole minutes since the oldest waiting mail was queued.
    pub oldest_minutes: Option<i64>,
    pub failed: i64,
}

#[derive(Debug, Clone)]
pub struct InstanceStats {
    pub petitions: Vec<StatusCount>,
    pub petitions_total: i64,
    /// Confirmed signatures per day (their `pending` is always 0), oldest first.
    pub signatures: Stats,
    pub mail: MailQueue,
}

pub async fn gather(
    db: &impl ConnectionTrait,
    _can: &Allowed<ManageInstance, ()>,
    now: DateTime<Utc>,
) -> DomainResult<InstanceStats> {
    let by_status: Vec<(String, i64)> = petition::Entity::find()
        .select_only()
        .column(petition::Column::Status)
        .column_as(petition::Column::Id.count(), "n")
        .group_by(petition::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let petitions: Vec<StatusCount> = [Status::Draft, Status::Published, Status::Closed]
        .iter()
        .map(|s| StatusCount {
            status: s.as_str(),
            count: by_status.iter().filter(|(name, _)| name == s.as_str()).map(|(_, n)| n).sum(),
        })
        .collect();
    let today = now.date_naive();
    let first = today.checked_sub_days(Days::new(DAYS - 1)).unwrap_or(today);
    let since = first.and_hms_opt(0, 0, 0).map_or(now, |t| t.and_utc());
    let signatures = stats::window(confirmed_per_day(db, since).await?, first, today);
    let counts = queue::counts(db).await?;
    let count = |status: &str| counts.iter().filter(|(s, _)| s == status).map(|(_, n)| n).sum::<i64>();
    let oldest: Option<DateTime<Utc>> = mail_job::Entity::find()
        .select_only()
        .column(mail_job::Column::CreatedAt)
        .filter(mail_job::Column::Status.is_in([queue::STATUS_QUEUED, queue::STATUS_SENDING]))
        .order_by_asc(mail_job::Column::CreatedAt)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(InstanceStats {
        petitions_total: petitions.iter().map(|p| p.count).sum(),
        petitions,
        signatures,
        mail: MailQueue {
            waiting: count(queue::STATUS_QUEUED) + count(queue::STATUS_SENDING),
            oldest_minutes: oldest.map(|at| (now - at).num_minutes().max(0)),
            failed: count(queue::STATUS_FAILED),
        },
    })
}

/// One grouped query over the signatures confirmed since `since`, which the index on
/// `confirmed_at` (migration 12) finds without reading older ones. `pending` is cast so that
/// PostgreSQL returns the same 64-bit integer as its counts.
async fn confirmed_per_day(db: &impl ConnectionTrait, since: DateTime<Utc>) -> DomainResult<Vec<stats::Day>> {
    let backend = db.get_database_backend();
    let day = stats::day_of(backend, "confirmed_at");
    let placeholder = if backend == DatabaseBackend::Postgres { "$1" } else { "?" };
    let sql = format!(
        "SELECT {day} AS day, COUNT(*) AS confirmed, CAST(0 AS BIGINT) AS pending FROM signatures \
         WHERE confirmed_at >= {placeholder} GROUP BY 1 ORDER BY 1"
    );
    stats::days(db, Statement::from_sql_and_values(backend, sql, [since.into()])).await
}
