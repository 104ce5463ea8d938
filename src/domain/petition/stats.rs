//! Signatures per day over a petition's life, confirmed and pending, for the dashboard chart.
use chrono::{Days, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use serde::Serialize;

use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;

/// A chart longer than this many days shows only the last ones (ten years is plenty).
pub const MAX_DAYS: u64 = 3660;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    pub confirmed: i64,
    pub pending: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Every day from the first signature to today (UTC), including days without signatures.
    pub days: Vec<Day>,
    pub today: i64,
    pub confirmed: i64,
    pub pending: i64,
}

/// One grouped query; the day is cut from the UTC timestamp by each database's own function.
pub async fn per_day(db: &impl ConnectionTrait, petition: PetitionId) -> DomainResult<Stats> {
    let backend = db.get_database_backend();
    let day = day_of(backend, "created_at");
    let placeholder = if backend == DatabaseBackend::Postgres { "$1" } else { "?" };
    let sql = format!(
        "SELECT {day} AS day, COUNT(confirmed_at) AS confirmed, COUNT(*) - COUNT(confirmed_at) AS pending \
         FROM signatures WHERE petition_id = {placeholder} GROUP BY 1 ORDER BY 1"
    );
    let found = days(db, Statement::from_sql_and_values(backend, sql, [petition.0.into()])).await?;
    Ok(fill(found, Utc::now().date_naive()))
}

/// The UTC day (`YYYY-MM-DD`) of timestamp `column`, cut by each database's own function.
pub fn day_of(backend: DatabaseBackend, column: &str) -> String {
    match backend {
        DatabaseBackend::Postgres => format!("to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"),
        // SeaORM stores SQLite timestamps as UTC text, date first.
        _ => format!("substr({column}, 1, 10)"),
    }
}

/// Runs a query of `day`, `confirmed` and `pending` columns, in date order.
pub async fn days(db: &impl ConnectionTrait, query: Statement) -> DomainResult<Vec<Day>> {
    let rows = db.query_all_raw(query).await?;
    let mut found = Vec::with_capacity(rows.len());
    for row in rows {
        let day: String = row.try_get("", "day")?;
        let Ok(date) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") else {
            tracing::warn!(day, "stats: a signature date does not parse; skipped");
            continue;
        };
        found.push(Day { date, confirmed: row.try_get("", "confirmed")?, pending: row.try_get("", "pending")? });
    }
    Ok(found)
}

/// Adds the days without signatures, up to `today`.
fn fill(found: Vec<Day>, today: NaiveDate) -> Stats {
    let Some(first) = found.first().map(|d| d.date) else {
        return Stats { days: Vec::new(), today: 0, confirmed: 0, pending: 0 };
    };
    let first = first.max(today.checked_sub_days(Days::new(MAX_DAYS - 1)).unwrap_or(first));
    window(found, first, today)
}

/// Every day from `first` to `today`, those not in `found` (sorted by date) counted zero.
pub fn window(found: Vec<Day>, first: NaiveDate, today: NaiveDate) -> Stats {
    let confirmed = found.iter().map(|d| d.confirmed).sum();
    let pending = found.iter().map(|d| d.pending).sum();
    let mut days = Vec::new();
    let mut found = found.into_iter().peekable();
    let mut date = first;
    while date <= today.max(first) {
        while found.peek().is_some_and(|d| d.date < date) {
            found.next();
        }
        match found.peek() {
            Some(d) if d.date == date => days.extend(found.next()),
            _ => days.push(Day { date, confirmed: 0, pending: 0 }),
        }
        let Some(next) = date.succ_opt() else { break };
        date = next;
    }
    let today_count = days.iter().find(|d| d.date == today).map_or(0, |d| d.confirmed + d.pending);
    Stats { days, today: today_count, confirmed, pending }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn missing_days_are_zero_and_today_is_counted() {
        let found = vec![
            Day { date: d("2026-11-20"), confirmed: 3, pending: 1 },
            Day { date: d("2026-11-22"), confirmed: 1, pending: 0 },
            Day { date: d("2026-11-24"), confirmed: 0, pending: 2 },
        ];
        let stats = fill(found, d("2026-11-24"));
        assert_eq!(stats.days.len(), 5);
        assert_eq!(stats.days[1], Day { date: d("2026-11-21"), confirmed: 0, pending: 0 });
        assert_eq!((stats.today, stats.confirmed, stats.pending), (2, 4, 3));
    }
}
