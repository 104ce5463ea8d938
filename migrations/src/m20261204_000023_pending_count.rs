//! The pending count kept like the confirmed one (issue 19). The dashboard and the signatures
//! page showed how many signatures await confirmation with a `COUNT` over the petition's
//! unconfirmed range: 50,000 rows read for each view of a petition of five million, one in a
//! hundred unconfirmed. Now `count_changes` carries a second delta, `pending` (+1 when a
//! signature starts awaiting confirmation, −1 when it is confirmed, deleted or invalidated),
//! written by the same triggers in the same row, and the count batch adds it to
//! `petitions.pending_count`. A confirmation is still one change row (+1 counted, −1 pending);
//! a new signature now writes one too.
use crate::m20261203_000021_scale as scale;
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Whether `row` (NEW or OLD) is counted (confirmed, not invalidated) and pending (neither):
/// 1 or 0 in SQLite.
fn states(row: &str) -> (String, String) {
    (
        format!("({row}.confirmed_at IS NOT NULL AND {row}.invalidated_at IS NULL)"),
        format!("({row}.confirmed_at IS NULL AND {row}.invalidated_at IS NULL)"),
    )
}

/// New names: on SQLite a migration's statements may run on different pooled connections, and
/// re-creating a name just dropped failed there (see migration 22).
fn sqlite_up() -> Vec<String> {
    let (new_counted, new_pending) = states("NEW");
    let (old_counted, old_pending) = states("OLD");
    vec![
        "DROP TRIGGER tr_signatures_count_insert".into(),
        "DROP TRIGGER tr_signatures_count_delete".into(),
        "DROP TRIGGER tr_signatures_count_update".into(),
        format!(
            "CREATE TRIGGER tr_signatures_counts_insert AFTER INSERT ON signatures \
             WHEN {new_counted} OR {new_pending} BEGIN \
             INSERT INTO count_changes (petition_id, delta, pending) VALUES (NEW.petition_id, {new_counted}, {new_pending}); END"
        ),
        format!(
            "CREATE TRIGGER tr_signatures_counts_delete AFTER DELETE ON signatures \
             WHEN {old_counted} OR {old_pending} BEGIN \
             INSERT INTO count_changes (petition_id, delta, pending) VALUES (OLD.petition_id, -{old_counted}, -{old_pending}); END"
        ),
        // One row when the petition stays, two when a signature moves to another petition.
        format!(
            "CREATE TRIGGER tr_signatures_counts_update AFTER UPDATE OF confirmed_at, invalidated_at, petition_id ON signatures \
             WHEN {old_counted} <> {new_counted} OR {old_pending} <> {new_pending} OR OLD.petition_id <> NEW.petition_id \
             BEGIN \
               INSERT INTO count_changes (petition_id, delta, pending) \
                 SELECT NEW.petition_id, {new_counted} - {old_counted}, {new_pending} - {old_pending} \
                 WHERE OLD.petition_id = NEW.petition_id; \
               INSERT INTO count_changes (petition_id, delta, pending) SELECT OLD.petition_id, -{old_counted}, -{old_pending} \
                 WHERE OLD.petition_id <> NEW.petition_id AND ({old_counted} OR {old_pending}); \
               INSERT INTO count_changes (petition_id, delta, pending) SELECT NEW.petition_id, {new_counted}, {new_pending} \
                 WHERE OLD.petition_id <> NEW.petition_id AND ({new_counted} OR {new_pending}); \
             END"
        ),
    ]
}

/// Then migration 21's triggers again.
const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER tr_signatures_counts_insert",
    "DROP TRIGGER tr_signatures_counts_delete",
    "DROP TRIGGER tr_signatures_counts_update",
];

/// The same trigger function, replaced: one row per petition touched, with both deltas.
const PG_UP: &str = "CREATE OR REPLACE FUNCTION rustition_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE was integer := 0; now_counted integer := 0; was_pending integer := 0; now_pending integer := 0;
     BEGIN
       IF TG_OP <> 'INSERT' THEN
         was := (OLD.confirmed_at IS NOT NULL AND OLD.invalidated_at IS NULL)::integer;
         was_pending := (OLD.confirmed_at IS NULL AND OLD.invalidated_at IS NULL)::integer;
       END IF;
       IF TG_OP <> 'DELETE' THEN
         now_counted := (NEW.confirmed_at IS NOT NULL AND NEW.invalidated_at IS NULL)::integer;
         now_pending := (NEW.confirmed_at IS NULL AND NEW.invalidated_at IS NULL)::integer;
       END IF;
       IF TG_OP = 'UPDATE' AND OLD.petition_id = NEW.petition_id THEN
         IF was <> now_counted OR was_pending <> now_pending THEN
           INSERT INTO count_changes (petition_id, delta, pending)
             VALUES (NEW.petition_id, now_counted - was, now_pending - was_pending);
         END IF;
         RETURN NULL;
       END IF;
       IF was + was_pending > 0 THEN
         INSERT INTO count_changes (petition_id, delta, pending) VALUES (OLD.petition_id, -was, -was_pending);
       END IF;
       IF now_counted + now_pending > 0 THEN
         INSERT INTO count_changes (petition_id, delta, pending) VALUES (NEW.petition_id, now_counted, now_pending);
       END IF;
       RETURN NULL;
     END $$";

/// The pending counts from the signatures as they are now (the change rows not yet consumed
/// carry only confirmed deltas, so nothing of them is pending).
const PENDING_NOW: &str = "UPDATE petitions SET pending_count = (SELECT COUNT(*) FROM signatures s \
    WHERE s.petition_id = petitions.id AND s.confirmed_at IS NULL AND s.invalidated_at IS NULL)";

fn pending_delta() -> ColumnDef {
    ColumnDef::new(Alias::new("pending")).integer().not_null().default(0).to_owned()
}

fn pending_count() -> ColumnDef {
    ColumnDef::new(Alias::new("pending_count")).big_integer().not_null().default(0).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::add_columns(m, "count_changes", [pending_delta()]).await?;
        parts::add_columns(m, "petitions", [pending_count()]).await?;
        let db = m.get_connection();
        match m.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(PG_UP).await?;
            }
            _ => {
                for sql in sqlite_up() {
                    db.execute_unprepared(&sql).await?;
                }
            }
        }
        db.execute_unprepared(PENDING_NOW).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(scale::PG_COUNT_FUNCTION).await?;
            }
            _ => {
                for sql in SQLITE_DOWN.iter().chain(scale::SQLITE_COUNT_TRIGGERS) {
                    db.execute_unprepared(sql).await?;
                }
            }
        }
        parts::drop_columns(m, "petitions", ["pending_count"]).await?;
        parts::drop_columns(m, "count_changes", ["pending"]).await
    }
}
