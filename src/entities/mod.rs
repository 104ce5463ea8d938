//! SeaORM entities, one file per table. Names follow DESIGN.md; operators' scripts rely on them.
pub mod audit_entry;
pub mod challenge_use;
pub mod email_token;
pub mod invitation;
pub mod mail_job;
pub mod membership;
pub mod organisation;
pub mod petition;
pub mod petition_image;
pub mod petition_template;
pub mod retired_slug;
pub mod session;
pub mod signature;
pub mod signature_change;
pub mod slug;
pub mod user;
