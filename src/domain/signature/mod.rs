//! Signatures: signing and confirming (`signatures`, written in groups by `intake`), the
//! public count (`counting`), the organiser's view of them (`signature_admin`, `export`, and
//! the search's index, `search_index`), moderators' view of where they come from, with invalidation by rule (`traffic`), and what
//! signers own: withdrawing (`withdrawal`), seeing and exporting theirs (`portal`,
//! `portal_export`), the public list of the names of those who agreed (`public_names`), and the
//! erasure of personal data once a petition's retention has run out (`retention`).
pub mod counting;
pub mod export;
pub mod intake;
pub mod portal;
pub mod portal_export;
pub mod public_names;
pub mod retention;
pub mod search_index;
pub mod signature_admin;
pub mod signatures;
pub mod traffic;
pub mod withdrawal;
