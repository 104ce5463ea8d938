//! Flat costs up to ten million signatures (issue 19):
//!
//! - `count_changes`: every change of a signature's "counted" state (confirmed and not
//!   invalidated) — a confirmation, a withdrawal, a deletion, an invalidation — appends one row
//!   (+1 or −1), written by a trigger in the transaction that changed the signature, whatever
//!   code path it was. The count batch consumes these rows (deletes them as it adds them to
//!   `petitions.confirmed_count`), so the count costs what changed, not what the petition holds.
//!   The counts are set from the signatures as they are now, so nothing is pending.
//! - The dashboard's keyset pages: `(petition_id, created_at, id)` replaces `(petition_id,
//!   created_at)` (the same on SQLite, where every index ends with the row id), and pending
//!   signatures get a partial index of their own (the few pending among millions confirmed).
//! - Search: on SQLite an FTS5 trigram index of the names and the address (external content,
//!   kept by triggers), case-insensitive substrings of three characters or more; on PostgreSQL
//!   pg_trgm indexes of the lower-cased fields when the extension can be created (a trusted
//!   extension since PostgreSQL 13), which the same `lower(…) LIKE '%…%'` query then uses;
//!   without it the search still works, scanning.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const OLD_INDEX: &str = "ix_signatures_petition_created";
const KEYSET_INDEX: &str = "ix_signatures_petition_created_id";
const PENDING_INDEX: &str = "ix_signatures_pending";

const COUNTED_NOW: &str = "UPDATE petitions SET confirmed_count = (SELECT COUNT(*) FROM signatures s \
    WHERE s.petition_id = petitions.id AND s.confirmed_at IS NOT NULL AND s.invalidated_at IS NULL)";

const SQLITE_CHANGES: &str = "CREATE TABLE count_changes (id INTEGER PRIMARY KEY AUTOINCREMENT, \
    petition_id INTEGER NOT NULL, delta INTEGER NOT NULL)";

/// The count triggers (migration 23 replaces them, and restores them when undone).
pub(crate) const SQLITE_COUNT_TRIGGERS: &[&str] = &[
    "CREATE TRIGGER tr_signatures_count_insert AFTER INSERT ON signatures \
     WHEN NEW.confirmed_at IS NOT NULL AND NEW.invalidated_at IS NULL \
     BEGIN INSERT INTO count_changes (petition_id, delta) VALUES (NEW.petition_id, 1); END",
    "CREATE TRIGGER tr_signatures_count_delete AFTER DELETE ON signatures \
     WHEN OLD.confirmed_at IS NOT NULL AND OLD.invalidated_at IS NULL \
     BEGIN INSERT INTO count_changes (petition_id, delta) VALUES (OLD.petition_id, -1); END",
    "CREATE TRIGGER tr_signatures_count_update AFTER UPDATE OF confirmed_at, invalidated_at, petition_id ON signatures \
     WHEN ((OLD.confirmed_at IS NOT NULL AND OLD.invalidated_at IS NULL) \
       <> (NEW.confirmed_at IS NOT NULL AND NEW.invalidated_at IS NULL)) OR OLD.petition_id <> NEW.petition_id \
     BEGIN \
       INSERT INTO count_changes (petition_id, delta) SELECT OLD.petition_id, -1 \
         WHERE OLD.confirmed_at IS NOT NULL AND OLD.invalidated_at IS NULL; \
       INSERT INTO count_changes (petition_id, delta) SELECT NEW.petition_id, 1 \
         WHERE NEW.confirmed_at IS NOT NULL AND NEW.invalidated_at IS NULL; \
     END",
];

/// Run after the change table and `SQLITE_COUNT_TRIGGERS`.
const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE signatures_search USING fts5(first_name, last_name, email, \
     content='signatures', content_rowid='id', tokenize='trigram')",
    "INSERT INTO signatures_search (signatures_search) VALUES ('rebuild')",
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

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS tr_signatures_search_update",
    "DROP TRIGGER IF EXISTS tr_signatures_search_delete",
    "DROP TRIGGER IF EXISTS tr_signatures_search_insert",
    "DROP TABLE IF EXISTS signatures_search",
    "DROP TRIGGER IF EXISTS tr_signatures_count_update",
    "DROP TRIGGER IF EXISTS tr_signatures_count_delete",
    "DROP TRIGGER IF EXISTS tr_signatures_count_insert",
    "DROP TABLE IF EXISTS count_changes",
];

/// The count trigger's function (migration 23 replaces it, and restores it when undone).
pub(crate) const PG_COUNT_FUNCTION: &str =
    "CREATE OR REPLACE FUNCTION rustition_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE was boolean := false; now_counted boolean := false;
     BEGIN
       IF TG_OP <> 'INSERT' THEN was := OLD.confirmed_at IS NOT NULL AND OLD.invalidated_at IS NULL; END IF;
       IF TG_OP <> 'DELETE' THEN now_counted := NEW.confirmed_at IS NOT NULL AND NEW.invalidated_at IS NULL; END IF;
       IF TG_OP = 'UPDATE' AND was AND now_counted THEN
         IF OLD.petition_id = NEW.petition_id THEN RETURN NULL; END IF;
       END IF;
       IF was THEN INSERT INTO count_changes (petition_id, delta) VALUES (OLD.petition_id, -1); END IF;
       IF now_counted THEN INSERT INTO count_changes (petition_id, delta) VALUES (NEW.petition_id, 1); END IF;
       RETURN NULL;
     END $$";

const PG_UP: &[&str] = &[
    "CREATE TABLE count_changes (id BIGSERIAL PRIMARY KEY, petition_id BIGINT NOT NULL, delta INTEGER NOT NULL)",
    PG_COUNT_FUNCTION,
    "CREATE TRIGGER tr_signatures_count AFTER INSERT OR UPDATE OR DELETE ON signatures \
     FOR EACH ROW EXECUTE FUNCTION rustition_count_change()",
    // A failure (no extension on this server, no right to create it) is caught in the block, so
    // the migration's transaction goes on; the indexes are made only if the extension is there.
    "DO $$ BEGIN
       IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
         BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm;
         EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm unavailable (%): the signature search scans', SQLERRM;
         END;
       END IF;
       IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
         CREATE INDEX ix_signatures_search_first ON signatures USING gin (lower(first_name) gin_trgm_ops);
         CREATE INDEX ix_signatures_search_last ON signatures USING gin (lower(last_name) gin_trgm_ops);
         CREATE INDEX ix_signatures_search_email ON signatures USING gin (lower(email) gin_trgm_ops);
       END IF;
     END $$",
];

const PG_DOWN: &[&str] = &[
    "DROP INDEX IF EXISTS ix_signatures_search_email",
    "DROP INDEX IF EXISTS ix_signatures_search_last",
    "DROP INDEX IF EXISTS ix_signatures_search_first",
    "DROP TRIGGER IF EXISTS tr_signatures_count ON signatures",
    "DROP FUNCTION IF EXISTS rustition_count_change()",
    "DROP TABLE IF EXISTS count_changes",
];

async fn run(m: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    for sql in statements {
        m.get_connection().execute_unprepared(sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::index(m, KEYSET_INDEX, "signatures", &["petition_id", "created_at", "id"]).await?;
        parts::drop_index(m, OLD_INDEX, "signatures").await?;
        m.get_connection()
            .execute_unprepared(&format!(
                "CREATE INDEX {PENDING_INDEX} ON signatures (petition_id, created_at, id) WHERE confirmed_at IS NULL"
            ))
            .await?;
        match m.get_database_backend() {
            DbBackend::Postgres => run(m, PG_UP).await?,
            _ => {
                run(m, &[SQLITE_CHANGES]).await?;
                run(m, SQLITE_COUNT_TRIGGERS).await?;
                run(m, SQLITE_UP).await?;
            }
        }
        m.get_connection().execute_unprepared(COUNTED_NOW).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        match m.get_database_backend() {
            DbBackend::Postgres => run(m, PG_DOWN).await?,
            _ => run(m, SQLITE_DOWN).await?,
        }
        parts::drop_index(m, PENDING_INDEX, "signatures").await?;
        parts::index(m, OLD_INDEX, "signatures", &["petition_id", "created_at"]).await?;
        parts::drop_index(m, KEYSET_INDEX, "signatures").await
    }
}
