//! Signatures: signing and confirming (`signatures`, written in groups by `intake`), the
//! public count (`counting`), the organiser's view of them (`signature_admin`, `export`), and
//! moderators' view of where they come from, with invalidation by rule (`traffic`), and
//! withdrawing them (`withdrawal`), and erasing their personal data once a petition's
//! retention has run out (`retention`).
pub mod counting;
pub mod export;
pub mod intake;
pub mod retention;
pub mod signature_admin;
pub mod signatures;
pub mod traffic;
pub mod withdrawal;
