//! Changing a petition from the dashboard: one section at a time, its status, its owner, the
//! paper signatures, and deleting it. Each change takes the capability that allows it.
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, IntoActiveModel, Set,
};
use serde::Serialize;

use crate::domain::ids::PetitionId;
use crate::domain::moderation::{self, premoderation::Policy};
use crate::domain::permissions::{
    Allowed, CreatePetition, DeletePetition, EditDraft, EditsContent, ModifyPetition, PublishPetition,
};
use crate::domain::petition::content::{Content, SectionEdit};
use crate::domain::petition::petitions::{OwnerId, Status};
use crate::domain::{DomainError, DomainResult, FieldErrors, now, petition::permalinks, petition::translations};
use crate::entities::{petition, user};

/// A petition as its organisers see it.
#[derive(Debug, Clone, Serialize)]
pub struct Editable {
    pub id: PetitionId,
    pub content: Content,
    pub status: Status,
    pub paper_signatures: i64,
    pub permalinks: Vec<String>,
    pub wizard_step: Option<String>,
    pub image: Option<crate::domain::petition::images::ImageMeta>,
    /// "ok", "hidden" or "pending" (see `domain::moderation`), for the notice its organisers see.
    pub moderation: String,
    /// The language of its own text, and its translations into others.
    pub default_locale: String,
    pub translations: Vec<translations::Listed>,
    #[serde(skip)]
    pub owner: OwnerId,
}

async fn model(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<petition::Model> {
    petition::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)
}

pub async fn load(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Editable> {
    let p = model(db, id).await?;
    let owner = OwnerId::of(&p).ok_or(DomainError::Internal(format!("petition {id} has no single owner")))?;
    Ok(Editable {
        id,
        content: Content::of(&p),
        status: Status::parse(&p.status),
        paper_signatures: p.paper_signatures,
        permalinks: permalinks::of_petition(db, id).await?,
        wizard_step: p.wizard_step,
        image: crate::domain::petition::images::meta(db, id).await?,
        moderation: p.moderation.clone(),
        default_locale: p.default_locale.clone(),
        translations: translations::listed(db, id).await?,
        owner,
    })
}

/// Checks and saves one section's form. On error nothing is saved.
pub async fn save<R: EditsContent>(
    db: &DatabaseConnection,
    can: &Allowed<R, PetitionId>,
    edit: &SectionEdit<'_>,
) -> DomainResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let p = model(&txn, can.target()).await?;
    let mut content = Content::of(&p);
    edit.apply_to(&mut content).map_err(DomainError::Invalid)?;
    let reached = reached_goal(p.goal, content.goal, p.confirmed_count + p.paper_signatures, p.reached_goal);
    let words_changed = translations::words_changed(&Content::of(&p), &content);
    let mut active = p.into_active_model();
    content.write(&mut active);
    active.reached_goal = Set(reached);
    active.updated_at = Set(now());
    if words_changed {
        active.content_updated_at = Set(Some(now()));
    }
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// The goal to show as reached once the organiser changed it from `old` to `new`: raising a goal
/// the count had reached keeps the old one, so the page can say "first goal reached, new goal".
/// Lowering the goal to or below a kept one forgets it.
pub fn reached_goal(old: i64, new: i64, count: i64, kept: Option<i64>) -> Option<i64> {
    if new > old && old > 0 && count >= old { Some(old) } else { kept.filter(|&k| new > k) }
}

/// Replaces all the content at once (a template applied in the wizard).
pub async fn replace_content(
    db: &impl ConnectionTrait,
    can: &Allowed<EditDraft, PetitionId>,
    content: &Content,
) -> DomainResult<()> {
    let mut active = model(db, can.target()).await?.into_active_model();
    content.write(&mut active);
    active.updated_at = Set(now());
    active.content_updated_at = Set(Some(now()));
    active.update(db).await?;
    Ok(())
}

pub async fn set_paper_signatures(
    db: &impl ConnectionTrait,
    can: &Allowed<ModifyPetition, PetitionId>,
    count: &str,
) -> DomainResult<()> {
    let value = count.trim();
    let n = match value {
        "" => 0,
        v => {
            v.parse::<i64>().ok().filter(|n| (0..=crate::domain::petition::content::MAX_GOAL).contains(n)).ok_or_else(
                || DomainError::Invalid(FieldErrors::from([("paper_signatures", "error-number-invalid")])),
            )?
        }
    };
    let mut active = model(db, can.target()).await?.into_active_model();
    active.paper_signatures = Set(n);
    active.updated_at = Set(now());
    active.update(db).await?;
    Ok(())
}

/// What the status buttons ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusChange {
    Publish,
    /// Back to draft: the page is no longer public.
    Unpublish,
    /// Signatures stop; the page stays.
    Close,
    Reopen,
}

impl StatusChange {
    pub fn parse(s: &str) -> Option<StatusChange> {
        match s {
            "publish" => Some(StatusChange::Publish),
            "unpublish" => Some(StatusChange::Unpublish),
            "close" => Some(StatusChange::Close),
            "reopen" => Some(StatusChange::Reopen),
            _ => None,
        }
    }
}

/// A petition can be published once it has a title and a text; it then gets a permalink made
/// from its title if it has none, and leaves the wizard. Published for the first time by a new
/// account on an instance that pre-moderates, it waits for a moderator's approval.
pub async fn set_status(
    db: &DatabaseConnection,
    can: &Allowed<PublishPetition, PetitionId>,
    change: StatusChange,
    (publisher, review): (&user::Model, Policy),
) -> DomainResult<Status> {
    let id = can.target();
    let txn = crate::db::begin_write(db).await?;
    let p = model(&txn, id).await?;
    let owner = OwnerId::of(&p).ok_or(DomainError::Internal(format!("petition {id} has no single owner")))?;
    let status = match change {
        StatusChange::Publish | StatusChange::Reopen => {
            if p.title.trim().is_empty() || p.text.trim().is_empty() {
                return Err(DomainError::Invalid(FieldErrors::from([("status", "error-publish-incomplete")])));
            }
            permalinks::ensure_one(&txn, id, owner, &p.title).await?;
            Status::Published
        }
        StatusChange::Unpublish => Status::Draft,
        StatusChange::Close => Status::Closed,
    };
    let first_publication = status == Status::Published && p.published_by.is_none();
    let pending = first_publication && review.needs_review(&txn, publisher, now()).await?;
    let mut active = p.into_active_model();
    active.status = Set(status.as_str().into());
    // Retention counts from the last closing; reopening stops the clock.
    active.closed_at = Set((status == Status::Closed).then(now));
    if status == Status::Published {
        active.wizard_step = Set(None);
    }
    if first_publication {
        active.published_by = Set(Some(publisher.id));
    }
    if pending {
        active.moderation = Set(moderation::PENDING.into());
    }
    active.updated_at = Set(now());
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(status)
}

/// Records the wizard step to resume at.
pub async fn set_wizard_step(
    db: &impl ConnectionTrait,
    can: &Allowed<EditDraft, PetitionId>,
    step: &str,
) -> DomainResult<()> {
    let mut active = model(db, can.target()).await?.into_active_model();
    active.wizard_step = Set(Some(step.to_string()));
    active.update(db).await?;
    Ok(())
}

/// Deletes the petition with its permalinks and signatures (cascade).
pub async fn delete(db: &impl ConnectionTrait, can: Allowed<DeletePetition, PetitionId>) -> DomainResult<()> {
    let deleted = petition::Entity::delete_by_id(can.target().0).exec(db).await?;
    if deleted.rows_affected == 0 { Err(DomainError::NotFound) } else { Ok(()) }
}

/// Gives the petition to another owner, with its permalinks (refused if the new owner already
/// uses one of them): it leaves its owner (the right to delete there) for one where the user may
/// create petitions.
pub async fn transfer(
    db: &DatabaseConnection,
    can: Allowed<DeletePetition, PetitionId>,
    to: &Allowed<CreatePetition, OwnerId>,
) -> DomainResult<()> {
    let txn = crate::db::begin_write(db).await?;
    transfer_in(&txn, can, to).await?;
    txn.commit().await?;
    Ok(())
}

/// The transfer, inside a use case's own write transaction (a guest's petition attached to an
/// account moves and loses its guest in one).
pub(crate) async fn transfer_in(
    txn: &DatabaseTransaction,
    can: Allowed<DeletePetition, PetitionId>,
    to: &Allowed<CreatePetition, OwnerId>,
) -> DomainResult<()> {
    let (id, to) = (can.target(), to.target());
    let p = model(txn, id).await?;
    if OwnerId::of(&p) == Some(to) {
        return Err(DomainError::Invalid(FieldErrors::from([("owner", "error-transfer-same")])));
    }
    permalinks::transfer(txn, id, to).await?;
    let mut active = p.into_active_model();
    to.write(&mut active);
    active.updated_at = Set(now());
    active.update(txn).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::reached_goal;

    #[test]
    fn raising_a_reached_goal_keeps_it_and_lowering_forgets_it() {
        assert_eq!(reached_goal(100, 500, 120, None), Some(100));
        assert_eq!(reached_goal(100, 500, 99, None), None, "not reached yet");
        assert_eq!(reached_goal(0, 500, 10, None), None, "there was no goal");
        assert_eq!(reached_goal(500, 500, 120, Some(100)), Some(100), "unchanged");
        assert_eq!(reached_goal(500, 1000, 600, Some(100)), Some(500), "the latest reached goal");
        assert_eq!(reached_goal(500, 100, 120, Some(100)), None, "lowered to the kept one");
    }
}
