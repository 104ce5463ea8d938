//! Instance administration: what an admin does to the mail queue (the queue itself, below the
//! domain, knows nothing of permissions).
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use super::DomainResult;
use super::permissions::{Allowed, ManageInstance};
use crate::mail::queue;

/// Makes a failed or waiting mail due now, its attempts counted afresh; false if there is none.
pub async fn retry_mail(
    db: &impl ConnectionTrait,
    _can: &Allowed<ManageInstance, ()>,
    id: i64,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    Ok(queue::retry_now(db, id, now).await?)
}

/// Cancels a mail not yet sent; false if there is none.
pub async fn cancel_mail(db: &impl ConnectionTrait, _can: &Allowed<ManageInstance, ()>, id: i64) -> DomainResult<bool> {
    Ok(queue::cancel(db, id).await?)
}
