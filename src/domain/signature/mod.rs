//! Signatures: signing and confirming (`signatures`, written in groups by `intake`), the
//! public count (`counting`), the organiser's view of them (`signature_admin`, `export`), and
//! moderators' view of where they come from, with invalidation by rule (`traffic`),
//! withdrawing them (`withdrawal`), and the public list of the names of signers who agreed
//! (`public_names`).
pub mod counting;
pub mod export;
pub mod intake;
pub mod public_names;
pub mod signature_admin;
pub mod signatures;
pub mod traffic;
pub mod withdrawal;
