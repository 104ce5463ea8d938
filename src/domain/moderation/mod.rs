//! Moderation: visitors report petitions, moderators work the queue (hide, unhide, dismiss,
//! approve or refuse a petition waiting for review, suspend its owner), and the public is told
//! why a petition is withheld. Every action takes `Allowed<Moderate, ()>` and writes its audit
//! row in its own transaction.
use chrono::{DateTime, Utc};

pub mod actions;
pub mod premoderation;
pub mod queue;
pub mod reasons;
pub mod reports;
pub mod suspension;
pub mod visibility;

/// `petitions.moderation`: shown to the public.
pub const OK: &str = "ok";
/// Hidden by a moderator: the public page answers 410 with the reason category.
pub const HIDDEN: &str = "hidden";
/// Published, waiting for a moderator's approval (pre-moderation): not public yet.
pub const PENDING: &str = "pending";

/// The longest note a moderator writes with an action (it is mailed and kept in the log).
pub const NOTE_MAX: usize = 2000;

/// A moderator's action on something: who, why, when.
#[derive(Debug, Clone, Copy)]
pub struct Act<'a> {
    pub by: &'a crate::entities::user::Model,
    /// The moderator's words, as mailed to the owner and written to the log.
    pub note: &'a str,
    pub now: DateTime<Utc>,
}

/// The note, checked: at most `NOTE_MAX` characters, and present when `required`.
pub fn checked_note(note: &str, required: bool) -> Result<&str, crate::domain::DomainError> {
    let note = note.trim();
    let error = if note.chars().count() > NOTE_MAX {
        Some("error-too-long")
    } else if required && note.is_empty() {
        Some("error-moderation-note-required")
    } else {
        None
    };
    match error {
        Some(e) => Err(crate::domain::DomainError::Invalid(crate::domain::FieldErrors::from([("note", e)]))),
        None => Ok(note),
    }
}
