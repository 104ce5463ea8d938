//! Personal-data retention (issue 15): a set number of days after a petition closes — its own,
//! or the instance's default — its signers' names, addresses and every field are erased. What
//! the public count and the daily chart read stays: each confirmed row is kept, with its dates,
//! emptied of whoever signed it; unconfirmed ones go, with their pending changes and the mails
//! to the signers. The periodic batch (`counting::run`) calls `erase_due`; it takes `now` so
//! that a test can move the clock instead of waiting.
//!
//! A petition reopened and closed again counts from its new closing (`closed_at` is set on each
//! close), and is erased again then: `personal_data_erased_at` older than `closed_at` means
//! "not since that closing".
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, Value};
use serde::Serialize;

use crate::domain::DomainResult;
use crate::domain::audit::{self, Action, Target};
use crate::entities::{petition, signature};
use crate::mail::queue;

/// Petitions erased per run at most; the others are for the next run (every full cycle).
pub const PER_RUN: u64 = 20;

/// What an erased row's `email_canonical` starts with, followed by its id: the one unique index
/// (petition, address) stays satisfied, and no real address can begin so.
pub const ERASED_PREFIX: &str = "erased:";

/// True for a signature whose personal data retention erased.
pub fn is_erased(s: &signature::Model) -> bool {
    is_erased_address(&s.email_canonical)
}

/// True for a signature whose canonical address is retention's marker.
pub fn is_erased_address(email_canonical: &str) -> bool {
    email_canonical.starts_with(ERASED_PREFIX)
}

/// Closed, and not erased since that closing.
const UNERASED: &str = "status = 'closed' AND closed_at IS NOT NULL \
    AND (personal_data_erased_at IS NULL OR personal_data_erased_at < closed_at)";

/// `closed_at` plus the petition's days (or the default, `$1`) is at or before `$2`: each
/// database's own date arithmetic (SeaORM stores SQLite timestamps as RFC 3339 text, which
/// `julianday` reads, offset included).
fn due(backend: DbBackend) -> &'static str {
    match backend {
        DbBackend::Postgres => "closed_at + COALESCE(retention_days, $1) * INTERVAL '1 day' <= $2",
        _ => "julianday(closed_at) + COALESCE(retention_days, $1) <= julianday($2)",
    }
}

/// Every field a signer typed, and what could lead back to them (their client's keyed hash,
/// their links), emptied in one statement; the address becomes the placeholder.
const ERASE_ROWS: &str = "UPDATE signatures SET first_name = NULL, last_name = NULL, email = '', \
    email_canonical = 'erased:' || CAST(id AS TEXT), phone = NULL, postal_code = NULL, country = NULL, \
    organisation = NULL, custom1 = NULL, custom2 = NULL, custom3 = NULL, client_key = NULL, \
    confirmation_token_hash = NULL, token_expires_at = NULL, name_public = $1, \
    newsletter_optin = $1, keep_informed = $1 WHERE petition_id = $2 AND email_canonical NOT LIKE 'erased:%'";

/// Erases the personal data of every petition whose retention has run out at `now`, at most
/// `PER_RUN`, one transaction each (with its audit log entry). `default_days` is the
/// instance's, for petitions without their own. Returns how many petitions were erased.
pub async fn erase_due(db: &DatabaseConnection, now: DateTime<Utc>, default_days: u32) -> DomainResult<u64> {
    let backend = db.get_database_backend();
    let default = Value::from(i32::try_from(default_days).unwrap_or(i32::MAX));
    let sql = format!(
        "SELECT id, title FROM petitions WHERE {UNERASED} AND {} ORDER BY closed_at, id LIMIT {PER_RUN}",
        due(backend)
    );
    let rows = db.query_all_raw(Statement::from_sql_and_values(backend, sql, [default.clone(), now.into()])).await?;
    let mut erased = 0;
    for row in rows {
        let id: i64 = row.try_get("", "id")?;
        let title: String = row.try_get("", "title")?;
        let txn = crate::db::begin_write(db).await?;
        // Claims the petition, if it is still due (reopened since the query above, it is not).
        let claim = format!(
            "UPDATE petitions SET personal_data_erased_at = $2 WHERE {UNERASED} AND {} AND id = $3",
            due(backend)
        );
        let values = [default.clone(), now.into(), id.into()];
        if txn.execute_raw(Statement::from_sql_and_values(backend, claim, values)).await?.rows_affected() == 0 {
            continue;
        }
        let signatures = erase_petition(&txn, id).await?;
        audit::record(&txn, None, Action::RetentionErase, Target::new("petition", id, title), "", now).await?;
        txn.commit().await?;
        tracing::info!(petition = id, signatures, "retention: signers' personal data erased");
        erased += 1;
    }
    Ok(erased)
}

/// Erases one petition's signers: pending changes, unconfirmed signatures (invalidated ones stay,
/// as the evidence of a moderator's decision), the fields of the others, and the mails to them
/// (one a worker is sending right now is left to finish). Returns the rows emptied.
async fn erase_petition(db: &impl ConnectionTrait, id: i64) -> DomainResult<u64> {
    let backend = db.get_database_backend();
    let run = |sql: &'static str, values: Vec<Value>| Statement::from_sql_and_values(backend, sql, values);
    db.execute_raw(run(
        "DELETE FROM signature_changes WHERE signature_id IN (SELECT id FROM signatures WHERE petition_id = $1)",
        vec![id.into()],
    ))
    .await?;
    db.execute_raw(run(
        "DELETE FROM signatures WHERE petition_id = $1 AND confirmed_at IS NULL AND invalidated_at IS NULL",
        vec![id.into()],
    ))
    .await?;
    let emptied = db.execute_raw(run(ERASE_ROWS, vec![false.into(), id.into()])).await?.rows_affected();
    queue::forget_for_petition(db, id, None).await?;
    Ok(emptied)
}

/// A petition's retention as stored, for its public page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retention {
    /// Its own number of days; `None`: the instance's default.
    pub days: Option<i32>,
    pub closed_at: Option<DateTime<Utc>>,
    pub erased_at: Option<DateTime<Utc>>,
}

/// What the public page says of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Notice {
    /// Open (or a draft): erased `days` after it closes.
    Open { days: u32 },
    /// Closed: erased on `date` (UTC).
    Closed { date: NaiveDate },
    /// Erased on `date`.
    Erased { date: NaiveDate },
}

impl Retention {
    pub fn of(p: &petition::Model) -> Retention {
        Retention { days: p.retention_days, closed_at: p.closed_at, erased_at: p.personal_data_erased_at }
    }

    /// The days that apply, with `default_days` the instance's.
    pub fn days(&self, default_days: u32) -> u32 {
        self.days.and_then(|d| u32::try_from(d).ok()).unwrap_or(default_days)
    }

    pub fn notice(&self, default_days: u32) -> Notice {
        let days = self.days(default_days);
        match (self.closed_at, self.erased_at) {
            (Some(closed), Some(erased)) if erased >= closed => Notice::Erased { date: erased.date_naive() },
            (Some(closed), _) => Notice::Closed { date: (closed + Duration::days(i64::from(days))).date_naive() },
            (None, _) => Notice::Open { days },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn the_notice_follows_the_petition_and_its_own_days() {
        let open = Retention { days: None, closed_at: None, erased_at: None };
        assert_eq!(open.notice(90), Notice::Open { days: 90 });
        assert_eq!(Retention { days: Some(7), ..open.clone() }.notice(90), Notice::Open { days: 7 });
        let closed = Retention { days: Some(10), closed_at: Some(at("2026-01-30T23:00:00Z")), erased_at: None };
        assert_eq!(closed.notice(90), Notice::Closed { date: NaiveDate::from_ymd_opt(2026, 2, 9).unwrap() });
        let erased = Retention { erased_at: Some(at("2026-02-09T23:10:00Z")), ..closed.clone() };
        assert_eq!(erased.notice(90), Notice::Erased { date: NaiveDate::from_ymd_opt(2026, 2, 9).unwrap() });
        // Closed again after an erasure: the new closing's date.
        let again = Retention { closed_at: Some(at("2026-03-01T00:00:00Z")), ..erased };
        assert_eq!(again.notice(90), Notice::Closed { date: NaiveDate::from_ymd_opt(2026, 3, 11).unwrap() });
    }
}
