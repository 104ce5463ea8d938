//! Business rules as plain async functions over a database connection. No HTTP types here:
//! the web layer parses and responds, the rules live in this folder.
use std::collections::BTreeMap;

use sea_orm::DbErr;

pub mod account_tokens;
pub mod accounts;
pub mod challenge;
pub mod colour;
pub mod content;
pub mod counting;
pub mod dashboard;
pub mod demo;
pub mod editing;
pub mod email;
pub mod export;
pub mod ids;
pub mod images;
pub mod intake;
pub mod invitations;
pub mod organisations;
pub mod passwords;
pub mod permalinks;
pub mod permissions;
pub mod petitions;
pub mod reserved;
pub mod sessions;
pub mod sharing;
pub mod signature_admin;
pub mod signatures;
pub mod stats;
pub mod templates;
pub mod tokens;
pub mod wizard;

/// Field name → Fluent id of the message shown next to it.
pub type FieldErrors = BTreeMap<&'static str, &'static str>;

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// The permission service refused: the user sees the target but lacks the right.
    #[error("forbidden")]
    Forbidden,
    /// A rule refused the action; the payload is the Fluent id that explains it.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// Something that is neither the user's fault nor the database's (a task that died…).
    #[error("internal error: {0}")]
    Internal(String),
}

pub type DomainResult<T> = Result<T, DomainError>;

/// The current time, in the one type every table uses.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}
