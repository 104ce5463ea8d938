//! Who may do what: the one place that decides, and the only one that can build the
//! `Allowed<Right, Target>` capability every domain function that changes something requires.
//!
//! Members of an organisation hold the twelve flags of Pytition; the owner of a personal
//! petition may do everything with it; instance admins may do everything; moderators see
//! everything and change nothing here (their own right is `Moderate`). A dashboard target
//! the user may not even see answers `NotFound` (the dashboard does not confirm that it
//! exists); one they see without the right answers `Forbidden`.
//!
//! A guest identity (the owner of a petition started without an account, `domain::guest`) holds
//! every right on its one petition, as its owner, and nothing else: it creates nothing, and a
//! petition it is not bound to is not found.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::ids::{OrganisationId, PetitionId, TemplateId, UserId};
use super::instance::settings::InstanceSettings;
use super::petition::petitions::{OwnerId, Status};
use super::{DomainError, DomainResult};
use crate::config::Who;
use crate::entities::{membership, petition, user};

mod flags;
pub mod rights;

pub use flags::Flag;
pub use rights::*;

/// Right `R` on petition `id`.
pub async fn petition<R: PetitionRight>(
    db: &impl ConnectionTrait,
    user: &user::Model,
    id: PetitionId,
) -> DomainResult<Allowed<R, PetitionId>> {
    let p = petition_model(db, id).await?;
    guest_bound(db, user, id).await?;
    decide(db, user, owner_of(&p)?, R::FLAG).await?;
    Ok(Allowed::grant(id))
}

/// A guest identity acts on its one petition only.
async fn guest_bound(db: &impl ConnectionTrait, user: &user::Model, id: PetitionId) -> DomainResult<()> {
    if user.guest_since.is_some() && !super::guest::links::binds(db, user, id).await? {
        return Err(DomainError::NotFound);
    }
    Ok(())
}

/// Starting a petition without an account: refused while the instance turns it off (or hosts
/// no personal petitions, which a guest petition is until attached).
pub fn start_guest(instance: &InstanceSettings) -> DomainResult<Allowed<StartGuestPetition, ()>> {
    if instance.guest_petitions && instance.personal_petitions {
        Ok(Allowed::grant(()))
    } else {
        Err(DomainError::Refused("error-guest-petitions-off"))
    }
}

/// The management link's own right on petition `id`: `guest` must be its guest identity.
pub async fn guest(
    db: &impl ConnectionTrait,
    guest: &user::Model,
    id: PetitionId,
) -> DomainResult<Allowed<ManageGuestPetition, PetitionId>> {
    if guest.guest_since.is_none() {
        return Err(DomainError::Forbidden);
    }
    guest_bound(db, guest, id).await?;
    decide(db, guest, owner_of(&petition_model(db, id).await?)?, None).await?;
    Ok(Allowed::grant(id))
}

/// Filling petition `id` in the wizard: the right to create petitions for its owner, and a
/// draft still in the wizard (a published petition, or one the wizard let go, is edited with
/// `ModifyPetition`, which a member with only `create_petitions` does not hold).
pub async fn draft(
    db: &impl ConnectionTrait,
    user: &user::Model,
    id: PetitionId,
) -> DomainResult<Allowed<EditDraft, PetitionId>> {
    let p = petition_model(db, id).await?;
    guest_bound(db, user, id).await?;
    decide(db, user, owner_of(&p)?, Some(Flag::CreatePetitions)).await?;
    if Status::parse(&p.status) != Status::Draft || p.wizard_step.is_none() {
        return Err(DomainError::Refused("error-not-in-wizard"));
    }
    Ok(Allowed::grant(id))
}

/// Right `R` on `owner`'s petitions or templates: `NotFound` for an organisation the user is
/// not a member of, `Forbidden` for a member without the right; refused for an organisation a
/// moderator suspended (nothing is created for it until it is restored). Creating a petition
/// that a person owns (for themselves, or by a transfer) is refused, to everyone, on an
/// instance that allows no personal petitions.
pub async fn owner<R: OwnerRight>(
    db: &impl ConnectionTrait,
    user: &user::Model,
    owner: OwnerId,
    instance: &InstanceSettings,
) -> DomainResult<Allowed<R, OwnerId>> {
    if user.guest_since.is_some() {
        return Err(DomainError::Forbidden);
    }
    if R::FLAG == Some(Flag::CreatePetitions) && matches!(owner, OwnerId::User(_)) && !instance.personal_petitions {
        return Err(DomainError::Refused("error-personal-petitions-off"));
    }
    decide(db, user, owner, R::FLAG).await?;
    if let OwnerId::Organisation(org) = owner
        && super::moderation::suspension::organisation_suspended(db, org).await?
    {
        return Err(DomainError::Refused("error-organisation-suspended"));
    }
    Ok(Allowed::grant(owner))
}

/// Right `R` on template `id`.
pub async fn template<R: TemplateRight>(
    db: &impl ConnectionTrait,
    user: &user::Model,
    id: TemplateId,
) -> DomainResult<Allowed<R, TemplateId>> {
    decide(db, user, super::petition::templates::owner(db, id).await?, R::FLAG).await?;
    Ok(Allowed::grant(id))
}

/// Right `R` on organisation `org`.
pub async fn organisation<R: OrganisationRight>(
    db: &impl ConnectionTrait,
    user: &user::Model,
    org: OrganisationId,
) -> DomainResult<Allowed<R, OrganisationId>> {
    decide(db, user, OwnerId::Organisation(org), R::FLAG).await?;
    Ok(Allowed::grant(org))
}

/// The instance's administration.
pub fn instance(user: &user::Model) -> DomainResult<Allowed<ManageInstance, ()>> {
    if user.is_admin { Ok(Allowed::grant(())) } else { Err(DomainError::Forbidden) }
}

/// The moderation queue (moderators and admins).
pub fn moderation(user: &user::Model) -> DomainResult<Allowed<Moderate, ()>> {
    if user.is_admin || user.is_moderator { Ok(Allowed::grant(())) } else { Err(DomainError::Forbidden) }
}

/// Creating an organisation, when the instance's policy lets `user`.
pub fn create_organisation(user: &user::Model, policy: Who) -> DomainResult<Allowed<CreateOrganisation, ()>> {
    if user.is_admin || (policy == Who::Anyone && user.guest_since.is_none()) {
        Ok(Allowed::grant(()))
    } else {
        Err(DomainError::Forbidden)
    }
}

/// A right granted to the instance's operator at the shell (`rustition demo`, `admin create`)
/// and to the test suite's setup, which act with the server's own authority. The web layer
/// never calls it (a test in this module reads `src/web/` to make sure).
pub fn operator<R, T>(target: T) -> Allowed<R, T> {
    Allowed::grant(target)
}

/// Which of `flags` the user holds on `owner`'s petitions and templates, in one query: for the
/// links a page shows. Showing a link proves nothing; the action asks for its capability.
pub async fn held(
    db: &impl ConnectionTrait,
    user: &user::Model,
    owner: OwnerId,
    flags: &[Flag],
) -> DomainResult<Vec<(Flag, bool)>> {
    let membership = membership_for(db, user, owner).await?;
    Ok(flags.iter().map(|f| (*f, grants(user, owner, membership.as_ref(), Some(*f)))).collect())
}

/// The rule itself, without the database: `membership` is the user's membership of the owning
/// organisation, if any; `flag` none asks only to see. The dashboard lists many petitions with
/// one query of memberships and asks this for each.
pub fn grants(user: &user::Model, owner: OwnerId, membership: Option<&membership::Model>, flag: Option<Flag>) -> bool {
    if user.is_admin {
        return true;
    }
    // Moderators see every petition (and organisation) on the instance, and change none.
    if user.is_moderator && flag.is_none() {
        return true;
    }
    match owner {
        OwnerId::User(u) => u.0 == user.id,
        OwnerId::Organisation(org) => membership
            .filter(|m| m.organisation_id == org.0 && m.user_id == user.id)
            .is_some_and(|m| flag.is_none_or(|f| f.held_by(m))),
    }
}

/// `NotFound` when the user may not see what `owner` owns, `Forbidden` when they see it
/// without `flag`.
async fn decide(db: &impl ConnectionTrait, user: &user::Model, owner: OwnerId, flag: Option<Flag>) -> DomainResult<()> {
    let membership = membership_for(db, user, owner).await?;
    if !grants(user, owner, membership.as_ref(), None) {
        Err(DomainError::NotFound)
    } else if !grants(user, owner, membership.as_ref(), flag) {
        Err(DomainError::Forbidden)
    } else {
        Ok(())
    }
}

async fn petition_model(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<petition::Model> {
    petition::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)
}

fn owner_of(p: &petition::Model) -> DomainResult<OwnerId> {
    OwnerId::of(p).ok_or_else(|| DomainError::Internal(format!("petition {} has no single owner", p.id)))
}

/// The user's membership of the organisation that is `owner`, if any (none needed for admins
/// and personal owners).
async fn membership_for(
    db: &impl ConnectionTrait,
    user: &user::Model,
    owner: OwnerId,
) -> DomainResult<Option<membership::Model>> {
    match owner {
        OwnerId::Organisation(org) if !user.is_admin => Ok(membership::Entity::find()
            .filter(membership::Column::UserId.eq(user.id))
            .filter(membership::Column::OrganisationId.eq(org.0))
            .one(db)
            .await?),
        _ => Ok(None),
    }
}

/// The owner a user acts as when they pick "myself".
pub fn me(user: &user::Model) -> OwnerId {
    OwnerId::User(UserId(user.id))
}

#[cfg(test)]
mod tests {
    /// Capabilities are asked of the service; the web layer never mints one.
    #[test]
    fn the_web_layer_never_grants_as_the_operator() {
        let web = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
        let mut stack = vec![web];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let text = std::fs::read_to_string(&path).unwrap();
                    assert!(!text.contains("operator("), "{} grants as the operator", path.display());
                }
            }
        }
    }
}
