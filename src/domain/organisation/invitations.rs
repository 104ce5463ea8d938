//! Invitations to join an organisation, by user name or by email address. The invitee gets a
//! mail with a link; a person without an account registers first, then accepts.
use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;

use crate::domain::ids::{OrganisationId, UserId};
use crate::domain::permissions::{AddMembers, Allowed};
use crate::domain::{
    DomainError, DomainResult, FieldErrors, account::accounts, email, now, organisation::organisations, tokens,
};
use crate::entities::{invitation, organisation, user};
use crate::mail::compose::Composer;
use crate::mail::queue;

pub const VALID_FOR: Duration = Duration::days(14);

/// Invites `who` (an exact user name or an email address) to `org`, and queues the mail.
/// Nothing about other accounts is revealed: only an exact match finds one.
pub async fn invite(
    db: &sea_orm::DatabaseConnection,
    (_can, org): (&Allowed<AddMembers, OrganisationId>, &organisation::Model),
    inviter: &user::Model,
    who: &str,
    composer: &Composer,
) -> DomainResult<()> {
    let who = who.trim();
    let invalid = |message| DomainError::Invalid(FieldErrors::from([("invitee", message)]));
    let by_name = user::Entity::find().filter(user::Column::Username.eq(who)).one(db).await?;
    let existing = match by_name {
        Some(u) => Some(u),
        None if email::is_valid(who) => accounts::find_by_email(db, who).await?,
        None => return Err(invalid("error-invitee-unknown")),
    };
    if let Some(u) = &existing
        && organisations::membership(db, OrganisationId(org.id), UserId(u.id)).await?.is_some()
    {
        return Err(invalid("error-already-member"));
    }
    let (recipient, lang) = match &existing {
        Some(u) => (u.email.clone(), u.locale.clone().unwrap_or_else(|| composer.i18n.default_locale().to_string())),
        None => (who.to_string(), inviter.locale.clone().unwrap_or_else(|| composer.i18n.default_locale().to_string())),
    };
    let token = tokens::random_token(32);
    let now = now();
    let txn = crate::db::begin_write(db).await?;
    // A new invitation replaces a pending one for the same person.
    let mut stale = invitation::Entity::delete_many().filter(invitation::Column::OrganisationId.eq(org.id));
    stale = match &existing {
        Some(u) => stale.filter(invitation::Column::InvitedUserId.eq(u.id)),
        None => stale.filter(invitation::Column::Email.eq(who)),
    };
    stale.exec(&txn).await?;
    invitation::ActiveModel {
        organisation_id: Set(org.id),
        invited_user_id: Set(existing.as_ref().map(|u| u.id)),
        email: Set(existing.is_none().then(|| who.to_string())),
        token_hash: Set(tokens::hash_token(&token)),
        invited_by: Set(Some(inviter.id)),
        expires_at: Set(now + VALID_FOR),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let link = format!("{}/invitations/{token}", composer.public_url);
    let draft = composer.account_mail(
        "invitation",
        &lang,
        &recipient,
        "mail-invitation-subject",
        serde_json::json!({ "organisation": org.name, "inviter": inviter.username, "link": link }),
    );
    queue::enqueue(&txn, draft, now).await?;
    txn.commit().await?;
    Ok(())
}

/// A pending invitation, as its page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Pending {
    pub organisation_slug: String,
    pub organisation_name: String,
    /// Set for invitations by user name: only that user may answer.
    pub for_user: Option<i64>,
}

async fn find(db: &impl ConnectionTrait, token: &str) -> DomainResult<(invitation::Model, organisation::Model)> {
    let inv = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(tokens::hash_token(token)))
        .filter(invitation::Column::ExpiresAt.gt(now()))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let org = organisation::Entity::find_by_id(inv.organisation_id).one(db).await?.ok_or(DomainError::NotFound)?;
    Ok((inv, org))
}

pub async fn show(db: &impl ConnectionTrait, token: &str) -> DomainResult<Pending> {
    let (inv, org) = find(db, token).await?;
    Ok(Pending { organisation_slug: org.slug, organisation_name: org.name, for_user: inv.invited_user_id })
}

/// Joins the organisation. An invitation by user name is for that user only; one by address is
/// for whoever holds the mailed link (they may register with another address).
pub async fn accept(
    db: &sea_orm::DatabaseConnection,
    token: &str,
    user: &user::Model,
) -> DomainResult<organisation::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (inv, org) = find(&txn, token).await?;
    if inv.invited_user_id.is_some_and(|id| id != user.id) {
        return Err(DomainError::Refused("error-invitation-other"));
    }
    organisations::join(&txn, OrganisationId(org.id), UserId(user.id)).await?;
    invitation::Entity::delete_by_id(inv.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(org)
}

pub async fn decline(db: &impl ConnectionTrait, token: &str, user: &user::Model) -> DomainResult<()> {
    let (inv, _) = find(db, token).await?;
    if inv.invited_user_id.is_some_and(|id| id != user.id) {
        return Err(DomainError::Refused("error-invitation-other"));
    }
    invitation::Entity::delete_by_id(inv.id).exec(db).await?;
    Ok(())
}
