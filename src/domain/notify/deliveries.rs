//! Passing confirmed newsletter opt-ins on, never inside the signer's request: the notification
//! job queues one delivery per confirmed opt-in of a forwarding petition (`queue_new`), then
//! sends those due (`deliver_due`): a mail to the list address through the mail queue, or a POST
//! that is retried with a doubling delay on failure, up to `max_attempts`, then marked failed.
//! The URL's host is checked against the allow-list again before every POST.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};

use super::forwarding::{self, Auth, Format, Target};
use super::http::{Credentials, Outcome};
use super::{Job, hosts};
use crate::domain::DomainResult;
use crate::entities::{newsletter_delivery as delivery, petition, signature};
use crate::mail::queue::{self, PRIORITY_BULK};

pub const QUEUED: &str = "queued";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// Opt-ins queued at most per run; the rest wait for the next.
pub const QUEUE_BATCH: i64 = 1000;
/// Deliveries attempted at most per run (each POST bounded by the timeout).
const SEND_BATCH: u64 = 20;
/// Confirmations stamped up to this long before the previous run are looked at again (a
/// transaction that committed late).
pub const OVERLAP: Duration = Duration::seconds(60);

/// Queues a delivery for each confirmed, valid opt-in of a petition that forwards, confirmed
/// after `since` (every one when `None`) and not queued before. Returns how many were queued:
/// `QUEUE_BATCH` means more may wait.
pub async fn queue_new(
    db: &impl ConnectionTrait,
    since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let backend = db.get_database_backend();
    let mut values: Vec<sea_orm::Value> = vec![QUEUED.into(), now.into(), now.into()];
    let after = match since {
        Some(since) => {
            values.push((since - OVERLAP).into());
            "AND s.confirmed_at > $4"
        }
        None => "",
    };
    let sql = format!(
        "INSERT INTO newsletter_deliveries (signature_id, petition_id, status, attempts, next_attempt_at, created_at) \
         SELECT s.id, s.petition_id, $1, 0, $2, $3 FROM signatures s \
         JOIN newsletter_forwarding f ON f.petition_id = s.petition_id \
         WHERE s.newsletter_optin = TRUE AND s.confirmed_at IS NOT NULL AND s.invalidated_at IS NULL {after} \
         AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d.signature_id = s.id) \
         ORDER BY s.id LIMIT {QUEUE_BATCH}"
    );
    let result = db.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await?;
    Ok(result.rows_affected())
}

/// Sends the deliveries due now, one after the other.
pub async fn deliver_due(job: &Job, now: DateTime<Utc>) -> DomainResult<()> {
    let due = delivery::Entity::find()
        .filter(delivery::Column::Status.eq(QUEUED))
        .filter(delivery::Column::NextAttemptAt.lte(now))
        .order_by_asc(delivery::Column::NextAttemptAt)
        .limit(SEND_BATCH)
        .all(&job.db)
        .await?;
    for d in due {
        deliver(job, d, now).await?;
    }
    Ok(())
}

/// What is passed on of one signer.
struct Subscriber {
    email: String,
    name: Option<String>,
    petition: String,
    time: String,
}

impl Subscriber {
    fn pairs(&self) -> Vec<(&'static str, &str)> {
        let mut pairs = vec![("email", self.email.as_str())];
        if let Some(name) = &self.name {
            pairs.push(("name", name));
        }
        pairs.push(("petition", &self.petition));
        pairs.push(("time", &self.time));
        pairs
    }

    fn body(&self, format: Format) -> (&'static str, Vec<u8>) {
        match format {
            Format::Json => {
                let map: serde_json::Map<String, serde_json::Value> =
                    self.pairs().into_iter().map(|(k, v)| (k.to_string(), v.into())).collect();
                ("application/json", serde_json::Value::Object(map).to_string().into_bytes())
            }
            Format::Form => {
                let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(self.pairs()).finish();
                ("application/x-www-form-urlencoded", body.into_bytes())
            }
        }
    }
}

async fn subscriber(job: &Job, s: &signature::Model) -> DomainResult<Option<Subscriber>> {
    let Some(p) = petition::Entity::find_by_id(s.petition_id).one(&job.db).await? else { return Ok(None) };
    let name = [s.first_name.as_deref(), s.last_name.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let Some(confirmed) = s.confirmed_at else { return Ok(None) };
    Ok(Some(Subscriber {
        email: s.email.clone(),
        name: (!name.is_empty()).then_some(name),
        petition: p.title,
        time: confirmed.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    }))
}

async fn deliver(job: &Job, d: delivery::Model, now: DateTime<Utc>) -> DomainResult<()> {
    let Some(s) = signature::Entity::find_by_id(d.signature_id).one(&job.db).await? else {
        // Withdrawn meanwhile (the row cascades away with it; this is a race).
        delivery::Entity::delete_by_id(d.id).exec(&job.db).await?;
        return Ok(());
    };
    if s.email.trim().is_empty() || s.invalidated_at.is_some() || !s.newsletter_optin {
        return finish(&job.db, d, FAILED, Some("the signature was withdrawn from the newsletter or erased"), now)
            .await;
    }
    let Some(config) = forwarding::stored(&job.db, crate::domain::ids::PetitionId(d.petition_id)).await? else {
        return finish(&job.db, d, FAILED, Some("forwarding was turned off"), now).await;
    };
    let Some(who) = subscriber(job, &s).await? else {
        return finish(&job.db, d, FAILED, Some("the petition is gone"), now).await;
    };
    match forwarding::target(&config) {
        Target::Mail(address) => {
            let values = serde_json::json!({
                "email": who.email, "name": who.name.clone().unwrap_or_default(), "petition": who.petition, "time": who.time,
            });
            let mut draft = job.composer.account_mail(
                "newsletter_forward",
                &job.default_locale,
                &address,
                "mail-newsletter-forward-subject",
                values,
            );
            draft.kind = "newsletter";
            draft.priority = PRIORITY_BULK;
            let txn = crate::db::begin_write(&job.db).await?;
            queue::enqueue(&txn, draft, now).await?;
            finish(&txn, d, SENT, None, now).await?;
            txn.commit().await?;
            job.mail_wake.notify_one();
            Ok(())
        }
        Target::Http { url, format, auth } => {
            let url = match hosts::check(&url, &job.instance.get().newsletter_hosts) {
                Ok(url) => url,
                Err(_) => return finish(&job.db, d, FAILED, Some("the host is not on the allow-list"), now).await,
            };
            let opened = config.secret_sealed.as_deref().and_then(|sealed| job.key.open(sealed));
            let credentials = match (auth, opened) {
                (Auth::None, _) => Credentials::None,
                (Auth::Bearer, Some(token)) => Credentials::Bearer(token),
                (Auth::Basic, Some(both)) => match both.split_once(':') {
                    Some((u, p)) => Credentials::Basic { username: u.into(), password: p.into() },
                    None => return finish(&job.db, d, FAILED, Some("the credentials cannot be read"), now).await,
                },
                _ => return finish(&job.db, d, FAILED, Some("the credentials cannot be opened"), now).await,
            };
            match job.sender.post(&url, who.body(format), credentials).await {
                Outcome::Delivered => finish(&job.db, d, SENT, None, now).await,
                Outcome::Refused(e) => finish(&job.db, d, FAILED, Some(&e), now).await,
                Outcome::Retry(e) => retry(job, d, &e, now).await,
            }
        }
    }
}

async fn finish(
    db: &impl ConnectionTrait,
    d: delivery::Model,
    status: &str,
    error: Option<&str>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let attempts = d.attempts + 1;
    let mut a: delivery::ActiveModel = d.into();
    a.status = Set(status.into());
    a.attempts = Set(attempts);
    a.last_error = Set(error.map(str::to_string));
    if status == SENT {
        a.sent_at = Set(Some(now));
    } else {
        tracing::warn!(error = error.unwrap_or(""), "a newsletter opt-in could not be passed on");
    }
    a.update(db).await?;
    Ok(())
}

/// Another attempt later (the delay doubling each time), or failed after the last one.
async fn retry(job: &Job, d: delivery::Model, error: &str, now: DateTime<Utc>) -> DomainResult<()> {
    let attempts = d.attempts + 1;
    if attempts >= job.settings.max_attempts as i32 {
        return finish(&job.db, d, FAILED, Some(error), now).await;
    }
    let s = &job.settings;
    let delay = (s.retry_initial_seconds * 2f64.powi(attempts - 1)).min(s.retry_max_seconds);
    let mut a: delivery::ActiveModel = d.into();
    a.attempts = Set(attempts);
    a.last_error = Set(Some(error.to_string()));
    a.next_attempt_at = Set(now + Duration::milliseconds((delay * 1000.0) as i64));
    a.update(&job.db).await?;
    Ok(())
}
