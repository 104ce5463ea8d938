//! Organisations: creation, lookup, their public page, and their members with the twelve flags.
//! The last member allowed to modify permissions can never lose that right, leave, or be removed,
//! so an organisation always keeps someone who can manage it.
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use crate::domain::ids::{OrganisationId, UserId};
use crate::domain::permissions::{
    AddMembers, Allowed, CreateOrganisation, Flag, ModifyPermissions, RemoveMembers, SeeOrganisation,
};
use crate::domain::{DomainError, DomainResult, FieldErrors, now, reserved};
use crate::entities::{membership, organisation, user};

pub const SLUG_MIN: usize = 2;
pub const SLUG_MAX: usize = 64;

#[derive(Debug, Clone, Default)]
pub struct OrganisationInput {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub website: String,
}

fn validate(input: &OrganisationInput) -> FieldErrors {
    let mut errors = validate_profile(input);
    if let Some(problem) = reserved::slug_problem(input.slug.trim(), SLUG_MIN, SLUG_MAX) {
        errors.insert("slug", problem);
    }
    errors
}

/// The public profile's fields (all but the slug, which never changes once created).
pub(super) fn validate_profile(input: &OrganisationInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let name = input.name.trim();
    if name.is_empty() {
        errors.insert("name", "error-required");
    } else if name.chars().count() > 200 {
        errors.insert("name", "error-too-long");
    }
    if input.description.chars().count() > 5000 {
        errors.insert("description", "error-too-long");
    }
    let website = input.website.trim();
    if !website.is_empty()
        && !matches!(url::Url::parse(website), Ok(u) if matches!(u.scheme(), "http" | "https") && website.len() <= 500)
    {
        errors.insert("website", "error-url-invalid");
    }
    errors
}

/// A membership of `user` in `org` holding the flags `holds` says yes to.
fn new_membership(user: i64, org: i64, holds: impl Fn(Flag) -> bool) -> membership::ActiveModel {
    let mut m = membership::ActiveModel {
        user_id: Set(user),
        organisation_id: Set(org),
        created_at: Set(now()),
        ..Default::default()
    };
    for flag in Flag::ALL {
        set_flag(&mut m, flag, holds(flag));
    }
    m
}

/// A membership of `user` in `org` with every right (the demo's members: `domain::demo`).
pub fn full_membership(user: i64, org: i64) -> membership::ActiveModel {
    new_membership(user, org, |_| true)
}

/// What a new member gets until someone changes it: write petitions, read signatures.
fn default_flag(flag: Flag) -> bool {
    matches!(flag, Flag::CreatePetitions | Flag::ModifyPetitions | Flag::ViewSignatures)
}

pub fn set_flag(m: &mut membership::ActiveModel, flag: Flag, value: bool) {
    let v = Set(value);
    match flag {
        Flag::AddMembers => m.can_add_members = v,
        Flag::RemoveMembers => m.can_remove_members = v,
        Flag::CreatePetitions => m.can_create_petitions = v,
        Flag::ModifyPetitions => m.can_modify_petitions = v,
        Flag::DeletePetitions => m.can_delete_petitions = v,
        Flag::CreateTemplates => m.can_create_templates = v,
        Flag::ModifyTemplates => m.can_modify_templates = v,
        Flag::DeleteTemplates => m.can_delete_templates = v,
        Flag::ViewSignatures => m.can_view_signatures = v,
        Flag::ModifySignatures => m.can_modify_signatures = v,
        Flag::DeleteSignatures => m.can_delete_signatures = v,
        Flag::ModifyPermissions => m.can_modify_permissions = v,
        Flag::EditProfile => m.can_edit_profile = v,
    }
}

/// Creates the organisation with `creator` as its first member, holding every flag.
pub async fn create(
    db: &DatabaseConnection,
    _can: &Allowed<CreateOrganisation, ()>,
    creator: UserId,
    input: OrganisationInput,
) -> DomainResult<organisation::Model> {
    let mut errors = validate(&input);
    let slug = input.slug.trim().to_string();
    if !errors.contains_key("slug") && find_by_slug(db, &slug).await?.is_some() {
        errors.insert("slug", "error-slug-taken");
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let website = input.website.trim();
    let org = organisation::ActiveModel {
        slug: Set(slug),
        name: Set(input.name.trim().to_string()),
        description: Set(input.description.trim().to_string()),
        website: Set((!website.is_empty()).then(|| website.to_string())),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // The creator holds every flag.
    new_membership(creator.0, org.id, |_| true).insert(&txn).await?;
    txn.commit().await?;
    Ok(org)
}

pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> DomainResult<Option<organisation::Model>> {
    Ok(organisation::Entity::find().filter(organisation::Column::Slug.eq(slug)).one(db).await?)
}

pub async fn by_slug(db: &impl ConnectionTrait, slug: &str) -> DomainResult<organisation::Model> {
    find_by_slug(db, slug).await?.ok_or(DomainError::NotFound)
}

pub async fn by_id(db: &impl ConnectionTrait, id: OrganisationId) -> DomainResult<organisation::Model> {
    organisation::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)
}

/// A member and their flags, as the members page shows them.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub flags: Vec<(Flag, bool)>,
}

pub async fn members(db: &impl ConnectionTrait, org: OrganisationId) -> DomainResult<Vec<Member>> {
    let rows = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org.0))
        .order_by_asc(membership::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|m| m.user_id).collect();
    let users = user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?;
    Ok(rows
        .iter()
        .filter_map(|m| {
            let u = users.iter().find(|u| u.id == m.user_id)?;
            Some(Member {
                user_id: u.id,
                username: u.username.clone(),
                display_name: u.display_name.clone(),
                flags: Flag::ALL.iter().map(|f| (*f, f.held_by(m))).collect(),
            })
        })
        .collect())
}

pub async fn membership(
    db: &impl ConnectionTrait,
    org: OrganisationId,
    user: UserId,
) -> DomainResult<Option<membership::Model>> {
    Ok(membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org.0))
        .filter(membership::Column::UserId.eq(user.0))
        .one(db)
        .await?)
}

/// The organisations `user` belongs to.
pub async fn of_user(db: &impl ConnectionTrait, user: UserId) -> DomainResult<Vec<organisation::Model>> {
    let ids: Vec<i64> = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user.0))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.organisation_id)
        .collect();
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?)
}

async fn permission_holders(db: &impl ConnectionTrait, org: OrganisationId) -> DomainResult<u64> {
    Ok(membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org.0))
        .filter(membership::Column::CanModifyPermissions.eq(true))
        .count(db)
        .await?)
}

/// Refuses when `m` is the last member who may modify permissions.
async fn not_last_admin(db: &impl ConnectionTrait, m: &membership::Model) -> DomainResult<()> {
    if m.can_modify_permissions && permission_holders(db, OrganisationId(m.organisation_id)).await? <= 1 {
        return Err(DomainError::Refused("error-last-admin"));
    }
    Ok(())
}

/// Sets `member`'s flags to exactly `flags`.
pub async fn set_permissions(
    db: &DatabaseConnection,
    can: &Allowed<ModifyPermissions, OrganisationId>,
    member: UserId,
    flags: &[Flag],
) -> DomainResult<()> {
    let org = can.target();
    let txn = crate::db::begin_write(db).await?;
    let m = membership(&txn, org, member).await?.ok_or(DomainError::NotFound)?;
    if !flags.contains(&Flag::ModifyPermissions) {
        not_last_admin(&txn, &m).await?;
    }
    let mut active: membership::ActiveModel = m.into();
    for flag in Flag::ALL {
        set_flag(&mut active, flag, flags.contains(&flag));
    }
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Removes `member`, by someone with the right.
pub async fn remove_member(
    db: &DatabaseConnection,
    can: &Allowed<RemoveMembers, OrganisationId>,
    member: UserId,
) -> DomainResult<()> {
    delete_membership(db, can.target(), member).await
}

/// `user` leaves the organisation (any member may, unless they are the last who can manage it).
pub async fn leave(
    db: &DatabaseConnection,
    can: &Allowed<SeeOrganisation, OrganisationId>,
    user: UserId,
) -> DomainResult<()> {
    delete_membership(db, can.target(), user).await
}

async fn delete_membership(db: &DatabaseConnection, org: OrganisationId, member: UserId) -> DomainResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let m = membership(&txn, org, member).await?.ok_or(DomainError::NotFound)?;
    not_last_admin(&txn, &m).await?;
    membership::Entity::delete_by_id(m.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Adds `user` with the default flags. Already a member: no change.
pub async fn add_member(
    db: &impl ConnectionTrait,
    can: &Allowed<AddMembers, OrganisationId>,
    user: UserId,
) -> DomainResult<()> {
    join(db, can.target(), user).await
}

/// Adds `user` who accepted an invitation (the invitation is the permission).
pub(super) async fn join(db: &impl ConnectionTrait, org: OrganisationId, user: UserId) -> DomainResult<()> {
    if membership(db, org, user).await?.is_none() {
        new_membership(user.0, org.0, default_flag).insert(db).await?;
    }
    Ok(())
}

/// Organisations where `user` is the last member allowed to modify permissions while others
/// remain: deleting the account would leave them unmanaged.
pub async fn blocking_departure(db: &impl ConnectionTrait, user: UserId) -> DomainResult<Vec<organisation::Model>> {
    let mut blocking = Vec::new();
    for org in of_user(db, user).await? {
        let id = OrganisationId(org.id);
        let Some(m) = membership(db, id, user).await? else { continue };
        let members =
            membership::Entity::find().filter(membership::Column::OrganisationId.eq(org.id)).count(db).await?;
        if m.can_modify_permissions && members > 1 && permission_holders(db, id).await? <= 1 {
            blocking.push(org);
        }
    }
    Ok(blocking)
}

/// Organisations whose only member is `user` (they go with the account).
pub async fn solely_held(db: &impl ConnectionTrait, user: UserId) -> DomainResult<Vec<organisation::Model>> {
    let mut only = Vec::new();
    for org in of_user(db, user).await? {
        let members =
            membership::Entity::find().filter(membership::Column::OrganisationId.eq(org.id)).count(db).await?;
        if members == 1 {
            only.push(org);
        }
    }
    Ok(only)
}
