//! Signatures: signing and confirming (`signatures`, written in groups by `intake`), the
//! public count (`counting`), and the organiser's view of them (`signature_admin`, `export`).
pub mod counting;
pub mod export;
pub mod intake;
pub mod signature_admin;
pub mod signatures;
