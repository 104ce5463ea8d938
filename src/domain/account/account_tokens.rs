//! Mailed account links: address verification after registration, password reset, and the
//! confirmation of a new address. Random, stored hashed, single use, expiring.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::domain::{DomainError, DomainResult, tokens};
use crate::entities::{email_token, user};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Verify,
    Reset,
    EmailChange,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Verify => "verify",
            Purpose::Reset => "reset",
            Purpose::EmailChange => "email_change",
        }
    }

    pub fn valid_for(self) -> Duration {
        match self {
            Purpose::Reset => Duration::hours(1),
            Purpose::Verify | Purpose::EmailChange => Duration::days(2),
        }
    }
}

/// A new token for `user`; earlier ones of the same purpose stop working.
pub async fn issue(
    db: &impl ConnectionTrait,
    user: i64,
    purpose: Purpose,
    new_email: Option<String>,
    now: DateTime<Utc>,
) -> DomainResult<String> {
    revoke(db, user, purpose).await?;
    let token = tokens::random_token(32);
    email_token::ActiveModel {
        user_id: Set(user),
        purpose: Set(purpose.as_str().into()),
        token_hash: Set(tokens::hash_token(&token)),
        new_email: Set(new_email),
        expires_at: Set(now + purpose.valid_for()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Every link of `user` for `purpose` stops working.
pub async fn revoke(db: &impl ConnectionTrait, user: i64, purpose: Purpose) -> DomainResult<()> {
    email_token::Entity::delete_many()
        .filter(email_token::Column::UserId.eq(user))
        .filter(email_token::Column::Purpose.eq(purpose.as_str()))
        .exec(db)
        .await?;
    Ok(())
}

/// The user and token row a link belongs to, if it is valid (not used, not expired).
pub async fn find(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> DomainResult<(user::Model, email_token::Model)> {
    let row = email_token::Entity::find()
        .filter(email_token::Column::TokenHash.eq(tokens::hash_token(token)))
        .filter(email_token::Column::Purpose.eq(purpose.as_str()))
        .filter(email_token::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .ok_or(DomainError::Refused("error-link-invalid"))?;
    let user = user::Entity::find_by_id(row.user_id).one(db).await?.ok_or(DomainError::NotFound)?;
    Ok((user, row))
}

/// Uses a token up.
pub async fn consume(db: &impl ConnectionTrait, row: &email_token::Model) -> DomainResult<()> {
    email_token::Entity::delete_by_id(row.id).exec(db).await?;
    Ok(())
}
