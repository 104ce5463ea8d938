//! Exporting a petition's signatures as CSV or JSON, read in batches by id so that a million
//! rows stream in bounded memory. Spreadsheet formulas are neutralised in CSV cells.
//!
//! The export tells the truth: the newsletter opt-in is a consent only once the signature is
//! confirmed (a pending one says "no"), and a row whose personal data retention erased says so,
//! by the date in its own column and, in CSV, a marker in each erased cell.
use std::borrow::Cow;

use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DerivePartialModel, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, ViewSignatures};
use crate::domain::petition::content::FieldRule;
use crate::domain::petition::petitions::PublicPetition;
use crate::domain::signature::retention;
use crate::domain::signature::signature_admin::Which;
use crate::entities::signature;

/// Rows read per query while streaming.
pub const BATCH: u64 = 1000;

/// What an export reads of a signature: what its columns can show and the keyset's place, not
/// the confirmation token's hash, the client key or the flags it never shows. Each row then
/// costs less to read (on SQLite, every value is copied across sqlx's thread), and the server
/// holds nothing of a signature that the file does not need.
#[derive(Debug, Clone, DerivePartialModel)]
#[sea_orm(entity = "signature::Entity")]
pub struct Row {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub invalidated_at: Option<DateTime<Utc>>,
    pub email: String,
    /// Only to tell an erased row (`retention::is_erased_address`).
    pub email_canonical: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub organisation: Option<String>,
    pub custom1: Option<String>,
    pub custom2: Option<String>,
    pub custom3: Option<String>,
    pub newsletter_optin: bool,
    pub locale: String,
}

impl Row {
    fn erased(&self) -> bool {
        retention::is_erased_address(&self.email_canonical)
    }
}

/// One column of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    CreatedAt,
    ConfirmedAt,
    /// When a moderator's rule invalidated it (empty for the others).
    InvalidatedAt,
    Email,
    /// A standard signer field, by its form name (`first_name`, …).
    Field(&'static str),
    /// Custom field 0..3, with the organiser's label.
    Custom(usize, String),
    /// "yes" for a confirmed signature whose signer ticked the box.
    Newsletter,
    /// The language the signer read the petition in (only for a petition in several languages).
    Language,
    /// When retention erased the row's personal data (the petition's last erasure; empty for a
    /// row signed after it). Only in the export of a petition retention erased.
    ErasedAt(DateTime<Utc>),
}

/// How a column's title is written: a Fluent id, or the organiser's own label.
pub enum Header<'a> {
    Fluent(&'static str),
    Text(&'a str),
}

impl Column {
    /// The JSON key, and the column's name in the `fields` query of the API-minded.
    pub fn key(&self) -> Cow<'static, str> {
        match self {
            Column::CreatedAt => "signed_at".into(),
            Column::ConfirmedAt => "confirmed_at".into(),
            Column::InvalidatedAt => "invalidated_at".into(),
            Column::Email => "email".into(),
            Column::Field(name) => (*name).into(),
            Column::Custom(i, _) => format!("custom{}", i + 1).into(),
            Column::Newsletter => "newsletter".into(),
            Column::Language => "language".into(),
            Column::ErasedAt(_) => "personal_data_erased_at".into(),
        }
    }

    /// What a signer gave (and retention erases), as opposed to the dates.
    pub fn is_personal(&self) -> bool {
        matches!(self, Column::Email | Column::Field(_) | Column::Custom(..) | Column::Newsletter)
    }

    pub fn header(&self) -> Header<'_> {
        match self {
            Column::CreatedAt => Header::Fluent("export-signed-at"),
            Column::ConfirmedAt => Header::Fluent("export-confirmed-at"),
            Column::InvalidatedAt => Header::Fluent("export-invalidated-at"),
            Column::Email => Header::Fluent("field-email"),
            Column::Field(name) => Header::Fluent(match *name {
                "first_name" => "field-first_name",
                "last_name" => "field-last_name",
                "phone" => "field-phone",
                "postal_code" => "field-postal_code",
                "country" => "field-country",
                _ => "field-organisation",
            }),
            Column::Custom(_, label) => Header::Text(label),
            Column::Newsletter => Header::Fluent("export-newsletter"),
            Column::Language => Header::Fluent("export-language"),
            Column::ErasedAt(_) => Header::Fluent("export-erased-at"),
        }
    }

    /// The cell of `s`: none for what retention erased.
    pub fn value<'a>(&self, s: &'a Row) -> Option<Cow<'a, str>> {
        let time = |t: DateTime<Utc>| Cow::Owned(t.to_rfc3339_opts(SecondsFormat::Secs, true));
        if self.is_personal() && s.erased() {
            return None;
        }
        match self {
            Column::CreatedAt => Some(time(s.created_at)),
            Column::ConfirmedAt => s.confirmed_at.map(time),
            Column::InvalidatedAt => s.invalidated_at.map(time),
            Column::Email => Some(Cow::Borrowed(&s.email)),
            Column::Field(name) => match *name {
                "first_name" => s.first_name.as_deref(),
                "last_name" => s.last_name.as_deref(),
                "phone" => s.phone.as_deref(),
                "postal_code" => s.postal_code.as_deref(),
                "country" => s.country.as_deref(),
                _ => s.organisation.as_deref(),
            }
            .map(Cow::Borrowed),
            Column::Custom(i, _) => [&s.custom1, &s.custom2, &s.custom3][*i].as_deref().map(Cow::Borrowed),
            Column::Newsletter => {
                Some(Cow::Borrowed(if s.newsletter_optin && s.confirmed_at.is_some() { "yes" } else { "no" }))
            }
            Column::Language => Some(Cow::Borrowed(&s.locale)),
            Column::ErasedAt(at) => s.erased().then(|| time(*at)),
        }
    }
}

/// A CSV row: the cells of `s`, with `erased` (the reader's word for it) in each cell retention
/// emptied, so that a spreadsheet shows which fields are gone rather than blanks.
pub fn csv_row<'a>(cols: &[Column], s: &'a Row, erased: &'a str) -> Vec<Option<Cow<'a, str>>> {
    let gone = s.erased();
    cols.iter().map(|c| if gone && c.is_personal() { Some(Cow::Borrowed(erased)) } else { c.value(s) }).collect()
}

/// The date, the confirmation time and every field the petition asks for; for a petition in
/// several languages, the one each signer read.
pub fn columns(p: &PublicPetition, multilingual: bool) -> Vec<Column> {
    let mut cols = vec![Column::CreatedAt, Column::ConfirmedAt, Column::InvalidatedAt];
    for name in crate::domain::petition::content::OPTIONAL_FIELDS.into_iter().take(2) {
        if p.fields.rule(name) != FieldRule::Off {
            cols.push(Column::Field(name));
        }
    }
    cols.push(Column::Email);
    for name in crate::domain::petition::content::OPTIONAL_FIELDS.into_iter().skip(2) {
        if p.fields.rule(name) != FieldRule::Off {
            cols.push(Column::Field(name));
        }
    }
    for (i, c) in p.fields.custom.iter().enumerate() {
        if c.rule != FieldRule::Off {
            cols.push(Column::Custom(i, c.label.clone()));
        }
    }
    if !p.mail.newsletter_label.is_empty() {
        cols.push(Column::Newsletter);
    }
    if multilingual {
        cols.push(Column::Language);
    }
    if let Some(at) = p.retention.erased_at {
        cols.push(Column::ErasedAt(at));
    }
    cols
}

/// Where an export has got to: the last signature written, in signing order.
#[derive(Debug, Clone, Copy)]
pub struct After {
    created_at: DateTime<Utc>,
    id: i64,
}

impl After {
    /// Just after `s`, the last row of a batch.
    pub fn row(s: &Row) -> After {
        After { created_at: s.created_at, id: s.id }
    }
}

/// The next `BATCH` signatures after `after` (from the first when `None`), in signing order.
/// A range of the `(petition_id, created_at, id)` index, so each batch costs the same at any
/// depth of a petition of millions; in id order the databases sorted the whole petition for
/// every batch.
pub async fn batch(
    db: &impl ConnectionTrait,
    can: &Allowed<ViewSignatures, PetitionId>,
    which: Which,
    after: Option<After>,
) -> DomainResult<Vec<Row>> {
    let mut query = signature::Entity::find().filter(signature::Column::PetitionId.eq(can.target().0));
    if let Some(after) = after {
        let columns = Expr::tuple([Expr::col(signature::Column::CreatedAt), Expr::col(signature::Column::Id)]);
        query = query.filter(columns.gt(Expr::tuple([Expr::value(after.created_at), Expr::value(after.id)])));
    }
    query = match which {
        Which::All => query,
        Which::Confirmed => query.filter(signature::Column::ConfirmedAt.is_not_null()),
        Which::Pending => query.filter(signature::Column::ConfirmedAt.is_null()),
    };
    let ordered = query.order_by_asc(signature::Column::CreatedAt).order_by_asc(signature::Column::Id);
    Ok(ordered.limit(BATCH).into_partial_model::<Row>().all(db).await?)
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
/// before one) is prefixed with `'`, which spreadsheets show as text (OWASP's advice).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// CSV lines for `rows` (RFC 4180 quoting by the `csv` crate), cells neutralised.
pub fn csv_lines<I, S>(rows: I) -> Vec<u8>
where
    I: IntoIterator<Item = Vec<Option<S>>>,
    S: AsRef<str>,
{
    let rows = rows.into_iter();
    // Sized for a typical row up front: growing a buffer of a batch by doubling made glibc
    // consolidate its free lists at each step (seen in a profile of the export).
    let buffer = Vec::with_capacity(rows.size_hint().0.saturating_mul(160));
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(buffer);
    for row in rows {
        let cells: Vec<Cow<'_, str>> = row.iter().map(|c| neutralise(c.as_ref().map_or("", |c| c.as_ref()))).collect();
        // Writing to a Vec cannot fail; a cell error would be a bug, logged and skipped.
        if let Err(e) = out.write_record(cells.iter().map(|c| c.as_bytes())) {
            tracing::error!(error = %e, "csv export: a row could not be written");
        }
    }
    out.into_inner().unwrap_or_else(|e| {
        tracing::error!(error = %e.error(), "csv export: a batch could not be flushed");
        Vec::new()
    })
}

/// One signature as a JSON object keyed by `Column::key`.
pub fn json_object(cols: &[Column], s: &Row) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for c in cols {
        map.insert(
            c.key().into_owned(),
            c.value(s).map_or(serde_json::Value::Null, |v| serde_json::Value::String(v.into_owned())),
        );
    }
    serde_json::Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_quoting_kept() {
        let bytes = csv_lines([vec![Some("=HYPERLINK(\"x\")"), Some("+1"), Some("a,b"), None]]);
        assert_eq!(String::from_utf8(bytes).unwrap(), "\"'=HYPERLINK(\"\"x\"\")\",'+1,\"a,b\",\r\n");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM"), "'@SUM");
        assert_eq!(neutralise("Jane"), "Jane");
    }
}
