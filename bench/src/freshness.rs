//! Count freshness: while confirmations pour in, how far behind the database the count on the
//! petition page is (the page shows the count the periodic batch keeps, through the one-second
//! petition cache); and once the load is over, whether that kept count equals a full recount.
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use tokio::task::JoinHandle;

use crate::check::{self, PETITION_ID};
use crate::client::Browser;

const EVERY: Duration = Duration::from_millis(200);

/// What the sampler saw.
#[derive(Debug, Clone, Copy, Default)]
pub struct Freshness {
    pub samples: usize,
    /// The longest time the page went on showing a count below one the database already had.
    pub max_lag: Duration,
}

/// Samples until `stop` is set: the confirmed count in the database, then the page's count.
pub fn start(base: String, database_url: String, stop: Arc<AtomicBool>) -> JoinHandle<Result<Freshness, String>> {
    tokio::spawn(async move {
        let db = check::connect(&database_url).await?;
        let mut browser = Browser::new(&base).map_err(|e| format!("sampler client: {e:?}"))?;
        // (when, confirmed in the database) — each value the first time it was seen.
        let mut history: Vec<(Instant, i64)> = Vec::new();
        let mut seen = Freshness::default();
        while !stop.load(Ordering::Relaxed) {
            let in_db = confirmed(&db).await?;
            if history.last().is_none_or(|&(_, last)| in_db > last) {
                history.push((Instant::now(), in_db));
            }
            let page = browser.get(&format!("/p/{PETITION_ID}")).await.map_err(|e| format!("sampler: {e:?}"))?;
            let shown = shown_count(&page.body).ok_or("the petition page shows no count")?;
            let now = Instant::now();
            // Behind since the first moment the database held more than the page shows.
            if let Some(&(since, _)) = history.iter().find(|&&(_, n)| n > shown) {
                seen.max_lag = seen.max_lag.max(now - since);
            }
            seen.samples += 1;
            tokio::time::sleep(EVERY).await;
        }
        db.close().await.map_err(|e| e.to_string())?;
        Ok(seen)
    })
}

async fn confirmed(db: &DatabaseConnection) -> Result<i64, String> {
    let sql = format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {PETITION_ID} AND confirmed_at IS NOT NULL");
    one(db, &sql).await
}

pub async fn one(db: &DatabaseConnection, sql: &str) -> Result<i64, String> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql.to_string()))
        .await
        .map_err(|e| format!("counting: {e}"))?
        .ok_or("counting: no row")?;
    row.try_get_by_index::<i64>(0).map_err(|e| format!("counting: {e}"))
}

/// The number in `<p class="progress-count"><strong>12,345 signatures</strong>…`, whatever the grouping.
fn shown_count(html: &str) -> Option<i64> {
    let at = html.find("class=\"progress-count\"")?;
    let strong = &html[at..][html[at..].find("<strong>")? + "<strong>".len()..];
    let text = &strong[..strong.find("</strong>")?];
    text.chars().filter(char::is_ascii_digit).collect::<String>().parse().ok()
}

/// After the load and one batch interval: the count the batch keeps, and a full recount.
pub async fn drift(database_url: &str, batch_interval: Duration) -> Result<(i64, i64), String> {
    tokio::time::sleep(batch_interval + Duration::from_millis(500)).await;
    let db = check::connect(database_url).await?;
    let counts = kept_and_recount(&db).await?;
    db.close().await.map_err(|e| e.to_string())?;
    Ok(counts)
}

/// The count the batch keeps for the petition, and a full recount of its confirmed signatures.
pub async fn kept_and_recount(db: &DatabaseConnection) -> Result<(i64, i64), String> {
    let kept = one(db, &format!("SELECT confirmed_count FROM petitions WHERE id = {PETITION_ID}")).await?;
    Ok((kept, confirmed(db).await?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_count_is_read_whatever_the_digit_grouping() {
        let html =
            r#"<p class="progress-count" id="progress-count"><strong>12,345 signatures</strong> · goal: 50,000</p>"#;
        assert_eq!(super::shown_count(html), Some(12345));
        assert_eq!(super::shown_count("<p class=\"progress-count\"><strong>1 signature</strong></p>"), Some(1));
        assert_eq!(super::shown_count("<p>nothing</p>"), None);
    }
}
