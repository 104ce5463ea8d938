//! The reasons the report form offers, set by the admins: each stored with a label per
//! language (seeded in English and French by the migration). Labels are the admins' words, as
//! a petition's title is its organisers', so they live in the database, not in Fluent; a
//! language without its own label shows the instance's default language's.
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use crate::domain::audit::{self, Action, Target};
use crate::domain::permissions::{Allowed, ManageInstance};
use crate::domain::{DomainError, DomainResult, FieldErrors};
use crate::entities::{report_reason, report_reason_label, user};

/// At most this many reasons (retired ones included): the form stays a short list.
pub const MAX_REASONS: u64 = 30;
pub const LABEL_MAX: usize = 120;

/// A reason as a form or a page shows it, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub id: i64,
    pub label: String,
}

/// The labels of `ids` (every reason when `None`) in `lang`, or in `fallback`, or the code.
async fn labels(
    db: &impl ConnectionTrait,
    reasons: &[report_reason::Model],
    (lang, fallback): (&str, &str),
) -> DomainResult<Vec<Reason>> {
    let ids: Vec<i64> = reasons.iter().map(|r| r.id).collect();
    let rows = report_reason_label::Entity::find()
        .filter(report_reason_label::Column::ReasonId.is_in(ids))
        .filter(report_reason_label::Column::Locale.is_in([lang, fallback]))
        .all(db)
        .await?;
    let find = |id: i64, locale: &str| {
        rows.iter().find(|l| l.reason_id == id && l.locale == locale && !l.label.is_empty()).map(|l| l.label.clone())
    };
    Ok(reasons
        .iter()
        .map(|r| Reason {
            id: r.id,
            label: find(r.id, lang).or_else(|| find(r.id, fallback)).unwrap_or_else(|| r.code.clone()),
        })
        .collect())
}

/// The reasons the report form offers, in order.
pub async fn offered(db: &impl ConnectionTrait, langs: (&str, &str)) -> DomainResult<Vec<Reason>> {
    let reasons = report_reason::Entity::find()
        .filter(report_reason::Column::Active.eq(true))
        .order_by_asc(report_reason::Column::Position)
        .order_by_asc(report_reason::Column::Id)
        .all(db)
        .await?;
    labels(db, &reasons, langs).await
}

/// Every reason, retired ones too, by id: for pages that show the reasons reports named.
pub async fn all_labelled(db: &impl ConnectionTrait, langs: (&str, &str)) -> DomainResult<BTreeMap<i64, String>> {
    let reasons = report_reason::Entity::find().all(db).await?;
    Ok(labels(db, &reasons, langs).await?.into_iter().map(|r| (r.id, r.label)).collect())
}

/// One reason's label (a retired one's too), if it exists.
pub async fn label(db: &impl ConnectionTrait, id: i64, langs: (&str, &str)) -> DomainResult<Option<String>> {
    let Some(reason) = report_reason::Entity::find_by_id(id).one(db).await? else { return Ok(None) };
    Ok(labels(db, &[reason], langs).await?.pop().map(|r| r.label))
}

/// Whether `id` is a reason the form offers now.
pub async fn is_offered(db: &impl ConnectionTrait, id: i64) -> DomainResult<bool> {
    Ok(report_reason::Entity::find_by_id(id).one(db).await?.is_some_and(|r| r.active))
}

/// A reason as the admins' page edits it: its label in every language of the instance.
#[derive(Debug, Clone, Serialize)]
pub struct Editable {
    pub id: i64,
    pub code: String,
    pub active: bool,
    pub labels: BTreeMap<String, String>,
}

pub async fn editable(db: &impl ConnectionTrait, _can: &Allowed<ManageInstance, ()>) -> DomainResult<Vec<Editable>> {
    let reasons = report_reason::Entity::find()
        .order_by_asc(report_reason::Column::Position)
        .order_by_asc(report_reason::Column::Id)
        .all(db)
        .await?;
    let labels = report_reason_label::Entity::find().all(db).await?;
    Ok(reasons
        .into_iter()
        .map(|r| Editable {
            labels: labels
                .iter()
                .filter(|l| l.reason_id == r.id)
                .map(|l| (l.locale.clone(), l.label.clone()))
                .collect(),
            id: r.id,
            code: r.code,
            active: r.active,
        })
        .collect())
}

/// A reason as the admin typed it: a label per language (the default language's required).
#[derive(Debug, Clone)]
pub struct ReasonInput {
    /// None adds a new reason.
    pub id: Option<i64>,
    pub labels: Vec<(String, String)>,
    pub active: bool,
}

/// Adds or changes a reason, with its audit row.
pub async fn save(
    db: &DatabaseConnection,
    _can: &Allowed<ManageInstance, ()>,
    (actor, now): (&user::Model, DateTime<Utc>),
    input: ReasonInput,
    default_locale: &str,
) -> DomainResult<i64> {
    let mut errors = FieldErrors::new();
    for (locale, label) in &input.labels {
        if label.trim().chars().count() > LABEL_MAX {
            errors.insert(if locale == default_locale { "label" } else { "label_other" }, "error-too-long");
        }
    }
    let main = input.labels.iter().find(|(l, _)| l == default_locale).map_or("", |(_, label)| label.trim());
    if main.is_empty() {
        errors.insert("label", "error-required");
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let reason = match input.id {
        Some(id) => {
            let found = report_reason::Entity::find_by_id(id).one(&txn).await?.ok_or(DomainError::NotFound)?;
            let mut active = found.into_active_model();
            active.active = Set(input.active);
            active.update(&txn).await?
        }
        None => {
            let count = report_reason::Entity::find().count(&txn).await?;
            if count >= MAX_REASONS {
                return Err(DomainError::Invalid(FieldErrors::from([("label", "error-reasons-full")])));
            }
            report_reason::ActiveModel {
                code: Set(format!("custom-{}", crate::domain::tokens::random_token(6))),
                position: Set(i32::try_from(count).unwrap_or(i32::MAX)),
                active: Set(true),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    report_reason_label::Entity::delete_many()
        .filter(report_reason_label::Column::ReasonId.eq(reason.id))
        .exec(&txn)
        .await?;
    for (locale, label) in input.labels.iter().filter(|(_, l)| !l.trim().is_empty()) {
        report_reason_label::ActiveModel {
            reason_id: Set(reason.id),
            locale: Set(locale.clone()),
            label: Set(label.trim().to_string()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let why = if reason.active { "" } else { "retired" };
    audit::record(&txn, Some(actor), Action::ReasonChange, Target::new("reason", reason.id, main), why, now).await?;
    txn.commit().await?;
    Ok(reason.id)
}
