//! The count batch counts one petition's confirmed signatures every few seconds. With only
//! `(petition_id, created_at)` to go by, SQLite read every signature row of the petition to look
//! at `confirmed_at` (100,000 rows for a viral one, while holding the write lock); with this
//! index the count reads the index alone.
use crate::parts;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "ix_signatures_petition_confirmed";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::index(m, NAME, "signatures", &["petition_id", "confirmed_at"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_index(m, NAME, "signatures").await
    }
}
