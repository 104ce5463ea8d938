//! The public list of signers' names (issue 15): a petition may list them, and each signer
//! decides, with a box left unticked unless they tick it, whether theirs is in it. Only the
//! first and last name as collected ever leave here: never the address nor any other field.
//! Only confirmed signatures that no moderator invalidated are listed, the latest confirmed
//! first: the order of the index the count reads (petition, confirmation time), so a page walks
//! that index from where the last one stopped and ends once it has its names, instead of
//! sorting the whole petition. Pages continue from a signature (`before`), never an offset, so
//! a page costs the same however deep it is.
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use serde::Serialize;

use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::entities::signature;

/// Names shown on the petition's own page.
pub const LATEST: u64 = 20;
/// Listed names counted at most: past it the pages say "more than 10,000". The count runs at
/// each refresh of the cached page (once a second per process); a count of millions would be a
/// cost that grows with the petition's success.
pub const COUNTED: u64 = 10_000;
/// Names per page of the full list.
pub const PER_PAGE: u64 = 100;

/// One signer's name as they gave it: first and last, either of which the form may have let
/// them leave out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicName {
    /// The signature's id: the full list's pages continue from it.
    pub id: i64,
    pub name: String,
}

impl PublicName {
    fn of((id, first, last): (i64, Option<String>, Option<String>)) -> PublicName {
        let name = [first, last].into_iter().flatten().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
        PublicName { id, name }
    }
}

/// What the petition's page shows: the latest names and how many there are in all.
#[derive(Debug, Clone, Serialize)]
pub struct Latest {
    pub names: Vec<PublicName>,
    /// Listed names in all (the page says how many of the signatures that is), or `COUNTED`.
    pub total: u64,
    /// More than `total` (`COUNTED`) are listed: not all were counted.
    pub more: bool,
}

/// One page of the full list.
#[derive(Debug, Clone, Serialize)]
pub struct NamesPage {
    pub names: Vec<PublicName>,
    /// It starts from the latest (no cursor, or one that names no confirmed signature).
    pub first: bool,
    /// The `before` of the next (older) page, when there is one.
    pub next_before: Option<i64>,
}

/// The listed signatures of `petition`: confirmed, not invalidated, agreed, with a name left
/// (retention may have erased it).
fn listed(petition: PetitionId) -> Select<signature::Entity> {
    signature::Entity::find()
        .select_only()
        .columns([signature::Column::Id, signature::Column::FirstName, signature::Column::LastName])
        .filter(signature::Column::PetitionId.eq(petition.0))
        .filter(signature::Column::NamePublic.eq(true))
        .filter(signature::Column::ConfirmedAt.is_not_null())
        .filter(signature::Column::InvalidatedAt.is_null())
        .filter(
            Condition::any()
                .add(signature::Column::FirstName.is_not_null())
                .add(signature::Column::LastName.is_not_null()),
        )
}

/// Where a page starts: after signature `id`, confirmed at `at` (many share one time: the
/// confirmations of a group are written together).
#[derive(Debug, Clone, Copy)]
struct Cursor {
    at: DateTime<Utc>,
    id: i64,
}

/// The cursor of signature `before`, if it is a confirmed one of `petition` (whether it is still
/// listed or not: its place in the order is the same).
async fn cursor(db: &impl ConnectionTrait, petition: PetitionId, before: i64) -> DomainResult<Option<Cursor>> {
    let at: Option<Option<DateTime<Utc>>> = signature::Entity::find_by_id(before)
        .filter(signature::Column::PetitionId.eq(petition.0))
        .select_only()
        .column(signature::Column::ConfirmedAt)
        .into_tuple()
        .one(db)
        .await?;
    Ok(at.flatten().map(|at| Cursor { at, id: before }))
}

async fn names(
    db: &impl ConnectionTrait,
    petition: PetitionId,
    after: Option<Cursor>,
    limit: u64,
) -> DomainResult<Vec<PublicName>> {
    let mut query = listed(petition);
    if let Some(Cursor { at, id }) = after {
        // `<= at` on its own lets the index start at the cursor rather than at the newest.
        query = query
            .filter(signature::Column::ConfirmedAt.lte(at))
            .filter(Condition::any().add(signature::Column::ConfirmedAt.lt(at)).add(signature::Column::Id.lt(id)));
    }
    let rows: Vec<(i64, Option<String>, Option<String>)> = query
        .order_by_desc(signature::Column::ConfirmedAt)
        .order_by_desc(signature::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(PublicName::of).collect())
}

/// The newest `LATEST` names and the number listed, for the petition's page (which is cached:
/// this runs at most once per cache lifetime, however many visitors there are).
pub async fn latest(db: &impl ConnectionTrait, petition: PetitionId) -> DomainResult<Latest> {
    let names = names(db, petition, None, LATEST).await?;
    let total = match names.len() as u64 {
        shown if shown < LATEST => shown,
        _ => listed(petition).limit(COUNTED + 1).count(db).await?,
    };
    Ok(Latest { names, total: total.min(COUNTED), more: total > COUNTED })
}

/// `PER_PAGE` names confirmed before signature `before` (the latest without it, or when it is
/// not a confirmed signature of this petition).
pub async fn page(db: &impl ConnectionTrait, petition: PetitionId, before: Option<i64>) -> DomainResult<NamesPage> {
    let after = match before {
        Some(before) => cursor(db, petition, before).await?,
        None => None,
    };
    let mut names = names(db, petition, after, PER_PAGE + 1).await?;
    let more = names.len() as u64 > PER_PAGE;
    names.truncate(PER_PAGE as usize);
    let next_before = if more { names.last().map(|n| n.id) } else { None };
    Ok(NamesPage { names, first: after.is_none(), next_before })
}
