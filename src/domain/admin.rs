//! Instance administration: what an admin does to the mail queue (the queue itself, below the
//! domain, knows nothing of permissions). Each action is written to the audit log with it.
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};

use super::DomainResult;
use super::audit::{self, Action, Target};
use super::permissions::{Allowed, ManageInstance};
use crate::entities::user;
use crate::mail::queue;

/// Makes a failed or waiting mail due now, its attempts counted afresh; false if there is none.
pub async fn retry_mail(
    db: &DatabaseConnection,
    _can: &Allowed<ManageInstance, ()>,
    actor: &user::Model,
    id: i64,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let txn = db.begin().await?;
    let done = queue::retry_now(&txn, id, now).await?;
    if done {
        audit::record(&txn, Some(actor), Action::MailRetry, Target::new("mail", id, ""), "", now).await?;
    }
    txn.commit().await?;
    Ok(done)
}

/// Cancels a mail not yet sent; false if there is none.
pub async fn cancel_mail(
    db: &DatabaseConnection,
    _can: &Allowed<ManageInstance, ()>,
    actor: &user::Model,
    id: i64,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let txn = db.begin().await?;
    let done = queue::cancel(&txn, id).await?;
    if done {
        audit::record(&txn, Some(actor), Action::MailCancel, Target::new("mail", id, ""), "", now).await?;
    }
    txn.commit().await?;
    Ok(done)
}
