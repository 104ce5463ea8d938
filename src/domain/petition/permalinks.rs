//! A petition's permalinks (`/o/<org>/<slug>`, `/u/<user>/<slug>`): several per petition, unique
//! per owner. The oldest is canonical; the others redirect to it, so a shared link never breaks.
//! A permalink removed, or left behind by a change of owner, is retired rather than forgotten:
//! it redirects too, until its owner gives the name to a petition again.
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, ModifyPetition};
use crate::domain::petition::petitions::OwnerId;
use crate::domain::{DomainError, DomainResult, FieldErrors, now, reserved};
use crate::entities::{retired_slug, slug};

pub const MIN_LEN: usize = 2;
pub const MAX_LEN: usize = 100;
/// More would be clutter; a petition rarely needs more than a couple.
pub const MAX_PER_PETITION: u64 = 10;

pub async fn of_petition(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Vec<String>> {
    Ok(slug::Entity::find()
        .filter(slug::Column::PetitionId.eq(id.0))
        .order_by_asc(slug::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.slug)
        .collect())
}

/// A permalink made from a title ("Save the Park!" → `save-the-park`), cut to length.
pub fn suggest(title: &str) -> String {
    let mut s = ::slug::slugify(title);
    if s.chars().count() > MAX_LEN {
        s = s.chars().take(MAX_LEN).collect::<String>().trim_end_matches('-').to_string();
    }
    s
}

fn invalid(message: &'static str) -> DomainError {
    DomainError::Invalid(FieldErrors::from([("slug", message)]))
}

/// Adds `wanted` (checked: characters, reserved words, free under this owner).
pub async fn add(
    db: &impl ConnectionTrait,
    can: &Allowed<ModifyPetition, PetitionId>,
    owner: OwnerId,
    wanted: &str,
) -> DomainResult<String> {
    let id = can.target();
    let wanted = wanted.trim();
    if let Some(problem) = reserved::slug_problem(wanted, MIN_LEN, MAX_LEN) {
        return Err(invalid(problem));
    }
    if taken(db, owner, wanted).await? {
        return Err(invalid("error-slug-taken"));
    }
    if slug::Entity::find().filter(slug::Column::PetitionId.eq(id.0)).count(db).await? >= MAX_PER_PETITION {
        return Err(invalid("error-permalink-too-many"));
    }
    insert(db, id, owner, wanted).await?;
    Ok(wanted.to_string())
}

async fn taken(db: &impl ConnectionTrait, owner: OwnerId, s: &str) -> DomainResult<bool> {
    Ok(slug::Entity::find()
        .filter(slug::Column::OwnerKey.eq(owner.key()))
        .filter(slug::Column::Slug.eq(s))
        .one(db)
        .await?
        .is_some())
}

async fn insert(db: &impl ConnectionTrait, id: PetitionId, owner: OwnerId, s: &str) -> DomainResult<()> {
    // A live permalink wins over a retired one of the same name.
    unretire(db, &owner.key(), s).await?;
    slug::ActiveModel {
        petition_id: Set(id.0),
        owner_key: Set(owner.key()),
        slug: Set(s.to_string()),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Gives a petition without permalink one made from its title, numbered if the owner already
/// uses it (`save-the-park-2`). Used when a petition is published.
pub(crate) async fn ensure_one(
    db: &impl ConnectionTrait,
    id: PetitionId,
    owner: OwnerId,
    title: &str,
) -> DomainResult<()> {
    if slug::Entity::find().filter(slug::Column::PetitionId.eq(id.0)).count(db).await? > 0 {
        return Ok(());
    }
    let base = match suggest(title) {
        s if reserved::slug_problem(&s, MIN_LEN, MAX_LEN).is_none() => s,
        s if s.chars().count() >= MIN_LEN => format!("{s}-petition"),
        _ => format!("petition-{id}"),
    };
    let mut candidate = base.clone();
    for n in 2.. {
        if !taken(db, owner, &candidate).await? {
            break;
        }
        candidate = format!("{base}-{n}");
    }
    insert(db, id, owner, &candidate).await
}

/// The petition at `owner_key`/`s`: the one whose permalink it is, else the one it was retired
/// from (whose page then redirects to its current address).
pub async fn resolve(db: &impl ConnectionTrait, owner_key: &str, s: &str) -> DomainResult<Option<PetitionId>> {
    let live = slug::Entity::find()
        .filter(slug::Column::OwnerKey.eq(owner_key))
        .filter(slug::Column::Slug.eq(s))
        .one(db)
        .await?;
    if let Some(live) = live {
        return Ok(Some(PetitionId(live.petition_id)));
    }
    let retired = retired_slug::Entity::find()
        .filter(retired_slug::Column::OwnerKey.eq(owner_key))
        .filter(retired_slug::Column::Slug.eq(s))
        .one(db)
        .await?;
    Ok(retired.map(|r| PetitionId(r.petition_id)))
}

async fn unretire(db: &impl ConnectionTrait, owner_key: &str, s: &str) -> DomainResult<()> {
    retired_slug::Entity::delete_many()
        .filter(retired_slug::Column::OwnerKey.eq(owner_key))
        .filter(retired_slug::Column::Slug.eq(s))
        .exec(db)
        .await?;
    Ok(())
}

/// Keeps `s` of `owner_key` leading to petition `id` (the latest retirement of a name wins).
async fn retire(db: &impl ConnectionTrait, id: PetitionId, owner_key: &str, s: &str) -> DomainResult<()> {
    unretire(db, owner_key, s).await?;
    retired_slug::ActiveModel {
        petition_id: Set(id.0),
        owner_key: Set(owner_key.to_string()),
        slug: Set(s.to_string()),
        retired_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Removes a permalink from the petition's list; its address keeps leading to the petition.
pub async fn remove(db: &impl ConnectionTrait, can: &Allowed<ModifyPetition, PetitionId>, s: &str) -> DomainResult<()> {
    let id = can.target();
    let found = slug::Entity::find()
        .filter(slug::Column::PetitionId.eq(id.0))
        .filter(slug::Column::Slug.eq(s))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    slug::Entity::delete_by_id(found.id).exec(db).await?;
    retire(db, id, &found.owner_key, &found.slug).await
}

/// Moves the permalinks to a new owner; the old owner's addresses keep leading to the petition.
/// Refused, naming the first one, when the new owner already uses one of them: permalinks must
/// never start pointing to another petition.
pub(crate) async fn transfer(db: &impl ConnectionTrait, id: PetitionId, to: OwnerId) -> DomainResult<()> {
    let live = slug::Entity::find().filter(slug::Column::PetitionId.eq(id.0)).all(db).await?;
    for s in &live {
        if taken(db, to, &s.slug).await? {
            return Err(DomainError::Invalid(FieldErrors::from([("owner", "error-transfer-slug-taken")])));
        }
    }
    for s in &live {
        retire(db, id, &s.owner_key, &s.slug).await?;
        unretire(db, &to.key(), &s.slug).await?;
    }
    slug::Entity::update_many()
        .col_expr(slug::Column::OwnerKey, sea_orm::sea_query::Expr::value(to.key()))
        .filter(slug::Column::PetitionId.eq(id.0))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggestions_are_url_names() {
        assert_eq!(super::suggest("Sauvons l'école du Parc !"), "sauvons-l-ecole-du-parc");
        assert!(super::suggest(&"long words ".repeat(30)).len() <= super::MAX_LEN);
    }
}
