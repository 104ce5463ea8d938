//! Accounts: signing in and out and first-run setup (`login`), registration, verification and
//! password reset (`register`), and the account's own settings (`settings`).
pub mod login;
pub mod register;
pub mod settings;
