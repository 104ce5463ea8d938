//! A visitor reports a petition: no account, a reason the admins set, optional details. Bounds
//! are counted in the `reports` table itself, so they hold across processes and restarts: a
//! client (by its key, a keyed hash of its address) files at most `PER_CLIENT` reports a day
//! and one per petition; a petition takes at most `PER_PETITION` a day, past which reporters
//! are thanked and nothing is stored (the queue shows it already).
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::reasons;
use crate::domain::client::ClientKey;
use crate::domain::ids::PetitionId;
use crate::domain::{DomainError, DomainResult, FieldErrors};
use crate::entities::report;

pub const DETAILS_MAX: usize = 2000;
/// Reports one client may file in `WINDOW`.
pub const PER_CLIENT: u64 = 10;
/// Reports one petition takes in `WINDOW`.
pub const PER_PETITION: u64 = 200;
pub const WINDOW: Duration = Duration::hours(24);

/// What the reporter typed.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct NewReport {
    /// A reason's id, as the form's radio buttons send it (empty or unknown: asked again).
    pub reason: String,
    pub details: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filed {
    Stored,
    /// This client reported this petition already, or the petition has all the reports it
    /// takes today: thanked, not stored.
    Noted,
    /// This client filed its share for today.
    TooMany,
}

/// Checks and stores a report of public petition `petition` by `client`.
pub async fn file(
    db: &DatabaseConnection,
    petition: PetitionId,
    input: &NewReport,
    client: &ClientKey,
    now: DateTime<Utc>,
) -> DomainResult<Filed> {
    let mut errors = FieldErrors::new();
    let reason = input.reason.trim().parse::<i64>().ok();
    let offered = match reason {
        Some(id) => reasons::is_offered(db, id).await?,
        None => false,
    };
    if !offered {
        errors.insert("reason", "error-report-reason");
    }
    let details = input.details.trim();
    if details.chars().count() > DETAILS_MAX {
        errors.insert("details", "error-too-long");
    }
    let Some(reason) = reason.filter(|_| errors.is_empty()) else { return Err(DomainError::Invalid(errors)) };
    let since = now - WINDOW;
    let txn = crate::db::begin_write(db).await?;
    let by_client = report::Entity::find()
        .filter(report::Column::ClientKey.eq(client.as_str()))
        .filter(report::Column::CreatedAt.gt(since));
    if by_client.clone().count(&txn).await? >= PER_CLIENT {
        return Ok(Filed::TooMany);
    }
    let again = by_client.filter(report::Column::PetitionId.eq(petition.0)).count(&txn).await? > 0;
    let full = report::Entity::find()
        .filter(report::Column::PetitionId.eq(petition.0))
        .filter(report::Column::CreatedAt.gt(since))
        .count(&txn)
        .await?
        >= PER_PETITION;
    if again || full {
        return Ok(Filed::Noted);
    }
    report::ActiveModel {
        petition_id: Set(petition.0),
        reason_id: Set(reason),
        details: Set(details.to_string()),
        client_key: Set(client.as_str().to_string()),
        created_at: Set(now),
        resolved_at: Set(None),
        resolution: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Filed::Stored)
}
