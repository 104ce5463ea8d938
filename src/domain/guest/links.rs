//! The private management links of guest petitions: random tokens stored hashed, working
//! until revoked. Holding one is acting as the petition's guest identity, for that petition
//! only (the web layer keeps it in a cookie; the permission service checks the binding).
//!
//! Asking for the links again by address reveals nothing: the answer is the same whether or
//! not the address started a petition, only verified addresses are mailed, and at most once
//! while a link sent in the last `ONE_MAIL_EVERY` still works.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, ManageGuestPetition};
use crate::domain::{DomainResult, email, tokens};
use crate::entities::{guest_link, guest_petition, petition, user};
use crate::mail::compose::Composer;
use crate::mail::queue;

/// No new mail for an address while a link sent this recently still works.
pub const ONE_MAIL_EVERY: Duration = Duration::minutes(10);
/// Petitions listed in one re-sent mail (the newest).
pub const MAX_PER_MAIL: u64 = 20;

/// Who a management link acts as: the guest identity that owns `petition`.
#[derive(Debug, Clone)]
pub struct Manager {
    pub petition: PetitionId,
    pub user: user::Model,
}

/// The path a management link opens.
pub fn path(token: &str) -> String {
    format!("/new/manage/{token}")
}

/// One line of a mail: the petition's title (or nothing yet) and its link.
pub(super) fn entry(composer: &Composer, title: &str, token: &str) -> serde_json::Value {
    serde_json::json!({ "title": title, "link": format!("{}{}", composer.public_url, path(token)) })
}

/// A new link for `guest`; returns its token (only its hash is stored).
pub(super) async fn issue(
    db: &impl ConnectionTrait,
    guest: &guest_petition::Model,
    now: DateTime<Utc>,
) -> DomainResult<String> {
    let token = tokens::random_token(32);
    guest_link::ActiveModel {
        guest_petition_id: Set(guest.id),
        token_hash: Set(tokens::hash_token(&token)),
        revoked_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The guest a working link `token` acts as; `None` for a revoked or unknown link, or once
/// the petition left its guest identity.
pub async fn manager(db: &impl ConnectionTrait, token: &str) -> DomainResult<Option<Manager>> {
    let Some(link) = guest_link::Entity::find()
        .filter(guest_link::Column::TokenHash.eq(tokens::hash_token(token)))
        .filter(guest_link::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(guest) = guest_petition::Entity::find_by_id(link.guest_petition_id).one(db).await? else {
        return Ok(None);
    };
    if guest.verified_at.is_none() {
        return Ok(None);
    }
    let Some(user) = user::Entity::find_by_id(guest.user_id).one(db).await?.filter(|u| u.guest_since.is_some()) else {
        return Ok(None);
    };
    let owned =
        petition::Entity::find_by_id(guest.petition_id).one(db).await?.is_some_and(|p| p.user_id == Some(user.id));
    Ok(owned.then_some(Manager { petition: PetitionId(guest.petition_id), user }))
}

/// Whether `user` is the guest identity of petition `id` (its one petition).
pub async fn binds(db: &impl ConnectionTrait, user: &user::Model, id: PetitionId) -> DomainResult<bool> {
    Ok(guest_petition::Entity::find()
        .filter(guest_petition::Column::PetitionId.eq(id.0))
        .filter(guest_petition::Column::UserId.eq(user.id))
        .filter(guest_petition::Column::VerifiedAt.is_not_null())
        .one(db)
        .await?
        .is_some())
}

/// Revokes every link of the petition: none opens it any more (a new one can be asked for by
/// address).
pub async fn revoke(db: &DatabaseConnection, can: &Allowed<ManageGuestPetition, PetitionId>) -> DomainResult<()> {
    let now = crate::domain::now();
    let Some(guest) =
        guest_petition::Entity::find().filter(guest_petition::Column::PetitionId.eq(can.target().0)).one(db).await?
    else {
        return Ok(());
    };
    guest_link::Entity::update_many()
        .col_expr(guest_link::Column::RevokedAt, Expr::value(now))
        .filter(guest_link::Column::GuestPetitionId.eq(guest.id))
        .filter(guest_link::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Mails `address`, in `lang`, a new management link for each of its verified guest
/// petitions (the newest `MAX_PER_MAIL`), unless it has none or one of its links sent in the
/// last `ONE_MAIL_EVERY` still works. Either way the caller answers the same.
pub async fn resend(
    db: &DatabaseConnection,
    address: &str,
    lang: &str,
    composer: &Composer,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let address = crate::domain::email::form_address(address)?;
    let canonical = email::canonical(&address);
    let txn = crate::db::begin_write(db).await?;
    let guests = guest_petition::Entity::find()
        .filter(guest_petition::Column::EmailCanonical.eq(&canonical))
        .filter(guest_petition::Column::VerifiedAt.is_not_null())
        .order_by_desc(guest_petition::Column::Id)
        .limit(MAX_PER_MAIL)
        .all(&txn)
        .await?;
    if guests.is_empty() {
        return Ok(());
    }
    let recent = guest_link::Entity::find()
        .filter(guest_link::Column::GuestPetitionId.is_in(guests.iter().map(|g| g.id)))
        .filter(guest_link::Column::RevokedAt.is_null())
        .filter(guest_link::Column::CreatedAt.gt(now - ONE_MAIL_EVERY))
        .one(&txn)
        .await?
        .is_some();
    if recent {
        return Ok(());
    }
    let mut entries = Vec::with_capacity(guests.len());
    for guest in &guests {
        let title = petition::Entity::find_by_id(guest.petition_id).one(&txn).await?.map(|p| p.title);
        let token = issue(&txn, guest, now).await?;
        entries.push(entry(composer, &title.unwrap_or_default(), &token));
    }
    let values = serde_json::json!({ "petitions": entries });
    let mut mail = composer.account_mail("guest_link", lang, &guests[0].email, "mail-guest-link-subject", values);
    mail.kind = super::MAIL_KIND;
    queue::enqueue(&txn, mail, now).await?;
    txn.commit().await?;
    Ok(())
}
