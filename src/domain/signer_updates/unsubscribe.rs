//! The unsubscribe link of every update mail: `/unsubscribe/<token>` opens a page whose button
//! POSTs (mail scanners that follow links must not unsubscribe anyone), and the mail's
//! `List-Unsubscribe` header names `/unsubscribe/<token>/one-click`, which the signer's mail
//! program POSTs to (RFC 8058). Either stops updates and the response for that one signature.
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde::Serialize;

use crate::domain::ids::PetitionId;
use crate::domain::signature::withdrawal::WithdrawKey;
use crate::domain::{DomainError, DomainResult};
use crate::entities::signature;

pub fn path(token: &str) -> String {
    format!("/unsubscribe/{token}")
}

pub fn one_click_path(token: &str) -> String {
    format!("/unsubscribe/{token}/one-click")
}

/// What an unsubscribe link's page shows before its button.
#[derive(Debug, Clone, Serialize)]
pub struct Subscription {
    pub petition: PetitionId,
    /// Still mailed updates (false once unsubscribed).
    pub subscribed: bool,
}

async fn find(db: &impl ConnectionTrait, key: &WithdrawKey, token: &str) -> DomainResult<signature::Model> {
    let id = WithdrawKey::unsubscribe_id(token).ok_or(DomainError::NotFound)?;
    let s = signature::Entity::find_by_id(id).one(db).await?.ok_or(DomainError::NotFound)?;
    if !key.unsubscribe_matches(token, s.id, PetitionId(s.petition_id), &s.email_canonical) {
        return Err(DomainError::NotFound);
    }
    Ok(s)
}

/// The subscription `token` names; not found for a token this instance did not make, or whose
/// signature is gone.
pub async fn peek(db: &impl ConnectionTrait, key: &WithdrawKey, token: &str) -> DomainResult<Subscription> {
    let s = find(db, key, token).await?;
    Ok(Subscription { petition: PetitionId(s.petition_id), subscribed: s.keep_informed })
}

/// No more updates for the signature `token` names (again: nothing changes).
pub async fn unsubscribe(db: &impl ConnectionTrait, key: &WithdrawKey, token: &str) -> DomainResult<PetitionId> {
    let s = find(db, key, token).await?;
    let petition = PetitionId(s.petition_id);
    if s.keep_informed {
        let mut row: signature::ActiveModel = s.into();
        row.keep_informed = Set(false);
        row.update(db).await?;
    }
    Ok(petition)
}
