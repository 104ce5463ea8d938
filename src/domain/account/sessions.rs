//! Server-side sessions: the browser holds a random token, the database its hash, so a session
//! can be revoked and a leaked database opens none.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::domain::{DomainResult, tokens};
use crate::entities::{session, user};

pub const LIFETIME: Duration = Duration::days(30);

/// Opens a session for `user`; returns the token for the cookie.
pub async fn open(db: &impl ConnectionTrait, user: i64, now: DateTime<Utc>) -> DomainResult<String> {
    let token = tokens::random_token(32);
    session::ActiveModel {
        token_hash: Set(tokens::hash_token(&token)),
        user_id: Set(user),
        expires_at: Set(now + LIFETIME),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The user a session token belongs to, if the session is still valid (a suspended account's
/// sessions are closed when it is suspended; one opened in the meantime counts for nothing).
pub async fn user_for(db: &impl ConnectionTrait, token: &str, now: DateTime<Utc>) -> DomainResult<Option<user::Model>> {
    let Some(s) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(tokens::hash_token(token)))
        .filter(session::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(user::Entity::find_by_id(s.user_id).one(db).await?.filter(|u| u.suspended_at.is_none()))
}

pub async fn close(db: &impl ConnectionTrait, token: &str) -> DomainResult<()> {
    session::Entity::delete_many().filter(session::Column::TokenHash.eq(tokens::hash_token(token))).exec(db).await?;
    Ok(())
}

/// Ends every session of `user`: after a password reset, whoever holds a session may be the
/// person the reset locks out.
pub async fn close_all(db: &impl ConnectionTrait, user: i64) -> DomainResult<()> {
    session::Entity::delete_many().filter(session::Column::UserId.eq(user)).exec(db).await?;
    Ok(())
}

/// Ends every session of `user` but the one of `keep` (the token of the browser that changed
/// the password): a thief's session ends, the owner stays signed in.
pub async fn close_others(db: &impl ConnectionTrait, user: i64, keep: &str) -> DomainResult<()> {
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user))
        .filter(session::Column::TokenHash.ne(tokens::hash_token(keep)))
        .exec(db)
        .await?;
    Ok(())
}
