//! The organiser's dashboard: the petitions of the user and of their organisations, with counts
//! and the actions each allows, in a fixed number of queries whatever their number.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;

use crate::domain::ids::{OrganisationId, PetitionId};
use crate::domain::permissions::{Flag, grants};
use crate::domain::petition::petitions::{self, OwnerId, PublicPetition, Status};
use crate::domain::{DomainResult, contains};
use crate::entities::{membership, organisation, petition, user};

pub const PAGE_SIZE: u64 = 20;

/// What the list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// `draft`, `published` or `closed`; none for all.
    pub status: Option<Status>,
    /// `me` or an organisation's slug; none for all.
    pub owner: Option<String>,
    /// Words in the title.
    pub query: String,
    /// From 1.
    pub page: u64,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    /// Confirmed and not invalidated: what the public count shows.
    pub confirmed: i64,
    pub pending: i64,
    /// Invalidated by a moderator's rule (kept, not counted).
    pub invalidated: i64,
    pub last_signature_at: Option<DateTime<Utc>>,
}

/// The flags that decide which links a row shows.
#[derive(Debug, Clone, Serialize)]
pub struct Rights {
    pub modify: bool,
    pub delete: bool,
    pub view_signatures: bool,
    /// Continuing a wizard draft needs the right to create petitions, not to modify them.
    pub create: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub petition: PublicPetition,
    pub counts: Counts,
    pub may: Rights,
    /// Still in the creation wizard: the step to resume at.
    pub wizard_step: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationEntry {
    pub slug: String,
    pub name: String,
    pub may_create: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    pub rows: Vec<Row>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    pub organisations: Vec<OrganisationEntry>,
}

/// The dashboard of `user`. Queries: memberships, organisations, the count, the page, the
/// signature counts, and three for owners and permalinks: eight, whatever the numbers.
pub async fn list(db: &impl ConnectionTrait, user: &user::Model, filter: &Filter) -> DomainResult<Listing> {
    let memberships = membership::Entity::find().filter(membership::Column::UserId.eq(user.id)).all(db).await?;
    let org_ids: Vec<i64> = memberships.iter().map(|m| m.organisation_id).collect();
    let orgs = if org_ids.is_empty() {
        Vec::new()
    } else {
        organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(org_ids.clone()))
            .order_by_asc(organisation::Column::Name)
            .all(db)
            .await?
    };
    let by_org: HashMap<i64, &membership::Model> = memberships.iter().map(|m| (m.organisation_id, m)).collect();

    let mut owners = Condition::any().add(petition::Column::UserId.eq(user.id));
    match filter.owner.as_deref() {
        // Admins and moderators see every petition on the instance.
        Some("all") if user.is_admin || user.is_moderator => owners = Condition::all(),
        Some("me") => {}
        Some(slug) => {
            let id = orgs.iter().find(|o| o.slug == slug).map_or(-1, |o| o.id);
            owners = Condition::any().add(petition::Column::OrganisationId.eq(id));
        }
        None if !org_ids.is_empty() => owners = owners.add(petition::Column::OrganisationId.is_in(org_ids)),
        None => {}
    }
    let mut query = petition::Entity::find().filter(owners);
    if let Some(status) = filter.status {
        query = query.filter(petition::Column::Status.eq(status.as_str()));
    }
    let words = filter.query.trim();
    if !words.is_empty() {
        query = query.filter(Expr::expr(Func::lower(Expr::col(petition::Column::Title))).like(contains(words)));
    }
    let total = query.clone().count(db).await?;
    let pages = std::cmp::max(total.div_ceil(PAGE_SIZE), 1);
    let page = filter.page.clamp(1, pages);
    let models = query
        .order_by_desc(petition::Column::UpdatedAt)
        .order_by_desc(petition::Column::Id)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(db)
        .await?;
    let ids: Vec<i64> = models.iter().map(|p| p.id).collect();
    let mut counts = list_counts(db, &ids).await?;
    let steps: HashMap<i64, Option<String>> = models.iter().map(|p| (p.id, p.wizard_step.clone())).collect();
    let owner_of: HashMap<i64, Option<OwnerId>> = models.iter().map(|p| (p.id, OwnerId::of(p))).collect();
    let public = petitions::to_public_many(db, models).await?;
    let rows = public
        .into_iter()
        .map(|p| {
            let owner = owner_of.get(&p.id.0).copied().flatten();
            let may = |flag| {
                owner.is_some_and(|o| {
                    let m = match o {
                        OwnerId::Organisation(org) => by_org.get(&org.0).copied(),
                        OwnerId::User(_) => None,
                    };
                    grants(user, o, m, Some(flag))
                })
            };
            Row {
                counts: counts.remove(&p.id.0).unwrap_or_default(),
                may: Rights {
                    modify: may(Flag::ModifyPetitions),
                    delete: may(Flag::DeletePetitions),
                    view_signatures: may(Flag::ViewSignatures),
                    create: may(Flag::CreatePetitions),
                },
                // Only a draft can be continued in the wizard.
                wizard_step: steps.get(&p.id.0).cloned().flatten().filter(|_| p.status == petitions::Status::Draft),
                petition: p,
            }
        })
        .collect();
    let organisations = orgs
        .iter()
        .map(|o| OrganisationEntry {
            slug: o.slug.clone(),
            name: o.name.clone(),
            may_create: by_org.get(&o.id).is_some_and(|m| {
                grants(user, OwnerId::Organisation(OrganisationId(o.id)), Some(m), Some(Flag::CreatePetitions))
            }),
        })
        .collect();
    Ok(Listing { rows, total, page, pages, organisations })
}

/// The list's counts of the petitions `ids`, in one query whose cost does not grow with their
/// signatures: the confirmed and pending counts are the maintained `petitions.confirmed_count`
/// and `pending_count` plus the changes the count batch has not consumed yet (exact, as
/// `counting` keeps them); the last signature time comes from the `(petition_id, created_at, id)`
/// index. Invalidated ones are not shown in the list, so not counted (0).
async fn list_counts(db: &impl ConnectionTrait, ids: &[i64]) -> DomainResult<HashMap<i64, Counts>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT p.id AS id, p.confirmed_count + COALESCE(c.delta, 0) AS confirmed, \
         p.pending_count + COALESCE(c.pending, 0) AS pending, \
         (SELECT MAX(s.created_at) FROM signatures s WHERE s.petition_id = p.id) AS last \
         FROM petitions p LEFT JOIN (SELECT petition_id, SUM(delta) AS delta, SUM(pending) AS pending FROM count_changes \
          WHERE petition_id IN ({list}) GROUP BY petition_id) c ON c.petition_id = p.id \
         WHERE p.id IN ({list})"
    );
    let backend = db.get_database_backend();
    let rows = db.query_all_raw(sea_orm::Statement::from_string(backend, sql)).await?;
    let mut counts = HashMap::new();
    for row in rows {
        let id: i64 = row.try_get("", "id")?;
        let confirmed: i64 = row.try_get("", "confirmed")?;
        let pending: i64 = row.try_get("", "pending")?;
        let last: Option<DateTime<Utc>> = row.try_get("", "last")?;
        counts.insert(id, Counts { confirmed, pending, invalidated: 0, last_signature_at: last });
    }
    Ok(counts)
}

/// One petition's counts, read as the list reads them (`list_counts`), with its invalidated
/// signatures from their partial index: nothing here grows with the confirmed signatures.
pub async fn counts(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Counts> {
    Ok(counts_and_invalidated(db, id).await?.0)
}

/// `counts`, with the invalidated signatures split by whether they had been confirmed.
pub async fn counts_and_invalidated(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<(Counts, Invalidated)> {
    let mut counts = list_counts(db, &[id.0]).await?.remove(&id.0).unwrap_or_default();
    let invalidated = invalidated(db, id).await?;
    counts.invalidated = invalidated.all;
    Ok((counts, invalidated))
}

/// A petition's signatures invalidated by moderators: all of them, and those confirmed before.
#[derive(Debug, Clone, Copy, Default)]
pub struct Invalidated {
    pub all: i64,
    pub confirmed: i64,
}

/// Counted on `ix_signatures_invalidated`, which holds only invalidated signatures.
async fn invalidated(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Invalidated> {
    // SQLite, without statistics, would rather walk the petition's `(petition_id, confirmed_at,
    // invalidated_at)` index: told which one to use.
    let backend = db.get_database_backend();
    let index = if backend == sea_orm::DbBackend::Sqlite { " INDEXED BY ix_signatures_invalidated" } else { "" };
    let sql = format!(
        "SELECT COUNT(*) AS all_of, COUNT(confirmed_at) AS confirmed FROM signatures{index} \
         WHERE petition_id = $1 AND invalidated_at IS NOT NULL"
    );
    let statement = sea_orm::Statement::from_sql_and_values(backend, sql, [id.0.into()]);
    let Some(row) = db.query_one_raw(statement).await? else {
        return Ok(Invalidated::default());
    };
    Ok(Invalidated { all: row.try_get("", "all_of")?, confirmed: row.try_get("", "confirmed")? })
}
