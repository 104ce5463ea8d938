//! The count batch counts one petition's confirmed signatures every few seconds. With only
//! `(petition_id, created_at)` to go by, SQLite read every signature row of the petition to look
//! at `confirmed_at` (100,000 rows for a viral one, while holding the write lock); with this
//! index the count reads the index alone.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "ix_signatures_petition_confirmed";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(Index::create().name(NAME).table("signatures").col("petition_id").col("confirmed_at").to_owned())
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(NAME).table("signatures").to_owned()).await
    }
}
