//! The instance's accounts and organisations as its admins see them: searched and paged, and
//! the moderator role granted or withdrawn (audited; never by an admin on their own account).
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Select, Set,
};
use serde::Serialize;

use crate::domain::audit::{self, Action, Target};
use crate::domain::ids::UserId;
use crate::domain::permissions::{Allowed, ManageInstance};
use crate::domain::{DomainError, DomainResult, contains};
use crate::entities::{membership, organisation, user};

/// Rows per page of both lists.
pub const PAGE_SIZE: u64 = 50;
/// A search longer than this is cut: it could match nothing longer anyway.
const QUERY_MAX: usize = 100;

/// Which page of which rows.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Part of a name (or address), any case; empty lists everything.
    pub query: String,
    pub page: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Listing<T> {
    pub rows: Vec<T>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub email: String,
    pub display_name: String,
    pub created_at: DateTime<Utc>,
    pub verified: bool,
    pub is_admin: bool,
    pub is_moderator: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub members: i64,
}

/// `Some` lower-cased words to look for, none for everything.
fn words(search: &Search) -> Option<String> {
    let q: String = search.query.trim().chars().take(QUERY_MAX).collect();
    (!q.is_empty()).then_some(q)
}

/// Any of `columns` contains the words, in any case.
fn matching<C: ColumnTrait>(words: &str, columns: &[C]) -> Condition {
    columns
        .iter()
        .fold(Condition::any(), |any, c| any.add(Expr::expr(Func::lower(Expr::col(*c))).like(contains(words))))
}

/// One page of `query`, with the total it was cut from.
async fn paged<E: EntityTrait>(
    db: &impl ConnectionTrait,
    query: Select<E>,
    page: u64,
) -> DomainResult<(Vec<E::Model>, u64, u64, u64)>
where
    E::Model: Sync,
{
    let total = query.clone().count(db).await?;
    let pages = std::cmp::max(total.div_ceil(PAGE_SIZE), 1);
    let page = page.clamp(1, pages);
    let rows = query.offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE).all(db).await?;
    Ok((rows, page, pages, total))
}

pub async fn users(
    db: &impl ConnectionTrait,
    _can: &Allowed<ManageInstance, ()>,
    search: &Search,
) -> DomainResult<Listing<UserRow>> {
    use user::Column as C;
    // Guest identities (a petition started without an account) are not accounts: nobody can
    // sign in as one, and the petition's own page in the dashboard shows its guest.
    let mut query = user::Entity::find().filter(C::GuestSince.is_null()).order_by_asc(C::Username);
    if let Some(words) = words(search) {
        query = query.filter(matching(&words, &[C::Username, C::Email, C::DisplayName]));
    }
    let (rows, page, pages, total) = paged(db, query, search.page).await?;
    let rows = rows
        .into_iter()
        .map(|u| UserRow {
            id: u.id,
            verified: u.email_verified_at.is_some(),
            username: u.username,
            email: u.email,
            display_name: u.display_name,
            created_at: u.created_at,
            is_admin: u.is_admin,
            is_moderator: u.is_moderator,
        })
        .collect();
    Ok(Listing { rows, page, pages, total })
}

pub async fn organisations(
    db: &impl ConnectionTrait,
    _can: &Allowed<ManageInstance, ()>,
    search: &Search,
) -> DomainResult<Listing<OrganisationRow>> {
    use organisation::Column as C;
    let mut query = organisation::Entity::find().order_by_asc(C::Name).order_by_asc(C::Id);
    if let Some(words) = words(search) {
        query = query.filter(matching(&words, &[C::Name, C::Slug]));
    }
    let (rows, page, pages, total) = paged(db, query, search.page).await?;
    // The members of this page's organisations, in one grouped query.
    let ids: Vec<i64> = rows.iter().map(|o| o.id).collect();
    let members: Vec<(i64, i64)> = membership::Entity::find()
        .select_only()
        .column(membership::Column::OrganisationId)
        .column_as(membership::Column::Id.count(), "n")
        .filter(membership::Column::OrganisationId.is_in(ids))
        .group_by(membership::Column::OrganisationId)
        .into_tuple()
        .all(db)
        .await?;
    let rows = rows
        .into_iter()
        .map(|o| OrganisationRow {
            members: members.iter().find(|(id, _)| *id == o.id).map_or(0, |(_, n)| *n),
            id: o.id,
            slug: o.slug,
            name: o.name,
            created_at: o.created_at,
        })
        .collect();
    Ok(Listing { rows, page, pages, total })
}

/// Grants (`on`) or withdraws the moderator role; false when `member` already was so.
pub async fn set_moderator(
    db: &DatabaseConnection,
    _can: &Allowed<ManageInstance, ()>,
    (actor, member): (&user::Model, UserId),
    on: bool,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    if member.0 == actor.id {
        return Err(DomainError::Refused("error-not-on-yourself"));
    }
    let txn = crate::db::begin_write(db).await?;
    let found = user::Entity::find_by_id(member.0).one(&txn).await?.ok_or(DomainError::NotFound)?;
    if found.is_moderator == on {
        return Ok(false);
    }
    let target = Target::new("user", found.id, found.username.clone());
    let mut active: user::ActiveModel = found.into();
    active.is_moderator = Set(on);
    active.update(&txn).await?;
    let action = if on { Action::RoleGrant } else { Action::RoleRevoke };
    audit::record(&txn, Some(actor), action, target, "moderator", now).await?;
    txn.commit().await?;
    Ok(true)
}
