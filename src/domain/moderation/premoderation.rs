//! Pre-moderation: when the instance asks for it, a new account's first petitions wait for a
//! moderator's approval once published (`moderation` "pending": the petition stays published
//! for its organisers, the public gets "awaiting review"). An account is new during its first
//! `account_days` days, unless a petition it published was approved already.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::config::Settings;
use crate::domain::DomainResult;
use crate::domain::petition::content::Status;
use crate::entities::{petition, user};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Policy {
    pub on: bool,
    pub account_days: u32,
}

/// The instance's policy. The one place it is read, so that moving it to the database-backed
/// settings changes only this function.
pub fn policy(settings: &Settings) -> Policy {
    Policy { on: settings.moderation.premoderation, account_days: settings.moderation.premoderation_account_days }
}

impl Policy {
    /// Whether a petition `publisher` publishes for the first time waits for approval.
    pub async fn needs_review(
        self,
        db: &impl ConnectionTrait,
        publisher: &user::Model,
        now: DateTime<Utc>,
    ) -> DomainResult<bool> {
        if !self.on || publisher.is_admin || publisher.is_moderator {
            return Ok(false);
        }
        if publisher.created_at + Duration::days(i64::from(self.account_days)) <= now {
            return Ok(false);
        }
        let approved = petition::Entity::find()
            .filter(petition::Column::PublishedBy.eq(publisher.id))
            .filter(petition::Column::Moderation.eq(super::OK))
            .filter(petition::Column::Status.ne(Status::Draft.as_str()))
            .count(db)
            .await?;
        Ok(approved == 0)
    }
}
