//! Business rules as plain async functions over a database connection, in folders by subject
//! (petition, signature, account, organisation; permissions decides who may). No HTTP types
//! and no form maps here: the web layer parses into typed input and responds.

use sea_orm::DbErr;

pub mod account;
pub mod audit;
pub mod challenge;
pub mod client;
pub mod delivery;
pub mod demo;
pub mod email;
pub mod guest;
pub mod ids;
pub mod instance;
pub mod moderation;
pub mod notify;
pub mod organisation;
pub mod permissions;
pub mod petition;
pub mod reserved;
pub mod signature;
pub mod signer_updates;
pub mod tokens;

/// Field name → Fluent id of the message shown next to it, in the order the checks found them:
/// they check a form top to bottom, so the error summary lists mistakes in the form's order.
pub type FieldErrors = indexmap::IndexMap<&'static str, &'static str>;

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

/// `LIKE` pattern for "contains `words`" (lower-cased), with `%`, `_` and backslash taken literally.
pub fn contains(words: &str) -> sea_orm::sea_query::LikeExpr {
    let escaped = words.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')
}
