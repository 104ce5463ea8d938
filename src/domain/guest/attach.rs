//! Attaching a guest petition to an account: the account (or one of its organisations) becomes
//! its owner, with its permalinks, and the management links stop working.
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};

use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, CreatePetition, DeletePetition, ManageGuestPetition};
use crate::domain::petition::{editing, petitions::OwnerId};
use crate::domain::{DomainError, DomainResult};
use crate::entities::{guest_petition, petition, user};

/// Gives the guest petition to the owner `to` (where the signed-in user may create petitions):
/// `manage` and `give` are the guest's rights on it, from its management link.
pub async fn attach(
    db: &DatabaseConnection,
    manage: Allowed<ManageGuestPetition, PetitionId>,
    give: Allowed<DeletePetition, PetitionId>,
    to: &Allowed<CreatePetition, OwnerId>,
) -> DomainResult<()> {
    let id = manage.target();
    if give.target() != id {
        return Err(DomainError::Internal(format!("attaching petition {id} with the right on another")));
    }
    // One transaction: a failure half-way leaves neither a moved petition with its guest still
    // attached nor a deleted guest whose petition did not move.
    let txn = crate::db::begin_write(db).await?;
    let guests: Vec<i64> = guest_petition::Entity::find()
        .select_only()
        .column(guest_petition::Column::UserId)
        .filter(guest_petition::Column::PetitionId.eq(id.0))
        .into_tuple()
        .all(&txn)
        .await?;
    editing::transfer_in(&txn, give, to).await?;
    // Its links (cascade) go with the guest's record; the identity owns nothing any more and
    // is deleted, so that it neither lingers in the admins' list of accounts nor keeps the
    // guest's address. Only a guest identity, and only one that owns no petition.
    guest_petition::Entity::delete_many().filter(guest_petition::Column::PetitionId.eq(id.0)).exec(&txn).await?;
    let owned = petition::Entity::find().filter(petition::Column::UserId.is_in(guests.clone())).count(&txn).await?;
    if owned == 0 && !guests.is_empty() {
        user::Entity::delete_many()
            .filter(user::Column::Id.is_in(guests))
            .filter(user::Column::GuestSince.is_not_null())
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}
