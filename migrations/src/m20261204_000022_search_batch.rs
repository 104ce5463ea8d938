//! Signing pays for no search index (issue 19). Until now each new signature went into the
//! FTS5 trigram index from a trigger, in the signing transaction: some thirty trigrams a row,
//! and FTS5 segment merges, on SQLite's one writer, about a third of its time per signature.
//! New signatures are now indexed by the periodic batch (`domain::signature::search_index`),
//! thousands in one statement, and `search_indexed.up_to` says how far it got: signature ids
//! only grow, and SQLite has one writer, so every row at or below it is indexed and every row
//! above it is not. The search looks those up in the index and scans the few above it, so it
//! misses nothing. Deleting or editing a row touches the index only at or below `up_to`: an
//! FTS5 external-content index must never be told to delete what it does not hold.
//!
//! Also: `ix_signatures_invalidated`, a partial index of the few signatures moderators
//! invalidated, so that a petition's counts need not read all its signatures to find them (it
//! costs nothing to a new signature, which it does not hold). And dropped:
//! `ix_signatures_confirmed_at`, a prefix of `ix_signatures_confirmed` (`confirmed_at,
//! petition_id`) that serves the same range reads, and one more B-tree each signature and each
//! confirmation wrote. PostgreSQL keeps its trigram indexes as they were.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const AT_OR_BELOW: &str = "WHEN OLD.id <= (SELECT up_to FROM search_indexed WHERE id = 1)";

fn sqlite_up() -> Vec<String> {
    vec![
        "CREATE TABLE search_indexed (id INTEGER PRIMARY KEY CHECK (id = 1), up_to INTEGER NOT NULL)".into(),
        "INSERT INTO search_indexed (id, up_to) SELECT 1, COALESCE(MAX(id), 0) FROM signatures".into(),
        "DROP TRIGGER tr_signatures_search_insert".into(),
        "DROP TRIGGER tr_signatures_search_delete".into(),
        "DROP TRIGGER tr_signatures_search_update".into(),
        format!(
            "CREATE TRIGGER tr_signatures_search_forget AFTER DELETE ON signatures {AT_OR_BELOW} BEGIN \
             INSERT INTO signatures_search (signatures_search, rowid, first_name, last_name, email) \
               VALUES ('delete', OLD.id, OLD.first_name, OLD.last_name, OLD.email); END"
        ),
        format!(
            "CREATE TRIGGER tr_signatures_search_edit AFTER UPDATE OF first_name, last_name, email ON signatures \
             {AT_OR_BELOW} BEGIN \
             INSERT INTO signatures_search (signatures_search, rowid, first_name, last_name, email) \
               VALUES ('delete', OLD.id, OLD.first_name, OLD.last_name, OLD.email); \
             INSERT INTO signatures_search (rowid, first_name, last_name, email) \
               VALUES (NEW.id, NEW.first_name, NEW.last_name, NEW.email); END"
        ),
    ]
}

/// (The triggers get new names: on SQLite a migration's statements may run on different pooled
/// connections, and re-creating a name just dropped failed there.)
///
/// Back to indexing in the signing transaction: what the batch had not indexed yet first.
const SQLITE_DOWN: &[&str] = &[
    "INSERT INTO signatures_search (rowid, first_name, last_name, email) SELECT id, first_name, last_name, email \
     FROM signatures WHERE id > (SELECT up_to FROM search_indexed WHERE id = 1)",
    "DROP TRIGGER tr_signatures_search_forget",
    "DROP TRIGGER tr_signatures_search_edit",
    "DROP TABLE search_indexed",
    "CREATE TRIGGER tr_signatures_search_insert AFTER INSERT ON signatures BEGIN \
     INSERT INTO signatures_search (rowid, first_name, last_name, email) \
       VALUES (NEW.id, NEW.first_name, NEW.last_name, NEW.email); END",
    "CREATE TRIGGER tr_signatures_search_delete AFTER DELETE ON signatures BEGIN \
     INSERT INTO signatures_search (signatures_search, rowid, first_name, last_name, email) \
       VALUES ('delete', OLD.id, OLD.first_name, OLD.last_name, OLD.email); END",
    "CREATE TRIGGER tr_signatures_search_update AFTER UPDATE OF first_name, last_name, email ON signatures BEGIN \
     INSERT INTO signatures_search (signatures_search, rowid, first_name, last_name, email) \
       VALUES ('delete', OLD.id, OLD.first_name, OLD.last_name, OLD.email); \
     INSERT INTO signatures_search (rowid, first_name, last_name, email) \
       VALUES (NEW.id, NEW.first_name, NEW.last_name, NEW.email); END",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_index(m, "ix_signatures_confirmed_at", "signatures").await?;
        m.get_connection()
            .execute_unprepared(
                "CREATE INDEX ix_signatures_invalidated ON signatures (petition_id, confirmed_at) \
                 WHERE invalidated_at IS NOT NULL",
            )
            .await?;
        if m.get_database_backend() == DbBackend::Sqlite {
            for sql in sqlite_up() {
                m.get_connection().execute_unprepared(&sql).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DbBackend::Sqlite {
            for sql in SQLITE_DOWN {
                m.get_connection().execute_unprepared(sql).await?;
            }
        }
        parts::drop_index(m, "ix_signatures_invalidated", "signatures").await?;
        parts::index(m, "ix_signatures_confirmed_at", "signatures", &["confirmed_at"]).await
    }
}
