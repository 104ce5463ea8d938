//! The instance as its admins run it: runtime settings, the accounts and organisations
//! directory (with the moderator role), statistics, the mail queue's actions, and what the
//! privacy pages say.
pub mod directory;
pub mod mail;
pub mod privacy;
pub mod settings;
pub mod statistics;
