//! `[database]`: where the data is, and how SQLite keeps it.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Database {
    /// Defaults to an SQLite file in the data directory.
    pub url: Option<String>,
    pub max_connections: u32,
    /// SQLite's `synchronous` (WAL): `full` (default) syncs each commit, so an acknowledged
    /// signature survives a power loss; `normal` syncs at checkpoints only (faster, and still
    /// safe against a crash of the process, not of the machine).
    pub sqlite_synchronous: Synchronous,
}

impl Default for Database {
    fn default() -> Self {
        Database { url: None, max_connections: 8, sqlite_synchronous: Synchronous::Full }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Synchronous {
    Full,
    Normal,
}
