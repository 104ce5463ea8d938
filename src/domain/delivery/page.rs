//! A delivery's page, opened by its token: the petition as delivered, and its delivery file.
//! The file lists confirmed signatures (not invalidated) in batches by id, so a million rows
//! stream in bounded memory, with the date each was confirmed and, for a petition that lists
//! names, the name of each signer who agreed to show it. No address nor any other field of a
//! signer ever leaves here.
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::addressees::{self, Addressee};
use super::deliver::Trigger;
use crate::domain::ids::PetitionId;
use crate::domain::moderation::visibility;
use crate::domain::petition::petitions::{self, PublicPetition};
use crate::domain::{DomainError, DomainResult, tokens};
use crate::entities::{delivery, signature};

/// Why a delivery is not shown, nor made: moderators withhold its petition from the public.
pub const WITHHELD: &str = "error-delivery-withheld";

/// Rows read per query of the delivery file.
pub const BATCH: u64 = 1000;

/// A delivery and its petition.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub petition: PublicPetition,
    pub at: DateTime<Utc>,
    pub trigger: Trigger,
    /// The public count when it was delivered.
    pub count: i64,
    pub addressees: Vec<Addressee>,
}

/// The delivery of `token`; not found for any other string. Once moderators hide the petition
/// (or suspend its owner) its delivery is withheld too: refused with `error-delivery-withheld`.
pub async fn by_token(db: &impl ConnectionTrait, token: &str) -> DomainResult<Delivery> {
    if token.len() > 100 {
        return Err(DomainError::NotFound);
    }
    let found = delivery::Entity::find()
        .filter(delivery::Column::TokenHash.eq(tokens::hash_token(token)))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let id = PetitionId(found.petition_id);
    // The public lookup answers for a petition the public may see; only when it finds nothing
    // is it asked why (withheld by moderators, or simply no longer published).
    let petition = match petitions::public_by_id(db, id).await {
        Err(DomainError::NotFound) if visibility::withheld(db, id).await?.is_some() => {
            return Err(DomainError::Refused(WITHHELD));
        }
        Err(DomainError::NotFound) => petitions::any_by_id(db, id).await?,
        other => other?,
    };
    Ok(Delivery {
        petition,
        at: found.created_at,
        trigger: Trigger::parse(&found.trigger),
        count: found.signature_count,
        addressees: addressees::of_petition(db, id).await?,
    })
}

/// One line of the delivery file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub id: i64,
    pub confirmed_at: DateTime<Utc>,
    /// Only when the petition lists names and the signer agreed.
    pub name: Option<String>,
}

/// The next `BATCH` lines after signature `after`, in id order.
pub async fn lines(db: &impl ConnectionTrait, petition: &PublicPetition, after: i64) -> DomainResult<Vec<Line>> {
    type Row = (i64, Option<DateTime<Utc>>, bool, Option<String>, Option<String>);
    let rows: Vec<Row> = signature::Entity::find()
        .select_only()
        .columns([
            signature::Column::Id,
            signature::Column::ConfirmedAt,
            signature::Column::NamePublic,
            signature::Column::FirstName,
            signature::Column::LastName,
        ])
        .filter(signature::Column::PetitionId.eq(petition.id.0))
        .filter(signature::Column::Id.gt(after))
        .filter(signature::Column::ConfirmedAt.is_not_null())
        .filter(signature::Column::InvalidatedAt.is_null())
        .order_by_asc(signature::Column::Id)
        .limit(BATCH)
        .into_tuple()
        .all(db)
        .await?;
    let names = petition.fields.lists_names();
    Ok(rows
        .into_iter()
        .filter_map(|(id, confirmed_at, public, first, last)| {
            let name = (names && public)
                .then(|| [first, last].into_iter().flatten().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" "))
                .filter(|n| !n.is_empty());
            Some(Line { id, confirmed_at: confirmed_at?, name })
        })
        .collect())
}
