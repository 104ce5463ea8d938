//! The moderation queue as moderators read it: open reports grouped per petition, newest
//! first and paged; the petitions waiting for approval; one petition's case in full.
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;

use super::{PENDING, reasons};
use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, Moderate};
use crate::domain::petition::content::Status;
use crate::domain::petition::petitions::{PublicPetition, to_public_many};
use crate::entities::{petition, report};

/// Petitions per page of the queue.
pub const PAGE_SIZE: u64 = 20;
/// Petitions waiting for approval shown at once (oldest first: they have waited longest).
pub const PENDING_MAX: u64 = 50;
/// Reports shown on one petition's case.
pub const CASE_REPORTS: u64 = 50;

/// One petition in the queue.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub petition: PublicPetition,
    /// The petition's `moderation` state ("ok", "hidden", "pending").
    pub moderation: String,
    pub open: i64,
    pub latest: DateTime<Utc>,
    /// Each reason named, with how many open reports named it, most named first.
    pub reasons: Vec<Tally>,
    /// The latest details a reporter wrote, if any did.
    pub details: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Queue {
    pub entries: Vec<Entry>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
    pub pending: Vec<PublicPetition>,
}

#[derive(Debug, FromQueryResult)]
struct Group {
    petition_id: i64,
    open: i64,
    latest: DateTime<Utc>,
}

#[derive(Debug, FromQueryResult)]
struct ReasonCount {
    petition_id: i64,
    reason_id: i64,
    n: i64,
}

fn open() -> sea_orm::Select<report::Entity> {
    report::Entity::find().filter(report::Column::ResolvedAt.is_null())
}

/// Page `page` of the queue, reasons in `langs` (the reader's language, then the default).
pub async fn list(
    db: &impl ConnectionTrait,
    _can: &Allowed<Moderate, ()>,
    page: u64,
    langs: (&str, &str),
) -> DomainResult<Queue> {
    let total = open().select_only().column(report::Column::PetitionId).distinct().count(db).await?;
    let pages = std::cmp::max(total.div_ceil(PAGE_SIZE), 1);
    let page = page.clamp(1, pages);
    let groups: Vec<Group> = open()
        .select_only()
        .column(report::Column::PetitionId)
        .column_as(report::Column::Id.count(), "open")
        .column_as(report::Column::CreatedAt.max(), "latest")
        .group_by(report::Column::PetitionId)
        .order_by_desc(report::Column::CreatedAt.max())
        .order_by_desc(report::Column::PetitionId)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .into_model()
        .all(db)
        .await?;
    let ids: Vec<i64> = groups.iter().map(|g| g.petition_id).collect();
    let rows = petition::Entity::find().filter(petition::Column::Id.is_in(ids.clone())).all(db).await?;
    let states: BTreeMap<i64, String> = rows.iter().map(|p| (p.id, p.moderation.clone())).collect();
    let shown: BTreeMap<i64, PublicPetition> =
        to_public_many(db, rows).await?.into_iter().map(|p| (p.id.0, p)).collect();
    let counts: Vec<ReasonCount> = open()
        .filter(report::Column::PetitionId.is_in(ids.clone()))
        .select_only()
        .column(report::Column::PetitionId)
        .column(report::Column::ReasonId)
        .column_as(report::Column::Id.count(), "n")
        .group_by(report::Column::PetitionId)
        .group_by(report::Column::ReasonId)
        .into_model()
        .all(db)
        .await?;
    // The latest details per petition: bounded by what a page shows, not by what was sent.
    let details = open()
        .filter(report::Column::PetitionId.is_in(ids))
        .filter(report::Column::Details.ne(""))
        .order_by_desc(report::Column::Id)
        .limit(PAGE_SIZE * 10)
        .all(db)
        .await?;
    let labels = reasons::all_labelled(db, langs).await?;
    let entries = groups
        .into_iter()
        .filter_map(|g| {
            let petition = shown.get(&g.petition_id)?.clone();
            let mut reasons: Vec<Tally> = counts
                .iter()
                .filter(|c| c.petition_id == g.petition_id)
                .map(|c| Tally { label: labels.get(&c.reason_id).cloned().unwrap_or_default(), count: c.n })
                .collect();
            reasons.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
            Some(Entry {
                petition,
                moderation: states.get(&g.petition_id).cloned().unwrap_or_default(),
                open: g.open,
                latest: g.latest,
                reasons,
                details: details.iter().find(|r| r.petition_id == g.petition_id).map(|r| r.details.clone()),
            })
        })
        .collect();
    let waiting = petition::Entity::find()
        .filter(petition::Column::Moderation.eq(PENDING))
        .filter(petition::Column::Status.ne(Status::Draft.as_str()))
        .order_by_asc(petition::Column::UpdatedAt)
        .limit(PENDING_MAX)
        .all(db)
        .await?;
    Ok(Queue { entries, page, pages, total, pending: to_public_many(db, waiting).await? })
}

/// One open report, as a petition's case shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Reported {
    pub reason: String,
    pub details: String,
    pub at: DateTime<Utc>,
}

/// A petition's case: its state, its owner, its latest open reports.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub petition: PublicPetition,
    pub moderation: String,
    /// The reason category it is hidden for.
    pub hidden_for: Option<String>,
    pub owner_user: Option<i64>,
    pub owner_organisation: Option<i64>,
    pub owner_suspended: bool,
    pub open: u64,
    pub reports: Vec<Reported>,
}

pub async fn case(
    db: &impl ConnectionTrait,
    _can: &Allowed<Moderate, ()>,
    id: PetitionId,
    langs: (&str, &str),
) -> DomainResult<Case> {
    let p = petition::Entity::find_by_id(id.0).one(db).await?.ok_or(crate::domain::DomainError::NotFound)?;
    let (moderation, owner_user, owner_organisation) = (p.moderation.clone(), p.user_id, p.organisation_id);
    let hidden_for = match p.moderation_reason_id.filter(|_| p.moderation == super::HIDDEN) {
        Some(r) => reasons::label(db, r, langs).await?,
        None => None,
    };
    let petition = to_public_many(db, vec![p]).await?.pop().ok_or(crate::domain::DomainError::NotFound)?;
    let mine = open().filter(report::Column::PetitionId.eq(id.0));
    let labels = reasons::all_labelled(db, langs).await?;
    let reports = mine
        .clone()
        .order_by_desc(report::Column::Id)
        .limit(CASE_REPORTS)
        .all(db)
        .await?
        .into_iter()
        .map(|r| Reported {
            reason: labels.get(&r.reason_id).cloned().unwrap_or_default(),
            details: r.details,
            at: r.created_at,
        })
        .collect();
    Ok(Case {
        owner_suspended: petition.owner_suspended,
        petition,
        moderation,
        hidden_for,
        owner_user,
        owner_organisation,
        open: mine.count(db).await?,
        reports,
    })
}
