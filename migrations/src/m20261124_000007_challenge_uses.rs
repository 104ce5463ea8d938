//! Challenges are no longer stored when shown (their token is signed, their answer derived from
//! it): the `challenges` table, which grew with every view of the registration form and kept
//! each picture, gives way to a record of the tokens already answered, so that each is used once.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(m, &["challenges"]).await?;
        let uses = [
            // SHA-256 of the answered token, hex.
            string_len("token_hash", 64).primary_key().to_owned(),
            // When the token expires, after which the record is useless and deleted.
            timestamp_with_time_zone("expires_at"),
        ];
        parts::keyed_table("challenge_uses", uses).create(m).await?;
        parts::index(m, "ix_challenge_uses_expires", "challenge_uses", &["expires_at"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(m, &["challenge_uses"]).await?;
        crate::m20261124_000003_accounts::challenges().create(m).await
    }
}
