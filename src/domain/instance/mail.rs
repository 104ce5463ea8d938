//! Instance administration: what an admin does to the mail queue (the queue itself, below the
//! domain, knows nothing of permissions). Each action is written to the audit log with it.
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use crate::domain::DomainResult;
use crate::domain::audit::{self, Action, Target};
use crate::domain::permissions::{Allowed, ManageInstance};
use crate::entities::user;
use crate::mail::queue;

/// What an admin can do to one mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailAction {
    /// A failed or waiting mail is due now, its attempts counted afresh.
    Retry,
    /// A mail not yet sent never will be.
    Cancel,
}

impl MailAction {
    pub fn parse(s: &str) -> Option<MailAction> {
        match s {
            "retry" => Some(MailAction::Retry),
            "cancel" => Some(MailAction::Cancel),
            _ => None,
        }
    }
}

/// Does `action` to mail `id`; false if there is no such mail in a state that allows it.
pub async fn act_on_mail(
    db: &DatabaseConnection,
    _can: &Allowed<ManageInstance, ()>,
    actor: &user::Model,
    (id, action): (i64, MailAction),
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let txn = crate::db::begin_write(db).await?;
    let (done, audited) = match action {
        MailAction::Retry => (queue::retry_now(&txn, id, now).await?, Action::MailRetry),
        MailAction::Cancel => (queue::cancel(&txn, id).await?, Action::MailCancel),
    };
    if done {
        audit::record(&txn, Some(actor), audited, Target::new("mail", id, ""), "", now).await?;
    }
    txn.commit().await?;
    Ok(done)
}
