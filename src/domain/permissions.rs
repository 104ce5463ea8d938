//! Who may do what: the one place every dashboard, organisation and admin route asks.
//!
//! Members of an organisation hold the twelve flags of Pytition; the owner of a personal
//! petition may do everything with it; instance admins may do everything.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use super::DomainResult;
use super::ids::{OrganisationId, PetitionId};
use super::petitions::OwnerId;
use crate::config::Who;
use crate::entities::{membership, petition, user};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    AddMembers,
    RemoveMembers,
    CreatePetitions,
    ModifyPetitions,
    DeletePetitions,
    CreateTemplates,
    ModifyTemplates,
    DeleteTemplates,
    ViewSignatures,
    ModifySignatures,
    DeleteSignatures,
    ModifyPermissions,
}

impl Flag {
    pub const ALL: [Flag; 12] = [
        Flag::AddMembers,
        Flag::RemoveMembers,
        Flag::CreatePetitions,
        Flag::ModifyPetitions,
        Flag::DeletePetitions,
        Flag::CreateTemplates,
        Flag::ModifyTemplates,
        Flag::DeleteTemplates,
        Flag::ViewSignatures,
        Flag::ModifySignatures,
        Flag::DeleteSignatures,
        Flag::ModifyPermissions,
    ];

    /// The flag's name in forms and templates (`add_members`, …), as serialised.
    pub fn name(self) -> &'static str {
        match self {
            Flag::AddMembers => "add_members",
            Flag::RemoveMembers => "remove_members",
            Flag::CreatePetitions => "create_petitions",
            Flag::ModifyPetitions => "modify_petitions",
            Flag::DeletePetitions => "delete_petitions",
            Flag::CreateTemplates => "create_templates",
            Flag::ModifyTemplates => "modify_templates",
            Flag::DeleteTemplates => "delete_templates",
            Flag::ViewSignatures => "view_signatures",
            Flag::ModifySignatures => "modify_signatures",
            Flag::DeleteSignatures => "delete_signatures",
            Flag::ModifyPermissions => "modify_permissions",
        }
    }

    /// Whether the membership holds this flag.
    pub fn held_by(self, m: &membership::Model) -> bool {
        match self {
            Flag::AddMembers => m.can_add_members,
            Flag::RemoveMembers => m.can_remove_members,
            Flag::CreatePetitions => m.can_create_petitions,
            Flag::ModifyPetitions => m.can_modify_petitions,
            Flag::DeletePetitions => m.can_delete_petitions,
            Flag::CreateTemplates => m.can_create_templates,
            Flag::ModifyTemplates => m.can_modify_templates,
            Flag::DeleteTemplates => m.can_delete_templates,
            Flag::ViewSignatures => m.can_view_signatures,
            Flag::ModifySignatures => m.can_modify_signatures,
            Flag::DeleteSignatures => m.can_delete_signatures,
            Flag::ModifyPermissions => m.can_modify_permissions,
        }
    }
}

/// What a user wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Instance administration (mail queue, moderation).
    ManageInstance,
    /// Creating an organisation, under the instance's policy.
    CreateOrganisation(Who),
    /// Seeing an organisation's dashboard pages: any member.
    ViewOrganisation(OrganisationId),
    /// Something on an organisation that needs one of the member flags.
    Organisation(OrganisationId, Flag),
    /// Something on a petition: its owner may; for an organisation's petition, the flag decides.
    Petition(PetitionId, Flag),
    /// Seeing a petition in the dashboard: its owner, or any member of its organisation.
    SeePetition(PetitionId),
    /// Something for an owner's petitions or templates (creating one, editing a template…).
    Owner(OwnerId, Flag),
}

/// The one answer to "may `user` do `action`?".
pub async fn allowed(db: &impl ConnectionTrait, user: &user::Model, action: Action) -> DomainResult<bool> {
    if user.is_admin {
        return Ok(true);
    }
    match action {
        Action::ManageInstance => Ok(false),
        Action::CreateOrganisation(who) => Ok(who == Who::Anyone),
        Action::ViewOrganisation(org) => Ok(membership(db, user.id, org).await?.is_some()),
        Action::Organisation(org, flag) => org_flag(db, user.id, org, flag).await,
        Action::Petition(id, flag) => match petition_owner(db, id).await? {
            Some(owner) => owner_allows(db, user, owner, Some(flag)).await,
            None => Ok(false),
        },
        Action::SeePetition(id) => match petition_owner(db, id).await? {
            Some(owner) => owner_allows(db, user, owner, None).await,
            None => Ok(false),
        },
        Action::Owner(owner, flag) => owner_allows(db, user, owner, Some(flag)).await,
    }
}

async fn petition_owner(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Option<OwnerId>> {
    Ok(petition::Entity::find_by_id(id.0).one(db).await?.as_ref().and_then(OwnerId::of))
}

/// What a user may do with one petition, answered with one read of its owner and membership:
/// `None` when they may not even see it, else whether they hold `flag` (none: only seeing).
pub async fn petition_access(
    db: &impl ConnectionTrait,
    user: &user::Model,
    id: PetitionId,
    flag: Option<Flag>,
) -> DomainResult<Option<bool>> {
    let Some(owner) = petition_owner(db, id).await? else { return Ok(None) };
    let membership = match owner {
        OwnerId::Organisation(org) if !user.is_admin => membership(db, user.id, org).await?,
        _ => None,
    };
    if !grants(user, owner, membership.as_ref(), None) {
        return Ok(None);
    }
    Ok(Some(flag.is_none_or(|f| grants(user, owner, membership.as_ref(), Some(f)))))
}

/// Which of `flags` the user holds on `owner`'s petitions and templates, in one query: for the
/// links a page shows (the actions themselves still ask `allowed`).
pub async fn held(
    db: &impl ConnectionTrait,
    user: &user::Model,
    owner: OwnerId,
    flags: &[Flag],
) -> DomainResult<Vec<(Flag, bool)>> {
    let membership = match owner {
        OwnerId::Organisation(org) if !user.is_admin => membership(db, user.id, org).await?,
        _ => None,
    };
    Ok(flags.iter().map(|f| (*f, grants(user, owner, membership.as_ref(), Some(*f)))).collect())
}

async fn owner_allows(
    db: &impl ConnectionTrait,
    user: &user::Model,
    owner: OwnerId,
    flag: Option<Flag>,
) -> DomainResult<bool> {
    let membership = match owner {
        OwnerId::Organisation(org) => membership(db, user.id, org).await?,
        OwnerId::User(_) => None,
    };
    Ok(grants(user, owner, membership.as_ref(), flag))
}

/// The rule itself, without the database: `membership` is the user's membership of the owning
/// organisation, if any; `flag` none asks only to see. The dashboard lists many petitions with
/// one query of memberships and asks this for each.
pub fn grants(user: &user::Model, owner: OwnerId, membership: Option<&membership::Model>, flag: Option<Flag>) -> bool {
    if user.is_admin {
        return true;
    }
    match owner {
        OwnerId::User(u) => u.0 == user.id,
        OwnerId::Organisation(org) => membership
            .filter(|m| m.organisation_id == org.0 && m.user_id == user.id)
            .is_some_and(|m| flag.is_none_or(|f| f.held_by(m))),
    }
}

async fn membership(
    db: &impl ConnectionTrait,
    user: i64,
    org: OrganisationId,
) -> DomainResult<Option<membership::Model>> {
    Ok(membership::Entity::find()
        .filter(membership::Column::UserId.eq(user))
        .filter(membership::Column::OrganisationId.eq(org.0))
        .one(db)
        .await?)
}

async fn org_flag(db: &impl ConnectionTrait, user: i64, org: OrganisationId, flag: Flag) -> DomainResult<bool> {
    Ok(membership(db, user, org).await?.is_some_and(|m| flag.held_by(&m)))
}

#[cfg(test)]
mod tests {
    use super::Flag;

    #[test]
    fn names_are_the_serialised_names() {
        for flag in Flag::ALL {
            assert_eq!(serde_json::to_value(flag).unwrap(), flag.name());
        }
    }
}
