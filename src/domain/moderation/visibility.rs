//! Why the public may not see a petition that exists and was published: hidden by a moderator
//! (410, with the reason category), its owner suspended (410), or waiting for approval (404,
//! "awaiting review"). Asked only once the public lookup found nothing, off the hot path.
use sea_orm::{ConnectionTrait, EntityTrait};

use super::{HIDDEN, PENDING};
use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::domain::petition::content::Status;
use crate::entities::{organisation, petition, user};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    /// Hidden by a moderator, for this reason (`report_reasons.id`), if one was given.
    Hidden(Option<i64>),
    /// Its owner (an account or an organisation) is suspended.
    Suspended,
    AwaitingReview,
}

/// Whether its owner (the account, or the organisation) is suspended.
pub async fn owner_suspended(db: &impl ConnectionTrait, p: &petition::Model) -> DomainResult<bool> {
    Ok(match (p.user_id, p.organisation_id) {
        (Some(u), _) => user::Entity::find_by_id(u).one(db).await?.is_some_and(|u| u.suspended_at.is_some()),
        (_, Some(o)) => organisation::Entity::find_by_id(o).one(db).await?.is_some_and(|o| o.suspended_at.is_some()),
        _ => false,
    })
}

/// Why petition `id` is withheld from the public; none for one that does not exist, a draft
/// (simply "not found"), or one the public may see.
pub async fn withheld(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Option<Withheld>> {
    let Some(p) = petition::Entity::find_by_id(id.0).one(db).await? else { return Ok(None) };
    if Status::parse(&p.status) == Status::Draft {
        return Ok(None);
    }
    if p.moderation == HIDDEN {
        return Ok(Some(Withheld::Hidden(p.moderation_reason_id)));
    }
    if owner_suspended(db, &p).await? {
        return Ok(Some(Withheld::Suspended));
    }
    Ok((p.moderation == PENDING).then_some(Withheld::AwaitingReview))
}
