//! Each member's own choice, per petition, of the mails the organisers may receive: a digest of
//! new signatures (daily by default), and a mail at each milestone and when the goal is
//! reached (`milestones`). Off until the member turns them on; nothing is sent once turned off.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;

use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, SeePetition};
use crate::entities::{notification_preference as row, user};

/// What one member wants to hear of one petition.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Preferences {
    pub digest: bool,
    pub milestones: bool,
}

async fn find(db: &impl ConnectionTrait, petition: PetitionId, user: &user::Model) -> DomainResult<Option<row::Model>> {
    Ok(row::Entity::find()
        .filter(row::Column::PetitionId.eq(petition.0))
        .filter(row::Column::UserId.eq(user.id))
        .one(db)
        .await?)
}

/// `user`'s choice for the petition they see.
pub async fn of(
    db: &impl ConnectionTrait,
    can: &Allowed<SeePetition, PetitionId>,
    user: &user::Model,
) -> DomainResult<Preferences> {
    Ok(find(db, can.target(), user)
        .await?
        .map(|r| Preferences { digest: r.digest, milestones: r.milestones })
        .unwrap_or_default())
}

/// Saves `user`'s choice. A digest turned on counts the signatures from now.
pub async fn save(
    db: &impl ConnectionTrait,
    can: &Allowed<SeePetition, PetitionId>,
    user: &user::Model,
    wanted: Preferences,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    match find(db, can.target(), user).await? {
        Some(r) => {
            let digest_from = if wanted.digest && !r.digest { now } else { r.digest_from };
            let mut a: row::ActiveModel = r.into();
            a.digest = Set(wanted.digest);
            a.milestones = Set(wanted.milestones);
            a.digest_from = Set(digest_from);
            a.updated_at = Set(now);
            a.update(db).await?;
        }
        None => {
            row::ActiveModel {
                petition_id: Set(can.target().0),
                user_id: Set(user.id),
                digest: Set(wanted.digest),
                milestones: Set(wanted.milestones),
                digest_from: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}
