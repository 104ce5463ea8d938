//! Suspending an account (it cannot sign in, its sessions end, its petitions are withheld from
//! the public as "suspended") or an organisation (its petitions are withheld, and no petition
//! can be created for it), and undoing both. Suspension is a mark on the owner, not on each
//! petition, so undoing it gives back exactly what was public before.
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Select, Set,
};
use serde::Serialize;

use super::Act;
use crate::domain::account::sessions;
use crate::domain::audit::{self, Action, Target};
use crate::domain::ids::{OrganisationId, PetitionId, UserId};
use crate::domain::permissions::{Allowed, Moderate};
use crate::domain::{DomainError, DomainResult};
use crate::entities::{organisation, petition, report, user};

/// The filter that keeps petitions whose owner is not suspended (for the public lists).
pub fn not_of_suspended_owner() -> Condition {
    let suspended_users = Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(user::Column::SuspendedAt.is_not_null())
        .to_owned();
    let suspended_orgs = Query::select()
        .column(organisation::Column::Id)
        .from(organisation::Entity)
        .and_where(organisation::Column::SuspendedAt.is_not_null())
        .to_owned();
    Condition::all()
        .add(
            Condition::any()
                .add(petition::Column::UserId.is_null())
                .add(petition::Column::UserId.not_in_subquery(suspended_users)),
        )
        .add(
            Condition::any()
                .add(petition::Column::OrganisationId.is_null())
                .add(petition::Column::OrganisationId.not_in_subquery(suspended_orgs)),
        )
}

/// Closes the open reports of the petitions `owned` selects, as `resolution`.
pub(super) async fn close_reports(
    db: &impl ConnectionTrait,
    owned: Condition,
    resolution: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> DomainResult<()> {
    let petitions = Query::select().column(petition::Column::Id).from(petition::Entity).cond_where(owned).to_owned();
    report::Entity::update_many()
        .col_expr(report::Column::ResolvedAt, sea_orm::sea_query::Expr::value(now))
        .col_expr(report::Column::Resolution, sea_orm::sea_query::Expr::value(resolution))
        .filter(report::Column::ResolvedAt.is_null())
        .filter(report::Column::PetitionId.in_subquery(petitions))
        .exec(db)
        .await?;
    Ok(())
}

/// Suspends account `id` (`suspend`: its sessions end at once, its open reports close) or
/// restores it.
pub async fn user(
    db: &DatabaseConnection,
    _can: &Allowed<Moderate, ()>,
    (id, suspend): (UserId, bool),
    act: Act<'_>,
) -> DomainResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let u = user::Entity::find_by_id(id.0).one(&txn).await?.ok_or(DomainError::NotFound)?;
    // Moderators answer to the admins; an admin is suspended by no one from here.
    if suspend && (u.is_admin || (u.is_moderator && !act.by.is_admin) || u.id == act.by.id) {
        return Err(DomainError::Refused("error-suspend-staff"));
    }
    let label = u.username.clone();
    let mut active = u.into_active_model();
    active.suspended_at = Set(suspend.then_some(act.now));
    active.update(&txn).await?;
    let action = if suspend {
        sessions::close_all(&txn, id.0).await?;
        close_reports(&txn, Condition::all().add(petition::Column::UserId.eq(id.0)), "suspended", act.now).await?;
        Action::UserSuspend
    } else {
        Action::UserUnsuspend
    };
    audit::record(&txn, Some(act.by), action, Target::new("user", id, label), act.note, act.now).await?;
    txn.commit().await?;
    Ok(())
}

/// Suspends organisation `id` (`suspend`: its open reports close) or restores it.
pub async fn organisation(
    db: &DatabaseConnection,
    _can: &Allowed<Moderate, ()>,
    (id, suspend): (OrganisationId, bool),
    act: Act<'_>,
) -> DomainResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let o = organisation::Entity::find_by_id(id.0).one(&txn).await?.ok_or(DomainError::NotFound)?;
    let label = o.name.clone();
    let mut active = o.into_active_model();
    active.suspended_at = Set(suspend.then_some(act.now));
    active.update(&txn).await?;
    let action = if suspend {
        let owned = Condition::all().add(petition::Column::OrganisationId.eq(id.0));
        close_reports(&txn, owned, "suspended", act.now).await?;
        Action::OrganisationSuspend
    } else {
        Action::OrganisationUnsuspend
    };
    audit::record(&txn, Some(act.by), action, Target::new("organisation", id, label), act.note, act.now).await?;
    txn.commit().await?;
    Ok(())
}

/// Suspends (or restores) the owner of petition `id`, account or organisation; suspending
/// needs a note.
pub async fn owner_of_petition(
    db: &DatabaseConnection,
    can: &Allowed<Moderate, ()>,
    id: PetitionId,
    act: Act<'_>,
    suspend: bool,
) -> DomainResult<()> {
    let p = petition::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)?;
    let act = Act { note: super::checked_note(act.note, suspend)?, ..act };
    match (p.user_id, p.organisation_id) {
        (Some(u), _) => user(db, can, (UserId(u), suspend), act).await,
        (_, Some(o)) => organisation(db, can, (OrganisationId(o), suspend), act).await,
        _ => Err(DomainError::NotFound),
    }
}

/// Whether organisation `id` is suspended (no petition may be created for it then).
pub async fn organisation_suspended(db: &impl ConnectionTrait, id: OrganisationId) -> DomainResult<bool> {
    Ok(organisation::Entity::find_by_id(id.0).one(db).await?.is_some_and(|o| o.suspended_at.is_some()))
}

/// What moderators may undo, each list bounded by `LIST_MAX`.
#[derive(Debug, Clone, Serialize)]
pub struct Undoable {
    pub petitions: Vec<Named>,
    pub users: Vec<Named>,
    pub organisations: Vec<Named>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

/// The longest each list of `Undoable` gets; a moderator past it undoes from the oldest.
pub const LIST_MAX: u64 = 200;

pub async fn undoable(db: &impl ConnectionTrait, _can: &Allowed<Moderate, ()>) -> DomainResult<Undoable> {
    let hidden = petition::Entity::find()
        .filter(petition::Column::Moderation.eq(super::HIDDEN))
        .order_by_desc(petition::Column::UpdatedAt);
    let suspended_users =
        user::Entity::find().filter(user::Column::SuspendedAt.is_not_null()).order_by_desc(user::Column::SuspendedAt);
    let suspended_organisations = organisation::Entity::find()
        .filter(organisation::Column::SuspendedAt.is_not_null())
        .order_by_desc(organisation::Column::SuspendedAt);
    Ok(Undoable {
        petitions: first_named(db, hidden, |p| Named { id: p.id, name: p.title }).await?,
        users: first_named(db, suspended_users, |u| Named { id: u.id, name: u.username }).await?,
        organisations: first_named(db, suspended_organisations, |o| Named { id: o.id, name: o.name }).await?,
    })
}

/// The first `LIST_MAX` rows of `rows`, each by its name.
async fn first_named<E: EntityTrait>(
    db: &impl ConnectionTrait,
    rows: Select<E>,
    named: impl Fn(E::Model) -> Named,
) -> DomainResult<Vec<Named>> {
    Ok(rows.limit(LIST_MAX).all(db).await?.into_iter().map(named).collect())
}
