//! The instance as its admins run it: runtime settings, the accounts and organisations
//! directory (with the moderator role), statistics, and the mail queue's actions.
pub mod directory;
pub mod mail;
pub mod settings;
pub mod statistics;
