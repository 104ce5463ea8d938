//! An organiser's view of a petition's signatures: search, delete, and sending the confirmation
//! link again (to one signer, or as a reminder to every pending one).
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::Serialize;

use crate::domain::contains;
use crate::domain::ids::{PetitionId, SignatureId};
use crate::domain::permissions::{Allowed, DeleteSignatures, ModifySignatures, SeesSignature, ViewSignatures};
use crate::domain::petition::petitions::PublicPetition;
use crate::domain::signature::signatures::{self, ComposeConfirmation, RESEND_AFTER};
use crate::domain::signature::withdrawal::WithdrawKey;
use crate::domain::{DomainError, DomainResult};
use crate::entities::signature;
use crate::mail::queue::{PRIORITY_BULK, PRIORITY_URGENT};

pub const PAGE_SIZE: u64 = 50;
/// A reminder to all pending signers reaches each at most once a day.
pub const REMINDER_GAP: Duration = Duration::hours(24);
/// Reminders are written in batches of this many per transaction.
const BATCH: u64 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Which {
    #[default]
    All,
    Confirmed,
    Pending,
}

impl Which {
    pub fn parse(s: &str) -> Which {
        match s {
            "confirmed" => Which::Confirmed,
            "pending" => Which::Pending,
            _ => Which::All,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: SignatureId,
    /// What the signer gave, as their confirmation page shows it.
    #[serde(flatten)]
    pub details: signatures::Details,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// Set when a moderator's rule invalidated it: kept, shown as such, not counted.
    pub invalidated_at: Option<DateTime<Utc>>,
    /// Its personal data was erased by retention: kept for the count, shown as such.
    pub erased: bool,
}

impl From<signature::Model> for Row {
    fn from(s: signature::Model) -> Row {
        Row {
            erased: crate::domain::signature::retention::is_erased(&s),
            id: SignatureId(s.id),
            details: signatures::Details::from(&s),
            created_at: s.created_at,
            confirmed_at: s.confirmed_at,
            invalidated_at: s.invalidated_at,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub rows: Vec<Row>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
}

/// One page of signatures, newest first: two queries whatever the number of signatures.
pub async fn list(
    db: &impl ConnectionTrait,
    can: &Allowed<ViewSignatures, PetitionId>,
    which: Which,
    words: &str,
    page: u64,
) -> DomainResult<Page> {
    let mut query = signature::Entity::find().filter(signature::Column::PetitionId.eq(can.target().0));
    query = match which {
        Which::All => query,
        Which::Confirmed => query.filter(signature::Column::ConfirmedAt.is_not_null()),
        Which::Pending => query.filter(signature::Column::ConfirmedAt.is_null()),
    };
    // Every word must appear in the email, the first or the last name ("jane doe" finds Jane Doe).
    for word in words.split_whitespace() {
        let like = |c: signature::Column| Expr::expr(Func::lower(Expr::col(c))).like(contains(word));
        query = query.filter(
            Condition::any()
                .add(like(signature::Column::Email))
                .add(like(signature::Column::FirstName))
                .add(like(signature::Column::LastName)),
        );
    }
    let total = query.clone().count(db).await?;
    let pages = std::cmp::max(total.div_ceil(PAGE_SIZE), 1);
    let page = page.clamp(1, pages);
    let rows = query
        .order_by_desc(signature::Column::CreatedAt)
        .order_by_desc(signature::Column::Id)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(db)
        .await?
        .into_iter()
        .map(Row::from)
        .collect();
    Ok(Page { rows, total, page, pages })
}

async fn one(db: &impl ConnectionTrait, petition: PetitionId, id: SignatureId) -> DomainResult<signature::Model> {
    signature::Entity::find_by_id(id.0)
        .filter(signature::Column::PetitionId.eq(petition.0))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)
}

pub async fn get<R: SeesSignature>(
    db: &impl ConnectionTrait,
    can: &Allowed<R, PetitionId>,
    id: SignatureId,
) -> DomainResult<Row> {
    one(db, can.target(), id).await.map(Row::from)
}

/// Deletes a signature of this petition (a signature of another petition is "not found").
pub async fn delete(
    db: &impl ConnectionTrait,
    can: &Allowed<DeleteSignatures, PetitionId>,
    id: SignatureId,
) -> DomainResult<()> {
    let petition = can.target();
    let deleted = signature::Entity::delete_many()
        .filter(signature::Column::Id.eq(id.0))
        .filter(signature::Column::PetitionId.eq(petition.0))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 { Err(DomainError::NotFound) } else { Ok(()) }
}

/// The petition read for the mail is the one the capability is for.
fn same(can: &Allowed<ModifySignatures, PetitionId>, petition: &PublicPetition) -> DomainResult<()> {
    if can.target() == petition.id { Ok(()) } else { Err(DomainError::Forbidden) }
}

/// Sends one pending signer a new confirmation link. Refused when they are confirmed, or were
/// mailed less than ten minutes ago.
pub async fn resend_one(
    db: &DatabaseConnection,
    (can, petition): (&Allowed<ModifySignatures, PetitionId>, &PublicPetition),
    id: SignatureId,
    (valid_for, now): (Duration, DateTime<Utc>),
    (composer, withdraw): (&dyn ComposeConfirmation, &WithdrawKey),
) -> DomainResult<()> {
    same(can, petition)?;
    let txn = crate::db::begin_write(db).await?;
    let s = one(&txn, petition.id, id).await?;
    if s.confirmed_at.is_some() {
        return Err(DomainError::Refused("error-resend-confirmed"));
    }
    let sent =
        signatures::reissue(&txn, petition, s, (valid_for, RESEND_AFTER), now, (composer, withdraw, PRIORITY_URGENT))
            .await?;
    if !sent {
        return Err(DomainError::Refused("error-resend-too-soon"));
    }
    txn.commit().await?;
    Ok(())
}

/// Reminds every pending signer of this petition not mailed in the last day, as bulk mail
/// (confirmations of new signers go first). Returns how many were queued.
pub async fn resend_pending(
    db: &DatabaseConnection,
    (can, petition): (&Allowed<ModifySignatures, PetitionId>, &PublicPetition),
    (valid_for, now): (Duration, DateTime<Utc>),
    (composer, withdraw): (&dyn ComposeConfirmation, &WithdrawKey),
) -> DomainResult<u64> {
    same(can, petition)?;
    let mut queued = 0;
    let mut after = 0;
    loop {
        let txn = crate::db::begin_write(db).await?;
        let batch = signature::Entity::find()
            .filter(signature::Column::PetitionId.eq(petition.id.0))
            .filter(signature::Column::ConfirmedAt.is_null())
            .filter(signature::Column::Id.gt(after))
            .order_by_asc(signature::Column::Id)
            .limit(BATCH)
            .all(&txn)
            .await?;
        let Some(last) = batch.last().map(|s| s.id) else { break };
        for s in batch {
            let gap = (valid_for, REMINDER_GAP);
            if signatures::reissue(&txn, petition, s, gap, now, (composer, withdraw, PRIORITY_BULK)).await? {
                queued += 1;
            }
        }
        txn.commit().await?;
        after = last;
    }
    Ok(queued)
}
