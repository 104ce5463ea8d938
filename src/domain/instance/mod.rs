//! The instance as its admins run it: runtime settings, the accounts and organisations
//! directory (with the moderator role), and statistics.
pub mod directory;
pub mod settings;
pub mod statistics;
