//! Updates to signers (issue 17): a signer who ticked "keep me informed" is mailed what the
//! organiser writes about the petition (its updates) and the addressee's response, until they
//! unsubscribe with the link every such mail carries. Updates and the response are shown on
//! the petition's page too: the response on top, the updates newest first.
//!
//! Only confirmed signatures that are neither invalidated nor withdrawn (a withdrawn signature
//! is erased) and asked are mailed. A petition mails at most `[updates] per_week` updates in
//! any seven days; the response does not count (there is one, and it is what signers wait for).
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, ModifyPetition};
use crate::domain::petition::petitions::{self, render_markdown};
use crate::domain::signature::withdrawal::WithdrawKey;
use crate::domain::{DomainError, DomainResult, FieldErrors};
use crate::entities::{petition, petition_response, petition_update};

mod send;
pub mod unsubscribe;

pub use send::{ComposeUpdate, News as MailedNews, UpdateMail};

pub const MAX_TITLE_LEN: usize = 200;
pub const MAX_BODY_LEN: usize = 20_000;
pub const MAX_URL_LEN: usize = 2_000;
/// Updates a petition's page shows, newest first (older ones stay in the dashboard's list).
pub const SHOWN_ON_PAGE: u64 = 20;
/// Updates the dashboard lists.
pub const LISTED: u64 = 100;

/// What the organiser typed for an update, as typed.
#[derive(Debug, Clone, Default)]
pub struct UpdateInput {
    pub title: String,
    pub body: String,
}

/// What the organiser typed for the addressee's response, as typed.
#[derive(Debug, Clone, Default)]
pub struct ResponseInput {
    pub body: String,
    /// `YYYY-MM-DD` (what a date field sends).
    pub responded_on: String,
    /// Empty: none.
    pub document_url: String,
}

/// What sending needs beside the database: the mail's writer, the unsubscribe links' key, the cap.
pub struct Sending<'a> {
    pub composer: &'a dyn ComposeUpdate,
    pub key: &'a WithdrawKey,
    pub per_week: u32,
    pub now: DateTime<Utc>,
}

fn check_text(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize, line: bool) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.insert(field, "error-required");
    } else if value.chars().count() > max {
        errors.insert(field, "error-too-long");
    } else if value.chars().any(|c| c.is_control() && (line || !matches!(c, '\n' | '\r' | '\t'))) {
        errors.insert(field, "error-invalid-characters");
    }
    value.to_string()
}

/// An http(s) address with a host, or the message saying why not.
pub fn check_url(value: &str) -> Result<String, &'static str> {
    let value = value.trim();
    if value.chars().count() > MAX_URL_LEN {
        return Err("error-too-long");
    }
    match url::Url::parse(value) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()) => {
            Ok(u.to_string())
        }
        _ => Err("error-url-invalid"),
    }
}

/// Writes an update, shows it on the petition's page and mails it to the signers who asked.
/// Returns how many it was mailed to; refused (on `title`) past the weekly cap.
pub async fn post_update(
    db: &DatabaseConnection,
    can: &Allowed<ModifyPetition, PetitionId>,
    input: &UpdateInput,
    sending: Sending<'_>,
) -> DomainResult<u64> {
    let id = can.target();
    let mut errors = FieldErrors::new();
    let title = check_text(&mut errors, "title", &input.title, MAX_TITLE_LEN, true);
    let body = check_text(&mut errors, "body", &input.body, MAX_BODY_LEN, false);
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    // Two organisers posting at once are counted one after the other (SQLite: the write lock
    // this transaction holds; PostgreSQL: the petition's row).
    petition::Entity::find_by_id(id.0).lock_exclusive().one(&txn).await?.ok_or(DomainError::NotFound)?;
    if sent_this_week(&txn, id, sending.now).await? >= u64::from(sending.per_week) {
        return Err(DomainError::Invalid(FieldErrors::from([("title", "error-update-weekly-cap")])));
    }
    let shown = petitions::any_by_id(&txn, id).await?;
    let row = petition_update::ActiveModel {
        petition_id: Set(id.0),
        title: Set(title.clone()),
        body: Set(body.clone()),
        recipients: Set(0),
        created_at: Set(sending.now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let news = MailedNews::Update { title: &title, body: &body };
    let recipients = send::mail_signers(&txn, &shown, &news, &sending).await?;
    let mut row: petition_update::ActiveModel = row.into();
    row.recipients = Set(recipients as i64);
    row.update(&txn).await?;
    txn.commit().await?;
    Ok(recipients)
}

/// Updates of petition `id` mailed in the seven days before `now`.
async fn sent_this_week(db: &impl ConnectionTrait, id: PetitionId, now: DateTime<Utc>) -> DomainResult<u64> {
    Ok(petition_update::Entity::find()
        .filter(petition_update::Column::PetitionId.eq(id.0))
        .filter(petition_update::Column::CreatedAt.gt(now - Duration::days(7)))
        .count(db)
        .await?)
}

/// What recording the response did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// The first response: shown, and mailed to this many signers.
    Mailed(u64),
    /// A correction of the response recorded before: shown, not mailed again.
    Corrected,
}

/// Records the addressee's response: shown on top of the petition's page, and, the first time,
/// mailed to the signers who asked for updates (not counted against the weekly cap).
pub async fn record_response(
    db: &DatabaseConnection,
    can: &Allowed<ModifyPetition, PetitionId>,
    input: &ResponseInput,
    sending: Sending<'_>,
) -> DomainResult<Recorded> {
    let id = can.target();
    let mut errors = FieldErrors::new();
    let body = check_text(&mut errors, "response_body", &input.body, MAX_BODY_LEN, false);
    let day = input.responded_on.trim();
    match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        _ if day.is_empty() => {
            errors.insert("responded_on", "error-required");
        }
        Ok(date) if date <= (sending.now + Duration::days(1)).date_naive() => {}
        Ok(_) => {
            errors.insert("responded_on", "error-response-date-future");
        }
        Err(_) => {
            errors.insert("responded_on", "error-response-date-invalid");
        }
    }
    let document_url = match input.document_url.trim() {
        "" => None,
        url => match check_url(url) {
            Ok(url) => Some(url),
            Err(message) => {
                errors.insert("document_url", message);
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    petition::Entity::find_by_id(id.0).lock_exclusive().one(&txn).await?.ok_or(DomainError::NotFound)?;
    let stored =
        petition_response::Entity::find().filter(petition_response::Column::PetitionId.eq(id.0)).one(&txn).await?;
    if let Some(stored) = stored {
        let mut row: petition_response::ActiveModel = stored.into();
        row.body = Set(body);
        row.responded_on = Set(day.to_string());
        row.document_url = Set(document_url);
        row.updated_at = Set(sending.now);
        row.update(&txn).await?;
        txn.commit().await?;
        return Ok(Recorded::Corrected);
    }
    let shown = petitions::any_by_id(&txn, id).await?;
    let news = MailedNews::Response { body: &body, responded_on: day, document_url: document_url.as_deref() };
    let recipients = send::mail_signers(&txn, &shown, &news, &sending).await?;
    petition_response::ActiveModel {
        petition_id: Set(id.0),
        body: Set(body.clone()),
        responded_on: Set(day.to_string()),
        document_url: Set(document_url.clone()),
        recipients: Set(recipients as i64),
        created_at: Set(sending.now),
        updated_at: Set(sending.now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Recorded::Mailed(recipients))
}

/// An update as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateView {
    pub id: i64,
    pub title: String,
    /// The Markdown as written (the dashboard's list).
    pub body: String,
    /// Rendered and cleaned as the petition's text is.
    pub html: String,
    /// `YYYY-MM-DD`, UTC.
    pub date: String,
    pub recipients: i64,
}

/// The response as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct ResponseView {
    pub body: String,
    pub html: String,
    pub responded_on: String,
    pub document_url: Option<String>,
    pub recipients: i64,
}

/// What a petition's page shows of its news.
#[derive(Debug, Clone, Default, Serialize)]
pub struct News {
    pub response: Option<ResponseView>,
    /// Newest first.
    pub updates: Vec<UpdateView>,
}

impl From<petition_update::Model> for UpdateView {
    fn from(u: petition_update::Model) -> UpdateView {
        UpdateView {
            id: u.id,
            html: render_markdown(&u.body),
            title: u.title,
            body: u.body,
            date: u.created_at.format("%Y-%m-%d").to_string(),
            recipients: u.recipients,
        }
    }
}

/// The response and the newest `limit` updates of petition `id`, newest first.
pub async fn news(db: &impl ConnectionTrait, id: PetitionId, limit: u64) -> DomainResult<News> {
    let updates = petition_update::Entity::find()
        .filter(petition_update::Column::PetitionId.eq(id.0))
        .order_by_desc(petition_update::Column::CreatedAt)
        .order_by_desc(petition_update::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let response =
        petition_response::Entity::find().filter(petition_response::Column::PetitionId.eq(id.0)).one(db).await?;
    Ok(News {
        response: response.map(|r| ResponseView {
            html: render_markdown(&r.body),
            body: r.body,
            responded_on: r.responded_on,
            document_url: r.document_url,
            recipients: r.recipients,
        }),
        updates: updates.into_iter().map(UpdateView::from).collect(),
    })
}

/// What the organiser's page of updates shows besides the news: how many more updates may go
/// out this week, and how many signers would receive one now.
#[derive(Debug, Clone, Serialize)]
pub struct Audience {
    pub remaining_this_week: u64,
    pub per_week: u32,
    pub subscribers: u64,
}

pub async fn audience(
    db: &impl ConnectionTrait,
    id: PetitionId,
    per_week: u32,
    now: DateTime<Utc>,
) -> DomainResult<Audience> {
    let sent = sent_this_week(db, id, now).await?;
    Ok(Audience {
        remaining_this_week: u64::from(per_week).saturating_sub(sent),
        per_week,
        subscribers: send::recipients(id).count(db).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_addresses_with_a_host_are_document_links() {
        assert!(check_url("https://council.example.org/answer.pdf").is_ok());
        assert!(check_url("http://example.org").is_ok());
        assert_eq!(check_url("javascript:alert(1)"), Err("error-url-invalid"));
        assert_eq!(check_url("ftp://example.org/a"), Err("error-url-invalid"));
        assert_eq!(check_url("example.org"), Err("error-url-invalid"));
        assert_eq!(check_url("data:text/html,hi"), Err("error-url-invalid"));
    }
}
