//! Accounts: creating, verifying and authenticating them, passwords, sessions, and the
//! one-time tokens mailed for verification, resets and address changes.
pub mod account_tokens;
pub mod accounts;
pub mod passwords;
pub mod sessions;
