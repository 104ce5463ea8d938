//! An organiser's view of a petition's signatures: search, delete, and sending the confirmation
//! link again (to one signer, or as a reminder to every pending one).
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, Order, QueryFilter,
    QueryOrder, QuerySelect, Select, TransactionTrait,
};
use serde::Serialize;

use crate::domain::contains;
use crate::domain::ids::{PetitionId, SignatureId};
use crate::domain::permissions::{Allowed, DeleteSignatures, ModifySignatures, SeesSignature, ViewSignatures};
use crate::domain::petition::dashboard;
use crate::domain::petition::petitions::PublicPetition;
use crate::domain::signature::search_index;
use crate::domain::signature::signatures::{self, ComposeConfirmation, RESEND_AFTER};
use crate::domain::signature::withdrawal::WithdrawKey;
use crate::domain::{DomainError, DomainResult};
use crate::entities::signature;
use crate::mail::queue::{PRIORITY_BULK, PRIORITY_URGENT};

pub const PAGE_SIZE: u64 = 50;
/// A search orders at most this many matches itself; past it, the total shown is "more than".
pub const SEARCH_CAP: u64 = 1_000;
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

/// Which page of the list: keyset pages, so that the last page of five million signatures costs
/// what the first does (no `OFFSET`). A cursor is a signature's id: the page starts just past it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cursor {
    /// The newest signatures.
    #[default]
    First,
    /// The next page: signatures older than this one.
    Before(SignatureId),
    /// The previous page: signatures newer than this one.
    After(SignatureId),
    /// The oldest signatures.
    Last,
}

#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub rows: Vec<Row>,
    pub total: u64,
    /// A search found more than `total` (`SEARCH_CAP`), and did not count them all.
    pub capped: bool,
    /// Newer signatures than these exist (a first and a previous page).
    pub newer: bool,
    /// Older signatures than these exist (a next and a last page).
    pub older: bool,
    /// The petition's counts, whatever the filter (read once, for the total and the page).
    pub counts: dashboard::Counts,
}

/// The list's filter: the status asked for, and every word of the search in the email, the first
/// or the last name ("jane doe" finds Jane Doe), case-insensitive, anywhere in the field.
fn filtered(backend: DbBackend, petition: PetitionId, which: Which, words: &str) -> Select<signature::Entity> {
    // On SQLite, words of three characters or more are looked up in the trigram index (one MATCH
    // for them all); shorter ones, and every word on PostgreSQL (where pg_trgm indexes the same
    // expressions, when installed), are `lower(…) LIKE '%…%'`.
    let (indexed, scanned): (Vec<&str>, Vec<&str>) =
        words.split_whitespace().partition(|w| backend == DbBackend::Sqlite && w.chars().count() >= 3);
    let mut query = signature::Entity::find();
    query = match indexed.is_empty() {
        true => query.filter(signature::Column::PetitionId.eq(petition.0)),
        // `+` keeps SQLite from walking the petition's index in the list's order, testing each
        // row against the matches: the few matches are found by id, then sorted.
        false => query.filter(Expr::cust_with_values("+signatures.petition_id = ?", [petition.0])),
    };
    query = match which {
        Which::All => query,
        Which::Confirmed => query.filter(signature::Column::ConfirmedAt.is_not_null()),
        Which::Pending => query.filter(signature::Column::ConfirmedAt.is_null()),
    };
    if !indexed.is_empty() {
        let phrases: Vec<String> = indexed.iter().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect();
        let in_index = Expr::cust_with_values(
            "signatures.id IN (SELECT rowid FROM signatures_search WHERE signatures_search MATCH ?)",
            [phrases.join(" AND ")],
        );
        // The signatures the batch has not indexed yet (`search_index`) are scanned: a few
        // seconds' worth, found by id.
        let not_yet = indexed
            .iter()
            .fold(Condition::all().add(Expr::cust(format!("signatures.id > {}", search_index::UP_TO))), |all, word| {
                all.add(anywhere(word))
            });
        query = query.filter(Condition::any().add(in_index).add(not_yet));
    }
    for word in scanned {
        query = query.filter(anywhere(word));
    }
    query
}

/// `word` in the email, the first or the last name, whatever the case.
fn anywhere(word: &str) -> Condition {
    let like = |c: signature::Column| Expr::expr(Func::lower(Expr::col(c))).like(contains(word));
    Condition::any()
        .add(like(signature::Column::Email))
        .add(like(signature::Column::FirstName))
        .add(like(signature::Column::LastName))
}

/// A signature's place in the list's order.
type Place = (DateTime<Utc>, i64);

/// Rows past `place` in the list's order: older (`before`) or newer ones. Compared with the
/// values themselves, so that the databases read it as a range of the `(petition_id,
/// created_at, id)` index (against a subquery they walked the petition's signatures).
fn past(place: Place, before: bool) -> SimpleExpr {
    let columns = Expr::tuple([Expr::col(signature::Column::CreatedAt), Expr::col(signature::Column::Id)]);
    let at = Expr::tuple([Expr::value(place.0), Expr::value(place.1)]);
    if before { columns.lt(at) } else { columns.gt(at) }
}

/// Where the signature a page's link names stands (none when it is gone).
async fn place_of(db: &impl ConnectionTrait, id: SignatureId) -> Result<Option<Place>, sea_orm::DbErr> {
    let found = signature::Entity::find_by_id(id.0).select_only().column(signature::Column::CreatedAt);
    Ok(found.into_tuple::<DateTime<Utc>>().one(db).await?.map(|at| (at, id.0)))
}

fn ordered(query: Select<signature::Entity>, newest_first: bool) -> Select<signature::Entity> {
    let order = if newest_first { Order::Desc } else { Order::Asc };
    query.order_by(signature::Column::CreatedAt, order.clone()).order_by(signature::Column::Id, order)
}

async fn page_at(
    db: &impl ConnectionTrait,
    query: &Select<signature::Entity>,
    cursor: Cursor,
) -> Result<Vec<signature::Model>, sea_orm::DbErr> {
    let (q, newest_first) = match cursor {
        Cursor::First => (query.clone(), true),
        Cursor::Last => (query.clone(), false),
        Cursor::Before(id) | Cursor::After(id) => {
            let before = matches!(cursor, Cursor::Before(_));
            // A signature deleted since the link was made: no page (the caller shows an end).
            let Some(place) = place_of(db, id).await? else { return Ok(Vec::new()) };
            (query.clone().filter(past(place, before)), before)
        }
    };
    let mut rows = ordered(q, newest_first).limit(PAGE_SIZE).all(db).await?;
    if !newest_first {
        rows.reverse();
    }
    Ok(rows)
}

/// Whether any row of `query` lies past `row` (older when `before`): the first row of the
/// index range, if any.
async fn beyond(
    db: &impl ConnectionTrait,
    query: &Select<signature::Entity>,
    row: Option<&signature::Model>,
    before: bool,
) -> Result<bool, sea_orm::DbErr> {
    let Some(row) = row else { return Ok(false) };
    let q = ordered(query.clone().filter(past((row.created_at, row.id), before)), before);
    let q = q.select_only().column(signature::Column::Id).limit(1);
    Ok(q.into_tuple::<i64>().one(db).await?.is_some())
}

/// How many signatures `which` holds, from the maintained counts rather than by counting rows
/// (a `COUNT` would read every signature of a petition of millions for each page).
fn unfiltered_total(counts: &dashboard::Counts, invalidated: &dashboard::Invalidated, which: Which) -> u64 {
    let total = match which {
        Which::All => counts.confirmed + counts.pending + invalidated.all,
        Which::Confirmed => counts.confirmed + invalidated.confirmed,
        Which::Pending => counts.pending + invalidated.all - invalidated.confirmed,
    };
    u64::try_from(total).unwrap_or(0)
}

/// One page of signatures, newest first: a count and three index reads (the page and whether
/// anything lies before and after it), whatever the page. A search is read another way
/// (`searched`).
pub async fn list(
    db: &DatabaseConnection,
    can: &Allowed<ViewSignatures, PetitionId>,
    which: Which,
    words: &str,
    cursor: Cursor,
) -> DomainResult<Page> {
    let query = filtered(db.get_database_backend(), can.target(), which, words);
    let (counts, invalidated) = dashboard::counts_and_invalidated(db, can.target()).await?;
    if !words.trim().is_empty() {
        return searched(db, &query, cursor, counts).await;
    }
    let total = unfiltered_total(&counts, &invalidated, which);
    let (rows, newer, older) = walked(db, &query, cursor).await?;
    Ok(Page { rows: rows.into_iter().map(Row::from).collect(), total, capped: false, newer, older, counts })
}

/// A page read by walking the list's index in order, with whether anything lies past each end.
async fn walked(
    db: &impl ConnectionTrait,
    query: &Select<signature::Entity>,
    cursor: Cursor,
) -> Result<(Vec<signature::Model>, bool, bool), sea_orm::DbErr> {
    let mut rows = page_at(db, query, cursor).await?;
    // A cursor past the end (or whose signature is gone): the nearest end instead.
    if rows.is_empty() {
        rows = match cursor {
            Cursor::Before(_) => page_at(db, query, Cursor::Last).await?,
            Cursor::After(_) => page_at(db, query, Cursor::First).await?,
            _ => rows,
        };
    }
    let newer = beyond(db, query, rows.first(), false).await?;
    let older = beyond(db, query, rows.last(), true).await?;
    Ok((rows, newer, older))
}

/// A search: the matches are found by the search index (at most `SEARCH_CAP` of them, unordered,
/// one index lookup), ordered here, and the page's rows read by id. Walking the list's index in
/// order and testing each row, which a database picks when it expects many matches, reads
/// millions of rows when there are few (3.4 s for one match among five million on
/// PostgreSQL). When there are more than the cap, matches are common: the list is walked, as
/// without a search, and the total says "more than".
async fn searched(
    db: &DatabaseConnection,
    query: &Select<signature::Entity>,
    cursor: Cursor,
    counts: dashboard::Counts,
) -> DomainResult<Page> {
    let txn = db.begin().await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        // sqlx prepares each statement once per connection, and PostgreSQL plans a prepared
        // statement for unknown values after five runs: a `LIKE` of unknown selectivity, where
        // the walk looks cheap. Planned for these words each time instead.
        txn.execute_unprepared("SET LOCAL plan_cache_mode = force_custom_plan").await?;
    }
    let found = query.clone().select_only().column(signature::Column::CreatedAt).column(signature::Column::Id);
    let mut hits: Vec<Place> = found.limit(SEARCH_CAP + 1).into_tuple().all(&txn).await?;
    if hits.len() as u64 > SEARCH_CAP {
        let (rows, newer, older) = walked(&txn, query, cursor).await?;
        txn.commit().await?;
        let rows = rows.into_iter().map(Row::from).collect();
        return Ok(Page { rows, total: SEARCH_CAP, capped: true, newer, older, counts });
    }
    hits.sort_unstable_by(|a, b| b.cmp(a));
    // The cursor's signature is one of the matches unless it changed or went since the link was
    // made; only then is its place read.
    let place = match cursor {
        Cursor::Before(id) | Cursor::After(id) => match hits.iter().find(|h| h.1 == id.0) {
            Some(hit) => Some(*hit),
            None => place_of(&txn, id).await?,
        },
        Cursor::First | Cursor::Last => None,
    };
    let (start, end) = window(&hits, cursor, place);
    let ids: Vec<i64> = hits[start..end].iter().map(|h| h.1).collect();
    let mut rows = signature::Entity::find().filter(signature::Column::Id.is_in(ids)).all(&txn).await?;
    txn.commit().await?;
    rows.sort_unstable_by_key(|r| std::cmp::Reverse((r.created_at, r.id)));
    let (newer, older) = (start > 0, end < hits.len());
    let rows = rows.into_iter().map(Row::from).collect();
    Ok(Page { rows, total: hits.len() as u64, capped: false, newer, older, counts })
}

/// Which of `hits` (newest first) the cursor's page holds, as a range; a cursor past an end, or
/// whose signature is gone (`place` none), shows the nearest end.
fn window(hits: &[Place], cursor: Cursor, place: Option<Place>) -> (usize, usize) {
    let n = hits.len();
    let size = PAGE_SIZE as usize;
    let first = (0, n.min(size));
    let last = (n.saturating_sub(size), n);
    match (cursor, place) {
        (Cursor::First, _) | (Cursor::After(_), None) => first,
        (Cursor::Last, _) | (Cursor::Before(_), None) => last,
        (Cursor::Before(_), Some(p)) => match hits.partition_point(|h| *h >= p) {
            start if start == n => last,
            start => (start, n.min(start + size)),
        },
        (Cursor::After(_), Some(p)) => match hits.partition_point(|h| *h > p) {
            0 => first,
            end => (end.saturating_sub(size), end),
        },
    }
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
